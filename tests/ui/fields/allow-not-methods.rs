use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 405)]
    NotAllowed(#[api(allow)] u32),
}

fn main() {}
