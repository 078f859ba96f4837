fn main() {
    api_error::format::set_default::<api_error::format::Flat>().unwrap();
    println!("{}", api_error_examples::users::openapi::document());
}
