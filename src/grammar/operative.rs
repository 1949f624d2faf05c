//! The operative part: numbered paragraphs, their (a)/(i) points and wrap-up
//! text, unnumbered paragraphs, divisions ("A", "II. Title") and, in an
//! amendment, the quoted text of an instruction. Takes the text of one block,
//! gives [`Paragraph`]s and [`Division`]s.

use nom::bytes::complete::take_while_m_n;
use nom::character::complete::{char, digit1, space1};
use nom::combinator::recognize;
use nom::{IResult, Parser};

use super::lead::{guessed_len, has_lead, lead_len, Part};
use super::preamble::{container_name, is_separator};
use super::{
    excerpt, join_across_page, plain_text, push, push_all, reads_as_recital, unwrap_emphasis,
    with_guessed_lead, with_lead, word_cases, DocumentParser, Phase, STOPS,
};
use crate::clean::without_closing_calls;
use crate::error::Position;
use crate::lang::Language;
use crate::model::{
    Container, Division, DivisionKind, DocumentKind, Inline, List, Paragraph, Point, Provision,
};

/// The longest division heading, in characters: a budget resolution's part
/// titles run to three lines ("Conditions of service and compensation for
/// officials, other than Secretariat officials, serving the General
/// Assembly: full-time members of …", 263).
pub(super) const MAX_HEADING: usize = 320;

/// The marks that end a clause or sentence, in every language: a line
/// ending so is text, not a heading.
const CLAUSE_ENDS: [char; 10] = [',', ';', ':', '.', '،', '؛', '，', '；', '：', '。'];

/// "A", "B", "II", "III.", "IV. Implementation of the Programme": a
/// division's label and its heading, when on the same line.
pub(super) fn division_heading(text: &str) -> Option<(&str, Option<&str>)> {
    let label_end = text.find(['.', ' ', '\t']).unwrap_or(text.len());
    let label = &text[..label_end];
    let rest = text[label_end..].trim_start_matches('.').trim();
    let roman = !label.is_empty()
        && label.len() <= 6
        && label.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    if !(roman || super::masthead::is_part_letter(label)) {
        return None;
    }
    if rest.is_empty() {
        return Some((label, None));
    }
    // "I. Title", or "I Title" where the label stood on its own line; "A"
    // or "I", a tab, "Title": the label's own cell, as a word processor's
    // numbered heading is laid out (and text taken from the UN's files).
    let separator = &text[label_end..];
    let tabbed = separator.starts_with('\t');
    let heading = (roman || tabbed)
        && (separator.starts_with(". ") || separator.starts_with(' ') || tabbed)
        && title_like(rest);
    heading.then_some((label, Some(rest)))
}

/// "Article 1", "Chapter II ⏎ Criminalization", "Article 3. Scope of
/// application", "المادة 1", "第一章": the part, chapter, section or article
/// of an annexed convention, in any of the six languages, its label and its
/// heading when on the same block.
pub(super) fn convention_division(text: &str) -> Option<(DivisionKind, &str, Option<&str>)> {
    if let Some(found) = chinese_convention_division(text) {
        return Some(found);
    }
    let (word, rest) = text.split_once(' ')?;
    let kind = match word {
        "Part" | "PART" | "Partie" | "PARTIE" | "Parte" | "PARTE" | "Часть" => {
            DivisionKind::Part
        }
        "Chapter" | "CHAPTER" | "Chapitre" | "CHAPITRE" | "Capítulo" | "CAPÍTULO" | "Глава" => {
            DivisionKind::Chapter
        }
        "Section" | "SECTION" | "Sección" | "SECCIÓN" | "Раздел" => DivisionKind::Section,
        "Article" | "ARTICLE" | "Artículo" | "ARTÍCULO" | "Статья" | "المادة" => {
            DivisionKind::Article
        }
        "الجزء" => DivisionKind::Part,
        "الفصل" => DivisionKind::Chapter,
        "الفرع" => DivisionKind::Section,
        _ => return None,
    };
    let number_end = rest.find([' ', '\n', '\t', '.']).unwrap_or(rest.len());
    let number = &rest[..number_end];
    // "12", "XII", "premier", Arabic-Indic "١٢", the Arabic ordinal "الأول".
    let value = crate::lang::convention_number(number);
    let numbered = ((1..=6).contains(&number.len())
        && number
            .bytes()
            .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C')))
        || crate::lang::number_value(value).is_some()
        || crate::lang::division_value(value).is_some();
    if !numbered {
        return None;
    }
    let label = &text[..word.len() + 1 + number_end];
    let heading = rest[number_end..]
        .trim_start_matches(['.', ' ', '\t', '\n', '–', '—'])
        .trim_end();
    convention_heading(kind, label, heading)
}

/// "第一章" ⏎ "总则", "第1条" ⏎ "目的": a Chinese convention's chapter or
/// article label (its number in Chinese numerals or digits) and heading.
fn chinese_convention_division(text: &str) -> Option<(DivisionKind, &str, Option<&str>)> {
    let rest = text.strip_prefix('第')?;
    let end = rest.find(|c: char| !(c.is_numeric() || "一二三四五六七八九十".contains(c)))?;
    let word = rest[end..].chars().next()?;
    let kind = match word {
        '编' => DivisionKind::Part,
        '章' => DivisionKind::Chapter,
        '节' => DivisionKind::Section,
        '条' => DivisionKind::Article,
        _ => return None,
    };
    if end == 0 {
        return None;
    }
    let label_end = '第'.len_utf8() + end + word.len_utf8();
    let heading = text[label_end..].trim_matches(|c: char| c.is_whitespace());
    convention_heading(kind, &text[..label_end], heading)
}

/// A convention's division with the text after its label as heading: none,
/// or a title (not closed like a sentence, not starting in lower case).
fn convention_heading<'t>(
    kind: DivisionKind,
    label: &'t str,
    heading: &'t str,
) -> Option<(DivisionKind, &'t str, Option<&'t str>)> {
    if heading.is_empty() {
        return Some((kind, label, None));
    }
    is_convention_heading(heading).then_some((kind, label, Some(heading)))
}

/// Whether `text` reads as the heading of a convention's article or
/// chapter: not closed like a sentence, not starting in lower case, short.
pub(super) fn is_convention_heading(text: &str) -> bool {
    !text.starts_with(char::is_lowercase)
        && !text.ends_with(CLAUSE_ENDS)
        && !text.contains('\t')
        && text.chars().count() < MAX_HEADING
}

/// Whether `text` after a division's label reads as its heading: a
/// capital, no closing comma or semicolon, not too long, no further tab (a
/// table's row: "A\tPermanent members\tNot applicable").
fn title_like(text: &str) -> bool {
    text.starts_with(char::is_uppercase)
        && !text.ends_with([',', ';', ':'])
        && !text.contains('\t')
        && text.chars().count() < MAX_HEADING
}

/// "أولا", a tab, the heading: a part label of another language with its
/// heading on the same line. Gives the label and the heading.
fn tabbed_division_label(text: &str) -> Option<(&str, Option<&str>)> {
    let (label, heading) = text.split_once('\t')?;
    let heading = heading.trim();
    let title_like =
        !heading.is_empty() && !heading.contains('\t') && heading.chars().count() < MAX_HEADING;
    (crate::lang::division_label(label) && title_like).then_some((label.trim(), Some(heading)))
}

pub(super) fn is_letter_label(label: &str) -> bool {
    label.len() == 1 && !matches!(label, "I" | "V" | "X")
}

/// "12. ", "1." followed by space: the printed number.
pub(super) fn operative_number(input: &str) -> IResult<&str, &str> {
    if let Some((number, rest)) = crate::lang::operative_number(input) {
        return Ok((rest, number));
    }
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
pub(super) fn point_label(input: &str) -> IResult<&str, &str> {
    if let Some((label, rest)) = crate::lang::point_label(input) {
        return Ok((rest, label));
    }
    // "– ", or "–" and a tab as a word processor's bullet has it.
    let mut chars = input.chars();
    if let (Some(dash @ ('—' | '–' | '•')), Some(' ' | '\t')) = (chars.next(), chars.next()) {
        let label = &input[..dash.len_utf8()];
        return Ok((input[dash.len_utf8() + 1..].trim_start(), label));
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
/// lettered point. A letter that follows the one before it in the alphabet
/// is a letter: "(i)" after "(h)", "i)" after "h)", "l)" after "k)".
pub(super) fn is_roman(label: &str, previous_letter: Option<&str>) -> bool {
    let key = label_key(label);
    let inner = key.as_str();
    if !inner.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l')) {
        return false;
    }
    let previous = previous_letter.map(|p| p.trim_matches(['(', ')', '.', '（', '）']));
    let follows = match (inner.as_bytes(), previous.map(str::as_bytes)) {
        ([letter], Some([before])) => before + 1 == *letter,
        _ => false,
    };
    !follows
}

/// The operative part as it is built: the provisions so far, and the
/// divisions still open (each to be added to the one before it, the first to
/// the provisions, when it closes).
#[derive(Debug, Default)]
pub(super) struct MainBody {
    provisions: Vec<Provision>,
    /// Open divisions, outermost first.
    open: Vec<Division>,
    /// Paragraphs so far, at any depth.
    count: usize,
}

impl MainBody {
    /// Adds a paragraph to the innermost open division.
    pub(super) fn push(&mut self, paragraph: Paragraph) {
        self.count += 1;
        let provisions = match self.open.last_mut() {
            Some(division) => &mut division.provisions,
            None => &mut self.provisions,
        };
        provisions.push(Provision::Paragraph(paragraph));
    }

    /// Opens a division at depth `level` (0: outermost), closing those open
    /// at that depth or deeper.
    pub(super) fn open_division(&mut self, division: Division, level: usize) {
        while self.open.len() > level {
            self.close_one();
        }
        self.open.push(division);
    }

    fn close_one(&mut self) {
        if let Some(division) = self.open.pop() {
            let provisions = match self.open.last_mut() {
                Some(parent) => &mut parent.provisions,
                None => &mut self.provisions,
            };
            provisions.push(Provision::Division(division));
        }
    }

    /// The depth at which a division of `kind` opens: inside the open
    /// divisions of lower rank (a chapter inside a part, an article inside
    /// a chapter), closing those of its rank or higher.
    pub(super) fn depth_for(&self, kind: DivisionKind) -> usize {
        self.open
            .iter()
            .take_while(|division| division.kind.rank() < kind.rank())
            .count()
    }

    /// Whether a convention's part, chapter, section or article is open:
    /// its paragraphs are unnumbered as often as not.
    pub(super) fn in_convention(&self) -> bool {
        self.open
            .iter()
            .any(|division| !division.kind.is_division())
    }

    /// The recitals of the innermost open division, while it holds no
    /// paragraph yet: a section's own "Recalling …" stand before its
    /// paragraphs.
    pub(super) fn open_recitals_mut(&mut self) -> Option<&mut Vec<Container>> {
        self.open
            .last_mut()
            .filter(|division| division.provisions.is_empty())
            .map(|division| &mut division.recitals)
    }

    /// The innermost open division and its depth (0: outermost).
    pub(super) fn last_division_mut(&mut self) -> Option<(&mut Division, usize)> {
        let depth = self.open.len().checked_sub(1)?;
        self.open.last_mut().map(|division| (division, depth))
    }

    /// Whether there is no paragraph yet.
    pub(super) fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// How many paragraphs there are so far, at any depth.
    pub(super) fn paragraph_count(&self) -> usize {
        self.count
    }

    /// The last paragraph, in document order.
    pub(super) fn last(&self) -> Option<&Paragraph> {
        for division in self.open.iter().rev() {
            if let Some(paragraph) = last_paragraph(&division.provisions) {
                return Some(paragraph);
            }
        }
        last_paragraph(&self.provisions)
    }

    /// Every paragraph so far, taken out, when there are only unnumbered
    /// paragraphs without points and no division: what a recital after them
    /// shows to have been the preamble's.
    pub(super) fn take_unnumbered(&mut self) -> Option<Vec<Paragraph>> {
        let plain = self.open.is_empty()
            && self.provisions.iter().all(|provision| {
                matches!(provision, Provision::Paragraph(p) if p.num.is_none() && p.list.is_none())
            });
        if !plain || self.provisions.is_empty() {
            return None;
        }
        self.count = 0;
        let paragraphs = std::mem::take(&mut self.provisions)
            .into_iter()
            .filter_map(|provision| match provision {
                Provision::Paragraph(paragraph) => Some(paragraph),
                Provision::Division(_) => None,
            })
            .collect();
        Some(paragraphs)
    }

    /// The paragraph still open: the last provision of the innermost open
    /// division (or of the body), if it is a paragraph. A division opened
    /// since the last paragraph closes it, so text after a division's
    /// heading never joins, nor becomes a point or wrap-up of, a paragraph
    /// of the division before.
    pub(super) fn open_paragraph(&self) -> Option<&Paragraph> {
        let provisions = self.open.last().map_or(&self.provisions, |d| &d.provisions);
        match provisions.last() {
            Some(Provision::Paragraph(paragraph)) => Some(paragraph),
            _ => None,
        }
    }

    /// The paragraph still open, to add to (see [`Self::open_paragraph`]).
    pub(super) fn open_paragraph_mut(&mut self) -> Option<&mut Paragraph> {
        let provisions = match self.open.last_mut() {
            Some(division) => &mut division.provisions,
            None => &mut self.provisions,
        };
        match provisions.last_mut() {
            Some(Provision::Paragraph(paragraph)) => Some(paragraph),
            _ => None,
        }
    }

    /// The finished tree, every division closed.
    pub(super) fn into_provisions(mut self) -> Vec<Provision> {
        while !self.open.is_empty() {
            self.close_one();
        }
        self.provisions
    }
}

fn last_paragraph(provisions: &[Provision]) -> Option<&Paragraph> {
    provisions
        .iter()
        .rev()
        .find_map(|provision| match provision {
            Provision::Paragraph(paragraph) => Some(paragraph),
            Provision::Division(division) => last_paragraph(&division.provisions),
        })
}

impl DocumentParser {
    /// "A", "II", "III. Implementation" after the preamble opens a division
    /// of the operative part; a title-like line right after a bare label is
    /// its heading. Returns whether the block was taken.
    pub(super) fn division(&mut self, text: &str, position: Position) -> bool {
        let (inner, _) = unwrap_emphasis(text);
        if self.division_awaits_heading {
            self.division_awaits_heading = false;
            let title_like = inner.chars().count() < MAX_HEADING
                && !inner.ends_with([',', ';', ':', '.'])
                && operative_number(inner).is_err()
                && point_label(inner).is_err()
                && !starts_operative(inner);
            if title_like {
                let heading = self.inlines(inner);
                if let Some((division, _)) = self.paragraphs.last_division_mut() {
                    division.heading = Some(heading);
                }
                return true;
            }
        }
        // An annexed convention's "Chapter I", "Article 1", wherever they
        // stand in the annex: each in the one of higher rank before it.
        // "Part I" and "Section 1" also head a budget's tables, so they are
        // taken only after a convention's "Have agreed as follows:".
        if self.annex {
            let convention = convention_division(inner).filter(|(kind, _, _)| {
                matches!(kind, DivisionKind::Chapter | DivisionKind::Article)
                    || self.preamble.closing_formula.is_some()
            });
            if let Some((kind, num, heading)) = convention {
                let level = self.paragraphs.depth_for(kind);
                self.open_division(kind, num, heading, level, position);
                return true;
            }
        }
        let after_preamble = self.phase == Phase::Operative
            || (self.phase == Phase::Preamble
                && (self.preamble.formula.is_some() || !self.preamble.containers.is_empty()));
        // An annex that opens with its first part ("I." ⏎ "A renewed global
        // financing for development framework" ⏎ "1. We, the Heads of
        // State …").
        let opens_annex = self.preamble.containers.is_empty() && self.opens_annex_body(inner);
        if !(after_preamble || opens_annex) {
            return false;
        }
        // "一", "أولا" open the parts; "ثانيا" once they are open: the next part.
        let labelled = tabbed_division_label(inner)
            .or_else(|| crate::lang::division_label(inner).then_some((inner.trim(), None)));
        let next_part = labelled.filter(|(label, _)| {
            crate::lang::first_division_label(label)
                || self.paragraphs.last_division_mut().is_some()
        });
        let Some((num, heading)) = division_heading(inner).or(next_part) else {
            return false;
        };
        let letter = is_letter_label(num);
        // The kind of label that opens the parts is the outer one: roman
        // numerals nest inside a letter ("A" ⏎ "I"), and letters inside a
        // roman numeral ("II." ⏎ "Action areas" ⏎ "A."); the outer kind
        // again closes the inner.
        let level = match self.paragraphs.last_division_mut() {
            Some((last, depth)) if is_letter_label(&last.num) == letter => depth,
            Some((_, 0)) => 1,
            _ => 0,
        };
        self.open_division(DivisionKind::Division, num, heading, level, position);
        true
    }

    /// Whether `text` is an annex's first part ("I.", "A. Title") before any
    /// paragraph of the annex's body.
    pub(super) fn opens_annex_body(&self, text: &str) -> bool {
        self.annex
            && self.paragraphs.is_empty()
            && division_heading(text.trim()).is_some_and(|(num, _)| matches!(num, "I" | "A"))
    }

    /// Opens a division at depth `level`; its heading, if not given, may
    /// follow in the next block.
    fn open_division(
        &mut self,
        kind: DivisionKind,
        num: &str,
        heading: Option<&str>,
        level: usize,
        position: Position,
    ) {
        self.phase = Phase::Operative;
        let heading = heading.map(|h| self.inlines(h));
        self.division_awaits_heading = heading.is_none();
        self.paragraphs.open_division(
            Division {
                kind,
                num: num.to_string(),
                heading,
                recitals: Vec::new(),
                provisions: Vec::new(),
            },
            level,
        );
        self.division_positions.push(position);
    }

    pub(super) fn operative(&mut self, text: &str, position: Position) {
        if let Some(fixed) = self.ocr_number(text) {
            // Numbered as the sequence says, printed as the source has it.
            let meant = &fixed[..fixed.len() - text.len() + 2];
            self.numbered_paragraph(&text[..2], Some(meant), &text[3..], position);
            return;
        }
        if self.kind() == DocumentKind::Amendment && self.quotes_into_last(text, position) {
            return;
        }
        // "12. …", or "26 Condemns …" whose dot the print lost.
        let numbered = operative_number(text)
            .ok()
            .map(|(rest, number)| (number, rest))
            .or_else(|| self.dotless_number(text));
        if let Some((number, rest)) = numbered {
            // "7," for "7.": an OCR slip too.
            let meant = number.strip_suffix(',').map(|digits| format!("{digits}."));
            self.numbered_paragraph(number, meant.as_deref(), rest, position);
            return;
        }
        if let Ok((rest, label)) = point_label(text) {
            if let Some(paragraph) = self.paragraphs.open_paragraph() {
                // "(b) … the following tasks:" ⏎ "To examine …;" ⏎ "(i)": the
                // line taken as (b)'s item may be a sub-point whose label was
                // lost.
                // Cheapest first: this runs on every point.
                let items = paragraph
                    .list
                    .as_ref()
                    .and_then(|list| list.points.last())
                    .filter(|point| {
                        point.content.contains(&Inline::Eol)
                            && label_key(label) == "i"
                            && introduces_items(point)
                    });
                if let Some(point) = items {
                    let message = format!(
                        "sub-point {label} follows lines taken as items of point {}: one of them may be a sub-point whose label was lost",
                        point.num
                    );
                    self.warn(position, message);
                }
                let content = with_lead(self.running_text(rest, position), Part::Operative).0;
                let paragraph = self.paragraphs.open_paragraph_mut().expect("checked");
                add_point(&mut paragraph.list, label, content);
                return;
            }
        }
        if self.item_into_point(text, position) || self.goes_on_after_page_break(text, position) {
            return;
        }
        let starts_lower = text.starts_with(|c: char| c.is_lowercase());
        let has_list = self
            .paragraphs
            .open_paragraph()
            .is_some_and(|p| p.list.is_some());
        let content = self.running_text(text, position);
        if starts_lower && has_list {
            let paragraph = self.paragraphs.open_paragraph_mut().expect("checked");
            set_wrap_up(paragraph.list.as_mut().expect("checked"), content);
            return;
        }
        // After the operative part, a line without words or an italic
        // archive reference ("__", "_[AA : A816]_") is not a paragraph.
        let (inner, emphasised) = unwrap_emphasis(text);
        let separator = is_separator(inner);
        let trailing = !self.paragraphs.is_empty()
            && !separator
            && ((emphasised && inner.starts_with('[')) || !text.chars().any(char::is_alphanumeric));
        if trailing && !self.annex {
            self.phase = Phase::Conclusions;
            self.conclusion(text, position);
            return;
        }
        if !self.annex && self.section_recital(text, position) {
            return;
        }
        if !self.annex && self.recital_after_unnumbered(text, position) {
            return;
        }
        // "… with the administering Power," ⏎ (page) ⏎ "New Zealand, …;": a
        // paragraph left open goes on, whatever its first letter.
        // A division opened after the last paragraph starts afresh.
        let open_text = self
            .paragraphs
            .open_paragraph()
            .filter(|p| p.list.is_none())
            .map(|p| plain_text(&p.content));
        let open = open_text.as_deref().is_some_and(|last| {
            let last = last.trim_end();
            last.ends_with([',', '，', '،'])
                || last.ends_with(|c: char| c.is_alphanumeric())
                // "… namely, domestic public resources; … finance;" ⏎
                // (page) ⏎ "international development cooperation; …":
                // a lower-case line goes on an enumeration.
                || (starts_lower && last.ends_with(';'))
        });
        let closes = text.trim_end().ends_with(STOPS);
        if open && closes && !self.annex {
            self.join_open_paragraph(open_text.as_deref().unwrap_or_default(), text, content);
            return;
        }
        if self.lost_point_label(text, position, &content) {
            return;
        }
        // A sentence opening with a verb the lexicon lacks ("Commissions
        // …;", "Approves … as follows:") is unnumbered but not in doubt.
        let (content, lead) = if without_closing_calls(text).ends_with(['.', ';', ':', ',']) {
            with_guessed_lead(content, Part::Operative)
        } else {
            with_lead(content, Part::Operative)
        };
        // A separator ("* * *") between paragraphs is kept as an unnumbered
        // one, as the UN's files have it.
        let expected = separator
            || matches!(
            self.kind(),
            DocumentKind::Amendment | DocumentKind::PresidentialStatement | DocumentKind::Decision
        ) || (self.annex && (self.preamble.formula.is_none() || self.paragraphs.in_convention()))
            // The question or text a paragraph ending in ":" introduces
            // ("… on account of its occupation:" ⏎ "What are the obligations
            // of Israel …?"), a sentence of its own.
            || self.paragraphs.open_paragraph().is_some_and(|p| {
                p.list.is_none() && plain_text(&p.content).trim_end().ends_with(':')
            }) && text.trim_end().ends_with(['?', '.', ';']);
        // A heading between operative paragraphs ("Budget estimates for the
        // period …") is expected, unless it reads like the running title.
        if lead.is_none() && !expected && !self.reads_like_heading(text) {
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

    /// "(b) The panels will address the following themes:" ⏎ "Panel 1: …;"
    /// ⏎ "Panel 2: …;" ⏎ "(c) Each …": unnumbered lines after a point that
    /// ends with a colon are its items, held in that point line by line, so
    /// the points after them stay in their list. Returns whether `text` was
    /// taken.
    fn item_into_point(&mut self, text: &str, position: Position) -> bool {
        let introduces = self
            .paragraphs
            .open_paragraph()
            .and_then(|p| p.list.as_ref())
            .filter(|list| list.wrap_up.is_none())
            .and_then(|list| list.points.last())
            .is_some_and(introduces_items);
        if !introduces || starts_operative(text) {
            return false;
        }
        let content = self.running_text(text, position);
        let paragraph = self.paragraphs.open_paragraph_mut().expect("checked");
        let list = paragraph.list.as_mut().expect("checked");
        let point = list.points.last_mut().expect("checked");
        point.content.push(Inline::Eol);
        point.content.extend(content);
        true
    }

    /// "1. We … the 2015 Addis Ababa Action Agenda.<sup>1</sup>" ⏎ (page) ⏎
    /// "We also uphold …": where paragraphs are numbered, a sentence without
    /// a number, lead phrase or heading's look that starts a page goes on
    /// with the numbered paragraph the page before ended with a full stop.
    /// Returns whether `text` was taken.
    fn goes_on_after_page_break(&mut self, text: &str, position: Position) -> bool {
        if self.last_number.is_none() || self.page_tops.binary_search(&position.line).is_err() {
            return false;
        }
        // Without capitals (Arabic, Chinese) nothing tells a lead that goes
        // on a paragraph after its semicolon ("…分析；" ⏎ (page) ⏎ "强调指出
        // …；") from one that opens a paragraph, and a numbered part's
        // paragraphs have numbers: the page-top text goes on.
        let caseless = !self.language.has_case();
        let Some(numbered) = self
            .paragraphs
            .open_paragraph()
            .filter(|p| p.num.is_some() && p.list.is_none())
        else {
            return false;
        };
        let joined = plain_text(&numbered.content);
        let last = without_closing_calls(joined.trim_end());
        // "2. Takes note of resolutions GC(67)/RES/7, entitled “…”;" ⏎
        // (page) ⏎ "GC(67)/RES/8, entitled …;": after a semicolon, text that
        // opens with no lead, known or guessed, goes on the enumeration.
        let enumeration = || {
            last.ends_with(';')
                && text.starts_with(char::is_uppercase)
                && guessed_len(text, Part::Operative).is_none()
        };
        let ended = last.ends_with(['.', '。'])
            || (caseless && last.ends_with(['；', '؛', ';']))
            || enumeration();
        let sentence = (caseless || text.starts_with(char::is_uppercase))
            && without_closing_calls(text.trim_end()).ends_with(STOPS)
            && (caseless || !has_lead(text))
            && !self.reads_like_heading(text);
        if !ended || !sentence {
            return false;
        }
        let content = self.running_text(text, position);
        self.join_open_paragraph(&joined, text, content);
        true
    }

    /// Joins `content`, read from the page-top `text`, to the open
    /// paragraph, whose plain text is `open_text` ([`join_across_page`]).
    fn join_open_paragraph(&mut self, open_text: &str, text: &str, content: Vec<Inline>) {
        let paragraph = self
            .paragraphs
            .open_paragraph_mut()
            .expect("an open paragraph");
        join_across_page(&mut paragraph.content, open_text.trim_end(), text, content);
    }

    /// "Recalls that UNDOF's deployment …," ⏎ "Recalling resolution 2378
    /// (2017) …,": a recital after paragraphs that opened with an operative
    /// verb but had no number shows that they were recitals too (a
    /// resolution's operative paragraphs are numbered, unless it has only
    /// one). They go back to the preamble, and `text` after them. Returns
    /// whether `text` was taken.
    fn recital_after_unnumbered(&mut self, text: &str, position: Position) -> bool {
        let (inner, _) = unwrap_emphasis(text);
        let inner = inner.trim_start_matches(['*', '_']);
        let recital =
            lead_len(inner, Part::Preamble).is_some() && lead_len(inner, Part::Operative).is_none();
        if !recital || self.kind() != DocumentKind::Resolution {
            return false;
        }
        let Some(paragraphs) = self.paragraphs.take_unnumbered() else {
            return false;
        };
        for paragraph in paragraphs {
            let plain = plain_text(&paragraph.content);
            let plain = plain.trim_start();
            let lead = lead_len(plain, Part::Operative).map_or("", |len| &plain[..len]);
            let name = container_name(lead, self.language);
            self.preamble.containers.push(Container {
                name,
                content: paragraph.content,
            });
        }
        self.phase = Phase::Preamble;
        self.preambular(text, position);
        true
    }

    /// A recital at the head of a section, before its first paragraph
    /// ("I ⏎ Support account ⏎ *Recalling* its resolutions …,"), as the
    /// parts of a budget resolution have: kept as the section's recital (a
    /// `crossHeading` referring to the preamble), not as an unnumbered
    /// operative paragraph. A lower-case line goes on the recital before it
    /// (a page break inside it). Returns whether `text` was taken.
    fn section_recital(&mut self, text: &str, position: Position) -> bool {
        // Markdown prints the lead in italics: "*Recalling* its resolutions".
        let (inner, _) = unwrap_emphasis(text);
        let inner = inner.trim_start_matches(['*', '_']);
        let lead = (lead_len(inner, Part::Preamble).is_some() || reads_as_recital(inner))
            && lead_len(inner, Part::Operative).is_none();
        // "рассмотрев …," ⏎ "принимает к сведению …;": an operative lead in
        // lower case (Russian, French) starts the section's paragraphs.
        let goes_on = inner.starts_with(|c: char| c.is_lowercase())
            && lead_len(inner, Part::Operative).is_none();
        let has_recital = self
            .paragraphs
            .open_recitals_mut()
            .is_some_and(|recitals| !recitals.is_empty());
        if !(lead || goes_on && has_recital) {
            return false;
        }
        let content = self.running_text(text, position);
        let Some(recitals) = self.paragraphs.open_recitals_mut() else {
            return false;
        };
        if lead {
            let (content, lead) = with_guessed_lead(content, Part::Preamble);
            let name = container_name(&lead.unwrap_or_default(), self.language);
            recitals.push(Container { name, content });
        } else if let Some(last) = recitals.last_mut() {
            last.content.push(Inline::text(" "));
            last.content.extend(content);
        }
        true
    }

    /// "7. Requests …:" ⏎ "To continue …;" ⏎ "To circulate …;" ⏎ "(c) …": a
    /// conversion that took "(a)" for a list marker lost it. A capitalised
    /// clause closed by ";" or "." after a numbered paragraph announcing
    /// points (its lead-in ends in ":", its last point, if any, in ";") is
    /// the next point, its label restored from the sequence, with a
    /// warning. Returns whether taken.
    fn lost_point_label(&mut self, text: &str, position: Position, content: &[Inline]) -> bool {
        let closes = without_closing_calls(text.trim_end()).ends_with([';', '.']);
        if self.annex || !closes || !text.starts_with(char::is_uppercase) {
            return false;
        }
        if lead_len(text, Part::Operative).is_some() || lead_len(text, Part::Preamble).is_some() {
            return false;
        }
        let Some(paragraph) = self.paragraphs.open_paragraph() else {
            return false;
        };
        // The lead-in announces the points, and the point before (if any)
        // is closed: text after "(b) … the following themes:" is (b)'s.
        let point_closed = paragraph.list.as_ref().is_none_or(|list| {
            list.points
                .last()
                .is_some_and(|point| plain_text(&point.content).trim_end().ends_with(';'))
        });
        let announces = paragraph.num.is_some()
            && point_closed
            && plain_text(&paragraph.content).trim_end().ends_with(':');
        let Some(label) = announces
            .then(|| next_letter_label(paragraph.list.as_ref()))
            .flatten()
        else {
            return false;
        };
        self.warn(
            position,
            format!(
                "point without its label after a paragraph ending in \":\", label {label} restored from the sequence: {}",
                excerpt(text)
            ),
        );
        let paragraph = self.paragraphs.open_paragraph_mut().expect("checked");
        let first = paragraph.list.is_none();
        add_point(&mut paragraph.list, &label, content.to_vec());
        let count = self.paragraphs.paragraph_count();
        self.restored_first_point = first.then_some((position, count));
        true
    }

    /// "17. … the Recueil de droit international:" ⏎ (page) ⏎ "Collection
    /// d’instruments, the French …;" ⏎ "18. …": a first point restored by
    /// [`Self::lost_point_label`] that no second point followed was the
    /// paragraph's own text, broken at a title's colon (no list has one
    /// point). It goes back into the paragraph, and its warning is
    /// withdrawn. Called where the paragraph can take no more points.
    pub(super) fn settle_restored_point(&mut self) {
        let Some((position, count)) = self.restored_first_point.take() else {
            return;
        };
        // Only in the paragraph the point was restored in: a paragraph
        // opened since ("Expressing …" ⏎ (page) ⏎ "(b) Termination …") has
        // points of its own, their labels printed.
        if self.paragraphs.paragraph_count() != count {
            return;
        }
        let Some(paragraph) = self.paragraphs.open_paragraph_mut() else {
            return;
        };
        let lone = paragraph.list.as_ref().is_some_and(|list| {
            list.wrap_up.is_none() && list.points.len() == 1 && list.points[0].list.is_none()
        });
        if !lone {
            return;
        }
        fold_lone_point(paragraph, false);
        self.warnings.retain(|w| w.position != position);
    }

    /// "… whose mandate is:" ⏎ "(a) firstly, to take stock …; (b)" ⏎
    /// "secondly, to identify …; and (c) thirdly, …" (80/227 at 70
    /// columns): a first point whose own text runs on into the next label
    /// was an enumeration in running text that happened to open a line. It
    /// goes back into the paragraph, its label with it. Called where the
    /// paragraph can take no more points.
    pub(super) fn settle_inline_enumeration(&mut self) {
        let Some(paragraph) = self.paragraphs.open_paragraph_mut() else {
            return;
        };
        let Some(list) = paragraph.list.as_ref() else {
            return;
        };
        let [point] = list.points.as_slice() else {
            return;
        };
        let next_label = match point.num.as_str() {
            "(a)" => "(b)",
            "a)" => "b)",
            _ => return,
        };
        let text = plain_text(&point.content);
        let runs_on = ["; ", "; and ", "; or ", ", "]
            .iter()
            .any(|before| text.contains(&format!("{before}{next_label} ")));
        if list.wrap_up.is_some() || point.list.is_some() || !runs_on {
            return;
        }
        fold_lone_point(paragraph, true);
    }

    /// Whether `text` reads like a heading of its own: short, capitalised
    /// (where the script has capitals), without closing punctuation (any
    /// language's), and not the document's title repeated (a running title
    /// kept in the text reads so).
    pub(super) fn reads_like_heading(&self, text: &str) -> bool {
        // Chinese says in 80 characters what the other languages say in up
        // to 320 ("Decision 75/570 on the intergovernmental conference on
        // an international legally binding instrument …", 270; "Decisión
        // 75/570, relativa a la conferencia intergubernamental …").
        let longest = match self.language {
            Language::Chinese => 80,
            _ => MAX_HEADING,
        };
        let length = text.chars().count();
        // Past 160 characters, a heading reads as a phrase, a third of its
        // words or more in lower case ("Resolution 2021/31 on the follow-up
        // to the Regional Agreement on …"), not as a table's cells run
        // together ("Action Title of post Category/level Number
        // Establishment Legal Officer P-4 1 …").
        let phrase = || {
            let cases = word_cases(text);
            length <= 160 || !self.language.has_case() || cases.lower * 3 >= cases.words
        };
        // "… Menos de 21.566 20", "… Under 12,940 80 (or 70 on a voluntary
        // basis)": a table's row has figures of two cells side by side.
        let figure = |word: &str| word.starts_with(|c: char| c.is_ascii_digit());
        let table_row = text
            .split_whitespace()
            .zip(text.split_whitespace().skip(1))
            .any(|(word, next)| figure(word) && figure(next));
        !table_row
            && length <= longest
            && (text.starts_with(char::is_uppercase) || !self.language.has_case())
            && !without_closing_calls(text).ends_with(CLAUSE_ENDS)
            && !self.reads_like_title(text)
            && phrase()
    }

    /// Whether `text` repeats the document's title.
    fn reads_like_title(&self, text: &str) -> bool {
        let title: String = self
            .preface
            .iter()
            .flatten()
            .map(|i| match i {
                Inline::DocTitle(c) => plain_text(c),
                other => plain_text(std::slice::from_ref(other)),
            })
            .collect::<Vec<_>>()
            .join(" ");
        let title: String = title.split_whitespace().collect::<Vec<_>>().join(" ");
        let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        text.len() >= 12 && title.contains(text.trim_end_matches(','))
    }

    /// "أولا" ⏎ "أنشطة مكتب …" ⏎ "إذ تشير …،": a part label of another
    /// language and its heading, left in the preamble, then a recital: the
    /// first part of a resolution whose parts have their own recitals (as
    /// "I ⏎ Support account ⏎ *Recalling* …," in English). Opens that
    /// division and gives it the recital. Returns whether `text` was taken.
    pub(super) fn part_with_recitals(&mut self, text: &str, position: Position) -> bool {
        let (inner, _) = unwrap_emphasis(text);
        let count = self.preamble.containers.len();
        if self.annex || count < 2 || lead_len(inner, Part::Preamble).is_none() {
            return false;
        }
        let label = plain_text(&self.preamble.containers[count - 2].content);
        let heading = plain_text(&self.preamble.containers[count - 1].content);
        let heading = heading.trim();
        let title_like = heading.chars().count() < MAX_HEADING
            && !heading.ends_with(CLAUSE_ENDS)
            && lead_len(heading, Part::Preamble).is_none();
        if !(crate::lang::division_label(&label) && title_like) {
            return false;
        }
        let heading = self.preamble.containers.pop().expect("checked");
        self.preamble.containers.pop();
        self.phase = Phase::Operative;
        self.paragraphs.open_division(
            Division {
                kind: DivisionKind::Division,
                num: label.trim().to_string(),
                heading: Some(heading.content),
                recitals: Vec::new(),
                provisions: Vec::new(),
            },
            0,
        );
        self.division_positions.push(position);
        self.section_recital(text, position)
    }

    /// A heading printed between the preamble and paragraph 1 ("Measures",
    /// "Mesures", "防止非法出口石油"): not a recital but the first, unnumbered
    /// paragraph of the operative part, as the UN's files have it. Taken
    /// back from the preamble when the operative part starts.
    pub(super) fn heading_into_operative(&mut self) {
        let Some(last) = self.preamble.containers.last() else {
            return;
        };
        let text = plain_text(&last.content);
        let text = text.trim();
        let title_like = !text.is_empty()
            && text.chars().count() < 120
            && !text.ends_with(CLAUSE_ENDS)
            && lead_len(text, Part::Preamble).is_none()
            && !last
                .content
                .iter()
                .any(|i| matches!(i, Inline::NoteCall { .. }));
        // A separator printed after it keeps it in the preamble: the
        // separator cannot follow it into the main body.
        let count = self.preamble.containers.len();
        let separated = self.preamble.separators.iter().any(|s| s.before >= count);
        if !title_like || self.annex || separated {
            return;
        }
        let heading = self.preamble.containers.pop().expect("checked");
        // "一" ⏎ "《公约》和相关协定及文书的执行" ⏎ "1. …": the part's label
        // goes with its heading (as it does in later parts, which the
        // UN's Chinese files keep as unnumbered paragraphs too).
        let label = self.preamble.containers.last().is_some_and(|label| {
            let text = plain_text(&label.content);
            crate::lang::division_label(&text)
        });
        if label {
            let label = self.preamble.containers.pop().expect("checked");
            self.paragraphs.push(Paragraph {
                num: None,
                content: label.content,
                list: None,
            });
        }
        self.paragraphs.push(Paragraph {
            num: None,
            content: heading.content,
            list: None,
        });
    }

    /// "S. Decides" after paragraph 4: OCR read "5" as "S" (or "0" as "O",
    /// "1" as "l"/"I"); "l. Decides" as the first paragraph, where an
    /// operative lead follows. The repaired text, when the number fits the
    /// sequence.
    pub(super) fn ocr_number(&self, text: &str) -> Option<String> {
        let mut chars = text.chars();
        let (first, dot, space) = (chars.next()?, chars.next()?, chars.next()?);
        if dot != '.' || !matches!(space, ' ' | '\t') {
            return None;
        }
        let digit = match first {
            'S' => '5',
            'O' => '0',
            'l' | 'I' => '1',
            _ => return None,
        };
        let previous: u32 = if self.paragraphs.is_empty() {
            let lead = lead_len(unwrap_emphasis(text[3..].trim_start()).0, Part::Operative);
            lead.is_some().then_some(0)?
        } else {
            let previous = self.paragraphs.last()?.num.as_deref()?;
            previous.trim_end_matches('.').parse().ok()?
        };
        (previous + 1).to_string().ends_with(digit).then(|| {
            let mut fixed = (previous + 1).to_string();
            fixed.push_str(&text[1..]);
            fixed
        })
    }

    /// An operative paragraph numbered `number` as printed, with `text`
    /// after the number; `meant` is the number the print slipped on ("S."
    /// for "5.", "7," for "7."), warned about.
    fn numbered_paragraph(
        &mut self,
        number: &str,
        meant: Option<&str>,
        text: &str,
        position: Position,
    ) {
        if let Some(meant) = meant {
            self.warn(
                position,
                format!(
                    "paragraph number \"{number}\" taken for \"{meant}\" (OCR slip), kept as printed"
                ),
            );
        }
        self.settle_restored_point();
        self.settle_inline_enumeration();
        self.check_sequence(meant.unwrap_or(number), position);
        let (content, _) = with_guessed_lead(self.running_text(text, position), Part::Operative);
        self.paragraphs.push(Paragraph {
            num: Some(number.into()),
            content,
            list: None,
        });
    }

    /// Warns where a paragraph number is not the next in the sequence: a
    /// gap, a repeat, a step back, or a first number other than 1 (outside
    /// annexes). After a part's label or a heading ("Directriz 5 …") the
    /// numbers may start again at 1.
    fn check_sequence(&mut self, number: &str, position: Position) {
        let Some(number) = crate::lang::number_value(number) else {
            return;
        };
        // Divisions and paragraphs so far: one more than at the last
        // number when nothing stood between.
        let mark = self.division_positions.len() + self.paragraphs.paragraph_count();
        let doubt = match self.last_number {
            // An annex may quote paragraphs from elsewhere ("Amend
            // paragraph 8 to read:").
            None if number != 1 && !self.annex => {
                Some(format!("the first numbered paragraph is {number}"))
            }
            None => None,
            Some((last, _)) if number == last + 1 => None,
            Some((_, at)) if number == 1 && mark > at + 1 => None,
            Some((last, _)) if number == last => {
                Some(format!("paragraph {number} is numbered twice"))
            }
            Some((last, _)) if number > last => Some(format!(
                "paragraph {number} follows paragraph {last}: {} missing",
                if number == last + 2 {
                    format!("number {} is", last + 1)
                } else {
                    format!("numbers {}–{} are", last + 1, number - 1)
                }
            )),
            Some((last, _)) => Some(format!(
                "paragraph {number} follows paragraph {last}: the numbering goes back{}",
                if number == 1 {
                    " to 1 without a new part"
                } else {
                    ""
                }
            )),
        };
        self.last_number = Some((number, mark));
        if let Some(doubt) = doubt {
            self.warn(position, format!("{doubt}; kept as printed"));
        }
    }

    /// "26 Condemns …": a paragraph number printed without its dot (or with
    /// a comma, "7, Again calls …", an OCR slip), taken only when it is the
    /// next in the sequence and an operative lead phrase follows. Gives the
    /// number as printed and the rest.
    pub(super) fn dotless_number<'t>(&self, text: &'t str) -> Option<(&'t str, &'t str)> {
        let (number, rest) = text.split_once(' ')?;
        let digits = number.strip_suffix(',').unwrap_or(number);
        if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let previous = self.paragraphs.last()?.num.as_deref()?;
        let previous: u32 = previous.trim_end_matches(['.', ',']).parse().ok()?;
        let rest = rest.trim_start();
        let (inner, _) = unwrap_emphasis(rest);
        let lead = lead_len(inner, Part::Operative).or_else(|| guessed_len(inner, Part::Operative));
        (digits.parse::<u32>().ok()? == previous + 1 && lead.is_some()).then_some((number, rest))
    }

    /// In an amendment, text after an instruction ending with ":" ("Delete
    /// the thirty-eighth preambular paragraph reading:") is the quoted text:
    /// it joins that instruction as `<mod>` with a `<quotedStructure>`.
    pub(super) fn quotes_into_last(&mut self, text: &str, position: Position) -> bool {
        let Some(last) = self.paragraphs.open_paragraph() else {
            return false;
        };
        let introduces = plain_text(&last.content).trim_end().ends_with(':')
            || matches!(last.content.last(), Some(Inline::Mod { .. }));
        if !introduces || operative_number(text).is_ok() || starts_operative(text) {
            return false;
        }
        let quoted = self.running_text(text, position);
        let last = self.paragraphs.open_paragraph_mut().expect("checked");
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
}

/// Whether an unnumbered paragraph opens with an operative verb ("Decides",
/// "Calls upon") rather than a preambular phrase: the operative part has
/// begun even where the numbers were lost.
pub(super) fn starts_operative(text: &str) -> bool {
    let plain = text.trim_start_matches(['*', '_']);
    lead_len(plain, Part::Preamble).is_none() && lead_len(plain, Part::Operative).is_some()
}

/// Whether `point` ends its own sentence (before any items it holds) with
/// a colon and has no sub-points: the lines after it are its items.
fn introduces_items(point: &Point) -> bool {
    let own = point
        .content
        .split(|inline| *inline == Inline::Eol)
        .next()
        .unwrap_or_default();
    point.list.is_none() && plain_text(own).trim_end().ends_with([':', '：'])
}

/// Puts the one point of `paragraph`'s list back into its text (with its
/// label where `with_label`), the list gone.
fn fold_lone_point(paragraph: &mut Paragraph, with_label: bool) {
    let point = paragraph
        .list
        .take()
        .and_then(|list| list.points.into_iter().next())
        .expect("checked: one point");
    let open_text = plain_text(&paragraph.content);
    let text = plain_text(&point.content);
    let mut more = Vec::with_capacity(point.content.len() + 1);
    if with_label {
        more.push(Inline::text(format!("{} ", point.num)));
    }
    more.extend(point.content);
    join_across_page(&mut paragraph.content, open_text.trim_end(), &text, more);
}

/// Adds a point to `list`: a roman numeral nests under the lettered point
/// before it, and a dash item under the point before it ("(a) Phase II
/// (post-electoral phase)" ⏎ "– UNIOGBIS will continue …").
pub(super) fn add_point(list: &mut Option<List>, label: &str, content: Vec<Inline>) {
    let list = list.get_or_insert_with(|| List {
        points: Vec::new(),
        wrap_up: None,
    });
    // "(a) … a short and concise political declaration;" ⏎ (page) ⏎ "any
    // explanation of vote … the opening segment;" ⏎ "(b) …": lower-case
    // text after a point, taken for the list's wrap-up, goes on that point
    // when another point follows it.
    if let Some(last) = list.points.last_mut() {
        if let Some(wrap_up) = list.wrap_up.take() {
            push(&mut last.content, Inline::text(" "));
            push_all(&mut last.content, wrap_up);
        }
    }
    let previous_letter = list.points.last().map(|p| p.num.as_str());
    let roman = is_roman(label, previous_letter)
        && !list.points.is_empty()
        && !list
            .points
            .last()
            .is_some_and(|p| is_roman(&p.num, None) && p.list.is_none());
    let dash = is_dash(label) && previous_letter.is_some_and(|p| !is_dash(p));
    let nests = roman || dash;
    if nests {
        let parent = list.points.last_mut().expect("checked non-empty");
        // "(e) Technological assistance (i) to countries affected by mines
        // …, and" ⏎ "(ii) to promote …" (78/70 at 98 columns): a second
        // item whose first runs in its point's text is that text's too.
        let first_inline = match label {
            "(ii)" => Some("(i) "),
            "ii)" => Some("i) "),
            _ => None,
        }
        .is_some_and(|first| plain_text(&parent.content).contains(first));
        if parent.list.is_none() && first_inline {
            push(&mut parent.content, Inline::text(format!(" {label} ")));
            push_all(&mut parent.content, content);
            return;
        }
        add_point(&mut parent.list, label, content);
        return;
    }
    list.points.push(Point {
        num: label.into(),
        content,
        list: None,
    });
}

/// Whether a point's label is a dash or a bullet: "–", "-", "•".
pub(super) fn is_dash(label: &str) -> bool {
    matches!(label, "-" | "–" | "—" | "•")
}

/// The letter label after the last point of `list` ("(a)" for none yet),
/// when its points are lettered in sequence; `None` after a wrap-up.
fn next_letter_label(list: Option<&List>) -> Option<String> {
    let Some(list) = list else {
        return Some("(a)".into());
    };
    if list.wrap_up.is_some() {
        return None;
    }
    let last = list.points.last()?.num.as_str();
    let letter = last.strip_prefix('(')?.strip_suffix(')')?;
    let mut chars = letter.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return None;
    };
    let expected = (b'a' + u8::try_from(list.points.len() - 1).ok()?) as char;
    (c == expected && c < 'z').then(|| format!("({})", (c as u8 + 1) as char))
}

pub(super) fn set_wrap_up(list: &mut List, content: Vec<Inline>) {
    match &mut list.wrap_up {
        Some(existing) => {
            push(existing, Inline::text(" "));
            push_all(existing, content);
        }
        None => list.wrap_up = Some(content),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn convention_labels_and_headings() {
        use DivisionKind::{Article, Chapter, Part};
        assert_eq!(
            convention_division("Article 1"),
            Some((Article, "Article 1", None))
        );
        assert_eq!(
            convention_division("Chapter II\nCriminalization"),
            Some((Chapter, "Chapter II", Some("Criminalization")))
        );
        assert_eq!(
            convention_division("Article 3. Scope of application"),
            Some((Article, "Article 3", Some("Scope of application")))
        );
        assert_eq!(
            convention_division("Article premier"),
            Some((Article, "Article premier", None))
        );
        assert_eq!(
            convention_division("PART IV"),
            Some((Part, "PART IV", None))
        );
        assert_eq!(
            convention_division("第六十七条\n生效"),
            Some((Article, "第六十七条", Some("生效")))
        );
        assert_eq!(
            convention_division("第一章"),
            Some((Chapter, "第一章", None))
        );
        assert_eq!(
            convention_division("الفصل الأول\nأحكام عامة"),
            Some((Chapter, "الفصل الأول", Some("أحكام عامة")))
        );
        assert_eq!(
            convention_division("المادة 12"),
            Some((Article, "المادة 12", None))
        );
        assert_eq!(convention_division("第一次会议"), None);
        assert_eq!(convention_division("Article 4 of the Convention"), None);
        assert_eq!(convention_division("Articles 1 and 2"), None);
        assert_eq!(convention_division("Article"), None);
    }

    #[test]
    fn dash_items_nest_under_the_point_before_them() {
        // "(a) Phase II (post-electoral phase)" ⏎ "– UNIOGBIS will …" ⏎ "–
        // UNIOGBIS will …" ⏎ "(b) Phase III …" ⏎ "– …".
        let mut list = None;
        for label in ["(a)", "–", "–", "(b)", "–"] {
            add_point(&mut list, label, vec![Inline::text("text")]);
        }
        let points = &list.expect("points").points;
        let shape: Vec<(&str, usize)> = points
            .iter()
            .map(|p| {
                (
                    p.num.as_str(),
                    p.list.as_ref().map_or(0, |l| l.points.len()),
                )
            })
            .collect();
        assert_eq!(shape, [("(a)", 2), ("(b)", 1)]);
    }

    #[test]
    fn text_taken_for_a_wrap_up_goes_on_its_point_when_a_point_follows() {
        // "(a) … declaration;" ⏎ (page) ⏎ "any explanation of vote …;" ⏎
        // "(b) …": the lower-case text is (a)'s.
        let mut list = None;
        add_point(&mut list, "(a)", vec![Inline::text("The opening;")]);
        set_wrap_up(
            list.as_mut().expect("a list"),
            vec![Inline::text("any vote;")],
        );
        add_point(&mut list, "(b)", vec![Inline::text("The plenary;")]);
        let list = list.expect("a list");
        assert_eq!(list.wrap_up, None);
        assert_eq!(
            plain_text(&list.points[0].content),
            "The opening; any vote;"
        );
        assert_eq!(list.points.len(), 2);
    }

    #[test]
    fn numbers_and_labels() {
        assert_eq!(operative_number("12. *Urges*"), Ok(("*Urges*", "12.")));
        assert!(operative_number("2022. x").is_ok());
        assert!(operative_number("1.5 million").is_err());
        assert_eq!(point_label("(ii) To"), Ok(("To", "(ii)")));
        assert!(is_roman("(ii)", Some("(a)")));
        assert!(!is_roman("(i)", Some("(h)")));
        assert!(!is_roman("i)", Some("h)")));
        assert!(!is_roman("i.", Some("h.")));
        assert!(is_roman("i)", Some("c)")));
        assert!(!is_roman("l)", Some("k)")));
        assert!(!is_roman("(x)", Some("(w)")));
        assert!(is_roman("(v)", Some("(iv)")));
        assert!(!is_roman("(b)", None));
    }

    #[test]
    fn the_next_letter_follows_a_lettered_sequence() {
        let point = |num: &str, text: &str| Point {
            num: num.into(),
            content: vec![Inline::text(text)],
            list: None,
        };
        let mut list = List {
            points: vec![point("(a)", "x;"), point("(b)", "y;")],
            wrap_up: None,
        };
        assert_eq!(next_letter_label(None).as_deref(), Some("(a)"));
        assert_eq!(next_letter_label(Some(&list)).as_deref(), Some("(c)"));
        list.points[1].num = "(d)".into();
        assert_eq!(next_letter_label(Some(&list)), None, "out of sequence");
        list.points[1].num = "(b)".into();
        list.wrap_up = Some(vec![Inline::text("and so on;")]);
        assert_eq!(next_letter_label(Some(&list)), None, "after a wrap-up");
    }
}
