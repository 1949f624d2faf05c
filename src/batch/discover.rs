//! Input discovery: command-line paths to a deterministic list of inputs.
//!
//! Folders are walked recursively (following symbolic links, with walkdir's
//! loop detection), entries sorted by name at every level, hidden entries
//! (`.name`) skipped, and files kept when they match the globs. Files named on
//! the command line are always kept. The order is the arguments' order, then
//! each walk's sorted order, whatever the file system returns.

use std::io;
use std::path::{Component, Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use walkdir::{DirEntry, WalkDir};

/// One input as found on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// Standard input (`-`).
    Stdin,
    /// A file, with the path its output mirrors: below the folder argument it
    /// was found in, or just its name for a file argument.
    File {
        /// The path to read.
        path: PathBuf,
        /// The relative path to mirror.
        rel: PathBuf,
    },
    /// Something that could not be read or walked: a failed input.
    Unreadable {
        /// Where.
        path: PathBuf,
        /// Why, e.g. `cannot read: No such file or directory (os error 2)`.
        message: String,
    },
}

impl Entry {
    /// The path to show for this input.
    pub fn name(&self) -> String {
        match self {
            Entry::Stdin => "<stdin>".into(),
            Entry::File { path, .. } | Entry::Unreadable { path, .. } => path.display().to_string(),
        }
    }

    /// The file read, if it is a file.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Entry::File { path, .. } => Some(path),
            _ => None,
        }
    }
}

/// Which files to take from folders.
#[derive(Debug, Clone)]
pub struct Globs {
    /// Globs without `/`: matched against file names.
    names: GlobSet,
    /// Globs with `/`: matched against the path below the folder argument.
    paths: GlobSet,
}

impl Globs {
    /// Compiles `patterns`.
    ///
    /// # Errors
    /// A pattern that is not a valid glob.
    pub fn new(patterns: &[String]) -> Result<Globs, globset::Error> {
        let mut names = GlobSetBuilder::new();
        let mut paths = GlobSetBuilder::new();
        for pattern in patterns {
            let glob = GlobBuilder::new(pattern)
                .literal_separator(true)
                .backslash_escape(true)
                .build()?;
            if pattern.contains('/') {
                paths.add(glob);
            } else {
                names.add(glob);
            }
        }
        Ok(Globs {
            names: names.build()?,
            paths: paths.build()?,
        })
    }

    /// Whether a file at `rel` below a folder argument is an input.
    pub fn matches(&self, rel: &Path) -> bool {
        rel.file_name()
            .is_some_and(|name| self.names.is_match(name))
            || self.paths.is_match(rel)
    }
}

/// Finds the inputs named by `arguments`, in order. `exclude` (canonical) is a
/// folder never entered: the output folder, when it lies inside an input
/// folder.
pub fn discover(arguments: &[PathBuf], globs: &Globs, exclude: Option<&Path>) -> Vec<Entry> {
    let mut entries = Vec::new();
    for argument in arguments {
        if argument.as_os_str() == "-" {
            entries.push(Entry::Stdin);
            continue;
        }
        match std::fs::metadata(argument) {
            Err(e) => entries.push(Entry::Unreadable {
                path: argument.clone(),
                message: format!("cannot read: {e}"),
            }),
            Ok(metadata) if metadata.is_dir() => walk(argument, globs, exclude, &mut entries),
            Ok(_) => match argument.file_name() {
                Some(name) => entries.push(Entry::File {
                    path: argument.clone(),
                    rel: PathBuf::from(name),
                }),
                None => entries.push(Entry::Unreadable {
                    path: argument.clone(),
                    message: "cannot name an output for this path".into(),
                }),
            },
        }
    }
    entries
}

fn is_hidden(entry: &DirEntry) -> bool {
    entry.depth() > 0 && entry.file_name().as_encoded_bytes().starts_with(b".")
}

fn is_excluded(entry: &DirEntry, exclude: Option<&Path>) -> bool {
    match exclude {
        // A folder argument that is the output folder itself is converted in
        // place (`convert DIR -o DIR`); only a folder below it is skipped.
        Some(exclude) if entry.depth() > 0 && entry.file_type().is_dir() => {
            std::fs::canonicalize(entry.path()).is_ok_and(|real| real == exclude)
        }
        _ => false,
    }
}

fn walk(root: &Path, globs: &Globs, exclude: Option<&Path>, entries: &mut Vec<Entry>) {
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| !is_hidden(entry) && !is_excluded(entry, exclude));
    for item in walker {
        match item {
            Ok(entry) => {
                if !entry.file_type().is_file() {
                    continue;
                }
                let Ok(rel) = entry.path().strip_prefix(root) else {
                    continue;
                };
                if globs.matches(rel) {
                    entries.push(Entry::File {
                        rel: rel.to_path_buf(),
                        path: entry.into_path(),
                    });
                }
            }
            Err(error) => {
                let path = error.path().unwrap_or(root).to_path_buf();
                let message = match error.io_error() {
                    Some(io) => format!("cannot read: {io}"),
                    None => error.to_string(),
                };
                // A dangling link that would not have been an input anyway is
                // not worth a failure.
                let dangling = error
                    .io_error()
                    .is_some_and(|io| io.kind() == io::ErrorKind::NotFound);
                let relevant = error.loop_ancestor().is_some()
                    || !dangling
                    || path.strip_prefix(root).is_ok_and(|rel| globs.matches(rel));
                if relevant {
                    entries.push(Entry::Unreadable { path, message });
                }
            }
        }
    }
}

/// Whether `rel` only goes down: no `..`, no root, no prefix.
pub fn stays_below(rel: &Path) -> bool {
    rel.components().all(|c| matches!(c, Component::Normal(_))) && rel.components().next().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn globs(patterns: &[&str]) -> Globs {
        Globs::new(&patterns.iter().map(|p| p.to_string()).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn name_globs_match_at_any_depth_and_path_globs_below_the_folder() {
        let g = globs(&["*.md", "drafts/*.txt"]);
        assert!(g.matches(Path::new("a.md")));
        assert!(g.matches(Path::new("x/y/a.md")));
        assert!(!g.matches(Path::new("x/a.txt")));
        assert!(g.matches(Path::new("drafts/a.txt")));
        assert!(!g.matches(Path::new("drafts/deeper/a.txt")));
        assert!(!g.matches(Path::new("a.md.json")));
    }

    #[test]
    fn walks_sorted_skips_hidden_and_keeps_explicit_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in [
            "b/2.md",
            "b/1.txt",
            "a.md",
            ".hidden/x.md",
            "b/.y.md",
            "c.json",
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let explicit = root.join("c.json");
        let missing = root.join("missing.md");
        let found = discover(
            &[root.to_path_buf(), explicit.clone(), missing.clone()],
            &globs(&["*.md", "*.txt"]),
            None,
        );
        let rels: Vec<_> = found
            .iter()
            .map(|e| match e {
                Entry::File { rel, .. } => rel.display().to_string(),
                other => format!("! {}", other.name()),
            })
            .collect();
        assert_eq!(
            rels,
            [
                "a.md".to_string(),
                "b/1.txt".into(),
                "b/2.md".into(),
                "c.json".into(),
                format!("! {}", missing.display()),
            ]
        );
    }

    #[test]
    fn the_excluded_folder_is_not_entered() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("out")).unwrap();
        std::fs::write(dir.path().join("out/old.md"), "x").unwrap();
        std::fs::write(dir.path().join("new.md"), "x").unwrap();
        let exclude = std::fs::canonicalize(dir.path().join("out")).unwrap();
        let found = discover(
            &[dir.path().to_path_buf()],
            &globs(&["*.md"]),
            Some(&exclude),
        );
        assert_eq!(found.len(), 1);
        assert!(matches!(&found[0], Entry::File { rel, .. } if rel == Path::new("new.md")));
    }

    #[test]
    fn only_downward_relative_paths_stay_below() {
        assert!(stays_below(Path::new("a/b.md")));
        assert!(!stays_below(Path::new("../b.md")));
        assert!(!stays_below(Path::new("/b.md")));
        assert!(!stays_below(Path::new("")));
    }
}
