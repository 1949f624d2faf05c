//! Bounds on what a document may ask of a validator: its size, element
//! nesting, attribute length and namespace declarations in scope.
//!
//! Takes a [`Limits`] and a document; gives the first limit exceeded as a
//! positioned [`Violation`] of kind [`ViolationKind::Limit`]. The native
//! engine checks the limits while it validates; [`Limits::check`] checks
//! them alone, in one linear pass with quick-xml, before a document is
//! handed to another engine (libxml2's validation is not linear in the
//! nesting depth, and its parser not in the namespace declarations of one
//! element).

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::{Violation, ViolationKind};

/// The bounds a document must keep to. [`Limits::default`] never refuses
/// a document un2akn writes, and keeps every engine linear in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest document, in bytes (default 256 MiB).
    pub max_bytes: usize,
    /// Deepest nesting of elements; the root is at depth 1 (default 256,
    /// libxml2's own default).
    pub max_depth: usize,
    /// Longest attribute value, in bytes as written (default 10,000,000,
    /// libxml2's own default for a text).
    pub max_attribute_bytes: usize,
    /// Most namespace declarations in scope at once: on one element and its
    /// ancestors together (default 256).
    pub max_namespaces: usize,
    /// Most violations reported for one document (default 100); the check
    /// stops at the last.
    pub max_violations: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: 256 << 20,
            max_depth: 256,
            max_attribute_bytes: 10_000_000,
            max_namespaces: 256,
            max_violations: 100,
        }
    }
}

impl Limits {
    /// Limits that refuse nothing (except more than `usize::MAX` of
    /// anything): for trusted input only.
    pub fn none() -> Limits {
        Limits {
            max_bytes: usize::MAX,
            max_depth: usize::MAX,
            max_attribute_bytes: usize::MAX,
            max_namespaces: usize::MAX,
            max_violations: usize::MAX,
        }
    }

    /// Checks only the limits, not well-formedness nor validity, in one
    /// linear pass. A document too malformed to scan further is left to
    /// whatever parses it next (the part scanned was within the limits).
    ///
    /// # Errors
    /// The first limit exceeded, with its line and column.
    pub fn check(&self, xml: &str) -> Result<(), Violation> {
        if xml.len() > self.max_bytes {
            return Err(limit(xml, 0, self.too_big(xml.len())));
        }
        let mut reader = Reader::from_str(xml);
        {
            let c = reader.config_mut();
            c.check_end_names = false;
            c.check_comments = false;
            c.allow_unmatched_ends = true;
            c.allow_dangling_amp = true;
        }
        let base = xml.as_ptr() as usize;
        // Namespace declarations in scope before each open element.
        let mut marks: Vec<usize> = Vec::new();
        let mut in_scope = 0usize;
        loop {
            let (tag, empty) = match reader.read_event() {
                Ok(Event::Start(e)) => (e, false),
                Ok(Event::Empty(e)) => (e, true),
                Ok(Event::End(_)) => {
                    in_scope = marks.pop().unwrap_or(0);
                    continue;
                }
                Ok(Event::Eof) | Err(_) => return Ok(()),
                Ok(_) => continue,
            };
            // `tag` starts just after '<'.
            let at = (tag.as_ptr() as usize - base).saturating_sub(1);
            if marks.len() >= self.max_depth {
                return Err(limit(xml, at, self.too_deep(tag_name(&tag))));
            }
            let before = in_scope;
            for attribute in tag.attributes().with_checks(false) {
                let Ok(attribute) = attribute else { break };
                let key = attribute.key.as_ref();
                let pos = attribute.key.as_ref().as_ptr() as usize - base;
                if attribute.value.len() > self.max_attribute_bytes {
                    let name = String::from_utf8_lossy(key);
                    return Err(limit(xml, pos, self.too_long(&name, attribute.value.len())));
                }
                if key == b"xmlns" || key.starts_with(b"xmlns:") {
                    in_scope += 1;
                    if in_scope > self.max_namespaces {
                        return Err(limit(xml, pos, self.too_many_namespaces()));
                    }
                }
            }
            if empty {
                in_scope = before;
            } else {
                marks.push(before);
            }
        }
    }

    pub(crate) fn too_big(&self, len: usize) -> String {
        format!(
            "the document has {len} bytes, more than the limit of {} (max_bytes)",
            self.max_bytes
        )
    }

    pub(crate) fn too_deep(&self, name: &str) -> String {
        format!(
            "element '{name}' is nested deeper than the limit of {} levels (max_depth)",
            self.max_depth
        )
    }

    pub(crate) fn too_long(&self, name: &str, len: usize) -> String {
        format!(
            "the value of attribute '{name}' has {len} bytes, more than the limit of {} (max_attribute_bytes)",
            self.max_attribute_bytes
        )
    }

    pub(crate) fn too_many_namespaces(&self) -> String {
        format!(
            "more than {} namespace declarations in scope (max_namespaces)",
            self.max_namespaces
        )
    }
}

fn tag_name<'a>(tag: &'a BytesStart<'_>) -> &'a str {
    std::str::from_utf8(tag.name().into_inner()).unwrap_or("?")
}

/// A limit violation at byte `at` of `xml`.
fn limit(xml: &str, at: usize, message: String) -> Violation {
    let (line, column) = line_column(xml, at);
    Violation {
        kind: ViolationKind::Limit,
        line,
        column,
        message,
    }
}

/// The 1-based line and column (in characters) of byte `at`.
pub(crate) fn line_column(xml: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(xml.len());
    while !xml.is_char_boundary(at) {
        at -= 1;
    }
    let before = &xml[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.bytes().filter(|&b| b == b'\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_finds_each_limit_with_its_position() {
        let limits = Limits {
            max_depth: 2,
            max_attribute_bytes: 3,
            max_namespaces: 1,
            ..Limits::default()
        };
        assert!(limits.check("<a><b/><b x='123'/></a>").is_ok());
        let e = limits.check("<a>\n <b><c/></b></a>").unwrap_err();
        assert_eq!((e.line, e.column, e.kind), (2, 5, ViolationKind::Limit));
        assert!(e.message.contains("'c'"), "{e}");
        let e = limits.check("<a x='1234'/>").unwrap_err();
        assert_eq!((e.line, e.column), (1, 4));
        let e = limits
            .check("<a xmlns:p='u'><b xmlns:q='v'/></a>")
            .unwrap_err();
        assert_eq!((e.line, e.column), (1, 19));
        // Siblings do not add up.
        assert!(limits
            .check("<a><b xmlns:p='u'/><b xmlns:q='v'/></a>")
            .is_ok());
        let small = Limits {
            max_bytes: 3,
            ..Limits::default()
        };
        assert_eq!(small.check("<a/>").unwrap_err().line, 1);
    }
}
