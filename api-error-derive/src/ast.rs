//! A borrowed mirror of the input that keeps each original syntax node, so
//! that any later error can point at what the user wrote, with each
//! variant's effective values resolved once: its status, code, title, type
//! URI, challenge, message source and what its fields contribute, the
//! type's defaults applied. `check` and `expand` read these.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::ext::IdentExt;
use syn::{Data, DeriveInput, Fields, Generics, Ident, LitStr, Member, Path, Type};

use crate::attr::{self, Attrs, FieldAttrs, Given, Position, ThiserrorDisplay, Value};
use crate::case::RenameAll;
use crate::ctxt::Ctxt;
use crate::example::{Example, Kind};
use crate::fmt::{Placeholders, Template};
use crate::generics::ParamsInScope;
use crate::keys::{self, Contributes, Scope};

pub(crate) struct Input<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) generics: &'a Generics,
    pub(crate) is_struct: bool,
    /// The type's keys: `rename_all`, `format`, `crate`, `skip_display`,
    /// and on an enum the defaults of every variant.
    pub(crate) attrs: Attrs,
    pub(crate) variants: Vec<Variant<'a>>,
    /// Whether the derive writes `Display`, `Error` and `From`: neither
    /// thiserror nor the type itself (`skip_display`) is in charge of them.
    pub(crate) writes_std_impls: bool,
    /// The runtime crate: `::api_error`, or the path `crate = "..."` gives.
    pub(crate) runtime: TokenStream,
    pub(crate) format: Option<Path>,
}

pub(crate) struct Variant<'a> {
    pub(crate) ident: &'a Ident,
    /// The variant's own keys.
    pub(crate) attrs: Attrs,
    pub(crate) fields: Vec<Field<'a>>,
    pub(crate) transparent: Option<Ident>,
    /// Its own status, else the type's default.
    pub(crate) status: Option<Given>,
    /// `None` when the `code` written was invalid (and reported).
    pub(crate) code: Option<Code>,
    pub(crate) title: Option<String>,
    /// Its own `type`, else the type's prefix followed by its code.
    pub(crate) type_uri: Option<String>,
    /// Its own `www_authenticate`, else the type's.
    pub(crate) challenge: Option<Given>,
    /// Its own `grpc` code's name, else the type's.
    pub(crate) grpc: Option<String>,
    /// The type's `domain`.
    pub(crate) domain: Option<String>,
    pub(crate) message: Message,
    pub(crate) contributions: Vec<Contribution>,
}

pub(crate) struct Field<'a> {
    pub(crate) original: &'a syn::Field,
    pub(crate) member: Member,
    pub(crate) ty: &'a Type,
    pub(crate) attrs: FieldAttrs<'a>,
    /// Whether the type mentions a type parameter, and so needs bounds.
    pub(crate) contains_generic: bool,
    /// What its type says about the JSON it becomes.
    pub(crate) kind: Kind,
    /// Whether it is an `Option`.
    pub(crate) optional: bool,
}

/// A variant's code.
pub(crate) struct Code {
    pub(crate) text: String,
    /// The `code` written, if the code is not the default one.
    pub(crate) written: Option<LitStr>,
}

/// Where a variant's public message comes from.
pub(crate) enum Message {
    /// Its own `message`, which formats fields.
    Formatted(Template),
    /// A fixed text: its own `message`, or the type's.
    Fixed(String),
    /// thiserror's `Display`, shown when it is a client error; the
    /// `#[error]` on the variant or the type, if there is one.
    Display(Option<ThiserrorDisplay>),
    /// The status's reason phrase.
    Reason,
}

/// What one field contributes, from one of its keys.
pub(crate) struct Contribution {
    /// The index of the field.
    pub(crate) field: usize,
    pub(crate) kind: Contributes,
    /// The method answered, the header (lowercase) or the member's name.
    pub(crate) name: String,
    /// The name as documents show it: a header as RFC 9110 spells it, or
    /// as the `header` key writes it.
    pub(crate) shown: String,
    /// What an error about it points at: the name as written, or the key.
    pub(crate) span: TokenStream,
}

impl<'a> Input<'a> {
    /// Mirrors `input`, recording every problem in `cx`; `None` for a union.
    pub(crate) fn from_syn(cx: &Ctxt, input: &'a DeriveInput) -> Option<Self> {
        let scope = ParamsInScope::new(&input.generics);
        let (attrs, raw_variants, is_struct) = match &input.data {
            Data::Enum(data) => {
                let attrs = attr::get(cx, &input.attrs, Position::Enum);
                let variants = data.variants.iter().map(|variant| {
                    let attrs = attr::get(cx, &variant.attrs, Position::Variant);
                    (&variant.ident, attrs, &variant.fields)
                });
                (attrs, variants.collect::<Vec<_>>(), false)
            }
            Data::Struct(data) => {
                let mut own = attr::get(cx, &input.attrs, Position::Struct);
                let attrs = Attrs {
                    keys: own.keys.take_scope(Scope::Type),
                    ..Attrs::default()
                };
                (attrs, vec![(&input.ident, own, &data.fields)], true)
            }
            Data::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "`ApiError` cannot be derived for a union; use an enum or a struct",
                );
                return None;
            }
        };
        // thiserror's derive is in charge of `Display`, `Error` and `From`
        // when its `#[error(...)]` attributes are there.
        let uses_thiserror = attrs.thiserror.is_some()
            || raw_variants
                .iter()
                .any(|(_, attrs, _)| attrs.thiserror.is_some());
        let defaults = Defaults::new(cx, &attrs, uses_thiserror);
        let variants = raw_variants
            .into_iter()
            .map(|(ident, attrs, fields)| {
                let fields = mirror_fields(cx, fields, &scope);
                Variant::resolve(cx, &defaults, ident, attrs, fields)
            })
            .collect();
        let runtime = match attrs.keys.get("crate").and_then(Given::path) {
            Some(path) => path.to_token_stream(),
            None => quote!(::api_error),
        };
        let format = attrs.keys.get("format").and_then(Given::path).cloned();
        Some(Input {
            ident: &input.ident,
            generics: &input.generics,
            is_struct,
            writes_std_impls: !uses_thiserror && attrs.keys.get("skip_display").is_none(),
            attrs,
            variants,
            runtime,
            format,
        })
    }

    /// The type's name without `r#`.
    pub(crate) fn name(&self) -> String {
        self.ident.unraw().to_string()
    }
}

/// What the type gives every variant.
struct Defaults<'t> {
    attrs: &'t Attrs,
    case: RenameAll,
    /// The type's `message`, which has no placeholders.
    message: Option<String>,
    uses_thiserror: bool,
}

impl<'t> Defaults<'t> {
    fn new(cx: &Ctxt, attrs: &'t Attrs, uses_thiserror: bool) -> Self {
        let message = attrs.keys.text("message").and_then(|message| {
            // Placeholders would have to name a field of every variant.
            Template::parse(cx, message, &Placeholders::SharedByVariants)
        });
        Defaults {
            attrs,
            case: attrs
                .keys
                .get("rename_all")
                .and_then(Given::case)
                .unwrap_or(RenameAll::Snake),
            message: message.map(|template| template.text),
            uses_thiserror,
        }
    }
}

fn mirror_fields<'a>(cx: &Ctxt, fields: &'a Fields, scope: &ParamsInScope) -> Vec<Field<'a>> {
    let mut mirrored = Vec::with_capacity(fields.len());
    for (i, field) in fields.iter().enumerate() {
        let (kind, optional) = Kind::of(&field.ty);
        mirrored.push(Field {
            kind,
            optional,
            original: field,
            member: match &field.ident {
                Some(ident) => Member::Named(ident.clone()),
                None => Member::Unnamed(syn::Index {
                    index: u32::try_from(i).unwrap_or(u32::MAX),
                    span: Span::call_site(),
                }),
            },
            ty: &field.ty,
            attrs: attr::get_field(cx, &field.attrs),
            contains_generic: scope.intersects(&field.ty),
        });
    }
    mirrored
}

impl<'a> Variant<'a> {
    fn resolve(
        cx: &Ctxt,
        defaults: &Defaults,
        ident: &'a Ident,
        attrs: Attrs,
        fields: Vec<Field<'a>>,
    ) -> Self {
        let own = &attrs.keys;
        let inherited = &defaults.attrs.keys;
        let status = own.get("status").or_else(|| inherited.get("status"));
        let code = match own.get("code").and_then(Given::text) {
            Some(lit) => Some(Code {
                text: lit.value(),
                written: Some(lit.clone()),
            }),
            None if own.written("code") => None,
            None => Some(Code {
                text: defaults.case.apply(&ident.unraw().to_string()),
                written: None,
            }),
        };
        let type_uri = match (own.text("type"), inherited.text("type"), &code) {
            (Some(own), _, _) => Some(own.value()),
            (None, Some(prefix), Some(code)) => Some(prefix.value() + &code.text),
            _ => None,
        };
        let message = match own.text("message") {
            Some(lit) => {
                let placeholders = Placeholders::Fields {
                    owner: ident,
                    fields: &fields,
                };
                match Template::parse(cx, lit, &placeholders) {
                    Some(template) if template.is_static() => Message::Fixed(template.text),
                    Some(template) => Message::Formatted(template),
                    // The mistake was reported; the reason phrase stands in.
                    None => Message::Reason,
                }
            }
            None => match (&defaults.message, defaults.uses_thiserror) {
                (Some(text), _) => Message::Fixed(text.clone()),
                (None, true) => Message::Display(
                    attrs
                        .thiserror
                        .clone()
                        .or_else(|| defaults.attrs.thiserror.clone()),
                ),
                (None, false) => Message::Reason,
            },
        };
        let transparent = own.get("transparent").map(|given| given.ident.clone());
        // A transparent variant's field keys are reported as such.
        let contributions = match transparent {
            Some(_) => Vec::new(),
            None => fields
                .iter()
                .enumerate()
                .flat_map(|(index, field)| contributions(cx, index, field))
                .collect(),
        };
        Variant {
            ident,
            transparent,
            status: status.cloned(),
            code,
            title: own.text("title").map(LitStr::value),
            type_uri,
            challenge: own
                .get("www_authenticate")
                .or_else(|| inherited.get("www_authenticate"))
                .cloned(),
            grpc: own
                .text("grpc")
                .or_else(|| inherited.text("grpc"))
                .map(LitStr::value),
            domain: own
                .text("domain")
                .or_else(|| inherited.text("domain"))
                .map(LitStr::value),
            message,
            contributions,
            fields,
            attrs,
        }
    }

    /// The variant's name without `r#`.
    pub(crate) fn name(&self) -> String {
        self.ident.unraw().to_string()
    }

    /// The status code, where the derive can read it: a literal, or a
    /// `StatusCode` constant.
    pub(crate) fn known_status(&self) -> Option<u16> {
        self.status.as_ref()?.status()?.code()
    }

    /// The field marked `#[from]`.
    pub(crate) fn field_with_from(&self) -> Option<&Field<'a>> {
        self.fields.iter().find(|field| field.attrs.from.is_some())
    }

    /// The field `Error::source` returns: `#[source]`, else `#[from]`, else
    /// one named `source`, as in thiserror.
    pub(crate) fn source_field(&self) -> Option<&Field<'a>> {
        self.fields
            .iter()
            .find(|field| field.attrs.source.is_some())
            .or_else(|| self.field_with_from())
            .or_else(|| {
                self.fields
                    .iter()
                    .find(|field| matches!(&field.member, Member::Named(name) if name == "source"))
            })
    }

    /// The example value of field `index`: its `example`, or a sample of
    /// its type (for `Retry-After` a number of seconds, for `Allow` a
    /// method).
    pub(crate) fn example(&self, index: usize) -> Example {
        let Some(field) = self.fields.get(index) else {
            return Example::Str("string".to_owned());
        };
        if let Some(lit) = field.attrs.keys.get("example").and_then(Given::example) {
            return Example::from_lit(&lit.value);
        }
        let header = self.contributions.iter().find(|contribution| {
            contribution.field == index && matches!(contribution.kind, Contributes::Header { .. })
        });
        match header.map(|contribution| contribution.name.as_str()) {
            Some("retry-after") => Example::Num("0".to_owned()),
            Some("allow") => Example::Str("GET".to_owned()),
            _ => Example::sample(&field.kind),
        }
    }
}

/// What `field`'s keys contribute, as the table of keys says.
fn contributions(cx: &Ctxt, index: usize, field: &Field) -> Vec<Contribution> {
    let mut out = Vec::new();
    for given in &field.attrs.keys.given {
        let Some(kind) = given.key.contributes else {
            continue;
        };
        let written = given.text();
        let name = match (kind, written) {
            (Contributes::Answer { method, .. }, _) => method.to_owned(),
            (
                Contributes::Header {
                    name: Some(name), ..
                },
                _,
            ) => name.to_owned(),
            (Contributes::Header { .. }, Some(lit)) => lit.value().to_ascii_lowercase(),
            (_, Some(lit)) => lit.value(),
            (Contributes::Member, None) => match &field.member {
                Member::Named(ident) => ident.unraw().to_string(),
                Member::Unnamed(_) => {
                    cx.error_spanned_by(
                        &given.ident,
                        "a tuple field has no name to give its member; name it: `#[api(extension = \"balance\")]`",
                    );
                    continue;
                }
            },
            // The reader requires the value of a header without a name.
            (Contributes::Header { name: None, .. }, None) => continue,
        };
        let span = match (&given.value, written) {
            (Value::Str(_), Some(lit)) => lit.to_token_stream(),
            _ => given.ident.to_token_stream(),
        };
        let shown = match (kind, written) {
            (Contributes::Header { .. }, written) => keys::registered_header(&name)
                .map(str::to_owned)
                .or_else(|| written.map(LitStr::value))
                .unwrap_or_else(|| name.clone()),
            _ => name.clone(),
        };
        out.push(Contribution {
            field: index,
            kind,
            name,
            shown,
            span,
        });
    }
    out
}

impl Contribution {
    /// Whether it answers the `ApiError` method `name`.
    pub(crate) fn answers(&self, name: &str) -> bool {
        matches!(self.kind, Contributes::Answer { method, .. } if method == name)
    }
}

impl Field<'_> {
    /// The name placeholders use: `id` for `id` and `r#id`, `0` for the
    /// first tuple field.
    pub(crate) fn name(&self) -> String {
        match &self.member {
            Member::Named(ident) => ident.unraw().to_string(),
            Member::Unnamed(index) => index.index.to_string(),
        }
    }
}
