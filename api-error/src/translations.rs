//! Messages in the client's language: translations an application owns, by
//! locale and code, chosen from the request's `Accept-Language`.
//!
//! A translation is a template of the variant's message in another
//! language, with the same `{field}` placeholders (and `{{`, `}}` for
//! braces), but no format specs: a field is written as the message writes
//! it ([`ApiError::fmt_field`]). Templates are checked when they are added,
//! against the [`Catalog`] of the errors they translate, and kept parsed,
//! their text already escaped for JSON.
//!
//! ```
//! use api_error::ApiError;
//! use api_error::translations::Translations;
//!
//! #[derive(Debug, ApiError)]
//! enum UserError {
//!     #[api(status = 404, code = "user_not_found", message = "No user {id}.")]
//!     NotFound { id: u64 },
//! }
//!
//! let translations = Translations::new("en", UserError::catalog())?
//!     .add("fr", [("user_not_found".to_owned(), "Aucun utilisateur {id}.".to_owned())])?;
//! let fr = translations.choose([&b"fr-CA, en;q=0.5"[..]]).unwrap();
//! assert_eq!(translations.tag(fr), "fr");
//! let err = UserError::NotFound { id: 7 };
//! assert_eq!(translations.message(fr, &err).as_deref(), Some("Aucun utilisateur 7."));
//! assert_eq!(translations.choose([&b"en-GB"[..]]), None); // the default language
//! # Ok::<(), api_error::translations::TranslationError>(())
//! ```

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

use http::HeaderValue;

use crate::catalog::{Catalog, Entry};
use crate::context::qvalue;
use crate::error::ApiError;
use crate::format::json::{Escape, escape_into};

/// Every translation of an application's messages, by locale and code,
/// checked against the catalog of the types whose messages they translate.
#[derive(Debug, Clone)]
pub struct Translations {
    default: String,
    /// `default` as a `Content-Language` value, made once.
    default_header: HeaderValue,
    /// The catalog's entries by code: several when types share a code.
    entries: BTreeMap<&'static str, Vec<&'static Entry>>,
    locales: Vec<Translated>,
}

/// One locale's templates, by code.
#[derive(Debug, Clone)]
struct Translated {
    tag: String,
    /// `tag` as a `Content-Language` value, made once: a response clones
    /// it, sharing its bytes, rather than allocating its own.
    header: HeaderValue,
    templates: BTreeMap<String, Template>,
}

/// A template, parsed: its static pieces, each followed by the field
/// shown after it, if any.
#[derive(Debug, Clone)]
struct Template {
    pieces: Box<[Piece]>,
}

/// Text copied as it is, then the field shown after it.
#[derive(Debug, Clone)]
struct Piece {
    /// The text escaped for JSON, copied into bodies as it is.
    json: Box<[u8]>,
    /// The text itself, for [`Translations::message`].
    text: Box<str>,
    /// The field shown after the text.
    field: Option<Box<str>>,
}

/// An index of a locale of some [`Translations`] (Copy, cheap): what
/// [`Translations::choose`] picks, for the other methods to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locale(usize);

impl Translations {
    /// No translations yet: the messages are in `default` (a language tag
    /// such as `en`), the language of the derive's messages; `catalog`
    /// lists the errors translated.
    pub fn new(default: &str, catalog: Catalog) -> Result<Translations, TranslationError> {
        let default_header = check_tag(default)?;
        let mut entries: BTreeMap<&'static str, Vec<&'static Entry>> = BTreeMap::new();
        for item in &catalog {
            let entry = item.entry();
            entries.entry(entry.code()).or_default().push(entry);
        }
        Ok(Translations {
            default: default.to_owned(),
            default_header,
            entries,
            locales: Vec::new(),
        })
    }

    /// Adds the locale `tag` (`fr`, `fr-CA`, `pt-BR`; case kept for
    /// `Content-Language`, matched case-insensitively) with `templates`,
    /// code → template.
    ///
    /// A code given twice is refused, as TOML refuses a key given twice. A
    /// code no error of the catalog has is kept (a file shared across
    /// services or versions must not stop a server starting), and
    /// [`check`](Self::check) reports it.
    pub fn add(
        mut self,
        tag: &str,
        templates: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Translations, TranslationError> {
        let header = self.check_new_locale(tag)?;
        let mut parsed = BTreeMap::new();
        for (code, template) in templates {
            let template = self.parse(tag, &code, &template)?;
            if parsed.contains_key(&code) {
                return Err(TranslationError::new(Kind::CodeTwice {
                    tag: tag.to_owned(),
                    code,
                }));
            }
            parsed.insert(code, template);
        }
        self.locales.push(Translated {
            tag: tag.to_owned(),
            header,
            templates: parsed,
        });
        Ok(self)
    }

    /// The same from a TOML document of `code = "template"`.
    #[cfg(feature = "toml")]
    pub fn add_toml(self, tag: &str, toml: &str) -> Result<Translations, TranslationError> {
        self.check_new_locale(tag)?;
        let table: toml::Table = toml.parse().map_err(|error: toml::de::Error| {
            let (line, column) = error
                .span()
                .map_or((0, 0), |span| line_column(toml, span.start));
            TranslationError::new(Kind::Toml {
                tag: tag.to_owned(),
                message: error.message().trim_end().to_owned(),
                line,
                column,
            })
        })?;
        let mut templates = Vec::with_capacity(table.len());
        for (key, value) in table {
            match value {
                toml::Value::String(template) => templates.push((key, template)),
                other => {
                    return Err(TranslationError::new(Kind::NotAString {
                        tag: tag.to_owned(),
                        key,
                        found: other.type_str(),
                    }));
                }
            }
        }
        self.add(tag, templates)
    }

    /// The default language tag.
    pub fn default_language(&self) -> &str {
        &self.default
    }

    /// The locale the `Accept-Language` values `values` prefer, `None` for
    /// the default.
    ///
    /// Each value is a list of language ranges with optional weights
    /// (RFC 9110 §12.5.4: `fr-CA, fr;q=0.8, *;q=0.1`); the range of the
    /// highest weight that some locale answers wins, the earliest of equal
    /// weights. A range is answered by RFC 4647 lookup: the locale equal to
    /// it, else to it without its last subtag (`fr-CA`, then `fr`), ignoring
    /// case. The default language answers too, and `*` is the default. A
    /// range of weight 0, one nothing answers, and a malformed one are
    /// skipped.
    pub fn choose<'a>(&self, values: impl IntoIterator<Item = &'a [u8]>) -> Option<Locale> {
        // The weight (in thousandths) and the answer of the best range yet.
        let mut best: Option<(u16, Option<Locale>)> = None;
        for value in values {
            for item in value.split(|&byte| byte == b',') {
                let Some((range, weight)) = language_range(item) else {
                    continue;
                };
                if weight == 0 || best.is_some_and(|(known, _)| known >= weight) {
                    continue;
                }
                if let Some(found) = self.lookup(range) {
                    best = Some((weight, found));
                }
            }
        }
        best.and_then(|(_, locale)| locale)
    }

    /// The locale's tag as added; the default language for a locale of
    /// other translations than these.
    pub fn tag(&self, locale: Locale) -> &str {
        self.locales
            .get(locale.0)
            .map_or(&self.default, |translated| &translated.tag)
    }

    /// Writes `err`'s message in `locale` inside a JSON string, escaped, at
    /// the end of `out`: `Ok(true)` if `locale` translates `err.code()` and
    /// every field it names was written, `Ok(false)` and `out` untouched
    /// when there is no translation (the caller writes the message as
    /// usual). Never allocates beyond `out` growing.
    ///
    /// A field that `err` does not show after all (its type changed since
    /// the catalog was read) or that fails to format is no translation
    /// either: `out` is left as it was, never half written.
    pub fn write_json(
        &self,
        locale: Locale,
        err: &(impl ApiError + ?Sized),
        out: &mut Vec<u8>,
    ) -> Result<bool, fmt::Error> {
        let Some(template) = self.template(locale, err.code()) else {
            return Ok(false);
        };
        let start = out.len();
        for piece in &template.pieces {
            out.extend_from_slice(&piece.json);
            if let Some(name) = &piece.field
                && write!(Escape(out), "{}", Field { err, name }).is_err()
            {
                out.truncate(start);
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// The same as text, for logs and tests: `None` without a translation
    /// (or when a field it names is not written, as for
    /// [`write_json`](Self::write_json)).
    pub fn message(&self, locale: Locale, err: &(impl ApiError + ?Sized)) -> Option<String> {
        let template = self.template(locale, err.code())?;
        let mut message = String::with_capacity(128);
        for piece in &template.pieces {
            message.push_str(&piece.text);
            if let Some(name) = &piece.field {
                write!(message, "{}", Field { err, name }).ok()?;
            }
        }
        Some(message)
    }

    /// What the translations lack or have too many: codes no type in the
    /// catalog has (per locale), and codes of the catalog left
    /// untranslated (per locale).
    pub fn check(&self) -> Report {
        let mut report = Report::default();
        for translated in &self.locales {
            let unknown: Vec<String> = translated
                .templates
                .keys()
                .filter(|code| !self.entries.contains_key(code.as_str()))
                .cloned()
                .collect();
            if !unknown.is_empty() {
                report.unknown.push((translated.tag.clone(), unknown));
            }
            let untranslated: Vec<String> = self
                .entries
                .keys()
                .filter(|code| !translated.templates.contains_key(**code))
                .map(|code| (*code).to_owned())
                .collect();
            if !untranslated.is_empty() {
                report
                    .untranslated
                    .push((translated.tag.clone(), untranslated));
            }
        }
        report
    }

    /// The template of `code` in `locale`, if it has one.
    /// The `Content-Language` of a body for `err` in `locale` (`None`: the
    /// default language): the locale's tag where its translation of
    /// `err`'s code is written (every field it names shows), else the
    /// default language's, which the message is then written in.
    pub(crate) fn content_language(
        &self,
        locale: Option<Locale>,
        err: &(impl ApiError + ?Sized),
    ) -> &HeaderValue {
        let translated = locale.and_then(|locale| {
            let template = self.template(locale, err.code())?;
            let shown = template
                .pieces
                .iter()
                .filter_map(|piece| piece.field.as_deref());
            // As `write_json` writes them, into nothing.
            let mut nothing = Nothing;
            let all = shown
                .into_iter()
                .all(|name| write!(nothing, "{}", Field { err, name }).is_ok());
            all.then(|| self.locales.get(locale.0)).flatten()
        });
        translated.map_or(&self.default_header, |translated| &translated.header)
    }

    fn template(&self, locale: Locale, code: &str) -> Option<&Template> {
        self.locales.get(locale.0)?.templates.get(code)
    }

    /// Checks that `tag` can be added: well formed, and neither the default
    /// language nor a locale already added.
    fn check_new_locale(&self, tag: &str) -> Result<HeaderValue, TranslationError> {
        let header = check_tag(tag)?;
        if tag.eq_ignore_ascii_case(&self.default) {
            return Err(TranslationError::new(Kind::Default {
                tag: tag.to_owned(),
            }));
        }
        if self
            .locales
            .iter()
            .any(|translated| translated.tag.eq_ignore_ascii_case(tag))
        {
            return Err(TranslationError::new(Kind::Twice {
                tag: tag.to_owned(),
            }));
        }
        Ok(header)
    }

    /// Parses the template of `code` in `tag`, and checks each field it
    /// names against every entry of that code.
    fn parse(&self, tag: &str, code: &str, template: &str) -> Result<Template, TranslationError> {
        let template = parse(template).map_err(|problem| {
            TranslationError::new(Kind::Template {
                tag: tag.to_owned(),
                code: code.to_owned(),
                problem,
            })
        })?;
        let entries = self.entries.get(code).map_or(&[][..], Vec::as_slice);
        let names = template
            .pieces
            .iter()
            .filter_map(|piece| piece.field.as_deref());
        for name in names {
            for entry in entries {
                if entry.source_field() == Some(name) {
                    return Err(TranslationError::new(Kind::Source {
                        tag: tag.to_owned(),
                        code: code.to_owned(),
                        field: name.to_owned(),
                    }));
                }
                if !entry.fields().any(|shown| shown == name) {
                    return Err(TranslationError::new(Kind::Unshown {
                        tag: tag.to_owned(),
                        code: code.to_owned(),
                        field: name.to_owned(),
                        // Named only when it is one of several.
                        entry: (entries.len() > 1).then(|| entry.rust_path()),
                        shown: entry.fields().collect(),
                    }));
                }
            }
        }
        Ok(template)
    }

    /// The answer to the language range `range`: `Some(None)` for the
    /// default language, `None` when nothing answers.
    fn lookup(&self, range: &[u8]) -> Option<Option<Locale>> {
        if range == b"*" {
            return Some(None);
        }
        let mut range = range;
        loop {
            if range.eq_ignore_ascii_case(self.default.as_bytes()) {
                return Some(None);
            }
            let found = self
                .locales
                .iter()
                .position(|translated| translated.tag.as_bytes().eq_ignore_ascii_case(range));
            if let Some(index) = found {
                return Some(Some(Locale(index)));
            }
            let cut = range.iter().rposition(|&byte| byte == b'-')?;
            range = range.get(..cut)?;
            // A single-letter subtag (`x` of `x-private`) goes with what
            // follows it (RFC 4647 §3.4).
            if let [rest @ .., b'-', _] = range {
                range = rest;
            }
        }
    }
}

/// Writes the field `name` of `err`, failing when it shows no such field.
/// A writer that keeps nothing: for checking that fields write.
struct Nothing;

impl fmt::Write for Nothing {
    fn write_str(&mut self, _: &str) -> fmt::Result {
        Ok(())
    }
}

struct Field<'a, E: ?Sized> {
    err: &'a E,
    name: &'a str,
}

impl<E: ApiError + ?Sized> fmt::Display for Field<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.err.fmt_field(self.name, f).unwrap_or(Err(fmt::Error))
    }
}

/// Parses a template: `{name}` placeholders, `{{` and `}}` for braces.
fn parse(template: &str) -> Result<Template, Problem> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        let (before, tail) = rest.split_at(at);
        text.push_str(before);
        if let Some(tail) = tail.strip_prefix("{{") {
            text.push('{');
            rest = tail;
        } else if let Some(tail) = tail.strip_prefix("}}") {
            text.push('}');
            rest = tail;
        } else if let Some(tail) = tail.strip_prefix('{') {
            let Some((inside, after)) = tail.split_once('}') else {
                return Err(Problem::Unclosed);
            };
            if inside.contains('{') {
                return Err(Problem::Unclosed);
            }
            if inside.is_empty() {
                return Err(Problem::Empty);
            }
            if let Some((name, _)) = inside.split_once(':') {
                return Err(Problem::Spec {
                    placeholder: inside.to_owned(),
                    name: name.to_owned(),
                });
            }
            if !inside
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_')
            {
                return Err(Problem::NotAName {
                    placeholder: inside.to_owned(),
                });
            }
            pieces.push(piece(&text, Some(inside)));
            text.clear();
            rest = after;
        } else {
            return Err(Problem::Stray);
        }
    }
    text.push_str(rest);
    pieces.push(piece(&text, None));
    Ok(Template {
        pieces: pieces.into_boxed_slice(),
    })
}

/// A piece of a template: `text`, escaped for JSON once here, then `field`.
fn piece(text: &str, field: Option<&str>) -> Piece {
    let mut json = Vec::with_capacity(text.len());
    escape_into(&mut json, text);
    Piece {
        json: json.into_boxed_slice(),
        text: text.into(),
        field: field.map(Into::into),
    }
}

/// Checks that `tag` has the shape of a BCP 47 language tag: subtags of 1
/// to 8 ASCII letters or digits separated by `-`, the first of letters.
/// `tag` as a `Content-Language` value, if it is a well-formed language
/// tag.
fn check_tag(tag: &str) -> Result<HeaderValue, TranslationError> {
    let well_formed = is_language_tag(tag.as_bytes());
    let bad = || {
        TranslationError::new(Kind::BadTag {
            tag: tag.to_owned(),
        })
    };
    if !well_formed {
        return Err(bad());
    }
    HeaderValue::from_str(tag).map_err(|_| bad())
}

/// One item of an `Accept-Language` list: its language range and weight
/// in thousandths (1000 when it has none), or `None` when it is malformed.
fn language_range(item: &[u8]) -> Option<(&[u8], u16)> {
    let mut parts = item.split(|&byte| byte == b';');
    let range = parts.next()?.trim_ascii();
    let is_range = range == b"*" || is_language_tag(range);
    if !is_range {
        return None;
    }
    let mut weight = 1000;
    for parameter in parts {
        let parameter = parameter.trim_ascii();
        let value = parameter
            .strip_prefix(b"q=")
            .or_else(|| parameter.strip_prefix(b"Q="))?;
        weight = qvalue(value)?;
    }
    Some((range, weight))
}

/// Whether `bytes` is a language tag in the shape BCP 47 gives it:
/// subtags of 1 to 8 ASCII letters or digits separated by `-`, the first
/// of letters.
fn is_language_tag(bytes: &[u8]) -> bool {
    let mut subtags = bytes.split(|&byte| byte == b'-');
    let first = subtags.next().unwrap_or_default();
    (1..=8).contains(&first.len())
        && first.iter().all(u8::is_ascii_alphabetic)
        && subtags.all(|subtag| {
            (1..=8).contains(&subtag.len()) && subtag.iter().all(u8::is_ascii_alphanumeric)
        })
}

/// The line and column (from 1) of byte `at` of `text`.
#[cfg(feature = "toml")]
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or(before).chars().count() + 1;
    (line, column)
}

/// What [`Translations::check`] finds: codes that translations name and no
/// error of the catalog has, and codes of the catalog a locale leaves
/// untranslated (whose errors show the default language's message there).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    unknown: Vec<(String, Vec<String>)>,
    untranslated: Vec<(String, Vec<String>)>,
}

impl Report {
    /// Each locale that translates codes no error has, with those codes
    /// in order; empty when there is none.
    pub fn unknown_codes(&self) -> &[(String, Vec<String>)] {
        &self.unknown
    }

    /// Each locale that leaves codes of the catalog untranslated, with
    /// those codes in order; empty when it translates every one.
    pub fn untranslated(&self) -> &[(String, Vec<String>)] {
        &self.untranslated
    }
}

/// Both lists, each locale on a line:
///
/// ```text
/// translations of codes no error has:
/// - `fr`: `user_gone`
/// codes left untranslated:
/// - `fr`: `order_not_found`, `user_banned`
/// ```
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.unknown.is_empty() && self.untranslated.is_empty() {
            return f
                .write_str("every locale translates every code of the catalog, and no other code");
        }
        let lists = [
            ("translations of codes no error has:", &self.unknown),
            ("codes left untranslated:", &self.untranslated),
        ];
        let mut first = true;
        for (heading, list) in lists {
            if list.is_empty() {
                continue;
            }
            if !first {
                f.write_char('\n')?;
            }
            first = false;
            f.write_str(heading)?;
            for (tag, codes) in list {
                write!(f, "\n- `{tag}`: ")?;
                for (index, code) in codes.iter().enumerate() {
                    let comma = if index == 0 { "" } else { ", " };
                    write!(f, "{comma}`{code}`")?;
                }
            }
        }
        Ok(())
    }
}

/// Why translations could not be loaded, naming the locale, the code and
/// the field concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationError {
    kind: Kind,
}

/// What went wrong, with what the message names.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    BadTag {
        tag: String,
    },
    Default {
        tag: String,
    },
    Twice {
        tag: String,
    },
    CodeTwice {
        tag: String,
        code: String,
    },
    Template {
        tag: String,
        code: String,
        problem: Problem,
    },
    Unshown {
        tag: String,
        code: String,
        field: String,
        /// The entry whose message does not show it, when the code has
        /// several.
        entry: Option<String>,
        shown: Vec<&'static str>,
    },
    Source {
        tag: String,
        code: String,
        field: String,
    },
    #[cfg(feature = "toml")]
    NotAString {
        tag: String,
        key: String,
        found: &'static str,
    },
    #[cfg(feature = "toml")]
    Toml {
        tag: String,
        message: String,
        line: usize,
        column: usize,
    },
}

/// What is wrong with a template's braces.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Problem {
    Unclosed,
    Stray,
    Empty,
    Spec { placeholder: String, name: String },
    NotAName { placeholder: String },
}

impl TranslationError {
    fn new(kind: Kind) -> Self {
        TranslationError { kind }
    }
}

impl fmt::Display for TranslationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Kind::BadTag { tag } => write!(
                f,
                "`{tag}` is not a language tag: write subtags of 1 to 8 ASCII letters or digits separated by `-`, the first of letters, as in `fr` or `pt-BR`"
            ),
            Kind::Default { tag } => write!(
                f,
                "the locale `{tag}` is the default language, that of the messages themselves; it needs no translation"
            ),
            Kind::Twice { tag } => write!(f, "the locale `{tag}` is added twice"),
            Kind::CodeTwice { tag, code } => {
                write!(f, "translation `{tag}` gives `{code}` twice")
            }
            Kind::Template { tag, code, problem } => {
                write!(f, "translation `{tag}` of `{code}` ")?;
                match problem {
                    Problem::Unclosed => {
                        f.write_str("has an unclosed `{`; write `{{` for a literal brace")
                    }
                    Problem::Stray => {
                        f.write_str("has an unmatched `}`; write `}}` for a literal brace")
                    }
                    Problem::Empty => f.write_str(
                        "has an empty `{}`; name the field to show inside the braces, as in `{id}`",
                    ),
                    Problem::Spec { placeholder, name } => write!(
                        f,
                        "has a format spec in `{{{placeholder}}}`; write `{{{name}}}`: a field is shown as the message shows it"
                    ),
                    Problem::NotAName { placeholder } => write!(
                        f,
                        "has `{{{placeholder}}}`, which is not a field's name; write `{{field}}` or `{{0}}`"
                    ),
                }
            }
            Kind::Unshown {
                tag,
                code,
                field,
                entry,
                shown,
            } => {
                write!(f, "translation `{tag}` of `{code}` names `{{{field}}}`, ")?;
                match entry {
                    Some(entry) => write!(f, "which the message of `{entry}` does not show; ")?,
                    None => f.write_str("which its message does not show; ")?,
                }
                if shown.is_empty() {
                    return f.write_str("it shows no field");
                }
                f.write_str("it shows")?;
                for (index, name) in shown.iter().enumerate() {
                    let comma = if index == 0 { "" } else { "," };
                    write!(f, "{comma} `{{{name}}}`")?;
                }
                Ok(())
            }
            Kind::Source { tag, code, field } => write!(
                f,
                "translation `{tag}` of `{code}` names `{{{field}}}`, the error's source, which is never shown"
            ),
            #[cfg(feature = "toml")]
            Kind::NotAString { tag, key, found } => write!(
                f,
                "translation `{tag}`: the value of `{key}` is a TOML {found}; write its template as a string"
            ),
            #[cfg(feature = "toml")]
            Kind::Toml {
                tag,
                message,
                line,
                column,
            } => write!(
                f,
                "translation `{tag}` is not valid TOML, at line {line}, column {column}: {message}"
            ),
        }
    }
}

impl std::error::Error for TranslationError {}

/// Fails the test if the translations name codes that no error of their
/// catalog has, listing them by locale; prints the codes each locale
/// leaves untranslated, without failing.
///
/// ```
/// use api_error::ApiError;
/// use api_error::translations::Translations;
///
/// #[derive(Debug, ApiError)]
/// enum UserError {
///     #[api(status = 404, code = "user_not_found", message = "No user {id}.")]
///     NotFound { id: u64 },
/// }
///
/// // In a `#[test]`:
/// let translations = Translations::new("en", UserError::catalog())?
///     .add("fr", [("user_not_found".to_owned(), "Aucun utilisateur {id}.".to_owned())])?;
/// api_error::assert_translations!(translations);
/// # Ok::<(), api_error::translations::TranslationError>(())
/// ```
///
/// See [`Translations::check`].
#[macro_export]
macro_rules! assert_translations {
    ($translations:expr $(,)?) => {{
        let report = $crate::translations::Translations::check(&$translations);
        if !report.unknown_codes().is_empty() {
            ::core::panic!("{}", report);
        }
        if !report.untranslated().is_empty() {
            ::std::eprintln!("{}", report);
        }
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts and fields of `template`'s pieces.
    fn pieces(template: &str) -> Vec<(String, String, Option<String>)> {
        let parsed = parse(template).unwrap();
        let pieces = parsed.pieces.iter().map(|piece| {
            let json = String::from_utf8(piece.json.to_vec()).unwrap();
            (
                json,
                piece.text.to_string(),
                piece.field.as_deref().map(str::to_owned),
            )
        });
        pieces.collect()
    }

    fn piece(json: &str, text: &str, field: Option<&str>) -> (String, String, Option<String>) {
        (json.to_owned(), text.to_owned(), field.map(str::to_owned))
    }

    #[test]
    fn templates_are_split_into_escaped_pieces_and_fields() {
        assert_eq!(pieces("Plain."), [piece("Plain.", "Plain.", None)]);
        assert_eq!(
            pieces("No \"user\" {id}, {0}."),
            [
                piece("No \\\"user\\\" ", "No \"user\" ", Some("id")),
                piece(", ", ", ", Some("0")),
                piece(".", ".", None),
            ]
        );
        assert_eq!(
            pieces("{{{id}}}\n"),
            [piece("{", "{", Some("id")), piece("}\\n", "}\n", None)]
        );
        assert_eq!(pieces(""), [piece("", "", None)]);
    }

    #[test]
    fn malformed_templates_are_problems() {
        assert_eq!(parse("{id").unwrap_err(), Problem::Unclosed);
        assert_eq!(parse("{a{b}").unwrap_err(), Problem::Unclosed);
        assert_eq!(parse("a } b").unwrap_err(), Problem::Stray);
        assert_eq!(parse("{id}}").unwrap_err(), Problem::Stray);
        assert_eq!(parse("{}").unwrap_err(), Problem::Empty);
        assert_eq!(
            parse("{id:>4}").unwrap_err(),
            Problem::Spec {
                placeholder: "id:>4".to_owned(),
                name: "id".to_owned()
            }
        );
        assert_eq!(
            parse("{a-b}").unwrap_err(),
            Problem::NotAName {
                placeholder: "a-b".to_owned()
            }
        );
    }

    #[test]
    fn language_tags_have_bcp_47s_shape() {
        for tag in [
            "fr",
            "fr-CA",
            "pt-BR",
            "zh-Hant-TW",
            "es-419",
            "x-klingon",
            "de-1996",
        ] {
            assert!(check_tag(tag).is_ok(), "{tag}");
        }
        for tag in [
            "",
            "fr_CA",
            "1fr",
            "fr-",
            "-fr",
            "fr--CA",
            "français",
            "abcdefghi",
            "fr-abcdefghi",
        ] {
            assert!(check_tag(tag).is_err(), "{tag}");
        }
    }

    fn translations(tags: &[&str]) -> Translations {
        let mut translations = Translations::new("en", Catalog::new()).unwrap();
        for tag in tags {
            translations = translations.add(tag, []).unwrap();
        }
        translations
    }

    /// The tag `choose` picks for `value`, `None` for the default.
    fn chosen<'t>(translations: &'t Translations, value: &str) -> Option<&'t str> {
        let locale = translations.choose([value.as_bytes()])?;
        Some(translations.tag(locale))
    }

    #[test]
    fn choose_takes_the_highest_weight_then_the_earliest() {
        let t = translations(&["fr", "de", "pt-BR"]);
        assert_eq!(chosen(&t, "fr"), Some("fr"));
        assert_eq!(chosen(&t, "de;q=0.5, fr;q=0.8"), Some("fr"));
        assert_eq!(chosen(&t, "de;q=0.5, fr;q=0.5"), Some("de"));
        assert_eq!(chosen(&t, "de;q=0.5, fr"), Some("fr"));
        assert_eq!(chosen(&t, "fr;q=0.4, en;q=0.5"), None);
        assert_eq!(chosen(&t, "en, fr"), None);
        assert_eq!(chosen(&t, "fr;q=1.0, de;q=1"), Some("fr"));
        assert_eq!(chosen(&t, "de;q=0.001, fr;q=0"), Some("de"));
        assert_eq!(chosen(&t, "fr ; q=0.7 ,\tde ;Q=0.9"), Some("de"));
    }

    #[test]
    fn choose_falls_back_to_shorter_ranges() {
        let t = translations(&["fr", "pt-BR", "zh-Hant"]);
        assert_eq!(chosen(&t, "fr-CA"), Some("fr"));
        assert_eq!(chosen(&t, "pt-BR"), Some("pt-BR"));
        // Lookup never goes to a longer tag.
        assert_eq!(chosen(&t, "pt"), None);
        assert_eq!(chosen(&t, "pt, fr;q=0.1"), Some("fr"));
        assert_eq!(chosen(&t, "zh-Hant-TW"), Some("zh-Hant"));
        // A single-letter subtag goes with the one after it.
        assert_eq!(chosen(&t, "fr-x-private"), Some("fr"));
        assert_eq!(chosen(&t, "en-GB, fr;q=0.5"), None);
    }

    #[test]
    fn choose_ignores_case() {
        let t = translations(&["pt-BR"]);
        assert_eq!(chosen(&t, "PT-br"), Some("pt-BR"));
        assert_eq!(chosen(&t, "pt-br-x-a"), Some("pt-BR"));
        let t = Translations::new("EN", Catalog::new())
            .unwrap()
            .add("fr", [])
            .unwrap();
        assert_eq!(chosen(&t, "en-us, fr;q=0.5"), None);
    }

    #[test]
    fn the_wildcard_is_the_default() {
        let t = translations(&["fr"]);
        assert_eq!(chosen(&t, "*"), None);
        assert_eq!(chosen(&t, "de, *;q=0.5, fr;q=0.1"), None);
        assert_eq!(chosen(&t, "de, *;q=0.1, fr;q=0.5"), Some("fr"));
        assert_eq!(chosen(&t, "*;q=0, fr;q=0.1"), Some("fr"));
    }

    #[test]
    fn garbage_is_skipped() {
        let t = translations(&["fr"]);
        for value in [
            "",
            ",,,",
            ";q=1",
            "fr;q=2",
            "fr;q=0.5555",
            "fr;q=1.5",
            "fr;q=.5",
            "fr;q=",
            "fr;level=1",
            "fr_FR",
            "fr-",
            "*-fr",
            "français",
            "fr-abcdefghi",
            "\u{0}\u{ff}",
        ] {
            assert_eq!(chosen(&t, value), None, "{value:?}");
        }
        assert_eq!(chosen(&t, "de;q=abc, fr;q=0.2, ;;;, fr-"), Some("fr"));
        assert_eq!(
            t.choose([&[0xff, b',', b'f', b'r'][..]]).map(|l| t.tag(l)),
            Some("fr")
        );
        assert_eq!(t.choose([]), None);
    }

    #[test]
    fn weights_are_read_in_thousandths() {
        assert_eq!(qvalue(b"0"), Some(0));
        assert_eq!(qvalue(b"0."), Some(0));
        assert_eq!(qvalue(b"0.5"), Some(500));
        assert_eq!(qvalue(b"0.25"), Some(250));
        assert_eq!(qvalue(b"0.125"), Some(125));
        assert_eq!(qvalue(b"1"), Some(1000));
        assert_eq!(qvalue(b"1.000"), Some(1000));
        assert_eq!(qvalue(b"1.001"), None);
        assert_eq!(qvalue(b"0.1234"), None);
        assert_eq!(qvalue(b"2"), None);
        assert_eq!(qvalue(b""), None);
        assert_eq!(qvalue(b"0.-1"), None);
    }

    #[test]
    fn locales_are_checked_as_they_are_added() {
        let t = translations(&["fr"]);
        let error = |result: Result<Translations, TranslationError>| result.unwrap_err().kind;
        assert_eq!(
            error(t.clone().add("FR", [])),
            Kind::Twice {
                tag: "FR".to_owned()
            }
        );
        assert_eq!(
            error(t.clone().add("En", [])),
            Kind::Default {
                tag: "En".to_owned()
            }
        );
        assert_eq!(
            error(t.add("fr_CA", [])),
            Kind::BadTag {
                tag: "fr_CA".to_owned()
            }
        );
    }

    #[test]
    fn a_locale_of_other_translations_translates_nothing() {
        let t = translations(&["fr"]);
        let other = translations(&["fr", "de"]);
        let de = other.choose([&b"de"[..]]).unwrap();
        assert_eq!(t.tag(de), "en");
        assert!(t.template(de, "any").is_none());
    }

    #[test]
    fn an_empty_report_says_so() {
        assert_eq!(
            translations(&[]).check().to_string(),
            "every locale translates every code of the catalog, and no other code"
        );
    }
}
