//! Integration tests, built as one binary. Where new tests go:
//!
//! - `examples.rs`: the two HRC examples, field by field, and their snapshots;
//! - `identity.rs`: FRBR identity of every kind of document, references;
//! - `semantics.rs`: dates, symbols and citations in the text;
//! - `lossless.rs`: every word of the input is in the output, in order;
//! - `properties.rs`: proptest properties of the whole pipeline;
//! - `cli.rs`: the real binary — convert, stdin/stdout, `--symbol`, `--format
//!   json`, `validate`, exit codes;
//! - `util.rs`: helpers shared by the others.

mod cli;
mod examples;
mod identity;
mod lossless;
mod properties;
mod semantics;
mod util;
