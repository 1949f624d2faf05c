//! The reference engine: libxml2's XML Schema validator, over the same
//! bundled schema as the native engine.
//!
//! libxml2 resolves the import relative to the schema file, so on first use
//! the two files are written to a private temporary folder, compiled, and
//! the folder is removed: the schema is found whatever the working directory
//! and never fetched from the network.
//!
//! The schema is compiled **once per process** (it costs about 2.2 billion
//! instructions, almost all in libxml2's determinism check of the content
//! models) and shared by every thread; each thread validates with its own
//! libxml2 validation context (see [`Validator`]).
//!
//! A document is parsed into a tree and the tree validated
//! (`xmlSchemaValidateDoc`). libxml2 also offers validation from its parser's
//! stream, without a tree, which un2akn used while libxml2 was its only
//! validator; it was dropped: valgrind shows it reading freed memory on some
//! invalid documents (found by the `validate` fuzz target), and on others it
//! rejects what tree validation accepts. The reference should be libxml2's
//! whole check, and nothing faster.
//!
//! Messages carry libxml2's line numbers in the checked XML.

use std::cell::RefCell;
use std::ffi::{c_void, CString};
use std::ptr::{self, NonNull};
use std::sync::OnceLock;

use libxml::bindings as ffi;
use libxml::error::{StructuredError, XmlErrorLevel};
use libxml::parser::{Parser, ParserOptions, XmlParseFailure};

use super::{AKOMANTOSO_XSD, XML_XSD};
use crate::error::{Error, ErrorKind, SchemaMessage};

/// The compiled schema, shared by all threads for the life of the process.
struct CompiledSchema(NonNull<ffi::xmlSchema>);

// SAFETY: an `xmlSchema` is built by `xmlSchemaParse` and only read
// afterwards: validation keeps all of its mutable state (element stack,
// content-model automata states, identity-constraint tables, its own
// dictionary) in the `xmlSchemaValidCtxt` of the validating thread, never in
// the schema. libxml2 documents validation as thread-safe provided each
// thread has its own context, and lxml relies on exactly this, validating
// with one `xmlSchema` from many threads with the GIL released. The pointer
// is never freed (the schema lives as long as the process), so sharing
// `&CompiledSchema` between threads cannot outlive it.
unsafe impl Send for CompiledSchema {}
// SAFETY: as above — shared access is read-only.
unsafe impl Sync for CompiledSchema {}

static SCHEMA: OnceLock<Result<CompiledSchema, String>> = OnceLock::new();

/// The process's compiled schema, compiled by the first caller (the others
/// wait for it).
fn schema() -> Result<&'static CompiledSchema, Error> {
    SCHEMA.get_or_init(compile).as_ref().map_err(|reason| {
        ErrorKind::SchemaUnavailable {
            reason: reason.clone(),
        }
        .into()
    })
}

fn compile() -> Result<CompiledSchema, String> {
    libxml::init_parser();
    let folder = tempfile::Builder::new()
        .prefix("un2akn-schema")
        .tempdir()
        .map_err(|e| format!("cannot create a temporary folder: {e}"))?;
    let main = folder.path().join("akomantoso30.xsd");
    std::fs::write(&main, AKOMANTOSO_XSD)
        .and_then(|()| std::fs::write(folder.path().join("xml.xsd"), XML_XSD))
        .map_err(|e| format!("cannot write the schema: {e}"))?;
    let path = main
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
        Some(schema) if log.errors == 0 => Ok(CompiledSchema(schema)),
        schema => {
            if let Some(schema) = schema {
                // SAFETY: compiled above, used by no one else.
                unsafe { ffi::xmlSchemaFree(schema.as_ptr()) };
            }
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

impl Log {
    fn clear(&mut self) {
        self.errors = 0;
        self.messages.clear();
    }
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

/// A validator: the process's compiled schema and this thread's validation
/// context (libxml2's per-document state, reused from one document to the
/// next). Not `Send`: a libxml2 context belongs to the thread that made it.
pub struct Validator {
    context: NonNull<ffi::xmlSchemaValidCtxt>,
    /// Where the context reports; boxed so its address stays put.
    log: Box<Log>,
}

impl std::fmt::Debug for Validator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Validator(akomantoso30.xsd)")
    }
}

impl Drop for Validator {
    fn drop(&mut self) {
        // SAFETY: created in `new`, freed once; the schema stays.
        unsafe { ffi::xmlSchemaFreeValidCtxt(self.context.as_ptr()) }
    }
}

impl Validator {
    /// A validator for this thread; compiles the bundled schema if no thread
    /// of the process has yet.
    ///
    /// # Errors
    /// [`ErrorKind::SchemaUnavailable`] if the schema cannot be written to a
    /// temporary folder or does not compile.
    pub fn new() -> Result<Validator, Error> {
        let schema = schema()?;
        // SAFETY: `schema` is compiled and lives for the whole process.
        let context = unsafe { ffi::xmlSchemaNewValidCtxt(schema.0.as_ptr()) };
        let context = NonNull::new(context).ok_or_else(|| {
            Error::from(ErrorKind::SchemaUnavailable {
                reason: "cannot create a validation context".into(),
            })
        })?;
        let mut log = Box::<Log>::default();
        // SAFETY: the log is boxed and owned by the validator, which frees
        // the context (and so the handler's use of it) before the box.
        unsafe {
            ffi::xmlSchemaSetValidStructuredErrors(
                context.as_ptr(),
                Some(collect),
                ptr::from_mut(&mut *log).cast::<c_void>(),
            );
        }
        Ok(Validator { context, log })
    }

    /// Checks that `xml` is well-formed and valid: parses it into a tree and
    /// validates the tree.
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
                        column: None,
                        message: "the XML parser gave up without a message".into(),
                    });
                }
                return Err(ErrorKind::MalformedXml { messages: errors }.into());
            }
            Err(other) => {
                return Err(ErrorKind::MalformedXml {
                    messages: vec![SchemaMessage {
                        line: None,
                        column: None,
                        message: format!("{other:?}"),
                    }],
                }
                .into())
            }
        };
        self.log.clear();
        // SAFETY: the document is alive for the call; the context is ours.
        let status =
            unsafe { ffi::xmlSchemaValidateDoc(self.context.as_ptr(), document.doc_ptr()) };
        if status == 0 {
            return Ok(());
        }
        let mut found = messages(&self.log.messages, false);
        if found.is_empty() {
            found.push(SchemaMessage {
                line: None,
                column: None,
                message: format!(
                    "Schema validation failed with status {status} without a diagnostic"
                ),
            });
        }
        Err(ErrorKind::SchemaInvalid { messages: found }.into())
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
            // libxml2's column (`int2`) is only meaningful for parser errors.
            column: None,
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

/// Validates `xml` with this thread's validator (made on first use; the
/// schema is compiled once per process).
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
        let skeleton = include_str!("../../tests/fixtures/resolution-skeleton.akn.xml");
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

    #[test]
    fn identity_constraints_are_checked() {
        let skeleton = include_str!("../../tests/fixtures/resolution-skeleton.akn.xml");
        let mut validator = Validator::new().unwrap();
        validator.validate(skeleton).unwrap();
        let twice = skeleton.replace("eId=\"para_2\"", "eId=\"para_1\"");
        assert_ne!(twice, skeleton);
        let error = validator.validate(&twice).unwrap_err();
        assert!(
            matches!(error.kind(), ErrorKind::SchemaInvalid { messages }
                if messages.iter().any(|m| m.message.contains("Duplicate key-sequence ['para_1']"))),
            "{error:?}"
        );
        // The same context serves the next document.
        validator.validate(skeleton).unwrap();
    }

    #[test]
    fn an_undefined_entity_is_malformed_with_its_line() {
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE akomaNtoso SYSTEM \"x.dtd\">\n\
                   <akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">&undef;</akomaNtoso>\n";
        let error = validate(xml).unwrap_err();
        match error.kind() {
            ErrorKind::MalformedXml { messages } => {
                assert_eq!(messages[0].line, Some(3));
                assert!(messages[0].message.contains("undef"), "{messages:?}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn threads_share_one_compiled_schema() {
        let skeleton = include_str!("../../tests/fixtures/resolution-skeleton.akn.xml");
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| {
                    for _ in 0..20 {
                        validate(skeleton).unwrap();
                    }
                });
            }
        });
        let first = schema().unwrap() as *const CompiledSchema;
        let other = std::thread::spawn(|| schema().unwrap() as *const CompiledSchema as usize)
            .join()
            .unwrap();
        assert_eq!(first as usize, other);
    }
}
