//! Output planning for a batch: every input's output path, decided and
//! checked before anything is written.
//!
//! An output mirrors its input's relative path (below its folder argument,
//! or just the file name for a file argument) inside the output folder, with
//! the format's extension. The plan is refused as a whole when two inputs
//! would share an output, when an output would land outside the output folder
//! (through `..`, or a symbolic link already inside it), or when an output
//! would replace its own input.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::alias::Place;
use super::discover::{stays_below, Entry};
use super::{Job, Output};

/// How many offending paths a refusal lists.
const LISTED: usize = 20;

/// Plans every entry's output inside `outdir`.
///
/// # Errors
/// A message naming every collision and every output that would escape
/// `outdir`; then nothing may be written.
pub fn plan(entries: Vec<Entry>, outdir: &Path, extension: &str) -> Result<Vec<Job>, String> {
    // Where the output folder really is; when it does not exist yet, nothing
    // below it exists either, and everything below will be created by us.
    let root = std::fs::canonicalize(outdir).ok();
    let mut verdicts = HashMap::new();
    let mut escapes = Vec::new();
    let mut by_output: HashMap<PathBuf, Vec<usize>> = HashMap::new();
    let mut jobs = Vec::with_capacity(entries.len());
    // Every input file by identity (device and inode), so that an output
    // landing on any input, by any spelling, link or hard link, is caught.
    let inputs: HashMap<(u64, u64), PathBuf> = entries
        .iter()
        .filter_map(|entry| entry.path())
        .filter_map(|path| Some((Place::of(path).id()?, path.to_path_buf())))
        .collect();
    for entry in entries {
        let output = match &entry {
            Entry::Stdin => {
                return Err("standard input (-) can only be converted on its own".into())
            }
            Entry::Unreadable { .. } => Output::None,
            Entry::File { path, rel } => {
                let output = outdir.join(rel).with_extension(extension);
                if !stays_below(rel) {
                    escapes.push(format!(
                        "{}: {} is not below {}",
                        path.display(),
                        output.display(),
                        outdir.display()
                    ));
                } else if let Some(reason) = root
                    .as_deref()
                    .and_then(|root| outside(root, outdir, rel, &mut verdicts))
                {
                    escapes.push(format!("{}: {reason}", path.display()));
                } else if let Some(input) = Place::of(&output).id().and_then(|id| inputs.get(&id)) {
                    escapes.push(if Place::of(path).id() == Place::of(input).id() {
                        format!(
                            "{}: its output {} is the input itself",
                            path.display(),
                            output.display()
                        )
                    } else {
                        format!(
                            "{}: its output {} is the input {}",
                            path.display(),
                            output.display(),
                            input.display()
                        )
                    });
                }
                by_output
                    .entry(output.clone())
                    .or_default()
                    .push(jobs.len());
                Output::File(output)
            }
        };
        jobs.push(Job {
            input: entry,
            output,
        });
    }

    // Collisions, in the order of their first input.
    let mut collisions: Vec<&Vec<usize>> = by_output.values().filter(|v| v.len() > 1).collect();
    collisions.sort_by_key(|v| v[0]);
    if escapes.is_empty() && collisions.is_empty() {
        return Ok(jobs);
    }
    let mut message = String::from("nothing was written:");
    if !collisions.is_empty() {
        let _ = write!(
            message,
            "\n{} output path(s) would each be written by several inputs \
             (rename the inputs, or convert them into different folders):",
            collisions.len()
        );
        for indices in collisions.iter().take(LISTED) {
            let Output::File(output) = &jobs[indices[0]].output else {
                continue;
            };
            let inputs: Vec<String> = indices.iter().map(|&i| jobs[i].input.name()).collect();
            let _ = write!(message, "\n  {} <- {}", output.display(), inputs.join(", "));
        }
        more(&mut message, collisions.len());
    }
    if !escapes.is_empty() {
        let _ = write!(
            message,
            "\n{} output(s) would be written outside the output folder {} or over an input:",
            escapes.len(),
            outdir.display()
        );
        for escape in escapes.iter().take(LISTED) {
            let _ = write!(message, "\n  {escape}");
        }
        more(&mut message, escapes.len());
    }
    Err(message)
}

fn more(message: &mut String, count: usize) {
    if count > LISTED {
        let _ = write!(message, "\n  … and {} more", count - LISTED);
    }
}

/// Why the output at `outdir/rel` would not be inside `root` (the canonical
/// output folder), checking every folder on the way that already exists;
/// `None` when it would be inside. Verdicts are cached per folder.
fn outside(
    root: &Path,
    outdir: &Path,
    rel: &Path,
    verdicts: &mut HashMap<PathBuf, Option<String>>,
) -> Option<String> {
    let mut folder = outdir.to_path_buf();
    for component in rel.parent()?.components() {
        folder.push(component);
        if let Some(verdict) = verdicts.get(&folder) {
            if verdict.is_some() {
                return verdict.clone();
            }
            continue;
        }
        if std::fs::symlink_metadata(&folder).is_err() {
            // Does not exist yet: we create it, and everything below it.
            verdicts.insert(folder, None);
            return None;
        }
        let verdict = match std::fs::canonicalize(&folder) {
            Ok(real) if real.starts_with(root) => None,
            Ok(real) => Some(format!("{} leads to {}", folder.display(), real.display())),
            Err(e) => Some(format!("{} cannot be resolved: {e}", folder.display())),
        };
        verdicts.insert(folder.clone(), verdict.clone());
        if verdict.is_some() {
            return verdict;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, rel: &str) -> Entry {
        Entry::File {
            path: path.into(),
            rel: rel.into(),
        }
    }

    #[test]
    fn outputs_mirror_relative_paths_with_the_extension() {
        let jobs = plan(
            vec![
                file("in/a/A_80_L.19.txt", "a/A_80_L.19.txt"),
                file("x.md", "x.md"),
            ],
            Path::new("/nonexistent/out"),
            "akn.xml",
        )
        .unwrap();
        let outputs: Vec<_> = jobs
            .iter()
            .map(|j| match &j.output {
                Output::File(p) => p.display().to_string(),
                _ => String::new(),
            })
            .collect();
        assert_eq!(
            outputs,
            [
                "/nonexistent/out/a/A_80_L.19.akn.xml",
                "/nonexistent/out/x.akn.xml"
            ]
        );
    }

    #[test]
    fn collisions_are_refused_with_every_input_named() {
        let error = plan(
            vec![
                file("one/x.md", "x.md"),
                file("two/x.md", "x.md"),
                file("two/x.txt", "x.txt"),
                file("y.md", "y.md"),
            ],
            Path::new("out"),
            "akn.xml",
        )
        .unwrap_err();
        assert!(
            error.contains("out/x.akn.xml <- one/x.md, two/x.md, two/x.txt"),
            "{error}"
        );
        assert!(!error.contains("y.md"), "{error}");
    }

    #[test]
    #[cfg(unix)]
    fn upward_paths_and_links_out_of_the_folder_are_refused() {
        let error = plan(vec![file("a.md", "../a.md")], Path::new("out"), "akn.xml").unwrap_err();
        assert!(error.contains("outside the output folder"), "{error}");

        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, out.join("sub")).unwrap();
        let error = plan(vec![file("in/sub/a.md", "sub/a.md")], &out, "akn.xml").unwrap_err();
        assert!(error.contains("leads to"), "{error}");
        // A link that stays inside is fine.
        std::fs::create_dir_all(out.join("real")).unwrap();
        std::os::unix::fs::symlink(out.join("real"), out.join("alias")).unwrap();
        plan(vec![file("in/alias/a.md", "alias/a.md")], &out, "akn.xml").unwrap();
    }

    #[test]
    fn an_output_that_is_its_own_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("a.json");
        std::fs::write(&input, "{}").unwrap();
        let error = plan(
            vec![Entry::File {
                path: input,
                rel: "a.json".into(),
            }],
            dir.path(),
            "json",
        )
        .unwrap_err();
        assert!(error.contains("is the input itself"), "{error}");
    }
}
