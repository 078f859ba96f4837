use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, title = NotFound)]
    NotFound,
}

fn main() {}
