use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 409)]
struct Taken {
    #[api(extension, example = "ada")]
    names: Vec<String>,
}

fn main() {}
