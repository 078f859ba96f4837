use api_error::ApiError;

// Each status is a token that is neither a number nor a path.
#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404.0)]
    Float,
    #[api(status = (404))]
    Parenthesized,
    #[api(status = [404])]
    Bracketed,
    #[api(status = {404})]
    Braced,
    #[api(status = true)]
    Bool,
    #[api(status = 'x')]
    Char,
    #[api(status = b'x')]
    Byte,
    #[api(status = ..)]
    Range,
    #[api(status = 'a)]
    Lifetime,
}

fn main() {}
