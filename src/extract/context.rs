//! Context from a token stream, shared by every language: which name a literal is bound to,
//! which header a value belongs to, which base URL a path is joined to, which list it is in.
//!
//! It reads patterns that look the same across languages:
//! `NAME = "v"`, `NAME: T = "v"`, `"key": "v"`, `key: "v"`, `'k' => 'v'`, `x["K"] = "v"`,
//! `.header("K", "v")` and other setter calls, `NAME = ["a", "b"]`, `BASE + "/p"`,
//! `"a" "b"` (implicit concatenation), `concat!(BASE, "/p")`, `"{}/p".format(BASE)`, and
//! interpolation at the start of a string (`${API}/p`).
// linkedin-lint: allow-file(endpoint-deprecated, scope-deprecated, version-missing) -- unit-test inputs

use std::collections::HashMap;

use super::lexer::{Lexed, Tok};
use crate::facts::{FileFacts, LitKind};

/// Calls whose first two arguments are a header name and value.
const SETTERS: &[&str] = &[
    "header",
    "set_header",
    "setHeader",
    "setRequestHeader",
    "setRequestProperty",
    "addRequestProperty",
    "set",
    "Set",
    "Add",
    "add",
    "append",
    "insert",
    "put",
    "addHeader",
    "withHeader",
    "with_header",
    "default_header",
    "headers",
    "header_insert",
    "setdefault",
    "update",
    "add_header",
    "putHeader",
    "defaultHeader",
    "header_set",
    // C#: RestSharp's `request.AddHeader("K", "v")` and `client.AddDefaultHeader`, and
    // `HttpClient.DefaultRequestHeaders.TryAddWithoutValidation("K", "v")`.
    "AddHeader",
    "AddDefaultHeader",
    "TryAddWithoutValidation",
];

/// Wrappers that pass a literal through unchanged (`HeaderValue::from_static("…")`).
const WRAPPERS: &[&str] = &[
    "from_static",
    "from_str",
    "from",
    "new",
    "parse",
    "to_string",
    "to_owned",
    "into",
    "Some",
    "String",
    "str",
    "HeaderValue",
    "HeaderName",
    // C# `new Uri("https://api.linkedin.com")`, Java `URI.create(…)`, Kotlin `URI(…)`.
    "Uri",
    "URI",
    "create",
    "lit",
    "encode",
    "quote",
    "env",
    "getenv",
    "get",
    "fetch",
    "getOrDefault",
    "getProperty",
    "getenv",
    "Getenv",
    "GetEnvironmentVariable",
    "unwrap_or",
    "or",
];

/// Calls that join their arguments into one string (`concat!`, `path.join`, `urljoin`).
const JOINS: &[&str] = &[
    "concat", "concatcp", "formatcp", "join", "urljoin", "url_join", "resolve", "URL", "Join",
];

/// Environment/config getters whose second argument is the default for the key in the first.
const GETTERS: &[&str] = &[
    "get",
    "getenv",
    "Getenv",
    "getProperty",
    "getOrDefault",
    "fetch",
    "env",
    "GetEnvironmentVariable",
    "get_env",
    "getString",
    "GetValue",
    "config",
    // R `getOption("lkd.api_version", "202401")`.
    "getOption",
];

/// A getter of [`GETTERS`], or an environment helper of the project's own whose name says so
/// (Go's `envOr("LINKEDIN_API_VERSION", "202411")`, `getEnv(key, fallback)`,
/// `get_env_or_default`): its second argument is the key's default all the same.
fn is_getter(f: &str) -> bool {
    GETTERS.contains(&f)
        || contains_ignore_ascii_case(f, "env")
            && split_words(f)
                .iter()
                .any(|w| w.eq_ignore_ascii_case("env") || w.eq_ignore_ascii_case("getenv"))
}

/// Calls whose arguments are the elements of a list.
const LIST_CALLS: &[&str] = &[
    "vec",
    "array",
    "list",
    "Array",
    "listOf",
    "arrayOf",
    "setOf",
    "List",
    "Set",
    "asList",
    "of",
    "tuple",
    "set",
    "frozenset",
    // R `c('r_ads', 'rw_ads')`.
    "c",
];

/// Type-ish identifiers that may sit before `=` in a declaration and are not the name.
const TYPE_WORDS: &[&str] = &[
    "str", "String", "string", "String?", "Str", "var", "let", "const", "val", "final", "static",
];

/// An open bracket. Identifiers are borrowed from the tokens: a `String` per call and
/// argument was most of this pass's allocations.
#[derive(Debug, Clone)]
struct Group<'a> {
    close: char,
    /// Name bound to this group's value (`SCOPES = [ … ]`, `scope: [ … ]`).
    name: Option<String>,
    list: Option<u32>,
    /// The identifier called (`header` in `.header(…)`).
    callee: Option<&'a str>,
    /// What a getter call's value is bound to (`'LinkedIn-Version' = getOption(…)`).
    getter_of: Option<String>,
    arg: usize,
    /// First argument of a setter call: the header name (literal or resolved later).
    first_arg: Option<Arg<'a>>,
    /// Literal indices of the previous arguments (for joins).
    prev_arg: Option<Arg<'a>>,
    /// This group is the argument list of a wrapper: its literal inherits the outer position.
    wrapper: bool,
    /// The argument list of an HTTP method called on a client ([`request_call`]).
    request: bool,
    /// The token index of the opening bracket.
    open: usize,
    /// A call whose first argument is another API's URL ([`FileFacts`]' literals inside its
    /// later arguments get [`crate::facts::Literal::foreign_call`]).
    foreign_call: bool,
}

#[derive(Debug, Clone, Copy)]
enum Arg<'a> {
    Lit(usize),
    Ident(&'a str),
}

/// Fill in names, headers, bases and lists on `lexed.lits`, and return the file-level facts.
///
/// Long (about 300 lines) for a reason: one pass over the tokens keeps the bindings, open
/// brackets and the current call in locals that every case reads and updates; splitting it
/// means threading that state through a struct, a change with its own risk to the sample
/// recall (`tests/sample.rs`). Left for its own change, with that test as the guard.
pub fn analyze(mut lexed: Lexed<'_>) -> FileFacts {
    let toks = &lexed.toks;
    let lits = &mut lexed.lits;
    let mut stack: Vec<Group> = Vec::new();
    let mut next_list = 0u32;
    let mut context = false;
    let mut uses = Vec::new();
    let mut defines = Vec::new();
    let mut version_keys = Vec::new();
    let mut local_server = false;
    // Literal index whose value is the header for a later literal: (value_lit, header_arg).
    let mut header_refs: Vec<(Arg, Arg)> = Vec::new();
    let mut base_refs: Vec<(usize, Arg)> = Vec::new();
    // (literal, key literal) of a join to a subscript: `creds['base'] + '/me'`.
    let mut key_refs: Vec<(usize, usize)> = Vec::new();
    // Group name waiting for an opening bracket (`NAME = [`).
    let mut pending_name: Option<String> = None;
    // The index of the last import keyword (`import`, `use`, `require`…) seen.
    let mut last_import: Option<usize> = None;
    // Spring `@Value("${key:default}") private String FIELD;`: (the literal, FIELD).
    let mut injected: Vec<(usize, String)> = Vec::new();
    // The name of the last Python `def` (functions without braces).
    let mut last_def: Option<&str> = None;
    // `resource_path=` arguments of calls: (the literal, the call's `(` token).
    let mut resource_paths: Vec<(usize, usize)> = Vec::new();
    // An OpenAPI (Swagger 2) description of LinkedIn's API: `"host": "api.linkedin.com"` and
    // its `basePath`, which every key of `paths` is joined to.
    let mut spec_host = false;
    let mut spec_base_path: Option<String> = None;
    // A client named for LinkedIn's Rest.li clients (`restliClient.get({ resourcePath })`,
    // `self._restli_client.get(resource_path=…)`) built in another file.
    let mut restli_receiver = false;
    let mut restli_bound_here = false;

    for (i, t) in toks.iter().enumerate() {
        let prev = |n: usize| i.checked_sub(n).map(|k| &toks[k]);
        match t {
            Tok::Ident(id) => {
                if !context && contains_ignore_ascii_case(id, "linkedin") {
                    context = true;
                }
                if LOCAL_SERVERS.contains(&id.as_ref())
                    || id.starts_with("New")
                        && id.ends_with("Server")
                        && matches!(prev(1), Some(Tok::Punct('.')))
                        && matches!(prev(2), Some(Tok::Ident(p)) if p == "httptest")
                {
                    local_server = true;
                }
                // LinkedIn's JavaScript SDK (`in.js`, retired with the v1 API):
                // `IN.API.Raw("/people/~/current-status")`, `IN.API.Profile("me")`.
                if id == "API"
                    && matches!(prev(1), Some(Tok::Punct('.')))
                    && matches!(prev(2), Some(Tok::Ident(n)) if n == "IN")
                {
                    context = true;
                    uses.push(JS_SDK);
                }
                if matches!(prev(1), Some(Tok::Ident(k)) if DEFINERS.contains(&k.as_ref()))
                    && stack.is_empty()
                {
                    defines.push(id.as_ref());
                }
                // Uses are calls and imported names (a keyword argument `headers=` that
                // happens to share a helper's name is neither).
                // A bare call `helper(…)`; not a method `x.post(…)` and not a definition.
                let called = matches!(toks.get(i + 1), Some(Tok::Punct('(')))
                    && !matches!(prev(1), Some(Tok::Punct('.')))
                    && !matches!(prev(1), Some(Tok::Ident(k)) if DEFINERS.contains(&k.as_ref()));
                // An import keyword among the 12 tokens before.
                let imported = last_import.is_some_and(|j| i - j <= 12);
                // A class named anywhere (a type hint `ClientConfig $config`, a field type):
                // in object-oriented code that is how a client reaches the class that holds
                // its base URL, with no call or import in between.
                let class_like = id.len() >= 3
                    && id.starts_with(|c: char| c.is_ascii_uppercase())
                    && id.bytes().any(|b| b.is_ascii_lowercase());
                // A method of the object's own class or mixin (`self._get_headers(…)`,
                // `this.buildHeaders(…)`): how a mixin reaches the helper another file defines.
                let own_method = matches!(toks.get(i + 1), Some(Tok::Punct('(')))
                    && matches!(prev(1), Some(Tok::Punct('.')))
                    && matches!(prev(2), Some(Tok::Ident(r)) if r == "self" || r == "this");
                if called || imported || class_like || own_method {
                    uses.push(id.as_ref());
                }
                if IMPORTS.contains(&id.as_ref()) {
                    last_import = Some(i);
                }
                let bare = id.trim_start_matches('_');
                if bare.len() >= 12
                    && ["restliclient", "restli_client"]
                        .iter()
                        .any(|r| bare.eq_ignore_ascii_case(r))
                {
                    match (toks.get(i + 1), toks.get(i + 2)) {
                        (Some(Tok::Punct('.')), _) => restli_receiver = true,
                        // Built here (`restli_client = HttpClient()`): its class decides.
                        (Some(Tok::Punct('=')), t) if !matches!(t, Some(Tok::Punct('='))) => {
                            restli_bound_here = true
                        }
                        _ => {}
                    }
                }
                if matches!(prev(1), Some(Tok::Ident(d)) if d == "def") {
                    last_def = Some(id.as_ref());
                }
            }
            Tok::Punct(c @ ('(' | '[' | '{')) => {
                let close = match c {
                    '(' => ')',
                    '[' => ']',
                    _ => '}',
                };
                // `name(` / `name!(` : a call; `= [` / `: [` : a named list.
                let callee = match (prev(1), prev(2)) {
                    (Some(Tok::Ident(f)), _) if *c == '(' => Some(f.as_ref()),
                    (Some(Tok::Punct('!')), Some(Tok::Ident(f))) => Some(f.as_ref()),
                    _ => None,
                };
                let assigned = binding_name(toks, lits, i);
                let name = assigned.or_else(|| pending_name.take()).or_else(|| {
                    // Nested list inherits the outer list's name (`scope: [[…]]` is rare; Go
                    // `[]string{…}` after `=`).
                    if *c == '{' && matches!(prev(1), Some(Tok::Ident(_))) {
                        binding_name(toks, lits, i - 1)
                    } else {
                        None
                    }
                });
                let is_list = *c == '['
                    || (*c == '{' && matches!(prev(1), Some(Tok::Ident(_))))
                    || (*c == '(' && callee.is_none());
                // Varargs of a scope setter (`.scopes("a", "b")`, `addScope(…)`) form a list too.
                let list_call = callee.is_some_and(|f| {
                    LIST_CALLS.contains(&f) || contains_ignore_ascii_case(f, "scope")
                });
                let list = if is_list || list_call {
                    next_list += 1;
                    Some(next_list)
                } else {
                    None
                };
                let wrapper = callee.is_some_and(|f| WRAPPERS.contains(&f));
                // `_apiHost = new Uri("…")`, `BASE = URI.create("…")`: the wrapped literal is
                // bound to the name the call's value is assigned to.
                let passes_value = callee.is_some_and(|f| !is_getter(f));
                // A list built by a call is bound the same way (`VERSION_CANDIDATES =
                // List.of("202606", "202601", "202507")`).
                let name = if (wrapper && passes_value && !is_list || list_call && *c == '(')
                    && name.is_none()
                {
                    call_binding(toks, lits, i)
                } else {
                    name
                };
                let getter_of = callee
                    .filter(|f| is_getter(f))
                    .and_then(|_| call_binding(toks, lits, i));
                let request = *c == '(' && request_call(toks, i);
                stack.push(Group {
                    close,
                    name,
                    list,
                    callee,
                    getter_of,
                    arg: 0,
                    first_arg: None,
                    prev_arg: None,
                    wrapper,
                    request,
                    open: i,
                    foreign_call: false,
                });
            }
            Tok::Punct(c @ (')' | ']' | '}')) => {
                if let Some(pos) = stack.iter().rposition(|g| g.close == *c) {
                    stack.truncate(pos);
                }
            }
            // A statement ends, so the calls and lists opened since the enclosing block have
            // ended too (`for (;;)` aside, whose groups are no one's arguments). A `(` left
            // open by a typo in a snippet (`.header("X-Restli-Protocol-Version", v.get(0);`)
            // made every later literal of the file that call's argument.
            Tok::Punct(';') => {
                while stack.last().is_some_and(|g| g.close != '}') {
                    stack.pop();
                }
            }
            Tok::Punct(',') => {
                if let Some(g) = stack.last_mut() {
                    g.arg += 1;
                    let a = match prev(1) {
                        Some(Tok::Lit(l)) => Some(Arg::Lit(*l)),
                        Some(Tok::Ident(id)) => Some(Arg::Ident(id)),
                        _ => None,
                    };
                    if g.arg == 1 {
                        g.first_arg = a;
                        g.foreign_call = g.callee.is_some()
                            && matches!(a, Some(Arg::Lit(k)) if is_foreign_url(&lits[k].value));
                    }
                    g.prev_arg = a;
                }
            }
            Tok::Lit(li) => {
                let li = *li;
                // Once the file is known to be LinkedIn's, no literal can change that.
                if !context && !lits[li].in_comment && gives_context(&lits[li].value) {
                    context = true;
                }
                if let Some(field) = injected_field(toks, i) {
                    injected.push((li, field));
                }
                lits[li].foreign_call = stack.iter().any(|g| g.foreign_call);
                if matches!(prev(1), Some(Tok::Punct('=' | ':')))
                    && matches!(prev(2), Some(Tok::Ident(k)) if k == "resource_path" || k == "resourcePath")
                {
                    if let Some(call) = stack.iter().rev().find(|g| g.close == ')') {
                        resource_paths.push((li, call.open));
                    }
                }
                // A raw HTTP header line read word by word (`LinkedIn-Version: 202405` in an
                // `http` block or a `.http` file): the word after `Name:` is its value.
                if let Some(Tok::Lit(p)) = prev(1) {
                    if let Some(name) = lits[*p].value.strip_suffix(':') {
                        if !name.is_empty()
                            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                        {
                            lits[li].header = Some(name.to_string());
                        }
                    }
                }
                // Direct binding, or through a fallback: `X = process.env.V || '202405'`.
                // `return m ? m[1] : "202509"`: the `:` of a conditional, not a key's.
                let ternary = matches!(prev(1), Some(Tok::Punct(':')))
                    && return_statement(toks, i) == Some(true);
                let name = if ternary {
                    None
                } else {
                    binding_name(toks, lits, i)
                        .or_else(|| fallback_binding(toks, lits, i))
                        .or_else(|| joined_binding(toks, lits, i))
                };
                match name.as_deref() {
                    Some("host") => {
                        spec_host |= lits[li].value.eq_ignore_ascii_case("api.linkedin.com");
                    }
                    Some("basePath") => spec_base_path = Some(lits[li].value.clone()),
                    _ => {}
                }
                let name = match (name, stack.last()) {
                    // A schema's `"api_version": {"type": "string", "default": "202401"}`:
                    // the default is the value of the object's key (`api_version.default`).
                    (Some(n), Some(g)) if n == "default" && g.close == '}' => g
                        .name
                        .as_deref()
                        .map_or(Some(n), |k| Some(format!("{k}.default"))),
                    // A key of a description's `paths` (`"/people/~": {"get": …}`) is a path
                    // on its host and base path; a key of an OAuth `scopes` object
                    // (`"r_emailaddress": "Your email address"`) is a scope the API asks for.
                    (None, Some(g)) if matches!(toks.get(i + 1), Some(Tok::Punct(':'))) => {
                        match g.name.as_deref() {
                            Some("paths") if spec_host => {
                                let base = spec_base_path.as_deref().unwrap_or("");
                                lits[li].base = Some(format!("https://api.linkedin.com{base}"));
                                None
                            }
                            Some("scopes") => Some("scopes".to_string()),
                            _ => None,
                        }
                    }
                    (n, _) => n,
                };
                if let Some(n) = &name {
                    lits[li].name = Some(n.clone());
                } else if let Some(f) = returned_by(toks, &stack, last_def, i)
                    .filter(|f| contains_ignore_ascii_case(f, "version"))
                    // The value itself, not an argument of a call in the return statement
                    // (`return raw.substring(0, 6)`).
                    .filter(|_| lits[li].kind == LitKind::Str)
                    .filter(|_| stack.last().is_none_or(|g| g.close == '}'))
                {
                    // `function normalizeLinkedInVersion(raw) { if (!raw) return "202509"; … }`:
                    // a value returned by a function named for versions is that version.
                    lits[li].name = Some(f.to_string());
                }
                // The default of an environment/config getter is bound to the key:
                // `os.environ.get('LINKEDIN_VERSION', '202311')`, `getProperty("k", "v")`.
                if let Some(g) = stack.last() {
                    if g.arg == 1 && g.callee.is_some_and(is_getter) {
                        if let Some(Arg::Lit(k)) = &g.first_arg {
                            if lits[li].name.is_none() {
                                lits[li].name = Some(lits[*k].value.clone());
                            }
                        }
                    }
                }
                if let Some(g) = stack.last() {
                    if g.wrapper && g.arg == 0 && lits[li].name.is_none() && g.list.is_none() {
                        lits[li].name = g.name.clone();
                    }
                    // The key of a getter whose value is the version header's value.
                    let to_version = g
                        .getter_of
                        .as_deref()
                        .is_some_and(|h| h.eq_ignore_ascii_case("linkedin-version"));
                    if g.arg == 0 && to_version {
                        version_keys.push(lits[li].value.clone());
                    }
                }
                if let Some(g) = stack.last() {
                    // Only the argument itself, not a literal inside an expression there.
                    let first = g.arg == 0
                        && matches!(prev(1), Some(Tok::Punct('(')))
                        && matches!(toks.get(i + 1), Some(Tok::Punct(',' | ')')));
                    // `$this->request('GET', 'me', …)`, `self._request("POST", "ugcPosts")`: a
                    // request helper whose first argument is the HTTP method.
                    let after_method = g.arg == 1
                        && matches!(prev(1), Some(Tok::Punct(',')))
                        && matches!(toks.get(i + 1), Some(Tok::Punct(',' | ')' | '+' | '.')))
                        && matches!(g.first_arg, Some(Arg::Lit(k)) if names_a_request(&lits[k].value, g.callee));
                    lits[li].request_arg = g.request && first || after_method;
                    if lits[li].request_arg {
                        strip_request_method(&mut lits[li]);
                    }
                    // `$this->client->api('/people', 'GET', $params)`: the HTTP method after a
                    // path says the path is requested (after a bare word it may be anything's
                    // argument: `translate('me', 'GET')`).
                    if g.arg == 1
                        && matches!(prev(1), Some(Tok::Punct(',')))
                        && names_a_request(&lits[li].value, None)
                    {
                        if let Some(Arg::Lit(k)) = g.first_arg {
                            lits[k].request_arg |= lits[k].value.starts_with('/');
                        }
                    }
                    // A URL helper named for its API version (`service.urlV2("networkSizes/…")`,
                    // `api_v2_url('me')`): its first argument is a path under that version.
                    // Or the format string of the first argument: `urlV2(fmt.Sprintf("…%v", id))`.
                    let helper = match stack.len().checked_sub(2).map(|k| &stack[k]) {
                        Some(outer)
                            if g.callee.is_some_and(|f| FORMATTERS.contains(&f))
                                && outer.arg == 0 =>
                        {
                            outer.callee
                        }
                        _ => g.callee,
                    };
                    if first && lits[li].base.is_none() {
                        if let Some(base) = helper.and_then(versioned_url_helper) {
                            lits[li].base = Some(base.to_string());
                        }
                    }
                }
                // Position inside groups; wrappers pass through to the enclosing group.
                if let Some(g) = value_group(&stack) {
                    if name.is_none() {
                        if let (Some(list), true) = (g.list, g.callee.is_none() || g.list.is_some())
                        {
                            lits[li].list = Some(list);
                            if lits[li].name.is_none() {
                                lits[li].name = g.name.clone();
                            }
                        }
                    }
                    // `NAME = "…"` is an argument only as a keyword argument (`(value = "…"`,
                    // `, value = "…"`); after anything else it is an assignment, a statement of
                    // its own (`const API_BASE: &str = "…"` after a call left open).
                    let assignment = matches!(prev(1), Some(Tok::Punct('=')))
                        && !(matches!(prev(2), Some(Tok::Ident(_)))
                            && matches!(prev(3), Some(Tok::Punct('(' | ','))));
                    if let Some(f) = g.callee.filter(|_| !assignment) {
                        if g.arg == 1 && SETTERS.contains(&f) {
                            if let Some(h) = g.first_arg {
                                header_refs.push((Arg::Lit(li), h));
                            }
                        }
                        if JOINS.contains(&f) && g.arg >= 1 {
                            if let Some(p) = g.prev_arg {
                                base_refs.push((li, p));
                            }
                        }
                    }
                }
                // Joins: `BASE + "…"`, `$base . '…'`, `"a" "b"`.
                match (prev(1), prev(2)) {
                    (Some(Tok::Punct('+' | '.')), Some(Tok::Ident(id))) => {
                        base_refs.push((li, Arg::Ident(id)))
                    }
                    // `BASE.to_owned() + "/p"`, `BASE.to_string() + "/p"`.
                    (Some(Tok::Punct('+')), Some(Tok::Punct(')'))) => {
                        if let (
                            Some(Tok::Punct('(')),
                            Some(Tok::Ident(_)),
                            Some(Tok::Punct('.')),
                            Some(Tok::Ident(id)),
                        ) = (prev(3), prev(4), prev(5), prev(6))
                        {
                            base_refs.push((li, Arg::Ident(id)));
                        }
                    }
                    (Some(Tok::Punct('+' | '.')), Some(Tok::Lit(p))) => {
                        base_refs.push((li, Arg::Lit(*p)))
                    }
                    // `creds['main_domain_linkedin'] + '/me'`: the key names the base.
                    (Some(Tok::Punct('+' | '.')), Some(Tok::Punct(']'))) => {
                        if let (Some(Tok::Lit(key)), Some(Tok::Punct('['))) = (prev(3), prev(4)) {
                            key_refs.push((li, *key));
                        }
                    }
                    (Some(Tok::Lit(p)), _)
                        if lits[*p].kind == LitKind::Str && !lits[*p].in_comment =>
                    {
                        base_refs.push((li, Arg::Lit(*p)))
                    }
                    _ => {}
                }
                // `"{}/v2/me".format(BASE)`, `format!("{}/v2/me", BASE)`, `"%s/v2/me" % BASE`.
                let v = &lits[li].value;
                // Only a literal that adds a path of its own to the base: `'%s/%s' % (GROUPS,
                // id)` and `'%s::(%s)' % (PEOPLE, ids)` add an id or a selection to a request
                // built elsewhere (labellers leave them out), `'%s/id=%s'` and `'%s/~'` name one.
                let adds_path =
                    |rest: &str| rest.bytes().any(|b| b.is_ascii_alphabetic() || b == b'~');
                let rest = v
                    .strip_prefix("{}")
                    .or_else(|| v.strip_prefix("{0}"))
                    .or_else(|| v.strip_prefix("%s"));
                if lits[li].lead_ident.is_none()
                    && rest.is_some_and(|r| adds_path(&r.replace("%s", "").replace("{}", "")))
                {
                    let after = &toks[i + 1..];
                    if let Some(at) = after
                        .iter()
                        .take(6)
                        .position(|t| matches!(t, Tok::Ident(id) if id != "format" && id != "f"))
                    {
                        // `% (ENDPOINTS.PEOPLE, id)`, `% self.base_url`: the attribute at the
                        // end of a chain is the name bound to the base.
                        let mut k = at;
                        while let (Some(Tok::Punct('.')), Some(Tok::Ident(_))) =
                            (after.get(k + 1), after.get(k + 2))
                        {
                            k += 2;
                        }
                        if let Tok::Ident(id) = &after[k] {
                            lits[li].lead_ident = Some(id.to_string());
                        }
                    }
                }
            }
            Tok::Punct('=') | Tok::Punct(':') => {
                // `NAME = [` is handled when the bracket opens; `NAME =\n [` too.
                pending_name = None;
            }
            _ => {}
        }
        // A map entry whose key names a header and whose value is a constant:
        // `{VERSION_HEADER: PINNED}`, `{"LinkedIn-Version": VERSION}`, `'K' => $v`.
        if let Tok::Ident(id) = t {
            // `{"LinkedIn-Version": self.api_version}`, `settings.LINKEDIN_VERSION`: the
            // attribute at the end of a chain is the name (defined here or in another file).
            let mut c = 0;
            while matches!(prev(c + 1), Some(Tok::Punct('.')))
                && matches!(prev(c + 2), Some(Tok::Ident(_)))
            {
                c += 2;
            }
            let prev = |n: usize| prev(n + c);
            let key = match (prev(1), prev(2), prev(3)) {
                (Some(Tok::Punct(':')), Some(Tok::Ident(k)), _) => Some(Arg::Ident(k)),
                (Some(Tok::Punct(':')), Some(Tok::Lit(k)), _) => Some(Arg::Lit(*k)),
                (Some(Tok::Punct('>')), Some(Tok::Punct('=')), Some(Tok::Lit(k))) => {
                    Some(Arg::Lit(*k))
                }
                // R named arguments: `req_headers("LinkedIn-Version" = v)`.
                (Some(Tok::Punct('=')), Some(Tok::Lit(k)), _) => Some(Arg::Lit(*k)),
                _ => None,
            };
            let followed_by_call = matches!(toks.get(i + 1), Some(Tok::Punct('(' | '.' | '[')));
            if let (Some(k), false) = (key, followed_by_call) {
                header_refs.push((Arg::Ident(id), k));
            }
        }
        // Setter call with an identifier value: `.header("LinkedIn-Version", VERSION)`,
        // also through wrappers: `insert("LinkedIn-Version", HeaderValue::from_static(V))`.
        if let Tok::Ident(id) = t {
            if matches!(prev(1), Some(Tok::Punct(',' | '(')))
                && !matches!(toks.get(i + 1), Some(Tok::Punct('(' | '.' | ':' | '!')))
            {
                if let Some(g) = value_group(&stack) {
                    if g.arg == 1 {
                        if let (Some(f), Some(h)) = (g.callee, g.first_arg) {
                            if SETTERS.contains(&f) {
                                header_refs.push((Arg::Ident(id), h));
                            }
                        }
                    }
                }
            }
        }
    }

    // `${key:default}` (Spring `@Value`, shell `${VAR:-default}`): the default is a value
    // bound to the key.
    let n = lits.len();
    let mut fields: Vec<(String, usize)> = Vec::new();
    for k in 0..n {
        if let Some(d) = placeholder_default(&lits[k]) {
            if let Some((_, f)) = injected.iter().find(|(l, _)| *l == k) {
                fields.push((f.clone(), lits.len()));
            }
            lits.push(d);
        }
    }
    // Constants of the file: first string literal bound to each name. An injected field
    // holds its placeholder's default (`LINKEDIN_API_REST_BASE + "/images"`), though the
    // literal keeps the key as its name.
    let mut consts: HashMap<String, usize> = HashMap::new();
    // The later bindings of each name, by its first one, in file order: a join reads the
    // binding nearest before it (`$host = '…/rest/'` in six functions, `$host = '…/v2/'` in
    // two, each joined below its own), else the file's first.
    let mut rebound: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, l) in lits.iter().enumerate() {
        if let (Some(n), false) = (&l.name, l.in_comment) {
            match consts.get(n) {
                Some(&first) => rebound.entry(first).or_default().push(k),
                None => {
                    consts.insert(n.clone(), k);
                }
            }
        }
    }
    for (f, k) in fields {
        consts.entry(f).or_insert(k);
    }
    let binding_for = |id: &str, k: usize| -> Option<usize> {
        let first = *consts.get(id)?;
        let later = rebound.get(&first).map_or(&[][..], Vec::as_slice);
        Some(
            later[..later.partition_point(|&c| c < k)]
                .last()
                .copied()
                .unwrap_or(first),
        )
    };
    let resolve_str = |lits: &[crate::facts::Literal], a: &Arg| -> Option<String> {
        match a {
            Arg::Lit(k) => Some(lits[*k].value.clone()),
            Arg::Ident(id) => consts
                .get(*id)
                .map(|k| lits[*k].value.clone())
                .or_else(|| well_known_header(id)),
        }
    };
    // `"https://api.linkedin.com/{$this->api_version}/ugcPosts"` with `api_version = 'v2'`
    // in the file: the API's version segment, filled in. First: a base built so
    // (`$this->baseUrl = "https://api.linkedin.com/{$this->apiVersion}"`) is joined below.
    for k in 0..lits.len() {
        if let Some(v) = version_segment_filled(&lits[k].value, |id| {
            consts.get(id).map(|&c| lits[c].value.as_str())
        }) {
            lits[k].value = v;
            lits[k].exact = false;
        }
    }
    for (val, hdr) in &header_refs {
        let Some(h) = resolve_str(lits, hdr) else {
            continue;
        };
        let target = match val {
            Arg::Lit(k) => Some(*k),
            Arg::Ident(id) => consts.get(*id).copied(),
        };
        if let (None, Arg::Ident(id)) = (target, val) {
            if h.eq_ignore_ascii_case("linkedin-version") {
                version_keys.push(id.to_string()); // defined in another file, if anywhere
            }
        }
        // A constant used as an Authorization value may be used with "Bearer " elsewhere:
        // only a literal written in place is judged as the header's value.
        let via_name = matches!(val, Arg::Ident(_));
        if let Some(k) = target.filter(|_| !(via_name && h.eq_ignore_ascii_case("authorization"))) {
            lits[k].header = Some(h);
        }
    }
    for (k, a) in &base_refs {
        // A base that is itself joined to one (`GROUPS = BASE_URL + "groups/"`) counts whole:
        // its own base first (definitions come before their uses).
        let c = match a {
            Arg::Ident(id) => binding_for(id, *k).filter(|&c| c != *k),
            Arg::Lit(_) => None,
        };
        let chained = c.and_then(|c| lits[c].base.clone().map(|b| b + &lits[c].value));
        if let Some(b) = chained
            .or_else(|| c.map(|c| lits[c].value.clone()))
            .or_else(|| resolve_str(lits, a))
        {
            if lits[*k].base.is_none() {
                lits[*k].base = Some(b);
            }
        } else if let Arg::Ident(id) = a {
            lits[*k].base_name = Some(last_name(id).to_string());
        }
    }
    for &(k, key) in &key_refs {
        let id = lits[key].value.clone();
        match binding_for(&id, k).filter(|&c| c != k) {
            Some(c) if lits[k].base.is_none() => {
                lits[k].base = Some(lits[c].base.clone().unwrap_or_default() + &lits[c].value);
            }
            None if !id.is_empty()
                && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') =>
            {
                lits[k].base_name = Some(id);
            }
            _ => {}
        }
    }
    for k in 0..lits.len() {
        if lits[k].base.is_none() {
            if let Some(id) = lits[k].lead_ident.as_deref() {
                if let Some(c) = binding_for(id, k) {
                    if c != k {
                        let base = lits[c].base.clone().unwrap_or_default() + &lits[c].value;
                        lits[k].base = Some(base);
                    }
                }
            }
        }
    }
    // LinkedIn's own clients (`RestliClient`, Python and JS) send `resource_path` to `/rest`
    // when the call passes a version (`version_string=`, `versionString:`), else to `/v2`.
    let mut client_sends_version = false;
    if uses.contains(&"RestliClient") || restli_receiver && !restli_bound_here {
        for (li, open) in resource_paths {
            if lits[li].base.is_some() || !lits[li].value.starts_with('/') {
                continue;
            }
            let mut depth = 0usize;
            let mut versioned = false;
            for t in &toks[open..] {
                match t {
                    Tok::Punct('(') => depth += 1,
                    Tok::Punct(')') => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    Tok::Ident(k) if k == "version_string" || k == "versionString" => {
                        versioned = true;
                    }
                    _ => {}
                }
            }
            client_sends_version |= versioned;
            let base = if versioned { "rest" } else { "v2" };
            lits[li].base = Some(format!("https://api.linkedin.com/{base}"));
        }
    }
    // Most of a file's calls are to a few names: unstable sort handles runs of equals fast.
    uses.sort_unstable();
    uses.dedup();
    FileFacts {
        literals: lexed.lits,
        linkedin_context: context,
        local_server,
        client_sends_version,
        defines: defines.into_iter().map(str::to_string).collect(),
        uses: uses.into_iter().map(str::to_string).collect(),
        docs: false,
        note: None,
        version_keys,
    }
}

/// The group whose argument a value at the top of `stack` is, looking through wrapper calls
/// (`HeaderValue::from_static(V)`, `URI.create("…")`, the default of `getenv("K", "v")`);
/// `None` outside any group, or for a getter's key (`System.getenv("RESTLI_VERSION")`,
/// `versions.get(0)`), which says where a value is and is not one.
fn value_group<'s, 'a>(stack: &'s [Group<'a>]) -> Option<&'s Group<'a>> {
    let mut depth = stack.len();
    while depth > 1 && stack[depth - 1].wrapper {
        let g = &stack[depth - 1];
        if g.arg == 0 && g.callee.is_some_and(is_getter) {
            return None;
        }
        depth -= 1;
    }
    depth.checked_sub(1).map(|d| &stack[d])
}

/// A LinkedIn API URL whose first path segment is an interpolated name
/// (`{$this->api_version}`, `${API_VERSION}`, `#{version}`) that the file binds to `v1`,
/// `v2` or `rest`: the URL with that segment written out.
fn version_segment_filled<'v>(
    value: &str,
    lookup: impl Fn(&str) -> Option<&'v str>,
) -> Option<String> {
    // Most literals have no `}`: a byte search rules them out before the substring search.
    if !value.contains('}') {
        return None;
    }
    let host = "api.linkedin.com/";
    let at = value.find(host)? + host.len();
    let rest = &value[at..];
    let seg_end = rest.find('}')? + 1;
    let seg = &rest[..seg_end];
    let inner = seg
        .strip_prefix("${")
        .or_else(|| seg.strip_prefix("#{"))
        .or_else(|| seg.strip_prefix('{'))?
        .strip_suffix('}')?;
    // The last name of the expression: `$this->api_version` → `api_version`.
    let name = inner
        .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .find(|p| !p.is_empty())?;
    let filled = lookup(name)?.trim_matches('/');
    if !["v1", "v2", "rest"].contains(&filled) {
        return None;
    }
    Some(format!("{}{filled}{}", &value[..at], &rest[seg_end..]))
}

/// An absolute `http(s)` URL whose host is not LinkedIn's.
fn is_foreign_url(v: &str) -> bool {
    let Some(rest) = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or("");
    !host.is_empty()
        && host.contains('.')
        && !host.to_ascii_lowercase().contains("linkedin")
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
}

/// The name [`analyze`] records as used where LinkedIn's JavaScript SDK is called.
pub const JS_SDK: &str = "IN.API";

/// HTTP methods a client wrapper names its calls after.
const REQUEST_METHODS: &[&str] = &["get", "post", "put", "patch", "delete", "request"];

/// Whether a call whose first argument is `method` makes a request: an upper-case HTTP method
/// whatever the helper is called (node-linkedin's `this.createCall('GET', 'companies/' + id)`),
/// a lower-case one only in a helper named for requests.
fn names_a_request(method: &str, callee: Option<&str>) -> bool {
    let known = ["GET", "POST", "PUT", "PATCH", "DELETE"]
        .iter()
        .any(|m| m.eq_ignore_ascii_case(method));
    let upper = method.bytes().all(|b| b.is_ascii_uppercase());
    let lower = method.bytes().all(|b| b.is_ascii_lowercase());
    known
        && (upper
            || lower
                && callee.is_some_and(|f| {
                    let f = f.trim_start_matches('_');
                    [
                        "request",
                        "makeRequest",
                        "sendRequest",
                        "apiRequest",
                        "call",
                    ]
                    .iter()
                    .any(|r| f.eq_ignore_ascii_case(r))
                }))
}

/// Receiver names that say an object is an API client (`$client`, `self.api`, `linkedInHttp`);
/// `params.get('me')`, `config.get(…)` and `os.environ.get(…)` are lookups, not requests.
const CLIENT_NAMES: &[&str] = &["client", "api", "linkedin", "http", "rest", "sdk"];

/// Classes that start a local mock HTTP server in tests ([`FileFacts::local_server`]);
/// Go's `httptest.NewServer` is matched with its package.
const LOCAL_SERVERS: &[&str] = &["MockWebServer", "WireMockServer"];

/// Annotations that declare a request of an HTTP client interface, whose argument is a path
/// relative to the client's base: Retrofit's `@GET("me")`, Feign's `@RequestLine("GET /me")`,
/// Spring's `@GetExchange("/me")`. Upper-case `GET` only: `@Get('me')` is a NestJS or
/// Micronaut server route, the app's own.
const CLIENT_ANNOTATIONS: &[&str] = &[
    "GET",
    "POST",
    "PUT",
    "PATCH",
    "DELETE",
    "RequestLine",
    "GetExchange",
    "PostExchange",
    "PutExchange",
    "PatchExchange",
    "DeleteExchange",
];

/// Whether the `(` at `i` opens an HTTP method called on a client: `client.get(`,
/// `$this->client->post(`, `self.api.Get(`, or a client interface's annotation
/// ([`CLIENT_ANNOTATIONS`]).
fn request_call(toks: &[Tok<'_>], i: usize) -> bool {
    let at = |n: usize| i.checked_sub(n).map(|k| &toks[k]);
    let Some(Tok::Ident(method)) = at(1) else {
        return false;
    };
    if matches!(at(2), Some(Tok::Punct('@'))) {
        return CLIENT_ANNOTATIONS.contains(&method.as_ref());
    }
    if !REQUEST_METHODS
        .iter()
        .any(|m| method.eq_ignore_ascii_case(m))
    {
        return false;
    }
    // `.` (most languages) or `->` (PHP) before the method, the receiver's name before that.
    let receiver = match (at(2), at(3), at(4)) {
        (Some(Tok::Punct('.')), Some(Tok::Ident(r)), _) => r,
        (Some(Tok::Punct('>')), Some(Tok::Punct('-')), Some(Tok::Ident(r))) => r,
        _ => return false,
    };
    CLIENT_NAMES
        .iter()
        .any(|n| contains_ignore_ascii_case(receiver, n))
}

/// Calls that build a string from a format and arguments.
const FORMATTERS: &[&str] = &["Sprintf", "sprintf", "format"];

/// The LinkedIn base a URL helper's name stands for: `urlV2`, `apiV2Url`, `v2_endpoint` → the
/// `/v2` API. Only names that say both "URL" (or API/endpoint) and the version, so
/// `parseV2(…)` is not one. (`urlRest(…)` is left alone: where it sends the version header is
/// another question, answered by the tree-wide view.)
fn versioned_url_helper(name: &str) -> Option<&'static str> {
    if !["url", "api", "endpoint"]
        .iter()
        .any(|k| contains_ignore_ascii_case(name, k))
    {
        return None;
    }
    split_words(name)
        .iter()
        .any(|w| w.eq_ignore_ascii_case("v2"))
        .then_some("https://api.linkedin.com/v2")
}

/// The last name of a member chain: `settings.LINKEDIN_API_BASE` → `LINKEDIN_API_BASE`,
/// `$this->base` → `base`.
fn last_name(id: &str) -> &str {
    id.rsplit(['.', ':', '>', '$']).next().unwrap_or(id)
}

/// `urlV2` → `url`, `V2`; `api_v2_url` → `api`, `v2`, `url`; `buildRestUrl` → `build`, `Rest`,
/// `Url`.
pub(crate) fn split_words(name: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for part in name.split(['_', '-']) {
        let b = part.as_bytes();
        let mut start = 0;
        for k in 1..b.len() {
            // A capital after a lower-case letter or digit starts a word; a digit stays with
            // the letter before it (`V2`).
            if b[k].is_ascii_uppercase() && !b[k - 1].is_ascii_uppercase() {
                out.push(&part[start..k]);
                start = k;
            }
        }
        if start < part.len() {
            out.push(&part[start..]);
        }
    }
    out
}

/// Feign's request line `"GET /me"` names the path after the method: keep only the path, so
/// it is judged (and reported) as one.
fn strip_request_method(l: &mut crate::facts::Literal) {
    let Some((method, path)) = l.value.split_once(' ') else {
        return;
    };
    let is_method = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"].contains(&method);
    if !is_method || path.is_empty() || path.contains(' ') || !l.exact {
        return;
    }
    l.span.start += method.len() + 1;
    l.value = path.to_string();
}

/// The name the value of the call whose `(` is at `i` is bound to: `X = new Uri(`,
/// `BASE = URI.create(`, `'LinkedIn-Version' = getOption(`, `"K": os.getenv(`.
fn call_binding(toks: &[Tok<'_>], lits: &[crate::facts::Literal], i: usize) -> Option<String> {
    let mut j = i.checked_sub(1)?;
    while j > 0
        && (matches!(&toks[j - 1], Tok::Punct('.' | ':'))
            || matches!(&toks[j - 1], Tok::Ident(k) if k == "new"))
    {
        // `a.b(`, `a::b(` (two `:`), `new X(`.
        let step = match &toks[j - 1] {
            Tok::Ident(_) => 1,
            Tok::Punct(':') if j >= 2 && matches!(&toks[j - 2], Tok::Punct(':')) => 3,
            _ => 2,
        };
        if step > j || !matches!(toks.get(j - step), Some(Tok::Ident(_))) {
            break;
        }
        j -= step;
    }
    binding_name(toks, lits, j)
}

/// The function whose value the literal at token `i` is, when it is in a `return` statement
/// (`return "202509"`, `return m ? m[1] : "202509"`): the name before the parameter list of the
/// innermost braced block (`function name(…) {`, `name(…): string {`, `const name = (…) => {`),
/// or else the last Python `def`.
fn returned_by<'a>(
    toks: &'a [Tok<'a>],
    stack: &[Group<'_>],
    last_def: Option<&'a str>,
    i: usize,
) -> Option<&'a str> {
    return_statement(toks, i)?;
    let mut blocks = stack.iter().rev().filter(|g| g.close == '}').peekable();
    if blocks.peek().is_none() {
        return last_def;
    }
    // The innermost block that is not an `if`/`for`/`else`/`try` body.
    for block in blocks {
        match block_owner(toks, block.open) {
            Owner::Control => continue,
            Owner::Function(f) => return Some(f),
            Owner::Other => return None,
        }
    }
    None
}

/// Whether the token at `i` is in a `return` statement (looking back at most 16 tokens, to the
/// statement's start): `Some(conditional)`, `conditional` when a `?` comes before it
/// (`return m ? m[1] : "202509"`); `None` outside one.
fn return_statement(toks: &[Tok<'_>], i: usize) -> Option<bool> {
    let (mut ret, mut question) = (false, false);
    for t in toks[i.saturating_sub(16)..i]
        .iter()
        .rev()
        .take_while(|t| !matches!(t, Tok::Punct(';' | '{' | '}') | Tok::Newline))
    {
        ret |= matches!(t, Tok::Ident(w) if w == "return");
        question |= matches!(t, Tok::Punct('?'));
    }
    ret.then_some(question)
}

enum Owner<'a> {
    Function(&'a str),
    Control,
    Other,
}

/// What the block opened at token `open` belongs to.
fn block_owner<'a>(toks: &'a [Tok<'a>], open: usize) -> Owner<'a> {
    const CONTROL: &[&str] = &["if", "for", "while", "switch", "catch", "with", "foreach"];
    if let Some(Tok::Ident(w)) = open.checked_sub(1).map(|k| &toks[k]) {
        if matches!(w.as_ref(), "else" | "try" | "finally" | "do") {
            return Owner::Control;
        }
    }
    // Back from the `{` over a return type to the `)` of the parameters, then to its `(`.
    let mut k = open;
    let close = loop {
        let Some(p) = k.checked_sub(1).filter(|&p| open - p <= 8) else {
            return Owner::Other;
        };
        k = p;
        match &toks[k] {
            Tok::Punct(')') => break k,
            Tok::Ident(_) | Tok::Punct(':' | '<' | '>' | '|' | '?' | '.' | '=' | '[' | ']') => {}
            _ => return Owner::Other,
        }
    };
    let mut depth = 0usize;
    let mut k = close;
    let paren = loop {
        match &toks[k] {
            Tok::Punct(')') => depth += 1,
            Tok::Punct('(') => {
                depth -= 1;
                if depth == 0 {
                    break k;
                }
            }
            _ => {}
        }
        match k.checked_sub(1).filter(|_| close - k < 200) {
            Some(p) => k = p,
            None => return Owner::Other,
        }
    };
    let prev = |n: usize| paren.checked_sub(n).map(|k| &toks[k]);
    match (prev(1), prev(2), prev(3)) {
        (Some(Tok::Ident(f)), _, _) if CONTROL.contains(&f.as_ref()) => Owner::Control,
        // `const name = async (…) => {`.
        (Some(Tok::Ident(a)), Some(Tok::Punct('=')), Some(Tok::Ident(f))) if a == "async" => {
            Owner::Function(f.as_ref())
        }
        (Some(Tok::Ident(f)), _, _) if f != "function" => Owner::Function(f.as_ref()),
        // `const name = (…) => {`.
        (Some(Tok::Punct('=')), Some(Tok::Ident(f)), _) => Owner::Function(f.as_ref()),
        _ => Owner::Other,
    }
}

/// The field a Spring `@Value("${key:default}")` literal (token `i`) is injected into: the
/// last identifier of the declaration that follows (`private String NAME;`, Kotlin's
/// `lateinit var NAME: String`, a constructor parameter `String name,`).
fn injected_field(toks: &[Tok<'_>], i: usize) -> Option<String> {
    let prev = |n: usize| i.checked_sub(n).map(|k| &toks[k]);
    if !(matches!(prev(1), Some(Tok::Punct('(')))
        && matches!(prev(2), Some(Tok::Ident(v)) if v == "Value")
        && matches!(toks.get(i + 1), Some(Tok::Punct(')'))))
    {
        return None;
    }
    let mut last = None;
    for t in toks.iter().skip(i + 2).take(12) {
        match t {
            Tok::Ident(id) => last = Some(id),
            Tok::Punct('@') => {}
            Tok::Punct(';' | '=' | ',' | ')' | ':') => return last.map(|s| s.to_string()),
            _ => return None,
        }
    }
    None
}

/// The default of a `${key:default}` / `${VAR:-default}` placeholder, as its own literal.
pub(super) fn placeholder_default(l: &crate::facts::Literal) -> Option<crate::facts::Literal> {
    if l.in_comment || l.kind != LitKind::Str {
        return None;
    }
    let v = l.value.trim();
    let inner = v.strip_prefix("${")?.strip_suffix('}')?;
    let (key, default) = inner.split_once(':')?;
    // `${VAR:?message}` is an error message and `${VAR:+alt}` an alternative, not defaults.
    if default.starts_with(['?', '+']) {
        return None;
    }
    let default = default.strip_prefix('-').unwrap_or(default);
    if key.is_empty()
        || !key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
        || default.contains(['$', '{', '}'])
    {
        return None;
    }
    let off = l.value.find(default).filter(|_| !default.is_empty())?;
    let mut d = crate::facts::Literal::new(
        if default.bytes().all(|b| b.is_ascii_digit()) {
            LitKind::Int
        } else {
            LitKind::Str
        },
        default.to_string(),
        l.span.clone(),
        l.outer.clone(),
        false,
    );
    if l.exact {
        d.span = l.span.start + off..l.span.start + off + default.len();
        d.exact = true;
    }
    d.name = Some(key.to_string());
    Some(d)
}

/// Header-name constants of common HTTP libraries (`reqwest::header::AUTHORIZATION`).
fn well_known_header(id: &str) -> Option<String> {
    match id {
        "AUTHORIZATION" | "HeaderAuthorization" => Some("Authorization".into()),
        _ => None,
    }
}

/// Whether `hay` contains `needle` (lower-case ASCII), ignoring ASCII case; no allocation.
pub(crate) fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    if h.len() < n.len() {
        return false;
    }
    // Candidates are found by the first byte in either case (memchr), not at every offset:
    // this runs for every identifier and literal of a file.
    let last_start = h.len() - n.len();
    memchr::memchr2_iter(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        &h[..=last_start],
    )
    .any(|p| h[p..p + n.len()].eq_ignore_ascii_case(n))
}

const IMPORTS: &[&str] = &[
    "import",
    "from",
    "use",
    "require",
    "include",
    "require_once",
    "using",
];

const DEFINERS: &[&str] = &[
    "fn",
    "def",
    "function",
    "func",
    "const",
    "let",
    "var",
    "val",
    "class",
    "interface",
    "trait",
    "struct",
    // Go's `type LinkedInClient struct`, TypeScript's `type Options = …`.
    "type",
    "object",
    "static",
    "export",
    "pub",
    "defp",
    "defmodule",
    "module",
];

/// Does this string show that the code talks to LinkedIn's API? An API or OAuth URL, a
/// LinkedIn header, or a client package name do; a link to a LinkedIn *page*
/// (`https://www.linkedin.com/company/acme`) or the word "LinkedIn" in a label do not.
pub fn gives_context(v: &str) -> bool {
    // Nearly every literal fails this test: make it without a lower-cased copy.
    if !contains_ignore_ascii_case(v, "linkedin") && !contains_ignore_ascii_case(v, "restli") {
        return false;
    }
    let lc = v.to_ascii_lowercase();
    if [
        "api.linkedin.com",
        "linkedin.com/oauth",
        "linkedin.com/uas",
        "linkedin-version",
        "restli",
    ]
    .iter()
    .any(|k| lc.contains(k))
    {
        return true;
    }
    if lc.contains("linkedin.com") {
        return false; // a web page link
    }
    // Package and module names: `linkedin-api-client`, `passport-linkedin-oauth2`,
    // `social_core.backends.linkedin`, `@linkedin/…`, and a provider id `linkedin`.
    v == "linkedin" || (!lc.contains(' ') && lc.contains(['-', '_', '.', '/', '@']))
}

/// `NAME = a.b || 'v'`, `NAME = a ?? "v"`, `NAME = a or 'v'`: the name across the fallback.
fn fallback_binding(toks: &[Tok<'_>], lits: &[crate::facts::Literal], i: usize) -> Option<String> {
    let p1 = i.checked_sub(1).map(|k| &toks[k])?;
    // `||`, `??`, `or`, and R's `%||%`.
    let r_or = matches!(p1, Tok::Punct('%'))
        && matches!(toks.get(i.wrapping_sub(2)), Some(Tok::Punct('|')));
    let is_fallback =
        r_or || matches!(p1, Tok::Punct('|' | '?')) || matches!(p1, Tok::Ident(w) if w == "or");
    if !is_fallback {
        return None;
    }
    // Back to the binding over the value being defaulted, calls included
    // (`getOption("x.version") %||% "202510"`, `os.getenv('V') or '202405'`).
    let mut depth = 0usize;
    for j in (i.saturating_sub(24)..i - 1).rev() {
        match &toks[j] {
            Tok::Punct(')') => depth += 1,
            Tok::Punct('(') if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            Tok::Punct('=' | ':') => return binding_name(toks, lits, j + 1),
            Tok::Punct(';' | ',' | '{' | '}' | '(') | Tok::Newline => return None,
            _ => {}
        }
    }
    None
}

/// `NAME = BASE + "…"`: the literal continues `BASE` and is what `NAME` adds to it (so a
/// later `NAME + "…"` reaches both).
fn joined_binding(toks: &[Tok<'_>], lits: &[crate::facts::Literal], i: usize) -> Option<String> {
    let at = |n: usize| i.checked_sub(n).map(|k| &toks[k]);
    match (at(1), at(2), at(3)) {
        (Some(Tok::Punct('+')), Some(Tok::Ident(_)), Some(Tok::Punct('='))) => {
            binding_name(toks, lits, i - 2)
        }
        _ => None,
    }
}

/// The name a token at `i` (a literal or an opening bracket) is bound to, from the tokens
/// before it: `NAME =`, `NAME: T =`, `NAME :`, `"key":`, `'k' =>`, `x["K"] =`, `NAME :=`.
fn binding_name(toks: &[Tok<'_>], lits: &[crate::facts::Literal], i: usize) -> Option<String> {
    let prev = |n: usize| i.checked_sub(n).map(|k| &toks[k]);
    // An Elixir module attribute: `@base_url "https://…"`, `@scopes [ … ]`.
    if let (Some(Tok::Ident(id)), Some(Tok::Punct('@'))) = (prev(1), prev(2)) {
        return Some(id.to_string());
    }
    // Clojure's `(def PROFILE-URL "https://…")`, `(defonce scopes [ … ])`.
    if let (Some(Tok::Ident(id)), Some(Tok::Ident(d)), Some(Tok::Punct('('))) =
        (prev(1), prev(2), prev(3))
    {
        if d == "def" || d == "defonce" {
            return Some(id.to_string());
        }
    }
    let mut k = 1;
    // Operator: `=`, `:`, `=>`, `:=`, `?=`, `||=`, `<-`, and Scala's `"key" -> value` (only
    // after a string: `x -> "v"` is a lambda).
    let op = match prev(k)? {
        Tok::Punct(c @ ('=' | ':')) => *c,
        Tok::Punct('>') if matches!(prev(k + 1), Some(Tok::Punct('='))) => {
            k += 1;
            '>'
        }
        Tok::Punct('>')
            if matches!(prev(k + 1), Some(Tok::Punct('-')))
                && matches!(prev(k + 2), Some(Tok::Lit(l)) if lits[*l].kind == LitKind::Str) =>
        {
            k += 1;
            '>'
        }
        _ => return None,
    };
    k += 1;
    // `:=`, `==` (comparison: not a binding), `?=`, `||=`.
    match prev(k) {
        Some(Tok::Punct(':')) if op == '=' => k += 1,
        Some(Tok::Punct('=' | '!' | '<')) if op == '=' => return None,
        Some(Tok::Punct('?' | '|' | '&')) if op == '=' => {
            while matches!(prev(k), Some(Tok::Punct('?' | '|' | '&'))) {
                k += 1;
            }
        }
        _ => {}
    }
    match prev(k)? {
        Tok::Ident(id) if !TYPE_WORDS.contains(&id.as_ref()) || op != '=' => {
            // `NAME: Type = value` (`X: int = 1`, `X: Final = "v"`): the name is before the
            // `:`, unless that is a path separator (`a::B = …`).
            if op == '=' && matches!(prev(k + 1), Some(Tok::Punct(':'))) {
                if let Some(Tok::Ident(name)) = prev(k + 2) {
                    return Some(name.to_string());
                }
            }
            Some(id.to_string())
        }
        Tok::Lit(l) if lits[*l].kind == LitKind::Str || op != '=' => Some(lits[*l].value.clone()),
        // `x["K"] = v`; a generic type (`X: Final[str] = v`) is handled below.
        Tok::Punct(']') if matches!(prev(k + 1), Some(Tok::Lit(_))) => match prev(k + 1)? {
            Tok::Lit(l) => Some(lits[*l].value.clone()),
            _ => None,
        },
        _ if op == '=' => {
            // `NAME: Type = value`: walk back to a `:` in the same statement.
            for j in (k..k + 8).take_while(|j| *j <= i) {
                match prev(j)? {
                    Tok::Punct(';' | '{' | '}' | '(' | ',' | ')') | Tok::Newline => return None,
                    Tok::Punct(':') => {
                        return match prev(j + 1)? {
                            Tok::Ident(id) => Some(id.to_string()),
                            _ => None,
                        };
                    }
                    _ => {}
                }
            }
            None
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexer::lex;
    use super::*;
    use crate::source::Lang;

    #[test]
    fn environment_helpers_are_getters() {
        for f in [
            "getenv",
            "envOr",
            "getEnv",
            "get_env_or_default",
            "EnvOrDefault",
        ] {
            assert!(is_getter(f), "{f}");
        }
        for f in [
            "dotenv",
            "environmentName",
            "inventory",
            "sendEvent",
            "post",
        ] {
            assert!(!is_getter(f), "{f}");
        }
    }

    fn facts(lang: Lang, src: &str) -> FileFacts {
        analyze(lex(src, 0, src.len(), lang))
    }

    fn find<'a>(f: &'a FileFacts, v: &str) -> &'a crate::facts::Literal {
        f.literals
            .iter()
            .find(|l| l.value == v)
            .unwrap_or_else(|| panic!("no literal {v:?}"))
    }

    #[test]
    fn names_from_bindings() {
        let f = facts(
            Lang::Rust,
            "const LINKEDIN_VERSION: &str = \"202401\";\nlet x = 5;",
        );
        assert_eq!(find(&f, "202401").name.as_deref(), Some("LINKEDIN_VERSION"));
        let f = facts(
            Lang::JavaScript,
            "const h = { 'LinkedIn-Version': '202401', scope: ['r_liteprofile'] };",
        );
        assert_eq!(find(&f, "202401").name.as_deref(), Some("LinkedIn-Version"));
        assert_eq!(find(&f, "r_liteprofile").name.as_deref(), Some("scope"));
        let f = facts(
            Lang::Python,
            "headers[\"LinkedIn-Version\"] = \"202301\"\nif v == \"x\": pass",
        );
        assert_eq!(find(&f, "202301").name.as_deref(), Some("LinkedIn-Version"));
        assert_eq!(find(&f, "x").name, None);
    }

    #[test]
    fn elixir_attributes_and_ruby_modules() {
        let f = facts(
            Lang::Elixir,
            "defmodule Li do\n  @api_base \"https://api.linkedin.com/v2\"\n  @scopes [\"r_liteprofile\"]\nend",
        );
        assert_eq!(
            find(&f, "https://api.linkedin.com/v2").name.as_deref(),
            Some("api_base")
        );
        assert_eq!(find(&f, "r_liteprofile").name.as_deref(), Some("scopes"));
        assert!(f.defines.iter().any(|d| d == "Li"));
        // A Ruby module holding a base is what its users name (`LinkedinV2::Url::Builder`).
        let f = facts(
            Lang::Ruby,
            "module LinkedinV2\n  API_URL ||= \"https://api.linkedin.com/v2\"\nend",
        );
        assert!(f.defines.iter().any(|d| d == "LinkedinV2"));
        // `@Get('me')` (a decorator call) binds nothing.
        let f = facts(Lang::JavaScript, "class C { @Get('me') me() {} }");
        assert_eq!(find(&f, "me").name, None);
    }

    /// Clojure (round 32): `(def NAME "…")` binds, names keep their dashes, `;` comments.
    #[test]
    fn clojure_defs_bind_their_names() {
        let f = facts(
            Lang::Clojure,
            "(ns app.linkedin.gateway)\n\n;; \"https://api.linkedin.com/v2/me\" once\n(def PROFILE-URL \"http://api.linkedin.com/v1/people/~:(id,first-name)\")\n(defonce scopes [\"r_liteprofile\" \"w_member_social\"])\n(defn fetch [t] (get-json PROFILE-URL t))\n",
        );
        assert_eq!(
            find(&f, "http://api.linkedin.com/v1/people/~:(id,first-name)")
                .name
                .as_deref(),
            Some("PROFILE-URL")
        );
        assert_eq!(find(&f, "r_liteprofile").name.as_deref(), Some("scopes"));
        // The comment is one comment literal, not a string.
        assert!(
            f.literals
                .iter()
                .filter(|l| l.value.contains("/v2/me"))
                .all(|l| l.in_comment)
        );
    }

    /// python3-linkedin's `ENDPOINTS = enum(…, PEOPLE='https://api.linkedin.com/v1/people')`
    /// and `'%s/id=%s' % (ENDPOINTS.PEOPLE, member_id)`: the base is the attribute at the end
    /// of the chain. `'%s/%s' % (ENDPOINTS.GROUPS, id)` and `'%s::(%s)'` only add an id or a
    /// selection to a base reported where it is written: no base of their own.
    #[test]
    fn a_format_strings_base_is_the_attribute_at_the_end_of_a_chain() {
        let f = facts(
            Lang::Python,
            "ENDPOINTS = enum('LinkedInURL',\n    PEOPLE='https://api.linkedin.com/v1/people',\n    GROUPS='https://api.linkedin.com/v1/groups')\n\ndef get_profile(member_id):\n    url = '%s/id=%s' % (ENDPOINTS.PEOPLE, str(member_id))\n    me = '%s/~' % ENDPOINTS.PEOPLE\n    group = '%s/%s' % (ENDPOINTS.GROUPS, str(member_id))\n    batch = '%s::(%s)' % (ENDPOINTS.PEOPLE, ids)\n",
        );
        let base = |v: &str| {
            f.literals
                .iter()
                .find(|l| l.value == v)
                .unwrap()
                .base
                .as_deref()
        };
        assert_eq!(base("%s/id=%s"), Some("https://api.linkedin.com/v1/people"));
        assert_eq!(base("%s/~"), Some("https://api.linkedin.com/v1/people"));
        assert_eq!(base("%s/%s"), None);
        assert_eq!(base("%s::(%s)"), None);
    }

    /// stackedup's LinkedInService: `$host` is bound in each method, to `/rest/` in some and
    /// to `/v2/` in others; each join reads the binding above it, not the file's first.
    #[test]
    fn a_join_reads_the_nearest_binding_before_it() {
        let f = facts(
            Lang::Php,
            "<?php class LinkedInService {\n  function stats() {\n    $host = 'https://api.linkedin.com/rest/';\n    $url = $host . 'organizationalEntityShareStatistics';\n  }\n  function likes($id) {\n    $host = 'https://api.linkedin.com/v2/';\n    $url = $host . 'socialActions/' . urlencode($id);\n  }\n  function early() {\n    return BASE . 'me';\n  }\n}\nconst BASE = 'https://api.linkedin.com/v2/';\n",
        );
        let base = |v: &str| {
            f.literals
                .iter()
                .find(|l| l.value == v)
                .and_then(|l| l.base.clone())
        };
        assert_eq!(
            base("organizationalEntityShareStatistics").as_deref(),
            Some("https://api.linkedin.com/rest/")
        );
        assert_eq!(
            base("socialActions/").as_deref(),
            Some("https://api.linkedin.com/v2/")
        );
        // A name bound only after its use: the file's (first) binding.
        assert_eq!(base("me").as_deref(), Some("https://api.linkedin.com/v2/"));
    }

    /// tekrem-erp's LinkedInService: the base is built in the constructor from a `v2` field,
    /// and every request joins a path to that base. The base is filled in before it is joined.
    #[test]
    fn a_base_built_from_a_version_field_is_filled_in_before_it_is_joined() {
        let f = facts(
            Lang::Php,
            "<?php class LinkedInService {\n    private string $apiVersion = 'v2';\n    private string $baseUrl;\n    public function __construct() {\n        $this->baseUrl = \"https://api.linkedin.com/{$this->apiVersion}\";\n    }\n    public function test() { return Http::get(\"{$this->baseUrl}/me\"); }\n}",
        );
        let me = f
            .literals
            .iter()
            .find(|l| l.value.ends_with("/me"))
            .unwrap();
        assert_eq!(me.base.as_deref(), Some("https://api.linkedin.com/v2"));
    }

    #[test]
    fn an_interpolated_version_segment_is_filled_in() {
        let f = facts(
            Lang::Php,
            "<?php class S { function __construct() { $this->api_version = 'v2'; }\n function share() { $url = \"https://api.linkedin.com/{$this->api_version}/ugcPosts\"; } }",
        );
        let l = f
            .literals
            .iter()
            .find(|l| l.value.contains("ugcPosts"))
            .unwrap();
        assert_eq!(l.value, "https://api.linkedin.com/v2/ugcPosts");
        assert!(
            !l.exact,
            "the text differs from the source: no fix inside it"
        );
        // A name bound to something else is left alone.
        let f = facts(
            Lang::JavaScript,
            "const v = '202401';\nconst u = `https://api.linkedin.com/${v}/posts`;",
        );
        assert!(
            f.literals
                .iter()
                .any(|l| l.value == "https://api.linkedin.com/${v}/posts")
        );
    }

    #[test]
    fn request_arguments_are_asked_of_a_client() {
        let f = facts(
            Lang::Php,
            "<?php $this->client->get('me', []); $params->get('them'); $api->post(BASE . 'x');",
        );
        assert!(find(&f, "me").request_arg);
        assert!(!find(&f, "them").request_arg);
        assert!(
            !find(&f, "x").request_arg,
            "part of an expression, not the argument"
        );
        let f = facts(
            Lang::Python,
            "self.linkedin_client.post(\"ugcPosts\", json=body)",
        );
        assert!(find(&f, "ugcPosts").request_arg);
        // The HTTP method after the path (a Magento module's `api('/people', 'GET', …)`); a
        // word after a cache key is no method.
        let f = facts(
            Lang::Php,
            "<?php $r = $this->client->api('/people', 'GET', $this->params); $c->set('/them', 'ok'); $t->translate('me', 'GET');",
        );
        assert!(find(&f, "/people").request_arg);
        assert!(!find(&f, "/them").request_arg);
        assert!(!find(&f, "me").request_arg);
    }

    #[test]
    fn client_interface_annotations_ask_for_a_path() {
        let f = facts(
            Lang::Java,
            "interface Api {\n  @RequestLine(\"GET /me\")\n  Member me();\n  @GET(\"ugcPosts\")\n  Call<X> posts();\n  @Get(\"/them\")\n  X route();\n}",
        );
        let me = find(&f, "/me");
        assert!(me.request_arg);
        assert_eq!(me.span, 36..39, "the span is the path, past `GET `");
        assert!(find(&f, "ugcPosts").request_arg);
        assert!(!find(&f, "/them").request_arg, "a server route");
    }

    #[test]
    fn annotated_bindings_name_the_variable_not_the_type() {
        for src in [
            "LINKEDIN_VERSION: Final[str] = \"202401\"",
            "LINKEDIN_VERSION: Final = \"202401\"",
            "LINKEDIN_VERSION: Optional[str] = \"202401\"",
        ] {
            let f = facts(Lang::Python, src);
            assert_eq!(
                find(&f, "202401").name.as_deref(),
                Some("LINKEDIN_VERSION"),
                "{src}"
            );
        }
        let f = facts(
            Lang::JavaScript,
            "const LINKEDIN_VERSION: Version = \"202401\";",
        );
        assert_eq!(find(&f, "202401").name.as_deref(), Some("LINKEDIN_VERSION"));
        let f = facts(Lang::Python, "headers[\"LinkedIn-Version\"] = \"202301\"");
        assert_eq!(find(&f, "202301").name.as_deref(), Some("LinkedIn-Version"));
    }

    #[test]
    fn setter_calls_pair_name_and_value() {
        let f = facts(Lang::Go, "req.Header.Set(\"LinkedIn-Version\", \"202304\")");
        assert_eq!(find(&f, "202304").header_name(), Some("LinkedIn-Version"));
        let f = facts(
            Lang::Rust,
            "const V: &str = \"202305\";\nfn f(){ c.get(u).header(\"LinkedIn-Version\", HeaderValue::from_static(\"202306\")).header(\"LinkedIn-Version\", V); }",
        );
        assert_eq!(
            find(&f, "202306").header.as_deref(),
            Some("LinkedIn-Version")
        );
        assert_eq!(find(&f, "202305").name.as_deref(), Some("V"));
        assert_eq!(
            find(&f, "202305").header.as_deref(),
            Some("LinkedIn-Version")
        );
    }

    #[test]
    fn bases_built_by_url_constructors() {
        // C# client seen in real code: the host is a `Uri` field, paths are interpolated.
        let f = facts(
            Lang::CSharp,
            "class C { Uri _apiHost; C() { _apiHost = new Uri(\"https://api.linkedin.com\"); }\n void A() { Get($\"{_apiHost}v2/organizations/{id}\"); } }",
        );
        assert_eq!(
            find(&f, "https://api.linkedin.com").name.as_deref(),
            Some("_apiHost")
        );
        assert_eq!(
            find(&f, "{_apiHost}v2/organizations/{id}").base.as_deref(),
            Some("https://api.linkedin.com")
        );
        let f = facts(
            Lang::Java,
            "URI BASE = URI.create(\"https://api.linkedin.com/v2\");",
        );
        assert_eq!(
            find(&f, "https://api.linkedin.com/v2").name.as_deref(),
            Some("BASE")
        );
        // A getter's key is not bound to the name its value is assigned to.
        let f = facts(
            Lang::Python,
            "V = os.environ.get('LINKEDIN_VERSION', '202311')",
        );
        assert_eq!(find(&f, "LINKEDIN_VERSION").name, None);
    }

    #[test]
    fn bases_from_joins() {
        let f = facts(
            Lang::JavaScript,
            "const API = 'https://api.linkedin.com';\nfetch(`${API}/v2/me`); fetch(API + '/v2/shares');",
        );
        assert_eq!(
            find(&f, "${API}/v2/me").base.as_deref(),
            Some("https://api.linkedin.com")
        );
        assert_eq!(
            find(&f, "/v2/shares").base.as_deref(),
            Some("https://api.linkedin.com")
        );
        let f = facts(
            Lang::Python,
            "u = ('https://api.linkedin.com' '/v2/me')\nv = '{}/v2/x'.format(B)\nB = 'b'",
        );
        assert_eq!(
            find(&f, "/v2/me").base.as_deref(),
            Some("https://api.linkedin.com")
        );
        assert_eq!(find(&f, "{}/v2/x").base.as_deref(), Some("b"));
        assert!(f.linkedin_context);
    }

    #[test]
    fn lists_share_an_id_and_name() {
        let f = facts(
            Lang::Python,
            "SCOPES = [\"r_liteprofile\", \"r_emailaddress\"]\nother = (1, 2)",
        );
        let a = find(&f, "r_liteprofile");
        let b = find(&f, "r_emailaddress");
        assert_eq!(a.list, b.list);
        assert!(a.list.is_some());
        assert_eq!(b.name.as_deref(), Some("SCOPES"));
    }

    #[test]
    fn placeholder_defaults_are_values() {
        let src = "@Value(\"${linkedin.api.version:202304}\") String v;";
        let f = facts(Lang::Java, src);
        let d = find(&f, "202304");
        assert_eq!(d.name.as_deref(), Some("linkedin.api.version"));
        assert_eq!(&src[d.span.clone()], "202304");
        let f = facts(Lang::Shell, "V=\"${LINKEDIN_VERSION:-202301}\"\n");
        assert_eq!(find(&f, "202301").name.as_deref(), Some("LINKEDIN_VERSION"));
    }

    #[test]
    fn injected_fields_hold_their_defaults() {
        // integrixs-flow-bridge's outbound adapter: the base is a Spring property's default.
        let src = "@Value(\"${integrix.adapters.linkedin.rest-api-base-url:https://api.linkedin.com/rest}\")\n    private String LINKEDIN_API_REST_BASE;\n\n    void f() {\n        String url = LINKEDIN_API_REST_BASE + \"/images\";\n    }\n";
        let f = facts(Lang::Java, src);
        let d = find(&f, "https://api.linkedin.com/rest");
        assert_eq!(
            d.name.as_deref(),
            Some("integrix.adapters.linkedin.rest-api-base-url")
        );
        assert_eq!(
            find(&f, "/images").base.as_deref(),
            Some("https://api.linkedin.com/rest")
        );
        // Kotlin, and a constructor parameter.
        let src = "@Value(\"\\${li.base:https://api.linkedin.com/v2}\") lateinit var base: String\nval u = base + \"/me\"\n";
        let f = facts(Lang::Kotlin, src);
        assert_eq!(
            find(&f, "/me").base.as_deref(),
            Some("https://api.linkedin.com/v2")
        );
        let src = "Client(@Value(\"${li.base:https://api.linkedin.com/v2}\") String base) { this.u = base + \"/me\"; }";
        let f = facts(Lang::Java, src);
        assert_eq!(
            find(&f, "/me").base.as_deref(),
            Some("https://api.linkedin.com/v2")
        );
        // Another annotation's argument is not a field's default.
        let src = "@Named(\"${li.base:https://api.linkedin.com/v2}\") String base;\nString u = base + \"/me\";";
        let f = facts(Lang::Java, src);
        assert_eq!(find(&f, "/me").base, None);
    }

    /// QuillSocial's version normaliser: its fallbacks are the version, in an `if` or not;
    /// a Python getter's too. A function not named for versions binds nothing.
    #[test]
    fn values_returned_by_a_version_function_are_bound_to_it() {
        let src = "function normalizeLinkedInVersion(raw: string): string {\n  if (!raw) return \"202509\";\n  if (/^\\d{6}$/.test(raw)) { return raw; }\n  if (raw.length > 6) {\n    return \"202510\";\n  }\n  const m = raw.match(/(\\d{6})/);\n  return m ? m[1] : \"202511\";\n}\nfunction label(x) { return \"202512\"; }\nconst getVersion = async () => {\n  return \"202601\";\n};\n";
        let f = facts(Lang::JavaScript, src);
        for v in ["202509", "202510", "202511"] {
            assert_eq!(
                find(&f, v).name.as_deref(),
                Some("normalizeLinkedInVersion"),
                "{v}"
            );
        }
        assert_eq!(find(&f, "202512").name, None);
        let src = "function normalizeLinkedInVersion(raw) {\n  if (/^\\d{8}$/.test(raw)) return raw.substring(0, 6);\n}\n";
        let g = facts(Lang::JavaScript, src);
        assert!(
            g.literals.iter().all(|l| l.name.is_none()),
            "{:?}",
            g.literals
        );
        assert_eq!(find(&f, "202601").name.as_deref(), Some("getVersion"));
        let py = "def linkedin_version():\n    return \"202401\"\n";
        let f = facts(Lang::Python, py);
        assert_eq!(find(&f, "202401").name.as_deref(), Some("linkedin_version"));
    }

    /// Sahayak's fallback versions: the list a call builds is bound to the name it is assigned.
    #[test]
    fn a_list_built_by_a_call_is_bound_to_its_name() {
        let src = "private static final List<String> VERSION_CANDIDATES = List.of(\"202606\", \"202601\", \"202507\");\nval scopes = listOf(\"openid\", \"profile\")\n";
        let f = facts(Lang::Java, src);
        for v in ["202606", "202507"] {
            assert_eq!(
                find(&f, v).name.as_deref(),
                Some("VERSION_CANDIDATES"),
                "{v}"
            );
        }
        assert_eq!(find(&f, "202606").list, find(&f, "202507").list);
        let f = facts(Lang::Kotlin, src);
        assert_eq!(find(&f, "openid").name.as_deref(), Some("scopes"));
    }

    #[test]
    fn template_expressions_are_code() {
        let f = facts(
            Lang::JavaScript,
            "const u = `https://www.linkedin.com/oauth/v2/authorization?scope=${encodeURIComponent(\"r_liteprofile r_emailaddress\")}`;",
        );
        assert!(
            f.literals
                .iter()
                .any(|l| l.value == "r_liteprofile r_emailaddress")
        );
    }

    #[test]
    fn fallbacks_and_getter_defaults_are_bound() {
        let f = facts(
            Lang::JavaScript,
            "const LINKEDIN_VERSION = process.env.LINKEDIN_API_VERSION || '202405';",
        );
        assert_eq!(find(&f, "202405").name.as_deref(), Some("LINKEDIN_VERSION"));
        let f = facts(
            Lang::Python,
            "V = os.environ.get('LINKEDIN_VERSION', '202311')\nH = {VERSION_HEADER: PINNED}\nVERSION_HEADER = 'LinkedIn-Version'\nPINNED = '202409'\n",
        );
        assert_eq!(find(&f, "202311").name.as_deref(), Some("LINKEDIN_VERSION"));
        assert_eq!(
            find(&f, "202409").header.as_deref(),
            Some("LinkedIn-Version")
        );
    }

    #[test]
    fn which_strings_give_context() {
        assert!(gives_context("https://api.linkedin.com/rest"));
        assert!(gives_context("passport-linkedin-oauth2"));
        assert!(gives_context("linkedin"));
        assert!(!gives_context("https://www.linkedin.com/company/acme"));
        assert!(!gives_context("LinkedIn"));
        assert!(!gives_context("Share on LinkedIn"));
    }

    #[test]
    fn comments_give_no_context() {
        let f = facts(
            Lang::JavaScript,
            "// LinkedIn api.linkedin.com\nconst me = '/v2/me';",
        );
        assert!(!f.linkedin_context);
    }
}
