//! The openings that tell kinds of text apart where no masthead says it:
//!
//! - presidential statements: "Statement by the President of the Security
//!   Council", "Statement by the President*", "PRST OS/12/1. Title", and the
//!   sentence that dates them ("On 9 February 2021, …, the President of the
//!   Security Council issued the following statement on behalf of the
//!   Council:", "At the 53rd meeting, held on 22 March 2012, the President of
//!   the Human Rights Council read out the following statement:");
//! - General Assembly decisions as the decision records print them ("At its
//!   2nd plenary meeting, on 13 September 2024, the General Assembly, …
//!   decided …");
//! - Security Council resolutions of the Official Records ("67 (1949).
//!   Resolution of 28 January 1949", "[S/1234]").
//!
//! Each parser takes one block's text and gives the facts with byte spans,
//! so that the grammar keeps every word where it was.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::footnotes::collect_calls;
use super::masthead::Fact;
use super::{date, plain_text, push_all, unwrap_emphasis, vote, Phase};
use crate::error::Position;
use crate::model::{Body, DateRole, DocumentKind, Inline, Meeting, Paragraph, Vote};

/// "Statement by the President of the Security Council", "Statement by the
/// President*": the body named, if any.
pub fn statement_heading(text: &str) -> Option<Option<Body>> {
    // Text input arrives escaped: "Statement by the President\\*\\*".
    let rest = text
        .trim()
        .trim_matches(['*', '\\'])
        .strip_prefix("Statement by the President")?;
    let rest = rest.trim_end_matches(['*', '\\', ' ']);
    if rest.is_empty() {
        return Some(None);
    }
    let name = rest.strip_prefix(" of the ")?;
    Body::from_name(name).map(Some)
}

/// Whether `line` opens a paragraph of a Security Council statement, each
/// of which the President reads out in quotation marks: "“The Security
/// Council reaffirms …", "“The Council stresses …" (a verb after the
/// Council's name, not a title: "“The Security Council and Africa”"), or a
/// clause before the Council's name: "“While reaffirming that …, the
/// Security Council calls on …", "“Recalling its resolution …, the Council
/// …" (S/PRST/2013/22).
pub fn opens_quoted_statement(line: &str) -> bool {
    let Some(rest) = line.strip_prefix(['“', '"']) else {
        return false;
    };
    let clause = rest.strip_prefix("While ").map_or_else(
        || super::lead::has_lead(rest),
        |after| {
            after
                .split(' ')
                .next()
                .is_some_and(|word| word.ends_with("ing"))
        },
    );
    clause
        || ["The Security Council ", "The Council "]
            .iter()
            .find_map(|name| rest.strip_prefix(name))
            .is_some_and(|verb| {
                let word = verb.split(' ').next().unwrap_or_default();
                word.starts_with(|c: char| c.is_lowercase())
                    && ![
                        "and", "or", "of", "in", "on", "for", "to", "at", "with", "by",
                    ]
                    .contains(&word)
            })
}

/// "PRST OS/12/1. Title", "PRST 19/1": the printed number and the title.
pub fn statement_number(text: &str) -> Option<(&str, &str)> {
    let rest = text.trim().strip_prefix("PRST ")?;
    let end = rest.find([' ', '\t']).unwrap_or(rest.len());
    let number = rest[..end].trim_end_matches('.');
    let ok = number.contains('/')
        && number
            .split('/')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    ok.then(|| (number, rest[end..].trim()))
}

/// A dated opening sentence: the date's span and value, the body named
/// (as "the President of the Security Council", "session of the Human
/// Rights Council", "the General Assembly"), and the meeting's span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    /// The date's span in the text.
    pub date_span: (usize, usize),
    /// The date.
    pub date: NaiveDate,
    /// The body the sentence names, if any.
    pub body: Option<Body>,
    /// The meeting's span ("2nd plenary meeting", "53rd meeting"), if named.
    pub meeting: Option<(usize, usize)>,
}

/// The first full date in `text` that follows "On ", "on " or "held on ".
fn first_date(text: &str, limit: usize) -> Option<((usize, usize), NaiveDate)> {
    let mut at = 0;
    while at < text.len().min(limit) {
        let boundary = at == 0 || text[..at].ends_with([' ', '\n']);
        if boundary {
            if let Ok((after, date)) = date::date(&text[at..]) {
                return Some(((at, text.len() - after.len()), date));
            }
        }
        at += text[at..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

fn body_named(text: &str) -> Option<Body> {
    let mut best: Option<(usize, Body)> = None;
    for body in Body::ALL {
        if let Some(at) = text.find(body.name()) {
            if best.is_none_or(|(b, _)| at < b) {
                best = Some((at, body));
            }
        }
    }
    best.map(|(_, body)| body)
}

fn meeting_span(text: &str) -> Option<(usize, usize)> {
    let at = text.find(" meeting")?;
    let start = text[..at].rfind("At its ").map(|i| i + 7).or_else(|| {
        text[..at]
            .rfind("At the ")
            .map(|i| i + 7)
            .filter(|s| text[*s..at].starts_with(|c: char| c.is_ascii_digit()))
    })?;
    let name = &text[start..at];
    let ordinal = name.starts_with(|c: char| c.is_ascii_digit()) && name.len() < 30;
    ordinal.then_some((start, at + " meeting".len()))
}

/// "On 9 February 2021, …, the President of the Security Council issued the
/// following statement on behalf of the Council:" and the Human Rights
/// Council's "At the 53rd meeting, held on 22 March 2012, the President of
/// the Human Rights Council read out the following statement:".
pub fn statement_opening(text: &str) -> Option<Opening> {
    let text_end = text.trim_end();
    let states = text_end.ends_with(':')
        && text.contains("President")
        && (text.contains("following statement") || text.contains("statement on behalf"));
    if !states {
        return None;
    }
    let (date_span, date) = first_date(text, 400)?;
    let before = &text[..date_span.0];
    if !(before.ends_with("On ") || before.ends_with("on ")) {
        return None;
    }
    Some(Opening {
        date_span,
        date,
        body: body_named(text),
        meeting: meeting_span(&text[..date_span.0]),
    })
}

/// "At its 2nd plenary meeting, on 13 September 2024, the General Assembly,
/// … decided …" (a decision record).
pub fn decision_opening(text: &str) -> Option<Opening> {
    if !text.starts_with("At its ") {
        return None;
    }
    let meeting = meeting_span(text)?;
    let rest = &text[meeting.1..];
    let on = rest.strip_prefix(", on ")?;
    let (after, date) = date::date(on).ok()?;
    let date_start = text.len() - on.len();
    let date_end = text.len() - after.len();
    let after = after.strip_prefix(", the ")?;
    let body = [
        Body::GeneralAssembly,
        Body::EconomicAndSocialCouncil,
        Body::SecurityCouncil,
    ]
    .into_iter()
    .find(|b| after.starts_with(b.name()))?;
    Some(Opening {
        date_span: (date_start, date_end),
        date,
        body: Some(body),
        meeting: Some(meeting),
    })
}

/// "[S/1234]" (also OCR's "[S/1045}") alone on a line under an old
/// Security Council resolution's title: the span of the symbol.
pub fn bracketed_symbol(text: &str) -> Option<(usize, usize)> {
    let text = text.trim_end();
    // OCR reads "[" as "(" at times: "(S/1401]".
    let inner = text.strip_prefix(['[', '('])?;
    let inner = inner.strip_suffix([']', '}'])?;
    let inner = inner.trim();
    super::symbol::is_symbol(inner).then(|| {
        let start = text.find(inner).unwrap_or(1);
        (start, start + inner.len())
    })
}

impl super::DocumentParser {
    /// A presidential statement's heading, number and dated opening: the
    /// heading and number go to the preface, the opening (with the adoption
    /// date) to the main body's first alinea, as the UN's files have it.
    /// Returns whether the line was taken.
    pub(super) fn statement_line(&mut self, text: &str, position: Position) -> bool {
        if let Some(body) = statement_heading(text) {
            self.facts.push(Fact::Adopted(
                DocumentKind::PresidentialStatement,
                body,
                None,
            ));
            self.preface
                .push(vec![Inline::DocTitle(self.inlines(text.trim()))]);
            self.title_position = position;
            return true;
        }
        if let Some(opening) = statement_opening(text) {
            self.facts.push(Fact::Adopted(
                DocumentKind::PresidentialStatement,
                opening.body,
                Some(opening.date),
            ));
            let line = self.dated_opening(text, &opening, position);
            self.opening = Some(line);
            self.phase = Phase::Preamble;
            return true;
        }
        if self.kind() != DocumentKind::PresidentialStatement {
            return false;
        }
        if let Some((number, title)) = statement_number(text) {
            let session = number.split('/').find_map(|p| p.parse::<u32>().ok());
            self.preface_number = Some((number.to_string(), session));
            let at = text.find(number).unwrap_or(0);
            let mut line = self.inlines(&text[..at]);
            line.push(Inline::DocNumber {
                text: number.into(),
                symbol: false,
            });
            let after = &text[at + number.len()..];
            let title_at = after.len() - after.trim_start_matches(['.', ' ', '\t']).len();
            push_all(&mut line, self.inlines(&after[..title_at]));
            if !title.is_empty() {
                line.push(Inline::DocTitle(self.inlines(&after[title_at..])));
            }
            self.preface.push(line);
            return true;
        }
        false
    }

    /// "At its 2nd plenary meeting, on 13 September 2024, the General
    /// Assembly, … decided …": a decision record's text, as its first
    /// (unnumbered) paragraph with the meeting and the adoption date marked.
    pub(super) fn decision_record(&mut self, text: &str, position: Position) -> bool {
        let (inner, _) = unwrap_emphasis(text);
        let Some(opening) = decision_opening(inner) else {
            return false;
        };
        self.facts.push(Fact::Adopted(
            DocumentKind::Decision,
            opening.body,
            Some(opening.date),
        ));
        if let Some(found @ Vote::Recorded { .. }) = vote::adoption(inner).vote {
            self.vote = Some(found);
        }
        let content = self.dated_opening(inner, &opening, position);
        self.phase = Phase::Operative;
        self.paragraphs.push(Paragraph {
            num: None,
            content,
            list: None,
        });
        true
    }

    /// The text of a dated opening sentence with its meeting as `<event>`
    /// and its date as the adoption `<docDate>`.
    fn dated_opening(&mut self, text: &str, opening: &Opening, position: Position) -> Vec<Inline> {
        let (date_start, date_end) = opening.date_span;
        let mut content = Vec::new();
        let mut at = 0;
        if let Some((start, end)) = opening.meeting.filter(|(_, e)| *e <= date_start) {
            self.meeting.get_or_insert(Meeting {
                name: text[start..end].into(),
            });
            push_all(&mut content, self.running_text(&text[..start], position));
            content.push(Inline::Event(text[start..end].into()));
            at = end;
        }
        push_all(
            &mut content,
            self.running_text(&text[at..date_start], position),
        );
        content.push(Inline::DocDate {
            date: opening.date,
            role: DateRole::Adoption,
            text: text[date_start..date_end].into(),
        });
        push_all(&mut content, self.running_text(&text[date_end..], position));
        content
    }

    /// Counts the voters named in `text` per side, for the check of the
    /// stated counts against the lists.
    pub(super) fn count_voters(&mut self, text: &str, spans: &[(usize, usize)]) {
        let (sides, last) = vote::sides(text, self.vote_side, spans);
        for side in sides.into_iter().flatten() {
            self.listed_voters[side as usize] += 1;
        }
        self.vote_side = last;
    }

    /// Where the counts of a recorded vote and its lists of States disagree,
    /// a warning says so (the counts stay as printed).
    pub(super) fn check_vote_lists(&mut self) {
        let Some(Vote::Recorded {
            in_favour,
            against,
            abstaining,
        }) = self.vote
        else {
            return;
        };
        if self.listed_voters == [0; 3] {
            return;
        }
        let stated = [in_favour, against, abstaining];
        for (index, side) in ["in favour", "against", "abstaining"].iter().enumerate() {
            let (count, listed) = (stated[index], self.listed_voters[index]);
            // Security Council lines name only some voters ("by 12 votes to
            // 2 (Cuba and Yemen)"); those are not lists.
            if listed != count && (listed > 0 || self.listed_voters[0] > 0) {
                self.warn(
                    self.title_position,
                    format!(
                        "the vote states {count} {side} but lists {listed} States; the counts are kept as printed"
                    ),
                );
            }
        }
    }

    /// "Adopted at the 2nd meeting. 22" with the footnote "22 Adopted
    /// without vote." (Official Records): the vote the note states, lifted
    /// or (OCR text whose notes were not lifted) left in the conclusions.
    pub(super) fn vote_in_footnote(&mut self) {
        if self.vote.is_some() || self.annex {
            return;
        }
        let mut called = FxHashMap::default();
        for block in &self.conclusions {
            collect_calls(block, &mut called);
        }
        let mut notes: Vec<String> = self
            .footnotes
            .iter()
            .filter(|note| called.contains_key(&note.marker))
            .map(|note| plain_text(&note.content))
            .collect();
        let adoption_line = self
            .conclusions
            .iter()
            .find(|block| {
                block
                    .iter()
                    .any(|i| matches!(i, Inline::AdoptionType { .. }))
            })
            .map(|block| {
                // The call stays after the adoption sentence: "… meeting. 38".
                let mut text = String::new();
                for inline in block {
                    match inline {
                        Inline::AdoptionType { content, .. } => {
                            text.push_str(&plain_text(content));
                        }
                        other => text.push_str(&plain_text(std::slice::from_ref(other))),
                    }
                }
                text
            });
        let marker: Option<String> = adoption_line.map(|line| {
            let line = line.trim_end();
            let digits = line.len() - line.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            line[line.len() - digits..].to_string()
        });
        if let Some(marker) = marker.filter(|m| !m.is_empty()) {
            for block in &self.conclusions {
                let text = plain_text(block);
                // The note starts its block, or follows other notes run
                // into one block ("… S/1023. 38 In the absence …").
                let starts = text.strip_prefix(marker.as_str()).map(|_| marker.len());
                let inside = text
                    .find(&format!(" {marker} "))
                    .map(|at| at + marker.len() + 1);
                if let Some(at) = starts.or(inside) {
                    if text[at..].starts_with(' ') {
                        notes.push(text[at..].trim().to_string());
                    }
                }
            }
        }
        for text in notes {
            let lower = text.to_lowercase();
            let vote = vote::adoption(&text).vote.or_else(|| {
                if lower.contains("adopted unanimously") {
                    Some(Vote::Unanimous)
                } else if lower.contains("without vote") || lower.contains("without a vote") {
                    Some(Vote::WithoutVote)
                } else {
                    None
                }
            });
            if vote.is_some() {
                self.vote = vote;
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn quoted_statement_paragraphs() {
        assert!(opens_quoted_statement(
            "“The Security Council reaffirms its support"
        ));
        assert!(opens_quoted_statement("“The Council stresses that"));
        assert!(!opens_quoted_statement("“The Security Council and Africa”"));
        assert!(!opens_quoted_statement("The Security Council reaffirms"));
    }

    #[test]
    fn statement_headings_and_numbers() {
        assert_eq!(
            statement_heading("Statement by the President of the Security Council"),
            Some(Some(Body::SecurityCouncil))
        );
        assert_eq!(statement_heading("Statement by the President*"), Some(None));
        assert_eq!(
            statement_heading("Statement by the President\\*\\*"),
            Some(None)
        );
        assert_eq!(
            statement_heading("Statement by the President of Ghana"),
            None
        );
        assert_eq!(
            statement_number("PRST OS/12/1. Enhancing the efficiency"),
            Some(("OS/12/1", "Enhancing the efficiency"))
        );
        assert_eq!(statement_number("PRST 19/1"), Some(("19/1", "")));
        assert_eq!(statement_number("PRST is short"), None);
    }

    #[test]
    fn statement_openings() {
        let text = "On 9 February 2021, in connection with the Council’s consideration of the item entitled “The situation in Libya”, the President of the Security Council issued the following statement on behalf of the Council:";
        let found = statement_opening(text).unwrap();
        assert_eq!(found.date, ymd(2021, 2, 9));
        assert_eq!(
            &text[found.date_span.0..found.date_span.1],
            "9 February 2021"
        );
        assert_eq!(found.body, Some(Body::SecurityCouncil));
        let text = "At the 53rd meeting, held on 22 March 2012, the President of the Human Rights Council read out the following statement:";
        let found = statement_opening(text).unwrap();
        assert_eq!(found.date, ymd(2012, 3, 22));
        assert_eq!(found.body, Some(Body::HumanRightsCouncil));
        assert_eq!(
            &text[found.meeting.unwrap().0..found.meeting.unwrap().1],
            "53rd meeting"
        );
        assert!(statement_opening("On 9 February 2021, the Council met.").is_none());
    }

    #[test]
    fn decision_openings() {
        let text = "At its 2nd plenary meeting, on 13 September 2024, the General Assembly, on the recommendation of the General Committee, decided that";
        let found = decision_opening(text).unwrap();
        assert_eq!(found.date, ymd(2024, 9, 13));
        assert_eq!(found.body, Some(Body::GeneralAssembly));
        let (s, e) = found.meeting.unwrap();
        assert_eq!(&text[s..e], "2nd plenary meeting");
        assert!(decision_opening("At its session the Assembly decided").is_none());
    }

    #[test]
    fn bracketed_symbols() {
        assert_eq!(bracketed_symbol("[S/1234]"), Some((1, 7)));
        assert_eq!(bracketed_symbol("[S/1045}"), Some((1, 7)));
        assert_eq!(bracketed_symbol("(S/1401]"), Some((1, 7)));
        assert_eq!(bracketed_symbol("[S/2017/Rev.1]"), Some((1, 13)));
        assert_eq!(
            bracketed_symbol("[on the report of the Third Committee]"),
            None
        );
    }
}
