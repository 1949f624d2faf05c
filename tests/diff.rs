//! `un2akn::diff` on the two examples against the alignment worked out by
//! hand (tests/fixtures/diff-49-34-vs-mali.json), the JSON shape, the text
//! view's colours, and a large synthetic pair.

use un2akn::diff::{self, Status};
use un2akn::view;

use crate::util;

fn example_view(name: &str) -> view::Document {
    let options = if name.contains("_L_draft_") {
        util::draft_options()
    } else {
        un2akn::Options::default()
    };
    let conversion = util::convert(name, &options);
    view::read(&conversion.xml).unwrap()
}

fn examples_diff() -> diff::Diff {
    diff::diff(
        &example_view("A_HRC_RES_49_34.md"),
        &example_view("A_HRC_58_L_draft_Mali.md"),
    )
}

#[test]
fn the_examples_align_as_worked_out_by_hand() {
    let diff = examples_diff();
    let fixture: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(util::root().join("tests/fixtures/diff-49-34-vs-mali.json"))
            .unwrap(),
    )
    .unwrap();
    let expected: Vec<(String, String, Option<String>, Option<String>)> = fixture["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            let s = |key: &str| row[key].as_str().map(str::to_string);
            (s("part").unwrap(), s("status").unwrap(), s("old"), s("new"))
        })
        .collect();
    let got: Vec<(String, String, Option<String>, Option<String>)> = diff
        .paragraphs
        .iter()
        .map(|p| {
            (
                p.part.name().to_string(),
                p.status.name().to_string(),
                p.old.as_ref().map(|s| s.eid.clone()),
                p.new.as_ref().map(|s| s.eid.clone()),
            )
        })
        .collect();
    // Pairs first (what is aligned with what, and how), then their order.
    let missing: Vec<_> = expected.iter().filter(|row| !got.contains(row)).collect();
    let extra: Vec<_> = got.iter().filter(|row| !expected.contains(row)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "expected but not found:\n{missing:#?}\nfound but not expected:\n{extra:#?}"
    );
    assert_eq!(got, expected, "the same pairs, in another order");
}

#[test]
fn every_paragraph_of_both_appears_once_and_identical_texts_are_unchanged() {
    let old = example_view("A_HRC_RES_49_34.md");
    let new = example_view("A_HRC_58_L_draft_Mali.md");
    let diff = diff::diff(&old, &new);
    let count = |doc: &view::Document| {
        doc.main.preamble.len() + doc.main.paragraphs().len() + doc.footnotes.len()
    };
    let olds: Vec<&str> = diff
        .paragraphs
        .iter()
        .filter_map(|p| p.old.as_ref())
        .map(|s| s.eid.as_str())
        .collect();
    let news: Vec<&str> = diff
        .paragraphs
        .iter()
        .filter_map(|p| p.new.as_ref())
        .map(|s| s.eid.as_str())
        .collect();
    assert_eq!(olds.len(), count(&old));
    assert_eq!(news.len(), count(&new));
    let unique = |v: &[&str]| v.iter().collect::<std::collections::BTreeSet<_>>().len();
    assert_eq!(unique(&olds), olds.len());
    assert_eq!(unique(&news), news.len());
    for paragraph in &diff.paragraphs {
        if let (Some(a), Some(b)) = (&paragraph.old, &paragraph.new) {
            assert_eq!(
                a.text == b.text,
                paragraph.status == Status::Unchanged,
                "{paragraph:?}"
            );
            assert_eq!(paragraph.changes.is_empty(), a.text == b.text);
        }
    }
    // The new text's paragraphs come in its own order.
    let new_ops: Vec<&str> = diff
        .paragraphs
        .iter()
        .filter(|p| p.part == diff::PartKind::Operative)
        .filter_map(|p| p.new.as_ref())
        .map(|s| s.num.as_deref().unwrap())
        .collect();
    let expected: Vec<String> = (1..=31).map(|n| format!("{n}.")).collect();
    assert_eq!(new_ops, expected);
    assert_eq!(
        (
            diff.summary.unchanged,
            diff.summary.changed,
            diff.summary.moved
        ),
        (12, 36, 1)
    );
}

#[test]
fn word_changes_rebuild_both_texts() {
    let diff = examples_diff();
    let c6 = diff
        .paragraphs
        .iter()
        .find(|p| p.old.as_ref().is_some_and(|s| s.eid == "container_6"))
        .unwrap();
    let rebuild = |skip: &str| -> String {
        c6.changes
            .iter()
            .filter(|c| c.op != skip)
            .map(|c| c.text.as_str())
            .collect()
    };
    assert_eq!(rebuild("insert"), c6.old.as_ref().unwrap().text);
    assert_eq!(rebuild("delete"), c6.new.as_ref().unwrap().text);
    let inserted: Vec<&str> = c6
        .changes
        .iter()
        .filter(|c| c.op == "insert")
        .map(|c| c.text.trim())
        .collect();
    assert_eq!(inserted, ["respect,"]);
}

#[test]
fn json_has_the_documented_shape() {
    let json = serde_json::to_value(examples_diff()).unwrap();
    assert_eq!(json["old"]["symbol"], "A/HRC/RES/49/34");
    assert_eq!(json["new"]["number"], "A/HRC/58/L.12");
    let first = &json["paragraphs"][0];
    assert_eq!(first["status"], "unchanged");
    assert_eq!(first["part"], "preamble");
    assert_eq!(first["old"]["eId"], "formula_1");
    assert_eq!(first["new"]["text"], "The Human Rights Council,");
    assert!(first["changes"].as_array().unwrap().is_empty());
    let added = json["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["status"] == "added")
        .unwrap();
    assert!(added["old"].is_null());
}

#[test]
fn text_view_colours_only_when_asked() {
    let diff = examples_diff();
    let plain = diff::text::render(&diff, false);
    assert!(!plain.contains('\x1b'));
    assert!(plain.contains("{+respect, +}"), "{plain}");
    let coloured = diff::text::render(&diff, true);
    assert!(coloured.contains("\x1b[32mrespect, \x1b[0m"));
    assert!(
        plain.ends_with("12 unchanged, 36 changed, 1 moved, 9 added, 16 removed\n"),
        "{}",
        &plain[plain.len() - 80..]
    );
}

#[test]
fn a_large_renumbered_pair_is_aligned() {
    // 1,500 paragraphs; the new text drops every 7th, changes every 5th,
    // inserts one every 11th and swaps two far apart: alignment stays
    // bounded (exact matches by hash, similarity only in a window).
    let para = |n: usize| {
        format!(
            "Paragraph {n} decides that topic {} matters for reason {} and more words here",
            n * 7 % 97,
            n * 13 % 89
        )
    };
    let old: Vec<String> = (0..1500).map(para).collect();
    let mut new: Vec<String> = Vec::new();
    for (n, text) in old.iter().enumerate() {
        if n % 7 == 3 {
            continue;
        }
        if n % 11 == 0 {
            new.push(format!("Inserted {n} entirely novel wording zebra quokka"));
        }
        new.push(if n % 5 == 0 {
            format!("{text} amended")
        } else {
            text.clone()
        });
    }
    new.swap(100, 1200);
    let o: Vec<&str> = old.iter().map(String::as_str).collect();
    let n: Vec<&str> = new.iter().map(String::as_str).collect();
    let aligned = diff::align(&o, &n);
    assert_eq!(
        aligned.iter().filter(|(a, _, _)| a.is_some()).count(),
        old.len()
    );
    assert_eq!(
        aligned.iter().filter(|(_, b, _)| b.is_some()).count(),
        new.len()
    );
    let removed = aligned
        .iter()
        .filter(|(a, b, _)| a.is_some() && b.is_none())
        .count();
    let added = aligned
        .iter()
        .filter(|(a, b, _)| a.is_none() && b.is_some())
        .count();
    let moved = aligned.iter().filter(|(_, _, in_order)| !in_order).count();
    assert_eq!(removed, (0..1500).filter(|n| n % 7 == 3).count());
    assert_eq!(
        added,
        (0..1500).filter(|n| n % 7 != 3 && n % 11 == 0).count()
    );
    assert_eq!(moved, 2);
}
