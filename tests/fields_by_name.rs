//! `ApiError::fmt_field`: each field a derived message shows, written by
//! name as the message writes it, and `Entry::fields` and
//! `Entry::source_field`, which say what a translation may name.

use std::fmt;

use api_error::ApiError;

/// The field `name` of `err` as text: `None` when its message does not
/// show it.
fn field(err: &dyn ApiError, name: &str) -> Option<String> {
    struct Field<'a>(&'a dyn ApiError, &'a str, &'a std::cell::Cell<bool>);
    impl fmt::Display for Field<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self.0.fmt_field(self.1, f) {
                Some(result) => result,
                None => {
                    self.2.set(true);
                    Ok(())
                }
            }
        }
    }
    let missing = std::cell::Cell::new(false);
    let text = Field(err, name, &missing).to_string();
    (!missing.get()).then_some(text)
}

#[test]
fn a_named_field_is_written_with_display() {
    // `internal` is there to be left out.
    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    enum E {
        #[api(status = 404, message = "No user {id} in {org}.")]
        NotFound {
            id: u32,
            org: String,
            internal: String,
        },
    }
    let err = E::NotFound {
        id: 7,
        org: "acme".into(),
        internal: "secret".into(),
    };
    assert_eq!(field(&err, "id").as_deref(), Some("7"));
    assert_eq!(field(&err, "org").as_deref(), Some("acme"));
    // A field the message does not show is not shown.
    assert_eq!(field(&err, "internal"), None);
    assert_eq!(field(&err, "nobody"), None);
    assert_eq!(
        err.entry().unwrap().fields().collect::<Vec<_>>(),
        ["id", "org"]
    );
}

#[test]
fn a_tuple_field_is_named_by_its_position() {
    #[derive(Debug, ApiError)]
    enum E {
        #[api(status = 400, message = "{1} is not a {0}.")]
        Invalid(&'static str, String),
    }
    let err = E::Invalid("number", "ten".into());
    assert_eq!(field(&err, "0").as_deref(), Some("number"));
    assert_eq!(field(&err, "1").as_deref(), Some("ten"));
    assert_eq!(field(&err, "2"), None);
    // In the order the message first shows them.
    assert_eq!(
        err.entry().unwrap().fields().collect::<Vec<_>>(),
        ["1", "0"]
    );
}

#[test]
fn a_field_with_a_spec_is_written_with_its_spec() {
    #[derive(Debug, ApiError)]
    enum E {
        #[api(status = 429, message = "{count:>4} requests from {x:?}.")]
        TooMany { count: u32, x: String },
        #[api(status = 400, message = "{0:#x} is not allowed, {1:.2$}")]
        Hex(u32, f64, usize),
    }
    let err = E::TooMany {
        count: 12,
        x: "ada".into(),
    };
    assert_eq!(field(&err, "count").as_deref(), Some("  12"));
    assert_eq!(field(&err, "x").as_deref(), Some(r#""ada""#));
    assert_eq!(
        err.entry().unwrap().fields().collect::<Vec<_>>(),
        ["count", "x"]
    );
    let err = E::Hex(255, 1.23456, 3);
    assert_eq!(field(&err, "0").as_deref(), Some("0xff"));
    // The precision comes from the field it names, which is not shown.
    assert_eq!(field(&err, "1").as_deref(), Some("1.235"));
    assert_eq!(field(&err, "2"), None);
    assert_eq!(
        err.entry().unwrap().fields().collect::<Vec<_>>(),
        ["0", "1"]
    );
}

#[test]
fn a_repeated_placeholder_is_one_field() {
    #[derive(Debug, ApiError)]
    enum E {
        #[api(status = 409, message = "{name} exists; {id} is {name:?}'s id, {id}.")]
        Taken { name: String, id: u32 },
    }
    let err = E::Taken {
        name: "ada".into(),
        id: 1,
    };
    // As the placeholder that shows it first writes it.
    assert_eq!(field(&err, "name").as_deref(), Some("ada"));
    assert_eq!(field(&err, "id").as_deref(), Some("1"));
    assert_eq!(
        err.entry().unwrap().fields().collect::<Vec<_>>(),
        ["name", "id"]
    );
}

#[test]
fn a_struct_shows_its_fields() {
    #[derive(Debug, ApiError)]
    #[api(status = 413, message = "The file {name} is over {limit} bytes.")]
    struct TooLarge {
        name: String,
        limit: u64,
    }
    let err = TooLarge {
        name: "a.png".into(),
        limit: 1024,
    };
    assert_eq!(field(&err, "name").as_deref(), Some("a.png"));
    assert_eq!(field(&err, "limit").as_deref(), Some("1024"));
    assert_eq!(
        err.entry().unwrap().fields().collect::<Vec<_>>(),
        ["name", "limit"]
    );
    assert_eq!(err.entry().unwrap().source_field(), None);
}

#[test]
fn a_transparent_variant_shows_the_inner_errors_fields() {
    #[derive(Debug, ApiError)]
    enum Inner {
        #[api(status = 404, message = "No order {id}.")]
        NotFound { id: u64 },
    }
    #[derive(Debug, ApiError)]
    enum Outer {
        #[api(status = 403)]
        Forbidden,
        #[api(transparent)]
        Inner(Inner),
    }
    let err = Outer::Inner(Inner::NotFound { id: 9 });
    assert_eq!(field(&err, "id").as_deref(), Some("9"));
    assert_eq!(field(&err, "0"), None);
    assert_eq!(err.entry().unwrap().fields().collect::<Vec<_>>(), ["id"]);
    assert_eq!(field(&Outer::Forbidden, "id"), None);
    assert!(Outer::Forbidden.entry().unwrap().fields().next().is_none());
}

#[test]
fn the_source_is_named_in_the_entry() {
    #[derive(Debug, ApiError)]
    enum E {
        #[api(status = 500)]
        Database(#[source] std::io::Error),
        #[api(status = 502, message = "The upstream {name} failed.")]
        Upstream {
            name: String,
            source: std::io::Error,
        },
        #[api(status = 400)]
        Parse(#[from] std::num::ParseIntError),
    }
    let err = E::Database(std::io::Error::other("connection refused"));
    assert_eq!(err.entry().unwrap().source_field(), Some("0"));
    assert!(err.entry().unwrap().fields().next().is_none());
    assert_eq!(field(&err, "0"), None);
    let err = E::Upstream {
        name: "billing".into(),
        source: std::io::Error::other("timeout"),
    };
    assert_eq!(err.entry().unwrap().source_field(), Some("source"));
    assert_eq!(field(&err, "source"), None);
    assert_eq!(field(&err, "name").as_deref(), Some("billing"));
    let err = E::from("x".parse::<u8>().unwrap_err());
    assert_eq!(err.entry().unwrap().source_field(), Some("0"));
}

#[test]
fn messages_that_are_not_templates_show_no_field() {
    #[derive(Debug, thiserror::Error, ApiError)]
    enum E {
        #[error("no user {0}")]
        #[api(status = 404)]
        NotFound(u32),
        #[error("fixed")]
        #[api(status = 400, message = "Bad input.")]
        Fixed(u32),
    }
    // thiserror's `Display` is the message, but shows no field by name.
    assert_eq!(E::NotFound(7).message(), "no user 7");
    assert_eq!(field(&E::NotFound(7), "0"), None);
    assert!(E::NotFound(7).entry().unwrap().fields().next().is_none());
    assert_eq!(field(&E::Fixed(1), "0"), None);
}

#[test]
fn a_reference_and_a_trait_object_forward_it() {
    #[derive(Debug, ApiError)]
    enum E {
        #[api(status = 404, message = "No user {id}.")]
        NotFound { id: u32 },
    }
    let err = E::NotFound { id: 3 };
    let by_ref: &E = &err;
    assert_eq!(field(&by_ref, "id").as_deref(), Some("3"));
    let boxed: Box<dyn ApiError> = Box::new(E::NotFound { id: 4 });
    assert_eq!(field(&*boxed, "id").as_deref(), Some("4"));
}
