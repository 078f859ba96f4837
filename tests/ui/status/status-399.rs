use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 399)]
    Odd,
}

fn main() {}
