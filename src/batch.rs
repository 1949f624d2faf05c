//! Converting and validating many files: the binary's machinery behind
//! `convert` and `validate`.
//!
//! The flow of a batch, one step per submodule:
//!
//! 1. [`discover`]: command-line paths → inputs (folders walked, globs
//!    applied, sorted);
//! 2. [`plan`]: inputs → output paths (mirrored, checked for collisions and
//!    for escapes from the output folder before anything is written);
//! 3. here: a rayon pool of `--jobs` workers converts (or validates) the
//!    inputs; the schema is compiled once per process and shared by the
//!    workers; a panic fails one file, not the run;
//! 4. [`write`]: each output through a temporary file that appears under its
//!    name only when complete;
//! 5. [`report`]: records shown, summarised and reported in input order, so
//!    the outputs, messages and report are the same whatever `--jobs`.
//!
//! A single `convert FILE [-o FILE]` goes through the same per-file code,
//! with the terminal behaviour it always had (warnings printed, no summary).

mod alias;
mod discover;
mod input;
mod plan;
mod report;
pub mod review;
mod run;
mod snippet;
pub mod visible;
mod write;

use std::fmt;
use std::io::{self, IsTerminal};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::cli::{CommonArgs, ConvertArgs, Format, ValidateArgs};
use discover::{Entry, Globs};
use report::{Command, Mode, Report, Verbosity};
use write::OutputRoot;

use self::input::{convert_one, validate_one, ConvertSettings};
use self::run::run;

pub use report::Summary;
pub use write::print;

/// What stops a whole run.
#[derive(Debug)]
pub enum Error {
    /// Flags or inputs that cannot work together; nothing was written.
    Usage(String),
    /// The run could not be set up or finished (output folder, report).
    Failed(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage(message) | Error::Failed(message) => f.write_str(message),
        }
    }
}

/// What to do with an output that already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Existing {
    /// Keep it; the input is skipped.
    Keep,
    /// Replace it.
    Replace,
    /// Replace it only when it is older than its input.
    Update,
}

/// Where an input's result goes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Output {
    /// Nowhere (`validate`, or an input that could not be read).
    None,
    /// Standard output.
    Stdout,
    /// This file.
    File(PathBuf),
}

/// One input and where its result goes.
#[derive(Debug)]
struct Job {
    input: Entry,
    output: Output,
}

/// Settings shared by both commands, resolved.
#[derive(Debug)]
struct Common {
    jobs: usize,
    validator: un2akn::validate::Engine,
    report: Option<PathBuf>,
    max_input_size: u64,
    verbosity: Verbosity,
    terminal: bool,
    /// Colours allowed: standard error is a terminal and `NO_COLOR` is not
    /// set (to anything but the empty string; see no-color.org).
    color: bool,
}

impl Common {
    fn resolve(args: CommonArgs) -> Common {
        let jobs = args.jobs.map_or_else(
            || std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
            NonZeroUsize::get,
        );
        let verbosity = if args.quiet {
            Verbosity::Quiet
        } else if args.verbose {
            Verbosity::Verbose
        } else {
            Verbosity::Normal
        };
        let terminal = io::stderr().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Common {
            jobs,
            validator: args.validator.into(),
            report: args.report,
            max_input_size: args.max_input_size,
            verbosity,
            terminal,
            color: terminal && !no_color,
        }
    }

    fn report_on_stdout(&self) -> bool {
        self.report.as_deref() == Some(Path::new("-"))
    }

    /// Refuses a report file that is one of the `inputs` or `outputs` (by
    /// any spelling, link or hard link), or that is named like an XML
    /// output: writing it would destroy that file.
    fn check_report<'p>(
        &self,
        inputs: impl IntoIterator<Item = &'p Path>,
        outputs: impl IntoIterator<Item = &'p Path>,
    ) -> Result<(), Error> {
        let Some(report) = self.report.as_deref().filter(|r| r.as_os_str() != "-") else {
            return Ok(());
        };
        let shown = visible::line(&report.to_string_lossy()).into_owned();
        let name = report
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase());
        if name.is_some_and(|n| n.ends_with(".xml")) {
            return Err(Error::Usage(format!(
                "--report {shown}: the report is JSON Lines; name it FILE.jsonl, not like an XML output"
            )));
        }
        let place = alias::Place::of(report);
        if let Some(input) = inputs
            .into_iter()
            .find(|i| place.same(&alias::Place::of(i)))
        {
            return Err(Error::Usage(format!(
                "--report {shown} is the input {}; nothing was written",
                visible::line(&input.to_string_lossy())
            )));
        }
        if let Some(output) = outputs
            .into_iter()
            .find(|o| place.same(&alias::Place::of(o)))
        {
            return Err(Error::Usage(format!(
                "--report {shown} is the output {}; nothing was written",
                visible::line(&output.to_string_lossy())
            )));
        }
        Ok(())
    }

    fn open_report(&self) -> Result<Report, Error> {
        match &self.report {
            None => Ok(Report::none()),
            Some(path) => Report::create(path).map_err(|e| {
                Error::Failed(format!("cannot create the report {}: {e}", path.display()))
            }),
        }
    }
}

/// Where `convert` writes.
#[derive(Debug)]
enum Target {
    /// One input to standard output or to one named file, as `convert` always
    /// did.
    Single(Output),
    /// Inputs mirrored into this folder.
    Folder(PathBuf),
}

/// `convert`, resolved.
#[derive(Debug)]
pub struct ConvertConfig {
    inputs: Vec<PathBuf>,
    target: Target,
    options: un2akn::Options,
    metadata: Option<un2akn::metadata::Metadata>,
    format: Format,
    globs: Globs,
    existing: Existing,
    sync: bool,
    html: bool,
    common: Common,
}

fn globs(patterns: &[String]) -> Result<Globs, Error> {
    Globs::new(patterns).map_err(|e| Error::Usage(format!("--glob: {e}")))
}

fn ends_with_separator(path: &Path) -> bool {
    path.as_os_str()
        .as_encoded_bytes()
        .last()
        .is_some_and(|&b| std::path::is_separator(char::from(b)))
}

impl ConvertConfig {
    /// Checks the flags and decides between one file and a batch: a batch is
    /// several inputs, a folder input, or an `-o` naming an existing folder
    /// (or ending in `/`).
    ///
    /// # Errors
    /// [`Error::Usage`] for flags that do not fit together.
    pub fn resolve(args: ConvertArgs) -> Result<ConvertConfig, Error> {
        engine_available(args.common.validator)?;
        let common = Common::resolve(args.common);
        let single_input = match args.inputs.as_slice() {
            [input] => input.as_os_str() == "-" || !input.is_dir(),
            _ => false,
        };
        let folder_output = args
            .output
            .as_deref()
            .is_some_and(|o| o.is_dir() || ends_with_separator(o));
        let (target, existing) = if single_input && !folder_output {
            // `-o -` is standard output, as `-` is standard input.
            let output = match args.output {
                Some(path) if path.as_os_str() != "-" => Output::File(path),
                _ => Output::Stdout,
            };
            if output == Output::Stdout && common.report_on_stdout() {
                return Err(Error::Usage(
                    "--report - and the converted document cannot both go to standard output; \
                     give -o FILE or another report file"
                        .into(),
                ));
            }
            if args.html && output == Output::Stdout {
                return Err(Error::Usage(
                    "--html writes a page beside the output: give -o FILE".into(),
                ));
            }
            let input = Some(args.inputs[0].as_path()).filter(|i| i.as_os_str() != "-");
            if let (Some(input), Output::File(path)) = (input, &output) {
                if alias::Place::of(input).same(&alias::Place::of(path)) {
                    return Err(Error::Usage(format!(
                        "-o {} is the input {} itself; converting would destroy it (nothing was written)",
                        visible::line(&path.to_string_lossy()),
                        visible::line(&input.to_string_lossy())
                    )));
                }
            }
            let written = match &output {
                Output::File(path) => Some(path.as_path()),
                _ => None,
            };
            common.check_report(input, written)?;
            // A file named by -o is replaced, as always; --update may keep it.
            let existing = if args.update {
                Existing::Update
            } else {
                Existing::Replace
            };
            (Target::Single(output), existing)
        } else {
            if args.inputs.iter().any(|i| i.as_os_str() == "-") {
                return Err(Error::Usage(
                    "standard input (-) can only be converted on its own".into(),
                ));
            }
            let Some(outdir) = args.output else {
                return Err(Error::Usage(
                    "converting a folder or several files needs -o OUTDIR, the folder to write into"
                        .into(),
                ));
            };
            if outdir.exists() && !outdir.is_dir() {
                return Err(Error::Usage(format!(
                    "-o {}: not a folder; a batch writes into a folder",
                    outdir.display()
                )));
            }
            let existing = match (args.force, args.update) {
                (true, _) => Existing::Replace,
                (false, true) => Existing::Update,
                (false, false) => Existing::Keep,
            };
            (Target::Folder(outdir), existing)
        };
        let metadata = match &args.metadata {
            Some(path) => Some(
                un2akn::metadata::Metadata::read(path)
                    .map_err(|e| Error::Usage(format!("--metadata {e}")))?,
            ),
            None => None,
        };
        let mut options = un2akn::Options::default();
        options.symbol = args.symbol;
        options.date = args.date;
        options.strict = args.strict;
        options.lang = args.lang.map(|l| l.code().to_string());
        options.conversion_date = args.conversion_date;
        options.format = args.from.map(|from| match from {
            crate::cli::From::Md => un2akn::clean::Format::Markdown,
            crate::cli::From::Text => un2akn::clean::Format::Text,
        });
        options.lossy = args.lossy;
        options.validator = common.validator;
        options.max_input_size = common.max_input_size;
        Ok(ConvertConfig {
            inputs: args.inputs,
            target,
            metadata,
            options,
            format: args.format,
            globs: globs(&args.globs)?,
            existing,
            sync: args.sync,
            html: args.html,
            common,
        })
    }
}

/// `validate`, resolved.
#[derive(Debug)]
pub struct ValidateConfig {
    inputs: Vec<PathBuf>,
    globs: Globs,
    common: Common,
    limits: un2akn::validate::Limits,
}

impl ValidateConfig {
    /// Checks the flags.
    ///
    /// # Errors
    /// [`Error::Usage`] for a bad glob.
    pub fn resolve(args: ValidateArgs) -> Result<ValidateConfig, Error> {
        engine_available(args.common.validator)?;
        Ok(ValidateConfig {
            globs: globs(&args.globs)?,
            inputs: args.inputs,
            common: Common::resolve(args.common),
            limits: args.limits.resolve(),
        })
    }
}

/// Refuses `--validator libxml2|both` in a build without libxml2.
fn engine_available(validator: crate::cli::Validator) -> Result<(), Error> {
    if validator == crate::cli::Validator::Native || un2akn::validate::LIBXML2_AVAILABLE {
        return Ok(());
    }
    Err(Error::Usage(
        "--validator libxml2/both: this build of un2akn has no libxml2 validator (it was \
         built without the `libxml2` feature: `cargo install --path . --features libxml2`); \
         use --validator native"
            .into(),
    ))
}

/// Runs `convert`.
///
/// # Errors
/// [`Error::Usage`] when the plan is refused (collisions, outputs outside the
/// output folder): then nothing is written. [`Error::Failed`] when the output
/// folder or the report cannot be written.
pub fn convert(config: ConvertConfig) -> Result<Summary, Error> {
    let started = Instant::now();
    let extension = match config.format {
        Format::Akn => "akn.xml",
        Format::Json => "json",
    };
    let mut index = None;
    let (jobs, within, mode) = match &config.target {
        Target::Single(output) => {
            let input = match &config.inputs[0] {
                path if path.as_os_str() == "-" => Entry::Stdin,
                path => Entry::File {
                    path: path.clone(),
                    rel: PathBuf::new(),
                },
            };
            let job = Job {
                input,
                output: output.clone(),
            };
            (vec![job], None, Mode::Single)
        }
        Target::Folder(outdir) => {
            let exclude = std::fs::canonicalize(outdir).ok();
            let entries = discover::discover(&config.inputs, &config.globs, exclude.as_deref());
            let jobs = plan::plan(entries, outdir, extension).map_err(Error::Usage)?;
            config.common.check_report(
                jobs.iter().filter_map(|job| job.input.path()),
                jobs.iter().filter_map(|job| match &job.output {
                    Output::File(path) => Some(path.as_path()),
                    _ => None,
                }),
            )?;
            std::fs::create_dir_all(outdir)
                .map_err(|e| Error::Failed(format!("cannot create {}: {e}", outdir.display())))?;
            let root = std::fs::canonicalize(outdir)
                .map_err(|e| Error::Failed(format!("cannot resolve {}: {e}", outdir.display())))?;
            if config.html {
                index = Some(outdir.clone());
            }
            (jobs, Some(OutputRoot::new(root)), Mode::Batch)
        }
    };
    let settings = ConvertSettings {
        options: &config.options,
        metadata: config.metadata.as_ref(),
        format: config.format,
        existing: config.existing,
        within: within.as_ref(),
        sync: config.sync,
        html: config.html,
        show_warnings: match mode {
            Mode::Single => config.common.verbosity != Verbosity::Quiet,
            Mode::Batch => config.common.verbosity == Verbosity::Verbose,
        },
        color: config.common.color,
    };
    run(
        &jobs,
        &config.common,
        mode,
        Command::Convert,
        started,
        index.as_deref(),
        &|job: &Job| convert_one(job, &settings),
    )
}

/// Runs `validate`.
///
/// # Errors
/// [`Error::Failed`] when the report cannot be written.
pub fn validate(config: ValidateConfig) -> Result<Summary, Error> {
    let started = Instant::now();
    let jobs: Vec<Job> = discover::discover(&config.inputs, &config.globs, None)
        .into_iter()
        .map(|input| Job {
            input,
            output: Output::None,
        })
        .collect();
    config
        .common
        .check_report(jobs.iter().filter_map(|job| job.input.path()), [])?;
    run(
        &jobs,
        &config.common,
        Mode::Batch,
        Command::Validate,
        started,
        None,
        &|job: &Job| validate_one(job, &config.common, &config.limits),
    )
}
