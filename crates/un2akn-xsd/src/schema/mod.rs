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
use crate::simple::{Builtin, SimpleId, SimpleType, SimpleTypes, Variety, Ws};

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

mod attributes;
mod elements;
mod simple_types;
mod xdoc;

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

/// Compiles `main` and the schema documents it imports, given as
/// (location, text): each `xsd:import` is resolved to the given document
/// whose target namespace is the imported namespace.
pub(super) fn compile(main: &str, imports: &[(&str, &str)]) -> Result<Model, String> {
    let mut docs = Vec::new();
    let sources = std::iter::once(("schema", main)).chain(imports.iter().copied());
    for (which, text) in sources {
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
                if !docs.iter().any(|other| other.target == ns) {
                    return Err(format!(
                        "xsd:import of namespace '{ns}': no schema document with that target namespace was given"
                    ));
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
