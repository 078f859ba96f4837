//! Rendering an error body and a whole response, against the baselines the
//! budgets name, in the same run:
//!
//! - `render/*`: the `Flat` body of an error whose message has one
//!   placeholder, against a hand-written `Serialize` impl that streams the
//!   message with `collect_str` into a presized `Vec` (the serde limit);
//! - `response/*`: the whole `http::Response`, against axum's usual
//!   `(StatusCode, Json(json!({..}))).into_response()`.
//!
//! `cargo bench -p api-error-benches --bench render`

use std::fmt;
use std::hint::black_box;

use api_error::ApiError;
use api_error::format::{Flat, Format, Problem};
use axum::Json;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use criterion::{Criterion, criterion_group, criterion_main};
use serde::ser::{Serialize, SerializeStruct, Serializer};

#[derive(Debug, ApiError)]
enum UserError {
    #[api(
        status = 409,
        code = "user_already_exists",
        message = "The user {id} you're trying to create already exists."
    )]
    AlreadyExists { id: String },
}

/// The body written by hand, as fast as serde allows: the message streamed
/// with `collect_str`, no intermediate `String`.
struct HandWritten<'a> {
    id: &'a str,
}

impl Serialize for HandWritten<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Message<'a>(&'a str);
        impl fmt::Display for Message<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(
                    f,
                    "The user {} you're trying to create already exists.",
                    self.0
                )
            }
        }
        let mut body = serializer.serialize_struct("Body", 2)?;
        body.serialize_field("error", "user_already_exists")?;
        body.serialize_field("message", &Collect(Message(self.id)))?;
        body.end()
    }
}

/// Serializes a `Display` value with `collect_str`.
struct Collect<T>(T);

impl<T: fmt::Display> Serialize for Collect<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

fn hand_written(id: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(128);
    if serde_json::to_writer(&mut out, &HandWritten { id }).is_err() {
        out.clear();
    }
    out
}

fn axum_json(id: &str) -> axum::response::Response {
    (
        StatusCode::CONFLICT,
        Json(serde_json::json!({
            "error": "user_already_exists",
            "message": format!("The user {id} you're trying to create already exists."),
        })),
    )
        .into_response()
}

fn benches(c: &mut Criterion) {
    let err = UserError::AlreadyExists {
        id: "ada-lovelace-1815".into(),
    };
    let id = "ada-lovelace-1815";
    // The same bytes, or the comparison means nothing.
    assert_eq!(Flat::render(&err), hand_written(id));

    let mut render = c.benchmark_group("render");
    render.bench_function("flat", |b| b.iter(|| Flat::render(black_box(&err))));
    render.bench_function("serde_collect_str", |b| {
        b.iter(|| hand_written(black_box(id)))
    });
    render.bench_function("problem", |b| b.iter(|| Problem::render(black_box(&err))));
    render.finish();

    let mut response = c.benchmark_group("response");
    response.bench_function("flat", |b| b.iter(|| Flat::response(black_box(&err))));
    response.bench_function("axum_json", |b| b.iter(|| axum_json(black_box(id))));
    response.finish();
}

criterion_group!(render, benches);
criterion_main!(render);
