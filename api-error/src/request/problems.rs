//! Every problem of a body that is JSON text but not what the type takes,
//! found by probes (see [`probe`]).
//!
//! A run of `T::deserialize` stops at its first error. So the parser runs
//! it again and again over the same tree, each time from the root, each
//! time showing the body from just after the last problem found: each run's
//! first error is the next problem, in body order, and each value is read
//! in full once, whatever the number of problems. At the end of each struct
//! with a problem the struct is shown hollow, to find every field it lacks,
//! once for each (and once more for each member whose type refuses to be
//! shown hollow, and each field a stand-in is found to need); and for the
//! message of an unknown field, a few more probes learn which of the
//! object's fields are required.
//!
//! What is learned is kept by where it is in the body, never by type name:
//! two types called `Item` may differ.

use std::borrow::Cow;
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
        body: None,
    };
    // Each probe finds a problem, moves the cursor, shows a member more
    // plainly, or learns a stand-in's field. The first three are bounded by
    // the tree (a few per node) and by the type (a field missing once per
    // object), the last by `MAX_LEARNED`; the bound is theirs, and guards
    // against a `Deserialize` impl that does not decide alike twice.
    let mut probes = 8 * tree.nodes.len() + MAX_LEARNED + MAX_MISSING;
    while probes > 0 && !(first_only && search.count > 0) {
        probes -= 1;
        let going_on = match run(&search.cursor, &search.learned) {
            Ok(()) => false,
            Err(error) => search.take(error),
        };
        if !going_on {
            break;
        }
    }
    if search.body.is_some() {
        return search.body;
    }
    let mut found = search.found.into_iter().map(|(_, error)| error);
    match search.count {
        0 => None,
        1 => found.next(),
        count => Some(RequestError::InvalidFields {
            count,
            errors: found.take(keep).map(sub_error).collect(),
        }),
    }
}

/// The sub-error of `invalid_fields` a problem is: its code, message and
/// path.
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

/// One probe of the target type: `T::deserialize` as the cursor shows the
/// body, its value dropped.
type Run<'t> = dyn Fn(&Cursor, &Learned) -> Result<(), probe::Error> + 't;

struct Search<'t, 'de> {
    tree: &'t Tree<'de>,
    run: &'t Run<'t>,
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
    /// A problem with the body as a whole, which is all there is to say.
    body: Option<RequestError>,
}

impl Search<'_, '_> {
    /// Learns from a probe's error; whether to probe again.
    fn take(&mut self, error: probe::Error) -> bool {
        match &error.what {
            What::Stop { node, read } => self.go_past(*node, *read),
            What::Learn {
                anchor,
                path,
                field,
            } => match self.learn(*anchor, *path, field) {
                true => true,
                // Enough: the stand-in is refused.
                false => error.stood_in.is_some_and(|node| self.refused(node)),
            },
            What::Accepted => false,
            _ => match error.stood_in {
                Some(node) => self.refused(node),
                None => self.problem(error),
            },
        }
    }

    /// Adds `field` to the stand-in at `path` from `anchor`; `false` once
    /// `MAX_LEARNED` fields are learned.
    fn learn(&mut self, anchor: u32, path: u64, field: &'static str) -> bool {
        if self.learned_fields == MAX_LEARNED {
            return false;
        }
        self.learned_fields += 1;
        self.learned
            .shapes
            .entry((anchor, path))
            .or_default()
            .push(field);
        true
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

    /// A hollow member or a stand-in was refused: show it as it is (if it
    /// holds no problem), as a stand-in (if it was a hollow object or
    /// array), or leave it out; or give up on the end it was shown for.
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
        let Some((&step, holders)) = steps.split_last() else {
            return self.at_level(ROOT, &steps, what);
        };
        if !step.key {
            return self.at_level(step.node, &steps, what);
        }
        // A key an externally tagged enum refused names no variant: the
        // problem is the enum's own.
        if step.read == Read::Enum {
            let node = holders.last().map_or(ROOT, |holder| holder.node);
            return self.at_level(node, holders, what);
        }
        self.record(&steps, (None, false), |search, path| match what {
            What::UnknownField {
                expected: fields, ..
            } => RequestError::UnexpectedField {
                path,
                expected: search.fields_of(holders, fields, step.read == Read::Struct),
            },
            What::DuplicateField(_) => RequestError::InvalidField {
                path,
                reason: "it is given more than once".to_owned(),
            },
            other => RequestError::InvalidField {
                path,
                reason: reason(other),
            },
        });
        self.mark(&steps, Mark::Left);
        self.move_to(&steps, At::After)
    }

    /// A problem raised by the value `node` itself (the body, for `ROOT`),
    /// which `steps` lead to.
    fn at_level(&mut self, node: u32, steps: &[Step], what: What) -> bool {
        let end = self.cursor.end_container() == Some(node);
        match what {
            What::MissingField(field) if self.tree.node(node).kind == Kind::Object => {
                // The type stops at a field of a member left out of the
                // hollow object (or, were it to decide otherwise than
                // before, at one found missing already): it says no more
                // of that object.
                let known = self
                    .learned
                    .missing
                    .get(&node)
                    .is_some_and(|known| known.contains(&field));
                if end && (known || self.left_out(node, field)) {
                    return self.go_past(node, Read::Other);
                }
                self.record(steps, (Some(field.into()), true), |_, path| {
                    RequestError::MissingField { path }
                });
                self.learned.missing.entry(node).or_default().push(field);
                self.mark(steps, Mark::Bad);
                if end {
                    return true;
                }
                self.move_to(steps, At::End)
            }
            // Anything else an object or array shown hollow, or in part,
            // says of itself may be about what it was not shown.
            _ if self.cursor.depth_of(node).is_some() => self.go_past(node, Read::Other),
            // From a value serde buffered: the key is not a member's.
            What::UnknownField { field, expected } => {
                self.record(steps, (Some(field.into()), false), |_, path| {
                    RequestError::UnexpectedField {
                        path,
                        expected: FieldNames::listed(expected),
                    }
                });
                self.mark(steps, Mark::Bad);
                !steps.is_empty() && self.move_to(steps, At::After)
            }
            what if node == ROOT => {
                let reason = format!("The request body is invalid: {}.", reason(what));
                self.body = Some(RequestError::InvalidRequest {
                    reason: Cow::Owned(reason),
                });
                false
            }
            what => {
                let reason = reason(what);
                self.record(steps, (None, false), |_, path| RequestError::InvalidField {
                    path,
                    reason,
                });
                self.mark(steps, Mark::Bad);
                self.move_to(steps, At::After)
            }
        }
    }

    /// Whether `field` is the key of a member of `object` that is left out.
    fn left_out(&self, object: u32, field: &str) -> bool {
        self.tree.children(object).any(|member| {
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
        {
            let holder = holders.last().map_or(ROOT, |holder| holder.node);
            if self.tree.node(last.node).next == self.tree.node(holder).next {
                self.cursor.path.pop();
                self.cursor.at = At::End;
            }
        }
        true
    }

    /// Marks the member `steps` end at, and everything holding it.
    fn mark(&mut self, steps: &[Step], mark: Mark) {
        let marks = &mut self.learned.marks;
        for (i, step) in steps.iter().enumerate() {
            let is_last = i + 1 == steps.len();
            if let Some(slot) = marks.get_mut(step.node as usize)
                && (*slot == Mark::Hollow || (is_last && mark == Mark::Left))
            {
                *slot = if is_last { mark } else { Mark::Bad };
            }
        }
    }

    /// Counts a problem, and keeps it if it is among the first `keep` in
    /// body order: a missing field at its object's end, anything else at
    /// its member's start.
    fn record(
        &mut self,
        steps: &[Step],
        (field, at_end): (Option<Cow<'static, str>>, bool),
        error: impl FnOnce(&mut Self, FieldPath) -> RequestError,
    ) {
        self.count += 1;
        let at = match (steps.split_last(), at_end) {
            (None, true) => self.tree.node(ROOT).end.saturating_sub(1),
            (None, false) => 0,
            (Some((last, _)), true) => self.tree.node(last.node).end.saturating_sub(1),
            (Some((last, holders)), false) => {
                let holder = holders.last().map_or(ROOT, |holder| holder.node);
                let in_object = self.tree.node(holder).kind == Kind::Object;
                self.tree
                    .node(last.node.saturating_sub(u32::from(in_object)))
                    .start
            }
        };
        if self.found.len() == self.keep && self.found.last().is_some_and(|(last, _)| *last <= at) {
            return;
        }
        let mut path = self.path(steps);
        if let Some(field) = field {
            path.push_field(field);
        }
        let error = error(self, path);
        let index = self.found.partition_point(|(other, _)| *other <= at);
        self.found.insert(index, (at, error));
        self.found.truncate(self.keep);
    }

    /// The path `steps` take from the body.
    fn path(&self, steps: &[Step]) -> FieldPath {
        let mut path = FieldPath::new();
        let mut holder = ROOT;
        for step in steps {
            if self.tree.node(holder).kind == Kind::Array {
                path.push_index(self.tree.node(step.node).index as usize);
            } else {
                path.push_field(clip_name(&self.tree.key(step.node)));
            }
            holder = step.node;
        }
        path
    }

    /// The fields of the struct `to_struct` leads to, by their main names,
    /// required and optional; `fields` as they are where the struct does
    /// not let that be learned.
    fn fields_of(
        &mut self,
        to_struct: &[Step],
        fields: &'static [&'static str],
        learnable: bool,
    ) -> FieldNames {
        let node = to_struct.last().map_or(ROOT, |step| step.node);
        if let Some(known) = self.fields.get(&node) {
            return known.clone();
        }
        let path = to_struct.iter().map(|step| step.node).collect();
        let names = learnable
            .then(|| self.classify(path, fields))
            .flatten()
            .unwrap_or_else(|| FieldNames::listed(fields));
        self.fields.insert(node, names.clone());
        names
    }

    /// Shows the struct at the end of `path` as a stand-in of its own type
    /// with only the fields it requires, learned one by one; then with each
    /// name of `fields` twice, for serde's `duplicate_field` to name the
    /// field that name belongs to by its main name.
    fn classify(&mut self, path: Vec<u32>, fields: &'static [&'static str]) -> Option<FieldNames> {
        let anchor = path.last().copied().unwrap_or(ROOT);
        let mut cursor = Cursor {
            path,
            at: At::Shape(Shape::Required),
        };
        self.shape_probe(&cursor, |what| matches!(what, What::Accepted).then_some(""))?;
        let required = self
            .learned
            .shapes
            .get(&(anchor, 0))
            .cloned()
            .unwrap_or_default();
        let mut names = Vec::with_capacity(fields.len());
        for &name in fields {
            let main = if required.contains(&name) {
                name
            } else {
                cursor.at = At::Shape(Shape::Twice(name));
                self.shape_probe(&cursor, |what| match what {
                    What::DuplicateField(main) => Some(*main),
                    _ => None,
                })?
            };
            if !names.contains(&main) {
                names.push(main);
            }
        }
        let optional = names
            .into_iter()
            .filter(|name| !required.contains(name))
            .collect();
        Some(FieldNames::classified(required, optional))
    }

    /// Runs a shape probe until it gives what `answer` takes, learning the
    /// stand-ins it needs on the way; `None` if it gives anything else.
    fn shape_probe(
        &mut self,
        cursor: &Cursor,
        answer: impl Fn(&What) -> Option<&'static str>,
    ) -> Option<&'static str> {
        loop {
            let error = (self.run)(cursor, &self.learned).err()?;
            match &error.what {
                What::Learn {
                    anchor,
                    path,
                    field,
                } if self.learn(*anchor, *path, field) => {}
                what => return answer(what),
            }
        }
    }
}

/// The most fields stand-ins may be found to need, in all: a bound on the
/// probes that learn them.
const MAX_LEARNED: usize = 1024;

/// The most fields a body's objects may be found to lack, in all, beyond
/// what the tree's size allows for.
const MAX_MISSING: usize = 4096;

/// What a problem of a value is, as an `invalid_field` says it.
fn reason(what: What) -> String {
    match what {
        What::Mismatch { expected, found } => {
            let mut reason = String::with_capacity(expected.len() + found.len() + 16);
            for part in ["expected ", &expected, ", found ", &found] {
                reason.push_str(part);
            }
            reason
        }
        What::OutOfRange(number) => format!("{number} is out of range"),
        What::Custom(message) => message,
        What::MissingField(field) => format!("{field} is missing"),
        What::DuplicateField(field) => format!("{field} is given more than once"),
        What::UnknownField { field, .. } => format!("{field} is not a valid field name"),
        What::Stop { .. } | What::Learn { .. } | What::Accepted => "it is invalid".to_owned(),
    }
}
