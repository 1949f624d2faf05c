//! Calendar dates as the UN prints them: "1 April 2022", "22 juillet 2023",
//! "1er avril 2022". Checked with chrono: "31 February 2022" is not a date.

use chrono::NaiveDate;
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case};
use nom::character::complete::{char, digit1, satisfy};
use nom::combinator::{map_opt, map_res, not, opt, peek, recognize, verify};
use nom::multi::many_m_n;
use nom::{IResult, Parser};

/// English and French month names, in calendar order.
const MONTHS: [[&str; 2]; 12] = [
    ["January", "janvier"],
    ["February", "février"],
    ["March", "mars"],
    ["April", "avril"],
    ["May", "mai"],
    ["June", "juin"],
    ["July", "juillet"],
    ["August", "août"],
    ["September", "septembre"],
    ["October", "octobre"],
    ["November", "novembre"],
    ["December", "décembre"],
];

/// A month name, English or French, any case: its number (1–12).
pub fn month(input: &str) -> IResult<&str, u32> {
    // Every name starts with an ASCII letter: compare that first.
    let first = input.as_bytes().first().map(u8::to_ascii_lowercase);
    for (index, names) in MONTHS.iter().enumerate() {
        for name in names {
            if name.as_bytes().first().map(u8::to_ascii_lowercase) != first {
                continue;
            }
            let parsed: IResult<&str, &str> = tag_no_case(*name).parse(input);
            if let Ok((rest, _)) = parsed {
                if !rest.starts_with(char::is_alphabetic) {
                    return Ok((rest, index as u32 + 1));
                }
            }
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Tag,
    )))
}

fn number(min: usize, max: usize) -> impl FnMut(&str) -> IResult<&str, u32> {
    move |input| {
        map_res(
            verify(digit1, |d: &str| (min..=max).contains(&d.len())),
            str::parse,
        )
        .parse(input)
    }
}

fn space(input: &str) -> IResult<&str, &str> {
    recognize(many_m_n(1, 3, satisfy(|c| c == ' ' || c == '\u{a0}'))).parse(input)
}

/// A four-digit year not glued to a following digit or letter.
pub fn year(input: &str) -> IResult<&str, i32> {
    let (rest, year) = number(4, 4).parse(input)?;
    not(peek(satisfy(char::is_alphanumeric))).parse(rest)?;
    Ok((rest, year as i32))
}

/// A full calendar date, "1 April 2022": day, month name, four-digit year,
/// and a real date (chrono decides). Fails on anything else, so the text stays
/// text.
pub fn date(input: &str) -> IResult<&str, NaiveDate> {
    if let Some((date, len)) = crate::lang::date::date(input) {
        return Ok((&input[len..], date));
    }
    map_opt(day_month_year, |(day, month, year)| {
        NaiveDate::from_ymd_opt(year, month, day)
    })
    .parse(input)
}

/// The shape of a date, "1st April 2022" or "1er avril, 2022": day, month
/// and year, whether or not the calendar has that day.
fn day_month_year(input: &str) -> IResult<&str, (u32, u32, i32)> {
    (
        number(1, 2),
        opt(alt((tag("er"), tag("st"), tag("nd"), tag("rd"), tag("th")))),
        space,
        month,
        opt(char(',')),
        space,
        year,
    )
        .map(|(day, _, _, month, _, _, year)| (day, month, year))
        .parse(input)
}

/// Like [`date`], but also says when the shape was a date and the calendar
/// said no ("31 February 2022"): `Err(Some(len))` with the length of the text.
pub fn date_or_impossible(input: &str) -> Result<(&str, NaiveDate), Option<usize>> {
    if let Ok(found) = date(input) {
        return Ok(found);
    }
    let shape = day_month_year(input);
    Err(shape.ok().map(|(rest, _)| input.len() - rest.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn english_and_french_dates() {
        assert_eq!(date("1 April 2022,").unwrap(), (",", ymd(2022, 4, 1)));
        assert_eq!(date("22 juillet 2023").unwrap().1, ymd(2023, 7, 22));
        assert_eq!(date("1er avril 2022").unwrap().1, ymd(2022, 4, 1));
        assert_eq!(date("15 NOVEMBER 2024").unwrap().1, ymd(2024, 11, 15));
        assert_eq!(date("4 décembre 1990").unwrap().1, ymd(1990, 12, 4));
    }

    #[test]
    fn impossible_and_partial_dates_are_not_dates() {
        assert!(date("31 February 2022").is_err());
        assert_eq!(date_or_impossible("31 February 2022 x"), Err(Some(16)));
        assert_eq!(date_or_impossible("April 2022"), Err(None));
        assert!(date("1 Aprilis 2022").is_err());
        assert!(date("1 April 20221").is_err());
        assert!(date("123 April 2022").is_err());
    }

    proptest! {
        #[test]
        fn printed_dates_round_trip(days in 0i64..80_000, french in any::<bool>()) {
            let d = ymd(1900, 1, 1) + chrono::Duration::days(days);
            let month = MONTHS[chrono::Datelike::month0(&d) as usize][french as usize];
            let text = format!("{} {} {}", chrono::Datelike::day(&d), month, chrono::Datelike::year(&d));
            prop_assert_eq!(date(&text).unwrap(), ("", d));
        }
    }
}
