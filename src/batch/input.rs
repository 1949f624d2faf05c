//! One input: read it, convert or validate it, write its output and make
//! its record.

use std::io::{self, Read};
use std::path::Path;
use std::time::SystemTime;

use super::discover::Entry;
use super::report::{self, Counts, Record, Status};
use super::write::{self, OutputRoot, WriteError, Written};
use super::{print, review, snippet, visible, Common, Existing, Job, Output};
use crate::cli::Format;

pub(super) fn output_name(output: &Output) -> Option<String> {
    match output {
        Output::None => None,
        Output::Stdout => Some("-".into()),
        Output::File(path) => Some(path.display().to_string()),
    }
}

/// Why an input could not be read.
enum ReadError {
    Io(io::Error),
    /// Larger than the limit: the library's error, with no position.
    TooLarge(un2akn::Error),
}

/// Reads `input`, never more than `limit` bytes and one: a larger file is
/// refused from its size before it is read, a larger stream (a pipe,
/// `/dev/zero`) as soon as it passes the limit.
fn read(input: &Entry, limit: u64) -> Result<Vec<u8>, ReadError> {
    fn bounded(reader: impl Read, limit: u64, hint: u64) -> Result<Vec<u8>, ReadError> {
        let mut bytes = Vec::with_capacity(hint.min(limit) as usize);
        reader
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(ReadError::Io)?;
        un2akn::check_size(bytes.len() as u64, limit).map_err(ReadError::TooLarge)?;
        Ok(bytes)
    }
    match input {
        Entry::Stdin => bounded(io::stdin().lock(), limit, 0),
        Entry::File { path, .. } | Entry::Unreadable { path, .. } => {
            let file = std::fs::File::open(path).map_err(ReadError::Io)?;
            let size = file.metadata().map_err(ReadError::Io)?.len();
            un2akn::check_size(size, limit).map_err(ReadError::TooLarge)?;
            bounded(file, limit, size)
        }
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// What every conversion of a run shares.
pub(super) struct ConvertSettings<'a> {
    pub(super) options: &'a un2akn::Options,
    /// The catalogue giving each input its symbol and date (`--metadata`).
    pub(super) metadata: Option<&'a un2akn::metadata::Metadata>,
    pub(super) format: Format,
    pub(super) existing: Existing,
    /// The output folder of a batch.
    pub(super) within: Option<&'a OutputRoot>,
    /// Flush every output to the disk before it appears under its name.
    pub(super) sync: bool,
    /// Write a review page beside each output.
    pub(super) html: bool,
    /// Draw warnings with their source snippet (they will be printed).
    pub(super) show_warnings: bool,
    /// Colour the snippets (standard error is a terminal).
    pub(super) color: bool,
}

/// Why an existing output is kept, if it is.
fn keep_reason(job: &Job, existing: Existing) -> Option<&'static str> {
    let Output::File(output) = &job.output else {
        return None;
    };
    match existing {
        Existing::Replace => None,
        Existing::Keep => std::fs::symlink_metadata(output)
            .is_ok()
            .then_some("exists"),
        Existing::Update => {
            let Entry::File { path, .. } = &job.input else {
                return None;
            };
            match (modified(path), modified(output)) {
                (Some(input), Some(output)) if output >= input => Some("is up to date"),
                _ => None,
            }
        }
    }
}

/// The options of one input: the run's, with the symbol and date of its
/// entry in the metadata file, if any.
fn options_for<'a>(
    input: &Entry,
    settings: &ConvertSettings<'a>,
) -> std::borrow::Cow<'a, un2akn::Options> {
    let (Some(metadata), Entry::File { path, rel }) = (settings.metadata, input) else {
        return std::borrow::Cow::Borrowed(settings.options);
    };
    let Some(entry) = metadata.find(&[rel.as_path(), path.as_path()]) else {
        return std::borrow::Cow::Borrowed(settings.options);
    };
    let mut options = settings.options.clone();
    if entry.symbol.is_some() {
        options.symbol.clone_from(&entry.symbol);
    }
    if entry.date.is_some() {
        options.date = entry.date;
    }
    std::borrow::Cow::Owned(options)
}

pub(super) fn convert_one(job: &Job, settings: &ConvertSettings<'_>) -> Record {
    let name = job.input.name();
    let mut record = Record::new(name.clone(), output_name(&job.output));
    convert_into(job, settings, &mut record);
    record
}

fn convert_into(job: &Job, settings: &ConvertSettings<'_>, record: &mut Record) {
    let name = record.path.clone();
    if let Entry::Unreadable { message, .. } = &job.input {
        record.fail(&name, message.clone());
        return;
    }
    if let Some(reason) = keep_reason(job, settings.existing) {
        record.status = Status::Skipped;
        record.reason = Some(reason);
        return;
    }
    let bytes = match read(&job.input, settings.options.max_input_size) {
        Ok(bytes) => bytes,
        Err(ReadError::Io(e)) => return record.fail(&name, format!("cannot read: {e}")),
        Err(ReadError::TooLarge(e)) => return record.fail_with(&e, None),
    };
    let snippets = || {
        // Valid UTF-8 (the common case) is checked by the fast validator.
        let source = match std::str::from_utf8(&bytes) {
            Ok(text) => std::borrow::Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(&bytes),
        };
        // The line ends the converter counted by.
        let source: std::sync::Arc<str> = match un2akn::clean::line_ends(&source) {
            Some(text) => text.into(),
            None => source.into(),
        };
        snippet::Snippets::new(&name, source, settings.color)
    };
    let options = options_for(&job.input, settings);
    let conversion = match un2akn::convert_bytes(&bytes, &options) {
        Ok(conversion) => conversion,
        Err(e) => {
            let drawn = e.position().map(|position| {
                let message = e.to_string();
                let message = message
                    .strip_prefix(&format!("{position}: "))
                    .unwrap_or(&message)
                    .to_string();
                snippets().render(position, "error", &message, "here")
            });
            return record.fail_with(&e, drawn);
        }
    };
    let text: std::borrow::Cow<'_, str> = match settings.format {
        Format::Akn => conversion.xml.as_str().into(),
        Format::Json => {
            let mut json =
                serde_json::to_string_pretty(&conversion.document).expect("the model serialises");
            json.push('\n');
            json.into()
        }
    };
    let written = match &job.output {
        Output::None => Ok(Written::Yes),
        Output::Stdout => print(text.as_bytes())
            .map(|()| Written::Yes)
            .map_err(WriteError::Io),
        Output::File(path) => write::write_atomically(
            path,
            text.as_bytes(),
            settings.within,
            settings.existing != Existing::Keep,
            settings.sync,
        ),
    };
    match written {
        Ok(Written::Yes) => {}
        Ok(Written::Exists) => {
            record.status = Status::Skipped;
            record.reason = Some("exists");
            return;
        }
        Err(e) => {
            let target = match &job.output {
                Output::File(path) => path.display().to_string(),
                _ => "<stdout>".into(),
            };
            return record.fail(&target, e.to_string());
        }
    }
    if let (true, Output::File(path)) = (settings.html, &job.output) {
        match review::write_page(
            path,
            &name,
            &bytes,
            &conversion,
            settings.within,
            settings.sync,
        ) {
            Ok((page, counts)) => {
                record.page = Some(page);
                record.view_counts = Some(counts);
            }
            Err(e) => return record.fail(&review::page_path(path).display().to_string(), e),
        }
    }
    record.counts = Some(Counts::of(&conversion.document));
    record.format = Some(conversion.format);
    record.kind = Some(conversion.document.kind);
    record.language = Some(conversion.document.identity.language.clone());
    record.furniture = conversion
        .furniture
        .iter()
        .map(|f| report::Removed {
            kind: f.kind,
            line: f.position.line,
            column: f.position.column,
            text: f.text.clone(),
        })
        .collect();
    if settings.show_warnings && !conversion.warnings.is_empty() {
        let snippets = snippets();
        for warning in &conversion.warnings {
            record.warning_lines.extend(snippets.render(
                warning.position,
                "warning",
                &warning.message,
                "here",
            ));
        }
    }
    record.warnings = conversion
        .warnings
        .iter()
        .map(|w| report::Note {
            line: Some(w.position.line),
            column: Some(w.position.column),
            message: w.message.clone(),
        })
        .collect();
    record.status = if record.warnings.is_empty() {
        Status::Converted
    } else {
        Status::Warned
    };
}

pub(super) fn validate_one(
    job: &Job,
    common: &Common,
    limits: &un2akn::validate::Limits,
) -> Record {
    let (engine, max_input_size) = (common.validator, common.max_input_size);
    let name = job.input.name();
    let mut record = Record::new(name.clone(), None);
    let result = match &job.input {
        Entry::Unreadable { message, .. } => Err(message.clone()),
        input => read(input, max_input_size).map_err(|e| match e {
            ReadError::Io(e) => format!("cannot read: {e}"),
            ReadError::TooLarge(e) => e.to_string(),
        }),
    };
    match result {
        Err(message) => record.fail(&name, message),
        Ok(bytes) => match un2akn::decode(&bytes)
            .and_then(|xml| un2akn::validate::validate_within(xml, engine, limits))
        {
            Ok(()) => record.status = Status::Valid,
            Err(e) => match e.kind() {
                un2akn::ErrorKind::SchemaInvalid { messages }
                | un2akn::ErrorKind::MalformedXml { messages }
                | un2akn::ErrorKind::LimitExceeded { messages }
                    if !messages.is_empty() =>
                {
                    for message in messages {
                        // `SchemaMessage` displays as `line:col: message`.
                        let (shown, text) = (visible::line(&name), visible::line(&message.message));
                        record
                            .diagnostics
                            .push(match (message.line, message.column) {
                                (Some(line), Some(column)) => {
                                    format!("{shown}:{line}:{column}: {text}")
                                }
                                (Some(line), None) => format!("{shown}:{line}: {text}"),
                                _ => format!("{shown}: {text}"),
                            });
                        record.errors.push(report::Note {
                            line: message.line,
                            column: message.column,
                            message: message.message.clone(),
                        });
                    }
                }
                _ => record.fail_with(&e, None),
            },
        },
    }
    if record.status == Status::Failed {
        record
            .diagnostics
            .push(format!("{} fails to validate", visible::line(&name)));
    }
    record
}
