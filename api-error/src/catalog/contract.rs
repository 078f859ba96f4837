//! The error contract: the JSON catalog kept in a repository, and a check
//! that fails when the code no longer honours it.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::Catalog;

/// The environment variable that accepts the catalog as the new contract:
/// `API_ERROR_CONTRACT=overwrite cargo test` rewrites every contract file
/// that a [`Catalog::check_contract`] reads.
pub const CONTRACT_ENV: &str = "API_ERROR_CONTRACT";

impl Catalog {
    /// Checks the catalog against the contract kept at `path`: the
    /// [`to_json`](Catalog::to_json) of the catalog as last accepted.
    /// [`assert_contract!`](crate::assert_contract) does it in one line of
    /// a test.
    ///
    /// It fails on any change of the error contract, and says which are
    /// breaking: a code removed, or its status changed, breaks clients that
    /// rely on it; a code added, or a title, message or description
    /// changed, does not, but the file is brought up to date all the same,
    /// so that it always documents the API as it is.
    ///
    /// To accept the changes, run the tests with
    /// `API_ERROR_CONTRACT=overwrite` (see [`CONTRACT_ENV`]): the file is
    /// rewritten, to be reviewed and committed with the code. A missing
    /// file is written the same way, except under CI (where the `CI`
    /// environment variable is set), where it is an error.
    ///
    /// With the `catalog` feature.
    pub fn check_contract(&self, path: impl AsRef<Path>) -> Result<(), ContractError> {
        let path = path.as_ref();
        let overwrite = std::env::var_os(CONTRACT_ENV).is_some_and(|value| value == "overwrite");
        let text = match fs::read_to_string(path) {
            Ok(_) if overwrite => return self.write_contract(path),
            Ok(text) => text,
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return if overwrite || !under_ci() {
                    self.write_contract(path)
                } else {
                    Err(ContractError::new(path, Problem::Missing))
                };
            }
            Err(error) => {
                return Err(ContractError::new(
                    path,
                    Problem::Unreadable(error.to_string()),
                ));
            }
        };
        let accepted = entries_of(&text)
            .map_err(|reason| ContractError::new(path, Problem::Unreadable(reason)))?;
        let current = entries_of(&self.to_json())
            .map_err(|reason| ContractError::new(path, Problem::Unreadable(reason)))?;
        let changes = compare(&accepted, &current);
        if changes.is_empty() {
            Ok(())
        } else {
            Err(ContractError::new(path, Problem::Changed(changes)))
        }
    }

    /// Writes the catalog to `path` as the accepted contract, creating the
    /// folders it needs. With the `catalog` feature.
    pub fn write_contract(&self, path: impl AsRef<Path>) -> Result<(), ContractError> {
        let path = path.as_ref();
        let written = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => fs::create_dir_all(parent),
            _ => Ok(()),
        }
        .and_then(|()| fs::write(path, self.to_json()));
        written.map_err(|error| ContractError::new(path, Problem::Unwritable(error.to_string())))
    }
}

fn under_ci() -> bool {
    std::env::var_os("CI").is_some_and(|value| !value.is_empty() && value != "false")
}

/// A contract's entries by code, in the order listed.
type Entries = BTreeMap<String, Vec<Map<String, Value>>>;

fn entries_of(json: &str) -> Result<Entries, String> {
    let value: Value =
        serde_json::from_str(json).map_err(|error| format!("it is not JSON: {error}"))?;
    let Some(Value::Array(errors)) = value.get("errors") else {
        return Err("it has no `errors` list".to_owned());
    };
    let mut entries = Entries::new();
    for error in errors {
        let Value::Object(error) = error else {
            return Err("an entry of `errors` is not an object".to_owned());
        };
        let Some(Value::String(code)) = error.get("code") else {
            return Err("an entry of `errors` has no `code`".to_owned());
        };
        entries.entry(code.clone()).or_default().push(error.clone());
    }
    Ok(entries)
}

fn status_of(entry: &Map<String, Value>) -> Option<u64> {
    entry.get("status").and_then(Value::as_u64)
}

/// The changes from the accepted entries to the current ones, breaking ones
/// first.
fn compare(accepted: &Entries, current: &Entries) -> Vec<Change> {
    let mut breaking = Vec::new();
    let mut compatible = Vec::new();
    for (code, was) in accepted {
        let Some(now) = current.get(code) else {
            let status = was.first().and_then(status_of);
            breaking.push(Change::Removed {
                code: code.clone(),
                status,
            });
            continue;
        };
        let statuses = |entries: &[Map<String, Value>]| -> Vec<Option<u64>> {
            entries.iter().map(status_of).collect()
        };
        let (was_statuses, now_statuses) = (statuses(was), statuses(now));
        if was_statuses != now_statuses {
            breaking.push(Change::Status {
                code: code.clone(),
                was: was_statuses,
                now: now_statuses,
            });
            continue;
        }
        let mut fields: Vec<String> = Vec::new();
        for (was, now) in was.iter().zip(now) {
            for key in was.keys().chain(now.keys()) {
                if was.get(key) != now.get(key) && !fields.contains(key) {
                    fields.push(key.clone());
                }
            }
        }
        if !fields.is_empty() {
            compatible.push(Change::Edited {
                code: code.clone(),
                fields,
            });
        }
    }
    for (code, now) in current {
        if !accepted.contains_key(code) {
            let status = now.first().and_then(status_of);
            compatible.push(Change::Added {
                code: code.clone(),
                status,
            });
        }
    }
    breaking.extend(compatible);
    breaking
}

/// A change of the error contract; see [`Catalog::check_contract`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Change {
    /// A code is gone: breaking.
    Removed {
        /// The code.
        code: String,
        /// Its status, as the contract had it.
        status: Option<u64>,
    },
    /// A code has another status: breaking.
    Status {
        /// The code.
        code: String,
        /// Its statuses as the contract had them (one unless the code is
        /// used more than once).
        was: Vec<Option<u64>>,
        /// Its statuses now.
        now: Vec<Option<u64>>,
    },
    /// A code is new.
    Added {
        /// The code.
        code: String,
        /// Its status.
        status: Option<u64>,
    },
    /// A code's other fields changed: its title, message, description...
    Edited {
        /// The code.
        code: String,
        /// The names of the fields that changed.
        fields: Vec<String>,
    },
}

impl Change {
    /// Whether the change breaks clients: a code removed, or its status
    /// changed.
    pub fn is_breaking(&self) -> bool {
        matches!(self, Change::Removed { .. } | Change::Status { .. })
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let status = |status: &Option<u64>| {
            status.map_or_else(|| "no status".to_owned(), |status| status.to_string())
        };
        let statuses =
            |list: &[Option<u64>]| list.iter().map(status).collect::<Vec<_>>().join(", ");
        match self {
            Change::Removed { code, status: was } => {
                write!(f, "`{code}` ({}) was removed", status(was))
            }
            Change::Status { code, was, now } => {
                write!(
                    f,
                    "`{code}` changed status from {} to {}",
                    statuses(was),
                    statuses(now)
                )
            }
            Change::Added { code, status: now } => {
                write!(f, "`{code}` ({}) was added", status(now))
            }
            Change::Edited { code, fields } => {
                write!(f, "`{code}` has a new {}", fields.join(", "))
            }
        }
    }
}

/// Why a catalog does not match its contract; see
/// [`Catalog::check_contract`].
pub struct ContractError {
    path: PathBuf,
    problem: Problem,
}

enum Problem {
    Missing,
    Unreadable(String),
    Unwritable(String),
    Changed(Vec<Change>),
}

impl ContractError {
    fn new(path: &Path, problem: Problem) -> Self {
        ContractError {
            path: path.to_owned(),
            problem,
        }
    }

    /// The contract file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The changes from the contract to the catalog, breaking ones first;
    /// empty when the file could not be read or written.
    pub fn changes(&self) -> &[Change] {
        match &self.problem {
            Problem::Changed(changes) => changes,
            _ => &[],
        }
    }

    /// Whether a change breaks clients.
    pub fn is_breaking(&self) -> bool {
        self.changes().iter().any(Change::is_breaking)
    }
}

impl fmt::Display for ContractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match &self.problem {
            Problem::Missing => write!(f, "the error contract {path} does not exist")?,
            Problem::Unreadable(reason) => {
                write!(f, "the error contract {path} cannot be read: {reason}")?
            }
            Problem::Unwritable(reason) => {
                return write!(f, "the error contract {path} cannot be written: {reason}");
            }
            Problem::Changed(changes) => {
                write!(f, "the errors no longer match the contract in {path}")?;
                let (breaking, compatible): (Vec<&Change>, Vec<&Change>) =
                    changes.iter().partition(|change| change.is_breaking());
                if !breaking.is_empty() {
                    f.write_str("\nbreaking changes, for clients that rely on these codes:")?;
                    for change in breaking {
                        write!(f, "\n- {change}")?;
                    }
                }
                if !compatible.is_empty() {
                    f.write_str("\nother changes:")?;
                    for change in compatible {
                        write!(f, "\n- {change}")?;
                    }
                }
            }
        }
        write!(
            f,
            "\nto accept the errors as they are: {CONTRACT_ENV}=overwrite cargo test"
        )
    }
}

// The report reads the same in `unwrap` and `-> Result` test output.
impl fmt::Debug for ContractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for ContractError {}
