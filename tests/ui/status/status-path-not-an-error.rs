use api_error::ApiError;
use api_error::http::StatusCode;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = StatusCode::OK)]
    Fine,
}

fn main() {}
