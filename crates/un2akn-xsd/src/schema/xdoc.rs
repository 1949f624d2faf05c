//! A small tree of a schema document (annotations dropped), borrowing its
//! text, and the queries the compiler makes of it.

use super::*;

impl<'a> XDoc<'a> {
    pub(super) fn parse(text: &'a str, which: &str) -> Result<XDoc<'a>, String> {
        let mut reader = Reader::from_str(text);
        let mut nodes: Vec<XNode<'a>> = Vec::with_capacity(4096);
        let mut scopes: Vec<Vec<(&'a str, Cow<'a, str>)>> =
            vec![vec![("xml", Cow::Borrowed(XML_NS))]];
        let mut stack: Vec<usize> = Vec::new();
        let mut scope_stack: Vec<usize> = vec![0];
        let mut skip_depth: usize = 0;
        let mut root = None;
        loop {
            let ev = reader.read_event().map_err(|e| {
                format!(
                    "{which}: XML error at byte {}: {e}",
                    reader.buffer_position()
                )
            })?;
            match ev {
                Event::Start(ref e) | Event::Empty(ref e) => {
                    let empty = matches!(ev, Event::Empty(_));
                    if skip_depth > 0 {
                        if !empty {
                            skip_depth += 1;
                        }
                        continue;
                    }
                    let parent_scope = *scope_stack.last().unwrap_or(&0);
                    let (name, attrs, scope) =
                        Self::start(text, e, parent_scope, &mut scopes, which)?;
                    if name == "annotation" {
                        if !empty {
                            skip_depth = 1;
                        }
                        continue;
                    }
                    let id = nodes.len();
                    nodes.push(XNode {
                        name,
                        attrs,
                        children: Vec::new(),
                        scope,
                    });
                    if let Some(&p) = stack.last() {
                        nodes[p].children.push(id);
                    } else {
                        root = Some(id);
                    }
                    if !empty {
                        stack.push(id);
                        scope_stack.push(scope);
                    }
                }
                Event::End(_) => {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                        continue;
                    }
                    stack.pop();
                    scope_stack.pop();
                }
                Event::Eof => break,
                _ => {}
            }
        }
        let root = root.ok_or_else(|| format!("{which}: no root element"))?;
        Ok(XDoc {
            nodes,
            scopes,
            root,
        })
    }

    /// The part of `text` that `bytes` (borrowed from it) covers.
    pub(super) fn within(text: &'a str, bytes: &[u8]) -> Result<&'a str, String> {
        let start = (bytes.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
        text.get(start..start + bytes.len())
            .ok_or_else(|| "schema text is not UTF-8 here".to_string())
    }

    pub(super) fn start(
        text: &'a str,
        e: &BytesStart,
        parent_scope: usize,
        scopes: &mut Vec<Vec<(&'a str, Cow<'a, str>)>>,
        which: &str,
    ) -> Result<StartParts<'a>, String> {
        let qname = Self::within(text, e.name().as_ref())?;
        let mut attrs = Vec::new();
        let mut decls: Vec<(&'a str, Cow<'a, str>)> = Vec::new();
        for a in e.attributes() {
            let a = a.map_err(|err| format!("{which}: {err}"))?;
            let key = Self::within(text, a.key.as_ref())?;
            let raw = Self::within(text, &a.value)?;
            let value = if raw.contains('&') {
                Cow::Owned(
                    a.unescape_value()
                        .map_err(|err| format!("{which}: {err}"))?
                        .into_owned(),
                )
            } else {
                Cow::Borrowed(raw)
            };
            if key == "xmlns" {
                decls.push(("", value));
            } else if let Some(p) = key.strip_prefix("xmlns:") {
                decls.push((p, value));
            } else {
                attrs.push((key, value));
            }
        }
        let scope = if decls.is_empty() {
            parent_scope
        } else {
            let mut s = scopes[parent_scope].clone();
            for d in decls {
                s.retain(|(p, _)| *p != d.0);
                s.push(d);
            }
            scopes.push(s);
            scopes.len() - 1
        };
        let (prefix, local) = match qname.split_once(':') {
            Some((p, l)) => (p, l),
            None => ("", qname),
        };
        let ns = scopes[scope]
            .iter()
            .rev()
            .find(|(p, _)| *p == prefix)
            .map(|(_, u)| u.as_ref());
        let name = if ns == Some(XSD_NS) { local } else { "" };
        Ok((name, attrs, scope))
    }

    pub(super) fn attr(&self, n: usize, name: &str) -> Option<&str> {
        self.nodes[n]
            .attrs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_ref())
    }

    /// Resolves a QName attribute value to (namespace URI, local name).
    pub(super) fn qname<'s>(
        &'s self,
        n: usize,
        value: &'s str,
    ) -> Result<(&'s str, &'s str), String> {
        let value = value.trim();
        let (prefix, local) = match value.split_once(':') {
            Some((p, l)) => (p, l),
            None => ("", value),
        };
        let scope = &self.scopes[self.nodes[n].scope];
        match scope.iter().rev().find(|(p, _)| *p == prefix) {
            Some((_, uri)) => Ok((uri.as_ref(), local)),
            None if prefix.is_empty() => Ok(("", local)),
            None => Err(format!("undeclared prefix in QName '{value}'")),
        }
    }

    pub(super) fn children(&self, n: usize) -> impl Iterator<Item = usize> + '_ {
        self.nodes[n].children.iter().copied()
    }

    pub(super) fn name(&self, n: usize) -> &'a str {
        self.nodes[n].name
    }
}
