use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(transparent)]
    Request(#[api(example = "x")] api_error::RequestError),
}

fn main() {}
