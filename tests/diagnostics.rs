//! What a person sees when something is wrong: the real binary's standard
//! error for five typical mistakes, under snapshot (plain, as in a pipe).

use std::path::Path;

use crate::util;

/// Runs the binary in `dir` and returns (exit code, stderr with `dir`
/// replaced by `<dir>`).
fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let output = util::run_binary(Some(dir), args, None);
    let stderr =
        String::from_utf8_lossy(&output.stderr).replace(&dir.display().to_string(), "<dir>");
    // The summary's timing varies from run to run.
    let stable: Vec<String> = stderr
        .lines()
        .map(|line| match (line.find(" in "), line.find(" s: ")) {
            (Some(start), Some(end)) if line.starts_with("un2akn: ") && start < end => {
                format!("{} in <time>{}", &line[..start], &line[end + 2..])
            }
            _ => line.to_string(),
        })
        .collect();
    (output.status.code(), stable.join("\n"))
}

#[test]
fn five_typical_mistakes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path();
    std::fs::write(
        path.join("latin1.md"),
        b"# General Assembly\n\n*Recalling* its resolution,\n\n1. *Decides* caf\xe9 au lait;\n",
    )
    .unwrap();
    std::fs::write(path.join("empty.md"), b"   \n\n").unwrap();
    std::fs::write(path.join("scan.txt"), b"%PDF-1.7\n\x00\x01\x02 stream").unwrap();
    std::fs::copy(
        util::example("A_HRC_58_L_draft_Mali.md"),
        path.join("draft.md"),
    )
    .unwrap();
    std::fs::write(
        path.join("bad.akn.xml"),
        "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n  <statement name=\"resolution\">\n    <preface/>\n  </statement>\n</akomaNtoso>\n",
    )
    .unwrap();

    let cases: [(&str, &[&str], i32); 6] = [
        ("not-utf8", &["convert", "latin1.md"], 1),
        ("empty", &["convert", "empty.md"], 1),
        ("binary", &["convert", "scan.txt"], 1),
        (
            "draft-without-symbol",
            &["convert", "draft.md", "-o", "draft.akn.xml"],
            1,
        ),
        ("schema-invalid", &["validate", "bad.akn.xml"], 1),
        ("missing-file", &["convert", "nowhere.md"], 1),
    ];
    let mut settings = util::snapshot_settings();
    settings.set_snapshot_suffix("stderr");
    settings.bind(|| {
        for (name, args, code) in cases {
            let (status, stderr) = run(path, args);
            assert_eq!(status, Some(code), "{name}: {stderr}");
            assert!(!stderr.contains('\u{1b}'), "{name}: colour in a pipe");
            insta::assert_snapshot!(format!("diagnostics-{name}"), stderr);
        }
    });
}
