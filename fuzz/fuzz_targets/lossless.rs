//! "Nothing lost" as a checked invariant. The corpus is real documents; a
//! custom mutator changes them the way PDF extraction and people do — line
//! ends, footnote rules, note lines and calls moved, headings, numbering,
//! blank lines, multi-byte spaces — and otherwise libFuzzer mutates bytes.
//! Every conversion that succeeds must keep every word of its input: each
//! word (a run of letters, case-folded) must occur in the output's text or
//! attribute values, or in the page furniture reported, as often as in the
//! input (a word joined to its neighbour, as by undoing a hyphenation, is
//! found inside the joined word). An error must be about the input; a
//! malformed or invalid output fails like a panic.
#![no_main]

use std::collections::HashMap;

use libfuzzer_sys::{fuzz_mutator, fuzz_target};
use quick_xml::events::Event;
use quick_xml::Reader;
use un2akn::ErrorKind;

fuzz_target!(
    init: {
        let _ = un2akn::convert("# General Assembly\n\n1. *Decides* x;\n", &un2akn::Options::default());
    },
    |input: &[u8]| {
        let conversion = match un2akn::convert_bytes(input, &options()) {
            Ok(conversion) => conversion,
            Err(error) => match error.kind() {
                ErrorKind::MalformedXml { .. }
                | ErrorKind::SchemaInvalid { .. }
                | ErrorKind::SchemaUnavailable { .. } => {
                    panic!("the converter made bad XML: {error}")
                }
                _ => return,
            },
        };
        // The characters XML cannot carry are removed (and reported) before
        // anything reads the text: they separate no words ("<s\x16up>" is
        // "<sup>", markup).
        let text = String::from_utf8_lossy(input);
        let text = un2akn::clean::forbidden_characters(&text)
            .map_or_else(|| text.to_string(), |(kept, _, _)| kept);
        let mut kept = output_text(&conversion.xml);
        for piece in &conversion.furniture {
            kept.push(' ');
            kept.push_str(&piece.text);
        }
        check(&text, &kept);
    }
);

/// A symbol and a date, so that an input whose mutated title no longer
/// states them still converts and is checked (the text's own win).
fn options() -> un2akn::Options {
    let mut options = un2akn::Options::default();
    options.symbol = Some("A/RES/80/1".into());
    options.date = chrono::NaiveDate::from_ymd_opt(2025, 9, 19);
    options
}

/// Elements inside a line of text: they may end inside a word ("158th
/// meeting" as an `<event>` glued to the "o" after it), so their ends do not
/// separate words, as block elements' ends do.
const INLINE: [&str; 16] = [
    "i", "b", "u", "sup", "sub", "span", "ref", "date", "docDate", "event", "docNumber",
    "docTitle", "docType", "organization", "location", "noteRef",
];

/// The text of `xml` (words split only at block elements' ends), then its
/// attribute values, space-separated.
fn output_text(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut attributes = String::new();
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(element) | Event::Empty(element)) => {
                for attribute in element.attributes().flatten() {
                    if let Ok(value) = attribute.unescape_value() {
                        attributes.push(' ');
                        attributes.push_str(&value);
                    }
                }
            }
            Ok(Event::Text(text)) => {
                let raw = text.decode().expect("text is UTF-8");
                out.push_str(&quick_xml::escape::unescape(&raw).expect("valid escapes"));
            }
            Ok(Event::GeneralRef(reference)) => {
                let name = reference.decode().expect("UTF-8");
                out.push_str(match name.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => " ",
                });
            }
            Ok(Event::End(element)) => {
                let name = element.local_name();
                let name = std::str::from_utf8(name.as_ref()).unwrap_or_default();
                if !INLINE.contains(&name) {
                    out.push(' ');
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(error) => panic!("output is not well-formed: {error}"),
        }
    }
    out.push_str(&attributes);
    out
}

/// Markup of the input that is not text: `<sup>` tags and the like.
const MARKUP: [&str; 8] = ["<sup>", "</sup>", "<sub>", "</sub>", "<br>", "<br/>", "<br />", "&nbsp;"];

/// Runs of letters, case-folded, with markup removed first; each Chinese or
/// Japanese character is a word of its own (those scripts put no spaces
/// between words, and an inline element such as a lead phrase's `<i>` may
/// end inside what would otherwise be one run).
fn words(text: &str, markup: bool) -> Vec<String> {
    let mut text = text.to_string();
    // Only the input holds markup: the output's text is text (a literal
    // "</sup" + "*" made emphasis reads "</sup>" there, and is a word).
    for tag in MARKUP.iter().filter(|_| markup) {
        if text.contains(tag) {
            text = text.replace(tag, " ");
        }
    }
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if c.is_alphabetic() && !is_unspaced(c) {
            current.extend(c.to_lowercase());
            continue;
        }
        if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        if is_unspaced(c) {
            out.push(c.to_string());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A character of a script written without spaces between words: CJK
/// ideographs and kana (as `tests/util.rs` decides it).
fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2fa1f}')
}

/// Fails when a word of `input` is missing from `kept` (see the module doc).
fn check(input: &str, kept: &str) {
    let mut have: HashMap<String, isize> = HashMap::new();
    let output_words = words(kept, false);
    for word in &output_words {
        *have.entry(word.clone()).or_default() += 1;
    }
    let mut missing: HashMap<&str, isize> = HashMap::new();
    let input_words = words(input, true);
    for word in &input_words {
        let count = have.entry(word.clone()).or_default();
        *count -= 1;
        if *count < 0 {
            *missing.entry(word).or_default() += 1;
        }
    }
    if missing.is_empty() {
        return;
    }
    // A word joined to a neighbour ("recog-" + "nize", "*Recalling*also")
    // lives inside a longer output word: allow as many such as there are
    // longer words holding it.
    let joined = |word: &str| {
        output_words
            .iter()
            .filter(|w| w.len() > word.len())
            .map(|w| w.matches(word).count())
            .sum::<usize>() as isize
    };
    let mut lost: Vec<(&str, isize)> = missing
        .into_iter()
        .filter(|&(word, n)| n > joined(word))
        .collect();
    lost.sort();
    assert!(lost.is_empty(), "input words lost (word, times): {lost:?}");
}

// ---------------------------------------------------------------------------
// The mutator.

/// A small deterministic generator (xorshift), seeded by libFuzzer.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const RULES: [&str; 5] = ["______", "__________________", "---", "* * *", "_______________\u{a0}"];
const HEADINGS: [&str; 10] = [
    "II", "III. Follow-up", "# General Assembly", "## Annex", "### 80/1. Title words",
    "Annex", "A. Scope of application", "*The General Assembly,*", "Follow-up", "I",
];
const NUMBERS: [&str; 10] = ["1. ", "2. ", "(a) ", "(i) ", "10. ", "1 ", "(b)", "*", "3.", "(ii) "];
const SPACES: [&str; 8] = [
    "\u{a0}", "\u{2028}", "\u{3000}", "\u{2009}", "\u{85}", "\u{202f}", "\u{2029}", "\t",
];
const CALLS: [&str; 6] = ["1", "<sup>1</sup>", "<sup>2</sup>", "2", " 3", "*"];

/// One structural change to `text`, chosen by `rng`.
fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let n = lines.len();
    match rng.below(12) {
        // Line ends: all, or one, changed.
        0 => {
            let eol = rng.pick(&["\r\n", "\r", "\u{2028}", "\u{85}", "\n\n"]);
            if rng.below(2) == 0 {
                return lines.join(eol);
            }
            let at = rng.below(n.saturating_sub(1));
            let mut out = String::with_capacity(text.len() + 4);
            for (i, line) in lines.iter().enumerate() {
                out.push_str(line);
                if i + 1 < n {
                    out.push_str(if i == at { eol } else { "\n" });
                }
            }
            return out;
        }
        // A footnote rule somewhere.
        1 => {
            let rule = rng.pick(&RULES).to_string();
            lines.insert(rng.below(n + 1), rule);
        }
        // A note line (starting with a marker) moved elsewhere.
        2 => {
            let notes: Vec<usize> = (0..n)
                .filter(|&i| {
                    let l = lines[i].trim_start();
                    l.starts_with("<sup>")
                        || l.starts_with("\\*")
                        || l.split(' ').next().is_some_and(|w| {
                            !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit())
                        })
                })
                .collect();
            if notes.is_empty() {
                lines.insert(rng.below(n + 1), format!("{} A note of {} words.", 1 + rng.below(4), rng.below(9)));
            } else {
                let line = lines.remove(notes[rng.below(notes.len())]);
                lines.insert(rng.below(n), line);
            }
        }
        // A call added after a word, or removed.
        3 => {
            let at = rng.below(n);
            let line = &mut lines[at];
            let ends: Vec<usize> = line
                .char_indices()
                .filter(|&(i, c)| c.is_alphabetic() && !line[i + c.len_utf8()..].starts_with(char::is_alphabetic))
                .map(|(i, c)| i + c.len_utf8())
                .collect();
            if !ends.is_empty() {
                let at = ends[rng.below(ends.len())];
                line.insert_str(at, rng.pick(&CALLS));
            }
        }
        // A heading inserted, or a line made a heading.
        4 => {
            let heading = rng.pick(&HEADINGS).to_string();
            if rng.below(2) == 0 {
                let at = rng.below(n + 1);
                lines.insert(at, heading);
                lines.insert(at, String::new());
            } else {
                let at = rng.below(n);
                let prefix = rng.pick(&["# ", "## ", "### ", "**", "*"]);
                lines[at].insert_str(0, prefix);
            }
        }
        // Numbering: a number put in front of a line, or one taken off.
        5 => {
            let at = rng.below(n);
            if rng.below(2) == 0 {
                lines[at].insert_str(0, rng.pick(&NUMBERS));
            } else if let Some(space) = lines[at].find(' ') {
                if lines[at][..space].bytes().any(|b| b.is_ascii_digit() || b == b'(') {
                    lines[at].replace_range(..=space, "");
                }
            }
        }
        // A blank line removed (paragraphs run together) or added.
        6 => {
            let at = rng.below(n);
            if lines[at].trim().is_empty() && n > 1 {
                lines.remove(at);
            } else {
                lines.insert(at, String::new());
            }
        }
        // A space swapped for a multi-byte one.
        7 => {
            let at = rng.below(n);
            let spaces: Vec<usize> = lines[at].match_indices(' ').map(|(i, _)| i).collect();
            if !spaces.is_empty() {
                let i = spaces[rng.below(spaces.len())];
                lines[at].replace_range(i..=i, rng.pick(&SPACES));
            }
        }
        // A block of lines moved.
        8 => {
            let start = rng.below(n);
            let len = 1 + rng.below(4.min(n - start));
            let block: Vec<String> = lines.drain(start..start + len).collect();
            let at = rng.below(lines.len() + 1);
            for (i, line) in block.into_iter().enumerate() {
                lines.insert(at + i, line);
            }
        }
        // A line split in two, or joined to the next.
        9 => {
            let at = rng.below(n);
            if rng.below(2) == 0 || at + 1 >= n {
                if let Some((i, _)) = lines[at].match_indices(' ').nth(rng.below(8)) {
                    let rest = lines[at][i + 1..].to_string();
                    lines[at].truncate(i);
                    lines.insert(at + 1, rest);
                }
            } else {
                let next = lines.remove(at + 1);
                lines[at].push(' ');
                lines[at].push_str(&next);
            }
        }
        // A word hyphenated across lines.
        10 => {
            let at = rng.below(n);
            if let Some((i, _)) = lines[at].match_indices(' ').nth(1 + rng.below(6)) {
                let word_end = lines[at][i + 1..]
                    .find(' ')
                    .map_or(lines[at].len(), |e| i + 1 + e);
                let word = &lines[at][i + 1..word_end];
                if let Some((mid, _)) = word.char_indices().nth(word.chars().count() / 2) {
                    let split = i + 1 + mid;
                    let rest = lines[at][split..].to_string();
                    lines[at].truncate(split);
                    lines[at].push('-');
                    lines.insert(at + 1, rest);
                }
            }
        }
        // A page break with a page number and a running header.
        _ => {
            let at = rng.below(n + 1);
            let page = format!("\u{c}{}", 2 + rng.below(20));
            lines.insert(at, page);
        }
    }
    lines.join("\n")
}

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    let mut rng = Rng(u64::from(seed).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    // A third of the time, libFuzzer's own byte-level mutations.
    if rng.below(3) == 0 {
        return libfuzzer_sys::fuzzer_mutate(data, size, max_size);
    }
    let Ok(text) = std::str::from_utf8(&data[..size]) else {
        return libfuzzer_sys::fuzzer_mutate(data, size, max_size);
    };
    let mut text = text.to_string();
    for _ in 0..1 + rng.below(3) {
        text = mutate(&text, &mut rng);
    }
    let bytes = text.as_bytes();
    if bytes.len() > max_size || bytes.is_empty() {
        return libfuzzer_sys::fuzzer_mutate(data, size, max_size);
    }
    data[..bytes.len()].copy_from_slice(bytes);
    bytes.len()
});
