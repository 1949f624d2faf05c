//! The library's errors as the Python exceptions of `un2akn._errors`.
//!
//! Takes an [`un2akn::Error`]; gives a [`PyErr`] of the `ConversionError`
//! class its [`ErrorKind`] names, carrying line, column and the message.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};

use crate::types::Problem;
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
    let message = position
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
        // A bad argument, not a bad input.
        ErrorKind::UnknownLanguage { .. } => return Ok(PyValueError::new_err(text)),
        _ => exception_class!(py, "ConversionError")?,
    };
    let (line, column) = position.map_or((None, None), |p| (Some(p.line), Some(p.column)));
    let exception = class.call((message, line, column), Some(&extra))?;
    Ok(PyErr::from_value(exception))
}
