//! Sub-errors: what went wrong with each part of a request.

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use http::StatusCode;

/// One sub-error, typically about one field of a request body.
///
/// Validation errors carry a list of these ([`FieldErrors`]); each format
/// places them where its shape allows (`errors` in problem+json, `inner` in
/// the nested format, …).
///
/// ```
/// use api_error::FieldError;
///
/// let err = FieldError::new("required", "This field is required.").at("address.zip");
/// assert_eq!(err.path().unwrap().to_string(), "address.zip");
/// assert_eq!(err.path().unwrap().pointer().to_string(), "#/address/zip");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    code: Cow<'static, str>,
    message: Cow<'static, str>,
    path: FieldPath,
    status: Option<StatusCode>,
}

impl FieldError {
    /// A sub-error with a machine `code` and a public `message`.
    pub fn new(code: impl Into<Cow<'static, str>>, message: impl Into<Cow<'static, str>>) -> Self {
        FieldError {
            code: code.into(),
            message: message.into(),
            path: FieldPath::default(),
            status: None,
        }
    }

    /// Places the sub-error at a field path: a [`FieldPath`], or a string
    /// in dotted form such as `items[3].tags`.
    #[must_use]
    pub fn at(mut self, path: impl Into<FieldPath>) -> Self {
        self.path = path.into();
        self
    }

    /// Gives the sub-error a status of its own, for the formats that show
    /// one per sub-error.
    #[must_use]
    pub fn with_status(mut self, status: StatusCode) -> Self {
        self.status = Some(status);
        self
    }

    /// The machine code, e.g. `required`.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The public message, e.g. `This field is required.`
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The field the sub-error is about; `None` when it is about the request
    /// as a whole.
    pub fn path(&self) -> Option<&FieldPath> {
        if self.path.is_empty() {
            None
        } else {
            Some(&self.path)
        }
    }

    /// The sub-error's own status, if it has one.
    pub fn status(&self) -> Option<StatusCode> {
        self.status
    }

    /// This sub-error with `prefix` put in front of its path.
    #[must_use]
    pub fn prefixed(mut self, prefix: &FieldPath) -> Self {
        self.path = prefix.join(&self.path);
        self
    }
}

/// A list of sub-errors, built up while validating a request.
///
/// Give a variant a field of this type marked `#[api(errors)]` and the
/// formats render the list. With `#[from]` on that field, `?` on
/// [`finish`](Self::finish) turns a non-empty list into the error:
///
/// ```
/// use api_error::{ApiError, FieldErrors};
///
/// #[derive(Debug, ApiError)]
/// enum SignupError {
///     #[api(status = 422, code = "ValidationFailure", message = "data validation failed")]
///     Invalid(#[from] #[api(errors)] FieldErrors),
/// }
///
/// fn validate(email: &str, password: &str) -> Result<(), SignupError> {
///     let mut errors = FieldErrors::new();
///     if !email.contains('@') {
///         errors.add("email", "InvalidEmail", "invalid email");
///     }
///     if password.len() < 8 {
///         errors.add("password", "InvalidPassword", "invalid password");
///     }
///     errors.finish()?;
///     Ok(())
/// }
///
/// let err = validate("ada", "hunter2").unwrap_err();
/// assert_eq!(err.errors().len(), 2);
/// assert_eq!(err.errors()[0].code(), "InvalidEmail");
/// assert!(validate("ada@example.com", "correct horse").is_ok());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors {
    errors: Vec<FieldError>,
}

impl FieldErrors {
    /// An empty list.
    pub fn new() -> Self {
        FieldErrors::default()
    }

    /// Adds a sub-error at `path` (a [`FieldPath`] or a dotted string).
    pub fn add(
        &mut self,
        path: impl Into<FieldPath>,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> &mut Self {
        self.push(FieldError::new(code, message).at(path))
    }

    /// Adds a sub-error.
    pub fn push(&mut self, error: FieldError) -> &mut Self {
        self.errors.push(error);
        self
    }

    /// Adds the sub-errors of a nested part of the request, with `prefix` put
    /// in front of their paths: `address` and `zip` give `address.zip`.
    pub fn nest(&mut self, prefix: impl Into<FieldPath>, errors: FieldErrors) -> &mut Self {
        let prefix = prefix.into();
        self.errors.extend(
            errors
                .errors
                .into_iter()
                .map(|error| error.prefixed(&prefix)),
        );
        self
    }

    /// `Ok` if the list is empty, else the list as an error.
    pub fn finish(self) -> Result<(), FieldErrors> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The number of sub-errors.
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// The sub-errors, in the order they were added.
    pub fn iter(&self) -> std::slice::Iter<'_, FieldError> {
        self.errors.iter()
    }

    /// The sub-errors as a slice.
    pub fn as_slice(&self) -> &[FieldError] {
        &self.errors
    }

    /// The sub-errors as a vector.
    pub fn into_vec(self) -> Vec<FieldError> {
        self.errors
    }
}

impl AsRef<[FieldError]> for FieldErrors {
    fn as_ref(&self) -> &[FieldError] {
        &self.errors
    }
}

impl From<Vec<FieldError>> for FieldErrors {
    fn from(errors: Vec<FieldError>) -> Self {
        FieldErrors { errors }
    }
}

impl From<FieldError> for FieldErrors {
    fn from(error: FieldError) -> Self {
        FieldErrors {
            errors: vec![error],
        }
    }
}

impl FromIterator<FieldError> for FieldErrors {
    fn from_iter<I: IntoIterator<Item = FieldError>>(iter: I) -> Self {
        FieldErrors {
            errors: iter.into_iter().collect(),
        }
    }
}

impl Extend<FieldError> for FieldErrors {
    fn extend<I: IntoIterator<Item = FieldError>>(&mut self, iter: I) {
        self.errors.extend(iter);
    }
}

impl IntoIterator for FieldErrors {
    type Item = FieldError;
    type IntoIter = std::vec::IntoIter<FieldError>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

impl<'a> IntoIterator for &'a FieldErrors {
    type Item = &'a FieldError;
    type IntoIter = std::slice::Iter<'a, FieldError>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.iter()
    }
}

impl fmt::Display for FieldErrors {
    /// `email: invalid email; password: invalid password`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            match error.path() {
                Some(path) => write!(f, "{path}: {}", error.message())?,
                None => f.write_str(error.message())?,
            }
        }
        Ok(())
    }
}

impl std::error::Error for FieldErrors {}

/// Where in a request body a value sits: field names and array indices.
///
/// `Display` writes the dotted form (`address.street`, `items[3].tags`),
/// for people: control characters in names are escaped (`\u000a`), and a
/// path longer than 300 bytes is cut in the middle (`…`).
/// [`pointer`](Self::pointer) writes the JSON Pointer as a URI fragment
/// (`#/items/3/tags`), exact.
///
/// ```
/// use api_error::FieldPath;
///
/// let path = FieldPath::new().field("items").index(3).field("tags");
/// assert_eq!(path, FieldPath::parse("items[3].tags"));
/// assert_eq!(path.to_string(), "items[3].tags");
/// assert_eq!(path.pointer().to_string(), "#/items/3/tags");
/// ```
///
/// Paths order step by step, a path before those it leads to: names by
/// their bytes, indices by number, a name before an index.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldPath {
    segments: Vec<Segment>,
}

/// One step of a [`FieldPath`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    /// A member of an object, by name.
    Field(Cow<'static, str>),
    /// An element of an array, by position.
    Index(usize),
}

impl FieldPath {
    /// The empty path: the body itself.
    pub fn new() -> Self {
        FieldPath::default()
    }

    /// Reads the dotted form: names separated by `.`, indices in brackets
    /// (`items[3].tags`, `[0].name`).
    ///
    /// Every string is a path: brackets that do not hold a number are part
    /// of the name. A name that itself contains `.` or `[` is built with
    /// [`field`](Self::field) instead.
    pub fn parse(dotted: &str) -> Self {
        let mut path = FieldPath::new();
        for part in dotted.split('.') {
            let (name, indices) = split_indices(part);
            if !name.is_empty() {
                path.segments
                    .push(Segment::Field(Cow::Owned(name.to_owned())));
            }
            for index in indices {
                path.segments.push(Segment::Index(index));
            }
        }
        path
    }

    /// This path followed by the member `name`.
    #[must_use]
    pub fn field(mut self, name: impl Into<Cow<'static, str>>) -> Self {
        self.segments.push(Segment::Field(name.into()));
        self
    }

    /// This path followed by the array element at `index`.
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.segments.push(Segment::Index(index));
        self
    }

    /// Adds the member `name` at the end.
    pub fn push_field(&mut self, name: impl Into<Cow<'static, str>>) {
        self.segments.push(Segment::Field(name.into()));
    }

    /// Adds the array element `index` at the end.
    pub fn push_index(&mut self, index: usize) {
        self.segments.push(Segment::Index(index));
    }

    /// This path followed by `rest`.
    #[must_use]
    pub fn join(&self, rest: &FieldPath) -> FieldPath {
        let mut segments = Vec::with_capacity(self.segments.len() + rest.segments.len());
        segments.extend_from_slice(&self.segments);
        segments.extend_from_slice(&rest.segments);
        FieldPath { segments }
    }

    /// The steps, outermost first.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Whether this is the empty path.
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// Reads a JSON Pointer (RFC 6901), in URI fragment form (`#/items/3`,
    /// percent-encoded) or plain (`/items/3`); the inverse of
    /// [`pointer`](Self::pointer). `None` if it is neither.
    ///
    /// A pointer does not say whether a step that is a number names an
    /// array element or an object member; it is read as an element.
    ///
    /// ```
    /// use api_error::FieldPath;
    ///
    /// let path = FieldPath::parse_pointer("#/items/3/a~1b").unwrap();
    /// assert_eq!(path, FieldPath::new().field("items").index(3).field("a/b"));
    /// assert_eq!(FieldPath::parse_pointer("items"), None);
    /// ```
    pub fn parse_pointer(pointer: &str) -> Option<FieldPath> {
        let decoded;
        let pointer = match pointer.strip_prefix('#') {
            Some(fragment) => {
                decoded = percent_decode(fragment);
                decoded.as_str()
            }
            None => pointer,
        };
        let mut path = FieldPath::new();
        if pointer.is_empty() {
            return Some(path);
        }
        for step in pointer.strip_prefix('/')?.split('/') {
            match parse_index(step) {
                Some(index) if step == "0" || !step.starts_with('0') => path.push_index(index),
                _ => path.push_field(step.replace("~1", "/").replace("~0", "~")),
            }
        }
        Some(path)
    }

    /// The path as a JSON Pointer (RFC 6901) in URI fragment form, as
    /// problem+json's `pointer` uses it: `#/items/3/tags`.
    ///
    /// `~` and `/` in names are escaped as `~0` and `~1`, and characters a
    /// URI fragment cannot hold are percent-encoded.
    pub fn pointer(&self) -> Pointer<'_> {
        Pointer {
            path: self,
            fragment: true,
        }
    }

    /// The path as a plain JSON Pointer (RFC 6901), as JSON:API's
    /// `source.pointer` uses it: `/items/3/tags`.
    ///
    /// `~` and `/` in names are escaped as `~0` and `~1`; nothing else is.
    pub fn json_pointer(&self) -> Pointer<'_> {
        Pointer {
            path: self,
            fragment: false,
        }
    }
}

/// Splits `name[1][2]` into `name` and its indices; a part whose brackets do
/// not all hold numbers is all name.
fn split_indices(part: &str) -> (&str, Vec<usize>) {
    let Some((name, mut rest)) = part.split_once('[') else {
        return (part, Vec::new());
    };
    let mut indices = Vec::new();
    loop {
        let Some((digits, after)) = rest.split_once(']') else {
            return (part, Vec::new());
        };
        match parse_index(digits) {
            Some(index) => indices.push(index),
            None => return (part, Vec::new()),
        }
        if after.is_empty() {
            return (name, indices);
        }
        match after.strip_prefix('[') {
            Some(next) => rest = next,
            None => return (part, Vec::new()),
        }
    }
}

/// `digits` as an index: ASCII digits only (no sign), within `usize`.
fn parse_index(digits: &str) -> Option<usize> {
    if digits.is_empty() {
        return None;
    }
    let mut index: usize = 0;
    for byte in digits.bytes() {
        if !byte.is_ascii_digit() {
            return None;
        }
        index = index
            .checked_mul(10)?
            .checked_add(usize::from(byte - b'0'))?;
    }
    Some(index)
}

impl From<&str> for FieldPath {
    /// Reads the dotted form; see [`FieldPath::parse`].
    fn from(dotted: &str) -> Self {
        FieldPath::parse(dotted)
    }
}

impl From<String> for FieldPath {
    /// Reads the dotted form; see [`FieldPath::parse`].
    fn from(dotted: String) -> Self {
        FieldPath::parse(&dotted)
    }
}

impl From<&FieldPath> for FieldPath {
    fn from(path: &FieldPath) -> Self {
        path.clone()
    }
}

/// How long a path's dotted form is shown whole: a longer one is cut in
/// the middle, so a message about a deep body stays short.
const SHOWN: usize = 300;

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Short enough to be shown whole even if every byte is escaped:
        // no need to measure it first.
        let most: usize = self
            .segments
            .iter()
            .map(|segment| match segment {
                Segment::Field(name) => name.len() + 1,
                Segment::Index(_) => 22,
            })
            .sum();
        let mut length = Counter(0);
        if most * 6 > SHOWN {
            self.write_dotted(&mut length)?;
        }
        if length.0 <= SHOWN {
            return self.write_dotted(f);
        }
        let mut dotted = String::with_capacity(length.0);
        self.write_dotted(&mut dotted)?;
        let head = (0..=SHOWN / 2)
            .rev()
            .find(|&at| dotted.is_char_boundary(at));
        let tail = (dotted.len() - SHOWN / 2..dotted.len()).find(|&at| dotted.is_char_boundary(at));
        match (
            head.and_then(|at| dotted.get(..at)),
            tail.and_then(|at| dotted.get(at..)),
        ) {
            (Some(head), Some(tail)) => write!(f, "{head}…{tail}"),
            _ => f.write_str(&dotted),
        }
    }
}

impl FieldPath {
    fn write_dotted(&self, out: &mut impl fmt::Write) -> fmt::Result {
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Field(name) => {
                    if i > 0 {
                        out.write_char('.')?;
                    }
                    write_escaped(out, name)?;
                }
                Segment::Index(index) => {
                    out.write_char('[')?;
                    write_index(out, *index)?;
                    out.write_char(']')?;
                }
            }
        }
        Ok(())
    }
}

/// Counts what is written.
struct Counter(usize);

impl fmt::Write for Counter {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0 += s.len();
        Ok(())
    }
}

/// Writes `text` with its control characters escaped as JSON escapes them
/// (`\u0000`): a name from a request, shown to people.
pub(crate) fn write_escaped(out: &mut impl fmt::Write, text: &str) -> fmt::Result {
    // Control characters are below 0x20, 0x7F, or 0xC2 0x80 to 0xC2 0x9F.
    if !text
        .bytes()
        .any(|byte| byte < 0x20 || byte == 0x7F || byte == 0xC2)
    {
        return out.write_str(text);
    }
    let mut rest = text;
    while let Some((at, c)) = rest.char_indices().find(|(_, c)| c.is_control()) {
        out.write_str(rest.get(..at).unwrap_or_default())?;
        write!(out, "\\u{:04x}", u32::from(c))?;
        rest = rest.get(at + c.len_utf8()..).unwrap_or_default();
    }
    out.write_str(rest)
}

/// Writes the first `chars` characters of `text`, escaped as
/// [`write_escaped`] does, and `…` if it has more: a client's text, cut
/// short for a message.
pub(crate) fn write_clipped(out: &mut impl fmt::Write, text: &str, chars: usize) -> fmt::Result {
    match text.char_indices().nth(chars) {
        Some((cut, _)) => {
            write_escaped(out, text.get(..cut).unwrap_or_default())?;
            out.write_char('…')
        }
        None => write_escaped(out, text),
    }
}

/// Writes `index` in decimal without the `fmt` machinery, which costs more
/// than the digits: paths are shown in every request error's message.
fn write_index(out: &mut impl fmt::Write, mut index: usize) -> fmt::Result {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    for slot in digits.iter_mut().rev() {
        *slot = b'0' + (index % 10) as u8;
        start -= 1;
        index /= 10;
        if index == 0 {
            break;
        }
    }
    let digits = digits.get(start..).unwrap_or_default();
    out.write_str(std::str::from_utf8(digits).unwrap_or_default())
}

/// A [`FieldPath`] shown as a JSON Pointer, as a URI fragment
/// ([`FieldPath::pointer`]) or plain ([`FieldPath::json_pointer`]).
#[derive(Debug, Clone, Copy)]
pub struct Pointer<'a> {
    path: &'a FieldPath,
    fragment: bool,
}

impl fmt::Display for Pointer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.fragment {
            f.write_char('#')?;
        }
        for segment in &self.path.segments {
            f.write_char('/')?;
            match segment {
                Segment::Index(index) => write_index(f, *index)?,
                Segment::Field(name) if !self.fragment => {
                    for c in name.chars() {
                        match c {
                            '~' => f.write_str("~0")?,
                            '/' => f.write_str("~1")?,
                            _ => f.write_char(c)?,
                        }
                    }
                }
                Segment::Field(name) => {
                    for byte in name.bytes() {
                        match byte {
                            b'~' => f.write_str("~0")?,
                            b'/' => f.write_str("~1")?,
                            _ if is_fragment_byte(byte) => f.write_char(char::from(byte))?,
                            _ => write!(f, "%{byte:02X}")?,
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

/// `text` with its `%XX` escapes decoded; an escape that is not one, or
/// bytes that are not UTF-8, are kept as they are.
fn percent_decode(text: &str) -> String {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let [byte, after @ ..] = rest {
        if let (b'%', [high, low, after @ ..]) = (byte, after)
            && let (Some(high), Some(low)) = (hex_value(*high), hex_value(*low))
        {
            bytes.push(high << 4 | low);
            rest = after;
        } else {
            bytes.push(*byte);
            rest = after;
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned())
}

/// The value of a hexadecimal digit.
pub(crate) fn hex_value(digit: u8) -> Option<u8> {
    match digit {
        b'0'..=b'9' => Some(digit - b'0'),
        b'a'..=b'f' => Some(digit - b'a' + 10),
        b'A'..=b'F' => Some(digit - b'A' + 10),
        _ => None,
    }
}

/// Whether a URI fragment may hold `byte` as it is (RFC 3986: unreserved,
/// sub-delims, `:`, `@`, `?`; `/` separates the pointer's steps).
fn is_fragment_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@?".contains(&byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_paths_parse_and_print() {
        for dotted in [
            "a",
            "address.street",
            "items[3].tags",
            "[0].name",
            "m[1][2]",
            "a.b[10].c",
        ] {
            assert_eq!(FieldPath::parse(dotted).to_string(), dotted);
        }
        assert_eq!(
            FieldPath::parse("items[3].tags").segments(),
            [
                Segment::Field("items".into()),
                Segment::Index(3),
                Segment::Field("tags".into())
            ]
        );
    }

    #[test]
    fn indices_print_in_full() {
        for index in [0, 9, 10, 1234, usize::MAX] {
            let path = FieldPath::new().index(index);
            assert_eq!(path.to_string(), format!("[{index}]"));
            assert_eq!(path.pointer().to_string(), format!("#/{index}"));
        }
    }

    #[test]
    fn brackets_without_a_number_belong_to_the_name() {
        for dotted in ["a[x]", "a[1", "a[1]b", "a[-1]", "a[]", "a[+1]"] {
            let path = FieldPath::parse(dotted);
            assert_eq!(
                path.segments(),
                [Segment::Field(dotted.to_owned().into())],
                "{dotted}"
            );
        }
    }

    #[test]
    fn empty_parts_are_skipped() {
        assert!(FieldPath::parse("").is_empty());
        assert_eq!(FieldPath::parse("a..b").to_string(), "a.b");
    }

    #[test]
    fn pointers_parse_back() {
        let path = FieldPath::new()
            .field("a/b")
            .field("m~n")
            .index(0)
            .field("x y\"é#%~1")
            .field("");
        let pointer = path.pointer().to_string();
        assert_eq!(FieldPath::parse_pointer(&pointer), Some(path));
        assert_eq!(
            FieldPath::parse_pointer("/a/01/1"),
            Some(FieldPath::new().field("a").field("01").index(1))
        );
        assert_eq!(FieldPath::parse_pointer("#"), Some(FieldPath::new()));
        assert_eq!(
            FieldPath::parse_pointer("#/%zz%4"),
            Some(FieldPath::new().field("%zz%4"))
        );
        assert_eq!(
            FieldPath::parse_pointer("#/%FF"),
            Some(FieldPath::new().field("%FF"))
        );
        assert_eq!(FieldPath::parse_pointer("a/b"), None);
        assert_eq!(
            FieldPath::parse_pointer("/99999999999999999999999"),
            Some(FieldPath::new().field("99999999999999999999999"))
        );
    }

    #[test]
    fn pointers_escape_and_percent_encode() {
        let path = FieldPath::new()
            .field("a/b")
            .field("m~n")
            .index(0)
            .field("x y\"é#%")
            .field("");
        assert_eq!(
            path.pointer().to_string(),
            "#/a~1b/m~0n/0/x%20y%22%C3%A9%23%25/"
        );
        assert_eq!(FieldPath::new().pointer().to_string(), "#");
    }

    #[test]
    fn nesting_prefixes_paths() {
        let mut inner = FieldErrors::new();
        inner.add("zip", "required", "Zip is missing");
        inner.push(FieldError::new("invalid", "Invalid address"));
        let mut outer = FieldErrors::new();
        outer.nest("address", inner);
        let paths: Vec<String> = outer
            .iter()
            .map(|error| error.path().map(ToString::to_string).unwrap_or_default())
            .collect();
        assert_eq!(paths, ["address.zip", "address"]);
    }

    #[test]
    fn finish_is_ok_only_when_empty() {
        assert_eq!(FieldErrors::new().finish(), Ok(()));
        let mut errors = FieldErrors::new();
        errors.add("name", "required", "This field is required.");
        assert_eq!(errors.clone().finish(), Err(errors));
    }

    #[test]
    fn display_lists_the_sub_errors() {
        let errors: FieldErrors = [
            FieldError::new("a", "invalid email").at("email"),
            FieldError::new("b", "too many requests"),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            errors.to_string(),
            "email: invalid email; too many requests"
        );
    }
}
