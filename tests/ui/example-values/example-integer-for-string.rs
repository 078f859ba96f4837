use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, message = "No user {0}.")]
    NotFound(#[api(example = 7)] String),
}

fn main() {}
