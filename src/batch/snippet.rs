//! Diagnostics a person can act on: `path:line:col: severity: message`,
//! then the source line with a caret under the place, drawn by miette.
//!
//! Colour only on a terminal; in pipes, logs and snapshots the drawing is
//! plain ASCII and stable.

use std::sync::{Arc, OnceLock};

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, MietteError,
    MietteSpanContents, NamedSource, SourceCode, SourceSpan, SpanContents,
};
use un2akn::Position;

/// Renders diagnostics against one input's text.
#[derive(Debug, Clone)]
pub struct Snippets {
    name: String,
    source: Arc<str>,
    color: bool,
    /// Byte offset of each line's start, computed on first use, so that a
    /// document with many warnings costs linear, not quadratic, time.
    line_starts: Arc<OnceLock<Vec<usize>>>,
}

/// A few lines of a document with their real line numbers: what miette
/// reads to draw a snippet, so that drawing costs the window, not the file.
#[derive(Debug)]
struct Window {
    text: String,
    /// Byte offset of `text` in the document.
    start: usize,
    /// 0-based number of its first line.
    first_line: usize,
}

impl SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let local = SourceSpan::new(span.offset().saturating_sub(self.start).into(), span.len());
        let inner = self.text.as_str().read_span(&local, before, after)?;
        Ok(Box::new(MietteSpanContents::new(
            inner.data(),
            SourceSpan::new(
                (inner.span().offset() + self.start).into(),
                inner.span().len(),
            ),
            inner.line() + self.first_line,
            inner.column(),
            inner.line_count(),
        )))
    }
}

impl Snippets {
    /// A renderer for the input `name` with text `source`, whose line ends
    /// must already be `\n` as the converter counts them
    /// ([`un2akn::clean::line_ends`]).
    pub fn new(name: &str, source: Arc<str>, color: bool) -> Snippets {
        Snippets {
            name: super::visible::line(name).into_owned(),
            source,
            color,
            line_starts: Arc::new(OnceLock::new()),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.source.match_indices('\n').map(|(at, _)| at + 1))
                .collect()
        })
    }

    /// Byte offset of a 1-based line and character column, clamped to the text.
    fn offset(&self, position: Position) -> usize {
        let starts = self.line_starts();
        let Some(&line_start) = starts.get(position.line.saturating_sub(1)) else {
            return self.source.len();
        };
        let line = &self.source[line_start..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        let column = line
            .char_indices()
            .nth(position.column.saturating_sub(1))
            .map_or(line.len(), |(at, _)| at);
        line_start + column
    }

    /// The lines around `line` (0-based), one either side, with the
    /// characters a terminal would obey shown as escapes; and `at`, a byte
    /// offset in the document inside them, moved to the same place in the
    /// escaped text.
    fn window(&self, line: usize, at: usize) -> (Window, usize) {
        let starts = self.line_starts();
        let first_line = line.saturating_sub(1).min(starts.len() - 1);
        let start = starts[first_line];
        let end = starts.get(line + 2).copied().unwrap_or(self.source.len());
        let at = at.clamp(start, end);
        let before = super::visible::lines(&self.source[start..at]);
        let mut text = before.clone().into_owned();
        text.push_str(&super::visible::lines(&self.source[at..end]));
        let window = Window {
            text,
            start,
            first_line,
        };
        (window, start + before.len())
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
        let message = super::visible::line(message);
        let mut lines = vec![format!("{}:{position}: {severity}: {message}", self.name)];
        let at = self.offset(position);
        let line = self
            .line_starts()
            .partition_point(|&start| start <= at)
            .saturating_sub(1);
        let (window, at) = self.window(line, at);
        let width = window.text[at - window.start..]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
        let diagnostic = MietteDiagnostic::new(String::new()).with_labels([LabeledSpan::new(
            Some(label.to_string()),
            at,
            width,
        )]);
        let report =
            miette::Report::new(diagnostic).with_source_code(NamedSource::new(&self.name, window));
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
    fn line_numbers_are_the_documents_far_down() {
        let text: String = (1..=5000).map(|n| format!("line {n}\n")).collect();
        let snippets = Snippets::new("x.md", Arc::from(text), false);
        let drawn = snippets
            .render(
                Position {
                    line: 4321,
                    column: 6,
                },
                "warning",
                "m",
                "here",
            )
            .join("\n");
        assert!(drawn.contains("4321 | line 4321"), "{drawn}");
        assert!(drawn.contains("4320 | line 4320"), "{drawn}");
        assert!(drawn.contains("[x.md:4321:6]"), "{drawn}");
    }

    #[test]
    fn control_characters_are_drawn_as_escapes_with_the_caret_in_place() {
        let snippets = Snippets::new(
            "x\u{1b}[2J.md",
            Arc::from("a\u{1b}]0;t\u{7}b\u{202e} oops\n"),
            false,
        );
        let lines = snippets.render(
            Position {
                line: 1,
                column: 11,
            },
            "warning",
            "m\u{9b}",
            "here",
        );
        let drawn = lines.join("\n");
        assert!(
            !drawn.chars().any(|c| c.is_control() && c != '\n'),
            "{drawn:?}"
        );
        assert!(!drawn.contains('\u{202e}'), "{drawn:?}");
        assert!(
            drawn.starts_with("x\\x1b[2J.md:1:11: warning: m\\u{9b}"),
            "{drawn}"
        );
        assert!(drawn.contains("a\\x1b]0;t\\x07b\\u{202e} oops"), "{drawn}");
        // The caret stays under the 'o' of "oops".
        let source = lines.iter().find(|l| l.contains("oops")).unwrap();
        let caret = lines
            .iter()
            .find(|l| l.contains('|') && !l.contains("oops") && l.trim_start().starts_with(':'))
            .unwrap();
        assert_eq!(source.find("oops"), caret.find('|'), "{drawn}");
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let snippets = Snippets::new("x.md", Arc::from("ab"), false);
        let lines = snippets.render(Position { line: 9, column: 9 }, "error", "m", "end");
        assert_eq!(lines[0], "x.md:9:9: error: m");
    }
}
