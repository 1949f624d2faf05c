//! The native validator against libxml2, the reference: both must give the
//! same verdict (valid or not) on every document of `tests/fixtures/documents`
//! (un2akn's outputs, the UN's own Akoma Ntoso files), on the spec skeleton,
//! and on thousands of mutated, hand-written and garbage documents. Messages are each engine's
//! own; only the verdicts are compared.
//!
//! Knobs for longer runs: `MUTANTS=N MUTATION_SEED=S` (mutations),
//! `VALUES=N` (typed attribute values), `GARBAGE=N` (garbage inputs);
//! `DUMP=1` prints cases.

mod edge_cases;
mod messages;
mod mutations;
mod robustness;
mod simple_types;
mod small_schema;
mod tree;
mod vocabulary;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use un2akn_xsd::Schema;

/// The OASIS Akoma Ntoso 3.0 schema (vendored here for the tests).
pub const AKOMANTOSO_XSD: &str = include_str!("../fixtures/schemas/akomantoso30.xsd");
/// The W3C schema of the `xml:` attributes, which it imports.
pub const XML_XSD: &str = include_str!("../fixtures/schemas/xml.xsd");
/// [`AKOMANTOSO_XSD`]'s imports.
pub const IMPORTS: &[(&str, &str)] = &[("./xml.xsd", XML_XSD)];

/// This crate's folder.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The natively compiled Akoma Ntoso schema, shared by the tests.
pub fn native() -> &'static Schema {
    static SCHEMA: OnceLock<Schema> = OnceLock::new();
    SCHEMA.get_or_init(|| Schema::compile(AKOMANTOSO_XSD, IMPORTS).expect("the schema compiles"))
}

/// The schema compiled by libxml2, shared by the tests.
pub fn reference() -> &'static un2akn_xsd::libxml2::Schema {
    static SCHEMA: OnceLock<un2akn_xsd::libxml2::Schema> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        un2akn_xsd::libxml2::Schema::compile(AKOMANTOSO_XSD, IMPORTS).expect("the schema compiles")
    })
}

/// libxml2's verdict: `Ok(())` or the messages.
pub fn libxml(xml: &str) -> Result<(), Vec<String>> {
    reference()
        .validate(xml)
        .map_err(|v| v.iter().map(ToString::to_string).collect())
}

/// The native verdict, as messages.
pub fn ours(xml: &str) -> Result<(), Vec<String>> {
    native()
        .validate(xml)
        .map_err(|v| v.iter().map(ToString::to_string).collect())
}

/// The documents both engines must accept, (name, text), from
/// `tests/fixtures/documents/`: what un2akn made of its two examples, the
/// 15 documents of its corpus and the texts of the UN's pairs (`gen_*`),
/// the UN's own Akoma Ntoso files of those pairs (`un_*`); and the spec
/// skeleton.
pub fn fixtures() -> Vec<(String, String)> {
    let dir = root().join("tests/fixtures/documents");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the folder exists")
        .map(|entry| entry.expect("readable").path())
        .collect();
    paths.sort();
    let mut out: Vec<(String, String)> = paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("UTF-8");
            (file_name(path), text)
        })
        .collect();
    out.push((
        "resolution-skeleton.akn.xml".into(),
        include_str!("../fixtures/resolution-skeleton.akn.xml").into(),
    ));
    out
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .expect("a file")
        .to_string_lossy()
        .into_owned()
}

/// A seeded pseudo-random generator (splitmix64): the same seed, the same
/// cases, on every machine.
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// The one documented divergence: libxml2 2.9 treats a NUL character met
/// between markup after the root element as the end of the input, so it
/// accepts `<root/>` followed by NUL and anything; the native validator
/// rejects the NUL (U+0000 is not an XML character). True if `xml` is such a
/// case: it has a NUL, and the part before the first NUL is a complete valid
/// document for both validators.
pub fn libxml2_nul_quirk(xml: &str) -> bool {
    let Some(nul) = xml.find('\0') else {
        return false;
    };
    let head = &xml[..nul];
    ours(head).is_ok() && libxml(head).is_ok()
}

#[test]
fn every_fixture_is_valid_for_both() {
    let fixtures = fixtures();
    assert!(fixtures.len() >= 38, "{} fixtures", fixtures.len());
    let mut failures = Vec::new();
    for (name, text) in fixtures {
        let lib = libxml(&text);
        let nat = ours(&text);
        if lib.is_err() || nat.is_err() {
            failures.push(format!("{name}: libxml2 {lib:?}; native {nat:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Inputs the `validate` fuzz target found (`tests/fixtures/fuzz/`):
/// both engines judge them without crashing — the first made libxml2's
/// stream validation read freed memory (valgrind), which is why the libxml2
/// engine validates trees only — and agree unless the divergence is a
/// documented one.
#[test]
fn fuzz_findings_are_judged_without_crashing() {
    let dir = root().join("tests/fixtures/fuzz");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("the folder exists")
        .map(|entry| entry.expect("readable").path())
        .collect();
    names.sort();
    assert!(names.len() >= 2);
    for path in names {
        let xml = std::fs::read_to_string(&path).expect("UTF-8");
        let (lib, nat) = (libxml(&xml), ours(&xml));
        if file_name(&path) == "unknown-encoding.xml" {
            assert!(lib.is_err() && nat.is_ok(), "the documented divergence");
        } else {
            assert_eq!(
                lib.is_ok(),
                nat.is_ok(),
                "{}: {lib:?} {nat:?}",
                path.display()
            );
        }
    }
}
