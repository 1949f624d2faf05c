//! Stages 1 and 2: cleaning (in the detected format, then in the other one)
//! and the grammar. Arbitrary text gives a document or a typed error, never a
//! panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use un2akn::clean::{self, Format};
use un2akn::grammar::{self, ParseOptions};

fuzz_target!(|input: &str| {
    let detected = clean::detect(input);
    let other = match detected {
        Format::Markdown => Format::Text,
        Format::Text => Format::Markdown,
    };
    for format in [detected, other] {
        let cleaned = clean::clean(input, format);
        let _ = grammar::parse(&cleaned, &ParseOptions::default());
    }
});
