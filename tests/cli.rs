//! The real binary: convert to a file and to stdout, stdin, `--symbol`,
//! `--format json`, `validate` and exit codes.

use std::process::Output;

use crate::util;

fn un2akn(args: &[&str], stdin: Option<&[u8]>) -> Output {
    util::run_binary(None, args, stdin)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn convert_to_a_file_then_validate_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("49-34.akn.xml");
    let example = util::example("A_HRC_RES_49_34.md");
    let output = un2akn(
        &[
            "convert",
            example.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    let xml = std::fs::read_to_string(&out).unwrap();
    assert!(xml.contains("49-34"));
    // Only the output file is in the folder: the temporary file was renamed.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

    let output = un2akn(&["validate", out.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn stdin_to_stdout_with_symbol_and_warnings_on_stderr() {
    let input = util::read_example("A_HRC_58_L_draft_Mali.md");
    // The draft does not print its symbol: nothing is invented, the input
    // fails and the message names the ways to give it.
    let output = un2akn(&["convert", "-"], Some(input.as_bytes()));
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let errors = String::from_utf8(output.stderr).unwrap();
    assert!(
        errors.starts_with("<stdin>:26:1: error: the text does not state its document symbol"),
        "{errors}"
    );
    assert!(
        errors.contains("--symbol") && errors.contains("--metadata"),
        "{errors}"
    );

    // A date the text contradicts is a warning on stderr.
    let output = un2akn(
        &[
            "convert",
            "-",
            "--symbol",
            "A/HRC/58/L.12",
            "--date",
            "2025-03-26",
        ],
        Some(input.as_bytes()),
    );
    assert!(output.status.success());
    let xml = String::from_utf8(output.stdout).unwrap();
    assert!(xml.starts_with("<?xml"));
    assert!(xml.contains("/2025-03-25/A-HRC-58-L.12"));
    let warnings = String::from_utf8(output.stderr).unwrap();
    assert!(
        warnings.starts_with("<stdin>:26:1: warning: the text is dated 2025-03-25"),
        "{warnings}"
    );

    let output = un2akn(
        &["convert", "-", "--symbol", "A/HRC/58/L.12"],
        Some(input.as_bytes()),
    );
    assert!(output.status.success());
    assert!(output.stderr.is_empty(), "{}", stderr(&output));
    assert!(String::from_utf8(output.stdout)
        .unwrap()
        .contains("A-HRC-58-L.12"));
}

#[test]
fn json_format_is_the_model() {
    let example = util::example("A_HRC_RES_49_34.md");
    let output = un2akn(
        &["convert", example.to_str().unwrap(), "--format", "json"],
        None,
    );
    assert!(output.status.success());
    let document: un2akn::model::Document = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(document.parts.paragraphs().count(), 36);
    assert_eq!(document.identity.work_number, "49-34");
}

#[test]
fn validate_reports_schema_errors_with_lines_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.akn.xml");
    std::fs::write(
        &bad,
        "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n  <nonsense/>\n</akomaNtoso>\n",
    )
    .unwrap();
    let broken = dir.path().join("broken.xml");
    std::fs::write(&broken, "<a>\n<b>\n</a>").unwrap();
    let good = dir.path().join("good.xml");
    let example = util::convert("A_HRC_RES_49_34.md", &un2akn::Options::default());
    std::fs::write(&good, example.xml).unwrap();

    let files = [
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
        broken.to_str().unwrap(),
    ];
    // The native validator (default): line and column of each problem.
    let output = un2akn(&[&["validate"], &files[..]].concat(), None);
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    assert!(
        errors.contains(&format!(
            "{}:2:3: element 'nonsense': not expected here",
            bad.display()
        )),
        "{errors}"
    );
    assert!(
        errors.contains(&format!(
            "{}:3:1: not well-formed: end tag '</a>' does not match the start tag '<b>'",
            broken.display()
        )),
        "{errors}"
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("good.xml validates"));

    // libxml2, the reference: the same verdicts, its own messages and lines.
    for engine in ["libxml2", "both"] {
        let output = un2akn(
            &[&["validate", "--validator", engine], &files[..]].concat(),
            None,
        );
        assert_eq!(output.status.code(), Some(1), "{engine}");
        let errors = stderr(&output);
        let bad_line = if engine == "both" {
            "2:3: element"
        } else {
            "2: Element"
        };
        assert!(
            errors.contains(&format!("{}:{bad_line}", bad.display())),
            "{engine}: {errors}"
        );
        assert!(
            errors.contains(&format!("{}:3:", broken.display())),
            "{errors}"
        );
        assert!(String::from_utf8_lossy(&output.stdout).contains("good.xml validates"));
    }
}

#[test]
fn bad_input_is_an_error_with_position_and_no_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("latin1.md");
    std::fs::write(
        &input,
        b"*Recalling* its resolution,\n\n1. *Decides* caf\xe9;\n",
    )
    .unwrap();
    let out = dir.path().join("out.xml");
    let output = un2akn(
        &[
            "convert",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("latin1.md:3:17: error: invalid UTF-8 at byte 45"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists());
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(un2akn(&["convert"], None).status.code(), Some(2));
    assert_eq!(un2akn(&["frobnicate"], None).status.code(), Some(2));
}
