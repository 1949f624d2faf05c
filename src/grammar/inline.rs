//! Inline markdown: `*italic*`, `**bold**`, `[text](url)`, footnote calls
//! (`<sup>1</sup>`, `\*`), backslash escapes and hard line breaks.
//!
//! Anything that looks like markup but is not well-formed (an unclosed `*`, a
//! stray `<`) is kept as the literal text it is.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::char;
use nom::combinator::{map, verify};
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};

use super::symbol;
use crate::model::Inline;
use crate::model::Reference;

/// Which footnote markers exist, so that `<sup>1</sup>` and `\*` are taken
/// for calls only when there is a footnote to call.
pub trait Markers {
    /// Whether a footnote with this marker exists.
    fn has(&self, marker: &str) -> bool;
}

impl<S: std::hash::BuildHasher> Markers for std::collections::HashSet<String, S> {
    fn has(&self, marker: &str) -> bool {
        self.contains(marker)
    }
}

/// Parses a block's text (lines joined with `' '`, hard breaks as `'\n'`).
pub fn inlines(text: &str, markers: &dyn Markers) -> Vec<Inline> {
    thread_local! {
        static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }
    // Emphasis inside links inside emphasis…: past a depth no document has,
    // the rest is kept as literal text instead of recursing further.
    if DEPTH.get() >= MAX_DEPTH {
        return vec![Inline::text(text)];
    }
    DEPTH.set(DEPTH.get() + 1);
    let out = inlines_flat(text, markers);
    DEPTH.set(DEPTH.get() - 1);
    out
}

/// How deep emphasis and links may nest.
const MAX_DEPTH: usize = 32;

fn inlines_flat(text: &str, markers: &dyn Markers) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Ok((after, parsed)) = construct(rest, markers) {
            for inline in parsed {
                push(&mut out, inline);
            }
            rest = after;
            continue;
        }
        // Plain text runs to the next byte that may start a construct (all
        // ASCII, so the run ends on a char boundary).
        let len = match next_construct_start(rest.as_bytes()) {
            Some(0) => rest.chars().next().map_or(1, char::len_utf8),
            Some(len) => len,
            None => rest.len(),
        };
        push(&mut out, Inline::Text(rest[..len].to_string()));
        rest = &rest[len..];
    }
    out
}

/// Where the next byte that may start an inline construct is: `*`, `\\`,
/// `<`, `[`, a newline, `_`. Two vectorised searches for three bytes each,
/// the second only up to what the first found, chunk by chunk: a search
/// never reads far past the byte it finds, so a run of openers ("[[[…")
/// costs linear, not quadratic, time.
fn next_construct_start(bytes: &[u8]) -> Option<usize> {
    const CHUNK: usize = 4096;
    let mut start = 0;
    while start < bytes.len() {
        let chunk = &bytes[start..(start + CHUNK).min(bytes.len())];
        let first = memchr::memchr3(b'*', b'\\', b'<', chunk);
        let limit = first.unwrap_or(chunk.len());
        if let Some(found) = memchr::memchr3(b'[', b'\n', b'_', &chunk[..limit]).or(first) {
            return Some(start + found);
        }
        start += chunk.len();
    }
    None
}

/// Appends, merging adjacent text. A note's call takes no space before it
/// ("Rights, 1" as the PDF's text sets it apart is "Rights,¹" in print and
/// in the UN's files).
pub fn push(out: &mut Vec<Inline>, inline: Inline) {
    if let (Some(Inline::Text(last)), Inline::NoteCall { .. }) = (out.last_mut(), &inline) {
        let kept = last.trim_end_matches(' ').len();
        if kept == 0 {
            out.pop();
        } else {
            last.truncate(kept);
        }
    }
    if let (Some(Inline::Text(last)), Inline::Text(new)) = (out.last_mut(), &inline) {
        last.push_str(new);
        return;
    }
    if matches!(&inline, Inline::Text(t) if t.is_empty()) {
        return;
    }
    out.push(inline);
}

fn construct<'a>(input: &'a str, markers: &dyn Markers) -> IResult<&'a str, Vec<Inline>> {
    let single = alt((
        map(char('\n'), |_| Inline::Eol),
        |i| bold(i, markers),
        |i| italic(i, markers),
        |i| sup(i, markers),
        |i| star_call(i, markers),
        escape,
    ));
    alt((map(single, |inline| vec![inline]), |i| link(i, markers))).parse(input)
}

/// The longest emphasised span looked for, in bytes: longer than any italic
/// paragraph of a resolution.
const MAX_EMPHASIS: usize = 2048;
/// The longest link label or target, and superscript, in bytes.
const MAX_SHORT: usize = 512;

/// `at` or the nearest char boundary before it, within `text`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `take_until(tag)` within the first [`MAX_SHORT`] bytes only.
fn take_until_near<'a>(tag: &'static str) -> impl Fn(&'a str) -> IResult<&'a str, &'a str> {
    move |input: &'a str| {
        let window = &input[..floor_char_boundary(input, MAX_SHORT)];
        match window.find(tag) {
            Some(at) => Ok((&input[at..], &input[..at])),
            None => Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::TakeUntil,
            ))),
        }
    }
}

/// The text between delimiters, which must not start or end with white space.
fn emphasis_body<'a>(input: &'a str, delimiter: &'static str) -> IResult<&'a str, &'a str> {
    // The closing delimiter is looked for within a bounded window, so that
    // many unclosed openers cost linear, not quadratic, time.
    let window = &input[..floor_char_boundary(input, MAX_EMPHASIS)];
    let mut search = 0;
    loop {
        let found = window[search..].find(delimiter).map(|i| i + search);
        let Some(end) = found else {
            return Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::TakeUntil,
            )));
        };
        let body = &input[..end];
        let escaped = body.ends_with('\\') && !body.ends_with("\\\\");
        // `*a **b** c*`: skip a closing candidate that is really a `**`.
        let doubled = delimiter == "*" && input[end + 1..].starts_with('*');
        if escaped || doubled || end == 0 {
            search = end + if doubled { 2 } else { 1 };
            if search >= window.len() {
                return Err(nom::Err::Error(nom::error::Error::new(
                    input,
                    nom::error::ErrorKind::TakeUntil,
                )));
            }
            continue;
        }
        if body.starts_with(char::is_whitespace) || body.ends_with(char::is_whitespace) {
            return Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::Verify,
            )));
        }
        return Ok((&input[end + delimiter.len()..], body));
    }
}

fn bold<'a>(input: &'a str, markers: &dyn Markers) -> IResult<&'a str, Inline> {
    let (rest, body) = preceded(tag("**"), |i| emphasis_body(i, "**")).parse(input)?;
    Ok((rest, Inline::Bold(inlines(body, markers))))
}

fn italic<'a>(input: &'a str, markers: &dyn Markers) -> IResult<&'a str, Inline> {
    let (rest, body) = alt((
        preceded(tag("*"), |i| emphasis_body(i, "*")),
        preceded(tag("_"), |i| emphasis_body(i, "_")),
    ))
    .parse(input)?;
    if input.starts_with('_') && rest.starts_with(char::is_alphanumeric) {
        // snake_case_words are not emphasis.
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, Inline::Italic(inlines(body, markers))))
}

/// `<sup>1</sup>`: a call when footnote 1 exists, else superscript text.
fn sup<'a>(input: &'a str, markers: &dyn Markers) -> IResult<&'a str, Inline> {
    let (rest, body) = delimited(
        tag("<sup>"),
        verify(take_until_near("</sup>"), |b: &str| {
            !b.contains('<') && b.len() < 64
        }),
        tag("</sup>"),
    )
    .parse(input)?;
    let marker = body.trim().replace("\\*", "*");
    Ok((
        rest,
        if markers.has(&marker) {
            Inline::NoteCall { marker }
        } else {
            Inline::Sup(marker)
        },
    ))
}

/// `\*`, `\*\*` glued to a word: a call of the `*` footnote, when it exists.
fn star_call<'a>(input: &'a str, markers: &dyn Markers) -> IResult<&'a str, Inline> {
    let (rest, stars) = take_while_m_n(2, 6, |c| c == '\\' || c == '*').parse(input)?;
    let count = stars.matches("\\*").count();
    if count * 2 != stars.len() || rest.starts_with('*') {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    let marker = "*".repeat(count);
    if !markers.has(&marker) || !(rest.is_empty() || rest.starts_with([' ', ',', ';', '.', '\n'])) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, Inline::NoteCall { marker }))
}

/// `\x` for any ASCII punctuation x: the literal character.
fn escape(input: &str) -> IResult<&str, Inline> {
    let (rest, c) = preceded(
        char('\\'),
        verify(
            nom::character::complete::anychar,
            char::is_ascii_punctuation,
        ),
    )
    .parse(input)?;
    Ok((rest, Inline::Text(c.to_string())))
}

/// Whether `url` is made only of the characters a URI may hold (RFC 3986,
/// with `%` escapes well-formed), so that it is a valid `xsd:anyURI`.
fn is_uri(url: &str) -> bool {
    let bytes = url.as_bytes();
    bytes.iter().enumerate().all(|(at, &b)| match b {
        b'%' => {
            bytes.get(at + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(at + 2).is_some_and(u8::is_ascii_hexdigit)
        }
        b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => true,
        _ => b"-._~:/?#@!$&'*+,;=".contains(&b),
    })
}

/// Whether a link to `url` (already a URI, [`is_uri`]) may become a
/// reference: a relative one, or one whose scheme is on the allow-list
/// (`http`, `https`, `mailto`). `javascript:`, `data:`, `file:` and every
/// other scheme stay text.
pub fn is_allowed_target(url: &str) -> bool {
    // A scheme is what comes before the first `:`, if no `/`, `?` or `#`
    // comes first (RFC 3986, 4.2: otherwise the colon is in a path).
    let Some(colon) = url
        .find([':', '/', '?', '#'])
        .filter(|&at| url.as_bytes()[at] == b':')
    else {
        return true;
    };
    let scheme = &url[..colon];
    ["http", "https", "mailto"]
        .iter()
        .any(|allowed| scheme.eq_ignore_ascii_case(allowed))
}

/// `[text](url)`. A real URL becomes a reference; an empty or `#` target keeps
/// the label (a document symbol in it still becomes a reference).
fn link<'a>(input: &'a str, markers: &dyn Markers) -> IResult<&'a str, Vec<Inline>> {
    let (rest, (label, url)) = (
        delimited(
            char('['),
            verify(take_until_near("]"), |l: &str| !l.contains('[')),
            char(']'),
        ),
        delimited(
            char('('),
            verify(take_until_near(")"), |u: &str| {
                !u.contains(char::is_whitespace)
            }),
            char(')'),
        ),
    )
        .parse(input)?;
    if !url.is_empty() && url != "#" && !(is_uri(url) && is_allowed_target(url)) {
        // Not a URI XML accepts, or a scheme not on the allow-list: the
        // brackets stay text.
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    let content = inlines(label, markers);
    let to = if url.is_empty() || url == "#" {
        if !symbol::is_symbol(label.trim()) {
            return Ok((rest, content));
        }
        Reference::Symbol(label.trim().into())
    } else {
        Reference::Url(url.into())
    };
    Ok((rest, vec![Inline::Ref { to, content }]))
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_web_and_mail_schemes_and_relative_targets_are_allowed() {
        use super::is_allowed_target as ok;
        for url in [
            "http://x.org",
            "HTTPS://x",
            "mailto:a@b",
            "a/b",
            "#x",
            "//x.org/a",
            "a/b:c",
            "?q=a:b",
            "",
        ] {
            assert!(ok(url), "{url}");
        }
        for url in [
            "javascript:alert(1)",
            "JavaScript:x",
            "data:text/html,x",
            "file:///etc",
            "vbscript:x",
            "a:b",
            "ftp://x",
        ] {
            assert!(!ok(url), "{url}");
        }
    }

    use super::*;

    fn parse(text: &str) -> Vec<Inline> {
        let markers: std::collections::HashSet<String> = ["1".to_string(), "*".to_string()].into();
        inlines(text, &markers)
    }

    fn t(s: &str) -> Inline {
        Inline::text(s)
    }

    #[test]
    fn italic_lead_and_footnote_call() {
        assert_eq!(
            parse("*Taking note* of the report,<sup>1</sup> and <sup>9</sup>"),
            vec![
                Inline::Italic(vec![t("Taking note")]),
                t(" of the report,"),
                Inline::NoteCall { marker: "1".into() },
                t(" and "),
                Inline::Sup("9".into()),
            ]
        );
    }

    #[test]
    fn a_call_set_apart_follows_its_word() {
        // "Rights, 1 and" as the PDF's text sets the call apart; the call
        // takes no space before it, superscript text keeps its own.
        assert_eq!(
            parse("Rights, <sup>1</sup> and <sup>9</sup>"),
            vec![
                t("Rights,"),
                Inline::NoteCall { marker: "1".into() },
                t(" and "),
                Inline::Sup("9".into()),
            ]
        );
        assert_eq!(
            parse(" <sup>1</sup>"),
            vec![Inline::NoteCall { marker: "1".into() }]
        );
    }

    #[test]
    fn escaped_star_call_and_hard_break() {
        assert_eq!(
            parse("Ghana:\\* draft resolution\nnext"),
            vec![
                t("Ghana:"),
                Inline::NoteCall { marker: "*".into() },
                t(" draft resolution"),
                Inline::Eol,
                t("next"),
            ]
        );
    }

    #[test]
    fn link_with_symbol_is_a_reference() {
        assert_eq!(
            parse("[A/HRC/49/94](#)."),
            vec![
                Inline::Ref {
                    to: Reference::Symbol("A/HRC/49/94".into()),
                    content: vec![t("A/HRC/49/94")]
                },
                t("."),
            ]
        );
        assert_eq!(parse("[the text](#)"), vec![t("the text")]);
        assert_eq!(parse("[x](a[b)"), vec![t("[x](a[b)")]);
        assert_eq!(parse("[x](50%)"), vec![t("[x](50%)")]);
        assert_eq!(
            parse("[x](https://undocs.org/A/RES/80/1?a=b%20c)"),
            vec![Inline::Ref {
                to: Reference::Url("https://undocs.org/A/RES/80/1?a=b%20c".into()),
                content: vec![t("x")]
            }]
        );
    }

    #[test]
    fn unbalanced_markup_is_literal_text() {
        assert_eq!(
            parse("a * b and 3 < 4 & [x"),
            vec![t("a * b and 3 < 4 & [x")]
        );
        assert_eq!(parse("snake_case_name"), vec![t("snake_case_name")]);
        assert_eq!(
            parse("**bold** *it*"),
            vec![
                Inline::Bold(vec![t("bold")]),
                t(" "),
                Inline::Italic(vec![t("it")]),
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn the_construct_search_finds_the_first_start_byte(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    20 => proptest::prelude::any::<u8>(),
                    1 => proptest::sample::select(b"*\\<[\n_".to_vec()),
                ],
                0..120,
            ),
        ) {
            let plain = bytes.iter().position(|b| b"*\\<[\n_".contains(b));
            proptest::prop_assert_eq!(next_construct_start(&bytes), plain);
        }
    }
}
