//! The violations: clear messages naming the element or attribute, 1-based
//! line and column (in characters), the cap, and the `Send + Sync` schema.

use un2akn_xsd::{Limits, Schema, Violation};

use super::{AKOMANTOSO_XSD, IMPORTS};

const AKN: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

fn errors(xml: &str) -> Vec<Violation> {
    super::native().validate(xml).expect_err("invalid")
}

#[test]
fn an_unexpected_element_names_what_was_expected() {
    let skeleton = include_str!("../fixtures/resolution-skeleton.akn.xml");
    let xml =
        skeleton
            .replacen("<FRBRuri", "<FRBRbogus", 1)
            .replacen("</FRBRuri>", "</FRBRbogus>", 1);
    let v = errors(&xml);
    assert!(
        v[0].message
            .starts_with("element 'FRBRbogus': not expected here; expected 'FRBRuri'"),
        "{v:?}"
    );
    let line = skeleton[..skeleton.find("<FRBRuri").unwrap()]
        .lines()
        .count();
    assert_eq!(v[0].line, line);
    assert_eq!(v[0].column, 11);
}

#[test]
fn an_invalid_date_names_the_attribute_and_the_types() {
    let xml = format!("<docDate xmlns=\"{AKN}\" date=\"2022-02-30\">x</docDate>");
    let v = errors(&xml);
    assert_eq!(v.len(), 1);
    assert_eq!(
        v[0].message,
        "attribute 'date' of 'docDate': '2022-02-30' is not a valid xsd:date or xsd:dateTime"
    );
    assert_eq!((v[0].line, v[0].column), (1, 67)); // the attribute name
}

#[test]
fn other_messages() {
    let cases = [
        (format!("<p xmlns=\"{AKN}\" status=\"gone\">x</p>"), "attribute 'status' of 'p': 'gone' is not one of 'removed'"),
        (format!("<p xmlns=\"{AKN}\" eId=\"a b\">x</p>"), "attribute 'eId' of 'p': 'a b' does not match the pattern '[^\\s]+'"),
        (format!("<p xmlns=\"{AKN}\" refersTo=\"#a %zz\">x</p>"), "attribute 'refersTo' of 'p': list item '%zz' is not a valid xsd:anyURI"),
        (format!("<p xmlns=\"{AKN}\" foo=\"1\">x</p>"), "attribute 'foo' is not allowed on 'p'"),
        (format!("<a xmlns=\"{AKN}\">x</a>"), "element 'a': the required attribute 'href' is missing"),
        (format!("<mainBody xmlns=\"{AKN}\">x<p>y</p></mainBody>"), "element 'mainBody': character content is not allowed here (the content is element-only)"),
        (format!("<mainBody xmlns=\"{AKN}\"></mainBody>"), "element 'mainBody': missing child element(s); expected one of"),
        (format!("<br xmlns=\"{AKN}\"> </br>"), "element 'br': character content is not allowed here (the content type is empty)"),
        (format!("<p xmlns=\"{AKN}\">a<b>b</p>"), "not well-formed: end tag '</p>' does not match the start tag '<b>'"),
        (format!("<p xmlns=\"{AKN}\">&nbsp;</p>"), "not well-formed: entity 'nbsp' is not defined"),
        ("<p>x</p>".to_string(), "element 'p' (in no namespace): no matching global declaration for the root element"),
    ];
    for (xml, expected) in cases {
        let v = errors(&xml);
        assert!(v[0].message.starts_with(expected), "{xml}\n{v:?}");
    }
}

#[test]
fn columns_count_characters() {
    let xml = format!("<p xmlns=\"{AKN}\">\n  ééé<bogus/></p>");
    let v = errors(&xml);
    assert_eq!((v[0].line, v[0].column), (2, 6), "{v:?}");
}

#[test]
fn duplicate_ids_are_reported_at_the_second_element() {
    let skeleton = include_str!("../fixtures/resolution-skeleton.akn.xml");
    let twice = skeleton.replace("eId=\"para_2\"", "eId=\"para_1\"");
    let v = errors(&twice);
    assert!(
        v.iter().any(|v| v
            .message
            .contains("duplicate value 'para_1' of 'eId' (identity constraint 'eId-statement')")),
        "{v:?}"
    );
}

#[test]
fn the_list_is_capped() {
    let many: String = (0..500).map(|i| format!("<p foo{i}=\"1\">x</p>")).collect();
    let xml = format!("<mainBody xmlns=\"{AKN}\">{many}</mainBody>");
    let v = errors(&xml);
    assert_eq!(v.len(), Limits::default().max_violations);
}

#[test]
fn one_schema_serves_many_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Schema>();
    let skeleton = include_str!("../fixtures/resolution-skeleton.akn.xml");
    let schema = super::native();
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for _ in 0..20 {
                    assert!(schema.validate(skeleton).is_ok());
                }
            });
        }
    });
}

#[test]
fn the_schema_compiles_quickly_enough_to_redo() {
    let t = std::time::Instant::now();
    let s = Schema::compile(AKOMANTOSO_XSD, IMPORTS).unwrap();
    // Generous bound for unoptimized test builds on a loaded machine.
    assert!(t.elapsed().as_secs_f64() < 2.0);
    assert!(s
        .validate(include_str!("../fixtures/resolution-skeleton.akn.xml"))
        .is_ok());
}

#[test]
fn unsupported_schema_constructs_fail_to_compile() {
    let bad = AKOMANTOSO_XSD.replacen("<xsd:sequence>", "<xsd:all>", 1);
    assert!(Schema::compile(&bad, IMPORTS).is_err());
    let bad = AKOMANTOSO_XSD.replacen(
        "<xsd:selector xpath=\".//*\"/>",
        "<xsd:selector xpath=\"a/b\"/>",
        1,
    );
    let err = Schema::compile(&bad, IMPORTS).unwrap_err();
    assert!(err.to_string().contains("selector"), "{err}");
    assert!(Schema::compile("<not a schema", IMPORTS).is_err());
}
