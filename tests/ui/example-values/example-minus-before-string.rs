use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 409, message = "{email} is taken.")]
struct Taken {
    #[api(example = -"ada@example.com")]
    email: String,
}

fn main() {}
