use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400, message = "Invalid {0}.")]
enum E {
    Name(String),
    Email(String),
}

fn main() {}
