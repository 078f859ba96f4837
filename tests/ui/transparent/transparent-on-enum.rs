use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404)]
struct NotFound;

#[derive(Debug, ApiError)]
#[api(transparent)]
enum E {
    Inner(NotFound),
}

fn main() {}
