use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400)]
    Invalid(#[api(path)] String),
}

fn main() {}
