use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 500)]
    Io(#[from] std::io::Error, String),
}

fn main() {}
