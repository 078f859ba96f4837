//! The OpenAPI responses of a catalog, built once for every OpenAPI
//! library (with the `utoipa` or the `aide` feature): `api_error::utoipa`
//! and `api_error::aide` only turn them into their library's types.
//!
//! [`responses`] gives one OpenAPI Response Object per status, as JSON:
//!
//! - a `description`: the reason phrase, then each code with its title and
//!   the variant's doc comment;
//! - a `content` per format the errors render with, with the format's body
//!   schema, completed with the extension members the errors' fields add
//!   (their JSON types, and `required` when every error of the content
//!   sends them), and a named example per code: the body an error of that
//!   kind gets on the wire, its fields shown by their example values;
//! - the `headers` the errors send, spelt as RFC 9110 does
//!   (`WWW-Authenticate`, `Retry-After`, `Allow`), each with its schema and
//!   an example value.
//!
//! [`subset!`](crate::subset) declares the errors one operation can answer
//! with, when that is fewer than its whole error type.
//!
//! ```
//! use api_error::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! enum OrderError {
//!     /// Too many orders at once.
//!     #[api(status = 429, message = "Too many orders; retry in {retry_after} seconds.")]
//!     TooManyOrders {
//!         #[api(retry_after, example = 30)]
//!         retry_after: u64,
//!         #[api(extension, example = 10)]
//!         limit: u32,
//!     },
//! }
//!
//! let responses = api_error::openapi::responses(&OrderError::catalog());
//! let slow = &responses["429"];
//! assert_eq!(slow["headers"]["Retry-After"]["example"], 30);
//! let content = &slow["content"]["application/problem+json"];
//! assert_eq!(content["schema"]["properties"]["limit"]["type"], "integer");
//! let body = &content["examples"]["too_many_orders"]["value"];
//! assert_eq!(body["detail"], "Too many orders; retry in 30 seconds.");
//! assert_eq!(body["limit"], 10);
//! ```

use std::collections::BTreeMap;
use std::fmt;

use http::StatusCode;
use serde_json::{Map, Value, json};

use crate::ApiError;
use crate::catalog::{Catalog, Entry, Item, JsonType};
use crate::format::{DynFormat, default_format};
use crate::status::reason_phrase;

/// The errors one operation can answer with: some variants of an error
/// type, declared with [`subset!`](crate::subset), which implements it.
pub trait Subset {
    /// The errors the variants produce.
    fn catalog() -> Catalog;
}

/// Declares a type that documents some variants of an error type, for the
/// operations that can answer with only those: one line per operation.
///
/// `api_error::subset!(pub PutUserErrors = UsersError { UserAlreadyExists, Request });`
/// declares the unit struct `PutUserErrors`, which implements [`Subset`]
/// and, with the `utoipa` feature, utoipa's `IntoResponses` (name it in
/// `#[utoipa::path(responses(...))]` in place of `UsersError`), and with
/// the `aide` feature, aide's `OperationOutput` (see
/// `api_error::aide::errors` for an operation whose handler returns
/// `Result<_, UsersError>`). A transparent variant brings every error of the
/// type it holds. A variant the type does not have is a compile error on
/// its name.
///
/// ```
/// use api_error::ApiError;
/// use api_error::openapi::Subset;
///
/// #[derive(Debug, ApiError)]
/// enum UserError {
///     #[api(status = 403)]
///     Banned,
///     #[api(status = 409)]
///     AlreadyExists,
///     #[api(transparent)]
///     Request(api_error::RequestError),
/// }
///
/// api_error::subset!(
///     /// The errors of `PUT /users/{id}`.
///     pub PutUserErrors = UserError { AlreadyExists, Request }
/// );
///
/// let responses = api_error::openapi::responses(&PutUserErrors::catalog());
/// assert!(responses.contains_key("409"));
/// assert!(responses.contains_key("400")); // `RequestError`'s
/// assert!(!responses.contains_key("403"));
/// ```
///
/// ```compile_fail
/// # use api_error::ApiError;
/// # #[derive(Debug, ApiError)]
/// # enum UserError {
/// #     #[api(status = 409)]
/// #     AlreadyExists,
/// # }
/// api_error::subset!(pub Errors = UserError { AlreadyExist }); // no variant named `AlreadyExist`
/// ```
#[macro_export]
macro_rules! subset {
    (
        $(#[$attr:meta])*
        $vis:vis $name:ident = $ty:ty { $($variant:ident),+ $(,)? }
    ) => {
        $(#[$attr])*
        #[derive(Debug, Clone, Copy, Default)]
        $vis struct $name;

        const _: () = {
            type __Of = $ty;
            // Names each variant, so that one the type lacks is an error
            // on its name.
            #[allow(dead_code, unreachable_patterns, deprecated)]
            fn __variants_exist(__err: &__Of) {
                match __err {
                    $(__Of::$variant { .. } => {})+
                    _ => {}
                }
            }
            #[automatically_derived]
            impl $crate::openapi::Subset for $name {
                fn catalog() -> $crate::Catalog {
                    <__Of as $crate::ApiError>::catalog()
                        .only(&[$(::core::stringify!($variant)),+])
                }
            }
        };

        $crate::__private::subset_integrations! { $name }
    };
}

/// The OpenAPI Response Objects of every error of `catalog`, by status
/// (`"409"`), as JSON; see the [module documentation](self).
pub fn responses(catalog: &Catalog) -> Map<String, Value> {
    let mut by_status: BTreeMap<u16, Vec<&Item>> = BTreeMap::new();
    for item in catalog {
        by_status
            .entry(item.entry().status().as_u16())
            .or_default()
            .push(item);
    }
    by_status
        .into_iter()
        .map(|(status, items)| (status.to_string(), response(&items)))
        .collect()
}

/// The response of one status: a content per format, an example per code,
/// the headers.
fn response(items: &[&Item]) -> Value {
    let mut formats: Vec<DynFormat> = Vec::new();
    for item in items {
        let format = format_of(item);
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    let mut content = Map::new();
    for format in formats {
        let of_format: Vec<&Item> = items
            .iter()
            .copied()
            .filter(|item| format_of(item) == format)
            .collect();
        let content_type = String::from_utf8_lossy(format.content_type().as_bytes()).into_owned();
        content.insert(content_type, media_type(format, &of_format));
    }
    let mut response = Map::new();
    response.insert("description".to_owned(), description(items).into());
    let headers = headers(items);
    if !headers.is_empty() {
        response.insert("headers".to_owned(), Value::Object(headers));
    }
    response.insert("content".to_owned(), Value::Object(content));
    Value::Object(response)
}

/// The format an item's errors render with when the caller names none.
fn format_of(item: &Item) -> DynFormat {
    item.format().unwrap_or_else(default_format)
}

/// `Conflict`, then each code with its title (where it says more than the
/// reason phrase) and its description.
fn description(items: &[&Item]) -> String {
    let Some(first) = items.first() else {
        return String::new();
    };
    let reason = reason_phrase(first.entry().status());
    let mut text = reason.to_owned();
    for item in items {
        let entry = item.entry();
        text.push_str("\n\n- `");
        text.push_str(entry.code());
        text.push('`');
        if entry.title() != reason {
            text.push_str(" (");
            text.push_str(entry.title());
            text.push(')');
        }
        let description: Vec<&str> = entry.description().split_whitespace().collect();
        if !description.is_empty() {
            text.push_str(": ");
            text.push_str(&description.join(" "));
        }
    }
    text
}

/// The content of one format: its schema with the errors' extension
/// members, and an example body per code.
fn media_type(format: DynFormat, items: &[&Item]) -> Value {
    let at = extensions_at(format);
    let mut examples = Map::new();
    let mut members = ExtensionMembers::default();
    for item in items {
        let entry = item.entry();
        let body: Value =
            serde_json::from_slice(&entry.example_body(format)).unwrap_or(Value::Null);
        if let Some(object) = at.as_deref().and_then(|at| find(&body, at)) {
            members.add(entry, object);
        }
        let mut example = Map::new();
        example.insert("summary".to_owned(), entry.title().into());
        if !entry.description().is_empty() {
            example.insert("description".to_owned(), entry.description().into());
        }
        example.insert("value".to_owned(), body);
        examples.insert(entry.code().to_owned(), Value::Object(example));
    }
    let mut schema: Value =
        serde_json::from_str(format.json_schema()).unwrap_or_else(|_| json!({"type": "object"}));
    if let Some(object) = at.as_deref().and_then(|at| find_schema(&mut schema, at)) {
        members.complete(object, items.len());
    }
    json!({"schema": schema, "examples": examples})
}

/// One step from a body to the object that holds extension members.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Member(String),
    Item,
}

/// The member names a probe error adds, which no format writes itself.
const PROBE: &str = "\u{1}api_error_probe";

/// Where `format` puts extension members: the steps from the body to the
/// object that holds them, found by rendering an error that has one.
fn extensions_at(format: DynFormat) -> Option<Vec<Step>> {
    let body: Value = serde_json::from_slice(&format.render(&Probe)).ok()?;
    let mut steps = Vec::new();
    search(&body, &mut steps).then_some(steps)
}

/// Whether `value` holds the probe member, with the steps to it in `steps`.
fn search(value: &Value, steps: &mut Vec<Step>) -> bool {
    match value {
        Value::Object(object) if object.contains_key(PROBE) => true,
        Value::Object(object) => object.iter().any(|(name, value)| {
            steps.push(Step::Member(name.clone()));
            search(value, steps) || {
                steps.pop();
                false
            }
        }),
        Value::Array(items) => items.iter().any(|value| {
            steps.push(Step::Item);
            search(value, steps) || {
                steps.pop();
                false
            }
        }),
        _ => false,
    }
}

/// The object `steps` lead to in a body.
fn find<'v>(body: &'v Value, steps: &[Step]) -> Option<&'v Map<String, Value>> {
    let mut value = body;
    for step in steps {
        value = match step {
            Step::Member(name) => value.get(name)?,
            Step::Item => value.get(0)?,
        };
    }
    value.as_object()
}

/// The schema of the object `steps` lead to in a body, in a body's schema.
fn find_schema<'v>(schema: &'v mut Value, steps: &[Step]) -> Option<&'v mut Map<String, Value>> {
    let mut value = schema;
    for step in steps {
        value = match step {
            Step::Member(name) => value.get_mut("properties")?.get_mut(name)?,
            Step::Item => value.get_mut("items")?,
        };
    }
    value.as_object_mut()
}

/// The extension members of a content's errors, as their example bodies
/// show them.
#[derive(Default)]
struct ExtensionMembers {
    /// Each member: its type (`None` when the errors disagree, or do not
    /// tell), how many errors send it always, and which codes send it.
    by_name: Vec<(String, Option<JsonType>, usize, Vec<&'static str>)>,
}

impl ExtensionMembers {
    /// Adds the members of `entry` that its example body has in `object`
    /// (a format leaves out the names it writes itself).
    fn add(&mut self, entry: &'static Entry, object: &Map<String, Value>) {
        for extension in entry.extensions() {
            if !object.contains_key(extension.name()) {
                continue;
            }
            let always = usize::from(!extension.optional());
            let json_type = Some(extension.json_type()).filter(|kind| *kind != JsonType::Any);
            match self
                .by_name
                .iter_mut()
                .find(|(name, ..)| name == extension.name())
            {
                Some((_, kind, count, codes)) => {
                    if *kind != json_type {
                        *kind = None;
                    }
                    *count += always;
                    codes.push(entry.code());
                }
                None => self.by_name.push((
                    extension.name().to_owned(),
                    json_type,
                    always,
                    vec![entry.code()],
                )),
            }
        }
    }

    /// Adds the members to the schema of the object that holds them:
    /// `required` where all `errors` of the content send one.
    fn complete(self, object: &mut Map<String, Value>, errors: usize) {
        if self.by_name.is_empty() {
            return;
        }
        for (name, json_type, always, codes) in self.by_name {
            let mut schema = Map::new();
            if let Some(kind) = json_type.and_then(JsonType::name) {
                schema.insert("type".to_owned(), kind.into());
            }
            schema.insert(
                "description".to_owned(),
                format!("An extension member of {}.", Codes(&codes)).into(),
            );
            if let Some(properties) = object
                .entry("properties")
                .or_insert_with(|| Value::Object(Map::new()))
                .as_object_mut()
            {
                properties
                    .entry(name.clone())
                    .or_insert(Value::Object(schema));
            }
            if always == errors
                && let Some(required) = object
                    .entry("required")
                    .or_insert_with(|| Value::Array(Vec::new()))
                    .as_array_mut()
            {
                required.push(name.into());
            }
        }
    }
}

/// The headers the errors of one status send, each once, in the order the
/// errors name them: `WWW-Authenticate` for a 401, then those their fields
/// send; with an `example`, or where the errors send different values, an
/// example per code.
fn headers(items: &[&Item]) -> Map<String, Value> {
    let mut headers: Vec<Header> = Vec::new();
    for item in items {
        let entry = item.entry();
        if entry.status() == StatusCode::UNAUTHORIZED {
            let challenge = entry.www_authenticate().unwrap_or("Bearer");
            let what = "How to authenticate";
            let header = ("WWW-Authenticate", JsonType::String, what);
            add_header(&mut headers, header, entry.code(), challenge.into());
        }
        for sent in entry.headers() {
            let what = match sent.name() {
                "Retry-After" => "How many seconds to wait before trying again",
                "Allow" => "The methods the resource answers",
                _ => "",
            };
            let header = (sent.name(), sent.json_type(), what);
            add_header(&mut headers, header, entry.code(), sent.example().to_json());
        }
    }
    headers
        .into_iter()
        .map(|header| {
            let mut object = Map::new();
            let codes: Vec<&str> = header.examples.iter().map(|(code, _)| *code).collect();
            let sent_with = if codes.len() == items.len() && codes.len() > 1 {
                "Sent with every error of this status.".to_owned()
            } else {
                format!("Sent with {}.", Codes(&codes))
            };
            let description = match header.what {
                "" => sent_with,
                what => format!("{what}. {sent_with}"),
            };
            object.insert("description".to_owned(), description.into());
            let schema = match header.json_type.name() {
                Some(kind) => json!({"type": kind}),
                None => json!({}),
            };
            object.insert("schema".to_owned(), schema);
            match header.examples.as_slice() {
                [(_, first), rest @ ..] if rest.iter().all(|(_, value)| value == first) => {
                    object.insert("example".to_owned(), first.clone());
                }
                examples => {
                    let examples = examples
                        .iter()
                        .map(|(code, value)| ((*code).to_owned(), json!({"value": value})))
                        .collect();
                    object.insert("examples".to_owned(), Value::Object(examples));
                }
            }
            (header.name.to_owned(), Value::Object(object))
        })
        .collect()
}

/// A header as the response documents it, with the example each code
/// sends.
struct Header {
    name: &'static str,
    json_type: JsonType,
    what: &'static str,
    examples: Vec<(&'static str, Value)>,
}

/// Adds the example `code` sends of the header `name` to `headers`, with
/// the header if it is not there yet.
fn add_header(
    headers: &mut Vec<Header>,
    (name, json_type, what): (&'static str, JsonType, &'static str),
    code: &'static str,
    value: Value,
) {
    match headers
        .iter_mut()
        .find(|known| known.name.eq_ignore_ascii_case(name))
    {
        Some(header) => header.examples.push((code, value)),
        None => headers.push(Header {
            name,
            json_type,
            what,
            examples: vec![(code, value)],
        }),
    }
}

/// Codes as a sentence lists them: `` `a` ``, `` `a` and `b` ``, `` `a`, `b` and `c` ``.
struct Codes<'a>(&'a [&'static str]);

impl fmt::Display for Codes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.0.len();
        for (i, code) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(if i + 1 == count { " and " } else { ", " })?;
            }
            write!(f, "`{code}`")?;
        }
        Ok(())
    }
}

/// An error with one extension member, [`PROBE`], to find where a format
/// puts them.
#[derive(Debug)]
struct Probe;

impl fmt::Display for Probe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("probe")
    }
}

impl std::error::Error for Probe {}

impl ApiError for Probe {
    fn status(&self) -> StatusCode {
        StatusCode::BAD_REQUEST
    }
    fn code(&self) -> &str {
        "probe"
    }
    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("probe")
    }
    fn extensions(&self, members: &mut crate::format::Members<'_, '_>) {
        members.insert(PROBE, &true);
    }
}
