//! # un2akn
//!
//! Converts United Nations resolutions — markdown made from the official PDFs,
//! or text extracted from them — into schema-valid Akoma Ntoso 3.0 XML
//! (OASIS LegalDocML, as the UN's "AKN4UN" guidelines use it).
//!
//! ## The API
//!
//! - [`convert`] (text) and [`convert_bytes`] (a file's bytes, checked as
//!   UTF-8, or `lossy`) take [`Options`] and return a [`Conversion`]: the
//!   recognised [`model::Document`], the XML (always valid against the
//!   bundled schema: no invalid XML leaves them), the [`Warning`]s for what
//!   was kept without being understood, the page [`clean::Furniture`]
//!   removed, and the [`clean::Format`] the input was read as;
//! - errors are one [`Error`] type; [`Error::kind`] gives the
//!   [`ErrorKind`] to match on, with a [`Position`] in the input where
//!   there is one;
//! - [`model`]: the document model (plain serde types; the shape of
//!   `--format json`);
//! - [`validate`]: the bundled XSD, with un2akn's own validator or libxml2's
//!   (feature `libxml2`);
//! - [`lang::Language`] and [`LANGUAGES`]: the six official languages;
//! - [`view`] reads Akoma Ntoso back for review, [`render`] makes the review
//!   page, [`diff`] compares two versions of a text.
//!
//! ```
//! let input = "# General Assembly\n\nDistr.: General  \n8 April 2022\n\n\
//!     ## Human Rights Council\n\n\
//!     ## Resolution adopted by the Human Rights Council on 1 April 2022\n\n\
//!     ### 49/34. Technical assistance\n\n*The Human Rights Council,*\n\n\
//!     *Recalling* its resolutions,\n\n1. *Decides* to remain seized of the matter.\n";
//! let conversion = un2akn::convert(input, &un2akn::Options::default()).unwrap();
//! assert_eq!(conversion.document.parts.preamble.containers.len(), 1);
//! assert!(conversion.xml.contains(r#"<container eId="container_1" name="recalling">"#));
//! assert!(conversion.xml.contains("/akn/un/statement/deliberation/unhrc/2022-04-01/49-34"));
//! un2akn::validate::validate(&conversion.xml).unwrap();
//!
//! // A text that does not print its symbol or date: the options give them
//! // (nothing is invented), and doubt is an error under `strict`.
//! let mut options = un2akn::Options::default();
//! options.symbol = Some("A/RES/80/1".into());
//! options.date = chrono::NaiveDate::from_ymd_opt(2025, 9, 19);
//! options.strict = true;
//! let text = "The General Assembly,\n\n1. Decides to remain seized of the matter.\n";
//! let conversion = un2akn::convert(text, &options).unwrap();
//! assert_eq!(conversion.format, un2akn::clean::Format::Text);
//! assert!(conversion.xml.contains("/akn/un/statement/deliberation/unga/2025-09-19/80-1"));
//! let error = un2akn::convert("", &options).unwrap_err();
//! assert!(matches!(error.kind(), un2akn::ErrorKind::Empty));
//! ```
//!
//! ## How it works
//!
//! The pipeline has five stages, data flowing one way; only the ends are
//! the API above (the stages are public for the binary, the benchmarks and
//! the fuzz targets, hidden from the documentation):
//!
//! 1. `clean`: pages → clean text (page breaks, job numbers, running titles
//!    and other furniture out; footnote texts lifted from the page bottoms;
//!    paragraphs split by a page stitched);
//! 2. `grammar`: clean text → [`model::Document`]. The block structure is a
//!    hand-written state machine (`grammar/mod.rs`): block by block (a text
//!    without blank lines first parted into paragraphs, `grammar/split.rs`)
//!    it moves through masthead, preface, preamble, operative part and
//!    conclusions, deciding what each block is (a title, the formula, a
//!    preambular or operative paragraph, a point, a division heading, an
//!    annex, a meeting, vote or adoption line) from its first words and from
//!    where it stands, and warning where it keeps a block it does not
//!    understand. nom parses only the small tokens inside a block: dates,
//!    document symbols, resolution numbers and citations, paragraph numbers
//!    and point labels, session and agenda lines, lead phrases, votes and
//!    voters, markdown inline markup;
//! 3. [`model`]: plain serde types, the contract between grammar and writer;
//! 4. `akn`: the writer, model → XML; it alone makes eIds, IRIs and TLC ids;
//! 5. [`validate`]: the XML against the bundled XSD.

#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

// The stages between the public ends: public only for the binary, the
// stage benchmarks and the fuzz targets, and not part of the API.
#[doc(hidden)]
pub mod akn;
pub mod clean;
pub mod diff;
mod error;
#[doc(hidden)]
pub mod grammar;
pub mod lang;
#[doc(hidden)]
pub mod metadata;
pub mod model;
pub mod render;
pub mod validate;
pub mod view;

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::clean::Furniture;
pub use crate::error::{Error, ErrorKind, Position, SchemaMessage, Warning};
use crate::model::Document;

/// The ISO 639-2 codes of the UN's six official languages, the codes
/// [`Options::lang`] is meant for (it also takes ISO 639-1 codes and English
/// names: [`lang::Language::from_code`]).
pub const LANGUAGES: [&str; 6] = {
    let all = lang::Language::ALL;
    [
        all[0].code(),
        all[1].code(),
        all[2].code(),
        all[3].code(),
        all[4].code(),
        all[5].code(),
    ]
};

/// How to convert.
///
/// Non-exhaustive: start from [`Options::default`] and set the fields you
/// need, so that new options do not break your code.
///
/// ```
/// let mut options = un2akn::Options::default();
/// options.symbol = Some("A/HRC/58/L.12".into());
/// options.strict = true;
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options {
    /// The document symbol, for texts that do not print it (drafts,
    /// presidential statements, decisions, paragraph lists without a
    /// masthead). It decides the number, the body and the kind where the
    /// text does not.
    pub symbol: Option<String>,
    /// The date of adoption (drafts: of issuance), for texts that do not
    /// print it; a date the text prints wins, with a warning if they differ.
    pub date: Option<NaiveDate>,
    /// Any warning fails the conversion ([`ErrorKind::Strict`]), for
    /// pipelines that stop on doubt.
    pub strict: bool,
    /// The language of the text as a code (`fra`, `fr`, `French`; see
    /// [`LANGUAGES`]); default: detected from the text
    /// ([`lang::Language::detect`]). An unknown code is
    /// [`ErrorKind::UnknownLanguage`].
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
    /// The largest input [`convert_bytes`] and [`convert`] accept, in bytes
    /// (default: [`DEFAULT_MAX_INPUT_SIZE`]); a larger one is
    /// [`ErrorKind::TooLarge`].
    pub max_input_size: u64,
}

/// The default input size limit: 64 MiB, some three hundred times the
/// largest real resolution (220 KB).
pub const DEFAULT_MAX_INPUT_SIZE: u64 = 64 << 20;

impl Default for Options {
    fn default() -> Options {
        Options {
            symbol: None,
            date: None,
            strict: false,
            lang: None,
            conversion_date: None,
            validate: true,
            validator: validate::Engine::Native,
            format: None,
            lossy: false,
            max_input_size: DEFAULT_MAX_INPUT_SIZE,
        }
    }
}

/// The result of a conversion (non-exhaustive: more may be reported).
#[derive(Debug, Clone)]
#[non_exhaustive]
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
    check_size(input.len() as u64, options.max_input_size)?;
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
    if options.strict && !warnings.is_empty() {
        warnings.extend(conversion.warnings);
        warnings.sort_by_key(|w| w.position);
        return Err(ErrorKind::Strict { warnings }.into());
    }
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
/// [`ErrorKind::Empty`] for an input without text;
/// [`ErrorKind::UnknownLanguage`] for an [`Options::lang`] that names none
/// of the six languages; [`ErrorKind::MissingIdentity`] when neither the text nor the options
/// give the document's number or date; [`ErrorKind::Strict`] for any
/// warning under [`Options::strict`]; schema errors (which would be a bug
/// in un2akn) as [`ErrorKind::SchemaInvalid`].
pub fn convert(input: &str, options: &Options) -> Result<Conversion, Error> {
    check_size(input.len() as u64, options.max_input_size)?;
    check_options(options)?;
    let language = match options.lang.as_deref() {
        None => None,
        Some(code) => Some(
            lang::Language::from_code(code)
                .ok_or_else(|| ErrorKind::UnknownLanguage { code: code.into() })?,
        ),
    };
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    if is_json(input) {
        // A dataset's paragraph list or record ("[{\"text\": …"): read as
        // text it would fail on a fact it seems not to state.
        return Err(ErrorKind::NotADocument {
            found: "JSON data (un2akn reads markdown or plain text: join a paragraph \
                    list's texts, each after its number, with blank lines)"
                .into(),
            position: Position::of_offset(input, input.len() - input.trim_start().len()),
        }
        .into());
    }
    // Every line end (CR LF, a lone CR, U+0085, U+2028, U+2029) as `\n`
    // before anything counts lines.
    let newlines = clean::line_ends(input);
    let input = newlines.as_deref().unwrap_or(input);
    let (text, mut furniture, mut warnings) = match clean::forbidden_characters(input) {
        Some((kept, furniture, warnings)) => (Cow::Owned(kept), furniture, warnings),
        None => (Cow::Borrowed(input), Vec::new(), Vec::new()),
    };
    let format = options.format.unwrap_or_else(|| clean::detect(&text));
    // Detected once, from the raw text: the cleaner's few rules of one
    // language (Russian paragraphs open in lower case) ask it too.
    let language = language.unwrap_or_else(|| lang::Language::detect(&text));
    let cleaned = {
        let _scope = lang::Scope::new(language);
        clean::clean(&text, format)
    };
    let parse_options = grammar::ParseOptions {
        symbol: options.symbol.clone(),
        date: options.date,
        language: Some(language),
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
    if options.strict && !warnings.is_empty() {
        return Err(ErrorKind::Strict { warnings }.into());
    }
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

/// Fails with [`ErrorKind::TooLarge`] when `size` exceeds `limit`.
///
/// # Errors
/// [`ErrorKind::TooLarge`].
#[doc(hidden)]
pub fn check_size(size: u64, limit: u64) -> Result<(), Error> {
    if size > limit {
        return Err(ErrorKind::TooLarge { size, limit }.into());
    }
    Ok(())
}

/// Whether the whole input is JSON, an array or an object: data about a
/// document, such as a dataset's paragraph list, not its text. Text that
/// only opens with a bracket ("[on the report of …]") is not JSON.
fn is_json(input: &str) -> bool {
    let trimmed = input.trim_start();
    trimmed.starts_with(['[', '{'])
        && serde_json::from_str::<serde::de::IgnoredAny>(trimmed).is_ok()
}

fn check_options(options: &Options) -> Result<(), Error> {
    let invalid =
        |option: &'static str, reason: String| ErrorKind::InvalidOption { option, reason };
    if let Some(symbol) = &options.symbol {
        check_symbol(symbol).map_err(|reason| invalid("symbol", reason))?;
    }
    if let Some(date) = options.conversion_date {
        check_date(date).map_err(|reason| invalid("conversion date", reason))?;
    }
    if let Some(date) = options.date {
        check_date(date).map_err(|reason| invalid("date", reason))?;
    }
    Ok(())
}

/// Whether `symbol` can be a document symbol: one line of printable text,
/// without control, line-separator or bidirectional-override characters, and
/// without surrounding spaces.
///
/// # Errors
/// Why not, for a person to read.
#[doc(hidden)]
pub fn check_symbol(symbol: &str) -> Result<(), String> {
    if symbol.trim().is_empty() {
        return Err("the symbol is empty".into());
    }
    if symbol.trim() != symbol {
        return Err("the symbol starts or ends with white space".into());
    }
    let bad = symbol.chars().find(|&c| {
        c.is_control()
            || matches!(
                c,
                '\u{2028}'
                    | '\u{2029}'
                    | '\u{061c}'
                    | '\u{200e}'
                    | '\u{200f}'
                    | '\u{202a}'..='\u{202e}'
                    | '\u{2066}'..='\u{2069}'
                    | '\u{fffe}'
                    | '\u{ffff}'
            )
    });
    match bad {
        Some(c) => Err(format!(
            "the symbol holds the character U+{:04X}, which a symbol cannot carry",
            c as u32
        )),
        None => Ok(()),
    }
}

/// Whether `date` can be an FRBR date: years 1 to 9999 (the schema's
/// `xs:date` has no year 0, and four digits are what every reader expects).
///
/// # Errors
/// Why not.
#[doc(hidden)]
pub fn check_date(date: NaiveDate) -> Result<(), String> {
    use chrono::Datelike;
    if (1..=9999).contains(&date.year()) {
        Ok(())
    } else {
        Err(format!("the year {} is outside 0001-9999", date.year()))
    }
}
