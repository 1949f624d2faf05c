//! Dates, times, the `g*` types and durations, parsed as libxml2's
//! `xmlSchemaValidateDates` and `xmlSchemaValidateDuration` do.

use super::*;

/// The date/time types recognised by `xmlSchemaValidateDates`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum DateKind {
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
pub(super) struct Dt {
    year: i64,
    mon: u32,
    day: u32,
    hour: i32,
    min: i32,
    sec: f64,
    tzo: i32,
}

pub(super) fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub(super) const DAYS: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
pub(super) const DAYS_LEAP: [u32; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

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
pub(super) fn two_digits(s: &[u8], i: &mut usize) -> Option<u32> {
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
pub(super) fn parse_year(dt: &mut Dt, s: &[u8], i: &mut usize) -> i32 {
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

pub(super) fn parse_month(dt: &mut Dt, s: &[u8], i: &mut usize) -> i32 {
    two_digit_field(s, i, 12).map_or_else(
        |status| status,
        |v| {
            dt.mon = v;
            0
        },
    )
}

pub(super) fn parse_day(dt: &mut Dt, s: &[u8], i: &mut usize) -> i32 {
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
pub(super) fn two_digit_field(s: &[u8], i: &mut usize, max: u32) -> Result<u32, i32> {
    let mut cur = *i;
    let v = two_digits(s, &mut cur).ok_or(1)?;
    if !(1..=max).contains(&v) {
        return Err(2);
    }
    *i = cur;
    Ok(v)
}

pub(super) fn parse_time(dt: &mut Dt, s: &[u8], i: &mut usize) -> i32 {
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

pub(super) fn parse_tz(dt: &mut Dt, s: &[u8], i: &mut usize) -> i32 {
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
pub(super) fn dates(kind: DateKind, s: &[u8], collapse: bool) -> bool {
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
pub(super) fn duration(s: &[u8], collapse: bool) -> bool {
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
