//! A port of libxml2 2.9's RFC 3986 URI-reference parser (`xmlParseURI`),
//! reduced to the question "does it parse?".
//!
//! libxml2 checks `xs:anyURI` values with it (after replacing characters it
//! tolerates, see [`libxml_any_uri`]) and checks namespace names in `xmlns`
//! attributes with it directly; matching its verdicts needs its exact
//! grammar, including its quirks (an IPv4 octet "25x" is accepted for any
//! digit x, a bracketed host is anything up to `]`).

/// A byte table: true for ASCII letters and digits and for the bytes of
/// `extra`.
const fn alnum_and(extra: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 128 {
        table[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    let mut j = 0;
    while j < extra.len() {
        table[extra[j] as usize] = true;
        j += 1;
    }
    table
}

/// `pchar` bytes other than a percent-escape: unreserved, sub-delims, `:` and `@`.
static PCHAR: [bool; 256] = alnum_and(b"-._~!$&()*+,;=':@");

/// A cursor over the bytes of a NUL-free string, reading 0 past the end
/// (libxml2 parses NUL-terminated strings).
struct Cur<'a> {
    s: &'a [u8],
}

impl Cur<'_> {
    #[inline]
    fn at(&self, i: usize) -> u8 {
        self.s.get(i).copied().unwrap_or(0)
    }
    fn is_alpha(&self, i: usize) -> bool {
        self.at(i).is_ascii_alphabetic()
    }
    fn is_digit(&self, i: usize) -> bool {
        self.at(i).is_ascii_digit()
    }
    fn is_hex(&self, i: usize) -> bool {
        self.at(i).is_ascii_hexdigit()
    }
    fn is_unreserved(&self, i: usize) -> bool {
        let c = self.at(i);
        c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b'~')
    }
    fn is_sub_delim(&self, i: usize) -> bool {
        matches!(
            self.at(i),
            b'!' | b'$' | b'&' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' | b'\''
        )
    }
    fn is_pct(&self, i: usize) -> bool {
        self.at(i) == b'%' && self.is_hex(i + 1) && self.is_hex(i + 2)
    }
    #[inline]
    fn is_pchar(&self, i: usize) -> bool {
        let c = self.at(i);
        PCHAR[c as usize] || (c == b'%' && self.is_hex(i + 1) && self.is_hex(i + 2))
    }
    /// libxml2's `NEXT`: skips a percent-escape as a whole.
    #[inline]
    fn next(&self, i: usize) -> usize {
        if self.at(i) == b'%' {
            i + 3
        } else {
            i + 1
        }
    }

    fn scheme(&self, mut i: usize) -> Option<usize> {
        if !self.is_alpha(i) {
            return None;
        }
        i += 1;
        while self.is_alpha(i) || self.is_digit(i) || matches!(self.at(i), b'+' | b'-' | b'.') {
            i += 1;
        }
        Some(i)
    }

    fn fragment(&self, mut i: usize) -> usize {
        while self.is_pchar(i) || matches!(self.at(i), b'/' | b'?' | b'[' | b']') {
            i = self.next(i);
        }
        i
    }

    fn query(&self, mut i: usize) -> usize {
        while self.is_pchar(i) || matches!(self.at(i), b'/' | b'?') {
            i = self.next(i);
        }
        i
    }

    fn port(&self, mut i: usize) -> Option<usize> {
        if !self.is_digit(i) {
            return None;
        }
        let mut port: i64 = 0;
        while self.is_digit(i) {
            let digit = i64::from(self.at(i) - b'0');
            if port > i64::from(i32::MAX) / 10 {
                return None;
            }
            port *= 10;
            if port > i64::from(i32::MAX) - digit {
                return None;
            }
            port += digit;
            i += 1;
        }
        Some(i)
    }

    fn userinfo(&self, mut i: usize) -> Option<usize> {
        while self.is_unreserved(i) || self.is_pct(i) || self.is_sub_delim(i) || self.at(i) == b':'
        {
            i = self.next(i);
        }
        if self.at(i) == b'@' {
            Some(i)
        } else {
            None
        }
    }

    #[allow(clippy::if_same_then_else)] // kept branch for branch as in libxml2
    fn dec_octet(&self, i: usize) -> Option<usize> {
        if !self.is_digit(i) {
            return None;
        }
        let c = self.at(i);
        if !self.is_digit(i + 1) {
            Some(i + 1)
        } else if c != b'0' && self.is_digit(i + 1) && !self.is_digit(i + 2) {
            Some(i + 2)
        } else if c == b'1' && self.is_digit(i + 1) && self.is_digit(i + 2) {
            Some(i + 3)
        } else if c == b'2' && (b'0'..=b'4').contains(&self.at(i + 1)) && self.is_digit(i + 2) {
            Some(i + 3)
        } else if c == b'2'
            && self.at(i + 1) == b'5'
            && self.at(i + 2) >= b'0'
            && self.at(i + 1) <= b'5'
        {
            // libxml2 2.9 tests `cur[1] <= '5'` here instead of `cur[2]`.
            Some(i + 3)
        } else {
            None
        }
    }

    fn host(&self, start: usize) -> Option<usize> {
        let mut i = start;
        if self.at(i) == b'[' {
            i += 1;
            while self.at(i) != b']' && self.at(i) != 0 {
                i += 1;
            }
            if self.at(i) != b']' {
                return None;
            }
            return Some(i + 1);
        }
        if self.is_digit(i) {
            let ipv4 = (|| {
                let mut j = self.dec_octet(i)?;
                if self.at(j) != b'.' {
                    return None;
                }
                j += 1;
                j = self.dec_octet(j)?;
                if self.at(j) != b'.' {
                    return None;
                }
                // libxml2 2.9 forgets to skip the dots after the 2nd and 3rd octets.
                j = self.dec_octet(j)?;
                if self.at(j) != b'.' {
                    return None;
                }
                self.dec_octet(j)
            })();
            if let Some(j) = ipv4 {
                return Some(j);
            }
        }
        while self.is_unreserved(i) || self.is_pct(i) || self.is_sub_delim(i) {
            i = self.next(i);
        }
        Some(i)
    }

    fn authority(&self, start: usize) -> Option<usize> {
        let mut i = match self.userinfo(start) {
            Some(j) if self.at(j) == b'@' => j + 1,
            _ => start,
        };
        i = self.host(i)?;
        if self.at(i) == b':' {
            i = self.port(i + 1)?;
        }
        Some(i)
    }

    /// A segment; `forbid` stops it (':' for the first segment of a relative path).
    fn segment(&self, mut i: usize, forbid: u8, empty: bool) -> Option<usize> {
        if !self.is_pchar(i) {
            return if empty { Some(i) } else { None };
        }
        while self.is_pchar(i) && (forbid == 0 || self.at(i) != forbid) {
            i = self.next(i);
        }
        Some(i)
    }

    fn path_ab_empty(&self, mut i: usize) -> Option<usize> {
        while self.at(i) == b'/' {
            i = self.segment(i + 1, 0, true)?;
        }
        Some(i)
    }

    fn path_absolute(&self, mut i: usize) -> Option<usize> {
        if self.at(i) != b'/' {
            return None;
        }
        i += 1;
        if let Some(j) = self.segment(i, 0, false) {
            i = j;
            while self.at(i) == b'/' {
                i = self.segment(i + 1, 0, true)?;
            }
        }
        Some(i)
    }

    fn path_rootless(&self, i: usize) -> Option<usize> {
        let mut i = self.segment(i, 0, false)?;
        while self.at(i) == b'/' {
            i = self.segment(i + 1, 0, true)?;
        }
        Some(i)
    }

    fn path_no_scheme(&self, i: usize) -> Option<usize> {
        let mut i = self.segment(i, b':', false)?;
        while self.at(i) == b'/' {
            i = self.segment(i + 1, 0, true)?;
        }
        Some(i)
    }

    fn hier_part(&self, i: usize) -> Option<usize> {
        if self.at(i) == b'/' && self.at(i + 1) == b'/' {
            let j = self.authority(i + 2)?;
            return self.path_ab_empty(j);
        }
        if self.at(i) == b'/' {
            self.path_absolute(i)
        } else if self.is_pchar(i) {
            self.path_rootless(i)
        } else {
            Some(i)
        }
    }

    fn query_fragment_end(&self, mut i: usize) -> bool {
        if self.at(i) == b'?' {
            i = self.query(i + 1);
        }
        if self.at(i) == b'#' {
            i = self.fragment(i + 1);
        }
        i >= self.s.len()
    }

    fn absolute(&self) -> bool {
        let Some(i) = self.scheme(0) else {
            return false;
        };
        if self.at(i) != b':' {
            return false;
        }
        match self.hier_part(i + 1) {
            Some(j) => self.query_fragment_end(j),
            None => false,
        }
    }

    fn relative(&self) -> bool {
        let i = if self.at(0) == b'/' && self.at(1) == b'/' {
            match self.authority(2).and_then(|j| self.path_ab_empty(j)) {
                Some(j) => j,
                None => return false,
            }
        } else if self.at(0) == b'/' {
            match self.path_absolute(0) {
                Some(j) => j,
                None => return false,
            }
        } else if self.is_pchar(0) {
            match self.path_no_scheme(0) {
                Some(j) => j,
                None => return false,
            }
        } else {
            0
        };
        self.query_fragment_end(i)
    }
}

/// libxml2's `xmlParseURI(s) != NULL`: true if `s` is a URI reference by its grammar.
pub(super) fn parses(s: &str) -> bool {
    // A NUL would end libxml2's string early; XML text cannot contain one.
    let bytes = s.as_bytes();
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    let cur = Cur { s: &bytes[..end] };
    cur.absolute() || cur.relative()
}

/// Bytes that can appear anywhere in a relative path without changing how
/// libxml2 parses it: unreserved, sub-delims, `@` and `/` (no `:`, `%`,
/// `?`, `#`, brackets or characters that need replacing).
static SAFE_PATH: [bool; 256] = alnum_and(b"-._~!$&()*+,;=@/");

/// Fragment bytes that need no further check: the path bytes plus `:`, `?`, `[`, `]`.
static SAFE_FRAGMENT: [bool; 256] = alnum_and(b"-._~!$&()*+,;=@/:?[]");

/// A shortcut for the common shapes of `xs:anyURI` values (`#id`, `/a/b/c`,
/// `a/b#c`): `Some(true)` when the value is certainly valid for libxml2,
/// `None` when the full parse is needed. Such a value has no scheme (no `:`
/// before the fragment), does not start with `//`, and has no escape.
#[inline]
pub(super) fn fast_any_uri(v: &str) -> Option<bool> {
    let b = v.as_bytes();
    if b.starts_with(b"//") {
        return None;
    }
    let mut i = 0;
    while i < b.len() && SAFE_PATH[b[i] as usize] {
        i += 1;
    }
    if i == b.len() {
        return Some(true);
    }
    if b[i] != b'#' {
        return None;
    }
    i += 1;
    while i < b.len() && SAFE_FRAGMENT[b[i] as usize] {
        i += 1;
    }
    if i == b.len() {
        Some(true)
    } else {
        None
    }
}

/// libxml2's lexical check of `xs:anyURI` (after whitespace collapsing):
/// every byte outside printable ASCII and each of `space < > " { } | \ ^ `' is
/// replaced by `_`, and the result must parse as a URI reference. The empty
/// string is valid.
pub(super) fn libxml_any_uri(collapsed: &str) -> bool {
    if collapsed.is_empty() {
        return true;
    }
    let b = collapsed.as_bytes();
    let needs = b.iter().any(|&c| {
        !(32..127).contains(&c)
            || matches!(
                c,
                b' ' | b'<' | b'>' | b'"' | b'{' | b'}' | b'|' | b'\\' | b'^' | b'`' | b'\''
            )
    });
    if !needs {
        let cur = Cur { s: b };
        return cur.absolute() || cur.relative();
    }
    let replaced: Vec<u8> = b
        .iter()
        .map(|&c| {
            if !(32..127).contains(&c)
                || matches!(
                    c,
                    b' ' | b'<' | b'>' | b'"' | b'{' | b'}' | b'|' | b'\\' | b'^' | b'`' | b'\''
                )
            {
                b'_'
            } else {
                c
            }
        })
        .collect();
    let cur = Cur { s: &replaced };
    cur.absolute() || cur.relative()
}
