//! The format an error renders with when the caller names none: the
//! type's, else the application's default, else [`Problem`].

use std::fmt;
use std::sync::OnceLock;

use super::{DynFormat, Format, Problem};
use crate::ApiError;

/// The application's default format, once set.
static DEFAULT: OnceLock<DynFormat> = OnceLock::new();

/// Makes `F` the format of errors whose type names none, for the whole
/// application; call it once at start-up, before serving requests.
///
/// It applies to every error rendered without naming a format:
/// [`api_error::response`](crate::response), the framework integrations, and
/// the request errors raised before a handler runs. Until it is set, the
/// default is [`Problem`].
///
/// Setting the same format again is harmless; setting another one fails and
/// leaves the first in place.
pub fn set_default<F: Format + 'static>() -> Result<(), DefaultAlreadySet> {
    let wanted = DynFormat::of::<F>();
    let current = *DEFAULT.get_or_init(|| wanted);
    if current == wanted {
        Ok(())
    } else {
        Err(DefaultAlreadySet { current })
    }
}

/// The application's default format: the one given to [`set_default`], or
/// [`Problem`].
pub fn default_format() -> DynFormat {
    DEFAULT.get().copied().unwrap_or(DynFormat::of::<Problem>())
}

/// The format `err` renders with when the caller names none: its type's
/// `#[api(format = ...)]`, else the application's default.
pub fn for_error(err: &(impl ApiError + ?Sized)) -> DynFormat {
    err.format().unwrap_or_else(default_format)
}

/// The application's default format was already set to another format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultAlreadySet {
    /// The format set first, which stays the default.
    pub current: DynFormat,
}

impl fmt::Display for DefaultAlreadySet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the default format is already {}",
            self.current.type_name()
        )
    }
}

impl std::error::Error for DefaultAlreadySet {}
