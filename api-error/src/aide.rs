//! OpenAPI responses for aide (feature `aide`).
//!
//! Every derived error implements aide's `OperationOutput`: a handler that
//! returns `Result<T, UserError>` documents, next to `T`'s response, one
//! response per status `UserError` can produce, each with the body schema
//! of the format the errors render with (its extension members included), a
//! named example per code with the body the wire has, and the headers the
//! errors send: the same responses as with the `utoipa` feature, built once
//! by [`api_error::openapi`](crate::openapi).
//!
//! With the `axum` feature too, `api_error::axum`'s [`Json`](crate::axum::Json),
//! [`Path`](crate::axum::Path) and [`Query`](crate::axum::Query) implement
//! aide's `OperationInput` for a `T: schemars::JsonSchema`: the request
//! body or the parameters, and the [`RequestError`](crate::RequestError)
//! responses each can answer with before the handler runs, unless the
//! handler's error type documents that status already; and `Json`, as a
//! handler's output, `OperationOutput`: a `200` with `T`'s schema. The
//! validating extractors, `api_error::validator::Valid` and
//! `api_error::garde::Valid` (features `validator`, `garde`), document the
//! body as `Json` does, and a 422 `validation_failed` besides.
//!
//! An operation that answers with fewer errors than its type has takes
//! them from a type [`subset!`](crate::subset) declares, in one line:
//! `put_with(put_user, api_error::aide::errors::<PutUserErrors>)`.
//!
//! ```
//! use aide::openapi::{OpenApi, Operation};
//! use aide::OperationOutput;
//! use api_error::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! enum OrderError {
//!     /// Too many orders at once.
//!     #[api(status = 429, message = "Too many orders; retry in {retry_after} seconds.")]
//!     TooManyOrders {
//!         #[api(retry_after, example = 30)]
//!         retry_after: u64,
//!     },
//!     #[api(status = 404)]
//!     NotFound,
//! }
//!
//! let responses = aide::generate::in_context(|ctx| {
//!     OrderError::inferred_responses(ctx, &mut Operation::default())
//! });
//! let statuses: Vec<Option<u16>> = responses.iter().map(|(status, _)| *status).collect();
//! assert_eq!(statuses, [Some(404), Some(429)]);
//! let slow = serde_json::to_value(&responses[1].1).unwrap();
//! assert_eq!(slow["headers"]["Retry-After"]["example"], 30);
//! assert_eq!(
//!     slow["content"]["application/problem+json"]["examples"]["too_many_orders"]["value"]["detail"],
//!     "Too many orders; retry in 30 seconds."
//! );
//! ```

use aide::openapi::{Operation, ReferenceOr, Response, StatusCode};
use aide::transform::TransformOperation;

use crate::catalog::Catalog;
use crate::openapi::Subset;

/// The responses of every entry of `catalog`, one per status, as aide's
/// `OperationOutput::inferred_responses` returns them; what the derived
/// impls call.
pub fn responses(catalog: &Catalog) -> Vec<(Option<u16>, Response)> {
    crate::openapi::responses(catalog)
        .into_iter()
        .filter_map(|(status, response)| {
            let status = status.parse::<u16>().ok()?;
            // The JSON is an OpenAPI Response Object, which aide reads.
            let response = serde_json::from_value::<Response>(response).ok()?;
            Some((Some(status), response))
        })
        .collect()
}

/// Makes `S`'s errors the operation's error responses: every response of
/// a client or server error status documented so far (from the handler's
/// error type, its extractors' rejections) gives way to those of the
/// variants `S` names. A transform for aide's `*_with` routing functions,
/// one line per operation:
/// `put_with(put_user, api_error::aide::errors::<PutUserErrors>)`.
///
/// ```
/// use aide::OperationOutput;
/// use aide::openapi::{Operation, ReferenceOr, StatusCode};
/// use aide::transform::TransformOperation;
/// use api_error::ApiError;
///
/// #[derive(Debug, ApiError)]
/// enum UserError {
///     #[api(status = 403)]
///     Banned,
///     #[api(status = 409)]
///     AlreadyExists,
/// }
///
/// api_error::subset!(PutUserErrors = UserError { AlreadyExists });
///
/// // What aide's routing documents for a handler returning
/// // `Result<_, UserError>`:
/// let mut operation = Operation::default();
/// let inferred = aide::generate::in_context(|ctx| {
///     UserError::inferred_responses(ctx, &mut operation.clone())
/// });
/// let responses = operation.responses.get_or_insert_with(Default::default);
/// for (status, response) in inferred {
///     let status = StatusCode::Code(status.unwrap());
///     responses.responses.insert(status, ReferenceOr::Item(response));
/// }
///
/// api_error::aide::errors::<PutUserErrors>(TransformOperation::new(&mut operation));
/// let statuses: Vec<String> = operation.responses.unwrap().responses.keys().map(|status| status.to_string()).collect();
/// assert_eq!(statuses, ["409"]);
/// ```
pub fn errors<S: Subset>(mut operation: TransformOperation<'_>) -> TransformOperation<'_> {
    replace_errors(operation.inner_mut(), &S::catalog());
    operation
}

/// Replaces the error responses of `operation` with those of `catalog`.
fn replace_errors(operation: &mut Operation, catalog: &Catalog) {
    let responses = operation.responses.get_or_insert_with(Default::default);
    responses
        .responses
        .retain(|status, _| matches!(status, StatusCode::Code(code) if *code < 400));
    for (status, response) in self::responses(catalog) {
        if let Some(status) = status {
            responses
                .responses
                .insert(StatusCode::Code(status), ReferenceOr::Item(response));
        }
    }
}

/// aide's `OperationInput` for the axum extractors, the validating ones
/// (`validator::Valid`, `garde::Valid`) among them.
#[cfg(feature = "axum")]
mod extractors {
    use aide::generate::GenContext;
    use aide::openapi::{MediaType, Operation, RequestBody, Response, SchemaObject, StatusCode};
    use aide::operation::{ParamLocation, add_parameters, parameters_from_schema, set_body};
    use aide::{OperationInput, OperationOutput};
    use schemars::JsonSchema;

    use crate::ApiError;
    use crate::RequestError;
    use crate::axum::{Json, Path, Query};

    /// `T`'s schema in `application/json`, and its description.
    fn json_content<T: JsonSchema>(ctx: &mut GenContext) -> (MediaType, Option<String>) {
        let json_schema = ctx.schema.subschema_for::<T>();
        let description = ctx
            .resolve_schema(&json_schema)
            .get("description")
            .and_then(|description| description.as_str())
            .map(str::to_owned);
        let content = MediaType {
            schema: Some(SchemaObject {
                json_schema,
                example: None,
                external_docs: None,
            }),
            ..MediaType::default()
        };
        (content, description)
    }

    /// The body as `T`'s schema describes it, in `application/json`.
    fn json_body<T: JsonSchema>(ctx: &mut GenContext, operation: &mut Operation) {
        let (content, description) = json_content::<T>(ctx);
        let body = RequestBody {
            description,
            content: [("application/json".to_owned(), content)]
                .into_iter()
                .collect(),
            required: true,
            extensions: Default::default(),
        };
        set_body(ctx, operation, body);
    }

    /// The JSON body extractors: the body as `T`'s schema describes it, in
    /// `application/json`, and what it can be refused with: 400, 413 and
    /// 415, and for the validating ones 422 `validation_failed`.
    macro_rules! bodies {
        ($($(#[$cfg:meta])* $extractor:ty: $statuses:expr,)*) => {$(
            $(#[$cfg])*
            impl<T: JsonSchema> OperationInput for $extractor {
                fn operation_input(ctx: &mut GenContext, operation: &mut Operation) {
                    json_body::<T>(ctx, operation);
                }

                fn inferred_early_responses(
                    _ctx: &mut GenContext,
                    operation: &mut Operation,
                ) -> Vec<(Option<u16>, Response)> {
                    request_errors(operation, $statuses)
                }
            }
        )*};
    }

    bodies! {
        Json<T>: &[400, 413, 415],
        #[cfg(feature = "validator")]
        crate::validator::Valid<T>: &[400, 413, 415, 422],
        #[cfg(feature = "garde")]
        crate::garde::Valid<T>: &[400, 413, 415, 422],
    }

    /// A `200` with `T` as `application/json`.
    impl<T: JsonSchema> OperationOutput for Json<T> {
        type Inner = T;

        fn operation_response(ctx: &mut GenContext, _: &mut Operation) -> Option<Response> {
            let (content, description) = json_content::<T>(ctx);
            Some(Response {
                description: description.unwrap_or_default(),
                content: [("application/json".to_owned(), content)]
                    .into_iter()
                    .collect(),
                ..Response::default()
            })
        }

        fn inferred_responses(
            ctx: &mut GenContext,
            operation: &mut Operation,
        ) -> Vec<(Option<u16>, Response)> {
            let response = Self::operation_response(ctx, operation);
            response
                .map(|response| (Some(200), response))
                .into_iter()
                .collect()
        }
    }

    /// The path and the query parameters, from `T`'s schema, and what
    /// they can be refused with: 400.
    macro_rules! parameters {
        ($($extractor:ident: $location:ident),*) => {$(
            impl<T: JsonSchema> OperationInput for $extractor<T> {
                fn operation_input(ctx: &mut GenContext, operation: &mut Operation) {
                    let schema = ctx.schema.subschema_for::<T>();
                    let parameters = parameters_from_schema(ctx, schema, ParamLocation::$location);
                    add_parameters(ctx, operation, parameters);
                }

                fn inferred_early_responses(
                    _ctx: &mut GenContext,
                    operation: &mut Operation,
                ) -> Vec<(Option<u16>, Response)> {
                    request_errors(operation, &[400])
                }
            }
        )*};
    }

    parameters!(Path: Path, Query: Query);

    /// The responses of `RequestError`'s errors of `statuses` that
    /// `operation` does not document yet: where the handler's error type
    /// holds `RequestError` (or has errors of its own of that status), its
    /// response stands.
    fn request_errors(operation: &Operation, statuses: &[u16]) -> Vec<(Option<u16>, Response)> {
        let documented = |status: u16| {
            operation.responses.as_ref().is_some_and(|responses| {
                responses.responses.contains_key(&StatusCode::Code(status))
            })
        };
        let mut catalog = RequestError::catalog();
        catalog.retain(|item| {
            let status = item.entry().status().as_u16();
            statuses.contains(&status) && !documented(status)
        });
        super::responses(&catalog)
    }
}
