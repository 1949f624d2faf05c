//! Particles (groups, sequences, choices, wildcards), element declarations
//! with their identity constraints, and complex types.

use super::attributes::{extend_attrs, merge_use_override};
use super::*;

impl<'d> Compiler<'d> {
    pub(super) fn group(&mut self, r: NodeRef) -> Result<Option<Particle>, String> {
        if let Some(p) = self.group_done.get(&r) {
            return Ok(p.clone());
        }
        if self.group_busy.contains(&r) {
            return Err("circular model group".into());
        }
        self.group_busy.push(r);
        let d = r.doc;
        let body = self.docs[d]
            .doc
            .children(r.node)
            .find(|&c| matches!(self.doc(d).name(c), "sequence" | "choice" | "all"));
        let p = match body {
            Some(b) => self.particle(NodeRef { doc: d, node: b })?,
            None => None,
        };
        self.group_busy.pop();
        self.group_done.insert(r, p.clone());
        Ok(p)
    }

    /// The particle of a `sequence`, `choice`, `group`, `element` or `any` node.
    pub(super) fn particle(&mut self, r: NodeRef) -> Result<Option<Particle>, String> {
        let d = r.doc;
        let min = parse_occurs(self.doc(d).attr(r.node, "minOccurs"), 1)?
            .ok_or("minOccurs cannot be unbounded")?;
        let max = parse_occurs(self.doc(d).attr(r.node, "maxOccurs"), 1)?;
        if max.is_some_and(|m| m < min) {
            return Err("maxOccurs is less than minOccurs".into());
        }
        let term = match self.doc(d).name(r.node) {
            "sequence" | "choice" => {
                let seq = self.doc(d).name(r.node) == "sequence";
                let mut parts = Vec::new();
                for c in self.doc(d).children(r.node).collect::<Vec<_>>() {
                    if let Some(p) = self.particle(NodeRef { doc: d, node: c })? {
                        parts.push(p);
                    }
                }
                if seq {
                    Term::Seq(parts.into())
                } else {
                    Term::Choice(parts.into())
                }
            }
            "group" => {
                let q = self.docs[d]
                    .doc
                    .attr(r.node, "ref")
                    .ok_or("group without ref")?
                    .to_string();
                let (ns, local) = self.doc(d).qname(r.node, &q)?;
                let node = *self
                    .globals
                    .groups
                    .get(&(ns, local))
                    .ok_or_else(|| format!("unknown group {{{ns}}}{local}"))?;
                match self.group(node)? {
                    Some(p) => {
                        if min == 1 && max == Some(1) {
                            return Ok(Some(p));
                        }
                        Term::Seq(vec![p].into())
                    }
                    None => return Ok(None),
                }
            }
            "element" => {
                let (name, decl) = self.local_element(r)?;
                Term::Elem { name, decl }
            }
            "any" => {
                let w = self.wildcard(r)?;
                let id = match self.model.wildcards.iter().position(|x| *x == w) {
                    Some(i) => i,
                    None => {
                        self.model.wildcards.push(w);
                        self.model.wildcards.len() - 1
                    }
                };
                Term::Wild(id as u32)
            }
            "all" => return self.unsupported(r, "xsd:all"),
            _ => return Ok(None),
        };
        Ok(Some(Particle::new(min, max, term)))
    }

    /// An element particle: a reference or a local declaration.
    pub(super) fn local_element(&mut self, r: NodeRef) -> Result<(u16, u32), String> {
        let d = r.doc;
        if let Some(q) = self.doc(d).attr(r.node, "ref") {
            let (ns, local) = self.doc(d).qname(r.node, q)?;
            let node = *self
                .globals
                .elements
                .get(&(ns, local))
                .ok_or_else(|| format!("unknown element {{{ns}}}{local}"))?;
            let decl = self.global_elem_decl[&node];
            return Ok((self.model.elements[decl as usize].name, decl));
        }
        let local = self.docs[d]
            .doc
            .attr(r.node, "name")
            .ok_or("element without name or ref")?
            .to_string();
        let qualified = match self.doc(d).attr(r.node, "form") {
            Some("qualified") => true,
            Some(_) => false,
            None => self.docs[d].element_qualified,
        };
        let ns = if qualified {
            self.docs[d].target.clone()
        } else {
            String::new()
        };
        let name = self.elem_name(&ns, &local)?;
        let decl = self.model.elements.len() as u32;
        self.model.elements.push(ElementDecl {
            name,
            ty: TypeRef::Complex(ANY_TYPE),
            nillable: false,
            abstract_: false,
            idcs: Vec::new(),
        });
        self.fill_element(r, decl)?;
        Ok((name, decl))
    }

    /// Resolves the type, flags and identity constraints of an element declaration.
    pub(super) fn fill_element(&mut self, r: NodeRef, decl: u32) -> Result<(), String> {
        let d = r.doc;
        let doc = &self.docs[d].doc;
        for unsupported in ["substitutionGroup", "default", "fixed"] {
            if doc.attr(r.node, unsupported).is_some() {
                return self.unsupported(r, &format!("element attribute '{unsupported}'"));
            }
        }
        let nillable = doc
            .attr(r.node, "nillable")
            .is_some_and(|v| matches!(v.trim(), "true" | "1"));
        let abstract_ = doc
            .attr(r.node, "abstract")
            .is_some_and(|v| matches!(v.trim(), "true" | "1"));
        let ty = if let Some(t) = doc.attr(r.node, "type") {
            self.type_by_qname(r, t)?
        } else {
            let inner = doc
                .children(r.node)
                .find(|&c| matches!(doc.name(c), "complexType" | "simpleType"));
            match inner {
                Some(c) if self.doc(d).name(c) == "complexType" => {
                    TypeRef::Complex(self.complex_type(NodeRef { doc: d, node: c })?)
                }
                Some(c) => TypeRef::Simple(self.simple_type(NodeRef { doc: d, node: c })?),
                None => TypeRef::Complex(ANY_TYPE),
            }
        };
        let mut idcs = Vec::new();
        for c in self.doc(d).children(r.node).collect::<Vec<_>>() {
            let kind = self.doc(d).name(c).to_string();
            match kind.as_str() {
                "unique" | "key" => {
                    idcs.push(self.idc(NodeRef { doc: d, node: c }, kind == "key")?)
                }
                "keyref" => return self.unsupported(r, "xsd:keyref"),
                _ => {}
            }
        }
        let e = &mut self.model.elements[decl as usize];
        e.ty = ty;
        e.nillable = nillable;
        e.abstract_ = abstract_;
        e.idcs = idcs;
        Ok(())
    }

    pub(super) fn idc(&mut self, r: NodeRef, key: bool) -> Result<u16, String> {
        let d = r.doc;
        let name = self.docs[d]
            .doc
            .attr(r.node, "name")
            .unwrap_or("")
            .to_string();
        if let Some(&id) = self.idc_names.get(&name) {
            return Ok(id);
        }
        let mut selector = None;
        let mut fields = Vec::new();
        for c in self.doc(d).children(r.node) {
            let xpath = self.docs[d]
                .doc
                .attr(c, "xpath")
                .unwrap_or("")
                .trim()
                .to_string();
            match self.doc(d).name(c) {
                "selector" => selector = Some(xpath),
                "field" => fields.push(xpath),
                _ => {}
            }
        }
        if selector.as_deref() != Some(".//*") {
            return self.unsupported(
                r,
                &format!("identity-constraint selector {selector:?} (only './/*')"),
            );
        }
        let field = match fields.as_slice() {
            [f] => match f.strip_prefix('@') {
                Some(a) if !a.contains([':', '/', '*', '|']) => self.attr_name("", a)?,
                _ => {
                    return self.unsupported(
                        r,
                        &format!("identity-constraint field '{f}' (only '@name')"),
                    )
                }
            },
            _ => return self.unsupported(r, "identity constraint without exactly one field"),
        };
        let id = self.model.idcs.len() as u16;
        self.model.idcs.push(Idc {
            name: name.clone(),
            key,
            field,
        });
        self.idc_names.insert(name, id);
        Ok(id)
    }

    pub(super) fn type_by_qname(&mut self, r: NodeRef, q: &str) -> Result<TypeRef, String> {
        let (ns, local) = self.doc(r.doc).qname(r.node, q)?;
        if ns == XSD_NS {
            if local == "anyType" {
                return Ok(TypeRef::Complex(ANY_TYPE));
            }
            let b = Builtin::from_name(local)
                .ok_or_else(|| format!("unsupported built-in type xs:{local}"))?;
            return Ok(TypeRef::Simple(self.builtin(b)));
        }
        if let Some(&node) = self.globals.complex.get(&(ns, local)) {
            return Ok(TypeRef::Complex(self.complex_type(node)?));
        }
        if let Some(&node) = self.globals.simple.get(&(ns, local)) {
            return Ok(TypeRef::Simple(self.simple_type(node)?));
        }
        Err(format!("unknown type {{{ns}}}{local}"))
    }

    // ---- complex types ----

    pub(super) fn complex_type(&mut self, r: NodeRef) -> Result<u32, String> {
        if let Some(&id) = self.complex_done.get(&r) {
            return Ok(id);
        }
        if self.complex_busy.contains(&r) {
            return Err("circular complex type derivation".into());
        }
        self.complex_busy.push(r);
        let t = self.complex_type_inner(r)?;
        self.complex_busy.pop();
        let id = self.model.types.len() as u32;
        self.model.types.push(t);
        self.complex_done.insert(r, id);
        Ok(id)
    }

    pub(super) fn complex_type_inner(&mut self, r: NodeRef) -> Result<ComplexType, String> {
        let d = r.doc;
        let name = self.docs[d]
            .doc
            .attr(r.node, "name")
            .map_or_else(|| "local complex type".to_string(), str::to_string);
        let truthy = |v: Option<&str>| v.is_some_and(|v| matches!(v.trim(), "true" | "1"));
        let mut mixed = truthy(self.doc(d).attr(r.node, "mixed"));
        let children: Vec<usize> = self.doc(d).children(r.node).collect();
        let derivation = children
            .iter()
            .copied()
            .find(|&c| matches!(self.doc(d).name(c), "complexContent" | "simpleContent"));
        let Some(cc) = derivation else {
            // Restriction of anyType, shorthand form.
            let particle = self.model_particle(r)?;
            let attrs = self.attributes_of(r)?;
            return self.finish(
                name,
                mixed,
                particle,
                attrs,
                Some((TypeRef::Complex(ANY_TYPE), false)),
                None,
            );
        };
        let simple_content = self.doc(d).name(cc) == "simpleContent";
        if let Some(m) = self.doc(d).attr(cc, "mixed") {
            mixed = matches!(m.trim(), "true" | "1");
        }
        let der = self.docs[d]
            .doc
            .children(cc)
            .find(|&c| matches!(self.doc(d).name(c), "extension" | "restriction"))
            .ok_or("complexContent without extension or restriction")?;
        let der_ref = NodeRef { doc: d, node: der };
        let extension = self.doc(d).name(der) == "extension";
        let base_q = self.docs[d]
            .doc
            .attr(der, "base")
            .ok_or("derivation without base")?
            .to_string();
        let base = self.type_by_qname(der_ref, &base_q)?;
        let own_attrs = self.attributes_of(der_ref)?;
        if simple_content {
            if !extension {
                return self.unsupported(der_ref, "simpleContent restriction");
            }
            let (st, base_attrs) = match base {
                TypeRef::Simple(s) => (s, Attrs::default()),
                TypeRef::Complex(c) => {
                    let bt = &self.model.types[c as usize];
                    match bt.content {
                        Content::Simple(s) => (
                            s,
                            Attrs {
                                uses: bt.attrs.clone(),
                                wildcard: bt.wildcard.clone(),
                            },
                        ),
                        _ => {
                            return Err(
                                "simpleContent extension of a type without simple content".into()
                            )
                        }
                    }
                }
            };
            let attrs = extend_attrs(base_attrs, own_attrs)?;
            return self.finish(name, false, None, attrs, Some((base, true)), Some(st));
        }
        let TypeRef::Complex(base_id) = base else {
            return Err("complexContent derivation from a simple type".into());
        };
        let own_particle = self.model_particle(der_ref)?;
        let bt = self.model.types[base_id as usize].clone();
        if extension {
            if bt.any_type {
                return self.unsupported(der_ref, "extension of xs:anyType");
            }
            let base_particle = bt.particle.clone();
            let particle = match (base_particle, own_particle) {
                (None, p) => p,
                (b, None) => b,
                (Some(b), Some(o)) => Some(Particle::new(1, Some(1), Term::Seq(vec![b, o].into()))),
            };
            // An extension that adds no content keeps the base content type.
            let mixed = if bt.content == Content::Mixed {
                true
            } else {
                mixed
            };
            let attrs = extend_attrs(
                Attrs {
                    uses: bt.attrs.clone(),
                    wildcard: bt.wildcard.clone(),
                },
                own_attrs,
            )?;
            self.finish(name, mixed, particle, attrs, Some((base, true)), None)
        } else {
            // Restriction: own particle; attribute uses of the base unless redeclared.
            let mut uses = bt.attrs.clone();
            for u in own_attrs.uses {
                merge_use_override(&mut uses, u);
            }
            let attrs = Attrs {
                uses,
                wildcard: own_attrs.wildcard,
            };
            self.finish(name, mixed, own_particle, attrs, Some((base, false)), None)
        }
    }

    /// The particle among the children of a complexType/extension/restriction.
    pub(super) fn model_particle(&mut self, r: NodeRef) -> Result<Option<Particle>, String> {
        let d = r.doc;
        let child = self
            .doc(d)
            .children(r.node)
            .find(|&c| matches!(self.doc(d).name(c), "sequence" | "choice" | "group" | "all"));
        let p = match child {
            Some(c) => self.particle(NodeRef { doc: d, node: c })?,
            None => None,
        };
        Ok(p.filter(|p| !p.is_empty()))
    }

    pub(super) fn finish(
        &mut self,
        name: String,
        mixed: bool,
        particle: Option<Particle>,
        attrs: Attrs,
        base: Option<(TypeRef, bool)>,
        simple: Option<SimpleId>,
    ) -> Result<ComplexType, String> {
        let content = match simple {
            Some(s) => Content::Simple(s),
            None if mixed => Content::Mixed,
            None if particle.is_none() => Content::Empty,
            None => Content::Elements,
        };
        if attrs.uses.len() > 64 {
            return Err(format!("type {name} has more than 64 attribute uses"));
        }
        let mut required = 0u64;
        for (i, u) in attrs.uses.iter().enumerate() {
            if u.required {
                required |= 1 << i;
            }
        }
        Ok(ComplexType {
            name,
            content,
            automaton: 0,
            attrs: attrs.uses,
            attr_slot: Vec::new(),
            required,
            wildcard: attrs.wildcard,
            base,
            any_type: false,
            particle,
        })
    }
}
