// A status path that does not parse: the error spans the value as written.
use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = api_error::http::StatusCode::NOT_FOUND::)]
    NotFound,
}

fn main() {}
