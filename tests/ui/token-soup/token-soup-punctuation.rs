use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(@ # $ % ^ & *)]
    NotFound,
}

fn main() {}
