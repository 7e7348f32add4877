//! A file's text, how it was decoded, its language, and line/column arithmetic.

use std::path::Path;

use crate::finding::{LineCol, Span};

/// `path.file_name()` as bytes, without walking the path's components when its last byte
/// run is a plain name (every walked file's is).
pub(crate) fn file_name_bytes(path: &Path) -> Option<&[u8]> {
    let b = path.as_os_str().as_encoded_bytes();
    let sep = |c: &u8| *c == b'/' || (cfg!(windows) && *c == b'\\');
    match b.iter().rposition(sep).map_or(b, |i| &b[i + 1..]) {
        name if !name.is_empty() && name != b"." && name != b".." => Some(name),
        _ => path.file_name().map(|n| n.as_encoded_bytes()),
    }
}

/// The language a file is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Rust,
    JavaScript,
    Python,
    Go,
    Java,
    Kotlin,
    CSharp,
    Ruby,
    Php,
    Perl,
    Shell,
    /// R scripts, R Markdown code and `.Rd` docs.
    R,
    Swift,
    Dart,
    /// Objective-C (`@"…"` strings).
    ObjC,
    /// C and C++ (`.c`, `.cc`, `.cpp`, `.cxx`, `.h`, `.hpp`, `.hh`): string literals,
    /// `#define NAME "…"`, comments.
    Cpp,
    Haskell,
    /// Lua (`.lua`): `'…'`/`"…"` strings, `--` and `--[[ ]]` comments.
    Lua,
    /// OCaml (`.ml`, `.mli`): `"…"` strings, nested `(* *)` comments, `let NAME = "…"`.
    OCaml,
    Elixir,
    /// Erlang (`.erl`, `.hrl`): `"…"` strings and binaries, `-define(NAME, "…")`, `%` comments.
    Erlang,
    /// Clojure and ClojureScript (`.clj`, `.cljs`, `.cljc`, `.edn`).
    Clojure,
    /// HTML: its `<script>` blocks, read as JavaScript.
    Html,
    Markdown,
    /// A Jupyter notebook: each code cell read whole in the kernel's language (`extract::notebook`).
    Notebook,
    Yaml,
    Toml,
    Json,
    Env,
    Properties,
    /// XML configuration: property lists, Android resources, Spring and .NET configs.
    Xml,
}

/// Whether a `.cls` file that starts with `head` is an Apex class: not a LaTeX class
/// (`%` comments, `\NeedsTeXFormat`, `\ProvidesClass`) or a VBA class module (`VERSION 1.0
/// CLASS`, `Attribute VB_Name`). An empty head (not read yet) is not enough to tell.
fn is_apex_class(head: &[u8]) -> bool {
    let head = head
        .strip_prefix(b"\xef\xbb\xbf")
        .unwrap_or(head)
        .trim_ascii_start();
    !head.is_empty()
        && !head.starts_with(b"%")
        && !head.starts_with(b"\\")
        && !head.starts_with(b"VERSION")
        && !head.starts_with(b"Attribute")
}

impl Lang {
    /// Every language, in declaration order.
    pub const ALL: [Lang; 31] = [
        Lang::Rust,
        Lang::JavaScript,
        Lang::Python,
        Lang::Go,
        Lang::Java,
        Lang::Kotlin,
        Lang::CSharp,
        Lang::Ruby,
        Lang::Php,
        Lang::Perl,
        Lang::Shell,
        Lang::R,
        Lang::Swift,
        Lang::Dart,
        Lang::ObjC,
        Lang::Cpp,
        Lang::Haskell,
        Lang::Lua,
        Lang::OCaml,
        Lang::Elixir,
        Lang::Erlang,
        Lang::Clojure,
        Lang::Html,
        Lang::Markdown,
        Lang::Notebook,
        Lang::Yaml,
        Lang::Toml,
        Lang::Json,
        Lang::Env,
        Lang::Properties,
        Lang::Xml,
    ];

    /// Recognise a file by extension, name, or shebang (first line).
    pub fn detect(path: &Path, head: &[u8]) -> Option<Lang> {
        // Bytes: a name that is not UTF-8 is still ours when its extension is (`caf\xe9.py`).
        // Lower-cased on the stack: this runs for every file of a tree.
        let raw = file_name_bytes(path)?;
        let mut small = [0u8; 64];
        let long;
        let name: &[u8] = if raw.len() <= small.len() {
            let buf = &mut small[..raw.len()];
            for (d, s) in buf.iter_mut().zip(raw) {
                *d = s.to_ascii_lowercase();
            }
            buf
        } else {
            long = raw.to_ascii_lowercase();
            &long
        };
        if name == b".env" || name.starts_with(b".env.") || name.ends_with(b".env") {
            return Some(Lang::Env);
        }
        if let Some(l) = match name {
            b"dockerfile" | b"makefile" | b"justfile" => Some(Lang::Shell),
            b"gemfile" | b"rakefile" => Some(Lang::Ruby),
            _ => None,
        } {
            return Some(l);
        }
        // A template of a file to copy (`config.php.dist`, `settings.py.example`,
        // `app.json.sample`) is read as the file it becomes.
        let name = [".dist", ".example", ".sample", ".template", ".tpl"]
            .iter()
            .find_map(|t| name.strip_suffix(t.as_bytes()))
            .filter(|n| n.iter().skip(1).any(|&c| c == b'.'))
            .unwrap_or(name);
        let ext = name
            .iter()
            .rposition(|&c| c == b'.')
            .map(|i| &name[i + 1..]);
        let by_ext = match ext {
            Some(b"rs") => Some(Lang::Rust),
            Some(
                b"js" | b"mjs" | b"cjs" | b"jsx" | b"ts" | b"mts" | b"cts" | b"tsx" | b"vue"
                | b"svelte"
                // Google Apps Script (clasp keeps a project's files as `.gs`).
                | b"gs",
            ) => Some(Lang::JavaScript),
            Some(b"py" | b"pyi") => Some(Lang::Python),
            // Power Query M (a Power BI custom connector's `.pq`): `"…"` strings, `//` and
            // `/* */` comments, no escapes that Go's reader would misread in a URL.
            Some(b"go" | b"pq" | b"pqm") => Some(Lang::Go),
            // Salesforce Apex (`.trigger`; `.cls` unless the head is LaTeX's or VBA's) is Java
            // in all a reader needs: `//` and `/* */` comments, `'…'` strings, calls.
            Some(b"java" | b"groovy" | b"scala" | b"trigger") => Some(Lang::Java),
            Some(b"cls") if is_apex_class(head) => Some(Lang::Java),
            Some(b"dart") => Some(Lang::Dart),
            Some(b"swift") => Some(Lang::Swift),
            Some(b"r" | b"rd") => Some(Lang::R),
            Some(b"m" | b"mm") => Some(Lang::ObjC),
            Some(b"c" | b"cc" | b"cpp" | b"cxx" | b"c++" | b"h" | b"hh" | b"hpp" | b"hxx") => {
                Some(Lang::Cpp)
            }
            Some(b"hs" | b"lhs") => Some(Lang::Haskell),
            Some(b"lua") => Some(Lang::Lua),
            Some(b"ml" | b"mli") => Some(Lang::OCaml),
            Some(b"ex" | b"exs") => Some(Lang::Elixir),
            Some(b"erl" | b"hrl") => Some(Lang::Erlang),
            Some(b"clj" | b"cljs" | b"cljc" | b"edn") => Some(Lang::Clojure),
            // HTML templates: their markup's links are read as HTML's are.
            Some(
                b"html" | b"htm" | b"xhtml" | b"ejs" | b"erb" | b"hbs" | b"handlebars" | b"twig"
                | b"njk",
            ) => Some(Lang::Html),
            Some(b"ipynb") => Some(Lang::Notebook),
            Some(b"kt" | b"kts") => Some(Lang::Kotlin),
            // Razor views and Blazor components: markup around C# (`@code { … }`).
            Some(b"cs" | b"razor" | b"cshtml") => Some(Lang::CSharp),
            Some(b"rb" | b"rake" | b"gemspec" | b"ru") => Some(Lang::Ruby),
            Some(b"php") => Some(Lang::Php),
            Some(b"pl" | b"pm") => Some(Lang::Perl),
            // `.http`/`.rest`: REST-client request files (`GET https://…` and header lines),
            // read as a Markdown `http` block is.
            Some(b"sh" | b"bash" | b"zsh" | b"ksh" | b"fish" | b"ps1" | b"http" | b"rest") => {
                Some(Lang::Shell)
            }
            // Plain-text notes and guides (`docs/requests.txt`, a setup guide's `INSTRUCCIONES.txt`)
            // name request URLs as a README does.
            Some(b"md" | b"markdown" | b"mdx" | b"rmd" | b"qmd" | b"rst" | b"txt") => {
                Some(Lang::Markdown)
            }
            Some(b"yaml" | b"yml") => Some(Lang::Yaml),
            Some(b"toml") => Some(Lang::Toml),
            Some(b"json" | b"jsonc" | b"json5") => Some(Lang::Json),
            Some(b"properties" | b"ini" | b"cfg" | b"conf") => Some(Lang::Properties),
            Some(b"env") => Some(Lang::Env),
            Some(b"xml" | b"plist") => Some(Lang::Xml),
            // .NET `web.config`/`app.config`, when it is XML.
            // (After a UTF-8 byte-order mark, as Visual Studio saves them.)
            Some(b"config")
                if head
                    .strip_prefix(b"\xef\xbb\xbf")
                    .unwrap_or(head)
                    .trim_ascii_start()
                    .starts_with(b"<") =>
            {
                Some(Lang::Xml)
            }
            _ => None,
        };
        by_ext.or_else(|| Self::from_shebang(head))
    }

    fn from_shebang(head: &[u8]) -> Option<Lang> {
        let line = head.strip_prefix(b"#!")?;
        let line = &line[..line.iter().position(|&b| b == b'\n').unwrap_or(line.len())];
        let line = std::str::from_utf8(line).ok()?;
        let mut words = line.split_whitespace();
        let mut prog = words.next()?.rsplit('/').next()?;
        if prog == "env" {
            prog = words.find(|w| !w.starts_with('-'))?;
        }
        let prog = prog.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
        Some(match prog {
            "sh" | "bash" | "zsh" | "dash" | "ksh" => Lang::Shell,
            "python" => Lang::Python,
            "node" | "deno" | "bun" | "ts-node" | "tsx" => Lang::JavaScript,
            "ruby" => Lang::Ruby,
            "perl" => Lang::Perl,
            "php" => Lang::Php,
            "Rscript" => Lang::R,
            "elixir" => Lang::Elixir,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Lang::Rust => "rust",
            Lang::JavaScript => "javascript",
            Lang::Python => "python",
            Lang::Go => "go",
            Lang::Java => "java",
            Lang::Kotlin => "kotlin",
            Lang::CSharp => "csharp",
            Lang::Ruby => "ruby",
            Lang::Php => "php",
            Lang::Perl => "perl",
            Lang::Shell => "shell",
            Lang::R => "r",
            Lang::Swift => "swift",
            Lang::Dart => "dart",
            Lang::ObjC => "objective-c",
            Lang::Cpp => "c++",
            Lang::Haskell => "haskell",
            Lang::Lua => "lua",
            Lang::OCaml => "ocaml",
            Lang::Elixir => "elixir",
            Lang::Erlang => "erlang",
            Lang::Clojure => "clojure",
            Lang::Html => "html",
            Lang::Markdown => "markdown",
            Lang::Notebook => "notebook",
            Lang::Yaml => "yaml",
            Lang::Toml => "toml",
            Lang::Json => "json",
            Lang::Env => "env",
            Lang::Properties => "properties",
            Lang::Xml => "xml",
        }
    }

    /// Language of a Markdown fence info string (```` ```ts ````).
    pub fn from_fence(info: &str) -> Option<Lang> {
        // R Markdown `{r setup}`, Pandoc `{.python}`.
        let tag = info
            .trim_start_matches(['{', '.'])
            .split(|c: char| c.is_whitespace() || c == ',' || c == '{')
            .next()?
            .to_ascii_lowercase();
        Some(match tag.as_str() {
            "rust" | "rs" => Lang::Rust,
            "js" | "javascript" | "ts" | "typescript" | "jsx" | "tsx" | "node" => Lang::JavaScript,
            "py" | "python" | "python3" => Lang::Python,
            "go" | "golang" => Lang::Go,
            "java" | "groovy" | "scala" => Lang::Java,
            "kotlin" | "kt" => Lang::Kotlin,
            "cs" | "csharp" | "c#" => Lang::CSharp,
            "rb" | "ruby" => Lang::Ruby,
            "php" => Lang::Php,
            "perl" | "pl" => Lang::Perl,
            "r" | "rscript" => Lang::R,
            "swift" => Lang::Swift,
            "dart" | "flutter" => Lang::Dart,
            "objc" | "objective-c" | "objectivec" | "obj-c" => Lang::ObjC,
            "c" | "cpp" | "c++" | "cc" | "h" | "hpp" => Lang::Cpp,
            "haskell" | "hs" => Lang::Haskell,
            "lua" => Lang::Lua,
            "ocaml" | "ml" => Lang::OCaml,
            "elixir" | "ex" | "exs" | "iex" => Lang::Elixir,
            "erlang" | "erl" => Lang::Erlang,
            "clojure" | "clj" | "cljs" | "edn" => Lang::Clojure,
            "html" | "htm" => Lang::Html,
            "sh" | "bash" | "shell" | "console" | "zsh" | "curl" | "http" => Lang::Shell,
            "yaml" | "yml" => Lang::Yaml,
            "toml" => Lang::Toml,
            "json" | "jsonc" => Lang::Json,
            "env" | "dotenv" => Lang::Env,
            "ini" | "properties" => Lang::Properties,
            "xml" | "plist" => Lang::Xml,
            _ => return None,
        })
    }
}

/// How the file's bytes were turned into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-16 with a byte-order mark; `true` = big endian.
    Utf16 {
        big_endian: bool,
    },
    /// Not valid UTF-8: read byte-for-byte as Latin-1.
    Latin1,
}

/// A file to analyse.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// `/`-separated display path, as reached from the command-line paths.
    pub path: String,
    pub lang: Lang,
    pub text: String,
    pub encoding: Encoding,
    line_starts: Vec<usize>,
    /// All ASCII: columns are byte differences (keeps very long lines linear).
    ascii: bool,
}

impl SourceFile {
    /// Decode `bytes` (UTF-8, UTF-16 with BOM, else Latin-1) into a source file.
    pub fn new(path: impl Into<String>, lang: Lang, bytes: Vec<u8>) -> SourceFile {
        let (text, encoding) = decode(bytes);
        let line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        let ascii = text.is_ascii();
        SourceFile {
            path: path.into(),
            lang,
            text,
            encoding,
            line_starts,
            ascii,
        }
    }

    /// 1-based line and column (in chars) of a byte offset into `text`.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let mut offset = offset.min(self.text.len());
        // Never slice inside a character, whatever a caller computed.
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = if self.ascii {
            offset - start
        } else {
            self.text[start..offset].chars().count()
        } + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// Byte offset into `text` of a 1-based line and a 0-based char column (proc-macro2's form).
    pub fn offset_of(&self, line: usize, char_col: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        rest.char_indices()
            .nth(char_col)
            .map_or(self.text.len(), |(i, _)| start + i)
    }

    /// The span of a byte range of `text`, with byte offsets translated to the file on disk.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let (start, end) = (self.floor(start), self.floor(end));
        Span {
            start: self.line_col(start),
            end: self.line_col(end),
            byte_start: self.disk_offset(start),
            byte_end: self.disk_offset(end),
        }
    }

    fn floor(&self, mut i: usize) -> usize {
        i = i.min(self.text.len());
        while !self.text.is_char_boundary(i) {
            i -= 1;
        }
        i
    }

    /// Translate an offset in the decoded text to an offset in the bytes on disk.
    pub fn disk_offset(&self, offset: usize) -> usize {
        match self.encoding {
            Encoding::Utf8 => offset,
            Encoding::Latin1 => self.text[..offset].chars().count(),
            Encoding::Utf16 { .. } => 2 + 2 * self.text[..offset].encode_utf16().count(),
        }
    }
}

fn decode(bytes: Vec<u8>) -> (String, Encoding) {
    if let [a, b, rest @ ..] = bytes.as_slice() {
        let be = match (a, b) {
            (0xFE, 0xFF) => Some(true),
            (0xFF, 0xFE) => Some(false),
            _ => None,
        };
        if let Some(big_endian) = be {
            let units = rest.chunks(2).map(|c| {
                let pair = [c[0], *c.get(1).unwrap_or(&0)];
                if big_endian {
                    u16::from_be_bytes(pair)
                } else {
                    u16::from_le_bytes(pair)
                }
            });
            let text = char::decode_utf16(units)
                .map(|r| r.unwrap_or('\u{FFFD}'))
                .collect();
            return (text, Encoding::Utf16 { big_endian });
        }
    }
    match String::from_utf8(bytes) {
        Ok(s) => (s, Encoding::Utf8),
        Err(e) => (
            e.into_bytes().iter().map(|&b| b as char).collect(),
            Encoding::Latin1,
        ),
    }
}

/// What a scan read from a file, to tell later whether the file has changed since.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snapshot {
    pub encoding: Encoding,
    len: usize,
    hash: u64,
}

impl Snapshot {
    /// The snapshot of a scanned file. For a UTF-8 file (the only kind that is fixed) the
    /// decoded text is byte for byte what was read from disk.
    pub fn of(file: &SourceFile) -> Snapshot {
        Snapshot {
            encoding: file.encoding,
            len: file.text.len(),
            hash: digest(file.text.as_bytes()),
        }
    }

    /// `bytes` are what this snapshot was taken of.
    pub fn matches(&self, bytes: &[u8]) -> bool {
        bytes.len() == self.len && digest(bytes) == self.hash
    }
}

/// A 64-bit digest; it only has to notice an edit made by someone else, within one process.
fn digest(bytes: &[u8]) -> u64 {
    use std::hash::Hasher as _;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write(bytes);
    h.finish()
}

/// Replace each character of `ranges` with `*` bytes so byte offsets stay valid (how every
/// report hides secrets).
pub fn mask(text: &str, ranges: &[std::ops::Range<usize>]) -> String {
    if ranges.is_empty() {
        return text.to_string();
    }
    let mut bytes = text.as_bytes().to_vec();
    for r in ranges {
        let (s, e) = (r.start.min(text.len()), r.end.min(text.len()));
        for (i, ch) in text[s..e].char_indices() {
            for k in 0..ch.len_utf8() {
                bytes[s + i + k] = b'*';
            }
        }
    }
    String::from_utf8(bytes).expect("ASCII replacements keep UTF-8 valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars() {
        let f = SourceFile::new("a.rs", Lang::Rust, "ab\nçé\"x\"\n".as_bytes().to_vec());
        let x = f.text.find('x').unwrap();
        assert_eq!(f.line_col(x), LineCol { line: 2, column: 4 });
        assert_eq!(f.offset_of(2, 3), x);
        assert_eq!(f.line_col(0), LineCol { line: 1, column: 1 });
    }

    #[test]
    fn latin1_offsets_map_back_to_disk() {
        let bytes = b"caf\xe9 \"/v2/me\"".to_vec();
        let f = SourceFile::new("a.py", Lang::Python, bytes);
        assert_eq!(f.encoding, Encoding::Latin1);
        let at = f.text.find("/v2").unwrap();
        assert_eq!(f.disk_offset(at), 6);
        assert_eq!(f.line_col(at).column, 7);
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "x = \"/v2/me\"".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let f = SourceFile::new("a.py", Lang::Python, bytes);
        assert_eq!(f.encoding, Encoding::Utf16 { big_endian: false });
        let at = f.text.find("/v2").unwrap();
        assert_eq!(f.disk_offset(at), 2 + 2 * 5);
    }

    #[test]
    fn detects_languages() {
        let cases: [(&str, &[u8], Option<Lang>); 15] = [
            ("x/a.tsx", b"", Some(Lang::JavaScript)),
            (".env.local", b"", Some(Lang::Env)),
            ("deploy", b"#!/usr/bin/env bash\n", Some(Lang::Shell)),
            ("tool", b"#!/usr/bin/python3.11\n", Some(Lang::Python)),
            ("logo.png", b"\x89PNG", None),
            // Templates of files to copy are read as the file they become.
            ("example/config.php.dist", b"", Some(Lang::Php)),
            ("settings.py.example", b"", Some(Lang::Python)),
            ("notes.example", b"", None),
            // XML configuration; a `.config` only when it is XML.
            ("ios/Info.plist", b"", Some(Lang::Xml)),
            ("res/values/strings.xml", b"", Some(Lang::Xml)),
            ("nginx/site.config", b"server {", None),
            ("app.config", b" <configuration>", Some(Lang::Xml)),
            (
                "Web.config",
                b"\xef\xbb\xbf<?xml version=\"1.0\"?>",
                Some(Lang::Xml),
            ),
            (
                "src/zolo/social/linkedin/gateway.clj",
                b"",
                Some(Lang::Clojure),
            ),
            ("resources/config.edn", b"", Some(Lang::Clojure)),
        ];
        for (path, head, lang) in cases {
            assert_eq!(Lang::detect(Path::new(path), head), lang, "{path}");
        }
    }
}

#[cfg(test)]
mod name_tests {
    use super::*;

    #[test]
    fn file_name_bytes_agrees_with_file_name() {
        for p in [
            "a/b.py",
            "b.py",
            "a//b.rs",
            "a/b/",
            "a/./",
            "a/.",
            "..",
            ".",
            "/",
            "",
            "./b",
            "a/..",
            ".env",
            "dir.d/Makefile",
        ] {
            let p = Path::new(p);
            assert_eq!(
                file_name_bytes(p),
                p.file_name().map(|n| n.as_encoded_bytes()),
                "{p:?}"
            );
        }
    }
}
