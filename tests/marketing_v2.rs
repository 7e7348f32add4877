//! Unversioned `/v2/` Marketing and Community Management resources: exact findings on
//! tests/fixtures/marketing-v2 (a Python Community Management client, a TypeScript and a Go
//! ads client), which fixes are offered, and the paths that must stay quiet.

mod common;

use common::{brief, json, tree};

const DIR: &str = "tests/fixtures/marketing-v2";

#[test]
fn marketing_v2_fixture_findings() {
    let (doc, code) = json(&[DIR]);
    assert_eq!(code, 1, "the two Lead Sync findings are errors");
    let found: Vec<String> = brief(&doc)
        .into_iter()
        .map(|f| f.replace(&format!("{DIR}/"), ""))
        .collect();
    let expected = [
        // Go: a renamed ...V2 resource, a same-name move; the versioned /rest/ call is clean.
        "ads.go:9:40 endpoint-deprecated/ad-campaign-groups-v2",
        "ads.go:13:40 endpoint-deprecated/v2-videos",
        // TypeScript: `${LINKEDIN_API}/adAccountsV2` is reported on the literal's own part.
        "ads.ts:5:43 endpoint-deprecated/ad-accounts-v2",
        "ads.ts:12:34 endpoint-deprecated/ad-campaigns-v2",
        "ads.ts:15:34 endpoint-deprecated/ad-creatives-v2",
        "ads.ts:18:34 endpoint-deprecated/ad-analytics-v2",
        "ads.ts:20:60 endpoint-deprecated/v2-ad-targeting-facets",
        "ads.ts:23:34 endpoint-deprecated/v2-ad-targeting-entities",
        "ads.ts:25:62 endpoint-deprecated/v2-ad-supply-forecasts",
        "ads.ts:27:61 endpoint-deprecated/v2-ad-budget-pricing",
        "ads.ts:29:62 endpoint-deprecated/v2-dmp-segments",
        "ads.ts:31:59 endpoint-deprecated/v2-conversions",
        "ads.ts:33:57 endpoint-deprecated/v2-ad-direct-sponsored-contents",
        "ads.ts:35:59 endpoint-deprecated/v2-ad-forms",
        "ads.ts:37:59 endpoint-deprecated/v2-ad-form-responses",
        "ads.ts:39:59 endpoint-deprecated/ad-account-users-v2",
        // An ads-reporting script's third-party tracking tags lookup, in a template string.
        "ads.ts:42:34 endpoint-deprecated/v2-third-party-tracking-tags",
        // Python: `/v2/userinfo` (line 42) and another vendor's /v2/organizations (line 51)
        // are not findings.
        "community.py:9:36 endpoint-deprecated/v2-organizational-entity-acls",
        "community.py:14:51 endpoint-deprecated/v2-organizations",
        "community.py:18:32 endpoint-deprecated/v2-network-sizes",
        "community.py:22:51 endpoint-deprecated/v2-organization-page-statistics",
        "community.py:23:50 endpoint-deprecated/v2-organizational-entity-follower-statistics",
        "community.py:28:51 endpoint-deprecated/v2-social-actions",
        // `.../socialActions/{urn}/likes` is the Reactions API's business, not a path swap.
        "community.py:32:80 endpoint-deprecated/social-actions-likes",
        "community.py:37:51 endpoint-deprecated/v2-images",
        "community.py:46:51 endpoint-deprecated/v2-organization-brands",
    ];
    assert_eq!(found, expected);
}

/// What `--fix` may do per finding: `None` (no fix), or the applicability and replacement.
fn fixes(doc: &serde_json::Value) -> Vec<(String, Option<(String, String)>)> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let fix = f.get("fix").filter(|x| !x.is_null()).map(|x| {
                (
                    x["applicability"].as_str().unwrap().to_string(),
                    x["edits"][0]["replacement"].as_str().unwrap().to_string(),
                )
            });
            (f["id"].as_str().unwrap().to_string(), fix)
        })
        .collect()
}

/// The fixture as it would be with `LinkedIn-Version` sent next to the Rest.li header: the
/// only place a move to `/rest/` is offered.
fn versioned(name: &str) -> tempfile::TempDir {
    let text = std::fs::read_to_string(format!("{DIR}/{name}")).unwrap();
    let text = text.replacen(
        "\"X-Restli-Protocol-Version\": \"2.0.0\"",
        "\"X-Restli-Protocol-Version\": \"2.0.0\", \"LinkedIn-Version\": \"202609\"",
        1,
    );
    tree(&[(name, text.as_str())])
}

#[test]
fn a_file_that_sends_no_version_gets_no_move_to_rest() {
    for name in ["community.py", "ads.ts"] {
        let (doc, _) = json(&[&format!("{DIR}/{name}")]);
        assert!(fixes(&doc).iter().all(|(_, f)| f.is_none()), "{name}");
    }
}

#[test]
fn only_one_to_one_moves_offer_a_fix_and_never_a_safe_one() {
    let dir = versioned("community.py");
    let (doc, _) = json(&[&dir.path().join("community.py").to_string_lossy()]);
    let unsafe_fix = |r: &str| Some(("maybe-incorrect".to_string(), r.to_string()));
    let expected = vec![
        // Finder and fields differ: no machine replacement.
        ("v2-organizational-entity-acls".to_string(), None),
        (
            "v2-organizations".to_string(),
            unsafe_fix("/rest/organizations"),
        ),
        // Joined to a base URL variable: the old path is not all in this literal, so no fix.
        ("v2-network-sizes".to_string(), None),
        (
            "v2-organization-page-statistics".to_string(),
            unsafe_fix("/rest/organizationPageStatistics"),
        ),
        (
            "v2-organizational-entity-follower-statistics".to_string(),
            unsafe_fix("/rest/organizationalEntityFollowerStatistics"),
        ),
        (
            "v2-social-actions".to_string(),
            unsafe_fix("/rest/socialActions"),
        ),
        ("social-actions-likes".to_string(), None),
        ("v2-images".to_string(), unsafe_fix("/rest/images")),
        (
            "v2-organization-brands".to_string(),
            unsafe_fix("/rest/organizationBrands"),
        ),
    ];
    assert_eq!(fixes(&doc), expected);

    let dir = versioned("ads.ts");
    let (doc, _) = json(&[&dir.path().join("ads.ts").to_string_lossy()]);
    let none: Vec<String> = fixes(&doc)
        .into_iter()
        .filter(|(_, f)| f.is_none())
        .map(|(id, _)| id)
        .collect();
    // Not 1:1 (DSC -> posts adContext, adForms -> leadForms), or joined to a base variable.
    assert_eq!(
        none,
        [
            "ad-accounts-v2",
            "v2-ad-direct-sponsored-contents",
            "v2-ad-forms",
            "v2-ad-form-responses"
        ]
    );
}

#[test]
fn generic_paths_need_a_linkedin_host() {
    // `/v2/organizations`, `/v2/images`, `/v2/videos`, `/v2/conversions` are common names in
    // other APIs: in a file that mentions LinkedIn they are judged only on api.linkedin.com.
    let dir = tree(&[(
        "multi.py",
        "# LinkedIn and other providers\n\
         GH = \"/v2/organizations/acme\"\n\
         REG = \"https://registry.example.com/v2/images\"\n\
         ADS = \"https://ads.example.com/v2/conversions\"\n\
         VID = \"/v2/videos\"\n\
         ME = \"https://api.linkedin.com/v2/userinfo\"\n\
         REST = \"https://api.linkedin.com/rest/organizations/1\"\n\
         LOOKUP = \"https://api.linkedin.com/v2/organizationsLookup?ids=List(1)\"\n",
    )]);
    let (doc, _) = json(&[dir.path().join("multi.py").to_str().unwrap()]);
    let ids: Vec<String> = brief(&doc)
        .into_iter()
        .filter(|f| f.contains("endpoint-deprecated"))
        .map(|f| {
            f.rsplit_once('/')
                .map_or(f.clone(), |(_, id)| id.to_string())
        })
        .collect();
    // Only the batch lookup, by its own rule: `/v2/organizations` does not take it.
    assert_eq!(ids, ["v2-organizations-lookup"]);
}
