//! Page furniture in PDF-extracted text: job numbers, barcodes, page
//! counters and numbers, the symbol and running titles repeated at the top
//! of each page.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::{Kind, Raw};
use crate::clean::FurnitureKind;
use crate::error::{Position, Warning};

/// "25-15106 (E)", "25-15106", "25-19373 (E)    021225", "02-72318 (E)".
pub(super) fn is_job_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() < 8 || !bytes[..2].iter().all(u8::is_ascii_digit) || bytes[2] != b'-' {
        return false;
    }
    let digits = bytes[3..].iter().take_while(|b| b.is_ascii_digit()).count();
    if digits != 5 {
        return false;
    }
    let rest = text[8..].trim();
    let rest = rest
        .strip_prefix('(')
        .and_then(|r| r.get(1..))
        .and_then(|r| r.strip_prefix(')'))
        .map_or(rest, str::trim);
    rest.is_empty() || (rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_digit()))
}

/// "*2515106*".
pub(super) fn is_barcode(text: &str) -> bool {
    text.len() >= 6
        && text.starts_with('*')
        && text.ends_with('*')
        && text[1..text.len() - 1].bytes().all(|b| b.is_ascii_digit())
}

/// "2/6": page 2 of 6.
pub(super) fn is_page_counter(text: &str) -> bool {
    // "999/999" at most: no search through a line of running text.
    if text.len() > 7 {
        return false;
    }
    let Some((page, of)) = text.split_once('/') else {
        return false;
    };
    let number = |s: &str| !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
    number(page)
        && number(of)
        && page.parse::<u32>().unwrap_or(0) <= of.parse::<u32>().unwrap_or(0)
        && page != "0"
}

/// "Page 2", "- 3 -": a page number line of older documents.
fn is_page_number(text: &str) -> bool {
    let number = text
        .strip_prefix("Page ")
        .or_else(|| text.strip_prefix("- ").and_then(|t| t.strip_suffix(" -")));
    number.is_some_and(|n| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A line that is a document symbol, possibly after "United Nations":
/// "A/RES/80/1", "S/RES/1445 (2002)", "United Nations S/RES/1445 (2002)".
pub(super) fn symbol_of_line(text: &str) -> Option<&str> {
    let text = text
        .strip_prefix("United Nations")
        .or_else(|| text.strip_prefix("UNITED NATIONS"))
        .map_or(text, str::trim);
    // The series, "A" to "UNEP", then a slash: most lines fail here.
    let series = text.bytes().take_while(u8::is_ascii_uppercase).count();
    if series > 5 || text.as_bytes().get(series) != Some(&b'/') {
        return None;
    }
    let head = text.split(' ').next()?;
    let rest = &head[series + 1..];
    let ok = rest.split('/').all(|p| {
        !p.is_empty()
            && p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
    }) && head.bytes().any(|b| b.is_ascii_digit());
    let tail = text[head.len()..].trim();
    // "S/RES/1445 (2002)"; a resolution adopted in parts, "A/RES/76/235 B".
    let part = (1..=3).contains(&tail.len())
        && tail.starts_with(|c: char| c.is_ascii_uppercase())
        && tail.bytes().all(|b| b.is_ascii_uppercase() || b == b'-');
    let tail_ok = tail.is_empty()
        || part
        || (tail.starts_with('(')
            && tail.ends_with(')')
            && tail[1..tail.len() - 1].bytes().all(|b| b.is_ascii_digit()));
    (ok && tail_ok).then_some(text)
}

/// The page count that the "N/M" page counters of a document share: the
/// denominator most lines of that form have (ties: the smallest). A
/// resolution number alone on its line ("78/330", a citation broken one word
/// per line) has another denominator and stays text.
fn page_count(raws: &[Raw<'_>]) -> Option<u32> {
    let mut counts: FxHashMap<u32, usize> = FxHashMap::default();
    for raw in raws.iter().filter(|r| r.kind == Kind::Text) {
        if let Some(of) = page_counter_total(raw.text) {
            *counts.entry(of).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(of, count)| (count, std::cmp::Reverse(of)))
        .map(|(of, _)| of)
}

/// The M of a page counter "N/M".
fn page_counter_total(text: &str) -> Option<u32> {
    if !is_page_counter(text) {
        return None;
    }
    text.split_once('/')?.1.parse().ok()
}

pub(super) fn classify(raws: &mut [Raw<'_>]) {
    let mut symbol: Option<&str> = None;
    let pages = page_count(raws);
    let counts_pages = |text: &str| page_counter_total(text).is_some_and(|of| Some(of) == pages);
    for (index, raw) in raws.iter_mut().enumerate() {
        if raw.kind != Kind::Text {
            continue;
        }
        let text = raw.text;
        let kind = if is_job_number(text) {
            Some(FurnitureKind::JobNumber)
        } else if is_barcode(text) {
            Some(FurnitureKind::Barcode)
        } else if counts_pages(text) || is_page_number(text) {
            Some(FurnitureKind::PageCounter)
        } else if text.len() >= 3 && text.bytes().all(|b| b == b'_') {
            Some(FurnitureKind::FootnoteRule)
        } else if text.len() >= 3
            && (text.bytes().all(|b| b == b'-') || text.bytes().all(|b| b == b'='))
        {
            Some(FurnitureKind::PageBreak)
        } else if let Some(found) = symbol_of_line(text) {
            match symbol {
                // The first symbol near the top is the masthead's docNumber.
                None if index < 40 => {
                    symbol = Some(found);
                    None
                }
                Some(first) if first == found => Some(FurnitureKind::RunningHeader),
                _ => None,
            }
        } else {
            None
        };
        if let Some(kind) = kind {
            raw.kind = Kind::Furniture(kind);
        }
    }
}

/// Whether a furniture kind marks the top (or bottom) of a later page.
pub(super) fn is_page_anchor(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Furniture(FurnitureKind::PageCounter | FurnitureKind::RunningHeader)
    )
}

fn is_furniture(kind: Kind) -> bool {
    matches!(kind, Kind::Furniture(_)) && kind != Kind::Furniture(FurnitureKind::FootnoteRule)
}

/// The short title repeated next to the page anchors: a text line adjacent to
/// furniture in a page-header cluster that also stands elsewhere in the
/// document (the title, or another page's header).
pub(super) fn mark_running_titles(raws: &mut [Raw<'_>], warnings: &mut Vec<Warning>) {
    // How many distinct lines near a page anchor (within three lines of
    // text either side) read the same: a line repeated in the running text
    // does not count, only one repeated at page tops or bottoms.
    // Each such line's places: (line, its anchor).
    let mut near: FxHashMap<&str, Vec<(usize, usize)>> = FxHashMap::default();
    for anchor in (0..raws.len()).filter(|&i| is_page_anchor(raws[i].kind)) {
        for direction in [-1isize, 1] {
            let mut seen = 0;
            let mut at = anchor as isize + direction;
            while seen < 3 && at >= 0 && (at as usize) < raws.len() {
                let raw = &raws[at as usize];
                if raw.kind == Kind::Text {
                    let places = near.entry(raw.text).or_default();
                    if !places.contains(&(at as usize, anchor)) {
                        places.push((at as usize, anchor));
                    }
                    seen += 1;
                }
                at += direction;
            }
        }
    }
    // Printed by more than one page: two lines with no page anchor between
    // them ("Part VII" ⏎ "Global communications" ⏎ "Section 28" ⏎ "Global
    // communications" at one page's foot) are one page's text.
    let mut anchors_before = Vec::with_capacity(raws.len());
    let mut seen_anchors = 0;
    for raw in raws.iter() {
        seen_anchors += usize::from(is_page_anchor(raw.kind));
        anchors_before.push(seen_anchors);
    }
    let pages = |places: &[(usize, usize)]| {
        let mut pages: Vec<usize> = places.iter().map(|&(i, _)| anchors_before[i]).collect();
        pages.sort_unstable();
        pages.dedup();
        pages.len()
    };
    // A running title heads every page after the first; a heading printed
    // at one page's foot and again at the next page's top ("Global
    // communications" above and below the furniture of page 13 of 19) is
    // near two of them. A third of the page tops at least.
    let tops = raws
        .iter()
        .filter(|raw| raw.kind == Kind::Furniture(FurnitureKind::PageCounter))
        .count();
    let repeated = |places: &[(usize, usize)]| {
        let pages = pages(places);
        pages >= 2 && pages * 3 >= tops
    };
    let counts: FxHashMap<&str, bool> = near
        .iter()
        .map(|(text, places)| (*text, repeated(places)))
        .collect();
    // The masthead, up to the enacting formula: where the title is printed
    // in full. A short first page may break it ("[without reference to a
    // Main Committee (…)]" ⏎ (page) ⏎ "76/12. Jerusalem" ⏎ "The General
    // Assembly,", 76/12 at pages of 22 lines): it runs on to a formula in
    // the first 60 lines. A statement has no formula: its masthead ends
    // with the first page at the latest.
    let first_page_end = raws
        .iter()
        .position(|r| is_page_anchor(r.kind))
        .unwrap_or(raws.len());
    let formula = |r: &Raw<'_>| {
        r.text.starts_with("The ") && r.text.ends_with(',')
            || crate::lang::formula(r.text).is_some()
    };
    let head_end = raws
        .iter()
        .take(60)
        .position(formula)
        .unwrap_or(60.min(first_page_end).min(raws.len()));
    // A statement's masthead ends with its opening, "… made the following
    // statement on behalf of the Council:" above the statement's first
    // quoted paragraph: the statement's lines ("… of countries of the
    // region.") are no title's (S/PRST/2013/22: "the region." atop page 4).
    let head_end = (0..head_end)
        .find(|&at| {
            raws[at].kind == Kind::Text
                && raws[at].text.trim_end().ends_with([':', '：'])
                && raws[at + 1..]
                    .iter()
                    .find(|r| r.kind == Kind::Text)
                    .is_some_and(|r| r.text.starts_with(['“', '«', '„', '"']))
        })
        .map_or(head_end, |opening| opening + 1);
    // Printed in the masthead by another line than itself: in a text with
    // no blank lines and a formula without its comma, the "masthead" can
    // run on into the text, which holds each of its own lines.
    let head_lines: Vec<(usize, &str)> = raws[..head_end]
        .iter()
        .filter(|r| r.kind == Kind::Text)
        .map(|r| (r.number, r.text))
        .collect();
    let in_head = |raw: &Raw<'_>| {
        head_lines
            .iter()
            .any(|&(number, line)| number != raw.number && contains_words(line, raw.text))
    };
    let is_candidate = |raw: &Raw<'_>| {
        let repeated = counts.get(raw.text).copied().unwrap_or(false);
        // A title's last line may start with a figure ("1863 (2009)"), but
        // so do paragraphs and notes: only when it is both repeated at page
        // tops and printed in the masthead's title.
        let figure = raw
            .text
            .starts_with(|c: char| c.is_ascii_digit() || c == '(');
        raw.kind == Kind::Text
            && raw.text.len() >= 8
            && raw.text.len() <= 160
            && has_words(raw.text)
            && !raw.text.ends_with([',', ';', ':'])
            && (!figure || repeated && in_head(raw))
            && (repeated || in_head(raw))
    };
    header_titles(raws, &head_lines, first_page_end);
    // A document prints its title on every page after the first, or on
    // none: where three pages or more print none, a line at a page's top
    // that is in the masthead is text (ar 76/225 at 56 columns: "للشعب
    // الفلسطيني في الأرض الفلسطينية المحتلة، بما فيها", a line of its
    // title quoted in a recital, atop page 7 of 10).
    let untitled = tops >= 3
        && !counts.values().any(|&repeated| repeated)
        && !raws
            .iter()
            .any(|raw| raw.kind == Kind::Furniture(FurnitureKind::RunningTitle));
    let anchors: Vec<usize> = (0..raws.len())
        .filter(|&i| is_page_anchor(raws[i].kind))
        .collect();
    for anchor in anchors {
        for direction in [-1isize, 1] {
            let shows_title = || page_shows_title(raws, anchor);
            let mut titles = Vec::new();
            let mut at = anchor as isize + direction;
            while at >= 0 && (at as usize) < raws.len() {
                let raw = &raws[at as usize];
                if raw.kind == Kind::Blank || is_furniture(raw.kind) {
                    at += direction;
                    continue;
                }
                // "I" ⏎ "Support account for peacekeeping operations" ⏎
                // "A/RES/79/298" ⏎ the same title (79/298 at 56 columns):
                // under a part's label, beside the page's title already
                // taken, the part's heading, which reads as the title.
                let heading = || heads_a_part(raws, at as usize) && shows_title();
                // "78/129. Promotion of … dialogue," ⏎ (page: "A/RES/78/129"
                // ⏎ the two-line title ⏎ "2/17") ⏎ "understanding and
                // cooperation for peace" (78/129 at 80 columns, pages of 24
                // lines): a page prints its title once, so a line beyond
                // the furniture that repeats a line of it is text.
                let printed_again = || {
                    repeats_page_title(raws, anchor, at as usize)
                        || title_across_symbol(raws, anchor, at as usize)
                };
                if titles.len() < 2
                    && !untitled
                    && is_candidate(raw)
                    && !heading()
                    && !dates_a_meeting(raws, at as usize)
                    && !printed_again()
                {
                    titles.push(at as usize);
                    at += direction;
                    continue;
                }
                break;
            }
            // The last line of a paragraph above the page's furniture, or
            // the first below it, that happens to be printed twice ("…
            // Programme Aspects of the Budget, the Monitoring of
            // Implementation and the Methods of") goes on from the text
            // line right above it, or into the one right below it; a title
            // stands apart, or is the masthead's (text without blank lines
            // runs into it) on a page that prints no other title: a page
            // prints its title once, so beside one already taken ("A/RES/
            // 79/207" ⏎ its three title lines ⏎ "12/13") a paragraph's line
            // that happens to read as one of the masthead's title lines
            // ("Desertification in Those Countries Experiencing Serious
            // Drought and/or") goes on into the text below it.
            let the_masthead_title =
                titles.iter().all(|&index| in_head(&raws[index])) && !shows_title();
            // Beside a title already taken, a line under a colon goes on
            // its sentence too: "… Development Goal 14:" ⏎ "Conserve and
            // sustainably use the oceans, seas and marine" ⏎ "A/RES/80/108"
            // ⏎ the whole title (80/108 at 56 columns), a line the text
            // also prints atop another page.
            let under_colon = |index: usize| {
                index.checked_sub(1).is_some_and(|above| {
                    raws[above].kind == Kind::Text && raws[above].text.trim_end().ends_with(':')
                })
            };
            let tail =
                |index: usize| is_sentence_tail(raws, index) || under_colon(index) && shows_title();
            let in_paragraph = !the_masthead_title
                && titles.last().is_some_and(|&last| {
                    if direction < 0 {
                        tail(last)
                    } else {
                        raws.get(last + 1)
                            .is_some_and(|below| below.kind == Kind::Text)
                            && tail(last + 1)
                    }
                });
            if !in_paragraph {
                for index in titles {
                    raws[index].kind = Kind::Furniture(FurnitureKind::RunningTitle);
                }
            }
        }
    }
    // A line printed next to the page furniture of several pages but kept
    // as text: a running title the rules above did not take?
    // The masthead's copy of the title is text by right, and so is the
    // tail of a sentence ("world," under "… in all regions of the") or a
    // lone point label that happens to stand near the furniture twice.
    let kept_of = |near: &FxHashMap<&str, Vec<(usize, usize)>>| -> Vec<usize> {
        near.values()
            .filter(|places| repeated(places) && !goes_on_differently(raws, places))
            .filter_map(|places| {
                places.iter().find_map(|&(i, anchor)| {
                    let doubtful = raws[i].kind == Kind::Text
                        && i >= head_end
                        && !is_sentence_tail(raws, i)
                        && !goes_on_across_furniture(raws, i)
                        && !is_lone_label(raws[i].text)
                        && !heads_a_part(raws, i)
                        && !repeats_page_title(raws, anchor, i);
                    doubtful.then_some(i)
                })
            })
            .collect()
    };
    // Settling which places stand against the furniture only drops places:
    // asked only where a line would be in doubt (a few documents).
    let mut kept = kept_of(&near);
    if !kept.is_empty() {
        kept = kept_of(&against_furniture(raws, near, repeated));
    }
    kept.sort_unstable();
    for index in kept {
        warnings.push(Warning {
            position: Position {
                line: raws[index].number,
                column: raws[index].column,
            },
            message: format!(
                "line repeated at the tops of pages kept as text (a running title?): {}",
                excerpt(raws[index].text)
            ),
        });
    }
}

/// Whether the furniture around page anchor `anchor` (the lines up to the
/// text on either side) already holds a running title.
fn page_shows_title(raws: &[Raw<'_>], anchor: usize) -> bool {
    page_title_lines(raws, anchor).next().is_some()
}

/// Whether line `index` repeats words of the running title that the
/// furniture around page anchor `anchor` prints (a line of it, or part of
/// one: "and Caribbean Economic System" under "… the Latin American and" ⏎
/// "Caribbean Economic System", 79/13 at 66 columns): a page prints its
/// title once, so it is text.
fn repeats_page_title(raws: &[Raw<'_>], anchor: usize, index: usize) -> bool {
    let text = raws[index].text.trim();
    let lines: Vec<&str> = page_title_lines(raws, anchor)
        .map(|raw| raw.text.trim())
        .collect();
    !lines.is_empty()
        && contains_words(
            &crate::clean::collapse(&lines.join(" ")),
            &crate::clean::collapse(text),
        )
}

/// Whether the furniture around page anchor `anchor` prints its running
/// title on the other side of the document's symbol from line `index`
/// ("Contributions apportioned to Member States … scale of", a table's row,
/// above "A/RES/80/239" ⏎ the two-line title, 80/239 at 80 columns): a
/// title stands on one side of the symbol, so the line is text.
fn title_across_symbol(raws: &[Raw<'_>], anchor: usize, index: usize) -> bool {
    let cluster = cluster_around(raws, anchor);
    let Some(symbol) = cluster
        .clone()
        .find(|&at| raws[at].kind == Kind::Furniture(FurnitureKind::RunningHeader))
    else {
        return false;
    };
    let mut titles = cluster
        .filter(|&at| raws[at].kind == Kind::Furniture(FurnitureKind::RunningTitle))
        .peekable();
    titles.peek().is_some() && titles.all(|title| (title < symbol) != (index < symbol))
}

/// The running title's lines in the furniture around page anchor `anchor`,
/// in their order.
fn page_title_lines<'r, 'a>(
    raws: &'r [Raw<'a>],
    anchor: usize,
) -> impl Iterator<Item = &'r Raw<'a>> {
    raws[cluster_around(raws, anchor)]
        .iter()
        .filter(|raw| raw.kind == Kind::Furniture(FurnitureKind::RunningTitle))
}

/// The lines around page anchor `anchor` up to the text on either side:
/// the page's furniture and the blank lines among it.
fn cluster_around(raws: &[Raw<'_>], anchor: usize) -> std::ops::Range<usize> {
    let in_cluster = |raw: &Raw<'_>| raw.kind == Kind::Blank || is_furniture(raw.kind);
    let start = raws[..anchor]
        .iter()
        .rposition(|raw| !in_cluster(raw))
        .map_or(0, |at| at + 1);
    let end = raws[anchor..]
        .iter()
        .position(|raw| !in_cluster(raw))
        .map_or(raws.len(), |at| anchor + at);
    start..end
}

/// The places of `near` (each text line's places near a page anchor) where
/// the line stands against the page's furniture: the text lines between it
/// and the anchor, if any, are themselves repeated there (a running title's
/// other lines). A paragraph's line a few lines from a page's end that reads
/// like another page's top line ("destruction," closing one recital above
/// the furniture, and another below it) is running text, and so is one
/// between its anchor and a line that goes on differently there (two lines
/// of a paragraph printed at one page's top and, word for word, two lines
/// above another page's foot, the second going on into other words).
/// Settled until no line drops out, as a line's standing rests on the
/// lines between it and its anchor.
fn against_furniture<'a>(
    raws: &[Raw<'a>],
    mut near: FxHashMap<&'a str, Vec<(usize, usize)>>,
    repeated: impl Fn(&[(usize, usize)]) -> bool,
) -> FxHashMap<&'a str, Vec<(usize, usize)>> {
    loop {
        let standing: FxHashMap<&str, bool> = near
            .iter()
            .map(|(text, places)| {
                let stands = repeated(places) && !goes_on_differently(raws, places);
                (*text, stands)
            })
            .collect();
        let mut dropped = false;
        for places in near.values_mut() {
            let before = places.len();
            places.retain(|&(line, anchor)| {
                let between = if line < anchor {
                    line + 1..anchor
                } else {
                    anchor + 1..line
                };
                raws[between].iter().all(|raw| {
                    raw.kind != Kind::Text || standing.get(raw.text).copied().unwrap_or(false)
                })
            });
            dropped |= places.len() != before;
        }
        if !dropped {
            return near;
        }
    }
}

/// Whether the line printed at `places` breaks off mid-phrase and goes on
/// into different lines there: a paragraph's line printed twice ("… the
/// Monitoring of Implementation and the Methods of" at one page's foot and
/// the next page's top, going on in "Evaluation,1 by which" and
/// "Evaluation;"), where a running title's wrapped line goes on into its
/// next line on every page.
fn goes_on_differently(raws: &[Raw<'_>], places: &[(usize, usize)]) -> bool {
    let Some(&(first, _)) = places.first() else {
        return false;
    };
    let next = |line: usize| {
        raws[line + 1..]
            .iter()
            .find(|raw| raw.kind != Kind::Blank)
            .map(|raw| raw.text)
    };
    crate::lang::breaks_off(raws[first].text)
        && places.iter().any(|&(line, _)| next(line) != next(first))
}

/// Whether line `index` stands under a part's or an annex's label ("I",
/// "Part II", "Annex"), blank lines or a page's furniture between: that
/// part's heading or the annex's title ("Annex" ⏎ (page) ⏎ "Sevilla
/// Commitment"), text by right, though the running title may read the same.
fn heads_a_part(raws: &[Raw<'_>], index: usize) -> bool {
    text_above(raws, index, |kind| {
        kind == Kind::Blank || is_furniture(kind)
    })
    .is_some_and(is_part_label)
}

/// Whether `text` is a part's or an annex's label alone on its line: "I",
/// "Part II", "Section 18", "Annex", "المرفق".
fn is_part_label(text: &str) -> bool {
    crate::clean::is_division_label(text) || crate::lang::is_annex_heading_line(text)
}

/// Whether line `index` is a date under a meeting line: the date of the
/// meeting ("الجلسة العامة 42" ⏎ "30 تشرين الثاني/نوفمبر 2022" ⏎
/// "A/RES/77/26", ar 77/26 without blank lines), which the masthead's
/// adoption line holds too, but no title.
fn dates_a_meeting(raws: &[Raw<'_>], index: usize) -> bool {
    text_above(raws, index, |kind| kind == Kind::Blank)
        .is_some_and(|meeting| crate::grammar::is_meeting_and_date(meeting, raws[index].text))
}

/// The text of the nearest line above line `index` that `skip` does not
/// pass over, if that line is text.
fn text_above<'a>(raws: &[Raw<'a>], index: usize, skip: impl Fn(Kind) -> bool) -> Option<&'a str> {
    raws[..index]
        .iter()
        .rev()
        .find(|raw| !skip(raw.kind))
        .filter(|raw| raw.kind == Kind::Text)
        .map(|raw| raw.text)
}

/// Whether line `index` goes on with a sentence begun on the text line
/// right above it (no blank line between, none of ". ; :" closing that
/// one), or opens the paragraph numbered there: never a running title's
/// first line.
fn is_sentence_tail(raws: &[Raw<'_>], index: usize) -> bool {
    let above = index.checked_sub(1).map(|i| &raws[i]);
    // Or a paragraph's first line, after its number: "25." ⏎ "Further
    // welcomes … of la". An abbreviation a number follows closes nothing:
    // "… (E/2019/28), chap." ⏎ "I, sect. B." (a note's last line above
    // the furniture of two pages, 78/131).
    above.is_some_and(|above| {
        let text = above.text.trim_end();
        above.kind == Kind::Text
            && (!text.ends_with(['.', ';', ':'])
                || is_lone_label(text)
                || crate::clean::ends_in_abbreviation(text))
    })
}

/// Whether line `index`, at a page's top, goes on with the sentence that
/// the text line above the page's furniture left open: "78/25. Observance
/// of environmental norms in the drafting and" ⏎ (page) ⏎ "implementation
/// of agreements …" (78/25 at 66 columns), a line in lower case under one
/// that closes nothing, or any line under a connecting word ("… of the
/// Organisation of" ⏎ (page) ⏎ "Islamic Cooperation"). The running title's
/// own first line, if it were kept, would still be in doubt.
fn goes_on_across_furniture(raws: &[Raw<'_>], index: usize) -> bool {
    let skip = |kind: Kind| kind == Kind::Blank || is_furniture(kind);
    // The page's notes stand between too ("… to economic and social" ⏎
    // (rule, "5  See resolution 70/1.", page) ⏎ "development, with a view
    // to …", 79/43 at 48 columns): not yet told from text, they are the
    // lines under the page's rule.
    let mut at = index;
    let above = loop {
        let Some(line) = raws[..at].iter().rposition(|raw| !skip(raw.kind)) else {
            break None;
        };
        let rule = raws[..line]
            .iter()
            .rposition(|raw| !matches!(raw.kind, Kind::Text | Kind::Blank))
            .filter(|&rule| raws[rule].kind == Kind::Furniture(FurnitureKind::FootnoteRule));
        match rule {
            Some(rule) if raws[line].kind == Kind::Text => at = rule,
            _ => break (raws[line].kind == Kind::Text).then_some(raws[line].text),
        }
    };
    above.is_some_and(|above| {
        let above = above.trim_end();
        (raws[index].text.starts_with(char::is_lowercase) && !above.ends_with(['.', ';', ':']))
            || crate::grammar::ends_with_connector(above)
    })
}

/// A point label or paragraph number standing alone on its line: "(i)",
/// "(b)", "a)", "(A)", "7.", and the other languages' forms the grammar
/// knows ("1 -", "(د)", "１．").
fn is_lone_label(text: &str) -> bool {
    let label = text.trim_start_matches('(').trim_end_matches([')', '.']);
    let latin = label.len() < text.len()
        && !label.is_empty()
        && label.len() <= 5
        && label.chars().all(char::is_alphanumeric);
    latin || crate::grammar::is_lone_label(text)
}

/// How many lines a running title can take at the top of a page (a title
/// of 400 characters takes seven).
const MAX_TITLE_LINES: usize = 8;

/// Running titles printed as a run of lines right against the repeated
/// document symbol ("A/RES/78/129" ⏎ "Promotion of interreligious and
/// intercultural dialogue," ⏎ "understanding and cooperation for peace"):
/// the longest run (from the symbol's side) whose text is repeated against
/// the symbol on another page, or stands in the masthead's title. Its lines
/// may end with a comma or start with a figure, unlike running text.
/// `first_anchor` is the index of the first page's end (its first anchor).
fn header_titles(raws: &mut [Raw<'_>], head_lines: &[(usize, &str)], first_anchor: usize) {
    // The masthead without the lines of `run`: a run of the first page's
    // text above the furniture of the second is in the masthead's lines
    // but not printed by another ("S/PRST/2021/18" ⏎ "2/2" under eight
    // lines of a statement, which has no formula to end its masthead).
    let head_of = |run: &[usize], raws: &[Raw<'_>]| {
        let lines: Vec<&str> = head_lines
            .iter()
            .filter(|(number, _)| !run.iter().any(|&i| raws[i].number == *number))
            .map(|&(_, text)| text)
            .collect();
        crate::clean::collapse(&lines.join(" "))
    };
    let head = head_of(&[], raws);
    // Only a run on the first page shares lines with the masthead.
    let last_head_line = head_lines.last().map_or(0, |&(number, _)| number);
    // Per running header and side: the header's index and the lines of the run.
    let mut runs: Vec<(usize, Vec<usize>)> = Vec::new();
    for anchor in 0..raws.len() {
        if raws[anchor].kind != Kind::Furniture(FurnitureKind::RunningHeader) {
            continue;
        }
        for direction in [-1isize, 1] {
            let mut run = Vec::new();
            let mut at = anchor as isize + direction;
            while at >= 0 && (at as usize) < raws.len() && run.len() < MAX_TITLE_LINES {
                let raw = &raws[at as usize];
                if raw.kind != Kind::Text {
                    break;
                }
                run.push(at as usize);
                at += direction;
            }
            if direction < 0 {
                run.reverse();
            }
            if !run.is_empty() {
                runs.push((anchor, run));
            }
        }
    }
    // The text of each run's first k lines (from the symbol's side), and
    // how many runs start that way.
    let joined = |run: &[usize], raws: &[Raw<'_>]| {
        crate::clean::collapse(
            &run.iter()
                .map(|&i| raws[i].text)
                .collect::<Vec<_>>()
                .join(" "),
        )
    };
    let sides = |run: &Vec<usize>, k: usize| -> Vec<usize> {
        // A run before the symbol ends at it: its last k lines.
        let before = run.last().is_some_and(|&last| {
            raws.get(last + 1)
                .is_some_and(|r| r.kind == Kind::Furniture(FurnitureKind::RunningHeader))
        });
        if before {
            run[run.len() - k..].to_vec()
        } else {
            run[..k].to_vec()
        }
    };
    let mut counts: FxHashMap<String, usize> = FxHashMap::default();
    for (_, run) in &runs {
        for k in 1..=run.len() {
            *counts.entry(joined(&sides(run, k), raws)).or_insert(0) += 1;
        }
    }
    // Per run: the lines of its title, and how many runs print it (1 where
    // only the masthead does).
    let mut titles: Vec<Option<(Vec<usize>, usize)>> = Vec::with_capacity(runs.len());
    for (_, run) in &runs {
        let in_masthead = run.iter().any(|&i| raws[i].number <= last_head_line);
        let head = if in_masthead {
            Cow::Owned(head_of(run, raws))
        } else {
            Cow::Borrowed(&head)
        };
        // The first k lines of the run, their text, and how many runs print it.
        let printed_of = |k: usize| {
            let lines = sides(run, k);
            let text = joined(&lines, raws);
            (counts.get(&text).copied().unwrap_or(0), text, lines)
        };
        // Each of its first k lines (at index k - 1), measured once: the
        // loop below compares the longer with every shorter one.
        let prefixes: Vec<(usize, String, Vec<usize>)> = (1..=run.len()).map(printed_of).collect();
        let mut found = None;
        for k in (1..=run.len()).rev() {
            let (printed, text, lines) = &prefixes[k - 1];
            let printed = *printed;
            let repeated = printed >= 2;
            // A title reads the same on every page: a line that lengthens
            // it on a few pages of many is a paragraph's, printed twice
            // above the title ("50." ⏎ "Encourages Member States, the
            // United Nations and humanitarian and development" above the
            // two-line title on 2 of 21 pages, 76/128 at 86 columns). So
            // are four lines of a paragraph the text repeats word for word
            // (77/263 at 66 columns: "Emphasizes that the Global Asset
            // Management Policy Service should" ⏎ … ⏎ "… lessons learned;"
            // above the title on 2 of 59 pages): measured against every
            // shorter title, not only the next. And so is a line found only
            // in the masthead's words ("access to affordable, reliable,
            // sustainable and modern energy for all" above the title, 80/142
            // at 74 columns with pages of 20 lines and no blank lines, whose
            // masthead runs the agenda item's title into the second page's
            // and so holds those words twice): printed once, at most.
            if prefixes[..k - 1]
                .iter()
                .any(|&(shorter, ..)| shorter > 2 * printed.max(1))
            {
                continue;
            }
            let in_head = head.len() > text.len() && contains_words(&head, text);
            // A title of one word ("Jerusalem") only where it is both.
            let plausible = text.len() >= 8
                && (has_words(text) || (repeated && in_head))
                && !text.ends_with(['.', ';', ':']);
            if plausible && (repeated || in_head) && !dates_a_meeting(raws, lines[0]) {
                found = Some((lines.clone(), printed));
                break;
            }
        }
        titles.push(found);
    }
    // A page prints its title once: where both sides of one symbol read as
    // a title printed on other pages, the side printed on fewer pages is
    // text (76/246 without blank lines: "alteration, improvement and major
    // maintenance, of the proposed", the last line above the symbol on two
    // of its 45 pages, under which the running title is printed).
    for at in 1..runs.len() {
        if runs[at].0 != runs[at - 1].0 {
            continue;
        }
        let printed = |title: &Option<(Vec<usize>, usize)>| title.as_ref().map_or(0, |t| t.1);
        let (before, after) = (printed(&titles[at - 1]), printed(&titles[at]));
        // Where both sides are printed as often (only in the masthead, or
        // on as many pages), the side that holds less of the title is text
        // (78/315 at 56 columns without blank lines: the page's last line
        // "United Nations Conference on Landlocked Developing", above the
        // symbol, under which the whole title is printed; zh 76/269 at 80
        // columns: the date "2022年6月20日" of its conclusions; 78/285 at
        // 56 columns: the masthead title's last four lines above the second
        // page's symbol, which another page prints as the tail of its
        // five-line title).
        let length = |title: &Option<(Vec<usize>, usize)>| {
            title.as_ref().map_or(0, |(lines, _)| {
                lines
                    .iter()
                    .map(|&i| raws[i].text.trim().len())
                    .sum::<usize>()
            })
        };
        // "Annex" ⏎ "Sevilla Commitment" ⏎ "A/RES/79/323" ⏎ "Sevilla
        // Commitment" (79/323 without blank lines): the line right under a
        // part's label is its heading, the other side the page's title.
        let under_label = titles[at - 1].as_ref().is_some_and(|(lines, _)| {
            lines[0].checked_sub(1).is_some_and(|above| {
                raws[above].kind == Kind::Text && is_part_label(raws[above].text)
            })
        });
        // Whether the side before the symbol is the text, where one is.
        let before_is_text = if before > 0 && after > 0 && under_label {
            Some(true)
        } else if before >= 2 && after >= 2 && before != after {
            Some(before < after)
        } else if before == after && before > 0 {
            let (before_len, after_len) = (length(&titles[at - 1]), length(&titles[at]));
            // The same title on both sides (ru 77/187 at 90 columns with
            // pages of 22 lines, without blank lines: the agenda item's
            // four lines above the second page's symbol, wrapped otherwise
            // than the running title under it, but the same words): the
            // side on the first page is the masthead's.
            let on_first_page = |run: &[usize]| run.iter().all(|&i| i < first_anchor);
            if before_len != after_len {
                Some(before_len < after_len)
            } else {
                let (before_first, after_first) =
                    (on_first_page(&runs[at - 1].1), on_first_page(&runs[at].1));
                (before_first != after_first).then_some(before_first)
            }
        } else {
            None
        };
        if let Some(before_is_text) = before_is_text {
            titles[if before_is_text { at - 1 } else { at }] = None;
        }
    }
    // A page prints its title once: where the lines on one side of the
    // symbol are a title printed on other pages, those on the other side
    // that are only in the masthead are text (78/29 without blank lines:
    // the page's last line "Development, Production, Stockpiling and Use of
    // Chemical Weapons and on Their" is in the agenda item's title).
    let repeated_at: Vec<usize> = runs
        .iter()
        .zip(&titles)
        .filter(|(_, title)| title.as_ref().is_some_and(|&(_, printed)| printed >= 2))
        .map(|((anchor, _), _)| *anchor)
        .collect();
    // And a document prints its title on every page after the first, or on
    // none: where three pages or more print no title twice, a line beside
    // one page's symbol that is in the masthead is text (ar 76/225 without
    // blank lines: the page's last line "الأرض الفلسطينية المحتلة، …" is in
    // its title; no page prints one).
    let mut pages: Vec<usize> = runs.iter().map(|&(anchor, _)| anchor).collect();
    pages.dedup();
    let untitled = repeated_at.is_empty() && pages.len() >= 3;
    let mut marked = Vec::new();
    for ((anchor, _), title) in runs.iter().zip(titles) {
        let Some((lines, printed)) = title else {
            continue;
        };
        if printed >= 2 || !(untitled || repeated_at.contains(anchor)) {
            marked.extend(lines);
        }
    }
    for index in marked {
        raws[index].kind = Kind::Furniture(FurnitureKind::RunningTitle);
    }
}

/// Whether `haystack` holds `words` whole: not "2. Combating …" in
/// "80/192. Combating …" (80/192: the number of a paragraph left alone at a
/// page's foot, above the running title, had been taken for the title's
/// first line), nor "28. Strengthening …" in "77/28. Strengthening …" (a
/// figure after a slash is a symbol's).
fn contains_words(haystack: &str, words: &str) -> bool {
    // Chinese has no spaces between words: a title's line may start or end
    // anywhere among its characters.
    let letter = |c: char| c.is_alphanumeric() && !crate::clean::is_wide(c);
    let glued = |c: Option<char>| c.is_some_and(letter);
    let (opens, closes) = (words.starts_with(letter), words.ends_with(letter));
    let figure = words.starts_with(|c: char| c.is_ascii_digit());
    // Most lines are in no masthead line: the plain search answers first.
    haystack.contains(words)
        && haystack.match_indices(words).any(|(at, _)| {
            let before = haystack[..at].chars().next_back();
            let glued_before = opens && (glued(before) || figure && before == Some('/'));
            let glued_after = closes && glued(haystack[at + words.len()..].chars().next());
            !glued_before && !glued_after
        })
}

/// Whether `text` holds more than one word: a space, or Chinese characters
/// ("女外交官国际日"), which have none between them.
fn has_words(text: &str) -> bool {
    text.contains(' ') || text.chars().any(crate::clean::is_wide)
}

/// The start of `text`, for a message.
pub(super) fn excerpt(text: &str) -> &str {
    match text.char_indices().nth(40) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::contains_words;

    #[test]
    fn words_are_found_whole() {
        assert!(contains_words(
            "80/192. Combating glorification",
            "Combating glorification"
        ));
        assert!(!contains_words(
            "80/192. Combating glorification",
            "2. Combating"
        ));
        assert!(!contains_words("the Assemblys", "the Assembly"));
        assert!(contains_words("Jerusalem", "Jerusalem"));
        assert!(contains_words("关于女外交官国际日的决议", "女外交官国际日"));
    }
}
