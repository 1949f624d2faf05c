//! Footnotes: the footnote texts the cleaner set apart, parsed as running
//! text, and the check that every note is called (an uncalled note is
//! attached at the end of the document, with a warning). Takes the cleaned
//! footnotes, gives [`Footnote`]s.

use std::collections::VecDeque;

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
    /// document (`parts`), with a warning. "Called" means reached, as the
    /// writer places notes: each call from the document places the next
    /// note of its marker, and so does each call inside a placed note (but a
    /// call of a note's own marker inside it places nothing). A note called
    /// only from itself, or only from notes that are never placed (notes
    /// calling each other in a cycle), is not reached, and is attached.
    pub(super) fn attach_uncalled_footnotes(&mut self, parts: &mut Parts) {
        let mut called = FxHashMap::default();
        for block in &self.cover {
            collect_calls(block, &mut called);
        }
        collect_part_calls(parts, &mut called);
        for annex in &self.annexes {
            collect_part_calls(annex, &mut called);
        }
        // The notes of each marker, in order; the writer takes them from the
        // front.
        let mut pending: FxHashMap<&str, VecDeque<usize>> = FxHashMap::default();
        for (index, note) in self.footnotes.iter().enumerate() {
            pending
                .entry(note.marker.as_str())
                .or_default()
                .push_back(index);
        }
        let mut reached = VecDeque::new();
        let mut markers: Vec<&String> = called.keys().collect();
        markers.sort();
        for marker in markers {
            if let Some(queue) = pending.get_mut(marker.as_str()) {
                let count = called[marker].min(queue.len());
                reached.extend(queue.drain(..count));
            }
        }
        let mut placed = vec![false; self.footnotes.len()];
        let mut attach = Vec::new();
        let mut next_unplaced = 0;
        loop {
            // Everything the reached notes call, in turn.
            while let Some(index) = reached.pop_front() {
                placed[index] = true;
                let note = &self.footnotes[index];
                let mut calls = FxHashMap::default();
                collect_calls(&note.content, &mut calls);
                for (marker, count) in calls {
                    if marker == note.marker {
                        continue;
                    }
                    if let Some(queue) = pending.get_mut(marker.as_str()) {
                        let count = count.min(queue.len());
                        reached.extend(queue.drain(..count));
                    }
                }
            }
            // The first note never reached is attached, which places it (it
            // is the first pending note of its marker, since notes are taken
            // in order); then what it calls.
            while next_unplaced < placed.len() && placed[next_unplaced] {
                next_unplaced += 1;
            }
            let Some(note) = self.footnotes.get(next_unplaced) else {
                break;
            };
            if let Some(index) = pending
                .get_mut(note.marker.as_str())
                .and_then(VecDeque::pop_front)
            {
                reached.push_back(index);
            }
            attach.push((note.marker.clone(), note.line));
            placed[next_unplaced] = true;
        }
        for (marker, line) in attach {
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
        opening,
        main_body,
        conclusions,
    } = parts;
    let blocks = preface
        .iter()
        .chain(&preamble.formula)
        .chain(preamble.containers.iter().map(|c| &c.content))
        .chain(opening)
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
            Provision::Division(division) => {
                for recital in &division.recitals {
                    collect_calls(&recital.content, out);
                }
                collect_provision_calls(&division.provisions, out)
            }
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
