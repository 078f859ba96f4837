//! Checking that the codes sent in Google's error model make reasons.

use std::fmt;

use super::unique::{Listed, grouped};
use super::{Catalog, Entry, Item};
use crate::format::{Google, default_format};
use crate::grpc::Reason;

impl Catalog {
    /// Checks the errors that render with [`Google`] (their type's format,
    /// or the application's default when the type names none): each code
    /// must make a [`Reason`] AIP-193 allows, and no two codes the same
    /// one, as clients tell errors apart by reason.
    /// [`assert_unique_codes!`](crate::assert_unique_codes) runs it too.
    ///
    /// ```
    /// use api_error::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(format = api_error::format::Google)]
    /// enum UserError {
    ///     #[api(status = 400, code = "id")]
    ///     Id,
    ///     #[api(status = 404, code = "user_id")]
    ///     UserId,
    ///     #[api(status = 404, code = "userId")]
    ///     UserIdAgain,
    /// }
    ///
    /// let err = UserError::catalog().check_reasons().unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "2 errors cannot be told apart by their Google reasons:\n\
    ///      - `id` (UserError::Id, 400) makes the reason `ID`, which AIP-193 does not allow: \
    ///      3 to 63 of A-Z, 0-9 and _, starting with a letter and not ending with _\n\
    ///      - `user_id` and `userId` both make the reason `USER_ID`: \
    ///      UserError::UserId (404), UserError::UserIdAgain (404)"
    /// );
    /// ```
    pub fn check_reasons(&self) -> Result<(), BadReasons> {
        let sent = self
            .items
            .iter()
            .filter(|item| item.format.unwrap_or_else(default_format).is::<Google>())
            .map(Item::entry);
        let sent: Vec<&'static Entry> = sent.collect();
        let invalid: Vec<&'static Entry> = sent
            .iter()
            .copied()
            .filter(|entry| !Reason::of(entry.code()).is_valid())
            .collect();
        let mut shared = grouped(
            sent.iter()
                .map(|entry| (Reason::of(entry.code()).to_string(), *entry)),
        );
        // The same code reached twice is `check_unique_codes`' to report.
        shared.retain(|(_, entries)| {
            let first = entries.first().map(|entry| entry.code());
            entries.iter().any(|entry| Some(entry.code()) != first)
        });
        if invalid.is_empty() && shared.is_empty() {
            Ok(())
        } else {
            Err(BadReasons { invalid, shared })
        }
    }
}

/// Codes that cannot be sent as Google reasons; see
/// [`Catalog::check_reasons`].
pub struct BadReasons {
    /// Entries whose code makes no reason AIP-193 allows.
    invalid: Vec<&'static Entry>,
    /// Reasons that more than one code makes, with their entries.
    shared: Vec<(String, Vec<&'static Entry>)>,
}

impl fmt::Display for BadReasons {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.invalid.len() + self.shared.len();
        let errors = if count == 1 { "error" } else { "errors" };
        write!(
            f,
            "{count} {errors} cannot be told apart by their Google reasons:"
        )?;
        for entry in &self.invalid {
            write!(
                f,
                "\n- `{}` ({}, {}) makes the reason `{}`, which AIP-193 does not allow: \
                 3 to 63 of A-Z, 0-9 and _, starting with a letter and not ending with _",
                entry.code(),
                entry.rust_path(),
                entry.status().as_u16(),
                Reason::of(entry.code()),
            )?;
        }
        for (reason, entries) in &self.shared {
            let mut codes: Vec<&str> = Vec::new();
            for entry in entries {
                if !codes.contains(&entry.code()) {
                    codes.push(entry.code());
                }
            }
            let all = if codes.len() == 2 { "both" } else { "all" };
            let codes = codes.join("` and `");
            write!(
                f,
                "\n- `{codes}` {all} make the reason `{reason}`: {}",
                Listed(entries)
            )?;
        }
        Ok(())
    }
}

// The report reads the same in `unwrap_err` and `-> Result` test output.
impl fmt::Debug for BadReasons {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for BadReasons {}
