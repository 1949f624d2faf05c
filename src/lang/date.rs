//! Calendar dates in the six official languages, as the UN prints them:
//! "1 April 2022", "1er avril 2022", "1 de abril de 2022", "1 апреля 2022
//! года", "1 نيسان/أبريل 2022", "2022年4月1日". Digits may be ASCII, Arabic-Indic
//! ("٢٠٢٢") or full-width ("２０２２"). Takes text, gives the date and the
//! length of its printed form; the calendar (chrono) decides what is a date.

use chrono::NaiveDate;

/// Spanish month names, in calendar order.
const SPANISH: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// Russian month names in the genitive ("1 апреля"), in calendar order.
const RUSSIAN: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// Arabic month names as the UN prints them, the Levantine name and the
/// Egyptian one joined by a slash ("نيسان/أبريل"), in calendar order.
const ARABIC: [(&str, &str); 12] = [
    ("كانون الثاني", "يناير"),
    ("شباط", "فبراير"),
    ("آذار", "مارس"),
    ("نيسان", "أبريل"),
    ("أيار", "مايو"),
    ("حزيران", "يونيه"),
    ("تموز", "يوليه"),
    ("آب", "أغسطس"),
    ("أيلول", "سبتمبر"),
    ("تشرين الأول", "أكتوبر"),
    ("تشرين الثاني", "نوفمبر"),
    ("كانون الأول", "ديسمبر"),
];

/// The value of an ASCII, Arabic-Indic, Eastern Arabic-Indic or full-width
/// digit.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{660}'..='\u{669}' => Some(c as u32 - 0x660),
        '\u{6f0}'..='\u{6f9}' => Some(c as u32 - 0x6f0),
        '\u{ff10}'..='\u{ff19}' => Some(c as u32 - 0xff10),
        _ => None,
    }
}

/// A run of `min..=max` digits at the start of `text`: its value and length
/// in bytes. Fails when more digits follow.
pub fn number(text: &str, min: usize, max: usize) -> Option<(u32, usize)> {
    let mut value = 0u32;
    let mut count = 0;
    let mut len = 0;
    for c in text.chars() {
        match digit_value(c) {
            Some(d) => {
                count += 1;
                if count > max {
                    return None;
                }
                value = value * 10 + d;
                len += c.len_utf8();
            }
            None => break,
        }
    }
    (count >= min).then_some((value, len))
}

fn spaces(text: &str) -> usize {
    text.len() - text.trim_start_matches([' ', '\u{a0}', '\u{202f}']).len()
}

/// Whether the text goes on with a letter or digit (so a word is cut).
fn goes_on(rest: &str) -> bool {
    rest.starts_with(|c: char| c.is_alphanumeric())
}

fn ymd(year: u32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// A date in French, Spanish, Russian, Arabic or Chinese at the start of
/// `text`: the date and the length of its printed form. English dates are
/// [`crate::grammar::date`]'s; "1er avril 2022" is read there too.
pub fn date(text: &str) -> Option<(NaiveDate, usize)> {
    chinese(text).or_else(|| day_first(text))
}

/// "2022年4月1日".
fn chinese(text: &str) -> Option<(NaiveDate, usize)> {
    let (year, mut at) = number(text, 4, 4)?;
    at += text[at..].strip_prefix('年').map(|_| '年'.len_utf8())?;
    let (month, len) = number(&text[at..], 1, 2)?;
    at += len;
    at += text[at..].strip_prefix('月').map(|_| '月'.len_utf8())?;
    let (day, len) = number(&text[at..], 1, 2)?;
    at += len;
    at += text[at..].strip_prefix('日').map(|_| '日'.len_utf8())?;
    Some((ymd(year, month, day)?, at))
}

/// "1 de abril de 2022", "1 апреля 2022 года", "1 نيسان/أبريل 2022".
fn day_first(text: &str) -> Option<(NaiveDate, usize)> {
    let (day, mut at) = number(text, 1, 2)?;
    // "1º de abril", "1.º": Spanish ordinal day.
    for ordinal in [".º", "º", "°"] {
        if text[at..].starts_with(ordinal) {
            at += ordinal.len();
            break;
        }
    }
    let gap = spaces(&text[at..]);
    if gap == 0 {
        return None;
    }
    at += gap;
    let rest = &text[at..];
    let (month, len, year_joiner) = if let Some(after) = rest.strip_prefix("de ") {
        let (month, len) = month_in(after, &SPANISH)?;
        (month, 3 + len, Some("de "))
    } else if let Some((month, len)) = month_in(rest, &RUSSIAN) {
        (month, len, None)
    } else {
        let (month, len) = arabic_month(rest)?;
        (month, len, None)
    };
    at += len;
    at += spaces(&text[at..]);
    // "31 de agosto 2020": a slip that drops the second "de" (S/RES/2541).
    if let Some(joiner) = year_joiner {
        at += text[at..].strip_prefix(joiner).map_or(0, |_| joiner.len());
    }
    let (year, len) = number(&text[at..], 4, 4)?;
    at += len;
    if goes_on(&text[at..]) {
        return None;
    }
    // "2022 года", "2022 г.": the Russian year word belongs to the date.
    let gap = spaces(&text[at..]);
    for word in ["года", "г."] {
        if text[at + gap..].starts_with(word) && !goes_on(&text[at + gap + word.len()..]) {
            at += gap + word.len();
            break;
        }
    }
    Some((ymd(year, month, day)?, at))
}

/// Whether `text` starts with a day followed by its month, with or without
/// a year: "21 de febrero", "22 y 23 de noviembre", "31 de diciembre de
/// 202031" (a call glued to the year), "1er avril", "5 мая", "21 February".
/// Such a number is text, never a footnote call.
pub fn starts_with_day_of_month(text: &str) -> bool {
    let Some((first_day, mut at)) = number(text, 1, 2) else {
        return false;
    };
    for ordinal in [".º", "º", "°", "er"] {
        if text[at..].starts_with(ordinal) {
            at += ordinal.len();
            break;
        }
    }
    let gap = spaces(&text[at..]);
    if gap == 0 && !text[at..].starts_with(['-', '–']) {
        return false;
    }
    // "Justice 9  and 15 March": the two spaces a superscript leaves; the
    // first day of a range has one ("9 and 15 March").
    let superscript = text[at..].starts_with("  ");
    at += gap;
    // A range of days: "22 y 23", "22 et 23", "22 и 23", "22-23"; the days
    // ascend ("15 March 2023 21 and 19 October": call 21, then a date).
    for joiner in ["y ", "e ", "et ", "and ", "и ", "و ", "al ", "-", "–"] {
        if superscript {
            break;
        }
        if let Some(rest) = text[at..].strip_prefix(joiner) {
            if let Some((_, len)) = number(rest, 1, 2).filter(|&(last_day, _)| last_day > first_day)
            {
                at += joiner.len() + len;
                at += spaces(&text[at..]);
                break;
            }
        }
    }
    starts_with_month(&text[at..])
}

/// Whether `text` opens with a month's name, as a date goes on after its
/// day, in any language: "de mayo", "апреля", "أيار/مايو", "May", "avril"
/// (spaces before it aside).
pub fn starts_with_month(text: &str) -> bool {
    let rest = &text[spaces(text)..];
    let spanish = rest
        .strip_prefix("de ")
        .is_some_and(|after| month_in(after, &SPANISH).is_some());
    spanish
        || month_in(rest, &RUSSIAN).is_some()
        || arabic_month(rest).is_some()
        || crate::grammar::date::month(rest).is_ok()
}

/// A month name of `names`, any case: its number (1–12) and length.
fn month_in(text: &str, names: &[&str; 12]) -> Option<(u32, usize)> {
    names.iter().enumerate().find_map(|(index, name)| {
        let candidate = text.get(..name.len())?;
        (candidate.to_lowercase() == *name && !goes_on(&text[name.len()..]))
            .then(|| (index as u32 + 1, name.len()))
    })
}

/// "نيسان/أبريل", or either name alone.
fn arabic_month(text: &str) -> Option<(u32, usize)> {
    for (index, (levantine, egyptian)) in ARABIC.iter().enumerate() {
        let month = index as u32 + 1;
        if let Some(rest) = text.strip_prefix(levantine) {
            if let Some(after) = rest
                .strip_prefix('/')
                .and_then(|r| r.strip_prefix(egyptian))
            {
                if !goes_on(after) {
                    return Some((month, text.len() - after.len()));
                }
            }
            if !goes_on(rest) {
                return Some((month, levantine.len()));
            }
        }
        if let Some(rest) = text.strip_prefix(egyptian) {
            if !goes_on(rest) {
                return Some((month, egyptian.len()));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_each_language() {
        assert_eq!(date("1 de abril de 2022,"), Some((d(2022, 4, 1), 18)));
        assert_eq!(date("1 апреля 2022 года").unwrap().0, d(2022, 4, 1));
        assert_eq!(
            date("1 апреля 2022 года").unwrap().1,
            "1 апреля 2022 года".len()
        );
        assert_eq!(date("9 كانون الأول/ديسمبر 2021").unwrap().0, d(2021, 12, 9));
        assert_eq!(date("1 نيسان/أبريل 2022").unwrap().0, d(2022, 4, 1));
        assert_eq!(date("2022年4月1日大会决议"), Some((d(2022, 4, 1), 15)));
        assert_eq!(date("٩ كانون الأول/ديسمبر ٢٠٢١").unwrap().0, d(2021, 12, 9));
        assert_eq!(date("２０２２年４月１日").unwrap().0, d(2022, 4, 1));
    }

    #[test]
    fn not_dates() {
        assert_eq!(date("31 de febrero de 2022"), None);
        assert_eq!(date("31 de agosto 2020"), Some((d(2020, 8, 31), 17)));
        assert_eq!(date("1 de abril"), None);
        assert_eq!(date("2022年13月1日"), None);
        assert_eq!(date("1 апреля 20221"), None);
        assert_eq!(date("1 abril 2022"), None);
    }

    #[test]
    fn days_of_months() {
        assert!(starts_with_day_of_month("21 de febrero Día Internacional"));
        assert!(starts_with_day_of_month("22 y 23 de noviembre de 2022"));
        assert!(starts_with_day_of_month("31 de diciembre de 202031 y"));
        assert!(starts_with_day_of_month("1er avril"));
        assert!(starts_with_day_of_month("5 мая"));
        assert!(starts_with_day_of_month("9 كانون الأول/ديسمبر"));
        assert!(starts_with_day_of_month("21 February"));
        assert!(!starts_with_day_of_month("21 de la Convención"));
        assert!(!starts_with_day_of_month("3 and the Council"));
        // Days of a range ascend: "21 and 19 October" is a call, then a date.
        assert!(starts_with_day_of_month("9 and 15 March"));
        assert!(!starts_with_day_of_month("21 and 19 October 2023"));
        assert!(!starts_with_day_of_month("9  and 15 March"));
        assert!(!starts_with_day_of_month("2022 de marzo"));
        assert!(starts_with_month("أيار/مايو 1974"));
        assert!(starts_with_month("de mayo de 2022"));
        assert!(!starts_with_month("and 15 March"));
    }
}
