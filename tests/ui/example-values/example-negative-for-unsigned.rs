use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400, message = "At most {max} items.")]
struct TooMany {
    #[api(example = -1)]
    max: u32,
}

fn main() {}
