//! Hash maps for the validator's small keys (interned names, attribute
//! values): rustc-hash's Fx hasher, one multiply per word. The keys come from
//! one schema and one document, whose work is already bounded by its size,
//! so a flooding-resistant hasher buys nothing here.

pub(super) use rustc_hash::{FxHashMap, FxHashSet};

/// A map from XML names, as bytes, to their ids; looked up with names
/// borrowed from the document.
#[derive(Debug, Default, Clone)]
pub(super) struct NameMap(FxHashMap<Box<[u8]>, u16>);

impl NameMap {
    /// Adds a name (replacing an equal one).
    pub(super) fn insert(&mut self, key: &[u8], id: u16) {
        self.0.insert(key.into(), id);
    }

    /// The id of a name.
    #[inline]
    pub(super) fn get(&self, key: &[u8]) -> Option<u16> {
        self.0.get(key).copied()
    }
}
