use api_error::{ApiError, FieldErrors};

#[derive(Debug, ApiError)]
#[api(status = 422)]
struct Invalid {
    #[api(errors, example = "email")]
    errors: FieldErrors,
}

fn main() {}
