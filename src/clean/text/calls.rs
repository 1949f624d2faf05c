//! Footnote calls in the running text, even when glued to a word or to
//! punctuation; numbers that are part of the text are not taken for calls.

use rustc_hash::FxHashMap;

use super::{Kind, Marker, Raw};

/// A call found in a line: byte range and the marker's label.
pub(super) struct Call {
    pub(super) line: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) label: String,
}

/// Words after which a number is part of the text, not a footnote call.
const NUMBER_WORDS: &[&str] = &[
    "paragraph",
    "paragraphs",
    "para",
    "paras",
    "resolution",
    "resolutions",
    "article",
    "articles",
    "art",
    "item",
    "items",
    "chapter",
    "chap",
    "section",
    "sect",
    "annex",
    "annexes",
    "rule",
    "rules",
    "principle",
    "principles",
    "part",
    "parts",
    "page",
    "pages",
    "p",
    "pp",
    "no",
    "number",
    "numbers",
    "protocol",
    "goal",
    "goals",
    "target",
    "targets",
    "volume",
    "vol",
    "decision",
    "decisions",
    "supplement",
    "phase",
    "step",
    "level",
    "option",
    "recommendation",
    "recommendations",
    "table",
    "figure",
    "box",
    "appendix",
    "subparagraph",
    "subparagraphs",
    "sub-item",
    "indicator",
    "indicators",
    "convention",
    "meeting",
    "meetings",
    "tier",
    "grade",
    "class",
    "category",
    "stage",
    "round",
    "cycle",
    "agenda",
    "operative",
    "preambular",
    "and",
    "or",
    "to",
    "of",
    "from",
    "between",
    "over",
    "under",
    "about",
    "nearly",
    "some",
    "than",
    "at",
    "by",
    "with",
    "for",
    "in",
    "on",
    "the",
    "schedule",
    "schedules",
];

/// The same in French, Spanish and Russian: "párrafos 11 y 16", "les
/// paragraphes 3 et 4", "пункты 2 и 5", and the Russian words in each of
/// their cases ("в соответствии с пунктом 4 статьи 11"); the articles, as
/// "the" in English, before a figure of the text ("le Secrétaire général
/// les 23 et" ⏎ "24 septembre 2021": no call 23).
const OTHER_NUMBER_WORDS: &[&str] = &[
    "le",
    "la",
    "les",
    "el",
    "los",
    "las",
    "y",
    "o",
    "e",
    "u",
    "a",
    "al",
    "de",
    "del",
    "párrafo",
    "párrafos",
    "resolución",
    "resoluciones",
    "artículo",
    "artículos",
    "sección",
    "secciones",
    "capítulo",
    "anexo",
    "tema",
    "temas",
    "objetivo",
    "objetivos",
    "meta",
    "metas",
    "decisión",
    "decisiones",
    "et",
    "ou",
    "à",
    "au",
    "aux",
    "du",
    "paragraphe",
    "paragraphes",
    "alinéa",
    "alinéas",
    "objectif",
    "objectifs",
    "chapitre",
    "annexe",
    "point",
    "points",
    "и",
    "или",
    "по",
    "до",
    "от",
    "пункт",
    "пункта",
    "пункту",
    "пунктом",
    "пункте",
    "пункты",
    "пунктов",
    "пунктам",
    "пунктами",
    "пунктах",
    "подпункт",
    "подпункта",
    "подпункту",
    "подпунктом",
    "подпункте",
    "подпункты",
    "подпунктов",
    "подпунктах",
    "статья",
    "статьи",
    "статье",
    "статью",
    "статьей",
    "статьёй",
    "статей",
    "статьям",
    "статьями",
    "статьях",
    "резолюция",
    "резолюции",
    "резолюцию",
    "резолюцией",
    "резолюций",
    "резолюциям",
    "резолюциями",
    "резолюциях",
    "раздел",
    "раздела",
    "разделу",
    "разделом",
    "разделе",
    "разделы",
    "разделов",
    "разделам",
    "разделами",
    "разделах",
    "цель",
    "цели",
    "целью",
    "целей",
    "целям",
    "целями",
    "целях",
    "глава",
    "главы",
    "главе",
    "главу",
    "главой",
    "главам",
    "главами",
    "главах",
];

/// Measures in French, Spanish, Russian and Arabic that follow a number
/// of the text ("5 millions", "лишь 5 процентов"; the per cent's words,
/// "5 pour cent", "5 por ciento", "نسبة 5 في المائة", only whole: "milieu
/// spatial 6 pour mener" is a call).
const OTHER_MEASURES: &[&str] = &[
    "millones",
    "millions",
    "milliards",
    "mil",
    "años",
    "ans",
    "días",
    "jours",
    "meses",
    "mois",
    "veces",
    "fois",
    "процентов",
    "процента",
    "процент",
    "млн",
    "млрд",
    "миллионов",
    "миллиона",
    "миллиардов",
    "лет",
    "года",
    "дней",
    "месяцев",
    "раз",
    "مليون",
    "ملايين",
    "مليار",
    "بليون",
    "بلايين",
    "سنوات",
    "أيام",
    "أشهر",
    "مرات",
];

/// What such a number counts, in French, Spanish, Russian and Arabic
/// ("15 países", "24 государств").
const OTHER_COUNTED: &[&str] = &[
    "países",
    "pays",
    "personas",
    "personnes",
    "стран",
    "государств",
    "человек",
    "دول",
    "بلدان",
    "أشخاص",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether what follows a candidate call can follow a call: the end, a
/// space or closing punctuation, but not "1.5" or "2,000".
pub(super) fn ends_call(after: &str) -> bool {
    let next = after.chars().next();
    let next_ok = match next {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, ',' | ';' | '.' | ':' | ')' | '”' | '’' | '"')
                || is_other_punctuation(c)
        }
    };
    // Not "1.5" nor "2,000"; but "10,11" (two calls) is.
    let digits_after = |skip: usize| after[skip..].bytes().take_while(u8::is_ascii_digit).count();
    next_ok
        && match next {
            Some('.') => digits_after(1) == 0,
            Some(',') => digits_after(1) == 0 || (digits_after(1) != 3 && digits_after(1) <= 3),
            _ => true,
        }
}

/// Punctuation of the other languages after which a footnote call is
/// printed: Chinese ("、2", "，8"), guillemets ("хотим»8"), Arabic commas.
fn is_other_punctuation(c: char) -> bool {
    matches!(
        c,
        '、' | '，'
            | '；'
            | '：'
            | '。'
            | '）'
            | '》'
            | '〉'
            | '」'
            | '』'
            | '】'
            | '”'
            | '»'
            | '،'
            | '؛'
    )
}

fn is_call_at(text: &str, start: usize, end: usize, marker: &Marker) -> bool {
    let before = &text[..start];
    let after = &text[end..];
    // "Rights,1as well": the extraction glued the call to the next word too.
    // "Weapons6and the advisory opinion": after a word too, of four letters
    // or more with a lower-case one, as "Nations1" is.
    let ends_with_word = |before: &str| {
        let word: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect();
        word.chars().count() >= 4
            && word.chars().any(char::is_lowercase)
            && !before[..before.len() - word.len()].ends_with(|c: char| c.is_alphanumeric())
    };
    // "Weapons 6and the advisory opinion": set apart from its word, glued
    // to a little word that goes on the sentence (no figure of the text is
    // printed so).
    let set_apart_glued_to_little_word = || {
        let letters = after
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(after.len());
        LITTLE_WORDS.contains(&&after[..letters])
            && before.strip_suffix(' ').is_some_and(ends_with_word)
    };
    // After punctuation, glued to it or set apart ("Agreement, 37and the
    // Kunming-Montreal", "方案， 61以协助").
    let after_punctuation = before.trim_end_matches(' ');
    let glued_both = matches!(marker, Marker::Number(_))
        && glued_word(after)
        && (after_punctuation.ends_with([',', ';', '”'])
            || ends_with_word(before)
            || set_apart_glued_to_little_word());
    // "方案，61以协助": in Chinese, glued to the next character too.
    let glued_both_chinese = matches!(marker, Marker::Number(_))
        && after_punctuation.ends_with(is_other_punctuation)
        && after.starts_with(crate::clean::is_cjk);
    if glued_both || glued_both_chinese {
        return true;
    }
    if !ends_call(after) {
        return false;
    }
    let Some(prev) = before.chars().next_back() else {
        // At the start of a line, the call of a word that ended the line
        // before: "Development," ⏎ "12  and acknowledging" (a superscript
        // leaves two spaces; a paragraph number has its full stop).
        return matches!(marker, Marker::Number(_))
            && after.starts_with("  ")
            && after.trim_start().starts_with(char::is_lowercase);
    };
    match marker {
        Marker::Stars(_) => !prev.is_whitespace() && prev != '*' && !after.starts_with('*'),
        Marker::Slash(_) | Marker::Bracket(_) => true,
        Marker::Letter(_) => prev.is_ascii_digit(),
        Marker::Number(_) => {
            // Not inside a symbol or reference ("A/80/L.2/Rev.1", "S/2024/1").
            // Past the separator, whose width may be more than a byte
            // (NBSP, U+2028, U+3000).
            // A symbol is ASCII: it ends at a Chinese character ("第17/4号决议20").
            // A parenthesis glued to the letters before it is inside the
            // symbol: "(CM/Rec(2022)13)", a Council of Europe recommendation,
            // calls no note 13.
            let bytes = before.as_bytes();
            let token_start = before
                .char_indices()
                .rfind(|&(i, c)| {
                    c.is_whitespace()
                        || matches!(c, ',' | ';')
                        || (c == '(' && !(i > 0 && bytes[i - 1].is_ascii_alphabetic()))
                        || !c.is_ascii()
                })
                .map_or(0, |(i, c)| i + c.len_utf8());
            if before[token_start..].contains('/') {
                return false;
            }
            if prev.is_alphabetic() {
                // Not the millions of a sum with its thousands set apart
                // ("中心的3 899 700美元").
                if thousands_group(after) {
                    return false;
                }
                // Chinese has no words to measure: "会议7 作出" at a line's
                // start.
                if crate::clean::is_cjk(prev) {
                    return true;
                }
                // "Nations1", but not "G20" or "CO2".
                let word: String = before
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphanumeric())
                    .collect();
                // "Additional Protocol I6 to": a roman numeral after a word
                // numbers nothing more.
                let numbered = before[..before.len() - word.len()]
                    .strip_suffix(' ')
                    .is_some_and(|head| last_word(head).chars().any(char::is_lowercase));
                let roman =
                    word.len() <= 4 && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'));
                return word.chars().any(char::is_lowercase)
                    || word.chars().count() >= 4
                    || (roman && numbered);
            }
            if matches!(prev, ',' | ';' | '.' | ':' | ')' | '”' | '’' | '"')
                || is_other_punctuation(prev)
            {
                // "Rights,1", "2025,3" — but not "1.5" or "A/RES/1". After
                // a year that ends a sentence, "9 June 2017.3", a call before
                // a space or the line's end.
                let figure_stop = prev == '.'
                    && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit());
                // "de 1,5 °C", "0,7 %": a decimal comma after a number of
                // up to three figures, where the language writes one (a
                // year, "2025,3", a symbol, "70/1,5", or a name, "Agenda
                // 21,5", may be followed by a call).
                if prev == ','
                    && crate::lang::current().writes_decimal_comma()
                    && decimal_comma(&before[..before.len() - 1])
                {
                    return false;
                }
                let year_stop = figure_stop
                    && ends_with_year(&before[..before.len() - 1])
                    && after.chars().next().is_none_or(char::is_whitespace);
                return !figure_stop || year_stop;
            }
            if prev == ' ' {
                // "Rights, 1 article", "Rights 2 and": only after a word or
                // punctuation, and not where a number belongs to the text.
                // The day of a date ("المؤرخ 1 كانون الأول/ديسمبر 1999"), or
                // of a month ("el 21 de febrero"), in any language is text.
                // Not right after a year, where no date starts ("those of
                // 13 January 2010 3 and 6 August 2013,4": call 3).
                if (crate::grammar::date::date(&text[start..]).is_ok()
                    || crate::lang::date::starts_with_day_of_month(&text[start..]))
                    && !ends_with_year(before.trim_end())
                {
                    return false;
                }
                if decimal_part(&text[start..end], after) {
                    return false;
                }
                let trimmed = before.trim_end();
                let Some(last) = trimmed.chars().next_back() else {
                    return false;
                };
                // "Action 21 4, le Programme": after a name that ends with
                // a number, a figure set apart is a call.
                if ends_with_named_number(trimmed) {
                    return true;
                }
                // After a full stop only at the end of the line ("Agenda. 1");
                // after a year ("Decade 2024–2034 7 and").
                let stop_at_end = last == '.' && after.trim().is_empty();
                // "… Reduction 2015–2030. 14 Disasters and shocks are": after
                // a sentence's full stop, before the next sentence (the UN
                // starts none with a figure), unless the stop is an
                // abbreviation's ("vol. 14", "No. 14").
                let before_stop = trimmed
                    .strip_suffix('.')
                    .and_then(|t| t.chars().next_back());
                let new_sentence = after.trim_start().starts_with(char::is_uppercase)
                    && before_stop.is_some_and(|c| {
                        c.is_ascii_digit() || c.is_lowercase() || matches!(c, ')' | '”' | '’')
                    })
                    && !crate::clean::awaits_number(trimmed);
                // "resolutions 71/205 13  and": after a symbol, with the two
                // spaces a superscript leaves, or the punctuation that
                // closes the clause ("резолюции 76/267 2,").
                // With one space ("76/179 18 and"), a figure after a symbol
                // is a call too, unless a unit or a month follows (below).
                let symbol = last.is_ascii_digit()
                    && trimmed
                        .rsplit(' ')
                        .next()
                        .is_some_and(|token| token.contains('/'));
                if symbol && (after.starts_with("  ") || after.starts_with([',', ';'])) {
                    return true;
                }
                let year: String = trimmed
                    .chars()
                    .rev()
                    .take_while(char::is_ascii_digit)
                    .collect();
                let after_year = year.len() == 4 && (year.ends_with("91") || year.ends_with("02"));
                if !(last.is_alphabetic()
                    || matches!(last, ',' | ';' | ':' | ')' | '”' | '’')
                    || is_other_punctuation(last)
                    || stop_at_end
                    || new_sentence
                    || after_year
                    || symbol)
                {
                    return false;
                }
                let word = last_word(trimmed);
                // "Goals 38  and": the two spaces a superscript leaves,
                // after a plural ("Goal 3" has none).
                if after.starts_with("  ")
                    && word.ends_with('s')
                    && after.trim_start().starts_with(char::is_lowercase)
                {
                    return true;
                }
                let lower = word.to_lowercase();
                // "períodos de sesiones 44o 33 y": an ordinal's letter,
                // glued to its figures, is no word ("o", "or").
                let ordinal =
                    trimmed[..trimmed.len() - word.len()].ends_with(|c: char| c.is_ascii_digit());
                if !ordinal
                    && (NUMBER_WORDS.contains(&lower.as_str())
                        || OTHER_NUMBER_WORDS.contains(&lower.as_str())
                        || MONTHS.contains(&word))
                    && !numbers_nothing(
                        &trimmed[..trimmed.len() - word.len()],
                        word,
                        &text[start..end],
                        after,
                    )
                {
                    return false;
                }
                // PDF text puts two spaces after a superscript.
                if after.starts_with("  ") {
                    return true;
                }
                return !counts_or_dates(after.trim_start(), true);
            }
            false
        }
    }
}

/// Whether `text`, after a number and its space, makes the number part of
/// the text: a measure ("per cent", "million", "في المائة", "процентов"), a
/// month ("5 June"), or, on the same line, what is counted ("24 Member
/// States"; at a line's start "States were urged …" may follow a call).
fn counts_or_dates(text: &str, same_line: bool) -> bool {
    let word = leading_word(text);
    let measure = matches!(
        word,
        "per"
            | "percent"
            | "%"
            | "million"
            | "billion"
            | "trillion"
            | "years"
            | "year"
            | "days"
            | "months"
            | "times"
            | "hours"
            | "weeks"
    ) || OTHER_MEASURES.contains(&word)
        || ["pour cent", "por ciento", "por mil", "في المائة"]
            .iter()
            .any(|per_cent| text.starts_with(per_cent));
    measure || MONTHS.contains(&word) || (same_line && is_counted(word))
}

/// The word `text` opens with: its letters (and a "%").
fn leading_word(text: &str) -> &str {
    let word_end = text
        .find(|c: char| !(c.is_alphabetic() || c == '%'))
        .unwrap_or(text.len());
    &text[..word_end]
}

/// Whether `word` names what a number before it counts ("24 Member States",
/// "15 países").
fn is_counted(word: &str) -> bool {
    matches!(
        word,
        "States" | "Member" | "countries" | "members" | "persons" | "people"
    ) || OTHER_COUNTED.contains(&word)
}

/// Whether a word that names numbers ("paragraph", "Goals") does not name
/// `number`, which follows it, so that the number can be a call:
///
/// - "the New Urban Agenda 10 and": an agenda (an outcome's name) is numbered
///   only as Agenda 21 or by a year (Agenda 2063);
/// - "reiterates the decision 21 to provide": after the article the word
///   refers back to a text already named, and a decision or resolution is
///   numbered "decision 27/1", not with the article;
/// - "the Sustainable Development Goals 5 and to make": a plural names two
///   numbers or more, "Goals 5 and 6", so a single one followed by "and" and
///   a word is not its number.
fn numbers_nothing(before_word: &str, word: &str, number: &str, after: &str) -> bool {
    if word == "Agenda" {
        return number != "21" && number.len() <= 3;
    }
    let lower = word.to_lowercase();
    let article =
        last_word(before_word.trim_end()).eq_ignore_ascii_case("the") && before_word.ends_with(' ');
    // "the Conference of the States Parties to the Convention 14 in this
    // regard": a named instrument has no number after its article.
    if article
        && matches!(
            lower.as_str(),
            "decision" | "decisions" | "resolution" | "resolutions" | "convention"
        )
    {
        return true;
    }
    // "at its twenty-fifth meeting 4 and the report": an ordinal before the
    // word has numbered it already.
    if before_word.ends_with(' ') {
        let ordinal = before_word
            .trim_end()
            .rsplit(' ')
            .next()
            .unwrap_or_default();
        let whole = |parsed: nom::IResult<&str, u32>| parsed.is_ok_and(|(rest, _)| rest.is_empty());
        if whole(crate::grammar::masthead::ordinal_words(ordinal))
            || whole(crate::grammar::masthead::ordinal_number(ordinal))
        {
            return true;
        }
    }
    // "the Kyoto Protocol 111 on 31 December 2020": an instrument named by
    // a word before it ("Kyoto", "Minamata") has no number after its name.
    if matches!(word, "Protocol" | "Convention")
        && before_word.ends_with(' ')
        && is_name_word(last_word(before_word.trim_end()))
    {
        return true;
    }
    let plural = lower.len() > 2 && lower.ends_with('s') && NUMBER_WORDS.contains(&lower.as_str());
    // "Goals 38 and Member States", "Goals 38 and, where appropriate",
    // "Goals 39 to address": no second number after the conjunction.
    let single = SINGLE_NUMBER_CONJUNCTIONS.iter().any(|conjunction| {
        after
            .strip_prefix(' ')
            .and_then(|rest| rest.strip_prefix(conjunction))
            .is_some_and(|rest| {
                rest.strip_prefix(' ')
                    .is_some_and(|rest| rest.starts_with(char::is_alphabetic))
                    || rest.starts_with([',', ';'])
            })
    });
    // "on recommendations 59 emanating from": nor before a word that
    // neither joins a second number nor places the one ("paragraphs 5 bis",
    // "paragraphs 3 above").
    let next_word = after
        .strip_prefix(' ')
        .map(|rest| rest.split([' ', ',', ';']).next().unwrap_or(""))
        .unwrap_or("");
    let goes_on = next_word.starts_with(char::is_lowercase)
        && next_word.chars().all(char::is_alphabetic)
        && !LIST_WORDS.contains(&next_word);
    plural && (single || goes_on)
}

/// The conjunctions after which a plural's single number is in doubt:
/// a second number may follow ("Goals 5 and 6") or a word ("Goals 38 and
/// Member States", where 38 is a call).
const SINGLE_NUMBER_CONJUNCTIONS: [&str; 3] = ["and", "or", "to"];

/// Words that go on a list of numbers after a plural, or place it:
/// "paragraphs 5 and 6", "5 through 7", "5 bis", "3 above", "6 thereof".
const LIST_WORDS: &[&str] = &[
    "and",
    "or",
    "to",
    "through",
    "bis",
    "ter",
    "quater",
    "above",
    "below",
    "thereof",
    "inclusive",
    "of",
    "in",
];

/// Words a call set apart from the word before it is found glued to
/// ("Weapons 6and the"): the conjunctions, articles and prepositions that
/// go on a sentence after a call.
const LITTLE_WORDS: &[&str] = &[
    "and", "or", "the", "of", "in", "to", "which", "as", "et", "ou", "de", "du", "des", "la", "le",
    "les", "y", "o", "el", "los", "las", "и", "в",
];

/// Whether `word` is written as a name's is: a capital, then lower case
/// ("Kyoto", "Islamophobia"; not "UNESCO").
fn is_name_word(word: &str) -> bool {
    word.starts_with(char::is_uppercase) && word.chars().any(char::is_lowercase)
}

/// Whether a call glued to what follows is glued to a word ("Rights,1as
/// well"), not an ordinal ("1st").
fn glued_word(after: &str) -> bool {
    let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    word.starts_with(char::is_lowercase) && !matches!(word.as_str(), "st" | "nd" | "rd" | "th")
}

/// A call at the start of a line glued to the next word, "inclusion”," ⏎
/// "3and": the line before ends as a line that a glued call follows.
pub(super) fn glued_at_line_start(
    line_before: &str,
    text: &str,
    marker: &Marker,
) -> Option<(usize, usize)> {
    let Marker::Number(n) = marker else {
        return None;
    };
    let end = n.len();
    (text.starts_with(n.as_str())
        && line_before.trim_end().ends_with([',', ';', '”'])
        && glued_word(&text[end..]))
    .then_some((0, end))
}

/// Whether `text` ends with a year standing alone, or ending a range: " 2021",
/// "2018-2030", "2021" wrapped to a line of its own, not "A/2021".
fn ends_with_year(text: &str) -> bool {
    let digits = text.bytes().rev().take_while(u8::is_ascii_digit).count();
    let before = &text[..text.len() - digits];
    digits == 4
        && (text[before.len()..].starts_with("19") || text[before.len()..].starts_with("20"))
        && (before.is_empty() || before.ends_with([' ', '\u{a0}', '-', '–']))
}

/// Whether `after` (what follows a number) goes on with a group of three
/// figures set apart by a space: "3 899 700", "3\u{a0}899".
fn thousands_group(after: &str) -> bool {
    let rest = after.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    rest.len() < after.len() && rest.bytes().take_while(u8::is_ascii_digit).count() == 3
}

/// Whether `after` (what follows `number`) is its decimal part, written
/// with a decimal comma: "el 4,6 %", "من 6,5 تريليونات" ("4" and "6" are no
/// calls). Not the next call after a comma: "1,2".
fn decimal_part(number: &str, after: &str) -> bool {
    let Some(rest) = after.strip_prefix(',') else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let next_call = match (number.parse::<u32>(), rest[..digits].parse::<u32>()) {
        (Ok(number), Ok(decimals)) => decimals == number + 1,
        _ => false,
    };
    let percent = rest[digits..]
        .trim_start_matches([' ', '\u{a0}', '\u{202f}'])
        .starts_with('%');
    digits > 0 && (percent || !next_call)
}

/// Whether `text`, before a comma, ends with a number of one to three
/// figures that stands alone (not the end of a symbol, "70/1", a
/// reference, "A.1", or a word, "G20"): the comma after it is a decimal
/// one.
fn decimal_comma(text: &str) -> bool {
    let digits = text.bytes().rev().take_while(u8::is_ascii_digit).count();
    let before = &text[..text.len() - digits];
    (1..=3).contains(&digits)
        && before
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || c == '(')
        && !ends_with_named_number(text)
}

/// The word `text` ends with: its last run of letters and hyphens.
fn last_word(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() || *c == '-')
        .last()
        .map_or(text.len(), |(at, _)| at);
    &text[start..]
}

/// The text a marker is printed as in a call.
fn call_text(marker: &Marker) -> String {
    match marker {
        Marker::Number(n) => n.clone(),
        Marker::Stars(k) => "*".repeat(*k),
        Marker::Slash(n) => format!("{n}/"),
        Marker::Bracket(n) => format!("[{n}]"),
        Marker::Letter(c) => c.to_string(),
    }
}

/// Whether the marker's printed form at `start` in `text` is a call: its
/// byte range when it is.
fn call_at(text: &str, start: usize, marker: &Marker) -> Option<(usize, usize)> {
    let needle = call_text(marker);
    if !text.get(start..).is_some_and(|t| t.starts_with(&needle)) {
        return None;
    }
    let end = start + needle.len();
    let glued_digit = matches!(marker, Marker::Number(_))
        && text[..start].ends_with(|c: char| c.is_ascii_digit());
    // "for 20244": a year with the call glued to it.
    let year_call = glued_digit && {
        let digits: String = text[..start]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.len() == 4
            && (digits.ends_with("91") || digits.ends_with("02"))
            && !text[..start - 4].ends_with(|c: char| c.is_alphanumeric() || c == '/')
    };
    // "resolutions 55/2831": a session's resolution number has at most three
    // figures, so a fourth is a call glued to it.
    let symbol_call = glued_digit && {
        let digits = text[..start]
            .bytes()
            .rev()
            .take_while(u8::is_ascii_digit)
            .count();
        digits >= 2 && digits + needle.len() >= 4 && symbol_number_before(&text[..start - digits])
    };
    // "Agenda 216", "COVID-1918": a name that ends with a number, and the
    // call glued to it.
    let named_call = glued_digit && ends_with_named_number(&text[..start]);
    // "الستين(1)": Arabic prints the call in parentheses glued to the word;
    // the parentheses stay text, as in the UN's files.
    // After a year too: "حزيران/يونيه 2021(1)،", "للفترة 2018-2030(15)؛",
    // a resolution's symbol, "القرار 74/133(29)،" (not an article's number,
    // "المادة 5(1)"), and a title's closing quote: "المعنون ”خطتنا
    // المشتركة“(1)،".
    // Spaces inside the parentheses ("المحتلة( 4)") are the extraction's:
    // the call takes them.
    let open = text[..start].trim_end_matches(' ');
    let close = text[end..].trim_start_matches(' ');
    let parenthesised =
        matches!(marker, Marker::Number(_)) && open.ends_with('(') && close.starts_with(')') && {
            let before = &open[..open.len() - 1];
            let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
            before.ends_with(|c: char| c.is_alphabetic() || "“”\"»’".contains(c))
                || ends_with_year(before)
                || (digits > 0 && symbol_number_before(&before[..before.len() - digits]))
        };
    let call = if year_call || symbol_call || named_call {
        ends_call(&text[end..])
    } else if parenthesised {
        return Some((open.len(), text.len() - close.len()));
    } else if let Some(span) = matches!(marker, Marker::Number(_))
        .then(|| inside_word(text, start, end))
        .flatten()
    {
        return Some(span);
    } else {
        !glued_digit && is_call_at(text, start, end, marker)
    };
    call.then_some((start, end))
}

/// Whether a figure between `before` and `after` splits a word no
/// sentence ends on, where the UN's print puts a call inside "and": glued
/// ("a10nd") or, as the extraction reads it, set apart ("2015–2030, a 8 nd
/// other"). Read on the word's halves glued to the figure: letters, the
/// first one or two, and the second no such word itself.
pub(super) fn splits_word(before: &str, after: &str) -> bool {
    let head_len = before
        .bytes()
        .rev()
        .take_while(u8::is_ascii_lowercase)
        .count();
    let tail_len = after.bytes().take_while(u8::is_ascii_lowercase).count();
    let (head, tail) = (&before[before.len() - head_len..], &after[..tail_len]);
    (1..=2).contains(&head_len)
        && tail_len > 0
        && !before[..before.len() - head_len].ends_with(|c: char| c.is_alphanumeric())
        && !after[tail_len..].starts_with(|c: char| c.is_alphanumeric())
        && !crate::lang::is_dangling(tail)
        && crate::lang::is_dangling(&format!("{head}{tail}"))
}

/// The byte range a call inside a word takes ([`splits_word`]): with the
/// spaces the extraction set around it ("a 8 nd", "a 8nd"), which the word
/// closes up over.
fn inside_word(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let from = start - usize::from(text[..start].ends_with(' '));
    let to = end + usize::from(text[end..].starts_with(' '));
    splits_word(&text[..from], &text[to..]).then_some((from, to))
}

pub(super) fn find_in_line(text: &str, from: usize, marker: &Marker) -> Option<(usize, usize)> {
    let needle = call_text(marker);
    let mut search = from;
    while let Some(found) = text.get(search..).and_then(|t| t.find(&needle)) {
        let start = search + found;
        if let Some(call) = call_at(text, start, marker) {
            return Some(call);
        }
        search = start + needle.len().max(1);
    }
    None
}

/// Every run of digits in the running text, by its digits (and, for a year
/// with a number glued on, "20244", by the number after the year): where
/// numbered calls can be, found in one pass so that each note looks only at
/// its own number's places.
fn digit_runs<'a>(raws: &[Raw<'a>]) -> FxHashMap<&'a str, Vec<(usize, usize)>> {
    let mut runs: FxHashMap<&str, Vec<(usize, usize)>> = FxHashMap::default();
    for (index, raw) in raws.iter().enumerate() {
        if raw.kind != Kind::Text {
            continue;
        }
        for (start, at) in crate::lang::ascii_runs(raw.text, u8::is_ascii_digit) {
            runs.entry(&raw.text[start..at])
                .or_default()
                .push((index, start));
            if at - start > 4 && at - start <= 7 {
                runs.entry(&raw.text[start + 4..at])
                    .or_default()
                    .push((index, start + 4));
            }
            // "Agenda 216": a named number with a call glued on.
            if let Some(name) = NAMED_NUMBERS.iter().find(|name| {
                let digits = name.bytes().rev().take_while(u8::is_ascii_digit).count();
                at - start > digits && raw.text[..start + digits].ends_with(*name)
            }) {
                let digits = name.bytes().rev().take_while(u8::is_ascii_digit).count();
                runs.entry(&raw.text[start + digits..at])
                    .or_default()
                    .push((index, start + digits));
            }
            // "d’Action" ⏎ "213,": the same, the name broken at its line's end.
            if start == 0 {
                if let Some(digits) =
                    name_number_at_line_start(raw.text, || text_line_before(raws, index))
                        .filter(|&digits| at > digits)
                {
                    runs.entry(&raw.text[digits..at])
                        .or_default()
                        .push((index, digits));
                }
            }
            // "resolutions 55/2831": a resolution number with a call glued on.
            if at - start >= 4 && at - start <= 6 && symbol_number_before(&raw.text[..start]) {
                for call in [2, 1] {
                    runs.entry(&raw.text[at - call..at])
                        .or_default()
                        .push((index, at - call));
                }
            }
        }
    }
    runs
}

/// Names that end with a number, after which a further figure is a call.
/// "Action 21" is Agenda 21 in French, printed with a no-break space too.
const NAMED_NUMBERS: [&str; 7] = [
    "Agenda 21",
    "Agenda\u{a0}21",
    "Action 21",
    "Action\u{a0}21",
    "COVID-19",
    "COVID\u{2011}19",
    "Group of 77",
];

/// Whether `text` ends with one of [`NAMED_NUMBERS`] ("… d’Action 21").
fn ends_with_named_number(text: &str) -> bool {
    NAMED_NUMBERS.iter().any(|name| text.ends_with(name))
}

/// A call after the first word of line `line`, read with the last word of
/// the running text's line before, across a page's notes and furniture:
/// "… of the States Parties to the" ⏎ "Convention 14 in this regard" (a
/// number after the line's first word and its article, which
/// [`numbers_nothing`] asks about); "… d’Action" ⏎ "21 5, la Déclaration"
/// (a figure after a name's number, [`NAMED_NUMBERS`]).
fn word_before_line(
    raws: &[Raw<'_>],
    line: usize,
    start: usize,
    marker: &Marker,
) -> Option<(usize, usize)> {
    let text = raws[line].text;
    let word = text[..start].strip_suffix(' ')?;
    if word.is_empty() || word.contains(' ') {
        return None;
    }
    let before = text_line_before(raws, line)?.trim_end();
    let last = before.rsplit(' ').next().filter(|last| !last.is_empty())?;
    let joined = format!("{last} {text}");
    let shift = last.len() + 1;
    call_at(&joined, start + shift, marker).map(|(s, e)| (s - shift, e - shift))
}

/// A call that ends line `line`, read with the first words of the running
/// text's next line, across a page's notes and furniture: "… achieving the
/// Sustainable Development Goals 39" ⏎ "to address inequalities" (a plural
/// that names numbers and a single figure before "to" and a word, which
/// [`numbers_nothing`] asks about on one line).
fn words_after_line(
    raws: &[Raw<'_>],
    line: usize,
    start: usize,
    marker: &Marker,
) -> Option<(usize, usize)> {
    let text = raws[line].text;
    let end = start + call_text(marker).len();
    // Only a plural's number is in doubt at a line's end ("Goals 39"), or
    // before a conjunction that ends the line ("Goals 3 and" ⏎ "dialogue
    // among civilizations", no second number after it).
    let plural = text[..start]
        .strip_suffix(' ')
        .is_some_and(|before| last_word(before).ends_with('s'));
    let rest = text.get(end..)?.trim_end();
    let conjunction = || {
        rest.strip_prefix(' ')
            .is_some_and(|word| SINGLE_NUMBER_CONJUNCTIONS.contains(&word))
    };
    if !plural || !(rest.is_empty() || conjunction()) {
        return None;
    }
    let next = raws[line + 1..]
        .iter()
        .find(|raw| raw.kind == Kind::Text)?
        .text;
    // Its first two words.
    let head_end = next
        .match_indices(' ')
        .nth(1)
        .map_or(next.len(), |(at, _)| at);
    let joined = format!("{}{rest} {}", &text[..end], &next[..head_end]);
    call_at(&joined, start, marker).filter(|&(_, e)| e <= end)
}

fn text_line_before<'a>(raws: &[Raw<'a>], index: usize) -> Option<&'a str> {
    raws[..index]
        .iter()
        .rev()
        .find(|raw| raw.kind == Kind::Text)
        .map(|raw| raw.text)
}

/// The length of the number of a name of [`NAMED_NUMBERS`] that `text`
/// starts with, its words ending the line before ("Agenda" ⏎ "216",
/// "COVID-" ⏎ "1918"): the name broken at a line's end. The line before is
/// looked for only when `text` starts with a name's number.
fn name_number_at_line_start<'a>(
    text: &str,
    line_before: impl FnOnce() -> Option<&'a str>,
) -> Option<usize> {
    let mut names = NAMED_NUMBERS
        .iter()
        .filter_map(|name| {
            let digits = name.bytes().rev().take_while(u8::is_ascii_digit).count();
            let (words, number) = name.split_at(name.len() - digits);
            text.starts_with(number).then(|| (words.trim_end(), digits))
        })
        .peekable();
    names.peek()?;
    let before = line_before()?.trim_end();
    names
        .find(|(words, _)| before.ends_with(words))
        .map(|(_, digits)| digits)
}

/// Whether `numeral`, the start of a line before a figure, is a Roman
/// numeral that numbers the word ending the line before: "Additional
/// Protocol" ⏎ "I6 to the four Geneva Conventions" (80/81 at 76 columns),
/// whose figure is a call, as on one line.
fn numeral_at_line_start<'a>(numeral: &str, line_before: impl FnOnce() -> Option<&'a str>) -> bool {
    (1..=4).contains(&numeral.len())
        && numeral.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
        && line_before()
            .is_some_and(|before| last_word(before.trim_end()).chars().any(char::is_lowercase))
}

/// Whether `before` ends with the session part of a resolution number,
/// "55/", standing alone (not "A/78/", "S/RES/"). A one-figure session does
/// not number its resolutions past two figures, so "6/2021" (a resolution
/// numbered by its year) is no resolution number with a call glued on.
fn symbol_number_before(before: &str) -> bool {
    let Some(session) = before.strip_suffix('/') else {
        return false;
    };
    let digits = session.bytes().rev().take_while(u8::is_ascii_digit).count();
    (2..=3).contains(&digits)
        && !session[..session.len() - digits]
            .ends_with(|c: char| c.is_alphanumeric() || c == '/' || c == '-' || c == '.')
}

/// How many lines before a note its `*` or letter call is looked for.
const MAX_SCAN: usize = 400;

/// Whether the figures that end line `index` at byte `end` go on at the
/// start of the next line, as a Chinese date or count broken anywhere
/// does: "2016年10月17" ⏎ "日至20日", "第61/185" ⏎ "号决议"; or as the day of
/// a date whose month starts the next line, in any language: "في 1" ⏎
/// "أيار/مايو 1974"; or as a sum or a count whose unit starts the next
/// line: "نسبة 5" ⏎ "في المائة". Those two only for figures set apart (a
/// call glued to its word, "of 2019,1" ⏎ "Member States", is a call).
fn number_goes_on(raws: &[Raw<'_>], index: usize, start: usize, end: usize) -> bool {
    let text = raws[index].text;
    let spaced = || text[..start].ends_with(' ');
    text[end..].trim().is_empty()
        && raws.get(index + 1).is_some_and(|next| {
            next.kind == Kind::Text
                && (next.text.starts_with([
                    '年', '月', '日', '号', '个', '名', '项', '次', '届', '亿', '万', '%',
                ]) || (spaced()
                    && (counts_or_dates(next.text, false)
                        || crate::lang::date::starts_with_month(next.text))))
        })
}

/// How many lines on a call glued to its word is preferred to one set
/// apart by a space.
const GLUED_REACH: usize = 8;

/// The call of numbered note `marker` among `places` (its number's runs of
/// digits) from line `from_line` up to `area_start`, after `cursor` (the
/// call before it): the first that reads as a call, unless a surer reading
/// follows within [`GLUED_REACH`] lines. How sure a reading is: a figure in
/// its parentheses (4, "2021( 3)؛"); glued to its word (3); set apart
/// before punctuation or the line's end, after punctuation (2: "its
/// multi-year workplan, 5") or after a word (1: "thematic priority 5,");
/// set apart before a word (0).
fn numbered_call(
    raws: &[Raw<'_>],
    places: &[(usize, usize)],
    marker: &Marker,
    from_line: usize,
    area_start: usize,
    cursor: (usize, usize),
) -> Option<(usize, usize, usize)> {
    let mut candidates =
        places_between(places, from_line, area_start, cursor).filter_map(|&(line, start)| {
            let start = match marker {
                Marker::Bracket(_) => start.checked_sub(1)?,
                _ => start,
            };
            call_at(raws[line].text, start, marker)
                .or_else(|| word_before_line(raws, line, start, marker))
                .or_else(|| words_after_line(raws, line, start, marker))
                .or_else(|| {
                    let text = raws[line].text;
                    if start == 0 {
                        let before = &raws[line.checked_sub(1)?];
                        if before.kind != Kind::Text {
                            return None;
                        }
                        glued_at_line_start(before.text, text, marker)
                    } else {
                        let end = start + call_text(marker).len();
                        let line_before = || text_line_before(raws, line);
                        let numbered = name_number_at_line_start(text, line_before) == Some(start)
                            || numeral_at_line_start(&text[..start], line_before);
                        (numbered && ends_call(&text[end..])).then_some((start, end))
                    }
                })
                .map(|(s, e)| (line, s, e))
                .filter(|&(line, start, end)| !number_goes_on(raws, line, start, end))
        });
    let strength = |&(line, start, end): &(usize, usize, usize)| -> u8 {
        let text = raws[line].text;
        let before = &text[..start];
        if before.trim_end_matches(' ').ends_with('(') {
            4
        } else if !before.ends_with(' ') {
            3
        } else if text[end..].trim_start().starts_with(char::is_alphanumeric) {
            0
        } else if before.trim_end().ends_with(|c: char| c.is_alphanumeric()) {
            1
        } else {
            2
        }
    };
    let first = candidates.next()?;
    let weakest = strength(&first);
    // "priorité thématique 5 d’UNISPACE+50 … son plan de travail
    // pluriannuel5," (or "pluriannuel 5,"): a call set apart by a space is
    // the weaker reading; the same number a few lines on, glued to a word or
    // before punctuation, is the call. A call in its parentheses, as Arabic
    // prints them ("… 2021( 3)؛" nine lines below "والفقرة 3 من القرار"),
    // anywhere before its note.
    if weakest >= 3 {
        return Some(first);
    }
    let call = candidates
        .filter(|c| c.0 <= first.0 + GLUED_REACH || strength(c) == 4)
        .find(|c| strength(c) > weakest)
        .unwrap_or(first);
    Some(call)
}

/// The places of a number (`places`, in document order) from line
/// `from_line` up to `area_start`, the note's own lines, after `cursor`,
/// the call before it.
fn places_between(
    places: &[(usize, usize)],
    from_line: usize,
    area_start: usize,
    cursor: (usize, usize),
) -> impl Iterator<Item = &(usize, usize)> {
    let first = places.partition_point(|&(line, _)| line < from_line);
    places[first..]
        .iter()
        .take_while(move |&&(line, _)| line < area_start)
        .filter(move |&&(line, start)| line > cursor.0 || start >= cursor.1)
}

/// The words that open a relative clause after the noun a note is called
/// from: English, French and Spanish.
const RELATIVE_PRONOUNS: [&str; 6] = ["that", "which", "who", "whose", "qui", "que"];

/// The call of a numbered note that no other reading found, among `places`
/// from line `from_line` up to `area_start`, after `cursor`: a figure set
/// apart after a comma or a semicolon, before a word it would count
/// ("Financing for Development, 38 States expressed", where the print set
/// the call apart from its comma; "12 December 2003, 27 States were
/// urged"); or after a name's last word, where it would open a range of days
/// ("the International Day to Combat Islamophobia 17 and 27 January as the
/// International Day of Commemoration", where a date has its "on"); or
/// after a word and before the relative clause that goes on from it ("the
/// ministerial decision 6 that was adopted at …", where a decision's
/// number would be followed by its date or its session). A count, a day or
/// a number there is text wherever the note has its call; where it has
/// none, the figure is the call.
fn last_resort_call(
    raws: &[Raw<'_>],
    places: &[(usize, usize)],
    from_line: usize,
    area_start: usize,
    cursor: (usize, usize),
) -> Option<(usize, usize, usize)> {
    places_between(places, from_line, area_start, cursor).find_map(|&(line, start)| {
        let text = raws[line].text;
        let end = start + text[start..].bytes().take_while(u8::is_ascii_digit).count();
        let (before, after) = (&text[..start], &text[end..]);
        let before = before.strip_suffix(' ')?;
        let counted = || {
            after
                .strip_prefix(' ')
                .is_some_and(|words| is_counted(leading_word(words.trim_start())))
        };
        let name = last_word(before);
        let named_day = || {
            is_name_word(name)
                && !MONTHS.contains(&name)
                && !NUMBER_WORDS.contains(&name.to_lowercase().as_str())
                && crate::lang::date::starts_with_day_of_month(&text[start..])
        };
        let relative_clause = || {
            before.ends_with(char::is_alphabetic)
                && after.strip_prefix(' ').is_some_and(|words| {
                    let pronoun = leading_word(words);
                    RELATIVE_PRONOUNS.contains(&pronoun) && words[pronoun.len()..].starts_with(' ')
                })
        };
        ((before.ends_with([',', ';']) && counted()) || named_day() || relative_clause())
            .then_some((line, start, end))
    })
}

pub(super) fn find_calls(raws: &[Raw<'_>], footnotes: &[(Marker, usize, Vec<usize>)]) -> Vec<Call> {
    let mut calls = Vec::new();
    // The first line of each page.
    let mut page_starts: Vec<usize> = Vec::new();
    for (index, raw) in raws.iter().enumerate() {
        while page_starts.len() <= raw.page {
            page_starts.push(index);
        }
    }
    let runs = digit_runs(raws);
    // Where the search for the next call of each series starts: (line
    // index, byte offset). Numbered notes, star notes and a table's letter
    // notes ("2026a" in an annex, printed above note 4 whose call "for
    // 20244" came earlier) are called in order within their own series.
    let mut cursors = [(0usize, 0usize); 3];
    for (marker, page, lines) in footnotes {
        let series = match marker {
            Marker::Number(_) | Marker::Slash(_) | Marker::Bracket(_) => 0,
            Marker::Stars(_) => 1,
            Marker::Letter(_) => 2,
        };
        let cursor = cursors[series];
        let area_start = lines[0];
        // Where the search starts when it starts on `first_page`.
        let from_page = |first_page: usize| {
            cursor
                .0
                .max(page_starts.get(first_page).copied().unwrap_or(0))
        };
        // The places of a numbered marker's number.
        let places_of = |n: &str| runs.get(n).map_or(&[][..], Vec::as_slice);
        let mut found = None;
        // First the note's own page, then from the page before.
        for first_page in [*page, page.saturating_sub(1)] {
            let from_line = from_page(first_page);
            found = match marker {
                // Numbered markers: only the places of that number.
                Marker::Number(n) | Marker::Slash(n) | Marker::Bracket(n) => {
                    numbered_call(raws, places_of(n), marker, from_line, area_start, cursor)
                }
                // Stars and letters: scan the lines, at most a few pages back.
                _ => (from_line.max(area_start.saturating_sub(MAX_SCAN))..area_start)
                    .filter(|&line| raws[line].kind == Kind::Text)
                    .find_map(|line| {
                        let from = if line == cursor.0 { cursor.1 } else { 0 };
                        find_in_line(raws[line].text, from, marker).map(|(s, e)| (line, s, e))
                    }),
            };
            if found.is_some() {
                break;
            }
        }
        // Last, a figure the text would count ("…, 38 States") or a day after
        // a name ("Islamophobia 17 and 27 January"), where no other reading
        // calls the note.
        if found.is_none() {
            if let Marker::Number(n) = marker {
                let from_line = from_page(page.saturating_sub(1));
                found = last_resort_call(raws, places_of(n), from_line, area_start, cursor);
            }
        }
        if let Some((line, start, end)) = found {
            calls.push(Call {
                line,
                start,
                end,
                label: marker.label(),
            });
            cursors[series] = (line, end);
        }
    }
    calls
}

#[cfg(test)]
mod tests {
    use super::Marker;

    /// Where the call of note `n` is found in `text`, searched from the start.
    fn call(text: &str, n: &str) -> Option<(usize, usize)> {
        super::find_in_line(text, 0, &Marker::Number(n.to_string()))
    }

    #[test]
    fn chinese_figures_are_told_from_calls() {
        // The millions of a sum whose thousands are set apart: no call.
        assert_eq!(
            call("给乌干达恩德培区域服务中心的3 899 700美元；", "3"),
            None
        );
        // A call after a character, set apart from the next (at a line's
        // start too, where there is no word to measure).
        assert_eq!(call("会议7 作出并经", "7"), Some((6, 7)));
    }

    #[test]
    fn a_call_set_apart_after_a_symbol() {
        // "resolutions 75/192, 17 76/179 18 and 77/229": call 18, with one
        // space; not a day of a month.
        let text = "pursuant to resolutions 75/192, 17 76/179 18 and 77/229,19 and";
        assert_eq!(call(text, "18"), Some((42, 44)));
        assert_eq!(call("resolution 76/179 18 December 2021", "18"), None);
    }

    #[test]
    fn a_call_set_apart_after_an_ordinal() {
        // "44o 33 y 47o": session 44, call 33; "11 o 12" is a range.
        assert_eq!(call("sesiones 44o 33 y 47o", "33"), Some((13, 15)));
        assert_eq!(call("los párrafos 11 o 12 del", "12"), None);
    }

    #[test]
    fn a_call_inside_a_word_takes_its_spaces() {
        // "a 8 nd", "a10nd": the UN's print puts the call inside "and".
        assert_eq!(call("2015–2030, a 8 nd other", "8"), Some((14, 17)));
        assert_eq!(call("the New Urban Agenda a10nd the", "10"), Some((22, 24)));
        assert_eq!(call("2015–2030, a 8nd other", "8"), Some((14, 16)));
        // Not a range ("de 5 a 8 días"), nor a word whole on each side.
        assert_eq!(call("de 5 a 8 días", "8"), None);
        assert_eq!(call("de 5 a 8 and", "8"), None);
    }

    #[test]
    fn a_call_set_apart_after_a_named_number() {
        // "Action 21 4, le Programme": the name's number, then call 4.
        assert_eq!(call("Action 21 4, le Programme", "4"), Some((10, 11)));
        assert_eq!(call("l’Agenda 21 et", "21"), None);
    }

    #[test]
    fn a_call_glued_to_a_roman_numeral_after_a_word() {
        // "Additional Protocol I6 to": the numeral numbers the protocol, the
        // figure is a call; "G20" and "CO2" stay words.
        assert_eq!(
            call("codified in Additional Protocol I6 to the four", "6"),
            Some((33, 34))
        );
        assert_eq!(call("the G20 summit", "20"), None);
        assert_eq!(call("I6 alone", "6"), None);
    }

    #[test]
    fn an_arabic_call_with_spaces_inside_its_parentheses() {
        // "المحتلة( 4)،": the call takes the extraction's space, and the
        // parentheses stay text.
        let text = "في الأرض الفلسطينية المحتلة( 4)، وإذ تشير";
        let (start, end) = call(text, "4").expect("a call");
        assert_eq!(&text[start..end], " 4");
        assert_eq!(&text[..start], "في الأرض الفلسطينية المحتلة(");
    }

    #[test]
    fn a_call_set_apart_from_its_word_and_glued_to_the_next() {
        // "Non-Proliferation of Nuclear Weapons 6and the advisory opinion"
        // (79/36 laid out, seeds 46 and 53: the UN's file has no space after
        // the note).
        let text = "Non-Proliferation of Nuclear Weapons 6and the advisory opinion";
        assert_eq!(call(text, "6"), Some((37, 38)));
        // Not a figure glued to a unit or an ordinal, nor after a number.
        assert_eq!(call("a mass of Uranium 6kg in", "6"), None);
        assert_eq!(call("during its Session 6th meeting", "6"), None);
        assert_eq!(call("resolution 2334 6and", "6"), None);
    }

    #[test]
    fn a_schedules_number_is_no_call() {
        // "introducing changes to schedules 1 (A) and 1, respectively, of the
        // Annex on Chemicals" (78/29, seed 36) took call 1, printed eight
        // lines before ("… on Their Destruction 1 and for").
        let text = "introducing changes to schedules 1 (A) and 1, respectively, of the";
        assert_eq!(call(text, "1"), None);
        assert_eq!(call("the destruction of Schedule 1 chemicals", "1"), None);
    }

    #[test]
    fn a_word_an_ordinal_numbers_may_be_followed_by_a_call() {
        // "at its twenty-fifth meeting 4 and the report" (A/RES/80/110, seed 29).
        let text = "Process) at its twenty-fifth meeting 4 and the";
        assert_eq!(call(text, "4"), Some((37, 38)));
        assert_eq!(call("at its 25th meeting 4 and the", "4"), Some((20, 21)));
        // Without the ordinal, the figure numbers the meeting.
        assert_eq!(call("at its meeting 4 and the", "4"), None);
    }

    #[test]
    fn a_figure_after_an_article_is_no_call() {
        // "convoqué par le Secrétaire général les 23 et" ⏎ "24 septembre
        // 2021" (fr A/RES/77/186, seed 46): days of a range the line broke,
        // not call 23, printed later ("… de la FAO »23").
        assert_eq!(
            call("convoqué par le Secrétaire général les 23 et ", "23"),
            None
        );
        assert_eq!(call("celebrada el 23 y ", "23"), None);
        assert_eq!(call("adopted by the 193 Members", "193"), None);
        // After a noun, the figure set apart is the call.
        assert_eq!(call("le Secrétaire général 23 et", "23"), Some((25, 27)));
    }

    #[test]
    fn a_figure_after_a_year_inside_a_symbol_is_no_call() {
        // "(CM/Rec(2022)13)": recommendation 13 of 2022, not call 13 (A/RES/79/284,
        // whose note 13 is called thirteen lines on, "Rights,13").
        assert_eq!(
            call("media coverage (CM/Rec(2022)13), on electoral", "13"),
            None
        );
        // After a resolution's year, glued or set apart, a figure is a call.
        assert_eq!(call("resolution 2628(2022)5 and", "5"), Some((21, 22)));
        assert_eq!(call("resolution 2628 (2022)5 and", "5"), Some((22, 23)));
    }

    #[test]
    fn a_call_in_parentheses_after_a_year_at_a_lines_start() {
        // "2021(3)،": the year wrapped to a line of its own.
        assert_eq!(call("2021(3)، ", "3"), Some((5, 6)));
    }
}
