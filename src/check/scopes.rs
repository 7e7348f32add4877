//! `scope-deprecated`: retired OAuth scopes in scope lists, with fixes that keep the list
//! layout.

use super::*;

impl Checker<'_> {
    pub(super) fn collect_scopes(
        &self,
        idx: usize,
        lit: &Literal,
        lists: &mut BTreeMap<ListKey, ScopeList>,
    ) {
        let name_says_scope = lit
            .name
            .as_deref()
            .is_some_and(|n| n.to_ascii_lowercase().contains("scope"));
        // A token that is a known scope is a substring of the value: without one, only a
        // name that says "scope" makes a list.
        if !name_says_scope && !self.scope_words.is_match(&lit.value) {
            return;
        }
        let Some((region, sep)) = scope_region(&lit.value) else {
            return;
        };
        let tokens = split_scopes(&lit.value, region.clone(), sep);
        if tokens.is_empty() {
            return;
        }
        let known = tokens
            .iter()
            .any(|t| self.known_scopes.contains(&lit.value[t.clone()]));
        if !(known || name_says_scope && tokens.len() > 1) {
            return;
        }
        // Array elements form one list; a space/comma list inside one string is its own list.
        let key = match (lit.list, tokens.len()) {
            (Some(l), 1) => ListKey::Array(l),
            _ => ListKey::Literal(idx),
        };
        let entry = lists.entry(key).or_insert_with(|| ScopeList {
            sep,
            items: Vec::new(),
        });
        // One shared copy per literal, not one per token: a string of 100,000 scopes would
        // otherwise hold 100,000 copies of itself.
        let shared = std::rc::Rc::new(lit.clone());
        for t in tokens {
            entry.items.push((std::rc::Rc::clone(&shared), t));
        }
    }

    /// Scopes in a docstring's usage example (a multi-line string of a LinkedIn file):
    /// `>>> auth.generate_member_auth_url(scopes=["r_liteprofile", "rw_ads"])`. Each quoted
    /// string is read as a scope string; findings are documentation (`info`, no fix) and the
    /// scopes are not counted as requested.
    pub(super) fn doc_scopes(
        &self,
        file: &SourceFile,
        facts: &FileFacts,
        lit: &Literal,
        out: &mut FileCheck,
    ) {
        let Some(v) = docstring(facts, lit).filter(|v| v.contains('_')) else {
            return;
        };
        let mut lists = BTreeMap::new();
        let (mut i, mut k) = (0, 0);
        while let Some(q) = v[i..].find(['"', '\'']).map(|p| i + p) {
            let quote = v.as_bytes()[q] as char;
            let Some(len) = v[q + 1..].find([quote, '\n']) else {
                break;
            };
            let inner = q + 1..q + 1 + len;
            i = inner.end + 1;
            if v.as_bytes().get(inner.end) != Some(&(quote as u8)) || len > 200 {
                i = inner.end; // unclosed on its line: not a string
                continue;
            }
            let mut sub = lit.clone();
            sub.value = v[inner.clone()].to_string();
            sub.span = lit.sub_span(inner.clone());
            sub.outer = lit.sub_span(inner.start - 1..inner.end + 1);
            sub.name = None;
            sub.list = None;
            k += 1;
            // Keys no literal of the file has: this list never names a real literal.
            self.collect_scopes(usize::MAX - k, &sub, &mut lists);
        }
        if lists.is_empty() {
            return;
        }
        let mut tmp = FileCheck::default();
        self.scopes(file, facts, &lists, &mut tmp);
        push_as_docs(tmp, out);
    }

    pub(super) fn scopes(
        &self,
        file: &SourceFile,
        facts: &FileFacts,
        lists: &BTreeMap<ListKey, ScopeList>,
        out: &mut FileCheck,
    ) {
        for (key, list) in lists {
            let present: BTreeSet<String> = list
                .items
                .iter()
                .map(|(l, r)| l.value[r.clone()].to_string())
                .collect();
            // What the code requests from LinkedIn: lists in LinkedIn context, or lists that
            // name a scope of the table (`"email"` in some other form is not a request).
            let table_scope = present.iter().any(|p| {
                self.table.scopes.iter().any(|s| &s.scope == p)
                    || self.table.requirements.iter().any(|r| &r.scope == p)
            });
            if facts.linkedin_context || table_scope {
                out.scopes.extend(present.iter().cloned());
            }
            let mut items: Vec<ScopeItem<'_>> = list
                .items
                .iter()
                .map(|(l, r)| {
                    let scope = &l.value[r.clone()];
                    (
                        &**l,
                        r.clone(),
                        self.table.scopes.iter().find(|s| s.scope == scope),
                    )
                })
                .collect();
            items.sort_by_key(|(l, r, _)| (l.outer.start, r.start));
            // Each fix leaves out scopes the list has or an earlier fix of the list adds. That
            // is only right if the earlier fix is applied whenever this one is: so the
            // machine-applicable fixes come first (they never rely on a maybe-incorrect one),
            // and only an entry that has a fix counts as adding anything.
            // Only a list that is demonstrably the scopes sent to LinkedIn is rewritten; a
            // scope anywhere else (a comparison, a map key, a name) is left to the reader.
            let refusal = self.not_a_scope_list(file, facts, *key, list);
            let fixable = |i: usize| {
                let (lit, _, e) = &items[i];
                e.and_then(|e| e.fix.applicability())
                    .filter(|_| lit.exact && refusal.is_none())
            };
            let mut order: Vec<usize> = (0..items.len()).collect();
            order.sort_by_key(|&i| fixable(i) != Some(Applicability::MachineApplicable));
            let mut news: Vec<Option<Vec<&str>>> = vec![None; items.len()];
            let mut added: BTreeSet<&str> = BTreeSet::new();
            for i in order {
                let (Some(e), Some(_)) = (items[i].2, fixable(i)) else {
                    continue;
                };
                let new: Vec<&str> = e
                    .replacement
                    .iter()
                    .map(String::as_str)
                    .filter(|s| !present.contains(*s) && !added.contains(s))
                    .collect();
                added.extend(new.iter().copied());
                news[i] = Some(new);
            }
            let removed: Vec<bool> = news
                .iter()
                .map(|n| n.as_ref().is_some_and(Vec::is_empty))
                .collect();
            for (i, (lit, r, e)) in items.iter().enumerate() {
                let Some(e) = e else { continue };
                let span = lit.locate(&file.text, r.clone());
                let mut f = table_finding(
                    Rule::ScopeDeprecated,
                    entry_of!(e),
                    &file.path,
                    file.span(span.start, span.end),
                );
                if let (Some(why), false) = (refusal, e.replacement.is_empty()) {
                    f.help = format!(
                        "{} No automatic fix here: {why}. Change it by hand: where the scopes \
                         are requested, request `{}` instead, each scope once; where the code \
                         tests for or names the old scope, test for or name the new ones.",
                        f.help.trim_end(),
                        e.replacement.join(" "),
                    );
                }
                if let (Some(app), Some(new)) = (fixable(i), &news[i]) {
                    // Removals take the separator before the item, except at the head of the
                    // list, where they take the one after it: so removing several neighbours
                    // gives edits that do not overlap.
                    let mut nb = list_neighbours(&items, i, *key);
                    nb.at_head = removed[..i].iter().all(|r| *r);
                    f.fix =
                        scope_fix(file, *key, list.sep, lit, r.clone(), nb, new).map(|edits| Fix {
                            applicability: app,
                            edits,
                        });
                }
                out.findings.push(f);
            }
        }
    }
}

impl Checker<'_> {
    /// Why the scopes of `list` are not rewritten (`None`: they are). A scope is replaced only
    /// where the code is demonstrably the list of scopes it sends: an array/slice/list literal
    /// or the arguments of a scope setter holding only scope-shaped strings, a string of
    /// several separated scopes, a `scope=` parameter, or one scope assigned to a name that
    /// says scope. Anywhere else (`in_array('r_liteprofile', …)`, `s == "r_emailaddress"`,
    /// `#[serde(rename = …)]`, map keys, `.append(x)`, a parenthesised string) a replacement
    /// by two scopes changes what the code means.
    fn not_a_scope_list(
        &self,
        file: &SourceFile,
        facts: &FileFacts,
        key: ListKey,
        list: &ScopeList,
    ) -> Option<&'static str> {
        let text = file.text.as_str();
        let before = |i: usize| text[..i].trim_end();
        let after = |i: usize| text[i..].trim_start();
        let is_key = |l: &Literal| {
            let a = after(l.outer.end);
            (a.starts_with(':') && !a.starts_with("::")) || a.starts_with('=')
        };
        match key {
            ListKey::Literal(idx) => {
                let lit = facts.literals.get(idx)?;
                let (region, sep) = scope_region(&lit.value)?;
                if region.start > 0 || split_scopes(&lit.value, region, sep).len() > 1 {
                    return None; // a `scope=` parameter or a separated scope string
                }
                let named = lit
                    .name
                    .as_deref()
                    .is_some_and(|n| n.to_ascii_lowercase().contains("scope"));
                let b = before(lit.outer.start);
                let assigned = (b.ends_with('=')
                    && !b.ends_with("==")
                    && !b.ends_with("!=")
                    && !b.ends_with("<=")
                    && !b.ends_with(">="))
                    || (b.ends_with(':') && !b.ends_with("::"));
                if named && assigned && !is_key(lit) {
                    None
                } else {
                    Some(
                        "this string is not a list of requested scopes (it is compared, \
                         tested, used as a key or a name, or passed as one item)",
                    )
                }
            }
            ListKey::Array(l) => {
                let mut lits: Vec<&Literal> = facts
                    .literals
                    .iter()
                    .filter(|x| x.list == Some(l) && !x.in_comment)
                    .collect();
                lits.sort_by_key(|x| x.outer.start);
                let shaped = |x: &Literal| {
                    scope_region(&x.value).is_some_and(|(r, sep)| {
                        r.start == 0 && !split_scopes(&x.value, r, sep).is_empty()
                    })
                };
                // An element follows a bracket, a comma or a YAML dash; after `==`, `=>`, `:`
                // or `return` the string is an operand, a map value or a result.
                let operand = |x: &Literal| {
                    let b = before(x.outer.start);
                    b.ends_with(['=', '<', '>', '!', '&', '|', '?', '+', ':'])
                        || ["return", "case", "in"].iter().any(|w| {
                            b.strip_suffix(w).is_some_and(|r| {
                                !r.ends_with(|c: char| c.is_alphanumeric() || c == '_')
                            })
                        })
                };
                if lits.iter().any(|x| !shaped(x) || is_key(x) || operand(x)) {
                    return Some(
                        "the list also holds values that are not scopes (a map, or a \
                         call's arguments)",
                    );
                }
                let first = lits
                    .first()
                    .copied()
                    .or(list.items.first().map(|i| &*i.0))?;
                let b = before(first.outer.start);
                if let Some(call) = b.strip_suffix('(') {
                    let call = call.trim_end();
                    if [
                        "Map.of",
                        "mapOf",
                        "Map.entry",
                        "dict",
                        "hashMapOf",
                        "mutableMapOf",
                    ]
                    .iter()
                    .any(|m| call.ends_with(m))
                    {
                        return Some("the call builds a map, not a list of scopes");
                    }
                    let bare = !call.ends_with(|c: char| c.is_alphanumeric() || "_!>]".contains(c));
                    if bare && lits.len() == 1 && after(first.outer.end).starts_with(')') {
                        return Some("the string is in parentheses, not in a list");
                    }
                }
                None
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum ListKey {
    Array(u32),
    Literal(usize),
}

#[derive(Debug)]
pub(super) struct ScopeList {
    pub(super) sep: Sep,
    pub(super) items: Vec<(std::rc::Rc<Literal>, Range<usize>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sep {
    Space,
    Comma,
    Plus,
    Pct20,
}

impl Sep {
    fn as_str(self) -> &'static str {
        match self {
            Sep::Space => " ",
            Sep::Comma => ",",
            Sep::Plus => "+",
            Sep::Pct20 => "%20",
        }
    }
}

/// The part of a string that lists scopes: after `scope=` up to `&`, or the whole string.
pub(super) fn scope_region(v: &str) -> Option<(Range<usize>, Sep)> {
    let region = match v.find("scope=") {
        Some(i) if i == 0 || matches!(v.as_bytes()[i - 1], b'?' | b'&' | b' ' | b'"' | b'\'') => {
            let s = i + 6;
            let mut e = v[s..]
                .find(['&', '#', '"', '\'', ' '])
                .map_or(v.len(), |k| s + k);
            // A raw space the browser encodes (`…&scope=r_basicprofile r_emailaddress` in a
            // template string or an `href`): the list goes on while the next word is a scope
            // (snake_case, or an OpenID scope), not prose after the URL.
            while v[e..].starts_with(' ') {
                let w = e + 1;
                let we = v[w..]
                    .find(['&', '#', '"', '\'', ' ', '`', '<', '>'])
                    .map_or(v.len(), |k| w + k);
                let word = &v[w..we];
                let scope_like = !word.is_empty()
                    && word
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                    && (word.contains('_') || matches!(word, "openid" | "profile" | "email"));
                if !scope_like {
                    break;
                }
                e = we;
            }
            s..e
        }
        _ => 0..v.len(),
    };
    let r = &v[region.clone()];
    let sep = if r.contains("%20") {
        Sep::Pct20
    } else if r.contains('+') {
        Sep::Plus
    } else if r.contains(',') {
        Sep::Comma
    } else if r.contains(' ') {
        Sep::Space
    } else if region.start > 0 {
        // A `scope=` query parameter with one scope: a space is not allowed in a URL.
        Sep::Pct20
    } else {
        Sep::Space
    };
    Some((region, sep))
}

/// Tokens of a scope list; empty unless every token is shaped like a scope.
pub(super) fn split_scopes(v: &str, region: Range<usize>, sep: Sep) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let r = &v[region.clone()];
    let mut i = 0;
    let bytes = r.as_bytes();
    while i < bytes.len() {
        // Skip separators.
        if bytes[i] == b' '
            || bytes[i] == b','
            || bytes[i] == b'+'
            || bytes[i] == b'\t'
            || bytes[i] == b'\n'
        {
            i += 1;
            continue;
        }
        if r[i..].starts_with("%20") || r[i..].starts_with("%2C") || r[i..].starts_with("%2c") {
            i += 3;
            continue;
        }
        let s = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
            i += 1;
        }
        if i == s {
            return Vec::new(); // a character no scope has: not a scope list
        }
        let tok = &r[s..i];
        if !tok.as_bytes()[0].is_ascii_lowercase() || tok.bytes().any(|b| b.is_ascii_uppercase()) {
            return Vec::new();
        }
        out.push(region.start + s..region.start + i);
    }
    let _ = sep;
    out
}

/// The items before and after one item of a scope list, as ranges of the file's text: the
/// neighbouring tokens of a scope string, or the neighbouring elements (quotes included) of an
/// array.
#[derive(Debug, Default)]
pub(super) struct Neighbours {
    pub(super) prev: Option<Range<usize>>,
    pub(super) next: Option<Range<usize>>,
    /// Every item before this one is removed by its fix.
    pub(super) at_head: bool,
}

pub(super) type ScopeItem<'a> = (
    &'a Literal,
    Range<usize>,
    Option<&'a crate::rules::ScopeEntry>,
);

pub(super) fn list_neighbours(items: &[ScopeItem<'_>], i: usize, key: ListKey) -> Neighbours {
    let range = |(l, r, _): &ScopeItem<'_>| match key {
        ListKey::Literal(_) => l.sub_span(r.clone()),
        ListKey::Array(_) => l.outer.clone(),
    };
    Neighbours {
        prev: i.checked_sub(1).map(|j| range(&items[j])),
        next: items.get(i + 1).map(range),
        at_head: false,
    }
}

/// Between two scopes of one string: only separators (`split_scopes` skips nothing else).
pub(super) fn is_token_separator(between: &str) -> bool {
    let mut rest = between;
    while !rest.is_empty() {
        if let Some(r) = ["%20", "%2C", "%2c"]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
        {
            rest = r;
        } else if rest.starts_with([' ', ',', '+', '\t', '\n', '\r']) {
            rest = &rest[1..];
        } else {
            return false;
        }
    }
    true
}

/// Between two array elements: whitespace and one comma (`", "`, `",\n    "`), or a YAML
/// block-sequence dash on a new line (`"\n  - "`). Comments or other elements in between make
/// the gap no separator to copy.
pub(super) fn is_element_separator(between: &str) -> bool {
    let solid: String = between.chars().filter(|c| !c.is_whitespace()).collect();
    match solid.as_str() {
        "" | "," => true,
        "-" => {
            // The dash starts the last line of the gap and is followed by a space.
            let last_line = &between[between.rfind('\n').map_or(between.len(), |i| i + 1)..];
            last_line.trim() == "-" && last_line.ends_with(char::is_whitespace)
        }
        _ => false,
    }
}

/// A YAML block-sequence item (`  - r_liteprofile`) with no neighbour to copy from: the next item
/// goes on its own line with the same indentation and line ending.
pub(super) fn yaml_item_separator(text: &str, item: &Range<usize>) -> Option<String> {
    let line_start = text[..item.start].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &text[line_start..item.start];
    if prefix.trim() != "-" || !prefix.ends_with(char::is_whitespace) {
        return None;
    }
    let eol = match text[item.end..].find('\n') {
        Some(i) if text[..item.end + i].ends_with('\r') => "\r\n",
        _ => "\n",
    };
    Some(format!("{eol}{prefix}"))
}

/// Whether `item` is an item of a YAML block sequence: only `-` and spaces before it on its
/// line, ending in `- `.
fn is_block_item(text: &str, item: &Range<usize>) -> bool {
    let line_start = text[..item.start].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &text[line_start..item.start];
    prefix.trim_end().ends_with('-') && prefix.bytes().all(|b| matches!(b, b'-' | b' ' | b'\t'))
}

/// Edits that replace one deprecated scope in its list by `new` (empty: remove it), written the
/// way the list already is: the same quoting, and the separator the list uses between its items
/// (copied from a neighbour: `", "`, `",\n    "`, `"\n  - "`, `"%20"`), so a multi-line array
/// stays one item per line and a YAML sequence stays a sequence.
pub(super) fn scope_fix(
    file: &SourceFile,
    key: ListKey,
    sep: Sep,
    lit: &Literal,
    r: Range<usize>,
    nb: Neighbours,
    new: &[&str],
) -> Option<Vec<Edit>> {
    let text = &file.text;
    let edit = |s: usize, e: usize, rep: String| Edit {
        byte_start: file.disk_offset(s),
        byte_end: file.disk_offset(e),
        replacement: rep,
    };
    let (item, clean): (Range<usize>, fn(&str) -> bool) = match key {
        ListKey::Literal(_) => (lit.sub_span(r), is_token_separator),
        ListKey::Array(_) => (lit.outer.clone(), is_element_separator),
    };
    let gap_next = nb
        .next
        .map(|n| item.end..n.start)
        .filter(|g| g.start <= g.end && clean(&text[g.clone()]));
    let gap_prev = nb
        .prev
        .map(|p| p.end..item.start)
        .filter(|g| g.start <= g.end && clean(&text[g.clone()]));
    if new.is_empty() {
        // Remove the item with the separator on one side of it.
        let (first, second) = if nb.at_head {
            (
                gap_next.map(|g| item.start..g.end),
                gap_prev.map(|g| g.start..item.end),
            )
        } else {
            (
                gap_prev.map(|g| g.start..item.end),
                gap_next.map(|g| item.start..g.end),
            )
        };
        if let Some(cut) = first.or(second) {
            return Some(vec![edit(cut.start, cut.end, String::new())]);
        }
        return match key {
            ListKey::Literal(_) => None,
            ListKey::Array(_) => {
                // Neighbours separated by something else (a comment, a constant): drop the
                // element with its comma, `"x", ` or `, "x"`.
                let after = &text[item.end..];
                let ws_comma = after.len() - after.trim_start_matches([',', ' ', '\t']).len();
                if after.trim_start_matches([' ', '\t']).starts_with(',') {
                    return Some(vec![edit(item.start, item.end + ws_comma, String::new())]);
                }
                let trimmed = text[..item.start].trim_end_matches([' ', '\t']);
                trimmed
                    .ends_with(',')
                    .then(|| vec![edit(trimmed.len() - 1, item.end, String::new())])
            }
        };
    }
    let between = match gap_next.or(gap_prev) {
        Some(g) => text[g].to_string(),
        None => match key {
            ListKey::Literal(_) => sep.as_str().to_string(),
            ListKey::Array(_) => match yaml_item_separator(text, &item) {
                Some(sep) => sep,
                // An item of a YAML block sequence whose line is not `- item` (a nested
                // `- - item`): no separator written the list's way is known, and `, ` would
                // turn items into one scalar. Found by the `fix` fuzz target.
                None if is_block_item(text, &item) => return None,
                None => ", ".into(),
            },
        },
    };
    let (open, close) = match key {
        ListKey::Literal(_) => ("", ""),
        ListKey::Array(_) => (
            &text[lit.outer.start..lit.span.start],
            &text[lit.span.end..lit.outer.end],
        ),
    };
    let rep = new
        .iter()
        .map(|s| format!("{open}{s}{close}"))
        .collect::<Vec<_>>()
        .join(&between);
    Some(vec![edit(item.start, item.end, rep)])
}
