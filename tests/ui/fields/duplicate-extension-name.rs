use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
struct E {
    #[api(extension)]
    balance: u32,
    #[api(extension = "balance")]
    other: u32,
}

fn main() {}
