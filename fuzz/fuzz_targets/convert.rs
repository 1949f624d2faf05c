//! The whole pipeline on arbitrary bytes: UTF-8 check, forbidden characters,
//! cleaning, grammar, writer and schema validation. Ok means the XML is
//! well-formed (re-read here with quick-xml) and valid (checked inside
//! `convert` by the native validator, and here again by libxml2). An error must be about the input (not UTF-8, binary, empty,
//! …): a malformed-XML or schema error means the writer produced bad XML (or
//! the schema is missing), which is a bug, so it fails the target like a
//! panic does.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quick_xml::events::Event;
use quick_xml::Reader;
use un2akn::ErrorKind;

fuzz_target!(
    init: {
        // Compile the schemas (libxml2's once per process, ~0.3 s) before the
        // first input, so that they do not count against its -timeout.
        let warm_up = "# General Assembly\n\n1. *Decides* x;\n";
        let _ = un2akn::convert(warm_up, &un2akn::Options::default());
        let _ = un2akn::validate::validate_with("<a/>", un2akn::validate::Engine::Libxml2);
    },
    |input: &[u8]| {
        let conversion = match un2akn::convert_bytes(input, &un2akn::Options::default()) {
            Ok(conversion) => conversion,
            Err(error) => match error.kind() {
                ErrorKind::MalformedXml { .. }
                | ErrorKind::SchemaInvalid { .. }
                | ErrorKind::SchemaUnavailable { .. } => {
                    panic!("the converter made bad XML: {error}")
                }
                _ => return,
            },
        };
        // `convert` validated with the native engine; libxml2, the
        // reference, must accept the document too.
        if let Err(error) =
            un2akn::validate::validate_with(&conversion.xml, un2akn::validate::Engine::Libxml2)
        {
            panic!("libxml2 rejects what the native validator accepted: {error}");
        }
        let mut reader = Reader::from_str(&conversion.xml);
        let mut depth = 0usize;
        let mut roots = 0usize;
        loop {
            match reader.read_event() {
                Ok(Event::Start(_)) => {
                    if depth == 0 {
                        roots += 1;
                    }
                    depth += 1;
                }
                Ok(Event::End(_)) => depth -= 1,
                Ok(Event::Text(text)) => {
                    let text = text.decode().expect("text is UTF-8");
                    quick_xml::escape::unescape(&text).expect("text escapes are valid");
                }
                Ok(Event::GeneralRef(reference)) => {
                    let name = reference.decode().expect("reference is UTF-8");
                    assert!(
                        matches!(name.as_ref(), "amp" | "lt" | "gt" | "quot" | "apos")
                            || name.starts_with('#'),
                        "unknown entity &{name};"
                    );
                }
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(error) => panic!(
                    "Ok output is not well-formed XML at {}: {error}",
                    reader.buffer_position()
                ),
            }
        }
        assert_eq!(depth, 0, "unclosed elements");
        assert_eq!(roots, 1, "exactly one root element");
    }
);
