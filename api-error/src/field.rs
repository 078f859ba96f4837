//! Sub-errors: what went wrong with each part of a request.

use std::borrow::Cow;
use std::fmt;

use http::StatusCode;

/// One sub-error, typically about one field of a request body.
///
/// Validation errors carry a list of these; each format places them where its
/// shape allows (`errors` in problem+json, `inner` in the nested format, …).
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

    /// Places the sub-error at a field path.
    #[must_use]
    pub fn at(mut self, path: impl Into<FieldPath>) -> Self {
        self.path = path.into();
        self
    }

    /// Gives the sub-error a status of its own.
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
}

/// Where in a request body a value sits: field names and array indices.
///
/// `Display` writes the dotted form (`address.street`, `items[3].tags`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct FieldPath {
    segments: Vec<Segment>,
}

/// One step of a [`FieldPath`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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

    /// The steps, outermost first.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Whether this is the empty path.
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }
}

impl From<&'static str> for FieldPath {
    /// A path of one field.
    fn from(name: &'static str) -> Self {
        FieldPath::new().field(name)
    }
}

impl From<String> for FieldPath {
    /// A path of one field.
    fn from(name: String) -> Self {
        FieldPath::new().field(name)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Field(name) if i == 0 => f.write_str(name)?,
                Segment::Field(name) => write!(f, ".{name}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}
