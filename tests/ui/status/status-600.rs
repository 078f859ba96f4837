use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 600)]
    Odd,
}

fn main() {}
