//! `parse_json` against the baselines the budgets name, in the same run:
//!
//! - `parse/valid/*`: a valid body, against `serde_json::from_slice` of the
//!   same type (budget: within 1.1×);
//! - `parse/invalid/*`: a body with a wrong value deep inside, against
//!   `serde_path_to_error`, which also finds the path (budget: no slower).
//!
//! `cargo bench -p api-error-benches --bench parse`

use std::hint::black_box;

use api_error::{ApiError, parse_json};
use criterion::{Criterion, criterion_group, criterion_main};

// Each bench uses some of the shared cases.
#[allow(dead_code)]
mod cases;

use cases::{Inputs, Order, VALID};

fn benches(c: &mut Criterion) {
    let inputs = Inputs::new();
    let headers = &inputs.headers;
    let valid = VALID.as_bytes();
    let invalid = inputs.invalid.as_bytes();

    // Both sides agree on what they parse, or the comparison means nothing.
    assert!(parse_json::<Order>(headers, valid).is_ok());
    assert!(serde_json::from_slice::<Order>(valid).is_ok());
    let ours = parse_json::<Order>(headers, invalid).unwrap_err();
    let mut deserializer = serde_json::Deserializer::from_slice(invalid);
    let theirs = serde_path_to_error::deserialize::<_, Order>(&mut deserializer).unwrap_err();
    assert_eq!(
        ours.path().map(ToString::to_string),
        Some(theirs.path().to_string())
    );

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
        b.iter(|| {
            let mut deserializer = serde_json::Deserializer::from_slice(black_box(invalid));
            serde_path_to_error::deserialize::<_, Order>(&mut deserializer)
                .map_err(|err| err.path().to_string())
        })
    });
    group.finish();
}

criterion_group!(parse, benches);
criterion_main!(parse);
