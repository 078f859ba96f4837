//! What an error's status means: the statuses an error may have, the one
//! a response carries, its reason phrase, and whether it lets the error's
//! `Display` be its public message. Every part of the crate asks here.
//!
//! The derive checks a literal status at expansion, where it can point at
//! the token; it cannot call this crate, so it states the same range, and
//! `tests/derive.rs` with the `ui/status` cases holds it to this one.

use http::StatusCode;

use crate::ApiError;

/// Whether `status` may be an error's status: a client (4xx) or server
/// (5xx) error.
pub const fn is_error_status(status: StatusCode) -> bool {
    matches!(status.as_u16(), 400..=599)
}

/// The status for a number the derive has already checked with
/// [`is_error_status`]; 500 if it was not.
pub const fn from_checked(code: u16) -> StatusCode {
    match StatusCode::from_u16(code) {
        Ok(status) if is_error_status(status) => status,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// Whether an error of `status` may show its `Display` (thiserror's
/// `#[error(...)]`) as its public message: a client error may; a server
/// error's `Display` is for operators, and never reaches a client.
pub(crate) const fn shows_display(status: StatusCode) -> bool {
    matches!(status.as_u16(), 400..=499)
}

/// The status renderers send: `status` when it is an error status, else 500.
pub(crate) fn error_status(err: &(impl ApiError + ?Sized)) -> StatusCode {
    let status = err.status();
    if is_error_status(status) {
        status
    } else {
        StatusCode::INTERNAL_SERVER_ERROR
    }
}

/// The reason phrase of an error status, usable in constants.
///
/// Falls back to `Client Error` or `Server Error` for codes without a
/// registered phrase.
pub(crate) const fn reason_phrase(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        // RFC 9110 renamed these two; RFC 9457 asks for its phrases.
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        418 => "I'm a teapot",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        423 => "Locked",
        424 => "Failed Dependency",
        425 => "Too Early",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        506 => "Variant Also Negotiates",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        510 => "Not Extended",
        511 => "Network Authentication Required",
        code if code < 500 => "Client Error",
        _ => "Server Error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_phrases_match_the_http_crate_but_where_rfc_9110_renamed_them() {
        for code in 400..=599 {
            let status = StatusCode::from_u16(code).unwrap();
            let renamed = match code {
                413 => Some("Content Too Large"),
                422 => Some("Unprocessable Content"),
                _ => None,
            };
            if let Some(canonical) = renamed.or(status.canonical_reason()) {
                assert_eq!(reason_phrase(status), canonical, "{code}");
            }
        }
    }

    #[test]
    fn unregistered_codes_fall_back_to_the_class() {
        assert_eq!(
            reason_phrase(StatusCode::from_u16(499).unwrap()),
            "Client Error"
        );
        assert_eq!(
            reason_phrase(StatusCode::from_u16(599).unwrap()),
            "Server Error"
        );
    }
}
