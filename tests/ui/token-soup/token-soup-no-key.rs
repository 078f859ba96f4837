use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(= = 404)]
    NotFound,
}

fn main() {}
