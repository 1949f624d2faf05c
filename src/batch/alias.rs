//! Whether two paths name one file: the check that keeps every output (and
//! the report) off every input, however the paths are spelled.
//!
//! Takes paths as given on the command line or planned; gives [`Place`]s
//! that compare equal when the paths name the same file: the same device
//! and inode for a file that exists (which sees through `./a.md`, `..`,
//! symbolic links and hard links), or the same resolved path for one that
//! does not exist yet (its nearest existing folder resolved, the rest
//! appended).

use std::path::{Component, Path, PathBuf};

/// Where a path leads.
#[derive(Debug, Clone)]
pub struct Place {
    /// Device and inode, when the file exists (links followed).
    id: Option<(u64, u64)>,
    /// The path made absolute and resolved as far as it exists.
    resolved: PathBuf,
}

impl Place {
    /// Where `path` leads now.
    pub fn of(path: &Path) -> Place {
        Place {
            id: identity(path),
            resolved: resolve(path),
        }
    }

    /// Whether `self` and `other` are the same file (or would be, once
    /// created).
    pub fn same(&self, other: &Place) -> bool {
        match (self.id, other.id) {
            (Some(a), Some(b)) => a == b,
            _ => self.resolved == other.resolved,
        }
    }

    /// Device and inode, when the file exists.
    pub fn id(&self) -> Option<(u64, u64)> {
        self.id
    }
}

#[cfg(unix)]
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(_path: &Path) -> Option<(u64, u64)> {
    None
}

/// `path` absolute, with its longest existing prefix canonicalised and the
/// rest appended (`.` dropped, `..` taken lexically).
fn resolve(path: &Path) -> PathBuf {
    let absolute = match std::path::absolute(path) {
        Ok(absolute) => absolute,
        Err(_) => path.to_path_buf(),
    };
    let mut rest = Vec::new();
    let mut prefix = absolute.as_path();
    loop {
        if let Ok(real) = std::fs::canonicalize(prefix) {
            let mut resolved = real;
            for component in rest.iter().rev() {
                match component {
                    Component::ParentDir => {
                        resolved.pop();
                    }
                    Component::CurDir => {}
                    other => resolved.push(other),
                }
            }
            return resolved;
        }
        match (prefix.parent(), prefix.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                prefix = parent;
            }
            _ => return absolute,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(unix)]
    fn every_spelling_of_a_file_is_that_file() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.md");
        std::fs::write(&a, "x").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::os::unix::fs::symlink(&a, dir.path().join("link.md")).unwrap();
        std::fs::hard_link(&a, dir.path().join("hard.md")).unwrap();
        let place = Place::of(&a);
        for alias in [
            "./a.md",
            "sub/../a.md",
            "link.md",
            "hard.md",
            "sub/./../a.md",
        ] {
            let path = dir.path().join(alias);
            assert!(place.same(&Place::of(&path)), "{alias}");
        }
        assert!(!place.same(&Place::of(&dir.path().join("b.md"))));
        // Files yet to be made compare by path.
        let new = Place::of(&dir.path().join("sub/../new/x.json"));
        assert!(new.same(&Place::of(&dir.path().join("new/./x.json"))));
        assert!(!new.same(&Place::of(&dir.path().join("new/y.json"))));
    }
}
