use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 401)]
enum E {
    #[api(code = "invalid_token")]
    Expired,
    #[api(code = "invalid_token")]
    Undecipherable,
}

fn main() {}
