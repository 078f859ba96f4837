use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
struct E {
    #[api(header = "Content-Type")]
    kind: String,
}

fn main() {}
