// A name of underscores alone has no words to make a default code of.
#![allow(non_camel_case_types)]

use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum E {
    __,
    ___,
}

fn main() {}
