//! UN document symbols: `A/HRC/49/94`, `S/2021/1117`, `A/C.3/80/L.28/Rev.1`,
//! `S/AC.51/2020/11`, `E/CN.6/2023/L.3`, `A/ES-10/L.30`, `UNEP/EA.6/Res.1`.
//!
//! A symbol is a series root followed by `/`-separated parts, at least one of
//! which holds a digit; ordinary prose with slashes ("and/or", "24/7",
//! "1/4/2022") is never a symbol because its root is not a UN series.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::character::complete::{char, digit1, satisfy};
use nom::combinator::{not, opt, peek, recognize, verify};
use nom::multi::many1;
use nom::sequence::preceded;
use nom::{IResult, Parser};

use crate::model::Body;

/// Series roots that start UN document symbols.
const ROOTS: &[&str] = &[
    "A", "S", "E", "ST", "UNEP", "CCPR", "CEDAW", "CRC", "CERD", "CAT", "CMW", "CRPD", "CED", "TD",
    "DP", "UNW", "ICEF", "ICCD", "FCCC", "HRC", "SPLOS", "ISBA", "CTBT", "T", "UNCTAD", "UNDP",
    "UNICEF", "UNITAR", "ECE", "ESCAP", "ECLAC", "ESCWA", "IDB", "JIU", "UNHCR",
];

/// One part between slashes: `HRC`, `C.3`, `L.12`, `Rev.1`, `2021`, `ES-10`.
fn part(input: &str) -> IResult<&str, &str> {
    alt((
        recognize((alt((tag("ES-"), tag("S-"))), digit1)),
        recognize((
            satisfy(|c| c.is_ascii_uppercase()),
            take_while_m_n(0, 11, |c: char| c.is_ascii_alphabetic()),
            opt((char('.'), digit1)),
        )),
        recognize((digit1, opt(satisfy(|c| c.is_ascii_uppercase())))),
    ))
    .parse(input)
}

/// A document symbol at the start of `input`; returns it as printed.
pub fn document_symbol(input: &str) -> IResult<&str, &str> {
    let (rest, symbol) = verify(
        recognize((
            take_while1(|c: char| c.is_ascii_uppercase()),
            many1(preceded(char('/'), part)),
        )),
        |s: &str| {
            let root = &s[..s.find('/').unwrap_or(s.len())];
            ROOTS.contains(&root) && s.contains(|c: char| c.is_ascii_digit())
        },
    )
    .parse(input)?;
    // Not glued to more letters or digits ("A/80/1x" is not a symbol).
    not(peek(satisfy(|c: char| c.is_alphanumeric() || c == '/'))).parse(rest)?;
    Ok((rest, symbol))
}

/// Whether `text` is exactly one document symbol.
pub fn is_symbol(text: &str) -> bool {
    matches!(document_symbol(text), Ok(("", _)))
}

/// What a document symbol says about the document it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SymbolIdentity {
    /// The kind the symbol series means: `RES` a resolution, `DEC` a
    /// decision, `PRST` a presidential statement, `L.` a draft (a
    /// resolution draft unless the text says it is a draft decision or an
    /// amendment).
    pub kind: SymbolKind,
    /// The body whose series it is.
    pub body: Body,
    /// The FRBR work number: the printed number with `/` as `-`
    /// (`67-1949`, `2024-3`, `S-36-1`, `A-C.3-80-L.28-Rev.1`).
    pub work_number: String,
    /// The number as printed (`67 (1949)`, `2024/3`, `S-36/1`), for
    /// `FRBRnumber@showAs`; drafts: the whole symbol.
    pub number_shown: String,
    /// The session, where the symbol has one (`49` in `A/HRC/RES/49/34`).
    pub session: Option<u32>,
}

/// The kind of document a symbol series stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    /// `…/RES/…`, `UNEP/EA.n/Res.m`.
    Resolution,
    /// `…/DEC/…`, `UNEP/EA.n/Dec.m`, "decision 75/553".
    Decision,
    /// `S/PRST/…`, `A/HRC/PRST/…`.
    PresidentialStatement,
    /// An L. document (`A/C.3/80/L.28`, `A/HRC/58/L.12/Rev.1`).
    Draft,
}

/// Reads a resolution, decision, statement or draft symbol in every
/// numbering scheme the UN uses: `S/RES/67 (1949)`, `S/RES/678(1990)`,
/// `E/RES/2023/5`, `UNEP/EA.2/Res.10`, `A/HRC/RES/S-36/1`, `A/RES/ES-11/1`,
/// `A/RES/217 (III)`, `A/DEC/75/553` (also "decision 75/553"),
/// `S/PRST/2024/3`, `A/HRC/PRST/OS/12/1`, `A/C.3/80/L.28/Rev.1`. `None` for
/// anything else (a report's symbol, prose).
pub fn classify(symbol: &str) -> Option<SymbolIdentity> {
    let symbol = symbol.trim();
    let dashed = |number: &str| super::citation::work_number(number);
    let session_of = |number: &str| {
        number
            .split(['/', ' '])
            .next()
            .and_then(|s| s.parse::<u32>().ok())
    };
    if let Some(number) = symbol
        .strip_prefix("decision ")
        .or_else(|| symbol.strip_prefix("Decision "))
    {
        let number = number.trim();
        let ok = number.split_once('/').is_some_and(|(s, n)| {
            s.bytes().all(|b| b.is_ascii_digit())
                && !s.is_empty()
                && n.starts_with(|c: char| c.is_ascii_digit())
        });
        return ok.then(|| SymbolIdentity {
            kind: SymbolKind::Decision,
            body: Body::GeneralAssembly,
            work_number: dashed(number),
            number_shown: number.to_string(),
            session: session_of(number),
        });
    }
    if !is_symbol(symbol) && !symbol.contains(" (") && !symbol.contains("/RES/") {
        return None;
    }
    // UNEP/EA.2/Res.10, UNEP/EA.5/Dec.1
    if let Some(rest) = symbol.strip_prefix("UNEP/EA.") {
        let (session, item) = rest.split_once('/')?;
        let session_number = session.parse::<u32>().ok()?;
        let (kind, number) = if let Some(n) = item.strip_prefix("Res.") {
            (SymbolKind::Resolution, n)
        } else if let Some(n) = item.strip_prefix("Dec.") {
            (SymbolKind::Decision, n)
        } else if item.starts_with("L.") {
            return Some(draft(symbol, Body::EnvironmentAssembly));
        } else {
            return None;
        };
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        return Some(SymbolIdentity {
            kind,
            body: Body::EnvironmentAssembly,
            work_number: format!("{session}-{number}"),
            number_shown: format!("{session}/{number}"),
            session: Some(session_number),
        });
    }
    let (body, rest) = if let Some(rest) = symbol.strip_prefix("A/HRC/") {
        (Body::HumanRightsCouncil, rest)
    } else if let Some(rest) = symbol.strip_prefix("A/") {
        (Body::GeneralAssembly, rest)
    } else if let Some(rest) = symbol.strip_prefix("S/") {
        (Body::SecurityCouncil, rest)
    } else if let Some(rest) = symbol.strip_prefix("E/") {
        (Body::EconomicAndSocialCouncil, rest)
    } else {
        return None;
    };
    let series = [
        ("RES/", SymbolKind::Resolution),
        ("DEC/", SymbolKind::Decision),
        ("PRST/", SymbolKind::PresidentialStatement),
    ];
    for (prefix, kind) in series {
        let Some(number) = rest.strip_prefix(prefix) else {
            continue;
        };
        let number = number.trim();
        if number.is_empty() || !number.contains(|c: char| c.is_ascii_digit()) {
            return None;
        }
        // "678(1990)" is printed "678 (1990)".
        let shown = match number.find('(') {
            Some(open) if !number[..open].ends_with(' ') => {
                format!("{} {}", &number[..open], &number[open..])
            }
            _ => number.to_string(),
        };
        let session = match body {
            Body::SecurityCouncil | Body::EconomicAndSocialCouncil => None,
            _ => session_of(number),
        };
        return Some(SymbolIdentity {
            kind,
            body,
            work_number: dashed(&shown),
            number_shown: shown,
            session,
        });
    }
    symbol
        .split('/')
        .any(|part| part.starts_with("L.") && part.len() > 2)
        .then(|| draft(symbol, body))
}

/// A draft (L. document): the whole symbol is its number.
fn draft(symbol: &str, body: Body) -> SymbolIdentity {
    let session = symbol
        .split('/')
        .find_map(|p| p.parse::<u32>().ok().filter(|n| *n < 1000))
        .or_else(|| {
            symbol
                .split('/')
                .find_map(|p| p.strip_prefix("EA.").and_then(|n| n.parse().ok()))
        });
    SymbolIdentity {
        kind: SymbolKind::Draft,
        body,
        work_number: super::citation::work_number(symbol),
        number_shown: symbol.to_string(),
        session,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn symbols_of_every_series() {
        for s in [
            "A/HRC/49/94",
            "S/2021/1117",
            "S/AC.51/2020/11",
            "A/HRC/RES/49/34",
            "A/C.3/80/L.28",
            "A/C.3/80/L.28/Rev.1",
            "E/CN.6/2023/L.3",
            "A/ES-10/L.30",
            "A/80/L.2/Add.2",
            "A/79/PV.39",
            "UNEP/EA.6/L.12",
            "A/RES/80/1",
            "A/INF/79/4",
            "A/HRC/RES/S-36/1",
            "S/PRST/2024/3",
            "A/HRC/PRST/OS/12/1",
            "UNEP/EA.2/Res.10",
        ] {
            assert!(is_symbol(s), "{s}");
        }
    }

    #[test]
    fn trailing_punctuation_is_not_part_of_the_symbol() {
        assert_eq!(document_symbol("A/HRC/49/94."), Ok((".", "A/HRC/49/94")));
        assert_eq!(
            document_symbol("S/2020/1332, annex"),
            Ok((", annex", "S/2020/1332"))
        );
    }

    #[test]
    fn prose_with_slashes_is_not_a_symbol() {
        for s in [
            "and/or", "24/7", "1/4/2022", "A/B", "AND/OR 3", "A/80/1x", "Q/1/2",
        ] {
            assert!(document_symbol(s).is_err(), "{s}");
        }
    }

    #[test]
    fn every_numbering_scheme() {
        let cases = [
            (
                "S/RES/67 (1949)",
                SymbolKind::Resolution,
                Body::SecurityCouncil,
                "67-1949",
                "67 (1949)",
            ),
            (
                "S/RES/678(1990)",
                SymbolKind::Resolution,
                Body::SecurityCouncil,
                "678-1990",
                "678 (1990)",
            ),
            (
                "E/RES/2023/5",
                SymbolKind::Resolution,
                Body::EconomicAndSocialCouncil,
                "2023-5",
                "2023/5",
            ),
            (
                "UNEP/EA.2/Res.10",
                SymbolKind::Resolution,
                Body::EnvironmentAssembly,
                "2-10",
                "2/10",
            ),
            (
                "A/HRC/RES/S-36/1",
                SymbolKind::Resolution,
                Body::HumanRightsCouncil,
                "S-36-1",
                "S-36/1",
            ),
            (
                "A/RES/ES-11/1",
                SymbolKind::Resolution,
                Body::GeneralAssembly,
                "ES-11-1",
                "ES-11/1",
            ),
            (
                "A/RES/217 (III)",
                SymbolKind::Resolution,
                Body::GeneralAssembly,
                "217-III",
                "217 (III)",
            ),
            (
                "A/DEC/75/553",
                SymbolKind::Decision,
                Body::GeneralAssembly,
                "75-553",
                "75/553",
            ),
            (
                "decision 75/553",
                SymbolKind::Decision,
                Body::GeneralAssembly,
                "75-553",
                "75/553",
            ),
            (
                "A/HRC/DEC/49/101",
                SymbolKind::Decision,
                Body::HumanRightsCouncil,
                "49-101",
                "49/101",
            ),
            (
                "S/PRST/2024/3",
                SymbolKind::PresidentialStatement,
                Body::SecurityCouncil,
                "2024-3",
                "2024/3",
            ),
            (
                "A/HRC/PRST/OS/12/1",
                SymbolKind::PresidentialStatement,
                Body::HumanRightsCouncil,
                "OS-12-1",
                "OS/12/1",
            ),
            (
                "A/HRC/PRST/19/1",
                SymbolKind::PresidentialStatement,
                Body::HumanRightsCouncil,
                "19-1",
                "19/1",
            ),
            (
                "A/C.3/80/L.28/Rev.1",
                SymbolKind::Draft,
                Body::GeneralAssembly,
                "A-C.3-80-L.28-Rev.1",
                "A/C.3/80/L.28/Rev.1",
            ),
            (
                "A/HRC/58/L.12",
                SymbolKind::Draft,
                Body::HumanRightsCouncil,
                "A-HRC-58-L.12",
                "A/HRC/58/L.12",
            ),
            (
                "E/2023/L.5",
                SymbolKind::Draft,
                Body::EconomicAndSocialCouncil,
                "E-2023-L.5",
                "E/2023/L.5",
            ),
            (
                "UNEP/EA.6/L.12",
                SymbolKind::Draft,
                Body::EnvironmentAssembly,
                "UNEP-EA.6-L.12",
                "UNEP/EA.6/L.12",
            ),
        ];
        for (symbol, kind, body, work, shown) in cases {
            let found = classify(symbol).unwrap_or_else(|| panic!("{symbol}"));
            assert_eq!((found.kind, found.body), (kind, body), "{symbol}");
            assert_eq!(found.work_number, work, "{symbol}");
            assert_eq!(found.number_shown, shown, "{symbol}");
        }
        assert_eq!(classify("A/HRC/RES/49/34").unwrap().session, Some(49));
        assert_eq!(classify("A/80/L.2").unwrap().session, Some(80));
    }

    #[test]
    fn other_symbols_are_no_identity() {
        for s in [
            "S/1234",
            "A/80/545",
            "A/HRC/49/94",
            "decision of the Council",
            "and/or",
            "",
        ] {
            assert_eq!(classify(s), None, "{s}");
        }
    }

    proptest! {
        #[test]
        fn generated_symbols_parse_whole(
            root in prop::sample::select(vec!["A", "S", "E", "A/HRC", "A/C.3", "E/CN.6", "S/AC.51"]),
            session in 1u32..100,
            number in 1u32..3000,
            draft in any::<bool>(),
            suffix in prop::sample::select(vec!["", "/Rev.1", "/Add.2", "/Corr.1"]),
        ) {
            let symbol = if draft {
                format!("{root}/{session}/L.{number}{suffix}")
            } else {
                format!("{root}/{session}/{number}{suffix}")
            };
            let text = format!("{symbol}, and more");
            prop_assert_eq!(document_symbol(&text), Ok((", and more", symbol.as_str())));
        }

        #[test]
        fn lowercase_prose_never_is_a_symbol(text in "[a-z0-9 /,.]{0,40}") {
            prop_assert!(document_symbol(&text).is_err());
        }
    }
}
