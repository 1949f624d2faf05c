//! Diagnostics a person can act on: `path:line:col: severity: message`,
//! then the source line with a caret under the place, drawn by miette.
//!
//! Colour only on a terminal; in pipes, logs and snapshots the drawing is
//! plain ASCII and stable.

use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource};
use un2akn::Position;

/// Renders diagnostics against one input's text.
#[derive(Debug, Clone)]
pub struct Snippets {
    name: String,
    source: Arc<str>,
    color: bool,
}

impl Snippets {
    /// A renderer for the input `name` with text `source`.
    pub fn new(name: &str, source: Arc<str>, color: bool) -> Snippets {
        Snippets {
            name: name.to_string(),
            source,
            color,
        }
    }

    /// Byte offset of a 1-based line and character column, clamped to the text.
    fn offset(&self, position: Position) -> usize {
        let mut line_start = 0;
        for _ in 1..position.line {
            match self.source[line_start..].find('\n') {
                Some(newline) => line_start += newline + 1,
                None => return self.source.len(),
            }
        }
        let line = &self.source[line_start..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        let column = line
            .char_indices()
            .nth(position.column.saturating_sub(1))
            .map_or(line.len(), |(at, _)| at);
        line_start + column
    }

    /// `path:line:col: severity: message` and the snippet with a caret
    /// labelled `label`, as lines.
    pub fn render(
        &self,
        position: Position,
        severity: &str,
        message: &str,
        label: &str,
    ) -> Vec<String> {
        let mut lines = vec![format!("{}:{position}: {severity}: {message}", self.name)];
        let at = self.offset(position);
        let width = self.source[at..].chars().next().map_or(0, char::len_utf8);
        let diagnostic = MietteDiagnostic::new(String::new()).with_labels([LabeledSpan::new(
            Some(label.to_string()),
            at,
            width,
        )]);
        let report = miette::Report::new(diagnostic)
            .with_source_code(NamedSource::new(&self.name, Arc::clone(&self.source)));
        let theme = if self.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::none()
        };
        let mut drawn = String::new();
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_context_lines(1)
            .without_cause_chain();
        if handler.render_report(&mut drawn, report.as_ref()).is_ok() {
            // The first line repeats the (empty) message: drop it.
            lines.extend(
                drawn
                    .lines()
                    .skip_while(|l| !l.contains('['))
                    .filter(|l| !l.trim().is_empty())
                    .map(str::to_string),
            );
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_under_the_column_plain_in_pipes() {
        let snippets = Snippets::new(
            "x.md",
            Arc::from("first line\n1. café oops;\nlast\n"),
            false,
        );
        let lines = snippets.render(
            Position { line: 2, column: 9 },
            "warning",
            "something odd",
            "here",
        );
        assert_eq!(lines[0], "x.md:2:9: warning: something odd");
        let drawn = lines[1..].join("\n");
        assert!(drawn.contains("[x.md:2:"), "{drawn}");
        assert!(drawn.contains("2 | 1. café oops;"), "{drawn}");
        assert!(drawn.contains("here"), "{drawn}");
        assert!(!drawn.contains('\u{1b}'), "no colour in pipes: {drawn}");
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let snippets = Snippets::new("x.md", Arc::from("ab"), false);
        let lines = snippets.render(Position { line: 9, column: 9 }, "error", "m", "end");
        assert_eq!(lines[0], "x.md:9:9: error: m");
    }
}
