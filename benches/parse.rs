//! `parse_json` against the baselines the budgets name, in the same run:
//!
//! - `parse/valid/*`: a valid body, against `serde_json::from_slice` of the
//!   same type (budget: within 1.1×);
//! - `parse/invalid/*`: a body with one wrong value deep inside, with its
//!   message, against `serde_path_to_error`, which also finds the path
//!   (budget: within 2×);
//! - `parse/ten/*`: that body with nine more problems after the first, all
//!   ten listed, with the message and each listed message, against
//!   `serde_path_to_error` finding the first and its path (budget: within
//!   3×);
//! - `parse/unknown-keys/*`: a 2 MiB body of 100,000 unknown keys into a
//!   `deny_unknown_fields` struct, with the message and each listed message,
//!   against `serde_json::from_slice::<serde_json::Value>` of the same bytes
//!   (budget: within 10×).
//!
//! `cargo bench -p api-error-benches --bench parse`

use std::hint::black_box;

use api_error::{ApiError, parse_json};
use criterion::{Criterion, criterion_group, criterion_main};

// Each bench uses some of the shared cases.
#[allow(dead_code)]
mod cases;

use cases::{Inputs, Order, Settings, VALID, first_problem_path, messages_len};

fn benches(c: &mut Criterion) {
    let inputs = Inputs::new();
    let headers = &inputs.headers;
    let valid = VALID.as_bytes();
    let invalid = inputs.invalid.as_bytes();
    let ten = inputs.ten.as_bytes();
    let unknown_keys = inputs.unknown_keys.as_bytes();

    // Both sides agree on what they parse, or the comparison means nothing.
    inputs.check();

    let mut group = c.benchmark_group("parse/valid");
    group.bench_function("parse_json", |b| {
        b.iter(|| parse_json::<Order>(black_box(headers), black_box(valid)))
    });
    group.bench_function("serde_json", |b| {
        b.iter(|| serde_json::from_slice::<Order>(black_box(valid)))
    });
    group.finish();

    // Both sides produce what a response needs: the message, the path.
    let mut group = c.benchmark_group("parse/invalid");
    group.bench_function("parse_json", |b| {
        b.iter(|| {
            parse_json::<Order>(black_box(headers), black_box(invalid)).map_err(|err| err.message())
        })
    });
    group.bench_function("serde_path_to_error", |b| {
        b.iter(|| first_problem_path(black_box(invalid)))
    });
    group.finish();

    // Ours lists every problem, with its message; theirs stops at the first.
    let mut group = c.benchmark_group("parse/ten");
    group.bench_function("parse_json", |b| {
        b.iter(|| {
            parse_json::<Order>(black_box(headers), black_box(ten))
                .map_err(|err| messages_len(&err))
        })
    });
    group.bench_function("serde_path_to_error", |b| {
        b.iter(|| first_problem_path(black_box(ten)))
    });
    group.finish();

    // Ours counts every unknown key and lists the first ones; theirs reads
    // every member into a map.
    let mut group = c.benchmark_group("parse/unknown-keys");
    group.bench_function("parse_json", |b| {
        b.iter(|| {
            parse_json::<Settings>(black_box(headers), black_box(unknown_keys))
                .map_err(|err| messages_len(&err))
        })
    });
    group.bench_function("serde_json_value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(unknown_keys)))
    });
    group.finish();
}

criterion_group!(parse, benches);
criterion_main!(parse);
