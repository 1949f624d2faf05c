//! Stage 3: the document model — plain Rust types, serialisable with serde.
//!
//! The grammar ([`crate::grammar`]) produces a [`Document`]; the AKN writer
//! ([`crate::akn`]) consumes it. The types mirror the Akoma Ntoso elements they
//! become, so that writing is a mechanical mapping and grammar changes never
//! leak into XML emission. Nothing here knows about nom, markdown or XML, and
//! nothing here is an identifier: eIds, IRIs and TLC ids are made by the
//! writer from what the model says (a body, a State's name, a cited work).
//!
//! `un2akn convert --format json` prints this model.

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A UN resolution, draft, decision or amendment, as recognised from its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    /// What the document is; becomes `statement/@name`.
    pub kind: DocumentKind,
    /// Who the document is by and how it is identified (FRBR metadata).
    pub identity: Identity,
    /// The masthead, one entry per printed line. Written as `<coverPage>`.
    pub cover_page: Vec<Block>,
    /// The text itself: title, preamble, operative part and conclusions.
    pub parts: Parts,
    /// Footnote texts, each written as `<authorialNote>` at its first call.
    pub footnotes: Vec<Footnote>,
    /// Organisations named in the text (bodies, sponsoring States), in the
    /// order of first mention. Written as `<TLCOrganization>` in `<references>`.
    pub organizations: Vec<Organization>,
    /// The adoption meeting, when the text names it. Written as `<TLCEvent>`.
    pub meeting: Option<Meeting>,
    /// How the text was adopted, when it says so. Written as
    /// `<analysis><parliamentary><voting>`.
    pub vote: Option<Vote>,
    /// Annexes after the operative part ("Annex", "Annex I"), each parsed
    /// with the same grammar as the document. Written as
    /// `<attachments><attachment><doc name="annex">`.
    pub annexes: Vec<Parts>,
}

/// The parts of a text, shared by the document and each of its annexes (an
/// annexed declaration, another body's resolution, a table).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Parts {
    /// The numbered title line ("49/34. Technical …"), or "Annex I" and the
    /// annex's title lines. Written as `<preface>`.
    pub preface: Vec<Block>,
    /// The enacting formula and preambular paragraphs. Written as `<preamble>`.
    pub preamble: Preamble,
    /// A statement's opening sentence ("At the 7090th meeting of the Security
    /// Council, … made the following statement on behalf of the Council:").
    /// Written as the main body's first `<alinea>`, as the UN's files have it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening: Option<Block>,
    /// The operative part: paragraphs and the divisions that hold them.
    /// Written as `<mainBody>`.
    pub main_body: Vec<Provision>,
    /// Meeting, date and adoption lines after the operative part. Written as
    /// `<conclusions>`.
    pub conclusions: Vec<Block>,
}

impl Parts {
    /// Every operative paragraph, in document order, at any depth of
    /// divisions.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        Provisions::new(&self.main_body).filter_map(|provision| match provision {
            Provision::Paragraph(paragraph) => Some(paragraph),
            Provision::Division(_) => None,
        })
    }

    /// Every division, in document order (an outer one before those it holds).
    pub fn divisions(&self) -> impl Iterator<Item = &Division> {
        Provisions::new(&self.main_body).filter_map(|provision| match provision {
            Provision::Division(division) => Some(division),
            Provision::Paragraph(_) => None,
        })
    }
}

/// Walks provisions depth-first, in document order.
struct Provisions<'a> {
    stack: Vec<std::slice::Iter<'a, Provision>>,
}

impl<'a> Provisions<'a> {
    fn new(provisions: &'a [Provision]) -> Provisions<'a> {
        Provisions {
            stack: vec![provisions.iter()],
        }
    }
}

impl<'a> Iterator for Provisions<'a> {
    type Item = &'a Provision;

    fn next(&mut self) -> Option<&'a Provision> {
        loop {
            let top = self.stack.last_mut()?;
            match top.next() {
                Some(provision) => {
                    if let Provision::Division(division) = provision {
                        self.stack.push(division.provisions.iter());
                    }
                    return Some(provision);
                }
                None => {
                    self.stack.pop();
                }
            }
        }
    }
}

/// An item of the operative part: a paragraph, or a division holding more.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Provision {
    /// A section holding paragraphs or further sections.
    Division(Division),
    /// An operative paragraph.
    Paragraph(Paragraph),
}

/// The kind of document; each maps to a `statement/@name` (spec §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum DocumentKind {
    /// An adopted resolution, e.g. "Resolution adopted by the Human Rights Council".
    Resolution,
    /// A draft resolution ("Ghana: draft resolution", an L. document).
    ResolutionDraft,
    /// An adopted decision.
    Decision,
    /// A draft decision.
    DecisionDraft,
    /// An amendment to a draft.
    Amendment,
    /// A statement by the President of the Security Council (S/PRST/…) or of
    /// the Human Rights Council (A/HRC/PRST/…).
    PresidentialStatement,
}

impl DocumentKind {
    /// Whether the document is not (yet) adopted.
    pub fn is_draft(self) -> bool {
        matches!(
            self,
            DocumentKind::ResolutionDraft | DocumentKind::DecisionDraft | DocumentKind::Amendment
        )
    }
}

/// A UN organ that adopts texts; its eId is the FRBR actor (spec §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Body {
    /// The General Assembly (`unga`), also for its Main Committees' drafts.
    GeneralAssembly,
    /// The Security Council (`unsc`).
    SecurityCouncil,
    /// The Human Rights Council (`unhrc`).
    HumanRightsCouncil,
    /// The Economic and Social Council (`unecosoc`).
    EconomicAndSocialCouncil,
    /// The UN Environment Assembly (`unea`).
    EnvironmentAssembly,
}

impl Body {
    /// Every body, in a fixed order.
    pub const ALL: [Body; 5] = [
        Body::GeneralAssembly,
        Body::SecurityCouncil,
        Body::HumanRightsCouncil,
        Body::EconomicAndSocialCouncil,
        Body::EnvironmentAssembly,
    ];

    /// The body's name as printed, e.g. "Human Rights Council".
    pub fn name(self) -> &'static str {
        match self {
            Body::GeneralAssembly => "General Assembly",
            Body::SecurityCouncil => "Security Council",
            Body::HumanRightsCouncil => "Human Rights Council",
            Body::EconomicAndSocialCouncil => "Economic and Social Council",
            Body::EnvironmentAssembly => "United Nations Environment Assembly",
        }
    }

    /// The document symbol of a resolution (or decision) with the printed
    /// number `number`: `A/HRC/RES/49/34`, `A/RES/80/1`, `S/RES/678 (1990)`,
    /// `E/RES/2023/17`, `UNEP/EA.6/Res.5`, `A/HRC/DEC/49/101`.
    pub fn symbol_of(self, number: &str, decision: bool) -> String {
        let kind = if decision { "DEC" } else { "RES" };
        match self {
            Body::GeneralAssembly => format!("A/{kind}/{number}"),
            Body::SecurityCouncil => format!("S/{kind}/{number}"),
            Body::HumanRightsCouncil => format!("A/HRC/{kind}/{number}"),
            Body::EconomicAndSocialCouncil => format!("E/{kind}/{number}"),
            Body::EnvironmentAssembly => {
                let (session, n) = number.split_once('/').unwrap_or((number, ""));
                let kind = if decision { "Dec" } else { "Res" };
                format!("UNEP/EA.{session}/{kind}.{n}")
            }
        }
    }

    /// Recognises a body from its printed name ("Human Rights Council").
    pub fn from_name(name: &str) -> Option<Body> {
        let name = name.trim().trim_end_matches(',');
        Body::ALL
            .into_iter()
            .find(|body| {
                body.name().eq_ignore_ascii_case(name)
                    || (matches!(body, Body::EnvironmentAssembly)
                        && name.eq_ignore_ascii_case("Environment Assembly"))
            })
            .or_else(|| crate::lang::body_name(name))
    }
}

/// Identity facts gathered from the text and the options: the stuff of FRBR.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Identity {
    /// The adopting (or, for drafts, the deliberating) body: the FRBR author.
    pub body: Body,
    /// The document symbol, e.g. `A/HRC/RES/49/34`, when known.
    pub symbol: Option<String>,
    /// The FRBR work number, e.g. `49-34` or `A-HRC-58-L.12`.
    pub work_number: String,
    /// The number as printed, e.g. `49/34` (`FRBRnumber@showAs`).
    pub number_shown: String,
    /// Date of adoption (drafts: none).
    pub adoption_date: Option<NaiveDate>,
    /// Date of issuance printed in the masthead.
    pub issuance_date: Option<NaiveDate>,
    /// The session number, e.g. 49.
    pub session: Option<u32>,
    /// ISO 639-2 code of the expression's language, e.g. `eng`.
    pub language: String,
    /// The job number printed on the pages, e.g. "25-15106 (E)". Written as
    /// `<publication number="…">`.
    pub job_number: Option<String>,
}

impl Identity {
    /// The FRBR work date: adoption for adopted texts, issuance for drafts.
    pub fn work_date(&self) -> Option<NaiveDate> {
        self.adoption_date.or(self.issuance_date)
    }
}

/// One printed line or paragraph of inline content, written as `<p>`.
pub type Block = Vec<Inline>;

/// The preamble: the enacting formula and the preambular paragraphs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Preamble {
    /// "The Human Rights Council," — `<formula name="enactingFormula">`.
    pub formula: Option<Block>,
    /// "Have agreed as follows:", which closes an annexed convention's
    /// preamble — `<formula name="closingFormula">` after its paragraphs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing_formula: Option<Block>,
    /// Preambular paragraphs, each a `<container>`.
    pub containers: Vec<Container>,
    /// Separators printed between groups of preambular paragraphs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub separators: Vec<Separator>,
}

/// A line that only separates ("* * *"), printed before the preambular
/// paragraph numbered `before` (0-based; the number of paragraphs, at the
/// end). Written as a `<p>` of the preamble, as the UN's files have it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Separator {
    /// The paragraphs before it.
    pub before: usize,
    /// The line as printed.
    pub text: String,
}

/// A preambular paragraph, e.g. `*Recalling further* its resolutions …`.
/// Written as `<container name="recallingFurther">`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Container {
    /// The lead phrase in lower camel case, e.g. `recallingFurther`.
    pub name: String,
    /// The paragraph's text, starting with the lead phrase in [`Inline::Italic`].
    pub content: Block,
}

/// A lettered or numbered section of the operative part, e.g. "A" or
/// "II. Implementation", with the paragraphs (or sections) it holds. Written
/// as `<division eId="dvs_A"><num>A</num><heading>…</heading>` around them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Division {
    /// What the text calls it: a part of a resolution, or the part,
    /// chapter, section or article of an annexed convention.
    #[serde(default, skip_serializing_if = "DivisionKind::is_division")]
    pub kind: DivisionKind,
    /// The printed label, e.g. `A`, `II` or `Article 1`.
    pub num: String,
    /// The heading, when one is printed.
    pub heading: Option<Block>,
    /// Recitals printed at the head of the section, before its paragraphs
    /// ("*Recalling* …", "*Having considered* …" in a budget resolution's
    /// parts): written as `<crossHeading refersTo="#preamble">`, not
    /// operative paragraphs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recitals: Vec<Container>,
    /// What it holds: paragraphs, or sections inside it ("I" under "A").
    pub provisions: Vec<Provision>,
}

/// What a [`Division`] is, and so the Akoma Ntoso element it is written as.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum DivisionKind {
    /// "A", "II. Implementation": `<division eId="dvs_…">`.
    #[default]
    Division,
    /// "Part I": `<part eId="part_…">`.
    Part,
    /// "Chapter I": `<chapter eId="chp_…">`.
    Chapter,
    /// "Section 1": `<section eId="sec_…">`.
    Section,
    /// "Article 1": `<article eId="art_…">`.
    Article,
}

impl DivisionKind {
    /// Whether it is a plain division (the default, left out of JSON).
    pub fn is_division(&self) -> bool {
        *self == DivisionKind::Division
    }

    /// Its rank among the kinds of a convention: a part holds chapters,
    /// a chapter sections, a section articles.
    pub fn rank(self) -> usize {
        self as usize
    }
}

/// An operative paragraph, e.g. `1. *Strongly condemns* …`. Written as
/// `<paragraph>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Paragraph {
    /// The printed number with its dot, e.g. `1.`; none for unnumbered paragraphs.
    pub num: Option<String>,
    /// The text (or, with sub-paragraphs, their lead-in).
    pub content: Block,
    /// Sub-paragraphs (a), (b) …, when there are any.
    pub list: Option<List>,
}

/// Sub-paragraphs of a paragraph or point. Written as `<list>` with `<intro>`
/// (the parent's content) and `<wrapUp>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct List {
    /// The points, in order.
    pub points: Vec<Point>,
    /// Text after the last point that belongs to the parent.
    pub wrap_up: Option<Block>,
}

/// A sub-paragraph, e.g. `(a) To continue the dialogue;`. Written as `<point>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Point {
    /// The printed label, e.g. `(a)` or `(ii)`.
    pub num: String,
    /// The text (or, with nested points, their lead-in).
    pub content: Block,
    /// Nested points, e.g. (i), (ii) under (a).
    pub list: Option<List>,
}

/// A footnote text, e.g. `<sup>1</sup> A/HRC/49/94.` Written as
/// `<authorialNote marker="1">` at its first call, `<noteRef>` at later ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Footnote {
    /// The marker printed at the call and before the text: `1`, `*`, `**`.
    pub marker: String,
    /// The footnote's text.
    pub content: Block,
    /// The input line where the footnote text starts.
    pub line: usize,
}

/// An organisation named in the text: a UN body or a State. Written as
/// `<TLCOrganization>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Organization {
    /// A UN organ.
    Body(Body),
    /// A State or group of States, by its name as printed (a sponsor, a voter).
    State(String),
}

/// The meeting at which a text was adopted, e.g. "58th meeting". Written as
/// `<TLCEvent>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Meeting {
    /// The meeting as printed, e.g. "58th meeting" or "3rd plenary meeting".
    pub name: String,
}

/// How a text was adopted. Written as `<voting outcome="#…">`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Vote {
    /// "[Adopted without a vote.]"
    WithoutVote,
    /// "[Adopted by a recorded vote of 28 to 7, with 12 abstentions. …]"
    Recorded {
        /// Votes in favour.
        in_favour: u32,
        /// Votes against.
        against: u32,
        /// Abstentions.
        abstaining: u32,
    },
    /// "Adopted unanimously …" (Security Council).
    Unanimous,
}

impl Vote {
    /// The outcome of the vote.
    pub fn outcome(&self) -> Outcome {
        match self {
            Vote::WithoutVote => Outcome::WithoutVote,
            Vote::Recorded { .. } => Outcome::RecordedVote,
            Vote::Unanimous => Outcome::Unanimous,
        }
    }
}

/// How a text was adopted, without the figures. Written as the TLCConcept
/// that `<voting outcome>` and `<inline name="adoptionType">` refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    /// Adopted without a vote.
    WithoutVote,
    /// Adopted by a recorded vote.
    RecordedVote,
    /// Adopted unanimously.
    Unanimous,
}

/// Where a date stands in the document's life; becomes `refersTo` on `<docDate>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum DateRole {
    /// The date printed in the masthead (`#dateOfIssuance`).
    Issuance,
    /// The date of adoption (`#dateOfAdoption`).
    Adoption,
}

/// What a reference points at; the writer makes the IRI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Reference {
    /// A resolution whose adopting body, date and number are known: its AKN
    /// work (`/akn/un/statement/deliberation/unga/2006-03-15/60-251`).
    Work {
        /// The adopting body.
        body: Body,
        /// The date of adoption.
        date: NaiveDate,
        /// The FRBR work number, e.g. `60-251`.
        number: String,
    },
    /// A document by its symbol, e.g. `A/HRC/49/94` (`https://undocs.org/…`).
    Symbol(String),
    /// A URL as printed in a markdown link.
    Url(String),
}

/// A piece of inline content. Most variants are AKN inline elements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// `*italic*` in markdown or a restored lead phrase. Written as `<i>`.
    Italic(Vec<Inline>),
    /// `**bold**`. Written as `<b>`.
    Bold(Vec<Inline>),
    /// A hard line break inside a block ("58th meeting⏎1 April 2022"). `<eol/>`.
    Eol,
    /// A footnote call, e.g. `<sup>1</sup>` or `\*`: `<authorialNote>` at the
    /// first call of a marker, `<noteRef>` at later ones.
    NoteCall {
        /// The marker, e.g. `1` or `*`.
        marker: String,
    },
    /// Superscript text that is not a footnote call. Written as `<sup>`.
    Sup(String),
    /// A reference: a cited resolution, a document symbol, a link. Written
    /// as `<ref href>`.
    Ref {
        /// What it points at.
        to: Reference,
        /// The text shown.
        content: Vec<Inline>,
    },
    /// A calendar date in running text. Written as `<date date="…">`.
    Date {
        /// The date.
        date: NaiveDate,
        /// The text as printed.
        text: String,
    },
    /// "Human Rights Council" in the masthead. Written as `<docAuthority>`.
    DocAuthority {
        /// The body named.
        body: Body,
        /// The text as printed.
        text: String,
    },
    /// "A/HRC/RES/49/34" (cover page, `refersTo="#symbol"`) or "49/34." (preface).
    DocNumber {
        /// The text as printed.
        text: String,
        /// Whether this is the document symbol (refersTo `#symbol`).
        symbol: bool,
    },
    /// "Distr.: General". Written as `<docStatus>`.
    DocStatus(String),
    /// A date with a role, e.g. the issuance date. Written as `<docDate>`.
    DocDate {
        /// The date.
        date: NaiveDate,
        /// What the date is.
        role: DateRole,
        /// The text as printed.
        text: String,
    },
    /// The title in the preface. Written as `<docTitle>`.
    DocTitle(Vec<Inline>),
    /// A sponsor, e.g. "Ghana", as printed; an
    /// [`Organization::State`] of that name. Written as `<docProponent>`.
    DocProponent(String),
    /// "draft resolution", "amendment to draft resolution A/80/L.18".
    /// Written as `<docStage>`.
    DocStage(Vec<Inline>),
    /// "Resolution adopted by the Human Rights Council on …". `<docType>`.
    DocType(Vec<Inline>),
    /// "Forty-ninth session". Written as `<session value="49">`.
    Session {
        /// The session number.
        value: u32,
        /// The text as printed.
        text: String,
    },
    /// "English" in the masthead: the language of the text.
    LanguageOfExpression(Vec<Inline>),
    /// "French" after "Original:": the language the text was written in.
    OriginalLanguage(Vec<Inline>),
    /// "28 February–1 April 2022": the dates of the session.
    SessionDates(Vec<Inline>),
    /// "Third Committee" in a draft's masthead: the Main Committee it is before.
    Committee(Vec<Inline>),
    /// "Agenda item 10".
    AgendaItem {
        /// The item's number as printed, e.g. `10` or `68 (b)`.
        number: String,
        /// The text as printed.
        content: Vec<Inline>,
    },
    /// The title of the agenda item, on the line after it.
    AgendaItemTitle(Vec<Inline>),
    /// "on the report of the Third Committee (A/80/545, para. 5)".
    OriginatingReport(Vec<Inline>),
    /// "Adopted without a vote", "Adopted by a recorded vote of …".
    AdoptionType {
        /// The outcome the sentence states, when it is recognised.
        outcome: Option<Outcome>,
        /// The sentence.
        content: Vec<Inline>,
    },
    /// A State or organisation named in the text, e.g. a voter, as printed;
    /// an [`Organization::State`] of that name. Written as
    /// `<organization refersTo="#…">`.
    Organization(String),
    /// An amending instruction with the text it quotes, e.g. "Delete the
    /// thirty-eighth preambular paragraph reading:" and that paragraph.
    /// Written as `<mod>` with a `<quotedStructure>`.
    Mod {
        /// The instruction.
        content: Vec<Inline>,
        /// The quoted paragraphs, each written as `<p>`.
        quoted: Vec<Block>,
    },
    /// The adoption meeting as printed, e.g. "58th meeting"; the document's
    /// [`Meeting`]. Written as `<event>`.
    Event(String),
}

impl Inline {
    /// Plain text, as an [`Inline::Text`].
    pub fn text(text: impl Into<String>) -> Inline {
        Inline::Text(text.into())
    }
}

/// `YYYY-MM-DD`, as chrono's `%Y-%m-%d` writes it, without its format
/// parser (this runs for every date and cited resolution).
pub fn iso_date(date: NaiveDate) -> String {
    let year = date.year();
    let Ok(year @ 0..=9999) = u32::try_from(year) else {
        return date.format("%Y-%m-%d").to_string();
    };
    let mut iso = String::with_capacity(10);
    for digit in [year / 1000, year / 100 % 10, year / 10 % 10, year % 10] {
        iso.push(char::from_digit(digit, 10).expect("a digit"));
    }
    for part in [date.month(), date.day()] {
        iso.push('-');
        iso.push(char::from_digit(part / 10, 10).expect("a digit"));
        iso.push(char::from_digit(part % 10, 10).expect("a digit"));
    }
    iso
}

/// Lower camel case of a phrase, for names and eIds: "Recalling further" →
/// `recallingFurther`, "Côte d’Ivoire" → `coteDIvoire`. Latin letters with
/// diacritics are folded to ASCII; other characters that are not letters or
/// digits are dropped.
pub fn camel_case(phrase: &str) -> String {
    let folded: String = phrase.chars().map(fold_diacritic).collect();
    let mut out = String::with_capacity(phrase.len());
    for word in folded.split(|c: char| !c.is_alphanumeric()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            if out.is_empty() {
                out.extend(first.to_lowercase());
                out.extend(chars.flat_map(char::to_lowercase));
            } else {
                out.extend(first.to_uppercase());
                out.extend(chars.flat_map(char::to_lowercase));
            }
        }
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert_str(0, "paragraph");
    }
    out
}

/// "é" → 'e', "Ç" → 'C': the base letter of common Latin letters with
/// diacritics (Latin-1 Supplement and Latin Extended-A); others unchanged.
fn fold_diacritic(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    const FROM: &str = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿĀāĂăĄąĆćČčĎďĒēĘęĚěĞğĪīİıŁłŃńŇňŌōŐőŘřŚśŞşŠšŢţŤťŪūŮůŰűŹźŻżŽž";
    const TO: &str = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyyAaAaAaCcCcDdEeEeEeGgIiIiLlNnNnOoOoRrSsSsSsTtTtUuUuUuZzZzZz";
    match FROM.chars().position(|f| f == c) {
        Some(index) => TO.chars().nth(index).unwrap_or(c),
        None => c,
    }
}

/// The JSON Schema of [`Document`] as `--format json` prints it (draft
/// 2020-12), generated from these types and their doc comments. The
/// repository keeps a copy in `schemas/un2akn-document.schema.json`; a test
/// checks that it is current.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Document);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}
