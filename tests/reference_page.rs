//! The users API's error reference page (`GET /errors`, from
//! `Catalog::html`), used as a person would, in headless Chromium: the
//! search box typed into key by key, the errors it keeps and the message
//! when none matches, an error's anchor, the keyboard, and a console with
//! no errors.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs
//! them). Without them the test says so and passes, unless `CI` is `true`,
//! where it fails. `API_ERROR_SCREENSHOT=path` also writes a screenshot of
//! the page, searched for `token` (docs/reference-page.png is one).

use api_error::ApiError;
use api_error_examples::users::{self, Store, UsersError};

#[path = "support/servers.rs"]
mod servers;
#[path = "support/webdriver.rs"]
mod webdriver;

use webdriver::Browser;

/// The codes of the errors the page shows, of all those it lists.
async fn shown(browser: &Browser) -> Vec<String> {
    let mut codes = Vec::new();
    for section in browser.all(".error").await {
        if browser.displayed(&section).await {
            codes.push(browser.attribute(&section, "id").await.unwrap_or_default());
        }
    }
    codes
}

#[actix_web::test]
async fn the_reference_page_searches_as_you_type() {
    if let Some(missing) = webdriver::missing() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "the browser test cannot run under CI: {missing}"
        );
        eprintln!("skipped: {missing}; install Debian's chromium and chromium-driver to run it");
        return;
    }
    let translations = users::translations().expect("the translations load");
    let served = servers::axum(users::axum::router(Store::demo(), translations)).await;
    let browser = Browser::start().await;
    browser.open(&served.url("/errors")).await;

    let catalog = UsersError::catalog();
    let all: Vec<&str> = {
        let mut items: Vec<_> = catalog.iter().collect();
        items.sort_by_key(|item| item.entry().status());
        items.iter().map(|item| item.entry().code()).collect()
    };
    assert_eq!(shown(&browser).await, all, "every error, by status");
    let none = browser.one("#no-results").await;
    assert!(!browser.displayed(&none).await);

    // The keyboard reaches the search box first.
    browser.press_tab().await;
    assert_eq!(browser.focused_id().await.as_deref(), Some("search"));

    let search = browser.one("#search").await;
    let status = browser.one("#search-status").await;
    browser.type_into(&search, "already").await;
    assert_eq!(
        shown(&browser).await,
        ["group_already_exists", "user_already_exists"]
    );
    assert_eq!(browser.text(&status).await, "2 errors shown of 26.");
    // Every word must match: the second narrows to one.
    browser.type_into(&search, " user").await;
    assert_eq!(shown(&browser).await, ["user_already_exists"]);
    assert_eq!(browser.text(&status).await, "1 error shown of 26.");
    assert!(!browser.displayed(&none).await);

    browser.clear(&search).await;
    browser.type_into(&search, "USER_NOT_FOUND").await;
    assert_eq!(shown(&browser).await, ["user_not_found"]);

    browser.clear(&search).await;
    browser.type_into(&search, "no such thing").await;
    assert!(shown(&browser).await.is_empty());
    assert!(browser.displayed(&none).await);
    assert_eq!(
        browser.text(&none).await,
        "No errors found matching your search."
    );

    // Emptied, the box shows everything again.
    browser.clear(&search).await;
    browser.type_into(&search, " ").await;
    assert_eq!(shown(&browser).await.len(), all.len());
    assert!(!browser.displayed(&none).await);

    if let Ok(path) = std::env::var("API_ERROR_SCREENSHOT") {
        browser.clear(&search).await;
        browser.type_into(&search, "token").await;
        std::fs::write(&path, browser.screenshot().await).expect("the screenshot is written");
    }

    // An error's type URI lands on its section, in a page loaded afresh
    // (the same page with another fragment would only scroll).
    browser.open("about:blank").await;
    browser.open(&served.url("/errors#user_not_found")).await;
    let target = browser
        .run("var t = document.querySelector(':target'); return t && t.id;")
        .await;
    assert_eq!(target, "user_not_found");
    assert!(browser.run("return window.scrollY;").await.as_f64() > Some(0.0));
    // And its heading is in view, below the search box that stays on top.
    let heading_below_search = browser
        .run(
            "var heading = document.getElementById('user_not_found-heading').getBoundingClientRect();
             var search = document.querySelector('.search').getBoundingClientRect();
             return heading.top >= search.bottom;",
        )
        .await;
    assert_eq!(heading_below_search, true);

    // Nothing went wrong in the page's console; and what would have is
    // seen.
    let errors: Vec<_> = browser
        .console()
        .await
        .into_iter()
        .filter(|(level, _)| level == "SEVERE")
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    browser.run("console.error('probe'); return null;").await;
    let logged = browser.console().await;
    assert!(
        logged
            .iter()
            .any(|(level, message)| level == "SEVERE" && message.contains("probe")),
        "{logged:?}"
    );
    served.stop().await;
}
