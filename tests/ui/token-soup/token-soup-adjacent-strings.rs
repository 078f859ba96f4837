use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, message = "No such " "user.")]
    NotFound,
}

fn main() {}
