use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400, message = "Limit {0:.*}.")]
    Limit(f64),
}

fn main() {}
