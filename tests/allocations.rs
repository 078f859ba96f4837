//! Allocations, counted: rendering a body allocates once, the body itself,
//! in every preset (`Google` adds a header map for an error that sends
//! `Retry-After`); a whole response adds only what `http`'s header map
//! needs, with a request context installed or not. Counted with a counting global allocator, so this is a binary of
//! its own.

use api_error::format::{
    Flat, Format, Google, JsonApi, Meta, Microsoft, Nested, Problem, Standard,
};
use api_error::{ApiError, FieldErrors, RequestError};

#[derive(Debug, ApiError)]
#[api(type = "https://example.com/errors/")]
enum UserError {
    #[api(
        status = 409,
        code = "user_already_exists",
        message = "The user {id} you're trying to create already exists."
    )]
    AlreadyExists { id: String },
    #[api(status = 429, message = "Retry in {0} seconds.")]
    RateLimited(#[api(retry_after)] u32),
    #[api(status = 500)]
    Database(#[source] std::io::Error),
    #[api(status = 422, message = "The user is invalid.")]
    Invalid(#[api(errors)] FieldErrors),
    #[api(transparent)]
    Request(RequestError),
}

fn errors() -> Vec<UserError> {
    let mut invalid = FieldErrors::new();
    invalid.add("email", "invalid_email", "The email has no @.");
    invalid.add("age", "too_young", "Users must be 13 or older.");
    vec![
        UserError::AlreadyExists {
            id: "ada-lovelace-1815".into(),
        },
        UserError::RateLimited(30),
        UserError::Database(std::io::Error::other("connection refused")),
        UserError::Invalid(invalid),
        UserError::Request(RequestError::MissingAuthorizationHeader),
    ]
}

type Render = fn(&UserError) -> Vec<u8>;

/// Each preset's render.
fn renders() -> [(&'static str, Render); 8] {
    [
        ("Flat", Flat::render::<UserError>),
        ("Meta", Meta::render::<UserError>),
        ("Standard", Standard::render::<UserError>),
        ("Nested", Nested::render::<UserError>),
        ("Problem", Problem::render::<UserError>),
        ("JsonApi", JsonApi::render::<UserError>),
        ("Google", Google::render::<UserError>),
        ("Microsoft", Microsoft::render::<UserError>),
    ]
}

/// One, the body; but `Google` reads a `Retry-After` delay out of the
/// headers the error sends, which takes a header map of its own: those
/// allocations, counted here, come on top.
fn expected(name: &str, err: &UserError) -> u64 {
    match (name, err) {
        ("Google", UserError::RateLimited(_)) => {
            let headers = allocations(|| {
                let mut headers = api_error::http::HeaderMap::new();
                err.headers(&mut headers);
                drop(std::hint::black_box(headers));
            });
            assert!(headers > 0);
            1 + headers
        }
        _ => 1,
    }
}

fn allocations(f: impl FnOnce()) -> u64 {
    allocation_counter::measure(f).count_total
}

#[test]
fn a_body_is_one_allocation() {
    for err in errors() {
        for (name, render) in renders() {
            let count = allocations(|| drop(std::hint::black_box(render(&err))));
            assert_eq!(count, expected(name, &err), "{name} {err:?}");
        }
    }
}

#[test]
fn a_body_inside_a_request_context_is_still_one_allocation() {
    use api_error::context::{self, Context, RequestId};
    // The longest id a request may have, and the id as `instance` too.
    let id = RequestId::parse(&"i".repeat(RequestId::MAX_LEN)).unwrap();
    let context = Context::new().with_request_id(id).with_id_as_instance(true);
    context::sync_scope(context, || {
        for err in errors() {
            for (name, render) in renders() {
                let body = render(&err);
                assert!(
                    String::from_utf8_lossy(&body).contains(&"i".repeat(128)),
                    "{name}"
                );
                let count = allocations(|| drop(std::hint::black_box(render(&err))));
                assert_eq!(count, expected(name, &err), "{name} {err:?}");
            }
        }
    });
}

#[test]
fn a_body_in_the_requests_language_is_still_one_allocation() {
    use std::sync::Arc;

    use api_error::context::{self, Context};
    use api_error::translations::Translations;
    let french = [
        ("user_already_exists", "L'utilisateur {id} existe déjà."),
        ("rate_limited", "Réessayez dans {0} secondes."),
        ("database", "Erreur de la base de données"),
        ("missing_authorization_header", "Il manque le jeton."),
    ];
    let french = french.map(|(code, template)| (code.to_owned(), template.to_owned()));
    let translations = Translations::new("en", UserError::catalog())
        .and_then(|translations| translations.add("fr", french))
        .unwrap();
    let locale = translations.choose([&b"fr-CA, en;q=0.5"[..]]);
    let context = Context::new().with_translations(Arc::new(translations), locale);
    context::sync_scope(context, || {
        for err in errors() {
            for (name, render) in renders() {
                let count = allocations(|| drop(std::hint::black_box(render(&err))));
                assert_eq!(count, expected(name, &err), "{name} {err:?}");
            }
        }
        let body = Flat::render(&errors()[0]);
        assert!(String::from_utf8_lossy(&body).contains("existe déjà"));
    });
}

#[test]
fn a_response_adds_only_what_its_headers_need() {
    use api_error::http::header::{CONTENT_TYPE, RETRY_AFTER};
    use api_error::http::{HeaderMap, HeaderValue};
    // What `http` needs for a header map with `Content-Type` (its first
    // insertion allocates the map's index and entries), and for a
    // `Retry-After` value made from a number.
    let map = allocations(|| {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        drop(std::hint::black_box(headers));
    });
    let retry_after = allocations(|| {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        headers.insert(RETRY_AFTER, HeaderValue::from(30u64));
        drop(std::hint::black_box(headers));
    });
    for err in errors() {
        let headers = if matches!(err, UserError::RateLimited(_)) {
            retry_after
        } else {
            map
        };
        let count = allocations(|| drop(std::hint::black_box(Flat::response(&err))));
        assert_eq!(count, 1 + headers, "{err:?}");
    }
}

#[test]
fn the_counter_counts() {
    assert_eq!(allocations(|| drop(std::hint::black_box(vec![1u8; 3]))), 1);
}
