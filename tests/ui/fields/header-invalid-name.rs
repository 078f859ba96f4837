use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
struct E {
    #[api(header = "X Request Id")]
    id: String,
}

fn main() {}
