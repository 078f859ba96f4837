use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 429)]
enum E {
    Slow(#[api(retry_after(30))] u64),
}

fn main() {}
