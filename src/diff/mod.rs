//! The diff of two texts of one resolution series: takes two
//! [`view::Document`]s, gives every paragraph of both, aligned part by part
//! (preamble with preamble, operative with operative, footnotes with
//! footnotes, annexes with annexes), each `unchanged`, `changed` (with
//! word-level changes), `added`, `removed` or `moved`, in document order.
//!
//! Alignment ignores numbers, so renumbering changes nothing. It is bounded:
//! 1. paragraphs with identical text are paired through a hash map, in
//!    order (linear);
//! 2. each paragraph left over is compared only with the leftovers of the
//!    other text within [`WINDOW`] places of where the exact pairs around it
//!    say it should be, by the overlap of their words (Dice coefficient on
//!    hashed words); pairs at or above [`THRESHOLD`] are taken best first;
//! 3. among the pairs, the run in the same order in both texts that holds
//!    the most text (heaviest increasing subsequence, O(n log n) with a
//!    Fenwick tree) stays in place; the other pairs are `moved`: of two
//!    paragraphs that swapped places, the shorter one moved.
//!
//! Word-level changes come from the `similar` crate (Myers' diff on words).
//! [`html`] and [`text`] present the result; it serialises as JSON.

pub mod html;
pub mod text;

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};
use serde::Serialize;

use crate::view::{self, Document, Identity, Part};

/// How far (in paragraphs) from its expected place a changed paragraph is
/// looked for.
pub const WINDOW: usize = 24;
/// The least word overlap (Dice coefficient) for two different paragraphs
/// to be the same paragraph changed.
pub const THRESHOLD: f64 = 0.5;

/// What happened to a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Same text, same place.
    Unchanged,
    /// Same place, text changed.
    Changed,
    /// Only in the new text.
    Added,
    /// Only in the old text.
    Removed,
    /// Out of its old order (text possibly changed too).
    Moved,
}

impl Status {
    /// The lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            Status::Unchanged => "unchanged",
            Status::Changed => "changed",
            Status::Added => "added",
            Status::Removed => "removed",
            Status::Moved => "moved",
        }
    }
}

/// Which part a paragraph belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PartKind {
    /// The formula and preambular paragraphs.
    Preamble,
    /// Operative paragraphs.
    Operative,
    /// Footnotes.
    Footnote,
    /// Paragraphs of annexes.
    Annex,
}

impl PartKind {
    /// The lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            PartKind::Preamble => "preamble",
            PartKind::Operative => "operative",
            PartKind::Footnote => "footnote",
            PartKind::Annex => "annex",
        }
    }
}

/// One side of an aligned pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side {
    /// Its eId.
    #[serde(rename = "eId")]
    pub eid: String,
    /// Its printed number (footnote marker), if any.
    pub num: Option<String>,
    /// Its text, whitespace collapsed, without the number.
    pub text: String,
}

impl Side {
    /// How to show it: its number or marker, else `PP n` for the n-th
    /// preambular paragraph (`container_n`), `formula`, or the eId.
    pub fn label(&self) -> String {
        if let Some(num) = &self.num {
            return num.clone();
        }
        match self.eid.rsplit_once("container_") {
            Some((_, n)) if n.chars().all(|c| c.is_ascii_digit()) => format!("PP {n}"),
            _ if self.eid.ends_with("formula_1") => "formula".into(),
            _ => self.eid.clone(),
        }
    }
}

/// A run of words kept, inserted or deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// `equal`, `insert` or `delete`.
    pub op: &'static str,
    /// The words, with their spacing.
    pub text: String,
}

/// One aligned paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// What happened to it.
    pub status: Status,
    /// Its part.
    pub part: PartKind,
    /// In the old text.
    pub old: Option<Side>,
    /// In the new text.
    pub new: Option<Side>,
    /// Word-level changes (empty unless the text changed).
    pub changes: Vec<Change>,
}

/// How many paragraphs have each status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    /// Unchanged.
    pub unchanged: usize,
    /// Changed.
    pub changed: usize,
    /// Added.
    pub added: usize,
    /// Removed.
    pub removed: usize,
    /// Moved.
    pub moved: usize,
}

/// The diff of two documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// The old document's identity.
    pub old: Identity,
    /// The new document's identity.
    pub new: Identity,
    /// Every paragraph of both, aligned, in document order.
    pub paragraphs: Vec<Paragraph>,
    /// Counts by status.
    pub summary: Summary,
}

fn sides(part: &Part) -> (Vec<Side>, Vec<Side>) {
    let side = |unit: &view::Unit| Side {
        eid: unit.eid.clone(),
        num: unit.num.clone(),
        text: unit.text(),
    };
    (
        // A separator ("* * *", a `<p>`) is no paragraph to compare.
        part.preamble
            .iter()
            .filter(|unit| unit.element != "p")
            .map(side)
            .collect(),
        part.paragraphs().into_iter().map(side).collect(),
    )
}

fn footnotes(doc: &Document) -> Vec<Side> {
    doc.footnotes
        .iter()
        .map(|note| Side {
            eid: note.eid.clone(),
            num: Some(note.marker.clone()),
            text: view::collapse(
                &note
                    .content
                    .iter()
                    .map(|p| view::plain(p) + " ")
                    .collect::<String>(),
            ),
        })
        .collect()
}

fn annexes(doc: &Document) -> Vec<Side> {
    let mut out = Vec::new();
    for annex in &doc.annexes {
        let (preamble, operative) = sides(&annex.part);
        out.extend(preamble);
        out.extend(operative);
    }
    out
}

/// Compares two documents.
pub fn diff(old: &Document, new: &Document) -> Diff {
    let (old_pre, old_op) = sides(&old.main);
    let (new_pre, new_op) = sides(&new.main);
    let mut paragraphs =
        Vec::with_capacity(old_pre.len() + old_op.len() + new_pre.len() + new_op.len());
    for (part, a, b) in [
        (PartKind::Preamble, old_pre, new_pre),
        (PartKind::Operative, old_op, new_op),
        (PartKind::Footnote, footnotes(old), footnotes(new)),
        (PartKind::Annex, annexes(old), annexes(new)),
    ] {
        compare(part, a, b, &mut paragraphs);
    }
    let mut summary = Summary::default();
    for paragraph in &paragraphs {
        *match paragraph.status {
            Status::Unchanged => &mut summary.unchanged,
            Status::Changed => &mut summary.changed,
            Status::Added => &mut summary.added,
            Status::Removed => &mut summary.removed,
            Status::Moved => &mut summary.moved,
        } += 1;
    }
    Diff {
        old: old.identity.clone(),
        new: new.identity.clone(),
        paragraphs,
        summary,
    }
}

/// Aligns `old` with `new` and appends the paragraphs of one part.
fn compare(part: PartKind, old: Vec<Side>, new: Vec<Side>, out: &mut Vec<Paragraph>) {
    fn texts(sides: &[Side]) -> Vec<&str> {
        sides.iter().map(|s| s.text.as_str()).collect()
    }
    let pairs = align(&texts(&old), &texts(&new));
    let mut old: Vec<Option<Side>> = old.into_iter().map(Some).collect();
    let mut new: Vec<Option<Side>> = new.into_iter().map(Some).collect();
    for (o, n, in_order) in pairs {
        let old = o.and_then(|o| old[o].take());
        let new = n.and_then(|n| new[n].take());
        let (status, changes) = match (&old, &new) {
            (Some(a), Some(b)) => {
                let changes = if a.text == b.text {
                    Vec::new()
                } else {
                    words(&a.text, &b.text)
                };
                let status = match (in_order, changes.is_empty()) {
                    (false, _) => Status::Moved,
                    (true, true) => Status::Unchanged,
                    (true, false) => Status::Changed,
                };
                (status, changes)
            }
            (Some(_), None) => (Status::Removed, Vec::new()),
            _ => (Status::Added, Vec::new()),
        };
        out.push(Paragraph {
            status,
            part,
            old,
            new,
            changes,
        });
    }
}

/// Word-level changes from `old` to `new`, runs of one kind merged. Each
/// word is one token with the spaces after it (texts are collapsed), so
/// Myers' diff (from `similar`) works on half the tokens a word-and-space
/// split would give.
pub fn words(old: &str, new: &str) -> Vec<Change> {
    let old_words: Vec<&str> = old.split_inclusive(' ').collect();
    let new_words: Vec<&str> = new.split_inclusive(' ').collect();
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &old_words, &new_words);
    let mut out: Vec<Change> = Vec::new();
    let mut push = |op: &'static str, words: &[&str]| {
        if words.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.op == op => words.iter().for_each(|w| last.text.push_str(w)),
            _ => out.push(Change {
                op,
                text: words.concat(),
            }),
        }
    };
    for op in ops {
        match op {
            similar::DiffOp::Equal { old_index, len, .. } => {
                push("equal", &old_words[old_index..old_index + len])
            }
            similar::DiffOp::Delete {
                old_index, old_len, ..
            } => push("delete", &old_words[old_index..old_index + old_len]),
            similar::DiffOp::Insert {
                new_index, new_len, ..
            } => push("insert", &new_words[new_index..new_index + new_len]),
            similar::DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push("delete", &old_words[old_index..old_index + old_len]);
                push("insert", &new_words[new_index..new_index + new_len]);
            }
        }
    }
    out
}

fn hash(s: &str) -> u64 {
    let mut hasher = FxHasher::default();
    s.hash(&mut hasher);
    hasher.finish()
}

/// Words too common to say that one paragraph holds another.
const STOPWORDS: [&str; 12] = [
    "also", "been", "from", "have", "such", "that", "their", "these", "this", "those", "which",
    "with",
];

/// A paragraph's words for comparison: the sorted hashes of all its
/// lowercased words (for Dice), and of its distinct content words (four
/// letters or more, not a stopword; for containment).
struct Bag {
    all: Vec<u64>,
    content: Vec<u64>,
}

fn bag(text: &str) -> Bag {
    let mut all = Vec::new();
    let mut content = Vec::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let lower = word.to_lowercase();
        let h = hash(&lower);
        all.push(h);
        if lower.chars().count() >= 4 && !STOPWORDS.contains(&lower.as_str()) {
            content.push(h);
        }
    }
    all.sort_unstable();
    content.sort_unstable();
    content.dedup();
    Bag { all, content }
}

/// How many hashes two sorted lists share.
fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

/// How alike two paragraphs are: the Dice coefficient of their words, or,
/// when the shorter has at least [`CONTAINED_MIN`] content words, the share
/// of them found in the longer, discounted by [`CONTAINED_WEIGHT`] (Dice
/// alone misses a paragraph that was tripled, or cut to a third).
fn similarity(a: &Bag, b: &Bag) -> f64 {
    if a.all.is_empty() && b.all.is_empty() {
        return 1.0;
    }
    let dice = 2.0 * common(&a.all, &b.all) as f64 / (a.all.len() + b.all.len()) as f64;
    let shorter = a.content.len().min(b.content.len());
    if shorter < CONTAINED_MIN {
        return dice;
    }
    let contained = common(&a.content, &b.content) as f64 / shorter as f64;
    dice.max(CONTAINED_WEIGHT * contained)
}

/// The least content words of the shorter paragraph for containment to
/// count.
const CONTAINED_MIN: usize = 6;
/// The discount of containment against Dice.
const CONTAINED_WEIGHT: f64 = 0.8;

/// Aligns two lists of texts: every index of both appears once, as
/// `(old, new, in_order)`, in document order (see the module docs).
pub fn align(old: &[&str], new: &[&str]) -> Vec<(Option<usize>, Option<usize>, bool)> {
    let mut old_to_new: Vec<Option<usize>> = vec![None; old.len()];
    let mut new_to_old: Vec<Option<usize>> = vec![None; new.len()];
    // 1. Identical texts, first with first.
    let mut by_text: FxHashMap<&str, std::collections::VecDeque<usize>> = FxHashMap::default();
    for (j, text) in new.iter().enumerate() {
        by_text.entry(text).or_default().push_back(j);
    }
    for (i, text) in old.iter().enumerate() {
        if let Some(j) = by_text.get_mut(text).and_then(|queue| queue.pop_front()) {
            old_to_new[i] = Some(j);
            new_to_old[j] = Some(i);
        }
    }
    // 2. Similar texts among the rest, near their expected place.
    let left_new: Vec<usize> = (0..new.len())
        .filter(|&j| new_to_old[j].is_none())
        .collect();
    if !left_new.is_empty() {
        let new_bags: FxHashMap<usize, Bag> = left_new.iter().map(|&j| (j, bag(new[j]))).collect();
        let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
        let mut anchor: Option<(usize, usize)> = None;
        for i in 0..old.len() {
            if let Some(j) = old_to_new[i] {
                anchor = Some((i, j));
                continue;
            }
            let expected = match anchor {
                Some((a, b)) => b + (i - a),
                None => i,
            };
            let start = left_new.partition_point(|&j| j + WINDOW < expected);
            let old_bag = bag(old[i]);
            for &j in left_new[start..]
                .iter()
                .take_while(|&&j| j <= expected + WINDOW)
            {
                let score = similarity(&old_bag, &new_bags[&j]);
                if score >= THRESHOLD {
                    candidates.push((score, i, j));
                }
            }
        }
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        for (_, i, j) in candidates {
            if old_to_new[i].is_none() && new_to_old[j].is_none() {
                old_to_new[i] = Some(j);
                new_to_old[j] = Some(i);
            }
        }
    }
    // 3. The heaviest run in order (by text length) stays; the other pairs
    //    moved: of two paragraphs that swapped places, the shorter moved.
    let pairs: Vec<(usize, usize)> = old_to_new
        .iter()
        .enumerate()
        .filter_map(|(i, j)| j.map(|j| (i, j)))
        .collect();
    let keep = heaviest_increasing(
        &pairs.iter().map(|&(_, j)| j).collect::<Vec<_>>(),
        &pairs
            .iter()
            .map(|&(i, _)| old[i].len() as u64 + 1)
            .collect::<Vec<_>>(),
        new.len(),
    );
    let mut in_order = vec![false; old.len()];
    for k in keep {
        in_order[pairs[k].0] = true;
    }
    // Document order: the new text's, each removed paragraph after the
    // paragraphs that precede it in the old text.
    let mut out = Vec::with_capacity(old.len() + new.len());
    let mut next_old = 0;
    let flush_removed = |upto: usize, next_old: &mut usize, out: &mut Vec<_>| {
        while *next_old < upto {
            if old_to_new[*next_old].is_none() {
                out.push((Some(*next_old), None, true));
            }
            *next_old += 1;
        }
    };
    // For each new place, the old index of the next pair that stays in
    // place: removed paragraphs before it come before what was added there.
    let mut next_anchor = vec![old.len(); new.len() + 1];
    for j in (0..new.len()).rev() {
        next_anchor[j] = match new_to_old[j] {
            Some(i) if in_order[i] => i,
            _ => next_anchor[j + 1],
        };
    }
    for (j, i) in new_to_old.iter().enumerate() {
        match *i {
            Some(i) if in_order[i] => {
                flush_removed(i, &mut next_old, &mut out);
                out.push((Some(i), Some(j), true));
            }
            Some(i) => out.push((Some(i), Some(j), false)),
            None => {
                flush_removed(next_anchor[j], &mut next_old, &mut out);
                out.push((None, Some(j), true));
            }
        }
    }
    flush_removed(old.len(), &mut next_old, &mut out);
    out
}

/// Indices of the strictly increasing subsequence of `values` (each below
/// `bound`) with the greatest total weight; O(n log n) through a Fenwick tree
/// of prefix maxima.
fn heaviest_increasing(values: &[usize], weights: &[u64], bound: usize) -> Vec<usize> {
    // tree[v]: the best (total, index) of a subsequence ending at a value
    // below v, 1-based.
    let mut tree: Vec<(u64, Option<usize>)> = vec![(0, None); bound + 1];
    let mut previous: Vec<Option<usize>> = vec![None; values.len()];
    let mut total = vec![0u64; values.len()];
    let mut best: (u64, Option<usize>) = (0, None);
    for (k, &value) in values.iter().enumerate() {
        let mut at = value; // prefix of values < value
        let mut before: (u64, Option<usize>) = (0, None);
        while at > 0 {
            if tree[at].0 > before.0 {
                before = tree[at];
            }
            at &= at - 1;
        }
        previous[k] = before.1;
        total[k] = before.0 + weights[k];
        if total[k] > best.0 {
            best = (total[k], Some(k));
        }
        let mut at = value + 1;
        while at <= bound {
            if total[k] > tree[at].0 {
                tree[at] = (total[k], Some(k));
            }
            at += at & at.wrapping_neg();
        }
    }
    let mut out = Vec::new();
    let mut k = best.1;
    while let Some(index) = k {
        out.push(index);
        k = previous[index];
    }
    out.reverse();
    out
}

/// Reads an input (converted first) or an AKN file (validated first) into
/// a view.
///
/// # Errors
/// The conversion's, the schema's or the reader's message.
pub fn load(name: &str, bytes: &[u8], options: &crate::Options) -> Result<Document, String> {
    if crate::render::is_akn(name, bytes) {
        let xml = crate::decode(bytes).map_err(|e| e.to_string())?;
        crate::validate::validate_with(xml, options.validator).map_err(|e| e.to_string())?;
        view::read(xml)
    } else {
        let conversion = crate::convert_bytes(bytes, options).map_err(|e| e.to_string())?;
        view::read(&conversion.xml)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_renumbered_moved_changed_added_removed() {
        let old = [
            "alpha one two",
            "beta three four",
            "gamma five six",
            "delta seven",
            "epsilon x y z",
        ];
        let new = [
            "alpha one two",
            "gamma five six",
            "beta three four",
            "zeta new",
            "epsilon x y z w",
        ];
        let got = align(&old, &new);
        assert_eq!(
            got,
            [
                (Some(0), Some(0), true),
                (Some(2), Some(1), false),
                (Some(1), Some(2), true),
                (Some(3), None, true),
                (None, Some(3), true),
                (Some(4), Some(4), true),
            ]
        );
    }

    #[test]
    fn heaviest_increasing_subsequence() {
        assert_eq!(
            heaviest_increasing(&[3, 1, 2, 5, 4, 6], &[1; 6], 7).len(),
            4
        );
        assert_eq!(
            heaviest_increasing(&[0, 2, 1, 3], &[1, 1, 9, 1], 4),
            [0, 2, 3]
        );
        assert_eq!(
            heaviest_increasing(&[0, 2, 1, 3], &[1, 9, 1, 1], 4),
            [0, 1, 3]
        );
        assert!(heaviest_increasing(&[], &[], 0).is_empty());
    }

    #[test]
    fn word_changes() {
        let changes = words("to promote, protect", "to respect, promote, protect");
        let ops: Vec<_> = changes.iter().map(|c| (c.op, c.text.as_str())).collect();
        assert_eq!(
            ops,
            [
                ("equal", "to "),
                ("insert", "respect, "),
                ("equal", "promote, protect")
            ]
        );
    }
}
