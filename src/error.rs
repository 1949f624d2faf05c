//! The crate's one public error type and its warnings.
//!
//! Every stage reports problems here with a position in the input (line and
//! column, 1-based, columns counted in characters) so that the command line can
//! print `file:line:col: message`. Errors stop a conversion; warnings do not:
//! they say where text was kept without being understood.

use std::fmt;

use serde::Serialize;

/// A position in the input text, 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Default)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column number in characters, from 1.
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `text` (clamped to the text's end).
    pub fn of_offset(text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line: before.bytes().filter(|&b| b == b'\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Something the converter kept but could not place with confidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// Where in the input.
    pub position: Position,
    /// What happened, lowercase, no trailing period.
    pub message: String,
}

impl Warning {
    /// A warning at `line`, column 1.
    pub fn at_line(line: usize, message: impl Into<String>) -> Warning {
        Warning {
            position: Position { line, column: 1 },
            message: message.into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: warning: {}", self.position, self.message)
    }
}

/// One message from the XML schema validator, with its line in the XML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SchemaMessage {
    /// Line in the validated XML, when the validator gives one.
    pub line: Option<usize>,
    /// Column (in characters) in that line, when the validator gives one.
    pub column: Option<usize>,
    /// The validator's message, trimmed.
    pub message: String,
}

impl fmt::Display for SchemaMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "{line}:{column}: {}", self.message),
            (Some(line), None) => write!(f, "{line}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

/// Why a conversion or validation failed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not UTF-8.
    InvalidUtf8 {
        /// Byte offset of the first bad byte.
        offset: usize,
        /// Its position.
        position: Position,
    },
    /// The input holds a character XML cannot carry (a C0 control, U+FFFE, …).
    ForbiddenCharacter {
        /// The character's code point.
        code_point: u32,
        /// Its position.
        position: Position,
    },
    /// The input has no text at all.
    Empty,
    /// `Options::lang` is not a code of [`crate::LANGUAGES`].
    UnknownLanguage {
        /// The code given.
        code: String,
    },
    /// The input does not look like a UN document at all.
    NotADocument {
        /// What was found instead.
        found: String,
        /// Where.
        position: Position,
    },
    /// The produced or checked XML is not well-formed.
    MalformedXml {
        /// The parser's messages.
        messages: Vec<SchemaMessage>,
    },
    /// The XML does not validate against the Akoma Ntoso schema.
    SchemaInvalid {
        /// The validator's messages with their lines.
        messages: Vec<SchemaMessage>,
    },
    /// The checked XML exceeds a validation limit (size, nesting depth,
    /// attribute length, namespace declarations: see `validate::Limits`).
    LimitExceeded {
        /// Which limit, where.
        messages: Vec<SchemaMessage>,
    },
    /// The bundled schema could not be compiled.
    SchemaUnavailable {
        /// Why.
        reason: String,
    },
    /// The text does not state a fact the identity needs (its number, its
    /// date), and the user did not give it: nothing is invented.
    MissingIdentity {
        /// What is missing, e.g. "its date of adoption".
        missing: String,
        /// The option that gives it: `--symbol SYMBOL` or `--date YYYY-MM-DD`.
        option: &'static str,
        /// Where the document's title is (or the text starts).
        position: Position,
    },
    /// `--strict`: the conversion warned, and warnings fail the input.
    Strict {
        /// The warnings.
        warnings: Vec<Warning>,
    },
    /// The input is larger than the limit ([`crate::Options::max_input_size`]).
    TooLarge {
        /// Its size in bytes (at least; reading stops past the limit).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// An option's value cannot be used (a symbol with control characters,
    /// a date the schema cannot carry).
    InvalidOption {
        /// Which option.
        option: &'static str,
        /// Why.
        reason: String,
    },
}

/// The error of every fallible operation in this crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The input position the error points at, if it has one.
    pub fn position(&self) -> Option<Position> {
        match &self.kind {
            ErrorKind::InvalidUtf8 { position, .. }
            | ErrorKind::ForbiddenCharacter { position, .. }
            | ErrorKind::NotADocument { position, .. }
            | ErrorKind::MissingIdentity { position, .. } => Some(*position),
            _ => None,
        }
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error { kind }
    }
}

fn write_messages(f: &mut fmt::Formatter<'_>, messages: &[SchemaMessage]) -> fmt::Result {
    for message in messages {
        write!(f, "\n  line {message}")?;
    }
    Ok(())
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::InvalidUtf8 { offset, position } => write!(
                f,
                "{position}: invalid UTF-8 at byte {offset}; convert the file to UTF-8 first, or pass --lossy to replace bad bytes"
            ),
            ErrorKind::ForbiddenCharacter {
                code_point,
                position,
            } => write!(
                f,
                "{position}: character U+{code_point:04X} cannot appear in XML; remove it from the input"
            ),
            ErrorKind::Empty => f.write_str("the input is empty; expected the text of a UN resolution"),
            ErrorKind::UnknownLanguage { code } => write!(
                f,
                "unknown language code \"{code}\"; expected one of {}",
                crate::LANGUAGES.join(", ")
            ),
            ErrorKind::NotADocument { found, position } => write!(
                f,
                "{position}: expected the text of a UN resolution, found {found}"
            ),
            ErrorKind::MalformedXml { messages } => {
                f.write_str("the XML is not well-formed")?;
                write_messages(f, messages)
            }
            ErrorKind::SchemaInvalid { messages } => {
                f.write_str("the XML does not validate against the Akoma Ntoso 3.0 schema")?;
                write_messages(f, messages)
            }
            ErrorKind::LimitExceeded { messages } => {
                f.write_str("the XML exceeds a validation limit")?;
                write_messages(f, messages)
            }
            ErrorKind::SchemaUnavailable { reason } => {
                write!(f, "the bundled Akoma Ntoso schema could not be loaded: {reason}")
            }
            ErrorKind::MissingIdentity {
                missing,
                option,
                position,
            } => write!(
                f,
                "{position}: the text does not state {missing}, and nothing is invented; \
                 give it with {option}, or for a batch with --metadata FILE \
                 (a CSV or JSONL catalogue mapping each input to its symbol and date)"
            ),
            ErrorKind::Strict { warnings } => {
                write!(
                    f,
                    "{} warning(s) and --strict makes any warning fail the input",
                    warnings.len()
                )?;
                for warning in warnings {
                    write!(f, "\n  {warning}")?;
                }
                Ok(())
    },
            ErrorKind::TooLarge { limit, .. } => write!(
                f,
                "the input is larger than the limit of {limit} bytes; \
                 raise it with --max-input-size if this really is one document"
            ),
            ErrorKind::InvalidOption { option, reason } => {
                write!(f, "invalid {option}: {reason}")
            }
        }
    }
}

impl std::error::Error for Error {}
