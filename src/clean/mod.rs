//! Stage 1: page cleaning.
//!
//! Takes the raw input text and returns [`CleanText`]: the running text as
//! blocks (paragraphs as printed, one or more source lines each), the footnote
//! texts lifted out of the page bottoms, and the page furniture that was
//! removed. It undoes what pagination did to the text:
//!
//! - page breaks (`---`, `***`, `___` rules and form feeds) are removed and
//!   reported as furniture;
//! - footnote texts (`<sup>1</sup> …`, `\* …`) are lifted out of the flow,
//!   wherever the page bottom left them;
//! - a paragraph split by a page break or a footnote block is stitched back
//!   into one block.
//!
//! Two input formats share this output: markdown made from the official PDFs
//! (this module) and text extracted from them ([`text`], which also removes
//! running headers, job numbers, barcodes and page counters, joins hard-wrapped
//! lines and hyphenated words, and finds footnote calls glued to words). Text
//! input is turned into the same inline markup as markdown (literal `*`, `_`,
//! `[`, `<`, `\\` escaped, calls as `<sup>1</sup>`), so one grammar reads both.
//!
//! It does not interpret the text: which block is a title or a paragraph is the
//! grammar's business ([`crate::grammar`]). Every line of the input ends up in
//! exactly one block, one footnote or one furniture entry, so nothing is lost.

mod hyphen;
mod markdown;
mod text;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::error::{Position, Warning};

use self::markdown::clean_markdown;

/// The input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Format {
    /// Markdown as made from the official PDFs (`#` headings, `*italics*`,
    /// `<sup>1</sup>` calls, `---` page breaks).
    Markdown,
    /// Plain text extracted from PDFs or OCR, with page furniture.
    Text,
}

/// Guesses the format: markdown when the text uses markdown's headings,
/// emphasis or superscripts; plain text otherwise.
pub fn detect(input: &str) -> Format {
    let mut evidence = 0;
    for line in input.lines().take(400) {
        let line = line.trim_start();
        if line.starts_with("# ") || line.starts_with("## ") || line.starts_with("### ") {
            evidence += 2;
        }
        if line.contains("<sup>") || line.contains("\\*") || line.starts_with("[^") {
            evidence += 2;
        }
        if line.starts_with('*')
            && line[1..].starts_with(|c: char| c.is_alphabetic())
            && line[1..].contains("* ")
        {
            evidence += 1;
        }
        if evidence >= 2 {
            return Format::Markdown;
        }
    }
    Format::Text
}

/// One source line, trimmed, with where it came from.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    /// The line's text without leading and trailing white space, as inline
    /// markdown (text input is escaped into it).
    pub text: Cow<'a, str>,
    /// Line number in the input, from 1.
    pub number: usize,
    /// Column (in characters, from 1) where `text` starts.
    pub column: usize,
    /// Whether the line ends with a markdown hard break (two trailing spaces
    /// or a backslash).
    pub hard_break: bool,
    /// Whether the next line continues this one's last word (a hyphenated
    /// word split across lines): join without a space.
    pub glue: bool,
}

impl Line<'_> {
    /// The line's start position.
    pub fn position(&self) -> Position {
        Position {
            line: self.number,
            column: self.column,
        }
    }
}

/// A paragraph as printed: consecutive non-blank lines, possibly stitched
/// together from both sides of a page break.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Block<'a> {
    /// The lines, in order.
    pub lines: Vec<Line<'a>>,
}

impl<'a> Block<'a> {
    /// The first line (every block has one).
    pub fn first(&self) -> &Line<'a> {
        &self.lines[0]
    }

    /// The last line.
    pub fn last(&self) -> &Line<'a> {
        &self.lines[self.lines.len() - 1]
    }
}

/// A footnote text from a page bottom, e.g. `<sup>1</sup> A/HRC/49/94.`
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FootnoteText<'a> {
    /// The marker without its markup: `1`, `*`, `**`.
    pub marker: String,
    /// The footnote's lines; the first has the marker removed.
    pub lines: Vec<Line<'a>>,
}

/// What kind of page furniture was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum FurnitureKind {
    /// A page break or horizontal rule (`---`, form feed).
    PageBreak,
    /// A character XML cannot carry (C0 control, U+FFFE, U+FFFF), removed.
    ForbiddenCharacter,
    /// YAML front matter before the document (`---` … `---`).
    FrontMatter,
    /// The job number, e.g. "25-15106 (E)"; the first goes to `<meta>`.
    JobNumber,
    /// A barcode, e.g. "*2515106*".
    Barcode,
    /// A page counter, e.g. "2/6".
    PageCounter,
    /// The document symbol repeated at the top of a page.
    RunningHeader,
    /// The short title repeated at the top of a page.
    RunningTitle,
    /// The rule above the footnotes (`_____`).
    FootnoteRule,
}

/// A piece of page furniture removed from the text, for the conversion report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Furniture {
    /// What it was.
    pub kind: FurnitureKind,
    /// Where it was.
    pub position: Position,
    /// The removed text.
    pub text: String,
}

/// The output of page cleaning.
#[doc(hidden)]
#[derive(Debug, Clone, Default)]
pub struct CleanText<'a> {
    /// The running text, in order.
    pub blocks: Vec<Block<'a>>,
    /// Footnote texts, in the order they were printed.
    pub footnotes: Vec<FootnoteText<'a>>,
    /// What was removed.
    pub furniture: Vec<Furniture>,
    /// Paragraphs that were stitched across page breaks (line of the join).
    pub stitches: Vec<usize>,
    /// Blocks that start a page (after a page break or the notes lifted
    /// from a page's foot) and were not stitched to the block before: their
    /// first lines, in order.
    pub page_tops: Vec<usize>,
    /// Problems noticed while cleaning.
    pub warnings: Vec<Warning>,
    /// The format the text was read as.
    pub format: Option<Format>,
    /// Text input: the width of a full printed line in [`columns`], the
    /// longest but one in ten of the text lines (0 for markdown).
    pub line_width: usize,
}

impl CleanText<'_> {
    /// The first job number removed as furniture ("25-15106 (E)").
    pub fn job_number(&self) -> Option<&str> {
        self.furniture
            .iter()
            .find(|f| f.kind == FurnitureKind::JobNumber)
            .map(|f| f.text.as_str())
    }
}

/// Cleans `input` (already checked for characters XML cannot carry, see
/// [`forbidden_characters`]) read as `format`.
#[doc(hidden)]
pub fn clean(input: &str, format: Format) -> CleanText<'_> {
    // YAML front matter (archive metadata) is furniture in either format.
    let (matter, body, first_line) = match front_matter(input) {
        Some(len) => (
            Some(&input[..len]),
            &input[len..],
            input[..len].matches('\n').count(),
        ),
        None => (None, input, 0),
    };
    let mut out = match format {
        Format::Markdown => clean_markdown(body, first_line),
        Format::Text => text::clean_text(body, first_line),
    };
    if let Some(matter) = matter {
        out.furniture.insert(
            0,
            Furniture {
                kind: FurnitureKind::FrontMatter,
                position: Position { line: 1, column: 1 },
                text: matter.trim_end().into(),
            },
        );
    }
    out.format = Some(format);
    out
}

/// YAML front matter at the very start (`---` … `---`): its length in bytes.
fn front_matter(input: &str) -> Option<usize> {
    let rest = input
        .strip_prefix("---\n")
        .or_else(|| input.strip_prefix("---\r\n"))?;
    let mut at = input.len() - rest.len();
    for line in rest.split_inclusive('\n') {
        at += line.len();
        if line.trim_end() == "---" {
            return Some(at);
        }
        if !line.contains(':') && !line.trim_start().starts_with('-') && !line.trim().is_empty() {
            return None;
        }
    }
    None
}

/// Appends `block`, or joins it to the previous block when it continues it.
/// A word hyphenated across the join is glued back; `keep_hyphen` says,
/// for the line before the join and the text after it, whether its hyphen
/// stays. `full_line` is the width of a full printed line in [`columns`]
/// (0 where unknown).
fn stitch<'a>(
    out: &mut CleanText<'a>,
    block: Block<'a>,
    interrupted: bool,
    full_line: usize,
    keep_hyphen: &dyn Fn(&Line<'a>, &str) -> bool,
) {
    match out.blocks.last_mut() {
        Some(previous) if continues(previous, &block, interrupted, full_line) => {
            out.stitches.push(block.first().number);
            let next = &block.first().text;
            let last = previous.lines.last_mut().expect("a block has lines");
            // After a hyphen, a figure too ("2021-" ⏎ (page) ⏎ "2030"), as
            // inside a page: the lines join and the hyphen stays.
            let hyphenated = !last.glue
                && broken_word(&last.text)
                && next.starts_with(char::is_alphanumeric)
                && !text::is_suspended(next);
            // "…推进所有" ⏎ (page) ⏎ "可持续发展目标…": Chinese wraps anywhere.
            if !last.glue && joins_without_space(&last.text, next) {
                last.glue = true;
            }
            if hyphenated {
                last.glue = true;
                // "Secretary-" ⏎ "General": a capital after the hyphen
                // makes a compound, whose hyphen stays.
                if next.starts_with(char::is_lowercase) && !keep_hyphen(last, next) {
                    drop_last_char(&mut last.text);
                }
            }
            previous.lines.extend(block.lines);
        }
        _ => {
            if interrupted {
                out.page_tops.push(block.first().number);
            }
            out.blocks.push(block);
        }
    }
}

/// Whether the line `previous`, the next line's first word after it, would
/// pass nine tenths of `full_line`, the width of a full printed line in
/// [`columns`]: whether the line filled its width and wrapped (a paragraph's
/// last line most often stops short). A Chinese line's first word is its
/// first character.
pub(crate) fn fills_line(previous: &str, next: &str, full_line: usize) -> bool {
    let first_word = match next.chars().next() {
        Some(c) if is_wide(c) => 2,
        _ => columns(next.split(' ').next().unwrap_or_default()),
    };
    (columns(previous.trim_end()) + 1 + first_word) * 10 > full_line * 9
}

/// How many columns `text` takes in print: one per character, two for a
/// Chinese character or a full-width sign. Counted on the bytes (a
/// character is a byte that does not go on another; those of three bytes
/// led by E3–E9 or EF are the wide ones), with no decoding.
pub(crate) fn columns(text: &str) -> usize {
    if text.is_ascii() {
        return text.len();
    }
    text.bytes()
        .map(|b| match b {
            0x80..=0xbf => 0,
            0xe3..=0xe9 | 0xef => 2,
            _ => 1,
        })
        .sum()
}

/// Whether `width`, measured on `lines` lines, is that of a printed line,
/// wrapped: not of a text with one paragraph to a line, nor of a few lines
/// too few to tell.
pub(crate) fn is_line_width(width: usize, lines: usize) -> bool {
    (30..=160).contains(&width) && lines >= 40
}

/// Whether `text` ends with an abbreviation a number follows ("… 2011
/// (No." ⏎ "201) and …", "vol." ⏎ "2515"): its full stop ends no sentence.
pub(crate) fn awaits_number(text: &str) -> bool {
    BEFORE_A_NUMBER.contains(&last_word(text))
}

/// Whether `text` ends with an abbreviation a name follows ("… held in
/// St." ⏎ (page) ⏎ "John’s from 27 to 30 May 2024", 79/218 at pages of 30
/// lines), or a number ([`awaits_number`]): its full stop ends no sentence.
pub(crate) fn ends_in_abbreviation(text: &str) -> bool {
    const BEFORE_A_NAME: [&str; 5] = ["St.", "Mr.", "Mrs.", "Ms.", "Dr."];
    let last = last_word(text);
    BEFORE_A_NAME.contains(&last) || BEFORE_A_NUMBER.contains(&last)
}

/// The abbreviations a number follows ([`awaits_number`]).
const BEFORE_A_NUMBER: [&str; 12] = [
    "No.", "Nos.", "no.", "para.", "paras.", "vol.", "p.", "pp.", "art.", "chap.", "sect.",
    "Suppl.",
];

/// The last word of `text`, after a space or an opening parenthesis.
fn last_word(text: &str) -> &str {
    text.rsplit([' ', '(']).next().unwrap_or_default()
}

/// Whether `text` ends with one of `dashes` set apart after a word ("…
/// Африканского союза —", "… في غينيا -"), where a line wraps inside a name
/// or a title: no table's empty cells ("… Fifth Committee – –").
pub(crate) fn ends_with_dash_after_word(text: &str, dashes: [&str; 2]) -> bool {
    dashes.iter().any(|dash| {
        text.strip_suffix(dash)
            .is_some_and(|head| head.ends_with(char::is_alphabetic))
    })
}

/// Whether `c` is a Chinese character (CJK unified ideographs and their
/// extension A).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Whether `c` takes two columns: a Chinese character, or a full-width sign
/// ("，", "。", "２").
pub(crate) fn is_wide(c: char) -> bool {
    is_cjk(c) || matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}

/// Whether a line ending in `text` joins the line `next` with no space
/// between: Chinese breaks its lines anywhere, even between a character and
/// a figure ("2006年12月20" ⏎ "日第61/185号决议"), and puts no space there;
/// any script breaks a range after its en dash ("2015–" ⏎ "2030", "5–" ⏎
/// "9 March"), which a dash set apart ("… the Council –" ⏎ "and") is not.
pub(crate) fn joins_without_space(text: &str, next: &str) -> bool {
    // Two ASCII bytes at the join, as in almost every line: no.
    if text.as_bytes().last().is_some_and(u8::is_ascii)
        && next.as_bytes().first().is_some_and(u8::is_ascii)
    {
        return false;
    }
    if text
        .strip_suffix('–')
        .is_some_and(|head| head.ends_with(char::is_alphanumeric))
        && next.starts_with(char::is_alphanumeric)
    {
        return true;
    }
    // "…列入题为“" ⏎ "国际贸易与发展”的分项", "…(" ⏎ "包括国内和国际非政府组织…)"
    // (zh 77/151 and 76/182 at 50 and 58 columns): in Chinese, an opening
    // quotation mark or bracket belongs to the word under it. (Arabic
    // prints its quotations ”…“: there "“" closes.)
    if let Some(head) = text.strip_suffix(['(', '[', '“', '‘']) {
        if head.ends_with(is_wide) || next.starts_with(is_wide) {
            return true;
        }
    }
    // "…题为“构建一个……世界”" ⏎ "的2013年1月18日第67/178号决议" (zh 77/18 at
    // 44 columns): so does a closing one between Chinese characters.
    if let Some(head) = text.strip_suffix(['”', '’', ')', ']']) {
        if head.ends_with(is_wide) && next.starts_with(is_wide) {
            return true;
        }
    }
    // Not after a label of its own ("1." ⏎ "决定…", "(a)" ⏎ "决定…"); after
    // a symbol's year, "第2608(2021)" ⏎ "号决议", yes.
    let ends_a_word = || {
        text.ends_with(char::is_alphanumeric)
            || text.strip_suffix(')').is_some_and(|head| {
                head.rsplit_once('(')
                    .is_some_and(|(before, _)| before.ends_with(char::is_alphanumeric))
            })
    };
    text.ends_with(is_wide) || (next.starts_with(is_wide) && ends_a_word())
}

/// Whether `text` ends with a word broken at a hyphen ("… also requests
/// the Secretary-", "COVID-19-"): a hyphen after a letter or a figure.
pub(crate) fn broken_word(text: &str) -> bool {
    text.strip_suffix('-')
        .is_some_and(|rest| rest.ends_with(char::is_alphanumeric))
}

/// `input` with every line end as `\n`: CR LF and a lone CR (old Mac files,
/// mixed files), NEL (U+0085) and the line separator (U+2028) become one
/// `\n`, the paragraph separator (U+2029) a blank line. `None` when there is
/// nothing to change (almost every input: one vectorised scan).
#[doc(hidden)]
pub fn line_ends(input: &str) -> Option<String> {
    let bytes = input.as_bytes();
    let has_cr = memchr::memchr(b'\r', bytes).is_some();
    // U+0085 is C2 85; U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
    let has_other = memchr::memmem::find(bytes, b"\xC2\x85").is_some()
        || memchr::memmem::find_iter(bytes, b"\xE2\x80")
            .any(|i| matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)));
    if !has_cr && !has_other {
        return None;
    }
    let mut out = String::with_capacity(input.len() + 16);
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\u{85}' | '\u{2028}' => out.push('\n'),
            '\u{2029}' => out.push_str("\n\n"),
            c => out.push(c),
        }
    }
    Some(out)
}

/// Removes the last character (a line-end hyphen) of a line's text.
pub(crate) fn drop_last_char(text: &mut Cow<'_, str>) {
    match text {
        Cow::Borrowed(t) => {
            let end = t.char_indices().next_back().map_or(0, |(at, _)| at);
            *t = &t[..end];
        }
        Cow::Owned(t) => {
            t.pop();
        }
    }
}

/// For markdown: the lexicon and rules decide a hyphen across a join.
fn keep_hyphen_by_lexicon(line: &Line<'_>, next: &str) -> bool {
    let text = &line.text[..line.text.len() - 1];
    // After a figure ("COVID-19-" ⏎ "related") the hyphen is the word's.
    text.ends_with(|c: char| c.is_ascii_digit())
        || hyphen::keep(hyphen::word_before(text), hyphen::word_after(next))
}

/// Finds characters that XML 1.0 cannot carry, returning the input without
/// them (when there were any) and a furniture entry and warning for each.
#[doc(hidden)]
pub fn forbidden_characters(input: &str) -> Option<(String, Vec<Furniture>, Vec<Warning>)> {
    let is_forbidden = |c: char| matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}');
    // A byte scan first: almost every input has none.
    let bytes = input.as_bytes();
    // Chunks without early exit, so that the compiler vectorises the test.
    let any = bytes.chunks(64).any(|chunk| {
        chunk
            .iter()
            .fold(false, |any, &b| any | matches!(b, 0..=8 | 0x0b | 0x0e..=0x1f))
    })
        // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
        || memchr::memmem::find_iter(bytes, b"\xEF\xBF")
            .any(|i| matches!(bytes.get(i + 2), Some(0xBE | 0xBF)));
    if !any {
        return None;
    }
    let mut kept = String::with_capacity(input.len());
    let mut furniture = Vec::new();
    let mut warnings = Vec::new();
    let (mut line, mut column) = (1, 1);
    for c in input.chars() {
        if is_forbidden(c) {
            let position = Position { line, column };
            furniture.push(Furniture {
                kind: FurnitureKind::ForbiddenCharacter,
                position,
                text: format!("U+{:04X}", c as u32),
            });
            warnings.push(Warning {
                position,
                message: format!(
                    "removed character U+{:04X}, which XML cannot carry",
                    c as u32
                ),
            });
        } else {
            kept.push(c);
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    Some((kept, furniture, warnings))
}

/// Whether `next` continues the paragraph `previous` (split by a page break,
/// a footnote block or a lost page boundary). Where the width of a full
/// printed line is known (`full_line`, in [`columns`]), a line that fills it
/// wrapped, and one that stops short of it ended its paragraph.
fn continues(previous: &Block<'_>, next: &Block<'_>, interrupted: bool, full_line: usize) -> bool {
    let prev_text = &previous.last().text;
    let next_text = &next.first().text;
    // Whether the next block's first word would have fitted on the line
    // before: `Some(true)` where it would not (the line wrapped).
    let wrapped = || (full_line > 0).then(|| fills_line(prev_text, next_text, full_line));
    if prev_text.starts_with('#') || next_text.starts_with('#') {
        return false;
    }
    // "Annex II" ("Anexo", "附件") starts a new part, even after a page break.
    let annex = next_text
        .strip_prefix("Annex")
        .or_else(|| next_text.strip_prefix("ANNEX"))
        .is_some_and(|rest| rest.is_empty() || (rest.starts_with(' ') && rest.len() < 8))
        || crate::lang::is_annex_heading_line(next_text);
    if annex {
        return false;
    }
    let last = prev_text
        .trim_end_matches(['*', '_'])
        .chars()
        .next_back()
        .unwrap_or(' ');
    // "… Convention, 1975 (No." ⏎ (page) ⏎ "143), the …": an abbreviation
    // before a number or a name ends no sentence.
    if prev_text.ends_with('.') && ends_in_abbreviation(prev_text) {
        return true;
    }
    // Also the stops of the other official languages: Arabic "؛" and "؟",
    // Chinese full-width "。；：！？"; before the calls that follow them ("…
    // nations;<sup>14</sup>" ⏎ (page) ⏎ "26 Condemns …").
    let closing = without_closing_calls(prev_text);
    let stop = closing.chars().next_back().unwrap_or(' ');
    let ends_sentence = matches!(
        stop,
        '.' | ';' | ':' | '!' | '?' | ']' | '؛' | '؟' | '。' | '；' | '：' | '！' | '？'
    );
    let first = next_text.chars().next().unwrap_or(' ');
    // "… entitled “Trafficking in women and girls:" ⏎ (page) ⏎
    // "strengthening access to justice …”,": inside a quotation still open.
    // "… under the theme “Her Land. Her Rights:" ⏎ (page) ⏎ "Advancing
    // gender equality and land restoration goals”, on 16 June 2023,": or
    // that the next block closes.
    if interrupted
        && (first.is_lowercase() || closes_a_quotation(next))
        && opens_a_quotation(previous)
    {
        return true;
    }
    // "… previa aprobación del Comité; o" ⏎ "i)" ⏎ (page) ⏎ "Otras ventas
    // …" or ⏎ "i) Otras ventas …": a point's label opens the point, after
    // the conjunction that ends the point before too. Across a page, text
    // that opens with a label goes on a sentence that no conjunction ended:
    // "… del párrafo 1" ⏎ (page) ⏎ "g) de la presente resolución".
    // "… of the Crime of Genocide (Ukraine" ⏎ (page) ⏎ "v. Russian
    // Federation),24": within a parenthesis the line opened, "v." is a
    // case's "versus", not a point's label.
    let in_parenthesis = || prev_text.matches('(').count() > prev_text.matches(')').count();
    let labelled = || {
        (crate::lang::letter_numbered(next_text) && !in_parenthesis())
            || crate::grammar::is_lone_label(next_text)
            || (crate::lang::point_label(next_text).is_some()
                && (!interrupted || ends_with_conjunction(closing)))
    };
    // "…," ⏎ ⏎ "выражая …,": a Russian paragraph's lead opens the text.
    let opens =
        || crate::lang::lexicon::opens_lower_case_paragraph(next_text, crate::lang::current());
    // "… thematic cluster I:" ⏎ (page) ⏎ "special and personal envoys
    // …": a colon inside a name or before its list's first item, if no
    // label or lead opens the text at the page's top, ends nothing.
    let colon_goes_on = || interrupted && stop == ':' && !opens();
    if first.is_lowercase() && (!ends_sentence || colon_goes_on()) && !labelled() {
        // A lead opens a paragraph, across a page break too, after a comma
        // or a line that stopped short.
        if !interrupted {
            return !opens();
        }
        // A lead of the lexicon after a comma opens a paragraph nine times
        // in ten where the line breaks (the UN writes "…, и подчеркивая"
        // within one); a lead guessed from its form only after a line that
        // stopped short ("… гендерного равенства," ⏎ (page) ⏎ "равноправия,
        // участия …" goes on), or after a heading, whatever its width ("Ход
        // работ по замене офисных корпусов A–J в Отделении … в Найроби" ⏎
        // (page) ⏎ "ссылаясь на раздел XIV …", ru 77/263).
        let known = || crate::grammar::lead::has_lead(next_text);
        let new_paragraph = opens()
            && ((last == ',' && known())
                || wrapped() == Some(false)
                || (known() && reads_as_heading(previous)));
        return !new_paragraph;
    }
    // "… on Business and Human Rights:" ⏎ (page) ⏎ "Implementing the United
    // Nations “Protect, Respect and Remedy” Framework," (76/224 at 72
    // columns): after a full line, a participle the lexicon lacks goes on a
    // title's colon, as it does on one page (no recital opens after one).
    // So do a title's words in capitals after a name's: "… the fourth
    // International Conference on Nuclear Security:" ⏎ (page) ⏎ "Enhancing
    // Global Efforts, in Vienna …" (79/42 at 50 columns), not a table's
    // head after "… en el cuadro siguiente:".
    let title_words = || {
        let mut words = next_text.split(' ').filter(|word| !word.is_empty());
        let capital = |word: &str| word.starts_with(char::is_uppercase);
        closing.rsplit(' ').next().is_some_and(capital)
            && words.next().is_some_and(capital)
            && words.next().is_some_and(capital)
            && !opens_like_a_lead(next)
            && !labelled()
            && crate::lang::formula(next_text).is_none()
            && !next_text.starts_with("The General Assembly")
    };
    if interrupted
        && stop == ':'
        && wrapped() == Some(true)
        && !crate::grammar::lead::has_lead(next_text)
        && (crate::grammar::lead::guessed_recital(next_text) || title_words())
    {
        return true;
    }
    // "…《公民及政治权利国际公约》、2" ⏎ (page) ⏎ "《经济社会文化权利国际公约》
    // …": the enumeration comma of Chinese ends no paragraph; nor a line,
    // where each line was taken for a paragraph ("…第2292(2016)、
    // 2357(2017)、2420(2018)、" ⏎ "2473(2019)、…号决议，", zh S/RES/2635
    // without blank lines, whose lines mostly close a clause).
    if closing.ends_with('、') {
        return true;
    }
    if !interrupted || ends_sentence {
        return false;
    }
    // "Section 18" ⏎ (page) ⏎ "Economic and social development in Africa":
    // a division's label stands apart from its heading, as it does on one
    // page.
    // "Part III" ⏎ "International justice and law" ⏎ (page) ⏎ "Section 7":
    // nor does a heading from the next division's label. "五" ⏎ (page) ⏎
    // "“区域”": whatever the heading opens with.
    if previous.lines.len() == 1 && is_division_label(prev_text)
        || next.lines.len() == 1 && is_division_label(next_text)
    {
        return false;
    }
    // "… and also requests the Secretary-" ⏎ (page) ⏎ "General to keep …":
    // a word broken at its hyphen goes on; so does a letter's compound with
    // a figure, "… Project Officer (P-" ⏎ (page) ⏎ "3) from January …"
    // (77/263), whose figure is no point's label.
    let figure_compound = || {
        first.is_ascii_digit()
            && prev_text
                .strip_suffix('-')
                .is_some_and(|word| word.ends_with(char::is_alphabetic))
    };
    if broken_word(prev_text)
        && (first.is_alphabetic() || figure_compound())
        && !text::is_suspended(next_text)
    {
        return true;
    }
    // "76/244. Финансирование Смешанной операции Африканского союза —" ⏎
    // (page) ⏎ "Организации Объединенных Наций в Дарфуре" (ru 76/244 at
    // pages of 22 lines): a dash set apart after a word ends nothing (a
    // table's empty cells, "… Fifth Committee – –", are no such dash).
    if ends_with_dash_after_word(prev_text, [" —", " –"]) && first.is_alphabetic() {
        return true;
    }
    // Across a page break, a block that starts with a figure or a bracket
    // that is not a paragraph number or item label ("27 May 2015, in …",
    // "2030 Agenda", "(INTERPOL) and") goes on with the paragraph, even
    // after a comma: no paragraph starts that way.
    if (first.is_ascii_digit() || first == '(') && !starts_with_label(next_text) {
        return true;
    }
    // "… of the International Decade for Action," ⏎ (page) ⏎ "“Water for
    // Sustainable Development”, 2018–2028, …": nor with a quotation mark
    // (a quoted text of its own follows a colon).
    if matches!(first, '“' | '‘' | '"' | '«' | '„') {
        return true;
    }
    // "20." ⏎ "欢迎……实行出口限制，8" ⏎ (page) ⏎ "呼吁有效执行……" (zh 77/151 at
    // 50 columns): in a script without capitals, a numbered paragraph goes
    // on past its comma with its next verb across a page, as on one (a
    // paragraph of its own would open with its number).
    let numbered = || {
        let opening = &previous.first().text;
        opening.starts_with(|c: char| c.is_ascii_digit()) && starts_with_label(opening)
    };
    if !first.is_uppercase()
        && closing.ends_with([',', '，', '،'])
        && crate::grammar::lead::has_lead(next_text)
        && numbered()
    {
        return true;
    }
    // "… adopted by the Conference of the Parties," ⏎ (page) ⏎ "United
    // Nations Framework Convention …": after a full line that closed no
    // sentence (a comma, a Chinese or an Arabic one, a parenthesis: "…
    // (Supplementary Provisions)" ⏎ (page) ⏎ "Convention, 1975 …"), a
    // block goes on that does not open as a paragraph does, nor as a
    // heading (one line without final punctuation, or a part's label "II"),
    // nor with a point's label ("… связанным с разминированием, и" ⏎
    // (page) ⏎ "e)" ⏎ "предоставления …": the full line ended on the
    // conjunction before the last point).
    let heading = next.lines.len() == 1
        && !next_text
            .ends_with(|c: char| c.is_ascii_punctuation() || "，。；：、）》」』”’»،؛".contains(c));
    let label = next_text.len() <= 6
        && next_text
            .trim_end_matches('.')
            .chars()
            .all(|c| c.is_ascii_uppercase());
    if first.is_alphabetic()
        && !heading
        && !label
        && wrapped() == Some(true)
        && !opens_like_a_lead(next)
        && !labelled()
    {
        return true;
    }
    // "Activities of the Independent Audit Advisory Committee" ⏎ (page) ⏎
    // "Recalling its resolutions …" ("أنشطة اللجنة …" ⏎ "إذ تشير …"): a
    // heading, a line of its own that stopped short, stands apart from the
    // lead that opens the next page; a heading of two lines too ("Revised
    // estimates … adopted by the Economic and" ⏎ "Social Council at its
    // 2025 session" ⏎ (page) ⏎ "Having considered …"), where the width
    // shows that its last line stopped short.
    // "Request for a subvention to the Extraordinary Chambers in the Courts
    // of Cambodia" ⏎ (page) ⏎ "Recalling …", under its label "IV" or with
    // it ("III" ⏎ "Request …"): a heading, whatever its width, of a few
    // lines that open with no lead or number and close no clause.
    let stopped_short = match wrapped() {
        Some(wrapped) => !wrapped,
        None => previous.lines.len() == 1,
    };
    if (stopped_short || reads_as_heading(previous)) && crate::grammar::lead::has_lead(next_text) {
        return false;
    }
    // "Directriz 4 Evaluación del impacto ambiental" ⏎ (page) ⏎ "Los
    // Estados tienen la obligación …" (es 76/112): a heading whose line
    // stopped short stands apart from the sentence that opens the next
    // page, lead or not.
    if wrapped() == Some(false) && first.is_uppercase() && reads_as_heading(previous) {
        return false;
    }
    // A paragraph without final punctuation goes on, unless the next block
    // visibly starts something new.
    let starts_new =
        first.is_ascii_digit() || matches!(first, '(' | '*' | '[' | '<' | '\\' | '_') || labelled();
    // "2. 重申……第2360(2017)" ⏎ (page) ⏎ "号决议第3段……；": in a script
    // without capitals, where no lower case shows that a sentence goes on,
    // a paragraph's text stops at a bracket only where it does (a heading
    // may end with one: "Resolution 2528 (2020)"); a title's bracket too,
    // "……纳入《2030年议程》" ⏎ (page) ⏎ "执行工作的主流至关重要，" (zh
    // 76/269 at 56 columns).
    let caseless = first.is_alphabetic() && !first.is_uppercase() && !first.is_lowercase();
    let bracket = matches!(last, ')' | '）' | '》')
        && caseless
        && !heading
        && (previous.lines.len() > 1 || starts_with_label(&previous.first().text));
    !matches!(last, ',') && !starts_new && (last.is_alphanumeric() || bracket)
}

/// Whether `block` reads as a heading (with its division's label, "III" ⏎
/// "Request for a subvention …"): up to three lines, the first with a
/// capital and no lead phrase or number, none closing a clause.
fn reads_as_heading(block: &Block<'_>) -> bool {
    let first = &block.first().text;
    let text = if is_division_label(first) && block.lines.len() > 1 {
        &block.lines[1].text
    } else {
        first
    };
    // A heading's line may wrap after its comma ("VIII Estimates in
    // respect of special political missions," ⏎ "good offices and …" ⏎ "the
    // General Assembly and/or the Security Council", 79/258 at 58 columns);
    // its last line closes nothing.
    let last = block.lines.len() - 1;
    block.lines.len() <= 3
        && text.starts_with(char::is_uppercase)
        && !crate::grammar::lead::has_lead(text)
        && block.lines.iter().enumerate().all(|(at, line)| {
            let text = without_closing_calls(&line.text);
            !text.ends_with(['.', ';', ':']) && (at < last || !text.ends_with(','))
        })
}

/// Whether `text` ends with a conjunction that joins a list's last two
/// items: "…; and", "…; o", "…; или".
fn ends_with_conjunction(text: &str) -> bool {
    const CONJUNCTIONS: [&str; 10] = ["and", "or", "et", "ou", "y", "o", "e", "u", "и", "или"];
    let word = text.rsplit(' ').next().unwrap_or("");
    CONJUNCTIONS.contains(&word)
}

/// Whether `block` opens a quotation it does not close (“ without ”, or
/// in Arabic ” without “) in its last lines (a block grows as pages join
/// it: looking further back would make joining pages quadratic).
fn opens_a_quotation(block: &Block<'_>) -> bool {
    const LINES: usize = 6;
    let mut open = 0i32;
    for line in &block.lines[block.lines.len().saturating_sub(LINES)..] {
        let (opening, closing) = quotation_marks(&line.text);
        for c in line.text.chars() {
            if c == opening {
                open += 1;
            } else if c == closing {
                open -= 1;
            }
        }
    }
    open > 0
}

/// Whether `block` closes a quotation (” before any “; in Arabic “ before
/// any ”) in its first lines.
fn closes_a_quotation(block: &Block<'_>) -> bool {
    const LINES: usize = 3;
    let (_, closing) = quotation_marks(&block.first().text);
    block
        .lines
        .iter()
        .take(LINES)
        .flat_map(|line| line.text.chars())
        .find(|c| matches!(c, '“' | '”'))
        == Some(closing)
}

/// The marks that open and close a quotation in `text`: “…”, or ”…“ in
/// Arabic, which prints them mirrored ("البند المعنون ”الاستغلال …“").
fn quotation_marks(text: &str) -> (char, char) {
    if text.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c)) {
        ('”', '“')
    } else {
        ('“', '”')
    }
}

/// Whether `text` is a division's label alone: a part's ("II", "B",
/// "ثانيا", "二"), or a word or two with a capital and a number, "Section
/// 18", "Section 29A", "Part VIII", "Income section 2".
pub(crate) fn is_division_label(text: &str) -> bool {
    let text = text.trim();
    let part = text.trim_end_matches('.');
    if (1..=6).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_uppercase()) {
        return true;
    }
    if crate::lang::division_label(text) {
        return true;
    }
    let Some((words, number)) = text.rsplit_once(' ') else {
        return false;
    };
    // "Section 29A": a figure or three, and a capital after them.
    let figures = number
        .strip_suffix(|c: char| c.is_ascii_uppercase())
        .filter(|n| !n.is_empty())
        .unwrap_or(number);
    let figures = (1..=3).contains(&figures.len()) && figures.bytes().all(|b| b.is_ascii_digit());
    let roman = (1..=6).contains(&number.len())
        && number
            .bytes()
            .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'));
    text.len() <= 24
        && (figures || roman)
        && words.starts_with(char::is_uppercase)
        && words.split(' ').count() <= 2
        && words.chars().all(|c| c.is_alphabetic() || c == ' ')
}

/// `text` without the emphasis marks, footnote calls and invisible marks
/// after its last punctuation ("… Committee.<sup>1</sup>" gives "…
/// Committee.", "… Climate Change,\u{200e}" gives "… Climate Change,").
pub(crate) fn without_closing_calls(text: &str) -> &str {
    // Most lines end in a letter or a stop: nothing to take off.
    if text
        .as_bytes()
        .last()
        .is_some_and(|&b| b.is_ascii_alphanumeric() || matches!(b, b',' | b'.' | b';' | b':'))
    {
        return text;
    }
    let mut end = text.trim_end_matches(is_trailing_mark);
    while let Some(before) = end.strip_suffix("</sup>") {
        end = before.rfind("<sup>").map_or(before, |at| &before[..at]);
        end = end.trim_end_matches(is_trailing_mark);
    }
    end
}

/// What may follow a line's last punctuation without closing anything:
/// emphasis marks, white space, and the marks that print nothing (left-to-
/// right and right-to-left marks, the Arabic letter mark, zero-width space,
/// word joiner), which the UN's texts keep after a comma now and then.
fn is_trailing_mark(c: char) -> bool {
    matches!(
        c,
        '*' | '_' | '\u{200e}' | '\u{200f}' | '\u{61c}' | '\u{200b}' | '\u{2060}'
    ) || c.is_whitespace()
}

/// Whether `text` opens as a recital or an operative paragraph does: with a
/// lead phrase of the language's lexicon, or of a lead's form (a
/// participle or an adjective: "Having", "Concerned", "Consciente") before
/// a word in lower case ("United Nations" is a name).
fn opens_like_a_lead(block: &Block<'_>) -> bool {
    use crate::grammar::lead::{guessed_recital, has_lead};
    let text = &block.first().text;
    if crate::lang::lexicon::frame_without_verb(block.lines.iter().map(|line| line.text.as_ref())) {
        return false;
    }
    has_lead(text)
        || guessed_recital(text)
        || crate::lang::lexicon::guessed_lead(text, crate::lang::current()).is_some()
}

/// Whether `text` starts with a paragraph number or an item label: "12.",
/// "12)", "12 -" (Arabic), "(a)", "(iv)", "(أ)", "(12)", as printed in
/// markdown or text.
pub(crate) fn starts_with_label(text: &str) -> bool {
    let text = text.trim_start_matches(['*', '_']);
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let rest = &text[digits..];
        let rest = rest.strip_prefix('\\').unwrap_or(rest);
        let rest = rest
            .strip_prefix(['.', ')', '．'])
            .or_else(|| rest.strip_prefix(" -"))
            .or_else(|| rest.strip_prefix(" –"));
        return digits <= 3
            && rest.is_some_and(|r| r.is_empty() || r.starts_with([' ', '*', '_', '\t']));
    }
    let Some(inner) = text.strip_prefix('(') else {
        return false;
    };
    let Some(close) = inner.find(')') else {
        return false;
    };
    let label = &inner[..close];
    let after = &inner[close + 1..];
    // "(12)", but not a year: "(1990) du 12 octobre 1990" goes on a list of
    // resolutions broken by a page.
    !label.is_empty()
        && label.len() <= 5
        && ((label.len() <= 3 && label.bytes().all(|b| b.is_ascii_digit()))
            || label
                .chars()
                .all(|c| c.is_alphabetic() && !c.is_uppercase()))
        && (after.is_empty() || after.starts_with([' ', '*', '_', '\t']))
        && !refers_to_a_point(after)
}

/// Whether `after`, the text after a point's label, shows the label cited,
/// not opening its point: "(b) of the Convention;", "(d) and (e) of
/// paragraph 3", "(d) above or an individual …" (a sentence broken before
/// the label, S/RES/1718 at a page's top).
pub(crate) fn refers_to_a_point(after: &str) -> bool {
    let after = after.trim_start();
    let word = |word: &str| {
        after
            .strip_prefix(word)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    };
    ["of ", "and (", "or (", "to (", "and/or ("]
        .iter()
        .any(|words| after.starts_with(words))
        || word("above")
        || word("below")
}

/// `text` with runs of white space as one space, trimmed.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Block, Line};
    use std::borrow::Cow;

    /// A block of `texts`, a line each.
    fn block(texts: &[&'static str]) -> Block<'static> {
        Block {
            lines: texts
                .iter()
                .map(|&text| Line {
                    text: Cow::Borrowed(text),
                    number: 1,
                    column: 1,
                    hard_break: false,
                    glue: false,
                })
                .collect(),
        }
    }

    #[test]
    fn printed_widths_count_columns_and_wide_characters_twice() {
        use super::{columns, fills_line, joins_without_space};
        assert_eq!(columns("Rights,"), 7);
        assert_eq!(columns("l’éducation"), 11);
        assert_eq!(columns("ссылаясь"), 8);
        assert_eq!(columns("大会，"), 6);
        // A full line of 86 columns wraps before "Taking"; one of 60 ends
        // its paragraph.
        let full = "x".repeat(80) + " All States,";
        assert!(fills_line(&full, "Taking into Particular Account", 90));
        assert!(!fills_line(&full[30..], "Taking into account", 90));
        // A Chinese line's first word is its first character.
        assert!(fills_line(&"国".repeat(41), "可持续发展目标", 90));
        assert!(!fills_line(&"国".repeat(30), "可持续发展目标", 90));
        assert!(joins_without_space("2006年12月20", "日第61/185号决议"));
        assert!(!joins_without_space("1.", "决定宣布"));
        assert!(joins_without_space("第2608(2021)", "号决议"));
        assert!(!joins_without_space("(a)", "决定宣布"));
        assert!(joins_without_space("列入题为“", "国际贸易与发展”的分项"));
        assert!(joins_without_space("当地征聘人员(", "包括国内"));
        assert!(joins_without_space("暴力极端主义的世界”", "的2013年"));
        assert!(!joins_without_space("”النمو الطبيعي“", "للمستوطنات"));
        assert!(!joins_without_space("Rights,", "including"));
    }

    #[test]
    fn a_heading_of_two_lines_or_a_full_one_at_a_pages_foot_stands_apart_from_the_next_lead() {
        use super::continues;
        // "Revised estimates … adopted by the Economic and" ⏎ "Social Council
        // at its 2025 session" ⏎ (page) ⏎ "Having considered …" (seed 41's
        // A/RES/80/243): its last line stopped short of a line of 92.
        let heading = block(&[
            "Revised estimates resulting from resolutions and decisions adopted by the Economic and",
            "Social Council at its 2025 session",
        ]);
        let recital = block(&["Having considered the report of the Secretary-General34 and the"]);
        assert!(!continues(&heading, &recital, true, 92));
        // Where the width is not known, a heading of one line stands apart.
        assert!(!continues(
            &block(&["Social Council at its 2025 session"]),
            &recital,
            true,
            0
        ));
        // A heading that fills its line, alone or under its label (seeds
        // 30 and 39 of A/RES/79/258 and 80/243), stands apart too.
        let title =
            "Request for a subvention to the Extraordinary Chambers in the Courts of Cambodia";
        let recalling = block(&[
            "Recalling section I of its resolution 68/247 B of 9 April 2014, section I of its",
        ]);
        assert!(!continues(&block(&[title]), &recalling, true, 84));
        assert!(!continues(&block(&["III", title]), &recalling, true, 84));
    }

    #[test]
    fn a_points_label_after_a_full_line_at_a_pages_foot_opens_its_point() {
        use super::continues;
        // "d)" ⏎ "… связанным с разминированием, и" (a full line of 92) ⏎
        // (page) ⏎ "e)" ⏎ "предоставления …" (seed 44's Russian S/RES/2753
        // (2024)): the last point, not the end of the one before.
        let point_d = block(&[
            "d)",
            "предоставления стратегических консультаций по вопросам, связанным с разминированием, и",
        ]);
        for point_e in [
            block(&["e)", "предоставления технических консультаций и помощи"]),
            block(&["e) предоставления технических консультаций и помощи"]),
        ] {
            assert!(!continues(&point_d, &point_e, true, 92));
        }
        // After a full line that no conjunction ends, a label and its text
        // on one line go on the sentence ("… пункта 1" ⏎ (page) ⏎ "g)
        // настоящей резолюции").
        let sentence = block(&[
            "в соответствии с положениями, изложенными в подпунктах a)–f) пункта 1 и подпункте",
        ]);
        assert!(continues(
            &sentence,
            &block(&["g) настоящей резолюции;"]),
            true,
            92
        ));
    }

    #[test]
    fn a_cases_versus_inside_a_parenthesis_goes_on_across_a_page() {
        use super::continues;
        // "… of the Crime of Genocide (Ukraine" ⏎ (page) ⏎ "v. Russian
        // Federation),24" (78/221 laid out, seeds 58 and 59): "v." had read
        // as a point's label, and the point was warned as unannounced.
        let recital = block(&[
            "Recalling also the order of the International Court of Justice of 16 March 2022 on",
            "Convention on the Prevention and Punishment of the Crime of Genocide (Ukraine",
        ]);
        let top = block(&["v. Russian Federation),<sup>24</sup>"]);
        assert!(continues(&recital, &top, true, 88));
        // Outside a parenthesis, "a. Support …" opens a point.
        let intro = block(&["Decides that the mandate shall include the following tasks"]);
        assert!(!continues(
            &intro,
            &block(&["a. Support to the political process"]),
            true,
            88
        ));
    }

    #[test]
    fn an_abbreviation_before_a_number_or_a_name_ends_no_sentence() {
        assert!(super::awaits_number("Workers Convention, 2011 (No."));
        assert!(super::awaits_number("Treaty Series, vol."));
        assert!(!super::awaits_number("the Convention."));
        assert!(super::ends_in_abbreviation(
            "Small Island Developing States, held in St."
        ));
        assert!(!super::ends_in_abbreviation("the Convention."));
    }

    #[test]
    fn a_running_title_that_splits_a_sentence_in_markdown_is_furniture() {
        let input = "Concerned that it could reduce control, increasing the possibility of induced\n\nPossible risks of the integration of artificial intelligence into\n\ndistortions in decision-making,\n\nDuring the general debate of the\n\nParticipation of a State\n\nAssembly at its session;\n\nRegional disarmament\n\nRecalling the guidelines,\n";
        let cleaned = clean(input, Format::Markdown);
        assert_eq!(
            texts(&cleaned),
            [
                "Concerned that it could reduce control, increasing the possibility of induced distortions in decision-making,",
                "During the general debate of the Assembly at its session;",
                "Regional disarmament",
                "Recalling the guidelines,",
            ]
        );
        let titles: Vec<&str> = cleaned
            .furniture
            .iter()
            .filter(|f| f.kind == FurnitureKind::RunningTitle)
            .map(|f| f.text.as_str())
            .collect();
        assert_eq!(
            titles,
            [
                "Possible risks of the integration of artificial intelligence into",
                "Participation of a State"
            ]
        );
    }

    #[test]
    fn a_line_repeating_the_numbered_title_in_markdown_is_furniture() {
        let input = "80/27. Regional disarmament\n\n*Noting* the guidelines,1\n\nRegional disarmament\n\n*Recalling* the guidelines,\n";
        let cleaned = clean(input, Format::Markdown);
        assert_eq!(cleaned.blocks.len(), 3, "the recitals stay apart");
        assert_eq!(cleaned.furniture.len(), 1);
        assert_eq!(cleaned.furniture[0].kind, FurnitureKind::RunningTitle);
        assert_eq!(cleaned.furniture[0].text, "Regional disarmament");
    }

    #[test]
    fn plain_figure_calls_in_markdown_become_calls() {
        let input = "*Noting* the special session of the General Assembly, 1\n\n*Recalling* the session,2 and the final report[^3] and the Secretary-General;4\n\n1. *Decides* to consider paragraph 1 of resolution 5.\n\n[^1]: Resolution S-10/2.\n\n[^2]: A/48/42.\n\n[^3]: A/78/1.\n\n[^4]: A/80/225.\n";
        let cleaned = clean_md(input);
        let texts: Vec<&str> = cleaned
            .blocks
            .iter()
            .map(|b| b.first().text.as_ref())
            .collect();
        assert_eq!(
            texts,
            [
                "*Noting* the special session of the General Assembly, <sup>1</sup>",
                "*Recalling* the session,<sup>2</sup> and the final report<sup>3</sup> and the Secretary-General;<sup>4</sup>",
                "1. *Decides* to consider paragraph 1 of resolution 5.",
            ]
        );
    }

    #[test]
    fn a_word_broken_at_its_hyphen_goes_on_across_a_page() {
        let input = "14. *Requests* the Secretary-\n\n---\n\nGeneral to keep the Assembly informed;\n\n15. *Endorses* the efforts;\n";
        let cleaned = clean_md(input);
        assert_eq!(cleaned.blocks.len(), 2);
        let first: Vec<&str> = cleaned.blocks[0]
            .lines
            .iter()
            .map(|l| l.text.as_ref())
            .collect();
        assert_eq!(
            first.concat(),
            "14. *Requests* the Secretary-General to keep the Assembly informed;"
        );
        assert!(cleaned.blocks[0].lines[0].glue);
    }

    use super::*;

    #[test]
    fn a_label_cited_above_or_below_opens_no_point() {
        // S/RES/1718 laid out: "… referred to in paragraph 8" ⏎ (page) ⏎
        // "(d) above or an individual …": the sentence goes on across the
        // page, the label cited.
        assert!(!starts_with_label("(d) above or an individual or entity"));
        assert!(!starts_with_label("(b) below;"));
        assert!(starts_with_label(
            "(d) to facilitate and coordinate support"
        ));
        assert!(starts_with_label("(a) Abovementioned measures"));
    }

    fn clean_md(input: &str) -> CleanText<'_> {
        clean(input, Format::Markdown)
    }

    #[test]
    fn front_matter_is_furniture_and_formats_are_detected() {
        let input = "---\ntitle: x\ndoc_num: 3\n---\n\n*Recalling* its resolution,\n";
        let cleaned = clean_md(input);
        let as_text = clean(input, Format::Text);
        assert_eq!(as_text.furniture[0].kind, FurnitureKind::FrontMatter);
        assert_eq!(as_text.blocks[0].first().number, 6);
        assert_eq!(cleaned.furniture[0].kind, FurnitureKind::FrontMatter);
        assert_eq!(cleaned.blocks[0].first().number, 6);
        assert_eq!(
            detect("# General Assembly\n\n*Recalling* x,\n"),
            Format::Markdown
        );
        assert_eq!(
            detect("United Nations\nA/RES/80/1\n\nRecalling x,\n"),
            Format::Text
        );
    }

    fn texts(clean: &CleanText<'_>) -> Vec<String> {
        clean
            .blocks
            .iter()
            .map(|b| {
                b.lines
                    .iter()
                    .map(|l| l.text.as_ref())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn page_break_and_footnote_are_lifted_and_paragraph_stitched() {
        let input = "*Noting* the return to\n\n---\n\n<sup>1</sup> [A/HRC/49/94](#).\n\n\n\nconstitutional order,\n\n*Next* one,\n";
        let clean = clean_md(input);
        assert_eq!(
            texts(&clean),
            [
                "*Noting* the return to constitutional order,",
                "*Next* one,"
            ]
        );
        assert_eq!(clean.footnotes.len(), 1);
        assert_eq!(clean.footnotes[0].marker, "1");
        assert_eq!(clean.footnotes[0].lines[0].text, "[A/HRC/49/94](#).");
        assert_eq!(clean.footnotes[0].lines[0].column, 14);
        assert_eq!(clean.furniture.len(), 1);
        assert_eq!(clean.furniture[0].position.line, 3);
        assert_eq!(clean.stitches, [9]);
    }

    #[test]
    fn lowercase_continuation_without_page_break_is_stitched() {
        let clean = clean_md(
            "16. *Supports* violations of international\n\nhumanitarian law;\n\n17. *Urges* x;",
        );
        assert_eq!(
            texts(&clean),
            [
                "16. *Supports* violations of international humanitarian law;",
                "17. *Urges* x;"
            ]
        );
    }

    #[test]
    fn sentence_end_is_not_stitched_to_next_paragraph() {
        let clean = clean_md("1. *Decides* this;\n\n---\n\n2. *Decides* that.\n\nAnd more.");
        assert_eq!(clean.blocks.len(), 3);
        assert!(clean.stitches.is_empty());
    }

    #[test]
    fn escaped_star_footnote_and_hard_breaks() {
        let clean = clean_md("Distr.: Limited  \n25 March 2025\n\n\\* On behalf of the Group.\n");
        assert_eq!(clean.blocks[0].lines.len(), 2);
        assert!(clean.blocks[0].lines[0].hard_break);
        assert_eq!(clean.footnotes[0].marker, "*");
        assert_eq!(clean.footnotes[0].lines[0].text, "On behalf of the Group.");
    }

    #[test]
    fn form_feed_after_a_multibyte_character() {
        let clean = clean_md("# General Assembly\n\né\u{c}\n");
        assert_eq!(clean.blocks[1].lines[0].text, "é");
        assert_eq!(clean.blocks[1].lines[0].column, 1);
        let clean = clean_md("ab\u{c}cé\u{c}d");
        assert_eq!(clean.blocks.len(), 1, "stitched across the page breaks");
        assert_eq!(clean.blocks[0].lines[1].column, 4);
    }

    #[test]
    fn form_feed_is_a_page_break() {
        let clean = clean_md("the text goes\u{c}on here.");
        assert_eq!(texts(&clean), ["the text goes on here."]);
        assert_eq!(
            clean.furniture[0].position,
            Position {
                line: 1,
                column: 14
            }
        );
    }

    #[test]
    fn forbidden_characters_are_removed_and_reported() {
        let (kept, furniture, warnings) = forbidden_characters("a\u{1}b\nc\u{fffe}").unwrap();
        assert_eq!(kept, "ab\nc");
        assert_eq!(furniture.len(), 2);
        assert_eq!(warnings[1].position, Position { line: 2, column: 2 });
        assert!(forbidden_characters("plain\ttext\r\n").is_none());
        assert_eq!(line_ends("a\nb"), None);
        assert_eq!(
            line_ends("a\r\nb\rc\u{85}d\u{2028}e\u{2029}f\r").as_deref(),
            Some("a\nb\nc\nd\ne\n\nf\n")
        );
    }
}
