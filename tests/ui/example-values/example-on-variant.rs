use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, example = "ada")]
    NotFound(String),
}

fn main() {}
