//! What the axum layer and the actix-web middleware share: the parts of the
//! request context switched on where it is installed, and each request's
//! context, built from its headers.

use std::sync::Arc;

use http::HeaderValue;
use http::header::ACCEPT_LANGUAGE;

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
    /// accepted). `accept` gives the request's `Accept` as one value, in
    /// `http`'s type, and is only asked for while negotiation is on.
    pub(crate) fn begin(
        &self,
        headers: &impl RequestHeaders,
        accept: impl FnOnce() -> Option<HeaderValue>,
    ) -> (Context, bool) {
        let first = |name| headers.header_values(name).next();
        let mut context = self
            .ids
            .context(first(self.ids.header_name()), first(&TRACEPARENT));
        let mut refused = false;
        if self.negotiation.is_enabled() {
            let accept = accept();
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
