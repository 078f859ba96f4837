use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400, message = "{ch} is not allowed.")]
struct Forbidden {
    #[api(example = 'x')]
    ch: char,
}

fn main() {}
