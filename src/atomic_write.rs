//! Replacing a file's contents atomically, for `--fix` and `codegen --out`.
//!
//! The new contents go to a temporary file in the same directory (a rename is only atomic
//! within one file system), which gets the old file's permissions, is flushed to disk, and is
//! then renamed over the old file. Readers see the old file or the new one, never a mix, and a
//! failure at any step leaves the old file exactly as it was.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

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
    let old_permissions = match std::fs::metadata(&target) {
        Ok(m) => Some(m.permissions()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".linkedin-lint.").suffix(".tmp");
    #[cfg(unix)]
    if old_permissions.is_none() {
        // A new file gets the usual mode (the umask applies), not the 0600 of temporary files.
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&dir)?;
    tmp.write_all(new)?;
    if let Some(p) = old_permissions {
        tmp.as_file().set_permissions(p)?;
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
