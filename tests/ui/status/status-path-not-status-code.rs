use api_error::ApiError;
use api_error::http::Method;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = Method::GET)]
    Conflict,
}

fn main() {}
