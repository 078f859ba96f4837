use api_error::ApiError;

// Each message is a literal, but not a string literal.
#[derive(Debug, ApiError)]
#[api(status = 400)]
enum E {
    #[api(message = b"bytes")]
    ByteString,
    #[api(message = br"raw bytes")]
    RawByteString,
    #[api(message = c"c string")]
    CString,
    #[api(message = 'c')]
    Char,
    #[api(message = 1e3)]
    Float,
    #[api(message = false)]
    Bool,
}

fn main() {}
