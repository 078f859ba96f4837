use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = u16::MAX)]
enum E {
    First,
    Second,
}

fn main() {}
