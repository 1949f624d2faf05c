//! Other kinds of UN text and other eras (issue 14): Security Council
//! resolutions of the Official Records, presidential statements, GA decision
//! records, HRC, ECOSOC and UNEA resolutions. Per document: kind, body, work
//! number, adoption date and vote, as the text (or, for texts that do not
//! print their symbol, the catalogue `tests/fixtures/kinds/catalogue.csv`)
//! states them; nothing invented.

use std::path::{Path, PathBuf};

use un2akn::model::{Body, DocumentKind, Vote};

use crate::util;

fn fixtures() -> PathBuf {
    util::root().join("tests/fixtures/kinds")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixtures().join(name)).expect("fixture exists")
}

/// The symbol the catalogue gives an input, if any.
fn catalogued(name: &str) -> Option<String> {
    let metadata =
        un2akn::metadata::Metadata::read(&fixtures().join("catalogue.csv")).expect("catalogue");
    metadata
        .get(Path::new(name))
        .and_then(|entry| entry.symbol.clone())
}

/// The FRBR actor of a body (spec §2).
fn actor(body: Body) -> &'static str {
    match body {
        Body::GeneralAssembly => "unga",
        Body::SecurityCouncil => "unsc",
        Body::HumanRightsCouncil => "unhrc",
        Body::EconomicAndSocialCouncil => "unecosoc",
        Body::EnvironmentAssembly => "unea",
    }
}

/// The `statement/@name` of a kind (spec §2).
fn kind_name(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Resolution => "resolution",
        DocumentKind::ResolutionDraft => "resolutionDraft",
        DocumentKind::Decision => "decision",
        DocumentKind::DecisionDraft => "decisionDraft",
        DocumentKind::Amendment => "amendment",
        DocumentKind::PresidentialStatement => "presidentialStatement",
    }
}

fn recorded(in_favour: u32, against: u32, abstaining: u32) -> Option<Vote> {
    Some(Vote::Recorded {
        in_favour,
        against,
        abstaining,
    })
}

type Expected = (
    &'static str,
    DocumentKind,
    Body,
    &'static str,
    &'static str,
    Option<Vote>,
);

fn expected() -> Vec<Expected> {
    use Body::*;
    use DocumentKind::*;
    vec![
        (
            "S_RES_10(1946).txt",
            Resolution,
            SecurityCouncil,
            "10-1946",
            "1946-11-04",
            Some(Vote::Unanimous),
        ),
        (
            "S_RES_51(1948).txt",
            Resolution,
            SecurityCouncil,
            "51-1948",
            "1948-06-03",
            recorded(8, 0, 3),
        ),
        (
            "S_RES_75(1949).txt",
            Resolution,
            SecurityCouncil,
            "75-1949",
            "1949-09-27",
            recorded(7, 1, 3),
        ),
        (
            "S_RES_110(1955).txt",
            Resolution,
            SecurityCouncil,
            "110-1955",
            "1955-12-16",
            recorded(4, 1, 1),
        ),
        (
            "S_RES_208(1965).txt",
            Resolution,
            SecurityCouncil,
            "208-1965",
            "1965-08-10",
            Some(Vote::WithoutVote),
        ),
        (
            "S_RES_59(1948).txt",
            Resolution,
            SecurityCouncil,
            "59-1948",
            "1948-10-19",
            Some(Vote::Unanimous),
        ),
        (
            "S_RES_601(1987).txt",
            Resolution,
            SecurityCouncil,
            "601-1987",
            "1987-10-30",
            recorded(14, 0, 1),
        ),
        (
            "S_RES_421(1977).txt",
            Resolution,
            SecurityCouncil,
            "421-1977",
            "1977-12-09",
            Some(Vote::Unanimous),
        ),
        (
            "S_RES_1591(2005).txt",
            Resolution,
            SecurityCouncil,
            "1591-2005",
            "2005-03-29",
            None,
        ),
        (
            "S_PRST_2021_4.txt",
            PresidentialStatement,
            SecurityCouncil,
            "2021-4",
            "2021-02-09",
            None,
        ),
        (
            "A_HRC_PRST_18_2.txt",
            PresidentialStatement,
            HumanRightsCouncil,
            "18-2",
            "2011-09-30",
            None,
        ),
        (
            "A_HRC_PRST_OS_12_1.txt",
            PresidentialStatement,
            HumanRightsCouncil,
            "OS-12-1",
            "2018-12-03",
            None,
        ),
        (
            "A_HRC_RES_50_4.txt",
            Resolution,
            HumanRightsCouncil,
            "50-4",
            "2022-07-07",
            recorded(29, 16, 2),
        ),
        (
            "E_RES_2017_7.txt",
            Resolution,
            EconomicAndSocialCouncil,
            "2017-7",
            "2017-06-07",
            None,
        ),
        (
            "UNEP_EA.4_Res.17.txt",
            Resolution,
            EnvironmentAssembly,
            "4-17",
            "2019-03-15",
            None,
        ),
        (
            "GA_DEC_73_512.txt",
            Decision,
            GeneralAssembly,
            "73-512",
            "2018-12-05",
            recorded(128, 3, 48),
        ),
        (
            "GA_DEC_79_502.txt",
            Decision,
            GeneralAssembly,
            "79-502",
            "2024-09-13",
            None,
        ),
    ]
}

#[test]
fn kind_body_number_date_and_vote_of_every_kind_and_era() {
    for (name, kind, body, number, date, vote) in expected() {
        let mut options = un2akn::Options::default();
        options.symbol = catalogued(name);
        let conversion =
            un2akn::convert(&read(name), &options).unwrap_or_else(|e| panic!("{name}: {e}"));
        let document = &conversion.document;
        let identity = &document.identity;
        assert_eq!(document.kind, kind, "{name}");
        assert_eq!(identity.body, body, "{name}");
        assert_eq!(identity.work_number, number, "{name}");
        assert_eq!(
            identity
                .adoption_date
                .map(un2akn::model::iso_date)
                .as_deref(),
            Some(date),
            "{name}"
        );
        assert_eq!(document.vote, vote, "{name}");
        let work = format!(
            "/akn/un/statement/deliberation/{}/{date}/{number}",
            actor(body)
        );
        assert!(
            conversion
                .xml
                .contains(&format!("<FRBRuri value=\"{work}\"/>")),
            "{name}"
        );
        assert!(
            conversion
                .xml
                .contains(&format!("<FRBRname value=\"{}\"/>", kind_name(kind))),
            "{name}"
        );
        for placeholder in ["0001-01-01", "unnumbered", "-draft"] {
            assert!(
                !conversion.xml.contains(placeholder),
                "{name}: {placeholder}"
            );
        }
        util::check_references(&conversion.xml);
    }
}

/// Official Records print the notes after the adoption line, without a
/// rule ("52 Official Records …" ⏎ "53 Ibid., …" ⏎ "document S/19234." ⏎
/// "54 Ibid., …"; "36 [bid., …", an OCR slip): each is a footnote at its
/// call, and the vote stated in one ("38 In the absence of any objection,
/// … adopted unanimously") is the vote.
#[test]
fn notes_printed_after_the_adoption_line_are_footnotes() {
    for (name, markers, called) in [
        ("S_RES_59(1948).txt", &["35", "36", "37", "38"][..], 4),
        ("S_RES_601(1987).txt", &["52", "53", "54"][..], 2),
    ] {
        let conversion = un2akn::convert(&read(name), &un2akn::Options::default()).unwrap();
        let found: Vec<&str> = conversion
            .document
            .footnotes
            .iter()
            .map(|n| n.marker.as_str())
            .collect();
        let mut sorted = found.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, markers, "{name}");
        let uncalled = conversion
            .warnings
            .iter()
            .filter(|w| w.message.contains("is not called in the text"))
            .count();
        assert_eq!(
            markers.len() - uncalled,
            called,
            "{name}: {:?}",
            conversion.warnings
        );
        assert!(
            !conversion
                .warnings
                .iter()
                .any(|w| w.message.starts_with("text after the operative part")),
            "{name}: {:?}",
            conversion.warnings
        );
    }
}

#[test]
fn statements_open_their_body_with_an_alinea_before_the_paragraphs() {
    // The heading is the preface's title; the opening ("On 9 February 2021,
    // in connection with …, the President … made the following statement
    // …:") is the main body's first `alinea`, as in all eight of the UN's
    // statement files (it had been in the preface, so agree.py missed its
    // words in the body).
    let mut options = un2akn::Options::default();
    options.symbol = Some("S/PRST/2021/4".into());
    let conversion = un2akn::convert(&read("S_PRST_2021_4.txt"), &options).unwrap();
    let xml = &conversion.xml;
    assert!(xml.contains(r#"<statement name="presidentialStatement""#));
    assert!(xml.contains(
        "<preface>\n      <p><docTitle>Statement by the President of the Security Council</docTitle></p>\n    </preface>"
    ), "{xml}");
    assert!(xml.contains(
        r##"<mainBody>
      <alinea eId="alinea_1">
        <content>
          <p>On <docDate date="2021-02-09" refersTo="#dateOfAdoption">9 February 2021</docDate>, in connection with"##
    ), "{xml}");
    assert!(conversion.document.parts.opening.is_some());
    // The UN's own file has the same ten quoted paragraphs.
    assert_eq!(conversion.document.parts.paragraphs().count(), 10);
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
}

#[test]
fn texts_that_do_not_state_their_number_fail_naming_the_ways_to_give_it() {
    for name in [
        "S_PRST_2021_4.txt",
        "GA_DEC_79_502.txt",
        "GA_DEC_73_512.txt",
    ] {
        let error = un2akn::convert(&read(name), &un2akn::Options::default())
            .expect_err("no number, no output");
        let message = error.to_string();
        assert!(
            matches!(error.kind(), un2akn::ErrorKind::MissingIdentity { .. }),
            "{name}: {message}"
        );
        assert!(
            message.contains("--symbol") && message.contains("--metadata"),
            "{message}"
        );
    }
    // A resolution without a date of adoption: --date gives it.
    let text = "Security Council\n\nResolution 9999 (2030)\n\nThe Security Council,\n\n1. Decides to remain seized of the matter.\n";
    let error = un2akn::convert(text, &un2akn::Options::default()).unwrap_err();
    assert!(error.to_string().contains("--date"), "{error}");
    let mut options = un2akn::Options::default();
    options.date = chrono::NaiveDate::from_ymd_opt(2030, 1, 2);
    let conversion = un2akn::convert(text, &options).unwrap();
    assert_eq!(conversion.document.identity.work_number, "9999-2030");
    assert!(conversion
        .xml
        .contains("/akn/un/statement/deliberation/unsc/2030-01-02/9999-2030"));
}

#[test]
fn a_count_that_its_list_contradicts_is_a_warning() {
    let text = read("A_HRC_RES_50_4.txt");
    let clean = un2akn::convert(&text, &un2akn::Options::default()).unwrap();
    assert!(
        !clean
            .warnings
            .iter()
            .any(|w| w.message.contains("the vote states")),
        "{:?}",
        clean.warnings
    );
    // Drop one State from the list of those against.
    let against = text.find("Against:").expect("a list against");
    let comma = against + text[against..].find(", ").expect("names");
    let next = comma + 2 + text[comma + 2..].find(", ").expect("more names");
    let shortened = format!("{}{}", &text[..comma], &text[next..]);
    let conversion = un2akn::convert(&shortened, &un2akn::Options::default()).unwrap();
    assert!(
        conversion.warnings.iter().any(|w| w
            .message
            .contains("the vote states 16 against but lists 15 States")),
        "{:?}",
        conversion.warnings
    );
    let mut strict = un2akn::Options::default();
    strict.strict = true;
    let error = un2akn::convert(&shortened, &strict).unwrap_err();
    assert!(matches!(error.kind(), un2akn::ErrorKind::Strict { .. }));
}

#[test]
fn a_batch_takes_symbols_from_a_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let output = util::run_binary(
        Some(&fixtures()),
        &[
            "convert",
            ".",
            "-o",
            dir.path().to_str().unwrap(),
            "--metadata",
            "catalogue.csv",
            "--glob",
            "*.txt",
        ],
        None,
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for (name, _, body, number, date, _) in expected() {
        let out = dir.path().join(name.replace(".txt", ".akn.xml"));
        let xml = std::fs::read_to_string(&out).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            xml.contains(&format!("/{}/{date}/{number}\"", actor(body))),
            "{name}"
        );
    }
    // An error in the catalogue names its file and line.
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "path,date\nS_RES_10(1946).txt,10 Smarch 1946\n").unwrap();
    let output = util::run_binary(
        Some(&fixtures()),
        &[
            "convert",
            ".",
            "-o",
            dir.path().to_str().unwrap(),
            "--metadata",
            bad.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("bad.csv:2: date \"10 Smarch 1946\""),
        "{stderr}"
    );
}

#[test]
fn an_adoption_statement_cut_before_its_date_is_joined_or_kept() {
    let text = "Resolution 1591 (2005)\n\nAdopted by the Security Council at its 5153rd meeting, on\n\n29 March 2005\n\nThe Security Council,\n\n1. Decides to remain seized of the matter.\n";
    let conversion = un2akn::convert(text, &un2akn::Options::default()).unwrap();
    assert_eq!(
        conversion
            .document
            .identity
            .adoption_date
            .map(un2akn::model::iso_date)
            .as_deref(),
        Some("2005-03-29")
    );
    assert!(conversion
        .xml
        .contains("Adopted by the Security Council at its <event"));
    // Cut at the end of the text: nothing lost, and no date invented.
    let cut =
        "Resolution 1591 (2005)\n\nAdopted by the Security Council at its 5153rd meeting, on\n";
    let error = un2akn::convert(cut, &un2akn::Options::default()).unwrap_err();
    assert!(error.to_string().contains("--date"), "{error}");
    let mut options = un2akn::Options::default();
    options.date = chrono::NaiveDate::from_ymd_opt(2005, 3, 29);
    let conversion = un2akn::convert(cut, &options).unwrap();
    assert!(conversion.xml.contains("5153rd meeting, on"));
    assert_eq!(conversion.warnings.len(), 1, "{:?}", conversion.warnings);
}

#[test]
fn special_and_emergency_special_sessions() {
    for (text, actor, number, symbol) in [
        (
            "Human Rights Council\n\nThirty-sixth special session\n\nResolution adopted by the Human Rights Council on 12 May 2023\n\nS-36/1. The deteriorating human rights situation in the Sudan\n\nThe Human Rights Council,\n\n*Recalling* its resolutions,\n\n1. *Decides* to remain seized of the matter.\n",
            "unhrc",
            "S-36-1",
            "A/HRC/RES/S-36/1",
        ),
        (
            "General Assembly\n\nEleventh emergency special session\n\nResolution adopted by the General Assembly on 2 March 2022\n\nES-11/1. Aggression against Ukraine\n\nThe General Assembly,\n\n*Recalling* its resolutions,\n\n1. *Decides* to adjourn the session.\n",
            "unga",
            "ES-11-1",
            "A/RES/ES-11/1",
        ),
    ] {
        let conversion = un2akn::convert(text, &un2akn::Options::default()).unwrap();
        let identity = &conversion.document.identity;
        assert_eq!(identity.work_number, number);
        assert_eq!(identity.symbol.as_deref(), Some(symbol));
        assert!(
            conversion.xml.contains(&format!(
                "/akn/un/statement/deliberation/{actor}/"
            )),
            "{number}"
        );
    }
}
