//! Decoding the error responses of a `reqwest` client (feature `reqwest`).

use std::fmt;

use super::{FromRemote, RemoteError, decode};

/// Reads a `reqwest::Response`'s body and decodes it: [`decode`] with its
/// status, `Content-Type` and body, whatever the status.
///
/// The only error is reqwest's own, when the body cannot be read (the
/// connection dropped, the body ended short).
///
/// ```no_run
/// # async fn fetch(client: reqwest::Client) -> Result<(), reqwest::Error> {
/// let response = client.get("http://127.0.0.1:8080/v1/users/ada").send().await?;
/// let remote = api_error::client::decode_reqwest(response).await?;
/// println!("{remote}"); // 404 user_not_found: No such user.
/// # Ok(())
/// # }
/// ```
pub async fn decode_reqwest(
    response: ::reqwest::Response,
) -> Result<RemoteError, ::reqwest::Error> {
    let status = response.status();
    let content_type = response.headers().get(http::header::CONTENT_TYPE).cloned();
    let body = response.bytes().await?;
    let content_type = content_type.as_ref().and_then(|value| value.to_str().ok());
    Ok(decode(status, content_type, &body))
}

/// Passes a response with a success (or informational, or redirection)
/// status through, and turns an error response (4xx, 5xx) into a
/// [`Failure`]: rebuilt as one of `E`'s variants when `E` knows it
/// ([`FromRemote`]), as the decoded [`RemoteError`] otherwise. reqwest's
/// `error_for_status`, with the body read.
///
/// ```no_run
/// use api_error::client::{self, Failure};
/// use api_error::ApiError;
///
/// #[derive(Debug, ApiError)]
/// enum UsersError {
///     #[api(status = 404, message = "No such user.")]
///     UserNotFound,
/// }
///
/// # async fn fetch(client: reqwest::Client) -> Result<(), Failure<UsersError>> {
/// let response = client.get("http://127.0.0.1:8080/v1/users/ada").send().await?;
/// match client::error_for_status::<UsersError>(response).await {
///     Ok(response) => println!("found: {}", response.text().await?),
///     Err(Failure::Known { error: UsersError::UserNotFound, .. }) => println!("no such user"),
///     Err(other) => return Err(other),
/// }
/// # Ok(())
/// # }
/// ```
pub async fn error_for_status<E: FromRemote>(
    response: ::reqwest::Response,
) -> Result<::reqwest::Response, Failure<E>> {
    let status = response.status();
    if !status.is_client_error() && !status.is_server_error() {
        return Ok(response);
    }
    let remote = decode_reqwest(response).await?;
    Err(match E::from_remote(&remote) {
        Some(error) => Failure::Known { error, remote },
        None => Failure::Unknown(remote),
    })
}

/// A request that did not succeed: an error response, or no response to
/// read. See [`error_for_status`].
#[derive(Debug)]
#[non_exhaustive]
pub enum Failure<E> {
    /// An error response that is one of `E`'s errors, and what it decoded
    /// to (its message, extension members and sub-errors).
    Known {
        /// The error, rebuilt.
        error: E,
        /// The response, decoded.
        remote: RemoteError,
    },
    /// An error response that `E` does not know (another code, a proxy's
    /// HTML page), decoded.
    Unknown(RemoteError),
    /// No response, or a body that could not be read: reqwest's error.
    Transport(::reqwest::Error),
}

impl<E> Failure<E> {
    /// The decoded error response; `None` when there was none to read.
    pub fn remote(&self) -> Option<&RemoteError> {
        match self {
            Failure::Known { remote, .. } | Failure::Unknown(remote) => Some(remote),
            Failure::Transport(_) => None,
        }
    }
}

/// `?` on a request's `send()` in a function returning `Failure`.
impl<E> From<::reqwest::Error> for Failure<E> {
    fn from(error: ::reqwest::Error) -> Self {
        Failure::Transport(error)
    }
}

/// The decoded response, as [`RemoteError`] shows it, or reqwest's error.
impl<E> fmt::Display for Failure<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Known { remote, .. } | Failure::Unknown(remote) => remote.fmt(f),
            Failure::Transport(error) => error.fmt(f),
        }
    }
}

impl<E: fmt::Debug> std::error::Error for Failure<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Failure::Transport(error) => Some(error),
            Failure::Known { .. } | Failure::Unknown(_) => None,
        }
    }
}
