//! A tour of api-error: one error enum, and what each of its variants
//! becomes: status, code, public message, headers, and the body in each of
//! the eight formats; then the errors of a request body, responses decoded
//! on the client side, and the catalog as a reference page.
//!
//! ```sh
//! cargo run --example tour
//! ```

use std::time::Duration;

use api_error::client::FromRemote;
use api_error::format::{
    Flat, Format, Google, JsonApi, Meta, Microsoft, Nested, Problem, Standard,
};
use api_error::http::header::CONTENT_TYPE;
use api_error::http::{HeaderMap, HeaderValue, Response};
use api_error::{ApiError, FieldErrors, client, parse_json};

/// The errors of a small user service.
#[derive(Debug, ApiError)]
#[api(type = "https://example.com/errors/")]
enum UserError {
    /// The user you're trying to create already exists.
    #[api(
        status = 409,
        code = "user_already_exists",
        message = "The user {id} you're trying to create already exists."
    )]
    AlreadyExists { id: String },

    /// The request references a user ID which has not yet been created.
    #[api(status = 401, code = "user_not_found")]
    NotFound,

    /// The new user's details are invalid; `errors` says which and why.
    ///
    /// # Causes
    ///
    /// - An email address without `@`.
    /// - An age under 13.
    #[api(status = 422, code = "invalid_user", message = "The user is invalid.")]
    Invalid(#[api(errors)] FieldErrors),

    /// Generic internal server error.
    #[api(status = 500)] // public message: "Internal Server Error"
    Database(#[source] std::io::Error), // its text never reaches the client

    /// The caller has sent too many requests.
    ///
    /// # Resolution
    ///
    /// Wait for the delay `Retry-After` gives, then try again.
    #[api(status = 429, title = "Slow Down", message = "Retry in {0:?}.")]
    RateLimited(#[api(retry_after)] Duration),

    #[api(transparent)] // everything comes from the inner error
    Session(#[from] SessionError),
}

/// An error from another module, reached through a transparent variant.
#[derive(Debug, ApiError)]
#[api(
    status = 401,
    code = "expired_access_token",
    message = "The access token is expired or has been revoked. You should request another one."
)]
struct SessionError;

/// The body of `POST /users`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // the tour only parses it
struct NewUser {
    id: String,
    email: String,
    age: u8,
}

fn main() {
    heading("Each variant: status, code, public message, Display, source");
    let mut invalid = FieldErrors::new();
    invalid.add("email", "invalid_email", "The email has no @.");
    invalid.add("age", "too_young", "Users must be 13 or older.");
    let errors = [
        UserError::AlreadyExists { id: "ada".into() },
        UserError::NotFound,
        UserError::Invalid(invalid),
        UserError::Database(std::io::Error::other("connection to 10.0.0.7:5432 refused")),
        UserError::RateLimited(Duration::from_secs(30)),
        SessionError.into(),
    ];
    for err in &errors {
        println!("{} {}", err.status().as_u16(), err.code());
        println!("  message:  {}", err.message());
        println!("  display:  {err}");
        if let Some(source) = std::error::Error::source(err) {
            println!("  source:   {source}  (logs only, never in a body)");
        }
    }

    heading("One error in each format");
    for err in [&errors[0], &errors[2]] {
        println!("{} {}", err.status().as_u16(), err.code());
        println!("  Flat:      {}", text(&Flat::render(err)));
        println!("  Meta:      {}", text(&Meta::render(err)));
        println!("  Standard:  {}", text(&Standard::render(err)));
        println!("  Nested:    {}", text(&Nested::render(err)));
        println!("  Problem:   {}", text(&Problem::render(err)));
        println!("  JsonApi:   {}", text(&JsonApi::render(err)));
        println!("  Google:    {}", text(&Google::render(err)));
        println!("  Microsoft: {}", text(&Microsoft::render(err)));
    }

    heading("Whole responses: the headers HTTP requires");
    for err in [&errors[1], &errors[4], &errors[3]] {
        print_response(&Problem::response(err));
    }

    heading("Request bodies: what is wrong, and where");
    let json = "application/json";
    let requests: [(&str, &[u8]); 6] = [
        (
            json,
            br#"{"id": "ada", "email": "ada@example.com", "age": 300}"#,
        ),
        (json, br#"{"id": "ada", "age": 36}"#),
        (
            json,
            br#"{"id": "ada", "email": "ada@example.com", "age": 36, "admin": true}"#,
        ),
        (json, br#"{"id": "ada", "email": "#),
        (
            "application/x-www-form-urlencoded",
            b"id=ada&email=ada%40example.com&age=36",
        ),
        (
            json,
            br#"{"id": "ada", "email": "ada@example.com", "age": 36}"#,
        ),
    ];
    for (content_type, body) in requests {
        println!("Content-Type: {content_type}\n{}", text(body));
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
        match parse_json::<NewUser>(&headers, body) {
            Ok(user) => println!("  parsed:   {user:?}"),
            Err(err) => {
                match err.path() {
                    Some(path) => println!("  {} {} at {path}", err.status().as_u16(), err.code()),
                    None => println!("  {} {}", err.status().as_u16(), err.code()),
                }
                println!("  Flat:     {}", text(&Flat::render(&err)));
                println!("  Problem:  {}", text(&Problem::render(&err)));
            }
        }
    }

    heading("Client side: a response decoded, and the error rebuilt");
    for response in [Flat::response(&errors[1]), Problem::response(&errors[2])] {
        let remote = client::decode_response(&response);
        println!("{remote}");
        println!("  envelope: {:?}", remote.envelope());
        for sub in remote.errors() {
            let path = sub.path().map(ToString::to_string).unwrap_or_default();
            println!("  sub-error {} at {path}: {}", sub.code(), sub.message());
        }
        if let Some(err) = UserError::from_remote(&remote) {
            let variant = err
                .entry()
                .map(|entry| entry.rust_path())
                .unwrap_or_default();
            println!(
                "  rebuilt:  {variant}, with {} sub-errors",
                err.errors().len()
            );
        }
    }

    heading("The catalog, as a Markdown reference page");
    print!("{}", UserError::catalog().markdown().title("User errors"));
}

fn heading(title: &str) {
    println!("\n== {title}\n");
}

fn print_response(response: &Response<Vec<u8>>) {
    println!("HTTP {}", response.status());
    for (name, value) in response.headers() {
        println!("  {name}: {}", value.to_str().unwrap_or("(not text)"));
    }
    println!("  {}", text(response.body()));
}

fn text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}
