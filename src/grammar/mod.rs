//! Stage 2: the grammar — cleaned blocks in, a [`Document`] out.
//!
//! Takes [`CleanText`] (stage 1) and recognises, block by block, the parts of
//! a UN resolution: masthead lines, the numbered title, the enacting formula,
//! preambular paragraphs with their lead phrase, numbered operative paragraphs
//! with (a)/(i) sub-paragraphs, and the meeting and adoption lines. Small nom
//! parsers do the recognising, one per construct: [`date`], [`symbol`],
//! [`masthead`], [`lead`], [`inline`].
//!
//! It never writes XML and never drops text: a block it cannot place is kept
//! in the nearest part and reported as a [`Warning`].

pub mod citation;
pub mod date;
pub mod inline;
pub mod lead;
pub mod masthead;
pub mod symbol;
pub mod vote;

use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;

use chrono::NaiveDate;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{char, digit1, space1};
use nom::combinator::{opt, recognize};
use nom::{IResult, Parser};

use self::inline::{inlines, push};
use self::lead::{camel_case, lead_len, Part};
use self::masthead::{cover_line, Fact};
use crate::clean::{Block as CleanBlock, CleanText, Format, Line};
use crate::error::{ErrorKind, Position, Warning};
use crate::model::{
    Annex, Body, Container, DateRole, Division, Document, DocumentKind, Footnote, Identity, Inline,
    List, Meeting, Organization, Paragraph, Point, Preamble, Vote,
};
use crate::Error;

/// What the grammar needs to know beyond the text.
#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    /// The document symbol, for texts that do not print it (drafts).
    pub symbol: Option<String>,
    /// The date of adoption, for texts that do not print it.
    pub date: Option<NaiveDate>,
    /// The expression's language (ISO 639-2), over the masthead's.
    pub lang: Option<String>,
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
    let mut parser = DocumentParser::new(clean);
    let mut annexes: Vec<DocumentParser> = Vec::new();
    let text_mode = clean.format == Some(Format::Text);
    // A number or label alone waits for the text it numbers.
    let mut label: Option<Vec<Line<'_>>> = None;
    for block in &clean.blocks {
        let parts = if text_mode {
            split_paragraphs(block)
        } else {
            vec![&block.lines[..]]
        };
        for part in parts {
            if part.len() == 1 && is_lone_label(&part[0].text) {
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
                annexes.push(DocumentParser::annex(clean));
                let annex = annexes.last_mut().expect("just pushed");
                annex.block(&lines[..1]);
                if lines.len() > 1 {
                    annex.block(&lines[1..]);
                }
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
    Ok(parser.finish(options))
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
    job_number: Option<String>,
    phase: Phase,
    cover: Vec<Vec<Inline>>,
    preface: Vec<Vec<Inline>>,
    preamble: Preamble,
    paragraphs: Vec<Paragraph>,
    conclusions: Vec<Vec<Inline>>,
    footnotes: Vec<Footnote>,
    organizations: Vec<Organization>,
    facts: Vec<Fact>,
    preface_number: Option<(String, Option<u32>)>,
    formula_body: Option<Body>,
    adoption_date: Option<NaiveDate>,
    meeting: Option<Meeting>,
    vote: Option<Vote>,
    after_agenda_item: bool,
    /// Inside a recorded vote's lists of voters ("In favour: …").
    listing_voters: bool,
    warnings: Vec<Warning>,
    /// Where the title is (or the document starts): where warnings about
    /// the document as a whole point.
    title_position: Position,
    /// Sections of the operative part.
    divisions: Vec<Division>,
    /// A division was just opened without a heading: the next title-like
    /// line is its heading.
    division_awaits_heading: bool,
    /// Parsing an annex rather than the document itself.
    annex: bool,
    /// The annexes, parsed separately.
    annexes: Vec<Annex>,
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

/// Words that leave a masthead line unfinished ("… adoption of the agenda
/// and" ⏎ "allocation of items").
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

/// In text input, whether masthead line `next` continues `line`.
fn masthead_continues(line: &str, next: &str) -> bool {
    if next.starts_with(|c: char| c.is_lowercase()) {
        return true;
    }
    // A bracketed routing line goes on to its closing bracket.
    if line.starts_with('[') && !line.contains(']') {
        return true;
    }
    let last_word = line.rsplit(' ').next().unwrap_or_default();
    line.ends_with(',') || CONNECTORS.contains(&last_word)
}

/// Whether a line of text input starts a new paragraph although no blank line
/// separates it from the previous one ("…its decisions," ⏎ "Acting under
/// Chapter VII of the Charter,").
fn starts_paragraph(previous: &str, line: &str) -> bool {
    if !previous.ends_with([',', ';', ':', '.']) {
        return false;
    }
    operative_number(line).is_ok()
        || point_label(line).is_ok()
        || lead_len(line, Part::Preamble).is_some()
        || lead_len(line, Part::Operative).is_some()
}

/// Splits a text-input block where a new paragraph starts without a blank
/// line before it.
fn split_paragraphs<'b, 'a>(block: &'b CleanBlock<'a>) -> Vec<&'b [Line<'a>]> {
    let mut parts = Vec::new();
    let mut start = 0;
    for index in 1..block.lines.len() {
        if starts_paragraph(&block.lines[index - 1].text, &block.lines[index].text) {
            parts.push(&block.lines[start..index]);
            start = index;
        }
    }
    parts.push(&block.lines[start..]);
    parts
}

/// "A", "B", "II", "III.", "IV. Implementation of the Programme": a
/// division's label and its heading, when on the same line.
fn division_heading(text: &str) -> Option<(&str, Option<&str>)> {
    let label_end = text.find(['.', ' ']).unwrap_or(text.len());
    let label = &text[..label_end];
    let rest = text[label_end..].trim_start_matches('.').trim();
    let roman = !label.is_empty()
        && label.len() <= 6
        && label.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    let letter = label.len() == 1 && label.chars().all(|c| c.is_ascii_uppercase());
    if !(roman || letter) {
        return None;
    }
    if rest.is_empty() {
        return Some((label, None));
    }
    // "I. Title": a heading, not a sentence.
    // "I. Title", or "I Title" where the label stood on its own line.
    let heading = roman
        && (text[label_end..].starts_with(". ") || text[label_end..].starts_with(' '))
        && rest.starts_with(char::is_uppercase)
        && !rest.ends_with([',', ';', ':'])
        && rest.len() < 200;
    heading.then_some((label, Some(rest)))
}

fn is_letter_label(label: &str) -> bool {
    label.len() == 1 && !matches!(label, "I" | "V" | "X")
}

/// "Annex", "Annex I", "ANNEX II" alone on a block.
fn is_annex_heading(lines: &[Line<'_>]) -> bool {
    if lines.len() != 1 {
        return false;
    }
    let (_, text) = heading(lines[0].text.trim());
    let (text, _) = unwrap_emphasis(text);
    let rest = text
        .strip_prefix("Annex")
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

/// A paragraph number or point label alone on its line ("1.", "(a)").
fn is_lone_label(text: &str) -> bool {
    let text = text.trim();
    let number = text
        .strip_suffix('.')
        .is_some_and(|n| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()));
    let label = text.len() <= 7
        && text.starts_with('(')
        && text.ends_with(')')
        && text[1..text.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_lowercase());
    number || label
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

/// "49/34. Title", "58/... Title", "80/1. Title": (number as printed, session,
/// title).
fn title_line(input: &str) -> IResult<&str, (&str, &str)> {
    let (rest, number) = recognize((
        digit1,
        char('/'),
        nom::branch::alt((
            recognize((
                digit1,
                opt(take_while_m_n(1, 1, |c: char| c.is_ascii_uppercase())),
            )),
            tag("..."),
            tag("…"),
        )),
        opt(char('.')),
    ))
    .parse(input)?;
    let (title, _) = space1(rest)?;
    Ok(("", (number, title)))
}

/// "Resolution 678 (1990)": ("Resolution ", "678 (1990)"), then the rest.
fn resolution_title(input: &str) -> IResult<&str, (&str, &str)> {
    let (rest, prefix) =
        recognize((nom::bytes::complete::tag_no_case("Resolution"), space1)).parse(input)?;
    let (rest, number) = citation::resolution_number(rest)?;
    if !(rest.is_empty() || rest.starts_with([' ', '\n', '.'])) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest.trim_start_matches('.'), (prefix, number.printed)))
}

/// "12. ", "1." followed by space: the printed number.
fn operative_number(input: &str) -> IResult<&str, &str> {
    let (rest, number) = recognize((digit1, char('.'))).parse(input)?;
    let (rest, _) = space1(rest)?;
    if number.len() > 5 {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Digit,
        )));
    }
    Ok((rest, number))
}

/// "(a) ", "(ii) ", "(aa) ", "(1) ", "— ": the printed label.
fn point_label(input: &str) -> IResult<&str, &str> {
    if let Some(dash) = ["— ", "– ", "• "].iter().find(|d| input.starts_with(**d)) {
        let label = &input[..dash.len() - 1];
        return Ok((input[dash.len()..].trim_start(), label));
    }
    let (rest, label) = recognize((
        char('('),
        take_while_m_n(1, 6, |c: char| c.is_ascii_lowercase() || c.is_ascii_digit()),
        char(')'),
    ))
    .parse(input)?;
    let (rest, _) = space1(rest)?;
    Ok((rest, label))
}

/// A point label as it was meant: OCR reads the roman "i" as "1", so
/// "(1)", "(11)", "(1v)" are "(i)", "(ii)", "(iv)" when mixed with roman
/// letters or digits only "1".
pub(crate) fn label_key(label: &str) -> String {
    let inner = label.trim_matches(['(', ')']);
    let ocr = inner.contains('1') && inner.chars().all(|c| matches!(c, '1' | 'i' | 'v' | 'x'));
    if ocr {
        inner.replace('1', "i")
    } else {
        inner.to_string()
    }
}

/// Whether a label is a roman numeral ((i), (iv), …), which nests under a
/// lettered point. `(i)` after `(h)` is a letter.
fn is_roman(label: &str, previous_letter: Option<&str>) -> bool {
    let key = label_key(label);
    let inner = key.as_str();
    if !inner.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l')) {
        return false;
    }
    !(inner == "i" && previous_letter == Some("(h)")
        || inner == "v" && previous_letter == Some("(u)")
        || inner == "x" && previous_letter == Some("(w)"))
}

/// "58th meeting", "3rd plenary meeting", "69th (resumed) plenary meeting".
fn meeting_line(input: &str) -> IResult<&str, &str> {
    recognize((
        masthead::ordinal_number,
        space1,
        opt((tag("(resumed)"), space1)),
        opt((tag("plenary"), space1)),
        tag("meeting"),
    ))
    .parse(input)
}

fn is_adoption_line(text: &str) -> bool {
    let inner = text.trim_start_matches('[');
    inner.starts_with("Adopted ") || inner.starts_with("Adopted,")
}

impl DocumentParser {
    fn new(clean: &CleanText<'_>) -> DocumentParser {
        DocumentParser {
            markers: clean.footnotes.iter().map(|f| f.marker.clone()).collect(),
            text_mode: clean.format == Some(Format::Text),
            job_number: clean.job_number().map(str::to_string),
            phase: Phase::Masthead,
            cover: Vec::new(),
            preface: Vec::new(),
            preamble: Preamble::default(),
            paragraphs: Vec::new(),
            conclusions: Vec::new(),
            footnotes: Vec::new(),
            organizations: Vec::new(),
            facts: Vec::new(),
            preface_number: None,
            formula_body: None,
            adoption_date: None,
            meeting: None,
            vote: None,
            after_agenda_item: false,
            listing_voters: false,
            warnings: Vec::new(),
            title_position: Position { line: 1, column: 1 },
            divisions: Vec::new(),
            division_awaits_heading: false,
            annex: false,
            annexes: Vec::new(),
        }
    }

    /// A parser for an annex: it starts after the masthead.
    fn annex(clean: &CleanText<'_>) -> DocumentParser {
        let mut parser = DocumentParser::new(clean);
        parser.annex = true;
        parser.phase = Phase::Preamble;
        parser.job_number = None;
        parser
    }

    /// The parsed annex and its warnings.
    fn into_annex(self) -> (Annex, Vec<Warning>) {
        (
            Annex {
                preface: self.preface,
                preamble: self.preamble,
                main_body: self.paragraphs,
                divisions: self.divisions,
                conclusions: self.conclusions,
            },
            self.warnings,
        )
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
        let rows: Vec<Line<'_>>;
        let lines =
            if self.annex && self.text_mode && self.preamble.formula.is_none() && lines.len() > 1 {
                rows = lines
                    .iter()
                    .map(|l| Line {
                        hard_break: !l.glue,
                        ..l.clone()
                    })
                    .collect();
                &rows[..]
            } else {
                lines
            };
        let text = block_text(lines);
        let position = lines[0].position();
        let (level, body) = heading(&text);
        if self.annex && self.annex_heading_line(body) {
            return;
        }

        if self.phase <= Phase::Preamble && self.preface.is_empty() {
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
            // "1 (1946) Resolution of 25 January 1946"
            if let Ok((rest, number)) = citation::resolution_number(body) {
                if let Some(statement) = rest.strip_prefix(" Resolution ") {
                    self.numbered_title("", number.printed, "");
                    let more = self.adoption_statement(statement);
                    if let Some(line) = self.preface.last_mut() {
                        line.push(Inline::text(" Resolution "));
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
            if let Some(line) = self.adoption_statement(body) {
                self.preface.push(line);
                return;
            }
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
        if self.division(body) {
            return;
        }
        if self.phase < Phase::Conclusions && self.is_conclusion(body) {
            self.phase = Phase::Conclusions;
        }
        match self.phase {
            Phase::Masthead | Phase::Preamble => {
                if operative_number(body).is_ok() || starts_operative(body) {
                    self.phase = Phase::Operative;
                    self.operative(body, position);
                } else {
                    self.phase = Phase::Preamble;
                    self.preambular(body, position);
                }
            }
            Phase::Operative => self.operative(body, position),
            Phase::Conclusions => self.conclusion(body, position),
        }
    }

    /// Whether a block starts the resolution's body rather than the masthead:
    /// the formula, a lead phrase or an operative number.
    fn starts_body(&self, text: &str) -> bool {
        let (inner, _) = unwrap_emphasis(text);
        is_formula(inner)
            || operative_number(text).is_ok()
            || text.starts_with('*') && !text.starts_with("**") && !unwrap_emphasis(text).1
            || lead_len(inner, Part::Preamble).is_some()
    }

    fn masthead_block(&mut self, lines: &[Line<'_>]) {
        // Lines joined by soft wraps belong together; hard breaks separate.
        // Text input has no hard breaks: there every line is a masthead line
        // unless the next one visibly goes on with it.
        let mut start = 0;
        for (index, line) in lines.iter().enumerate() {
            let ends = match lines.get(index + 1) {
                None => true,
                Some(_) if line.hard_break => true,
                Some(next) if self.text_mode => !masthead_continues(&line.text, &next.text),
                Some(_) => false,
            };
            if ends {
                let group = &lines[start..=index];
                let text = block_text(group);
                self.masthead_line(&text, group[0].position());
                start = index + 1;
            }
        }
    }

    fn masthead_line(&mut self, text: &str, position: Position) {
        let (inner, _) = unwrap_emphasis(text);
        match cover_line(inner, &self.markers, self.after_agenda_item) {
            Some(line) => {
                self.after_agenda_item = line.facts.contains(&Fact::AgendaItem);
                for fact in line.facts {
                    if let Fact::Proponent(org) = &fact {
                        self.add_organization(org.clone());
                    }
                    self.facts.push(fact);
                }
                self.cover.push(line.content);
            }
            None if self.preface.is_empty()
                && self.facts.iter().any(|f| matches!(f, Fact::Stage(_))) =>
            {
                // A draft's title follows its sponsor line.
                self.after_agenda_item = false;
                let title = self.inlines(inner.trim());
                self.preface.push(vec![Inline::DocTitle(title)]);
                self.title_position = position;
                if self.kind() == DocumentKind::Amendment {
                    // An amendment has no preamble: its instructions follow.
                    self.phase = Phase::Operative;
                }
            }
            None => {
                self.after_agenda_item = false;
                self.warn(
                    position,
                    format!(
                        "masthead line not recognised, kept as text: {}",
                        excerpt(inner)
                    ),
                );
                self.cover.push(self.inlines(text));
            }
        }
    }

    fn add_organization(&mut self, org: Organization) {
        if !self.organizations.iter().any(|o| o.eid == org.eid) {
            self.organizations.push(org);
        }
    }

    fn preface_line(&mut self, number: &str, title: &str) {
        let session = number.split('/').next().and_then(|s| s.parse::<u32>().ok());
        self.preface_number = Some((number.to_string(), session));
        let mut line = vec![
            Inline::DocNumber {
                text: number.into(),
                symbol: false,
            },
            Inline::text(" "),
        ];
        line.push(Inline::DocTitle(self.inlines(title)));
        self.preface.push(line);
    }

    /// "A", "II", "III. Implementation" after the preamble opens a division
    /// of the operative part; a title-like line right after a bare label is
    /// its heading. Returns whether the block was taken.
    fn division(&mut self, text: &str) -> bool {
        let (inner, _) = unwrap_emphasis(text);
        let after_preamble = self.phase == Phase::Operative
            || (self.phase == Phase::Preamble
                && (self.preamble.formula.is_some() || !self.preamble.containers.is_empty()));
        if !after_preamble {
            return false;
        }
        if self.division_awaits_heading {
            self.division_awaits_heading = false;
            let title_like = inner.len() < 200
                && !inner.ends_with([',', ';', ':', '.'])
                && operative_number(inner).is_err()
                && point_label(inner).is_err()
                && !starts_operative(inner);
            if title_like {
                let heading = self.inlines(inner);
                if let Some(division) = self.divisions.last_mut() {
                    division.heading = Some(heading);
                }
                return true;
            }
        }
        let Some((num, heading)) = division_heading(inner) else {
            return false;
        };
        let letter = num.len() == 1 && num != "I" && num != "V" && num != "X";
        // Letters are the outer parts; roman numerals nest inside a letter.
        let level = match self.divisions.last() {
            Some(last) if !letter && last.level == 0 && is_letter_label(&last.num) => 1,
            Some(last) if !letter && last.level == 1 => 1,
            _ => 0,
        };
        self.phase = Phase::Operative;
        let heading = heading.map(|h| self.inlines(h));
        self.division_awaits_heading = heading.is_none();
        self.divisions.push(Division {
            num: num.to_string(),
            heading,
            start: self.paragraphs.len(),
            level,
        });
        true
    }

    /// In an annex: "Annex I" and up to three title lines before the text go
    /// to the annex's preface.
    fn annex_heading_line(&mut self, text: &str) -> bool {
        let (inner, _) = unwrap_emphasis(text);
        let started = self.preamble.formula.is_some()
            || !self.preamble.containers.is_empty()
            || !self.paragraphs.is_empty();
        let title_like = inner.len() < 200
            && !inner.ends_with(['.', ',', ';', ':'])
            && !starts_operative(inner)
            && lead_len(inner, Part::Preamble).is_none()
            && operative_number(inner).is_err()
            && !is_formula(inner);
        if started || self.preface.len() >= 4 || !(self.preface.is_empty() || title_like) {
            return false;
        }
        let content = self.inlines(text);
        self.preface.push(content);
        true
    }

    /// "Resolution 678 (1990)" (Security Council): the number, then what
    /// follows on the line ("of 29 November 1990").
    fn numbered_title(&mut self, prefix: &str, number: &str, rest: &str) {
        self.preface_number = Some((number.to_string(), None));
        let year_in_parentheses = number
            .rsplit_once('(')
            .is_some_and(|(_, y)| y.len() == 5 && y[..4].bytes().all(|b| b.is_ascii_digit()));
        self.facts.push(Fact::Body(if year_in_parentheses {
            Body::SecurityCouncil
        } else {
            Body::GeneralAssembly
        }));
        let mut line = vec![
            Inline::text(prefix),
            Inline::DocNumber {
                text: number.into(),
                symbol: false,
            },
        ];
        let rest = rest.trim();
        if !rest.is_empty() {
            line.push(Inline::Eol);
            match self.adoption_statement(rest) {
                Some(more) => line.extend(more),
                None => line.extend(self.dated_title(rest)),
            }
        }
        self.preface.push(line);
    }

    /// "extract, PARIS, 19 November 1948": a title line with the adoption
    /// date in it, as `<docTitle>` with a `<docDate>`.
    fn dated_title(&mut self, text: &str) -> Vec<Inline> {
        let mut at = 0;
        while at < text.len() {
            let boundary = at == 0 || text[..at].ends_with([' ', ',']);
            if boundary {
                if let Ok((after, date)) = date::date(&text[at..]) {
                    self.facts
                        .push(Fact::Adopted(DocumentKind::Resolution, None, Some(date)));
                    let end = text.len() - after.len();
                    let mut content = self.inlines(&text[..at]);
                    content.push(Inline::DocDate {
                        date,
                        role: DateRole::Adoption,
                        text: text[at..end].into(),
                    });
                    push_all(&mut content, self.inlines(after));
                    return vec![Inline::DocTitle(content)];
                }
            }
            at += text[at..].chars().next().map_or(1, char::len_utf8);
        }
        vec![Inline::DocTitle(self.inlines(text))]
    }

    /// "of 29 November 1990", "Adopted by the Security Council at its 4653rd
    /// meeting, on 4 December 2002": the adoption statement under a
    /// numbered title, as `<docType>` with the meeting and the date.
    fn adoption_statement(&mut self, text: &str) -> Option<Vec<Inline>> {
        let (inner, _) = unwrap_emphasis(text);
        if let Some(date_text) = inner.strip_prefix("of ") {
            if let Ok(("", date)) = date::date(date_text.trim_end_matches(['.', ','])) {
                self.facts
                    .push(Fact::Adopted(DocumentKind::Resolution, None, Some(date)));
                return Some(vec![
                    Inline::text("of "),
                    Inline::DocDate {
                        date,
                        role: DateRole::Adoption,
                        text: date_text.trim_end_matches(['.', ',']).into(),
                    },
                ]);
            }
            return None;
        }
        let rest = inner.strip_prefix("Adopted by the ")?;
        let body_end = rest.find(" at ").or_else(|| rest.find(" on "))?;
        let body = Body::from_name(&rest[..body_end]);
        let (date_at, date) = inner
            .rfind(" on ")
            .and_then(|at| Some((at + 4, date::date(&inner[at + 4..]).ok()?.1)))?;
        let printed = inner[date_at..].trim_end_matches(['.', ',']);
        self.facts
            .push(Fact::Adopted(DocumentKind::Resolution, body, Some(date)));
        let found = vote::adoption(&inner[..date_at]);
        let events: Vec<(usize, usize)> = found.meeting.into_iter().collect();
        if let Some((start, end)) = found.meeting {
            self.meeting.get_or_insert(Meeting {
                name: inner[start..end].into(),
            });
        }
        let mut content = self.annotated(&inner[..date_at], &events, &[]);
        content.push(Inline::DocDate {
            date,
            role: DateRole::Adoption,
            text: printed.into(),
        });
        push_all(
            &mut content,
            self.inlines(&inner[date_at + printed.len()..]),
        );
        Some(vec![Inline::DocType(content)])
    }

    fn is_conclusion(&self, text: &str) -> bool {
        let (inner, _) = unwrap_emphasis(text);
        (self.phase >= Phase::Preamble || !self.paragraphs.is_empty())
            && (meeting_line(inner).is_ok() || is_adoption_line(inner))
    }

    fn preambular(&mut self, text: &str, position: Position) {
        let (inner, _) = unwrap_emphasis(text);
        // "PROHIBITION OF … COUNCIL The General Assembly, [matter omitted]":
        // an old title run into the formula on one line.
        if self.preamble.formula.is_none() && self.preamble.containers.is_empty() {
            if let Some(at) = embedded_formula(inner) {
                let title = self.inlines(inner[..at].trim_end());
                self.preface.push(vec![Inline::DocTitle(title)]);
                let formula = &inner[at..];
                self.formula_body = formula
                    .strip_prefix("The ")
                    .and_then(|f| f.split(',').next())
                    .and_then(Body::from_name);
                self.preamble.formula = Some(self.inlines(formula));
                return;
            }
        }
        if self.preamble.formula.is_none()
            && self.preamble.containers.is_empty()
            && is_formula(inner)
        {
            self.formula_body = Body::from_name(inner.trim_start_matches("The "));
            self.preamble.formula = Some(self.inlines(text));
            return;
        }
        if self.annex
            && self.preamble.formula.is_none()
            && lead_len(inner, Part::Preamble).is_none()
        {
            // An annexed text without a formula: its text is the annex's body.
            self.phase = Phase::Operative;
            self.operative(text, position);
            return;
        }
        let content = self.running_text(text, position);
        let (content, lead) = with_lead(content, Part::Preamble);
        let name = match lead {
            Some(lead) => camel_case(&lead),
            None => {
                let name = camel_case(first_words(inner, 1));
                self.warn(
                    position,
                    format!(
                        "no lead phrase recognised in preambular paragraph, named it \"{name}\": {}",
                        excerpt(inner)
                    ),
                );
                name
            }
        };
        self.preamble.containers.push(Container { name, content });
    }

    fn operative(&mut self, text: &str, position: Position) {
        if let Some(fixed) = self.ocr_number(text) {
            // Numbered as the sequence says, printed as the source has it.
            self.warn(
                position,
                format!(
                    "paragraph number \"{}\" taken for \"{}\" (OCR slip), kept as printed",
                    &text[..2],
                    &fixed[..fixed.len() - text.len() + 2]
                ),
            );
            let (content, _) = with_lead(self.running_text(&text[3..], position), Part::Operative);
            self.paragraphs.push(Paragraph {
                num: Some(text[..2].into()),
                content,
                list: None,
            });
            return;
        }
        if self.kind() == DocumentKind::Amendment && self.quotes_into_last(text, position) {
            return;
        }
        if let Ok((rest, number)) = operative_number(text) {
            let (content, _) = with_lead(self.running_text(rest, position), Part::Operative);
            self.paragraphs.push(Paragraph {
                num: Some(number.into()),
                content,
                list: None,
            });
            return;
        }
        if let Ok((rest, label)) = point_label(text) {
            if !self.paragraphs.is_empty() {
                let content = with_lead(self.running_text(rest, position), Part::Operative).0;
                let paragraph = self.paragraphs.last_mut().expect("checked non-empty");
                add_point(&mut paragraph.list, label, content);
                return;
            }
        }
        let starts_lower = text.starts_with(|c: char| c.is_lowercase());
        let has_list = self.paragraphs.last().is_some_and(|p| p.list.is_some());
        let content = self.running_text(text, position);
        if starts_lower && has_list {
            let paragraph = self.paragraphs.last_mut().expect("checked non-empty");
            set_wrap_up(paragraph.list.as_mut().expect("checked"), content);
            return;
        }
        // After the operative part, a line without words or an italic
        // archive reference ("__", "_[AA : A816]_") is not a paragraph.
        let (inner, emphasised) = unwrap_emphasis(text);
        let trailing = !self.paragraphs.is_empty()
            && ((emphasised && inner.starts_with('[')) || !text.chars().any(char::is_alphanumeric));
        if trailing && !self.annex {
            self.phase = Phase::Conclusions;
            self.conclusion(text, position);
            return;
        }
        let (content, lead) = with_lead(content, Part::Operative);
        let expected = self.kind() == DocumentKind::Amendment
            || (self.annex && self.preamble.formula.is_none());
        if lead.is_none() && !expected {
            self.warn(
                position,
                format!(
                    "text in the operative part is not a numbered paragraph, kept as an unnumbered one: {}",
                    excerpt(text)
                ),
            );
        }
        self.paragraphs.push(Paragraph {
            num: None,
            content,
            list: None,
        });
    }

    /// "S. Decides" after paragraph 4: OCR read "5" as "S" (or "0" as "O",
    /// "1" as "l"/"I"). The repaired text, when the number fits the sequence.
    fn ocr_number(&self, text: &str) -> Option<String> {
        let mut chars = text.chars();
        let (first, dot, space) = (chars.next()?, chars.next()?, chars.next()?);
        if dot != '.' || space != ' ' {
            return None;
        }
        let digit = match first {
            'S' => '5',
            'O' => '0',
            'l' | 'I' => '1',
            _ => return None,
        };
        let previous = self.paragraphs.last()?.num.as_deref()?;
        let previous: u32 = previous.trim_end_matches('.').parse().ok()?;
        (previous + 1).to_string().ends_with(digit).then(|| {
            let mut fixed = (previous + 1).to_string();
            fixed.push_str(&text[1..]);
            fixed
        })
    }

    /// In an amendment, text after an instruction ending with ":" ("Delete
    /// the thirty-eighth preambular paragraph reading:") is the quoted text:
    /// it joins that instruction as `<mod>` with a `<quotedStructure>`.
    fn quotes_into_last(&mut self, text: &str, position: Position) -> bool {
        let Some(last) = self.paragraphs.last() else {
            return false;
        };
        let introduces = plain_text(&last.content).trim_end().ends_with(':')
            || matches!(last.content.last(), Some(Inline::Mod { .. }));
        if !introduces || operative_number(text).is_ok() || starts_operative(text) {
            return false;
        }
        let quoted = self.running_text(text, position);
        let last = self.paragraphs.last_mut().expect("checked");
        match last.content.last_mut() {
            Some(Inline::Mod { quoted: blocks, .. }) => blocks.push(quoted),
            _ => {
                let instruction = std::mem::take(&mut last.content);
                last.content = vec![Inline::Mod {
                    content: instruction,
                    quoted: vec![quoted],
                }];
            }
        }
        true
    }

    fn conclusion(&mut self, text: &str, position: Position) {
        let (inner, italic) = unwrap_emphasis(text);
        // A lone date under the meeting line ("43rd plenary meeting" ⏎⏎ "25 July 2023").
        if let Ok(("", date)) = date::date(inner.trim()) {
            let after_meeting = self.conclusions.last().is_some_and(|last| {
                last.iter().any(|i| matches!(i, Inline::Event { .. }))
                    && !last.iter().any(|i| matches!(i, Inline::DocDate { .. }))
            });
            if after_meeting {
                self.adoption_date.get_or_insert(date);
                let last = self.conclusions.last_mut().expect("checked");
                last.push(Inline::Eol);
                last.push(Inline::DocDate {
                    date,
                    role: DateRole::Adoption,
                    text: inner.trim().into(),
                });
                return;
            }
        }
        if self.annex {
            // An annexed text's own meeting and adoption lines stay text.
            let content = self.running_text(text, position);
            self.conclusions.push(content);
            return;
        }
        if let Ok((rest, meeting)) = meeting_line(inner) {
            let mut content = vec![Inline::Event {
                refers_to: "meeting_1".into(),
                text: meeting.into(),
            }];
            self.meeting = Some(Meeting {
                name: meeting.into(),
            });
            let date_text = rest.trim_start_matches([' ', '\n', ',']);
            match date::date(date_text) {
                Ok((after, date)) if after.trim().is_empty() => {
                    let separator = &rest[..rest.len() - date_text.len()];
                    content.extend(self.inlines(separator));
                    let printed = &date_text[..date_text.len() - after.len()];
                    content.push(Inline::DocDate {
                        date,
                        role: DateRole::Adoption,
                        text: printed.into(),
                    });
                    push_all(&mut content, self.inlines(after));
                    self.adoption_date.get_or_insert(date);
                }
                _ => push_all(&mut content, self.inlines(rest)),
            }
            self.conclusions.push(if italic {
                vec![Inline::Italic(content)]
            } else {
                content
            });
            return;
        }
        if is_adoption_line(inner) {
            self.adoption(inner);
            return;
        }
        if self.listing_voters || vote::side_heading(inner).is_ok() {
            let (spans, listing) = vote::voters(text, self.listing_voters);
            self.listing_voters = listing;
            let content = self.annotated(text, &[], &spans);
            self.conclusions.push(content);
            return;
        }
        self.warn(
            position,
            format!(
                "text after the operative part not recognised, kept in the conclusions: {}",
                excerpt(text)
            ),
        );
        let content = self.running_text(text, position);
        self.conclusions.push(content);
    }

    /// "[Adopted without a vote.]", "[Adopted by a recorded vote of …]",
    /// "Adopted unanimously at the 1382nd meeting.": the adoption type, the
    /// vote, the meeting and the voters.
    fn adoption(&mut self, text: &str) {
        let bracketed = text.starts_with('[');
        let inner = text.trim_start_matches('[');
        let closed = bracketed && inner.ends_with(']');
        let inner = if closed {
            &inner[..inner.len() - 1]
        } else {
            inner
        };
        let found = vote::adoption(inner);
        if found.vote.is_some() {
            self.vote = found.vote.clone();
        }
        let meeting = found.meeting.filter(|_| self.meeting.is_none());
        if let Some((start, end)) = meeting {
            self.meeting = Some(Meeting {
                name: inner[start..end].into(),
            });
        }
        let (sentence_start, sentence_end) = found.sentence;
        let sentence = &inner[sentence_start..sentence_end];
        let concept = found
            .vote
            .as_ref()
            .map(|v| crate::akn::vote_outcome(v).0.to_string());
        let events: Vec<(usize, usize)> = meeting.into_iter().collect();
        let adoption_type = self.annotated(sentence, &events, &found.voters);
        let mut content = Vec::new();
        if bracketed {
            content.push(Inline::text("["));
        }
        content.push(Inline::Named {
            name: "adoptionType".into(),
            title: None,
            refers_to: concept,
            content: adoption_type,
        });
        let rest = &inner[sentence_end..];
        let (spans, listing) = vote::voters(rest, false);
        self.listing_voters = listing && !closed;
        push_all(&mut content, self.annotated(rest, &[], &spans));
        if closed {
            push(&mut content, Inline::text("]"));
        }
        self.conclusions.push(content);
    }

    /// Inline content of `text` with the meeting spans as `<event>` and the
    /// voter spans as `<organization>` (each State a TLCOrganization).
    fn annotated(
        &mut self,
        text: &str,
        events: &[(usize, usize)],
        voters: &[(usize, usize)],
    ) -> Vec<Inline> {
        let mut spans: Vec<(usize, usize, bool)> = events
            .iter()
            .map(|&(s, e)| (s, e, true))
            .chain(voters.iter().map(|&(s, e)| (s, e, false)))
            .collect();
        spans.sort_unstable();
        let mut content = Vec::new();
        let mut at = 0;
        for (start, end, is_event) in spans {
            if start < at {
                continue;
            }
            push_all(&mut content, self.inlines(&text[at..start]));
            let printed = &text[start..end];
            if is_event {
                content.push(Inline::Event {
                    refers_to: "meeting_1".into(),
                    text: printed.into(),
                });
            } else {
                let org = masthead::organization(printed);
                content.push(Inline::Organization {
                    org: org.eid.clone(),
                    text: printed.into(),
                });
                self.add_organization(org);
            }
            at = end;
        }
        push_all(&mut content, self.inlines(&text[at..]));
        content
    }

    fn footnotes(&mut self, clean: &CleanText<'_>) {
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

    fn finish(mut self, options: &ParseOptions) -> Parsed {
        self.attach_uncalled_footnotes();
        let identity = self.identity(options);
        let kind = self.kind();
        if let Some(symbol) = &identity.symbol {
            let has_symbol_line = self
                .cover
                .iter()
                .flatten()
                .any(|i| matches!(i, Inline::DocNumber { symbol: true, .. }));
            if !has_symbol_line {
                let at = self
                    .cover
                    .iter()
                    .position(|l| matches!(l.first(), Some(Inline::DocAuthority { .. })))
                    .map_or(0, |i| i + 1);
                self.cover.insert(
                    at,
                    vec![Inline::DocNumber {
                        text: symbol.clone(),
                        symbol: true,
                    }],
                );
            }
        }
        let mut organizations = Vec::new();
        let mut bodies: Vec<Body> = vec![identity.body];
        for fact in &self.facts {
            if let Fact::Body(body) = fact {
                bodies.push(*body);
            }
        }
        for body in Body::ALL {
            if bodies.contains(&body) {
                organizations.push(Organization {
                    eid: body.actor().into(),
                    href: body.ontology_href().into(),
                    show_as: body.name().into(),
                });
            }
        }
        organizations.append(&mut self.organizations);
        Parsed {
            document: Document {
                kind,
                identity,
                cover_page: self.cover,
                preface: self.preface,
                preamble: self.preamble,
                main_body: self.paragraphs,
                divisions: self.divisions,
                conclusions: self.conclusions,
                footnotes: self.footnotes,
                organizations,
                meeting: self.meeting,
                vote: self.vote,
                annexes: self.annexes,
            },
            warnings: self.warnings,
        }
    }

    /// A footnote nobody calls is still text: attach it at the end of the
    /// document, with a warning.
    fn attach_uncalled_footnotes(&mut self) {
        let mut called = FxHashMap::default();
        for block in &self.cover {
            collect_calls(block, &mut called);
        }
        // Notes called from other notes are called too.
        for note in &self.footnotes {
            collect_calls(&note.content, &mut called);
        }
        collect_part_calls(
            &self.preface,
            &self.preamble,
            &self.paragraphs,
            &self.conclusions,
            &mut called,
        );
        for annex in &self.annexes {
            collect_part_calls(
                &annex.preface,
                &annex.preamble,
                &annex.main_body,
                &annex.conclusions,
                &mut called,
            );
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
            match self.conclusions.last_mut() {
                Some(last) => last.push(call),
                None => self.conclusions.push(vec![call]),
            }
        }
    }

    fn kind(&self) -> DocumentKind {
        let mut kind = None;
        for fact in &self.facts {
            match fact {
                Fact::Stage(stage) => return *stage,
                Fact::Adopted(adopted, _, _) => kind = Some(*adopted),
                _ => {}
            }
        }
        if let Some(kind) = kind {
            return kind;
        }
        match &self.preface_number {
            Some((number, _)) if number.contains("...") || number.contains('…') => {
                DocumentKind::ResolutionDraft
            }
            _ => DocumentKind::Resolution,
        }
    }

    fn identity(&mut self, options: &ParseOptions) -> Identity {
        let kind = self.kind();
        let mut body = None;
        let mut named_bodies = Vec::new();
        let mut symbol = None;
        let mut issuance = None;
        let mut session = None;
        let mut language = None;
        for fact in &self.facts {
            match fact {
                Fact::Adopted(_, Some(adopting), date) => {
                    body = Some(*adopting);
                    if let Some(date) = date {
                        self.adoption_date = Some(*date);
                    }
                }
                Fact::Adopted(_, None, Some(date)) => self.adoption_date = Some(*date),
                Fact::Body(b) => named_bodies.push(*b),
                Fact::Symbol(s) => symbol = symbol.or(Some(s.clone())),
                Fact::Issuance(d) => issuance = issuance.or(Some(*d)),
                Fact::Session(s) => session = session.or(Some(*s)),
                Fact::Language(l) => language = language.or(Some(*l)),
                _ => {}
            }
        }
        // The most specific body named: the Council rather than the Assembly
        // whose subsidiary it is.
        let body = body
            .or_else(|| {
                named_bodies
                    .iter()
                    .rev()
                    .find(|b| **b != Body::GeneralAssembly)
                    .copied()
            })
            .or(self.formula_body)
            .or_else(|| named_bodies.first().copied())
            .unwrap_or(Body::GeneralAssembly);
        let printed = self.preface_number.as_ref().map(|(n, _)| {
            // "49/34." → "49/34"; "58/..." stays as printed.
            match n.strip_suffix('.') {
                Some(number) if number.ends_with(|c: char| c.is_ascii_alphanumeric()) => {
                    number.to_string()
                }
                _ => n.clone(),
            }
        });
        session = session.or(self.preface_number.as_ref().and_then(|(_, s)| *s));
        if let Some(given) = &options.symbol {
            symbol = Some(given.clone());
        }
        let (work_number, number_shown) = if kind.is_draft() {
            match &symbol {
                Some(symbol) => (citation::work_number(symbol), symbol.clone()),
                None => {
                    let number = format!(
                        "{}-draft",
                        session.map_or_else(|| "unknown".to_string(), |s| s.to_string())
                    );
                    self.warn(
                        self.title_position,
                        format!(
                            "the text does not carry its document symbol; work number set to \"{number}\" (pass --symbol)"
                        ),
                    );
                    (number.clone(), printed.clone().unwrap_or(number))
                }
            }
        } else {
            match &printed {
                Some(printed) => {
                    if symbol.is_none() {
                        let decision = matches!(kind, DocumentKind::Decision);
                        symbol = Some(body.symbol_of(printed, decision));
                    }
                    (citation::work_number(printed), printed.clone())
                }
                None => match &symbol {
                    Some(symbol) => (citation::work_number(symbol), symbol.clone()),
                    None => {
                        self.warn(
                            self.title_position,
                            "no resolution number or symbol found; work number set to \"unnumbered\" (pass --symbol)",
                        );
                        ("unnumbered".into(), "unnumbered".into())
                    }
                },
            }
        };
        self.given_date_and_language(options, kind, language);
        if issuance.is_none() && self.adoption_date.is_none() {
            self.warn(
                self.title_position,
                "no date of issuance or adoption found; FRBR dates cannot be derived from the text",
            );
        }
        Identity {
            body,
            symbol,
            work_number,
            number_shown,
            adoption_date: if kind.is_draft() {
                None
            } else {
                self.adoption_date
            },
            issuance_date: issuance,
            session,
            language: options
                .lang
                .clone()
                .unwrap_or_else(|| language.unwrap_or("eng").into()),
            job_number: self.job_number.clone(),
        }
    }
}

impl DocumentParser {
    /// Applies `options.date` (when the text prints no date of adoption) and
    /// `options.lang` (over the masthead's language), warning where they
    /// disagree with the text.
    fn given_date_and_language(
        &mut self,
        options: &ParseOptions,
        kind: DocumentKind,
        language: Option<&'static str>,
    ) {
        if let Some(given) = options.date {
            match self.adoption_date {
                _ if kind.is_draft() => self.warn(
                    self.title_position,
                    format!("a draft has no date of adoption; the given date {given} is not used"),
                ),
                None => self.adoption_date = Some(given),
                Some(printed) if printed != given => self.warn(
                    self.title_position,
                    format!("the text gives the date of adoption {printed}; the given date {given} is not used"),
                ),
                Some(_) => {}
            }
        }
        if let (Some(given), Some(printed)) = (&options.lang, language) {
            if given != printed {
                self.warn(
                    self.title_position,
                    format!("the masthead names the language {printed}; the given language {given} is used"),
                );
            }
        }
    }
}

/// Whether an unnumbered paragraph opens with an operative verb ("Decides",
/// "Calls upon") rather than a preambular phrase: the operative part has
/// begun even where the numbers were lost.
fn starts_operative(text: &str) -> bool {
    let plain = text.trim_start_matches(['*', '_']);
    lead_len(plain, Part::Preamble).is_none() && lead_len(plain, Part::Operative).is_some()
}

/// Where "The General Assembly," (or another body's formula) starts inside a
/// line that begins with something else.
fn embedded_formula(text: &str) -> Option<usize> {
    for body in Body::ALL {
        let formula = format!(" The {},", body.name());
        if let Some(at) = text.find(&formula) {
            return Some(at + 1);
        }
    }
    None
}

/// "The Human Rights Council,", "The General Assembly,".
fn is_formula(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("The ") else {
        return false;
    };
    // "The General Assembly" without its comma (a slip of the PDF text).
    if Body::from_name(rest).is_some() {
        return true;
    }
    let Some(name) = rest.strip_suffix(',') else {
        return false;
    };
    name.split(' ').all(|w| {
        w.starts_with(|c: char| c.is_uppercase())
            || matches!(w, "of" | "and" | "on" | "for" | "the")
    }) && name.len() < 80
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
    let mut out: String = text.chars().take(60).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
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
            let skipped = first.len() - trimmed.len();
            let lead = trimmed[..len].to_string();
            let after = trimmed[len..].to_string();
            let mut rebuilt = Vec::with_capacity(content.len() + 1);
            if skipped > 0 {
                rebuilt.push(Inline::text(&first[..skipped]));
            }
            rebuilt.push(Inline::Italic(vec![Inline::text(lead.clone())]));
            push(&mut rebuilt, Inline::Text(after));
            for rest in content.drain(1..) {
                push(&mut rebuilt, rest);
            }
            return (rebuilt, Some(lead));
        }
    }
    (content, None)
}

fn add_point(list: &mut Option<List>, label: &str, content: Vec<Inline>) {
    let list = list.get_or_insert_with(|| List {
        points: Vec::new(),
        wrap_up: None,
    });
    let previous_letter = list.points.last().map(|p| p.num.as_str());
    let nests = is_roman(label, previous_letter)
        && !list.points.is_empty()
        && !list
            .points
            .last()
            .is_some_and(|p| is_roman(&p.num, None) && p.list.is_none());
    if nests {
        let parent = list.points.last_mut().expect("checked non-empty");
        add_point(&mut parent.list, label, content);
        return;
    }
    list.points.push(Point {
        num: label.into(),
        content,
        list: None,
    });
}

fn set_wrap_up(list: &mut List, content: Vec<Inline>) {
    match &mut list.wrap_up {
        Some(existing) => {
            push(existing, Inline::text(" "));
            push_all(existing, content);
        }
        None => list.wrap_up = Some(content),
    }
}

fn collect_calls(content: &[Inline], out: &mut FxHashMap<String, usize>) {
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
            | Inline::Named { content: c, .. } => collect_calls(c, out),
            _ => {}
        }
    }
}

/// The footnote calls of a document's or an annex's parts.
fn collect_part_calls(
    preface: &[Vec<Inline>],
    preamble: &Preamble,
    paragraphs: &[Paragraph],
    conclusions: &[Vec<Inline>],
    out: &mut FxHashMap<String, usize>,
) {
    let blocks = preface
        .iter()
        .chain(&preamble.formula)
        .chain(preamble.containers.iter().map(|c| &c.content))
        .chain(conclusions);
    for block in blocks {
        collect_calls(block, out);
    }
    for paragraph in paragraphs {
        collect_paragraph_calls(paragraph, out);
    }
}

fn collect_paragraph_calls(paragraph: &Paragraph, out: &mut FxHashMap<String, usize>) {
    collect_calls(&paragraph.content, out);
    if let Some(list) = &paragraph.list {
        collect_list_calls(list, out);
    }
}

fn collect_list_calls(list: &List, out: &mut FxHashMap<String, usize>) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_lines() {
        assert_eq!(
            title_line("49/34. Technical assistance"),
            Ok(("", ("49/34.", "Technical assistance")))
        );
        assert_eq!(
            title_line("58/... Technical"),
            Ok(("", ("58/...", "Technical")))
        );
        assert!(title_line("1. Decides").is_err());
    }

    #[test]
    fn numbers_and_labels() {
        assert_eq!(operative_number("12. *Urges*"), Ok(("*Urges*", "12.")));
        assert!(operative_number("2022. x").is_ok());
        assert!(operative_number("1.5 million").is_err());
        assert_eq!(point_label("(ii) To"), Ok(("To", "(ii)")));
        assert!(is_roman("(ii)", Some("(a)")));
        assert!(!is_roman("(i)", Some("(h)")));
        assert!(!is_roman("(b)", None));
    }

    #[test]
    fn formula_and_meeting() {
        assert!(is_formula("The Human Rights Council,"));
        assert!(is_formula("The General Assembly,"));
        assert!(!is_formula("The primary responsibility of all States,"));
        assert_eq!(
            meeting_line("58th meeting\n1 April 2022"),
            Ok(("\n1 April 2022", "58th meeting"))
        );
        assert!(meeting_line("69th (resumed) plenary meeting").is_ok());
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
