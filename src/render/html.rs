//! HTML building blocks shared by the review page, the batch index and the
//! diff page: escaping, safe links, and the inline marks of the view tree.
//!
//! Everything that comes from a document goes through [`text`] or [`attr`];
//! links go through [`safe_href`]. Nothing else writes document text.

use std::fmt::Write;

use crate::view::Inline;

/// Appends `s` escaped for HTML text or a double-quoted attribute value:
/// `& < > " '` as references; C0 controls (but tab, line feed, carriage
/// return) as their visible control pictures (U+2400...), DEL as U+2421, C1
/// controls as `[U+0085]`, so that nothing is lost and nothing is invalid.
pub fn text(out: &mut String, s: &str) {
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let replacement: Option<&str> = match c {
            '&' => Some("&amp;"),
            '<' => Some("&lt;"),
            '>' => Some("&gt;"),
            '"' => Some("&quot;"),
            '\'' => Some("&#39;"),
            '\t' | '\n' | '\r' => None,
            c if (c as u32) < 0x20 || c == '\u{7f}' || ('\u{80}'..='\u{9f}').contains(&c) => {
                out.push_str(&s[start..i]);
                start = i + c.len_utf8();
                match c as u32 {
                    code @ 0..=0x1f => {
                        out.push(char::from_u32(0x2400 + code).unwrap_or('\u{fffd}'))
                    }
                    0x7f => out.push('\u{2421}'),
                    code => {
                        let _ = write!(out, "[U+{code:04X}]");
                    }
                }
                continue;
            }
            _ => None,
        };
        if let Some(replacement) = replacement {
            out.push_str(&s[start..i]);
            out.push_str(replacement);
            start = i + 1;
        }
    }
    out.push_str(&s[start..]);
}

/// `s` escaped, as a new string.
#[cfg(test)]
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    text(&mut out, s);
    out
}

/// Appends ` name="value"` with the value escaped.
pub fn attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    text(out, value);
    out.push('"');
}

/// `href` if it is safe to link: `http:`, `https:`, `mailto:`, a `#fragment`,
/// or a relative path (no scheme, not `//host`); no whitespace or control
/// characters anywhere, which browsers strip to reveal another scheme.
pub fn safe_href(href: &str) -> Option<&str> {
    if href.is_empty()
        || href
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return None;
    }
    let lower = href.to_ascii_lowercase();
    if ["http://", "https://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        return Some(href);
    }
    if href.starts_with("//") {
        return None;
    }
    let before = href.split(['/', '?', '#']).next().unwrap_or_default();
    (!before.contains(':')).then_some(href)
}

/// An id-safe form of an eId (letters, digits, `_`, `-`, `.` kept).
pub fn id(eid: &str) -> String {
    eid.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "_-.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Renders inlines; footnote calls link to `#fn-{eId}` and carry the id
/// `ref-{eId}` the first time (`seen` tracks which).
pub fn inlines(out: &mut String, inlines: &[Inline], seen: &mut rustc_hash::FxHashSet<String>) {
    for inline in inlines {
        self::inline(out, inline, seen);
    }
}

fn get<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn inline(out: &mut String, inline: &Inline, seen: &mut rustc_hash::FxHashSet<String>) {
    match inline {
        Inline::Text(s) => text(out, s),
        Inline::Eol => out.push_str("<br>"),
        Inline::NoteRef { marker, target } => {
            let target = id(target);
            out.push_str("<sup class=\"fnref\"");
            if seen.insert(target.clone()) {
                attr(out, "id", &format!("ref-{target}"));
            }
            out.push_str("><a");
            attr(out, "href", &format!("#fn-{target}"));
            attr(out, "aria-label", &format!("footnote {marker}"));
            out.push('>');
            text(out, marker);
            out.push_str("</a></sup>");
        }
        Inline::Mark {
            name,
            attrs,
            children,
        } => {
            let (open, close): (String, &str) = match name.as_str() {
                "i" => ("<i>".into(), "</i>"),
                "b" => ("<b>".into(), "</b>"),
                "u" => ("<u>".into(), "</u>"),
                "sup" => ("<sup>".into(), "</sup>"),
                "sub" => ("<sub>".into(), "</sub>"),
                "ref" => {
                    let href = get(attrs, "href").unwrap_or_default();
                    let mut open = String::new();
                    match safe_href(href) {
                        Some(safe) => {
                            let class = if safe.starts_with("/akn/") {
                                "ref akn"
                            } else {
                                "ref"
                            };
                            open.push_str("<a");
                            attr(&mut open, "class", class);
                            attr(&mut open, "href", safe);
                            attr(&mut open, "title", href);
                            open.push('>');
                            (open, "</a>")
                        }
                        None => {
                            open.push_str("<span class=\"ref unlinked\"");
                            attr(&mut open, "title", href);
                            open.push('>');
                            (open, "</span>")
                        }
                    }
                }
                "date" | "docDate" => {
                    let mut open = String::from("<time class=\"date\"");
                    if let Some(date) = get(attrs, "date") {
                        attr(&mut open, "datetime", date);
                        attr(&mut open, "title", date);
                    }
                    open.push('>');
                    (open, "</time>")
                }
                _ => {
                    let class = match name.as_str() {
                        "docAuthority" | "organization" => "body",
                        "docProponent" | "location" => "state",
                        "person" | "role" => "person",
                        "session" | "event" => "event",
                        _ => "akn",
                    };
                    let mut open = String::from("<span");
                    let mut classes = format!("{class} akn-{}", id(name));
                    if let Some(inline_name) = get(attrs, "name").filter(|_| name == "inline") {
                        classes.push_str(&format!(" inline-{}", id(inline_name)));
                    }
                    attr(&mut open, "class", &classes);
                    let title = get(attrs, "refersTo")
                        .map(|r| format!("{name} {r}"))
                        .or_else(|| get(attrs, "value").map(|v| format!("{name} {v}")));
                    if let Some(title) = title {
                        attr(&mut open, "title", &title);
                    }
                    open.push('>');
                    (open, "</span>")
                }
            };
            out.push_str(&open);
            inlines(out, children, seen);
            out.push_str(close);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_that_matters() {
        assert_eq!(
            escape("<script>alert(\"x\" & 'y')</script>"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        assert_eq!(
            escape("a\u{0}b\u{1b}c\u{7f}d\u{85}e\té"),
            "a\u{2400}b\u{241b}c\u{2421}d[U+0085]e\té"
        );
    }

    #[test]
    fn only_safe_links() {
        for good in [
            "https://undocs.org/A/1",
            "http://x",
            "MAILTO:a@b",
            "#fn-1",
            "/akn/un/x",
            "a/b:c",
            "x.html",
        ] {
            assert_eq!(safe_href(good), Some(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:x",
            " javascript:x",
            "java\tscript:x",
            "data:text/html,x",
            "vbscript:x",
            "//evil.example",
            "\\\\evil",
            "file:///etc/passwd",
            "",
        ] {
            assert_eq!(safe_href(bad), None, "{bad}");
        }
    }
}
