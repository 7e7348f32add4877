//! The paths git tracks, read from `.git/index`, so that a file a repository commits but also
//! lists in its `.gitignore` (a Spring `application.properties`, a `config.properties`) is
//! still read: the walker, like ripgrep, skips what `.gitignore` matches, and only git's index
//! says the file is part of the repository anyway.
//!
//! Only what the walk needs is read: the path of every entry (index versions 2, 3 and 4). An
//! index that cannot be read or parsed gives no paths; the walk is then what it was before.

use std::path::{Path, PathBuf};

/// Larger indexes are not read (a repository with millions of files).
const MAX_INDEX_BYTES: u64 = 256 << 20;

/// The tracked paths (relative to the repository root, `/`-separated) of the git repository
/// whose work tree is `root`, or `None` when `root` has no readable `.git/index`.
pub fn tracked(root: &Path) -> Option<Vec<String>> {
    let index = root.join(".git").join("index");
    let meta = std::fs::metadata(&index).ok()?;
    if !meta.is_file() || meta.len() > MAX_INDEX_BYTES {
        return None;
    }
    parse(&std::fs::read(&index).ok()?)
}

/// The entry paths of an index file's bytes; `None` if it is not a well-formed index.
pub fn parse(b: &[u8]) -> Option<Vec<String>> {
    let be32 = |at: usize| -> Option<u32> {
        Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
    };
    if b.get(..4)? != b"DIRC" {
        return None;
    }
    let version = be32(4)?;
    if !(2..=4).contains(&version) {
        return None;
    }
    let count = be32(8)? as usize;
    // Each entry takes at least 62 bytes: a count beyond that is corrupt, not a reason to
    // reserve memory.
    if count > b.len() / 62 {
        return None;
    }
    let mut out: Vec<String> = Vec::with_capacity(count);
    let mut at = 12;
    let mut prev = String::new();
    for _ in 0..count {
        let start = at;
        // ctime, mtime, dev, ino, mode, uid, gid, size (40 bytes), object id (20), flags (2).
        let flags = u16::from_be_bytes(b.get(start + 60..start + 62)?.try_into().ok()?);
        at = start + 62;
        if version >= 3 && flags & 0x4000 != 0 {
            at += 2; // extended flags
        }
        let path = if version == 4 {
            // A varint: how many bytes of the previous path to drop, then the rest, NUL-ended.
            let (strip, n) = varint(b.get(at..)?)?;
            at += n;
            let end = at + b.get(at..)?.iter().position(|&c| c == 0)?;
            let keep = prev.len().checked_sub(usize::try_from(strip).ok()?)?;
            let mut p = prev.get(..keep)?.to_string();
            p.push_str(std::str::from_utf8(&b[at..end]).ok()?);
            at = end + 1;
            p
        } else {
            let end = at + b.get(at..)?.iter().position(|&c| c == 0)?;
            let p = std::str::from_utf8(&b[at..end]).ok()?.to_string();
            // Entries are padded with 1–8 NULs to a multiple of 8 bytes.
            at = start + ((end - start + 8) & !7);
            p
        };
        if at > b.len() {
            return None;
        }
        prev.clone_from(&path);
        out.push(path);
    }
    Some(out)
}

/// Git's offset varint (index v4): 7 bits per byte, high bit set while more follow, each
/// continuation adding one.
fn varint(b: &[u8]) -> Option<(u64, usize)> {
    let mut i = 0;
    let mut c = *b.first()?;
    let mut v = u64::from(c & 0x7f);
    while c & 0x80 != 0 {
        i += 1;
        c = *b.get(i)?;
        v = v.checked_add(1)?.checked_shl(7)? | u64::from(c & 0x7f);
    }
    Some((v, i + 1))
}

/// The tracked files under `root` that its root `.gitignore` or `.git/info/exclude` matches:
/// committed, yet never reached by a walk that honours `.gitignore`.
pub fn tracked_but_ignored(root: &Path) -> Vec<PathBuf> {
    let Some(tracked) = tracked(root) else {
        return Vec::new();
    };
    let mut b = ignore::gitignore::GitignoreBuilder::new(root);
    for f in [root.join(".gitignore"), root.join(".git/info/exclude")] {
        if f.is_file() {
            b.add(f);
        }
    }
    let Ok(gi) = b.build() else {
        return Vec::new();
    };
    if gi.is_empty() {
        return Vec::new();
    }
    tracked
        .iter()
        .filter(|p| gi.matched_path_or_any_parents(p, false).is_ignore())
        .map(|p| root.join(p))
        .filter(|p| p.is_file())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An index as git writes it (version 2 or 3), built here: 62-byte entry headers, paths
    /// padded with NULs to a multiple of 8.
    fn index_v2(paths: &[&str]) -> Vec<u8> {
        let mut b = b"DIRC".to_vec();
        b.extend(2u32.to_be_bytes());
        b.extend((paths.len() as u32).to_be_bytes());
        for p in paths {
            let start = b.len();
            b.extend([0u8; 60]);
            b.extend((p.len() as u16).to_be_bytes());
            b.extend(p.as_bytes());
            let len = (b.len() - start + 8) & !7;
            b.resize(start + len, 0);
        }
        b.extend([0u8; 20]); // the checksum
        b
    }

    #[test]
    fn reads_the_paths_of_a_version_2_index() {
        let paths = ["a", "config/application.properties", "src/main.rs"];
        assert_eq!(parse(&index_v2(&paths)).unwrap(), paths);
        assert_eq!(parse(&index_v2(&[])).unwrap(), Vec::<String>::new());
    }

    #[test]
    fn reads_the_prefix_compressed_paths_of_a_version_4_index() {
        let mut b = b"DIRC".to_vec();
        b.extend(4u32.to_be_bytes());
        b.extend(2u32.to_be_bytes());
        for (strip, rest) in [(0u8, "src/lib.rs"), (6, "main.rs")] {
            b.extend([0u8; 60]);
            b.extend(0u16.to_be_bytes());
            b.push(strip);
            b.extend(rest.as_bytes());
            b.push(0);
        }
        assert_eq!(parse(&b).unwrap(), ["src/lib.rs", "src/main.rs"]);
    }

    #[test]
    fn malformed_indexes_give_nothing() {
        let good = index_v2(&["a/b.py"]);
        for bad in [
            &b"DIRX"[..],
            &good[..20],
            &good[..good.len() - 28], // the path's NUL cut off
        ] {
            assert_eq!(parse(bad), None);
        }
        // A count no file that size can hold is not believed.
        let mut huge = good.clone();
        huge[8..12].copy_from_slice(&u32::MAX.to_be_bytes());
        assert_eq!(parse(&huge), None);
        let mut v9 = good;
        v9[4..8].copy_from_slice(&9u32.to_be_bytes());
        assert_eq!(parse(&v9), None);
    }
}
