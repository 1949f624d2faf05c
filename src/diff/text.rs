//! The diff for a terminal: takes a [`Diff`], gives lines of text, one
//! paragraph each, with deletions and insertions in red and green when
//! `color` is on, and as `[-deleted-]{+inserted+}` when it is off (the
//! caller turns colour off for NO_COLOR and when not writing to a terminal).
//! Control characters of the text are shown as `\u{..}` escapes, so the
//! text cannot drive the terminal.

use std::fmt::Write;

use super::{Diff, Paragraph, Status};

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const BLUE: &str = "\x1b[34m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

fn clean(out: &mut String, s: &str) {
    for c in s.chars() {
        if c.is_control() && c != '\t' {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
}

fn label(paragraph: &Paragraph) -> String {
    let side = |side: &Option<super::Side>| match side {
        Some(side) => side.label(),
        None => "-".into(),
    };
    format!(
        "{} {} → {}",
        paragraph.part.name(),
        side(&paragraph.old),
        side(&paragraph.new)
    )
}

/// The diff as text.
pub fn render(diff: &Diff, color: bool) -> String {
    let mut out = String::new();
    let paint = |out: &mut String, code: &str, s: &str, plain: (&str, &str)| {
        if color {
            out.push_str(code);
            clean(out, s);
            out.push_str(RESET);
        } else {
            out.push_str(plain.0);
            clean(out, s);
            out.push_str(plain.1);
        }
    };
    for paragraph in &diff.paragraphs {
        let (sign, code) = match paragraph.status {
            Status::Unchanged => ('=', DIM),
            Status::Changed => ('~', YELLOW),
            Status::Added => ('+', GREEN),
            Status::Removed => ('-', RED),
            Status::Moved => ('>', BLUE),
        };
        let head = format!("{sign} {:<9} {}", paragraph.status.name(), label(paragraph));
        if color {
            out.push_str(code);
            clean(&mut out, &head);
            out.push_str(RESET);
        } else {
            clean(&mut out, &head);
        }
        out.push('\n');
        out.push_str("    ");
        if !paragraph.changes.is_empty() {
            for change in &paragraph.changes {
                match change.op {
                    "insert" => paint(&mut out, GREEN, &change.text, ("{+", "+}")),
                    "delete" => paint(&mut out, RED, &change.text, ("[-", "-]")),
                    _ => clean(&mut out, &change.text),
                }
            }
        } else if let Some(side) = paragraph.new.as_ref().or(paragraph.old.as_ref()) {
            match paragraph.status {
                Status::Added => paint(&mut out, GREEN, &side.text, ("{+", "+}")),
                Status::Removed => paint(&mut out, RED, &side.text, ("[-", "-]")),
                _ => clean(&mut out, &side.text),
            }
        }
        out.push('\n');
    }
    let s = &diff.summary;
    let _ = writeln!(
        out,
        "{} unchanged, {} changed, {} moved, {} added, {} removed",
        s.unchanged, s.changed, s.moved, s.added, s.removed
    );
    out
}
