use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(transparent)]
    Inner,
}

fn main() {}
