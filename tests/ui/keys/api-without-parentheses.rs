use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api]
enum E {
    Conflict,
}

fn main() {}
