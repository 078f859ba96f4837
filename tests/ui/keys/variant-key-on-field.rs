use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400)]
    Bad(#[api(status = 404)] String),
}

fn main() {}
