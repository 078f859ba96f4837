use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404, code = "user_not_found", rename_all = "camelCase")]
struct UserNotFound;

fn main() {}
