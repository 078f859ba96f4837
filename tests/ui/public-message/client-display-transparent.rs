use api_error::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error(transparent)]
    #[api(status = 400)]
    Parse(#[from] std::num::ParseIntError),
}

fn main() {}
