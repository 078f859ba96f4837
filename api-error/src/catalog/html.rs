//! A catalog as an HTML reference page, in one self-contained file.

use std::fmt::{self, Write};

use http::StatusCode;

use super::{Catalog, Item};
use crate::format::{DynFormat, Format};

impl Catalog {
    /// The catalog as an HTML reference page; see [`Html`].
    ///
    /// With the `catalog` feature.
    pub fn html(&self) -> Html<'_> {
        Html {
            catalog: self,
            title: "Errors",
            intro: "",
            format: None,
        }
    }
}

/// A [`Catalog`] as an HTML error reference page, one self-contained file
/// (its style and script inline, nothing fetched); `Display` writes it.
/// With the `catalog` feature.
///
/// The errors are listed as on the [Markdown page](super::Markdown): by
/// status, then as declared, each in a section whose `id` is its code (so
/// that a problem `type` such as `/errors#user_not_found` links to it),
/// with its status and title, its gRPC code, its description, causes and
/// resolution, the headers it sends, with example values, and an example
/// body. The page reads whole without JavaScript; with it, a search box
/// keeps the errors whose code, status or text hold every word typed, and
/// says "No errors found matching your search." when none does. Every text
/// from the catalog is escaped.
///
/// ```
/// use api_error::ApiError;
///
/// #[derive(Debug, ApiError)]
/// enum UserError {
///     /// The user you're trying to create already exists.
///     #[api(status = 409)]
///     UserAlreadyExists,
/// }
///
/// let page = UserError::catalog().html().title("User errors").to_string();
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains(r#"<section class="error" id="user_already_exists""#));
/// assert!(page.contains("<title>User errors</title>"));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Html<'a> {
    catalog: &'a Catalog,
    title: &'a str,
    intro: &'a str,
    format: Option<DynFormat>,
}

impl<'a> Html<'a> {
    /// The page's title; `Errors` unless set.
    #[must_use]
    pub fn title(mut self, title: &'a str) -> Self {
        self.title = title;
        self
    }

    /// A paragraph of text between the title and the errors.
    #[must_use]
    pub fn intro(mut self, intro: &'a str) -> Self {
        self.intro = intro;
        self
    }

    /// Writes the example bodies in `F`, whatever format the errors render
    /// with; without it, each is in its error's format, as on the
    /// [Markdown page](super::Markdown::format).
    #[must_use]
    pub fn format<F: Format + 'static>(mut self) -> Self {
        self.format = Some(DynFormat::of::<F>());
        self
    }

    fn write_error(&self, f: &mut fmt::Formatter<'_>, item: &Item) -> fmt::Result {
        let entry = item.entry();
        let (status, code) = (entry.status(), entry.code());
        let mut search = format!("{code} {} {}", status.as_u16(), entry.title());
        for text in [entry.description(), entry.resolution()] {
            search.push(' ');
            search.push_str(text);
        }
        for cause in entry.causes() {
            search.push(' ');
            search.push_str(cause);
        }
        writeln!(
            f,
            "<section class=\"error\" id=\"{}\" data-search=\"{}\" aria-labelledby=\"{0}-heading\">",
            Escaped(code),
            Escaped(&search.to_lowercase()),
        )?;
        writeln!(
            f,
            "<h2 id=\"{}-heading\"><span class=\"status\">{}</span> <code>{}</code></h2>",
            Escaped(code),
            status.as_u16(),
            Escaped(code),
        )?;
        writeln!(f, "<p class=\"title\">{}</p>", Escaped(entry.title()))?;
        writeln!(
            f,
            "<dl class=\"facts\"><dt>Status</dt><dd>{} {}</dd><dt>gRPC</dt><dd><code>{}</code></dd></dl>",
            status.as_u16(),
            Escaped(status.canonical_reason().unwrap_or_default()),
            entry.grpc_code(),
        )?;
        if !entry.description().is_empty() {
            writeln!(f, "{}", Paragraphs(entry.description()))?;
        }
        if !entry.causes().is_empty() {
            writeln!(f, "<h3>Possible causes</h3>\n<ul>")?;
            for cause in entry.causes() {
                writeln!(f, "<li>{}</li>", Inline(cause))?;
            }
            writeln!(f, "</ul>")?;
        }
        if !entry.resolution().is_empty() {
            writeln!(f, "<h3>Resolution</h3>\n{}", Paragraphs(entry.resolution()))?;
        }
        let mut headers: Vec<(&str, String)> = entry
            .headers()
            .iter()
            .map(|header| (header.name(), header.example().header_value()))
            .collect();
        if status == StatusCode::UNAUTHORIZED {
            let challenge = entry.www_authenticate().unwrap_or("Bearer");
            headers.insert(0, ("WWW-Authenticate", challenge.to_owned()));
        }
        if !headers.is_empty() {
            writeln!(
                f,
                "<h3>Headers</h3>\n<table><thead><tr><th scope=\"col\">Header</th><th scope=\"col\">Example</th></tr></thead><tbody>"
            )?;
            for (name, example) in &headers {
                writeln!(
                    f,
                    "<tr><td><code>{}</code></td><td><code>{}</code></td></tr>",
                    Escaped(name),
                    Escaped(example)
                )?;
            }
            writeln!(f, "</tbody></table>")?;
        }
        let body = item.example_body_in(self.format);
        let body = serde_json::from_slice::<serde_json::Value>(&body)
            .ok()
            .and_then(|value| serde_json::to_string_pretty(&value).ok())
            .unwrap_or_else(|| String::from_utf8_lossy(&body).into_owned());
        writeln!(
            f,
            "<h3>Example body</h3>\n<pre><code>{}</code></pre>\n</section>",
            Escaped(&body)
        )
    }
}

impl fmt::Display for Html<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let title = Escaped(self.title);
        writeln!(
            f,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{title}</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>{STYLE}</style>\n</head>\n<body>\n\
             <header>\n<h1>{title}</h1>"
        )?;
        if !self.intro.is_empty() {
            writeln!(f, "<p>{}</p>", Inline(self.intro.trim()))?;
        }
        writeln!(f, "</header>\n<main>")?;
        // The empty icon above keeps a browser from asking the server for
        // one. Without JavaScript the search box could not work, so the script
        // shows it.
        writeln!(
            f,
            "<div class=\"search\" role=\"search\" hidden>\n\
             <label for=\"search\">Search errors</label>\n\
             <input type=\"search\" id=\"search\" placeholder=\"A code, a status or words\" autocomplete=\"off\" aria-describedby=\"search-status\">\n\
             <p id=\"search-status\" aria-live=\"polite\"></p>\n</div>\n\
             <p id=\"no-results\" hidden>No errors found matching your search.</p>"
        )?;
        for item in self.catalog.in_page_order() {
            self.write_error(f, item)?;
        }
        writeln!(f, "</main>\n<script>{SCRIPT}</script>\n</body>\n</html>")
    }
}

/// The page's style: readable text, a visible focus, good contrast; an
/// error followed to by its anchor stops below the search box, which stays
/// at the top.
const STYLE: &str = "
body{font:16px/1.5 system-ui,sans-serif;color:#1c1c1c;background:#fff;max-width:56rem;margin:0 auto;padding:1rem 1.5rem}
h1{margin:.5rem 0}
h2{margin:0 0 .25rem;font-size:1.3rem}
h3{font-size:1rem;margin:1rem 0 .25rem}
code,pre{font-family:ui-monospace,monospace}
pre{background:#f3f3f3;padding:.75rem;overflow:auto;border-radius:4px}
.search{position:sticky;top:0;background:#fff;padding:.5rem 0;border-bottom:1px solid #ccc}
.search label{display:block;font-weight:600}
.search input{font:inherit;width:100%;box-sizing:border-box;padding:.4rem .6rem;border:2px solid #555;border-radius:4px}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
#search-status{margin:.25rem 0 0;color:#444}
#no-results{font-weight:600}
.error{border-top:1px solid #ccc;padding:1rem 0;scroll-margin-top:9rem}
.error:target{background:#fff8d6}
.status{display:inline-block;min-width:3ch;padding:0 .4rem;border-radius:4px;background:#1c1c1c;color:#fff}
.title{font-weight:600;margin:0}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:0 1rem;margin:.5rem 0}
.facts dt{color:#444}
.facts dd{margin:0}
table{border-collapse:collapse}
th,td{text-align:left;padding:.2rem .8rem .2rem 0;border-bottom:1px solid #ddd}
";

/// The search: each error stays when its text holds every word typed.
const SCRIPT: &str = "
(function () {
  var box = document.querySelector('.search');
  var input = document.getElementById('search');
  var status = document.getElementById('search-status');
  var none = document.getElementById('no-results');
  var errors = Array.prototype.slice.call(document.querySelectorAll('.error'));
  box.hidden = false;
  function filter() {
    var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    errors.forEach(function (error) {
      var text = error.getAttribute('data-search');
      var match = words.every(function (word) { return text.indexOf(word) !== -1; });
      error.hidden = !match;
      if (match) { shown += 1; }
    });
    none.hidden = shown !== 0;
    status.textContent = words.length === 0 ? '' :
      shown + (shown === 1 ? ' error' : ' errors') + ' shown of ' + errors.length + '.';
  }
  input.addEventListener('input', filter);
}());
";

/// Text escaped for HTML, in content and in quoted attributes.
struct Escaped<'a>(&'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            match c {
                '&' => f.write_str("&amp;")?,
                '<' => f.write_str("&lt;")?,
                '>' => f.write_str("&gt;")?,
                '"' => f.write_str("&quot;")?,
                '\'' => f.write_str("&#39;")?,
                c => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

/// A line of a doc comment: escaped, its `code` spans as `<code>`.
struct Inline<'a>(&'a str);

impl fmt::Display for Inline<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Between backticks, every other piece is code; an unclosed one is
        // written as it is.
        let pieces: Vec<&str> = self.0.split('`').collect();
        let closed = pieces.len() % 2 == 1;
        for (i, piece) in pieces.iter().enumerate() {
            let last = i + 1 == pieces.len();
            if i % 2 == 1 && (closed || !last) {
                write!(f, "<code>{}</code>", Escaped(piece))?;
            } else {
                if i % 2 == 1 {
                    f.write_char('`')?;
                }
                write!(f, "{}", Escaped(piece))?;
            }
        }
        Ok(())
    }
}

/// Text of a doc comment as paragraphs: one per run of lines between blank
/// ones, a list item per `- ` line.
struct Paragraphs<'a>(&'a str);

impl fmt::Display for Paragraphs<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for block in self
            .0
            .split("\n\n")
            .map(str::trim)
            .filter(|b| !b.is_empty())
        {
            let lines: Vec<&str> = block.lines().map(str::trim).collect();
            if lines.iter().all(|line| line.starts_with("- ")) {
                f.write_str("<ul>")?;
                for line in lines {
                    let item = line.strip_prefix("- ").unwrap_or(line);
                    write!(f, "<li>{}</li>", Inline(item))?;
                }
                f.write_str("</ul>")?;
            } else {
                write!(f, "<p>{}</p>", Inline(&lines.join(" ")))?;
            }
        }
        Ok(())
    }
}
