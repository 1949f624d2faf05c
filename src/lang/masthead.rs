//! Masthead lines of the other official languages → cover page content and
//! facts, as [`crate::grammar::masthead::cover_line`] gives them for English:
//! the logo ("Nations Unies"), session ("Soixante-dix-septième session"),
//! agenda item ("Point 55 de l’ordre du jour", "议程项目108"), the original
//! language ("Original : anglais") and the adoption line ("Résolution adoptée
//! par l’Assemblée générale le 12 décembre 2022", "2021年12月16日大会决议").
//! Session numbers spelt in words are kept as text: the number comes from the
//! symbol, never guessed.

use super::{adoption, CoverKind};
use crate::grammar::masthead::{CoverLine, Fact};
use crate::model::{DateRole, DocumentKind, Inline};

/// Recognises one masthead line of another language; `None` for anything
/// else (English lines included).
pub fn cover_line(plain: &str) -> Option<CoverLine> {
    let line = |content: Vec<Inline>, facts: Vec<Fact>| Some(CoverLine { content, facts });
    match super::cover_line(plain) {
        Some(CoverKind::Logo | CoverKind::Session) => {
            return line(vec![Inline::text(plain)], vec![]);
        }
        Some(CoverKind::Status) => return line(vec![Inline::DocStatus(plain.into())], vec![]),
        Some(CoverKind::Original) => {
            let split = plain.find([':', '：']).map_or(plain.len(), |at| {
                at + plain[at..].chars().next().map_or(1, char::len_utf8)
            });
            let (prefix, name) = plain.split_at(split);
            let name_start = name.len() - name.trim_start().len();
            let mut content = vec![Inline::text(format!("{prefix}{}", &name[..name_start]))];
            if !name.trim().is_empty() {
                content.push(Inline::OriginalLanguage(vec![Inline::text(
                    name.trim_start(),
                )]));
            }
            return line(content, vec![]);
        }
        Some(CoverKind::AgendaItem) => {
            let content = match agenda_number(plain) {
                Some(number) => Inline::AgendaItem {
                    number: number.to_string(),
                    content: vec![Inline::text(plain)],
                },
                None => Inline::text(plain),
            };
            return line(vec![content], vec![Fact::AgendaItem]);
        }
        None => {}
    }
    let found = adoption(plain)?;
    let (start, end) = found.date_span;
    let mut content = Vec::with_capacity(3);
    if start > 0 {
        content.push(Inline::text(&plain[..start]));
    }
    content.push(Inline::DocDate {
        date: found.date,
        role: DateRole::Adoption,
        text: plain[start..end].into(),
    });
    if end < plain.len() {
        content.push(Inline::text(&plain[end..]));
    }
    line(
        vec![Inline::DocType(content)],
        vec![Fact::Adopted(
            DocumentKind::Resolution,
            found.body,
            Some(found.date),
        )],
    )
}

/// The item's number in an agenda line: "55" of "Point 55 de l’ordre du
/// jour", "108" of "议程项目108".
fn agenda_number(text: &str) -> Option<&str> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let len = text[start..]
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len() - start);
    Some(&text[start..start + len])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_each_language() {
        let found =
            cover_line("Résolution adoptée par l’Assemblée générale le 1er avril 2022").unwrap();
        assert!(
            matches!(&found.facts[0], Fact::Adopted(_, Some(_), Some(d)) if d.to_string() == "2022-04-01")
        );
        let found = cover_line("2021年12月16日大会决议").unwrap();
        assert!(
            matches!(&found.facts[0], Fact::Adopted(_, Some(_), Some(d)) if d.to_string() == "2021-12-16")
        );
        assert_eq!(
            cover_line("Point 55 de l’ordre du jour").unwrap().facts,
            vec![Fact::AgendaItem]
        );
        assert!(cover_line("Original : anglais").is_some());
        assert!(cover_line("Agenda item 4").is_none());
        assert!(cover_line("Resolution adopted by the General Assembly on 1 April 2022").is_none());
    }
}
