use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, message = "No user named {nmae}.")]
    NotFound { name: String },
}

fn main() {}
