use api_error::ApiError;

const EMAIL: &str = "ada@example.com";

#[derive(Debug, ApiError)]
#[api(status = 409, message = "{email} is taken.")]
struct Taken {
    #[api(example = EMAIL)]
    email: String,
}

fn main() {}
