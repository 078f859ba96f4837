use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 409u8)]
    Conflict,
}

fn main() {}
