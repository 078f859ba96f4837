use api_error::ApiError;

const MESSAGE: &str = "Not found.";

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, message = MESSAGE)]
    NotFound,
}

fn main() {}
