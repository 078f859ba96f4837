//! Runs one case of the benchmarks many times, for `instructions.sh` to
//! count its instructions under callgrind: a count does not move with the
//! machine's load the way a time does.
//!
//! `cargo run --release -p api-error-benches --example instructions -- CASE`

use std::hint::black_box;
use std::process::ExitCode;

use api_error::format::{Flat, Format};
use api_error::http::header::CONTENT_TYPE;
use api_error::http::{HeaderMap, HeaderValue};
use api_error::{ApiError, parse_json};

mod cases;

use cases::{Order, UserError, VALID, axum_json, hand_written, invalid};

const RUNS: usize = 20_000;

fn main() -> ExitCode {
    let Some(case) = std::env::args().nth(1) else {
        eprintln!("usage: instructions CASE");
        return ExitCode::FAILURE;
    };
    let mut headers = HeaderMap::new();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    let invalid = invalid();
    let err = UserError::AlreadyExists {
        id: "ada-lovelace-1815".into(),
    };
    for _ in 0..RUNS {
        match case.as_str() {
            "parse-valid" => drop(black_box(parse_json::<Order>(
                &headers,
                black_box(VALID.as_bytes()),
            ))),
            "serde-json-valid" => drop(black_box(serde_json::from_slice::<Order>(black_box(
                VALID.as_bytes(),
            )))),
            "parse-invalid" => {
                let err = parse_json::<Order>(&headers, black_box(invalid.as_bytes())).err();
                drop(black_box(err.map(|err| err.message())));
            }
            "path-to-error-invalid" => {
                let mut deserializer =
                    serde_json::Deserializer::from_slice(black_box(invalid.as_bytes()));
                let err = serde_path_to_error::deserialize::<_, Order>(&mut deserializer).err();
                drop(black_box(err.map(|err| err.path().to_string())));
            }
            "render-flat" => drop(black_box(Flat::render(black_box(&err)))),
            "render-serde" => drop(black_box(hand_written(black_box("ada-lovelace-1815")))),
            "response-flat" => drop(black_box(Flat::response(black_box(&err)))),
            "response-axum" => drop(black_box(axum_json(black_box("ada-lovelace-1815")))),
            _ => {
                eprintln!("unknown case {case}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
