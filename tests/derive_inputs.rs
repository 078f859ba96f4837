//! Unusual but valid derive inputs compile and behave: raw identifiers,
//! keywords and non-ASCII names, `#[cfg]` and `#[cfg_attr]`, other derives'
//! attributes, generics of every kind, input written by `macro_rules!`, and
//! an enum of 2,000 variants. (Malformed attributes are the `token-soup-*`
//! cases of `ui/`.)

use std::collections::HashSet;

use api_error::client::{self, FromRemote};
use api_error::format::{Flat, Format, Problem};
use api_error::http::StatusCode;
use api_error::{ApiError, FieldErrors};

#[test]
fn raw_identifiers_in_names_fields_and_placeholders() {
    #[derive(Debug, ApiError)]
    #[api(status = 400, type = "https://example.com/errors/")]
    enum E {
        // `{type}` and `{r#type}` both name the field `r#type`, with or
        // without a format spec.
        #[api(message = "{type}/{r#type}/{r#match:>4}/{fn:?}")]
        r#Type {
            r#type: &'static str,
            r#match: u8,
            r#fn: char,
        },
        r#Match(#[api(extension = "m")] u8),
        Fields {
            #[api(extension)]
            r#type: &'static str,
            #[api(header = "X-Match")]
            r#match: u16,
        },
    }
    let err = E::Type {
        r#type: "t",
        r#match: 5,
        r#fn: 'f',
    };
    // Codes, catalog names and type URIs never carry `r#`.
    assert_eq!(err.code(), "type");
    assert_eq!(err.message(), "t/t/   5/'f'");
    assert_eq!(err.type_uri(), "https://example.com/errors/type");
    let entry = err.entry().unwrap();
    assert_eq!(entry.variant(), Some("Type"));
    assert_eq!(entry.message(), "{type}/{r#type}/{r#match:>4}/{fn:?}");
    assert_eq!(E::Match(3).code(), "match");
    assert_eq!(
        Flat::render(&E::Match(3)),
        br#"{"error":"match","message":"Bad Request","m":3}"#
    );

    // An extension named after a raw field is named without `r#`; in
    // problem+json, `type` is the format's own member and the extension is
    // left out.
    let fields = E::Fields {
        r#type: "x",
        r#match: 7,
    };
    let response = Flat::response(&fields);
    assert_eq!(response.headers()["x-match"], "7");
    assert_eq!(
        response.into_body(),
        br#"{"error":"fields","message":"Bad Request","type":"x"}"#
    );
    assert_eq!(
        Problem::render(&fields),
        br#"{"type":"https://example.com/errors/fields","title":"Bad Request","status":400,"detail":"Bad Request","code":"fields"}"#
    );
    let codes: Vec<&str> = E::catalog()
        .iter()
        .map(|item| item.entry().code())
        .collect();
    assert_eq!(codes, ["type", "match", "fields"]);
}

#[test]
fn a_raw_identifier_as_the_type_name() {
    #[derive(Debug, ApiError)]
    #[api(status = 409, message = "{0} exists")]
    #[allow(non_camel_case_types)]
    struct r#match(&'static str);

    let err = r#match("ada");
    assert_eq!(err.code(), "match");
    assert_eq!(err.message(), "ada exists");
    assert_eq!(err.to_string(), "ada exists");
    let entry = err.entry().unwrap();
    assert_eq!(entry.type_name(), "match");
    assert_eq!(entry.variant(), None);
}

#[test]
fn keywords_as_field_names() {
    #[derive(Debug, ApiError)]
    #[api(status = 422)]
    enum E {
        // `gen` is reserved in edition 2024, `try` and `dyn` since 2018.
        #[api(message = "{async} {await} {dyn} {gen} {try} {yield} {loop} {in}")]
        Keywords {
            r#async: u8,
            r#await: u8,
            r#dyn: u8,
            r#gen: u8,
            r#try: u8,
            r#yield: u8,
            r#loop: u8,
            r#in: u8,
        },
        #[api(status = 404, message = "no {struct} for {for}")]
        Mixed {
            #[api(instance)]
            r#struct: String,
            #[api(extension = "for")]
            r#for: bool,
        },
    }
    let err = E::Keywords {
        r#async: 1,
        r#await: 2,
        r#dyn: 3,
        r#gen: 4,
        r#try: 5,
        r#yield: 6,
        r#loop: 7,
        r#in: 8,
    };
    assert_eq!(err.message(), "1 2 3 4 5 6 7 8");
    assert_eq!(err.code(), "keywords");
    let err = E::Mixed {
        r#struct: "/orders/7".into(),
        r#for: true,
    };
    assert_eq!(err.status(), StatusCode::NOT_FOUND);
    assert_eq!(err.message(), "no /orders/7 for true");
    assert_eq!(err.instance(), Some("/orders/7"));
    assert_eq!(
        Problem::render(&err),
        br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"no /orders/7 for true","instance":"/orders/7","code":"mixed","for":true}"#
    );
}

#[test]
fn non_ascii_identifiers() {
    #[derive(Debug, ApiError)]
    #[api(status = 422, rename_all = "SCREAMING_SNAKE_CASE")]
    enum Fehler {
        // A default code would not be ASCII (see `ui/default-code-not-ascii`),
        // so the variant names its own.
        #[api(code = "size", message = "Größe {naïve} {größe:?} ✓")]
        Größe { naïve: u8, größe: &'static str },
        #[api(code = "name", message = "{0}さん")]
        名前(#[api(extension = "名前")] &'static str),
        // ASCII variant names get default codes whatever their fields are
        // called.
        #[api(message = "{café:>6}")]
        TooLong {
            #[api(extension)]
            café: u16,
        },
    }
    let size = Fehler::Größe {
        naïve: 1,
        größe: "xl",
    };
    assert_eq!(size.code(), "size");
    assert_eq!(size.message(), "Größe 1 \"xl\" ✓");
    assert_eq!(size.entry().unwrap().variant(), Some("Größe"));
    assert_eq!(size.entry().unwrap().rust_path(), "Fehler::Größe");
    assert_eq!(
        Problem::render(&Fehler::名前("ada")),
        r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"adaさん","code":"name","名前":"ada"}"#.as_bytes()
    );
    let long = Fehler::TooLong { café: 7 };
    assert_eq!(long.code(), "TOO_LONG");
    assert_eq!(
        Flat::render(&long),
        r#"{"error":"TOO_LONG","message":"     7","café":7}"#.as_bytes()
    );
}

#[test]
fn cfg_gated_variants_and_fields() {
    /// Implements neither `Display` nor `Debug`; only removed fields and
    /// variants use it.
    #[allow(dead_code)]
    struct Opaque;

    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    enum E {
        // Removed before the derive runs: its attribute is never read, and
        // its code would have collided with `Here`'s.
        #[cfg(any())]
        #[api(status = 999, code = "here", message = "{nothing}")]
        Gone,
        #[cfg(test)]
        #[api(status = 404)]
        Here,
        #[api(message = "kept {kept}")]
        Fields {
            kept: u8,
            // A field removed by `cfg` needs no bound, and takes no part.
            #[cfg(any())]
            #[api(extension)]
            gone: Opaque,
        },
        #[cfg(any())]
        Gone2(Opaque),
    }
    let codes: Vec<&str> = E::catalog()
        .iter()
        .map(|item| item.entry().code())
        .collect();
    assert_eq!(codes, ["here", "fields"]);
    assert_eq!(E::Here.status(), StatusCode::NOT_FOUND);
    let fields = E::Fields { kept: 1 };
    assert_eq!(fields.message(), "kept 1");
    assert_eq!(
        Flat::render(&fields),
        br#"{"error":"fields","message":"kept 1"}"#
    );
}

#[test]
fn cfg_attr_expands_to_api_attributes() {
    #[derive(Debug, ApiError)]
    #[cfg_attr(all(), api(status = 400, rename_all = "kebab-case"))]
    enum E {
        #[cfg_attr(all(), api(status = 409, code = "conflict"))]
        #[cfg_attr(any(), api(status = 500, code = "never"))]
        Attr,
        // One `cfg_attr` giving two attributes, and two `#[api]` on one
        // variant: their keys add up.
        #[cfg_attr(all(), api(status = 410), api(title = "Long Gone"))]
        TwoInOne,
        #[api(status = 411)]
        #[api(code = "split")]
        SplitAcross,
        DefaultStatus {
            #[cfg_attr(all(), api(extension))]
            limit: u32,
        },
    }
    assert_eq!(E::Attr.status(), StatusCode::CONFLICT);
    assert_eq!(E::Attr.code(), "conflict");
    assert_eq!(E::TwoInOne.status(), StatusCode::GONE);
    assert_eq!(E::TwoInOne.code(), "two-in-one");
    assert_eq!(E::TwoInOne.title(), "Long Gone");
    assert_eq!(E::SplitAcross.status(), StatusCode::LENGTH_REQUIRED);
    assert_eq!(E::SplitAcross.code(), "split");
    assert_eq!(
        Flat::render(&E::DefaultStatus { limit: 3 }),
        br#"{"error":"default-status","message":"Bad Request","limit":3}"#
    );
}

#[test]
fn doc_comments_and_other_derives_attributes() {
    #[derive(Debug, ApiError, serde::Serialize)]
    #[api(status = 400)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE", tag = "kind")]
    enum E {
        /// The name is taken.
        ///
        /// # Resolution
        ///
        /// Pick another.
        #[serde(rename = "taken!")]
        #[api(status = 409, message = "{name} is taken")]
        NameTaken {
            /// Whose name.
            #[serde(rename = "who")]
            #[allow(dead_code)]
            name: String,
            #[serde(skip)]
            #[api(extension = "retry")]
            retry: bool,
        },
        #[doc(hidden)]
        #[serde(skip)]
        Hidden,
        // Under `clippy -D warnings`, this also checks that the generated
        // code reads a deprecated field of a deprecated variant without a
        // warning.
        #[deprecated = "use NameTaken"]
        #[api(status = 410, message = "{0}")]
        Old(#[deprecated] u8),
    }
    let err = E::NameTaken {
        name: "ada".into(),
        retry: true,
    };
    // serde's renames change what serde writes, not the code.
    assert_eq!(err.code(), "name_taken");
    assert_eq!(
        serde_json::to_string(&err).unwrap(),
        r#"{"kind":"taken!","who":"ada"}"#
    );
    assert_eq!(
        Flat::render(&err),
        br#"{"error":"name_taken","message":"ada is taken","retry":true}"#
    );
    let entry = err.entry().unwrap();
    assert_eq!(entry.description(), "The name is taken.");
    assert_eq!(entry.resolution(), "Pick another.");
    assert_eq!(E::Hidden.entry().unwrap().description(), "");
    #[allow(deprecated)]
    let old = E::Old(3);
    assert_eq!(old.status(), StatusCode::GONE);
    assert_eq!(old.message(), "3");
}

#[test]
fn alongside_thiserror() {
    #[derive(Debug, thiserror::Error, ApiError)]
    #[api(status = 400)]
    enum E {
        /// The name is taken.
        #[error("name {name} is taken")]
        #[api(status = 409)]
        NameTaken { name: String },
        #[error("parse failed: {0}")]
        #[api(message = "The number could not be read.")]
        Parse(#[from] std::num::ParseIntError),
        #[error("storage failed")]
        #[api(status = 500)]
        Storage {
            #[source]
            cause: std::io::Error,
        },
        #[error(transparent)]
        #[api(transparent)]
        Inner(#[from] Inner),
        #[error("{0} ({1})")]
        #[api(status = 422, message = "Invalid {0}.")]
        Invalid(&'static str, #[source] std::fmt::Error),
    }
    #[derive(Debug, thiserror::Error, ApiError)]
    #[error("inner {0}")]
    #[api(status = 404)]
    struct Inner(u8);

    let taken = E::NameTaken { name: "ada".into() };
    assert_eq!(taken.status(), StatusCode::CONFLICT);
    assert_eq!(taken.message(), "name ada is taken");
    assert_eq!(taken.entry().unwrap().message(), "name {name} is taken");

    // thiserror's `From`; a client error whose `Display` prints its source
    // names a message of its own (the derive refuses it otherwise), and
    // its `Display` stays thiserror's, for logs.
    let parse: E = "x".parse::<u8>().unwrap_err().into();
    assert_eq!(parse.code(), "parse");
    assert_eq!(parse.message(), "The number could not be read.");
    assert_eq!(
        parse.to_string(),
        "parse failed: invalid digit found in string"
    );

    // A server error shows its reason phrase; its source stays a source.
    let storage = E::Storage {
        cause: std::io::Error::other("disk full"),
    };
    assert_eq!(storage.message(), "Internal Server Error");
    assert_eq!(storage.to_string(), "storage failed");
    let source = std::error::Error::source(&storage).unwrap();
    assert_eq!(source.to_string(), "disk full");

    let inner: E = Inner(7).into();
    assert_eq!(
        (inner.status(), inner.code(), inner.message()),
        (StatusCode::NOT_FOUND, "inner", "inner 7".to_owned())
    );
    assert_eq!(inner.to_string(), "inner 7");

    let invalid = E::Invalid("email", std::fmt::Error);
    assert_eq!(invalid.message(), "Invalid email.");
    assert!(std::error::Error::source(&invalid).is_some());
    let codes: Vec<&str> = E::catalog()
        .iter()
        .map(|item| item.entry().code())
        .collect();
    assert_eq!(
        codes,
        ["name_taken", "parse", "storage", "invalid", "inner"]
    );
}

#[test]
fn lifetimes() {
    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    enum E<'a, 'b: 'a> {
        #[api(message = "{0}")]
        V(&'a str),
        #[api(message = "{field} in {bytes:?}")]
        W {
            field: &'b str,
            #[api(extension)]
            bytes: &'a [u8],
            #[api(instance)]
            at: &'a str,
        },
    }
    let owned = String::from("borrowed");
    let err = E::V(&owned);
    assert_eq!(err.message(), "borrowed");
    assert_eq!(err.to_string(), "borrowed");
    let err = E::W {
        field: &owned[..3],
        bytes: b"ab",
        at: &owned,
    };
    assert_eq!(
        Flat::render(&err),
        br#"{"error":"w","message":"bor in [97, 98]","bytes":[97,98]}"#
    );
    assert_eq!(err.instance(), Some("borrowed"));
}

#[test]
fn type_and_const_generics_with_bounds_defaults_and_where_clauses() {
    #[derive(Debug, ApiError)]
    #[api(status = 422)]
    enum E<T: Clone + std::fmt::Debug, U = String, const N: usize = 4>
    where
        T: std::fmt::Display + Send,
        U: AsRef<str> + std::fmt::Debug,
    {
        #[api(message = "got {0} and {1:?}")]
        Pair(T, U),
        // `[u8; N]` and `[T; N]` in no message need no bound.
        Bytes([u8; N]),
        #[api(status = 404, code = "padded", message = "[{len:>width$}]")]
        Padded {
            len: T,
            width: usize,
            array: [T; N],
        },
    }
    let pair: E<u8> = E::Pair(1, "s".into());
    assert_eq!(pair.message(), r#"got 1 and "s""#);
    assert_eq!(pair.code(), "pair");
    let bytes: E<u8, String, 2> = E::Bytes([1, 2]);
    assert_eq!(
        (bytes.code(), bytes.message()),
        ("bytes", "Unprocessable Content".into())
    );
    let padded: E<i64> = E::Padded {
        len: -7,
        width: 5,
        array: [0; 4],
    };
    assert_eq!(padded.status(), StatusCode::NOT_FOUND);
    assert_eq!(padded.message(), "[   -7]");
    if let E::Padded { array, .. } = &padded {
        assert_eq!(array, &[0; 4]);
    }
    assert_eq!(E::<u8>::catalog().len(), 3);

    #[derive(Debug, ApiError)]
    #[api(status = 413, message = "at most {max} bytes")]
    struct TooLarge<const N: usize> {
        #[api(extension)]
        max: usize,
        sample: [u8; N],
    }
    let err = TooLarge {
        max: 2,
        sample: [1, 2, 3],
    };
    assert_eq!(err.sample.len(), 3);
    assert_eq!(
        Flat::render(&err),
        br#"{"error":"too_large","message":"at most 2 bytes","max":2}"#
    );
}

#[test]
fn a_type_parameter_in_a_message_a_source_and_a_from() {
    #[derive(Debug, ApiError)]
    #[api(status = 400, message = "{0:#x} / {0:?} / {0:e}")]
    struct Shown<T>(T);
    assert_eq!(Shown(255u32).message(), "0xff / 255 / 2.55e2");

    #[derive(Debug, ApiError)]
    #[api(status = 502)]
    enum Upstream<E: std::error::Error + 'static> {
        Wrapped(#[from] E),
        #[api(status = 400, message = "bad: {source}")]
        Named {
            source: E,
        },
    }
    let wrapped: Upstream<std::fmt::Error> = std::fmt::Error.into();
    assert_eq!(wrapped.code(), "wrapped");
    assert_eq!(wrapped.message(), "Bad Gateway");
    assert!(std::error::Error::source(&wrapped).is_some());
    let named = Upstream::Named {
        source: std::fmt::Error,
    };
    assert_eq!(
        named.message(),
        "bad: an error occurred when formatting an argument"
    );
}

#[test]
fn input_written_by_macro_rules() {
    // Each `$value` reaches the derive wrapped in an invisible group, and the
    // field's name comes from the macro's caller, as does the message that
    // names it.
    macro_rules! error_type {
        (
            $name:ident, $variant:ident, $status:expr, $code:literal, $message:literal,
            $field:ident: $ty:ty
        ) => {
            #[derive(Debug, ApiError)]
            #[api(type = "https://example.com/errors/")]
            enum $name {
                #[api(status = $status, code = $code, message = $message)]
                $variant { $field: $ty },
            }
        };
    }
    error_type!(Made, Missing, 404, "missing", "no {id}", id: u32);
    let err = Made::Missing { id: 3 };
    assert_eq!(err.status(), StatusCode::NOT_FOUND);
    assert_eq!(err.code(), "missing");
    assert_eq!(err.message(), "no 3");
    assert_eq!(err.type_uri(), "https://example.com/errors/missing");

    error_type!(
        Pathed,
        Busy,
        StatusCode::SERVICE_UNAVAILABLE,
        "busy",
        "busy for {secs}s",
        secs: u64
    );
    assert_eq!(Pathed::Busy { secs: 2 }.status(), 503);
    assert_eq!(Pathed::Busy { secs: 2 }.message(), "busy for 2s");
}

#[test]
fn empty_braces_discriminants_and_reprs() {
    #[derive(Debug, PartialEq, ApiError)]
    #[api(status = 400)]
    #[repr(u8)]
    enum E {
        Braced {} = 1,
        Parens() = 2,
        #[api(status = 404, message = "no fields, no placeholders")]
        Unit = 7,
    }
    assert_eq!(E::Braced {}.code(), "braced");
    assert_eq!(E::Parens().code(), "parens");
    assert_eq!(E::Unit.message(), "no fields, no placeholders");

    // A variant without fields is rebuilt from a decoded body, whichever
    // brackets it was declared with.
    for err in [E::Braced {}, E::Parens(), E::Unit] {
        let remote = client::decode_response(&Problem::response(&err));
        assert_eq!(E::from_remote(&remote), Some(err));
    }

    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    #[repr(C)]
    struct Braced {}
    #[derive(Debug, ApiError)]
    #[api(status = 401)]
    struct Parens();
    assert_eq!(Braced {}.code(), "braced");
    assert_eq!(Parens().status(), StatusCode::UNAUTHORIZED);
}

#[test]
fn messages_with_escapes_and_raw_strings() {
    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    enum E {
        #[api(message = r#"He said "{0}" \n {{raw}}"#)]
        Raw(&'static str),
        #[api(message = "tab\t\"quote\"\\ nul\0 bell\u{7} crab\u{1F980}\n{0}")]
        Escaped(&'static str),
    }
    assert_eq!(E::Raw("hi").message(), r#"He said "hi" \n {raw}"#);
    assert_eq!(
        Flat::render(&E::Raw("\"")),
        br#"{"error":"raw","message":"He said \"\"\" \\n {raw}"}"#
    );
    let escaped = E::Escaped("</x>");
    assert_eq!(
        escaped.message(),
        "tab\t\"quote\"\\ nul\0 bell\u{7} crab🦀\n</x>"
    );
    let body: serde_json::Value = serde_json::from_slice(&Flat::render(&escaped)).unwrap();
    assert_eq!(body["message"], escaped.message());
}

/// What `build.rs` gives variant `i` of `Many`, stated again: its name,
/// status, code, catalog message and description.
fn many_expected(i: usize) -> (String, u16, String, String, String) {
    let status = if i.is_multiple_of(5) {
        400
    } else {
        400 + i % 200
    };
    let status = u16::try_from(status).unwrap();
    // http's phrases, but where RFC 9110 renamed them.
    let renamed = match status {
        413 => Some("Content Too Large"),
        422 => Some("Unprocessable Content"),
        _ => None,
    };
    let reason = renamed
        .or(StatusCode::from_u16(status).unwrap().canonical_reason())
        .unwrap_or(if status < 500 {
            "Client Error"
        } else {
            "Server Error"
        });
    let code = if i.is_multiple_of(7) {
        format!("many.{i}")
    } else {
        format!("v{i:04}")
    };
    let message = match i % 3 {
        1 => format!("tuple {{0}} of {i}"),
        2 => format!("struct {{id}} {{name:?}} of {i}"),
        _ => reason.to_owned(),
    };
    let description = if i.is_multiple_of(11) {
        format!("Variant number {i}.")
    } else {
        String::new()
    };
    (format!("V{i:04}"), status, code, message, description)
}

#[test]
fn an_enum_of_two_thousand_variants() {
    // Most variants are never built.
    #[allow(dead_code)]
    mod many {
        use api_error::ApiError;
        include!(concat!(env!("OUT_DIR"), "/many_variants.rs"));
    }
    use many::Many;

    let catalog = Many::catalog();
    assert_eq!(catalog.len(), 2000);
    let mut codes = HashSet::new();
    for (i, item) in catalog.iter().enumerate() {
        let entry = item.entry();
        let (name, status, code, message, description) = many_expected(i);
        assert_eq!(entry.variant(), Some(name.as_str()));
        assert_eq!(entry.status().as_u16(), status, "{name}");
        assert_eq!(entry.code(), code, "{name}");
        assert_eq!(entry.message(), message, "{name}");
        assert_eq!(entry.description(), description, "{name}");
        let type_uri = format!("https://example.com/many/{code}");
        assert_eq!(entry.type_uri(), Some(type_uri.as_str()), "{name}");
        assert!(codes.insert(entry.code()), "{name}: duplicate code");
    }

    let first = Many::V0000;
    assert_eq!(first.status(), StatusCode::BAD_REQUEST);
    assert_eq!(first.code(), "many.0");
    let tuple = Many::V0001(7);
    assert_eq!(tuple.status().as_u16(), 401);
    assert_eq!(tuple.message(), "tuple 7 of 1");
    let named = Many::V1997 { id: 3, name: "x" };
    assert_eq!(named.status().as_u16(), 597);
    assert_eq!(named.code(), "v1997");
    assert_eq!(
        Flat::render(&named),
        br#"{"error":"v1997","message":"struct 3 \"x\" of 1997"}"#
    );
    let last = Many::V1999(9);
    assert_eq!(last.status().as_u16(), 599);
    assert_eq!(last.code(), "v1999");
    assert_eq!(last.title(), "Server Error");

    // `from_remote` finds a unit variant among the 2,000.
    let remote = client::decode_response(&Problem::response(&Many::V1998));
    assert!(matches!(Many::from_remote(&remote), Some(Many::V1998)));
    let remote = client::decode_response(&Problem::response(&Many::V1995));
    assert!(matches!(Many::from_remote(&remote), Some(Many::V1995)));
}

#[test]
fn unusual_names_are_rebuilt_from_decoded_bodies() {
    // `from_remote` matches the code and status the derive gave each variant.
    #[derive(Debug, PartialEq, ApiError)]
    #[api(status = 422)]
    enum E {
        r#Type,
        #[api(code = "groesse")]
        Größe,
        #[cfg(test)]
        Invalid(#[api(errors)] FieldErrors),
        #[cfg(any())]
        Gone,
    }
    for err in [E::Type, E::Größe] {
        let remote = client::decode_response(&Flat::response(&err));
        assert_eq!(E::from_remote(&remote), Some(err));
    }
    let mut errors = FieldErrors::new();
    errors.add("a", "bad", "Bad.");
    let remote = client::decode_response(&Problem::response(&E::Invalid(errors.clone())));
    assert_eq!(E::from_remote(&remote), Some(E::Invalid(errors)));
}

/// A user type or a type parameter named `String` is formatted with its
/// `Display`, not read as a string: only the real string types are.
mod named_string {
    use api_error::ApiError;
    use std::borrow::Cow;

    pub mod my {
        #[derive(Debug)]
        pub struct String(pub u8);

        impl std::fmt::Display for String {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "#{}", self.0)
            }
        }
    }

    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    pub enum E {
        #[api(message = "No user {0}.")]
        NoUser(my::String),
        #[api(message = "No user {0} or {1}.")]
        Real(String, Cow<'static, str>),
    }

    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    #[allow(non_camel_case_types)]
    pub enum G<String> {
        #[api(message = "No user {0}.")]
        NoUser(String),
    }

    #[test]
    fn a_type_named_string_is_formatted() {
        use api_error::format::{Flat, Format};
        assert_eq!(E::NoUser(my::String(7)).message(), "No user #7.");
        let real = E::Real("a\"b".into(), Cow::Borrowed("c"));
        assert_eq!(real.message(), "No user a\"b or c.");
        assert_eq!(
            Flat::render(&real),
            br#"{"error":"real","message":"No user a\"b or c."}"#
        );
        assert_eq!(G::NoUser(7).message(), "No user 7.");
    }
}
