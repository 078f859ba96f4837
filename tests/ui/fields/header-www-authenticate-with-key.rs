use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api(www_authenticate = "Bearer realm=\"api\"")]
enum E {
    #[api(status = 401)]
    Unauthorized {
        #[api(header = "WWW-Authenticate")]
        challenge: String,
    },
}

fn main() {}
