use api_error::ApiError;

#[derive(Debug, ApiError)]
enum UserError {
    #[api(status = 404)]
    NotFound,
    #[api(status = 409)]
    AlreadyExists,
}

api_error::subset!(PutUserErrors = UserError { AlreadyExist, NotFound });

fn main() {}
