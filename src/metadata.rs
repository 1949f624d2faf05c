//! Metadata files for archives: what a library catalogue knows about each
//! input (its symbol, its date), for texts that do not print them.
//!
//! Takes the text of a CSV file with a header row, or of a JSONL file (one
//! object a line); gives a [`Metadata`] table that finds the entry of an
//! input by its path, file name or file stem. Errors name `file:line`.
//!
//! CSV columns, any order, names matched without regard to case, spaces and
//! underscores: the input (`path`, `file`, `filename`, `file name`,
//! `input`), the symbol (`symbol`, `document symbol`, `docsymbol`,
//! `identifier`) and the date (`date`, `adoption date`, `date of adoption`,
//! `publication date`, `issued`). JSONL objects use `path`, `symbol` and
//! `date` (or the same aliases). Dates are `YYYY-MM-DD`, or as the UN prints
//! them ("28 January 1949").

use std::path::Path;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

/// What the catalogue says about one input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// The input as the file names it (a path, a file name or a stem).
    pub path: String,
    /// The document symbol, e.g. `S/RES/67 (1949)`.
    pub symbol: Option<String>,
    /// The date of adoption (drafts: of issuance).
    pub date: Option<NaiveDate>,
    /// The line of the metadata file the entry is on.
    pub line: usize,
}

/// A metadata file, read.
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    entries: Vec<Entry>,
    /// Index of entries by path as written, by file name and by stem.
    by_key: FxHashMap<String, usize>,
}

/// A metadata file that cannot be read: `file:line: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetadataError {
    /// The line (1-based) the problem is on.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for MetadataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.line, self.message)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Path,
    Symbol,
    Date,
    Other,
}

fn column(name: &str) -> Column {
    let key: String = name
        .trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match key.as_str() {
        "path" | "file" | "filename" | "filepath" | "input" => Column::Path,
        "symbol" | "documentsymbol" | "docsymbol" | "identifier" | "unsymbol" => Column::Symbol,
        "date" | "adoptiondate" | "dateofadoption" | "publicationdate" | "issued"
        | "dateissued" | "dateofissuance" => Column::Date,
        _ => Column::Other,
    }
}

/// A date as catalogues write it: `1949-01-28`, `28 January 1949`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(date);
    }
    match crate::grammar::date::date(text) {
        Ok(("", date)) => Some(date),
        _ => None,
    }
}

/// The fields of one CSV record (RFC 4180: quotes, doubled quotes, commas
/// and line ends inside quotes). Returns the fields and the rest.
fn csv_record(input: &str) -> Result<(Vec<String>, &str), String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = input.char_indices().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some((i, c)) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek().map(|(_, c)| *c) == Some('"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            ',' => {
                fields.push(std::mem::take(&mut field));
                at_start = true;
            }
            '\n' => {
                fields.push(field);
                return Ok((fields, &input[i + 1..]));
            }
            '\r' => {}
            c => {
                field.push(c);
                at_start = false;
            }
        }
    }
    if quoted {
        return Err("a quoted field is not closed".into());
    }
    fields.push(field);
    Ok((fields, ""))
}

impl Metadata {
    /// Reads a metadata file's text; `jsonl` picks the format (otherwise
    /// CSV with a header row).
    ///
    /// # Errors
    /// The first problem, with its line: no input or no symbol/date column,
    /// a bad date, bad JSON, an input named twice.
    pub fn parse(text: &str, jsonl: bool) -> Result<Metadata, MetadataError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut metadata = Metadata::default();
        if jsonl {
            for (index, line) in text.lines().enumerate() {
                let line_number = index + 1;
                if line.trim().is_empty() {
                    continue;
                }
                let error = |message: String| MetadataError {
                    line: line_number,
                    message,
                };
                let value: serde_json::Value =
                    serde_json::from_str(line).map_err(|e| error(format!("not JSON: {e}")))?;
                let object = value
                    .as_object()
                    .ok_or_else(|| error("expected a JSON object".into()))?;
                let mut entry = Entry {
                    line: line_number,
                    ..Entry::default()
                };
                for (key, value) in object {
                    let Some(text) = value.as_str() else {
                        continue;
                    };
                    metadata_field(&mut entry, column(key), text).map_err(error)?;
                }
                metadata.push(entry).map_err(error)?;
            }
            return Ok(metadata);
        }
        let (header, mut rest) =
            csv_record(text).map_err(|message| MetadataError { line: 1, message })?;
        let columns: Vec<Column> = header.iter().map(|h| column(h)).collect();
        if !columns.contains(&Column::Path) {
            return Err(MetadataError {
                line: 1,
                message: format!(
                    "no column naming the input (path, file or filename) in the header: {}",
                    header.join(",")
                ),
            });
        }
        if !columns.contains(&Column::Symbol) && !columns.contains(&Column::Date) {
            return Err(MetadataError {
                line: 1,
                message: "no symbol or date column in the header".into(),
            });
        }
        let mut line = 2;
        while !rest.is_empty() {
            let (fields, after) =
                csv_record(rest).map_err(|message| MetadataError { line, message })?;
            let lines_taken = rest[..rest.len() - after.len()].matches('\n').count();
            rest = after;
            if fields.iter().all(|f| f.trim().is_empty()) {
                line += lines_taken.max(1);
                continue;
            }
            let error = |message: String| MetadataError { line, message };
            let mut entry = Entry {
                line,
                ..Entry::default()
            };
            for (column, field) in columns.iter().zip(&fields) {
                metadata_field(&mut entry, *column, field).map_err(error)?;
            }
            metadata.push(entry).map_err(error)?;
            line += lines_taken.max(1);
        }
        Ok(metadata)
    }

    /// Reads a metadata file: JSONL when its name ends in `.jsonl` or
    /// `.ndjson` or its text starts with `{`, CSV otherwise.
    ///
    /// # Errors
    /// `file:line: message` for an unreadable file or a bad entry.
    pub fn read(path: &Path) -> Result<Metadata, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let named_jsonl = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"));
        let jsonl = named_jsonl || text.trim_start().starts_with('{');
        Metadata::parse(&text, jsonl).map_err(|e| format!("{}:{e}", path.display()))
    }

    fn push(&mut self, entry: Entry) -> Result<(), String> {
        if entry.path.is_empty() {
            return Err("no input path".into());
        }
        let index = self.entries.len();
        if let Some(&other) = self.by_key.get(&entry.path) {
            return Err(format!(
                "{} is named twice (also on line {})",
                entry.path, self.entries[other].line
            ));
        }
        let path = Path::new(&entry.path);
        let mut keys = vec![entry.path.clone()];
        if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
            keys.push(name.to_string());
        }
        if let Some(stem) = path.file_stem().and_then(|n| n.to_str()) {
            keys.push(stem.to_string());
        }
        for key in keys {
            self.by_key.entry(key).or_insert(index);
        }
        self.entries.push(entry);
        Ok(())
    }

    /// The entry of `input`: by the path as given, else by its file name,
    /// else by its stem.
    pub fn get(&self, input: &Path) -> Option<&Entry> {
        self.find(&[input])
    }

    /// The entry of an input known by several paths (the path read, the
    /// path below its folder): any path as written first, then file names,
    /// then stems.
    pub fn find(&self, paths: &[&Path]) -> Option<&Entry> {
        let exact = paths.iter().filter_map(|p| p.to_str());
        let names = paths
            .iter()
            .filter_map(|p| p.file_name().and_then(|n| n.to_str()));
        let stems = paths
            .iter()
            .filter_map(|p| p.file_stem().and_then(|n| n.to_str()));
        exact
            .chain(names)
            .chain(stems)
            .find_map(|key| self.by_key.get(key))
            .map(|&index| &self.entries[index])
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn metadata_field(entry: &mut Entry, column: Column, text: &str) -> Result<(), String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(());
    }
    match column {
        Column::Path => entry.path = text.to_string(),
        Column::Symbol => entry.symbol = Some(text.to_string()),
        Column::Date => {
            entry.date = Some(parse_date(text).ok_or_else(|| {
                format!("date \"{text}\" is not a date (YYYY-MM-DD or \"28 January 1949\")")
            })?);
        }
        Column::Other => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn csv_with_catalogue_columns() {
        let text = "\u{feff}File Name,Symbol,Title,Date\n\
            archive/S_RES_67(1949).txt,S/RES/67 (1949),\"Indonesian question, \"\"cease-fire\"\"\",1949-01-28\n\
            \n\
            S_RES_68.txt,,x,28 January 1949\n";
        let metadata = Metadata::parse(text, false).unwrap();
        assert_eq!(metadata.len(), 2);
        let entry = metadata.get(Path::new("other/S_RES_67(1949).txt")).unwrap();
        assert_eq!(entry.symbol.as_deref(), Some("S/RES/67 (1949)"));
        assert_eq!(entry.date, Some(ymd(1949, 1, 28)));
        assert_eq!(entry.line, 2);
        let entry = metadata.get(Path::new("S_RES_68.md")).unwrap();
        assert_eq!((entry.symbol.as_deref(), entry.line), (None, 4));
        assert!(metadata.get(Path::new("S_RES_69.txt")).is_none());
    }

    #[test]
    fn jsonl_entries() {
        let text = "{\"path\": \"a.txt\", \"symbol\": \"S/PRST/2024/3\", \"date\": \"2024-03-01\"}\n\n{\"path\": \"b.txt\", \"symbol\": \"A/DEC/79/502\"}\n";
        let metadata = Metadata::parse(text, true).unwrap();
        assert_eq!(
            metadata.get(Path::new("a.txt")).unwrap().date,
            Some(ymd(2024, 3, 1))
        );
        assert_eq!(metadata.get(Path::new("b.txt")).unwrap().line, 3);
    }

    #[test]
    fn errors_name_their_line() {
        let bad_date = Metadata::parse("path,date\na.txt,2024-02-30\n", false).unwrap_err();
        assert_eq!(bad_date.line, 2);
        assert!(bad_date.message.contains("2024-02-30"), "{bad_date}");
        let no_path =
            Metadata::parse("symbol,date\nS/RES/1 (1946),1946-01-25\n", false).unwrap_err();
        assert_eq!(no_path.line, 1);
        let twice = Metadata::parse(
            "path,symbol\na.txt,S/RES/1 (1946)\na.txt,S/RES/2 (1946)\n",
            false,
        )
        .unwrap_err();
        assert_eq!(twice.line, 3);
        assert!(twice.message.contains("line 2"));
        let not_json = Metadata::parse("{\"path\": \"a.txt\"}\n{oops\n", true).unwrap_err();
        assert_eq!(not_json.line, 2);
        let unclosed = Metadata::parse("path,symbol\n\"a.txt,S/RES/1\n", false).unwrap_err();
        assert_eq!(unclosed.line, 2);
    }
}
