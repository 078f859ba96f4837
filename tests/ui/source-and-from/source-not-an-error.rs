use api_error::ApiError;

#[derive(Debug)]
struct Detail;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 500)]
    Failed(#[source] Detail),
}

fn main() {}
