//! Stage 4: the AKN writer — a [`Document`] in, Akoma Ntoso 3.0 XML out.
//!
//! A mechanical mapping of the model onto the elements of spec §2–§8, written
//! straight into a string by `xml::XmlOut` (which escapes every text and
//! attribute). It assigns the
//! eIds (`container_3`, `para_2__list_1__point_a`, `…__authorialNote_1`),
//! places each footnote at its first call and turns later calls into
//! `<noteRef>`, and collects what the text refers to so that `<references>`
//! holds exactly the TLCs that `refersTo`/`href="#…"` point at.
//!
//! It never sees the input text or the grammar; it does not validate (that is
//! [`crate::validate`]).

mod ids;
mod meta;
mod xml;

use std::cell::Cell;
use std::collections::{BTreeSet, VecDeque};

use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};

use self::xml::XmlOut;
use crate::model::{
    iso_date, Division, DivisionKind, Document, Footnote, Inline, List, Paragraph, Parts,
    Provision, Separator,
};

pub use self::ids::document_work_iri;

/// The Akoma Ntoso 3.0 namespace.
pub const AKN_NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// What the writer needs beyond the document.
#[derive(Debug, Clone, Default)]
pub struct WriteOptions {
    /// The manifestation's `conversion` date. Default: the date of issuance
    /// (never the clock, so that output is reproducible).
    pub conversion_date: Option<NaiveDate>,
    /// The length in bytes of the text the document was read from. The XML
    /// is 1.1–1.8 times the text, so the writer reserves twice this up front
    /// and a large document's buffer is not grown (and copied) step by step;
    /// pages never written cost no memory. Default: 0 (grown as needed).
    pub input_len: usize,
}

thread_local! {
    /// The body is written first (the `<meta>` before it lists what the body
    /// refers to), into this buffer, reused from one document to the next.
    static BODY: Cell<String> = const { Cell::new(String::new()) };
}

/// A body buffer larger than this is not kept for the next document.
const KEEP_BODY_BUFFER: usize = 4 << 20;

/// Writes `document` as an Akoma Ntoso XML document (with XML declaration).
///
/// The body is written first into a per-thread buffer that the next document
/// reuses; the returned string is allocated once, at its final size, or, for
/// a document too large to keep that buffer, is that buffer.
pub fn write(document: &Document, options: &WriteOptions) -> String {
    let mut buffer = BODY.take();
    buffer.reserve(options.input_len.saturating_mul(2));
    let mut body = BodyWriter::new(document, buffer);
    body.write_all(options);
    let used = body.used;
    let body_xml = body.out.into_string();

    let mut head = XmlOut::new(0, 8192);
    head.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    head.open("akomaNtoso", &[("xmlns", AKN_NAMESPACE)]);
    head.open(
        "statement",
        &[
            ("name", ids::kind_name(document.kind)),
            ("contains", "originalVersion"),
        ],
    );
    meta::write_meta(&mut head, document, &used, options);
    let head = head.into_string();
    // What `close("statement")`, `close("akomaNtoso")` and a newline write.
    const TAIL: &str = "\n  </statement>\n</akomaNtoso>\n";
    if body_xml.capacity() > KEEP_BODY_BUFFER {
        // Not kept for the next document: the head goes in front of the body
        // in its own buffer, rather than both into a new one.
        let mut out = body_xml;
        out.reserve_exact(head.len() + TAIL.len());
        out.insert_str(0, &head);
        out.push_str(TAIL);
        return out;
    }
    let mut out = String::with_capacity(head.len() + body_xml.len() + TAIL.len());
    out.push_str(&head);
    out.push_str(&body_xml);
    out.push_str(TAIL);
    BODY.set(body_xml);
    out
}

/// The TLC eIds that the body refers to, gathered while writing it.
#[derive(Debug, Default)]
pub(crate) struct UsedRefs {
    /// TLCConcept eIds (`symbol`, `dateOfAdoption`, …).
    pub concepts: BTreeSet<&'static str>,
}

struct BodyWriter<'d> {
    document: &'d Document,
    out: XmlOut,
    /// Notes not placed yet, per marker, in order (a marker can be printed
    /// for more than one note, e.g. `*` on two pages).
    footnotes: FxHashMap<&'d str, VecDeque<&'d Footnote>>,
    /// Placed notes: marker → eId of the `<authorialNote>`.
    placed: FxHashMap<&'d str, String>,
    /// Notes counted per parent eId.
    note_counts: FxHashMap<String, usize>,
    /// Markers whose note is being written (a note calling itself).
    writing: FxHashSet<&'d str>,
    eids: FxHashSet<String>,
    /// The parent eId of the outermost note being written.
    note_parent: String,
    /// Notes called from inside other notes, placed after them.
    deferred: VecDeque<(&'d Footnote, &'d str, String)>,
    /// Next numeric suffix per repeated eId base.
    suffixes: FxHashMap<String, usize>,
    used: UsedRefs,
    /// eId prefix of the part being written: empty, or `att_1__` in annex 1.
    prefix: String,
    /// Paragraphs written so far in the part being written (they are
    /// numbered through its divisions).
    paragraphs: usize,
}

impl<'d> BodyWriter<'d> {
    fn new(document: &'d Document, buffer: String) -> BodyWriter<'d> {
        let mut footnotes: FxHashMap<&str, VecDeque<&Footnote>> = FxHashMap::default();
        for note in &document.footnotes {
            footnotes
                .entry(note.marker.as_str())
                .or_default()
                .push_back(note);
        }
        BodyWriter {
            document,
            out: XmlOut::reusing(buffer, 2),
            footnotes,
            placed: FxHashMap::default(),
            note_counts: FxHashMap::default(),
            writing: FxHashSet::default(),
            eids: FxHashSet::default(),
            note_parent: String::new(),
            deferred: VecDeque::new(),
            suffixes: FxHashMap::default(),
            used: UsedRefs::default(),
            prefix: String::new(),
            paragraphs: 0,
        }
    }

    /// Reserves an eId, making it unique if the source repeats a label.
    fn eid(&mut self, wanted: String) -> String {
        if self.eids.insert(wanted.clone()) {
            return wanted;
        }
        // The next suffix to try for this base: repeated labels cost
        // constant time each, not a scan over all earlier repeats.
        let next = self.suffixes.entry(wanted.clone()).or_insert(2);
        loop {
            let candidate = format!("{wanted}_{next}");
            *next += 1;
            if self.eids.insert(candidate.clone()) {
                return candidate;
            }
        }
    }

    fn write_all(&mut self, options: &WriteOptions) {
        let doc = self.document;
        if !doc.cover_page.is_empty() {
            self.out.open("coverPage", &[]);
            for block in &doc.cover_page {
                self.p(block, "coverPage");
            }
            self.out.close("coverPage");
        }
        self.parts(&doc.parts);
        if doc.annexes.is_empty() {
            return;
        }
        self.out.open("attachments", &[]);
        for (index, annex) in doc.annexes.iter().enumerate() {
            let number = index + 1;
            self.prefix = format!("att_{number}__");
            let eid = format!("att_{number}");
            self.eids.insert(eid.clone());
            self.out.open("attachment", &[("eId", &eid)]);
            self.out.open("doc", &[("name", "annex")]);
            meta::write_annex_meta(&mut self.out, doc, number, options);
            self.parts(annex);
            self.out.close("doc");
            self.out.close("attachment");
        }
        self.prefix.clear();
        self.out.close("attachments");
    }

    /// Preface, preamble, main body and conclusions, shared by the document
    /// and its annexes.
    fn parts(&mut self, parts: &'d Parts) {
        let Parts {
            preface,
            preamble,
            opening,
            main_body,
            conclusions,
        } = parts;
        let scope = |prefix: &str, name: &str| format!("{prefix}{name}");
        if !preface.is_empty() {
            self.out.open("preface", &[]);
            let parent = scope(&self.prefix, "preface");
            for block in preface {
                self.p(block, &parent);
            }
            self.out.close("preface");
        }
        if preamble.formula.is_some()
            || !preamble.containers.is_empty()
            || !preamble.separators.is_empty()
            || preamble.closing_formula.is_some()
        {
            self.out.open("preamble", &[]);
            if let Some(formula) = &preamble.formula {
                self.formula(formula, 1, "enactingFormula");
            }
            for (index, container) in preamble.containers.iter().enumerate() {
                self.separators(&preamble.separators, index, false);
                let eid = self.eid(format!("{}container_{}", self.prefix, index + 1));
                self.out
                    .open("container", &[("eId", &eid), ("name", &container.name)]);
                self.p(&container.content, &eid);
                self.out.close("container");
            }
            self.separators(&preamble.separators, preamble.containers.len(), true);
            if let Some(formula) = &preamble.closing_formula {
                self.formula(formula, 2, "closingFormula");
            }
            self.out.close("preamble");
        }
        self.out.open("mainBody", &[]);
        if let Some(opening) = opening {
            let eid = self.eid(format!("{}alinea_1", self.prefix));
            self.out.open("alinea", &[("eId", &eid)]);
            self.out.open("content", &[]);
            self.p(opening, &eid);
            self.out.close("content");
            self.out.close("alinea");
        }
        if main_body.is_empty() && opening.is_none() {
            let parent = scope(&self.prefix, "mainBody");
            self.p(&[], &parent);
        }
        self.paragraphs = 0;
        self.provisions(main_body, None);
        self.out.close("mainBody");
        if !conclusions.is_empty() {
            self.out.open("conclusions", &[]);
            let parent = scope(&self.prefix, "conclusions");
            for block in conclusions {
                self.p(block, &parent);
            }
            self.out.close("conclusions");
        }
    }

    /// A `<formula>` of the preamble, the `n`th, named `name`.
    fn formula(&mut self, content: &'d [Inline], n: usize, name: &str) {
        let eid = self.eid(format!("{}formula_{n}", self.prefix));
        self.out.open("formula", &[("eId", &eid), ("name", name)]);
        self.p(content, &eid);
        self.out.close("formula");
    }

    /// Paragraphs and divisions; `division` is the eId of the division that
    /// holds them, if any.
    fn provisions(&mut self, provisions: &'d [Provision], division: Option<&str>) {
        for provision in provisions {
            match provision {
                Provision::Paragraph(paragraph) => {
                    self.paragraphs += 1;
                    self.paragraph(paragraph, self.paragraphs);
                }
                Provision::Division(inner) => self.division(inner, division),
            }
        }
    }

    fn division(&mut self, division: &'d Division, parent: Option<&str>) {
        let (element, prefix) = ids::division_element(division.kind);
        // "Article 12" is art_12: the number without the word.
        let number = match division.kind {
            DivisionKind::Division => division.num.as_str(),
            _ => crate::lang::convention_number(&division.num),
        };
        let label = ids::division_label(number);
        let eid = match parent {
            Some(parent) => format!("{parent}__{prefix}_{label}"),
            None => format!("{}{prefix}_{label}", self.prefix),
        };
        let eid = self.eid(eid);
        self.out.open(element, &[("eId", &eid)]);
        self.num(&division.num);
        if let Some(heading) = &division.heading {
            self.out.line("heading", &[]);
            self.inlines(heading, &eid);
            self.out.end("heading");
        }
        for recital in &division.recitals {
            let id = self.eid(format!(
                "{eid}__crossHeading_{}",
                ids::name_eid(&recital.name)
            ));
            self.out
                .line("crossHeading", &[("eId", &id), ("refersTo", "#preamble")]);
            self.inlines(&recital.content, &id);
            self.out.end("crossHeading");
        }
        if division.provisions.is_empty() && division.recitals.is_empty() {
            // A heading with nothing under it (the grammar warns): the
            // schema wants content after it. Recitals alone are enough:
            // the schema takes crossHeadings in place of content, not
            // beside it.
            self.content_or_list(&[], None, &eid);
        }
        self.provisions(&division.provisions, Some(&eid));
        self.out.close(element);
    }

    fn paragraph(&mut self, paragraph: &'d Paragraph, position: usize) {
        let eid = self.eid(format!("{}para_{position}", self.prefix));
        self.out.open("paragraph", &[("eId", &eid)]);
        if let Some(num) = &paragraph.num {
            self.num(num);
        }
        self.content_or_list(&paragraph.content, paragraph.list.as_ref(), &eid);
        self.out.close("paragraph");
    }

    fn num(&mut self, num: &str) {
        self.out.line("num", &[]);
        self.out.text(num);
        self.out.end("num");
    }

    /// `<content><p>…` or, with sub-paragraphs, `<list><intro>…<point>…`.
    fn content_or_list(&mut self, content: &'d [Inline], list: Option<&'d List>, parent: &str) {
        let Some(list) = list else {
            self.out.open("content", &[]);
            self.p(content, parent);
            self.out.close("content");
            return;
        };
        let list_eid = self.eid(format!("{parent}__list_1"));
        self.out.open("list", &[("eId", &list_eid)]);
        if !content.is_empty() {
            self.out.open("intro", &[]);
            self.p(content, parent);
            self.out.close("intro");
        }
        for (index, point) in list.points.iter().enumerate() {
            let mut label: String = point.num.chars().filter(|c| c.is_alphanumeric()).collect();
            if label.is_empty() {
                // "—" bullets: numbered by position.
                label = (index + 1).to_string();
            }
            let point_eid = self.eid(format!("{list_eid}__point_{label}"));
            self.out.open("point", &[("eId", &point_eid)]);
            self.num(&point.num);
            self.content_or_list(&point.content, point.list.as_ref(), &point_eid);
            self.out.close("point");
        }
        if let Some(wrap_up) = &list.wrap_up {
            self.out.open("wrapUp", &[]);
            self.p(wrap_up, parent);
            self.out.close("wrapUp");
        }
        self.out.close("list");
    }

    /// The separators printed before preambular paragraph `before`, each a
    /// `<p>` of its own.
    /// At the end (`before` the number of paragraphs), also those printed
    /// before paragraphs the grammar moved out since (a part's label and
    /// heading taken into the main body).
    fn separators(&mut self, separators: &[Separator], before: usize, end: bool) {
        let here = |s: &&Separator| s.before == before || (end && s.before > before);
        for separator in separators.iter().filter(here) {
            self.out.line("p", &[]);
            self.out.text(&separator.text);
            self.out.end("p");
        }
    }

    /// `<p>` with inline content, on one line. `parent` is the eId that
    /// footnotes placed here are numbered under.
    fn p(&mut self, content: &'d [Inline], parent: &str) {
        self.out.line("p", &[]);
        self.inlines(content, parent);
        self.out.end("p");
    }

    fn inlines(&mut self, content: &'d [Inline], parent: &str) {
        for inline in content {
            self.inline(inline, parent);
        }
    }

    fn wrap(&mut self, name: &str, attrs: &[(&str, &str)], content: &'d [Inline], parent: &str) {
        self.out.start(name, attrs);
        self.inlines(content, parent);
        self.out.end(name);
    }

    fn leaf_text(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.out.start(name, attrs);
        self.out.text(text);
        self.out.end(name);
    }

    fn inline(&mut self, inline: &'d Inline, parent: &str) {
        match inline {
            Inline::Text(text) => self.out.text(text),
            Inline::Italic(content) => self.wrap("i", &[], content, parent),
            Inline::Bold(content) => self.wrap("b", &[], content, parent),
            Inline::Eol => self.out.empty("eol", &[]),
            Inline::NoteCall { marker } => self.note_call(marker, parent),
            Inline::Sup(text) => self.leaf_text("sup", &[], text),
            Inline::Ref { to, content } => {
                let href = ids::reference_href(to);
                self.wrap("ref", &[("href", &href)], content, parent);
            }
            Inline::Date { date, text } => {
                let iso = iso_date(*date);
                self.leaf_text("date", &[("date", &iso)], text);
            }
            Inline::DocAuthority { body, text } => {
                let refers = format!("#{}", ids::body_eid(*body));
                self.leaf_text("docAuthority", &[("refersTo", &refers)], text);
            }
            Inline::DocNumber { text, symbol } => {
                if *symbol {
                    self.used.concepts.insert("symbol");
                    self.leaf_text("docNumber", &[("refersTo", "#symbol")], text);
                } else {
                    self.leaf_text("docNumber", &[], text);
                }
            }
            Inline::DocStatus(text) => self.leaf_text("docStatus", &[], text),
            Inline::DocDate { date, role, text } => {
                let concept = ids::date_concept(*role);
                self.used.concepts.insert(concept);
                let iso = iso_date(*date);
                let refers = format!("#{concept}");
                self.leaf_text("docDate", &[("date", &iso), ("refersTo", &refers)], text);
            }
            Inline::DocTitle(content) => self.wrap("docTitle", &[], content, parent),
            Inline::DocProponent(text) => {
                let refers = format!("#{}", ids::state_eid(text));
                self.leaf_text("docProponent", &[("refersTo", &refers)], text);
            }
            Inline::DocStage(content) => self.wrap("docStage", &[], content, parent),
            Inline::DocType(content) => self.wrap("docType", &[], content, parent),
            Inline::Session { value, text } => {
                let value = value.to_string();
                self.leaf_text("session", &[("value", &value)], text);
            }
            Inline::LanguageOfExpression(content) => {
                self.named("languageOfExpression", None, content, parent);
            }
            Inline::OriginalLanguage(content) => {
                self.named("originalLanguage", None, content, parent);
            }
            Inline::SessionDates(content) => self.named("sessionDates", None, content, parent),
            Inline::Committee(content) => self.named("committee", None, content, parent),
            Inline::AgendaItem { number, content } => {
                let attrs = [("name", "agendaItem"), ("title", number.as_str())];
                self.wrap("inline", &attrs, content, parent);
            }
            Inline::AgendaItemTitle(content) => {
                self.named("agendaItemTitle", None, content, parent);
            }
            Inline::OriginatingReport(content) => {
                self.named("originatingReport", None, content, parent);
            }
            Inline::AdoptionType { outcome, content } => {
                let concept = outcome.map(|o| ids::outcome_concept(o).0);
                self.named("adoptionType", concept, content, parent);
            }
            Inline::Organization(text) => {
                let refers = format!("#{}", ids::state_eid(text));
                self.leaf_text("organization", &[("refersTo", &refers)], text);
            }
            Inline::Mod { content, quoted } => {
                self.out.start("mod", &[]);
                self.inlines(content, parent);
                self.out.start("quotedStructure", &[]);
                for block in quoted {
                    self.out.start("p", &[]);
                    self.inlines(block, parent);
                    self.out.end("p");
                }
                self.out.end("quotedStructure");
                self.out.end("mod");
            }
            Inline::Event(text) => {
                let refers = format!("#{}", ids::MEETING);
                self.leaf_text("event", &[("refersTo", &refers)], text);
            }
        }
    }

    /// `<inline name="…" refersTo="#…">`.
    fn named(&mut self, name: &str, refers_to: Option<&str>, content: &'d [Inline], parent: &str) {
        let refers = refers_to.map(|r| format!("#{r}"));
        let mut attrs: [(&str, &str); 2] = [("name", name), ("", "")];
        let used = match &refers {
            Some(refers) => {
                attrs[1] = ("refersTo", refers);
                2
            }
            None => 1,
        };
        self.wrap("inline", &attrs[..used], content, parent);
    }

    /// The first call of a marker places the note; later calls refer to it.
    fn note_call(&mut self, marker: &'d str, parent: &str) {
        if self.writing.contains(marker) {
            // A note that calls its own marker: the call stays a superscript.
            self.leaf_text("sup", &[], marker);
            return;
        }
        let pending = self.footnotes.get_mut(marker).and_then(VecDeque::pop_front);
        let Some(note) = pending else {
            match self.placed.get(marker) {
                Some(eid) => {
                    let href = format!("#{eid}");
                    self.out.empty(
                        "noteRef",
                        &[("href", &href), ("marker", marker), ("placement", "bottom")],
                    );
                }
                None => self.leaf_text("sup", &[], marker),
            }
            return;
        };
        // A note called from inside another note is numbered under the
        // outer note's parent, so that eIds do not grow along a chain.
        let parent = if self.writing.is_empty() {
            self.note_parent = parent.to_string();
            parent
        } else {
            self.note_parent.as_str()
        };
        let count = self.note_counts.entry(parent.to_string()).or_insert(0);
        *count += 1;
        let wanted = format!("{parent}__authorialNote_{count}");
        let eid = self.eid(wanted);
        self.placed.insert(marker, eid.clone());
        if !self.writing.is_empty() {
            // A note called from inside another note: refer to it here and
            // place it right after the outer note, so that chains of notes
            // never nest (or recurse) deeper than one.
            let href = format!("#{eid}");
            self.out.empty(
                "noteRef",
                &[("href", &href), ("marker", marker), ("placement", "bottom")],
            );
            self.deferred.push_back((note, marker, eid));
            return;
        }
        self.write_note(note, marker, &eid);
        while let Some((note, marker, eid)) = self.deferred.pop_front() {
            self.write_note(note, marker, &eid);
        }
    }

    fn write_note(&mut self, note: &'d Footnote, marker: &'d str, eid: &str) {
        self.writing.insert(marker);
        self.out.start(
            "authorialNote",
            &[("eId", eid), ("marker", marker), ("placement", "bottom")],
        );
        self.out.start("p", &[]);
        self.inlines(&note.content, eid);
        self.out.end("p");
        self.out.end("authorialNote");
        self.writing.remove(marker);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn document() -> Document {
        Document {
            kind: DocumentKind::Resolution,
            identity: Identity {
                body: Body::HumanRightsCouncil,
                symbol: Some("A/HRC/RES/1/1".into()),
                work_number: "1-1".into(),
                number_shown: "1/1".into(),
                adoption_date: NaiveDate::from_ymd_opt(2022, 4, 1),
                issuance_date: NaiveDate::from_ymd_opt(2022, 4, 8),
                session: Some(1),
                language: "eng".into(),
                job_number: None,
            },
            cover_page: vec![],
            parts: Parts {
                main_body: vec![Provision::Paragraph(Paragraph {
                    num: Some("1.".into()),
                    content: vec![
                        Inline::text("a <b> & ]]> \"q\""),
                        Inline::NoteCall { marker: "1".into() },
                        Inline::text(" again"),
                        Inline::NoteCall { marker: "1".into() },
                    ],
                    list: None,
                })],
                ..Parts::default()
            },
            footnotes: vec![Footnote {
                marker: "1".into(),
                content: vec![Inline::text("note")],
                line: 3,
            }],
            organizations: vec![],
            meeting: None,
            vote: None,
            annexes: vec![],
        }
    }

    #[test]
    fn text_is_escaped_and_repeated_calls_become_note_refs() {
        let xml = write(&document(), &WriteOptions::default());
        assert!(xml.contains("a &lt;b&gt; &amp; ]]&gt; \"q\""), "{xml}");
        assert!(xml.contains(
            r#"<authorialNote eId="para_1__authorialNote_1" marker="1" placement="bottom"><p>note</p></authorialNote>"#
        ));
        assert!(xml.contains(
            r##"<noteRef href="#para_1__authorialNote_1" marker="1" placement="bottom"/>"##
        ));
    }

    #[test]
    fn a_marker_printed_for_two_notes_places_both() {
        let mut doc = document();
        doc.footnotes.push(Footnote {
            marker: "1".into(),
            content: vec![Inline::text("second note")],
            line: 9,
        });
        let xml = write(&doc, &WriteOptions::default());
        assert!(xml.contains("<p>note</p>"));
        assert!(xml.contains("<p>second note</p>"));
        assert!(!xml.contains("<noteRef"));
    }
}
