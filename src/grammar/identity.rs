//! Identity: the kind of document, its body, symbol, work number, dates and
//! session, gathered from the facts the other parts found; and the finished
//! [`Document`]. Gives the [`Identity`] and the [`Parsed`] result.

use super::masthead::Fact;
use super::{citation, DocumentParser, ParseOptions, Parsed};
use crate::model::{Body, Document, DocumentKind, Identity, Inline, Organization};

impl DocumentParser {
    pub(super) fn finish(mut self, options: &ParseOptions) -> Parsed {
        let mut parts = self.take_parts();
        self.attach_uncalled_footnotes(&mut parts);
        let identity = self.identity(options);
        let kind = self.kind();
        if let Some(symbol) = &identity.symbol {
            let has_symbol_line = self
                .cover
                .iter()
                .flatten()
                .any(|i| matches!(i, Inline::DocNumber { symbol: true, .. }));
            if !has_symbol_line {
                let at = self
                    .cover
                    .iter()
                    .position(|l| matches!(l.first(), Some(Inline::DocAuthority { .. })))
                    .map_or(0, |i| i + 1);
                self.cover.insert(
                    at,
                    vec![Inline::DocNumber {
                        text: symbol.clone(),
                        symbol: true,
                    }],
                );
            }
        }
        let mut organizations = Vec::new();
        let mut bodies: Vec<Body> = vec![identity.body];
        for fact in &self.facts {
            if let Fact::Body(body) = fact {
                bodies.push(*body);
            }
        }
        for body in Body::ALL {
            if bodies.contains(&body) {
                organizations.push(Organization::Body(body));
            }
        }
        organizations.append(&mut self.organizations);
        Parsed {
            document: Document {
                kind,
                identity,
                cover_page: std::mem::take(&mut self.cover),
                parts,
                footnotes: std::mem::take(&mut self.footnotes),
                organizations,
                meeting: self.meeting.take(),
                vote: self.vote.take(),
                annexes: std::mem::take(&mut self.annexes),
            },
            warnings: self.warnings,
        }
    }

    pub(super) fn kind(&self) -> DocumentKind {
        let mut kind = None;
        for fact in &self.facts {
            match fact {
                Fact::Stage(stage) => return *stage,
                Fact::Adopted(adopted, _, _) => kind = Some(*adopted),
                _ => {}
            }
        }
        if let Some(kind) = kind {
            return kind;
        }
        match &self.preface_number {
            Some((number, _)) if number.contains("...") || number.contains('…') => {
                DocumentKind::ResolutionDraft
            }
            _ => DocumentKind::Resolution,
        }
    }

    pub(super) fn identity(&mut self, options: &ParseOptions) -> Identity {
        let kind = self.kind();
        let mut body = None;
        let mut named_bodies = Vec::new();
        let mut symbol = None;
        let mut issuance = None;
        let mut session = None;
        let mut language = None;
        for fact in &self.facts {
            match fact {
                Fact::Adopted(_, Some(adopting), date) => {
                    body = Some(*adopting);
                    if let Some(date) = date {
                        self.adoption_date = Some(*date);
                    }
                }
                Fact::Adopted(_, None, Some(date)) => self.adoption_date = Some(*date),
                Fact::Body(b) => named_bodies.push(*b),
                Fact::Symbol(s) => symbol = symbol.or(Some(s.clone())),
                Fact::Issuance(d) => issuance = issuance.or(Some(*d)),
                Fact::Session(s) => session = session.or(Some(*s)),
                Fact::Language(l) => language = language.or(Some(*l)),
                _ => {}
            }
        }
        // The most specific body named: the Council rather than the Assembly
        // whose subsidiary it is.
        let body = body
            .or_else(|| {
                named_bodies
                    .iter()
                    .rev()
                    .find(|b| **b != Body::GeneralAssembly)
                    .copied()
            })
            .or(self.formula_body)
            .or_else(|| named_bodies.first().copied())
            .unwrap_or(Body::GeneralAssembly);
        let printed = self.preface_number.as_ref().map(|(n, _)| {
            // "49/34." → "49/34"; "58/..." stays as printed.
            match n.strip_suffix('.') {
                Some(number) if number.ends_with(|c: char| c.is_ascii_alphanumeric()) => {
                    number.to_string()
                }
                _ => n.clone(),
            }
        });
        session = session.or(self.preface_number.as_ref().and_then(|(_, s)| *s));
        if let Some(given) = &options.symbol {
            symbol = Some(given.clone());
        }
        let (work_number, number_shown) = if kind.is_draft() {
            match &symbol {
                Some(symbol) => (citation::work_number(symbol), symbol.clone()),
                None => {
                    let number = format!(
                        "{}-draft",
                        session.map_or_else(|| "unknown".to_string(), |s| s.to_string())
                    );
                    self.warn(
                        self.title_position,
                        format!(
                            "the text does not carry its document symbol; work number set to \"{number}\" (pass --symbol)"
                        ),
                    );
                    (number.clone(), printed.clone().unwrap_or(number))
                }
            }
        } else {
            match &printed {
                Some(printed) => {
                    if symbol.is_none() {
                        let decision = matches!(kind, DocumentKind::Decision);
                        symbol = Some(body.symbol_of(printed, decision));
                    }
                    (citation::work_number(printed), printed.clone())
                }
                None => match &symbol {
                    // No numbered title printed: the resolution's number is
                    // its symbol's ("S/RES/2711 (2023)" → "2711 (2023)").
                    Some(symbol) => {
                        let number = ["A/RES/", "S/RES/", "A/HRC/RES/", "E/RES/"]
                            .iter()
                            .find_map(|prefix| symbol.strip_prefix(prefix))
                            .filter(|n| n.starts_with(|c: char| c.is_ascii_digit()))
                            .unwrap_or(symbol);
                        (citation::work_number(number), number.to_string())
                    }
                    None => {
                        self.warn(
                            self.title_position,
                            "no resolution number or symbol found; work number set to \"unnumbered\" (pass --symbol)",
                        );
                        ("unnumbered".into(), "unnumbered".into())
                    }
                },
            }
        };
        if issuance.is_none() && self.adoption_date.is_none() {
            self.warn(
                self.title_position,
                "no date of issuance or adoption found; FRBR dates cannot be derived from the text",
            );
        }
        Identity {
            body,
            symbol,
            work_number,
            number_shown,
            adoption_date: if kind.is_draft() {
                None
            } else {
                self.adoption_date
            },
            issuance_date: issuance,
            session,
            language: options
                .language
                .map(crate::lang::Language::code)
                .or(language)
                .unwrap_or(self.language.code())
                .into(),
            job_number: self.job_number.clone(),
        }
    }
}
