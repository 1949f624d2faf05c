//! Namespaces: the declarations of a start tag (checked as libxml2 checks
//! them, removed from its attributes, bounded by `max_namespaces`), the
//! bindings in scope, and prefix lookup.

use super::*;

impl<'a> Validator<'_, 'a> {
    /// Namespace id of a URI.
    pub(super) fn ns_of(&mut self, uri: &'a str) -> u16 {
        if uri.is_empty() {
            return NS_NONE;
        }
        match self.m.namespaces.iter().position(|u| u == uri) {
            Some(i) => i as u16,
            None => NS_FOREIGN,
        }
    }

    #[inline]
    pub(super) fn lookup_prefix(&self, prefix: &str) -> Option<(u16, usize)> {
        if prefix.is_empty() {
            return self.default_ns;
        }
        if prefix == "xml" {
            return Some((NS_XML, usize::MAX));
        }
        self.bindings
            .iter()
            .rposition(|b| b.prefix == prefix)
            .map(|i| (self.bindings[i].ns, i))
    }

    /// Recomputes the cached default namespace after the bindings changed.
    pub(super) fn refresh_default(&mut self) {
        self.default_ns = self
            .bindings
            .iter()
            .rposition(|b| b.prefix.is_empty())
            .map(|i| (self.bindings[i].ns, i));
    }

    /// The URI of a namespace for messages.
    pub(super) fn ns_uri(&self, ns: u16, binding: usize) -> &str {
        if ns != NS_FOREIGN {
            return &self.m.namespaces[ns as usize];
        }
        self.bindings.get(binding).map_or("", |b| &b.uri)
    }

    /// Processes the namespace declarations among `self.attrs`, removing
    /// them (in one pass: an element may carry very many).
    pub(super) fn declare_namespaces(&mut self) -> Res {
        let mut attrs = std::mem::take(&mut self.attrs);
        let mut kept = 0;
        for i in 0..attrs.len() {
            let a = &attrs[i];
            let is_default = a.qname == "xmlns";
            let is_prefixed = a.colon > 0 && a.prefix() == "xmlns";
            if !is_default && !is_prefixed {
                attrs.swap(kept, i);
                kept += 1;
                continue;
            }
            let pos = a.pos;
            let prefix: &'a str = if is_default { "" } else { a.local() };
            let value = a.value.clone();
            if self.bindings.len() >= self.limits.max_namespaces {
                let message = self.limits.too_many_namespaces();
                return self.limit(pos, message);
            }
            let v: &str = &value;
            if is_default {
                if !v.is_empty() {
                    if !uri::parses(v) {
                        self.fatal(pos, format!("xmlns: '{v}' is not a valid URI"))?;
                    }
                    if v == XML_NS {
                        self.fatal(pos, "the XML namespace cannot be the default namespace")?;
                    }
                    if v == XMLNS_NS {
                        self.fatal(pos, "the xmlns namespace cannot be declared")?;
                    }
                }
            } else {
                if prefix == "xml" {
                    if v != XML_NS {
                        self.fatal(pos, "the xml prefix must be bound to the XML namespace")?;
                    }
                    continue;
                }
                if v == XML_NS {
                    self.fatal(
                        pos,
                        format!("the XML namespace cannot be bound to prefix '{prefix}'"),
                    )?;
                }
                if prefix == "xmlns" {
                    self.fatal(pos, "the xmlns prefix cannot be declared")?;
                }
                if v == XMLNS_NS {
                    self.fatal(pos, "the xmlns namespace cannot be declared")?;
                }
                if v.is_empty() {
                    self.fatal(
                        pos,
                        format!("xmlns:{prefix}: an empty namespace name is not allowed"),
                    )?;
                }
                if !uri::parses(v) {
                    self.fatal(pos, format!("xmlns:{prefix}: '{v}' is not a valid URI"))?;
                }
            }
            let ns = match &value {
                Cow::Borrowed(s) => self.ns_of(s),
                Cow::Owned(s) => {
                    if s.is_empty() {
                        NS_NONE
                    } else {
                        self.m
                            .namespaces
                            .iter()
                            .position(|u| u == s)
                            .map_or(NS_FOREIGN, |i| i as u16)
                    }
                }
            };
            self.bindings.push(Binding {
                prefix,
                ns,
                uri: value,
            });
            if prefix.is_empty() {
                self.refresh_default();
            }
        }
        attrs.truncate(kept);
        self.attrs = attrs;
        Ok(())
    }
}
