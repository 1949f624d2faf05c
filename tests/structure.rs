//! Structure of the operative part (spec §5): divisions ("A", "I. Title"),
//! nested (a)/(i) points with a wrap-up, unnumbered paragraphs.

use crate::languages::without_blank_lines;
use crate::util;

/// `text` converted by `convert` with its blank lines, after asserting that
/// it converts to the same XML with every blank line taken out.
fn packed_as_spaced(text: &str, convert: fn(&str) -> un2akn::Conversion) -> un2akn::Conversion {
    let (spaced, packed) = spaced_and_packed(text, convert);
    assert_eq!(packed.xml, spaced.xml);
    spaced
}

/// `text` converted by `convert` as it is and with every blank line taken
/// out: the first is the reference for the second.
fn spaced_and_packed(
    text: &str,
    convert: fn(&str) -> un2akn::Conversion,
) -> (un2akn::Conversion, un2akn::Conversion) {
    (convert(text), convert(&without_blank_lines(text)))
}

const HEAD: &str = "## Resolution adopted by the General Assembly on 9 December 2024\n\n### 79/144. Oceans\n\n*The General Assembly,*\n\n*Recalling* its resolutions,\n\n";

#[test]
fn lettered_and_roman_divisions_nest() {
    let text = format!(
        "{HEAD}A\n\nOceans and the law of the sea\n\nI. Implementation\n\n1. *Reaffirms* its resolutions;\n\n2. *Calls upon* States;\n\nII\n\nCapacity-building\n\n3. *Notes* the efforts;\n\nB\n\nSustainable fisheries\n\n4. *Decides* to act.\n"
    );
    let conversion = util::convert_text(&text);
    let xml = &conversion.xml;
    assert_eq!(conversion.document.parts.paragraphs().count(), 4);
    assert_eq!(conversion.document.parts.divisions().count(), 4);
    assert!(xml.contains("<division eId=\"dvs_A\">\n        <num>A</num>\n        <heading>Oceans and the law of the sea</heading>"), "{xml}");
    assert!(xml.contains("<division eId=\"dvs_A__dvs_I\">\n          <num>I</num>\n          <heading>Implementation</heading>"));
    assert!(xml.contains("<division eId=\"dvs_A__dvs_II\">"));
    assert!(xml.contains("<division eId=\"dvs_B\">"));
    // Paragraph 4 is inside B, not inside A's sections.
    let b = xml.find("dvs_B").unwrap();
    assert!(xml[b..].contains("eId=\"para_4\""));
    assert!(!xml[b..].contains("eId=\"para_3\""));
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
}

#[test]
fn nested_points_and_wrap_up() {
    let text = format!(
        "{HEAD}1. *Requests* the Secretary-General:\n\n(a) To report on:\n\n(i) The first matter;\n\n(ii) The second matter;\n\n(b) To act;\n\nand to do so promptly;\n\n2. *Decides* to remain seized.\n"
    );
    let conversion = util::convert_text(&text);
    let xml = &conversion.xml;
    let list = conversion
        .document
        .parts
        .paragraphs()
        .next()
        .unwrap()
        .list
        .as_ref()
        .unwrap();
    assert_eq!(list.points.len(), 2);
    assert_eq!(list.points[0].list.as_ref().unwrap().points.len(), 2);
    assert!(list.wrap_up.is_some());
    assert!(xml.contains("eId=\"para_1__list_1__point_a__list_1__point_ii\""));
    assert!(
        xml.contains("<wrapUp>\n            <p>and to do so promptly;</p>"),
        "{xml}"
    );
}

#[test]
fn a_heading_after_the_last_paragraph_is_kept() {
    // The division opens after paragraph 1 and nothing follows it: its label
    // and heading must still be written (they were once lost).
    let text = "The General Assembly,\n\n1. Decides to act;\n\nII\nFollow-up X\nsecond Y\n";
    // The text gives no number or date: the options do (nothing invented).
    let conversion = util::convert_fragment(text);
    let xml = &conversion.xml;
    assert!(xml.contains("<num>II</num>"), "{xml}");
    assert!(xml.contains("Follow-up X"), "{xml}");
    assert!(xml.contains("second Y"), "{xml}");
    let division = conversion.document.parts.divisions().next().unwrap();
    assert_eq!(division.num, "II");
    assert!(division.provisions.is_empty());
    un2akn::validate::validate_with(xml, un2akn::validate::Engine::Native).unwrap();
    un2akn::validate::validate_with(xml, un2akn::validate::Engine::Libxml2).unwrap();
    assert!(conversion
        .warnings
        .iter()
        .any(|w| w.message.contains("division II holds no paragraph")));
}

#[test]
fn a_sections_own_recitals_are_cross_headings_not_paragraphs() {
    // A budget resolution's parts each recall and consider before deciding.
    let text = "## Resolution adopted by the General Assembly on 22 December 2023\n\n### 78/247. Report on oversight\n\n*The General Assembly,*\n\nI\n\nActivities of the Office\n\nRecalling its resolutions 48/218 B of 29 July 1994 and 54/244 of 23 December 1999,\n\nHaving considered the report of the Office on its activities,\n\n1. *Reaffirms* its primary role;\n\n2. *Requests* the Secretary-General to report;\n\nII\n\nActivities of the Committee\n\nRecalling its resolution 61/275 of 29 June 2007,\n\n1. *Notes with appreciation* the work of the Committee;\n";
    let conversion = util::convert_text(text);
    let xml = &conversion.xml;
    assert_eq!(conversion.document.parts.paragraphs().count(), 3, "{xml}");
    assert_eq!(
        xml.matches("<crossHeading eId=\"dvs_I__crossHeading_")
            .count(),
        2,
        "{xml}"
    );
    assert!(
        xml.contains("refersTo=\"#preamble\"><i>Having considered</i> the report"),
        "{xml}"
    );
    assert!(xml
        .contains("<crossHeading eId=\"dvs_II__crossHeading_recalling\" refersTo=\"#preamble\">"));
    // The recital stands before the section's first paragraph.
    let second = xml.find("dvs_II__crossHeading").unwrap();
    assert!(second < xml.find("Notes with appreciation").unwrap());
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
}

#[test]
fn leads_the_lexicon_lacks_are_read_by_their_form() {
    // The hidden files hold leads no list has. An adjective before "of" or
    // "that" (after an aside too), a participle opening a section's recital,
    // a verb in "-s" after a number without its dot or in an unnumbered
    // paragraph closed by "." are leads by their form: no warning, and the
    // section's recital is a crossHeading, not an unnumbered paragraph.
    let text = "Resolution adopted by the General Assembly on 22 December 2023\n\n78/999. Report on oversight\n\nThe General Assembly,\n\nWatchful of the risks of delay,\n\nHopeful, in that connection, that the work will go on,\n\nI\n\nActivities of the Office\n\nContemplating the report of the Office on its activities,\n\n1. Decides to act;\n\n2 Ratifies the work of the Office;\n\nII\n\nActivities of the Committee\n\nRatifies the work of the Committee.\n\n48th plenary meeting\n22 December 2023\n";
    let conversion = util::convert_text(text);
    let document = &conversion.document;
    let xml = &conversion.xml;
    assert_eq!(
        util::container_names(document),
        ["watchful", "hopeful"],
        "{xml}"
    );
    assert!(xml.contains("<i>Watchful</i> of the risks"), "{xml}");
    assert!(xml.contains("<i>Hopeful</i>, in that connection"), "{xml}");
    assert!(
        xml.contains("refersTo=\"#preamble\"><i>Contemplating</i> the report"),
        "{xml}"
    );
    assert_eq!(
        util::paragraph_numbers(document),
        [Some("1."), Some("2"), None],
        "{xml}"
    );
    assert!(
        xml.contains("<i>Ratifies</i> the work of the Committee."),
        "{xml}"
    );
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
}

#[test]
fn a_participle_the_lexicon_lacks_starts_a_recital_on_the_line_after_a_comma() {
    // PDF text often has no blank line between recitals. A lead the lexicon
    // lacks, on the line after one ending in ",", started no recital: the
    // two were one (80/151 and 80/228 with part of the lexicon held out).
    // A participle followed by a word in lower case starts one; a name
    // ("United Nations") and a line after ":" do not; an adverb may come
    // first ("Deeply committed").
    let text = "Resolution adopted by the General Assembly on 22 December 2023\n\n78/999. Cooperation\n\nThe General Assembly,\n\nRecalling its resolution 77/1 and the work of the\nUnited Nations system in the field,\nContemplating also that the Programme is grounded\nin five areas, under the theme \u{201c}Her Land. Her Rights:\nAdvancing gender equality\u{201d},\nDeeply committed to seeing the Programme\ngrow in all regions,\n\n1. Decides to act.\n\n48th plenary meeting\n22 December 2023\n";
    let conversion = util::convert_text(text);
    let document = &conversion.document;
    assert_eq!(
        util::container_names(document),
        ["recalling", "contemplatingAlso", "deeplyCommitted"],
        "{}",
        conversion.xml
    );
    assert!(conversion.xml.contains("<i>Contemplating also</i> that"));
    // After its adverb (S/RES/2046 without blank lines).
    assert!(conversion.xml.contains("<i>Deeply committed</i> to seeing"));
    assert!(conversion.xml.contains("Rights: Advancing gender"));
}

#[test]
fn a_mark_that_prints_nothing_after_a_comma_still_closes_the_recital() {
    // 78/120 and 80/113: the UN's text keeps a left-to-right mark after a
    // recital's comma ("… on Climate Change,\u{200e}"). Without blank lines
    // the recital under it had been glued on: the line's last character was
    // the mark, not the comma. The mark stays in the text.
    let text = "Resolution adopted by the General Assembly on 22 December 2023\n\n78/999. Cooperation\n\nThe General Assembly,\n\nHighlighting the findings of the Intergovernmental Panel on Climate Change,\u{200e}\nNoting with appreciation the hosting by Egypt of the twenty-seventh session,\u{200f}\u{200b}\nRecalling its resolution 77/1,\n\n1. Decides to act.\n\n48th plenary meeting\n22 December 2023\n";
    let conversion = util::convert_text(text);
    assert_eq!(
        util::container_names(&conversion.document),
        ["highlighting", "notingWithAppreciation", "recalling"],
        "{}",
        conversion.xml
    );
    assert!(
        conversion.xml.contains("Climate Change,\u{200e}</p>"),
        "{}",
        conversion.xml
    );
}

#[test]
fn a_number_without_its_dot_before_its_text_starts_a_paragraph_without_blank_lines() {
    // 79/160 prints "26 Condemns …" without the number's dot; where no
    // blank line stood above it, paragraphs 26 and 27 were glued to 25 and
    // 26 and a gap was warned. Not "15 Member States …", which no lead
    // phrase follows.
    let text = "Resolution adopted by the General Assembly on 22 December 2023\n\n78/999. Cooperation\n\nThe General Assembly,\n\nRecalling its resolution 77/1,\n\n1. Recalls the recommendation of the Special Rapporteur;\n2 Condemns without reservation any denial of the Holocaust;\n3 Affirms its deep commitment to the duty of remembrance, as recalled by,\n15 Member States that served;\n4. Decides to remain seized of the matter.\n\n48th plenary meeting\n22 December 2023\n";
    let conversion = util::convert_text(text);
    assert_eq!(
        util::paragraph_numbers(&conversion.document),
        [Some("1."), Some("2"), Some("3"), Some("4.")],
        "{}",
        conversion.xml
    );
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
}

#[test]
fn a_heading_at_a_pages_foot_stands_apart_without_blank_lines() {
    // 78/298 and 78/306 without blank lines: a budget's heading at a
    // page's foot, after "…;", whose paragraph opens the next page with its
    // number, had been glued to the paragraph before it.
    let text = "United Nations\nA/RES/78/999\nGeneral Assembly\nDistr.: General\n3 January 2024\nSeventy-eighth session\nAgenda item 150\n23-27368 (E)\n*2327368*\nResolution adopted by the General Assembly on 22 December 2023\n78/999. Financing of the Mission\nThe General Assembly,\nRecalling its resolution 77/1,\n1. Requests the Secretary-General to act;\n2. Also requests the Secretary-General to take all action necessary to ensure that\nthe Mission is administered with a maximum of efficiency and economy;\nBudget performance report for the period from 1 July 2022 to 30 June 2023\nA/RES/78/999\nFinancing of the Mission\n23-27368\n2/2\n3.\nTakes note of the report;\n48th plenary meeting\n22 December 2023\n";
    let conversion = util::convert_text(text);
    assert_eq!(
        util::paragraph_numbers(&conversion.document),
        [Some("1."), Some("2."), None, Some("3.")],
        "{}",
        conversion.xml
    );
    assert!(
        conversion.xml.contains("efficiency and economy;</p>"),
        "{}",
        conversion.xml
    );
}

#[test]
fn a_security_council_masthead_without_blank_lines_states_its_adoption() {
    // Every English Security Council resolution laid out without blank
    // lines was refused for want of an adoption date: "Resolution 2512
    // (2020)" and the statement under it were read as masthead lines. And
    // a heading after the last recital's comma ("Renewal of UNIOGBIS’s
    // mandate" ⏎ "1. Decides …") had been glued to that recital.
    let text = "United Nations\nS/RES/2512 (2020)\n25-19762 (E)    226621\n*2519762*\nSecurity Council\nDistr.: General\n28 February 2020\nResolution 2512 (2020)\nAdopted by the Security Council at its 8736th meeting, on 28 February 2020\nThe Security Council,\nRecalling all of its previous resolutions on the situation in Guinea-Bissau,\nTaking note of the report of the Secretary-General on Guinea-Bissau, dated 6 February\n2020 (S/2020/105),\nRenewal of UNIOGBIS’s mandate\n1. Decides to extend the mandate of UNIOGBIS until 31 December 2020;\n2. Decides to remain seized of the matter.\n";
    let conversion = util::convert_text(text);
    let identity = &conversion.document.identity;
    assert_eq!(
        identity.adoption_date.map(|d| d.to_string()).as_deref(),
        Some("2020-02-28")
    );
    assert_eq!(identity.number_shown, "2512 (2020)");
    assert_eq!(
        util::container_names(&conversion.document),
        ["recalling", "takingNote"],
        "{}",
        conversion.xml
    );
    assert_eq!(
        util::paragraph_numbers(&conversion.document),
        [None, Some("1."), Some("2.")],
        "{}",
        conversion.xml
    );
    assert!(
        conversion.xml.contains("S/2020/105</ref>),</p>"),
        "{}",
        conversion.xml
    );
    // The heading closes with nothing: "Renewal of" is no lead ("Mindful
    // of"), and the UN prints it plain.
    assert!(
        conversion
            .xml
            .contains("<p>Renewal of UNIOGBIS’s mandate</p>"),
        "{}",
        conversion.xml
    );
}

#[test]
fn a_heading_before_the_first_paragraph_is_no_recital_lead() {
    // S/RES/2644 (2022): "Prevention of Illicit Exports of Petroleum, …"
    // over "1." had come out as "<i>Prevention</i> of …", a noun before "of"
    // read as an adjective's lead ("Mindful of"). A recital closes with a
    // comma; a heading closes with nothing. A real adjective lead the
    // lexicon lacks is still read.
    let text = "United Nations\nS/RES/2644 (2022)\nSecurity Council\nDistr.: General\n13 May 2022\n\nResolution 2644 (2022)\n\nAdopted by the Security Council at its 9036th meeting, on 13 May 2022\n\nThe Security Council,\n\nWatchful of the risks to the region,\n\nPrevention of Illicit Exports of Petroleum, including Crude Oil\n\n1. Decides to act;\n\n2. Decides to remain seized of the matter.\n";
    let conversion = util::convert_text(text);
    let xml = &conversion.xml;
    assert!(xml.contains("<i>Watchful</i> of the risks"), "{xml}");
    assert!(
        xml.contains("<p>Prevention of Illicit Exports of Petroleum, including Crude Oil</p>"),
        "{xml}"
    );
    assert_eq!(
        util::paragraph_numbers(&conversion.document),
        [None, Some("1."), Some("2.")],
        "{xml}"
    );
}

#[test]
fn a_russian_heading_stands_apart_from_a_lower_case_paragraph_without_blank_lines() {
    // 77/305 without blank lines: "…резолюций;" ⏎ a budget's heading of
    // 78 letters (140 bytes, too long by bytes for a heading) ⏎ "2.
    // принимает к сведению …", whose lead is in lower case: the heading and
    // paragraph 2 had been glued to paragraph 1.
    let text = "Резолюция, принятая Генеральной Ассамблеей 30 июня 2023 года\n77/305. Финансирование Базы материально-технического снабжения\nГенеральная Ассамблея,\nрассмотрев доклад Генерального секретаря,\n1. подтверждает свои резолюции 49/233 A от 23 декабря 1994 года и других соответствующих\nрезолюций;\nДоклад об исполнении бюджета на период с 1 июля 2021 года по 30 июня 2022 года\n2. принимает к сведению доклад Генерального секретаря об исполнении бюджета;\n3. постановляет продолжить рассмотрение этого вопроса.\n";
    let conversion = util::convert_text(text);
    assert_eq!(
        util::paragraph_numbers(&conversion.document),
        [Some("1."), None, Some("2."), Some("3.")],
        "{}",
        conversion.xml
    );
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
}

#[test]
fn text_without_blank_lines_keeps_its_structure() {
    // Some extractions print no blank line between paragraphs. The formula
    // after the title, and a recital after one whose comma carries a call
    // ("… of aliens,1" ⏎ "Noting …"), were not split: the 250 pairs without
    // their blank lines agreed on 24 % (90 % now). 79/260: "The General
    // Assembly" without its comma, then "1." alone, and a page's first line
    // of text after the page counter, which had been taken for a running
    // title. 79/323: "Annex" after the closing date, its title, and
    // headings ("II." ⏎ "Action areas" ⏎ "A." ⏎ "…") before numbered
    // paragraphs. 78/309: budget headings ("Budget estimates for the period
    // …") between "…;<sup>3</sup>" and "7." alone on its line. 79/160: "26"
    // alone, without its dot, after "…;" and before "Condemns …".
    for name in [
        "A_RES_79_160",
        "A_RES_78_309",
        "A_RES_78_121",
        "A_RES_78_129",
        "A_RES_79_111",
        "A_RES_80_141",
        "A_RES_79_260",
        "A_RES_79_323",
    ] {
        let path = util::root().join(format!("tests/fixtures/pairs/{name}.txt"));
        let text = std::fs::read_to_string(&path).unwrap();
        let (spaced, packed) = spaced_and_packed(&text, util::convert_text);
        assert!(packed.document.parts.preamble.formula.is_some(), "{name}");
        assert_eq!(
            util::container_names(&packed.document),
            util::container_names(&spaced.document),
            "{name}"
        );
        assert_eq!(
            util::paragraph_numbers(&packed.document),
            util::paragraph_numbers(&spaced.document),
            "{name}"
        );
        // An annex's headings may be split over lines differently; its
        // numbers may not.
        let annex_numbers = |conversion: &un2akn::Conversion| -> Vec<String> {
            let annexes = conversion.document.annexes.iter();
            let paragraphs = annexes.flat_map(|annex| annex.paragraphs());
            paragraphs.filter_map(|p| p.num.clone()).collect()
        };
        assert_eq!(annex_numbers(&packed), annex_numbers(&spaced), "{name}");
        // Word for word the same document, in the same order.
        assert_eq!(
            util::xml_text(&packed.xml).body,
            util::xml_text(&spaced.xml).body,
            "{name}"
        );
    }
}

#[test]
fn a_budgets_part_and_section_headings_without_blank_lines_stand_apart() {
    // 79/257 without its blank lines: "Part IV" ⏎ its title ⏎ "Section 11"
    // ⏎ a title with a colon before its subtitle ⏎ "52. …" had been glued
    // onto paragraph 51 (which swallowed 52), and "Section 29A" and
    // "Income section 2" joined their titles, as did "Income section 3"
    // at a page's foot. Each label and each title is an unnumbered
    // paragraph of its own, as with the blank lines.
    let spaced = "Resolution adopted by the General Assembly on 24 December 2024\n\n79/257. Special subjects relating to the proposed programme budget for 2025\n\nThe General Assembly,\n\nRecalling its resolution 78/252,\n\n1. Decides that the resources under section 8 amount to 19,343,800 dollars before \nrecosting; \n\nPart IV \n\nInternational cooperation for development \n\nSection 11 \n\nUnited Nations system support for the African Union\u{2019}s Agenda 2063: \nThe Africa We Want \n\n2. Recalls that the development of Africa is an established priority; \n\nPart VIII \n\nCommon support services \n\nSection 29A \n\nDepartment of Management Strategy, Policy and Compliance \n\n3. Recalls paragraph VIII.21 of the report of the Advisory Committee; \n\nIncome section 2 \n\nGeneral income \n\n4. Recalls paragraph IS2.4 of the report of the Advisory Committee; \n\nIncome section 3 \n\nServices to the public \n\n2/3 \n\n5. \n\nRecalls paragraphs IS3.3 and IS3.4 of the report of the Advisory Committee. \n\n64th plenary meeting \n24 December 2024\n";
    let (spaced, packed) = spaced_and_packed(spaced, util::convert_text);
    let numbers = util::paragraph_numbers(&spaced.document);
    assert_eq!(
        numbers.iter().filter(|n| n.is_none()).count(),
        12,
        "{}",
        spaced.xml
    );
    assert_eq!(
        util::paragraph_numbers(&packed.document),
        numbers,
        "{}",
        packed.xml
    );
    assert_eq!(
        util::xml_text(&packed.xml).body,
        util::xml_text(&spaced.xml).body
    );
    assert!(packed.warnings.is_empty(), "{:?}", packed.warnings);
}

#[test]
fn parts_with_their_own_recitals_without_blank_lines_keep_their_structure() {
    // 79/298 and 76/246 without their blank lines. "The General Assembly,"
    // ⏎ "I" ⏎ "Support account for peacekeeping operations" ⏎ "Recalling
    // …" had been one recital, "I Support account … Recalling …"; "…
    // operations;" ⏎ "II" had glued the label to the point above; a
    // heading of two lines between "VII" and its recital had been glued to
    // the recital. The same text with blank lines is the reference.
    let spaced = "Resolution adopted by the General Assembly on 30 June 2025\n\n79/298. Cross-cutting issues\n\nThe General Assembly,\n\nI\n\nSupport account for peacekeeping operations\n\nRecalling its resolutions 45/258 of 3 May 1991 and 78/301,\n\n1. Approves the following:\n\n(a) The net estimated staff assessment income of 37,196,900 dollars, to be \nprorated among the budgets of the individual active peacekeeping operations; \n\nII\n\nSupport account and related funding issues\n\nRecalling its resolution 77/304,\n\n1. Takes note of the report of the Secretary-General;\n\nVII\n\nSeismic mitigation retrofit and life-cycle replacements project at the Economic and \nSocial Commission for Asia and the Pacific premises in Bangkok\n\nRecalling section XII of its resolution 70/248 A,\n\n1. Takes note of the progress report of the Secretary-General.\n\n98th plenary meeting\n30 June 2025\n";
    let (spaced, packed) = spaced_and_packed(spaced, util::convert_text);
    assert!(spaced.warnings.is_empty(), "{:?}", spaced.warnings);
    assert!(
        spaced.xml.contains("<heading>Seismic mitigation retrofit"),
        "{}",
        spaced.xml
    );
    assert_eq!(
        util::container_names(&packed.document),
        Vec::<String>::new()
    );
    assert_eq!(packed.xml, spaced.xml);
    assert!(packed.warnings.is_empty(), "{:?}", packed.warnings);
}

#[test]
fn a_number_at_a_pages_foot_and_a_lone_conjunction_without_blank_lines() {
    // S/RES/2644 and 79/257 without blank lines: "… Petroleum Products" ⏎
    // "1." ⏎ (page) ⏎ "Condemns …": the number ends the page's block, its
    // text opens the next; it had been glued to the heading above, and the
    // paragraph under it lost its number. S/RES/2716: "… in Afghanistan;"
    // ⏎ "and" ⏎ "5. Decides …": the conjunction alone on its line had
    // glued paragraph 5 to 4.
    let spaced = "United Nations\nS/RES/2644 (2022)\nSecurity Council\nDistr.: General\n13 May 2022\n\nResolution 2644 (2022)\n\nAdopted by the Security Council at its 9036th meeting, on 13 May 2022\n\nThe Security Council,\n\nActing under Chapter VII of the Charter of the United Nations,\n\nPrevention of Illicit Exports of Petroleum, including Crude Oil and Refined Petroleum \nProducts\n\n1. \n\n2/5 \n\nCondemns attempts to illicitly export petroleum from Libya;\n\n2. Decides to review the measures in this resolution; \nand \n3. Decides to remain actively seized of the matter.\n";
    let packed = without_blank_lines(spaced);
    let conversion = util::convert_text(&packed);
    assert_eq!(
        util::paragraph_numbers(&conversion.document),
        [None, Some("1."), Some("2."), Some("3.")],
        "{}",
        conversion.xml
    );
    assert!(
        conversion.xml.contains("<p>Prevention of Illicit Exports of Petroleum, including Crude Oil and Refined Petroleum Products</p>"),
        "{}",
        conversion.xml
    );
}

#[test]
fn a_heading_over_a_point_without_blank_lines_stands_apart() {
    // S/RES/2368 (2017) without blank lines: "… entities:" ⏎ "Asset Freeze"
    // ⏎ "(a) Freeze …;" ⏎ "Travel Ban" ⏎ "(b)" ⏎ "Prevent …". The headings
    // had been glued to the text before them and point (a) into paragraph
    // 1's introduction. Only over a point: a part's title over a numbered
    // paragraph stays with its label ("Sanctions regime" ⏎ "I." ⏎ "Scope of
    // the measures" ⏎ "2. …", as 79/323's "Sevilla Commitment" ⏎ "I." ⏎ its
    // title ⏎ "1. We …"). The same text with blank lines is the reference.
    let spaced = "The Security Council,\n\nRecalling its resolutions,\n\n1. Decides that all States shall take the following measures with respect to\nthese individuals, groups, undertakings and entities:\n\nAsset Freeze\n\n(a) Freeze without delay the funds of these individuals, groups, undertakings\nand entities;\n\nTravel Ban\n\n(b)\n\nPrevent the entry into or transit through their territories of these\nindividuals;\n\nSanctions regime\n\nI.\n\nScope of the measures\n\n2. Decides to remain seized of the matter.\n";
    let spaced = packed_as_spaced(spaced, util::convert_fragment);
    assert!(
        spaced.xml.contains("<p>Asset Freeze</p>") && spaced.xml.contains("<num>(b)</num>"),
        "{}",
        spaced.xml
    );
}

#[test]
fn chinese_parts_without_blank_lines_keep_their_labels_and_titles() {
    // zh 76/72 without blank lines: "一" ⏎ "执行工作" after the last recital
    // had been glued to it ("…决议，一执行工作"), and "十四" ⏎ its title at a
    // page's foot made one word, "十四海洋和海洋法问题…". A Chinese part's
    // label is a label as "I" is. A heading that opens with a date
    // ("2022年7月1日至…期间的预算估计数" ⏎ "6. 决定…", 76/293) had been glued to
    // the paragraph under it, which lost its number. The same text with
    // blank lines is the reference.
    let spaced = "联合国\nA/RES/76/999\n大会\nDistr.: General\n9 December 2021\n\n第七十六届会议\n\n2021年12月9日大会决议\n\n76/999. 海洋和海洋法\n\n大会，\n\n回顾其各项决议，\n\n一\n\n执行工作\n\n1. 确认《公约》的重要性；\n\n二\n\n能力建设\n\n2. 确认协助发展中国家的重要性；\n\n3. 决定继续审议这个问题；\n\n2022年7月1日至2023年6月30日期间的预算估计数\n\n4. 决定批款563 205 000美元；\n\n十四\n\n海洋和海洋法问题不限成员名额非正式协商进程\n\n5. 欢迎协商进程的工作。\n\n第46次全体会议\n2021年12月9日\n";
    let (spaced, packed) = spaced_and_packed(spaced, util::convert_text);
    assert!(spaced.warnings.is_empty(), "{:?}", spaced.warnings);
    assert_eq!(spaced.xml.matches("<division").count(), 3, "{}", spaced.xml);
    assert_eq!(
        util::paragraph_numbers(&spaced.document),
        [
            Some("1."),
            Some("2."),
            Some("3."),
            None,
            Some("4."),
            Some("5.")
        ],
        "{}",
        spaced.xml
    );
    assert_eq!(packed.xml, spaced.xml);
    assert!(packed.warnings.is_empty(), "{:?}", packed.warnings);
}

#[test]
fn recitals_without_blank_lines_part_at_a_call_and_around_a_heading() {
    // 78/8: "… for 2022 1" (the comma lost, the call kept) ⏎ "Taking note
    // of …"; 78/148: "… parties thereto," ⏎ "Multimodal transportation" ⏎
    // "Noting that …". Without blank lines both had run into one recital.
    let text = "The General Assembly,\nHaving received the report of the Agency for 2022 1\nTaking note of the statement by the Director General,\nRecognizing the importance of transport and transit agreements for parties thereto,\nMultimodal transportation\nNoting that multimodal transport systems are needed,\n1. Decides to act.\n_______\n1 A/78/1.\n";
    let conversion = util::convert_fragment(text);
    assert_eq!(
        util::container_names(&conversion.document),
        [
            "havingReceived",
            "takingNote",
            "recognizing",
            "multimodal",
            "noting"
        ],
        "{}",
        conversion.xml
    );
}

#[test]
fn a_title_over_three_lines_without_blank_lines_is_one_title() {
    // 78/106 with its blank lines removed: the title's second and third
    // lines had been masthead lines "not recognised".
    let text = "United Nations\nA/RES/78/106\nGeneral Assembly\nDistr.: General\n11 December 2023\nSeventy-eighth session\nAgenda item 77\nReport of the United Nations Commission on International\nTrade Law on the work of its fifty-sixth session\nResolution adopted by the General Assembly\non 7 December 2023\n[on the report of the Sixth Committee (A/78/433, para. 13)]\n78/106. Guide on Access to Credit for Micro-, Small and Medium-sized\nEnterprises of the United Nations Commission on International\nTrade Law\nThe General Assembly,\nRecalling its resolution 2205 (XXI),\n1. Commends the Commission;\n2. Decides to act.\n46th plenary meeting\n7 December 2023\n";
    let conversion = util::convert_without_warnings(text);
    assert!(
        conversion.xml.contains("<docNumber>78/106.</docNumber> <docTitle>Guide on Access to Credit for Micro-, Small and Medium-sized Enterprises of the United Nations Commission on International Trade Law</docTitle>"),
        "{}",
        conversion.xml
    );
    assert_eq!(util::container_names(&conversion.document), ["recalling"]);
    assert_eq!(
        util::paragraph_numbers(&conversion.document),
        [Some("1."), Some("2.")]
    );
}

#[test]
fn annex_paragraphs_are_unwrapped_and_tables_keep_their_rows() {
    // 79/323's annex: prose broke at every printed line (`<eol/>`), and the
    // end of paragraph 1 on the next page ("… Action Agenda.<sup>1</sup>" ⏎
    // (page) ⏎ "We also uphold …") was a paragraph without a number.
    let path = util::root().join("tests/fixtures/pairs/A_RES_79_323.txt");
    let conversion = util::convert_text(&std::fs::read_to_string(path).unwrap());
    let annex = &conversion.document.annexes[0];
    let first = annex.paragraphs().next().unwrap();
    assert_eq!(first.num.as_deref(), Some("1."));
    // Notes 2–4 ("Monterrey Consensus,<sup>2</sup>" …) are in paragraph 1.
    for marker in 2..=4 {
        let note = format!("eId=\"att_1__para_1__authorialNote_{marker}\" marker=\"{marker}\"");
        assert!(conversion.xml.contains(&note), "{note}");
    }
    // Only the part labels keep their line ("II." ⏎ "Action areas").
    let broken = annex
        .paragraphs()
        .filter(|p| p.num.is_some() && p.content.contains(&un2akn::model::Inline::Eol))
        .count();
    assert_eq!(broken, 0, "numbered paragraphs with line breaks");
    // 80/239's annexed table: a row's cells stay apart, a cell's wrapped
    // text does not ("… scale of" ⏎ "assessments applicable …").
    let path = util::root().join("tests/fixtures/corpus/A_RES_80_239.txt");
    let conversion = util::convert_text(&std::fs::read_to_string(path).unwrap());
    assert!(
        conversion.xml.contains("in accordance with the scale of assessments applicable to the regular budget of the United Nations for 2026<eol/>28 063 300<eol/>25 634 100<eol/>"),
        "{}",
        conversion.xml
    );
}

#[test]
fn a_number_alone_on_its_line_in_an_annex_numbers_its_paragraph() {
    // 79/323's annex (the Sevilla Commitment) prints "1." on its own line
    // above the text, and "F." ⏎ "International financial architecture …"
    // ⏎ "52. From Monterrey …" with no blank line: the number had stayed in
    // the text of a table-like row, and paragraph 52 in its heading.
    let path = util::root().join("tests/fixtures/pairs/A_RES_79_323.txt");
    let conversion = util::convert_text(&std::fs::read_to_string(path).unwrap());
    let annex = &conversion.document.annexes[0];
    let numbers: Vec<u32> = annex
        .paragraphs()
        .filter_map(|p| p.num.as_deref())
        .map(|n| n.trim_end_matches('.').parse().unwrap())
        .collect();
    assert_eq!(numbers, (1..=numbers.len() as u32).collect::<Vec<_>>());
    assert!(numbers.len() >= 60, "{}", numbers.len());
    assert!(
        !conversion.xml.contains("<p>1.<eol/>"),
        "{}",
        conversion.xml
    );
    assert!(
        util::messages(&conversion).is_empty(),
        "{:?}",
        util::messages(&conversion)
    );
}

#[test]
fn paragraph_numbers_out_of_sequence_are_warned() {
    let convert = |numbers: &str| {
        let mut text = String::from("A/RES/80/999\n\n80/999. Test\n\nThe General Assembly,\n\nRecalling its resolutions,\n\n");
        for number in numbers.split(' ') {
            match number {
                "I" | "II" => text.push_str(&format!("{number}\nPart {number}\n\n")),
                "Heading" => text.push_str("Guideline on the matter\n\n"),
                _ => text.push_str(&format!("{number}. Decides to act;\n\n")),
            }
        }
        text.push_str("1st plenary meeting\n1 January 2025\n");
        util::messages(&util::convert_text(&text))
            .iter()
            .map(|m| m.to_string())
            .collect::<Vec<_>>()
    };
    assert!(convert("1 2 3").is_empty());
    assert_eq!(
        convert("1 2 4"),
        ["paragraph 4 follows paragraph 2: number 3 is missing; kept as printed"]
    );
    assert_eq!(
        convert("1 2 6"),
        ["paragraph 6 follows paragraph 2: numbers 3–5 are missing; kept as printed"]
    );
    assert_eq!(
        convert("1 2 2"),
        ["paragraph 2 is numbered twice; kept as printed"]
    );
    assert_eq!(
        convert("1 3 2"),
        [
            "paragraph 3 follows paragraph 1: number 2 is missing; kept as printed",
            "paragraph 2 follows paragraph 3: the numbering goes back; kept as printed"
        ]
    );
    assert_eq!(
        convert("1 2 1"),
        ["paragraph 1 follows paragraph 2: the numbering goes back to 1 without a new part; kept as printed"]
    );
    assert_eq!(
        convert("2 3"),
        ["the first numbered paragraph is 2; kept as printed"]
    );
    // A part, or a heading between, may start the numbers again.
    assert!(
        convert("I 1 2 II 1 2").is_empty(),
        "{:?}",
        convert("I 1 2 II 1 2")
    );
    assert!(convert("I 1 2 II 3 4").is_empty());
    assert!(
        convert("1 2 Heading 1 2").is_empty(),
        "{:?}",
        convert("1 2 Heading 1 2")
    );
}

#[test]
fn lettered_points_announced_in_the_preamble_stay_in_their_recital() {
    let text = "## Resolution adopted by the General Assembly on 19 December 2024\n\n### 79/218. Least developed countries\n\n*The General Assembly,*\n\n*Recalling* its resolutions,\n\n*Reaffirming also* that the Programme of Action is grounded in key focus areas:\n\n(a) Investing in people;\n\n(b) Leveraging the power of science,\n\n*Noting* the report,\n\n1. *Decides* to act.\n";
    let conversion = util::convert_text(text);
    let preamble = &conversion.document.parts.preamble;
    assert_eq!(preamble.containers.len(), 3, "{}", conversion.xml);
    assert_eq!(preamble.containers[1].name, "reaffirmingAlso");
    assert!(
        conversion
            .xml
            .contains("key focus areas:<eol/>(a) Investing in people;<eol/>(b) Leveraging"),
        "{}",
        conversion.xml
    );
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
}

#[test]
fn a_lower_case_line_goes_on_an_enumeration_split_by_a_page() {
    let text = "## Resolution adopted by the General Assembly on 19 December 2024\n\n### 79/199. Financing\n\n*The General Assembly,*\n\n*Recalling* its resolutions,\n\n1. *Recalls* the seven action areas, namely, domestic public resources; private business and finance;\n\n---\n\ninternational development cooperation; and data, monitoring and follow-up;\n\n2. *Decides* to act.\n";
    let conversion = util::convert_text(text);
    let paragraphs: Vec<_> = conversion.document.parts.paragraphs().collect();
    assert_eq!(paragraphs.len(), 2, "{}", conversion.xml);
    assert!(
        conversion
            .xml
            .contains("private business and finance; international development cooperation;"),
        "{}",
        conversion.xml
    );
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
}

#[test]
fn points_whose_labels_markdown_lost_are_restored_with_a_warning() {
    let text = format!(
        "{HEAD}7. *Requests* the Secretary-General:\n\nTo continue the practice;\n\nTo circulate a note;\n\n(c) To consult;\n\n8. *Encourages* Member States:\n\n(a) To inform;\n\n(b) The panels will address these themes:\n\nPanel 1: Tackling the determinants;\n\n9. *Decides* to act.\n"
    );
    let conversion = util::convert_text(&text);
    let paragraphs: Vec<_> = conversion.document.parts.paragraphs().collect();
    let labels = |n: usize| -> Vec<String> {
        let list = paragraphs[n].list.as_ref().expect("a list");
        list.points.iter().map(|p| p.num.clone()).collect()
    };
    assert_eq!(paragraphs.len(), 3, "{}", conversion.xml);
    assert_eq!(labels(0), ["(a)", "(b)", "(c)"]);
    // After "(b) … themes:" the text is (b)'s item, not a point of its own.
    assert_eq!(labels(1), ["(a)", "(b)"]);
    assert!(
        conversion
            .xml
            .contains("address these themes:<eol/>Panel 1: Tackling the determinants;</p>"),
        "{}",
        conversion.xml
    );
    assert_eq!(paragraphs[2].num.as_deref(), Some("9."));
    let restored = conversion
        .warnings
        .iter()
        .filter(|w| w.message.contains("restored from the sequence"))
        .count();
    assert_eq!(restored, 2, "{:?}", conversion.warnings);
}

#[test]
fn a_titles_colon_before_a_break_opens_no_list() {
    // "… the Recueil de droit international:" ⏎ (page) ⏎ "Collection
    // d’instruments, …;" ⏎ "2. …" and "… Agenda 2063:" ⏎ (page) ⏎ "The
    // Africa We Want.¹": a first point restored with no second point after
    // it was the paragraph's text; no list has one point.
    let text = format!(
        "{HEAD}1. *Expresses its appreciation* for the issuance of the Recueil de droit international:\n\nCollection d’instruments, the French language equivalent of the Handbook;\n\n2. *Endorses* the conclusions on support for Agenda 2063:\n\nThe Africa We Want.<sup>1</sup>\n\n<sup>1</sup> A/78/16.\n"
    );
    let conversion = util::convert_without_warnings(&text);
    let paragraphs: Vec<_> = conversion.document.parts.paragraphs().collect();
    assert_eq!(paragraphs.len(), 2, "{}", conversion.xml);
    assert!(
        paragraphs.iter().all(|p| p.list.is_none()),
        "{}",
        conversion.xml
    );
    assert!(
        conversion
            .xml
            .contains("droit international: Collection d’instruments, the French"),
        "{}",
        conversion.xml
    );
    assert!(
        conversion
            .xml
            .contains("Agenda 2063: The Africa We Want.<authorialNote"),
        "{}",
        conversion.xml
    );
}

#[test]
fn a_part_whose_long_heading_follows_the_formula_is_a_division() {
    let text = "## Resolution adopted by the General Assembly on 30 December 2025\n\n### 80/243. Questions relating to the budget\n\n*The General Assembly,*\n\nI\nConditions of service and compensation for officials, other than Secretariat officials, serving the General Assembly: full-time members of the International Civil Service Commission and the Chair of the Advisory Committee\n\n*Recalling* its resolution 35/221,\n\n1. *Takes note* of the report;\n\nII\nStrategic heritage plan\n\n2. *Approves* the amount.\n";
    let conversion = util::convert_text(text);
    assert!(
        conversion.document.parts.preamble.containers.is_empty(),
        "{}",
        conversion.xml
    );
    assert_eq!(
        conversion.document.parts.divisions().count(),
        2,
        "{}",
        conversion.xml
    );
    assert_eq!(conversion.document.parts.paragraphs().count(), 2);
    let first = conversion.document.parts.divisions().next().unwrap();
    assert_eq!(first.recitals.len(), 1);
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
}

/// A paragraph number without its dot ("26 Condemns …") or with a comma
/// for it ("7, Again calls …", an OCR slip) is numbered when it is the next
/// in the sequence and a lead phrase follows; the comma is warned about. A
/// number out of sequence stays text.
#[test]
fn paragraph_numbers_that_lost_their_dot_keep_their_place() {
    let text = "The General Assembly,\n\n*Recalling* its resolutions,\n\n\
                6. *Decides* to act;\n\n7, Again calls for an end to it;\n\n\
                8 Condemns without reservation any denial;\n\n\
                12 States took part in the meeting;\n";
    let conversion = util::convert_fragment(text);
    let numbers = util::paragraph_numbers(&conversion.document);
    assert_eq!(numbers, [Some("6."), Some("7,"), Some("8"), None]);
    let messages = util::messages(&conversion);
    assert!(
        messages.contains(&"paragraph number \"7,\" taken for \"7.\" (OCR slip), kept as printed"),
        "{messages:?}"
    );
}

#[test]
fn unnumbered_operative_verbs_before_recitals_are_recitals() {
    // S/RES/2671 (2022): "Recalls that …," in the middle of the preamble;
    // the recitals after it show it was one, so the operative part begins
    // at paragraph 1.
    let text = "The General Assembly,\n\n*Noting* with concern the situation,\n\n\
                Recalls that the deployment of the Force is a step toward peace,\n\n\
                *Recalling* resolution 2378 (2017),\n\n\
                1. *Calls upon* the parties concerned to implement its resolution;\n\n\
                2. *Decides* to remain seized of the matter.\n";
    let conversion = util::convert_fragment_without_warnings(text);
    let document = &conversion.document;
    let names = util::container_names(document);
    assert_eq!(names, ["noting", "recalls", "recalling"]);
    let numbers = util::paragraph_numbers(document);
    assert_eq!(numbers, [Some("1."), Some("2.")]);
}

#[test]
fn a_lone_unnumbered_operative_paragraph_stays_operative() {
    // An old resolution's single unnumbered decision is its operative part.
    let text = "The General Assembly,\n\n*Noting* with concern the situation,\n\n\
                *Decides* to remain seized of the matter.\n";
    let conversion = util::convert_fragment(text);
    assert_eq!(conversion.document.parts.preamble.containers.len(), 1);
    assert_eq!(conversion.document.parts.paragraphs().count(), 1);
}

#[test]
fn tab_separated_labels_open_divisions_and_points() {
    // Text taken from a word processor (or the UN's own files): "I", a tab,
    // the part's heading; "–", a tab, a bulleted point.
    let text = "The General Assembly,\n\n\
                I\tActivities of the Office of Internal Oversight Services\n\n\
                Recalling its resolutions 48/218 B and 54/244,\n\n\
                1. Commends the Office on the following:\n\n\
                –\tits good offices function;\n\n–\tits transition plan;\n\n\
                B\tActivities of the Independent Audit Advisory Committee\n\n\
                1. Notes the work of the Committee;\n";
    let conversion = util::convert_fragment_without_warnings(text);
    let document = &conversion.document;
    assert!(document.parts.preamble.containers.is_empty());
    let divisions: Vec<(&str, bool)> = document
        .parts
        .divisions()
        .map(|d| (d.num.as_str(), d.heading.is_some()))
        .collect();
    assert_eq!(divisions, [("I", true), ("B", true)]);
    let first = document.parts.paragraphs().next().expect("paragraph 1");
    let labels = util::point_labels(first);
    assert_eq!(labels, ["–", "–"]);
}

#[test]
fn a_first_paragraph_numbered_l_and_points_lettered_a_dot_are_read() {
    // 76/256 prints "l." for "1." (in the UN's own file too); S/RES/2753
    // (2024) labels its points "a.", "b.". After a recital ending in a
    // comma, "l. Decides" starts the operative part: no continuation.
    let text = "The General Assembly,\n\n\
                Recognizing that the observance of a day will raise awareness,\n\n\
                l.\tDecides to designate 12 May as the International Day of Plant Health;\n\n\
                2.\tNotes the proposal, which covers:\n\n\
                a.\tSupport to state-building;\n\nb.\tPromotion of human rights;\n";
    let conversion = util::convert_fragment(text);
    let document = &conversion.document;
    assert_eq!(document.parts.preamble.containers.len(), 1);
    let paragraphs: Vec<_> = document.parts.paragraphs().collect();
    let numbers: Vec<Option<&str>> = paragraphs.iter().map(|p| p.num.as_deref()).collect();
    assert_eq!(numbers, [Some("l."), Some("2.")]);
    let labels = util::point_labels(paragraphs[1]);
    assert_eq!(labels, ["a.", "b."]);
    let messages = util::messages(&conversion);
    assert_eq!(
        messages,
        ["paragraph number \"l.\" taken for \"1.\" (OCR slip), kept as printed"]
    );
}

#[test]
fn separators_between_paragraphs_are_kept_in_place() {
    // 78/148: "* * *" between groups of recitals, once right under the
    // recital's last line; and between operative paragraphs, where it
    // once ended the operative part.
    let text = "The General Assembly,\n\nRecalling its resolutions,\n\n\
                Stressing the importance of connectivity, and encouraging\n\
                investment in the least developed countries,\n* * *\n\n\
                Noting the report,\n\n1. Decides to act;\n\n* * *\n\n\
                2. Requests the Secretary-General to report.\n";
    let conversion = util::convert_fragment_without_warnings(text);
    let preamble = &conversion.document.parts.preamble;
    assert_eq!(preamble.containers.len(), 3);
    let separators: Vec<(usize, &str)> = preamble
        .separators
        .iter()
        .map(|s| (s.before, s.text.as_str()))
        .collect();
    assert_eq!(separators, [(2, "* * *")]);
    let numbers = util::paragraph_numbers(&conversion.document);
    assert_eq!(numbers, [Some("1."), None, Some("2.")]);
    assert!(conversion.document.parts.conclusions.is_empty());
    let xml = &conversion.xml;
    let before = xml
        .find("least developed countries,</p>")
        .expect("the recital");
    let separator = xml.find("<p>* * *</p>").expect("the separator");
    let noting = xml.find("<i>Noting</i>").expect("the next recital");
    assert!(before < separator && separator < noting);
    // The review page shows it, and counts it as no preambular paragraph.
    let view = un2akn::view::read(xml).expect("the output reads");
    let page = un2akn::render::page(
        &view,
        &un2akn::render::Source {
            name: "separators",
            input: Some(text),
            warnings: &[],
        },
    );
    assert_eq!(
        page.matches("<div class=\"separator\"><p>* * *</p></div>")
            .count(),
        1
    );
    assert_eq!(view.counts().preamble, 3);
}

#[test]
fn points_after_a_recital_that_does_not_announce_them_stay_in_it() {
    // No recital starts with "(a)": the points go with the recital before
    // them even when its lead-in lost the ":" (text taken from a file whose
    // list introduction was cut), with a warning, instead of becoming
    // recitals named "aInternational".
    let text = "The General Assembly,\n\nRecalling the Convention,\n\nConvinced\n\n\
                (a)\tInternational peace and security,\n\n\
                (b)\tEliminating chemical weapons,\n\n\
                Noting the efforts of the Organisation,\n\n1. Decides to act.\n";
    let conversion = util::convert_fragment(text);
    let names = util::container_names(&conversion.document);
    assert_eq!(names, ["recalling", "convinced", "noting"]);
    let messages = util::messages(&conversion);
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].starts_with("point after a recital that does not announce it"));
}

#[test]
fn a_table_row_between_paragraphs_is_warned_about_not_taken_for_a_heading() {
    // The lines warned about and the number of paragraphs, after paragraph
    // 1 and the blocks in `between`.
    let convert = |between: &str| {
        let text = format!(
            "The General Assembly,\n\nRecalling its resolutions,\n\n\
             1. Decides that the levels shall be as follows:\n\n{between}\
             2. Requests the Secretary-General to report.\n"
        );
        let conversion = util::convert_fragment(&text);
        let lines: Vec<usize> = conversion
            .warnings
            .iter()
            .map(|w| w.position.line)
            .collect();
        (lines, conversion.document.parts.paragraphs().count())
    };
    // A table rendered as text ends its rows in the figures of two cells;
    // a heading ("Budget performance for 2021") ends in one figure at most.
    let found = convert(
        "D Member States with less than twice the average income 21,566 20\n\n\
         Budget performance for the period from 1 July 2020 to 30 June 2021\n\n",
    );
    assert_eq!(found, (vec![7], 4));
    // A heading may run to 270 characters ("Decision 75/570 on …", 76/246);
    // a row whose two cells' figures stand inside it ("Under 12,940 80 (or
    // 70 on a voluntary basis)") is still a row, and so are a table's cells
    // run together, which read as no phrase.
    let found = convert(
        "H Member States with less than the average income Under 12,940 80 (or 70 on a voluntary basis)\n\n\
         Action Title of post Category/level Number Establishment Legal Officer P-4 1 Establishment \
         Senior Benefits Assistant GS (PL) 1 Establishment Information Systems Assistant GS (OL) 1 Total new posts\n\n\
         Decision 75/570 on the intergovernmental conference on an international legally binding \
         instrument under the United Nations Convention on the Law of the Sea on the conservation and \
         sustainable use of marine biological diversity of areas beyond national jurisdiction\n\n",
    );
    assert_eq!(found, (vec![7, 9], 5));
}

#[test]
fn a_heading_left_at_the_foot_of_a_page_stays_a_heading() {
    // 78/148 laid out so that "Multimodal transportation" ends a page: the
    // page break joins it to the recital after it, which must start afresh.
    let text = "The General Assembly,\n\n\
                Emphasizing the need to promote harmonization of rules,\n\n\
                Multimodal transportation\n\n\x0c\n\
                Noting that, in developing multimodal transport systems, it is necessary\n\
                to consider the needs of all users,\n\n\
                1. Decides to act.\n";
    let conversion = util::convert_fragment_without_warnings(text);
    let names = util::container_names(&conversion.document);
    assert_eq!(names, ["emphasizing", "multimodal", "noting"]);
}

/// Text extracted from a PDF: the masthead, a recital whose words are
/// broken at line ends, the job number at the foot of the page when
/// `typeset`.
fn hyphenated_page(typeset: bool) -> String {
    let foot = if typeset { "\n24-12345 (E)\n" } else { "" };
    format!(
        "Resolution adopted by the General Assembly on 9 December 2024\n\n79/144. Oceans\n\nThe General Assembly,\n\nRecalling the needs of donor-\nfunded service providers and of climate-\nproofed ports, the Organisation for Economic Co-\noperation and Development, and the statements on COVID-19-\nrelated issues and decision WT/MIN(15)/48-\nWT/L/982,\n\n1. Decides to act.\n{foot}"
    )
}

#[test]
fn line_end_hyphens_on_un_typeset_pages_are_the_words() {
    // The UN's typesetting never breaks a word at a line end: on the 258
    // English pairs all 488 such hyphens are printed in the UN's own file.
    // On a page with the UN's job number every one stays, even where the
    // lexicon knows the word whole ("cooperation"); a typewritten text
    // without one is read by the lexicon and the rules ("donorfunded").
    let typeset = util::convert_text(&hyphenated_page(true));
    let xml = &typeset.xml;
    for word in [
        "donor-funded",
        "climate-proofed",
        "Co-operation",
        "COVID-19-related",
        "WT/MIN(15)/48-WT/L/982",
    ] {
        assert!(xml.contains(word), "{word} in {xml}");
    }
    let typewritten = util::convert_text(&hyphenated_page(false));
    assert!(
        typewritten.xml.contains("donorfunded"),
        "{}",
        typewritten.xml
    );
    assert!(
        typewritten.xml.contains("Cooperation"),
        "{}",
        typewritten.xml
    );
    // After a figure the hyphen is the word's on any page.
    assert!(typewritten.xml.contains("COVID-19-related"));
}

#[test]
fn an_unnumbered_paragraph_with_a_verb_the_lexicon_lacks_is_operative() {
    // A one-paragraph resolution prints its paragraph unnumbered; with a
    // verb no list has, it was a recital and the resolution had no
    // operative part. A verb in "-s" closed by "." (a call after it aside)
    // is operative; a recital's comma keeps it a recital.
    let text = "Resolution adopted by the General Assembly on 18 December 2023\n\n78/124. Credentials\n\nThe General Assembly,\n\nHaving considered the report of the Credentials Committee,\n\nRatifies the report of the Credentials Committee.1\n\n48th plenary meeting\n18 December 2023\n\n__________________\n1 A/78/605.\n";
    let document = util::convert_text(text).document;
    assert_eq!(util::container_names(&document), ["havingConsidered"]);
    assert_eq!(util::paragraph_numbers(&document), [None]);
    let recital = text.replace("Committee.1", "Committee,1");
    let document = util::convert_text(&recital).document;
    assert_eq!(util::container_names(&document).len(), 2);
}

#[test]
fn lines_after_a_point_ending_in_a_colon_are_its_items() {
    // A/RES/79/273 and 80/247: "(b) … the following themes:" ⏎ "Panel 1: …;"
    // ⏎ "Panel 2: …;" ⏎ "(c) …". The panels had been unnumbered paragraphs,
    // and (c) and (d) points of the second panel.
    let text = "The General Assembly,\n\nRecalling its resolutions,\n\n\
                1. Decides that the arrangements will be as follows:\n\n\
                (a) Two panels will be held;\n\n\
                (b) The panels will address the following themes:\n\n\
                Panel 1: Tackling the determinants of disease;\n\n\
                Panel 2: Reshaping health systems;\n\n\
                (c) Each panel will be co-chaired by two representatives;\n\n\
                2. Requests the President to act.\n";
    let conversion = util::convert_fragment_without_warnings(text);
    let numbers = util::paragraph_numbers(&conversion.document);
    assert_eq!(numbers, [Some("1."), Some("2.")]);
    let first = conversion.document.parts.paragraphs().next().unwrap();
    assert_eq!(util::point_labels(first), ["(a)", "(b)", "(c)"]);
    assert!(
        conversion.xml.contains(
            "following themes:<eol/>Panel 1: Tackling the determinants of disease;<eol/>Panel 2: Reshaping health systems;</p>"
        ),
        "{}",
        conversion.xml
    );
    // S/RES/724 (1991): a sub-point's label read apart from its text. The
    // line taken as an item may be sub-point (i), so (i) after it is warned.
    let shifted = text
        .replace(
            "Panel 1: Tackling the determinants of disease;",
            "To examine the reports;",
        )
        .replace(
            "Panel 2: Reshaping health systems;",
            "(i) To seek information;",
        );
    let conversion = util::convert_fragment(&shifted);
    assert_eq!(
        util::messages(&conversion),
        ["sub-point (i) follows lines taken as items of point (b): one of them may be a sub-point whose label was lost"]
    );
}

#[test]
fn an_annexed_convention_has_its_formulas_chapters_and_articles() {
    // A convention annexed to the resolution that adopts it (79/243's
    // shape): "The States Parties to this Convention," and "Have agreed as
    // follows:" around its recitals, then chapters holding articles whose
    // paragraphs are numbered from 1 in each, or not at all.
    let text = "The General Assembly,\n\nRecalling its resolutions,\n\n\
                1. Adopts the Convention annexed to the present resolution.\n\n\
                Annex\n\nUnited Nations Convention against Cybercrime\n\nPreamble\n\n\
                The States Parties to this Convention,\n\n\
                Bearing in mind the purposes of the Charter,\n\n\
                Have agreed as follows:\n\n\
                Chapter I\nGeneral provisions\n\n\
                Article 1\nStatement of purpose\n\n\
                The purposes of this Convention are:\n\n\
                (a) To promote measures;\n\n(b) To promote cooperation.\n\n\
                Chapter II\nCriminalization\n\n\
                Article 7\nIllegal access\n\n\
                1. Each State Party shall adopt measures.\n\n\
                2. A State Party may require intent.\n\n\
                Article 8\nIllegal interception\n\n\
                1. Each State Party shall adopt measures.\n\n\
                In witness whereof, the undersigned have signed this Convention.\n";
    let conversion = util::convert_fragment_without_warnings(text);
    let annex = &conversion.document.annexes[0];
    let names: Vec<&str> = annex
        .preamble
        .containers
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["bearingInMind"]);
    assert!(annex.preamble.formula.is_some());
    assert!(annex.preamble.closing_formula.is_some());
    use un2akn::model::DivisionKind;
    let divisions: Vec<(DivisionKind, &str, usize)> = annex
        .divisions()
        .map(|d| (d.kind, d.num.as_str(), d.provisions.len()))
        .collect();
    assert_eq!(
        divisions,
        [
            (DivisionKind::Chapter, "Chapter I", 1),
            (DivisionKind::Article, "Article 1", 1),
            (DivisionKind::Chapter, "Chapter II", 2),
            (DivisionKind::Article, "Article 7", 2),
            (DivisionKind::Article, "Article 8", 1),
        ]
    );
    let xml = &conversion.xml;
    for element in [
        "<formula eId=\"att_1__formula_2\" name=\"closingFormula\">",
        "<chapter eId=\"att_1__chp_II\">",
        "<article eId=\"att_1__chp_II__art_8\">",
        "<num>Article 8</num>",
        "<heading>Illegal interception</heading>",
    ] {
        assert!(xml.contains(element), "{element}\n{xml}");
    }
    // "In witness whereof …" closes the convention: its conclusions.
    assert_eq!(annex.conclusions.len(), 1, "{xml}");
    un2akn::validate::validate_with(xml, un2akn::validate::Engine::Native).unwrap();
    un2akn::validate::validate_with(xml, un2akn::validate::Engine::Libxml2).unwrap();
    // With no blank line under an article's heading, the text under it
    // still stands apart ("Article 1" ⏎ "Statement of purpose" ⏎ "The …").
    let unspaced = text.replace(
        "Statement of purpose\n\nThe purposes",
        "Statement of purpose\nThe purposes",
    );
    assert_ne!(unspaced, text);
    let conversion = util::convert_fragment_without_warnings(&unspaced);
    let annex = &conversion.document.annexes[0];
    let article = annex.divisions().nth(1).unwrap();
    assert_eq!(article.num, "Article 1");
    assert_eq!(article.provisions.len(), 1, "{}", conversion.xml);
    // "Article 4 of the Convention …" is text, not an article's label.
    let cited = text.replace(
        "The purposes of this Convention are:",
        "Article 4 of the Convention applies to:",
    );
    let conversion = util::convert_fragment(&cited);
    assert!(conversion
        .xml
        .contains("<p>Article 4 of the Convention applies to:</p>"));
}

#[test]
fn a_table_in_the_operative_part_keeps_its_cells_apart() {
    // A/RES/80/243 prints its posts as a table, one cell per line: they had
    // been run together into one line of text ("Action Title of post
    // Category/level Number Establishment Legal Officer P-4 1"). Prose
    // wrapped in a narrow column keeps flowing.
    let text = "The General Assembly,\n\n\
                Recalling its resolution 79/1 of 22 September 2024 on the matter, and its resolutions on the\n\
                subject adopted since then by consensus, and the reports of the Secretary-General thereon,\n\n\
                1. Approves the establishment and reclassification of the following posts, as set out in\n\
                the table below and in the report of the Secretary-General on the matter of the posts:\n\n\
                Action\nTitle of post\nCategory/level\nNumber\nEstablishment\nLegal Officer\nP-4\n1\n\n\
                2. Requests the Secretary-General to report\non the implementation of the present\n\
                resolution at its next session, under the\nitem entitled \"Pension system\".\n";
    let conversion = util::convert_fragment(text);
    let xml = &conversion.xml;
    assert!(
        xml.contains("<p>Action<eol/>Title of post<eol/>Category/level<eol/>Number<eol/>Establishment<eol/>Legal Officer<eol/>P-4<eol/>1</p>"),
        "{xml}"
    );
    assert!(
        xml.contains(
            "to report on the implementation of the present resolution at its next session"
        ),
        "{xml}"
    );
    assert_eq!(xml.matches("<eol/>").count(), 7, "{xml}");
}

#[test]
fn a_running_title_after_a_comma_in_text_without_blank_lines_is_furniture() {
    // 78/159 without blank lines: "… conserving oceans and seas," ⏎ the
    // running title of two lines ⏎ "3/3": the title is the masthead's, so it
    // is page furniture although the line above runs into it; the recital
    // goes on after it.
    let text = "United Nations\n\
A/RES/78/159\n\
General Assembly\n\
Distr.: General\n\
27 December 2023\n\
Seventy-eighth session\n\
Agenda item 18\n\
Resolution adopted by the General Assembly on 19 December 2023\n\
78/159. Strengthening cooperation for integrated coastal zone\n\
management for achieving sustainable development\n\
The General Assembly,\n\
Recalling its resolution 76/206 of 17 December 2021 on the integrated management of coastal\n\
zones and the related resolutions of the Assembly on the oceans and the law of the sea,\n\
Noting that the Sustainable Development Goals Summit committed to conserving and sustainably\n\
using oceans and seas,\n\
A/RES/78/159\n\
Strengthening cooperation for integrated coastal zone\n\
management for achieving sustainable development\n\
23-25893\n\
2/3\n\
Welcoming the convening of the United Nations Ocean Conference in 2025 and the work of its\n\
preparatory process, and noting the contributions of all stakeholders to the conference,\n\
Recognizing the need for integrated approaches to the management of coastal areas, and the\n\
links between land-based activities and the health of the oceans and seas, and noting the\n\
efforts made by Member States in that regard, including in the Indian Ocean and the\n\
Caribbean region, as well as the Pacific, and also committed to conserving oceans and seas,\n\
Strengthening cooperation for integrated coastal zone\n\
management for achieving sustainable development\n\
3/3\n\
23-25893\n\
using freshwater resources, as well as forests, mountains and drylands,\n\
1. Decides to include in the provisional agenda of its eightieth session the item.\n\
50th plenary meeting\n\
19 December 2023\n\
";
    let conversion = util::convert_text(text);
    let document = &conversion.document;
    assert_eq!(
        util::container_names(document),
        ["recalling", "noting", "welcoming", "recognizing"],
        "{}",
        conversion.xml
    );
    assert!(conversion
        .xml
        .contains("oceans and seas, using freshwater resources"));
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
}

#[test]
fn the_meeting_line_right_under_the_last_paragraph_closes_it() {
    // 78/70: "… entitled “Assistance in mine action”." ⏎ "45th plenary
    // meeting" ⏎ "7 December 2023", with no blank line between them.
    let text = "Resolution adopted by the General Assembly on 7 December 2023\n\n78/70. Assistance in mine action\n\nThe General Assembly,\n\nRecalling its resolution 77/65 of 7 December 2022,\n\n1. Welcomes the report of the Secretary-General;\n\n2. Decides to include in the provisional agenda of its eightieth session the\nitem entitled “Assistance in mine action”.\n45th plenary meeting\n7 December 2023\n";
    let conversion = util::convert_without_warnings(text);
    assert!(
        conversion
            .xml
            .contains("entitled “Assistance in mine action”.</p>"),
        "{}",
        conversion.xml
    );
    assert!(conversion
        .xml
        .contains("<event refersTo=\"#meeting_1\">45th plenary meeting</event>"));
}

#[test]
fn a_points_label_cited_at_a_lines_start_is_no_point() {
    // S/RES/2620: "… subparagraphs (c)," ⏎ "(d) and (e) of paragraph 3 …",
    // and "subparagraph (a)" ⏎ "(b) of the Convention;": references
    // broken before the label, not points.
    let text = "Resolution adopted by the General Assembly on 7 December 2023\n\n78/999. Sanctions\n\nThe General Assembly,\n\nRecalling its resolution 77/1,\n\n1. Recalls the measures imposed by subparagraphs (c),\n(d) and (e) of paragraph 3 of resolution 1591 (2005);\n\n2. Calls for the application of article 4, subparagraph (a) and\n(b) of the Convention;\n\n48th plenary meeting\n7 December 2023\n";
    let conversion = util::convert_without_warnings(text);
    assert!(!conversion.xml.contains("<point"), "{}", conversion.xml);
    assert_eq!(
        util::paragraph_numbers(&conversion.document),
        [Some("1."), Some("2.")]
    );
}

#[test]
fn an_annexs_parts_and_their_lettered_sections_nest() {
    // 79/323's annex (the Sevilla Commitment) opens with "I." ⏎ its
    // heading, and part II's block of headings holds section "A." with
    // its own: part I had been left in the preface, "II." and "B."–"G."
    // read as unnumbered paragraphs, and "III" nested inside "G". The
    // parts are roman, their sections lettered inside them.
    let path = util::root().join("tests/fixtures/pairs/A_RES_79_323.txt");
    let conversion = util::convert_text(&std::fs::read_to_string(path).unwrap());
    let divisions: Vec<&str> = conversion
        .xml
        .match_indices("<division eId=\"")
        .map(|(at, found)| {
            let rest = &conversion.xml[at + found.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    let letters = ["A", "B", "C", "D", "E", "F", "G"].map(|l| format!("att_1__dvs_II__dvs_{l}"));
    let mut expected = vec!["att_1__dvs_I".to_string(), "att_1__dvs_II".to_string()];
    expected.extend(letters);
    expected.push("att_1__dvs_III".to_string());
    assert_eq!(divisions, expected);
    assert!(conversion
        .xml
        .contains("<num>I</num>\n              <heading>A renewed global financing for development framework</heading>"));
}

#[test]
fn a_parts_label_and_wrapped_heading_over_a_recital_stand_apart_without_blank_lines() {
    // 79/258 and 80/243 without blank lines: a budget resolution's parts,
    // each a Roman label, a heading and recitals. "… Questions;" ⏎ "II
    // Request for a subvention …" (label and heading on one line) had been
    // glued to paragraph 2; a heading wrapped after its comma ("… under
    // section 26," ⏎ "Palestine refugees") or inside a compound ("… its
    // thirty-" ⏎ "seventh special session") read as no heading, so the part
    // went into the paragraph before. The same text with blank lines is the
    // reference.
    let spaced = "The General Assembly,\n\nI\n\nUse of the commitment authority\n\nHaving considered the report of the Secretary-General,\n\n1. Takes note of the report of the Secretary-General;\n\n2. Endorses the conclusions and recommendations contained in the report of the Advisory\nCommittee on Administrative and Budgetary Questions;\n\nII Request for a subvention to the Residual Special Court for Sierra Leone\n\nRecalling its resolution 58/284 of 8 April 2004,\n\n1. Approves a subvention for 2025;\n\nIV\n\nRevised estimates relating to the proposed programme budget for 2025 under section 26,\nPalestine refugees\n\nHaving considered the report of the Secretary-General,\n\n1. Takes note of the report;\n\nXVI\n\nRevised estimates resulting from resolutions and decisions adopted by the Human Rights\nCouncil at its fifty-eighth, fifty-ninth and sixtieth regular sessions and its thirty-\nseventh special session\n\nHaving considered the report of the Secretary-General,\n\n1. Takes note of the report.\n";
    let spaced = packed_as_spaced(spaced, util::convert_fragment);
    assert_eq!(spaced.xml.matches("<division").count(), 4, "{}", spaced.xml);
    assert!(
        spaced
            .xml
            .contains("<heading>Request for a subvention to the Residual Special Court for Sierra Leone</heading>"),
        "{}",
        spaced.xml
    );
}

#[test]
fn a_point_after_a_conjunction_opens_without_blank_lines() {
    // Without blank lines: "…;" ⏎ "or" ⏎ "(i) Other sales …" (S/RES/2588),
    // the conjunction alone on its line; "… Yemeni law, and" ⏎ "(d)" ⏎ "to
    // facilitate …" (S/RES/2534), a label alone after a comma's
    // conjunction; "ii)" alone, a Spanish point's Roman label (76/251). Each
    // point had gone into the one before. The same text with blank lines is
    // the reference.
    let spaced = "The Security Council,\n\nRecalling its resolutions,\n\n1. Decides that the measures shall not apply to:\n\n(g) Supplies of non-lethal military equipment intended solely for humanitarian use,\nas notified in advance to the Committee;\n\n(h)\n\nSupplies of arms and other related lethal equipment, as approved in advance by the\nCommittee;\n\nor\n\n(i) Other sales or supply of arms and other related materiel, or provision of\nassistance or personnel, as approved in advance by the Committee;\n\n2. Decides that the mission shall undertake the following mandate:\n\n(a)\n\nto lead, and support the functioning of, the Redeployment Coordination Committee,\n\n(b) to work with the parties so that the security of the city of Hodeidah is assured by\nlocal security forces in accordance with Yemeni law, and\n\n(c)\n\nto facilitate and coordinate United Nations support to assist the parties to fully\nimplement the Hodeidah Agreement;\n\n3. Decides to remain seized of the matter.\n";
    let spaced = packed_as_spaced(spaced, util::convert_fragment);
    assert_eq!(spaced.xml.matches("<point").count(), 6, "{}", spaced.xml);
    let spaced = "La Asamblea General,\n\nRecordando su resolución 74/232,\n\n1. Decide que:\n\na) La Conferencia se celebrará en dos partes:\n\ni) La primera parte se celebrará en Nueva York el 17 de marzo de 2022;\n\nii)\n\nLa segunda parte se celebrará en Doha del 5 al 9 de marzo de 2023;\n\nb) Los demás eventos se celebrarán en Doha;\n\n2. Decide seguir ocupándose de la cuestión.\n";
    let spaced = packed_as_spaced(spaced, util::convert_fragment);
    assert_eq!(spaced.xml.matches("<point").count(), 4, "{}", spaced.xml);
}

#[test]
fn inside_a_list_a_point_opens_after_the_conjunction_without_blank_lines() {
    // Without blank lines: "(d) Forward the request …; and" ⏎ "(e) Verify
    // …" (S/RES/2368's annex), "(b)" ⏎ "To be necessary …; or" ⏎ "(c) To
    // be subject …" (S/RES/1718), "d)" ⏎ "предоставления …, и" ⏎ "e)
    // предоставления …" (S/RES/2753 in Russian): the point after the
    // conjunction had gone into the one before. In running text the
    // enumeration goes on: "Requests … (a) to …; and" ⏎ "(b) to consider …"
    // (78/110) is one paragraph. The same text with blank lines is the
    // reference.
    let spaced = "The Security Council,\n\nRecalling its resolutions,\n\n1. Decides that the Ombudsperson shall:\n\n(d) Forward the request to the Committee for its consideration; and\n\n(e) Verify if the request is a new request or a repeated request;\n\n2. Decides that the measures shall not apply to funds determined:\n\n(b)\n\nTo be necessary for extraordinary expenses, provided that the Committee has approved\nthem; or\n\n(c) To be subject of a judicial, administrative or arbitral lien or judgement;\n\n3. Requests the Secretary-General (a) to disseminate the guidelines widely; and\n(b) to consider, at a later stage, the elaboration of a manual;\n\n4. Decides to remain seized of the matter.\n";
    let spaced = packed_as_spaced(spaced, util::convert_fragment);
    assert_eq!(spaced.xml.matches("<point").count(), 4, "{}", spaced.xml);
    assert!(
        spaced.xml.contains("widely; and (b) to consider"),
        "{}",
        spaced.xml
    );
    let spaced = "Совет Безопасности,\n\nссылаясь на свои резолюции,\n\n1. постановляет, что мандат включает:\n\nd)\n\nпредоставления стратегических консультаций по вопросам, связанным с разминированием, и\n\ne) предоставления технических консультаций и помощи в наращивании потенциала;\n\n2. постановляет продолжать заниматься этим вопросом.\n";
    let spaced = packed_as_spaced(spaced, util::convert_fragment);
    assert_eq!(spaced.xml.matches("<point").count(), 2, "{}", spaced.xml);
}

/// `text` as a printed page sets it: each line's words wrapped into lines
/// of at most `width` characters, blank lines kept (a form feed, white
/// space between words, is not: put it in after).
fn wrapped_at(text: &str, width: usize) -> String {
    let mut out = String::new();
    for source in text.lines() {
        let mut line = String::new();
        for word in source.split_whitespace() {
            let columns = |text: &str| text.chars().count();
            if !line.is_empty() && columns(&line) + 1 + columns(word) > width {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// `formula` on a line of its own and `count` copies of `recital` wrapped
/// at `width` characters, with no blank lines: a preamble long enough for
/// the text's lines to read as wrapped.
fn formula_and_recitals(formula: &str, recital: &str, count: usize, width: usize) -> String {
    let mut text = format!("{formula}\n");
    for _ in 0..count {
        text.push_str(&wrapped_at(recital, width));
    }
    text
}

/// A resolution printed at 92 characters a line, long enough for its width
/// to tell (40 lines and more): `opening`, twelve numbered paragraphs of
/// `paragraph`'s text and `rest`, with blank lines, and the page broken (a
/// form feed, where no blank line is to be taken out) before the line that
/// opens with `next_page`.
fn printed(opening: &str, paragraph: &str, rest: &str, next_page: &str) -> String {
    let mut text = String::from(opening);
    for number in 1..=12 {
        text.push_str(&format!("{number}. {paragraph}\n\n"));
    }
    text.push_str(rest);
    let printed = wrapped_at(&text, 92).replacen(
        &format!("\n\n{next_page}"),
        &format!("\n\n\u{c}{next_page}"),
        1,
    );
    assert!(printed.contains('\u{c}'), "no line opens with {next_page}");
    let text_lines = printed.lines().filter(|line| !line.trim().is_empty());
    assert!(text_lines.count() >= 40, "too short for its width to tell");
    printed
}

#[test]
fn a_wrapped_heading_under_a_label_and_an_annexs_title_stand_apart_without_blank_lines() {
    // Without blank lines, at a printed width: "… the Decade;163" ⏎ "XII" ⏎
    // "Regular Process … of the Marine Environment," ⏎ "including
    // Socioeconomic Aspects" ⏎ "307. Recalls …" (80/110): the heading,
    // wrapped after its comma, had gone with paragraph 307 into one
    // paragraph without its number. "Annex" ⏎ "Amendments … of the Law of
    // the Sea" ⏎ "Trust Fund170" ⏎ "Amend paragraph 8 to read:" ⏎
    // "Independent panel" ⏎ (page) ⏎ "8. The Secretary-General …" (79/144):
    // the instruction and the heading under it had gone into the annex's
    // title.
    // The same text with blank lines is the reference.
    let spaced = printed(
        "The General Assembly,\n\nRecalling its resolutions on oceans and the law of the sea and other relevant resolutions,\n\n",
        "Invites the participants to continue to collaborate with the Intergovernmental Oceanographic Commission on the United Nations Decade of Ocean Science for Sustainable Development, and in this regard notes the participation of members in the Decade Advisory Board;",
        "XII\n\nRegular Process for Global Reporting and Assessment of the State of the Marine Environment, including Socioeconomic Aspects\n\n13. Recalls its previous decisions regarding the Regular Process, as established under the United Nations and accountable to the General Assembly.\n\n52nd plenary meeting\n12 December 2024\n\nAnnex\n\nAmendments to the terms of reference of the International Tribunal for the Law of the Sea Trust Fund\n\nAmend paragraph 8 to read:\n\nIndependent panel\n\n8. The Secretary-General may engage an independent panel to examine applications and to recommend to the Secretary-General the amount of the financial assistance to be given.\n",
        "8. The Secretary-General",
    );
    assert!(
        spaced.contains("Marine Environment,\nincluding Socioeconomic Aspects"),
        "{spaced}"
    );
    assert!(
        spaced.contains("the Law of the Sea\nTrust Fund"),
        "{spaced}"
    );
    let spaced = packed_as_spaced(&spaced, util::convert_fragment);
    assert!(
        spaced.xml.contains("<num>XII</num>\n        <heading>Regular Process for Global Reporting and Assessment of the State of the Marine Environment, including Socioeconomic Aspects</heading>"),
        "{}",
        spaced.xml
    );
    assert!(
        spaced.xml.contains("<p>Amend paragraph 8 to read:</p>"),
        "{}",
        spaced.xml
    );
}

#[test]
fn a_parts_label_and_heading_wrapped_after_a_comma_stand_apart_at_a_pages_foot() {
    // 79/258 without blank lines (seed 84): "… of the proposed programme
    // budget for 2025;" ⏎ "XVIII Revised estimates … under section 1," ⏎
    // "Overall policymaking, … and section 29B, Department of" ⏎
    // "Operational Support" ⏎ (page) ⏎ "Having considered …": the label and
    // its heading, on one line and wrapped after a comma, end the page's
    // block; they had gone into the recital on the next page. The same
    // text with blank lines is the reference.
    let spaced = printed(
        "The General Assembly,\n\nI\n\nUse of the commitment authority\n\nHaving considered the report of the Secretary-General,\n\n",
        "Appropriates the amount of 32,183,700 dollars (equivalent to 26,455,000 Swiss francs) for 2025, under section 33, Construction, alteration, improvement and major maintenance, of the proposed programme budget for 2025;",
        "XVIII Revised estimates relating to the programme budget for 2024 under section 1,\nOverall policymaking, direction and coordination, and section 29B, Department of\nOperational Support\n\nHaving considered the report of the Secretary-General on the revised estimates,\n\n1. Takes note of the report of the Secretary-General.\n",
        "Having considered the report of the Secretary-General on",
    );
    let spaced = packed_as_spaced(&spaced, util::convert_fragment);
    assert!(
        spaced.xml.contains("<num>XVIII</num>\n        <heading>Revised estimates relating to the programme budget for 2024 under section 1, Overall policymaking, direction and coordination, and section 29B, Department of Operational Support</heading>"),
        "{}",
        spaced.xml
    );
}

#[test]
fn an_annexs_recitals_go_on_after_a_lead_the_lexicon_lacks() {
    // es 76/112's guidelines: "Anexo" ⏎ title ⏎ "Preámbulo" ⏎ recitals
    // without a formula. "Tomando en consideración …," (a lead the Spanish
    // lexicon, learned from 30 files, lacks) had ended the annex's preamble:
    // it and the five recitals after it became unnumbered paragraphs. After
    // the first recitals, a paragraph closed by a comma goes on with them;
    // the guidelines' text under them stays the body.
    let text = "La Asamblea General,\n\nRecordando su resolución 75/135,\n\n1. Aprueba las directrices que figuran en el anexo.\n\n49ª sesión plenaria\n9 de diciembre de 2021\n\nAnexo\n\nDirectrices sobre la protección de la atmósfera\n\nPreámbulo\n\nReconociendo que la atmósfera es un recurso natural,\n\nTeniendo presente que el transporte de sustancias contaminantes se produce en la atmósfera,\n\nTomando en consideración que la contaminación atmosférica es una preocupación común de la humanidad,\n\nConsciente de la situación de los países en desarrollo,\n\nDirectriz 1\n\nA los efectos de las presentes directrices se entiende por atmósfera la envoltura de gases.\n";
    let conversion = util::convert_fragment(text);
    let annex = &conversion.document.annexes[0];
    assert_eq!(annex.preamble.containers.len(), 4, "{}", conversion.xml);
    assert_eq!(annex.paragraphs().count(), 2, "{}", conversion.xml);
}

#[test]
fn the_meeting_and_the_date_are_two_lines_of_the_conclusions() {
    // Spec §8: `<event>…</event><eol/><docDate …>`. PDF text prints the
    // meeting and the date on consecutive lines of one block, which the
    // text joined with a space; a blank line between them, or markdown's
    // hard break, gave the break. Both now give it; a comma between them on
    // one line stays.
    for text in [
        "The General Assembly,\n\n1. Decides to act.\n\n47th plenary meeting\n4 December 2024\n",
        "The General Assembly,\n\n1. Decides to act.\n\n47th plenary meeting\n\n4 December 2024\n",
    ] {
        let xml = util::convert_fragment(text).xml;
        assert!(
            xml.contains("47th plenary meeting</event><eol/><docDate date=\"2024-12-04\""),
            "{xml}"
        );
    }
    let xml = util::convert_fragment(
        "The General Assembly,\n\n1. Decides to act.\n\n47th plenary meeting, 4 December 2024\n",
    )
    .xml;
    assert!(
        xml.contains("47th plenary meeting</event>, <docDate date=\"2024-12-04\""),
        "{xml}"
    );
}

#[test]
fn a_line_printed_above_the_symbol_of_two_pages_is_text_where_the_title_is_under_it() {
    // 76/246 without blank lines: "… under section 33, Construction," ⏎
    // "alteration, improvement and major maintenance, of the proposed" ⏎
    // "A/RES/76/246" ⏎ the running title ⏎ (page): the same words end two
    // pages of 45, so they read as a title printed above the symbol, and
    // were dropped as page furniture. A page prints its title once: here
    // under the symbol, on every page.
    let header = |page: usize| {
        format!("A/RES/80/5\nSpecial subjects relating to the proposed programme budget for 2026\n25-12345\n{page}/8\n")
    };
    let appropriation = |number: usize, amount: &str| {
        format!(
            "{number}. Appropriates an amount of {amount} dollars for the project in 2026, comprising\n\
             925,200 dollars under section 29G, Administration, Nairobi, and the rest under section 33,\n\
             Construction,\n\
             alteration, improvement and major maintenance, of the proposed\n"
        )
    };
    let charge =
        "programme budget for 2026, which would represent a charge against the contingency fund;\n";
    let takes_note = |number: usize| {
        format!("{number}. Takes note of the report of the Secretary-General on the revised estimates and of\nthe related report of the Advisory Committee on Administrative and Budgetary Questions;\n")
    };
    let text = [
        "United Nations\nA/RES/80/5\nGeneral Assembly\nDistr.: General\n8 January 2026\n\
         Eightieth session\nAgenda item 138\n\
         Resolution adopted by the General Assembly on 24 December 2025\n\
         80/5. Special subjects relating to the proposed programme budget for 2026\n\
         The General Assembly,\n\
         Recalling its resolution 79/257 of 24 December 2024,\n"
            .to_owned(),
        takes_note(1),
        appropriation(2, "1,839,800"),
        header(2),
        charge.to_owned(),
        takes_note(3),
        header(3),
        takes_note(4),
        appropriation(5, "6,965,200"),
        header(4),
        charge.to_owned(),
        takes_note(6),
        header(5),
        takes_note(7),
        header(6),
        takes_note(8),
        header(7),
        takes_note(9),
        header(8),
        "10. Decides to keep the matter under review.\n52nd plenary meeting\n24 December 2025\n"
            .to_owned(),
    ]
    .concat();
    let conversion = util::convert_text(&text);
    let xml = &conversion.xml;
    assert_eq!(
        xml.matches("Construction, alteration, improvement and major maintenance, of the proposed programme budget for 2026, which").count(),
        2,
        "{xml}"
    );
    assert!(
        !conversion
            .furniture
            .iter()
            .any(|f| f.text.starts_with("alteration")),
        "{:?}",
        conversion.furniture
    );
    let titles = conversion
        .furniture
        .iter()
        .filter(|f| f.kind == un2akn::clean::FurnitureKind::RunningTitle)
        .count();
    assert_eq!(titles, 7, "{:?}", conversion.furniture);
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
}

#[test]
fn a_compound_of_a_letter_and_a_figure_goes_on_across_a_page() {
    // 77/263 (seed 80): "… Security Project Officer (P-" ⏎ (page) ⏎ "3)
    // from January 2023 …": the figure after the hyphen had opened a point
    // "3)" under an introduction ending "(P-".
    let text = printed(
        "The General Assembly,\n\nRecalling its resolution 76/246 of 24 December 2021,\n\n",
        "Takes note of the report of the Secretary-General on the revised estimates resulting from resolutions and decisions adopted by the Human Rights Council, and of the related report of the Advisory Committee on Administrative and Budgetary Questions;",
        "13. Also approves the continuation of a position of Safety and Security Project Officer (P-\n\n3) from January 2023 until project completion under section 34, Safety and security, of the proposed programme budget for 2023;\n\n52nd plenary meeting\n19 September 2025\n",
        "3) from January",
    );
    let conversion = util::convert_fragment_without_warnings(&text);
    assert!(
        conversion
            .xml
            .contains("Project Officer (P-3) from January 2023"),
        "{}",
        conversion.xml
    );
    assert!(!conversion.xml.contains("<point"), "{}", conversion.xml);
}

#[test]
fn a_title_after_a_colon_and_a_name_after_a_comma_go_on_across_a_page() {
    // 76/224 at 72 columns (seed 97): "… the Guiding Principles on Business
    // and Human Rights:" ⏎ (page) ⏎ "Implementing the United Nations
    // “Protect, Respect and Remedy” Framework," opened a recital with a
    // participle the lexicon lacks. 79/222 (seed 97): "… the private
    // sector, the scientific community," ⏎ (page) ⏎ "United Nations system
    // entities …" opened one with "United", a name's word in "-ed".
    let text = printed(
        "The General Assembly,\n\n\
         Recalling the Guidelines on a Principle-based Approach to the Cooperation between the United\n\
         Nations and the Business Sector and their alignment with the Guiding Principles on Business\n\
         and Human Rights, including the Guiding Principles on Business and Human Rights in Conflict:\n\n\
         Implementing the United Nations “Protect, Respect and Remedy” Framework,\n\n\
         Recalling the establishment, by its resolution 69/313, of the Technology Facilitation\n\
         Mechanism, and looking forward to further collaboration between Member States, civil\n\
         society, the private sector, the scientific community, academia, philanthropic foundations,\n\n\
         United Nations system entities and other stakeholders to promote inclusive development,\n\n\
         Noting the ongoing efforts to implement the Doha Programme of Action,\n\n",
        "Encourages the United Nations Industrial Development Organization to continue to promote inclusive and sustainable industrial development in developing countries, in close cooperation with the regional commissions and the funds and programmes of the United Nations system;",
        "13. Requests the Secretary-General to submit a report on the implementation of the present resolution.\n\n52nd plenary meeting\n19 September 2025\n",
        "Implementing the",
    )
    .replacen(
        "\n\nUnited Nations system",
        "\n\n\u{c}United Nations system",
        1,
    );
    let conversion = util::convert_fragment_without_warnings(&text);
    let names = util::container_names(&conversion.document);
    assert_eq!(names, ["recalling", "recalling", "noting"]);
    let xml = &conversion.xml;
    assert!(
        xml.contains("in Conflict: Implementing the United Nations “Protect,"),
        "{xml}"
    );
    assert!(
        xml.contains("philanthropic foundations, United Nations system entities"),
        "{xml}"
    );
}

#[test]
fn a_paragraph_number_that_is_the_resolutions_is_no_part_of_the_running_title() {
    // 77/28 without blank lines (seed 87): "28." ⏎ "Strengthening of the
    // coordination of emergency humanitarian" ⏎ "assistance of the United
    // Nations" ⏎ "A/RES/77/28" ⏎ "13/24" ⏎ "Urges …": paragraph 28's
    // number, alone at the page's foot, read with the title under it as the
    // masthead's "77/28. Strengthening …", and was dropped with it.
    let paragraph = |number: usize| {
        format!("{number}. Encourages the United Nations system and humanitarian organizations to continue\ntheir efforts to mainstream preparedness, early action and early recovery;\n")
    };
    let title = "Strengthening of the coordination of emergency humanitarian\nassistance of the United Nations\n";
    let mut text = String::from(
        "United Nations\nA/RES/77/28\nGeneral Assembly\nDistr.: General\n9 December 2022\n\
         Seventy-seventh session\nAgenda item 74\n\
         Resolution adopted by the General Assembly on 8 December 2022\n",
    );
    text.push_str(&format!("77/28. {title}The General Assembly,\nRecalling its resolution 46/182 of 19 December 1991,\n"));
    for number in 1..=27 {
        text.push_str(&paragraph(number));
        if number % 9 == 0 {
            let page = number / 9 + 1;
            text.push_str(&format!("A/RES/77/28\n{title}22-27712\n{page}/5\n"));
        }
    }
    text.push_str(&format!("28.\n{title}A/RES/77/28\n22-27712\n5/5\n"));
    text.push_str("Urges Member States to take further steps to provide a coordinated emergency response;\n\
                   29. Decides to remain seized of the matter.\n45th plenary meeting\n8 December 2022\n");
    let conversion = util::convert_without_warnings(&text);
    let numbers = util::paragraph_numbers(&conversion.document);
    assert_eq!(numbers.len(), 29, "{}", conversion.xml);
    assert_eq!(numbers[27], Some("28."), "{}", conversion.xml);
}

#[test]
fn a_russian_heading_at_a_pages_foot_stands_apart_from_the_lead_atop_the_next() {
    // ru 77/263 laid out (seeds 75, 82, 85, 87, 88, 90, 92): "XII" ⏎ "Ход
    // работ по замене офисных корпусов A–J в Отделении … в Найроби" ⏎
    // (page) ⏎ "ссылаясь на раздел XIV …,". The heading filled its line, so
    // the lower-case lead went on with it: one unnumbered paragraph, where
    // the text as given has a heading and the section's recital.
    let paragraph = "принимает к сведению доклад Генерального секретаря и соответствующий доклад Консультативного комитета по административным и бюджетным вопросам;";
    let mut text = String::from(
        "Резолюция, принятая Генеральной Ассамблеей 19 сентября 2025 года\n\n\
         80/1. Специальные вопросы, связанные с предлагаемым бюджетом по программам на 2023 год\n\n\
         Генеральная Ассамблея,\n\nI\n\nДоклад об исполнении бюджета по программам за 2021 год\n\n",
    );
    for number in 1..=14 {
        text.push_str(&format!("{number}. {paragraph}\n\n"));
    }
    text.push_str(
        "XII\n\nХод работ по замене офисных корпусов A–J в Отделении Организации Объединенных Наций в Найроби\n\n\
         ссылаясь на раздел XIV своей резолюции 72/262 A, раздел IX своей резолюции 73/279 A и раздел XV своей резолюции 76/246 A,\n\n\
         1. принимает к сведению доклад Генерального секретаря;\n\n\
         2. постановляет продолжить рассмотрение этого вопроса.\n\n\
         55-е пленарное заседание\n19 сентября 2025 года\n",
    );
    let text = wrapped_at(&text, 100).replacen("\n\nссылаясь", "\n\n\u{c}ссылаясь", 1);
    assert!(text.contains("в Найроби\n\n\u{c}ссылаясь"), "{text}");
    let conversion = util::convert_fragment_without_warnings(&text);
    let xml = &conversion.xml;
    assert!(
        xml.contains("<heading>Ход работ по замене офисных корпусов A–J в Отделении Организации Объединенных Наций в Найроби</heading>"),
        "{xml}"
    );
    assert!(
        xml.contains(r##"refersTo="#preamble"><i>ссылаясь</i> на раздел XIV"##),
        "{xml}"
    );
}

#[test]
fn a_heading_that_stopped_short_at_a_pages_foot_stands_apart_from_the_next_pages_sentence() {
    // es 76/112 laid out (6 of 18 seeds): "Directriz 4 Evaluación del
    // impacto ambiental" ⏎ (page) ⏎ "Los Estados tienen la obligación de
    // velar …": the guideline's heading and its text, one paragraph (a line
    // break between them), where the text as given has two; and table rows
    // at pages' feet ("P-4 1 702 385 2 087" ⏎ (page) ⏎ "P-3 1 635 358 1
    // 993", 79/257) had been joined in the same way.
    let text = printed(
        "The General Assembly,\n\nRecalling its resolution 75/135 of 15 December 2020,\n\n",
        "Takes note of the report of the International Law Commission on the work of its seventy-second session, and of the guidelines on the protection of the atmosphere adopted by the Commission, with commentaries, and brings them to the attention of States;",
        "13. Decides to include in the provisional agenda of its eighty-first session the item entitled “Report of the International Law Commission”.\n\n52nd plenary meeting\n19 September 2025\n\nAnnex\n\nGuidelines on the protection of the atmosphere\n\nGuideline 4 Environmental impact assessment\n\nStates have the obligation to ensure that an environmental impact assessment is undertaken of proposed activities under their jurisdiction or control which are likely to cause significant adverse impact on the atmosphere.\n\nGuideline 5 Sustainable utilization of the atmosphere\n\nGiven the finite nature of the atmosphere, its utilization should be undertaken in a sustainable manner.\n",
        "States have the obligation",
    );
    let conversion = util::convert_fragment_without_warnings(&text);
    let xml = &conversion.xml;
    assert!(
        xml.contains("<p>Guideline 4 Environmental impact assessment</p>"),
        "{xml}"
    );
    assert!(
        xml.contains("<p>States have the obligation to ensure"),
        "{xml}"
    );
}

#[test]
fn an_enumeration_in_running_text_that_opens_a_line_is_no_list() {
    // 80/227 at 70 columns (seed 91): "… whose mandate is:" ⏎ "(a) firstly,
    // to take stock …; (b)" ⏎ "secondly, to identify …; and (c) thirdly,
    // …": the first label opened a line after the colon and became a list
    // of one point, whose text ran on into "(b)" and "(c)".
    let text = "The General Assembly,\n\n\
        Recalling its resolution 79/190 of 17 December 2024,\n\n\
        1. Welcomes the work of the open-ended intergovernmental expert group on crimes that affect the\n\
        environment, whose mandate is:\n\
        (a) firstly, to take stock of the application of the Convention in addressing such crimes; (b)\n\
        secondly, to identify any gaps that may exist in the international legal framework; and (c) thirdly,\n\
        to consider possible responses relevant to those gaps;\n\n\
        2. Decides to remain seized of the matter.\n\n\
        52nd plenary meeting\n19 September 2025\n";
    let conversion = util::convert_fragment_without_warnings(text);
    let xml = &conversion.xml;
    assert!(!xml.contains("<point"), "{xml}");
    assert!(
        xml.contains("whose mandate is: (a) firstly, to take stock"),
        "{xml}"
    );
    // A list whose second point opens its own line stays a list.
    let listed = text.replace("; (b)\nsecondly", ";\n(b) secondly");
    let conversion = util::convert_fragment(&listed);
    let first = conversion
        .document
        .parts
        .paragraphs()
        .next()
        .expect("paragraph 1");
    assert_eq!(
        util::point_labels(first),
        ["(a)", "(b)"],
        "{}",
        conversion.xml
    );
}

#[test]
fn a_paragraphs_number_alone_on_its_line_heads_no_headings() {
    // 79/314 at 98 columns (seed 94): "31." ⏎ "We recognize that Goal 14 …"
    // ⏎ … "… to address the funding gap of Goal" ⏎ "14. In this regard,
    // we:". The number alone was read as a sentence's end and its text as
    // headings over a paragraph "14.", which took the rest (warned).
    let text = "The General Assembly,\n\n\
        Recalling its resolution 77/242 of 30 December 2022,\n\n\
        1. Welcomes the commitments of the Conference;\n\n\
        2.\n\
        Recognizes that the implementation of Goal 14 requires adequate and scaled-up means of\n\
        implementation for developing countries, to address the funding gap of Goal\n\
        14. In this regard, calls for:\n\n\
        (a) The convening of the Fourth International Conference on Financing for Development;\n\n\
        (b) The mobilization of resources from all sources;\n\n\
        3. Decides to remain seized of the matter.\n\n\
        52nd plenary meeting\n19 September 2025\n";
    // The number's text opening with a lead ("Recognizes"), which parts the
    // number from its text, or without one ("We recognize", an outcome
    // document's), which keeps them together.
    for text in [
        text.to_owned(),
        text.replace("Recognizes that", "We recognize that"),
    ] {
        let conversion = util::convert_fragment_without_warnings(&text);
        assert_eq!(
            util::paragraph_numbers(&conversion.document),
            [Some("1."), Some("2."), Some("3.")],
            "{}",
            conversion.xml
        );
        assert!(
            conversion
                .xml
                .contains("the funding gap of Goal 14. In this regard, calls for:"),
            "{}",
            conversion.xml
        );
    }
}

#[test]
fn a_roman_item_whose_first_runs_in_its_points_text_is_that_text() {
    // 78/70 at 98 columns (seed 94): "(e) Technological assistance (i) to
    // countries affected by mines …, and" ⏎ "(ii) to promote user-oriented
    // scientific research …;": "(ii)" became a sub-point without an "(i)".
    let text = "The General Assembly,\n\n\
        Recalling its resolution 76/74 of 6 December 2021,\n\n\
        1. Calls for the continued provision of:\n\n\
        (a) Assistance in mine clearance;\n\n\
        (b) Technological assistance (i) to countries affected by mines and explosive remnants of war, and\n\
        (ii) to promote user-oriented scientific research on mine action techniques;\n\n\
        2. Decides to remain seized of the matter.\n\n\
        52nd plenary meeting\n19 September 2025\n";
    let conversion = util::convert_fragment_without_warnings(text);
    let first = conversion
        .document
        .parts
        .paragraphs()
        .next()
        .expect("paragraph 1");
    assert_eq!(
        util::point_labels(first),
        ["(a)", "(b)"],
        "{}",
        conversion.xml
    );
    let points = &first.list.as_ref().expect("a list").points;
    assert!(points[1].list.is_none(), "{}", conversion.xml);
    assert!(
        conversion
            .xml
            .contains("explosive remnants of war, and (ii) to promote"),
        "{}",
        conversion.xml
    );
    // Items printed each on its own line from the first stay points.
    let listed = text.replace("assistance (i) to", "assistance:\n(i) To");
    let conversion = util::convert_fragment(&listed);
    let first = conversion
        .document
        .parts
        .paragraphs()
        .next()
        .expect("paragraph 1");
    let points = &first.list.as_ref().expect("a list").points;
    assert_eq!(
        util::point_labels(&un2akn::model::Paragraph {
            num: None,
            content: Vec::new(),
            list: points[1].list.clone(),
        }),
        ["(i)", "(ii)"],
        "{}",
        conversion.xml
    );
}

#[test]
fn a_call_glued_to_a_roman_numeral_that_opens_a_line_is_a_call() {
    // 80/81 and 76/82 at 76 columns (seed 93): "… codified in Additional
    // Protocol" ⏎ "I6 to the four Geneva Conventions,7 …": as on one line,
    // the numeral numbers the protocol and the figure is note 6's call,
    // which had been missed (note 6 attached at the end, warned).
    let text = "The General Assembly,\n\n\
        Reaffirming the applicability of the Geneva Convention relative to the Protection of Civilian\n\
        Persons in Time of War, of 12 August 1949,1 and relevant provisions of customary law, including\n\
        those codified in Additional Protocol\n\
        I2 to the four Geneva Conventions,3 to the Occupied Palestinian Territory,\n\n\
        1. Decides to remain seized of the matter.\n\n\
        52nd plenary meeting\n19 September 2025\n\n\
        __________________\n\n\
        1 United Nations, Treaty Series, vol. 75, No. 973.\n\n\
        2 Ibid., vol. 1125, No. 17512.\n\n\
        3 Ibid., vol. 75, Nos. 970–973.\n";
    let conversion = util::convert_fragment_without_warnings(text);
    assert!(
        conversion.xml.contains(
            r#"Additional Protocol I<authorialNote eId="container_1__authorialNote_2" marker="2""#
        ),
        "{}",
        conversion.xml
    );
}

#[test]
fn a_participle_after_a_comma_opens_no_recital_inside_a_numbered_paragraph() {
    // 79/162 and 76/151 at 76 columns without blank lines (seed 93): "8.
    // Calls upon all States … against the Recruitment, Use," ⏎ "Financing
    // and Training of Mercenaries;" ⏎ "9. Welcomes …": "Financing", read
    // as a recital's participle, opened an unnumbered paragraph (warned;
    // the call after its semicolon kept the parser from joining it back).
    let recital = "Recalling its resolutions on the use of mercenaries as a means of violating human rights and impeding the exercise of the right of peoples to self-determination, and taking note of the report of the Working Group,";
    let mut text = formula_and_recitals("The General Assembly,", recital, 6, 76);
    text.push_str(
        "1. Calls upon all States that have not yet done so to consider acceding to\n\
         or ratifying the International Convention against the Recruitment, Use,\n\
         Financing and Training of Mercenaries;1\n\
         2. Decides to remain seized of the matter.\n\
         52nd plenary meeting\n19 September 2025\n\
         __________________\n\
         1  United Nations, Treaty Series, vol. 2163, No. 37789.\n",
    );
    let conversion = util::convert_fragment_without_warnings(&text);
    assert_eq!(
        util::paragraph_numbers(&conversion.document),
        [Some("1."), Some("2.")],
        "{}",
        conversion.xml
    );
    // Between recitals the participle still opens one: "… on the
    // expulsion of aliens," ⏎ "Emphasizing the importance …".
    let recitals = text.replacen(
        "1. Calls upon",
        "Emphasizing the importance of the work of the Working Group,\n1. Calls upon",
        1,
    );
    let conversion = util::convert_fragment(&recitals);
    assert_eq!(
        util::container_names(&conversion.document).len(),
        7,
        "{}",
        conversion.xml
    );
}

#[test]
fn a_title_in_title_case_opens_no_recital_after_its_conjunction() {
    // 78/29 at 100 columns (seed 98), 79/50 at 70 columns without blank
    // lines: "… on the Prohibition of the Development, Production," ⏎
    // "Stockpiling and Use of Chemical Weapons and on Their Destruction":
    // "Stockpiling", read as a participle before "and", opened a recital.
    let recital = "Recalling its previous resolutions on the subject of chemical weapons, and taking note of the report of the Director-General of the Organisation for the Prohibition of Chemical Weapons,";
    let mut text = formula_and_recitals("The General Assembly,", recital, 6, 76);
    text.push_str(
        "Reaffirming its strong support for the Convention on the Prohibition of\n\
         the Development, Production,\n\
         Stockpiling and Use of Chemical Weapons and on Their Destruction,\n\
         1. Decides to remain seized of the matter.\n\
         52nd plenary meeting\n19 September 2025\n",
    );
    let conversion = util::convert_fragment_without_warnings(&text);
    let names = util::container_names(&conversion.document);
    assert_eq!(names.len(), 7, "{}", conversion.xml);
    assert!(
        conversion
            .xml
            .contains("Development, Production, Stockpiling and Use of Chemical Weapons"),
        "{}",
        conversion.xml
    );
}

#[test]
fn a_numbered_paragraph_goes_on_past_its_comma_with_its_next_verb_in_lower_case() {
    // ru 77/114 without blank lines (seed 98): "2." ⏎ "считает, что … и всех
    // государств-членов," ⏎ "отмечает усилия …," ⏎ "отмечает, что …;" made
    // three paragraphs, two unnumbered; zh S/RES/2701 and 76/72 (seeds 96,
    // 100, 101): "9. 促请……工作，" ⏎ "促请所有会员国……；" two. Russian
    // and Chinese leads show no capital, and a paragraph of its own would
    // open with its number.
    let recital = "ссылаясь на свои предыдущие резолюции по этому вопросу и принимая к сведению доклад Комитета по сношениям со страной пребывания,";
    let mut russian = formula_and_recitals("Генеральная Ассамблея,", recital, 4, 90);
    russian.push_str(
        "1. одобряет рекомендации и выводы Комитета, содержащиеся в пункте 144 его доклада;\n\
         2.\n\
         считает, что обеспечение надлежащих условий для нормальной работы делегаций отвечает\n\
         интересам Организации Объединенных Наций и всех государств-членов,\n\
         отмечает усилия, прилагаемые в этих целях государством пребывания,\n\
         отмечает, что Комитет выражает готовность заниматься такими озабоченностями;\n\
         3. постановляет продолжить рассмотрение этого вопроса.\n\
         52-е пленарное заседание\n19 сентября 2025 года\n",
    );
    let chinese = "大会，\n\
         回顾其以往关于这个问题的各项决议，并注意到秘书长关于利比亚\n\
         局势的报告以及专家小组根据第2213(2015)号决议提交的最后报告，\n\
         回顾其以往关于这个问题的各项决议，并注意到秘书长关于利比亚\n\
         局势的报告以及专家小组根据第2213(2015)号决议提交的最后报告，\n\
         1. 决定延长专家小组的任务期限，并请秘书长采取必要的行政措施，\n\
         以便专家小组尽快恢复工作；\n\
         2. 促请利比亚政府改进军火禁运实施工作，包括在对所有入境点行使\n\
         监管权后立即改进实施工作，\n\
         促请所有会员国在这些工作中开展合作，并请利比亚政府通过其协调\n\
         人向委员会通报最新资料；\n\
         3. 促请会员国和相关行为体紧急采取更多措施，预防饥荒，同时借助\n\
         多部门预警和分析；\n\
         强调指出需要解决粮食不安全和营养不良问题，途径包括尊重国际人\n\
         道法；\n\
         4. 决定继续积极处理此案。\n\
         第52次全体会议\n\
         2025年9月19日\n";
    let cases = [
        (&russian[..], 3, "отмечает, что Комитет"),
        (chinese, 4, "促请所有会员国"),
        (chinese, 4, "强调指出需要解决"),
    ];
    for (text, count, chained) in cases {
        let conversion = util::convert_fragment_without_warnings(text);
        let numbers = util::paragraph_numbers(&conversion.document);
        assert_eq!(numbers.len(), count, "{}", conversion.xml);
        assert!(numbers.iter().all(Option::is_some), "{numbers:?}");
        let within =
            conversion.document.parts.paragraphs().any(|paragraph| {
                paragraph.num.is_some() && format!("{paragraph:?}").contains(chained)
            });
        assert!(within, "{}", conversion.xml);
    }
}

#[test]
fn a_points_last_line_before_its_conjunction_is_no_heading_over_the_next() {
    // S/RES/2534 at 100 columns without blank lines (seed 98): "(c)" ⏎ "to
    // work with the parties … the ports of Hodeidah," ⏎ "Salif, and Ras
    // Issa is assured … in accordance with Yemeni law, and" ⏎ "(d)": the
    // last line, capitalised and without a final stop, read as a heading
    // over point (d) and made an unnumbered paragraph.
    let recital = "Recalling its resolutions on Yemen and the statements of its President, and reaffirming its strong commitment to the unity, sovereignty, independence and territorial integrity of Yemen,";
    let mut text = formula_and_recitals("The General Assembly,", recital, 6, 100);
    text.push_str(
        "1. Decides that the Mission shall undertake the following mandate:\n\
        (a) to lead the Redeployment Coordination Committee,\n\
        (b) to monitor the compliance of the parties to the ceasefire in Hodeidah governorate,\n\
        (c)\n\
        to work with the parties so that the security of the city of Hodeidah and the ports of Hodeidah,\n\
        Salif, and Ras Issa is assured by local security forces in accordance with Yemeni law, and\n\
        (d)\n\
        to facilitate and coordinate United Nations support to the parties;\n\
        2. Decides to remain seized of the matter.\n",
    );
    let conversion = util::convert_fragment_without_warnings(&text);
    let numbers = util::paragraph_numbers(&conversion.document);
    assert_eq!(numbers, [Some("1."), Some("2.")], "{}", conversion.xml);
    let first = conversion.document.parts.paragraphs().next().unwrap();
    assert_eq!(util::point_labels(first), ["(a)", "(b)", "(c)", "(d)"]);
    assert!(
        conversion
            .xml
            .contains("the ports of Hodeidah, Salif, and Ras Issa is assured"),
        "{}",
        conversion.xml
    );
}

#[test]
fn a_short_text_with_blank_lines_tells_its_width_from_fewer_lines() {
    // ar S/RES/2652 at 72 columns (seed 97), 32 lines with blank lines
    // between its paragraphs: "وإذ يرحب … ويشجع على مواصلتها،" ⏎ "وإذ يحيط
    // علما …" is one recital, whose full first line wrapped; with too few
    // lines to tell the width (40), the lead at the second line's start
    // opened a recital of its own.
    let paragraphs = [
        "إن مجلس الأمن،",
        "إذ يشير إلى قراراته 2240 (2015) و 2312 (2016) و 2380 (2017) و 2437 (2018) و 2491 (2019) و 2546 (2020) و 2598 (2021) وبيانه الرئاسي المؤرخ 16 كانون الأول/ ديسمبر 2015 (S/PRST/2015/25)،",
        "وإذ يعيد تأكيد التزامه القوي بسيادة ليبيا واستقلالها وسلامتها الإقليمية ووحدتها الوطنية،",
        "وإذ يرحب بتقرير الأمين العام المؤرخ 30 آب/أغسطس 2022 (S/2022/655)، بما في ذلك ما ورد فيه من ملاحظات بشأن محنة المهاجرين واللاجئين في ليبيا،",
        "وإذ يضع في الاعتبار مسؤوليته الرئيسية عن صون السلام والأمن الدوليين بموجب ميثاق الأمم المتحدة،",
        "وإذ يرحب بالتدابير المتخذة لتنفيذ القرار 2240 (2015) ويشجع على مواصلتها، وإذ يحيط علما في هذا الصدد بعملية إيريني للقوة البحرية للاتحاد الأوروبي في البحر الأبيض المتوسط،",
        "وإذ يؤكد من جديد ضرورة وضع حد لما يشهده البحر الأبيض المتوسط، قبالةَ الساحل الليبي، من استفحال مستمر لعمليات تهريب المهاجرين والاتجار بالبشر وتعريض أرواحهم للخطر، وإذ يتصرف بموجب الفصل السابع من ميثاق الأمم المتحدة لتحقيق هذا الغرض تحديدا،",
        "1 - يدين جميع أعمال تهريب المهاجرين والاتجار بالبشر صوب الأراضي الليبية وعبرها وانطلاقًا منها، وقبالة الساحل الليبي، والتي تزيد من تقويض عملية تحقيق الاستقرار في ليبيا وتعرّض حياة مئات الآلاف من الأشخاص للخطر؛",
        "2 - يقرر أن يجدد، لفترة إضافية مدتها اثنا عشر شهرا اعتبارا من تاريخ اتخاذ هذا القرار، الأذون الواردة في الفقرات 7 و 8 و 9 و 10 من القرار 2240 (2015)، ويؤكد من جديد الفقرة 11 من ذلك القرار، ويكرر تأكيد قراراته 2240 (2015) و 2312 (2016) و 2380 (2017) و 2437 (2018) و 2491 (2019) و 2546 (2020) و 2598 (2021) وبيانه الرئاسي S/PRST/2015/25؛",
        "3 - يجدد طلبيْ الإبلاغ الواردين في الفقرة 17 من قراره 2240 (2015) اعتبارا من تاريخ اتخاذ هذا القرار، ويطلب إلى الأمين العام أن يبلغ مجلس الأمن بشأن تنفيذ هذا القرار بعد مضي أحد عشر شهرا على اتخاذه، ولا سيما فيما يتعلق بتنفيذ الفقرات 7 إلى 10 من القرار 2240 (2015)؛",
        "4 - يعرب عن اعتزامه مواصلة استعراض الحالة والنظر، حسب الاقتضاء، في تجديد السلطة المخولة بمقتضى هذا القرار لفترات إضافية؛",
        "5 - يقرر أن يبقي المسألة قيد نظره.",
    ];
    let text = wrapped_at(&paragraphs.join("\n\n"), 72);
    assert!(text.lines().filter(|line| !line.is_empty()).count() < 40);
    let mut options = un2akn::Options::default();
    options.symbol = Some("S/RES/2652 (2022)".into());
    options.date = chrono::NaiveDate::from_ymd_opt(2022, 9, 29);
    let conversion = un2akn::convert(&text, &options).expect("converts");
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
    assert_eq!(conversion.document.parts.preamble.containers.len(), 6);
    assert_eq!(conversion.document.parts.paragraphs().count(), 5);
    assert!(
        conversion.xml.contains("ويشجع على مواصلتها، وإذ يحيط علما"),
        "{}",
        conversion.xml
    );
}

#[test]
fn a_line_above_the_symbol_is_text_where_the_whole_title_is_under_it() {
    // 78/315 at 56 columns without blank lines (seed 106), two pages: the
    // first page's last line "United Nations Conference on Landlocked
    // Developing", above the symbol, is in the masthead (the agenda item's
    // title and the resolution's), as is the running title under the
    // symbol; both read as the title, and the body line was dropped as
    // page furniture (six words lost). The side that holds less of the
    // masthead is text.
    let text = "United Nations\n\
         A/RES/78/315\n\
         General Assembly\n\
         Distr.: General\n\
         11 July 2024\n\
         25-27264 (E)    224807\n\
         *2527264*\n\
         Seventy-eighth session\n\
         Agenda item 20 (b)\n\
         Groups of countries in special situations: follow-up to the second\n\
         United Nations Conference on Landlocked Developing Countries\n\
         Resolution adopted by the General Assembly on 10 July\n\
         2024\n\
         [without reference to a Main Committee (A/78/L.87)]\n\
         78/315. Further modalities of the third United Nations Conference on\n\
         Landlocked Developing Countries\n\
         The General Assembly,\n\
         Recalling its resolutions 76/217 of 17 December 2021,\n\
         77/246 of 30 December 2022 and 77/329 of 25 August 2023,\n\
         in which the Assembly decided to convene the third\n\
         United Nations Conference on Landlocked Developing\n\
         A/RES/78/315\n\
         Further modalities of the third United Nations Conference on\n\
         Landlocked Developing Countries\n\
         25-27264\n\
         2/2\n\
         Countries from 18 to 21 June 2024 in Kigali at the\n\
         highest possible level, including Heads of State and\n\
         Government,\n\
         Recalling also its decision 78/550 of 7 May 2024, by\n\
         which it decided that the third United Nations\n\
         Conference on Landlocked Developing Countries should be\n\
         postponed to a later date,\n\
         1.\n\
         Welcomes and accepts with appreciation the generous\n\
         offer of the Government of Botswana to host the third\n\
         United Nations Conference on Landlocked Developing\n\
         Countries, and decides that the Conference will be held\n\
         in Gaborone for a duration of four days, from 10 to\n\
         13 December 2024, at the highest possible level,\n\
         including Heads of State and Government, on the theme\n\
         “Driving progress through partnerships”;\n\
         2. Strongly encourages Governments, intergovernmental\n\
         and non‑governmental organizations, major groups and\n\
         other donors to contribute in a timely manner to the\n\
         trust fund in support of activities undertaken by the\n\
         Office of the High Representative for the Least\n\
         Developed Countries, Landlocked Developing Countries and\n\
         Small Island Developing States to support the\n\
         preparations for the third United Nations Conference on\n\
         Landlocked Developing Countries and the participation of\n\
         landlocked developing countries in the Conference.\n\
         98th plenary meeting\n\
         10 July 2024\n";
    let conversion = util::convert_text(text);
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
    let xml = &conversion.xml;
    assert!(
        xml.contains("convene the third United Nations Conference on Landlocked Developing Countries from 18 to"),
        "{xml}"
    );
    let titles: Vec<&str> = conversion
        .furniture
        .iter()
        .filter(|f| f.kind == un2akn::clean::FurnitureKind::RunningTitle)
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Further modalities of the third United Nations Conference on",
            "Landlocked Developing Countries"
        ]
    );
}
