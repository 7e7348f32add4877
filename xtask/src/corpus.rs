//! The deterministic benchmark corpus: mixed-language noise, about 1% of files with planted
//! LinkedIn calls whose findings are known, and a `.gitignore`d `build/` directory.
//!
//! Everything comes from one seeded xorshift generator, so the same `(files, seed)` always
//! writes the same bytes. Bump [`GENERATOR`] whenever the output changes.
// linkedin-lint: allow-file(endpoint-deprecated) -- the benchmark corpus plants these on purpose

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Version of the generator; part of the corpus stamp.
pub const GENERATOR: u32 = 4;

/// xorshift64* — small, fast, and good enough for plausible noise.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 11) % n as u64) as usize
    }

    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `per_mille / 1000`.
    pub fn chance(&mut self, per_mille: usize) -> bool {
        self.below(1000) < per_mille
    }

    pub fn pick<T: Copy>(&mut self, s: &[T]) -> T {
        s[self.below(s.len())]
    }

    /// Log-uniform in `[lo, hi]`.
    pub fn log_uniform(&mut self, lo: usize, hi: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((lo as f64) * ((hi as f64) / (lo as f64)).powf(u)) as usize
    }
}

const WORDS: &[&str] = &[
    "user",
    "account",
    "order",
    "cache",
    "buffer",
    "request",
    "response",
    "config",
    "session",
    "invoice",
    "payment",
    "customer",
    "widget",
    "report",
    "metric",
    "event",
    "queue",
    "worker",
    "handler",
    "client",
    "server",
    "record",
    "batch",
    "index",
    "schema",
    "table",
    "column",
    "row",
    "page",
    "item",
    "list",
    "map",
    "key",
    "value",
    "node",
    "tree",
    "graph",
    "edge",
    "path",
    "file",
    "stream",
    "reader",
    "writer",
    "parser",
    "status",
    "state",
    "store",
    "price",
    "amount",
    "total",
    "count",
    "limit",
    "offset",
    "cursor",
    "filter",
    "sort",
    "field",
    "label",
    "title",
    "name",
    "email",
    "address",
    "city",
    "country",
    "region",
    "zone",
    "host",
    "port",
    "timeout",
    "retry",
    "backoff",
    "policy",
    "rule",
    "role",
    "group",
    "team",
    "project",
    "task",
    "job",
    "schedule",
    "cron",
    "timer",
    "clock",
    "date",
    "time",
    "duration",
    "window",
    "frame",
    "image",
    "thumbnail",
    "upload",
    "download",
    "blob",
    "bucket",
    "object",
    "asset",
    "bundle",
    "module",
    "package",
    "plugin",
    "hook",
    "signal",
    "channel",
    "message",
    "notice",
    "alert",
    "audit",
    "log",
    "trace",
    "span",
    "context",
    "scope_id",
    "tenant",
    "shard",
    "replica",
    "leader",
    "follower",
    "vote",
    "term",
    "commit",
    "snapshot",
    "segment",
    "chunk",
    "block",
    "page_size",
    "header",
    "body",
    "payload",
    "digest",
    "hash",
    "salt",
    "nonce",
    "secret_ref",
    "cert",
    "vault",
    "render",
    "layout",
    "theme",
    "color",
    "font",
    "icon",
    "button",
    "form",
    "input",
    "output",
    "search",
    "query",
    "result",
    "match",
    "score",
    "rank",
    "weight",
    "bias",
    "model",
    "feature",
    "export",
    "import",
    "sync",
    "fetch",
    "merge",
    "split",
    "join",
    "flush",
    "drain",
    "spawn",
];

const VERBS: &[&str] = &[
    "get",
    "set",
    "load",
    "save",
    "build",
    "parse",
    "render",
    "update",
    "create",
    "delete",
    "find",
    "resolve",
    "compute",
    "validate",
    "normalize",
    "encode",
    "decode",
    "send",
    "handle",
    "process",
    "apply",
    "collect",
    "emit",
    "register",
    "refresh",
    "reset",
    "open",
    "close",
];

const HOSTS: &[&str] = &[
    "api.github.com",
    "api.stripe.com",
    "hooks.slack.com",
    "graph.example.com",
    "internal.acme.io",
    "billing.acme.io",
    "maps.googleapis.com",
    "api.twilio.com",
    "cdn.jsdelivr.net",
    "registry.acme.io",
];

fn cap(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn snake(r: &mut Rng) -> String {
    let n = r.range(1, 3);
    let mut s = String::new();
    if r.chance(400) {
        s.push_str(r.pick(VERBS));
    }
    for _ in 0..n {
        if !s.is_empty() {
            s.push('_');
        }
        s.push_str(r.pick(WORDS));
    }
    s
}

fn camel(r: &mut Rng) -> String {
    let s = snake(r);
    let mut out = String::new();
    for (i, p) in s.split('_').enumerate() {
        if i == 0 {
            out.push_str(p);
        } else {
            out.push_str(&cap(p));
        }
    }
    out
}

fn pascal(r: &mut Rng) -> String {
    s_to_pascal(&snake(r))
}

fn s_to_pascal(s: &str) -> String {
    s.split('_').map(cap).collect()
}

fn upper(r: &mut Rng) -> String {
    snake(r).to_uppercase()
}

fn sentence(r: &mut Rng) -> String {
    let n = r.range(5, 14);
    let mut s = cap(r.pick(VERBS));
    for _ in 0..n {
        s.push(' ');
        s.push_str(r.pick(WORDS).trim_end_matches("_id"));
        if r.chance(60) {
            s.push_str(r.pick(&[" and", " for the", " of", " with", " before", " if"]));
        }
    }
    s.push('.');
    s
}

/// A URL to some other API. Now and then it carries `/v1/` or `/v2/`, so a few noise files
/// pass the prefilter and are analysed without a finding (as in a real repository).
fn other_url(r: &mut Rng) -> String {
    let host = r.pick(HOSTS);
    let ver = if r.chance(100) {
        r.pick(&["/v1/", "/v2/"]).to_string()
    } else {
        r.pick(&["/api/", "/", "/api/v3/", "/services/"])
            .to_string()
    };
    format!("https://{host}{ver}{}/{}", r.pick(WORDS), r.pick(WORDS))
}

fn num(r: &mut Rng) -> usize {
    r.pick(&[
        0, 1, 2, 8, 16, 32, 64, 100, 128, 256, 1000, 1024, 4096, 30, 60, 3600,
    ])
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Rs,
    Ts,
    Js,
    Py,
    Go,
    Java,
    Rb,
    Php,
    Sh,
    Md,
    Yaml,
    Json,
    Toml,
    Env,
    /// Not a language the linter reads (css, html, svg, txt): rg searches them, we skip them.
    Other,
    /// Images: binary, NUL bytes.
    Binary,
}

impl Kind {
    fn pick(r: &mut Rng) -> Kind {
        // Weights in per mille, roughly a polyglot monorepo.
        let x = r.below(1000);
        let table: &[(usize, Kind)] = &[
            (135, Kind::Ts),
            (95, Kind::Js),
            (125, Kind::Py),
            (95, Kind::Go),
            (85, Kind::Java),
            (95, Kind::Rs),
            (45, Kind::Rb),
            (45, Kind::Php),
            (30, Kind::Sh),
            (75, Kind::Md),
            (50, Kind::Yaml),
            (50, Kind::Json),
            (20, Kind::Toml),
            (10, Kind::Env),
            (40, Kind::Other),
            (5, Kind::Binary),
        ];
        let mut acc = 0;
        for (w, k) in table {
            acc += w;
            if x < acc {
                return *k;
            }
        }
        Kind::Ts
    }

    fn file_name(self, r: &mut Rng, i: usize) -> String {
        let base = snake(r);
        match self {
            Kind::Rs => format!("{base}_{i}.rs"),
            Kind::Ts => format!("{}{i}.ts", camel(r)),
            Kind::Js => format!("{}{i}.js", camel(r)),
            Kind::Py => format!("{base}_{i}.py"),
            Kind::Go => format!("{base}_{i}.go"),
            Kind::Java => format!("{}{i}.java", pascal(r)),
            Kind::Rb => format!("{base}_{i}.rb"),
            Kind::Php => format!("{}{i}.php", pascal(r)),
            Kind::Sh => format!("{base}_{i}.sh"),
            Kind::Md => format!("{}_{i}.md", base.to_uppercase()),
            Kind::Yaml => format!("{base}_{i}.yaml"),
            Kind::Json => format!("{base}_{i}.json"),
            Kind::Toml => format!("{base}_{i}.toml"),
            Kind::Env => format!("{base}_{i}.env"),
            Kind::Other => format!("{base}_{i}.{}", r.pick(&["css", "html", "svg", "txt"])),
            Kind::Binary => format!("{base}_{i}.png"),
        }
    }
}

/// One block of plausible code in `k` (a function, a class, a section), appended to `s`.
fn block(k: Kind, r: &mut Rng, s: &mut String) {
    let (a, b, c) = (snake(r), snake(r), snake(r));
    let (ca, cb) = (camel(r), camel(r));
    let (t1, t2) = (pascal(r), pascal(r));
    let n = num(r);
    let say = sentence(r);
    let url = if r.chance(30) {
        other_url(r)
    } else {
        format!("{}_{}", r.pick(WORDS), r.pick(WORDS))
    };
    let _ = match k {
        Kind::Rs => match r.below(4) {
            0 => write!(
                s,
                "/// {say}\npub fn {a}({b}: &{t1}, limit: usize) -> Result<{t2}, Error> {{\n    let mut out = Vec::with_capacity({n});\n    for (i, {c}) in {b}.items().iter().enumerate().take(limit) {{\n        if i % 3 == 0 {{\n            out.push({c}.{a}()?);\n        }}\n    }}\n    tracing::debug!(\"{say} {{}}\", out.len());\n    Ok({t2}::from(out))\n}}\n\n"
            ),
            1 => write!(
                s,
                "#[derive(Debug, Clone, Default)]\npub struct {t1} {{\n    pub {a}: u64,\n    pub {b}: String,\n    {c}: Option<Vec<{t2}>>,\n}}\n\nimpl {t1} {{\n    // {say}\n    pub fn new({a}: u64) -> Self {{\n        Self {{ {a}, {b}: String::from(\"{url}\"), ..Default::default() }}\n    }}\n}}\n\n"
            ),
            2 => write!(
                s,
                "const {}: &str = \"{url}\";\n\nfn {a}(x: {t1}) -> {t2} {{\n    match x {{\n        {t1}::A => {t2}::new({n}),\n        {t1}::B(v) if v > {n} => {t2}::new(v - 1),\n        _ => {t2}::default(),\n    }}\n}}\n\n",
                upper(r)
            ),
            _ => write!(
                s,
                "#[cfg(test)]\nmod {a}_tests {{\n    use super::*;\n\n    #[test]\n    fn {b}() {{\n        let v = {c}(&[{n}, 2, 3]);\n        assert_eq!(v.len(), 3, \"{say}\");\n    }}\n}}\n\n"
            ),
        },
        Kind::Ts | Kind::Js => match r.below(4) {
            0 => write!(
                s,
                "/**\n * {say}\n */\nexport async function {ca}({cb}{}, limit = {n}) {{\n  const res = await fetch(`${{BASE}}/{url}?limit=${{limit}}`);\n  if (!res.ok) {{\n    throw new Error(`{say} ${{res.status}}`);\n  }}\n  const data = await res.json();\n  return data.items.filter((x) => x.{cb} !== undefined).map((x) => x.{ca});\n}}\n\n",
                if k == Kind::Ts {
                    format!(": {t1}")
                } else {
                    String::new()
                }
            ),
            1 => write!(
                s,
                "export class {t1} {{\n  constructor({ca}, {cb}) {{\n    this.{ca} = {ca};\n    this.{cb} = {cb} ?? {n};\n  }}\n\n  // {say}\n  {}() {{\n    return this.{ca}.map((v, i) => ({{ id: i, value: v * this.{cb}, label: '{url}' }}));\n  }}\n}}\n\n",
                camel(r)
            ),
            2 => write!(
                s,
                "const {} = {{\n  {ca}: '{url}',\n  {cb}: {n},\n  retries: 3,\n  enabled: true,\n}};\n\n",
                upper(r)
            ),
            _ => write!(
                s,
                "describe('{t1}', () => {{\n  it('{say}', () => {{\n    const v = {ca}([{n}, 2, 3]);\n    expect(v).toHaveLength(3);\n  }});\n}});\n\n"
            ),
        },
        Kind::Py => match r.below(4) {
            0 => write!(
                s,
                "def {a}({b}, {c}=None, limit={n}):\n    \"\"\"{say}\"\"\"\n    out = []\n    for i, item in enumerate({b}):\n        if i >= limit:\n            break\n        if item.get(\"{c}\") is not None:\n            out.append(item[\"{c}\"])\n    logger.debug(\"%s items\", len(out))\n    return out\n\n\n"
            ),
            1 => write!(
                s,
                "class {t1}({t2}):\n    # {say}\n    {}_URL = \"{url}\"\n\n    def __init__(self, {a}, {b}={n}):\n        self.{a} = {a}\n        self.{b} = {b}\n\n    def {c}(self):\n        return {{\"{a}\": self.{a}, \"{b}\": self.{b}}}\n\n\n",
                upper(r)
            ),
            2 => write!(
                s,
                "{} = {{\n    \"{a}\": \"{url}\",\n    \"{b}\": {n},\n    \"enabled\": True,\n}}\n\n",
                upper(r)
            ),
            _ => write!(
                s,
                "def test_{a}():\n    v = {b}([{n}, 2, 3])\n    assert len(v) == 3, \"{say}\"\n\n\n"
            ),
        },
        Kind::Go => match r.below(3) {
            0 => write!(
                s,
                "// {t1} {say}\nfunc {t1}(ctx context.Context, {ca} []{t2}, limit int) ([]string, error) {{\n\tout := make([]string, 0, {n})\n\tfor i, v := range {ca} {{\n\t\tif i >= limit {{\n\t\t\tbreak\n\t\t}}\n\t\tout = append(out, v.String())\n\t}}\n\treturn out, nil\n}}\n\n"
            ),
            1 => write!(
                s,
                "type {t1} struct {{\n\t{} string `json:\"{a}\"`\n\t{} int    `json:\"{b}\"`\n}}\n\nconst {cb}URL = \"{url}\"\n\n",
                s_to_pascal(&a),
                s_to_pascal(&b)
            ),
            _ => write!(
                s,
                "func Test{t1}(t *testing.T) {{\n\tv := {ca}([]int{{{n}, 2, 3}})\n\tif len(v) != 3 {{\n\t\tt.Fatalf(\"{say}: %d\", len(v))\n\t}}\n}}\n\n"
            ),
        },
        Kind::Java => match r.below(3) {
            0 => write!(
                s,
                "    /** {say} */\n    public List<{t2}> {ca}(final {t1} {cb}, int limit) {{\n        List<{t2}> out = new ArrayList<>({n});\n        for ({t2} v : {cb}.items()) {{\n            if (out.size() >= limit) break;\n            out.add(v);\n        }}\n        return out;\n    }}\n\n"
            ),
            1 => write!(
                s,
                "    private static final String {} = \"{url}\";\n    private final Map<String, {t1}> {ca} = new HashMap<>();\n\n",
                upper(r)
            ),
            _ => write!(
                s,
                "    @Test\n    void {ca}() {{\n        assertEquals(3, {cb}(List.of({n}, 2, 3)).size(), \"{say}\");\n    }}\n\n"
            ),
        },
        Kind::Rb => match r.below(3) {
            0 => write!(
                s,
                "  # {say}\n  def {a}({b}, limit: {n})\n    {b}.first(limit).map do |x|\n      x.{c} || \"{url}\"\n    end\n  end\n\n"
            ),
            1 => write!(
                s,
                "  {} = '{url}'.freeze\n  attr_reader :{a}, :{b}\n\n",
                upper(r)
            ),
            _ => write!(
                s,
                "  it '{say}' do\n    expect({a}([{n}, 2, 3]).size).to eq(3)\n  end\n\n"
            ),
        },
        Kind::Php => match r.below(3) {
            0 => write!(
                s,
                "    /**\n     * {say}\n     */\n    public function {ca}(array ${cb}, int $limit = {n}): array\n    {{\n        $out = [];\n        foreach (${cb} as $i => $v) {{\n            if ($i >= $limit) {{ break; }}\n            $out[] = $v['{a}'] ?? '{url}';\n        }}\n        return $out;\n    }}\n\n"
            ),
            1 => write!(
                s,
                "    private const {} = '{url}';\n    protected ${ca} = [];\n\n",
                upper(r)
            ),
            _ => write!(
                s,
                "    public function test{t1}(): void\n    {{\n        $this->assertCount(3, $this->{ca}([{n}, 2, 3]), '{say}');\n    }}\n\n"
            ),
        },
        Kind::Sh => match r.below(2) {
            0 => write!(
                s,
                "# {say}\n{a}() {{\n  local {b}=\"$1\"\n  if [ -z \"${b}\" ]; then\n    echo \"usage: {a} {b}\" >&2\n    return 1\n  fi\n  curl -fsS --retry 3 \"{url}/${b}\" -o \"/tmp/{c}.json\"\n}}\n\n"
            ),
            _ => writeln!(s, "export {}=\"${{{}:-{n}}}\"", upper(r), upper(r)),
        },
        Kind::Md => match r.below(3) {
            0 => write!(
                s,
                "## {}\n\n{say} {}\n{}\n\n",
                cap(&a.replace('_', " ")),
                sentence(r),
                sentence(r)
            ),
            1 => write!(
                s,
                "```js\nconst {ca} = await {cb}('{url}', {{ limit: {n} }});\n```\n\n{say}\n\n"
            ),
            _ => write!(s, "- `{a}`: {say}\n- `{b}`: {}\n\n", sentence(r)),
        },
        Kind::Yaml => match r.below(2) {
            0 => write!(
                s,
                "{a}:\n  # {say}\n  {b}: \"{url}\"\n  {c}: {n}\n  enabled: true\n  tags:\n    - {}\n    - {}\n",
                r.pick(WORDS),
                r.pick(WORDS)
            ),
            _ => write!(
                s,
                "- name: {a}\n  image: registry.acme.io/{b}:{n}\n  env:\n    - name: {}\n      value: \"{url}\"\n",
                upper(r)
            ),
        },
        Kind::Json => writeln!(
            s,
            "  \"{a}_{n}\": {{ \"{b}\": \"{url}\", \"{c}\": {n}, \"enabled\": {}, \"label\": \"{say}\" }},",
            r.chance(500)
        ),
        Kind::Toml => write!(
            s,
            "[{a}]\n# {say}\n{b} = \"{url}\"\n{c} = {n}\nenabled = true\n\n"
        ),
        Kind::Env => writeln!(
            s,
            "{}={}",
            upper(r),
            if r.chance(300) { url } else { n.to_string() }
        ),
        Kind::Other => write!(
            s,
            "<div class=\"{a}\">\n  <p>{say}</p>\n  <a href=\"{url}\">{b}</a>\n</div>\n.{b} {{ margin: {n}px; color: #333; }}\n"
        ),
        Kind::Binary => {
            s.push_str("\u{0}\u{0}\u{0}\rIHDR\u{0}\u{0}\u{1}\u{0}");
            for _ in 0..64 {
                s.push(char::from(b'a' + r.below(26) as u8));
            }
            Ok(())
        }
    };
}

fn header(k: Kind, r: &mut Rng) -> String {
    let (t1, say) = (pascal(r), sentence(r));
    match k {
        Kind::Rs => format!(
            "//! {say}\n\nuse std::collections::HashMap;\nuse crate::{}::{t1};\n\n",
            snake(r)
        ),
        Kind::Ts | Kind::Js => format!(
            "// {say}\nimport {{ {t1} }} from './{}';\nconst BASE = process.env.BASE_URL;\n\n",
            camel(r)
        ),
        Kind::Py => format!(
            "\"\"\"{say}\"\"\"\nimport logging\nfrom .{} import {t1}\n\nlogger = logging.getLogger(__name__)\n\n\n",
            snake(r)
        ),
        Kind::Go => format!(
            "// Package {} {say}\npackage {}\n\nimport (\n\t\"context\"\n\t\"fmt\"\n)\n\n",
            snake(r).replace('_', ""),
            snake(r).replace('_', "")
        ),
        Kind::Java => format!(
            "package com.acme.{};\n\nimport java.util.*;\n\n/** {say} */\npublic class {t1} {{\n",
            snake(r).replace('_', "")
        ),
        Kind::Rb => format!("# frozen_string_literal: true\n\n# {say}\nclass {t1}\n"),
        Kind::Php => format!("<?php\n\nnamespace App\\{t1};\n\n/** {say} */\nclass {t1}\n{{\n"),
        Kind::Sh => format!("#!/usr/bin/env bash\n# {say}\nset -euo pipefail\n\n"),
        Kind::Md => format!("# {t1}\n\n{say}\n\n"),
        Kind::Json => "{\n".to_string(),
        Kind::Binary => "\u{89}PNG\r\n\u{1a}\n".to_string(),
        _ => String::new(),
    }
}

fn footer(k: Kind) -> &'static str {
    match k {
        Kind::Java | Kind::Php => "}\n",
        Kind::Rb => "end\n",
        Kind::Json => "  \"end\": true\n}\n",
        _ => "",
    }
}

/// A finding the generator planted: `path rule/id` (path relative to the corpus root).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Planted {
    pub path: String,
    pub rule: &'static str,
    pub id: &'static str,
}

/// A LinkedIn call site in `k`, with the findings it must produce (rule, id).
fn planted(k: Kind, r: &mut Rng) -> Option<(String, &'static [(&'static str, &'static str)])> {
    const ME: &[(&str, &str)] = &[("endpoint-deprecated", "v2-me")];
    const SCOPES: &[(&str, &str)] = &[
        ("scope-deprecated", "r-liteprofile"),
        ("scope-deprecated", "r-emailaddress"),
    ];
    const VERSION: &[(&str, &str)] = &[("version-sunset", "version-sunset-dated")];
    const UGC: &[(&str, &str)] = &[("endpoint-deprecated", "v2-ugc-posts")];
    let variant = r.below(4);
    let (code, found): (String, &[(&str, &str)]) = match (k, variant) {
        (Kind::Rs, 0) => ("pub fn linkedin_me_url() -> String {\n    String::from(\"https://api.linkedin.com/v2/me\")\n}\n\n".into(), ME),
        (Kind::Rs, 1) => ("pub const LINKEDIN_SCOPES: &[&str] = &[\"r_liteprofile\", \"r_emailaddress\"];\n\n".into(), SCOPES),
        (Kind::Rs, 2) => ("pub const LINKEDIN_VERSION: &str = \"202304\";\n\n".into(), VERSION),
        (Kind::Rs, _) => ("const LINKEDIN_POSTS: &str = \"https://api.linkedin.com/v2/ugcPosts\";\n\n".into(), UGC),
        (Kind::Ts | Kind::Js, 0) => ("export const linkedinMe = () => fetch('https://api.linkedin.com/v2/me');\n\n".into(), ME),
        (Kind::Ts | Kind::Js, 1) => ("const LINKEDIN_SCOPES = ['r_liteprofile', 'r_emailaddress'];\n\n".into(), SCOPES),
        (Kind::Ts | Kind::Js, 2) => ("const linkedinHeaders = { 'LinkedIn-Version': '202304', 'X-Restli-Protocol-Version': '2.0.0' };\n\n".into(), VERSION),
        (Kind::Ts | Kind::Js, _) => ("await axios.post('https://api.linkedin.com/v2/ugcPosts', body);\n\n".into(), UGC),
        (Kind::Py, 0) => ("LINKEDIN_ME = \"https://api.linkedin.com/v2/me\"\n\n".into(), ME),
        (Kind::Py, 1) => ("LINKEDIN_SCOPES = [\"r_liteprofile\", \"r_emailaddress\"]\n\n".into(), SCOPES),
        (Kind::Py, 2) => ("LINKEDIN_HEADERS = {\"LinkedIn-Version\": \"202304\"}\n\n".into(), VERSION),
        (Kind::Py, _) => ("resp = requests.post(\"https://api.linkedin.com/v2/ugcPosts\", json=body)\n\n".into(), UGC),
        (Kind::Go, 0) => ("const linkedInMe = \"https://api.linkedin.com/v2/me\"\n\n".into(), ME),
        (Kind::Go, 1) => ("var linkedInScopes = []string{\"r_liteprofile\", \"r_emailaddress\"}\n\n".into(), SCOPES),
        (Kind::Go, 2) => ("func linkedInHeaders(req *http.Request) {\n\treq.Header.Set(\"LinkedIn-Version\", \"202304\")\n}\n\n".into(), VERSION),
        (Kind::Go, _) => ("const linkedInPosts = \"https://api.linkedin.com/v2/ugcPosts\"\n\n".into(), UGC),
        (Kind::Java, 0) => ("    private static final String LINKEDIN_ME = \"https://api.linkedin.com/v2/me\";\n\n".into(), ME),
        (Kind::Java, 1) => ("    private static final List<String> LINKEDIN_SCOPES = List.of(\"r_liteprofile\", \"r_emailaddress\");\n\n".into(), SCOPES),
        (Kind::Java, 2) => ("    void linkedin(HttpURLConnection c) {\n        c.setRequestProperty(\"LinkedIn-Version\", \"202304\");\n    }\n\n".into(), VERSION),
        (Kind::Java, _) => ("    private static final String LINKEDIN_POSTS = \"https://api.linkedin.com/v2/ugcPosts\";\n\n".into(), UGC),
        (Kind::Rb, 0 | 3) => ("  LINKEDIN_ME = 'https://api.linkedin.com/v2/me'\n\n".into(), ME),
        (Kind::Rb, 1) => ("  LINKEDIN_SCOPES = %w[r_liteprofile r_emailaddress].freeze\n\n".into(), SCOPES),
        (Kind::Rb, _) => ("  LINKEDIN_HEADERS = { 'LinkedIn-Version' => '202304' }.freeze\n\n".into(), VERSION),
        (Kind::Php, 0 | 3) => ("    private const LINKEDIN_ME = 'https://api.linkedin.com/v2/me';\n\n".into(), ME),
        (Kind::Php, 1) => ("    private const LINKEDIN_SCOPES = ['r_liteprofile', 'r_emailaddress'];\n\n".into(), SCOPES),
        (Kind::Php, _) => ("    private const LINKEDIN_HEADERS = ['LinkedIn-Version' => '202304'];\n\n".into(), VERSION),
        (Kind::Sh, _) => ("curl -fsS -H \"Authorization: Bearer $TOKEN\" \"https://api.linkedin.com/v2/me\"\n\n".into(), ME),
        (Kind::Yaml, 0 | 1) => ("linkedin:\n  scopes:\n    - r_liteprofile\n    - r_emailaddress\n".into(), SCOPES),
        (Kind::Yaml, _) => ("linkedin:\n  api_version: \"202304\"\n".into(), VERSION),
        (Kind::Env, _) => ("LINKEDIN_API_VERSION=202304\n".into(), VERSION),
        (Kind::Toml, _) => ("[linkedin]\napi_version = \"202304\"\n\n".into(), VERSION),
        _ => return None,
    };
    Some((code, found))
}

/// What [`generate`] wrote.
#[derive(Debug, Default)]
pub struct Corpus {
    pub root: PathBuf,
    /// Files outside `build/` (what the linter should walk; includes non-source files).
    pub files: usize,
    pub bytes: u64,
    /// Files under the ignored `build/`.
    pub ignored_files: usize,
    pub planted: Vec<Planted>,
    /// 20 files for the pre-commit case (relative paths).
    pub precommit: Vec<String>,
}

/// Write the corpus of `n` files (plus `n/10` under the ignored `build/`) into `root`.
pub fn generate(root: &Path, n: usize, seed: u64) -> std::io::Result<Corpus> {
    let mut r = Rng::new(seed ^ n as u64);
    let mut c = Corpus {
        root: root.to_path_buf(),
        ..Corpus::default()
    };
    std::fs::create_dir_all(root)?;
    std::fs::write(root.join(".gitignore"), "# build output\nbuild/\n*.log\n")?;
    let per_dir = 25;
    let mut dir = PathBuf::new();
    let mut text = String::new();
    for i in 0..n {
        if i % per_dir == 0 {
            let pkg = i / (per_dir * 12);
            dir = PathBuf::from(format!(
                "packages/{}-{pkg}/src/{}{}",
                r.pick(WORDS).replace('_', "-"),
                r.pick(WORDS),
                i / per_dir
            ));
            std::fs::create_dir_all(root.join(&dir))?;
        }
        let kind = Kind::pick(&mut r);
        let name = if kind == Kind::Env && r.chance(300) {
            format!(".env.{}{i}", r.pick(&["local", "production", "test"]))
        } else {
            kind.file_name(&mut r, i)
        };
        let rel = dir.join(&name);
        let rel_s = rel.to_string_lossy().replace('\\', "/");
        // Size: mostly 1–8 KB, a few 8–64 KB, rare 64–256 KB.
        let size = match r.below(1000) {
            0..=4 => r.log_uniform(64 << 10, 256 << 10),
            5..=44 => r.log_uniform(8 << 10, 64 << 10),
            _ => r.log_uniform(1 << 10, 8 << 10),
        };
        let size = if kind == Kind::Env { size / 16 } else { size };
        text.clear();
        text.push_str(&header(kind, &mut r));
        let plant = if r.chance(10) {
            planted(kind, &mut r)
        } else {
            None
        };
        let plant_at = size / 2;
        let mut planted_done = plant.is_none();
        while text.len() < size {
            if !planted_done && text.len() >= plant_at {
                let (code, found) = plant.as_ref().expect("some");
                text.push_str(code);
                for (rule, id) in found.iter() {
                    c.planted.push(Planted {
                        path: rel_s.clone(),
                        rule,
                        id,
                    });
                }
                planted_done = true;
            }
            block(kind, &mut r, &mut text);
        }
        if !planted_done {
            let (code, found) = plant.as_ref().expect("some");
            text.push_str(code);
            for (rule, id) in found.iter() {
                c.planted.push(Planted {
                    path: rel_s.clone(),
                    rule,
                    id,
                });
            }
        }
        text.push_str(footer(kind));
        std::fs::write(root.join(&rel), text.as_bytes())?;
        c.files += 1;
        c.bytes += text.len() as u64;
        // Pre-commit sample: 20 source files spread over the tree, two with planted calls.
        if c.precommit.len() < 20
            && i % (n / 40).max(1) == 0
            && !matches!(kind, Kind::Other | Kind::Binary)
        {
            c.precommit.push(rel_s.clone());
        }
    }
    // The ignored build directory: generated bundles, some with LinkedIn URLs in them. If the
    // walker ever read it, the planted check below would see findings under build/.
    let nb = n / 10;
    for i in 0..nb {
        let d = root.join(format!("build/gen/chunk{}", i / 200));
        if i % 200 == 0 {
            std::fs::create_dir_all(&d)?;
        }
        let kind = r.pick(&[Kind::Js, Kind::Rs, Kind::Py, Kind::Json]);
        text.clear();
        text.push_str(&header(kind, &mut r));
        let size = r.log_uniform(1 << 10, 16 << 10);
        while text.len() < size {
            block(kind, &mut r, &mut text);
        }
        if i % 20 == 0 {
            text.push_str("const LINKEDIN = 'https://api.linkedin.com/v2/me';\n");
        }
        text.push_str(footer(kind));
        std::fs::write(d.join(kind.file_name(&mut r, i)), text.as_bytes())?;
        c.ignored_files += 1;
    }
    c.planted.sort();
    // Make sure a couple of the pre-commit files carry planted findings.
    let mut with_findings: Vec<String> = c.planted.iter().map(|p| p.path.clone()).collect();
    with_findings.dedup();
    for (slot, p) in with_findings.into_iter().take(2).enumerate() {
        if let Some(x) = c.precommit.get_mut(slot * 7) {
            *x = p;
        }
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        let mut stack = vec![root.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    out.push((
                        p.strip_prefix(root).unwrap().to_path_buf(),
                        std::fs::read(&p).unwrap(),
                    ));
                }
            }
        }
        out.sort();
        out
    }

    #[test]
    fn same_seed_same_bytes_and_planted_findings_are_counted() {
        let (a, b) = (tempfile_dir("a"), tempfile_dir("b"));
        let ca = generate(&a, 400, 7).unwrap();
        let cb = generate(&b, 400, 7).unwrap();
        assert_eq!(tree(&a), tree(&b));
        assert_eq!(ca.planted, cb.planted);
        assert_eq!(ca.files, 400);
        assert_eq!(ca.ignored_files, 40);
        assert!(!ca.planted.is_empty());
        assert_eq!(ca.precommit.len(), 20);
        assert!(a.join(".gitignore").is_file());
        let _ = std::fs::remove_dir_all(&a);
        let _ = std::fs::remove_dir_all(&b);
    }

    fn tempfile_dir(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("xtask-corpus-{}-{tag}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }
}
