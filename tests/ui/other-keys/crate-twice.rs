use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404, crate = "api_error", crate = "api_error")]
struct NotFound;

fn main() {}
