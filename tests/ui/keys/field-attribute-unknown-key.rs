use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400)]
    Invalid(#[api(hidden)] String),
}

fn main() {}
