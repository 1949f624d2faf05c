//! The validation stage as un2akn uses it (the engines themselves are
//! tested in crates/un2akn-xsd): what un2akn writes validates with every
//! engine of the build, even 10 MB of it, within the default limits; the
//! `validate` command refuses documents beyond its `--max-*` limits with
//! `file:line:col`, on every engine, fast; a build without libxml2 says so.

use un2akn::validate::{self, Engine, Limits};
use un2akn::ErrorKind;

use crate::util;

/// The engines of this build.
fn engines() -> Vec<Engine> {
    if validate::LIBXML2_AVAILABLE {
        vec![Engine::Native, Engine::Libxml2, Engine::Both]
    } else {
        vec![Engine::Native]
    }
}

const SKELETON: &str = include_str!("fixtures/resolution-skeleton.akn.xml");
const STATUS: &str = "<p><docStatus>Distr.: General</docStatus></p>";

/// A/HRC/RES/49/34 with its operative paragraphs repeated until the text
/// has `target` bytes (the recipe of `benches/pipeline.rs`).
fn resolution_of_size(target: usize) -> String {
    let resolution = util::read_example("A_HRC_RES_49_34.md");
    let (head, rest) = resolution.split_once("\n1. *").expect("paragraph 1");
    let rest = format!("1. *{rest}");
    let (body, tail) = rest.rsplit_once("\n*58th meeting").expect("meeting line");
    let texts: Vec<&str> = body
        .split("\n\n")
        .map(str::trim)
        .filter_map(|block| {
            let (number, text) = block.split_once(". ")?;
            number.bytes().all(|b| b.is_ascii_digit()).then_some(text)
        })
        .collect();
    let mut out = format!("{head}\n");
    let (mut number, start) = (0, out.len());
    let mut next = texts.iter().cycle();
    while out.len() - start < target {
        number += 1;
        out.push_str(&format!("\n{number}."));
        for text in next.by_ref().take(3) {
            out.push(' ');
            out.push_str(text);
        }
        out.push('\n');
    }
    format!("{out}\n*58th meeting{tail}")
}

#[test]
fn the_examples_validate_with_every_engine() {
    for name in ["A_HRC_RES_49_34.md", "A_HRC_58_L_draft_Mali.md"] {
        for engine in engines() {
            let mut options = un2akn::Options::default();
            options.validator = engine;
            options.symbol = Some("A/HRC/58/L.1".into());
            let conversion = util::convert(name, &options);
            validate::validate_with(&conversion.xml, engine)
                .unwrap_or_else(|e| panic!("{name} {engine:?}: {e}"));
        }
    }
}

/// The default limits never refuse what un2akn writes: a 10 MB output
/// (converted with validation on) is within them on every engine.
#[test]
fn a_10_mb_output_is_within_the_default_limits() {
    let input = resolution_of_size(9_000_000);
    let conversion = un2akn::convert(&input, &un2akn::Options::default()).expect("converts");
    assert!(
        conversion.xml.len() > 10_000_000,
        "{} bytes",
        conversion.xml.len()
    );
    assert_eq!(Limits::default().check(&conversion.xml), Ok(()));
    for engine in engines() {
        validate::validate_with(&conversion.xml, engine)
            .unwrap_or_else(|e| panic!("{engine:?}: {e}"));
    }
}

#[test]
fn a_limit_is_an_error_of_its_own_kind() {
    let limits = Limits {
        max_depth: 3,
        ..Limits::default()
    };
    for engine in engines() {
        let error = validate::validate_within(SKELETON, engine, &limits).unwrap_err();
        let ErrorKind::LimitExceeded { messages } = error.kind() else {
            panic!("{engine:?}: {error}");
        };
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(messages[0].message.contains("max_depth"), "{messages:?}");
        assert!(error
            .to_string()
            .starts_with("the XML exceeds a validation limit"));
    }
}

/// 100,000 nested elements: `validate` answered after more than a minute
/// with libxml2; now every engine refuses the 257th level at once, naming
/// the file, line and column.
#[test]
fn validate_refuses_deep_nesting_on_every_engine() {
    let dir = tempfile::tempdir().unwrap();
    let n = 100_000;
    let deep = format!("<p>{}{}</p>", "<i>".repeat(n), "</i>".repeat(n));
    std::fs::write(
        dir.path().join("deep.xml"),
        SKELETON.replacen(STATUS, &deep, 1),
    )
    .unwrap();
    let line = SKELETON[..SKELETON.find(STATUS).unwrap()]
        .matches('\n')
        .count()
        + 1;
    let column = SKELETON.lines().nth(line - 1).unwrap().find("<p>").unwrap() + 1 + 3 + 252 * 3;
    for engine in engines() {
        let engine = format!("{engine:?}").to_lowercase();
        let out = util::run_binary(
            Some(dir.path()),
            &["validate", "deep.xml", "--validator", &engine],
            None,
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{engine}: {stderr}");
        assert!(
            stderr.contains(&format!("deep.xml:{line}:{column}: element 'i' is nested deeper than the limit of 256 levels (max_depth)")),
            "{engine}: {stderr}"
        );
    }
    // The limit is a flag.
    let out = util::run_binary(
        Some(dir.path()),
        &["validate", "deep.xml", "--max-depth", "200000"],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn validate_takes_each_limit_as_a_flag() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("s.xml"), SKELETON).unwrap();
    for (flag, value, name) in [
        ("--max-bytes", "1000", "max_bytes"),
        ("--max-depth", "3", "max_depth"),
        ("--max-attribute-bytes", "10", "max_attribute_bytes"),
        ("--max-namespaces", "0", "max_namespaces"),
    ] {
        let out = util::run_binary(Some(dir.path()), &["validate", "s.xml", flag, value], None);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{flag}: {stderr}");
        assert!(
            stderr.contains("s.xml:") && stderr.contains(name),
            "{flag}: {stderr}"
        );
    }
    let out = util::run_binary(Some(dir.path()), &["validate", "s.xml"], None);
    assert_eq!(out.status.code(), Some(0));
}

/// Without the `libxml2` feature, asking for libxml2 is a usage error that
/// says why, before anything is read.
#[cfg(not(feature = "libxml2"))]
#[test]
fn a_build_without_libxml2_says_so() {
    for engine in ["libxml2", "both"] {
        let out = util::run_binary(
            None,
            &["validate", "nothing.xml", "--validator", engine],
            None,
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("has no libxml2 validator"), "{stderr}");
        assert!(stderr.contains("--features libxml2"), "{stderr}");
    }
    let error = validate::validate_with(SKELETON, Engine::Libxml2).unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::SchemaUnavailable { .. }),
        "{error}"
    );
}
