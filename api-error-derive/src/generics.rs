//! Trait bounds for generic types, added only for the fields that need them.
//!
//! `enum E<T> { #[api(message = "{0}")] A(T) }` gets `T: Display` on the
//! impls that format the message, and nothing on the others.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::{
    GenericArgument, GenericParam, Generics, Ident, Path, PathArguments, ReturnType, Type,
    TypeParamBound, WhereClause,
};

/// The type parameters of the input.
pub(crate) struct ParamsInScope<'a> {
    names: BTreeSet<&'a Ident>,
}

impl<'a> ParamsInScope<'a> {
    pub(crate) fn new(generics: &'a Generics) -> Self {
        ParamsInScope {
            names: generics.type_params().map(|param| &param.ident).collect(),
        }
    }

    /// Whether `ty` mentions one of the type parameters.
    pub(crate) fn intersects(&self, ty: &Type) -> bool {
        !self.names.is_empty() && self.mentions(ty)
    }

    fn mentions(&self, ty: &Type) -> bool {
        match ty {
            Type::Path(ty) => match &ty.qself {
                Some(qself) => self.mentions(&qself.ty) || self.arguments_mention(&ty.path),
                None => self.path_mentions(&ty.path),
            },
            Type::Reference(ty) => self.mentions(&ty.elem),
            Type::Ptr(ty) => self.mentions(&ty.elem),
            Type::Slice(ty) => self.mentions(&ty.elem),
            Type::Array(ty) => self.mentions(&ty.elem),
            Type::Paren(ty) => self.mentions(&ty.elem),
            Type::Group(ty) => self.mentions(&ty.elem),
            Type::Tuple(ty) => ty.elems.iter().any(|ty| self.mentions(ty)),
            Type::TraitObject(ty) => ty.bounds.iter().any(|bound| self.bound_mentions(bound)),
            Type::ImplTrait(ty) => ty.bounds.iter().any(|bound| self.bound_mentions(bound)),
            // A macro's expansion cannot be seen here; assume it may.
            Type::Macro(_) | Type::Verbatim(_) => true,
            _ => false,
        }
    }

    /// Whether a path such as `T`, `T::Item` or `Vec<T>` mentions a parameter.
    fn path_mentions(&self, path: &Path) -> bool {
        let starts_with_param = path
            .segments
            .first()
            .is_some_and(|first| path.leading_colon.is_none() && self.names.contains(&first.ident));
        starts_with_param || self.arguments_mention(path)
    }

    fn arguments_mention(&self, path: &Path) -> bool {
        path.segments
            .iter()
            .any(|segment| match &segment.arguments {
                PathArguments::AngleBracketed(arguments) => {
                    arguments.args.iter().any(|arg| match arg {
                        GenericArgument::Type(ty) => self.mentions(ty),
                        GenericArgument::AssocType(assoc) => self.mentions(&assoc.ty),
                        _ => false,
                    })
                }
                PathArguments::Parenthesized(arguments) => {
                    arguments.inputs.iter().any(|arg| self.mentions(&arg.ty))
                        || matches!(&arguments.output, ReturnType::Type(_, ty) if self.mentions(ty))
                }
                PathArguments::None => false,
            })
    }

    fn bound_mentions(&self, bound: &TypeParamBound) -> bool {
        match bound {
            TypeParamBound::Trait(bound) => self.path_mentions(&bound.path),
            _ => false,
        }
    }
}

/// Bounds to add to an impl's `where` clause, each type listed once.
#[derive(Default)]
pub(crate) struct InferredBounds {
    bounds: Vec<(String, TokenStream, Vec<TokenStream>)>,
}

impl InferredBounds {
    /// Requires `ty: bound`.
    pub(crate) fn insert(&mut self, ty: impl ToTokens, bound: TokenStream) {
        let ty = ty.into_token_stream();
        let key = ty.to_string();
        let bound_key = bound.to_string();
        match self
            .bounds
            .iter_mut()
            .find(|(existing, _, _)| *existing == key)
        {
            Some((_, _, bounds)) => {
                if !bounds
                    .iter()
                    .any(|existing| existing.to_string() == bound_key)
                {
                    bounds.push(bound);
                }
            }
            None => self.bounds.push((key, ty, vec![bound])),
        }
    }

    /// `generics`' own `where` clause with these bounds added.
    pub(crate) fn where_clause(&self, generics: &Generics) -> Option<WhereClause> {
        let mut generics = generics.clone();
        if !self.bounds.is_empty() {
            let where_clause = generics.make_where_clause();
            for (_, ty, bounds) in &self.bounds {
                where_clause
                    .predicates
                    .push(syn::parse_quote!(#ty: #(#bounds)+*));
            }
        }
        generics.where_clause
    }
}

/// `generics` with the bounds written on the parameters moved to the `where`
/// clause, for the free functions the derive generates: there, a bound on
/// `T` added for a field next to the input's own `T: Bound` would be "a
/// bound defined in more than one place" to clippy, on the user's tokens.
pub(crate) fn bounds_in_where(generics: &Generics) -> Generics {
    let mut generics = generics.clone();
    let mut moved: Vec<syn::WherePredicate> = Vec::new();
    for param in &mut generics.params {
        match param {
            GenericParam::Type(param) if !param.bounds.is_empty() => {
                let (ident, bounds) = (&param.ident, &param.bounds);
                moved.push(syn::parse_quote!(#ident: #bounds));
                param.colon_token = None;
                param.bounds.clear();
            }
            GenericParam::Lifetime(param) if !param.bounds.is_empty() => {
                let (lifetime, bounds) = (&param.lifetime, &param.bounds);
                moved.push(syn::parse_quote!(#lifetime: #bounds));
                param.colon_token = None;
                param.bounds.clear();
            }
            _ => {}
        }
    }
    if !moved.is_empty() {
        generics.make_where_clause().predicates.extend(moved);
    }
    generics
}
