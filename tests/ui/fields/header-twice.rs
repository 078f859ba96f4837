use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
struct E {
    #[api(header = "X-Id")]
    first: u32,
    #[api(header = "x-id")]
    second: u32,
}

fn main() {}
