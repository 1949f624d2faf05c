//! Element and type checks: a start tag's name and attributes resolved, the
//! parent's content model stepped, the element's type chosen (declaration,
//! wildcard, `xsi:type`, `xsi:nil`), its attributes checked against the
//! type's attribute uses and wildcard, and at the end tag its content.

use super::*;

impl<'a> Validator<'_, 'a> {
    pub(super) fn start_tag(&mut self, off: usize, len: usize, empty: bool) -> Res {
        let start = off.saturating_sub(1);
        // An empty-element tag: quick-xml strips the '/'; the content ends before it.
        let content: &'a str = self.slice(off, off + len);
        let b = content.as_bytes();
        let name_end = b.iter().position(|&c| is_ws(c)).unwrap_or(b.len());
        let qname = &content[..name_end];
        let colon = match qname_check(qname) {
            Ok(c) => c,
            Err(false) => return self.fatal(start, format!("invalid element name '{qname}'")),
            Err(true) => {
                return self.fatal(
                    start,
                    format!("element name '{qname}' is not a valid QName"),
                )
            }
        };
        match self.phase {
            Phase::Prolog => self.phase = Phase::Root,
            Phase::Root => {}
            Phase::Epilog => return self.fatal(start, "extra content after the root element"),
        }
        self.seen_markup = true;
        if self.stack.len() >= self.limits.max_depth {
            let message = self.limits.too_deep(qname);
            return self.limit(start, message);
        }
        let ns_mark = self.bindings.len();
        self.parse_attrs(off, content, name_end)?;
        if !self.attrs.is_empty() {
            self.declare_namespaces()?;
        }
        // Element namespace.
        let (prefix, local) = if colon == 0 {
            ("", qname)
        } else {
            (&qname[..colon], &qname[colon + 1..])
        };
        let (ens, ebind) = match self.lookup_prefix(prefix) {
            Some(x) => x,
            None if prefix.is_empty() => (NS_NONE, usize::MAX),
            None => {
                self.fatal(
                    start,
                    format!("namespace prefix '{prefix}' of element '{qname}' is not declared"),
                )?;
                (NS_NONE, usize::MAX)
            }
        };
        // Attribute namespaces and expanded-name duplicates.
        let mut prefixed = 0;
        for i in 0..self.attrs.len() {
            let p = self.attrs[i].prefix();
            if p.is_empty() {
                continue;
            }
            prefixed += 1;
            match self.lookup_prefix(p) {
                Some((ns, bi)) => {
                    self.attrs[i].ns = ns;
                    self.attrs[i].binding = bi;
                }
                None => {
                    let (pos, q) = (self.attrs[i].pos, self.attrs[i].qname);
                    self.fatal(
                        pos,
                        format!("namespace prefix '{p}' of attribute '{q}' is not declared"),
                    )?;
                }
            }
        }
        if prefixed > 16 {
            // Many prefixed attributes: a set of expanded names.
            let mut seen: FxHashSet<(&str, &str)> = FxHashSet::default();
            for i in 0..self.attrs.len() {
                let a = &self.attrs[i];
                if a.colon > 0 && !seen.insert((self.ns_uri(a.ns, a.binding), a.local())) {
                    let (pos, q) = (a.pos, a.qname);
                    return self.fatal(
                        pos,
                        format!("attribute '{q}' is repeated (same namespace and name)"),
                    );
                }
            }
        } else if prefixed > 1 {
            for i in 0..self.attrs.len() {
                for j in 0..i {
                    let (a, b) = (&self.attrs[i], &self.attrs[j]);
                    if a.colon > 0 && b.colon > 0 && a.local() == b.local() && a.ns == b.ns {
                        let same = a.ns != NS_FOREIGN
                            || self.ns_uri(a.ns, a.binding) == self.ns_uri(b.ns, b.binding);
                        if same {
                            let (pos, q) = (a.pos, a.qname);
                            self.fatal(
                                pos,
                                format!("attribute '{q}' is repeated (same namespace and name)"),
                            )?;
                        }
                    }
                }
            }
        }
        // xml:id is registered by the parser, whatever the schema says.
        for i in 0..self.attrs.len() {
            if self.attrs[i].ns == NS_XML && self.attrs[i].local() == "id" {
                let v = self.attrs[i].value.clone();
                let pos = self.attrs[i].pos;
                if !v.is_empty() {
                    if !libxml_valid_ncname(&v, true) {
                        self.report(pos, format!("xml:id '{v}' is not an NCName"))?;
                    }
                    if !self.ids.insert(v.clone()) {
                        self.report(pos, format!("ID '{v}' is already defined"))?;
                    }
                }
            }
        }
        self.open_element(start, qname, local, ens, ebind, ns_mark)?;
        if empty {
            self.close_element(start)?;
        }
        Ok(())
    }

    /// Decides how to validate the element and opens its frame.
    pub(super) fn open_element(
        &mut self,
        start: usize,
        qname: &'a str,
        local: &'a str,
        ns: u16,
        ebind: usize,
        ns_mark: usize,
    ) -> Res {
        let scope_mark = self.scopes.len();
        let text_start = self.text_buf.len();
        let mut frame = Frame {
            qname,
            start,
            ns_mark,
            scope_mark,
            mode: Mode::Skip,
            ty: TypeRef::Complex(ANY_TYPE),
            content: Content::Mixed,
            any_type: true,
            state: 0,
            skip_children: true,
            bad_content: false,
            nilled: false,
            text_error: false,
            text_start,
            has_content: false,
        };
        let name_id = if ns == NS_FOREIGN {
            None
        } else {
            self.m
                .elem_index
                .get(ns as usize)
                .and_then(|m| m.get(local.as_bytes()))
        };
        let global = name_id.and_then(|n| self.m.global_elem[n as usize]);
        // Returns the declaration or the type to validate with.
        enum Target {
            Decl(u32),
            Type(TypeRef),
            Skip,
        }
        let target = match self.stack.last_mut() {
            None => {
                match global {
                    Some(d) => Target::Decl(d),
                    None => {
                        let what = self.describe_name(qname, ns, ebind);
                        self.report(start, format!("element {what}: no matching global declaration for the root element"))?;
                        Target::Skip
                    }
                }
            }
            Some(parent) => {
                parent.has_content = true;
                if parent.mode == Mode::Skip || parent.skip_children {
                    Target::Skip
                } else if parent.any_type {
                    match global {
                        Some(d) => Target::Decl(d),
                        None => match self.xsi_type(None)? {
                            Ok(Some(t)) => Target::Type(t),
                            Ok(None) => Target::Type(TypeRef::Complex(ANY_TYPE)),
                            Err(()) => Target::Skip,
                        },
                    }
                } else {
                    match parent.content {
                        Content::Empty | Content::Simple(_) => {
                            parent.bad_content = true;
                            parent.skip_children = true;
                            let pq = parent.qname;
                            let why = if parent.content == Content::Empty {
                                "empty"
                            } else {
                                "simple"
                            };
                            self.report(
                                start,
                                format!("element '{qname}' is not allowed: the content of '{pq}' is {why}"),
                            )?;
                            Target::Skip
                        }
                        Content::Elements | Content::Mixed => {
                            let state = parent.state;
                            let step = match name_id {
                                Some(n) => self.m.automata.step(state, n),
                                None => Step::None,
                            };
                            match step {
                                Step::Elem(next, decl) => {
                                    if let Some(p) = self.stack.last_mut() {
                                        p.state = next;
                                    }
                                    Target::Decl(decl)
                                }
                                Step::None => {
                                    let wild = self
                                        .m
                                        .automata
                                        .wildcards(state)
                                        .iter()
                                        .find(|(w, _)| self.m.wildcards[*w as usize].ns.allows(ns))
                                        .copied();
                                    match wild {
                                        Some((w, next)) => {
                                            if let Some(p) = self.stack.last_mut() {
                                                p.state = next;
                                            }
                                            match self.m.wildcards[w as usize].process {
                                                Process::Skip => Target::Skip,
                                                process => match global {
                                                    Some(d) => Target::Decl(d),
                                                    None if process == Process::Strict => {
                                                        self.report(start, format!("element '{qname}': no global declaration, but the wildcard is strict"))?;
                                                        Target::Skip
                                                    }
                                                    None => match self.xsi_type(None)? {
                                                        Ok(Some(t)) => Target::Type(t),
                                                        Ok(None) => {
                                                            Target::Type(TypeRef::Complex(ANY_TYPE))
                                                        }
                                                        Err(()) => Target::Skip,
                                                    },
                                                },
                                            }
                                        }
                                        None => {
                                            let msg = self.unexpected(qname, ns, ebind, state);
                                            if let Some(p) = self.stack.last_mut() {
                                                p.bad_content = true;
                                                p.skip_children = true;
                                            }
                                            self.report(start, msg)?;
                                            Target::Skip
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        };
        match target {
            Target::Skip => {}
            Target::Decl(d) => {
                let decl = &self.m.elements[d as usize];
                if decl.abstract_ {
                    self.report(
                        start,
                        format!("element '{qname}': its declaration is abstract"),
                    )?;
                } else {
                    let mut ty = decl.ty;
                    let mut nilled = false;
                    // xsi:nil
                    if let Some(i) = self
                        .attrs
                        .iter()
                        .position(|a| a.ns == NS_XSI && a.local() == "nil")
                    {
                        let (v, pos) = (self.attrs[i].value.clone(), self.attrs[i].pos);
                        if !self.m.simple.check(self.m.boolean, &v, false) {
                            self.report(pos, format!("attribute 'xsi:nil' of '{qname}': '{v}' is not a valid xsd:boolean"))?;
                        } else if !decl.nillable {
                            self.report(
                                pos,
                                format!("element '{qname}': it is not nillable (xsi:nil)"),
                            )?;
                        } else {
                            nilled = matches!(collapse(&v).as_ref(), "true" | "1");
                        }
                    }
                    // xsi:type
                    if let Ok(Some(t)) = self.xsi_type(Some(ty))? {
                        ty = t;
                    }
                    self.typed_frame(&mut frame, ty, start)?;
                    frame.nilled = nilled;
                    // Identity-constraint scopes of this element (after its own fields are counted).
                    self.collect_fields(start, qname)?;
                    let m = self.m;
                    for &idc in &m.elements[d as usize].idcs {
                        let c = &m.idcs[idc as usize];
                        self.scopes.push(Scope {
                            idc,
                            field: c.field,
                            key: c.key,
                            values: FxHashSet::default(),
                        });
                    }
                    frame.scope_mark = scope_mark;
                }
            }
            Target::Type(t) => {
                self.typed_frame(&mut frame, t, start)?;
                self.collect_fields(start, qname)?;
            }
        }
        self.stack.push(frame);
        Ok(())
    }

    /// Fills a frame for validation with type `ty` and validates the attributes.
    pub(super) fn typed_frame(&mut self, frame: &mut Frame<'a>, ty: TypeRef, start: usize) -> Res {
        frame.mode = Mode::Validate;
        frame.ty = ty;
        frame.skip_children = false;
        self.fields.clear();
        match ty {
            TypeRef::Complex(c) => {
                let t = &self.m.types[c as usize];
                frame.content = t.content;
                frame.any_type = t.any_type;
                frame.state = t.automaton;
                self.attributes(c, frame.qname, start)
            }
            TypeRef::Simple(s) => {
                frame.content = Content::Simple(s);
                frame.any_type = false;
                // Only the xsi: attributes are allowed.
                for i in 0..self.attrs.len() {
                    let a = &self.attrs[i];
                    if !is_meta(a) {
                        let (pos, q, fq) = (a.pos, a.qname, frame.qname);
                        self.report(
                            pos,
                            format!(
                                "attribute '{q}' is not allowed on '{fq}' (it has a simple type)"
                            ),
                        )?;
                    }
                }
                Ok(())
            }
        }
    }

    /// Handles `xsi:type`: `Ok(Ok(Some(type)))` to use, `Ok(Ok(None))` if absent
    /// or rejected for a declared element, `Ok(Err(()))` if it fails for an
    /// element without declaration.
    pub(super) fn xsi_type(
        &mut self,
        declared: Option<TypeRef>,
    ) -> Result<Result<Option<TypeRef>, ()>, Stop> {
        let Some(i) = self
            .attrs
            .iter()
            .position(|a| a.ns == NS_XSI && a.local() == "type")
        else {
            return Ok(Ok(None));
        };
        let (v, pos) = (self.attrs[i].value.clone(), self.attrs[i].pos);
        let resolved = {
            let (p, l) = match v.split_once(':') {
                Some((p, l)) => (p, l),
                None => ("", v.as_ref()),
            };
            let qname_ok =
                (p.is_empty() || libxml_valid_ncname(p, false)) && libxml_valid_ncname(l, false);
            if !qname_ok {
                None
            } else {
                let ns = match self.lookup_prefix(p) {
                    Some((ns, _)) => Some(ns),
                    None if p.is_empty() => Some(NS_NONE),
                    None => None,
                };
                ns.and_then(|ns| self.m.named_types.get(&(ns, l.to_string())).copied())
            }
        };
        let Some(t) = resolved else {
            self.report(
                pos,
                format!("xsi:type '{v}' does not resolve to a type definition"),
            )?;
            return Ok(if declared.is_some() {
                Ok(None)
            } else {
                Err(())
            });
        };
        if let Some(d) = declared {
            if !self.derived_ok(t, d) {
                self.report(
                    pos,
                    format!("xsi:type '{v}' is not validly derived from the declared type"),
                )?;
                return Ok(Ok(None));
            }
        }
        Ok(Ok(Some(t)))
    }

    pub(super) fn derived_ok(&self, t: TypeRef, base: TypeRef) -> bool {
        if t == base || base == TypeRef::Complex(ANY_TYPE) {
            return true;
        }
        let mut cur = t;
        for _ in 0..1000 {
            let next = match cur {
                TypeRef::Complex(c) => self.m.types[c as usize].base.map(|(b, _)| b),
                TypeRef::Simple(s) => self.m.simple.get(s).base.map(TypeRef::Simple),
            };
            match next {
                Some(n) if n == base => return true,
                Some(n) => cur = n,
                None => return false,
            }
        }
        false
    }

    /// Validates the attributes of the current start tag against complex type `c`.
    pub(super) fn attributes(&mut self, c: u32, qname: &'a str, start: usize) -> Res {
        let m = self.m;
        let t = &m.types[c as usize];
        self.fields.clear();
        let mut seen = 0u64;
        for i in 0..self.attrs.len() {
            let a = &self.attrs[i];
            if is_meta(a) {
                continue;
            }
            let ns = a.ns;
            let local = a.local();
            let id = if ns == NS_FOREIGN {
                None
            } else {
                m.attr_index
                    .get(ns as usize)
                    .and_then(|x| x.get(local.as_bytes()))
            };
            let slot = id.map_or(u8::MAX, |id| t.attr_slot[id as usize]);
            if slot != u8::MAX {
                let u = &t.attrs[slot as usize];
                seen |= 1 << slot;
                let field = self.is_field[u.name as usize];
                let fixed = u.fixed.as_deref();
                self.attribute_value(i, u.name, u.ty, field, fixed, qname)?;
                continue;
            }
            match &t.wildcard {
                Some(w) if w.ns.allows(ns) => {
                    if w.process == Process::Skip {
                        continue;
                    }
                    match id.and_then(|id| m.global_attr[id as usize].as_ref().map(|d| (id, d))) {
                        Some((id, decl)) => {
                            let field = self.is_field[id as usize];
                            let fixed = decl.fixed.as_deref();
                            self.attribute_value(i, id, decl.ty, field, fixed, qname)?;
                        }
                        None if w.process == Process::Strict => {
                            let (pos, q) = (a.pos, a.qname);
                            self.report(pos, format!("attribute '{q}' of '{qname}': no global declaration, but the wildcard is strict"))?;
                        }
                        None => {}
                    }
                }
                _ => {
                    let (pos, q) = (a.pos, a.qname);
                    self.report(pos, format!("attribute '{q}' is not allowed on '{qname}'"))?;
                }
            }
        }
        let missing = t.required & !seen;
        if missing != 0 {
            for (i, u) in t.attrs.iter().enumerate() {
                if missing & (1 << i) != 0 {
                    let (ns, name) = &m.attr_names[u.name as usize];
                    let name = if *ns == NS_XML {
                        format!("xml:{name}")
                    } else {
                        name.clone()
                    };
                    self.report(
                        start,
                        format!("element '{qname}': the required attribute '{name}' is missing"),
                    )?;
                }
            }
        }
        Ok(())
    }

    pub(super) fn attribute_value(
        &mut self,
        i: usize,
        name: u16,
        ty: SimpleId,
        field: bool,
        fixed: Option<&str>,
        qname: &'a str,
    ) -> Res {
        let a = &self.attrs[i];
        let value = a.value.clone();
        let pos = a.pos;
        let aq = a.qname;
        if !self.m.simple.check(ty, &value, field || fixed.is_some()) {
            let why = self.describe_failure(ty, &value);
            return self.report(pos, format!("attribute '{aq}' of '{qname}': {why}"));
        }
        if let Some(f) = fixed {
            let ws = self.m.simple.get(ty).ws;
            if normalize(&value, ws) != normalize(f, ws) {
                return self.report(pos, format!("attribute '{aq}' of '{qname}': '{value}' differs from the fixed value '{f}'"));
            }
        }
        // xs:ID values other than xml:id (which the parser registered) join the ID table.
        if self.m.simple.is_id(ty) && !(a.ns == NS_XML && a.local() == "id") {
            let key = Cow::Owned(
                value
                    .trim_matches(|c: char| c.is_ascii() && is_ws(c as u8))
                    .to_string(),
            );
            if !self.ids.insert(key) {
                return self.report(
                    pos,
                    format!("attribute '{aq}' of '{qname}': ID '{value}' is already defined"),
                );
            }
        }
        if field {
            let ws = self.m.simple.get(ty).ws;
            let v = match value {
                Cow::Borrowed(s) => normalize(s, ws),
                Cow::Owned(s) => Cow::Owned(normalize(&s, ws).into_owned()),
            };
            self.fields.push((name, v));
        }
        Ok(())
    }

    pub(super) fn close_element(&mut self, pos: usize) -> Res {
        let Some(f) = self.stack.pop() else {
            return Ok(());
        };
        let result = self.end_checks(&f, pos);
        self.scopes.truncate(f.scope_mark);
        if self.bindings.len() > f.ns_mark {
            let had_default = self.bindings[f.ns_mark..]
                .iter()
                .any(|b| b.prefix.is_empty());
            self.bindings.truncate(f.ns_mark);
            if had_default {
                self.refresh_default();
            }
        }
        self.text_buf.truncate(f.text_start);
        if self.stack.is_empty() {
            self.phase = Phase::Epilog;
        }
        result
    }

    pub(super) fn end_checks(&mut self, f: &Frame<'a>, pos: usize) -> Res {
        if f.mode == Mode::Skip || f.bad_content {
            return Ok(());
        }
        if f.nilled {
            if f.has_content {
                return self.report(
                    pos,
                    format!("element '{}': it is nilled but has content", f.qname),
                );
            }
            return Ok(());
        }
        match f.content {
            Content::Elements | Content::Mixed if !f.any_type => {
                if !self.m.automata.accepting[f.state as usize] {
                    let exp = self.expected_list(f.state);
                    return self.report(
                        pos,
                        format!(
                            "element '{}': missing child element(s); expected {exp}",
                            f.qname
                        ),
                    );
                }
                Ok(())
            }
            Content::Simple(st) => {
                if f.skip_children {
                    return Ok(());
                }
                let text = self.text_buf[f.text_start..].to_string();
                if !self.m.simple.check(st, &text, false) {
                    let why = self.describe_failure(st, &text);
                    return self.report(f.start, format!("element '{}': {why}", f.qname));
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    // ---- messages ----
}

/// True for the `xsi:` attributes that validation treats as instructions.
pub(super) fn is_meta(a: &Attr<'_>) -> bool {
    a.ns == NS_XSI
        && matches!(
            a.local(),
            "type" | "nil" | "schemaLocation" | "noNamespaceSchemaLocation"
        )
}
