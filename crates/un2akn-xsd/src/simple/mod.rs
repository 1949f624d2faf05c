//! Simple types: the built-in datatypes the schema uses, the facets it
//! applies (enumeration, pattern), lists and unions, with the exact lexical
//! rules and whitespace handling of libxml2 2.9 (`xmlSchemaVCheckCVCSimpleType`
//! and `xmlSchemaValAtomicType`).
//!
//! Whitespace: an attribute value reaches a built-in type *un-normalized*
//! unless its type carries an enumeration or pattern facet (then it is
//! normalized by the type's whiteSpace facet first) or it is a union member
//! (always normalized). Each built-in then tolerates surrounding blanks in its
//! own way, as libxml2's "normalize on the fly" does: `xs:boolean`,
//! `xs:integer` and `xs:duration` skip leading blanks and (except duration)
//! trailing ones, `xs:dateTime` skips leading blanks only before a time zone,
//! `xs:anyURI` and `xs:language` collapse. These quirks are reproduced on
//! purpose; the unit tests pin them.

use super::regex::Regex;
use crate::chars::{is_ws, libxml_valid_ncname};
use crate::uri::libxml_any_uri;

mod dates;
mod lexical;
#[cfg(test)]
mod tests;

use dates::*;
pub(crate) use lexical::lexical;
use lexical::*;

/// Index of a simple type in [`SimpleTypes`].
pub(super) type SimpleId = u32;

/// The built-in datatypes supported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Builtin {
    AnySimpleType,
    String,
    NormalizedString,
    Token,
    Language,
    Name,
    NCName,
    Id,
    IdRef,
    NmToken,
    AnyUri,
    Boolean,
    Decimal,
    Integer,
    NonNegativeInteger,
    PositiveInteger,
    NonPositiveInteger,
    NegativeInteger,
    Date,
    DateTime,
    Time,
    Duration,
    GYear,
    GYearMonth,
    GMonth,
    GMonthDay,
    GDay,
}

impl Builtin {
    /// The built-in type of an XML Schema local name, if supported.
    pub(super) fn from_name(name: &str) -> Option<Builtin> {
        Some(match name {
            "anySimpleType" => Builtin::AnySimpleType,
            "string" => Builtin::String,
            "normalizedString" => Builtin::NormalizedString,
            "token" => Builtin::Token,
            "language" => Builtin::Language,
            "Name" => Builtin::Name,
            "NCName" => Builtin::NCName,
            "ID" => Builtin::Id,
            "IDREF" => Builtin::IdRef,
            "NMTOKEN" => Builtin::NmToken,
            "anyURI" => Builtin::AnyUri,
            "boolean" => Builtin::Boolean,
            "decimal" => Builtin::Decimal,
            "integer" => Builtin::Integer,
            "nonNegativeInteger" => Builtin::NonNegativeInteger,
            "positiveInteger" => Builtin::PositiveInteger,
            "nonPositiveInteger" => Builtin::NonPositiveInteger,
            "negativeInteger" => Builtin::NegativeInteger,
            "date" => Builtin::Date,
            "dateTime" => Builtin::DateTime,
            "time" => Builtin::Time,
            "duration" => Builtin::Duration,
            "gYear" => Builtin::GYear,
            "gYearMonth" => Builtin::GYearMonth,
            "gMonth" => Builtin::GMonth,
            "gMonthDay" => Builtin::GMonthDay,
            "gDay" => Builtin::GDay,
            _ => return None,
        })
    }

    /// The XML Schema name, for messages.
    pub(super) fn name(self) -> &'static str {
        match self {
            Builtin::AnySimpleType => "anySimpleType",
            Builtin::String => "string",
            Builtin::NormalizedString => "normalizedString",
            Builtin::Token => "token",
            Builtin::Language => "language",
            Builtin::Name => "Name",
            Builtin::NCName => "NCName",
            Builtin::Id => "ID",
            Builtin::IdRef => "IDREF",
            Builtin::NmToken => "NMTOKEN",
            Builtin::AnyUri => "anyURI",
            Builtin::Boolean => "boolean",
            Builtin::Decimal => "decimal",
            Builtin::Integer => "integer",
            Builtin::NonNegativeInteger => "nonNegativeInteger",
            Builtin::PositiveInteger => "positiveInteger",
            Builtin::NonPositiveInteger => "nonPositiveInteger",
            Builtin::NegativeInteger => "negativeInteger",
            Builtin::Date => "date",
            Builtin::DateTime => "dateTime",
            Builtin::Time => "time",
            Builtin::Duration => "duration",
            Builtin::GYear => "gYear",
            Builtin::GYearMonth => "gYearMonth",
            Builtin::GMonth => "gMonth",
            Builtin::GMonthDay => "gMonthDay",
            Builtin::GDay => "gDay",
        }
    }

    /// The whiteSpace facet of the built-in type.
    pub(super) fn whitespace(self) -> Ws {
        match self {
            Builtin::AnySimpleType | Builtin::String => Ws::Preserve,
            Builtin::NormalizedString => Ws::Replace,
            _ => Ws::Collapse,
        }
    }
}

/// A whiteSpace facet value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ws {
    Preserve,
    Replace,
    Collapse,
}

/// What a simple type is made of.
#[derive(Clone, Debug)]
pub(super) enum Variety {
    /// An atomic type; its built-in ancestor is [`SimpleType::builtin`].
    Atomic,
    /// A list of items of the given type.
    List(SimpleId),
    /// A union of the given member types, tried in order.
    Union(Vec<SimpleId>),
}

/// A simple type definition with its facets resolved along the derivation chain.
#[derive(Clone, Debug)]
pub(super) struct SimpleType {
    /// A name for messages (`xs:date`, `noWhiteSpace`, `local list type`).
    pub(super) name: String,
    pub(super) variety: Variety,
    /// The built-in ancestor (atomic types); `AnySimpleType` otherwise.
    pub(super) builtin: Builtin,
    /// The whiteSpace facet in force.
    pub(super) ws: Ws,
    /// The nearest enumeration facet on the derivation chain.
    pub(super) enums: Option<Vec<String>>,
    /// Pattern facets, one group per derivation step: a value must match
    /// some pattern of every group.
    pub(super) patterns: Vec<Vec<Regex>>,
    /// The base type (for derivation checks of `xsi:type`).
    pub(super) base: Option<SimpleId>,
}

impl SimpleType {
    /// A built-in type as a simple type definition.
    pub(super) fn builtin(b: Builtin) -> SimpleType {
        SimpleType {
            name: format!("xs:{}", b.name()),
            variety: Variety::Atomic,
            builtin: b,
            ws: b.whitespace(),
            enums: None,
            patterns: Vec::new(),
            base: None,
        }
    }

    fn has_facets(&self) -> bool {
        self.enums.is_some() || !self.patterns.is_empty()
    }

    /// libxml2's `XML_SCHEMAS_TYPE_NORMVALUENEEDED`: set by pattern or
    /// enumeration facets.
    fn norm_needed(&self) -> bool {
        self.has_facets()
    }
}

/// Applies a whiteSpace facet.
pub(super) fn normalize(value: &str, ws: Ws) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    match ws {
        Ws::Preserve => Cow::Borrowed(value),
        Ws::Replace => {
            if value.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r')) {
                Cow::Owned(value.replace(['\t', '\n', '\r'], " "))
            } else {
                Cow::Borrowed(value)
            }
        }
        Ws::Collapse => collapse(value),
    }
}

/// Collapses white space: trims, and turns each inner run of blanks into one space.
pub(super) fn collapse(value: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let b = value.as_bytes();
    let mut clean = !b.first().is_some_and(|&c| is_ws(c)) && !b.last().is_some_and(|&c| is_ws(c));
    if clean {
        let mut prev_space = false;
        for &c in b {
            if matches!(c, b'\t' | b'\n' | b'\r') || (c == b' ' && prev_space) {
                clean = false;
                break;
            }
            prev_space = c == b' ';
        }
    }
    if clean {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len());
    for word in value
        .split(|c: char| c.is_ascii() && is_ws(c as u8))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// The table of simple types of a compiled schema.
#[derive(Debug, Default)]
pub(super) struct SimpleTypes {
    pub(super) types: Vec<SimpleType>,
}

impl SimpleTypes {
    /// Adds a type, returning its id.
    pub(super) fn add(&mut self, t: SimpleType) -> SimpleId {
        self.types.push(t);
        (self.types.len() - 1) as SimpleId
    }

    /// The type with this id.
    pub(super) fn get(&self, id: SimpleId) -> &SimpleType {
        &self.types[id as usize]
    }

    /// True if the type is `xs:ID` or derived from it.
    pub(super) fn is_id(&self, id: SimpleId) -> bool {
        let t = self.get(id);
        matches!(t.variety, Variety::Atomic) && t.builtin == Builtin::Id
    }

    /// Validates `value` against the type, as libxml2's
    /// `xmlSchemaVCheckCVCSimpleType(type, value, normalize, isNormalized)`.
    pub(super) fn check(&self, id: SimpleId, value: &str, normalize_first: bool) -> bool {
        self.check_inner(id, value, normalize_first, false)
    }

    fn check_inner(
        &self,
        id: SimpleId,
        value: &str,
        normalize_first: bool,
        is_normalized: bool,
    ) -> bool {
        let t = self.get(id);
        let norm;
        let mut value = value;
        if !is_normalized && (normalize_first || t.norm_needed()) {
            let ws = match t.variety {
                Variety::List(_) => Ws::Collapse,
                _ => t.ws,
            };
            norm = normalize(value, ws);
            value = &norm;
        }
        match &t.variety {
            Variety::Atomic => {
                if !lexical(t.builtin, value) {
                    return false;
                }
                !t.has_facets() || self.facets(t, value)
            }
            Variety::List(item) => {
                for token in value
                    .split(|c: char| c.is_ascii() && is_ws(c as u8))
                    .filter(|w| !w.is_empty())
                {
                    if !self.check_inner(*item, token, false, true) {
                        return false;
                    }
                }
                !t.has_facets() || self.facets(t, value)
            }
            Variety::Union(members) => {
                let Some(member) = members
                    .iter()
                    .find(|&&m| self.check_inner(m, value, true, false))
                else {
                    return false;
                };
                if !t.has_facets() {
                    return true;
                }
                let n = normalize(value, self.get(*member).ws);
                self.facets(t, &n)
            }
        }
    }

    fn facets(&self, t: &SimpleType, value: &str) -> bool {
        if let Some(enums) = &t.enums {
            if !enums.iter().any(|e| e == value) {
                return false;
            }
        }
        t.patterns.iter().all(|group| {
            group.iter().any(|r| {
                if r.no_whitespace_plus() {
                    !value.is_empty() && !value.bytes().any(is_ws)
                } else {
                    r.is_match(value)
                }
            })
        })
    }
}
