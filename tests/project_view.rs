//! The tree-level view: relative paths joined to a LinkedIn base defined elsewhere, versions
//! held by any `version` name, header names that are not header values, and `/rest/` URLs
//! handed to a helper that sets `LinkedIn-Version` in another file.
// linkedin-lint: allow-file(endpoint-deprecated) -- test inputs: the paths the fixtures are rewritten with

mod common;

use common::{brief, json};

fn findings(dir: &str) -> Vec<String> {
    let path = format!("tests/fixtures/project/{dir}");
    let (doc, _) = json(&[&path]);
    let prefix = format!("{path}/");
    brief(&doc)
        .into_iter()
        .map(|f| f.trim_start_matches(&prefix).to_string())
        .collect()
}

#[test]
fn relative_paths_join_a_linkedin_base_defined_elsewhere() {
    assert_eq!(
        findings("relative"),
        [
            // `{'path': 'adCampaignsV2'}`: a bare camelCase resource named as a path.
            "py/acme_linkedin/campaigns.py:3:22 endpoint-deprecated/ad-campaigns-v2",
            // The base is in `constants.py`; the example uses a client built on it.
            "py/examples/share.py:5:16 endpoint-deprecated/v2-me",
            "py/examples/share.py:6:23 endpoint-deprecated/v2-ugc-posts",
            // The base is in the constructor (`baseURL: 'https://api.linkedin.com/v2'`).
            "ts/src/linkedinClient.ts:14:27 endpoint-deprecated/v2-people",
            "ts/src/linkedinClient.ts:18:28 endpoint-deprecated/v2-ugc-posts",
            "ts/src/linkedinClient.ts:22:27 endpoint-deprecated/v2-organizations",
            "ts/src/linkedinClient.ts:26:28 endpoint-deprecated/v2-social-actions",
        ]
    );
}

/// An SDK wrapper in the shape of real PHP LinkedIn clients: the `/v2/` base is a class
/// constant, the HTTP client reaches it through a typed constructor argument (no call, no
/// import), and resources pass bare names (`'adCampaigns'`, `'organizations/' . $id`).
#[test]
fn an_sdk_wrapper_joins_resource_names_to_its_v2_base() {
    assert_eq!(
        findings("relative-php"),
        [
            // A camelCase word that names a `/v2/` resource of the table.
            "src/Resources/Campaigns.php:17:37 endpoint-deprecated/v2-ad-campaigns",
            // A generic name: the file uses `ApiClient`, a class that uses `ApiConfig`.
            "src/Resources/Campaigns.php:22:36 endpoint-deprecated/v2-organizations",
            // A one-word name with a Rest.li finder (`?q=`) is a path too.
            "src/Resources/Campaigns.php:27:36 endpoint-deprecated/v2-organizations",
            // One-word resource names asked of the client (`$this->client->get('me', …)`),
            // in a file that also holds a shared page's URL (content, not another API's
            // base); not `$this->settings->get('me')`, a lookup.
            "src/Resources/Profile.php:18:14 endpoint-deprecated/v2-me",
            "src/Resources/Profile.php:21:38 endpoint-deprecated/v2-email-address",
            // Not `$headers['Authorization'] = ['REDACTED']`: a log mask is not a credential.
        ]
    );
    // With a `/rest/` base in reach too, a versioned name (`adCampaigns`, whose unversioned
    // name was `adCampaignsV2`) is taken to go to `/rest/`: LinkedIn's own clients do that.
    let dir = "tests/fixtures/project/relative-php/src";
    let config = std::fs::read_to_string(format!("{dir}/Http/ApiConfig.php")).unwrap();
    let both = config.replace(
        "    public const DEFAULT_BASE_URI",
        "    public const REST_BASE_URI = 'https://api.linkedin.com/rest/';\n    public const DEFAULT_BASE_URI",
    );
    assert_ne!(both, config);
    let client = std::fs::read_to_string(format!("{dir}/Http/ApiClient.php")).unwrap();
    let campaigns = std::fs::read_to_string(format!("{dir}/Resources/Campaigns.php")).unwrap();
    let tmp = common::tree(&[
        ("src/Http/ApiConfig.php", both.as_str()),
        ("src/Http/ApiClient.php", client.as_str()),
        ("src/Resources/Campaigns.php", campaigns.as_str()),
    ]);
    let (out, _, _) = common::short_raw(tmp.path(), &["."]);
    let ids: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split(['[', ']']).nth(1))
        .collect();
    assert_eq!(
        ids,
        [
            "version-missing/rest-without-version",
            "endpoint-deprecated/v2-organizations",
            "endpoint-deprecated/v2-organizations"
        ],
        "{out}"
    );
}

#[test]
fn relative_findings_carry_no_fix() {
    let (doc, _) = json(&["tests/fixtures/project/relative"]);
    for f in doc["findings"].as_array().unwrap() {
        assert!(f["fix"].is_null(), "{f}");
    }
}

#[test]
fn another_apis_me_stays_clean() {
    // `/me` against `https://graph.facebook.com/v2`, in a file that also signs in with
    // LinkedIn and in a tree that defines a LinkedIn `/v2` base elsewhere.
    assert_eq!(findings("multi-provider"), Vec::<String>::new());
}

#[test]
fn any_version_name_holds_a_version_and_header_names_are_not_values() {
    assert_eq!(
        findings("versions"),
        [
            "py/linkedin_ads.py:3:16 version-sunset/version-sunset-policy",
            "py/linkedin_ads.py:3:16 version-inconsistent/multiple-versions",
            // A docstring's usage example: documentation (info).
            "py/linkedin_ads.py:12:40 version-sunset/version-sunset-policy",
            "ts/linkedinAds.ts:3:29 version-sunset/version-sunset-dated",
            "ts/linkedinAds.ts:3:29 version-inconsistent/multiple-versions",
            // Three versions at one site each: the newest (here) is kept, the others differ.
            "ts/linkedinAds.ts:10:58 version-sunset/version-sunset-dated",
        ]
    );
    // `api_version = "202401"` in a Stripe file is not LinkedIn's.
    assert_eq!(findings("versions/stripe"), Vec::<String>::new());
}

#[test]
fn a_helper_in_another_file_sets_the_version() {
    // No `version-missing` on the `/rest/` calls; the pinned 202601 is supported (53 days
    // before its sunset, outside the 30-day `version-expiring` window).
    assert_eq!(findings("helper-go"), Vec::<String>::new());
}

/// Two scripts side by side (devdsgnn/DevOPs): one pins `LinkedIn-Version` on its own call,
/// the other posts to `/rest/posts` without it. Both define `const accessToken`: a name a file
/// defines itself is its own, not a sign that it calls the other file's helper.
#[test]
fn a_name_both_files_define_does_not_make_one_the_others_helper() {
    let pinned = "import fetch from 'node-fetch';

const accessToken = process.env.LINKEDIN_TOKEN;

async function getPersonId() {
  const response = await fetch('https://api.linkedin.com/rest/me', {
    headers: { Authorization: `Bearer ${accessToken}`, 'LinkedIn-Version': '202606' },
  });
  return response.json();
}
";
    let unpinned = "import fetch from 'node-fetch';
import dotenv from 'dotenv';

dotenv.config();

const accessToken = process.env.LINKEDIN_ACCESS_TOKEN;

async function testPost() {
  const res = await fetch('https://api.linkedin.com/rest/posts', {
    method: 'POST',
    headers: { Authorization: `Bearer ${accessToken}`, 'X-Restli-Protocol-Version': '2.0.0' },
  });
  return res.json();
}
";
    assert_eq!(
        tree_findings(&[
            ("scripts/get-id.js", pinned),
            ("scripts/test-post.js", unpinned)
        ]),
        ["scripts/test-post.js:9:52 version-missing/rest-without-version"]
    );
}

#[test]
fn a_url_under_an_authorization_key_is_not_a_credential() {
    // Modelled on Flutter sign-in plugins: an enum-keyed map of endpoint URLs, one of them the
    // authorization endpoint. Before, each such URL was an `auth-scheme` error.
    assert_eq!(findings("auth-urls"), Vec::<String>::new());
}

#[test]
fn versions_defined_under_a_name_another_file_sends_as_the_header() {
    assert_eq!(
        findings("version-keys"),
        [
            // `getOption('lkd.api_version')` is the header's value in utils.R.
            "R/zzz.R:3:37 version-sunset/version-sunset-dated",
            // The two projects of this fixture pin different versions: the older is the outlier.
            "R/zzz.R:3:37 version-inconsistent/multiple-versions",
            // `'LinkedIn-Version': API_REVISION` with the constant imported from here;
            // `BUILD_MONTH` reaches no header and stays quiet.
            "ts/src/constants.ts:2:30 version-sunset/version-sunset-policy",
        ]
    );
}

#[test]
fn linkedins_python_client_places_v2_only_paths() {
    // Modelled on scripts written against LinkedIn's own Python client: no base URL in the
    // tree, `resource_path` relative to the client's built-in bases.
    let script = r#"from linkedin_api.clients.restli.client import RestliClient

API_VERSION = "202611"
UGC_POSTS_RESOURCE = "/ugcPosts"
ME_RESOURCE = "/me"
restli_client = RestliClient()

accounts = restli_client.get(resource_path="/adAccountsV2/513424108", access_token=token)
me = restli_client.get(resource_path=ME_RESOURCE, access_token=token)
org = restli_client.get(resource_path="/organizations/2414183", version_string=API_VERSION, access_token=token)
campaigns = restli_client.finder(resource_path="/adAccounts", finder_name="search", version_string=API_VERSION, access_token=token)
"#;
    let ids = |text: &str| -> Vec<String> {
        let tmp = common::tree(&[("scripts/ads.py", text)]);
        let (out, _, _) = common::short_raw(tmp.path(), &["."]);
        out.lines()
            .filter_map(|l| {
                let (place, rest) = l.split_once(": ")?;
                let id = rest.split(['[', ']']).nth(1)?;
                Some(format!("{place} {id}"))
            })
            .collect()
    };
    // Only paths that exist under `/v2` alone: `/me` and `/organizations` go to `/rest` when
    // the call passes a version, and `/adAccounts` is the versioned name.
    assert_eq!(
        ids(script),
        [
            "scripts/ads.py:4:23 endpoint-deprecated/v2-ugc-posts",
            "scripts/ads.py:8:45 endpoint-deprecated/ad-accounts-v2",
        ]
    );
    // Without the client, nothing says where these paths go.
    let other = script.replace("RestliClient", "HttpClient");
    assert_eq!(ids(&other), Vec::<String>::new());
}

/// Declarative Java HTTP clients, in the shape of a release tool's LinkedIn announcer (Feign:
/// `@RequestLine("GET /me")` in an interface, the `/v2` base in the class that builds it) and
/// of Android apps (Retrofit: `@GET("me")`, base in `Retrofit.Builder().baseUrl(…)`).
#[test]
fn declarative_java_clients_join_their_paths_to_the_base_they_are_built_on() {
    let feign_api = r#"package org.acme.announce.linkedin;

import feign.Headers;
import feign.RequestLine;

public interface SocialApi {
    @RequestLine("GET /me")
    @Headers("Content-Type: application/json")
    Member currentMember();

    @RequestLine("POST /shares")
    @Headers("Content-Type: application/json")
    void share(Share share);
}
"#;
    let feign_sdk = r#"package org.acme.announce.linkedin;

public class SocialSdk {
    private final SocialApi api;

    SocialSdk(String apiHost, int timeout) {
        this.api = Feign.builder()
            .encoder(new JacksonEncoder())
            .target(SocialApi.class, apiHost);
    }

    public static class Builder {
        private String apiHost;

        public SocialSdk build() {
            if (apiHost == null) {
                apiHost = "https://api.linkedin.com/v2";
            }
            return new SocialSdk(apiHost, 30);
        }
    }
}
"#;
    let retrofit_service = r#"package com.acme.app.net;

import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Header;

public interface LinkedInService {
    @GET("me")
    Call<Profile> me(@Header("Authorization") String bearer);
}
"#;
    let retrofit_factory = r#"package com.acme.app.net;

public final class Services {
    public static LinkedInService linkedIn() {
        Retrofit retrofit = new Retrofit.Builder()
            .baseUrl("https://api.linkedin.com/v2/")
            .addConverterFactory(GsonConverterFactory.create())
            .build();
        return retrofit.create(LinkedInService.class);
    }
}
"#;
    // A server route of the app's own (`@Get` is Micronaut's, NestJS's), not a request.
    let route = r#"package com.acme.app.web;

@Controller("/linkedin")
public class LinkedinCallback {
    @Get("/me")
    public Profile me() { return profiles.current(); }
}
"#;
    let tmp = common::tree(&[
        ("announce/SocialApi.java", feign_api),
        ("announce/SocialSdk.java", feign_sdk),
        ("app/net/LinkedInService.java", retrofit_service),
        ("app/net/Services.java", retrofit_factory),
        ("app/web/LinkedinCallback.java", route),
    ]);
    let (out, _, code) = common::short_raw(tmp.path(), &["."]);
    let found: Vec<&str> = out
        .lines()
        .map(|l| l.split(": ").next().unwrap_or(""))
        .collect();
    assert_eq!(
        found,
        [
            // The span is the path, past Feign's `GET `.
            "announce/SocialApi.java:7:23",
            "announce/SocialApi.java:11:24",
            "app/net/LinkedInService.java:8:11",
        ],
        "{out}"
    );
    assert!(
        out.contains("[endpoint-deprecated/v2-me]")
            && out.contains("[endpoint-deprecated/v2-shares]")
    );
    assert_eq!(code, 0, "warnings only");
    // The same interface with nothing building it on a LinkedIn base: nothing says where
    // `/me` goes.
    let alone = common::tree(&[("announce/SocialApi.java", feign_api)]);
    let (out, _, _) = common::short_raw(alone.path(), &["."]);
    assert_eq!(out, "");
}

/// An old v1 SDK (node-linkedin's shape): the only LinkedIn base of the tree is v1, and the
/// service modules ask a request helper for resources after the HTTP method
/// (`this.createCall('GET', 'companies/' + id)`). Each such resource is a v1 request. A
/// lower-case method in a helper not named for requests (`cache('get', 'people')`) is not; an
/// upper-case one is, whatever the helper (`translate('GET', 'companies')`). With a `/v2` base
/// anywhere in the tree, a plain resource name is not taken for v1.
#[test]
fn a_v1_sdks_resource_modules_ask_for_v1_paths() {
    assert_eq!(
        findings("relative-v1-sdk"),
        [
            "lib/main.js:4:39 endpoint-deprecated/v1-api",
            "lib/services/companies.js:8:37 endpoint-deprecated/v1-api",
            "lib/services/companies.js:12:37 endpoint-deprecated/v1-api",
            // A full v1 URL, and the path joined to it.
            "lib/services/companies.js:16:62 endpoint-deprecated/v1-api",
            "lib/services/companies.js:16:86 endpoint-deprecated/v1-api",
            "lib/services/companies.js:20:36 endpoint-deprecated/v1-api",
        ]
    );
    let dir = common::tree(&[
        (
            "lib/main.js",
            "var config = { api_url: \"https://api.linkedin.com/v2/\" };\n",
        ),
        (
            "lib/services/companies.js",
            // The same module, its one full URL on the `/v2` base.
            &std::fs::read_to_string(
                "tests/fixtures/project/relative-v1-sdk/lib/services/companies.js",
            )
            .unwrap()
            .replace("/v1/companies/", "/v2/companies/"),
        ),
    ]);
    let (doc, _) = json(&[dir.path().to_str().unwrap()]);
    let v1: Vec<String> = brief(&doc)
        .into_iter()
        .filter(|f| f.contains("v1-"))
        .collect();
    assert_eq!(v1, Vec::<String>::new());
}

/// An old v1 gem (hexgnu/linkedin's shape, and its forks): the request helper joins
/// `API_PATH = '/v1'` to every path, the host is the OAuth client's `:site` in another file,
/// and the query modules build the paths (`path = "/people"`, `"#{person_path(options)}/…"`,
/// `"/#{type}-search"`, a path with options interpolated after it). Each built path is a v1
/// request; a constant a message body names a member by (`PEOPLE = "/people/"`) and the
/// fragments appended to a built path (`path += "/id=…"`, `path += "/~"`) are not. Without
/// the host, nothing says where `'/v1'` goes.
#[test]
fn a_v1_gems_path_fragments_join_its_hostless_v1_prefix() {
    assert_eq!(
        findings("relative-v1-gem"),
        [
            "lib/linked_in/api/query_methods.rb:11:17 endpoint-deprecated/v1-api",
            "lib/linked_in/api/query_methods.rb:16:17 endpoint-deprecated/v1-api",
            "lib/linked_in/api/query_methods.rb:23:15 endpoint-deprecated/v1-people",
            "lib/linked_in/api/query_methods.rb:35:17 endpoint-deprecated/v1-api",
            "lib/linked_in/helpers/request.rb:4:19 endpoint-deprecated/v1-api",
            "lib/linked_in/search.rb:5:15 endpoint-deprecated/v1-api",
            "lib/linked_in/search.rb:10:15 endpoint-deprecated/v1-api",
        ]
    );
    let root = "tests/fixtures/project/relative-v1-gem/lib/linked_in";
    let read = |p: &str| std::fs::read_to_string(format!("{root}/{p}")).unwrap();
    let (request, queries) = (read("helpers/request.rb"), read("api/query_methods.rb"));
    assert_eq!(
        tree_findings(&[
            ("lib/linked_in/helpers/request.rb", &request),
            ("lib/linked_in/api/query_methods.rb", &queries),
        ]),
        Vec::<String>::new()
    );
}

/// A client whose constructor defaults hold the host and the base's segment apart
/// (agrigory777/node-linkedin: `api_host = 'https://api.linkedin.com', api_resource = '/v2'`,
/// joined into `this.url`): the paths after `${this.url}` are `/v2` paths.
#[test]
fn a_constructors_default_host_and_resource_make_the_base() {
    let client = "module.exports = class LinkedInRestClient {
  constructor(client_id, api_host = 'https://api.linkedin.com', api_resource = '/v2') {
    this.url = api_host + api_resource;
    this.client_id = client_id;
  }

  async getCurrentMemberProfile(fields, access_token) {
    const url = `${this.url}/me?projection=(${fields.join(',')})`;
    return this.invoke('GET', url, { access_token });
  }

  async getCompanyShares(urn, access_token) {
    const url = `${this.url}/shares?q=owners&owners=${urn}`;
    return this.invoke('GET', url, { access_token });
  }
};
";
    assert_eq!(
        tree_findings(&[("lib/LinkedInAPI.js", client)]),
        [
            "lib/LinkedInAPI.js:8:29 endpoint-deprecated/v2-me",
            "lib/LinkedInAPI.js:13:29 endpoint-deprecated/v2-shares",
        ]
    );
    // A test config that binds `url` to a company page (agrigory777/node-linkedin's
    // `test/config/index.js`) says nothing about `this.url`, which the file itself builds.
    let config = "module.exports = {\n  company: {\n    id: 1337,\n    url: 'https://www.linkedin.com/company/devtestco',\n  },\n};\n";
    assert_eq!(
        tree_findings(&[
            ("lib/LinkedInAPI.js", client),
            ("test/config/index.js", config)
        ]),
        [
            "lib/LinkedInAPI.js:8:29 endpoint-deprecated/v2-me",
            "lib/LinkedInAPI.js:13:29 endpoint-deprecated/v2-shares",
        ]
    );
    // Named for something else, `'/v2'` is no base (`api_release = '/v2'` could be any
    // other API's segment), so the paths stay unjudged.
    assert_eq!(
        tree_findings(&[(
            "lib/LinkedInAPI.js",
            &client.replace("api_resource", "api_release")
        )]),
        Vec::<String>::new()
    );
}

/// The findings of a tree written from `files`, with paths relative to its root.
fn tree_findings(files: &[(&str, &str)]) -> Vec<String> {
    let dir = common::tree(files);
    let root = dir.path().to_str().unwrap().to_string();
    let (doc, _) = json(&[&root]);
    brief(&doc)
        .into_iter()
        .map(|f| f.trim_start_matches(&format!("{root}/")).to_string())
        .collect()
}

/// The rustc-style report of a tree of `files`: it quotes each finding's line from the text
/// the scan keeps of the file.
fn rustc_report(files: &[(&str, &str)]) -> String {
    let dir = common::tree(files);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_linkedin-lint"))
        .args(["check", "--format", "rustc", "--today", "2026-11-23"])
        .arg(dir.path())
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A plugin in corsair's shape: the client is built on the bare host in one module and each
/// endpoint module passes a whole `/v2/…` path. Generic names (`/v2/images`, `/v2/videos`) need
/// LinkedIn's host, which the tree holds; without it, or in a module that also names another
/// API's URL, they stay quiet.
#[test]
fn whole_v2_paths_join_the_bare_host_held_elsewhere() {
    let client = "export const BASE_URL = 'https://api.linkedin.com';\nexport const linkedinClient = createClient({ baseUrl: BASE_URL });\n";
    let images = "import { linkedinClient } from '../client';\n\nexport async function uploadImage(body) {\n  return linkedinClient.post('/v2/images', body);\n}\n";
    assert_eq!(
        tree_findings(&[
            ("src/client.ts", client),
            ("src/endpoints/images.ts", images)
        ]),
        ["src/endpoints/images.ts:4:31 endpoint-deprecated/v2-images"]
    );
    assert_eq!(
        tree_findings(&[("src/endpoints/images.ts", images)]),
        Vec::<String>::new()
    );
    let mixed = images.replace(
        "export async",
        "const REGISTRY = 'https://registry.example.com/v2';\nexport async",
    );
    assert_eq!(
        tree_findings(&[
            ("src/client.ts", client),
            ("src/endpoints/images.ts", &mixed)
        ]),
        Vec::<String>::new()
    );
}

/// A .NET client generated from an XML service definition (round 28): `Path="/v1/…"`
/// attributes with no host, joined at run time to the configured `https://api.linkedin.com`.
/// Without the host in the tree, a `/v1/…` path may be any API's (Medium's `/v1/me`).
#[test]
fn generated_clients_v1_paths_join_the_bare_host_held_elsewhere() {
    let config = "namespace Sparkle.LinkedInNET\n{\n    public class LinkedInApiConfiguration\n    {\n        public string BaseApiUrl { get; set; } = \"https://api.linkedin.com\";\n    }\n}\n";
    let api = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Root>\n  <ApiGroup Name=\"Profiles\">\n    <ApiMethod MethodName=\"GetProfileById\" HttpMethod=\"GET\" Path=\"/v1/people/id={MemberToken}\"\n      Remark=\"See https://developer.linkedin.com/documents/profile-api\" />\n  </ApiGroup>\n</Root>\n";
    assert_eq!(
        tree_findings(&[
            ("src/LinkedInApiConfiguration.cs", config),
            ("src/LinkedInApi.xml", api)
        ]),
        ["src/LinkedInApi.xml:4:67 endpoint-deprecated/v1-api"]
    );
    assert_eq!(
        tree_findings(&[("src/LinkedInApi.xml", api)]),
        Vec::<String>::new()
    );
    // The report quotes the line (a finding the tree-wide pass keeps must have its line kept
    // when the file's text is cut down to what findings point at).
    let text = rustc_report(&[
        ("src/LinkedInApiConfiguration.cs", config),
        ("src/LinkedInApi.xml", api),
    ]);
    assert!(
        text.contains("Path=\"/v1/people/id={MemberToken}\""),
        "{text}"
    );
}

/// A Go CLI in the shape of round 29's: the package's client sets `LinkedIn-Version` in its
/// `doRequest` method, and the other files of the package build `/rest/` URLs in place and
/// hand them to `c.doRequest(…)`. A package is its directory: a file of another package that
/// does the same with its own unversioned client is still judged.
#[test]
fn a_go_package_shares_its_clients_version_header() {
    let client = "package linkedin\n\nconst baseURL = \"https://api.linkedin.com\"\n\nfunc (c *Client) doRequest(method, url string, body io.Reader) ([]byte, error) {\n\treq, _ := http.NewRequest(method, url, body)\n\treq.Header.Set(\"LinkedIn-Version\", \"202602\")\n\treturn c.send(req)\n}\n";
    let feed = "package linkedin\n\nfunc (c *Client) GetPosts() ([]byte, error) {\n\treqURL := fmt.Sprintf(\"%s/rest/posts?q=author\", baseURL)\n\treturn c.doRequest(\"GET\", reqURL, nil)\n}\n";
    let other = "package export\n\nfunc Export(c *http.Client) {\n\treq, _ := http.NewRequest(\"GET\", \"https://api.linkedin.com/rest/posts?q=author\", nil)\n\treq.Header.Set(\"Authorization\", \"Bearer \"+token)\n\tc.Do(req)\n}\n";
    assert_eq!(
        tree_findings(&[
            ("internal/linkedin/client.go", client),
            ("internal/linkedin/feed.go", feed),
            ("internal/export/export.go", other),
        ]),
        ["internal/export/export.go:4:60 version-missing/rest-without-version"]
    );
}

/// A Python client assembled from mixins (round 30): each API mixin writes its `/rest/` URL
/// into the call and asks the class for headers (`self._get_headers(use_rest_api=True)`), which the
/// client's module defines with `LinkedIn-Version`. The mixin's call names the helper.
#[test]
fn a_mixin_reaches_the_version_header_through_its_own_method() {
    let client = "class LinkedInClient(DocumentsAPIMixin):\n    def _get_headers(self, use_rest_api=False):\n        headers = {\"Authorization\": f\"Bearer {self.access_token}\"}\n        if use_rest_api:\n            headers[\"Linkedin-Version\"] = \"202611\"\n        return headers\n";
    let documents = "import httpx\n\n\nclass DocumentsAPIMixin:\n    async def upload_document(self, path):\n        async with httpx.AsyncClient() as client:\n            return await client.post(\n                \"https://api.linkedin.com/rest/documents?action=initializeUpload\",\n                headers=self._get_headers(use_rest_api=True),\n            )\n";
    assert_eq!(
        tree_findings(&[
            ("src/api/client.py", client),
            ("src/api/documents.py", documents),
        ]),
        Vec::<String>::new()
    );
    // Without the call, the URL is judged: nothing says the header is sent with it.
    let bare = documents.replace("headers=self._get_headers(use_rest_api=True)", "headers={}");
    assert_eq!(
        tree_findings(&[
            ("src/api/client.py", client),
            ("src/api/documents.py", &bare)
        ]),
        ["src/api/documents.py:8:42 version-missing/rest-without-version"]
    );
}

/// An ads gem (round 31): the host and a `API_PREFIX = "v2/"` constant live in the
/// configuration module, and each resource module adds its resource name to the prefix
/// (`Configuration::API_PREFIX + "adCampaignsV2"`). Without the prefix constant nothing says
/// which API the names are sent to.
#[test]
fn resources_added_to_a_version_prefix_constant_are_v2_paths() {
    let config = "module LinkedIn\n  module Configuration\n    DEFAULT_ENDPOINT = 'https://api.linkedin.com/'.freeze\n\n    API_PREFIX = \"v2/\"\n  end\nend\n";
    let campaigns = "module LinkedIn\n  module Campaigns\n    def campaigns(account_id)\n      get(Configuration::API_PREFIX + \"adCampaignsV2\", q: \"search\")\n    end\n  end\nend\n";
    assert_eq!(
        tree_findings(&[
            ("lib/linked_in/configuration.rb", config),
            ("lib/linked_in/client/campaigns.rb", campaigns),
        ]),
        ["lib/linked_in/client/campaigns.rb:4:40 endpoint-deprecated/ad-campaigns-v2"]
    );
    let no_prefix = config.replace("    API_PREFIX = \"v2/\"\n", "");
    assert_eq!(
        tree_findings(&[
            ("lib/linked_in/configuration.rb", &no_prefix),
            ("lib/linked_in/client/campaigns.rb", campaigns),
        ]),
        Vec::<String>::new()
    );
}

/// A Go SDK (round 32): `type LinkedInClient struct` and its constructor with the `/v2`
/// base in client.go; profile.go's method on the client asks it for `"/me"`. A generic name
/// needs the link: the file names the client type the base file defines.
#[test]
fn a_go_method_on_the_client_type_takes_its_base() {
    let client = "package linkedin\n\ntype LinkedInClient struct {\n\tBaseURL string\n}\n\nfunc NewLinkedInClient() *LinkedInClient {\n\treturn &LinkedInClient{BaseURL: \"https://api.linkedin.com/v2\"}\n}\n";
    let profile = "package linkedin\n\nfunc (c *LinkedInClient) GetProfile() (*Profile, error) {\n\tvar p Profile\n\terr := c.Get(\"/me\", &p)\n\treturn &p, err\n}\n";
    assert_eq!(
        tree_findings(&[
            ("linkedin/client.go", client),
            ("linkedin/profile.go", profile)
        ]),
        ["linkedin/profile.go:5:16 endpoint-deprecated/v2-me"]
    );
    // Another API's client type: `/me` is not LinkedIn's.
    let other = profile.replace("LinkedInClient", "GraphClient");
    assert_eq!(
        tree_findings(&[
            ("linkedin/client.go", client),
            ("linkedin/profile.go", &other)
        ]),
        Vec::<String>::new()
    );
}

/// A dlt REST source (round 31): `base_url` is the versioned `/rest` base and the resources
/// are joined to it by name. `adCampaignsV2` is a name only `/v2` ever had, so the request
/// fails under `/rest` too; `adAccounts/{id}` is the versioned name and fine.
#[test]
fn an_unversioned_v2_name_under_a_rest_base_is_reported() {
    let pipeline = "def build_config(account_id):\n    config = {\n        \"client\": {\n            \"base_url\": \"https://api.linkedin.com/rest\",\n            \"headers\": {\"LinkedIn-Version\": \"202610\"},\n        },\n        \"resources\": [\n            {\"name\": \"accounts\", \"endpoint\": {\"path\": f\"adAccounts/{account_id}\"}},\n            {\"name\": \"campaigns\", \"endpoint\": {\"path\": \"adCampaignsV2\"}},\n        ],\n    }\n    return config\n";
    assert_eq!(
        tree_findings(&[("linkedin_ads/component.py", pipeline)]),
        ["linkedin_ads/component.py:9:57 endpoint-deprecated/ad-campaigns-v2"]
    );
}

/// A generated dlt connector guide (round 44, dlt-hub/vibe-hub): a `/v2` client base, and
/// resources named by `name:` and requested by `endpoint:`/`path:`. `/v2/adCreatives` is
/// neither Creatives name (`adCreativesV2`, `/rest/creatives`) and the Lead Sync API exists only
/// under `/rest`; the resource's `name: leadForms` names its table, not a path.
#[test]
fn ad_and_lead_sync_names_on_the_unversioned_base() {
    let config = "client:\n  base_url: https://api.linkedin.com/v2\nresources:\n- name: creatives\n  endpoint:\n    path: /v2/adCreatives\n- name: leadForms\n  endpoint: /leadForms\n- name: responses\n  endpoint:\n    path: /v2/leadFormResponses\n";
    assert_eq!(
        tree_findings(&[("linkedin_ads/linkedin-ads-docs.yaml", config)]),
        [
            "linkedin_ads/linkedin-ads-docs.yaml:6:11 endpoint-deprecated/v2-ad-creatives",
            "linkedin_ads/linkedin-ads-docs.yaml:8:13 endpoint-deprecated/v2-lead-forms",
            "linkedin_ads/linkedin-ads-docs.yaml:11:11 endpoint-deprecated/v2-lead-form-responses",
        ]
    );
    // The versioned paths are the fix.
    let rest = config
        .replace("/v2\n", "/rest\n")
        .replace("/v2/adCreatives", "creatives")
        .replace("/v2/leadFormResponses", "leadFormResponses");
    assert_eq!(
        tree_findings(&[("linkedin_ads/linkedin-ads-docs.yaml", &rest)]),
        Vec::<String>::new()
    );
}

/// A Swift sign-in package (round 31): an enum of resource paths interpolated into
/// `"https://api.linkedin.com/v2/\(path)"`. The URL with one interpolated last segment is the
/// `/v2` base its paths join.
#[test]
fn a_url_ending_in_an_interpolated_segment_is_a_base() {
    let endpoints = "import Foundation\n\nenum LinkedInEndpoint {\n    case email\n\n    var path: String {\n        switch self {\n        case .email:\n            return \"emailAddress?q=members&projection=(elements*(handle~))\"\n        }\n    }\n\n    var url: String { \"https://api.linkedin.com/v2/\\(path)\" }\n}\n";
    assert_eq!(
        tree_findings(&[("Sources/LinkedIn/Endpoints.swift", endpoints)]),
        ["Sources/LinkedIn/Endpoints.swift:9:21 endpoint-deprecated/v2-email-address"]
    );
}

/// A pipeline component (round 31): its schema file gives `api_version` a default, and the
/// component sends `"LinkedIn-Version": self.api_version`. The schema's `default` is the
/// version the component sends when the user sets none.
#[test]
fn a_schema_default_feeds_the_version_header() {
    let schema = "{\n  \"component_type\": \"acme.LinkedInAdsComponent\",\n  \"attributes\": {\n    \"account_ids\": {\"type\": \"array\", \"required\": true},\n    \"api_version\": {\"type\": \"string\", \"required\": false, \"default\": \"202401\"}\n  }\n}\n";
    let component = "import requests\n\n\nclass LinkedInAdsComponent:\n    def fetch(self, url):\n        headers = {\"Authorization\": f\"Bearer {self.token}\", \"LinkedIn-Version\": self.api_version}\n        return requests.get(url, headers=headers)\n";
    assert_eq!(
        tree_findings(&[
            ("linkedin_ads/schema.json", schema),
            ("linkedin_ads/component.py", component),
        ]),
        ["linkedin_ads/schema.json:5:70 version-sunset/version-sunset-dated"]
    );
    // Another key's default is not a version.
    let other = schema.replace("api_version", "page_size");
    assert_eq!(
        tree_findings(&[
            ("linkedin_ads/schema.json", &other),
            ("linkedin_ads/component.py", component),
        ]),
        Vec::<String>::new()
    );
}

/// A Laravel app (round 35): the controllers extend one that holds the `/v2/` base, and build
/// each service URL as `$this->linkedInHostApi.'…'`; the same controller also posts to
/// Facebook's Graph API. A generic resource word (`assets/…`) is not judged beside another
/// API's URL, but a Rest.li action (`assets?action=registerUpload`) is LinkedIn's alone.
#[test]
fn a_restli_action_is_judged_beside_another_apis_url() {
    let base = "<?php\nnamespace App\\Http\\Controllers;\n\nclass APIController extends Controller\n{\n    protected $linkedInHostApi = 'https://api.linkedin.com/v2/';\n}\n";
    let social = "<?php\nnamespace App\\Http\\Controllers;\n\nclass SocialMediaController extends APIController\n{\n    protected $graph = 'https://graph.facebook.com/v12.0/';\n\n    public function upload($token, $asset)\n    {\n        $register = new LinkedinService($this->linkedInHostApi.'assets?action=registerUpload');\n        $status = new LinkedinService($this->linkedInHostApi.\"assets/\" . $asset);\n    }\n}\n";
    assert_eq!(
        tree_findings(&[
            ("app/Http/Controllers/APIController.php", base),
            ("app/Http/Controllers/SocialMediaController.php", social),
        ]),
        [
            "app/Http/Controllers/SocialMediaController.php:10:65 endpoint-deprecated/v2-assets-register-upload"
        ]
    );
}

/// A v1-era gem (round 36): `API_PATH = '/v1'` is joined to every request path, and the
/// client module holds the bare host. The prefix is the v1 API; without the host in the tree
/// a `/v1` constant may be any API's.
#[test]
fn a_v1_path_constant_beside_the_bare_host_is_the_v1_api() {
    let client = "module LinkedIn\n  class Client\n    def oauth_client\n      OAuth2::Client.new(@key, @secret, :site => \"https://api.linkedin.com\")\n    end\n  end\nend\n";
    let request = "module LinkedIn\n  module Request\n    API_PATH = '/v1'\n\n    def get(path, options = {})\n      access_token.get(\"#{API_PATH}#{path}\", options)\n    end\n  end\nend\n";
    assert_eq!(
        tree_findings(&[
            ("lib/linked_in/client.rb", client),
            ("lib/linked_in/request.rb", request)
        ]),
        ["lib/linked_in/request.rb:3:17 endpoint-deprecated/v1-api"]
    );
    assert_eq!(
        tree_findings(&[("lib/linked_in/request.rb", request)]),
        Vec::<String>::new()
    );
}

/// A version a settings file gives a name that another file sends as `LinkedIn-Version`
/// becomes a pinned version after the whole tree is read; when it differs from another pin,
/// `version-inconsistent` points at it. The report must point at the value and quote its line
/// (the line was left out of the file's kept text, and the finding came out at 5:1 on a blank).
#[test]
fn a_version_found_through_a_name_elsewhere_is_reported_at_its_line() {
    let settings = "{\n  \"name\": \"ads-sync\",\n  \"api_version\": \"202604\"\n}\n";
    let client = "import requests\n\n\ndef fetch(self, url):\n    return requests.get(url, headers={\"LinkedIn-Version\": self.api_version})\n\n\ndef posts(url):\n    return requests.get(url, headers={\"LinkedIn-Version\": \"202607\"})\n";
    assert_eq!(
        tree_findings(&[("settings.json", settings), ("client.py", client)]),
        ["settings.json:3:19 version-inconsistent/multiple-versions"]
    );
    let text = rustc_report(&[("settings.json", settings), ("client.py", client)]);
    assert!(text.contains("3 |   \"api_version\": \"202604\""), "{text}");
}

/// A diagnostic script (round 33) tries a list of `{ version, endpoint }` pairs, each endpoint
/// written without its leading slash and added to `'https://api.linkedin.com/'`. A named
/// `v2/…` path is judged on LinkedIn's host like `/v2/…`; `rest/…` is fine.
#[test]
fn a_named_path_without_its_leading_slash_joins_the_bare_host() {
    let script = "const configs = [\n  { version: '202611', endpoint: 'rest/organizationAcls?q=roleAssignee' },\n  { version: '202611', endpoint: 'v2/organizationAcls?q=roleAssignee' },\n];\n\nfor (const config of configs) {\n  const url = 'https://api.linkedin.com/' + config.endpoint;\n  await fetch(url, { headers: { 'LinkedIn-Version': config.version } });\n}\n";
    assert_eq!(
        tree_findings(&[("scripts/test-linkedin-api.ts", script)]),
        ["scripts/test-linkedin-api.ts:3:35 endpoint-deprecated/v2-organization-acls"]
    );
}

/// A Google Apps Script connector (`.gs` files, as clasp keeps them): one file joins
/// `'https://api.linkedin.com/v2/' + parts[0]`, another names the pieces of the path.
#[test]
fn apps_script_files_are_read_as_javascript() {
    assert_eq!(
        findings("apps-script"),
        ["FollowerCount/report.gs:1:18 endpoint-deprecated/v2-network-sizes"]
    );
}

/// A Supabase app (round 48's social-scribe shape): a shared header helper pins 202401 (past
/// its sunset) for three functions, two newer functions pin 202601. The project keeps the
/// supported version: the old pins are the outliers (and sunset), the current ones are not
/// asked to move back.
#[test]
fn the_version_kept_is_a_supported_one() {
    let shared = "export const LI_HEADERS = (token: string) => ({\n  Authorization: `Bearer ${token}`,\n  'LinkedIn-Version': '202401',\n});\nexport const POSTS = { 'LinkedIn-Version': '202401' };\nexport const LIKES = { 'LinkedIn-Version': '202401' };\n";
    let auth = "const LINKEDIN_VERSION = '202601';\nawait fetch('https://api.linkedin.com/rest/posts', { headers: { 'LinkedIn-Version': LINKEDIN_VERSION } });\n";
    let comments = "await fetch('https://api.linkedin.com/rest/socialActions', { headers: { 'LinkedIn-Version': '202601' } });\n";
    let found = tree_findings(&[
        ("functions/_shared/linkedin.ts", shared),
        ("functions/auth/index.ts", auth),
        ("functions/comments/index.ts", comments),
    ]);
    let inconsistent: Vec<&String> = found
        .iter()
        .filter(|f| f.contains("version-inconsistent"))
        .collect();
    assert_eq!(
        inconsistent,
        [
            "functions/_shared/linkedin.ts:3:24 version-inconsistent/multiple-versions",
            "functions/_shared/linkedin.ts:5:45 version-inconsistent/multiple-versions",
            "functions/_shared/linkedin.ts:6:45 version-inconsistent/multiple-versions",
        ]
    );
    assert!(
        found
            .iter()
            .all(|f| !f.starts_with("functions/auth") && !f.starts_with("functions/comments"))
    );
}

/// An ads MCP server (round 49): `client.ts` holds the `/rest` base and the request helper;
/// a tool module with no LinkedIn word of its own calls the helper with `'/ugcPosts'` and
/// `'/assets?action=registerUpload'`. Both are the legacy APIs under `/rest/`; `/posts` and a
/// bare `ugcPosts` in a record of what was posted are not requests of them.
#[test]
fn a_tool_module_borrows_its_clients_rest_base() {
    let client = "export const BASE_URL = \"https://api.linkedin.com/rest\";\n\nexport async function liGet<T>(path: string, params = {}): Promise<T> {\n  const res = await fetch(`${BASE_URL}${path}`, { headers: { \"LinkedIn-Version\": \"202611\" } });\n  return res.json() as Promise<T>;\n}\n";
    let tool = "import { liGet } from \"../client.js\";\n\n/** Recent organic posts of a LinkedIn organization. */\nexport async function organicPosts(orgUrn: string) {\n  const posts = await liGet(\n    \"/ugcPosts\",\n    { q: \"authors\", authors: `List(${orgUrn})` }\n  );\n  const upload = await liGet(\"/assets?action=registerUpload\");\n  const current = await liGet(\"/posts\");\n  return { posts, upload, current, resource_name: \"ugcPosts\" };\n}\n";
    assert_eq!(
        tree_findings(&[("src/client.ts", client), ("src/tools/organic.ts", tool)]),
        [
            "src/tools/organic.ts:6:6 endpoint-deprecated/rest-ugc-posts",
            "src/tools/organic.ts:9:31 endpoint-deprecated/rest-assets",
        ]
    );
    // Without the client, nothing says the module's paths are LinkedIn's.
    assert_eq!(
        tree_findings(&[("src/tools/organic.ts", tool)]),
        Vec::<String>::new()
    );
    // A helper of a client that holds both `/v2` and `/rest` may send a path to either
    // (`apiRequest(path, { useRestApi })`): a module that borrows it is not judged.
    let both = client.replace(
        "export async",
        "export const V2_URL = \"https://api.linkedin.com/v2\";\nexport async",
    );
    assert_eq!(
        tree_findings(&[("src/client.ts", &both), ("src/tools/organic.ts", tool)]),
        Vec::<String>::new()
    );
}

/// A LangGraph agent's shape (round 55): the `/v2` base is a typed setting in
/// `config/settings.py`, among other services' settings, and the tool module joins paths to
/// `settings.LINKEDIN_API_BASE`. The generic `/me` is placed by the name it follows; the same
/// `/me` after another service's setting (`settings.NEWS_API_BASE`) is not LinkedIn's.
#[test]
fn a_path_after_a_setting_bound_to_a_base_in_another_module_is_sent_there() {
    assert_eq!(
        findings("settings_base"),
        [
            "tools/linkedin_tool.py:18:41 endpoint-deprecated/v2-me",
            "tools/linkedin_tool.py:24:41 endpoint-deprecated/v2-ugc-posts",
        ]
    );
}

/// A FastAPI services layer (round 55): the base comes from the environment only
/// (`LINKEDIN_API_URL = os.getenv(…)`), so no file holds it. A path retired under `/v2` and
/// `/rest` alike (`/ugcPosts`, `/assets?action=registerUpload`) is retired whichever it is;
/// a generic one (`/me`), the Facebook service's paths, a list of LinkedIn's web-app paths and
/// a path joined to a name bound to the web app's base (`VOYAGER_BASE_URL`) are left alone.
#[test]
fn a_path_retired_under_every_base_needs_no_base_in_the_tree() {
    assert_eq!(
        findings("env_base"),
        [
            "app/services/linkedin_service.py:12:31 endpoint-deprecated/v2-assets-register-upload",
            "app/services/linkedin_service.py:20:31 endpoint-deprecated/v2-ugc-posts",
        ]
    );
}

/// A student project's shape (round 57): the base is a dict entry another module fills
/// (`creds['main_domain_linkedin'] = 'https://api.linkedin.com/v2'`) and each call joins a
/// path to it with `+`. The same `/me` joined to the Graph API's entry is not LinkedIn's.
#[test]
fn a_path_joined_to_a_dict_entry_another_module_binds_to_a_base() {
    assert_eq!(
        findings("key_base"),
        [
            "newFileLinkedin.py:9:51 endpoint-deprecated/v2-me",
            "newFileLinkedin.py:14:51 endpoint-deprecated/v2-shares",
        ]
    );
}
