//! Checking that codes are unique across the types of an application.

use std::fmt;

use super::{Catalog, Entry};

impl Catalog {
    /// Checks that no two entries share a code, as clients tell errors
    /// apart by code; [`assert_unique_codes!`](crate::assert_unique_codes)
    /// does it in one line of a test.
    ///
    /// The same entry reached twice (two types holding one error type
    /// transparently) is one entry, not a collision.
    ///
    /// ```
    /// use api_error::{ApiError, Catalog};
    ///
    /// #[derive(Debug, ApiError)]
    /// enum UserError {
    ///     #[api(status = 404)]
    ///     NotFound,
    /// }
    ///
    /// #[derive(Debug, ApiError)]
    /// enum OrderError {
    ///     #[api(status = 404)]
    ///     NotFound,
    /// }
    ///
    /// let catalog = Catalog::from_iter([UserError::catalog(), OrderError::catalog()]);
    /// let err = catalog.check_unique_codes().unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "1 code is used by more than one error:\n\
    ///      - `not_found`: UserError::NotFound (404), OrderError::NotFound (404)"
    /// );
    /// ```
    pub fn check_unique_codes(&self) -> Result<(), DuplicateCodes> {
        let mut duplicates = grouped(
            self.items
                .iter()
                .map(|item| (item.entry.code(), item.entry)),
        );
        duplicates.retain(|(_, entries)| entries.len() > 1);
        if duplicates.is_empty() {
            Ok(())
        } else {
            Err(DuplicateCodes { duplicates })
        }
    }
}

/// Entries grouped by a key, the groups in key order, each group's entries
/// in the order given: what the checks of codes and of reasons look for
/// clashes in. A sorted list, which compiles to far less than a map.
pub(super) fn grouped<K: Ord>(
    keyed: impl Iterator<Item = (K, &'static Entry)>,
) -> Vec<(K, Vec<&'static Entry>)> {
    let mut groups: Vec<(K, Vec<&'static Entry>)> = Vec::new();
    for (key, entry) in keyed {
        match groups.binary_search_by(|(known, _)| known.cmp(&key)) {
            Ok(at) => {
                if let Some((_, entries)) = groups.get_mut(at) {
                    entries.push(entry);
                }
            }
            Err(at) => groups.insert(at, (key, vec![entry])),
        }
    }
    groups
}

/// Entries as a report lists them: `UserError::NotFound (404), …`.
pub(super) struct Listed<'a>(pub(super) &'a [&'static Entry]);

impl fmt::Display for Listed<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, entry) in self.0.iter().enumerate() {
            let separator = if i == 0 { "" } else { ", " };
            let status = entry.status().as_u16();
            write!(f, "{separator}{} ({status})", entry.rust_path())?;
        }
        Ok(())
    }
}

/// The codes that more than one entry of a catalog uses; see
/// [`Catalog::check_unique_codes`].
pub struct DuplicateCodes {
    duplicates: Vec<(&'static str, Vec<&'static Entry>)>,
}

impl DuplicateCodes {
    /// Each code used more than once, with the entries that use it.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &[&'static Entry])> {
        self.duplicates
            .iter()
            .map(|(code, entries)| (*code, entries.as_slice()))
    }
}

impl fmt::Display for DuplicateCodes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.duplicates.len() {
            1 => f.write_str("1 code is used by more than one error:")?,
            n => write!(f, "{n} codes are used by more than one error:")?,
        }
        for (code, entries) in &self.duplicates {
            write!(f, "\n- `{code}`: {}", Listed(entries))?;
        }
        Ok(())
    }
}

// The report reads the same in `unwrap_err` and `-> Result` test output.
impl fmt::Debug for DuplicateCodes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for DuplicateCodes {}
