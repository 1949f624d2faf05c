//! Hostile and broken input: whatever an archive or a publishing pipeline
//! feeds the converter, it must never panic, never overflow the stack, never
//! take quadratic time, never emit malformed or invalid XML, and say what is
//! wrong with a typed error.
//!
//! - every file in `tests/fixtures/hostile/` (minimised fuzzer findings, see
//!   `fuzz/README.md`) converts or fails with a typed error;
//! - one regression test per category: invalid UTF-8, characters XML cannot
//!   carry, markup characters in every part, right-to-left and combining
//!   text, empty input, binary input, 100,000 footnotes, deep nesting, huge
//!   lines, pathological runs of markup (linear time), determinism;
//! - proptest properties on arbitrary text.
//!
//! Tests that could overflow the stack or run away in time run in a child
//! process (this test binary, re-run on that one test) on a 2 MiB thread —
//! the default for spawned threads — with a deadline, so that one abort or
//! hang fails one test with a readable message instead of killing the run.
//! Quadratic steps are caught by comparing an input with one eight times
//! larger ([`assert_linear`]: linear work takes about 8 times as long,
//! quadratic up to 64; the test fails above 24), not by timing anything
//! against the clock.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use quick_xml::events::Event;
use quick_xml::Reader;
use un2akn::clean::Format;
use un2akn::{Conversion, Error, ErrorKind, Options, Position};

use crate::util::{subsequence, words, xml_text};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// Set in a child process to the one test it runs.
const CHILD: &str = "UN2AKN_HOSTILE_CHILD";
/// Set in a child process to the fixture it converts.
const CHILD_FIXTURE: &str = "UN2AKN_HOSTILE_FIXTURE";
/// Set in a child process to the file it writes its output to.
const CHILD_OUTPUT: &str = "UN2AKN_HOSTILE_OUTPUT";
/// What a child prints once its body has run, so that a misspelt test name
/// (which would run no test at all) cannot pass.
const CHILD_DONE: &str = "hostile child finished:";
/// Rust's default stack for spawned threads (test threads, rayon workers).
const STACK: usize = 2 << 20;
/// Deadline for an isolated test: a guard against hangs, far above the few
/// seconds each takes in a debug build on a loaded machine.
const DEADLINE: Duration = Duration::from_secs(120);

/// The start of a well-formed resolution.
const HEAD: &str = "# General Assembly\n\nDistr.: General  \n8 April 2022\n\n\
    ## Human Rights Council\n\n\
    ## Resolution adopted by the Human Rights Council on 1 April 2022\n\n\
    ### 49/34. Technical assistance\n\n*The Human Rights Council,*\n\n\
    *Recalling* its resolutions,\n\n";
/// The end of a well-formed resolution.
const TAIL: &str = "\n\n*58th meeting  \n1 April 2022*\n\n[Adopted without a vote.]\n";

/// The options of every hostile input: the symbol and date of the
/// well-formed resolution their pieces come from, so that an input without
/// them (nothing is invented) still converts.
fn options() -> Options {
    let mut options = Options::default();
    options.symbol = Some("A/HRC/RES/49/34".into());
    options.date = chrono::NaiveDate::from_ymd_opt(2022, 4, 1);
    options
}

/// The test's name as the harness knows it: `hostile::name`.
fn test_path(name: &str) -> String {
    let module = module_path!();
    let module = module.split_once("::").map_or(module, |(_, m)| m);
    format!("{module}::{name}")
}

/// Whether this process is the child running `name`.
fn is_child(name: &str) -> bool {
    std::env::var(CHILD).is_ok_and(|v| v == test_path(name))
}

/// Runs `body` in a child process on a 2 MiB thread, failing if the child
/// aborts (stack overflow), panics or does not finish within `deadline`.
fn isolated(name: &str, deadline: Duration, body: impl FnOnce() + Send + 'static) {
    let path = test_path(name);
    if is_child(name) {
        let outcome = std::thread::Builder::new()
            .name(path.clone())
            .stack_size(STACK)
            .spawn(body)
            .expect("spawn a thread")
            .join();
        if outcome.is_err() {
            // The panic message is already on stderr.
            std::process::exit(101);
        }
        println!("{CHILD_DONE} {path}");
        return;
    }
    let mut command = Command::new(std::env::current_exe().expect("the test binary"));
    command
        .args([path.as_str(), "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, &path);
    let child = run_child(&mut command, deadline);
    assert!(
        !child.timed_out,
        "{path} did not finish within {deadline:?} (a hang or a quadratic step); last output:\n{}",
        tail(&child.stderr)
    );
    assert!(
        child.success && child.stdout.contains(CHILD_DONE),
        "{path} failed in its child process ({}):\n{}",
        child.status,
        tail(&child.stderr)
    );
}

struct ChildRun {
    success: bool,
    timed_out: bool,
    status: String,
    stdout: String,
    stderr: String,
}

fn run_child(command: &mut Command, deadline: Duration) -> ChildRun {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the test binary");
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let start = Instant::now();
    let (status, timed_out) = loop {
        if let Some(status) = child.try_wait().expect("wait for the child") {
            break (Some(status), false);
        }
        if start.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break (None, true);
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    ChildRun {
        success: status.is_some_and(|s| s.success()),
        timed_out,
        status: status.map_or_else(|| "killed".to_string(), |s| s.to_string()),
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    }
}

/// The last lines of a child's output, each cut short.
fn tail(text: &str) -> String {
    let lines: Vec<String> = text.lines().map(short).collect();
    lines[lines.len().saturating_sub(25)..].join("\n")
}

/// At most 600 characters of `text`, so that a message quoting a
/// 10,000-level input stays readable.
fn short(text: &str) -> String {
    const MAX: usize = 600;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let head: String = text.chars().take(MAX / 2).collect();
    let tail: Vec<char> = text.chars().rev().take(MAX / 2).collect();
    let tail: String = tail.into_iter().rev().collect();
    format!("{head} … {tail}")
}

/// Converts, insisting that a failure is about the input: an error saying
/// the XML is malformed or invalid (or the schema missing) is a bug.
fn convert_or_input_error(input: &str) -> Result<Conversion, Error> {
    let result = un2akn::convert(input, &options());
    check_result(&result);
    result
}

fn check_result(result: &Result<Conversion, Error>) {
    match result {
        Ok(conversion) => {
            well_formed(&conversion.xml);
        }
        // Errors about the input (not UTF-8, binary, empty, …) are what
        // hostile input deserves; these three mean the converter is broken.
        Err(error) => assert!(
            !matches!(
                error.kind(),
                ErrorKind::MalformedXml { .. }
                    | ErrorKind::SchemaInvalid { .. }
                    | ErrorKind::SchemaUnavailable { .. }
            ),
            "the converter made bad XML: {}",
            short(&error.to_string())
        ),
    }
}

/// Re-reads `xml` with quick-xml: one root, every element closed, names
/// matching, only the five predefined entities or character references,
/// and no `]]>` (which XML forbids in text).
fn well_formed(xml: &str) {
    let _ = xml_text(xml);
    let mut reader = Reader::from_str(xml);
    let mut depth = 0usize;
    let mut roots = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Start(_)) => {
                roots += usize::from(depth == 0);
                depth += 1;
            }
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Empty(_)) => roots += usize::from(depth == 0),
            Ok(Event::GeneralRef(r)) => {
                let name = r.decode().expect("UTF-8 reference");
                assert!(
                    matches!(name.as_ref(), "amp" | "lt" | "gt" | "quot" | "apos")
                        || r.resolve_char_ref().is_ok_and(|c| c.is_some()),
                    "unknown or bad reference &{name};"
                );
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed at byte {}: {e}", reader.buffer_position()),
        }
    }
    assert_eq!((depth, roots), (0, 1), "unclosed elements or several roots");
    assert!(!xml.contains("]]>"), "`]]>` in the output");
}

/// The parts of a document a text can land in.
const PARTS: [&str; 6] = [
    "coverPage",
    "preface",
    "preamble",
    "mainBody",
    "conclusions",
    "authorialNote",
];

/// The text of each part (references resolved), keyed by the innermost
/// enclosing part: a footnote's text is under `authorialNote`, not under the
/// part whose paragraph calls it.
fn part_texts(xml: &str) -> HashMap<&'static str, String> {
    let mut reader = Reader::from_str(xml);
    let mut open: Vec<Option<&'static str>> = Vec::new();
    let mut texts: HashMap<&'static str, String> = HashMap::new();
    let current = |open: &[Option<&'static str>]| open.iter().rev().find_map(|p| *p);
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                let name = e.name();
                open.push(
                    PARTS
                        .iter()
                        .copied()
                        .find(|p| p.as_bytes() == name.as_ref()),
                );
            }
            Event::End(_) => {
                open.pop();
            }
            Event::Text(t) => {
                if let Some(part) = current(&open) {
                    texts
                        .entry(part)
                        .or_default()
                        .push_str(&t.decode().expect("UTF-8 text"));
                }
            }
            Event::GeneralRef(r) => {
                if let Some(part) = current(&open) {
                    let name = r.decode().expect("UTF-8 reference");
                    let c = match name.as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        _ => r
                            .resolve_char_ref()
                            .ok()
                            .flatten()
                            .expect("a character reference"),
                    };
                    texts.entry(part).or_default().push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    texts
}

/// Asserts that `needle` is, verbatim, in the text of `part`.
fn assert_in_part(xml: &str, part: &str, needle: &str) {
    let texts = part_texts(xml);
    let text = texts.get(part).map_or("", String::as_str);
    assert!(
        text.contains(needle),
        "{needle:?} not intact in <{part}>, whose text is:\n{text:?}\n\nXML:\n{}",
        excerpt(xml)
    );
}

fn excerpt(xml: &str) -> String {
    if xml.len() <= 6000 {
        return xml.to_string();
    }
    let mut end = 6000;
    while !xml.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &xml[..end])
}

/// A deterministic pseudo-random byte stream (xorshift64*).
fn pseudo_random_bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed | 1;
    (0..len)
        .map(|_| {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            (state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 56) as u8
        })
        .collect()
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

// ---------------------------------------------------------------------------
// (a) Minimised fuzzer findings
// ---------------------------------------------------------------------------

fn hostile_fixtures() -> Vec<PathBuf> {
    let folder = crate::util::root().join("tests/fixtures/hostile");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn convert_fixture(path: &Path) {
    let bytes = std::fs::read(path).expect("read the fixture");
    let result = un2akn::convert_bytes(&bytes, &options());
    check_result(&result);
    // Each stage alone as well, as the fuzz targets drive them.
    if let Ok(text) = std::str::from_utf8(&bytes) {
        let _ = un2akn::clean::forbidden_characters(text);
        for format in [Format::Markdown, Format::Text] {
            let cleaned = un2akn::clean::clean(text, format);
            let _ = un2akn::grammar::parse(&cleaned, &un2akn::grammar::ParseOptions::default());
        }
    }
}

/// Every minimised fuzzer finding converts or fails with a typed error. Each
/// file runs in its own child process, so that one that overflows the stack
/// or hangs names itself and does not hide the others.
#[test]
fn fixtures_convert_or_fail_cleanly() {
    let name = "fixtures_convert_or_fail_cleanly";
    if is_child(name) {
        let path = PathBuf::from(std::env::var(CHILD_FIXTURE).expect("a fixture"));
        let outcome = std::thread::Builder::new()
            .stack_size(STACK)
            .spawn(move || convert_fixture(&path))
            .expect("spawn a thread")
            .join();
        if outcome.is_err() {
            std::process::exit(101);
        }
        println!("{CHILD_DONE} {}", test_path(name));
        return;
    }
    let fixtures = hostile_fixtures();
    let mut failures = Vec::new();
    for batch in fixtures.chunks(4) {
        let runs: Vec<_> = batch
            .iter()
            .map(|path| {
                let path = path.clone();
                let test = test_path(name);
                std::thread::spawn(move || {
                    let mut command =
                        Command::new(std::env::current_exe().expect("the test binary"));
                    command
                        .args([test.as_str(), "--exact", "--nocapture", "--test-threads=1"])
                        .env(CHILD, &test)
                        .env(CHILD_FIXTURE, &path);
                    (path, run_child(&mut command, DEADLINE))
                })
            })
            .collect();
        for run in runs {
            let (path, child) = run.join().expect("a child runner");
            let file = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            if child.timed_out {
                failures.push(format!("{file}: no result within {DEADLINE:?}"));
            } else if !child.success || !child.stdout.contains(CHILD_DONE) {
                failures.push(format!(
                    "{file} ({}):\n{}",
                    child.status,
                    tail(&child.stderr)
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} hostile fixtures failed:\n\n{}",
        failures.len(),
        fixtures.len(),
        failures.join("\n\n")
    );
}

// ---------------------------------------------------------------------------
// (b) One regression test per category
// ---------------------------------------------------------------------------

fn invalid_utf8(input: &[u8]) -> (usize, Position, String) {
    let error = un2akn::convert_bytes(input, &options()).expect_err("not UTF-8");
    match error.kind() {
        ErrorKind::InvalidUtf8 { offset, position } => (*offset, *position, error.to_string()),
        other => panic!("expected InvalidUtf8, got {other:?}"),
    }
}

#[test]
fn invalid_utf8_names_byte_offset_line_and_column() {
    // Line 3; the column counts characters, the offset bytes.
    let (offset, position, message) =
        invalid_utf8(b"# General Assembly\n\nDistr.: G\xC3\xA9n\xC3\xA9ral\xFF and more\n");
    assert_eq!(offset, 37);
    assert_eq!(
        position,
        Position {
            line: 3,
            column: 16
        }
    );
    assert!(
        message.contains("3:16") && message.contains("byte 37"),
        "{message}"
    );

    // The very first byte.
    let (offset, position, _) = invalid_utf8(b"\xFF# General");
    assert_eq!((offset, position), (0, Position { line: 1, column: 1 }));

    // A sequence cut off by the end of the file.
    let (offset, position, _) = invalid_utf8(b"ab\nc\xE2\x82");
    assert_eq!((offset, position), (4, Position { line: 2, column: 2 }));

    // An overlong encoding, a surrogate encoded in UTF-8, a stray
    // continuation byte, Latin-1.
    for (bytes, expected) in [
        (&b"x\xC0\xAF"[..], 1),
        (b"ok \xED\xA0\x80 surrogate", 3),
        (b"\n\n\x80", 2),
        (b"Caf\xE9", 3),
    ] {
        let (offset, _, _) = invalid_utf8(bytes);
        assert_eq!(offset, expected, "{bytes:?}");
    }

    // CRLF line ends: the line counts `\n`, the column ignores the `\r`.
    let (offset, position, _) = invalid_utf8(b"a\r\nb\r\ncd\xFF");
    assert_eq!((offset, position), (8, Position { line: 3, column: 3 }));
}

/// A UTF-16 file (what Windows tools call "Unicode") is text in the wrong
/// encoding, not binary data: the first problem in it is the byte-order mark
/// `FF FE` at byte 0, which is not UTF-8, before the first NUL at byte 3.
#[test]
fn utf16_input_is_reported_as_invalid_utf8() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "# General Assembly\n".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let (offset, position, _) = invalid_utf8(&bytes);
    assert_eq!((offset, position), (0, Position { line: 1, column: 1 }));
}

/// The offset is a byte offset into the file, so that `xxd -s` or `dd skip=`
/// finds the bad byte: a byte-order mark counts (the column does not).
#[test]
fn invalid_utf8_offset_counts_the_byte_order_mark() {
    let (offset, position, _) = invalid_utf8(b"\xEF\xBB\xBFab\xFF");
    assert_eq!(offset, 5, "offset into the file, BOM included");
    assert_eq!(position, Position { line: 1, column: 3 });
}

#[test]
fn characters_xml_cannot_carry_are_removed_with_a_warning() {
    let forbidden = [
        '\0', '\u{1}', '\u{8}', '\u{b}', '\u{e}', '\u{1b}', '\u{1f}', '\u{fffe}', '\u{ffff}',
    ];
    for c in forbidden {
        let input = format!("{HEAD}1. *Decides* alpha{c}omega beta;{TAIL}");
        let conversion = convert_or_input_error(&input).expect("converts");
        assert!(
            !conversion.xml.contains(c),
            "U+{:04X} in the output",
            c as u32
        );
        assert_in_part(&conversion.xml, "mainBody", "alphaomega beta");
        let code = format!("U+{:04X}", c as u32);
        let warning = conversion
            .warnings
            .iter()
            .find(|w| w.message.contains(&code))
            .unwrap_or_else(|| panic!("no warning for {code}: {:?}", conversion.warnings));
        let line = HEAD.matches('\n').count() + 1;
        assert_eq!(
            warning.position,
            Position {
                line,
                column: "1. *Decides* alpha".chars().count() + 1
            },
            "{code}"
        );
    }
    // Everywhere at once, and in runs.
    let mut input = String::new();
    for (index, piece) in HEAD.split_inclusive('\n').enumerate() {
        input.push_str(piece);
        input.push(forbidden[index % forbidden.len()]);
    }
    input.push_str("1. *Decides*\u{0}\u{0}\u{0} to act;\u{1}\u{fffe}\u{ffff}<sup>1</sup>\n\n---\n\n<sup>1</sup> Note\u{b}\u{c}text.\n");
    let conversion = convert_or_input_error(&input).expect("converts");
    assert!(conversion.warnings.len() >= forbidden.len());

    // What XML 1.0 allows stays: tab, DEL, C1 controls, non-characters other
    // than U+FFFE/U+FFFF, private use, the last code point.
    let allowed = "a\tb\u{7f}c\u{85}d\u{9f}e\u{fdd0}f\u{1fffe}g\u{e000}h\u{10ffff}i";
    let input = format!("{HEAD}1. *Decides* {allowed};{TAIL}");
    // NEL (U+0085) is a line end, so inside a paragraph it reads as a space.
    let allowed = allowed.replace('\u{85}', " ");
    let conversion = convert_or_input_error(&input).expect("converts");
    assert_in_part(&conversion.xml, "mainBody", &allowed);
}

/// Markup characters, and text that looks like markup or escapes, in every
/// part of the document: escaped in the XML, intact in its text.
#[test]
fn markup_characters_survive_escaped_in_every_part() {
    let payloads = [
        "<",
        ">",
        "&",
        "]]>",
        "\"",
        "'",
        "< > & ]]> \" '",
        "<p>x</p>",
        "</akomaNtoso>",
        "&amp;",
        "&lt;b&gt;",
        "&#38;",
        "&#xD800;",
        "&#0;",
        "\\uD800",
        "<![CDATA[x]]>",
        "<!-- comment -->",
        "<?xml version=\"1.0\"?>",
        "<!DOCTYPE x [<!ENTITY e \"boom\">]>&e;",
        "a]]>b]]]]>>c",
    ];
    for payload in payloads {
        let input = format!(
            "# General Assembly\n\nDistr.: General  \n8 April 2022\n\n\
             Masthead alpha {payload} omega\n\n\
             ## Human Rights Council\n\n\
             ## Resolution adopted by the Human Rights Council on 1 April 2022\n\n\
             ### 49/34. Title alpha {payload} omega\n\n\
             *The Human Rights Council,*\n\n\
             *Recalling* preamble alpha {payload} omega,<sup>1</sup>\n\n\
             1. *Decides* operative alpha {payload} omega:\n\n\
             (a) point alpha {payload} omega;\n\n\
             *58th meeting  \n1 April 2022*\n\n\
             [Adopted without a vote.]\n\n\
             Conclusion alpha {payload} omega\n\n\
             ---\n\n\
             <sup>1</sup> Footnote alpha {payload} omega.\n"
        );
        let conversion =
            convert_or_input_error(&input).unwrap_or_else(|e| panic!("{payload:?}: {e}"));
        let xml = &conversion.xml;
        for (part, prefix) in [
            ("coverPage", "Masthead alpha "),
            ("preface", "Title alpha "),
            ("preamble", "preamble alpha "),
            ("mainBody", "operative alpha "),
            ("mainBody", "point alpha "),
            ("conclusions", "Conclusion alpha "),
            ("authorialNote", "Footnote alpha "),
        ] {
            assert_in_part(xml, part, &format!("{prefix}{payload} omega"));
        }
        if payload.contains(['<', '&']) {
            assert!(
                !xml.contains(&format!("alpha {payload} omega")),
                "{payload:?} unescaped in the output"
            );
        }
        let escaped = payload
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(
            count(xml, &format!("alpha {escaped} omega")) >= 7,
            "{payload:?} not escaped as {escaped:?} in every part"
        );
    }
}

/// Right-to-left scripts, bidirectional controls, combining sequences,
/// joiners and astral characters: byte for byte in the output, not
/// normalised, not reordered.
#[test]
fn right_to_left_and_combining_text_survives_intact() {
    let texts = [
        // Arabic, with the Arabic letter mark and Arabic-Indic digits.
        "يقرر مجلس حقوق الإنسان\u{61c} ١٢٣",
        // Hebrew with points (combining marks).
        "\u{5d4}\u{5b7}\u{5d7}\u{5b0}\u{5dc}\u{5b8}\u{5d8}\u{5b8}\u{5d4} החלטה",
        // Bidi controls: marks, embeddings, an override, isolates.
        "\u{200f}abc\u{200e} \u{202b}x\u{202c} \u{202e}reversed\u{202c} \u{2067}iso\u{2069}",
        // Decomposed accents (NFD), stacked marks, a mark on a space.
        "e\u{301}te\u{301} a\u{308}\u{323}\u{30a} Z\u{335}\u{336}\u{337}\u{338}\u{334}\u{33e}",
        // Joiners, variation selectors, flags, astral characters.
        "\u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467} \u{2764}\u{fe0f} \u{1f1fa}\u{1f1f3} \u{1d54c}\u{1d546}",
        // Zero-width characters and a soft hyphen.
        "zero\u{200b}width\u{200c}non\u{200d}joiner soft\u{ad}hyphen\u{2060}",
        // Indic conjuncts, Thai, CJK, Devanagari digits.
        "क्षत्रिय ภาษาไทย 安全理事会 ०१२",
    ];
    for text in texts {
        let input = format!(
            "# General Assembly\n\nDistr.: General  \n8 April 2022\n\n\
             ## Human Rights Council\n\n\
             ## Resolution adopted by the Human Rights Council on 1 April 2022\n\n\
             ### 49/34. {text}\n\n\
             *The Human Rights Council,*\n\n\
             *Recalling* {text},<sup>1</sup>\n\n\
             1. *Decides* {text};\n\n\
             *58th meeting  \n1 April 2022*\n\n[Adopted without a vote.]\n\n\
             ---\n\n<sup>1</sup> {text}.\n"
        );
        let conversion = convert_or_input_error(&input).unwrap_or_else(|e| panic!("{text}: {e}"));
        for part in ["preface", "preamble", "mainBody", "authorialNote"] {
            assert_in_part(&conversion.xml, part, text);
        }
    }
    // A whole document in Arabic: no lead phrase, no number — still valid.
    let arabic = "# الجمعية العامة\n\nالدورة الثمانون\n\nإن الجمعية العامة،\n\nإذ تشير إلى قراراتها،\n\n١ - تقرر أن تبقي المسألة قيد نظرها.\n";
    let conversion = convert_or_input_error(arabic).expect("converts");
    assert!(subsequence(&words(arabic), &xml_text(&conversion.xml).body).is_ok());
}

#[test]
fn empty_and_whitespace_only_input_is_a_typed_error() {
    for input in [
        "",
        " ",
        "\n",
        "\n\n\n\n",
        "   \t  \n \t\n\r\n  ",
        "\u{feff}",
        "\u{feff}\n  \n",
        // Only characters XML cannot carry, or only form feeds.
        "\u{0}\u{1}\u{fffe}",
        "\u{c}",
        "\u{c}\n \u{c}\u{c}\n",
    ] {
        match un2akn::convert(input, &options()) {
            Err(e) => assert_eq!(e.kind(), &ErrorKind::Empty, "{input:?}: {e}"),
            Ok(c) => panic!("{input:?} converted:\n{}", c.xml),
        }
        let error = un2akn::convert_bytes(input.as_bytes(), &options()).expect_err("empty");
        if input.contains('\0') {
            // As bytes, a NUL makes it a binary file.
            assert!(
                matches!(
                    error.kind(),
                    ErrorKind::Empty | ErrorKind::NotADocument { .. }
                ),
                "{input:?}: {error}"
            );
        } else {
            assert_eq!(error.kind(), &ErrorKind::Empty, "{input:?}");
        }
        assert!(!error.to_string().is_empty());
    }
    // Only rules: page breaks in markdown, perhaps text in extracted text;
    // either way not a failure.
    for input in ["---\n\n***\n\n___\n", "\u{c}\n---\n\u{c}\u{c}\n"] {
        let _ = convert_or_input_error(input);
    }
    for bytes in [&b""[..], b"\xEF\xBB\xBF", b"\xEF\xBB\xBF\xEF\xBB\xBF"] {
        let error = un2akn::convert_bytes(bytes, &options()).expect_err("empty");
        assert_eq!(error.kind(), &ErrorKind::Empty, "{bytes:?}");
    }
}

/// A dataset's paragraph list or record in JSON is data about a document,
/// not its text: a clear error at its first bracket, not the missing body
/// or date it seemed to lack when read as text. A text that only opens with
/// a bracket converts.
#[test]
fn json_input_is_not_a_document() {
    let list = "\u{feff}\n [{\"text\": \"Resolution adopted by the Economic and Social Council on 25 July 2023\", \"type\": \"frontmatter\", \"prefix\": null},\n{\"text\": \"Endorses the resolution.\", \"type\": \"paragraph\", \"prefix\": \"1.\"}]\n";
    for input in [
        list,
        "{\"ED_DecisionText\": \"At its 2nd plenary meeting, the General Assembly decided\"}",
    ] {
        let error = un2akn::convert(input, &options()).expect_err("JSON");
        match error.kind() {
            ErrorKind::NotADocument { found, position } => {
                assert!(found.starts_with("JSON data"), "{found}");
                let expected = if input.starts_with('\u{feff}') {
                    (2, 2)
                } else {
                    (1, 1)
                };
                assert_eq!((position.line, position.column), expected, "{error}");
            }
            other => panic!("{other:?}"),
        }
    }
    let text = "[on the report of the Third Committee (A/80/480)]\n\n80/1. Title\n\nThe General Assembly,\n\n1. Decides to act.\n";
    assert!(un2akn::convert(text, &options()).is_ok());
}

/// Random bytes (with NULs), their lossy decoding, a PNG header, a file of
/// NULs: a typed error or valid output, never a panic.
#[test]
fn binary_input_is_a_typed_error_or_valid_output() {
    for seed in 1..=16u64 {
        let bytes = pseudo_random_bytes(seed, 4096 * seed as usize);
        let result = un2akn::convert_bytes(&bytes, &options());
        check_result(&result);
        if let Err(error) = &result {
            match error.kind() {
                ErrorKind::InvalidUtf8 { offset, .. } => {
                    let expected = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
                    assert_eq!(*offset, expected, "seed {seed}");
                }
                ErrorKind::NotADocument { found, .. } => {
                    // Binary: the message says where it saw that.
                    let nul = bytes.iter().position(|&b| b == 0).expect("a NUL");
                    assert!(found.contains(&nul.to_string()), "seed {seed}: {found}");
                }
                _ => {}
            }
        }
        // The same bytes made valid: replacement characters and controls.
        let _ = convert_or_input_error(&String::from_utf8_lossy(&bytes));
        // Only the ASCII half: valid UTF-8 full of control characters.
        let ascii: String = bytes.iter().map(|b| char::from(b & 0x7f)).collect();
        let _ = convert_or_input_error(&ascii);
    }
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(pseudo_random_bytes(99, 10_000));
    check_result(&un2akn::convert_bytes(&png, &options()));
    // A megabyte of NULs: empty once they are removed, binary as a file.
    let nuls = vec![0u8; 1 << 20];
    let error = un2akn::convert_bytes(&nuls, &options()).expect_err("only NULs");
    assert!(
        matches!(
            error.kind(),
            ErrorKind::Empty | ErrorKind::NotADocument { .. }
        ),
        "{error}"
    );
    let error = un2akn::convert(&String::from_utf8(nuls).expect("UTF-8"), &options())
        .expect_err("only NULs");
    assert_eq!(error.kind(), &ErrorKind::Empty);
}

/// 100,000 footnotes, each called once: no stack overflow, nothing lost.
#[test]
fn hundred_thousand_footnotes_convert() {
    isolated(
        "hundred_thousand_footnotes_convert",
        Duration::from_secs(120),
        || {
            const N: usize = 100_000;
            let mut body = String::from(HEAD);
            let mut notes = String::from("\n\n---\n\n");
            for i in 1..=N {
                body.push_str(&format!("{i}. *Decides* point{i};<sup>{i}</sup>\n\n"));
                notes.push_str(&format!("<sup>{i}</sup> Note{i} text.\n"));
            }
            let input = format!("{body}{}{notes}", TAIL.trim_end());
            let conversion = convert_or_input_error(&input).expect("converts");
            let text = xml_text(&conversion.xml);
            let expected: Vec<String> = (1..=N).map(|i| format!("point{i}")).collect();
            assert!(
                subsequence(&expected, &text.body).is_ok(),
                "a paragraph lost"
            );
            let all: Vec<String> = text
                .body
                .iter()
                .chain(text.notes.iter().flat_map(|(_, w)| w))
                .filter(|w| w.starts_with("Note"))
                .cloned()
                .collect();
            assert_eq!(all.len(), N, "a footnote text lost");
        },
    );
}

/// Footnotes with markers of five digits or more (a long report) are
/// footnotes, not paragraphs of the running text.
#[test]
fn long_footnote_markers_are_footnotes() {
    let input = format!(
        "{HEAD}1. *Decides* to act;<sup>12345</sup>\n\n2. *Also decides* so;<sup>123456</sup>{TAIL}\n\
         ---\n\n<sup>12345</sup> First note.\n\n<sup>123456</sup> Second note.\n"
    );
    let conversion = convert_or_input_error(&input).expect("converts");
    let text = xml_text(&conversion.xml);
    assert_eq!(
        text.notes
            .iter()
            .map(|(marker, _)| marker.as_str())
            .collect::<Vec<_>>(),
        ["12345", "123456"],
        "warnings: {:?}",
        conversion.warnings
    );
}

/// Deep nesting of every kind of markup: no stack overflow on a 2 MiB
/// thread, output valid, text kept.
#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    isolated("deep_nesting_does_not_overflow_the_stack", DEADLINE, || {
        const N: usize = 10_000;
        let patterns: Vec<(&str, String)> = vec![
            (
                "*_ emphasis",
                format!("{}deep{}", "*_".repeat(N), "_*".repeat(N)),
            ),
            (
                "_* emphasis",
                format!("{}deep{}", "_*".repeat(N), "*_".repeat(N)),
            ),
            (
                "**__ emphasis",
                format!("{}deep{}", "**__".repeat(N), "__**".repeat(N)),
            ),
            (
                "*_** emphasis",
                format!("{}deep{}", "*_**".repeat(N), "**_*".repeat(N)),
            ),
            (
                "star runs",
                format!("{}deep{}", "*".repeat(N), "*".repeat(N)),
            ),
            (
                "parentheses",
                format!("{}deep{}", "(".repeat(N), ")".repeat(N)),
            ),
            (
                "brackets",
                format!("{}deep{}", "[".repeat(N), "]".repeat(N)),
            ),
            (
                "links",
                format!("{}deep{}", "[".repeat(N), "](#)".repeat(N)),
            ),
            (
                "link labels",
                format!("{}deep{}", "[*x*](".repeat(N), ")".repeat(N)),
            ),
            (
                "emphasised links",
                format!("{}deep{}", "*[_".repeat(N), "_](#)*".repeat(N)),
            ),
            (
                "sup",
                format!("{}1{}", "<sup>".repeat(N), "</sup>".repeat(N)),
            ),
            ("escapes", format!("{}deep", "\\".repeat(N))),
            (
                "escaped stars",
                format!("{}deep{}", "\\*".repeat(N), "\\*".repeat(N)),
            ),
            ("blockquotes", format!("{} deep", ">".repeat(N))),
            ("list markers", format!("{}deep", "- ".repeat(N))),
            ("numbers", format!("{}deep", "1. ".repeat(N))),
            ("labels", format!("{}deep", "(a) ".repeat(N))),
            (
                "tags",
                format!("{}deep{}", "<i>".repeat(N), "</i>".repeat(N)),
            ),
        ];
        // A stack overflow aborts: the last `pattern:` line names the culprit.
        // Anything else is collected, so that one run reports every pattern.
        let mut failures = Vec::new();
        for (name, pattern) in patterns {
            eprintln!("pattern: {name}");
            for (place, input) in [
                ("operative", format!("{HEAD}1. *Decides* {pattern};{TAIL}")),
                ("block", format!("{HEAD}{pattern}\n\n1. *Decides* x;{TAIL}")),
                (
                    "heading",
                    format!("# {pattern}\n\n{HEAD}1. *Decides* x;{TAIL}"),
                ),
                (
                    "footnote",
                    format!(
                        "{HEAD}1. *Decides* x;<sup>1</sup>{TAIL}\n---\n\n<sup>1</sup> {pattern}\n"
                    ),
                ),
            ] {
                let outcome = std::panic::catch_unwind(|| {
                    let conversion = convert_or_input_error(&input).expect("converts");
                    // `[*x*]([*x*](…deep)…)` is one link whose target holds
                    // the rest: "deep" is in an href, not in the text.
                    if pattern.contains("deep") && name != "link labels" {
                        let text = xml_text(&conversion.xml);
                        assert!(
                            text.body
                                .iter()
                                .chain(text.notes.iter().flat_map(|(_, w)| w))
                                .any(|w| w == "deep"),
                            "text lost"
                        );
                    }
                });
                if let Err(panic) = outcome {
                    let message = panic
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default();
                    failures.push(format!("{name} in {place}: {}", short(&message)));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    });
}

/// Sub-paragraphs 10,000 deep as printed: letters and roman numerals
/// alternating, each label new.
#[test]
fn deeply_nested_sub_paragraphs_convert() {
    isolated("deeply_nested_sub_paragraphs_convert", DEADLINE, || {
        const N: usize = 10_000;
        let mut input = format!("{HEAD}1. *Decides*:\n\n");
        let letters = |mut n: usize| {
            let mut label = String::new();
            loop {
                label.insert(0, char::from(b'a' + (n % 26) as u8));
                n /= 26;
                if n == 0 {
                    break label;
                }
                n -= 1;
            }
        };
        for i in 0..N {
            let indent = " ".repeat((i % 40) * 2);
            if i % 2 == 0 {
                input.push_str(&format!("{indent}({}) letter{i};\n\n", letters(i / 2)));
            } else {
                input.push_str(&format!("{indent}(i) roman{i};\n\n"));
            }
        }
        input.push_str(TAIL);
        let conversion = convert_or_input_error(&input).expect("converts");
        let expected: Vec<String> = (0..N)
            .map(|i| {
                if i % 2 == 0 {
                    format!("letter{i}")
                } else {
                    format!("roman{i}")
                }
            })
            .collect();
        assert!(subsequence(&expected, &xml_text(&conversion.xml).body).is_ok());
    });
}

/// A chain of footnotes, each calling the next: the writer nests each note in
/// the one that calls it. No stack overflow, no XML deeper than libxml2
/// accepts, no output quadratic in the input.
#[test]
fn footnote_chain_converts_in_linear_size() {
    isolated("footnote_chain_converts_in_linear_size", DEADLINE, || {
        const N: usize = 1_500;
        let mut input = format!("{HEAD}1. *Decides* to act;<sup>1</sup>{TAIL}\n---\n\n");
        for i in 1..=N {
            input.push_str(&format!("<sup>{i}</sup> Note{i} see<sup>{}</sup>\n", i + 1));
        }
        let conversion = convert_or_input_error(&input).expect("converts");
        assert!(
            conversion.xml.len() < 50 * input.len(),
            "{} bytes of XML from {} bytes of text",
            conversion.xml.len(),
            input.len()
        );
        let text = xml_text(&conversion.xml);
        let notes: usize = text
            .notes
            .iter()
            .map(|(_, w)| w.iter().filter(|w| w.starts_with("Note")).count())
            .sum();
        assert_eq!(notes, N);
    });
}

/// A 5 MB paragraph on one line, and 5 MB without a space.
#[test]
fn five_megabyte_line_converts() {
    isolated("five_megabyte_line_converts", DEADLINE, || {
        let words_line = "word ".repeat(1_000_000);
        let input = format!("{HEAD}1. *Decides* {words_line}end;{TAIL}");
        let conversion = convert_or_input_error(&input).expect("converts");
        let body = xml_text(&conversion.xml).body;
        assert_eq!(body.iter().filter(|w| *w == "word").count(), 1_000_000);

        let no_space = "x".repeat(5_000_000);
        let input = format!("{HEAD}1. *Decides* {no_space};{TAIL}");
        let conversion = convert_or_input_error(&input).expect("converts");
        assert!(conversion.xml.contains(&no_space));

        // And a 5 MB masthead line and title.
        let input = format!("# {words_line}\n\n{HEAD}1. *Decides* x;{TAIL}");
        convert_or_input_error(&input).expect("converts");
    });
}

/// Converts `make(n / 8)` and `make(n)` and fails if eight times the input
/// takes more than 24 times as long: linear work gives about 8 (up to 16
/// where a search is bounded by a window), a quadratic step up to 64. Schema validation (linear, and not what is measured) is
/// off. Runs in a child process with a deadline, so that a quadratic step
/// fails in seconds instead of hanging the test run. The sizes are chosen so
/// that the larger input converts in a few seconds in a debug build when the
/// work is linear.
fn assert_linear(name: &str, format: Option<Format>, make: fn(usize) -> String, n: usize) {
    let name = name.to_string();
    isolated(&name.clone(), Duration::from_secs(120), move || {
        let mut options = options();
        options.validate = false;
        options.format = format;
        let time = |input: &str| {
            let start = Instant::now();
            let result = un2akn::convert(input, &options);
            let elapsed = start.elapsed();
            check_result(&result);
            let xml = result.expect("converts").xml;
            assert!(xml_text(&xml).body.iter().any(|w| w == "end"), "text lost");
            elapsed
        };
        let (small, big) = (make(n / 8), make(n));
        time(&make(n / 64));
        // A second measurement when the first looks quadratic: a competing
        // process can only make a run slower, never faster.
        let mut best = (f64::INFINITY, Duration::ZERO, Duration::ZERO);
        for _ in 0..2 {
            let small_time = time(&small).min(time(&small));
            let big_time = time(&big);
            let ratio = big_time.as_secs_f64() / small_time.as_secs_f64().max(1e-3);
            eprintln!(
                "{name}: {} bytes in {small_time:?}, {} bytes in {big_time:?}",
                small.len(),
                big.len()
            );
            if ratio < best.0 {
                best = (ratio, small_time, big_time);
            }
            if best.0 < 24.0 {
                break;
            }
        }
        let (ratio, small_time, big_time) = best;
        assert!(
            ratio < 24.0,
            "{} bytes took {small_time:?}, {} bytes took {big_time:?}: \
             {ratio:.0} times as long for 8 times the input (a quadratic step)",
            small.len(),
            big.len()
        );
    });
}

/// `n` copies of `unit` in an operative paragraph.
fn markdown_run(unit: &str, n: usize) -> String {
    format!("{HEAD}1. *Decides* {} end;{TAIL}", unit.repeat(n))
}

/// `**y `: every `**` (as bold, and as an italic `*` skipping the `**` pairs)
/// searches the rest of the text for its closing delimiter (emphasis_body).
#[test]
fn unclosed_bold_runs_are_linear() {
    assert_linear(
        "unclosed_bold_runs_are_linear",
        None,
        |n| markdown_run("**y ", n),
        16_000,
    );
}

/// `<sup>` without `</sup>`: `take_until("</sup>")` scans to the end each time.
#[test]
fn unclosed_sup_runs_are_linear() {
    assert_linear(
        "unclosed_sup_runs_are_linear",
        None,
        |n| markdown_run("<sup>1 ", n),
        64_000,
    );
}

/// `[a](` without `)`: `take_until(")")` scans to the end each time.
#[test]
fn unclosed_link_runs_are_linear() {
    assert_linear(
        "unclosed_link_runs_are_linear",
        None,
        |n| markdown_run("[a](", n),
        128_000,
    );
}

/// `[` without `]`: `take_until("]")` scans to the end each time.
#[test]
fn unclosed_bracket_runs_are_linear() {
    assert_linear(
        "unclosed_bracket_runs_are_linear",
        None,
        |n| markdown_run("[", n),
        512_000,
    );
}

/// Form feeds on one line: each must not recount the line's columns from its
/// start (clean::markdown::clean_markdown, clean::markdown::push_line).
#[test]
fn form_feed_runs_are_linear() {
    assert_linear(
        "form_feed_runs_are_linear",
        Some(Format::Markdown),
        |n| markdown_run("x\u{c}", n),
        200_000,
    );
}

/// The same in text extracted from PDFs (clean::text::split_lines).
#[test]
fn form_feed_runs_in_extracted_text_are_linear() {
    assert_linear(
        "form_feed_runs_in_extracted_text_are_linear",
        Some(Format::Text),
        |n| {
            format!(
                "GENERAL ASSEMBLY\n\nThe General Assembly,\n\n{} end\n",
                "x\u{c}".repeat(n)
            )
        },
        200_000,
    );
}

/// Extracted text with thousands of footnotes under a footnote rule whose
/// calls are not in the text: looking for each note's call must not rescan
/// the whole text (clean::text::calls::find_calls).
#[test]
fn uncalled_footnotes_in_extracted_text_are_linear() {
    assert_linear(
        "uncalled_footnotes_in_extracted_text_are_linear",
        Some(Format::Text),
        |n| {
            let mut input = String::from("GENERAL ASSEMBLY\n\nThe General Assembly,\n\n");
            for k in 0..n {
                input.push_str(&format!("Paragraph text number {k} without calls.\n"));
            }
            input.push_str("The end.\n\n__________\n");
            for k in 1..=n {
                input.push_str(&format!("[{k}] Note number {k}.\n"));
            }
            input
        },
        4_000,
    );
}

/// Thousands of sub-paragraphs with the same label: each new eId must not
/// try every suffix used so far (akn::BodyWriter::eid).
#[test]
fn repeated_labels_are_linear() {
    assert_linear(
        "repeated_labels_are_linear",
        None,
        |n| {
            format!(
                "{HEAD}1. *Decides*:\n\n{}(b) the end;{TAIL}",
                "(a) again;\n\n".repeat(n)
            )
        },
        8_000,
    );
}

/// Thousands of footnotes, each called once: looking a marker up must not
/// scan every footnote (grammar::inline::Markers for Vec<String>, the
/// uncalled-footnote and duplicate checks in grammar::DocumentParser).
#[test]
fn footnotes_and_calls_are_linear() {
    assert_linear(
        "footnotes_and_calls_are_linear",
        None,
        |n| {
            let mut body = String::from(HEAD);
            let mut notes = String::from("\n\n---\n\n");
            for i in 1..=n {
                body.push_str(&format!("{i}. *Decides* point{i};<sup>{i}</sup>\n\n"));
                notes.push_str(&format!("<sup>{i}</sup> Note{i} text.\n"));
            }
            format!("{body}{}. *Decides* the end;{notes}", n + 1)
        },
        8_000,
    );
}

/// Many paragraphs and blank lines: linear.
#[test]
fn many_blocks_convert() {
    isolated("many_blocks_convert", DEADLINE, || {
        let input = format!(
            "{HEAD}{}{}{}{TAIL}",
            "*Recalling* x,\n\n".repeat(20_000),
            "\n".repeat(1_000_000),
            (1..=20_000)
                .map(|i| format!("{i}. *Decides* y;\n\n"))
                .collect::<String>()
        );
        let conversion = convert_or_input_error(&input).expect("converts");
        assert_eq!(count(&conversion.xml, "<paragraph "), 20_000);
    });
}

/// Same input, same bytes: run after run, on other threads at the same
/// time, and in another process with another clock zone, locale, home and
/// temporary folder.
#[test]
fn output_is_byte_identical_across_runs_threads_and_environments() {
    let name = "output_is_byte_identical_across_runs_threads_and_environments";
    let input = crate::util::read_example("A_HRC_RES_49_34.md");
    if is_child(name) {
        let xml = un2akn::convert(&input, &options()).expect("converts").xml;
        let path = std::env::var(CHILD_OUTPUT).expect("an output path");
        std::fs::write(path, xml).expect("write the output");
        println!("{CHILD_DONE} {}", test_path(name));
        return;
    }
    let first = un2akn::convert(&input, &options()).expect("converts");
    let second = un2akn::convert(&input, &options()).expect("converts");
    assert_eq!(first.xml, second.xml);
    assert_eq!(first.warnings, second.warnings);
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let input = input.clone();
            std::thread::spawn(move || {
                (0..3)
                    .map(|_| un2akn::convert(&input, &options()).expect("converts").xml)
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    for thread in threads {
        for xml in thread.join().expect("no panic") {
            assert!(xml == first.xml, "output differs on another thread");
        }
    }
    // No clock: today's date is nowhere in the output.
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs()
        / 86_400;
    let today = civil_date(days as i64);
    assert!(
        !first.xml.contains(&today),
        "today's date {today} in the output"
    );

    let folder = tempfile::tempdir().expect("a temporary folder");
    let output = folder.path().join("child.xml");
    let tmp = folder.path().join("tmp");
    std::fs::create_dir(&tmp).expect("a folder");
    let test = test_path(name);
    let mut command = Command::new(std::env::current_exe().expect("the test binary"));
    command
        .args([test.as_str(), "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, &test)
        .env(CHILD_OUTPUT, &output)
        .env("TZ", "Pacific/Kiritimati")
        .env("LANG", "tr_TR.UTF-8")
        .env("LC_ALL", "ar_SA.UTF-8")
        .env("LANGUAGE", "ar")
        .env("SOURCE_DATE_EPOCH", "0")
        .env("HOME", folder.path())
        .env("TMPDIR", &tmp)
        .env("LIBXML_DEBUG", "1")
        .env("XML_CATALOG_FILES", "/nonexistent");
    let child = run_child(&mut command, DEADLINE);
    assert!(
        child.success && child.stdout.contains(CHILD_DONE),
        "{}",
        tail(&child.stderr)
    );
    let other = std::fs::read_to_string(&output).expect("the child's output");
    assert!(
        other == first.xml,
        "output differs under another environment"
    );
}

/// `days` since 1970-01-01 as `YYYY-MM-DD` (Howard Hinnant's algorithm).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[test]
fn civil_date_is_right() {
    assert_eq!(civil_date(0), "1970-01-01");
    assert_eq!(civil_date(19_083), "2022-04-01");
    assert_eq!(civil_date(11_016), "2000-02-29");
}

// ---------------------------------------------------------------------------
// (c) Properties
// ---------------------------------------------------------------------------

/// Markup-ish tokens, document pieces, control characters, RTL and combining
/// characters and arbitrary printable Unicode, glued together.
fn hostile_text() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        4 => prop::sample::select(vec![
            "<", ">", "&", "]]>", "\"", "'", "*", "**", "_", "__", "\\", "\\*", "[", "]", "(",
            ")", "](#)", "](", "<sup>", "</sup>", "<sup>1</sup>", "<sup>1</sup> ", "#", "## ",
            "### ", "---", "***", "\n", "\n\n", "  \n", " ", "\t", "\r\n", "1. ", "(a) ",
            "(i) ", "49/34. ", "&amp;", "&#xD800;", "\\uDC00", "<![CDATA[", "<!--", "-->",
            "<?", "?>", "\u{feff}", "\u{c}", "\u{0}", "\u{1}", "\u{b}", "\u{1b}", "\u{1f}",
            "\u{7f}", "\u{85}", "\u{fffe}", "\u{ffff}", "\u{fffd}", "\u{200f}", "\u{202e}",
            "\u{2067}", "\u{61c}", "\u{301}", "\u{308}\u{323}", "\u{200d}", "\u{fe0f}",
            "قرار", "החלטה", "e\u{301}", "\u{1f469}\u{200d}\u{1f467}", "\u{10ffff}",
        ].into_iter().map(str::to_string).collect::<Vec<_>>()),
        2 => prop::sample::select(vec![
            "# General Assembly\n\n", "Distr.: General  \n8 April 2022\n\n",
            "## Human Rights Council\n\n", "### 49/34. Title\n\n",
            "*The Human Rights Council,*\n\n", "*Recalling* its resolution,<sup>1</sup>\n\n",
            "1. *Decides* to act;\n\n", "(a) To act;\n\n", "(i) To act;\n\n",
            "<sup>1</sup> A/HRC/49/94.\n\n", "\\* On behalf.\n\n",
            "*58th meeting  \n1 April 2022*\n\n", "[Adopted without a vote.]\n\n",
            "[A/HRC/49/94](#)", "[text](https://example.org/a?b=1&c=\"2\")",
        ].into_iter().map(str::to_string).collect::<Vec<_>>()),
        2 => "\\PC{0,12}",
        1 => "[\\x00-\\x1f\\u{7f}-\\u{9f}]{1,4}",
        1 => "[a-z ]{1,12}",
    ];
    prop::collection::vec(token, 0..48).prop_map(|tokens| tokens.concat())
}

/// Pieces of text that must come out exactly as they went in (no inline
/// markup): markup characters, escapes, RTL, combining.
#[rustfmt::skip]
const LITERAL_PIECES: &[&str] = &[
    "<", ">", "&", "]]>", "\"", "'", "&amp;", "&lt;", "&#38;", "&#xD800;", "\\uD800", "<p>",
    "</p>", "<!--", "-->", "<![CDATA[", "<?", "?>", "<!DOCTYPE", ";", "=", "\u{200f}",
    "\u{202e}", "\u{2067}", "\u{2069}", "\u{61c}", "\u{301}", "\u{308}\u{323}", "\u{200d}",
    "\u{fe0f}", "\u{ad}", "قرار", "החלטה", "e\u{301}", "\u{1f469}\u{200d}\u{1f467}",
    "\u{fdd0}", "\u{10ffff}", "x", "y", " ",
];

/// Text made only of [`LITERAL_PIECES`] and letters, marks and RTL letters.
fn literal_payload() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(
            LITERAL_PIECES
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
        ),
        "[\\p{Arabic}\\p{Hebrew}\\p{Mn}a-z]{1,4}",
    ];
    prop::collection::vec(piece, 1..24).prop_map(|pieces| {
        // One space between words, none at the ends: lines are trimmed and
        // joined, which is not what this property is about.
        let text = pieces.concat();
        text.split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Arbitrary text: Ok or a typed error about the input, never a panic;
    /// Ok output re-reads as well-formed XML (and `convert` validated it);
    /// the same text converts to the same bytes twice.
    #[test]
    fn arbitrary_text_converts_or_fails_cleanly(text in hostile_text()) {
        let first = un2akn::convert(&text, &options());
        check_result(&first);
        let second = un2akn::convert(&text, &options());
        match (&first, &second) {
            (Ok(a), Ok(b)) => prop_assert!(a.xml == b.xml, "not deterministic"),
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            _ => prop_assert!(false, "Ok once, Err once"),
        }
    }

    /// Arbitrary bytes: the same, through the UTF-8 check.
    #[test]
    fn arbitrary_bytes_convert_or_fail_cleanly(
        bytes in prop::collection::vec(any::<u8>(), 0..512),
        prefix in hostile_text(),
    ) {
        check_result(&un2akn::convert_bytes(&bytes, &options()));
        let mut mixed = prefix.into_bytes();
        mixed.extend(&bytes);
        let result = un2akn::convert_bytes(&mixed, &options());
        check_result(&result);
        if let Err(error) = &result {
            if let ErrorKind::InvalidUtf8 { offset, .. } = error.kind() {
                let without_bom = mixed.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&mixed);
                let valid = std::str::from_utf8(without_bom).unwrap_err().valid_up_to();
                let bom = mixed.len() - without_bom.len();
                prop_assert!(*offset == valid || *offset == valid + bom);
            }
        }
    }

    /// Markup characters, escapes, RTL and combining characters in each part
    /// come out escaped and, read back, exactly as they went in.
    #[test]
    fn literal_text_survives_intact_in_every_part(payload in literal_payload()) {
        let input = format!(
            "# General Assembly\n\nDistr.: General  \n8 April 2022\n\n\
             ## Human Rights Council\n\n\
             ## Resolution adopted by the Human Rights Council on 1 April 2022\n\n\
             ### 49/34. Title alpha {payload} omega\n\n\
             *The Human Rights Council,*\n\n\
             *Recalling* preamble alpha {payload} omega,<sup>1</sup>\n\n\
             1. *Decides* operative alpha {payload} omega;\n\n\
             *58th meeting  \n1 April 2022*\n\n[Adopted without a vote.]\n\n\
             ---\n\n<sup>1</sup> Footnote alpha {payload} omega.\n"
        );
        let conversion = convert_or_input_error(&input).expect("converts");
        let texts = part_texts(&conversion.xml);
        for (part, prefix) in [
            ("preface", "Title alpha "),
            ("preamble", "preamble alpha "),
            ("mainBody", "operative alpha "),
            ("authorialNote", "Footnote alpha "),
        ] {
            let needle = format!("{prefix}{payload} omega");
            let text = texts.get(part).map_or("", String::as_str);
            prop_assert!(text.contains(&needle), "{:?} not intact in <{}>: {:?}", needle, part, text);
        }
        prop_assert!(!conversion.xml.contains("]]>"));
    }
}
