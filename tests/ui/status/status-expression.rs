use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400 + 4)]
    NotFound,
}

fn main() {}
