use api_error::{ApiError, FieldPath};

#[derive(Debug, ApiError)]
#[api(status = 400, message = "{path} is missing.")]
struct Missing {
    #[api(path, example = 3)]
    path: FieldPath,
}

fn main() {}
