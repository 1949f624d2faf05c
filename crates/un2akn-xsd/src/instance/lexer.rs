//! The lexical layer: quick-xml's events checked for the well-formedness
//! rules it leaves out — characters, references, the XML declaration, the
//! DOCTYPE, comments, processing instructions, CDATA, text, end tags, and
//! the attributes of a start tag (syntax, quoting, normalization,
//! duplicates, length).

use super::*;

/// Byte classes for the scanners.
pub(super) const C_CTRL: u8 = 1; // a C0 control other than tab, LF, CR
pub(super) const C_EF: u8 = 2; // first byte of U+FFFE / U+FFFF
pub(super) const C_AMP: u8 = 4;
pub(super) const C_RBRACKET: u8 = 8;
pub(super) const C_WS: u8 = 16;
pub(super) const C_LT: u8 = 32;
pub(super) const C_NORM: u8 = 64; // tab, LF, CR: changed by attribute-value normalization

pub(super) static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 32 {
        t[i] = C_CTRL;
        i += 1;
    }
    t[b'\t' as usize] = C_WS | C_NORM;
    t[b'\n' as usize] = C_WS | C_NORM;
    t[b'\r' as usize] = C_WS | C_NORM;
    t[b' ' as usize] = C_WS;
    t[0xEF] = C_EF;
    t[b'&' as usize] = C_AMP;
    t[b']' as usize] = C_RBRACKET;
    t[b'<' as usize] = C_LT;
    t
};

pub(super) const T_NONWS: u8 = 1;
pub(super) const T_SPECIAL: u8 = 2;

/// Byte classes for the text fast path: not white space; possibly special
/// (a control, the lead byte of U+FFFE/U+FFFF, `&`, `]`).
pub(super) static TEXT_CLASS: [u8; 256] = {
    let mut t = [T_NONWS; 256];
    t[b' ' as usize] = 0;
    t[b'\t' as usize] = 0;
    t[b'\n' as usize] = 0;
    t[b'\r' as usize] = 0;
    let mut i = 0;
    while i < 32 {
        if i != 9 && i != 10 && i != 13 {
            t[i] = T_NONWS | T_SPECIAL;
        }
        i += 1;
    }
    t[0xEF] = T_NONWS | T_SPECIAL;
    t[b'&' as usize] = T_NONWS | T_SPECIAL;
    t[b']' as usize] = T_NONWS | T_SPECIAL;
    t
};

/// ASCII bytes of attribute names (name characters and the colon).
pub(super) static ATTR_NAME_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.' || b == b':';
        i += 1;
    }
    t
};

/// True if the bytes at `i` are U+FFFE or U+FFFF (given `s[i] == 0xEF`).
#[inline]
pub(super) fn is_nonchar_at(s: &[u8], i: usize) -> bool {
    s.get(i + 1) == Some(&0xBF) && matches!(s.get(i + 2), Some(&0xBE) | Some(&0xBF))
}

impl<'a> Validator<'_, 'a> {
    /// Checks characters of markup content (comments, PIs, CDATA): XML chars only.
    pub(super) fn check_chars(&mut self, off: usize, s: &[u8]) -> Res {
        for (i, &b) in s.iter().enumerate() {
            let c = CLASS[b as usize];
            if c & C_CTRL != 0 && c & C_WS == 0 {
                return self.fatal(
                    off + i,
                    format!("character U+{b:04X} is not allowed in XML"),
                );
            }
            if c & C_EF != 0 && is_nonchar_at(s, i) {
                return self.fatal(off + i, "character U+FFFE/U+FFFF is not allowed in XML");
            }
        }
        Ok(())
    }

    /// Text between markup: characters, `]]>`, dangling `&`. Returns whether it
    /// has a non-white-space character.
    pub(super) fn scan_text(&mut self, off: usize, s: &[u8]) -> Result<bool, Stop> {
        let mut acc = 0u8;
        for &b in s {
            acc |= TEXT_CLASS[b as usize];
        }
        if acc & T_SPECIAL == 0 {
            return Ok(acc & T_NONWS != 0);
        }
        let mut non_ws = false;
        for (i, &b) in s.iter().enumerate() {
            let c = CLASS[b as usize];
            if c == 0 {
                non_ws = true;
                continue;
            }
            if c & C_WS != 0 {
                continue;
            }
            non_ws = true;
            if c & C_CTRL != 0 {
                self.fatal(
                    off + i,
                    format!("character U+{b:04X} is not allowed in XML"),
                )?;
            } else if c & C_EF != 0 {
                if is_nonchar_at(s, i) {
                    self.fatal(off + i, "character U+FFFE/U+FFFF is not allowed in XML")?;
                }
            } else if c & C_AMP != 0 {
                self.fatal(
                    off + i,
                    "'&' must start an entity or character reference ending with ';'",
                )?;
            } else if c & C_RBRACKET != 0
                && s.get(i + 1) == Some(&b']')
                && s.get(i + 2) == Some(&b'>')
            {
                self.fatal(off + i, "the sequence ']]>' is not allowed in text")?;
            }
        }
        Ok(non_ws)
    }

    /// Decodes a reference body (between `&` and `;`) to a character.
    pub(super) fn decode_ref(&mut self, off: usize, body: &str) -> Result<char, Stop> {
        if let Some(num) = body.strip_prefix('#') {
            let (digits, radix) = match num.strip_prefix('x') {
                Some(h) => (h, 16),
                None => (num, 10),
            };
            let ok = !digits.is_empty()
                && digits.bytes().all(|b| {
                    if radix == 16 {
                        b.is_ascii_hexdigit()
                    } else {
                        b.is_ascii_digit()
                    }
                });
            if !ok {
                self.fatal(off, format!("invalid character reference '&{body};'"))?;
            }
            let value = u32::from_str_radix(digits.trim_start_matches('0'), radix)
                .ok()
                .or(if digits.bytes().all(|b| b == b'0') {
                    Some(0)
                } else {
                    None
                });
            return match value.and_then(char::from_u32).filter(|&c| is_xml_char(c)) {
                Some(c) => Ok(c),
                None => {
                    self.fatal(
                        off,
                        format!("character reference '&{body};' is not a legal XML character"),
                    )?;
                    Ok(' ')
                }
            };
        }
        match body {
            "lt" => Ok('<'),
            "gt" => Ok('>'),
            "amp" => Ok('&'),
            "apos" => Ok('\''),
            "quot" => Ok('"'),
            _ if is_name(body) => {
                self.fatal(
                    off,
                    format!(
                        "entity '{body}' is not defined (only the five predefined entities are)"
                    ),
                )?;
                Ok(' ')
            }
            _ => {
                self.fatal(off, format!("'&{body};' is not a valid reference"))?;
                Ok(' ')
            }
        }
    }

    // ---- document-level events ----

    pub(super) fn decl(&mut self, off: usize, len: usize) -> Res {
        // `off` is at "xml"; the declaration starts 2 bytes before.
        let start = off.saturating_sub(2);
        let bom = if self.input.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        if start != bom || self.seen_markup {
            return self.fatal(
                start,
                "the XML declaration is allowed only at the start of the document",
            );
        }
        self.seen_markup = true;
        let body = self.slice(off + 3, off + len);
        let b = body.as_bytes();
        let mut i = 0;
        let skip = |i: &mut usize| {
            let s = *i;
            while *i < b.len() && is_ws(b[*i]) {
                *i += 1;
            }
            *i - s
        };
        if skip(&mut i) == 0 {
            return self.fatal(start, "processing instruction target 'xml' is reserved");
        }
        // version
        let pseudo = |i: &mut usize, name: &str| -> Option<Result<&str, ()>> {
            if !b[*i..].starts_with(name.as_bytes()) {
                return None;
            }
            *i += name.len();
            while *i < b.len() && is_ws(b[*i]) {
                *i += 1;
            }
            if b.get(*i) != Some(&b'=') {
                return Some(Err(()));
            }
            *i += 1;
            while *i < b.len() && is_ws(b[*i]) {
                *i += 1;
            }
            let q = match b.get(*i) {
                Some(&q @ (b'"' | b'\'')) => q,
                _ => return Some(Err(())),
            };
            *i += 1;
            let s = *i;
            while *i < b.len() && b[*i] != q {
                *i += 1;
            }
            if *i >= b.len() {
                return Some(Err(()));
            }
            let v = &body[s..*i];
            *i += 1;
            Some(Ok(v))
        };
        match pseudo(&mut i, "version") {
            Some(Ok(v)) => {
                let vb = v.as_bytes();
                let ok = vb.len() >= 2
                    && vb[0].is_ascii_digit()
                    && vb[1] == b'.'
                    && vb[2..].iter().all(u8::is_ascii_digit);
                if !ok || !v.starts_with("1.") {
                    return self.fatal(start, format!("unsupported XML version '{v}'"));
                }
            }
            _ => return self.fatal(start, "malformed XML declaration: version expected"),
        }
        let rest_is_end = |i: usize| b[i..].is_empty();
        if rest_is_end(i) {
            return Ok(());
        }
        if skip(&mut i) == 0 {
            return self.fatal(start, "malformed XML declaration: blank needed");
        }
        let mut need_blank = false;
        match pseudo(&mut i, "encoding") {
            Some(Ok(enc)) => {
                let eb = enc.as_bytes();
                let ok = !eb.is_empty()
                    && eb[0].is_ascii_alphabetic()
                    && eb[1..]
                        .iter()
                        .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'));
                if !ok {
                    return self.fatal(start, format!("malformed encoding name '{enc}'"));
                }
                let lower = enc.to_ascii_lowercase();
                if lower == "utf-16" || lower == "utf16" {
                    return self.fatal(start, "document labelled UTF-16 but has UTF-8 content");
                }
                need_blank = lower != "utf-8" && lower != "utf8";
            }
            Some(Err(())) => return self.fatal(start, "malformed encoding declaration"),
            None => {}
        }
        if need_blank && !rest_is_end(i) && !is_ws(b[i]) {
            return self.fatal(start, "malformed XML declaration: blank needed");
        }
        skip(&mut i);
        match pseudo(&mut i, "standalone") {
            Some(Ok("yes" | "no")) => {}
            Some(_) => return self.fatal(start, "malformed standalone declaration"),
            None => {}
        }
        skip(&mut i);
        if !rest_is_end(i) {
            return self.fatal(start, "malformed XML declaration");
        }
        Ok(())
    }

    pub(super) fn doctype(&mut self, off: usize, len: usize) -> Res {
        let start = self.input[..off].rfind("<!").unwrap_or(off);
        if self.phase != Phase::Prolog || self.seen_doctype {
            return self.fatal(
                start,
                "a DOCTYPE is only allowed once, before the root element",
            );
        }
        self.seen_doctype = true;
        self.seen_markup = true;
        if !self.input[start..].starts_with("<!DOCTYPE") {
            return self.fatal(start, "'<!DOCTYPE' must be upper case");
        }
        let body = self.slice(off, off + len);
        let b = body.as_bytes();
        let mut i = 0;
        while i < b.len() && !is_ws(b[i]) && b[i] != b'[' {
            i += 1;
        }
        if !is_name(&body[..i]) {
            return self.fatal(start, "DOCTYPE: a name is required");
        }
        let skip = |i: &mut usize| {
            let s = *i;
            while *i < b.len() && is_ws(b[*i]) {
                *i += 1;
            }
            *i - s
        };
        skip(&mut i);
        let literal = |i: &mut usize, pubid: bool| -> bool {
            let q = match b.get(*i) {
                Some(&q @ (b'"' | b'\'')) => q,
                _ => return false,
            };
            *i += 1;
            let s = *i;
            while *i < b.len() && b[*i] != q {
                *i += 1;
            }
            if *i >= b.len() {
                return false;
            }
            let lit = &body[s..*i];
            *i += 1;
            !pubid
                || lit.bytes().all(|c| {
                    c.is_ascii_alphanumeric()
                        || matches!(
                            c,
                            b' ' | b'\r'
                                | b'\n'
                                | b'-'
                                | b'\''
                                | b'('
                                | b')'
                                | b'+'
                                | b','
                                | b'.'
                                | b'/'
                                | b':'
                                | b'='
                                | b'?'
                                | b';'
                                | b'!'
                                | b'*'
                                | b'#'
                                | b'@'
                                | b'$'
                                | b'_'
                                | b'%'
                        )
                })
        };
        if b[i..].starts_with(b"SYSTEM") {
            i += 6;
            if skip(&mut i) == 0 || !literal(&mut i, false) {
                return self.fatal(start, "DOCTYPE: malformed SYSTEM identifier");
            }
        } else if b[i..].starts_with(b"PUBLIC") {
            i += 6;
            if skip(&mut i) == 0
                || !literal(&mut i, true)
                || skip(&mut i) == 0
                || !literal(&mut i, false)
            {
                return self.fatal(start, "DOCTYPE: malformed PUBLIC identifier");
            }
        }
        skip(&mut i);
        if i < b.len() {
            if b[i] == b'[' {
                return self.fatal(start, "DOCTYPE internal subsets are not supported");
            }
            return self.fatal(start, "DOCTYPE improperly terminated");
        }
        self.check_chars(off, b)
    }

    pub(super) fn comment(&mut self, off: usize, len: usize) -> Res {
        self.seen_markup = true;
        let s = self.slice(off, off + len).as_bytes();
        if let Some(p) = s.windows(2).position(|w| w == b"--") {
            return self.fatal(off + p, "'--' is not allowed inside a comment");
        }
        if s.last() == Some(&b'-') {
            return self.fatal(off + len - 1, "a comment must not end with '-'");
        }
        self.check_chars(off, s)
    }

    pub(super) fn pi(&mut self, off: usize, len: usize) -> Res {
        self.seen_markup = true;
        let body = self.slice(off, off + len);
        let b = body.as_bytes();
        let mut i = 0;
        while i < b.len() && !is_ws(b[i]) {
            i += 1;
        }
        let target = &body[..i];
        if !is_name(target) {
            return self.fatal(
                off,
                format!("processing instruction target '{target}' is not a name"),
            );
        }
        if target.len() == 3 && target.eq_ignore_ascii_case("xml") {
            return self.fatal(off, "processing instruction target 'xml' is reserved");
        }
        if target.contains(':') {
            return self.fatal(
                off,
                format!("colons are forbidden in processing instruction targets ('{target}')"),
            );
        }
        self.check_chars(off, b)
    }

    pub(super) fn cdata(&mut self, off: usize, len: usize) -> Res {
        let s = self.slice(off, off + len).as_bytes();
        self.check_chars(off, s)?;
        if self.phase != Phase::Root {
            return self.fatal(
                off,
                "a CDATA section is not allowed outside the root element",
            );
        }
        let Some(f) = self.stack.last_mut() else {
            return Ok(());
        };
        f.has_content = true;
        if f.mode == Mode::Skip || f.skip_children {
            return Ok(());
        }
        match f.content {
            Content::Mixed => Ok(()),
            Content::Simple(_) => {
                let text = self.slice(off, off + len);
                push_text(&mut self.text_buf, text);
                Ok(())
            }
            Content::Empty => self.text_not_allowed(off, "the content type is empty"),
            Content::Elements => self.text_not_allowed(off, "the content is element-only"),
        }
    }

    pub(super) fn text_not_allowed(&mut self, off: usize, why: &str) -> Res {
        let Some(f) = self.stack.last_mut() else {
            return Ok(());
        };
        if f.text_error {
            return Ok(());
        }
        f.text_error = true;
        let q = f.qname;
        self.report(
            off,
            format!("element '{q}': character content is not allowed here ({why})"),
        )
    }

    pub(super) fn text(&mut self, off: usize, len: usize) -> Res {
        let s = self.slice(off, off + len).as_bytes();
        let non_ws = self.scan_text(off, s)?;
        if self.phase != Phase::Root {
            if non_ws {
                let what = if self.phase == Phase::Prolog {
                    "text before the root element"
                } else {
                    "text after the root element"
                };
                return self.fatal(off, what);
            }
            return Ok(());
        }
        let Some(f) = self.stack.last_mut() else {
            return Ok(());
        };
        f.has_content = true;
        if f.mode == Mode::Skip || f.skip_children {
            return Ok(());
        }
        match f.content {
            Content::Mixed => Ok(()),
            Content::Elements if !non_ws => Ok(()),
            Content::Simple(_) => {
                let text = self.slice(off, off + len);
                push_text(&mut self.text_buf, text);
                Ok(())
            }
            Content::Empty => self.text_not_allowed(off, "the content type is empty"),
            Content::Elements => self.text_not_allowed(off, "the content is element-only"),
        }
    }

    pub(super) fn reference(&mut self, off: usize, len: usize) -> Res {
        let body = self.slice(off, off + len);
        let at = off.saturating_sub(1);
        let c = self.decode_ref(at, body)?;
        if self.phase != Phase::Root {
            return self.fatal(at, "a reference is not allowed outside the root element");
        }
        let Some(f) = self.stack.last_mut() else {
            return Ok(());
        };
        f.has_content = true;
        if f.mode == Mode::Skip || f.skip_children {
            return Ok(());
        }
        let blank = matches!(c, ' ' | '\t' | '\n' | '\r');
        match f.content {
            Content::Mixed => Ok(()),
            Content::Elements if blank => Ok(()),
            Content::Simple(_) => {
                self.text_buf.push(c);
                Ok(())
            }
            Content::Empty => self.text_not_allowed(at, "the content type is empty"),
            Content::Elements => self.text_not_allowed(at, "the content is element-only"),
        }
    }

    // ---- tags ----

    pub(super) fn end_tag(&mut self, off: usize, len: usize, after: usize) -> Res {
        // `off` is just after "</".
        let start = off.saturating_sub(2);
        let name = self.slice(off, off + len);
        let Some(top) = self.stack.last() else {
            return self.fatal(start, format!("end tag '</{name}>' without a start tag"));
        };
        if top.qname != name {
            let q = top.qname;
            return self.fatal(
                start,
                format!("end tag '</{name}>' does not match the start tag '<{q}>'"),
            );
        }
        // Only white space may follow the name.
        let tail = self.slice(off + len, after.saturating_sub(1));
        if tail.bytes().any(|b| !is_ws(b)) {
            return self.fatal(start, "malformed end tag");
        }
        self.close_element(start)
    }

    /// Parses the attributes of a start tag into `self.attrs`.
    pub(super) fn parse_attrs(&mut self, off: usize, content: &'a str, name_end: usize) -> Res {
        self.attrs.clear();
        let b = content.as_bytes();
        let mut i = name_end;
        loop {
            let ws_start = i;
            while i < b.len() && is_ws(b[i]) {
                i += 1;
            }
            if i >= b.len() {
                return Ok(());
            }
            if i == ws_start {
                return self.fatal(off + i, "attributes must be separated by white space");
            }
            let name_start = i;
            while i < b.len() && ATTR_NAME_BYTE[b[i] as usize] {
                i += 1;
            }
            if i < b.len() && b[i] >= 0x80 {
                while i < b.len() && !is_ws(b[i]) && b[i] != b'=' {
                    i += 1;
                }
            }
            let qname = &content[name_start..i];
            let colon = match qname_check(qname) {
                Ok(c) => c,
                Err(false) => {
                    return self.fatal(
                        off + name_start,
                        format!("invalid attribute name '{qname}'"),
                    )
                }
                Err(true) => {
                    return self.fatal(
                        off + name_start,
                        format!("attribute name '{qname}' is not a valid QName"),
                    )
                }
            };
            while i < b.len() && is_ws(b[i]) {
                i += 1;
            }
            if b.get(i) != Some(&b'=') {
                return self.fatal(
                    off + name_start,
                    format!("attribute '{qname}' has no value"),
                );
            }
            i += 1;
            while i < b.len() && is_ws(b[i]) {
                i += 1;
            }
            let q = match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => q,
                _ => {
                    return self.fatal(
                        off + i,
                        format!("the value of attribute '{qname}' must be quoted"),
                    )
                }
            };
            i += 1;
            let vstart = i;
            let mut acc = 0u8;
            while i < b.len() && b[i] != q {
                acc |= CLASS[b[i] as usize];
                i += 1;
            }
            if i >= b.len() {
                return self.fatal(
                    off + vstart,
                    format!("unterminated value of attribute '{qname}'"),
                );
            }
            if i - vstart > self.limits.max_attribute_bytes {
                let message = self.limits.too_long(qname, i - vstart);
                return self.limit(off + name_start, message);
            }
            let raw = &content[vstart..i];
            i += 1;
            let value = if acc & (C_CTRL | C_EF | C_AMP | C_LT | C_NORM) == 0 {
                Cow::Borrowed(raw)
            } else {
                self.attr_value(off + vstart, raw)?
            };
            // Duplicate names (same QName); a set once there are many attributes.
            let repeated = if self.attrs.len() < 16 {
                self.attrs.iter().any(|a| a.qname == qname)
            } else {
                if self.attrs.len() == 16 {
                    self.seen_names.clear();
                    self.seen_names.extend(self.attrs.iter().map(|a| a.qname));
                }
                !self.seen_names.insert(qname)
            };
            if repeated {
                return self.fatal(off + name_start, format!("attribute '{qname}' is repeated"));
            }
            self.attrs.push(Attr {
                qname,
                colon,
                value,
                pos: off + name_start,
                ns: NS_NONE,
                binding: usize::MAX,
            });
        }
    }

    /// Normalizes an attribute value (references, white space), borrowing when unchanged.
    pub(super) fn attr_value(&mut self, off: usize, raw: &'a str) -> Result<Cow<'a, str>, Stop> {
        let b = raw.as_bytes();
        let mut out = String::with_capacity(raw.len());
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            match c {
                b'\r' => {
                    out.push(' ');
                    if b.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    i += 1;
                }
                b'\n' | b'\t' => {
                    out.push(' ');
                    i += 1;
                }
                b'<' => {
                    self.fatal(off + i, "'<' is not allowed in an attribute value")?;
                }
                b'&' => {
                    let Some(end) = raw[i + 1..].find(';') else {
                        self.fatal(off + i, "'&' must start a reference ending with ';'")?;
                        return Ok(Cow::Owned(out));
                    };
                    let body = &raw[i + 1..i + 1 + end];
                    let ch = self.decode_ref(off + i, body)?;
                    out.push(ch);
                    i += end + 2;
                }
                _ if CLASS[c as usize] & C_CTRL != 0 => {
                    self.fatal(
                        off + i,
                        format!("character U+{c:04X} is not allowed in XML"),
                    )?;
                }
                0xEF if is_nonchar_at(b, i) => {
                    self.fatal(off + i, "character U+FFFE/U+FFFF is not allowed in XML")?;
                }
                _ => {
                    // Copy one UTF-8 character.
                    let w = utf8_len(c);
                    out.push_str(&raw[i..i + w]);
                    i += w;
                }
            }
        }
        Ok(Cow::Owned(out))
    }
}

/// Appends text, with line ends normalized (CR LF and lone CR become LF).
pub(super) fn push_text(buf: &mut String, text: &str) {
    if text.contains('\r') {
        buf.push_str(&text.replace("\r\n", "\n").replace('\r', "\n"));
    } else {
        buf.push_str(text);
    }
}

#[inline]
pub(super) fn utf8_len(first: u8) -> usize {
    match first {
        0..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}
