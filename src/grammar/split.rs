//! Where a block of text input parts into paragraphs with no blank line
//! between them: a lead phrase or a number after a clause's end, headings
//! before a number or at a page's foot, a label and its heading, the line
//! after the formula. [`split_paragraphs`] is asked for every block of text
//! input, before the parser places each part.
//!
//! A line's place is read from the text alone, and from the width of a
//! full printed line where the text has one: a line that fills it wrapped,
//! and one that stops short may have ended its paragraph.

use super::lead::{self, lead_len, Part};
use super::operative::{self, operative_number, point_label, MAX_HEADING};
use super::preamble::{is_formula, is_separator};
use super::{
    is_annex_line, is_any_label, is_income_section, is_label, is_lone_label, is_paragraph_figure,
    kinds, word_cases,
};
use crate::clean::{without_closing_calls, Block as CleanBlock, Line};
use crate::lang;
use crate::model::DivisionKind;

/// Splits a text-input block where a new paragraph starts without a blank
/// line before it.
///
/// `full_line` is the width of a full printed line, in columns, where blank
/// lines separate the text's paragraphs (0 where they do not): a line
/// that fills it wrapped, and the line under it goes on with its sentence.
/// `printed_line` is the same width with or without blank lines (0 where
/// the text is not wrapped), which tells a line that stops short.
pub(super) fn split_paragraphs<'b, 'a>(
    block: &'b CleanBlock<'a>,
    full_line: usize,
    printed_line: usize,
) -> Vec<&'b [Line<'a>]> {
    let mut parts = Vec::new();
    let mut start = 0;
    for index in 1..block.lines.len() {
        if index <= start {
            continue;
        }
        let (previous, line) = (&block.lines[index - 1].text, &block.lines[index].text);
        let next = block.lines.get(index + 1).map(|l| l.text.as_ref());
        // Where a label's heading from `from` on runs to a recital: the
        // recital's line. A heading's line may wrap after its comma ("…
        // under section 26," ⏎ "Palestine refugees", 79/258), which no title
        // ends with.
        let recital_after = |from: usize| {
            let last = (from + MAX_HEADING_LINES).min(block.lines.len() - 1);
            (from + 1..=last)
                .find(|&at| lead::has_lead(&block.lines[at].text))
                .filter(|&at| is_heading_after_label(&block.lines[from..at]))
        };
        // "VII" ⏎ "Seismic mitigation retrofit … at the Economic and" ⏎
        // "Social Commission … in Bangkok" ⏎ "Recalling …" (76/246 without
        // blank lines): a part's label, its heading, and the recital under
        // it. "… Budgetary Questions;" ⏎ "II Request for a subvention to
        // the Residual Special Court for Sierra Leone" ⏎ "Recalling …"
        // (79/258): the label and its heading on one line, after the last
        // paragraph's end.
        let label_alone = index == start + 1
            && previous.len() <= MAX_LABEL_LEN
            && line.starts_with(opens_sentence)
            && is_any_label(previous);
        let labelled_heading = || {
            opens_with_roman_label(line)
                && without_closing_calls(previous.trim_end()).ends_with(['.', ';', '؛'])
        };
        if label_alone || labelled_heading() {
            if let Some(recital) = recital_after(index) {
                parts.push(&block.lines[start..index]);
                parts.push(&block.lines[index..recital]);
                start = recital;
                continue;
            }
        }
        // The same label and heading opening the block (a page's top):
        // "III Request for a subvention …" ⏎ "Recalling …"; a heading of
        // two lines too, "XXII Gross jointly financed budget of the United
        // Nations" ⏎ "System Chief Executives Board for Coordination" ⏎
        // "Notes the gross budget …" (79/258 at 60 columns without blank
        // lines).
        if index == start + 1 && opens_with_roman_label(previous) {
            if let Some(recital) = recital_after(start) {
                parts.push(&block.lines[start..recital]);
                start = recital;
                continue;
            }
        }
        // Asked only where a lead or a heading is at stake (measuring each
        // line would cost more than the rest of the split).
        let wrapped = || full_line > 0 && crate::clean::fills_line(previous, line, full_line);
        // A heading, first of its part, and the recital under it.
        let after_heading = index == start + 1
            && (heading_then_item(previous, line) || heading_then_recital(previous, line))
            && !wrapped();
        // "Article 3" ⏎ "Scope of application" ⏎ "This Convention shall
        // apply …": a convention's article or chapter label and its heading
        // stand apart from the text under them ("Part I" ⏎ "Overall
        // policymaking …" heads a budget's table as well).
        let after_article_heading = index == start + 2
            && operative::convention_division(&block.lines[start].text).is_some_and(
                |(kind, _, heading)| {
                    heading.is_none()
                        && matches!(kind, DivisionKind::Article | DivisionKind::Chapter)
                },
            )
            && operative::is_convention_heading(previous);
        // "… in the Area." ⏎ "Promoting sustainable ocean-based economies"
        // ⏎ "19. We recognize …" (or "6." ⏎ "Takes note …"): the headings
        // after the last sentence's end stand apart from both. A Russian
        // paragraph opens with its lead in lower case ("4. принимает к
        // сведению …").
        let opens_paragraph = |text: &str| {
            text.starts_with(opens_sentence)
                || (!lang::current().leads_with_capital()
                    && lead_len(text, Part::Operative).is_some())
        };
        // A number alone that ends the block ("Peacekeeping operations" ⏎
        // "47." ⏎ (page) ⏎ "Takes note …"): its text opens the next page.
        let numbered = line.starts_with(char::is_numeric)
            && (operative_number(line).is_ok_and(|(rest, _)| opens_paragraph(rest))
                || (is_lone_number(line)
                    && match next {
                        Some(next) => opens_paragraph(next),
                        None => line.trim_end().ends_with('.'),
                    }));
        if numbered {
            if let Some(headings) = headings_before(&block.lines, start, index) {
                if headings > start {
                    parts.push(&block.lines[start..headings]);
                }
                split_at_labels(&block.lines[headings..index], &mut parts);
                start = index;
                continue;
            }
        }
        // "(d) … for his or her consideration; and" ⏎ "(e) Verify …" (the
        // annex of S/RES/2368): inside a list, whose point (or its label
        // alone, "(b)" ⏎ "To be necessary …; or" ⏎ "(c) To be subject …",
        // S/RES/1718) opens the part, a point opens after the conjunction
        // that closes the one before. In running text the enumeration goes
        // on ("Requests … (a) to …; and" ⏎ "(b) to consider …", 78/110).
        let conjunction = closing_conjunction(without_closing_calls(previous));
        let next_point = || {
            let opening = &block.lines[start].text;
            conjunction.is_some()
                && opens_a_point(line)
                && (point_label(opening).is_ok() || is_lone_label(opening))
        };
        // Whether the part so far opened with a paragraph's number, or
        // follows one alone on its line ("2." ⏎ "считает, что …"): its text
        // goes on past a comma (no recital follows one inside it).
        let numbered_part = || {
            operative_number(&block.lines[start].text).is_ok()
                || start
                    .checked_sub(1)
                    .is_some_and(|before| is_lone_number(&block.lines[before].text))
        };
        if after_heading
            || after_article_heading
            || ends_annex_title(&block.lines, start, index, printed_line)
            || next_point()
            || starts_paragraph(previous, line, conjunction, &wrapped, &numbered_part)
            || stands_apart(previous, line, next)
            || heading_between(previous, line, next)
        {
            parts.push(&block.lines[start..index]);
            start = index;
        }
    }
    // "… a maximum of efficiency and economy;" ⏎ "Budget performance report
    // for the period from 1 July 2022 to 30 June 2023" ⏎ (page) ⏎ "15.":
    // headings at a page's foot, after the last sentence's end, head the
    // paragraph that opens the next page (the text stitching left them
    // here, as that paragraph starts with its number).
    if let Some(headings) = headings_at_the_end(&block.lines[start..], printed_line) {
        parts.push(&block.lines[start..start + headings]);
        start += headings;
    }
    // "II." ⏎ "Action areas" ⏎ "A." ⏎ "Domestic public resources": a
    // block of headings only, a part's label and title, then its first
    // section's (every block is asked, so the first label first). One label
    // and its title alone may head a table ("A." ⏎ "Pension
    // Administration" under "… as set out in the table below:"): one block;
    // but a budget's section stands apart from its title ("Income section
    // 3" ⏎ "Services to the public" at a page's foot, 79/257), and so does a
    // Chinese or Arabic part's label ("十四" ⏎ its title, zh 76/72), whose
    // title would be glued to it without a space.
    let rest = &block.lines[start..];
    let labels = || rest.iter().filter(|line| is_any_label(&line.text)).count();
    if rest.len() > 1
        && is_any_label(&rest[0].text)
        && (labels() >= 2 || is_budget_label(&rest[0].text) || lang::division_label(&rest[0].text))
        && is_headings(rest)
    {
        split_at_labels(rest, &mut parts);
    } else {
        parts.push(rest);
    }
    parts
}

/// Whether a line of text input starts a new paragraph although no blank line
/// separates it from the previous one ("…its decisions," ⏎ "Acting under
/// Chapter VII of the Charter,"). `conjunction` is the one that closes
/// `previous` ([`closing_conjunction`]); `numbered_part` tells whether the
/// part `previous` ends opened with a paragraph's number.
fn starts_paragraph(
    previous: &str,
    line: &str,
    conjunction: Option<Option<char>>,
    wrapped: &dyn Fn() -> bool,
    numbered_part: &dyn Fn() -> bool,
) -> bool {
    // "… in the least developed countries," ⏎ "* * *" ⏎ "Recognizing …":
    // a separator stands alone.
    if is_separator(line) || is_separator(previous) {
        return true;
    }
    // "78/121. Assistance to the Palestinian people" ⏎ "The General
    // Assembly,": text with no blank lines at all; the formula, a line of
    // its own, starts the preamble.
    if is_short(line) && is_formula(line.trim_end()) {
        return true;
    }
    // "… entitled “Assistance in mine action”." ⏎ "45th plenary meeting" ⏎
    // "7 December 2023": the meeting, a line of its own, after the last
    // paragraph's stop.
    let meeting = || super::is_meeting_line(line);
    if without_closing_calls(previous).ends_with(['.', '。']) && meeting() {
        return true;
    }
    // An English, French or Spanish lead phrase starts a paragraph only with
    // its capital: "further recalling" ("encourageant") after a comma goes
    // on with the sentence. (Russian recitals start in lower case:
    // "рассмотрев", "ссылаясь".)
    let may_lead = line.starts_with(char::is_uppercase) || !lang::current().leads_with_capital();
    // After a line that filled its width, a lead phrase needs its usual
    // sequel, a word in lower case: "… in the Interest of All States," ⏎
    // "Taking into Particular Account the Needs of …" goes on with a
    // title, while "… peace and security," ⏎ "Considering also the letter
    // …" opens a recital (old texts have no blank lines between them). In
    // the languages whose leads are in lower case, or have no case, that
    // tells nothing: the line goes on.
    let capital = line.starts_with(char::is_uppercase);
    // "2. считает, что …," ⏎ "отмечает усилия …" (ru 77/114 without blank
    // lines), "9. 促请……工作，" ⏎ "促请所有会员国……" (zh S/RES/2701),
    // "29. 促请……分析；" ⏎ "强调指出……" (zh 77/28): a numbered paragraph
    // goes on past its comma or semicolon with its next verb, where no
    // capital shows a new start (its own paragraph would open with a
    // number).
    let chained = || {
        !capital
            && without_closing_calls(previous).ends_with([',', '，', '،', ';', '；', '؛'])
            && numbered_part()
    };
    let leads = |part: Part| {
        may_lead
            && !chained()
            && lead_len(line, part).is_some_and(|len| {
                (capital && line[len..].trim_start().starts_with(char::is_lowercase)) || !wrapped()
            })
    };
    // "… for 2022<sup>1</sup>" ⏎ "Taking note of …": a call closes the
    // recital whose comma the print lost.
    let called = previous.trim_end().ends_with("</sup>");
    if called && leads(Part::Preamble) {
        return true;
    }
    // "… on the expulsion of aliens,<sup>1</sup>": a call after the comma.
    let previous = without_closing_calls(previous);
    // "… in Afghanistan;" ⏎ "and" ⏎ "5. Decides …" (S/RES/2716): the
    // conjunction after a paragraph's semicolon closes it as the semicolon
    // does, alone on its line or after it, before a numbered paragraph (an
    // enumeration in running text goes on: "…; and" ⏎ "(b) to consider …").
    // A label alone on its line, which no running text wraps to, opens its
    // point after the conjunction, after a comma too: "… the border; and" ⏎
    // "(iv)" ⏎ (page) ⏎ "The final status …" (S/RES/2046), "… Yemeni law,
    // and" ⏎ "(d)" ⏎ "to facilitate …" (S/RES/2534). So does a point after
    // the conjunction alone on its line: "…;" ⏎ "or" ⏎ "(i) Other sales …"
    // (S/RES/2588).
    if let Some(mark) = conjunction {
        let numbered = mark != Some(',') && operative_number(line).is_ok();
        let point = mark.is_none() && opens_a_point(line);
        if numbered || is_lone_label(line) || point {
            return true;
        }
    }
    // Also the Chinese and Arabic marks: "…合理忧虑，" ⏎ "深信…", "…،" ⏎ "وإذ …".
    if !previous.ends_with(CLOSING_MARKS) || crate::clean::awaits_number(previous) {
        return false;
    }
    operative_number(line).is_ok()
        // "… of the region." ⏎ "“The Security Council reaffirms …": a
        // statement's paragraphs, each in quotation marks (S/PRST/2024/6's
        // close with a comma).
        || kinds::opens_quoted_statement(line)
        || opens_a_point(line)
        // "…;" ⏎ "1." ⏎ "Takes note …": the number waits for its text;
        // also without its dot ("…;" ⏎ "6" ⏎ "Also reaffirms …"), which
        // the number's paragraph takes only as the next in its sequence,
        // before a lead phrase.
        || is_lone_label(line)
        || is_lone_figure(line)
        // "…;" ⏎ "26 Condemns …": or before its text (the paragraph takes
        // it only as the next in its sequence).
        || dotless_number_and_lead(line)
        || leads(Part::Preamble)
        || leads(Part::Operative)
        // "8. Calls upon … the Recruitment, Use," ⏎ "Financing and Training
        // of Mercenaries;" (79/162 at 76 columns without blank lines): a
        // participle guessed from its form opens no recital inside a
        // numbered paragraph.
        || (may_lead
            && previous.ends_with(',')
            && participle_lead(line)
            && !wrapped()
            && !numbered_part())
}

/// Whether an English `line` opens with a participle the lexicon lacks as a
/// recital's lead ([`lead::guessed_recital`]; "Reaffirming also that …").
fn participle_lead(line: &str) -> bool {
    // After its adverbs: "Deeply committed to seeing …" (S/RES/2046).
    let participle = line
        .split(' ')
        .find(|word| !(word.len() > 4 && word.ends_with("ly")))
        .is_some_and(|word| word.ends_with("ing") || word.ends_with("ed"));
    participle && lead::guessed_recital(line)
}

/// "Смета расходов …" ⏎ "ссылаясь на …,": a heading alone on its line (a
/// capital, no closing punctuation) and a lead phrase, which the text
/// stitching took for the heading's continuation: in the languages whose
/// lead phrases start in lower case; and, in any language, a short heading
/// left at the foot of a page ("Multimodal transportation" ⏎ (page) ⏎
/// "Noting that …").
fn heading_then_recital(heading: &str, line: &str) -> bool {
    let leads = lead::has_lead;
    // A heading is a name, not a recital begun ("Exprimant ses
    // inquiétudes … et" ⏎ "soulignant qu'il importe …").
    let lower_case_lead = || {
        !lang::current().leads_with_capital()
            && line.starts_with(char::is_lowercase)
            && heading.chars().count() < MAX_HEADING
            && !leads(heading)
            && lang::lexicon::guessed_lead(heading, lang::current()).is_none()
    };
    let short_heading =
        || line.starts_with(char::is_uppercase) && heading.chars().count() < 60 && !leads(heading);
    heading.starts_with(char::is_uppercase)
        && !ends_with_a_mark(heading)
        && (lower_case_lead() || short_heading())
        && leads(line)
}

/// "… entities:" ⏎ "Asset Freeze" ⏎ "(a) Freeze without delay …" (S/RES/2368
/// (2017)): a short heading alone on its line (a capital, no closing
/// punctuation, no lead phrase) over a point. (Headings over a numbered
/// paragraph are found from its number, where a title's colon before its
/// subtitle ends no sentence: "… Agenda 2063:" ⏎ "The Africa We Want" ⏎
/// "2. …".)
fn heading_then_item(heading: &str, line: &str) -> bool {
    // A point's label shows in its first bytes ("(a)", "a)", "a.", "–",
    // "（一）"): the label's parse would look for a bracket along the line.
    let label_ahead = line.starts_with(['–', '—', '•', '（'])
        || line
            .bytes()
            .take(8)
            .any(|b| matches!(b, b'(' | b')' | b'.' | b'-'));
    label_ahead
        && heading.starts_with(char::is_uppercase)
        && heading.chars().count() < 100
        && !heading.ends_with(|c: char| c.is_ascii_punctuation())
        && (opens_a_point(line) || (is_lone_label(line) && line.starts_with('(')))
        && !lead::has_lead(heading)
        // "(c)" ⏎ "to work with … the ports of Hodeidah," ⏎ "Salif, and Ras
        // Issa is assured … with Yemeni law, and" ⏎ "(d)" (S/RES/2534 at 100
        // columns without blank lines): a point's last line, not a heading.
        && closing_conjunction(heading).is_none()
}

/// "…for parties thereto," ⏎ "Multimodal transportation" ⏎ "Noting that
/// …": a heading between two recitals, or over a point, stands apart.
fn heading_between(previous: &str, line: &str, next: Option<&str>) -> bool {
    line.starts_with(char::is_uppercase)
        && next.is_some_and(|next| {
            without_closing_calls(previous).ends_with([',', ';', ':', '.'])
                && (heading_then_item(line, next) || heading_then_recital(line, next))
        })
}

/// Where the headings above the numbered paragraph at `index` begin, in a
/// part of a block that begins at `start`: the lines after the last
/// sentence's end (or after the last clause's, where the line right above
/// the number closes nothing), where they read as headings only. `None`
/// where no heading stands there.
fn headings_before(lines: &[Line<'_>], start: usize, index: usize) -> Option<usize> {
    // Headings take a few lines at most: look no further back than one more
    // (a long block stays linear).
    let window = index.saturating_sub(MAX_HEADING_LINES + 1).max(start);
    let text_at = |at: usize| lines[at].text.as_ref();
    // "Section 11" ⏎ "United Nations system support for the African Union’s
    // Agenda 2063:" ⏎ "The Africa We Want": a title's colon before its
    // subtitle ends no sentence.
    let before_subtitle = |at: usize| {
        at > window
            && is_any_label(text_at(at - 1))
            && at + 1 < index
            && text_at(at + 1).starts_with(char::is_uppercase)
    };
    // A paragraph's number or a point's label alone on its line ("31." ⏎
    // "We recognize that Goal 14 …" ⏎ … "… the funding gap of Goal" ⏎ "14.
    // In this regard, we:", 79/314 at 98 columns) closes no sentence: the
    // lines under it are its text, not headings.
    let sentence_end = (window..index).rev().find(|&at| {
        let text = without_closing_calls(text_at(at).trim_end());
        !is_label(text_at(at))
            && !is_lone_label(text_at(at))
            && (text.ends_with(['.', ';']) || text.ends_with(':') && !before_subtitle(at))
    });
    let headings = match sentence_end {
        Some(end) => end + 1,
        None if window == start => start,
        None => index,
    };
    // The lines right under a number do not split off alone ("2." ⏎
    // "Recognizes that … Goal" ⏎ "14. In this regard …"): they are its text.
    let under_number =
        |from: usize| from == start && start > 0 && is_lone_label(text_at(start - 1));
    // Under a part's label, the heading may wrap after a comma: "… the
    // Decade;<sup>163</sup>" ⏎ "XII" ⏎ "Regular Process … of the Marine
    // Environment," ⏎ "including Socioeconomic Aspects" ⏎ "307. Recalls …"
    // (80/110).
    // "… developing countries by" ⏎ "2030. This increase …" (79/323 at 54
    // columns): a line that ends on a connecting word ends no heading; its
    // sentence goes on with the figure, which numbers no paragraph.
    let stand_apart = |from: usize| {
        from < index
            && !under_number(from)
            && !super::ends_with_connector(text_at(index - 1))
            && (is_headings(&lines[from..index])
                || (from + 1 < index
                    && is_any_label(text_at(from))
                    && is_heading_after_label(&lines[from + 1..index])))
    };
    if stand_apart(headings) {
        return Some(headings);
    }
    // "… (S/2020/105)," ⏎ "Renewal of UNIOGBIS’s mandate" ⏎ "1. Decides …":
    // after the last recital's comma, where the line right above the number
    // closes nothing.
    if closes_clause(text_at(index - 1)) {
        return None;
    }
    let clause_end_before = |before: usize| {
        (window..before)
            .rev()
            .find(|&at| closes_clause(text_at(at)) && !is_lone_label(text_at(at)))
    };
    let end = clause_end_before(index)?;
    if stand_apart(end + 1) {
        return Some(end + 1);
    }
    // "… of the Charter of the" ⏎ "United Nations," ⏎ "Prevention of
    // Illicit Exports of Petroleum," ⏎ "including Crude Oil and Refined
    // Petroleum" ⏎ "Products" ⏎ "1." (S/RES/2644 at 46 columns): a heading
    // wrapped after its own comma, from the clause before it.
    let from = clause_end_before(end)? + 1;
    (from <= end
        && !under_number(from)
        && !lead::has_lead(text_at(from))
        && is_heading_after_label(&lines[from..index]))
    .then_some(from)
}

/// Where the headings that end a block of text begin: up to
/// [`MAX_HEADING_LINES`] lines after a line that closes its sentence
/// ("…;", "….", "…؛", or "…；", "…。" and "…，" on a line that stops short
/// of `printed_line`, the page's width), or a recital's clause ("…,"), that
/// read as headings only and open with no lead phrase. `None` where the
/// block ends otherwise.
fn headings_at_the_end(lines: &[Line<'_>], printed_line: usize) -> Option<usize> {
    let window = lines.len().saturating_sub(MAX_HEADING_LINES + 1);
    // Where the lines after the last one `marks` end begin.
    let after = |marks: &[char]| {
        (window..lines.len().saturating_sub(1))
            .rev()
            .find(|&at| without_closing_calls(lines[at].text.trim_end()).ends_with(marks))
            .map(|end| end + 1)
    };
    // The lexicon last: most blocks fail the cheaper tests.
    let lead = |first: &str| lead::has_lead(first) || lead_len(first, Part::Operative).is_some();
    // A part's label and its heading on one line may wrap after a comma:
    // "… for 2025;" ⏎ "XVIII Revised estimates … under section 1," ⏎
    // "Overall policymaking, …" ⏎ (page) (79/258).
    let headings = |start: usize| {
        (is_headings(&lines[start..])
            || (opens_with_roman_label(&lines[start].text)
                && is_heading_after_label(&lines[start..])))
            && !is_label(&lines[start - 1].text)
    };
    // After the Arabic semicolon too ("… والسبعين؛" ⏎ a heading, 76/290);
    // the Chinese one only on a short line (below), since a line that
    // wraps anywhere may end with it.
    // "Actuando en virtud del Capítulo VII …," ⏎ "Medidas" ⏎ (page) ⏎
    // "1.": after a recital's comma as well, where no sentence's end comes
    // before (not after a comma inside a title: "… under section 1," ⏎
    // "Overall policymaking, …"), and where a capital tells a title from
    // the recital's next clause (which Arabic and Chinese do not have).
    let recital = || {
        lines
            .first()
            .is_some_and(|first| lead::has_lead(&first.text))
    };
    // "…第一步；" ⏎ "旅行禁令和资产冻结" ⏎ (page) ⏎ "11." (S/RES/2701
    // without blank lines), "…第七章采取行动，" ⏎ "措施" ⏎ (page) ⏎ "1."
    // (S/RES/2763): the Chinese marks end a paragraph where their line stops
    // short of the page's width, as a line that wraps anywhere does only at
    // its paragraph's end.
    let stops_short = |start: usize| {
        !crate::clean::fills_line(&lines[start - 1].text, &lines[start].text, printed_line)
    };
    after(&['.', ';', '؛'])
        .filter(|&start| headings(start) && !lead(&lines[start].text))
        // "Amend paragraph 8 to read:" ⏎ "Independent panel" ⏎ (page) ⏎
        // "8. The Secretary-General …" (79/144's annex without blank
        // lines): after a colon that ends the block's first line, a
        // sentence of its own, neither a paragraph nor a recital. A
        // title's colon before its subtitle ends no sentence: "United
        // Nations system support for the African Union’s Agenda 2063:" ⏎
        // "The Africa We Want" (79/257) has most of its words capitalised.
        .or_else(|| {
            let first = lines[0].text.trim_end();
            (lines.len() > 1
                && first.ends_with(':')
                && reads_as_sentence(first)
                && operative_number(first).is_err()
                && headings(1)
                && !lead(first)
                && !lead(&lines[1].text))
            .then_some(1)
        })
        // "…3 899 700美元；" ⏎ "2022年7月1日至2023年6月30日期间批款的筹措" ⏎
        // (page) ⏎ "7. …" (zh 76/293 at its drawn size): where the
        // paragraph's stop fills its line, the lines after it still end the
        // block, which the next page's text did not go on (a paragraph's
        // last line closes it): headings, after a stop but not after a
        // comma, which a recital goes on past.
        .or_else(|| {
            (printed_line > 0 && lang::current() == lang::Language::Chinese)
                .then(|| after(&['；', '。', '，']))
                .flatten()
                .filter(|&start| {
                    (stops_short(start) || !lines[start - 1].text.trim_end().ends_with('，'))
                        && headings(start)
                        && !lead(&lines[start].text)
                })
        })
        // "… (S/2020/105)،" ⏎ "تجديد ولاية مكتب الأمم المتحدة …" ⏎ (page) ⏎
        // "1 - …" (ar S/RES/2512 at 110 columns): in Arabic, which has no
        // capital to tell, the lines that end the block after the recital's
        // comma still read as headings, as the next page's number did not
        // go on with them.
        .or_else(|| {
            after(&[',', '،']).filter(|&start| {
                let first = lines[start].text.chars().next().unwrap_or(' ');
                let caseless = first.is_alphabetic() && !first.is_lowercase();
                caseless && headings(start) && recital() && !lead(&lines[start].text)
            })
        })
}

/// Whether `text` reads as a sentence, not a title: more of its words open
/// in lower case than with a capital ("Amend paragraph 8 to read:", not
/// "… the African Union’s Agenda 2063:"). Never in a script without case.
fn reads_as_sentence(text: &str) -> bool {
    let cases = word_cases(text);
    cases.lower > cases.capital
}

/// Whether the annex's title, from `start` (the line under "Annex") on,
/// ended on the line before `index`, which opens the annex's text: that
/// line, unclosed, stopped short of `printed_line`, the page's width (0
/// where the text is not wrapped), and the line at `index` reads as
/// running text, not as a title's next line: it opens with a capital and
/// closes a sentence or a clause, or fills its own width ("… of the Law of
/// the Sea" ⏎ "Trust Fund<sup>170</sup>" ⏎ "Amend paragraph 8 to read:",
/// 79/144). A title's lines, centred, may all stop short; none ends with a
/// mark, a colon or a table's bracket ("(United States dollars)"), and none
/// fills the page's width.
fn ends_annex_title(lines: &[Line<'_>], start: usize, index: usize, printed_line: usize) -> bool {
    if printed_line == 0 || start == 0 || index == start || index - start > MAX_ANNEX_TITLE_LINES {
        return false;
    }
    let previous = without_closing_calls(lines[index - 1].text.trim_end());
    let line = lines[index].text.trim_end();
    is_annex_line(&lines[start - 1].text)
        && line.starts_with(char::is_uppercase)
        && lines[start].text.starts_with(opens_sentence)
        && lines[start..index]
            .iter()
            .all(|title| unclosed(without_closing_calls(title.text.trim_end())))
        && !crate::clean::fills_line(previous, line, printed_line)
        && (without_closing_calls(line).ends_with(['.', ':', ';', '。', '：', '；', '؛'])
            || lines
                .get(index + 1)
                .is_some_and(|next| crate::clean::fills_line(line, &next.text, printed_line)))
}

/// Pushes `headings` onto `parts`, each label a part of its own, as the
/// blank lines around it set it apart where the text has them ("Part IV"
/// ⏎ "International cooperation for development" ⏎ "Section 11" ⏎ …): a
/// title's lines stay together.
fn split_at_labels<'b, 'a>(headings: &'b [Line<'a>], parts: &mut Vec<&'b [Line<'a>]>) {
    let mut from = 0;
    for at in 0..headings.len() {
        if is_any_label(&headings[at].text) {
            if at > from {
                parts.push(&headings[from..at]);
            }
            parts.push(&headings[at..=at]);
            from = at + 1;
        }
    }
    if from < headings.len() {
        parts.push(&headings[from..]);
    }
}

/// The conjunction that closes `previous` before a next paragraph or point,
/// in English, French, Spanish or Russian: alone on its line (`Some(None)`)
/// or after a semicolon or a comma (`Some(Some(mark))`): "or", "…; and",
/// "…, и".
fn closing_conjunction(previous: &str) -> Option<Option<char>> {
    // The last letter, then the last word: this is asked of every line.
    // ("и" ends in the byte B8.)
    if !matches!(
        previous.as_bytes().last(),
        Some(b'd' | b'r' | b't' | b'u' | b'y' | b'o' | 0xB8)
    ) {
        return None;
    }
    let (before, last) = match previous.rsplit_once(' ') {
        Some((before, last)) => (Some(before), last),
        None => (None, previous),
    };
    if !matches!(last, "and" | "or" | "et" | "ou" | "y" | "o" | "и" | "или") {
        return None;
    }
    match before {
        None => Some(None),
        Some(before) => {
            let mark = before.chars().next_back()?;
            matches!(mark, ';' | ',').then_some(Some(mark))
        }
    }
}

/// Whether a line of a block with no blank lines stands apart from the line
/// before it for what it is, whatever that line ends with: the line after
/// the formula ("The General Assembly" ⏎ "1."); an annex heading after the
/// date that closes the resolution ("30 June 2025" ⏎ "Annex") and the line
/// after it; a number alone whose text starts on the next line with a
/// capital ("Programme budget" ⏎ "1." ⏎ "Approves …"), which a number
/// wrapped from running text ("… in paragraph" ⏎ "1.") is not followed by;
/// a part's label over its heading after a sentence's end.
fn stands_apart(previous: &str, line: &str, next: Option<&str>) -> bool {
    // Cheapest first: this runs on every line of every text block.
    (is_short(previous) && is_formula(previous.trim_end()))
        || (is_lone_label(line)
            && next.is_some_and(|next| next.trim_start().starts_with(|c: char| !c.is_lowercase())))
        // "… operations;" ⏎ "II" ⏎ "Support account and related funding
        // issues": a part's label after a sentence's end, over its heading.
        || (line.len() <= MAX_LABEL_LEN
            && next.is_some_and(|next| next.starts_with(opens_sentence))
            && without_closing_calls(previous.trim_end()).ends_with(['.', ';', '。', '；', '؛'])
            && is_any_label(line))
        || (is_short(line)
            && !previous.trim_end().ends_with(char::is_alphabetic)
            && is_annex_line(line))
        || (is_short(previous) && is_annex_line(previous))
}

/// The marks that may close a recital or a paragraph at a line's end, in
/// the six languages: a comma, semicolon, colon or stop, Latin, Chinese or
/// Arabic.
const CLOSING_MARKS: [char; 10] = [',', ';', ':', '.', '，', '；', '：', '。', '،', '؛'];

/// Whether `text` closes a clause at its end with one of [`CLOSING_MARKS`],
/// read through the footnote calls and the marks that print nothing.
pub(super) fn closes_clause(text: &str) -> bool {
    without_closing_calls(text.trim_end()).ends_with(CLOSING_MARKS)
}

/// Whether `text` ends with a mark a title does not end with: ASCII
/// punctuation, or one of [`CLOSING_MARKS`] of another script ("،", "，").
fn ends_with_a_mark(text: &str) -> bool {
    text.ends_with(|c: char| c.is_ascii_punctuation() || CLOSING_MARKS.contains(&c))
}

/// Whether a letter may open a sentence or a title: a capital, or a letter
/// of a script without case (Arabic, Chinese).
fn opens_sentence(c: char) -> bool {
    c.is_alphabetic() && !c.is_lowercase()
}

/// Whether a line is short enough to be a formula or an annex's heading:
/// under 40 characters, not bytes ("Генеральная Ассамблея," takes 42 bytes,
/// "الجمعية العامة،" 28).
fn is_short(line: &str) -> bool {
    fewer_letters_than(line, 40)
}

/// Whether `text` has fewer than `limit` characters, counted cheaply: by
/// its bytes where they tell (too few or too many of them), by its
/// characters where the line opens in another script (Cyrillic takes two
/// bytes a letter, Chinese three) or, opening in ASCII, has a quarter more
/// bytes than the limit at most (accented letters take two: "Informe sobre
/// la ejecución … del período …" at 120 columns, es 76/277). Asked of every
/// line: most lines are far from the limit.
fn fewer_letters_than(text: &str, limit: usize) -> bool {
    let other_script = text.as_bytes().first().is_some_and(|b| !b.is_ascii());
    let most_bytes = if other_script {
        limit * 4
    } else {
        limit + limit / 4
    };
    text.len() < limit || (text.len() < most_bytes && text.chars().count() < limit)
}

/// The most lines an annex's title takes under "Annex" (its preface holds
/// the annex's heading and three lines more).
const MAX_ANNEX_TITLE_LINES: usize = 3;

/// How many letters a title's line holds at most.
const MAX_TITLE_LINE: usize = 120;

/// How many lines the headings above a numbered paragraph can take: a
/// budget's part and section, each with its title ("Part IV" ⏎
/// "International cooperation for development" ⏎ "Section 11" ⏎ a title of
/// two lines).
const MAX_HEADING_LINES: usize = 6;

/// The longest part's label alone on its line, in bytes ("Income section
/// 12", "Section 29A", "Часть IV"): a cheap test before the parse.
const MAX_LABEL_LEN: usize = 24;

/// Whether `text` may be a title's line: short, and closed by no mark of
/// any script ("…؛" and "…，" end clauses, not titles: S/RES/2597 in
/// Arabic, "… (S/2018/119)؛" at a page's foot).
fn unclosed(text: &str) -> bool {
    // "تجديد ولاية مكتب … في غينيا -" ⏎ "بيساو" (ar S/RES/2512 at 64
    // columns): a name's dash set apart after a word, where the line wraps.
    fewer_letters_than(text, MAX_TITLE_LINE)
        && (!ends_with_a_mark(text) || crate::clean::ends_with_dash_after_word(text, [" -", " –"]))
}

/// Whether the lines read as headings only: up to six short lines, each
/// a part's label ("F.", "IV.") or a capitalised title without closing
/// punctuation (or its next line) ("II." ⏎ "Action areas" ⏎ "A." ⏎ "Domestic public
/// resources" ⏎ "26. Public resources …", where the numbered paragraph
/// follows without a blank line).
fn is_headings(lines: &[Line<'_>]) -> bool {
    if lines.is_empty() || lines.len() > MAX_HEADING_LINES {
        return false;
    }
    // A Chinese title may open with a date ("2022年7月1日至2023年6月30日期间的
    // 预算估计数", 76/293).
    let dated = |text: &str| {
        let year = text.trim_start_matches(|c: char| c.is_ascii_digit());
        year.len() + 4 == text.len() && year.starts_with('年')
    };
    let title = |text: &str| unclosed(text) && (text.starts_with(opens_sentence) || dated(text));
    // A title's second line may start in lower case ("Financing of the
    // support account … for the financial" ⏎ "periods from 1 July 2022 …").
    // "… Agenda 2063:" ⏎ "The Africa We Want": a title's colon before its
    // subtitle, not on the last line.
    let last = lines.len() - 1;
    let mut previous_title = false;
    let all = lines.iter().enumerate().all(|(at, line)| {
        let text = line.text.trim();
        let text = match text.strip_suffix(':') {
            Some(head) if at < last => head,
            _ => text,
        };
        let goes_on = previous_title && unclosed(text);
        previous_title = title(text) || goes_on;
        is_any_label(text) || previous_title
    });
    all && previous_title
}

/// Whether `line` opens with a point's label and its text, not with a
/// label cited ("(b) of the Convention", "(d) above").
fn opens_a_point(line: &str) -> bool {
    point_label(line).is_ok_and(|(rest, _)| !crate::clean::refers_to_a_point(rest))
}

/// Whether `line` opens with a part's Roman label and its heading's first
/// word: "II Request for a subvention …", "XVIII Revised estimates …".
fn opens_with_roman_label(line: &str) -> bool {
    line.starts_with(['I', 'V', 'X', 'L'])
        && line.split_once(' ').is_some_and(|(label, rest)| {
            let label = label.strip_suffix('.').unwrap_or(label);
            (1..=6).contains(&label.len())
                && label
                    .bytes()
                    .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
                && rest.starts_with(char::is_uppercase)
        })
}

/// Whether the lines under a part's label read as its heading: those of
/// [`is_headings`], or lines of a title that wraps after a comma or a
/// compound's hyphen, which no title ends with ("Revised estimates …
/// under section 26," ⏎ "Palestine refugees").
fn is_heading_after_label(lines: &[Line<'_>]) -> bool {
    let Some((last, wrapped)) = lines.split_last() else {
        return false;
    };
    let open = |line: &Line<'_>| unclosed(line.text.trim_end());
    // After a comma, or inside a compound ("… and its thirty-" ⏎
    // "seventh special session", 80/243).
    let wraps_inside = |line: &Line<'_>| {
        let text = line.text.trim_end();
        fewer_letters_than(text, MAX_TITLE_LINE)
            && text
                .strip_suffix([',', '-'])
                .is_some_and(|head| head.ends_with(char::is_alphanumeric))
    };
    is_headings(lines)
        || (lines[0].text.starts_with(opens_sentence)
            && wrapped.iter().any(wraps_inside)
            && wrapped.iter().all(|line| open(line) || wraps_inside(line))
            && open(last))
}

/// A budget's part or section alone on its line ("Part VIII", "Section
/// 29A", "Income section 3"), not a convention's chapter or article.
fn is_budget_label(text: &str) -> bool {
    let text = text.trim();
    is_income_section(text)
        || is_any_label(text)
            && operative::convention_division(text).is_some_and(|(kind, _, _)| {
                matches!(kind, DivisionKind::Part | DivisionKind::Section)
            })
}

/// A paragraph's number alone on its line, with its dot or not ("6.",
/// "12 -"): a label alone that opens with a figure.
fn is_lone_number(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_digit()) && is_lone_label(text)
}

/// A paragraph's number alone on its line without its dot ("6").
fn is_lone_figure(text: &str) -> bool {
    is_paragraph_figure(text.trim())
}

/// A paragraph's number without its dot before an operative lead phrase
/// with its capital: "26 Condemns without reservation …".
fn dotless_number_and_lead(line: &str) -> bool {
    line.split_once(' ').is_some_and(|(number, rest)| {
        is_paragraph_figure(number)
            && rest.starts_with(char::is_uppercase)
            && lead_len(rest, Part::Operative).is_some()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn block(lines: &[&'static str]) -> CleanBlock<'static> {
        CleanBlock {
            lines: lines
                .iter()
                .enumerate()
                .map(|(at, text)| Line {
                    text: Cow::Borrowed(*text),
                    number: at + 1,
                    column: 1,
                    hard_break: false,
                    glue: false,
                })
                .collect(),
        }
    }

    #[test]
    fn a_parts_label_and_heading_opening_a_page_stand_apart_from_its_recital() {
        // 79/258 without blank lines (seed 79): page 4 opens with "III
        // Request for a subvention …" and its first recital; the heading had
        // been glued to the recital.
        let block = block(&[
            "III Request for a subvention to the Extraordinary Chambers in the Courts of Cambodia",
            "Recalling section I of its resolution 68/247 B of 9 April 2014, section I of its",
            "resolution 69/274 A,",
        ]);
        let parts = split_paragraphs(&block, 0, 0);
        let lengths: Vec<usize> = parts.iter().map(|part| part.len()).collect();
        assert_eq!(lengths, [1, 2]);
    }
}
