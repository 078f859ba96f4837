use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
struct E {
    #[api(header = "Content-Length")]
    length: u32,
}

fn main() {}
