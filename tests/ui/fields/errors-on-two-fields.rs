use api_error::{ApiError, FieldErrors};

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 422)]
    Invalid {
        #[api(errors)]
        body: FieldErrors,
        #[api(errors)]
        query: FieldErrors,
    },
}

fn main() {}
