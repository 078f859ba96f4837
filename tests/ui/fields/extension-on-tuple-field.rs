use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 402, message = "Your balance is too low.")]
    PaymentRequired(#[api(extension)] u64),
}

fn main() {}
