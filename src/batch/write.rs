//! Safe writing: every output goes to a temporary file in its target folder
//! and appears under its name only when complete, so a crash or a kill never
//! leaves a partial output. On Linux the data is written to an unnamed file
//! that gets a name only when complete: a kill leaves nothing, or (in the
//! instant between naming and renaming a replacement) one complete
//! `.un2akn-PID-*.tmp`, which the next run writing into that folder removes
//! once process PID is gone; elsewhere at worst such a file, partial. In a
//! batch, every folder is checked to lie inside the output folder before
//! anything is written in it.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use rustc_hash::FxHashSet;

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

/// The output folder of a batch, with the folders in it already created and
/// checked, so each is made and resolved once per run, not once per file.
pub struct OutputRoot {
    /// The canonical output folder.
    root: PathBuf,
    checked: Mutex<FxHashSet<PathBuf>>,
}

impl OutputRoot {
    /// The output folder `root`, which must already be canonical.
    pub fn new(root: PathBuf) -> OutputRoot {
        OutputRoot {
            root,
            checked: Mutex::new(FxHashSet::default()),
        }
    }

    /// Creates `folder` if missing and checks that it resolves inside the
    /// output folder.
    fn prepare(&self, folder: &Path) -> Result<(), WriteError> {
        let known = self
            .checked
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .contains(folder);
        if known {
            return Ok(());
        }
        std::fs::create_dir_all(folder)?;
        let real = std::fs::canonicalize(folder)?;
        if !real.starts_with(&self.root) {
            return Err(WriteError::Outside(real));
        }
        self.checked
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(folder.to_path_buf());
        Ok(())
    }
}

/// Writes `bytes` to `path` atomically. With `within` (the output folder),
/// missing folders are created and the target folder must resolve inside
/// it. With `replace` false an existing file is kept, even one created by
/// someone else while we converted. With `sync` the data is flushed to the
/// disk before the file appears, so even a power failure cannot leave an
/// empty file in place (publishing the file only when complete already
/// guarantees that readers and crashes of this process never see a partial
/// file).
///
/// On Linux the bytes go to an unnamed file (`O_TMPFILE`) which is linked
/// into place when complete: nothing is left behind even by a kill, and the
/// target folder is locked only for the link, not for the creation of the
/// file (which is slow on a file system that has just deleted many files,
/// and serialised two workers writing into one folder). Where the file
/// system or `/proc` does not allow that, and to replace an existing file,
/// a named temporary file is renamed into place instead.
///
/// # Errors
/// Folder creation, temporary file, write, sync, link or rename errors; a
/// folder outside `within`.
pub fn write_atomically(
    path: &Path,
    bytes: &[u8],
    within: Option<&OutputRoot>,
    replace: bool,
    sync: bool,
) -> Result<Written, WriteError> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if let Some(root) = within {
        root.prepare(folder)?;
    }
    #[cfg(target_os = "linux")]
    stale::remove_once(folder);
    #[cfg(target_os = "linux")]
    if let Some(written) = unnamed::write(folder, path, bytes, replace, sync)? {
        return Ok(written);
    }
    write_through_named(folder, path, bytes, replace, sync)
}

/// The names of temporary files: `.un2akn-PID-RANDOM.tmp`, the process id
/// telling a later run whether the file's writer is gone.
fn temporary_names() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix()).suffix(".tmp");
    builder
}

fn prefix() -> &'static str {
    static PREFIX: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PREFIX.get_or_init(|| format!(".un2akn-{}-", std::process::id()))
}

/// Writes through a named temporary file in `folder`, renamed into place.
fn write_through_named(
    folder: &Path,
    path: &Path,
    bytes: &[u8],
    replace: bool,
    sync: bool,
) -> Result<Written, WriteError> {
    let mut builder = temporary_names();
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

/// Unnamed temporary files (`O_TMPFILE`), linked into place when complete.
#[cfg(target_os = "linux")]
mod unnamed {
    use std::fs::File;
    use std::io::Write;
    use std::os::fd::AsRawFd;
    use std::path::Path;
    use std::sync::atomic::{AtomicBool, Ordering};

    use rustix::fs::{linkat, openat, AtFlags, Mode, OFlags, CWD};
    use rustix::io::Errno;

    use super::{WriteError, Written};

    /// Set once the kernel, the file system or a missing `/proc` refused an
    /// unnamed file, so that later outputs go the named way at once instead
    /// of being written twice.
    static UNAVAILABLE: AtomicBool = AtomicBool::new(false);

    /// Writes `bytes` to `path` through an unnamed file in `folder`; `None`
    /// when this way is not available here and the caller should use a
    /// named temporary file. A file to be replaced gets a temporary name
    /// only when complete, and is renamed over the old one at once.
    pub(super) fn write(
        folder: &Path,
        path: &Path,
        bytes: &[u8],
        replace: bool,
        sync: bool,
    ) -> Result<Option<Written>, WriteError> {
        if UNAVAILABLE.load(Ordering::Relaxed) {
            return Ok(None);
        }
        let flags = OFlags::TMPFILE | OFlags::WRONLY | OFlags::CLOEXEC;
        let fd = match openat(CWD, folder, flags, Mode::from_raw_mode(0o666)) {
            Ok(fd) => fd,
            // The kernel or the file system has no unnamed files.
            Err(Errno::OPNOTSUPP | Errno::ISDIR | Errno::INVAL) => {
                UNAVAILABLE.store(true, Ordering::Relaxed);
                return Ok(None);
            }
            Err(e) => return Err(WriteError::Io(e.into())),
        };
        let mut file = File::from(fd);
        file.write_all(bytes)?;
        if sync {
            file.sync_all()?;
        }
        let handle = format!("/proc/self/fd/{}", file.as_raw_fd());
        if replace && std::fs::symlink_metadata(path).is_ok() {
            return replace_with(handle.as_str(), folder, path);
        }
        match linkat(CWD, handle.as_str(), CWD, path, AtFlags::SYMLINK_FOLLOW) {
            Ok(()) => Ok(Some(Written::Yes)),
            Err(Errno::EXIST) if !replace => Ok(Some(Written::Exists)),
            // Created meanwhile, to be replaced.
            Err(Errno::EXIST) => replace_with(handle.as_str(), folder, path),
            // No `/proc` to link through: the named way, from now on.
            Err(Errno::NOENT) => {
                UNAVAILABLE.store(true, Ordering::Relaxed);
                Ok(None)
            }
            Err(e) => Err(WriteError::Io(e.into())),
        }
    }

    /// Gives the complete unnamed file `handle` a temporary name in
    /// `folder` and renames it over `path`.
    fn replace_with(
        handle: &str,
        folder: &Path,
        path: &Path,
    ) -> Result<Option<Written>, WriteError> {
        let named = super::temporary_names().make_in(folder, |temp| {
            linkat(CWD, handle, CWD, temp, AtFlags::SYMLINK_FOLLOW).map_err(std::io::Error::from)
        });
        match named {
            // Dropping the error's file removes the temporary name.
            Ok(named) => match named.persist(path) {
                Ok(_) => Ok(Some(Written::Yes)),
                Err(e) => Err(WriteError::Io(e.error)),
            },
            // No `/proc` to link through: the named way, from now on.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                UNAVAILABLE.store(true, Ordering::Relaxed);
                Ok(None)
            }
            Err(e) => Err(WriteError::Io(e)),
        }
    }
}

/// Temporary files left by killed runs: `.un2akn-PID-*.tmp` whose process
/// is gone, removed from a folder the first time this process writes there.
#[cfg(target_os = "linux")]
mod stale {
    use std::path::{Path, PathBuf};
    use std::sync::{Mutex, PoisonError};

    use rustc_hash::FxHashSet;

    static SWEPT: Mutex<Option<FxHashSet<PathBuf>>> = Mutex::new(None);

    /// Removes the stale temporary files of `folder`, once per process.
    pub(super) fn remove_once(folder: &Path) {
        {
            let mut swept = SWEPT.lock().unwrap_or_else(PoisonError::into_inner);
            if !swept
                .get_or_insert_with(FxHashSet::default)
                .insert(folder.to_path_buf())
            {
                return;
            }
        }
        remove(folder);
    }

    /// Removes every `.un2akn-PID-*.tmp` in `folder` whose process PID no
    /// longer runs (a live PID, even one reused by another program, keeps
    /// its files: better one file too many than a file in use removed).
    pub(super) fn remove(folder: &Path) {
        let Ok(entries) = std::fs::read_dir(folder) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(pid) = name.to_str().and_then(writer) else {
                continue;
            };
            let alive = pid == std::process::id()
                || Path::new(&format!("/proc/{pid}")).exists()
                || !Path::new("/proc/self").exists();
            if !alive && entry.file_type().is_ok_and(|t| t.is_file()) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }

    /// The process id in a temporary file's name `.un2akn-PID-RANDOM.tmp`.
    pub(super) fn writer(name: &str) -> Option<u32> {
        let rest = name.strip_prefix(".un2akn-")?.strip_suffix(".tmp")?;
        let (pid, random) = rest.split_once('-')?;
        if random.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        pid.parse().ok()
    }
}

/// Writes `bytes` to standard output.
///
/// # Errors
/// Any write error, a closed pipe (`| head`) and a full disk included, and
/// a closed standard output (`>&-`), which Rust's own standard output
/// would silently treat as written.
pub fn print(bytes: &[u8]) -> io::Result<()> {
    stdout_open()?;
    let mut stdout = io::stdout().lock();
    stdout.write_all(bytes).and_then(|()| stdout.flush())
}

/// Fails when standard output was closed when the process started
/// (`>&-`). Rust's runtime then opens `/dev/null` read-write in its place,
/// so that writes would "succeed" into nothing; a shell's `>/dev/null` opens
/// it write-only, which is how the two are told apart.
///
/// # Errors
/// An I/O error saying that standard output is closed.
pub fn stdout_open() -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{fcntl_getfl, fstat, stat, OFlags};
        let closed = || io::Error::new(io::ErrorKind::BrokenPipe, "standard output is closed");
        let stdout = io::stdout();
        let out = fstat(&stdout).map_err(|_| closed())?;
        let flags = fcntl_getfl(&stdout).map_err(|_| closed())?;
        let dev_null = stat("/dev/null")
            .is_ok_and(|null| (null.st_dev, null.st_ino) == (out.st_dev, out.st_ino));
        if dev_null && flags & OFlags::RWMODE == OFlags::RDWR {
            return Err(closed());
        }
    }
    Ok(())
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
        let root = OutputRoot::new(root);
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
    fn both_ways_give_an_ordinary_file_and_keep_what_exists() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        let plain = dir.path().join("plain");
        std::fs::write(&plain, "").unwrap();
        let unnamed = dir.path().join("unnamed.xml");
        write_atomically(&unnamed, b"1", None, false, false).unwrap();
        let named = dir.path().join("named.xml");
        let written = write_through_named(dir.path(), &named, b"2", false, false).unwrap();
        assert_eq!(written, Written::Yes);
        assert_eq!(mode(&unnamed), mode(&plain));
        assert_eq!(mode(&named), mode(&plain));
        let kept = write_through_named(dir.path(), &named, b"3", false, false).unwrap();
        assert_eq!(kept, Written::Exists);
        assert_eq!(std::fs::read(&named).unwrap(), b"2");
        assert_eq!(names(dir.path()), ["named.xml", "plain", "unnamed.xml"]);
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn replacing_leaves_no_name_and_stale_files_of_dead_writers_go() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.xml");
        std::fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new", None, true, false).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(names(dir.path()), ["c.xml"]);
        // PID 0 is no process's; our own PID is alive; other names are not
        // ours.
        let own = format!("{}abc.tmp", prefix());
        for name in [
            ".un2akn-0-abc.tmp",
            own.as_str(),
            ".un2akn-abc.tmp",
            ".un2akn-0-.tmp",
            "x.tmp",
        ] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        stale::remove(dir.path());
        let mut expected = vec![
            ".un2akn-0-.tmp",
            ".un2akn-abc.tmp",
            own.as_str(),
            "c.xml",
            "x.tmp",
        ];
        expected.sort_unstable();
        assert_eq!(names(dir.path()), expected);
        assert_eq!(stale::writer(".un2akn-12-x.tmp"), Some(12));
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
        let root = OutputRoot::new(std::fs::canonicalize(&out).unwrap());
        // A folder already checked does not excuse another one.
        for name in ["ok/a.xml", "ok/b.xml"] {
            write_atomically(&out.join(name), b"x", Some(&root), true, false).unwrap();
        }
        assert_eq!(names(&out.join("ok")), ["a.xml", "b.xml"]);
        let error =
            write_atomically(&out.join("sub/a.xml"), b"x", Some(&root), true, false).unwrap_err();
        assert!(matches!(error, WriteError::Outside(_)), "{error}");
        assert!(names(&elsewhere).is_empty());
    }
}
