//! Bounded reads of the tool's own inputs (rule files, config, baselines, standard input,
//! `explain-error` input, the `codegen --check` target). Each has a size limit, so a wrong
//! path such as `/dev/zero` is a clear error, not a run that eats memory until it is killed.

use std::io::{self, Read};

/// Rule files, configs and baselines: far above any real one (the embedded table is ~60 KB).
pub const MAX_TOOL_FILE: u64 = 16 * 1024 * 1024;
/// A config file (`linkedin-lint.toml`, or a `Cargo.toml` that may hold a config table).
pub const MAX_CONFIG_FILE: u64 = 1024 * 1024;
/// A baseline file: about 150 bytes an entry, so some 400,000 findings.
pub const MAX_BASELINE: u64 = 64 * 1024 * 1024;
/// Include and exclude globs of one config (or `--exclude` flags): each is compiled into the
/// path matcher, so a runaway list would cost minutes and gigabytes before the walk starts.
pub const MAX_GLOBS: usize = 10_000;
/// An error response pasted into `explain-error`.
pub const MAX_ERROR_RESPONSE: u64 = 1024 * 1024;

/// Read at most `limit` bytes from `r`; more is an error that names `what` and the limit.
pub fn read_limited(r: impl Read, limit: u64, what: &str) -> io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    r.take(limit + 1).read_to_end(&mut buf)?;
    if buf.len() as u64 > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{what} is larger than the {limit}-byte limit"),
        ));
    }
    Ok(buf)
}

/// Open `path` and read it with [`read_limited`]; `what` names the kind of input.
pub fn read_file_limited(path: &std::path::Path, limit: u64, what: &str) -> io::Result<Vec<u8>> {
    read_limited(std::fs::File::open(path)?, limit, what)
}

/// As [`read_file_limited`], decoded as UTF-8 (an error names the first bad byte's offset).
pub fn read_text_limited(path: &std::path::Path, limit: u64, what: &str) -> io::Result<String> {
    String::from_utf8(read_file_limited(path, limit, what)?).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{what} is not UTF-8 (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_one_byte_past_the_limit() {
        let endless = std::io::repeat(0);
        let e = read_limited(endless, 1000, "the rule file").unwrap_err();
        assert_eq!(
            e.to_string(),
            "the rule file is larger than the 1000-byte limit"
        );
        assert_eq!(read_limited(&b"abc"[..], 3, "x").unwrap(), b"abc");
    }
}
