//! `#[derive(ApiError)]`: every key of `#[api(...)]` and the rules that
//! decide status, code, message, title and type.

use api_error::format::{DynFormat, Flat, Format, Problem};
use api_error::http::StatusCode;
use api_error::{ApiError, FieldError};

#[test]
fn status_from_a_literal_a_path_or_the_type_default() {
    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    enum E {
        Defaulted,
        #[api(status = 409)]
        Literal,
        #[api(status = StatusCode::TOO_MANY_REQUESTS)]
        Path,
        #[api(status = api_error::http::StatusCode::SERVICE_UNAVAILABLE)]
        FullPath,
        #[api(status = 499)]
        Unregistered,
    }
    assert_eq!(E::Defaulted.status(), StatusCode::BAD_REQUEST);
    assert_eq!(E::Literal.status(), StatusCode::CONFLICT);
    assert_eq!(E::Path.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(E::FullPath.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(E::Unregistered.status().as_u16(), 499);
    assert_eq!(E::Unregistered.title(), "Client Error");
}

#[test]
fn a_type_default_status_given_as_a_path() {
    #[derive(Debug, ApiError)]
    #[api(status = StatusCode::UNPROCESSABLE_ENTITY)]
    enum E {
        A,
        #[api(status = 404)]
        B,
    }
    assert_eq!(E::A.status(), 422);
    assert_eq!(E::B.status(), 404);
}

#[test]
fn explicit_codes() {
    #[derive(Debug, ApiError)]
    #[api(status = 401)]
    enum E {
        #[api(code = "AUTH-401")]
        Auth,
        #[api(code = "address.street")]
        Street,
        #[api(code = "urn:err:x_1")]
        Urn,
    }
    assert_eq!(E::Auth.code(), "AUTH-401");
    assert_eq!(E::Street.code(), "address.street");
    assert_eq!(E::Urn.code(), "urn:err:x_1");
}

#[test]
fn default_codes_are_snake_case() {
    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    enum E {
        UserNotFound,
        HTTPError,
        Http2Error,
        Error404,
        r#Type,
    }
    assert_eq!(E::UserNotFound.code(), "user_not_found");
    assert_eq!(E::HTTPError.code(), "http_error");
    assert_eq!(E::Http2Error.code(), "http2_error");
    assert_eq!(E::Error404.code(), "error404");
    assert_eq!(E::Type.code(), "type");
}

#[test]
fn rename_all_in_each_of_the_six_cases() {
    macro_rules! case {
        ($case:literal, $expected:literal) => {{
            #[derive(Debug, ApiError)]
            #[api(status = 400, rename_all = $case)]
            enum E {
                InvalidJSONBody,
            }
            assert_eq!(E::InvalidJSONBody.code(), $expected, "{}", $case);
        }};
    }
    case!("snake_case", "invalid_json_body");
    case!("PascalCase", "InvalidJsonBody");
    case!("camelCase", "invalidJsonBody");
    case!("SCREAMING_SNAKE_CASE", "INVALID_JSON_BODY");
    case!("kebab-case", "invalid-json-body");
    case!("SCREAMING-KEBAB-CASE", "INVALID-JSON-BODY");
}

#[test]
fn rename_all_leaves_explicit_codes_alone() {
    #[derive(Debug, ApiError)]
    #[api(status = 401, rename_all = "PascalCase")]
    enum E {
        Unauthorized,
        #[api(code = "not_authenticated")]
        NotAuthenticated,
    }
    assert_eq!(E::Unauthorized.code(), "Unauthorized");
    assert_eq!(E::NotAuthenticated.code(), "not_authenticated");
}

#[test]
fn message_placeholders() {
    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    enum E {
        #[api(message = "user {id} in {org}")]
        Named { id: u32, org: String },
        #[api(message = "{0} then {1} then {0}")]
        Positional(&'static str, u8),
        #[api(message = "debug {name:?}")]
        Debug { name: String },
        // `f` and `formatter` must not collide with the generated code's locals.
        #[api(message = "[{n:>5}] [{n:<3}] [{x:#x}] [{f:.2}]{formatter}")]
        Specs {
            n: u32,
            x: u32,
            f: f64,
            formatter: &'static str,
        },
        #[api(message = "[{n:>width$}]", code = "width")]
        Width { n: u32, width: usize },
        #[api(message = "[{0:.1$}]")]
        Precision(f64, usize),
        #[api(message = "{{literal}} {r#type} {{{id}}}")]
        Braces { r#type: &'static str, id: u8 },
        #[api(message = "café {名前} ✓")]
        Unicode { 名前: &'static str },
    }
    assert_eq!(
        E::Named {
            id: 7,
            org: "acme".into()
        }
        .message(),
        "user 7 in acme"
    );
    assert_eq!(E::Positional("a", 2).message(), "a then 2 then a");
    assert_eq!(
        E::Debug {
            name: "x\"y".into()
        }
        .message(),
        r#"debug "x\"y""#
    );
    assert_eq!(
        E::Specs {
            n: 42,
            x: 255,
            f: 1.0 / 3.0,
            formatter: "!"
        }
        .message(),
        "[   42] [42 ] [0xff] [0.33]!"
    );
    assert_eq!(E::Width { n: 1, width: 4 }.message(), "[   1]");
    assert_eq!(E::Precision(2.0 / 3.0, 3).message(), "[0.667]");
    assert_eq!(
        E::Braces { r#type: "t", id: 9 }.message(),
        "{literal} t {9}"
    );
    assert_eq!(E::Unicode { 名前: "名" }.message(), "café 名 ✓");
}

#[test]
fn every_kind_of_format_spec() {
    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    enum E {
        #[api(message = "[{0:*<6}|{0:^+#012.3e}|{0:08.2}|{0:+}|{0:.1$}|{0:>1$.2$}]")]
        Float(f64, usize, usize),
        #[api(message = "[{0:#x}|{0:#X}|{0:o}|{0:b}|{0:x?}|{0:#?}|{0:5}|{0:<5x}]")]
        Int(u32),
        #[api(message = "[{v:w$.p$}]")]
        Named { v: f64, w: usize, p: usize },
    }
    assert_eq!(
        E::Float(1.5, 7, 3).message(),
        "[1.5***|+00001.500e0|00001.50|+1.5|1.5000000|  1.500]"
    );
    assert_eq!(
        E::Int(26).message(),
        "[0x1a|0x1A|32|11010|1a|26|   26|1a   ]"
    );
    assert_eq!(E::Named { v: 2.0, w: 6, p: 1 }.message(), "[   2.0]");
}

#[test]
fn static_messages_unescape_braces() {
    #[derive(Debug, ApiError)]
    #[api(status = 400, message = "use {{json}}")]
    struct E;
    assert_eq!(E.message(), "use {json}");
    assert_eq!(E.entry().unwrap().message(), "use {json}");
}

#[test]
fn a_type_default_message_applies_to_variants_without_one() {
    #[derive(Debug, ApiError)]
    #[api(status = 500, message = "Something went wrong on our side.")]
    enum E {
        Db,
        #[api(status = 503, message = "Try again later.")]
        Busy,
    }
    assert_eq!(E::Db.message(), "Something went wrong on our side.");
    assert_eq!(E::Busy.message(), "Try again later.");
}

#[test]
fn without_a_message_the_reason_phrase() {
    #[derive(Debug, ApiError)]
    enum E {
        #[api(status = 401)]
        NotFound,
        #[api(status = 429)]
        Slow,
    }
    assert_eq!(E::NotFound.message(), "Unauthorized");
    assert_eq!(E::Slow.message(), "Too Many Requests");
}

#[test]
fn titles() {
    #[derive(Debug, ApiError)]
    #[api(status = 404)]
    enum E {
        #[api(title = "User Not Found")]
        User,
        Group,
    }
    assert_eq!(E::User.title(), "User Not Found");
    assert_eq!(E::Group.title(), "Not Found");
    assert_eq!(E::User.entry().unwrap().title(), "User Not Found");
}

#[test]
fn problem_type_uris() {
    #[derive(Debug, ApiError)]
    #[api(status = 400, type = "https://errors.example.com/")]
    enum WithBase {
        Prefixed,
        #[api(type = "https://example.com/probs/out-of-credit")]
        Own,
    }
    assert_eq!(
        WithBase::Prefixed.type_uri(),
        "https://errors.example.com/prefixed"
    );
    assert_eq!(
        WithBase::Own.type_uri(),
        "https://example.com/probs/out-of-credit"
    );
    assert_eq!(
        WithBase::Prefixed.entry().unwrap().type_uri(),
        Some("https://errors.example.com/prefixed")
    );

    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    enum WithoutBase {
        Plain,
        #[api(type = "tag:example.com,2026:own")]
        Own,
    }
    assert_eq!(WithoutBase::Plain.type_uri(), "about:blank");
    assert_eq!(WithoutBase::Plain.entry().unwrap().type_uri(), None);
    assert_eq!(WithoutBase::Own.type_uri(), "tag:example.com,2026:own");

    #[derive(Debug, ApiError)]
    #[api(status = 403, type = "https://example.com/probs/forbidden")]
    struct Forbidden;
    assert_eq!(Forbidden.type_uri(), "https://example.com/probs/forbidden");
}

#[test]
fn doc_comments_become_descriptions() {
    #[derive(Debug, ApiError)]
    #[api(status = 409)]
    enum E {
        /// The user you're trying to create already exists.
        ///
        /// Pick another email address.
        UserAlreadyExists,
        Undocumented,
    }
    assert_eq!(
        E::UserAlreadyExists.entry().unwrap().description(),
        "The user you're trying to create already exists.\n\nPick another email address."
    );
    assert_eq!(E::Undocumented.entry().unwrap().description(), "");
}

#[test]
fn catalog_entries() {
    #[derive(Debug, ApiError)]
    #[api(status = 409)]
    enum UserError {
        #[api(code = "user_already_exists", message = "The user {id} exists.")]
        AlreadyExists { id: u32 },
    }
    let entry = UserError::AlreadyExists { id: 1 }.entry().unwrap();
    assert_eq!(entry.type_name(), "UserError");
    assert_eq!(entry.variant(), Some("AlreadyExists"));
    assert_eq!(entry.code(), "user_already_exists");
    assert_eq!(entry.status(), StatusCode::CONFLICT);
    assert_eq!(entry.title(), "Conflict");
    assert_eq!(entry.message(), "The user {id} exists.");

    #[derive(Debug, ApiError)]
    #[api(status = 404)]
    struct NotFound;
    assert_eq!(NotFound.entry().unwrap().variant(), None);
    assert_eq!(NotFound.entry().unwrap().type_name(), "NotFound");
}

#[test]
fn structs_of_every_shape() {
    #[derive(Debug, ApiError)]
    #[api(status = 404, message = "no user {id}")]
    struct Named {
        id: u64,
    }
    #[derive(Debug, ApiError)]
    #[api(status = 404, code = "missing", message = "no {0}")]
    struct Tuple(&'static str);
    #[derive(Debug, ApiError)]
    #[api(status = 410, rename_all = "kebab-case")]
    struct GoneForGood;

    assert_eq!(
        (Named { id: 3 }.code(), Named { id: 3 }.message()),
        ("named", "no user 3".into())
    );
    assert_eq!(
        (Tuple("x").code(), Tuple("x").message()),
        ("missing", "no x".into())
    );
    assert_eq!(GoneForGood.code(), "gone-for-good");
    assert_eq!(GoneForGood.status(), StatusCode::GONE);
}

#[test]
fn transparent_variants_take_everything_from_the_inner_error() {
    #[derive(Debug, ApiError)]
    #[api(status = 404, format = Flat, type = "https://example.com/e/")]
    enum Inner {
        /// Inner docs.
        #[api(title = "Gone Missing", message = "no {0}")]
        Missing(u32),
    }
    #[derive(Debug, ApiError)]
    #[api(status = 500)]
    enum Outer {
        #[api(transparent)]
        Inner(Inner),
        #[api(transparent)]
        Named { inner: Inner },
    }
    for err in [
        Outer::Inner(Inner::Missing(4)),
        Outer::Named {
            inner: Inner::Missing(4),
        },
    ] {
        assert_eq!(err.status(), StatusCode::NOT_FOUND);
        assert_eq!(err.code(), "missing");
        assert_eq!(err.message(), "no 4");
        assert_eq!(err.title(), "Gone Missing");
        assert_eq!(err.type_uri(), "https://example.com/e/missing");
        assert_eq!(err.entry().unwrap().description(), "Inner docs.");
        assert_eq!(err.format(), Some(DynFormat::of::<Flat>()));
        assert_eq!(err.to_string(), "no 4");
    }
}

#[test]
fn transparent_delegates_the_hooks_too() {
    /// A hand-written error using every hook.
    #[derive(Debug)]
    struct Hooks(Vec<FieldError>);
    impl std::fmt::Display for Hooks {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("hooks")
        }
    }
    impl std::error::Error for Hooks {}
    impl ApiError for Hooks {
        fn status(&self) -> StatusCode {
            StatusCode::TOO_MANY_REQUESTS
        }
        fn code(&self) -> &str {
            "slow_down"
        }
        fn fmt_message(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("Slow down.")
        }
        fn instance(&self) -> Option<&str> {
            Some("/requests/7")
        }
        fn errors(&self) -> &[FieldError] {
            &self.0
        }
        fn headers(&self, headers: &mut api_error::http::HeaderMap) {
            headers.insert("retry-after", "30".parse().unwrap());
        }
        fn extensions(&self, members: &mut api_error::format::Members<'_, '_>) {
            members.insert("balance", &30);
        }
    }
    #[derive(Debug, ApiError)]
    enum Outer {
        #[api(transparent)]
        Hooks(Hooks),
    }
    let err = Outer::Hooks(Hooks(vec![
        FieldError::new("required", "Required.").at("name"),
    ]));
    assert_eq!(err.instance(), Some("/requests/7"));
    assert_eq!(err.errors().len(), 1);
    assert_eq!(err.entry(), None);
    assert_eq!(err.format(), None);
    let response = Problem::response(&err);
    assert_eq!(response.headers()["retry-after"], "30");
    assert_eq!(
        String::from_utf8(response.into_body()).unwrap(),
        r##"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"Slow down.","instance":"/requests/7","code":"slow_down","balance":30,"errors":[{"code":"required","detail":"Required.","pointer":"#/name"}]}"##
    );
}

#[test]
fn transparent_structs_and_boxed_errors() {
    #[derive(Debug, ApiError)]
    #[api(status = 403, message = "no access")]
    struct Forbidden;

    #[derive(Debug, ApiError)]
    #[api(transparent)]
    struct Any(Box<dyn ApiError + Send + Sync>);

    #[derive(Debug, ApiError)]
    enum E {
        #[api(transparent)]
        Boxed(Box<dyn ApiError>),
        #[api(transparent)]
        Sendable(Box<dyn ApiError + Send>),
    }

    let any = Any(Box::new(Forbidden));
    assert_eq!(
        (any.status(), any.code(), any.message()),
        (StatusCode::FORBIDDEN, "forbidden", "no access".into())
    );
    assert_eq!(E::Boxed(Box::new(Forbidden)).code(), "forbidden");
    assert_eq!(E::Sendable(Box::new(any)).message(), "no access");
}

#[test]
fn the_format_key_names_the_preferred_format() {
    #[derive(Debug, ApiError)]
    #[api(status = 400, format = api_error::format::Flat)]
    enum WithFormat {
        A,
    }
    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    enum WithoutFormat {
        A,
    }
    #[derive(Debug, ApiError)]
    #[api(status = 400, format = Problem)]
    struct Single;
    assert_eq!(WithFormat::A.format(), Some(DynFormat::of::<Flat>()));
    assert_eq!(WithoutFormat::A.format(), None);
    assert_eq!(Single.format(), Some(DynFormat::of::<Problem>()));
    assert_ne!(Single.format(), WithFormat::A.format());
}

#[test]
fn generics_get_bounds_only_where_a_field_needs_them() {
    /// Implements nothing at all.
    #[derive(Debug)]
    struct Opaque;

    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    enum E<T, U, I> {
        #[api(message = "bad {0}")]
        Shown(T),
        #[api(message = "bad {0:?}")]
        Debugged(U),
        Hidden(Opaque),
        #[api(transparent)]
        Inner(I),
    }
    #[derive(Debug, ApiError)]
    #[api(status = 404)]
    struct NotFound;

    let shown: E<u8, Opaque, NotFound> = E::Shown(1);
    assert_eq!(shown.message(), "bad 1");
    let debugged: E<u8, Opaque, NotFound> = E::Debugged(Opaque);
    assert_eq!(debugged.message(), "bad Opaque");
    let inner: E<u8, Opaque, NotFound> = E::Inner(NotFound);
    assert_eq!(inner.code(), "not_found");
    let hidden: E<u8, Opaque, NotFound> = E::Hidden(Opaque);
    assert_eq!(hidden.message(), "Bad Request");
}

#[test]
fn bounds_written_on_the_parameters_are_kept() {
    // Under `cargo clippy -D warnings`, this also checks that the generated
    // code adds no "bound defined in more than one place".
    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    enum Bounded<'a, 'b: 'a, T: std::fmt::Display + std::fmt::Debug, I: ApiError> {
        #[api(message = "bad {0} in {1}")]
        Shown(T, &'b str),
        #[api(transparent)]
        Inner(I),
        #[api(message = "{0} is bad")]
        Borrowed(&'a str),
    }
    #[derive(Debug, ApiError)]
    #[api(status = 404)]
    struct NotFound;

    let shown: Bounded<'_, '_, u8, NotFound> = Bounded::Shown(1, "body");
    assert_eq!(shown.message(), "bad 1 in body");
    let inner: Bounded<'_, '_, u8, NotFound> = Bounded::Inner(NotFound);
    assert_eq!(inner.status(), 404);
    let borrowed: Bounded<'_, '_, u8, NotFound> = Bounded::Borrowed("id");
    assert_eq!(borrowed.message(), "id is bad");
}

#[test]
fn lifetimes_and_const_generics() {
    #[derive(Debug, ApiError)]
    #[api(status = 400, message = "{name} is full")]
    struct Full<'a, const N: usize> {
        name: &'a str,
    }
    #[derive(Debug, ApiError)]
    enum Borrowed<'a, 'b: 'a> {
        #[api(status = 400, message = "{0}/{1}")]
        Pair(&'a str, &'b str),
    }
    let name = String::from("queue");
    assert_eq!(Full::<'_, 3> { name: &name }.message(), "queue is full");
    assert_eq!(Borrowed::Pair("a", "b").message(), "a/b");
}

#[test]
fn an_empty_enum_is_an_api_error() {
    #[derive(Debug, ApiError)]
    enum Never {}
    fn assert_api_error<E: ApiError>() {}
    assert_api_error::<Never>();
}

#[test]
fn deprecated_variants_compile_without_warnings() {
    #[derive(Debug, ApiError)]
    #[api(status = 410)]
    enum E {
        #[deprecated = "use New"]
        Old,
        New,
    }
    assert_eq!(E::New.code(), "new");
    #[allow(deprecated)]
    let old = E::Old;
    assert_eq!(old.code(), "old");
}

#[test]
fn dyn_api_error_and_boxes() {
    #[derive(Debug, ApiError)]
    #[api(status = 409, message = "taken: {0}")]
    struct Taken(String);

    let err: Box<dyn ApiError + Send + Sync> = Box::new(Taken("ada".into()));
    assert_eq!(err.status(), StatusCode::CONFLICT);
    assert_eq!(err.message(), "taken: ada");
    let by_ref: &dyn ApiError = &*err;
    assert_eq!(by_ref.code(), "taken");
    // `&E` is an `ApiError` too.
    fn code_of(err: impl ApiError) -> String {
        err.code().to_owned()
    }
    assert_eq!(code_of(by_ref), "taken");
}

#[test]
fn field_keys_accept_options_and_common_types() {
    use api_error::FieldPath;

    #[derive(Debug, ApiError)]
    #[api(status = 422)]
    enum E {
        Optional {
            #[api(errors)]
            errors: Option<api_error::FieldErrors>,
            #[api(path)]
            path: Option<FieldPath>,
            #[api(instance)]
            instance: Option<String>,
            #[api(extension)]
            hint: Option<&'static str>,
        },
        Plain {
            #[api(errors)]
            errors: Vec<FieldError>,
            #[api(path)]
            path: FieldPath,
            #[api(instance)]
            instance: &'static str,
        },
    }
    let none = E::Optional {
        errors: None,
        path: None,
        instance: None,
        hint: None,
    };
    assert!(none.errors().is_empty());
    assert_eq!(none.path(), None);
    assert_eq!(none.instance(), None);
    assert_eq!(
        Flat::render(&none),
        br#"{"error":"optional","message":"Unprocessable Content"}"#
    );

    let plain = E::Plain {
        errors: vec![FieldError::new("required", "Required.").at("name")],
        path: FieldPath::parse("user.name"),
        instance: "/signups/7",
    };
    assert_eq!(plain.errors()[0].code(), "required");
    assert_eq!(plain.path().unwrap().to_string(), "user.name");
    assert_eq!(plain.instance(), Some("/signups/7"));

    let some = E::Optional {
        errors: Some(plain.errors().iter().cloned().collect()),
        path: Some(FieldPath::parse("a")),
        instance: Some("/x".into()),
        hint: Some("try again"),
    };
    assert_eq!(some.errors().len(), 1);
    assert_eq!(some.instance(), Some("/x"));
    assert_eq!(
        Problem::render(&some),
        br##"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"Unprocessable Content","instance":"/x","code":"optional","pointer":"#/a","hint":"try again","errors":[{"code":"required","detail":"Required.","pointer":"#/name"}]}"##
    );
}

#[test]
fn field_keys_in_generic_types_get_bounds() {
    #[derive(Debug, ApiError)]
    #[api(status = 429)]
    struct Limited<T, D> {
        #[api(extension)]
        quota: T,
        #[api(retry_after, header = "X-Retry-In")]
        delay: D,
    }
    let err = Limited {
        quota: [1u8, 2],
        delay: 30u32,
    };
    let response = Flat::response(&err);
    assert_eq!(response.headers()["retry-after"], "30");
    assert_eq!(response.headers()["x-retry-in"], "30");
    assert_eq!(
        response.into_body(),
        br#"{"error":"limited","message":"Too Many Requests","quota":[1,2]}"#
    );
}

/// The derive accepts a literal status exactly where the runtime's rule
/// does: 400 and 599 here, 399 and 600 refused by the `ui/status` cases.
#[test]
fn the_status_range_of_the_derive_is_the_runtimes() {
    #[derive(Debug, ApiError)]
    enum Edges {
        #[api(status = 400)]
        Lowest,
        #[api(status = 599)]
        Highest,
    }
    assert_eq!(Edges::Lowest.status(), 400);
    assert_eq!(Edges::Highest.status(), 599);
    let rule = |code| api_error::__private::is_error_status(StatusCode::from_u16(code).unwrap());
    assert!(rule(400) && rule(599));
    assert!(!rule(399) && !rule(600));
}
