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
mod plan;
mod report;
pub mod review;
mod snippet;
pub mod visible;
mod write;

use std::fmt;
use std::io::{self, IsTerminal, Read};
use std::num::NonZeroUsize;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Instant, SystemTime};

use crate::cli::{CommonArgs, ConvertArgs, Format, ValidateArgs};
use discover::{Entry, Globs};
use report::{Command, Console, Counts, Mode, Record, Report, Status, Verbosity};
use write::{OutputRoot, WriteError, Written};

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

/// Where records go: counted, shown and reported.
struct Collector {
    summary: Summary,
    console: Console,
    report: Report,
    /// The output folder and the entries of its `index.html` (`--html`).
    index: Option<(PathBuf, Vec<un2akn::render::index::Entry>)>,
}

impl Collector {
    /// A record has finished, in any order: progress.
    fn finished(&mut self, record: &Record) {
        self.console.finished(record);
    }

    /// A record's turn has come, in input order.
    fn take(&mut self, record: &Record) {
        self.summary.add(record.status);
        self.console.show(record);
        self.report.write(record);
        if let Some((root, entries)) = &mut self.index {
            entries.push(review::entry(record, root));
        }
    }
}

/// Runs `work` on every job with a pool of `common.jobs` threads, showing
/// and reporting the records in input order.
fn run(
    jobs: &[Job],
    common: &Common,
    mode: Mode,
    command: Command,
    started: Instant,
    index: Option<&Path>,
    work: &(dyn Fn(&Job) -> Record + Sync),
) -> Result<Summary, Error> {
    let list_valid = command == Command::Validate && !common.report_on_stdout();
    let mut collector = Collector {
        summary: Summary::default(),
        console: Console::new(
            jobs.len(),
            common.verbosity,
            mode,
            (common.terminal, common.color),
            list_valid,
        ),
        report: common.open_report()?,
        index: index.map(|root| (root.to_path_buf(), Vec::new())),
    };
    if jobs.is_empty() {
        // Nothing done is not success: the folder is empty, or the globs
        // (or the output folder, which is never an input) left nothing.
        return Err(Error::Failed(
            "no input files found (see --glob; files in the output folder are not inputs)".into(),
        ));
    }
    let threads = common.jobs.min(jobs.len());
    if threads <= 1 {
        // No pool for one worker: the main thread converts, and compiles the
        // schema once.
        for job in jobs {
            let record = guarded(job, work);
            collector.finished(&record);
            collector.take(&record);
        }
    } else {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("un2akn-worker-{i}"))
            .build()
            .map_err(|e| Error::Failed(format!("cannot start {threads} worker threads: {e}")))?;
        in_order(&pool, jobs, work, &mut collector);
    }
    let Collector {
        summary,
        console,
        report,
        index,
    } = collector;
    if let Some((root, entries)) = index {
        review::write_index(&root, &entries)?;
    }
    console.finish(&summary, command, started.elapsed());
    report.finish().map_err(|e| {
        Error::Failed(format!(
            "cannot write the report {}: {e}",
            common.report.as_deref().unwrap_or(Path::new("-")).display()
        ))
    })?;
    Ok(summary)
}

/// Runs `work` on the pool's threads, each taking the next job in input
/// order (so few records wait for their turn), and hands the records to
/// `collector` as they finish and in input order. The workers hand them over
/// themselves, under a lock, so that no other thread has to be woken for
/// each record (a thousand wake-ups cost a two-core machine a tenth of its
/// batch throughput).
fn in_order(
    pool: &rayon::ThreadPool,
    jobs: &[Job],
    work: &(dyn Fn(&Job) -> Record + Sync),
    collector: &mut Collector,
) {
    let next = AtomicUsize::new(0);
    let mut waiting: Vec<Option<Record>> = Vec::new();
    waiting.resize_with(jobs.len(), || None);
    let ordered = Mutex::new(Ordered {
        collector,
        waiting,
        turn: 0,
    });
    pool.in_place_scope(|scope| {
        for _ in 0..pool.current_num_threads() {
            let (next, ordered) = (&next, &ordered);
            scope.spawn(move |_| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(index) else { break };
                let record = guarded(job, work);
                ordered
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .arrive(index, record);
            });
        }
    });
}

/// Records on their way to the collector in input order.
struct Ordered<'c> {
    collector: &'c mut Collector,
    /// Records that finished before their turn.
    waiting: Vec<Option<Record>>,
    /// The index of the next record to take.
    turn: usize,
}

impl Ordered<'_> {
    /// Record `index` has finished: progress now, then every record whose
    /// turn has come.
    fn arrive(&mut self, index: usize, record: Record) {
        self.collector.finished(&record);
        self.waiting[index] = Some(record);
        while let Some(record) = self.waiting.get_mut(self.turn).and_then(Option::take) {
            self.collector.take(&record);
            self.turn += 1;
        }
    }
}

/// `work(job)`, with a panic (a bug) turned into a failed record.
fn guarded(job: &Job, work: &(dyn Fn(&Job) -> Record + Sync)) -> Record {
    catch_unwind(AssertUnwindSafe(|| work(job))).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        let mut record = Record::new(job.input.name(), output_name(&job.output));
        record.fail(
            &job.input.name(),
            format!("internal error (please report it): {what}"),
        );
        record
    })
}

fn output_name(output: &Output) -> Option<String> {
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
struct ConvertSettings<'a> {
    options: &'a un2akn::Options,
    /// The catalogue giving each input its symbol and date (`--metadata`).
    metadata: Option<&'a un2akn::metadata::Metadata>,
    format: Format,
    existing: Existing,
    /// The output folder of a batch.
    within: Option<&'a OutputRoot>,
    /// Flush every output to the disk before it appears under its name.
    sync: bool,
    /// Write a review page beside each output.
    html: bool,
    /// Draw warnings with their source snippet (they will be printed).
    show_warnings: bool,
    /// Colour the snippets (standard error is a terminal).
    color: bool,
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

fn convert_one(job: &Job, settings: &ConvertSettings<'_>) -> Record {
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
        let source = String::from_utf8_lossy(&bytes);
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

fn validate_one(job: &Job, common: &Common, limits: &un2akn::validate::Limits) -> Record {
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
