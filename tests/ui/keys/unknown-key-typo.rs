use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(stauts = 404)]
    NotFound,
}

fn main() {}
