//! The users API's error documents, kept in the repository next to the
//! code: the contract of its codes and statuses, and its reference page.
//! What a user of the crate would keep, the way they would keep it.

use api_error_examples::users::{UsersError, reference_page};

#[test]
fn codes_are_unique() {
    api_error::assert_unique_codes!(UsersError);
}

#[test]
fn the_error_contract_holds() {
    api_error::assert_contract!("../examples/users/errors.json", UsersError);
}

#[test]
fn the_reference_page_is_up_to_date() {
    let committed = include_str!("../examples/users/ERRORS.md");
    assert!(
        committed == reference_page(),
        "examples/users/ERRORS.md is out of date: cargo run --example error_reference"
    );
}

#[test]
fn the_french_translations_fit_and_name_known_codes() {
    let translations = api_error_examples::users::translations().expect("the translations load");
    api_error::assert_translations!(translations);
    // Every code of the API has its French.
    let report = translations.check();
    assert!(report.untranslated().is_empty(), "{report}");
}
