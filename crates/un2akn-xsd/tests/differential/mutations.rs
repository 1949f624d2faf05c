//! Differential mutation test: random edits of the valid fixtures, and the
//! native validator's verdict (valid / invalid) must equal libxml2's on every
//! mutant.
//!
//! Deterministic (seeded PRNG). `MUTANTS=N` sets the number of mutants
//! (default 500), `MUTATION_SEED=S` the seed. Disagreements are written to
//! `target/tmp/mutants/` with both verdicts.

use super::tree::{Doc, Element, Node};
use super::vocabulary::{ATTR_NAMES, FOREIGN, NAMES, TYPED, TYPED_VALUES, VALUES};
use super::Rng;

/// A mutation applied to the tree, described for the report.
fn mutate_tree(rng: &mut Rng, doc: &mut Doc, eids: &[String], pool: &Pool) -> String {
    let paths = doc.element_paths();
    let non_root: Vec<&Vec<usize>> = paths.iter().filter(|p| !p.is_empty()).collect();
    let any_path = rng.pick(&paths).clone();
    if non_root.is_empty() {
        return "nothing".into();
    }
    match rng.below(22) {
        19 | 20 => {
            // Replace the children with a random sequence of subtrees seen under same-named parents.
            let p = rng.pick(&paths).to_vec();
            let e = doc.get_mut(&p);
            let Some(kids) = pool.get(&e.name) else {
                return "nothing".into();
            };
            let n = rng.below(7);
            let mut seq = Vec::new();
            let mut names = Vec::new();
            for _ in 0..n {
                let k = rng.pick(kids).clone();
                names.push(k.name.clone());
                seq.push(Node::Raw("\n".into()));
                seq.push(Node::Element(k));
            }
            e.children = seq;
            e.empty = false;
            format!("children of <{}> at {p:?} := {names:?}", e.name)
        }
        21 => {
            // Shuffle the element children.
            let p = rng.pick(&paths).to_vec();
            let e = doc.get_mut(&p);
            let mut idx: Vec<usize> = e.element_indices();
            let els: Vec<Node> = idx.iter().map(|&i| e.children[i].clone()).collect();
            for i in (1..idx.len()).rev() {
                let j = rng.below(i + 1);
                idx.swap(i, j);
            }
            for (k, &i) in idx.iter().enumerate() {
                e.children[i] = els[k].clone();
            }
            format!("shuffle children of <{}> at {p:?}", e.name)
        }
        15 | 16 => {
            // Set an attribute that the element allows, to a value of some type.
            let p = rng.pick(&paths).to_vec();
            let e = doc.get_mut(&p);
            let local = e.name.rsplit(':').next().unwrap_or("").to_string();
            let allowed: Vec<&str> = TYPED
                .iter()
                .filter(|(_, els)| els.is_empty() || els.contains(&local.as_str()))
                .map(|(a, _)| *a)
                .collect();
            if allowed.is_empty() {
                return "nothing".into();
            }
            let k = rng.pick(&allowed).to_string();
            let v = if rng.chance(50) {
                rng.pick(VALUES).to_string()
            } else {
                rng.pick(TYPED_VALUES).to_string()
            };
            let escaped = v
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('"', "&quot;")
                .replace('\t', "&#9;");
            match e.attrs.iter_mut().find(|(x, _)| *x == k) {
                Some(a) => a.1 = escaped,
                None => e.attrs.push((k.clone(), escaped)),
            }
            format!("typed {k}={v:?} on <{}>", e.name)
        }
        17 => {
            // Foreign content where a lax wildcard admits it.
            let targets: Vec<Vec<usize>> = paths
                .iter()
                .filter(|p| {
                    let n = &doc.get(p).name;
                    matches!(
                        n.rsplit(':').next(),
                        Some("presentation" | "proprietary" | "foreign" | "preservation")
                    )
                })
                .cloned()
                .collect();
            if targets.is_empty() {
                return "nothing".into();
            }
            let p = rng.pick(&targets).clone();
            let el = *rng.pick(FOREIGN);
            let name = insert_raw(rng, doc, &p, el);
            format!("insert {el} into <{name}>")
        }
        18 => {
            // An attachment holding a nested document with (maybe) duplicate eIds.
            let paths_doc: Vec<Vec<usize>> = paths
                .iter()
                .filter(|p| {
                    matches!(
                        doc.get(p).name.as_str(),
                        "statement" | "doc" | "act" | "bill"
                    )
                })
                .cloned()
                .collect();
            if paths_doc.is_empty() {
                return "nothing".into();
            }
            let p = rng.pick(&paths_doc).clone();
            let eid = if eids.is_empty() || rng.chance(30) {
                "fresh_1".to_string()
            } else {
                rng.pick(eids).clone()
            };
            let nested = format!(
                "<attachments><attachment><doc name=\"annex\"><meta><identification source=\"#a\"><FRBRWork><FRBRthis value=\"a\"/><FRBRuri value=\"a\"/><FRBRdate date=\"2020-01-01\" name=\"a\"/><FRBRauthor href=\"#a\"/><FRBRcountry value=\"un\"/></FRBRWork><FRBRExpression><FRBRthis value=\"a\"/><FRBRuri value=\"a\"/><FRBRdate date=\"2020-01-01\" name=\"a\"/><FRBRauthor href=\"#a\"/><FRBRlanguage language=\"eng\"/></FRBRExpression><FRBRManifestation><FRBRthis value=\"a\"/><FRBRuri value=\"a\"/><FRBRdate date=\"2020-01-01\" name=\"a\"/><FRBRauthor href=\"#a\"/></FRBRManifestation></identification></meta><mainBody><p eId=\"{eid}\">x</p>{}</mainBody></doc></attachment></attachments>",
                if rng.chance(30) { format!("<p eId=\"{eid}\">y</p>") } else { String::new() }
            );
            let e = doc.get_mut(&p);
            // Place it after mainBody/body (before components), or at the end.
            let at = e
                .children
                .iter()
                .rposition(|c| matches!(c, Node::Element(x) if matches!(x.name.as_str(), "mainBody" | "body" | "conclusions")))
                .map_or(e.children.len(), |i| i + 1);
            let had = e
                .children
                .iter()
                .any(|c| matches!(c, Node::Element(x) if x.name == "attachments"));
            e.children.insert(at, Node::Raw(nested));
            format!(
                "nested doc with eId {eid} in <{}> (attachments already: {had})",
                e.name
            )
        }
        0 => {
            // Delete an element.
            let p = rng.pick(&non_root).to_vec();
            let (parent, idx) = p.split_at(p.len() - 1);
            let name = doc.get(&p).name.clone();
            doc.get_mut(parent).children.remove(idx[0]);
            format!("delete <{name}> at {p:?}")
        }
        1 => {
            // Duplicate an element.
            let p = rng.pick(&non_root).to_vec();
            let (parent, idx) = p.split_at(p.len() - 1);
            let copy = doc.get(&p).clone();
            let name = copy.name.clone();
            doc.get_mut(parent)
                .children
                .insert(idx[0] + 1, Node::Element(copy));
            format!("duplicate <{name}> at {p:?}")
        }
        2 => {
            // Swap two element siblings.
            let e = doc.get(&any_path);
            let kids: Vec<usize> = e.element_indices();
            if kids.len() < 2 {
                return "nothing".into();
            }
            let a = *rng.pick(&kids);
            let b = *rng.pick(&kids);
            doc.get_mut(&any_path).children.swap(a, b);
            format!("swap children {a} and {b} of {any_path:?}")
        }
        3 | 4 => {
            // Rename an element.
            let p = rng.pick(&paths).to_vec();
            let new = rng.pick(NAMES).to_string();
            let e = doc.get_mut(&p);
            let old = std::mem::replace(&mut e.name, new.clone());
            // Keep any prefix of the old name.
            if let Some((pre, _)) = old.split_once(':') {
                e.name = format!("{pre}:{new}");
            }
            format!("rename <{old}> at {p:?} to <{}>", e.name)
        }
        5 => {
            // Move an element elsewhere.
            let p = rng.pick(&non_root).to_vec();
            let (parent, idx) = p.split_at(p.len() - 1);
            let Node::Element(el) = doc.get_mut(parent).children.remove(idx[0]) else {
                unreachable!()
            };
            let paths = doc.element_paths();
            let target = rng.pick(&paths).clone();
            let t = doc.get_mut(&target);
            let at = rng.below(t.children.len() + 1);
            let name = el.name.clone();
            t.children.insert(at, Node::Element(el));
            t.empty = false;
            format!("move <{name}> from {p:?} into {target:?} at {at}")
        }
        6 => {
            // Insert text.
            let p = rng.pick(&paths).to_vec();
            let t = *rng.pick(&[
                "x",
                " ",
                "\n",
                "&#32;",
                "&#160;",
                "&amp;",
                "<![CDATA[]]>",
                "<![CDATA[ ]]>",
                "<!-- c -->",
                "<?pi x?>",
            ]);
            let name = insert_raw(rng, doc, &p, t);
            format!("insert {t:?} into <{name}> at {p:?}")
        }
        7 => {
            // Drop an attribute.
            let p = rng.pick(&paths).to_vec();
            let e = doc.get_mut(&p);
            if e.attrs.is_empty() {
                return "nothing".into();
            }
            let i = rng.below(e.attrs.len());
            let (k, _) = e.attrs.remove(i);
            format!("drop attribute {k} of <{}>", e.name)
        }
        8 | 9 => {
            // Set an existing attribute to another value.
            let p = rng.pick(&paths).to_vec();
            let e = doc.get_mut(&p);
            if e.attrs.is_empty() {
                return "nothing".into();
            }
            let i = rng.below(e.attrs.len());
            if e.attrs[i].0.starts_with("xmlns") {
                return "nothing".into();
            }
            let v = rng.pick(VALUES).to_string();
            e.attrs[i].1 = v
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('"', "&quot;")
                .replace('\t', "&#9;");
            format!("set {}={v:?} on <{}>", e.attrs[i].0, e.name)
        }
        10 => {
            // Add an attribute.
            let p = rng.pick(&paths).to_vec();
            let k = rng.pick(ATTR_NAMES).to_string();
            let v = rng.pick(VALUES).to_string();
            let e = doc.get_mut(&p);
            if e.attrs.iter().any(|(x, _)| *x == k) {
                return "nothing".into();
            }
            e.attrs.push((
                k.clone(),
                v.replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('"', "&quot;")
                    .replace('\t', "&#9;"),
            ));
            format!("add {k}={v:?} to <{}>", e.name)
        }
        11 => {
            // Duplicate an eId (or GUID).
            if eids.len() < 2 {
                return "nothing".into();
            }
            let v = rng.pick(eids).clone();
            let p = rng.pick(&paths).to_vec();
            let e = doc.get_mut(&p);
            match e.attrs.iter_mut().find(|(k, _)| k == "eId") {
                Some(a) => a.1 = v.clone(),
                None => e.attrs.push(("eId".into(), v.clone())),
            }
            format!("eId={v} on <{}>", e.name)
        }
        12 => {
            // A foreign element.
            let p = rng.pick(&paths).to_vec();
            let el = match rng.below(5) {
                0 => "<f:x xmlns:f=\"urn:foreign\"/>",
                1 => "<f:x xmlns:f=\"urn:foreign\" eId=\"para_1\">text<f:y/></f:x>",
                2 => "<f:x xmlns:f=\"urn:foreign\"><p xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">in</p></f:x>",
                3 => "<x xmlns=\"\"/>",
                _ => "<f:x xmlns:f=\"urn:foreign\" xml:lang=\"en\"><bogus xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"/></f:x>",
            };
            let name = insert_raw(rng, doc, &p, el);
            format!("insert {el} into <{name}>")
        }
        13 => {
            // A foreign attribute.
            let p = rng.pick(&paths).to_vec();
            let e = doc.get_mut(&p);
            let (k, v) = *rng.pick(&[
                ("f:a", "1"),
                ("xsi:nil", "false"),
                ("xsi:type", "a:inline"),
                ("xsi:schemaLocation", "x y"),
                ("xml:lang", "en"),
            ]);
            if e.attrs.iter().any(|(x, _)| x == k) {
                return "nothing".into();
            }
            let decl = match k.split_once(':').map(|x| x.0) {
                Some("f") => Some(("xmlns:f", "urn:foreign")),
                Some("xsi") => Some(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")),
                _ => None,
            };
            if let Some((dk, dv)) = decl {
                if !e.attrs.iter().any(|(x, _)| x == dk) {
                    e.attrs.push((dk.into(), dv.into()));
                }
            }
            if k == "xsi:type" && !e.attrs.iter().any(|(x, _)| x == "xmlns:a") {
                e.attrs.push((
                    "xmlns:a".into(),
                    "http://docs.oasis-open.org/legaldocml/ns/akn/3.0".into(),
                ));
            }
            e.attrs.push((k.into(), v.into()));
            format!("add {k}={v:?} to <{}>", e.name)
        }
        _ => {
            // Empty an element / make it empty-tag.
            let p = rng.pick(&paths).to_vec();
            let e = doc.get_mut(&p);
            e.children.clear();
            e.empty = rng.chance(50);
            format!("empty <{}>", e.name)
        }
    }
}

/// A text-level edit that usually breaks well-formedness.
fn mutate_text(rng: &mut Rng, xml: &str) -> (String, String) {
    let b = xml.as_bytes();
    // A position on a char boundary.
    let mut pos = rng.below(xml.len());
    while !xml.is_char_boundary(pos) {
        pos -= 1;
    }
    let (before, after) = xml.split_at(pos);
    match rng.below(16) {
        12 => {
            let s = *rng.pick(&[
                "<!DOCTYPE akomaNtoso>",
                "<!DOCTYPE akomaNtoso SYSTEM \"a.dtd\">",
                "<!DOCTYPE akomaNtoso PUBLIC \"-//A//B\" \"a.dtd\">",
                "<!doctype akomaNtoso>",
                "<!DOCTYPE>",
                "<?pi?>",
                "<!-- c -->",
                "\u{feff}",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.1\"?>",
                "<?xml version=\"2.0\"?>",
                "<?xml version='1.0' standalone='yes'?>",
                "<?xml version=\"1.0\" standalone=\"maybe\"?>",
                "<?xml version=\"1.0\" encoding=\"latin-1\"?>",
                "<?xml version=\"1.0\" encoding=\"1x\"?>",
                "<?xml version=\"1.0\"encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"standalone=\"no\"?>",
                "<?xml?>",
                "<?xml encoding=\"UTF-8\"?>",
                "<?xml version=\"1.\"?>",
                "<?xml  version = \"1.0\"  ?>",
            ]);
            // At the very start, replacing any declaration.
            let body = match xml.strip_prefix("<?xml") {
                Some(rest) => rest.split_once("?>").map_or(xml, |x| x.1),
                None => xml,
            };
            (format!("{s}{body}"), format!("prolog {s:?}"))
        }
        13 => {
            // Rewrite a start tag's spacing or quoting.
            match xml[pos..].find("=\"") {
                Some(i) => {
                    let eq = pos + i;
                    let how = rng.below(6);
                    let out = match how {
                        0 => format!("{} = {}", &xml[..eq], &xml[eq + 1..]),
                        1 => format!("{}='{}", &xml[..eq], &xml[eq + 2..]),
                        2 => format!("{}={}", &xml[..eq], &xml[eq + 2..]),
                        3 => format!("{}=\"\n{}", &xml[..eq], &xml[eq + 2..]),
                        4 => {
                            let close = xml[eq + 2..].find('"').map_or(eq + 2, |c| eq + 2 + c + 1);
                            format!("{}{}", &xml[..close], &xml[close..].replacen(' ', "", 1))
                        }
                        _ => format!("{}=\"&#x9;&#xA;{}", &xml[..eq], &xml[eq + 2..]),
                    };
                    (out, format!("attribute syntax #{how} at {eq}"))
                }
                None => (xml.to_string(), "nothing".into()),
            }
        }
        14 => {
            // End-tag spacing.
            match xml[pos..].find("</") {
                Some(i) => {
                    let at = pos + i;
                    let close = xml[at..].find('>').map_or(at, |c| at + c);
                    let v = rng.below(3);
                    let out = match v {
                        0 => format!("{} {}", &xml[..close], &xml[close..]),
                        1 => format!("{}</ {}", &xml[..at], &xml[at + 2..]),
                        _ => format!("{}\n\t{}", &xml[..close], &xml[close..]),
                    };
                    (out, format!("end tag spacing #{v} at {at}"))
                }
                None => (xml.to_string(), "nothing".into()),
            }
        }
        15 => {
            // Start-tag spacing.
            match xml[pos..].find('<') {
                Some(i) if xml[pos + i + 1..].starts_with(|c: char| c.is_ascii_alphabetic()) => {
                    let at = pos + i;
                    let close = xml[at..].find('>').map_or(at, |c| at + c);
                    let v = rng.below(3);
                    let out = match v {
                        0 => format!("{}< {}", &xml[..at], &xml[at + 1..]),
                        1 => format!("{}\n{}", &xml[..close], &xml[close..]),
                        _ => format!("{}{}", &xml[..close], xml[close..].replacen('>', " />", 1)),
                    };
                    (out, format!("start tag spacing #{v} at {at}"))
                }
                _ => (xml.to_string(), "nothing".into()),
            }
        }
        0 => {
            // Delete a markup character.
            let marks: Vec<usize> = b
                .iter()
                .enumerate()
                .filter(|(_, &c)| matches!(c, b'<' | b'>' | b'"' | b'/' | b'='))
                .map(|(i, _)| i)
                .collect();
            let i = *rng.pick(&marks);
            (
                format!("{}{}", &xml[..i], &xml[i + 1..]),
                format!("delete byte {:?} at {i}", b[i] as char),
            )
        }
        1 => {
            let s = *rng.pick(&[
                "&",
                "&foo;",
                "&#0;",
                "&#x1;",
                "&#xFFFE;",
                "&#65;",
                "&#x110000;",
                "&lt",
                "]]>",
                "<",
                "\u{1}",
                "\u{FFFF}",
                "\u{FFFE}",
                "\u{7F}",
                "\u{85}",
            ]);
            (
                format!("{before}{s}{after}"),
                format!("insert {s:?} at {pos}"),
            )
        }
        2 => (xml[..pos].to_string(), format!("truncate at {pos}")),
        3 => {
            // Mismatch an end tag.
            match xml[pos..].find("</") {
                Some(i) => {
                    let at = pos + i + 2;
                    (
                        format!("{}Z{}", &xml[..at], &xml[at..]),
                        format!("corrupt end tag at {at}"),
                    )
                }
                None => (xml.to_string(), "nothing".into()),
            }
        }
        4 => {
            // Duplicate an attribute.
            match xml[pos..].find("=\"") {
                Some(i) => {
                    let eq = pos + i;
                    let name_start = xml[..eq].rfind(' ').map_or(eq, |s| s + 1);
                    let end = xml[eq + 2..].find('"').map_or(eq, |e| eq + 2 + e + 1);
                    let attr = &xml[name_start..end];
                    (
                        format!("{} {attr}{}", &xml[..end], &xml[end..]),
                        format!("repeat attribute {attr}"),
                    )
                }
                None => (xml.to_string(), "nothing".into()),
            }
        }
        5 => {
            let s = *rng.pick(&[
                "<!-- a -- b -->",
                "<!-- a --->",
                "<!---->",
                "<?xml version=\"1.0\"?>",
                "<?xml-stylesheet href=\"a\"?>",
                "<?a:b x?>",
                "<?XML x?>",
                "<![CDATA[x]]>",
                "<a:b/>",
                "<:a/>",
                "<a b='1' b='2'/>",
                "<a xmlns:p=\"\"/>",
                "<a xmlns=\"a b\"/>",
                "<p:a xmlns:p=\"urn:x\" p:b=\"1\" xmlns:q=\"urn:x\" q:b=\"2\"/>",
            ]);
            (
                format!("{before}{s}{after}"),
                format!("insert {s:?} at {pos}"),
            )
        }
        6 => (format!("{xml}<extra/>"), "second root".into()),
        7 => (format!("{xml}text"), "text after the root".into()),
        8 => (format!("x{xml}"), "text before the root".into()),
        9 => (format!(" {xml}"), "blank before the declaration".into()),
        10 => {
            // Break a name.
            match xml[pos..].find('<') {
                Some(i) if xml[pos + i + 1..].starts_with(|c: char| c.is_ascii_alphabetic()) => {
                    let at = pos + i + 1;
                    let bad = *rng.pick(&["1", "-", ".", " ", ":", "é"]);
                    (
                        format!("{}{bad}{}", &xml[..at], &xml[at..]),
                        format!("insert {bad:?} at the start of a name at {at}"),
                    )
                }
                _ => (xml.to_string(), "nothing".into()),
            }
        }
        _ => {
            // CRLF line ends and tabs (valid).
            (
                xml.replace('\n', "\r\n").replacen(' ', "\t", 5),
                "CRLF line ends".into(),
            )
        }
    }
}

/// Child subtrees (small ones) seen under each parent name.
type Pool = std::collections::HashMap<String, Vec<Element>>;

/// Inserts `raw` markup among the children of the element at `path`, at a
/// random place; returns the element's name.
fn insert_raw(rng: &mut Rng, doc: &mut Doc, path: &[usize], raw: &str) -> String {
    let e = doc.get_mut(path);
    let at = rng.below(e.children.len() + 1);
    e.children.insert(at, Node::Raw(raw.to_string()));
    e.empty = false;
    e.name.clone()
}

fn collect_pool(e: &Element, pool: &mut Pool) {
    for c in &e.children {
        if let Node::Element(c) = c {
            let mut s = String::new();
            super::tree::write_element(c, &mut s);
            if s.len() < 3000 && !s.contains("xmlns") {
                let v = pool.entry(e.name.clone()).or_default();
                if v.len() < 200 {
                    v.push(c.clone());
                }
            }
            collect_pool(c, pool);
        }
    }
}

fn collect_eids(e: &Element, out: &mut Vec<String>) {
    for (k, v) in &e.attrs {
        if k == "eId" || k == "GUID" {
            out.push(v.clone());
        }
    }
    for c in &e.children {
        if let Node::Element(c) = c {
            collect_eids(c, out);
        }
    }
}

#[test]
fn mutants_get_the_same_verdict_as_libxml2() {
    let n: usize = std::env::var("MUTANTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500);
    let seed: u64 = std::env::var("MUTATION_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_240_229);
    let fixtures = super::fixtures();
    // Prefer the smaller documents (most of the run time is libxml2 on big ones).
    let docs: Vec<(String, String, Doc, Vec<String>)> = fixtures
        .into_iter()
        .filter(|(_, t)| t.len() < 120_000)
        .map(|(n, t)| {
            let d = Doc::parse(&t);
            let mut eids = Vec::new();
            collect_eids(&d.root, &mut eids);
            (n, t, d, eids)
        })
        .collect();
    let mut pool = Pool::new();
    for (_, _, d, _) in &docs {
        collect_pool(&d.root, &mut pool);
    }
    let mut rng = Rng(seed);
    let out_dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("mutants");
    let mut disagreements = Vec::new();
    let (mut valid, mut invalid) = (0usize, 0usize);
    for k in 0..n {
        let (name, text, doc, eids) = rng.pick(&docs);
        let mut log = Vec::new();
        let mutant = if rng.chance(20) {
            let (m, what) = mutate_text(&mut rng, text);
            log.push(what);
            m
        } else {
            let mut d = doc.clone();
            for _ in 0..1 + rng.below(3) {
                log.push(mutate_tree(&mut rng, &mut d, eids, &pool));
            }
            d.to_xml()
        };
        let lib = super::libxml(&mutant);
        let nat = super::ours(&mutant);
        if lib.is_ok() {
            valid += 1;
        } else {
            invalid += 1;
        }
        if std::env::var("DUMP").is_ok() && k < 60 {
            eprintln!(
                "#{k} {name}: {}\n   lib: {:?}\n   nat: {:?}",
                log.join("; "),
                lib.as_ref().map_err(|e| e.first()),
                nat.as_ref().map_err(|e| e.first())
            );
        }
        if lib.is_ok() != nat.is_ok() {
            std::fs::create_dir_all(&out_dir).ok();
            let file = out_dir.join(format!("mutant-{seed}-{k}.xml"));
            std::fs::write(&file, &mutant).ok();
            disagreements.push(format!(
                "#{k} from {name}: {}\n  libxml2: {:?}\n  native:  {:?}\n  saved: {}",
                log.join("; "),
                lib.as_ref()
                    .map_err(|e| e.iter().take(3).collect::<Vec<_>>()),
                nat.as_ref()
                    .map_err(|e| e.iter().take(3).collect::<Vec<_>>()),
                file.display()
            ));
        }
    }
    eprintln!(
        "{n} mutants (seed {seed}): {valid} valid and {invalid} invalid per libxml2; {} disagreements",
        disagreements.len()
    );
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}
