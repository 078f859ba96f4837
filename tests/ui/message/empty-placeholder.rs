use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, message = "No user {}.")]
    NotFound(u64),
}

fn main() {}
