//! Splits a doc comment into the parts the catalog keeps apart: the
//! description, and the sections headed `# Causes` and `# Resolution`.
//!
//! ```text
//! /// The provided credentials are invalid or missing.
//! ///
//! /// # Causes
//! ///
//! /// - The token expired.
//! /// - The `Authorization` header is missing.
//! ///
//! /// # Resolution
//! ///
//! /// Request a new token.
//! ```
//!
//! Any level of heading counts (`## Causes`), case aside, and `Possible
//! causes` reads as `Causes`. Other sections stay in the description, in
//! place; a `#` inside a fenced code block is not a heading.

/// A doc comment, in its parts.
#[derive(Default)]
pub(crate) struct Doc {
    /// Everything but the two sections, trimmed; Markdown.
    pub(crate) description: String,
    /// The items of the causes section: its list items, or its paragraphs
    /// when it has no list, each on one line.
    pub(crate) causes: Vec<String>,
    /// The resolution section, trimmed; Markdown.
    pub(crate) resolution: String,
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    Description,
    Causes,
    Resolution,
}

/// Splits the lines of a doc comment (each without the space after `///`).
pub(crate) fn split(lines: &[String]) -> Doc {
    let (mut description, mut causes, mut resolution) = (Vec::new(), Vec::new(), Vec::new());
    let mut section = Section::Description;
    let mut in_fence = false;
    for line in lines {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
        } else if !in_fence && let Some(title) = heading(trimmed) {
            section = match title.to_ascii_lowercase().as_str() {
                "causes" | "possible causes" => Section::Causes,
                "resolution" => Section::Resolution,
                _ => Section::Description,
            };
            if section != Section::Description {
                continue;
            }
        }
        match section {
            Section::Description => description.push(line.as_str()),
            Section::Causes => causes.push(line.as_str()),
            Section::Resolution => resolution.push(line.as_str()),
        }
    }
    Doc {
        description: trim_lines(&description),
        causes: items(&causes),
        resolution: trim_lines(&resolution),
    }
}

/// The text of an ATX heading line (`# Causes`, `## Causes ##`).
fn heading(line: &str) -> Option<&str> {
    let text = line.trim_start_matches('#');
    let level = line.len() - text.len();
    if !(1..=6).contains(&level) || !(text.is_empty() || text.starts_with(' ')) {
        return None;
    }
    Some(text.trim().trim_end_matches('#').trim_end())
}

/// The lines joined, without the blank lines around them.
fn trim_lines(lines: &[&str]) -> String {
    lines.join("\n").trim().to_owned()
}

/// The list items of a section, each on one line; a paragraph outside a
/// list is an item too.
fn items(lines: &[&str]) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    let mut open = false;
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            open = false;
        } else if let Some(item) = list_item(line) {
            items.push(item.to_owned());
            open = true;
        } else if open && let Some(last) = items.last_mut() {
            last.push(' ');
            last.push_str(line);
        } else {
            items.push(line.to_owned());
            open = true;
        }
    }
    items
}

/// The text of a list item's first line: `- text`, `* text`, `+ text`,
/// `1. text`, `1) text`.
fn list_item(line: &str) -> Option<&str> {
    if let Some(rest) = line.strip_prefix(['-', '*', '+']) {
        return rest.strip_prefix(' ').map(str::trim_start);
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 9 {
        return None;
    }
    let rest = line.get(digits..)?;
    rest.strip_prefix(['.', ')'])?
        .strip_prefix(' ')
        .map(str::trim_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Doc {
        let lines: Vec<String> = text.lines().map(str::to_owned).collect();
        split(&lines)
    }

    #[test]
    fn sections_are_kept_apart() {
        let doc = doc(
            "The credentials are invalid.\n\n# Causes\n\n- The token expired.\n- The header is\n  missing.\n\n# Resolution\n\nRequest a new token.\n",
        );
        assert_eq!(doc.description, "The credentials are invalid.");
        assert_eq!(doc.causes, ["The token expired.", "The header is missing."]);
        assert_eq!(doc.resolution, "Request a new token.");
    }

    #[test]
    fn any_level_any_case_and_possible_causes() {
        let doc = doc("Text.\n## POSSIBLE CAUSES ##\n1. One.\n2) Two.\n### resolution\nFix it.");
        assert_eq!(doc.causes, ["One.", "Two."]);
        assert_eq!(doc.resolution, "Fix it.");
    }

    #[test]
    fn paragraphs_without_a_list_are_items() {
        let doc = doc("# Causes\nThe token\nexpired.\n\nThe header is missing.");
        assert_eq!(doc.description, "");
        assert_eq!(doc.causes, ["The token expired.", "The header is missing."]);
    }

    #[test]
    fn other_sections_and_fenced_hashes_stay_in_the_description() {
        let doc = doc("Text.\n\n```sh\n# Causes\n```\n\n# Examples\n\nMore.\n\n# Resolution\nFix.");
        assert_eq!(
            doc.description,
            "Text.\n\n```sh\n# Causes\n```\n\n# Examples\n\nMore."
        );
        assert!(doc.causes.is_empty());
        assert_eq!(doc.resolution, "Fix.");
    }

    #[test]
    fn not_headings() {
        assert_eq!(heading("#hashtag"), None);
        assert_eq!(heading("####### seven"), None);
        assert_eq!(heading("# Causes"), Some("Causes"));
        assert_eq!(list_item("-5 degrees"), None);
        assert_eq!(list_item("2024. A year"), Some("A year"));
        assert_eq!(list_item("1.5 times"), None);
    }
}
