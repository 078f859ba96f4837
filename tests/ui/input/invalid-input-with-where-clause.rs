// An invalid input on a type with a `where` clause: the status error
// alone, no cascade from the impls written to keep the type usable.
use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E<T>
where
    T: std::fmt::Debug,
{
    #[api(status = 302)]
    Moved(T),
}

fn main() {}
