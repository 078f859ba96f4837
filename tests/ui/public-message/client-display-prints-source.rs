use api_error::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum AuthError {
    #[error("token rejected: {0}")]
    #[api(status = 401)]
    BadToken(#[source] std::io::Error),
}

fn main() {}
