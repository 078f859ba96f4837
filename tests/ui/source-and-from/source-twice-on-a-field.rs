use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 500)]
    Io(#[source] #[source] std::io::Error),
}

fn main() {}
