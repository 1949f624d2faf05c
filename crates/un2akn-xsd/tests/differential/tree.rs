//! A minimal editable XML tree for the mutation tests: parsed with quick-xml
//! keeping every piece of source text, so that an unedited tree serializes
//! back to the very same document.

use quick_xml::events::Event;
use quick_xml::Reader;

/// A node.
#[derive(Clone, Debug)]
pub enum Node {
    Element(Element),
    /// Raw source text of anything else (text with its references, comments,
    /// PIs, CDATA sections).
    Raw(String),
}

/// An element with its attributes as written (name, raw value without quotes).
#[derive(Clone, Debug)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
    /// Written as `<x/>`.
    pub empty: bool,
}

impl Element {
    /// The positions in `children` of the child elements.
    pub fn element_indices(&self) -> Vec<usize> {
        self.children
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c, Node::Element(_)))
            .map(|(i, _)| i)
            .collect()
    }
}

/// A document: text before the root, the root, text after it.
#[derive(Clone, Debug)]
pub struct Doc {
    pub prolog: String,
    pub root: Element,
    pub epilog: String,
}

impl Doc {
    /// Parses a well-formed document.
    pub fn parse(xml: &str) -> Doc {
        let mut r = Reader::from_str(xml);
        r.config_mut().trim_text(false);
        let mut stack: Vec<Element> = Vec::new();
        let mut prolog = String::new();
        let mut epilog = String::new();
        let mut root = None;
        let mut before = 0usize;
        loop {
            let ev = r.read_event().expect("fixture is well-formed");
            let after = r.buffer_position() as usize;
            // The raw source of this event (text events may have consumed the next '<').
            let mut raw = &xml[before..after];
            let mut next_before = after;
            if let Event::Text(_) = ev {
                if raw.ends_with('<') {
                    raw = &raw[..raw.len() - 1];
                    next_before = after - 1;
                }
            }
            match ev {
                Event::Start(e) | Event::Empty(e) => {
                    let empty = raw.trim_end().ends_with("/>");
                    let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                    let attrs = e
                        .attributes()
                        .map(|a| {
                            let a = a.unwrap();
                            (
                                String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                                String::from_utf8(a.value.to_vec()).unwrap(),
                            )
                        })
                        .collect();
                    let el = Element {
                        name,
                        attrs,
                        children: Vec::new(),
                        empty,
                    };
                    if empty {
                        match stack.last_mut() {
                            Some(p) => p.children.push(Node::Element(el)),
                            None => root = Some(el),
                        }
                    } else {
                        stack.push(el);
                    }
                }
                Event::End(_) => {
                    let el = stack.pop().unwrap();
                    match stack.last_mut() {
                        Some(p) => p.children.push(Node::Element(el)),
                        None => root = Some(el),
                    }
                }
                Event::Eof => break,
                _ => match stack.last_mut() {
                    Some(p) => {
                        if let Some(Node::Raw(prev)) = p.children.last_mut() {
                            prev.push_str(raw);
                        } else {
                            p.children.push(Node::Raw(raw.to_string()));
                        }
                    }
                    None if root.is_none() => prolog.push_str(raw),
                    None => epilog.push_str(raw),
                },
            }
            before = next_before;
        }
        Doc {
            prolog,
            root: root.expect("a root"),
            epilog,
        }
    }

    /// Serializes the document.
    pub fn to_xml(&self) -> String {
        let mut s = String::with_capacity(64 * 1024);
        s.push_str(&self.prolog);
        write_element(&self.root, &mut s);
        s.push_str(&self.epilog);
        s
    }

    /// Paths (child indices from the root) of all elements, root first.
    pub fn element_paths(&self) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new()];
        collect(&self.root, &mut Vec::new(), &mut out);
        out
    }

    /// The element at a path.
    pub fn get(&self, path: &[usize]) -> &Element {
        let mut e = &self.root;
        for &i in path {
            match &e.children[i] {
                Node::Element(c) => e = c,
                Node::Raw(_) => panic!("not an element"),
            }
        }
        e
    }

    /// The element at a path, mutably.
    pub fn get_mut(&mut self, path: &[usize]) -> &mut Element {
        let mut e = &mut self.root;
        for &i in path {
            match &mut e.children[i] {
                Node::Element(c) => e = c,
                Node::Raw(_) => panic!("not an element"),
            }
        }
        e
    }
}

fn collect(e: &Element, path: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    for (i, c) in e.children.iter().enumerate() {
        if let Node::Element(c) = c {
            path.push(i);
            out.push(path.clone());
            collect(c, path, out);
            path.pop();
        }
    }
}

/// Writes an element.
pub fn write_element(e: &Element, s: &mut String) {
    s.push('<');
    s.push_str(&e.name);
    for (k, v) in &e.attrs {
        s.push(' ');
        s.push_str(k);
        s.push_str("=\"");
        s.push_str(v);
        s.push('"');
    }
    if e.empty && e.children.is_empty() {
        s.push_str("/>");
        return;
    }
    s.push('>');
    for c in &e.children {
        match c {
            Node::Element(c) => write_element(c, s),
            Node::Raw(r) => s.push_str(r),
        }
    }
    s.push_str("</");
    s.push_str(&e.name);
    s.push('>');
}
