use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 409, code = "users/exists")]
    AlreadyExists,
}

fn main() {}
