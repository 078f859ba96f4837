use api_error::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 500)]
    Copy {
        #[source]
        read: std::io::Error,
        #[source]
        write: std::io::Error,
    },
}

fn main() {}
