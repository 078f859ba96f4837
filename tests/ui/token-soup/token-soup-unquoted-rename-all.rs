use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404, rename_all = kebab-case)]
enum E {
    NotFound,
}

fn main() {}
