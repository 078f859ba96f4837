//! The body as a tree of its values, for the probes to read: [`parse`]
//! checks the body is JSON text (RFC 8259), then one scan notes where each
//! value is and what kind it is; strings and numbers are read from the body
//! when a probe asks for them.

use std::borrow::Cow;

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::RequestPart;

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
    /// Where the values come from. From a URL (path or query parameters,
    /// which [`params`](super::params) writes as a JSON object of strings),
    /// a string is also read as a number or a `bool`, and as a sequence of
    /// one; an array holds the values of a key given more than once.
    pub(super) part: RequestPart,
}

/// One value of the body.
#[derive(Debug, Clone, Copy, Default)]
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

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum Kind {
    #[default]
    Null,
    Bool(bool),
    Number,
    /// A string, and whether it has escapes (which serde_json cannot lend).
    String {
        escaped: bool,
    },
    Array,
    Object,
}

/// Checks `body` is JSON text and builds its tree; else says why it is
/// not, as an `invalid_request` does.
pub(super) fn parse(body: &[u8]) -> Result<Tree<'_>, String> {
    if body.iter().all(|byte| b" \t\n\r".contains(byte)) {
        return Err("The request body is empty.".to_owned());
    }
    if body.starts_with("\u{FEFF}".as_bytes()) {
        let bom = "The request body starts with a byte order mark, which JSON text must not have.";
        return Err(bom.to_owned());
    }
    if body.len() >= u32::MAX as usize {
        return Err("The request body is too long to read.".to_owned());
    }
    let wrong_at = |what: &str, at: usize| sentence(what, line_and_column(body, at));
    let text = std::str::from_utf8(body)
        .map_err(|error| wrong_at("is not valid UTF-8", error.valid_up_to()))?;
    check_grammar(text)?;
    let mut scan = Scan {
        body,
        at: 0,
        // About a node for every eight bytes of a body, to grow the list
        // seldom.
        nodes: Vec::with_capacity(body.len() / 8 + 8),
    };
    scan.value(1, 0)
        .map_err(|at| wrong_at("nests arrays and objects deeper than 127 levels", at))?;
    if let Some(at) = lone_surrogate(body) {
        return Err(wrong_at("has a lone surrogate escape in a string", at));
    }
    Ok(Tree {
        text,
        nodes: scan.nodes,
        part: RequestPart::Body,
    })
}

/// serde_json's check of the grammar, reading `text` as `IgnoredAny`.
fn check_grammar(text: &str) -> Result<(), String> {
    let mut grammar = serde_json::Deserializer::from_str(text);
    let (what, error) = match IgnoredAny::deserialize(&mut grammar) {
        Ok(_) => match grammar.end() {
            Ok(()) => return Ok(()),
            Err(error) => ("has more after its JSON value", error),
        },
        Err(error) if error.is_eof() => ("ends before its JSON value does", error),
        Err(error) => ("is not valid JSON", error),
    };
    Err(sentence(what, (error.line(), error.column())))
}

/// What an `invalid_request` says of a body that is not JSON text.
pub(crate) fn sentence(what: &str, (line, column): (usize, usize)) -> String {
    format!("The request body {what} (line {line}, column {column}).")
}

/// Where `at` is, as serde_json counts: lines from 1, and the bytes of the
/// line up to and including the byte at `at`.
fn line_and_column(body: &[u8], at: usize) -> (usize, usize) {
    let before = body.get(..at).unwrap_or(body);
    let line = 1 + before.iter().filter(|&&byte| byte == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&byte| byte == b'\n')
        .map_or(0, |i| i + 1);
    (line, at + 1 - line_start)
}

/// Where `body`, which serde_json has read, has its first `\u` escape of
/// one half of a surrogate pair without the other: serde_json does not
/// check the strings it skips or reads as bytes.
pub(super) fn lone_surrogate(body: &[u8]) -> Option<usize> {
    // serde_json has checked that four hex digits follow each `\u`.
    let unit = |at: usize| {
        let digits = std::str::from_utf8(body.get(at + 2..at + 6)?).ok()?;
        u16::from_str_radix(digits, 16).ok()
    };
    let mut from = 0;
    while let Some(found) = memchr::memchr(b'\\', body.get(from..)?) {
        let at = from + found;
        // Any escape but `\u` is two bytes long.
        from = at + 2;
        if body.get(at + 1) != Some(&b'u') {
            continue;
        }
        match unit(at) {
            Some(0xD800..=0xDBFF)
                if body.get(at + 6) == Some(&b'\\')
                    && matches!(unit(at + 6), Some(0xDC00..=0xDFFF)) =>
            {
                from = at + 12;
            }
            Some(0xD800..=0xDFFF) => return Some(at),
            _ => from = at + 6,
        }
    }
    None
}

/// The scan that builds the tree of a body serde_json found to be JSON
/// text: it looks only for where values start and end.
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

    /// Reads the value here, `depth` levels deep, `index`-th in its array;
    /// `Err` with where an array or object nests too deep.
    fn value(&mut self, depth: usize, index: u32) -> Result<(), usize> {
        self.whitespace();
        let slot = self.nodes.len();
        // A container's node comes before what it holds, and is finished
        // once that is read.
        self.nodes.push(Node {
            start: self.at as u32,
            index,
            ..Node::default()
        });
        let kind = match self.peek() {
            Some(b'[' | b'{') if depth > MAX_DEPTH => return Err(self.at),
            Some(b'[') => self.container(depth, b']').map(|()| Kind::Array)?,
            Some(b'{') => self.container(depth, b'}').map(|()| Kind::Object)?,
            Some(b'"') => self.string(),
            first => {
                // A literal or a number: up to the next delimiter.
                let rest = self.body.get(self.at..).unwrap_or_default();
                let is_end = |byte: &u8| b",]} \t\n\r".contains(byte);
                self.at += rest.iter().position(is_end).unwrap_or(rest.len());
                match first {
                    Some(b'n') => Kind::Null,
                    Some(b't') => Kind::Bool(true),
                    Some(b'f') => Kind::Bool(false),
                    _ => Kind::Number,
                }
            }
        };
        let (end, next) = (self.at as u32, self.nodes.len() as u32);
        if let Some(node) = self.nodes.get_mut(slot) {
            (node.kind, node.end, node.next) = (kind, end, next);
        }
        Ok(())
    }

    /// An array's elements, or an object's members, up to `close`.
    fn container(&mut self, depth: usize, close: u8) -> Result<(), usize> {
        self.at += 1;
        self.whitespace();
        for index in 0.. {
            if self.peek() == Some(close) {
                break;
            }
            if close == b'}' {
                self.value(depth + 1, 0)?;
                self.whitespace();
                self.at += 1; // the colon
            }
            self.value(depth + 1, index)?;
            self.whitespace();
            if self.peek() != Some(b',') {
                break;
            }
            self.at += 1;
            self.whitespace();
        }
        self.at += 1;
        Ok(())
    }

    fn string(&mut self) -> Kind {
        let mut escaped = false;
        self.at += 1;
        while let Some(found) =
            memchr::memchr2(b'"', b'\\', self.body.get(self.at..).unwrap_or_default())
        {
            self.at += found + 1;
            if self.body.get(self.at - 1) == Some(&b'"') {
                break;
            }
            // The escaped byte: the rest of an escape holds neither a
            // quote nor a backslash.
            escaped = true;
            self.at += 1;
        }
        Kind::String { escaped }
    }
}

impl<'de> Tree<'de> {
    pub(super) fn node(&self, at: u32) -> Node {
        // One past it, for a walk over the nodes to go on.
        self.nodes.get(at as usize).copied().unwrap_or(Node {
            next: at + 1,
            ..Node::default()
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

    /// A string's value, decoded: serde_json decodes one with escapes
    /// (which it cannot lend), which the scan has checked.
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

    /// Goes on after `member`.
    pub(super) fn after(mut self, member: u32) -> Self {
        self.next = self.tree.node(member).next + self.step;
        self
    }
}
