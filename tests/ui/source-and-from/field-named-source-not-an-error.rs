use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 502)]
struct UpstreamFailed {
    source: String,
}

fn main() {}
