//! Stage 2: the grammar — cleaned blocks in, a [`Document`] out.
//!
//! Takes [`CleanText`] (stage 1) and recognises, block by block, the parts of
//! a UN resolution. The block structure is a hand-written state machine
//! ([`parse`] and `DocumentParser::block` here): a `Phase` that only moves
//! forward (masthead, preamble, operative part, conclusions), with each block
//! handled by one seam of the text:
//!
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
pub(crate) mod symbol;
pub(crate) mod vote;

use rustc_hash::FxHashSet;
use std::borrow::Cow;

use chrono::NaiveDate;

use self::conclusions::meeting_line;
use self::inline::{inlines, push};
use self::lead::{lead_len, Part};
use self::masthead::Fact;
use self::operative::{
    is_dash, operative_number, point_label, starts_operative, MainBody, MAX_HEADING,
};
use self::preamble::{is_formula, is_separator};
use self::preface::{resolution_title, title_line};
use crate::clean::{without_closing_calls, Block as CleanBlock, CleanText, Format, Line};
use crate::error::{ErrorKind, Position, Warning};
use crate::lang::{self, Language};
use crate::model::{
    Body, DivisionKind, Document, DocumentKind, Footnote, Inline, Meeting, Organization, Parts,
    Preamble, Reference, Vote,
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
    // Where blank lines part the paragraphs (a few lines to a block), a
    // full line inside a block only wrapped.
    let full_line = if clean.blocks.len() * 12 >= lines {
        printed_line
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
    /// starts, while no second point has followed it.
    restored_first_point: Option<Position>,
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

/// Whether a line of text input starts a new paragraph although no blank line
/// separates it from the previous one ("…its decisions," ⏎ "Acting under
/// Chapter VII of the Charter,").
fn starts_paragraph(previous: &str, line: &str, wrapped: &dyn Fn() -> bool) -> bool {
    // "… in the least developed countries," ⏎ "* * *" ⏎ "Recognizing …":
    // a separator stands alone.
    if is_separator(line) || is_separator(previous) {
        return true;
    }
    // "78/121. Assistance to the Palestinian people" ⏎ "The General
    // Assembly,": text with no blank lines at all; the formula, a line of
    // its own, starts the preamble.
    if is_short(line) && is_formula(line.trim_end()) {
        return true;
    }
    // "… entitled “Assistance in mine action”." ⏎ "45th plenary meeting" ⏎
    // "7 December 2023": the meeting, a line of its own, after the last
    // paragraph's stop.
    let meeting = || meeting_line(line.trim_end()).is_ok_and(|(rest, _)| rest.is_empty());
    if without_closing_calls(previous).ends_with(['.', '。']) && meeting() {
        return true;
    }
    // An English, French or Spanish lead phrase starts a paragraph only with
    // its capital: "further recalling" ("encourageant") after a comma goes
    // on with the sentence. (Russian recitals start in lower case:
    // "рассмотрев", "ссылаясь".)
    let may_lead = line.starts_with(char::is_uppercase) || !lang::current().leads_with_capital();
    // After a line that filled its width, a lead phrase needs its usual
    // sequel, a word in lower case: "… in the Interest of All States," ⏎
    // "Taking into Particular Account the Needs of …" goes on with a
    // title, while "… peace and security," ⏎ "Considering also the letter
    // …" opens a recital (old texts have no blank lines between them). In
    // the languages whose leads are in lower case, or have no case, that
    // tells nothing: the line goes on.
    let capital = line.starts_with(char::is_uppercase);
    let leads = |part: Part| {
        may_lead
            && lead_len(line, part).is_some_and(|len| {
                (capital && line[len..].trim_start().starts_with(char::is_lowercase)) || !wrapped()
            })
    };
    // "… for 2022<sup>1</sup>" ⏎ "Taking note of …": a call closes the
    // recital whose comma the print lost.
    let called = previous.trim_end().ends_with("</sup>");
    if called && leads(Part::Preamble) {
        return true;
    }
    // "… on the expulsion of aliens,<sup>1</sup>": a call after the comma.
    let previous = without_closing_calls(previous);
    // "… in Afghanistan;" ⏎ "and" ⏎ "5. Decides …" (S/RES/2716): the
    // conjunction after a paragraph's semicolon closes it as the semicolon
    // does, alone on its line or after it, before a numbered paragraph (an
    // enumeration in running text goes on: "…; and" ⏎ "(b) to consider …").
    let after_conjunction = || {
        [" and", " or", " et", " ou", " y", " o"]
            .iter()
            .any(|conjunction| {
                previous == &conjunction[1..]
                    || previous
                        .strip_suffix(conjunction)
                        .is_some_and(|rest| rest.ends_with(';'))
            })
    };
    if after_conjunction() && operative_number(line).is_ok() {
        return true;
    }
    // Also the Chinese and Arabic marks: "…合理忧虑，" ⏎ "深信…", "…،" ⏎ "وإذ …".
    if !previous.ends_with(CLOSING_MARKS) || crate::clean::awaits_number(previous) {
        return false;
    }
    operative_number(line).is_ok()
        // "… of the region." ⏎ "“The Security Council reaffirms …": a
        // statement's paragraphs, each in quotation marks (S/PRST/2024/6's
        // close with a comma).
        || kinds::opens_quoted_statement(line)
        || point_label(line).is_ok_and(|(rest, _)| !crate::clean::refers_to_a_point(rest))
        // "…;" ⏎ "1." ⏎ "Takes note …": the number waits for its text;
        // also without its dot ("…;" ⏎ "6" ⏎ "Also reaffirms …"), which
        // the number's paragraph takes only as the next in its sequence,
        // before a lead phrase.
        || is_lone_label(line)
        || is_lone_figure(line)
        // "…;" ⏎ "26 Condemns …": or before its text (the paragraph takes
        // it only as the next in its sequence).
        || dotless_number_and_lead(line)
        || leads(Part::Preamble)
        || leads(Part::Operative)
        || (may_lead && previous.ends_with(',') && participle_lead(line) && !wrapped())
}

/// Whether an English `line` opens with a participle the lexicon lacks as a
/// recital's lead ([`lead::guessed_len`]; "Reaffirming also that …"),
/// followed by a word in lower case as a lead is and a name is not ("United
/// Nations", "Federated States").
fn participle_lead(line: &str) -> bool {
    // After its adverbs: "Deeply committed to seeing …" (S/RES/2046).
    let participle = line
        .split(' ')
        .find(|word| !(word.len() > 4 && word.ends_with("ly")))
        .is_some_and(|word| word.ends_with("ing") || word.ends_with("ed"));
    participle
        && lead::guessed_len(line, Part::Preamble)
            .is_some_and(|len| line[len..].trim_start().starts_with(char::is_lowercase))
}

/// "Смета расходов …" ⏎ "ссылаясь на …,": a heading alone on its line (a
/// capital, no closing punctuation) and a lead phrase, which the text
/// stitching took for the heading's continuation: in the languages whose
/// lead phrases start in lower case; and, in any language, a short heading
/// left at the foot of a page ("Multimodal transportation" ⏎ (page) ⏎
/// "Noting that …").
fn heading_then_recital(heading: &str, line: &str) -> bool {
    let leads = lead::has_lead;
    // A heading is a name, not a recital begun ("Exprimant ses
    // inquiétudes … et" ⏎ "soulignant qu'il importe …").
    let lower_case_lead = || {
        !lang::current().leads_with_capital()
            && line.starts_with(char::is_lowercase)
            && heading.chars().count() < MAX_HEADING
            && !leads(heading)
            && lang::lexicon::guessed_lead(heading, lang::current()).is_none()
    };
    let short_heading =
        || line.starts_with(char::is_uppercase) && heading.chars().count() < 60 && !leads(heading);
    heading.starts_with(char::is_uppercase)
        && !ends_with_a_mark(heading)
        && (lower_case_lead() || short_heading())
        && leads(line)
}

/// "… entities:" ⏎ "Asset Freeze" ⏎ "(a) Freeze without delay …" (S/RES/2368
/// (2017)): a short heading alone on its line (a capital, no closing
/// punctuation, no lead phrase) over a point. (Headings over a numbered
/// paragraph are found from its number, where a title's colon before its
/// subtitle ends no sentence: "… Agenda 2063:" ⏎ "The Africa We Want" ⏎
/// "2. …".)
fn heading_then_item(heading: &str, line: &str) -> bool {
    // A point's label shows in its first bytes ("(a)", "a)", "a.", "–",
    // "（一）"): the label's parse would look for a bracket along the line.
    let label_ahead = line.starts_with(['–', '—', '•', '（'])
        || line
            .bytes()
            .take(8)
            .any(|b| matches!(b, b'(' | b')' | b'.' | b'-'));
    label_ahead
        && heading.starts_with(char::is_uppercase)
        && heading.chars().count() < 100
        && !heading.ends_with(|c: char| c.is_ascii_punctuation())
        && (point_label(line).is_ok_and(|(rest, _)| !crate::clean::refers_to_a_point(rest))
            || (is_lone_label(line) && line.starts_with('(')))
        && !lead::has_lead(heading)
}

/// "…for parties thereto," ⏎ "Multimodal transportation" ⏎ "Noting that
/// …": a heading between two recitals, or over a point, stands apart.
fn heading_between(previous: &str, line: &str, next: Option<&str>) -> bool {
    line.starts_with(char::is_uppercase)
        && next.is_some_and(|next| {
            without_closing_calls(previous).ends_with([',', ';', ':', '.'])
                && (heading_then_item(line, next) || heading_then_recital(line, next))
        })
}

/// Splits a text-input block where a new paragraph starts without a blank
/// line before it.
///
/// `full_line` is the width of a full printed line, in columns, where blank
/// lines separate the text's paragraphs (0 where they do not): a line
/// that fills it wrapped, and the line under it goes on with its sentence.
/// `printed_line` is the same width with or without blank lines (0 where
/// the text is not wrapped), which tells a line that stops short.
fn split_paragraphs<'b, 'a>(
    block: &'b CleanBlock<'a>,
    full_line: usize,
    printed_line: usize,
) -> Vec<&'b [Line<'a>]> {
    let mut parts = Vec::new();
    let mut start = 0;
    for index in 1..block.lines.len() {
        if index <= start {
            continue;
        }
        let (previous, line) = (&block.lines[index - 1].text, &block.lines[index].text);
        let next = block.lines.get(index + 1).map(|l| l.text.as_ref());
        // "VII" ⏎ "Seismic mitigation retrofit … at the Economic and" ⏎
        // "Social Commission … in Bangkok" ⏎ "Recalling …" (76/246 without
        // blank lines): a part's label, its heading, and the recital under
        // it.
        if index == start + 1
            && previous.len() <= MAX_LABEL_LEN
            && line.starts_with(opens_sentence)
            && is_any_label(previous)
        {
            let last = (index + MAX_HEADING_LINES).min(block.lines.len() - 1);
            let recital = (index + 1..=last)
                .find(|&at| lead::has_lead(&block.lines[at].text))
                .filter(|&at| is_headings(&block.lines[index..at]));
            if let Some(recital) = recital {
                parts.push(&block.lines[start..index]);
                parts.push(&block.lines[index..recital]);
                start = recital;
                continue;
            }
        }
        // Asked only where a lead or a heading is at stake (measuring each
        // line would cost more than the rest of the split).
        let wrapped = || full_line > 0 && crate::clean::fills_line(previous, line, full_line);
        // A heading, first of its part, and the recital under it.
        let after_heading = index == start + 1
            && (heading_then_item(previous, line) || heading_then_recital(previous, line))
            && !wrapped();
        // "Article 3" ⏎ "Scope of application" ⏎ "This Convention shall
        // apply …": a convention's article or chapter label and its heading
        // stand apart from the text under them ("Part I" ⏎ "Overall
        // policymaking …" heads a budget's table as well).
        let after_article_heading = index == start + 2
            && operative::convention_division(&block.lines[start].text).is_some_and(
                |(kind, _, heading)| {
                    heading.is_none()
                        && matches!(kind, DivisionKind::Article | DivisionKind::Chapter)
                },
            )
            && operative::is_convention_heading(previous);
        // "… in the Area." ⏎ "Promoting sustainable ocean-based economies"
        // ⏎ "19. We recognize …" (or "6." ⏎ "Takes note …"): the headings
        // after the last sentence's end stand apart from both. A Russian
        // paragraph opens with its lead in lower case ("4. принимает к
        // сведению …").
        let opens_paragraph = |text: &str| {
            text.starts_with(opens_sentence)
                || (!lang::current().leads_with_capital()
                    && lead_len(text, Part::Operative).is_some())
        };
        // A number alone that ends the block ("Peacekeeping operations" ⏎
        // "47." ⏎ (page) ⏎ "Takes note …"): its text opens the next page.
        let numbered = line.starts_with(char::is_numeric)
            && (operative_number(line).is_ok_and(|(rest, _)| opens_paragraph(rest))
                || (line.starts_with(|c: char| c.is_ascii_digit())
                    && is_lone_label(line)
                    && match next {
                        Some(next) => opens_paragraph(next),
                        None => line.trim_end().ends_with('.'),
                    }));
        if numbered {
            // Headings take a few lines at most: look no further back than
            // one more (a long block stays linear).
            let window = index.saturating_sub(MAX_HEADING_LINES + 1).max(start);
            let text_at = |at: usize| block.lines[at].text.as_ref();
            // "Section 11" ⏎ "United Nations system support for the African
            // Union’s Agenda 2063:" ⏎ "The Africa We Want": a title's colon
            // before its subtitle ends no sentence.
            let before_subtitle = |at: usize| {
                at > window
                    && is_any_label(text_at(at - 1))
                    && at + 1 < index
                    && text_at(at + 1).starts_with(char::is_uppercase)
            };
            let sentence_end = (window..index).rev().find(|&at| {
                let text = without_closing_calls(text_at(at).trim_end());
                !is_label(text_at(at))
                    && (text.ends_with(['.', ';']) || text.ends_with(':') && !before_subtitle(at))
            });
            let mut headings = match sentence_end {
                Some(end) => end + 1,
                None if window == start => start,
                None => index,
            };
            // "… (S/2020/105)," ⏎ "Renewal of UNIOGBIS’s mandate" ⏎ "1.
            // Decides …": after the last recital's comma, where the line
            // right above the number closes nothing.
            let stand_apart = |from: usize| from < index && is_headings(&block.lines[from..index]);
            let mut found = stand_apart(headings);
            if !found && !closes_clause(previous) {
                if let Some(end) = (window..index).rev().find(|&at| closes_clause(text_at(at))) {
                    headings = end + 1;
                    found = stand_apart(headings);
                }
            }
            if found {
                if headings > start {
                    parts.push(&block.lines[start..headings]);
                }
                split_at_labels(&block.lines[headings..index], &mut parts);
                start = index;
                continue;
            }
        }
        if after_heading
            || after_article_heading
            || starts_paragraph(previous, line, &wrapped)
            || stands_apart(previous, line, next)
            || heading_between(previous, line, next)
        {
            parts.push(&block.lines[start..index]);
            start = index;
        }
    }
    // "… a maximum of efficiency and economy;" ⏎ "Budget performance report
    // for the period from 1 July 2022 to 30 June 2023" ⏎ (page) ⏎ "15.":
    // headings at a page's foot, after the last sentence's end, head the
    // paragraph that opens the next page (the text stitching left them
    // here, as that paragraph starts with its number).
    if let Some(headings) = headings_at_the_end(&block.lines[start..], printed_line) {
        parts.push(&block.lines[start..start + headings]);
        start += headings;
    }
    // "II." ⏎ "Action areas" ⏎ "A." ⏎ "Domestic public resources": a
    // block of headings only, a part's label and title, then its first
    // section's (every block is asked, so the first label first). One label
    // and its title alone may head a table ("A." ⏎ "Pension
    // Administration" under "… as set out in the table below:"): one block;
    // but a budget's section stands apart from its title ("Income section
    // 3" ⏎ "Services to the public" at a page's foot, 79/257), and so does a
    // Chinese or Arabic part's label ("十四" ⏎ its title, zh 76/72), whose
    // title would be glued to it without a space.
    let rest = &block.lines[start..];
    let labels = || rest.iter().filter(|line| is_any_label(&line.text)).count();
    if rest.len() > 1
        && is_any_label(&rest[0].text)
        && (labels() >= 2 || is_budget_label(&rest[0].text) || lang::division_label(&rest[0].text))
        && is_headings(rest)
    {
        split_at_labels(rest, &mut parts);
    } else {
        parts.push(rest);
    }
    parts
}

/// Where the headings that end a block of text begin: up to
/// [`MAX_HEADING_LINES`] lines after a line that closes its sentence
/// ("…;", "….", "…؛", or "…；" and "…。" on a line that stops short of
/// `printed_line`, the page's width), or a recital's clause ("…,"), that
/// read as headings only and open with no lead phrase. `None` where the
/// block ends otherwise.
fn headings_at_the_end(lines: &[Line<'_>], printed_line: usize) -> Option<usize> {
    let window = lines.len().saturating_sub(MAX_HEADING_LINES + 1);
    // Where the lines after the last one `marks` end begin.
    let after = |marks: &[char]| {
        (window..lines.len().saturating_sub(1))
            .rev()
            .find(|&at| without_closing_calls(lines[at].text.trim_end()).ends_with(marks))
            .map(|end| end + 1)
    };
    // The lexicon last: most blocks fail the cheaper tests.
    let lead = |first: &str| lead::has_lead(first) || lead_len(first, Part::Operative).is_some();
    let headings = |start: usize| is_headings(&lines[start..]) && !is_label(&lines[start - 1].text);
    // After the Arabic semicolon too ("… والسبعين؛" ⏎ a heading, 76/290);
    // the Chinese one only on a short line (below), since a line that
    // wraps anywhere may end with it.
    // "Actuando en virtud del Capítulo VII …," ⏎ "Medidas" ⏎ (page) ⏎
    // "1.": after a recital's comma as well, where no sentence's end comes
    // before (not after a comma inside a title: "… under section 1," ⏎
    // "Overall policymaking, …"), and where a capital tells a title from
    // the recital's next clause (which Arabic and Chinese do not have).
    let recital = || {
        lines
            .first()
            .is_some_and(|first| lead::has_lead(&first.text))
    };
    // "…第一步；" ⏎ "旅行禁令和资产冻结" ⏎ (page) ⏎ "11." (S/RES/2701
    // without blank lines): the Chinese marks end a paragraph where their
    // line stops short of the page's width, as a line that wraps anywhere
    // does only at its paragraph's end.
    let stops_short = |start: usize| {
        printed_line > 0
            && !crate::clean::fills_line(&lines[start - 1].text, &lines[start].text, printed_line)
    };
    after(&['.', ';', '؛'])
        .filter(|&start| headings(start) && !lead(&lines[start].text))
        .or_else(|| {
            after(&['；', '。'])
                .filter(|&start| stops_short(start) && headings(start) && !lead(&lines[start].text))
        })
        .or_else(|| {
            after(&[',']).filter(|&start| {
                lines[start].text.starts_with(char::is_uppercase)
                    && headings(start)
                    && recital()
                    && !lead(&lines[start].text)
            })
        })
}

/// Pushes `headings` onto `parts`, each label a part of its own, as the
/// blank lines around it set it apart where the text has them ("Part IV"
/// ⏎ "International cooperation for development" ⏎ "Section 11" ⏎ …): a
/// title's lines stay together.
fn split_at_labels<'b, 'a>(headings: &'b [Line<'a>], parts: &mut Vec<&'b [Line<'a>]>) {
    let mut from = 0;
    for at in 0..headings.len() {
        if is_any_label(&headings[at].text) {
            if at > from {
                parts.push(&headings[from..at]);
            }
            parts.push(&headings[at..=at]);
            from = at + 1;
        }
    }
    if from < headings.len() {
        parts.push(&headings[from..]);
    }
}

/// Whether a line of a block with no blank lines stands apart from the line
/// before it for what it is, whatever that line ends with: the line after
/// the formula ("The General Assembly" ⏎ "1."); an annex heading after the
/// date that closes the resolution ("30 June 2025" ⏎ "Annex") and the line
/// after it; a number alone whose text starts on the next line with a
/// capital ("Programme budget" ⏎ "1." ⏎ "Approves …"), which a number
/// wrapped from running text ("… in paragraph" ⏎ "1.") is not followed by;
/// a part's label over its heading after a sentence's end.
fn stands_apart(previous: &str, line: &str, next: Option<&str>) -> bool {
    // Cheapest first: this runs on every line of every text block.
    (is_short(previous) && is_formula(previous.trim_end()))
        || (is_lone_label(line)
            && next.is_some_and(|next| next.trim_start().starts_with(|c: char| !c.is_lowercase())))
        // "… operations;" ⏎ "II" ⏎ "Support account and related funding
        // issues": a part's label after a sentence's end, over its heading.
        || (line.len() <= MAX_LABEL_LEN
            && next.is_some_and(|next| next.starts_with(opens_sentence))
            && without_closing_calls(previous.trim_end()).ends_with(['.', ';', '。', '；', '؛'])
            && is_any_label(line))
        || (is_short(line)
            && !previous.trim_end().ends_with(char::is_alphabetic)
            && is_annex_line(line))
        || (is_short(previous) && is_annex_line(previous))
}

/// The marks that may close a recital or a paragraph at a line's end, in
/// the six languages: a comma, semicolon, colon or stop, Latin, Chinese or
/// Arabic.
const CLOSING_MARKS: [char; 10] = [',', ';', ':', '.', '，', '；', '：', '。', '،', '؛'];

/// Whether `text` closes a clause at its end with one of [`CLOSING_MARKS`],
/// read through the footnote calls and the marks that print nothing.
fn closes_clause(text: &str) -> bool {
    without_closing_calls(text.trim_end()).ends_with(CLOSING_MARKS)
}

/// Whether `text` ends with a mark a title does not end with: ASCII
/// punctuation, or one of [`CLOSING_MARKS`] of another script ("،", "，").
fn ends_with_a_mark(text: &str) -> bool {
    text.ends_with(|c: char| c.is_ascii_punctuation() || CLOSING_MARKS.contains(&c))
}

/// Whether a letter may open a sentence or a title: a capital, or a letter
/// of a script without case (Arabic, Chinese).
fn opens_sentence(c: char) -> bool {
    c.is_alphabetic() && !c.is_lowercase()
}

/// Whether a line is short enough to be a formula or an annex's heading:
/// under 40 characters, not bytes ("Генеральная Ассамблея," takes 42 bytes,
/// "الجمعية العامة،" 28).
fn is_short(line: &str) -> bool {
    fewer_letters_than(line, 40)
}

/// Whether `text` has fewer than `limit` characters, counted cheaply: by
/// its bytes where they tell (too few or too many of them, or a line that
/// opens in ASCII), by its characters where the line opens in another
/// script (Cyrillic takes two bytes a letter, Chinese three). Asked of
/// every line: most lines are long, or open in ASCII.
fn fewer_letters_than(text: &str, limit: usize) -> bool {
    let other_script = text.as_bytes().first().is_some_and(|b| !b.is_ascii());
    text.len() < limit || (other_script && text.len() < limit * 4 && text.chars().count() < limit)
}

/// How many lines the headings above a numbered paragraph can take: a
/// budget's part and section, each with its title ("Part IV" ⏎
/// "International cooperation for development" ⏎ "Section 11" ⏎ a title of
/// two lines).
const MAX_HEADING_LINES: usize = 6;

/// The longest part's label alone on its line, in bytes ("Income section
/// 12", "Section 29A", "Часть IV"): a cheap test before the parse.
const MAX_LABEL_LEN: usize = 24;

/// Whether the lines read as headings only: up to six short lines, each
/// a part's label ("F.", "IV.") or a capitalised title without closing
/// punctuation (or its next line) ("II." ⏎ "Action areas" ⏎ "A." ⏎ "Domestic public
/// resources" ⏎ "26. Public resources …", where the numbered paragraph
/// follows without a blank line).
fn is_headings(lines: &[Line<'_>]) -> bool {
    if lines.is_empty() || lines.len() > MAX_HEADING_LINES {
        return false;
    }
    // Closed by the marks of any script: "…؛" and "…，" end clauses, not
    // titles (S/RES/2597 in Arabic, "… (S/2018/119)؛" at a page's foot).
    let unclosed = |text: &str| fewer_letters_than(text, 120) && !ends_with_a_mark(text);
    // A Chinese title may open with a date ("2022年7月1日至2023年6月30日期间的
    // 预算估计数", 76/293).
    let dated = |text: &str| {
        let year = text.trim_start_matches(|c: char| c.is_ascii_digit());
        year.len() + 4 == text.len() && year.starts_with('年')
    };
    let title = |text: &str| unclosed(text) && (text.starts_with(opens_sentence) || dated(text));
    // A title's second line may start in lower case ("Financing of the
    // support account … for the financial" ⏎ "periods from 1 July 2022 …").
    // "… Agenda 2063:" ⏎ "The Africa We Want": a title's colon before its
    // subtitle, not on the last line.
    let last = lines.len() - 1;
    let mut previous_title = false;
    let all = lines.iter().enumerate().all(|(at, line)| {
        let text = line.text.trim();
        let text = match text.strip_suffix(':') {
            Some(head) if at < last => head,
            _ => text,
        };
        let goes_on = previous_title && unclosed(text);
        previous_title = title(text) || goes_on;
        is_any_label(text) || previous_title
    });
    all && previous_title
}

/// A part's label alone on its line: "F.", "IV.", "XVIII", as the
/// operative part reads one.
fn is_label(text: &str) -> bool {
    operative::division_heading(text.trim()).is_some_and(|(_, heading)| heading.is_none())
}

/// A budget's part or section alone on its line ("Part VIII", "Section
/// 29A", "Income section 3"), not a convention's chapter or article.
fn is_budget_label(text: &str) -> bool {
    let text = text.trim();
    is_income_section(text)
        || is_any_label(text)
            && operative::convention_division(text).is_some_and(|(kind, _, _)| {
                matches!(kind, DivisionKind::Part | DivisionKind::Section)
            })
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

/// A paragraph number or point label alone on its line: "1.", "(a)", and
/// the other languages' forms "12 -", "(د)", "a)", "１．", "（a）".
/// A paragraph's number alone on its line without its dot ("6").
fn is_lone_figure(text: &str) -> bool {
    is_paragraph_figure(text.trim())
}

/// A paragraph's number without its dot before an operative lead phrase
/// with its capital: "26 Condemns without reservation …".
fn dotless_number_and_lead(line: &str) -> bool {
    line.split_once(' ').is_some_and(|(number, rest)| {
        is_paragraph_figure(number)
            && rest.starts_with(char::is_uppercase)
            && lead_len(rest, Part::Operative).is_some()
    })
}

/// Whether `text` is a paragraph's number: one to three figures.
fn is_paragraph_figure(text: &str) -> bool {
    !text.is_empty() && text.len() <= 3 && text.bytes().all(|b| b.is_ascii_digit())
}

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
    let opens_like_a_label = text.starts_with(|c: char| {
        c.is_numeric() || matches!(c, '(' | '（' | '-' | '\u{200e}' | '\u{200f}')
    }) || text.chars().nth(1) == Some(')');
    if text.is_empty() || text.len() > MAX || !opens_like_a_label {
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
