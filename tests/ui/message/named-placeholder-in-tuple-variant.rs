use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, message = "No user {id}.")]
    NotFound(u64),
}

fn main() {}
