//! Generated code compiles next to user code that defines its own items with
//! the names of standard ones: it reaches everything through `::core` and
//! `::api_error::__private`.
#![allow(
    non_camel_case_types,
    dead_code,
    unused_macros,
    clippy::disallowed_names
)]

mod http {}
mod core {}
mod api_error {}
mod fmt {}
mod std {}
mod serde {}
type Result = ();
type Error = ();
struct Option;
struct Some;
struct None;
struct Ok;
struct Err;
struct String;
struct Vec;
struct Box;
struct From;
struct Display;
struct StatusCode;
struct Entry;
struct str;
trait ApiErrorShadow {}
fn format_args() {}
macro_rules! format_args {
    () => {};
}
macro_rules! write {
    () => {};
}
macro_rules! assert {
    () => {};
}

#[derive(Debug, ::api_error::ApiError)]
#[api(status = 400, type = "https://example.com/")]
enum Shadowed<T> {
    #[api(message = "bad {0}")]
    Bad(T),
    #[api(status = ::api_error::http::StatusCode::CONFLICT)]
    Conflict(#[from] ::std::io::Error),
    #[api(transparent)]
    Inner(Inner),
}

#[derive(Debug, ::api_error::ApiError)]
#[api(status = 404)]
struct Inner;

#[test]
fn generated_code_ignores_the_users_names() {
    use ::api_error::ApiError;
    let err: Shadowed<u8> = Shadowed::Bad(1);
    ::std::assert_eq!(err.message(), "bad 1");
    ::std::assert_eq!(Shadowed::<u8>::Inner(Inner).code(), "inner");
    let io: Shadowed<u8> = ::std::io::Error::other("x").into();
    ::std::assert_eq!(io.status().as_u16(), 409);
}
