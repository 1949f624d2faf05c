//! A fast, pure-Rust XML Schema validator for the OASIS Akoma Ntoso 3.0
//! schema (`akomantoso30.xsd` and the `xml.xsd` it imports), differential-
//! tested against libxml2 2.9.14, whose verdicts it reproduces.
//!
//! # Use
//!
//! ```text
//! let schema = Schema::compile(AKN_XSD, XML_XSD)?;   // once; Send + Sync
//! schema.validate(&xml)?;                            // from any thread
//! ```
//!
//! [`Schema::compile`] turns the schema into flat tables (interned names,
//! flattened attribute uses, content models compiled to deterministic
//! automata) in a few milliseconds; [`Schema::validate`] streams the document
//! once, on borrowed bytes, without building a tree: names are interned to
//! small integers, a content-model step is one table load, attribute values
//! are checked in place and copied only when they hold a reference or a
//! character that attribute-value normalization changes.
//!
//! # What is supported
//!
//! Everything the Akoma Ntoso schema uses, and the usual XSD 1.0 around it:
//! - global and local element declarations, `ref`, named and anonymous
//!   complex types, `mixed` content, element-only content (white space
//!   allowed between elements), empty content (no text at all), simple
//!   content by extension;
//! - `sequence`, `choice`, named `group`s, `minOccurs`/`maxOccurs` (bounded
//!   counts are unrolled), complex-content `extension` (base particle then
//!   the extension's, attribute uses merged) and `restriction`;
//! - `any` and `anyAttribute` with `##any`, `##other`, namespace lists and
//!   `strict`/`lax`/`skip`; an element matched by a lax wildcard is validated
//!   against its global declaration when there is one, otherwise as
//!   `xs:anyType`, whose content is itself laxly assessed (so Akoma Ntoso
//!   elements nested in foreign markup are still validated, and `xml:lang`,
//!   `xml:space`, `xml:base`, `xml:id` are checked by their `xml.xsd`
//!   declarations wherever a wildcard admits them);
//! - attributes: `use` required/optional/prohibited, `fixed` (compared
//!   after white-space normalization), `default` (accepted; defaults never
//!   change validity here, and no identity-constraint field of this schema
//!   has one), global attribute references, unqualified local attributes (in
//!   no namespace), attribute groups (flattened; wildcards intersected, and
//!   united on extension);
//! - simple types: restriction with `enumeration`, `pattern` (see
//!   `regex.rs` for the supported syntax) and `whiteSpace`; `list`; `union`;
//!   built-ins `string`, `normalizedString`, `token`, `language`, `Name`,
//!   `NCName`, `ID`, `IDREF`, `NMTOKEN`, `anyURI`, `boolean`, `decimal`,
//!   `integer` and its sign-restricted kin, `date`, `dateTime`, `time`,
//!   `gYear`, `gYearMonth`, `gMonth`, `gMonthDay`, `gDay`, `duration`, with
//!   libxml2's exact lexical rules (see `simple.rs`);
//! - `unique`/`key` identity constraints with selector `.//*` and one
//!   attribute field: every open scope of a constraint receives the value of
//!   each descendant element that carries the (validly typed) attribute, so
//!   documents nested in attachments share the outer scopes;
//! - `xs:ID` uniqueness across the document, and `xml:id` checked as
//!   libxml2's parser does (an NCName, unique by its exact value);
//! - `xsi:type` (must name a type validly derived from the declared one),
//!   `xsi:nil` (only on nillable elements), `xsi:schemaLocation` and
//!   `xsi:noNamespaceSchemaLocation` (accepted and ignored: the compiled
//!   schema is always used);
//! - namespaces: prefixes, default namespace, undeclaring the default, the
//!   built-in `xml` prefix, the libxml2 checks on `xmlns` values (a parsable
//!   URI, not the XML or xmlns namespace) and on expanded-name duplicates.
//!
//! Well-formedness is checked as far as libxml2 rejects a document: element
//! and attribute names (QNames), attribute syntax and duplicates, quoting,
//! `<` in values, references (only the five predefined entities; character
//! references must denote XML characters), characters outside XML 1.0
//! (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF), `]]>` in text, comments
//! (`--`, trailing `-`), processing-instruction targets (`xml` reserved, no
//! colon), the XML declaration (only at the start; version `1.x`),
//! mismatched or unclosed tags, text, references or CDATA outside the root,
//! several roots. The first well-formedness error stops the run.
//!
//! # Deliberate limits
//!
//! - A DOCTYPE with only a name and an external identifier is accepted and
//!   ignored, as libxml2 does when it does not load DTDs; a DOCTYPE with an
//!   internal subset is rejected ("not supported"), while libxml2 would
//!   process it (declared entities, default attributes). Entity references
//!   other than the predefined five are therefore always errors.
//! - The encoding declaration is checked for syntax but not acted upon: the
//!   input is already decoded text. (libxml2, given bytes, would transcode a
//!   document declared e.g. ISO-8859-1; it rejects "UTF-16" on UTF-8 bytes,
//!   and so does this validator.) So a name the system's iconv does not
//!   know (`encoding="ISO-1"`) is a divergence: libxml2 refuses the document
//!   ("Unsupported encoding"), this validator validates the text (found by
//!   the `validate` fuzz target; pinned by a test).
//! - Schema constructs outside the list above (`all`, substitution groups,
//!   `keyref`, other facets, other identity-constraint XPaths, `include`,
//!   `redefine`, element `default`/`fixed`) make [`Schema::compile`] fail
//!   with a message; they never silently validate wrongly. No check that the
//!   schema itself is valid XSD (e.g. Unique Particle Attribution) is made.
//! - Enumerations compare the white-space-normalized lexical value, which is
//!   libxml2's value comparison for the string- and URI-based types used here.
//! - Messages are this validator's own (clear English, naming the element
//!   and attribute); their number and order can differ from libxml2's, which
//!   stops validating the content of a rejected element — as this validator
//!   does too.
//!
//! # Known divergences from libxml2 (both deliberate, both tested)
//!
//! - A DOCTYPE with an internal subset is rejected (see above).
//! - A NUL character (U+0000) after the root element, between markup, is an
//!   error here; libxml2 2.9 takes it for the end of the input and accepts
//!   the document whatever follows (e.g. `<akomaNtoso>…</akomaNtoso>\0junk`).
//!   U+0000 is not an XML character, so this is a libxml2 bug; everywhere
//!   else both reject a NUL.
//!
//! # libxml2 behaviours reproduced on purpose
//!
//! These follow libxml2 2.9.14 rather than the letter of XSD 1.0, so that the
//! verdicts agree (each is pinned by a test):
//! - `xs:anyURI` accepts what libxml2's RFC 3986 parser accepts after
//!   replacing spaces and other unsafe characters by `_` (so `a b` and
//!   `é` are valid, `%zz`, `#a#b`, a lone `[` are not);
//! - `xs:date`/`xs:dateTime` leap years use the proleptic rule on signed
//!   years (so `-0004` is leap, `-0001` is not); `24:00:00` is allowed; a
//!   year of more than four digits may not start with 0;
//! - an attribute of a built-in type is not white-space-normalized before
//!   its lexical check, and each built-in tolerates surrounding blanks its
//!   own way (e.g. a `dateTime` with a leading blank is invalid, one with a
//!   trailing blank after a time zone is valid; a `duration` may not end
//!   with a blank), while union members (`date` attributes) are normalized;
//! - `xs:integer` has at most 24 significant digits;
//! - `xml:id` values are unique by their exact (attribute-normalized) value,
//!   so `xml:id="a"` and `xml:id=" a"` do not clash;
//! - a character reference to white space in element-only content counts as
//!   white space, but any CDATA section there (even empty or blank) is
//!   character content; in empty content even white space is an error.

mod chars;
mod content;
mod hash;
mod instance;
mod regex;
mod schema;
mod simple;
mod uri;

/// The most violations [`Schema::validate`] reports for one document.
pub const MAX_VIOLATIONS: usize = 100;

/// A compiled schema; immutable, `Send + Sync`, shared by all threads.
#[derive(Debug)]
pub struct Schema {
    model: schema::Model,
}

impl Schema {
    /// Compiles the Akoma Ntoso schema text and the xml.xsd it imports.
    ///
    /// # Errors
    /// A message if either text is not well-formed, uses an XSD construct this
    /// validator does not support, or refers to an undefined component.
    pub fn compile(akn_xsd: &str, xml_xsd: &str) -> Result<Schema, String> {
        Ok(Schema {
            model: schema::compile(akn_xsd, xml_xsd)?,
        })
    }

    /// Validates one whole XML document (well-formedness as far as needed + schema validity).
    ///
    /// # Errors
    /// The violations found, in document order, at most [`MAX_VIOLATIONS`].
    pub fn validate(&self, xml: &str) -> Result<(), Vec<Violation>> {
        let v = instance::validate(&self.model, xml, MAX_VIOLATIONS);
        if v.is_empty() {
            Ok(())
        } else {
            Err(v)
        }
    }
}

/// What kind of problem a [`Violation`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViolationKind {
    /// Not well-formed XML (the first such problem ends the check).
    Malformed,
    /// Well-formed, but not valid against the schema.
    Invalid,
}

/// One problem found, at a 1-based line and column (column in chars) of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Whether the document is not well-formed XML, or well-formed but not
    /// valid.
    pub kind: ViolationKind,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// What is wrong, in English, naming the element or attribute.
    pub message: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn schema_is_send_and_sync() {
        assert_send_sync::<Schema>();
    }
}
