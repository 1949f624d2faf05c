//! The XML output buffer: block elements on their own indented lines, inline
//! content on one line, every text and attribute value escaped.
//!
//! It writes straight into one `String` — no event objects, no per-element
//! allocation — and escapes exactly as quick-xml did before it (text: `<`,
//! `>`, `&`; attribute values: those and `'`, `"`), so the output is the
//! same byte for byte.

/// An XML output buffer with an indentation depth.
pub(crate) struct XmlOut {
    buf: String,
    depth: usize,
}

impl XmlOut {
    /// A buffer whose first element is indented `depth` levels.
    pub(crate) fn new(depth: usize, capacity: usize) -> XmlOut {
        XmlOut::reusing(String::with_capacity(capacity), depth)
    }

    /// A buffer writing into `buf` (emptied first), to reuse its capacity.
    pub(crate) fn reusing(mut buf: String, depth: usize) -> XmlOut {
        buf.clear();
        XmlOut { buf, depth }
    }

    fn newline(&mut self) {
        const SPACES: &str = "                                                                ";
        let width = (self.depth * 2).min(SPACES.len());
        self.buf.push('\n');
        self.buf.push_str(&SPACES[..width]);
    }

    /// Text that is already valid XML (white space, a prolog).
    pub(crate) fn raw(&mut self, text: &str) {
        self.buf.push_str(text);
    }

    /// `<name attrs>` on a new line; following content is nested.
    pub(crate) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.newline();
        self.start(name, attrs);
        self.depth += 1;
    }

    /// `</name>` on a new line, closing [`XmlOut::open`].
    pub(crate) fn close(&mut self, name: &str) {
        self.depth -= 1;
        self.newline();
        self.end(name);
    }

    /// `<name attrs/>` on a new line.
    pub(crate) fn leaf(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.newline();
        self.empty(name, attrs);
    }

    /// `<name attrs>` on a new line, for an element whose content stays on
    /// that line; close it with [`XmlOut::end`].
    pub(crate) fn line(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.newline();
        self.start(name, attrs);
    }

    fn tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.buf.push('<');
        self.buf.push_str(name);
        for (key, value) in attrs {
            self.buf.push(' ');
            self.buf.push_str(key);
            self.buf.push_str("=\"");
            escape_into(&mut self.buf, value, true);
            self.buf.push('"');
        }
    }

    /// `<name attrs>` inline.
    pub(crate) fn start(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.tag(name, attrs);
        self.buf.push('>');
    }

    /// `</name>` inline.
    pub(crate) fn end(&mut self, name: &str) {
        self.buf.push_str("</");
        self.buf.push_str(name);
        self.buf.push('>');
    }

    /// `<name attrs/>` inline.
    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.tag(name, attrs);
        self.buf.push_str("/>");
    }

    /// Text, with `<`, `>` and `&` escaped (quotes need no escaping in content).
    pub(crate) fn text(&mut self, text: &str) {
        escape_into(&mut self.buf, text, false);
    }

    /// The text written.
    pub(crate) fn into_string(self) -> String {
        self.buf
    }
}

/// Eight copies of the byte `b`.
const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// Whether any of the eight bytes of `v` is zero (exact as a yes/no).
const fn has_zero(v: u64) -> bool {
    v.wrapping_sub(splat(1)) & !v & splat(0x80) != 0
}

/// Whether any of the eight bytes of `v` needs escaping.
fn has_special(v: u64, attribute: bool) -> bool {
    let text = has_zero(v ^ splat(b'<')) || has_zero(v ^ splat(b'>')) || has_zero(v ^ splat(b'&'));
    text || (attribute && (has_zero(v ^ splat(b'"')) || has_zero(v ^ splat(b'\''))))
}

fn entity(b: u8, attribute: bool) -> Option<&'static str> {
    match b {
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'&' => Some("&amp;"),
        b'"' if attribute => Some("&quot;"),
        b'\'' if attribute => Some("&apos;"),
        _ => None,
    }
}

/// Appends `text` to `out`, escaping `<`, `>`, `&` (and in an attribute value
/// also `"` and `'`). Runs without any such byte are copied whole: text is
/// searched with memchr, attribute values eight bytes at a time.
fn escape_into(out: &mut String, text: &str, attribute: bool) {
    if !attribute {
        // Text content: three special bytes, found by memchr's vector search.
        let mut copied = 0;
        for i in memchr::memchr3_iter(b'<', b'>', b'&', text.as_bytes()) {
            // `i` is an ASCII byte, so both slices end on char boundaries.
            out.push_str(&text[copied..i]);
            out.push_str(entity(text.as_bytes()[i], false).expect("a special byte"));
            copied = i + 1;
        }
        out.push_str(&text[copied..]);
        return;
    }
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        if let Some(chunk) = bytes.get(at..at + 8) {
            let word = u64::from_ne_bytes(chunk.try_into().expect("eight bytes"));
            if !has_special(word, attribute) {
                at += 8;
                continue;
            }
        }
        let end = (at + 8).min(bytes.len());
        for i in at..end {
            if let Some(entity) = entity(bytes[i], attribute) {
                // `i` is an ASCII byte, so both slices end on char boundaries.
                out.push_str(&text[copied..i]);
                out.push_str(entity);
                copied = i + 1;
            }
        }
        at = end;
    }
    out.push_str(&text[copied..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str, attribute: bool) -> String {
        let mut out = String::new();
        escape_into(&mut out, text, attribute);
        out
    }

    #[test]
    fn escapes_as_quick_xml_did() {
        for text in [
            "",
            "plain",
            "a <b> & ]]> \"q\" 'a'",
            "exactly8",
            "sixteen bytes!!!<",
            "é<ü>&日本語\"'",
            "&&&&&&&&&&&&&&&&&&",
            "long text without anything to escape, well past eight bytes",
        ] {
            assert_eq!(
                escaped(text, false),
                quick_xml::escape::partial_escape(text),
                "{text}"
            );
            assert_eq!(
                escaped(text, true),
                quick_xml::escape::escape(text),
                "{text}"
            );
        }
    }

    #[test]
    fn tags_and_attributes() {
        let mut out = XmlOut::new(1, 0);
        out.open("a", &[("x", "1 & 2"), ("y", "\"")]);
        out.leaf("b", &[]);
        out.line("p", &[]);
        out.text("t<");
        out.end("p");
        out.close("a");
        assert_eq!(
            out.into_string(),
            "\n  <a x=\"1 &amp; 2\" y=\"&quot;\">\n    <b/>\n    <p>t&lt;</p>\n  </a>"
        );
    }
}
