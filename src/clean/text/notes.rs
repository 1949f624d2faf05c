//! Footnote areas at the page bottoms: their markers, the lines each note
//! takes, and the page each line is on.

use super::calls::ends_call;
use super::furniture::{excerpt, is_page_anchor};
use super::{Kind, Marker, Raw};
use crate::clean::FurnitureKind;
use crate::error::{Position, Warning};

/// What a footnote line starts with: the marker and the byte length it
/// takes (with the following space).
/// `fresh` says the line starts a paragraph of the footnote area (after a
/// blank line or the rule): there a note may start with a figure ("4  2010
/// Review Conference …") and a skipped number is taken up again.
fn note_marker(
    text: &str,
    expected_number: u32,
    expected_letter: char,
    fresh: bool,
) -> Option<(Marker, usize)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        let number = &text[..digits];
        let rest = &text[digits..];
        let value: u32 = number.parse().ok()?;
        if let Some(after) = rest.strip_prefix('/') {
            if after.starts_with(' ') {
                return Some((Marker::Slash(number.into()), digits + 2));
            }
        }
        let plausible = value == expected_number
            || (expected_number == 1 && value <= 3)
            || (fresh && value > expected_number && value <= expected_number + 2);
        // A figure after the marker: only where the note visibly starts.
        let figure_ok = value == expected_number && (fresh || rest.starts_with("  "));
        // "17 2018 и 2019 годов.": the expected note may open with a year.
        let opens_with_year = value == expected_number && {
            let text = rest.trim_start();
            let year = text.bytes().take_while(u8::is_ascii_digit).count();
            year == 4 && !text[year..].starts_with(|c: char| c.is_ascii_digit() || c == '/')
        };
        // "Rio de Janeiro," ⏎ "3 – 14 June 1992, …": a range of days, its
        // dash and its end; no note opens that way.
        let range = rest
            .trim_start()
            .strip_prefix(['–', '-'])
            .is_some_and(|end| end.trim_start().starts_with(|c: char| c.is_ascii_digit()));
        // "… Conference on the Least Developed Countries, New York," ⏎ "17
        // March 2022, and Doha, …": inside a note, a day and its month go
        // on with it (a note that opens with a date visibly starts: after
        // a blank line, or with the two spaces after its marker).
        // Nor, under the next page's rule, a note's rest that opens with a
        // day and its month and would skip the note expected ("25 See …
        // Havana," ⏎ (page) ⏎ "27 August–7 September 1990: report …", 80/229
        // at 44 columns).
        let run_on = if fresh {
            value > expected_number
        } else {
            !rest.starts_with("  ")
        };
        let date = run_on && crate::lang::date::starts_with_day_of_month(text);
        if rest.starts_with(' ')
            && plausible
            && !range
            && !date
            && (rest.trim_start().starts_with(|c: char| !c.is_ascii_digit())
                || figure_ok
                || opens_with_year)
        {
            return Some((Marker::Number(number.into()), digits + 1));
        }
        return None;
    }
    if let Some(rest) = text.strip_prefix('[') {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with("] ") {
            return Some((Marker::Bracket(rest[..digits].into()), digits + 3));
        }
    }
    let stars = text.bytes().take_while(|b| *b == b'*').count();
    // "* * *": a separator between groups of paragraphs, never a note.
    let separator = text.bytes().all(|b| b == b'*' || b == b' ');
    if (1..=3).contains(&stars) && text.len() > stars && !separator {
        let rest = &text[stars..];
        if rest.starts_with(' ') || rest.starts_with(char::is_uppercase) {
            let space = usize::from(rest.starts_with(' '));
            return Some((Marker::Stars(stars), stars + space));
        }
    }
    let mut chars = text.chars();
    if let (Some(letter), Some(' ')) = (chars.next(), chars.next()) {
        if letter == expected_letter && chars.next().is_some_and(char::is_uppercase) {
            return Some((Marker::Letter(letter), 2));
        }
    }
    None
}

/// Whether a text line of `raws` calls table note `letter` ([`has_letter_call`]).
fn calls_letter(raws: &[Raw<'_>], letter: char) -> bool {
    raws.iter()
        .any(|r| r.kind == Kind::Text && has_letter_call(r.text, letter))
}

/// Whether `text` has a figure with the table-note letter glued to it
/// ("for 2026a").
fn has_letter_call(text: &str, letter: char) -> bool {
    text.match_indices(letter).any(|(at, _)| {
        at > 0
            && text[..at].ends_with(|c: char| c.is_ascii_digit())
            && ends_call(&text[at + letter.len_utf8()..])
    })
}

/// Whether the first line of a page's footnote area, which reads as note
/// `marker`, is the rest of the last note of the page before, run on under
/// this page's rule: a later line of the same area, after a blank line or
/// with two spaces after its number, starts the note expected next, or one
/// before `marker`. "5 a 13 de septiembre de 1994 (…)" ⏎ "4  Informe …"
/// is the rest of note 3 and then note 4, not note 5.
fn runs_on(
    raws: &[Raw<'_>],
    index: usize,
    marker: &Marker,
    expected_number: u32,
    expected_letter: char,
) -> bool {
    let Marker::Number(number) = marker else {
        return false;
    };
    let value = number.parse::<u32>().unwrap_or(0);
    let area = raws[index + 1..]
        .iter()
        .take_while(|raw| matches!(raw.kind, Kind::Text | Kind::Blank));
    let mut fresh = false;
    for raw in area {
        if raw.kind == Kind::Blank {
            fresh = true;
            continue;
        }
        // A note starts after a blank line, or with two spaces after its
        // number where no blank line parts the notes ("4  Informe …");
        // "4 December 2020, …" inside a note does not.
        let spaced = raw
            .text
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .starts_with("  ");
        if let Some((Marker::Number(later), _)) =
            note_marker(raw.text, expected_number, expected_letter, true)
                .filter(|_| fresh || spaced)
        {
            let later = later.parse::<u32>().unwrap_or(0);
            if (expected_number..=value).contains(&later) {
                return true;
            }
        }
        fresh = false;
    }
    false
}

/// Marks the lines after each `_____` rule, up to the next page's furniture,
/// as footnote lines, and splits them into footnotes.
pub(super) fn footnote_areas(
    raws: &mut [Raw<'_>],
    warnings: &mut Vec<Warning>,
) -> Vec<(Marker, Vec<usize>)> {
    let mut notes: Vec<(Marker, Vec<usize>)> = Vec::new();
    let mut in_area = false;
    // The next text line is the first of its page's footnote area.
    let mut area_start = false;
    let mut expected_number = 1;
    let mut expected_letter = 'a';
    // Indexing: the loop changes the kind of the line it reads.
    #[allow(clippy::needless_range_loop)]
    for index in 0..raws.len() {
        match raws[index].kind {
            Kind::Furniture(FurnitureKind::FootnoteRule) => {
                in_area = true;
                area_start = true;
            }
            Kind::Furniture(_) if in_area => in_area = false,
            // A table note: "a See A/80/505." after a blank line, its letter
            // glued to a figure earlier ("2026a").
            Kind::Text
                if !in_area
                    && (index == 0 || raws[index - 1].kind != Kind::Text)
                    && matches!(
                        note_marker(raws[index].text, expected_number, expected_letter, true),
                        Some((Marker::Letter(_), _))
                    )
                    && calls_letter(&raws[..index], expected_letter) =>
            {
                raws[index].kind = Kind::Note;
                notes.push((Marker::Letter(expected_letter), vec![index]));
                expected_letter = char::from_u32(expected_letter as u32 + 1).unwrap_or('z');
            }
            // Without a rule: a paragraph that starts with "* " or "1/ " is a
            // note at the page bottom; its lines follow up to a blank line.
            Kind::Text
                if !in_area
                    && (index == 0 || raws[index - 1].kind != Kind::Text)
                    && matches!(
                        note_marker(raws[index].text, expected_number, expected_letter, true),
                        Some((Marker::Stars(_) | Marker::Slash(_), _))
                    )
                    && raws[index]
                        .text
                        .trim_start_matches([
                            '*', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '/',
                        ])
                        .starts_with(' ') =>
            {
                let (marker, _) =
                    note_marker(raws[index].text, expected_number, expected_letter, true)
                        .expect("matched above");
                if let Marker::Slash(n) = &marker {
                    expected_number = n.parse::<u32>().unwrap_or(0) + 1;
                }
                raws[index].kind = Kind::Note;
                let mut lines = vec![index];
                let mut next = index + 1;
                while next < raws.len() && raws[next].kind == Kind::Text {
                    raws[next].kind = Kind::Note;
                    lines.push(next);
                    next += 1;
                }
                notes.push((marker, lines));
            }
            // "Anexo" after the notes of a text without page breaks: the
            // annex, not the last note's next line.
            Kind::Text
                if in_area
                    && index > 0
                    && raws[index - 1].kind == Kind::Blank
                    && crate::lang::is_annex_heading_line(raws[index].text) =>
            {
                in_area = false;
            }
            Kind::Text if in_area => {
                let text = raws[index].text;
                let fresh = index == 0
                    || matches!(
                        raws[index - 1].kind,
                        Kind::Blank | Kind::Furniture(FurnitureKind::FootnoteRule)
                    );
                // "14 … Thirty-first Session, Paris," ⏎ (page) ⏎ "15
                // October–3 November 2001, vol. 1 …" (80/148 at 60 columns):
                // a note left open by a comma goes on under the next page's
                // rule with a date, though its day is the note expected.
                let left_open = area_start
                    && notes
                        .last()
                        .and_then(|(_, lines)| lines.last())
                        .is_some_and(|&last| {
                            raws[last].text.trim_end().ends_with([',', '，', '،'])
                                && crate::lang::date::starts_with_day_of_month(text)
                        });
                // "2 See Official Records …, 2005, Supplement No." ⏎ "3 and
                // corrigenda …" (78/193 at 70 columns): the number after the
                // abbreviation, not note 3.
                let awaited = !fresh
                    && index > 0
                    && raws[index - 1].kind == Kind::Note
                    && crate::clean::awaits_number(raws[index - 1].text.trim_end());
                // "… Ecosystems and The Ocean and Cryosphere in" ⏎ "a Changing
                // Climate." (80/138 at 120 columns): a table note's letter
                // only where a figure calls it ("2026a").
                let uncalled_letter = |marker: &Marker| {
                    matches!(marker, Marker::Letter(_)) && !calls_letter(raws, expected_letter)
                };
                let marker = note_marker(text, expected_number, expected_letter, fresh).filter(
                    |(marker, _)| {
                        !(left_open
                            || uncalled_letter(marker)
                            || awaited
                            || area_start
                                && !notes.is_empty()
                                && runs_on(raws, index, marker, expected_number, expected_letter))
                    },
                );
                area_start = false;
                match marker {
                    Some((marker, _)) => {
                        match &marker {
                            Marker::Number(n) | Marker::Slash(n) | Marker::Bracket(n) => {
                                let value = n.parse::<u32>().unwrap_or(0);
                                if value > expected_number && expected_number > 1 {
                                    warnings.push(Warning {
                                        position: Position {
                                            line: raws[index].number,
                                            column: raws[index].column,
                                        },
                                        message: format!("footnote {value} follows footnote {}: footnote {expected_number} was not found at a page bottom", expected_number - 1),
                                    });
                                }
                                expected_number = value + 1;
                            }
                            Marker::Letter(c) => {
                                expected_letter = char::from_u32(*c as u32 + 1).unwrap_or('z');
                            }
                            Marker::Stars(_) => {}
                        }
                        notes.push((marker, vec![index]));
                        raws[index].kind = Kind::Note;
                    }
                    None => match notes.last_mut() {
                        // A footnote's next line, or its rest after a page break.
                        Some((marker, lines)) => {
                            // "12 See …" inside note 11: a note the marker
                            // test did not take, glued to the one before.
                            let digits = text.bytes().take_while(u8::is_ascii_digit).count();
                            if fresh
                                && !left_open
                                && digits > 0
                                && text[digits..].starts_with(' ')
                                && text[..digits].parse::<u32>().ok() == Some(expected_number)
                            {
                                warnings.push(Warning {
                                    position: Position {
                                        line: raws[index].number,
                                        column: raws[index].column,
                                    },
                                    message: format!("footnote text starting \"{}\" looks like a further note, kept in footnote {}", excerpt(text), marker.label()),
                                });
                            }
                            lines.push(index);
                            raws[index].kind = Kind::Note;
                        }
                        None => {
                            warnings.push(Warning {
                                position: Position {
                                    line: raws[index].number,
                                    column: raws[index].column,
                                },
                                message: "text under a footnote rule does not start with a footnote marker; kept as running text".into(),
                            });
                            in_area = false;
                        }
                    },
                }
            }
            _ => {}
        }
    }
    notes
}

/// The number and the text after it of a line that can start a note
/// printed without a rule ("52 Official Records …", "4 Ibid., …"): one to
/// three figures, a space, then a capital letter.
fn rule_less_note_start(text: &str) -> Option<(u32, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = text[digits..].strip_prefix(' ')?.trim_start();
    rest.starts_with(char::is_uppercase)
        .then(|| Some((text[..digits].parse().ok()?, rest)))?
}

/// How the UN's notes that cite a source begin.
const REFERENCE_STARTS: &[&str] = &[
    "Ibid",
    "See ",
    "Official Records",
    "United Nations",
    "Resolution",
    "Document",
    "Adopted ",
    "A/",
    "S/",
    "E/",
];

/// Whether `number` stands in `text` as a token of its own ("March 52 and",
/// "1987, 53"): where a call to the note can be.
fn has_number_token(text: &str, number: &str) -> bool {
    text.match_indices(number).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + number.len()..].chars().next();
        before == Some(' ') && after.is_none_or(|c| c == ' ' || matches!(c, ',' | ';' | '.' | ':'))
    })
}

/// Notes printed after the document's last paragraph without a rule, as the
/// Official Records volumes print them ("Adopted at the 2759th meeting …"
/// ⏎⏎ "52 Official Records of the Security Council, …" ⏎ "53 Ibid., …" ⏎
/// "document S/19234." ⏎ "54 Ibid., …"): the document's last runs of lines,
/// numbered in sequence with no number already taken, each number standing
/// earlier in the text where its call is. A single note counts only when its
/// number ends an earlier line ("Adopted at the 2nd meeting. 22").
pub(super) fn final_notes(
    raws: &mut [Raw<'_>],
    notes: &[(Marker, Vec<usize>)],
) -> Vec<(Marker, Vec<usize>)> {
    // The runs of text lines, from the end, while they read as notes.
    let mut found: Vec<(u32, Vec<usize>)> = Vec::new();
    let mut end = raws.len();
    while let Some(last) = raws[..end].iter().rposition(|r| r.kind == Kind::Text) {
        if raws[last + 1..end]
            .iter()
            .any(|r| !matches!(r.kind, Kind::Blank | Kind::Furniture(_)))
        {
            break;
        }
        let mut first = last;
        while first > 0 && raws[first - 1].kind == Kind::Text {
            first -= 1;
        }
        // "66th plenary meeting" ⏎ (page) ⏎ "18 April 2023": the closing
        // date, alone at the last page's top, is no note 18.
        let Some((number, _)) = rule_less_note_start(raws[first].text)
            .filter(|_| !crate::lang::date::starts_with_day_of_month(raws[first].text))
        else {
            break;
        };
        // Within the run, a line starting with the next number opens the
        // next note; any other line goes on the note before it.
        let mut run: Vec<(u32, Vec<usize>)> = vec![(number, vec![first])];
        // The next number needs no capital after it ("36 [bid., …", an
        // OCR slip for "Ibid.").
        for (index, raw) in raws.iter().enumerate().take(last + 1).skip(first + 1) {
            let next = run.last().map_or(0, |(n, _)| n + 1).to_string();
            let opens = raw
                .text
                .strip_prefix(next.as_str())
                .is_some_and(|rest| rest.starts_with(' '));
            if opens {
                run.push((next.parse().unwrap_or(0), vec![index]));
            } else {
                run.last_mut().expect("one note").1.push(index);
            }
        }
        let run_last = run.last().map_or(0, |(n, _)| *n);
        let follows = found.first().is_none_or(|(n, _)| *n == run_last + 1);
        if !follows {
            break;
        }
        run.append(&mut found);
        found = run;
        end = first;
    }
    let Some((_, first_lines)) = found.first() else {
        return Vec::new();
    };
    let before = first_lines[0];
    let taken = |n: u32| notes.iter().any(|(m, _)| m.label() == n.to_string());
    let text_before = || raws[..before].iter().filter(|r| r.kind == Kind::Text);
    let called = |n: u32, lines: &[usize]| {
        let number = n.to_string();
        let token = text_before().any(|r| has_number_token(r.text, &number));
        if found.len() > 1 {
            return token;
        }
        // One note alone: its number ends an earlier line ("… meeting.
        // 22", "meeting.44"), or stands in the text and the note reads as a
        // reference ("6 Official Records of …", "15 Ibid., document …").
        let ends_line = text_before().any(|r| {
            r.text
                .strip_suffix(number.as_str())
                .is_some_and(|t| t.ends_with([' ', '.', ',', ';']))
        });
        let reference = rule_less_note_start(raws[lines[0]].text)
            .is_some_and(|(_, rest)| REFERENCE_STARTS.iter().any(|s| rest.starts_with(s)));
        ends_line || token && reference
    };
    if found
        .iter()
        .any(|(n, lines)| taken(*n) || !called(*n, lines))
    {
        return Vec::new();
    }
    found
        .into_iter()
        .map(|(n, lines)| {
            for &line in &lines {
                raws[line].kind = Kind::Note;
            }
            (Marker::Number(n.to_string()), lines)
        })
        .collect()
}

pub(super) fn assign_pages(raws: &mut [Raw<'_>]) {
    let mut page = 0;
    let mut in_cluster = false;
    for raw in raws.iter_mut() {
        let anchor =
            is_page_anchor(raw.kind) || raw.kind == Kind::Furniture(FurnitureKind::PageBreak);
        if anchor && !in_cluster {
            page += 1;
            in_cluster = true;
        } else if raw.kind == Kind::Text || raw.kind == Kind::Note {
            in_cluster = false;
        }
        raw.page = page;
    }
}
