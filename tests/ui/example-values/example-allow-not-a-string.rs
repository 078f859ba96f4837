use api_error::ApiError;
use api_error::http::Method;

#[derive(Debug, ApiError)]
#[api(status = 405)]
struct NotAllowed {
    #[api(allow, example = 1)]
    allowed: Vec<Method>,
}

fn main() {}
