//! Stage 3: the document model — plain Rust types, serialisable with serde.
//!
//! The grammar ([`crate::grammar`]) produces a [`Document`]; the AKN writer
//! ([`crate::akn`]) consumes it. The types mirror the Akoma Ntoso elements they
//! become, so that writing is a mechanical mapping and grammar changes never
//! leak into XML emission. Nothing here knows about nom, markdown or XML.
//!
//! `un2akn convert --format json` prints this model.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A UN resolution, draft, decision or amendment, as recognised from its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    /// What the document is; becomes `statement/@name`.
    pub kind: DocumentKind,
    /// Who the document is by and how it is identified (FRBR metadata).
    pub identity: Identity,
    /// The masthead, one entry per printed line. Written as `<coverPage>`.
    pub cover_page: Vec<Block>,
    /// The numbered title line ("49/34. Technical …"). Written as `<preface>`.
    pub preface: Vec<Block>,
    /// The enacting formula and preambular paragraphs. Written as `<preamble>`.
    pub preamble: Preamble,
    /// The operative part. Written as `<mainBody>`.
    pub main_body: Vec<Paragraph>,
    /// Sections of the operative part ("A", "I. Title"), each starting at a
    /// paragraph of `main_body`. Written as `<division>` around them.
    pub divisions: Vec<Division>,
    /// Meeting, date and adoption lines after the operative part. Written as
    /// `<conclusions>`.
    pub conclusions: Vec<Block>,
    /// Footnote texts, each written as `<authorialNote>` at its first call.
    pub footnotes: Vec<Footnote>,
    /// Organisations named in the text (bodies, sponsoring States). Written as
    /// `<TLCOrganization>` in `<references>`.
    pub organizations: Vec<Organization>,
    /// The adoption meeting, when the text names it. Written as `<TLCEvent>`.
    pub meeting: Option<Meeting>,
    /// How the text was adopted, when it says so. Written as
    /// `<analysis><parliamentary><voting>`.
    pub vote: Option<Vote>,
    /// Annexes after the operative part ("Annex", "Annex I"). Written as
    /// `<attachments><attachment><doc name="annex">`.
    pub annexes: Vec<Annex>,
}

/// An annex, e.g. "Annex I" with an annexed declaration, another body's
/// resolution or a table. Parsed with the same grammar as the document.
/// Written as `<attachment><doc name="annex">`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Annex {
    /// "Annex I" and the annex's title lines. Written as `<preface>`.
    pub preface: Vec<Block>,
    /// The annexed text's own formula and preambular paragraphs.
    pub preamble: Preamble,
    /// The annexed text's paragraphs (or rows, or lines).
    pub main_body: Vec<Paragraph>,
    /// Sections of the annexed text ("Chapter I", "I. Title").
    pub divisions: Vec<Division>,
    /// Meeting and adoption lines of the annexed text.
    pub conclusions: Vec<Block>,
}

/// The kind of document; each maps to a `statement/@name` (spec §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
}

impl DocumentKind {
    /// The value of `statement/@name` and `FRBRname`.
    pub fn akn_name(self) -> &'static str {
        match self {
            DocumentKind::Resolution => "resolution",
            DocumentKind::ResolutionDraft => "resolutionDraft",
            DocumentKind::Decision => "decision",
            DocumentKind::DecisionDraft => "decisionDraft",
            DocumentKind::Amendment => "amendment",
        }
    }

    /// Whether the document is not (yet) adopted.
    pub fn is_draft(self) -> bool {
        matches!(
            self,
            DocumentKind::ResolutionDraft | DocumentKind::DecisionDraft | DocumentKind::Amendment
        )
    }
}

/// A UN organ that adopts texts; its eId is the FRBR actor (spec §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

    /// The FRBR actor and TLC eId, e.g. `unhrc`.
    pub fn actor(self) -> &'static str {
        match self {
            Body::GeneralAssembly => "unga",
            Body::SecurityCouncil => "unsc",
            Body::HumanRightsCouncil => "unhrc",
            Body::EconomicAndSocialCouncil => "unecosoc",
            Body::EnvironmentAssembly => "unea",
        }
    }

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

    /// The ontology IRI of its TLCOrganization.
    pub fn ontology_href(self) -> &'static str {
        match self {
            Body::GeneralAssembly => "/akn/ontology/organization/un/generalAssembly",
            Body::SecurityCouncil => "/akn/ontology/organization/un/securityCouncil",
            Body::HumanRightsCouncil => "/akn/ontology/organization/un/humanRightsCouncil",
            Body::EconomicAndSocialCouncil => {
                "/akn/ontology/organization/un/economicAndSocialCouncil"
            }
            Body::EnvironmentAssembly => "/akn/ontology/organization/un/environmentAssembly",
        }
    }

    /// Recognises a body from its printed name ("Human Rights Council").
    pub fn from_name(name: &str) -> Option<Body> {
        let name = name.trim().trim_end_matches(',');
        Body::ALL.into_iter().find(|body| {
            body.name().eq_ignore_ascii_case(name)
                || (matches!(body, Body::EnvironmentAssembly)
                    && name.eq_ignore_ascii_case("Environment Assembly"))
        })
    }
}

/// Identity facts gathered from the text and the options: the stuff of FRBR.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Preamble {
    /// "The Human Rights Council," — `<formula name="enactingFormula">`.
    pub formula: Option<Block>,
    /// Preambular paragraphs, each a `<container>`.
    pub containers: Vec<Container>,
}

/// A preambular paragraph, e.g. `*Recalling further* its resolutions …`.
/// Written as `<container name="recallingFurther">`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Container {
    /// The lead phrase in lower camel case, e.g. `recallingFurther`.
    pub name: String,
    /// The paragraph's text, starting with the lead phrase in [`Inline::Italic`].
    pub content: Block,
}

/// A lettered or numbered section of the operative part, e.g. "A" or
/// "II. Implementation" before the paragraphs it holds. Written as
/// `<division eId="dvs_A"><num>A</num><heading>…</heading>` around them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Division {
    /// The printed label, e.g. `A` or `II`.
    pub num: String,
    /// The heading, when one is printed.
    pub heading: Option<Block>,
    /// Index in the body's paragraphs of the first paragraph it holds.
    pub start: usize,
    /// Nesting depth: 0 for the outermost sections ("A"), 1 for sections
    /// inside them ("I" under "A").
    pub level: u8,
}

/// An operative paragraph, e.g. `1. *Strongly condemns* …`. Written as
/// `<paragraph>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct List {
    /// The points, in order.
    pub points: Vec<Point>,
    /// Text after the last point that belongs to the parent.
    pub wrap_up: Option<Block>,
}

/// A sub-paragraph, e.g. `(a) To continue the dialogue;`. Written as `<point>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    /// The eId, e.g. `ghana` or `unhrc`.
    pub eid: String,
    /// The ontology IRI.
    pub href: String,
    /// The name as printed.
    pub show_as: String,
}

/// The meeting at which a text was adopted, e.g. "58th meeting". Written as
/// `<TLCEvent eId="meeting_1">`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Meeting {
    /// The meeting as printed, e.g. "58th meeting" or "3rd plenary meeting".
    pub name: String,
}

/// How a text was adopted. Written as `<voting outcome="#…">`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// Where a date stands in the document's life; becomes `refersTo` on `<docDate>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DateRole {
    /// The date printed in the masthead (`#dateOfIssuance`).
    Issuance,
    /// The date of adoption (`#dateOfAdoption`).
    Adoption,
}

impl DateRole {
    /// The TLCConcept eId the role refers to.
    pub fn concept(self) -> &'static str {
        match self {
            DateRole::Issuance => "dateOfIssuance",
            DateRole::Adoption => "dateOfAdoption",
        }
    }
}

/// A piece of inline content. Most variants are AKN inline elements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// A reference, e.g. a document symbol. Written as `<ref href>`.
    Ref {
        /// The target IRI.
        href: String,
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
        /// The TLCOrganization eId.
        org: String,
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
    /// A sponsor, e.g. "Ghana". Written as `<docProponent>`.
    DocProponent {
        /// The TLCOrganization eId.
        org: String,
        /// The text as printed.
        text: String,
    },
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
    /// A named inline, e.g. `<inline name="agendaItem" title="10">`.
    Named {
        /// `languageOfExpression`, `originalLanguage`, `sessionDates`,
        /// `agendaItem`, `agendaItemTitle`, `adoptionType`, …
        name: String,
        /// The `title` attribute, e.g. the agenda item number.
        title: Option<String>,
        /// A TLC the inline refers to, without `#`.
        refers_to: Option<String>,
        /// The content.
        content: Vec<Inline>,
    },
    /// A State or organisation named in the text, e.g. a voter. Written as
    /// `<organization refersTo="#…">`.
    Organization {
        /// The TLCOrganization eId.
        org: String,
        /// The text as printed.
        text: String,
    },
    /// An amending instruction with the text it quotes, e.g. "Delete the
    /// thirty-eighth preambular paragraph reading:" and that paragraph.
    /// Written as `<mod>` with a `<quotedStructure>`.
    Mod {
        /// The instruction.
        content: Vec<Inline>,
        /// The quoted paragraphs, each written as `<p>`.
        quoted: Vec<Block>,
    },
    /// The adoption meeting, e.g. "58th meeting". Written as `<event>`.
    Event {
        /// The TLCEvent eId.
        refers_to: String,
        /// The text as printed.
        text: String,
    },
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
