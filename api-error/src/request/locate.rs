//! Where in a body an error is: the object or array that holds serde_json's
//! error position, found by scanning the JSON text without deserializing it.
//!
//! A failed parse says only the line and column where it stopped. Knowing
//! the container around that point, and the members that lead to it, a
//! second reading can go straight there to learn what went wrong.

use std::borrow::Cow;

use crate::field::hex_value;
use crate::format::json::first_to_escape;

/// A step from a container to one of its members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Step<'b> {
    /// An object's member, by its name: borrowed from the body unless it
    /// has escapes.
    Key(Cow<'b, str>),
    /// An array's element, by position.
    Index(usize),
}

/// The container where a parse failed, and the way to it.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Found<'b> {
    /// The steps from the body to the container.
    pub(super) path: Vec<Step<'b>>,
    /// The body from the container's `{` or `[` on.
    pub(super) container: &'b [u8],
}

/// A container being read, with the member it is at.
struct Open {
    /// Where its `{` or `[` is.
    start: usize,
    /// Whether it is an object (else an array).
    object: bool,
    /// The member being read: the last key of an object, the index of an
    /// array's element.
    step: Option<At>,
    /// In an object, whether the next string is a key.
    expect_key: bool,
}

/// A member as the scan meets it: a key is left quoted, as the bytes it
/// spans, until an excerpt needs it.
#[derive(Clone, Copy)]
enum At {
    Key { start: usize, end: usize },
    Index(usize),
}

/// The innermost object or array that holds serde_json's error position,
/// `line` and `column` (one-based, in bytes: just after the last byte
/// read), the one that closes just before it included; `None` if `body` is
/// not JSON that far, or has no container there.
///
/// The scan trusts the JSON up to there to be well-formed, which it is when
/// serde_json failed over a value rather than over syntax; where it is not,
/// the answer may be wrong, never a panic, and the caller checks it against
/// what the second reading finds.
pub(super) fn container(body: &[u8], line: usize, column: usize) -> Option<Found<'_>> {
    let mut stack: Vec<Open> = Vec::with_capacity(8);
    // The error's offset, once the scan has reached its line.
    let mut offset = if line == 1 { column } else { usize::MAX };
    let mut lines = 1;
    let mut i = 0;
    loop {
        // Only brackets, commas, strings and newlines matter here: numbers,
        // literals, spaces and colons are passed over.
        while body
            .get(i)
            .is_some_and(|&byte| !MATTERS.get(usize::from(byte)).copied().unwrap_or(true))
        {
            i += 1;
        }
        if i >= offset {
            break;
        }
        let byte = *body.get(i)?;
        match byte {
            b'{' | b'[' => {
                // An array counts its elements by the commas between them.
                let step = (byte == b'[').then_some(At::Index(0));
                stack.push(Open {
                    start: i,
                    object: byte == b'{',
                    step,
                    expect_key: byte == b'{',
                });
            }
            b'}' | b']' => {
                let closed = stack.pop()?;
                if closed.object != (byte == b'}') {
                    return None;
                }
                if i + 1 == offset {
                    // The container that just closed is the one.
                    return found(body, &stack, &closed);
                }
            }
            b',' => {
                let open = stack.last_mut()?;
                match open.step {
                    Some(At::Index(index)) if !open.object => {
                        open.step = Some(At::Index(index + 1))
                    }
                    _ => open.expect_key = open.object,
                }
            }
            b'"' => {
                let end = string_end(body, i)?;
                if let Some(open) = stack.last_mut()
                    && open.object
                    && open.expect_key
                {
                    open.step = Some(At::Key { start: i, end });
                    open.expect_key = false;
                }
                i = end;
            }
            // A newline.
            _ => {
                lines += 1;
                if lines == line {
                    offset = (i + 1).checked_add(column)?;
                }
            }
        }
        i += 1;
    }
    let container = stack.pop()?;
    found(body, &stack, &container)
}

/// The bytes the scan stops at.
// Built at compile time, where an index out of range fails the build.
#[allow(clippy::indexing_slicing)]
static MATTERS: [bool; 256] = {
    let mut table = [false; 256];
    let stops = *b"{}[],\"\n";
    let mut i = 0;
    while i < stops.len() {
        table[stops[i] as usize] = true;
        i += 1;
    }
    table
};

/// What was found: `container`, inside the containers of `stack`.
fn found<'b>(body: &'b [u8], stack: &[Open], container: &Open) -> Option<Found<'b>> {
    let mut path = Vec::with_capacity(stack.len());
    for open in stack {
        path.push(match open.step? {
            At::Key { start, end } => Step::Key(unescape(body.get(start..=end)?)?),
            At::Index(index) => Step::Index(index),
        });
    }
    let container = body.get(container.start..)?;
    Some(Found { path, container })
}

/// The index of the quote that closes the string opening at `start`.
fn string_end(body: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    loop {
        // Within a string, the first byte JSON would escape is its closing
        // quote or the backslash of an escape.
        i += first_to_escape(body.get(i..)?)?;
        match body.get(i)? {
            b'\\' => i += 2,
            _ => return Some(i),
        }
    }
}

/// A quoted JSON string's value, borrowed where it has no escapes; `None` if
/// it is not a JSON string.
fn unescape(quoted: &[u8]) -> Option<Cow<'_, str>> {
    let [b'"', inside @ .., b'"'] = quoted else {
        return None;
    };
    if !inside.contains(&b'\\') {
        return std::str::from_utf8(inside).ok().map(Cow::Borrowed);
    }
    let mut value = Vec::with_capacity(inside.len());
    let mut rest = inside;
    while let [byte, after @ ..] = rest {
        rest = after;
        if *byte != b'\\' {
            value.push(*byte);
            continue;
        }
        let [escape, after @ ..] = rest else {
            return None;
        };
        rest = after;
        let unescaped = match escape {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => char::from_u32(code_point(&mut rest)?)?,
            _ => return None,
        };
        value.extend_from_slice(unescaped.encode_utf8(&mut [0; 4]).as_bytes());
    }
    String::from_utf8(value).ok().map(Cow::Owned)
}

/// The code point of a `\u` escape whose `XXXX` starts `rest`, reading the
/// second half of a surrogate pair too; `rest` moves past what was read.
fn code_point(rest: &mut &[u8]) -> Option<u32> {
    let high = hex4(rest)?;
    if !matches!(high, 0xD800..=0xDBFF) {
        return Some(high);
    }
    let [b'\\', b'u', after @ ..] = *rest else {
        return None;
    };
    *rest = after;
    let low = hex4(rest)?;
    matches!(low, 0xDC00..=0xDFFF).then(|| 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
}

/// Four hexadecimal digits at the start of `rest`; `rest` moves past them.
fn hex4(rest: &mut &[u8]) -> Option<u32> {
    let [a, b, c, d, after @ ..] = *rest else {
        return None;
    };
    *rest = after;
    let mut value = 0;
    for digit in [a, b, c, d] {
        value = value << 4 | u32::from(hex_value(*digit)?);
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> Step<'_> {
        Step::Key(Cow::Borrowed(name))
    }

    /// The container at the first `|` of `marked`, which is taken out: its
    /// path, and its text.
    fn at(marked: &str) -> Option<(Vec<Step<'static>>, String)> {
        let offset = marked.find('|').unwrap();
        let body = marked.replacen('|', "", 1);
        let line_start = body[..offset].rfind('\n').map_or(0, |newline| newline + 1);
        let line = 1 + body[..offset].matches('\n').count();
        let found = container(body.as_bytes(), line, offset - line_start)?;
        let path = found
            .path
            .into_iter()
            .map(|step| match step {
                Step::Key(key) => Step::Key(Cow::Owned(key.into_owned())),
                Step::Index(index) => Step::Index(index),
            })
            .collect();
        Some((path, String::from_utf8(found.container.to_vec()).unwrap()))
    }

    #[test]
    fn containers_by_position() {
        assert_eq!(at(r#"{"a": 1|}"#), Some((vec![], r#"{"a": 1}"#.into())));
        assert_eq!(
            at(r#"{"x": [1], "a": {"b": "x"|, "c": [2]}, "y": 3}"#),
            Some((vec![key("a")], r#"{"b": "x", "c": [2]}, "y": 3}"#.into()))
        );
        assert_eq!(
            at(r#"{"a": [1, 2, {"c": true|}]}"#).map(|(path, _)| path),
            Some(vec![key("a"), Step::Index(2)])
        );
        // Just after a container closes: that container.
        assert_eq!(
            at(r#"{"a": [{"b": 1}, {"c": 2}|]}"#),
            Some((vec![key("a"), Step::Index(1)], r#"{"c": 2}]}"#.into()))
        );
        assert_eq!(
            at(r#"{"a": [[], [[]|]]}"#).map(|(path, _)| path),
            Some(vec![key("a"), Step::Index(1), Step::Index(0)])
        );
        // Numbers and literals of any length are one element each.
        assert_eq!(
            at(r#"[10, -2.5e3, true, null, {"a": 1|}]"#).map(|(path, _)| path),
            Some(vec![Step::Index(4)])
        );
        assert_eq!(at(r#"[10, 2000|]"#), Some((vec![], "[10, 2000]".into())));
        // Strings holding brackets, commas and quotes, and escaped keys.
        assert_eq!(
            at(r#"{"a\"}": {"x": "[,{\"", "y": [1|]}}"#).map(|(path, _)| path),
            Some(vec![key("a\"}"), key("y")])
        );
        assert_eq!(
            at(r#"{"k\u00e9": {"z": 1|}}"#).map(|(path, _)| path),
            Some(vec![key("ké")])
        );
        assert_eq!(at("1|"), None);
    }

    #[test]
    fn lines_and_columns() {
        assert_eq!(
            at("{\n  \"a\": {\n    \"b\": tru|e\n  }\n}").map(|(path, _)| path),
            Some(vec![key("a")])
        );
        assert_eq!(
            at("[\n1,\n[2|]\n]").map(|(path, _)| path),
            Some(vec![Step::Index(1)])
        );
    }

    #[test]
    fn keys_unescape_as_serde_json_reads_them() {
        for quoted in [
            r#""plain""#,
            r#""a\"b\\c\/d""#,
            r#""\b\f\n\r\t""#,
            r#""k\u00e9 \u00E9""#,
            r#""\ud83d\ude00 and \uD83D\uDE00""#,
            r#""\u0000""#,
            r#""é\n""#,
            r#""""#,
        ] {
            let expected: String = serde_json::from_str(quoted).unwrap();
            assert_eq!(
                unescape(quoted.as_bytes()).as_deref(),
                Some(&*expected),
                "{quoted}"
            );
        }
        for bad in [
            r#""\ud83d""#,
            r#""\ud83d\u0041""#,
            r#""\ude00""#,
            r#""\u12""#,
            r#""\u12g4""#,
            r#""\x""#,
            r#""\""#,
            r#""no end"#,
        ] {
            assert!(serde_json::from_str::<String>(bad).is_err(), "{bad}");
            assert_eq!(unescape(bad.as_bytes()), None, "{bad}");
        }
        assert_eq!(unescape(b"\"\xff\\n\""), None);
    }

    #[test]
    fn bad_input_gives_none_not_a_panic() {
        assert_eq!(container(b"{\"a\": [}", 1, 8), None);
        assert_eq!(container(b"\"open", 1, 5), None);
        assert_eq!(container(b"]", 1, 1), None);
        assert_eq!(container(b"{}", 1, 10), None);
        assert_eq!(container(b"{}", 3, 1), None);
        assert_eq!(container(b"{\"a\\", 1, 6), None);
        assert_eq!(container(b"{}", 0, usize::MAX), None);
    }
}
