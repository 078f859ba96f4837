//! What the derive's macro call expands to: the impls of the features
//! enabled in this crate, framework traits and the client's `FromRemote`.
//! The derive knows nothing of features; a feature that is off expands to
//! nothing.
//!
//! Each macro takes `[impl generics] [type with its generics] [where
//! clause]`, then `from_remote(remote) [where clause] { body }`: the body
//! of the type's `FromRemote::from_remote`, which only the client's macro
//! reads. A body in braces is one token tree, so the macros that skip it
//! pay nothing for its size.
//!
//! The OpenAPI libraries' macros take another form too, `@catalog [impl
//! generics] [type] [where clause] { expression }`, which `subset!` uses
//! for the types it declares: the impl documents the catalog the
//! expression gives. A derived type goes through the same arm, with its
//! own catalog.

/// The impls of every enabled integration.
#[doc(hidden)]
#[macro_export]
macro_rules! __api_error_integrations {
    ($($input:tt)*) => {
        $crate::__api_error_axum! { $($input)* }
        $crate::__api_error_actix! { $($input)* }
        $crate::__api_error_utoipa! { $($input)* }
        $crate::__api_error_aide! { $($input)* }
        $crate::__api_error_client! { $($input)* }
        $crate::__api_error_tonic! { $($input)* }
    };
}

/// `From` the type for `tonic::Status`, with the rich error details.
#[cfg(feature = "tonic")]
#[doc(hidden)]
#[macro_export]
macro_rules! __api_error_tonic {
    ([$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*] $($from_remote:tt)*) => {
        #[automatically_derived]
        impl $($generics)* ::core::convert::From<$($ty)*> for $crate::__private::tonic::Status $($where)* {
            fn from(err: $($ty)*) -> Self {
                $crate::tonic::status(&err)
            }
        }
    };
}

#[cfg(not(feature = "tonic"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __api_error_tonic {
    ($($input:tt)*) => {};
}

/// The impls of every enabled OpenAPI integration for a type `subset!`
/// declares.
#[doc(hidden)]
#[macro_export]
macro_rules! __api_error_subset_integrations {
    ($ty:ident) => {
        $crate::__api_error_utoipa! {
            @catalog [] [$ty] [] { <$ty as $crate::openapi::Subset>::catalog() }
        }
        $crate::__api_error_aide! {
            @catalog [] [$ty] [] { <$ty as $crate::openapi::Subset>::catalog() }
        }
    };
}

/// axum's `IntoResponse`, rendering in the type's or the application's
/// format.
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __api_error_axum {
    ([$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*] $($from_remote:tt)*) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::axum::response::IntoResponse for $($ty)* $($where)* {
            fn into_response(self) -> $crate::__private::axum::response::Response {
                $crate::axum::into_response(&self)
            }
        }
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __api_error_axum {
    ($($input:tt)*) => {};
}

/// actix-web's `ResponseError`, rendering in the type's or the application's
/// format.
#[cfg(feature = "actix-web")]
#[doc(hidden)]
#[macro_export]
macro_rules! __api_error_actix {
    ([$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*] $($from_remote:tt)*) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::actix_web::ResponseError for $($ty)* $($where)* {
            fn status_code(&self) -> $crate::__private::actix_web::http::StatusCode {
                $crate::actix::status_code(self)
            }
            fn error_response(&self) -> $crate::__private::actix_web::HttpResponse {
                $crate::actix::error_response(self)
            }
        }
    };
}

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __api_error_actix {
    ($($input:tt)*) => {};
}

/// utoipa's `IntoResponses`: one response per status, an example per code.
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __api_error_utoipa {
    (@catalog [$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*] { $catalog:expr }) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::utoipa::IntoResponses for $($ty)* $($where)* {
            fn responses() -> $crate::__private::utoipa::Responses {
                $crate::utoipa::responses(&$catalog)
            }
        }
    };
    ([$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*] $($from_remote:tt)*) => {
        $crate::__api_error_utoipa! {
            @catalog [$($generics)*] [$($ty)*] [$($where)*] {
                <Self as $crate::ApiError>::catalog()
            }
        }
    };
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __api_error_utoipa {
    ($($input:tt)*) => {};
}

/// aide's `OperationOutput`: one inferred response per status, an example
/// per code.
#[cfg(feature = "aide")]
#[doc(hidden)]
#[macro_export]
macro_rules! __api_error_aide {
    (@catalog [$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*] { $catalog:expr }) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::aide::OperationOutput for $($ty)* $($where)* {
            type Inner = Self;

            fn inferred_responses(
                _: &mut $crate::__private::aide::GenContext,
                _: &mut $crate::__private::aide::Operation,
            ) -> $crate::__private::Vec<(
                ::core::option::Option<u16>,
                $crate::__private::aide::Response,
            )> {
                $crate::aide::responses(&$catalog)
            }
        }
    };
    ([$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*] $($from_remote:tt)*) => {
        $crate::__api_error_aide! {
            @catalog [$($generics)*] [$($ty)*] [$($where)*] {
                <Self as $crate::ApiError>::catalog()
            }
        }
    };
}

#[cfg(not(feature = "aide"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __api_error_aide {
    ($($input:tt)*) => {};
}

/// The client's `FromRemote`, rebuilding a value from a decoded error.
#[cfg(feature = "client")]
#[doc(hidden)]
#[macro_export]
macro_rules! __api_error_client {
    (
        [$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*]
        from_remote($remote:ident) [$($remote_where:tt)*] { $($body:tt)* }
    ) => {
        #[automatically_derived]
        #[allow(deprecated)]
        impl $($generics)* $crate::__private::FromRemote for $($ty)* $($remote_where)* {
            fn from_remote(
                $remote: &$crate::__private::RemoteError,
            ) -> ::core::option::Option<Self> {
                $($body)*
            }
        }
    };
}

#[cfg(not(feature = "client"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __api_error_client {
    ($($input:tt)*) => {};
}
