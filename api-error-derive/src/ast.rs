//! A borrowed mirror of the input that keeps each original syntax node, so
//! that any later error can point at what the user wrote.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::{Data, DeriveInput, Fields, Generics, Ident, Member, Type};

use crate::attr::{self, Attrs, FieldAttrs, Position};
use crate::case::RenameAll;
use crate::ctxt::Ctxt;
use crate::fmt::{Placeholders, Template};
use crate::generics::ParamsInScope;

pub(crate) struct Input<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) generics: &'a Generics,
    /// Type-level keys: defaults for every variant, `rename_all`, `format`.
    /// For a struct, only `rename_all` and `format`; the rest of its
    /// attribute describes its single [`Variant`].
    pub(crate) attrs: Attrs,
    /// An enum's default message, checked to have no placeholders.
    pub(crate) template: Option<Template>,
    pub(crate) variants: Vec<Variant<'a>>,
    pub(crate) is_struct: bool,
}

pub(crate) struct Variant<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) attrs: Attrs,
    pub(crate) fields: Vec<Field<'a>>,
    /// The message template with its placeholders resolved, when the
    /// variant's own `message` key is valid.
    pub(crate) template: Option<Template>,
}

pub(crate) struct Field<'a> {
    pub(crate) original: &'a syn::Field,
    pub(crate) member: Member,
    pub(crate) ty: &'a Type,
    pub(crate) attrs: FieldAttrs<'a>,
    /// Whether the type mentions a type parameter, and so needs bounds.
    pub(crate) contains_generic: bool,
}

impl<'a> Input<'a> {
    /// Mirrors `input`, recording every problem in `cx`; `None` for a union.
    pub(crate) fn from_syn(cx: &Ctxt, input: &'a DeriveInput) -> Option<Self> {
        let scope = ParamsInScope::new(&input.generics);
        match &input.data {
            Data::Enum(data) => {
                let attrs = attr::get(cx, &input.attrs, Position::Enum);
                let template = attrs.message.as_ref().and_then(|message| {
                    // Placeholders would have to name a field of every variant.
                    Template::parse(cx, &message.value, &Placeholders::SharedByVariants)
                });
                let variants = data
                    .variants
                    .iter()
                    .map(|variant| {
                        let attrs = attr::get(cx, &variant.attrs, Position::Variant);
                        Variant::new(cx, &variant.ident, attrs, &variant.fields, &scope)
                    })
                    .collect();
                Some(Input {
                    ident: &input.ident,
                    generics: &input.generics,
                    attrs,
                    template,
                    variants,
                    is_struct: false,
                })
            }
            Data::Struct(data) => {
                let mut own = attr::get(cx, &input.attrs, Position::Struct);
                let attrs = Attrs {
                    rename_all: own.rename_all.take(),
                    format: own.format.take(),
                    skip_display: own.skip_display.take(),
                    crate_path: own.crate_path.take(),
                    ..Attrs::default()
                };
                let variant = Variant::new(cx, &input.ident, own, &data.fields, &scope);
                Some(Input {
                    ident: &input.ident,
                    generics: &input.generics,
                    attrs,
                    template: None,
                    variants: vec![variant],
                    is_struct: true,
                })
            }
            Data::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "`ApiError` cannot be derived for a union; use an enum or a struct",
                );
                None
            }
        }
    }

    /// Whether the derive writes `Display`, `Error` and `From`: neither
    /// thiserror nor the type itself (`skip_display`) is in charge of them.
    pub(crate) fn writes_std_impls(&self) -> bool {
        !self.uses_thiserror() && self.attrs.skip_display.is_none()
    }

    /// Whether thiserror's derive is in charge of `Display`, `Error` and
    /// `From`, as shown by its `#[error(...)]` attributes.
    pub(crate) fn uses_thiserror(&self) -> bool {
        self.attrs.thiserror.is_some()
            || self
                .variants
                .iter()
                .any(|variant| variant.attrs.thiserror.is_some())
    }

    /// The type's name without `r#`.
    pub(crate) fn name(&self) -> String {
        self.ident.unraw().to_string()
    }

    /// The variant's code: its `code` key, or its name in the `rename_all`
    /// case.
    pub(crate) fn code(&self, variant: &Variant) -> String {
        match &variant.attrs.code {
            Some(code) => code.value.value(),
            None => {
                let case = self
                    .attrs
                    .rename_all
                    .as_ref()
                    .map_or(RenameAll::Snake, |case| case.value);
                case.apply(&variant.name())
            }
        }
    }
}

impl<'a> Variant<'a> {
    fn new(
        cx: &Ctxt,
        ident: &'a Ident,
        attrs: Attrs,
        fields: &'a Fields,
        scope: &ParamsInScope,
    ) -> Self {
        let fields: Vec<Field> = fields
            .iter()
            .enumerate()
            .map(|(i, field)| Field {
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
            })
            .collect();
        let template = attrs.message.as_ref().and_then(|message| {
            let placeholders = Placeholders::Fields {
                owner: ident,
                fields: &fields,
            };
            Template::parse(cx, &message.value, &placeholders)
        });
        Variant {
            ident,
            attrs,
            fields,
            template,
        }
    }

    /// The variant's name without `r#`.
    pub(crate) fn name(&self) -> String {
        self.ident.unraw().to_string()
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
