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
    "Honouring",
    "Having noted",
    "Having listened",
    "Having also considered",
    "Having also examined",
    "Calling for",
    "Being gravely concerned",
    "Being deeply concerned",
    "Renewing",
    "Praising",
    "Inviting",
    "Confirming",
    "Commemorating",
    "Recommitting",
    "Disappointed",
    "Deeply disappointed",
    "Expressing the view",
    "Re-emphasizing",
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
    "Appreciates",
    "Recommits",
    "Appropriates",
    "Re-emphasizes",
    "Rejects",
    "Respects",
    "Determines",
    "Commits",
    "Takes into account",
    "Calls",
    "Calls attention",
    "Draws the attention",
    "Continues to encourage",
    "Continues to be concerned",
    "Remains concerned",
    "Remains deeply concerned",
    "Suggests",
    "Refers",
    "Applauds",
    "Proposes",
    "Strives",
    "Raises awareness",
    "Objects",
    "Expresses the view",
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
    "with increasing concern",
    "with particular interest",
    "once again",
    "once more",
    "in the strongest possible terms",
    "in the strongest terms",
    "without reservation",
    "unequivocally",
    "firmly",
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

/// Whether `text` starts with a lead phrase of the lexicon, preambular or
/// operative.
pub fn has_lead(text: &str) -> bool {
    lead_len(text, Part::Preamble).is_some() || lead_len(text, Part::Operative).is_some()
}

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
    let phrase = &text[at..at + len];
    let expresses = phrase
        .get(..7)
        .is_some_and(|start| start.eq_ignore_ascii_case("express"));
    let mut end = with_modifiers(text, at + len, part);
    // "Calls once again upon": the preposition after the modifier.
    let calls = phrase.eq_ignore_ascii_case("calls") || phrase.eq_ignore_ascii_case("calling");
    if end > at + len && calls {
        let after = skip_space(&text[end..]);
        if let Some(preposition) = ["upon", "for", "on"]
            .iter()
            .find(|p| after.starts_with(**p) && at_word_end(&after[p.len()..]))
        {
            end = text.len() - after.len() + preposition.len();
        }
    }
    // "Reiterates its request", "Expressing profound regret".
    if let Some(len) = object_len(&text[end..], expresses) {
        end = with_modifiers(text, end + len, part);
    }
    // "Welcomes and encourages", "Recalls and reiterates": two leads, one
    // italic phrase.
    let after = skip_space(&text[end..]);
    if let Some(second) = after.strip_prefix("and ").map(skip_space) {
        let second_at = text.len() - second.len();
        if let Some(len) = longest_match_ci(second, phrases) {
            end = with_modifiers(text, second_at + len, part);
        } else if let Some(len) = object_len(second, true).filter(|_| {
            // "its invitation and encouragement": a second object.
            text[..end].contains(" its ")
        }) {
            end = second_at + len;
        }
    }
    Some(end)
}

/// A lead phrase the lexicon lacks, guessed from its form (English only):
/// in the preamble a participle ("*Galvanized* by …", "*Heartened* …"), in
/// the operative part a verb in the third person ("*Commissions* …"), each
/// after optional adverbs ("*Deeply disappointed*", "*Strongly objects*"),
/// with the modifiers and object a known lead takes. Only for styling a
/// paragraph whose place is already decided: the structure never rests on a
/// guess. In the UN's English files, 8,266 numbered paragraphs start with a
/// capitalised word in "-s" and 6,110 recitals with one in "-ing" or "-ed"
/// that are the italic lead; 7 are not ("States should …", "Entities of …").
pub fn guessed_len(text: &str, part: Part) -> Option<usize> {
    if crate::lang::current() != crate::lang::Language::English {
        return None;
    }
    fn word(text: &str) -> &str {
        let end = text
            .find(|c: char| !(c.is_alphabetic() || c == '-'))
            .unwrap_or(text.len());
        &text[..end]
    }
    let mut at = 0;
    loop {
        let first = word(&text[at..]);
        let adverb = longest_match_ci(&text[at..], &ADVERB_LEXICON)
            .is_some_and(|len| len == first.len())
            || (first.len() > 4 && first.ends_with("ly"));
        let rest = &text[at + first.len()..];
        if !adverb || !rest.starts_with(' ') {
            break;
        }
        at = text.len() - skip_space(rest).len();
    }
    let verb = word(&text[at..]);
    let rest = &text[at + verb.len()..];
    let capital = text.starts_with(char::is_uppercase);
    // The word after the lead's modifiers ("Mindful also of"), or after an
    // aside set off by commas ("Mindful, in that connection, that").
    let modified = with_modifiers(text, at + verb.len(), part);
    let next = word(skip_space(&text[modified..]));
    let after_aside = rest
        .strip_prefix(", ")
        .and_then(|aside| aside.split_once(", "))
        .map_or("", |(_, after)| word(after));
    // "Mindful of", "Aware that": an adjective opening a recital, the UN's
    // italic lead in 169 of 171 such recitals (2 add "of").
    // ("States of the region": a plural noun; "Conscious of" is no plural.)
    let plural = verb.ends_with('s') && !verb.ends_with("ous");
    let adjective = part == Part::Preamble
        && verb.len() > 3
        && !plural
        && [next, after_aside]
            .iter()
            .any(|word| matches!(*word, "of" | "that"));
    let formed = adjective
        || match part {
            Part::Preamble => verb.len() > 4 && (verb.ends_with("ing") || verb.ends_with("ed")),
            Part::Operative => {
                verb.len() > 3
                    && verb.ends_with('s')
                    && !["ss", "us", "is"].iter().any(|end| verb.ends_with(end))
                    && !NOT_VERBS.contains(&verb)
            }
        };
    let spaced = rest.starts_with(' ') || rest.starts_with(", ");
    if !capital || !formed || !spaced || !adjective && AUXILIARIES.contains(&next) {
        return None;
    }
    let mut end = modified;
    if let Some(len) = object_len(&text[end..], false) {
        end = with_modifiers(text, end + len, part);
    }
    Some(end)
}

/// Whether `text` opens with a recital's lead guessed from its form
/// ([`guessed_len`]) and followed, as a lead is and a name is not, by a word
/// in lower case, past a conjunction: "Reaffirming also that …", not
/// "United Nations system entities …", "Federated States of …" nor
/// "Stockpiling and Use of Chemical Weapons …".
pub fn guessed_recital(text: &str) -> bool {
    guessed_len(text, Part::Preamble).is_some_and(|len| {
        let sequel = text[len..].trim_start();
        let sequel = ["and ", "or "]
            .iter()
            .find_map(|conjunction| sequel.strip_prefix(conjunction))
            .unwrap_or(sequel);
        sequel.starts_with(char::is_lowercase)
    })
}

/// Plural nouns that may open an operative paragraph ("States should …").
const NOT_VERBS: &[&str] = &[
    "States",
    "Parties",
    "Governments",
    "Members",
    "Entities",
    "Disputes",
];

/// Words after a noun, never after a lead verb ("Entities *of*", "States
/// *should*").
const AUXILIARIES: &[&str] = &[
    "should", "shall", "are", "were", "may", "might", "will", "would", "must", "can", "could",
    "have", "of", "which", "who",
];

/// `end` moved past the modifiers that follow it ("also", "with concern").
/// "further" is one only in the preamble: the UN prints "*Recalling
/// further*" but "*Encourages* further" (12 of 12 in its English files).
fn with_modifiers(text: &str, mut end: usize, part: Part) -> usize {
    loop {
        let after = skip_space(&text[end..]);
        match longest_match(after, &MODIFIER_LEXICON) {
            Some(len) if part == Part::Operative && after[..len].starts_with("further") => {
                return end
            }
            Some(len) => end = text.len() - after.len() + len,
            None => return end,
        }
    }
}

/// Nouns of a stance that the UN prints inside the lead phrase after "its"
/// ("*Reiterates its request* to …", "*Expresses its deep appreciation*
/// for …"); in the UN's English files these are italic with the verb in 98 %
/// ("appreciation") to 63 % ("commitment") of their uses, while "its
/// resolution", "its decision" or "its role" never are.
const OBJECTS: &[&str] = &[
    "alarm",
    "appeal",
    "appreciation",
    "approval",
    "belief",
    "call",
    "commitment",
    "concern",
    "concerns",
    "condemnation",
    "conviction",
    "demand",
    "determination",
    "encouragement",
    "endorsement",
    "gratitude",
    "invitation",
    "opposition",
    "recognition",
    "regret",
    "resolve",
    "request",
    "satisfaction",
    "solidarity",
    "support",
];

/// Words of degree before such a noun ("its *deep* concern", "its *full*
/// support").
const QUALIFIERS: &[&str] = &[
    "continued",
    "continuing",
    "deep",
    "deepest",
    "firm",
    "full",
    "grave",
    "gravest",
    "great",
    "heartfelt",
    "particular",
    "profound",
    "serious",
    "sincere",
    "steadfast",
    "strong",
    "strongest",
    "unequivocal",
    "unwavering",
    "utmost",
    "very",
    "warm",
];

/// The length of "its [qualifiers] NOUN" (or, after "Expresses", the same
/// without "its") at the start of `after`, with "upon"/"for" after "call"
/// ("*Reiterates its call upon*"); `None` where it does not start so.
fn object_len(after: &str, its_optional: bool) -> Option<usize> {
    fn next_word(text: &str) -> (&str, &str) {
        let text = skip_space(text);
        let end = text
            .find(|c: char| !(c.is_alphanumeric() || c == '-'))
            .unwrap_or(text.len());
        (&text[..end], &text[end..])
    }
    let (mut word, mut rest) = next_word(after);
    if word == "its" {
        (word, rest) = next_word(rest);
    } else if !its_optional {
        return None;
    }
    while QUALIFIERS.contains(&word) {
        (word, rest) = next_word(rest);
    }
    if !OBJECTS.contains(&word) {
        return None;
    }
    if word == "call" {
        let (preposition, after_preposition) = next_word(rest);
        if matches!(preposition, "upon" | "for" | "on") {
            rest = after_preposition;
        }
    }
    Some(after.len() - rest.len())
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
        // The spec's skeleton: "<i>Guided by</i>" (the UN's files print
        // "*Guided* by", a quirk the spec decides).
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
    fn a_lead_takes_its_object_a_second_lead_and_the_preposition_of_a_call() {
        let (o, p) = (Part::Operative, Part::Preamble);
        assert_eq!(
            lead("Reiterates its request to the Secretary-General", o),
            Some("Reiterates its request")
        );
        assert_eq!(
            lead("Reaffirming its unwavering commitment to", p),
            Some("Reaffirming its unwavering commitment")
        );
        assert_eq!(
            lead("Reiterates its call upon the administering Power", o),
            Some("Reiterates its call upon")
        );
        assert_eq!(
            lead("Expressing profound regret at the deaths", p),
            Some("Expressing profound regret")
        );
        // "its resolution", "its decision": never part of the lead.
        assert_eq!(lead("Reaffirms its resolution 78/1", o), Some("Reaffirms"));
        assert_eq!(lead("Recalls its decision to", o), Some("Recalls"));
        assert_eq!(
            lead("Welcomes and encourages the efforts", o),
            Some("Welcomes and encourages")
        );
        assert_eq!(
            lead("Reiterates its invitation and encouragement to", o),
            Some("Reiterates its invitation and encouragement")
        );
        assert_eq!(lead("Welcomes and the rest", o), Some("Welcomes"));
        assert_eq!(
            lead("Calls once again upon all States", o),
            Some("Calls once again upon")
        );
        // "further" after an operative verb is not the lead's.
        assert_eq!(
            lead("Encourages further the efforts", o),
            Some("Encourages")
        );
        assert_eq!(
            lead("Recalling further its resolutions", p),
            Some("Recalling further")
        );
    }

    fn guess(text: &str, part: Part) -> Option<&str> {
        guessed_len(text, part).map(|len| &text[..len])
    }

    #[test]
    fn a_lead_the_lexicon_lacks_is_guessed_from_its_form() {
        let (o, p) = (Part::Operative, Part::Preamble);
        assert_eq!(guess("Commissions a study of", o), Some("Commissions"));
        assert_eq!(
            guess("Strongly deprecates the", o),
            Some("Strongly deprecates")
        );
        assert_eq!(guess("Galvanized by the efforts", p), Some("Galvanized"));
        assert_eq!(
            guess("Profoundly heartened also by", p),
            Some("Profoundly heartened also")
        );
        assert_eq!(
            guess("Revisits its request to", o),
            Some("Revisits its request")
        );
        // An adjective before "of" or "that", and a lead set off by a comma.
        assert_eq!(guess("Watchful of the risks", p), Some("Watchful"));
        assert_eq!(guess("Watchful also that", p), Some("Watchful also"));
        assert_eq!(
            guess("Hopeful, in that connection, that", p),
            Some("Hopeful")
        );
        assert_eq!(
            guess("Contemplating, in this regard,", p),
            Some("Contemplating")
        );
        // Nouns, and verbs of other forms, are no guess.
        assert_eq!(guess("Watchful eyes", p), None);
        assert_eq!(guess("Israel, the occupying Power,", p), None);
        assert_eq!(guess("States of the region", p), None);
        assert_eq!(guess("Conscious of", p), Some("Conscious"));
        assert_eq!(guess("States should refrain", o), None);
        assert_eq!(guess("Entities of the system", o), None);
        assert_eq!(guess("Thus the Assembly", o), None);
        assert_eq!(guess("Commission on the Status", o), None);
        assert_eq!(guess("Transport and transit", p), None);
        assert_eq!(guess("commissions a study", o), None);
    }

    #[test]
    fn camel_case_names() {
        assert_eq!(camel_case("Recalling further"), "recallingFurther");
        assert_eq!(
            camel_case("Taking note with satisfaction"),
            "takingNoteWithSatisfaction"
        );
        assert_eq!(camel_case("Bearing in mind"), "bearingInMind");
        assert_eq!(camel_case("Calling upon"), "callingUpon");
        assert_eq!(camel_case("…"), "paragraph");
        assert_eq!(camel_case("Côte d’Ivoire"), "coteDIvoire");
        assert_eq!(camel_case("Türkiye"), "turkiye");
    }
}
