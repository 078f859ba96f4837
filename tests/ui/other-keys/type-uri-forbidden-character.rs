use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, type = "https://example.com/errors/<id>")]
    NotFound,
    #[api(status = 409, type = "https://example.com/errors/{code}")]
    Conflict,
    #[api(status = 410, type = "https://example.com/errors/%zz")]
    Gone,
}

fn main() {}
