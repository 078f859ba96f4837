//! The users API of the reference page in `shared/seeds/000`, on axum, in
//! its flat error format: `PUT /v1/users/{id}`, `PUT /v1/organizations/{id}`,
//! `POST /v1/groups` and `GET /openapi.json`.
//!
//! ```sh
//! cargo run --example users_api --all-features    # PORT=3000 unless set
//! ```
//!
//! Every error of the reference page, and a request that gets it (with the
//! server on the default port), and `validation_failed`, which the page does
//! not list: the bodies are validated as they are read:
//!
//! ```sh
//! # 400 invalid_request: the body is not JSON
//! curl -X PUT localhost:3000/v1/users/123 -H 'Content-Type: application/json' -H 'Authorization: Bearer demo-token' -d '{"name": '
//! # 400 unexpected_field: the page's own example (the body is checked before the credentials)
//! curl -X PUT localhost:3000/v1/organizations/123 -H 'Content-Type: application/json' -d '{ "foo": "bar" }'
//! # 400 missing_field
//! curl -X POST localhost:3000/v1/groups -H 'Content-Type: application/json' -H 'Authorization: Bearer demo-token' -d '{"id": "design"}'
//! # 400 invalid_field
//! curl -X PUT localhost:3000/v1/users/123 -H 'Content-Type: application/json' -H 'Authorization: Bearer demo-token' -d '{"name": 5}'
//! # 401 application_not_found
//! curl -X PUT localhost:3000/v1/users/123 -H 'Content-Type: application/json' -H 'Authorization: Bearer app.unknown.ok' -d '{}'
//! # 401 project_not_found
//! curl -X PUT localhost:3000/v1/users/123 -H 'Content-Type: application/json' -H 'Authorization: Bearer project.unknown.ok' -d '{}'
//! # 401 user_not_found
//! curl -X POST localhost:3000/v1/groups -H 'Content-Type: application/json' -H 'Authorization: Bearer demo-token' -d '{"id": "design", "name": "Design", "members": ["bob"]}'
//! # 401 group_not_found
//! curl -X POST localhost:3000/v1/groups -H 'Content-Type: application/json' -H 'Authorization: Bearer demo-token' -d '{"id": "design", "name": "Design", "parent": "marketing"}'
//! # 401 organization_not_found
//! curl -X PUT localhost:3000/v1/organizations/456 -H 'Content-Type: application/json' -H 'Authorization: Bearer demo-token' -d '{}'
//! # 401 missing_authorization_header: the page's own example
//! curl -X PUT localhost:3000/v1/users/123 -H 'Content-Type: application/json' -d '{"profile_picture_url": "https://cord.com/favicon-32x32.png"}'
//! # 401 invalid_authorization_header
//! curl -X PUT localhost:3000/v1/users/123 -H 'Content-Type: application/json' -H 'Authorization: Token demo-token' -d '{}'
//! # 401 invalid_app_token
//! curl -X PUT localhost:3000/v1/users/123 -H 'Content-Type: application/json' -H 'Authorization: Bearer app.demo.forged' -d '{}'
//! # 401 invalid_project_token
//! curl -X PUT localhost:3000/v1/users/123 -H 'Content-Type: application/json' -H 'Authorization: Bearer project.demo.forged' -d '{}'
//! # 401 invalid_customer_token
//! curl -X PUT localhost:3000/v1/users/123 -H 'Content-Type: application/json' -H 'Authorization: Bearer customer.demo.forged' -d '{}'
//! # 401 invalid_access_token
//! curl -X PUT localhost:3000/v1/users/123 -H 'Content-Type: application/json' -H 'Authorization: Bearer not-a-token' -d '{}'
//! # 401 expired_access_token
//! curl -X PUT localhost:3000/v1/users/123 -H 'Content-Type: application/json' -H 'Authorization: Bearer expired-token' -d '{}'
//! # 409 group_already_exists
//! curl -X POST localhost:3000/v1/groups -H 'Content-Type: application/json' -H 'Authorization: Bearer demo-token' -d '{"id": "engineering", "name": "Engineering"}'
//! # 409 user_already_exists: another user has the email
//! curl -X PUT localhost:3000/v1/users/bob -H 'Content-Type: application/json' -H 'Authorization: Bearer demo-token' -d '{"email": "ada@example.com"}'
//! # 422 validation_failed: the body is JSON of the right shape, but three of its values break the rules
//! curl -X PUT localhost:3000/v1/users/123 -H 'Content-Type: application/json' -H 'Authorization: Bearer demo-token' -d '{"name": "", "email": "ada", "profile_picture_url": "favicon.png"}'
//! # 500 error: the demo's storage fails for the user `crash`
//! curl -X PUT localhost:3000/v1/users/crash -H 'Content-Type: application/json' -H 'Authorization: Bearer demo-token' -d '{}'
//! ```
//!
//! Each body carries the request's id as `request_id`, echoed in the
//! response's `x-request-id`: the client's own (`-H 'X-Request-Id: r-1'`),
//! else the trace-id of its `traceparent`, else a fresh one.
//!
//! A request that prefers French gets its messages in French
//! (`examples/users/fr.toml`), with `Content-Language: fr`; one that
//! accepts no JSON is refused with 406 before its handler runs:
//!
//! ```sh
//! # 401 user_not_found: {"error":"user_not_found","message":"L'utilisateur bob n'a pas encore été créé.","request_id":"…"}
//! curl -X POST localhost:3000/v1/groups -H 'Accept-Language: fr-CA, en;q=0.5' -H 'Content-Type: application/json' -H 'Authorization: Bearer demo-token' -d '{"id": "design", "name": "Design", "members": ["bob"]}'
//! # 406 not_acceptable: the update does not take effect
//! curl -X PUT localhost:3000/v1/users/123 -H 'Accept: text/html' -H 'Content-Type: application/json' -H 'Authorization: Bearer demo-token' -d '{"name": "Charles"}'
//! ```
//!
//! And what the framework answers itself, in the same format:
//!
//! ```sh
//! # 404 not_found
//! curl localhost:3000/v1/unknown
//! # 405 method_not_allowed, with Allow
//! curl -i -X PATCH localhost:3000/v1/users/123
//! # the OpenAPI document, with every error response and an example per code
//! curl localhost:3000/openapi.json
//! ```
//!
//! Bearer tokens, for the demo: `demo-token` is valid and `expired-token`
//! expired; `app.<id>.<signature>`, `project.<id>.<signature>` and
//! `customer.<id>.<signature>` are valid for the ID `demo` signed `ok`. The
//! data: the user `ada` (ada@example.com), the organization `123`, the group
//! `engineering`.

use api_error_examples::users::{Store, axum::router, start, translations};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let listener = start()?;
    let translations = translations().map_err(std::io::Error::other)?;
    listener.set_nonblocking(true)?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    println!("users API (axum) on http://{}", listener.local_addr()?);
    axum::serve(listener, router(Store::demo(), translations)).await
}
