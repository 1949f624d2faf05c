//! The UN's lead phrases: "*Recalling further*", "*Strongly condemns*".
//!
//! Every preambular and operative paragraph of a UN resolution opens with a
//! phrase printed in italics (UN Editorial Manual). Where the input kept the
//! italics, the grammar takes them as given; where it lost them (text
//! extracted from PDF), or italicised a whole paragraph, this lexicon finds
//! the lead phrase: an optional adverb ("Also", "Further", "Strongly"), a known
//! phrase, and optional modifiers ("also", "further", "with satisfaction").

use std::sync::LazyLock;

/// Which part of the resolution a paragraph belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Preambular paragraphs ("Recalling", "Deeply concerned").
    Preamble,
    /// Operative paragraphs ("Decides", "Calls upon").
    Operative,
}

/// Adverbs that may stand before the phrase ("*Also strongly condemns*",
/// "*Deeply concerned*" is listed whole).
const ADVERBS: &[&str] = &[
    "Also",
    "Further",
    "Furthermore",
    "Again",
    "Once again",
    "Strongly",
    "Firmly",
    "Urgently",
    "Emphatically",
    "Vigorously",
    "Solemnly",
    "Unequivocally",
    "Resolutely",
    "Again strongly",
    "also",
    "further",
    "strongly",
    "again",
    "once again",
    "firmly",
    "urgently",
    "once more",
    "Once more",
    "Most",
    "most",
    "Unreservedly",
    "Ever",
    "unreservedly",
    "ever",
];

/// Preambular lead phrases (participles and adjectives), capitalised.
const PREAMBULAR: &[&str] = &[
    "Acknowledging",
    "Acting",
    "Affirming",
    "Alarmed",
    "Anxious",
    "Appreciating",
    "Approving",
    "Aware",
    "Bearing in mind",
    "Being aware",
    "Being convinced",
    "Believing",
    "Calling",
    "Calling upon",
    "Calling on",
    "Cognizant",
    "Commending",
    "Concerned",
    "Condemning",
    "Confident",
    "Conscious",
    "Considering",
    "Convinced",
    "Deeply alarmed",
    "Deeply concerned",
    "Deeply convinced",
    "Deeply disturbed",
    "Deeply regretting",
    "Deeply deploring",
    "Deeply appreciative",
    "Deeply shocked",
    "Deeply troubled",
    "Deploring",
    "Desiring",
    "Desirous",
    "Determined",
    "Determining",
    "Demanding",
    "Dismayed",
    "Distressed",
    "Disturbed",
    "Emphasizing",
    "Emphasising",
    "Encouraged",
    "Encouraging",
    "Endorsing",
    "Expecting",
    "Expressing",
    "Expressing its appreciation",
    "Expressing its deep appreciation",
    "Expressing its concern",
    "Expressing its deep concern",
    "Expressing its grave concern",
    "Expressing its serious concern",
    "Expressing its gratitude",
    "Expressing its satisfaction",
    "Expressing its support",
    "Expressing its solidarity",
    "Expressing its regret",
    "Expressing appreciation",
    "Expressing concern",
    "Expressing deep concern",
    "Expressing grave concern",
    "Expressing serious concern",
    "Expressing gratitude",
    "Expressing satisfaction",
    "Expressing support",
    "Fully aware",
    "Fully convinced",
    "Fully recognizing",
    "Fully supporting",
    "Gravely concerned",
    "Greatly concerned",
    "Guided by",
    "Having adopted",
    "Having considered",
    "Having examined",
    "Having heard",
    "Having received",
    "Having reviewed",
    "Having studied",
    "Having decided",
    "Having regard to",
    "Highlighting",
    "Hoping",
    "Keeping in mind",
    "Looking forward",
    "Mindful",
    "Noting",
    "Observing",
    "Pointing out",
    "Profoundly concerned",
    "Reaffirming",
    "Realizing",
    "Recalling",
    "Recognizing",
    "Recognising",
    "Referring",
    "Regretting",
    "Reiterating",
    "Remaining concerned",
    "Remaining deeply concerned",
    "Remaining convinced",
    "Remaining committed",
    "Reminding",
    "Resolved",
    "Seeking",
    "Seized",
    "Seriously concerned",
    "Sharing",
    "Stressing",
    "Strongly condemning",
    "Supporting",
    "Taking into account",
    "Taking into consideration",
    "Taking note",
    "Therefore",
    "Troubled",
    "Underlining",
    "Underscoring",
    "Urging",
    "Viewing",
    "Viewing with appreciation",
    "Welcoming",
    "Wishing",
    "Underlining",
    "Bearing in mind also",
    "By Article",
];

/// Operative lead verbs, capitalised.
const OPERATIVE: &[&str] = &[
    "Accepts",
    "Acknowledges",
    "Adopts",
    "Affirms",
    "Agrees",
    "Appeals",
    "Appoints",
    "Approves",
    "Asks",
    "Assures",
    "Authorizes",
    "Calls for",
    "Calls on",
    "Calls upon",
    "Commends",
    "Concurs",
    "Condemns",
    "Confirms",
    "Congratulates",
    "Considers",
    "Decides",
    "Declares",
    "Deems",
    "Demands",
    "Deplores",
    "Designates",
    "Directs",
    "Draws attention",
    "Elects",
    "Emphasizes",
    "Emphasises",
    "Encourages",
    "Endorses",
    "Establishes",
    "Exhorts",
    "Expresses",
    "Expresses its appreciation",
    "Expresses its deep appreciation",
    "Expresses its concern",
    "Expresses its deep concern",
    "Expresses its grave concern",
    "Expresses its serious concern",
    "Expresses its gratitude",
    "Expresses its satisfaction",
    "Expresses its support",
    "Expresses its solidarity",
    "Expresses its regret",
    "Expresses its hope",
    "Expresses appreciation",
    "Expresses concern",
    "Expresses deep concern",
    "Expresses grave concern",
    "Expresses serious concern",
    "Expresses gratitude",
    "Expresses the hope",
    "Extends",
    "Highlights",
    "Insists",
    "Instructs",
    "Invites",
    "Is convinced",
    "Looks forward",
    "Notes",
    "Observes",
    "Pays tribute",
    "Proclaims",
    "Reaffirms",
    "Recalls",
    "Recognizes",
    "Recognises",
    "Recommends",
    "Regrets",
    "Reiterates",
    "Reminds",
    "Renews",
    "Repeats",
    "Requests",
    "Requires",
    "Resolves",
    "Salutes",
    "Stresses",
    "Strongly condemns",
    "Strongly encourages",
    "Strongly urges",
    "Strongly supports",
    "Supports",
    "Takes note",
    "Thanks",
    "Trusts",
    "Underlines",
    "Underscores",
    "Urges",
    "Welcomes",
    "Wishes",
    "Emphatically",
];

/// Modifiers that may follow the phrase ("*Recalling further*",
/// "*Taking note with satisfaction*"), tried longest first.
const MODIFIERS: &[&str] = &[
    "also",
    "further",
    "furthermore",
    "moreover",
    "again",
    "in particular",
    "with deep concern",
    "with grave concern",
    "with serious concern",
    "with great concern",
    "with concern",
    "with deep appreciation",
    "with great appreciation",
    "with appreciation",
    "with satisfaction",
    "with great satisfaction",
    "with deep satisfaction",
    "with interest",
    "with regret",
    "with deep regret",
    "with alarm",
    "with grave alarm",
    "with gratitude",
    "with approval",
    "with profound concern",
];

/// A phrase list grouped by first byte (ASCII case folded), so that a lookup
/// compares only the phrases that can match; built once per list.
struct Lexicon {
    /// The phrases, ordered by folded first byte.
    phrases: Vec<&'static str>,
    /// Per folded first byte, the range of its phrases in `phrases`.
    ranges: [(u16, u16); 256],
}

impl Lexicon {
    fn new(list: &[&'static str]) -> Lexicon {
        let folded_first = |p: &str| p.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
        let mut phrases = list.to_vec();
        phrases.sort_by_key(|p| folded_first(p));
        let mut ranges = [(0, 0); 256];
        for (index, phrase) in phrases.iter().enumerate() {
            let index = u16::try_from(index).expect("a lexicon is short");
            let range = &mut ranges[usize::from(folded_first(phrase))];
            if range.0 == range.1 {
                *range = (index, index);
            }
            range.1 = index + 1;
        }
        Lexicon { phrases, ranges }
    }

    /// The phrases whose first byte is `first`, in either ASCII case.
    fn starting_with(&self, first: u8) -> &[&'static str] {
        let (start, end) = self.ranges[usize::from(first.to_ascii_lowercase())];
        &self.phrases[usize::from(start)..usize::from(end)]
    }
}

static ADVERB_LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(ADVERBS));
static PREAMBULAR_LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(PREAMBULAR));
static OPERATIVE_LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(OPERATIVE));
static MODIFIER_LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(MODIFIERS));

/// The length in bytes of the lead phrase `text` starts with, if it starts
/// with one of the lexicon's phrases (at a word boundary).
pub fn lead_len(text: &str, part: Part) -> Option<usize> {
    let language = crate::lang::current();
    if language != crate::lang::Language::English {
        return crate::lang::lexicon::lead_len(text, part, language);
    }
    let phrases: &Lexicon = match part {
        Part::Preamble => &PREAMBULAR_LEXICON,
        Part::Operative => &OPERATIVE_LEXICON,
    };
    let mut at = 0;
    // Adverbs first: "Also strongly", "Further".
    while let Some(len) = longest_match(&text[at..], &ADVERB_LEXICON) {
        let after = skip_space(&text[at + len..]);
        if longest_match_ci(after, phrases).is_none()
            && longest_match_ci(after, &ADVERB_LEXICON).is_none()
        {
            break;
        }
        at = text.len() - after.len();
    }
    let len = longest_match(&text[at..], phrases)
        .or_else(|| longest_match_ci(&text[at..], phrases).filter(|_| at > 0))?;
    let mut end = at + len;
    loop {
        let after = skip_space(&text[end..]);
        match longest_match(after, &MODIFIER_LEXICON) {
            Some(len) => end = text.len() - after.len() + len,
            None => break,
        }
    }
    Some(end)
}

pub use crate::model::camel_case;

fn skip_space(text: &str) -> &str {
    text.trim_start_matches([' ', '\u{a0}'])
}

fn at_word_end(rest: &str) -> bool {
    !rest.starts_with(|c: char| c.is_alphanumeric() || c == '-')
}

fn longest_match(text: &str, lexicon: &Lexicon) -> Option<usize> {
    let first = *text.as_bytes().first()?;
    lexicon
        .starting_with(first)
        .iter()
        .filter(|p| text.starts_with(**p) && at_word_end(&text[p.len()..]))
        .map(|p| p.len())
        .max()
}

fn longest_match_ci(text: &str, lexicon: &Lexicon) -> Option<usize> {
    let first = *text.as_bytes().first()?;
    lexicon
        .starting_with(first)
        .iter()
        .filter(|p| {
            text.len() >= p.len()
                && text.is_char_boundary(p.len())
                && text[..p.len()].eq_ignore_ascii_case(p)
                && at_word_end(&text[p.len()..])
        })
        .map(|p| p.len())
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lead(text: &str, part: Part) -> Option<&str> {
        lead_len(text, part).map(|len| &text[..len])
    }

    #[test]
    fn every_phrase_is_found_through_its_index() {
        for (list, lexicon) in [
            (ADVERBS, &*ADVERB_LEXICON),
            (PREAMBULAR, &*PREAMBULAR_LEXICON),
            (OPERATIVE, &*OPERATIVE_LEXICON),
            (MODIFIERS, &*MODIFIER_LEXICON),
        ] {
            assert_eq!(lexicon.phrases.len(), list.len());
            for phrase in list {
                let text = format!("{phrase} and so on");
                assert_eq!(
                    longest_match(&text, lexicon),
                    Some(phrase.len()),
                    "{phrase}"
                );
                let shouted = text.to_ascii_uppercase();
                assert_eq!(
                    longest_match_ci(&shouted, lexicon),
                    Some(phrase.len()),
                    "{phrase}"
                );
            }
        }
    }

    #[test]
    fn preambular_leads() {
        let p = Part::Preamble;
        assert_eq!(
            lead("Guided by the purposes and principles", p),
            Some("Guided by")
        );
        assert_eq!(
            lead("Recalling further its resolutions", p),
            Some("Recalling further")
        );
        assert_eq!(
            lead("Taking note with satisfaction of the report", p),
            Some("Taking note with satisfaction")
        );
        assert_eq!(
            lead("Noting also with satisfaction the adoption", p),
            Some("Noting also with satisfaction")
        );
        assert_eq!(
            lead("Remaining concerned also about", p),
            Some("Remaining concerned also")
        );
        assert_eq!(
            lead("Expressing its appreciation to", p),
            Some("Expressing its appreciation")
        );
        assert_eq!(lead("Recallings are not leads", p), None);
        assert_eq!(lead("The Human Rights Council,", p), None);
    }

    #[test]
    fn operative_leads() {
        let o = Part::Operative;
        assert_eq!(
            lead("Also strongly condemns human rights", o),
            Some("Also strongly condemns")
        );
        assert_eq!(lead("Decides to remain seized", o), Some("Decides"));
        assert_eq!(lead("Calls upon all parties", o), Some("Calls upon"));
        assert_eq!(
            lead("Further requests the Secretary-General", o),
            Some("Further requests")
        );
        assert_eq!(lead("Recalls in this regard that", o), Some("Recalls"));
        assert_eq!(lead("Also", o), None);
    }

    #[test]
    fn camel_case_names() {
        assert_eq!(camel_case("Recalling further"), "recallingFurther");
        assert_eq!(
            camel_case("Taking note with satisfaction"),
            "takingNoteWithSatisfaction"
        );
        assert_eq!(camel_case("Guided by"), "guidedBy");
        assert_eq!(camel_case("Calling upon"), "callingUpon");
        assert_eq!(camel_case("…"), "paragraph");
        assert_eq!(camel_case("Côte d’Ivoire"), "coteDIvoire");
        assert_eq!(camel_case("Türkiye"), "turkiye");
    }
}
