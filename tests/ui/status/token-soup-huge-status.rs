use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    // Does not fit in any integer type.
    #[api(status = 999999999999999999999999999999999999999999)]
    NotFound,
}

fn main() {}
