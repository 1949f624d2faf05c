//! The real binary on whole trees: `convert DIR -o OUTDIR` (mirrored paths,
//! failures reported, the JSON Lines report, identical bytes whatever
//! `--jobs`, no temporary file left), collisions, `--force`/`--update`,
//! nothing written outside the output folder, `validate DIR`, completions
//! and help.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, SystemTime};

use serde_json::Value;

use crate::util;

fn un2akn_in(cwd: &Path, args: &[&str]) -> Output {
    util::run_binary(Some(cwd), args, None)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Every file below `dir` (hidden ones included), relative, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    fn walk(root: &Path, dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, found);
            } else {
                found.push(path.strip_prefix(root).unwrap().to_path_buf());
            }
        }
    }
    let mut found = Vec::new();
    if dir.exists() {
        walk(dir, dir, &mut found);
    }
    found.sort();
    found
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn report(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).expect("each report line is JSON"))
        .collect()
}

/// The documents to copy: both examples, and every corpus document (`.md`,
/// `.txt`) that the library converts, as (name, bytes).
fn sources() -> Vec<(String, Vec<u8>)> {
    let mut sources = Vec::new();
    for name in ["A_HRC_RES_49_34.md", "A_HRC_58_L_draft_Mali.md"] {
        let bytes = std::fs::read(util::example(name)).unwrap();
        un2akn::convert_bytes(&bytes, &un2akn::Options::default()).expect("the example converts");
        sources.push((name.to_string(), bytes));
    }
    let paths = util::corpus_documents()
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"));
    for path in paths {
        let bytes = std::fs::read(&path).unwrap();
        // The corpus belongs to the grammar's tests; here it only needs
        // to provide inputs that convert.
        if un2akn::convert_bytes(&bytes, &un2akn::Options::default()).is_ok() {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            sources.push((name, bytes));
        }
    }
    sources
}

const FOLDERS: [&str; 6] = [
    "",
    "ga",
    "ga/plenary/80",
    "hrc/49",
    "hrc/49/drafts",
    "sc/1946/archive/scans",
];

/// The broken inputs: (relative path, bytes, what stderr says after the path).
fn broken() -> [(&'static str, Vec<u8>, &'static str); 3] {
    [
        (
            "ga/plenary/latin1.md",
            b"# General Assembly\n\n*Recalling* its resolution,\n1. *Decides* caf\xe9;\n".to_vec(),
            ":4:17: error: invalid UTF-8 at byte 64",
        ),
        (
            "hrc/49/empty.txt",
            Vec::new(),
            ": error: the input is empty",
        ),
        (
            "sc/scan.txt",
            [
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".as_slice(),
                &[0u8, 0xff, 0x10, 0x80].repeat(64),
            ]
            .concat(),
            ":3:1: error: expected the text of a UN resolution, found binary data (a NUL byte at byte 8)",
        ),
    ]
}

/// Builds the 300-input tree in `root`; returns the relative paths of the
/// 297 valid inputs.
fn build_tree(root: &Path) -> Vec<PathBuf> {
    let sources = sources();
    let mut valid = Vec::new();
    for k in 0..297 {
        let (name, bytes) = &sources[k % sources.len()];
        let folder = FOLDERS[(k / 7) % FOLDERS.len()];
        let rel = Path::new(folder).join(format!("{k:03}-{name}"));
        write(&root.join(&rel), bytes);
        valid.push(rel);
    }
    for (rel, bytes, _) in broken() {
        write(&root.join(rel), bytes);
    }
    // Not inputs: other extensions, no extension, hidden files and folders.
    write(&root.join("ga/notes.json"), "{}");
    write(&root.join("README"), "an archive");
    write(&root.join(".git/HEAD.md"), "ref: refs/heads/main");
    write(&root.join("hrc/.draft.md"), "not yet");
    valid
}

fn mirrored(rel: &Path, extension: &str) -> PathBuf {
    rel.with_extension(extension)
}

#[test]
fn a_300_file_tree_converts_the_same_with_1_and_4_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let tree = dir.path().join("archive");
    let valid = build_tree(&tree);

    let mut outputs = Vec::new();
    for jobs in ["1", "4"] {
        let out = format!("out-{jobs}");
        let report_name = format!("report-{jobs}.jsonl");
        let output = un2akn_in(
            dir.path(),
            &[
                "convert",
                "archive",
                "-o",
                &out,
                "--report",
                &report_name,
                "--jobs",
                jobs,
            ],
        );
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(output.stdout.is_empty());

        // Only errors (one headline per broken file, its snippet indented
        // below it) and the summary: no progress, no warnings in a pipe.
        let lines: Vec<&str> = stderr.lines().filter(|l| !l.starts_with(' ')).collect();
        assert_eq!(lines.len(), 4, "{stderr}");
        assert!(!stderr.contains('\u{1b}'), "no colour in a pipe");
        for ((rel, _, message), line) in broken().iter().zip(&lines) {
            let expected = format!("archive/{rel}{message}");
            assert!(line.starts_with(&expected), "{line} vs {expected}");
        }
        assert!(
            lines[3].starts_with("un2akn: 300 files in ")
                && lines[3].contains(", 3 failed, 0 skipped"),
            "{}",
            lines[3]
        );

        // The report: 300 lines, in input order, 3 failures named.
        let records = report(&dir.path().join(&report_name));
        assert_eq!(records.len(), 300);
        let failed: Vec<&str> = records
            .iter()
            .filter(|r| r["status"] == "failed")
            .map(|r| r["path"].as_str().unwrap())
            .collect();
        let expected: Vec<String> = broken()
            .iter()
            .map(|(rel, _, _)| format!("archive/{rel}"))
            .collect();
        assert_eq!(failed, expected);
        let latin1 = records
            .iter()
            .find(|r| r["path"] == "archive/ga/plenary/latin1.md")
            .unwrap();
        assert_eq!(latin1["errors"][0]["line"], 4);
        assert_eq!(latin1["errors"][0]["column"], 17);
        assert_eq!(
            latin1["output"],
            "out-".to_string() + jobs + "/ga/plenary/latin1.akn.xml"
        );
        let mut converted = 0;
        let mut warned = 0;
        for record in &records {
            assert!(record["milliseconds"].as_f64().unwrap() >= 0.0);
            match record["status"].as_str().unwrap() {
                "converted" => converted += 1,
                "warned" => {
                    warned += 1;
                    assert!(!record["warnings"].as_array().unwrap().is_empty());
                }
                "failed" => {
                    assert!(record["counts"].is_null());
                    assert!(!record["errors"].as_array().unwrap().is_empty());
                    continue;
                }
                other => panic!("{other}: {record}"),
            }
            let rel = Path::new(record["path"].as_str().unwrap())
                .strip_prefix("archive")
                .unwrap();
            assert_eq!(
                record["output"],
                Path::new(&out)
                    .join(mirrored(rel, "akn.xml"))
                    .display()
                    .to_string()
            );
            for count in ["preambular", "operative", "points", "footnotes", "annexes"] {
                assert!(record["counts"][count].is_u64(), "{record}");
            }
        }
        assert_eq!(converted + warned, 297);
        assert!(lines[3].contains(&format!(
            ": {converted} converted, {warned} converted with warnings, 3 failed"
        )));
        // The counts are the document's.
        let record = records
            .iter()
            .find(|r| r["path"] == "archive/000-A_HRC_RES_49_34.md")
            .unwrap();
        let document = util::convert("A_HRC_RES_49_34.md", &un2akn::Options::default()).document;
        assert_eq!(record["format"], "markdown");
        assert_eq!(record["kind"], "resolution");
        assert_eq!(
            record["counts"],
            serde_json::json!({
                "preambular": document.parts.preamble.containers.len(),
                "operative": document.parts.paragraphs().count(),
                "points": 0,
                "annexes": 0,
                "footnotes": document.footnotes.len(),
            })
        );

        // 297 outputs at the mirrored paths and nothing else: no temporary
        // file, nothing for the broken inputs.
        let out_dir = dir.path().join(&out);
        let mut expected: Vec<PathBuf> = valid.iter().map(|r| mirrored(r, "akn.xml")).collect();
        expected.sort();
        assert_eq!(files(&out_dir), expected);
        outputs.push((out_dir, records));
    }

    // Every output validates.
    let (out_1, records_1) = &outputs[0];
    for rel in files(out_1) {
        let xml = std::fs::read_to_string(out_1.join(&rel)).unwrap();
        un2akn::validate::validate(&xml).unwrap_or_else(|e| panic!("{}: {e}", rel.display()));
    }
    // Byte-identical with 1 and 4 jobs; the same report but for the times.
    let (out_4, records_4) = &outputs[1];
    for rel in files(out_1) {
        assert!(
            std::fs::read(out_1.join(&rel)).unwrap() == std::fs::read(out_4.join(&rel)).unwrap(),
            "{} differs",
            rel.display()
        );
    }
    let strip = |records: &[Value]| -> Vec<Value> {
        records
            .iter()
            .map(|r| {
                let mut r = r.clone();
                r["milliseconds"] = Value::Null;
                r["output"] = r["output"]
                    .as_str()
                    .map(|o| Value::from(o.split_once('/').unwrap().1))
                    .unwrap_or(Value::Null);
                r
            })
            .collect()
    };
    assert_eq!(strip(records_1), strip(records_4));
}

#[test]
fn inputs_sharing_an_output_are_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read(util::example("A_HRC_RES_49_34.md")).unwrap();
    write(&dir.path().join("one/x.md"), &example);
    write(&dir.path().join("two/x.md"), &example);
    write(&dir.path().join("two/y.md"), &example);
    write(&dir.path().join("two/y.txt"), &example);

    // Two file arguments with the same name.
    let output = un2akn_in(
        dir.path(),
        &[
            "convert", "one/x.md", "two/x.md", "-o", "out", "--report", "r.jsonl",
        ],
    );
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(
        stderr.contains("out/x.akn.xml <- one/x.md, two/x.md"),
        "{stderr}"
    );
    assert!(!dir.path().join("out").exists());
    assert!(!dir.path().join("r.jsonl").exists());

    // Two files of one folder differing only by extension.
    let output = un2akn_in(dir.path(), &["convert", "two", "-o", "out"]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("out/y.akn.xml <- two/y.md, two/y.txt"),
        "{stderr}"
    );
    assert!(!stderr.contains("x.akn.xml"), "{stderr}");
    assert!(!dir.path().join("out").exists());
}

fn set_modified(path: &Path, time: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

#[test]
fn existing_outputs_are_kept_unless_force_or_older_with_update() {
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read(util::example("A_HRC_RES_49_34.md")).unwrap();
    write(&dir.path().join("in/old.md"), &example);
    write(&dir.path().join("in/new.md"), &example);
    let output = un2akn_in(dir.path(), &["convert", "in", "-o", "out"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let fresh = std::fs::read(dir.path().join("out/old.akn.xml")).unwrap();

    // Make both outputs stale: one older than its input, one newer.
    let now = SystemTime::now();
    let hour = Duration::from_secs(3600);
    for (name, time) in [("old", now - hour), ("new", now + hour)] {
        let path = dir.path().join(format!("out/{name}.akn.xml"));
        std::fs::write(&path, "stale").unwrap();
        set_modified(&path, time);
        set_modified(&dir.path().join(format!("in/{name}.md")), now);
    }
    let read = |name: &str| std::fs::read(dir.path().join(format!("out/{name}.akn.xml"))).unwrap();
    let statuses = |output: &Output| -> Vec<(String, String)> {
        text(&output.stdout)
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .map(|r| {
                (
                    r["status"].as_str().unwrap().to_string(),
                    r["reason"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    };

    // Default: both kept.
    let output = un2akn_in(
        dir.path(),
        &["convert", "in", "-o", "out", "--report", "-", "-v"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(read("old"), b"stale");
    assert_eq!(read("new"), b"stale");
    // `new.md` sorts first.
    assert_eq!(
        statuses(&output),
        [
            ("skipped".to_string(), "exists".to_string()),
            ("skipped".into(), "exists".into())
        ]
    );
    assert!(text(&output.stderr).contains("in/old.md: skipped: out/old.akn.xml exists"));
    assert!(text(&output.stderr)
        .contains("0 converted, 0 converted with warnings, 0 failed, 2 skipped"));

    // --update: only the output older than its input is replaced.
    let output = un2akn_in(
        dir.path(),
        &["convert", "in", "-o", "out", "--update", "--report", "-"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(read("old"), fresh);
    assert_eq!(read("new"), b"stale");
    assert_eq!(
        statuses(&output),
        [
            ("skipped".to_string(), "is up to date".to_string()),
            ("converted".into(), String::new())
        ]
    );

    // --force: everything is replaced.
    let output = un2akn_in(dir.path(), &["convert", "in", "-o", "out", "--force", "-q"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(output.stderr.is_empty());
    assert_eq!(read("old"), fresh);
    assert_eq!(read("new"), fresh);
    assert_eq!(
        files(&dir.path().join("out")),
        [PathBuf::from("new.akn.xml"), PathBuf::from("old.akn.xml")]
    );
}

#[test]
#[cfg(unix)]
fn nothing_is_written_outside_the_output_folder() {
    use std::os::unix::fs::symlink;

    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let example = std::fs::read(util::example("A_HRC_RES_49_34.md")).unwrap();

    // An output folder holding a link to a folder outside it: refused.
    write(&root.join("in/top.md"), &example);
    write(&root.join("in/sub/a.md"), &example);
    std::fs::create_dir_all(root.join("elsewhere")).unwrap();
    std::fs::create_dir_all(root.join("out")).unwrap();
    symlink(root.join("elsewhere"), root.join("out/sub")).unwrap();
    let output = un2akn_in(root, &["convert", "in", "-o", "out"]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("outside the output folder"), "{stderr}");
    assert!(stderr.contains("in/sub/a.md: out/sub leads to"), "{stderr}");
    assert!(files(&root.join("elsewhere")).is_empty());
    assert!(!root.join("out/top.akn.xml").exists());

    // Inputs reached through `..` and through links land inside the output
    // folder, at the path they were reached by.
    let other = tempfile::tempdir().unwrap();
    let root = other.path();
    write(&root.join("data/deep/a.md"), &example);
    write(&root.join("outside/b.md"), &example);
    write(&root.join("outside/folder/c.md"), &example);
    write(&root.join("loose.md"), &example);
    symlink(root.join("outside/b.md"), root.join("data/link.md")).unwrap();
    symlink(root.join("outside/folder"), root.join("data/linked")).unwrap();
    let before = files(root);
    let output = un2akn_in(
        &root.join("data/deep"),
        &["convert", "..", "../../loose.md", "-o", "../../out"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        files(&root.join("out")),
        [
            PathBuf::from("deep/a.akn.xml"),
            PathBuf::from("link.akn.xml"),
            PathBuf::from("linked/c.akn.xml"),
            PathBuf::from("loose.akn.xml"),
        ]
    );
    let after: Vec<PathBuf> = files(root)
        .into_iter()
        .filter(|p| !p.starts_with("out"))
        .collect();
    assert_eq!(after, before);
}

#[test]
fn validate_walks_folders_in_parallel_with_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let output = un2akn_in(
        dir.path(),
        &[
            "convert",
            util::example("A_HRC_RES_49_34.md").to_str().unwrap(),
            util::example("A_HRC_58_L_draft_Mali.md").to_str().unwrap(),
            "-o",
            "out",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    write(
        &out.join("nested/bad.akn.xml"),
        "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n  <nonsense/>\n</akomaNtoso>\n",
    );
    write(&out.join("nested/notes.txt"), "not XML, not checked");

    let output = un2akn_in(
        dir.path(),
        &[
            "validate",
            "out",
            "--jobs",
            "2",
            "--report",
            "validation.jsonl",
        ],
    );
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert_eq!(
        text(&output.stdout),
        "out/A_HRC_58_L_draft_Mali.akn.xml validates\nout/A_HRC_RES_49_34.akn.xml validates\n"
    );
    assert!(
        stderr.contains("out/nested/bad.akn.xml:2:3: element 'nonsense': not expected here"),
        "{stderr}"
    );
    assert!(
        stderr.contains("out/nested/bad.akn.xml fails to validate"),
        "{stderr}"
    );
    assert!(stderr.contains("un2akn: 3 files in "), "{stderr}");
    assert!(stderr.contains(": 2 valid, 1 failed"), "{stderr}");
    let records = report(&dir.path().join("validation.jsonl"));
    let summary: Vec<(&str, &str)> = records
        .iter()
        .map(|r| (r["path"].as_str().unwrap(), r["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        summary,
        [
            ("out/A_HRC_58_L_draft_Mali.akn.xml", "valid"),
            ("out/A_HRC_RES_49_34.akn.xml", "valid"),
            ("out/nested/bad.akn.xml", "failed"),
        ]
    );
    assert_eq!(records[2]["errors"][0]["line"], 2);

    std::fs::remove_file(out.join("nested/bad.akn.xml")).unwrap();
    let output = un2akn_in(dir.path(), &["validate", "out", "-q"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(output.stdout.is_empty() && output.stderr.is_empty());
}

#[test]
fn folders_need_an_output_folder_and_a_file_can_go_into_one() {
    let dir = tempfile::tempdir().unwrap();
    let example = util::example("A_HRC_58_L_draft_Mali.md");
    write(
        &dir.path().join("in/a.md"),
        std::fs::read(&example).unwrap(),
    );

    let output = un2akn_in(dir.path(), &["convert", "in"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("needs -o OUTDIR"));
    let output = un2akn_in(dir.path(), &["convert", "in/a.md", "in/a.md"]);
    assert_eq!(output.status.code(), Some(2));

    // -o naming an existing folder: the file goes inside, as JSON here;
    // warnings only with -v in a batch.
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let output = un2akn_in(
        dir.path(),
        &["convert", "in/a.md", "-o", "out", "--format", "json"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(output.stderr.is_empty(), "{}", text(&output.stderr));
    let json = std::fs::read(dir.path().join("out/a.json")).unwrap();
    let document: un2akn::model::Document = serde_json::from_slice(&json).unwrap();
    assert_eq!(document.identity.work_number, "58-draft");

    let output = un2akn_in(dir.path(), &["convert", "in", "-o", "out2", "-v"]);
    assert_eq!(output.status.code(), Some(0));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("in/a.md:26:1: warning: the text does not carry its document symbol"),
        "{stderr}"
    );
    assert!(stderr.contains("1 file in "), "{stderr}");

    // A missing argument is one failed input, not the end of the batch.
    let output = un2akn_in(
        dir.path(),
        &["convert", "missing.md", "in", "-o", "out3", "--report", "-"],
    );
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with("missing.md: error: cannot read: "),
        "{stderr}"
    );
    let statuses: Vec<String> = text(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["status"].to_string())
        .collect();
    assert_eq!(statuses, ["\"failed\"", "\"warned\""]);
    assert!(dir.path().join("out3/a.akn.xml").exists());

    // The report and the document cannot share standard output.
    let output = un2akn_in(dir.path(), &["convert", "in/a.md", "--report", "-"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn completions_and_help_with_examples() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let output = un2akn_in(dir.path(), &["completions", shell]);
        assert_eq!(output.status.code(), Some(0));
        let script = text(&output.stdout);
        assert!(
            script.contains("un2akn") && script.contains("convert"),
            "{shell}"
        );
    }
    assert_eq!(
        un2akn_in(dir.path(), &["completions", "tcsh"])
            .status
            .code(),
        Some(2)
    );
    for command in [
        &["--help"][..],
        &["convert", "--help"],
        &["validate", "--help"],
        &["completions", "--help"],
    ] {
        let output = un2akn_in(dir.path(), command);
        assert_eq!(output.status.code(), Some(0));
        assert!(
            text(&output.stdout).contains("Examples:\n  un2akn "),
            "{command:?}"
        );
    }
}

/// Every relative path of `valid` is unique, so the tree itself has no
/// collisions (a guard on the test's own construction).
#[test]
fn the_test_tree_has_unique_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let valid = build_tree(dir.path());
    let mut seen = BTreeMap::new();
    for rel in &valid {
        assert!(seen.insert(mirrored(rel, "akn.xml"), rel).is_none());
    }
    assert_eq!(files(dir.path()).len(), 297 + 3 + 4);
}
