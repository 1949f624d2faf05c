//! The limits, on every engine: hostile documents (deep nesting, many
//! namespace declarations, a huge attribute, a huge document) are refused
//! quickly with a positioned message, or, limits lifted, judged in linear
//! time (the timings are in `benches/limits.rs`; these tests assert the
//! verdicts). The libxml2 half needs the `libxml2` feature.

use un2akn_xsd::{Limits, Schema, Violation, ViolationKind};

const AKN: &str = include_str!("fixtures/schemas/akomantoso30.xsd");
const XML: &str = include_str!("fixtures/schemas/xml.xsd");
const SKELETON: &str = include_str!("fixtures/resolution-skeleton.akn.xml");
const NS: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

fn native() -> &'static Schema {
    static SCHEMA: std::sync::OnceLock<Schema> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(|| Schema::compile(AKN, &[("./xml.xsd", XML)]).expect("compiles"))
}

#[cfg(feature = "libxml2")]
fn libxml2() -> &'static un2akn_xsd::libxml2::Schema {
    static SCHEMA: std::sync::OnceLock<un2akn_xsd::libxml2::Schema> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(|| {
        un2akn_xsd::libxml2::Schema::compile(AKN, &[("./xml.xsd", XML)]).expect("compiles")
    })
}

/// Every engine's verdict on `xml` within `limits`: (engine, result).
fn engines(xml: &str, limits: &Limits) -> Vec<(&'static str, Result<(), Vec<Violation>>)> {
    let mut out = vec![("native", native().validate_with(xml, limits))];
    #[cfg(feature = "libxml2")]
    out.push(("libxml2", libxml2().validate_with(xml, limits)));
    out
}

/// Asserts that every engine refuses `xml` with one limit violation at
/// `(line, column)` whose message contains `needle`.
fn assert_refused(xml: &str, limits: &Limits, at: (usize, usize), needle: &str) {
    for (engine, verdict) in engines(xml, limits) {
        let errors = verdict.expect_err(engine);
        assert_eq!(errors.len(), 1, "{engine}: {errors:?}");
        let e = &errors[0];
        assert_eq!(e.kind, ViolationKind::Limit, "{engine}: {e}");
        assert_eq!((e.line, e.column), at, "{engine}: {e}");
        assert!(e.message.contains(needle), "{engine}: {e}");
    }
}

/// The 1-based line and column of byte `at` in `xml`.
fn position(xml: &str, at: usize) -> (usize, usize) {
    let before = &xml[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

const STATUS: &str = "<p><docStatus>Distr.: General</docStatus></p>";

/// The skeleton with `n` nested inline elements in one paragraph of its
/// cover page (at depth 4).
fn nested(n: usize) -> String {
    let deep = format!("<p>{}{}</p>", "<i>".repeat(n), "</i>".repeat(n));
    SKELETON.replacen(STATUS, &deep, 1)
}

/// The skeleton with `n` more namespace declarations on its root.
fn namespaces(n: usize) -> String {
    let mut root = format!("<akomaNtoso xmlns=\"{NS}\"");
    for i in 0..n {
        root.push_str(&format!(" xmlns:p{i}=\"urn:x:{i}\""));
    }
    SKELETON.replacen(&format!("<akomaNtoso xmlns=\"{NS}\""), &root, 1)
}

#[test]
fn the_skeleton_is_within_the_default_limits() {
    for (engine, verdict) in engines(SKELETON, &Limits::default()) {
        assert!(verdict.is_ok(), "{engine}: {verdict:?}");
    }
    assert!(Limits::default().check(SKELETON).is_ok());
}

/// 100,000 nested elements: libxml2 took over a minute on them (10,000:
/// 5.9 s); now every engine refuses the 257th level at once.
#[test]
fn deep_nesting_is_refused_at_the_depth_limit() {
    let xml = nested(100_000);
    // akomaNtoso, statement, coverPage, p: the 253rd <i> is the 257th level.
    let at = xml.find("<p><i>").expect("there") + "<p>".len() + 252 * "<i>".len();
    assert_refused(&xml, &Limits::default(), position(&xml, at), "max_depth");
    // Within the limit, the same shape is valid.
    for (engine, verdict) in engines(&nested(200), &Limits::default()) {
        assert!(verdict.is_ok(), "{engine}: {verdict:?}");
    }
}

/// The native engine lifted of its limits still validates 100,000 levels
/// (one pass, no recursion).
#[test]
fn deep_nesting_without_limits_is_validated_natively() {
    assert_eq!(
        native().validate_with(&nested(100_000), &Limits::none()),
        Ok(())
    );
}

/// 300,000 namespace declarations on one element: quadratic in the native
/// engine before (over a minute); refused at the 257th now, and validated
/// in one linear pass with the limits lifted.
#[test]
fn many_namespace_declarations_are_refused_or_linear() {
    let xml = namespaces(300_000);
    // The 257th declaration (the default namespace is the first).
    let at = xml.find(" xmlns:p255=").expect("there") + 1;
    assert_refused(
        &xml,
        &Limits::default(),
        position(&xml, at),
        "max_namespaces",
    );
    assert_eq!(native().validate_with(&xml, &Limits::none()), Ok(()));
}

/// An attribute beyond `max_attribute_bytes` (10 MB by default) is refused
/// by both engines, naming the attribute; below it, it is validated.
#[test]
fn a_huge_attribute_is_refused() {
    let huge = format!("name=\"{}\"", "a".repeat(10_000_001));
    let xml = SKELETON.replacen("name=\"annex\"", &huge, 1);
    let at = xml.find(&huge).expect("there");
    let message = "attribute 'name' has 10000001 bytes";
    assert_refused(&xml, &Limits::default(), position(&xml, at), message);
    let small = Limits {
        max_attribute_bytes: 3,
        ..Limits::default()
    };
    // The first value of more than 3 bytes: the namespace of the root.
    let at = SKELETON.find("xmlns=").expect("there");
    assert_refused(
        SKELETON,
        &small,
        position(SKELETON, at),
        "max_attribute_bytes",
    );
}

#[test]
fn a_document_beyond_max_bytes_is_refused() {
    let small = Limits {
        max_bytes: 100,
        ..Limits::default()
    };
    assert_refused(SKELETON, &small, (1, 1), "max_bytes");
}

#[test]
fn max_violations_bounds_the_report() {
    let xml = SKELETON.replacen(STATUS, &"<p><bad/></p>".repeat(50), 1);
    let limits = Limits {
        max_violations: 3,
        ..Limits::default()
    };
    for (engine, verdict) in engines(&xml, &limits) {
        let errors = verdict.expect_err(engine);
        assert!(
            (1..=3).contains(&errors.len()),
            "{engine}: {} violations",
            errors.len()
        );
    }
}
