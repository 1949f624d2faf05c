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

/// Series roots that start UN document symbols.
const ROOTS: &[&str] = &[
    "A", "S", "E", "ST", "UNEP", "CCPR", "CEDAW", "CRC", "CERD", "CAT", "CMW", "CRPD", "CED", "TD",
    "DP", "UNW", "ICEF", "ICCD", "FCCC", "HRC", "SPLOS", "ISBA", "CTBT", "T", "UNCTAD", "UNDP",
    "UNICEF", "UNITAR", "ECE", "ESCAP", "ECLAC", "ESCWA", "IDB", "JIU", "UNHCR",
];

/// One part between slashes: `HRC`, `C.3`, `L.12`, `Rev.1`, `2021`, `ES-10`.
fn part(input: &str) -> IResult<&str, &str> {
    alt((
        recognize((tag("ES-"), digit1)),
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
