//! Streaming validation of one document against the compiled model.
//!
//! quick-xml tokenizes the borrowed input; every event is checked here for
//! the well-formedness rules quick-xml leaves out (names, attribute syntax,
//! characters, references, comments, processing instructions, the XML
//! declaration, the document structure, namespaces) and then validated: the
//! element's name is resolved to a namespace and an interned name id, the
//! parent's content automaton takes one step, attributes are checked in place
//! (a value is copied only when it holds a reference or a character that
//! attribute-value normalization changes), identity-constraint values go to
//! every open scope, and text is checked against the content type.
//!
//! No tree is built and no per-element string is allocated on the common
//! path. The first well-formedness error stops the run (as in libxml2, where
//! such an error makes the document unusable); validity errors are collected
//! up to the limit. Like libxml2, content under an element that was rejected
//! (unexpected, undeclared) is not validated, only parsed.

use std::borrow::Cow;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::chars::{is_name, is_ws, is_xml_char, libxml_valid_ncname, qname as qname_check};
use super::content::Step;
use super::hash::FxHashSet;
use super::schema::{
    Content, Model, Process, TypeRef, ANY_TYPE, NS_FOREIGN, NS_NONE, NS_XML, NS_XSI, XMLNS_NS,
    XML_NS,
};
use super::simple::{collapse, normalize, Builtin, SimpleId, Variety};
use super::uri;
use super::{Violation, ViolationKind};

/// Stops the run: a fatal (well-formedness) error, or the violation limit.
struct Stop;

type Res = Result<(), Stop>;

/// Byte classes for the scanners.
const C_CTRL: u8 = 1; // a C0 control other than tab, LF, CR
const C_EF: u8 = 2; // first byte of U+FFFE / U+FFFF
const C_AMP: u8 = 4;
const C_RBRACKET: u8 = 8;
const C_WS: u8 = 16;
const C_LT: u8 = 32;
const C_NORM: u8 = 64; // tab, LF, CR: changed by attribute-value normalization

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 32 {
        t[i] = C_CTRL;
        i += 1;
    }
    t[b'\t' as usize] = C_WS | C_NORM;
    t[b'\n' as usize] = C_WS | C_NORM;
    t[b'\r' as usize] = C_WS | C_NORM;
    t[b' ' as usize] = C_WS;
    t[0xEF] = C_EF;
    t[b'&' as usize] = C_AMP;
    t[b']' as usize] = C_RBRACKET;
    t[b'<' as usize] = C_LT;
    t
};

const T_NONWS: u8 = 1;
const T_SPECIAL: u8 = 2;

/// Byte classes for the text fast path: not white space; possibly special
/// (a control, the lead byte of U+FFFE/U+FFFF, `&`, `]`).
static TEXT_CLASS: [u8; 256] = {
    let mut t = [T_NONWS; 256];
    t[b' ' as usize] = 0;
    t[b'\t' as usize] = 0;
    t[b'\n' as usize] = 0;
    t[b'\r' as usize] = 0;
    let mut i = 0;
    while i < 32 {
        if i != 9 && i != 10 && i != 13 {
            t[i] = T_NONWS | T_SPECIAL;
        }
        i += 1;
    }
    t[0xEF] = T_NONWS | T_SPECIAL;
    t[b'&' as usize] = T_NONWS | T_SPECIAL;
    t[b']' as usize] = T_NONWS | T_SPECIAL;
    t
};

/// ASCII bytes of attribute names (name characters and the colon).
static ATTR_NAME_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.' || b == b':';
        i += 1;
    }
    t
};

/// True if the bytes at `i` are U+FFFE or U+FFFF (given `s[i] == 0xEF`).
#[inline]
fn is_nonchar_at(s: &[u8], i: usize) -> bool {
    s.get(i + 1) == Some(&0xBF) && matches!(s.get(i + 2), Some(&0xBE) | Some(&0xBF))
}

/// A namespace binding in scope.
struct Binding<'a> {
    prefix: &'a str,
    ns: u16,
    uri: Cow<'a, str>,
}

/// An attribute of the current start tag.
struct Attr<'a> {
    qname: &'a str,
    /// Index of the colon in `qname`, or 0.
    colon: usize,
    value: Cow<'a, str>,
    /// Byte offset of the attribute name.
    pos: usize,
    /// Resolved namespace id.
    ns: u16,
    /// Index of the binding that resolved the prefix (for foreign namespaces).
    binding: usize,
}

impl<'a> Attr<'a> {
    fn prefix(&self) -> &'a str {
        if self.colon == 0 {
            ""
        } else {
            &self.qname[..self.colon]
        }
    }
    fn local(&self) -> &'a str {
        if self.colon == 0 {
            self.qname
        } else {
            &self.qname[self.colon + 1..]
        }
    }
}

/// How an open element is treated.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Validated against a type.
    Validate,
    /// Only parsed (inside rejected content or a `skip` wildcard).
    Skip,
}

/// An open element.
struct Frame<'a> {
    qname: &'a str,
    /// Byte offset of its `<`.
    start: usize,
    ns_mark: usize,
    scope_mark: usize,
    mode: Mode,
    ty: TypeRef,
    content: Content,
    any_type: bool,
    state: u32,
    /// Children are no longer validated (libxml2's skip after an unexpected child).
    skip_children: bool,
    /// The content model already failed; no end check.
    bad_content: bool,
    nilled: bool,
    text_error: bool,
    /// Start of this element's text in the shared buffer (simple content).
    text_start: usize,
    has_content: bool,
}

/// An open identity-constraint scope.
struct Scope<'a> {
    idc: u16,
    field: u16,
    key: bool,
    values: FxHashSet<Cow<'a, str>>,
}

/// Incremental byte offset → (line, column) conversion.
struct Lines<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    line_start: usize,
}

impl Lines<'_> {
    fn at(&mut self, pos: usize) -> (usize, usize) {
        let pos = pos.min(self.text.len());
        if pos < self.pos {
            self.pos = 0;
            self.line = 1;
            self.line_start = 0;
        }
        let bytes = self.text.as_bytes();
        for (i, &b) in bytes[self.pos..pos].iter().enumerate() {
            if b == b'\n' {
                self.line += 1;
                self.line_start = self.pos + i + 1;
            }
        }
        self.pos = pos;
        let mut start = self.line_start;
        while start < pos && !self.text.is_char_boundary(start) {
            start += 1;
        }
        let mut end = pos;
        while end > start && !self.text.is_char_boundary(end) {
            end -= 1;
        }
        (self.line, self.text[start..end].chars().count() + 1)
    }
}

/// Where the document parser is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Prolog,
    Root,
    Epilog,
}

struct Validator<'m, 'a> {
    m: &'m Model,
    input: &'a str,
    base: usize,
    limit: usize,
    violations: Vec<Violation>,
    lines: Lines<'a>,
    phase: Phase,
    seen_doctype: bool,
    seen_markup: bool,
    bindings: Vec<Binding<'a>>,
    attrs: Vec<Attr<'a>>,
    stack: Vec<Frame<'a>>,
    scopes: Vec<Scope<'a>>,
    /// Assessed values of identity-constraint fields of the current element.
    fields: Vec<(u16, Cow<'a, str>)>,
    /// Attribute name ids that are identity-constraint fields.
    is_field: Vec<bool>,
    /// Values of `xs:ID` attributes and `xml:id` (libxml2's document ID table).
    ids: FxHashSet<Cow<'a, str>>,
    text_buf: String,
    /// The default namespace in scope: (namespace id, binding index).
    default_ns: Option<(u16, usize)>,
    /// Attribute names of the current start tag, once it has many.
    seen_names: FxHashSet<&'a str>,
}

/// Validates `xml` against `m`, returning at most `limit` violations.
pub(super) fn validate(m: &Model, xml: &str, limit: usize) -> Vec<Violation> {
    let mut is_field = vec![false; m.attr_names.len()];
    for idc in &m.idcs {
        is_field[idc.field as usize] = true;
    }
    let mut v = Validator {
        m,
        input: xml,
        base: xml.as_ptr() as usize,
        limit: limit.max(1),
        violations: Vec::new(),
        lines: Lines {
            text: xml,
            pos: 0,
            line: 1,
            line_start: 0,
        },
        phase: Phase::Prolog,
        seen_doctype: false,
        seen_markup: false,
        bindings: Vec::new(),
        attrs: Vec::new(),
        stack: Vec::new(),
        scopes: Vec::new(),
        fields: Vec::new(),
        is_field,
        ids: FxHashSet::default(),
        text_buf: String::new(),
        default_ns: None,
        seen_names: FxHashSet::default(),
    };
    let _ = v.run();
    v.violations
}

impl<'m, 'a> Validator<'m, 'a> {
    // ---- reporting ----

    fn report(&mut self, pos: usize, message: String) -> Res {
        self.report_kind(pos, ViolationKind::Invalid, message)
    }

    /// Records a violation of the given kind.
    fn report_kind(&mut self, pos: usize, kind: ViolationKind, message: String) -> Res {
        let (line, column) = self.lines.at(pos);
        self.violations.push(Violation {
            kind,
            line,
            column,
            message,
        });
        if self.violations.len() >= self.limit {
            Err(Stop)
        } else {
            Ok(())
        }
    }

    /// Reports a well-formedness error and stops.
    fn fatal(&mut self, pos: usize, message: impl Into<String>) -> Res {
        let _ = self.report_kind(
            pos,
            ViolationKind::Malformed,
            format!("not well-formed: {}", message.into()),
        );
        Err(Stop)
    }

    /// The byte offset of a slice of the input.
    #[inline]
    fn off(&self, s: &[u8]) -> usize {
        (s.as_ptr() as usize)
            .wrapping_sub(self.base)
            .min(self.input.len())
    }

    /// The input between two offsets.
    #[inline]
    fn slice(&self, from: usize, to: usize) -> &'a str {
        let input: &'a str = self.input;
        input.get(from..to).unwrap_or("")
    }

    // ---- the event loop ----

    fn run(&mut self) -> Res {
        let input: &'a str = self.input;
        let mut reader = Reader::from_str(input);
        {
            let c = reader.config_mut();
            c.trim_text(false);
            c.expand_empty_elements = false;
            c.check_end_names = false;
            c.check_comments = false;
            c.allow_dangling_amp = true;
            c.allow_unmatched_ends = true;
            c.trim_markup_names_in_closing_tags = true;
        }
        if input.is_empty() || input == "\u{feff}" {
            return self.fatal(0, "the document is empty");
        }
        loop {
            let before = reader.buffer_position() as usize;
            let ev = match reader.read_event() {
                Ok(ev) => ev,
                Err(e) => {
                    let pos = reader.error_position() as usize;
                    return self.fatal(pos.max(before.min(input.len())), format!("{e}"));
                }
            };
            match ev {
                Event::Start(e) => {
                    let (off, len) = (self.off(&e), e.len());
                    self.start_tag(off, len, false)?;
                }
                Event::Empty(e) => {
                    let (off, len) = (self.off(&e), e.len());
                    self.start_tag(off, len, true)?;
                }
                Event::End(e) => {
                    let (off, len) = (self.off(&e), e.len());
                    let after = reader.buffer_position() as usize;
                    self.end_tag(off, len, after)?;
                }
                Event::Text(t) => {
                    let (off, len) = (self.off(&t), t.len());
                    if len > 0 {
                        self.text(off, len)?;
                    }
                }
                Event::GeneralRef(r) => {
                    let (off, len) = (self.off(&r), r.len());
                    self.reference(off, len)?;
                }
                Event::CData(c) => {
                    let (off, len) = (self.off(&c), c.len());
                    self.cdata(off, len)?;
                }
                Event::Comment(c) => {
                    let (off, len) = (self.off(&c), c.len());
                    self.comment(off, len)?;
                }
                Event::PI(p) => {
                    let (off, len) = (self.off(&p), p.len());
                    self.pi(off, len)?;
                }
                Event::Decl(d) => {
                    let (off, len) = (self.off(&d), d.len());
                    self.decl(off, len)?;
                }
                Event::DocType(d) => {
                    let (off, len) = (self.off(&d), d.len());
                    self.doctype(off, len)?;
                }
                Event::Eof => break,
            }
        }
        match self.phase {
            Phase::Prolog => self.fatal(input.len(), "no root element (start tag expected)"),
            Phase::Root => {
                let (q, s) = self.stack.last().map_or(("", 0), |f| (f.qname, f.start));
                let _ = s;
                self.fatal(
                    input.len(),
                    format!("premature end of data: element '{q}' is not closed"),
                )
            }
            Phase::Epilog => Ok(()),
        }
    }

    // ---- characters ----

    /// Checks characters of markup content (comments, PIs, CDATA): XML chars only.
    fn check_chars(&mut self, off: usize, s: &[u8]) -> Res {
        for (i, &b) in s.iter().enumerate() {
            let c = CLASS[b as usize];
            if c & C_CTRL != 0 && c & C_WS == 0 {
                return self.fatal(
                    off + i,
                    format!("character U+{b:04X} is not allowed in XML"),
                );
            }
            if c & C_EF != 0 && is_nonchar_at(s, i) {
                return self.fatal(off + i, "character U+FFFE/U+FFFF is not allowed in XML");
            }
        }
        Ok(())
    }

    /// Text between markup: characters, `]]>`, dangling `&`. Returns whether it
    /// has a non-white-space character.
    fn scan_text(&mut self, off: usize, s: &[u8]) -> Result<bool, Stop> {
        let mut acc = 0u8;
        for &b in s {
            acc |= TEXT_CLASS[b as usize];
        }
        if acc & T_SPECIAL == 0 {
            return Ok(acc & T_NONWS != 0);
        }
        let mut non_ws = false;
        for (i, &b) in s.iter().enumerate() {
            let c = CLASS[b as usize];
            if c == 0 {
                non_ws = true;
                continue;
            }
            if c & C_WS != 0 {
                continue;
            }
            non_ws = true;
            if c & C_CTRL != 0 {
                self.fatal(
                    off + i,
                    format!("character U+{b:04X} is not allowed in XML"),
                )?;
            } else if c & C_EF != 0 {
                if is_nonchar_at(s, i) {
                    self.fatal(off + i, "character U+FFFE/U+FFFF is not allowed in XML")?;
                }
            } else if c & C_AMP != 0 {
                self.fatal(
                    off + i,
                    "'&' must start an entity or character reference ending with ';'",
                )?;
            } else if c & C_RBRACKET != 0
                && s.get(i + 1) == Some(&b']')
                && s.get(i + 2) == Some(&b'>')
            {
                self.fatal(off + i, "the sequence ']]>' is not allowed in text")?;
            }
        }
        Ok(non_ws)
    }

    /// Decodes a reference body (between `&` and `;`) to a character.
    fn decode_ref(&mut self, off: usize, body: &str) -> Result<char, Stop> {
        if let Some(num) = body.strip_prefix('#') {
            let (digits, radix) = match num.strip_prefix('x') {
                Some(h) => (h, 16),
                None => (num, 10),
            };
            let ok = !digits.is_empty()
                && digits.bytes().all(|b| {
                    if radix == 16 {
                        b.is_ascii_hexdigit()
                    } else {
                        b.is_ascii_digit()
                    }
                });
            if !ok {
                self.fatal(off, format!("invalid character reference '&{body};'"))?;
            }
            let value = u32::from_str_radix(digits.trim_start_matches('0'), radix)
                .ok()
                .or(if digits.bytes().all(|b| b == b'0') {
                    Some(0)
                } else {
                    None
                });
            return match value.and_then(char::from_u32).filter(|&c| is_xml_char(c)) {
                Some(c) => Ok(c),
                None => {
                    self.fatal(
                        off,
                        format!("character reference '&{body};' is not a legal XML character"),
                    )?;
                    Ok(' ')
                }
            };
        }
        match body {
            "lt" => Ok('<'),
            "gt" => Ok('>'),
            "amp" => Ok('&'),
            "apos" => Ok('\''),
            "quot" => Ok('"'),
            _ if is_name(body) => {
                self.fatal(
                    off,
                    format!(
                        "entity '{body}' is not defined (only the five predefined entities are)"
                    ),
                )?;
                Ok(' ')
            }
            _ => {
                self.fatal(off, format!("'&{body};' is not a valid reference"))?;
                Ok(' ')
            }
        }
    }

    // ---- document-level events ----

    fn decl(&mut self, off: usize, len: usize) -> Res {
        // `off` is at "xml"; the declaration starts 2 bytes before.
        let start = off.saturating_sub(2);
        let bom = if self.input.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        if start != bom || self.seen_markup {
            return self.fatal(
                start,
                "the XML declaration is allowed only at the start of the document",
            );
        }
        self.seen_markup = true;
        let body = self.slice(off + 3, off + len);
        let b = body.as_bytes();
        let mut i = 0;
        let skip = |i: &mut usize| {
            let s = *i;
            while *i < b.len() && is_ws(b[*i]) {
                *i += 1;
            }
            *i - s
        };
        if skip(&mut i) == 0 {
            return self.fatal(start, "processing instruction target 'xml' is reserved");
        }
        // version
        let pseudo = |i: &mut usize, name: &str| -> Option<Result<&str, ()>> {
            if !b[*i..].starts_with(name.as_bytes()) {
                return None;
            }
            *i += name.len();
            while *i < b.len() && is_ws(b[*i]) {
                *i += 1;
            }
            if b.get(*i) != Some(&b'=') {
                return Some(Err(()));
            }
            *i += 1;
            while *i < b.len() && is_ws(b[*i]) {
                *i += 1;
            }
            let q = match b.get(*i) {
                Some(&q @ (b'"' | b'\'')) => q,
                _ => return Some(Err(())),
            };
            *i += 1;
            let s = *i;
            while *i < b.len() && b[*i] != q {
                *i += 1;
            }
            if *i >= b.len() {
                return Some(Err(()));
            }
            let v = &body[s..*i];
            *i += 1;
            Some(Ok(v))
        };
        match pseudo(&mut i, "version") {
            Some(Ok(v)) => {
                let vb = v.as_bytes();
                let ok = vb.len() >= 2
                    && vb[0].is_ascii_digit()
                    && vb[1] == b'.'
                    && vb[2..].iter().all(u8::is_ascii_digit);
                if !ok || !v.starts_with("1.") {
                    return self.fatal(start, format!("unsupported XML version '{v}'"));
                }
            }
            _ => return self.fatal(start, "malformed XML declaration: version expected"),
        }
        let rest_is_end = |i: usize| b[i..].is_empty();
        if rest_is_end(i) {
            return Ok(());
        }
        if skip(&mut i) == 0 {
            return self.fatal(start, "malformed XML declaration: blank needed");
        }
        let mut need_blank = false;
        match pseudo(&mut i, "encoding") {
            Some(Ok(enc)) => {
                let eb = enc.as_bytes();
                let ok = !eb.is_empty()
                    && eb[0].is_ascii_alphabetic()
                    && eb[1..]
                        .iter()
                        .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'));
                if !ok {
                    return self.fatal(start, format!("malformed encoding name '{enc}'"));
                }
                let lower = enc.to_ascii_lowercase();
                if lower == "utf-16" || lower == "utf16" {
                    return self.fatal(start, "document labelled UTF-16 but has UTF-8 content");
                }
                need_blank = lower != "utf-8" && lower != "utf8";
            }
            Some(Err(())) => return self.fatal(start, "malformed encoding declaration"),
            None => {}
        }
        if need_blank && !rest_is_end(i) && !is_ws(b[i]) {
            return self.fatal(start, "malformed XML declaration: blank needed");
        }
        skip(&mut i);
        match pseudo(&mut i, "standalone") {
            Some(Ok("yes" | "no")) => {}
            Some(_) => return self.fatal(start, "malformed standalone declaration"),
            None => {}
        }
        skip(&mut i);
        if !rest_is_end(i) {
            return self.fatal(start, "malformed XML declaration");
        }
        Ok(())
    }

    fn doctype(&mut self, off: usize, len: usize) -> Res {
        let start = self.input[..off].rfind("<!").unwrap_or(off);
        if self.phase != Phase::Prolog || self.seen_doctype {
            return self.fatal(
                start,
                "a DOCTYPE is only allowed once, before the root element",
            );
        }
        self.seen_doctype = true;
        self.seen_markup = true;
        if !self.input[start..].starts_with("<!DOCTYPE") {
            return self.fatal(start, "'<!DOCTYPE' must be upper case");
        }
        let body = self.slice(off, off + len);
        let b = body.as_bytes();
        let mut i = 0;
        while i < b.len() && !is_ws(b[i]) && b[i] != b'[' {
            i += 1;
        }
        if !is_name(&body[..i]) {
            return self.fatal(start, "DOCTYPE: a name is required");
        }
        let skip = |i: &mut usize| {
            let s = *i;
            while *i < b.len() && is_ws(b[*i]) {
                *i += 1;
            }
            *i - s
        };
        skip(&mut i);
        let literal = |i: &mut usize, pubid: bool| -> bool {
            let q = match b.get(*i) {
                Some(&q @ (b'"' | b'\'')) => q,
                _ => return false,
            };
            *i += 1;
            let s = *i;
            while *i < b.len() && b[*i] != q {
                *i += 1;
            }
            if *i >= b.len() {
                return false;
            }
            let lit = &body[s..*i];
            *i += 1;
            !pubid
                || lit.bytes().all(|c| {
                    c.is_ascii_alphanumeric()
                        || matches!(
                            c,
                            b' ' | b'\r'
                                | b'\n'
                                | b'-'
                                | b'\''
                                | b'('
                                | b')'
                                | b'+'
                                | b','
                                | b'.'
                                | b'/'
                                | b':'
                                | b'='
                                | b'?'
                                | b';'
                                | b'!'
                                | b'*'
                                | b'#'
                                | b'@'
                                | b'$'
                                | b'_'
                                | b'%'
                        )
                })
        };
        if b[i..].starts_with(b"SYSTEM") {
            i += 6;
            if skip(&mut i) == 0 || !literal(&mut i, false) {
                return self.fatal(start, "DOCTYPE: malformed SYSTEM identifier");
            }
        } else if b[i..].starts_with(b"PUBLIC") {
            i += 6;
            if skip(&mut i) == 0
                || !literal(&mut i, true)
                || skip(&mut i) == 0
                || !literal(&mut i, false)
            {
                return self.fatal(start, "DOCTYPE: malformed PUBLIC identifier");
            }
        }
        skip(&mut i);
        if i < b.len() {
            if b[i] == b'[' {
                return self.fatal(start, "DOCTYPE internal subsets are not supported");
            }
            return self.fatal(start, "DOCTYPE improperly terminated");
        }
        self.check_chars(off, b)
    }

    fn comment(&mut self, off: usize, len: usize) -> Res {
        self.seen_markup = true;
        let s = self.slice(off, off + len).as_bytes();
        if let Some(p) = s.windows(2).position(|w| w == b"--") {
            return self.fatal(off + p, "'--' is not allowed inside a comment");
        }
        if s.last() == Some(&b'-') {
            return self.fatal(off + len - 1, "a comment must not end with '-'");
        }
        self.check_chars(off, s)
    }

    fn pi(&mut self, off: usize, len: usize) -> Res {
        self.seen_markup = true;
        let body = self.slice(off, off + len);
        let b = body.as_bytes();
        let mut i = 0;
        while i < b.len() && !is_ws(b[i]) {
            i += 1;
        }
        let target = &body[..i];
        if !is_name(target) {
            return self.fatal(
                off,
                format!("processing instruction target '{target}' is not a name"),
            );
        }
        if target.len() == 3 && target.eq_ignore_ascii_case("xml") {
            return self.fatal(off, "processing instruction target 'xml' is reserved");
        }
        if target.contains(':') {
            return self.fatal(
                off,
                format!("colons are forbidden in processing instruction targets ('{target}')"),
            );
        }
        self.check_chars(off, b)
    }

    fn cdata(&mut self, off: usize, len: usize) -> Res {
        let s = self.slice(off, off + len).as_bytes();
        self.check_chars(off, s)?;
        if self.phase != Phase::Root {
            return self.fatal(
                off,
                "a CDATA section is not allowed outside the root element",
            );
        }
        let Some(f) = self.stack.last_mut() else {
            return Ok(());
        };
        f.has_content = true;
        if f.mode == Mode::Skip || f.skip_children {
            return Ok(());
        }
        match f.content {
            Content::Mixed => Ok(()),
            Content::Simple(_) => {
                let text = self.slice(off, off + len);
                push_text(&mut self.text_buf, text);
                Ok(())
            }
            Content::Empty => self.text_not_allowed(off, "the content type is empty"),
            Content::Elements => self.text_not_allowed(off, "the content is element-only"),
        }
    }

    fn text_not_allowed(&mut self, off: usize, why: &str) -> Res {
        let Some(f) = self.stack.last_mut() else {
            return Ok(());
        };
        if f.text_error {
            return Ok(());
        }
        f.text_error = true;
        let q = f.qname;
        self.report(
            off,
            format!("element '{q}': character content is not allowed here ({why})"),
        )
    }

    fn text(&mut self, off: usize, len: usize) -> Res {
        let s = self.slice(off, off + len).as_bytes();
        let non_ws = self.scan_text(off, s)?;
        if self.phase != Phase::Root {
            if non_ws {
                let what = if self.phase == Phase::Prolog {
                    "text before the root element"
                } else {
                    "text after the root element"
                };
                return self.fatal(off, what);
            }
            return Ok(());
        }
        let Some(f) = self.stack.last_mut() else {
            return Ok(());
        };
        f.has_content = true;
        if f.mode == Mode::Skip || f.skip_children {
            return Ok(());
        }
        match f.content {
            Content::Mixed => Ok(()),
            Content::Elements if !non_ws => Ok(()),
            Content::Simple(_) => {
                let text = self.slice(off, off + len);
                push_text(&mut self.text_buf, text);
                Ok(())
            }
            Content::Empty => self.text_not_allowed(off, "the content type is empty"),
            Content::Elements => self.text_not_allowed(off, "the content is element-only"),
        }
    }

    fn reference(&mut self, off: usize, len: usize) -> Res {
        let body = self.slice(off, off + len);
        let at = off.saturating_sub(1);
        let c = self.decode_ref(at, body)?;
        if self.phase != Phase::Root {
            return self.fatal(at, "a reference is not allowed outside the root element");
        }
        let Some(f) = self.stack.last_mut() else {
            return Ok(());
        };
        f.has_content = true;
        if f.mode == Mode::Skip || f.skip_children {
            return Ok(());
        }
        let blank = matches!(c, ' ' | '\t' | '\n' | '\r');
        match f.content {
            Content::Mixed => Ok(()),
            Content::Elements if blank => Ok(()),
            Content::Simple(_) => {
                self.text_buf.push(c);
                Ok(())
            }
            Content::Empty => self.text_not_allowed(at, "the content type is empty"),
            Content::Elements => self.text_not_allowed(at, "the content is element-only"),
        }
    }

    // ---- tags ----

    fn end_tag(&mut self, off: usize, len: usize, after: usize) -> Res {
        // `off` is just after "</".
        let start = off.saturating_sub(2);
        let name = self.slice(off, off + len);
        let Some(top) = self.stack.last() else {
            return self.fatal(start, format!("end tag '</{name}>' without a start tag"));
        };
        if top.qname != name {
            let q = top.qname;
            return self.fatal(
                start,
                format!("end tag '</{name}>' does not match the start tag '<{q}>'"),
            );
        }
        // Only white space may follow the name.
        let tail = self.slice(off + len, after.saturating_sub(1));
        if tail.bytes().any(|b| !is_ws(b)) {
            return self.fatal(start, "malformed end tag");
        }
        self.close_element(start)
    }

    /// Parses the attributes of a start tag into `self.attrs`.
    fn parse_attrs(&mut self, off: usize, content: &'a str, name_end: usize) -> Res {
        self.attrs.clear();
        let b = content.as_bytes();
        let mut i = name_end;
        loop {
            let ws_start = i;
            while i < b.len() && is_ws(b[i]) {
                i += 1;
            }
            if i >= b.len() {
                return Ok(());
            }
            if i == ws_start {
                return self.fatal(off + i, "attributes must be separated by white space");
            }
            let name_start = i;
            while i < b.len() && ATTR_NAME_BYTE[b[i] as usize] {
                i += 1;
            }
            if i < b.len() && b[i] >= 0x80 {
                while i < b.len() && !is_ws(b[i]) && b[i] != b'=' {
                    i += 1;
                }
            }
            let qname = &content[name_start..i];
            let colon = match qname_check(qname) {
                Ok(c) => c,
                Err(false) => {
                    return self.fatal(
                        off + name_start,
                        format!("invalid attribute name '{qname}'"),
                    )
                }
                Err(true) => {
                    return self.fatal(
                        off + name_start,
                        format!("attribute name '{qname}' is not a valid QName"),
                    )
                }
            };
            while i < b.len() && is_ws(b[i]) {
                i += 1;
            }
            if b.get(i) != Some(&b'=') {
                return self.fatal(
                    off + name_start,
                    format!("attribute '{qname}' has no value"),
                );
            }
            i += 1;
            while i < b.len() && is_ws(b[i]) {
                i += 1;
            }
            let q = match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => q,
                _ => {
                    return self.fatal(
                        off + i,
                        format!("the value of attribute '{qname}' must be quoted"),
                    )
                }
            };
            i += 1;
            let vstart = i;
            let mut acc = 0u8;
            while i < b.len() && b[i] != q {
                acc |= CLASS[b[i] as usize];
                i += 1;
            }
            if i >= b.len() {
                return self.fatal(
                    off + vstart,
                    format!("unterminated value of attribute '{qname}'"),
                );
            }
            let raw = &content[vstart..i];
            i += 1;
            let value = if acc & (C_CTRL | C_EF | C_AMP | C_LT | C_NORM) == 0 {
                Cow::Borrowed(raw)
            } else {
                self.attr_value(off + vstart, raw)?
            };
            // Duplicate names (same QName); a set once there are many attributes.
            let repeated = if self.attrs.len() < 16 {
                self.attrs.iter().any(|a| a.qname == qname)
            } else {
                if self.attrs.len() == 16 {
                    self.seen_names.clear();
                    self.seen_names.extend(self.attrs.iter().map(|a| a.qname));
                }
                !self.seen_names.insert(qname)
            };
            if repeated {
                return self.fatal(off + name_start, format!("attribute '{qname}' is repeated"));
            }
            self.attrs.push(Attr {
                qname,
                colon,
                value,
                pos: off + name_start,
                ns: NS_NONE,
                binding: usize::MAX,
            });
        }
    }

    /// Normalizes an attribute value (references, white space), borrowing when unchanged.
    fn attr_value(&mut self, off: usize, raw: &'a str) -> Result<Cow<'a, str>, Stop> {
        let b = raw.as_bytes();
        let mut out = String::with_capacity(raw.len());
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            match c {
                b'\r' => {
                    out.push(' ');
                    if b.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    i += 1;
                }
                b'\n' | b'\t' => {
                    out.push(' ');
                    i += 1;
                }
                b'<' => {
                    self.fatal(off + i, "'<' is not allowed in an attribute value")?;
                }
                b'&' => {
                    let Some(end) = raw[i + 1..].find(';') else {
                        self.fatal(off + i, "'&' must start a reference ending with ';'")?;
                        return Ok(Cow::Owned(out));
                    };
                    let body = &raw[i + 1..i + 1 + end];
                    let ch = self.decode_ref(off + i, body)?;
                    out.push(ch);
                    i += end + 2;
                }
                _ if CLASS[c as usize] & C_CTRL != 0 => {
                    self.fatal(
                        off + i,
                        format!("character U+{c:04X} is not allowed in XML"),
                    )?;
                }
                0xEF if is_nonchar_at(b, i) => {
                    self.fatal(off + i, "character U+FFFE/U+FFFF is not allowed in XML")?;
                }
                _ => {
                    // Copy one UTF-8 character.
                    let w = utf8_len(c);
                    out.push_str(&raw[i..i + w]);
                    i += w;
                }
            }
        }
        Ok(Cow::Owned(out))
    }

    /// Namespace id of a URI.
    fn ns_of(&mut self, uri: &'a str) -> u16 {
        if uri.is_empty() {
            return NS_NONE;
        }
        match self.m.namespaces.iter().position(|u| u == uri) {
            Some(i) => i as u16,
            None => NS_FOREIGN,
        }
    }

    #[inline]
    fn lookup_prefix(&self, prefix: &str) -> Option<(u16, usize)> {
        if prefix.is_empty() {
            return self.default_ns;
        }
        if prefix == "xml" {
            return Some((NS_XML, usize::MAX));
        }
        self.bindings
            .iter()
            .rposition(|b| b.prefix == prefix)
            .map(|i| (self.bindings[i].ns, i))
    }

    /// Recomputes the cached default namespace after the bindings changed.
    fn refresh_default(&mut self) {
        self.default_ns = self
            .bindings
            .iter()
            .rposition(|b| b.prefix.is_empty())
            .map(|i| (self.bindings[i].ns, i));
    }

    /// The URI of a namespace for messages.
    fn ns_uri(&self, ns: u16, binding: usize) -> &str {
        if ns != NS_FOREIGN {
            return &self.m.namespaces[ns as usize];
        }
        self.bindings.get(binding).map_or("", |b| &b.uri)
    }

    /// Processes the namespace declarations among `self.attrs`.
    fn declare_namespaces(&mut self) -> Res {
        let mut i = 0;
        while i < self.attrs.len() {
            let a = &self.attrs[i];
            let is_default = a.qname == "xmlns";
            let is_prefixed = a.colon > 0 && a.prefix() == "xmlns";
            if !is_default && !is_prefixed {
                i += 1;
                continue;
            }
            let pos = a.pos;
            let prefix: &'a str = if is_default { "" } else { a.local() };
            let value = a.value.clone();
            self.attrs.remove(i);
            let v: &str = &value;
            if is_default {
                if !v.is_empty() {
                    if !uri::parses(v) {
                        self.fatal(pos, format!("xmlns: '{v}' is not a valid URI"))?;
                    }
                    if v == XML_NS {
                        self.fatal(pos, "the XML namespace cannot be the default namespace")?;
                    }
                    if v == XMLNS_NS {
                        self.fatal(pos, "the xmlns namespace cannot be declared")?;
                    }
                }
            } else {
                if prefix == "xml" {
                    if v != XML_NS {
                        self.fatal(pos, "the xml prefix must be bound to the XML namespace")?;
                    }
                    continue;
                }
                if v == XML_NS {
                    self.fatal(
                        pos,
                        format!("the XML namespace cannot be bound to prefix '{prefix}'"),
                    )?;
                }
                if prefix == "xmlns" {
                    self.fatal(pos, "the xmlns prefix cannot be declared")?;
                }
                if v == XMLNS_NS {
                    self.fatal(pos, "the xmlns namespace cannot be declared")?;
                }
                if v.is_empty() {
                    self.fatal(
                        pos,
                        format!("xmlns:{prefix}: an empty namespace name is not allowed"),
                    )?;
                }
                if !uri::parses(v) {
                    self.fatal(pos, format!("xmlns:{prefix}: '{v}' is not a valid URI"))?;
                }
            }
            let ns = match &value {
                Cow::Borrowed(s) => self.ns_of(s),
                Cow::Owned(s) => {
                    if s.is_empty() {
                        NS_NONE
                    } else {
                        self.m
                            .namespaces
                            .iter()
                            .position(|u| u == s)
                            .map_or(NS_FOREIGN, |i| i as u16)
                    }
                }
            };
            self.bindings.push(Binding {
                prefix,
                ns,
                uri: value,
            });
            if prefix.is_empty() {
                self.refresh_default();
            }
        }
        Ok(())
    }

    fn start_tag(&mut self, off: usize, len: usize, empty: bool) -> Res {
        let start = off.saturating_sub(1);
        // An empty-element tag: quick-xml strips the '/'; the content ends before it.
        let content: &'a str = self.slice(off, off + len);
        let b = content.as_bytes();
        let name_end = b.iter().position(|&c| is_ws(c)).unwrap_or(b.len());
        let qname = &content[..name_end];
        let colon = match qname_check(qname) {
            Ok(c) => c,
            Err(false) => return self.fatal(start, format!("invalid element name '{qname}'")),
            Err(true) => {
                return self.fatal(
                    start,
                    format!("element name '{qname}' is not a valid QName"),
                )
            }
        };
        match self.phase {
            Phase::Prolog => self.phase = Phase::Root,
            Phase::Root => {}
            Phase::Epilog => return self.fatal(start, "extra content after the root element"),
        }
        self.seen_markup = true;
        let ns_mark = self.bindings.len();
        self.parse_attrs(off, content, name_end)?;
        if !self.attrs.is_empty() {
            self.declare_namespaces()?;
        }
        // Element namespace.
        let (prefix, local) = if colon == 0 {
            ("", qname)
        } else {
            (&qname[..colon], &qname[colon + 1..])
        };
        let (ens, ebind) = match self.lookup_prefix(prefix) {
            Some(x) => x,
            None if prefix.is_empty() => (NS_NONE, usize::MAX),
            None => {
                self.fatal(
                    start,
                    format!("namespace prefix '{prefix}' of element '{qname}' is not declared"),
                )?;
                (NS_NONE, usize::MAX)
            }
        };
        // Attribute namespaces and expanded-name duplicates.
        let mut prefixed = 0;
        for i in 0..self.attrs.len() {
            let p = self.attrs[i].prefix();
            if p.is_empty() {
                continue;
            }
            prefixed += 1;
            match self.lookup_prefix(p) {
                Some((ns, bi)) => {
                    self.attrs[i].ns = ns;
                    self.attrs[i].binding = bi;
                }
                None => {
                    let (pos, q) = (self.attrs[i].pos, self.attrs[i].qname);
                    self.fatal(
                        pos,
                        format!("namespace prefix '{p}' of attribute '{q}' is not declared"),
                    )?;
                }
            }
        }
        if prefixed > 16 {
            // Many prefixed attributes: a set of expanded names.
            let mut seen: FxHashSet<(&str, &str)> = FxHashSet::default();
            for i in 0..self.attrs.len() {
                let a = &self.attrs[i];
                if a.colon > 0 && !seen.insert((self.ns_uri(a.ns, a.binding), a.local())) {
                    let (pos, q) = (a.pos, a.qname);
                    return self.fatal(
                        pos,
                        format!("attribute '{q}' is repeated (same namespace and name)"),
                    );
                }
            }
        } else if prefixed > 1 {
            for i in 0..self.attrs.len() {
                for j in 0..i {
                    let (a, b) = (&self.attrs[i], &self.attrs[j]);
                    if a.colon > 0 && b.colon > 0 && a.local() == b.local() && a.ns == b.ns {
                        let same = a.ns != NS_FOREIGN
                            || self.ns_uri(a.ns, a.binding) == self.ns_uri(b.ns, b.binding);
                        if same {
                            let (pos, q) = (a.pos, a.qname);
                            self.fatal(
                                pos,
                                format!("attribute '{q}' is repeated (same namespace and name)"),
                            )?;
                        }
                    }
                }
            }
        }
        // xml:id is registered by the parser, whatever the schema says.
        for i in 0..self.attrs.len() {
            if self.attrs[i].ns == NS_XML && self.attrs[i].local() == "id" {
                let v = self.attrs[i].value.clone();
                let pos = self.attrs[i].pos;
                if !v.is_empty() {
                    if !libxml_valid_ncname(&v, true) {
                        self.report(pos, format!("xml:id '{v}' is not an NCName"))?;
                    }
                    if !self.ids.insert(v.clone()) {
                        self.report(pos, format!("ID '{v}' is already defined"))?;
                    }
                }
            }
        }
        self.open_element(start, qname, local, ens, ebind, ns_mark)?;
        if empty {
            self.close_element(start)?;
        }
        Ok(())
    }

    /// Decides how to validate the element and opens its frame.
    fn open_element(
        &mut self,
        start: usize,
        qname: &'a str,
        local: &'a str,
        ns: u16,
        ebind: usize,
        ns_mark: usize,
    ) -> Res {
        let scope_mark = self.scopes.len();
        let text_start = self.text_buf.len();
        let mut frame = Frame {
            qname,
            start,
            ns_mark,
            scope_mark,
            mode: Mode::Skip,
            ty: TypeRef::Complex(ANY_TYPE),
            content: Content::Mixed,
            any_type: true,
            state: 0,
            skip_children: true,
            bad_content: false,
            nilled: false,
            text_error: false,
            text_start,
            has_content: false,
        };
        let name_id = if ns == NS_FOREIGN {
            None
        } else {
            self.m
                .elem_index
                .get(ns as usize)
                .and_then(|m| m.get(local.as_bytes()))
        };
        let global = name_id.and_then(|n| self.m.global_elem[n as usize]);
        // Returns the declaration or the type to validate with.
        enum Target {
            Decl(u32),
            Type(TypeRef),
            Skip,
        }
        let target = match self.stack.last_mut() {
            None => {
                match global {
                    Some(d) => Target::Decl(d),
                    None => {
                        let what = self.describe_name(qname, ns, ebind);
                        self.report(start, format!("element {what}: no matching global declaration for the root element"))?;
                        Target::Skip
                    }
                }
            }
            Some(parent) => {
                parent.has_content = true;
                if parent.mode == Mode::Skip || parent.skip_children {
                    Target::Skip
                } else if parent.any_type {
                    match global {
                        Some(d) => Target::Decl(d),
                        None => match self.xsi_type(None)? {
                            Ok(Some(t)) => Target::Type(t),
                            Ok(None) => Target::Type(TypeRef::Complex(ANY_TYPE)),
                            Err(()) => Target::Skip,
                        },
                    }
                } else {
                    match parent.content {
                        Content::Empty | Content::Simple(_) => {
                            parent.bad_content = true;
                            parent.skip_children = true;
                            let pq = parent.qname;
                            let why = if parent.content == Content::Empty {
                                "empty"
                            } else {
                                "simple"
                            };
                            self.report(
                                start,
                                format!("element '{qname}' is not allowed: the content of '{pq}' is {why}"),
                            )?;
                            Target::Skip
                        }
                        Content::Elements | Content::Mixed => {
                            let state = parent.state;
                            let step = match name_id {
                                Some(n) => self.m.automata.step(state, n),
                                None => Step::None,
                            };
                            match step {
                                Step::Elem(next, decl) => {
                                    if let Some(p) = self.stack.last_mut() {
                                        p.state = next;
                                    }
                                    Target::Decl(decl)
                                }
                                Step::None => {
                                    let wild = self
                                        .m
                                        .automata
                                        .wildcards(state)
                                        .iter()
                                        .find(|(w, _)| self.m.wildcards[*w as usize].ns.allows(ns))
                                        .copied();
                                    match wild {
                                        Some((w, next)) => {
                                            if let Some(p) = self.stack.last_mut() {
                                                p.state = next;
                                            }
                                            match self.m.wildcards[w as usize].process {
                                                Process::Skip => Target::Skip,
                                                process => match global {
                                                    Some(d) => Target::Decl(d),
                                                    None if process == Process::Strict => {
                                                        self.report(start, format!("element '{qname}': no global declaration, but the wildcard is strict"))?;
                                                        Target::Skip
                                                    }
                                                    None => match self.xsi_type(None)? {
                                                        Ok(Some(t)) => Target::Type(t),
                                                        Ok(None) => {
                                                            Target::Type(TypeRef::Complex(ANY_TYPE))
                                                        }
                                                        Err(()) => Target::Skip,
                                                    },
                                                },
                                            }
                                        }
                                        None => {
                                            let msg = self.unexpected(qname, ns, ebind, state);
                                            if let Some(p) = self.stack.last_mut() {
                                                p.bad_content = true;
                                                p.skip_children = true;
                                            }
                                            self.report(start, msg)?;
                                            Target::Skip
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        };
        match target {
            Target::Skip => {}
            Target::Decl(d) => {
                let decl = &self.m.elements[d as usize];
                if decl.abstract_ {
                    self.report(
                        start,
                        format!("element '{qname}': its declaration is abstract"),
                    )?;
                } else {
                    let mut ty = decl.ty;
                    let mut nilled = false;
                    // xsi:nil
                    if let Some(i) = self
                        .attrs
                        .iter()
                        .position(|a| a.ns == NS_XSI && a.local() == "nil")
                    {
                        let (v, pos) = (self.attrs[i].value.clone(), self.attrs[i].pos);
                        if !self.m.simple.check(self.m.boolean, &v, false) {
                            self.report(pos, format!("attribute 'xsi:nil' of '{qname}': '{v}' is not a valid xsd:boolean"))?;
                        } else if !decl.nillable {
                            self.report(
                                pos,
                                format!("element '{qname}': it is not nillable (xsi:nil)"),
                            )?;
                        } else {
                            nilled = matches!(collapse(&v).as_ref(), "true" | "1");
                        }
                    }
                    // xsi:type
                    if let Ok(Some(t)) = self.xsi_type(Some(ty))? {
                        ty = t;
                    }
                    self.typed_frame(&mut frame, ty, start)?;
                    frame.nilled = nilled;
                    // Identity-constraint scopes of this element (after its own fields are counted).
                    self.collect_fields(start, qname)?;
                    let m = self.m;
                    for &idc in &m.elements[d as usize].idcs {
                        let c = &m.idcs[idc as usize];
                        self.scopes.push(Scope {
                            idc,
                            field: c.field,
                            key: c.key,
                            values: FxHashSet::default(),
                        });
                    }
                    frame.scope_mark = scope_mark;
                }
            }
            Target::Type(t) => {
                self.typed_frame(&mut frame, t, start)?;
                self.collect_fields(start, qname)?;
            }
        }
        self.stack.push(frame);
        Ok(())
    }

    /// Fills a frame for validation with type `ty` and validates the attributes.
    fn typed_frame(&mut self, frame: &mut Frame<'a>, ty: TypeRef, start: usize) -> Res {
        frame.mode = Mode::Validate;
        frame.ty = ty;
        frame.skip_children = false;
        self.fields.clear();
        match ty {
            TypeRef::Complex(c) => {
                let t = &self.m.types[c as usize];
                frame.content = t.content;
                frame.any_type = t.any_type;
                frame.state = t.automaton;
                self.attributes(c, frame.qname, start)
            }
            TypeRef::Simple(s) => {
                frame.content = Content::Simple(s);
                frame.any_type = false;
                // Only the xsi: attributes are allowed.
                for i in 0..self.attrs.len() {
                    let a = &self.attrs[i];
                    if !is_meta(a) {
                        let (pos, q, fq) = (a.pos, a.qname, frame.qname);
                        self.report(
                            pos,
                            format!(
                                "attribute '{q}' is not allowed on '{fq}' (it has a simple type)"
                            ),
                        )?;
                    }
                }
                Ok(())
            }
        }
    }

    /// Handles `xsi:type`: `Ok(Ok(Some(type)))` to use, `Ok(Ok(None))` if absent
    /// or rejected for a declared element, `Ok(Err(()))` if it fails for an
    /// element without declaration.
    fn xsi_type(&mut self, declared: Option<TypeRef>) -> Result<Result<Option<TypeRef>, ()>, Stop> {
        let Some(i) = self
            .attrs
            .iter()
            .position(|a| a.ns == NS_XSI && a.local() == "type")
        else {
            return Ok(Ok(None));
        };
        let (v, pos) = (self.attrs[i].value.clone(), self.attrs[i].pos);
        let resolved = {
            let (p, l) = match v.split_once(':') {
                Some((p, l)) => (p, l),
                None => ("", v.as_ref()),
            };
            let qname_ok =
                (p.is_empty() || libxml_valid_ncname(p, false)) && libxml_valid_ncname(l, false);
            if !qname_ok {
                None
            } else {
                let ns = match self.lookup_prefix(p) {
                    Some((ns, _)) => Some(ns),
                    None if p.is_empty() => Some(NS_NONE),
                    None => None,
                };
                ns.and_then(|ns| self.m.named_types.get(&(ns, l.to_string())).copied())
            }
        };
        let Some(t) = resolved else {
            self.report(
                pos,
                format!("xsi:type '{v}' does not resolve to a type definition"),
            )?;
            return Ok(if declared.is_some() {
                Ok(None)
            } else {
                Err(())
            });
        };
        if let Some(d) = declared {
            if !self.derived_ok(t, d) {
                self.report(
                    pos,
                    format!("xsi:type '{v}' is not validly derived from the declared type"),
                )?;
                return Ok(Ok(None));
            }
        }
        Ok(Ok(Some(t)))
    }

    fn derived_ok(&self, t: TypeRef, base: TypeRef) -> bool {
        if t == base || base == TypeRef::Complex(ANY_TYPE) {
            return true;
        }
        let mut cur = t;
        for _ in 0..1000 {
            let next = match cur {
                TypeRef::Complex(c) => self.m.types[c as usize].base.map(|(b, _)| b),
                TypeRef::Simple(s) => self.m.simple.get(s).base.map(TypeRef::Simple),
            };
            match next {
                Some(n) if n == base => return true,
                Some(n) => cur = n,
                None => return false,
            }
        }
        false
    }

    /// Validates the attributes of the current start tag against complex type `c`.
    fn attributes(&mut self, c: u32, qname: &'a str, start: usize) -> Res {
        let m = self.m;
        let t = &m.types[c as usize];
        self.fields.clear();
        let mut seen = 0u64;
        for i in 0..self.attrs.len() {
            let a = &self.attrs[i];
            if is_meta(a) {
                continue;
            }
            let ns = a.ns;
            let local = a.local();
            let id = if ns == NS_FOREIGN {
                None
            } else {
                m.attr_index
                    .get(ns as usize)
                    .and_then(|x| x.get(local.as_bytes()))
            };
            let slot = id.map_or(u8::MAX, |id| t.attr_slot[id as usize]);
            if slot != u8::MAX {
                let u = &t.attrs[slot as usize];
                seen |= 1 << slot;
                let field = self.is_field[u.name as usize];
                let fixed = u.fixed.as_deref();
                self.attribute_value(i, u.name, u.ty, field, fixed, qname)?;
                continue;
            }
            match &t.wildcard {
                Some(w) if w.ns.allows(ns) => {
                    if w.process == Process::Skip {
                        continue;
                    }
                    match id.and_then(|id| m.global_attr[id as usize].as_ref().map(|d| (id, d))) {
                        Some((id, decl)) => {
                            let field = self.is_field[id as usize];
                            let fixed = decl.fixed.as_deref();
                            self.attribute_value(i, id, decl.ty, field, fixed, qname)?;
                        }
                        None if w.process == Process::Strict => {
                            let (pos, q) = (a.pos, a.qname);
                            self.report(pos, format!("attribute '{q}' of '{qname}': no global declaration, but the wildcard is strict"))?;
                        }
                        None => {}
                    }
                }
                _ => {
                    let (pos, q) = (a.pos, a.qname);
                    self.report(pos, format!("attribute '{q}' is not allowed on '{qname}'"))?;
                }
            }
        }
        let missing = t.required & !seen;
        if missing != 0 {
            for (i, u) in t.attrs.iter().enumerate() {
                if missing & (1 << i) != 0 {
                    let (ns, name) = &m.attr_names[u.name as usize];
                    let name = if *ns == NS_XML {
                        format!("xml:{name}")
                    } else {
                        name.clone()
                    };
                    self.report(
                        start,
                        format!("element '{qname}': the required attribute '{name}' is missing"),
                    )?;
                }
            }
        }
        Ok(())
    }

    fn attribute_value(
        &mut self,
        i: usize,
        name: u16,
        ty: SimpleId,
        field: bool,
        fixed: Option<&str>,
        qname: &'a str,
    ) -> Res {
        let a = &self.attrs[i];
        let value = a.value.clone();
        let pos = a.pos;
        let aq = a.qname;
        if !self.m.simple.check(ty, &value, field || fixed.is_some()) {
            let why = self.describe_failure(ty, &value);
            return self.report(pos, format!("attribute '{aq}' of '{qname}': {why}"));
        }
        if let Some(f) = fixed {
            let ws = self.m.simple.get(ty).ws;
            if normalize(&value, ws) != normalize(f, ws) {
                return self.report(pos, format!("attribute '{aq}' of '{qname}': '{value}' differs from the fixed value '{f}'"));
            }
        }
        // xs:ID values other than xml:id (which the parser registered) join the ID table.
        if self.m.simple.is_id(ty) && !(a.ns == NS_XML && a.local() == "id") {
            let key = Cow::Owned(
                value
                    .trim_matches(|c: char| c.is_ascii() && is_ws(c as u8))
                    .to_string(),
            );
            if !self.ids.insert(key) {
                return self.report(
                    pos,
                    format!("attribute '{aq}' of '{qname}': ID '{value}' is already defined"),
                );
            }
        }
        if field {
            let ws = self.m.simple.get(ty).ws;
            let v = match value {
                Cow::Borrowed(s) => normalize(s, ws),
                Cow::Owned(s) => Cow::Owned(normalize(&s, ws).into_owned()),
            };
            self.fields.push((name, v));
        }
        Ok(())
    }

    /// Adds the current element's identity-constraint field values to every open scope.
    fn collect_fields(&mut self, start: usize, qname: &'a str) -> Res {
        if self.scopes.is_empty() {
            return Ok(());
        }
        for s in 0..self.scopes.len() {
            let field = self.scopes[s].field;
            let value = self
                .fields
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, v)| v.clone());
            match value {
                Some(v) if !self.scopes[s].values.insert(v.clone()) => {
                    let name = self.m.idcs[self.scopes[s].idc as usize].name.clone();
                    let (_, fname) = &self.m.attr_names[field as usize];
                    self.report(
                        start,
                        format!("element '{qname}': duplicate value '{v}' of '{fname}' (identity constraint '{name}')"),
                    )?;
                }
                Some(_) => {}
                None if self.scopes[s].key => {
                    let name = self.m.idcs[self.scopes[s].idc as usize].name.clone();
                    self.report(
                        start,
                        format!("element '{qname}': the key field of '{name}' is missing"),
                    )?;
                }
                None => {}
            }
        }
        Ok(())
    }

    fn close_element(&mut self, pos: usize) -> Res {
        let Some(f) = self.stack.pop() else {
            return Ok(());
        };
        let result = self.end_checks(&f, pos);
        self.scopes.truncate(f.scope_mark);
        if self.bindings.len() > f.ns_mark {
            let had_default = self.bindings[f.ns_mark..]
                .iter()
                .any(|b| b.prefix.is_empty());
            self.bindings.truncate(f.ns_mark);
            if had_default {
                self.refresh_default();
            }
        }
        self.text_buf.truncate(f.text_start);
        if self.stack.is_empty() {
            self.phase = Phase::Epilog;
        }
        result
    }

    fn end_checks(&mut self, f: &Frame<'a>, pos: usize) -> Res {
        if f.mode == Mode::Skip || f.bad_content {
            return Ok(());
        }
        if f.nilled {
            if f.has_content {
                return self.report(
                    pos,
                    format!("element '{}': it is nilled but has content", f.qname),
                );
            }
            return Ok(());
        }
        match f.content {
            Content::Elements | Content::Mixed if !f.any_type => {
                if !self.m.automata.accepting[f.state as usize] {
                    let exp = self.expected_list(f.state);
                    return self.report(
                        pos,
                        format!(
                            "element '{}': missing child element(s); expected {exp}",
                            f.qname
                        ),
                    );
                }
                Ok(())
            }
            Content::Simple(st) => {
                if f.skip_children {
                    return Ok(());
                }
                let text = self.text_buf[f.text_start..].to_string();
                if !self.m.simple.check(st, &text, false) {
                    let why = self.describe_failure(st, &text);
                    return self.report(f.start, format!("element '{}': {why}", f.qname));
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    // ---- messages ----

    fn describe_name(&self, qname: &str, ns: u16, binding: usize) -> String {
        let uri = self.ns_uri(ns, binding);
        if uri.is_empty() {
            format!("'{qname}' (in no namespace)")
        } else {
            format!("'{qname}' (in namespace '{uri}')")
        }
    }

    fn expected_list(&self, state: u32) -> String {
        let mut names: Vec<String> = self
            .m
            .automata
            .expected(state)
            .map(|n| {
                let (ns, local) = &self.m.elem_names[n as usize];
                if *ns == self.m.target || *ns == NS_NONE {
                    format!("'{local}'")
                } else {
                    format!("'{{{}}}{local}'", self.m.namespaces[*ns as usize])
                }
            })
            .collect();
        for (w, _) in self.m.automata.wildcards(state) {
            names.push(match &self.m.wildcards[*w as usize].ns {
                super::schema::NsConstraint::Any => "any element".to_string(),
                super::schema::NsConstraint::Not(_) => {
                    "an element of another namespace".to_string()
                }
                super::schema::NsConstraint::Set(_) => {
                    "an element of the listed namespaces".to_string()
                }
            });
        }
        if names.is_empty() {
            return "no more elements".into();
        }
        let n = names.len();
        if n > 12 {
            names.truncate(12);
            format!("one of {} (and {} more)", names.join(", "), n - 12)
        } else if n == 1 {
            names.pop().unwrap_or_default()
        } else {
            format!("one of {}", names.join(", "))
        }
    }

    fn unexpected(&self, qname: &str, ns: u16, binding: usize, state: u32) -> String {
        let exp = self.expected_list(state);
        let in_target = ns == self.m.target;
        let name = if in_target {
            format!("'{qname}'")
        } else {
            self.describe_name(qname, ns, binding)
        };
        format!("element {name}: not expected here; expected {exp}")
    }

    /// Why `value` fails simple type `st` (only called on failure).
    fn describe_failure(&self, st: SimpleId, value: &str) -> String {
        let s = &self.m.simple;
        let t = s.get(st);
        match &t.variety {
            Variety::Atomic => {
                let shown = if t.enums.is_some() || !t.patterns.is_empty() {
                    normalize(value, t.ws)
                } else {
                    Cow::Borrowed(value)
                };
                if !super::simple::lexical(t.builtin, &shown) {
                    return format!("'{value}' is not a valid xsd:{}", t.builtin.name());
                }
                if let Some(e) = &t.enums {
                    if !e.iter().any(|x| x == shown.as_ref()) {
                        let list: Vec<String> =
                            e.iter().take(12).map(|x| format!("'{x}'")).collect();
                        return format!(
                            "'{value}' is not one of {}{}",
                            list.join(", "),
                            if e.len() > 12 { ", ..." } else { "" }
                        );
                    }
                }
                for g in &t.patterns {
                    if let Some(r) = g.first() {
                        return format!("'{value}' does not match the pattern '{}'", r.source());
                    }
                }
                format!("'{value}' is not a valid value of {}", t.name)
            }
            Variety::List(item) => {
                for token in value
                    .split(|c: char| c.is_ascii() && is_ws(c as u8))
                    .filter(|w| !w.is_empty())
                {
                    if !s.check(*item, token, false) {
                        return format!("list item {}", self.describe_failure(*item, token));
                    }
                }
                format!("'{value}' is not a valid list")
            }
            Variety::Union(members) => {
                let names: Vec<String> = members
                    .iter()
                    .map(|&m| {
                        let mt = s.get(m);
                        if mt.builtin != Builtin::AnySimpleType
                            && mt.enums.is_none()
                            && mt.patterns.is_empty()
                        {
                            format!("xsd:{}", mt.builtin.name())
                        } else if let Some(e) = &mt.enums {
                            let l: Vec<String> = e.iter().map(|x| format!("'{x}'")).collect();
                            format!("one of {}", l.join(", "))
                        } else {
                            mt.name.clone()
                        }
                    })
                    .collect();
                format!("'{value}' is not a valid {}", names.join(" or "))
            }
        }
    }
}

/// True for the `xsi:` attributes that validation treats as instructions.
fn is_meta(a: &Attr<'_>) -> bool {
    a.ns == NS_XSI
        && matches!(
            a.local(),
            "type" | "nil" | "schemaLocation" | "noNamespaceSchemaLocation"
        )
}

/// Appends text, with line ends normalized (CR LF and lone CR become LF).
fn push_text(buf: &mut String, text: &str) {
    if text.contains('\r') {
        buf.push_str(&text.replace("\r\n", "\n").replace('\r', "\n"));
    } else {
        buf.push_str(text);
    }
}

#[inline]
fn utf8_len(first: u8) -> usize {
    match first {
        0..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}
