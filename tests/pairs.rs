//! Against the UN's own Akoma Ntoso (shared/corpus/pairs): for ten General
//! Assembly resolutions of the 79th session, un2akn's output for the text
//! extracted from the PDF agrees with the DGACM file on the work IRI, the
//! publication date, the numbered operative paragraphs, the sub-paragraphs,
//! the footnotes and the annexes.

use std::path::Path;

use crate::util;

/// The main document (before `<attachments>`), and the number of annexes.
fn main_part(xml: &str) -> (&str, usize) {
    let annexes = xml.matches("<attachment ").count() + xml.matches("<attachment>").count();
    let end = xml.find("<attachments").unwrap_or(xml.len());
    (&xml[..end], annexes)
}

/// What both files are compared on.
#[derive(Debug, PartialEq, Eq)]
struct Facts {
    work: String,
    publication: String,
    numbered_paragraphs: Vec<String>,
    points: usize,
    footnotes: usize,
    annexes: usize,
}

fn attribute<'a>(xml: &'a str, after: &str, name: &str) -> &'a str {
    let at = xml.find(after).map_or(0, |i| i + after.len());
    let rest = &xml[at..];
    let start = rest.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    &rest[start..start + rest[start..].find('"').unwrap()]
}

fn facts(xml: &str) -> Facts {
    let (main, annexes) = main_part(xml);
    let body_start = main.find("<mainBody").unwrap();
    let body = &main[body_start..];
    let numbered_paragraphs = body
        .match_indices("<num>")
        .map(|(at, _)| &body[at + 5..at + 5 + body[at..].find("</num>").unwrap() - 5])
        .filter(|num| {
            num.ends_with('.') && num[..num.len() - 1].bytes().all(|b| b.is_ascii_digit())
        })
        .map(str::to_string)
        .collect();
    let publication_at = xml.find("name=\"publication\"").unwrap();
    let date_at = xml[..publication_at].rfind("date=\"").unwrap() + 6;
    Facts {
        work: attribute(xml, "<FRBRWork>", "FRBRuri value")
            .trim_end_matches('/')
            .to_string(),
        publication: xml[date_at..date_at + 10].to_string(),
        numbered_paragraphs,
        points: body.matches("<point ").count() + body.matches("<point>").count(),
        footnotes: main.matches("<authorialNote ").count(),
        annexes,
    }
}

#[test]
fn agrees_with_the_un_files() {
    let dir = util::root().join("../shared/corpus/pairs");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("no corpus pairs at {}; skipped", dir.display());
        return;
    };
    let mut names: Vec<_> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 10);
    let mut differences = Vec::new();
    for path in &names {
        let text = std::fs::read_to_string(path).unwrap();
        let ours = un2akn::convert(&text, &un2akn::Options::default())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let theirs = std::fs::read_to_string(path.with_extension("akn.xml")).unwrap();
        let (ours, theirs) = (facts(&ours.xml), facts(&theirs));
        if ours != theirs {
            differences.push(format!(
                "{}:\n  ours   {ours:?}\n  theirs {theirs:?}",
                Path::new(path).file_name().unwrap().to_string_lossy()
            ));
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}
