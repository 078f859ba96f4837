//! Compile-fail tests: each file in `ui/` shows one mistake (or, in
//! `many-mistakes.rs`, several at once) and its `.stderr` the errors the
//! derive reports for it.
//!
//! Refresh the snapshots with `TRYBUILD=overwrite cargo test --test ui` and
//! read every diff before committing it.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
}
