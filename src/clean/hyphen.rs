//! Hyphens at the end of a line: part of the word, or put there by the line
//! break?
//!
//! Takes the word before a line-end hyphen ("nuclear", "thirty", "Follow")
//! and the word the next line starts with ("weapon-free", "fifth", "up");
//! gives whether the hyphen stays ("nuclear-weapon-free", "thirty-fifth",
//! "Follow-up") or goes ("intro-" ⏎ "duction" → "introduction"). A wrong
//! answer changes the words of a legal text, so the answer rests on
//! evidence, strongest first:
//!
//! 1. the lexicon (`hyphenation.txt`, made by `tools/hyphen_lexicon.py` from
//!    the UN's own Akoma Ntoso files): compounds the UN prints with a hyphen,
//!    and words it prints whole that a rule below would split;
//! 2. a part that already holds a hyphen ("nuclear-" ⏎ "weapon-free"), and
//!    the ordinals and numbers "twenty-first" … "ninety-nine";
//! 3. the document itself: the same word printed elsewhere in it, with or
//!    without the hyphen (see [`Evidence`]);
//! 4. rules: first parts the UN joins with a hyphen ("non-", "self-",
//!    "follow-", "well-") and second parts ("-based", "-related", "-up");
//! 5. otherwise the hyphen is the line break's, and goes (typewritten and
//!    OCR texts: "para-" ⏎ "graph").
//!
//! All this is for texts of unknown make. On the pages the UN typeset (its
//! job number "23-12345 (E)" among the furniture) no word is ever broken at
//! a line end, so every such hyphen is the word's and none of the above is
//! asked (`clean::text`): of the 488 line-end hyphens of the 258 English
//! pairs, every one is printed with its hyphen in the UN's own files, even
//! "co-operation" and "peace-keeping" where the lexicon knows the words
//! whole.

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// The lexicon's text, compiled in.
const LEXICON_TEXT: &str = include_str!("hyphenation.txt");

/// The lexicon's four sections.
struct Lexicon {
    prefixes: FxHashSet<&'static str>,
    suffixes: FxHashSet<&'static str>,
    compounds: FxHashSet<&'static str>,
    joined: FxHashSet<&'static str>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lexicon = Lexicon {
        prefixes: FxHashSet::default(),
        suffixes: FxHashSet::default(),
        compounds: FxHashSet::default(),
        joined: FxHashSet::default(),
    };
    let mut section = "";
    for line in LEXICON_TEXT.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            continue;
        }
        let set = match section {
            "prefixes" => &mut lexicon.prefixes,
            "suffixes" => &mut lexicon.suffixes,
            "compounds" => &mut lexicon.compounds,
            "joined" => &mut lexicon.joined,
            _ => continue,
        };
        set.insert(line);
    }
    lexicon
});

const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

const UNITS: [&str; 18] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "first", "second",
    "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
];

/// What the lexicon and the sure rules say, before the document is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The hyphen is part of the word.
    Keep,
    /// The hyphen is the line break's.
    Drop,
    /// No sure evidence: ask the document, then the rules ([`by_rule`]).
    Unknown,
}

fn lower(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// The word a line ends with before its final hyphen: its last run of
/// letters, digits and inner hyphens ("nuclear", "non-self", "COVID").
pub fn word_before(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '-')
        .last()
        .map_or(text.len(), |(at, _)| at);
    text[start..].trim_start_matches('-')
}

/// The word a line starts with: its first run of letters, digits and inner
/// hyphens ("weapon-free" of "weapon-free zones").
pub fn word_after(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-'))
        .map_or(text.len(), |(at, _)| at);
    text[..end].trim_end_matches('-')
}

/// The sure evidence about `left-` ⏎ `right` (the words either side).
pub fn verdict(left: &str, right: &str) -> Verdict {
    let lexicon = &*LEXICON;
    let (left, right) = (lower(left), lower(right));
    let compound = format!("{left}-{right}");
    if lexicon.compounds.contains(compound.as_str()) {
        return Verdict::Keep;
    }
    let joined = format!("{left}{right}");
    // "well-func-" ⏎ "tioning": the whole is a known compound.
    if lexicon.joined.contains(joined.as_str()) || lexicon.compounds.contains(joined.as_str()) {
        return Verdict::Drop;
    }
    if left.contains('-') || right.contains('-') {
        return Verdict::Keep;
    }
    if TENS.contains(&left.as_ref()) && UNITS.contains(&right.as_ref()) {
        return Verdict::Keep;
    }
    Verdict::Unknown
}

/// The rules' answer where neither the lexicon nor the document knows.
pub fn by_rule(left: &str, right: &str) -> bool {
    let lexicon = &*LEXICON;
    let (left, right) = (lower(left), lower(right));
    lexicon.prefixes.contains(left.as_ref())
        || (left.chars().count() >= 3 && lexicon.suffixes.contains(right.as_ref()))
}

/// Whether to keep the hyphen of `left-` ⏎ `right` on the lexicon and the
/// rules alone (no document evidence).
pub fn keep(left: &str, right: &str) -> bool {
    match verdict(left, right) {
        Verdict::Keep => true,
        Verdict::Drop => false,
        Verdict::Unknown => by_rule(left, right),
    }
}

/// How the document itself spells the words the lexicon does not know:
/// for each, how often it prints it with the hyphen and without.
#[derive(Debug, Default)]
pub struct Evidence {
    /// Lower-case form → (printed hyphenated, printed whole).
    counts: FxHashMap<String, (usize, usize)>,
}

impl Evidence {
    /// Counts, in `lines` (the document's running text), the spellings of
    /// the `pairs` (left and right parts of unknown line-end hyphens).
    pub fn gather<'a>(pairs: &[(&str, &str)], lines: impl Iterator<Item = &'a str>) -> Evidence {
        let mut wanted: FxHashMap<String, (String, bool)> = FxHashMap::default();
        for (left, right) in pairs {
            let (left, right) = (lower(left), lower(right));
            let key = format!("{left}{right}");
            wanted.insert(format!("{left}-{right}"), (key.clone(), true));
            wanted.insert(key, (format!("{left}{right}"), false));
        }
        let mut counts: FxHashMap<String, (usize, usize)> = FxHashMap::default();
        for line in lines {
            for token in line.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\u{2011}'))
            {
                if token.len() < 4 {
                    continue;
                }
                let token: Cow<'_, str> = if token.contains('\u{2011}') {
                    Cow::Owned(token.replace('\u{2011}', "-").to_lowercase())
                } else {
                    lower(token)
                };
                if let Some((key, hyphenated)) = wanted.get(token.as_ref()) {
                    let entry = counts.entry(key.clone()).or_default();
                    if *hyphenated {
                        entry.0 += 1;
                    } else {
                        entry.1 += 1;
                    }
                }
            }
        }
        Evidence { counts }
    }

    /// Whether to keep the hyphen of `left-` ⏎ `right`: the lexicon, then
    /// the document's own spelling, then the rules.
    pub fn keep(&self, left: &str, right: &str) -> bool {
        match verdict(left, right) {
            Verdict::Keep => true,
            Verdict::Drop => false,
            Verdict::Unknown => {
                let key = format!("{}{}", lower(left), lower(right));
                match self.counts.get(&key) {
                    Some(&(hyphenated, whole)) if hyphenated != whole => hyphenated > whole,
                    _ => by_rule(left, right),
                }
            }
        }
    }
}

/// Words after a suspended hyphen ("small- and medium-sized", "pre- or
/// post-", "micro- y pequeñas"): never the second part of a compound.
const SUSPENDERS: &[&str] = &[
    "and", "or", "nor", "to", "et", "ou", "y", "o", "e", "u", "и", "или",
];

/// `text` with the space closed in "neo- Nazism" or "well- being" where the
/// lexicon knows the compound ("neo-nazism") or its rules join the parts
/// ("well-", "-based"); `None` where there is none. A suspended hyphen
/// ("small- and medium-sized") stays.
pub fn close_compounds(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut from = 0;
    for (at, _) in text.match_indices("- ") {
        let left = word_before(&text[..at]);
        let right = word_after(&text[at + 2..]);
        let letters = |w: &str| w.chars().any(char::is_alphabetic);
        let compound = match verdict(left, right) {
            Verdict::Keep => true,
            Verdict::Drop => false,
            Verdict::Unknown => {
                by_rule(left, right) && !SUSPENDERS.contains(&lower(right).as_ref())
            }
        };
        if letters(left) && letters(right) && compound {
            out.push_str(&text[from..at + 1]);
            from = at + 2;
        }
    }
    (from > 0).then(|| {
        out.push_str(&text[from..]);
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_ordinals_parts_and_rules() {
        assert!(keep("nuclear", "weapon-free"));
        assert!(keep("thirty", "fifth"));
        assert!(keep("Seventy", "ninth"));
        assert!(keep("Follow", "up"));
        assert!(keep("confidence", "building"));
        assert!(keep("evidence", "based"));
        assert!(!keep("peace", "building"));
        assert!(!keep("intro", "duction"));
        assert!(!keep("co", "operation"));
        assert!(keep("non", "governmental"));
        assert!(!keep("develop", "ment"));
    }

    #[test]
    fn the_document_decides_what_the_lexicon_does_not_know() {
        let text = [
            "the zorb-flight and zorb-flight again",
            "but quuxwidget here",
        ];
        let evidence = Evidence::gather(
            &[("zorb", "flight"), ("quux", "widget")],
            text.iter().copied(),
        );
        assert!(evidence.keep("zorb", "flight"));
        assert!(!evidence.keep("quux", "widget"));
        assert!(!evidence.keep("blorp", "ing"));
    }

    #[test]
    fn words_either_side() {
        assert_eq!(word_before("the non-self"), "non-self");
        assert_eq!(word_before("States,"), "");
        assert_eq!(word_after("weapon-free zones"), "weapon-free");
        assert_eq!(word_after("up;"), "up");
    }

    #[test]
    fn broken_compounds_are_closed_but_suspended_hyphens_stay() {
        assert_eq!(
            close_compounds("of neo- Nazism and self- determination").as_deref(),
            Some("of neo-Nazism and self-determination")
        );
        assert_eq!(close_compounds("small- and medium-sized"), None);
        assert_eq!(
            close_compounds("human well- being and community- based tourism").as_deref(),
            Some("human well-being and community-based tourism")
        );
        assert_eq!(close_compounds("well- and ill-being"), None);
    }
}
