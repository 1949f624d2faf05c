//! Stage 1 alone: format detection and page cleaning of arbitrary text, in
//! both formats, must never panic, and every block and footnote returned has
//! at least one line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use un2akn::clean::{self, Format};

fuzz_target!(|input: &str| {
    // The XML-forbidden character filter runs before cleaning in `convert`.
    let _ = clean::forbidden_characters(input);
    let _ = clean::detect(input);
    for format in [Format::Markdown, Format::Text] {
        let cleaned = clean::clean(input, format);
        for block in &cleaned.blocks {
            assert!(!block.lines.is_empty(), "a block without lines");
        }
        for footnote in &cleaned.footnotes {
            assert!(!footnote.lines.is_empty(), "a footnote without lines");
        }
    }
});
