use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 429)]
struct E {
    #[api(retry_after)]
    wait: u64,
    #[api(header = "Retry-After")]
    date: String,
}

fn main() {}
