use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api = 409]
    Conflict,
}

fn main() {}
