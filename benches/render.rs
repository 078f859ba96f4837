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

use std::hint::black_box;

use api_error::format::{Flat, Format, Problem};
use criterion::{Criterion, criterion_group, criterion_main};

// Each bench uses some of the shared cases.
#[allow(dead_code)]
mod cases;

use cases::{Inputs, axum_json, hand_written};

fn benches(c: &mut Criterion) {
    let inputs = Inputs::new();
    let err = &inputs.err;
    let id = "ada-lovelace-1815";
    // The same bytes, or the comparison means nothing.
    assert_eq!(Flat::render(err), hand_written(id));

    let mut render = c.benchmark_group("render");
    render.bench_function("flat", |b| b.iter(|| Flat::render(black_box(err))));
    render.bench_function("serde_collect_str", |b| {
        b.iter(|| hand_written(black_box(id)))
    });
    render.bench_function("problem", |b| b.iter(|| Problem::render(black_box(err))));
    render.finish();

    let mut response = c.benchmark_group("response");
    response.bench_function("flat", |b| b.iter(|| Flat::response(black_box(err))));
    response.bench_function("axum_json", |b| b.iter(|| axum_json(black_box(id))));
    response.finish();
}

criterion_group!(render, benches);
criterion_main!(render);
