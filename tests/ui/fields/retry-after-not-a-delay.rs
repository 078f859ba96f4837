use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 429)]
    Slow(#[api(retry_after)] String),
}

fn main() {}
