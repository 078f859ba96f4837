//! The application's default format. It is process-wide state, so this file
//! is its own test binary with one test that walks through the precedence:
//! an explicit format, then the type's `format`, then the application
//! default, then `Problem`.

use std::thread;

use api_error::ApiError;
use api_error::format::{self, DynFormat, Flat, Format, Meta, Problem, Standard};

#[derive(Debug, ApiError)]
#[api(status = 404)]
struct NotFound;

#[derive(Debug, ApiError)]
#[api(status = 404, format = Standard)]
struct Gone;

#[derive(Debug, ApiError)]
enum Outer {
    #[api(transparent)]
    Gone(Gone),
    #[api(transparent)]
    NotFound(NotFound),
}

#[test]
fn explicit_then_type_then_application_then_problem() {
    // Nothing set: Problem, unless the type names a format.
    assert_eq!(format::default_format(), DynFormat::of::<Problem>());
    assert_eq!(api_error::render(&NotFound), Problem::render(&NotFound));
    assert_eq!(api_error::render(&Gone), Standard::render(&Gone));

    // Set once, from several threads at once: all agree on the one set.
    let results: Vec<_> = (0..8)
        .map(|_| thread::spawn(format::set_default::<Flat>))
        .collect::<Vec<_>>()
        .into_iter()
        .map(|handle| handle.join().unwrap())
        .collect();
    assert!(results.iter().all(Result::is_ok));
    assert_eq!(format::default_format(), DynFormat::of::<Flat>());

    // The application default applies where the type names none.
    assert_eq!(api_error::render(&NotFound), Flat::render(&NotFound));
    let response = api_error::response(&NotFound);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(response.into_body(), Flat::render(&NotFound));
    // The type's own format still wins, also through a transparent variant.
    assert_eq!(api_error::render(&Gone), Standard::render(&Gone));
    assert_eq!(
        api_error::render(&Outer::Gone(Gone)),
        Standard::render(&Gone)
    );
    assert_eq!(
        api_error::render(&Outer::NotFound(NotFound)),
        Flat::render(&NotFound)
    );
    // Naming a format always wins.
    assert_eq!(
        Meta::render(&Gone),
        br#"{"meta":{"status":404,"error":{"status":404,"type":"gone","message":"Not Found"}}}"#
    );

    // Setting the same format again is fine; another one is refused.
    assert_eq!(format::set_default::<Flat>(), Ok(()));
    let refused = format::set_default::<Meta>().unwrap_err();
    assert_eq!(refused.current, DynFormat::of::<Flat>());
    assert_eq!(
        refused.to_string(),
        "the default format is already api_error::format::flat::Flat"
    );
    assert_eq!(format::default_format(), DynFormat::of::<Flat>());
}
