// A format path that does not parse: the error spans the value as written.
use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404, format = api_error::format::Flat::)]
struct NotFound;

fn main() {}
