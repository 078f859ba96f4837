//! What the axum layer and the actix-web middleware share: the parts of the
//! request context switched on where it is installed, and each request's
//! context, built from its headers.

use std::sync::Arc;

use http::HeaderValue;
use http::header::{ACCEPT, ACCEPT_LANGUAGE};

use super::RequestHeaders;
use crate::context::{Context, Negotiation, RequestIds, TRACEPARENT, accepts_any_json};
use crate::translations::Translations;

/// The parts of a request context, each on or off where it is installed.
#[derive(Clone, Debug, Default)]
pub(crate) struct ContextParts {
    pub(crate) ids: RequestIds,
    pub(crate) negotiation: Negotiation,
    pub(crate) translations: Option<Arc<Translations>>,
}

impl ContextParts {
    /// The context of a request with `headers`, and whether the request is
    /// refused before its handler (a refusing context, and no JSON
    /// accepted). `first_accept` gives the request's first `Accept` value in
    /// `http`'s type, for the usual request that sends one; it is only asked
    /// for while negotiation is on.
    pub(crate) fn begin(
        &self,
        headers: &impl RequestHeaders,
        first_accept: impl FnOnce() -> Option<HeaderValue>,
    ) -> (Context, bool) {
        let first = |name| headers.header_values(name).next();
        let mut context = self
            .ids
            .context(first(self.ids.header_name()), first(&TRACEPARENT));
        let mut refused = false;
        if self.negotiation.is_enabled() {
            let accept = one_accept(headers, first_accept);
            let values = accept.as_ref().map(HeaderValue::as_bytes);
            refused = self.negotiation.refuses_unacceptable() && !accepts_any_json(values);
            context = context.with_accept(accept);
        }
        if let Some(translations) = &self.translations {
            let locale = translations.choose(headers.header_values(&ACCEPT_LANGUAGE));
            context = context.with_translations(translations.clone(), locale);
        }
        (context, refused)
    }

    /// Whether every response says `Vary: Accept`: a refusing context's
    /// answers all depended on it.
    pub(crate) fn varies_on_accept(&self) -> bool {
        self.negotiation.refuses_unacceptable()
    }
}

/// The one `Accept` value of a request with `headers`: `None` without any,
/// the first (`first`) when it is the only one, and all of them joined with
/// `, ` for more, as RFC 9110 §5.3 combines them: at most one allocation.
fn one_accept(
    headers: &impl RequestHeaders,
    first: impl FnOnce() -> Option<HeaderValue>,
) -> Option<HeaderValue> {
    let mut values = headers.header_values(&ACCEPT);
    values.next()?;
    if values.next().is_none() {
        return first();
    }
    let mut joined = Vec::new();
    for value in headers.header_values(&ACCEPT) {
        if !joined.is_empty() {
            joined.extend_from_slice(b", ");
        }
        joined.extend_from_slice(value);
    }
    HeaderValue::from_maybe_shared(bytes::Bytes::from(joined)).ok()
}
