use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404)]
struct Inner;

#[derive(Debug, ApiError)]
enum E {
    #[api(transparent status = 404)]
    Inner(Inner),
}

fn main() {}
