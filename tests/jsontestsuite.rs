//! The body parser against JSONTestSuite: every one of its 318 parsing
//! cases, vendored unchanged in `jsontestsuite/test_parsing/` (see the
//! README there), is the body of `parse_json` into a `serde_json::Value`
//! and into a small struct that denies unknown fields.
//!
//! - `y_` files are JSON: a `Value` is accepted and equals what serde_json
//!   reads; the struct is accepted or refused over its value (a field, or
//!   `expected an object`), never as not JSON.
//! - `n_` files are not JSON: `invalid_request` for both, saying what is
//!   wrong with the text whatever the type.
//! - `i_` files are the suite's implementation-defined cases: what each must
//!   give is written in [`IMPLEMENTATION_DEFINED`].
//!
//! Every error is a 400 whose message is short and has no control
//! character. Problems are collected over all files and reported together.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::fs;

use api_error::http::StatusCode;
use api_error::{ApiError, RequestError};
use serde_json::Value;

#[path = "support/body.rs"]
mod body;

use body::parse;

/// The vendored parsing cases.
const SUITE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/jsontestsuite/test_parsing");

/// Files in [`SUITE`]: 95 `y_`, 188 `n_` and 35 `i_`.
const FILES_BY_PREFIX: [(&str, usize); 3] = [("i_", 35), ("n_", 188), ("y_", 95)];

/// The longest error message allowed, in bytes.
const MAX_MESSAGE_LEN: usize = 1024;

/// The codes of an error about a field of a JSON body.
const FIELD_CODES: [&str; 4] = [
    "unexpected_field",
    "missing_field",
    "invalid_field",
    "invalid_fields",
];

/// What parsing a file must give for one target type.
#[derive(Debug, Clone, Copy)]
enum Expected {
    /// `Ok`.
    Accepted,
    /// `Ok`, or an error over the value, not the text: a field's code, or
    /// `invalid_request` saying `expected an object`.
    Json,
    /// `invalid_field` saying `out of range`, or `invalid_request`.
    OutOfRange,
    /// `invalid_request` about the text, not the value.
    NotJson,
}

use Expected::{Accepted, Json, NotJson, OutOfRange};

/// Every `i_` file, with what it must give as a `Value` and as a `Small`.
/// Each number file is JSON text, an array of one number: as a `Small`
/// (which serde also reads from an array of its fields) it follows the
/// `y_` rule.
#[rustfmt::skip]
const IMPLEMENTATION_DEFINED: &[(&str, Expected, Expected)] = &[
    // A `Value` holds them: integers past i64/u64 as a rounded f64, tiny exponents as 0.
    ("i_number_double_huge_neg_exp.json",                    Accepted,   Json),
    ("i_number_real_underflow.json",                         Accepted,   Json),
    ("i_number_too_big_neg_int.json",                        Accepted,   Json),
    ("i_number_too_big_pos_int.json",                        Accepted,   Json),
    ("i_number_very_big_negative_int.json",                  Accepted,   Json),
    // Huge exponents overflow an f64: the number is out of range.
    ("i_number_huge_exp.json",                               OutOfRange, Json),
    ("i_number_neg_int_huge_exp.json",                       OutOfRange, Json),
    ("i_number_pos_double_huge_exp.json",                    OutOfRange, Json),
    ("i_number_real_neg_overflow.json",                      OutOfRange, Json),
    ("i_number_real_pos_overflow.json",                      OutOfRange, Json),
    // A lone surrogate escape names no character: not JSON text.
    ("i_object_key_lone_2nd_surrogate.json",                 NotJson,    NotJson),
    ("i_string_1st_surrogate_but_2nd_missing.json",          NotJson,    NotJson),
    ("i_string_1st_valid_surrogate_2nd_invalid.json",        NotJson,    NotJson),
    ("i_string_incomplete_surrogate_and_escape_valid.json",  NotJson,    NotJson),
    ("i_string_incomplete_surrogate_pair.json",              NotJson,    NotJson),
    ("i_string_incomplete_surrogates_escape_valid.json",     NotJson,    NotJson),
    ("i_string_invalid_lonely_surrogate.json",               NotJson,    NotJson),
    ("i_string_invalid_surrogate.json",                      NotJson,    NotJson),
    ("i_string_inverted_surrogates_U+1D11E.json",            NotJson,    NotJson),
    ("i_string_lone_second_surrogate.json",                  NotJson,    NotJson),
    // Invalid UTF-8 (surrogates, overlong or truncated sequences, Latin-1): JSON text is UTF-8.
    ("i_string_UTF-8_invalid_sequence.json",                 NotJson,    NotJson),
    ("i_string_UTF8_surrogate_U+D800.json",                  NotJson,    NotJson),
    ("i_string_invalid_utf-8.json",                          NotJson,    NotJson),
    ("i_string_iso_latin_1.json",                            NotJson,    NotJson),
    ("i_string_lone_utf8_continuation_byte.json",            NotJson,    NotJson),
    ("i_string_not_in_unicode_range.json",                   NotJson,    NotJson),
    ("i_string_overlong_sequence_2_bytes.json",              NotJson,    NotJson),
    ("i_string_overlong_sequence_6_bytes.json",              NotJson,    NotJson),
    ("i_string_overlong_sequence_6_bytes_null.json",         NotJson,    NotJson),
    ("i_string_truncated-utf-8.json",                        NotJson,    NotJson),
    // UTF-16, with or without its byte-order mark: JSON text is UTF-8.
    ("i_string_UTF-16LE_with_BOM.json",                      NotJson,    NotJson),
    ("i_string_utf16BE_no_BOM.json",                         NotJson,    NotJson),
    ("i_string_utf16LE_no_BOM.json",                         NotJson,    NotJson),
    // A UTF-8 byte-order mark is not part of JSON text.
    ("i_structure_UTF-8_BOM_empty_object.json",              NotJson,    NotJson),
    // 500 nested arrays are deeper than the 127 levels the parser reads.
    ("i_structure_500_nested_arrays.json",                   NotJson,    NotJson),
];

#[test]
fn every_case_is_accepted_or_rejected_as_expected() {
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Small {
        a: Option<Value>,
    }

    let files = suite_files();
    assert_eq!(files.len(), 318, "files in {SUITE}");

    let mut failures = Vec::new();
    for (name, body) in &files {
        let Some((for_value, for_small)) = expected(name) else {
            failures.push(format!(
                "{name}: no expectation (not y_ or n_, and no row in IMPLEMENTATION_DEFINED)"
            ));
            continue;
        };
        let value = parse::<Value>(body);
        let mut value_problems = check(&value, for_value);
        value_problems.extend(differs_from_serde_json(&value, body));
        let small_problems = check(&parse::<Small>(body), for_small);
        for problem in value_problems {
            failures.push(format!("{name}: as Value: {problem}"));
        }
        for problem in small_problems {
            failures.push(format!("{name}: as Small: {problem}"));
        }
    }
    for (name, ..) in IMPLEMENTATION_DEFINED {
        if !files.iter().any(|(file, _)| file == name) {
            failures.push(format!(
                "{name}: row of IMPLEMENTATION_DEFINED with no file"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_suite_is_whole() {
    let mut by_prefix = BTreeMap::new();
    for (name, _) in suite_files() {
        *by_prefix.entry(name[..2].to_owned()).or_insert(0) += 1;
    }
    let expected = FILES_BY_PREFIX.map(|(prefix, count)| (prefix.to_owned(), count));
    assert_eq!(by_prefix, BTreeMap::from(expected));
}

/// The name and bytes of every file in [`SUITE`], sorted by name.
fn suite_files() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = fs::read_dir(SUITE)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            (name, fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// What the file `name` must give as a `Value` and as a `Small`, by its
/// prefix or its row of [`IMPLEMENTATION_DEFINED`].
fn expected(name: &str) -> Option<(Expected, Expected)> {
    if name.starts_with("y_") {
        Some((Accepted, Json))
    } else if name.starts_with("n_") {
        Some((NotJson, NotJson))
    } else {
        IMPLEMENTATION_DEFINED
            .iter()
            .find(|(row, ..)| *row == name)
            .map(|&(_, for_value, for_small)| (for_value, for_small))
    }
}

/// How `outcome` departs from `expected`, and what is wrong with its error.
fn check<T: Debug>(outcome: &Result<T, RequestError>, expected: Expected) -> Vec<String> {
    let mut problems = Vec::new();
    if !meets(outcome, expected) {
        problems.push(format!("expected {expected:?}, got {}", describe(outcome)));
    }
    if let Err(err) = outcome {
        problems.extend(malformed(err));
    }
    problems
}

/// Whether `outcome` is one that `expected` allows.
fn meets<T>(outcome: &Result<T, RequestError>, expected: Expected) -> bool {
    match (expected, outcome) {
        (Accepted | Json, Ok(_)) => true,
        (Json, Err(err)) => FIELD_CODES.contains(&err.code()) || is_not_an_object(err),
        (OutOfRange, Err(err)) => {
            err.code() == "invalid_request"
                || (err.code() == "invalid_field" && err.message().contains("out of range"))
        }
        // Syntax first: whatever the type, the text is what is wrong.
        (NotJson, Err(err)) => err.code() == "invalid_request" && !is_not_an_object(err),
        _ => false,
    }
}

/// An `invalid_request` over the JSON value, not the text.
fn is_not_an_object(err: &RequestError) -> bool {
    err.code() == "invalid_request" && err.message().contains("expected an object")
}

/// What is wrong with the error itself: every error the parser gives for a
/// body is a 400 whose messages are at most [`MAX_MESSAGE_LEN`] bytes
/// without a control character.
fn malformed(err: &RequestError) -> Vec<String> {
    let mut problems = Vec::new();
    if err.status() != StatusCode::BAD_REQUEST {
        problems.push(format!(
            "status {}, not 400: {}",
            err.status(),
            describe_error(err)
        ));
    }
    let messages = std::iter::once(err.message())
        .chain(err.errors().iter().map(|field| field.message().to_owned()));
    for message in messages {
        if message.len() > MAX_MESSAGE_LEN {
            problems.push(format!(
                "a message of {} bytes: {}",
                message.len(),
                shorten(&message)
            ));
        }
        if message.chars().any(char::is_control) {
            problems.push(format!("a control character in {}", shorten(&message)));
        }
    }
    problems
}

/// A `Value` the parser gives that serde_json does not read from the same
/// body.
fn differs_from_serde_json(outcome: &Result<Value, RequestError>, body: &[u8]) -> Option<String> {
    let parsed = outcome.as_ref().ok()?;
    match serde_json::from_slice::<Value>(body) {
        Ok(read) if read == *parsed => None,
        Ok(read) => Some(format!(
            "{} differs from serde_json's {}",
            shorten(parsed),
            shorten(&read)
        )),
        Err(err) => Some(format!("accepted, but serde_json says {err}")),
    }
}

/// `Ok` with the parsed value, or the error's code and message.
fn describe<T: Debug>(outcome: &Result<T, RequestError>) -> String {
    match outcome {
        Ok(parsed) => format!("Ok({})", shorten(parsed)),
        Err(err) => describe_error(err),
    }
}

/// The error's code and message.
fn describe_error(err: &RequestError) -> String {
    format!("{} {}", err.code(), shorten(&err.message()))
}

/// `value`'s `Debug`, cut to 200 characters.
fn shorten(value: &impl Debug) -> String {
    let text = format!("{value:?}");
    match text.char_indices().nth(200) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
    }
}
