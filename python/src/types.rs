//! The Python classes a conversion gives: [`Conversion`] and the small frozen
//! records of its lists ([`Diagnostic`], [`Furniture`], [`Problem`]).
//!
//! Takes the library's [`un2akn::Conversion`]; gives Python objects. The
//! document model becomes Python objects only when `.document` is first read.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString};

/// A warning: text the converter kept without being sure where it goes, or a
/// fact it could not find.
#[pyclass(frozen, eq, module = "un2akn")]
#[derive(Clone, PartialEq)]
pub struct Diagnostic {
    /// Line in the input, from 1.
    #[pyo3(get)]
    pub line: usize,
    /// Column in the input, in characters, from 1.
    #[pyo3(get)]
    pub column: usize,
    /// What happened (lowercase, no trailing period).
    #[pyo3(get)]
    pub message: String,
}

/// Python's `repr` of a string.
fn repr(py: Python<'_>, text: &str) -> PyResult<String> {
    Ok(PyString::new(py, text).repr()?.to_cow()?.into_owned())
}

#[pymethods]
impl Diagnostic {
    #[new]
    fn py_new(line: usize, column: usize, message: String) -> Diagnostic {
        Diagnostic {
            line,
            column,
            message,
        }
    }

    /// Pickles as `Diagnostic(line, column, message)` (a `StrictError`
    /// carries its warnings between processes).
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> (Bound<'py, pyo3::types::PyType>, (usize, usize, String)) {
        let this = slf.get();
        (
            slf.get_type(),
            (this.line, this.column, this.message.clone()),
        )
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Diagnostic(line={}, column={}, message={})",
            self.line,
            self.column,
            repr(py, &self.message)?
        ))
    }

    fn __str__(&self) -> String {
        format!("{}:{}: warning: {}", self.line, self.column, self.message)
    }
}

/// A piece of page furniture (page break, job number, running header, …)
/// removed from the text.
#[pyclass(frozen, eq, module = "un2akn")]
#[derive(Clone, PartialEq)]
pub struct Furniture {
    /// What it was, e.g. `"pageBreak"`, `"jobNumber"`, `"runningHeader"`.
    #[pyo3(get)]
    pub kind: String,
    /// Line in the input, from 1.
    #[pyo3(get)]
    pub line: usize,
    /// Column in the input, in characters, from 1.
    #[pyo3(get)]
    pub column: usize,
    /// The removed text.
    #[pyo3(get)]
    pub text: String,
}

#[pymethods]
impl Furniture {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Furniture(kind={}, line={}, column={}, text={})",
            repr(py, &self.kind)?,
            self.line,
            self.column,
            repr(py, &self.text)?
        ))
    }
}

/// One problem a schema validation found, with its place in the XML.
#[pyclass(frozen, eq, module = "un2akn")]
#[derive(Clone, PartialEq)]
pub struct Problem {
    /// `"malformed"` (not well-formed XML) or `"invalid"` (against the
    /// schema).
    #[pyo3(get)]
    pub kind: &'static str,
    /// Line in the XML, from 1, when known.
    #[pyo3(get)]
    pub line: Option<usize>,
    /// Column in the XML, in characters, from 1, when known.
    #[pyo3(get)]
    pub column: Option<usize>,
    /// The validator's message.
    #[pyo3(get)]
    pub message: String,
}

#[pymethods]
impl Problem {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let or_none = |n: Option<usize>| n.map_or("None".to_string(), |n| n.to_string());
        Ok(format!(
            "Problem(kind={}, line={}, column={}, message={})",
            repr(py, self.kind)?,
            or_none(self.line),
            or_none(self.column),
            repr(py, &self.message)?
        ))
    }

    fn __str__(&self) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{line}:{column}: {}", self.message),
            (Some(line), None) => format!("{line}: {}", self.message),
            _ => self.message.clone(),
        }
    }
}

impl Problem {
    /// The problems of a schema or well-formedness error.
    pub fn all(kind: &'static str, messages: &[un2akn::SchemaMessage]) -> Vec<Problem> {
        messages
            .iter()
            .map(|m| Problem {
                kind,
                line: m.line,
                column: m.column,
                message: m.message.clone(),
            })
            .collect()
    }
}

/// The result of a conversion: the Akoma Ntoso XML, the document model, and
/// what the converter reported.
#[pyclass(frozen, module = "un2akn")]
pub struct Conversion {
    xml: Py<PyString>,
    model: un2akn::model::Document,
    document: PyOnceLock<Py<PyAny>>,
    warnings: Vec<Diagnostic>,
    furniture: Vec<Furniture>,
    format: &'static str,
}

impl Diagnostic {
    /// The Python record of a library warning.
    pub fn of(warning: &un2akn::Warning) -> Diagnostic {
        Diagnostic {
            line: warning.position.line,
            column: warning.position.column,
            message: warning.message.clone(),
        }
    }
}

impl Conversion {
    /// Wraps the library's conversion (the XML becomes a Python string now).
    pub fn new(py: Python<'_>, conversion: un2akn::Conversion) -> Conversion {
        let un2akn::Conversion {
            document,
            xml,
            warnings,
            furniture,
            format,
            ..
        } = conversion;
        Conversion {
            xml: PyString::new(py, &xml).unbind(),
            model: document,
            document: PyOnceLock::new(),
            warnings: warnings.iter().map(Diagnostic::of).collect(),
            furniture: furniture
                .into_iter()
                .map(|f| Furniture {
                    kind: serde_json::to_value(f.kind)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default(),
                    line: f.position.line,
                    column: f.position.column,
                    text: f.text,
                })
                .collect(),
            format: match format {
                un2akn::clean::Format::Markdown => "markdown",
                un2akn::clean::Format::Text => "text",
            },
        }
    }
}

#[pymethods]
impl Conversion {
    /// The Akoma Ntoso 3.0 XML, valid against the bundled schema.
    #[getter]
    fn xml(&self, py: Python<'_>) -> Py<PyString> {
        self.xml.clone_ref(py)
    }

    /// The recognised document as plain Python objects (dicts, lists, str,
    /// int, None): the shape of `un2akn convert --format json`. Built on
    /// first access, then the same object every time.
    #[getter]
    fn document(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.document
            .get_or_try_init(py, || {
                // Straight from serde to Python objects: 0.06 ms for a
                // typical resolution, where serde_json + json.loads took
                // 0.16 ms (release builds; README, section Python).
                pythonize::pythonize(py, &self.model)
                    .map(Bound::unbind)
                    .map_err(PyErr::from)
            })
            .map(|d| d.clone_ref(py))
    }

    /// The warnings, in input order: a list of `Diagnostic`.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.warnings.iter().cloned())
    }

    /// The page furniture removed from the text, in input order: a list of
    /// `Furniture`.
    #[getter]
    fn furniture<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.furniture.iter().cloned())
    }

    /// The input format the text was read as: `"markdown"` or `"text"`.
    #[getter]
    fn format(&self) -> &'static str {
        self.format
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let identity = &self.model.identity;
        Ok(format!(
            "<Conversion {} ({}): {} characters of XML, {} warnings>",
            identity.symbol.as_deref().unwrap_or(&identity.work_number),
            self.format,
            self.xml.bind(py).len()?,
            self.warnings.len()
        ))
    }
}
