//! What a run tells: one record per input, the JSON Lines report, and the
//! terminal (progress bar, messages, summary line).
//!
//! Records are shown and reported in input order whatever the number of
//! workers; only the progress bar follows the order in which files finish.

use std::fmt;
use std::fs::File;
use std::io::{self, Write};
use std::path::Path;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

use super::visible;

/// How much to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    /// Errors only.
    Quiet,
    /// Errors, progress on a terminal, the summary when it matters.
    Normal,
    /// Also every warning, every skipped file, and the summary always.
    Verbose,
}

/// What became of one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Converted without warnings.
    Converted,
    /// Converted, with warnings.
    Warned,
    /// Not converted (or not valid): see the errors.
    Failed,
    /// Not converted because its output exists (or is up to date).
    Skipped,
    /// Valid against the schema (`validate`).
    Valid,
}

/// A warning or error, with its position when it has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// Line, from 1: in the input for `convert`, in the XML for `validate`.
    pub line: Option<usize>,
    /// Column, from 1.
    pub column: Option<usize>,
    /// What happened.
    pub message: String,
}

/// What the converter recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Preambular paragraphs.
    pub preambular: usize,
    /// Operative paragraphs.
    pub operative: usize,
    /// Sub-paragraphs ((a), (i), …) of the operative part, at any depth.
    pub points: usize,
    /// Footnotes.
    pub footnotes: usize,
    /// Annexes.
    pub annexes: usize,
}

impl Counts {
    /// The counts of `document`.
    pub fn of(document: &un2akn::model::Document) -> Counts {
        fn points(list: Option<&un2akn::model::List>) -> usize {
            list.map_or(0, |list| {
                list.points
                    .iter()
                    .map(|p| 1 + points(p.list.as_ref()))
                    .sum()
            })
        }
        Counts {
            preambular: document.parts.preamble.containers.len(),
            operative: document.parts.paragraphs().count(),
            points: document
                .parts
                .paragraphs()
                .map(|p| points(p.list.as_ref()))
                .sum(),
            footnotes: document.footnotes.len(),
            annexes: document.annexes.len(),
        }
    }
}

/// A piece of page furniture removed from an input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removed {
    /// What it was.
    pub kind: un2akn::clean::FurnitureKind,
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
    /// The removed text.
    pub text: String,
}

/// One input's outcome: a line of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    /// The input, as found.
    pub path: String,
    /// Its output, if it has one.
    pub output: Option<String>,
    /// What became of it.
    pub status: Status,
    /// Why it was skipped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
    /// The converter's warnings.
    pub warnings: Vec<Note>,
    /// Why it failed.
    pub errors: Vec<Note>,
    /// The input format detected (or given with `--from`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<un2akn::clean::Format>,
    /// The kind of document recognised.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<un2akn::model::DocumentKind>,
    /// The language of the text (ISO 639-2: `eng`, `fra`, …), detected or
    /// given with `--lang`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// What was recognised, when converted.
    pub counts: Option<Counts>,
    /// Page furniture removed from the input.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub furniture: Vec<Removed>,
    /// The lines to print on standard error for a failure, safe for a
    /// terminal (built through [`super::visible`]). (No timing: the report
    /// is the same bytes on every run.)
    #[serde(skip)]
    pub diagnostics: Vec<String>,
    /// The warnings drawn with their snippets, when they are to be printed,
    /// safe for a terminal.
    #[serde(skip)]
    pub warning_lines: Vec<String>,
    /// Its review page (`--html`).
    #[serde(skip)]
    pub page: Option<std::path::PathBuf>,
    /// The counts the review page shows (`--html`).
    #[serde(skip)]
    pub view_counts: Option<un2akn::view::Counts>,
}

impl Record {
    /// A record for `path` that has not succeeded (yet).
    pub fn new(path: String, output: Option<String>) -> Record {
        Record {
            path,
            output,
            status: Status::Failed,
            reason: None,
            warnings: Vec::new(),
            errors: Vec::new(),
            format: None,
            kind: None,
            language: None,
            counts: None,
            furniture: Vec::new(),
            diagnostics: Vec::new(),
            warning_lines: Vec::new(),
            page: None,
            view_counts: None,
        }
    }

    /// Marks the record failed with an error without position, printed as
    /// `target: error: message`.
    pub fn fail(&mut self, target: &str, message: String) {
        self.status = Status::Failed;
        self.diagnostics.push(format!(
            "{}: error: {}",
            visible::line(target),
            visible::lines(&message)
        ));
        self.errors.push(Note {
            line: None,
            column: None,
            message,
        });
    }

    /// Marks the record failed with the library's `error`, printed as
    /// `path:line:col: error: message` and its snippet (`drawn`) when it has
    /// a position.
    pub fn fail_with(&mut self, error: &un2akn::Error, drawn: Option<Vec<String>>) {
        self.status = Status::Failed;
        let text = error.to_string();
        match error.position() {
            // The error's message starts with its position.
            Some(position) => {
                match drawn {
                    Some(lines) => self.diagnostics.extend(lines),
                    None => {
                        let message = text.strip_prefix(&format!("{position}: ")).unwrap_or(&text);
                        self.diagnostics.push(format!(
                            "{}:{position}: error: {}",
                            visible::line(&self.path),
                            visible::lines(message)
                        ));
                    }
                }
                let message = text
                    .strip_prefix(&format!("{position}: "))
                    .unwrap_or(&text)
                    .to_string();
                self.errors.push(Note {
                    line: Some(position.line),
                    column: Some(position.column),
                    message,
                });
            }
            None => {
                self.diagnostics.push(format!(
                    "{}: error: {}",
                    visible::line(&self.path),
                    visible::lines(&text)
                ));
                self.errors.push(Note {
                    line: None,
                    column: None,
                    message: text,
                });
            }
        }
    }
}

/// The counts of a run, by status.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Converted without warnings.
    pub converted: usize,
    /// Converted with warnings.
    pub warned: usize,
    /// Failed.
    pub failed: usize,
    /// Skipped (output kept).
    pub skipped: usize,
    /// Valid (`validate`).
    pub valid: usize,
}

impl Summary {
    /// Counts one more record.
    pub fn add(&mut self, status: Status) {
        match status {
            Status::Converted => self.converted += 1,
            Status::Warned => self.warned += 1,
            Status::Failed => self.failed += 1,
            Status::Skipped => self.skipped += 1,
            Status::Valid => self.valid += 1,
        }
    }

    /// Every input counted.
    pub fn total(&self) -> usize {
        self.converted + self.warned + self.failed + self.skipped + self.valid
    }
}

/// Which command a summary describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// `convert`.
    Convert,
    /// `validate`.
    Validate,
}

/// The summary line, e.g. `un2akn: 300 files in 1.20 s: 12 converted, 285
/// converted with warnings, 3 failed, 0 skipped (existing output kept)`.
pub struct Line<'a>(pub &'a Summary, pub Command, pub Duration);

impl fmt::Display for Line<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Line(summary, command, elapsed) = self;
        let total = summary.total();
        write!(
            f,
            "un2akn: {total} file{} in {:.2} s: ",
            if total == 1 { "" } else { "s" },
            elapsed.as_secs_f64()
        )?;
        match command {
            Command::Convert => write!(
                f,
                "{} converted, {} converted with warnings, {} failed, {} skipped (existing output kept)",
                summary.converted, summary.warned, summary.failed, summary.skipped
            ),
            Command::Validate => write!(f, "{} valid, {} failed", summary.valid, summary.failed),
        }
    }
}

/// How the terminal shows a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// One file converted: warnings shown unless quiet, no progress, no
    /// summary (the behaviour of a plain `convert FILE`).
    Single,
    /// Many files: warnings only when verbose, progress on a terminal, a
    /// summary line.
    Batch,
}

/// The terminal side of a run: progress bar on standard error, messages in
/// input order, valid files listed on standard output.
#[derive(Debug)]
pub struct Console {
    bar: ProgressBar,
    verbosity: Verbosity,
    mode: Mode,
    terminal: bool,
    list_valid: bool,
    failures: usize,
}

impl Console {
    /// A console for `total` inputs. `terminal`: standard error is a
    /// terminal (then a progress bar is drawn, unless quiet). `color`:
    /// colours allowed (a terminal, and no `NO_COLOR`). `list_valid`: print
    /// `FILE validates` on standard output.
    pub fn new(
        total: usize,
        verbosity: Verbosity,
        mode: Mode,
        (terminal, color): (bool, bool),
        list_valid: bool,
    ) -> Console {
        let draw = terminal && verbosity != Verbosity::Quiet && mode == Mode::Batch;
        let bar = if draw {
            let template = if color {
                "{spinner:.green} {pos}/{len} files {wide_bar:.cyan/blue} {rate} ETA {eta} {msg}"
            } else {
                "{spinner} {pos}/{len} files {wide_bar} {rate} ETA {eta} {msg}"
            };
            let style = ProgressStyle::with_template(template)
                .expect("the template is valid")
                .with_key(
                    "rate",
                    |state: &indicatif::ProgressState, w: &mut dyn fmt::Write| {
                        let _ = write!(w, "{:.0} files/s", state.per_sec());
                    },
                )
                .progress_chars("=> ");
            let bar =
                ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr())
                    .with_style(style);
            bar.enable_steady_tick(Duration::from_millis(100));
            bar
        } else {
            ProgressBar::hidden()
        };
        Console {
            bar,
            verbosity,
            mode,
            terminal,
            list_valid: list_valid && verbosity != Verbosity::Quiet,
            failures: 0,
        }
    }

    /// One input finished (in any order).
    pub fn finished(&mut self, record: &Record) {
        if record.status == Status::Failed {
            self.failures += 1;
            self.bar.set_message(format!("{} failed", self.failures));
        }
        self.bar.inc(1);
    }

    /// Prints what `record` has to say (called in input order).
    pub fn show(&mut self, record: &Record) {
        let mut lines: Vec<String> = record.diagnostics.clone();
        let warnings = match self.mode {
            Mode::Single => self.verbosity != Verbosity::Quiet,
            Mode::Batch => self.verbosity == Verbosity::Verbose,
        };
        if warnings && !record.warning_lines.is_empty() {
            lines.extend(record.warning_lines.iter().cloned());
        } else if warnings {
            for warning in &record.warnings {
                lines.push(format!(
                    "{}:{}:{}: warning: {}",
                    visible::line(&record.path),
                    warning.line.unwrap_or(1),
                    warning.column.unwrap_or(1),
                    visible::line(&warning.message)
                ));
            }
        }
        if self.verbosity == Verbosity::Verbose && record.status == Status::Skipped {
            lines.push(format!(
                "{}: skipped: {} {}",
                visible::line(&record.path),
                visible::line(record.output.as_deref().unwrap_or("the output")),
                record.reason.unwrap_or("exists")
            ));
        }
        let valid = self.list_valid && record.status == Status::Valid;
        if lines.is_empty() && !valid {
            return;
        }
        self.bar.suspend(|| {
            for line in &lines {
                eprintln!("{line}");
            }
            if valid {
                let mut stdout = io::stdout().lock();
                if writeln!(stdout, "{} validates", visible::line(&record.path))
                    .and_then(|()| stdout.flush())
                    .is_err()
                {
                    // A closed pipe is not an error; stop listing.
                    self.list_valid = false;
                }
            }
        });
    }

    /// Clears the progress bar and prints the summary line: always when
    /// verbose, never when quiet or for a single file, otherwise on a
    /// terminal or when something failed.
    pub fn finish(&self, summary: &Summary, command: Command, elapsed: Duration) {
        self.bar.finish_and_clear();
        let show = match (self.mode, self.verbosity) {
            (_, Verbosity::Quiet) => false,
            (_, Verbosity::Verbose) => true,
            (Mode::Single, Verbosity::Normal) => false,
            (Mode::Batch, Verbosity::Normal) => self.terminal || summary.failed > 0,
        };
        if show {
            eprintln!("{}", Line(summary, command, elapsed));
        }
    }
}

/// The JSON Lines report: one object per input, written as each input's turn
/// comes, one whole line per write.
pub struct Report {
    out: Option<Box<dyn Write + Send>>,
    error: Option<io::Error>,
}

impl fmt::Debug for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Report")
    }
}

impl Report {
    /// No report.
    pub fn none() -> Report {
        Report {
            out: None,
            error: None,
        }
    }

    /// A report written to `path` (`-`: standard output), created now.
    ///
    /// # Errors
    /// The file cannot be created.
    pub fn create(path: &Path) -> io::Result<Report> {
        let out: Box<dyn Write + Send> = if path.as_os_str() == "-" {
            super::write::stdout_open()?;
            Box::new(io::stdout())
        } else {
            Box::new(File::create(path)?)
        };
        Ok(Report {
            out: Some(out),
            error: None,
        })
    }

    /// Writes `record`'s line. After an error (a closed pipe or a full disk
    /// included) it stops, and [`Report::finish`] returns the error.
    pub fn write(&mut self, record: &Record) {
        let Some(out) = self.out.as_mut() else {
            return;
        };
        let mut line = serde_json::to_vec(record).expect("records serialise");
        line.push(b'\n');
        if let Err(e) = out.write_all(&line).and_then(|()| out.flush()) {
            self.out = None;
            self.error = Some(e);
        }
    }

    /// The first write error, if any.
    ///
    /// # Errors
    /// The report could not be written completely.
    pub fn finish(self) -> io::Result<()> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_serialise_as_one_flat_object() {
        let mut record = Record::new("in/a.md".into(), Some("out/a.akn.xml".into()));
        record.status = Status::Warned;
        record.warnings.push(Note {
            line: Some(3),
            column: Some(1),
            message: "kept".into(),
        });
        record.counts = Some(Counts {
            preambular: 1,
            operative: 2,
            points: 3,
            footnotes: 0,
            annexes: 0,
        });
        record.diagnostics.push("not in the report".into());
        let json = serde_json::to_string(&record).unwrap();
        assert_eq!(
            json,
            r#"{"path":"in/a.md","output":"out/a.akn.xml","status":"warned","warnings":[{"line":3,"column":1,"message":"kept"}],"errors":[],"counts":{"preambular":1,"operative":2,"points":3,"footnotes":0,"annexes":0}}"#
        );
    }

    #[test]
    fn positioned_errors_keep_their_position_apart() {
        let error = un2akn::decode(b"ab\n\xff").unwrap_err();
        let mut record = Record::new("x.md".into(), None);
        record.fail_with(&error, None);
        assert_eq!(record.errors[0].line, Some(2));
        assert_eq!(record.errors[0].column, Some(1));
        assert!(record.errors[0].message.starts_with("invalid UTF-8"));
        assert!(record.diagnostics[0].starts_with("x.md:2:1: error: invalid UTF-8"));
    }

    #[test]
    fn the_summary_line_names_every_count() {
        let summary = Summary {
            converted: 1,
            warned: 2,
            failed: 3,
            skipped: 4,
            valid: 0,
        };
        assert_eq!(
            Line(&summary, Command::Convert, Duration::from_millis(1500)).to_string(),
            "un2akn: 10 files in 1.50 s: 1 converted, 2 converted with warnings, 3 failed, 4 skipped (existing output kept)"
        );
    }
}
