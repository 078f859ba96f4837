use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404, skip_display, skip_display)]
struct NotFound;

impl std::fmt::Display for NotFound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not found")
    }
}

impl std::error::Error for NotFound {}

fn main() {}
