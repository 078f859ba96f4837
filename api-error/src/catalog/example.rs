//! Example bodies of a catalog's errors, for reference pages and OpenAPI
//! documents: an error of each entry's kind, rendered.

use std::fmt;

use http::StatusCode;

use super::{Entry, Item};
use crate::ApiError;
use crate::error::ABOUT_BLANK;
use crate::format::{DynFormat, default_format};

impl Entry {
    /// An example body of this kind of error in `format`, for documentation:
    /// the message is the template as written (`The user {id} already
    /// exists.`), and fields that contribute to the body contribute nothing.
    pub fn example_body(&'static self, format: DynFormat) -> Vec<u8> {
        format.render(&Sample(self))
    }
}

impl Item {
    /// An example body (see [`Entry::example_body`]) in the format these
    /// errors render with: the type's, else the application's default.
    pub fn example_body(&self) -> Vec<u8> {
        self.entry
            .example_body(self.format.unwrap_or_else(default_format))
    }
}

/// An error of an entry's kind, standing in for one in example bodies.
#[derive(Debug)]
struct Sample(&'static Entry);

impl fmt::Display for Sample {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.message())
    }
}

impl std::error::Error for Sample {}

impl ApiError for Sample {
    fn status(&self) -> StatusCode {
        self.0.status()
    }
    fn code(&self) -> &str {
        self.0.code()
    }
    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.message())
    }
    fn title(&self) -> &str {
        self.0.title()
    }
    fn type_uri(&self) -> &str {
        self.0.type_uri().unwrap_or(ABOUT_BLANK)
    }
    fn entry(&self) -> Option<&'static Entry> {
        Some(self.0)
    }
}
