//! Where each conversion warning belongs in the text: takes the view tree,
//! the input text and the warnings (input line and column), gives for each
//! warning the anchor (an eId, or a cover/preface/conclusions line) whose
//! text holds the words of the warned input line, or none (document level).
//!
//! The method: the words (letters and digits, lowercased, markup tags left
//! out) of the warned line are searched as a phrase in the words of every
//! anchor: the whole line first, then its first eight, then its first four
//! words, each time also without a leading number (operative numbers are not
//! part of a paragraph's text). When several anchors match, the first at or
//! after the previous warning's anchor wins (warnings come in input order).
//! A line with no words (or no match) tries the next line, then the one
//! before; past that the warning is document-level.

use crate::view::{self, Document, Part, Unit};
use crate::Warning;

/// A place a warning can be marked at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// The key the page uses: a unit's eId, `fn:{eId}` for a footnote,
    /// `cover:{n}`, `preface:{n}`, `conclusions:{n}` for those lines (an
    /// annex's lines prefixed with its eId and `/`).
    pub key: String,
    /// Its words, each followed by one space, with a leading space.
    words: String,
}

/// The anchors of a document in reading order.
pub fn anchors(doc: &Document) -> Vec<Anchor> {
    let mut out = Vec::new();
    for (n, line) in doc.cover.iter().enumerate() {
        push(&mut out, format!("cover:{n}"), &view::plain(line));
    }
    part(&mut out, &doc.main, "");
    for note in &doc.footnotes {
        let text: String = note.content.iter().map(|p| view::plain(p) + " ").collect();
        push(
            &mut out,
            format!("fn:{}", note.eid),
            &format!("{} {text}", note.marker),
        );
    }
    for annex in &doc.annexes {
        part(&mut out, &annex.part, &format!("{}/", annex.eid));
    }
    out
}

fn part(out: &mut Vec<Anchor>, part: &Part, prefix: &str) {
    for (n, line) in part.preface.iter().enumerate() {
        push(out, format!("{prefix}preface:{n}"), &view::plain(line));
    }
    for unit in &part.preamble {
        push(out, unit.eid.clone(), &unit.text());
    }
    for unit in part.paragraphs() {
        unit_anchor(out, unit);
    }
    for (n, line) in part.conclusions.iter().enumerate() {
        push(out, format!("{prefix}conclusions:{n}"), &view::plain(line));
    }
}

fn unit_anchor(out: &mut Vec<Anchor>, unit: &Unit) {
    let num = unit.num.as_deref().unwrap_or_default();
    push(out, unit.eid.clone(), &format!("{num} {}", unit.text()));
}

fn push(out: &mut Vec<Anchor>, key: String, text: &str) {
    out.push(Anchor {
        key,
        words: words(text),
    });
}

/// The words of `text`: runs of letters and digits, lowercased, markup tags
/// (`<...>`) skipped, as ` w1 w2 ... `.
fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    let mut in_tag = false;
    let mut in_word = false;
    for c in text.chars() {
        if c == '<' {
            in_tag = true;
        }
        if in_tag {
            in_tag = c != '>';
            if in_word {
                out.push(' ');
                in_word = false;
            }
            continue;
        }
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            in_word = true;
        } else if in_word {
            out.push(' ');
            in_word = false;
        }
    }
    if in_word {
        out.push(' ');
    }
    out
}

/// For each warning, the key of its anchor, or `None` (document level).
pub fn place(anchors: &[Anchor], input: &str, warnings: &[Warning]) -> Vec<Option<String>> {
    let lines: Vec<&str> = input.lines().collect();
    let mut last = 0;
    warnings
        .iter()
        .map(|warning| {
            let line = warning.position.line;
            let tries = [line, line + 1, line.saturating_sub(1)];
            let found = tries.iter().find_map(|&l| {
                let text = lines.get(l.checked_sub(1)?)?;
                find(anchors, &words(text), last)
            });
            found.map(|index| {
                last = index;
                anchors[index].key.clone()
            })
        })
        .collect()
}

/// The anchor holding a phrase of `line` (see the module docs).
fn find(anchors: &[Anchor], line: &str, from: usize) -> Option<usize> {
    let all: Vec<&str> = line.split_whitespace().collect();
    if all.is_empty() {
        return None;
    }
    let numbered = all[0].chars().all(|c| c.is_ascii_digit()) || all[0].len() == 1;
    let mut candidates: Vec<&[&str]> = Vec::new();
    for n in [all.len(), 8, 4] {
        candidates.push(&all[..n.min(all.len())]);
        if numbered && all.len() > 1 {
            candidates.push(&all[1..(n + 1).min(all.len())]);
        }
    }
    for words in candidates {
        // A phrase of one short word is too weak to place anything.
        if words.is_empty() || (words.len() == 1 && words[0].len() < 4) {
            continue;
        }
        let phrase = format!(" {} ", words.join(" "));
        let hit = |a: &Anchor| a.words.contains(&phrase);
        if let Some(i) = anchors[from.min(anchors.len())..].iter().position(hit) {
            return Some(from + i);
        }
        if let Some(i) = anchors.iter().position(hit) {
            return Some(i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_skip_markup_and_case() {
        assert_eq!(
            words("*Taking note* of it,<sup>1</sup> A/HRC"),
            " taking note of it 1 a hrc "
        );
    }

    #[test]
    fn a_warning_lands_on_the_paragraph_of_its_line() {
        let input = include_str!("../../examples/A_HRC_RES_49_34.md")
            .replace("6 July 2012", "31 February 2012")
            .replace("7. *Underscores*", "7. *Underscores* 30 February 2021");
        let conversion = crate::convert(&input, &crate::Options::default()).unwrap();
        let doc = view::read(&conversion.xml).unwrap();
        let keys = place(&anchors(&doc), &input, &conversion.warnings);
        assert_eq!(conversion.warnings.len(), 2, "{:?}", conversion.warnings);
        assert_eq!(
            keys,
            [Some("container_5".to_string()), Some("para_7".to_string())]
        );
        let nowhere = [Warning::at_line(10_000, "x")];
        assert_eq!(place(&anchors(&doc), &input, &nowhere), [None]);
    }
}
