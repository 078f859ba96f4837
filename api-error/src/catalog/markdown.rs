//! A catalog as a Markdown reference page.

use std::fmt::{self, Write};

use super::{Catalog, Item};
use crate::format::{DynFormat, Format};

impl Catalog {
    /// The catalog as a Markdown reference page; see [`Markdown`].
    ///
    /// With the `catalog` feature.
    pub fn markdown(&self) -> Markdown<'_> {
        Markdown::new(self)
    }

    /// The items as pages list them: by status, then as declared.
    pub(super) fn in_page_order(&self) -> Vec<&Item> {
        let mut items: Vec<&Item> = self.items.iter().collect();
        items.sort_by_key(|item| item.entry.status());
        items
    }
}

/// A [`Catalog`] as a Markdown error reference page, in the style of the
/// public API pages the formats come from; `Display` writes it.
///
/// The page lists the errors by status, then in the order they are
/// declared. Each has a heading with its status and code (and an anchor
/// named after the code, so that a problem `type` such as
/// `https://example.com/ERRORS.md#user_not_found` links to it), its title,
/// its description, causes and resolution from its doc comment, and an
/// example body (see [`Entry::example_body`](super::Entry::example_body)).
/// With the `catalog` feature.
///
/// ````
/// use api_error::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(format = api_error::format::Flat)]
/// enum UserError {
///     /// The user you're trying to create already exists.
///     ///
///     /// # Causes
///     ///
///     /// - Another user signed up with this email address.
///     ///
///     /// # Resolution
///     ///
///     /// Sign in instead.
///     #[api(status = 409, message = "A user with the email {0} already exists.")]
///     UserAlreadyExists(#[api(example = "ada@example.com")] String),
/// }
///
/// let page = UserError::catalog().markdown().title("User errors").to_string();
/// assert_eq!(page, r##"# User errors
///
/// | Status | Code | Title |
/// |---|---|---|
/// | 409 | [`user_already_exists`](#user_already_exists) | Conflict |
///
/// <a id="user_already_exists"></a>
///
/// ### 409 user_already_exists
///
/// **Conflict**
///
/// gRPC: `ALREADY_EXISTS`
///
/// The user you're trying to create already exists.
///
/// Possible causes:
///
/// - Another user signed up with this email address.
///
/// Resolution:
///
/// Sign in instead.
///
/// ```json
/// {"error":"user_already_exists","message":"A user with the email ada@example.com already exists."}
/// ```
/// "##);
/// ````
#[derive(Debug, Clone, Copy)]
pub struct Markdown<'a> {
    catalog: &'a Catalog,
    title: &'a str,
    intro: &'a str,
    format: Option<DynFormat>,
}

impl<'a> Markdown<'a> {
    pub(super) fn new(catalog: &'a Catalog) -> Self {
        Markdown {
            catalog,
            title: "Errors",
            intro: "",
            format: None,
        }
    }

    /// The page's title; `Errors` unless set.
    #[must_use]
    pub fn title(mut self, title: &'a str) -> Self {
        self.title = title;
        self
    }

    /// A paragraph, in Markdown, between the title and the errors.
    #[must_use]
    pub fn intro(mut self, intro: &'a str) -> Self {
        self.intro = intro;
        self
    }

    /// Writes the example bodies in `F`, whatever format the errors render
    /// with.
    ///
    /// Without it, each example is in its error's format: its type's
    /// `#[api(format = ...)]`, else the application's default, which a
    /// program writing the page should set first as the server does.
    #[must_use]
    pub fn format<F: Format + 'static>(mut self) -> Self {
        self.format = Some(DynFormat::of::<F>());
        self
    }

    fn write_error(&self, f: &mut fmt::Formatter<'_>, item: &Item) -> fmt::Result {
        let entry = item.entry();
        let (status, code) = (entry.status().as_u16(), entry.code());
        writeln!(f, "<a id=\"{code}\"></a>\n\n## {status} {code}\n")?;
        writeln!(f, "**{}**\n", entry.title())?;
        writeln!(f, "gRPC: `{}`\n", entry.grpc_code())?;
        if !entry.description().is_empty() {
            writeln!(f, "{}\n", Demoted(entry.description()))?;
        }
        if !entry.causes().is_empty() {
            writeln!(f, "Possible causes:\n")?;
            for cause in entry.causes() {
                writeln!(f, "- {cause}")?;
            }
            writeln!(f)?;
        }
        if !entry.resolution().is_empty() {
            writeln!(f, "Resolution:\n\n{}\n", Demoted(entry.resolution()))?;
        }
        let body = item.example_body_in(self.format);
        writeln!(f, "```json\n{}\n```", String::from_utf8_lossy(&body))
    }
}

impl fmt::Display for Markdown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "# {}\n", self.title)?;
        if !self.intro.is_empty() {
            writeln!(f, "{}\n", self.intro.trim())?;
        }
        let items = self.catalog.in_page_order();
        writeln!(f, "| Status | Code | Title |\n|---|---|---|")?;
        for item in &items {
            let entry = item.entry();
            let code = entry.code();
            let title = entry.title().replace('|', "\\|");
            writeln!(
                f,
                "| {} | [`{code}`](#{code}) | {title} |",
                entry.status().as_u16()
            )?;
        }
        for item in items {
            writeln!(f)?;
            self.write_error(f, item)?;
        }
        Ok(())
    }
}

/// Markdown from a doc comment, its headings moved two levels down so that
/// they sit under the error's own heading.
struct Demoted<'a>(&'a str);

impl fmt::Display for Demoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut in_fence = false;
        for (i, line) in self.0.lines().enumerate() {
            if i > 0 {
                f.write_char('\n')?;
            }
            let trimmed = line.trim_start();
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                in_fence = !in_fence;
            } else if !in_fence && is_heading(line) {
                f.write_str("##")?;
            }
            f.write_str(line)?;
        }
        Ok(())
    }
}

/// Whether `line` is an ATX heading of a level that can go two down.
fn is_heading(line: &str) -> bool {
    let text = line.trim_start_matches('#');
    let level = line.len() - text.len();
    (1..=4).contains(&level) && (text.is_empty() || text.starts_with(' '))
}
