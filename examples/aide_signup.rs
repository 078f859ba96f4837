//! The README's aide section: the axum sign-up endpoint routed with aide,
//! whose OpenAPI document lists its errors.
//!
//! ```sh
//! cargo run --example aide_signup --features aide
//! ```

use aide::axum::ApiRouter;
use aide::axum::routing::post;
use aide::openapi::OpenApi;
use api_error::ApiError;
use api_error::axum::{Json, not_found, render_errors};
use axum::Router;
use axum::http::header::CONTENT_TYPE;
use axum::routing::get;

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

#[derive(serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct Signup {
    email: String,
}

/// Signs up.
async fn signup(Json(signup): Json<Signup>) -> Result<Json<String>, SignupError> {
    if signup.email == "ada@example.com" {
        return Err(SignupError::EmailTaken(signup.email));
    }
    Ok(Json("Welcome!".to_owned()))
}

/// The application, which tests can call without a server, and its
/// OpenAPI document.
pub fn app() -> (Router, OpenApi) {
    let mut api = OpenApi::default();
    api.info.title = "Sign-up".to_owned();
    api.info.version = "1".to_owned();
    let router = ApiRouter::new()
        .api_route("/signup", post(signup))
        .finish_api(&mut api);
    let document = serde_json::to_string(&api).unwrap_or_default();
    let router = router
        .route(
            "/openapi.json",
            get(move || async move { ([(CONTENT_TYPE, "application/json")], document) }),
        )
        .fallback(not_found)
        .layer(axum::middleware::from_fn(render_errors));
    (router, api)
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
    axum::serve(listener, app().0).await
}
