// A transparent variant holding a type that cannot be rebuilt builds (the
// `client` feature may be on anywhere in the build); only asking the outer
// type to rebuild itself fails, and says why.
use api_error::client::{self, FromRemote};
use api_error::http::StatusCode;
use api_error::ApiError;

#[derive(Debug)]
struct HandWritten;

impl std::fmt::Display for HandWritten {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("hand written")
    }
}

impl std::error::Error for HandWritten {}

impl ApiError for HandWritten {
    fn status(&self) -> StatusCode {
        StatusCode::CONFLICT
    }
    fn code(&self) -> &str {
        "hand_written"
    }
    fn fmt_message(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Hand written.")
    }
}

#[derive(Debug, ApiError)]
enum Outer {
    #[api(status = 404)]
    Missing,
    #[api(transparent)]
    Hand(HandWritten),
}

fn main() {
    let remote = client::decode(StatusCode::NOT_FOUND, None, b"{}");
    let _ = Outer::from_remote(&remote);
}
