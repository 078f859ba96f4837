//! Example bodies of a catalog's errors, for reference pages and OpenAPI
//! documents: an error of each entry's kind, rendered, its fields shown by
//! their example values.

use std::fmt;

use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};

use super::{Entry, Item};
use crate::error::ABOUT_BLANK;
use crate::format::{DynFormat, Members, default_format};
use crate::{ApiError, FieldPath};

impl Entry {
    /// An example body of this kind of error in `format`, for documentation,
    /// as the wire has it: the message with each field shown by its example
    /// value ([`example_message`](Entry::example_message)), the extension
    /// members, the path and the instance its fields give, each shown by
    /// its example value. Sub-errors are left out.
    ///
    /// It is documentation, not an answer: written inside a request
    /// context (a reference page served by the API), it carries neither
    /// the request's id nor its language.
    pub fn example_body(&'static self, format: DynFormat) -> Vec<u8> {
        let render = || format.render(&Sample::new(self));
        #[cfg(any(feature = "axum", feature = "actix-web"))]
        let render = || crate::context::sync_scope(crate::context::Context::new(), render);
        render()
    }
}

impl Item {
    /// An example body (see [`Entry::example_body`]) in the format these
    /// errors render with: the type's, else the application's default.
    pub fn example_body(&self) -> Vec<u8> {
        self.example_body_in(None)
    }

    /// An example body in `format`, else as [`example_body`](Self::example_body):
    /// what a reference page that may name one format for all writes.
    pub(super) fn example_body_in(&self, format: Option<DynFormat>) -> Vec<u8> {
        let format = format.or(self.format).unwrap_or_else(default_format);
        self.entry.example_body(format)
    }
}

/// An error of an entry's kind, standing in for one in example bodies.
#[derive(Debug)]
struct Sample {
    entry: &'static Entry,
    path: Option<FieldPath>,
}

impl Sample {
    fn new(entry: &'static Entry) -> Self {
        Sample {
            entry,
            path: entry.example_path().map(FieldPath::parse),
        }
    }
}

impl fmt::Display for Sample {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.entry.example_message())
    }
}

impl std::error::Error for Sample {}

impl ApiError for Sample {
    fn status(&self) -> StatusCode {
        self.entry.status()
    }
    fn code(&self) -> &str {
        self.entry.code()
    }
    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.entry.example_message())
    }
    fn title(&self) -> &str {
        self.entry.title()
    }
    fn type_uri(&self) -> &str {
        self.entry.type_uri().unwrap_or(ABOUT_BLANK)
    }
    fn instance(&self) -> Option<&str> {
        self.entry.example_instance()
    }
    fn path(&self) -> Option<&FieldPath> {
        self.path.as_ref()
    }
    fn headers(&self, headers: &mut HeaderMap) {
        // A body may show what the error sends as a header (Google's
        // `RetryInfo` shows `Retry-After`).
        for header in self.entry.headers() {
            let name = HeaderName::from_bytes(header.name().as_bytes());
            let value = HeaderValue::from_str(&header.example().header_value());
            if let (Ok(name), Ok(value)) = (name, value) {
                headers.insert(name, value);
            }
        }
    }
    fn extensions(&self, members: &mut Members<'_, '_>) {
        for extension in self.entry.extensions() {
            members.insert(extension.name(), &extension.example().to_json());
        }
    }
    fn entry(&self) -> Option<&'static Entry> {
        Some(self.entry)
    }
}
