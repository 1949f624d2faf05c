//! The command line: clap's raw arguments, kept apart from the library and
//! from the resolved configuration.
//!
//! Only the binary uses this module; `batch.rs` turns these arguments into a
//! checked configuration and runs it.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

/// Convert UN resolutions to schema-valid Akoma Ntoso 3.0 XML.
#[derive(Debug, Parser)]
#[command(
    name = "un2akn",
    version,
    about,
    long_about = None,
    after_help = "Examples:\n  \
        un2akn convert examples/A_HRC_RES_49_34.md -o 49-34.akn.xml\n  \
        un2akn convert archive/ -o out/ --report report.jsonl\n  \
        un2akn validate out/\n  \
        un2akn completions bash > ~/.local/share/bash-completion/completions/un2akn\n\n\
        Exit status: 0 everything converted (or valid), 1 some input failed, 2 usage error."
)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Convert resolutions (markdown or text) to Akoma Ntoso XML: one file,
    /// or whole folders in parallel.
    #[command(after_help = "\
One file (or `-`, standard input) is written to standard output or to the file
named by -o, which is replaced. Several inputs, a folder, or an -o naming an
existing folder (or ending in `/`) is a batch: -o names the output folder,
which mirrors the inputs' paths (below each folder argument; just the file name
for a file argument) with .akn.xml (or .json). Existing outputs are kept unless
--force or --update. Hidden files and folders are skipped when walking.

Examples:
  un2akn convert examples/A_HRC_RES_49_34.md -o 49-34.akn.xml
  un2akn convert examples/A_HRC_58_L_draft_Mali.md --symbol A/HRC/58/L.12
  un2akn convert statement.txt --symbol S/PRST/2024/3 --date 2024-03-01
  un2akn convert archive/ -o out/ --metadata catalogue.csv --strict
  cat resolution.md | un2akn convert - --format json
  un2akn convert archive/ -o out/ --report report.jsonl
  un2akn convert archive/ extra/S_RES_242.txt -o out/ --jobs 4 --update
  un2akn convert archive/ -o out/ --glob '*.text' --force -v

Exit status: 0 every input converted (or skipped), 1 some input failed,
2 usage error (including two inputs that would map to the same output, or an
output outside the output folder; then nothing is written).")]
    Convert(ConvertArgs),
    /// Check Akoma Ntoso files against the bundled schema: files, or whole
    /// folders in parallel.
    #[command(after_help = "\
Each valid file is listed on standard output as `FILE validates`; schema errors
go to standard error as `FILE:LINE: message`.

Examples:
  un2akn validate 49-34.akn.xml
  un2akn validate out/ --report validation.jsonl
  un2akn validate out/ --glob '*.akn.xml' --jobs 2 --quiet

Exit status: 0 every file valid, 1 some file invalid or unreadable, 2 usage error.")]
    Validate(ValidateArgs),
    /// Render a review page: the resolution laid out as printed, with what
    /// was recognised marked and every warning at its place.
    #[command(after_help = "\
INPUT is converted first (its warnings are placed in the text); a FILE.akn.xml
is validated against the bundled schema and shown as it is. The page is one
self-contained HTML file (no network, no script).

Examples:
  un2akn render examples/A_HRC_RES_49_34.md -o 49-34.html
  un2akn render out/49-34.akn.xml -o 49-34.html

Exit status: 0 written, 1 the input failed, 2 usage error.")]
    Render(RenderArgs),
    /// Compare two texts of one resolution series paragraph by paragraph.
    #[command(after_help = "\
Each paragraph of both texts is reported once: unchanged, changed (with
word-level insertions and deletions), added, removed or moved; numbers are
ignored, so renumbering changes nothing. Inputs are converted first; AKN files
are validated and read as they are. The text view is coloured on a terminal
unless NO_COLOR is set.

Examples:
  un2akn diff examples/A_HRC_RES_49_34.md examples/A_HRC_58_L_draft_Mali.md
  un2akn diff old.akn.xml new.md --format html -o diff.html
  un2akn diff old.md new.md --format json | jq '.paragraphs[] | select(.status != \"unchanged\")'

Exit status: 0 compared, 1 an input failed, 2 usage error.")]
    Diff(DiffArgs),
    /// Print a shell completion script to standard output.
    #[command(after_help = "\
Examples:
  un2akn completions bash > ~/.local/share/bash-completion/completions/un2akn
  un2akn completions zsh > ~/.zfunc/_un2akn
  un2akn completions fish > ~/.config/fish/completions/un2akn.fish")]
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: Shell,
    },
}

/// `un2akn convert`.
#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// Input files and folders; `-` reads standard input (on its own only).
    #[arg(required = true, value_name = "PATH")]
    pub inputs: Vec<PathBuf>,
    /// Where to write: for one file, the output file (default: standard
    /// output); for a batch, the output folder (required).
    #[arg(short, long, value_name = "OUTPUT")]
    pub output: Option<PathBuf>,
    /// The document symbol, for texts that do not print it (drafts,
    /// presidential statements, decisions), e.g. A/HRC/58/L.12,
    /// S/PRST/2024/3, A/DEC/79/502.
    #[arg(long, value_parser = parse_symbol)]
    pub symbol: Option<String>,
    /// The date of adoption (drafts: of issuance), YYYY-MM-DD, for texts
    /// that do not print it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<chrono::NaiveDate>,
    /// A catalogue of the inputs, for archives: CSV with a header (columns
    /// path or file name, symbol, date; catalogue names such as "Symbol",
    /// "Date" are understood) or JSONL ({"path":…, "symbol":…, "date":…}).
    /// Each input takes the symbol and date of its entry (found by path,
    /// file name or stem) where its text does not print them.
    #[arg(long, value_name = "FILE")]
    pub metadata: Option<PathBuf>,
    /// Fail an input on any warning, for pipelines that stop on doubt.
    #[arg(long)]
    pub strict: bool,
    /// The language of the text, overriding detection: eng, fra, spa, rus,
    /// ara, zho (or en, fr, es, ru, ar, zh).
    #[arg(long, value_name = "CODE", value_parser = parse_language)]
    pub lang: Option<un2akn::lang::Language>,
    /// Output format: Akoma Ntoso XML, or the document model as JSON.
    #[arg(long, value_enum, default_value_t = Format::Akn)]
    pub format: Format,
    /// The FRBR manifestation (conversion) date, YYYY-MM-DD; default: the
    /// document's date of issuance.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub conversion_date: Option<chrono::NaiveDate>,
    /// The input format; default: detected per file (markdown with `#`
    /// headings, `*italics*`, `<sup>` calls; otherwise PDF-extracted text).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub from: Option<From>,
    /// Convert input that is not valid UTF-8, replacing each bad byte
    /// sequence with U+FFFD and a warning, instead of failing.
    #[arg(long)]
    pub lossy: bool,
    /// Which files to take from folders, repeatable. A glob without `/`
    /// matches file names; one with `/` matches the path below the folder
    /// argument. Files named on the command line are always taken.
    #[arg(long = "glob", value_name = "GLOB", default_values_t = [String::from("*.md"), String::from("*.txt")])]
    pub globs: Vec<String>,
    /// Replace existing outputs (batch; a single -o file is always replaced).
    #[arg(long, conflicts_with = "update")]
    pub force: bool,
    /// Replace existing outputs only when they are older than their input.
    #[arg(long)]
    pub update: bool,
    /// Flush every output to the disk before renaming it into place, so that
    /// not even a power failure leaves an empty output (slower: one disk
    /// flush per file). Without it, outputs are still never partial.
    #[arg(long)]
    pub sync: bool,
    /// Also write a review page beside each output (`x.akn.html`) and, for
    /// a batch, `OUTDIR/index.html` listing every input, doubtful ones first.
    #[arg(long)]
    pub html: bool,
    /// Options shared with `validate`.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// `un2akn render`.
#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// A resolution (markdown or text) or an AKN file (`.xml`); `-` reads
    /// standard input.
    #[arg(value_name = "INPUT")]
    pub input: PathBuf,
    /// The page to write (replaced atomically); default: standard output.
    #[arg(short, long, value_name = "PAGE.html")]
    pub output: Option<PathBuf>,
    /// The document symbol, for texts that do not print it (drafts,
    /// presidential statements, decisions).
    #[arg(long, value_parser = parse_symbol)]
    pub symbol: Option<String>,
    /// The date of adoption (drafts: of issuance), for texts that do not
    /// print it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<chrono::NaiveDate>,
    /// Accept input that is not UTF-8 (bad bytes replaced, with a warning).
    #[arg(long)]
    pub lossy: bool,
    /// Which validator checks the XML.
    #[arg(long, value_enum, default_value_t = Validator::Native)]
    pub validator: Validator,
}

/// `un2akn diff`.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The older text (input or AKN file).
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The newer text (input or AKN file).
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// The HTML page's layout.
    #[arg(long, value_enum, default_value_t = Layout::Side)]
    pub layout: Layout,
    /// Where to write (replaced atomically); default: standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The older text's symbol, where it does not print it (a draft).
    #[arg(long, value_name = "SYMBOL", value_parser = parse_symbol)]
    pub old_symbol: Option<String>,
    /// The newer text's symbol, where it does not print it (a draft).
    #[arg(long, value_name = "SYMBOL", value_parser = parse_symbol)]
    pub new_symbol: Option<String>,
    /// The older text's date, where it does not print it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub old_date: Option<chrono::NaiveDate>,
    /// The newer text's date, where it does not print it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub new_date: Option<chrono::NaiveDate>,
    /// Accept input that is not UTF-8 (bad bytes replaced, with a warning).
    #[arg(long)]
    pub lossy: bool,
    /// Which validator checks the XML.
    #[arg(long, value_enum, default_value_t = Validator::Native)]
    pub validator: Validator,
}

/// `diff --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Coloured text for a terminal.
    Text,
    /// JSON: identities and every paragraph with its status and changes.
    Json,
    /// A self-contained HTML page.
    Html,
}

/// `diff --layout`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Layout {
    /// Old and new side by side.
    Side,
    /// Inline track changes.
    Inline,
}

/// `un2akn validate`.
#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// Files and folders to check; `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    pub inputs: Vec<PathBuf>,
    /// Which files to take from folders, repeatable (as for `convert`).
    #[arg(long = "glob", value_name = "GLOB", default_values_t = [String::from("*.xml")])]
    pub globs: Vec<String>,
    /// Options shared with `convert`.
    #[command(flatten)]
    pub common: CommonArgs,
    /// Bounds on the checked documents.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// The validation limits of `validate`: a document beyond one is refused
/// with its position, by every validator. The defaults never refuse what
/// `convert` writes.
#[derive(Debug, clap::Args)]
pub struct LimitArgs {
    /// Refuse documents larger than N bytes [default: 268435456 (256 MiB)].
    #[arg(long, value_name = "N")]
    pub max_bytes: Option<usize>,
    /// Refuse elements nested deeper than N levels [default: 256].
    #[arg(long, value_name = "N")]
    pub max_depth: Option<usize>,
    /// Refuse attribute values longer than N bytes [default: 10000000].
    #[arg(long, value_name = "N")]
    pub max_attribute_bytes: Option<usize>,
    /// Refuse more than N namespace declarations in scope (on an element
    /// and its ancestors) [default: 256].
    #[arg(long, value_name = "N")]
    pub max_namespaces: Option<usize>,
}

impl LimitArgs {
    /// The limits, defaults where no flag is given.
    pub fn resolve(&self) -> un2akn::validate::Limits {
        let default = un2akn::validate::Limits::default();
        un2akn::validate::Limits {
            max_bytes: self.max_bytes.unwrap_or(default.max_bytes),
            max_depth: self.max_depth.unwrap_or(default.max_depth),
            max_attribute_bytes: self
                .max_attribute_bytes
                .unwrap_or(default.max_attribute_bytes),
            max_namespaces: self.max_namespaces.unwrap_or(default.max_namespaces),
            ..default
        }
    }
}

/// `--validator`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Validator {
    /// un2akn's own validator.
    Native,
    /// libxml2's validator.
    Libxml2,
    /// Both; the XML must pass both.
    Both,
}

impl std::convert::From<Validator> for un2akn::validate::Engine {
    fn from(validator: Validator) -> un2akn::validate::Engine {
        match validator {
            Validator::Native => un2akn::validate::Engine::Native,
            Validator::Libxml2 => un2akn::validate::Engine::Libxml2,
            Validator::Both => un2akn::validate::Engine::Both,
        }
    }
}

/// Options of both `convert` and `validate`.
#[derive(Debug, clap::Args)]
pub struct CommonArgs {
    /// Which validator checks the XML against the bundled schema: un2akn's
    /// own (fast), libxml2's (the reference it is tested against), or both.
    /// libxml2 needs a build with the `libxml2` feature.
    #[arg(long, value_enum, default_value_t = Validator::Native)]
    pub validator: Validator,
    /// Worker threads; default: all cores.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
    /// Write one JSON object per input to FILE (`-`: standard output):
    /// path, output, status, warnings, errors, counts (the same bytes on
    /// every run). Never an input or an output.
    #[arg(long, value_name = "FILE.jsonl")]
    pub report: Option<PathBuf>,
    /// The largest input accepted, in bytes, or with a unit: 500K, 64M, 1G
    /// (powers of 1024). A larger input fails without being read whole.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub max_input_size: u64,
    /// Print errors only: no progress bar, no summary, no warnings.
    #[arg(short, long, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print every warning, every skipped file, and the summary.
    #[arg(short, long)]
    pub verbose: bool,
}

/// Input formats for `--from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum From {
    /// Markdown made from the official PDFs.
    Md,
    /// Text extracted from the PDFs (or OCR).
    Text,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Akoma Ntoso 3.0 XML.
    Akn,
    /// The document model (serde) as JSON.
    Json,
}

/// `--symbol`: the library's check, before anything is read.
fn parse_symbol(value: &str) -> Result<String, String> {
    un2akn::check_symbol(value).map(|()| value.to_string())
}

/// `--conversion-date`, `--date`: a calendar date with a four-digit year (0001-9999),
/// which is what the schema's `xs:date` in an FRBR date can carry.
fn parse_date(value: &str) -> Result<chrono::NaiveDate, String> {
    let date = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|e| format!("expected YYYY-MM-DD: {e}"))?;
    un2akn::check_date(date).map(|()| date)
}

/// `--max-input-size`: bytes, or a number with K, M or G (powers of 1024).
fn parse_size(value: &str) -> Result<u64, String> {
    let trimmed = value.trim();
    let (digits, unit) = match trimmed.find(|c: char| !c.is_ascii_digit()) {
        Some(at) => trimmed.split_at(at),
        None => (trimmed, ""),
    };
    let shift = match unit.to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => {
            return Err(format!(
                "unknown unit {unit:?}; use a number of bytes, or K, M or G"
            ))
        }
    };
    let number: u64 = digits
        .parse()
        .map_err(|_| "expected a size such as 64M, 500K or 1000000".to_string())?;
    match number.checked_mul(1 << shift) {
        Some(0) => Err("the size must be at least one byte".into()),
        Some(bytes) => Ok(bytes),
        None => Err("too large".into()),
    }
}

/// The completion script for `shell`.
pub fn completions(shell: Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Args::command(), "un2akn", &mut script);
    script
}

/// `--lang`: a language code or name.
fn parse_language(code: &str) -> Result<un2akn::lang::Language, String> {
    un2akn::lang::Language::from_code(code)
        .ok_or_else(|| format!("unknown language {code:?}: use eng, fra, spa, rus, ara or zho"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Args::command().debug_assert();
    }

    #[test]
    fn sizes_take_units_and_refuse_nonsense() {
        assert_eq!(parse_size("100"), Ok(100));
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("2k"), Ok(2048));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        for bad in ["", "0", "M", "1T", "-1", "99999999999999999999G"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }
}
