//! Identifiers: every IRI, TLC eId and AKN name the writer gives out is made
//! here, by one function each, from what the model says (a body, a State's
//! name, a cited work, a date's role). The grammar makes none of them.

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::model::{
    camel_case, iso_date, Body, DateRole, DivisionKind, DocumentKind, Organization, Outcome,
};
use crate::model::{Identity, Reference};

/// The TLCEvent eId of the adoption meeting (a document names at most one).
pub(crate) const MEETING: &str = "meeting_1";

/// `YYYY-MM-DD`. The grammar refuses a document without a work date
/// (nothing is invented), so `None` never reaches here from
/// [`crate::convert`]; a hand-made model without one gets an empty date,
/// which the schema rejects, rather than a placeholder.
pub(crate) fn iso(date: Option<NaiveDate>) -> String {
    date.map_or_else(String::new, iso_date)
}

/// The AKN work IRI of a UN text: `/akn/un/statement/deliberation/{actor}/{date}/{number}`,
/// e.g. `/akn/un/statement/deliberation/unhrc/2022-04-01/49-34`.
pub(crate) fn work_iri(body: Body, date: Option<NaiveDate>, number: &str) -> String {
    format!(
        "/akn/un/statement/deliberation/{}/{}/{number}",
        body_eid(body),
        iso(date)
    )
}

/// The FRBR Work IRI of the document itself.
pub fn document_work_iri(identity: &Identity) -> String {
    work_iri(identity.body, identity.work_date(), &identity.work_number)
}

/// The `href` of a reference: a work IRI, `https://undocs.org/{symbol}`
/// (without spaces), or the URL as given.
pub(crate) fn reference_href(reference: &Reference) -> Cow<'_, str> {
    match reference {
        Reference::Work { body, date, number } => Cow::Owned(work_iri(*body, Some(*date), number)),
        Reference::Symbol(symbol) => {
            let mut href = String::with_capacity(20 + symbol.len());
            href.push_str("https://undocs.org/");
            href.extend(symbol.chars().filter(|c| !c.is_whitespace()));
            Cow::Owned(href)
        }
        Reference::Url(url) => Cow::Borrowed(url),
    }
}

/// The FRBR actor and TLCOrganization eId of a body, e.g. `unhrc`.
pub(crate) fn body_eid(body: Body) -> &'static str {
    match body {
        Body::GeneralAssembly => "unga",
        Body::SecurityCouncil => "unsc",
        Body::HumanRightsCouncil => "unhrc",
        Body::EconomicAndSocialCouncil => "unecosoc",
        Body::EnvironmentAssembly => "unea",
    }
}

/// The TLCConcept eId and printed name of each side of a recorded vote,
/// in the order of its counts (in favour, against, abstaining).
pub(crate) const VOTE_SIDES: [(&str, &str); 3] = [
    ("inFavour", "In favour"),
    ("against", "Against"),
    ("abstaining", "Abstaining"),
];

/// The TLCOrganization eId of a State or group named in the text:
/// "Côte d’Ivoire" → `coteDIvoire`. A name that would make the eId of one
/// of the writer's own references (a vote's side "Abstaining" read as a
/// voter, "Symbol") takes "State" after it: eIds are unique in a document.
pub(crate) fn state_eid(name: &str) -> String {
    let mut eid = camel_case(name);
    if is_writer_eid(&eid) {
        eid.push_str("State");
    }
    eid
}

/// Whether `eid` is one the writer gives its own references: un2akn, the
/// roles and the symbol (`meta.rs`), a date's, an outcome's or a vote
/// side's concept, a body.
fn is_writer_eid(eid: &str) -> bool {
    ["un2akn", "author", "editor", "symbol"].contains(&eid)
        || VOTE_SIDES.iter().any(|&(side, _)| side == eid)
        || [DateRole::Issuance, DateRole::Adoption]
            .into_iter()
            .any(|role| date_concept(role) == eid)
        || [
            Outcome::WithoutVote,
            Outcome::RecordedVote,
            Outcome::Unanimous,
        ]
        .into_iter()
        .any(|outcome| outcome_concept(outcome).0 == eid)
        || Body::ALL.into_iter().any(|body| body_eid(body) == eid)
}

/// The element a division of `kind` is written as, and its eId prefix:
/// `<division eId="dvs_…">`, `<article eId="art_…">`.
pub(crate) fn division_element(kind: DivisionKind) -> (&'static str, &'static str) {
    match kind {
        DivisionKind::Division => ("division", "dvs"),
        DivisionKind::Part => ("part", "part"),
        DivisionKind::Chapter => ("chapter", "chp"),
        DivisionKind::Section => ("section", "sec"),
        DivisionKind::Article => ("article", "art"),
    }
}

/// A division's part of its eId: "II", "A" as printed (letters and digits
/// only); "十二" and "ثانيا" by their value ("12", "2"), in ASCII.
pub(crate) fn division_label(num: &str) -> String {
    match crate::lang::division_value(num) {
        Some(value) => value.to_string(),
        None => num.chars().filter(|c| c.is_alphanumeric()).collect(),
    }
}

/// A container's name as one word of a `crossHeading` eId: kept when it is
/// in lower camel case already (`havingConsidered`), else made so, as a
/// lead phrase printed with spaces ("Habiendo examinado") may not be.
pub(crate) fn name_eid(name: &str) -> Cow<'_, str> {
    let mut chars = name.chars();
    let camel = chars.next().is_some_and(|c| c.is_lowercase()) && chars.all(char::is_alphanumeric);
    if camel {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(camel_case(name))
    }
}

/// The TLCOrganization eId of an organisation.
pub(crate) fn organization_eid(organization: &Organization) -> Cow<'static, str> {
    match organization {
        Organization::Body(body) => Cow::Borrowed(body_eid(*body)),
        Organization::State(name) => Cow::Owned(state_eid(name)),
    }
}

/// The ontology IRI of an organisation's TLCOrganization.
pub(crate) fn organization_href(organization: &Organization) -> Cow<'static, str> {
    match organization {
        Organization::Body(body) => Cow::Borrowed(match body {
            Body::GeneralAssembly => "/akn/ontology/organization/un/generalAssembly",
            Body::SecurityCouncil => "/akn/ontology/organization/un/securityCouncil",
            Body::HumanRightsCouncil => "/akn/ontology/organization/un/humanRightsCouncil",
            Body::EconomicAndSocialCouncil => {
                "/akn/ontology/organization/un/economicAndSocialCouncil"
            }
            Body::EnvironmentAssembly => "/akn/ontology/organization/un/environmentAssembly",
        }),
        Organization::State(name) => Cow::Owned(format!(
            "/akn/ontology/organization/un/memberState/{}",
            state_eid(name)
        )),
    }
}

/// The TLCConcept eId a date's role refers to.
pub(crate) fn date_concept(role: DateRole) -> &'static str {
    match role {
        DateRole::Issuance => "dateOfIssuance",
        DateRole::Adoption => "dateOfAdoption",
    }
}

/// The TLCConcept eId of a vote's outcome and its printed name.
pub(crate) fn outcome_concept(outcome: Outcome) -> (&'static str, &'static str) {
    match outcome {
        Outcome::WithoutVote => ("adoptedWithoutVote", "Adopted without a vote"),
        Outcome::RecordedVote => ("adoptedRecordedVote", "Adopted by a recorded vote"),
        Outcome::Unanimous => ("adoptedUnanimously", "Adopted unanimously"),
    }
}

/// The value of `statement/@name` and `FRBRname`.
pub(crate) fn kind_name(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Resolution => "resolution",
        DocumentKind::ResolutionDraft => "resolutionDraft",
        DocumentKind::Decision => "decision",
        DocumentKind::DecisionDraft => "decisionDraft",
        DocumentKind::Amendment => "amendment",
        DocumentKind::PresidentialStatement => "presidentialStatement",
    }
}

#[cfg(test)]
mod tests {
    use super::name_eid;

    #[test]
    fn container_names_give_one_word_eids() {
        assert_eq!(name_eid("havingConsidered"), "havingConsidered");
        assert_eq!(name_eid("Habiendo examinado"), "habiendoExaminado");
        assert_eq!(name_eid("Recordando"), "recordando");
        assert!(!name_eid("إذ تشير").contains(char::is_whitespace));
    }
}
