//! The `un2akn` binary: reads flags, calls the batch machinery (`batch.rs`),
//! maps results to exit codes in one place. Nothing else lives here.

mod batch;
mod cli;

use std::process::ExitCode;

use clap::Parser;

use cli::{Args, Command};

/// mimalloc instead of the system allocator: the grammar builds many small
/// strings and vectors per paragraph, and batches allocate from several
/// threads; it cuts a conversion's instructions by about a tenth. Built
/// without transparent huge pages (`no_thp`): with them, every process
/// faulted in 2 MiB pages it barely used (24 MB resident for one small
/// document, 39 MB for 10,000 on two jobs; 10 and 18.5 MB without).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Every input converted (or skipped) or valid.
const EXIT_OK: u8 = 0;
/// Some input failed, or the run could not finish.
const EXIT_FAILED: u8 = 1;
/// Flags or inputs that cannot work together; nothing was written. (clap
/// exits with the same code for malformed command lines.)
const EXIT_USAGE: u8 = 2;

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(error) if !error.use_stderr() => {
            // --help and --version, on standard output.
            let shown = error.render().to_string();
            return match batch::print(shown.as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("un2akn: error: cannot write: {e}");
                    ExitCode::from(EXIT_FAILED)
                }
            };
        }
        Err(error) => {
            // The values quoted back may hold control characters.
            eprint!("{}", batch::visible::lines(&error.render().to_string()));
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let result = match args.command {
        Command::Convert(args) => batch::ConvertConfig::resolve(args).and_then(batch::convert),
        Command::Validate(args) => batch::ValidateConfig::resolve(args).and_then(batch::validate),
        Command::Render(args) => batch::review::render(args).map(|()| batch::Summary::default()),
        Command::Diff(args) => batch::review::diff(args).map(|()| batch::Summary::default()),
        Command::Completions { shell } => batch::print(&cli::completions(shell))
            .map(|()| batch::Summary::default())
            .map_err(|e| batch::Error::Failed(format!("cannot write: {e}"))),
    };
    ExitCode::from(exit_code(result))
}

/// The one place results become exit codes.
fn exit_code(result: Result<batch::Summary, batch::Error>) -> u8 {
    match result {
        Ok(summary) if summary.failed == 0 => EXIT_OK,
        Ok(_) => EXIT_FAILED,
        Err(error) => {
            eprintln!(
                "un2akn: error: {}",
                batch::visible::lines(&error.to_string())
            );
            match error {
                batch::Error::Usage(_) => EXIT_USAGE,
                batch::Error::Failed(_) => EXIT_FAILED,
            }
        }
    }
}
