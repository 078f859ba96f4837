use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(1 2 3 "a" 'b' ; :: <>)]
    NotFound,
}

fn main() {}
