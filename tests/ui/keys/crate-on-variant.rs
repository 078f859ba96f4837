use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, crate = "api_error")]
    NotFound,
}

fn main() {}
