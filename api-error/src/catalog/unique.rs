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
        // Entries grouped by code, the groups in code order, each group's
        // entries in catalog order.
        let mut groups: Vec<(&'static str, Vec<&'static Entry>)> = Vec::new();
        for item in &self.items {
            let code = item.entry.code();
            match groups.binary_search_by(|(known, _)| known.cmp(&code)) {
                Ok(at) => {
                    if let Some((_, entries)) = groups.get_mut(at) {
                        entries.push(item.entry);
                    }
                }
                Err(at) => groups.insert(at, (code, vec![item.entry])),
            }
        }
        let mut duplicates = Vec::new();
        for group in groups {
            if group.1.len() > 1 {
                duplicates.push(group);
            }
        }
        if duplicates.is_empty() {
            Ok(())
        } else {
            Err(DuplicateCodes { duplicates })
        }
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
            write!(f, "\n- `{code}`: ")?;
            for (i, entry) in entries.iter().enumerate() {
                let separator = if i == 0 { "" } else { ", " };
                let status = entry.status().as_u16();
                write!(f, "{separator}{} ({status})", entry.rust_path())?;
            }
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
