//! The `tracing` feature: an error sent as a response is logged, a server
//! error at `error` with its whole source chain (for operators; the body
//! never has it), a client error at `debug`.

use api_error::ApiError;
use api_error::format::{Flat, Format};

#[path = "support/log.rs"]
mod log;

use log::Log;

#[derive(Debug)]
struct Refused;

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection to postgres://admin:hunter2@10.0.0.7 refused")
    }
}

impl std::error::Error for Refused {}

#[derive(Debug, thiserror::Error, ApiError)]
enum AppError {
    #[error("could not load user {0}")]
    #[api(status = 500)]
    Load(u32, #[source] Refused),
    #[error("user {0} is taken")]
    #[api(status = 409)]
    Taken(u32),
}

#[test]
fn server_errors_are_logged_with_their_chain_client_errors_at_debug() {
    let log = Log::default();
    tracing::subscriber::with_default(log.subscriber(), || {
        let response = api_error::response(&AppError::Load(7, Refused));
        let body = String::from_utf8(response.into_body()).expect("UTF-8");
        assert!(!body.contains("hunter2"), "{body}");
        // Naming the format logs the same.
        Flat::response(&AppError::Taken(7));
    });
    let text = log.text();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].contains("ERROR"), "{text}");
    assert!(lines[0].contains("status=500 code=\"load\""), "{text}");
    assert!(
        lines[0].contains(
            "error=could not load user 7: connection to postgres://admin:hunter2@10.0.0.7 refused"
        ),
        "{text}"
    );
    assert!(lines[1].contains("DEBUG"), "{text}");
    assert!(
        lines[1].contains("status=409 code=\"taken\" error=user 7 is taken"),
        "{text}"
    );
    assert_eq!(AppError::Taken(7).message(), "user 7 is taken");
}
