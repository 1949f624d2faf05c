//! Python bindings of un2akn, built by maturin as `un2akn._un2akn` (the
//! `un2akn` package in `python/un2akn/` re-exports them).
//!
//! Takes Python arguments; gives [`types::Conversion`] objects, validation
//! [`types::Problem`]s, and the exceptions of [`errors`]. The interpreter is
//! released while the library converts or validates, so threads convert in
//! parallel.

mod errors;
mod types;

use chrono::NaiveDate;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::types::{Conversion, Diagnostic, Furniture, Problem};

/// The conversion options from Python's keyword arguments.
// `Options` is to be `#[non_exhaustive]`: built from its default, field by field.
#[allow(clippy::field_reassign_with_default, clippy::too_many_arguments)]
fn options(
    symbol: Option<String>,
    date: Option<&Bound<'_, PyAny>>,
    lang: Option<String>,
    validate: bool,
    input_format: Option<&str>,
    lossy: bool,
    strict: bool,
    max_input_size: Option<i128>,
) -> PyResult<un2akn::Options> {
    // Arguments are checked before any input is read (the library checks
    // them again, with the same messages, when it converts).
    let bad =
        |kind: un2akn::ErrorKind| PyValueError::new_err(un2akn::Error::from(kind).to_string());
    if let Some(symbol) = &symbol {
        un2akn::check_symbol(symbol).map_err(|reason| {
            bad(un2akn::ErrorKind::InvalidOption {
                option: "symbol",
                reason,
            })
        })?;
    }
    // A code of LANGUAGES, an ISO 639-1 code or an English name, as --lang.
    if let Some(code) = &lang {
        if un2akn::lang::Language::from_code(code).is_none() {
            return Err(bad(un2akn::ErrorKind::UnknownLanguage {
                code: code.clone(),
            }));
        }
    }
    let mut options = un2akn::Options::default();
    options.symbol = symbol;
    options.date = date.map(adoption_date).transpose()?;
    options.lang = lang;
    options.strict = strict;
    if let Some(limit) = max_input_size {
        options.max_input_size = u64::try_from(limit)
            .ok()
            .filter(|&limit| limit > 0)
            .ok_or_else(|| {
                PyValueError::new_err(format!(
                    "max_input_size must be a number of bytes from 1 to {}, not {limit}",
                    u64::MAX
                ))
            })?;
    }
    options.validate = validate;
    options.format = match input_format {
        None => None,
        Some("markdown" | "md") => Some(un2akn::clean::Format::Markdown),
        Some("text") => Some(un2akn::clean::Format::Text),
        Some(other) => {
            return Err(PyValueError::new_err(format!(
                "unknown input format {other:?}; expected \"markdown\" or \"text\""
            )))
        }
    };
    options.lossy = lossy;
    Ok(options)
}

/// A `datetime.date` (or anything with `year`, `month` and `day`) or an ISO
/// `"YYYY-MM-DD"` string.
fn adoption_date(value: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    if let Ok(text) = value.cast::<PyString>() {
        let text = text.to_cow()?;
        return NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map_err(|_| PyValueError::new_err(format!("date {text:?} is not a YYYY-MM-DD date")))
            .and_then(schema_date);
    }
    let part = |name: &str| -> PyResult<i32> {
        value.getattr(name).and_then(|v| v.extract()).map_err(|_| {
            PyTypeError::new_err("date must be a datetime.date or a \"YYYY-MM-DD\" string")
        })
    };
    let (year, month, day) = (part("year")?, part("month")?, part("day")?);
    u32::try_from(month)
        .ok()
        .zip(u32::try_from(day).ok())
        .and_then(|(month, day)| NaiveDate::from_ymd_opt(year, month, day))
        .ok_or_else(|| PyValueError::new_err("date is not a valid calendar date"))
        .and_then(schema_date)
}

/// A date the schema's `xs:date` in an FRBR date can carry (years
/// 0001-9999), as the library checks its conversion date.
fn schema_date(date: NaiveDate) -> PyResult<NaiveDate> {
    un2akn::check_date(date)
        .map(|()| date)
        .map_err(|reason| PyValueError::new_err(format!("invalid date: {reason}")))
}

/// Converts the text of a UN resolution into Akoma Ntoso XML.
///
/// `text` is a `str`, or `bytes` that must be UTF-8 (see `lossy`). Keyword
/// arguments: `symbol` (the document symbol, for texts that do not print
/// it, such as drafts), `date` (the date of adoption, drafts: of issuance,
/// for texts that do not print it: a `datetime.date` or `"YYYY-MM-DD"`),
/// `lang` (the expression's language: an ISO 639-2 code of
/// `un2akn.LANGUAGES`, an ISO 639-1 code such as `"fr"`, or an English name
/// such as `"French"`; default: detected from the text), `validate` (check
/// the XML against the bundled schema; default True), `input_format`
/// (`"markdown"` or `"text"`; default: detected), `lossy` (replace invalid
/// UTF-8 in `bytes` with U+FFFD and a warning instead of raising), `strict`
/// (any warning raises `StrictError`), `max_input_size` (the largest input
/// in bytes, default 64 MiB; a larger one raises `TooLargeError`).
///
/// Returns a `Conversion`. Raises a `ConversionError` subclass for bad input
/// (`MissingIdentityError` when neither the text nor the arguments give the
/// symbol or date: nothing is invented) and `ValueError` for a bad argument.
/// Releases the GIL while converting.
#[pyfunction]
#[pyo3(signature = (text, *, symbol=None, date=None, lang=None, validate=true, input_format=None, lossy=false, strict=false, max_input_size=None))]
#[allow(clippy::too_many_arguments)]
fn convert(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    symbol: Option<String>,
    date: Option<&Bound<'_, PyAny>>,
    lang: Option<String>,
    validate: bool,
    input_format: Option<&str>,
    lossy: bool,
    strict: bool,
    max_input_size: Option<i128>,
) -> PyResult<Conversion> {
    let options = options(
        symbol,
        date,
        lang,
        validate,
        input_format,
        lossy,
        strict,
        max_input_size,
    )?;
    let result = if let Ok(text) = text.cast::<PyString>() {
        // abi3 for Python 3.9 cannot borrow a str's UTF-8, so it is copied.
        let text = text.to_cow()?.into_owned();
        py.detach(|| un2akn::convert(&text, &options))
    } else if let Ok(bytes) = text.cast::<PyBytes>() {
        let bytes = bytes.as_bytes();
        py.detach(|| un2akn::convert_bytes(bytes, &options))
    } else {
        return Err(PyTypeError::new_err(format!(
            "text must be str or bytes, not {}",
            text.get_type().name()?
        )));
    };
    match result {
        Ok(conversion) => Ok(Conversion::new(py, conversion)),
        Err(error) => Err(errors::to_py(py, &error)),
    }
}

/// Validates Akoma Ntoso XML (`str`, or UTF-8 `bytes`) against the bundled
/// Akoma Ntoso 3.0 schema.
///
/// Returns the problems found, as a list of `Problem` (empty: the XML is
/// valid). Raises `SchemaError` only if the bundled schema cannot be
/// compiled, `InvalidUtf8Error` for bytes that are not UTF-8. Releases the
/// GIL while validating.
#[pyfunction]
fn validate(py: Python<'_>, xml: &Bound<'_, PyAny>) -> PyResult<Vec<Problem>> {
    let result = if let Ok(text) = xml.cast::<PyString>() {
        let text = text.to_cow()?.into_owned();
        py.detach(|| un2akn::validate::validate(&text))
    } else if let Ok(bytes) = xml.cast::<PyBytes>() {
        let text = un2akn::decode(bytes.as_bytes()).map_err(|e| errors::to_py(py, &e))?;
        py.detach(|| un2akn::validate::validate(text))
    } else {
        return Err(PyTypeError::new_err(format!(
            "xml must be str or bytes, not {}",
            xml.get_type().name()?
        )));
    };
    match result {
        Ok(()) => Ok(Vec::new()),
        Err(error) => match error.kind() {
            un2akn::ErrorKind::MalformedXml { messages } => Ok(Problem::all("malformed", messages)),
            un2akn::ErrorKind::SchemaInvalid { messages } => Ok(Problem::all("invalid", messages)),
            _ => Err(errors::to_py(py, &error)),
        },
    }
}

/// The compiled part of the `un2akn` package.
#[pymodule]
fn _un2akn(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(convert, m)?)?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_class::<Conversion>()?;
    m.add_class::<Diagnostic>()?;
    m.add_class::<Furniture>()?;
    m.add_class::<Problem>()?;
    m.add("LANGUAGES", un2akn::LANGUAGES.to_vec())?;
    m.add("DEFAULT_MAX_INPUT_SIZE", un2akn::DEFAULT_MAX_INPUT_SIZE)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
