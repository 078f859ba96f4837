use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 429)]
struct Limited;

#[derive(Debug, ApiError)]
enum E {
    #[api(transparent)]
    Limited(#[api(extension)] Limited),
}

fn main() {}
