//! The real binary against a user trying to break it (issue 15): inputs are
//! never destroyed (an output or the report on an input, by any spelling,
//! link or hard link), outputs are never partial and leave no temporary
//! file (even under `kill -9`), the exit status tells the truth (closed or
//! full standard output, nothing found), input is bounded (`/dev/zero`,
//! `--max-input-size`), option values are checked before anything is read,
//! the report is the same bytes on every run, and standard error never
//! carries a control character from the input or a file name.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use crate::util;

fn run(cwd: &Path, args: &[&str]) -> Output {
    util::run_binary(Some(cwd), args, None)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A folder with `a.md` (the 49/34 example) in it.
fn folder_with_input() -> (tempfile::TempDir, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(util::example("A_HRC_RES_49_34.md")).unwrap();
    std::fs::write(dir.path().join("a.md"), &bytes).unwrap();
    (dir, bytes)
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Every temporary file below `dir`.
fn temporaries(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                stack.push(entry.path());
            } else if entry.file_name().to_string_lossy().starts_with(".un2akn-") {
                found.push(entry.path());
            }
        }
    }
    found
}

#[test]
#[cfg(unix)]
fn no_output_or_report_ever_lands_on_an_input() {
    let (dir, bytes) = folder_with_input();
    let cwd = dir.path();
    std::os::unix::fs::symlink("a.md", cwd.join("link.md")).unwrap();
    std::fs::hard_link(cwd.join("a.md"), cwd.join("hard.md")).unwrap();
    std::fs::create_dir(cwd.join("sub")).unwrap();
    let absolute = cwd.join("a.md").display().to_string();
    let refused: Vec<Vec<&str>> = vec![
        vec!["convert", "a.md", "-o", "a.md"],
        vec!["convert", "a.md", "-o", "./a.md"],
        vec!["convert", "a.md", "-o", "sub/../a.md"],
        vec!["convert", "a.md", "-o", &absolute],
        vec!["convert", "a.md", "-o", "link.md"],
        vec!["convert", "link.md", "-o", "a.md"],
        vec!["convert", "a.md", "-o", "hard.md"],
        vec!["convert", "a.md", "--force", "-o", "hard.md"],
        vec!["convert", "a.md", "-o", "out.xml", "--report", "a.md"],
        vec!["convert", "a.md", "-o", "out.xml", "--report", "./hard.md"],
        vec!["convert", "a.md", "-o", "r.jsonl", "--report", "r.jsonl"],
        vec!["convert", "a.md", "-o", "x/", "--report", "x/a.akn.xml"],
        vec!["convert", "a.md", "--report", "out/x.akn.xml"],
        vec![
            "convert", "a.md", "hard.md", "-o", "b/", "--report", "link.md",
        ],
        vec![
            "convert", "a.md", "-o", "b/", "--format", "json", "--report", "b/a.json",
        ],
        vec!["validate", "a.md", "--report", "link.md"],
    ];
    for args in &refused {
        let output = run(cwd, args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains("nothing was written") || stderr(&output).contains("--report"),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_eq!(std::fs::read(cwd.join("a.md")).unwrap(), bytes, "{args:?}");
        assert!(
            !cwd.join("out.xml").exists() && !cwd.join("r.jsonl").exists(),
            "{args:?}"
        );
    }
    // A batch whose output would be another input (here, a file given as
    // an input that is where another input's output goes).
    std::fs::write(cwd.join("sub/a.akn.xml"), "<x/>").unwrap();
    let output = run(
        cwd,
        &[
            "convert",
            "a.md",
            "sub/a.akn.xml",
            "-o",
            "sub",
            "--force",
            "--glob",
            "*",
        ],
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("is the input sub/a.akn.xml"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(cwd.join("sub/a.akn.xml")).unwrap(),
        "<x/>"
    );
    assert_eq!(std::fs::read(cwd.join("a.md")).unwrap(), bytes);
}

#[test]
fn dash_output_is_standard_output_and_a_folder_converts_in_place() {
    let (dir, _) = folder_with_input();
    let cwd = dir.path();
    let output = run(cwd, &["convert", "a.md", "-o", "-"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(output.stdout.starts_with(b"<?xml"));
    assert_eq!(names(cwd), ["a.md"]);

    // DIR -o DIR: the outputs beside their inputs, then kept.
    std::fs::create_dir(cwd.join("d")).unwrap();
    std::fs::copy(cwd.join("a.md"), cwd.join("d/b.md")).unwrap();
    let output = run(cwd, &["convert", "d", "-o", "d"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(names(&cwd.join("d")), ["b.akn.xml", "b.md"]);
    let output = run(cwd, &["convert", "./d/", "-o", "d", "-v"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("skipped"), "{}", stderr(&output));

    // Nothing to convert is a failure, not success.
    std::fs::create_dir(cwd.join("empty")).unwrap();
    let output = run(cwd, &["convert", "empty", "-o", "out"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("no input files found"),
        "{}",
        stderr(&output)
    );
    let output = run(cwd, &["validate", "empty"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
}

/// Runs the binary through `sh -c SCRIPT` (for redirections Rust's
/// `Command` cannot make), with `$0` the binary.
fn shell(cwd: &Path, script: &str) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_un2akn"))
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

#[test]
#[cfg(target_os = "linux")]
fn a_closed_or_full_standard_output_is_an_error() {
    let (dir, _) = folder_with_input();
    let cwd = dir.path();
    for script in [
        r#""$0" convert a.md >&-"#,
        r#""$0" convert a.md -o - >&-"#,
        r#""$0" convert a.md -o x.xml --report - >&-"#,
        r#""$0" completions bash >&-"#,
        r#""$0" convert a.md >/dev/full"#,
        r#""$0" convert a.md -o y.xml --report - >/dev/full"#,
        r#""$0" convert a.md --report /dev/full -o z.xml"#,
    ] {
        if script.contains("/dev/full") && !Path::new("/dev/full").exists() {
            continue;
        }
        let output = shell(cwd, script);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{script}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains("error"),
            "{script}: {}",
            stderr(&output)
        );
    }
    // Written as asked, it succeeds.
    let output = shell(cwd, r#""$0" convert a.md > out.xml"#);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
#[cfg(unix)]
fn input_is_bounded_and_an_endless_stream_is_refused_early() {
    let (dir, bytes) = folder_with_input();
    let cwd = dir.path();
    let started = std::time::Instant::now();
    let output = run(cwd, &["convert", "/dev/zero", "-o", "zero.xml"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("larger than the limit of 67108864 bytes"),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("--max-input-size"),
        "{}",
        stderr(&output)
    );
    assert!(started.elapsed() < Duration::from_secs(60));
    assert!(!cwd.join("zero.xml").exists());

    let size = bytes.len().to_string();
    let smaller = (bytes.len() - 1).to_string();
    let output = run(cwd, &["convert", "a.md", "--max-input-size", &size]);
    assert!(output.status.success(), "{}", stderr(&output));
    for args in [
        vec!["convert", "a.md", "--max-input-size", &smaller],
        vec!["validate", "a.md", "--max-input-size", &smaller],
    ] {
        let output = run(cwd, &args);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains("larger than the limit"),
            "{}",
            stderr(&output)
        );
    }
    let output = util::run_binary(
        Some(cwd),
        &["convert", "-", "--max-input-size", "1K"],
        Some(&bytes),
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("limit of 1024 bytes"),
        "{}",
        stderr(&output)
    );
    let output = run(cwd, &["convert", "a.md", "--max-input-size", "0"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

#[test]
fn option_values_the_schema_cannot_carry_are_usage_errors() {
    let (dir, _) = folder_with_input();
    for symbol in [
        "A/\u{1}B",
        "A\u{1b}[31m",
        "A\u{9b}",
        "A\u{202e}B",
        "A\u{2028}B",
        "",
        "  ",
        " A/1",
        "A\tB",
        "A\u{7f}",
    ] {
        let output = run(dir.path(), &["convert", "a.md", "--symbol", symbol]);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{symbol:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains("--symbol"),
            "{symbol:?}: {}",
            stderr(&output)
        );
        assert!(
            !stderr(&output).contains("line "),
            "{symbol:?}: {}",
            stderr(&output)
        );
    }
    for option in ["--conversion-date", "--date"] {
        for date in ["0000-01-01", "10000-01-01", "-0001-01-01", "2024-02-30"] {
            let output = run(
                dir.path(),
                &["convert", "a.md", &format!("{option}={date}")],
            );
            assert_eq!(output.status.code(), Some(2), "{date}: {}", stderr(&output));
            assert!(
                stderr(&output).contains(option),
                "{option} {date}: {}",
                stderr(&output)
            );
        }
    }
    for date in ["0001-01-01", "9999-12-31"] {
        let output = run(
            dir.path(),
            &["convert", "a.md", &format!("--conversion-date={date}")],
        );
        assert!(output.status.success(), "{date}: {}", stderr(&output));
    }
    // The library refuses them too, as a typed error.
    let mut options = un2akn::Options::default();
    options.symbol = Some("A\u{1}".into());
    let error = un2akn::convert(&util::read_example("A_HRC_RES_49_34.md"), &options).unwrap_err();
    assert!(
        matches!(
            error.kind(),
            un2akn::ErrorKind::InvalidOption {
                option: "symbol",
                ..
            }
        ),
        "{error}"
    );
}

#[test]
fn the_report_is_the_same_bytes_on_every_run() {
    let (dir, _) = folder_with_input();
    let cwd = dir.path();
    std::fs::copy(util::example("A_HRC_58_L_draft_Mali.md"), cwd.join("b.md")).unwrap();
    let mut reports = Vec::new();
    for (run_number, jobs) in ["1", "2", "1"].iter().enumerate() {
        let report = format!("r{run_number}.jsonl");
        let output = run(
            cwd,
            &[
                "convert",
                "a.md",
                "b.md",
                "-o",
                "out",
                "--force",
                "--jobs",
                jobs,
                "--report",
                &report,
                "--symbol",
                "A/HRC/58/L.12",
            ],
        );
        assert!(output.status.success(), "{}", stderr(&output));
        reports.push(std::fs::read(cwd.join(&report)).unwrap());
    }
    assert!(!reports[0].is_empty());
    assert!(reports.iter().all(|r| *r == reports[0]));
    assert!(!String::from_utf8_lossy(&reports[0]).contains("milliseconds"));
}

/// Whether `text` holds anything a terminal would obey: a control
/// character other than a line end, or a bidirectional override.
fn has_hidden(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}')
    })
}

#[test]
#[cfg(unix)]
fn standard_error_never_carries_control_characters() {
    let (dir, _) = folder_with_input();
    let cwd = dir.path();
    let hostile = "The General Assembly,\n\nx\u{1b}]0;pwned\u{7} \u{1b}[2J\u{9b}31m \u{202e}gnp.exe\u{7f}\n\n1. Decides \u{1b}[31m to act \u{8}\u{8};\n\n2. Urges\u{85}\u{2029}\u{2028} \r more;\n";
    let evil = "e\u{1b}[31mvil\u{7}\u{202e}\u{9b}.md";
    std::fs::write(cwd.join(evil), hostile).unwrap();
    std::fs::write(cwd.join("bad\u{1b}]8;;x\u{7}.md"), b"\xff\xfe\x1b[2J\x00").unwrap();
    std::fs::write(cwd.join("bad\u{1b}.xml"), "<x\u{1b}[31m/>").unwrap();
    for args in [
        vec!["convert", evil, "-o", "x.xml"],
        vec!["convert", evil, "-o", "x.xml", "-v", "--force"],
        vec!["convert", ".", "-o", "out", "-v", "--force"],
        vec!["convert", "bad\u{1b}]8;;x\u{7}.md"],
        vec!["convert", "missing\u{1b}[2J\u{9b}.md"],
        vec!["validate", ".", "--glob", "*.xml"],
        vec!["validate", "bad\u{1b}.xml"],
        vec!["convert", "a.md", "--symbol", "\u{1b}]0;x\u{7}"],
        vec!["convert", "a.md", "--bogus\u{1b}[31m"],
    ] {
        let output = run(cwd, &args);
        let err = stderr(&output);
        assert!(!err.is_empty(), "{args:?}");
        assert_eq!(has_hidden(&err), None, "{args:?}: {err:?}");
        assert_eq!(
            has_hidden(&String::from_utf8_lossy(&output.stdout).replace('\n', ""))
                .filter(|_| args[0] == "validate"),
            None,
            "{args:?}"
        );
    }
    // Escaped, not dropped: the reader sees what was there.
    let output = run(cwd, &["convert", "missing\u{1b}[2J.md"]);
    assert!(
        stderr(&output).contains("missing\\x1b[2J.md"),
        "{}",
        stderr(&output)
    );
}

#[test]
#[cfg(target_os = "linux")]
fn a_killed_conversion_leaves_no_partial_or_temporary_file() {
    // An input large enough that writing its output takes a while.
    let dir = tempfile::tempdir().unwrap();
    let cwd = dir.path();
    let example = util::read_example("A_HRC_RES_49_34.md");
    let (head, tail) = example.split_at(example.find("1. ").unwrap());
    let mut big = String::from(head);
    for _ in 0..150 {
        big.push_str(tail);
        big.push('\n');
    }
    std::fs::write(cwd.join("big.md"), &big).unwrap();
    std::fs::create_dir(cwd.join("in")).unwrap();
    for n in 0..4 {
        std::fs::write(cwd.join(format!("in/{n}.md")), &big).unwrap();
    }
    let output = run(cwd, &["convert", "big.md", "-o", "big.xml"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let complete = std::fs::read(cwd.join("big.xml")).unwrap();
    let output = run(cwd, &["convert", "in", "-o", "out"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let batch: Vec<Vec<u8>> = (0..4)
        .map(|n| std::fs::read(cwd.join(format!("out/{n}.akn.xml"))).unwrap())
        .collect();
    for attempt in 0..12u64 {
        for args in [
            vec!["convert", "big.md", "-o", "big.xml"],
            vec!["convert", "in", "-o", "out", "--force"],
        ] {
            let mut child = Command::new(env!("CARGO_BIN_EXE_un2akn"))
                .args(&args)
                .current_dir(cwd)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            std::thread::sleep(Duration::from_millis(20 + attempt * 60));
            child.kill().unwrap();
            child.wait().unwrap();
            // Whatever the moment: the outputs are whole, old or new (the
            // same bytes), and no temporary file holds a partial output.
            assert_eq!(std::fs::read(cwd.join("big.xml")).unwrap(), complete);
            for (n, bytes) in batch.iter().enumerate() {
                assert_eq!(
                    &std::fs::read(cwd.join(format!("out/{n}.akn.xml"))).unwrap(),
                    bytes
                );
            }
            for temporary in temporaries(cwd) {
                let left = std::fs::read(&temporary).unwrap();
                assert!(
                    left == complete || batch.contains(&left),
                    "{} is partial",
                    temporary.display()
                );
            }
        }
    }
    // The next runs remove what a kill left in the instant between naming
    // a complete file and renaming it.
    assert!(run(cwd, &["convert", "big.md", "-o", "big.xml"])
        .status
        .success());
    assert!(run(cwd, &["convert", "in", "-o", "out", "--force"])
        .status
        .success());
    assert_eq!(temporaries(cwd), Vec::<PathBuf>::new());
}

#[test]
#[cfg(target_os = "linux")]
fn stale_temporary_files_of_dead_runs_are_removed() {
    let (dir, _) = folder_with_input();
    let cwd = dir.path();
    std::fs::create_dir(cwd.join("out")).unwrap();
    // PID 0 is never a process; 4194304 is above Linux's largest PID.
    for name in [
        "out/.un2akn-0-aaaaaa.tmp",
        ".un2akn-4194305-bbbbbb.tmp",
        "out/.un2akn-notours.tmp",
        "keep.tmp",
    ] {
        std::fs::write(cwd.join(name), "partial").unwrap();
    }
    assert!(run(cwd, &["convert", "a.md", "-o", "a.xml"])
        .status
        .success());
    assert!(run(cwd, &["convert", "a.md", "-o", "out/"])
        .status
        .success());
    assert_eq!(names(cwd), ["a.md", "a.xml", "keep.tmp", "out"]);
    assert_eq!(
        names(&cwd.join("out")),
        [".un2akn-notours.tmp", "a.akn.xml"]
    );
}

#[test]
fn no_color_turns_colour_off_on_a_terminal() {
    // `script` gives the binary a terminal; skip quietly where it is missing.
    if Command::new("script").arg("--version").output().is_err() {
        return;
    }
    let (dir, _) = folder_with_input();
    let cwd = dir.path();
    std::fs::write(cwd.join("w.md"), "The General Assembly,\n\n1. Decides;\n").unwrap();
    let colour = |no_color: Option<&str>| {
        let mut command = Command::new("script");
        command
            .args([
                "-qec",
                &format!(
                    "{} convert w.md -o w.xml --force",
                    env!("CARGO_BIN_EXE_un2akn")
                ),
                "/dev/null",
            ])
            .current_dir(cwd)
            .env_remove("NO_COLOR")
            .stdin(Stdio::null());
        if let Some(value) = no_color {
            command.env("NO_COLOR", value);
        }
        let output = command.output().unwrap();
        String::from_utf8_lossy(&output.stdout).contains('\u{1b}')
    };
    let with = colour(None);
    assert!(
        with,
        "no colour on a terminal without NO_COLOR: the test shows nothing"
    );
    assert!(!colour(Some("1")), "NO_COLOR=1 printed colour");
    // An empty NO_COLOR does not count (no-color.org).
    assert_eq!(colour(Some("")), with);
}

/// A resolution of `n` operative paragraphs with line ends `eol` (blank
/// lines between paragraphs).
fn resolution(eols: &[&str]) -> String {
    let mut text = String::from("The General Assembly,");
    for (n, eol) in eols.iter().enumerate() {
        text.push_str(eol);
        text.push_str(eol);
        text.push_str(&format!("{}. Decides point{} of the matter;", n + 1, n + 1));
    }
    text
}

#[test]
fn every_kind_of_line_end_breaks_lines() {
    let kinds = ["\n", "\r\n", "\r", "\u{2028}", "\u{85}"];
    let expected = un2akn::convert(&resolution(&["\n"; 24]), &util::fragment_options()).unwrap();
    assert_eq!(expected.document.parts.main_body.len(), 24);
    for kind in kinds {
        let conversion =
            un2akn::convert(&resolution(&[kind; 24]), &util::fragment_options()).unwrap();
        assert_eq!(conversion.document.parts.main_body.len(), 24, "{kind:?}");
        assert_eq!(conversion.xml, expected.xml, "{kind:?}");
    }
    // Mixed, in every order.
    let mixed: Vec<&str> = (0..24)
        .map(|n| kinds[(n * 7 + n / 5) % kinds.len()])
        .collect();
    let conversion = un2akn::convert(&resolution(&mixed), &util::fragment_options()).unwrap();
    assert_eq!(conversion.xml, expected.xml);
    // A paragraph separator is a blank line.
    let text = "The General Assembly,\u{2029}1. Decides a;\u{2029}2. Decides b;";
    let conversion = un2akn::convert(text, &util::fragment_options()).unwrap();
    assert_eq!(conversion.document.parts.main_body.len(), 2);
    // Positions count the lines as a reader sees them.
    let text = "The General Assembly,\r\r1. Decides a;\r\r\u{1}2. Decides b;";
    let conversion = un2akn::convert(text, &util::fragment_options()).unwrap();
    let removed = conversion
        .warnings
        .iter()
        .find(|w| w.message.contains("U+0001"))
        .unwrap();
    assert_eq!((removed.position.line, removed.position.column), (5, 1));
}

#[test]
fn a_glued_call_after_any_multi_byte_space_converts() {
    let spaces: Vec<char> = (0..=0x3000u32)
        .filter_map(char::from_u32)
        .filter(|c| c.is_whitespace() && c.len_utf8() > 1)
        .chain(['\u{feff}', '\u{200b}'])
        .collect();
    assert!(spaces.len() >= 20);
    for space in spaces {
        for format in [un2akn::clean::Format::Text, un2akn::clean::Format::Markdown] {
            let text = format!(
                "The General Assembly,\n\n1. Decides that the United{space}Nations1 and the{space}(Council2 act;\n\n______\n\n1 A note.\n2 Another.\n"
            );
            let mut options = util::fragment_options();
            options.format = Some(format);
            let conversion = un2akn::convert(&text, &options)
                .unwrap_or_else(|e| panic!("U+{:04X}: {e}", space as u32));
            assert!(conversion.xml.contains("Nations"), "U+{:04X}", space as u32);
        }
    }
}

#[test]
fn link_targets_come_from_an_allow_list_of_schemes() {
    let mut options = util::fragment_options();
    options.format = Some(un2akn::clean::Format::Markdown);
    for target in [
        "javascript:alert(1)",
        "JavaScript:x",
        " javascript:x",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:x",
        "file:///etc/passwd",
        "ftp://x.org/a",
        "java%0Ascript:x",
    ] {
        let text = format!("The General Assembly,\n\n1. Decides to see [the site]({target});\n");
        let conversion = un2akn::convert(&text, &options).unwrap();
        assert!(
            !conversion.xml.contains("<ref href=\"j")
                && !conversion
                    .xml
                    .contains(&format!("href=\"{}", target.trim())),
            "{target}: {}",
            conversion.xml
        );
        assert!(conversion.xml.contains("the site"), "{target}");
    }
    for target in [
        "https://undocs.org/A/RES/1",
        "http://x.org",
        "mailto:a@un.org",
        "relative/page.html",
        "#part",
    ] {
        let text = format!("The General Assembly,\n\n1. Decides to see [the site]({target});\n");
        let conversion = un2akn::convert(&text, &options).unwrap();
        assert!(
            conversion
                .xml
                .contains(&format!("<ref href=\"{target}\">the site</ref>")),
            "{target}: {}",
            conversion.xml
        );
    }
}
