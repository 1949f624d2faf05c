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

use super::content::Step;
use super::hash::FxHashSet;
use super::uri;
use super::{Limits, Violation, ViolationKind};
use crate::chars::{is_name, is_ws, is_xml_char, libxml_valid_ncname, qname as qname_check};
use crate::schema::{
    Content, Model, Process, TypeRef, ANY_TYPE, NS_FOREIGN, NS_NONE, NS_XML, NS_XSI, XMLNS_NS,
    XML_NS,
};
use crate::simple::{collapse, normalize, Builtin, SimpleId, Variety};

/// Stops the run: a fatal (well-formedness) error, or the violation limit.
struct Stop;

type Res = Result<(), Stop>;

mod elements;
mod identity;
mod lexer;
mod messages;
mod namespaces;

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
    limits: Limits,
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

/// Validates `xml` against `m` within `limits`, returning the violations.
pub(super) fn validate(m: &Model, xml: &str, limits: &Limits) -> Vec<Violation> {
    let mut is_field = vec![false; m.attr_names.len()];
    for idc in &m.idcs {
        is_field[idc.field as usize] = true;
    }
    let mut v = Validator {
        m,
        input: xml,
        base: xml.as_ptr() as usize,
        limit: limits.max_violations.max(1),
        limits: *limits,
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

    /// Reports an exceeded limit and stops.
    fn limit(&mut self, pos: usize, message: String) -> Res {
        let _ = self.report_kind(pos, ViolationKind::Limit, message);
        Err(Stop)
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
        if input.len() > self.limits.max_bytes {
            let message = self.limits.too_big(input.len());
            return self.limit(0, message);
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
}
