use api_error::ApiError;
use api_error::http::StatusCode;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = StatusCode::Conflict)]
    Taken,
    #[api(status = StatusCode::NOT_FUOND)]
    Missing,
    #[api(status = StatusCode::WRONG)]
    Wrong,
}

fn main() {}
