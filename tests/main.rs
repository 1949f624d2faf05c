//! Integration tests, built as one binary. Where new tests go:
//!
//! - `examples.rs`: the two HRC examples, field by field, and their snapshots;
//! - `corpus.rs`: the 15 real documents of shared/corpus — counts and identity
//!   against tests/fixtures/corpus-expected.json, nothing lost, snapshots;
//! - `diagnostics.rs`: standard error for typical mistakes, under snapshot;
//! - `hostile.rs`: broken and hostile input — one regression test per
//!   category, minimised fuzz crashers (tests/fixtures/hostile/), properties;
//! - `identity.rs`: FRBR identity of every kind of document, references;
//! - `layouts.rs`: the UN's files laid out as PDF text by
//!   tools/pdf_layout.py (tests/fixtures/layouts/), pages and lines broken
//!   where the corpus's texts never break them;
//! - `kinds.rs`: other kinds and eras (tests/fixtures/kinds/) — kind, body,
//!   work number, date and vote per document, `--metadata`, nothing invented;
//! - `schema.rs`: the JSON of `--format json` against its committed JSON Schema;
//! - `semantics.rs`: dates, symbols and citations in the text;
//! - `structure.rs`: divisions, nested points, wrap-ups;
//! - `lossless.rs`: every word of the input is in the output, in order;
//! - `pairs.rs`: agreement with the UN's own AKN files (shared/corpus/pairs);
//! - `properties.rs`: proptest properties of the whole pipeline;
//! - `cli.rs`: the real binary — convert, stdin/stdout, `--symbol`, `--format
//!   json`, `validate`, exit codes;
//! - `batch.rs`: the real binary on whole trees — a 300-file archive with
//!   broken files and `--jobs 1` vs `4`, the JSON Lines report, collisions,
//!   `--force`/`--update`, nothing written outside the output folder,
//!   `validate` on folders, completions and help;
//! - `reliability.rs`: the real binary against a user trying to break it —
//!   inputs never destroyed, no partial or temporary file after `kill -9`,
//!   truthful exit status, bounded input, escaped standard error, `NO_COLOR`;
//! - `validation.rs`: validation as un2akn uses it — every engine of the
//!   build on its outputs (up to 10 MB), the `--max-*` limits of `validate`,
//!   a build without libxml2 (the engines' own tests: crates/un2akn-xsd);
//! - `util.rs`: helpers shared by the others.

mod batch;
mod browser;
mod cli;
mod corpus;
mod diagnostics;
mod diff;
mod examples;
mod hostile;
mod identity;
mod kinds;
mod languages;
mod layouts;
mod lossless;
mod pairs;
mod properties;
mod reliability;
mod schema;
mod semantics;
mod structure;
mod util;
mod validation;
