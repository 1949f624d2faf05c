//! The corpus of real documents vendored in `fixtures/corpus/` (a copy of
//! the shared `corpus/documents`: General Assembly texts extracted from PDFs,
//! Security Council OCR from 1946–2002, two JSON paragraph lists, a 1948
//! markdown extract), checked against the ground truth counted by hand in
//! `fixtures/corpus-expected.json`:
//!
//! - `corpus_counts_and_identity`: statement name, FRBR work IRI, preambular
//!   containers, operative paragraphs, points, footnotes and annexes;
//! - `corpus_loses_no_word`: every word of the input that is not page
//!   furniture is in the output, in order; every footnote's words are in the
//!   output's footnotes, in order;
//! - `corpus_snapshots`: the XML of each document, in `snapshots/`;
//! - `corpus_expected_is_consistent`: the fixture agrees with itself.
//!
//! Each test looks at every document and fails once, with a table of all
//! that differs, so that one run shows how far the converter is.
//!
//! The input side of `corpus_loses_no_word` is tokenised here, independently
//! of the converter's own cleaning, so that a word the converter drops cannot
//! also be dropped by the test. Set `CORPUS_DUMP=1` to print what the
//! tokeniser took for furniture and footnotes.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::OnceLock;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use serde::Deserialize;

use crate::util::{self, words, xml_text};

/// One document's ground truth, as `fixtures/corpus-expected.json` has it.
#[derive(Debug, Deserialize)]
struct Expected {
    /// `statement/@name`: resolution, resolutionDraft, decision, …
    kind: String,
    /// The actor of the work IRI: unga, unsc, unhrc, unecosoc.
    body: String,
    /// The symbol as printed (or as implied, when the text lacks it).
    symbol: String,
    /// The FRBRWork `FRBRuri`.
    work_uri: String,
    /// `<container>`s of the main document (outside attachments and quoted text).
    preambular: usize,
    /// `<paragraph>`s of the main document's `<mainBody>`.
    operative: usize,
    /// `<authorialNote>`s anywhere (each distinct footnote once).
    footnotes: usize,
    /// `<attachment>`s.
    annexes: usize,
    /// `<point>`s of the main document's `<mainBody>`.
    points: usize,
    /// How the document was counted (for readers, not checked).
    #[allow(dead_code)]
    notes: String,
}

/// The ground truth, by file name.
fn expected() -> BTreeMap<String, Expected> {
    let path = util::root().join("tests/fixtures/corpus-expected.json");
    let text = std::fs::read_to_string(&path).expect("corpus-expected.json exists");
    serde_json::from_str(&text).expect("corpus-expected.json parses")
}

/// A corpus document and the result of converting it.
struct Converted {
    path: PathBuf,
    name: String,
    text: String,
    /// The XML, or why there is none (error or panic).
    xml: Result<String, String>,
}

/// Every corpus document, converted once for all the tests of this module.
fn corpus() -> &'static [Converted] {
    static CORPUS: OnceLock<Vec<Converted>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        util::corpus_documents()
            .into_iter()
            .map(|path| {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                let text = util::corpus_text(&path);
                let options = un2akn::Options::default();
                let xml = match catch_unwind(|| un2akn::convert(&text, &options)) {
                    Ok(Ok(conversion)) => Ok(conversion.xml),
                    Ok(Err(error)) => Err(format!("error: {error}")),
                    Err(payload) => Err(format!("panicked: {}", panic_message(&*payload))),
                };
                Converted {
                    path,
                    name,
                    text,
                    xml,
                }
            })
            .collect()
    })
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "(no message)".to_string()
    }
}

// ---------------------------------------------------------------------------
// Counts and identity
// ---------------------------------------------------------------------------

/// What the XML holds, counted the way the ground truth is.
#[derive(Debug, Default)]
struct Found {
    /// `statement/@name`, or `<other name=…>` when the root is not a statement.
    kind: String,
    /// The main document's FRBRWork `FRBRuri`.
    work_uri: String,
    preambular: usize,
    operative: usize,
    footnotes: usize,
    annexes: usize,
    points: usize,
}

fn attribute(element: &BytesStart, key: &str) -> Option<String> {
    element
        .try_get_attribute(key)
        .ok()
        .flatten()
        .map(|a| a.unescape_value().unwrap().into_owned())
}

/// Counts the elements of `xml`. Containers, paragraphs and points are those
/// of the main document: not inside `<attachments>`, and not inside quoted
/// text (`<quotedStructure>`, `<embeddedStructure>`, as an amendment quotes
/// the paragraph it changes).
fn found(xml: &str) -> Found {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<String> = Vec::new();
    let mut found = Found::default();
    loop {
        let event = reader.read_event().expect("well-formed XML");
        let (element, empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(_) => {
                stack.pop();
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = String::from_utf8_lossy(element.name().as_ref()).into_owned();
        let inside = |ancestor: &str| stack.iter().any(|s| s == ancestor);
        let main =
            !inside("attachments") && !inside("quotedStructure") && !inside("embeddedStructure");
        if stack.len() == 1 {
            let kind = attribute(element, "name").unwrap_or_default();
            found.kind = if name == "statement" {
                kind
            } else {
                format!("<{name} name={kind:?}>")
            };
        }
        match name.as_str() {
            "container" if main => found.preambular += 1,
            "paragraph" if main && inside("mainBody") => found.operative += 1,
            "point" if main && inside("mainBody") => found.points += 1,
            "authorialNote" => found.footnotes += 1,
            "attachment" => found.annexes += 1,
            "FRBRuri"
                if inside("FRBRWork") && !inside("attachments") && found.work_uri.is_empty() =>
            {
                found.work_uri = attribute(element, "value").unwrap_or_default();
            }
            _ => {}
        }
        if !empty {
            stack.push(name);
        }
    }
    found
}

/// Lays out rows as a table under `header`, cells cut at 80 characters.
fn table(header: [&str; 4], rows: &[[String; 4]]) -> String {
    let cut = |s: &str| -> String {
        let s = s.replace('\n', " ");
        if s.chars().count() > 80 {
            format!("{}…", s.chars().take(79).collect::<String>())
        } else {
            s
        }
    };
    let rows: Vec<[String; 4]> = rows.iter().map(|r| r.clone().map(|c| cut(&c))).collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: [&str; 4]| -> String {
        let mut out = String::new();
        for (cell, width) in cells.iter().zip(widths) {
            out.push_str(&format!("{cell:<width$}  "));
        }
        out.trim_end().to_string() + "\n"
    };
    let mut out = line(header);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    out.push_str(&line([&rule[0], &rule[1], &rule[2], &rule[3]]));
    let mut previous = String::new();
    for row in &rows {
        // The document's name once per group of rows.
        let document = if row[0] == previous {
            ""
        } else {
            row[0].as_str()
        };
        out.push_str(&line([document, &row[1], &row[2], &row[3]]));
        previous = row[0].clone();
    }
    out
}

#[test]
fn corpus_counts_and_identity() {
    let corpus = corpus();
    let expected = expected();
    let mut rows: Vec<[String; 4]> = Vec::new();
    let mut row = |document: &str, field: &str, expected: String, found: String| {
        rows.push([document.to_string(), field.to_string(), expected, found]);
    };
    for document in corpus {
        let name = document.name.as_str();
        let Some(want) = expected.get(name) else {
            row(
                name,
                "fixture",
                "an entry".into(),
                "none in corpus-expected.json".into(),
            );
            continue;
        };
        let xml = match &document.xml {
            Ok(xml) => xml,
            Err(why) => {
                row(name, "convert", "Ok".into(), why.clone());
                continue;
            }
        };
        let got = found(xml);
        let mut check = |field: &str, want: String, got: String| {
            if want != got {
                row(name, field, want, got);
            }
        };
        check("statement name", want.kind.clone(), got.kind);
        check("work_uri", want.work_uri.clone(), got.work_uri);
        check(
            "preambular",
            want.preambular.to_string(),
            got.preambular.to_string(),
        );
        check(
            "operative",
            want.operative.to_string(),
            got.operative.to_string(),
        );
        check(
            "footnotes",
            want.footnotes.to_string(),
            got.footnotes.to_string(),
        );
        check("annexes", want.annexes.to_string(), got.annexes.to_string());
        check("points", want.points.to_string(), got.points.to_string());
        if let Err(payload) = catch_unwind(|| util::check_references(xml)) {
            row(
                name,
                "references",
                "all resolve, eIds unique".into(),
                panic_message(&*payload),
            );
        }
    }
    let names: Vec<&str> = corpus.iter().map(|d| d.name.as_str()).collect();
    for name in expected.keys() {
        if !names.contains(&name.as_str()) {
            row(name, "document", "in the corpus".into(), "missing".into());
        }
    }
    if !rows.is_empty() {
        let documents = {
            let mut d: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
            d.dedup();
            d.len()
        };
        panic!(
            "{} mismatches in {} of {} corpus documents \
             (ground truth and reasons: tests/fixtures/corpus-expected.json):\n\n{}",
            rows.len(),
            documents,
            corpus.len(),
            table(["document", "field", "expected", "found"], &rows)
        );
    }
}

#[test]
fn corpus_expected_is_consistent() {
    let expected = expected();
    for (name, want) in &expected {
        let kinds = [
            "resolution",
            "resolutionDraft",
            "decision",
            "decisionDraft",
            "amendment",
        ];
        assert!(
            kinds.contains(&want.kind.as_str()),
            "{name}: kind {:?}",
            want.kind
        );
        let prefix = format!("/akn/un/statement/deliberation/{}/", want.body);
        let rest = want
            .work_uri
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("{name}: {} does not start {prefix}", want.work_uri));
        let (date, number) = rest.split_once('/').expect("date/number");
        assert!(
            date.len() == 10 && date.chars().filter(|c| *c == '-').count() == 2,
            "{name}: date {date}"
        );
        let symbol_number = |s: &str| {
            s.replace(" (", "-")
                .replace(')', "")
                .replace(['/', ' '], "-")
        };
        match want.kind.as_str() {
            "resolution" | "decision" => {
                // A/RES/80/1 → 80-1; S/RES/678 (1990) → 678-1990.
                let after = want.symbol.split("/RES/").nth(1).expect("a /RES/ symbol");
                assert_eq!(number, symbol_number(after), "{name}: number");
            }
            _ => assert_eq!(number, symbol_number(&want.symbol), "{name}: number"),
        }
    }
    assert_eq!(
        util::corpus_documents().len(),
        expected.len(),
        "one entry per corpus document"
    );
}

// ---------------------------------------------------------------------------
// Nothing lost
// ---------------------------------------------------------------------------

/// One unit of the input for the comparison.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// A word, normalised by [`normal`].
    Word(String),
    /// A word broken by a hyphen at the end of a line ("ex-" / "combatants",
    /// "applica-" / "tion"): the output may have it joined ("application")
    /// or as two words ("ex-combatants" → "ex", "combatants").
    Split(String, String),
}

impl std::fmt::Display for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Token::Word(w) => write!(f, "{w}"),
            Token::Split(a, b) => write!(f, "{a}-{b}"),
        }
    }
}

/// A word as compared: `None` for numbers (footnote calls, paragraph numbers
/// and amounts can legitimately move or become attributes), footnote call
/// digits stripped from words ("Nations1" → "Nations"), and a number with a
/// glued table-note letter ("2026a") counted as a number.
fn normal(word: &str) -> Option<String> {
    let first = word.chars().next()?;
    if word.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if first.is_ascii_digit() {
        let letters = word.trim_start_matches(|c: char| c.is_ascii_digit());
        let note_letter =
            letters.chars().count() == 1 && letters.chars().all(|c| c.is_ascii_lowercase());
        return if note_letter {
            None
        } else {
            Some(word.to_string())
        };
    }
    if first.is_alphabetic() {
        return Some(
            word.trim_end_matches(|c: char| c.is_ascii_digit())
                .to_string(),
        );
    }
    Some(word.to_string())
}

/// `^\d{2}-\d{5}( \(E\))?( +\d{6})?$`: the job number, with the print date
/// on drafts ("25-14762 (E)    170925").
fn is_job_number(line: &str) -> bool {
    let bytes = line.as_bytes();
    if bytes.len() < 8
        || !bytes[..2].iter().all(u8::is_ascii_digit)
        || bytes[2] != b'-'
        || !bytes[3..8].iter().all(u8::is_ascii_digit)
    {
        return false;
    }
    let mut rest = &line[8..];
    if let Some(r) = rest.strip_prefix(" (E)") {
        rest = r;
    }
    if rest.is_empty() {
        return true;
    }
    let date = rest.trim_start_matches(' ');
    date.len() < rest.len() && date.len() == 6 && date.bytes().all(|b| b.is_ascii_digit())
}

/// `^\d{2}-\d{5}$`: the job number in the running footer of pages 2 on.
fn is_bare_job_number(line: &str) -> bool {
    line.len() == 8 && is_job_number(line)
}

/// `^\*\d+\*$`: the barcode.
fn is_barcode(line: &str) -> bool {
    line.len() > 2
        && line.starts_with('*')
        && line.ends_with('*')
        && line[1..line.len() - 1].bytes().all(|b| b.is_ascii_digit())
}

/// `^\d+/\d+$` ("2/6") or `^Page \d+$` (1990s Security Council).
fn is_page_counter(line: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(n) = line.strip_prefix("Page ") {
        return digits(n);
    }
    line.split_once('/')
        .is_some_and(|(a, b)| digits(a) && digits(b))
}

/// `^_{3,}$`: the rule above the footnotes.
fn is_rule(line: &str) -> bool {
    line.len() >= 3 && line.bytes().all(|b| b == b'_')
}

/// A line that is only a document symbol: "A/RES/80/1", "A/C.3/80/L.28",
/// "S/RES/1445 (2002)".
fn is_symbol_line(line: &str) -> bool {
    let mut symbol = line;
    if let Some(open) = line.find(" (") {
        let year = &line[open + 2..];
        let year_ok =
            year.len() == 5 && year.ends_with(')') && year[..4].bytes().all(|b| b.is_ascii_digit());
        if !year_ok {
            return false;
        }
        symbol = &line[..open];
    }
    let parts: Vec<&str> = symbol.split('/').collect();
    parts.len() >= 2
        && (1..=6).contains(&parts[0].len())
        && parts[0].bytes().all(|b| b.is_ascii_uppercase())
        && parts[1..].iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        })
        && symbol.bytes().any(|b| b.is_ascii_digit())
}

/// Which lines (trimmed) are page furniture: symbol lines, job numbers,
/// barcodes, page counters, footnote rules, and the running title — a short
/// line within 3 lines of a page-break mark (page counter, bare job number,
/// or a symbol line below the masthead) that repeats elsewhere in the
/// document, as a whole line or as the numbered title ("80/1. Participation
/// …").
fn furniture(lines: &[&str]) -> Vec<bool> {
    let mut marks: Vec<bool> = lines
        .iter()
        .map(|l| {
            is_symbol_line(l)
                || is_job_number(l)
                || is_barcode(l)
                || is_page_counter(l)
                || is_rule(l)
        })
        .collect();
    let anchors: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            let l = lines[i];
            is_page_counter(l) || is_bare_job_number(l) || (is_symbol_line(l) && i >= 12)
        })
        .collect();
    for i in 0..lines.len() {
        let line = lines[i];
        let alphabetic_words = line
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count();
        if marks[i]
            || alphabetic_words < 2
            || line.chars().count() > 120
            || line.ends_with([',', ';', ':', '.'])
            || !anchors.iter().any(|&a| a.abs_diff(i) <= 3)
        {
            continue;
        }
        let repeats = lines.iter().enumerate().any(|(k, other)| {
            k != i
                && (*other == line
                    || other.strip_suffix(line).is_some_and(|head| {
                        head.ends_with([' ', '\t'])
                            && head.trim_start().starts_with(|c: char| c.is_ascii_digit())
                    }))
        });
        if repeats {
            marks[i] = true;
        }
    }
    marks
}

/// The marker and text of a footnote line under a rule: "1 See …",
/// "* Any changes …", "** United Nations …", "a See …", "1/ S/1994/262."
fn note_start(line: &str) -> Option<(&str, &str)> {
    let (marker, text) = line.split_once(char::is_whitespace)?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let is_marker = digits(marker)
        || marker.strip_suffix('/').is_some_and(digits)
        || (!marker.is_empty() && marker.bytes().all(|b| b == b'*'))
        || (marker.len() == 1 && marker.bytes().all(|b| b.is_ascii_lowercase()));
    is_marker.then(|| (marker, text.trim_start()))
}

/// The input split for the comparison.
#[derive(Debug, Default)]
struct Input {
    /// Body lines, in order (furniture and footnotes out).
    body: Vec<String>,
    /// Each footnote's (marker, lines).
    notes: Vec<(String, Vec<String>)>,
    /// Lines taken for furniture.
    furniture: Vec<String>,
}

/// Splits an input into body lines, footnotes and furniture.
///
/// Footnotes are: lines after a `_____` rule up to the next furniture line;
/// outside those, paragraphs (after a blank line) that start "1/ " (1990s
/// notes), "a " + capital when a number with that glued letter ("2026a")
/// occurs earlier (table notes), "22 " + capital when an earlier line ends
/// with that number as a separate word ("Adopted at the 2nd meeting. 22"),
/// or "* " / "** " + capital when an earlier line has that call glued to a
/// word ("Russian Federation:*", "Court,**"; notes without a rule above).
fn split_input(text: &str) -> Input {
    let mut lines: Vec<&str> = text.lines().map(str::trim).collect();
    // Markdown front matter is metadata, not text.
    if lines.first() == Some(&"---") {
        if let Some(end) = lines[1..].iter().position(|l| *l == "---") {
            lines.drain(..end + 2);
        }
    }
    let marks = furniture(&lines);
    let mut input = Input::default();
    let mut under_rule = false;
    let mut loose_note = false;
    for (i, &line) in lines.iter().enumerate() {
        if marks[i] {
            input.furniture.push(line.to_string());
            under_rule = is_rule(line);
            loose_note = false;
            continue;
        }
        if under_rule {
            if line.is_empty() {
                continue;
            }
            match (note_start(line), input.notes.last_mut()) {
                (Some((marker, rest)), _) => input
                    .notes
                    .push((marker.to_string(), vec![rest.to_string()])),
                (None, Some(note)) => note.1.push(line.to_string()),
                (None, None) => input.notes.push((String::new(), vec![line.to_string()])),
            }
            continue;
        }
        if line.is_empty() {
            loose_note = false;
            input.body.push(String::new());
            continue;
        }
        if loose_note {
            input.notes.last_mut().unwrap().1.push(line.to_string());
            continue;
        }
        let paragraph_start = i == 0 || lines[i - 1].is_empty();
        if paragraph_start {
            if let Some((marker, rest)) = note_start(line) {
                let capital = rest.starts_with(|c: char| c.is_uppercase());
                let earlier: Vec<&str> = (0..i).filter(|&k| !marks[k]).map(|k| lines[k]).collect();
                let loose = if marker.ends_with('/') {
                    true
                } else if marker.bytes().all(|b| b.is_ascii_lowercase()) {
                    capital
                        && earlier.iter().any(|l| {
                            l.split(|c: char| !c.is_alphanumeric()).any(|w| {
                                w.len() > 1
                                    && w.ends_with(marker)
                                    && w[..w.len() - 1].bytes().all(|b| b.is_ascii_digit())
                            })
                        })
                } else if marker.bytes().all(|b| b.is_ascii_digit()) {
                    capital
                        && earlier.iter().any(|l| {
                            l.strip_suffix(marker)
                                .is_some_and(|head| head.ends_with(char::is_whitespace))
                        })
                } else {
                    // "*", "**": called right after a word ("Federation:*",
                    // "Court,**"), with no rule above the notes.
                    capital
                        && earlier.iter().any(|l| {
                            l.match_indices(marker).any(|(at, _)| {
                                let before = l[..at].chars().next_back();
                                let after = l[at + marker.len()..].chars().next();
                                before.is_some_and(|c| !c.is_whitespace() && c != '*')
                                    && after != Some('*')
                            })
                        })
                };
                if loose {
                    input
                        .notes
                        .push((marker.to_string(), vec![rest.to_string()]));
                    loose_note = true;
                    continue;
                }
            }
        }
        input.body.push(line.to_string());
    }
    input
}

/// Tokens of consecutive lines, joining a word hyphenated at a line end
/// with the first word of the next non-empty line.
fn tokens(lines: &[String]) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut pending: Option<String> = None;
    for line in lines.iter().filter(|l| !l.is_empty()) {
        let mut line_words: Vec<String> = words(line);
        if let Some(head) = pending.take() {
            let starts_with_letter = line.starts_with(|c: char| c.is_alphabetic());
            match (
                starts_with_letter,
                line_words.first().and_then(|w| normal(w)),
            ) {
                (true, Some(tail)) => {
                    out.push(Token::Split(head, tail));
                    line_words.remove(0);
                }
                _ => out.push(Token::Word(head)),
            }
        }
        let hyphenated =
            line.ends_with('-') && line[..line.len() - 1].ends_with(|c: char| c.is_alphabetic());
        let last = if hyphenated { line_words.pop() } else { None };
        out.extend(line_words.iter().filter_map(|w| normal(w)).map(Token::Word));
        if let Some(last) = last {
            pending = normal(&last);
        }
    }
    if let Some(head) = pending {
        out.push(Token::Word(head));
    }
    out
}

/// Whether `needle` occurs in `haystack` in order; on failure, the index of
/// the first token not found.
fn in_order(needle: &[Token], haystack: &[String]) -> Result<(), usize> {
    let mut at = 0;
    for (index, token) in needle.iter().enumerate() {
        let end = match token {
            Token::Word(w) => haystack[at..].iter().position(|h| h == w).map(|p| at + p),
            Token::Split(a, b) => {
                let joined = format!("{a}{b}");
                let whole = haystack[at..]
                    .iter()
                    .position(|h| *h == joined)
                    .map(|p| at + p);
                let halves = haystack[at..]
                    .windows(2)
                    .position(|pair| pair[0] == *a && pair[1] == *b)
                    .map(|p| at + p + 1);
                match (whole, halves) {
                    (Some(x), Some(y)) => Some(x.min(y)),
                    (x, y) => x.or(y),
                }
            }
        };
        match end {
            Some(end) => at = end + 1,
            None => return Err(index),
        }
    }
    Ok(())
}

/// Up to 8 tokens either side of `index`, the missing one in »«.
fn context(tokens: &[Token], index: usize) -> String {
    let from = index.saturating_sub(8);
    let to = (index + 9).min(tokens.len());
    (from..to)
        .map(|i| {
            if i == index {
                format!("»{}«", tokens[i])
            } else {
                tokens[i].to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The tokeniser itself, on a made-up two-page text.
#[test]
fn corpus_tokeniser_finds_furniture_and_footnotes() {
    let text = "United Nations \nA/RES/99/1 \n\nGeneral Assembly \nDistr.: General \n\
        30-12345 (E) \n*3012345* \n\nRuritania:* draft resolution\n\n\
        99/1. Running title of it \n\nThe General Assembly, \n\n\
        Recalling the Charter of the United Nations1 and the applica- \ntion of it,\n\
        _______________ \n\n1 See the footnote, \nwhich wraps. \n\nA/RES/99/1 \n\
        Running title of it \n\n30-12345\n2/2 \n\n1. \nDecides to note the total for 2026a;\n\n\
        a See the table note.\n\n* Any changes to sponsors.\n";
    let input = split_input(text);
    assert_eq!(
        input.furniture,
        [
            "A/RES/99/1",
            "30-12345 (E)",
            "*3012345*",
            "_______________",
            "A/RES/99/1",
            "Running title of it",
            "30-12345",
            "2/2"
        ]
    );
    let notes: Vec<(&str, Vec<Token>)> = input
        .notes
        .iter()
        .map(|(marker, lines)| (marker.as_str(), tokens(lines)))
        .collect();
    let word = |w: &str| Token::Word(w.to_string());
    assert_eq!(
        notes,
        [
            (
                "1",
                vec![
                    word("See"),
                    word("the"),
                    word("footnote"),
                    word("which"),
                    word("wraps")
                ]
            ),
            (
                "a",
                vec![word("See"), word("the"), word("table"), word("note")]
            ),
            (
                "*",
                vec![word("Any"), word("changes"), word("to"), word("sponsors")]
            ),
        ]
    );
    let body = tokens(&input.body);
    let split = Token::Split("applica".to_string(), "tion".to_string());
    assert!(
        body.contains(&word("Nations")) && body.contains(&split),
        "{body:?}"
    );
    assert!(
        !body.iter().any(|t| t.to_string().starts_with("2026")),
        "{body:?}"
    );
    let hay = |s: &str| -> Vec<String> { s.split(' ').map(str::to_string).collect() };
    assert_eq!(
        in_order(std::slice::from_ref(&split), &hay("the application of")),
        Ok(())
    );
    assert_eq!(
        in_order(std::slice::from_ref(&split), &hay("the applica tion of")),
        Ok(())
    );
    assert_eq!(
        in_order(&[split, word("of")], &hay("the applica of tion")),
        Err(0)
    );
}

#[test]
fn corpus_loses_no_word() {
    let corpus = corpus();
    let dump = std::env::var_os("CORPUS_DUMP").is_some();
    let mut failures: Vec<String> = Vec::new();
    for document in corpus {
        let name = &document.name;
        let input = split_input(&document.text);
        if dump {
            eprintln!("== {name}\n  furniture: {:?}", input.furniture);
            for (marker, lines) in &input.notes {
                eprintln!("  note {marker:?}: {}", lines.join(" / "));
            }
        }
        let body = tokens(&input.body);
        assert!(body.len() > 20, "{name}: the tokeniser found the text");
        let xml = match &document.xml {
            Ok(xml) => xml,
            Err(why) => {
                failures.push(format!("{name}: no XML ({why})"));
                continue;
            }
        };
        let output = xml_text(xml);
        let output_body: Vec<String> = output.body.iter().filter_map(|w| normal(w)).collect();
        let output_notes: Vec<String> = output
            .notes
            .iter()
            .flat_map(|(_, words)| words.iter().filter_map(|w| normal(w)))
            .collect();
        if let Err(index) = in_order(&body, &output_body) {
            failures.push(format!(
                "{name}: body word {index} of {} ({}) missing from the output, in order; context: {}",
                body.len(),
                body[index],
                context(&body, index)
            ));
        }
        for (marker, lines) in &input.notes {
            let note = tokens(lines);
            if let Err(index) = in_order(&note, &output_notes) {
                failures.push(format!(
                    "{name}: footnote {marker:?}: word {index} ({}) missing from the output's \
                     footnotes ({} notes, {} words); context: {}",
                    note[index],
                    output.notes.len(),
                    output_notes.len(),
                    context(&note, index)
                ));
            }
        }
    }
    if !failures.is_empty() {
        panic!(
            "words lost in {} places:\n\n{}\n",
            failures.len(),
            failures.join("\n")
        );
    }
}

// ---------------------------------------------------------------------------
// Snapshots
// ---------------------------------------------------------------------------

#[test]
fn corpus_snapshots() {
    let corpus = corpus();
    let mut failures: Vec<String> = Vec::new();
    for document in corpus {
        let stem = document
            .path
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let xml = match &document.xml {
            Ok(xml) => xml.clone(),
            Err(why) => {
                failures.push(format!("{}: no XML ({why})", document.name));
                continue;
            }
        };
        // Every document gets its snapshot (new ones as .snap.new) even when
        // an earlier one differs.
        let result = catch_unwind(AssertUnwindSafe(|| {
            util::snapshot_settings().bind(|| {
                insta::assert_snapshot!(format!("corpus-{stem}"), xml);
            })
        }));
        if result.is_err() {
            failures.push(format!(
                "{}: snapshot corpus-{stem} differs or is new",
                document.name
            ));
        }
    }
    if !failures.is_empty() {
        panic!(
            "{} corpus snapshots fail (review with `cargo insta review`):\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}
