use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 500)]
    Io(#[from] #[from] std::io::Error),
}

fn main() {}
