//! Readers for the forms real integrations are written in: R, Swift, Dart, Objective-C,
//! notebooks, Markdown prose, shell command substitutions. Exact findings on
//! tests/fixtures/readers, and clean look-alikes of other APIs.
// linkedin-lint: allow-file(endpoint-deprecated) -- test inputs

mod common;

use common::{brief, json};

const DIR: &str = "tests/fixtures/readers/";

/// Findings on one fixture (`line:col rule/id`), cross-file findings left out.
fn findings(file: &str) -> Vec<String> {
    let path = format!("{DIR}{file}");
    let (doc, _) = json(&[&path]);
    brief(&doc)
        .into_iter()
        .filter(|f| !f.contains("version-inconsistent"))
        .map(|f| f.replace(&format!("{path}:"), ""))
        .collect()
}

#[test]
fn r_strings_arrows_named_headers_and_raw_strings() {
    assert_eq!(
        findings("client.R"),
        [
            // `base_url <- "…/v1/people/"`; the roxygen `#'` line above is a comment.
            "5:40 endpoint-deprecated/v1-api",
            // httr2 `req_headers("LinkedIn-Version" = "202401")`.
            "13:29 version-sunset/version-sunset-dated",
            // `list(lkd.api_version = '202401')`.
            "19:37 version-sunset/version-sunset-dated",
            // `c('r_liteprofile', …)`.
            "20:16 scope-deprecated/r-liteprofile",
            // `r"(…)"` raw string.
            "21:37 endpoint-deprecated/v2-me",
        ]
    );
}

#[test]
fn dart_single_quotes_raw_strings_and_interpolation() {
    assert_eq!(
        findings("scopes.dart"),
        [
            "8:31 scope-deprecated/r-emailaddress",
            // `'$apiBase/v2/me'`.
            "12:29 endpoint-deprecated/v2-me",
            "13:39 version-sunset/version-sunset-dated",
        ]
    );
}

#[test]
fn swift_arrays_and_interpolation() {
    assert_eq!(
        findings("ViewController.swift"),
        [
            "5:19 scope-deprecated/r-liteprofile",
            "5:36 scope-deprecated/r-emailaddress",
            // `"\(base)/v2/me"`: the interpolation is the base; the finding is at `/v2/me`
            // although the value (`${base}/v2/me`) is not the source text.
            "9:27 endpoint-deprecated/v2-me",
            "16:52 endpoint-deprecated/v2-ugc-posts",
        ]
    );
}

#[test]
fn objective_c_at_strings() {
    assert_eq!(findings("LIAClient.m"), ["6:47 endpoint-deprecated/v2-me"]);
}

#[test]
fn other_apis_in_these_languages_stay_clean() {
    let (doc, code) = json(&[&format!("{DIR}clean")]);
    assert_eq!(brief(&doc), Vec::<String>::new());
    assert_eq!(code, 0);
}

#[test]
fn markdown_prose_inline_code_tables_and_nested_fences() {
    assert_eq!(
        findings("README.md"),
        [
            // Inline code and prose in a document about the LinkedIn API.
            "3:42 endpoint-deprecated/v2-me",
            "5:23 scope-deprecated/r-liteprofile",
            "6:39 version-sunset/version-sunset-dated",
            "7:31 endpoint-deprecated/v2-social-actions",
            // A fence inside a list item.
            "10:67 endpoint-deprecated/v2-ugc-posts",
            // A table cell.
            "15:3 endpoint-deprecated/v2-shares",
            // `r_emailaddress` on line 18 is allowed by the HTML comment above it.
        ]
    );
}

#[test]
fn an_oauth1_base_without_a_trailing_slash_is_found() {
    // R clients of the v1 era hand httr the OAuth 1.0a root as a base URL and name the steps
    // separately; the root itself is the retired endpoint. `/uas/oauth2` stays its own entry.
    let dir = common::tree(&[(
        "R/auth.R",
        "# LinkedIn OAuth 1.0a\nlinkedin <- httr::oauth_endpoint(base_url = \"https://api.linkedin.com/uas/oauth\", \"requestToken\", \"authorize\", \"accessToken\")\nlegacy <- \"https://www.linkedin.com/uas/oauth2/authorization\"\n",
    )]);
    let (doc, _) = json(&[dir.path().to_str().unwrap()]);
    let prefix = format!("{}/", dir.path().display());
    let got: Vec<String> = brief(&doc)
        .into_iter()
        .map(|f| f.trim_start_matches(&prefix).to_string())
        .collect();
    assert_eq!(
        got,
        [
            "R/auth.R:2:70 endpoint-deprecated/uas-oauth1",
            "R/auth.R:3:36 endpoint-deprecated/uas-oauth2",
        ]
    );
}

/// Salesforce Apex (`.cls`, `.trigger`) is read as Java: `'…'` strings, `//` comments and
/// `req.setEndpoint(…)`. A LaTeX class file, which shares the extension, is not read.
#[test]
fn apex_classes_are_read_and_latex_classes_are_not() {
    assert_eq!(
        findings("LinkedInShareService.cls"),
        ["6:50 endpoint-deprecated/v2-ugc-posts"]
    );
    assert_eq!(findings("resume.cls"), Vec::<String>::new());
}

/// C and C++: string literals in code and in `#define`, comments left out.
#[test]
fn c_and_cpp_sources_and_headers_are_read() {
    assert_eq!(
        findings("linkedin_client.cpp"),
        [
            "8:43 endpoint-deprecated/v1-api",
            "14:50 endpoint-deprecated/v1-api",
        ]
    );
    assert_eq!(
        findings("linkedin_client.h"),
        [
            "4:52 endpoint-deprecated/uas-oauth1",
            "5:51 endpoint-deprecated/uas-oauth1",
            "6:45 scope-deprecated/r-emailaddress",
        ]
    );
}

/// An OCaml provider (ocaml-social-sdk's shape): `let api_base = "…/v2"` and paths as
/// `Printf.sprintf "%s/ugcPosts" api_base`; `(* *)` comments nest, `'a` is a type variable
/// and `','` a character, neither a string.
#[test]
fn ocaml_modules_are_read() {
    assert_eq!(
        findings("linkedin_client.ml"),
        [
            "7:17 scope-deprecated/r-liteprofile",
            "17:44 endpoint-deprecated/v2-assets-register-upload",
            "20:31 endpoint-deprecated/v2-ugc-posts",
            "24:48 endpoint-deprecated/social-actions-likes",
        ]
    );
}

/// An Erlang sign-in module (zotonic's `mod_linkedin` shape): a `-define`d scope string, a
/// binary holding the authorize URL, a `++`-joined profile URL. A `$"` character literal does
/// not open a string that would swallow the URL after it.
#[test]
fn erlang_modules_are_read() {
    assert_eq!(
        findings("linkedin_oauth.erl"),
        [
            "4:26 scope-deprecated/r-liteprofile",
            "4:40 scope-deprecated/r-emailaddress",
            "9:36 endpoint-deprecated/uas-oauth2",
            "19:36 endpoint-deprecated/v2-me",
        ]
    );
}

/// A Blazor component (`.razor`): the C# of its `@code` block is read, and an apostrophe in
/// its markup does not swallow the code after it.
#[test]
fn razor_components_are_read_as_csharp() {
    assert_eq!(
        findings("Authentication.razor"),
        [
            "13:25 scope-deprecated/r-liteprofile",
            "13:39 scope-deprecated/r-emailaddress"
        ]
    );
}

#[test]
fn lua_strings_and_block_comments() {
    assert_eq!(
        findings("send_api.lua"),
        [
            // The `--[[ … ]]` block above holds a v1 URL: a comment, not a request.
            "13:50 endpoint-deprecated/v2-me",
            "14:16 scope-deprecated/r-liteprofile",
            "14:30 scope-deprecated/r-emailaddress",
            "20:41 version-sunset/version-sunset-dated",
        ]
    );
}

/// A Go marketing ETL's shape (round 55): the version's default sits in the project's own
/// environment helper (`envOr("LINKEDIN_API_VERSION", "202411")`), in docker-compose's
/// `${LINKEDIN_API_VERSION:-202411}`, and the setup guide is a `.txt` file naming a retired
/// URL. Meta's `v21.0` default and an `${…:?message}` are not LinkedIn versions.
#[test]
fn environment_helper_and_compose_defaults_and_text_guides() {
    assert_eq!(
        findings("go_env/config.go"),
        ["25:55 version-sunset/version-sunset-dated"]
    );
    assert_eq!(
        findings("go_env/docker-compose.yml"),
        ["7:53 version-sunset/version-sunset-dated"]
    );
    assert_eq!(
        findings("go_env/SETUP.txt"),
        ["9:31 endpoint-deprecated/v2-organizational-entity-acls"]
    );
}

/// A Power BI custom connector (round 57): Power Query M, read by the Go reader's rules:
/// `"…"` strings, `//` and `/* */` comments (a retired scope named in a comment is no request),
/// `#"…"` quoted names.
#[test]
fn power_query_connectors_are_read() {
    assert_eq!(
        findings("LinkedIn.pq"),
        [
            "14:6 scope-deprecated/r-liteprofile",
            "20:70 endpoint-deprecated/v2-organizational-entity-acls",
            "24:42 endpoint-deprecated/v1-api",
        ]
    );
}
