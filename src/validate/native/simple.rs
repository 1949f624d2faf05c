//! Simple types: the built-in datatypes the schema uses, the facets it
//! applies (enumeration, pattern), lists and unions, with the exact lexical
//! rules and whitespace handling of libxml2 2.9 (`xmlSchemaVCheckCVCSimpleType`
//! and `xmlSchemaValAtomicType`).
//!
//! Whitespace: an attribute value reaches a built-in type *un-normalized*
//! unless its type carries an enumeration or pattern facet (then it is
//! normalized by the type's whiteSpace facet first) or it is a union member
//! (always normalized). Each built-in then tolerates surrounding blanks in its
//! own way, as libxml2's "normalize on the fly" does: `xs:boolean`,
//! `xs:integer` and `xs:duration` skip leading blanks and (except duration)
//! trailing ones, `xs:dateTime` skips leading blanks only before a time zone,
//! `xs:anyURI` and `xs:language` collapse. These quirks are reproduced on
//! purpose; the unit tests pin them.

use super::chars::{is_ws, libxml_valid_ncname};
use super::regex::Regex;
use super::uri::libxml_any_uri;

/// Index of a simple type in [`SimpleTypes`].
pub(super) type SimpleId = u32;

/// The built-in datatypes supported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Builtin {
    AnySimpleType,
    String,
    NormalizedString,
    Token,
    Language,
    Name,
    NCName,
    Id,
    IdRef,
    NmToken,
    AnyUri,
    Boolean,
    Decimal,
    Integer,
    NonNegativeInteger,
    PositiveInteger,
    NonPositiveInteger,
    NegativeInteger,
    Date,
    DateTime,
    Time,
    Duration,
    GYear,
    GYearMonth,
    GMonth,
    GMonthDay,
    GDay,
}

impl Builtin {
    /// The built-in type of an XML Schema local name, if supported.
    pub(super) fn from_name(name: &str) -> Option<Builtin> {
        Some(match name {
            "anySimpleType" => Builtin::AnySimpleType,
            "string" => Builtin::String,
            "normalizedString" => Builtin::NormalizedString,
            "token" => Builtin::Token,
            "language" => Builtin::Language,
            "Name" => Builtin::Name,
            "NCName" => Builtin::NCName,
            "ID" => Builtin::Id,
            "IDREF" => Builtin::IdRef,
            "NMTOKEN" => Builtin::NmToken,
            "anyURI" => Builtin::AnyUri,
            "boolean" => Builtin::Boolean,
            "decimal" => Builtin::Decimal,
            "integer" => Builtin::Integer,
            "nonNegativeInteger" => Builtin::NonNegativeInteger,
            "positiveInteger" => Builtin::PositiveInteger,
            "nonPositiveInteger" => Builtin::NonPositiveInteger,
            "negativeInteger" => Builtin::NegativeInteger,
            "date" => Builtin::Date,
            "dateTime" => Builtin::DateTime,
            "time" => Builtin::Time,
            "duration" => Builtin::Duration,
            "gYear" => Builtin::GYear,
            "gYearMonth" => Builtin::GYearMonth,
            "gMonth" => Builtin::GMonth,
            "gMonthDay" => Builtin::GMonthDay,
            "gDay" => Builtin::GDay,
            _ => return None,
        })
    }

    /// The XML Schema name, for messages.
    pub(super) fn name(self) -> &'static str {
        match self {
            Builtin::AnySimpleType => "anySimpleType",
            Builtin::String => "string",
            Builtin::NormalizedString => "normalizedString",
            Builtin::Token => "token",
            Builtin::Language => "language",
            Builtin::Name => "Name",
            Builtin::NCName => "NCName",
            Builtin::Id => "ID",
            Builtin::IdRef => "IDREF",
            Builtin::NmToken => "NMTOKEN",
            Builtin::AnyUri => "anyURI",
            Builtin::Boolean => "boolean",
            Builtin::Decimal => "decimal",
            Builtin::Integer => "integer",
            Builtin::NonNegativeInteger => "nonNegativeInteger",
            Builtin::PositiveInteger => "positiveInteger",
            Builtin::NonPositiveInteger => "nonPositiveInteger",
            Builtin::NegativeInteger => "negativeInteger",
            Builtin::Date => "date",
            Builtin::DateTime => "dateTime",
            Builtin::Time => "time",
            Builtin::Duration => "duration",
            Builtin::GYear => "gYear",
            Builtin::GYearMonth => "gYearMonth",
            Builtin::GMonth => "gMonth",
            Builtin::GMonthDay => "gMonthDay",
            Builtin::GDay => "gDay",
        }
    }

    /// The whiteSpace facet of the built-in type.
    pub(super) fn whitespace(self) -> Ws {
        match self {
            Builtin::AnySimpleType | Builtin::String => Ws::Preserve,
            Builtin::NormalizedString => Ws::Replace,
            _ => Ws::Collapse,
        }
    }
}

/// A whiteSpace facet value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ws {
    Preserve,
    Replace,
    Collapse,
}

/// What a simple type is made of.
#[derive(Clone, Debug)]
pub(super) enum Variety {
    /// An atomic type; its built-in ancestor is [`SimpleType::builtin`].
    Atomic,
    /// A list of items of the given type.
    List(SimpleId),
    /// A union of the given member types, tried in order.
    Union(Vec<SimpleId>),
}

/// A simple type definition with its facets resolved along the derivation chain.
#[derive(Clone, Debug)]
pub(super) struct SimpleType {
    /// A name for messages (`xs:date`, `noWhiteSpace`, `local list type`).
    pub(super) name: String,
    pub(super) variety: Variety,
    /// The built-in ancestor (atomic types); `AnySimpleType` otherwise.
    pub(super) builtin: Builtin,
    /// The whiteSpace facet in force.
    pub(super) ws: Ws,
    /// The nearest enumeration facet on the derivation chain.
    pub(super) enums: Option<Vec<String>>,
    /// Pattern facets, one group per derivation step: a value must match
    /// some pattern of every group.
    pub(super) patterns: Vec<Vec<Regex>>,
    /// The base type (for derivation checks of `xsi:type`).
    pub(super) base: Option<SimpleId>,
}

impl SimpleType {
    /// A built-in type as a simple type definition.
    pub(super) fn builtin(b: Builtin) -> SimpleType {
        SimpleType {
            name: format!("xs:{}", b.name()),
            variety: Variety::Atomic,
            builtin: b,
            ws: b.whitespace(),
            enums: None,
            patterns: Vec::new(),
            base: None,
        }
    }

    fn has_facets(&self) -> bool {
        self.enums.is_some() || !self.patterns.is_empty()
    }

    /// libxml2's `XML_SCHEMAS_TYPE_NORMVALUENEEDED`: set by pattern or
    /// enumeration facets.
    fn norm_needed(&self) -> bool {
        self.has_facets()
    }
}

/// Applies a whiteSpace facet.
pub(super) fn normalize(value: &str, ws: Ws) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    match ws {
        Ws::Preserve => Cow::Borrowed(value),
        Ws::Replace => {
            if value.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r')) {
                Cow::Owned(value.replace(['\t', '\n', '\r'], " "))
            } else {
                Cow::Borrowed(value)
            }
        }
        Ws::Collapse => collapse(value),
    }
}

/// Collapses white space: trims, and turns each inner run of blanks into one space.
pub(super) fn collapse(value: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let b = value.as_bytes();
    let mut clean = !b.first().is_some_and(|&c| is_ws(c)) && !b.last().is_some_and(|&c| is_ws(c));
    if clean {
        let mut prev_space = false;
        for &c in b {
            if matches!(c, b'\t' | b'\n' | b'\r') || (c == b' ' && prev_space) {
                clean = false;
                break;
            }
            prev_space = c == b' ';
        }
    }
    if clean {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len());
    for word in value
        .split(|c: char| c.is_ascii() && is_ws(c as u8))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// The table of simple types of a compiled schema.
#[derive(Debug, Default)]
pub(super) struct SimpleTypes {
    pub(super) types: Vec<SimpleType>,
}

impl SimpleTypes {
    /// Adds a type, returning its id.
    pub(super) fn add(&mut self, t: SimpleType) -> SimpleId {
        self.types.push(t);
        (self.types.len() - 1) as SimpleId
    }

    /// The type with this id.
    pub(super) fn get(&self, id: SimpleId) -> &SimpleType {
        &self.types[id as usize]
    }

    /// True if the type is `xs:ID` or derived from it.
    pub(super) fn is_id(&self, id: SimpleId) -> bool {
        let t = self.get(id);
        matches!(t.variety, Variety::Atomic) && t.builtin == Builtin::Id
    }

    /// Validates `value` against the type, as libxml2's
    /// `xmlSchemaVCheckCVCSimpleType(type, value, normalize, isNormalized)`.
    pub(super) fn check(&self, id: SimpleId, value: &str, normalize_first: bool) -> bool {
        self.check_inner(id, value, normalize_first, false)
    }

    fn check_inner(
        &self,
        id: SimpleId,
        value: &str,
        normalize_first: bool,
        is_normalized: bool,
    ) -> bool {
        let t = self.get(id);
        let norm;
        let mut value = value;
        if !is_normalized && (normalize_first || t.norm_needed()) {
            let ws = match t.variety {
                Variety::List(_) => Ws::Collapse,
                _ => t.ws,
            };
            norm = normalize(value, ws);
            value = &norm;
        }
        match &t.variety {
            Variety::Atomic => {
                if !lexical(t.builtin, value) {
                    return false;
                }
                !t.has_facets() || self.facets(t, value)
            }
            Variety::List(item) => {
                for token in value
                    .split(|c: char| c.is_ascii() && is_ws(c as u8))
                    .filter(|w| !w.is_empty())
                {
                    if !self.check_inner(*item, token, false, true) {
                        return false;
                    }
                }
                !t.has_facets() || self.facets(t, value)
            }
            Variety::Union(members) => {
                let Some(member) = members
                    .iter()
                    .find(|&&m| self.check_inner(m, value, true, false))
                else {
                    return false;
                };
                if !t.has_facets() {
                    return true;
                }
                let n = normalize(value, self.get(*member).ws);
                self.facets(t, &n)
            }
        }
    }

    fn facets(&self, t: &SimpleType, value: &str) -> bool {
        if let Some(enums) = &t.enums {
            if !enums.iter().any(|e| e == value) {
                return false;
            }
        }
        t.patterns.iter().all(|group| {
            group.iter().any(|r| {
                if r.no_whitespace_plus() {
                    !value.is_empty() && !value.bytes().any(is_ws)
                } else {
                    r.is_match(value)
                }
            })
        })
    }
}

/// The lexical check of a built-in type, as `xmlSchemaValAtomicType` with
/// "normalize on the fly" (the value is un-normalized unless a facet or a
/// union asked for it).
pub(super) fn lexical(b: Builtin, value: &str) -> bool {
    match b {
        Builtin::AnySimpleType | Builtin::String | Builtin::NormalizedString | Builtin::Token => {
            true
        }
        Builtin::Language => language(&collapse(value)),
        Builtin::Name => valid_name_spaced(value),
        Builtin::NCName | Builtin::Id | Builtin::IdRef => libxml_valid_ncname(value, true),
        Builtin::NmToken => valid_nmtoken_spaced(value),
        Builtin::AnyUri => match super::uri::fast_any_uri(value) {
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
fn at(s: &[u8], i: usize) -> u8 {
    s.get(i).copied().unwrap_or(0)
}

#[inline]
fn blank(c: u8) -> bool {
    is_ws(c)
}

/// `xmlSchemaCheckLanguageType`: `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`.
fn language(v: &str) -> bool {
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

fn trim_blanks(v: &str) -> &str {
    v.trim_matches(|c: char| c.is_ascii() && is_ws(c as u8))
}

fn valid_name_spaced(v: &str) -> bool {
    // xmlValidateName(value, 1) with the fourth-edition classes.
    let v = trim_blanks(v);
    let mut it = v.chars();
    match it.next() {
        Some(c) if super::chars::old_is_letter(c as u32) || c == '_' || c == ':' => {}
        _ => return false,
    }
    it.all(old_name_char)
}

fn old_name_char(c: char) -> bool {
    let u = c as u32;
    super::chars::old_is_letter(u)
        || super::chars::old_is_digit(u)
        || matches!(c, '.' | '-' | '_' | ':')
        || super::chars::old_is_combining(u)
        || super::chars::old_is_extender(u)
}

fn valid_nmtoken_spaced(v: &str) -> bool {
    let v = trim_blanks(v);
    !v.is_empty() && v.chars().all(old_name_char)
}

fn boolean(s: &[u8]) -> bool {
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

fn decimal(s: &[u8]) -> bool {
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

fn integer(b: Builtin, s: &[u8]) -> bool {
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

/// The date/time types recognised by `xmlSchemaValidateDates`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DateKind {
    Date,
    DateTime,
    Time,
    GYear,
    GYearMonth,
    GMonth,
    GMonthDay,
    GDay,
}

/// The fields libxml2 fills while parsing a date (it reuses one record across
/// its attempts, so stale fields are kept the same way).
#[derive(Default)]
struct Dt {
    year: i64,
    mon: u32,
    day: u32,
    hour: i32,
    min: i32,
    sec: f64,
    tzo: i32,
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

const DAYS: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAYS_LEAP: [u32; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

impl Dt {
    fn valid_mday(&self) -> bool {
        let m = (self.mon.clamp(1, 12) - 1) as usize;
        if is_leap(self.year) {
            self.day <= DAYS_LEAP[m]
        } else {
            self.day <= DAYS[m]
        }
    }
    fn valid_date(&self) -> bool {
        self.year != 0 && (1..=12).contains(&self.mon) && self.valid_mday()
    }
    fn valid_time(&self) -> bool {
        let hms = (0..=23).contains(&self.hour)
            && (0..=59).contains(&self.min)
            && self.sec >= 0.0
            && self.sec < 60.0;
        let end_of_day = self.hour == 24 && self.min == 0 && self.sec == 0.0;
        (hms || end_of_day) && (-840..=840).contains(&self.tzo)
    }
}

/// `PARSE_2_DIGITS`: `None` if invalid; always advances by two.
fn two_digits(s: &[u8], i: &mut usize) -> Option<u32> {
    let (a, b) = (at(s, *i), at(s, *i + 1));
    if a == 0 {
        // libxml2 stops at the NUL; it does not matter, the caller fails.
        *i += 1;
        return None;
    }
    *i += 2;
    if a.is_ascii_digit() && b.is_ascii_digit() {
        Some(u32::from(a - b'0') * 10 + u32::from(b - b'0'))
    } else {
        None
    }
}

/// `_xmlSchemaParseGYear`: 0 ok, 1/2 errors.
fn parse_year(dt: &mut Dt, s: &[u8], i: &mut usize) -> i32 {
    let mut cur = *i;
    let c = at(s, cur);
    if !c.is_ascii_digit() && c != b'-' && c != b'+' {
        return -1;
    }
    let mut neg = false;
    if c == b'-' {
        neg = true;
        cur += 1;
    }
    let first = at(s, cur);
    let mut digits = 0;
    while at(s, cur).is_ascii_digit() {
        let d = i64::from(at(s, cur) - b'0');
        if dt.year > i64::MAX / 10 {
            return 2;
        }
        dt.year *= 10;
        if dt.year > i64::MAX - d {
            return 2;
        }
        dt.year += d;
        cur += 1;
        digits += 1;
    }
    if digits < 4 || (digits > 4 && first == b'0') {
        return 1;
    }
    if neg {
        dt.year = -dt.year;
    }
    if dt.year == 0 {
        return 2;
    }
    *i = cur;
    0
}

fn parse_month(dt: &mut Dt, s: &[u8], i: &mut usize) -> i32 {
    two_digit_field(s, i, 12).map_or_else(
        |status| status,
        |v| {
            dt.mon = v;
            0
        },
    )
}

fn parse_day(dt: &mut Dt, s: &[u8], i: &mut usize) -> i32 {
    two_digit_field(s, i, 31).map_or_else(
        |status| status,
        |v| {
            dt.day = v;
            0
        },
    )
}

/// Two digits from 1 to `max` at `*i`, which moves past them; otherwise
/// libxml2's status: 1 not two digits, 2 out of range (and `*i` stays).
fn two_digit_field(s: &[u8], i: &mut usize, max: u32) -> Result<u32, i32> {
    let mut cur = *i;
    let v = two_digits(s, &mut cur).ok_or(1)?;
    if !(1..=max).contains(&v) {
        return Err(2);
    }
    *i = cur;
    Ok(v)
}

fn parse_time(dt: &mut Dt, s: &[u8], i: &mut usize) -> i32 {
    let mut cur = *i;
    let Some(h) = two_digits(s, &mut cur) else {
        return 1;
    };
    if at(s, cur) != b':' {
        return 1;
    }
    if h > 23 && h != 24 {
        return 2;
    }
    cur += 1;
    dt.hour = h as i32;
    let Some(m) = two_digits(s, &mut cur) else {
        return 1;
    };
    if m > 59 {
        return 2;
    }
    dt.min = m as i32;
    if at(s, cur) != b':' {
        return 1;
    }
    cur += 1;
    // PARSE_FLOAT
    let Some(sec) = two_digits(s, &mut cur) else {
        return 1;
    };
    dt.sec = f64::from(sec);
    if at(s, cur) == b'.' {
        let mut mult = 1.0;
        cur += 1;
        if !at(s, cur).is_ascii_digit() {
            return 1;
        }
        while at(s, cur).is_ascii_digit() {
            mult /= 10.0;
            dt.sec += f64::from(at(s, cur) - b'0') * mult;
            cur += 1;
        }
    }
    if !dt.valid_time() {
        return 2;
    }
    *i = cur;
    0
}

fn parse_tz(dt: &mut Dt, s: &[u8], i: &mut usize) -> i32 {
    let mut cur = *i;
    match at(s, cur) {
        0 => {
            dt.tzo = 0;
        }
        b'Z' => {
            dt.tzo = 0;
            cur += 1;
        }
        c @ (b'+' | b'-') => {
            cur += 1;
            let Some(h) = two_digits(s, &mut cur) else {
                return 1;
            };
            if h > 23 {
                return 2;
            }
            if at(s, cur) != b':' {
                return 1;
            }
            cur += 1;
            dt.tzo = h as i32 * 60;
            let Some(m) = two_digits(s, &mut cur) else {
                return 1;
            };
            if m > 59 {
                return 2;
            }
            dt.tzo += m as i32;
            if c == b'-' {
                dt.tzo = -dt.tzo;
            }
            if !(-840..=840).contains(&dt.tzo) {
                return 2;
            }
        }
        _ => return 1,
    }
    *i = cur;
    0
}

/// `xmlSchemaValidateDates(type, value, collapse)`: true if valid.
fn dates(kind: DateKind, s: &[u8], collapse: bool) -> bool {
    let mut dt = Dt::default();
    let mut cur = 0usize;
    if collapse {
        while blank(at(s, cur)) {
            cur += 1;
        }
    }
    // RETURN_TYPE_IF_VALID: Some(true/false) when it decides.
    let tz_end = |dt: &mut Dt, cur: &mut usize, t: DateKind| -> Option<bool> {
        let c = at(s, *cur);
        if c == 0 || c == b'Z' || c == b'+' || c == b'-' {
            let mut j = *cur;
            if parse_tz(dt, s, &mut j) == 0 {
                *cur = j;
                if *cur < s.len() {
                    return Some(false);
                }
                return Some(t == kind);
            }
        }
        None
    };
    if at(s, cur) == b'-' && at(s, cur + 1) == b'-' {
        cur += 2;
        if at(s, cur) == b'-' {
            if kind == DateKind::GMonth {
                return false;
            }
            cur += 1;
            if parse_day(&mut dt, s, &mut cur) != 0 {
                return false;
            }
            return tz_end(&mut dt, &mut cur, DateKind::GDay).unwrap_or(false);
        }
        if parse_month(&mut dt, s, &mut cur) != 0 {
            return false;
        }
        if at(s, cur) == b'-' {
            let rewind = cur;
            cur += 1;
            let ret = parse_day(&mut dt, s, &mut cur);
            if ret == 0 && at(s, cur) != b':' && dt.valid_mday() {
                return tz_end(&mut dt, &mut cur, DateKind::GMonthDay).unwrap_or(false);
            }
            cur = rewind;
        }
        return tz_end(&mut dt, &mut cur, DateKind::GMonth).unwrap_or(false);
    }
    if at(s, cur).is_ascii_digit() {
        let mut j = cur;
        if parse_time(&mut dt, s, &mut j) == 0 {
            cur = j;
            if let Some(v) = tz_end(&mut dt, &mut cur, DateKind::Time) {
                return v;
            }
        }
    }
    // Fall back on date parsing, from the very start (leading blanks included).
    cur = 0;
    if parse_year(&mut dt, s, &mut cur) != 0 {
        return false;
    }
    if let Some(v) = tz_end(&mut dt, &mut cur, DateKind::GYear) {
        return v;
    }
    if at(s, cur) != b'-' {
        return false;
    }
    cur += 1;
    if parse_month(&mut dt, s, &mut cur) != 0 {
        return false;
    }
    if let Some(v) = tz_end(&mut dt, &mut cur, DateKind::GYearMonth) {
        return v;
    }
    if at(s, cur) != b'-' {
        return false;
    }
    cur += 1;
    if parse_day(&mut dt, s, &mut cur) != 0 || !dt.valid_date() {
        return false;
    }
    if let Some(v) = tz_end(&mut dt, &mut cur, DateKind::Date) {
        return v;
    }
    if at(s, cur) != b'T' {
        return false;
    }
    cur += 1;
    if parse_time(&mut dt, s, &mut cur) != 0 {
        return false;
    }
    let ret = parse_tz(&mut dt, s, &mut cur);
    if collapse {
        while blank(at(s, cur)) {
            cur += 1;
        }
    }
    if ret != 0 || cur < s.len() || !(dt.valid_date() && dt.valid_time()) {
        return false;
    }
    kind == DateKind::DateTime
}

/// `xmlSchemaValidateDuration(value, collapse)`: true if valid.
fn duration(s: &[u8], collapse: bool) -> bool {
    const DESIG: [u8; 6] = [b'Y', b'M', b'D', b'H', b'M', b'S'];
    let mut cur = 0usize;
    if collapse {
        while blank(at(s, cur)) {
            cur += 1;
        }
    }
    if at(s, cur) == b'-' {
        cur += 1;
    }
    if at(s, cur) != b'P' {
        return false;
    }
    cur += 1;
    if at(s, cur) == 0 {
        return false;
    }
    let mut seq = 0usize;
    let mut mon: i64 = 0;
    let mut day: i64 = 0;
    while at(s, cur) != 0 {
        let mut num: i64 = 0;
        let mut has_digits = false;
        let mut has_frac = false;
        if seq >= DESIG.len() {
            return false;
        }
        if at(s, cur) == b'T' {
            if seq > 3 {
                return false;
            }
            cur += 1;
            seq = 3;
        } else if seq == 3 {
            return false;
        }
        while at(s, cur).is_ascii_digit() {
            let d = i64::from(at(s, cur) - b'0');
            if num > i64::MAX / 10 {
                return false;
            }
            num *= 10;
            if num > i64::MAX - d {
                return false;
            }
            num += d;
            has_digits = true;
            cur += 1;
        }
        if at(s, cur) == b'.' {
            cur += 1;
            has_frac = true;
            while at(s, cur).is_ascii_digit() {
                has_digits = true;
                cur += 1;
            }
        }
        while at(s, cur) != DESIG[seq] {
            seq += 1;
            if seq == 3 || seq == DESIG.len() {
                return false;
            }
        }
        cur += 1;
        if !has_digits || (has_frac && seq != 5) {
            return false;
        }
        match seq {
            0 => {
                if num > i64::MAX / 12 {
                    return false;
                }
                mon = num * 12;
            }
            1 => {
                if mon > i64::MAX - num {
                    return false;
                }
                mon += num;
            }
            2 => day = num,
            3 => {
                let days = num / 24;
                if day > i64::MAX - days {
                    return false;
                }
                day += days;
            }
            4 => {
                let days = num / 1440;
                if day > i64::MAX - days {
                    return false;
                }
                day += days;
            }
            _ => {
                let days = num / 86400;
                if day > i64::MAX - days {
                    return false;
                }
                day += days;
            }
        }
        seq += 1;
    }
    // The final carry of seconds into days cannot overflow past what was checked
    // except by at most one day; libxml2 checks it too.
    day < i64::MAX
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> bool {
        lexical(Builtin::Date, s)
    }
    fn dtm(s: &str) -> bool {
        lexical(Builtin::DateTime, s)
    }

    #[test]
    fn dates_as_libxml2() {
        for ok in [
            "2022-02-28",
            "2024-02-29",
            "2000-02-29",
            "10000-01-01",
            "-0001-01-01",
            "2022-01-01Z",
            "2022-01-01+14:00",
            "2022-01-01-14:00",
            "0001-01-01",
            "-0004-02-29",
            "99999-12-31",
        ] {
            assert!(d(ok), "{ok}");
        }
        for bad in [
            "2022-02-29",
            "1900-02-29",
            "2022-1-01",
            "02022-01-01",
            "0000-01-01",
            "2022-01-01+14:01",
            "2022-01-01+24:00",
            "2022-01-01+13:60",
            "2022-13-01",
            "2022-00-01",
            "2022-01-00",
            "2022-04-31",
            "",
            "+2022-01-01",
            "-0000-01-01",
            "2022-01-01z",
            "2022-01-01 Z",
            "-0001-02-29",
            "-0005-02-29",
            "2022-01-01 ",
            " 2022-01-01",
            "2022-01-01T00:00:00",
            "2022",
        ] {
            assert!(!d(bad), "{bad}");
        }
    }

    #[test]
    fn date_times_as_libxml2() {
        for ok in [
            "2022-01-01T00:00:00",
            "2022-01-01T24:00:00",
            "2022-01-01T12:00:00.5",
            "2022-12-31T24:00:00",
            "2022-01-01T12:00:00Z",
            "2022-01-01T12:00:00+01:00",
            "2022-01-01T12:00:00.123456789012",
            "2022-01-01T12:00:00Z ",
            "2022-01-01T24:00:00.000",
        ] {
            assert!(dtm(ok), "{ok}");
        }
        for bad in [
            "2022-01-01T24:00:01",
            "2022-01-01T23:59:60",
            "2022-01-01T12:00:00.",
            "2022-01-01T12:00",
            "2022-01-01T1:00:00",
            "2022-02-29T00:00:00",
            "2022-01-01T12:00:00+1:00",
            " 2022-01-01T00:00:00",
            "2022-01-01T00:00:00 ",
            "2022-01-01T24:00:00.5",
            "2022-01-01",
        ] {
            assert!(!dtm(bad), "{bad}");
        }
        assert!(lexical(Builtin::Time, "13:20:00"));
        assert!(lexical(Builtin::Time, "24:00:00"));
        assert!(!lexical(Builtin::Time, "13:20"));
        assert!(!lexical(Builtin::Time, "25:00:00"));
        assert!(lexical(Builtin::Time, " 13:20:00Z"));
        assert!(!lexical(Builtin::Time, "13:20:00 "));
    }

    #[test]
    fn durations() {
        for ok in [
            "P1Y",
            "P1Y2M3DT4H5M6S",
            "PT0.5S",
            "-P3D",
            "PT36H",
            " P1D",
            "P0Y",
        ] {
            assert!(lexical(Builtin::Duration, ok), "{ok}");
        }
        for bad in [
            "P", "PT", "1Y", "P1S", "PT1D", "P1.5D", "P1D ", "P-1D", "P1Y1Y", "PT1H1H", "P1DT",
            "P1M1Y",
        ] {
            assert!(!lexical(Builtin::Duration, bad), "{bad}");
        }
    }

    #[test]
    fn booleans_and_integers() {
        for ok in ["true", "false", "1", "0", " true ", "\ttrue\n"] {
            assert!(lexical(Builtin::Boolean, ok), "{ok}");
        }
        for bad in ["TRUE", "yes", "", "tru", "true x", "01", "truex"] {
            assert!(!lexical(Builtin::Boolean, bad), "{bad}");
        }
        for ok in [
            "0",
            "-1",
            "+17",
            " 42 ",
            "000123",
            "123456789012345678901234",
            "0000000000000000000000000001",
        ] {
            assert!(lexical(Builtin::Integer, ok), "{ok}");
        }
        for bad in [
            "",
            "-",
            "+",
            "1.0",
            "1e3",
            "1 2",
            "1234567890123456789012345",
            "0x10",
            "--1",
        ] {
            assert!(!lexical(Builtin::Integer, bad), "{bad}");
        }
        assert!(lexical(Builtin::Decimal, "1.5"));
        assert!(lexical(Builtin::Decimal, "00."));
        assert!(!lexical(Builtin::Decimal, "."));
    }

    #[test]
    fn uris_languages_names() {
        for ok in [
            "",
            "#a",
            "/akn/un/x",
            "http://x.org/a?b=c#d",
            "a b",
            "%20",
            "http://[::1]/",
            "é",
            "x:y",
            "#a]",
            "#[x]",
        ] {
            assert!(lexical(Builtin::AnyUri, ok), "{ok}");
        }
        for bad in [
            "%zz",
            "#a#b",
            "http://a:b/",
            "a%2",
            "[",
            "http://a]b",
            "a[b",
        ] {
            assert!(!lexical(Builtin::AnyUri, bad), "{bad}");
        }
        for ok in ["en", "en-GB", "x-klingon", "zh-Hant-TW", " en "] {
            assert!(lexical(Builtin::Language, ok), "{ok}");
        }
        for bad in ["", "e1", "toolonglang", "en-", "-en", "en--GB", "en_GB"] {
            assert!(!lexical(Builtin::Language, bad), "{bad}");
        }
        assert!(lexical(Builtin::Id, "a1"));
        assert!(lexical(Builtin::Id, " a1 "));
        assert!(!lexical(Builtin::Id, "1a"));
        assert!(!lexical(Builtin::Id, "a:b"));
        assert!(!lexical(Builtin::Id, ""));
    }
}
