use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 401, www_authenticate = " Bearer")]
    Unauthorized,
}

fn main() {}
