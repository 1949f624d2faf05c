//! Stage 1 for markdown made from the official PDFs: blocks and lines,
//! page breaks and footnote blocks out, markdown footnote references as
//! `<sup>` calls.

use std::borrow::Cow;

use super::{
    collapse, hyphen, keep_hyphen_by_lexicon, stitch, text, Block, CleanText, FootnoteText,
    Furniture, FurnitureKind, Line,
};
use crate::error::Position;

pub(super) fn clean_markdown(input: &str, first_line: usize) -> CleanText<'_> {
    let mut out = CleanText::default();
    // Blocks as printed, with a flag: was a page break or footnote between this
    // block and the previous running-text block?
    let mut pending: Vec<(Block<'_>, bool)> = Vec::new();
    let mut current: Vec<Line<'_>> = Vec::new();
    let mut interrupted = false;

    for (index, raw) in input.split('\n').enumerate() {
        let number = first_line + index + 1;
        // A form feed is a page break wherever it stands on the line.
        let mut rest = raw;
        // Characters of `raw` before `rest`, counted as we go (a line of
        // many form feeds stays linear).
        let mut chars_before = 0;
        while let Some(ff) = rest.find('\u{c}') {
            let (before, after) = rest.split_at(ff);
            if !before.trim().is_empty() {
                push_line(&mut current, before, number, chars_before);
            }
            flush(&mut current, &mut pending, &mut interrupted);
            chars_before += before.chars().count();
            out.furniture.push(Furniture {
                kind: FurnitureKind::PageBreak,
                position: Position {
                    line: number,
                    column: chars_before + 1,
                },
                text: "\u{c}".into(),
            });
            chars_before += 1;
            interrupted = true;
            rest = &after[1..];
        }
        let trimmed = rest.trim();
        if trimmed.is_empty() {
            flush(&mut current, &mut pending, &mut interrupted);
        } else if is_rule(trimmed) {
            flush(&mut current, &mut pending, &mut interrupted);
            out.furniture.push(Furniture {
                kind: FurnitureKind::PageBreak,
                position: Position {
                    line: number,
                    column: 1,
                },
                text: trimmed.into(),
            });
            interrupted = true;
        } else {
            push_line(&mut current, rest, number, chars_before);
        }
    }
    flush(&mut current, &mut pending, &mut interrupted);

    // Lift footnote texts out, then stitch what they (or page breaks) split.
    let mut gap = false;
    let mut title: Option<String> = None;
    let mut pending = pending.into_iter().peekable();
    while let Some((block, interrupted)) = pending.next() {
        let next = pending.peek().map(|(next, _)| next);
        let repeats_title = title
            .as_deref()
            .is_some_and(|title| block.lines.len() == 1 && collapse(&block.first().text) == title);
        if title.is_none() && block.lines.len() == 1 {
            title = numbered_title(&block.first().text).map(collapse);
        }
        let splits_sentence = is_lost_running_title(out.blocks.last(), &block, next);
        if repeats_title || splits_sentence {
            // The page break was lost in the conversion to markdown; the
            // running title stands between the halves of a sentence, or
            // repeats the numbered title line word for word ("80/27.
            // Regional disarmament" ⏎ … ⏎ "Regional disarmament").
            out.furniture.push(Furniture {
                kind: FurnitureKind::RunningTitle,
                position: Position {
                    line: block.first().number,
                    column: block.first().column,
                },
                text: block.first().text.to_string(),
            });
            gap = splits_sentence;
            continue;
        }
        if footnote_marker(&block.first().text).is_some() {
            // A note printed right above the text that calls it (no blank
            // line between) ends where that text starts.
            let Some(rest) = split_footnotes(block, &mut out.footnotes) else {
                gap = true;
                continue;
            };
            gap = false;
            stitch(&mut out, rest, true, 0, &keep_hyphen_by_lexicon);
            continue;
        }
        let interrupted = interrupted || gap;
        gap = false;
        stitch(&mut out, block, interrupted, 0, &keep_hyphen_by_lexicon);
    }
    plain_figure_calls(&mut out);
    out
}

/// "… of the General Assembly, 1", "Secretary-General;5": markdown whose
/// footnote calls the extraction left as plain figures (no `[^1]`, no
/// superscript) beside `[^1]: …` definitions. In note order, a note called
/// as a `<sup>` moves the search on; the call of one that is not is looked
/// for after the previous call, by the rules for text input, and marked as
/// a `<sup>` call.
fn plain_figure_calls(out: &mut CleanText<'_>) {
    let numbers: Vec<String> = out
        .footnotes
        .iter()
        .map(|f| f.marker.clone())
        .filter(|m| !m.is_empty() && m.chars().all(|c| c.is_ascii_digit()))
        .collect();
    // Where the search for the next call starts: block, line, byte.
    let mut cursor = (0, 0, 0);
    for number in numbers {
        let call = format!("<sup>{number}</sup>");
        let find = |out: &CleanText<'_>, by: &dyn Fn(&str, usize) -> Option<usize>| {
            out.blocks
                .iter()
                .enumerate()
                .skip(cursor.0)
                .find_map(|(b, block)| {
                    block.lines.iter().enumerate().find_map(|(l, line)| {
                        let from = match (b, l).cmp(&(cursor.0, cursor.1)) {
                            std::cmp::Ordering::Less => return None,
                            std::cmp::Ordering::Equal => cursor.2,
                            std::cmp::Ordering::Greater => 0,
                        };
                        by(&line.text, from).map(|at| (b, l, at))
                    })
                })
        };
        let marked = |text: &str, from: usize| Some(from + text.get(from..)?.find(&call)?);
        if let Some((b, l, start)) = find(out, &marked) {
            cursor = (b, l, start + call.len());
            continue;
        }
        let plain = |text: &str, from: usize| Some(text::plain_figure_call(text, from, &number)?.0);
        let Some((b, l, start)) = find(out, &plain) else {
            continue;
        };
        let line = &mut out.blocks[b].lines[l];
        let mut text = line.text.to_string();
        text.replace_range(start..start + number.len(), &call);
        line.text = Cow::Owned(text);
        cursor = (b, l, start + call.len());
    }
}

/// The title of a numbered title line ("80/27. Regional disarmament").
fn numbered_title(text: &str) -> Option<&str> {
    let (number, title) = text.trim().split_once(". ")?;
    let (session, serial) = number.split_once('/')?;
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    (digits(session)
        && digits(serial.trim_end_matches(|c: char| c.is_ascii_uppercase() || c == ' ')))
    .then_some(title)
}

/// Whether `block`, a short capitalised line without a stop, stands between
/// a sentence broken off in mid-phrase ("… increasing the possibility of
/// induced") and its lower-case continuation ("distortions in …"): a running
/// title whose page break markdown lost ("Possible risks of the integration
/// of artificial intelligence into"). A heading never splits a sentence.
fn is_lost_running_title(
    previous: Option<&Block<'_>>,
    block: &Block<'_>,
    next: Option<&Block<'_>>,
) -> bool {
    let (Some(previous), Some(next)) = (previous, next) else {
        return false;
    };
    let text = block.first().text.trim();
    let before = previous.last().text.trim_end();
    let broken_off = before.ends_with(|c: char| c.is_alphabetic());
    // "… during the general debate of the" ⏎ title ⏎ "Assembly at its …": a
    // sentence never ends on an article or a preposition.
    let dangling = before
        .rsplit(' ')
        .next()
        .is_some_and(crate::lang::is_dangling);
    let goes_on = dangling || next.first().text.starts_with(|c: char| c.is_lowercase());
    block.lines.len() == 1
        && broken_off
        && goes_on
        && text.starts_with(|c: char| c.is_uppercase())
        && text.chars().count() <= 120
        && !text.ends_with(|c: char| c.is_ascii_punctuation())
        && footnote_marker(text).is_none()
}

fn flush<'a>(
    current: &mut Vec<Line<'a>>,
    pending: &mut Vec<(Block<'a>, bool)>,
    interrupted: &mut bool,
) {
    if !current.is_empty() {
        pending.push((
            Block {
                lines: std::mem::take(current),
            },
            *interrupted,
        ));
        *interrupted = false;
    }
}

/// Adds a line; `chars_before` is the number of characters of the source
/// line before `text` (for the column).
fn push_line<'a>(current: &mut Vec<Line<'a>>, text: &'a str, number: usize, chars_before: usize) {
    let hard_break = text.ends_with("  ") || text.trim_end().ends_with('\\');
    let trimmed_start = text.trim_start();
    let mut trimmed = trimmed_start.trim_end();
    if hard_break && trimmed.ends_with('\\') && !trimmed.ends_with("\\\\") {
        trimmed = trimmed[..trimmed.len() - 1].trim_end();
    }
    let leading = text[..text.len() - trimmed_start.len()].chars().count();
    current.push(Line {
        text: footnote_references(trimmed),
        number,
        column: chars_before + leading + 1,
        hard_break,
        glue: false,
    });
}

/// Markdown footnote references (`Nations[^1]`) as the `<sup>1</sup>` calls
/// the grammar reads; a definition's own label ("[^1]: …") stays. Compounds
/// broken by the extraction ("Secretary- General") are closed.
fn footnote_references(text: &str) -> Cow<'_, str> {
    // "Secretary- General": a compound the extraction broke.
    if text.contains("- ") {
        if let Some(closed) = hyphen::close_compounds(text) {
            return match footnote_references(&closed) {
                Cow::Borrowed(_) => Cow::Owned(closed),
                Cow::Owned(more) => Cow::Owned(more),
            };
        }
    }
    if !text.contains("[^") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    let mut at_start = true;
    while let Some(open) = rest.find("[^") {
        let after = &rest[open + 2..];
        let close = after.find(']').filter(|&close| {
            close > 0
                && close <= 6
                && after[..close]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '*')
        });
        match close {
            Some(close) if !(at_start && open == 0 && after[close + 1..].starts_with(':')) => {
                out.push_str(&rest[..open]);
                out.push_str("<sup>");
                out.push_str(&after[..close]);
                out.push_str("</sup>");
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str(&rest[..open + 2]);
                rest = after;
            }
        }
        at_start = false;
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// A markdown thematic break: three or more `-`, `*` or `_` and nothing else.
fn is_rule(line: &str) -> bool {
    let mut marks = line.chars().filter(|c| !c.is_whitespace());
    let Some(first @ ('-' | '*' | '_')) = marks.next() else {
        return false;
    };
    let mut count = 1;
    for c in marks {
        if c != first {
            return false;
        }
        count += 1;
    }
    count >= 3
}

/// The footnote marker a line starts with, if it starts a footnote text:
/// `<sup>1</sup> …`, `\* …`, `\*\* …`.
pub(crate) fn footnote_marker(line: &str) -> Option<(String, usize)> {
    // A markdown footnote definition: "[^1]: A/HRC/49/94."
    if let Some(rest) = line.strip_prefix("[^") {
        let end = rest.find("]:")?;
        let marker = &rest[..end];
        let ok = !marker.is_empty()
            && marker.len() <= 6
            && marker
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '*');
        return ok.then(|| (marker.to_string(), "[^".len() + end + "]:".len()));
    }
    if let Some(rest) = line.strip_prefix("<sup>") {
        let end = rest.find("</sup>")?;
        let marker = rest[..end].trim();
        let after = &rest[end + "</sup>".len()..];
        let ok = !marker.is_empty()
            && marker.len() <= 6
            && marker.chars().all(|c| c.is_ascii_digit() || c == '*')
            && (after.is_empty() || after.starts_with(char::is_whitespace));
        return ok.then(|| (marker.to_string(), "<sup>".len() + end + "</sup>".len()));
    }
    let stars = line
        .as_bytes()
        .chunks(2)
        .take_while(|pair| *pair == b"\\*")
        .count();
    if stars > 0 {
        let consumed = stars * 2;
        let after = &line[consumed..];
        if after.starts_with(char::is_whitespace) && !after.trim().is_empty() {
            return Some(("*".repeat(stars), consumed));
        }
    }
    None
}

/// Lifts the footnote texts of `block` into `out`; the lines from the first
/// one that is body text instead ([`starts_body`]) on are given back.
fn split_footnotes<'a>(block: Block<'a>, out: &mut Vec<FootnoteText<'a>>) -> Option<Block<'a>> {
    let mut lines = block.lines.into_iter();
    while let Some(line) = lines.next() {
        let marker = footnote_marker(&line.text);
        if marker.is_none()
            && out
                .last()
                .is_some_and(|note| starts_body(&line.text, &note.marker))
        {
            let mut rest = vec![line];
            rest.extend(lines);
            return Some(Block { lines: rest });
        }
        match marker {
            Some((marker, consumed)) => {
                let (text, skipped) = {
                    let full: &str = &line.text;
                    let text = full[consumed..].trim_start();
                    (text.len(), full[..full.len() - text.len()].chars().count())
                };
                let text = match line.text {
                    Cow::Borrowed(full) => Cow::Borrowed(&full[full.len() - text..]),
                    Cow::Owned(full) => Cow::Owned(full[full.len() - text..].to_string()),
                };
                out.push(FootnoteText {
                    marker,
                    lines: vec![Line {
                        text,
                        column: line.column + skipped,
                        ..line
                    }],
                });
            }
            None => {
                // The lines after a marker line continue that footnote.
                if let Some(last) = out.last_mut() {
                    last.lines.push(line);
                }
            }
        }
    }
    None
}

/// Whether `line`, after a line of the footnote `marker`, starts body text
/// instead of continuing the note: it calls that very note, or starts a
/// heading or a numbered paragraph (`12. `, `(a) `).
fn starts_body(line: &str, marker: &str) -> bool {
    let calls_it = line.match_indices("<sup>").any(|(at, _)| {
        line[at + "<sup>".len()..]
            .strip_prefix(marker)
            .is_some_and(|r| r.starts_with("</sup>"))
    });
    let numbered = {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        (1..=3).contains(&digits) && line[digits..].starts_with(". ")
    };
    let lettered = line
        .strip_prefix('(')
        .and_then(|r| r.split_once(") "))
        .is_some_and(|(label, _)| {
            (1..=4).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_lowercase())
        });
    calls_it || numbered || lettered || line.starts_with('#')
}
