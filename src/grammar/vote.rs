//! Adoption lines and votes (spec §8):
//!
//! - "[Adopted without a vote.]"
//! - "[Adopted by a recorded vote of 23 to 17, with 7 abstentions. The voting
//!   was as follows: In favour: … Against: … Abstaining: …]"
//! - "Adopted unanimously at the 1382nd meeting."
//! - "Adopted at the 2963rd meeting by 12 votes to 2 (Cuba and Yemen), with 1
//!   abstention (China)."
//!
//! The parsers find the facts (outcome, counts, meeting, voters) and their
//! places in the text, so that the grammar can wrap them without changing a
//! word.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case};
use nom::character::complete::{char, digit1, space1};
use nom::combinator::{opt, recognize, value};
use nom::{IResult, Parser};

use super::masthead::{ordinal_number, split_names};
use crate::model::Vote;

/// A side of a recorded vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// "In favour:"
    InFavour,
    /// "Against:"
    Against,
    /// "Abstaining:"
    Abstaining,
}

/// What an adoption line says, with byte spans into its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Adoption {
    /// The outcome and counts, when stated.
    pub vote: Option<Vote>,
    /// The span of the first sentence ("Adopted … ."), the adoption type.
    pub sentence: (usize, usize),
    /// The span of the meeting ("1382nd meeting"), when named.
    pub meeting: Option<(usize, usize)>,
    /// Spans of voters' names.
    pub voters: Vec<(usize, usize)>,
}

/// A count: digits, or "none" (Security Council: "by 9 votes to none").
fn number(input: &str) -> IResult<&str, u32> {
    if let Some(rest) = input.strip_prefix("none") {
        if !rest.starts_with(char::is_alphanumeric) {
            return Ok((rest, 0));
        }
    }
    let (rest, digits) = digit1(input)?;
    Ok((rest, digits.parse().unwrap_or(u32::MAX)))
}

/// "by a recorded vote of 23 to 17, with 7 abstentions" / "by 12 votes to 2
/// (Cuba and Yemen), with 1 abstention (China)": the counts, and the spans
/// (relative to `input`) of the names in parentheses.
/// In favour, against, abstaining, and the spans of the voters named.
type Counts = (u32, u32, u32, Vec<(usize, usize)>);

fn counts(input: &str) -> IResult<&str, Counts> {
    let mut names = Vec::new();
    let (rest, _) = alt((
        tag("by a recorded vote of "),
        tag("by a vote of "),
        tag("by "),
    ))
    .parse(input)?;
    let (rest, in_favour) = number(rest)?;
    let (rest, _) = opt(alt((tag(" votes"), tag(" vote")))).parse(rest)?;
    let (rest, _) = tag(" to ").parse(rest)?;
    let (mut rest, against) = number(rest)?;
    let names_in = |rest: &str, names: &mut Vec<(usize, usize)>| -> usize {
        let Some(inner) = rest.strip_prefix(" (") else {
            return 0;
        };
        let Some(close) = inner.find(')') else {
            return 0;
        };
        let base = input.len() - inner.len();
        for name in split_names(&inner[..close]) {
            if let Some(at) = inner[..close].find(name) {
                names.push((base + at, base + at + name.len()));
            }
        }
        close + 3
    };
    rest = &rest[names_in(rest, &mut names)..];
    let mut abstaining = 0;
    if let Ok((after, (_, count, _, _))) = (
        alt((
            tag::<&str, &str, nom::error::Error<&str>>(", with "),
            tag(" with "),
        )),
        number,
        char(' '),
        alt((tag("abstentions"), tag("abstention"))),
    )
        .parse(rest)
    {
        abstaining = count;
        rest = after;
        rest = &rest[names_in(rest, &mut names)..];
    }
    Ok((rest, (in_favour, against, abstaining, names)))
}

/// "at the 1382nd meeting", "at its 58th meeting", "at the 3rd plenary
/// meeting": the span of the meeting name relative to `input`.
fn meeting(input: &str) -> IResult<&str, (usize, usize)> {
    let (rest, _) = (tag("at "), alt((tag("the "), tag("its ")))).parse(input)?;
    let start = input.len() - rest.len();
    let (after, _) = recognize((
        ordinal_number,
        space1,
        opt((tag("(resumed)"), space1)),
        opt((tag("plenary"), space1)),
        tag("meeting"),
    ))
    .parse(rest)?;
    Ok((after, (start, input.len() - after.len())))
}

/// Parses an adoption line (without its surrounding brackets).
pub fn adoption(text: &str) -> Adoption {
    let mut found = Adoption::default();
    let sentence_end = text
        .match_indices(". ")
        .map(|(i, _)| i + 1)
        .next()
        .unwrap_or(text.len());
    found.sentence = (0, sentence_end);
    let sentence = &text[..sentence_end];
    let mut unanimous = false;
    let mut without_vote = false;
    let mut recorded = None;
    let mut at = 0;
    while at < sentence.len() {
        let rest = &sentence[at..];
        if rest.starts_with("without a vote") || rest.starts_with("without vote") {
            without_vote = true;
        } else if rest.starts_with("unanimously") {
            unanimous = true;
        } else if let Ok((after, (span_start, span_end))) = meeting(rest) {
            found.meeting = Some((at + span_start, at + span_end));
            at = sentence.len() - after.len();
            continue;
        } else if let Ok((after, (f, a, ab, names))) = counts(rest) {
            recorded = Some(Vote::Recorded {
                in_favour: f,
                against: a,
                abstaining: ab,
            });
            found
                .voters
                .extend(names.into_iter().map(|(s, e)| (at + s, at + e)));
            at = sentence.len() - after.len();
            continue;
        }
        at += rest.chars().next().map_or(1, char::len_utf8);
    }
    found.vote = recorded.or(if without_vote {
        Some(Vote::WithoutVote)
    } else if unanimous {
        Some(Vote::Unanimous)
    } else {
        None
    });
    found
}

/// The side each voter span of `text` is on: the last side heading before
/// it, or `carried` (the side whose list goes on from an earlier block).
/// Also returns the side in force at the end of `text`.
pub fn sides(
    text: &str,
    carried: Option<Side>,
    spans: &[(usize, usize)],
) -> (Vec<Option<Side>>, Option<Side>) {
    let mut headings = Vec::new();
    let mut at = 0;
    while at < text.len() {
        if let Ok((after, side)) = side_heading(&text[at..]) {
            headings.push((at, side));
            at = text.len() - after.len();
            continue;
        }
        at += text[at..].chars().next().map_or(1, char::len_utf8);
    }
    let side_at = |offset: usize| {
        headings
            .iter()
            .rev()
            .find(|(h, _)| *h < offset)
            .map(|(_, side)| *side)
            .or(carried)
    };
    let found = spans.iter().map(|(start, _)| side_at(*start)).collect();
    (found, side_at(text.len()))
}

/// "In favour:", "Against:", "Abstaining:" at the start of `input`.
pub fn side_heading(input: &str) -> IResult<&str, Side> {
    alt((
        value(Side::InFavour, tag_no_case("In favour:")),
        value(Side::InFavour, tag_no_case("In favor:")),
        value(Side::Against, tag_no_case("Against:")),
        value(Side::Abstaining, tag_no_case("Abstaining:")),
        value(Side::Abstaining, tag_no_case("Abstentions:")),
    ))
    .parse(input)
}

/// Spans of voters' names in `text` after vote side headings: names follow
/// "In favour:"/"Against:"/"Abstaining:" (in this text, or — when
/// `listing` — from its start), separated by commas and a final "and".
pub fn voters(text: &str, mut listing: bool) -> (Vec<(usize, usize)>, bool) {
    let mut spans = Vec::new();
    let mut at = 0;
    let mut segment_start = if listing { Some(0) } else { None };
    let finish = |start: usize, end: usize, spans: &mut Vec<(usize, usize)>| {
        let segment = &text[start..end];
        let trimmed = segment.trim_end_matches([']', '.', ' ', '\n']);
        let mut from = 0;
        for name in split_names(trimmed) {
            if let Some(found) = trimmed[from..].find(name) {
                let s = start + from + found;
                spans.push((s, s + name.len()));
                from += found + name.len();
            }
        }
    };
    while at < text.len() {
        if let Ok((after, _)) = side_heading(&text[at..]) {
            if let Some(start) = segment_start {
                finish(start, at, &mut spans);
            }
            at = text.len() - after.len();
            segment_start = Some(at);
            listing = true;
            continue;
        }
        at += text[at..].chars().next().map_or(1, char::len_utf8);
    }
    if let Some(start) = segment_start {
        finish(start, text.len(), &mut spans);
    }
    // The list ends with the closing bracket.
    if text.trim_end().ends_with(']') {
        listing = false;
    }
    spans.retain(|(s, e)| {
        let name = &text[*s..*e];
        !name.is_empty() && name.starts_with(|c: char| c.is_uppercase()) && name.len() < 80
    });
    (spans, listing)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn generated_recorded_votes_round_trip(f in 0u32..200, a in 0u32..200, ab in 0u32..200, bracket in any::<bool>()) {
            let text = format!("Adopted by a recorded vote of {f} to {a}, with {ab} abstentions. The voting was as follows:");
            let text = if bracket { format!("{text} In favour: Chile]") } else { text };
            let found = adoption(&text);
            prop_assert_eq!(found.vote, Some(Vote::Recorded { in_favour: f, against: a, abstaining: ab }));
        }

        #[test]
        fn generated_security_council_votes_round_trip(f in 0u32..16, a in 0u32..16, ab in 0u32..16, meeting in 1u32..9999) {
            let text = format!("Adopted at the {meeting}th meeting by {f} votes to {a} (Cuba), with {ab} abstentions (China).");
            let found = adoption(&text);
            prop_assert_eq!(found.vote, Some(Vote::Recorded { in_favour: f, against: a, abstaining: ab }));
            let (start, end) = found.meeting.unwrap();
            prop_assert_eq!(&text[start..end], format!("{meeting}th meeting"));
            prop_assert_eq!(found.voters.len(), 2);
        }
    }

    fn spans<'a>(text: &'a str, spans: &[(usize, usize)]) -> Vec<&'a str> {
        spans.iter().map(|(s, e)| &text[*s..*e]).collect()
    }

    #[test]
    fn without_vote_and_recorded_vote() {
        assert_eq!(
            adoption("Adopted without a vote.").vote,
            Some(Vote::WithoutVote)
        );
        let text = "Adopted by a recorded vote of 23 to 17, with 7 abstentions. The voting was as follows:";
        let found = adoption(text);
        assert_eq!(
            found.vote,
            Some(Vote::Recorded {
                in_favour: 23,
                against: 17,
                abstaining: 7
            })
        );
        assert_eq!(
            &text[found.sentence.0..found.sentence.1],
            "Adopted by a recorded vote of 23 to 17, with 7 abstentions."
        );
    }

    #[test]
    fn security_council_forms() {
        let text = "Adopted unanimously at the 1382nd meeting.";
        let found = adoption(text);
        assert_eq!(found.vote, Some(Vote::Unanimous));
        assert_eq!(spans(text, &[found.meeting.unwrap()]), ["1382nd meeting"]);

        let text = "Adopted at the 2963rd meeting by 12 votes to 2 (Cuba and Yemen), with 1 abstention (China).";
        let found = adoption(text);
        assert_eq!(
            found.vote,
            Some(Vote::Recorded {
                in_favour: 12,
                against: 2,
                abstaining: 1
            })
        );
        assert_eq!(spans(text, &[found.meeting.unwrap()]), ["2963rd meeting"]);
        assert_eq!(spans(text, &found.voters), ["Cuba", "Yemen", "China"]);
    }

    #[test]
    fn security_council_votes_of_every_era() {
        let text = "Adopted at the 312th meeting by 8 votes to none, with 3 abstentions (China, Ukrainian Soviet Socialist Republic, Union of Soviet Socialist Republics).";
        let found = adoption(text);
        assert_eq!(
            found.vote,
            Some(Vote::Recorded {
                in_favour: 8,
                against: 0,
                abstaining: 3
            })
        );
        assert_eq!(found.voters.len(), 3);
        let text = "Adopted at the 707th meeting by 4 votes to 1 (Union of Soviet Socialist Republics) with 1 abstention (France)";
        assert_eq!(
            adoption(text).vote,
            Some(Vote::Recorded {
                in_favour: 4,
                against: 1,
                abstaining: 1
            })
        );
        let text = "Adopted at the 1975th meeting by 12 votes to none.";
        assert_eq!(
            adoption(text).vote,
            Some(Vote::Recorded {
                in_favour: 12,
                against: 0,
                abstaining: 0
            })
        );
    }

    #[test]
    fn voters_sides() {
        let text = "In favour: Chile, Peru Against: Japan Abstaining: Mali]";
        let (spans, _) = voters(text, false);
        let (found, last) = sides(text, None, &spans);
        assert_eq!(
            found,
            [
                Some(Side::InFavour),
                Some(Side::InFavour),
                Some(Side::Against),
                Some(Side::Abstaining)
            ]
        );
        assert_eq!(last, Some(Side::Abstaining));
        let (found, _) = sides("Chile", Some(Side::Against), &[(0, 5)]);
        assert_eq!(found, [Some(Side::Against)]);
    }

    #[test]
    fn voter_lists() {
        let (found, listing) = voters("In favour:", false);
        assert!(found.is_empty() && listing);
        let text = "Cameroon, China, Côte d’Ivoire, Sudan and United Arab Emirates";
        let (found, listing) = voters(text, true);
        assert_eq!(
            spans(text, &found),
            [
                "Cameroon",
                "China",
                "Côte d’Ivoire",
                "Sudan",
                "United Arab Emirates"
            ]
        );
        assert!(listing);
        let text = "Abstaining: Armenia, Benin and Uzbekistan]";
        let (found, listing) = voters(text, false);
        assert_eq!(spans(text, &found), ["Armenia", "Benin", "Uzbekistan"]);
        assert!(!listing);
    }
}
