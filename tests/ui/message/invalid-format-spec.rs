use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400, message = "Bad value {0:Q}.")]
    Bad(u32),
}

fn main() {}
