//! Servers for the tests that speak HTTP: an actix-web app and an axum
//! router, each served on 127.0.0.1 at an ephemeral port, on the runtime of
//! an `#[actix_web::test]` (a tokio runtime, which axum runs on too).

#![allow(dead_code)] // each test file uses what it needs

use std::net::SocketAddr;

use actix_web::body::MessageBody;
use actix_web::dev::{ServerHandle, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::{App, HttpServer, web};
use api_error::actix::error_handlers;

/// A server answering over HTTP until [`stop`](Self::stop)ped, or until
/// the test's runtime ends.
pub struct Served {
    pub address: SocketAddr,
    handle: Option<ServerHandle>,
}

impl Served {
    /// `path` on this server, as a URL.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// Stops the server, letting it finish what it is answering.
    pub async fn stop(self) {
        if let Some(handle) = self.handle {
            handle.stop(true).await;
        }
    }
}

/// Serves the routes `configure` adds, behind `error_handlers()`, with one
/// worker.
pub fn actix(configure: impl Fn(&mut web::ServiceConfig) + Clone + Send + 'static) -> Served {
    actix_app(move || {
        App::new()
            .wrap(error_handlers())
            .configure(configure.clone())
    })
}

/// Serves the apps `factory` makes, with one worker.
pub fn actix_app<T, B>(factory: impl Fn() -> App<T> + Send + Clone + 'static) -> Served
where
    T: ServiceFactory<
            ServiceRequest,
            Config = (),
            Response = ServiceResponse<B>,
            Error = actix_web::Error,
            InitError = (),
        > + 'static,
    B: MessageBody + 'static,
{
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let address = listener.local_addr().expect("an address");
    let server = HttpServer::new(factory)
        .workers(1)
        .listen(listener)
        .expect("the listener")
        .run();
    let handle = server.handle();
    actix_web::rt::spawn(server);
    Served {
        address,
        handle: Some(handle),
    }
}

/// Serves `router`.
pub async fn axum(router: axum::Router) -> Served {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let address = listener.local_addr().expect("an address");
    actix_web::rt::spawn(async move { axum::serve(listener, router).await });
    Served {
        address,
        handle: None,
    }
}
