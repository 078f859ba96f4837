//! The catalog: entries with their doc comment's parts, the Markdown and HTML
//! reference page and the JSON contract they render to, the check that
//! codes are unique, and the contract check.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use api_error::catalog::{CONTRACT_ENV, Change};
use api_error::format::{DynFormat, Flat, Format, Problem};
use api_error::{ApiError, Catalog, FieldErrors, RequestError};

/// The errors of seed 004, "Developer Documentation: Error Codes", with its
/// descriptions, causes and resolutions as doc comments.
#[allow(dead_code)]
#[derive(Debug, ApiError)]
#[api(type = "https://example.com/docs/errors#")]
enum Documented {
    /// The provided authentication credentials are invalid or missing. This
    /// could be due to an expired token, incorrect username/password, or
    /// missing required headers.
    ///
    /// # Possible Causes
    ///
    /// - Invalid or expired API key/token.
    /// - Incorrect user credentials (username/password).
    /// - Missing authentication headers in the request.
    /// - Session has timed out.
    ///
    /// # Resolution
    ///
    /// Verify your authentication token or credentials. Ensure they are
    /// correctly included in the request headers. If using session-based
    /// authentication, ensure the session is still active.
    #[api(status = 401, code = "AUTH-401", title = "Authentication Failed")]
    AuthenticationFailed,

    /// The request could not be completed because of a conflict with the
    /// current state of the resource. This typically occurs when trying to
    /// create a resource that already exists.
    ///
    /// # Possible Causes
    ///
    /// - Attempting to create a resource with a unique identifier that
    ///   already exists.
    /// - Concurrency issues where a resource was modified between retrieval
    ///   and update.
    ///
    /// # Resolution
    ///
    /// Check if the resource already exists before attempting to create it.
    #[api(status = 409, code = "CONFLICT-409")]
    Conflict,

    /// The user has sent too many requests in a given amount of time (rate
    /// limiting).
    #[api(
        status = 429,
        code = "TOOLIMITED-429",
        message = "Retry in {0} seconds."
    )]
    TooManyRequests(#[api(retry_after, example = 60)] u32),

    /// The request is invalid; `errors` says where.
    ///
    /// ## Example
    ///
    /// ```text
    /// # not a heading
    /// ```
    #[api(status = 400, code = "BADREQUEST-400")]
    BadRequest(#[api(errors)] FieldErrors),
}

#[test]
fn entries_keep_causes_and_resolution_apart() {
    let entry = Documented::AuthenticationFailed.entry().unwrap();
    assert_eq!(
        entry.description(),
        "The provided authentication credentials are invalid or missing. This\n\
         could be due to an expired token, incorrect username/password, or\n\
         missing required headers."
    );
    assert_eq!(
        entry.causes(),
        [
            "Invalid or expired API key/token.",
            "Incorrect user credentials (username/password).",
            "Missing authentication headers in the request.",
            "Session has timed out.",
        ]
    );
    assert_eq!(
        entry.resolution(),
        "Verify your authentication token or credentials. Ensure they are\n\
         correctly included in the request headers. If using session-based\n\
         authentication, ensure the session is still active."
    );
    assert_eq!(entry.title(), "Authentication Failed");
    assert_eq!(
        entry.type_uri(),
        Some("https://example.com/docs/errors#AUTH-401")
    );
    // A list item's lines are joined.
    let entry = Documented::Conflict.entry().unwrap();
    assert_eq!(
        entry.causes()[0],
        "Attempting to create a resource with a unique identifier that already exists."
    );
    let entry = Documented::TooManyRequests(1).entry().unwrap();
    assert!(entry.causes().is_empty());
    assert_eq!(entry.resolution(), "");
}

#[test]
fn the_markdown_page_lists_errors_by_status() {
    let page = Documented::catalog()
        .markdown()
        .title("Developer Documentation: Error Codes")
        .intro("Every error the API returns.")
        .format::<Flat>()
        .to_string();
    let expected = r#"# Developer Documentation: Error Codes

Every error the API returns.

| Status | Code | Title |
|---|---|---|
| 400 | [`BADREQUEST-400`](#BADREQUEST-400) | Bad Request |
| 401 | [`AUTH-401`](#AUTH-401) | Authentication Failed |
| 409 | [`CONFLICT-409`](#CONFLICT-409) | Conflict |
| 429 | [`TOOLIMITED-429`](#TOOLIMITED-429) | Too Many Requests |

<a id="BADREQUEST-400"></a>

## 400 BADREQUEST-400

**Bad Request**

gRPC: `INVALID_ARGUMENT`

The request is invalid; `errors` says where.

#### Example

```text
# not a heading
```

```json
{"error":"BADREQUEST-400","message":"Bad Request"}
```

<a id="AUTH-401"></a>

## 401 AUTH-401

**Authentication Failed**

gRPC: `UNAUTHENTICATED`

The provided authentication credentials are invalid or missing. This
could be due to an expired token, incorrect username/password, or
missing required headers.

Possible causes:

- Invalid or expired API key/token.
- Incorrect user credentials (username/password).
- Missing authentication headers in the request.
- Session has timed out.

Resolution:

Verify your authentication token or credentials. Ensure they are
correctly included in the request headers. If using session-based
authentication, ensure the session is still active.

```json
{"error":"AUTH-401","message":"Unauthorized"}
```
"#;
    assert!(page.starts_with(expected), "{page}");
    assert!(page.ends_with(
        "## 429 TOOLIMITED-429\n\n**Too Many Requests**\n\ngRPC: `RESOURCE_EXHAUSTED`\n\n\
         The user has sent too many requests in a given amount of time (rate\n\
         limiting).\n\n```json\n{\"error\":\"TOOLIMITED-429\",\"message\":\"Retry in 60 seconds.\"}\n```\n"
    ));
}

#[test]
fn examples_are_in_each_errors_own_format_unless_one_is_named() {
    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    #[api(format = Flat)]
    enum FlatOnes {
        #[api(status = 404)]
        Missing,
        #[api(transparent)]
        Other(ProblemOnes),
    }
    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    enum ProblemOnes {
        #[api(status = 410)]
        Gone,
    }
    // The outer type's format applies to what it holds, as in responses.
    let page = FlatOnes::catalog().markdown().to_string();
    assert!(
        page.contains(r#"{"error":"missing","message":"Not Found"}"#),
        "{page}"
    );
    assert!(
        page.contains(r#"{"error":"gone","message":"Gone"}"#),
        "{page}"
    );
    let page = ProblemOnes::catalog().markdown().to_string();
    let problem = Problem::render(&Sample);
    assert!(
        page.contains(std::str::from_utf8(&problem).unwrap()),
        "{page}"
    );

    #[derive(Debug, ApiError)]
    #[api(status = 410, code = "gone")]
    struct Sample;
}

#[test]
fn example_bodies_show_the_fields_example_values() {
    #[derive(Debug, ApiError)]
    enum Order {
        #[api(
            status = 429,
            message = "{count} orders ({share:.1}%) from {who:?}; {code:#x} {note:>8}|{flag}."
        )]
        Busy {
            #[api(example = 12)]
            count: u32,
            #[api(example = 2.25)]
            share: f64,
            #[api(example = "ada \"the\" first")]
            who: String,
            #[api(example = 255)]
            code: u16,
            #[api(example = "late")]
            note: &'static str,
            #[api(extension, example = true)]
            flag: bool,
            #[api(extension, example = -3)]
            delta: i8,
        },
        #[api(status = 400, message = "{0} is missing.")]
        Missing(#[api(path, example = "items[2].sku")] api_error::FieldPath),
    }
    let busy = Order::Busy {
        count: 12,
        share: 2.25,
        who: "ada \"the\" first".to_owned(),
        code: 255,
        note: "late",
        flag: true,
        delta: -3,
    };
    let missing = Order::Missing("items[2].sku".into());
    for err in [busy, missing] {
        let entry = err.entry().unwrap();
        // The example message is the message of an error with those values,
        // format specs and all.
        assert_eq!(entry.example_message(), err.message());
        // And so is the whole body, in any format.
        assert_eq!(
            entry.example_body(DynFormat::of::<Problem>()),
            Problem::render(&err)
        );
        assert_eq!(
            entry.example_body(DynFormat::of::<Flat>()),
            Flat::render(&err)
        );
    }
    // The page shows them too.
    let page = Order::catalog().markdown().format::<Problem>().to_string();
    assert!(page.contains(r##""pointer":"#/items/2/sku""##), "{page}");
    assert!(page.contains(r#""flag":true,"delta":-3"#), "{page}");
}

#[test]
fn the_json_catalog_is_the_contract() {
    let json: serde_json::Value = serde_json::from_str(&Documented::catalog().to_json()).unwrap();
    let errors = json["errors"].as_array().unwrap();
    let codes: Vec<&str> = errors.iter().map(|e| e["code"].as_str().unwrap()).collect();
    assert_eq!(
        codes,
        [
            "BADREQUEST-400",
            "AUTH-401",
            "CONFLICT-409",
            "TOOLIMITED-429"
        ]
    );
    let auth = &errors[1];
    assert_eq!(auth["status"], 401);
    assert_eq!(auth["title"], "Authentication Failed");
    assert_eq!(auth["message"], "Unauthorized");
    assert_eq!(auth["causes"].as_array().unwrap().len(), 4);
    assert_eq!(auth["type"], "https://example.com/docs/errors#AUTH-401");
    assert_eq!(auth["declared_as"], "Documented::AuthenticationFailed");
    assert_eq!(errors[3]["headers"], serde_json::json!(["Retry-After"]));
    // Only what an entry has is listed.
    assert!(errors[3].get("causes").is_none());
    assert!(errors[3].get("resolution").is_none());
}

#[test]
fn duplicate_codes_are_reported_with_both_sides() {
    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    enum Users {
        #[api(status = 404)]
        NotFound,
        #[api(status = 409, code = "conflict")]
        Taken,
        #[api(transparent)]
        Request(RequestError),
    }
    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    enum Orders {
        #[api(status = 410, code = "conflict")]
        Gone,
        #[api(transparent)]
        Request(RequestError),
    }
    // RequestError reached from both is one set of entries; its
    // `not_found` collides with Users::NotFound.
    let catalog = Catalog::from_iter([Users::catalog(), Orders::catalog()]);
    let err = catalog.check_unique_codes().unwrap_err();
    assert_eq!(
        err.to_string(),
        "2 codes are used by more than one error:\n\
         - `conflict`: Users::Taken (409), Orders::Gone (410)\n\
         - `not_found`: Users::NotFound (404), RequestError::NotFound (404)"
    );
    let codes: Vec<&str> = err.iter().map(|(code, _)| code).collect();
    assert_eq!(codes, ["conflict", "not_found"]);
    assert!(
        Catalog::from_iter([Orders::catalog(), RequestError::catalog()])
            .check_unique_codes()
            .is_ok()
    );
    api_error::assert_unique_codes!(Orders, RequestError);
    let panic = std::panic::catch_unwind(|| {
        api_error::assert_unique_codes!(Users, Orders);
    });
    let message = panic.unwrap_err();
    assert!(
        message
            .downcast_ref::<String>()
            .unwrap()
            .contains("Users::Taken (409), Orders::Gone (410)")
    );
}

/// A fresh path for a contract file, in a folder that does not exist yet.
fn contract_path() -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir()
        .join(format!("api-error-contract-{}-{n}", std::process::id()))
        .join("errors.json")
}

mod before {
    #[allow(dead_code)]
    #[derive(Debug, api_error::ApiError)]
    pub(crate) enum Api {
        /// Gone for good.
        #[api(status = 401)]
        UserNotFound,
        #[api(status = 409)]
        Taken,
        #[api(status = 400)]
        Invalid,
    }
}

mod after {
    #[allow(dead_code)]
    #[derive(Debug, api_error::ApiError)]
    pub(crate) enum Api {
        #[api(status = 404)]
        Taken,
        /// Now documented.
        #[api(status = 400, message = "The request is invalid.")]
        Invalid,
        #[api(status = 429)]
        Slow,
    }
}

#[test]
fn the_contract_holds_until_a_code_goes_or_changes_status() {
    run_child("contract_checks", &[]);
}

#[test]
#[ignore = "a part of the_contract_holds_until_a_code_goes_or_changes_status"]
fn contract_checks() {
    let Some(path) = child_path() else { return };
    // Outside CI, the first run writes the contract.
    before::Api::catalog().check_contract(&path).unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        before::Api::catalog().to_json()
    );
    before::Api::catalog().check_contract(&path).unwrap();

    let err = after::Api::catalog().check_contract(&path).unwrap_err();
    assert!(err.is_breaking());
    assert_eq!(
        err.changes(),
        [
            Change::Status {
                code: "taken".into(),
                was: vec![Some(409)],
                now: vec![Some(404)],
            },
            Change::Removed {
                code: "user_not_found".into(),
                status: Some(401),
            },
            Change::Edited {
                code: "invalid".into(),
                fields: vec!["message".into(), "description".into()],
            },
            Change::Added {
                code: "slow".into(),
                status: Some(429),
            },
        ]
    );
    let report = err.to_string();
    assert_eq!(
        report,
        format!(
            "the errors no longer match the contract in {}\n\
             breaking changes, for clients that rely on these codes:\n\
             - `taken` changed status from 409 to 404\n\
             - `user_not_found` (401) was removed\n\
             other changes:\n\
             - `invalid` has a new message, description\n\
             - `slow` (429) was added\n\
             to accept the errors as they are: {CONTRACT_ENV}=overwrite cargo test",
            path.display()
        )
    );
    std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
}

#[test]
fn under_ci_a_missing_contract_is_an_error() {
    run_child("contract_missing_under_ci", &[("CI", "true")]);
}

#[test]
#[ignore = "a part of under_ci_a_missing_contract_is_an_error"]
fn contract_missing_under_ci() {
    let Some(path) = child_path() else { return };
    let err = before::Api::catalog().check_contract(&path).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "the error contract {} does not exist\n\
             to accept the errors as they are: API_ERROR_CONTRACT=overwrite cargo test",
            path.display()
        )
    );
    assert!(err.changes().is_empty());
    assert!(!path.exists());
}

#[test]
fn overwrite_accepts_the_errors_as_they_are() {
    let path = run_child("contract_overwritten", &[(CONTRACT_ENV, "overwrite")]);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        after::Api::catalog().to_json()
    );
    std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
}

#[test]
#[ignore = "a part of overwrite_accepts_the_errors_as_they_are"]
fn contract_overwritten() {
    let Some(path) = child_path() else { return };
    before::Api::catalog().write_contract(&path).unwrap();
    after::Api::catalog().check_contract(&path).unwrap();
}

#[test]
fn an_unreadable_contract_says_why() {
    let path = contract_path();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    for (text, reason) in [
        (
            "{",
            "it is not JSON: EOF while parsing an object at line 1 column 1",
        ),
        ("[]", "it has no `errors` list"),
        (
            r#"{"errors": [1]}"#,
            "an entry of `errors` is not an object",
        ),
        (
            r#"{"errors": [{"status": 400}]}"#,
            "an entry of `errors` has no `code`",
        ),
    ] {
        std::fs::write(&path, text).unwrap();
        let err = before::Api::catalog()
            .write_contract(path.join("under-a-file"))
            .unwrap_err();
        assert!(err.to_string().contains("cannot be written"), "{err}");
        // Whatever the environment: a file that exists is read, unless
        // overwriting, and this test is not run so.
        if std::env::var_os(CONTRACT_ENV).is_none() {
            let err = before::Api::catalog().check_contract(&path).unwrap_err();
            assert_eq!(
                err.to_string(),
                format!(
                    "the error contract {} cannot be read: {reason}\n\
                     to accept the errors as they are: API_ERROR_CONTRACT=overwrite cargo test",
                    path.display()
                )
            );
        }
    }
    std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
}

/// The variable through which a child test gets its contract's path.
const CHILD_PATH: &str = "API_ERROR_TEST_CONTRACT_PATH";

/// Runs the ignored test `name` in a child process of this test binary,
/// with a fresh contract path, `CI` and `API_ERROR_CONTRACT` unset but for
/// `env`; returns the path once the child has passed.
fn run_child(name: &str, env: &[(&str, &str)]) -> PathBuf {
    let path = contract_path();
    let mut command = std::process::Command::new(std::env::current_exe().unwrap());
    command
        .args(["--exact", name, "--ignored", "--test-threads=1"])
        .env_remove("CI")
        .env_remove(CONTRACT_ENV)
        .env(CHILD_PATH, &path)
        .envs(env.iter().copied());
    let output = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("1 passed"), "{stdout}");
    path
}

/// The contract path a child test works on; `None` when the test runs on
/// its own, outside [`run_child`], where it has nothing to check.
fn child_path() -> Option<PathBuf> {
    std::env::var_os(CHILD_PATH).map(PathBuf::from)
}

/// The HTML page escapes every text of the catalog, has one section per
/// error with its code as anchor, and fetches nothing from elsewhere.
#[test]
fn the_html_page_escapes_and_anchors_every_error() {
    // Only its catalog is used.
    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    enum Risky {
        /// Says `<script>alert(1)</script>` & "quotes".
        ///
        /// # Causes
        ///
        /// - A <b>bold</b> cause.
        ///
        /// # Resolution
        ///
        /// Use `a < b` & retry.
        #[api(status = 400, message = "Bad <input> & \"more\".", title = "<Title>")]
        Bad,
        /// Too many.
        #[api(status = 429, message = "Slow down.")]
        Busy {
            #[api(retry_after, example = 30)]
            delay: u64,
        },
        #[api(status = 401)]
        Unauthenticated,
    }
    let page = Risky::catalog()
        .html()
        .title("A & B <errors>")
        .intro("Read `this` & <that>.")
        .to_string();
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.contains("<title>A &amp; B &lt;errors&gt;</title>"));
    assert!(page.contains("<h1>A &amp; B &lt;errors&gt;</h1>"));
    assert!(page.contains("<p>Read <code>this</code> &amp; &lt;that&gt;.</p>"));
    assert!(page.contains(
        "<p>Says <code>&lt;script&gt;alert(1)&lt;/script&gt;</code> &amp; &quot;quotes&quot;.</p>"
    ));
    assert!(page.contains("<li>A &lt;b&gt;bold&lt;/b&gt; cause.</li>"));
    assert!(page.contains("<p>Use <code>a &lt; b</code> &amp; retry.</p>"));
    assert!(page.contains("<p class=\"title\">&lt;Title&gt;</p>"));
    assert!(
        page.contains(
            "&quot;detail&quot;: &quot;Bad &lt;input&gt; &amp; \\&quot;more\\&quot;.&quot;"
        )
    );
    // Nothing of the catalog's text reaches the page unescaped.
    assert!(!page.contains("<script>alert"));
    assert!(!page.contains("<b>"));
    assert_eq!(page.matches("<section class=\"error\"").count(), 3);
    for code in ["bad", "busy", "unauthenticated"] {
        assert!(
            page.contains(&format!("<section class=\"error\" id=\"{code}\"")),
            "{code}"
        );
        assert!(
            page.contains(&format!("<h2 id=\"{code}-heading\">")),
            "{code}"
        );
    }
    // By status: 400, 401, 429.
    let at = |code: &str| page.find(&format!("id=\"{code}\"")).unwrap();
    assert!(at("bad") < at("unauthenticated") && at("unauthenticated") < at("busy"));
    // The headers each sends, with example values.
    assert!(page.contains("<tr><td><code>Retry-After</code></td><td><code>30</code></td></tr>"));
    assert!(
        page.contains(
            "<tr><td><code>WWW-Authenticate</code></td><td><code>Bearer</code></td></tr>"
        )
    );
    assert!(page.contains("<dd><code>RESOURCE_EXHAUSTED</code></dd>"));
    // One file: its style and script inline, nothing fetched.
    for outside in ["src=", "href=\"http", "@import", "url("] {
        assert!(!page.contains(outside), "{outside}");
    }
    assert!(page.contains("<label for=\"search\">Search errors</label>"));
    assert!(page.contains("No errors found matching your search."));
    // A page that lists its examples in another format.
    assert!(page.contains("&quot;title&quot;: &quot;&lt;Title&gt;&quot;"));
    let flat = Risky::catalog().html().format::<Flat>().to_string();
    assert!(flat.contains("&quot;error&quot;: &quot;bad&quot;"));
    assert!(!flat.contains("&quot;title&quot;"));
}
