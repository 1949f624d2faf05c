//! The batch index (`convert DIR -o OUT --html` writes `OUT/index.html`):
//! takes one [`Entry`] per input, gives a page listing each with its status,
//! counts and warnings, the doubtful ones first (failed, then most warnings).
//! Column headers sort the table with a small inline script; without
//! JavaScript the table stays in that doubtful-first order.

use super::html::{attr, text};
use crate::view::Counts;

/// One input of a batch.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    /// The input path as shown.
    pub input: String,
    /// The review page, relative to the index.
    pub page: Option<String>,
    /// `converted`, `warned`, `failed` or `skipped`.
    pub status: String,
    /// Counts, when converted.
    pub counts: Option<Counts>,
    /// Warning messages (with `line:col`).
    pub warnings: Vec<String>,
    /// The error, when failed.
    pub error: Option<String>,
}

fn doubt(entry: &Entry) -> (u8, std::cmp::Reverse<usize>) {
    let rank = match entry.status.as_str() {
        "failed" => 0,
        "warned" => 1,
        "converted" => 2,
        _ => 3,
    };
    (rank, std::cmp::Reverse(entry.warnings.len()))
}

const SORT_SCRIPT: &str = r#"<script>
document.querySelectorAll('table.index th button').forEach(function (button, column) {
  button.addEventListener('click', function () {
    var table = button.closest('table'), body = table.tBodies[0];
    var th = button.parentNode, asc = th.getAttribute('aria-sort') !== 'ascending';
    table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[column].getAttribute('data-sort'), y = b.cells[column].getAttribute('data-sort');
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return asc ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
</script>
"#;

/// The index page of a batch.
pub fn page(entries: &[Entry]) -> String {
    let mut sorted: Vec<&Entry> = entries.iter().collect();
    sorted.sort_by(|a, b| doubt(a).cmp(&doubt(b)).then_with(|| a.input.cmp(&b.input)));
    let mut out = String::with_capacity(4096 + entries.len() * 512);
    super::head(&mut out, "un2akn batch review", true);
    let failed = entries.iter().filter(|e| e.status == "failed").count();
    let warned = entries.iter().filter(|e| e.status == "warned").count();
    out.push_str("<main class=\"doc\" id=\"text\">\n<h1>Batch review</h1>\n");
    out.push_str(&format!(
        "<p class=\"totals\">{} inputs: {failed} failed, {warned} with warnings, {} clean. Doubtful ones first; click a column to sort.</p>\n",
        entries.len(),
        entries.len() - failed - warned
    ));
    out.push_str("<table class=\"index\">\n<thead><tr>");
    for (n, label) in [
        "Doubt",
        "Input",
        "Status",
        "Warnings",
        "Preamble",
        "Operative",
        "Footnotes",
        "References",
    ]
    .iter()
    .enumerate()
    {
        let sort = if n == 0 {
            " aria-sort=\"ascending\""
        } else {
            ""
        };
        out.push_str(&format!(
            "<th scope=\"col\"{sort}><button type=\"button\">{label}</button></th>"
        ));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (rank, entry) in sorted.iter().enumerate() {
        out.push_str("<tr>");
        out.push_str(&format!("<td data-sort=\"{rank}\">{}</td>", rank + 1));
        out.push_str("<td");
        attr(&mut out, "data-sort", &entry.input);
        out.push('>');
        match &entry.page {
            Some(page) if super::html::safe_href(page).is_some() => {
                out.push_str("<a");
                attr(&mut out, "href", page);
                out.push('>');
                text(&mut out, &entry.input);
                out.push_str("</a>");
            }
            _ => text(&mut out, &entry.input),
        }
        out.push_str("</td><td");
        attr(&mut out, "data-sort", &entry.status);
        attr(
            &mut out,
            "class",
            &format!("st-{}", super::html::id(&entry.status)),
        );
        out.push('>');
        text(&mut out, &entry.status);
        if let Some(error) = &entry.error {
            out.push_str(": ");
            text(&mut out, error);
        }
        out.push_str(&format!("</td><td data-sort=\"{}\">", entry.warnings.len()));
        if !entry.warnings.is_empty() {
            out.push_str(&format!("{}<ul>", entry.warnings.len()));
            for warning in &entry.warnings {
                out.push_str("<li>");
                text(&mut out, warning);
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        } else {
            out.push('0');
        }
        out.push_str("</td>");
        let counts = entry.counts.unwrap_or_default();
        for value in [
            counts.preamble,
            counts.operative,
            counts.footnotes,
            counts.references,
        ] {
            match entry.counts {
                Some(_) => out.push_str(&format!("<td data-sort=\"{value}\">{value}</td>")),
                None => out.push_str("<td data-sort=\"-1\">–</td>"),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</main>\n");
    out.push_str(SORT_SCRIPT);
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubtful_first_and_escaped() {
        let entries = [
            Entry {
                input: "a.md".into(),
                status: "converted".into(),
                counts: Some(Counts::default()),
                ..Entry::default()
            },
            Entry {
                input: "b<script>.md".into(),
                status: "failed".into(),
                error: Some("x & y".into()),
                ..Entry::default()
            },
            Entry {
                input: "c.md".into(),
                status: "warned".into(),
                warnings: vec!["1:1: w".into()],
                ..Entry::default()
            },
        ];
        let html = page(&entries);
        let (b, c, a) = (
            html.find("b&lt;script&gt;").unwrap(),
            html.find(">c.md").unwrap(),
            html.find(">a.md").unwrap(),
        );
        assert!(b < c && c < a);
        assert!(html.contains("x &amp; y"));
    }
}
