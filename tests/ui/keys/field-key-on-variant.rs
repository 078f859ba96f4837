use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 429, retry_after)]
    Slow(u64),
}

fn main() {}
