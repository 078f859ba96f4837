use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404)]
struct NotFound;

#[derive(Debug, ApiError)]
enum E {
    #[api(transparent = true)]
    Inner(NotFound),
}

fn main() {}
