//! The gRPC status code of every HTTP error status, in the core crate: the
//! table of `api_error::grpc`, each error's code through `ApiError` and its
//! catalog entry, and the catalog's renderings, which show it.

use api_error::grpc::GrpcCode;
use api_error::http::StatusCode;
use api_error::{ApiError, RequestError};

#[test]
fn every_error_status_has_its_code() {
    let table: &[(&[u16], GrpcCode)] = &[
        (&[400, 406, 413, 415, 422], GrpcCode::InvalidArgument),
        (&[401], GrpcCode::Unauthenticated),
        (&[403], GrpcCode::PermissionDenied),
        (&[404, 410], GrpcCode::NotFound),
        (&[405, 501], GrpcCode::Unimplemented),
        (&[408, 504], GrpcCode::DeadlineExceeded),
        (&[409], GrpcCode::AlreadyExists),
        (&[412], GrpcCode::FailedPrecondition),
        (&[416], GrpcCode::OutOfRange),
        (&[429], GrpcCode::ResourceExhausted),
        (&[499], GrpcCode::Cancelled),
        (&[500], GrpcCode::Internal),
        (&[502, 503], GrpcCode::Unavailable),
    ];
    for status in 400..=599 {
        let listed = table
            .iter()
            .find(|(statuses, _)| statuses.contains(&status));
        let expected = match listed {
            Some((_, code)) => *code,
            None if status < 500 => GrpcCode::FailedPrecondition,
            None => GrpcCode::Internal,
        };
        let status = StatusCode::from_u16(status).unwrap();
        assert_eq!(GrpcCode::for_status(status), expected, "{status}");
    }
    // Not an error: sent as 500, so INTERNAL.
    assert_eq!(GrpcCode::for_status(StatusCode::OK), GrpcCode::Internal);
}

#[test]
fn names_and_numbers_are_google_rpc_codes() {
    let names = [
        "OK",
        "CANCELLED",
        "UNKNOWN",
        "INVALID_ARGUMENT",
        "DEADLINE_EXCEEDED",
        "NOT_FOUND",
        "ALREADY_EXISTS",
        "PERMISSION_DENIED",
        "RESOURCE_EXHAUSTED",
        "FAILED_PRECONDITION",
        "ABORTED",
        "OUT_OF_RANGE",
        "UNIMPLEMENTED",
        "INTERNAL",
        "UNAVAILABLE",
        "DATA_LOSS",
        "UNAUTHENTICATED",
    ];
    for (number, name) in names.into_iter().enumerate() {
        let code = GrpcCode::from_name(name).expect(name);
        assert_eq!(code.number(), i32::try_from(number).unwrap());
        assert_eq!(code.to_string(), name);
    }
}

#[derive(Debug, ApiError)]
enum ShopError {
    #[api(status = 409, message = "Taken.")]
    Taken,
    #[api(status = 429, message = "Slow down.")]
    Busy,
    #[api(transparent)]
    Request(RequestError),
}

/// Written by hand, without an entry.
#[derive(Debug)]
struct Gone;

impl std::fmt::Display for Gone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("gone")
    }
}

impl std::error::Error for Gone {}

impl ApiError for Gone {
    fn status(&self) -> StatusCode {
        StatusCode::GONE
    }
    fn code(&self) -> &str {
        "gone"
    }
    fn fmt_message(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Gone.")
    }
}

#[test]
fn each_error_says_its_code() {
    assert_eq!(ShopError::Taken.grpc_code(), GrpcCode::AlreadyExists);
    assert_eq!(ShopError::Busy.grpc_code(), GrpcCode::ResourceExhausted);
    let request = ShopError::Request(RequestError::MissingAuthorizationHeader);
    assert_eq!(request.grpc_code(), GrpcCode::Unauthenticated);
    assert_eq!(Gone.grpc_code(), GrpcCode::NotFound);
    let entry = ShopError::Busy.entry().unwrap();
    assert_eq!(entry.grpc_code(), GrpcCode::ResourceExhausted);
}

#[test]
fn the_catalog_shows_each_code() {
    let json: serde_json::Value = serde_json::from_str(&ShopError::catalog().to_json()).unwrap();
    let errors = json["errors"].as_array().unwrap();
    for error in errors {
        let status = StatusCode::from_u16(error["status"].as_u64().unwrap() as u16).unwrap();
        assert_eq!(
            error["grpc"],
            GrpcCode::for_status(status).as_str(),
            "{error}"
        );
    }
    let page = ShopError::catalog().markdown().to_string();
    assert!(
        page.contains("## 409 taken\n\n**Conflict**\n\ngRPC: `ALREADY_EXISTS`\n"),
        "{page}"
    );
}

/// `grpc = "…"` overrides the table, on a variant or, for every variant
/// without its own, on the type.
#[derive(Debug, ApiError)]
#[api(grpc = "FAILED_PRECONDITION")]
enum Checkout {
    #[api(status = 400, message = "The cart is empty.")]
    EmptyCart,
    #[api(status = 409, grpc = "ABORTED", message = "Someone else paid first.")]
    Raced,
}

#[derive(Debug, ApiError)]
#[api(status = 503, grpc = "RESOURCE_EXHAUSTED", message = "Out of stock.")]
struct OutOfStock;

#[test]
fn a_variant_or_its_type_may_name_its_own_code() {
    assert_eq!(
        Checkout::EmptyCart.grpc_code(),
        GrpcCode::FailedPrecondition
    );
    assert_eq!(Checkout::Raced.grpc_code(), GrpcCode::Aborted);
    assert_eq!(OutOfStock.grpc_code(), GrpcCode::ResourceExhausted);
    let json = Checkout::catalog().to_json();
    assert!(json.contains(r#""grpc": "ABORTED""#), "{json}");
}
