use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = ::api_error::http::StatusCode::FOUND)]
    Moved,
}

fn main() {}
