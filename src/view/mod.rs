//! A reading view of an Akoma Ntoso document, for the review page and the
//! diff: takes AKN XML (as un2akn writes it), gives a [`Document`] tree of
//! identity, cover, preface, preamble, body (divisions, paragraphs, points),
//! conclusions, footnotes, annexes and vote.
//!
//! It reads the XML, not the converter's model, so that it works on any
//! AKN file un2akn wrote, and keeps working whatever shape the model takes.

pub(crate) mod dom;

use dom::{Element, Node};

/// An inline run of text and markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// A line break inside a block.
    Eol,
    /// A call of footnote `target` (its eId), printed as `marker`.
    NoteRef {
        /// The printed marker.
        marker: String,
        /// The eId of the footnote.
        target: String,
    },
    /// Any other inline element (`i`, `b`, `ref`, `date`, `docAuthority`,
    /// `organization`, `inline`, ...) with its AKN name and attributes.
    Mark {
        /// The AKN element name.
        name: String,
        /// Its attributes.
        attrs: Vec<(String, String)>,
        /// Its content.
        children: Vec<Inline>,
    },
}

/// A block of a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph of text (`p`, a list's `intro` or `wrapUp`).
    P(Vec<Inline>),
    /// The points of a list.
    Points(Vec<Unit>),
}

/// A numbered or lead-phrase unit: formula, preamble container, operative
/// paragraph, or point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Its eId.
    pub eid: String,
    /// The AKN element (`formula`, `container`, `paragraph`, `point`).
    pub element: String,
    /// The container's name (its lead phrase, as an AKN name), if any.
    pub name: Option<String>,
    /// Its printed number, if any.
    pub num: Option<String>,
    /// Its content.
    pub blocks: Vec<Block>,
}

/// A division of the body, with a number and heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Division {
    /// Its eId.
    pub eid: String,
    /// Its printed number.
    pub num: Option<String>,
    /// Its heading.
    pub heading: Vec<Inline>,
    /// What it holds.
    pub items: Vec<BodyItem>,
}

/// An item of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyItem {
    /// A division.
    Division(Division),
    /// An operative paragraph.
    Paragraph(Unit),
    /// Text directly in the body.
    P(Vec<Inline>),
}

/// The parts shared by the document and its annexes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Part {
    /// Preface lines (number and title).
    pub preface: Vec<Vec<Inline>>,
    /// The formula and the preambular paragraphs, in order.
    pub preamble: Vec<Unit>,
    /// The operative part.
    pub body: Vec<BodyItem>,
    /// Conclusions (meeting, date, adoption line).
    pub conclusions: Vec<Vec<Inline>>,
}

/// A footnote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Footnote {
    /// Its eId.
    pub eid: String,
    /// Its printed marker.
    pub marker: String,
    /// Its text.
    pub content: Vec<Vec<Inline>>,
}

/// An annex.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annex {
    /// Its eId.
    pub eid: String,
    /// Its parts.
    pub part: Part,
}

/// The FRBR identity and the document's name.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Identity {
    /// The work IRI.
    pub work: String,
    /// The expression IRI.
    pub expression: String,
    /// The manifestation IRI.
    pub manifestation: String,
    /// The document symbol, when printed.
    pub symbol: Option<String>,
    /// The number as printed (e.g. `49/34`).
    pub number: Option<String>,
    /// The work date (adoption) as ISO.
    pub date: Option<String>,
    /// The title.
    pub title: Option<String>,
    /// The author body.
    pub author: Option<String>,
    /// The AKN document type and name (`statement resolution`).
    pub kind: String,
}

/// The vote.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Vote {
    /// The outcome, as its concept's label (e.g. "Adopted without a vote").
    pub outcome: String,
    /// Recorded counts: (label, value).
    pub counts: Vec<(String, String)>,
}

/// A document as a reader sees it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// Identity.
    pub identity: Identity,
    /// Cover page lines (masthead).
    pub cover: Vec<Vec<Inline>>,
    /// Preface, preamble, body and conclusions.
    pub main: Part,
    /// Footnotes in document order.
    pub footnotes: Vec<Footnote>,
    /// Annexes.
    pub annexes: Vec<Annex>,
    /// The vote, if recorded in the metadata.
    pub vote: Option<Vote>,
    /// The references (TLC) by eId: (eId, label, href).
    pub references: Vec<(String, String, String)>,
}

/// Reads AKN XML into a [`Document`].
///
/// # Errors
/// A message when the XML is not well formed or is not an AKN document.
pub fn read(xml: &str) -> Result<Document, String> {
    let root = dom::parse(xml)?;
    if root.name != "akomaNtoso" {
        return Err(format!(
            "not an Akoma Ntoso document (root <{}>)",
            root.name
        ));
    }
    let doc = root
        .elements()
        .next()
        .ok_or("an empty <akomaNtoso> element")?;
    let mut reader = Reader::default();
    let mut document = Document::default();
    if let Some(meta) = doc.child("meta") {
        read_meta(meta, &mut document);
    }
    document.identity.kind = match doc.attr("name") {
        Some(name) => format!("{} {name}", doc.name),
        None => doc.name.clone(),
    };
    if let Some(cover) = doc.child("coverPage") {
        document.cover = reader.paragraphs(cover);
    }
    document.main = reader.part(doc);
    if let Some(attachments) = doc.child("attachments") {
        for attachment in attachments.elements() {
            let inner = attachment.elements().find(|e| e.name != "meta");
            if let Some(inner) = inner {
                document.annexes.push(Annex {
                    eid: attachment.attr("eId").unwrap_or_default().to_string(),
                    part: reader.part(inner),
                });
            }
        }
    }
    document.footnotes = reader.footnotes;
    let symbol = document.cover.iter().flatten().find_map(|inline| {
        find_mark(inline, &|name, attrs| {
            name == "docNumber" && attrs.iter().any(|(k, v)| k == "refersTo" && v == "#symbol")
        })
    });
    document.identity.symbol = symbol;
    document.identity.title = document
        .main
        .preface
        .iter()
        .flatten()
        .find_map(|inline| find_mark(inline, &|name, _| name == "docTitle"));
    Ok(document)
}

/// A test on a mark's name and attributes.
type MarkTest = dyn Fn(&str, &[(String, String)]) -> bool;

/// The text of the first mark for which `wanted` holds, searching depth first.
fn find_mark(inline: &Inline, wanted: &MarkTest) -> Option<String> {
    match inline {
        Inline::Mark {
            name,
            attrs,
            children,
        } => {
            if wanted(name, attrs) {
                return Some(plain(children));
            }
            children.iter().find_map(|child| find_mark(child, wanted))
        }
        _ => None,
    }
}

fn read_meta(meta: &Element, document: &mut Document) {
    if let Some(references) = meta.child("references") {
        for tlc in references.elements() {
            document.references.push((
                tlc.attr("eId").unwrap_or_default().to_string(),
                tlc.attr("showAs").unwrap_or_default().to_string(),
                tlc.attr("href").unwrap_or_default().to_string(),
            ));
        }
    }
    let label = |refers: &str| -> Option<String> {
        let id = refers.strip_prefix('#').unwrap_or(refers);
        document
            .references
            .iter()
            .find(|(eid, _, _)| eid == id)
            .map(|(_, label, _)| label.clone())
    };
    let identity = &mut document.identity;
    if let Some(identification) = meta.child("identification") {
        let this = |frbr: &str| {
            identification
                .child(frbr)
                .and_then(|e| e.child("FRBRuri"))
                .and_then(|e| e.attr("value"))
                .unwrap_or_default()
                .to_string()
        };
        identity.work = this("FRBRWork");
        identity.expression = this("FRBRExpression");
        identity.manifestation = this("FRBRManifestation");
        if let Some(work) = identification.child("FRBRWork") {
            identity.number = work
                .child("FRBRnumber")
                .and_then(|e| e.attr("showAs").or_else(|| e.attr("value")))
                .map(str::to_string);
            identity.date = work
                .child("FRBRdate")
                .and_then(|e| e.attr("date"))
                .map(str::to_string);
            identity.author = work
                .child("FRBRauthor")
                .and_then(|e| e.attr("href"))
                .and_then(label);
        }
    }
    let voting = meta
        .child("analysis")
        .and_then(|a| a.child("parliamentary"))
        .and_then(|p| p.child("voting"));
    if let Some(voting) = voting {
        let outcome = voting.attr("outcome").unwrap_or_default();
        let counts = voting
            .elements()
            .filter(|e| e.name == "count")
            .map(|count| {
                let refers = count.attr("refersTo").unwrap_or_default();
                (
                    label(refers).unwrap_or_else(|| refers.trim_start_matches('#').to_string()),
                    count.attr("value").unwrap_or_default().to_string(),
                )
            })
            .collect();
        document.vote = Some(Vote {
            outcome: label(outcome).unwrap_or_else(|| outcome.trim_start_matches('#').to_string()),
            counts,
        });
    }
}

/// Gathers footnotes while it reads.
#[derive(Default)]
struct Reader {
    footnotes: Vec<Footnote>,
}

impl Reader {
    fn part(&mut self, doc: &Element) -> Part {
        let mut part = Part::default();
        if let Some(preface) = doc.child("preface") {
            part.preface = self.paragraphs(preface);
        }
        if let Some(preamble) = doc.child("preamble") {
            for element in preamble.elements() {
                let mut unit = self.unit(element);
                // A separator ("* * *") is a `<p>` of its own.
                if element.name == "p" {
                    unit.blocks.push(Block::P(self.inlines(&element.children)));
                }
                part.preamble.push(unit);
            }
        }
        if let Some(body) = doc.child("mainBody").or_else(|| doc.child("body")) {
            part.body = self.body_items(body);
        }
        if let Some(conclusions) = doc.child("conclusions") {
            part.conclusions = self.paragraphs(conclusions);
        }
        part
    }

    fn body_items(&mut self, parent: &Element) -> Vec<BodyItem> {
        let mut items = Vec::new();
        for element in parent.elements() {
            match element.name.as_str() {
                "num" | "heading" => {}
                // A section's recital (`crossHeading refersTo="#preamble"`)
                // and a p alike: inline content shown as a line.
                "p" | "crossHeading" => {
                    let p = self.inlines(&element.children);
                    if !p.is_empty() {
                        items.push(BodyItem::P(p));
                    }
                }
                // A statement's opening (`alinea`) reads as a paragraph.
                "paragraph" | "point" | "container" | "alinea" => {
                    items.push(BodyItem::Paragraph(self.unit(element)))
                }
                _ => {
                    let heading = element
                        .child("heading")
                        .map(|h| self.inlines(&h.children))
                        .unwrap_or_default();
                    let division = Division {
                        eid: element.attr("eId").unwrap_or_default().to_string(),
                        num: element.child("num").map(|n| n.text()),
                        heading,
                        items: self.body_items(element),
                    };
                    items.push(BodyItem::Division(division));
                }
            }
        }
        items
    }

    fn unit(&mut self, element: &Element) -> Unit {
        let mut unit = Unit {
            eid: element.attr("eId").unwrap_or_default().to_string(),
            element: element.name.clone(),
            name: element.attr("name").map(str::to_string),
            num: element.child("num").map(|n| n.text()),
            blocks: Vec::new(),
        };
        self.blocks(element, &mut unit.blocks);
        unit
    }

    fn blocks(&mut self, parent: &Element, blocks: &mut Vec<Block>) {
        let mut points = Vec::new();
        for element in parent.elements() {
            match element.name.as_str() {
                "num" | "heading" => {}
                "point" | "alinea" | "subparagraph" | "paragraph" => {
                    points.push(self.unit(element))
                }
                "p" => {
                    flush(&mut points, blocks);
                    blocks.push(Block::P(self.inlines(&element.children)));
                }
                _ => {
                    flush(&mut points, blocks);
                    self.blocks(element, blocks);
                }
            }
        }
        flush(&mut points, blocks);
    }

    fn paragraphs(&mut self, parent: &Element) -> Vec<Vec<Inline>> {
        parent
            .elements()
            .map(|element| self.inlines(&element.children))
            .collect()
    }

    fn inlines(&mut self, nodes: &[Node]) -> Vec<Inline> {
        let mut out = Vec::with_capacity(nodes.len());
        for node in nodes {
            match node {
                Node::Text(text) => out.push(Inline::Text(text.clone())),
                Node::Element(element) => out.push(self.inline(element)),
            }
        }
        out
    }

    fn inline(&mut self, element: &Element) -> Inline {
        match element.name.as_str() {
            "eol" | "br" => Inline::Eol,
            "authorialNote" | "note" => {
                let eid = element.attr("eId").unwrap_or_default().to_string();
                let marker = element.attr("marker").unwrap_or("*").to_string();
                let content = element
                    .elements()
                    .map(|p| self.inlines(&p.children))
                    .collect();
                self.footnotes.push(Footnote {
                    eid: eid.clone(),
                    marker: marker.clone(),
                    content,
                });
                Inline::NoteRef {
                    marker,
                    target: eid,
                }
            }
            "noteRef" => Inline::NoteRef {
                marker: element.attr("marker").unwrap_or("*").to_string(),
                target: element
                    .attr("href")
                    .unwrap_or_default()
                    .trim_start_matches('#')
                    .to_string(),
            },
            _ => Inline::Mark {
                name: element.name.clone(),
                attrs: element.attrs.clone(),
                children: self.inlines(&element.children),
            },
        }
    }
}

fn flush(points: &mut Vec<Unit>, blocks: &mut Vec<Block>) {
    if !points.is_empty() {
        blocks.push(Block::Points(std::mem::take(points)));
    }
}

/// The plain text of inlines (footnote calls left out).
pub fn plain(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain(inlines, &mut out);
    out
}

/// Appends the plain text of inlines to `out`.
pub fn push_plain(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => out.push_str(text),
            Inline::Eol => out.push(' '),
            Inline::NoteRef { .. } => {}
            Inline::Mark { children, .. } => push_plain(children, out),
        }
    }
}

impl Unit {
    /// The unit's text without its number, points with their numbers,
    /// whitespace collapsed.
    pub fn text(&self) -> String {
        let mut raw = String::new();
        self.push_blocks(&mut raw);
        collapse(&raw)
    }

    fn push_blocks(&self, out: &mut String) {
        for block in &self.blocks {
            match block {
                Block::P(inlines) => {
                    push_plain(inlines, out);
                    out.push(' ');
                }
                Block::Points(points) => {
                    for point in points {
                        if let Some(num) = &point.num {
                            out.push_str(num);
                            out.push(' ');
                        }
                        point.push_blocks(out);
                    }
                }
            }
        }
    }
}

pub use crate::clean::collapse;

impl Part {
    /// The operative paragraphs in order, through divisions.
    pub fn paragraphs(&self) -> Vec<&Unit> {
        fn walk<'a>(items: &'a [BodyItem], out: &mut Vec<&'a Unit>) {
            for item in items {
                match item {
                    BodyItem::Paragraph(unit) => out.push(unit),
                    BodyItem::Division(division) => walk(&division.items, out),
                    BodyItem::P(_) => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.body, &mut out);
        out
    }
}

/// What a document holds, counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Counts {
    /// Preambular paragraphs (the formula not counted).
    pub preamble: usize,
    /// Operative paragraphs.
    pub operative: usize,
    /// Points in operative paragraphs.
    pub points: usize,
    /// Footnotes.
    pub footnotes: usize,
    /// References (`ref` elements).
    pub references: usize,
    /// Dates.
    pub dates: usize,
    /// Annexes.
    pub annexes: usize,
}

impl Document {
    /// Counts of the document's parts and marks.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts {
            footnotes: self.footnotes.len(),
            annexes: self.annexes.len(),
            ..Counts::default()
        };
        let mut marks =
            |inlines: &[Inline]| count_marks(inlines, &mut counts.references, &mut counts.dates);
        let parts = std::iter::once(&self.main).chain(self.annexes.iter().map(|a| &a.part));
        let mut units: Vec<&Unit> = Vec::new();
        let (mut preamble, mut operative) = (0, 0);
        for part in parts {
            preamble += part
                .preamble
                .iter()
                .filter(|u| u.element == "container")
                .count();
            let paragraphs = part.paragraphs();
            operative += paragraphs.len();
            units.extend(part.preamble.iter());
            units.extend(paragraphs);
        }
        let mut points = 0;
        for unit in units {
            visit_unit(unit, &mut |inlines| marks(inlines), &mut points);
        }
        for note in &self.footnotes {
            for p in &note.content {
                marks(p);
            }
        }
        counts.preamble = preamble;
        counts.operative = operative;
        counts.points = points;
        counts
    }
}

fn visit_unit(unit: &Unit, visit: &mut dyn FnMut(&[Inline]), points: &mut usize) {
    for block in &unit.blocks {
        match block {
            Block::P(inlines) => visit(inlines),
            Block::Points(list) => {
                for point in list {
                    *points += 1;
                    visit_unit(point, visit, points);
                }
            }
        }
    }
}

fn count_marks(inlines: &[Inline], references: &mut usize, dates: &mut usize) {
    for inline in inlines {
        if let Inline::Mark { name, children, .. } = inline {
            match name.as_str() {
                "ref" => *references += 1,
                "date" | "docDate" => *dates += 1,
                _ => {}
            }
            count_marks(children, references, dates);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_an_example() {
        let input = include_str!("../../examples/A_HRC_RES_49_34.md");
        let conversion = crate::convert(input, &crate::Options::default()).unwrap();
        let doc = read(&conversion.xml).unwrap();
        assert_eq!(doc.identity.symbol.as_deref(), Some("A/HRC/RES/49/34"));
        assert_eq!(doc.identity.number.as_deref(), Some("49/34"));
        assert_eq!(doc.main.preamble.len(), 25);
        assert_eq!(doc.main.paragraphs().len(), 36);
        assert_eq!(doc.footnotes.len(), 4);
        assert_eq!(doc.vote.as_ref().unwrap().outcome, "Adopted without a vote");
        let counts = doc.counts();
        assert_eq!(
            (counts.preamble, counts.operative, counts.footnotes),
            (24, 36, 4)
        );
        assert_eq!(
            doc.main.paragraphs()[35].text(),
            "Decides to remain seized of this matter."
        );
        assert!(read("<html/>").is_err());
    }
}
