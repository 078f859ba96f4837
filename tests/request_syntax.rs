//! Syntax first: a body that is not JSON text (RFC 8259: the grammar,
//! UTF-8, nothing after the value, no lone surrogate escapes) is
//! `invalid_request` saying where, whatever the target type and whatever
//! serde would have met first; on the valid path too, where serde_json
//! skips what a type ignores.

use api_error::ApiError;
use serde::Deserialize;
use serde::de::IgnoredAny;

#[path = "support/body.rs"]
mod body;

use body::parse;

/// The message of the `invalid_request` parsing `body` gives, for `T`.
fn invalid<'de, T: Deserialize<'de> + std::fmt::Debug>(body: &'de [u8]) -> String {
    let err = parse::<T>(body).expect_err("not JSON text");
    assert_eq!(err.code(), "invalid_request", "{err:?}");
    assert!(err.path().is_none() && err.errors().is_empty(), "{err:?}");
    err.message()
}

/// A type that refuses any other field first, so that serde's error, if it
/// came first, would be an unexpected field.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct OnlyA {
    a: u8,
}

/// A type that skips every field it does not know.
#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Lenient {
    a: Option<u8>,
}

#[test]
fn text_that_is_not_json_is_invalid_request_whatever_serde_meets_first() {
    // serde would report the unknown field before the trailing comma, the
    // missing field before the garbage after the value.
    assert_eq!(
        invalid::<OnlyA>(br#"{"id":0,}"#),
        "The request body is not valid JSON (line 1, column 9)."
    );
    assert_eq!(
        invalid::<OnlyA>(br#"{"a":1} trailing"#),
        "The request body has more after its JSON value (line 1, column 9)."
    );
    assert_eq!(
        invalid::<OnlyA>(br#"{"b": 1, "a": 1 // comment"#),
        "The request body is not valid JSON (line 1, column 17)."
    );
    assert_eq!(
        invalid::<OnlyA>(br#"{"b": 300"#),
        "The request body ends before its JSON value does (line 1, column 9)."
    );
    assert_eq!(
        invalid::<serde_json::Value>(b"[1,]"),
        "The request body is not valid JSON (line 1, column 4)."
    );
}

#[test]
fn the_grammar_is_rfc_8259s() {
    for (body, message) in [
        ("[01]", "is not valid JSON (line 1, column 3)"),
        ("[1.]", "is not valid JSON (line 1, column 4)"),
        ("[.5]", "is not valid JSON (line 1, column 2)"),
        ("[1e]", "is not valid JSON (line 1, column 4)"),
        ("[-]", "is not valid JSON (line 1, column 3)"),
        ("[+1]", "is not valid JSON (line 1, column 2)"),
        ("{1:2}", "is not valid JSON (line 1, column 2)"),
        ("{\"a\" 1}", "is not valid JSON (line 1, column 6)"),
        ("[nul]", "is not valid JSON (line 1, column 5)"),
        ("[True]", "is not valid JSON (line 1, column 2)"),
        ("['a']", "is not valid JSON (line 1, column 2)"),
        ("[\"\\x\"]", "is not valid JSON (line 1, column 4)"),
        ("[\"\\u12g4\"]", "is not valid JSON (line 1, column 8)"),
        ("[\"a\tb\"]", "is not valid JSON (line 1, column 3)"),
        ("\u{c}{}", "is not valid JSON (line 1, column 1)"),
        ("{} {}", "has more after its JSON value (line 1, column 4)"),
        (
            "{}\n {}",
            "has more after its JSON value (line 2, column 2)",
        ),
        ("[1", "ends before its JSON value does (line 1, column 2)"),
        (
            "\"abc",
            "ends before its JSON value does (line 1, column 4)",
        ),
        ("{\n", "ends before its JSON value does (line 2, column 0)"),
        ("{\"name\": nope}", "is not valid JSON (line 1, column 11)"),
    ] {
        assert_eq!(
            invalid::<serde_json::Value>(body.as_bytes()),
            format!("The request body {message}."),
            "{body:?}"
        );
    }
    for good in [
        "0",
        "-0",
        "1.5e+3",
        "-0.0E-0",
        "\"\"",
        " [1, [2, {}], {\"a\": null}] ",
        "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"",
    ] {
        assert!(
            parse::<serde_json::Value>(good.as_bytes()).is_ok(),
            "{good}"
        );
    }
}

#[test]
fn empty_bodies() {
    for body in ["", " ", " \n\t\r "] {
        assert_eq!(
            invalid::<OnlyA>(body.as_bytes()),
            "The request body is empty."
        );
    }
}

#[test]
fn utf8_surrogates_and_byte_order_marks() {
    assert_eq!(
        invalid::<OnlyA>(b"{\"b\": \"a\xff\"}"),
        "The request body is not valid UTF-8 (line 1, column 9)."
    );
    assert_eq!(
        invalid::<OnlyA>(br#"{"b": "\ud800"}"#),
        "The request body has a lone surrogate escape in a string (line 1, column 8)."
    );
    for lone in [
        r#"["\udc00\ud800"]"#,
        r#"["\ud800\u0041"]"#,
        r#"["\ud800\n"]"#,
        r#"{"\udfaa": 0}"#,
    ] {
        assert!(
            invalid::<serde_json::Value>(lone.as_bytes()).contains("lone surrogate"),
            "{lone}"
        );
    }
    assert_eq!(
        invalid::<serde_json::Value>("\u{FEFF}{}".as_bytes()),
        "The request body starts with a byte order mark, which JSON text must not have."
    );
    // A surrogate pair is one character.
    let parsed: String = parse(br#""\ud83d\ude00 \uD83D\uDE00""#).unwrap();
    assert_eq!(parsed, "😀 😀");
}

#[test]
fn the_valid_path_checks_what_serde_json_skips() {
    // serde_json accepts these for a type that ignores the member, or reads
    // it as bytes; they are not JSON text.
    assert!(serde_json::from_slice::<Lenient>(b"{\"x\": \"\xff\"}").is_ok());
    assert_eq!(
        invalid::<Lenient>(b"{\"x\": \"\xff\"}"),
        "The request body is not valid UTF-8 (line 1, column 8)."
    );
    assert!(serde_json::from_slice::<Lenient>(br#"{"x": "\udc00"}"#).is_ok());
    assert!(invalid::<Lenient>(br#"{"x": "\udc00"}"#).contains("lone surrogate"));
    assert!(invalid::<IgnoredAny>(br#"["\ud800"]"#).contains("lone surrogate"));
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Raw {
        #[serde(with = "serde_bytes_like")]
        raw: Vec<u8>,
    }
    mod serde_bytes_like {
        pub(super) fn deserialize<'de, D: serde::Deserializer<'de>>(
            d: D,
        ) -> Result<Vec<u8>, D::Error> {
            struct Bytes;
            impl serde::de::Visitor<'_> for Bytes {
                type Value = Vec<u8>;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("bytes")
                }
                fn visit_bytes<E>(self, v: &[u8]) -> Result<Vec<u8>, E> {
                    Ok(v.to_vec())
                }
            }
            d.deserialize_bytes(Bytes)
        }
    }
    assert!(serde_json::from_slice::<Raw>(br#"{"raw": "\ud800"}"#).is_ok());
    assert!(invalid::<Raw>(br#"{"raw": "\ud800"}"#).contains("lone surrogate"));
    // Escaped backslashes before a `u` are not escapes.
    assert!(parse::<Lenient>(br#"{"x": "\\ud800 \\\\udc00"}"#).is_ok());
}

#[test]
fn nesting_is_refused_past_serde_jsons_limit() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(parse::<serde_json::Value>(nested(127).as_bytes()).is_ok());
    assert_eq!(
        invalid::<serde_json::Value>(nested(128).as_bytes()),
        "The request body nests arrays and objects deeper than 127 levels (line 1, column 128)."
    );
    // Before anything the type would say of it: an unknown field here.
    let deep = format!(r#"{{"b": {}}}"#, nested(500));
    assert!(invalid::<OnlyA>(deep.as_bytes()).contains("deeper than 127 levels"));
    assert!(invalid::<OnlyA>(nested(100_000).as_bytes()).contains("deeper than 127"));
    // Unclosed, it is not JSON text at all.
    assert!(invalid::<OnlyA>("[".repeat(100_000).as_bytes()).contains("ends before"));
}

#[test]
fn a_value_of_the_wrong_kind_for_the_body_is_invalid_request() {
    for (body, found) in [
        ("[1, 2]", "an array"),
        ("\"name\"", "the string \"name\""),
        ("null", "null"),
        ("7", "the number 7"),
    ] {
        assert_eq!(
            invalid::<OnlyA>(body.as_bytes()),
            format!("The request body is invalid: expected an object, found {found}.")
        );
    }
}
