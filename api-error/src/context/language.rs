//! Localized messages: the language a request's error bodies are written
//! in, chosen from its `Accept-Language` among the application's
//! [`Translations`], and what a response says of it.

use std::sync::Arc;

use http::HeaderValue;

use super::{Context, with};
use crate::ApiError;
use crate::translations::{Locale, Translations};

/// The translations a request's messages are written with, and the locale
/// its `Accept-Language` chose among them (`None`: their default
/// language).
#[derive(Clone, Debug)]
pub(crate) struct Language {
    pub(crate) translations: Arc<Translations>,
    pub(crate) locale: Option<Locale>,
}

/// Writes `err`'s message translated into the current request's locale
/// inside a JSON string at the end of `out`, if there is a translation:
/// `false`, and `out` untouched, outside a localizing context, in the
/// default language, or without one, for the caller to write the message
/// itself.
pub(crate) fn write_translated(err: &(impl ApiError + ?Sized), out: &mut Vec<u8>) -> bool {
    with(|context| {
        let Some(language) = context.and_then(|context| context.language.as_ref()) else {
            return false;
        };
        let Some(locale) = language.locale else {
            return false;
        };
        matches!(language.translations.write_json(locale, err, out), Ok(true))
    })
}

/// The `Content-Language` of a body for `err`, in a localizing context:
/// the language its message is written in, the chosen locale's where its
/// translation is written, else the default language's.
pub(crate) fn content_language(
    context: &Context,
    err: &(impl ApiError + ?Sized),
) -> Option<HeaderValue> {
    let language = context.language.as_ref()?;
    let translations = &language.translations;
    Some(translations.content_language(language.locale, err).clone())
}
