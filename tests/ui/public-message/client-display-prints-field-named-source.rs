use api_error::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[error("lookup failed: {source:?}")]
#[api(status = 404)]
struct LookupError {
    source: std::io::Error,
}

fn main() {}
