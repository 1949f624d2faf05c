//! Hostile documents against the limits: the time to refuse (or accept)
//! them must grow linearly with their size. `cargo bench -p un2akn-xsd
//! --bench limits` (add `--features libxml2` for the libxml2 engine).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use un2akn_xsd::{Limits, Schema};

const AKN: &str = include_str!("../tests/fixtures/schemas/akomantoso30.xsd");
const XML: &str = include_str!("../tests/fixtures/schemas/xml.xsd");

/// One element with `n` namespace declarations.
fn namespaces(n: usize) -> String {
    let mut xml =
        String::from("<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"");
    for i in 0..n {
        xml.push_str(&format!(" xmlns:p{i}=\"urn:x:{i}\""));
    }
    xml.push_str("/>");
    xml
}

/// `n` nested inline elements.
fn nested(n: usize) -> String {
    let head = "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><doc name=\"x\"><meta><identification source=\"#a\"/></meta><mainBody><p>";
    let mut xml = String::from(head);
    xml.push_str(&"<i>".repeat(n));
    xml.push_str(&"</i>".repeat(n));
    xml.push_str("</p></mainBody></doc></akomaNtoso>");
    xml
}

fn limits(c: &mut Criterion) {
    let schema = Schema::compile(AKN, &[("./xml.xsd", XML)]).expect("compiles");
    let unlimited = Limits::none();
    let mut group = c.benchmark_group("limits");
    group.sample_size(10);
    for n in [30_000, 300_000] {
        let xml = namespaces(n);
        group.bench_with_input(
            BenchmarkId::new("namespaces-unlimited", n),
            &xml,
            |b, xml| b.iter(|| schema.validate_with(black_box(xml), &unlimited)),
        );
        group.bench_with_input(BenchmarkId::new("namespaces-check", n), &xml, |b, xml| {
            b.iter(|| Limits::default().check(black_box(xml)))
        });
        let xml = nested(n / 3);
        group.bench_with_input(BenchmarkId::new("nested-native", n / 3), &xml, |b, xml| {
            b.iter(|| schema.validate(black_box(xml)))
        });
    }
    #[cfg(feature = "libxml2")]
    {
        let reference =
            un2akn_xsd::libxml2::Schema::compile(AKN, &[("./xml.xsd", XML)]).expect("compiles");
        for n in [10_000, 100_000] {
            let xml = nested(n);
            group.bench_with_input(BenchmarkId::new("nested-libxml2", n), &xml, |b, xml| {
                b.iter(|| reference.validate(black_box(xml)))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, limits);
criterion_main!(benches);
