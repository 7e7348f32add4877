//! Every language reader end to end: exact findings on tests/fixtures/polyglot, encodings,
//! line endings and precision cases.
// linkedin-lint: allow-file(endpoint-deprecated) -- test inputs

mod common;

use common::{brief, json, tree};

#[test]
fn polyglot_fixture_findings() {
    let (doc, code) = json(&["tests/fixtures/polyglot"]);
    assert_eq!(code, 1);
    let found: Vec<String> = brief(&doc)
        .into_iter()
        .filter(|f| !f.contains("version-inconsistent"))
        .map(|f| f.replace("tests/fixtures/polyglot/", ""))
        .collect();
    let expected = [
        // Spring `@Value("${linkedin.api.version:202304}")`: the default is the pinned version.
        "Client.java:2:36 version-sunset/version-sunset-dated",
        "Client.java:4:63 endpoint-deprecated/v2-me",
        "Client.java:5:70 version-sunset/version-sunset-dated",
        // C#: header value from a const; `$"{Api}/v2/me"` with the base const defined later.
        "Other.cs:2:29 version-sunset/version-sunset-dated",
        "Other.cs:3:102 endpoint-deprecated/v2-me",
        "app.properties:1:22 version-sunset/version-sunset-dated",
        "app.properties:2:16 scope-deprecated/r-liteprofile",
        "app.properties:2:30 scope-deprecated/r-emailaddress",
        // PHP: `$base . '/v2/ugcPosts'`, array headers, `"$base/v2/me"`.
        "client.php:3:17 endpoint-deprecated/v2-ugc-posts",
        "client.php:4:36 version-sunset/version-sunset-policy",
        "client.php:4:77 restli-protocol/restli-protocol-2",
        "client.php:5:13 endpoint-deprecated/v2-me",
        // Ruby: `%w[]`, `#{BASE}`, hash rockets, `option :scope, :default => '…'`.
        "client.rb:2:14 scope-deprecated/r-liteprofile",
        "client.rb:2:28 scope-deprecated/r-emailaddress",
        "client.rb:5:17 endpoint-deprecated/v2-me",
        "client.rb:5:60 version-sunset/version-sunset-policy",
        "client.rb:7:31 scope-deprecated/r-liteprofile",
        "client.rb:7:45 scope-deprecated/r-emailaddress",
        // TypeScript: template literals, header objects (any casing), `${encodeURIComponent("…")}`.
        "client.ts:4:34 version-sunset/version-sunset-dated",
        "client.ts:7:47 endpoint-deprecated/v2-me",
        "client.ts:13:25 scope-deprecated/r-liteprofile",
        "client.ts:13:42 scope-deprecated/r-emailaddress",
        "client.ts:14:113 scope-deprecated/r-liteprofile",
        "client.ts:14:127 scope-deprecated/r-emailaddress",
        "client.ts:15:80 version-sunset/version-sunset-policy",
        "conf.json:1:32 version-sunset/version-sunset-policy",
        "conf.json:1:78 endpoint-deprecated/ad-analytics-v2",
        // Python: header dict from a const, tuple of scopes, concatenation across lines.
        "connector.py:4:16 version-sunset/version-sunset-policy",
        "connector.py:7:25 scope-deprecated/r-ad-campaigns",
        "connector.py:14:18 endpoint-deprecated/ad-campaigns-v2",
        // Clojure: `(def PROFILE-URL "…")` with a v1 field selector, a vector of scopes.
        "gateway.clj:6:42 endpoint-deprecated/v1-people",
        "gateway.clj:9:23 scope-deprecated/r-liteprofile",
        // A map pairs keys and values by position, a `let` vector names and values
        // (`[linkedin-version "202304"]`, `{"LinkedIn-Version" linkedin-version}`).
        "gateway.clj:22:27 version-sunset/version-sunset-dated",
        "gateway.clj:27:56 restli-protocol/restli-protocol-2",
        // Go: integer const, `req.Header.Set`, raw string joined with `+`.
        // Elixir: module attributes (`@scopes "…"`), a path whose `#{…}` holds quotes of
        // its own, joined to `@api_base` by a private helper (`@api_base <> path`).
        "linkedin_client.ex:7:12 scope-deprecated/r-liteprofile",
        "linkedin_client.ex:11:20 endpoint-deprecated/v2-people",
        "linkedin_client.ex:14:47 endpoint-deprecated/v2-ugc-posts",
        "main.go:4:25 version-sunset/version-sunset-policy",
        "main.go:7:38 version-sunset/version-sunset-policy",
        "main.go:8:35 auth-scheme/bearer-scheme",
        "main.go:9:18 endpoint-deprecated/v2-shares",
        // Shell: curl -H header lines, `$API/rest/posts`, a misspelled header.
        "post.sh:4:25 version-sunset/version-sunset-policy",
        "post.sh:7:30 endpoint-deprecated/v2-ugc-posts",
        "post.sh:7:47 version-missing/version-header-misspelled",
        // A notebook: the code cell read whole as Python (the header key binds its value
        // across the cell's lines), placed on the JSON lines; not the Markdown cell, not the
        // cell's printed output.
        "report.ipynb:29:34 version-sunset/version-sunset-policy",
        "report.ipynb:32:53 endpoint-deprecated/v2-organizational-entity-follower-statistics",
        "settings.toml:2:12 version-sunset/version-sunset-policy",
        "settings.toml:3:12 scope-deprecated/r-liteprofile",
    ];
    assert_eq!(found, expected);
}

fn one(file: &str, bytes: &[u8]) -> (serde_json::Value, tempfile::TempDir) {
    let dir = tree(&[]);
    std::fs::write(dir.path().join(file), bytes).unwrap();
    let (doc, _) = json(&[dir.path().join(file).to_str().unwrap()]);
    (doc, dir)
}

#[test]
fn latin1_file_spans_point_at_the_right_characters() {
    // "é" is one byte in Latin-1; columns count characters, byte offsets are into the file.
    let bytes = b"# R\xe9sum\xe9 export\nME = \"https://api.linkedin.com/v2/me\"\n";
    let (doc, _d) = one("export.py", bytes);
    let f = &doc["findings"][0];
    assert_eq!(f["id"], "v2-me");
    assert_eq!(
        f["span"]["start"],
        serde_json::json!({"line": 2, "column": 31})
    );
    let (s, e) = (
        f["span"]["byte_start"].as_u64().unwrap() as usize,
        f["span"]["byte_end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&bytes[s..e], b"/v2/me");
}

#[test]
fn utf16_file_is_read() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in "const u = 'https://api.linkedin.com/v2/ugcPosts';\n".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    let (doc, _d) = one("post.js", &bytes);
    let f = &doc["findings"][0];
    assert_eq!(f["id"], "v2-ugc-posts");
    assert_eq!(
        f["span"]["start"],
        serde_json::json!({"line": 1, "column": 36})
    );
    let s = f["span"]["byte_start"].as_u64().unwrap() as usize;
    assert_eq!(s, 2 + 2 * 35, "UTF-16 byte offset of column 36");
}

#[test]
fn crlf_and_multibyte_columns() {
    let src = "// ünïcödé\r\nconst V: &str = \"202304\"; // 🙂\r\nfn f() { h.header(\"LinkedIn-Version\", V); }\r\n";
    let (doc, _d) = one("v.rs", src.as_bytes());
    let f = &doc["findings"][0];
    assert_eq!(f["id"], "version-sunset-dated");
    assert_eq!(
        f["span"]["start"],
        serde_json::json!({"line": 2, "column": 18})
    );
    let (s, e) = (
        f["span"]["byte_start"].as_u64().unwrap() as usize,
        f["span"]["byte_end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&src[s..e], "202304");
}

#[test]
fn precision_other_apis_comments_and_identifiers() {
    let dir = tree(&[
        // Another API's `/v2/me`, no LinkedIn anywhere in code.
        (
            "twitter.py",
            "# Posts to LinkedIn later\nBASE = 'https://api.twitter.com'\nME = BASE + '/v2/me'\nURL = '/v2/me'\n",
        ),
        // LinkedIn file, but this literal has another host.
        (
            "mixed.ts",
            "const LI = 'https://api.linkedin.com/v2/userinfo';\nconst GH = 'https://api.github.com/v2/me';\n",
        ),
        // Identifier substrings and prose are not scopes.
        (
            "db.py",
            "def alter_emailaddress(x):\n    return 'alter_emailaddress'\n",
        ),
        // Current scopes and an active version.
        (
            "ok.js",
            "const scope = 'openid profile email w_member_social';\nconst h = { 'LinkedIn-Version': '202603' };\n",
        ),
        // Commented-out code is not reported.
        (
            "old.go",
            "package x\n// req.Header.Set(\"LinkedIn-Version\", \"202301\") // api.linkedin.com/v2/me\nvar u = \"https://api.linkedin.com/v2/userinfo\"\n",
        ),
    ]);
    let (doc, code) = json(&[dir.path().to_str().unwrap()]);
    assert_eq!(brief(&doc), Vec::<String>::new());
    assert_eq!(code, 0);
}

#[test]
fn version_missing_unless_a_helper_sets_it() {
    let dir = tree(&[
        (
            "client.ts",
            "export const LINKEDIN_VERSION = '202603';\nexport function liHeaders() { return { 'LinkedIn-Version': LINKEDIN_VERSION }; }\n",
        ),
        (
            "posts.ts",
            "import { liHeaders } from './client';\nfetch('https://api.linkedin.com/rest/posts', { headers: liHeaders() });\n",
        ),
        (
            "ads.ts",
            "fetch('https://api.linkedin.com/rest/adAccounts?q=search');\n",
        ),
    ]);
    let (doc, _) = json(&[dir.path().to_str().unwrap()]);
    let found: Vec<String> = brief(&doc)
        .into_iter()
        .map(|f| {
            f.rsplit('/')
                .take(3)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("ads.ts:1:32 version-missing/rest-without-version"),
        "{found:?}"
    );
}
