use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 402)]
struct E {
    #[api(extension = "")]
    balance: u32,
}

fn main() {}
