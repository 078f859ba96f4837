//! Decoding a `reqwest::Response` (feature `reqwest`): against a real axum
//! server on loopback, and a raw one that drops a body half way.

use api_error::ApiError;
use api_error::client::{self, Envelope, Failure};
use api_error::format::{Flat, Format, Problem};
use api_error::http::StatusCode;
use axum::Router;
use axum::routing::get;
use tokio::io::AsyncWriteExt;

#[derive(Debug, PartialEq, ApiError)]
#[api(format = Problem)]
enum UsersError {
    #[api(status = 404, code = "user_not_found", message = "No such user.")]
    NotFound,
    #[api(status = 503, code = "busy")]
    Busy(#[api(retry_after)] u32),
}

/// Another service's error, which `UsersError` has no variant for.
#[derive(Debug, ApiError)]
#[api(format = Flat)]
enum BillingError {
    #[api(status = 402, code = "payment_required", message = "Top up first.")]
    PaymentRequired,
}

async fn serve() -> std::net::SocketAddr {
    let app = Router::new()
        .route("/missing", get(|| async { UsersError::NotFound }))
        .route("/busy", get(|| async { UsersError::Busy(30) }))
        .route("/billing", get(|| async { BillingError::PaymentRequired }))
        .route("/ok", get(|| async { "ada" }))
        .route(
            "/html",
            get(|| async { (StatusCode::BAD_GATEWAY, "<h1>Bad Gateway</h1>") }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let address = listener.local_addr().expect("an address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    address
}

async fn get_path(address: std::net::SocketAddr, path: &str) -> reqwest::Response {
    reqwest::get(format!("http://{address}{path}"))
        .await
        .expect("the server answers")
}

#[tokio::test]
async fn a_response_decodes_as_its_http_twin_does() {
    let address = serve().await;
    let remote = client::decode_reqwest(get_path(address, "/missing").await)
        .await
        .expect("a body");
    assert_eq!(remote.status(), StatusCode::NOT_FOUND);
    assert_eq!(remote.envelope(), Some(Envelope::Problem));
    assert_eq!(remote.code(), Some("user_not_found"));
    assert_eq!(remote.message(), Some("No such user."));
    assert_eq!(remote.title(), Some("Not Found"));
    // The same as decoding the `http::Response` the error renders to.
    assert_eq!(
        remote,
        client::decode_response(&Problem::response(&UsersError::NotFound))
    );

    let remote = client::decode_reqwest(get_path(address, "/html").await)
        .await
        .expect("a body");
    assert_eq!(
        (remote.status(), remote.envelope()),
        (StatusCode::BAD_GATEWAY, None)
    );
    assert_eq!(remote.message(), Some("<h1>Bad Gateway</h1>"));
}

#[tokio::test]
async fn error_for_status_rebuilds_a_known_error_and_keeps_what_it_decoded() {
    let address = serve().await;
    let failure = client::error_for_status::<UsersError>(get_path(address, "/missing").await)
        .await
        .expect_err("a 404");
    let Failure::Known { error, remote } = &failure else {
        panic!("not rebuilt: {failure:?}");
    };
    assert_eq!(error, &UsersError::NotFound);
    assert_eq!(remote.message(), Some("No such user."));
    assert_eq!(failure.to_string(), "404 user_not_found: No such user.");
    assert!(std::error::Error::source(&failure).is_none());
}

#[tokio::test]
async fn error_for_status_gives_what_it_cannot_rebuild_decoded() {
    let address = serve().await;
    // A variant with data the body does not carry in a field it can rebuild.
    let failure = client::error_for_status::<UsersError>(get_path(address, "/busy").await)
        .await
        .expect_err("a 503");
    let remote = failure.remote().expect("a response");
    assert!(matches!(failure, Failure::Unknown(_)), "{failure:?}");
    assert_eq!(
        (remote.status(), remote.code()),
        (StatusCode::SERVICE_UNAVAILABLE, Some("busy"))
    );

    // Another service's error, in another format.
    let failure = client::error_for_status::<UsersError>(get_path(address, "/billing").await)
        .await
        .expect_err("a 402");
    let Failure::Unknown(remote) = &failure else {
        panic!("rebuilt from another type's code: {failure:?}");
    };
    assert_eq!(remote.envelope(), Some(Envelope::Flat));
    assert_eq!(remote.code(), Some("payment_required"));
    assert_eq!(remote.message(), Some("Top up first."));
}

#[tokio::test]
async fn error_for_status_passes_a_success_through_unread() {
    let address = serve().await;
    let response = client::error_for_status::<UsersError>(get_path(address, "/ok").await)
        .await
        .expect("a 200");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.text().await.expect("a body"), "ada");
}

#[tokio::test]
async fn a_body_that_ends_short_is_reqwests_error_not_a_guess() {
    // Promises 100 bytes, sends 10, and hangs up.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let address = listener.local_addr().expect("an address");
    tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.expect("a connection");
        let mut request = [0; 1024];
        let _ = tokio::io::AsyncReadExt::read(&mut stream, &mut request).await;
        let head = "HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n";
        stream.write_all(head.as_bytes()).await.expect("written");
        stream.write_all(br#"{"error":"#).await.expect("written");
        stream.shutdown().await.expect("closed");
    });
    let failure = client::error_for_status::<UsersError>(get_path(address, "/").await)
        .await
        .expect_err("a 404");
    let Failure::Transport(error) = &failure else {
        panic!("decoded a body cut short: {failure:?}");
    };
    assert!(error.is_body() || error.is_decode(), "{error:?}");
    assert!(failure.remote().is_none());
    assert!(std::error::Error::source(&failure).is_some());
}
