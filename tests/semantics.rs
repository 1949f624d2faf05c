//! Inline semantics on A/HRC/RES/49/34 (and the Mali draft): every full
//! calendar date in the text is a `<date>`, every document symbol a `<ref>`,
//! each resolution of the "Recalling further" list its own `<ref>` with the
//! unhrc IRI and date.

use crate::util;

/// `<date date="…">text</date>` elements, in order.
fn dates(xml: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (at, _) in xml.match_indices("<date date=\"") {
        let rest = &xml[at + 12..];
        let value = &rest[..10];
        let text_start = rest.find('>').unwrap() + 1;
        let text_end = rest.find("</date>").unwrap();
        found.push((value.to_string(), rest[text_start..text_end].to_string()));
    }
    found
}

/// `<ref href="…">` targets, in order.
fn refs(xml: &str) -> Vec<&str> {
    xml.match_indices("<ref href=\"")
        .map(|(at, _)| {
            let rest = &xml[at + 11..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

#[test]
fn every_calendar_date_in_the_text_is_a_date_element() {
    let xml = util::convert("A_HRC_RES_49_34.md", &un2akn::Options::default()).xml;
    // Counted in the text: 26 full dates, of which the masthead's issuance
    // date, the docType's and the conclusions' adoption date are docDate, and
    // "1 April 2022" in "28 February–1 April 2022" is part of a range.
    let expected = [
        ("2006-03-15", "15 March 2006"),
        ("2007-06-18", "18 June 2007"),
        ("2012-07-06", "6 July 2012"),
        ("2013-03-21", "21 March 2013"),
        ("2014-03-28", "28 March 2014"),
        ("2016-03-24", "24 March 2016"),
        ("2017-03-24", "24 March 2017"),
        ("2018-03-23", "23 March 2018"),
        ("2019-03-22", "22 March 2019"),
        ("2020-06-22", "22 June 2020"),
        ("2021-03-24", "24 March 2021"),
        ("2013-01-16", "16 January 2013"),
        ("2000-10-31", "31 October 2000"),
        ("2017-09-05", "5 September 2017"),
        ("2016-09-27", "27 September 2016"),
        ("2020-07-14", "14 July 2020"),
        ("2012-01-01", "1 January 2012"),
        ("2018-01-19", "19 January 2018"),
        ("2019-12-08", "8 December 2019"),
        ("2020-12-05", "5 December 2020"),
        ("2021-04-03", "3 April 2021"),
        ("2021-09-18", "18 September 2021"),
    ];
    let found = dates(&xml);
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(d, t)| (d.to_string(), t.to_string()))
        .collect();
    assert_eq!(found, expected);
    assert!(xml.contains("<inline name=\"sessionDates\">28 February–1 April 2022</inline>"));
}

#[test]
fn every_document_symbol_is_a_reference() {
    let xml = util::convert("A_HRC_RES_49_34.md", &un2akn::Options::default()).xml;
    let found = refs(&xml);
    for symbol in [
        "A/HRC/49/94",
        "S/2021/1117",
        "S/AC.51/2020/11",
        "S/2020/1332",
    ] {
        let href = format!("https://undocs.org/{symbol}");
        assert!(found.contains(&href.as_str()), "{symbol} is not a ref");
        assert!(xml.contains(&format!("<ref href=\"{href}\">{symbol}</ref>")));
    }
    let draft = util::convert("A_HRC_58_L_draft_Mali.md", &util::draft_options()).xml;
    assert!(draft.contains(r#"<ref href="https://undocs.org/A/HRC/58/79">A/HRC/58/79</ref>"#));
    assert!(draft.contains(r#"<ref href="https://undocs.org/S/AC.51/2023/3">S/AC.51/2023/3</ref>"#));
}

#[test]
fn each_resolution_of_the_recalling_further_list_is_its_own_reference() {
    let xml = util::convert("A_HRC_RES_49_34.md", &un2akn::Options::default()).xml;
    let container = &xml[xml.find("name=\"recallingFurther\"").unwrap()..];
    let container = &container[..container.find("</container>").unwrap()];
    let expected = [
        ("2012-07-06", "20-17"),
        ("2013-03-21", "22-18"),
        ("2014-03-28", "25-36"),
        ("2016-03-24", "31-28"),
        ("2017-03-24", "34-39"),
        ("2018-03-23", "37-39"),
        ("2019-03-22", "40-26"),
        ("2020-06-22", "43-38"),
        ("2021-03-24", "46-28"),
    ];
    let hrefs: Vec<String> = expected
        .iter()
        .map(|(date, number)| format!("/akn/un/statement/deliberation/unhrc/{date}/{number}"))
        .collect();
    assert_eq!(refs(container), hrefs);
    assert!(container.contains(
        r#"<ref href="/akn/un/statement/deliberation/unhrc/2013-03-21/22-18">22/18 of <date date="2013-03-21">21 March 2013</date></ref>"#
    ));
    // "5/1 … and 5/2 …, both of 18 June 2007": both dated.
    assert!(xml.contains(r#"<ref href="/akn/un/statement/deliberation/unhrc/2007-06-18/5-1">Human Rights Council resolutions 5/1</ref>"#));
    assert!(xml
        .contains(r#"<ref href="/akn/un/statement/deliberation/unhrc/2007-06-18/5-2">5/2</ref>"#));
    assert!(xml.contains(r#"<ref href="/akn/un/statement/deliberation/unga/2006-03-15/60-251">General Assembly resolution 60/251 of <date date="2006-03-15">15 March 2006</date></ref>"#));

    let draft = util::convert("A_HRC_58_L_draft_Mali.md", &util::draft_options()).xml;
    assert!(draft.contains(r#"<ref href="/akn/un/statement/deliberation/unhrc/2024-04-04/55-25">55/25 of <date date="2024-04-04">4 April 2024</date></ref>"#));
    assert!(draft.contains(r#"<ref href="/akn/un/statement/deliberation/unsc/2023-06-30/2690-2023">Security Council resolution 2690 (2023) of <date date="2023-06-30">30 June 2023</date></ref>"#));
}
