//! The prefilter: does a file hold any literal a check reacts to
//! ([`crate::Checker::prefilter_literals`])? Most files of a tree do not, and are never
//! tokenised, so this search runs over nearly every byte the scan reads.
//!
//! Aho–Corasick with ASCII case folding has no SIMD prefilter for a set this size: its
//! automaton steps one byte at a time (about 0.2–0.3 GB/s here). So the search runs in two
//! steps. A lower-cased copy of the text, a few KB at a time, goes through a case-sensitive
//! SIMD multi-literal searcher (aho-corasick's packed "Teddy", as ripgrep uses) looking for
//! *anchors*, lower-case prefixes of the literals; a file with no anchor has no literal
//! (most files, at several GB/s). At each anchor found, the exact automata, anchored there,
//! decide whether a literal stands at that place as its [`Needle`] says (case, whole word).
//! The answer is the exact one on the whole file: every literal starts with an anchor, so
//! every place a literal starts is tried.
// linkedin-lint: allow-file(scope-deprecated) -- unit-test inputs: the prefilter's literals

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, Span, StartKind, packed};

/// Bytes folded and searched at a time: a typical source file in one step, on the stack.
const CHUNK: usize = 8 * 1024;
/// The longest anchor the chunked search handles (a match may straddle two chunks by up to
/// this much); longer literals are shortened to it.
const MAX_ANCHOR: usize = 64;

/// One literal the prefilter looks for, and how it must stand in the text to count.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Needle {
    /// The literal.
    pub text: String,
    /// Matched ASCII-case-insensitively (`linkedin` in `LinkedInClient`); otherwise byte for
    /// byte (an OAuth scope is lower-case wherever a check reads one).
    pub any_case: bool,
    /// Counts only as a whole word: no letter, digit or `_` right after it, and no letter or
    /// `_` right before it (a digit or an escape may come before: `%20r_emailaddress`,
    /// `%2Cr_emailaddress`, `\nr_emailaddress`).
    /// `LI_VERSION` is a version's name, `CLI_VERSION` is not; `r_network` is a scope,
    /// `MEDIA_ERR_NETWORK` and `inspector_network` are not.
    pub whole_word: bool,
}

impl Needle {
    /// A literal matched anywhere, in any case.
    pub fn anywhere(text: impl Into<String>) -> Needle {
        Needle {
            text: text.into(),
            any_case: true,
            whole_word: false,
        }
    }

    /// A literal that counts only as a whole word, in any case or byte for byte.
    pub fn word(text: impl Into<String>, any_case: bool) -> Needle {
        Needle {
            text: text.into(),
            any_case,
            whole_word: true,
        }
    }
}

/// The literal search that picks the files worth analysing.
#[derive(Debug, Clone)]
pub struct Prefilter {
    /// The needles grouped by how they match: one automaton per (case, whole word) pair in
    /// use, each run anchored at an anchor's place. Whole-word groups report the longest
    /// literal at a place (`r_ads_reporting`, not `r_ads`), which is the one a word
    /// boundary can follow.
    exact: Vec<(AhoCorasick, bool)>,
    /// Every literal, ASCII-case-insensitive, reporting every match: the places to try
    /// where the CPU has no SIMD searcher.
    all: AhoCorasick,
    /// The anchors, lower-case, for the folded text; `None` where the CPU has no SIMD
    /// searcher (then `all` finds the places to try).
    fast: Option<packed::Searcher>,
    /// The longest anchor, in bytes.
    longest: usize,
}

impl Prefilter {
    /// The prefilter for `needles`, each matched as it says.
    pub fn with(needles: &[Needle]) -> Prefilter {
        let mut exact = Vec::new();
        for any_case in [true, false] {
            for whole_word in [false, true] {
                let group: Vec<&str> = needles
                    .iter()
                    .filter(|n| n.any_case == any_case && n.whole_word == whole_word)
                    .map(|n| n.text.as_str())
                    .collect();
                if group.is_empty() {
                    continue;
                }
                let kind = if whole_word {
                    MatchKind::LeftmostLongest
                } else {
                    MatchKind::Standard
                };
                let ac = AhoCorasick::builder()
                    .ascii_case_insensitive(any_case)
                    .match_kind(kind)
                    .start_kind(StartKind::Anchored)
                    .build(group)
                    .expect("prefilter literals build an automaton");
                exact.push((ac, whole_word));
            }
        }
        let all = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(needles.iter().map(|n| n.text.as_str()))
            .expect("prefilter literals build an automaton");
        let mut anchors: Vec<Vec<u8>> = needles.iter().map(|n| anchor(n.text.as_bytes())).collect();
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
            exact,
            all,
            fast,
            longest,
        }
    }

    /// Whether `bytes` contain any of the needles, standing as each says.
    pub fn is_match(&self, bytes: &[u8]) -> bool {
        let Some(fast) = &self.fast else {
            return self
                .all
                .find_overlapping_iter(bytes)
                .any(|m| self.literal_at(bytes, m.start()));
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

    /// Whether a needle starts at `at` and stands there as it must.
    fn literal_at(&self, bytes: &[u8], at: usize) -> bool {
        let input = Input::new(bytes).range(at..).anchored(Anchored::Yes);
        self.exact.iter().any(|(ac, whole_word)| {
            ac.find(input.clone())
                .is_some_and(|m| !whole_word || stands_alone(bytes, m.start(), m.end()))
        })
    }
}

/// Whether `bytes[start..end]` is a whole word (see [`Needle::whole_word`]).
fn stands_alone(bytes: &[u8], start: usize, end: usize) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let after = bytes.get(end).is_none_or(|&b| !word(b));
    let before = match start.checked_sub(1).map(|i| bytes[i]) {
        None => true,
        Some(b) if !word(b) || b.is_ascii_digit() => true,
        // An escaped separator: `%2Cr_liteprofile`, `"openid\nr_liteprofile"`.
        Some(_) => {
            (start >= 3
                && bytes[start - 3] == b'%'
                && bytes[start - 2].is_ascii_hexdigit()
                && bytes[start - 1].is_ascii_hexdigit())
                || (start >= 2 && bytes[start - 2] == b'\\')
        }
    };
    before && after
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

    /// Needles of every kind, as the engine makes them: context words anywhere in any case,
    /// version names as whole words in any case, scopes as whole lower-case words, quoted
    /// versions anywhere.
    fn needles() -> Vec<Needle> {
        let mut v: Vec<Needle> = ["linkedin", "restli"].map(Needle::anywhere).to_vec();
        for name in ["li_version", "li-api-version"] {
            v.push(Needle::word(name, true));
        }
        for scope in ["r_liteprofile", "w_share", "r_ads", "r_ads_reporting"] {
            v.push(Needle::word(scope, false));
        }
        for m in ["202405", "202511", "202601"] {
            v.push(Needle::anywhere(format!("'{m}")));
            v.push(Needle::anywhere(format!("\"{m}")));
        }
        v
    }

    /// The answer by definition: every needle tried at every place.
    fn naive(needles: &[Needle], text: &[u8]) -> bool {
        (0..text.len()).any(|at| {
            needles.iter().any(|n| {
                let end = at + n.text.len();
                let Some(here) = text.get(at..end) else {
                    return false;
                };
                let same = if n.any_case {
                    here.eq_ignore_ascii_case(n.text.as_bytes())
                } else {
                    here == n.text.as_bytes()
                };
                same && (!n.whole_word || stands_alone(text, at, end))
            })
        })
    }

    /// xorshift: deterministic bytes without a dependency.
    fn rng(seed: &mut u64) -> u64 {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed
    }

    #[test]
    fn the_same_answer_as_every_needle_tried_everywhere() {
        let needles = needles();
        let p = Prefilter::with(&needles);
        assert!(p.fast.is_some(), "this CPU has a packed searcher");
        let mut slow = p.clone();
        slow.fast = None;
        // Near-misses, case variants and word edges, planted at random places, chunk edges
        // included.
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
            b" r_liteprofile ",
            b"%20r_liteprofile%20",
            b"%2Cw_share",
            b"xr_liteprofile",
            b"r_lite",
            b"w_sha",
            b" r_ads_reporting,",
            b" r_ads_reportingx",
            b"'r_ads'",
            b"li_versio",
            b"LI_VERSION=",
            b"CLI_VERSION=",
            b"$LI-API-VERSION}",
            "é".as_bytes(),
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15;
        let mut agree = [0usize; 2];
        for round in 0..1200 {
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
            let want = naive(&needles, &text);
            assert_eq!(p.is_match(&text), want, "round {round}");
            assert_eq!(slow.is_match(&text), want, "round {round}, without SIMD");
            agree[want as usize] += 1;
        }
        // Both answers were exercised.
        assert!(agree[0] > 100 && agree[1] > 100, "{agree:?}");
    }

    #[test]
    fn words_stand_alone_and_scopes_keep_their_case() {
        let p = Prefilter::with(&needles());
        for yes in [
            "LI_VERSION = 202405",
            "os.environ['li_version']",
            "${LI-API-VERSION}",
            "scope=r_liteprofile%20w_share",
            "scope=openid%2Cr_liteprofile",
            "\"openid\\nr_liteprofile\"",
            "'r_ads_reporting'",
            "['r_ads', 'rw_ads']",
        ] {
            assert!(p.is_match(yes.as_bytes()), "{yes}");
        }
        for no in [
            "CLI_VERSION = 202405",
            "fn current_cli_version_has_changed()",
            "readonly MEDIA_ERR_NETWORK: 2;",
            "R_LITEPROFILE",
            "inspector_r_liteprofile_bridge",
            "r_ads_reportingx",
            "w_shared",
        ] {
            assert!(!p.is_match(no.as_bytes()), "{no}");
        }
    }

    #[test]
    fn a_literal_across_a_chunk_boundary_is_found() {
        let p = Prefilter::with(&needles());
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
        let p = Prefilter::with(&needles());
        assert!(p.is_match(b"const V = \"202601\";"));
        assert!(!p.is_match(b"const V = \"202602\";"));
        assert!(!p.is_match(b"date = '2024-05-01'"));
    }
}
