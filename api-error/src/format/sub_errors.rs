//! Sub-errors as each preset lists them: one description of a preset's
//! sub-error object, which writes the list here and, with the `client`
//! feature, reads it back (`client::read::sub_errors`).

use http::StatusCode;

use super::json::Array;
use crate::field::FieldError;

/// One member of a sub-error object, with its name in the preset's shape.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Member {
    /// The sub-error's code.
    Code(&'static str),
    /// Its message.
    Message(&'static str),
    /// Its status, or the error's when it has none.
    Status(&'static str),
    /// Its path as a dotted path (`address.street`), when it has one.
    Dotted(&'static str),
    /// Its path as a dotted path, or `null` when it has none.
    DottedOrNull(&'static str),
    /// Its path as a JSON Pointer (`#/address/street`), when it has one.
    Pointer(&'static str),
}

/// Writes one object per sub-error into `list`, with `members` in order;
/// `status` is the error's own.
pub(crate) fn write(
    list: &mut Array<'_>,
    errors: &[FieldError],
    members: &[Member],
    status: StatusCode,
) {
    for sub in errors {
        let mut item = list.object();
        for member in members {
            match *member {
                Member::Code(name) => item.string(name, sub.code()),
                Member::Message(name) => item.string(name, sub.message()),
                Member::Status(name) => {
                    item.number(name, sub.status().unwrap_or(status).as_u16().into());
                }
                Member::Dotted(name) => {
                    if let Some(path) = sub.path() {
                        item.display(name, path);
                    }
                }
                Member::DottedOrNull(name) => match sub.path() {
                    Some(path) => item.display(name, path),
                    None => item.null(name),
                },
                Member::Pointer(name) => {
                    if let Some(path) = sub.path() {
                        item.display(name, &path.pointer());
                    }
                }
            }
        }
    }
}
