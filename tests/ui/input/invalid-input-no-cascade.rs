use api_error::format::{Flat, Format};
use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 302)]
    Moved,
}

fn as_api_error(err: &dyn ApiError) -> Vec<u8> {
    Flat::render(err)
}

fn as_std_error(err: Box<dyn std::error::Error>) -> String {
    err.to_string()
}

fn main() {
    as_api_error(&E::Moved);
    as_std_error(Box::new(E::Moved));
}
