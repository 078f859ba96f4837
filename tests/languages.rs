//! Messages in the request's language, inside a request context: the body
//! takes the chosen locale's translation where there is one, the response
//! says its `Content-Language` and `Vary: Accept-Language`, and outside a
//! context, or without translations, nothing changes. Over HTTP, the users
//! API's tests ask for French on both frameworks (`users_api.rs`).

use std::sync::Arc;

use api_error::context::{self, Context};
use api_error::format::{Flat, Format, Problem};
use api_error::translations::Translations;
use api_error::{ApiError, RequestError};

#[derive(Debug, ApiError)]
#[api(format = Flat)]
enum ShopError {
    #[api(status = 404, message = "No order {id} for {customer}.")]
    OrderNotFound { id: u64, customer: String },
    #[api(status = 409, message = "The cart is locked.")]
    Locked,
    #[api(status = 500)]
    Database(#[source] std::io::Error),
    #[api(transparent)]
    Request(#[from] RequestError),
}

fn translations() -> Translations {
    let french = [
        (
            "order_not_found",
            "Pas de commande {id} pour « {customer} ».",
        ),
        ("database", "Erreur de la base de données"),
        ("not_found", "La ressource demandée n'existe pas."),
    ];
    let french = french.map(|(code, template)| (code.to_owned(), template.to_owned()));
    Translations::new("en", ShopError::catalog())
        .and_then(|translations| translations.add("fr", french))
        .expect("the translations fit")
}

/// The context of a request whose `Accept-Language` is `languages`.
fn asking(languages: &str) -> Context {
    let translations = translations();
    let locale = translations.choose([languages.as_bytes()]);
    Context::new().with_translations(Arc::new(translations), locale)
}

fn not_found() -> ShopError {
    ShopError::OrderNotFound {
        id: 7,
        customer: "Ada \"the first\"".into(),
    }
}

#[test]
fn a_body_takes_the_chosen_locales_translation() {
    let body = context::sync_scope(asking("fr-CA"), || Flat::render(&not_found()));
    assert_eq!(
        String::from_utf8(body).unwrap(),
        r#"{"error":"order_not_found","message":"Pas de commande 7 pour « Ada \"the first\" »."}"#
    );
    // The default language, asked for or fallen back to: the message.
    for languages in ["en", "de", "", "fr;q=0"] {
        let body = context::sync_scope(asking(languages), || Flat::render(&not_found()));
        assert_eq!(body, Flat::render(&not_found()), "{languages}");
    }
}

#[test]
fn the_response_says_its_language_and_what_it_depended_on() {
    let response = context::sync_scope(asking("fr"), || Problem::response(&not_found()));
    let headers = response.headers();
    assert_eq!(headers["content-language"], "fr");
    assert_eq!(headers["vary"], "Accept-Language");
    // A code French leaves untranslated is in English, and says so.
    let response = context::sync_scope(asking("fr"), || Flat::response(&ShopError::Locked));
    assert_eq!(response.headers()["content-language"], "en");
    assert!(
        String::from_utf8_lossy(response.body()).contains("The cart is locked."),
        "{:?}",
        response.body()
    );
    assert_eq!(Context::new().language(), None);
    assert_eq!(asking("fr-CA").language(), Some("fr"));
    assert_eq!(asking("ja").language(), Some("en"));
}

#[test]
fn a_server_error_is_translated_only_explicitly_and_never_shows_its_cause() {
    let err = ShopError::Database(std::io::Error::other("connection refused"));
    let body = context::sync_scope(asking("fr"), || Flat::render(&err));
    let body = String::from_utf8(body).unwrap();
    assert_eq!(
        body,
        r#"{"error":"database","message":"Erreur de la base de données"}"#
    );
    assert!(!body.contains("refused"));
}

#[test]
fn a_transparent_variant_takes_its_inner_errors_translation() {
    let err = ShopError::Request(RequestError::NotFound);
    let body = context::sync_scope(asking("fr"), || Flat::render(&err));
    assert_eq!(
        String::from_utf8(body).unwrap(),
        r#"{"error":"not_found","message":"La ressource demandée n'existe pas."}"#
    );
}

#[test]
fn outside_a_localizing_context_nothing_changes() {
    let plain = Flat::response(&not_found());
    assert!(plain.headers().get("content-language").is_none());
    assert!(plain.headers().get("vary").is_none());
    let in_context = context::sync_scope(Context::new(), || Flat::response(&not_found()));
    assert_eq!(in_context.body(), plain.body());
    assert!(in_context.headers().get("content-language").is_none());
    // `message()` and `Display` stay in the default language everywhere.
    let message = context::sync_scope(asking("fr"), || not_found().message());
    assert_eq!(message, "No order 7 for Ada \"the first\".");
}

/// An error written by hand, with no entry: it answers `fmt_field` itself,
/// or not at all.
#[derive(Debug)]
struct Quota {
    limit: u32,
    fields_by_name: bool,
}

impl std::fmt::Display for Quota {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "over the quota of {}", self.limit)
    }
}

impl std::error::Error for Quota {}

impl ApiError for Quota {
    fn status(&self) -> api_error::http::StatusCode {
        api_error::http::StatusCode::TOO_MANY_REQUESTS
    }
    fn code(&self) -> &str {
        "over_quota"
    }
    fn fmt_message(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Over the quota of {} orders.", self.limit)
    }
    fn fmt_field(&self, name: &str, f: &mut std::fmt::Formatter<'_>) -> Option<std::fmt::Result> {
        (self.fields_by_name && name == "limit").then(|| write!(f, "{}", self.limit))
    }
}

#[derive(Debug, ApiError)]
enum Outer {
    #[api(transparent)]
    Quota(Quota),
}

fn with_quota() -> Translations {
    let mut catalog = Outer::catalog();
    catalog.merge(ShopError::catalog());
    let french = [("over_quota", "Plus de {limit} commandes.")];
    let french = french.map(|(code, template)| (code.to_owned(), template.to_owned()));
    // A code no entry has, so that no field can be checked: kept.
    Translations::new("en", catalog)
        .and_then(|translations| translations.add("fr", french))
        .expect("the translations load")
}

#[test]
fn a_transparent_variant_asks_its_inner_error_by_name() {
    let translations = with_quota();
    let locale = translations.choose([&b"fr"[..]]);
    let context = Context::new().with_translations(Arc::new(translations), locale);
    let err = Outer::Quota(Quota {
        limit: 3,
        fields_by_name: true,
    });
    let response = context::sync_scope(context, || Flat::response(&err));
    assert_eq!(
        String::from_utf8_lossy(response.body()),
        r#"{"error":"over_quota","message":"Plus de 3 commandes."}"#
    );
    assert_eq!(response.headers()["content-language"], "fr");
}

#[test]
fn a_translation_whose_field_does_not_show_is_english_and_says_so() {
    let translations = with_quota();
    let locale = translations.choose([&b"fr"[..]]);
    let context = Context::new().with_translations(Arc::new(translations), locale);
    let err = Outer::Quota(Quota {
        limit: 3,
        fields_by_name: false,
    });
    let response = context::sync_scope(context, || Flat::response(&err));
    assert_eq!(
        String::from_utf8_lossy(response.body()),
        r#"{"error":"over_quota","message":"Over the quota of 3 orders."}"#
    );
    assert_eq!(response.headers()["content-language"], "en");
}
