use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 409, grpc = "ALREADY_EXIST")]
    Taken,
    #[api(status = 500, grpc = "OK")]
    Fine,
    #[api(status = 500, grpc = 13)]
    Numbered,
}

fn main() {}
