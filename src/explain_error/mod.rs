//! `linkedin-lint explain-error`: what a LinkedIn error response means, what in the code most
//! likely caused it, how to fix it, and which rule finds that cause before it ships.
//!
//! The input is the response as people have it at hand: the JSON body, alone or after the HTTP
//! status line and headers (`curl -i`, `curl -v`), or inside a log line; or the OAuth redirect
//! (`…/callback?error=unauthorized_scope_error&error_description=…`). The facts come from
//! `shared/linkedin-facts.md` §4–5. LinkedIn asks clients to rely on status and code rather than
//! message text, so codes decide where there is one; messages are read only where LinkedIn
//! sends no code (401 texts, the 403 resource name, the 426 version).

use std::fmt;

use crate::calendar::{Status, SunsetBasis, Version};
use crate::check::CheckOptions;
use crate::finding::Rule;
use crate::reference::PERMISSION_CACHE;
use crate::rules::{Grade, RuleTable};

mod parse;

pub use parse::ErrorResponse;
#[cfg(test)]
use parse::percent_decode;

/// What an error response means, for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// `HTTP 403 ACCESS_DENIED (serviceErrorCode 100)`.
    pub headline: String,
    /// LinkedIn's own message, as sent.
    pub quoted: Option<String>,
    pub meaning: String,
    pub cause: String,
    pub fix: String,
    /// The rules (with the rule-table entry, when one fits) that find the cause in code.
    pub found_by: Vec<(Rule, Option<String>)>,
    /// Why no rule can find it, when `found_by` is empty.
    pub no_rule: Option<&'static str>,
    pub notes: Vec<String>,
}

/// Explain `r` with the rule table's calendar as of `opts.today`.
pub fn explain(r: &ErrorResponse, table: &RuleTable, opts: &CheckOptions) -> Explanation {
    let status = r
        .status
        .map(|s| format!("HTTP {s}"))
        .unwrap_or_else(|| "LinkedIn error".into());
    let mut x = Explanation {
        headline: format!("{status}{}", r.codes()),
        quoted: r.message.clone(),
        meaning: String::new(),
        cause: String::new(),
        fix: String::new(),
        found_by: Vec::new(),
        no_rule: None,
        notes: Vec::new(),
    };
    if let Some(e) = &r.oauth_error {
        oauth(r, e, table, &mut x);
        return x;
    }
    let code = r.code.as_deref().unwrap_or("");
    let msg = r.message.as_deref().unwrap_or("");
    if r.status == Some(426) || code == "NONEXISTENT_VERSION" {
        version_not_active(msg, table, opts, &mut x);
    } else if code == "VERSION_MISSING" || msg.contains("A version must be present") {
        version_missing(opts, &mut x);
    } else {
        match r.status {
            Some(400) => bad_request(r, msg, &mut x),
            Some(401) => unauthorized(r, msg, &mut x),
            Some(403) => forbidden(msg, table, &mut x),
            Some(404) => not_found(&mut x),
            Some(410) => gone(msg, &mut x),
            Some(411) => length_required(&mut x),
            Some(429) => throttled(&mut x),
            Some(s) if s >= 500 => server_error(r, s, &mut x),
            _ => other(&mut x),
        }
    }
    x
}

/// A rule and the rule-table entry that finds the cause.
fn by(rule: Rule, id: &str) -> (Rule, Option<String>) {
    (rule, Some(id.to_string()))
}

fn version_not_active(msg: &str, table: &RuleTable, opts: &CheckOptions, x: &mut Explanation) {
    let pin = opts.target_version;
    let today = opts.today;
    x.fix = format!(
        "Pin a supported version: {pin} is the recommended pin on {today} (see `linkedin-lint versions`). Review the migration notes of every version in between, and keep the version in one constant so the next bump is a one-line change."
    );
    x.notes.push(
        "LinkedIn writes the version in this message as YYYYMM01: `20250401` is version 202504. Send the six-digit form in the header.".into(),
    );
    let Some(v) = version_in(msg) else {
        x.meaning = "The LinkedIn-Version header names a version LinkedIn does not serve (sunset, never released, or malformed).".into();
        x.cause = "A LinkedIn-Version value pinned in the code or configuration that is past its sunset date.".into();
        x.found_by = vec![
            (Rule::VersionSunset, None),
            (Rule::VersionUnknown, None),
            (Rule::VersionMalformed, None),
        ];
        return;
    };
    x.cause = format!(
        "A LinkedIn-Version header of {v}: a version constant, configuration value or header literal that was not moved on before LinkedIn retired the version."
    );
    let cal = &table.calendar;
    match cal.status(v, today, opts.expiring_days) {
        Status::Sunset { sunset, basis } => {
            let graded = cal.sunsets.get(&v.month_index()).map(|(_, e)| e.grade);
            let (how, id) = match basis {
                SunsetBasis::Dated if graded == Some(Grade::S) => (
                    "a date the rule table has from secondary sources",
                    "version-sunset-dated",
                ),
                SunsetBasis::Dated => ("a date LinkedIn published", "version-sunset-dated"),
                SunsetBasis::Policy => (
                    "estimated from LinkedIn's 12-month support policy; no date is published",
                    "version-sunset-policy",
                ),
            };
            x.meaning = format!(
                "LinkedIn no longer serves version {v}: it was sunset on {sunset} ({how})."
            );
            x.found_by = vec![by(Rule::VersionSunset, id), (Rule::VersionExpiring, None)];
            x.notes.push(format!(
                "version-expiring warns {} days before a sunset, so CI catches the next one ahead of time.",
                opts.expiring_days
            ));
        }
        Status::NotReleased => {
            x.meaning = format!("No Marketing version was released in the month of {v}.");
            x.found_by = vec![by(Rule::VersionUnknown, "version-not-released")];
        }
        Status::Future => {
            x.meaning = format!(
                "Version {v} is from a month after {today}; it cannot have been released yet (a typo such as a swapped year or month?)."
            );
            x.found_by = vec![by(Rule::VersionUnknown, "version-future")];
        }
        Status::BeforeFirst => {
            x.meaning = format!(
                "Version {v} predates {}, the first versioned Marketing release.",
                cal.first
            );
            x.found_by = vec![by(Rule::VersionSunset, "version-before-first")];
        }
        Status::Active { sunset, .. } | Status::Expiring { sunset, .. } => {
            x.meaning = format!(
                "LinkedIn reports version {v} inactive, although the rule table expects it to be supported until {sunset}: LinkedIn retired it early, or the table is out of date (`--rules FILE` can add a sunset date)."
            );
            x.found_by = vec![(Rule::VersionSunset, None)];
        }
    }
}

/// `… version 20250401 …` → 202504; also six-digit and `YYYYMM.RR` forms.
fn version_in(msg: &str) -> Option<Version> {
    msg.split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map(|t| t.trim_end_matches('.'))
        .find_map(|t| match t.len() {
            8 if t.bytes().all(|b| b.is_ascii_digit()) => Version::parse(&t[..6]).ok(),
            6 | 9 => Version::parse(t).ok(),
            _ => None,
        })
}

fn version_missing(opts: &CheckOptions, x: &mut Explanation) {
    x.meaning = "A call to a versioned `/rest/` endpoint was sent without a LinkedIn-Version header; LinkedIn does not fall back to the latest version.".into();
    x.cause = "A request to `https://api.linkedin.com/rest/…` built without the header: a new call site, a second HTTP client, or a helper that sets default headers but is not used here.".into();
    x.fix = format!(
        "Send `LinkedIn-Version: {}` (from one shared constant) and `X-Restli-Protocol-Version: 2.0.0` on every `/rest/` request, ideally as the client's default headers. Unversioned endpoints (`/v2/userinfo`, OAuth) do not take it.",
        opts.target_version
    );
    x.found_by = vec![by(Rule::VersionMissing, "rest-without-version")];
}

fn bad_request(r: &ErrorResponse, msg: &str, x: &mut Explanation) {
    if msg.contains("advertiser account id in the url path") {
        x.meaning = "Creative calls in newer versions are scoped to an ad account.".into();
        x.cause = "A call to `/rest/creatives` (or a rewrite of `/v2/adCreativesV2`) without the ad account in the path.".into();
        x.fix = "Call `/rest/adAccounts/{adAccountId}/creatives` and check the request and response fields against the Creatives API of the pinned version.".into();
        x.found_by = vec![by(Rule::EndpointDeprecated, "ad-creatives-v2")];
        return;
    }
    if !r.input_errors.is_empty() {
        let fields: Vec<String> = r
            .input_errors
            .iter()
            .map(|e| {
                let mut s = format!("`{}`", e.field.as_deref().unwrap_or("(no field path)"));
                if let Some(c) = &e.code {
                    s.push_str(&format!(": {c}"));
                }
                if let Some(d) = &e.description {
                    s.push_str(&format!(" ({d})"));
                }
                s
            })
            .collect();
        x.meaning = format!(
            "LinkedIn rejected {} of the request: {}.",
            if fields.len() == 1 {
                "one field"
            } else {
                "fields"
            },
            fields.join("; ")
        );
        let deprecated = r
            .input_errors
            .iter()
            .any(|e| e.code.as_deref().is_some_and(|c| c.contains("DEPRECATED")));
        if deprecated {
            x.cause = "A field the pinned LinkedIn-Version no longer accepts: request shapes change between versions, and a version bump without updating the body leaves old fields behind.".into();
            x.fix = "Look the field up in the migration notes of every version between the one the code was written for and the one it pins, and replace or drop it.".into();
            x.no_rule = Some("linkedin-lint does not check request bodies");
        } else {
            x.cause = "A request body or query parameter with a wrong name, type or value for the pinned version. Rest.li query syntax (`List(...)`, `(key:value)`) must reach LinkedIn unencoded, and only with `X-Restli-Protocol-Version: 2.0.0`.".into();
            x.fix = "Correct the named fields; compare the request with the API reference of the pinned LinkedIn-Version.".into();
            x.found_by = vec![by(Rule::RestliProtocol, "restli-protocol-2")];
            x.notes.push(
                "linkedin-lint does not check request bodies; restli-protocol only finds a wrong protocol header.".into(),
            );
        }
        return;
    }
    x.meaning = "LinkedIn rejected the request's parameters or body.".into();
    x.cause = "A parameter, body field or encoding the endpoint does not accept at the pinned version; a frequent one is Rest.li 2.0 syntax sent without `X-Restli-Protocol-Version: 2.0.0` (or percent-encoded).".into();
    x.fix = "Read the message for the field it names, and check the request against the API reference of the pinned LinkedIn-Version.".into();
    x.found_by = vec![by(Rule::RestliProtocol, "restli-protocol-2")];
}

fn unauthorized(r: &ErrorResponse, msg: &str, x: &mut Explanation) {
    let code = r.code.as_deref().unwrap_or("");
    let sec = r.service_error_code;
    let token_literal = by(Rule::HardcodedToken, "access-token-literal");
    if msg.contains("Empty oauth2_access_token") {
        x.meaning = "The request carried no access token.".into();
        x.cause = "No `Authorization` header was sent, or its token was empty: an unset environment variable or secret, or a client that adds the header only on some calls.".into();
        x.fix = "Load the token before the request and fail early when it is missing; send `Authorization: Bearer <token>` on every call.".into();
        x.no_rule = Some("the token is a run-time value, not something in the code");
    } else if msg.contains("Unknown authentication schema") {
        x.meaning = "The Authorization header does not use the Bearer scheme.".into();
        x.cause = "`Authorization: <token>` without `Bearer `, another scheme (`OAuth`, `Basic`), or the v1-era `?oauth2_access_token=` in the URL.".into();
        x.fix = "Send `Authorization: Bearer <access token>`.".into();
        x.found_by = vec![by(Rule::AuthScheme, "bearer-scheme")];
    } else if code == "REVOKED_ACCESS_TOKEN" || sec == Some(65601) || msg.contains("revoked") {
        x.meaning = "The access token was revoked: the member removed the app, or the app requested different scopes, which invalidates the member's earlier tokens.".into();
        x.cause = "A stored token used after a revocation or a scope change.".into();
        x.fix = "Treat this 401 as \"sign in again\": send the member through the authorization flow and store the new token.".into();
        x.found_by = vec![token_literal];
        x.notes.push(PERMISSION_CACHE.into());
    } else if code == "EXPIRED_ACCESS_TOKEN" || sec == Some(65602) || msg.contains("expired") {
        x.meaning = "The access token has expired: 3-legged tokens live 60 days, 2-legged (client credentials) tokens 30 minutes.".into();
        x.cause = "A token stored once and used past its `expires_in`, often a literal or a long-lived configuration value.".into();
        x.fix = "Refresh it before it expires (programmatic refresh tokens, for approved apps, last 365 days) or send the member through the authorization flow again; fetch 2-legged tokens per job.".into();
        x.found_by = vec![token_literal];
    } else if sec == Some(65600) || msg.contains("Invalid access token") {
        x.meaning = "LinkedIn does not accept the access token: it is malformed, truncated, from another app, expired or revoked.".into();
        x.cause = "A token cut short by storage (tokens are about 500 characters; LinkedIn says to plan for 1000), a token of another app or environment, or an old token kept in code or configuration.".into();
        x.fix = "Store tokens in a field of at least 1000 characters, check which app issued the token, and get a new one through the authorization flow.".into();
        x.found_by = vec![token_literal];
    } else {
        x.meaning = "LinkedIn did not accept the request's credentials.".into();
        x.cause = "A missing, malformed, expired or revoked access token, or an Authorization header without `Bearer `.".into();
        x.fix = "Send `Authorization: Bearer <token>` with a current token; on 401, re-run the authorization flow.".into();
        x.found_by = vec![by(Rule::AuthScheme, "bearer-scheme"), token_literal];
    }
}

/// `Not enough permissions to access: partnerApiMe.GET.20230601` (or the older `GET /me`).
fn forbidden(msg: &str, table: &RuleTable, x: &mut Explanation) {
    x.notes.push(PERMISSION_CACHE.into());
    let target = msg
        .split_once("Not enough permissions to access:")
        .map(|(_, t)| t.trim().trim_end_matches(['.', '"']));
    let parsed = target.and_then(|t| {
        let mut parts = t.rsplitn(3, '.');
        let (ver, method, resource) = (parts.next()?, parts.next()?, parts.next()?);
        Some((resource.to_string(), method.to_string(), ver.to_string()))
    });
    let Some((resource, method, ver)) = parsed else {
        if let Some((method, path)) = target.and_then(|t| t.split_once(' ')) {
            // The pre-2023 wording names the method and the path.
            x.meaning = format!(
                "The access token lacks the permission for {method} {path} (the older wording of ACCESS_DENIED)."
            );
        } else {
            x.meaning = "The access token lacks a permission this call needs.".into();
        }
        generic_forbidden(x);
        return;
    };
    let version = match ver.as_str() {
        "NO_VERSION" => None,
        v if v.len() == 8 && v.bytes().all(|b| b.is_ascii_digit()) => Version::parse(&v[..6]).ok(),
        v => Version::parse(v).ok(),
    };
    let path = match (resource.as_str(), version) {
        ("partnerApiMe", _) => "/rest/me".to_string(),
        (r, None) => format!("/v2/{r}"),
        (r, Some(_)) => format!("/rest/{r}"),
    };
    let at = match version {
        Some(v) => format!("at version {v} ({ver} is LinkedIn's YYYYMM01 form)"),
        None => "unversioned (`NO_VERSION`: a `/v2/` call)".into(),
    };
    x.meaning = format!(
        "The access token lacks the permission for {method} on the `{resource}` resource (`{path}`), {at}."
    );
    if let Some(q) = table.requirements.iter().find(|q| {
        q.endpoint == path && version.is_some_and(|v| v.month_index() >= q.from.month_index())
    }) {
        x.cause = format!(
            "`{}` needs scope `{}` from version {}, and the token was granted without it.",
            q.endpoint, q.scope, q.from_version
        );
        x.fix = format!(
            "Request `{}` (the app needs the product that grants it) and have members re-authorize; for sign-in alone, call `GET /v2/userinfo` with `openid profile` instead.",
            q.scope
        );
        x.found_by = vec![(Rule::ScopeVersionMismatch, Some(q.id.clone()))];
        return;
    }
    if let Some(e) = table.endpoints.iter().find(|e| e.path == path) {
        x.cause = format!("A call to `{path}`: {}.", e.message);
        x.fix = e.help.clone();
        x.found_by = vec![(Rule::EndpointDeprecated, Some(e.id.clone()))];
        // The scope the endpoint's recorded failure names (`/v2/me`: tokens without
        // r_liteprofile), when the table retires it.
        let breaks = e.breaks.as_deref().unwrap_or("");
        for sc in table.scopes.iter().filter(|sc| breaks.contains(&sc.scope)) {
            x.found_by
                .push((Rule::ScopeDeprecated, Some(sc.id.clone())));
        }
        return;
    }
    generic_forbidden(x);
}

fn generic_forbidden(x: &mut Explanation) {
    x.cause = "The token was granted without the scope this resource and method need, the app lacks the product (API access) behind that scope, or the member has no role on the organization or ad account.".into();
    x.fix = "Check the scopes the code requests against the API's permission table, add the product to the app if needed, and have members re-authorize.".into();
    x.found_by = vec![
        (Rule::ScopeVersionMismatch, None),
        (Rule::ScopeDeprecated, None),
    ];
}

fn not_found(x: &mut Explanation) {
    x.meaning = "LinkedIn has no such resource at this path.".into();
    x.cause = "A wrong or retired path, a wrong id or URN in it (URNs in paths must be URL-encoded), a versioned path called under `/v2/` or the reverse, or (Advertising APIs) an API the app is not approved for. Creative calls in newer versions need the ad account in the path (`/rest/adAccounts/{id}/creatives`).".into();
    x.fix = "Check the path against the API reference of the pinned version, and that `/rest/` calls send `LinkedIn-Version`.".into();
    x.found_by = vec![(Rule::EndpointDeprecated, None)];
}

fn gone(msg: &str, x: &mut Explanation) {
    if msg.contains("v1 APIs") {
        x.meaning = "The v1 API (`api.linkedin.com/v1/`) was shut down in 2019.".into();
        x.cause = "A v1 call such as `/v1/people/~`, often with `?format=json` or `?oauth2_access_token=`.".into();
        x.fix = "Rewrite it against the current APIs: sign-in via OpenID Connect and `GET /v2/userinfo`, sharing via `POST /rest/posts`; there is no 1:1 mapping.".into();
        x.found_by = vec![
            by(Rule::EndpointDeprecated, "v1-people"),
            by(Rule::EndpointDeprecated, "v1-api"),
        ];
    } else {
        x.meaning = "The resource was retired.".into();
        x.cause = "A call to a retired endpoint.".into();
        x.fix = "Move to its replacement (`linkedin-lint explain endpoint-deprecated` lists the known ones).".into();
        x.found_by = vec![(Rule::EndpointDeprecated, None)];
    }
}

fn length_required(x: &mut Explanation) {
    x.meaning = "A POST without a Content-Length header.".into();
    x.cause = "An empty-body POST (an action call, a token request built by hand) sent without `Content-Length: 0`; some HTTP clients omit it when there is no body.".into();
    x.fix = "Send `Content-Length` on every POST, `0` when the body is empty.".into();
    x.no_rule = Some("the header is set by the HTTP client at run time");
}

fn throttled(x: &mut Explanation) {
    x.meaning = "A rate limit was reached: LinkedIn limits calls per app and per member per day, per resource.".into();
    x.cause = "Too many calls to one resource in a day: polling, per-item lookups that a batch call could replace, or retries without back-off.".into();
    x.fix = "Back off and retry later (daily limits reset at midnight UTC), cache results, and batch requests. The developer portal shows the app's limits.".into();
    x.no_rule = Some("call volume is a run-time property");
}

fn server_error(r: &ErrorResponse, status: u16, x: &mut Explanation) {
    x.meaning = format!("LinkedIn failed to handle the request (HTTP {status}).");
    x.cause = "A LinkedIn-side failure; for 500 also an access token that failed LinkedIn's downstream verification.".into();
    x.fix = "Retry with exponential back-off. If it persists, report it to LinkedIn with the response headers `x-li-uuid`, `x-li-fabric` and `x-li-request-id`; for a 500, also try a new access token.".into();
    for (k, v) in &r.request_ids {
        x.notes.push(format!("{k}: {v}"));
    }
    x.no_rule = Some("server errors are not caused by the code's use of the API");
}

fn other(x: &mut Explanation) {
    x.meaning = "LinkedIn rejected the request; linkedin-lint has no specific explanation for this status or code.".into();
    x.cause = "See LinkedIn's message above.".into();
    x.fix = "Check the request against the API reference of the pinned LinkedIn-Version; LinkedIn recommends acting on the HTTP status and error code rather than the message text.".into();
    x.no_rule = Some("no rule matches this response");
}

fn oauth(r: &ErrorResponse, error: &str, table: &RuleTable, x: &mut Explanation) {
    x.headline = format!("OAuth error {error}");
    x.quoted = r.oauth_description.clone();
    let desc = r.oauth_description.as_deref().unwrap_or("");
    match error {
        "unauthorized_scope_error" | "invalid_scope" => {
            let scope = desc.split('"').nth(1).filter(|s| !s.is_empty());
            let entry = scope.and_then(|s| table.scopes.iter().find(|e| e.scope == s));
            if !entry.is_some_and(|e| e.help.contains("five minutes")) {
                x.notes.push(PERMISSION_CACHE.into());
            }
            match (scope, entry) {
                (Some(s), Some(e)) => {
                    x.meaning = format!(
                        "{}, and this app may not request it.",
                        crate::reference::capitalized(&e.message)
                    );
                    x.cause = format!("`{s}` in the scope list of the authorization URL.");
                    x.fix = e.help.clone();
                    x.found_by = vec![(Rule::ScopeDeprecated, Some(e.id.clone()))];
                }
                (s, _) => {
                    let s = s.map_or("a scope".to_string(), |s| format!("scope `{s}`"));
                    x.meaning = format!("The app is not authorized for {s}.");
                    x.cause = format!(
                        "The authorization URL requests {s}, but the app does not have the product that grants it (`openid`, `profile` and `email` come with \"Sign In with LinkedIn using OpenID Connect\", `w_member_social` with \"Share on LinkedIn\"; Marketing scopes need approval)."
                    );
                    x.fix = "Add the product to the app in the developer portal, or stop requesting the scope.".into();
                    x.found_by = vec![(Rule::ScopeDeprecated, None)];
                }
            }
        }
        "invalid_redirect_uri" => {
            x.meaning = "The redirect_uri is not one registered for the app.".into();
            x.cause = "A redirect URI that differs from the app's settings: it must be absolute, HTTPS, without `#`, and match exactly.".into();
            x.fix =
                "Register the exact URI in the app's Auth settings, or send the registered one."
                    .into();
            x.no_rule = Some("redirect URIs are configuration, not API usage");
        }
        "invalid_request" => {
            x.meaning = "The authorization or token request is incomplete or wrong.".into();
            x.cause = "A required parameter is missing (`redirect_uri`, `code`, `client_id`), the authorization code was already used or is too old, or the token request is not a form-encoded POST to `https://www.linkedin.com/oauth/v2/accessToken`.".into();
            x.fix = "POST `grant_type=authorization_code`, `code`, `redirect_uri` (the same as in the authorization request), `client_id` and `client_secret` as `application/x-www-form-urlencoded`, once per code.".into();
            x.found_by = vec![by(Rule::EndpointDeprecated, "uas-oauth2")];
            x.notes.push("Old `/uas/oauth2/` URLs are answered with redirects, and many HTTP clients turn a redirected POST into a GET that loses the body.".into());
        }
        "user_cancelled_login" | "user_cancelled_authorize" | "access_denied" => {
            x.meaning =
                "The member declined to sign in or to grant the requested permissions.".into();
            x.cause = "Not a bug in the code: the member chose not to continue.".into();
            x.fix = "Handle it in the callback (show a message, offer to retry); request only the scopes the app needs.".into();
            x.no_rule = Some("the member's choice is not in the code");
        }
        _ => {
            x.meaning = format!("LinkedIn's OAuth server refused the request ({error}).");
            x.cause = "See the description above.".into();
            x.fix = "Check the authorization and token requests against LinkedIn's authorization code flow.".into();
            x.no_rule = Some("no rule matches this OAuth error");
        }
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.headline)?;
        if let Some(q) = &self.quoted {
            writeln!(f, "  \"{q}\"")?;
        }
        writeln!(f)?;
        let found = if self.found_by.is_empty() {
            format!(
                "no linkedin-lint rule: {}",
                self.no_rule.unwrap_or("no rule matches")
            )
        } else {
            let rules: Vec<String> = self
                .found_by
                .iter()
                .map(|(r, id)| match id {
                    Some(id) => format!("{r} ({id})"),
                    None => r.to_string(),
                })
                .collect();
            format!(
                "{}; `linkedin-lint check` finds the cause in the code",
                rules.join(", ")
            )
        };
        let mut rows = vec![
            ("What it means", self.meaning.as_str()),
            ("Likely cause", self.cause.as_str()),
            ("Fix", self.fix.as_str()),
            ("Found by", found.as_str()),
        ];
        for n in &self.notes {
            rows.push(("Note", n));
        }
        for (label, text) in rows {
            f.write_str(&crate::reference::labelled(label, text))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Date;

    fn run(input: &str) -> Explanation {
        let table = crate::rules::load(&[]).unwrap();
        let opts = CheckOptions::new(&table, Date::parse("2026-11-23").unwrap());
        let r = ErrorResponse::parse(input).expect("recognised");
        explain(&r, &table, &opts)
    }

    fn rules(x: &Explanation) -> Vec<String> {
        x.found_by
            .iter()
            .map(|(r, id)| match id {
                Some(id) => format!("{r}/{id}"),
                None => r.to_string(),
            })
            .collect()
    }

    /// One response of every kind the tests below explain.
    const SAMPLES: [&str; 12] = [
        r#"{"status":400,"code":"VERSION_MISSING","message":"A version must be present."}"#,
        r#"{"status":400,"message":"Invalid param.","errorDetails":{"inputErrors":[{"code":"PARAM_INVALID"}]}}"#,
        r#"{"status":400,"message":"... include advertiser account id in the url path"}"#,
        r#"{"serviceErrorCode":65600,"message":"Invalid access token","status":401}"#,
        r#"{"message":"Unknown authentication schema","status":401}"#,
        r#"{"status":403,"message":"Not enough permissions to access: partnerApiMe.GET.20230601"}"#,
        r#"{"status":403,"message":"Not enough permissions to access: me.GET.NO_VERSION"}"#,
        r#"{"status":410,"message":"This resource is no longer available under v1 APIs"}"#,
        r#"{"status":426,"message":"Requested version 20250401 is not active"}"#,
        r#"{"status":426,"message":"Requested version 20241201 is not active"}"#,
        r#"{"status":426,"message":"Requested version 20230901 is not active"}"#,
        "https://x.example/cb?error=unauthorized_scope_error&error_description=Scope+%22r_emailaddress%22+is+not+authorized",
    ];

    #[test]
    fn every_id_an_explanation_names_is_in_the_table() {
        let table = crate::rules::load(&[]).unwrap();
        let mut named = 0;
        for input in SAMPLES {
            let x = run(input);
            assert!(!x.found_by.is_empty(), "{input}");
            for (rule, id) in &x.found_by {
                if let Some(id) = id {
                    let e = table
                        .entry(id)
                        .unwrap_or_else(|| panic!("{id} is not in the table"));
                    assert_eq!(e.rule, *rule, "{id}");
                    named += 1;
                }
            }
        }
        assert!(named >= SAMPLES.len());
    }

    #[test]
    fn parses_body_status_line_headers_and_log_lines() {
        let body = r#"{"status":403,"serviceErrorCode":100,"code":"ACCESS_DENIED","message":"Not enough permissions to access: partnerApiMe.GET.20230601"}"#;
        let r = ErrorResponse::parse(body).unwrap();
        assert_eq!(r.status, Some(403));
        assert_eq!(r.code.as_deref(), Some("ACCESS_DENIED"));
        assert_eq!(r.service_error_code, Some(100));
        let http = format!(
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/2 403 Forbidden\r\nContent-Type: application/json\r\nx-li-uuid: AAZ+/abc==\r\n\r\n{body}\r\n"
        );
        let h = ErrorResponse::parse(&http).unwrap();
        assert_eq!(h.status, Some(403));
        assert_eq!(h.message, r.message);
        assert_eq!(
            h.request_ids,
            vec![("x-li-uuid".to_string(), "AAZ+/abc==".to_string())]
        );
        let verbose = format!("< HTTP/2 403\n< content-type: application/json\n<\n{body}");
        assert_eq!(ErrorResponse::parse(&verbose).unwrap().status, Some(403));
        let log = format!("2026-11-23T10:00:00Z ERROR linkedin call failed: {body} (retrying)");
        assert_eq!(ErrorResponse::parse(&log).unwrap().code, r.code);
        // A status line alone is enough.
        assert_eq!(
            ErrorResponse::parse("HTTP/1.1 411 Length Required\n")
                .unwrap()
                .status,
            Some(411)
        );
    }

    #[test]
    fn unrecognised_input_is_none() {
        for s in [
            "",
            "   \n",
            "hello world",
            r#"{"name":"not an error"}"#,
            "HTTP/1.1 200 OK\n\n{\"id\":\"abc\"}",
            "[1,2,3]",
            "{not json",
        ] {
            assert_eq!(ErrorResponse::parse(s), None, "{s:?}");
        }
    }

    #[test]
    fn e400_version_missing() {
        let x = run(
            r#"{"status":400,"code":"VERSION_MISSING","message":"A version must be present. Please specify a version by adding the LinkedIn-Version header."}"#,
        );
        assert_eq!(x.headline, "HTTP 400 VERSION_MISSING");
        assert!(x.fix.contains("LinkedIn-Version: 202609"), "{}", x.fix);
        assert_eq!(rules(&x), ["version-missing/rest-without-version"]);
    }

    #[test]
    fn e400_field_errors() {
        let x = run(
            r#"{"errorDetailType":"com.linkedin.common.error.BadRequest","message":"Multiple errors occurred during the input validation. Please see errorDetails for more information.","errorDetails":{"inputErrors":[{"description":"Targeting facet is deprecated","input":{"inputPath":{"fieldPath":"targetingCriteria/include/and/0/or/urn:li:adTargetingFacet:memberBehaviors"}},"code":"TARGETING_FIELD_DEPRECATED"}]},"status":400}"#,
        );
        assert!(
            x.meaning.contains(
                "`targetingCriteria/include/and/0/or/urn:li:adTargetingFacet:memberBehaviors`: TARGETING_FIELD_DEPRECATED (Targeting facet is deprecated)"
            ),
            "{}",
            x.meaning
        );
        assert!(x.cause.contains("no longer accepts"), "{}", x.cause);
        assert!(x.found_by.is_empty() && x.no_rule.is_some());
        let plain = run(
            r#"{"errorDetailType":"com.linkedin.common.error.BadRequest","message":"Invalid param.","errorDetails":{"inputErrors":[{"description":"Invalid value for param; wrong type or other syntax error","input":{"inputPath":{"fieldPath":"search"}},"code":"PARAM_INVALID"}]},"status":400}"#,
        );
        assert!(plain.cause.contains("unencoded"), "{}", plain.cause);
        assert_eq!(rules(&plain), ["restli-protocol/restli-protocol-2"]);
        let creatives = run(
            r#"{"status":400,"message":"All api calls to creative endpoints have been modified to include advertiser account id in the url path"}"#,
        );
        assert_eq!(rules(&creatives), ["endpoint-deprecated/ad-creatives-v2"]);
    }

    #[test]
    fn e401_token_problems() {
        let empty =
            run(r#"{"serviceErrorCode":401,"message":"Empty oauth2_access_token","status":401}"#);
        assert!(empty.found_by.is_empty() && empty.no_rule.is_some());
        assert!(empty.cause.contains("Authorization"));
        let invalid =
            run(r#"{"serviceErrorCode":65600,"message":"Invalid access token","status":401}"#);
        assert!(invalid.cause.contains("1000"), "{}", invalid.cause);
        assert_eq!(rules(&invalid), ["hardcoded-token/access-token-literal"]);
        let expired = run(
            r#"{"status":401,"code":"EXPIRED_ACCESS_TOKEN","serviceErrorCode":65602,"message":"The token used in the request has expired"}"#,
        );
        assert!(expired.meaning.contains("60 days"), "{}", expired.meaning);
        let revoked = run(
            r#"{"serviceErrorCode":65601,"code":"REVOKED_ACCESS_TOKEN","message":"The token used in the request has been revoked by the user","status":401}"#,
        );
        assert!(revoked.meaning.contains("revoked"));
        assert!(revoked.notes.iter().any(|n| n.contains("five minutes")));
        let scheme = run(
            "HTTP/1.1 401 Unauthorized\n\n{\"message\":\"Unknown authentication schema\",\"status\":401}",
        );
        assert_eq!(rules(&scheme), ["auth-scheme/bearer-scheme"]);
    }

    #[test]
    fn e403_partner_api_me_needs_r_basicprofile() {
        let x = run(
            r#"{"status":403,"serviceErrorCode":100,"code":"ACCESS_DENIED","message":"Not enough permissions to access: partnerApiMe.GET.20230601"}"#,
        );
        assert_eq!(x.headline, "HTTP 403 ACCESS_DENIED (serviceErrorCode 100)");
        assert!(x.meaning.contains("`/rest/me`"), "{}", x.meaning);
        assert!(x.meaning.contains("version 202306"), "{}", x.meaning);
        assert!(x.cause.contains("r_basicprofile"), "{}", x.cause);
        assert_eq!(rules(&x), ["scope-version-mismatch/rest-me-basicprofile"]);
        assert!(x.notes.iter().any(|n| n.contains("five minutes")));
    }

    #[test]
    fn e403_me_no_version_is_the_legacy_v2_me() {
        let x = run(
            r#"{"status":403,"serviceErrorCode":100,"code":"ACCESS_DENIED","message":"Not enough permissions to access: me.GET.NO_VERSION"}"#,
        );
        assert!(x.meaning.contains("`/v2/me`") && x.meaning.contains("unversioned"));
        assert!(x.fix.contains("/v2/userinfo"), "{}", x.fix);
        assert_eq!(
            rules(&x),
            [
                "endpoint-deprecated/v2-me",
                "scope-deprecated/r-liteprofile"
            ]
        );
        // Older wording, other resources: the generic permission explanation.
        let old = run(
            r#"{"serviceErrorCode":100,"message":"Not enough permissions to access: GET /me","status":403}"#,
        );
        assert!(old.meaning.contains("GET /me"), "{}", old.meaning);
        assert_eq!(rules(&old), ["scope-version-mismatch", "scope-deprecated"]);
        let other = run(
            r#"{"status":403,"code":"ACCESS_DENIED","message":"Not enough permissions to access: organizationAcls.FINDER-roleAssignee.20260301"}"#,
        );
        assert!(
            other.meaning.contains("`/rest/organizationAcls`"),
            "{}",
            other.meaning
        );
    }

    #[test]
    fn e404_e410_e411() {
        assert_eq!(rules(&run("HTTP/2 404\n")), ["endpoint-deprecated"]);
        let v1 = run(
            r#"{"errorCode":0,"message":"This resource is no longer available under v1 APIs","requestId":"X","status":410,"timestamp":1}"#,
        );
        assert_eq!(
            rules(&v1),
            [
                "endpoint-deprecated/v1-people",
                "endpoint-deprecated/v1-api"
            ]
        );
        let e411 = run("HTTP/1.1 411 Length Required\r\n\r\n");
        assert!(e411.fix.contains("Content-Length"));
        assert!(e411.found_by.is_empty());
    }

    #[test]
    fn e426_names_the_version_and_its_sunset() {
        let x = run(
            "HTTP/2 426\ncontent-type: application/json\n\n{\"status\":426,\"code\":\"NONEXISTENT_VERSION\",\"message\":\"Requested version 20250401 is not active\"}",
        );
        assert!(
            x.meaning.contains("version 202504") && x.meaning.contains("2026-04-15"),
            "{}",
            x.meaning
        );
        // 202504's date is S-graded in the table; 202411's was published by LinkedIn.
        assert!(x.meaning.contains("secondary sources"), "{}", x.meaning);
        let published =
            run(r#"{"status":426,"message":"Requested version 20241101 is not active"}"#);
        assert!(
            published
                .meaning
                .contains("2025-11-17 (a date LinkedIn published)"),
            "{}",
            published.meaning
        );
        assert!(x.fix.contains("202609"), "{}", x.fix);
        assert_eq!(
            rules(&x),
            ["version-sunset/version-sunset-dated", "version-expiring"]
        );
        // A month without a release, a future month, and one the table believes active.
        let dec = run(
            r#"{"status":426,"code":"NONEXISTENT_VERSION","message":"Requested version 20241201 is not active"}"#,
        );
        assert_eq!(rules(&dec), ["version-unknown/version-not-released"]);
        let future = run(r#"{"status":426,"message":"Requested version 20270101 is not active"}"#);
        assert_eq!(rules(&future), ["version-unknown/version-future"]);
        let early = run(r#"{"status":426,"message":"Requested version 20260601 is not active"}"#);
        assert!(early.meaning.contains("out of date"), "{}", early.meaning);
        let policy = run(r#"{"status":426,"message":"Requested version 20230901 is not active"}"#);
        assert_eq!(rules(&policy)[0], "version-sunset/version-sunset-policy");
    }

    #[test]
    fn e429_and_5xx() {
        let x = run(
            r#"{"message":"Resource level throttle limit for calls to this resource is reached.","status":429}"#,
        );
        assert!(x.fix.contains("midnight UTC"));
        let s = run(
            "HTTP/1.1 503 Service Unavailable\nx-li-fabric: prod-lor1\nx-li-request-id: 12ab\n\n",
        );
        assert!(s.fix.contains("x-li-uuid"));
        assert!(s.notes.contains(&"x-li-fabric: prod-lor1".to_string()));
        assert!(s.found_by.is_empty());
    }

    #[test]
    fn oauth_unauthorized_scope_redirect() {
        let x = run(
            "https://app.example.com/callback?error=unauthorized_scope_error&error_description=Scope+%22r_liteprofile%22+is+not+authorized+for+your+application&state=xyz",
        );
        assert_eq!(x.headline, "OAuth error unauthorized_scope_error");
        assert_eq!(
            x.quoted.as_deref(),
            Some("Scope \"r_liteprofile\" is not authorized for your application")
        );
        assert!(
            x.meaning.starts_with(
                "Scope `r_liteprofile` belongs to the deprecated Sign In with LinkedIn product, and this app may not"
            ),
            "{}",
            x.meaning
        );
        assert!(x.fix.starts_with("Request `openid profile`"), "{}", x.fix);
        assert!(
            x.notes.is_empty(),
            "the entry's help already has the cache caveat"
        );
        assert_eq!(rules(&x), ["scope-deprecated/r-liteprofile"]);
        // In a Location header, and for a scope the table does not retire.
        let loc = run(
            "HTTP/1.1 303 See Other\nLocation: https://app.example.com/cb?error=unauthorized_scope_error&error_description=Scope%20%22openid%22%20is%20not%20authorized%20for%20your%20application\n\n",
        );
        assert!(loc.cause.contains("OpenID Connect"), "{}", loc.cause);
        let token = run(
            r#"{"error":"invalid_redirect_uri","error_description":"Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code."}"#,
        );
        assert!(token.cause.contains("HTTPS"));
    }

    #[test]
    fn display_has_every_section() {
        let x = run(
            r#"{"status":426,"code":"NONEXISTENT_VERSION","message":"Requested version 20250401 is not active"}"#,
        );
        let s = x.to_string();
        assert!(s.starts_with(
            "HTTP 426 NONEXISTENT_VERSION\n  \"Requested version 20250401 is not active\"\n\n"
        ));
        for label in [
            "What it means: ",
            "Likely cause:  ",
            "Fix:           ",
            "Found by:      ",
        ] {
            assert!(s.contains(label), "{label}\n{s}");
        }
        assert!(s.lines().all(|l| l.chars().count() <= 100), "{s}");
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("a+b%22c%2"), "a b\"c%2");
        assert_eq!(percent_decode("%zz%41"), "%zzA");
    }
}
