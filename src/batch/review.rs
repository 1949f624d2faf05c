//! The binary's side of the review page and the diff: reading inputs,
//! writing pages atomically, the batch index, and the `render` and `diff`
//! commands. What the pages say is the library's ([`un2akn::render`],
//! [`un2akn::diff`]); this module only moves bytes.

use std::io::{self, IsTerminal, Read};
use std::path::{Path, PathBuf};

use un2akn::render::index::Entry;

use super::report::{Record, Status};
use super::write::{self, OutputRoot, Written};
use super::Error;
use crate::cli::{DiffArgs, DiffFormat, Layout, RenderArgs};

/// The review page beside an output: `x.akn.xml` (or `x.json`) gives
/// `x.akn.html`, which no input's output and not `index.html` can be.
pub fn page_path(output: &Path) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name
        .strip_suffix(".akn.xml")
        .or_else(|| name.strip_suffix(".json"))
        .or_else(|| name.strip_suffix(".xml"))
        .unwrap_or(&name);
    output.with_file_name(format!("{stem}.akn.html"))
}

/// Writes the review page of a conversion beside its output; gives the
/// page's path and the counts it shows.
///
/// # Errors
/// The reader's message (a bug) or the write error.
pub fn write_page(
    output: &Path,
    name: &str,
    input: &[u8],
    conversion: &un2akn::Conversion,
    within: Option<&OutputRoot>,
    sync: bool,
) -> Result<(PathBuf, un2akn::view::Counts), String> {
    let doc = un2akn::view::read(&conversion.xml)?;
    let text = String::from_utf8_lossy(input);
    let source = un2akn::render::Source {
        name,
        input: Some(&text),
        warnings: &conversion.warnings,
    };
    let page = un2akn::render::page(&doc, &source);
    let path = page_path(output);
    write::write_atomically(&path, page.as_bytes(), within, true, sync)
        .map_err(|e| e.to_string())?;
    Ok((path, doc.counts()))
}

/// Percent-encodes a relative path for an href (segments kept).
fn href(path: &Path) -> String {
    let mut out = String::new();
    for (n, part) in path.components().enumerate() {
        if n > 0 {
            out.push('/');
        }
        for byte in part.as_os_str().to_string_lossy().bytes() {
            if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                out.push(byte as char);
            } else {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

/// The index entry of a finished record, pages relative to `root`.
pub fn entry(record: &Record, root: &Path) -> Entry {
    let status = match record.status {
        Status::Converted => "converted",
        Status::Warned => "warned",
        Status::Failed => "failed",
        Status::Skipped | Status::Valid => "skipped",
    };
    Entry {
        input: record.path.clone(),
        page: record
            .page
            .as_deref()
            .map(|page| href(page.strip_prefix(root).unwrap_or(page))),
        status: status.into(),
        counts: record.view_counts,
        warnings: record
            .warnings
            .iter()
            .map(|w| match (w.line, w.column) {
                (Some(line), Some(column)) => format!("{line}:{column}: {}", w.message),
                _ => w.message.clone(),
            })
            .collect(),
        error: record.errors.first().map(|e| e.message.clone()),
    }
}

/// Writes `root/index.html`.
///
/// # Errors
/// [`Error::Failed`] when it cannot be written.
pub fn write_index(root: &Path, entries: &[Entry]) -> Result<(), Error> {
    let path = root.join("index.html");
    write::write_atomically(
        &path,
        un2akn::render::index::page(entries).as_bytes(),
        None,
        true,
        false,
    )
    .map(|_| ())
    .map_err(|e| Error::Failed(format!("{}: {e}", path.display())))
}

fn read(path: &Path) -> Result<Vec<u8>, Error> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::Failed(format!("cannot read standard input: {e}")))?;
        return Ok(bytes);
    }
    std::fs::read(path).map_err(|e| Error::Failed(format!("{}: cannot read: {e}", path.display())))
}

fn emit(output: Option<&Path>, bytes: &[u8]) -> Result<(), Error> {
    match output {
        None => write::print(bytes).map_err(|e| Error::Failed(format!("cannot write: {e}"))),
        Some(path) => match write::write_atomically(path, bytes, None, true, false) {
            Ok(Written::Yes | Written::Exists) => Ok(()),
            Err(e) => Err(Error::Failed(format!("{}: {e}", path.display()))),
        },
    }
}

/// The conversion options of one `render` or `diff` input: the symbol and
/// date the user gives for a text that does not print them.
fn options(
    symbol: Option<String>,
    date: Option<chrono::NaiveDate>,
    lossy: bool,
    validator: crate::cli::Validator,
) -> un2akn::Options {
    let mut options = un2akn::Options::default();
    options.symbol = symbol;
    options.date = date;
    options.lossy = lossy;
    options.validator = validator.into();
    options
}

/// `un2akn render`.
///
/// # Errors
/// [`Error::Failed`] when the input cannot be read, converted or validated,
/// or the page cannot be written.
pub fn render(args: RenderArgs) -> Result<(), Error> {
    let bytes = read(&args.input)?;
    let name = args.input.display().to_string();
    let options = options(args.symbol, args.date, args.lossy, args.validator);
    let page = if un2akn::render::is_akn(&name, &bytes) {
        let xml = un2akn::decode(&bytes).map_err(|e| Error::Failed(format!("{name}: {e}")))?;
        un2akn::render::render_xml(&name, xml, options.validator)
    } else {
        un2akn::render::render_input(&name, &bytes, &options).map(|(page, _)| page)
    }
    .map_err(|e| Error::Failed(format!("{name}: {e}")))?;
    emit(args.output.as_deref(), page.as_bytes())
}

/// Whether the text view is coloured: only on a terminal, and never when
/// NO_COLOR is set (to anything but the empty string).
pub fn colour(to_terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
    to_terminal && no_color.is_none_or(|v| v.is_empty())
}

/// `un2akn diff`.
///
/// # Errors
/// [`Error::Failed`] when an input cannot be read, converted or validated,
/// or the result cannot be written.
pub fn diff(args: DiffArgs) -> Result<(), Error> {
    let load = |path: &Path, options: un2akn::Options| {
        let name = path.display().to_string();
        let bytes = read(path)?;
        un2akn::diff::load(&name, &bytes, &options)
            .map_err(|e| Error::Failed(format!("{name}: {e}")))
    };
    let old = load(
        &args.old,
        options(args.old_symbol, args.old_date, args.lossy, args.validator),
    )?;
    let new = load(
        &args.new,
        options(args.new_symbol, args.new_date, args.lossy, args.validator),
    )?;
    let diff = un2akn::diff::diff(&old, &new);
    let text = match args.format {
        DiffFormat::Json => {
            let mut json = serde_json::to_string_pretty(&diff).expect("the diff serialises");
            json.push('\n');
            json
        }
        DiffFormat::Html => un2akn::diff::html::page(
            &diff,
            match args.layout {
                Layout::Side => un2akn::diff::html::Layout::SideBySide,
                Layout::Inline => un2akn::diff::html::Layout::Inline,
            },
        ),
        DiffFormat::Text => {
            let terminal = args.output.is_none() && io::stdout().is_terminal();
            un2akn::diff::text::render(
                &diff,
                colour(terminal, std::env::var_os("NO_COLOR").as_deref()),
            )
        }
    };
    emit(args.output.as_deref(), text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_hrefs() {
        assert_eq!(
            page_path(Path::new("o/a/x.akn.xml")),
            Path::new("o/a/x.akn.html")
        );
        assert_eq!(
            page_path(Path::new("o/index.json")),
            Path::new("o/index.akn.html")
        );
        assert_eq!(href(Path::new("a b/c#d.akn.html")), "a%20b/c%23d.akn.html");
    }

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        assert!(colour(true, None));
        assert!(colour(true, Some("".as_ref())));
        assert!(!colour(true, Some("1".as_ref())));
        assert!(!colour(false, None));
    }
}
