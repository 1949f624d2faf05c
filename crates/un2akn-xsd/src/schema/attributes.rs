//! Attribute declarations, uses, groups and wildcards, flattened per type
//! (groups expanded, extension merged, wildcards intersected or united).

use super::*;

impl<'d> Compiler<'d> {
    pub(super) fn wildcard(&mut self, r: NodeRef) -> Result<Wildcard, String> {
        let doc = &self.docs[r.doc];
        let target = doc.target.clone();
        let ns_attr = doc
            .doc
            .attr(r.node, "namespace")
            .unwrap_or("##any")
            .trim()
            .to_string();
        let process = match doc
            .doc
            .attr(r.node, "processContents")
            .unwrap_or("strict")
            .trim()
        {
            "strict" => Process::Strict,
            "lax" => Process::Lax,
            "skip" => Process::Skip,
            other => return Err(format!("bad processContents '{other}'")),
        };
        let ns = match ns_attr.as_str() {
            "##any" => NsConstraint::Any,
            "##other" => NsConstraint::Not(self.ns_id(&target)),
            list => {
                let mut v = Vec::new();
                for item in list.split_whitespace() {
                    let id = match item {
                        "##local" => NS_NONE,
                        "##targetNamespace" => self.ns_id(&target),
                        uri => self.ns_id(uri),
                    };
                    v.push(id);
                }
                NsConstraint::Set(v)
            }
        };
        Ok(Wildcard { ns, process })
    }

    /// One `<xsd:attribute>` as a use (or `None` when prohibited).
    pub(super) fn attribute_use(&mut self, r: NodeRef) -> Result<Option<AttrUse>, String> {
        let d = r.doc;
        let get = |s: &Self, k: &str| s.docs[d].doc.attr(r.node, k).map(|v| v.trim().to_string());
        let use_ = get(self, "use").unwrap_or_else(|| "optional".into());
        if use_ == "prohibited" {
            return Ok(None);
        }
        let required = use_ == "required";
        let mut fixed = get(self, "fixed");
        if let Some(q) = get(self, "ref") {
            let (ns, local) = self.doc(d).qname(r.node, &q)?;
            let node = *self
                .globals
                .attributes
                .get(&(ns, local))
                .ok_or_else(|| format!("unknown attribute {{{ns}}}{local}"))?;
            let decl = self.global_attribute(node)?;
            let name = self.attr_name(ns, local)?;
            if fixed.is_none() {
                fixed = decl.fixed.clone();
            }
            return Ok(Some(AttrUse {
                name,
                ty: decl.ty,
                required,
                fixed,
            }));
        }
        let local = get(self, "name").ok_or("attribute without name or ref")?;
        let qualified = match get(self, "form").as_deref() {
            Some("qualified") => true,
            Some(_) => false,
            None => self.docs[d].attribute_qualified,
        };
        let ns = if qualified {
            self.docs[d].target.clone()
        } else {
            String::new()
        };
        let ty = self.attribute_type(r)?;
        let name = self.attr_name(&ns, &local)?;
        Ok(Some(AttrUse {
            name,
            ty,
            required,
            fixed,
        }))
    }

    pub(super) fn attribute_type(&mut self, r: NodeRef) -> Result<SimpleId, String> {
        let d = r.doc;
        if let Some(t) = self.doc(d).attr(r.node, "type") {
            return self.simple_by_qname(r, t);
        }
        let inner = self.docs[d]
            .doc
            .children(r.node)
            .find(|&c| self.doc(d).name(c) == "simpleType");
        match inner {
            Some(c) => self.simple_type(NodeRef { doc: d, node: c }),
            None => Ok(self.builtin(Builtin::AnySimpleType)),
        }
    }

    pub(super) fn global_attribute(&mut self, r: NodeRef) -> Result<AttrDecl, String> {
        let ty = self.attribute_type(r)?;
        let fixed = self.docs[r.doc]
            .doc
            .attr(r.node, "fixed")
            .map(str::to_string);
        Ok(AttrDecl { ty, fixed })
    }

    pub(super) fn attr_group(&mut self, r: NodeRef) -> Result<Attrs, String> {
        if let Some(a) = self.attr_group_done.get(&r) {
            return Ok(a.clone());
        }
        if self.attr_group_busy.contains(&r) {
            return Err("circular attribute group".into());
        }
        self.attr_group_busy.push(r);
        let a = self.attributes_of(r)?;
        self.attr_group_busy.pop();
        self.attr_group_done.insert(r, a.clone());
        Ok(a)
    }

    /// The attribute uses and wildcard declared by the children of `r`.
    pub(super) fn attributes_of(&mut self, r: NodeRef) -> Result<Attrs, String> {
        let d = r.doc;
        let mut out = Attrs::default();
        let mut wildcards: Vec<Wildcard> = Vec::new();
        for c in self.doc(d).children(r.node).collect::<Vec<_>>() {
            let cr = NodeRef { doc: d, node: c };
            match self.doc(d).name(c) {
                "attribute" => {
                    if let Some(u) = self.attribute_use(cr)? {
                        merge_use(&mut out.uses, u);
                    }
                }
                "attributeGroup" => {
                    let q = self.docs[d]
                        .doc
                        .attr(c, "ref")
                        .ok_or("attributeGroup without ref")?
                        .to_string();
                    let (ns, local) = self.doc(d).qname(c, &q)?;
                    let node = *self
                        .globals
                        .attr_groups
                        .get(&(ns, local))
                        .ok_or_else(|| format!("unknown attribute group {{{ns}}}{local}"))?;
                    let g = self.attr_group(node)?;
                    for u in g.uses {
                        merge_use(&mut out.uses, u);
                    }
                    if let Some(w) = g.wildcard {
                        wildcards.push(w);
                    }
                }
                "anyAttribute" => wildcards.push(self.wildcard(cr)?),
                _ => {}
            }
        }
        // The complete wildcard is the intersection of the wildcards found.
        let mut it = wildcards.into_iter();
        if let Some(first) = it.next() {
            let mut w = first;
            for o in it {
                w = intersect(&w, &o)?;
            }
            out.wildcard = Some(w);
        }
        Ok(out)
    }
}

pub(super) fn merge_use(uses: &mut Vec<AttrUse>, u: AttrUse) {
    if !uses.iter().any(|x| x.name == u.name) {
        uses.push(u);
    }
}

pub(super) fn merge_use_override(uses: &mut Vec<AttrUse>, u: AttrUse) {
    match uses.iter_mut().find(|x| x.name == u.name) {
        Some(x) => *x = u,
        None => uses.push(u),
    }
}

pub(super) fn extend_attrs(base: Attrs, own: Attrs) -> Result<Attrs, String> {
    let mut uses = base.uses;
    for u in own.uses {
        merge_use(&mut uses, u);
    }
    let wildcard = match (base.wildcard, own.wildcard) {
        (None, w) | (w, None) => w,
        (Some(a), Some(b)) => Some(union(&a, &b)),
    };
    Ok(Attrs { uses, wildcard })
}

pub(super) fn intersect(a: &Wildcard, b: &Wildcard) -> Result<Wildcard, String> {
    use NsConstraint::*;
    let ns = match (&a.ns, &b.ns) {
        (Any, x) | (x, Any) => x.clone(),
        (Not(x), Not(y)) if x == y => Not(*x),
        (Set(s), Not(t)) | (Not(t), Set(s)) => Set(s
            .iter()
            .copied()
            .filter(|n| n != t && *n != NS_NONE)
            .collect()),
        (Set(s), Set(t)) => Set(s.iter().copied().filter(|n| t.contains(n)).collect()),
        _ => return Err("unsupported attribute wildcard intersection".into()),
    };
    Ok(Wildcard {
        ns,
        process: a.process,
    })
}

pub(super) fn union(a: &Wildcard, b: &Wildcard) -> Wildcard {
    use NsConstraint::*;
    let ns = match (&a.ns, &b.ns) {
        (Any, _) | (_, Any) => Any,
        (Not(x), Not(y)) if x == y => Not(*x),
        (Set(s), Set(t)) => {
            let mut v = s.clone();
            v.extend(t.iter().copied().filter(|n| !s.contains(n)));
            Set(v)
        }
        (Not(x), Set(_)) | (Set(_), Not(x)) => Not(*x),
        _ => Any,
    };
    // The derived type's own processContents wins.
    Wildcard {
        ns,
        process: b.process,
    }
}
