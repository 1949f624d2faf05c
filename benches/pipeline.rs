//! Benchmarks of every stage alone and of whole conversions (criterion).
//!
//! Inputs, all made in memory from `examples/*.md`:
//! - the two examples as they are (16.8 kB and 22.3 kB);
//! - `1MB` and `10MB`: A/HRC/RES/49/34's frame (masthead, preamble, closing
//!   lines) around operative paragraphs made of its own operative
//!   paragraphs, three to a paragraph, numbered 1, 2, 3… (paragraph numbers
//!   stay below 10,000, as the grammar requires); the same recipe for both
//!   sizes, so their ratio shows how time grows with size. They are also
//!   written to `target/bench-inputs/` for timing the binary on them;
//! - `batch`: 1,000 documents, 500 copies of each example.
//!
//! Throughput is in bytes of *input* text for every stage (so the MB/s of
//! the stages and of the whole add up), or in documents for the batch.
//!
//! Run: `cargo bench --bench pipeline` (all), or with a filter, e.g.
//! `cargo bench --bench pipeline -- 'validate/'`. The libxml2 figures need
//! `--features libxml2`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use un2akn::{akn, clean, grammar, validate, Options};

/// The binary's allocator, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const RESOLUTION: &str = include_str!("../examples/A_HRC_RES_49_34.md");
const DRAFT: &str = include_str!("../examples/A_HRC_58_L_draft_Mali.md");

/// Operative paragraphs per generated paragraph.
const JOINED: usize = 3;

/// A resolution of about `target` bytes built from A/HRC/RES/49/34.
fn resolution_of_size(target: usize) -> String {
    let (head, rest) = RESOLUTION
        .split_once("\n1. *")
        .expect("the example has operative paragraph 1");
    let rest = format!("1. *{rest}");
    let (body, tail) = rest
        .rsplit_once("\n*58th meeting")
        .expect("the example ends with its meeting line");
    // Operative paragraphs without their numbers (footnote texts and page
    // furniture between them are left out).
    let texts: Vec<&str> = body
        .split("\n\n")
        .map(str::trim)
        .filter_map(|block| {
            let (number, text) = block.split_once(". ")?;
            number.bytes().all(|b| b.is_ascii_digit()).then_some(text)
        })
        .collect();
    assert!(texts.len() > 30, "{} operative paragraphs", texts.len());
    let mut out = String::with_capacity(target + 16 * 1024);
    out.push_str(head);
    out.push('\n');
    let mut number = 0;
    let mut next = texts.iter().cycle();
    let start = out.len();
    while out.len() - start < target {
        number += 1;
        out.push_str(&format!("\n{number}."));
        for text in next.by_ref().take(JOINED) {
            out.push(' ');
            out.push_str(text);
        }
        out.push('\n');
    }
    assert!(number < 10_000, "{number} paragraphs");
    out.push_str("\n*58th meeting");
    out.push_str(tail);
    out
}

struct Input {
    name: &'static str,
    text: String,
    /// The symbol the text does not print (the draft), as a user supplies it.
    symbol: Option<&'static str>,
}

/// The draft's symbol: a draft does not print it, so the user supplies it.
const DRAFT_SYMBOL: &str = "A/HRC/58/L.12";

/// Conversion options for the draft: its symbol, as the user supplies it.
fn draft_options() -> Options {
    let mut options = Options::default();
    options.symbol = Some(DRAFT_SYMBOL.into());
    options
}

fn inputs() -> Vec<Input> {
    let big = [("1MB", 1_000_000), ("10MB", 10_000_000)].map(|(name, size)| {
        let text = resolution_of_size(size);
        // For timing the binary on the same documents.
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-inputs");
        if std::fs::create_dir_all(&dir).is_ok() {
            let _ = std::fs::write(dir.join(format!("big{name}.md").to_lowercase()), &text);
        }
        Input {
            name,
            text,
            symbol: None,
        }
    });
    let mut all = vec![
        Input {
            name: "A_HRC_RES_49_34",
            text: RESOLUTION.to_string(),
            symbol: None,
        },
        Input {
            name: "A_HRC_58_L_draft_Mali",
            text: DRAFT.to_string(),
            symbol: Some(DRAFT_SYMBOL),
        },
    ];
    all.extend(big);
    all
}

/// Each stage alone, on its own input prepared by the stages before it.
fn stages(c: &mut Criterion) {
    let inputs = inputs();
    #[cfg(feature = "libxml2")]
    let libxml2 = validate::libxml2_schema().expect("the schema compiles");
    let native = validate::native_schema().expect("the schema compiles");
    for input in &inputs {
        let text = input.text.as_str();
        let format = clean::detect(text);
        let cleaned = clean::clean(text, format);
        let parse_options = grammar::ParseOptions {
            symbol: input.symbol.map(String::from),
            ..grammar::ParseOptions::default()
        };
        let parsed = grammar::parse(&cleaned, &parse_options).expect("the input converts");
        // The generated documents must convert cleanly (the draft, as in a
        // batch, warns that it does not print its symbol).
        assert!(
            input.text.len() < 500_000 || parsed.warnings.is_empty(),
            "{}: {:?}",
            input.name,
            parsed.warnings.first()
        );
        // As `convert` calls the writer.
        let write_options = akn::WriteOptions {
            input_len: text.len(),
            ..akn::WriteOptions::default()
        };
        let xml = akn::write(&parsed.document, &write_options);
        #[cfg(feature = "libxml2")]
        libxml2.validate(&xml).expect("the output is valid");
        native.validate(&xml).expect("the output is valid");
        let big = text.len() > 500_000;

        let mut group = c.benchmark_group("stage");
        group.throughput(Throughput::Bytes(text.len() as u64));
        if big {
            group.sample_size(10);
        }
        group.bench_function(BenchmarkId::new("1-clean", input.name), |b| {
            b.iter(|| clean::clean(black_box(text), format));
        });
        group.bench_function(BenchmarkId::new("2-grammar", input.name), |b| {
            b.iter(|| grammar::parse(black_box(&cleaned), &parse_options));
        });
        group.bench_function(BenchmarkId::new("4-write", input.name), |b| {
            b.iter(|| akn::write(black_box(&parsed.document), &write_options));
        });
        group.bench_function(BenchmarkId::new("5-validate-native", input.name), |b| {
            b.iter(|| native.validate(black_box(&xml)));
        });
        #[cfg(feature = "libxml2")]
        group.bench_function(BenchmarkId::new("5-validate-libxml2", input.name), |b| {
            b.iter(|| libxml2.validate(black_box(&xml)));
        });
        group.finish();
    }
}

/// `un2akn::convert`, whole, with and without validation.
fn conversion(c: &mut Criterion) {
    let inputs = inputs();
    // The schema is compiled once per process: not part of any measurement.
    un2akn::convert(RESOLUTION, &Options::default()).expect("converts");
    for input in &inputs {
        let text = input.text.as_str();
        let mut with = Options::default();
        with.symbol = input.symbol.map(String::from);
        let mut without = with.clone();
        without.validate = false;
        let mut group = c.benchmark_group("convert");
        group.throughput(Throughput::Bytes(text.len() as u64));
        if text.len() > 500_000 {
            group.sample_size(10);
        }
        group.bench_function(BenchmarkId::new("validated", input.name), |b| {
            b.iter(|| un2akn::convert(black_box(text), &with).expect("converts"));
        });
        group.bench_function(BenchmarkId::new("unvalidated", input.name), |b| {
            b.iter(|| un2akn::convert(black_box(text), &without).expect("converts"));
        });
        group.finish();
    }
}

/// Converts every document, validation on, on `threads` threads taking the
/// next document in turn (as the binary's batch mode does); the XML bytes.
fn convert_all(documents: &[&str], threads: usize) -> usize {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let resolution = Options::default();
    let draft = draft_options();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut bytes = 0;
                    loop {
                        let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(text) = documents.get(index) else {
                            return bytes;
                        };
                        let options = if *text == DRAFT { &draft } else { &resolution };
                        bytes += un2akn::convert(text, options).expect("converts").xml.len();
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("no panic"))
            .sum()
    })
}

/// 1,000 documents (500 copies of each example), validation on, in one
/// process, on one thread and on two.
fn batch(c: &mut Criterion) {
    let documents: Vec<&str> = (0..500).flat_map(|_| [RESOLUTION, DRAFT]).collect();
    // Compile the schema, and warm every thread's validator, beforehand.
    convert_all(&documents[..4], 2);
    let mut group = c.benchmark_group("batch");
    group
        .throughput(Throughput::Elements(documents.len() as u64))
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    for threads in [1, 2] {
        group.bench_function(BenchmarkId::new("1000-docs-threads", threads), |b| {
            b.iter(|| convert_all(black_box(&documents), threads));
        });
    }
    group.finish();
}

/// The review page and the diff on the two examples, from their XML (the
/// conversion is not counted): `render/page` reads the XML into the view
/// and writes the page; `diff/examples` reads both XMLs, aligns them and
/// serialises the JSON, as `un2akn diff --format json` does after reading.
fn review(c: &mut Criterion) {
    let old = un2akn::convert(RESOLUTION, &Options::default()).expect("converts");
    let new = un2akn::convert(DRAFT, &draft_options()).expect("converts");
    let mut group = c.benchmark_group("review");
    for (name, input, conversion) in [("49-34", RESOLUTION, &old), ("mali", DRAFT, &new)] {
        group.bench_function(BenchmarkId::new("render-page", name), |b| {
            b.iter(|| {
                let doc = un2akn::view::read(black_box(&conversion.xml)).expect("reads");
                let source = un2akn::render::Source {
                    name,
                    input: Some(input),
                    warnings: &conversion.warnings,
                };
                un2akn::render::page(&doc, &source).len()
            });
        });
    }
    group.bench_function("read-view-49-34", |b| {
        b.iter(|| un2akn::view::read(black_box(&old.xml)).expect("reads"));
    });
    let (a, b) = (
        un2akn::view::read(&old.xml).expect("reads"),
        un2akn::view::read(&new.xml).expect("reads"),
    );
    group.bench_function("align-examples", |bench| {
        bench.iter(|| un2akn::diff::diff(black_box(&a), black_box(&b)));
    });
    group.bench_function("diff-examples-json", |b| {
        b.iter(|| {
            let a = un2akn::view::read(black_box(&old.xml)).expect("reads");
            let b = un2akn::view::read(black_box(&new.xml)).expect("reads");
            serde_json::to_string(&un2akn::diff::diff(&a, &b))
                .expect("serialises")
                .len()
        });
    });
    group.bench_function("diff-examples-html", |b| {
        b.iter(|| {
            let a = un2akn::view::read(black_box(&old.xml)).expect("reads");
            let b = un2akn::view::read(black_box(&new.xml)).expect("reads");
            let diff = un2akn::diff::diff(&a, &b);
            un2akn::diff::html::page(&diff, un2akn::diff::html::Layout::SideBySide).len()
        });
    });
    group.finish();
}

/// Compiling the bundled schema natively, as every process does once.
/// (libxml2's compile is done once per process and not repeatable here; the
/// README gives its cost, 2.2 billion instructions.)
fn schema(c: &mut Criterion) {
    c.bench_function("schema/compile-native", |b| {
        b.iter(|| {
            un2akn_xsd::Schema::compile(black_box(validate::AKOMANTOSO_XSD), validate::IMPORTS)
        });
    });
}

criterion_group!(benches, schema, stages, conversion, batch, review);
criterion_main!(benches);
