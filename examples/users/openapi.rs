//! The users API's OpenAPI document: each operation lists the errors it can
//! answer with, one response per status, with an example body per code, from
//! a `subset!` of `UsersError` per operation: the variants its handler and
//! `authenticate` return, and `Request`, for what the extractors and the
//! framework raise before a handler runs.

use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{
    Group, NewGroup, Organization, OrganizationStatus, UpdateOrganization, UpdateUser, User,
    UsersError,
};

/// The document, as JSON.
pub fn document() -> String {
    ApiDoc::openapi().to_pretty_json().unwrap_or_default()
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Users API", description = "The users API of the reference page, with api-error."),
    paths(put_user, put_organization, create_group),
    components(schemas(UpdateUser, UpdateOrganization, OrganizationStatus, NewGroup, User, Organization, Group)),
    modifiers(&BearerAuth),
    security(("bearer" = []))
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

// The errors of each operation, one declaration each.
api_error::subset!(
    PutUserErrors = UsersError {
        ApplicationNotFound,
        ProjectNotFound,
        InvalidAppToken,
        InvalidProjectToken,
        InvalidCustomerToken,
        InvalidAccessToken,
        ExpiredAccessToken,
        UserAlreadyExists,
        Internal,
        Request
    }
);
api_error::subset!(
    PutOrganizationErrors = UsersError {
        ApplicationNotFound,
        ProjectNotFound,
        InvalidAppToken,
        InvalidProjectToken,
        InvalidCustomerToken,
        InvalidAccessToken,
        ExpiredAccessToken,
        UserNotFound,
        OrganizationNotFound,
        Request
    }
);
api_error::subset!(
    CreateGroupErrors = UsersError {
        ApplicationNotFound,
        ProjectNotFound,
        InvalidAppToken,
        InvalidProjectToken,
        InvalidCustomerToken,
        InvalidAccessToken,
        ExpiredAccessToken,
        UserNotFound,
        GroupNotFound,
        GroupAlreadyExists,
        Request
    }
);

// The operations, for the document only: the servers have their own handlers.

/// Creates or updates a user.
#[utoipa::path(
    put,
    path = "/v1/users/{id}",
    params(("id" = String, Path, description = "The user's ID.")),
    request_body = UpdateUser,
    responses((status = 200, description = "The user.", body = User), PutUserErrors)
)]
#[allow(dead_code)]
fn put_user() {}

/// Updates an organization.
#[utoipa::path(
    put,
    path = "/v1/organizations/{id}",
    params(("id" = String, Path, description = "The organization's ID.")),
    request_body = UpdateOrganization,
    responses((status = 200, description = "The organization.", body = Organization), PutOrganizationErrors)
)]
#[allow(dead_code)]
fn put_organization() {}

/// Creates a group.
#[utoipa::path(
    post,
    path = "/v1/groups",
    request_body = NewGroup,
    responses((status = 201, description = "The group.", body = Group), CreateGroupErrors)
)]
#[allow(dead_code)]
fn create_group() {}
