use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 500)]
enum E {
    Read(#[from] std::io::Error),
    Write(#[from] std::io::Error),
}

fn main() {}
