//! What a client sees of an error: every rendering of it without a
//! framework, each preset by name and through `DynFormat`, and the
//! application's default, as bodies and as responses with their headers.

// Each test file uses some of it.
#![allow(dead_code)]

use api_error::ApiError;
use api_error::format::{
    DynFormat, Flat, Format, Google, JsonApi, Meta, Microsoft, Nested, Problem, Standard,
};
use api_error::http::header::HeaderMap;
use api_error::http::{Response, StatusCode};

/// One way a client can see an error: a body, and for a response its status
/// and headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub how: String,
    pub status: Option<StatusCode>,
    pub headers: Vec<(String, Vec<u8>)>,
    pub body: Vec<u8>,
}

impl Seen {
    pub fn body(how: impl Into<String>, body: Vec<u8>) -> Self {
        Seen {
            how: how.into(),
            status: None,
            headers: Vec::new(),
            body,
        }
    }

    pub fn response(how: impl Into<String>, response: Response<Vec<u8>>) -> Self {
        let (parts, body) = response.into_parts();
        Seen {
            how: how.into(),
            status: Some(parts.status),
            headers: header_pairs(&parts.headers),
            body,
        }
    }

    pub fn header(&self, name: &str) -> Option<&[u8]> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_slice())
    }

    /// The body and every header, as text.
    pub fn texts(&self) -> Vec<String> {
        let mut texts = vec![String::from_utf8_lossy(&self.body).into_owned()];
        for (name, value) in &self.headers {
            texts.push(format!("{name}: {}", String::from_utf8_lossy(value)));
        }
        texts
    }
}

pub fn header_pairs(headers: &HeaderMap) -> Vec<(String, Vec<u8>)> {
    headers
        .iter()
        .map(|(name, value)| (name.to_string(), value.as_bytes().to_vec()))
        .collect()
}

/// `F::render`, `F::response` and the same through `DynFormat`.
fn seen_in<F: Format + 'static>(err: &dyn ApiError, name: &str, out: &mut Vec<Seen>) {
    let dynamic = DynFormat::of::<F>();
    out.push(Seen::body(format!("{name}::render"), F::render(err)));
    out.push(Seen::response(
        format!("{name}::response"),
        F::response(err),
    ));
    out.push(Seen::body(
        format!("DynFormat<{name}>::render"),
        dynamic.render(err),
    ));
    out.push(Seen::response(
        format!("DynFormat<{name}>::response"),
        dynamic.response(err),
    ));
}

/// Every rendering of `err` without a framework: each preset, named and
/// dynamic, and the application's default through `api_error::render` and
/// `api_error::response`.
pub fn renderings(err: &dyn ApiError) -> Vec<Seen> {
    let mut out = Vec::new();
    seen_in::<Flat>(err, "Flat", &mut out);
    seen_in::<Meta>(err, "Meta", &mut out);
    seen_in::<Standard>(err, "Standard", &mut out);
    seen_in::<Nested>(err, "Nested", &mut out);
    seen_in::<Problem>(err, "Problem", &mut out);
    seen_in::<JsonApi>(err, "JsonApi", &mut out);
    seen_in::<Google>(err, "Google", &mut out);
    seen_in::<Microsoft>(err, "Microsoft", &mut out);
    out.push(Seen::body("api_error::render", api_error::render(err)));
    out.push(Seen::response(
        "api_error::response",
        api_error::response(err),
    ));
    out
}

/// The preset formats, by name.
pub const PRESETS: [(&str, DynFormat); 8] = [
    ("Flat", DynFormat::of::<Flat>()),
    ("Meta", DynFormat::of::<Meta>()),
    ("Standard", DynFormat::of::<Standard>()),
    ("Nested", DynFormat::of::<Nested>()),
    ("Problem", DynFormat::of::<Problem>()),
    ("JsonApi", DynFormat::of::<JsonApi>()),
    ("Google", DynFormat::of::<Google>()),
    ("Microsoft", DynFormat::of::<Microsoft>()),
];

pub fn parsed(body: &[u8]) -> serde_json::Value {
    serde_json::from_slice(body).unwrap_or_else(|error| {
        panic!(
            "not valid JSON ({error}): {}",
            String::from_utf8_lossy(&body[..body.len().min(300)])
        )
    })
}

/// Every string in a JSON value, keys aside.
pub fn json_strings(value: &serde_json::Value) -> Vec<String> {
    match value {
        serde_json::Value::String(text) => vec![text.clone()],
        serde_json::Value::Array(items) => items.iter().flat_map(json_strings).collect(),
        serde_json::Value::Object(members) => members.values().flat_map(json_strings).collect(),
        _ => Vec::new(),
    }
}
