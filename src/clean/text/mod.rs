//! Stage 1 for text extracted from the official PDFs (or OCR).
//!
//! Takes the raw text and returns the same [`CleanText`] as markdown does:
//!
//! - page furniture out, each piece reported: job numbers ("25-15106 (E)",
//!   the first kept for `<meta>`), barcodes ("*2515106*"), page counters
//!   ("2/6"), the document symbol and short title repeated at the top of each
//!   page, the `_____` rule above the footnotes, form feeds;
//! - footnote texts lifted from the page bottoms (markers `1`, `*`, `**`,
//!   `1/`, `[1]`), and footnotes continued on the next page joined;
//! - footnote calls found in the running text even when glued to a word or
//!   to punctuation ("Nations1", "Rights, 1", "2025,3"): the n-th note's call
//!   is searched on the note's own page, after the previous call, and numbers
//!   that are part of the text (years, "resolution 169 (II)", "paragraph 2")
//!   are not taken for calls;
//! - hard-wrapped lines kept as lines of a block (the grammar joins them with
//!   spaces); a word hyphenated across a line break is glued back, dropping
//!   the hyphen only where it is a line-break artefact;
//! - the text escaped into inline markdown (`*`, `_`, `[`, `<`, `\` and a
//!   leading `#` get a backslash) with calls as `<sup>1</sup>`, so that the
//!   grammar reads markdown and text with the same parsers.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::{hyphen, stitch, Block, CleanText, FootnoteText, Furniture, FurnitureKind, Line};
use crate::error::Position;

mod calls;
mod furniture;
mod notes;

use self::calls::{find_calls, find_in_line, splits_word};
use self::furniture::{classify, mark_running_titles};
use self::notes::{assign_pages, final_notes, footnote_areas};

/// What a raw line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    Furniture(FurnitureKind),
    /// A line of a footnote area (after a `_____` rule).
    Note,
    Text,
}

#[derive(Debug)]
struct Raw<'a> {
    number: usize,
    column: usize,
    text: &'a str,
    kind: Kind,
    page: usize,
}

/// A footnote marker style.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Marker {
    Number(String),
    Stars(usize),
    Slash(String),
    Bracket(String),
    Letter(char),
}

impl Marker {
    /// The marker as written in the model: `1`, `*`, `1/`, `a`.
    fn label(&self) -> String {
        match self {
            Marker::Number(n) | Marker::Bracket(n) => n.clone(),
            Marker::Stars(k) => "*".repeat(*k),
            Marker::Slash(n) => format!("{n}/"),
            Marker::Letter(c) => c.to_string(),
        }
    }
}

/// Cleans PDF-extracted text.
/// `first_line` is the number of lines before `input` in the file (front
/// matter), so that positions stay right.
pub fn clean_text(input: &str, first_line: usize) -> CleanText<'_> {
    let mut out = CleanText::default();
    let mut raws = split_lines(input, first_line);
    classify(&mut raws);
    mark_running_titles(&mut raws, &mut out.warnings);
    let mut notes = footnote_areas(&mut raws, &mut out.warnings);
    let last_notes = final_notes(&mut raws, &notes);
    notes.extend(last_notes);
    assign_pages(&mut raws);

    for raw in &raws {
        if let Kind::Furniture(kind) = raw.kind {
            out.furniture.push(Furniture {
                kind,
                position: Position {
                    line: raw.number,
                    column: raw.column,
                },
                text: raw.text.to_string(),
            });
        }
    }

    // Footnotes, with the page their text is on.
    let mut footnotes: Vec<(Marker, usize, Vec<usize>)> = Vec::new();
    for (marker, lines) in notes {
        let page = raws[lines[0]].page;
        footnotes.push((marker, page, lines));
    }

    let calls = find_calls(&raws, &footnotes);

    // Blocks of running text; in a text whose paragraphs are not wrapped,
    // each line is one.
    let unwrapped = is_unwrapped(&raws);
    let mut interrupted = false;
    let mut current: Vec<usize> = Vec::new();
    let mut blocks: Vec<(Vec<usize>, bool)> = Vec::new();
    for (index, raw) in raws.iter().enumerate() {
        match raw.kind {
            Kind::Text if unwrapped && !current.is_empty() => {
                blocks.push((std::mem::take(&mut current), interrupted));
                interrupted = false;
                current.push(index);
            }
            Kind::Text => current.push(index),
            Kind::Blank => {
                if !current.is_empty() {
                    blocks.push((std::mem::take(&mut current), interrupted));
                    interrupted = false;
                }
            }
            Kind::Furniture(_) | Kind::Note => {
                if !current.is_empty() {
                    blocks.push((std::mem::take(&mut current), interrupted));
                }
                interrupted = true;
            }
        }
    }
    if !current.is_empty() {
        blocks.push((current, interrupted));
    }

    let mut calls_by_line: FxHashMap<usize, Vec<(usize, usize, String)>> = FxHashMap::default();
    for call in calls {
        calls_by_line
            .entry(call.line)
            .or_default()
            .push((call.start, call.end, call.label));
    }
    let hyphens = hyphen_decisions(&raws);
    let keep_hyphen = |line: &Line<'_>, _: &str| hyphens.get(&line.number).copied().unwrap_or(true);
    let (width, text_lines) = line_width(&raws);
    out.line_width = width;
    let full_line = if unwrapped || !super::is_line_width(out.line_width, text_lines) {
        0
    } else {
        out.line_width
    };
    for (indices, interrupted) in blocks {
        let lines = build_lines(&raws, &indices, &calls_by_line, &hyphens);
        stitch(
            &mut out,
            Block { lines },
            interrupted,
            full_line,
            &keep_hyphen,
        );
    }
    for (marker, _, lines) in footnotes {
        let built = build_lines(&raws, &lines, &FxHashMap::default(), &hyphens);
        let mut built = built.into_iter();
        let Some(first) = built.next() else { continue };
        // The first line holds the marker: drop it.
        let first = strip_marker(first, &marker);
        let mut all = vec![first];
        all.extend(built);
        out.footnotes.push(FootnoteText {
            marker: marker.label(),
            lines: all,
        });
    }
    out
}

/// The width of a full printed line, in [`super::columns`]: the longest
/// but one in ten of the text lines (0 where there are none), and how many
/// text lines there are. Measured on at most 512 lines spread evenly over
/// the text, which tell the width as well as all of them.
fn line_width(raws: &[Raw<'_>]) -> (usize, usize) {
    let lines = raws.iter().filter(|raw| raw.kind == Kind::Text).count();
    let step = lines.div_ceil(512).max(1);
    let mut widths: Vec<usize> = raws
        .iter()
        .filter(|raw| raw.kind == Kind::Text)
        .step_by(step)
        .map(|raw| super::columns(raw.text))
        .collect();
    if widths.is_empty() {
        return (0, 0);
    }
    let at = widths.len() * 9 / 10;
    (*widths.select_nth_unstable(at).1, lines)
}

/// Whether the text's paragraphs are each on one line, not wrapped at a
/// page's width, with no blank lines between them (text made from a file
/// rather than from printed pages): then each line is a block. It takes
/// two lines wider than a printed one (an English page line holds about 90
/// characters, a Chinese one 40 to 46 of two columns each, so 50 are
/// wider), and lines that mostly close a clause, as paragraphs do: lines
/// that stop anywhere were wrapped, if at a wider width. A text with blank
/// lines keeps its blocks: old typed texts mix wrapped and unwrapped lines.
fn is_unwrapped(raws: &[Raw<'_>]) -> bool {
    // Blank lines between text lines, not those at the end: counted first,
    // since almost every text has them and needs no look at its lines.
    let last_text = raws.iter().rposition(|raw| raw.kind == Kind::Text);
    let raws = &raws[..last_text.map_or(0, |last| last + 1)];
    let first_text = raws.iter().position(|raw| raw.kind == Kind::Text);
    let inner = &raws[first_text.unwrap_or(0)..];
    let text = inner.iter().filter(|raw| raw.kind == Kind::Text).count();
    let blank = inner.iter().filter(|raw| raw.kind == Kind::Blank).count();
    if blank * 20 >= text {
        return false;
    }
    let mut wide_lines = 0usize;
    // Lines of some length, and those of them that close a clause.
    let (mut long, mut closed) = (0usize, 0usize);
    for raw in inner.iter().filter(|raw| raw.kind == Kind::Text) {
        let (mut chars, mut wide) = (0usize, 0usize);
        for c in raw.text.chars() {
            chars += 1;
            wide += usize::from(super::is_wide(c));
        }
        let page_width = if wide * 2 >= chars { 100 } else { 120 };
        if chars + wide > page_width {
            wide_lines += 1;
        }
        if chars + wide > 40 {
            long += 1;
            let end = raw.text.trim_end_matches(|c: char| c.is_ascii_digit());
            closed += usize::from(end.ends_with(CLAUSE_ENDS));
        }
    }
    // A short text whose lines fit a page may still be unwrapped: its
    // lines end where its clauses do, as printed lines seldom do. Lines
    // wider than a page that mostly stop anywhere were wrapped at a wider
    // width (zh S/RES/2763 at 100 columns, 50 characters a line).
    let clause_lines = long >= 3 && closed * 10 >= long * 8;
    (wide_lines >= 2 && closed * 2 >= long) || clause_lines
}

/// The punctuation that closes a clause, in the six languages.
const CLAUSE_ENDS: [char; 11] = [',', '.', ';', ':', '，', '。', '；', '：', '،', '؛', '”'];

fn split_lines(input: &str, first_line: usize) -> Vec<Raw<'_>> {
    let mut raws = Vec::new();
    for (index, raw) in input.split('\n').enumerate() {
        let number = first_line + index + 1;
        // Characters before the current piece, counted as we go.
        let mut chars_before = 0;
        for (piece_index, piece) in raw.split('\u{c}').enumerate() {
            if piece_index > 0 {
                raws.push(Raw {
                    number,
                    column: chars_before,
                    text: "\u{c}",
                    kind: Kind::Furniture(FurnitureKind::PageBreak),
                    page: 0,
                });
            }
            let trimmed = piece.trim();
            let lead = piece[..piece.len() - piece.trim_start().len()]
                .chars()
                .count();
            raws.push(Raw {
                number,
                column: chars_before + lead + 1,
                text: trimmed,
                kind: if trimmed.is_empty() {
                    Kind::Blank
                } else {
                    Kind::Text
                },
                page: 0,
            });
            chars_before += piece.chars().count() + 1;
        }
    }
    raws
}

fn escape_into(out: &mut String, text: &str, line_start: bool) {
    // A "[" starts markup only as a link "[…](…)".
    let link = text.contains("](");
    for (index, c) in text.char_indices() {
        let leading_hash = line_start && index == 0 && c == '#';
        if matches!(c, '\\' | '*' | '_' | '<') || (c == '[' && link) || leading_hash {
            out.push('\\');
        }
        out.push(c);
    }
}

fn needs_escape(text: &str) -> bool {
    text.contains(['\\', '*', '_', '<']) || text.contains("](") || text.starts_with('#')
}

/// For each line (by number) that ends with a hyphen after a letter and is
/// followed, in its kind of text, by a line starting with a lower-case
/// letter: whether the hyphen is part of the word ([`hyphen`]). The document
/// is asked only about the words the lexicon does not know; on a page the UN
/// typeset nothing is asked (a line without a decision keeps its hyphen).
fn hyphen_decisions(raws: &[Raw<'_>]) -> FxHashMap<usize, bool> {
    // The UN's job number or barcode on a page: its typesetting, which never
    // breaks a word at a line end, so every such hyphen is the word's, and
    // no decision (a line without one keeps its hyphen) is needed.
    let typeset = raws.iter().any(|r| {
        matches!(
            r.kind,
            Kind::Furniture(FurnitureKind::JobNumber | FurnitureKind::Barcode)
        )
    });
    if typeset {
        return FxHashMap::default();
    }
    let mut found: Vec<(usize, &str, &str)> = Vec::new();
    for (index, raw) in raws.iter().enumerate() {
        if !matches!(raw.kind, Kind::Text | Kind::Note) || !raw.text.ends_with('-') {
            continue;
        }
        let before = &raw.text[..raw.text.len() - 1];
        if !before.ends_with(char::is_alphabetic) {
            continue;
        }
        let Some(next) = raws[index + 1..]
            .iter()
            .find(|r| r.kind == raw.kind)
            .map(|r| r.text)
        else {
            continue;
        };
        if next.starts_with(char::is_lowercase) {
            found.push((
                raw.number,
                hyphen::word_before(before),
                hyphen::word_after(next),
            ));
        }
    }
    let unknown: Vec<(&str, &str)> = found
        .iter()
        .filter(|(_, left, right)| hyphen::verdict(left, right) == hyphen::Verdict::Unknown)
        .map(|&(_, left, right)| (left, right))
        .collect();
    let evidence = if unknown.is_empty() {
        hyphen::Evidence::default()
    } else {
        hyphen::Evidence::gather(
            &unknown,
            raws.iter()
                .filter(|r| matches!(r.kind, Kind::Text | Kind::Note))
                .map(|r| r.text),
        )
    };
    found
        .into_iter()
        .map(|(number, left, right)| (number, evidence.keep(left, right)))
        .collect()
}

/// Where footnote `number` is called in `text` (from byte `from`), by the
/// rules for plain figures in text extracted from a PDF ("Assembly,1",
/// "Secretary-General;5"): its byte range.
pub(super) fn plain_figure_call(text: &str, from: usize, number: &str) -> Option<(usize, usize)> {
    find_in_line(text, from, &Marker::Number(number.into()))
}

/// Whether a line starting with `next` follows a suspended hyphen
/// ("small-" ⏎ "and medium-sized"): it starts with a conjunction.
pub(crate) fn is_suspended(next: &str) -> bool {
    matches!(
        hyphen::word_after(next),
        "and" | "or" | "nor" | "to" | "and/or"
    )
}

/// Whether a line is a paragraph's number alone in the Arabic form without
/// its space ("12-"), which is no word broken at its hyphen.
fn is_number_and_dash(text: &str) -> bool {
    text.trim_matches(['\u{200e}', '\u{200f}', ' '])
        .strip_suffix('-')
        .is_some_and(|number| !number.is_empty() && number.chars().all(char::is_numeric))
}

fn build_lines<'a>(
    raws: &[Raw<'a>],
    indices: &[usize],
    calls: &FxHashMap<usize, Vec<(usize, usize, String)>>,
    hyphens: &FxHashMap<usize, bool>,
) -> Vec<Line<'a>> {
    let mut lines = Vec::with_capacity(indices.len());
    for (position, &index) in indices.iter().enumerate() {
        let raw = &raws[index];
        let mut text = raw.text;
        let mut glue = false;
        let next = indices.get(position + 1).map(|&n| raws[n].text);
        if let Some(next) = next {
            if text.ends_with('\u{2011}') || text.ends_with('\u{ad}') {
                glue = true;
                if text.ends_with('\u{ad}') {
                    text = &text[..text.len() - '\u{ad}'.len_utf8()];
                }
            } else if super::broken_word(text) && !is_number_and_dash(text) {
                // "burden-" ⏎ "and responsibility-sharing": a suspended
                // hyphen keeps its space. After a figure ("COVID-19-" ⏎
                // "related", "WT/MIN(15)/48-" ⏎ "WT/L/982") the hyphen is
                // never the line break's: the lines join and it stays (no
                // decision drops it).
                glue = !is_suspended(next);
                let continues_lower = next.starts_with(char::is_lowercase);
                if glue && continues_lower && hyphens.get(&raw.number) == Some(&false) {
                    text = &text[..text.len() - 1];
                }
            } else {
                // Chinese puts a space after a call ("…会议7 作出"), at a
                // line's end too.
                let ends_in_call = || {
                    calls.get(&index).is_some_and(|found| {
                        found.iter().any(|&(_, end, _)| {
                            text.get(end..).is_some_and(|t| t.trim().is_empty())
                        })
                    })
                };
                glue = super::joins_without_space(text, next) && !ends_in_call();
            }
        }
        let line_calls = calls.get(&index);
        let content: Cow<'a, str> = if line_calls.is_none() && !needs_escape(text) {
            Cow::Borrowed(text)
        } else {
            let mut owned = String::with_capacity(text.len() + 16);
            let mut at = 0;
            if let Some(line_calls) = line_calls {
                for (start, end, label) in line_calls {
                    if *start < at || *end > text.len() {
                        continue;
                    }
                    escape_into(&mut owned, &text[at..*start], at == 0);
                    owned.push_str("<sup>");
                    owned.push_str(label);
                    owned.push_str("</sup>");
                    // "Weapons6and the advisory opinion", "Rights,1as well":
                    // a call glued to the next word too stood before a
                    // space the print or the extraction lost. Not a call
                    // inside a word ("a 8 nd", "a10nd").
                    if text[*end..].starts_with(|c: char| c.is_alphabetic() && !super::is_wide(c))
                        && !splits_word(&text[..*start], &text[*end..])
                    {
                        owned.push(' ');
                    }
                    at = *end;
                }
            }
            escape_into(&mut owned, &text[at..], at == 0);
            Cow::Owned(owned)
        };
        // "neo- Nazism" inside a line: a compound the extraction broke.
        let content = match content
            .contains("- ")
            .then(|| hyphen::close_compounds(&content))
            .flatten()
        {
            Some(closed) => Cow::Owned(closed),
            None => content,
        };
        lines.push(Line {
            text: content,
            number: raw.number,
            column: raw.column,
            hard_break: false,
            glue,
        });
    }
    lines
}

/// Removes the footnote marker from a footnote's first line.
fn strip_marker<'a>(line: Line<'a>, marker: &Marker) -> Line<'a> {
    let printed = match marker {
        Marker::Number(n) => n.clone(),
        Marker::Stars(k) => "\\*".repeat(*k),
        Marker::Slash(n) => format!("{n}/"),
        Marker::Bracket(n) => format!("\\[{n}]"),
        Marker::Letter(c) => c.to_string(),
    };
    let text = match line.text {
        Cow::Borrowed(t) => {
            Cow::Borrowed(t.strip_prefix(printed.as_str()).unwrap_or(t).trim_start())
        }
        Cow::Owned(t) => Cow::Owned(
            t.strip_prefix(printed.as_str())
                .unwrap_or(&t)
                .trim_start()
                .to_string(),
        ),
    };
    let skipped = printed.chars().count() + 1;
    Line {
        text,
        column: line.column + skipped,
        ..line
    }
}

#[cfg(test)]
mod tests {
    use super::furniture::{is_barcode, is_job_number, is_page_counter, symbol_of_line};
    use super::*;

    const PAGES: &str = "United Nations \nA/RES/80/1 \n \nGeneral Assembly \nDistr.: General \n19 September 2025 \n25-15106 (E) \n*2515106* \n \n80/1. Participation by the State of Palestine \n \nThe General Assembly, \n \nExpressing concern regarding the Headquarters of the United Nations1 are prevented from \n \nRecalling article 18 of the Covenant, 2 \narticle 18 of the Declaration and the general debate of the \n_______________ \n \n1 See resolution 169 (II). \n2 Resolution 217 A (III), \ncontinued here. \n\nA/RES/80/1 \nParticipation by the State of Palestine\n \n25-15106\n2/2 \n \nAssembly at its eightieth session after peace-\nbuilding by its co-\nfacilitators;\n";

    fn texts(clean: &CleanText<'_>) -> Vec<String> {
        clean
            .blocks
            .iter()
            .map(|b| {
                let mut s = String::new();
                for line in &b.lines {
                    s.push_str(&line.text);
                    if !line.glue {
                        s.push(' ');
                    }
                }
                s.trim_end().to_string()
            })
            .collect()
    }

    /// Asserts that cleaning `text` gives a block that reads `block`.
    fn assert_has_block(text: &str, block: &str) {
        let blocks = texts(&clean_text(text, 0));
        assert!(blocks.iter().any(|b| b == block), "{blocks:#?}");
    }

    /// The blocks of [`PAGES`] with `foot` for the paragraph that ends its
    /// first page and `top` for the text that opens its second.
    fn across_a_page(foot: &str, top: &str) -> Vec<String> {
        let text = PAGES
            .replace(
                "Recalling article 18 of the Covenant, 2 \narticle 18 of the Declaration and the general debate of the \n",
                foot,
            )
            .replace(
                "Assembly at its eightieth session after peace-\nbuilding by its co-\nfacilitators;\n",
                top,
            );
        assert_ne!(text, PAGES);
        texts(&clean_text(&text, 0))
    }

    /// A General Assembly resolution's masthead as its PDF text reads, up
    /// to its formula: job number 24-27368 (E), issued 3 January 2025.
    fn masthead(symbol: &str, title: &str) -> String {
        format!("United Nations \n{symbol} \n \nGeneral Assembly \nDistr.: General \n3 January 2025 \n24-27368 (E) \n*2427368* \n \n{title} \n \nThe General Assembly,\n\n")
    }

    #[test]
    fn furniture_footnotes_calls_and_hyphens() {
        let clean = clean_text(PAGES, 0);
        let kinds: Vec<FurnitureKind> = clean.furniture.iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            [
                FurnitureKind::JobNumber,
                FurnitureKind::Barcode,
                FurnitureKind::FootnoteRule,
                FurnitureKind::RunningHeader,
                FurnitureKind::RunningTitle,
                FurnitureKind::JobNumber,
                FurnitureKind::PageCounter,
            ]
        );
        assert_eq!(clean.job_number(), Some("25-15106 (E)"));
        let blocks = texts(&clean);
        assert_eq!(blocks[0], "United Nations A/RES/80/1");
        assert!(blocks.contains(&"Expressing concern regarding the Headquarters of the United Nations<sup>1</sup> are prevented from".to_string()));
        // Split across the page break, stitched; on a page the UN typeset
        // (its job number) a line-end hyphen is the word's, even where the
        // lexicon knows the word whole ("peace-building").
        assert!(blocks.contains(&"Recalling article 18 of the Covenant, <sup>2</sup> article 18 of the Declaration and the general debate of the Assembly at its eightieth session after peace-building by its co-facilitators;".to_string()), "{blocks:#?}");
        assert_eq!(clean.footnotes.len(), 2);
        assert_eq!(clean.footnotes[0].marker, "1");
        assert_eq!(clean.footnotes[0].lines[0].text, "See resolution 169 (II).");
        assert_eq!(clean.footnotes[1].lines.len(), 2);
    }

    #[test]
    fn a_chinese_enumeration_goes_on_across_a_page() {
        // "…国际公约》、2" ⏎ (note, page) ⏎ "《经济社会文化权利国际公约》…": the
        // enumeration comma ends no paragraph, though the page top opens
        // with a title's bracket.
        let text = "联合国 \nA/RES/77/30 \n \n大会 \nDistr.: General \n8 December 2022 \n22-27000 (C) \n*2227000* \n \n77/30. 援助巴勒斯坦人民 \n \n大会， \n \n还回顾所有相关的国际法，特别是《公民及政治权利国际公约》、2 \n__________________ \n \n2  见第2200 A (XXI)号决议，附件。 \n\nA/RES/77/30\n援助巴勒斯坦人民\n \n22-27000\n2/2\n \n \n《经济社会文化权利国际公约》和《儿童权利公约》， \n";
        assert_has_block(
            text,
            "还回顾所有相关的国际法，特别是《公民及政治权利国际公约》、<sup>2</sup> 《经济社会文化权利国际公约》和《儿童权利公约》，",
        );
    }

    #[test]
    fn a_chinese_enumeration_goes_on_where_each_line_reads_as_a_paragraph() {
        // A short Security Council text without blank lines, whose lines
        // mostly close a clause, reads as one paragraph to a line (zh
        // S/RES/2635 at 88 columns); the one line that wrapped ends with
        // the enumeration comma, which ends no paragraph.
        let text = "安全理事会， \n回顾其对利比亚实施军火禁运的第1970(2011)号决议及其后所有相关决议， \n回顾其关于在利比亚沿岸公海上严格执行军火禁运的第2292(2016)、2357(2017)、2420(2018)、 \n2473(2019)、2526(2020)和2578(2021)号决议， \n铭记安理会根据《联合国宪章》负有维护国际和平与安全的首要责任， \n重申安理会认定一切形式和表现的恐怖主义是对和平与安全的最严重威胁之一， \n";
        let raws = split_lines(text, 0);
        assert!(is_unwrapped(&raws));
        assert_has_block(
            text,
            "回顾其关于在利比亚沿岸公海上严格执行军火禁运的第2292(2016)、2357(2017)、2420(2018)、2473(2019)、2526(2020)和2578(2021)号决议，",
        );
    }

    #[test]
    fn a_chinese_paragraph_broken_after_a_bracket_goes_on_across_a_page() {
        // "…和第2360(2017)" ⏎ (page) ⏎ "号决议第3段…；": without capitals,
        // nothing but the bracket where no sentence ends tells the page-top
        // text from a paragraph of its own.
        let text = "联合国 \nS/RES/2528 (2020) \n \n安全理事会 \nDistr.: General \n25 June 2020 \n20-08000 (C) \n*2008000* \n \n第2528(2020)号决议 \n \n安全理事会， \n \n2. 重申第2293(2016)号决议第5段所述措施应适用于因第2293(2016)号决议第7段和第2360(2017) \n\nS/RES/2528 (2020)\n \n20-08000\n2/2\n \n \n号决议第3段所列行为而被委员会指认的个人和实体； \n \n3. 决定将专家组任务的期限延长至2021年8月1日。 \n";
        assert_has_block(
            text,
            "2. 重申第2293(2016)号决议第5段所述措施应适用于因第2293(2016)号决议第7段和第2360(2017)号决议第3段所列行为而被委员会指认的个人和实体；",
        );
    }

    #[test]
    fn a_quotation_open_at_a_pages_foot_goes_on() {
        // "… entitled “Trafficking in women and girls:" ⏎ (note, page) ⏎
        // "strengthening access …”,": the colon is the title's.
        let blocks = across_a_page(
            "Recalling the report entitled \u{201c}Trafficking in women and girls: \n",
            "strengthening access to justice\u{201d},\n",
        );
        assert!(
            blocks.contains(&"Recalling the report entitled \u{201c}Trafficking in women and girls: strengthening access to justice\u{201d},".to_string()),
            "{blocks:#?}"
        );
    }

    #[test]
    fn a_colon_at_a_pages_foot_goes_on_in_lower_case() {
        // "… thematic cluster I:" ⏎ (page) ⏎ "special and personal envoys
        // …" (seed 44's 79/258): the colon is the name's.
        let blocks = across_a_page(
            "3. Approves one new post under section 3, Political affairs, thematic cluster I: \n",
            "special and personal envoys, advisers and representatives;\n",
        );
        assert!(
            blocks.contains(&"3. Approves one new post under section 3, Political affairs, thematic cluster I: special and personal envoys, advisers and representatives;".to_string()),
            "{blocks:#?}"
        );
        // A label opens its point, as after any colon.
        let blocks = across_a_page("3. Decides as follows: \n", "(a) to act;\n");
        assert!(
            blocks.contains(&"3. Decides as follows:".to_string()),
            "{blocks:#?}"
        );
    }

    #[test]
    fn a_points_label_after_a_conjunction_opens_its_point() {
        // "… previa aprobación del Comité; o" ⏎ "i)" ⏎ (page) ⏎ "Otras
        // ventas …": the label is the next point's, not the last word of
        // the point before.
        let blocks = across_a_page(
            "h) \nLos suministros previa aprobación del Comité; o \n \ni) \n",
            "Otras ventas o suministros de armas;\n",
        );
        assert!(
            blocks.contains(&"h) Los suministros previa aprobación del Comité; o".to_string())
                && blocks.contains(&"i)".to_string()),
            "{blocks:#?}"
        );
        // "i)" and its text on one line, on the same page and on the next.
        for (foot, top) in [
            (
                "h) Los suministros del Comité; o \n \ni)\tOtras ventas;\n",
                "Decide;\n",
            ),
            ("h) Los suministros del Comité; o \n", "i)\tOtras ventas;\n"),
        ] {
            let blocks = across_a_page(foot, top);
            assert!(
                blocks.contains(&"h) Los suministros del Comité; o".to_string()),
                "{blocks:#?}"
            );
        }
        // A sentence that no conjunction ended goes on at a label.
        let blocks = across_a_page("… del párrafo 1\n", "g) de la presente resolución;\n");
        assert!(
            blocks.contains(&"… del párrafo 1 g) de la presente resolución;".to_string()),
            "{blocks:#?}"
        );
    }

    #[test]
    fn a_heading_at_a_pages_foot_stands_apart_from_the_lead_at_the_next_top() {
        // "II" ⏎ "Activities of the Independent Audit Advisory Committee" ⏎
        // (page) ⏎ "Recalling its resolutions …": the heading is a line of
        // its own, the recital opens with its lead.
        let blocks = across_a_page(
            "II \n \nActivities of the Independent Audit Advisory Committee \n",
            "Recalling its resolutions 61/275 of 29 June 2007 and 64/263,\n",
        );
        assert!(
            blocks.contains(&"Activities of the Independent Audit Advisory Committee".to_string()),
            "{blocks:#?}"
        );
    }

    #[test]
    fn a_divisions_label_at_a_pages_foot_stands_apart_from_its_heading() {
        // "Section 18" ⏎ (page) ⏎ "Economic and social development in
        // Africa": two blocks, as on one page.
        let blocks = across_a_page(
            "Section 18 \n",
            "Economic and social development in Africa\n",
        );
        let at = blocks
            .iter()
            .position(|b| b == "Section 18")
            .expect("label");
        assert_eq!(
            blocks[at + 1],
            "Economic and social development in Africa",
            "{blocks:#?}"
        );
        // A heading in quotation marks too ("五" ⏎ (page) ⏎ "“区域”", seed
        // 45's zh 76/72), which would go on with a sentence.
        let blocks = across_a_page("V \n", "\u{201c}The Area\u{201d}\n");
        assert!(blocks.contains(&"V".to_string()), "{blocks:#?}");
    }

    #[test]
    fn a_divisions_label_at_a_pages_top_stands_apart_from_the_heading_before() {
        // "Part III" ⏎ "International justice and law" ⏎ (page) ⏎ "Section
        // 7": the part's heading does not run on into the section's label.
        let blocks = across_a_page(
            "Part III \n \nInternational justice and law \n",
            "Section 7 \n \nInternational Court of Justice\n",
        );
        let at = blocks
            .iter()
            .position(|b| b == "International justice and law")
            .unwrap_or_else(|| panic!("heading alone: {blocks:#?}"));
        assert_eq!(blocks[at + 1], "Section 7", "{blocks:#?}");
    }

    #[test]
    fn a_line_printed_twice_on_one_page_is_no_running_title() {
        // A part's heading and its section's, the same words, both at the
        // foot of one page: text, not a title repeated at page tops.
        let text = masthead(
            "A/RES/79/257",
            "79/257. Questions relating to the proposed programme budget for 2025",
        ) + "60. Takes note of paragraph II.150;\n\nPart VII \n \nGlobal communications \n \nSection 28 \n \nGlobal communications \n\nA/RES/79/257\nQuestions relating to the proposed programme budget for 2025\n \n24-27368\n12/17\n \n \n61. Recalls its resolution 78/252;\n";
        let blocks = texts(&clean_text(&text, 0));
        let kept = blocks
            .iter()
            .filter(|b| *b == "Global communications")
            .count();
        assert_eq!(kept, 2, "{blocks:#?}");
    }

    #[test]
    fn a_heading_at_a_pages_foot_and_the_next_pages_top_is_no_running_title() {
        // "Global communications" above the furniture of one page (a
        // part's heading) and below it (its section's): near two page tops
        // of eight, where a running title heads every one.
        let mut text = masthead(
            "A/RES/79/257",
            "79/257. Questions relating to the proposed programme budget for 2025",
        );
        for page in 2..=9 {
            text.push_str(&format!("{page}. Decides to approve the section;\n\n"));
            if page == 5 {
                text.push_str("Part VII \n \nGlobal communications \n \nSection 28 \n");
            }
            text.push_str(&format!("\nA/RES/79/257\nQuestions relating to the proposed programme budget for 2025\n \n24-27368\n{page}/9\n \n \n"));
            if page == 5 {
                text.push_str("Global communications \n\n");
            }
        }
        let clean = clean_text(&text, 0);
        let blocks = texts(&clean);
        let kept = blocks
            .iter()
            .filter(|b| *b == "Global communications")
            .count();
        assert_eq!(kept, 2, "{blocks:#?}");
        assert!(clean.warnings.is_empty(), "{:?}", clean.warnings);
    }

    #[test]
    fn a_masthead_title_line_under_a_page_that_shows_its_title_is_text() {
        // The masthead wraps the title at "and/or"; a paragraph's line
        // wraps there too and opens page 2, under the page's own title.
        let text = masthead(
            "A/RES/79/207",
            "79/207. Implementation of the United Nations Convention to Combat \nDesertification in Those Countries Experiencing Serious Drought and/or \nDesertification, Particularly in Africa",
        ) + "32. Encourages synergies among the United Nations Convention to Combat \n\nA/RES/79/207\nImplementation of the United Nations Convention to Combat\nDesertification in Those Countries Experiencing Serious Drought\nand/or Desertification, Particularly in Africa\n \n24-27368\n2/2\n \n \nDesertification in Those Countries Experiencing Serious Drought and/or \nDesertification, Particularly in Africa, and other agreements;\n";
        let blocks = texts(&clean_text(&text, 0));
        assert_eq!(
            blocks.last().map(String::as_str),
            Some("32. Encourages synergies among the United Nations Convention to Combat Desertification in Those Countries Experiencing Serious Drought and/or Desertification, Particularly in Africa, and other agreements;"),
            "{blocks:#?}"
        );
    }

    /// A four-page document whose pages 2 to 4 open with `top` under
    /// their furniture.
    fn pages_opening_with(top: &str) -> String {
        let mut text = masthead("A/RES/79/42", "79/42. Measures to prevent terrorists");
        for page in 2..=4 {
            text.push_str(&format!(
                "Recalling its resolution 78/4{page},\n\n\nA/RES/79/42\nMeasures to prevent terrorists\n \n24-27368\n{page}/4\n \n \n{top}"
            ));
        }
        text + "1. Decides to remain seized of the matter.\n"
    }

    #[test]
    fn a_line_repeated_against_the_furniture_of_each_page_is_in_doubt() {
        // A title's lines that the rules did not take (the first closes
        // with a semicolon, the second starts with a figure and is not the
        // masthead's): kept, and each warned, the second against the
        // furniture through the first.
        let text = pages_opening_with(
            "Follow-up and review of the outcome; \n2030 Agenda for Sustainable Development \n\n",
        );
        let clean = clean_text(&text, 0);
        let doubts: Vec<&str> = clean
            .warnings
            .iter()
            .map(|w| w.message.as_str())
            .filter(|m| m.contains("running title?"))
            .collect();
        assert_eq!(doubts.len(), 2, "{doubts:?}");
        assert!(
            doubts[1].ends_with("2030 Agenda for Sustainable Development"),
            "{doubts:?}"
        );
    }

    #[test]
    fn a_paragraphs_line_above_the_furniture_is_not_against_it() {
        // "… of weapons of mass" ⏎ "destruction," ⏎ (a recital) ⏎
        // (furniture) ⏎ "destruction,": the first closes a recital two
        // text lines above the page's furniture, the second opens the next
        // page. The same words near two pages' furniture, but against it
        // on one only: running text, no doubt.
        let mut text = masthead("A/RES/79/42", "79/42. Measures to prevent terrorists");
        text.push_str("Cognizant of the steps taken on the non-proliferation of weapons of mass \ndestruction, \n \nRecalling Security Council resolutions 2325 (2016) and 2663 \n(2022) on the non-proliferation of weapons of mass \n\nA/RES/79/42\nMeasures to prevent terrorists\n \n24-27368\n2/3\n \n \ndestruction, \n \nRecalling also the entry into force of the Convention, \n\nA/RES/79/42\nMeasures to prevent terrorists\n \n24-27368\n3/3\n \n \n1. Decides to remain seized of the matter.\n");
        assert_printed_twice_without_doubt(&text, "weapons of mass destruction,");
    }

    #[test]
    fn a_paragraphs_line_going_on_differently_at_two_page_tops_is_no_doubt() {
        // "… Programme Planning, the" ⏎ "Programme Aspects … and the Methods
        // of" ⏎ (page 2) ⏎ "Evaluation,1 by which", and the same line under
        // page 3's furniture, going on in "Evaluation;": a line of two
        // paragraphs against the furniture twice, which breaks off
        // mid-phrase and goes on differently; a title's line goes on the
        // same way on every page.
        let line = "Programme Aspects of the Budget, the Monitoring of Implementation and the Methods of \n";
        let furniture = |page: usize| {
            format!("\nA/RES/78/244\nProgramme planning\n \n24-27368\n{page}/4\n \n \n")
        };
        let text = masthead("A/RES/78/244", "78/244. Programme planning")
            + "Recalling further the Regulations and Rules Governing Programme Planning, the \n"
            + line
            + &furniture(2)
            + "Evaluation, by which the programmes shall be reviewed, \n \n1. Reaffirms the role of the Committee;\n \n2. Endorses the conclusions of the Committee on the \n"
            + &furniture(3)
            + line
            + "Evaluation; \n \n3. Decides to keep the matter under review;\n"
            + &furniture(4)
            + "4. Decides to remain seized of the matter.\n";
        assert_printed_twice_without_doubt(&text, "and the Methods of Evaluation");
    }

    #[test]
    fn two_paragraph_lines_at_a_page_top_and_another_pages_foot_are_no_doubt() {
        // "presupuesto de la cuenta de apoyo …" ⏎ "correspondiente al
        // período … y el 30 de" open page 2 and, word for word, stand two
        // lines above page 4's furniture, where the second goes on into
        // other words ("junio de 20221 y sobre", "junio de 2022;"): the
        // first is no line against the furniture of two pages.
        let first =
            "presupuesto de la cuenta de apoyo para las operaciones de mantenimiento de la paz \n";
        let second =
            "correspondiente al período comprendido entre el 1 de julio de 2021 y el 30 de \n";
        let furniture =
            |page: usize| format!("\nA/RES/77/304\nCuenta de apoyo\n \n25-26876\n{page}/4\n \n \n");
        let text = masthead("A/RES/77/304", "77/304. Cuenta de apoyo")
            + "Habiendo examinado los informes del Secretario General sobre la ejecución del \n"
            + &furniture(2)
            + first
            + second
            + "junio de 2022 y sobre el presupuesto, \n \n1. Hace suyas las conclusiones;\n"
            + &furniture(3)
            + "2. Toma nota del informe del Secretario General sobre la ejecución del \n"
            + first
            + second
            + &furniture(4)
            + "junio de 2022; \n \n3. Decide seguir examinando la cuestión.\n";
        assert_printed_twice_without_doubt(&text, "cuenta de apoyo para las operaciones");
    }

    /// `text` read without a warning, with `words` in two of its blocks:
    /// a paragraph's line printed twice near the page furniture is kept.
    fn assert_printed_twice_without_doubt(text: &str, words: &str) {
        let clean = clean_text(text, 0);
        assert!(clean.warnings.is_empty(), "{:?}", clean.warnings);
        let blocks = texts(&clean);
        let holding = blocks.iter().filter(|b| b.contains(words)).count();
        assert_eq!(holding, 2, "{blocks:#?}");
    }

    #[test]
    fn an_annexs_title_that_reads_as_the_running_title_is_no_doubt() {
        // "Annex" ⏎ "Sevilla Commitment" next to page 2's furniture, which
        // repeats the same words as its running title: text, no warning.
        let text = masthead("A/RES/79/323", "79/323. Sevilla Commitment") + "2. Endorses the Sevilla Commitment.\n\nAnnex \n \nSevilla Commitment \n \nI. \n\nA/RES/79/323\nSevilla Commitment\n \n24-27368\n2/3\n \n \nA renewed global financing for development framework \n\n1. We reaffirm our commitment.\n\nSevilla Commitment\nA/RES/79/323\n \n3/3\n \n \n2. We decide.\n";
        let clean = clean_text(&text, 0);
        assert!(texts(&clean).iter().any(|b| b == "Sevilla Commitment"));
        assert!(clean.warnings.is_empty(), "{:?}", clean.warnings);
    }

    #[test]
    fn a_number_alone_at_each_parts_page_top_is_no_running_title() {
        // "1 -" opens two parts, each right under a page's furniture: a
        // paragraph's number, not a title kept as text.
        let text = masthead("A/RES/76/241", "76/241. Report of the Advisory Committee")
            + "I \n\nFirst part \n\n1 - Decides;\n\nII \n\nSecond part \n\nA/RES/76/241\n24-27368\n2/3\n \n \n1 - \nReaffirms its role;\n\nIII \n\nThird part \n\nA/RES/76/241\n24-27368\n3/3\n \n \n1 - \nRequests the Secretary-General;\n";
        let clean = clean_text(&text, 0);
        assert!(clean.warnings.is_empty(), "{:?}", clean.warnings);
    }

    #[test]
    fn a_range_broken_after_its_hyphen_at_a_pages_foot_joins() {
        // "… la période 2021-" ⏎ (page) ⏎ "2030 quatrième Décennie": the
        // hyphen stays and the figures join, as inside a page.
        let blocks = across_a_page(
            "Rappelant qu’elle a proclamé la période 2021-\n",
            "2030 quatrième Décennie internationale,\n",
        );
        assert!(
            blocks
                .iter()
                .any(|b| b.contains("la période 2021-2030 quatrième Décennie")),
            "{blocks:#?}"
        );
    }

    #[test]
    fn a_saints_abbreviation_at_a_pages_foot_goes_on_with_the_name() {
        // "… held in St." ⏎ (page) ⏎ "John’s from 27 to 30 May 2024, …"
        // (79/218 at pages of 30 lines): the full stop ends no sentence.
        let blocks = across_a_page(
            "Welcoming the outcome document of the Conference, held in St.\n",
            "John’s from 27 to 30 May 2024, the Antigua and Barbuda Agenda,\n",
        );
        assert!(
            blocks
                .iter()
                .any(|b| b.contains("held in St. John’s from 27 to 30 May 2024")),
            "{blocks:#?}"
        );
    }

    #[test]
    fn a_year_in_parentheses_at_a_pages_top_goes_on() {
        // "… 476 (1980) du 30 juin 1980, 672" ⏎ (page) ⏎ "(1990) du 12
        // octobre 1990, …": a resolution's year, not a point "(1990)".
        let blocks = across_a_page(
            "Rappelant les résolutions 476 (1980) du 30 juin 1980, 672 \n",
            "(1990) du 12 octobre 1990 et 1073 (1996) du 28 septembre 1996,\n",
        );
        assert!(
            blocks.iter().any(|b| b.ends_with(
                "1980, 672 (1990) du 12 octobre 1990 et 1073 (1996) du 28 septembre 1996,"
            )),
            "{blocks:#?}"
        );
    }

    #[test]
    fn a_number_without_its_dot_at_a_page_top_after_a_call() {
        // "… nations;14" ⏎ (page) ⏎ "26 Condemns …": the call follows the
        // stop that ends the paragraph.
        let blocks = across_a_page(
            "25. Recalls that education should include accurate accounts of “pure” nations;2 \n",
            "26 Condemns without reservation any denial of the Holocaust;\n",
        );
        assert!(
            blocks.contains(
                &"26 Condemns without reservation any denial of the Holocaust;".to_string()
            ),
            "{blocks:#?}"
        );
    }

    /// `text` (notes 1 to 3) read with note 2 of two lines, and no warning.
    fn assert_second_note_goes_on(text: &str) {
        assert_note_goes_on(text, &["1", "2", "3"], "2");
    }

    /// `text` read as the notes `markers`, note `note` of two lines, and no
    /// warning.
    fn assert_note_goes_on(text: &str, markers: &[&str], note: &str) {
        let clean = clean_text(text, 0);
        let read: Vec<&str> = clean.footnotes.iter().map(|n| n.marker.as_str()).collect();
        assert_eq!(read, markers);
        let lines = clean
            .footnotes
            .iter()
            .find(|n| n.marker == note)
            .map(|n| n.lines.len());
        assert_eq!(lines, Some(2), "note {note} goes on");
        assert!(clean.warnings.is_empty(), "{:?}", clean.warnings);
    }

    #[test]
    fn a_range_of_days_at_a_notes_line_start_goes_on_the_note() {
        // "… Rio de Janeiro," ⏎ "3 – 14 June 1992, vol. I, …": note 2's
        // second line, not note 3, which follows.
        assert_second_note_goes_on(
            &(masthead("A/RES/78/143", "78/143. Oil slick on Lebanese shores")
                + "Bearing in mind the Stockholm Declaration,1 taking into account the 1992 Rio\nDeclaration,2 especially principle 16, and chapter 17 of Agenda 21,3\n_____\n\n1 See A/CONF.48/14/Rev.1.\n\n2 Report of the Conference, Rio de Janeiro,\n3 – 14 June 1992, vol. I, annex I.\n\n3 Ibid., annex II.\n"),
        );
    }

    #[test]
    fn a_day_of_a_month_at_a_notes_line_start_goes_on_the_note() {
        // "… Least Developed Countries, New York," ⏎ "3 March 2022, and
        // Doha, …": note 2's second line, not note 3, whose call and note
        // are on the next page.
        assert_second_note_goes_on(
            &(masthead("A/RES/80/147", "80/147. Follow-up to the Conference")
                + "Recalling the Stockholm Declaration,1 and the Doha Programme of Action,2\n_____\n\n1  See A/CONF.48/14/Rev.1.\n\n2  Report of the Fifth Conference, New York,\n3 March 2022, and Doha, 5–9 March 2023.\n\nA/RES/80/147\n24-27368\n2/2\n\nRecalling also the Renewed Declaration for Resilient Prosperity3 and the Awaza Programme,\n_____\n\n3  Resolution 78/317, annex.\n"),
        );
    }

    #[test]
    fn a_note_run_on_under_the_next_pages_rule_keeps_its_figures() {
        // Note 1 breaks at the foot of page 1; its rest opens page 2's
        // notes with a figure ("3 December 1947"), which reads as note 3
        // until note 2 follows it.
        assert_note_goes_on(
            &(masthead("A/RES/80/1", "80/1. Participation by the State of Palestine")
            + "Recalling its resolution 169 (II),1\n_____\n\n1 Adopted at its second session, held from 16 September to\n\nA/RES/80/1\n24-27368\n2/2\n\nRecalling also its resolution 217 A (III),2\n_____\n\n3 December 1947.\n\n2 Resolution 217 A (III).\n"),
            &["1", "2"],
            "1",
        );
    }

    #[test]
    fn a_note_left_open_goes_on_with_a_date_that_reads_as_the_next_note() {
        // Note 1 ends page 1 with a comma; page 2's notes open with its rest,
        // "2 October–3 November 2001, …", whose day is the note expected,
        // and note 2 is on page 3 (80/148 at 60 columns, notes 14 and 15).
        assert_note_goes_on(
            &(masthead("A/RES/80/1", "80/1. Participation by the State of Palestine")
            + "Recalling its resolution 169 (II),1\n_____\n\n1 Records of the General Conference, Thirty-first Session, Paris,\n\nA/RES/80/1\n24-27368\n2/3\n\nRecalling also its resolution 217 A (III),\n_____\n\n2 October–3 November 2001, vol. 1, resolution 25.\n\nA/RES/80/1\n24-27368\n3/3\n\nRecalling further the Beijing Declaration,2\n_____\n\n2 Report of the Fourth World Conference on Women.\n"),
            &["1", "2"],
            "1",
        );
    }

    #[test]
    fn a_notes_number_after_no_is_not_the_next_note() {
        // "2 See Official Records …, 2005, Supplement No." ⏎ "3 and
        // corrigenda …" (78/193 at 70 columns): the supplement's number,
        // though 3 is the note expected; note 3 follows.
        assert_note_goes_on(
            &(masthead("A/RES/80/1", "80/1. Participation by the State of Palestine")
            + "Recalling the resolutions adopted by the Commission at its sixty-first1 and previous sessions,2 and the report,3\n_____\n\n1 Resolution 217 A (III).\n\n2 See Official Records of the Economic and Social Council, 2005, Supplement No.\n3 and corrigenda (E/2005/23), chap. II, sect. A.\n\n3 A/78/261.\n"),
            &["1", "2", "3"],
            "2",
        );
    }

    #[test]
    fn a_notes_line_opening_with_a_is_no_table_note_without_its_call() {
        // "… The Ocean and Cryosphere in" ⏎ "a Changing Climate." (80/138 at
        // 120 columns): no figure calls a table note "a".
        assert_note_goes_on(
            &(masthead("A/RES/80/1", "80/1. Participation by the State of Palestine")
            + "Recalling the special reports of the Panel,1\n_____\n\n1 Global Warming of 1.5°C and The Ocean and Cryosphere in\na Changing Climate.\n"),
            &["1"],
            "1",
        );
    }

    #[test]
    fn an_arabic_quotation_open_at_a_pages_foot_goes_on() {
        // "… البند المعنون ”الاستغلال والانتهاك الجنسيان:" ⏎ (page) ⏎ "تنفيذ
        // سياسة عدم التسامح إطلاقا“، …" (ar 76/303 at 56 columns): Arabic
        // prints its quotation marks mirrored, ” to open and “ to close.
        let blocks = across_a_page(
            "16 - تقرر أن تدرج البند المعنون ”الاستغلال والانتهاك الجنسيان:\n",
            "تنفيذ سياسة عدم التسامح إطلاقا“، وتطلب إلى الأمين العام\n",
        );
        assert!(
            blocks.iter().any(|b| b.contains("الجنسيان: تنفيذ سياسة")),
            "{blocks:#?}"
        );
    }

    #[test]
    fn a_quotation_closed_at_a_pages_top_goes_on() {
        // "… under the theme “Her Land. Her Rights:" ⏎ (page) ⏎ "Advancing
        // … goals”, on 16 June 2023,": a capital, but the quotation closes.
        let blocks = across_a_page(
            "Taking note of the celebrations under the theme “Her Land. Her Rights: \n",
            "Advancing gender equality and land restoration goals”, on 16 June 2023,\n",
        );
        assert!(
            blocks.iter().any(|b| b.ends_with("Her Rights: Advancing gender equality and land restoration goals”, on 16 June 2023,")),
            "{blocks:#?}"
        );
    }

    #[test]
    fn a_named_numbers_call_after_a_line_break() {
        // "d’Action" ⏎ "213,": Action 21 broken at the line's end, call 3
        // glued to it; across a page too.
        let text =
            "la mise en œuvre d’Action\n213, la Déclaration\n_____\n3 Résolution S-19/2, annexe.\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(
            blocks[0],
            "la mise en œuvre d’Action 21<sup>3</sup>, la Déclaration"
        );
        let text = masthead("A/RES/80/1", "80/1. Participation by the State of Palestine")
            + "Recalling the further implementation of Agenda\n\nA/RES/80/1\n24-27368\n2/2\n\n212, the Johannesburg Declaration;\n_____\n\n2 Resolution S-19/2, annex.\n";
        let blocks = texts(&clean_text(&text, 0));
        assert!(
            blocks
                .iter()
                .any(|b| b.ends_with("of Agenda 21<sup>2</sup>, the Johannesburg Declaration;")),
            "{blocks:#?}"
        );
    }

    #[test]
    fn an_arabic_number_alone_with_its_dash_is_no_broken_word() {
        // "12-" ⏎ "تحيط …": the number keeps its space from the text.
        let text = "11 - تحيط علما بالفقرة 21؛\n\n12-\nتحيط علما أيضا بالفقرة 23؛\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(blocks[1], "12- تحيط علما أيضا بالفقرة 23؛", "{blocks:#?}");
    }

    #[test]
    fn unwrapped_paragraphs_are_told_from_printed_lines() {
        let unwrapped = |text: &str| {
            let mut raws = split_lines(text, 0);
            classify(&mut raws);
            is_unwrapped(&raws)
        };
        // Printed lines, no blank lines: wrapped.
        assert!(!unwrapped(PAGES.replace(" \n \n", " \n").as_str()));
        // Chinese paragraphs one per line, none wider than a page line,
        // each closing its clause.
        let chinese = "安全理事会，\n回顾其对利比亚实施军火禁运的第1970(2011)号决议，\n重申安理会认定一切形式和表现的恐怖主义是对和平与安全的最严重威胁，\n1.\t决定将第2578(2021)号决议规定的各项授权延长，\n2.\t决定继续积极处理此案。\n";
        assert!(unwrapped(chinese));
        // Two lines wider than any page's.
        let long = format!(
            "The General Assembly,\nRecalling {},\n1. Decides {}.\n",
            "a ".repeat(70),
            "b ".repeat(70)
        );
        assert!(unwrapped(&long));
        // The same with blank lines between: the blocks are already there
        // (and old typed texts mix wrapped and unwrapped lines).
        assert!(!unwrapped(&long.replace('\n', "\n\n")));
    }

    #[test]
    fn numbers_in_the_text_are_not_calls() {
        let text = "The text of resolution 1 and paragraph 1 of 1 January 2020,\nand the call here.1\n_____\n1 The note.\n";
        let clean = clean_text(text, 0);
        let blocks = texts(&clean);
        assert_eq!(blocks[0], "The text of resolution 1 and paragraph 1 of 1 January 2020, and the call here.<sup>1</sup>");
        // A resolution numbered by its year ("6/2021") is no resolution
        // number with a call glued on ("55/2831" is).
        let text = "Recordando la resolución 6/2021, aprobada en su período de sesiones1,\n_____\n1 La nota.\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(
            blocks[0],
            "Recordando la resolución 6/2021, aprobada en su período de sesiones<sup>1</sup>,"
        );
        let text = "Recuerda los párrafos 11 y 1 del informe, y el informe del Secretario General1.\n_____\n1 La nota.\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(blocks[0], "Recuerda los párrafos 11 y 1 del informe, y el informe del Secretario General<sup>1</sup>.");
        // Chinese: a call after a resolution number ("第17/4号决议20"), glued
        // to the next character ("方案，61以协助"), after "〉"; the French
        // "Action 21" with a no-break space and a call glued on.
        let text = "人权理事会第17/4号决议1，方案，2以协助，《京都议定书〉3 多哈，d’Action\u{a0}214, la\n_____\n1 注。\n2 注。\n3 注。\n4 La note.\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(blocks[0], "人权理事会第17/4号决议<sup>1</sup>，方案，<sup>2</sup>以协助，《京都议定书〉<sup>3</sup> 多哈，d’Action\u{a0}21<sup>4</sup>, la");
        // A number set apart by spaces reads as a call, but the same number
        // glued to a word a little further on is the call.
        let text = "de la priorité thématique 1 d’UNISPACE+50, relative au\nrenforcement, et son plan de travail pluriannuel1, et\n_____\n1 A/AC.105/C.1/121.\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(
            blocks[0],
            "de la priorité thématique 1 d’UNISPACE+50, relative au renforcement, et son plan de travail pluriannuel<sup>1</sup>, et"
        );
        // A Russian word that names numbers, in any of its cases.
        let text =
            "в соответствии с пунктом 1 статьи 11 статута Группы\n_____\n1 Резолюция 70/1.\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(
            blocks[0],
            "в соответствии с пунктом 1 статьи 11 статута Группы"
        );
        let text = "грунтовых вод лишь 5 процентов запасов, 10 pour cent des stocks1.\n_____\n1 Примечание.\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(
            blocks[0],
            "грунтовых вод лишь 5 процентов запасов, 10 pour cent des stocks<sup>1</sup>."
        );
        // Days of months and a decimal comma are text, in any language.
        let text = "proclamó el 21 de febrero Día, los días 22 y 23 de noviembre, el 4,6 % del total, el 31 de diciembre de 20203.\n_____\n3 La nota.\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(blocks[0], "proclamó el 21 de febrero Día, los días 22 y 23 de noviembre, el 4,6 % del total, el 31 de diciembre de 2020<sup>3</sup>.");
    }

    #[test]
    fn a_call_before_a_range_of_days_is_a_call() {
        // "Justice 9  and 15 March": the two spaces a superscript leaves; "9
        // and 15 March" with one is a range of days.
        let text = "the World Day of Social\nJustice 1  and 15 March as the Day, on 9 and 15 March 2020.\n_____\n1 Resolution 62/10.\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(blocks[0], "the World Day of Social Justice <sup>1</sup>  and 15 March as the Day, on 9 and 15 March 2020.");
        let text = "the Day, on 1 and 15 March 2020.\n_____\n1 Resolution 62/10.\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(blocks[0], "the Day, on 1 and 15 March 2020.");
    }

    #[test]
    fn a_word_that_names_numbers_may_be_followed_by_a_call() {
        // An agenda is numbered only as Agenda 21 or by a year.
        let text = "Agenda 21 and Agenda 2063, the New Urban Agenda 1 and the Framework,2 and\n_____\n1 Resolution 71/256.\n2 Decision 15/4.\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(blocks[0], "Agenda 21 and Agenda 2063, the New Urban Agenda <sup>1</sup> and the Framework,<sup>2</sup> and");
        let text =
            "with decision 1 of the Conference, Agenda 21 and\n_____\n1 The note.\n21 The note.\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(
            blocks[0],
            "with decision 1 of the Conference, Agenda 21 and"
        );
        // After the article, "the decision" refers back to a text already named.
        let text = "implement regimes, reiterates the decision 1 to provide support\n_____\n1 Resolution 69/313, annex, para. 46.\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(
            blocks[0],
            "implement regimes, reiterates the decision <sup>1</sup> to provide support"
        );
        // A plural names two numbers or more: "Goals 5 and 6" is text.
        let text = "to achieve the Sustainable Development Goals 1 and to make reference to Goals 1 and 6 and paragraphs 1 and\n_____\n1 See resolution 70/1.\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(blocks[0], "to achieve the Sustainable Development Goals <sup>1</sup> and to make reference to Goals 1 and 6 and paragraphs 1 and");
        let text = "to make reference to Goals 1 and 6 and paragraphs 1 and\n_____\n1 See resolution 70/1.\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(
            blocks[0],
            "to make reference to Goals 1 and 6 and paragraphs 1 and"
        );
        // The same where the figure ends its line: "Goals 1" ⏎ "to address",
        // but "paragraphs 1" ⏎ "and 2" names two.
        let text = "achieving the Sustainable Development Goals 1 \nto address inequalities, and paragraphs 1 \nand 2 of its resolution\n_____\n1 See resolution 70/1.\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(
            blocks[0],
            "achieving the Sustainable Development Goals <sup>1</sup> to address inequalities, and paragraphs 1 and 2 of its resolution"
        );
        // Or where a conjunction ends the line: "Goals 1 and" ⏎ "dialogue
        // among civilizations" (77/324 laid out, seed 48), but "paragraphs 1
        // and" ⏎ "2 of" names two.
        let text = "to the achievement of the Sustainable Development Goals 1 and \ndialogue among civilizations, and paragraphs 1 and \n2 of its resolution\n_____\n1 See resolution 70/1.\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(
            blocks[0],
            "to the achievement of the Sustainable Development Goals <sup>1</sup> and dialogue among civilizations, and paragraphs 1 and 2 of its resolution"
        );
        // "on recommendations 1 emanating from": a single number before a
        // word that goes on the sentence; "paragraphs 1 above" places it.
        let text = "during the pandemic and on recommendations 1 emanating from the Assembly, in paragraphs 1 above
_____
1 Resolution A.1189(33).
";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(blocks[0], "during the pandemic and on recommendations <sup>1</sup> emanating from the Assembly, in paragraphs 1 above");
        // A named instrument has no number after its name ("the Kyoto
        // Protocol"); "Protocol 1" alone may be one.
        let text =
            "the Doha Amendment to the Kyoto Protocol 1 on 31 December 2020, and Protocol 1 on
_____
1 United Nations, Treaty Series, vol. 2303, No. 30822.
";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(blocks[0], "the Doha Amendment to the Kyoto Protocol <sup>1</sup> on 31 December 2020, and Protocol 1 on");
    }

    #[test]
    fn a_figure_set_apart_after_a_comma_before_what_it_counts_is_a_call_only_where_no_other_is() {
        // "… for Development, 38 States expressed": the print set the call
        // apart from its comma, and note 38 has no other call.
        let text =
            "in the Sevilla Commitment of the Fourth International Conference on Financing for
Development, 1 States expressed their resolve
_____
1 Resolution 79/323, annex, para. 43 (l).
";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(blocks[0], "in the Sevilla Commitment of the Fourth International Conference on Financing for Development, <sup>1</sup> States expressed their resolve");
        // Where the note is called elsewhere, the count is text.
        let text = "At the Conference, 1 States expressed their resolve to act,1 and
_____
1 Resolution 79/323, annex.
";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(
            blocks[0],
            "At the Conference, 1 States expressed their resolve to act,<sup>1</sup> and"
        );
    }

    #[test]
    fn a_day_after_a_name_is_a_call_only_where_no_other_is() {
        // "… to Combat Islamophobia 17 and 27 January as the International
        // Day of Commemoration" (79/321 laid out, seeds 38 and 51): no date
        // follows a name without its "on", and note 17 has no other call.
        let text =
            "15 March as the International Day to Combat Islamophobia 1 and 27 January as the
International Day of Commemoration in Memory of the Victims of the Holocaust,2 as
_____
1 Resolution 76/254.
2 Resolution 60/7.
";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(blocks[0], "15 March as the International Day to Combat Islamophobia <sup>1</sup> and 27 January as the International Day of Commemoration in Memory of the Victims of the Holocaust,<sup>2</sup> as");
        // Where the note is called elsewhere, the days are text.
        let text = "the International Day to Combat Islamophobia 1 and 27 January as the Day,1 as
_____
1 Resolution 76/254.
";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(
            blocks[0],
            "the International Day to Combat Islamophobia 1 and 27 January as the Day,<sup>1</sup> as"
        );
    }

    #[test]
    fn a_figure_before_a_relative_clause_is_a_call_only_where_no_other_is() {
        // "… welcomes the ministerial decision 6 that was adopted at the
        // Thirteenth Ministerial Conference …" (79/195 laid out, seed 61):
        // a decision's number is followed by its date or its session, and
        // note 6 has no other call (here notes 1 and 2).
        let text = "of the World Trade Organization,1 and welcomes the ministerial decision 2 that was adopted at the
Thirteenth Ministerial Conference;
_____
1 See A/C.2/79/1.
2 See WT/MIN(24)/33.
";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(blocks[0], "of the World Trade Organization,<sup>1</sup> and welcomes the ministerial decision <sup>2</sup> that was adopted at the Thirteenth Ministerial Conference;");
        // Where the note is called elsewhere, the figure is text.
        let text = "welcomes decision 1 that was adopted at the Conference,1 and
_____
1 See WT/MIN(24)/33.
";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(
            blocks[0],
            "welcomes decision 1 that was adopted at the Conference,<sup>1</sup> and"
        );
    }

    #[test]
    fn the_closing_date_alone_at_the_last_pages_top_is_no_note() {
        // "66th plenary meeting" ⏎ (page) ⏎ "18 April 2023" (77/281 laid
        // out, seed 58): read as a note 18 printed without a rule, whose
        // number ends an earlier line ("Agenda item 18").
        let text = masthead(
            "A/RES/77/281",
            "Agenda item 18 \n\n77/281. Promoting the social and solidarity economy",
        ) + "1. Decides to include the item.\n\n66th plenary meeting \n\nA/RES/77/281\nPromoting the social and solidarity economy\n \n24-27368\n2/2\n \n \n18 April 2023\n";
        let clean = clean_text(&text, 0);
        assert!(clean.footnotes.is_empty(), "{:?}", clean.footnotes);
        assert!(
            texts(&clean)
                .last()
                .is_some_and(|b| b.ends_with("18 April 2023")),
            "{:?}",
            texts(&clean)
        );
    }

    #[test]
    fn a_call_after_a_year_and_a_full_stop() {
        // "9 June 2017.3": the year ends the sentence; "1.5" and "2017.5%"
        // are figures.
        let text = "held in New York from 5 to 9 June 2017.1\nIt rose by 1.5 per cent in 2017.1 We note it.2\n_____\n1 Resolution 71/312, annex.\n2 The note.\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(blocks[0], "held in New York from 5 to 9 June 2017.<sup>1</sup> It rose by 1.5 per cent in 2017.1 We note it.<sup>2</sup>");
        let text = "an index of 2017.1% in 2017.\n_____\n1 The note.\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(blocks[0], "an index of 2017.1% in 2017.");
    }

    #[test]
    fn arabic_parenthesised_calls_after_a_quote_a_symbol_or_a_range() {
        // "”خطتنا المشتركة“(1)", "القرار 74/133(2)", "2018-2030(3)": the call
        // in parentheses; an article's paragraph, "المادة 5(1)", is text.
        let text = "المادة 5(1) من تقريره المعنون ”خطتنا المشتركة“(1)، والقرار 74/133(2)، للفترة 2018-2030(3)؛\n_____\n1 A/75/982.\n2 A/74/1.\n3 A/73/2.\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(
            blocks[0],
            "المادة 5(1) من تقريره المعنون ”خطتنا المشتركة“(<sup>1</sup>)، والقرار 74/133(<sup>2</sup>)، للفترة 2018-2030(<sup>3</sup>)؛"
        );
    }

    #[test]
    fn numbers_of_the_text_are_told_from_calls_set_apart() {
        use crate::lang::{Language, Scope};
        // `text` with notes 1 to 4 called before it and note 5 after it: the
        // text as read.
        let read = |text: &str| {
            let input =
                format!("Voir1 a2 b3 c4,\n\n{text}\n_____\n1 A.\n2 B.\n3 C.\n4 D.\n5 E/2019/28.\n");
            let blocks = texts(&clean_text(&input, 0)).join(" ");
            blocks
                .strip_prefix("Voir<sup>1</sup> a<sup>2</sup> b<sup>3</sup> c<sup>4</sup>, ")
                .unwrap_or(&blocks)
                .to_string()
        };
        let french = Scope::new(Language::French);
        // "de 1,5 °C": a decimal comma; the call is "2030 5" above it.
        assert_eq!(
            read("à l’horizon 2030 5 et le rapport de 1,5 °C,"),
            "à l’horizon 2030 <sup>5</sup> et le rapport de 1,5 °C,"
        );
        // "thématique 5 d’UNISPACE" before a word, "pluriannuel 5," before
        // the comma: the second is the call.
        assert_eq!(
            read("la priorité thématique 5 d’UNISPACE+50 et son plan\nde travail pluriannuel 5,"),
            "la priorité thématique 5 d’UNISPACE+50 et son plan de travail pluriannuel <sup>5</sup>,"
        );
        // "5 pour cent" is a measure, "spatial 5 pour mener" a call.
        assert_eq!(read("réduites de 5 pour cent,"), "réduites de 5 pour cent,");
        assert_eq!(
            read("au milieu spatial 5 pour mener des travaux"),
            "au milieu spatial <sup>5</sup> pour mener des travaux"
        );
        // "a 5 nd": a call inside "and" closes the word up around it; a
        // range broken after its en dash joins without a space.
        assert_eq!(
            read("Reduction 2015–\n2030, a 5 nd other outcomes"),
            "Reduction 2015–2030, a<sup>5</sup>nd other outcomes"
        );
        // "d’Action" ⏎ "21 5,": the name's number broken from its words at
        // the line's end, then the call.
        assert_eq!(
            read("le Programme d’Action\n21 5, la Déclaration"),
            "le Programme d’Action 21 <sup>5</sup>, la Déclaration"
        );
        drop(french);
        let arabic = Scope::new(Language::Arabic);
        // "من 5,5 تريليونات": a decimal, not call 5; "نسبة 5" ⏎ "في المائة"
        // and "في 5" ⏎ "أيار/مايو 1974": a per cent and a date broken at a
        // line's end.
        // Each nine lines and more above the call: too far for the call
        // in parentheses to win over a figure set apart.
        let far = "نص\n".repeat(9);
        for (number, read_as) in [
            ("من 5,5 تريليونات", "من 5,5 تريليونات"),
            ("نسبة 5\nفي المائة", "نسبة 5 في المائة"),
            ("في 5\nأيار/مايو 1974", "في 5 أيار/مايو 1974"),
        ] {
            assert_eq!(
                read(&format!("ارتفع {number}،\n{far}بتقرير الأمين العام(5)؛")),
                format!(
                    "ارتفع {read_as}، {}بتقرير الأمين العام(<sup>5</sup>)؛",
                    "نص ".repeat(9)
                )
            );
        }
        // "والفقرة 5 من القرار" nine lines above "2021( 5)؛": a paragraph's
        // number; the call is in its parentheses, however far on.
        assert_eq!(
            read(&format!(
                "والفقرة 5 من القرار،\n{far}حزيران/يونيه 2021( 5)؛"
            )),
            format!(
                "والفقرة 5 من القرار، {}حزيران/يونيه 2021(<sup>5</sup>)؛",
                "نص ".repeat(9)
            )
        );
        drop(arabic);
        // English: "annual 5 trillion" is a sum, "gap, 5" the call; a call
        // glued to its word before "Member States" at the next line's start
        // is a call.
        assert_eq!(
            read("the estimated annual 5 trillion United States dollar financing gap, 5 and"),
            "the estimated annual 5 trillion United States dollar financing gap, <sup>5</sup> and"
        );
        assert_eq!(
            read("the World Drug Problem of 2019,5\nMember States reaffirmed,"),
            "the World Drug Problem of 2019,<sup>5</sup> Member States reaffirmed,"
        );
        // Set apart at a line's end, before the subject of the next clause.
        assert_eq!(
            read("held in Geneva in 2003, 5\nStates were urged,"),
            "held in Geneva in 2003, <sup>5</sup> States were urged,"
        );
        // Both set apart before punctuation: after a word ("priority 5,"),
        // a number of the text; after a comma ("workplan, 5"), the call.
        assert_eq!(
            read("thematic priority 5, on global health,\nunder its multi-year workplan, 5"),
            "thematic priority 5, on global health, under its multi-year workplan, <sup>5</sup>"
        );
        // "the Convention 5": a named instrument has no number after its
        // article ("Convention 169" without one may).
        assert_eq!(
            read("Parties to the Convention 5 in this regard,"),
            "Parties to the Convention <sup>5</sup> in this regard,"
        );
        // The article at the end of the line before.
        assert_eq!(
            read("Parties to the\nConvention 5 in this regard,"),
            "Parties to the Convention <sup>5</sup> in this regard,"
        );
        // After a sentence's full stop, before the next sentence (none starts
        // with a figure); not after an abbreviation's ("vol. 5").
        assert_eq!(
            read("see vol. 5 Treaty Series and the Framework 2015–2030. 5 Disasters are"),
            "see vol. 5 Treaty Series and the Framework 2015–2030. <sup>5</sup> Disasters are"
        );
        // "Goals 5 and," has no second number after its conjunction.
        assert_eq!(
            read("the Sustainable Development Goals 5 and, where appropriate,"),
            "the Sustainable Development Goals <sup>5</sup> and, where appropriate,"
        );
        assert_eq!(
            read("invest in the Sustainable Development Goals 5 to address"),
            "invest in the Sustainable Development Goals <sup>5</sup> to address"
        );
        // Right after a year no date starts.
        assert_eq!(
            read("including those of 13 January 2010 5 and 6 August 2013,"),
            "including those of 13 January 2010 <sup>5</sup> and 6 August 2013,"
        );
        // Set apart after punctuation and glued to the next word.
        assert_eq!(
            read("the Paris Agreement, 5and the Framework"),
            "the Paris Agreement, <sup>5</sup> and the Framework"
        );
        assert_eq!(read("备选方案， 5以协助"), "备选方案， <sup>5</sup>以协助");
    }

    #[test]
    fn a_call_at_a_line_start_glued_to_the_next_word() {
        // "inclusion”," ⏎ "1and": the call printed after the punctuation that
        // ends the line before; an ordinal ("1st") is text. The space the
        // call stood before comes back.
        let text = "entitled “Promoting social inclusion”,\n1and of its findings,\n2nd session,\n_____\n1 A/80/155.\n2 The note.\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(
            blocks[0],
            "entitled “Promoting social inclusion”, <sup>1</sup> and of its findings, 2nd session,"
        );
    }

    #[test]
    fn a_call_glued_to_the_words_on_both_sides() {
        // "Weapons6and the advisory opinion": the call between two words
        // (the print lost the space after it); "H1and" is a name's number.
        let text = "the H1and the Non-Proliferation of Nuclear Weapons1and the advisory opinion,\n_____\n1 United Nations, Treaty Series, vol. 729, No. 10485.\n";
        let blocks = texts(&clean_text(text, 0));
        assert_eq!(
            blocks[0],
            "the H1and the Non-Proliferation of Nuclear Weapons<sup>1</sup> and the advisory opinion,"
        );
    }

    #[test]
    fn a_table_note_does_not_hide_an_earlier_numbered_call() {
        // Note 1's call ("for 20241") comes before the annex table whose
        // letter note "a" is printed above note 1.
        let text = "7. Also decides on the budget for 20241 and detailed in annex II:\n\nAnnex I\n\nEstimated appropriation for 2026a\n56 234 300\n\na See A/80/505.\n\n_____\n1 A/80/412 and A/80/412/Corr.1.\n";
        let clean = clean_text(text, 0);
        let blocks = texts(&clean);
        let markers: Vec<&str> = clean.footnotes.iter().map(|f| f.marker.as_str()).collect();
        assert_eq!(markers, ["a", "1"]);
        assert!(
            blocks
                .iter()
                .any(|b| b.contains("for 2024<sup>1</sup> and detailed")),
            "{blocks:#?}"
        );
        assert!(
            blocks.iter().any(|b| b.contains("for 2026<sup>a</sup>")),
            "{blocks:#?}"
        );
    }

    #[test]
    fn markup_characters_are_escaped() {
        let clean = clean_text("Recalling a <b> & *c* [d] _e_ \\f,\n", 0);
        assert_eq!(
            clean.blocks[0].lines[0].text,
            "Recalling a \\<b> & \\*c\\* [d] \\_e\\_ \\\\f,"
        );
        let clean = clean_text("See [the text](x),\n", 0);
        assert_eq!(clean.blocks[0].lines[0].text, "See \\[the text](x),");
    }

    #[test]
    fn job_numbers_barcodes_counters() {
        assert!(is_job_number("25-15106 (E)"));
        assert!(is_job_number("25-19373 (E)    021225"));
        assert!(is_job_number("25-20955"));
        assert!(!is_job_number("2019-2023"));
        assert!(is_barcode("*2515106*"));
        assert!(is_page_counter("2/6"));
        assert!(!is_page_counter("7/2"));
        assert!(!is_page_counter("24/7x"));
        assert_eq!(
            symbol_of_line("United Nations S/RES/1445 (2002)"),
            Some("S/RES/1445 (2002)")
        );
        assert_eq!(symbol_of_line("and/or"), None);
        assert_eq!(symbol_of_line("A/RES/76/235 B"), Some("A/RES/76/235 B"));
        assert_eq!(symbol_of_line("A/RES/76/235 and"), None);
    }

    /// Official Records volumes print the notes after the adoption line,
    /// without a rule, numbered on from the volume's previous notes.
    #[test]
    fn notes_after_the_last_paragraph_without_a_rule() {
        let text = "The Security Council,\n\nHaving considered the reports of 31 March 52 and 27 October 1987, 53\n\nHaving heard the statement by the President, 54\n\n1. Decides to remain seized of the matter.\n\nAdopted at the 2759th meeting by\n14 votes to none.\n\n52 Official Records of the Security Council, Forty-second Year.\n53 Ibid., Supplement for October,\ndocument S/19234.\n54 [bid., 2755th meeting.\n";
        let clean = clean_text(text, 0);
        let markers: Vec<&str> = clean.footnotes.iter().map(|n| n.marker.as_str()).collect();
        assert_eq!(markers, ["52", "53", "54"]);
        assert_eq!(clean.footnotes[1].lines.len(), 2, "note 53 goes on");
        assert_eq!(
            texts(&clean).last().unwrap(),
            "Adopted at the 2759th meeting by 14 votes to none."
        );
        // One note alone: a reference whose number stands in the text.
        let text = "The Security Council,\n\nConsidering the report of the Secretary-General 6 on the question,\n\n1. Requests the Secretary-General to report.\n\nAdopted at the 873rd meeting.\n\n6 Official Records of the Security Council, Fifteenth Year.\n";
        let clean = clean_text(text, 0);
        assert_eq!(clean.footnotes.len(), 1);
        assert_eq!(clean.footnotes[0].marker, "6");
        // A last paragraph that lost its dot is no note, though "8" stands
        // in the text.
        let text = "The Security Council,\n\nRecalling paragraph 8 of its resolution,\n\n7. Requests a report;\n\n8 Decides to remain seized of the matter.\n";
        let clean = clean_text(text, 0);
        assert!(clean.footnotes.is_empty());
        assert_eq!(
            texts(&clean).last().unwrap(),
            "8 Decides to remain seized of the matter."
        );
    }

    /// "78/330" alone on its line (a citation printed one word per line)
    /// reads like a page counter, but the document's counters are "N/3".
    #[test]
    fn a_resolution_number_alone_on_its_line_is_not_a_page_counter() {
        let text = "Recalling its resolutions 76/268 of 10 June 2022 and\n78/330\nof\n6 September 2024 on multilingualism,\n\nA/RES/79/331\n25-14349\n2/3\n\nRecalling also its resolution 71/328,\n\n3/3\n25-14349\n\nRecalling further its resolution 73/346,\n";
        let clean = clean_text(text, 0);
        let counters: Vec<&str> = clean
            .furniture
            .iter()
            .filter(|f| f.kind == FurnitureKind::PageCounter)
            .map(|f| f.text.as_ref())
            .collect();
        assert_eq!(counters, ["2/3", "3/3"]);
        assert!(
            texts(&clean)[0].contains("and 78/330 of 6 September 2024"),
            "{:?}",
            texts(&clean)
        );
    }
}
