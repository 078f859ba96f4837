//! The body as a tree of its values, built by one scan that also checks the
//! body is JSON text (RFC 8259): UTF-8, the grammar, no lone surrogate
//! escapes, nothing after the value, and nesting no deeper than serde_json
//! reads (it skips deeper values a type ignores; this scan refuses them).
//!
//! The tree holds only where each value is and what kind it is; strings and
//! numbers are read from the body when a probe asks for them.

use std::borrow::Cow;

use crate::field::hex_value;

/// How deep arrays and objects may nest: serde_json's own limit for the
/// values it reads.
pub(super) const MAX_DEPTH: usize = 127;

/// A body known to be JSON text, and its values.
pub(super) struct Tree<'de> {
    /// The body, known to be UTF-8.
    pub(super) text: &'de str,
    /// Every value in the order it is written: a container, then what it
    /// holds. An object holds its members' keys and values in turn.
    pub(super) nodes: Vec<Node>,
}

/// One value of the body.
#[derive(Debug, Clone, Copy)]
pub(super) struct Node {
    pub(super) kind: Kind,
    /// Where the value's text starts in the body.
    pub(super) start: u32,
    /// Where it ends (just after its last byte).
    pub(super) end: u32,
    /// The node after this one and all it holds.
    pub(super) next: u32,
    /// Its index, in an array (0 for a value in an object).
    pub(super) index: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Null,
    False,
    True,
    Number,
    /// A string, and whether it has escapes (which serde_json cannot lend).
    String {
        escaped: bool,
    },
    Array,
    Object,
}

/// Why a body is not JSON text, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Syntax {
    pub(super) what: Wrong,
    /// The offset of the first byte that is wrong: the body's length when
    /// the body ends too soon.
    pub(super) at: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wrong {
    Empty,
    NotUtf8,
    ByteOrderMark,
    Grammar,
    EndsTooSoon,
    MoreAfter,
    TooDeep,
    LoneSurrogate,
    ControlCharacter,
    TooLong,
}

impl Syntax {
    /// The sentence a request error says.
    pub(super) fn message(self, body: &[u8]) -> String {
        let what = match self.what {
            Wrong::Empty => return "The request body is empty.".to_owned(),
            Wrong::TooLong => return "The request body is too long to read.".to_owned(),
            Wrong::ByteOrderMark => {
                return "The request body starts with a byte order mark, which JSON text must not have.".to_owned();
            }
            Wrong::NotUtf8 => "is not valid UTF-8",
            Wrong::Grammar => "is not valid JSON",
            Wrong::EndsTooSoon => "ends before its JSON value does",
            Wrong::MoreAfter => "has more after its JSON value",
            Wrong::TooDeep => "nests arrays and objects deeper than 127 levels",
            Wrong::LoneSurrogate => "has a lone surrogate escape in a string",
            Wrong::ControlCharacter => {
                "has a control character in a string, where JSON needs it escaped"
            }
        };
        let (line, column) = line_and_column(body, self.at);
        format!("The request body {what} (line {line}, column {column}).")
    }
}

/// Where `at` is, as serde_json counts: lines from 1, and the bytes of the
/// line up to and including the byte at `at` (up to the end, at the end).
fn line_and_column(body: &[u8], at: usize) -> (usize, usize) {
    let before = body.get(..at).unwrap_or(body);
    let line = 1 + before.iter().filter(|&&byte| byte == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&byte| byte == b'\n')
        .map_or(0, |i| i + 1);
    let column = at - line_start + usize::from(at < body.len());
    (line, column)
}

/// Whether `body`, which serde_json has read, has a `\u` escape of one half
/// of a surrogate pair without the other: serde_json does not check the
/// strings it skips or reads as bytes.
pub(super) fn has_lone_surrogate(body: &[u8]) -> bool {
    let mut from = 0;
    while let Some(found) = body
        .get(from..)
        .and_then(|rest| memchr::memchr(b'\\', rest))
    {
        let at = from + found;
        from = match body.get(at + 1) {
            Some(b'u') => match unicode_escape(body, at) {
                Some((_, len)) => at + len,
                None => return true,
            },
            // Any other escape is two bytes long.
            _ => at + 2,
        };
    }
    false
}

/// The character of the `\u` escape at `at`, with a second escape for the
/// low half of a surrogate pair, and the length of what was read; `None`
/// for a lone surrogate or an escape that is not four hex digits.
fn unicode_escape(body: &[u8], at: usize) -> Option<(char, usize)> {
    let high = hex4(body.get(at + 2..at + 6)?)?;
    if !(0xD800..=0xDFFF).contains(&high) {
        return char::from_u32(high).map(|c| (c, 6));
    }
    if high >= 0xDC00 || body.get(at + 6..at + 8) != Some(b"\\u") {
        return None;
    }
    let low = hex4(body.get(at + 8..at + 12)?)?;
    if !(0xDC00..=0xDFFF).contains(&low) {
        return None;
    }
    char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)).map(|c| (c, 12))
}

fn hex4(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0, |value, &digit| {
        Some(value << 4 | u32::from(hex_value(digit)?))
    })
}

/// Checks `body` is JSON text and builds its tree.
pub(super) fn parse(body: &[u8]) -> Result<Tree<'_>, Syntax> {
    let text = std::str::from_utf8(body).map_err(|error| Syntax {
        what: Wrong::NotUtf8,
        at: error.valid_up_to(),
    })?;
    let at = 0;
    if body.len() >= u32::MAX as usize {
        return Err(Syntax {
            what: Wrong::TooLong,
            at,
        });
    }
    if body.starts_with("\u{FEFF}".as_bytes()) {
        return Err(Syntax {
            what: Wrong::ByteOrderMark,
            at,
        });
    }
    // About a node for every eight bytes of a body, to grow the list seldom.
    let nodes = Vec::with_capacity(body.len() / 8 + 8);
    let mut scan = Scan { body, at, nodes };
    scan.whitespace();
    if scan.at == body.len() {
        return Err(Syntax {
            what: Wrong::Empty,
            at,
        });
    }
    scan.value(1, 0)?;
    scan.whitespace();
    if scan.at < body.len() {
        return Err(scan.wrong(Wrong::MoreAfter));
    }
    Ok(Tree {
        text,
        nodes: scan.nodes,
    })
}

/// The scan: a recursive descent over the grammar of RFC 8259.
struct Scan<'b> {
    body: &'b [u8],
    at: usize,
    nodes: Vec<Node>,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.body.get(self.at).copied()
    }

    fn whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// What is wrong at the current byte: the body ends too soon if there
    /// is none.
    fn wrong(&self, what: Wrong) -> Syntax {
        let what = if self.at >= self.body.len() {
            Wrong::EndsTooSoon
        } else {
            what
        };
        Syntax { what, at: self.at }
    }

    /// Takes `byte` if it comes next.
    fn take(&mut self, byte: u8) -> bool {
        let next = self.peek() == Some(byte);
        self.at += usize::from(next);
        next
    }

    /// Reads `expected`, or says where the body differs from it.
    fn literal(&mut self, expected: &[u8]) -> Result<(), Syntax> {
        for &byte in expected {
            if !self.take(byte) {
                return Err(self.wrong(Wrong::Grammar));
            }
        }
        Ok(())
    }

    /// Reads the value starting here, `depth` levels deep, `index`-th in
    /// its array.
    fn value(&mut self, depth: usize, index: u32) -> Result<(), Syntax> {
        let start = self.at;
        let slot = self.nodes.len();
        // A container's node comes before what it holds, and is finished
        // once that is read.
        self.nodes.push(Node {
            kind: Kind::Null,
            start: start as u32,
            end: 0,
            next: 0,
            index,
        });
        let kind = match self.peek() {
            Some(b'n') => self.literal(b"null").map(|()| Kind::Null)?,
            Some(b't') => self.literal(b"true").map(|()| Kind::True)?,
            Some(b'f') => self.literal(b"false").map(|()| Kind::False)?,
            Some(b'"') => self.string()?,
            Some(b'-' | b'0'..=b'9') => self.number().map(|()| Kind::Number)?,
            Some(b'[' | b'{') if depth > MAX_DEPTH => return Err(self.wrong(Wrong::TooDeep)),
            Some(b'[') => self.container(depth, b']').map(|()| Kind::Array)?,
            Some(b'{') => self.container(depth, b'}').map(|()| Kind::Object)?,
            _ => return Err(self.wrong(Wrong::Grammar)),
        };
        let (end, next) = (self.at as u32, self.nodes.len() as u32);
        if let Some(node) = self.nodes.get_mut(slot) {
            (node.kind, node.end, node.next) = (kind, end, next);
        }
        Ok(())
    }

    /// An array's elements, or an object's members, up to `close`.
    fn container(&mut self, depth: usize, close: u8) -> Result<(), Syntax> {
        self.at += 1;
        self.whitespace();
        if self.take(close) {
            return Ok(());
        }
        for index in 0.. {
            self.whitespace();
            if close == b'}' {
                if self.peek() != Some(b'"') {
                    return Err(self.wrong(Wrong::Grammar));
                }
                self.value(depth + 1, 0)?;
                self.whitespace();
                if !self.take(b':') {
                    return Err(self.wrong(Wrong::Grammar));
                }
                self.whitespace();
            }
            self.value(depth + 1, index)?;
            self.whitespace();
            if self.take(close) {
                return Ok(());
            }
            if !self.take(b',') {
                return Err(self.wrong(Wrong::Grammar));
            }
        }
        Ok(())
    }

    fn string(&mut self) -> Result<Kind, Syntax> {
        self.at += 1;
        let mut escaped = false;
        loop {
            // Most of a string needs no look: skip to its quote, escape or
            // control character.
            let rest = self.body.get(self.at..).unwrap_or_default();
            self.at += rest
                .iter()
                .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)
                .unwrap_or(rest.len());
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Kind::String { escaped });
                }
                Some(b'\\') => {
                    escaped = true;
                    self.escape()?;
                }
                Some(_) => return Err(self.wrong(Wrong::ControlCharacter)),
                None => return Err(self.wrong(Wrong::EndsTooSoon)),
            }
        }
    }

    /// Reads the escape at a backslash.
    fn escape(&mut self) -> Result<(), Syntax> {
        self.at += 1;
        match self.peek() {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.at += 1,
            Some(b'u') => match unicode_escape(self.body, self.at - 1) {
                Some((_, len)) => self.at += len - 1,
                None => {
                    let backslash = self.at - 1;
                    let unit = self.body.get(self.at + 1..self.at + 5).and_then(hex4);
                    if unit.is_some_and(|unit| (0xD800..=0xDFFF).contains(&unit)) {
                        return Err(Syntax {
                            what: Wrong::LoneSurrogate,
                            at: backslash,
                        });
                    }
                    // Short of four hex digits: the first byte that is not one.
                    self.at += 1;
                    while self.peek().is_some_and(|byte| byte.is_ascii_hexdigit()) {
                        self.at += 1;
                    }
                    return Err(self.wrong(Wrong::Grammar));
                }
            },
            _ => return Err(self.wrong(Wrong::Grammar)),
        }
        Ok(())
    }

    fn number(&mut self) -> Result<(), Syntax> {
        self.take(b'-');
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.wrong(Wrong::Grammar)),
        }
        if self.take(b'.') {
            self.some_digits()?;
        }
        if self.take(b'e') || self.take(b'E') {
            let _ = self.take(b'+') || self.take(b'-');
            self.some_digits()?;
        }
        Ok(())
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|byte| byte.is_ascii_digit()) {
            self.at += 1;
        }
    }

    fn some_digits(&mut self) -> Result<(), Syntax> {
        if !self.peek().is_some_and(|byte| byte.is_ascii_digit()) {
            return Err(self.wrong(Wrong::Grammar));
        }
        self.digits();
        Ok(())
    }
}

/// Whether `text` is a JSON number and nothing else: what serde_json reads
/// from a map key for a numeric key type.
pub(super) fn is_number(text: &str) -> bool {
    let mut scan = Scan {
        body: text.as_bytes(),
        at: 0,
        nodes: Vec::new(),
    };
    scan.number().is_ok() && scan.at == text.len()
}

impl<'de> Tree<'de> {
    pub(super) fn node(&self, at: u32) -> Node {
        self.nodes.get(at as usize).copied().unwrap_or(Node {
            kind: Kind::Null,
            start: 0,
            end: 0,
            next: at + 1,
            index: 0,
        })
    }

    /// The text of a value: a string's without its quotes.
    pub(super) fn text_of(&self, at: u32) -> &'de str {
        let node = self.node(at);
        let (start, end) = match node.kind {
            Kind::String { .. } => (node.start + 1, node.end.saturating_sub(1)),
            _ => (node.start, node.end),
        };
        self.text
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    /// The text of a value as it is written, a string's with its quotes.
    pub(super) fn raw(&self, at: u32) -> &'de str {
        let node = self.node(at);
        self.text
            .get(node.start as usize..node.end as usize)
            .unwrap_or_default()
    }

    /// A string's value, decoded: serde_json decodes one with escapes,
    /// which the scan has checked.
    pub(super) fn string(&self, at: u32) -> Cow<'de, str> {
        match self.node(at).kind {
            Kind::String { escaped: true } => {
                Cow::Owned(serde_json::from_str(self.raw(at)).unwrap_or_default())
            }
            _ => Cow::Borrowed(self.text_of(at)),
        }
    }

    /// The key of `member`, a value in an object: the node before it.
    pub(super) fn key(&self, member: u32) -> Cow<'de, str> {
        self.string(member.saturating_sub(1))
    }

    /// What a container holds: for an object, the value of each member
    /// (its key is the node before it).
    pub(super) fn children(&self, at: u32) -> Children<'_, 'de> {
        let node = self.node(at);
        let step = u32::from(node.kind == Kind::Object);
        Children {
            tree: self,
            next: at + 1 + step,
            end: node.next,
            step,
        }
    }
}

/// The values a container holds, in order.
pub(super) struct Children<'t, 'de> {
    tree: &'t Tree<'de>,
    next: u32,
    end: u32,
    /// 1 in an object, where a key comes before each value.
    step: u32,
}

impl Iterator for Children<'_, '_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        if self.next >= self.end {
            return None;
        }
        let at = self.next;
        self.next = self.tree.node(at).next + self.step;
        Some(at)
    }
}

impl Children<'_, '_> {
    /// Goes on from `member`, which comes next.
    pub(super) fn starting_at(mut self, member: u32) -> Self {
        self.next = member;
        self
    }

    /// None of them.
    pub(super) fn none(mut self) -> Self {
        self.next = self.end;
        self
    }

    /// Goes on after `member`.
    pub(super) fn after(mut self, member: u32) -> Self {
        self.next = self.tree.node(member).next + self.step;
        self
    }
}
