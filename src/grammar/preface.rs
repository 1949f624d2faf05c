//! The masthead and the preface: masthead lines into `<coverPage>` lines and
//! facts (symbol, dates, body, sponsors); the numbered title ("49/34. …",
//! "Resolution 678 (1990)") and the adoption statement under it into
//! `<preface>` lines. Takes the text of one block, gives [`Inline`] lines.

use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{char, digit1, space1};
use nom::combinator::{opt, recognize};
use nom::{IResult, Parser};

use super::lead::{lead_len, Part};
use super::masthead::{cover_line, Fact};
use super::operative::{operative_number, starts_operative};
use super::preamble::is_formula;
use super::{
    block_text, citation, date, excerpt, push_all, unwrap_emphasis, vote, DocumentParser, Phase,
};
use crate::clean::Line;
use crate::error::Position;
use crate::model::{Body, DateRole, DocumentKind, Inline, Meeting, Organization};

/// "49/34. Title", "58/... Title", "80/1. Title": (number as printed, session,
/// title).
pub(super) fn title_line(input: &str) -> IResult<&str, (&str, &str)> {
    let (rest, number) = recognize((
        // Special and emergency special sessions: "S-36/1.", "ES-11/1.".
        opt(nom::branch::alt((tag("ES-"), tag("S-")))),
        digit1,
        char('/'),
        nom::branch::alt((
            recognize((
                digit1,
                opt(take_while_m_n(1, 1, |c: char| c.is_ascii_uppercase())),
            )),
            tag("..."),
            tag("…"),
        )),
        opt(char('.')),
    ))
    .parse(input)?;
    // "77/27" alone on its line: the number, printed without a title.
    if rest.trim().is_empty() {
        return Ok(("", (number, "")));
    }
    let (title, _) = space1(rest)?;
    Ok(("", (number, title)))
}

/// How many items "132 and 143", "71 (b) and 72" or "12, 13 и 15" names:
/// its runs of figures outside parentheses (at least one).
fn agenda_item_count(number: &str) -> usize {
    let mut count = 0;
    let mut depth = 0usize;
    let mut in_figure = false;
    for c in number.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        let figure = c.is_ascii_digit() && depth == 0;
        if figure && !in_figure {
            count += 1;
        }
        in_figure = figure;
    }
    count.max(1)
}

/// "Resolution 678 (1990)": ("Resolution ", "678 (1990)"), then the rest.
pub(super) fn resolution_title(input: &str) -> IResult<&str, (&str, &str)> {
    let (rest, prefix) =
        recognize((nom::bytes::complete::tag_no_case("Resolution"), space1)).parse(input)?;
    let (rest, number) = citation::resolution_number(rest)?;
    if !(rest.is_empty() || rest.starts_with([' ', '\n', '.'])) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest.trim_start_matches('.'), (prefix, number.printed)))
}

impl DocumentParser {
    /// Whether a block starts the resolution's body rather than the masthead:
    /// the formula, a lead phrase or an operative number.
    pub(super) fn starts_body(&self, text: &str) -> bool {
        let (inner, _) = unwrap_emphasis(text);
        is_formula(inner)
            || operative_number(text).is_ok()
            || text.starts_with('*') && !text.starts_with("**") && !unwrap_emphasis(text).1
            || lead_len(inner, Part::Preamble).is_some()
    }

    pub(super) fn masthead_block(&mut self, lines: &[Line<'_>]) {
        // Text with no blank lines: "[on the report …]" ⏎ "78/106. Guide
        // on …" ⏎ "Enterprises of …": the numbered title and the lines
        // that go on with it are a block of their own.
        // The Arabic title has no dot after its number ("76/151 استخدام
        // …", or a dash, "76/303 - إجراءات …"); an English line that opens
        // with a number and no dot is a citation's ("78/121 of 19 December
        // 2023").
        let title_at = lines.iter().skip(1).position(|line| {
            title_line(line.text.trim()).is_ok_and(|(_, (number, title))| {
                let words = title.trim_start_matches(['-', '–', ' ']);
                !words.is_empty()
                    && (number.ends_with('.') || !words.starts_with(|c: char| c.is_ascii()))
            })
        });
        if let (true, Some(at)) = (self.text_mode, title_at) {
            self.masthead_block(&lines[..=at]);
            self.block(&lines[at + 1..]);
            return;
        }
        // "28 February 2020" ⏎ "Resolution 2512 (2020)" ⏎ "Adopted by the
        // Security Council at its 8736th meeting, on 28 February 2020": a
        // Security Council resolution's title, and the statement under it,
        // are blocks of their own.
        // Not a title's last line ("… arising from Security Council" ⏎
        // "resolution 1863 (2009)").
        let sc_title_at = lines.windows(2).position(|pair| {
            let text = pair[1].text.trim();
            let title = resolution_title(text).is_ok_and(|(rest, _)| rest.trim().is_empty())
                || crate::lang::resolution_title(text)
                    .is_some_and(|(_, _, end)| matches!(&text[end..], "" | "," | "号决议"));
            title && !text.starts_with(char::is_lowercase) && !masthead_continues(&pair[..1], text)
        });
        if let (true, Some(at)) = (self.text_mode, sc_title_at) {
            self.masthead_block(&lines[..=at]);
            self.block(&lines[at + 1..=at + 1]);
            if lines.len() > at + 2 {
                self.block(&lines[at + 2..]);
            }
            return;
        }
        // "At the 8884th meeting …, in connection with … “The situation in
        // the Great" ⏎ "Lakes region”, the President of the Security Council
        // made the following statement …:": a statement's opening is running
        // text, one line however it wraps, not masthead lines.
        if let (true, Some((start, end))) = (self.text_mode, statement_opening_lines(lines)) {
            if start > 0 {
                self.masthead_block(&lines[..start]);
            }
            let group = &lines[start..=end];
            self.masthead_line(&block_text(group), group[0].position());
            if end + 1 < lines.len() {
                self.block(&lines[end + 1..]);
            }
            return;
        }
        // Lines joined by soft wraps belong together; hard breaks separate.
        // Text input has no hard breaks: there every line is a masthead line
        // unless the next one visibly goes on with it.
        let mut start = 0;
        for (index, line) in lines.iter().enumerate() {
            let ends = match lines.get(index + 1) {
                None => true,
                Some(_) if line.hard_break => true,
                Some(next) if self.text_mode => {
                    !masthead_continues(&lines[start..=index], &next.text)
                }
                Some(_) => false,
            };
            if ends {
                let group = &lines[start..=index];
                let mut text = block_text(group);
                let mut position = group[0].position();
                if let Some((open, at)) = self.open_bracket.take() {
                    text = format!("{open} {text}").into();
                    position = at;
                }
                start = index + 1;
                if start == lines.len() && text.starts_with('[') && !text.contains(']') {
                    // "[on the report of the … Committee" ⏎⏎ "(Fourth
                    // Committee) (A/78/427, para. 8)]": held for the next block.
                    self.open_bracket = Some((text.into_owned(), position));
                } else {
                    self.masthead_line(&text, position);
                }
            }
        }
        // The agenda item's title ends with its block; the next item's
        // title, if several were named, is the next block.
        let ends_in_title = matches!(
            self.cover.last().and_then(|l| l.first()),
            Some(Inline::AgendaItemTitle(_))
        );
        if ends_in_title {
            self.agenda_titles = self.agenda_titles.saturating_sub(1);
        }
    }

    pub(super) fn masthead_line(&mut self, text: &str, position: Position) {
        let (inner, _) = unwrap_emphasis(text);
        if self.statement_line(inner, position) {
            return;
        }
        match cover_line(inner, &self.markers, self.agenda_titles > 0) {
            Some(line) => {
                // In text input an agenda item's title wraps over lines of
                // its block: they go on with it.
                let title = matches!(line.content.first(), Some(Inline::AgendaItemTitle(_)));
                if let Some(Inline::AgendaItem { number, .. }) = line.content.first() {
                    self.agenda_titles = agenda_item_count(number);
                } else if line.facts.contains(&Fact::AgendaItem) {
                    self.agenda_titles = 1;
                } else if !(title && self.text_mode) {
                    self.agenda_titles = 0;
                }
                for fact in line.facts {
                    if let Fact::Proponent(name) = &fact {
                        self.add_organization(Organization::State(name.clone()));
                    }
                    self.facts.push(fact);
                }
                self.cover.push(line.content);
            }
            None if self.preface.is_empty()
                && self.facts.iter().any(|f| matches!(f, Fact::Stage(_))) =>
            {
                // A draft's title follows its sponsor line.
                self.unnumbered_title(inner, position);
                if self.kind() == DocumentKind::Amendment {
                    // An amendment has no preamble: its instructions follow.
                    self.phase = Phase::Operative;
                }
            }
            None if self.preface.is_empty()
                && !inner.ends_with(['.', ';', ','])
                && self.facts.iter().any(|f| matches!(f, Fact::Adopted(..))) =>
            {
                // A title printed without its number ("Cooperation between
                // the United Nations and …" under the adoption statement).
                self.unnumbered_title(inner, position);
            }
            None => {
                self.agenda_titles = 0;
                self.warn(
                    position,
                    format!(
                        "masthead line not recognised, kept as text: {}",
                        excerpt(inner)
                    ),
                );
                self.cover.push(self.inlines(text));
            }
        }
    }

    /// A masthead line that is the document's title, printed without a
    /// number: the preface's `docTitle`; it ends any agenda item titles.
    fn unnumbered_title(&mut self, text: &str, position: Position) {
        self.agenda_titles = 0;
        let title = self.inlines(text.trim());
        self.preface.push(vec![Inline::DocTitle(title)]);
        self.title_position = position;
    }

    /// A held bracket line the next block did not close: a line of its own.
    pub(super) fn flush_open_bracket(&mut self) {
        if let Some((open, at)) = self.open_bracket.take() {
            self.masthead_line(&open, at);
        }
    }

    pub(super) fn add_organization(&mut self, org: Organization) {
        if !self.organizations.contains(&org) {
            self.organizations.push(org);
        }
    }

    pub(super) fn preface_line(&mut self, number: &str, title: &str) {
        let session = number.split('/').next().and_then(|s| s.parse::<u32>().ok());
        self.preface_number = Some((number.to_string(), session));
        let mut line = vec![Inline::DocNumber {
            text: number.into(),
            symbol: false,
        }];
        if !title.is_empty() {
            line.push(Inline::text(" "));
            line.push(Inline::DocTitle(self.inlines(title)));
        }
        self.preface.push(line);
    }

    /// In an annex: "Annex I" and up to three title lines before the text go
    /// to the annex's preface.
    pub(super) fn annex_heading_line(&mut self, text: &str) -> bool {
        let (inner, _) = unwrap_emphasis(text);
        // A part's label ("I.") awaits its heading: the body has begun.
        let started = self.preamble.formula.is_some()
            || !self.preamble.containers.is_empty()
            || !self.paragraphs.is_empty()
            || self.division_awaits_heading;
        let title_like = inner.len() < 200
            && !inner.ends_with(['.', ',', ';', ':'])
            && !starts_operative(inner)
            && lead_len(inner, Part::Preamble).is_none()
            && operative_number(inner).is_err()
            && !is_formula(inner);
        if started || self.preface.len() >= 4 || !(self.preface.is_empty() || title_like) {
            return false;
        }
        let content = self.inlines(text);
        self.preface.push(content);
        true
    }

    /// "Resolution 678 (1990)" (Security Council): the number, then what
    /// follows on the line ("of 29 November 1990").
    pub(super) fn numbered_title(&mut self, prefix: &str, number: &str, rest: &str) {
        self.preface_number = Some((number.to_string(), None));
        let year_in_parentheses = number
            .rsplit_once('(')
            .is_some_and(|(_, y)| y.len() == 5 && y[..4].bytes().all(|b| b.is_ascii_digit()));
        self.facts.push(Fact::Body(if year_in_parentheses {
            Body::SecurityCouncil
        } else {
            Body::GeneralAssembly
        }));
        let mut line = vec![
            Inline::text(prefix),
            Inline::DocNumber {
                text: number.into(),
                symbol: false,
            },
        ];
        let rest = rest.trim();
        if !rest.is_empty() {
            line.push(Inline::Eol);
            match self.adoption_statement(rest) {
                Some(more) => line.extend(more),
                None => line.extend(self.dated_title(rest)),
            }
        }
        self.preface.push(line);
    }

    /// "extract, PARIS, 19 November 1948": a title line with the adoption
    /// date in it, as `<docTitle>` with a `<docDate>`.
    pub(super) fn dated_title(&mut self, text: &str) -> Vec<Inline> {
        let mut at = 0;
        while at < text.len() {
            let boundary = at == 0 || text[..at].ends_with([' ', ',']);
            if boundary {
                if let Ok((after, date)) = date::date(&text[at..]) {
                    self.facts
                        .push(Fact::Adopted(DocumentKind::Resolution, None, Some(date)));
                    let end = text.len() - after.len();
                    let mut content = self.inlines(&text[..at]);
                    content.push(Inline::DocDate {
                        date,
                        role: DateRole::Adoption,
                        text: text[at..end].into(),
                    });
                    push_all(&mut content, self.inlines(after));
                    return vec![Inline::DocTitle(content)];
                }
            }
            at += text[at..].chars().next().map_or(1, char::len_utf8);
        }
        vec![Inline::DocTitle(self.inlines(text))]
    }

    /// "of 29 November 1990", "Adopted by the Security Council at its 4653rd
    /// meeting, on 4 December 2002": the adoption statement under a
    /// numbered title, as `<docType>` with the meeting and the date.
    pub(super) fn adoption_statement(&mut self, text: &str) -> Option<Vec<Inline>> {
        let (inner, _) = unwrap_emphasis(text);
        if let Some(date_text) = inner.strip_prefix("of ") {
            if let Ok(("", date)) = date::date(date_text.trim_end_matches(['.', ','])) {
                self.facts
                    .push(Fact::Adopted(DocumentKind::Resolution, None, Some(date)));
                return Some(vec![
                    Inline::text("of "),
                    Inline::DocDate {
                        date,
                        role: DateRole::Adoption,
                        text: date_text.trim_end_matches(['.', ',']).into(),
                    },
                ]);
            }
            return None;
        }
        if let Some(found) = crate::lang::adoption(inner) {
            self.facts.push(Fact::Adopted(
                DocumentKind::Resolution,
                found.body,
                Some(found.date),
            ));
            let (start, end) = found.date_span;
            let mut content = self.inlines(&inner[..start]);
            content.push(Inline::DocDate {
                date: found.date,
                role: DateRole::Adoption,
                text: inner[start..end].into(),
            });
            push_all(&mut content, self.inlines(&inner[end..]));
            return Some(vec![Inline::DocType(content)]);
        }
        let rest = inner.strip_prefix("Adopted by the ")?;
        let body_end = rest.find(" at ").or_else(|| rest.find(" on"))?;
        let body = Body::from_name(&rest[..body_end]);
        let date_at = date_after_on(inner)?;
        let date = date::date(&inner[date_at..]).ok()?.1;
        let printed = inner[date_at..].trim_end_matches(['.', ',']);
        self.facts
            .push(Fact::Adopted(DocumentKind::Resolution, body, Some(date)));
        let found = vote::adoption(&inner[..date_at]);
        let events: Vec<(usize, usize)> = found.meeting.into_iter().collect();
        if let Some((start, end)) = found.meeting {
            self.meeting.get_or_insert(Meeting {
                name: inner[start..end].into(),
            });
        }
        let mut content = self.annotated(&inner[..date_at], &events, &[]);
        content.push(Inline::DocDate {
            date,
            role: DateRole::Adoption,
            text: printed.into(),
        });
        push_all(
            &mut content,
            self.inlines(&inner[date_at + printed.len()..]),
        );
        Some(vec![Inline::DocType(content)])
    }
}

/// Where the date after the last "on" of an adoption line starts: "… on
/// 27 July 2023", or "… on27 July 2023" as text taken from the UN's own
/// files has it (their mark-up glues "on" to the `<docDate>`).
fn date_after_on(line: &str) -> Option<usize> {
    let spaced = line.rfind(" on ").map(|at| at + 4);
    let glued = line
        .rfind(" on")
        .filter(|&at| line[at + 3..].starts_with(|c: char| c.is_ascii_digit()))
        .map(|at| at + 3);
    spaced.max(glued)
}

/// The first and last of `lines` that hold a statement's dated opening
/// ("At the …th meeting …, held on …, … the President … made the following
/// statement on behalf of the Council:") wrapped over two lines or more:
/// from a line that opens with "At" or "On" to the first line, of the
/// twelve from there, that ends with ":".
fn statement_opening_lines(lines: &[Line<'_>]) -> Option<(usize, usize)> {
    const MOST_LINES: usize = 12;
    lines.iter().enumerate().find_map(|(start, line)| {
        let text = line.text.trim_start().trim_start_matches(['“', '"']);
        if !(text.starts_with("At ") || text.starts_with("On ")) {
            return None;
        }
        let end = start
            + lines[start..]
                .iter()
                .take(MOST_LINES)
                .position(|line| line.text.trim_end().ends_with(':'))?;
        (end > start && super::kinds::statement_opening(&block_text(&lines[start..=end])).is_some())
            .then_some((start, end))
    })
}

/// In text input, whether masthead line `next` continues the group of
/// lines `group` (its lines so far, the last one above `next`).
fn masthead_continues(group: &[Line<'_>], next: &str) -> bool {
    // A bracketed routing line goes on to its closing bracket, over as many
    // lines as it takes ("[по докладу Комитета по специальным политическим"
    // ⏎ "вопросам и вопросам деколонизации (Четвертый комитет)" ⏎
    // "(A/77/408, пункт 33)]").
    let Some(last) = group.last() else {
        return false;
    };
    if group[0].text.starts_with('[') && !group.iter().any(|line| line.text.contains(']')) {
        return true;
    }
    line_continues(&last.text, next)
}

/// Whether masthead line `next` continues `line`.
fn line_continues(line: &str, next: &str) -> bool {
    if next.starts_with(|c: char| c.is_lowercase()) {
        return true;
    }
    // "… adopted by the General Assembly on 4 December" ⏎ "2023": a year
    // alone on a line ends the date before it.
    // So does a Russian year with its word ("… 6 декабря" ⏎ "2022 года").
    let next = next.trim();
    let year = next.strip_suffix(" года").unwrap_or(next);
    if year.len() == 4
        && (year.starts_with("19") || year.starts_with("20"))
        && year.bytes().all(|b| b.is_ascii_digit())
    {
        return true;
    }
    // "Резолюция, принятая Генеральной Ассамблеей" ⏎ "6 декабря 2022 года":
    // an adoption line goes on with its date.
    if crate::lang::date::starts_with_day_of_month(next) && crate::lang::adoption_awaits_date(line)
    {
        return true;
    }
    // "… adopted by the General Assembly on 21" ⏎ "November 2023" (78/10 at
    // 56 columns), "… في 21" ⏎ "تشرين الثاني/نوفمبر 2023": a day ends the
    // line, its month opens the next.
    let last_word = line.trim_end().rsplit(' ').next().unwrap_or_default();
    let day = crate::lang::date::number(last_word, 1, 2)
        .is_some_and(|(day, len)| len == last_word.len() && (1..=31).contains(&day));
    if day && crate::lang::date::starts_with_month(next) {
        return true;
    }
    // "… في 16 كانون" ⏎ "الأول/ديسمبر 2021" (ar 76/147 at 50 columns): an
    // Arabic month's name of two words, broken between them.
    let mut words = line.trim_end().rsplit(' ');
    if let (Some(word), Some(day)) = (words.next(), words.next()) {
        if crate::lang::date::number(day, 1, 2).is_some_and(|(_, len)| len == day.len())
            && crate::lang::date::starts_with_day_of_month(&format!("{day} {word} {next}"))
        {
            return true;
        }
    }
    // "… Parties to the Treaty on the Non-" ⏎ "Proliferation of Nuclear
    // Weapons" (78/30 at 96 columns): a word broken at its hyphen.
    crate::clean::broken_word(line.trim_end())
        || line.ends_with(',')
        || super::ends_with_connector(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agenda_items_are_counted_outside_parentheses() {
        assert_eq!(agenda_item_count("10"), 1);
        assert_eq!(agenda_item_count("99 (f)"), 1);
        assert_eq!(agenda_item_count("132 and 143"), 2);
        assert_eq!(agenda_item_count("71 (b) and 72"), 2);
        assert_eq!(agenda_item_count("12, 13 et 15"), 3);
        assert_eq!(agenda_item_count("(a)"), 1);
    }

    #[test]
    fn the_adoption_date_follows_the_last_on_spaced_or_glued() {
        let line = "Adopted by the Security Council at its 9388th meeting, on 27 July 2023";
        assert_eq!(date_after_on(line), Some(line.len() - "27 July 2023".len()));
        let glued = "Adopted by the Security Council at its 9388th meeting, on27 July 2023";
        assert_eq!(
            date_after_on(glued),
            Some(glued.len() - "27 July 2023".len())
        );
        assert_eq!(
            date_after_on("Adopted by the Council on 9 May, not on2"),
            Some(39)
        );
        assert_eq!(date_after_on("Adopted online"), None);
    }

    #[test]
    fn title_lines() {
        assert_eq!(
            title_line("49/34. Technical assistance"),
            Ok(("", ("49/34.", "Technical assistance")))
        );
        assert_eq!(
            title_line("58/... Technical"),
            Ok(("", ("58/...", "Technical")))
        );
        assert!(title_line("1. Decides").is_err());
        assert_eq!(title_line("77/27"), Ok(("", ("77/27", ""))));
        assert!(title_line("77/27b").is_err());
        assert_eq!(
            title_line("S-36/1. The human rights situation"),
            Ok(("", ("S-36/1.", "The human rights situation")))
        );
        assert_eq!(
            title_line("ES-11/1. Aggression against Ukraine"),
            Ok(("", ("ES-11/1.", "Aggression against Ukraine")))
        );
    }

    /// Asserts, for each `(line, next, goes_on)`, whether masthead line
    /// `next` continues `line`.
    fn assert_continues(cases: &[(&str, &str, bool)]) {
        for &(line, next, goes_on) in cases {
            assert_eq!(line_continues(line, next), goes_on, "{line} ⏎ {next}");
        }
    }

    #[test]
    fn a_year_alone_ends_the_date_before_it() {
        assert_continues(&[
            (
                "Resolution adopted by the General Assembly on 4 December",
                "2023",
                true,
            ),
            (
                "Resolution adopted by the General Assembly",
                "on 4 December 2023",
                true,
            ),
            ("Seventy-eighth session", "Agenda item 99 (x)", false),
            ("Distr.: General", "6 December 2023", false),
        ]);
    }

    #[test]
    fn a_day_ending_the_line_goes_on_with_its_month() {
        assert_continues(&[
            (
                "Resolution adopted by the General Assembly on 21 ",
                "November 2023",
                true,
            ),
            (
                "القرار الذي اتخذته الجمعية العامة في 21",
                "تشرين الثاني/نوفمبر 2023",
                true,
            ),
            // A day and the first word of a month of two.
            (
                "قرار اتخذته الجمعية العامة في 16 كانون",
                "الأول/ديسمبر 2021",
                true,
            ),
            // Not an agenda item's number over its title, nor a number
            // that is no day.
            ("Agenda item 11", "Sport for development and peace", false),
            ("on 32", "November 2023", false),
        ]);
    }

    #[test]
    fn a_word_broken_at_its_hyphen_goes_on() {
        assert_continues(&[
            (
                "Review Conferences of the Parties to the Treaty on the Non- ",
                "Proliferation of Nuclear Weapons",
                true,
            ),
            // Not a dash after a space.
            ("Agenda item 99 -", "General", false),
        ]);
    }
}
