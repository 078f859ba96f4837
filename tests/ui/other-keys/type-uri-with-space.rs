use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404, type = "https://example.com/my errors/")]
enum E {
    NotFound,
}

fn main() {}
