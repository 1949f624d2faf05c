//! Masthead lines → cover page content and identity facts.
//!
//! Each printed masthead line ("Distr.: General", "Forty-ninth session",
//! "Agenda item 10", "Ghana:\* draft resolution", "Resolution adopted by the
//! Human Rights Council on 1 April 2022") is recognised by one small parser and
//! turned into the inline elements spec §3 asks for, plus the facts it states.

use chrono::NaiveDate;
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while1};
use nom::character::complete::{digit1, space1};
use nom::combinator::{opt, recognize};
use nom::{IResult, Parser};

use super::inline::{inlines, Markers};
use super::{date, symbol};
use crate::model::{Body, DateRole, DocumentKind, Inline};

/// A fact a masthead line states about the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Fact {
    /// A body named as authority.
    Body(Body),
    /// The document symbol.
    Symbol(String),
    /// The date of issuance.
    Issuance(NaiveDate),
    /// The session number.
    Session(u32),
    /// The adopting body and date, from "Resolution adopted by … on …".
    Adopted(DocumentKind, Option<Body>, Option<NaiveDate>),
    /// The document's stage, from "…: draft resolution".
    Stage(DocumentKind),
    /// A sponsor (a State or group), by its name as printed.
    Proponent(String),
    /// The language of the text (ISO 639-2).
    Language(&'static str),
    /// An agenda item was announced: the next plain line is its title.
    AgendaItem,
}

/// A recognised masthead line.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverLine {
    /// The line's content.
    pub content: Vec<Inline>,
    /// What it says about the document.
    pub facts: Vec<Fact>,
}

/// The UN's official languages as a masthead names them, with their ISO
/// 639-2 codes (the codes `Options::lang` accepts).
pub const LANGUAGES: [(&str, &str); 6] = [
    ("English", "eng"),
    ("French", "fra"),
    ("Spanish", "spa"),
    ("Russian", "rus"),
    ("Chinese", "zho"),
    ("Arabic", "ara"),
];

/// Recognises one masthead line (markdown emphasis already stripped from the
/// ends by the caller when it wraps the whole line). `None`: not a masthead
/// line this grammar knows.
pub fn cover_line(text: &str, markers: &dyn Markers, after_agenda_item: bool) -> Option<CoverLine> {
    let plain = text.trim();
    let line = |content: Vec<Inline>, facts: Vec<Fact>| Some(CoverLine { content, facts });
    if let Some(body) = Body::from_name(plain) {
        return line(
            vec![Inline::DocAuthority {
                body,
                text: plain.into(),
            }],
            vec![Fact::Body(body)],
        );
    }
    if plain.starts_with("Distr.") || matches!(plain, "GENERAL" | "LIMITED" | "RESTRICTED") {
        return line(vec![Inline::DocStatus(plain.into())], vec![]);
    }
    // The logo line and the series letter of old mastheads.
    if matches!(
        plain,
        "United Nations" | "UNITED NATIONS" | "A" | "S" | "E" | "NATIONS UNIES"
    ) {
        return line(vec![Inline::text(plain)], vec![]);
    }
    if let Some(committee) = committee(plain) {
        return line(
            vec![Inline::Committee(vec![Inline::text(committee)])],
            vec![],
        );
    }
    if let Some(report) = routing_line(plain) {
        return Some(report);
    }
    // "United Nations S/RES/1445 (2002)", "Security Council Distr.: General":
    // two masthead items printed on one line.
    for logo in ["United Nations ", "UNITED NATIONS "] {
        if let Some(rest) = plain.strip_prefix(logo) {
            if let Some(mut found) = cover_line(rest, markers, false) {
                found.content.insert(0, Inline::text(logo));
                return Some(found);
            }
        }
    }
    if let Some((authority, _)) = plain.split_once(" Distr.") {
        if let Some(body) = Body::from_name(authority) {
            return line(
                vec![
                    Inline::DocAuthority {
                        body,
                        text: authority.into(),
                    },
                    Inline::text(" "),
                    Inline::DocStatus(plain[authority.len() + 1..].into()),
                ],
                vec![Fact::Body(body)],
            );
        }
    }
    if symbol::is_symbol(plain) || is_symbol_with_year(plain) {
        return line(
            vec![Inline::DocNumber {
                text: plain.into(),
                symbol: true,
            }],
            vec![Fact::Symbol(plain.into())],
        );
    }
    // "A/RES/76/235 B": the part of a resolution adopted in parts; the
    // work is the resolution's, "A/RES/76/235".
    if let Some((symbol, _)) = plain
        .rsplit_once(' ')
        .filter(|(symbol, part)| is_part_letter(part) && symbol::is_symbol(symbol))
    {
        return line(
            vec![Inline::DocNumber {
                text: plain.into(),
                symbol: true,
            }],
            vec![Fact::Symbol(symbol.into())],
        );
    }
    if let Ok(("", date)) = date::date(plain) {
        return line(
            vec![Inline::DocDate {
                date,
                role: DateRole::Issuance,
                text: plain.into(),
            }],
            vec![Fact::Issuance(date)],
        );
    }
    if let Some(&(name, code)) = LANGUAGES.iter().find(|(name, _)| *name == plain) {
        return line(
            vec![Inline::LanguageOfExpression(vec![Inline::text(name)])],
            vec![Fact::Language(code)],
        );
    }
    if let Some(original) = plain.strip_prefix("Original:") {
        let language = original.trim();
        let (prefix, name) = plain.split_at(plain.len() - language.len());
        return line(
            vec![
                Inline::text(prefix),
                Inline::OriginalLanguage(vec![Inline::text(name)]),
            ],
            vec![],
        );
    }
    if let Some(found) = session_item_and_title(plain, markers) {
        return Some(found);
    }
    if let Ok(("", value)) = session(plain) {
        return line(
            vec![Inline::Session {
                value,
                text: plain.into(),
            }],
            vec![Fact::Session(value)],
        );
    }
    if is_date_range(plain) {
        return line(
            vec![Inline::SessionDates(vec![Inline::text(plain)])],
            vec![],
        );
    }
    if let Ok((_, item)) = agenda_item(plain) {
        return line(
            vec![Inline::AgendaItem {
                number: item.into(),
                content: vec![Inline::text(plain)],
            }],
            vec![Fact::AgendaItem],
        );
    }
    if let Some(found) = doc_type(plain) {
        return Some(found);
    }
    if let Some(found) = crate::lang::masthead::cover_line(plain) {
        return Some(found);
    }
    if let Some(found) = sponsor_line(plain, markers) {
        return Some(found);
    }
    if after_agenda_item && !plain.is_empty() {
        return line(
            vec![Inline::AgendaItemTitle(inlines(plain, markers))],
            vec![],
        );
    }
    None
}

/// "Third Committee", "Special Political and Decolonization Committee
/// (Fourth Committee)".
fn committee(text: &str) -> Option<&str> {
    const ORDINALS: [&str; 6] = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth"];
    let ordinal = ORDINALS
        .iter()
        .any(|o| text.strip_prefix(o).is_some_and(|r| r == " Committee"));
    let named = text.ends_with("Committee)") || text == "Ad Hoc Committee of the Whole";
    (ordinal || named).then_some(text)
}

/// "[on the report of the Third Committee (A/80/545, para. 5)]", "[without
/// reference to a Main Committee (A/80/L.2/Rev.1)]": `originatingReport`,
/// its symbols as references.
fn routing_line(text: &str) -> Option<CoverLine> {
    let inner = text.strip_prefix('[')?.strip_suffix(']')?;
    let known = [
        "on the report of",
        "without reference to",
        "on the recommendation of",
        "on the proposal of",
    ];
    if !known.iter().any(|k| inner.starts_with(k)) && !crate::lang::is_routing(inner) {
        return None;
    }
    let mut ignored = Vec::new();
    let content = super::citation::enrich_text(inner, Body::GeneralAssembly, &mut ignored);
    Some(CoverLine {
        content: vec![
            Inline::text("["),
            Inline::OriginatingReport(content),
            Inline::text("]"),
        ],
        facts: vec![],
    })
}

/// "S/RES/902 (1994)": a Security Council symbol with its year.
/// "B": one capital letter, a part of a resolution adopted in parts (or a
/// part of the operative text, "A", "B").
pub(super) fn is_part_letter(text: &str) -> bool {
    text.len() == 1 && text.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_symbol_with_year(text: &str) -> bool {
    text.rsplit_once(" (").is_some_and(|(symbol, year)| {
        symbol::is_symbol(symbol)
            && year.len() == 5
            && year.ends_with(')')
            && year[..4].bytes().all(|b| b.is_ascii_digit())
    })
}

/// "Forty-ninth session", "58th session", "Eightieth session": the number.
pub fn session(input: &str) -> IResult<&str, u32> {
    let (rest, value) = alt((ordinal_number, ordinal_words)).parse(input)?;
    let (rest, _) = (
        space1,
        opt((
            alt((
                tag_no_case("regular"),
                tag_no_case("special"),
                tag_no_case("emergency special"),
                tag_no_case("resumed"),
            )),
            space1,
        )),
        tag_no_case("session"),
    )
        .parse(rest)?;
    Ok((rest, value))
}

/// "58th", "1st": the number.
pub fn ordinal_number(input: &str) -> IResult<&str, u32> {
    let (rest, (digits, _)) =
        (digit1, alt((tag("st"), tag("nd"), tag("rd"), tag("th")))).parse(input)?;
    match digits.parse() {
        Ok(n) => Ok((rest, n)),
        Err(_) => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Digit,
        ))),
    }
}

const UNITS: [&str; 9] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
];
const TEENS: [&str; 10] = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const TENS: [(&str, &str); 8] = [
    ("twenty", "twentieth"),
    ("thirty", "thirtieth"),
    ("forty", "fortieth"),
    ("fifty", "fiftieth"),
    ("sixty", "sixtieth"),
    ("seventy", "seventieth"),
    ("eighty", "eightieth"),
    ("ninety", "ninetieth"),
];

/// "Forty-ninth", "Eightieth", "Third": the number (1–99).
pub fn ordinal_words(input: &str) -> IResult<&str, u32> {
    let (rest, word) = take_while1(|c: char| c.is_alphabetic() || c == '-').parse(input)?;
    let lower = word.to_lowercase();
    let value = (|| {
        if let Some(i) = UNITS.iter().position(|u| *u == lower) {
            return Some(i as u32 + 1);
        }
        if let Some(i) = TEENS.iter().position(|u| *u == lower) {
            return Some(i as u32 + 10);
        }
        for (i, (tens, tenth)) in TENS.iter().enumerate() {
            let base = 20 + 10 * i as u32;
            if lower == *tenth {
                return Some(base);
            }
            if let Some(unit) = lower.strip_prefix(tens).and_then(|r| r.strip_prefix('-')) {
                return UNITS
                    .iter()
                    .position(|u| *u == unit)
                    .map(|u| base + u as u32 + 1);
            }
        }
        None
    })();
    match value {
        Some(v) => Ok((rest, v)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        ))),
    }
}

/// "28 February–1 April 2022", "24 February–4 April 2025", "10–12 May 2023".
fn is_date_range(text: &str) -> bool {
    let Some((from, to)) = text.split_once(['–', '-']) else {
        return false;
    };
    let to_is_date = matches!(date::date(to.trim()), Ok(("", _)));
    let from = from.trim();
    let from_ok = from.chars().all(|c| c.is_ascii_digit()) && !from.is_empty()
        || matches!(
            (digit1::<&str, nom::error::Error<&str>>, space1, date::month).parse(from),
            Ok(("", _))
        )
        || matches!(date::date(from), Ok(("", _)));
    to_is_date && from_ok
}

/// "Eightieth session Agenda item 99 (f) General and complete disarmament:
/// regional disarmament": a markdown conversion joined the session, the
/// agenda item and its title into one line. The title is whole, so no line
/// after it goes on with it.
fn session_item_and_title(plain: &str, markers: &dyn Markers) -> Option<CoverLine> {
    let (rest, value) = session(plain).ok()?;
    let session_text = &plain[..plain.len() - rest.len()];
    let item = rest.strip_prefix(' ')?;
    let (after, _) = (
        tag_no_case::<_, _, nom::error::Error<&str>>("Agenda item"),
        opt(tag("s")),
        space1,
    )
        .parse(item)
        .ok()?;
    // The number and its letters: "99", "99 (f)", "71 (b) and 72".
    let (title, number) = recognize((
        digit1::<_, nom::error::Error<&str>>,
        opt((
            tag(" ("),
            take_while1(|c: char| c.is_ascii_lowercase()),
            tag(")"),
        )),
    ))
    .parse(after)
    .ok()?;
    let mut content = vec![
        Inline::Session {
            value,
            text: session_text.into(),
        },
        Inline::text(" "),
    ];
    if title.is_empty() {
        // "Eightieth session Agenda item 7": the title follows.
        content.push(Inline::AgendaItem {
            number: number.into(),
            content: vec![Inline::text(item)],
        });
        return Some(CoverLine {
            content,
            facts: vec![Fact::Session(value), Fact::AgendaItem],
        });
    }
    let title = title.strip_prefix(' ')?;
    if !title.starts_with(char::is_uppercase) {
        return None;
    }
    content.extend([
        Inline::AgendaItem {
            number: number.into(),
            content: vec![Inline::text(&item[..item.len() - title.len() - 1])],
        },
        Inline::text(" "),
        Inline::AgendaItemTitle(inlines(title, markers)),
    ]);
    Some(CoverLine {
        content,
        facts: vec![Fact::Session(value)],
    })
}

/// "Agenda item 10", "Agenda items 71 (b) and 72": the item as printed.
fn agenda_item(input: &str) -> IResult<&str, &str> {
    let (rest, _) = (
        tag_no_case("Agenda item"),
        opt(tag("s")),
        space1::<&str, nom::error::Error<&str>>,
    )
        .parse(input)?;
    let item = rest.trim();
    if item.is_empty() || !item.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Digit,
        )));
    }
    Ok(("", item))
}

/// "Resolution adopted by the Human Rights Council on 1 April 2022".
fn doc_type(text: &str) -> Option<CoverLine> {
    let (rest, (kind, _, _)) = (
        alt((
            nom::combinator::value(DocumentKind::Resolution, tag("Resolution")),
            nom::combinator::value(DocumentKind::Decision, tag("Decision")),
        )),
        space1::<&str, nom::error::Error<&str>>,
        tag("adopted by "),
    )
        .parse(text)
        .ok()?;
    // " on 1 April 2022"; PDF text may put a no-break space after "on".
    let on = rest
        .rmatch_indices(" on")
        .map(|(at, _)| at)
        .find(|at| rest[at + 3..].starts_with([' ', '\u{a0}']));
    let (body_text, date_part) = match on {
        Some(at) => (
            &rest[..at],
            Some(rest[at + 3..].trim_start_matches([' ', '\u{a0}'])),
        ),
        None => (rest, None),
    };
    let body = Body::from_name(body_text.trim_start_matches("the "));
    let date = date_part.and_then(|d| match date::date(d.trim_end_matches('.')) {
        Ok((_, date)) => Some(date),
        Err(_) => None,
    });
    let mut content = Vec::new();
    match (date, date_part) {
        (Some(date), Some(part)) => {
            let printed = part.trim_end_matches('.');
            content.push(Inline::text(&text[..text.len() - part.len()]));
            content.push(Inline::DocDate {
                date,
                role: DateRole::Adoption,
                text: printed.into(),
            });
            if printed.len() < part.len() {
                content.push(Inline::text(&part[printed.len()..]));
            }
        }
        _ => content.push(Inline::text(text)),
    }
    Some(CoverLine {
        content: vec![Inline::DocType(content)],
        facts: vec![Fact::Adopted(kind, body, date)],
    })
}

/// "Ghana:\* draft resolution", "Albania, Austria … and Ukraine: draft
/// resolution": one proponent per State, the `*` call, the stage.
fn sponsor_line(text: &str, markers: &dyn Markers) -> Option<CoverLine> {
    let (names, stage_part) = text.rsplit_once(':')?;
    let (call, stage) = split_call(stage_part);
    let stage = stage.trim();
    let lower = stage.to_lowercase();
    let kind = match lower.as_str() {
        "draft resolution" | "revised draft resolution" => DocumentKind::ResolutionDraft,
        "draft decision" | "revised draft decision" => DocumentKind::DecisionDraft,
        _ if lower.starts_with("amendment") => DocumentKind::Amendment,
        _ => return None,
    };
    // Names may carry their own calls ("Ghana\*:"): split off at the end.
    let (names, names_call) = split_trailing_call(names);
    let mut content = Vec::new();
    let mut facts = vec![Fact::Stage(kind)];
    let mut rest = names;
    for (index, name) in split_names(names).into_iter().enumerate() {
        let at = rest.find(name).unwrap_or(0);
        if at > 0 || index > 0 {
            content.push(Inline::text(&rest[..at]));
        }
        content.push(Inline::DocProponent(name.into()));
        facts.push(Fact::Proponent(name.into()));
        rest = &rest[at + name.len()..];
    }
    if !rest.is_empty() {
        content.push(Inline::text(rest));
    }
    if let Some(call) = names_call {
        content.extend(inlines(call, markers));
    }
    content.push(Inline::text(":"));
    if let Some(call) = call {
        content.extend(inlines(call, markers));
    }
    let (_, after_call) = split_call(stage_part);
    let space = &after_call[..after_call.len() - after_call.trim_start().len()];
    content.push(Inline::text(space));
    let mut ignored = Vec::new();
    let stage_content = super::citation::enrich_text(stage, Body::GeneralAssembly, &mut ignored);
    content.push(Inline::DocStage(stage_content));
    content.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    Some(CoverLine { content, facts })
}

/// `\*`/`*`/`<sup>…</sup>` at the start of `text`: (the call, the rest).
fn split_call(text: &str) -> (Option<&str>, &str) {
    let call_len = recognize(alt((
        recognize(nom::multi::many1(
            tag::<&str, &str, nom::error::Error<&str>>("\\*"),
        )),
        recognize((
            tag("<sup>"),
            nom::bytes::complete::take_until("</sup>"),
            tag("</sup>"),
        )),
    )))
    .parse(text)
    .map(|(rest, _)| text.len() - rest.len())
    .unwrap_or(0);
    if call_len == 0 {
        (None, text)
    } else {
        (Some(&text[..call_len]), &text[call_len..])
    }
}

fn split_trailing_call(text: &str) -> (&str, Option<&str>) {
    let trimmed = text.trim_end_matches(['\\', '*']);
    if trimmed.len() < text.len() && text[trimmed.len()..].starts_with("\\*") {
        (trimmed, Some(&text[trimmed.len()..]))
    } else {
        (text, None)
    }
}

/// "Albania, Austria and Ukraine" → ["Albania", "Austria", "Ukraine"]. Names
/// that hold "and" themselves ("Bosnia and Herzegovina") stay whole.
pub fn split_names(text: &str) -> Vec<&str> {
    const COMPOUND: [&str; 7] = [
        "Antigua and Barbuda",
        "Bosnia and Herzegovina",
        "Saint Kitts and Nevis",
        "Saint Vincent and the Grenadines",
        "Sao Tome and Principe",
        "Trinidad and Tobago",
        "United Kingdom of Great Britain and Northern Ireland",
    ];
    let mut names = Vec::new();
    for part in text.split(',') {
        let mut part = part.trim();
        part = part.strip_prefix("and ").unwrap_or(part);
        let mut from = 0;
        while let Some(found) = part[from..].find(" and ") {
            let at = from + found;
            let left = &part[..at];
            if COMPOUND
                .iter()
                .any(|c| c.len() > left.len() && c.starts_with(left))
            {
                from = at + 5;
                continue;
            }
            names.push(left.trim());
            part = part[at + 5..].trim();
            from = 0;
        }
        names.push(part);
    }
    names.retain(|n| !n.is_empty());
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Option<CoverLine> {
        cover_line(
            text,
            &std::collections::HashSet::from(["*".to_string()]),
            false,
        )
    }

    #[test]
    fn ordinals() {
        assert_eq!(session("Forty-ninth session"), Ok(("", 49)));
        assert_eq!(session("Fifty-eighth session"), Ok(("", 58)));
        assert_eq!(session("Eightieth session"), Ok(("", 80)));
        assert_eq!(session("Third session"), Ok(("", 3)));
        assert_eq!(session("58th session"), Ok(("", 58)));
        assert!(session("Forty-tenth session").is_err());
    }

    #[test]
    fn masthead_lines() {
        let status = line("Distr.: General").unwrap();
        assert_eq!(
            status.content,
            vec![Inline::DocStatus("Distr.: General".into())]
        );
        let date = line("8 April 2022").unwrap();
        assert_eq!(
            date.facts,
            vec![Fact::Issuance(NaiveDate::from_ymd_opt(2022, 4, 8).unwrap())]
        );
        assert!(matches!(
            &line("28 February–1 April 2022").unwrap().content[0],
            Inline::SessionDates(_)
        ));
        assert!(matches!(&line("Agenda item 10").unwrap().content[0],
            Inline::AgendaItem { number, .. } if number == "10"));
        assert_eq!(line("Original: French").unwrap().content.len(), 2);
        assert!(line("Technical assistance").is_none());
        // A part of a resolution adopted in parts: the work is the whole's.
        assert_eq!(
            line("A/RES/76/235 B").unwrap().facts,
            vec![Fact::Symbol("A/RES/76/235".into())]
        );
        assert!(line("A/RES/76/235 Bis").is_none());
    }

    #[test]
    fn session_agenda_item_and_title_on_one_line() {
        let found =
            line("Eightieth session Agenda item 99 (f) General and complete disarmament: regional disarmament")
                .unwrap();
        assert_eq!(found.facts, vec![Fact::Session(80)]);
        assert!(matches!(&found.content[2],
            Inline::AgendaItem { number, .. } if number == "99 (f)"));
        assert!(matches!(&found.content[4], Inline::AgendaItemTitle(_)));
        assert!(line("Eightieth session Agenda item 7").is_some());
    }

    #[test]
    fn doc_type_with_adoption_date() {
        let nbsp =
            line("Resolution adopted by the Economic and Social Council on\u{a0} 7\u{a0}June 2017")
                .unwrap();
        assert!(nbsp.facts.iter().any(|f| matches!(
            f,
            Fact::Adopted(_, Some(Body::EconomicAndSocialCouncil), Some(_))
        )));
        let found = line("Resolution adopted by the Human Rights Council on 1 April 2022").unwrap();
        assert_eq!(
            found.facts,
            vec![Fact::Adopted(
                DocumentKind::Resolution,
                Some(Body::HumanRightsCouncil),
                NaiveDate::from_ymd_opt(2022, 4, 1)
            )]
        );
    }

    #[test]
    fn sponsor_line_with_star_call() {
        let found = line("Ghana:\\* draft resolution").unwrap();
        assert_eq!(
            found.content,
            vec![
                Inline::DocProponent("Ghana".into()),
                Inline::text(":"),
                Inline::NoteCall { marker: "*".into() },
                Inline::text(" "),
                Inline::DocStage(vec![Inline::text("draft resolution")]),
            ]
        );
    }

    #[test]
    fn sponsor_list_gives_one_proponent_per_state() {
        let found = line(
            "Albania, Bosnia and Herzegovina, Ukraine and United Kingdom of Great Britain and Northern Ireland: draft resolution",
        )
        .unwrap();
        let names: Vec<_> = found
            .facts
            .iter()
            .filter_map(|f| match f {
                Fact::Proponent(name) => Some(name.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            names,
            [
                "Albania",
                "Bosnia and Herzegovina",
                "Ukraine",
                "United Kingdom of Great Britain and Northern Ireland"
            ]
        );
    }
}
