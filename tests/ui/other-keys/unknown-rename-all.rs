use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404, rename_all = "snakecase")]
enum A {
    NotFound,
}

#[derive(Debug, ApiError)]
#[api(status = 404, rename_all = "lowercase")]
enum B {
    NotFound,
}

fn main() {}
