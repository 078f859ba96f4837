//! The users API of the reference page in `shared/seeds/000`: its errors, its
//! request bodies, a store, and the rules of each endpoint, shared by the
//! axum and the actix-web servers.
//!
//! Bearer tokens, for the demo: `demo-token` is a valid access token and
//! `expired-token` an expired one; `app.<application>.<signature>`,
//! `project.<project>.<signature>` and `customer.<customer>.<signature>`
//! are app, project and customer tokens, valid for the application,
//! project or customer `demo` with the signature `ok`. Any other token is an
//! invalid access token.

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;
#[cfg(feature = "utoipa")]
pub mod openapi;

use std::collections::BTreeMap;
use std::fmt;
use std::io;
use std::net::TcpListener;
use std::sync::{Arc, Mutex, PoisonError};

use api_error::format::{self, Flat};
use api_error::request::RequestHeaders;
#[cfg(any(feature = "axum", feature = "actix-web"))]
use api_error::translations::{TranslationError, Translations};
use api_error::{ApiError, RequestError, bearer_token};
use serde::{Deserialize, Serialize};

/// What both servers do before serving: render every error in the page's
/// flat format (those raised before a handler runs too, which have no type
/// of the API's to name it), link every error's type into the reference
/// page the API serves at `/errors` (the request errors too, through the
/// application's docs base), log to stdout with the `tracing` feature, and
/// listen on 127.0.0.1, on the port `PORT` names or 3000.
pub fn start() -> io::Result<TcpListener> {
    format::set_default::<Flat>().map_err(io::Error::other)?;
    api_error::app::set_docs_base(DOCS).map_err(io::Error::other)?;
    #[cfg(feature = "tracing")]
    tracing_subscriber::fmt().init();
    let port = std::env::var("PORT")
        .ok()
        .and_then(|port| port.parse().ok())
        .unwrap_or(3000);
    TcpListener::bind(("127.0.0.1", port))
}

/// The API's messages in French besides English, by code, from
/// `examples/users/fr.toml`, embedded: each template checked, as it loads,
/// against the message of the error with its code (the request errors
/// included, which `UsersError` holds). The request context writes a body's
/// message in French for a request whose `Accept-Language` prefers it.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub fn translations() -> Result<Translations, TranslationError> {
    Translations::new("en", UsersError::catalog())?.add_toml("fr", include_str!("fr.toml"))
}

/// Where the reference page the API serves has each error, by code: its
/// errors' type URIs.
pub const DOCS: &str = "/errors#";

/// The introduction of both reference pages.
const INTRO: &str = "Every error the users API answers with: its status, its code, what it \
     means and what the body looks like. Bodies are `application/json`, \
     `{\"error\": <code>, \"message\": <message>}`. The bodies are \
     examples: where a message names a user, a field or a limit, each \
     occurrence names its own.";

/// The API's error reference page in HTML, which it serves at
/// `GET /errors`: the page its errors' type URIs point into.
pub fn reference_page_html() -> String {
    UsersError::catalog()
        .html()
        .title("Users API errors")
        .intro(INTRO)
        .to_string()
}

/// The API's error reference page, in Markdown: what
/// `cargo run --example error_reference` writes to `examples/users/ERRORS.md`.
pub fn reference_page() -> String {
    UsersError::catalog()
        .markdown()
        .title("Users API errors")
        .intro(INTRO)
        .to_string()
}

/// Every error the API answers with, in the page's flat format:
/// `{"error": <code>, "message": <message>}`.
#[derive(Debug, ApiError)]
#[api(format = Flat, type = "/errors#")]
pub enum UsersError {
    /// The referenced application ID does not exist.
    #[api(
        status = 401,
        message = "The referenced application ID does not exist."
    )]
    ApplicationNotFound,

    /// The referenced project ID does not exist.
    #[api(status = 401, message = "The referenced project ID does not exist.")]
    ProjectNotFound,

    /// The request references a user ID which has not yet been created.
    #[api(status = 401, message = "The user {0} has not been created yet.")]
    UserNotFound(#[api(example = "bob")] String),

    /// The request references a group ID which has not yet been created.
    #[api(status = 401, message = "The group {0} has not been created yet.")]
    GroupNotFound(#[api(example = "marketing")] String),

    /// The request references an organization ID which has not yet been created.
    #[api(
        status = 401,
        message = "The organization {0} has not been created yet."
    )]
    OrganizationNotFound(#[api(example = "456")] String),

    /// The app token is not a valid JWT or is signed incorrectly.
    #[api(
        status = 401,
        message = "The app token is not a valid JWT or is signed incorrectly."
    )]
    InvalidAppToken,

    /// The project token is not a valid JWT or is signed incorrectly.
    #[api(
        status = 401,
        message = "The project token is not a valid JWT or is signed incorrectly."
    )]
    InvalidProjectToken,

    /// The customer token is not a valid JWT or is signed incorrectly.
    #[api(
        status = 401,
        message = "The customer token is not a valid JWT or is signed incorrectly."
    )]
    InvalidCustomerToken,

    /// The access token is invalid. You should request another one.
    #[api(
        status = 401,
        message = "The access token is invalid. You should request another one."
    )]
    InvalidAccessToken,

    /// The access token is expired or has been revoked. You should request another one.
    #[api(
        status = 401,
        message = "The access token is expired or has been revoked. You should request another one."
    )]
    ExpiredAccessToken,

    /// The group you're trying to create already exists.
    #[api(
        status = 409,
        message = "The group {0} you're trying to create already exists."
    )]
    GroupAlreadyExists(#[api(example = "engineering")] String),

    /// The user you're trying to create already exists.
    #[api(
        status = 409,
        message = "A user with the email {email} already exists."
    )]
    UserAlreadyExists {
        /// The email another user has.
        #[api(example = "ada@example.com")]
        email: String,
    },

    /// Generic internal server error.
    #[api(status = 500, code = "error")]
    Internal(#[source] StoreError),

    /// The errors raised before a handler runs: the body, the method, the
    /// `Authorization` header.
    #[api(transparent)]
    Request(#[from] RequestError),
}

/// A failure of the storage layer: internal, logged, never shown.
#[derive(Debug)]
pub struct StoreError(String);

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "storage failed: {}", self.0)
    }
}

impl std::error::Error for StoreError {}

// The servers validate the bodies as they read them (`api_error::validator::Valid`):
// a body whose values break these rules gets `validation_failed` (422),
// with every problem.

/// `PUT /v1/users/{id}`: every field optional.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "validator", derive(validator::Validate))]
#[serde(deny_unknown_fields)]
pub struct UpdateUser {
    /// The user's name: 1 to 100 characters.
    #[cfg_attr(feature = "validator", validate(length(min = 1, max = 100)))]
    pub name: Option<String>,
    /// The user's email address, which no other user may have.
    #[cfg_attr(feature = "validator", validate(email))]
    pub email: Option<String>,
    /// A URL of the user's picture.
    #[cfg_attr(feature = "validator", validate(url))]
    pub profile_picture_url: Option<String>,
}

/// `PUT /v1/organizations/{id}`: every field optional.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "validator", derive(validator::Validate))]
#[serde(deny_unknown_fields)]
pub struct UpdateOrganization {
    /// The organization's name: 1 to 100 characters.
    #[cfg_attr(feature = "validator", validate(length(min = 1, max = 100)))]
    pub name: Option<String>,
    /// Whether the organization is active.
    pub status: Option<OrganizationStatus>,
    /// The IDs of the organization's users.
    pub members: Option<Vec<String>>,
}

/// Whether an organization is active.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum OrganizationStatus {
    /// In use.
    Active,
    /// Deleted: kept for the record.
    Deleted,
}

/// `POST /v1/groups`.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "validator", derive(validator::Validate))]
#[serde(deny_unknown_fields)]
pub struct NewGroup {
    /// The group's ID, which no other group may have: 1 to 64 characters.
    #[cfg_attr(feature = "validator", validate(length(min = 1, max = 64)))]
    pub id: String,
    /// The group's name: 1 to 100 characters.
    #[cfg_attr(feature = "validator", validate(length(min = 1, max = 100)))]
    pub name: String,
    /// The IDs of the group's users.
    pub members: Option<Vec<String>>,
    /// The ID of an existing group this one belongs to.
    pub parent: Option<String>,
}

/// A user.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct User {
    /// The user's ID.
    pub id: String,
    /// The user's name.
    pub name: Option<String>,
    /// The user's email address.
    pub email: Option<String>,
    /// A URL of the user's picture.
    pub profile_picture_url: Option<String>,
}

/// An organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct Organization {
    /// The organization's ID.
    pub id: String,
    /// The organization's name.
    pub name: String,
    /// Whether the organization is active.
    pub status: OrganizationStatus,
    /// The IDs of the organization's users.
    pub members: Vec<String>,
}

/// A group of users.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct Group {
    /// The group's ID.
    pub id: String,
    /// The group's name.
    pub name: String,
    /// The IDs of the group's users.
    pub members: Vec<String>,
    /// The ID of the group this one belongs to.
    pub parent: Option<String>,
}

/// The API's data, shared by the requests.
#[derive(Debug, Clone, Default)]
pub struct Store {
    data: Arc<Mutex<Data>>,
}

#[derive(Debug, Default)]
struct Data {
    users: BTreeMap<String, User>,
    organizations: BTreeMap<String, Organization>,
    groups: BTreeMap<String, Group>,
}

impl Store {
    /// A store with the demo's data: the organization `123`, the user
    /// `ada` (ada@example.com) and the group `engineering`.
    pub fn demo() -> Self {
        let store = Store::default();
        store.with(|data| {
            let ada = User {
                id: "ada".into(),
                name: Some("Ada Lovelace".into()),
                email: Some("ada@example.com".into()),
                profile_picture_url: None,
            };
            data.users.insert(ada.id.clone(), ada);
            data.organizations.insert(
                "123".into(),
                Organization {
                    id: "123".into(),
                    name: "Analytical Engines".into(),
                    status: OrganizationStatus::Active,
                    members: vec!["ada".into()],
                },
            );
            data.groups.insert(
                "engineering".into(),
                Group {
                    id: "engineering".into(),
                    name: "Engineering".into(),
                    members: vec!["ada".into()],
                    parent: None,
                },
            );
        });
        store
    }

    fn with<T>(&self, f: impl FnOnce(&mut Data) -> T) -> T {
        // A panic elsewhere cannot leave the demo's maps half-written.
        let mut data = self.data.lock().unwrap_or_else(PoisonError::into_inner);
        f(&mut data)
    }

    /// `PUT /v1/users/{id}`: creates or updates the user.
    pub fn put_user(&self, id: &str, update: UpdateUser) -> Result<User, UsersError> {
        if id == "crash" {
            // The demo's way to reach a 500: its text stays in the logs.
            return Err(UsersError::Internal(StoreError(
                "connection to postgres://admin@10.0.0.7/users refused".into(),
            )));
        }
        self.with(|data| {
            if let Some(email) = &update.email {
                let taken = data
                    .users
                    .values()
                    .any(|user| user.id != id && user.email.as_deref() == Some(email.as_str()));
                if taken {
                    return Err(UsersError::UserAlreadyExists {
                        email: email.clone(),
                    });
                }
            }
            let user = data.users.entry(id.to_owned()).or_insert_with(|| User {
                id: id.to_owned(),
                ..User::default()
            });
            user.name = update.name.or(user.name.take());
            user.email = update.email.or(user.email.take());
            user.profile_picture_url = update
                .profile_picture_url
                .or(user.profile_picture_url.take());
            Ok(user.clone())
        })
    }

    /// `PUT /v1/organizations/{id}`: updates an existing organization.
    pub fn put_organization(
        &self,
        id: &str,
        update: UpdateOrganization,
    ) -> Result<Organization, UsersError> {
        self.with(|data| {
            if let Some(unknown) = update
                .members
                .iter()
                .flatten()
                .find(|member| !data.users.contains_key(*member))
            {
                return Err(UsersError::UserNotFound(unknown.clone()));
            }
            let organization = data
                .organizations
                .get_mut(id)
                .ok_or_else(|| UsersError::OrganizationNotFound(id.to_owned()))?;
            if let Some(name) = update.name {
                organization.name = name;
            }
            if let Some(status) = update.status {
                organization.status = status;
            }
            if let Some(members) = update.members {
                organization.members = members;
            }
            Ok(organization.clone())
        })
    }

    /// `POST /v1/groups`: creates a group.
    pub fn create_group(&self, group: NewGroup) -> Result<Group, UsersError> {
        self.with(|data| {
            if data.groups.contains_key(&group.id) {
                return Err(UsersError::GroupAlreadyExists(group.id));
            }
            if let Some(parent) = group
                .parent
                .as_ref()
                .filter(|parent| !data.groups.contains_key(*parent))
            {
                return Err(UsersError::GroupNotFound(parent.clone()));
            }
            let members = group.members.unwrap_or_default();
            if let Some(unknown) = members
                .iter()
                .find(|member| !data.users.contains_key(*member))
            {
                return Err(UsersError::UserNotFound(unknown.clone()));
            }
            let group = Group {
                id: group.id,
                name: group.name,
                members,
                parent: group.parent,
            };
            data.groups.insert(group.id.clone(), group.clone());
            Ok(group)
        })
    }
}

/// Checks the request's bearer token; see the module documentation for the
/// demo's tokens. `headers` is the request's headers, or the request itself,
/// as either framework hands it.
pub fn authenticate(headers: &impl RequestHeaders) -> Result<(), UsersError> {
    let token = bearer_token(headers)?;
    let mut parts = token.splitn(3, '.');
    let (kind, subject, signature) = (parts.next(), parts.next(), parts.next());
    match (kind, subject, signature) {
        (Some("demo-token"), None, None) => Ok(()),
        (Some("expired-token"), None, None) => Err(UsersError::ExpiredAccessToken),
        (Some("app"), Some(app), Some(signature)) => check(
            app,
            signature,
            UsersError::ApplicationNotFound,
            UsersError::InvalidAppToken,
        ),
        (Some("project"), Some(project), Some(signature)) => check(
            project,
            signature,
            UsersError::ProjectNotFound,
            UsersError::InvalidProjectToken,
        ),
        (Some("customer"), Some(customer), Some(signature)) => check(
            customer,
            signature,
            UsersError::InvalidCustomerToken,
            UsersError::InvalidCustomerToken,
        ),
        (Some("app"), ..) => Err(UsersError::InvalidAppToken),
        (Some("project"), ..) => Err(UsersError::InvalidProjectToken),
        (Some("customer"), ..) => Err(UsersError::InvalidCustomerToken),
        _ => Err(UsersError::InvalidAccessToken),
    }
}

/// A token for `subject`, valid when it is `demo` signed `ok`.
fn check(
    subject: &str,
    signature: &str,
    unknown: UsersError,
    unsigned: UsersError,
) -> Result<(), UsersError> {
    match (subject, signature) {
        ("demo", "ok") => Ok(()),
        ("demo", _) => Err(unsigned),
        _ => Err(unknown),
    }
}
