//! What an application says once, at start-up, about all of its errors:
//! where their documentation lives, and the domain that owns their codes.
//!
//! Each is set at most once, like the default format
//! ([`format::set_default`](crate::format::set_default)): setting the same
//! value again is harmless, another one fails and leaves the first in place.
//!
//! ```standalone_crate
//! // At start-up, before serving requests:
//! api_error::app::set_docs_base("https://docs.example.com/errors#").unwrap();
//! api_error::app::set_domain("users.example.com").unwrap();
//!
//! assert_eq!(api_error::app::docs_base(), Some("https://docs.example.com/errors#"));
//! assert!(api_error::app::set_domain("orders.example.com").is_err());
//! assert_eq!(api_error::app::domain(), Some("users.example.com"));
//! ```

use std::fmt;
use std::sync::OnceLock;

/// The application's docs base, once set.
static DOCS_BASE: OnceLock<Box<str>> = OnceLock::new();

/// The application's domain, once set.
static DOMAIN: OnceLock<Box<str>> = OnceLock::new();

/// Sets the URI the documentation of every error is found under, followed
/// by its code: `/errors#` links `user_not_found` to
/// `/errors#user_not_found`. It is the `type` of each error whose type does
/// not name one with `#[api(type = "...")]` (`about:blank` until it is
/// set), the library's own [`RequestError`](crate::RequestError) included.
///
/// A relative reference, such as `/errors#`, is a URI reference RFC 9457
/// allows; `base` must be one: the characters RFC 3986 allows, `%` only
/// before two hex digits.
pub fn set_docs_base(base: impl Into<String>) -> Result<(), SettingError> {
    let base = base.into();
    if let Some(reason) = not_a_uri(&base) {
        return Err(SettingError::Invalid {
            setting: "docs base",
            reason,
        });
    }
    set_once(&DOCS_BASE, "docs base", base)
}

/// The docs base given to [`set_docs_base`], if any.
pub fn docs_base() -> Option<&'static str> {
    DOCS_BASE.get().map(|base| &**base)
}

/// Sets the domain of the application's error codes, for the error models
/// that carry one (Google's `ErrorInfo`): the service's name, such as
/// `users.example.com`, unless a type names its own with
/// `#[api(domain = "...")]`. Until it is set, no domain is sent: none is
/// ever made up.
///
/// `domain` is printable ASCII, without spaces, and not empty.
pub fn set_domain(domain: impl Into<String>) -> Result<(), SettingError> {
    let domain = domain.into();
    if domain.is_empty() || !domain.bytes().all(|byte| byte.is_ascii_graphic()) {
        return Err(SettingError::Invalid {
            setting: "domain",
            reason: format!("must be printable ASCII without spaces, not {domain:?}"),
        });
    }
    set_once(&DOMAIN, "domain", domain)
}

/// The domain given to [`set_domain`], if any.
pub fn domain() -> Option<&'static str> {
    DOMAIN.get().map(|domain| &**domain)
}

fn set_once(
    cell: &'static OnceLock<Box<str>>,
    setting: &'static str,
    value: String,
) -> Result<(), SettingError> {
    let mut wanted = Some(value);
    let current = cell.get_or_init(|| wanted.take().unwrap_or_default().into_boxed_str());
    match wanted {
        Some(value) if *value != **current => Err(SettingError::AlreadySet { setting, current }),
        _ => Ok(()),
    }
}

/// Why `text` is not a URI reference, if it is not one.
fn not_a_uri(text: &str) -> Option<String> {
    // What RFC 3986 allows in a URI: unreserved and reserved characters,
    // and `%` starting a percent-encoded byte.
    let allowed = |c: char| c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c);
    if text.is_empty() {
        return Some("must not be empty".to_owned());
    }
    if let Some(bad) = text.chars().find(|&c| !allowed(c)) {
        return Some(format!("must be a URI, which cannot contain {bad:?}"));
    }
    let bytes = text.as_bytes();
    let escape = |at: usize| {
        bytes
            .get(at + 1..at + 3)
            .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    };
    (0..bytes.len())
        .any(|at| bytes.get(at) == Some(&b'%') && !escape(at))
        .then(|| "must be a URI, where `%` starts two hex digits".to_owned())
}

/// A setting of [`app`](self) that was not made.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SettingError {
    /// It was made already, to another value, which stays.
    AlreadySet {
        /// Which setting: `docs base`, `domain`.
        setting: &'static str,
        /// Its value.
        current: &'static str,
    },
    /// The value cannot be used.
    Invalid {
        /// Which setting.
        setting: &'static str,
        /// Why not.
        reason: String,
    },
}

impl fmt::Display for SettingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SettingError::AlreadySet { setting, current } => {
                write!(f, "the {setting} is already {current:?}")
            }
            SettingError::Invalid { setting, reason } => write!(f, "the {setting} {reason}"),
        }
    }
}

impl std::error::Error for SettingError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_docs_base_must_be_a_uri_reference() {
        for (base, reason) in [
            ("", "must not be empty"),
            ("/errors #", "must be a URI, which cannot contain ' '"),
            (
                "/errors%2",
                "must be a URI, where `%` starts two hex digits",
            ),
            ("/erreurs/é", "must be a URI, which cannot contain 'é'"),
        ] {
            assert_eq!(not_a_uri(base).as_deref(), Some(reason), "{base:?}");
        }
        for base in ["/errors#", "https://docs.example.com/errors/", "/a%20b#"] {
            assert_eq!(not_a_uri(base), None, "{base:?}");
        }
    }

    #[test]
    fn a_setting_is_made_once() {
        static CELL: OnceLock<Box<str>> = OnceLock::new();
        assert_eq!(set_once(&CELL, "test", "a".into()), Ok(()));
        assert_eq!(set_once(&CELL, "test", "a".into()), Ok(()));
        let err = set_once(&CELL, "test", "b".into()).unwrap_err();
        assert_eq!(err.to_string(), r#"the test is already "a""#);
        assert_eq!(CELL.get().map(|value| &**value), Some("a"));
    }
}
