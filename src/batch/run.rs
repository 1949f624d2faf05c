//! The parallel runner: a pool of threads works through the jobs, and the
//! records are shown and reported in input order.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use super::input::output_name;
use super::report::{Command, Console, Mode, Record, Report, Summary};
use super::{review, Common, Error, Job};

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
pub(super) fn run(
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
