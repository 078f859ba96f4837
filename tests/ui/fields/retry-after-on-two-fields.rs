use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 429)]
struct E {
    #[api(retry_after)]
    wait: u64,
    #[api(retry_after)]
    also: u64,
}

fn main() {}
