//! A careful, table-driven lexer for the languages we read without a full parser.
//!
//! It knows each language's comments, string forms (escapes, raw strings, triple quotes,
//! template literals, f-strings, heredoc-free shell words) and interpolation, and produces a
//! flat token stream for [`super::context`]. It never fails: unterminated constructs end at EOF.
// linkedin-lint: allow-file(endpoint-deprecated, scope-deprecated, version-sunset, version-inconsistent) -- unit-test inputs

use std::borrow::Cow;
use std::ops::Range;

use crate::facts::{LitKind, Literal};
use crate::source::Lang;

/// A token. Positions are byte offsets into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok<'a> {
    /// Borrowed from the text where the lexer read it (no allocation per identifier: the
    /// largest share of the lexer's); owned where a reader builds it.
    Ident(Cow<'a, str>),
    /// Index into the literal list.
    Lit(usize),
    Punct(char),
    /// End of a line where the language ends statements at newlines (shell, env); helps the
    /// context analyzer stop.
    Newline,
}

/// Tokens and literals of one file (or one embedded block).
#[derive(Debug, Default)]
pub struct Lexed<'a> {
    pub toks: Vec<Tok<'a>>,
    pub lits: Vec<Literal>,
}

#[derive(Clone, Copy)]
struct Spec {
    line_comments: &'static [&'static str],
    block_comment: Option<(&'static str, &'static str)>,
    nested_blocks: bool,
    /// `'…'` is a string (not a char or lifetime).
    single_quote_str: bool,
    /// `'…'` has no escapes (shell, PHP-ish single quotes keep backslashes mostly).
    single_quote_raw: bool,
    /// Backticks: JS template literal, Go raw string, shell command substitution.
    backtick: Backtick,
    /// Python/Kotlin/Java `"""…"""`.
    triple: bool,
    /// Python string prefixes (f, r, b, u and combinations).
    py_prefixes: bool,
    /// Rust `r#"…"#`, `b"…"`.
    rust_raw: bool,
    /// C# `@"…"` verbatim and `$"…"` interpolated.
    csharp: bool,
    /// `#` only starts a comment at the start of a word (shell).
    hash_at_word_start: bool,
    /// Ruby `:symbol`, `%w[…]`.
    ruby: bool,
    /// PHP/Perl/shell `$var` is an identifier.
    dollar_ident: bool,
    newline_tokens: bool,
    /// Unquoted shell words (`https://…`, `$API/v2/me`) are string literals.
    shell_words: bool,
    /// R: `r"(…)"` raw strings and `<-` assignment (read as `=`).
    r_lang: bool,
    /// Swift `\(expr)` interpolation (read as `${expr}`).
    swift: bool,
    /// Dart/Kotlin `"…${expr}…"` (any quote): the expression may hold quotes of its own.
    brace_interp: bool,
    /// Lisp names carry `-`, `?`, `!`, `*` (`PROFILE-URL`, `valid?`).
    lisp_names: bool,
    /// Erlang `$c` character literals (`$"`, `$%`): skipped, so the quote or comment sign
    /// they name does not open a string or a comment.
    char_literals: bool,
    /// JavaScript regular-expression literals (`/^https?:\/\//`, `/\/*\?/i`): skipped whole,
    /// so the `//` or `/*` inside one does not start a comment.
    regex: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Backtick {
    None,
    Template,
    Raw,
    /// Shell command substitution: lexed as code, not a string.
    Code,
}

fn spec(lang: Lang) -> Spec {
    let c = Spec {
        line_comments: &["//"],
        block_comment: Some(("/*", "*/")),
        nested_blocks: false,
        single_quote_str: false,
        single_quote_raw: false,
        backtick: Backtick::None,
        triple: false,
        py_prefixes: false,
        rust_raw: false,
        csharp: false,
        hash_at_word_start: false,
        ruby: false,
        dollar_ident: false,
        newline_tokens: false,
        shell_words: false,
        r_lang: false,
        swift: false,
        brace_interp: false,
        lisp_names: false,
        char_literals: false,
        regex: false,
    };
    match lang {
        Lang::Rust => Spec {
            nested_blocks: true,
            rust_raw: true,
            ..c
        },
        // HTML is read through its scripts (`extract::html`); as text, it lexes as they do.
        // XML is read by `extract::xml`, never lexed; markup lexes best as HTML's.
        Lang::JavaScript | Lang::Html | Lang::Xml => Spec {
            single_quote_str: true,
            backtick: Backtick::Template,
            regex: true,
            ..c
        },
        Lang::Go => Spec {
            backtick: Backtick::Raw,
            ..c
        },
        Lang::Java | Lang::ObjC => Spec { triple: true, ..c },
        Lang::Cpp => c,
        Lang::Kotlin => Spec {
            triple: true,
            brace_interp: true,
            ..c
        },
        // Swift `"""…"""`, nested `/* */`; `\(x)` interpolation is read by `lead_ident`.
        Lang::Swift => Spec {
            swift: true,
            triple: true,
            nested_blocks: true,
            ..c
        },
        // Dart: single, double and triple quotes, `r'…'` raw; `$x`/`${x}` interpolation.
        Lang::Dart => Spec {
            single_quote_str: true,
            triple: true,
            py_prefixes: true,
            nested_blocks: true,
            brace_interp: true,
            ..c
        },
        // Lua: `--[[ … ]]` block comments (tried before `--`), `'…'` strings.
        Lang::Lua => Spec {
            line_comments: &["--"],
            block_comment: Some(("--[[", "]]")),
            single_quote_str: true,
            ..c
        },
        Lang::Haskell => Spec {
            line_comments: &["--"],
            block_comment: Some(("{-", "-}")),
            nested_blocks: true,
            ..c
        },
        // OCaml: nested `(* *)` comments and no line comments; `'a'` is a character and `'a`
        // a type variable (read as Rust's chars and lifetimes are).
        Lang::OCaml => Spec {
            line_comments: &[],
            block_comment: Some(("(*", "*)")),
            nested_blocks: true,
            ..c
        },
        // R: `#` (and roxygen `#'`) comments, `'…'`/`"…"` with escapes, `r"(…)"` raw
        // strings, backtick names (`` `LinkedIn-Version` = v ``) read as strings.
        Lang::R => Spec {
            line_comments: &["#"],
            block_comment: None,
            single_quote_str: true,
            backtick: Backtick::Raw,
            r_lang: true,
            ..c
        },
        Lang::CSharp => Spec {
            csharp: true,
            triple: true,
            ..c
        },
        Lang::Php => Spec {
            line_comments: &["//", "#"],
            single_quote_str: true,
            single_quote_raw: true,
            dollar_ident: true,
            backtick: Backtick::Code,
            ..c
        },
        Lang::Python => Spec {
            line_comments: &["#"],
            block_comment: None,
            single_quote_str: true,
            triple: true,
            py_prefixes: true,
            ..c
        },
        Lang::Ruby => Spec {
            line_comments: &["#"],
            block_comment: Some(("=begin", "=end")),
            single_quote_str: true,
            single_quote_raw: true,
            ruby: true,
            backtick: Backtick::Code,
            ..c
        },
        // Elixir: `#` comments, `"…"`/`'…'` with escapes and `#{}`, `"""` heredocs, atoms
        // (`:scope`) read as names like Ruby symbols.
        Lang::Elixir => Spec {
            line_comments: &["#"],
            block_comment: None,
            single_quote_str: true,
            triple: true,
            ruby: true,
            ..c
        },
        // Clojure: `;` comments, `"…"` strings with escapes (`'` quotes a form, `#"…"` is a
        // regex read as a string), names with dashes.
        Lang::Clojure => Spec {
            line_comments: &[";"],
            block_comment: None,
            lisp_names: true,
            ..c
        },
        // Erlang: `%` comments, `"…"` strings (also in binaries, `<<"…">>`); `'…'` is an atom
        // and `$"` a character.
        Lang::Erlang => Spec {
            line_comments: &["%"],
            block_comment: None,
            char_literals: true,
            ..c
        },
        Lang::Perl => Spec {
            line_comments: &["#"],
            block_comment: None,
            single_quote_str: true,
            single_quote_raw: true,
            dollar_ident: true,
            backtick: Backtick::Code,
            ..c
        },
        Lang::Shell => Spec {
            line_comments: &["#"],
            block_comment: None,
            single_quote_str: true,
            single_quote_raw: true,
            dollar_ident: true,
            hash_at_word_start: true,
            backtick: Backtick::Code,
            newline_tokens: true,
            shell_words: true,
            ..c
        },
        Lang::Env
        | Lang::Properties
        | Lang::Yaml
        | Lang::Toml
        | Lang::Markdown
        | Lang::Notebook => Spec {
            line_comments: &["#"],
            block_comment: None,
            single_quote_str: true,
            single_quote_raw: true,
            hash_at_word_start: true,
            newline_tokens: true,
            ..c
        },
        Lang::Json => Spec {
            single_quote_str: true,
            ..c
        },
    }
}

/// Lex `text[range]` as `lang`. Literal spans are offsets into the whole `text`.
pub fn lex(text: &str, start: usize, end: usize, lang: Lang) -> Lexed<'_> {
    let mut l = Lexer {
        s: text.as_bytes(),
        text,
        i: start,
        end,
        sp: spec(lang),
        out: Lexed::default(),
    };
    l.run();
    l.out
}

/// The comments of `text` (as [`lex`] reports them: literals marked `in_comment`) for a file
/// whose tokens were read by another tokeniser, given `code`: the byte ranges of its string
/// and character literals, in order. Every other place where a comment marker can stand
/// starts a comment, so only the text between those ranges is searched.
pub fn comments_outside(text: &str, code: &[Range<usize>], lang: Lang) -> Vec<Literal> {
    let mut l = Lexer {
        s: text.as_bytes(),
        text,
        i: 0,
        end: text.len(),
        sp: spec(lang),
        out: Lexed::default(),
    };
    // Every comment marker of the languages read so starts with `/`.
    let mut code = code.iter().peekable();
    while l.i < l.end {
        while code.peek().is_some_and(|r| r.end <= l.i) {
            code.next();
        }
        let gap_end = code.peek().map_or(l.end, |r| r.start.max(l.i));
        match memchr::memchr(b'/', &l.s[l.i..gap_end]) {
            Some(p) => {
                l.i += p;
                if !l.comment() {
                    l.i += 1;
                }
            }
            None => l.i = code.peek().map_or(l.end, |r| r.end.max(gap_end)),
        }
    }
    l.out.lits
}

struct Lexer<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
    end: usize,
    sp: Spec,
    out: Lexed<'a>,
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b >= 0x80
}

fn is_ident_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

impl<'a> Lexer<'a> {
    fn at(&self, i: usize) -> u8 {
        if i < self.end { self.s[i] } else { 0 }
    }

    fn starts(&self, pat: &str) -> bool {
        let pat = pat.as_bytes();
        // The first byte decides nearly every call (each comment marker is tried at every
        // token): no `memcmp` for it.
        pat.first().is_none_or(|&b| self.at(self.i) == b)
            && self.s[..self.end]
                .get(self.i..)
                .is_some_and(|r| r.starts_with(pat))
    }

    fn at_line_start(&self) -> bool {
        self.i == 0 || self.s[self.i - 1] == b'\n'
    }

    fn prev_is_word_boundary(&self) -> bool {
        self.i == 0
            || matches!(
                self.s[self.i - 1],
                b' ' | b'\t' | b'\n' | b'\r' | b';' | b'(' | b'|' | b'&'
            )
    }

    fn run(&mut self) {
        while self.i < self.end {
            let b = self.s[self.i];
            if b == b'\n' {
                if self.sp.newline_tokens {
                    self.out.toks.push(Tok::Newline);
                }
                self.i += 1;
                continue;
            }
            if b.is_ascii_whitespace() {
                self.i += 1;
                continue;
            }
            if self.bare_url() {
                continue;
            }
            if self.sp.regex && b == b'/' && self.regex_literal() {
                continue;
            }
            if self.sp.char_literals && b == b'$' && self.i + 1 < self.end {
                // `$\n`: an escaped character is one more byte.
                let escaped = self.s[self.i + 1] == b'\\';
                self.i = (self.i + 2 + usize::from(escaped)).min(self.end);
                continue;
            }
            if self.comment() {
                continue;
            }
            if self.string() {
                continue;
            }
            if self.sp.shell_words && self.shell_word() {
                continue;
            }
            if b.is_ascii_digit() {
                self.number();
                continue;
            }
            if is_ident_start(b)
                || (self.sp.dollar_ident && b == b'$' && is_ident_start(self.at(self.i + 1)))
            {
                let st = self.i;
                if b == b'$' {
                    self.i += 1;
                }
                while self.i < self.end && is_ident_char(self.s[self.i]) {
                    self.i += 1;
                }
                if self.sp.lisp_names {
                    while self.i < self.end
                        && (is_ident_char(self.s[self.i]) || b"-?!*".contains(&self.s[self.i]))
                    {
                        self.i += 1;
                    }
                }
                // Shell words may carry dashes (`--header`); keep them whole.
                if self.sp.newline_tokens {
                    while self.i < self.end
                        && (is_ident_char(self.s[self.i]) || self.s[self.i] == b'-')
                    {
                        self.i += 1;
                    }
                }
                let text: &'a str = self.text;
                let name = text[st..self.i].trim_start_matches('$');
                if let Some(scope) = mobile_sdk_scope(name, &text[..st]) {
                    // The scope the constant stands for, checked as if it were written.
                    let mut lit = Literal::new(
                        LitKind::Str,
                        scope.to_string(),
                        st..self.i,
                        st..self.i,
                        false,
                    );
                    lit.name = Some("scope".to_string());
                    self.out.lits.push(lit);
                }
                self.out.toks.push(Tok::Ident(Cow::Borrowed(name)));
                continue;
            }
            // R `x <- "v"` / `x <<- "v"`: a binding, like `=`.
            if self.sp.r_lang && b == b'<' && (self.starts("<-") || self.starts("<<-")) {
                self.i += if self.starts("<<-") { 3 } else { 2 };
                self.out.toks.push(Tok::Punct('='));
                continue;
            }
            if self.sp.newline_tokens && b == b'-' && self.at(self.i + 1) != b' ' {
                // Shell flags: `-H`, `--header`.
                let st = self.i;
                while self.i < self.end && (is_ident_char(self.s[self.i]) || self.s[self.i] == b'-')
                {
                    self.i += 1;
                }
                let text: &'a str = self.text;
                self.out
                    .toks
                    .push(Tok::Ident(Cow::Borrowed(&text[st..self.i])));
                continue;
            }
            // Any other char (multi-byte chars included) is punctuation.
            let ch = self.text[self.i..].chars().next().unwrap_or('\0');
            self.i += ch.len_utf8().max(1);
            self.out.toks.push(Tok::Punct(ch));
        }
    }

    /// `https://host/path` outside a string where `//` starts a comment: in real code that is
    /// a label and a comment, which nobody writes; it is a URL pasted into a code block
    /// (`GET https://api.linkedin.com/v2/me` in a Markdown fence labelled `typescript`), so
    /// the URL is read as a literal rather than lost to a comment.
    fn bare_url(&mut self) -> bool {
        if !self.sp.line_comments.contains(&"//") || !matches!(self.s[self.i], b'h' | b'H') {
            return false;
        }
        let st = self.i;
        if st > 0 && is_ident_char(self.s[st - 1]) {
            return false;
        }
        let rest = &self.s[st..self.end];
        let scheme = if rest.starts_with(b"https://") {
            8
        } else if rest.starts_with(b"http://") {
            7
        } else {
            return false;
        };
        let mut n = rest
            .iter()
            .position(|c| c.is_ascii_whitespace() || b"\"'`<>".contains(c))
            .unwrap_or(rest.len());
        // Sentence punctuation and an unbalanced `)` (`(see https://…)`) end the URL.
        loop {
            let url = &rest[..n];
            let unbalanced = url.ends_with(b")")
                && url.iter().filter(|&&c| c == b')').count()
                    > url.iter().filter(|&&c| c == b'(').count();
            if n > scheme && (matches!(url[n - 1], b'.' | b',' | b';') || unbalanced) {
                n -= 1;
            } else {
                break;
            }
        }
        if n <= scheme {
            return false;
        }
        let e = st + n;
        self.i = e;
        self.push_lit(Literal::new(
            LitKind::Str,
            self.text[st..e].to_string(),
            st..e,
            st..e,
            true,
        ));
        true
    }

    /// An unquoted shell word that is not a plain name, flag or number: a literal.
    fn shell_word(&mut self) -> bool {
        let st = self.i;
        if self.s[st] == b'=' {
            return false;
        }
        let mut k = st;
        while k < self.end {
            let c = self.s[k];
            if c.is_ascii_whitespace() || b";|&()<>\"'`".contains(&c) {
                break;
            }
            // `KEY=value`: stop before `=` so the key is a name.
            if c == b'=' && k > st && self.s[st..k].iter().all(|&b| is_ident_char(b)) {
                break;
            }
            k += 1;
        }
        let w = &self.text[st..k];
        if w.len() <= 1
            || w.bytes()
                .all(|b| is_ident_char(b) || b == b'-' || b == b'$')
        {
            return false;
        }
        self.i = k;
        let mut lit = Literal::new(LitKind::Str, w.to_string(), st..k, st..k, true);
        lit.lead_ident = lead_ident(w, true);
        self.push_lit(lit);
        true
    }

    fn number(&mut self) {
        let st = self.i;
        while self.i < self.end
            && (self.s[self.i].is_ascii_alphanumeric() || matches!(self.s[self.i], b'_' | b'.'))
        {
            self.i += 1;
        }
        let raw = &self.text[st..self.i];
        // One allocation of the right size (collecting char by char grew the string).
        let digits = if raw.contains('_') {
            raw.replace('_', "")
        } else {
            raw.to_owned()
        };
        let is_int = digits.bytes().all(|b| b.is_ascii_digit());
        let kind = if is_int { LitKind::Int } else { LitKind::Str };
        let exact = digits == raw;
        self.push_lit(Literal::new(kind, digits, st..self.i, st..self.i, exact));
    }

    fn push_lit(&mut self, lit: Literal) -> usize {
        self.out.lits.push(lit);
        let idx = self.out.lits.len() - 1;
        self.out.toks.push(Tok::Lit(idx));
        idx
    }

    /// A regular-expression literal at the cursor (`/` where an expression starts: after an
    /// operator, an opening bracket, a comma, `return`…), skipped to its closing `/` and flags
    /// on the same line. Anything else — division, a comment, a `/` with no closing one on the
    /// line — is left to the other rules.
    fn regex_literal(&mut self) -> bool {
        if matches!(self.at(self.i + 1), b'/' | b'*') {
            return false;
        }
        let starts_expression = match self.out.toks.last() {
            None => true,
            Some(Tok::Punct(c)) => "=(,:[!&|?{;+-*%~^".contains(*c),
            Some(Tok::Ident(w)) => matches!(
                w.as_ref(),
                "return" | "typeof" | "case" | "in" | "of" | "delete" | "void" | "throw" | "new"
            ),
            _ => false,
        };
        if !starts_expression {
            return false;
        }
        let mut j = self.i + 1;
        let mut class = false;
        while j < self.end {
            match self.s[j] {
                b'\\' => j += 1,
                b'\n' => return false,
                b'[' => class = true,
                b']' => class = false,
                b'/' if !class => {
                    j += 1;
                    while j < self.end && self.s[j].is_ascii_alphabetic() {
                        j += 1;
                    }
                    self.i = j;
                    self.out.toks.push(Tok::Punct('/'));
                    return true;
                }
                _ => {}
            }
            j += 1;
        }
        false
    }

    fn comment(&mut self) -> bool {
        let sp = self.sp;
        for lc in sp.line_comments {
            // Lua's `--[[`: a block comment that starts like a line comment (tried only once
            // the line comment matched, since this runs at every token).
            let block_here = || {
                sp.block_comment
                    .is_some_and(|(open, _)| open.starts_with(lc) && self.starts(open))
            };
            if self.starts(lc) && !block_here() {
                if *lc == "#" && sp.hash_at_word_start && !self.prev_is_word_boundary() {
                    return false;
                }
                // Rust/PHP `#[…]` attributes are not comments.
                if *lc == "#" && self.at(self.i + 1) == b'[' && sp.dollar_ident {
                    return false;
                }
                let st = self.i;
                let e = memchr::memchr(b'\n', &self.s[self.i..self.end])
                    .map_or(self.end, |p| self.i + p);
                self.comment_lit(st + lc.len(), e, st, e);
                self.i = e;
                return true;
            }
        }
        if let Some((open, close)) = sp.block_comment {
            let at_ok = open != "=begin" || self.at_line_start();
            if at_ok && self.starts(open) {
                let st = self.i;
                let mut depth = 0usize;
                let mut j = self.i;
                // Only a byte that starts the opener or the closer can change the depth: jump
                // to the next one (a doc comment is long, and every byte of it was tried).
                let (o0, c0) = (open.as_bytes()[0], close.as_bytes()[0]);
                while j < self.end {
                    if self.s[j..self.end].starts_with(open.as_bytes())
                        && (depth == 0 || sp.nested_blocks)
                    {
                        depth += 1;
                        j += open.len();
                    } else if self.s[j..self.end].starts_with(close.as_bytes()) {
                        depth -= 1;
                        j += close.len();
                        if depth == 0 {
                            break;
                        }
                    } else {
                        j = memchr::memchr2(o0, c0, &self.s[j + 1..self.end])
                            .map_or(self.end, |p| j + 1 + p);
                    }
                }
                let j = j.min(self.end);
                let inner_end = if depth == 0 { j - close.len() } else { j };
                self.comment_lit(st + open.len(), inner_end.max(st + open.len()), st, j);
                self.i = j;
                return true;
            }
        }
        false
    }

    fn comment_lit(&mut self, s: usize, e: usize, os: usize, oe: usize) {
        // Comments are kept (as literals marked `in_comment`) so secrets in them are still
        // found and redacted; they never give a file LinkedIn context.
        let (s, e) = (self.char_floor(s), self.char_floor(e));
        let mut lit = Literal::new(
            LitKind::Str,
            self.text[s..e].to_string(),
            s..e,
            os..oe,
            true,
        );
        lit.in_comment = true;
        self.out.lits.push(lit);
    }

    fn char_floor(&self, mut i: usize) -> usize {
        while i > 0 && !self.text.is_char_boundary(i) {
            i -= 1;
        }
        i
    }

    /// Try to lex a string literal at the cursor.
    ///
    /// Long (about 200 lines) for a reason: every language's quoting (raw, triple-quoted,
    /// template, heredoc, verbatim) is one arm of one cursor walk, and the arms share the
    /// escape and interpolation handling; the fuzz target `readers` and `tests/languages.rs`
    /// guard it. A per-dialect split is its own change.
    fn string(&mut self) -> bool {
        let sp = self.sp;
        let st = self.i;
        let b = self.s[self.i];
        // Prefixes.
        let mut j = self.i;
        let mut raw = false;
        let mut fmt = false;
        if sp.py_prefixes && b.is_ascii_alphabetic() {
            while j < self.end
                && j - st < 3
                && matches!(self.s[j].to_ascii_lowercase(), b'f' | b'r' | b'b' | b'u')
            {
                j += 1;
            }
            if j > st
                && matches!(self.at(j), b'"' | b'\'')
                && (j == st || !is_ident_char(self.at(st.wrapping_sub(1))))
            {
                let p = self.text[st..j].to_ascii_lowercase();
                raw = p.contains('r');
                fmt = p.contains('f');
            } else {
                j = st;
            }
        }
        if sp.rust_raw && (b == b'r' || b == b'b' || b == b'c') {
            let mut k = self.i;
            if matches!(self.at(k), b'b' | b'c') {
                k += 1;
            }
            if self.at(k) == b'r' {
                let mut h = k + 1;
                while self.at(h) == b'#' {
                    h += 1;
                }
                if self.at(h) == b'"' && (st == 0 || !is_ident_char(self.s[st - 1])) {
                    let hashes = h - k - 1;
                    let close = format!("\"{}", "#".repeat(hashes));
                    let cs = h + 1;
                    let ce = find(self.s, cs, self.end, close.as_bytes()).unwrap_or(self.end);
                    let oe = (ce + close.len()).min(self.end);
                    self.i = oe;
                    self.push_lit(Literal::new(
                        LitKind::Str,
                        self.text[cs..ce].to_string(),
                        cs..ce,
                        st..oe,
                        true,
                    ));
                    return true;
                }
            } else if k > self.i && self.at(k) == b'"' {
                j = k;
            }
        }
        if sp.r_lang && matches!(b, b'r' | b'R') && self.r_raw_string(st) {
            return true;
        }
        if sp.csharp && (b == b'@' || b == b'$') {
            let mut k = self.i;
            while matches!(self.at(k), b'@' | b'$') && k - st < 3 {
                k += 1;
            }
            if self.at(k) == b'"' {
                let p = &self.text[st..k];
                raw = p.contains('@');
                fmt = p.contains('$');
                j = k;
            }
        }
        if sp.ruby && b == b'%' && matches!(self.at(self.i + 1), b'w' | b'W' | b'i' | b'I') {
            let open = self.at(self.i + 2);
            let close = match open {
                b'[' => b']',
                b'(' => b')',
                b'{' => b'}',
                b'<' => b'>',
                b'|' | b'!' | b'/' => open,
                _ => return false,
            };
            self.i += 3;
            self.out.toks.push(Tok::Punct('['));
            loop {
                while self.i < self.end && self.s[self.i].is_ascii_whitespace() {
                    self.i += 1;
                }
                if self.i >= self.end || self.s[self.i] == close {
                    break;
                }
                let ws = self.i;
                while self.i < self.end
                    && !self.s[self.i].is_ascii_whitespace()
                    && self.s[self.i] != close
                {
                    self.i += 1;
                }
                self.push_lit(Literal::new(
                    LitKind::Str,
                    self.text[ws..self.i].to_string(),
                    ws..self.i,
                    ws..self.i,
                    true,
                ));
                self.out.toks.push(Tok::Punct(','));
            }
            self.i = (self.i + 1).min(self.end);
            self.out.toks.push(Tok::Punct(']'));
            return true;
        }
        if sp.ruby
            && b == b':'
            && is_ident_start(self.at(self.i + 1))
            && self.at(self.i.wrapping_sub(1)) != b':'
        {
            // A symbol: `:scope` is a name, like an identifier.
            let ws = self.i + 1;
            let mut k = ws;
            while k < self.end && is_ident_char(self.s[k]) {
                k += 1;
            }
            if self.at(k) != b':' {
                self.i = k;
                let text: &'a str = self.text;
                self.out.toks.push(Tok::Ident(Cow::Borrowed(&text[ws..k])));
                return true;
            }
        }
        let q = self.at(j);
        let is_quote = q == b'"'
            || (q == b'\'' && sp.single_quote_str)
            || (q == b'`' && sp.backtick != Backtick::None);
        if !is_quote {
            if q == b'\'' && !sp.single_quote_str {
                return self.char_or_lifetime();
            }
            return false;
        }
        if q == b'`' && sp.backtick == Backtick::Code {
            return false;
        }
        // Triple quotes. Not after C#'s `@`: `@"""}}"` is a verbatim string that starts with
        // an escaped quote (`""`); a C# raw string literal (`"""…"""`) takes no `@`.
        let verbatim = sp.csharp && raw;
        if sp.triple && !verbatim && q != b'`' && self.at(j + 1) == q && self.at(j + 2) == q {
            let cs = j + 3;
            let close = [q, q, q];
            let ce = find(self.s, cs, self.end, &close).unwrap_or(self.end);
            let oe = (ce + 3).min(self.end);
            self.i = oe;
            self.finish_string(st, cs, ce, oe, raw || sp.csharp, fmt, b'"');
            return true;
        }
        let no_escape = raw
            || (q == b'\'' && sp.single_quote_raw)
            || (q == b'`' && sp.backtick == Backtick::Raw);
        let cs = j + 1;
        let mut k = cs;
        let mut depth = 0usize;
        // `${…}` expressions of a template literal, lexed as code after the literal.
        let mut exprs: Vec<(usize, usize)> = Vec::new();
        while k < self.end {
            let c = self.s[k];
            if c == b'\\' && !no_escape {
                // Skip the escaped character whole (it may be multi-byte).
                k += 1 + self
                    .text
                    .get(k + 1..)
                    .and_then(|r| r.chars().next())
                    .map_or(1, char::len_utf8);
                continue;
            }
            // Shell `"$(curl -H "K: v" …)"`: quotes inside `$( )` start new quoting; the
            // command is lexed as code after the literal.
            if sp.shell_words && q == b'"' && c == b'$' && self.at(k + 1) == b'(' {
                let e = self.matching_paren(k + 2);
                exprs.push((k + 2, e));
                k = (e + 1).min(self.end);
                continue;
            }
            // Ruby/Elixir `"…#{expr}…"`: the expression may hold quotes of its own
            // (`"/people/~:(#{Enum.join(fields, ",")})"`); it is lexed as code after the literal.
            if sp.ruby && q == b'"' && c == b'#' && self.at(k + 1) == b'{' {
                let e = self.matching_close(k + 2, b'{', b'}');
                exprs.push((k + 2, e));
                k = (e + 1).min(self.end);
                continue;
            }
            // Dart/Kotlin `'…${Uri.encodeComponent('r_liteprofile r_emailaddress')}…'`: the
            // same, for `${…}` in any quote.
            // (An unclosed `${` is left to the string: it ends at its quote or line.)
            if sp.brace_interp && !no_escape && c == b'$' && self.at(k + 1) == b'{' {
                let e = self.matching_close(k + 2, b'{', b'}');
                if e < self.end {
                    exprs.push((k + 2, e));
                    k = e + 1;
                    continue;
                }
            }
            if raw && sp.csharp && c == b'"' && self.at(k + 1) == b'"' {
                k += 2;
                continue;
            }
            if q == b'`' && sp.backtick == Backtick::Template {
                if c == b'$' && self.at(k + 1) == b'{' {
                    depth += 1;
                    k += 2;
                    if depth == 1 {
                        exprs.push((k, k));
                    }
                    continue;
                }
                if depth > 0 && c == b'}' {
                    depth -= 1;
                    if depth == 0 {
                        if let Some(e) = exprs.last_mut() {
                            e.1 = k;
                        }
                    }
                } else if c == q && depth == 0 {
                    break;
                }
                k += 1;
                continue;
            }
            if c == q {
                break;
            }
            // Unterminated single-line strings end at the newline (except templates/raw).
            if c == b'\n' && q != b'`' && !(sp.newline_tokens) && !(raw && sp.csharp) {
                break;
            }
            k += 1;
        }
        let ce = k.min(self.end);
        let oe = if self.at(ce) == q { ce + 1 } else { ce };
        self.i = oe.max(st + 1);
        // Dart interpolates in every quote but raw `r'…'` (`'$_baseUrl/ugcPosts'`).
        let interp = fmt || q == b'`' || sp.brace_interp && !no_escape;
        self.finish_string(st, cs, ce, oe, no_escape, interp, q);
        for (es, ee) in exprs {
            if ee > es {
                self.sub_lex(es, ee);
            }
        }
        true
    }

    /// The `)` closing a shell `$(` whose body starts at `from` (quotes and escapes skipped),
    /// or the end.
    fn matching_paren(&self, from: usize) -> usize {
        self.matching_close(from, b'(', b')')
    }

    /// The index of the `close` that ends a group opened just before `from` (quoted text
    /// skipped), or the end.
    fn matching_close(&self, from: usize, open: u8, close: u8) -> usize {
        let (mut k, mut depth) = (from, 1usize);
        while k < self.end {
            match self.s[k] {
                b'\\' => k += 1,
                b'\'' => k = find(self.s, k + 1, self.end, b"'").unwrap_or(self.end),
                b'"' => {
                    let mut j = k + 1;
                    while j < self.end && self.s[j] != b'"' {
                        j += if self.s[j] == b'\\' { 2 } else { 1 };
                    }
                    k = j;
                }
                b if b == open => depth += 1,
                b if b == close => {
                    depth -= 1;
                    if depth == 0 {
                        return k;
                    }
                }
                _ => {}
            }
            k += 1;
        }
        self.end
    }

    /// R 4.0 raw strings: `r"(…)"`, `R'[…]'`, `r"-{…}-"` (any number of dashes).
    fn r_raw_string(&mut self, st: usize) -> bool {
        if (st > 0 && is_ident_char(self.s[st - 1])) || !matches!(self.at(st + 1), b'"' | b'\'') {
            return false;
        }
        let q = self.at(st + 1);
        let mut k = st + 2;
        while self.at(k) == b'-' {
            k += 1;
        }
        let dashes = k - st - 2;
        let close_b = match self.at(k) {
            b'(' => b')',
            b'[' => b']',
            b'{' => b'}',
            _ => return false,
        };
        let mut close = vec![close_b];
        close.extend(std::iter::repeat_n(b'-', dashes));
        close.push(q);
        let cs = k + 1;
        let ce = find(self.s, cs, self.end, &close).unwrap_or(self.end);
        let oe = (ce + close.len()).min(self.end);
        self.i = oe;
        self.finish_string(st, cs, ce, oe, true, false, q);
        true
    }

    /// Lex `es..ee` (an interpolated expression) as code, as a parenthesised group after the
    /// literal, so strings inside `${encodeURIComponent("…")}` are seen too.
    fn sub_lex(&mut self, es: usize, ee: usize) {
        let mut sub = Lexer {
            s: self.s,
            text: self.text,
            i: es,
            end: ee,
            sp: self.sp,
            out: Lexed::default(),
        };
        sub.run();
        let base = self.out.lits.len();
        self.out.toks.push(Tok::Punct('('));
        for t in sub.out.toks {
            self.out.toks.push(match t {
                Tok::Lit(i) => Tok::Lit(i + base),
                other => other,
            });
        }
        self.out.toks.push(Tok::Punct(')'));
        self.out.lits.extend(sub.out.lits);
    }

    /// Rust/Go/Java/C# `'x'` char literals vs Rust lifetimes: neither is interesting.
    fn char_or_lifetime(&mut self) -> bool {
        let j = self.i + 1;
        if self.at(j) == b'\\' {
            let mut k = j + 2;
            while k < self.end && k < j + 12 && self.s[k] != b'\'' {
                k += 1;
            }
            self.i = self.char_floor((k + 1).min(self.end)).max(j);
        } else {
            let ch_len = self
                .text
                .get(j..)
                .and_then(|r| r.chars().next())
                .map_or(1, |c| c.len_utf8());
            if self.at(j + ch_len) == b'\'' {
                self.i = j + ch_len + 1;
            } else {
                self.i = j; // lifetime: skip the quote, the name lexes as an identifier
            }
        }
        true
    }

    #[allow(clippy::too_many_arguments)]
    fn finish_string(
        &mut self,
        os: usize,
        cs: usize,
        ce: usize,
        oe: usize,
        raw: bool,
        interp: bool,
        q: u8,
    ) {
        let src = &self.text[cs..ce];
        let (value, exact) = if raw {
            (src.to_string(), true)
        } else if self.sp.swift && src.contains("\\(") {
            (swift_interpolation(src), false)
        } else {
            unescape(src)
        };
        let lead = if self.sp.swift { value.as_str() } else { src };
        let lead = lead_ident(lead, interp || q == b'"');
        let mut lit = Literal::new(LitKind::Str, value, cs..ce, os..oe, exact);
        lit.lead_ident = lead;
        self.push_lit(lit);
    }
}

fn find(s: &[u8], from: usize, end: usize, pat: &[u8]) -> Option<usize> {
    if from >= end {
        return None;
    }
    // A one-byte pattern (a closing quote) is a memchr; memmem builds a searcher per call.
    match pat {
        [b] => memchr::memchr(*b, &s[from..end]),
        _ => memchr::memmem::find(&s[from..end], pat),
    }
    .map(|p| from + p)
}

/// A Swift string with `\(expr)` interpolation, decoded with each `\(expr)` written
/// `${expr}` (the form the checks read as run-time values).
fn swift_interpolation(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut rest = src;
    while let Some(k) = rest.find("\\(") {
        out.push_str(&unescape(&rest[..k]).0);
        let inner = &rest[k + 2..];
        let mut depth = 1usize;
        let end = inner
            .char_indices()
            .find(|&(_, c)| {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                depth == 0
            })
            .map_or(inner.len(), |(i, _)| i);
        out.push_str("${");
        out.push_str(&inner[..end]);
        out.push('}');
        rest = inner.get(end + 1..).unwrap_or("");
    }
    out.push_str(&unescape(rest).0);
    out
}

/// Resolve common backslash escapes. Returns the value and whether it equals the source.
pub fn unescape(src: &str) -> (String, bool) {
    if !src.contains('\\') {
        return (src.to_string(), true);
    }
    let mut out = String::with_capacity(src.len());
    let mut it = src.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('0') => out.push('\0'),
            Some('\n') => {}
            Some(o) => out.push(o),
            None => out.push('\\'),
        }
    }
    (out, false)
}

/// The scope a constant of LinkedIn's retired mobile SDKs requests: Android's
/// `com.linkedin.platform.utils.Scope` (`Scope.R_EMAILADDRESS`, always written with its class)
/// and iOS's `LISDK_*_PERMISSION` (`LISDK_EMAILADDRESS_PERMISSION`). `before` is the text up to
/// the identifier.
fn mobile_sdk_scope(name: &str, before: &str) -> Option<&'static str> {
    if let Some(s) = enum_member_scope(name, before) {
        return Some(s);
    }
    if before.ends_with("Scope.") {
        return match name {
            "R_BASICPROFILE" => Some("r_basicprofile"),
            "R_FULLPROFILE" => Some("r_fullprofile"),
            "R_EMAILADDRESS" => Some("r_emailaddress"),
            "R_CONTACTINFO" => Some("r_contactinfo"),
            "RW_COMPANY_ADMIN" => Some("rw_company_admin"),
            "W_SHARE" => Some("w_share"),
            _ => None,
        };
    }
    match name.strip_prefix("LISDK_")?.strip_suffix("_PERMISSION")? {
        "BASIC_PROFILE" => Some("r_basicprofile"),
        "FULL_PROFILE" => Some("r_fullprofile"),
        "EMAILADDRESS" => Some("r_emailaddress"),
        "CONTACT_INFO" => Some("r_contactinfo"),
        "RW_COMPANY_ADMIN" => Some("rw_company_admin"),
        "W_SHARE" => Some("w_share"),
        _ => None,
    }
}

/// An enum whose members are the scope names themselves, the app's list of what it may
/// request (`public enum AccessScope { r_basicprofile, r_emailaddress, rw_company_admin }`).
/// Only a member's declaration: after the enum's `{` or a `,`, with no `}` since.
fn enum_member_scope(name: &str, before: &str) -> Option<&'static str> {
    const SCOPES: [&str; 7] = [
        "r_liteprofile",
        "r_basicprofile",
        "r_fullprofile",
        "r_emailaddress",
        "r_contactinfo",
        "rw_company_admin",
        "w_share",
    ];
    let scope = SCOPES.iter().find(|s| **s == name)?;
    let b = before.trim_end().as_bytes();
    if !matches!(b.last(), Some(b'{' | b',')) {
        return None;
    }
    // The enum's header within the few lines before: `enum NAME {` (Java, Kotlin's
    // `enum class`, C#, TypeScript, Swift's `case a, b`), its body not closed since.
    let window = &b[b.len().saturating_sub(2048)..];
    let at = memchr::memmem::rfind(window, b"enum ")?;
    let body = &window[at..];
    let open = memchr::memchr(b'{', body)?;
    (!body[open..].contains(&b'}')).then_some(*scope)
}

/// The identifier interpolated at the very start of a string: `${API}`, `{BASE}`, `#{BASE}`,
/// `$BASE`, `{$base}`; the last path segment of `${this.baseUrl}`/`{settings.API}`.
pub fn lead_ident(src: &str, interp: bool) -> Option<String> {
    if !interp {
        return None;
    }
    let inner = if let Some(r) = src
        .strip_prefix("${")
        .or_else(|| src.strip_prefix("#{"))
        .or_else(|| src.strip_prefix("{$"))
    {
        r.split('}').next()?
    } else if let Some(r) = src.strip_prefix('{') {
        r.split(['}', ':', '!']).next()?
    } else if let Some(r) = src.strip_prefix('$') {
        // `$base`, `$this->apiBase`: the last name of the chain.
        let b = r.as_bytes();
        let mut n = 0;
        loop {
            n += b[n..].iter().take_while(|c| is_ident_char(**c)).count();
            if b[n..].starts_with(b"->") {
                n += 2;
            } else {
                break;
            }
        }
        &r[..n]
    } else {
        return None;
    };
    let inner = inner.trim();
    let last = inner
        .rsplit(['.', ':', '>'])
        .next()?
        .trim_start_matches('$');
    let last = last.trim_end_matches("()");
    (!last.is_empty() && last.bytes().all(is_ident_char)).then(|| last.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(lang: Lang, src: &str) -> Vec<String> {
        let l = lex(src, 0, src.len(), lang);
        l.lits
            .iter()
            .filter(|l| !l.in_comment)
            .map(|l| l.value.clone())
            .collect()
    }

    /// A regex literal holding `/*` or `//` (an OAuth client library's `/\/*\?/i` and
    /// `/^https?:\/\//`) does not start a comment: the base URL after it is still read. A
    /// division is not a regex.
    #[test]
    fn js_regex_literals_are_not_comments() {
        let src = "var c = 1\n    , hasParameters = /\\/*\\?/i\n    , _rest_base = 'http://api.linkedin.com/v1';\nconst host = url.replace(/^https?:\\/\\//, ''); const me = '/v2/me';\nconst half = total / 2; const x = 'a/b' / 2;\n";
        assert_eq!(
            strings(Lang::JavaScript, src),
            [
                "1",
                "http://api.linkedin.com/v1",
                "",
                "/v2/me",
                "2",
                "a/b",
                "2"
            ]
        );
    }

    #[test]
    fn js_templates_and_comments() {
        let src = "const a = `${API}/v2/me`; // 'x'\n/* \"y\" */ fetch('/rest/posts', {\"LinkedIn-Version\": \"202401\"})";
        assert_eq!(
            strings(Lang::JavaScript, src),
            ["${API}/v2/me", "/rest/posts", "LinkedIn-Version", "202401"]
        );
        let l = lex(src, 0, src.len(), Lang::JavaScript);
        assert_eq!(l.lits[0].lead_ident.as_deref(), Some("API"));
        assert_eq!(&src[l.lits[0].span.clone()], "${API}/v2/me");
    }

    #[test]
    fn bare_urls_in_code_are_literals_not_comments() {
        // Seen in a Markdown fence labelled `typescript`: an HTTP request line.
        let src = "// Example\nGET https://api.linkedin.com/v2/me\nAuthorization: Bearer x\n(see http://x.io/a(b).)";
        assert_eq!(
            strings(Lang::JavaScript, src),
            ["https://api.linkedin.com/v2/me", "http://x.io/a(b)"]
        );
        // Not after an identifier character, and not where `//` is no comment.
        assert_eq!(
            strings(Lang::JavaScript, "xhttps://a.b/c"),
            Vec::<String>::new()
        );
        assert_eq!(strings(Lang::Python, "https://a.b/c"), Vec::<String>::new());
    }

    #[test]
    fn python_prefixes_and_triples() {
        let src = "x = f\"{BASE_URL}/adAccountsV2\"\ny = '''r_liteprofile'''\nz = rb'\\d'  # c\n";
        assert_eq!(
            strings(Lang::Python, src),
            ["{BASE_URL}/adAccountsV2", "r_liteprofile", "\\d"]
        );
        let l = lex(src, 0, src.len(), Lang::Python);
        assert_eq!(l.lits[0].lead_ident.as_deref(), Some("BASE_URL"));
    }

    #[test]
    fn rust_raw_strings_and_lifetimes() {
        let src = "fn f<'a>(x: &'a str) { let c = 'x'; let s = r#\"/v2/\"me\"#; }";
        assert_eq!(strings(Lang::Rust, src), ["/v2/\"me"]);
    }

    #[test]
    fn escapes_make_spans_inexact() {
        let src = r#"x = "a\"b""#;
        let l = lex(src, 0, src.len(), Lang::Go);
        assert_eq!(l.lits[0].value, "a\"b");
        assert!(!l.lits[0].exact);
    }

    #[test]
    fn ruby_words_and_symbols() {
        let src = "scope %w[r_liteprofile r_emailaddress]\nh = { scope: 'x', :a => 'b' } # 'c'";
        assert_eq!(
            strings(Lang::Ruby, src),
            ["r_liteprofile", "r_emailaddress", "x", "b"]
        );
    }

    #[test]
    fn shell_words() {
        let src = "API=https://api.linkedin.com\ncurl -H 'LinkedIn-Version: 202401' \"$API/v2/me\" $API/v2/shares # \"no\"\n";
        let l = lex(src, 0, src.len(), Lang::Shell);
        assert_eq!(l.toks[0], Tok::Ident("API".into()));
        assert_eq!(l.toks[1], Tok::Punct('='));
        assert_eq!(l.toks[5], Tok::Ident("-H".into()));
        assert_eq!(
            strings(Lang::Shell, src),
            [
                "https://api.linkedin.com",
                "LinkedIn-Version: 202401",
                "$API/v2/me",
                "$API/v2/shares"
            ]
        );
        assert_eq!(l.lits[2].lead_ident.as_deref(), Some("API"));
    }

    #[test]
    fn shell_command_substitution_in_double_quotes_nests() {
        let src = "init=\"$(curl -s -H \"X-Restli-Protocol-Version: 2.0.0\" -H \"LinkedIn-Version: ${API_VERSION}\" https://api.linkedin.com/rest/images)\"\n";
        let v = strings(Lang::Shell, src);
        assert!(
            v.contains(&"X-Restli-Protocol-Version: 2.0.0".to_string()),
            "{v:?}"
        );
        assert!(
            v.contains(&"LinkedIn-Version: ${API_VERSION}".to_string()),
            "{v:?}"
        );
        assert!(
            v.contains(&"https://api.linkedin.com/rest/images".to_string()),
            "{v:?}"
        );
    }

    #[test]
    fn escaped_multibyte_char_keeps_boundaries() {
        // Found by the property test: `\` before a multi-byte char used to land mid-char.
        let src = "x = \"a\\Å\" + ident_Å + '\\Å'";
        for lang in [Lang::JavaScript, Lang::Rust, Lang::Go] {
            let l = lex(src, 0, src.len(), lang);
            assert!(l.lits.iter().all(|l| src.is_char_boundary(l.span.start) && src.is_char_boundary(l.span.end)));
        }
    }

    #[test]
    fn unterminated_string_ends_at_newline() {
        let src = "x = \"abc\ny = 'd'";
        assert_eq!(strings(Lang::JavaScript, src), ["abc", "d"]);
    }
}
