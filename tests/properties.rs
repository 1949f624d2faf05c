//! Properties of the whole pipeline on arbitrary text: never a panic; every
//! Ok output is well-formed, schema-valid (checked inside `convert`) and
//! keeps markup-like text intact.

use proptest::prelude::*;

use crate::util::{words, xml_text};

/// Text made of the pieces UN markdown is made of, and markup characters.
fn document_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("# General Assembly\n\n".to_string()),
        Just("Distr.: General  \n8 April 2022\n\n".to_string()),
        Just("### 49/34. Title\n\n".to_string()),
        Just("*The Human Rights Council,*\n\n".to_string()),
        Just("*Recalling* its resolution,<sup>1</sup>\n\n".to_string()),
        Just("1. *Decides* to act;\n\n".to_string()),
        Just("(a) To act;\n\n".to_string()),
        Just("---\n\n".to_string()),
        Just("<sup>1</sup> A/HRC/49/94.\n\n".to_string()),
        Just("\\* On behalf.\n\n".to_string()),
        Just("[Adopted without a vote.]\n\n".to_string()),
        Just("*58th meeting  \n1 April 2022*\n\n".to_string()),
        "[a-zA-Z <>&\"'\\]\\[*_#\\\\()0-9.,;:\n]{0,40}",
        "\\PC{0,20}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn conversion_never_panics_and_ok_means_valid(text in document_like()) {
        if let Ok(conversion) = un2akn::convert(&text, &un2akn::Options::default()) {
            // Re-read with quick-xml: well-formed.
            let _ = xml_text(&conversion.xml);
        }
    }

    #[test]
    fn markup_characters_survive_escaped(
        word in "[a-z]{3,8}",
        markup in prop::sample::select(vec!["<", ">", "&", "]]>", "\"", "'", "<p>", "&amp;"]),
    ) {
        let text = format!("*Recalling* {word} {markup} {word}x,\n\n1. *Decides* {markup}{word};\n");
        // The text gives no number, body or date: the options do.
        let mut options = un2akn::Options::default();
        options.symbol = Some("A/HRC/RES/49/34".into());
        options.date = chrono::NaiveDate::from_ymd_opt(2022, 4, 1);
        let conversion = un2akn::convert(&text, &options).unwrap();
        let parsed = xml_text(&conversion.xml);
        let expected = words(&format!("Recalling {word} {markup} {word}x Decides {markup}{word}"));
        prop_assert!(
            crate::util::subsequence(&expected, &parsed.body).is_ok(),
            "{:?} not in {:?}", expected, parsed.body
        );
        let escaped = markup.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        let expected_xml = format!("{word} {escaped} {word}x");
        prop_assert!(conversion.xml.contains(&expected_xml), "{} not in output", expected_xml);
    }
}
