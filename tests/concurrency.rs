//! Concurrency: rendering from many threads at once gives what one thread
//! gives, for the bodies and headers of errors of every shape, the default
//! format and the catalog. A server renders on all its worker threads at
//! once.

use std::collections::HashMap;
use std::thread;

use api_error::format::{self, Flat, Format, Standard};
use api_error::http::StatusCode;
use api_error::http::header::CONTENT_TYPE;
use api_error::{ApiError, RequestError};

#[path = "support/body.rs"]
mod body;
#[path = "support/errors.rs"]
mod errors;
#[path = "support/renderings.rs"]
mod renderings;
#[path = "support/secrets.rs"]
mod secrets;

use body::json_headers;
use errors::{Gone, Login, Wrapper, echo, invalid};
use renderings::{Seen, renderings};
use secrets::{Any, Layer, Loud, Outer, Plain, TOP_SECRET};

#[derive(Debug, ApiError)]
#[api(status = 409, message = "The user {0} already exists.")]
struct Taken(String);

/// Errors of every shape: placeholders, headers, sub-errors over the cap,
/// a type's own format, a server error with a chain, transparency, request
/// errors.
fn samples() -> Vec<Box<dyn ApiError + Send + Sync>> {
    let headers = json_headers();
    let parse_error =
        api_error::parse_json::<HashMap<String, u8>>(&headers, br#"{"a": "b"}"#).unwrap_err();
    vec![
        Box::new(Taken("ada".into())),
        Box::new(Taken("quote \" and \u{1} control".into())),
        Box::new(echo("concurrent")),
        Box::new(echo("bad\r\nvalue")),
        Box::new(Login {
            realm: "api".into(),
        }),
        Box::new(invalid(3)),
        Box::new(invalid(150)),
        Box::new(Gone),
        Box::new(Outer::Loud(Loud::Query(TOP_SECRET.into(), Layer::full()))),
        Box::new(Wrapper::Boxed(Box::new(Gone))),
        Box::new(Any(Box::new(Plain::Database(Layer::full())))),
        Box::new(parse_error),
        Box::new(RequestError::PayloadTooLarge { limit: 16 }),
    ]
}

#[test]
fn rendering_from_many_threads_gives_what_one_thread_gives() {
    const THREADS: usize = 12;
    const ROUNDS: usize = 8;
    let samples = samples();
    let default = format::default_format();
    let expected: Vec<Vec<Seen>> = samples.iter().map(|err| renderings(&**err)).collect();
    let catalog = Outer::catalog().markdown().to_string();
    // The type's format, else the default, which nothing here sets.
    assert_eq!(
        api_error::render(&Gone),
        Standard::render(&Gone),
        "the type's own format"
    );
    assert_eq!(
        api_error::render(&Taken("ada".into())),
        default.render(&Taken("ada".into()))
    );

    let start = std::sync::Barrier::new(THREADS);
    thread::scope(|scope| {
        for t in 0..THREADS {
            let (samples, expected, catalog, start) = (&samples, &expected, &catalog, &start);
            scope.spawn(move || {
                start.wait();
                for round in 0..ROUNDS {
                    assert_eq!(format::default_format(), default);
                    // The same errors, in an order of this thread's own.
                    for k in 0..samples.len() {
                        let i = (k * (t + 1) + round) % samples.len();
                        assert_eq!(
                            renderings(&*samples[i]),
                            expected[i],
                            "thread {t}, error {i}"
                        );
                    }
                    // An error of this thread's own.
                    let name = format!("user-{t}-{round}");
                    let err = Taken(name.clone());
                    assert_eq!(
                        Flat::render(&err),
                        format!(
                            r#"{{"error":"taken","message":"The user {name} already exists."}}"#
                        )
                        .into_bytes()
                    );
                    assert_eq!(api_error::render(&err), default.render(&err));
                    let response = api_error::response(&err);
                    assert_eq!(response.status(), StatusCode::CONFLICT);
                    assert_eq!(response.headers()[CONTENT_TYPE], default.content_type());
                    if round % 5 == 0 {
                        assert_eq!(&Outer::catalog().markdown().to_string(), catalog);
                    }
                }
            });
        }
    });
}
