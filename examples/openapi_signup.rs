//! The README's utoipa section: the axum sign-up endpoint, with an OpenAPI
//! document that lists its errors.
//!
//! ```sh
//! cargo run --example openapi_signup --features axum,utoipa
//! ```

use api_error::ApiError;
use api_error::axum::{Json, not_found, render_errors};
use axum::Router;
use axum::routing::{get, post};
use utoipa::OpenApi;

#[derive(Debug, ApiError)]
enum SignupError {
    /// Another account has this email address.
    #[api(
        status = 409,
        code = "email_taken",
        message = "{0} already has an account."
    )]
    EmailTaken(#[api(example = "ada@example.com")] String),
    /// The body is not a signup; the message says what is wrong, and where.
    #[api(transparent)]
    Request(#[from] api_error::RequestError),
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct Signup {
    email: String,
}

/// Signs up.
#[utoipa::path(post, path = "/signup", request_body = Signup,
    responses((status = 200, description = "Signed up.", body = String), SignupError))]
async fn signup(Json(signup): Json<Signup>) -> Result<&'static str, SignupError> {
    if signup.email == "ada@example.com" {
        return Err(SignupError::EmailTaken(signup.email));
    }
    Ok("Welcome!")
}

#[derive(OpenApi)]
#[openapi(paths(signup))]
struct ApiDoc;

/// The application, which tests can call without a server.
pub fn app() -> Router {
    Router::new()
        .route("/signup", post(signup))
        .route("/openapi.json", get(|| async { Json(ApiDoc::openapi()) }))
        .fallback(not_found)
        .layer(axum::middleware::from_fn(render_errors))
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
    axum::serve(listener, app()).await
}
