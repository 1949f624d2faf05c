//! The compiler's bookkeeping (namespaces, interned names, built-ins) and
//! simple type definitions: restriction, list, union and their facets.

use super::*;

impl<'d> Compiler<'d> {
    pub(super) fn doc(&self, d: usize) -> &'d XDoc<'d> {
        &self.docs[d].doc
    }

    pub(super) fn ns_id(&mut self, uri: &str) -> u16 {
        if let Some(i) = self.model.namespaces.iter().position(|u| u == uri) {
            return i as u16;
        }
        self.model.namespaces.push(uri.to_string());
        self.model.elem_index.push(NameMap::default());
        self.model.attr_index.push(NameMap::default());
        (self.model.namespaces.len() - 1) as u16
    }

    pub(super) fn elem_name(&mut self, ns: &str, local: &str) -> Result<u16, String> {
        let ns = self.ns_id(ns);
        if let Some(id) = self.model.elem_index[ns as usize].get(local.as_bytes()) {
            return Ok(id);
        }
        let id =
            u16::try_from(self.model.elem_names.len()).map_err(|_| "too many element names")?;
        self.model.elem_names.push((ns, local.to_string()));
        self.model.global_elem.push(None);
        self.model.elem_index[ns as usize].insert(local.as_bytes(), id);
        Ok(id)
    }

    pub(super) fn attr_name(&mut self, ns: &str, local: &str) -> Result<u16, String> {
        let ns = self.ns_id(ns);
        if let Some(id) = self.model.attr_index[ns as usize].get(local.as_bytes()) {
            return Ok(id);
        }
        let id =
            u16::try_from(self.model.attr_names.len()).map_err(|_| "too many attribute names")?;
        self.model.attr_names.push((ns, local.to_string()));
        self.model.global_attr.push(None);
        self.model.attr_index[ns as usize].insert(local.as_bytes(), id);
        Ok(id)
    }

    pub(super) fn builtin(&mut self, b: Builtin) -> SimpleId {
        if let Some(&id) = self.builtin_ids.get(&b) {
            return id;
        }
        let id = self.model.simple.add(SimpleType::builtin(b));
        self.builtin_ids.insert(b, id);
        id
    }

    pub(super) fn unsupported<T>(&self, r: NodeRef, what: &str) -> Result<T, String> {
        let name = self.doc(r.doc).name(r.node).to_string();
        Err(format!(
            "unsupported XSD construct: {what} (in <xsd:{name}>)"
        ))
    }

    // ---- simple types ----

    pub(super) fn simple_by_qname(&mut self, r: NodeRef, value: &str) -> Result<SimpleId, String> {
        let (ns, local) = self.doc(r.doc).qname(r.node, value)?;
        if ns == XSD_NS {
            let b = Builtin::from_name(local)
                .ok_or_else(|| format!("unsupported built-in simple type xs:{local}"))?;
            return Ok(self.builtin(b));
        }
        let node = *self
            .globals
            .simple
            .get(&(ns, local))
            .ok_or_else(|| format!("unknown simple type {{{ns}}}{local}"))?;
        self.simple_type(node)
    }

    pub(super) fn simple_type(&mut self, r: NodeRef) -> Result<SimpleId, String> {
        if let Some(&id) = self.simple_done.get(&r) {
            return Ok(id);
        }
        if self.simple_busy.contains(&r) {
            return Err("circular simple type definition".into());
        }
        self.simple_busy.push(r);
        let id = self.simple_type_inner(r)?;
        self.simple_busy.pop();
        self.simple_done.insert(r, id);
        Ok(id)
    }

    pub(super) fn simple_type_inner(&mut self, r: NodeRef) -> Result<SimpleId, String> {
        let d = r.doc;
        let name = self.docs[d]
            .doc
            .attr(r.node, "name")
            .map(str::to_string)
            .unwrap_or_default();
        let children: Vec<usize> = self.doc(d).children(r.node).collect();
        let Some(&body) = children.first() else {
            return self.unsupported(r, "empty simpleType");
        };
        let body_ref = NodeRef { doc: d, node: body };
        match self.doc(d).name(body) {
            "restriction" => {
                let base = match self.doc(d).attr(body, "base") {
                    Some(b) => self.simple_by_qname(body_ref, b)?,
                    None => {
                        let inner = self.docs[d]
                            .doc
                            .children(body)
                            .find(|&c| self.doc(d).name(c) == "simpleType");
                        match inner {
                            Some(c) => self.simple_type(NodeRef { doc: d, node: c })?,
                            None => return self.unsupported(body_ref, "restriction without base"),
                        }
                    }
                };
                let mut t = self.model.simple.get(base).clone();
                t.base = Some(base);
                t.name = if name.is_empty() {
                    "local atomic type".into()
                } else {
                    name
                };
                if let Variety::List(_) = t.variety {
                    t.name = "local list type".into();
                }
                let mut enums: Vec<String> = Vec::new();
                let mut patterns: Vec<Regex> = Vec::new();
                for c in self.doc(d).children(body).collect::<Vec<_>>() {
                    let value = self.doc(d).attr(c, "value").unwrap_or("").to_string();
                    match self.doc(d).name(c) {
                        "simpleType" => {}
                        "enumeration" => enums.push(value),
                        "pattern" => patterns.push(Regex::new(&value)?),
                        "whiteSpace" => {
                            t.ws = match value.as_str() {
                                "preserve" => Ws::Preserve,
                                "replace" => Ws::Replace,
                                "collapse" => Ws::Collapse,
                                _ => return Err(format!("bad whiteSpace value '{value}'")),
                            }
                        }
                        other => {
                            return self.unsupported(
                                NodeRef { doc: d, node: c },
                                &format!("facet {other}"),
                            )
                        }
                    }
                }
                if !enums.is_empty() {
                    // Enumeration values are compared after the type's white-space handling.
                    let ws = t.ws;
                    t.enums = Some(
                        enums
                            .into_iter()
                            .map(|e| crate::simple::normalize(&e, ws).into_owned())
                            .collect(),
                    );
                }
                if !patterns.is_empty() {
                    t.patterns.push(patterns);
                }
                Ok(self.model.simple.add(t))
            }
            "list" => {
                let item = match self.doc(d).attr(body, "itemType") {
                    Some(q) => self.simple_by_qname(body_ref, q)?,
                    None => {
                        let inner = self.docs[d]
                            .doc
                            .children(body)
                            .find(|&c| self.doc(d).name(c) == "simpleType");
                        match inner {
                            Some(c) => self.simple_type(NodeRef { doc: d, node: c })?,
                            None => return self.unsupported(body_ref, "list without item type"),
                        }
                    }
                };
                Ok(self.model.simple.add(SimpleType {
                    name: if name.is_empty() {
                        "local list type".into()
                    } else {
                        name
                    },
                    variety: Variety::List(item),
                    builtin: Builtin::AnySimpleType,
                    ws: Ws::Collapse,
                    enums: None,
                    patterns: Vec::new(),
                    base: None,
                }))
            }
            "union" => {
                let mut members = Vec::new();
                if let Some(m) = self.doc(d).attr(body, "memberTypes") {
                    for q in m.split_whitespace() {
                        members.push(self.simple_by_qname(body_ref, q)?);
                    }
                }
                for c in self.doc(d).children(body).collect::<Vec<_>>() {
                    if self.doc(d).name(c) == "simpleType" {
                        members.push(self.simple_type(NodeRef { doc: d, node: c })?);
                    }
                }
                if members.is_empty() {
                    return self.unsupported(body_ref, "union without members");
                }
                Ok(self.model.simple.add(SimpleType {
                    name: if name.is_empty() {
                        "local union type".into()
                    } else {
                        name
                    },
                    variety: Variety::Union(members),
                    builtin: Builtin::AnySimpleType,
                    ws: Ws::Collapse,
                    enums: None,
                    patterns: Vec::new(),
                    base: None,
                }))
            }
            other => self.unsupported(body_ref, &format!("<xsd:{other}> in simpleType")),
        }
    }
}
