//! Identity constraints (`unique`, `key`): the field values of an element
//! go to every open scope of their constraint, where a repeated value is an
//! error.

use super::*;

impl<'a> Validator<'_, 'a> {
    /// Adds the current element's identity-constraint field values to every open scope.
    pub(super) fn collect_fields(&mut self, start: usize, qname: &'a str) -> Res {
        if self.scopes.is_empty() {
            return Ok(());
        }
        for s in 0..self.scopes.len() {
            let field = self.scopes[s].field;
            let value = self
                .fields
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, v)| v.clone());
            match value {
                Some(v) if !self.scopes[s].values.insert(v.clone()) => {
                    let name = self.m.idcs[self.scopes[s].idc as usize].name.clone();
                    let (_, fname) = &self.m.attr_names[field as usize];
                    self.report(
                        start,
                        format!("element '{qname}': duplicate value '{v}' of '{fname}' (identity constraint '{name}')"),
                    )?;
                }
                Some(_) => {}
                None if self.scopes[s].key => {
                    let name = self.m.idcs[self.scopes[s].idc as usize].name.clone();
                    self.report(
                        start,
                        format!("element '{qname}': the key field of '{name}' is missing"),
                    )?;
                }
                None => {}
            }
        }
        Ok(())
    }
}
