//! Compile-fail tests: each file in `ui/<category>/` shows one mistake (or,
//! in `input/many-mistakes.rs`, several at once) and its `.stderr` the
//! errors the derive reports for it. The categories: `status`, `code`,
//! `message` (and its placeholders), `public-message` (what a client may
//! see), `keys` (how keys are written and where they go), `other-keys`
//! (`title`, `type`, `rename_all`, `format`, `crate`, `skip_display`,
//! `www_authenticate`), `fields` (what fields contribute: sub-errors,
//! paths, headers, extension members), `example-values` (the `example`
//! key), `transparent`, `source-and-from`, `input` (the type as a whole),
//! `token-soup` (malformed attributes) and `subset` (`subset!`, which names
//! variants).
//!
//! Refresh the snapshots with `TRYBUILD=overwrite cargo test --test ui` and
//! read every diff before committing it.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*/*.rs");
}
