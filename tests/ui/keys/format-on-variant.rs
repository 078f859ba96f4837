use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, format = api_error::format::Flat)]
    NotFound,
}

fn main() {}
