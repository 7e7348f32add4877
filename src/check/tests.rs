// linkedin-lint: allow-file(endpoint-deprecated, scope-deprecated, hardcoded-token) -- unit-test inputs (fake credentials)

use super::*;
use super::{endpoints::*, headers::*, secrets::*};

#[test]
fn auth_value_with_multibyte_char_at_seven() {
    // Found by the `readers` fuzz target: `value[..7]` cut a multi-byte char.
    let linter = crate::Linter::builder()
        .today("2026-11-23")
        .build()
        .unwrap();
    let src = "const API = \"https://api.linkedin.com\";\nconst h = {\"Authorization\": \"Token \u{93}x\"};\n";
    let scan = linter.check_text("a.ts", src);
    assert!(scan.findings.iter().any(|f| f.id == "bearer-scheme"));
}

/// Modelled on a multi-platform scheduler's token refresher (round 25): LinkedIn refreshed
/// with form credentials, Pinterest with `Basic`; only a non-`Bearer` LinkedIn value counts.
#[test]
fn basic_credentials_are_another_services() {
    let linter = crate::Linter::builder()
        .today("2026-11-23")
        .build()
        .unwrap();
    let src = r#"<?php
class ConnectionVerifier
{
    private function refreshLinkedInToken($account): void
    {
        $response = Http::asForm()->post('https://www.linkedin.com/oauth/v2/accessToken', [
            'grant_type' => 'refresh_token',
        ]);
    }

    private function refreshPinterestToken($account): void
    {
        $response = Http::withHeaders([
            'Authorization' => "Basic {$credentials}",
        ])->asForm()->post(config('platforms.pinterest.api').'/oauth/token', []);
        $other = Http::withHeaders(['Authorization' => "Token {$token}"]);
    }
}
"#;
    let scan = linter.check_text("app/Services/ConnectionVerifier.php", src);
    let lines: Vec<(usize, &str)> = scan
        .findings
        .iter()
        .map(|f| (f.span.start.line, f.id.as_str()))
        .collect();
    assert_eq!(lines, [(16, "bearer-scheme")]);
}

/// Modelled on a Fastify app's OAuth tests (round 26): `nock` expectations for each
/// provider in one file, GitHub's with its own `token` scheme; the same header sent to
/// LinkedIn (or to no URL the call names) is still judged.
#[test]
fn another_apis_request_headers_are_not_linkedins() {
    let js = r#"const nock = require('nock')
function mockLinkedin () {
  nock('https://api.linkedin.com', {
    reqheaders: { Authorization: 'OAuth my-access-token' }
  }).get('/v2/userinfo').reply(200, {})
}
function mockGithub () {
  nock('https://api.github.com', {
    reqheaders: {
      Authorization: 'token my-access-token',
      'User-Agent': 'Roomler APP'
    }
  }).get('/user').reply(200, {})
  const h = { Authorization: 'token my-access-token' }
}
"#;
    assert_eq!(
        found_ids("packages/tests/api/.common/oauth-ops.js", js),
        ["4 bearer-scheme", "14 bearer-scheme"]
    );
}

/// Modelled on a Play app's sign-in (round 29): Scala's `"key" -> value` pairs name a
/// header as `=>` does; a lambda's `x -> "v"` names nothing.
#[test]
fn scala_arrow_pairs_name_headers() {
    let scala = r#"class UserInfoProvider(ws: WSClient) {
  def linkedIn(token: String) =
    ws.url("https://api.linkedin.com/v2/userinfo")
      .addHttpHeaders("Authorization" -> s"Bearer $token", "LinkedIn-Version" -> "202502")
      .get()
  val labels = versions.map(version -> "202502")
}
"#;
    assert_eq!(
        found_ids("app/services/UserInfoProvider.scala", scala),
        ["4 version-sunset-dated"]
    );
}

/// Modelled on an integrations platform's provider catalog (round 30): each provider keeps its
/// own base, check endpoint and version header; only LinkedIn's entry is LinkedIn's. An app's
/// own `linkedin` config, whose only URL is its callback, is still judged.
#[test]
fn another_providers_config_section_is_not_linkedins() {
    let yaml = r#"cin7-core:
    display_name: Cin7 Core
    proxy:
        base_url: https://inventory.dearsystems.com/externalapi
        verification:
            method: GET
            endpoints:
                - /v2/me
teamtailor:
    proxy:
        base_url: https://${connectionConfig.extension}.teamtailor.com
        headers:
            x-api-version: '20210218'
linkedin:
    display_name: LinkedIn
    authorization_url: https://www.linkedin.com/oauth/v2/authorization
    proxy:
        base_url: https://api.linkedin.com
        verification:
            endpoints:
                - /v2/me
"#;
    assert_eq!(
        found_ids("packages/providers/providers.yaml", yaml),
        ["21 v2-me"]
    );
    let app = "linkedin:
  redirect_uri: https://myapp.example.com/auth/callback
  scope: r_liteprofile
";
    assert_eq!(found_ids("config/social.yaml", app), ["3 r-liteprofile"]);
}

#[test]
fn slashless_requirement_path_before_multibyte_char() {
    // Found by the `readers` fuzz target: `rest/meÿ` (no leading slash) was measured with
    // the slash, so the span ended inside `ÿ`.
    let linter = crate::Linter::builder()
        .today("2026-11-23")
        .build()
        .unwrap();
    // Also with an ASCII character after the path: the span must not take it in.
    for tail in ["\u{ff}", "?x=1"] {
        let src = format!(
            "const linkedin = 1;\nconst u = \"rest/me{tail}\";\nconst s = [\"r_liteprofile\"];\n"
        );
        let scan = linter.check_text("a.ts", &src);
        let f = scan
            .findings
            .iter()
            .find(|f| f.id == "rest-me-basicprofile")
            .expect("requirement finding");
        assert_eq!(
            &src[f.span.byte_start..f.span.byte_end],
            "rest/me",
            "{tail}"
        );
    }
}

/// linkedin_engagement_manager's onboarding checklist: `{"key": "linkedin_session", …}` is
/// two edits from `linkedinversion` but names a session, not a header; a real misspelling
/// is still reported.
#[test]
fn a_misspelt_version_header_keeps_its_v() {
    let linter = linter();
    let src = "LINKEDIN_API = 'https://api.linkedin.com/rest'\nitems = [\n    {\"key\": \"linkedin_session\", \"label\": \"LinkedIn session\"},\n]\nheaders = {\"Linkedin-Versoin\": \"202606\"}\n";
    let scan = linter.check_text("app/main.py", src);
    let misspelt: Vec<_> = scan
        .findings
        .iter()
        .filter(|f| f.id == "version-header-misspelled")
        .map(|f| f.span.start.line)
        .collect();
    assert_eq!(misspelt, [5]);
}

/// linkedin_engagement_manager's poster test: `assert "ugcPosts" in str(create_call)` looks
/// for the word in a mocked call; the bare resource name handed to the client is requested.
#[test]
fn a_membership_test_requests_nothing() {
    let linter = linter();
    let src = "from linkedin_api.clients.restli.client import RestliClient\n\ndef test_share(mock_client):\n    mock_client.create(resource_path=\"/ugcPosts\", entity={})\n    create_call = mock_client.create.call_args\n    assert \"ugcPosts\" in str(create_call)\n    assert 'ugcPosts' in(create_call.kwargs)\n";
    let scan = linter.check_text("tests/test_poster.py", src);
    let lines: Vec<_> = scan
        .findings
        .iter()
        .filter(|f| f.id == "v2-ugc-posts")
        .map(|f| f.span.start.line)
        .collect();
    assert_eq!(lines, [4]);
}

/// The early exit of `split_header_line` gives the definition's answer ([`header_line`]).
#[test]
fn header_line_split_agrees_with_its_definition() {
    for v in [
        "LinkedIn-Version: 202609",
        "  LinkedIn-Version :202609  ",
        "LinkedIn-Version:",
        "Authorization: Bearer x:y",
        "https://api.linkedin.com/v2/me",
        "a b: c",
        "a_b: c",
        ": x",
        "",
        "   ",
        "word",
        "some prose, with a colon: here",
        "\u{a0}LinkedIn-Version\u{3000}: 202609",
        "Linked\u{e9}In: x",
        "X-Restli-Protocol-Version:2.0.0",
        "\tAccept:\tapplication/json\n",
    ] {
        assert_eq!(split_header_line(v), header_line(v), "{v:?}");
    }
}

#[test]
fn bounded_edit_distance_agrees_with_the_table() {
    for (a, b) in [
        ("linkedinversion", "linkedinversion"),
        ("linkedinverison", "linkedinversion"),
        ("linkdinversion", "linkedinversion"),
        ("xlinkedinversion", "linkedinversion"),
        ("linkedin", "linkedinversion"),
        ("usercache", "linkedinversion"),
        ("", "ab"),
    ] {
        for max in 0..4 {
            let table = edit_distance(a, b) <= max;
            assert_eq!(within_edit_distance(a, b, max), table, "{a} {b} {max}");
        }
    }
}

#[test]
fn bare_token_placeholders() {
    assert!(bare_token_placeholder("${LI_TOKEN}"));
    assert!(bare_token_placeholder("$ACCESS_TOKEN"));
    assert!(bare_token_placeholder("{token}"));
    assert!(!bare_token_placeholder("${AUTH_HEADER}"));
    assert!(!bare_token_placeholder("${bearerToken}"));
    assert!(!bare_token_placeholder("Bearer ${LI_TOKEN}"));
    assert!(!bare_token_placeholder("${API}/v2/me"));
}

#[test]
fn url_parts_and_paths() {
    assert_eq!(
        url_parts("https://api.linkedin.com/v2/me"),
        (Some("api.linkedin.com"), 24)
    );
    assert_eq!(
        url_parts("//api.linkedin.com/v2/me").0,
        Some("api.linkedin.com")
    );
    assert_eq!(url_parts("${API}/v2/me"), (None, 6));
    assert_eq!(url_parts("/v2/me"), (None, 0));
    assert!(path_matches("/v2/me?x", "/v2/me"));
    assert!(!path_matches("/v2/members", "/v2/me"));
    assert!(path_matches("v2/ugcPosts", "/v2/ugcPosts"));
    assert!(path_matches("/v1/people/~:(id)", "/v1/"));
}

#[test]
fn scope_lists() {
    let v = "r_liteprofile r_emailaddress w_member_social";
    let (r, sep) = scope_region(v).unwrap();
    assert_eq!(sep, Sep::Space);
    assert_eq!(split_scopes(v, r, sep).len(), 3);
    let v = "https://www.linkedin.com/oauth/v2/authorization?response_type=code&scope=r_liteprofile%20r_emailaddress&state=x";
    let (r, sep) = scope_region(v).unwrap();
    assert_eq!(sep, Sep::Pct20);
    let toks = split_scopes(v, r, sep);
    assert_eq!(&v[toks[1].clone()], "r_emailaddress");
    let v = "alter_emailaddress(x)";
    let (r, sep) = scope_region(v).unwrap();
    assert!(split_scopes(v, r, sep).is_empty());
    // A raw space in a template string or an `href` (the browser encodes it): the list goes
    // on over scope-shaped words, and stops at prose.
    let v = "https://www.linkedin.com/oauth/v2/authorization?response_type=code&state=${state}&scope=r_basicprofile r_emailaddress";
    let (r, sep) = scope_region(v).unwrap();
    assert_eq!(sep, Sep::Space);
    let toks: Vec<&str> = split_scopes(v, r, sep).into_iter().map(|t| &v[t]).collect();
    assert_eq!(toks, ["r_basicprofile", "r_emailaddress"]);
    let v = "open ?scope=r_liteprofile and then log in";
    let (r, _) = scope_region(v).unwrap();
    assert_eq!(&v[r], "r_liteprofile");
}

/// `text` (as the file `path`) with the fixes of its scope findings applied.
fn scope_fixed(linter: &crate::Linter, path: &str, text: &str, unsafe_fixes: bool) -> String {
    let scan = linter.check_text(path, text);
    let mut edits: Vec<&Edit> = scan
        .findings
        .iter()
        .filter(|f| f.rule == Rule::ScopeDeprecated)
        .filter_map(|f| f.fix.as_ref())
        .filter(|f| unsafe_fixes || f.applicability == Applicability::MachineApplicable)
        .flat_map(|f| &f.edits)
        .collect();
    edits.sort_by_key(|e| (e.byte_start, e.byte_end));
    for w in edits.windows(2) {
        assert!(
            w[0].byte_end <= w[1].byte_start,
            "overlapping edits {w:?} in {text:?}"
        );
    }
    let mut out = String::new();
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.byte_start]);
        out.push_str(&e.replacement);
        at = e.byte_end;
    }
    out + &text[at..]
}

fn linter() -> crate::Linter {
    crate::Linter::builder()
        .today("2026-11-23")
        .build()
        .unwrap()
}

#[test]
fn scope_fixes_keep_the_list_layout() {
    let l = linter();
    let cases = [
        // One item per line stays one item per line.
        (
            "a.ts",
            "const s = [\n  \"r_liteprofile\",\n  \"w_member_social\",\n];\n",
            "const s = [\n  \"openid\",\n  \"profile\",\n  \"w_member_social\",\n];\n",
        ),
        // Quoting is kept; replacements already in the list or added by another fix are not
        // repeated.
        (
            "a.py",
            "S = ['r_liteprofile', 'r_emailaddress', 'w_member_social']\n",
            "S = ['openid', 'profile', 'email', 'w_member_social']\n",
        ),
        // A YAML block sequence stays a sequence, also with one item (and CRLF).
        (
            "a.yaml",
            "scopes:\r\n  - r_liteprofile\r\nother: 1\r\n",
            "scopes:\r\n  - openid\r\n  - profile\r\nother: 1\r\n",
        ),
        (
            "a.yaml",
            "a:\n  scopes:\n    - r_liteprofile\n  more:\n    - r_emailaddress\n",
            "a:\n  scopes:\n    - openid\n    - profile\n  more:\n    - openid\n    - email\n",
        ),
        // A comma-and-space separated string keeps `, `.
        (
            "a.py",
            "SCOPE = 'r_liteprofile, w_member_social'\n",
            "SCOPE = 'openid, profile, w_member_social'\n",
        ),
        // A `scope=` query parameter with one scope gets `%20`, never a space.
        (
            "a.py",
            "U = 'https://www.linkedin.com/oauth/v2/authorization?scope=r_liteprofile&state=1'\n",
            "U = 'https://www.linkedin.com/oauth/v2/authorization?scope=openid%20profile&state=1'\n",
        ),
    ];
    // The OpenID Connect swaps are maybe-incorrect (see `rules/linkedin.yaml`): `true`.
    for (path, before, after) in cases {
        assert_eq!(scope_fixed(&l, path, before, true), after, "{before}");
    }
}

#[test]
fn scopes_already_requested_are_removed_without_overlapping_edits() {
    let l = linter();
    let cases = [
        (
            "S = ['openid', 'profile', 'email', 'r_liteprofile', 'r_emailaddress']\n",
            "S = ['openid', 'profile', 'email']\n",
        ),
        (
            "S = ['r_liteprofile', 'r_emailaddress', 'openid', 'profile', 'email']\n",
            "S = ['openid', 'profile', 'email']\n",
        ),
        (
            "S = ['openid', 'r_liteprofile', 'profile', 'r_emailaddress', 'email']\n",
            "S = ['openid', 'profile', 'email']\n",
        ),
        (
            "S = [\n    'openid',\n    'r_liteprofile',\n    'profile',\n]\n",
            "S = [\n    'openid',\n    'profile',\n]\n",
        ),
        (
            "SCOPE = 'openid profile r_liteprofile'\n",
            "SCOPE = 'openid profile'\n",
        ),
    ];
    for (before, after) in cases {
        assert_eq!(scope_fixed(&l, "a.py", before, true), after, "{before}");
    }
}

#[test]
fn a_safe_scope_fix_never_relies_on_a_maybe_incorrect_one() {
    // `x_legacy` (maybe-incorrect) and `w_share` (machine-applicable) both become
    // `w_member_social`. `--fix` alone applies only the second, which must therefore bring
    // the scope itself, even though `x_legacy` comes first in the list.
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.yaml");
    std::fs::write(
        &rules,
        "schema: 1\nscopes:\n  - id: x-legacy\n    scope: x_legacy\n    replacement: [w_member_social]\n    fix: maybe-incorrect\n    severity: warning\n    since: \"2020\"\n    grade: P\n    message: m\n    help: h\n    source: https://example.com/x\n",
    )
    .unwrap();
    let l = crate::Linter::builder()
        .today("2026-11-23")
        .rules_file(&rules)
        .build()
        .unwrap();
    let before = "S = ['x_legacy', 'w_share']\n";
    assert_eq!(
        scope_fixed(&l, "a.py", before, false),
        "S = ['x_legacy', 'w_member_social']\n"
    );
    assert_eq!(
        scope_fixed(&l, "a.py", before, true),
        "S = ['w_member_social']\n"
    );
}

#[test]
fn the_name_of_the_version_header_is_not_a_version() {
    let scan = linter().check_text(
        "a.py",
        "API = 'https://api.linkedin.com'\nLINKEDIN_VERSION_HEADER = 'LinkedIn-Version'\nLINKEDIN_VERSION = '202609'\n",
    );
    assert!(scan.findings.is_empty(), "{:?}", scan.findings);
}

#[test]
fn secrets() {
    let mut l = Literal::new(
        LitKind::Str,
        "Bearer AQXdSP_W41_UPs5ioT_t8HESyODB4FqbkJ8LrV_5mff4gPODzOYR".into(),
        0..10,
        0..10,
        true,
    );
    l.header = Some("Authorization".into());
    let r = secret_ranges(&l, true);
    assert_eq!(r[0].0, 7..l.value.len());
    let mut l = Literal::new(
        LitKind::Str,
        "WPL_AP1.abcDEF123456.xyZ==".into(),
        0..10,
        0..10,
        true,
    );
    l.name = Some("LINKEDIN_CLIENT_SECRET".into());
    assert_eq!(secret_ranges(&l, true)[0].1, SecretKind::ClientSecret);
    let mut l = Literal::new(
        LitKind::Str,
        "your-client-secret-here!".into(),
        0..10,
        0..10,
        true,
    );
    l.name = Some("client_secret".into());
    assert!(secret_ranges(&l, true).is_empty());
    let mut l = Literal::new(
        LitKind::Str,
        "https://www.linkedin.com/oauth/v2/accessToken".into(),
        0..10,
        0..10,
        true,
    );
    l.name = Some("TOKEN_URL".into());
    assert!(secret_ranges(&l, true).is_empty());
}

#[test]
fn docstring_versions_under_misspelt_keys() {
    // linkedin-api-python-client: a docstring example with `vesrion_string="202302"`.
    let src = "import linkedin_api\n\ndef get(self):\n    \"\"\"\n    Example:\n        >>> client.get(\n                resource_path=\"/adAccounts/{id}\",\n                vesrion_string=\"202302\"\n            )\n    \"\"\"\n";
    let scan = linter().check_text("client.py", src);
    let spans: Vec<(&str, &str)> = scan
        .findings
        .iter()
        .map(|f| (f.id.as_str(), &src[f.span.byte_start..f.span.byte_end]))
        .collect();
    assert_eq!(spans, [("version-sunset-policy", "202302")]);
    assert!(version::names_version("api_verison"));
    assert!(version::names_version("LinkedIn-Version"));
    assert!(!version::names_version("revision"));
    assert!(!version::names_version("vision_string"));
}

/// (rule id, text) of each finding of `src` as `path`.
fn found<'a>(path: &str, src: &'a str) -> Vec<(String, &'a str)> {
    linter()
        .check_text(path, src)
        .findings
        .iter()
        .map(|f| (f.id.clone(), &src[f.span.byte_start..f.span.byte_end]))
        .collect()
}

#[test]
fn paths_relative_to_a_v1_url_in_r() {
    // Rlinkedin: field selectors and resources pasted onto v1 URLs; XPath is not a path.
    let src = r#"getGroupPosts <- function(token) {
  membership_url <- "https://api.linkedin.com/v1/people/"
  membership_fields <- "/group-memberships:(group:(id,name),membership-state)"
  url <- paste0(membership_url, "~/connections", membership_fields)
  post <- paste0(membership_url, group_id, "/posts")
  n <- xml[["number(//error/status)"]]
}
"#;
    let ids: Vec<&str> = found("R/getGroupPosts.R", src)
        .iter()
        .map(|(id, t)| {
            assert_eq!(id, "v1-api");
            *t
        })
        .collect();
    assert_eq!(
        ids,
        [
            "/v1/",
            "/group-memberships:(group:(id,name),membership-state)",
            "~/connections",
            "/posts"
        ]
    );
}

#[test]
fn raw_http_header_lines_read_word_by_word() {
    // A REST-client `.http` file (and a Markdown `http` block, read the same way): each
    // header's value is the word after `Name:`; `2.0.0` is right, not an empty value.
    let src = "### me\nGET https://api.linkedin.com/v2/me\nAuthorization: Bearer {{token}}\nX-Restli-Protocol-Version: 2.0.0\n\n### post\nPOST https://api.linkedin.com/rest/posts\nX-Restli-Protocol-Version: 1.0.0\nLinkedIn-Version: 202405\n";
    assert_eq!(
        found("requests/test.http", src),
        [
            ("v2-me".to_string(), "/v2/me"),
            ("restli-protocol-2".to_string(), "1.0.0"),
            ("version-sunset-policy".to_string(), "202405"),
        ]
    );
    let md = format!("# LinkedIn API\n\n```http\n{src}```\n");
    let ids: Vec<String> = found("README.md", &md)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(ids, ["v2-me", "restli-protocol-2", "version-sunset-policy"]);
}

#[test]
fn linkedins_javascript_sdk_calls_the_v1_api() {
    // hello.js's demo page: the retired `in.js` SDK, a relative path handed to `IN.API.Raw`.
    let src = r#"<html><body>
<script class="pre">
function statusUpdate(){
	IN.API.Raw("/people/~/current-status").method("PUT").result(done);
}
</script>
<script>fetch("/people/~/avatar.png")</script>
</body></html>
"#;
    assert_eq!(
        found("demos/sdk/linkedIn.html", src),
        [("v1-people".to_string(), "/people/~/current-status")]
    );
}

#[test]
fn an_apps_own_routes_are_not_v1_paths() {
    // flask-oauthlib's example: the v1 base is the only LinkedIn base in the file, and the
    // app's routes are paths too; only the v1 resource is a v1 path.
    let src = r#"linkedin = oauth.remote_app(
    'linkedin',
    base_url='https://api.linkedin.com/v1/',
)

@app.route('/login')
def login():
    return linkedin.authorize(callback=url_for('authorized', _external=True))

@app.route('/')
def index():
    me = linkedin.get('/people/~')
    emails = github.get(url + "/emails")
    return jsonify(me.data)
"#;
    assert_eq!(
        found("example/linkedin.py", src),
        [
            ("v1-api".to_string(), "/v1/"),
            ("v1-people".to_string(), "/people/~"),
        ]
    );
}

#[test]
fn each_path_joined_to_a_v1_base_is_a_v1_request() {
    // spring-social-linkedin: one v1 base per template, a constant per resource.
    let src = r#"public class CompanyTemplate {
	public static final String BASE_URL = "https://api.linkedin.com/v1/";
	public static final String COMPANY_URL = BASE_URL + "companies{id}:" + FIELDS + "?{filter}";
	public static final String FOLLOW_URL = BASE_URL + "people/~/following/companies:" + FIELDS;
	static final String V2 = "https://api.linkedin.com/v2/";
	static final String USERINFO = V2 + "userinfo";
	static final String GROUPS = BASE_URL + "groups/";
	static final String GROUP_DETAILS = GROUPS + "{group-id}:(id,name)";
}
"#;
    assert_eq!(
        found("CompanyTemplate.java", src),
        [
            ("v1-api".to_string(), "/v1/"),
            ("v1-api".to_string(), "companies{id}:"),
            ("v1-people".to_string(), "people/~"),
            ("v1-api".to_string(), "groups/"),
            // A base joined to a base: `GROUPS` is `BASE_URL` + `groups/`.
            ("v1-api".to_string(), "{group-id}:(id,name)"),
        ]
    );
}

#[test]
fn r_fallback_default_reaches_the_header_by_named_argument() {
    // promoutils: `getOption(...) %||% "202510"`, then `req_headers("LinkedIn-Version" = v)`.
    let src = r#"li_req_posts <- function() {
  v <- getOption("promoutils.linkedin_version") %||% "202510"
  httr2::request(base_url = "https://api.linkedin.com/rest/posts") |>
    httr2::req_headers("LinkedIn-Version" = v, "X-Restli-Protocol-Version" = "2.0.0")
}
"#;
    assert_eq!(
        found("R/linkedin.R", src),
        [("version-sunset-dated".to_string(), "202510")]
    );
}

#[test]
fn a_rest_url_in_a_test_assertion_is_not_a_request() {
    let src = "test_that(\"posts\", {\n  expect_equal(p$url, \"https://api.linkedin.com/rest/posts\")\n})\n";
    assert_eq!(found("tests/testthat/test-li.R", src), []);
    let src = "assertEquals(\"https://api.linkedin.com/rest/posts\", url);\n";
    assert_eq!(found("ClientTest.java", src), []);
    // A request still is one.
    let src = "fetch(\"https://api.linkedin.com/rest/posts\", { method: \"POST\" });\n";
    assert_eq!(
        found("post.js", src),
        [("rest-without-version".to_string(), "/rest")]
    );
}

/// The embedded table keeps the endpoint check's shortcut on: every path has a `/` after its
/// first character, so literals without one skip the table.
#[test]
fn every_embedded_endpoint_path_has_an_inner_slash() {
    let linter = crate::Linter::builder()
        .today("2026-11-23")
        .build()
        .unwrap();
    let checker = Checker::new(linter.table(), linter.options().clone());
    assert!(checker.paths_need_slash);
}

/// The findings of `text` (as the file `path`) on the team's reference date: line, id and the
/// text each one spans.
fn spans(path: &str, text: &str) -> Vec<(usize, String, String)> {
    linter()
        .check_text(path, text)
        .findings
        .iter()
        .map(|f| {
            let spanned = text[f.span.byte_start..f.span.byte_end].to_string();
            (f.span.start.line, f.id.clone(), spanned)
        })
        .collect()
}

/// `spans`, as `line id` strings.
fn found_ids(path: &str, text: &str) -> Vec<String> {
    spans(path, text)
        .into_iter()
        .map(|(line, id, _)| format!("{line} {id}"))
        .collect()
}

/// Modelled on a Laravel publisher (round 25): a URL helper joins one-word resources to a
/// `/v2` base constant; `assets?action=registerUpload` is LinkedIn's Rest.li action, while a
/// plain `assets` word or another query (`assets?page=2`) may be anything, and an action on
/// a resource `/rest` has too (`images?action=initializeUpload`, a client that picks its
/// base per call) says nothing of the base.
#[test]
fn a_restli_action_on_a_resource_is_a_path() {
    let php = r#"<?php
class LinkedInService
{
    private const API_BASE_URL = 'https://api.linkedin.com/v2';

    public function upload(): array
    {
        $register = $this->buildApiUrl('assets?action=registerUpload');
        $list = $this->buildApiUrl('assets?page=2');
        $other = $this->buildApiUrl('assets');
        $image = $this->client->post('images?action=initializeUpload', [], [], true);
        return [$register, $list, $other, $image];
    }

    private function buildApiUrl(string $path): string
    {
        return self::API_BASE_URL . '/' . ltrim($path, '/');
    }
}
"#;
    assert_eq!(
        found_ids("src/Services/LinkedInService.php", php),
        ["8 v2-assets-register-upload"]
    );
}

/// Shapes from a PHP framework's OAuth client and an old Java SDK: a Rest.li projection makes a
/// one-word resource a path (`$this->api('me?projection=(' . …)` on a `/v2` base), and a
/// placeholder right after a joined base is the path's next segment (`POSTS + "{post-id}"`),
/// not a base interpolated at the start.
#[test]
fn projections_and_placeholders_after_a_joined_base() {
    let php = "<?php\nclass LinkedIn extends OAuth2 {\n    public $apiBaseUrl = 'https://api.linkedin.com/v2';\n    protected function initUserAttributes() {\n        return $this->api('me?projection=(' . implode(',', $this->attributeNames) . ')', 'GET');\n    }\n    protected function settings() {\n        return $this->options('me?scope=x');\n    }\n}\n";
    let f = spans("src/clients/LinkedIn.php", php);
    assert_eq!(f, [(5, "v2-me".into(), "me".into())]);

    let java = "class GroupTemplate {\n    public static final String BASE_URL = \"https://api.linkedin.com/v1/\";\n    public static final String POSTS_URL = BASE_URL + \"posts/\";\n    public static final String POST_URL = POSTS_URL + \"{post-id}\";\n}\n";
    let f = spans("GroupTemplate.java", java);
    let lines: Vec<usize> = f.iter().map(|x| x.0).collect();
    assert_eq!(lines, [2, 3, 4], "each join of the v1 base is a v1 request");
    assert_eq!(f[2].2, "{post-id}");
}

/// A Go test that serves LinkedIn's paths from its own `httptest` server: `r.URL.Path ==
/// "/v2/me"` and `server.URL + "/v2/me"` are routes of the fake server (the rubric's "fake URLs
/// in mocks"); the same file's real LinkedIn URL is still judged.
#[test]
fn a_local_mock_servers_routes_are_not_requests() {
    let go = "package main\n\nfunc TestProfile(t *testing.T) {\n\tserver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {\n\t\tif r.URL.Path == \"/v2/me\" {\n\t\t\tjson.NewEncoder(w).Encode(map[string]string{\"id\": \"1\"})\n\t\t}\n\t}))\n\tdefer server.Close()\n\tprofileEndpoint = server.URL + \"/v2/me\"\n\tlive := \"https://api.linkedin.com/v2/me\"\n\t_ = linkedin.Endpoint\n}\n";
    let lines = |src: &str| -> Vec<usize> {
        spans("main_test.go", src)
            .into_iter()
            .map(|x| x.0)
            .collect()
    };
    assert_eq!(lines(go), [11]);
    // Without the mock server, the same paths are LinkedIn's.
    let real = go.replace("httptest.NewServer", "newServer");
    assert_eq!(lines(&real), [5, 10, 11]);
}

/// A Go SDK's URL helpers named for their API version (`service.urlV2(…)`, the path often
/// built by `fmt.Sprintf`): the argument is a `/v2` path. `parseV2(…)` names no URL.
#[test]
fn a_url_helper_named_for_v2_joins_its_argument_to_v2() {
    let go = "package linkedin\n\nfunc (service *Service) NetworkSizes(id int64, linkedInVersion *string) {\n\tconfig := RequestConfig{\n\t\tUrl: service.urlV2(fmt.Sprintf(\"networkSizes/urn:li:organization:%v?edgeType=CompanyFollowedByMember\", id)),\n\t}\n\tme := service.urlV2(\"me\")\n\tposts := service.urlRest(\"posts\")\n\tv := parseV2(\"ugcPosts/x\")\n}\n";
    assert_eq!(
        found_ids("OrganizationLookup.go", go),
        ["5 v2-network-sizes", "7 v2-me"]
    );
}

/// The classic Python v1 client's shape: `'%s/%s/shares' % (ENDPOINTS.COMPANIES, company_id)`
/// with the v1 bases as keyword arguments of an `enum(…)` call. A placeholder segment stands for
/// an id and the path goes on after it.
#[test]
fn a_placeholder_segment_is_an_id_in_a_relative_path() {
    let py = "ENDPOINTS = enum('LinkedInURL',\n                 PEOPLE='https://api.linkedin.com/v1/people',\n                 COMPANIES='https://api.linkedin.com/v1/companies')\n\nclass LinkedInApplication(object):\n    def submit_company_share(self, company_id, comment=None):\n        url = '%s/%s/shares' % (ENDPOINTS.COMPANIES, company_id)\n        return self.make_request('POST', url)\n";
    let spans: Vec<(usize, String)> = spans("linkedin/linkedin.py", py)
        .into_iter()
        .map(|(line, _, text)| (line, text))
        .collect();
    assert_eq!(
        spans,
        [
            (2, "/v1/".to_string()),
            (3, "/v1/".to_string()),
            (7, "%s/%s/shares".to_string())
        ]
    );
}

/// An ETL component's client (keboola's LinkedIn Pages extractor): the base is assembled from a
/// bare host and a version word (`f"{BASE_URL}/{API_VERSION}"`), and the resources are
/// constants handed to a generic HTTP client. `"posts"` exists under `/rest` too (not judged),
/// and a version word whose name says nothing of versions (`MODE = "v2"`) assembles nothing.
#[test]
fn a_base_assembled_from_host_and_version_word_places_resource_constants() {
    let py = "BASE_URL = \"https://api.linkedin.com\"\nAPI_VERSION = \"v2\"\n\nENDPOINT_ORG = \"organizations\"\nENDPOINT_POSTS = \"posts\"\nENDPOINT_SOCIAL_ACTIONS = \"socialActions\"\n\n\nclass LinkedInClient(HttpClient):\n    def __init__(self, access_token: str) -> None:\n        base_url = f\"{BASE_URL}/{API_VERSION}\"\n        super().__init__(base_url)\n\n    def org(self, organization_id):\n        url = f\"{ENDPOINT_ORG}/{organization_id}\"\n        return self.get(endpoint_path=url)\n";
    assert_eq!(
        found_ids("src/linkedin/client.py", py),
        ["4 v2-organizations", "6 v2-social-actions"]
    );
    let unnamed = py.replace("API_VERSION", "MODE");
    assert_eq!(
        found_ids("src/linkedin/client.py", &unnamed),
        Vec::<String>::new()
    );
    let commented = py.replace("API_VERSION = \"v2\"", "# API_VERSION = \"v2\"");
    assert_eq!(
        found_ids("src/linkedin/client.py", &commented),
        Vec::<String>::new()
    );
}

/// A C# service with both bases in its settings (`ApiUrl` → `/v2`, `RestApiUrl` → `/rest`):
/// a path after the base named for `/rest` is not a `/v2` path.
#[test]
fn a_path_after_a_base_named_for_rest_is_not_joined_to_v2() {
    let cs = "public class LinkedInSettings\n{\n    public string ApiUrl { get; set; } = \"https://api.linkedin.com/v2\";\n    public string RestApiUrl { get; set; } = \"https://api.linkedin.com/rest\";\n}\n\npublic class LinkedInService\n{\n    public async Task Run()\n    {\n        var requestUrl = $\"{_settings.ApiUrl}/ugcPosts?q=authors\";\n        var initUrl = $\"{_settings.RestApiUrl}/videos?action=initializeUpload\";\n        var images = $\"{_settings.RestApiUrl}/images?action=initializeUpload\";\n    }\n}\n";
    assert_eq!(found_ids("LinkedInService.cs", cs), ["11 v2-ugc-posts"]);
}

/// A Drupal module's OAuth base named without its last `/`
/// (`$baseurl = "https://www.linkedin.com/uas/oauth2"`) is reported there, once (not again
/// where a path is joined to it); `/uas/oauth` (OAuth 1.0a) does not take `/uas/oauth2` for
/// itself, and `/v1` alone is the v1 API's base.
#[test]
fn a_retired_directory_named_without_its_last_slash_is_a_base() {
    let php = "<?php\nclass Linkedin {\n  protected function initAuthentication() {\n    $baseurl = \"https://www.linkedin.com/uas/oauth2\";\n    $auth->authorizeUrl = \"{$baseurl}/authorization\";\n    $api = \"https://api.linkedin.com/v1\";\n    $ok = \"https://www.linkedin.com/oauth/v2\";\n  }\n}\n";
    assert_eq!(
        spans("lib/Service/Linkedin.php", php),
        [
            (4, "uas-oauth2".into(), "/uas/oauth2".into()),
            (6, "v1-api".into(), "/v1".into()),
        ]
    );
}

/// Shapes from a NestJS scheduler and an Express backend: a Jest mock that answers by URL
/// (`url.includes('api.linkedin.com/v2/me')` in a `.spec.ts`) is the rubric's fake URL; the
/// same test's own request URL is still judged. `LINKEDIN_API_VERSION=v2` names the path's API
/// version, not a `LinkedIn-Version` pin; `/rest/assets?action=registerUpload` is the Assets
/// API's upload flow under the versioned prefix.
#[test]
fn mock_dispatch_path_versions_and_rest_assets() {
    let spec = "describe('auth', () => {\n  mockedAxios.get.mockImplementation((url) => {\n    if (url.includes('api.linkedin.com/v2/me')) {\n      return Promise.resolve({ data: { id: 'li_user_123' } });\n    }\n  });\n  const live = 'https://api.linkedin.com/v2/me';\n});\n";
    assert_eq!(
        found_ids("src/auth/auth.service.spec.ts", spec),
        ["7 v2-me"]
    );
    // Outside a test, a URL tested with `includes` stays LinkedIn's.
    assert_eq!(
        found_ids("src/auth/auth.service.ts", spec),
        ["3 v2-me", "7 v2-me"]
    );
    let env = "LINKEDIN_API_BASE_URL=https://api.linkedin.com\nLINKEDIN_API_VERSION=v2\n";
    assert_eq!(found_ids(".env.example", env), Vec::<String>::new());
    let header = "const h = { 'LinkedIn-Version': 'v2' };\nfetch('https://api.linkedin.com/rest/posts', { headers: h });\n";
    assert_eq!(found_ids("post.ts", header), ["1 version-format"]);
    let ts = "const r = await http.post('https://api.linkedin.com/rest/assets?action=registerUpload', body, { headers: { 'LinkedIn-Version': '202611' } });\n";
    assert_eq!(found_ids("media.ts", ts), ["1 rest-assets"]);
    // Reading an asset by id is not the upload flow.
    let read = "const url = `${config.baseUrl}/rest/assets/${assetId}?fields=mediaArtifacts`;\n";
    assert_eq!(found_ids("media.ts", read), Vec::<String>::new());
}

/// A Spring integration platform (integrixs-flow-bridge): bases are `@Value` defaults injected
/// into fields, and paths are joined to the field. `LINKEDIN_API_REST_BASE + "/images"` is a
/// `/rest` request (here without `LinkedIn-Version`), not `/v2/images`; the UGC base is `/v2`.
/// The ads adapter joins its endpoint names after `restPath` (`/rest`) on a bare host; its
/// `api-version:v2` word is never joined and makes no `/v2` base.
#[test]
fn spring_injected_bases_place_their_paths() {
    let java = "public class LinkedInOutboundAdapter {\n    @Value(\"${integrix.adapters.linkedin.rest-api-base-url:https://api.linkedin.com/rest}\")\n    private String LINKEDIN_API_REST_BASE;\n\n    @Value(\"${integrix.adapters.linkedin.ugc-api-base-url:https://api.linkedin.com/v2}\")\n    private String LINKEDIN_API_UGC;\n\n    void share() {\n        String url = LINKEDIN_API_UGC + \"/ugcPosts\";\n        String registerUrl = LINKEDIN_API_REST_BASE + \"/images\";\n        HttpHeaders headers = new HttpHeaders();\n        headers.setBearerAuth(getAccessToken());\n    }\n}\n";
    assert_eq!(
        found_ids("LinkedInOutboundAdapter.java", java),
        ["9 v2-ugc-posts", "10 rest-without-version"]
    );
    let ads = "public class LinkedInAdsOutboundAdapter {\n    @Value(\"${integrix.adapters.linkedin.ads.api-base-url:https://api.linkedin.com}\")\n    private String apiBaseUrl;\n\n    @Value(\"${integrix.adapters.linkedin.ads.api-version:v2}\")\n    private String apiVersion;\n\n    @Value(\"${integrix.adapters.linkedin.ads.rest-path:/rest}\")\n    private String restPath;\n\n    @Value(\"${integrix.adapters.linkedin.ads.ad-campaigns-endpoint:/adCampaigns}\")\n    private String adCampaignsEndpoint;\n\n    @Value(\"${integrix.adapters.linkedin.ads.dmp-segments-endpoint:/dmpSegments}\")\n    private String dmpSegmentsEndpoint;\n\n    void get(String id) {\n        String url = apiBaseUrl + restPath + adCampaignsEndpoint + \"/\" + id;\n        headers.set(\"LinkedIn-Version\", \"202611\");\n    }\n}\n";
    assert_eq!(
        found_ids("LinkedInAdsOutboundAdapter.java", ads),
        Vec::<String>::new()
    );
}

/// Scopes requested through LinkedIn's retired mobile SDKs are constants, not strings: a React
/// Native bridge's Android module (`Scope.R_EMAILADDRESS.getName()`) and a Flutter plugin's iOS
/// side (`LISDK_EMAILADDRESS_PERMISSION`). Each is judged as the scope it stands for, at the
/// constant; the map keys beside them (`"R_EMAILADDRESS"`) are not scopes.
#[test]
fn retired_mobile_sdk_scope_constants_are_scopes() {
    let java = "import com.linkedin.platform.utils.Scope;\n\nclass RNLinkedInSessionManagerModule {\n    public Map<String, Object> getConstants() {\n        constants.put(\"R_BASICPROFILE\", Scope.R_BASICPROFILE.getName());\n        constants.put(\"R_EMAILADDRESS\", Scope.R_EMAILADDRESS.getName());\n        constants.put(\"W_SHARE\", Scope.W_SHARE.getName());\n        return constants;\n    }\n}\n";
    let got = spans("RNLinkedInSessionManagerModule.java", java);
    let lines: Vec<(usize, &str)> = got.iter().map(|(l, id, _)| (*l, id.as_str())).collect();
    assert!(lines.contains(&(6, "r-emailaddress")), "{got:?}");
    assert!(lines.contains(&(7, "w-share")), "{got:?}");
    let (_, _, text) = got.iter().find(|(l, _, _)| *l == 6).unwrap();
    assert_eq!(text, "R_EMAILADDRESS");
    assert!(lines.iter().all(|(l, _)| (5..=7).contains(l)), "{got:?}");
    let objc = "#import <linkedin-sdk/LISDK.h>\n\n- (void)login {\n    [LISDKSessionManager\n     createSessionWithAuth:[NSArray arrayWithObjects:LISDK_BASIC_PROFILE_PERMISSION, LISDK_EMAILADDRESS_PERMISSION, nil]\n     state:nil];\n}\n";
    let got = spans("ios/Classes/FlutterLinkedinLoginPlugin.m", objc);
    assert!(
        got.iter().any(|(l, id, t)| *l == 5
            && id == "r-emailaddress"
            && t == "LISDK_EMAILADDRESS_PERMISSION"),
        "{got:?}"
    );
    // Without the SDK's class in front, the name is someone else's constant.
    let bare = "int R_EMAILADDRESS = 3;\n";
    assert_eq!(found_ids("Consts.java", bare), Vec::<String>::new());
}

/// An app's enum of the scopes it may request, each member named for its scope (round 32:
/// a Java connector's `enum AccessScope`). Each member's declaration is the scope; a use of one
/// elsewhere (`AccessScope.w_share.name()`) and a variable of the same name are not.
#[test]
fn an_enum_of_scope_names_declares_scopes() {
    let java = "package com.acme.connector.linkedin;

public enum AccessScope {
    r_basicprofile,
    r_emailaddress,
    rw_company_admin,
    w_share
}
";
    assert_eq!(
        found_ids("linkedin/AccessScope.java", java),
        ["5 r-emailaddress", "6 rw-company-admin", "7 w-share"]
    );
    let uses = "class LinkedinAuth {
    String scopes() {
        return AccessScope.w_share.name() + \",\" + r_emailaddress;
    }
}
";
    assert_eq!(
        found_ids("linkedin/LinkedinAuth.java", uses),
        Vec::<String>::new()
    );
}

/// A C# multi-network poster (round 34): RestSharp's `request.AddHeader("LinkedIn-Version",
/// "202309")` on each request, and HttpClient's `TryAddWithoutValidation`, set the header.
#[test]
fn csharp_header_setters_pin_the_version() {
    let cs = "public class LinkedInNetwork\n{\n    private readonly string Base = \"https://api.linkedin.com/rest\";\n\n    public async Task PostAsync()\n    {\n        var request = new RestRequest(\"/posts\", Method.Post);\n        request.AddHeader(\"X-Restli-Protocol-Version\", \"2.0.0\");\n        request.AddHeader(\"LinkedIn-Version\",\"202309\");\n        http.DefaultRequestHeaders.TryAddWithoutValidation(\"LinkedIn-Version\", \"202309\");\n    }\n}\n";
    assert_eq!(
        found_ids("Network/LinkedInNetwork.cs", cs),
        ["9 version-sunset-policy", "10 version-sunset-policy"]
    );
}

/// An integration catalog's OpenAPI (Swagger 2) description of the v1 API (round 38): each
/// key of `paths` is a request on `host` + `basePath` (itself the v1 API), and the keys of the OAuth `scopes`
/// object are the scopes it asks for. The same keys under another host are not LinkedIn's.
#[test]
fn an_openapi_description_names_requests_and_scopes() {
    let spec = "{\n  \"swagger\": \"2.0\",\n  \"host\": \"api.linkedin.com\",\n  \"basePath\": \"/v1\",\n  \"securityDefinitions\": {\n    \"oauth2\": {\n      \"scopes\": {\n        \"r_emailaddress\": \"Your email address\",\n        \"w_share\": \"Post updates\"\n      }\n    }\n  },\n  \"paths\": {\n    \"/people/~\": {\"get\": {\"operationId\": \"people.get\"}},\n    \"/companies/{id}/shares\": {\"post\": {\"operationId\": \"companies.shares.post\"}}\n  }\n}\n";
    assert_eq!(
        found_ids("integrations/linkedin/openapi.json", spec),
        [
            "4 v1-api",
            "8 r-emailaddress",
            "9 w-share",
            "14 v1-people",
            "15 v1-api"
        ]
    );
    let other = spec.replace("api.linkedin.com", "api.example.com");
    assert_eq!(
        found_ids("integrations/example/openapi.json", &other),
        ["8 r-emailaddress", "9 w-share"]
    );
}

/// An ads dashboard's edge function (geryslov/linkedin-ads-buddy) resolves organization names
/// with the unversioned batch lookup; `/v2/organizations` alone does not take it for itself.
#[test]
fn the_unversioned_organization_lookup_is_deprecated() {
    let ts = "const res = await fetch(`https://api.linkedin.com/v2/organizationsLookup?ids=List(${ids.join(',')})`, { headers });\nconst one = await fetch(`https://api.linkedin.com/v2/organizations/${id}`, { headers });\n";
    assert_eq!(
        found_ids("supabase/functions/linkedin-api/index.ts", ts),
        ["1 v2-organizations-lookup", "2 v2-organizations"]
    );
}

/// A PHP social-login library's provider (SocialConnect's LinkedIn): the base is a method's
/// return value and the resource the second argument of a request helper whose first is the
/// HTTP method. `'GET'`-less helpers and other arguments stay quiet.
#[test]
fn a_request_helpers_path_after_its_method_is_a_resource() {
    let php = "<?php\nclass LinkedIn extends AbstractProvider\n{\n    public function getBaseUri()\n    {\n        return 'https://api.linkedin.com/v2/';\n    }\n\n    protected function fetchPrimaryEmail(AccessTokenInterface $accessToken, User $user)\n    {\n        $response = $this->request(\n            'GET',\n            'emailAddress',\n            [\n                'q' => 'members',\n            ],\n            $accessToken\n        );\n        $me = $this->request('GET', 'me', $query, $accessToken);\n        $label = $this->translate('me', 'GET');\n    }\n}\n";
    assert_eq!(
        found_ids("src/OAuth2/Provider/LinkedIn.php", php),
        ["13 v2-email-address", "19 v2-me"]
    );
}

/// A Rails app's ads job (Advisable, before it dropped LinkedIn Ads): resource names joined to
/// a `/v2/` root defined in another class; sponsored conversations moved to Conversation Ads.
#[test]
fn sponsored_conversations_moved_to_conversation_ads() {
    let rb = "class LinkedinApi\n  API_ROOT = \"https://api.linkedin.com/v2/\".freeze\nend\n\nclass CreateLinkedinAdJob\n  def perform\n    linkedin.post_request(\"sponsoredConversations\", {parentAccount: account})\n  end\nend\n";
    assert_eq!(
        found_ids("app/jobs/create_linkedin_ad_job.rb", rb),
        ["7 v2-sponsored-conversations"]
    );
}

/// LinkedIn's own Python client sends `resource_path` to `/v2` unless the call passes a
/// `version_string` (then `/rest`): a sign-in connector's `get(resource_path='/me', …)` is a
/// `/v2/me` request; the same path with a version is not.
#[test]
fn restli_client_paths_without_a_version_go_to_v2() {
    let py = "from linkedin_api.clients.restli.client import RestliClient\n\nclient = RestliClient()\n\ndef profile(token):\n    me = client.get(resource_path='/me', access_token=token)\n    posts = client.get(\n        resource_path='/me',\n        access_token=token,\n        version_string='202611',\n    )\n    return me, posts\n";
    assert_eq!(found_ids("connectors/social.py", py), ["6 v2-me"]);
    // Another library's `resource_path` keyword is not LinkedIn's client.
    let other = py.replace("RestliClient", "GraphClient");
    assert_eq!(
        found_ids("connectors/social.py", &other),
        Vec::<String>::new()
    );
}

/// The client may be built in another file: upplaud's route calls a `restliClient` its
/// helpers export (`restliClient.get({ resourcePath: `/assets/${assetId}`, accessToken })`,
/// no version: `/v2/assets`). A call that passes a version from elsewhere
/// (`version_string=self.client.version_string`, pipeshub's wrapper) has the client send
/// `LinkedIn-Version` itself: its `/rest/` requests are not missing the header.
#[test]
fn a_restli_client_from_another_file_and_the_version_it_sends() {
    let js = "const { restliClient } = require('../helpers/utils');\n\nasync function waitForAsset(assetId, accessToken) {\n  const { data } = await restliClient.get({ resourcePath: `/assets/${assetId}`, accessToken });\n  const org = await restliClient.get({ accessToken, versionString: LINKEDIN_VERSION, resourcePath: `/organizations/${id}` });\n  return data;\n}\n";
    assert_eq!(
        found_ids("routes/social_connect.js", js),
        ["4 v2-assets-register-upload"]
    );
    let py = "class LinkedInDataSource:\n    def get_userinfo(self):\n        return self._restli_client.get(\n            resource_path=\"/userinfo\",\n            access_token=self.client.access_token,\n            version_string=self.client.version_string,\n        )\n\n    def get_posts(self):\n        return self._restli_client.get(resource_path=\"/posts\", version_string=self.client.version_string)\n";
    assert_eq!(
        found_ids("app/sources/external/linkedin/linkedin.py", py),
        Vec::<String>::new()
    );
}

/// OpenPylot's diagnostics (round 48): messages that name the endpoint first and then say
/// what happened are not requests; a path with a placeholder or a projection holding spaces
/// (`"/v2/me?projection=(#{ fields.join(',') })"`) still is one.
#[test]
fn a_message_that_starts_with_a_path_is_no_request() {
    let rs = "const API: &str = \"https://api.linkedin.com\";\nfn check(status: u16) -> String {\n    if status == 200 {\n        return format!(\"/v2/me returned 200 but no `id` field: {}\", status);\n    }\n    format!(\"/v2/me network error: {}\", status)\n}\nfn fallback() -> &'static str { \"/v2/me\" }\n";
    assert_eq!(found_ids("src/tools/social.rs", rs), ["8 v2-me"]);
    let rb = "module OmniAuth\n  class LinkedIn\n    API = 'https://api.linkedin.com'\n    def raw_info\n      access_token.get(\"/v2/me?projection=(#{ fields.join(',') })\")\n    end\n  end\nend\n";
    assert_eq!(
        found_ids("lib/omniauth/strategies/linkedin.rb", rb),
        ["5 v2-me"]
    );
}

/// A Flutter sign-in service: scopes inside a `${…}` of a Dart string that uses the same
/// quotes (`'&scope=${Uri.encodeComponent('r_liteprofile r_emailaddress')}'`); and a
/// dashboard's `ugcPosts[${i}]=…` query parameter of a `/rest` statistics request, which is not
/// the UGC Posts resource.
#[test]
fn dart_interpolations_and_query_parameters() {
    let dart = "class LinkedInService {\n  Uri auth(String state) {\n    return Uri.parse(\n      'https://www.linkedin.com/oauth/v2/authorization'\n      '&state=$state'\n      '&scope=${Uri.encodeComponent('r_liteprofile r_emailaddress')}'\n    );\n  }\n}\n";
    assert_eq!(
        found_ids("lib/services/linkedin_service.dart", dart),
        ["6 r-liteprofile", "6 r-emailaddress"]
    );
    let ts = "const API_REST_URL = 'https://api.linkedin.com/rest';\nconst params = chunk.map((urn, i) => `ugcPosts[${i}]=${encodeURIComponent(urn)}`).join('&');\nconst url = `${API_REST_URL}/organizationalEntityShareStatistics?q=organizationalEntity&${params}`;\nawait fetch(url, { headers: { 'LinkedIn-Version': '202611' } });\n";
    assert_eq!(
        found_ids("lib/linkedin/community.ts", ts),
        Vec::<String>::new()
    );
}

/// A Flutter posting service (potAuto's shape): Dart interpolates `$name` in single quotes
/// too, so `'$_baseUrl/ugcPosts'` is the UGC Posts API; a raw `r'$_baseUrl/…'` is not joined.
#[test]
fn dart_single_quoted_interpolation_joins_its_base() {
    let dart = "class LinkedInService {\n  static const String _baseUrl = 'https://api.linkedin.com/v2';\n\n  Future<void> sharePost(Post post) async {\n    final response = await http.post(\n      Uri.parse('$_baseUrl/ugcPosts'),\n      headers: {'X-Restli-Protocol-Version': '2.0.0'},\n    );\n    final me = await http.get(Uri.parse('${_baseUrl}/userinfo'));\n    final pattern = RegExp(r'$_baseUrl/ugcPosts');\n  }\n}\n";
    assert_eq!(
        found_ids("lib/services/linkedin_service.dart", dart),
        ["6 v2-ugc-posts"]
    );
}

/// A social suite's LinkedIn module (Socioboard) holds v1 URLs and builds media file paths
/// (`${basePath}/media/${imagePath}`): a path after a name for a place on disk is a file's,
/// not a v1 request; after a name for a URL it still is.
#[test]
fn a_path_after_a_file_system_name_is_not_a_request() {
    let js = "const stats = `https://api.linkedin.com/v1/companies/${id}/company-statistics?format=json`;\nconst filePath = `${basePath}/media/${imagePath}`;\nconst upload = `${__dirname}/uploads/${name}`;\nconst people = `${apiRoot}/people/~`;\n";
    assert_eq!(
        found_ids("Common/Cluster/linkedin.cluster.js", js),
        ["1 v1-api", "4 v1-people"]
    );
}

/// An MCP server's error messages name the endpoint they failed on (`"v2/assets image upload
/// failed"`): a slash-less path followed by words is a message, not a request; the same path
/// alone (a Retrofit-style relative path) still is.
#[test]
fn a_slashless_path_followed_by_words_is_a_message() {
    let ts = "import { linkedinRequest } from './client';\nthrow new Error(\"v2/assets image upload failed\");\nconst path = 'v2/assets?action=registerUpload';\n";
    assert_eq!(
        found_ids("src/api/media.ts", ts),
        ["3 v2-assets-register-upload"]
    );
}

/// Documents modelled on round 50: a no-code tool's set-up guide gives the HTTP module's
/// headers as a table (`| LinkedIn-Version | 202401 |`); a design doc breaks a `curl` code span
/// over two lines and names the same path without the host elsewhere (`GET
/// {baseURL}/v2/organizations…`), in a document that names the API's host itself.
#[test]
fn a_documents_header_tables_broken_code_spans_and_host_less_paths() {
    let guide = "# Make.com: post to LinkedIn\n\n**URL**: `https://api.linkedin.com/rest/posts`\n\n| Key | Value |\n|-----|-------|\n| `Authorization` | `Bearer [ACCESS-TOKEN]` |\n| `LinkedIn-Version` | `202401` |\n";
    assert_eq!(
        spans("MAKE_COM_SETUP_STEPS.md", guide),
        [(8, "version-sunset-dated".into(), "202401".into())]
    );
    let design = "# Org mentions\n\n- Look up URNs once via `curl -H\n  'LinkedIn-Version: 202611' \"https://api.linkedin.com/v2/organizations?q=vanityName&vanityName=<slug>\"`\n  and paste the URN.\n\nParse `<slug>`, then hit\n`GET {baseURL}/v2/organizations?q=vanityName&vanityName=<slug>`.\n";
    assert_eq!(
        spans("docs/features/social-org-mentions.md", design),
        [
            (4, "v2-organizations".into(), "/v2/organizations".into()),
            (8, "v2-organizations".into(), "/v2/organizations".into()),
        ]
    );
    // Without a URL on the host, a bare `/v2/organizations` may be any API's.
    let other = "# LinkedIn API notes\n\nHit `GET {baseURL}/v2/organizations?q=vanityName`.\n";
    assert_eq!(found_ids("notes.md", other), Vec::<String>::new());
}

/// Supabase's PostgREST (`${supabaseUrl}/rest/v1/posts`) beside LinkedIn calls (round 50's
/// scheduler): not LinkedIn's `/rest/`, so no `LinkedIn-Version` is asked of it.
#[test]
fn supabase_rest_v1_is_not_linkedins_rest() {
    let py = "import requests\n\nLINKEDIN_API = \"https://api.linkedin.com/v2/userinfo\"\n\ndef ready_posts(supabase_url, key):\n    url = f\"{supabase_url}/rest/v1/posts\"\n    return requests.get(url, headers={\"apikey\": key})\n";
    assert_eq!(found_ids("modal_cron_posting.py", py), Vec::<String>::new());
}

#[test]
fn an_express_route_with_a_parameter_segment_is_the_apps_own_server() {
    // Modelled on an MCP server's routes.ts: it signs in with LinkedIn, then serves its own
    // `/linkedin/posts/:id/likes` route, which is not LinkedIn's `socialActions/{id}/likes`.
    let ts = "import { Router, Request, Response } from 'express';\n\nconst router = Router();\nconst LINKEDIN_API = 'https://api.linkedin.com/v2';\n\nrouter.get('/auth/linkedin', (req: Request, res: Response) => {\n  res.redirect(`https://www.linkedin.com/oauth/v2/authorization?${qs.stringify(params)}`);\n});\n\nrouter.get('/linkedin/posts/:id/likes', async (req: Request, res: Response) => {\n  const likes = await res.locals.linkedinClient.getLikesForPost(req.params.id);\n  res.json(likes);\n});\n\nrouter.post('/linkedin/posts/:id/comments', async (req: Request, res: Response) => {\n  res.json(await res.locals.linkedinClient.commentOnPost(req.params.id, req.body.comment));\n});\n\nrouter.get('/post-likes', async (req: Request, res: Response) => {\n  res.json(await fetch(`${LINKEDIN_API}/socialActions/${req.query.urn}/likes`));\n});\n";
    assert_eq!(
        found_ids("src/api/routes.ts", ts),
        vec!["20 social-actions-likes"]
    );
}

/// A production guide's troubleshooting step (round 51): a shell `node -e "…"` whose script
/// escapes its backticks and `${…}`, so the string's value is not its source text. The
/// finding is still on the line and at the text of the URL, and a scope in a Python string
/// with a `\n` escape is at its own text too.
#[test]
fn findings_in_strings_with_escapes_are_placed_at_their_text() {
    let md = "#### 3. API Connection Issues\n```bash\n# Test LinkedIn API\nnode -e \"\nrequire('dotenv').config();\nfetch('https://api.linkedin.com/v2/me', {\n  headers: { 'Authorization': \\`Bearer \\${process.env.LINKEDIN_ACCESS_TOKEN}\\` }\n}).then(r => console.log('Status:', r.status));\n\"\n```\n";
    assert_eq!(
        spans("PRODUCTION-GUIDE.md", md),
        [(6, "v2-me".to_string(), "/v2/me".to_string())]
    );
    let py = "import requests\n\nSCOPES = \"openid\\tr_liteprofile\\tw_member_social\"\nrequests.get(\"https://www.linkedin.com/oauth/v2/authorization\", params={\"scope\": SCOPES})\n";
    assert_eq!(
        spans("auth.py", py),
        [(3, "r-liteprofile".to_string(), "r_liteprofile".to_string())]
    );
}

/// An ASP.NET controller (round 53) builds a JSON body from verbatim strings, one of which
/// starts with an escaped quote (`@"""}}"`): not a C# raw string literal, which would run on
/// to the next `"""` and hide the version headers and URLs after it.
#[test]
fn a_csharp_verbatim_string_opening_with_an_escaped_quote_is_not_a_raw_string() {
    let cs = "public class LinkedInController : ControllerBase\n{\n    private async Task<string?> PostCertificate(string? personId, string? accessToken)\n    {\n        var newUrl = \"https://api.linkedin.com/rest/images?action=initializeUpload\";\n        var newBody = @\"{\"\"initializeUploadRequest\"\": {\"\"owner\"\": \"\"urn:li:person:\" + personId + @\"\"\"}}\";\n        var request = new HttpRequest\n        {\n            Url = newUrl,\n            Headers = new HttpHeaders()\n                .Add(\"Authorization\", \"Bearer \" + accessToken)\n                .Add(\"LinkedIn-Version\",\"202303\")\n        };\n        var url = \"https://api.linkedin.com/v2/ugcPosts\";\n        return url;\n    }\n}\n";
    assert_eq!(
        found_ids("Controllers/LinkedInController.cs", cs),
        ["12 version-sunset-policy", "14 v2-ugc-posts"]
    );
}

/// A Laravel metrics job (syllaby, twenty-first round): the Video Analytics API asked for on `/v2`,
/// although it sends the version headers the versioned `/rest/videoAnalytics` needs. The
/// `/rest` form is clean.
#[test]
fn video_analytics_on_v2_is_the_unversioned_api() {
    let php = "<?php\n\nclass LinkedInViewsJob\n{\n    protected function fetch(): AbstractHandler\n    {\n        $this->response = Http::withHeaders([\n            'LinkedIn-Version' => config('services.linkedin.api_version'),\n            'X-Restli-Protocol-Version' => '2.0.0',\n        ])->get('https://api.linkedin.com/v2/videoAnalytics', [\n            'q' => 'entity',\n            'type' => 'VIDEO_VIEW',\n        ])->throw();\n        $rest = Http::get('https://api.linkedin.com/rest/videoAnalytics', ['q' => 'entity']);\n        return $this;\n    }\n}\n";
    assert_eq!(
        spans("app/Jobs/LinkedInViewsJob.php", php),
        [(
            10,
            "v2-video-analytics".to_string(),
            "/v2/videoAnalytics".to_string()
        )]
    );
}

/// Modelled on an Express backend's upload controller (round 55): the scheme is in the name
/// the header interpolates (`const token = `Bearer ${…}``), so `${token}` is a Bearer value;
/// a name holding the bare token is still reported.
#[test]
fn a_token_name_bound_to_a_bearer_value_carries_its_scheme() {
    let ts = r#"import axios from "axios";

export class UploadLinkedinImageController {
    async handle(req: Request, res: Response) {
        const token = `Bearer ${await this.getTokenUseCase.execute()}`;
        const response = await axios.put(req.body.uploadUrl, file, {
            headers: {
                "Authorization": `${token}`,
                "Content-Type": "image/png",
            },
        });
        const accessToken = await this.getTokenUseCase.execute();
        await axios.get("https://api.linkedin.com/v2/userinfo", {
            headers: { "Authorization": `${accessToken}` },
        });
    }
}
"#;
    let lines: Vec<(usize, String)> =
        spans("src/controllers/upload-linkedin-image-controller.ts", ts)
            .into_iter()
            .map(|(l, id, _)| (l, id))
            .collect();
    assert_eq!(lines, [(14, "bearer-scheme".to_string())]);
}

/// Modelled on a React SPA that calls the API from the browser (round 56): through a CORS
/// proxy, the URL the proxy carries is the request. Another API behind the proxy, and a
/// LinkedIn URL in a proxy's query string (a redirect target), are not.
#[test]
fn a_cors_proxys_url_carries_the_request() {
    let js = r#"export const linkedInProfileData = async ({ access_token }) => {
  const url = 'https://radiant-brushlands-64499.herokuapp.com/https://api.linkedin.com/v2/me'
  return fetch(url, { headers: { Authorization: 'Bearer ' + access_token } })
};

export const ShareText = async ({ access_token }) => {
  const url = 'https://cors-anywhere.herokuapp.com/https://api.linkedin.com/v2/ugcPosts'
  const other = 'https://cors-anywhere.herokuapp.com/https://graph.facebook.com/v2/me'
  const login = 'https://auth.example.com/login?next=https://api.linkedin.com/v2/me'
  return fetch(url, { method: 'POST' })
};
"#;
    assert_eq!(
        spans("src/api/LinkedInApi.js", js),
        [
            (2, "v2-me".to_string(), "/v2/me".to_string()),
            (7, "v2-ugc-posts".to_string(), "/v2/ugcPosts".to_string()),
        ]
    );
}
