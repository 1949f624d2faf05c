//! The preamble: the enacting formula ("The Human Rights Council,") and the
//! preambular paragraphs, each named by its lead phrase. Takes the text of one
//! block, gives the [`Preamble`](crate::model::Preamble)'s formula and containers.

use super::lead::{camel_case, lead_len, Part};
use super::operative::point_label;
use super::{
    closes_chinese_recital, excerpt, first_words, join_across_page, plain_text, unwrap_emphasis,
    with_guessed_lead, DocumentParser, Phase,
};
use crate::clean::without_closing_calls;
use crate::error::Position;
use crate::lang::Language;
use crate::model::{Body, Container, Inline, Separator};

impl DocumentParser {
    pub(super) fn preambular(&mut self, text: &str, position: Position) {
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
            self.formula_body = Body::from_name(inner.trim_start_matches("The "))
                .or_else(|| crate::lang::formula(inner));
            self.preamble.formula = Some(self.inlines(text));
            return;
        }
        // "Have agreed as follows:" closes a convention's preamble.
        if self.annex && self.preamble.formula.is_some() && is_closing_formula(inner) {
            self.preamble.closing_formula = Some(self.inlines(text));
            self.phase = Phase::Operative;
            return;
        }
        // An annexed text's preamble may open with no formula: after its
        // first recitals, a paragraph closed by a recital's comma goes on
        // with them though the lexicon lacks its lead ("Preámbulo" ⏎
        // "Reconociendo …," ⏎ "Teniendo presente …," ⏎ "Tomando en
        // consideración …,", es 76/112's guidelines). A point ("(a) …,")
        // is no recital of its own.
        let goes_on_recitals = || {
            !self.preamble.containers.is_empty()
                && without_closing_calls(inner.trim_end()).ends_with([',', '，', '،'])
                && point_label(inner).is_err()
        };
        if self.annex
            && self.preamble.formula.is_none()
            && lead_len(inner, Part::Preamble).is_none()
            && !goes_on_recitals()
        {
            // An annexed text without a formula: its text is the annex's body.
            self.phase = Phase::Operative;
            self.operative(text, position);
            return;
        }
        if is_separator(inner) {
            self.preamble.separators.push(Separator {
                before: self.preamble.containers.len(),
                text: inner.trim().replace('\\', ""),
            });
            return;
        }
        // "Reaffirming … five priority areas, as follows:" ⏎ "(a) Trade …;":
        // the lettered points belong to the recital that announces them. No
        // recital starts with a label, so one that does not announce them
        // ("Convinced" ⏎ "(a) International peace …,") keeps them too, with
        // a warning.
        if point_label(inner).is_ok() {
            if let Some(last) = self.preamble.containers.last() {
                let announces = plain_text(&last.content).trim_end().ends_with(':')
                    || last.content.contains(&Inline::Eol);
                if !announces {
                    self.warn(
                        position,
                        format!(
                            "point after a recital that does not announce it (no \":\"), kept in that recital: {}",
                            excerpt(text)
                        ),
                    );
                }
                let content = self.running_text(text, position);
                let last = self.preamble.containers.last_mut().expect("checked");
                last.content.push(Inline::Eol);
                last.content.extend(content);
                return;
            }
        }
        let content = self.running_text(text, position);
        let (content, lead) = with_guessed_lead(content, Part::Preamble);
        let name = match lead {
            Some(lead) => container_name(&lead, self.language),
            None => {
                // A participle or adverb the lexicon lacks ("Commemorating",
                // "Deeply disappointed", "Exprimant", "وإذ تسترشد") starts a
                // paragraph as a lead does; a heading ("Transport and
                // transit corridors") stands alone. Neither puts the
                // structure in doubt.
                let first = if self.language.spaces_words() {
                    first_words(inner, 1).trim_end_matches(',')
                } else {
                    // No spaces: the first clause, at most ten characters.
                    let clause = inner.split(['，', ',']).next().unwrap_or_default();
                    let end = clause
                        .char_indices()
                        .nth(10)
                        .map_or(clause.len(), |(at, _)| at);
                    &clause[..end]
                };
                let guessed = crate::lang::lexicon::guessed_lead(inner, self.language);
                // A Chinese recital's lead has no form of its own ("决心",
                // "遵循"), but a recital closes with a comma.
                let participle = guessed.is_some()
                    || self.language == Language::English
                        && first.starts_with(char::is_uppercase)
                        && ["ing", "ed", "en", "ly"]
                            .iter()
                            .any(|end| first.ends_with(end))
                    || closes_chinese_recital(inner, self.language);
                let name = container_name(guessed.unwrap_or(first), self.language);
                if participle || self.reads_like_heading(inner) {
                    self.preamble.containers.push(Container { name, content });
                    return;
                }
                // "… وإعلان الدوحة بشأن تمويل التنمية:" ⏎ (page) ⏎ "الوثيقة
                // الختامية …": at a page's top, text without a lead goes on
                // a recital that no full stop closed, as every recital
                // opens with a lead.
                if self.page_tops.binary_search(&position.line).is_ok() {
                    if let Some(last) = self.preamble.containers.last_mut() {
                        let open = plain_text(&last.content);
                        let open = without_closing_calls(open.trim_end());
                        if !open.ends_with(['.', '。']) {
                            join_across_page(&mut last.content, open, inner, content);
                            return;
                        }
                    }
                }
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
}

/// Where "The General Assembly," (or another body's formula) starts inside a
/// line that begins with something else.
pub(super) fn embedded_formula(text: &str) -> Option<usize> {
    for body in Body::ALL {
        let formula = format!(" The {},", body.name());
        if let Some(at) = text.find(&formula) {
            return Some(at + 1);
        }
    }
    None
}

/// A preambular paragraph's `name`: in English the lead phrase in lower
/// camel case (`recallingFurther`, spec); in the other languages the phrase
/// as printed ("Rappelant également", "إذ تشير", "回顾"), as the UN's own
/// files of those languages name their containers.
/// "* * *", "***": a line that only separates groups of paragraphs (its
/// stars escaped, "\\* \\* \\*", as the text cleaner gives them).
pub(super) fn is_separator(text: &str) -> bool {
    let text = text.trim();
    text.bytes().filter(|&b| b == b'*').count() >= 2
        && text.bytes().all(|b| matches!(b, b'*' | b' ' | b'\\'))
}

pub(super) fn container_name(lead: &str, language: Language) -> String {
    let lead = lead.trim().trim_end_matches([',', '،', '，']).trim();
    if language == Language::English || lead.is_empty() {
        camel_case(lead)
    } else {
        lead.to_string()
    }
}

/// "The Human Rights Council,", "The General Assembly,", and the formulas of
/// the other languages ("L’Assemblée générale,", "大会，").
pub(super) fn is_formula(text: &str) -> bool {
    // A statement quotes its text: “The Human Rights Council,
    let text = text.strip_prefix(['“', '"']).unwrap_or(text);
    if crate::lang::formula(text).is_some() || is_convention_formula(text) {
        return true;
    }
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

/// "The States Parties to this Convention,", "Les États Parties à la
/// présente Convention,", "Los Estados Partes en la presente Convención,",
/// "Государства — участники настоящей Конвенции,", "إن الدول الأطراف في
/// هذه الاتفاقية،", "本公约缔约国，": an annexed convention's own formula,
/// naming its parties.
fn is_convention_formula(text: &str) -> bool {
    let Some(name) = text.trim_end().strip_suffix([',', '،', '，']) else {
        return false;
    };
    name.len() < 120
        && [
            "The States Parties",
            "The Parties",
            "The Contracting Parties",
            "The High Contracting Parties",
            "Les États Parties",
            "Les Parties",
            "Les Hautes Parties contractantes",
            "Los Estados Partes",
            "Las Partes",
            "Государства-участники",
            "Государства — участники",
            "Стороны",
            "إن الدول الأطراف",
            "إن الأطراف",
            "本公约缔约国",
            "本议定书缔约国",
            "本协定缔约国",
            "各缔约国",
        ]
        .iter()
        .any(|parties| name.starts_with(parties))
}

/// "Have agreed as follows:", "Sont convenus de ce qui suit :", "Han
/// convenido en lo siguiente:", "Согласились о нижеследующем:", "قد اتفقت
/// على ما يلي:", "兹协议如下：": the words that close a convention's preamble.
fn is_closing_formula(text: &str) -> bool {
    let text = text.trim_end_matches([':', '：', ' ', '\u{a0}', '\u{202f}']);
    if text.len() >= 60 {
        return false;
    }
    let text = text.to_lowercase();
    [
        "agreed as follows",
        "agree as follows",
        "convenus de ce qui suit",
        "convenido en lo siguiente",
        "согласились о нижеследующем",
        "اتفقت على ما يلي",
        "协议如下",
        "议定如下",
    ]
    .iter()
    .any(|words| text.ends_with(words))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas() {
        assert!(is_formula("The Human Rights Council,"));
        assert!(is_formula("The General Assembly,"));
        assert!(!is_formula("The primary responsibility of all States,"));
        assert!(is_formula("The States Parties to this Convention,"));
        assert!(is_formula("The States Parties to the present Protocol,"));
        assert!(is_formula("Les États Parties à la présente Convention,"));
        assert!(!is_formula("The States Parties shall cooperate."));
        assert!(is_closing_formula("Have agreed as follows:"));
        assert!(is_closing_formula("Sont convenus de ce qui suit :"));
        assert!(is_closing_formula("兹协议如下："));
        assert!(is_formula("本公约缔约国，"));
        assert!(is_formula("إن الدول الأطراف في هذه الاتفاقية،"));
        assert!(!is_closing_formula(
            "Decides that the arrangements will be as follows:"
        ));
    }
}
