//! Footnotes: the footnote texts the cleaner set apart, parsed as running
//! text, and the check that every note is called (an uncalled note is
//! attached at the end of the document, with a warning). Takes the cleaned
//! footnotes, gives [`Footnote`]s.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{block_text, DocumentParser};
use crate::clean::CleanText;
use crate::error::Position;
use crate::model::{Footnote, Inline, List, Paragraph, Parts, Provision};

impl DocumentParser {
    pub(super) fn footnotes(&mut self, clean: &CleanText<'_>) {
        let mut seen = FxHashSet::default();
        for footnote in &clean.footnotes {
            let content =
                self.running_text(&block_text(&footnote.lines), footnote.lines[0].position());
            if !seen.insert(footnote.marker.as_str()) {
                self.warn(
                    footnote.lines[0].position(),
                    format!("a second footnote with marker {}", footnote.marker),
                );
            }
            self.footnotes.push(Footnote {
                marker: footnote.marker.clone(),
                content,
                line: footnote.lines[0].number,
            });
        }
    }

    /// A footnote nobody calls is still text: attach it at the end of the
    /// document (`parts`), with a warning.
    pub(super) fn attach_uncalled_footnotes(&mut self, parts: &mut Parts) {
        let mut called = FxHashMap::default();
        for block in &self.cover {
            collect_calls(block, &mut called);
        }
        // Notes called from other notes are called too.
        for note in &self.footnotes {
            collect_calls(&note.content, &mut called);
        }
        collect_part_calls(parts, &mut called);
        for annex in &self.annexes {
            collect_part_calls(annex, &mut called);
        }
        // Each call places one note of its marker (the writer takes them in
        // order); notes beyond the calls of their marker are uncalled.
        let mut uncalled: Vec<(String, usize)> = Vec::new();
        let mut notes_seen: FxHashMap<&str, usize> = FxHashMap::default();
        for note in &self.footnotes {
            let seen = notes_seen.entry(note.marker.as_str()).or_insert(0);
            *seen += 1;
            if *seen > called.get(&note.marker).copied().unwrap_or(0) {
                uncalled.push((note.marker.clone(), note.line));
            }
        }
        for (marker, line) in uncalled {
            self.warn(
                Position { line, column: 1 },
                format!("footnote {marker} is not called in the text; attached at the end of the document"),
            );
            let call = Inline::NoteCall { marker };
            match parts.conclusions.last_mut() {
                Some(last) => last.push(call),
                None => parts.conclusions.push(vec![call]),
            }
        }
    }
}

pub(super) fn collect_calls(content: &[Inline], out: &mut FxHashMap<String, usize>) {
    for inline in content {
        match inline {
            Inline::NoteCall { marker } => *out.entry(marker.clone()).or_insert(0) += 1,
            Inline::Mod { content, quoted } => {
                collect_calls(content, out);
                for block in quoted {
                    collect_calls(block, out);
                }
            }
            Inline::Italic(c)
            | Inline::Bold(c)
            | Inline::DocTitle(c)
            | Inline::DocType(c)
            | Inline::Ref { content: c, .. }
            | Inline::LanguageOfExpression(c)
            | Inline::OriginalLanguage(c)
            | Inline::SessionDates(c)
            | Inline::Committee(c)
            | Inline::AgendaItem { content: c, .. }
            | Inline::AgendaItemTitle(c)
            | Inline::OriginatingReport(c)
            | Inline::AdoptionType { content: c, .. } => collect_calls(c, out),
            _ => {}
        }
    }
}

/// The footnote calls of a document's or an annex's parts.
pub(super) fn collect_part_calls(parts: &Parts, out: &mut FxHashMap<String, usize>) {
    let Parts {
        preface,
        preamble,
        main_body,
        conclusions,
    } = parts;
    let blocks = preface
        .iter()
        .chain(&preamble.formula)
        .chain(preamble.containers.iter().map(|c| &c.content))
        .chain(conclusions);
    for block in blocks {
        collect_calls(block, out);
    }
    collect_provision_calls(main_body, out);
}

/// The calls in paragraphs, at any depth of divisions (not in headings).
fn collect_provision_calls(provisions: &[Provision], out: &mut FxHashMap<String, usize>) {
    for provision in provisions {
        match provision {
            Provision::Paragraph(paragraph) => collect_paragraph_calls(paragraph, out),
            Provision::Division(division) => collect_provision_calls(&division.provisions, out),
        }
    }
}

pub(super) fn collect_paragraph_calls(paragraph: &Paragraph, out: &mut FxHashMap<String, usize>) {
    collect_calls(&paragraph.content, out);
    if let Some(list) = &paragraph.list {
        collect_list_calls(list, out);
    }
}

pub(super) fn collect_list_calls(list: &List, out: &mut FxHashMap<String, usize>) {
    for point in &list.points {
        collect_calls(&point.content, out);
        if let Some(nested) = &point.list {
            collect_list_calls(nested, out);
        }
    }
    if let Some(wrap_up) = &list.wrap_up {
        collect_calls(wrap_up, out);
    }
}
