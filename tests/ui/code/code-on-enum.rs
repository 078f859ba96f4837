use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404, code = "not_found")]
enum E {
    Missing,
}

fn main() {}
