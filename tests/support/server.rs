//! Servers for real, on `127.0.0.1` (an ephemeral port each), and a client
//! that posts JSON bodies to them: axum on the test's runtime, actix-web on
//! a thread of its own, as actix-web runs.

// Each test file uses some of it.
#![allow(dead_code)]

use std::net::SocketAddr;

use serde_json::Value;

/// A response as the tests read it: its status and its JSON body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub content_type: String,
    pub body: Value,
}

/// Posts `body` to `path` of the server at `address` with `content_type`.
pub async fn post(address: SocketAddr, path: &str, content_type: &str, body: &str) -> Answer {
    let response = reqwest::Client::new()
        .post(format!("http://{address}{path}"))
        .header("content-type", content_type)
        .body(body.to_owned())
        .send()
        .await
        .expect("the server answers");
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let text = response.text().await.expect("a body");
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    Answer {
        status,
        content_type,
        body,
    }
}

/// Posts `body` to `path` as `application/json`.
pub async fn post_json(address: SocketAddr, path: &str, body: &str) -> Answer {
    post(address, path, "application/json", body).await
}

/// An axum server, which stops when dropped.
pub struct AxumServer {
    pub address: SocketAddr,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Drop for AxumServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Serves `router` on the test's runtime.
pub async fn serve_axum(router: axum::Router) -> AxumServer {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let address = listener.local_addr().expect("an address");
    let task = tokio::spawn(async move { axum::serve(listener, router).await });
    AxumServer { address, task }
}

/// An actix-web server, running on a thread of its own until stopped.
pub struct ActixServer {
    pub address: SocketAddr,
    handle: actix_web::dev::ServerHandle,
    thread: std::thread::JoinHandle<std::io::Result<()>>,
}

impl ActixServer {
    /// Stops the server and waits for its thread.
    pub async fn stop(self) {
        self.handle.stop(true).await;
        self.thread
            .join()
            .expect("the server thread ends")
            .expect("the server ran");
    }
}

/// Serves the app `configure` sets up, with one worker.
pub fn serve_actix(configure: fn(&mut actix_web::web::ServiceConfig)) -> ActixServer {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let address = listener.local_addr().expect("an address");
    let (sender, receiver) = std::sync::mpsc::channel();
    let thread = std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let server =
                actix_web::HttpServer::new(move || actix_web::App::new().configure(configure))
                    .workers(1)
                    .listen(listener)?
                    .run();
            let _ = sender.send(server.handle());
            server.await
        })
    });
    let handle = receiver.recv().expect("the server starts");
    ActixServer {
        address,
        handle,
        thread,
    }
}
