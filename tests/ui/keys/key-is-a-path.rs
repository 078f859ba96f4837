use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, api::code = "x")]
    NotFound,
}

fn main() {}
