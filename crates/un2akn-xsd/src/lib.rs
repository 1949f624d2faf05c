#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

mod chars;
mod content;
mod hash;
mod instance;
mod limits;
mod regex;
mod schema;
mod simple;
mod uri;

#[cfg(feature = "libxml2")]
pub mod libxml2;

pub use limits::Limits;

/// Why a schema does not compile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError(pub String);

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CompileError {}

/// A compiled schema; immutable, `Send + Sync`, shared by all threads.
#[derive(Debug)]
pub struct Schema {
    model: schema::Model,
}

impl Schema {
    /// Compiles the schema document `main` and the documents it imports,
    /// given as (location, text): each `xsd:import` is resolved to the given
    /// document whose `targetNamespace` is the imported namespace (the
    /// location only names the document in messages). Nothing is read from
    /// disk or the network.
    ///
    /// # Errors
    /// A message if a text is not well-formed, uses an XSD construct this
    /// validator does not support, imports a namespace no given document
    /// has, or refers to an undefined component.
    pub fn compile(main: &str, imports: &[(&str, &str)]) -> Result<Schema, CompileError> {
        Ok(Schema {
            model: schema::compile(main, imports).map_err(CompileError)?,
        })
    }

    /// Validates one whole XML document (well-formedness as far as needed +
    /// schema validity) within the default [`Limits`].
    ///
    /// # Errors
    /// The violations found, in document order, at most
    /// [`Limits::max_violations`].
    pub fn validate(&self, xml: &str) -> Result<(), Vec<Violation>> {
        self.validate_with(xml, &Limits::default())
    }

    /// Validates one whole XML document within `limits`, in one pass over
    /// the text: time and memory linear in its length.
    ///
    /// # Errors
    /// The violations found, in document order, at most
    /// [`Limits::max_violations`]; a [`ViolationKind::Limit`] violation when
    /// the document exceeds a limit (the check stops there).
    pub fn validate_with(&self, xml: &str, limits: &Limits) -> Result<(), Vec<Violation>> {
        let v = instance::validate(&self.model, xml, limits);
        if v.is_empty() {
            Ok(())
        } else {
            Err(v)
        }
    }
}

/// What kind of problem a [`Violation`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViolationKind {
    /// Not well-formed XML (the first such problem ends the check).
    Malformed,
    /// Well-formed, but not valid against the schema.
    Invalid,
    /// The document exceeds one of the [`Limits`] (the check ends there).
    Limit,
}

/// One problem found, at a 1-based line and column (column in chars) of the
/// document. The libxml2 engine gives no column (0), and sometimes no line
/// (0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Whether the document is not well-formed XML, not valid, or too big.
    pub kind: ViolationKind,
    /// 1-based line (0: unknown).
    pub line: usize,
    /// 1-based column, counted in characters (0: unknown).
    pub column: usize,
    /// What is wrong, in English, naming the element or attribute.
    pub message: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (0, _) => f.write_str(&self.message),
            (line, 0) => write!(f, "{line}: {}", self.message),
            (line, column) => write!(f, "{line}:{column}: {}", self.message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn schema_is_send_and_sync() {
        assert_send_sync::<Schema>();
    }
}
