//! The users API on axum.

use api_error::axum::{Json, Path, RequestContextLayer, not_found, render_errors};
use api_error::context::Negotiation;
use api_error::translations::Translations;
use api_error::validator::Valid;
use axum::Router;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::{post, put};

use super::{
    Group, NewGroup, Organization, Store, UpdateOrganization, UpdateUser, User, UsersError,
    authenticate,
};

/// The API's routes, the error reference page at `GET /errors`, and
/// `GET /openapi.json` when the `utoipa` feature is on. Errors render in the flat format of the reference page: the users
/// API's own through `UsersError`'s `format`, axum's and the extractors'
/// through the application's default, which `main` sets. The request
/// context, outermost, gives each request its id: in every error body, log
/// line and response; as the API answers JSON only, it refuses a request
/// that accepts no JSON with `not_acceptable` (406) before any handler
/// runs, as the reference page says; and it writes messages in the
/// language of the request's `Accept-Language`, from `translations`.
pub fn router(store: Store, translations: Translations) -> Router {
    let router = Router::new()
        .route("/v1/users/{id}", put(put_user))
        .route("/v1/organizations/{id}", put(put_organization))
        .route("/v1/groups", post(create_group))
        .route("/errors", axum::routing::get(errors_page));
    #[cfg(feature = "utoipa")]
    let router = router.route("/openapi.json", axum::routing::get(openapi));
    router
        .fallback(not_found)
        .layer(axum::middleware::from_fn(render_errors))
        .layer(
            RequestContextLayer::new()
                .negotiation(Negotiation::new().refuse_unacceptable(true))
                .translations(translations),
        )
        .with_state(store)
}

// As in the reference API, the body is checked before the credentials: the
// `Valid` extractor reads and validates it before the handler runs, which
// then authenticates.

async fn put_user(
    State(store): State<Store>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Valid(update): Valid<UpdateUser>,
) -> Result<Json<User>, UsersError> {
    authenticate(&headers)?;
    store.put_user(&id, update).map(Json)
}

async fn put_organization(
    State(store): State<Store>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Valid(update): Valid<UpdateOrganization>,
) -> Result<Json<Organization>, UsersError> {
    authenticate(&headers)?;
    store.put_organization(&id, update).map(Json)
}

async fn create_group(
    State(store): State<Store>,
    headers: HeaderMap,
    Valid(group): Valid<NewGroup>,
) -> Result<(axum::http::StatusCode, Json<Group>), UsersError> {
    authenticate(&headers)?;
    let group = store.create_group(group)?;
    Ok((axum::http::StatusCode::CREATED, Json(group)))
}

/// The error reference page, which the errors' type URIs point into.
async fn errors_page() -> axum::response::Html<String> {
    axum::response::Html(super::reference_page_html())
}

#[cfg(feature = "utoipa")]
async fn openapi() -> ([(axum::http::HeaderName, &'static str); 1], String) {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        super::openapi::document(),
    )
}
