//! Logging errors as they are sent (feature `tracing`): a server error with
//! its whole source chain at `error`, for operators, a client error at
//! `debug`. The chain goes to the log only, never to the body. Inside a
//! [request context](crate::context) with a request id, the line carries it
//! as `request_id`, the id the body and the response header show.

use std::fmt;

use crate::ApiError;
use crate::context::{self, Context};
use crate::status::error_status;

/// Logs `err` as it is turned into a response.
pub(crate) fn sent(err: &(impl ApiError + ?Sized)) {
    context::with(|context| {
        let id = context.and_then(Context::request_id).map(|id| id.as_str());
        log(err, id);
    });
}

fn log(err: &(impl ApiError + ?Sized), request_id: Option<&str>) {
    let status = error_status(err);
    if status.is_server_error() {
        tracing::error!(
            status = status.as_u16(),
            code = err.code(),
            request_id,
            error = %Chain(err),
            "server error",
        );
    } else {
        tracing::debug!(
            status = status.as_u16(),
            code = err.code(),
            request_id,
            error = %Chain(err),
            "client error",
        );
    }
}

/// An error and its sources: `query failed: connection refused: …`.
struct Chain<'a, E: ?Sized>(&'a E);

impl<E: ApiError + ?Sized> fmt::Display for Chain<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)?;
        let mut source = self.0.source();
        while let Some(error) = source {
            write!(f, ": {error}")?;
            source = error.source();
        }
        Ok(())
    }
}
