//! Helpers shared by the integration tests.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use quick_xml::events::Event;
use quick_xml::Reader;

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A file under `examples/`.
pub fn example(name: &str) -> PathBuf {
    root().join("examples").join(name)
}

/// Reads an example's text.
pub fn read_example(name: &str) -> String {
    std::fs::read_to_string(example(name)).expect("example exists")
}

/// The options the draft example needs: it does not print its symbol.
pub fn draft_options() -> un2akn::Options {
    let mut options = un2akn::Options::default();
    options.symbol = Some("A/HRC/58/L.12".into());
    options
}

/// Converts an example with the given options.
pub fn convert(name: &str, options: &un2akn::Options) -> un2akn::Conversion {
    un2akn::convert(&read_example(name), options).expect("example converts")
}

/// The options of a constructed fragment that prints neither its symbol nor
/// its date: the user gives them (nothing is invented).
pub fn fragment_options() -> un2akn::Options {
    let mut options = un2akn::Options::default();
    options.symbol = Some("A/RES/80/1".into());
    options.date = chrono::NaiveDate::from_ymd_opt(2025, 9, 19);
    options
}

/// Converts a constructed fragment with [`fragment_options`].
pub fn convert_fragment(text: &str) -> un2akn::Conversion {
    un2akn::convert(text, &fragment_options()).expect("converts")
}

/// Converts a constructed fragment with [`fragment_options`] and asserts
/// that nothing was warned.
pub fn convert_fragment_without_warnings(text: &str) -> un2akn::Conversion {
    let conversion = convert_fragment(text);
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
    conversion
}

/// Converts `text` with the default options.
pub fn convert_text(text: &str) -> un2akn::Conversion {
    un2akn::convert(text, &un2akn::Options::default()).expect("converts")
}

/// Converts `text` with the default options and asserts that nothing was
/// warned.
pub fn convert_without_warnings(text: &str) -> un2akn::Conversion {
    let conversion = convert_text(text);
    assert!(
        messages(&conversion).is_empty(),
        "{:?}",
        messages(&conversion)
    );
    conversion
}

/// Runs the real binary with `args`, in `cwd` when given, with `stdin` as
/// its standard input (none: empty), and collects its output.
pub fn run_binary(cwd: Option<&Path>, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_un2akn"));
    command
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(cwd) = cwd {
        command.current_dir(cwd);
    }
    let mut child = command.spawn().expect("the binary runs");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("piped");
        pipe.write_all(input).expect("the binary reads its input");
    }
    child.wait_with_output().expect("the binary ends")
}

/// insta settings that keep snapshots in the top-level `snapshots/`.
pub fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings
}

/// The text of an XML document, split into the body's words (everything
/// outside `<meta>` and outside footnotes) and each footnote's words by
/// marker. Also checks that the XML is well-formed.
pub struct XmlText {
    /// Words of the document outside `<meta>` and `<authorialNote>`.
    pub body: Vec<String>,
    /// (marker, words) of each `<authorialNote>`, in document order.
    pub notes: Vec<(String, Vec<String>)>,
}

/// Splits text into words: runs of letters and digits, except that each
/// Chinese or Japanese character is a word of its own (those scripts put no
/// spaces between words, so a run would be a whole clause).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        let unspaced = is_unspaced(c);
        if !c.is_alphanumeric() || unspaced {
            if let Some(from) = start.take() {
                out.push(text[from..at].to_string());
            }
            if unspaced {
                out.push(c.to_string());
            }
        } else if start.is_none() {
            start = Some(at);
        }
    }
    if let Some(from) = start {
        out.push(text[from..].to_string());
    }
    out
}

/// A character of a script written without spaces between words: CJK
/// ideographs, kana, full-width forms.
pub fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}' | '\u{ff10}'..='\u{ff19}' | '\u{20000}'..='\u{2fa1f}')
}

/// Elements that end a word: block-level ones. Inline elements (`<i>`,
/// `<ref>`, `<span>`, `<sup>`, `<docDate>` …) may stand inside a word, as
/// the UN's files have them ("n<sup>o</sup>", "<a>74/18</a>0").
const BLOCKS: &[&[u8]] = &[
    b"p",
    b"num",
    b"heading",
    b"subheading",
    b"intro",
    b"wrapUp",
    b"content",
    b"container",
    b"paragraph",
    b"point",
    b"list",
    b"blockList",
    b"item",
    b"formula",
    b"preface",
    b"preamble",
    b"mainBody",
    b"conclusions",
    b"coverPage",
    b"td",
    b"th",
    b"tr",
    b"table",
    b"attachment",
    b"hcontainer",
    b"division",
    b"blockContainer",
    b"tblock",
    b"br",
    b"eol",
    b"authorialNote",
];

/// Reads `xml` with quick-xml, panicking if it is not well-formed.
pub fn xml_text(xml: &str) -> XmlText {
    let mut reader = Reader::from_str(xml);
    let mut in_meta = 0usize;
    let mut note_depth: Vec<usize> = Vec::new();
    let mut depth = 0usize;
    let mut body = Vec::new();
    let mut notes: Vec<(String, Vec<String>)> = Vec::new();
    let mut open_notes: Vec<usize> = Vec::new();
    // Text since the last word break, for the body or the open note.
    let mut pending = String::new();
    let flush = |pending: &mut String,
                 open_notes: &[usize],
                 body: &mut Vec<String>,
                 notes: &mut Vec<(String, Vec<String>)>| {
        let found = words(pending);
        pending.clear();
        match open_notes.last() {
            Some(&index) => notes[index].1.extend(found),
            None => body.extend(found),
        }
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                depth += 1;
                if BLOCKS.contains(&e.name().as_ref()) {
                    flush(&mut pending, &open_notes, &mut body, &mut notes);
                }
                match e.name().as_ref() {
                    b"meta" => in_meta = depth,
                    b"authorialNote" => {
                        let marker = e
                            .try_get_attribute("marker")
                            .unwrap()
                            .map(|a| a.unescape_value().unwrap().to_string())
                            .unwrap_or_default();
                        notes.push((marker, Vec::new()));
                        open_notes.push(notes.len() - 1);
                        note_depth.push(depth);
                    }
                    _ => {}
                }
            }
            Event::Empty(e) if BLOCKS.contains(&e.name().as_ref()) => pending.push(' '),
            Event::End(e) => {
                if BLOCKS.contains(&e.name().as_ref()) {
                    flush(&mut pending, &open_notes, &mut body, &mut notes);
                }
                if in_meta == depth {
                    in_meta = 0;
                }
                if note_depth.last() == Some(&depth) {
                    note_depth.pop();
                    open_notes.pop();
                }
                depth -= 1;
            }
            Event::Text(t) => {
                if in_meta > 0 {
                    continue;
                }
                let text = t.decode().unwrap();
                let text = quick_xml::escape::unescape(&text).unwrap();
                pending.push_str(&text);
            }
            Event::GeneralRef(r) => {
                let name = r.decode().unwrap();
                let text = match name.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => " ",
                };
                if in_meta == 0 {
                    pending.push_str(text);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    flush(&mut pending, &open_notes, &mut body, &mut notes);
    XmlText { body, notes }
}

/// Whether `needle` appears in `haystack` in order (not necessarily
/// contiguously); on failure, the index of the first word not found.
pub fn subsequence(needle: &[String], haystack: &[String]) -> Result<(), usize> {
    let mut at = 0;
    for (index, word) in needle.iter().enumerate() {
        match haystack[at..].iter().position(|w| w == word) {
            Some(found) => at += found + 1,
            None => return Err(index),
        }
    }
    Ok(())
}

/// Checks that every `refersTo`, `href="#…"`, `outcome` and `as` points at
/// an eId of the document, and that eIds are unique. Returns the number of
/// references checked.
pub fn check_references(xml: &str) -> usize {
    let mut eids = std::collections::HashSet::new();
    for (at, _) in xml.match_indices(" eId=\"") {
        let rest = &xml[at + 6..];
        let eid = &rest[..rest.find('"').unwrap()];
        assert!(eids.insert(eid), "eId {eid} is not unique");
    }
    let mut checked = 0;
    for attr in [" refersTo=\"#", " href=\"#", " outcome=\"#", " as=\"#"] {
        for (at, _) in xml.match_indices(attr) {
            let rest = &xml[at + attr.len()..];
            let target = &rest[..rest.find('"').unwrap()];
            assert!(eids.contains(target), "#{target} does not resolve");
            checked += 1;
        }
    }
    checked
}

/// The vendored corpus of real documents (`tests/fixtures/corpus/`, a copy of
/// the project's shared `corpus/documents`), sorted by name.
pub fn corpus_documents() -> Vec<PathBuf> {
    let dir = root().join("tests/fixtures/corpus");
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the vendored corpus {} is missing: {e}", dir.display()));
    let mut paths: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    paths.sort();
    assert!(
        !paths.is_empty(),
        "the vendored corpus {} is empty",
        dir.display()
    );
    paths
}

/// A corpus document's text: JSON paragraph lists joined with blank lines.
pub fn corpus_text(path: &Path) -> String {
    let raw = std::fs::read_to_string(path).unwrap();
    if path.extension().is_some_and(|e| e == "json") {
        let items: Vec<serde_json::Value> = serde_json::from_str(&raw).unwrap();
        items
            .iter()
            .map(|item| item["text"].as_str().unwrap_or_default().to_string())
            .collect::<Vec<_>>()
            .join("\n\n")
    } else {
        raw
    }
}

/// The names of the preamble's containers, in order.
pub fn container_names(document: &un2akn::model::Document) -> Vec<&str> {
    let containers = &document.parts.preamble.containers;
    containers.iter().map(|c| c.name.as_str()).collect()
}

/// The printed numbers of the operative paragraphs, in order (`None`: unnumbered).
pub fn paragraph_numbers(document: &un2akn::model::Document) -> Vec<Option<&str>> {
    document
        .parts
        .paragraphs()
        .map(|p| p.num.as_deref())
        .collect()
}

/// The labels of a paragraph's points, in order (none without a list).
pub fn point_labels(paragraph: &un2akn::model::Paragraph) -> Vec<&str> {
    let points = paragraph.list.iter().flat_map(|list| &list.points);
    points.map(|p| p.num.as_str()).collect()
}

/// The messages of a conversion's warnings, in order.
pub fn messages(conversion: &un2akn::Conversion) -> Vec<&str> {
    conversion
        .warnings
        .iter()
        .map(|w| w.message.as_str())
        .collect()
}
