//! Compiling the XSD documents into the validation model.
//!
//! The schema text is parsed with quick-xml into a small tree (annotations
//! dropped), its top-level components are indexed by qualified name, and
//! every global element, complex type, group and attribute group is resolved
//! into flat, index-based structures: element and attribute names are
//! interned to small integers, attribute uses of a type are flattened (group
//! references expanded, extension merged), simple types carry their facets
//! accumulated along the derivation chain, and each complex type gets a
//! compiled content automaton (see [`super::content`]).
//!
//! Supported XSD constructs: `element` (global, local, `ref`, `type`,
//! anonymous types, `nillable`, `abstract`), `complexType` (with `mixed`),
//! `complexContent` `extension` and `restriction`, `simpleContent`
//! `extension`, `sequence`, `choice`, `group` (definition and reference),
//! `any`, `attribute` (global, local, `ref`, `use`, `default`, `fixed`,
//! `form`), `attributeGroup`, `anyAttribute`, `simpleType` with `restriction`
//! (facets `enumeration`, `pattern`, `whiteSpace`), `list`, `union`,
//! `import` of the XML namespace schema, and `unique`/`key` identity
//! constraints whose selector is `.//*` and whose single field is an
//! attribute `@name`. Anything else (`all`, substitution groups, `keyref`,
//! other facets, other XPaths, `include`, `redefine`) makes compilation fail
//! with a message naming it.

use std::borrow::Cow;
use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::content::{Automata, Particle, Term};
use super::hash::{FxHashMap, NameMap};
use super::regex::Regex;
use super::simple::{Builtin, SimpleId, SimpleType, SimpleTypes, Variety, Ws};

/// The XML Schema namespace.
pub(super) const XSD_NS: &str = "http://www.w3.org/2001/XMLSchema";
/// The XML namespace (`xml:` prefix).
pub(super) const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";
/// The XML Schema instance namespace (`xsi:` attributes).
pub(super) const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";
/// The namespace of namespace declarations.
pub(super) const XMLNS_NS: &str = "http://www.w3.org/2000/xmlns/";

/// Namespace id of "no namespace".
pub(super) const NS_NONE: u16 = 0;
/// Namespace id of the XML namespace.
pub(super) const NS_XML: u16 = 1;
/// Namespace id of the XML Schema instance namespace.
pub(super) const NS_XSI: u16 = 2;
/// Namespace id for a namespace the schema does not know.
pub(super) const NS_FOREIGN: u16 = u16::MAX;

/// A type: complex (index into [`Model::types`]) or simple.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TypeRef {
    Complex(u32),
    Simple(SimpleId),
}

/// The content type of a complex type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Content {
    /// No character or element children at all.
    Empty,
    /// Elements, and white space between them.
    Elements,
    /// Elements and any text.
    Mixed,
    /// Text of a simple type, no elements.
    Simple(SimpleId),
}

/// Namespaces a wildcard allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum NsConstraint {
    /// `##any`.
    Any,
    /// `##other`: neither this namespace nor "no namespace".
    Not(u16),
    /// An explicit list (`NS_NONE` for `##local`).
    Set(Vec<u16>),
}

impl NsConstraint {
    /// True if a name in namespace `ns` is allowed (`NS_FOREIGN` for unknown ones).
    #[inline]
    pub(super) fn allows(&self, ns: u16) -> bool {
        match self {
            NsConstraint::Any => true,
            NsConstraint::Not(t) => ns != *t && ns != NS_NONE,
            NsConstraint::Set(v) => ns != NS_FOREIGN && v.contains(&ns),
        }
    }
}

/// `processContents` of a wildcard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Process {
    Strict,
    Lax,
    Skip,
}

/// A wildcard (`any` or `anyAttribute`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Wildcard {
    pub(super) ns: NsConstraint,
    pub(super) process: Process,
}

/// An attribute use of a complex type.
#[derive(Clone, Debug)]
pub(super) struct AttrUse {
    /// Attribute name id.
    pub(super) name: u16,
    pub(super) ty: SimpleId,
    pub(super) required: bool,
    pub(super) fixed: Option<String>,
}

/// A complex type definition, flattened.
#[derive(Clone, Debug)]
pub(super) struct ComplexType {
    /// A name for messages.
    pub(super) name: String,
    pub(super) content: Content,
    /// Start state of the content automaton (`Elements`/`Mixed`).
    pub(super) automaton: u32,
    pub(super) attrs: Vec<AttrUse>,
    /// Attribute name id → index in `attrs`, or `u8::MAX`.
    pub(super) attr_slot: Vec<u8>,
    /// Bit `i` set when `attrs[i]` is required.
    pub(super) required: u64,
    pub(super) wildcard: Option<Wildcard>,
    /// Base type and whether derived by extension (for `xsi:type`).
    pub(super) base: Option<(TypeRef, bool)>,
    /// True for `xs:anyType`.
    pub(super) any_type: bool,
    /// The effective particle, kept until the automata are built.
    particle: Option<Particle>,
}

/// A global or local element declaration.
#[derive(Clone, Debug)]
pub(super) struct ElementDecl {
    /// Element name id.
    pub(super) name: u16,
    pub(super) ty: TypeRef,
    pub(super) nillable: bool,
    pub(super) abstract_: bool,
    /// Identity constraints scoped at this element.
    pub(super) idcs: Vec<u16>,
}

/// An identity constraint (`unique` or `key`) with one attribute field.
#[derive(Clone, Debug)]
pub(super) struct Idc {
    /// Its name (for messages).
    pub(super) name: String,
    /// True for `key` (every selected element must have the field).
    pub(super) key: bool,
    /// The attribute name id of the field.
    pub(super) field: u16,
}

/// A global attribute declaration.
#[derive(Clone, Debug)]
pub(super) struct AttrDecl {
    pub(super) ty: SimpleId,
    pub(super) fixed: Option<String>,
}

/// The compiled schema.
#[derive(Debug)]
pub(super) struct Model {
    /// Namespace id → URI (`""` for none).
    pub(super) namespaces: Vec<String>,
    /// The target namespace of the main schema.
    pub(super) target: u16,
    /// Element name id → (namespace id, local name).
    pub(super) elem_names: Vec<(u16, String)>,
    /// Per namespace id: local name → element name id.
    pub(super) elem_index: Vec<NameMap>,
    /// Element name id → global declaration id.
    pub(super) global_elem: Vec<Option<u32>>,
    pub(super) elements: Vec<ElementDecl>,
    pub(super) types: Vec<ComplexType>,
    pub(super) simple: SimpleTypes,
    /// Attribute name id → (namespace id, local name).
    pub(super) attr_names: Vec<(u16, String)>,
    /// Per namespace id: local name → attribute name id.
    pub(super) attr_index: Vec<NameMap>,
    /// Attribute name id → global declaration.
    pub(super) global_attr: Vec<Option<AttrDecl>>,
    pub(super) wildcards: Vec<Wildcard>,
    pub(super) automata: Automata,
    pub(super) idcs: Vec<Idc>,
    /// Named types by (namespace id, local name), for `xsi:type`.
    pub(super) named_types: HashMap<(u16, String), TypeRef>,
    /// The boolean type (for `xsi:nil`).
    pub(super) boolean: SimpleId,
}

/// Index of `xs:anyType` in [`Model::types`].
pub(super) const ANY_TYPE: u32 = 0;

// ---------------------------------------------------------------------------
// A small tree of the XSD documents, borrowing the schema text.

#[derive(Debug)]
struct XNode<'a> {
    /// Local name if in the XSD namespace, else empty.
    name: &'a str,
    attrs: Vec<(&'a str, Cow<'a, str>)>,
    children: Vec<usize>,
    /// Namespace bindings in scope (index into `XDoc::scopes`).
    scope: usize,
}

#[derive(Debug)]
struct XDoc<'a> {
    nodes: Vec<XNode<'a>>,
    scopes: Vec<Vec<(&'a str, Cow<'a, str>)>>,
    root: usize,
}

/// An element of a schema document as read: (XSD local name, attributes, scope).
type StartParts<'a> = (&'a str, Vec<(&'a str, Cow<'a, str>)>, usize);

impl<'a> XDoc<'a> {
    fn parse(text: &'a str, which: &str) -> Result<XDoc<'a>, String> {
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
    fn within(text: &'a str, bytes: &[u8]) -> Result<&'a str, String> {
        let start = (bytes.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
        text.get(start..start + bytes.len())
            .ok_or_else(|| "schema text is not UTF-8 here".to_string())
    }

    fn start(
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

    fn attr(&self, n: usize, name: &str) -> Option<&str> {
        self.nodes[n]
            .attrs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_ref())
    }

    /// Resolves a QName attribute value to (namespace URI, local name).
    fn qname<'s>(&'s self, n: usize, value: &'s str) -> Result<(&'s str, &'s str), String> {
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

    fn children(&self, n: usize) -> impl Iterator<Item = usize> + '_ {
        self.nodes[n].children.iter().copied()
    }

    fn name(&self, n: usize) -> &'a str {
        self.nodes[n].name
    }
}

// ---------------------------------------------------------------------------
// The compiler.

/// A reference to a node of one of the schema documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct NodeRef {
    doc: usize,
    node: usize,
}

struct SchemaDoc<'a> {
    doc: XDoc<'a>,
    target: String,
    element_qualified: bool,
    attribute_qualified: bool,
}

/// A qualified name in the schema documents: (namespace URI, local name).
type QKey<'d> = (&'d str, &'d str);

#[derive(Default)]
struct Globals<'d> {
    elements: FxHashMap<QKey<'d>, NodeRef>,
    complex: FxHashMap<QKey<'d>, NodeRef>,
    simple: FxHashMap<QKey<'d>, NodeRef>,
    groups: FxHashMap<QKey<'d>, NodeRef>,
    attr_groups: FxHashMap<QKey<'d>, NodeRef>,
    attributes: FxHashMap<QKey<'d>, NodeRef>,
}

/// Flattened attributes of a type or group.
#[derive(Clone, Debug, Default)]
struct Attrs {
    uses: Vec<AttrUse>,
    wildcard: Option<Wildcard>,
}

struct Compiler<'d> {
    docs: &'d [SchemaDoc<'d>],
    globals: Globals<'d>,
    model: Model,
    /// Resolved named complex types.
    complex_done: FxHashMap<NodeRef, u32>,
    complex_busy: Vec<NodeRef>,
    simple_done: FxHashMap<NodeRef, SimpleId>,
    simple_busy: Vec<NodeRef>,
    builtin_ids: FxHashMap<Builtin, SimpleId>,
    group_done: FxHashMap<NodeRef, Option<Particle>>,
    group_busy: Vec<NodeRef>,
    attr_group_done: FxHashMap<NodeRef, Attrs>,
    attr_group_busy: Vec<NodeRef>,
    global_elem_decl: FxHashMap<NodeRef, u32>,
    idc_names: FxHashMap<String, u16>,
}

fn parse_occurs(v: Option<&str>, default: u32) -> Result<Option<u32>, String> {
    match v.map(str::trim) {
        None => Ok(Some(default)),
        Some("unbounded") => Ok(None),
        Some(s) => s
            .parse::<u32>()
            .map(Some)
            .map_err(|_| format!("bad occurrence value '{s}'")),
    }
}

impl<'d> Compiler<'d> {
    /// A schema document (borrowed for the whole compilation, not from `self`).
    fn doc(&self, d: usize) -> &'d XDoc<'d> {
        &self.docs[d].doc
    }

    fn ns_id(&mut self, uri: &str) -> u16 {
        if let Some(i) = self.model.namespaces.iter().position(|u| u == uri) {
            return i as u16;
        }
        self.model.namespaces.push(uri.to_string());
        self.model.elem_index.push(NameMap::default());
        self.model.attr_index.push(NameMap::default());
        (self.model.namespaces.len() - 1) as u16
    }

    fn elem_name(&mut self, ns: &str, local: &str) -> Result<u16, String> {
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

    fn attr_name(&mut self, ns: &str, local: &str) -> Result<u16, String> {
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

    fn builtin(&mut self, b: Builtin) -> SimpleId {
        if let Some(&id) = self.builtin_ids.get(&b) {
            return id;
        }
        let id = self.model.simple.add(SimpleType::builtin(b));
        self.builtin_ids.insert(b, id);
        id
    }

    fn unsupported<T>(&self, r: NodeRef, what: &str) -> Result<T, String> {
        let name = self.doc(r.doc).name(r.node).to_string();
        Err(format!(
            "unsupported XSD construct: {what} (in <xsd:{name}>)"
        ))
    }

    // ---- simple types ----

    fn simple_by_qname(&mut self, r: NodeRef, value: &str) -> Result<SimpleId, String> {
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

    fn simple_type(&mut self, r: NodeRef) -> Result<SimpleId, String> {
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

    fn simple_type_inner(&mut self, r: NodeRef) -> Result<SimpleId, String> {
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
                            .map(|e| super::simple::normalize(&e, ws).into_owned())
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

    // ---- attributes ----

    fn wildcard(&mut self, r: NodeRef) -> Result<Wildcard, String> {
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
    fn attribute_use(&mut self, r: NodeRef) -> Result<Option<AttrUse>, String> {
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

    fn attribute_type(&mut self, r: NodeRef) -> Result<SimpleId, String> {
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

    fn global_attribute(&mut self, r: NodeRef) -> Result<AttrDecl, String> {
        let ty = self.attribute_type(r)?;
        let fixed = self.docs[r.doc]
            .doc
            .attr(r.node, "fixed")
            .map(str::to_string);
        Ok(AttrDecl { ty, fixed })
    }

    fn attr_group(&mut self, r: NodeRef) -> Result<Attrs, String> {
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
    fn attributes_of(&mut self, r: NodeRef) -> Result<Attrs, String> {
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

    // ---- particles ----

    fn group(&mut self, r: NodeRef) -> Result<Option<Particle>, String> {
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
    fn particle(&mut self, r: NodeRef) -> Result<Option<Particle>, String> {
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
    fn local_element(&mut self, r: NodeRef) -> Result<(u16, u32), String> {
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
    fn fill_element(&mut self, r: NodeRef, decl: u32) -> Result<(), String> {
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

    fn idc(&mut self, r: NodeRef, key: bool) -> Result<u16, String> {
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

    fn type_by_qname(&mut self, r: NodeRef, q: &str) -> Result<TypeRef, String> {
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

    fn complex_type(&mut self, r: NodeRef) -> Result<u32, String> {
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

    fn complex_type_inner(&mut self, r: NodeRef) -> Result<ComplexType, String> {
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
    fn model_particle(&mut self, r: NodeRef) -> Result<Option<Particle>, String> {
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

    fn finish(
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

fn merge_use(uses: &mut Vec<AttrUse>, u: AttrUse) {
    if !uses.iter().any(|x| x.name == u.name) {
        uses.push(u);
    }
}

fn merge_use_override(uses: &mut Vec<AttrUse>, u: AttrUse) {
    match uses.iter_mut().find(|x| x.name == u.name) {
        Some(x) => *x = u,
        None => uses.push(u),
    }
}

fn extend_attrs(base: Attrs, own: Attrs) -> Result<Attrs, String> {
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

fn intersect(a: &Wildcard, b: &Wildcard) -> Result<Wildcard, String> {
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

fn union(a: &Wildcard, b: &Wildcard) -> Wildcard {
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

/// Compiles the Akoma Ntoso schema and the XML namespace schema it imports.
pub(super) fn compile(main: &str, xml: &str) -> Result<Model, String> {
    let mut docs = Vec::new();
    for (text, which) in [(main, "schema"), (xml, "xml.xsd")] {
        let doc = XDoc::parse(text, which)?;
        if doc.name(doc.root) != "schema" {
            return Err(format!("{which}: the root is not xsd:schema"));
        }
        let target = doc
            .attr(doc.root, "targetNamespace")
            .unwrap_or("")
            .to_string();
        let element_qualified = doc.attr(doc.root, "elementFormDefault") == Some("qualified");
        let attribute_qualified = doc.attr(doc.root, "attributeFormDefault") == Some("qualified");
        docs.push(SchemaDoc {
            doc,
            target,
            element_qualified,
            attribute_qualified,
        });
    }
    if docs[1].target != XML_NS {
        return Err("the imported schema is not the XML namespace schema".into());
    }
    let docs = &docs[..];
    let mut c = Compiler {
        docs,
        globals: Globals::default(),
        model: Model {
            namespaces: Vec::new(),
            target: 0,
            elem_names: Vec::new(),
            elem_index: Vec::new(),
            global_elem: Vec::new(),
            elements: Vec::new(),
            types: Vec::new(),
            simple: SimpleTypes::default(),
            attr_names: Vec::new(),
            attr_index: Vec::new(),
            global_attr: Vec::new(),
            wildcards: Vec::new(),
            automata: Automata::default(),
            idcs: Vec::new(),
            named_types: HashMap::new(),
            boolean: 0,
        },
        complex_done: FxHashMap::default(),
        complex_busy: Vec::new(),
        simple_done: FxHashMap::default(),
        simple_busy: Vec::new(),
        builtin_ids: FxHashMap::default(),
        group_done: FxHashMap::default(),
        group_busy: Vec::new(),
        attr_group_done: FxHashMap::default(),
        attr_group_busy: Vec::new(),
        global_elem_decl: FxHashMap::default(),
        idc_names: FxHashMap::default(),
    };
    for uri in ["", XML_NS, XSI_NS] {
        c.ns_id(uri);
    }
    let target = c.docs[0].target.clone();
    c.model.target = c.ns_id(&target);
    c.model.boolean = c.builtin(Builtin::Boolean);
    // xs:anyType.
    let any_wild = Wildcard {
        ns: NsConstraint::Any,
        process: Process::Lax,
    };
    c.model.types.push(ComplexType {
        name: "xs:anyType".into(),
        content: Content::Mixed,
        automaton: 0,
        attrs: Vec::new(),
        attr_slot: Vec::new(),
        required: 0,
        wildcard: Some(any_wild),
        base: None,
        any_type: true,
        particle: None,
    });
    // Index the top-level components.
    for (d, sd) in docs.iter().enumerate() {
        let root = sd.doc.root;
        let target: &str = &sd.target;
        for n in sd.doc.children(root) {
            let r = NodeRef { doc: d, node: n };
            let kind = sd.doc.name(n);
            if kind == "import" {
                let ns = sd.doc.attr(n, "namespace").unwrap_or("");
                if ns != XML_NS {
                    return Err(format!("unsupported import of namespace '{ns}'"));
                }
                continue;
            }
            if matches!(kind, "include" | "redefine" | "notation") {
                return c.unsupported(r, &format!("xsd:{kind}"));
            }
            let Some(name) = sd.doc.attr(n, "name") else {
                continue;
            };
            let key = (target, name);
            let map = match kind {
                "element" => &mut c.globals.elements,
                "complexType" => &mut c.globals.complex,
                "simpleType" => &mut c.globals.simple,
                "group" => &mut c.globals.groups,
                "attributeGroup" => &mut c.globals.attr_groups,
                "attribute" => &mut c.globals.attributes,
                _ => continue,
            };
            if map.insert(key, r).is_some() {
                return Err(format!("duplicate global {kind} {{{}}}{}", key.0, key.1));
            }
        }
    }
    // Global elements: names and declaration ids first, then their types.
    let mut globals: Vec<(QKey, NodeRef)> =
        c.globals.elements.iter().map(|(k, v)| (*k, *v)).collect();
    globals.sort_by_key(|(_, r)| (r.doc, r.node));
    for ((ns, local), r) in &globals {
        let name = c.elem_name(ns, local)?;
        let decl = c.model.elements.len() as u32;
        c.model.elements.push(ElementDecl {
            name,
            ty: TypeRef::Complex(ANY_TYPE),
            nillable: false,
            abstract_: false,
            idcs: Vec::new(),
        });
        c.model.global_elem[name as usize] = Some(decl);
        c.global_elem_decl.insert(*r, decl);
    }
    for (_, r) in &globals {
        let decl = c.global_elem_decl[r];
        c.fill_element(*r, decl)?;
    }
    // Global attributes.
    let mut gattrs: Vec<(QKey, NodeRef)> =
        c.globals.attributes.iter().map(|(k, v)| (*k, *v)).collect();
    gattrs.sort_by_key(|(_, r)| (r.doc, r.node));
    for ((ns, local), r) in gattrs {
        let decl = c.global_attribute(r)?;
        let id = c.attr_name(ns, local)?;
        c.model.global_attr[id as usize] = Some(decl);
    }
    // Named types (for xsi:type), resolving any not yet used.
    let mut named: Vec<(QKey, NodeRef)> = c.globals.complex.iter().map(|(k, v)| (*k, *v)).collect();
    named.sort_by_key(|(_, r)| (r.doc, r.node));
    for ((ns, local), r) in named {
        let id = c.complex_type(r)?;
        let ns = c.ns_id(ns);
        c.model
            .named_types
            .insert((ns, local.to_string()), TypeRef::Complex(id));
    }
    let mut named: Vec<(QKey, NodeRef)> = c.globals.simple.iter().map(|(k, v)| (*k, *v)).collect();
    named.sort_by_key(|(_, r)| (r.doc, r.node));
    for ((ns, local), r) in named {
        let id = c.simple_type(r)?;
        let ns = c.ns_id(ns);
        c.model
            .named_types
            .insert((ns, local.to_string()), TypeRef::Simple(id));
    }
    let xsd = c.ns_id(XSD_NS);
    c.model
        .named_types
        .insert((xsd, "anyType".into()), TypeRef::Complex(ANY_TYPE));
    for b in [
        "anySimpleType",
        "string",
        "normalizedString",
        "token",
        "language",
        "Name",
        "NCName",
        "ID",
        "IDREF",
        "NMTOKEN",
        "anyURI",
        "boolean",
        "decimal",
        "integer",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "date",
        "dateTime",
        "time",
        "duration",
        "gYear",
        "gYearMonth",
        "gMonth",
        "gMonthDay",
        "gDay",
    ] {
        if let Some(bt) = Builtin::from_name(b) {
            let id = c.builtin(bt);
            c.model
                .named_types
                .insert((xsd, b.to_string()), TypeRef::Simple(id));
        }
    }
    // Automata and attribute slots.
    let mut model = c.model;
    let width = model.elem_names.len();
    model.automata = Automata::new(width);
    let n_attr = model.attr_names.len();
    for t in &mut model.types {
        if matches!(t.content, Content::Elements | Content::Mixed) && !t.any_type {
            t.automaton = model
                .automata
                .compile(t.particle.as_ref())
                .map_err(|e| format!("type {}: {e}", t.name))?;
        }
        t.particle = None;
        let mut slot = vec![u8::MAX; n_attr];
        for (i, u) in t.attrs.iter().enumerate() {
            slot[u.name as usize] = i as u8;
        }
        t.attr_slot = slot;
    }
    Ok(model)
}
