//! utoipa's `IntoResponses` for derived errors: one response per status, the
//! body schema of the format with the errors' extension members, an example
//! per code that is the body the wire has, the headers the errors send
//! spelt as RFC 9110 does, `subset!` for the errors of one operation, and a
//! whole document that a real OpenAPI validator accepts.

use std::time::Duration;

use api_error::format::{
    Flat, Format, Google, JsonApi, Meta, Microsoft, Nested, Problem, Standard,
};
use api_error::openapi::Subset;
use api_error::{ApiError, RequestError};
use serde_json::{Value, json};
use utoipa::{IntoResponses, OpenApi};

#[path = "support/openapi_validator.rs"]
mod openapi_validator;
use openapi_validator::assert_valid_openapi;

// The enums here exist for their derived impls, not for their values.

/// A session error, rendered in its own format.
#[allow(dead_code)]
#[derive(Debug, ApiError)]
#[api(format = Meta)]
enum SessionError {
    /// The session expired.
    #[api(
        status = 401,
        title = "Session Expired",
        www_authenticate = "Bearer realm=\"api\""
    )]
    Expired,
}

#[allow(dead_code)]
#[derive(Debug, ApiError)]
#[api(type = "https://example.com/errors/")]
enum ApiFailure {
    /// The user you're trying to create already exists.
    ///
    /// Pick another email address.
    #[api(status = 409, message = "The user {id} already exists.")]
    UserExists {
        #[api(example = 7)]
        id: u64,
    },
    /// The group you're trying to create already exists.
    #[api(status = 409)]
    GroupExists,
    /// Too many requests.
    #[api(status = 429)]
    Slow(
        #[api(retry_after)] u32,
        #[api(header = "X-RateLimit-Limit", example = 100)] u32,
    ),
    #[api(transparent)]
    Session(SessionError),
}

fn responses<T: IntoResponses>() -> Value {
    serde_json::to_value(T::responses()).expect("JSON")
}

#[test]
fn one_response_per_status_with_an_example_per_code() {
    let responses = responses::<ApiFailure>();
    let statuses: Vec<&String> = responses.as_object().expect("an object").keys().collect();
    assert_eq!(statuses, ["401", "409", "429"]);

    let conflict = &responses["409"];
    assert_eq!(
        conflict["description"],
        "Conflict\n\n- `user_exists`: The user you're trying to create already exists. Pick another email address.\n\n- `group_exists`: The group you're trying to create already exists."
    );
    let content = &conflict["content"]["application/problem+json"];
    assert_eq!(
        content["schema"]["required"],
        json!(["type", "title", "status", "detail", "code"])
    );
    assert_eq!(
        content["examples"]["user_exists"]["value"],
        json!({
            "type": "https://example.com/errors/user_exists",
            "title": "Conflict",
            "status": 409,
            "detail": "The user 7 already exists.",
            "code": "user_exists",
        })
    );
    assert_eq!(content["examples"]["group_exists"]["summary"], "Conflict");
}

#[test]
fn headers_are_spelt_as_rfc_9110_does_with_an_example() {
    let responses = responses::<ApiFailure>();
    let slow = &responses["429"]["headers"];
    let names: Vec<&String> = slow.as_object().expect("headers").keys().collect();
    assert_eq!(names, ["Retry-After", "X-RateLimit-Limit"]);
    assert_eq!(slow["Retry-After"]["schema"], json!({"type": "integer"}));
    assert_eq!(slow["Retry-After"]["example"], 0);
    assert_eq!(
        slow["Retry-After"]["description"],
        "How many seconds to wait before trying again. Sent with `slow`."
    );
    // As the key writes it, with the field's example, of its type.
    assert_eq!(
        slow["X-RateLimit-Limit"]["schema"],
        json!({"type": "integer"})
    );
    assert_eq!(slow["X-RateLimit-Limit"]["example"], 100);

    let unauthorized = &responses["401"]["headers"]["WWW-Authenticate"];
    assert_eq!(unauthorized["example"], "Bearer realm=\"api\"");
    assert_eq!(unauthorized["schema"], json!({"type": "string"}));
}

#[test]
fn transparent_variants_bring_their_entries_in_their_format() {
    let responses = responses::<ApiFailure>();
    let unauthorized = &responses["401"];
    assert_eq!(
        unauthorized["description"],
        "Unauthorized\n\n- `expired` (Session Expired): The session expired."
    );
    assert_eq!(
        unauthorized["content"]["application/json"]["examples"]["expired"]["value"],
        json!({"meta": {"status": 401, "error": {"status": 401, "type": "expired", "message": "Unauthorized"}}})
    );
}

#[test]
fn a_type_format_applies_to_its_transparent_entries() {
    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    #[api(format = Flat)]
    enum Outer {
        #[api(transparent)]
        Session(SessionError),
    }
    let responses = responses::<Outer>();
    assert_eq!(
        responses["401"]["content"]["application/json"]["examples"]["expired"]["value"],
        json!({"error": "expired", "message": "Unauthorized"})
    );
}

/// The errors of an order API, with a field of every kind the documents
/// show: in the message, as an extension member, as a header.
macro_rules! order_error {
    ($name:ident, $format:ty) => {
        #[derive(Debug, ApiError)]
        #[api(format = $format)]
        enum $name {
            /// Too many orders at once.
            #[api(
                status = 429,
                message = "Too many orders; retry in {retry_after} seconds."
            )]
            TooManyOrders {
                #[api(retry_after, example = 30)]
                retry_after: u64,
                #[api(extension, example = 10)]
                limit: u32,
                #[api(extension)]
                plan: Option<String>,
            },
            /// The order is on hold.
            #[api(status = 429, message = "Order {0} is on hold: {1}.")]
            OnHold(
                #[api(example = "A-17")] String,
                #[api(extension = "reason")] String,
            ),
        }

        impl $name {
            /// Errors with the example values, as the wire would have them.
            fn like_the_examples() -> [$name; 2] {
                [
                    $name::TooManyOrders {
                        retry_after: 30,
                        limit: 10,
                        plan: Some("string".to_owned()),
                    },
                    $name::OnHold("A-17".to_owned(), "string".to_owned()),
                ]
            }
        }
    };
}

order_error!(ProblemOrders, Problem);
order_error!(FlatOrders, Flat);
order_error!(MetaOrders, Meta);
order_error!(NestedOrders, Nested);
order_error!(StandardOrders, Standard);
order_error!(JsonApiOrders, JsonApi);
order_error!(GoogleOrders, Google);
order_error!(MicrosoftOrders, Microsoft);

/// The example of each code in `T`'s 429 response, in `content_type`, next
/// to the body an error with the same field values gets on the wire.
fn examples_and_wire<T: IntoResponses + ApiError>(
    content_type: &str,
    errors: &[T],
    render: fn(&T) -> Vec<u8>,
) -> Vec<(Value, Value)> {
    let responses = responses::<T>();
    let examples = &responses["429"]["content"][content_type]["examples"];
    errors
        .iter()
        .map(|err| {
            let wire: Value = serde_json::from_slice(&render(err)).expect("JSON");
            (examples[err.code()]["value"].clone(), wire)
        })
        .collect()
}

#[test]
fn examples_are_the_bodies_the_wire_has_in_every_format() {
    let cases = [
        examples_and_wire(
            "application/problem+json",
            &ProblemOrders::like_the_examples(),
            Problem::render,
        ),
        examples_and_wire(
            "application/json",
            &FlatOrders::like_the_examples(),
            Flat::render,
        ),
        examples_and_wire(
            "application/json",
            &MetaOrders::like_the_examples(),
            Meta::render,
        ),
        examples_and_wire(
            "application/json",
            &NestedOrders::like_the_examples(),
            Nested::render,
        ),
        examples_and_wire(
            "application/json",
            &StandardOrders::like_the_examples(),
            Standard::render,
        ),
        examples_and_wire(
            "application/vnd.api+json",
            &JsonApiOrders::like_the_examples(),
            JsonApi::render,
        ),
        examples_and_wire(
            "application/json",
            &GoogleOrders::like_the_examples(),
            Google::render,
        ),
        examples_and_wire(
            "application/json",
            &MicrosoftOrders::like_the_examples(),
            Microsoft::render,
        ),
    ];
    for (example, wire) in cases.into_iter().flatten() {
        assert_eq!(example, wire);
    }
    let responses = responses::<ProblemOrders>();
    let examples = &responses["429"]["content"]["application/problem+json"]["examples"];
    assert_eq!(
        examples["too_many_orders"]["value"]["detail"],
        "Too many orders; retry in 30 seconds."
    );
    assert_eq!(examples["too_many_orders"]["value"]["limit"], 10);
    assert_eq!(
        examples["on_hold"]["value"]["detail"],
        "Order A-17 is on hold: string."
    );
}

#[test]
fn extension_members_are_in_the_schema_where_the_format_puts_them() {
    let problem = responses::<ProblemOrders>();
    let schema = &problem["429"]["content"]["application/problem+json"]["schema"];
    assert_eq!(schema["properties"]["limit"]["type"], "integer");
    assert_eq!(
        schema["properties"]["limit"]["description"],
        "An extension member of `too_many_orders`."
    );
    assert_eq!(schema["properties"]["plan"]["type"], "string");
    assert_eq!(schema["properties"]["reason"]["type"], "string");
    // `limit` is sent by one of the two codes, so no member is required
    // beyond the format's own.
    assert_eq!(
        schema["required"],
        json!(["type", "title", "status", "detail", "code"])
    );

    let meta = responses::<MetaOrders>();
    let error = &meta["429"]["content"]["application/json"]["schema"]["properties"]["meta"]["properties"]
        ["error"];
    assert_eq!(error["properties"]["limit"]["type"], "integer");
    assert!(
        meta["429"]["content"]["application/json"]["schema"]["properties"]
            .get("limit")
            .is_none()
    );

    let nested = responses::<NestedOrders>();
    let error = &nested["429"]["content"]["application/json"]["schema"]["properties"]["error"];
    assert_eq!(error["properties"]["reason"]["type"], "string");
}

#[test]
fn a_member_every_error_of_a_content_sends_is_required() {
    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    enum Limited {
        #[api(status = 429)]
        Limited {
            #[api(extension, example = 100)]
            limit: u32,
        },
    }
    let responses = responses::<Limited>();
    let schema = &responses["429"]["content"]["application/problem+json"]["schema"];
    assert_eq!(
        schema["required"],
        json!(["type", "title", "status", "detail", "code", "limit"])
    );
}

#[test]
fn a_field_without_an_example_shows_a_sample_of_its_type() {
    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    enum Samples {
        #[api(
            status = 400,
            message = "{count} of {name} at {price} ({free}, {code:?}, {ratio:.2})"
        )]
        Sampled {
            count: u32,
            name: String,
            price: f64,
            free: bool,
            code: &'static str,
            ratio: f32,
            #[api(extension)]
            tags: Vec<String>,
            #[api(extension)]
            counts: std::collections::BTreeMap<String, u32>,
        },
    }
    let entry = Samples::catalog().iter().next().expect("an entry").entry();
    assert_eq!(
        entry.example_message(),
        r#"0 of string at 0 (false, "string", 0.00)"#
    );
    let responses = responses::<Samples>();
    let content = &responses["400"]["content"]["application/problem+json"];
    let body = &content["examples"]["sampled"]["value"];
    assert_eq!(body["tags"], json!(["string"]));
    assert_eq!(body["counts"], json!({}));
    assert_eq!(content["schema"]["properties"]["tags"]["type"], "array");
    assert_eq!(content["schema"]["properties"]["counts"]["type"], "object");
}

#[test]
fn no_example_shows_a_raw_placeholder() {
    let responses = responses::<RequestError>();
    let mut messages = 0;
    for response in responses.as_object().expect("responses").values() {
        let examples = &response["content"]["application/problem+json"]["examples"];
        for example in examples.as_object().expect("examples").values() {
            let detail = example["value"]["detail"].as_str().expect("a detail");
            assert!(!detail.contains('{'), "{detail}");
            messages += 1;
        }
    }
    assert_eq!(messages, RequestError::catalog().len());
    let bad_request = &responses["400"]["content"]["application/problem+json"]["examples"];
    assert_eq!(
        bad_request["unexpected_field"]["value"]["detail"],
        "foo is not a valid field name for this request. Expected 3 optional fields: name, status and members."
    );
    // The field the error is about is in the body, as on the wire.
    assert_eq!(bad_request["missing_field"]["value"]["pointer"], "#/name");
}

api_error::subset!(
    /// What `PUT /users/{id}` answers with.
    PutUserErrors = ApiFailure { UserExists, Session }
);

#[test]
fn a_subset_documents_the_variants_it_names() {
    let responses = responses::<PutUserErrors>();
    let statuses: Vec<&String> = responses.as_object().expect("an object").keys().collect();
    assert_eq!(statuses, ["401", "409"]);
    let examples = responses["409"]["content"]["application/problem+json"]["examples"]
        .as_object()
        .expect("examples");
    assert_eq!(examples.keys().collect::<Vec<_>>(), ["user_exists"]);
    // A transparent variant brings its type's errors.
    assert!(responses["401"]["content"]["application/json"]["examples"]["expired"].is_object());
    let codes: Vec<&str> = PutUserErrors::catalog()
        .iter()
        .map(|item| item.entry().code())
        .collect();
    assert_eq!(codes, ["user_exists", "expired"]);
}

/// A document with every format, extension members, headers and subsets.
#[derive(OpenApi)]
#[openapi(
    info(title = "Orders", version = "1"),
    paths(
        order,
        order_flat,
        order_meta,
        order_nested,
        order_standard,
        put_user,
        any
    )
)]
struct OrdersDoc;

#[utoipa::path(post, path = "/orders", responses((status = 201, description = "Ordered."), ProblemOrders))]
#[allow(dead_code)]
fn order() {}
#[utoipa::path(post, path = "/flat", responses(FlatOrders))]
#[allow(dead_code)]
fn order_flat() {}
#[utoipa::path(post, path = "/meta", responses(MetaOrders))]
#[allow(dead_code)]
fn order_meta() {}
#[utoipa::path(post, path = "/nested", responses(NestedOrders))]
#[allow(dead_code)]
fn order_nested() {}
#[utoipa::path(post, path = "/standard", responses(StandardOrders))]
#[allow(dead_code)]
fn order_standard() {}
#[utoipa::path(put, path = "/users/{id}", params(("id" = u64, Path)), responses(PutUserErrors))]
#[allow(dead_code)]
fn put_user() {}
#[utoipa::path(get, path = "/any", responses(ApiFailure, RequestError))]
#[allow(dead_code)]
fn any() {}

#[test]
fn the_document_is_valid_openapi() {
    let document = OrdersDoc::openapi().to_pretty_json().expect("JSON");
    assert_valid_openapi("orders-utoipa", &document);
}

#[test]
fn a_delay_field_of_any_type_documents_seconds() {
    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    enum Busy {
        #[api(status = 503)]
        Busy(#[api(retry_after, example = 120)] Duration),
    }
    let responses = responses::<Busy>();
    assert_eq!(responses["503"]["headers"]["Retry-After"]["example"], 120);
    assert_eq!(
        responses["503"]["headers"]["Retry-After"]["schema"]["type"],
        "integer"
    );
}
