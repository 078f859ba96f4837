use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400, message = "Bad bytes {0:x}.")]
    Bad(Vec<u8>),
}

fn main() {}
