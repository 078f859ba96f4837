//! Content negotiation: the media type an error body goes as, from the
//! request's `Accept` (RFC 9110 §12.5.1), and whether a request that
//! accepts no JSON is refused before its handler runs.

use http::HeaderValue;

use super::Context;

/// How the request context negotiates a response's media type with the
/// request's `Accept`: on or off, and whether a request that accepts no
/// JSON at all is refused with `not_acceptable` (406) before its handler
/// runs.
///
/// Negotiation is on by default, refusing off: a layer installed on a whole
/// application may serve pages and files besides JSON, which a client that
/// does not accept JSON still reads. Install the context with
/// `.refuse_unacceptable(true)` on the routes that answer JSON only (the
/// JSON API's router, or scope).
#[derive(Clone, Copy, Debug)]
pub struct Negotiation {
    enabled: bool,
    refuse_unacceptable: bool,
}

impl Default for Negotiation {
    fn default() -> Self {
        Negotiation {
            enabled: true,
            refuse_unacceptable: false,
        }
    }
}

impl Negotiation {
    /// Negotiation on, refusing off.
    pub fn new() -> Self {
        Self::default()
    }

    /// Negotiation on or off: off, a `Problem` body always goes as
    /// `application/problem+json`, and no request is refused.
    pub fn enabled(mut self, on: bool) -> Self {
        self.enabled = on;
        self
    }

    /// Whether negotiation is on.
    pub fn is_enabled(&self) -> bool {
        self.enabled
    }

    /// Whether a request whose `Accept` excludes every JSON type
    /// ([`accepts_json`](crate::accepts_json)) is answered with
    /// `not_acceptable` (406) before its handler runs, the handler never
    /// called. Its body is JSON all the same, as RFC 9110 §15.5.7 allows.
    /// Only while negotiation is on.
    pub fn refuse_unacceptable(mut self, on: bool) -> Self {
        self.refuse_unacceptable = on;
        self
    }

    /// Whether requests that accept no JSON are refused.
    pub fn refuses_unacceptable(&self) -> bool {
        self.enabled && self.refuse_unacceptable
    }
}

/// One media range of an `Accept` header (RFC 9110 §12.5.1): its type and
/// subtype, and its weight in thousandths.
struct Range<'a> {
    kind: &'a [u8],
    subtype: &'a [u8],
    quality: u16,
}

/// The media ranges of an `Accept` header with values `values`, skipping
/// what is not one (no `type/subtype` of tokens, or a `q` that is not a
/// qvalue): an `Accept` of nothing but garbage says nothing, and is taken
/// as if absent.
fn ranges<'a>(values: impl IntoIterator<Item = &'a [u8]>) -> impl Iterator<Item = Range<'a>> {
    values
        .into_iter()
        .flat_map(|value| value.split(|&byte| byte == b','))
        .filter_map(range)
}

fn range(text: &[u8]) -> Option<Range<'_>> {
    let mut parts = text.split(|&byte| byte == b';');
    let media = parts.next()?.trim_ascii();
    let slash = media.iter().position(|&byte| byte == b'/')?;
    let kind = media.get(..slash)?;
    let subtype = media.get(slash + 1..)?;
    if !is_token(kind) || !is_token(subtype) || (kind == b"*" && subtype != b"*") {
        return None;
    }
    let mut quality = 1000;
    for parameter in parts {
        let parameter = parameter.trim_ascii();
        if let [b'q' | b'Q', b'=', q @ ..] = parameter {
            quality = qvalue(q)?;
        }
    }
    Some(Range {
        kind,
        subtype,
        quality,
    })
}

/// RFC 9110's `tchar`s, at least one.
fn is_token(text: &[u8]) -> bool {
    !text.is_empty()
        && text
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// A qvalue (RFC 9110 §12.4.2), `0`–`1` with up to three decimals, in
/// thousandths: the weight of an `Accept` or `Accept-Language` range.
pub(crate) fn qvalue(text: &[u8]) -> Option<u16> {
    let (whole, decimals) = match text {
        [whole] => (*whole, &[][..]),
        [whole, b'.', decimals @ ..] if decimals.len() <= 3 => (*whole, decimals),
        _ => return None,
    };
    let mut thousandths: u16 = match whole {
        b'0' => 0,
        b'1' => 1000,
        _ => return None,
    };
    for (&digit, scale) in decimals.iter().zip([100, 10, 1]) {
        if !digit.is_ascii_digit() {
            return None;
        }
        thousandths += u16::from(digit - b'0') * scale;
    }
    (thousandths <= 1000).then_some(thousandths)
}

/// How much a request with `Accept` values `values` wants `media_type`
/// (`type/subtype`, in any case), in thousandths: the weight of the most
/// specific range that matches it (the type itself, then `type/*`, then
/// `*/*`), 0 if none does; 1000 without any range.
fn quality<'a>(values: impl IntoIterator<Item = &'a [u8]>, media_type: &str) -> u16 {
    let (kind, subtype) = media_type.split_once('/').unwrap_or((media_type, ""));
    let mut best: Option<(u8, u16)> = None;
    let mut any = false;
    for range in ranges(values) {
        any = true;
        let specificity = if range.kind == b"*" {
            1
        } else if !range.kind.eq_ignore_ascii_case(kind.as_bytes()) {
            continue;
        } else if range.subtype == b"*" {
            2
        } else if range.subtype.eq_ignore_ascii_case(subtype.as_bytes()) {
            3
        } else {
            continue;
        };
        best = match best {
            Some((had, _)) if had > specificity => best,
            Some((had, q)) if had == specificity => Some((had, q.max(range.quality))),
            _ => Some((specificity, range.quality)),
        };
    }
    match best {
        Some((_, q)) => q,
        None if any => 0,
        None => 1000,
    }
}

/// Whether a request with `Accept` values `values` accepts some JSON
/// type: `application/json`, any `+json` type, `application/*` or `*/*`,
/// with a weight above zero; or sends no media range at all. What
/// [`accepts_json`](crate::accepts_json) and the refusing context test.
pub(crate) fn accepts_any_json<'a>(values: impl IntoIterator<Item = &'a [u8]>) -> bool {
    let mut any = false;
    for range in ranges(values) {
        any = true;
        let json = range.kind == b"*"
            || (range.kind.eq_ignore_ascii_case(b"application")
                && (range.subtype == b"*"
                    || range.subtype.eq_ignore_ascii_case(b"json")
                    || range.subtype.len() > 5
                        && range
                            .subtype
                            .get(range.subtype.len() - 5..)
                            .is_some_and(|end| end.eq_ignore_ascii_case(b"+json"))));
        if json && range.quality > 0 {
            return true;
        }
    }
    !any
}

/// What a request's `Accept` asks of a response's media type.
#[derive(Clone, Debug)]
pub(crate) struct Negotiated {
    pub(crate) accept: Option<HeaderValue>,
}

/// Whether a `+json` format's body, whose own media type is `own` (such as
/// `application/problem+json`), goes as `application/json` in a request
/// with `context`: when the request prefers it; and whether that depended on
/// the request's `Accept` (the response then says `Vary: Accept`). Any
/// other media type, or a context that does not negotiate: `own`, and
/// nothing depended on `Accept`.
pub(crate) fn prefers_json(context: &Context, own: &HeaderValue) -> (bool, bool) {
    let Some(negotiated) = context.negotiation.as_ref() else {
        return (false, false);
    };
    let Ok(text) = own.to_str() else {
        return (false, false);
    };
    // The type itself, without parameters (`; charset=utf-8`).
    let text = text.split(';').next().unwrap_or_default().trim();
    let plus_json = text.len() > 17
        && text
            .get(..12)
            .is_some_and(|start| start.eq_ignore_ascii_case("application/"))
        && text
            .get(text.len() - 5..)
            .is_some_and(|end| end.eq_ignore_ascii_case("+json"));
    if !plus_json {
        return (false, false);
    }
    let values = negotiated.accept.iter().map(HeaderValue::as_bytes);
    let json = quality(values.clone(), "application/json");
    (json > quality(values, text), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_specific_range_gives_the_weight() {
        let q = |accept: &str, media: &str| quality([accept.as_bytes()], media);
        let json = "application/json";
        let problem = "application/problem+json";
        assert_eq!(q("", json), 1000);
        assert_eq!(q("garbage, ;q=0", json), 1000);
        assert_eq!(q("*/*", problem), 1000);
        assert_eq!(q("text/html", json), 0);
        assert_eq!(q("application/json;q=0.5, */*;q=0.9", json), 500);
        assert_eq!(q("application/json;q=0.5, */*;q=0.9", problem), 900);
        assert_eq!(q("application/*;q=0.3, */*", problem), 300);
        assert_eq!(q("APPLICATION/JSON;Q=0.123", json), 123);
        assert_eq!(q("application/json;q=0, */*", json), 0);
        // A weight that is not a qvalue: the range is skipped.
        for bad in ["2", "0.1234", "-1", "1.5", "x", ""] {
            assert_eq!(
                q(&format!("application/json;q={bad}, */*;q=0.2"), json),
                200,
                "{bad}"
            );
        }
        assert_eq!(
            quality([&b"text/html"[..], b"application/json;q=0.4"], json),
            400
        );
    }

    #[test]
    fn any_json() {
        for yes in [
            "",
            "*/*",
            "application/*",
            "application/vnd.a+json",
            "text/html, application/json;q=0.1",
            "nonsense",
        ] {
            assert!(accepts_any_json([yes.as_bytes()]), "{yes}");
        }
        for no in [
            "text/html",
            "application/json;q=0",
            "*/*;q=0",
            "application/+json",
            "application/jsonx, text/*",
        ] {
            assert!(!accepts_any_json([no.as_bytes()]), "{no}");
        }
    }

    #[test]
    fn problem_json_unless_json_is_preferred() {
        let problem = HeaderValue::from_static("application/problem+json");
        let chosen = |accept: Option<&'static str>| {
            let context = Context::new().with_accept(accept.map(HeaderValue::from_static));
            prefers_json(&context, &problem)
        };
        assert_eq!(chosen(None), (false, true));
        assert_eq!(chosen(Some("application/json")), (true, true));
        assert_eq!(
            chosen(Some("application/json, application/problem+json")),
            (false, true)
        );
        assert_eq!(
            chosen(Some("application/json;q=0.9, application/*;q=0.8")),
            (true, true)
        );
        assert_eq!(chosen(Some("text/html")), (false, true));
        // A type with parameters is negotiated as the type itself.
        let versioned = HeaderValue::from_static("application/vnd.acme+json; v=2");
        let context =
            Context::new().with_accept(Some(HeaderValue::from_static("application/json")));
        assert_eq!(prefers_json(&context, &versioned), (true, true));
        let context = Context::new().with_accept(Some(HeaderValue::from_static(
            "application/vnd.acme+json, application/json;q=0.5",
        )));
        assert_eq!(prefers_json(&context, &versioned), (false, true));
        // A context that does not negotiate, or a plain JSON format: as is.
        assert_eq!(prefers_json(&Context::new(), &problem), (false, false));
        let json = HeaderValue::from_static("application/json");
        let negotiating = Context::new().with_accept(None);
        assert_eq!(prefers_json(&negotiating, &json), (false, false));
    }
}
