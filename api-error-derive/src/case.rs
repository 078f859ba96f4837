//! Default codes: a variant's name in the case `rename_all` names.
//!
//! The name is first split into words: at `_`, where a lowercase letter or a
//! digit meets an uppercase one (`UserNotFound` → user, not, found), and
//! before the last capital of an acronym that a word follows (`HTTPError` →
//! http, error). Digits stay with the word before them (`Http2Error` → http2,
//! error; `Error404` → error404).

/// One of the six cases `rename_all` accepts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum RenameAll {
    Snake,
    Pascal,
    Camel,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

impl RenameAll {
    pub(crate) const NAMES: &'static [&'static str] = &[
        "snake_case",
        "PascalCase",
        "camelCase",
        "SCREAMING_SNAKE_CASE",
        "kebab-case",
        "SCREAMING-KEBAB-CASE",
    ];

    pub(crate) fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "snake_case" => RenameAll::Snake,
            "PascalCase" => RenameAll::Pascal,
            "camelCase" => RenameAll::Camel,
            "SCREAMING_SNAKE_CASE" => RenameAll::ScreamingSnake,
            "kebab-case" => RenameAll::Kebab,
            "SCREAMING-KEBAB-CASE" => RenameAll::ScreamingKebab,
            _ => return None,
        })
    }

    /// `name` in this case.
    pub(crate) fn apply(self, name: &str) -> String {
        let words = words(name);
        let mut out = String::with_capacity(name.len() + words.len());
        for (i, word) in words.iter().enumerate() {
            match self {
                RenameAll::Snake | RenameAll::ScreamingSnake if i > 0 => out.push('_'),
                RenameAll::Kebab | RenameAll::ScreamingKebab if i > 0 => out.push('-'),
                _ => {}
            }
            match self {
                RenameAll::Snake | RenameAll::Kebab => {
                    out.extend(word.chars().flat_map(char::to_lowercase))
                }
                RenameAll::ScreamingSnake | RenameAll::ScreamingKebab => {
                    out.extend(word.chars().flat_map(char::to_uppercase));
                }
                RenameAll::Camel if i == 0 => out.extend(word.chars().flat_map(char::to_lowercase)),
                RenameAll::Pascal | RenameAll::Camel => capitalize(word, &mut out),
            }
        }
        out
    }
}

/// Splits an identifier into its words.
fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    for part in name.split('_').filter(|part| !part.is_empty()) {
        let chars: Vec<char> = part.chars().collect();
        let mut word = String::new();
        for (i, &ch) in chars.iter().enumerate() {
            let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
            if before.is_some_and(|before| is_boundary(before, ch, chars.get(i + 1).copied())) {
                words.push(std::mem::take(&mut word));
            }
            word.push(ch);
        }
        words.push(word);
    }
    words
}

/// Whether a new word starts at `b`, given the character before it and the
/// one after.
fn is_boundary(a: char, b: char, c: Option<char>) -> bool {
    let lower_or_digit = |ch: char| ch.is_lowercase() || ch.is_ascii_digit();
    // userNot, http2Error
    (lower_or_digit(a) && b.is_uppercase())
        // HTTPError: the E starts a word, so the boundary is before it.
        || (a.is_uppercase() && b.is_uppercase() && c.is_some_and(char::is_lowercase))
}

fn capitalize(word: &str, out: &mut String) {
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.extend(chars.flat_map(char::to_lowercase));
    }
}

#[cfg(test)]
mod tests {
    use super::RenameAll::{self, *};

    fn all(name: &str) -> [String; 6] {
        [Snake, Pascal, Camel, ScreamingSnake, Kebab, ScreamingKebab].map(|case| case.apply(name))
    }

    #[test]
    fn plain_words() {
        assert_eq!(
            all("UserNotFound"),
            [
                "user_not_found",
                "UserNotFound",
                "userNotFound",
                "USER_NOT_FOUND",
                "user-not-found",
                "USER-NOT-FOUND"
            ]
        );
    }

    #[test]
    fn acronyms_are_one_word() {
        assert_eq!(all("HTTPError")[0], "http_error");
        assert_eq!(all("HTTPError")[1], "HttpError");
        assert_eq!(all("InvalidJSON")[0], "invalid_json");
        assert_eq!(all("InvalidJSONBody")[2], "invalidJsonBody");
        assert_eq!(all("IOError")[3], "IO_ERROR");
    }

    #[test]
    fn digits_stay_with_the_word_before() {
        assert_eq!(all("Http2Error")[0], "http2_error");
        assert_eq!(all("Error404")[0], "error404");
        assert_eq!(all("Utf8Error")[4], "utf8-error");
        assert_eq!(all("V2")[0], "v2");
    }

    #[test]
    fn underscores_and_single_letters() {
        assert_eq!(all("Not_Found")[0], "not_found");
        assert_eq!(all("A")[0], "a");
        assert_eq!(all("ABC")[0], "abc");
        assert_eq!(all("AbC")[0], "ab_c");
    }

    #[test]
    fn names_round_trip() {
        for name in RenameAll::NAMES {
            assert!(RenameAll::from_name(name).is_some());
        }
        assert_eq!(RenameAll::from_name("snake"), None);
    }
}
