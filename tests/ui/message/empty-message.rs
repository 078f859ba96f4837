use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, message = "")]
    NotFound,
    #[api(status = 409, message = "  ")]
    Conflict,
}

fn main() {}
