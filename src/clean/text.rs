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
use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::{hyphen, stitch, Block, CleanText, FootnoteText, Furniture, FurnitureKind, Line};
use crate::error::{Position, Warning};

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
    if let Some(note) = final_note(&mut raws, &notes) {
        notes.push(note);
    }
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

    // Blocks of running text.
    let mut interrupted = false;
    let mut current: Vec<usize> = Vec::new();
    let mut blocks: Vec<(Vec<usize>, bool)> = Vec::new();
    for (index, raw) in raws.iter().enumerate() {
        match raw.kind {
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

    let mut calls_by_line: HashMap<usize, Vec<(usize, usize, String)>> = HashMap::new();
    for call in calls {
        calls_by_line
            .entry(call.line)
            .or_default()
            .push((call.start, call.end, call.label));
    }
    let hyphens = hyphen_decisions(&raws);
    let keep_hyphen = |line: &Line<'_>, _: &str| hyphens.get(&line.number).copied().unwrap_or(true);
    for (indices, interrupted) in blocks {
        let lines = build_lines(&raws, &indices, &calls_by_line, &hyphens);
        stitch(&mut out, Block { lines }, interrupted, &keep_hyphen);
    }
    for (marker, _, lines) in footnotes {
        let built = build_lines(&raws, &lines, &HashMap::new(), &hyphens);
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

/// "25-15106 (E)", "25-15106", "25-19373 (E)    021225", "02-72318 (E)".
fn is_job_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() < 8 || !bytes[..2].iter().all(u8::is_ascii_digit) || bytes[2] != b'-' {
        return false;
    }
    let digits = bytes[3..].iter().take_while(|b| b.is_ascii_digit()).count();
    if digits != 5 {
        return false;
    }
    let rest = text[8..].trim();
    let rest = rest
        .strip_prefix('(')
        .and_then(|r| r.get(1..))
        .and_then(|r| r.strip_prefix(')'))
        .map_or(rest, str::trim);
    rest.is_empty() || (rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_digit()))
}

/// "*2515106*".
fn is_barcode(text: &str) -> bool {
    text.len() >= 6
        && text.starts_with('*')
        && text.ends_with('*')
        && text[1..text.len() - 1].bytes().all(|b| b.is_ascii_digit())
}

/// "2/6": page 2 of 6.
fn is_page_counter(text: &str) -> bool {
    let Some((page, of)) = text.split_once('/') else {
        return false;
    };
    let number = |s: &str| !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
    number(page)
        && number(of)
        && page.parse::<u32>().unwrap_or(0) <= of.parse::<u32>().unwrap_or(0)
        && page != "0"
}

/// "Page 2", "- 3 -": a page number line of older documents.
fn is_page_number(text: &str) -> bool {
    let number = text
        .strip_prefix("Page ")
        .or_else(|| text.strip_prefix("- ").and_then(|t| t.strip_suffix(" -")));
    number.is_some_and(|n| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A line that is a document symbol, possibly after "United Nations":
/// "A/RES/80/1", "S/RES/1445 (2002)", "United Nations S/RES/1445 (2002)".
fn symbol_of_line(text: &str) -> Option<&str> {
    let text = text
        .strip_prefix("United Nations")
        .or_else(|| text.strip_prefix("UNITED NATIONS"))
        .map_or(text, str::trim);
    let head = text.split(' ').next()?;
    let parts: Vec<&str> = head.split('/').collect();
    let ok = parts.len() >= 2
        && parts[0].len() <= 5
        && parts[0].bytes().all(|b| b.is_ascii_uppercase())
        && parts[1..].iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        })
        && head.bytes().any(|b| b.is_ascii_digit());
    let tail = text[head.len()..].trim();
    let tail_ok = tail.is_empty()
        || (tail.starts_with('(')
            && tail.ends_with(')')
            && tail[1..tail.len() - 1].bytes().all(|b| b.is_ascii_digit()));
    (ok && tail_ok).then_some(text)
}

fn classify(raws: &mut [Raw<'_>]) {
    let mut symbol: Option<&str> = None;
    for (index, raw) in raws.iter_mut().enumerate() {
        if raw.kind != Kind::Text {
            continue;
        }
        let text = raw.text;
        let kind = if is_job_number(text) {
            Some(FurnitureKind::JobNumber)
        } else if is_barcode(text) {
            Some(FurnitureKind::Barcode)
        } else if is_page_counter(text) || is_page_number(text) {
            Some(FurnitureKind::PageCounter)
        } else if text.len() >= 3 && text.bytes().all(|b| b == b'_') {
            Some(FurnitureKind::FootnoteRule)
        } else if text.len() >= 3
            && (text.bytes().all(|b| b == b'-') || text.bytes().all(|b| b == b'='))
        {
            Some(FurnitureKind::PageBreak)
        } else if let Some(found) = symbol_of_line(text) {
            match symbol {
                // The first symbol near the top is the masthead's docNumber.
                None if index < 40 => {
                    symbol = Some(found);
                    None
                }
                Some(first) if first == found => Some(FurnitureKind::RunningHeader),
                _ => None,
            }
        } else {
            None
        };
        if let Some(kind) = kind {
            raw.kind = Kind::Furniture(kind);
        }
    }
}

/// Whether a furniture kind marks the top (or bottom) of a later page.
fn is_page_anchor(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Furniture(FurnitureKind::PageCounter | FurnitureKind::RunningHeader)
    )
}

fn is_furniture(kind: Kind) -> bool {
    matches!(kind, Kind::Furniture(_)) && kind != Kind::Furniture(FurnitureKind::FootnoteRule)
}

/// The short title repeated next to the page anchors: a text line adjacent to
/// furniture in a page-header cluster that also stands elsewhere in the
/// document (the title, or another page's header).
fn mark_running_titles(raws: &mut [Raw<'_>], warnings: &mut Vec<Warning>) {
    // How many distinct lines near a page anchor (within three lines of
    // text either side) read the same: a line repeated in the running text
    // does not count, only one repeated at page tops or bottoms.
    let mut near: HashMap<&str, Vec<usize>> = HashMap::new();
    for anchor in (0..raws.len()).filter(|&i| is_page_anchor(raws[i].kind)) {
        for direction in [-1isize, 1] {
            let mut seen = 0;
            let mut at = anchor as isize + direction;
            while seen < 3 && at >= 0 && (at as usize) < raws.len() {
                let raw = &raws[at as usize];
                if raw.kind == Kind::Text {
                    let lines = near.entry(raw.text).or_default();
                    if !lines.contains(&(at as usize)) {
                        lines.push(at as usize);
                    }
                    seen += 1;
                }
                at += direction;
            }
        }
    }
    let counts: HashMap<&str, usize> = near
        .iter()
        .map(|(text, lines)| (*text, lines.len()))
        .collect();
    // The first page's masthead, up to the enacting formula: where the title
    // is printed in full.
    let head: Vec<&str> = raws
        .iter()
        .take(60)
        .take_while(|r| {
            !(r.text.starts_with("The ") && r.text.ends_with(',')
                || crate::lang::formula(r.text).is_some())
        })
        .filter(|r| r.kind == Kind::Text)
        .map(|r| r.text)
        .collect();
    let is_candidate = |raw: &Raw<'_>| {
        raw.kind == Kind::Text
            && raw.text.len() >= 8
            && raw.text.len() <= 160
            && raw.text.contains(' ')
            && !raw.text.ends_with([',', ';', ':'])
            && !raw
                .text
                .starts_with(|c: char| c.is_ascii_digit() || c == '(')
            && (counts.get(raw.text).copied().unwrap_or(0) >= 2
                || head.iter().any(|line| line.contains(raw.text)))
    };
    header_titles(raws, &head);
    let anchors: Vec<usize> = (0..raws.len())
        .filter(|&i| is_page_anchor(raws[i].kind))
        .collect();
    for anchor in anchors {
        for direction in [-1isize, 1] {
            let mut titles = 0;
            let mut at = anchor as isize + direction;
            while at >= 0 && (at as usize) < raws.len() {
                let raw = &raws[at as usize];
                if raw.kind == Kind::Blank || is_furniture(raw.kind) {
                    at += direction;
                    continue;
                }
                if titles < 2 && is_candidate(raw) {
                    raws[at as usize].kind = Kind::Furniture(FurnitureKind::RunningTitle);
                    titles += 1;
                    at += direction;
                    continue;
                }
                break;
            }
        }
    }
    // A line printed next to the page furniture of several pages but kept
    // as text: a running title the rules above did not take?
    let mut kept: Vec<usize> = near
        .values()
        .filter(|lines| lines.len() >= 2)
        .filter_map(|lines| lines.iter().copied().find(|&i| raws[i].kind == Kind::Text))
        .collect();
    kept.sort_unstable();
    for index in kept {
        warnings.push(Warning {
            position: Position {
                line: raws[index].number,
                column: raws[index].column,
            },
            message: format!(
                "line repeated at the tops of pages kept as text (a running title?): {}",
                excerpt(raws[index].text)
            ),
        });
    }
}

/// How many lines a running title can take at the top of a page.
const MAX_TITLE_LINES: usize = 5;

/// Running titles printed as a run of lines right against the repeated
/// document symbol ("A/RES/78/129" ⏎ "Promotion of interreligious and
/// intercultural dialogue," ⏎ "understanding and cooperation for peace"):
/// the longest run (from the symbol's side) whose text is repeated against
/// the symbol on another page, or stands in the masthead's title. Its lines
/// may end with a comma or start with a figure, unlike running text.
fn header_titles(raws: &mut [Raw<'_>], head: &[&str]) {
    let head = collapse(&head.join(" "));
    // Per running header and side: the lines of the run.
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for anchor in 0..raws.len() {
        if raws[anchor].kind != Kind::Furniture(FurnitureKind::RunningHeader) {
            continue;
        }
        for direction in [-1isize, 1] {
            let mut run = Vec::new();
            let mut at = anchor as isize + direction;
            while at >= 0 && (at as usize) < raws.len() && run.len() < MAX_TITLE_LINES {
                let raw = &raws[at as usize];
                if raw.kind != Kind::Text {
                    break;
                }
                run.push(at as usize);
                at += direction;
            }
            if direction < 0 {
                run.reverse();
            }
            if !run.is_empty() {
                runs.push(run);
            }
        }
    }
    // The text of each run's first k lines (from the symbol's side), and
    // how many runs start that way.
    let joined = |run: &[usize], raws: &[Raw<'_>]| {
        collapse(
            &run.iter()
                .map(|&i| raws[i].text)
                .collect::<Vec<_>>()
                .join(" "),
        )
    };
    let sides = |run: &Vec<usize>, k: usize| -> Vec<usize> {
        // A run before the symbol ends at it: its last k lines.
        let before = run.last().is_some_and(|&last| {
            raws.get(last + 1)
                .is_some_and(|r| r.kind == Kind::Furniture(FurnitureKind::RunningHeader))
        });
        if before {
            run[run.len() - k..].to_vec()
        } else {
            run[..k].to_vec()
        }
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for run in &runs {
        for k in 1..=run.len() {
            *counts.entry(joined(&sides(run, k), raws)).or_insert(0) += 1;
        }
    }
    let mut marked = Vec::new();
    for run in &runs {
        for k in (1..=run.len()).rev() {
            let lines = sides(run, k);
            let text = joined(&lines, raws);
            let plausible =
                text.len() >= 8 && text.contains(' ') && !text.ends_with(['.', ';', ':']);
            if plausible
                && (counts.get(&text).copied().unwrap_or(0) >= 2
                    || (head.len() > text.len() && head.contains(text.as_str())))
            {
                marked.extend(lines);
                break;
            }
        }
    }
    for index in marked {
        raws[index].kind = Kind::Furniture(FurnitureKind::RunningTitle);
    }
}

/// The start of `text`, for a message.
fn excerpt(text: &str) -> &str {
    match text.char_indices().nth(40) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// `text` with runs of white space as one space, trimmed.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// What a footnote line starts with: the marker and the byte length it
/// takes (with the following space).
/// `fresh` says the line starts a paragraph of the footnote area (after a
/// blank line or the rule): there a note may start with a figure ("4  2010
/// Review Conference …") and a skipped number is taken up again.
fn note_marker(
    text: &str,
    expected_number: u32,
    expected_letter: char,
    fresh: bool,
) -> Option<(Marker, usize)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        let number = &text[..digits];
        let rest = &text[digits..];
        let value: u32 = number.parse().ok()?;
        if let Some(after) = rest.strip_prefix('/') {
            if after.starts_with(' ') {
                return Some((Marker::Slash(number.into()), digits + 2));
            }
        }
        let plausible = value == expected_number
            || (expected_number == 1 && value <= 3)
            || (fresh && value > expected_number && value <= expected_number + 2);
        // A figure after the marker: only where the note visibly starts.
        let figure_ok = value == expected_number && (fresh || rest.starts_with("  "));
        // "17 2018 и 2019 годов.": the expected note may open with a year.
        let opens_with_year = value == expected_number && {
            let text = rest.trim_start();
            let year = text.bytes().take_while(u8::is_ascii_digit).count();
            year == 4 && !text[year..].starts_with(|c: char| c.is_ascii_digit() || c == '/')
        };
        if rest.starts_with(' ')
            && plausible
            && (rest.trim_start().starts_with(|c: char| !c.is_ascii_digit())
                || figure_ok
                || opens_with_year)
        {
            return Some((Marker::Number(number.into()), digits + 1));
        }
        return None;
    }
    if let Some(rest) = text.strip_prefix('[') {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with("] ") {
            return Some((Marker::Bracket(rest[..digits].into()), digits + 3));
        }
    }
    let stars = text.bytes().take_while(|b| *b == b'*').count();
    if (1..=3).contains(&stars) && text.len() > stars {
        let rest = &text[stars..];
        if rest.starts_with(' ') || rest.starts_with(char::is_uppercase) {
            let space = usize::from(rest.starts_with(' '));
            return Some((Marker::Stars(stars), stars + space));
        }
    }
    let mut chars = text.chars();
    if let (Some(letter), Some(' ')) = (chars.next(), chars.next()) {
        if letter == expected_letter && chars.next().is_some_and(char::is_uppercase) {
            return Some((Marker::Letter(letter), 2));
        }
    }
    None
}

/// Whether `text` has a figure with the table-note letter glued to it
/// ("for 2026a").
fn has_letter_call(text: &str, letter: char) -> bool {
    text.match_indices(letter).any(|(at, _)| {
        at > 0
            && text[..at].ends_with(|c: char| c.is_ascii_digit())
            && ends_call(&text[at + letter.len_utf8()..])
    })
}

/// Marks the lines after each `_____` rule, up to the next page's furniture,
/// as footnote lines, and splits them into footnotes.
fn footnote_areas(raws: &mut [Raw<'_>], warnings: &mut Vec<Warning>) -> Vec<(Marker, Vec<usize>)> {
    let mut notes: Vec<(Marker, Vec<usize>)> = Vec::new();
    let mut in_area = false;
    let mut expected_number = 1;
    let mut expected_letter = 'a';
    // Indexing: the loop changes the kind of the line it reads.
    #[allow(clippy::needless_range_loop)]
    for index in 0..raws.len() {
        match raws[index].kind {
            Kind::Furniture(FurnitureKind::FootnoteRule) => in_area = true,
            Kind::Furniture(_) if in_area => in_area = false,
            // A table note: "a See A/80/505." after a blank line, its letter
            // glued to a figure earlier ("2026a").
            Kind::Text
                if !in_area
                    && (index == 0 || raws[index - 1].kind != Kind::Text)
                    && matches!(
                        note_marker(raws[index].text, expected_number, expected_letter, true),
                        Some((Marker::Letter(_), _))
                    )
                    && raws[..index].iter().any(|r| {
                        r.kind == Kind::Text && has_letter_call(r.text, expected_letter)
                    }) =>
            {
                raws[index].kind = Kind::Note;
                notes.push((Marker::Letter(expected_letter), vec![index]));
                expected_letter = char::from_u32(expected_letter as u32 + 1).unwrap_or('z');
            }
            // Without a rule: a paragraph that starts with "* " or "1/ " is a
            // note at the page bottom; its lines follow up to a blank line.
            Kind::Text
                if !in_area
                    && (index == 0 || raws[index - 1].kind != Kind::Text)
                    && matches!(
                        note_marker(raws[index].text, expected_number, expected_letter, true),
                        Some((Marker::Stars(_) | Marker::Slash(_), _))
                    )
                    && raws[index]
                        .text
                        .trim_start_matches([
                            '*', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '/',
                        ])
                        .starts_with(' ') =>
            {
                let (marker, _) =
                    note_marker(raws[index].text, expected_number, expected_letter, true)
                        .expect("matched above");
                if let Marker::Slash(n) = &marker {
                    expected_number = n.parse::<u32>().unwrap_or(0) + 1;
                }
                raws[index].kind = Kind::Note;
                let mut lines = vec![index];
                let mut next = index + 1;
                while next < raws.len() && raws[next].kind == Kind::Text {
                    raws[next].kind = Kind::Note;
                    lines.push(next);
                    next += 1;
                }
                notes.push((marker, lines));
            }
            // "Anexo" after the notes of a text without page breaks: the
            // annex, not the last note's next line.
            Kind::Text
                if in_area
                    && index > 0
                    && raws[index - 1].kind == Kind::Blank
                    && crate::lang::is_annex_heading_line(raws[index].text) =>
            {
                in_area = false;
            }
            Kind::Text if in_area => {
                let text = raws[index].text;
                let fresh = index == 0
                    || matches!(
                        raws[index - 1].kind,
                        Kind::Blank | Kind::Furniture(FurnitureKind::FootnoteRule)
                    );
                match note_marker(text, expected_number, expected_letter, fresh) {
                    Some((marker, _)) => {
                        match &marker {
                            Marker::Number(n) | Marker::Slash(n) | Marker::Bracket(n) => {
                                let value = n.parse::<u32>().unwrap_or(0);
                                if value > expected_number && expected_number > 1 {
                                    warnings.push(Warning {
                                        position: Position {
                                            line: raws[index].number,
                                            column: raws[index].column,
                                        },
                                        message: format!("footnote {value} follows footnote {}: footnote {expected_number} was not found at a page bottom", expected_number - 1),
                                    });
                                }
                                expected_number = value + 1;
                            }
                            Marker::Letter(c) => {
                                expected_letter = char::from_u32(*c as u32 + 1).unwrap_or('z');
                            }
                            Marker::Stars(_) => {}
                        }
                        notes.push((marker, vec![index]));
                        raws[index].kind = Kind::Note;
                    }
                    None => match notes.last_mut() {
                        // A footnote's next line, or its rest after a page break.
                        Some((marker, lines)) => {
                            // "12 See …" inside note 11: a note the marker
                            // test did not take, glued to the one before.
                            let digits = text.bytes().take_while(u8::is_ascii_digit).count();
                            if fresh
                                && digits > 0
                                && text[digits..].starts_with(' ')
                                && text[..digits].parse::<u32>().ok() == Some(expected_number)
                            {
                                warnings.push(Warning {
                                    position: Position {
                                        line: raws[index].number,
                                        column: raws[index].column,
                                    },
                                    message: format!("footnote text starting \"{}\" looks like a further note, kept in footnote {}", excerpt(text), marker.label()),
                                });
                            }
                            lines.push(index);
                            raws[index].kind = Kind::Note;
                        }
                        None => {
                            warnings.push(Warning {
                                position: Position {
                                    line: raws[index].number,
                                    column: raws[index].column,
                                },
                                message: "text under a footnote rule does not start with a footnote marker; kept as running text".into(),
                            });
                            in_area = false;
                        }
                    },
                }
            }
            _ => {}
        }
    }
    notes
}

/// "Adopted at the 2nd meeting. 22" … "22 Adopted without vote.": a note
/// printed as the document's last paragraph, without a rule, whose number
/// ends an earlier line.
fn final_note(
    raws: &mut [Raw<'_>],
    notes: &[(Marker, Vec<usize>)],
) -> Option<(Marker, Vec<usize>)> {
    let last = raws.iter().rposition(|r| r.kind == Kind::Text)?;
    let mut first = last;
    while first > 0 && raws[first - 1].kind == Kind::Text {
        first -= 1;
    }
    let text = raws[first].text;
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || !text[digits..].starts_with(' ') {
        return None;
    }
    let number = &text[..digits];
    if notes.iter().any(|(m, _)| m.label() == number) {
        return None;
    }
    let called = raws[..first].iter().any(|r| {
        r.kind == Kind::Text
            && r.text
                .strip_suffix(number)
                .is_some_and(|t| t.ends_with(' '))
    });
    if !called {
        return None;
    }
    for raw in &mut raws[first..=last] {
        raw.kind = Kind::Note;
    }
    Some((Marker::Number(number.into()), (first..=last).collect()))
}

fn assign_pages(raws: &mut [Raw<'_>]) {
    let mut page = 0;
    let mut in_cluster = false;
    for raw in raws.iter_mut() {
        let anchor =
            is_page_anchor(raw.kind) || raw.kind == Kind::Furniture(FurnitureKind::PageBreak);
        if anchor && !in_cluster {
            page += 1;
            in_cluster = true;
        } else if raw.kind == Kind::Text || raw.kind == Kind::Note {
            in_cluster = false;
        }
        raw.page = page;
    }
}

/// A call found in a line: byte range and the marker's label.
struct Call {
    line: usize,
    start: usize,
    end: usize,
    label: String,
}

/// Words after which a number is part of the text, not a footnote call.
const NUMBER_WORDS: &[&str] = &[
    "paragraph",
    "paragraphs",
    "para",
    "paras",
    "resolution",
    "resolutions",
    "article",
    "articles",
    "art",
    "item",
    "items",
    "chapter",
    "chap",
    "section",
    "sect",
    "annex",
    "annexes",
    "rule",
    "rules",
    "principle",
    "principles",
    "part",
    "parts",
    "page",
    "pages",
    "p",
    "pp",
    "no",
    "number",
    "numbers",
    "protocol",
    "goal",
    "goals",
    "target",
    "targets",
    "volume",
    "vol",
    "decision",
    "decisions",
    "supplement",
    "phase",
    "step",
    "level",
    "option",
    "recommendation",
    "recommendations",
    "table",
    "figure",
    "box",
    "appendix",
    "subparagraph",
    "subparagraphs",
    "sub-item",
    "indicator",
    "indicators",
    "convention",
    "meeting",
    "meetings",
    "tier",
    "grade",
    "class",
    "category",
    "stage",
    "round",
    "cycle",
    "agenda",
    "operative",
    "preambular",
    "and",
    "or",
    "to",
    "of",
    "from",
    "between",
    "over",
    "under",
    "about",
    "nearly",
    "some",
    "than",
    "at",
    "by",
    "with",
    "for",
    "in",
    "on",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether what follows a candidate call can follow a call: the end, a
/// space or closing punctuation, but not "1.5" or "2,000".
fn ends_call(after: &str) -> bool {
    let next = after.chars().next();
    let next_ok = match next {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, ',' | ';' | '.' | ':' | ')' | '”' | '’' | '"'),
    };
    // Not "1.5" nor "2,000"; but "10,11" (two calls) is.
    let digits_after = |skip: usize| after[skip..].bytes().take_while(u8::is_ascii_digit).count();
    next_ok
        && match next {
            Some('.') => digits_after(1) == 0,
            Some(',') => digits_after(1) == 0 || (digits_after(1) != 3 && digits_after(1) <= 3),
            _ => true,
        }
}

/// Punctuation of the other languages after which a footnote call is
/// printed: Chinese ("、2", "，8"), guillemets ("хотим»8"), Arabic commas.
fn is_other_punctuation(c: char) -> bool {
    matches!(
        c,
        '、' | '，' | '；' | '：' | '。' | '）' | '》' | '」' | '”' | '»' | '،' | '؛'
    )
}

fn is_call_at(text: &str, start: usize, end: usize, marker: &Marker) -> bool {
    let before = &text[..start];
    let after = &text[end..];
    // "Rights,1as well": the extraction glued the call to the next word too.
    let glued_both = matches!(marker, Marker::Number(_))
        && before.ends_with([',', ';', '”'])
        && after.starts_with(|c: char| c.is_lowercase());
    if glued_both {
        return true;
    }
    if !ends_call(after) {
        return false;
    }
    let Some(prev) = before.chars().next_back() else {
        // At the start of a line, the call of a word that ended the line
        // before: "Development," ⏎ "12  and acknowledging" (a superscript
        // leaves two spaces; a paragraph number has its full stop).
        return matches!(marker, Marker::Number(_))
            && after.starts_with("  ")
            && after.trim_start().starts_with(char::is_lowercase);
    };
    match marker {
        Marker::Stars(_) => !prev.is_whitespace() && prev != '*' && !after.starts_with('*'),
        Marker::Slash(_) | Marker::Bracket(_) => true,
        Marker::Letter(_) => prev.is_ascii_digit(),
        Marker::Number(_) => {
            // Not inside a symbol or reference ("A/80/L.2/Rev.1", "S/2024/1").
            // Past the separator, whose width may be more than a byte
            // (NBSP, U+2028, U+3000).
            let token_start = before
                .char_indices()
                .rfind(|&(_, c)| c.is_whitespace() || matches!(c, '(' | ',' | ';'))
                .map_or(0, |(i, c)| i + c.len_utf8());
            if before[token_start..].contains('/') {
                return false;
            }
            if prev.is_alphabetic() {
                // "Nations1", but not "G20" or "CO2".
                let word: String = before
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphanumeric())
                    .collect();
                return word.chars().any(char::is_lowercase) || word.chars().count() >= 4;
            }
            if matches!(prev, ',' | ';' | '.' | ':' | ')' | '”' | '’' | '"')
                || is_other_punctuation(prev)
            {
                // "Rights,1", "2025,3" — but not "1.5" or "A/RES/1".
                return !(prev == '.'
                    && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit()));
            }
            if prev == ' ' {
                // "Rights, 1 article", "Rights 2 and": only after a word or
                // punctuation, and not where a number belongs to the text.
                // The day of a date ("المؤرخ 1 كانون الأول/ديسمبر 1999") in
                // any language is text.
                if crate::grammar::date::date(&text[start..]).is_ok() {
                    return false;
                }
                let trimmed = before.trim_end();
                let Some(last) = trimmed.chars().next_back() else {
                    return false;
                };
                // After a full stop only at the end of the line ("Agenda. 1");
                // after a year ("Decade 2024–2034 7 and").
                let stop_at_end = last == '.' && after.trim().is_empty();
                // "resolutions 71/205 13  and": after a symbol, with the two
                // spaces a superscript leaves.
                let after_symbol = last.is_ascii_digit()
                    && after.starts_with("  ")
                    && trimmed
                        .rsplit(' ')
                        .next()
                        .is_some_and(|token| token.contains('/'));
                if after_symbol {
                    return true;
                }
                let year: String = trimmed
                    .chars()
                    .rev()
                    .take_while(char::is_ascii_digit)
                    .collect();
                let after_year = year.len() == 4 && (year.ends_with("91") || year.ends_with("02"));
                if !(last.is_alphabetic()
                    || matches!(last, ',' | ';' | ':' | ')' | '”' | '’')
                    || is_other_punctuation(last)
                    || stop_at_end
                    || after_year)
                {
                    return false;
                }
                let word = last_word(trimmed);
                // "Goals 38  and": the two spaces a superscript leaves,
                // after a plural ("Goal 3" has none).
                if after.starts_with("  ")
                    && word.ends_with('s')
                    && after.trim_start().starts_with(char::is_lowercase)
                {
                    return true;
                }
                if NUMBER_WORDS.contains(&word.to_lowercase().as_str()) || MONTHS.contains(&word) {
                    return false;
                }
                let next_word: String = after
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphabetic() || *c == '%')
                    .collect();
                // PDF text puts two spaces after a superscript.
                if after.starts_with("  ") {
                    return true;
                }
                let unit = matches!(
                    next_word.as_str(),
                    "per"
                        | "percent"
                        | "%"
                        | "million"
                        | "billion"
                        | "years"
                        | "year"
                        | "days"
                        | "months"
                        | "times"
                        | "hours"
                        | "weeks"
                        | "States"
                        | "Member"
                        | "countries"
                        | "members"
                        | "persons"
                        | "people"
                );
                return !unit && !MONTHS.contains(&next_word.as_str());
            }
            false
        }
    }
}

/// The word `text` ends with: its last run of letters and hyphens.
fn last_word(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() || *c == '-')
        .last()
        .map_or(text.len(), |(at, _)| at);
    &text[start..]
}

/// The text a marker is printed as in a call.
fn call_text(marker: &Marker) -> String {
    match marker {
        Marker::Number(n) => n.clone(),
        Marker::Stars(k) => "*".repeat(*k),
        Marker::Slash(n) => format!("{n}/"),
        Marker::Bracket(n) => format!("[{n}]"),
        Marker::Letter(c) => c.to_string(),
    }
}

/// Whether the marker's printed form at `start` in `text` is a call: its
/// byte range when it is.
fn call_at(text: &str, start: usize, marker: &Marker) -> Option<(usize, usize)> {
    let needle = call_text(marker);
    if !text.get(start..).is_some_and(|t| t.starts_with(&needle)) {
        return None;
    }
    let end = start + needle.len();
    let glued_digit = matches!(marker, Marker::Number(_))
        && text[..start].ends_with(|c: char| c.is_ascii_digit());
    // "for 20244": a year with the call glued to it.
    let year_call = glued_digit && {
        let digits: String = text[..start]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.len() == 4
            && (digits.ends_with("91") || digits.ends_with("02"))
            && !text[..start - 4].ends_with(|c: char| c.is_alphanumeric() || c == '/')
    };
    // "resolutions 55/2831": a session's resolution number has at most three
    // figures, so a fourth is a call glued to it.
    let symbol_call = glued_digit && {
        let digits = text[..start]
            .bytes()
            .rev()
            .take_while(u8::is_ascii_digit)
            .count();
        digits >= 2 && digits + needle.len() >= 4 && symbol_number_before(&text[..start - digits])
    };
    // "Agenda 216", "COVID-1918": a name that ends with a number, and the
    // call glued to it.
    let named_call = glued_digit
        && NAMED_NUMBERS
            .iter()
            .any(|name| text[..start].ends_with(name));
    // "الستين(1)": Arabic prints the call in parentheses glued to the word;
    // the parentheses stay text, as in the UN's files.
    let parenthesised = matches!(marker, Marker::Number(_))
        && text[..start].ends_with('(')
        && text[end..].starts_with(')')
        && text[..start - 1].ends_with(char::is_alphabetic);
    let call = if year_call || symbol_call || named_call {
        ends_call(&text[end..])
    } else if parenthesised {
        true
    } else {
        !glued_digit && is_call_at(text, start, end, marker)
    };
    call.then_some((start, end))
}

fn find_in_line(text: &str, from: usize, marker: &Marker) -> Option<(usize, usize)> {
    let needle = call_text(marker);
    let mut search = from;
    while let Some(found) = text.get(search..).and_then(|t| t.find(&needle)) {
        let start = search + found;
        if let Some(call) = call_at(text, start, marker) {
            return Some(call);
        }
        search = start + needle.len().max(1);
    }
    None
}

/// Every run of digits in the running text, by its digits (and, for a year
/// with a number glued on, "20244", by the number after the year): where
/// numbered calls can be, found in one pass so that each note looks only at
/// its own number's places.
fn digit_runs<'a>(raws: &[Raw<'a>]) -> HashMap<&'a str, Vec<(usize, usize)>> {
    let mut runs: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for (index, raw) in raws.iter().enumerate() {
        if raw.kind != Kind::Text {
            continue;
        }
        let bytes = raw.text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            if !bytes[at].is_ascii_digit() {
                at += 1;
                continue;
            }
            let start = at;
            while at < bytes.len() && bytes[at].is_ascii_digit() {
                at += 1;
            }
            runs.entry(&raw.text[start..at])
                .or_default()
                .push((index, start));
            if at - start > 4 && at - start <= 7 {
                runs.entry(&raw.text[start + 4..at])
                    .or_default()
                    .push((index, start + 4));
            }
            // "Agenda 216": a named number with a call glued on.
            if let Some(name) = NAMED_NUMBERS.iter().find(|name| {
                let digits = name.bytes().rev().take_while(u8::is_ascii_digit).count();
                at - start > digits && raw.text[..start + digits].ends_with(*name)
            }) {
                let digits = name.bytes().rev().take_while(u8::is_ascii_digit).count();
                runs.entry(&raw.text[start + digits..at])
                    .or_default()
                    .push((index, start + digits));
            }
            // "resolutions 55/2831": a resolution number with a call glued on.
            if at - start >= 4 && at - start <= 6 && symbol_number_before(&raw.text[..start]) {
                for call in [2, 1] {
                    runs.entry(&raw.text[at - call..at])
                        .or_default()
                        .push((index, at - call));
                }
            }
        }
    }
    runs
}

/// Names that end with a number, after which a further figure is a call.
const NAMED_NUMBERS: [&str; 4] = ["Agenda 21", "COVID-19", "COVID\u{2011}19", "Group of 77"];

/// Whether `before` ends with the session part of a resolution number,
/// "55/", standing alone (not "A/78/", "S/RES/").
fn symbol_number_before(before: &str) -> bool {
    let Some(session) = before.strip_suffix('/') else {
        return false;
    };
    let digits = session.bytes().rev().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && !session[..session.len() - digits]
            .ends_with(|c: char| c.is_alphanumeric() || c == '/' || c == '-' || c == '.')
}

/// How many lines before a note its `*` or letter call is looked for.
const MAX_SCAN: usize = 400;

fn find_calls(raws: &[Raw<'_>], footnotes: &[(Marker, usize, Vec<usize>)]) -> Vec<Call> {
    let mut calls = Vec::new();
    // The first line of each page.
    let mut page_starts: Vec<usize> = Vec::new();
    for (index, raw) in raws.iter().enumerate() {
        while page_starts.len() <= raw.page {
            page_starts.push(index);
        }
    }
    let runs = digit_runs(raws);
    // Where the search for the next call starts: (line index, byte offset).
    let mut cursor = (0usize, 0usize);
    for (marker, page, lines) in footnotes {
        let area_start = lines[0];
        let mut found = None;
        // First the note's own page, then from the page before.
        for pass in 0..2 {
            let first_page = if pass == 0 {
                *page
            } else {
                page.saturating_sub(1)
            };
            let page_start = page_starts.get(first_page).copied().unwrap_or(0);
            let from_line = cursor.0.max(page_start);
            let after_cursor = |line: usize, start: usize| line > cursor.0 || start >= cursor.1;
            found = match marker {
                // Numbered markers: only the places of that number.
                Marker::Number(n) | Marker::Slash(n) | Marker::Bracket(n) => {
                    let places = runs.get(n.as_str()).map_or(&[][..], Vec::as_slice);
                    let first = places.partition_point(|&(line, _)| line < from_line);
                    places[first..]
                        .iter()
                        .take_while(|&&(line, _)| line < area_start)
                        .filter(|&&(line, start)| after_cursor(line, start))
                        .find_map(|&(line, start)| {
                            let start = match marker {
                                Marker::Bracket(_) => start.checked_sub(1)?,
                                _ => start,
                            };
                            call_at(raws[line].text, start, marker).map(|(s, e)| (line, s, e))
                        })
                }
                // Stars and letters: scan the lines, at most a few pages back.
                _ => (from_line.max(area_start.saturating_sub(MAX_SCAN))..area_start)
                    .filter(|&line| raws[line].kind == Kind::Text)
                    .find_map(|line| {
                        let from = if line == cursor.0 { cursor.1 } else { 0 };
                        find_in_line(raws[line].text, from, marker).map(|(s, e)| (line, s, e))
                    }),
            };
            if found.is_some() {
                break;
            }
        }
        if let Some((line, start, end)) = found {
            calls.push(Call {
                line,
                start,
                end,
                label: marker.label(),
            });
            cursor = (line, end);
        }
    }
    calls
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
/// is asked only about the words the lexicon does not know.
fn hyphen_decisions(raws: &[Raw<'_>]) -> FxHashMap<usize, bool> {
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

/// Whether a line starting with `next` follows a suspended hyphen
/// ("small-" ⏎ "and medium-sized"): it starts with a conjunction.
pub(crate) fn is_suspended(next: &str) -> bool {
    matches!(
        hyphen::word_after(next),
        "and" | "or" | "nor" | "to" | "and/or"
    )
}

fn build_lines<'a>(
    raws: &[Raw<'a>],
    indices: &[usize],
    calls: &HashMap<usize, Vec<(usize, usize, String)>>,
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
            } else if text.ends_with('-')
                && text.len() >= 2
                && text[..text.len() - 1].ends_with(char::is_alphabetic)
            {
                // "burden-" ⏎ "and responsibility-sharing": a suspended
                // hyphen keeps its space.
                glue = !is_suspended(next);
                let continues_lower = next.starts_with(char::is_lowercase);
                if glue && continues_lower && hyphens.get(&raw.number) == Some(&false) {
                    text = &text[..text.len() - 1];
                }
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
    use super::*;

    const PAGES: &str = "United Nations \nA/RES/80/1 \n \nGeneral Assembly \nDistr.: General \n19 September 2025 \n25-15106 (E) \n*2515106* \n \n80/1. Participation by the State of Palestine \n \nThe General Assembly, \n \nExpressing concern regarding the Headquarters of the United Nations1 are prevented from \n \nRecalling article 18 of the Covenant, 2 \narticle 18 of the Declaration and the general debate of the \n_______________ \n \n1 See resolution 169 (II). \n2 Resolution 217 A (III), \ncontinued here. \n\nA/RES/80/1 \nParticipation by the State of Palestine\n \n25-15106\n2/2 \n \nAssembly at its eightieth session after intro-\nduction by its co-\nfacilitators;\n";

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
        // Split across the page break, stitched; hyphenation undone where it
        // is an artefact, kept in "co-facilitators" (the UN's spelling).
        assert!(blocks.contains(&"Recalling article 18 of the Covenant, <sup>2</sup> article 18 of the Declaration and the general debate of the Assembly at its eightieth session after introduction by its co-facilitators;".to_string()), "{blocks:#?}");
        assert_eq!(clean.footnotes.len(), 2);
        assert_eq!(clean.footnotes[0].marker, "1");
        assert_eq!(clean.footnotes[0].lines[0].text, "See resolution 169 (II).");
        assert_eq!(clean.footnotes[1].lines.len(), 2);
    }

    #[test]
    fn numbers_in_the_text_are_not_calls() {
        let text = "The text of resolution 1 and paragraph 1 of 1 January 2020,\nand the call here.1\n_____\n1 The note.\n";
        let clean = clean_text(text, 0);
        let blocks = texts(&clean);
        assert_eq!(blocks[0], "The text of resolution 1 and paragraph 1 of 1 January 2020, and the call here.<sup>1</sup>");
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
    }
}
