//! The lexical checks of the built-in types other than dates and
//! durations: boolean, decimal, integers, names, languages, with libxml2's
//! handling of surrounding blanks.

use super::*;

/// The lexical check of a built-in type, as `xmlSchemaValAtomicType` with
/// "normalize on the fly" (the value is un-normalized unless a facet or a
/// union asked for it).
pub(crate) fn lexical(b: Builtin, value: &str) -> bool {
    match b {
        Builtin::AnySimpleType | Builtin::String | Builtin::NormalizedString | Builtin::Token => {
            true
        }
        Builtin::Language => language(&collapse(value)),
        Builtin::Name => valid_name_spaced(value),
        Builtin::NCName | Builtin::Id | Builtin::IdRef => libxml_valid_ncname(value, true),
        Builtin::NmToken => valid_nmtoken_spaced(value),
        Builtin::AnyUri => match crate::uri::fast_any_uri(value) {
            Some(v) => v,
            None => libxml_any_uri(&collapse(value)),
        },
        Builtin::Boolean => boolean(value.as_bytes()),
        Builtin::Decimal => decimal(value.as_bytes()),
        Builtin::Integer
        | Builtin::NonNegativeInteger
        | Builtin::PositiveInteger
        | Builtin::NonPositiveInteger
        | Builtin::NegativeInteger => integer(b, value.as_bytes()),
        Builtin::Date => dates(DateKind::Date, value.as_bytes(), true),
        Builtin::DateTime => dates(DateKind::DateTime, value.as_bytes(), true),
        Builtin::Time => dates(DateKind::Time, value.as_bytes(), true),
        Builtin::GYear => dates(DateKind::GYear, value.as_bytes(), true),
        Builtin::GYearMonth => dates(DateKind::GYearMonth, value.as_bytes(), true),
        Builtin::GMonth => dates(DateKind::GMonth, value.as_bytes(), true),
        Builtin::GMonthDay => dates(DateKind::GMonthDay, value.as_bytes(), true),
        Builtin::GDay => dates(DateKind::GDay, value.as_bytes(), true),
        Builtin::Duration => duration(value.as_bytes(), true),
    }
}

/// Reads byte `i`, or 0 past the end (libxml2 works on NUL-terminated strings).
#[inline]
pub(super) fn at(s: &[u8], i: usize) -> u8 {
    s.get(i).copied().unwrap_or(0)
}

#[inline]
pub(super) fn blank(c: u8) -> bool {
    is_ws(c)
}

/// `xmlSchemaCheckLanguageType`: `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`.
pub(super) fn language(v: &str) -> bool {
    let mut first = true;
    let mut len = 0;
    for &c in v.as_bytes() {
        if !(c.is_ascii_alphabetic() || c == b'-' || (!first && c.is_ascii_digit())) {
            return false;
        }
        if c == b'-' {
            if !(1..=8).contains(&len) {
                return false;
            }
            len = 0;
            first = false;
        } else {
            len += 1;
        }
    }
    (1..=8).contains(&len)
}

pub(super) fn trim_blanks(v: &str) -> &str {
    v.trim_matches(|c: char| c.is_ascii() && is_ws(c as u8))
}

pub(super) fn valid_name_spaced(v: &str) -> bool {
    // xmlValidateName(value, 1) with the fourth-edition classes.
    let v = trim_blanks(v);
    let mut it = v.chars();
    match it.next() {
        Some(c) if crate::chars::old_is_letter(c as u32) || c == '_' || c == ':' => {}
        _ => return false,
    }
    it.all(old_name_char)
}

pub(super) fn old_name_char(c: char) -> bool {
    let u = c as u32;
    crate::chars::old_is_letter(u)
        || crate::chars::old_is_digit(u)
        || matches!(c, '.' | '-' | '_' | ':')
        || crate::chars::old_is_combining(u)
        || crate::chars::old_is_extender(u)
}

pub(super) fn valid_nmtoken_spaced(v: &str) -> bool {
    let v = trim_blanks(v);
    !v.is_empty() && v.chars().all(old_name_char)
}

pub(super) fn boolean(s: &[u8]) -> bool {
    let mut i = 0;
    while blank(at(s, i)) {
        i += 1;
    }
    let rest = &s[i.min(s.len())..];
    let n = if rest.starts_with(b"0") || rest.starts_with(b"1") {
        1
    } else if rest.starts_with(b"true") {
        4
    } else if rest.starts_with(b"false") {
        5
    } else {
        return false;
    };
    rest[n..].iter().all(|&c| blank(c))
}

pub(super) fn decimal(s: &[u8]) -> bool {
    let mut i = 0;
    if s.is_empty() {
        return false;
    }
    while blank(at(s, i)) {
        i += 1;
    }
    if at(s, i) == b'-' || at(s, i) == b'+' {
        i += 1;
    }
    if at(s, i) == 0 {
        return false;
    }
    let mut has_leading_zeroes = false;
    while at(s, i) == b'0' {
        i += 1;
        has_leading_zeroes = true;
    }
    let mut len = 0;
    if at(s, i) != 0 {
        loop {
            let c = at(s, i);
            if c.is_ascii_digit() {
                i += 1;
                len += 1;
            } else if c == b'.' {
                i += 1;
                loop {
                    if at(s, i).is_ascii_digit() {
                        i += 1;
                        len += 1;
                    } else {
                        break;
                    }
                    if len >= 24 {
                        break;
                    }
                }
                if len == 0 && !has_leading_zeroes {
                    return false;
                }
                break;
            } else {
                break;
            }
            if len >= 24 {
                break;
            }
        }
    }
    while blank(at(s, i)) {
        i += 1;
    }
    i >= s.len()
}

pub(super) fn integer(b: Builtin, s: &[u8]) -> bool {
    let mut i = 0;
    while blank(at(s, i)) {
        i += 1;
    }
    let mut negative = false;
    if at(s, i) == b'-' {
        negative = true;
        i += 1;
    } else if at(s, i) == b'+' {
        i += 1;
    }
    if !at(s, i).is_ascii_digit() {
        return false;
    }
    while at(s, i) == b'0' {
        i += 1;
    }
    let start = i;
    while at(s, i).is_ascii_digit() {
        i += 1;
    }
    let digits = i - start;
    if digits > 24 {
        return false;
    }
    while blank(at(s, i)) {
        i += 1;
    }
    if i < s.len() {
        return false;
    }
    let zero = digits == 0;
    match b {
        Builtin::NonPositiveInteger => negative || zero,
        Builtin::PositiveInteger => !negative && !zero,
        Builtin::NegativeInteger => negative && !zero,
        Builtin::NonNegativeInteger => !negative || zero,
        _ => true,
    }
}
