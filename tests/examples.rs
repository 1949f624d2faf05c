//! The two Human Rights Council examples, field by field (spec §2–§8), and
//! their snapshots (XML and JSON model) in `snapshots/`.

use un2akn::model::{Body, DocumentKind, Inline, Vote};

use crate::util;

const ADOPTED: &str = "A_HRC_RES_49_34.md";
const DRAFT: &str = "A_HRC_58_L_draft_Mali.md";

fn count(xml: &str, needle: &str) -> usize {
    xml.matches(needle).count()
}

#[test]
fn adopted_resolution_identity() {
    let conversion = util::convert(ADOPTED, &un2akn::Options::default());
    let xml = &conversion.xml;
    let identity = &conversion.document.identity;
    assert_eq!(conversion.document.kind, DocumentKind::Resolution);
    assert_eq!(identity.body, Body::HumanRightsCouncil);
    assert_eq!(identity.symbol.as_deref(), Some("A/HRC/RES/49/34"));
    assert!(xml.contains(r#"<statement name="resolution" contains="originalVersion">"#));
    assert!(
        xml.contains(r#"<FRBRuri value="/akn/un/statement/deliberation/unhrc/2022-04-01/49-34"/>"#)
    );
    assert!(xml.contains(
        r#"<FRBRthis value="/akn/un/statement/deliberation/unhrc/2022-04-01/49-34/!main"/>"#
    ));
    assert!(xml.contains(r#"<FRBRdate date="2022-04-01" name="adoption"/>"#));
    assert!(xml.contains(r#"<FRBRdate date="2022-04-08" name="publication"/>"#));
    assert!(xml.contains(r#"<FRBRnumber value="49-34" showAs="49/34"/>"#));
    assert!(xml.contains(
        r#"<FRBRthis value="/akn/un/statement/deliberation/unhrc/2022-04-01/49-34/eng@/!main.xml"/>"#
    ));
    assert!(xml.contains(r##"<FRBRauthor href="#unhrc" as="#author"/>"##));
}

#[test]
fn adopted_resolution_cover_page_and_preface() {
    let xml = util::convert(ADOPTED, &un2akn::Options::default()).xml;
    let cover = &xml[xml.find("<coverPage>").unwrap()..xml.find("</coverPage>").unwrap()];
    assert_eq!(count(cover, "<docAuthority "), 2);
    assert!(cover.contains(r##"<docAuthority refersTo="#unga">General Assembly</docAuthority>"##));
    assert!(
        cover.contains(r##"<docAuthority refersTo="#unhrc">Human Rights Council</docAuthority>"##)
    );
    assert!(cover.contains(r##"<docNumber refersTo="#symbol">A/HRC/RES/49/34</docNumber>"##));
    assert!(cover.contains("<docStatus>Distr.: General</docStatus>"));
    assert!(cover.contains(
        r##"<docDate date="2022-04-08" refersTo="#dateOfIssuance">8 April 2022</docDate>"##
    ));
    assert!(cover.contains(r#"<inline name="languageOfExpression">English</inline>"#));
    assert!(cover.contains(r#"Original: <inline name="originalLanguage">French</inline>"#));
    assert!(cover.contains(r#"<session value="49">Forty-ninth session</session>"#));
    assert!(cover.contains(r#"<inline name="sessionDates">28 February–1 April 2022</inline>"#));
    assert!(cover.contains(r#"<inline name="agendaItem" title="10">Agenda item 10</inline>"#));
    assert!(cover.contains(
        r#"<inline name="agendaItemTitle">Technical assistance and capacity-building</inline>"#
    ));
    assert!(cover.contains(
        r##"<docType>Resolution adopted by the Human Rights Council on <docDate date="2022-04-01" refersTo="#dateOfAdoption">1 April 2022</docDate></docType>"##
    ));
    assert!(xml.contains(
        "<preface>\n      <p><docNumber>49/34.</docNumber> <docTitle>Technical assistance and capacity-building for Mali in the field of human rights</docTitle></p>"
    ));
}

#[test]
fn adopted_resolution_preamble_body_and_footnotes() {
    let conversion = util::convert(ADOPTED, &un2akn::Options::default());
    let document = &conversion.document;
    let xml = &conversion.xml;
    assert!(xml.contains(
        "<formula eId=\"formula_1\" name=\"enactingFormula\">\n        <p><i>The Human Rights Council,</i></p>"
    ));
    assert_eq!(document.parts.preamble.containers.len(), 24);
    assert_eq!(count(xml, "<container "), 24);
    assert!(xml.contains(r#"<container eId="container_24" name="welcoming">"#));
    assert!(xml.contains(r#"<container eId="container_1" name="guidedBy">"#));
    assert!(xml.contains(
        "<p><i>Guided by</i> the purposes and principles of the Charter of the United Nations,</p>"
    ));
    // The paragraph split across the first page break is one container.
    assert!(xml.contains("for a rapid return to constitutional order, in particular"));
    assert_eq!(document.parts.paragraphs().count(), 36);
    assert_eq!(count(xml, "<paragraph "), 36);
    for (index, paragraph) in document.parts.paragraphs().enumerate() {
        assert_eq!(
            paragraph.num.as_deref(),
            Some(format!("{}.", index + 1).as_str())
        );
        assert!(matches!(paragraph.content.first(), Some(Inline::Italic(_))));
    }
    // Paragraphs split by footnote texts or page ends are whole.
    assert!(xml
        .contains("Stabilization Mission in Mali and the international community, to strengthen"));
    assert!(xml.contains("violations of international humanitarian law before impartial"));

    assert_eq!(document.footnotes.len(), 4);
    for (marker, at, text) in [
        (
            "1",
            "container_8",
            r#"<ref href="https://undocs.org/A/HRC/49/94">A/HRC/49/94</ref>."#,
        ),
        (
            "2",
            "container_22",
            r#"<ref href="https://undocs.org/S/2021/1117">S/2021/1117</ref>."#,
        ),
        (
            "3",
            "container_23",
            r#"<ref href="https://undocs.org/S/AC.51/2020/11">S/AC.51/2020/11</ref>."#,
        ),
        (
            "4",
            "para_19",
            r#"<ref href="https://undocs.org/S/2020/1332">S/2020/1332</ref>, annex."#,
        ),
    ] {
        let note = format!(
            r#"<authorialNote eId="{at}__authorialNote_1" marker="{marker}" placement="bottom"><p>{text}</p></authorialNote>"#
        );
        assert!(xml.contains(&note), "missing {note}");
    }
    assert!(xml.contains(
        "situation of human rights in Mali,<authorialNote eId=\"container_8__authorialNote_1\""
    ));
}

#[test]
fn adopted_resolution_conclusions_and_vote() {
    let conversion = util::convert(ADOPTED, &un2akn::Options::default());
    let xml = &conversion.xml;
    assert_eq!(conversion.document.vote, Some(Vote::WithoutVote));
    assert!(xml.contains(
        r##"<conclusions>
      <p><i><event refersTo="#meeting_1">58th meeting</event><eol/><docDate date="2022-04-01" refersTo="#dateOfAdoption">1 April 2022</docDate></i></p>
      <p>[<inline name="adoptionType" refersTo="#adoptedWithoutVote">Adopted without a vote.</inline>]</p>
    </conclusions>"##
    ));
    assert!(xml.contains(
        r##"<voting eId="vote_1" outcome="#adoptedWithoutVote" href="#meeting_1">
            <quorum eId="vote_1__quorum" value=""/>"##
    ));
    assert!(xml.contains(
        r#"<TLCEvent eId="meeting_1" href="/akn/ontology/event/un/unhrc/49/58th-meeting" showAs="58th meeting"/>"#
    ));
    assert!(xml.contains(r#"<TLCConcept eId="adoptedWithoutVote""#));
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
}

#[test]
fn draft_resolution_fields() {
    // The draft does not print its symbol: the tests give it, as a user must.
    let conversion = util::convert(DRAFT, &util::draft_options());
    let document = &conversion.document;
    let xml = &conversion.xml;
    assert_eq!(document.kind, DocumentKind::ResolutionDraft);
    assert!(xml.contains(r#"<statement name="resolutionDraft" contains="originalVersion">"#));
    assert!(xml.contains(
        r#"<FRBRuri value="/akn/un/statement/deliberation/unhrc/2025-03-25/A-HRC-58-L.12"/>"#
    ));
    assert!(xml.contains("<docStatus>Distr.: Limited</docStatus>"));
    assert!(xml.contains(
        r##"<docDate date="2025-03-25" refersTo="#dateOfIssuance">25 March 2025</docDate>"##
    ));
    assert!(xml.contains(r#"<session value="58">Fifty-eighth session</session>"#));
    assert!(xml.contains(
        r##"<p><docProponent refersTo="#ghana">Ghana</docProponent>:<authorialNote eId="coverPage__authorialNote_1" marker="*" placement="bottom"><p>On behalf of the States Members of the United Nations that are members of the Group of African States.</p></authorialNote> <docStage>draft resolution</docStage></p>"##
    ));
    assert!(xml.contains(
        r#"<TLCOrganization eId="ghana" href="/akn/ontology/organization/un/memberState/ghana" showAs="Ghana"/>"#
    ));
    assert!(xml.contains("<docNumber>58/...</docNumber>"));
    assert!(!xml.contains("<conclusions>"));
    assert!(!xml.contains("<voting"));

    assert!(document.parts.preamble.formula.is_some());
    assert_eq!(document.parts.preamble.containers.len(), 23);
    assert_eq!(document.parts.paragraphs().count(), 31);
    // Paragraphs 1 and 11 are split by page breaks and footnote texts.
    assert!(xml.contains("in particular the recruitment and use of children"));
    assert!(xml.contains("in violation of international law, to put a stop"));
    assert_eq!(document.footnotes.len(), 3);
    let markers: Vec<_> = document
        .footnotes
        .iter()
        .map(|f| f.marker.as_str())
        .collect();
    assert_eq!(markers, ["*", "1", "2"]);
    assert_eq!(count(xml, "<authorialNote "), 3);

    assert_eq!(document.identity.work_number, "A-HRC-58-L.12");
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
}

#[test]
fn draft_without_its_symbol_fails_naming_the_ways_to_give_it() {
    // Nothing is invented: no "{session}-draft" work number.
    let error = un2akn::convert(&util::read_example(DRAFT), &un2akn::Options::default())
        .expect_err("a draft without its symbol fails");
    assert!(matches!(
        error.kind(),
        un2akn::ErrorKind::MissingIdentity { .. }
    ));
    let message = error.to_string();
    for way in ["--symbol", "--metadata"] {
        assert!(message.contains(way), "{message}");
    }
    assert_eq!(error.position().map(|p| p.line), Some(26));
}

#[test]
fn draft_resolution_with_symbol() {
    let mut options = un2akn::Options::default();
    options.symbol = Some("A/HRC/58/L.12".into());
    let conversion = util::convert(DRAFT, &options);
    let xml = &conversion.xml;
    assert!(xml.contains(
        r#"<FRBRuri value="/akn/un/statement/deliberation/unhrc/2025-03-25/A-HRC-58-L.12"/>"#
    ));
    assert!(xml.contains(r#"<FRBRnumber value="A-HRC-58-L.12" showAs="A/HRC/58/L.12"/>"#));
    assert!(xml.contains(r##"<docNumber refersTo="#symbol">A/HRC/58/L.12</docNumber>"##));
    assert!(conversion.warnings.is_empty());
}

#[test]
fn every_output_validates_and_every_reference_resolves() {
    for (name, symbol) in [(ADOPTED, None), (DRAFT, Some("A/HRC/58/L.12"))] {
        let mut options = un2akn::Options::default();
        options.symbol = symbol.map(str::to_string);
        let xml = util::convert(name, &options).xml;
        un2akn::validate::validate(&xml).unwrap();
        assert!(util::check_references(&xml) > 5, "{name}");
    }
}

#[test]
fn snapshots_of_both_examples() {
    util::snapshot_settings().bind(|| {
        insta::glob!("../examples", "*.md", |path| {
            let input = std::fs::read_to_string(path).unwrap();
            // The draft does not print its symbol: given as a user must.
            let options = if path.ends_with(DRAFT) {
                util::draft_options()
            } else {
                un2akn::Options::default()
            };
            let conversion = un2akn::convert(&input, &options).unwrap();
            insta::assert_snapshot!("xml", conversion.xml);
            insta::assert_json_snapshot!("json", conversion.document);
        });
    });
}

#[test]
fn conversion_is_deterministic() {
    let first = util::convert(ADOPTED, &un2akn::Options::default()).xml;
    let second = std::thread::spawn(|| util::convert(ADOPTED, &un2akn::Options::default()).xml)
        .join()
        .unwrap();
    assert_eq!(first, second);
}
