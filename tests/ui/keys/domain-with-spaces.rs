use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(domain = "users example com")]
enum UserError {
    #[api(status = 404)]
    NotFound,
}

fn main() {}
