use api_error::ApiError;

#[derive(Debug, ApiError)]
enum OrderError {
    #[api(status = 404, domain = "orders.example.com")]
    NotFound,
}

fn main() {}
