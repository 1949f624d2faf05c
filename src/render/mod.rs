//! The review page: takes a [`view::Document`] (read from AKN XML) and the
//! conversion's warnings, gives one self-contained HTML page (inline CSS, no
//! script, no network: a Content-Security-Policy forbids any load) laid out
//! as the UN prints the resolution, with what the converter recognised
//! marked and every warning at its place ([`place`]).
//!
//! [`index`] gives the batch index page.

pub(crate) mod html;
pub mod index;
pub(crate) mod place;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::view::{self, Block, BodyItem, Document, Inline, Part, Unit};
use crate::Warning;
use html::{attr, text};

/// The stylesheet of every page.
pub const STYLE: &str = include_str!("style.css");

/// The head of a page: doctype, charset, CSP, title and stylesheet, and the
/// opening `<body>`. `script` allows inline scripts (the batch index only).
pub fn head(out: &mut String, title: &str, script: bool) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    if script {
        out.push_str("; script-src 'unsafe-inline'");
    }
    out.push_str("\">\n<meta name=\"generator\" content=\"un2akn\">\n<title>");
    text(out, title);
    out.push_str("</title>\n<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
}

/// What the page says about where the document came from.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The input's name (a path), shown in the summary.
    pub name: &'a str,
    /// The input text, to place warnings; `None` for an AKN file.
    pub input: Option<&'a str>,
    /// The conversion's warnings.
    pub warnings: &'a [Warning],
}

/// State while a page is written.
struct Page<'a> {
    out: String,
    seen: FxHashSet<String>,
    /// Warnings by anchor key: (number from 1, warning).
    placed: FxHashMap<String, Vec<(usize, &'a Warning)>>,
}

/// The review page of `doc`.
pub fn page(doc: &Document, source: &Source<'_>) -> String {
    let keys = match source.input {
        Some(input) => place::place(&place::anchors(doc), input, source.warnings),
        None => vec![None; source.warnings.len()],
    };
    let mut placed: FxHashMap<String, Vec<(usize, &Warning)>> = FxHashMap::default();
    let mut unplaced = Vec::new();
    for (n, (warning, key)) in source.warnings.iter().zip(&keys).enumerate() {
        match key {
            Some(key) => placed
                .entry(key.clone())
                .or_default()
                .push((n + 1, warning)),
            None => unplaced.push((n + 1, warning)),
        }
    }
    let mut page = Page {
        out: String::with_capacity(64 * 1024),
        seen: FxHashSet::default(),
        placed,
    };
    let title = doc
        .identity
        .symbol
        .clone()
        .or_else(|| doc.identity.number.clone())
        .unwrap_or_else(|| source.name.to_string());
    head(&mut page.out, &format!("{title} — un2akn review"), false);
    page.out.push_str(
        "<a class=\"skip\" href=\"#text\">Skip to the text</a>\n<div class=\"layout\">\n",
    );
    page.summary(doc, source, &keys, &unplaced);
    page.document(doc);
    page.out.push_str("</div>\n</body>\n</html>\n");
    page.out
}

impl Page<'_> {
    fn summary(
        &mut self,
        doc: &Document,
        source: &Source<'_>,
        keys: &[Option<String>],
        unplaced: &[(usize, &Warning)],
    ) {
        let out = &mut self.out;
        out.push_str("<aside class=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Review summary</h2>\n<dl>");
        let id = &doc.identity;
        let rows: [(&str, Option<&str>); 8] = [
            ("Input", Some(source.name)),
            ("Symbol", id.symbol.as_deref()),
            ("Number", id.number.as_deref()),
            ("Kind", Some(id.kind.as_str())),
            ("Adopted", id.date.as_deref()),
            ("Author", id.author.as_deref()),
            ("Work", Some(id.work.as_str())),
            ("Expression", Some(id.expression.as_str())),
        ];
        for (label, value) in rows
            .iter()
            .chain([("Manifestation", Some(id.manifestation.as_str()))].iter())
        {
            if let Some(value) = value.filter(|v| !v.is_empty()) {
                out.push_str("<dt>");
                out.push_str(label);
                out.push_str("</dt><dd>");
                text(out, value);
                out.push_str("</dd>");
            }
        }
        out.push_str("</dl>\n<h3>Counts</h3>\n<dl class=\"counts\">");
        let counts = doc.counts();
        for (label, value) in [
            ("Preambular paragraphs", counts.preamble),
            ("Operative paragraphs", counts.operative),
            ("Points", counts.points),
            ("Footnotes", counts.footnotes),
            ("References", counts.references),
            ("Dates", counts.dates),
            ("Annexes", counts.annexes),
            ("Warnings", source.warnings.len()),
        ] {
            out.push_str(&format!(
                "<dt>{label}</dt><dd data-count=\"{}\">{value}</dd>",
                html::id(label)
            ));
        }
        out.push_str("</dl>\n");
        if let Some(vote) = &doc.vote {
            out.push_str("<h3>Vote</h3>\n<p class=\"vote-summary\">");
            vote_text(out, vote);
            out.push_str("</p>\n");
        }
        out.push_str(&format!(
            "<h3 id=\"warnings-h\">Warnings ({})</h3>\n",
            source.warnings.len()
        ));
        if source.warnings.is_empty() {
            out.push_str("<p>None: everything was recognised.</p>\n");
        } else {
            out.push_str("<ol class=\"warnings\">\n");
            for (n, (warning, key)) in source.warnings.iter().zip(keys).enumerate() {
                out.push_str("<li>");
                match key {
                    Some(_) => out.push_str(&format!("<a href=\"#w-{}\">", n + 1)),
                    None => out.push_str(&format!("<a href=\"#w-{}\">", n + 1)),
                }
                out.push_str(&format!(
                    "line {}:{}</a> ",
                    warning.position.line, warning.position.column
                ));
                text(out, &warning.message);
                if key.is_none() {
                    out.push_str(" <em>(document-level)</em>");
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ol>\n");
        }
        if !unplaced.is_empty() {
            out.push_str("<h3>Document-level warnings</h3>\n");
            for (n, warning) in unplaced {
                warning_note(out, *n, warning);
            }
        }
        out.push_str("<p class=\"legend\">Marked: <a class=\"ref\" href=\"#text\">reference</a> <time class=\"date\">date</time> <span class=\"body\">body</span> <span class=\"state\">State</span></p>\n");
        out.push_str("</aside>\n");
    }

    fn document(&mut self, doc: &Document) {
        self.out.push_str("<main class=\"doc\" id=\"text\">\n");
        if !doc.cover.is_empty() {
            self.out.push_str("<header class=\"masthead\">\n");
            for (n, line) in doc.cover.iter().enumerate() {
                self.line("p", "", line, &format!("cover:{n}"));
            }
            self.out.push_str("</header>\n");
        }
        self.part(&doc.main, "", true);
        if let Some(vote) = &doc.vote {
            self.out
                .push_str("<p class=\"vote\" id=\"vote\"><strong>Vote:</strong> ");
            vote_text(&mut self.out, vote);
            self.out.push_str("</p>\n");
        }
        if !doc.footnotes.is_empty() {
            self.out.push_str("<section class=\"footnotes\" aria-labelledby=\"notes-h\">\n<h2 id=\"notes-h\">Notes</h2>\n<ol>\n");
            for note in &doc.footnotes {
                let fid = html::id(&note.eid);
                let key = format!("fn:{}", note.eid);
                self.out.push_str("<li");
                attr(&mut self.out, "id", &format!("fn-{fid}"));
                self.class_if_warned(&key, "");
                self.out.push_str("><sup>");
                text(&mut self.out, &note.marker);
                self.out.push_str("</sup> ");
                for p in &note.content {
                    html::inlines(&mut self.out, p, &mut self.seen);
                    self.out.push(' ');
                }
                if self.seen.contains(&fid) {
                    self.out.push_str("<a class=\"back\"");
                    attr(&mut self.out, "href", &format!("#ref-{fid}"));
                    self.out.push_str(" aria-label=\"back to the text\">↩</a>");
                }
                self.warnings_at(&key);
                self.out.push_str("</li>\n");
            }
            self.out.push_str("</ol>\n</section>\n");
        }
        for (n, annex) in doc.annexes.iter().enumerate() {
            self.out.push_str("<section class=\"annex\"");
            attr(&mut self.out, "id", &html::id(&annex.eid));
            self.out.push_str(&format!("><h2>Annex {}</h2>\n", n + 1));
            self.part(&annex.part, &format!("{}/", annex.eid), false);
            self.out.push_str("</section>\n");
        }
        self.out.push_str("</main>\n");
    }

    fn part(&mut self, part: &Part, prefix: &str, main: bool) {
        for (n, line) in part.preface.iter().enumerate() {
            let tag = if main && n == 0 { "h1" } else { "p" };
            self.line(tag, "title", line, &format!("{prefix}preface:{n}"));
        }
        if !part.preamble.is_empty() {
            self.out
                .push_str("<section class=\"preamble\" aria-label=\"Preamble\">\n");
            for unit in &part.preamble {
                let class = match unit.element.as_str() {
                    "formula" => "formula",
                    "p" => "separator",
                    _ => "pp",
                };
                self.out.push_str("<div");
                attr(&mut self.out, "class", class);
                if !unit.eid.is_empty() {
                    attr(&mut self.out, "id", &html::id(&unit.eid));
                }
                self.class_if_warned(&unit.eid.clone(), "");
                if let Some(name) = &unit.name {
                    attr(&mut self.out, "data-lead", name);
                }
                self.out.push('>');
                self.blocks(&unit.blocks);
                self.warnings_at(&unit.eid);
                self.out.push_str("</div>\n");
            }
            self.out.push_str("</section>\n");
        }
        self.out
            .push_str("<section class=\"operative\" aria-label=\"Operative part\">\n");
        self.body(&part.body);
        self.out.push_str("</section>\n");
        if !part.conclusions.is_empty() {
            self.out.push_str("<footer class=\"adoption\">\n");
            for (n, line) in part.conclusions.iter().enumerate() {
                self.line("p", "", line, &format!("{prefix}conclusions:{n}"));
            }
            self.out.push_str("</footer>\n");
        }
    }

    fn body(&mut self, items: &[BodyItem]) {
        for item in items {
            match item {
                BodyItem::Paragraph(unit) => self.operative(unit),
                BodyItem::P(inlines) => self.line("p", "", inlines, ""),
                BodyItem::Division(division) => {
                    self.out.push_str("<section class=\"division\"");
                    attr(&mut self.out, "id", &html::id(&division.eid));
                    self.out.push_str(">\n<h2 class=\"division\">");
                    if let Some(num) = &division.num {
                        text(&mut self.out, num);
                        self.out.push(' ');
                    }
                    html::inlines(&mut self.out, &division.heading, &mut self.seen);
                    self.out.push_str("</h2>\n");
                    self.body(&division.items);
                    self.out.push_str("</section>\n");
                }
            }
        }
    }

    fn operative(&mut self, unit: &Unit) {
        self.out.push_str("<div class=\"op\"");
        attr(&mut self.out, "id", &html::id(&unit.eid));
        self.class_if_warned(&unit.eid, "");
        self.out.push_str("><span class=\"num\">");
        text(&mut self.out, unit.num.as_deref().unwrap_or_default());
        self.out.push_str("</span><div class=\"text\">");
        self.blocks(&unit.blocks);
        self.warnings_at(&unit.eid);
        self.out.push_str("</div></div>\n");
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::P(inlines) => {
                    self.out.push_str("<p>");
                    html::inlines(&mut self.out, inlines, &mut self.seen);
                    self.out.push_str("</p>");
                }
                Block::Points(points) => {
                    self.out.push_str("<ol class=\"points\">");
                    for point in points {
                        self.out.push_str("<li");
                        attr(&mut self.out, "id", &html::id(&point.eid));
                        self.out.push_str("><span class=\"num\">");
                        text(&mut self.out, point.num.as_deref().unwrap_or_default());
                        self.out.push_str("</span><div>");
                        self.blocks(&point.blocks);
                        self.out.push_str("</div></li>");
                    }
                    self.out.push_str("</ol>");
                }
            }
        }
    }

    /// A line (cover, preface, conclusions) with the warnings placed on it.
    fn line(&mut self, tag: &str, class: &str, inlines: &[Inline], key: &str) {
        self.out.push('<');
        self.out.push_str(tag);
        self.class_if_warned(key, class);
        self.out.push('>');
        html::inlines(&mut self.out, inlines, &mut self.seen);
        self.warnings_at(key);
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push_str(">\n");
    }

    fn class_if_warned(&mut self, key: &str, class: &str) {
        let warned = self.placed.contains_key(key);
        let class = match (class.is_empty(), warned) {
            (_, true) if class.is_empty() => "warned".to_string(),
            (_, true) => format!("{class} warned"),
            (true, false) => return,
            (false, false) => class.to_string(),
        };
        attr(&mut self.out, "class", &class);
    }

    fn warnings_at(&mut self, key: &str) {
        if let Some(list) = self.placed.remove(key) {
            for (n, warning) in list {
                warning_note(&mut self.out, n, warning);
            }
        }
    }
}

/// The vote as a phrase: outcome, and counts if recorded.
fn vote_text(out: &mut String, vote: &view::Vote) {
    text(out, &vote.outcome);
    if !vote.counts.is_empty() {
        out.push_str(": ");
        for (n, (label, value)) in vote.counts.iter().enumerate() {
            if n > 0 {
                out.push_str(", ");
            }
            text(out, label);
            out.push(' ');
            text(out, value);
        }
    }
}

/// A warning's note at its place, with its number, input position and
/// message.
fn warning_note(out: &mut String, n: usize, warning: &Warning) {
    out.push_str(&format!(
        "<span class=\"warning\" id=\"w-{n}\" role=\"note\"><span class=\"where\">⚠ Warning {n}, input line {}:{}:</span> ",
        warning.position.line, warning.position.column
    ));
    text(out, &warning.message);
    out.push_str("</span>");
}

/// Converts `input` and renders its review page (the input name shown as
/// `name`); also gives the conversion, whose XML the page was read from.
///
/// # Errors
/// The conversion's error, or the reader's message if the XML could not be
/// read back (which would be a bug).
pub fn render_input(
    name: &str,
    input: &[u8],
    options: &crate::Options,
) -> Result<(String, crate::Conversion), String> {
    let conversion = crate::convert_bytes(input, options).map_err(|e| e.to_string())?;
    let doc = view::read(&conversion.xml)?;
    let text = String::from_utf8_lossy(input);
    let source = Source {
        name,
        input: Some(&text),
        warnings: &conversion.warnings,
    };
    Ok((page(&doc, &source), conversion))
}

/// Validates AKN XML against the bundled schema and renders its review page.
///
/// # Errors
/// The schema's or the reader's message.
pub fn render_xml(
    name: &str,
    xml: &str,
    engine: crate::validate::Engine,
) -> Result<String, String> {
    crate::validate::validate_with(xml, engine).map_err(|e| e.to_string())?;
    let doc = view::read(xml)?;
    Ok(page(
        &doc,
        &Source {
            name,
            input: None,
            warnings: &[],
        },
    ))
}

/// Whether a file name or its text looks like AKN XML rather than an input.
pub fn is_akn(name: &str, bytes: &[u8]) -> bool {
    name.ends_with(".xml") || {
        let start = &bytes[..bytes.len().min(512)];
        let start = String::from_utf8_lossy(start);
        let start = start.trim_start_matches('\u{feff}').trim_start();
        start.starts_with("<?xml") || start.starts_with("<akomaNtoso")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_escaped_and_links_are_checked() {
        let xml = r#"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution"><preamble><container eId="c_1"><p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; "q" <ref href="javascript:alert(1)">bad</ref> <ref href="https://undocs.org/A/1">good</ref></p></container></preamble><mainBody><paragraph eId="para_1"><num>1.</num><content><p>x</p></content></paragraph></mainBody></statement></akomaNtoso>"#;
        let doc = view::read(xml).unwrap();
        let html = page(
            &doc,
            &Source {
                name: "<b>n</b>",
                input: None,
                warnings: &[],
            },
        );
        assert!(!html.contains("<script>"));
        assert!(!html.contains("<b>n"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;"));
        assert!(!html.contains("href=\"javascript"));
        assert!(html.contains("href=\"https://undocs.org/A/1\""));
    }
}
