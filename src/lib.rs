//! # un2akn
//!
//! Converts United Nations resolutions — markdown made from the official PDFs,
//! or text extracted from them — into schema-valid Akoma Ntoso 3.0 XML
//! (OASIS LegalDocML, as the UN's "AKN4UN" guidelines use it).
//!
//! The pipeline has five stages, one module each, data flowing one way:
//!
//! 1. [`clean`]: pages → [`clean::CleanText`] (page breaks out, footnote
//!    texts lifted, split paragraphs stitched);
//! 2. [`grammar`]: nom parsers → [`model::Document`];
//! 3. [`model`]: plain serde types;
//! 4. [`akn`]: the writer, model → XML;
//! 5. [`validate`]: the bundled XSD, with un2akn's own validator (libxml2's
//!    as the reference, `--validator libxml2`).
//!
//! [`convert`] runs them all; no invalid XML ever leaves it.
//!
//! ```
//! let input = "# General Assembly\n\nDistr.: General  \n8 April 2022\n\n\
//!     ## Human Rights Council\n\n\
//!     ## Resolution adopted by the Human Rights Council on 1 April 2022\n\n\
//!     ### 49/34. Technical assistance\n\n*The Human Rights Council,*\n\n\
//!     *Recalling* its resolutions,\n\n1. *Decides* to remain seized of the matter.\n";
//! let conversion = un2akn::convert(input, &un2akn::Options::default()).unwrap();
//! assert_eq!(conversion.document.preamble.containers.len(), 1);
//! assert!(conversion.xml.contains(r#"<container eId="container_1" name="recalling">"#));
//! assert!(conversion.xml.contains("/akn/un/statement/deliberation/unhrc/2022-04-01/49-34"));
//! ```

#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

pub mod akn;
pub mod clean;
pub mod error;
pub mod grammar;
pub mod model;
pub mod validate;

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::clean::Furniture;
pub use crate::error::{Error, ErrorKind, Position, Warning};
use crate::model::Document;

/// The language codes [`Options::lang`] accepts (ISO 639-2, the UN's six
/// official languages).
pub const LANGUAGES: [&str; 6] = {
    let named = grammar::masthead::LANGUAGES;
    [
        named[0].1, named[1].1, named[2].1, named[3].1, named[4].1, named[5].1,
    ]
};

/// How to convert.
#[derive(Debug, Clone)]
pub struct Options {
    /// The document symbol, for drafts whose text does not print it.
    pub symbol: Option<String>,
    /// The date of adoption, for texts that do not print it (a date the
    /// text prints wins, with a warning when the two differ).
    pub date: Option<NaiveDate>,
    /// The expression's language: an ISO 639-2 code from [`LANGUAGES`]
    /// (FRBR expression and manifestation IRIs, `FRBRlanguage`); default: the
    /// language the masthead names, else `eng`.
    pub lang: Option<String>,
    /// The FRBR manifestation date; default: the date of issuance.
    pub conversion_date: Option<NaiveDate>,
    /// Validate the XML against the bundled schema (default: true). Only
    /// benchmarks of the other stages turn this off.
    pub validate: bool,
    /// Which validator checks the XML (default: the native one, checked
    /// against libxml2 in the tests).
    pub validator: validate::Engine,
    /// The input format; default: detected ([`clean::detect`]).
    pub format: Option<clean::Format>,
    /// Accept input that is not UTF-8, replacing bad bytes with U+FFFD and
    /// a warning each ([`convert_bytes`]); default: such input is an error.
    pub lossy: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            symbol: None,
            date: None,
            lang: None,
            conversion_date: None,
            validate: true,
            validator: validate::Engine::Native,
            format: None,
            lossy: false,
        }
    }
}

/// The result of a conversion.
#[derive(Debug, Clone)]
pub struct Conversion {
    /// The recognised document.
    pub document: Document,
    /// The Akoma Ntoso XML, valid against the bundled schema.
    pub xml: String,
    /// What was kept without being understood, in input order.
    pub warnings: Vec<Warning>,
    /// Page furniture removed from the text.
    pub furniture: Vec<Furniture>,
    /// The format the input was read as.
    pub format: clean::Format,
}

/// Converts raw bytes, which must be UTF-8 (a leading byte-order mark is
/// skipped).
///
/// # Errors
/// [`ErrorKind::InvalidUtf8`] with the byte offset, line and column of the
/// first bad byte; otherwise as [`convert`].
pub fn convert_bytes(input: &[u8], options: &Options) -> Result<Conversion, Error> {
    // UTF-16 text (with its byte-order mark) is text in the wrong encoding,
    // not binary data: let the UTF-8 check name it.
    let utf16 = input.starts_with(b"\xFF\xFE") || input.starts_with(b"\xFE\xFF");
    if let Some(offset) = memchr::memchr(0, &input[..input.len().min(1 << 16)]).filter(|_| !utf16) {
        // A NUL byte does not occur in text: this is a binary file.
        let before = String::from_utf8_lossy(&input[..offset]);
        return Err(ErrorKind::NotADocument {
            found: format!("binary data (a NUL byte at byte {offset})"),
            position: Position::of_offset(&before, before.len()),
        }
        .into());
    }
    if !options.lossy {
        return convert(decode(input)?, options);
    }
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let mut warnings = Vec::new();
    let mut text = String::with_capacity(input.len());
    let mut offset = 0;
    for chunk in input.utf8_chunks() {
        text.push_str(chunk.valid());
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            warnings.push(Warning {
                position: Position::of_offset(&text, text.len()),
                message: format!("invalid UTF-8 at byte {offset} replaced with U+FFFD (--lossy)"),
            });
            text.push('\u{fffd}');
            offset += chunk.invalid().len();
        }
    }
    let mut conversion = convert(&text, options)?;
    conversion.warnings.extend(warnings);
    conversion.warnings.sort_by_key(|w| w.position);
    Ok(conversion)
}

/// Checks that `input` is UTF-8 and returns it as text, without a byte-order
/// mark.
///
/// # Errors
/// [`ErrorKind::InvalidUtf8`] with the position of the first bad byte.
pub fn decode(input: &[u8]) -> Result<&str, Error> {
    let text = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let bom = input.len() - text.len();
    std::str::from_utf8(text).map_err(|e| {
        let offset = e.valid_up_to();
        // The text before the bad byte is valid, so positions are exact; the
        // offset counts from the start of the file, byte-order mark included.
        let valid = std::str::from_utf8(&text[..offset]).unwrap_or_default();
        Error::from(ErrorKind::InvalidUtf8 {
            offset: bom + offset,
            position: Position::of_offset(valid, offset),
        })
    })
}

/// Converts the text of a UN resolution into Akoma Ntoso XML.
///
/// # Errors
/// [`ErrorKind::UnknownLanguage`] for an `options.lang` not in
/// [`LANGUAGES`]; [`ErrorKind::Empty`] for an input without text; schema errors (which
/// would be a bug in un2akn) as [`ErrorKind::SchemaInvalid`].
pub fn convert(input: &str, options: &Options) -> Result<Conversion, Error> {
    if let Some(code) = options.lang.as_deref().filter(|c| !LANGUAGES.contains(c)) {
        return Err(ErrorKind::UnknownLanguage { code: code.into() }.into());
    }
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let (text, mut furniture, mut warnings) = match clean::forbidden_characters(input) {
        Some((kept, furniture, warnings)) => (Cow::Owned(kept), furniture, warnings),
        None => (Cow::Borrowed(input), Vec::new(), Vec::new()),
    };
    let format = options.format.unwrap_or_else(|| clean::detect(&text));
    let cleaned = clean::clean(&text, format);
    let parse_options = grammar::ParseOptions {
        symbol: options.symbol.clone(),
        date: options.date,
        lang: options.lang.clone(),
    };
    let parsed = grammar::parse(&cleaned, &parse_options)?;
    let write_options = akn::WriteOptions {
        conversion_date: options.conversion_date,
        input_len: input.len(),
    };
    let xml = akn::write(&parsed.document, &write_options);
    if options.validate {
        validate::validate_with(&xml, options.validator)?;
    }
    warnings.extend(cleaned.warnings);
    warnings.extend(parsed.warnings);
    warnings.sort_by_key(|w| w.position);
    furniture.extend(cleaned.furniture);
    furniture.sort_by_key(|f| f.position);
    Ok(Conversion {
        document: parsed.document,
        xml,
        warnings,
        furniture,
        format,
    })
}
