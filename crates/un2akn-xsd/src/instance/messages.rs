//! Messages: names, expected elements and simple-type failures described
//! in plain English.

use super::*;

impl<'a> Validator<'_, 'a> {
    pub(super) fn describe_name(&self, qname: &str, ns: u16, binding: usize) -> String {
        let uri = self.ns_uri(ns, binding);
        if uri.is_empty() {
            format!("'{qname}' (in no namespace)")
        } else {
            format!("'{qname}' (in namespace '{uri}')")
        }
    }

    pub(super) fn expected_list(&self, state: u32) -> String {
        let mut names: Vec<String> = self
            .m
            .automata
            .expected(state)
            .map(|n| {
                let (ns, local) = &self.m.elem_names[n as usize];
                if *ns == self.m.target || *ns == NS_NONE {
                    format!("'{local}'")
                } else {
                    format!("'{{{}}}{local}'", self.m.namespaces[*ns as usize])
                }
            })
            .collect();
        for (w, _) in self.m.automata.wildcards(state) {
            names.push(match &self.m.wildcards[*w as usize].ns {
                crate::schema::NsConstraint::Any => "any element".to_string(),
                crate::schema::NsConstraint::Not(_) => {
                    "an element of another namespace".to_string()
                }
                crate::schema::NsConstraint::Set(_) => {
                    "an element of the listed namespaces".to_string()
                }
            });
        }
        if names.is_empty() {
            return "no more elements".into();
        }
        let n = names.len();
        if n > 12 {
            names.truncate(12);
            format!("one of {} (and {} more)", names.join(", "), n - 12)
        } else if n == 1 {
            names.pop().unwrap_or_default()
        } else {
            format!("one of {}", names.join(", "))
        }
    }

    pub(super) fn unexpected(&self, qname: &str, ns: u16, binding: usize, state: u32) -> String {
        let exp = self.expected_list(state);
        let in_target = ns == self.m.target;
        let name = if in_target {
            format!("'{qname}'")
        } else {
            self.describe_name(qname, ns, binding)
        };
        format!("element {name}: not expected here; expected {exp}")
    }

    /// Why `value` fails simple type `st` (only called on failure).
    pub(super) fn describe_failure(&self, st: SimpleId, value: &str) -> String {
        let s = &self.m.simple;
        let t = s.get(st);
        match &t.variety {
            Variety::Atomic => {
                let shown = if t.enums.is_some() || !t.patterns.is_empty() {
                    normalize(value, t.ws)
                } else {
                    Cow::Borrowed(value)
                };
                if !crate::simple::lexical(t.builtin, &shown) {
                    return format!("'{value}' is not a valid xsd:{}", t.builtin.name());
                }
                if let Some(e) = &t.enums {
                    if !e.iter().any(|x| x == shown.as_ref()) {
                        let list: Vec<String> =
                            e.iter().take(12).map(|x| format!("'{x}'")).collect();
                        return format!(
                            "'{value}' is not one of {}{}",
                            list.join(", "),
                            if e.len() > 12 { ", ..." } else { "" }
                        );
                    }
                }
                for g in &t.patterns {
                    if let Some(r) = g.first() {
                        return format!("'{value}' does not match the pattern '{}'", r.source());
                    }
                }
                format!("'{value}' is not a valid value of {}", t.name)
            }
            Variety::List(item) => {
                for token in value
                    .split(|c: char| c.is_ascii() && is_ws(c as u8))
                    .filter(|w| !w.is_empty())
                {
                    if !s.check(*item, token, false) {
                        return format!("list item {}", self.describe_failure(*item, token));
                    }
                }
                format!("'{value}' is not a valid list")
            }
            Variety::Union(members) => {
                let names: Vec<String> = members
                    .iter()
                    .map(|&m| {
                        let mt = s.get(m);
                        if mt.builtin != Builtin::AnySimpleType
                            && mt.enums.is_none()
                            && mt.patterns.is_empty()
                        {
                            format!("xsd:{}", mt.builtin.name())
                        } else if let Some(e) = &mt.enums {
                            let l: Vec<String> = e.iter().map(|x| format!("'{x}'")).collect();
                            format!("one of {}", l.join(", "))
                        } else {
                            mt.name.clone()
                        }
                    })
                    .collect();
                format!("'{value}' is not a valid {}", names.join(" or "))
            }
        }
    }
}
