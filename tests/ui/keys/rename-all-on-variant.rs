use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, rename_all = "kebab-case")]
    NotFound,
}

fn main() {}
