//! Text for the terminal: file names, messages and source lines made safe to
//! print. Takes any text, gives it with every character that a terminal
//! would act on instead of showing (C0 and C1 controls, DEL, bidirectional
//! overrides and isolates, line and paragraph separators) written out
//! visibly as `\x1b` or `\u{202e}`; a backslash that could be read as the
//! start of such an escape is not doubled (the escapes are for reading, not
//! for parsing back).

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether a terminal would act on `c` rather than show it.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
        )
}

/// `text` safe for one line of a terminal: every hidden character, tabs and
/// line ends included, escaped.
pub fn line(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// `text` safe for a terminal, keeping its line ends (`\n`) and tabs.
pub fn lines(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

fn escape(text: &str, keep_layout: bool) -> Cow<'_, str> {
    let kept = |c: char| keep_layout && matches!(c, '\n' | '\t');
    if !text.chars().any(|c| hidden(c) && !kept(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if !hidden(c) || kept(c) {
            out.push(c);
        } else if (c as u32) < 0x80 {
            let _ = write!(out, "\\x{:02x}", c as u32);
        } else {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_overrides_are_shown_not_obeyed() {
        assert_eq!(line("plain é 日本"), "plain é 日本");
        assert_eq!(
            line("a\u{1b}]0;x\u{7}b\u{9b}c\u{202e}d\u{7f}e\r\nf\u{2028}"),
            "a\\x1b]0;x\\x07b\\u{9b}c\\u{202e}d\\x7fe\\x0d\\x0af\\u{2028}"
        );
        assert_eq!(lines("a\n\tb\u{1b}"), "a\n\tb\\x1b");
    }
}
