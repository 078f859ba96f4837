use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(rename_all = "snake")]
enum E {
    #[api(status = 302)]
    Moved,
    #[api(status = 404, code = "")]
    NotFound,
    #[api(code = "gone")]
    Gone,
    #[api(status = 400, mesage = "typo")]
    Typo,
    #[api(status = 400, message = "bad {1}")]
    Bad(u8),
    #[api(transparent)]
    Nothing,
}

fn main() {}
