//! `<meta>`: FRBR identification (spec §2), the vote analysis (§8) and the
//! references every `refersTo` and `href="#…"` points at.

use rustc_hash::FxHashSet;

use super::ids::{self, body_eid, iso, kind_name, outcome_concept, MEETING, VOTE_SIDES};
use super::xml::XmlOut;
use super::{UsedRefs, WriteOptions};
use crate::model::{Document, Organization, Vote};

pub(crate) fn write_meta(
    out: &mut XmlOut,
    document: &Document,
    used: &UsedRefs,
    options: &WriteOptions,
) {
    let identity = &document.identity;
    let actor = body_eid(identity.body);
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
    // Names printed differently can make the same eId: the first stands.
    let mut written = FxHashSet::default();
    for org in &document.organizations {
        let eid = ids::organization_eid(org);
        if !written.insert(eid.clone()) {
            continue;
        }
        let show_as = match org {
            Organization::Body(body) => body.name(),
            Organization::State(name) => name,
        };
        out.leaf(
            "TLCOrganization",
            &[
                ("eId", &eid),
                ("href", &ids::organization_href(org)),
                ("showAs", show_as),
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
        concepts.push(outcome_concept(vote.outcome()));
        if matches!(vote, Vote::Recorded { .. }) {
            concepts.extend(VOTE_SIDES);
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
        // A body without sessions in its numbering (the Security Council)
        // has no session segment: never an "unknown" placeholder.
        let session = identity
            .session
            .map_or_else(String::new, |s| format!("{s}/"));
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
                ("eId", MEETING),
                (
                    "href",
                    &format!("/akn/ontology/event/un/{actor}/{session}{slug}"),
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
    let (outcome, _) = outcome_concept(vote.outcome());
    let outcome = format!("#{outcome}");
    out.open("analysis", &[("source", "#un2akn")]);
    out.open("parliamentary", &[]);
    let meeting_href = format!("#{MEETING}");
    let mut attrs = vec![("eId", "vote_1"), ("outcome", outcome.as_str())];
    if has_meeting {
        attrs.push(("href", &meeting_href));
    }
    out.open("voting", &attrs);
    match vote {
        Vote::Recorded {
            in_favour,
            against,
            abstaining,
        } => {
            for ((side, _), value) in VOTE_SIDES.iter().zip([in_favour, against, abstaining]) {
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
    let author = format!("#{}", body_eid(identity.body));
    let work = ids::document_work_iri(identity);
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
        out.leaf("FRBRname", &[("value", kind_name(document.kind))]);
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
