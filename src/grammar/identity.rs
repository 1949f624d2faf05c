//! Identity: the kind of document, its body, symbol, work number, dates and
//! session, gathered from the facts the other parts found; and the finished
//! [`Document`]. Gives the [`Identity`] and the [`Parsed`] result.

use chrono::NaiveDate;

use super::masthead::Fact;
use super::{citation, excerpt, symbol, DocumentParser, ParseOptions, Parsed};
use crate::error::ErrorKind;
use crate::model::{Body, Document, DocumentKind, Identity, Inline, Organization};
use crate::Error;

impl DocumentParser {
    pub(super) fn finish(mut self, options: &ParseOptions) -> Result<Parsed, Error> {
        self.settle_restored_point();
        self.settle_inline_enumeration();
        self.flush_open_bracket();
        if let Some(statement) = self.pending_statement.take() {
            self.keep_dateless_statement(&statement);
        }
        self.vote_in_footnote();
        self.check_vote_lists();
        let mut parts = self.take_parts();
        self.attach_uncalled_footnotes(&mut parts);
        let (identity, kind) = self.identity(options)?;
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
        Ok(Parsed {
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
        })
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

    /// The document's identity from the facts of the text and the options.
    /// A number or date that neither gives is an error: nothing is invented.
    pub(super) fn identity(
        &mut self,
        options: &ParseOptions,
    ) -> Result<(Identity, DocumentKind), Error> {
        let mut body = None;
        let mut named_bodies = Vec::new();
        let mut printed_symbol = None;
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
                Fact::Symbol(s) => printed_symbol = printed_symbol.or(Some(s.clone())),
                Fact::Issuance(d) => issuance = issuance.or(Some(*d)),
                Fact::Session(s) => session = session.or(Some(*s)),
                Fact::Language(l) => language = language.or(Some(*l)),
                _ => {}
            }
        }
        // The symbol the user gives wins over the text's (a draft's
        // masthead may name the document it revises).
        let given = options.symbol.as_deref().map(str::trim);
        let symbol: Option<String> = given.map(str::to_string).or(printed_symbol);
        let classified = symbol.as_deref().and_then(symbol::classify);
        if let (Some(given), None) = (given, &classified) {
            self.warn(
                self.title_position,
                format!("--symbol {given}: not a resolution, decision, statement or draft symbol; used as the document symbol only"),
            );
        }
        // The kind the text shows; where it shows none, the symbol's.
        let text_kind = self.text_kind();
        let kind = match (text_kind, &classified) {
            (Some(kind), _) => kind,
            (None, Some(found)) => match found.kind {
                symbol::SymbolKind::Resolution => DocumentKind::Resolution,
                symbol::SymbolKind::Decision => DocumentKind::Decision,
                symbol::SymbolKind::PresidentialStatement => DocumentKind::PresidentialStatement,
                symbol::SymbolKind::Draft => DocumentKind::ResolutionDraft,
            },
            (None, None) => self.kind(),
        };
        // The most specific body named: the Council rather than the Assembly
        // whose subsidiary it is; else the symbol's.
        let text_body = body
            .or_else(|| {
                named_bodies
                    .iter()
                    .rev()
                    .find(|b| **b != Body::GeneralAssembly)
                    .copied()
            })
            .or(self.formula_body)
            .or_else(|| named_bodies.first().copied());
        let body = match (text_body, &classified) {
            (Some(body), Some(found)) if body != found.body && !kind.is_draft() => {
                self.warn(
                    self.title_position,
                    format!(
                        "the text names the {} but the symbol {} is the {}'s; the text's body is kept",
                        body.name(),
                        symbol.as_deref().unwrap_or_default(),
                        found.body.name()
                    ),
                );
                body
            }
            (Some(body), _) => body,
            (None, Some(found)) => found.body,
            (None, None) => {
                return Err(self.missing("the body that adopted it"));
            }
        };
        let printed = self.preface_number.as_ref().map(|(n, _)| {
            // "49/34." → "49/34"; "58/..." stays as printed.
            match n.strip_suffix('.') {
                Some(number) if number.ends_with(|c: char| c.is_ascii_alphanumeric()) => {
                    number.to_string()
                }
                _ => n.clone(),
            }
        });
        session = session
            .or(self.preface_number.as_ref().and_then(|(_, s)| *s))
            .or(classified.as_ref().and_then(|c| c.session));
        let mut symbol = symbol;
        let (work_number, number_shown) = if kind.is_draft() {
            match (&symbol, &classified) {
                (Some(symbol), Some(found)) => (found.work_number.clone(), symbol.clone()),
                (Some(symbol), None) => (citation::work_number(symbol), symbol.clone()),
                (None, _) => return Err(self.missing("its document symbol (a draft's number)")),
            }
        } else {
            match (&printed, &classified) {
                (Some(printed), found) => {
                    let work = citation::work_number(printed);
                    if let Some(found) = found.as_ref().filter(|f| f.work_number != work) {
                        self.warn(
                            self.title_position,
                            format!(
                                "the text is numbered {printed} but the symbol {} says {}; the text's number is kept",
                                symbol.as_deref().unwrap_or_default(),
                                found.number_shown
                            ),
                        );
                    }
                    if symbol.is_none() && kind != DocumentKind::PresidentialStatement {
                        let decision = matches!(kind, DocumentKind::Decision);
                        symbol = Some(body.symbol_of(printed, decision));
                    }
                    (work, printed.clone())
                }
                (None, Some(found)) => (found.work_number.clone(), found.number_shown.clone()),
                (None, None) => return Err(self.missing("its number or document symbol")),
            }
        };
        if let (true, Some(printed), Some(given)) = (kind.is_draft(), issuance, options.date) {
            self.warn_if_dates_differ(printed, given);
        }
        let issuance = issuance.or(if kind.is_draft() { options.date } else { None });
        let adoption = if kind.is_draft() {
            None
        } else {
            if let (Some(printed), Some(given)) = (self.adoption_date, options.date) {
                self.warn_if_dates_differ(printed, given);
            }
            self.adoption_date.or(options.date)
        };
        if adoption.is_none() && issuance.is_none() {
            return Err(self.missing(if kind.is_draft() {
                "its date of issuance"
            } else {
                "its date of adoption"
            }));
        }
        if !kind.is_draft() && adoption.is_none() {
            return Err(self.missing("its date of adoption (only the date of issuance is printed)"));
        }
        Ok((
            Identity {
                body,
                symbol,
                work_number,
                number_shown,
                adoption_date: adoption,
                issuance_date: issuance,
                session,
                language: options
                    .language
                    .map(crate::lang::Language::code)
                    .or(language)
                    .unwrap_or(self.language.code())
                    .into(),
                job_number: self.job_number.clone(),
            },
            kind,
        ))
    }

    /// "Adopted by … on" with no date after it: kept in the preface as
    /// text, with a warning.
    pub(super) fn keep_dateless_statement(&mut self, statement: &str) {
        self.warn(
            self.title_position,
            format!(
                "adoption statement without its date, kept as text: {}",
                excerpt(statement)
            ),
        );
        let line = self.inlines(statement);
        self.preface.push(line);
    }

    /// Warns where the date the text prints and the one given differ: the
    /// text's is kept.
    fn warn_if_dates_differ(&mut self, printed: NaiveDate, given: NaiveDate) {
        if printed != given {
            self.warn(
                self.title_position,
                format!(
                    "the text is dated {} but --date/metadata says {}; the text's date is kept",
                    crate::model::iso_date(printed),
                    crate::model::iso_date(given)
                ),
            );
        }
    }

    /// The error for a fact of the identity that is missing.
    fn missing(&self, what: &str) -> Error {
        let option = if what.contains("date") {
            "--date YYYY-MM-DD"
        } else {
            "--symbol SYMBOL"
        };
        ErrorKind::MissingIdentity {
            missing: what.to_string(),
            option,
            position: self.title_position,
        }
        .into()
    }

    /// The kind the text itself shows (a stage, an adoption line, a
    /// statement's heading, a decision's opening), if any.
    fn text_kind(&self) -> Option<DocumentKind> {
        let mut kind = None;
        for fact in &self.facts {
            match fact {
                Fact::Stage(stage) => return Some(*stage),
                Fact::Adopted(adopted, _, _) => kind = Some(*adopted),
                _ => {}
            }
        }
        kind.or_else(|| match &self.preface_number {
            Some((number, _)) if number.contains("...") || number.contains('…') => {
                Some(DocumentKind::ResolutionDraft)
            }
            Some(_) => Some(DocumentKind::Resolution),
            None => None,
        })
    }
}
