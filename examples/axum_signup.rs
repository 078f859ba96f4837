//! The README's axum section: a sign-up endpoint whose errors, its own and
//! axum's, answer in problem+json.
//!
//! ```sh
//! cargo run --example axum_signup --features axum
//! ```

use api_error::ApiError;
use api_error::axum::{Json, not_found, render_errors};
use axum::Router;
use axum::routing::post;

#[derive(Debug, ApiError)]
enum SignupError {
    /// Another account has this email address.
    #[api(
        status = 409,
        code = "email_taken",
        message = "{0} already has an account."
    )]
    EmailTaken(String),
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Signup {
    email: String,
}

async fn signup(Json(signup): Json<Signup>) -> Result<&'static str, SignupError> {
    if signup.email == "ada@example.com" {
        return Err(SignupError::EmailTaken(signup.email));
    }
    Ok("Welcome!")
}

/// The application, which tests can call without a server.
pub fn app() -> Router {
    Router::new()
        .route("/signup", post(signup))
        .fallback(not_found)
        .layer(axum::middleware::from_fn(render_errors))
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
    axum::serve(listener, app()).await
}
