//! The reference engine (feature `libxml2`): libxml2's XML Schema
//! validator behind the same API as the native [`crate::Schema`].
//!
//! libxml2 resolves imports relative to the schema file, so
//! [`Schema::compile`] writes the main document and each import (under the
//! file name of its location) to a private temporary folder, compiles, and
//! removes the folder: nothing is fetched from the network.
//!
//! Compiling is costly (for Akoma Ntoso about 2.2 billion instructions,
//! almost all in libxml2's determinism check of the content models): compile
//! once and share the [`Schema`] between threads; each validation makes its
//! own libxml2 validation context.
//!
//! A document is first checked against the [`Limits`] with
//! [`Limits::check`] (libxml2's validation is not linear in the nesting
//! depth, nor its parser in the namespace declarations of one element), then
//! parsed into a tree and the tree validated (`xmlSchemaValidateDoc`).
//! libxml2 also offers validation from its parser's stream, without a tree;
//! it is not used: valgrind shows it reading freed memory on some invalid
//! documents (found by fuzzing), and on others it rejects what tree
//! validation accepts.
//!
//! Violations carry libxml2's line numbers; libxml2 gives no reliable
//! column (0).

use std::ffi::{c_void, CString};
use std::ptr::{self, NonNull};

use libxml::bindings as ffi;
use libxml::error::{StructuredError, XmlErrorLevel};
use libxml::parser::{Parser, ParserOptions, XmlParseFailure};

use crate::{CompileError, Limits, Violation, ViolationKind};

/// A schema compiled by libxml2; `Send + Sync`.
pub struct Schema(NonNull<ffi::xmlSchema>);

// SAFETY: an `xmlSchema` is built by `xmlSchemaParse` and only read
// afterwards: validation keeps all of its mutable state (element stack,
// content-model automata states, identity-constraint tables, its own
// dictionary) in the `xmlSchemaValidCtxt` of the validating thread, never in
// the schema. libxml2 documents validation as thread-safe provided each
// thread has its own context, and lxml relies on exactly this, validating
// with one `xmlSchema` from many threads with the GIL released. The pointer
// is freed only on drop, when no `&Schema` is left.
unsafe impl Send for Schema {}
// SAFETY: as above — shared access is read-only.
unsafe impl Sync for Schema {}

impl std::fmt::Debug for Schema {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("libxml2::Schema")
    }
}

impl Drop for Schema {
    fn drop(&mut self) {
        // SAFETY: compiled by `compile`, freed once, no context outlives
        // the borrow of `self` that made it.
        unsafe { ffi::xmlSchemaFree(self.0.as_ptr()) }
    }
}

impl Schema {
    /// Compiles `main` and its imports, (location, text), as
    /// [`crate::Schema::compile`]; each import is written under the file
    /// name of its location, next to the main document, where libxml2
    /// resolves the `schemaLocation` of the `xsd:import`.
    ///
    /// # Errors
    /// libxml2's messages if the schema does not compile, or why the
    /// temporary files could not be written.
    pub fn compile(main: &str, imports: &[(&str, &str)]) -> Result<Schema, CompileError> {
        compile(main, imports).map_err(CompileError)
    }

    /// Validates `xml` within the default [`Limits`].
    ///
    /// # Errors
    /// As [`Schema::validate_with`].
    pub fn validate(&self, xml: &str) -> Result<(), Vec<Violation>> {
        self.validate_with(xml, &Limits::default())
    }

    /// Checks `xml` against `limits`, then that it is well-formed (libxml2's
    /// parser) and valid (libxml2's validator, on the tree).
    ///
    /// # Errors
    /// The [`ViolationKind::Limit`] violation of [`Limits::check`], or
    /// libxml2's messages with their lines, at most
    /// [`Limits::max_violations`].
    pub fn validate_with(&self, xml: &str, limits: &Limits) -> Result<(), Vec<Violation>> {
        limits.check(xml).map_err(|v| vec![v])?;
        let mut found = validate_tree(self, xml)?;
        found.truncate(limits.max_violations.max(1));
        if found.is_empty() {
            Ok(())
        } else {
            Err(found)
        }
    }
}

fn compile(main: &str, imports: &[(&str, &str)]) -> Result<Schema, String> {
    libxml::init_parser();
    let folder = tempfile::Builder::new()
        .prefix("un2akn-xsd")
        .tempdir()
        .map_err(|e| format!("cannot create a temporary folder: {e}"))?;
    let path = folder.path().join("schema.xsd");
    std::fs::write(&path, main).map_err(|e| format!("cannot write the schema: {e}"))?;
    for (location, text) in imports {
        let name = location
            .rsplit(['/', '\\'])
            .next()
            .filter(|n| !n.is_empty() && *n != "." && *n != "..")
            .ok_or_else(|| format!("import location '{location}' names no file"))?;
        std::fs::write(folder.path().join(name), text)
            .map_err(|e| format!("cannot write {name}: {e}"))?;
    }
    let path = path
        .to_str()
        .and_then(|p| CString::new(p).ok())
        .ok_or_else(|| "the temporary path is not UTF-8".to_string())?;
    let mut log = Log::default();
    // SAFETY: `path` and `log` outlive the parser context, which is freed
    // before they are; the handler only touches `log`.
    let compiled = unsafe {
        let parser = ffi::xmlSchemaNewParserCtxt(path.as_ptr());
        if parser.is_null() {
            return Err("cannot create the schema parser".into());
        }
        ffi::xmlSchemaSetParserStructuredErrors(
            parser,
            Some(collect),
            ptr::from_mut(&mut log).cast::<c_void>(),
        );
        let compiled = ffi::xmlSchemaParse(parser);
        ffi::xmlSchemaFreeParserCtxt(parser);
        compiled
    };
    // The compiled schema no longer needs the files.
    drop(folder);
    match NonNull::new(compiled) {
        Some(schema) if log.errors == 0 => Ok(Schema(schema)),
        schema => {
            // Freed by the drop, if made.
            drop(schema.map(Schema));
            let mut reason = log
                .messages
                .iter()
                .filter_map(|e| e.message.as_deref().map(str::trim))
                .collect::<Vec<_>>()
                .join("; ");
            if reason.is_empty() {
                reason = "the schema does not compile".into();
            }
            Err(reason)
        }
    }
}

/// What libxml2 reported through a structured error handler.
#[derive(Default)]
struct Log {
    /// Errors and fatal errors (warnings are not counted).
    errors: usize,
    /// Every report.
    messages: Vec<StructuredError>,
}

/// A pointer to an `xmlError`: `*mut` before libxml2 2.12, `*const` after,
/// so that [`collect`] fits the handler type of either.
trait ErrorPointer: Copy {
    fn get(self) -> *const ffi::xmlError;
}
impl ErrorPointer for *mut ffi::xmlError {
    fn get(self) -> *const ffi::xmlError {
        self.cast_const()
    }
}
impl ErrorPointer for *const ffi::xmlError {
    fn get(self) -> *const ffi::xmlError {
        self
    }
}

/// The structured error handler: records the error in the [`Log`] at `log`.
unsafe extern "C" fn collect<P: ErrorPointer>(log: *mut c_void, error: P) {
    let error = error.get();
    if log.is_null() || error.is_null() {
        return;
    }
    // SAFETY: libxml2 hands back the `Log` pointer it was given, which the
    // installer keeps alive and unaliased while the handler is installed,
    // and a valid error for the duration of the call.
    unsafe {
        let log = &mut *log.cast::<Log>();
        if (*error).level >= ffi::xmlErrorLevel_XML_ERR_ERROR {
            log.errors += 1;
        }
        log.messages.push(StructuredError::from_raw(error));
    }
}

/// Parses `xml` into a tree and validates the tree with a fresh context.
fn validate_tree(schema: &Schema, xml: &str) -> Result<Vec<Violation>, Vec<Violation>> {
    let options = ParserOptions {
        recover: false,
        no_net: true,
        huge: true,
        ..ParserOptions::default()
    };
    let parsed = Parser::default().parse_string_with_diagnostics(xml, options);
    let document = match parsed {
        Ok((document, diagnostics)) => {
            let errors = violations(&diagnostics, true, ViolationKind::Malformed);
            if !errors.is_empty() {
                return Err(errors);
            }
            document
        }
        Err(XmlParseFailure::ParseFailed(diagnostics)) => {
            let mut errors = violations(&diagnostics, true, ViolationKind::Malformed);
            if errors.is_empty() {
                errors.push(unplaced(
                    ViolationKind::Malformed,
                    "the XML parser gave up without a message".into(),
                ));
            }
            return Err(errors);
        }
        Err(other) => {
            return Err(vec![unplaced(
                ViolationKind::Malformed,
                format!("{other:?}"),
            )]);
        }
    };
    // SAFETY: the schema lives for the borrow; the context is freed below.
    let context = unsafe { ffi::xmlSchemaNewValidCtxt(schema.0.as_ptr()) };
    let Some(context) = NonNull::new(context) else {
        return Err(vec![unplaced(
            ViolationKind::Invalid,
            "libxml2 cannot create a validation context".into(),
        )]);
    };
    let mut log = Log::default();
    // SAFETY: `log` outlives the context, freed before it; the document is
    // alive for the call.
    let status = unsafe {
        ffi::xmlSchemaSetValidStructuredErrors(
            context.as_ptr(),
            Some(collect),
            ptr::from_mut(&mut log).cast::<c_void>(),
        );
        let status = ffi::xmlSchemaValidateDoc(context.as_ptr(), document.doc_ptr());
        ffi::xmlSchemaFreeValidCtxt(context.as_ptr());
        status
    };
    if status == 0 {
        return Ok(Vec::new());
    }
    let mut found = violations(&log.messages, false, ViolationKind::Invalid);
    if found.is_empty() {
        found.push(unplaced(
            ViolationKind::Invalid,
            format!("Schema validation failed with status {status} without a diagnostic"),
        ));
    }
    Ok(found)
}

fn unplaced(kind: ViolationKind, message: String) -> Violation {
    Violation {
        kind,
        line: 0,
        column: 0,
        message,
    }
}

fn violations(
    errors: &[StructuredError],
    only_errors: bool,
    kind: ViolationKind,
) -> Vec<Violation> {
    errors
        .iter()
        .filter(|e| {
            !only_errors || !matches!(e.level, XmlErrorLevel::Warning | XmlErrorLevel::None)
        })
        .map(|e| Violation {
            kind,
            line: e.line.and_then(|l| usize::try_from(l).ok()).unwrap_or(0),
            // libxml2's column (`int2`) is only meaningful for parser errors.
            column: 0,
            message: e
                .message
                .as_deref()
                .unwrap_or("unknown error")
                .trim()
                .to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const AKN: &str = include_str!("../tests/fixtures/schemas/akomantoso30.xsd");
    const XML: &str = include_str!("../tests/fixtures/schemas/xml.xsd");
    const SKELETON: &str = include_str!("../tests/fixtures/resolution-skeleton.akn.xml");

    fn schema() -> &'static Schema {
        static SCHEMA: std::sync::OnceLock<Schema> = std::sync::OnceLock::new();
        SCHEMA.get_or_init(|| Schema::compile(AKN, &[("./xml.xsd", XML)]).unwrap())
    }

    #[test]
    fn the_spec_skeleton_validates() {
        schema().validate(SKELETON).unwrap();
    }

    #[test]
    fn invalid_and_malformed_xml_are_errors_with_lines() {
        let invalid = "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n<nonsense/>\n</akomaNtoso>";
        let errors = schema().validate(invalid).unwrap_err();
        assert_eq!(
            (errors[0].kind, errors[0].line),
            (ViolationKind::Invalid, 2)
        );
        let errors = schema().validate("<a>\n<b></a>").unwrap_err();
        assert_eq!(
            (errors[0].kind, errors[0].line),
            (ViolationKind::Malformed, 2)
        );
    }

    #[test]
    fn identity_constraints_are_checked() {
        let twice = SKELETON.replace("eId=\"para_2\"", "eId=\"para_1\"");
        assert_ne!(twice, SKELETON);
        let errors = schema().validate(&twice).unwrap_err();
        assert!(
            errors
                .iter()
                .any(|m| m.message.contains("Duplicate key-sequence ['para_1']")),
            "{errors:?}"
        );
        schema().validate(SKELETON).unwrap();
    }

    #[test]
    fn an_undefined_entity_is_malformed_with_its_line() {
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE akomaNtoso SYSTEM \"x.dtd\">\n\
                   <akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">&undef;</akomaNtoso>\n";
        let errors = schema().validate(xml).unwrap_err();
        assert_eq!(errors[0].line, 3);
        assert!(errors[0].message.contains("undef"), "{errors:?}");
    }

    #[test]
    fn threads_share_one_compiled_schema() {
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| {
                    for _ in 0..20 {
                        schema().validate(SKELETON).unwrap();
                    }
                });
            }
        });
    }

    #[test]
    fn a_missing_import_does_not_compile() {
        assert!(Schema::compile(AKN, &[]).is_err());
    }
}
