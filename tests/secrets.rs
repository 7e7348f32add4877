//! No output ever shows a credential. Realistic LinkedIn access tokens (`AQ…`, 170+
//! characters), client secrets, `Bearer` headers and credentials in URL query strings and form
//! bodies are planted in every language and config form the tool reads; every output format,
//! `--diff`, the `--write-baseline` file, standard error and `explain-error` are searched for
//! any 16-character piece of them.
// linkedin-lint: allow-file(endpoint-deprecated) -- test inputs

mod common;

use std::path::Path;

use common::{TODAY, bin};

/// Deterministic pseudo-random characters from `alphabet` (a xorshift), so the test needs no
/// committed secrets and no randomness.
fn random(seed: u64, n: usize, alphabet: &[u8]) -> String {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            alphabet[(x % alphabet.len() as u64) as usize] as char
        })
        .collect()
}

const B64URL: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

struct Secrets {
    /// A member access token as LinkedIn issues them: `AQ` + a long base64url run.
    token: String,
    /// A second token, only ever in URL query strings.
    query_token: String,
    /// A client secret in today's shape (`WPL_AP1.….…==`).
    secret: String,
    /// An older 16-character client secret.
    short_secret: String,
}

impl Secrets {
    fn new() -> Secrets {
        Secrets {
            token: format!("AQV{}", random(0x9e37_79b9_7f4a_7c15, 175, B64URL)),
            query_token: format!("AQX{}", random(0x2545_f491_4f6c_dd1d, 160, B64URL)),
            secret: format!(
                "WPL_AP1.{}.{}==",
                random(0xda94_2042_e4dd_58b5, 16, ALNUM),
                random(0x1234_5678_9abc_def1, 8, ALNUM)
            ),
            short_secret: format!("x{}7", random(0x0bad_cafe_f00d_0001, 14, ALNUM)),
        }
    }

    fn all(&self) -> [&str; 4] {
        [
            &self.token,
            &self.query_token,
            &self.secret,
            &self.short_secret,
        ]
    }

    /// Any 16-character piece of a secret in `text`, with its context.
    fn leak(&self, text: &str) -> Option<String> {
        for s in self.all() {
            for i in 0..=s.len().saturating_sub(16) {
                let piece = &s[i..i + 16];
                if let Some(at) = text.find(piece) {
                    let from = text[..at].rfind('\n').map_or(0, |i| i + 1);
                    let to = text[at..].find('\n').map_or(text.len(), |i| at + i);
                    return Some(format!("`{piece}` in: {}", &text[from..to]));
                }
            }
        }
        None
    }
}

/// One file per form the tool reads, each with LinkedIn findings next to the credentials (so
/// snippets and diffs show those lines) and a sunset version that `--fix` rewrites.
fn files(s: &Secrets) -> Vec<(&'static str, String)> {
    let (t, q, c, c16) = (&s.token, &s.query_token, &s.secret, &s.short_secret);
    let url = format!("https://api.linkedin.com/v2/me?oauth2_access_token={q}");
    let form =
        format!("grant_type=authorization_code&code=abc&client_id=86abcdefgh&client_secret={c}");
    vec![
        (
            "src/client.rs",
            format!(
                "const LINKEDIN_VERSION: &str = \"202304\";\n\
                 const TOKEN: &str = \"{t}\";\n\
                 const LINKEDIN_CLIENT_SECRET: &str = \"{c}\";\n\
                 fn get() {{\n    let url = \"{url}\";\n    \
                 let auth = (\"Authorization\", \"Bearer {t}\");\n    \
                 let body = \"{form}\";\n    \
                 let query = \"https://www.linkedin.com/oauth/v2/accessToken?client_secret={c16}&access_token={q}\";\n}}\n"
            ),
        ),
        (
            "web/app.ts",
            format!(
                "const LINKEDIN_VERSION = '202304';\n\
                 const clientSecret = '{c}';\n\
                 const accessToken = \"{t}\";\n\
                 fetch('{url}', {{ headers: {{ Authorization: `Bearer {t}` }} }});\n\
                 const body = `{form}`;\n\
                 const old = {{ client_secret: '{c16}' }};\n"
            ),
        ),
        (
            "py/linkedin.py",
            format!(
                "LINKEDIN_VERSION = '202304'\n\
                 ACCESS_TOKEN = '{t}'\n\
                 CLIENT_SECRET = \"{c}\"\n\
                 requests.get('{url}', headers={{'Authorization': f'Bearer {t}'}})\n\
                 requests.post('https://www.linkedin.com/oauth/v2/accessToken', data='{form}')\n\
                 secret = '{c16}'\n"
            ),
        ),
        (
            "go/client.go",
            format!(
                "package li\n\nconst LinkedInVersion = \"202304\"\n\
                 var token = \"{t}\"\n\
                 const clientSecret = `{c}`\n\
                 func f() {{\n\treq.Header.Set(\"Authorization\", \"Bearer {t}\")\n\
                 \thttp.Get(\"{url}\")\n\thttp.Post(\"https://www.linkedin.com/oauth/v2/accessToken\", \"{form}\")\n}}\n"
            ),
        ),
        (
            "java/Client.java",
            format!(
                "class Client {{\n  static final String LINKEDIN_VERSION = \"202304\";\n  \
                 static final String ACCESS_TOKEN = \"{t}\";\n  \
                 static final String CLIENT_SECRET = \"{c}\";\n  \
                 void f() {{ get(\"{url}\"); header(\"Authorization\", \"Bearer {t}\"); post(\"{form}\"); }}\n}}\n"
            ),
        ),
        (
            "rb/client.rb",
            format!(
                "LINKEDIN_VERSION = '202304'\n\
                 TOKEN = '{t}'\n\
                 CLIENT_SECRET = \"{c}\"\n\
                 Net::HTTP.get(URI('{url}'))\n\
                 headers = {{ 'Authorization' => \"Bearer {t}\" }}\n\
                 body = '{form}'\n"
            ),
        ),
        (
            "php/client.php",
            format!(
                "<?php\nconst LINKEDIN_VERSION = '202304';\n\
                 $token = '{t}';\n\
                 $clientSecret = \"{c}\";\n\
                 file_get_contents('{url}');\n\
                 $h = ['Authorization: Bearer {t}'];\n\
                 $body = '{form}';\n"
            ),
        ),
        (
            "scripts/call.sh",
            format!(
                "#!/bin/sh\nLINKEDIN_VERSION=202304\n\
                 curl -H 'LinkedIn-Version: 202304' -H \"Authorization: Bearer {t}\" \"{url}\"\n\
                 curl https://api.linkedin.com/v2/me?oauth2_access_token={q}\n\
                 curl -X POST https://www.linkedin.com/oauth/v2/accessToken -d '{form}'\n\
                 curl -X POST https://www.linkedin.com/oauth/v2/accessToken -d client_secret={c16}\n\
                 export LINKEDIN_ACCESS_TOKEN={t}\n"
            ),
        ),
        (
            "config/app.yaml",
            format!(
                "linkedin:\n  version: \"202304\"\n  access_token: {t}\n  client_secret: \"{c}\"\n  \
                 profile_url: {url}\n  token_request: \"{form}\"\n  headers:\n    \
                 Authorization: Bearer {t}\n"
            ),
        ),
        (
            "config/app.toml",
            format!(
                "[linkedin]\nversion = \"202304\"\naccess_token = \"{t}\"\n\
                 client_secret = \"{c}\"\nurl = \"{url}\"\nauthorization = \"Bearer {t}\"\n"
            ),
        ),
        (
            "config/app.json",
            format!(
                "{{\n  \"linkedinVersion\": \"202304\",\n  \"accessToken\": \"{t}\",\n  \
                 \"clientSecret\": \"{c}\",\n  \"url\": \"{url}\",\n  \
                 \"headers\": {{ \"Authorization\": \"Bearer {t}\" }},\n  \"body\": \"{form}\"\n}}\n"
            ),
        ),
        (
            ".env",
            format!(
                "LINKEDIN_VERSION=202304\nLINKEDIN_ACCESS_TOKEN={t}\nLINKEDIN_CLIENT_SECRET={c}\n\
                 LINKEDIN_PROFILE_URL={url}\nLINKEDIN_SECRET={c16}\n"
            ),
        ),
        (
            "docs/linkedin.md",
            format!(
                "# LinkedIn\n\nCall `https://api.linkedin.com/v2/me` with `LinkedIn-Version: 202304`.\n\n\
                 Our token is {t} and the secret is client_secret={c16}.\n\n\
                 Try {url} in a browser.\n\n\
                 ```sh\ncurl -H \"Authorization: Bearer {t}\" -H 'LinkedIn-Version: 202304' {url}\n\
                 curl -d '{form}' https://www.linkedin.com/oauth/v2/accessToken\n```\n\n\
                 ```python\nLINKEDIN_VERSION = '202304'\nCLIENT_SECRET = '{c}'\n```\n"
            ),
        ),
    ]
}

fn run(dir: &Path, args: &[&str]) -> (String, String) {
    let out = bin()
        .current_dir(dir)
        .args(["check", ".", "--today", TODAY, "--color", "never"])
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn no_output_shows_a_planted_credential() {
    let s = Secrets::new();
    let files = files(&s);
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in &files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let mut leaks = Vec::new();
    let mut check = |what: &str, text: &str| {
        if let Some(l) = s.leak(text) {
            leaks.push(format!("{what}: {l}"));
        }
    };
    for format in [
        "human", "rustc", "short", "json", "jsonl", "sarif", "github",
    ] {
        let (out, err) = run(dir.path(), &["--format", format]);
        assert!(
            out.len() > 500,
            "{format}: too little output:\n{out}\n{err}"
        );
        check(&format!("--format {format}"), &out);
        check(&format!("--format {format} (stderr)"), &err);
    }
    let (out, err) = run(dir.path(), &["--diff", "--unsafe-fixes"]);
    assert!(out.contains("+++ "), "no diff:\n{out}\n{err}");
    check("--diff", &out);
    check("--diff (stderr)", &err);
    let (out, err) = run(dir.path(), &["--write-baseline", "baseline.json"]);
    let baseline = std::fs::read_to_string(dir.path().join("baseline.json")).unwrap();
    assert!(baseline.contains("\"entries\""), "{baseline}");
    check("--write-baseline file", &baseline);
    check("--write-baseline", &(out + &err));

    // Every file has a finding, so each one's lines were shown somewhere above.
    let (json, _) = run(dir.path(), &["--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    for (path, _) in &files {
        assert!(
            doc["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["path"] == *path),
            "no finding in {path}"
        );
    }
    assert!(
        leaks.is_empty(),
        "{} leaks:\n{}",
        leaks.len(),
        leaks.join("\n")
    );
}

/// Credentials in URL query strings and form bodies are findings (in LinkedIn context), not
/// only masked.
#[test]
fn query_string_credentials_are_hardcoded_token_findings() {
    let s = Secrets::new();
    let q = &s.query_token;
    let dir = common::tree(&[
        (
            "a.py",
            &format!("URL = 'https://api.linkedin.com/v2/userinfo?oauth2_access_token={q}'\n"),
        ),
        (
            "b.js",
            &format!(
                "post('https://www.linkedin.com/oauth/v2/accessToken', 'grant_type=x&client_secret={}');\n",
                s.secret
            ),
        ),
        (
            "c.sh",
            &format!("curl 'https://api.linkedin.com/rest/posts?access_token={q}'\n"),
        ),
        // Not LinkedIn: masked, but not a finding of this tool.
        (
            "d.py",
            &format!("URL = 'https://graph.example.com/me?access_token={q}'\n"),
        ),
    ]);
    let (out, _) = run(dir.path(), &["--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let tokens: Vec<(String, String)> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "hardcoded-token")
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("a.py", "access-token-literal"),
        ("b.js", "client-secret-literal"),
        ("c.sh", "access-token-literal"),
    ]
    .map(|(p, i)| (p.to_string(), i.to_string()));
    assert_eq!(tokens, want, "{out}");
    assert!(s.leak(&out).is_none());
}

/// `explain-error` never echoes a credential from the response it explains.
#[test]
fn explain_error_does_not_echo_credentials() {
    let s = Secrets::new();
    let response = format!(
        "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer {t}\r\n\r\n\
         {{\"serviceErrorCode\":65600,\"message\":\"Invalid access token {t} for \
         /v2/me?oauth2_access_token={q}&client_secret={c}\",\"status\":401}}",
        t = s.token,
        q = s.query_token,
        c = s.secret
    );
    let out = bin()
        .args(["explain-error", "-"])
        .write_stdin(response)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{text}");
    assert!(s.leak(&text).is_none(), "{}", s.leak(&text).unwrap());
}
