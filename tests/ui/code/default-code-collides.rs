use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404, rename_all = "snake_case")]
enum E {
    #[api(code = "not_found")]
    Missing,
    NotFound,
}

fn main() {}
