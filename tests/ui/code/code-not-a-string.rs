use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 409, code = user_exists)]
    AlreadyExists,
}

fn main() {}
