use std::time::Duration;

use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 503)]
struct Busy {
    #[api(retry_after, example = "30s")]
    delay: Duration,
}

fn main() {}
