//! `api_error::translations`: loading translations of a derived enum's
//! messages, every reason loading refuses one, the bodies they write, and
//! `assert_translations!`.

use api_error::translations::{Locale, Translations};
use api_error::{ApiError, Catalog};

#[derive(Debug, thiserror::Error, ApiError)]
enum UserError {
    #[error("user {id} not found")]
    #[api(status = 404, code = "user_not_found", message = "No user {id}.")]
    NotFound { id: u64 },
    #[error("name {name} taken")]
    #[api(
        status = 409,
        code = "name_taken",
        message = "The name {name} is taken."
    )]
    NameTaken { name: String },
    #[error("db: {0}")]
    #[api(status = 500, code = "db_failed")]
    Database(#[source] std::io::Error),
}

/// A code of `UserError` that another type uses too; only its catalog is
/// read.
#[allow(dead_code)]
#[derive(Debug, thiserror::Error, ApiError)]
enum AdminError {
    #[error("no admin {login}")]
    #[api(status = 404, code = "user_not_found", message = "No user {login}.")]
    NotFound { login: String },
}

fn pairs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    let pairs = pairs
        .iter()
        .map(|(code, template)| ((*code).to_owned(), (*template).to_owned()));
    pairs.collect()
}

fn english() -> Translations {
    Translations::new("en", UserError::catalog()).unwrap()
}

/// The error `add` gives for `template` as the `fr` translation of `code`.
fn refused(code: &str, template: &str) -> String {
    english()
        .add("fr", pairs(&[(code, template)]))
        .unwrap_err()
        .to_string()
}

fn french() -> (Translations, Locale) {
    let translations = english()
        .add(
            "fr",
            pairs(&[
                ("user_not_found", "Aucun utilisateur {id}."),
                ("name_taken", "Le nom « {name} » est pris ; {{{name}}}."),
                ("db_failed", "Erreur interne du serveur"),
            ]),
        )
        .unwrap();
    let fr = translations.choose([&b"fr"[..]]).unwrap();
    (translations, fr)
}

#[test]
fn add_loads_templates_by_code() {
    let (translations, fr) = french();
    assert_eq!(translations.default_language(), "en");
    assert_eq!(translations.tag(fr), "fr");
    let err = UserError::NotFound { id: 7 };
    assert_eq!(
        translations.message(fr, &err).as_deref(),
        Some("Aucun utilisateur 7.")
    );
    let err = UserError::NameTaken { name: "ada".into() };
    assert_eq!(
        translations.message(fr, &err).as_deref(),
        Some("Le nom « ada » est pris ; {ada}.")
    );
    // A server error's reason phrase, translated.
    let err = UserError::Database(std::io::Error::other("password for admin"));
    assert_eq!(
        translations.message(fr, &err).as_deref(),
        Some("Erreur interne du serveur")
    );
}

#[test]
fn add_toml_loads_a_document() {
    let translations = english()
        .add_toml(
            "pt-BR",
            r#"
                # Mensagens
                user_not_found = "Nenhum usuário {id}."
                "name_taken" = 'O nome {name} já existe.'
            "#,
        )
        .unwrap();
    let pt = translations
        .choose([&b"pt-br;q=0.9, en;q=0.1"[..]])
        .unwrap();
    assert_eq!(translations.tag(pt), "pt-BR");
    let err = UserError::NotFound { id: 3 };
    assert_eq!(
        translations.message(pt, &err).as_deref(),
        Some("Nenhum usuário 3.")
    );
    let err = UserError::NameTaken { name: "ada".into() };
    assert_eq!(
        translations.message(pt, &err).as_deref(),
        Some("O nome ada já existe.")
    );
}

#[test]
fn a_code_without_a_translation_has_none() {
    let translations = english()
        .add(
            "fr",
            pairs(&[("user_not_found", "Aucun utilisateur {id}.")]),
        )
        .unwrap();
    let fr = translations.choose([&b"fr"[..]]).unwrap();
    let err = UserError::NameTaken { name: "ada".into() };
    assert_eq!(translations.message(fr, &err), None);
    let mut out = b"{\"message\":\"".to_vec();
    assert_eq!(translations.write_json(fr, &err, &mut out), Ok(false));
    assert_eq!(out, b"{\"message\":\"");
}

#[test]
fn write_json_writes_escaped_text_and_fields() {
    let (translations, fr) = french();
    let mut out = b"{\"message\":\"".to_vec();
    let err = UserError::NameTaken {
        name: "a \"quoted\" \\ name\n".into(),
    };
    assert_eq!(translations.write_json(fr, &err, &mut out), Ok(true));
    assert_eq!(
        out,
        "{\"message\":\"Le nom « a \\\"quoted\\\" \\\\ name\\n » est pris ; {a \\\"quoted\\\" \\\\ name\\n}.".as_bytes()
    );
    let mut out = Vec::new();
    let err = UserError::NotFound { id: 42 };
    assert_eq!(translations.write_json(fr, &err, &mut out), Ok(true));
    assert_eq!(out, b"Aucun utilisateur 42.");
}

#[test]
fn write_json_leaves_out_untouched_when_a_field_is_not_shown() {
    // A hand-written error with the code of a derived one, whose message
    // shows no field by name.
    #[derive(Debug)]
    struct Handmade;
    impl std::fmt::Display for Handmade {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("handmade")
        }
    }
    impl std::error::Error for Handmade {}
    impl ApiError for Handmade {
        fn status(&self) -> api_error::http::StatusCode {
            api_error::http::StatusCode::NOT_FOUND
        }
        fn code(&self) -> &str {
            "user_not_found"
        }
        fn fmt_message(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("No such user.")
        }
    }
    let (translations, fr) = french();
    let mut out = b"{\"message\":\"".to_vec();
    assert_eq!(translations.write_json(fr, &Handmade, &mut out), Ok(false));
    assert_eq!(out, b"{\"message\":\"");
    assert_eq!(translations.message(fr, &Handmade), None);
}

#[test]
fn malformed_templates_are_refused() {
    assert_eq!(
        refused("user_not_found", "Aucun {id"),
        "translation `fr` of `user_not_found` has an unclosed `{`; write `{{` for a literal brace"
    );
    assert_eq!(
        refused("user_not_found", "Aucun } {id}"),
        "translation `fr` of `user_not_found` has an unmatched `}`; write `}}` for a literal brace"
    );
    assert_eq!(
        refused("user_not_found", "Aucun {}"),
        "translation `fr` of `user_not_found` has an empty `{}`; name the field to show inside the braces, as in `{id}`"
    );
    assert_eq!(
        refused("user_not_found", "Aucun {id:?}"),
        "translation `fr` of `user_not_found` has a format spec in `{id:?}`; write `{id}`: a field is shown as the message shows it"
    );
    assert_eq!(
        refused("user_not_found", "Aucun {i d}"),
        "translation `fr` of `user_not_found` has `{i d}`, which is not a field's name; write `{field}` or `{0}`"
    );
    // Even for a code no error has.
    assert_eq!(
        refused("user_gone", "Parti {"),
        "translation `fr` of `user_gone` has an unclosed `{`; write `{{` for a literal brace"
    );
}

#[test]
fn a_field_the_message_does_not_show_is_refused() {
    assert_eq!(
        refused("user_not_found", "Aucun utilisateur {name}."),
        "translation `fr` of `user_not_found` names `{name}`, which its message does not show; it shows `{id}`"
    );
    assert_eq!(
        refused("db_failed", "Erreur {message}"),
        "translation `fr` of `db_failed` names `{message}`, which its message does not show; it shows no field"
    );
}

#[test]
fn a_template_must_fit_every_error_of_its_code() {
    let catalog = Catalog::from_iter([UserError::catalog(), AdminError::catalog()]);
    let error = Translations::new("en", catalog)
        .unwrap()
        .add(
            "fr",
            pairs(&[("user_not_found", "Aucun utilisateur {id}.")]),
        )
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "translation `fr` of `user_not_found` names `{id}`, which the message of `AdminError::NotFound` does not show; it shows `{login}`"
    );
}

#[test]
fn a_server_errors_internal_text_is_never_shown() {
    // `db_failed` is `#[error("db: {0}")]` with a `#[source]`: neither its
    // source nor its `Display` is a field a translation may name.
    assert_eq!(
        refused("db_failed", "Erreur : {0}"),
        "translation `fr` of `db_failed` names `{0}`, the error's source, which is never shown"
    );
    assert_eq!(
        refused("db_failed", "Erreur : {source}"),
        "translation `fr` of `db_failed` names `{source}`, which its message does not show; it shows no field"
    );
}

#[test]
fn bad_locales_are_refused() {
    for tag in [
        "fr_CA",
        "",
        "1fr",
        "fr-",
        "-fr",
        "francais-du-canada-toolongsubtag",
        "fr CA",
    ] {
        assert_eq!(
            english()
                .add("fr", pairs(&[]))
                .unwrap()
                .add(tag, pairs(&[]))
                .unwrap_err()
                .to_string(),
            format!(
                "`{tag}` is not a language tag: write subtags of 1 to 8 ASCII letters or digits separated by `-`, the first of letters, as in `fr` or `pt-BR`"
            ),
        );
    }
    assert_eq!(
        Translations::new("en_US", UserError::catalog())
            .unwrap_err()
            .to_string(),
        "`en_US` is not a language tag: write subtags of 1 to 8 ASCII letters or digits separated by `-`, the first of letters, as in `fr` or `pt-BR`"
    );
    assert_eq!(
        english()
            .add("fr", pairs(&[]))
            .unwrap()
            .add("FR", pairs(&[]))
            .unwrap_err()
            .to_string(),
        "the locale `FR` is added twice"
    );
    assert_eq!(
        english()
            .add(
                "fr",
                pairs(&[
                    ("user_not_found", "Aucun utilisateur {id}."),
                    ("user_not_found", "Pas d'utilisateur {id}."),
                ])
            )
            .unwrap_err()
            .to_string(),
        "translation `fr` gives `user_not_found` twice"
    );
    assert_eq!(
        english().add("EN", pairs(&[])).unwrap_err().to_string(),
        "the locale `EN` is the default language, that of the messages themselves; it needs no translation"
    );
    assert_eq!(
        english().add_toml("en", "").unwrap_err().to_string(),
        "the locale `en` is the default language, that of the messages themselves; it needs no translation"
    );
}

#[test]
fn toml_that_is_not_templates_is_refused() {
    assert_eq!(
        english()
            .add_toml("fr", "user_not_found = 3")
            .unwrap_err()
            .to_string(),
        "translation `fr`: the value of `user_not_found` is a TOML integer; write its template as a string"
    );
    assert_eq!(
        english()
            .add_toml("fr", "[user_not_found]\nfr = \"x\"")
            .unwrap_err()
            .to_string(),
        "translation `fr`: the value of `user_not_found` is a TOML table; write its template as a string"
    );
    // toml's own words, with where it found the mistake.
    assert_eq!(
        english()
            .add_toml(
                "fr",
                "name_taken = \"ok {name}\"\nuser_not_found = \"unclosed"
            )
            .unwrap_err()
            .to_string(),
        "translation `fr` is not valid TOML, at line 2, column 27: invalid basic string, expected `\"`"
    );
    // A template from TOML is checked as any other.
    assert_eq!(
        english()
            .add_toml("fr", "user_not_found = \"{name}\"")
            .unwrap_err()
            .to_string(),
        "translation `fr` of `user_not_found` names `{name}`, which its message does not show; it shows `{id}`"
    );
}

#[test]
fn codes_no_error_has_are_kept_and_reported() {
    let translations = english()
        .add(
            "fr",
            pairs(&[
                ("user_not_found", "Aucun utilisateur {id}."),
                ("user_gone", "Parti."),
            ]),
        )
        .unwrap()
        .add("de", pairs(&[("user_not_found", "Kein Benutzer {id}.")]))
        .unwrap();
    let report = translations.check();
    let owned = |list: &[(&str, &[&str])]| -> Vec<(String, Vec<String>)> {
        list.iter()
            .map(|(tag, codes)| {
                (
                    (*tag).to_owned(),
                    codes.iter().map(|c| (*c).to_owned()).collect(),
                )
            })
            .collect()
    };
    assert_eq!(report.unknown_codes(), owned(&[("fr", &["user_gone"])]));
    assert_eq!(
        report.untranslated(),
        owned(&[
            ("fr", &["db_failed", "name_taken"]),
            ("de", &["db_failed", "name_taken"])
        ])
    );
    assert_eq!(
        report.to_string(),
        "translations of codes no error has:\n\
         - `fr`: `user_gone`\n\
         codes left untranslated:\n\
         - `fr`: `db_failed`, `name_taken`\n\
         - `de`: `db_failed`, `name_taken`"
    );
}

#[test]
fn choose_reads_accept_language() {
    let (translations, fr) = french();
    let choose = |value: &str| translations.choose([value.as_bytes()]);
    assert_eq!(choose("fr-CA,fr;q=0.9,en;q=0.8"), Some(fr));
    assert_eq!(choose("de, fr;q=0.5"), Some(fr));
    assert_eq!(choose("en-US, fr;q=0.5"), None);
    assert_eq!(choose("*"), None);
    assert_eq!(choose(""), None);
    // Several header lines are one list.
    assert_eq!(
        translations.choose([&b"de"[..], &b"FR;q=0.3"[..]]),
        Some(fr)
    );
}

#[test]
fn the_macro_passes_when_every_code_is_known() {
    let (translations, _) = french();
    api_error::assert_translations!(translations);
    // Untranslated codes are printed, not failed.
    let partial = english()
        .add(
            "fr",
            pairs(&[("user_not_found", "Aucun utilisateur {id}.")]),
        )
        .unwrap();
    api_error::assert_translations!(partial);
}

#[test]
#[should_panic(expected = "translations of codes no error has:\n- `fr`: `user_gone`")]
fn the_macro_fails_on_a_code_no_error_has() {
    let translations = english()
        .add(
            "fr",
            pairs(&[
                ("user_not_found", "Aucun utilisateur {id}."),
                ("user_gone", "Parti."),
            ]),
        )
        .unwrap();
    api_error::assert_translations!(translations);
}
