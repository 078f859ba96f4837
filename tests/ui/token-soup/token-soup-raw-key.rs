use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, r#type = "https://example.com/errors/not-found")]
    NotFound,
}

fn main() {}
