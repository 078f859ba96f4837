//! Every problem of a body that is JSON text but not what the type takes,
//! found by probes ([`probe`]): a run of `T::deserialize` stops at its first
//! error, so it runs again and again, each time showing the body from just
//! after the last problem found ([how a body is read](super#how-a-body-is-read)).

use std::collections::HashMap;

use serde::Deserialize;

use super::probe::{self, At, Cursor, Learned, Mark, ROOT, Read, Shape, Step, What};
use super::tree::{Kind, Tree};
use super::wording::clip_name;
use super::{FieldNames, RequestError};
use crate::ApiError;
use crate::field::{FieldError, FieldPath};

/// Finds the problems of `tree`'s body for `T` and reports them: one
/// problem as its own error, several as `invalid_fields` listing the first
/// `keep` in body order. `None` if there are none after all.
pub(super) fn report<'de, T: Deserialize<'de>>(
    tree: &Tree<'de>,
    keep: usize,
    first_only: bool,
) -> Option<RequestError> {
    let run = |cursor: &Cursor, learned: &Learned| probe::run::<T>(tree, cursor, learned).map(drop);
    let mut search = Search {
        tree,
        run: &run,
        learned: Learned {
            marks: vec![Mark::Hollow; tree.nodes.len()],
            ..Learned::default()
        },
        cursor: Cursor::default(),
        found: Vec::new(),
        count: 0,
        keep: keep.max(1),
        fields: HashMap::new(),
        learned_fields: 0,
    };
    // Each probe finds a problem, moves the cursor, shows a member more
    // plainly, or learns a stand-in's field. The first three are bounded by
    // the tree (a few per node) and by the type (a field missing once per
    // object), the last by `MAX_LEARNED`; the bound is theirs, and guards
    // against a `Deserialize` impl that does not decide alike twice.
    for _ in 0..8 * tree.nodes.len() + MAX_LEARNED + MAX_MISSING {
        let going_on = run(&search.cursor, &search.learned).is_err_and(|error| search.take(error));
        if !going_on || (first_only && search.count > 0) {
            break;
        }
    }
    let mut found = search.found.into_iter().map(|(_, error)| error);
    match search.count {
        0 => None,
        1 => found.next(),
        count => Some(RequestError::InvalidFields {
            part: tree.part,
            count,
            errors: found.take(keep).map(sub_error).collect(),
        }),
    }
}

/// The sub-error of `invalid_fields` a problem is: its code, message and path.
fn sub_error(error: RequestError) -> FieldError {
    let message = error.message();
    let code = error.entry().map_or("invalid_field", |entry| entry.code());
    // Moved out, not cloned from `error.path()`: a clone copies every name
    // (7,000 instructions more for a body of ten problems).
    let path = match error {
        RequestError::UnexpectedField { path, .. }
        | RequestError::MissingField { path }
        | RequestError::InvalidField { path, .. } => path,
        _ => FieldPath::new(),
    };
    FieldError::new(code, message).at(path)
}

/// The search for a body's problems: what the probes have learned, and found.
struct Search<'t, 'de> {
    tree: &'t Tree<'de>,
    /// A probe: `T::deserialize` over the body as the cursor shows it.
    run: &'t dyn Fn(&Cursor, &Learned) -> Result<(), probe::Error>,
    learned: Learned,
    cursor: Cursor,
    /// The first `keep` problems in body order, with where each is.
    found: Vec<(u32, RequestError)>,
    /// How many problems there are.
    count: usize,
    keep: usize,
    /// The fields of each struct an unknown field was found in.
    fields: HashMap<u32, FieldNames>,
    /// How many fields stand-ins were found to need.
    learned_fields: usize,
}

impl Search<'_, '_> {
    /// Learns from a probe's error; whether to probe again.
    fn take(&mut self, error: probe::Error) -> bool {
        match &error.what {
            What::Stop { node, read } => self.go_past(*node, *read),
            // Once `MAX_LEARNED` fields are learned, the stand-in is refused.
            What::Learn { .. } => {
                self.learn(&error.what) || error.stood_in.is_some_and(|node| self.refused(node))
            }
            What::Accepted => false,
            _ => match error.stood_in {
                Some(node) => self.refused(node),
                None => self.problem(error),
            },
        }
    }

    /// Adds the field `what` says a stand-in needs to its shape; `false` if
    /// it says none, or once `MAX_LEARNED` fields are learned.
    fn learn(&mut self, what: &What) -> bool {
        match *what {
            What::Learn { at, field } if self.learned_fields < MAX_LEARNED => {
                self.learned_fields += 1;
                self.learned.shapes.entry(at).or_default().push(field);
                true
            }
            _ => false,
        }
    }

    /// Moves the cursor past `node`, a container on its path whose members
    /// have all been read: to the container's end if it is an object whose
    /// missing fields are to be found, else after it.
    fn go_past(&mut self, node: u32, read: Read) -> bool {
        let Some(depth) = self.cursor.depth_of(node) else {
            return false;
        };
        let at_end = read == Read::Struct && self.cursor.end_container() != Some(node);
        self.cursor.path.truncate(depth);
        self.cursor.at = if at_end { At::End } else { At::After };
        at_end || depth > 0
    }

    /// A hollow member or a stand-in was refused: its [`Mark`] moves on; or
    /// give up on the end it was shown for.
    fn refused(&mut self, node: u32) -> bool {
        if self.cursor.end_container() == Some(node) {
            return self.go_past(node, Read::Other);
        }
        let container = matches!(self.tree.node(node).kind, Kind::Object | Kind::Array);
        if let Some(mark) = self.learned.marks.get_mut(node as usize) {
            *mark = match mark {
                Mark::Hollow => Mark::Real,
                Mark::Bad if container => Mark::StandIn,
                _ => Mark::Left,
            };
        }
        true
    }

    /// A problem of the body: recorded, and the cursor moved past it.
    fn problem(&mut self, error: probe::Error) -> bool {
        let (what, mut steps) = error.into_parts();
        steps.reverse();
        let Some((&step, holders)) = steps.split_last().filter(|(last, _)| last.key) else {
            return self.at_level(&steps, what);
        };
        // A key an externally tagged enum refused names no variant: the
        // problem is the enum's own.
        if step.read == Read::Enum {
            return self.at_level(holders, what);
        }
        self.record(&steps, false, |search, path| match what {
            What::UnknownField { expected, .. } => RequestError::UnexpectedField {
                path,
                expected: search.fields_of(holders, expected, step.read == Read::Struct),
            },
            What::DuplicateField(_) => invalid_field(path, "it is given more than once".to_owned()),
            other => invalid_field(path, reason(other)),
        });
        self.mark(&steps, Mark::Left);
        self.move_to(&steps, At::After)
    }

    /// A problem raised by the value `steps` lead to itself.
    fn at_level(&mut self, steps: &[Step], what: What) -> bool {
        let node = node_at(steps);
        let end = self.cursor.end_container() == Some(node);
        match what {
            What::MissingField(field) if self.tree.node(node).kind == Kind::Object => {
                if end && self.already_known(node, field) {
                    return self.go_past(node, Read::Other);
                }
                self.record(steps, true, |_, path| RequestError::MissingField {
                    path: path.field(field),
                });
                self.learned.missing.entry(node).or_default().push(field);
                self.mark(steps, Mark::Bad);
                end || self.move_to(steps, At::End)
            }
            // Anything else an object or array shown hollow, or in part,
            // says of itself may be about what it was not shown.
            _ if self.cursor.depth_of(node).is_some() => self.go_past(node, Read::Other),
            // A problem with the body as a whole is all there is to say.
            what if node == ROOT && !matches!(what, What::UnknownField { .. }) => {
                let part = self.tree.part;
                let reason = format!("The request {part} is invalid: {}.", reason(what)).into();
                self.found = vec![(0, RequestError::InvalidRequest { reason })];
                self.count = 1;
                false
            }
            what => {
                self.record(steps, false, |_, path| match what {
                    // From a value serde buffered: the key is not a member's.
                    What::UnknownField { field, expected } => RequestError::UnexpectedField {
                        path: path.field(field),
                        expected: FieldNames::listed(expected),
                    },
                    what => invalid_field(path, reason(what)),
                });
                self.mark(steps, Mark::Bad);
                !steps.is_empty() && self.move_to(steps, At::After)
            }
        }
    }

    /// Whether `field`, which the type says `object` lacks, is known: the key
    /// of a member left out of the hollow object (or, were the type to decide
    /// otherwise than before, one found missing already). The type stops at
    /// it, and says no more of that object.
    fn already_known(&self, object: u32, field: &'static str) -> bool {
        let missing = self.learned.missing.get(&object);
        missing.is_some_and(|missing| missing.contains(&field))
            || self.tree.children(object).any(|member| {
                self.learned.marks.get(member as usize) == Some(&Mark::Left)
                    && self.tree.key(member) == field
            })
    }

    /// Moves the cursor to `at` the value `steps` lead to; whether there
    /// is anything left to read.
    fn move_to(&mut self, steps: &[Step], at: At) -> bool {
        self.cursor.path.clear();
        self.cursor.path.extend(steps.iter().map(|step| step.node));
        self.cursor.at = at;
        // A tuple is read whole: the cursor goes on after the outermost
        // one on its path.
        if let Some(inside) = steps.iter().position(|step| step.read == Read::Tuple) {
            self.cursor.path.truncate(inside);
            self.cursor.at = At::After;
            return inside > 0;
        }
        // After a struct's last member comes its end.
        if let Some((last, holders)) = steps.split_last()
            && at == At::After
            && last.read == Read::Struct
            && self.tree.node(last.node).next == self.tree.node(node_at(holders)).next
        {
            self.cursor.path.pop();
            self.cursor.at = At::End;
        }
        true
    }

    /// Marks the member `steps` end at, and everything holding it.
    fn mark(&mut self, steps: &[Step], mark: Mark) {
        for (i, step) in steps.iter().enumerate() {
            let is_last = i + 1 == steps.len();
            if let Some(slot) = self.learned.marks.get_mut(step.node as usize)
                && (*slot == Mark::Hollow || (is_last && mark == Mark::Left))
            {
                *slot = if is_last { mark } else { Mark::Bad };
            }
        }
    }

    /// Counts a problem, and keeps it if it is among the first `keep` in
    /// body order: a missing field at its object's end, anything else at
    /// its member's start (its key's, in an object).
    fn record(
        &mut self,
        steps: &[Step],
        at_end: bool,
        error: impl FnOnce(&mut Self, FieldPath) -> RequestError,
    ) {
        self.count += 1;
        let at = match steps.split_last() {
            _ if at_end => self.tree.node(node_at(steps)).end.saturating_sub(1),
            None => 0,
            Some((last, holders)) => {
                let in_object = self.tree.node(node_at(holders)).kind == Kind::Object;
                let start = last.node.saturating_sub(u32::from(in_object));
                self.tree.node(start).start
            }
        };
        if self.found.len() == self.keep && self.found.last().is_some_and(|(last, _)| *last <= at) {
            return;
        }
        let path = self.path(steps);
        let error = error(self, path);
        let index = self.found.partition_point(|(other, _)| *other <= at);
        self.found.insert(index, (at, error));
        self.found.truncate(self.keep);
    }

    /// The path `steps` take from the body.
    fn path(&self, steps: &[Step]) -> FieldPath {
        let mut path = FieldPath::new();
        let holders = std::iter::once(ROOT).chain(steps.iter().map(|step| step.node));
        for (holder, step) in holders.zip(steps) {
            if self.tree.node(holder).kind == Kind::Array {
                path.push_index(self.tree.node(step.node).index as usize);
            } else {
                path.push_field(clip_name(&self.tree.key(step.node)));
            }
        }
        path
    }

    /// The fields of the struct `steps` lead to, by their main names,
    /// required and optional; `fields` as they are where the struct does
    /// not let that be learned.
    fn fields_of(
        &mut self,
        steps: &[Step],
        fields: &'static [&'static str],
        learnable: bool,
    ) -> FieldNames {
        let node = node_at(steps);
        if let Some(known) = self.fields.get(&node) {
            return known.clone();
        }
        let names = learnable.then(|| self.classify(steps, fields)).flatten();
        let names = names.unwrap_or_else(|| FieldNames::listed(fields));
        self.fields.entry(node).or_insert(names).clone()
    }

    /// Shows the struct `steps` lead to as a stand-in of its own type with
    /// only the fields it requires, learned one by one; then with each other
    /// name of `fields` twice, for serde's `duplicate_field` to name the
    /// field that name belongs to by its main name.
    fn classify(&mut self, steps: &[Step], fields: &'static [&'static str]) -> Option<FieldNames> {
        let mut cursor = Cursor {
            path: steps.iter().map(|step| step.node).collect(),
            at: At::Shape(Shape::Required),
        };
        if self.shape_probe(&cursor) != Some(What::Accepted) {
            return None;
        }
        let required = self.learned.shapes.get(&(node_at(steps), 0));
        let required = required.cloned().unwrap_or_default();
        let mut optional = Vec::with_capacity(fields.len());
        for &name in fields.iter().filter(|name| !required.contains(name)) {
            cursor.at = At::Shape(Shape::Twice(name));
            let Some(What::DuplicateField(main)) = self.shape_probe(&cursor) else {
                return None;
            };
            if !required.contains(&main) && !optional.contains(&main) {
                optional.push(main);
            }
        }
        Some(FieldNames::classified(required, optional))
    }

    /// Runs a shape probe, learning the stand-ins it needs on the way: what
    /// it says then, `None` if it raises nothing.
    fn shape_probe(&mut self, cursor: &Cursor) -> Option<What> {
        loop {
            let error = (self.run)(cursor, &self.learned).err()?;
            if !self.learn(&error.what) {
                return Some(error.into_parts().0);
            }
        }
    }
}

/// The value `steps` lead to from the body: the body itself, for none.
fn node_at(steps: &[Step]) -> u32 {
    steps.last().map_or(ROOT, |step| step.node)
}

/// The most fields stand-ins may be found to need, in all: a bound on the
/// probes that learn them.
const MAX_LEARNED: usize = 1024;

/// The most fields a body's objects may be found to lack, in all, beyond
/// what the tree's size allows for.
const MAX_MISSING: usize = 4096;

/// An `invalid_field` at `path`, saying `reason`.
fn invalid_field(path: FieldPath, reason: String) -> RequestError {
    RequestError::InvalidField { path, reason }
}

/// What a problem of a value is, as an `invalid_field` says it.
fn reason(what: What) -> String {
    match what {
        What::Mismatch { expected, found } => ["expected ", &expected, ", found ", &found].concat(),
        What::OutOfRange(number) => format!("{number} is out of range"),
        What::Custom(message) => message,
        What::MissingField(field) => format!("{field} is missing"),
        What::DuplicateField(field) => format!("{field} is given more than once"),
        What::UnknownField { field, .. } => format!("{field} is not a valid field name"),
        What::Stop { .. } | What::Learn { .. } | What::Accepted => "it is invalid".to_owned(),
    }
}
