//! The diff as a self-contained HTML page in the style of the review page:
//! takes a [`Diff`], gives a page with a summary and, part by part, either
//! the two texts side by side or one text with inline track changes.

use super::{Diff, Paragraph, PartKind, Side, Status};
use crate::render::html::{attr, text};
use crate::view::Identity;

/// How the page shows changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Old and new in two columns.
    #[default]
    SideBySide,
    /// One column with insertions and deletions marked.
    Inline,
}

fn name(identity: &Identity) -> String {
    identity
        .symbol
        .clone()
        .or_else(|| identity.number.clone())
        .unwrap_or_else(|| identity.work.clone())
}

/// The diff page.
pub fn page(diff: &Diff, layout: Layout) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let (old, new) = (name(&diff.old), name(&diff.new));
    crate::render::head(&mut out, &format!("{old} → {new} — un2akn diff"), false);
    out.push_str("<div class=\"layout\">\n<aside class=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Diff summary</h2>\n<dl>");
    for (label, identity) in [("Old", &diff.old), ("New", &diff.new)] {
        out.push_str(&format!("<dt>{label}</dt><dd>"));
        text(&mut out, &name(identity));
        if let Some(title) = &identity.title {
            out.push_str("<br>");
            text(&mut out, title);
        }
        out.push_str("<br><small>");
        text(&mut out, &identity.expression);
        out.push_str("</small></dd>");
    }
    out.push_str("</dl>\n<h3>Paragraphs</h3>\n<dl class=\"counts\">");
    let s = &diff.summary;
    for (status, count) in [
        (Status::Unchanged, s.unchanged),
        (Status::Changed, s.changed),
        (Status::Moved, s.moved),
        (Status::Added, s.added),
        (Status::Removed, s.removed),
    ] {
        out.push_str(&format!(
            "<dt><span class=\"status s-{0}\">{0}</span></dt><dd data-count=\"{0}\">{count}</dd>",
            status.name()
        ));
    }
    out.push_str("</dl>\n<p class=\"legend\"><del>deleted</del> <ins>inserted</ins></p>\n</aside>\n<main class=\"doc\" id=\"text\">\n<h1 class=\"title\">");
    text(&mut out, &old);
    out.push_str(" → ");
    text(&mut out, &new);
    out.push_str("</h1>\n");
    for part in [
        PartKind::Preamble,
        PartKind::Operative,
        PartKind::Footnote,
        PartKind::Annex,
    ] {
        let rows: Vec<&Paragraph> = diff.paragraphs.iter().filter(|p| p.part == part).collect();
        if rows.is_empty() {
            continue;
        }
        let heading = match part {
            PartKind::Preamble => "Preamble",
            PartKind::Operative => "Operative part",
            PartKind::Footnote => "Footnotes",
            PartKind::Annex => "Annexes",
        };
        out.push_str(&format!(
            "<section aria-labelledby=\"h-{0}\">\n<h2 id=\"h-{0}\">{heading}</h2>\n<table class=\"diff {1}\">\n<thead><tr>",
            part.name(),
            if layout == Layout::Inline { "inline" } else { "side" }
        ));
        match layout {
            Layout::SideBySide => out.push_str("<th scope=\"col\">Old</th><th scope=\"col\">Old text</th><th scope=\"col\">Status</th><th scope=\"col\">New</th><th scope=\"col\">New text</th>"),
            Layout::Inline => out.push_str("<th scope=\"col\">Old</th><th scope=\"col\">New</th><th scope=\"col\">Status</th><th scope=\"col\">Text</th>"),
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for paragraph in rows {
            row(&mut out, paragraph, layout);
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    out.push_str("</main>\n</div>\n</body>\n</html>\n");
    out
}

fn num(out: &mut String, side: Option<&Side>) {
    out.push_str("<td class=\"num\">");
    if let Some(side) = side {
        text(out, &side.label());
    }
    out.push_str("</td>");
}

fn row(out: &mut String, paragraph: &Paragraph, layout: Layout) {
    let status = paragraph.status.name();
    out.push_str("<tr");
    attr(out, "class", &format!("r-{status}"));
    if let Some(side) = paragraph.new.as_ref().or(paragraph.old.as_ref()) {
        attr(out, "data-eid", &side.eid);
    }
    out.push('>');
    let badge = format!("<td><span class=\"status s-{status}\">{status}</span></td>");
    let changed = !paragraph.changes.is_empty();
    match layout {
        Layout::SideBySide => {
            num(out, paragraph.old.as_ref());
            out.push_str("<td>");
            if changed {
                runs(out, paragraph, "delete");
            } else if let Some(old) = &paragraph.old {
                whole(out, &old.text, paragraph.status == Status::Removed, "del");
            }
            out.push_str("</td>");
            out.push_str(&badge);
            num(out, paragraph.new.as_ref());
            out.push_str("<td>");
            if changed {
                runs(out, paragraph, "insert");
            } else if let Some(new) = &paragraph.new {
                whole(out, &new.text, paragraph.status == Status::Added, "ins");
            }
            out.push_str("</td>");
        }
        Layout::Inline => {
            num(out, paragraph.old.as_ref());
            num(out, paragraph.new.as_ref());
            out.push_str(&badge);
            out.push_str("<td>");
            if changed {
                for change in &paragraph.changes {
                    mark(out, change.op, &change.text);
                }
            } else if let Some(new) = &paragraph.new {
                whole(out, &new.text, paragraph.status == Status::Added, "ins");
            } else if let Some(old) = &paragraph.old {
                whole(out, &old.text, true, "del");
            }
            out.push_str("</td>");
        }
    }
    out.push_str("</tr>\n");
}

/// One side of a changed paragraph: equal runs and the runs of `kind`.
fn runs(out: &mut String, paragraph: &Paragraph, kind: &str) {
    for change in paragraph
        .changes
        .iter()
        .filter(|c| c.op == "equal" || c.op == kind)
    {
        mark(out, change.op, &change.text);
    }
}

fn mark(out: &mut String, op: &str, words: &str) {
    match op {
        "insert" => {
            out.push_str("<ins>");
            text(out, words);
            out.push_str("</ins>");
        }
        "delete" => {
            out.push_str("<del>");
            text(out, words);
            out.push_str("</del>");
        }
        _ => text(out, words),
    }
}

fn whole(out: &mut String, words: &str, marked: bool, tag: &str) {
    if marked {
        out.push_str(&format!("<{tag}>"));
        text(out, words);
        out.push_str(&format!("</{tag}>"));
    } else {
        text(out, words);
    }
}
