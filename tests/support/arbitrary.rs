//! An error whose every part is arbitrary, and the proptest strategies that
//! make one: any status from 400 to 599, and any text, control characters
//! likely, in its code, message, sub-errors, paths and extension member.

use std::fmt;

use api_error::format::Members;
use api_error::http::StatusCode;
use api_error::{ApiError, FieldError, FieldPath, Segment};
use proptest::prelude::*;

/// An error whose every part is arbitrary.
#[derive(Debug, Clone)]
pub struct Anything {
    pub status: StatusCode,
    pub code: String,
    pub message: String,
    pub errors: Vec<FieldError>,
    pub member: (String, String),
}

impl fmt::Display for Anything {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Anything {}

impl ApiError for Anything {
    fn status(&self) -> StatusCode {
        self.status
    }
    fn code(&self) -> &str {
        &self.code
    }
    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
    fn errors(&self) -> &[FieldError] {
        &self.errors
    }
    fn extensions(&self, members: &mut Members<'_, '_>) {
        members.insert(&self.member.0, &self.member.1);
    }
}

/// Any text: every `char` is possible, and all 32 control characters are
/// likely (`any::<String>()` leaves them out, `any::<char>()` has a few).
pub fn text() -> impl Strategy<Value = String> {
    let control = (0u8..0x20).prop_map(char::from);
    prop::collection::vec(prop_oneof![3 => any::<char>(), 1 => control], 0..24)
        .prop_map(String::from_iter)
}

pub fn segment() -> impl Strategy<Value = Segment> {
    prop_oneof![
        text().prop_map(|name| Segment::Field(name.into())),
        (0usize..1000).prop_map(Segment::Index),
    ]
}

pub fn path() -> impl Strategy<Value = FieldPath> {
    prop::collection::vec(segment(), 0..4).prop_map(|segments| {
        segments
            .into_iter()
            .fold(FieldPath::new(), |path, segment| match segment {
                Segment::Field(name) => path.field(name),
                Segment::Index(index) => path.index(index),
            })
    })
}

pub fn field_error() -> impl Strategy<Value = FieldError> {
    (text(), text(), path(), prop::option::of(400u16..600)).prop_map(
        |(code, message, path, status)| {
            let error = FieldError::new(code, message).at(path);
            match status.and_then(|status| StatusCode::from_u16(status).ok()) {
                Some(status) => error.with_status(status),
                None => error,
            }
        },
    )
}

pub fn anything() -> impl Strategy<Value = Anything> {
    (
        400u16..600,
        text(),
        text(),
        prop::collection::vec(field_error(), 0..4),
        (text(), text()),
    )
        .prop_map(|(status, code, message, errors, member)| Anything {
            status: StatusCode::from_u16(status).unwrap(),
            code,
            message,
            errors,
            member,
        })
}
