use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 429)]
enum E {
    A(#[api(extension = = "limit")] u32),
    B(#[api(header "X-Limit")] u32),
    C(#[api(extension,, header = "X-Limit")] u32),
    D(#[api(1 "limit")] u32),
    E(#[api(extension = "a" "b")] u32),
}

fn main() {}
