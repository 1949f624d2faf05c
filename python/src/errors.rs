//! The library's errors as the Python exceptions of `un2akn._errors`.
//!
//! Takes an [`un2akn::Error`]; gives a [`PyErr`] of the `ConversionError`
//! class its [`ErrorKind`] names, carrying line, column and the message.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};

use crate::types::{Diagnostic, Problem};
use un2akn::{Error, ErrorKind};

/// The module that defines the exception classes (plain Python, so that they
/// have ordinary attributes, docstrings and pickling).
const ERRORS: &str = "un2akn._errors";

/// One exception class of [`ERRORS`], imported once per process.
fn class<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyType>>,
    name: &str,
) -> PyResult<&'py Bound<'py, PyType>> {
    cell.import(py, ERRORS, name)
}

macro_rules! exception_class {
    ($py:expr, $name:literal) => {{
        static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        class($py, &CLASS, $name)
    }};
}

/// The exception for `error`.
pub fn to_py(py: Python<'_>, error: &Error) -> PyErr {
    match build(py, error) {
        Ok(err) => err,
        Err(err) => err,
    }
}

fn build(py: Python<'_>, error: &Error) -> PyResult<PyErr> {
    let text = error.to_string();
    let position = error.position();
    // The message without the "line:col: " the Display puts first.
    let mut message = position
        .and_then(|p| text.strip_prefix(&format!("{p}: ")))
        .unwrap_or(&text)
        .to_string();
    let extra = PyDict::new(py);
    let class = match error.kind() {
        ErrorKind::InvalidUtf8 { offset, .. } => {
            extra.set_item("offset", offset)?;
            exception_class!(py, "InvalidUtf8Error")?
        }
        ErrorKind::ForbiddenCharacter { code_point, .. } => {
            extra.set_item("code_point", code_point)?;
            exception_class!(py, "ForbiddenCharacterError")?
        }
        ErrorKind::Empty => exception_class!(py, "EmptyInputError")?,
        ErrorKind::NotADocument { found, .. } => {
            extra.set_item("found", found)?;
            exception_class!(py, "NotADocumentError")?
        }
        ErrorKind::MalformedXml { messages } => {
            extra.set_item("problems", Problem::all("malformed", messages))?;
            exception_class!(py, "SchemaError")?
        }
        ErrorKind::SchemaInvalid { messages } => {
            extra.set_item("problems", Problem::all("invalid", messages))?;
            exception_class!(py, "SchemaError")?
        }
        ErrorKind::SchemaUnavailable { .. } => exception_class!(py, "SchemaError")?,
        ErrorKind::MissingIdentity {
            missing, option, ..
        } => {
            // The library names the CLI's flag; Python callers pass a keyword.
            let keyword = if option.starts_with("--date") {
                "date"
            } else {
                "symbol"
            };
            extra.set_item("missing", missing)?;
            extra.set_item("option", keyword)?;
            message = format!(
                "the text does not state {missing}, and nothing is invented; give it with {}",
                match keyword {
                    "date" => "date=\"YYYY-MM-DD\" (or a datetime.date)",
                    _ => "symbol=\"SYMBOL\" (e.g. symbol=\"A/HRC/58/L.12\")",
                }
            );
            exception_class!(py, "MissingIdentityError")?
        }
        ErrorKind::TooLarge { size, limit } => {
            extra.set_item("size", size)?;
            extra.set_item("limit", limit)?;
            message = format!(
                "the input is larger than the limit of {limit} bytes; raise it with \
                 max_input_size= if this really is one document"
            );
            exception_class!(py, "TooLargeError")?
        }
        ErrorKind::Strict { warnings } => {
            let diagnostics = warnings.iter().map(Diagnostic::of).collect::<Vec<_>>();
            extra.set_item("warnings", diagnostics)?;
            message = format!(
                "{} warning(s) and strict=True makes any warning fail the input",
                warnings.len()
            );
            for warning in warnings {
                message.push_str(&format!("\n  {warning}"));
            }
            exception_class!(py, "StrictError")?
        }
        // Bad arguments, not bad input.
        ErrorKind::UnknownLanguage { .. } | ErrorKind::InvalidOption { .. } => {
            return Ok(PyValueError::new_err(text))
        }
        _ => exception_class!(py, "ConversionError")?,
    };
    let (line, column) = position.map_or((None, None), |p| (Some(p.line), Some(p.column)));
    let exception = class.call((message, line, column), Some(&extra))?;
    Ok(PyErr::from_value(exception))
}
