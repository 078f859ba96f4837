use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(code = "not_found")]
struct NotFound;

fn main() {}
