use api_error::ApiError;
use api_error::http::Method;

#[derive(Debug, ApiError)]
#[api(status = 405)]
struct E {
    #[api(header = "allow")]
    listed: String,
    #[api(allow)]
    methods: Vec<Method>,
}

fn main() {}
