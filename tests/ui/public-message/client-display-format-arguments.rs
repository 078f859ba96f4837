use api_error::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("bad input: {}", .0)]
    #[api(status = 422)]
    BadInput(String),
}

fn main() {}
