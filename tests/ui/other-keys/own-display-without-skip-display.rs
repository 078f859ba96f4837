use std::fmt;

use api_error::ApiError;

// The derive writes `Display` unless told to keep the type's own.
#[derive(Debug, ApiError)]
#[api(status = 404)]
pub struct NotFound {
    pub id: u64,
}

impl fmt::Display for NotFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "item {} not found", self.id)
    }
}

fn main() {}
