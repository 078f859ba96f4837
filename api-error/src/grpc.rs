//! The gRPC status code of an HTTP error: what a service answering both
//! HTTP and gRPC sends for the same error, and what Google's error model
//! (AIP-193) names in its `status`.
//!
//! [`GrpcCode::for_status`] maps an HTTP status to its code, following the
//! table gRPC's own HTTP mapping and Google's APIs use:
//!
//! | HTTP | gRPC |
//! |---|---|
//! | 400, 406, 413, 415, 422 | `INVALID_ARGUMENT` |
//! | 401 | `UNAUTHENTICATED` |
//! | 403 | `PERMISSION_DENIED` |
//! | 404, 410 | `NOT_FOUND` |
//! | 405, 501 | `UNIMPLEMENTED` |
//! | 408, 504 | `DEADLINE_EXCEEDED` |
//! | 409 | `ALREADY_EXISTS` |
//! | 412 | `FAILED_PRECONDITION` |
//! | 416 | `OUT_OF_RANGE` |
//! | 429 | `RESOURCE_EXHAUSTED` |
//! | 499 | `CANCELLED` |
//! | 500 | `INTERNAL` |
//! | 502, 503 | `UNAVAILABLE` |
//! | any other 4xx | `FAILED_PRECONDITION` |
//! | any other 5xx | `INTERNAL` |
//!
//! ```
//! use api_error::grpc::GrpcCode;
//! use api_error::http::StatusCode;
//!
//! assert_eq!(GrpcCode::for_status(StatusCode::CONFLICT), GrpcCode::AlreadyExists);
//! assert_eq!(GrpcCode::AlreadyExists.as_str(), "ALREADY_EXISTS");
//! assert_eq!(GrpcCode::AlreadyExists.number(), 6);
//! ```

use std::fmt;

use http::StatusCode;

/// A gRPC status code (`google.rpc.Code`), with its number on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GrpcCode {
    /// `OK`, 0: not an error.
    Ok = 0,
    /// `CANCELLED`, 1: the caller cancelled the operation.
    Cancelled = 1,
    /// `UNKNOWN`, 2.
    Unknown = 2,
    /// `INVALID_ARGUMENT`, 3: the request is invalid, whatever the state.
    InvalidArgument = 3,
    /// `DEADLINE_EXCEEDED`, 4.
    DeadlineExceeded = 4,
    /// `NOT_FOUND`, 5.
    NotFound = 5,
    /// `ALREADY_EXISTS`, 6.
    AlreadyExists = 6,
    /// `PERMISSION_DENIED`, 7.
    PermissionDenied = 7,
    /// `RESOURCE_EXHAUSTED`, 8: a quota or a rate limit.
    ResourceExhausted = 8,
    /// `FAILED_PRECONDITION`, 9: the system is not in the state the
    /// operation needs.
    FailedPrecondition = 9,
    /// `ABORTED`, 10.
    Aborted = 10,
    /// `OUT_OF_RANGE`, 11.
    OutOfRange = 11,
    /// `UNIMPLEMENTED`, 12.
    Unimplemented = 12,
    /// `INTERNAL`, 13.
    Internal = 13,
    /// `UNAVAILABLE`, 14: try again later.
    Unavailable = 14,
    /// `DATA_LOSS`, 15.
    DataLoss = 15,
    /// `UNAUTHENTICATED`, 16: the request has no valid credentials.
    Unauthenticated = 16,
}

impl GrpcCode {
    /// Every code, by number.
    pub const ALL: [GrpcCode; 17] = [
        GrpcCode::Ok,
        GrpcCode::Cancelled,
        GrpcCode::Unknown,
        GrpcCode::InvalidArgument,
        GrpcCode::DeadlineExceeded,
        GrpcCode::NotFound,
        GrpcCode::AlreadyExists,
        GrpcCode::PermissionDenied,
        GrpcCode::ResourceExhausted,
        GrpcCode::FailedPrecondition,
        GrpcCode::Aborted,
        GrpcCode::OutOfRange,
        GrpcCode::Unimplemented,
        GrpcCode::Internal,
        GrpcCode::Unavailable,
        GrpcCode::DataLoss,
        GrpcCode::Unauthenticated,
    ];

    /// The code of an error with the HTTP status `status`: see the
    /// [module documentation](self) for the table. A status that is not an
    /// error is `INTERNAL`, as renderers send such a status as 500.
    pub const fn for_status(status: StatusCode) -> GrpcCode {
        match status.as_u16() {
            400 | 406 | 413 | 415 | 422 => GrpcCode::InvalidArgument,
            401 => GrpcCode::Unauthenticated,
            403 => GrpcCode::PermissionDenied,
            404 | 410 => GrpcCode::NotFound,
            405 | 501 => GrpcCode::Unimplemented,
            408 | 504 => GrpcCode::DeadlineExceeded,
            409 => GrpcCode::AlreadyExists,
            412 => GrpcCode::FailedPrecondition,
            416 => GrpcCode::OutOfRange,
            429 => GrpcCode::ResourceExhausted,
            499 => GrpcCode::Cancelled,
            502 | 503 => GrpcCode::Unavailable,
            400..=499 => GrpcCode::FailedPrecondition,
            _ => GrpcCode::Internal,
        }
    }

    /// The code's name, as `google.rpc.Code` spells it: `NOT_FOUND`.
    pub const fn as_str(self) -> &'static str {
        match self {
            GrpcCode::Ok => "OK",
            GrpcCode::Cancelled => "CANCELLED",
            GrpcCode::Unknown => "UNKNOWN",
            GrpcCode::InvalidArgument => "INVALID_ARGUMENT",
            GrpcCode::DeadlineExceeded => "DEADLINE_EXCEEDED",
            GrpcCode::NotFound => "NOT_FOUND",
            GrpcCode::AlreadyExists => "ALREADY_EXISTS",
            GrpcCode::PermissionDenied => "PERMISSION_DENIED",
            GrpcCode::ResourceExhausted => "RESOURCE_EXHAUSTED",
            GrpcCode::FailedPrecondition => "FAILED_PRECONDITION",
            GrpcCode::Aborted => "ABORTED",
            GrpcCode::OutOfRange => "OUT_OF_RANGE",
            GrpcCode::Unimplemented => "UNIMPLEMENTED",
            GrpcCode::Internal => "INTERNAL",
            GrpcCode::Unavailable => "UNAVAILABLE",
            GrpcCode::DataLoss => "DATA_LOSS",
            GrpcCode::Unauthenticated => "UNAUTHENTICATED",
        }
    }

    /// The code's number on the wire: `NOT_FOUND` is 5.
    pub const fn number(self) -> i32 {
        self as i32
    }

    /// The code named `name` (`NOT_FOUND`), if there is one.
    pub fn from_name(name: &str) -> Option<GrpcCode> {
        GrpcCode::ALL.into_iter().find(|code| code.as_str() == name)
    }
}

impl fmt::Display for GrpcCode {
    /// The code's name: `NOT_FOUND`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error's code as the `reason` of Google's `ErrorInfo` (AIP-193), in
/// UPPER_SNAKE_CASE; `Display` writes it.
///
/// Letters are upper-cased, a capital after a lower-case letter or a digit
/// starts a word (`mvnoAccount` is `MVNO_ACCOUNT`), and the separators a
/// code may hold, `-`, `.` and `:`, become `_`. AIP-193 allows a reason of
/// `[A-Z][A-Z0-9_]+[A-Z0-9]`, at most 63 characters:
/// [`is_valid`](Self::is_valid) says whether a code makes one, which
/// [`Catalog::check_reasons`](crate::Catalog::check_reasons) asks of every
/// error sent in that model.
///
/// ```
/// use api_error::grpc::Reason;
///
/// assert_eq!(Reason::of("user_not_found").to_string(), "USER_NOT_FOUND");
/// assert_eq!(Reason::of("mvnoAccount").to_string(), "MVNO_ACCOUNT");
/// assert_eq!(Reason::of("rate-limited").to_string(), "RATE_LIMITED");
/// assert!(!Reason::of("ok").is_valid());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reason<'a>(&'a str);

/// The longest reason AIP-193 allows.
const MAX_REASON_LEN: usize = 63;

impl<'a> Reason<'a> {
    /// The reason of the error code `code`.
    pub const fn of(code: &'a str) -> Self {
        Reason(code)
    }

    /// The reason's characters.
    fn chars(self) -> impl Iterator<Item = char> + 'a {
        let mut before = None;
        self.0.chars().flat_map(move |c| {
            let word = c.is_ascii_uppercase()
                && before.is_some_and(|b: char| b.is_ascii_lowercase() || b.is_ascii_digit());
            before = Some(c);
            let c = match c {
                '-' | '.' | ':' => '_',
                c => c.to_ascii_uppercase(),
            };
            word.then_some('_').into_iter().chain([c])
        })
    }

    /// Whether it is a reason AIP-193 allows: `[A-Z][A-Z0-9_]+[A-Z0-9]`,
    /// at most 63 characters.
    pub fn is_valid(self) -> bool {
        let (mut len, mut first, mut last) = (0, None, None);
        for c in self.chars() {
            if !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_') {
                return false;
            }
            len += 1;
            first.get_or_insert(c);
            last = Some(c);
        }
        (3..=MAX_REASON_LEN).contains(&len)
            && first.is_some_and(|c| c.is_ascii_uppercase())
            && last.is_some_and(|c| c != '_')
    }
}

impl fmt::Display for Reason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write as _;
        self.chars().try_for_each(|c| f.write_char(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons() {
        for (code, reason, valid) in [
            ("user_not_found", "USER_NOT_FOUND", true),
            ("UserNotFound", "USER_NOT_FOUND", true),
            ("USER_NOT_FOUND", "USER_NOT_FOUND", true),
            ("v2Api", "V2_API", true),
            ("auth.token:expired", "AUTH_TOKEN_EXPIRED", true),
            ("abc", "ABC", true),
            ("ab", "AB", false),
            ("2fa_required", "2FA_REQUIRED", false),
            ("_private", "_PRIVATE", false),
            ("trailing_", "TRAILING_", false),
            ("café", "CAFé", false),
            ("", "", false),
        ] {
            assert_eq!(Reason::of(code).to_string(), reason, "{code:?}");
            assert_eq!(Reason::of(code).is_valid(), valid, "{code:?}");
        }
        let long = "a".repeat(63);
        assert!(Reason::of(&long).is_valid());
        assert!(!Reason::of(&(long + "a")).is_valid());
    }

    #[test]
    fn numbers_and_names_go_together() {
        for (number, code) in GrpcCode::ALL.into_iter().enumerate() {
            assert_eq!(usize::try_from(code.number()).unwrap(), number);
            assert_eq!(GrpcCode::from_name(code.as_str()), Some(code));
        }
        assert_eq!(GrpcCode::from_name("not_found"), None);
    }
}
