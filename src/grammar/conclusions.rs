//! The conclusions and the vote: the meeting and date lines after the operative
//! part, the adoption line ("[Adopted without a vote.]", "Adopted by a recorded
//! vote of …") with its vote and voters. Takes the text of one block, gives
//! `<conclusions>` lines, the [`Meeting`] and the [`Vote`](crate::model::Vote).

use nom::bytes::complete::tag;
use nom::character::complete::space1;
use nom::combinator::{opt, recognize};
use nom::{IResult, Parser};

use super::inline::push;
use super::{date, excerpt, masthead, push_all, unwrap_emphasis, vote, DocumentParser, Phase};
use crate::error::Position;
use crate::model::{DateRole, Inline, Meeting, Organization, Vote};

/// "58th meeting", "3rd plenary meeting", "69th (resumed) plenary meeting".
pub(super) fn meeting_line(input: &str) -> IResult<&str, &str> {
    if let Some(len) = crate::lang::meeting_line(input) {
        return Ok((&input[len..], &input[..len]));
    }
    recognize((
        masthead::ordinal_number,
        space1,
        opt((tag("(resumed)"), space1)),
        opt((tag("plenary"), space1)),
        tag("meeting"),
    ))
    .parse(input)
}

pub(super) fn is_adoption_line(text: &str) -> bool {
    let inner = text.trim_start_matches('[');
    inner.starts_with("Adopted ") || inner.starts_with("Adopted,")
}

impl DocumentParser {
    pub(super) fn is_conclusion(&self, text: &str) -> bool {
        let (inner, _) = unwrap_emphasis(text);
        (self.phase >= Phase::Preamble || !self.paragraphs.is_empty())
            && (meeting_line(inner).is_ok() || is_adoption_line(inner))
            || (self.preamble.closing_formula.is_some() && is_testimonium(inner))
    }

    pub(super) fn conclusion(&mut self, text: &str, position: Position) {
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
            let mut content = vec![Inline::Event(meeting.into())];
            self.meeting = Some(Meeting {
                name: meeting.into(),
            });
            let date_text = rest.trim_start_matches([' ', '\n', ',']);
            match date::date(date_text) {
                Ok((after, date)) if after.trim().is_empty() => {
                    // "47th plenary meeting" ⏎ "4 December 2024": the two
                    // lines, however the text joined them, as the spec
                    // writes them (`</event><eol/><docDate …>`, §8).
                    let separator = &rest[..rest.len() - date_text.len()];
                    if separator.trim().is_empty() {
                        content.push(Inline::Eol);
                    } else {
                        content.extend(self.inlines(separator));
                    }
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
            self.count_voters(text, &spans);
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
    pub(super) fn adoption(&mut self, text: &str) {
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
        let outcome = found.vote.as_ref().map(Vote::outcome);
        let events: Vec<(usize, usize)> = meeting.into_iter().collect();
        let adoption_type = self.annotated(sentence, &events, &found.voters);
        let mut content = Vec::new();
        if bracketed {
            content.push(Inline::text("["));
        }
        content.push(Inline::AdoptionType {
            outcome,
            content: adoption_type,
        });
        let rest = &inner[sentence_end..];
        let (spans, listing) = vote::voters(rest, false);
        self.listing_voters = listing && !closed;
        self.vote_side = None;
        self.count_voters(rest, &spans);
        push_all(&mut content, self.annotated(rest, &[], &spans));
        if closed {
            push(&mut content, Inline::text("]"));
        }
        self.conclusions.push(content);
    }

    /// Inline content of `text` with the meeting spans as `<event>` and the
    /// voter spans as `<organization>` (each State a TLCOrganization).
    pub(super) fn annotated(
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
                content.push(Inline::Event(printed.into()));
            } else {
                content.push(Inline::Organization(printed.into()));
                self.add_organization(Organization::State(printed.into()));
            }
            at = end;
        }
        push_all(&mut content, self.inlines(&text[at..]));
        content
    }
}

/// "In witness whereof, the undersigned … have signed this Convention.",
/// "En foi de quoi …", "En testimonio de lo cual …", "В удостоверение чего
/// …": the clause that ends a convention, before its signatures (and "Done
/// at …"). It and what follows are the convention's conclusions.
fn is_testimonium(text: &str) -> bool {
    [
        "In witness whereof",
        "IN WITNESS WHEREOF",
        "In faith whereof",
        "En foi de quoi",
        "EN FOI DE QUOI",
        "En testimonio de lo cual",
        "EN TESTIMONIO DE LO CUAL",
        "В удостоверение чего",
    ]
    .iter()
    .any(|words| text.starts_with(words))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeting_lines() {
        assert_eq!(
            meeting_line("58th meeting\n1 April 2022"),
            Ok(("\n1 April 2022", "58th meeting"))
        );
        assert!(meeting_line("69th (resumed) plenary meeting").is_ok());
    }
}
