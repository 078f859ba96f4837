use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E<T> {
    #[api(status = 400, message = "Invalid value {0}.")]
    Invalid(T),
}

#[derive(Debug)]
struct Opaque;

fn render(err: &dyn ApiError) -> String {
    err.message()
}

fn main() {
    render(&E::Invalid(Opaque));
}
