//! Inline semantics in running text: resolution citations, document symbols
//! and calendar dates (spec §7).
//!
//! - "General Assembly resolution 60/251 of 15 March 2006" → one `<ref>` to
//!   the cited resolution's AKN work IRI (body, number and date known), with
//!   the date inside as `<date>`;
//! - "its resolutions 20/17 of 6 July 2012, …, 22/18 of 21 March 2013 and …"
//!   → one `<ref>` per number, "its" being the adopting body; "5/1 … and 5/2
//!   …, both of 18 June 2007" gives both the date;
//! - without a date the href is the undocs.org form of the resolution's
//!   symbol (`A/RES/60/251`, `A/HRC/RES/22/18`, `S/RES/2690(2023)`);
//! - a document symbol ("S/2021/1117", "A/79/302-S/2024/600" = two) →
//!   `<ref href="https://undocs.org/…">`;
//! - a full calendar date → `<date date="…">`; ranges ("28 February–1 April
//!   2022") and month-only dates stay text, and an impossible date ("31
//!   February 2022") stays text with a warning.
//!
//! Text is only ever wrapped, never changed: the words stay as printed.

use chrono::NaiveDate;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{char, digit1, space1};
use nom::combinator::{opt, recognize};
use nom::{IResult, Parser};

use super::inline::push;
use super::{date, symbol};
use crate::model::{Body, Inline, Reference};

/// A resolution number as printed, with its form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolutionNumber<'a> {
    /// As printed: `60/251`, `2690 (2023)`, `217 A (III)`, `ES-10/21`.
    pub printed: &'a str,
    /// Whether it is a Security Council number ("2690 (2023)").
    pub security_council: bool,
}

impl ResolutionNumber<'_> {
    /// The FRBR work number: `60-251`, `2690-2023`, `217-A-III`.
    pub fn work_number(&self) -> String {
        work_number(self.printed)
    }

    /// The document symbol of the resolution adopted by `body`.
    pub fn symbol(&self, body: Body) -> String {
        if self.security_council {
            // "2690 (2023)" → S/RES/2690(2023)
            let compact: String = self.printed.chars().filter(|c| *c != ' ').collect();
            return format!("S/RES/{compact}");
        }
        if let Some(open) = self.printed.find(" (") {
            // "217 A (III)" → A/RES/217(III)
            let number = self.printed[..open].split(' ').next().unwrap_or_default();
            return body.symbol_of(&format!("{number}{}", &self.printed[open + 1..]), false);
        }
        body.symbol_of(self.printed, false)
    }
}

/// The FRBR work number of a printed number or symbol: slashes and spaces
/// become `-`, parentheses go: `49/34` → `49-34`, `678 (1990)` → `678-1990`,
/// `A/HRC/58/L.12` → `A-HRC-58-L.12`.
pub fn work_number(printed: &str) -> String {
    let mut out = String::with_capacity(printed.len());
    for c in printed.chars() {
        match c {
            '/' | ' ' | '\u{a0}' => {
                if !out.ends_with('-') {
                    out.push('-');
                }
            }
            // "2528(2020)" (Chinese prints no space): the year is apart.
            '(' if out.ends_with(|c: char| c.is_ascii_digit()) => out.push('-'),
            '(' | ')' => {}
            c => out.push(c),
        }
    }
    out.trim_end_matches('-').to_string()
}

/// "60/251", "2690 (2023)", "217 A (III)", "192 (III)", "ES-10/21", "S-27/2".
pub fn resolution_number(input: &str) -> IResult<&str, ResolutionNumber<'_>> {
    let roman = |i| take_while_m_n(1, 8, |c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))(i);
    let (rest, printed) = alt((
        recognize((digit1, char('/'), digit1)),
        recognize((alt((tag("ES-"), tag("S-"))), digit1, char('/'), digit1)),
        recognize((
            digit1,
            char(' '),
            opt((
                take_while_m_n(1, 1, |c: char| c.is_ascii_uppercase()),
                char(' '),
            )),
            char('('),
            alt((digit1, roman)),
            char(')'),
        )),
    ))
    .parse(input)?;
    // Not glued to more digits or slashes ("1/4/2022" is a date, not a citation).
    if rest.starts_with(|c: char| c.is_ascii_digit() || c == '/') {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    let security_council = printed.ends_with(')')
        && printed[printed.rfind('(').unwrap_or(0) + 1..printed.len() - 1]
            .chars()
            .all(|c| c.is_ascii_digit());
    Ok((
        rest,
        ResolutionNumber {
            printed,
            security_council,
        },
    ))
}

/// The body phrase before "resolution(s)": "General Assembly", "its", …
/// (None: not stated). Matched on the first byte, as this runs at every word.
fn body_phrase(input: &str, adopting: Body) -> (&str, Option<Body>) {
    let named: &[(&str, Body)] = match input.as_bytes().first() {
        Some(b'G') => &[("General Assembly", Body::GeneralAssembly)],
        Some(b'H') => &[("Human Rights Council", Body::HumanRightsCouncil)],
        Some(b'S') => &[("Security Council", Body::SecurityCouncil)],
        Some(b'E') => &[
            (
                "Economic and Social Council",
                Body::EconomicAndSocialCouncil,
            ),
            ("Environment Assembly", Body::EnvironmentAssembly),
        ],
        Some(b'i') => &[("its", adopting)],
        Some(b'I') => &[("Its", adopting)],
        _ => &[],
    };
    named
        .iter()
        .find_map(|&(name, body)| input.strip_prefix(name).map(|rest| (rest, Some(body))))
        .unwrap_or((input, None))
}

/// "General Assembly resolution", "its resolutions", "resolution": the body
/// (None: not stated).
fn citation_head(input: &str, adopting: Body) -> IResult<&str, Option<Body>> {
    let (rest, body) = body_phrase(input, adopting);
    let (rest, _) = if rest.len() == input.len() {
        (rest, "")
    } else {
        space1(rest)?
    };
    let word = b"resolution";
    let is_word = rest
        .as_bytes()
        .get(..word.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(word));
    if !is_word {
        return Err(nom::Err::Error(nom::error::Error::new(
            rest,
            nom::error::ErrorKind::Tag,
        )));
    }
    let (rest, _) = (opt(char('s')), space1).parse(&rest[word.len()..])?;
    Ok((rest, body))
}

/// " of 15 March 2006": the date and the length of " of ".
fn of_date(input: &str) -> Option<(usize, usize, NaiveDate)> {
    let (after_of, _) = (char::<&str, nom::error::Error<&str>>(' '), tag("of "))
        .parse(input)
        .ok()?;
    let (rest, date) = date::date(after_of).ok()?;
    Some((input.len() - after_of.len(), input.len() - rest.len(), date))
}

/// What a cited resolution refers to: its work when the date is known,
/// else its symbol.
fn citation_target(
    number: &ResolutionNumber<'_>,
    body: Body,
    date: Option<NaiveDate>,
) -> Reference {
    match date {
        Some(date) => Reference::Work {
            body,
            date,
            number: number.work_number(),
        },
        None => Reference::Symbol(number.symbol(body)),
    }
}

/// A warning from the semantic pass, with a byte offset into the text run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SemanticWarning {
    /// Byte offset in the text run where the problem starts.
    pub offset: usize,
    /// The message.
    pub message: String,
}

/// Enriches inline content: citations, symbols and dates in its text runs
/// become `<ref>` and `<date>`. `adopting` is the body that "its" means.
pub fn enrich(
    content: Vec<Inline>,
    adopting: Body,
    warnings: &mut Vec<SemanticWarning>,
) -> Vec<Inline> {
    let mut out = Vec::with_capacity(content.len());
    for inline in content {
        match inline {
            Inline::Text(text) => {
                match scan(&text, adopting, warnings) {
                    Some(pieces) => pieces.into_iter().for_each(|piece| push(&mut out, piece)),
                    // Nothing found: the run is kept as it is, without a copy.
                    None => push(&mut out, Inline::Text(text)),
                }
            }
            Inline::Italic(children) => {
                out.push(Inline::Italic(enrich(children, adopting, warnings)))
            }
            Inline::Bold(children) => out.push(Inline::Bold(enrich(children, adopting, warnings))),
            other => out.push(other),
        }
    }
    out
}

/// A citation being built in a list ("its resolutions A, B and C").
struct Pending {
    /// Index in `out` of the `Ref`.
    index: usize,
    number_work: String,
    body: Body,
}

/// [`BYTE_CLASS`] bit: an ASCII letter or digit.
const ALNUM: u8 = 1;
/// [`BYTE_CLASS`] bit: `;` or `.`, which end a citation list unless a digit
/// follows.
const LIST_END: u8 = 2;

/// What [`enrich_text`]'s scan needs to know of each byte, looked up once.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = ALNUM;
        } else if c == b';' || c == b'.' {
            table[b] = LIST_END;
        }
        b += 1;
    }
    table
};

/// The end of the word (ASCII letters and digits) that goes on at `at`.
fn word_end(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && BYTE_CLASS[usize::from(bytes[at])] & ALNUM != 0 {
        at += 1;
    }
    at
}

/// Whether a word starting with the ASCII byte `c` can begin anything
/// [`enrich_text`] looks for: a citation head ("General Assembly", "Human
/// Rights Council", "Security Council", "Economic and Social Council",
/// "Environment Assembly", "its", "resolution" in any case), a further number
/// of a list in progress ("60/251", "ES-10/21", "S-27/2"), "both/all of DATE"
/// after undated citations, a document symbol (capital letter) or a date
/// (digit). Everything else is skipped without trying the parsers.
fn could_start_match(c: u8, undated: bool) -> bool {
    c.is_ascii_digit()
        || c.is_ascii_uppercase()
        || matches!(c, b'i' | b'r')
        || (undated && matches!(c, b'b' | b'a'))
}

/// Whether `bytes` holds an ASCII digit; 32 bytes at a time without an early
/// exit inside a block, which the compiler turns into vector instructions
/// (the byte-at-a-time `any` was a quarter of the scan's instructions).
fn has_ascii_digit(bytes: &[u8]) -> bool {
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        let found = block
            .iter()
            .fold(0u8, |found, &b| found | u8::from(b.wrapping_sub(b'0') < 10));
        if found != 0 {
            return true;
        }
    }
    blocks.remainder().iter().any(u8::is_ascii_digit)
}

/// Whether `before` ends in a character that continues a word (alphanumeric
/// or '/'), so that what follows does not start one.
fn ends_in_word(before: &str) -> bool {
    before.ends_with(|p: char| p.is_alphanumeric() || p == '/')
}

/// Scans one text run.
pub fn enrich_text(text: &str, adopting: Body, warnings: &mut Vec<SemanticWarning>) -> Vec<Inline> {
    scan(text, adopting, warnings).unwrap_or_else(|| vec![Inline::text(text)])
}

/// [`enrich_text`]'s scan; `None` when it found nothing to mark up.
fn scan(text: &str, adopting: Body, warnings: &mut Vec<SemanticWarning>) -> Option<Vec<Inline>> {
    // Every citation, symbol and date holds a digit: a run without one (most
    // operative paragraphs) has nothing to find.
    if !has_ascii_digit(text.as_bytes()) {
        return None;
    }
    let mut out: Vec<Inline> = Vec::new();
    let mut plain_start = 0;
    let mut at = 0;
    // The citation list in progress: its body, and undated citations waiting
    // for a "both of DATE".
    let mut list_body: Option<Body> = None;
    let mut undated: Vec<Pending> = Vec::new();
    let bytes = text.as_bytes();
    // Whether the character before `at` is alphanumeric or '/': only an ASCII
    // letter or digit after anything else can start a citation, symbol or
    // date.
    let mut in_word = false;
    while at < text.len() {
        let c = bytes[at];
        if !c.is_ascii() {
            let ch = text[at..].chars().next().expect("at is a char boundary");
            in_word = ch.is_alphanumeric();
            at += ch.len_utf8();
            continue;
        }
        let class = BYTE_CLASS[usize::from(c)];
        if in_word && class & ALNUM != 0 {
            at = word_end(bytes, at + 1);
            continue;
        }
        if class & ALNUM == 0 {
            if class & LIST_END != 0 && !bytes.get(at + 1).is_some_and(u8::is_ascii_digit) {
                list_body = None;
                undated.clear();
            }
            in_word = c == b'/';
            at += 1;
            continue;
        }
        // From here on, `at` starts a word and the caller's loop step below
        // moves past its first character.
        in_word = true;
        if !could_start_match(c, !undated.is_empty()) {
            at = word_end(bytes, at + 1);
            continue;
        }
        let rest = &text[at..];
        let flush = |out: &mut Vec<Inline>, upto: usize, plain_start: usize| {
            if upto > plain_start {
                push(out, Inline::text(&text[plain_start..upto]));
            }
        };

        // "both of 18 June 2007" / "all of …": dates the undated list.
        if !undated.is_empty() {
            if let Ok((after, _)) = (
                alt((
                    tag::<&str, &str, nom::error::Error<&str>>("both"),
                    tag("all"),
                )),
                char(' '),
                tag("of "),
            )
                .parse(rest)
            {
                if let Ok((after_date, date)) = date::date(after) {
                    for pending in undated.drain(..) {
                        if let Some(Inline::Ref { to, .. }) = out.get_mut(pending.index) {
                            *to = Reference::Work {
                                body: pending.body,
                                date,
                                number: pending.number_work,
                            };
                        }
                    }
                    let date_start = text.len() - after.len();
                    flush(&mut out, date_start, plain_start);
                    let printed = &after[..after.len() - after_date.len()];
                    out.push(Inline::Date {
                        date,
                        text: printed.into(),
                    });
                    at = text.len() - after_date.len();
                    plain_start = at;
                    in_word = ends_in_word(&text[..at]);
                    continue;
                }
            }
        }

        // A citation with its head ("General Assembly resolution 60/251").
        if let Ok((after_head, body)) = citation_head(rest, adopting) {
            if let Ok((after_number, number)) = resolution_number(after_head) {
                let body = match body {
                    _ if number.security_council => Body::SecurityCouncil,
                    Some(body) => body,
                    None => adopting,
                };
                flush(&mut out, at, plain_start);
                let number_end = text.len() - after_number.len();
                let (end, content, date) = citation_content(text, at, number_end);
                let to = citation_target(&number, body, date);
                if date.is_none() {
                    undated.push(Pending {
                        index: out.len(),
                        number_work: number.work_number(),
                        body,
                    });
                }
                out.push(Inline::Ref { to, content });
                list_body = Some(body);
                at = end;
                plain_start = at;
                in_word = ends_in_word(&text[..at]);
                continue;
            }
        }

        // A further number of the list in progress ("22/18 of 21 March 2013").
        if let Some(body) = list_body {
            if let Ok((after_number, number)) = resolution_number(rest) {
                flush(&mut out, at, plain_start);
                let number_end = text.len() - after_number.len();
                let (end, content, date) = citation_content(text, at, number_end);
                let body = if number.security_council {
                    Body::SecurityCouncil
                } else {
                    body
                };
                if date.is_none() {
                    undated.push(Pending {
                        index: out.len(),
                        number_work: number.work_number(),
                        body,
                    });
                }
                out.push(Inline::Ref {
                    to: citation_target(&number, body, date),
                    content,
                });
                at = end;
                plain_start = at;
                in_word = ends_in_word(&text[..at]);
                continue;
            }
        }

        // A document symbol; "A/79/302-S/2024/600" is two.
        if c.is_ascii_uppercase() {
            if let Ok((after, found)) = symbol::document_symbol(rest) {
                flush(&mut out, at, plain_start);
                out.push(Inline::Ref {
                    to: Reference::Symbol(found.into()),
                    content: vec![Inline::text(found)],
                });
                at = text.len() - after.len();
                plain_start = at;
                in_word = ends_in_word(&text[..at]);
                continue;
            }
        }

        // A calendar date, unless it ends a range ("28 February–1 April 2022").
        if c.is_ascii_digit() {
            let in_range = text[..at].ends_with(['–', '-', '—']);
            match date::date_or_impossible(rest) {
                Ok((after, date)) => {
                    let ends_range_start = after.starts_with(['–', '—']);
                    if !in_range && !ends_range_start {
                        flush(&mut out, at, plain_start);
                        out.push(Inline::Date {
                            date,
                            text: rest[..rest.len() - after.len()].into(),
                        });
                        at = text.len() - after.len();
                        plain_start = at;
                        in_word = ends_in_word(&text[..at]);
                        continue;
                    }
                }
                Err(Some(len)) => warnings.push(SemanticWarning {
                    offset: at,
                    message: format!("\"{}\" is not a calendar date; kept as text", &rest[..len]),
                }),
                Err(None) => {}
            }
        }
        at += text[at..].chars().next().map_or(1, char::len_utf8);
    }
    if plain_start == 0 {
        return None;
    }
    if plain_start < text.len() {
        push(&mut out, Inline::text(&text[plain_start..]));
    }
    Some(out)
}

/// The content of a citation's `<ref>` from `start` to the number's end, plus
/// " of DATE" when it follows: (end offset, content, date).
fn citation_content(
    text: &str,
    start: usize,
    number_end: usize,
) -> (usize, Vec<Inline>, Option<NaiveDate>) {
    match of_date(&text[number_end..]) {
        Some((date_start, date_end, date)) => (
            number_end + date_end,
            vec![
                Inline::text(&text[start..number_end + date_start]),
                Inline::Date {
                    date,
                    text: text[number_end + date_start..number_end + date_end].into(),
                },
            ],
            Some(date),
        ),
        None => (
            number_end,
            vec![Inline::text(&text[start..number_end])],
            None,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn refs(text: &str, adopting: Body) -> Vec<(String, String)> {
        let mut warnings = Vec::new();
        let mut found = Vec::new();
        collect(&enrich_text(text, adopting, &mut warnings), &mut found);
        found
    }

    fn collect(content: &[Inline], out: &mut Vec<(String, String)>) {
        for inline in content {
            match inline {
                Inline::Ref { to, content } => out.push((shown(to), plain(content))),
                Inline::Date { date, .. } => out.push(("date".into(), date.to_string())),
                _ => {}
            }
        }
    }

    /// A reference in short: `work:Body/date/number`, `symbol:…`, `url:…`.
    fn shown(to: &Reference) -> String {
        match to {
            Reference::Work { body, date, number } => format!("work:{body:?}/{date}/{number}"),
            Reference::Symbol(symbol) => format!("symbol:{symbol}"),
            Reference::Url(url) => format!("url:{url}"),
        }
    }

    fn plain(content: &[Inline]) -> String {
        content
            .iter()
            .map(|i| match i {
                Inline::Text(t) => t.clone(),
                Inline::Date { text, .. } => text.clone(),
                _ => String::new(),
            })
            .collect()
    }

    fn s(a: &str, b: &str) -> (String, String) {
        (a.into(), b.into())
    }

    #[test]
    fn general_assembly_citation_with_date() {
        assert_eq!(
            refs(
                "Recalling General Assembly resolution 60/251 of 15 March 2006,",
                Body::HumanRightsCouncil
            ),
            [s(
                "work:GeneralAssembly/2006-03-15/60-251",
                "General Assembly resolution 60/251 of 15 March 2006"
            )]
        );
    }

    #[test]
    fn its_resolutions_list_each_number_its_own_ref() {
        let found = refs(
            "its resolutions 20/17 of 6 July 2012, on the situation, 22/18 of 21 March 2013, in which it acted, 25/36 of 28 March 2014 and 46/28 of 24 March 2021, by which",
            Body::HumanRightsCouncil,
        );
        assert_eq!(
            found,
            [
                s(
                    "work:HumanRightsCouncil/2012-07-06/20-17",
                    "its resolutions 20/17 of 6 July 2012"
                ),
                s(
                    "work:HumanRightsCouncil/2013-03-21/22-18",
                    "22/18 of 21 March 2013"
                ),
                s(
                    "work:HumanRightsCouncil/2014-03-28/25-36",
                    "25/36 of 28 March 2014"
                ),
                s(
                    "work:HumanRightsCouncil/2021-03-24/46-28",
                    "46/28 of 24 March 2021"
                ),
            ]
        );
    }

    #[test]
    fn both_of_dates_the_list() {
        let found = refs(
            "Human Rights Council resolutions 5/1, on institution-building, and 5/2, on the Code, both of 18 June 2007,",
            Body::HumanRightsCouncil,
        );
        assert_eq!(
            found,
            [
                s(
                    "work:HumanRightsCouncil/2007-06-18/5-1",
                    "Human Rights Council resolutions 5/1"
                ),
                s("work:HumanRightsCouncil/2007-06-18/5-2", "5/2"),
                s("date", "2007-06-18"),
            ]
        );
    }

    #[test]
    fn security_council_and_old_forms() {
        assert_eq!(
            refs(
                "Security Council resolution 2690 (2023) of 30 June 2023",
                Body::HumanRightsCouncil
            ),
            [s(
                "work:SecurityCouncil/2023-06-30/2690-2023",
                "Security Council resolution 2690 (2023) of 30 June 2023"
            )]
        );
        assert_eq!(
            refs(
                "Security Council resolution 2690 (2023);",
                Body::GeneralAssembly
            ),
            [s(
                "symbol:S/RES/2690(2023)",
                "Security Council resolution 2690 (2023)"
            )]
        );
        assert_eq!(
            refs(
                "resolution 217 A (III) and 2200 A (XXI)",
                Body::GeneralAssembly
            ),
            [
                s("symbol:A/RES/217(III)", "resolution 217 A (III)"),
                s("symbol:A/RES/2200(XXI)", "2200 A (XXI)"),
            ]
        );
    }

    #[test]
    fn symbols_and_joint_symbols() {
        assert_eq!(
            refs(
                "see A/79/302-S/2024/600 and S/2021/1117.",
                Body::GeneralAssembly
            ),
            [
                s("symbol:A/79/302", "A/79/302"),
                s("symbol:S/2024/600", "S/2024/600"),
                s("symbol:S/2021/1117", "S/2021/1117"),
            ]
        );
    }

    #[test]
    fn dates_ranges_and_impossible_dates() {
        assert_eq!(
            refs(
                "on 8 December 2019, 5 December 2020 and 22 juillet 2023",
                Body::GeneralAssembly
            ),
            [
                s("date", "2019-12-08"),
                s("date", "2020-12-05"),
                s("date", "2023-07-22")
            ]
        );
        assert!(refs(
            "28 February–1 April 2022 and April 2022, 2024 to 2026",
            Body::GeneralAssembly
        )
        .is_empty());
        let mut warnings = Vec::new();
        let out = enrich_text("on 31 February 2022,", Body::GeneralAssembly, &mut warnings);
        assert_eq!(out, [Inline::text("on 31 February 2022,")]);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].offset, 3);
    }

    #[test]
    fn prose_with_slashes_yields_nothing() {
        assert!(refs(
            "and/or 24/7 on 1/4/2022 the 2019–2023 period",
            Body::GeneralAssembly
        )
        .is_empty());
    }

    proptest! {
        #[test]
        fn random_prose_never_yields_a_ref(text in "[a-z ,.;/0-9()-]{0,80}") {
            prop_assert!(refs(&text, Body::GeneralAssembly).iter().all(|(href, _)| href == "date"));
        }

        #[test]
        fn the_digit_check_agrees_with_a_plain_search(
            // A digit in one byte of 100 or so: runs without any, with one
            // in any 32-byte block, and with several are all common.
            bytes in proptest::collection::vec(
                prop_oneof![
                    100 => any::<u8>().prop_map(|b| if b.is_ascii_digit() { b'x' } else { b }),
                    1 => b'0'..=b'9',
                ],
                0..200,
            ),
        ) {
            prop_assert_eq!(has_ascii_digit(&bytes), bytes.iter().any(u8::is_ascii_digit));
        }

        #[test]
        fn text_is_kept_exactly(text in "\\PC{0,60}") {
            let mut warnings = Vec::new();
            let out = enrich_text(&text, Body::GeneralAssembly, &mut warnings);
            let mut joined = String::new();
            for inline in &out {
                match inline {
                    Inline::Text(t) => joined.push_str(t),
                    Inline::Date { text, .. } => joined.push_str(text),
                    Inline::Ref { content, .. } => joined.push_str(&plain(content)),
                    _ => {}
                }
            }
            prop_assert_eq!(joined, text);
        }
    }
}
