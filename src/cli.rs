//! The command line: clap's raw arguments, kept apart from the library.
//!
//! Only `main.rs` uses this module; it resolves the flags and calls
//! [`un2akn::convert`] and [`un2akn::validate`].

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Convert UN resolutions to schema-valid Akoma Ntoso 3.0 XML.
#[derive(Debug, Parser)]
#[command(name = "un2akn", version, about, long_about = None)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Convert one resolution (markdown or text) to Akoma Ntoso XML.
    #[command(after_help = "Examples:\n  \
        un2akn convert examples/A_HRC_RES_49_34.md -o 49-34.akn.xml\n  \
        un2akn convert examples/A_HRC_58_L_draft_Mali.md --symbol A/HRC/58/L.12\n  \
        cat resolution.md | un2akn convert - --format json")]
    Convert {
        /// The input file; `-` reads standard input.
        input: PathBuf,
        /// Where to write; default: standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The document symbol, for drafts whose text does not print it
        /// (e.g. A/HRC/58/L.12).
        #[arg(long)]
        symbol: Option<String>,
        /// Output format: Akoma Ntoso XML, or the document model as JSON.
        #[arg(long, value_enum, default_value_t = Format::Akn)]
        format: Format,
        /// The FRBR manifestation (conversion) date, YYYY-MM-DD; default: the
        /// document's date of issuance.
        #[arg(long, value_name = "YYYY-MM-DD")]
        conversion_date: Option<chrono::NaiveDate>,
    },
    /// Check Akoma Ntoso files against the bundled schema.
    #[command(after_help = "Example:\n  un2akn validate out/*.akn.xml")]
    Validate {
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Akoma Ntoso 3.0 XML.
    Akn,
    /// The document model (serde) as JSON.
    Json,
}
