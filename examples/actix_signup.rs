//! The README's actix-web section: a sign-up endpoint whose errors, its own
//! and actix-web's, answer in problem+json.
//!
//! ```sh
//! cargo run --example actix_signup --features actix-web
//! ```

use actix_web::{App, HttpServer, web};
use api_error::ApiError;
use api_error::actix::{Json, error_handlers, not_found};

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

/// The routes, which tests can serve without a server.
pub fn routes(config: &mut web::ServiceConfig) {
    config
        .service(web::resource("/signup").post(signup))
        .default_service(web::to(not_found));
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    HttpServer::new(|| App::new().wrap(error_handlers()).configure(routes))
        .bind("127.0.0.1:3000")?
        .run()
        .await
}
