//! Message placeholders: `{field}`, `{0}`, `{field:?}`, `{0:>8}`.
//!
//! Each placeholder is checked against the variant's fields, and the
//! message split into its static pieces and the placeholders between them:
//! `"The user {id} already exists."` is `"The user "`, `{id}`,
//! `" already exists."`. A placeholder names a local bound to its field
//! (`{id}` → `__field_id`); one with a format spec becomes a format string
//! of its own (`{0:>8}` → `"{__field0:>8}"`). The locals and those strings
//! have the message's span, so rustc's own errors about a field's
//! formatting point at the message.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::{Ident, LitStr};

use crate::ast::Field;
use crate::ctxt::Ctxt;
use crate::keys::closest;

/// What the placeholders of a message may refer to.
pub(crate) enum Placeholders<'a, 'f> {
    /// The fields of a variant, or of a struct.
    Fields {
        owner: &'a Ident,
        fields: &'a [Field<'f>],
    },
    /// Nothing: a message on an enum is shared by every variant.
    SharedByVariants,
}

/// A message checked against the fields it formats.
pub(crate) struct Template {
    /// Each local to bind, with the index of the field it binds.
    pub(crate) bindings: Vec<(Ident, usize)>,
    /// The formatting traits each field must implement.
    pub(crate) bounds: Vec<(usize, Trait)>,
    /// The text itself (`{{` unescaped) when there are no placeholders;
    /// otherwise the template as written.
    pub(crate) text: String,
    /// The static pieces (`{{` unescaped), one more than `placeholders`:
    /// the text before each placeholder, then the text after the last.
    pub(crate) pieces: Vec<String>,
    /// The placeholders, in order.
    pub(crate) placeholders: Vec<Placeholder>,
    /// The message's span.
    pub(crate) span: Span,
}

/// One placeholder of a message.
pub(crate) enum Placeholder {
    /// `{field}`: the local bound to the field, shown with `Display`.
    Display(Ident),
    /// A placeholder with a format spec, as a format string naming the
    /// locals (`"{__field_id:?}"`), with the field it formats and the spec
    /// read.
    Spec(String, usize, Spec),
}

/// A format spec, read: `[[fill]align][sign]['#']['0'][width]['.' precision][type]`.
#[derive(Clone, Default)]
pub(crate) struct Spec {
    pub(crate) fill: Option<char>,
    pub(crate) align: Option<char>,
    pub(crate) plus: bool,
    pub(crate) alternate: bool,
    pub(crate) zero: bool,
    pub(crate) width: Option<Count>,
    pub(crate) precision: Option<Count>,
    /// The formatting trait's letters: empty for `Display`, `?`, `x`, ….
    pub(crate) kind: String,
}

/// A width or a precision: a number, or the field `name$` names.
#[derive(Clone, Copy)]
pub(crate) enum Count {
    Fixed(usize),
    Field(usize),
}

impl Template {
    /// Whether the message formats fields at all.
    pub(crate) fn is_static(&self) -> bool {
        self.bindings.is_empty()
    }

    /// The field each placeholder shows, in order: what a translation of
    /// the message may name, and where `fmt_field` finds it.
    pub(crate) fn placeholder_fields(&self) -> Vec<Option<usize>> {
        let field_of = |local: &Ident| {
            let binding = self.bindings.iter().find(|(name, _)| name == local);
            binding.map(|(_, field)| *field)
        };
        let fields = self
            .placeholders
            .iter()
            .map(|placeholder| match placeholder {
                Placeholder::Display(local) => field_of(local),
                Placeholder::Spec(_, field, _) => Some(*field),
            });
        fields.collect()
    }

    /// Checks `lit`'s placeholders, recording each mistake in `cx`.
    pub(crate) fn parse(cx: &Ctxt, lit: &LitStr, placeholders: &Placeholders) -> Option<Template> {
        let value = lit.value();
        let mut parser = Parser {
            placeholders,
            span: lit.span(),
            bindings: Vec::new(),
            bounds: Vec::new(),
            pieces: Vec::new(),
            piece: String::new(),
            found: Vec::new(),
            errors: Vec::new(),
        };
        let mut text = String::with_capacity(value.len());
        let mut chars = value.chars().peekable();
        while let Some(ch) = chars.next() {
            match ch {
                '{' if chars.next_if_eq(&'{').is_some() => {
                    text.push('{');
                    parser.piece.push('{');
                }
                '}' if chars.next_if_eq(&'}').is_some() => {
                    text.push('}');
                    parser.piece.push('}');
                }
                '{' => {
                    let mut inner = String::new();
                    let mut closed = false;
                    for ch in chars.by_ref() {
                        if ch == '}' {
                            closed = true;
                            break;
                        }
                        inner.push(ch);
                    }
                    if !closed {
                        parser.errors.push(
                            "unmatched `{` in message; write `{{` for a literal brace".to_owned(),
                        );
                        break;
                    }
                    parser.placeholder(&inner);
                }
                '}' => {
                    parser.errors.push(
                        "unmatched `}` in message; write `}}` for a literal brace".to_owned(),
                    );
                }
                _ => {
                    text.push(ch);
                    parser.piece.push(ch);
                }
            }
        }
        if !parser.errors.is_empty() {
            for error in parser.errors {
                cx.error_spanned_by(lit, error);
            }
            return None;
        }
        let text = if parser.bindings.is_empty() {
            text
        } else {
            value
        };
        let mut pieces = parser.pieces;
        pieces.push(parser.piece);
        Some(Template {
            bindings: parser.bindings,
            bounds: parser.bounds,
            text,
            pieces,
            placeholders: parser.found,
            span: lit.span(),
        })
    }
}

/// The arguments of a format string's placeholders, as written, without
/// checking them (for thiserror's `#[error]`, which thiserror checks): `0` for
/// `{0}`, `name` for `{name:?}`, nothing for `{}`.
pub(crate) fn placeholder_arguments(text: &str) -> Vec<&str> {
    let mut arguments = Vec::new();
    let mut rest = text;
    while let Some((_, after)) = rest.split_once('{') {
        if let Some(escaped) = after.strip_prefix('{') {
            rest = escaped;
            continue;
        }
        let (inside, tail) = after.split_once('}').unwrap_or((after, ""));
        let argument = inside
            .split_once(':')
            .map_or(inside, |(argument, _)| argument);
        arguments.push(argument.trim());
        rest = tail;
    }
    arguments
}

/// A formatting trait a placeholder needs.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Trait {
    Display,
    Debug,
    LowerHex,
    UpperHex,
    Octal,
    Binary,
    LowerExp,
    UpperExp,
    Pointer,
}

impl Trait {
    pub(crate) fn path(self) -> TokenStream {
        match self {
            Trait::Display => quote!(::core::fmt::Display),
            Trait::Debug => quote!(::core::fmt::Debug),
            Trait::LowerHex => quote!(::core::fmt::LowerHex),
            Trait::UpperHex => quote!(::core::fmt::UpperHex),
            Trait::Octal => quote!(::core::fmt::Octal),
            Trait::Binary => quote!(::core::fmt::Binary),
            Trait::LowerExp => quote!(::core::fmt::LowerExp),
            Trait::UpperExp => quote!(::core::fmt::UpperExp),
            Trait::Pointer => quote!(::core::fmt::Pointer),
        }
    }
}

struct Parser<'p, 'a, 'f> {
    placeholders: &'p Placeholders<'a, 'f>,
    /// The literal's span, given to the locals so that the rewritten
    /// literal's implicit captures find them.
    span: Span,
    bindings: Vec<(Ident, usize)>,
    bounds: Vec<(usize, Trait)>,
    /// The pieces before the one being read.
    pieces: Vec<String>,
    /// The piece being read.
    piece: String,
    /// The placeholders read so far.
    found: Vec<Placeholder>,
    errors: Vec<String>,
}

impl Parser<'_, '_, '_> {
    /// Reads the inside of one placeholder, `arg` or `arg:spec`.
    fn placeholder(&mut self, inner: &str) {
        let (arg, spec) = match inner.split_once(':') {
            Some((arg, spec)) => (arg, Some(spec)),
            None => (inner, None),
        };
        let Some(local) = self.field(arg, inner) else {
            return;
        };
        let placeholder = match spec {
            None => {
                self.bound(&local, Trait::Display);
                Placeholder::Display(local)
            }
            Some(spec) => {
                let Some((spec, bound, read)) = self.spec(spec, inner) else {
                    return;
                };
                self.bound(&local, bound);
                let field = self.field_of(&local);
                Placeholder::Spec(format!("{{{local}:{spec}}}"), field, read)
            }
        };
        self.pieces.push(std::mem::take(&mut self.piece));
        self.found.push(placeholder);
    }

    /// The index of the field `local` is bound to.
    fn field_of(&self, local: &Ident) -> usize {
        let binding = self.bindings.iter().find(|(name, _)| name == local);
        binding.map_or(0, |(_, field)| *field)
    }

    fn bound(&mut self, local: &Ident, bound: Trait) {
        if let Some(&(_, field)) = self.bindings.iter().find(|(name, _)| name == local)
            && !self.bounds.contains(&(field, bound))
        {
            self.bounds.push((field, bound));
        }
    }

    /// Checks a format spec against Rust's grammar and rewrites its `name$`
    /// and `0$` parameters:
    /// `[[fill]align][sign]['#']['0'][width]['.' precision][type]`.
    ///
    /// Checking here keeps rustc from reporting a spec error at an offset
    /// into the rewritten literal, which no longer matches the source.
    fn spec(&mut self, spec: &str, inner: &str) -> Option<(String, Trait, Spec)> {
        let chars: Vec<char> = spec.chars().collect();
        let mut rest = chars.as_slice();
        let mut out = String::with_capacity(spec.len());
        let mut read = Spec::default();
        let is_align = |ch: &char| matches!(ch, '<' | '^' | '>');
        match rest {
            [fill, align, tail @ ..] if is_align(align) => {
                out.extend([*fill, *align]);
                (read.fill, read.align) = (Some(*fill), Some(*align));
                rest = tail;
            }
            [align, tail @ ..] if is_align(align) => {
                out.push(*align);
                read.align = Some(*align);
                rest = tail;
            }
            _ => {}
        }
        for flag in ['+', '-', '#'] {
            if let [first, tail @ ..] = rest
                && *first == flag
                && (flag != '-' || !out.contains('+'))
            {
                out.push(flag);
                read.plus |= flag == '+';
                read.alternate |= flag == '#';
                rest = tail;
            }
        }
        // `0` is the zero-padding flag unless it is the parameter `0$`.
        if let ['0', tail @ ..] = rest
            && tail.first() != Some(&'$')
        {
            out.push('0');
            read.zero = true;
            rest = tail;
        }
        (rest, read.width) = self.count(rest, &mut out, inner)?;
        if let ['.', tail @ ..] = rest {
            out.push('.');
            rest = tail;
            if let ['*', ..] = rest {
                self.errors.push(format!(
                    "`{{{inner}}}`: `.*` takes the precision from an argument, and a message has none; name a field instead: `.field$`"
                ));
                return None;
            }
            let before = rest.len();
            (rest, read.precision) = self.count(rest, &mut out, inner)?;
            if rest.len() == before {
                self.errors
                    .push(format!("`{{{inner}}}`: expected a precision after `.`"));
                return None;
            }
        }
        let kind: String = rest.iter().collect();
        let bound = match kind.as_str() {
            "" => Trait::Display,
            "?" | "x?" | "X?" => Trait::Debug,
            "x" => Trait::LowerHex,
            "X" => Trait::UpperHex,
            "o" => Trait::Octal,
            "b" => Trait::Binary,
            "e" => Trait::LowerExp,
            "E" => Trait::UpperExp,
            "p" => Trait::Pointer,
            _ => {
                self.errors.push(format!(
                    "`{{{inner}}}`: unknown format trait `{kind}`; write nothing for Display, `?` for Debug, or one of `x`, `X`, `o`, `b`, `e`, `E`, `p`"
                ));
                return None;
            }
        };
        out.push_str(&kind);
        read.kind = kind;
        Some((out, bound, read))
    }

    /// Reads an optional width or precision (`8`, `field$`, `0$`) from the
    /// start of `rest`, rewriting a parameter to its local.
    fn count<'c>(
        &mut self,
        rest: &'c [char],
        out: &mut String,
        inner: &str,
    ) -> Option<(&'c [char], Option<Count>)> {
        let digits = rest.iter().take_while(|ch| ch.is_ascii_digit()).count();
        let len = if digits > 0 {
            digits
        } else {
            rest.iter()
                .take_while(|ch| ch.is_alphanumeric() || **ch == '_')
                .count()
        };
        let (word, tail) = rest.split_at(len);
        let word: String = word.iter().collect();
        match tail {
            ['$', tail @ ..] if len > 0 => {
                let local = self.field(&word, inner)?;
                out.push_str(&local.to_string());
                out.push('$');
                Some((tail, Some(Count::Field(self.field_of(&local)))))
            }
            _ if digits > 0 => {
                out.push_str(&word);
                Some((tail, word.parse().ok().map(Count::Fixed)))
            }
            // Not a count: a format trait, for the caller to check.
            _ => Some((rest, None)),
        }
    }

    /// The local bound to the field `arg` names, or `None` after recording
    /// why it names none.
    fn field(&mut self, arg: &str, inner: &str) -> Option<Ident> {
        let arg_name = arg.strip_prefix("r#").unwrap_or(arg);
        let Placeholders::Fields { owner, fields } = self.placeholders else {
            self.errors.push(format!(
                "a message on the enum is shared by every variant, so it cannot use placeholders like `{{{inner}}}`; move it to the variants"
            ));
            return None;
        };
        let is_index = !arg_name.is_empty() && arg_name.chars().all(|ch| ch.is_ascii_digit());
        let is_name = arg_name
            .chars()
            .next()
            .is_some_and(|ch| ch.is_alphabetic() || ch == '_')
            && arg_name.chars().all(|ch| ch.is_alphanumeric() || ch == '_');
        let tuple = fields
            .first()
            .is_some_and(|field| field.original.ident.is_none());
        let error = if arg.is_empty() {
            format!(
                "`{{{inner}}}` needs a field to format: write `{{field}}` or `{{0}}` inside the braces"
            )
        } else if !is_index && !is_name {
            format!("invalid placeholder `{{{inner}}}`; write `{{field}}` or `{{0}}`")
        } else if fields.is_empty() {
            format!("`{{{inner}}}` refers to a field, but `{owner}` has no fields")
        } else if is_index && !tuple {
            format!(
                "`{{{inner}}}`: `{owner}` has named fields; refer to them by name, e.g. `{{{}}}`",
                fields.first().map(Field::name).unwrap_or_default()
            )
        } else if is_name && tuple {
            format!(
                "`{{{inner}}}`: the fields of `{owner}` have no names; refer to them by position, e.g. `{{0}}`"
            )
        } else if let Some(index) = fields.iter().position(|field| field.name() == arg_name) {
            // `__field_` keeps field locals apart from the generated code's own.
            let local = if is_index {
                format_ident!("__field{}", arg_name, span = self.span)
            } else {
                format_ident!("__field_{}", arg_name, span = self.span)
            };
            if !self.bindings.iter().any(|(name, _)| *name == local) {
                self.bindings.push((local.clone(), index));
            }
            return Some(local);
        } else if is_index {
            let count = fields.len();
            let plural = if count == 1 { "field" } else { "fields" };
            format!(
                "`{{{inner}}}` is out of range: `{owner}` has {count} {plural}, numbered from 0"
            )
        } else {
            let names: Vec<String> = fields.iter().map(Field::name).collect();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            match closest(arg_name, &refs) {
                Some(near) => {
                    format!("`{owner}` has no field `{arg_name}`; did you mean `{near}`?")
                }
                None => format!(
                    "`{owner}` has no field `{arg_name}`; its fields are `{}`",
                    refs.join("`, `")
                ),
            }
        };
        self.errors.push(error);
        None
    }
}
