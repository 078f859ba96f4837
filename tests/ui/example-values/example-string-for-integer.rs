use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404, message = "No order {id}.")]
struct NotFound {
    #[api(example = "seven")]
    id: u64,
}

fn main() {}
