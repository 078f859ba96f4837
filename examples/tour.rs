//! A tour of api-error: one error enum, and what each of its variants becomes.
//!
//! ```sh
//! cargo run --example tour
//! ```

use api_error::ApiError;
use api_error::format::{Flat, Format, Problem};

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

    /// Generic internal server error.
    #[api(status = 500)] // public message: "Internal Server Error"
    Database(#[source] std::io::Error), // its text never reaches the client

    /// The caller has sent too many requests.
    #[api(status = 429, title = "Slow Down", message = "Retry in {0} seconds.")]
    RateLimited(u32),

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

fn main() {
    let errors = [
        UserError::AlreadyExists { id: "ada".into() },
        UserError::NotFound,
        UserError::Database(std::io::Error::other("connection to 10.0.0.7:5432 refused")),
        UserError::RateLimited(30),
        SessionError.into(),
    ];
    for err in &errors {
        println!("{} {}", err.status().as_u16(), err.code());
        println!("  message:  {}", err.message());
        println!("  display:  {err}");
        if let Some(source) = std::error::Error::source(err) {
            println!("  source:   {source}  (logs only, never in a body)");
        }
        println!(
            "  Flat:     {}",
            String::from_utf8_lossy(&Flat::render(err))
        );
        println!(
            "  Problem:  {}",
            String::from_utf8_lossy(&Problem::render(err))
        );
        println!();
    }
}
