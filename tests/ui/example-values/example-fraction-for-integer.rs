use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 429)]
struct Slow {
    #[api(extension, example = 2.5)]
    limit: u32,
}

fn main() {}
