use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400, message = "{0} and {1} and {2}")]
    Bad(u8, u8),
}

fn main() {}
