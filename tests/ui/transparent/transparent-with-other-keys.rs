use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404)]
struct NotFound;

#[derive(Debug, ApiError)]
enum E {
    #[api(transparent, status = 500, code = "inner")]
    Inner(NotFound),
}

fn main() {}
