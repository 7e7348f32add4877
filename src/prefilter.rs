//! The prefilter: does a file hold any literal a check reacts to, ASCII-case-insensitively
//! ([`crate::Checker::prefilter_literals`])? Most files of a tree do not, and are never
//! tokenised, so this search runs over nearly every byte the scan reads.
//!
//! Aho–Corasick with ASCII case folding has no SIMD prefilter for a set this size: its
//! automaton steps one byte at a time (about 0.2–0.3 GB/s here). So the search runs in two
//! steps. A lower-cased copy of the text, a few KB at a time, goes through a case-sensitive
//! SIMD multi-literal searcher (aho-corasick's packed "Teddy", as ripgrep uses) looking for
//! *anchors*, lower-case prefixes of the literals; a file with no anchor has no literal
//! (most files, at several GB/s). At each anchor found, the exact automaton, anchored there,
//! decides whether a literal starts at that place. The answer is the automaton's on the whole
//! file: every literal starts with an anchor, so every place a literal starts is tried.
// linkedin-lint: allow-file(scope-deprecated) -- unit-test inputs: the prefilter's literals

use aho_corasick::{AhoCorasick, Anchored, Input, Span, StartKind, packed};

/// Bytes folded and searched at a time: a typical source file in one step, on the stack.
const CHUNK: usize = 8 * 1024;
/// The longest anchor the chunked search handles (a match may straddle two chunks by up to
/// this much); longer literals are shortened to it.
const MAX_ANCHOR: usize = 64;

/// The literal search that picks the files worth analysing.
#[derive(Debug, Clone)]
pub struct Prefilter {
    /// Every literal, ASCII-case-insensitive: the exact answer.
    full: AhoCorasick,
    /// The anchors, lower-case, for the folded text; `None` where the CPU has no SIMD
    /// searcher (then `full` does all the work).
    fast: Option<packed::Searcher>,
    /// The longest anchor, in bytes.
    longest: usize,
}

impl Prefilter {
    /// The prefilter for `literals` (matched ASCII-case-insensitively).
    pub fn new<S: AsRef<str>>(literals: &[S]) -> Prefilter {
        let full = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Both)
            .build(literals.iter().map(|l| l.as_ref()))
            .expect("prefilter literals build an automaton");
        let mut anchors: Vec<Vec<u8>> = literals
            .iter()
            .map(|l| anchor(l.as_ref().as_bytes()))
            .collect();
        anchors.sort();
        anchors.dedup();
        let longest = anchors.iter().map(Vec::len).max().unwrap_or(0);
        let fast = if anchors.is_empty() || anchors.iter().any(Vec::is_empty) {
            None
        } else {
            let mut b = packed::Config::new().builder();
            b.extend(&anchors);
            b.build()
        };
        Prefilter {
            full,
            fast,
            longest,
        }
    }

    /// Whether `bytes` contain any literal, ASCII-case-insensitively.
    pub fn is_match(&self, bytes: &[u8]) -> bool {
        let Some(fast) = &self.fast else {
            return self.full.is_match(bytes);
        };
        // A match that starts in one chunk may end in the next: each window reaches
        // `longest - 1` bytes past its chunk, and only matches that start inside the chunk
        // are taken from it (the next window finds the others).
        let overlap = self.longest.saturating_sub(1);
        // One buffer per thread: zeroing a fresh one for every file cost more than the search.
        thread_local! {
            static BUF: std::cell::RefCell<Box<[u8; CHUNK + MAX_ANCHOR]>> =
                std::cell::RefCell::new(Box::new([0; CHUNK + MAX_ANCHOR]));
        }
        BUF.with_borrow_mut(|buf| self.search(fast, overlap, &mut buf[..], bytes))
    }

    /// The chunked search of [`Self::is_match`], folding into `buf`.
    fn search(
        &self,
        fast: &packed::Searcher,
        overlap: usize,
        buf: &mut [u8],
        bytes: &[u8],
    ) -> bool {
        let mut start = 0;
        while start < bytes.len() {
            let window = &bytes[start..(start + CHUNK + overlap).min(bytes.len())];
            for (d, s) in buf.iter_mut().zip(window) {
                *d = s.to_ascii_lowercase();
            }
            let folded = &buf[..window.len()];
            let chunk_end = CHUNK.min(window.len());
            let mut from = 0;
            while let Some(m) = fast.find_in(folded, Span::from(from..folded.len())) {
                if m.start() >= chunk_end {
                    break;
                }
                if self.literal_at(bytes, start + m.start()) {
                    return true;
                }
                from = m.start() + 1;
            }
            start += CHUNK;
        }
        false
    }

    /// Whether a literal starts at `at` (ASCII-case-insensitively).
    fn literal_at(&self, bytes: &[u8], at: usize) -> bool {
        let input = Input::new(bytes).range(at..).anchored(Anchored::Yes);
        self.full.find(input).is_some()
    }
}

/// The anchor of a literal: lower-case, and short enough for the chunked search. A quoted
/// version (`'202405`, `"202405`) is anchored at its quote and decade (`'202`): the months
/// of the calendar are many literals that share two anchors, which keeps the SIMD search
/// small. (`'20` would be as small, but its three bytes are Teddy's whole fingerprint, so
/// every quote before a `2`, `20`… is checked: 2.5× slower on the bench corpus.)
fn anchor(literal: &[u8]) -> Vec<u8> {
    let keep = match literal.first() {
        Some(b'\'' | b'"') => 4,
        _ => MAX_ANCHOR,
    };
    literal
        .iter()
        .take(keep)
        .map(u8::to_ascii_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literals() -> Vec<String> {
        let mut v: Vec<String> = [
            "linkedin",
            "restli",
            "li_version",
            "r_liteprofile",
            "w_share",
        ]
        .map(String::from)
        .to_vec();
        for m in ["202405", "202511", "202601"] {
            v.push(format!("'{m}"));
            v.push(format!("\"{m}"));
        }
        v
    }

    /// xorshift: deterministic bytes without a dependency.
    fn rng(seed: &mut u64) -> u64 {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed
    }

    #[test]
    fn the_same_answer_as_the_automaton_on_the_whole_text() {
        let lits = literals();
        let p = Prefilter::new(&lits);
        assert!(p.fast.is_some(), "this CPU has a packed searcher");
        let full = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&lits)
            .unwrap();
        // Near-misses and case variants, planted at random places, chunk edges included.
        let pieces: &[&[u8]] = &[
            b"LinkedIn",
            b"LINKEDIN",
            b"linked_in",
            b"X-RestLi-Protocol",
            b"'2024",
            b"'202405'",
            b"\"202511\"",
            b"\"2025-11\"",
            b"R_LiteProfile",
            b"r_lite",
            b"w_sha",
            b"li_versio",
            "é".as_bytes(),
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15;
        let mut agree = [0usize; 2];
        for round in 0..3000 {
            let len = [10, 300, CHUNK - 5, CHUNK + 3, 3 * CHUNK + 17][round % 5];
            let mut text: Vec<u8> = (0..len)
                .map(|_| {
                    b"abcdefghijklmnopqrstuvwxyz _-'\"0123456789\n"[(rng(&mut seed) % 42) as usize]
                })
                .collect();
            for _ in 0..(rng(&mut seed) % 3) {
                let piece = pieces[(rng(&mut seed) as usize) % pieces.len()];
                // Around a chunk boundary half of the time.
                let at = if rng(&mut seed) % 2 == 0 && len > CHUNK {
                    CHUNK - (rng(&mut seed) % 12) as usize
                } else {
                    (rng(&mut seed) as usize) % len
                };
                let at = at.min(text.len());
                text.splice(at..at, piece.iter().copied());
            }
            let want = full.is_match(&text);
            assert_eq!(p.is_match(&text), want, "round {round}");
            agree[want as usize] += 1;
        }
        // Both answers were exercised.
        assert!(agree[0] > 300 && agree[1] > 300, "{agree:?}");
    }

    #[test]
    fn a_literal_across_a_chunk_boundary_is_found() {
        let p = Prefilter::new(&literals());
        for at in CHUNK - 9..=CHUNK {
            let mut text = vec![b'x'; 2 * CHUNK];
            text[at..at + 8].copy_from_slice(b"LinkedIn");
            assert!(p.is_match(&text), "at {at}");
            text[at + 7] = b'x';
            assert!(!p.is_match(&text), "at {at}, broken");
        }
    }

    #[test]
    fn quoted_versions_share_anchors() {
        assert_eq!(anchor(b"'202405"), b"'202");
        assert_eq!(anchor(b"LinkedIn"), b"linkedin");
        let p = Prefilter::new(&literals());
        assert!(p.is_match(b"const V = \"202601\";"));
        assert!(!p.is_match(b"const V = \"202602\";"));
        assert!(!p.is_match(b"date = '2024-05-01'"));
    }
}
