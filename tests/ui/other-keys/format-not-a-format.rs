use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404, format = String)]
enum E {
    NotFound,
}

fn main() {}
