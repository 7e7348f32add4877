//! Replacing a file's contents atomically, for `--fix` and `codegen --out`.
//!
//! The new contents go to a temporary file in the same directory (a rename is only atomic
//! within one file system), which gets the old file's owner, group and permissions, is flushed
//! to disk, and is then renamed over the old file. Readers see the old file or the new one,
//! never a mix, and a failure at any step leaves the old file exactly as it was.
//!
//! A rename needs write permission on the directory only, so it could replace a file its user
//! may not write (someone else's file in a world-writable directory), or silently hand the file
//! to a new owner. Neither happens: a file this user cannot open for writing is not replaced,
//! and neither is one whose owner and group the replacement cannot be given.
//!
//! Temporary files are named `.linkedin-lint.XXXXXX.tmp`. One that an interrupted run left
//! behind (killed before it could remove it) is removed by a later write to the same directory
//! once it is an hour old.

use std::ffi::OsStr;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const TMP_PREFIX: &str = ".linkedin-lint.";
const TMP_SUFFIX: &str = ".tmp";
const TMP_RANDOM: usize = 6;
/// Age from which a temporary file of ours is taken for one an interrupted run left behind; no
/// write takes anywhere near as long.
const STALE_AFTER: Duration = Duration::from_secs(60 * 60);

/// What [`replace`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replaced {
    Written,
    /// The file no longer held the expected bytes; nothing was written.
    Changed,
}

/// Replace the contents of `path` (created if missing) by `new`. With `expected`, only if the
/// file still holds exactly those bytes: checked after the temporary file is written, right
/// before the rename, to keep the window for a lost concurrent edit as small as possible.
pub fn replace(path: &Path, new: &[u8], expected: Option<&[u8]>) -> io::Result<Replaced> {
    let target = resolve(path)?;
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let old = match std::fs::metadata(&target) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if let Some(m) = &old {
        check_writable(&target, m)?;
    }
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(TMP_PREFIX)
        .suffix(TMP_SUFFIX)
        .rand_bytes(TMP_RANDOM);
    #[cfg(unix)]
    if old.is_none() {
        // A new file gets the usual mode (the umask applies), not the 0600 of temporary files.
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&dir)?;
    remove_stale(&dir, tmp.as_file(), SystemTime::now());
    tmp.write_all(new)?;
    if let Some(m) = &old {
        // Owner first: a change of owner may clear the set-user-ID and set-group-ID bits.
        #[cfg(unix)]
        keep_owner(tmp.as_file(), m, &target)?;
        tmp.as_file().set_permissions(m.permissions())?;
    }
    tmp.as_file().sync_all()?;
    if let Some(expected) = expected {
        if std::fs::read(&target)? != expected {
            return Ok(Replaced::Changed); // `tmp` is removed on drop
        }
    }
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(Replaced::Written)
}

/// Refuse to replace a file this user could not write in place. The kernel decides, by an
/// open for writing that changes nothing (no truncation, no write): owner, group and other
/// bits, ACLs, root's privileges and read-only mounts all count as they would for an editor.
/// Only regular files are tried (opening a FIFO for writing would wait for a reader).
fn check_writable(target: &Path, old: &std::fs::Metadata) -> io::Result<()> {
    if !old.is_file() {
        return Ok(());
    }
    match std::fs::OpenOptions::new().write(true).open(target) {
        Ok(_) => Ok(()),
        Err(e) => Err(io::Error::new(
            e.kind(),
            format!("{} is not writable by this user: {e}", target.display()),
        )),
    }
}

/// Give the temporary file the owner and group of the file it replaces. When this user may not
/// (only root may give a file away, and only to a group it is in may a user move it), the
/// replacement would change hands: refuse.
#[cfg(unix)]
fn keep_owner(tmp: &std::fs::File, old: &std::fs::Metadata, target: &Path) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt as _;
    let now = tmp.metadata()?;
    let uid = (now.uid() != old.uid()).then_some(old.uid());
    let gid = (now.gid() != old.gid()).then_some(old.gid());
    if uid.is_none() && gid.is_none() {
        return Ok(());
    }
    std::os::unix::fs::fchown(tmp, uid, gid).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!(
                "{} is owned by {}:{}, which this user cannot give a new file: {e}",
                target.display(),
                old.uid(),
                old.gid()
            ),
        )
    })
}

/// Whether a file name is one of our temporary files: `.linkedin-lint.XXXXXX.tmp`.
fn is_our_temporary(name: &OsStr) -> bool {
    name.to_str()
        .and_then(|n| n.strip_prefix(TMP_PREFIX))
        .and_then(|n| n.strip_suffix(TMP_SUFFIX))
        .is_some_and(|r| r.len() == TMP_RANDOM && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Remove the temporary files of ours in `dir` that interrupted runs left behind: regular
/// files, at least [`STALE_AFTER`] old, of the same owner as `fresh` (the temporary file this
/// run just made there). Each directory is looked at once per process; nothing here fails a
/// write.
fn remove_stale(dir: &Path, fresh: &std::fs::File, now: SystemTime) {
    use std::collections::HashSet;
    use std::sync::{Mutex, OnceLock};
    static SWEPT: OnceLock<Mutex<HashSet<PathBuf>>> = OnceLock::new();
    let swept = SWEPT.get_or_init(Default::default);
    if !swept
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(dir.to_path_buf())
    {
        return;
    }
    let Ok(fresh) = fresh.metadata() else { return };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if !is_our_temporary(&entry.file_name()) {
            continue;
        }
        // Not followed through symbolic links.
        let Ok(m) = entry.metadata() else { continue };
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            if m.uid() != fresh.uid() {
                continue;
            }
        }
        #[cfg(not(unix))]
        let _ = &fresh;
        let old = m
            .modified()
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if m.is_file() && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The file a path names, through symbolic links, so a link stays a link and its target gets
/// the new contents.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    match std::fs::canonicalize(path) {
        Ok(p) => Ok(p),
        Err(e)
            if e.kind() == io::ErrorKind::NotFound && std::fs::symlink_metadata(path).is_err() =>
        {
            Ok(path.to_path_buf())
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_creates() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        assert_eq!(replace(&p, b"one", None).unwrap(), Replaced::Written);
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        assert_eq!(
            replace(&p, b"two", Some(b"one")).unwrap(),
            Replaced::Written
        );
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn leaves_a_changed_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "edited meanwhile").unwrap();
        assert_eq!(
            replace(&p, b"fixed", Some(b"as scanned")).unwrap(),
            Replaced::Changed
        );
        assert_eq!(std::fs::read(&p).unwrap(), b"edited meanwhile");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn recognises_its_temporary_files() {
        assert!(is_our_temporary(OsStr::new(".linkedin-lint.aB3xY9.tmp")));
        for other in [
            ".linkedin-lint.tmp",
            ".linkedin-lint..tmp",
            ".linkedin-lint.aB3xY.tmp",
            ".linkedin-lint.aB3xY9.tmp.bak",
            ".linkedin-lint.a-3xY9.tmp",
            "linkedin-lint.aB3xY9.tmp",
            ".linkedin-lint.toml",
        ] {
            assert!(!is_our_temporary(OsStr::new(other)), "{other}");
        }
    }

    #[test]
    fn removes_stale_temporary_files_once_per_directory() {
        let dir = tempfile::tempdir().unwrap();
        let old = SystemTime::now() - STALE_AFTER - Duration::from_secs(60);
        let make = |name: &str, at: Option<SystemTime>| {
            let f = std::fs::File::create(dir.path().join(name)).unwrap();
            if let Some(t) = at {
                f.set_modified(t).unwrap();
            }
        };
        make(".linkedin-lint.St4le1.tmp", Some(old));
        make(".linkedin-lint.Fresh1.tmp", None);
        make(".linkedin-lint.old.tmp", Some(old));
        std::fs::create_dir(dir.path().join(".linkedin-lint.D1rect.tmp")).unwrap();
        let p = dir.path().join("a.txt");
        replace(&p, b"one", None).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                ".linkedin-lint.D1rect.tmp",
                ".linkedin-lint.Fresh1.tmp",
                ".linkedin-lint.old.tmp",
                "a.txt"
            ]
        );
        // The directory was swept: a second write does not read it again.
        make(".linkedin-lint.St4le2.tmp", Some(old));
        replace(&p, b"two", None).unwrap();
        assert!(dir.path().join(".linkedin-lint.St4le2.tmp").exists());
    }

    /// A file whose owner may not write it (mode 0464: the group may, the owner may not) is not
    /// replaced, although a rename in its directory would succeed. Root may write any file, so
    /// there this only checks that root still can; `tests/hardening.rs` runs the binary as
    /// `nobody` for the rest.
    #[cfg(unix)]
    #[test]
    fn refuses_a_file_this_user_may_not_write() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "old").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o464)).unwrap();
        assert!(!std::fs::metadata(&p).unwrap().permissions().readonly());
        let privileged = std::fs::OpenOptions::new().write(true).open(&p).is_ok();
        let got = replace(&p, b"new", Some(b"old"));
        if privileged {
            assert_eq!(got.unwrap(), Replaced::Written);
            return;
        }
        let e = got.unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::PermissionDenied);
        assert!(
            e.to_string().contains("a.txt is not writable by this user"),
            "{e}"
        );
        assert_eq!(std::fs::read(&p).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// Root: the replacement gets the owner and group of the file it replaces.
    #[cfg(unix)]
    #[test]
    fn keeps_owner_and_group() {
        use std::os::unix::fs::MetadataExt as _;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "old").unwrap();
        if std::os::unix::fs::chown(&p, Some(1234), Some(5678)).is_err() {
            return; // not root: cannot set up a file of another owner
        }
        replace(&p, b"new", Some(b"old")).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"new");
        let m = std::fs::metadata(&p).unwrap();
        assert_eq!((m.uid(), m.gid()), (1234, 5678));
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions_and_symlinks() {
        use std::fs::Permissions;
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.sh");
        std::fs::write(&real, "old").unwrap();
        std::fs::set_permissions(&real, Permissions::from_mode(0o754)).unwrap();
        let link = dir.path().join("link.sh");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        replace(&link, b"new", Some(b"old")).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o754);
    }
}
