//! Stage 2: the grammar — cleaned blocks in, a [`Document`] out.
//!
//! Takes [`CleanText`] (stage 1) and recognises, block by block, the parts of
//! a UN resolution. The block structure is a hand-written state machine
//! ([`parse`] and `DocumentParser::block` here): a `Phase` that only moves
//! forward (masthead, preamble, operative part, conclusions), with each block
//! handled by one seam of the text:
//!
//! - `split`: where a block of text input parts into paragraphs with no
//!   blank line between them (before the parser places each part);
//! - `preface`: masthead lines, the numbered title and adoption statement;
//! - `preamble`: the enacting formula and preambular paragraphs;
//! - `operative`: numbered paragraphs, (a)/(i) points, divisions, the tree
//!   of the main body;
//! - `conclusions`: meeting, date and adoption lines, the vote;
//! - `footnotes`: footnote texts and uncalled notes;
//! - `identity`: kind, body, symbol, numbers and dates; the finished document.
//!
//! Small nom parsers recognise the tokens inside a block: [`date`],
//! [`symbol`], [`citation`], [`vote`], [`masthead`], [`lead`], [`inline`].
//!
//! It never writes XML, makes no identifier (eIds, IRIs and TLC ids are the
//! writer's) and never drops text: a block it cannot place is kept in the
//! nearest part and reported as a [`Warning`].

pub(crate) mod citation;
mod conclusions;
pub(crate) mod date;
mod footnotes;
mod identity;
pub(crate) mod inline;
pub(crate) mod kinds;
pub(crate) mod lead;
pub(crate) mod masthead;
mod operative;
mod preamble;
mod preface;
mod split;
pub(crate) mod symbol;
pub(crate) mod vote;

use rustc_hash::FxHashSet;
use std::borrow::Cow;

use chrono::NaiveDate;

use self::conclusions::meeting_line;
use self::inline::{inlines, push};
use self::lead::{lead_len, Part};
use self::masthead::Fact;
use self::operative::{is_dash, operative_number, starts_operative, MainBody};
use self::preamble::is_formula;
use self::preface::{resolution_title, title_line};
use self::split::{closes_clause, split_paragraphs};
use crate::clean::{without_closing_calls, CleanText, Format, Line};
use crate::error::{ErrorKind, Position, Warning};
use crate::lang::{self, Language};
use crate::model::{
    Body, Document, DocumentKind, Footnote, Inline, Meeting, Organization, Parts, Preamble,
    Reference, Vote,
};
use crate::Error;

/// What the grammar needs to know beyond the text.
#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    /// The document symbol, for texts that do not print it (drafts,
    /// statements, decisions).
    pub symbol: Option<String>,
    /// The date of adoption (drafts: of issuance), for texts that do not
    /// print it.
    pub date: Option<NaiveDate>,
    /// The language of the text; default: detected ([`Language::detect`]).
    pub language: Option<Language>,
}

/// The grammar's result: the document and what it could not place.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The recognised document.
    pub document: Document,
    /// Text kept without being understood, and missing facts.
    pub warnings: Vec<Warning>,
}

/// Parses cleaned text into a document.
///
/// # Errors
/// [`ErrorKind::Empty`] when there is no text at all.
pub fn parse(clean: &CleanText<'_>, options: &ParseOptions) -> Result<Parsed, Error> {
    if clean.blocks.is_empty() && clean.footnotes.is_empty() {
        return Err(ErrorKind::Empty.into());
    }
    let language = options
        .language
        .unwrap_or_else(|| Language::detect(&sample_text(clean)));
    let _scope = lang::Scope::new(language);
    let text_mode = clean.format == Some(Format::Text);
    // Measured once, for the document and its annexes alike.
    let line_width = if text_mode { clean.line_width } else { 0 };
    // The width a line's shortness is told against, blank lines or none
    // (0 where the text is not wrapped at a printed width).
    let lines: usize = clean.blocks.iter().map(|block| block.lines.len()).sum();
    let printed_line = if crate::clean::is_line_width(line_width, lines) {
        line_width
    } else {
        0
    };
    // Where blank lines part the paragraphs (a few lines to a block: at
    // most 12 on average, or at a narrow width 800 columns, as ru 77/181's
    // long recitals take 12.03 lines of 61), a full line inside a block only
    // wrapped. A text without blank lines between its paragraphs holds
    // pages of them in a block (1,240 columns or more). Where they part
    // every few lines, they make the width safe to take from half the
    // lines: a short resolution's "…مواصلتها،" ⏎ "وإذ يحيط علما …" (ar
    // S/RES/2652 at 72 columns, 38 lines) is one recital.
    let blocks = clean.blocks.len();
    let full_line = if (blocks * 12 >= lines || blocks * 800 >= lines * line_width)
        && (printed_line > 0
            || (blocks * 3 >= lines && crate::clean::is_line_width(line_width, lines * 2)))
    {
        line_width
    } else {
        0
    };
    let mut parser = DocumentParser::new(clean, line_width);
    parser.language = language;
    let mut annexes: Vec<DocumentParser> = Vec::new();
    // A number or label alone waits for the text it numbers.
    let mut label: Option<Vec<Line<'_>>> = None;
    for block in &clean.blocks {
        let parts = if text_mode {
            split_paragraphs(block, full_line, printed_line)
        } else {
            vec![&block.lines[..]]
        };
        for part in parts {
            // A dash item's dash or a bullet alone ("–" ⏎ (page) ⏎ "UNIOGBIS
            // will continue …") only as a block of its own: a table's
            // empty cell reads the same.
            let lone_dash = || block.lines.len() == 1 && is_dash(part[0].text.trim());
            if part.len() == 1 && (is_lone_label(&part[0].text) || lone_dash()) {
                label
                    .get_or_insert_with(Vec::new)
                    .extend(part.iter().cloned());
                continue;
            }
            let lines: Cow<'_, [Line<'_>]> = match label.take() {
                Some(mut lines) => {
                    lines.extend(part.iter().cloned());
                    Cow::Owned(lines)
                }
                None => Cow::Borrowed(part),
            };
            // "Annex", "Annex I" after the operative part starts an annex.
            let after_body = parser.phase >= Phase::Operative || !annexes.is_empty();
            if after_body && is_annex_heading(&lines[..1]) {
                annexes.push(DocumentParser::annex(clean, line_width));
                let annex = annexes.last_mut().expect("just pushed");
                annex.block(&lines[..1]);
                if lines.len() > 1 {
                    annex.block(&lines[1..]);
                }
                continue;
            }
            // The document's own meeting and date after an annex that is a
            // list rather than an annexed text with its own formula (UNEA
            // paragraph lists put them last): the document's conclusions.
            let after_list_annex = annexes
                .last()
                .is_some_and(|a| a.preamble.formula.is_none() && parser.meeting.is_none());
            let lead = unwrap_emphasis(&lines[0].text).0;
            let ends_meeting = meeting_line(lead).is_ok_and(|(rest, _)| {
                rest.trim().is_empty()
                    || date::date(rest.trim_start_matches([' ', ',', '\n'])).is_ok()
            });
            if after_list_annex && ends_meeting {
                parser.phase = Phase::Conclusions;
                parser.block(&lines);
                continue;
            }
            let awaits_date = parser.phase == Phase::Conclusions
                && !annexes.is_empty()
                && parser.adoption_date.is_none()
                && parser.meeting.is_some()
                && date::date(lead.trim()).is_ok_and(|(rest, _)| rest.trim().is_empty());
            if awaits_date {
                parser.block(&lines);
                continue;
            }
            annexes.last_mut().unwrap_or(&mut parser).block(&lines);
        }
    }
    if let Some(lines) = label {
        annexes.last_mut().unwrap_or(&mut parser).block(&lines);
    }
    for annex in annexes {
        let (annex, warnings) = annex.into_annex();
        parser.annexes.push(annex);
        parser.warnings.extend(warnings);
    }
    parser.footnotes(clean);
    parser.finish(options)
}

/// Where in the document the parser is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Phase {
    Masthead,
    Preamble,
    Operative,
    Conclusions,
}

struct DocumentParser {
    /// Markers of the footnote texts, so that calls are known for calls.
    markers: FxHashSet<String>,
    /// Reading text extracted from PDF rather than markdown.
    text_mode: bool,
    /// The width of a full printed line, in columns (text input only;
    /// 0 otherwise): a line as wide ends where the print wrapped it, a
    /// shorter one in a table ends its row or cell.
    line_width: usize,
    /// First lines of the blocks that start a page ([`CleanText::page_tops`]).
    page_tops: Vec<usize>,
    job_number: Option<String>,
    phase: Phase,
    cover: Vec<Vec<Inline>>,
    preface: Vec<Vec<Inline>>,
    /// A statement's opening sentence, the main body's first alinea.
    opening: Option<Vec<Inline>>,
    preamble: Preamble,
    /// The operative part: paragraphs in their divisions.
    paragraphs: MainBody,
    conclusions: Vec<Vec<Inline>>,
    footnotes: Vec<Footnote>,
    organizations: Vec<Organization>,
    facts: Vec<Fact>,
    preface_number: Option<(String, Option<u32>)>,
    formula_body: Option<Body>,
    adoption_date: Option<NaiveDate>,
    meeting: Option<Meeting>,
    vote: Option<Vote>,
    /// How many agenda item titles the masthead still holds: one per item
    /// of "Agenda items 132 and 143", each a block of its own.
    agenda_titles: usize,
    /// Inside a recorded vote's lists of voters ("In favour: …").
    listing_voters: bool,
    warnings: Vec<Warning>,
    /// Where the title is (or the document starts): where warnings about
    /// the document as a whole point.
    title_position: Position,
    /// Where each division of the operative part starts, in document order.
    division_positions: Vec<Position>,
    /// The last paragraph number read, and how many divisions and
    /// paragraphs came before it: what the next number is checked against.
    last_number: Option<(u32, usize)>,
    /// A division was just opened without a heading: the next title-like
    /// line is its heading.
    division_awaits_heading: bool,
    /// Parsing an annex rather than the document itself.
    annex: bool,
    /// The annexes, parsed separately.
    annexes: Vec<Parts>,
    /// "Adopted by the Security Council at its 5153rd meeting, on" whose
    /// date is in the next block.
    pending_statement: Option<String>,
    /// A masthead line opening a bracket ("[on the report of the …") whose
    /// closing line is in the next block, after blank lines.
    open_bracket: Option<(String, Position)>,
    /// The side of a recorded vote whose voters are being listed.
    vote_side: Option<vote::Side>,
    /// Voters listed per side: in favour, against, abstaining.
    listed_voters: [u32; 3],
    /// The language of the text.
    language: Language,
    /// Where a first point whose label "(a)" was restored ([`Self::lost_point_label`])
    /// starts, while no second point has followed it, and how many
    /// paragraphs there were then (its own the last).
    restored_first_point: Option<(Position, usize)>,
}

/// The first 20,000 bytes or so of the running text, for language detection.
fn sample_text(clean: &CleanText<'_>) -> String {
    let mut sample = String::new();
    for line in clean.blocks.iter().flat_map(|b| &b.lines) {
        if sample.len() > 20_000 {
            break;
        }
        sample.push_str(&line.text);
        sample.push('\n');
    }
    sample
}

/// A block's text: lines joined by a space, a hard break as `'\n'`.
/// Lines joined into one text: a space between lines, `'\n'` after a hard
/// break, nothing after a line whose last word goes on (hyphenation).
fn block_text<'b>(lines: &'b [Line<'_>]) -> Cow<'b, str> {
    if lines.len() == 1 {
        return Cow::Borrowed(lines[0].text.as_ref());
    }
    let mut text = String::with_capacity(lines.iter().map(|l| l.text.len() + 1).sum());
    for (index, line) in lines.iter().enumerate() {
        if index > 0 {
            let previous = &lines[index - 1];
            if previous.hard_break {
                text.push('\n');
            } else if !previous.glue {
                text.push(' ');
            }
        }
        text.push_str(&line.text);
    }
    Cow::Owned(text)
}

/// Appends `more`, read from the page-top `text`, to `content`, whose
/// plain text ends with `open_text`: with a space, but none where Chinese
/// joins without one ("…工作，" ⏎ (page) ⏎ "促请 …").
fn join_across_page(content: &mut Vec<Inline>, open_text: &str, text: &str, more: Vec<Inline>) {
    if !crate::clean::joins_without_space(open_text, text) {
        content.push(Inline::text(" "));
    }
    content.extend(more);
}

/// The marks that close a paragraph's last clause, or announce its points,
/// in every script: ". ; :", Chinese "。；：", Arabic "؛" (not the commas of
/// `operative::CLAUSE_ENDS`).
const STOPS: [char; 7] = ['.', ';', ':', '。', '；', '：', '؛'];

/// Whether `text` ends as an operative paragraph does, with "." or ";" (a
/// footnote call after it aside: "… Committee.<sup>1</sup>"; "。", "；" in
/// Chinese, "؛" in Arabic), not with a recital's comma.
fn closes_as_operative(text: &str) -> bool {
    without_closing_calls(text).ends_with(['.', ';', '。', '；', '؛'])
}

/// Whether `text` is Chinese closed by a comma (a footnote call after it
/// aside): a recital, whatever its verb, which the preamble shares with the
/// operative part ("知悉", "回顾") or no list has ("决心").
fn closes_chinese_recital(text: &str, language: Language) -> bool {
    language == Language::Chinese && without_closing_calls(text).ends_with(['，', ','])
}

/// How the words of a text (parted by white space) open: in lower case,
/// with a capital, and how many there are (figures and marks count only
/// there).
struct WordCases {
    lower: usize,
    capital: usize,
    words: usize,
}

/// The [`WordCases`] of `text`: whether it reads as a phrase or a sentence
/// ("Amend paragraph 8 to read:") rather than a title or a table's cells.
fn word_cases(text: &str) -> WordCases {
    let mut cases = WordCases {
        lower: 0,
        capital: 0,
        words: 0,
    };
    for word in text.split_whitespace() {
        cases.words += 1;
        match word.chars().next() {
            Some(c) if c.is_lowercase() => cases.lower += 1,
            Some(c) if c.is_uppercase() => cases.capital += 1,
            _ => {}
        }
    }
    cases
}

/// Whether `text` reads as a recital by its form alone: it opens with a
/// lead the lexicon lacks but whose form is a recital's (a participle or
/// adjective, "Having considered", "Mindful that"; the other languages'
/// participles and particles) and closes as a recital does (a comma, or
/// the ";" some sections' last recital has), not as a heading.
fn reads_as_recital(text: &str) -> bool {
    // A Chinese recital's lead has no form of its own ("决心"); its comma
    // is enough.
    let lead =
        lang::current() == Language::Chinese || guessed_lead_len(text, Part::Preamble).is_some();
    lead && without_closing_calls(text).ends_with([',', '，', '،', ';'])
}

/// A part's label alone on its line: "F.", "IV.", "XVIII", as the
/// operative part reads one.
fn is_label(text: &str) -> bool {
    operative::division_heading(text.trim()).is_some_and(|(_, heading)| heading.is_none())
}

/// A part's label alone on its line, or a budget's or a convention's
/// ("Part IV", "Section 11", "Chapter II"), in any of the six languages.
/// A budget's section may carry a letter ("Section 29A") and its income
/// sections their own word ("Income section 2").
fn is_any_label(text: &str) -> bool {
    let text = text.trim();
    let text = text
        .strip_suffix(|c: char| c.is_ascii_uppercase())
        .filter(|rest| rest.ends_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(text);
    is_income_section(text)
        || is_label(text)
        || operative::convention_division(text).is_some_and(|(_, _, heading)| heading.is_none())
        // "二", "ثانيا": a part's label in Chinese or Arabic.
        || lang::division_label(text)
}

/// A budget's income section alone on its line ("Income section 2").
fn is_income_section(text: &str) -> bool {
    text.strip_prefix("Income section ")
        .is_some_and(is_paragraph_figure)
}

/// "Annex", "Annex I", "ANNEX II" alone on a block.
fn is_annex_heading(lines: &[Line<'_>]) -> bool {
    lines.len() == 1 && is_annex_line(&lines[0].text)
}

/// "Annex", "Annex I", "ANNEX II" alone on a line.
fn is_annex_line(text: &str) -> bool {
    let (_, text) = heading(text.trim());
    let (text, _) = unwrap_emphasis(text);
    let rest = lang::annex_heading(text)
        .or_else(|| text.strip_prefix("Annex"))
        .or_else(|| text.strip_prefix("ANNEX"));
    match rest {
        Some("") => true,
        Some(number) if number.starts_with(' ') => {
            let number = number.trim();
            !number.is_empty()
                && number.len() < 8
                && number
                    .chars()
                    .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L') || c.is_ascii_digit())
        }
        _ => false,
    }
}

/// Whether `text` is a paragraph's number: one to three figures.
fn is_paragraph_figure(text: &str) -> bool {
    !text.is_empty() && text.len() <= 3 && text.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `meeting` is a meeting line and `date` a date, each alone on its
/// line: "42nd plenary meeting" ⏎ "30 November 2022", "الجلسة العامة 42" ⏎
/// "30 تشرين الثاني/نوفمبر 2022".
pub(crate) fn is_meeting_and_date(meeting: &str, date: &str) -> bool {
    is_meeting_line(meeting.trim_start())
        && date::date(date.trim()).is_ok_and(|(rest, _)| rest.is_empty())
}

/// English words that leave a line unfinished: a masthead's ("… adoption of
/// the agenda and" ⏎ "allocation of items"), or running text's ("… to
/// developing countries by" ⏎ "2030. This increase …").
const CONNECTORS: &[&str] = &[
    "and",
    "of",
    "the",
    "for",
    "on",
    "in",
    "to",
    "by",
    "with",
    "including",
    "or",
    "a",
    "an",
    "its",
    "their",
    "from",
    "at",
    "against",
    "between",
    "into",
    "through",
    "under",
];

/// Whether `line` ends with one of [`CONNECTORS`], so that its sentence goes
/// on at the next line.
pub(crate) fn ends_with_connector(line: &str) -> bool {
    let last_word = line.trim_end().rsplit(' ').next().unwrap_or_default();
    CONNECTORS.contains(&last_word)
}

/// Whether `text` is a meeting line and nothing else (spaces at its end
/// aside): "45th plenary meeting".
fn is_meeting_line(text: &str) -> bool {
    conclusions::meeting_line(text.trim_end()).is_ok_and(|(rest, _)| rest.is_empty())
}

/// A paragraph number or point label alone on its line: "1.", "(a)", and
/// the other languages' forms "12 -", "(د)", "a)", "１．", "（a）".
pub(crate) fn is_lone_label(text: &str) -> bool {
    let text = text.trim();
    let number = text.strip_suffix('.').is_some_and(is_paragraph_figure);
    // "b." of a Security Council text's points ("a. Support to …").
    let letter = matches!(text.as_bytes(), [b'a'..=b'z', b'.']);
    let label = text.len() <= 7
        && text.starts_with('(')
        && text.ends_with(')')
        && text[1..text.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_lowercase());
    number || letter || label || is_lone_language_label(text)
}

/// [`is_lone_label`] for the forms only the language's parsers know: the
/// parsers want the space that follows a label, so one is put after it (in
/// a buffer on the stack: this runs on every short line).
fn is_lone_language_label(text: &str) -> bool {
    const MAX: usize = 16;
    // "b)", and the Roman "ii)" of the Spanish and French points.
    let lettered = || {
        text.strip_suffix(')').is_some_and(|letters| {
            letters.len() <= 4 && letters.bytes().all(|b| b.is_ascii_lowercase())
        })
    };
    let opens_like_a_label = text.starts_with(|c: char| {
        c.is_numeric() || matches!(c, '(' | '（' | '-' | '\u{200e}' | '\u{200f}')
    }) || text.chars().nth(1) == Some(')')
        || lettered();
    // "(2026-" ⏎ "2035)" (ar 80/257's title at 52 columns without blank
    // lines): a year closing a range is no label; labels take three figures
    // at most.
    let year = text.bytes().take_while(u8::is_ascii_digit).count() >= 4;
    if text.is_empty() || text.len() > MAX || !opens_like_a_label || year {
        return false;
    }
    let mut buffer = [b' '; MAX + 1];
    buffer[..text.len()].copy_from_slice(text.as_bytes());
    // Valid UTF-8: `text` and an ASCII space.
    let Ok(probe) = std::str::from_utf8(&buffer[..=text.len()]) else {
        return false;
    };
    crate::lang::operative_number(probe).is_some_and(|(_, rest)| rest.is_empty())
        || crate::lang::point_label(probe).is_some_and(|(label, rest)| {
            rest.is_empty() && (label.ends_with([')', '）']) || label == "-")
        })
}

/// `### Title` → (3, "Title").
fn heading(text: &str) -> (usize, &str) {
    let hashes = text.len() - text.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && text[hashes..].starts_with(' ') {
        (hashes, text[hashes..].trim())
    } else {
        (0, text)
    }
}

/// The text without surrounding emphasis markers: `*58th meeting*` → `58th meeting`.
fn unwrap_emphasis(text: &str) -> (&str, bool) {
    for marker in ["**", "*", "_"] {
        if let Some(inner) = text
            .strip_prefix(marker)
            .and_then(|t| t.strip_suffix(marker))
        {
            if !inner.is_empty() && !inner.contains(marker) {
                return (inner, true);
            }
        }
    }
    (text, false)
}

impl DocumentParser {
    fn new(clean: &CleanText<'_>, line_width: usize) -> DocumentParser {
        DocumentParser {
            markers: clean.footnotes.iter().map(|f| f.marker.clone()).collect(),
            text_mode: clean.format == Some(Format::Text),
            line_width,
            page_tops: clean.page_tops.clone(),
            job_number: clean.job_number().map(str::to_string),
            phase: Phase::Masthead,
            cover: Vec::new(),
            preface: Vec::new(),
            opening: None,
            preamble: Preamble::default(),
            paragraphs: MainBody::default(),
            conclusions: Vec::new(),
            footnotes: Vec::new(),
            organizations: Vec::new(),
            facts: Vec::new(),
            preface_number: None,
            formula_body: None,
            adoption_date: None,
            meeting: None,
            vote: None,
            agenda_titles: 0,
            listing_voters: false,
            warnings: Vec::new(),
            title_position: Position { line: 1, column: 1 },
            division_positions: Vec::new(),
            last_number: None,
            restored_first_point: None,
            division_awaits_heading: false,
            annex: false,
            annexes: Vec::new(),
            pending_statement: None,
            open_bracket: None,
            vote_side: None,
            listed_voters: [0; 3],
            language: Language::English,
        }
    }

    /// A parser for an annex: it starts after the masthead.
    fn annex(clean: &CleanText<'_>, line_width: usize) -> DocumentParser {
        let mut parser = DocumentParser::new(clean, line_width);
        parser.annex = true;
        parser.phase = Phase::Preamble;
        parser.job_number = None;
        parser
    }

    /// The parsed annex and its warnings.
    fn into_annex(mut self) -> (Parts, Vec<Warning>) {
        let parts = self.take_parts();
        (parts, self.warnings)
    }

    /// The preface, preamble, main body and conclusions parsed so far, with
    /// a warning for each division that holds nothing.
    fn take_parts(&mut self) -> Parts {
        let parts = Parts {
            preface: std::mem::take(&mut self.preface),
            preamble: std::mem::take(&mut self.preamble),
            opening: self.opening.take(),
            main_body: std::mem::take(&mut self.paragraphs).into_provisions(),
            conclusions: std::mem::take(&mut self.conclusions),
        };
        let empty: Vec<(usize, String)> = parts
            .divisions()
            .enumerate()
            .filter(|(_, division)| division.provisions.is_empty())
            .map(|(index, division)| (index, division.num.clone()))
            .collect();
        for (index, num) in empty {
            let position = self.division_positions.get(index).copied();
            self.warn(
                position.unwrap_or(self.title_position),
                format!("division {num} holds no paragraph; kept with its heading"),
            );
        }
        parts
    }

    fn inlines(&self, text: &str) -> Vec<Inline> {
        inlines(text, &self.markers)
    }

    /// The body that adopts (or debates) the text, as far as known: what
    /// "its resolutions" refers to.
    fn adopting_body(&self) -> Body {
        let mut named = None;
        for fact in &self.facts {
            match fact {
                Fact::Adopted(_, Some(body), _) => return *body,
                Fact::Body(body) if *body != Body::GeneralAssembly => named = Some(*body),
                _ => {}
            }
        }
        named.or(self.formula_body).unwrap_or(Body::GeneralAssembly)
    }

    /// Inline content of running text, with citations, symbols and dates
    /// recognised (see [`citation`]).
    fn running_text(&mut self, text: &str, position: Position) -> Vec<Inline> {
        let content = self.inlines(text);
        let mut warnings = Vec::new();
        let content = citation::enrich(content, self.adopting_body(), &mut warnings);
        for warning in warnings {
            self.warn(position, warning.message);
        }
        content
    }

    fn warn(&mut self, position: Position, message: impl Into<String>) {
        self.warnings.push(Warning {
            position,
            message: message.into(),
        });
    }

    fn block(&mut self, lines: &[Line<'_>]) {
        // An annexed table or list in text input: one row per line.
        // A number alone on its first line ("9." ⏎ "We affirm …") numbers
        // a paragraph, not a table.
        let rows: Vec<Line<'_>>;
        // In the operative part, four lines or more each short of the
        // page's width, three in four of them under a third of it, are a
        // table's cells too ("Action" ⏎ "Title of post" ⏎ "Category/level"
        // …), not a paragraph wrapped in a narrow column.
        let width = |line: &Line<'_>| crate::clean::columns(&line.text) * 10;
        let short = |line: &Line<'_>| width(line) < self.line_width * 6;
        let cells = || {
            let cells = lines
                .iter()
                .filter(|line| width(line) < self.line_width * 3)
                .count();
            cells * 4 >= lines.len() * 3
        };
        let table = self.text_mode
            && lines.len() > 1
            && !is_lone_label(&lines[0].text)
            && ((self.annex && self.preamble.formula.is_none())
                || (self.phase == Phase::Operative
                    && lines.len() >= 4
                    && lines[..lines.len() - 1].iter().all(short)
                    && cells()
                    && !lines[0].text.starts_with('[')
                    && !self.is_conclusion(&lines[0].text)));
        let lines = if table {
            // A line short of the page's width ends a row or a cell; a full
            // one was wrapped by the print, and its paragraph goes on. So is
            // a full line before a figure alone ("… for 2026" ⏎ "28 063 300").
            let figure = |line: &Line<'_>| {
                line.text.len() < 20
                    && line
                        .text
                        .starts_with(|c: char| c.is_ascii_digit() || c == '(')
            };
            let wrapped = |line: &Line<'_>, next: &Line<'_>| !short(line) && !figure(next);
            rows = lines
                .iter()
                .zip(lines.iter().skip(1).map(Some).chain([None]))
                .map(|(line, next)| Line {
                    hard_break: !line.glue && !next.is_some_and(|next| wrapped(line, next)),
                    ..line.clone()
                })
                .collect();
            &rows[..]
        } else {
            lines
        };
        let text = block_text(lines);
        let position = lines[0].position();
        let (level, body) = heading(&text);
        let closes_bracket = self.phase == Phase::Masthead
            && level == 0
            && body.contains(']')
            && !self.starts_body(body)
            && title_line(body).is_err();
        if !closes_bracket {
            self.flush_open_bracket();
        }
        // "I." ⏎ "A renewed global financing for development framework"
        // opening an annex's body: the first part's label and its heading.
        if lines.len() == 2 && self.opens_annex_body(&lines[0].text) && is_label(&lines[0].text) {
            self.block(&lines[..1]);
            self.block(&lines[1..]);
            return;
        }
        if self.annex && self.annex_heading_line(body) {
            return;
        }

        if self.phase <= Phase::Preamble && self.preface.is_empty() {
            // "67 (1949). Resolution of 28 January 1949" ⏎ "[S/1234]": the
            // title line is a block of its own.
            if lines.len() > 1 && level == 0 && is_old_title(&lines[0].text) {
                self.block(&lines[..1]);
                self.block(&lines[1..]);
                return;
            }
            if let Ok((_, (number, title))) = title_line(body) {
                self.title_position = position;
                self.preface_line(number, title);
                self.phase = Phase::Preamble;
                return;
            }
            if let Ok((rest, (prefix, number))) = resolution_title(body) {
                self.title_position = position;
                self.numbered_title(prefix, number, rest);
                self.phase = Phase::Preamble;
                return;
            }
            if let Some((number, start, end)) = lang::resolution_title(body) {
                self.title_position = position;
                self.numbered_title(&body[..start], number, &body[end..]);
                self.phase = Phase::Preamble;
                return;
            }
            // "1 (1946) Resolution of 25 January 1946", "67 (1949). Resolution of …"
            if let Ok((rest, number)) = citation::resolution_number(body) {
                let separator = [" Resolution ", ". Resolution "]
                    .into_iter()
                    .find(|s| rest.starts_with(s));
                if let Some(separator) = separator {
                    let statement = &rest[separator.len()..];
                    self.numbered_title("", number.printed, "");
                    let more = self.adoption_statement(statement);
                    if let Some(line) = self.preface.last_mut() {
                        line.push(Inline::text(separator));
                        match more {
                            Some(more) => line.extend(more),
                            None => line.push(Inline::text(statement)),
                        }
                    }
                    self.phase = Phase::Preamble;
                    return;
                }
            }
        }
        if self.phase == Phase::Preamble
            && !self.preface.is_empty()
            && self.preamble.formula.is_none()
            && self.preamble.containers.is_empty()
        {
            // "[S/1234]": the draft's symbol under an old title.
            if let Some((start, end)) = kinds::bracketed_symbol(&lines[0].text) {
                let line = &lines[0].text;
                let symbol = &line[start..end];
                self.preface.push(vec![
                    Inline::text(&line[..start]),
                    Inline::Ref {
                        to: Reference::Symbol(symbol.to_string()),
                        content: vec![Inline::text(symbol)],
                    },
                    Inline::text(line[end..].trim_end()),
                ]);
                if lines.len() > 1 {
                    self.block(&lines[1..]);
                }
                return;
            }
            if let Some(start) = self.pending_statement.take() {
                if let Some(line) = self.adoption_statement(&format!("{start} {body}")) {
                    self.preface.push(line);
                    return;
                }
                // The date did not follow: the statement stays, as text.
                self.keep_dateless_statement(&start);
            }
            // "B" ¹ between the title and the formula: the part of a
            // resolution adopted in parts (76/235 B), with its footnote;
            // it belongs to the preface, as the UN's files have it.
            if let Some(line) = self.part_letter(body) {
                self.preface.push(line);
                return;
            }
            if let Some(line) = self.adoption_statement(body) {
                self.preface.push(line);
                return;
            }
            // "Adopted by the Security Council at its 5153rd meeting, on" ⏎⏎ "29 March 2005"
            let (inner, _) = unwrap_emphasis(body);
            if inner.starts_with("Adopted by the ") && inner.ends_with(" on") && lines.len() == 1 {
                self.pending_statement = Some(body.to_string());
                return;
            }
        }
        if self.phase == Phase::Masthead && self.decision_record(body, position) {
            return;
        }
        if self.phase == Phase::Masthead && level == 0 && !self.starts_body(body) {
            // Masthead lines are printed one per line, with hard breaks.
            self.masthead_block(lines);
            return;
        }
        if self.phase == Phase::Masthead && level > 0 {
            self.masthead_line(body, position);
            return;
        }
        if self.division(body, position) {
            return;
        }
        if self.phase < Phase::Conclusions && self.is_conclusion(body) {
            self.phase = Phase::Conclusions;
        }
        match self.phase {
            Phase::Masthead | Phase::Preamble => {
                // A Security Council statement's paragraphs (“The Security
                // Council welcomes …”) are its operative text.
                let statement_text = self.kind() == DocumentKind::PresidentialStatement
                    && self.preamble.formula.is_none()
                    && self.preamble.containers.is_empty()
                    && !is_formula(unwrap_emphasis(body).0);
                let numbered = operative_number(body).is_ok() || self.ocr_number(body).is_some();
                // Chinese prints a recital's lead and an operative verb alike
                // ("知悉", "回顾"): a paragraph closed by a comma is a recital.
                let recital = closes_chinese_recital(body, self.language);
                // After the formula, a paragraph that opens with a verb the
                // lexicon lacks ("Commissions …") and closes as operative
                // text does (not with a recital's comma) starts the operative
                // part: a one-paragraph resolution's "Decides …." is often
                // unnumbered.
                let plain = body.trim_start_matches(['*', '_']);
                let guessed_operative = self.preamble.formula.is_some()
                    && lead_len(plain, Part::Preamble).is_none()
                    && guessed_lead_len(plain, Part::Operative).is_some()
                    && closes_as_operative(plain);
                if numbered
                    || (starts_operative(body) && !recital)
                    || guessed_operative
                    || statement_text
                {
                    self.phase = Phase::Operative;
                    self.heading_into_operative();
                    self.operative(body, position);
                } else if !self.part_with_recitals(body, position) {
                    self.phase = Phase::Preamble;
                    self.preambular(body, position);
                }
            }
            Phase::Operative => self.operative(body, position),
            Phase::Conclusions => self.conclusion(body, position),
        }
    }
}

impl DocumentParser {
    /// "B", "B 1" (with a footnote call) alone on a line: a part letter.
    fn part_letter(&self, text: &str) -> Option<Vec<Inline>> {
        let content = self.inlines(text);
        let only_text_and_calls = content.iter().all(|i| {
            matches!(
                i,
                Inline::Text(_) | Inline::Bold(_) | Inline::Italic(_) | Inline::NoteCall { .. }
            )
        });
        let letter = plain_text(&content);
        let letter = letter.trim();
        (only_text_and_calls && masthead::is_part_letter(letter)).then_some(content)
    }
}

fn first_words(text: &str, count: usize) -> &str {
    let mut end = text.len();
    for (seen, (index, _)) in text.match_indices(' ').enumerate() {
        if seen + 1 == count {
            end = index;
            break;
        }
    }
    text[..end].trim_end_matches([',', ';', ':', '.'])
}

fn excerpt(text: &str) -> String {
    // A table's rows are lines of one block: shown on one line.
    let mut out: String = text
        .chars()
        .take(60)
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// "67 (1949). Resolution of 28 January 1949", "1 (1946) Resolution of …".
fn is_old_title(text: &str) -> bool {
    citation::resolution_number(text).is_ok_and(|(rest, number)| {
        number.security_council
            && (rest.starts_with(" Resolution of ") || rest.starts_with(". Resolution of "))
    })
}

fn push_all(out: &mut Vec<Inline>, more: Vec<Inline>) {
    for inline in more {
        push(out, inline);
    }
}

/// Plain text of inline content (for lead phrases).
fn plain_text(content: &[Inline]) -> String {
    let mut out = String::new();
    for inline in content {
        match inline {
            Inline::Text(t) => out.push_str(t),
            Inline::Italic(c) | Inline::Bold(c) => out.push_str(&plain_text(c)),
            _ => {}
        }
    }
    out
}

/// Finds the lead phrase of a paragraph and makes it exactly the leading
/// `<i>`: keeps an italic lead, narrows a whole-paragraph italic to the
/// lexicon's phrase, restores italics the input lost.
fn with_lead(mut content: Vec<Inline>, part: Part) -> (Vec<Inline>, Option<String>) {
    let italic_len = match content.first() {
        Some(Inline::Italic(children)) => Some(children.clone()),
        _ => None,
    };
    if let Some(children) = italic_len {
        let lead_text = plain_text(&children);
        let whole = content.len() == 1
            || content[1..]
                .iter()
                .all(|i| matches!(i, Inline::NoteCall { .. }));
        if !whole {
            return (content, Some(lead_text.trim().to_string()));
        }
        // The whole paragraph is italic: keep only the lead phrase italic.
        if let Some(Inline::Text(first)) = children.first().cloned() {
            if let Some(len) = lead_len(&first, part) {
                let mut rebuilt = vec![Inline::Italic(vec![Inline::text(&first[..len])])];
                push(&mut rebuilt, Inline::text(&first[len..]));
                for child in children.into_iter().skip(1) {
                    push(&mut rebuilt, child);
                }
                for rest in content.drain(1..) {
                    push(&mut rebuilt, rest);
                }
                return (rebuilt, Some(first[..len].to_string()));
            }
        }
        return (content, Some(lead_text.trim().to_string()));
    }
    if let Some(Inline::Text(first)) = content.first() {
        let trimmed = first.trim_start();
        if let Some(len) = lead_len(trimmed, part) {
            // "在这方面" before "回顾": the preface stays plain text.
            let preface = lang::lexicon::preface_len(trimmed, lang::current());
            let indent = first.len() - trimmed.len();
            let (content, lead) = italic_lead(content, indent + preface, indent + len);
            return (content, Some(lead));
        }
    }
    (content, None)
}

/// `content` with bytes `start..end` of its first text made the italic
/// lead phrase (the text before and after it plain), and the phrase.
fn italic_lead(mut content: Vec<Inline>, start: usize, end: usize) -> (Vec<Inline>, String) {
    let Some(Inline::Text(first)) = content.first() else {
        unreachable!("called on content that starts with text");
    };
    let lead = first[start..end].to_string();
    let mut rebuilt = Vec::with_capacity(content.len() + 1);
    if start > 0 {
        rebuilt.push(Inline::text(&first[..start]));
    }
    rebuilt.push(Inline::Italic(vec![Inline::text(lead.clone())]));
    push(&mut rebuilt, Inline::text(&first[end..]));
    for rest in content.drain(1..) {
        push(&mut rebuilt, rest);
    }
    (rebuilt, lead)
}

/// [`with_lead`], and where the lexicon knows no lead phrase, the one read
/// from the paragraph's form ([`guessed_lead_len`]), made italic. A recital
/// closes with a comma (or a stop): a line that closes with nothing is a
/// heading ("Renewal of UNIOGBIS's mandate", "Mandate of the Mission"), and
/// its first word, however it reads, stays plain.
fn with_guessed_lead(content: Vec<Inline>, part: Part) -> (Vec<Inline>, Option<String>) {
    let (content, lead) = with_lead(content, part);
    if lead.is_some() {
        return (content, lead);
    }
    if part == Part::Preamble && !closes_clause(&plain_text(&content)) {
        return (content, None);
    }
    let Some(Inline::Text(first)) = content.first() else {
        return (content, None);
    };
    let trimmed = first.trim_start();
    let Some(len) = guessed_lead_len(trimmed, part) else {
        return (content, None);
    };
    let indent = first.len() - trimmed.len();
    let (content, lead) = italic_lead(content, indent, indent + len);
    (content, Some(lead))
}

/// The length of the lead phrase of `part` that `text` (trimmed) opens with,
/// read from its form where the lexicon lacks it: [`lead::guessed_len`] in
/// English; in the other languages [`lang::lexicon::guessed_lead`] for
/// recitals (participles, "وإذ …") and
/// [`lang::lexicon::guessed_operative_len`] for operative paragraphs (verbs
/// in the third person).
fn guessed_lead_len(text: &str, part: Part) -> Option<usize> {
    match lang::current() {
        Language::English => lead::guessed_len(text, part),
        language if part == Part::Preamble => {
            lang::lexicon::guessed_lead(text, language).map(str::len)
        }
        language => lang::lexicon::guessed_operative_len(text, language),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_alone_on_its_line_in_every_language() {
        let arabic = crate::lang::Scope::new(crate::lang::Language::Arabic);
        for label in [
            "1.",
            "(a)",
            "12 - ",
            "(د)",
            "\u{200f}19 -",
            "a)",
            "（a）",
            "１．",
            "b.",
        ] {
            assert!(is_lone_label(label), "{label}");
        }
        // A year closing a range broken after its hyphen ("(2026-" ⏎
        // "2035)"), which the Arabic point's parser would read as "12)".
        assert!(!is_lone_label("2035)"));
        drop(arabic);
        for text in [
            "—",
            "12 - تدين",
            "Annex",
            "2030",
            "(a) Decides",
            "a) b)",
            "B.",
            "e.g.",
        ] {
            assert!(!is_lone_label(text), "{text}");
        }
    }

    #[test]
    fn whole_italic_paragraph_keeps_only_lead_italic() {
        let (content, lead) = with_lead(
            vec![Inline::Italic(vec![Inline::text("Guided by the Charter,")])],
            Part::Preamble,
        );
        assert_eq!(lead.as_deref(), Some("Guided by"));
        assert_eq!(
            content,
            vec![
                Inline::Italic(vec![Inline::text("Guided by")]),
                Inline::text(" the Charter,")
            ]
        );
    }
}
