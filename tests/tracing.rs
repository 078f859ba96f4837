//! The `tracing` feature: an error sent as a response is logged, a server
//! error at `error` with its whole source chain (for operators; the body
//! never has it), a client error at `debug`. Every level of a five-level
//! chain is in the log once, in order, however the error is wrapped.

use api_error::ApiError;
use api_error::format::{Flat, Format, Nested};

#[path = "support/errors.rs"]
mod errors;
#[path = "support/log.rs"]
mod log;
#[path = "support/secrets.rs"]
mod secrets;

use errors::Login;
use log::Log;
use secrets::{LEVEL_SECRETS, Layer, Plain, anys, assert_no_telltale, chain_text, outers};

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

#[test]
fn the_log_has_the_whole_chain_for_operators() {
    let log = Log::default();
    let mut expected = Vec::new();
    // What the warm-up wrote, left out of what is checked.
    let mut warm_up = 0;
    tracing::subscriber::with_default(log.subscriber(), || {
        // A test that renders errors on a thread without a subscriber,
        // while this one is the only subscriber, has a callsite it reaches
        // first cached as uninterested for every thread. Reach the log's
        // callsites here, then have their interest computed again on this
        // thread.
        api_error::response(&Plain::Database(Layer::full()));
        api_error::response(&Login { realm: "r".into() });
        tracing::callsite::rebuild_interest_cache();
        warm_up = log.text().len();
        for err in outers() {
            expected.push(chain_text(&err));
            let body = api_error::response(&err).into_body();
            assert_no_telltale("body", &String::from_utf8_lossy(&body));
        }
        for err in anys() {
            expected.push(chain_text(&err));
            Nested::response(&err);
        }
    });
    let text = log.text().split_off(warm_up);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), expected.len(), "{text}");
    for (line, chain) in lines.iter().zip(&expected) {
        assert!(line.contains("ERROR"), "{line}");
        assert!(line.contains(&format!("error={chain}")), "{line}\n{chain}");
        // Every level, in order.
        let mut at = 0;
        for secret in LEVEL_SECRETS {
            let found = line[at..]
                .find(secret)
                .unwrap_or_else(|| panic!("{secret} missing after {at}: {line}"));
            at += found + secret.len();
        }
    }
    // Each level once: transparency does not repeat the chain.
    for line in &lines {
        for secret in LEVEL_SECRETS {
            assert_eq!(line.matches(secret).count(), 1, "{line}");
        }
    }
    // The top error's own text, where it has one.
    assert!(text.contains("query on postgres://admin:hunter2@10.0.0.7 failed"));
    assert!(text.contains("connecting with postgres://admin:hunter2@10.0.0.7 failed"));
}
