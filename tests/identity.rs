//! FRBR identity for every kind of document (spec §2): HRC, GA, SC, ECOSOC
//! and UNEA; adopted, draft, decision and amendment. Every reference of every
//! produced document resolves, and eIds are unique and stable.

use un2akn::model::{DocumentKind, Vote};

use crate::util;

const BODY: &str = "*The General Assembly,*\n\n*Recalling* its resolution 79/1 of 22 September 2024,\n\n1. *Decides* to act;\n\n2. *Requests* the Secretary-General to report.\n";

#[test]
fn general_assembly_resolution() {
    let text = format!(
        "# General Assembly\n\nDistr.: General  \n22 September 2025\n\n### Eightieth session\n\nAgenda item 8\n\n## Resolution adopted by the General Assembly on 19 September 2025\n\n### 80/1. Title\n\n{BODY}\n*3rd plenary meeting  \n19 September 2025*\n"
    );
    let conversion = util::convert_text(&text);
    let xml = &conversion.xml;
    assert!(
        xml.contains(r#"<FRBRuri value="/akn/un/statement/deliberation/unga/2025-09-19/80-1"/>"#)
    );
    assert!(xml.contains(r##"<docNumber refersTo="#symbol">A/RES/80/1</docNumber>"##));
    assert!(xml.contains(
        r#"<TLCEvent eId="meeting_1" href="/akn/ontology/event/un/unga/80/3rd-plenary-meeting""#
    ));
    assert!(xml.contains(r#"<ref href="/akn/un/statement/deliberation/unga/2024-09-22/79-1">its resolution 79/1 of <date date="2024-09-22">22 September 2024</date></ref>"#));
    // The General Assembly's texts do not state the vote: none is guessed.
    assert!(!xml.contains("<voting"));
    util::check_references(xml);
}

#[test]
fn security_council_resolutions_old_and_new() {
    let old = "Resolution 678 (1990)\nof 29 November 1990\n\nThe Security Council,\n\nRecalling its resolution 660 (1990) of 2 August 1990,\n\n1. Demands that Iraq comply;\n\nAdopted at the 2963rd meeting by 12 votes to 2 (Cuba and Yemen), with 1 abstention (China).\n";
    let conversion = util::convert_text(old);
    let xml = &conversion.xml;
    assert!(xml
        .contains(r#"<FRBRuri value="/akn/un/statement/deliberation/unsc/1990-11-29/678-1990"/>"#));
    assert!(xml.contains(r#"<FRBRnumber value="678-1990" showAs="678 (1990)"/>"#));
    assert!(
        xml.contains(r##"<docNumber refersTo="#symbol">S/RES/678 (1990)</docNumber>"##)
            || conversion.document.identity.symbol.as_deref() == Some("S/RES/678 (1990)")
    );
    assert_eq!(
        conversion.document.vote,
        Some(Vote::Recorded {
            in_favour: 12,
            against: 2,
            abstaining: 1
        })
    );
    for state in ["cuba", "yemen", "china"] {
        assert!(
            xml.contains(&format!(r#"<TLCOrganization eId="{state}""#)),
            "{state}"
        );
        assert!(
            xml.contains(&format!(r##"<organization refersTo="#{state}">"##)),
            "{state}"
        );
    }
    assert!(xml.contains(r##"<event refersTo="#meeting_1">2963rd meeting</event>"##));
    assert!(xml.contains(r##"<ref href="/akn/un/statement/deliberation/unsc/1990-08-02/660-1990">its resolution 660 (1990) of <date date="1990-08-02">2 August 1990</date></ref>"##));
    util::check_references(xml);

    let new = "Resolution 1445 (2002)\n\nAdopted by the Security Council at its 4653rd meeting, on 4 December 2002\n\nThe Security Council,\n\nRecalling its previous resolutions,\n\n1. Decides to remain seized of the matter.\n";
    let conversion = util::convert_text(new);
    let xml = &conversion.xml;
    assert!(xml.contains(
        r#"<FRBRuri value="/akn/un/statement/deliberation/unsc/2002-12-04/1445-2002"/>"#
    ));
    assert!(xml.contains(r##"<docType>Adopted by the Security Council at its <event refersTo="#meeting_1">4653rd meeting</event>, on <docDate date="2002-12-04" refersTo="#dateOfAdoption">4 December 2002</docDate></docType>"##));
    util::check_references(xml);

    let unanimous = "Resolution 242 (1967)\nof 22 November 1967\n\nThe Security Council,\n\nEmphasizing the inadmissibility,\n\n1. Affirms that peace is needed;\n\nAdopted unanimously at the 1382nd meeting.";
    let conversion = util::convert_text(unanimous);
    assert_eq!(conversion.document.vote, Some(Vote::Unanimous));
    assert!(conversion
        .xml
        .contains(r##"outcome="#adoptedUnanimously""##));
    assert!(conversion
        .xml
        .contains(r##"<event refersTo="#meeting_1">1382nd meeting</event>"##));
    util::check_references(&conversion.xml);
}

#[test]
fn economic_and_social_council_and_environment_assembly() {
    let ecosoc = format!("## Resolution adopted by the Economic and Social Council on 25 July 2023\n\n### 2023/17. Title\n\n{}", BODY.replace("General Assembly", "Economic and Social Council").replace("its resolution 79/1 of 22 September 2024", "its resolution 2022/5 of 1 June 2022"));
    let conversion = util::convert_text(&ecosoc);
    assert!(conversion.xml.contains(
        r#"<FRBRuri value="/akn/un/statement/deliberation/unecosoc/2023-07-25/2023-17"/>"#
    ));
    assert_eq!(
        conversion.document.identity.symbol.as_deref(),
        Some("E/RES/2023/17")
    );
    assert!(conversion
        .xml
        .contains(r#"<ref href="/akn/un/statement/deliberation/unecosoc/2022-06-01/2022-5">"#));
    util::check_references(&conversion.xml);

    let unea = format!("## Resolution adopted by the United Nations Environment Assembly on 1 March 2024\n\n### 6/5. Title\n\n{}", BODY.replace("General Assembly", "United Nations Environment Assembly"));
    let conversion = util::convert_text(&unea);
    assert!(conversion
        .xml
        .contains(r#"<FRBRuri value="/akn/un/statement/deliberation/unea/2024-03-01/6-5"/>"#));
    assert_eq!(
        conversion.document.identity.symbol.as_deref(),
        Some("UNEP/EA.6/Res.5")
    );
    util::check_references(&conversion.xml);
}

#[test]
fn decisions_drafts_and_amendments() {
    let decision = format!("## Decision adopted by the Human Rights Council on 8 April 2022\n\n### 49/101. Outcome of the review\n\n{}", BODY.replace("General Assembly", "Human Rights Council"));
    let conversion = util::convert_text(&decision);
    assert_eq!(conversion.document.kind, DocumentKind::Decision);
    assert!(conversion.xml.contains(r#"<statement name="decision""#));
    assert!(conversion
        .xml
        .contains(r#"<FRBRuri value="/akn/un/statement/deliberation/unhrc/2022-04-08/49-101"/>"#));
    assert_eq!(
        conversion.document.identity.symbol.as_deref(),
        Some("A/HRC/DEC/49/101")
    );
    util::check_references(&conversion.xml);

    let draft_decision = format!("# General Assembly\n\nA/C.3/80/L.50\n\nDistr.: Limited  \n3 November 2025\n\n### Eightieth session\n\n#### Mexico: draft decision\n\n{BODY}");
    let conversion = util::convert_text(&draft_decision);
    assert_eq!(conversion.document.kind, DocumentKind::DecisionDraft);
    assert!(conversion
        .xml
        .contains(r#"<statement name="decisionDraft""#));
    assert!(conversion.xml.contains(
        r#"<FRBRuri value="/akn/un/statement/deliberation/unga/2025-11-03/A-C.3-80-L.50"/>"#
    ));
    assert!(conversion
        .xml
        .contains(r#"<FRBRdate date="2025-11-03" name="issuance"/>"#));
    util::check_references(&conversion.xml);

    let amendment = "# General Assembly\n\nA/80/L.19\n\nDistr.: Limited  \n26 November 2025\n\n### Eightieth session\n\n#### Russian Federation:\\* amendment to draft resolution A/80/L.18\n\n\\* On behalf of itself.\n";
    let conversion = util::convert_text(amendment);
    assert_eq!(conversion.document.kind, DocumentKind::Amendment);
    assert!(conversion.xml.contains(r#"<statement name="amendment""#));
    assert!(conversion.xml.contains(
        r#"<FRBRuri value="/akn/un/statement/deliberation/unga/2025-11-26/A-80-L.19"/>"#
    ));
    assert!(conversion.xml.contains(
        r##"<docProponent refersTo="#russianFederation">Russian Federation</docProponent>"##
    ));
    assert!(conversion.xml.contains(r#"<docStage>amendment to draft resolution <ref href="https://undocs.org/A/80/L.18">A/80/L.18</ref></docStage>"#));
    util::check_references(&conversion.xml);
}

#[test]
fn every_produced_document_has_resolving_references() {
    let mut checked = 0;
    for path in util::corpus_documents() {
        let text = util::corpus_text(&path);
        let conversion = un2akn::convert(&text, &un2akn::Options::default())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        util::check_references(&conversion.xml);
        checked += 1;
    }
    util::check_references(&util::convert("A_HRC_RES_49_34.md", &un2akn::Options::default()).xml);
    util::check_references(&util::convert("A_HRC_58_L_draft_Mali.md", &util::draft_options()).xml);
    eprintln!("checked {checked} corpus documents");
}

#[test]
fn eids_are_stable_when_unrelated_text_changes() {
    let eids = |xml: &str| -> Vec<String> {
        xml.match_indices(" eId=\"")
            .map(|(at, _)| {
                let rest = &xml[at + 6..];
                rest[..rest.find('"').unwrap()].to_string()
            })
            .collect()
    };
    let original = util::read_example("A_HRC_RES_49_34.md");
    let edited = original
        .replace(
            "violent extremism and intercommunal violence",
            "violent extremism, banditry and intercommunal violence",
        )
        .replace(
            "to remain seized of this matter",
            "to remain actively seized of the matter",
        );
    assert_ne!(original, edited);
    let before = util::convert_text(&original).xml;
    let after = util::convert_text(&edited).xml;
    assert_eq!(eids(&before), eids(&after));
}

/// `Options::date` dates a resolution whose text prints no date; a printed
/// date wins with a warning; `Options::lang` sets the expression language.
#[test]
// `Options` is to be `#[non_exhaustive]`: built from its default, field by field.
#[allow(clippy::field_reassign_with_default)]
fn given_date_and_language() {
    let undated =
        format!("## Resolution adopted by the General Assembly\n\n### 80/999. Title\n\n{BODY}");
    let mut options = un2akn::Options::default();
    // Without a date the text does not print, nothing is invented.
    let error = un2akn::convert(&undated, &options).unwrap_err();
    assert!(
        matches!(error.kind(), un2akn::ErrorKind::MissingIdentity { option, .. } if option.contains("--date")),
        "{error}"
    );
    options.date = chrono::NaiveDate::from_ymd_opt(2025, 12, 15);
    let dated = un2akn::convert(&undated, &options).unwrap();
    assert_eq!(dated.document.identity.adoption_date, options.date);
    assert!(dated
        .xml
        .contains(r#"<FRBRuri value="/akn/un/statement/deliberation/unga/2025-12-15/80-999"/>"#));
    assert!(!dated
        .warnings
        .iter()
        .any(|w| w.message.contains("no date of issuance")));

    let printed = format!("## Resolution adopted by the General Assembly on 19 September 2025\n\n### 80/1. Title\n\n{BODY}");
    let kept = un2akn::convert(&printed, &options).unwrap();
    assert_eq!(
        kept.document.identity.adoption_date,
        chrono::NaiveDate::from_ymd_opt(2025, 9, 19)
    );
    assert!(kept.warnings.iter().any(|w| {
        w.message
            == "the text is dated 2025-09-19 but --date/metadata says 2025-12-15; the text's date is kept"
    }));

    let mut options = un2akn::Options::default();
    options.lang = Some("fra".into());
    let french = un2akn::convert(&printed, &options).unwrap();
    assert_eq!(french.document.identity.language, "fra");
    assert!(french.xml.contains(r#"<FRBRlanguage language="fra"/>"#));
    assert!(french.xml.contains("/80-1/fra@"));
    // ISO 639-1 codes and English names name the same language.
    for code in ["fr", "French"] {
        options.lang = Some(code.into());
        let same = un2akn::convert(&printed, &options).unwrap();
        assert_eq!(same.xml, french.xml, "{code}");
    }
    options.lang = Some("klingon".into());
    let error = un2akn::convert(&printed, &options).unwrap_err();
    assert_eq!(
        error.kind(),
        &un2akn::ErrorKind::UnknownLanguage {
            code: "klingon".into()
        }
    );
}
