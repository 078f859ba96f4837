use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 99)]
enum E {
    Odd,
}

fn main() {}
