use api_error::ApiError;

#[derive(Debug)]
struct Opaque;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400)]
    Invalid(#[api(extension = "opaque")] Opaque),
}

fn main() {}
