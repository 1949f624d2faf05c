//! The six official languages of the UN: which one a text is in, and the
//! fixed wording each prints (formula, masthead, adoption and meeting lines,
//! numbering, dates, lead phrases).
//!
//! Takes text (a whole document for [`Language::detect`], one line or
//! paragraph for the rest) and gives facts; the grammar asks these after its
//! English rules. Nothing here changes text: every function only recognises.
//!
//! Punctuation and spaces are kept as printed in every language: French
//! non-breaking and narrow spaces before « : ; ! ? » stay in the text, and
//! the recognisers skip them; Arabic text is kept in logical order, never
//! reordered; Chinese has no spaces between words, so its lead phrases and
//! dates are found as prefixes, not as words.

pub(crate) mod date;
pub(crate) mod lexicon;
pub(crate) mod masthead;

use std::cell::Cell;

use crate::model::Body;

thread_local! {
    static CURRENT: Cell<Language> = const { Cell::new(Language::English) };
}

/// The language of the document being parsed on this thread (English
/// outside a [`Scope`]). The grammar's small recognisers (lead phrases,
/// names) ask it rather than carry the language through every call.
pub fn current() -> Language {
    CURRENT.with(Cell::get)
}

/// While alive, [`current`] is the language it was made with; dropping it
/// restores the previous one. One parse, one scope, on one thread: output
/// does not depend on threads.
#[derive(Debug)]
pub struct Scope(Language);

impl Scope {
    /// Makes `language` current on this thread until the scope is dropped.
    pub fn new(language: Language) -> Scope {
        Scope(CURRENT.with(|c| c.replace(language)))
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        CURRENT.with(|c| c.set(self.0));
    }
}

/// An official language of the UN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    /// English (`eng`).
    #[default]
    English,
    /// French (`fra`).
    French,
    /// Spanish (`spa`).
    Spanish,
    /// Russian (`rus`).
    Russian,
    /// Arabic (`ara`).
    Arabic,
    /// Chinese (`zho`).
    Chinese,
}

impl Language {
    /// Every language, English first.
    pub const ALL: [Language; 6] = [
        Language::English,
        Language::French,
        Language::Spanish,
        Language::Russian,
        Language::Arabic,
        Language::Chinese,
    ];

    /// The ISO 639-2 code of the FRBR expression: `eng`, `fra`, `spa`,
    /// `rus`, `ara`, `zho`.
    pub const fn code(self) -> &'static str {
        match self {
            Language::English => "eng",
            Language::French => "fra",
            Language::Spanish => "spa",
            Language::Russian => "rus",
            Language::Arabic => "ara",
            Language::Chinese => "zho",
        }
    }

    /// A language from its ISO 639-2 or 639-1 code or English name, any
    /// case: `fra`, `fr`, `French`.
    pub fn from_code(code: &str) -> Option<Language> {
        let code = code.trim().to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| {
            let name = format!("{l:?}").to_ascii_lowercase();
            code == l.code()
                || code == l.code()[..2]
                || code == name
                || (code == "zh" && *l == Language::Chinese)
                || (code == "ar" && *l == Language::Arabic)
                || (code == "es" && *l == Language::Spanish)
        })
    }

    /// Whether words are separated by spaces (all but Chinese).
    pub fn spaces_words(self) -> bool {
        self != Language::Chinese
    }

    /// Whether a paragraph's lead phrase opens with a capital letter, so that
    /// a line in lower case never starts one: English, French and Spanish
    /// (Russian leads are in lower case; Arabic and Chinese have no case).
    pub fn leads_with_capital(self) -> bool {
        matches!(
            self,
            Language::English | Language::French | Language::Spanish
        )
    }

    /// Whether numbers are written with a decimal comma ("1,5 °C"): French,
    /// Spanish, Russian and Arabic; English and Chinese write "1.5".
    pub fn writes_decimal_comma(self) -> bool {
        !matches!(self, Language::English | Language::Chinese)
    }

    /// Whether the script has capital letters (all but Arabic and Chinese).
    pub fn has_case(self) -> bool {
        !matches!(self, Language::Arabic | Language::Chinese)
    }

    /// The language of a text: by script (Arabic, Chinese, Cyrillic), then,
    /// for Latin script, by its most frequent short words. Looks at the
    /// first 20,000 bytes; English where nothing else stands out.
    pub fn detect(text: &str) -> Language {
        let mut end = text.len().min(20_000);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let sample = &text[..end];
        // ASCII letters counted a byte at a time (most of any sample);
        // only the other characters are decoded.
        let mut latin = sample.bytes().filter(u8::is_ascii_alphabetic).count();
        let (mut arabic, mut han, mut cyrillic) = (0usize, 0usize, 0usize);
        for c in sample.chars().filter(|c| !c.is_ascii()) {
            match c {
                '\u{600}'..='\u{6ff}'
                | '\u{750}'..='\u{77f}'
                | '\u{fb50}'..='\u{fdff}'
                | '\u{fe70}'..='\u{feff}' => arabic += 1,
                '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' => han += 1,
                '\u{400}'..='\u{4ff}' => cyrillic += 1,
                '\u{c0}'..='\u{24f}' => latin += 1,
                _ => {}
            }
        }
        // Symbols, links and English mastheads are Latin in every language:
        // a fifth of the letters in another script decides.
        let letters = arabic + han + cyrillic + latin;
        let share = |n: usize| n * 5 > letters;
        if letters == 0 {
            return Language::English;
        }
        if share(arabic) && arabic >= han && arabic >= cyrillic {
            return Language::Arabic;
        }
        // A Chinese character is a word, not a letter: a tenth decides.
        if han * 10 > letters {
            return Language::Chinese;
        }
        if share(cyrillic) {
            return Language::Russian;
        }
        let mut counts = [0usize; 3];
        // The words are runs of ASCII letters, read a byte at a time; one
        // glued to a letter beyond ASCII ("él", "dé") is part of a longer
        // word, which no list holds.
        for (start, at) in ascii_runs(sample, u8::is_ascii_alphabetic) {
            // No listed word is longer than five letters.
            if at - start > 5 {
                continue;
            }
            let index = match &sample[start..at] {
                "the" | "of" | "and" | "to" | "its" | "by" | "with" | "that" => 0,
                "les" | "des" | "et" | "du" | "le" | "aux" | "au" | "sur" | "une" | "est" => 1,
                "los" | "las" | "del" | "y" | "el" | "al" | "una" | "por" | "con" | "sobre" => 2,
                _ => continue,
            };
            let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
            if letter(sample[..start].chars().next_back()) || letter(sample[at..].chars().next()) {
                continue;
            }
            counts[index] += 1;
        }
        match counts
            .iter()
            .enumerate()
            .max_by_key(|&(i, n)| (*n, usize::MAX - i))
        {
            Some((1, n)) if *n > counts[0] => Language::French,
            Some((2, n)) if *n > counts[0] => Language::Spanish,
            _ => Language::English,
        }
    }
}

/// How each language names the bodies, in every case the UN prints them in
/// ("Генеральная Ассамблея", "Генеральной Ассамблеей").
const BODY_NAMES: &[(&str, Body)] = &[
    ("Assemblée générale", Body::GeneralAssembly),
    ("Conseil de sécurité", Body::SecurityCouncil),
    ("Conseil des droits de l’homme", Body::HumanRightsCouncil),
    ("Conseil des droits de l'homme", Body::HumanRightsCouncil),
    (
        "Conseil économique et social",
        Body::EconomicAndSocialCouncil,
    ),
    ("Asamblea General", Body::GeneralAssembly),
    ("Consejo de Seguridad", Body::SecurityCouncil),
    ("Consejo de Derechos Humanos", Body::HumanRightsCouncil),
    ("Consejo Económico y Social", Body::EconomicAndSocialCouncil),
    ("Генеральная Ассамблея", Body::GeneralAssembly),
    ("Генеральной Ассамблеей", Body::GeneralAssembly),
    ("Совет Безопасности", Body::SecurityCouncil),
    ("Советом Безопасности", Body::SecurityCouncil),
    ("Совет по правам человека", Body::HumanRightsCouncil),
    ("Советом по правам человека", Body::HumanRightsCouncil),
    (
        "Экономический и Социальный Совет",
        Body::EconomicAndSocialCouncil,
    ),
    (
        "Экономическим и Социальным Советом",
        Body::EconomicAndSocialCouncil,
    ),
    ("الجمعية العامة", Body::GeneralAssembly),
    ("مجلس الأمن", Body::SecurityCouncil),
    ("مجلس حقوق الإنسان", Body::HumanRightsCouncil),
    ("المجلس الاقتصادي والاجتماعي", Body::EconomicAndSocialCouncil),
    ("安全理事会", Body::SecurityCouncil),
    ("人权理事会", Body::HumanRightsCouncil),
    ("经济及社会理事会", Body::EconomicAndSocialCouncil),
    ("大会", Body::GeneralAssembly),
];

/// A body named exactly by `text` in another language ("Assemblée
/// générale", "大会"), trailing comma ignored.
pub fn body_name(text: &str) -> Option<Body> {
    let name = text.trim().trim_end_matches([',', '،', '，']).trim();
    BODY_NAMES.iter().find(|(n, _)| *n == name).map(|&(_, b)| b)
}

/// The first body named anywhere in `text` (its no-break spaces already
/// plain ones: "la\u{a0}Asamblea\u{a0}General").
fn body_in(text: &str) -> Option<Body> {
    BODY_NAMES
        .iter()
        .filter_map(|(n, b)| text.find(n).map(|at| (at, *b)))
        .min_by_key(|&(at, _)| at)
        .map(|(_, b)| b)
}

/// `text` with its no-break spaces (U+00A0, U+202F) as plain spaces.
fn no_break_spaces_as_spaces(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['\u{a0}', '\u{202f}']) {
        text.replace(['\u{a0}', '\u{202f}'], " ").into()
    } else {
        text.into()
    }
}

/// The enacting formula in another language: "L’Assemblée générale,", "La
/// Asamblea General,", "Генеральная Ассамблея,", "إن الجمعية العامة،",
/// "大会，": the body it names.
pub fn formula(text: &str) -> Option<Body> {
    let text = text.trim();
    let name = text
        .strip_suffix([',', '،', '，'])
        .unwrap_or(text)
        .trim_end();
    if name.len() == text.len() && !text.starts_with("إن ") {
        return None;
    }
    let bare = name;
    let name = ["L’", "L'", "Le ", "La ", "El ", "إن "]
        .iter()
        .find_map(|article| name.strip_prefix(article))
        .unwrap_or(name);
    // French and Spanish name the body with its article; without it, "…
    // du" ⏎ "Conseil de sécurité," is the end of a reference.
    if name.len() == bare.len() && name.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    body_name(name)
}

/// A meeting line in another language: "52e séance plénière", "53a sesión
/// plenaria (continuación)", "53‑е пленарное заседание", "الجلسة العامة 53",
/// "第45次全体会议". Gives the length of the line's meeting part.
pub fn meeting_line(text: &str) -> Option<usize> {
    let text = text.trim_end();
    let digits = |s: &str| date::number(s, 1, 5).map(|(_, len)| len);
    // Chinese: 第N次全体会议, 第N次(续会)全体会议.
    if let Some(rest) = text.strip_prefix('第') {
        let len = digits(rest)?;
        let rest = rest[len..].strip_prefix('次')?;
        let end = rest.find("会议")? + "会议".len();
        return (end <= 30).then(|| text.len() - rest.len() + end);
    }
    // Arabic: الجلسة العامة N (and "الجلسة العامة N المستأنفة").
    if let Some(rest) = text.strip_prefix("الجلسة العامة ") {
        let len = digits(rest)?;
        return Some(text.len() - rest.len() + len);
    }
    let len = digits(text)?;
    let rest = &text[len..];
    for (ordinal, words) in [
        ("e", &["séance plénière", "séance"][..]),
        ("a", &["sesión plenaria", "sesión"][..]),
        ("ª", &["sesión plenaria", "sesión"][..]),
        ("‑е", &["пленарное заседание", "заседание"][..]),
        ("-е", &["пленарное заседание", "заседание"][..]),
        ("-e", &["пленарное заседание", "заседание"][..]),
    ] {
        let Some(after) = rest.strip_prefix(ordinal) else {
            continue;
        };
        let after = after.trim_start_matches([' ', '\u{a0}']);
        // "(reprise)", "(continuación)", "(возобновленное)" may come before
        // or after the words.
        for word in words {
            if after.starts_with(word) {
                return Some(text.len() - after.len() + word.len());
            }
        }
        if let Some(close) = after.starts_with('(').then(|| after.find(')')).flatten() {
            let after = after[close + 1..].trim_start();
            for word in words {
                if after.starts_with(word) {
                    return Some(text.len() - after.len() + word.len());
                }
            }
        }
    }
    None
}

/// An adoption statement in another language, as found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adoption {
    /// The adopting body, where named.
    pub body: Option<Body>,
    /// The date of adoption.
    pub date: chrono::NaiveDate,
    /// Where the printed date starts and ends in the line (bytes).
    pub date_span: (usize, usize),
}

/// Words that make a line with a body and a date an adoption statement.
const ADOPTED: &[&str] = &[
    "adoptée",
    "Adoptée",
    "aprobada",
    "Aprobada",
    "принята",
    "Принята",
    "اتخذ",
    "通过",
    "决议",
];

/// "Résolution adoptée par l’Assemblée générale le 12 décembre 2022",
/// "Aprobada por el Consejo de Seguridad en su 8747a sesión, celebrada el 14
/// de julio de 2020", "Резолюция, принятая Генеральной Ассамблеей 16 декабря
/// 2021 года", "قرار اتخذته الجمعية العامة في 9 كانون الأول/ديسمبر 2021",
/// "2021年12月16日大会决议": the body and the date.
pub fn adoption(text: &str) -> Option<Adoption> {
    let spaced = no_break_spaces_as_spaces(text);
    if text.len() > 300 || !ADOPTED.iter().any(|w| spaced.contains(w)) {
        return None;
    }
    let body = body_in(&spaced);
    // "2022年7月13日 9092次会议通过" names no body: the Council's own line.
    if body.is_none() && !text.contains("决议") && !text.ends_with("通过") {
        // "Aprobada por …" names the body; a line without one is not ours.
        return None;
    }
    // The last date of the line is the adoption date.
    let (date, date_span) = last_date(text)?;
    Some(Adoption {
        body,
        date,
        date_span,
    })
}

/// The last date printed in `text`, in any language, and where it starts
/// and ends (bytes). A date starts a word, or is glued to the word before
/// it ("séance, le9 juillet", as the UN's mark-up sometimes joins them), but
/// never continues a number.
fn last_date(text: &str) -> Option<(chrono::NaiveDate, (usize, usize))> {
    let mut found = None;
    let unspaced = text.contains('年');
    for (at, _) in text.char_indices() {
        let boundary = at == 0 || unspaced || !text[..at].ends_with(|c: char| c.is_numeric());
        if !boundary {
            continue;
        }
        let parsed = date::date(&text[at..]).or_else(|| french_date(&text[at..]));
        if let Some((date, len)) = parsed {
            found = Some((date, (at, at + len)));
        }
    }
    found
}

/// Whether `line` opens an adoption statement whose date the next line
/// holds: "Резолюция, принятая Генеральной Ассамблеей" ⏎ "6 декабря 2022
/// года", "… اتخذته الجمعية العامة في" ⏎ "9 كانون الأول/ديسمبر 2021", "…
/// adoptée par l’Assemblée générale le" ⏎ "12 décembre 2022": a word of
/// adoption (any language) and no date yet.
pub fn adoption_awaits_date(line: &str) -> bool {
    let spaced = no_break_spaces_as_spaces(line);
    (spaced.contains("adopted") || ADOPTED.iter().any(|w| spaced.contains(w)))
        && last_date(line).is_none()
}

/// "12 décembre 2022", "1er avril 2022" (the grammar's English and French
/// dates).
fn french_date(text: &str) -> Option<(chrono::NaiveDate, usize)> {
    let (rest, date) = crate::grammar::date::date(text).ok()?;
    Some((date, text.len() - rest.len()))
}

/// A Security Council resolution's numbered title in another language:
/// "Résolution 2534 (2020)", "Resolución 2534 (2020)", "Резолюция 2544
/// (2020),", "القرار 2512 (2020)", "第2528(2020)号决议": the number as
/// printed, and its byte span in the line.
pub fn resolution_title(text: &str) -> Option<(&str, usize, usize)> {
    let text = text.trim_end();
    if let Some(rest) = text.strip_prefix('第') {
        let end = rest.find("号决议")?;
        let number = &rest[..end];
        let ok = number.ends_with(')') && number.contains('(') && number.len() <= 14;
        return ok.then(|| (number, '第'.len_utf8(), '第'.len_utf8() + end));
    }
    for prefix in ["Résolution ", "Resolución ", "Резолюция ", "القرار "] {
        if let Some(rest) = text.strip_prefix(prefix) {
            // "2544 (2020)", then what follows on the line (", принятая …").
            let (_, digits) = date::number(rest, 1, 5)?;
            let open = digits + spaces_len(&rest[digits..]);
            let year = rest[open..].strip_prefix('(')?;
            let (_, len) = date::number(year, 4, 4)?;
            year[len..].strip_prefix(')')?;
            let end = open + 1 + len + 1;
            return Some((&rest[..end], prefix.len(), prefix.len() + end));
        }
    }
    None
}

/// "Annexe", "Anexo", "Приложение", "المرفق", "附件" at the start of a
/// line: the rest of the line (its number, if any), as for "Annex".
pub fn annex_heading(text: &str) -> Option<&str> {
    [
        "Annexe",
        "ANNEXE",
        "Anexo",
        "ANEXO",
        "Приложение",
        "ПРИЛОЖЕНИЕ",
        "المرفق",
        "附件",
    ]
    .iter()
    .find_map(|word| text.strip_prefix(word))
}

/// A line that is an annex heading alone, in any of the six languages:
/// "Annex", "Annexe II", "Anexo", "Приложение I", "المرفق", "附件一".
pub fn is_annex_heading_line(text: &str) -> bool {
    let text = text.trim();
    let rest = annex_heading(text)
        .or_else(|| text.strip_prefix("Annex"))
        .or_else(|| text.strip_prefix("ANNEX"));
    match rest {
        Some("") => true,
        Some(number) => {
            let spaced = number.starts_with([' ', '\u{a0}']) || !number.is_ascii();
            let number = number.trim_start_matches([' ', '\u{a0}']);
            spaced
                && !number.is_empty()
                && number.chars().count() <= 6
                && number.chars().all(|c| {
                    matches!(c, 'I' | 'V' | 'X' | 'L')
                        || c.is_ascii_digit()
                        || "一二三四五六七八九十".contains(c)
                })
        }
        None => false,
    }
}

fn spaces_len(text: &str) -> usize {
    text.len() - text.trim_start_matches([' ', '\u{a0}']).len()
}

/// The inside of a routing line in another language: "sur la base du
/// rapport de la Troisième Commission (A/76/461, par. 20)", "sin remisión
/// previa a una Comisión Principal (…)", "по докладу Пятого комитета (…)",
/// "بناء على تقرير اللجنة السادسة (…)", "根据第六委员会的报告 (…)".
pub fn is_routing(inner: &str) -> bool {
    const KNOWN: &[&str] = &[
        "sur la base du rapport",
        "sur la recommandation",
        "sans renvoi à",
        "sobre la base del informe",
        "sin remisión previa",
        "por recomendación",
        "по докладу",
        "без передачи в",
        "по рекомендации",
        "بناء على تقرير",
        "بناء على توصية",
        "دون الإحالة إلى",
        "根据",
        "未经发交",
    ];
    KNOWN.iter().any(|k| inner.starts_with(k))
}

/// A masthead line's kind, in another language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoverKind {
    /// "Nations Unies", "Naciones Unidas", "联合国": the logo line.
    Logo,
    /// "Distr. générale", "Distr. general".
    Status,
    /// "Soixante-dix-septième session", "第七十六届会议".
    Session,
    /// "Point 55 de l’ordre du jour", "Tema 82 del programa", "议程项目108".
    AgendaItem,
    /// "Original : anglais", "Original: inglés".
    Original,
}

/// Recognises the fixed masthead lines of another language.
pub fn cover_line(text: &str) -> Option<CoverKind> {
    let text = text.trim();
    if matches!(
        text,
        "Nations Unies" | "Naciones Unidas" | "Организация Объединенных Наций" | "联合国"
    ) || text.replace(['\u{640}', ' '], "") == "الأممالمتحدة"
    {
        return Some(CoverKind::Logo);
    }
    if text.starts_with("Distr.") {
        return Some(CoverKind::Status);
    }
    if text.starts_with("Original")
        || text.starts_with("Оригинал")
        || text.starts_with("原文")
        || text.starts_with("الأصل")
    {
        return Some(CoverKind::Original);
    }
    let session = text.ends_with(" session") && text.split(' ').count() <= 3
        || text.ends_with("período de sesiones") && text.split(' ').count() <= 6
        || text.ends_with(" сессия") && text.split(' ').count() <= 4
        || text.starts_with("الدورة ") && text.split(' ').count() <= 5
        || text.starts_with('第') && text.ends_with("届会议") && text.chars().count() <= 12;
    if session {
        return Some(CoverKind::Session);
    }
    let agenda = text.starts_with("Point") && text.contains("de l’ordre du jour")
        || text.starts_with("Points") && text.contains("de l’ordre du jour")
        || text.starts_with("Tema") && text.ends_with("del programa")
        || text.starts_with("Temas") && text.ends_with("del programa")
        || text.starts_with("Пункт") && text.ends_with("повестки дня")
        || text.starts_with("البند") && text.ends_with("من جدول الأعمال")
        || text.starts_with("البندان")
        || text.starts_with("议程项目");
    (agenda && text.chars().count() < 80).then_some(CoverKind::AgendaItem)
}

/// The Chinese numerals of section labels, one to ten.
const CHINESE_NUMERALS: &str = "一二三四五六七八九十";

/// The stems of the Arabic ordinals "أولا" … "عاشرا" that label sections.
const ARABIC_ORDINALS: [&str; 10] = [
    "أول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر",
];

/// An Arabic ordinal without its ending ("ثانيا", "ثانياً" → "ثاني").
fn arabic_stem(word: &str) -> &str {
    word.trim_end_matches(['ا', 'ً']).trim_end_matches('ً')
}

/// A section label printed alone on its line in another language's layout:
/// the Chinese numerals "一", "二", … "十八" and the Arabic ordinals "أولا",
/// "ثانيا", … "عاشرا" (with or without tanwin, "حادي عشر" and on), which
/// number the parts of a resolution as "I", "II" do in English.
pub fn division_label(text: &str) -> bool {
    let text = text.trim();
    // "حادي عشر" is the longest (15 bytes): a paragraph is never looked
    // through (this runs on every block of the operative part).
    if text.len() > 32 {
        return false;
    }
    let chinese = (1..=3).contains(&text.chars().count())
        && text.chars().all(|c| CHINESE_NUMERALS.contains(c));
    let stem = arabic_stem(text.split(' ').next().unwrap_or_default());
    let tens = text.split(' ').nth(1).is_none_or(|t| t == "عشر");
    let arabic = text.split(' ').count() <= 2
        && tens
        && (ARABIC_ORDINALS.contains(&stem) || (stem == "حادي" && text.contains(' ')));
    chinese || arabic
}

/// The value of a [`division_label`] ("十二" → 12, "ثالثا" → 3, "حادي عشر"
/// → 11), for identifiers in ASCII; `None` for any other text.
pub fn division_value(text: &str) -> Option<u32> {
    let text = text.trim();
    if !division_label(text) {
        return None;
    }
    // "一" … "九": the digits before "十".
    let digit = |c: char| {
        CHINESE_NUMERALS
            .chars()
            .take(9)
            .position(|d| d == c)
            .map(|i| i as u32 + 1)
    };
    if text.chars().all(|c| CHINESE_NUMERALS.contains(c)) {
        return match text.split_once('十') {
            None => digit(text.chars().next()?),
            Some((tens, units)) => {
                let tens = if tens.is_empty() {
                    1
                } else {
                    digit(tens.chars().next()?)?
                };
                let units = if units.is_empty() {
                    0
                } else {
                    digit(units.chars().next()?)?
                };
                Some(tens * 10 + units)
            }
        };
    }
    let mut words = text.split(' ');
    let stem = arabic_stem(words.next()?);
    let tens = if words.next().is_some() { 10 } else { 0 };
    let unit = if stem == "حادي" {
        1
    } else {
        ARABIC_ORDINALS.iter().position(|s| *s == stem)? as u32 + 1
    };
    Some(tens + unit)
}

/// The number in a convention's label: "12" in "Article 12", "1" in
/// "Article premier", "六十七" in "第六十七条", "أول" in "الفصل الأول" (for
/// [`number_value`] or [`division_value`]).
pub fn convention_number(label: &str) -> &str {
    let last = label.rsplit(' ').next().unwrap_or_default();
    if matches!(last, "premier" | "primero") {
        return "1";
    }
    if let Some(inner) = last.strip_prefix('第') {
        return inner.trim_end_matches(['编', '章', '节', '条']);
    }
    last.strip_prefix("ال").unwrap_or(last)
}

/// Whether [`division_label`] `text` is the first of its series ("一",
/// "أولا"): the label that opens the parts, as "I" does in English.
pub fn first_division_label(text: &str) -> bool {
    division_value(text) == Some(1)
}

/// An operative paragraph's number in another language's layout: "1 -"
/// (Arabic), "１．" or "1．" (Chinese, full width). Gives the number as
/// printed and the text after it.
pub fn operative_number(text: &str) -> Option<(&str, &str)> {
    // Arabic texts also print "12-", "4 –", and directional marks around
    // the number ("\u{200f}19 -\u{200f} تحيط").
    let arabic = current() == Language::Arabic;
    let start = if arabic {
        text.len() - text.trim_start_matches(BIDI_MARKS).len()
    } else {
        0
    };
    let (_, len) = date::number(&text[start..], 1, 3)?;
    let after = &text[start + len..];
    let dash = if arabic {
        after.trim_start_matches(' ').strip_prefix(['-', '–'])
    } else {
        after.strip_prefix(" -")
    };
    let mark = if let Some(rest) = dash {
        let rest = if arabic {
            rest.trim_start_matches(BIDI_MARKS)
        } else {
            rest
        };
        text.len() - rest.len()
    } else if let Some(rest) = after.strip_prefix('．') {
        text.len() - rest.len()
    } else {
        return None;
    };
    let rest = &text[mark..];
    let trimmed = rest.trim_start_matches([' ', '\t', '\u{a0}', '\u{3000}']);
    if trimmed.len() == rest.len() && !text[..mark].ends_with('．') {
        return None;
    }
    Some((&text[..mark], trimmed))
}

/// Words no sentence ends on: articles, prepositions and conjunctions, in
/// English, French and Spanish.
const DANGLING: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "for", "by", "with", "and", "or", "its", "their",
    "at", "from", "that", "de", "des", "du", "la", "le", "les", "et", "au", "aux", "à", "sur",
    "del", "el", "los", "las", "y", "en", "con", "para",
];

/// Whether `word` is one no sentence ends on ("of", "the", "de", "y").
pub fn is_dangling(word: &str) -> bool {
    DANGLING.contains(&word)
}

/// Whether the line `text` breaks off mid-phrase, to go on in the next:
/// after a word no sentence ends on ("… and the Methods of") or a
/// compound's hyphen ("… on Transparency and Confidence-").
pub fn breaks_off(text: &str) -> bool {
    let text = text.trim_end();
    text.strip_suffix('-')
        .is_some_and(|head| head.ends_with(char::is_alphabetic))
        || text.rsplit(' ').next().is_some_and(is_dangling)
}

/// The maximal runs of bytes of one ASCII class in `text` (letters, digits),
/// as `(start, end)` byte offsets, found a byte at a time without decoding.
pub(crate) fn ascii_runs(
    text: &str,
    class: fn(&u8) -> bool,
) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && !class(&bytes[at]) {
            at += 1;
        }
        if at == bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() && class(&bytes[at]) {
            at += 1;
        }
        Some((start, at))
    })
}

/// The value of a printed paragraph number in any script: "12.", "7,",
/// "\u{200f}19 -", "１２．", "١٢-". `None` when it holds anything but
/// digits, direction marks, spaces and the punctuation around them.
pub fn number_value(printed: &str) -> Option<u32> {
    let digits = printed.trim_start_matches(BIDI_MARKS);
    let (value, len) = date::number(digits, 1, 5)?;
    digits[len..]
        .chars()
        .all(|c| matches!(c, '.' | ',' | ')' | '-' | '–' | '．' | ' ') || BIDI_MARKS.contains(&c))
        .then_some(value)
}

/// "l.<TAB>Decides …" ("l" for "1", a slip even the UN's files have), "a.
/// Support to …": a lower-case letter, a dot, a space and a capital start a
/// numbered block, not the continuation of a sentence.
pub fn letter_numbered(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(
        (chars.next(), chars.next(), chars.next(), chars.next()),
        (Some('a'..='z'), Some('.'), Some(' ' | '\t'), Some(c)) if c.is_uppercase()
    )
}

/// The marks that set the direction of the text around them (right-to-left,
/// left-to-right, Arabic letter mark), printed around Arabic numbers.
const BIDI_MARKS: [char; 3] = ['\u{200f}', '\u{200e}', '\u{61c}'];

/// A point label in another language's layout: "a) " (French, Spanish,
/// Russian, also Cyrillic "а)"), "(أ) " (Arabic letters), "（a）" (full-width
/// brackets), "i) ". Gives the label and the text after it.
pub fn point_label(text: &str) -> Option<(&str, &str)> {
    // "-<TAB>": the dash items of the Arabic texts; "- " as their PDFs'
    // text prints them.
    if let Some(rest) = text.strip_prefix("-\t").or_else(|| {
        text.strip_prefix("- ")
            .filter(|_| current() == Language::Arabic)
    }) {
        return Some(("-", rest.trim_start()));
    }
    // "a.<TAB>Support to …": a letter and a dot, as some Security Council
    // texts label their points; a capital must follow.
    if letter_numbered(text) {
        return Some((&text[..2], text[3..].trim_start()));
    }
    let (open, close) = if text.starts_with('（') {
        ("（", "）")
    } else if text.starts_with('(') {
        ("(", ")")
    } else {
        ("", ")")
    };
    let inner_start = open.len();
    let close_at = text[inner_start..].find(close)? + inner_start;
    let inner = &text[inner_start..close_at];
    let letters = inner.chars().count();
    let ok = (1..=5).contains(&letters)
        && inner.chars().all(|c| {
            c.is_lowercase() || ('\u{621}'..='\u{64a}').contains(&c) || c.is_ascii_digit()
        })
        && (open.is_empty() || !inner.is_ascii() || close == "）");
    if !ok {
        return None;
    }
    let end = close_at + close.len();
    let rest = &text[end..];
    let trimmed = rest.trim_start_matches([' ', '\t', '\u{a0}', '\u{3000}']);
    if trimmed.len() == rest.len() && close != "）" {
        return None;
    }
    Some((&text[..end], trimmed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_breaks_off_on_a_function_word_or_a_hyphen() {
        assert!(breaks_off("Implementation and the Methods of "));
        assert!(breaks_off("on Transparency and Confidence-"));
        assert!(breaks_off("la coopération internationale et de la"));
        assert!(!breaks_off("Evaluation;"));
        assert!(!breaks_off(
            "Transparency and confidence-building measures in outer space"
        ));
        assert!(!breaks_off("Sales No. E.05.II.A.4 -"));
        assert!(!breaks_off(""));
    }

    #[test]
    fn ascii_runs_are_maximal_runs_of_one_class() {
        let text = "Agenda 2030, 17 Goals; é1";
        let digits: Vec<&str> = ascii_runs(text, u8::is_ascii_digit)
            .map(|(start, end)| &text[start..end])
            .collect();
        assert_eq!(digits, ["2030", "17", "1"]);
        let words: Vec<&str> = ascii_runs(text, u8::is_ascii_alphabetic)
            .map(|(start, end)| &text[start..end])
            .collect();
        assert_eq!(words, ["Agenda", "Goals"]);
        assert_eq!(ascii_runs("", u8::is_ascii_digit).count(), 0);
    }

    #[test]
    fn detects_each_language() {
        assert_eq!(
            Language::detect("The General Assembly, Recalling its resolutions of the year"),
            Language::English
        );
        assert_eq!(
            Language::detect(
                "L’Assemblée générale, Rappelant les résolutions et le rapport des États"
            ),
            Language::French
        );
        assert_eq!(
            Language::detect(
                "La Asamblea General, Recordando los informes y las resoluciones del año"
            ),
            Language::Spanish
        );
        assert_eq!(
            Language::detect("A/RES/76/1 Генеральная Ассамблея, ссылаясь на свою резолюцию"),
            Language::Russian
        );
        assert_eq!(
            Language::detect("A/RES/76/1 إن الجمعية العامة، إذ تشير إلى قرارها"),
            Language::Arabic
        );
        assert_eq!(
            Language::detect("A/RES/76/182 Distr.: General 大会， 回顾2021年3月7日"),
            Language::Chinese
        );
        assert_eq!(Language::from_code("fr"), Some(Language::French));
        assert_eq!(Language::from_code("ZHO"), Some(Language::Chinese));
        assert_eq!(Language::from_code("xx"), None);
    }

    #[test]
    fn annex_heading_lines() {
        for line in [
            "Anexo",
            "Annexe II",
            "Приложение I",
            "المرفق",
            "附件",
            "附件一",
            "Annex",
            "ANNEX 2",
        ] {
            assert!(is_annex_heading_line(line), "{line}");
        }
        for line in [
            "Anexo de la resolución",
            "Annexes",
            "Annexed to",
            "附件所载",
        ] {
            assert!(!is_annex_heading_line(line), "{line}");
        }
    }

    #[test]
    fn division_values() {
        assert_eq!(division_value("一"), Some(1));
        assert_eq!(division_value("十"), Some(10));
        assert_eq!(division_value("十八"), Some(18));
        assert_eq!(division_value("二十一"), Some(21));
        assert_eq!(division_value("أولا"), Some(1));
        assert_eq!(division_value("ثالثاً"), Some(3));
        assert_eq!(division_value("حادي عشر"), Some(11));
        assert_eq!(division_value("ثاني عشر"), Some(12));
        assert_eq!(division_value("II"), None);
    }

    #[test]
    fn first_division_labels() {
        assert!(first_division_label("一"));
        assert!(first_division_label("أولا"));
        assert!(first_division_label("أولاً"));
        assert!(!first_division_label("二"));
        assert!(!first_division_label("ثانيا"));
        assert!(!first_division_label("十一"));
    }

    #[test]
    fn division_labels() {
        for label in [
            "一",
            "二",
            "十",
            "十八",
            "أولا",
            "ثانيا",
            "ثالثاً",
            "عاشرا",
            "حادي عشر",
            "ثاني عشر",
        ] {
            assert!(division_label(label), "{label}");
        }
        for text in [
            "大会",
            "一项",
            "إن الجمعية العامة،",
            "أولاً وقبل كل شيء",
            "B",
            "I",
        ] {
            assert!(!division_label(text), "{text}");
        }
    }

    #[test]
    fn formulas() {
        assert_eq!(
            formula("L’Assemblée générale,"),
            Some(Body::GeneralAssembly)
        );
        assert_eq!(formula("La Asamblea General,"), Some(Body::GeneralAssembly));
        assert_eq!(
            formula("El Consejo de Seguridad,"),
            Some(Body::SecurityCouncil)
        );
        assert_eq!(
            formula("Генеральная Ассамблея,"),
            Some(Body::GeneralAssembly)
        );
        assert_eq!(formula("إن الجمعية العامة،"), Some(Body::GeneralAssembly));
        assert_eq!(formula("إن مجلس الأمن ،"), Some(Body::SecurityCouncil));
        assert_eq!(formula("大会，"), Some(Body::GeneralAssembly));
        assert_eq!(formula("安全理事会，"), Some(Body::SecurityCouncil));
        // Without its article, a French or Spanish name ends a reference
        // ("… du" ⏎ "Conseil de sécurité,"); Russian has no article.
        assert_eq!(formula("Conseil de sécurité,"), None);
        assert_eq!(formula("Consejo de Seguridad,"), None);
        assert_eq!(formula("Совет Безопасности,"), Some(Body::SecurityCouncil));
        assert_eq!(formula("Assemblée générale"), None);
    }

    #[test]
    fn meeting_lines() {
        for line in [
            "52e séance plénière",
            "53a sesión plenaria",
            "54a sesión plenaria (continuación)",
            "53‑е пленарное заседание",
            "الجلسة العامة 53",
            "第45次全体会议",
        ] {
            assert!(meeting_line(line).is_some(), "{line}");
        }
        assert_eq!(meeting_line("52 États"), None);
    }

    #[test]
    fn adoption_statements() {
        let found = adoption(
            "Resolución aprobada por la\u{a0}Asamblea\u{a0}General el 10 de marzo de 2026",
        )
        .unwrap();
        assert_eq!(found.body, Some(Body::GeneralAssembly));
        assert_eq!(found.date.to_string(), "2026-03-10");
        let found =
            adoption("Résolution adoptée par l’Assemblée générale le 12 décembre 2022").unwrap();
        assert_eq!(found.body, Some(Body::GeneralAssembly));
        assert_eq!(found.date.to_string(), "2022-12-12");
        let found = adoption("Aprobada por el Consejo de Seguridad en su 8747a sesión, celebrada el 14 de julio de 2020").unwrap();
        assert_eq!(found.body, Some(Body::SecurityCouncil));
        assert_eq!(found.date.to_string(), "2020-07-14");
        let found =
            adoption("Резолюция, принятая Генеральной Ассамблеей 16 декабря 2021 года").unwrap();
        assert_eq!(found.date.to_string(), "2021-12-16");
        let found = adoption("قرار اتخذته الجمعية العامة في 9 كانون الأول/ديسمبر 2021").unwrap();
        assert_eq!(found.date.to_string(), "2021-12-09");
        let text = "2021年12月16日大会决议";
        let found = adoption(text).unwrap();
        assert_eq!(
            (found.body, found.date.to_string()),
            (Some(Body::GeneralAssembly), "2021-12-16".into())
        );
        assert_eq!(
            &text[found.date_span.0..found.date_span.1],
            "2021年12月16日"
        );
        let found = adoption("安全理事会2020年6月25日通过").unwrap();
        assert_eq!(found.body, Some(Body::SecurityCouncil));
        // Glued to the word before, as text taken from the UN's mark-up has it.
        let text = "Adoptée par le Conseil de sécurité à sa 8817e séance, le9 juillet 2021";
        let found = adoption(text).unwrap();
        assert_eq!(found.date.to_string(), "2021-07-09");
        assert_eq!(&text[found.date_span.0..], "9 juillet 2021");
        // Never inside a number: "8817" is no day.
        assert!(adoption("Adoptée par le Conseil de sécurité à sa 28817 juillet").is_none());
    }

    #[test]
    fn numbering() {
        assert_eq!(
            resolution_title("Résolution 2534 (2020)").map(|t| t.0),
            Some("2534 (2020)")
        );
        assert_eq!(
            resolution_title("Резолюция 2544 (2020),").map(|t| t.0),
            Some("2544 (2020)")
        );
        assert_eq!(
            resolution_title("第2528(2020)号决议").map(|t| t.0),
            Some("2528(2020)")
        );
        assert_eq!(operative_number("1 -\tتقرر"), Some(("1 -", "تقرر")));
        assert_eq!(operative_number("１．决定"), Some(("１．", "决定")));
        assert_eq!(point_label("a)\tRéunir"), Some(("a)", "Réunir")));
        assert_eq!(point_label("(أ)\tأن"), Some(("(أ)", "أن")));
        assert_eq!(point_label("（a）会员国"), Some(("（a）", "会员国")));
        assert_eq!(point_label("(a) text"), None);
        assert_eq!(point_label("a)text"), None);
        // The Arabic dash item as PDF text prints it, with a space; in
        // English a line that starts "- " is no item.
        assert_eq!(point_label("- يواصل"), None);
        let arabic = Scope::new(Language::Arabic);
        assert_eq!(point_label("- يواصل"), Some(("-", "يواصل")));
        drop(arabic);
    }

    #[test]
    fn cover_lines() {
        assert_eq!(cover_line("Nations Unies"), Some(CoverKind::Logo));
        assert_eq!(cover_line("الأمــم المتحـدة"), Some(CoverKind::Logo));
        assert_eq!(
            cover_line("Soixante-dix-septième session"),
            Some(CoverKind::Session)
        );
        assert_eq!(
            cover_line("Septuagésimo sexto período de sesiones"),
            Some(CoverKind::Session)
        );
        assert_eq!(
            cover_line("Семьдесят шестая сессия"),
            Some(CoverKind::Session)
        );
        assert_eq!(cover_line("第七十六届会议"), Some(CoverKind::Session));
        assert_eq!(
            cover_line("Point 55 de l’ordre du jour"),
            Some(CoverKind::AgendaItem)
        );
        assert_eq!(
            cover_line("Пункт 28 b) повестки дня"),
            Some(CoverKind::AgendaItem)
        );
        assert_eq!(
            cover_line("البند 81 من جدول الأعمال"),
            Some(CoverKind::AgendaItem)
        );
        assert_eq!(cover_line("议程项目108"), Some(CoverKind::AgendaItem));
    }
}
