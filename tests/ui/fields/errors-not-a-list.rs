use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 422)]
    Invalid(#[api(errors)] Vec<String>),
}

fn main() {}
