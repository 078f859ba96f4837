//! A catalog as JSON: the error contract of an API, for tools and for
//! keeping in a repository.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::{Catalog, Entry};

impl Catalog {
    /// The catalog as pretty-printed JSON, ending with a newline: an object
    /// whose `errors` lists each entry, by status then as declared, with
    /// its `code`, `status`, `title` and `message` template, and, where it
    /// has them, its `description`, `causes`, `resolution`, `type` URI,
    /// `www_authenticate` challenge and the names of the other `headers` it
    /// sends (`Retry-After`);
    /// `declared_as` says which Rust type and
    /// variant declare it. With the `catalog` feature.
    ///
    /// ```
    /// use api_error::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum UserError {
    ///     /// The user you're trying to create already exists.
    ///     #[api(status = 409, message = "A user with the email {0} already exists.")]
    ///     UserAlreadyExists(String),
    /// }
    ///
    /// assert_eq!(UserError::catalog().to_json(), r#"{
    ///   "errors": [
    ///     {
    ///       "code": "user_already_exists",
    ///       "status": 409,
    ///       "grpc": "ALREADY_EXISTS",
    ///       "title": "Conflict",
    ///       "message": "A user with the email {0} already exists.",
    ///       "description": "The user you're trying to create already exists.",
    ///       "declared_as": "UserError::UserAlreadyExists"
    ///     }
    ///   ]
    /// }
    /// "#);
    /// ```
    pub fn to_json(&self) -> String {
        // Strings and numbers always serialize.
        let mut json = serde_json::to_string_pretty(&Errors(self)).unwrap_or_default();
        json.push('\n');
        json
    }
}

struct Errors<'a>(&'a Catalog);

impl Serialize for Errors<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("errors", &Entries(self.0))?;
        map.end()
    }
}

struct Entries<'a>(&'a Catalog);

impl Serialize for Entries<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let items = self.0.in_page_order();
        let mut seq = serializer.serialize_seq(Some(items.len()))?;
        for item in items {
            seq.serialize_element(item.entry())?;
        }
        seq.end()
    }
}

impl Serialize for Entry {
    /// The entry as [`Catalog::to_json`] lists it.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("code", self.code())?;
        map.serialize_entry("status", &self.status().as_u16())?;
        map.serialize_entry("grpc", self.grpc_code().as_str())?;
        map.serialize_entry("title", self.title())?;
        map.serialize_entry("message", self.message())?;
        if !self.description().is_empty() {
            map.serialize_entry("description", self.description())?;
        }
        if !self.causes().is_empty() {
            map.serialize_entry("causes", self.causes())?;
        }
        if !self.resolution().is_empty() {
            map.serialize_entry("resolution", self.resolution())?;
        }
        if let Some(type_uri) = self.type_uri() {
            map.serialize_entry("type", type_uri)?;
        }
        if let Some(challenge) = self.www_authenticate() {
            map.serialize_entry("www_authenticate", challenge)?;
        }
        if !self.headers().is_empty() {
            let names: Vec<&str> = self.headers().iter().map(|header| header.name()).collect();
            map.serialize_entry("headers", &names)?;
        }
        map.serialize_entry("declared_as", &self.rust_path())?;
        map.end()
    }
}
