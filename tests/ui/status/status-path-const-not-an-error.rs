use api_error::ApiError;
use api_error::http::StatusCode;

const SEE_ELSEWHERE: StatusCode = StatusCode::FOUND;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = SEE_ELSEWHERE)]
    Moved,
}

fn main() {}
