use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, code = "not_found")]
    #[api(status = 410)]
    NotFound,
}

fn main() {}
