//! The five other official languages: documents vendored from the UN's own
//! Akoma Ntoso (tests/fixtures/languages/<lang>/: the UN's file and the plain
//! text rendered from it). Each text must convert to valid XML whose
//! language, work IRI, adoption date and preamble/operative/footnote counts
//! are the UN file's, and keep every word of the UN's text, in order (each
//! Chinese character a word). Also: the same texts laid out as PDF text
//! (masthead, running headers, job numbers, page counters) give the same
//! document, `--lang` overrides detection, and Arabic is kept in logical
//! order.

use std::path::{Path, PathBuf};

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::util::{self, subsequence, xml_text};

/// What is compared between our file and the UN's.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Facts {
    work: String,
    language: String,
    adoption: String,
    pub(crate) preamble: usize,
    pub(crate) operative: usize,
    pub(crate) footnotes: usize,
}

/// Reads the facts of an AKN file: FRBR work IRI (without `/!main` and the
/// trailing slash), expression language, adoption date, the preamble's
/// containers and the main body's top-level paragraphs (of the main
/// document, not its annexes, as agree.py counts them), the authorial notes.
pub(crate) fn facts(xml: &str) -> Facts {
    let mut reader = Reader::from_str(xml);
    let mut path: Vec<Vec<u8>> = Vec::new();
    let mut facts = Facts {
        work: String::new(),
        language: String::new(),
        adoption: String::new(),
        preamble: 0,
        operative: 0,
        footnotes: 0,
    };
    let attr = |e: &quick_xml::events::BytesStart<'_>, name: &str| {
        e.try_get_attribute(name)
            .unwrap()
            .map(|a| a.unescape_value().unwrap().to_string())
            .unwrap_or_default()
    };
    loop {
        let event = reader.read_event().expect("well-formed XML");
        let (element, empty) = match &event {
            Event::Start(e) => (e.clone(), false),
            Event::Empty(e) => (e.clone(), true),
            Event::End(_) => {
                path.pop();
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = element.name().as_ref().to_vec();
        let parent = path.last().map(Vec::as_slice);
        let inside = |tag: &[u8]| path.iter().any(|p| p == tag);
        match name.as_slice() {
            b"FRBRuri" if parent == Some(b"FRBRWork") => {
                facts.work = attr(&element, "value").trim_end_matches('/').to_string();
            }
            b"FRBRdate" if parent == Some(b"FRBRWork") => facts.adoption = attr(&element, "date"),
            b"FRBRlanguage" => facts.language = attr(&element, "language"),
            b"container" if parent == Some(b"preamble") && !inside(b"attachments") => {
                facts.preamble += 1
            }
            b"paragraph"
                if inside(b"mainBody") && !inside(b"paragraph") && !inside(b"attachments") =>
            {
                facts.operative += 1
            }
            b"authorialNote" if !inside(b"meta") => facts.footnotes += 1,
            _ => {}
        }
        if !empty {
            path.push(name);
        }
    }
    facts
}

/// The vendored documents of one language: (text, the UN's AKN).
fn documents(language: &str) -> Vec<(PathBuf, PathBuf)> {
    let folder = util::root().join("tests/fixtures/languages").join(language);
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("fixtures exist")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    texts
        .into_iter()
        .map(|text| {
            let stem = text.file_stem().unwrap().to_str().unwrap().to_string();
            let akn = folder.join(format!("{stem}.akn.xml"));
            (text, akn)
        })
        .collect()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("fixture readable")
}

/// Every word of the UN's text (outside `<meta>`) is in ours, in order; each
/// footnote's words are those of the UN's note with the same marker.
pub(crate) fn assert_nothing_lost(name: &str, ours: &str, theirs: &str) {
    let (ours, theirs) = (xml_text(ours), xml_text(theirs));
    assert!(theirs.body.len() > 50, "{name}: the UN's text was read");
    if let Err(index) = subsequence(&theirs.body, &ours.body) {
        let context = &theirs.body[index.saturating_sub(6)..(index + 6).min(theirs.body.len())];
        panic!(
            "{name}: word {index} ({:?}) of the UN's text missing from ours, in order; context {context:?}",
            theirs.body[index]
        );
    }
    let (mut ours, mut theirs) = (ours.notes, theirs.notes);
    ours.sort();
    theirs.sort();
    assert_eq!(ours, theirs, "{name}: footnotes differ");
}

fn check_language(language: &str, code: &str) {
    check_language_as(language, code, str::to_owned);
}

/// [`check_language`] on each text as `layout` gives it.
fn check_language_as(language: &str, code: &str, layout: fn(&str) -> String) {
    let documents = documents(language);
    assert!(
        (3..=5).contains(&documents.len()),
        "{language}: fixtures vendored"
    );
    for (text, akn) in documents {
        let name = text.file_name().unwrap().to_string_lossy().to_string();
        let conversion = util::convert_text(&layout(&read(&text)));
        assert_eq!(conversion.document.identity.language, code, "{name}");
        let theirs = read(&akn);
        let expected = facts(&theirs);
        assert_eq!(
            expected.language, code,
            "{name}: the UN's file is in {code}"
        );
        assert_eq!(facts(&conversion.xml), expected, "{name}");
        assert!(
            conversion.xml.contains(&format!("/{code}@")),
            "{name}: expression IRI"
        );
        assert_nothing_lost(&name, &conversion.xml, &theirs);
    }
}

#[test]
fn french_documents_agree_with_the_uns_files() {
    check_language("fr", "fra");
}

#[test]
fn spanish_documents_agree_with_the_uns_files() {
    check_language("es", "spa");
}

#[test]
fn russian_documents_agree_with_the_uns_files() {
    check_language("ru", "rus");
}

#[test]
fn arabic_documents_agree_with_the_uns_files() {
    check_language("ar", "ara");
}

#[test]
fn chinese_documents_agree_with_the_uns_files() {
    check_language("zh", "zho");
}

/// The text laid out as a PDF extraction would give it: a job number and
/// barcode under the masthead of page 1, and on every later page a running
/// header (the symbol); each page ends with its footnotes under a rule, a
/// page counter and the job number. Page 1 holds the masthead and the first
/// paragraphs (`first_page` blocks), later pages `per_page` blocks.
fn as_pdf_text(text: &str, symbol: &str, job: &str, first_page: usize, per_page: usize) -> String {
    let (body, notes) = text
        .split_once("\n__________________\n")
        .unwrap_or((text, ""));
    let paragraphs: Vec<&str> = body.trim_end().split("\n\n").collect();
    let notes: Vec<&str> = notes
        .split("\n\n")
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect();
    // Each note goes to the page of the first paragraph, after the previous
    // note's, that calls it: its marker glued to the text before it.
    let mut note_paragraph = Vec::new();
    let mut from = 0;
    for note in &notes {
        let marker = note.split([' ', '\t']).next().unwrap();
        let calls = |p: &str| {
            p.match_indices(marker).any(|(at, _)| {
                let before = p[..at].chars().next_back();
                let after = p[at + marker.len()..].chars().next();
                before.is_some_and(|c| !c.is_ascii_digit() && !c.is_whitespace())
                    && !after.is_some_and(|c| c.is_ascii_digit())
            })
        };
        let found = (from..paragraphs.len())
            .find(|&i| calls(paragraphs[i]))
            .unwrap_or(from);
        note_paragraph.push(found);
        from = found;
    }
    let first_page = first_page.min(paragraphs.len());
    let mut pages: Vec<std::ops::Range<usize>> = Vec::new();
    pages.push(0..first_page);
    let mut start = first_page;
    while start < paragraphs.len() {
        pages.push(start..(start + per_page).min(paragraphs.len()));
        start += per_page;
    }
    let count = pages.len();
    let mut out = String::new();
    for (page, range) in pages.into_iter().enumerate() {
        if page > 0 {
            out.push_str(&format!("\n\n{symbol}\n\n"));
        }
        for index in range.clone() {
            out.push_str(paragraphs[index]);
            out.push_str("\n\n");
            if index == 6 {
                let digits: String = job.chars().filter(char::is_ascii_digit).collect();
                out.push_str(&format!("{job}\n\n*{digits}*\n\n"));
            }
        }
        let here: Vec<&str> = notes
            .iter()
            .zip(&note_paragraph)
            .filter(|(_, p)| range.contains(p) || (page + 1 == count && **p >= range.end))
            .map(|(n, _)| *n)
            .collect();
        if !here.is_empty() {
            out.push_str("__________________\n\n");
            out.push_str(&here.join("\n\n"));
            out.push_str("\n\n");
        }
        out.push_str(&format!("{}/{count}\n\n{job}\n\u{c}", page + 1));
    }
    out
}

#[test]
fn pdf_like_layouts_give_the_same_document_in_every_language() {
    for (language, letter) in [
        ("fr", 'F'),
        ("es", 'S'),
        ("ru", 'R'),
        ("ar", 'A'),
        ("zh", 'C'),
    ] {
        let (text, akn) = documents(language).remove(0);
        let name = text.file_name().unwrap().to_string_lossy().to_string();
        let plain = read(&text);
        let symbol = plain.lines().find(|l| l.contains("/RES/")).unwrap().trim();
        let job = format!("22-12345 ({letter})");
        let laid_out = as_pdf_text(&plain, symbol, &job, 12, 5);
        let conversion = util::convert_text(&laid_out);
        let theirs = read(&akn);
        assert_eq!(facts(&conversion.xml), facts(&theirs), "{name} laid out");
        assert_eq!(
            conversion.document.identity.job_number.as_deref(),
            Some(job.as_str()),
            "{name}: the job number with the language's letter"
        );
        let removed: Vec<&str> = conversion
            .furniture
            .iter()
            .map(|f| f.text.as_str())
            .collect();
        assert!(
            removed.contains(&symbol),
            "{name}: running header removed: {removed:?}"
        );
        assert_nothing_lost(&name, &conversion.xml, &theirs);
    }
}

#[test]
fn the_lang_option_overrides_detection() {
    let (text, _) = documents("fr").remove(0);
    let mut options = un2akn::Options::default();
    options.lang = Some("spa".into());
    let conversion = un2akn::convert(&read(&text), &options).unwrap();
    assert_eq!(conversion.document.identity.language, "spa");
    assert!(conversion.xml.contains("/spa@"));
    let mut options = un2akn::Options::default();
    options.lang = Some("klingon".into());
    // An unknown code is an error, never a silent fallback to detection.
    let error = un2akn::convert(&read(&text), &options).unwrap_err();
    assert!(
        matches!(error.kind(), un2akn::ErrorKind::UnknownLanguage { code } if code == "klingon"),
        "{error}"
    );
    assert!(error.to_string().contains("eng, fra, spa, rus, ara, zho"));
}

#[test]
fn arabic_text_is_kept_in_logical_order() {
    let (text, _) = documents("ar").remove(0);
    let plain = read(&text);
    let conversion = util::convert_text(&plain);
    // The formula and a lead phrase, as typed: no reordering, no shaping.
    assert!(conversion.xml.contains("إن الجمعية العامة،"));
    let lead = conversion.document.parts.preamble.containers[0]
        .name
        .clone();
    assert!(plain.contains(&lead), "lead phrase {lead:?} as printed");
    // Direction marks are text: kept as typed, none added.
    let marks = |s: &str| {
        s.matches(['\u{200e}', '\u{200f}', '\u{202b}', '\u{202e}'])
            .count()
    };
    assert_eq!(marks(&conversion.xml), marks(&plain));
}

#[test]
fn non_english_containers_are_named_by_their_lead_phrase_as_the_un_does() {
    let (text, akn) = documents("fr").remove(0);
    let conversion = util::convert_text(&read(&text));
    let theirs = read(&akn);
    for container in &conversion.document.parts.preamble.containers {
        let attribute = format!("<container name=\"{}\"", container.name);
        assert!(
            theirs.contains(&attribute),
            "{} is a name the UN's file uses",
            container.name
        );
    }
}

/// "一" ⏎ heading ⏎ "1. …" (Chinese), "أولا" ⏎ heading ⏎ "1 - …" (Arabic):
/// the parts are divisions with their label and heading, as "I" ⏎ heading
/// are in English (spec §5), from the first label on; their eIds take the
/// label's value in ASCII (`dvs_1`, `dvs_2`).
#[test]
fn part_labels_open_divisions_from_the_first_on() {
    for (text, language) in [
        (
            "A/RES/76/72\n\n大会\n\n2021年12月9日大会决议\n\n76/72. 海洋和海洋法\n\n大会，\n\n\
             回顾其各项决议，\n\n一\n\n《公约》的执行\n\n1.\t重申《公约》的统一性；\n\n\
             二\n\n能力建设\n\n2.\t确认能力建设的重要性。\n\n第46次全体会议\n2021年12月9日\n",
            "zho",
        ),
        (
            "A/RES/76/241\n\nالجمعية العامة\n\nقرار اتخذته الجمعية العامة في 24 كانون الأول/ديسمبر 2021\n\n\
             76/241 تقرير عن الأنشطة\n\nإن الجمعية العامة،\n\nإذ تشير إلى قراراتها،\n\nأولا\n\n\
             أنشطة المكتب\n\n1 -\tتعيد تأكيد دورها الرئيسي؛\n\nثانيا\n\nأنشطة اللجنة\n\n\
             2 -\tتلاحظ مع التقدير أعمال اللجنة.\n\nالجلسة العامة 54\n24 كانون الأول/ديسمبر 2021\n",
            "ara",
        ),
    ] {
        let conversion = util::convert_text(text);
        let document = &conversion.document;
        assert_eq!(document.identity.language, language);
        assert_eq!(document.parts.preamble.containers.len(), 1, "{language}");
        let paragraphs: Vec<_> = document.parts.paragraphs().collect();
        let numbers: Vec<_> = paragraphs.iter().map(|p| p.num.as_deref()).collect();
        assert_eq!(numbers.len(), 2, "{language}: {numbers:?}");
        assert!(numbers[0].is_some_and(|n| n.starts_with('1')), "{language}");
        let xml = &conversion.xml;
        assert!(xml.contains("<division eId=\"dvs_1\">"), "{language}: {xml}");
        assert!(xml.contains("<division eId=\"dvs_2\">"), "{language}: {xml}");
        assert_eq!(xml.matches("<heading>").count(), 2, "{language}");
        let label = xml_text(&conversion.xml);
        assert!(label.body.iter().any(|w| w == "一" || w == "أولا"), "{language}: label kept");
    }
}

#[test]
fn a_heading_before_paragraph_one_opens_the_operative_part() {
    for (text, language) in [
        (
            "S/RES/2611 (2021)\n\nConseil de sécurité\n\nRésolution 2611 (2021)\n\n\
             Adoptée par le Conseil de sécurité à sa 8935e séance, le 17 décembre 2021\n\n\
             Le Conseil de sécurité,\n\nRappelant ses résolutions antérieures,\n\nMesures\n\n\
             1.\tDécide que tous les États continueront de prendre les mesures ;\n\n\
             2.\tDécide de rester activement saisi de la question.\n",
            "fra",
        ),
        (
            "S/RES/2611 (2021)\n\nSecurity Council\n\nResolution 2611 (2021)\n\n\
             Adopted by the Security Council at its 8935th meeting, on 17 December 2021\n\n\
             The Security Council,\n\nRecalling its previous resolutions,\n\nMeasures\n\n\
             1.\tDecides that all States shall continue to take the measures;\n\n\
             2.\tDecides to remain actively seized of the matter.\n",
            "eng",
        ),
    ] {
        let conversion = util::convert_text(text);
        let document = &conversion.document;
        assert_eq!(document.identity.language, language);
        assert_eq!(
            document.identity.adoption_date.unwrap().to_string(),
            "2021-12-17"
        );
        assert_eq!(document.identity.work_number, "2611-2021");
        assert_eq!(document.parts.preamble.containers.len(), 1, "{language}");
        let paragraphs: Vec<_> = document.parts.paragraphs().collect();
        assert_eq!(document.parts.main_body.len(), 3, "{language}");
        assert_eq!(paragraphs.len(), 3, "{language}");
        assert_eq!(paragraphs[0].num, None, "{language}: the heading");
        assert_eq!(paragraphs[1].num.as_deref(), Some("1."));
    }
}

#[test]
fn the_report_gives_each_inputs_language_and_lang_overrides_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = util::root().join("tests/fixtures/languages/zh/A_RES_76_269.txt");
    let input = input.to_str().unwrap();
    let output = dir.path().join("out.xml");
    let report = dir.path().join("report.jsonl");
    let run = |extra: &[&str]| {
        let mut args = vec!["convert", input, "-o", output.to_str().unwrap()];
        args.extend(["--report", report.to_str().unwrap()]);
        args.extend(extra);
        let result = util::run_binary(None, &args, None);
        assert!(
            result.status.success(),
            "{}",
            String::from_utf8_lossy(&result.stderr)
        );
        let line = std::fs::read_to_string(&report).unwrap();
        let record: serde_json::Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
        record["language"].as_str().unwrap().to_string()
    };
    assert_eq!(run(&[]), "zho");
    assert_eq!(run(&["--lang", "ara"]), "ara");
    let refused = util::run_binary(None, &["convert", input, "--lang", "xx"], None);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("unknown language \"xx\""));
}

#[test]
fn a_part_heading_before_a_lower_case_recital_stays_a_heading() {
    // Russian recitals start in lower case ("ссылаясь", "рассмотрев"): the
    // one after a part's heading is no continuation of the heading.
    let text = "A/RES/77/263\n\nГенеральная Ассамблея\n\n\
                Резолюция, принятая Генеральной Ассамблеей 30 декабря 2022 года\n\n\
                77/263. Специальные вопросы\n\nГенеральная Ассамблея,\n\nI\n\n\
                Смета расходов, пересмотренная с учетом деятельности\n\n\
                ссылаясь на свою резолюцию 77/3,\n\nрассмотрев доклад Генерального секретаря,\n\n\
                1.\tпринимает к сведению доклад;\n\nII\n\nДоклад об использовании субсидии\n\n\
                рассмотрев доклад Генерального секретаря,\n\n1.\tутверждает субсидию.\n";
    let conversion = util::convert_text(text);
    let document = &conversion.document;
    assert_eq!(document.identity.language, "rus");
    let divisions: Vec<_> = document.parts.divisions().collect();
    assert_eq!(divisions.len(), 2);
    assert!(divisions.iter().all(|d| d.heading.is_some()));
    assert_eq!(divisions[0].recitals.len(), 2);
    assert_eq!(divisions[1].recitals.len(), 1);
    assert_eq!(document.parts.paragraphs().count(), 2);
}

#[test]
fn a_new_part_closes_the_paragraph_before_it() {
    // 77/263 XX-XXI: a part ends on lettered points; the next part's
    // lower-case recital ("рассмотрев …,") is no wrap-up of those points,
    // and its lower-case operative line ("принимает к сведению …;") no
    // continuation of the recital. A heading of three printed lines (over
    // 200 characters) is still a heading.
    let long_heading = "Смета, пересмотренная с учетом резолюций и решений, принятых Советом \
                        по правам человека на его сорок девятой, пятидесятой и пятьдесят первой \
                        очередных сессиях и его тридцать четвертой и тридцать пятой специальных \
                        сессиях в 2022 году";
    assert!(long_heading.chars().count() > 200);
    let text = format!(
        "A/RES/77/263\n\nГенеральная Ассамблея\n\n\
         Резолюция, принятая Генеральной Ассамблеей 30 декабря 2022 года\n\n\
         77/263. Специальные вопросы\n\nГенеральная Ассамблея,\n\nXX\n\n\
         Валовой совместно финансируемый бюджет Департамента по вопросам охраны и безопасности\n\n\
         утверждает валовой совместно финансируемый бюджет в объеме:\n\n\
         а)\tна деятельность по обеспечению безопасности на местах: 149 055 100 долл. США;\n\n\
         b)\tна услуги по обеспечению безопасности и охраны: 14 510 700 долл. США;\n\nXXI\n\n\
         Последствия изменений обменных курсов и темпов инфляции\n\n\
         рассмотрев доклад Генерального секретаря о смете,\n\n\
         принимает к сведению смету, пересмотренную в результате пересчета;\n\nXXII\n\n\
         {long_heading}\n\nрассмотрев доклады Генерального секретаря,\n\n\
         1.\tпринимает к сведению доклады Генерального секретаря;\n"
    );
    let conversion = util::convert_text(&text);
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
    let divisions: Vec<_> = conversion.document.parts.divisions().collect();
    assert_eq!(divisions.len(), 3);
    assert!(divisions.iter().all(|d| d.heading.is_some()));
    let recitals: Vec<usize> = divisions.iter().map(|d| d.recitals.len()).collect();
    assert_eq!(recitals, [0, 1, 1]);
    let paragraphs: Vec<_> = conversion.document.parts.paragraphs().collect();
    assert_eq!(paragraphs.len(), 3);
    let list = paragraphs[0]
        .list
        .as_ref()
        .expect("XX's paragraph has points");
    assert_eq!(list.points.len(), 2);
    assert!(list.wrap_up.is_none());
    assert!(paragraphs[1].list.is_none());
}

#[test]
fn arabic_numbers_chinese_prefaces_and_caseless_headings_need_no_warning() {
    // Arabic numbers printed "4 –", "12-" or between direction marks;
    // Chinese leads after "在这方面" ("in this regard") or "根据《联合国宪章》
    // 第七章" ("under Chapter VII of the Charter"); headings in scripts
    // without capitals ("ترتيبات التمويل …"). All were read right, but
    // warned about as unnumbered paragraphs or unknown leads.
    let root = util::root().join("tests/fixtures/languages");
    let convert = |name: &str| util::convert_text(&read(&root.join(name)));
    for name in [
        "ar/A_RES_77_292.txt",
        "zh/A_RES_77_97.txt",
        "zh/S_RES_2635(2022).txt",
    ] {
        let conversion = convert(name);
        assert!(
            conversion.warnings.is_empty(),
            "{name}: {:?}",
            conversion.warnings
        );
    }
    let nums: Vec<String> = convert("ar/A_RES_77_292.txt")
        .document
        .parts
        .paragraphs()
        .filter_map(|p| p.num.clone())
        .collect();
    assert!(nums.iter().any(|n| n == "4 –"), "{nums:?}");
    let zh = convert("zh/A_RES_77_97.txt");
    assert!(
        zh.xml.contains("<p>在这方面<i>又知悉</i>"),
        "the preface stays plain"
    );
    let names = util::container_names(&zh.document);
    assert!(names.contains(&"又知悉"), "{names:?}");
    let sc = convert("zh/S_RES_2635(2022).txt");
    let acting = sc
        .document
        .parts
        .preamble
        .containers
        .iter()
        .find(|c| c.name == "采取行动");
    assert!(acting.is_some(), "Chapter VII's lead");
    // The same document with its numbers between direction marks and
    // without a space before the dash.
    let plain = read(&root.join("ar/A_RES_76_41.txt"))
        .replacen("\n2 -\t", "\n\u{200f}2 -\u{200f} ", 1)
        .replacen("\n3 -\t", "\n3-\t", 1);
    let marked = util::convert_text(&plain);
    assert!(marked.warnings.is_empty(), "{:?}", marked.warnings);
    let nums = util::paragraph_numbers(&marked.document);
    assert_eq!(
        &nums[..3],
        [Some("1 -"), Some("\u{200f}2 -\u{200f}"), Some("3-")]
    );
}

#[test]
fn an_arabic_title_after_its_number_and_a_dash_is_numbered_without_blank_lines() {
    // ar 76/303 laid out without blank lines (seeds 135-139): "76/303 -
    // إجراءات …" ⏎ "الجنسيين" ⏎ the formula. The dash after the number made
    // the line read as a title without one: no docNumber, and the
    // title's second line was kept as an unknown masthead line.
    let text = "الأمــم المتحـدة\nA/RES/76/303\nالجمعية العامة\nDistr.: General\n9 September 2022\n23-24193 (A)    229801\n*2324193*\nالدورة السادسة والسبعون\nالبند 132 من جدول الأعمال\nالاستغلال والانتهاك الجنسيان: تنفيذ سياسة عدم التسامح إطلاقا\nقرار اتخذته الجمعية العامة في 2 أيلول/سبتمبر 2022\n[دون الإحالة إلى لجنة رئيسية (A/76/L.78 و A/76/L.78/Add.1)]\n76/303 - إجراءات الأمم المتحدة بشأن الاستغلال والانتهاك\nالجنسيين\nإن الجمعية العامة،\nإذ تشير إلى مقاصد ومبادئ ميثاق الأمم المتحدة والقانون\nالدولي،\n";
    let conversion = util::convert_text(text);
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
    assert!(
        conversion.xml.contains("<docNumber>76/303</docNumber> <docTitle>- إجراءات الأمم المتحدة بشأن الاستغلال والانتهاك الجنسيين</docTitle>"),
        "{}",
        conversion.xml
    );
}

#[test]
fn paragraph_numbers_in_other_scripts_are_checked_for_gaps() {
    // Arabic "3 -" printed as "5 -": a gap, then a step back, as in English.
    let root = util::root().join("tests/fixtures/languages");
    let gapped = read(&root.join("ar/A_RES_76_41.txt")).replacen("\n3 -\t", "\n5 -\t", 1);
    let messages: Vec<String> = util::messages(&util::convert_text(&gapped))
        .iter()
        .map(|m| m.to_string())
        .collect();
    assert_eq!(
        messages,
        [
            "paragraph 5 follows paragraph 2: numbers 3–4 are missing; kept as printed",
            "paragraph 4 follows paragraph 5: the numbering goes back; kept as printed"
        ]
    );
    // Full-width "２．" and Arabic-Indic "٣ -" are read as 2 and 3: no doubt.
    let chinese = read(&root.join("zh/A_RES_77_97.txt")).replacen("\n2.\t", "\n２．", 1);
    let conversion = util::convert_text(&chinese);
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
    let arabic = read(&root.join("ar/A_RES_76_41.txt")).replacen("\n3 -\t", "\n٣ -\t", 1);
    let conversion = util::convert_text(&arabic);
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
    let nums = util::paragraph_numbers(&conversion.document);
    assert_eq!(
        &nums[..4],
        [Some("1 -"), Some("2 -"), Some("٣ -"), Some("4 -")]
    );
}

#[test]
fn a_recital_whose_lead_the_lexicon_lacks_is_named_by_its_form() {
    // The lexicon comes from 30 files a language; a held-out file has
    // leads it lacks ("Outrée par …"): named by their form, no warning.
    let root = util::root().join("tests/fixtures/languages");
    let plain = read(&root.join("fr/A_RES_76_152.txt")).replacen(
        "\nRappelant les résolutions",
        "\nOutrée par les résolutions",
        1,
    );
    let conversion = util::convert_text(&plain);
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
    let names = util::container_names(&conversion.document);
    assert!(names.contains(&"Outrée"), "{names:?}");
}

/// The text with its blank lines taken out.
pub(crate) fn without_blank_lines(text: &str) -> String {
    let lines = text.lines().filter(|line| !line.trim().is_empty());
    lines.map(|line| format!("{line}\n")).collect()
}

#[test]
fn text_without_blank_lines_agrees_as_with_them_in_every_language() {
    // One paragraph per line and no blank line between: each line is a
    // paragraph. Arabic and Chinese had agreed on none of their 30 files
    // (one block of all the paragraphs), French on 93 %, Spanish on 77 %.
    for (language, code) in [
        ("fr", "fra"),
        ("es", "spa"),
        ("ru", "rus"),
        ("ar", "ara"),
        ("zh", "zho"),
    ] {
        check_language_as(language, code, without_blank_lines);
    }
}

/// The language fixture `name` (under tests/fixtures/languages), and the
/// same text with `from` replaced once by `to`; `from` must be there.
fn fixture_with(name: &str, from: &str, to: &str) -> (String, String) {
    let text = read(&util::root().join("tests/fixtures/languages").join(name));
    let changed = text.replacen(from, to, 1);
    assert_ne!(changed, text, "{from:?} is not in {name}");
    (text, changed)
}

/// The structure of `text`'s conversion: how many recitals, the operative
/// paragraphs' numbers, and how many warnings.
fn shape(text: &str) -> (usize, Vec<Option<String>>, usize) {
    let conversion = util::convert_text(text);
    let numbers = util::paragraph_numbers(&conversion.document)
        .iter()
        .map(|num| num.map(str::to_owned))
        .collect();
    (
        util::container_names(&conversion.document).len(),
        numbers,
        conversion.warnings.len(),
    )
}

#[test]
fn leads_the_lexicon_lacks_keep_the_structure_in_russian_and_chinese() {
    // A two-fold held-out check (lexicon from half the files, measured on
    // the other half) found the structure resting on the lexicon in the two
    // languages whose recitals give no other sign: Russian recitals start
    // in lower case after the comma that ends the one before (an unknown
    // gerund was taken for its continuation), and Chinese recitals share
    // their verbs with operative paragraphs (an operative-only verb ended
    // the preamble). 40-60 % and 73 % agreed held out; 93-100 % now.
    let (russian, unknown) = fixture_with(
        "ru/A_RES_77_305.txt",
        "\nссылаясь далее на",
        "\nизучая далее",
    );
    assert_eq!(shape(&unknown), shape(&russian));
    let conversion = util::convert_text(&unknown);
    assert!(
        util::container_names(&conversion.document).contains(&"изучая"),
        "{:?}",
        util::container_names(&conversion.document)
    );
    let (chinese, operative_verb) = fixture_with(
        "zh/A_RES_76_269.txt",
        "\n注意到妇女在外交领域",
        "\n建议妇女在外交领域",
    );
    assert_eq!(shape(&operative_verb), shape(&chinese));
}

#[test]
fn structure_by_form_holds_with_a_third_of_the_lexicon() {
    // Lexicons made from a third of each language's files: a one-paragraph
    // Spanish resolution's unnumbered "Aprueba …." became a recital (no
    // operative part), and a Chinese recital with an operative-only verb
    // whose comma was followed by a footnote call ("，2") ended the preamble.
    let (_, unknown) = fixture_with(
        "es/A_RES_76_15.txt",
        "\nAprueba el informe",
        "\nRatifica el informe",
    );
    assert_eq!(shape(&unknown), (1, vec![None], 0));
    let (chinese, operative_verb) = fixture_with(
        "zh/A_RES_77_97.txt",
        "\n赞赏地注意到秘书长编制",
        "\n建议秘书长编制",
    );
    assert_eq!(shape(&operative_verb), shape(&chinese));
}

#[test]
fn chinese_and_arabic_leads_the_lexicon_lacks_draw_no_warning() {
    // Held out, 5 of 13 and 6 of 15 Chinese files whose structure agreed
    // drew "no lead phrase recognised": leads made of an adverb and a verb
    // the lexicon has ("特别认识到", "赞赏地回顾"), and leads with no form of
    // their own ("决心"). A Chinese recital closes with a comma; an adverb
    // before a known verb belongs to the lead. Arabic prints "وإذ" glued to
    // its verb at times.
    let root = util::root().join("tests/fixtures/languages");
    let chinese = read(&root.join("zh/A_RES_76_269.txt"));
    let unknown = chinese
        .replacen(
            "\n认识到妇女可对外交工作",
            "\n特别认识到妇女可对外交工作",
            1,
        )
        .replacen(
            "\n注意到妇女在外交领域",
            "\n满怀感激地回顾妇女在外交领域",
            1,
        )
        .replacen("\n欢迎联合国系统努力", "\n决心联合国系统努力", 1);
    let conversion = util::convert_text(&unknown);
    let names = util::container_names(&conversion.document);
    assert_eq!(names.len(), 6, "{names:?}");
    assert_eq!(names[2..4], ["特别认识到", "满怀感激地回顾"], "{names:?}");
    assert!(
        conversion.xml.contains("<i>特别认识到</i>妇女"),
        "{}",
        conversion.xml
    );
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
    let arabic = read(&root.join("ar/A_RES_76_119.txt"));
    let glued = arabic.replacen("\nوإذ تشدد", "\nوإذتشدد", 1);
    assert_ne!(glued, arabic);
    let conversion = util::convert_text(&glued);
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
    let names = util::container_names(&conversion.document);
    assert!(names.contains(&"وإذتشدد"), "{names:?}");
}

#[test]
fn an_annexed_convention_in_chinese_has_its_chapters_and_articles() {
    // "本公约缔约国，" … "兹协议如下：", "第一章" ⏎ "总则", "第7条" ⏎ "非法访问":
    // the shape of an annexed convention, read in a script without spaces.
    let root = util::root().join("tests/fixtures/languages");
    let mut text = read(&root.join("zh/A_RES_77_97.txt"));
    text.push_str(
        "\n附件\n\n联合国打击网络犯罪公约\n\n序言\n\n本公约缔约国，\n\n\
         铭记《联合国宪章》的宗旨和原则，\n\n兹协议如下：\n\n第一章\n总则\n\n\
         第1条\n目的说明\n\n本公约的宗旨是：\n\n(a) 促进和加强措施；\n\n(b) 促进国际合作。\n\n\
         第二章\n定罪\n\n第7条\n非法访问\n\n1. 各缔约国均应采取必要的立法和其他措施。\n\n\
         2. 缔约国可要求以破坏安全措施的方式实施该犯罪。\n",
    );
    let conversion = util::convert_text(&text);
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
    let xml = &conversion.xml;
    for element in [
        "<formula eId=\"att_1__formula_1\" name=\"enactingFormula\">",
        "<formula eId=\"att_1__formula_2\" name=\"closingFormula\">",
        "<chapter eId=\"att_1__chp_2\">",
        "<num>第二章</num>",
        "<heading>定罪</heading>",
        "<article eId=\"att_1__chp_2__art_7\">",
        "<heading>非法访问</heading>",
    ] {
        assert!(xml.contains(element), "{element}\n{xml}");
    }
    un2akn::validate::validate_with(xml, un2akn::validate::Engine::Native).unwrap();
}
