use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400, message = "Expected { at the start.")]
    Open,
    #[api(status = 400, message = "Expected } at the end.")]
    Close,
}

fn main() {}
