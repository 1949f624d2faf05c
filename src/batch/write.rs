//! Safe writing: every output goes to a temporary file in its target folder
//! and is renamed into place, so a crash or a kill never leaves a partial
//! output (at worst a hidden `.un2akn-*.tmp`); in a batch, every folder is
//! checked to lie inside the output folder before anything is written in it.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How an output was (not) written.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    /// In place.
    Yes,
    /// Another process created the output meanwhile, and it is kept.
    Exists,
}

/// Why an output could not be written.
#[derive(Debug)]
pub enum WriteError {
    /// The file system said no.
    Io(io::Error),
    /// The target folder resolves outside the output folder.
    Outside(PathBuf),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Io(e) => write!(f, "cannot write: {e}"),
            WriteError::Outside(real) => write!(
                f,
                "refusing to write outside the output folder (the folder is {})",
                real.display()
            ),
        }
    }
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> WriteError {
        WriteError::Io(e)
    }
}

/// Writes `bytes` to `path` atomically. With `within` (the canonical output
/// folder), missing folders are created and the target folder must resolve
/// inside it. With `replace` false an existing file is kept, even one created
/// by someone else while we converted. With `sync` the data is flushed to the
/// disk before the rename, so even a power failure cannot leave an empty
/// file in place (the rename alone already guarantees that readers and
/// crashes of this process never see a partial file).
///
/// # Errors
/// Folder creation, temporary file, write, sync or rename errors; a folder
/// outside `within`.
pub fn write_atomically(
    path: &Path,
    bytes: &[u8],
    within: Option<&Path>,
    replace: bool,
    sync: bool,
) -> Result<Written, WriteError> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if let Some(root) = within {
        std::fs::create_dir_all(folder)?;
        let real = std::fs::canonicalize(folder)?;
        if !real.starts_with(root) {
            return Err(WriteError::Outside(real));
        }
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".un2akn-").suffix(".tmp");
    #[cfg(unix)]
    {
        // An ordinary file's mode (0666 less the umask), not the temporary
        // file's private 0600.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(folder)?;
    file.write_all(bytes)?;
    if sync {
        file.as_file().sync_all()?;
    }
    let persisted = if replace {
        file.persist(path)
    } else {
        file.persist_noclobber(path)
    };
    match persisted {
        Ok(_) => Ok(Written::Yes),
        // Dropping the error's file removes the temporary file.
        Err(e) if !replace && e.error.kind() == io::ErrorKind::AlreadyExists => Ok(Written::Exists),
        Err(e) => Err(WriteError::Io(e.error)),
    }
}

/// Writes `bytes` to standard output; a closed pipe (`| head`) is not an
/// error.
///
/// # Errors
/// Any other write error.
pub fn print(bytes: &[u8]) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_in_place_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let path = dir.path().join("a/b/c.akn.xml");
        let written = write_atomically(&path, b"<x/>", Some(&root), false, true).unwrap();
        assert_eq!(written, Written::Yes);
        assert_eq!(std::fs::read(&path).unwrap(), b"<x/>");
        assert_eq!(names(&dir.path().join("a/b")), ["c.akn.xml"]);
    }

    #[test]
    fn an_existing_file_is_kept_unless_replacing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.xml");
        std::fs::write(&path, "old").unwrap();
        assert_eq!(
            write_atomically(&path, b"new", None, false, false).unwrap(),
            Written::Exists
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(names(dir.path()), ["c.xml"]);
        write_atomically(&path, b"new", None, true, false).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    }

    #[test]
    #[cfg(unix)]
    fn a_folder_leading_outside_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, out.join("sub")).unwrap();
        let root = std::fs::canonicalize(&out).unwrap();
        let error =
            write_atomically(&out.join("sub/a.xml"), b"x", Some(&root), true, false).unwrap_err();
        assert!(matches!(error, WriteError::Outside(_)), "{error}");
        assert!(names(&elsewhere).is_empty());
    }
}
