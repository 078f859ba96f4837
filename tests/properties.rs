//! Property tests: whatever Unicode an error carries in its code, message,
//! sub-errors, field names and extension members, every preset writes valid
//! JSON that decodes back to the same values, and `api_error::client` reads
//! each preset's response back into what the preset carries.

use std::fmt;

use api_error::client::{self, Envelope, RemoteError};
use api_error::format::{Flat, Format, Members, Meta, Nested, Problem, Standard};
use api_error::http::StatusCode;
use api_error::{ApiError, FieldError, FieldPath, Segment};
use proptest::prelude::*;
use serde_json::Value;

/// An error whose every part is arbitrary.
#[derive(Debug, Clone)]
struct Anything {
    status: StatusCode,
    code: String,
    message: String,
    errors: Vec<FieldError>,
    member: (String, String),
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
fn text() -> impl Strategy<Value = String> {
    let control = (0u8..0x20).prop_map(char::from);
    prop::collection::vec(prop_oneof![3 => any::<char>(), 1 => control], 0..24)
        .prop_map(String::from_iter)
}

fn segment() -> impl Strategy<Value = Segment> {
    prop_oneof![
        text().prop_map(|name| Segment::Field(name.into())),
        (0usize..1000).prop_map(Segment::Index),
    ]
}

fn path() -> impl Strategy<Value = FieldPath> {
    prop::collection::vec(segment(), 0..4).prop_map(|segments| {
        segments
            .into_iter()
            .fold(FieldPath::new(), |path, segment| match segment {
                Segment::Field(name) => path.field(name),
                Segment::Index(index) => path.index(index),
            })
    })
}

fn field_error() -> impl Strategy<Value = FieldError> {
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

fn anything() -> impl Strategy<Value = Anything> {
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

fn decode(body: &[u8]) -> Value {
    let text = std::str::from_utf8(body).expect("UTF-8");
    serde_json::from_str(text).expect("valid JSON")
}

/// The extension member as the body should carry it: present unless its
/// name is one the format writes itself.
fn check_member(object: &Value, member: &(String, String), reserved: &[&str]) {
    if !reserved.contains(&member.0.as_str()) {
        assert_eq!(object[&member.0], member.1);
    }
}

fn dotted(error: &FieldError) -> Option<String> {
    error.path().map(ToString::to_string)
}

/// Decodes a JSON Pointer URI fragment back into its reference tokens.
fn pointer_tokens(pointer: &str) -> Vec<String> {
    let pointer = pointer.strip_prefix('#').expect("a fragment");
    let mut bytes = Vec::new();
    let mut chars = pointer.bytes();
    while let Some(byte) = chars.next() {
        if byte == b'%' {
            let hex: Vec<u8> = chars.by_ref().take(2).collect();
            let hex = std::str::from_utf8(&hex).unwrap();
            bytes.push(u8::from_str_radix(hex, 16).unwrap());
        } else {
            assert!(
                byte.is_ascii() && !byte.is_ascii_control() && byte != b' ',
                "{byte}"
            );
            bytes.push(byte);
        }
    }
    let text = String::from_utf8(bytes).unwrap();
    text.split('/')
        .skip(1)
        .map(|token| token.replace("~1", "/").replace("~0", "~"))
        .collect()
}

fn segment_tokens(path: &FieldPath) -> Vec<String> {
    path.segments()
        .iter()
        .map(|segment| match segment {
            Segment::Field(name) => name.to_string(),
            Segment::Index(index) => index.to_string(),
        })
        .collect()
}

proptest! {
    #[test]
    fn flat_round_trips(err in anything()) {
        let body = decode(&Flat::render(&err));
        prop_assert_eq!(&body["error"], &err.code);
        prop_assert_eq!(&body["message"], &err.message);
        check_member(&body, &err.member, &["error", "message", "errors"]);
        let items = body["errors"].as_array().map_or(&[][..], Vec::as_slice);
        prop_assert_eq!(items.len(), err.errors.len());
        for (item, sub) in items.iter().zip(&err.errors) {
            prop_assert_eq!(&item["error"], sub.code());
            prop_assert_eq!(&item["message"], sub.message());
            prop_assert_eq!(item.get("field").and_then(Value::as_str).map(str::to_owned), dotted(sub));
        }
    }

    #[test]
    fn meta_round_trips(err in anything()) {
        let body = decode(&Meta::render(&err));
        let meta = &body["meta"];
        let error = &meta["error"];
        prop_assert_eq!(&meta["status"], err.status.as_u16());
        prop_assert_eq!(&error["type"], &err.code);
        prop_assert_eq!(&error["message"], &err.message);
        check_member(error, &err.member, &["status", "type", "message", "field", "errors"]);
        if err.errors.is_empty() {
            prop_assert_eq!(&error["status"], err.status.as_u16());
        } else {
            let items = error["errors"].as_array().unwrap();
            prop_assert_eq!(items.len(), err.errors.len());
            for (item, sub) in items.iter().zip(&err.errors) {
                prop_assert_eq!(&item["type"], sub.code());
                prop_assert_eq!(&item["message"], sub.message());
                prop_assert_eq!(item.get("field").and_then(Value::as_str).map(str::to_owned), dotted(sub));
            }
        }
    }

    #[test]
    fn standard_round_trips(err in anything()) {
        let body = decode(&Standard::render(&err));
        let items = body["errors"].as_array().unwrap();
        check_member(&body, &err.member, &["type", "errors"]);
        if err.errors.is_empty() {
            let kind = if err.status.is_server_error() { "server_error" } else { "client_error" };
            prop_assert_eq!(&body["type"], kind);
            prop_assert_eq!(items.len(), 1);
            prop_assert_eq!(&items[0]["code"], &err.code);
            prop_assert_eq!(&items[0]["detail"], &err.message);
            prop_assert_eq!(&items[0]["attr"], &Value::Null);
        } else {
            prop_assert_eq!(&body["type"], "validation_error");
            prop_assert_eq!(items.len(), err.errors.len());
            for (item, sub) in items.iter().zip(&err.errors) {
                prop_assert_eq!(&item["code"], sub.code());
                prop_assert_eq!(&item["detail"], sub.message());
                prop_assert_eq!(item["attr"].as_str().map(str::to_owned), dotted(sub));
            }
        }
    }

    #[test]
    fn nested_round_trips(err in anything()) {
        let body = decode(&Nested::render(&err));
        let error = &body["error"];
        prop_assert_eq!(&error["code"], &err.code);
        prop_assert_eq!(&error["status"], err.status.as_u16());
        check_member(error, &err.member, &["message", "code", "status", "path", "inner"]);
        if err.errors.is_empty() {
            prop_assert_eq!(&error["message"], &err.message);
        } else {
            let items = error["inner"].as_array().unwrap();
            prop_assert_eq!(items.len(), err.errors.len());
            for (item, sub) in items.iter().zip(&err.errors) {
                prop_assert_eq!(&item["message"], sub.message());
                prop_assert_eq!(&item["code"], sub.code());
                prop_assert_eq!(&item["status"], sub.status().unwrap_or(err.status).as_u16());
                prop_assert_eq!(item.get("path").and_then(Value::as_str).map(str::to_owned), dotted(sub));
            }
        }
    }

    #[test]
    fn problem_round_trips(err in anything()) {
        let body = decode(&Problem::render(&err));
        prop_assert_eq!(&body["type"], "about:blank");
        prop_assert_eq!(&body["status"], err.status.as_u16());
        prop_assert_eq!(&body["detail"], &err.message);
        prop_assert_eq!(&body["code"], &err.code);
        check_member(
            &body,
            &err.member,
            &["type", "title", "status", "detail", "instance", "code", "pointer", "errors"],
        );
        let items = body["errors"].as_array().map_or(&[][..], Vec::as_slice);
        prop_assert_eq!(items.len(), err.errors.len());
        for (item, sub) in items.iter().zip(&err.errors) {
            prop_assert_eq!(&item["code"], sub.code());
            prop_assert_eq!(&item["detail"], sub.message());
            match sub.path() {
                Some(path) => {
                    let pointer = item["pointer"].as_str().unwrap();
                    prop_assert_eq!(pointer_tokens(pointer), segment_tokens(path));
                }
                None => prop_assert!(item.get("pointer").is_none()),
            }
        }
    }

    #[test]
    fn dotted_paths_of_plain_names_parse_back(names in prop::collection::vec("[a-z_][a-z0-9_]{0,8}", 1..4), index in 0usize..100) {
        let mut path = FieldPath::new();
        for name in &names {
            path = path.field(name.clone()).index(index);
        }
        prop_assert_eq!(FieldPath::parse(&path.to_string()), path);
    }

    #[test]
    fn client_decodes_every_preset_back(err in anything()) {
        let has_errors = !err.errors.is_empty();
        check_decoded(&err, client::decode_response(&Flat::response(&err)), Envelope::Flat, (true, true), &["error", "message", "errors"])?;
        check_decoded(&err, client::decode_response(&Meta::response(&err)), Envelope::Meta, (true, true), &["status", "type", "message", "field", "errors"])?;
        check_decoded(&err, client::decode_response(&Standard::response(&err)), Envelope::Standard, (!has_errors, !has_errors), &["type", "errors"])?;
        check_decoded(&err, client::decode_response(&Nested::response(&err)), Envelope::Nested, (true, !has_errors), &["message", "code", "status", "path", "inner"])?;
        check_decoded(
            &err,
            client::decode_response(&Problem::response(&err)),
            Envelope::Problem,
            (true, true),
            &["type", "title", "status", "detail", "instance", "code", "pointer", "errors"],
        )?;
    }
}

/// Checks that `remote`, decoded from `err` rendered in `envelope`, has
/// `err`'s status, sub-errors and extension member (unless `reserved` has
/// its name), and its code and message where `carried` says the envelope
/// carries them.
fn check_decoded(
    err: &Anything,
    remote: RemoteError,
    envelope: Envelope,
    (code_carried, message_carried): (bool, bool),
    reserved: &[&str],
) -> Result<(), TestCaseError> {
    prop_assert_eq!(remote.envelope(), Some(envelope));
    prop_assert_eq!(remote.status(), err.status);
    prop_assert_eq!(remote.code(), code_carried.then_some(err.code.as_str()));
    prop_assert_eq!(
        remote.message(),
        message_carried.then_some(err.message.as_str())
    );
    let expected_members: Vec<(&str, &str)> = if reserved.contains(&err.member.0.as_str()) {
        Vec::new()
    } else {
        vec![(err.member.0.as_str(), err.member.1.as_str())]
    };
    let members: Vec<(&str, &str)> = remote
        .extensions()
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str().unwrap_or("(not a string)")))
        .collect();
    prop_assert_eq!(members, expected_members);
    prop_assert_eq!(remote.errors().len(), err.errors.len());
    for (decoded, sub) in remote.errors().iter().zip(&err.errors) {
        prop_assert_eq!(decoded.code(), sub.code());
        prop_assert_eq!(decoded.message(), sub.message());
        if envelope == Envelope::Problem {
            // A JSON Pointer says exactly where.
            let pointer = |path: Option<&FieldPath>| path.map(|path| path.pointer().to_string());
            prop_assert_eq!(pointer(decoded.path()), pointer(sub.path()));
        } else {
            // A dotted path cannot tell a name holding `.` or `[0]` from
            // steps, nor show an empty name: it reads back as its text
            // reads, and an empty text is no path.
            let dotted = |path: Option<&FieldPath>| {
                path.map(|path| FieldPath::parse(&path.to_string()))
                    .filter(|path| !path.is_empty())
            };
            prop_assert_eq!(decoded.path().cloned(), dotted(sub.path()));
        }
        let status = (envelope == Envelope::Nested).then(|| sub.status().unwrap_or(err.status));
        prop_assert_eq!(decoded.status(), status);
    }
    Ok(())
}
