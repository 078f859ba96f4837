use api_error::ApiError;

#[derive(Debug, ApiError)]
enum UserError {
    #[api(status = 409)]
    AlreadyExists,
    #[api(code = "user_not_found")]
    NotFound,
}

fn main() {}
