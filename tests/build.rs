//! Writes the 2,000-variant enum that `derive_inputs.rs` derives `ApiError`
//! for, too long to keep in source: `pub(crate) enum Many` in
//! `$OUT_DIR/many_variants.rs`.
//!
//! Variant `i` is named `V{i:04}` and is, by `i % 3`, a unit, a tuple
//! (`(u32)`) or a struct (`{ id: u32, name: &'static str }`) variant. Its
//! status is the enum's 400 when `i` is a multiple of 5, else
//! `400 + i % 200`; its code is `many.{i}` when `i` is a multiple of 7, else
//! the default; tuple and struct variants have a message with placeholders;
//! every eleventh has a doc comment. `derive_inputs.rs` states the same
//! rules to check the derive against.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::{env, fs};

const VARIANTS: usize = 2000;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let mut out = String::from(
        "#[derive(Debug, ApiError)]\n#[api(status = 400, type = \"https://example.com/many/\")]\npub(crate) enum Many {\n",
    );
    for i in 0..VARIANTS {
        if i.is_multiple_of(11) {
            writeln!(out, "    /// Variant number {i}.").unwrap();
        }
        let mut keys = Vec::new();
        if !i.is_multiple_of(5) {
            keys.push(format!("status = {}", 400 + i % 200));
        }
        if i.is_multiple_of(7) {
            keys.push(format!("code = \"many.{i}\""));
        }
        match i % 3 {
            1 => keys.push(format!("message = \"tuple {{0}} of {i}\"")),
            2 => keys.push(format!("message = \"struct {{id}} {{name:?}} of {i}\"")),
            _ => {}
        }
        if !keys.is_empty() {
            writeln!(out, "    #[api({})]", keys.join(", ")).unwrap();
        }
        match i % 3 {
            0 => writeln!(out, "    V{i:04},"),
            1 => writeln!(out, "    V{i:04}(u32),"),
            _ => writeln!(out, "    V{i:04} {{ id: u32, name: &'static str }},"),
        }
        .unwrap();
    }
    out.push_str("}\n");
    let path = PathBuf::from(env::var_os("OUT_DIR").unwrap()).join("many_variants.rs");
    fs::write(path, out).unwrap();
}
