//! The users API on actix-web.

use actix_web::{HttpRequest, HttpResponse, web};
use api_error::actix::{Path, RequestContext, error_handlers, not_found};
use api_error::context::Negotiation;
use api_error::translations::Translations;
use api_error::validator::Valid;

use super::{NewGroup, Store, UpdateOrganization, UpdateUser, UsersError, authenticate};

/// The API's routes, the error reference page at `GET /errors`, and
/// `GET /openapi.json` when the `utoipa` feature is on; `store` is the API's data. Errors render as on axum.
pub fn configure(store: Store) -> impl FnOnce(&mut web::ServiceConfig) {
    move |config| {
        // Resources, not bare routes: a resource answers a method it does not
        // have with 405 and `Allow`.
        config
            .app_data(web::Data::new(store))
            .service(web::resource("/v1/users/{id}").route(web::put().to(put_user)))
            .service(web::resource("/v1/organizations/{id}").route(web::put().to(put_organization)))
            .service(web::resource("/v1/groups").route(web::post().to(create_group)))
            .service(web::resource("/errors").route(web::get().to(errors_page)));
        #[cfg(feature = "utoipa")]
        config.service(web::resource("/openapi.json").route(web::get().to(openapi)));
        config.default_service(web::to(not_found));
    }
}

/// Serves the API on `listener` until the server is stopped.
pub async fn serve(
    listener: std::net::TcpListener,
    store: Store,
    translations: Translations,
) -> std::io::Result<()> {
    server(listener, store, translations)?.await
}

/// The server for `listener`, not yet running; its handle stops it. The
/// request context, the last `wrap` and so the outermost, gives each
/// request its id: in every error body, log line and response; and as the
/// API answers JSON only, it refuses a request that accepts no JSON with
/// `not_acceptable` (406) before any handler runs, as the reference page
/// says; and it writes messages in the language of the request's
/// `Accept-Language`, from `translations`.
pub fn server(
    listener: std::net::TcpListener,
    store: Store,
    translations: Translations,
) -> std::io::Result<actix_web::dev::Server> {
    let server = actix_web::HttpServer::new(move || {
        actix_web::App::new()
            .wrap(error_handlers())
            .wrap(
                RequestContext::new()
                    .negotiation(Negotiation::new().refuse_unacceptable(true))
                    .translations(translations.clone()),
            )
            .configure(configure(store.clone()))
    })
    .workers(1)
    .listen(listener)?
    .run();
    Ok(server)
}

// As in the reference API, the body is checked before the credentials: the
// `Valid` extractor reads and validates it before the handler runs, which
// then authenticates.

async fn put_user(
    store: web::Data<Store>,
    Path(id): Path<String>,
    Valid(update): Valid<UpdateUser>,
    request: HttpRequest,
) -> Result<HttpResponse, UsersError> {
    authenticate(&request)?;
    let user = store.put_user(&id, update)?;
    Ok(HttpResponse::Ok().json(user))
}

async fn put_organization(
    store: web::Data<Store>,
    Path(id): Path<String>,
    Valid(update): Valid<UpdateOrganization>,
    request: HttpRequest,
) -> Result<HttpResponse, UsersError> {
    authenticate(&request)?;
    let organization = store.put_organization(&id, update)?;
    Ok(HttpResponse::Ok().json(organization))
}

async fn create_group(
    store: web::Data<Store>,
    Valid(group): Valid<NewGroup>,
    request: HttpRequest,
) -> Result<HttpResponse, UsersError> {
    authenticate(&request)?;
    let group = store.create_group(group)?;
    Ok(HttpResponse::Created().json(group))
}

/// The error reference page, which the errors' type URIs point into.
async fn errors_page() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(super::reference_page_html())
}

#[cfg(feature = "utoipa")]
async fn openapi() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(super::openapi::document())
}
