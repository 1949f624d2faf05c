//! `<meta>`: FRBR identification (spec §2), the vote analysis (§8) and the
//! references every `refersTo` and `href="#…"` points at.

use chrono::NaiveDate;

use super::xml::XmlOut;
use super::{vote_outcome, UsedRefs, WriteOptions};
use crate::model::{Document, Vote};

/// The date used when the text states none (a warning says so).
const NO_DATE: &str = "0001-01-01";

fn iso(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| NO_DATE.to_string(), crate::model::iso_date)
}

/// The FRBR Work IRI, e.g. `/akn/un/statement/deliberation/unhrc/2022-04-01/49-34`.
pub fn work_iri(document: &Document) -> String {
    let identity = &document.identity;
    format!(
        "/akn/un/statement/deliberation/{}/{}/{}",
        identity.body.actor(),
        iso(identity.work_date()),
        identity.work_number
    )
}

pub(crate) fn write_meta(
    out: &mut XmlOut,
    document: &Document,
    used: &UsedRefs,
    options: &WriteOptions,
) {
    let identity = &document.identity;
    let actor = identity.body.actor();
    out.open("meta", &[]);
    let publication = write_identification(out, document, options, "!main", true);

    if let Some(job) = &identity.job_number {
        out.leaf(
            "publication",
            &[
                ("date", &publication),
                ("name", "ods"),
                ("showAs", "Official Document System of the United Nations"),
                ("number", job),
            ],
        );
    }

    if let Some(vote) = &document.vote {
        write_vote(out, vote, document.meeting.is_some());
    }

    out.open("references", &[("source", "#un2akn")]);
    for org in &document.organizations {
        out.leaf(
            "TLCOrganization",
            &[
                ("eId", &org.eid),
                ("href", &org.href),
                ("showAs", &org.show_as),
            ],
        );
    }
    out.leaf(
        "TLCOrganization",
        &[
            ("eId", "un2akn"),
            ("href", "/akn/ontology/organization/un2akn"),
            ("showAs", "un2akn"),
        ],
    );
    out.leaf(
        "TLCRole",
        &[
            ("eId", "author"),
            ("href", "/akn/ontology/role/un/author"),
            ("showAs", "Author"),
        ],
    );
    out.leaf(
        "TLCRole",
        &[
            ("eId", "editor"),
            ("href", "/akn/ontology/role/un/editor"),
            ("showAs", "Editor"),
        ],
    );
    let mut concepts: Vec<(&str, &str)> = Vec::new();
    for concept in &used.concepts {
        concepts.push((concept, concept_name(concept)));
    }
    if let Some(vote) = &document.vote {
        concepts.push(vote_outcome(vote));
        if matches!(vote, Vote::Recorded { .. }) {
            concepts.extend([
                ("inFavour", "In favour"),
                ("against", "Against"),
                ("abstaining", "Abstaining"),
            ]);
        }
    }
    for (eid, show_as) in concepts {
        out.leaf(
            "TLCConcept",
            &[
                ("eId", eid),
                ("href", &format!("/akn/ontology/concept/un/{eid}")),
                ("showAs", show_as),
            ],
        );
    }
    if let Some(meeting) = &document.meeting {
        let session = identity
            .session
            .map_or_else(|| "unknown".to_string(), |s| s.to_string());
        let slug: String = meeting
            .name
            .to_lowercase()
            .chars()
            .filter_map(|c| match c {
                ' ' => Some('-'),
                c if c.is_alphanumeric() => Some(c),
                _ => None,
            })
            .collect();
        out.leaf(
            "TLCEvent",
            &[
                ("eId", "meeting_1"),
                (
                    "href",
                    &format!("/akn/ontology/event/un/{actor}/{session}/{slug}"),
                ),
                ("showAs", &meeting.name),
            ],
        );
    }
    out.close("references");
    out.close("meta");
}

fn concept_name(eid: &str) -> &'static str {
    match eid {
        "symbol" => "Symbol",
        "dateOfIssuance" => "Date of issuance",
        "dateOfAdoption" => "Date of adoption",
        _ => "Concept",
    }
}

fn write_vote(out: &mut XmlOut, vote: &Vote, has_meeting: bool) {
    let (outcome, _) = vote_outcome(vote);
    let outcome = format!("#{outcome}");
    out.open("analysis", &[("source", "#un2akn")]);
    out.open("parliamentary", &[]);
    let mut attrs = vec![("eId", "vote_1"), ("outcome", outcome.as_str())];
    if has_meeting {
        attrs.push(("href", "#meeting_1"));
    }
    out.open("voting", &attrs);
    match vote {
        Vote::Recorded {
            in_favour,
            against,
            abstaining,
        } => {
            for (side, value) in [
                ("inFavour", in_favour),
                ("against", against),
                ("abstaining", abstaining),
            ] {
                out.leaf(
                    "count",
                    &[
                        ("eId", &format!("vote_1__{side}")),
                        ("value", &value.to_string()),
                        ("refersTo", &format!("#{side}")),
                    ],
                );
            }
        }
        Vote::WithoutVote | Vote::Unanimous => {
            out.leaf("quorum", &[("eId", "vote_1__quorum"), ("value", "")]);
        }
    }
    out.close("voting");
    out.close("parliamentary");
    out.close("analysis");
}

/// The `<meta>` of annex `number`: the document's FRBR identity with the
/// component `!annex_{number}` (spec §9).
pub(crate) fn write_annex_meta(
    out: &mut XmlOut,
    document: &Document,
    number: usize,
    options: &WriteOptions,
) {
    out.open("meta", &[]);
    write_identification(out, document, options, &format!("!annex_{number}"), false);
    out.close("meta");
}

/// `<identification>`: FRBR Work, Expression and Manifestation of the
/// component (`!main`, `!annex_1`). The main document's (`main`) also names
/// the authors' roles and the work's subtype, number and name. Returns the
/// publication date, which `<publication>` repeats.
fn write_identification(
    out: &mut XmlOut,
    document: &Document,
    options: &WriteOptions,
    component: &str,
    main: bool,
) -> String {
    let identity = &document.identity;
    let author = format!("#{}", identity.body.actor());
    let work = work_iri(document);
    let expression = format!("{work}/{}@", identity.language);
    let work_date = iso(identity.work_date());
    let publication = iso(identity.issuance_date.or(identity.work_date()));
    let conversion = iso(options
        .conversion_date
        .or(identity.issuance_date)
        .or(identity.work_date()));
    let work_date_name = if document.kind.is_draft() {
        "issuance"
    } else {
        "adoption"
    };
    // The roles (`as`) are stated in the main document's identification.
    let with_role = |href: &str, role: &'static str| -> Vec<(&'static str, String)> {
        let mut attrs = vec![("href", href.to_string())];
        if main {
            attrs.push(("as", role.to_string()));
        }
        attrs
    };

    out.open("identification", &[("source", "#un2akn")]);
    out.open("FRBRWork", &[]);
    out.leaf("FRBRthis", &[("value", &format!("{work}/{component}"))]);
    out.leaf("FRBRuri", &[("value", &work)]);
    out.leaf(
        "FRBRdate",
        &[("date", &work_date), ("name", work_date_name)],
    );
    let author_attrs = with_role(&author, "#author");
    let author_attrs: Vec<(&str, &str)> =
        author_attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    out.leaf("FRBRauthor", &author_attrs);
    out.leaf("FRBRcountry", &[("value", "un")]);
    if main {
        out.leaf("FRBRsubtype", &[("value", "deliberation")]);
        out.leaf(
            "FRBRnumber",
            &[
                ("value", &identity.work_number),
                ("showAs", &identity.number_shown),
            ],
        );
        out.leaf("FRBRname", &[("value", document.kind.akn_name())]);
    }
    out.close("FRBRWork");

    out.open("FRBRExpression", &[]);
    out.leaf(
        "FRBRthis",
        &[("value", &format!("{expression}/{component}"))],
    );
    out.leaf("FRBRuri", &[("value", &expression)]);
    out.leaf(
        "FRBRdate",
        &[("date", &publication), ("name", "publication")],
    );
    out.leaf("FRBRauthor", &author_attrs);
    out.leaf("FRBRlanguage", &[("language", &identity.language)]);
    out.close("FRBRExpression");

    out.open("FRBRManifestation", &[]);
    out.leaf(
        "FRBRthis",
        &[("value", &format!("{expression}/{component}.xml"))],
    );
    out.leaf("FRBRuri", &[("value", &format!("{expression}.akn"))]);
    out.leaf("FRBRdate", &[("date", &conversion), ("name", "conversion")]);
    let editor_attrs = with_role("#un2akn", "#editor");
    let editor_attrs: Vec<(&str, &str)> =
        editor_attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    out.leaf("FRBRauthor", &editor_attrs);
    out.close("FRBRManifestation");
    out.close("identification");
    publication
}
