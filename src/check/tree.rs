//! The checks that need the whole tree: `version-inconsistent`, `scope-version-mismatch`,
//! `version-missing`.

use super::*;

impl Checker<'_> {
    /// `version-inconsistent`: the pins that differ from the version the project keeps — the
    /// one its `codegen` module pins, else the one most sites pin among the supported ones
    /// (the newest on a tie; a sunset version only when every pin is past its sunset). Only
    /// those outliers are reported, each pointing at where the kept version is pinned.
    pub(super) fn inconsistent(&self, files: &mut [FileCheck]) {
        let mut sites: Vec<(usize, Version, Span)> = Vec::new();
        for (fi, f) in files.iter().enumerate() {
            for (v, s) in &f.versions {
                sites.push((fi, *v, *s));
            }
        }
        let distinct: BTreeSet<Version> = sites.iter().map(|s| s.1).collect();
        if distinct.len() < 2 {
            return;
        }
        let generated: Vec<_> = sites.iter().filter(|s| files[s.0].generated).collect();
        let voters = if generated.is_empty() {
            sites.iter().collect()
        } else {
            generated
        };
        let mut votes: BTreeMap<Version, usize> = BTreeMap::new();
        for s in &voters {
            *votes.entry(s.1).or_default() += 1;
        }
        // The version kept is the most pinned one among the best supported (ties: the
        // newest): a version not near its sunset, else one that is near it, else any. Never
        // ask a file on a current version to move to one past its sunset, which
        // `version-sunset` reports where it is pinned.
        let standing = |v: &Version| match self.table.calendar.status(
            *v,
            self.opts.today,
            self.opts.expiring_days,
        ) {
            Status::Active { .. } => 2,
            Status::Expiring { .. } => 1,
            _ => 0,
        };
        let Some(keep) = votes
            .iter()
            .max_by(|a, b| {
                standing(a.0)
                    .cmp(&standing(b.0))
                    .then(a.1.cmp(b.1))
                    .then(a.0.month_index().cmp(&b.0.month_index()))
            })
            .map(|(v, _)| *v)
        else {
            return;
        };
        // The sunset and expiring pins' fixes pin the kept version when it is current, not
        // `--target-version`: a fixed tree then pins one version, not two.
        if standing(&keep) == 2 && keep.month_only() != self.opts.target_version.month_only() {
            self.retarget_fixes(files, keep);
        }
        let kept: Vec<&(usize, Version, Span)> =
            voters.into_iter().filter(|s| s.1 == keep).collect();
        let from_codegen = kept.iter().any(|s| files[s.0].generated);
        let value = if from_codegen {
            format!(
                "{keep} in its generated constant ({})",
                files[kept[0].0].path
            )
        } else {
            let n = sites.iter().filter(|s| s.1 == keep).count();
            format!("{keep} at {n} site{}", if n == 1 { "" } else { "s" })
        };
        let codegen = self.codegen_help(files, &sites, kept[0].0, from_codegen);
        let related: Vec<Related> = kept
            .iter()
            .take(3)
            .map(|s| Related {
                path: files[s.0].path.clone(),
                span: s.2,
                message: if from_codegen {
                    format!("{keep} generated here by linkedin-lint codegen")
                } else {
                    format!("{keep} pinned here")
                },
            })
            .collect();
        let e = self.entry(CheckId::MultipleVersions);
        let keep_s = keep.to_string();
        for (fi, v, span) in sites.iter().filter(|s| s.1 != keep) {
            let vs = v.to_string();
            let vars = [
                ("version", vs.as_str()),
                ("value", value.as_str()),
                ("keep", keep_s.as_str()),
                ("codegen", codegen.as_str()),
            ];
            let mut f = table_finding(
                Rule::VersionInconsistent,
                entry_of!(e),
                &files[*fi].path,
                *span,
            );
            f.message = fill(&e.message, &vars);
            f.help = fill(&e.help, &vars);
            f.related = related.clone();
            files[*fi].findings.push(f);
        }
    }

    /// Points the `version-sunset` and `version-expiring` fixes that pin `--target-version`
    /// at `keep` instead.
    fn retarget_fixes(&self, files: &mut [FileCheck], keep: Version) {
        let (target, keep) = (self.opts.target_version.to_string(), keep.to_string());
        let was = format!("(fix: pin {target})");
        let now = format!("(fix: pin {keep}, the version the project keeps)");
        let findings = files.iter_mut().flat_map(|f| f.findings.iter_mut());
        for f in findings.filter(|f| matches!(f.rule, Rule::VersionSunset | Rule::VersionExpiring))
        {
            let Some(fix) = &mut f.fix else { continue };
            if let [e] = fix.edits.as_mut_slice() {
                if e.replacement == target {
                    e.replacement = keep.clone();
                    f.help = f.help.replace(&was, &now);
                }
            }
        }
    }

    /// How to keep one version, in the project's own language: import the generated constant
    /// when codegen wrote one, else generate it for the language most files with pins are in
    /// (a generic command when none is Rust, TypeScript/JavaScript, Python or Go).
    fn codegen_help(
        &self,
        files: &[FileCheck],
        sites: &[(usize, Version, Span)],
        kept_file: usize,
        from_codegen: bool,
    ) -> String {
        use crate::codegen::Language;
        if from_codegen {
            let f = &files[kept_file];
            let name = f.codegen_lang.unwrap_or(Language::Rust).version_constant();
            return format!(
                "import `{name}` from `{}` (written by `linkedin-lint codegen`) wherever a \
                 request is made, instead of writing the version.",
                f.path
            );
        }
        let mut by_lang: BTreeMap<&str, (usize, Language)> = BTreeMap::new();
        let pin_files: BTreeSet<usize> = sites.iter().map(|s| s.0).collect();
        for fi in pin_files {
            if let Some(l) = files[fi].codegen_lang {
                by_lang.entry(l.name()).or_insert((0, l)).0 += 1;
            }
        }
        let lang = by_lang.values().max_by_key(|(n, _)| *n).map(|(_, l)| *l);
        match lang {
            Some(l) => format!(
                "generate it with `linkedin-lint codegen --lang {} --out {}`, import its `{}` \
                 constant wherever a request is made, and run the same command with `--check` \
                 in CI to keep it current.",
                l.name(),
                l.suggested_out(),
                l.version_constant()
            ),
            None => crate::codegen::GENERIC_HELP.to_string(),
        }
    }

    pub(super) fn mismatch(&self, files: &mut [FileCheck]) {
        let requested: BTreeSet<String> = files
            .iter()
            .flat_map(|f| f.scopes.iter().cloned())
            .collect();
        if requested.is_empty() {
            return; // the code requests no scopes we can see: nothing to compare with
        }
        let tree_versions: Vec<Version> = files
            .iter()
            .flat_map(|f| f.versions.iter().map(|v| v.0))
            .collect();
        // The scopes that apply to a file: its own, else those of the nearest directory that
        // requests any (a monorepo's other project must not hide a missing scope).
        let by_path: Vec<(String, BTreeSet<String>)> = files
            .iter()
            .filter(|f| !f.scopes.is_empty())
            .map(|f| (f.path.clone(), f.scopes.clone()))
            .collect();
        let nearest = |path: &str| -> BTreeSet<String> {
            let mut dir = path;
            while let Some((parent, _)) = dir.rsplit_once('/') {
                let prefix = format!("{parent}/");
                let set: BTreeSet<String> = by_path
                    .iter()
                    .filter(|(p, _)| p.starts_with(&prefix))
                    .flat_map(|(_, s)| s.iter().cloned())
                    .collect();
                if !set.is_empty() {
                    return set;
                }
                dir = parent;
            }
            requested.clone()
        };
        for file in files.iter_mut() {
            let local: Vec<Version> = file.versions.iter().map(|v| v.0).collect();
            let scopes = if file.requirement_sites.is_empty() {
                BTreeSet::new()
            } else if file.scopes.is_empty() {
                nearest(&file.path)
            } else {
                file.scopes.clone()
            };
            for (ri, span) in file.requirement_sites.clone() {
                let req = &self.table.requirements[ri];
                if scopes.contains(&req.scope) {
                    continue;
                }
                let from = req.from;
                let pinned = if local.is_empty() {
                    &tree_versions
                } else {
                    &local
                };
                // No pinned version: the request needs one anyway, and any current one is newer.
                let applies = pinned.is_empty()
                    || pinned.iter().any(|v| v.month_index() >= from.month_index());
                if !applies {
                    continue;
                }
                let f = table_finding(Rule::ScopeVersionMismatch, entry_of!(req), &file.path, span);
                file.findings.push(f);
            }
        }
    }

    pub(super) fn missing(&self, files: &mut [FileCheck]) {
        /// The package directory of a Go file.
        fn go_package(path: &str) -> Option<&str> {
            path.ends_with(".go")
                .then(|| path.rsplit_once('/').map_or("", |(d, _)| d))
        }
        // Names defined by files that set the version header: using one is using the helper.
        let helpers: HashSet<String> = files
            .iter()
            .filter(|f| f.sets_version)
            .flat_map(|f| f.defines.iter().cloned())
            .collect();
        // Some file of the tree sets the header: a file that builds no headers of its own and
        // names its `/rest/` URLs (`const EndpointSnapshot = "…/rest/…"`) hands them to that
        // helper (`versionedHttpRequest`). A URL written into a call in place is still judged.
        let tree_sets = files.iter().any(|f| f.sets_version && !f.docs);
        // A Go package is its directory: a file reaches the package's request helper
        // (`c.doRequest(…)`, a method on the package's client) with no import and often no
        // name the helper's file defines at top level.
        let go_sets: HashSet<String> = files
            .iter()
            .filter(|f| f.sets_version && !f.docs)
            .filter_map(|f| go_package(&f.path).map(str::to_string))
            .collect();
        let e = self.entry(CheckId::RestWithoutVersion);
        for f in files.iter_mut() {
            if tree_sets && !f.builds_headers && !f.rest_inline {
                continue;
            }
            if go_package(&f.path).is_some_and(|d| go_sets.contains(d)) {
                continue;
            }
            // A name the file defines itself is its own (two scripts' `const accessToken`),
            // not the helper's.
            if f.sets_version
                || f.rest_sites.is_empty()
                || f.uses
                    .iter()
                    .any(|u| helpers.contains(u) && !f.defines.contains(u))
            {
                continue;
            }
            for span in f.rest_sites.clone() {
                let finding = table_finding(Rule::VersionMissing, entry_of!(e), &f.path, span);
                f.findings.push(finding);
            }
        }
    }
}

impl Checker<'_> {
    /// Versions bound in one file to a name or key that another file sends as
    /// `LinkedIn-Version` (`list(lkd.api_version = '202401')` here, `'LinkedIn-Version' =
    /// getOption('lkd.api_version')` there): checked as versions, at their definition.
    pub(super) fn resolve_version_keys(&self, files: &mut [FileCheck]) {
        let keys: HashSet<String> = files
            .iter()
            .flat_map(|f| f.version_keys.iter().cloned())
            .collect();
        for f in files.iter_mut() {
            for c in std::mem::take(&mut f.version_candidates) {
                if keys.contains(&c.key) {
                    f.findings.extend(c.findings);
                    f.versions.extend(c.version);
                    f.sets_version = true;
                }
            }
        }
    }

    /// Relative paths (`'/ugcPosts'`) joined to a LinkedIn base defined in the file or in
    /// another file of the tree. A file that defines bases of its own uses only those (a file
    /// with only a `/rest` base resolves only the table's few `/rest/…` entries); a generic
    /// path (`/me`) needs a base in the file, or a name it uses from a file that defines one
    /// (or from a client built on one), and no other API's URL in the file.
    pub(super) fn resolve_relative(&self, files: &mut [FileCheck]) {
        if files.iter().all(|f| f.relative.is_empty()) {
            return;
        }
        if files.iter().any(|f| f.li_host) {
            for f in files.iter_mut() {
                f.li_bases |= f.prefix_bases;
            }
        }
        let project: u8 = files.iter().fold(0, |a, f| a | f.li_bases);
        let libraries: u8 = files.iter().fold(0, |a, f| a | f.library_bases);
        // Names bound to a base in some file, with the bases' bits.
        let mut bound: std::collections::HashMap<String, u8> = std::collections::HashMap::new();
        for (name, kind) in files.iter().flat_map(|f| &f.bound_bases) {
            *bound.entry(name.clone()).or_default() |= kind;
        }
        // (A `/rest` base is enough for an unversioned name: `RelativeSite::unversioned_name`.)
        if (project | libraries) & (BASE_V1 | BASE_V2 | BASE_REST) == 0 {
            // No base in the tree (`self.api_url = settings.LINKEDIN_API_URL`, set from the
            // environment): a path retired under `/v2` and `/rest` alike (`/ugcPosts`), joined
            // to a name no file binds to another URL, in a file about LinkedIn that names no
            // other API, is retired whichever base the name holds. (A bare `'/ugcPosts'` in a
            // list may be matched against LinkedIn's web app's own requests.)
            for f in files.iter_mut().filter(|f| !f.foreign_base) {
                for site in std::mem::take(&mut f.relative) {
                    let joined = site
                        .lead
                        .as_deref()
                        .is_some_and(|l| bound.get(l).is_none_or(|k| k & BASE_ELSEWHERE == 0));
                    if joined
                        && site.any_base
                        && site.kind == BASE_V2
                        && !site.generic
                        && !site.borrowed
                    {
                        f.findings.push(site.finding);
                    }
                }
            }
            return;
        }
        // Names defined next to a base, and one step on: the clients that use them.
        let mut base_names: HashSet<String> = files
            .iter()
            .filter(|f| f.li_bases & (BASE_V1 | BASE_V2) != 0)
            .flat_map(|f| f.defines.iter().cloned())
            .collect();
        let clients: Vec<String> = files
            .iter()
            .filter(|f| f.li_bases == 0 && f.uses.iter().any(|u| base_names.contains(u)))
            .flat_map(|f| f.defines.iter().cloned())
            .collect();
        base_names.extend(clients);
        // Names defined beside any LinkedIn base, `/rest` included: what lends a file with no
        // LinkedIn word of its own ([`RelativeSite::borrowed`]) its context.
        let lenders: HashSet<&str> = files
            .iter()
            .filter(|f| f.li_bases != 0)
            .flat_map(|f| f.defines.iter().map(String::as_str))
            .chain(base_names.iter().map(String::as_str))
            .collect();
        let lent: Vec<bool> = files
            .iter()
            .map(|f| !f.foreign_base && f.uses.iter().any(|u| lenders.contains(u.as_str())))
            .collect();
        // The bases of the files a borrowing file uses names of: `media.py` calling the
        // helpers of a client built on `/rest` is sent to `/rest`, whatever else the tree holds.
        let lent_bases = |f: &FileCheck| -> u8 {
            files
                .iter()
                .filter(|g| g.li_bases != 0 && g.defines.iter().any(|d| f.uses.contains(d)))
                .fold(0, |a, g| a | g.li_bases)
        };
        let lent_bases: Vec<u8> = files
            .iter()
            .map(|f| {
                if f.relative.iter().any(|s| s.borrowed) {
                    lent_bases(f)
                } else {
                    0
                }
            })
            .collect();
        // Names a file with a base uses: a client interface it builds on that base
        // (`Feign.builder().target(LinkedinApi.class, base)`, `retrofit.create(…)`).
        let used_with_base: HashSet<&str> = files
            .iter()
            .filter(|f| f.li_bases & (BASE_V1 | BASE_V2) != 0)
            .flat_map(|f| f.uses.iter().map(String::as_str))
            .collect();
        let built_on: Vec<bool> = files
            .iter()
            .map(|f| {
                f.defines
                    .iter()
                    .any(|d| used_with_base.contains(d.as_str()))
            })
            .collect();
        for (((f, built_on), lent), lent_bases) in
            files.iter_mut().zip(built_on).zip(lent).zip(lent_bases)
        {
            if f.relative.is_empty() {
                continue;
            }
            let kinds = if f.li_bases != 0 {
                f.li_bases
            } else if lent_bases != 0 {
                lent_bases
            } else {
                project
            } | f.library_bases;
            let linked = f.uses.iter().any(|u| base_names.contains(u));
            for site in std::mem::take(&mut f.relative) {
                // `f"{settings.LINKEDIN_API_BASE}/me"` in a file with no base of its own, the
                // name bound to a LinkedIn base in another file: the path is sent to that base,
                // and only to it. A generic path (`/me`), or one in a file with no LinkedIn word,
                // follows only a name that says LinkedIn (not a `url` another module happens to
                // bind); a name some file binds to another host's URL too says nothing.
                let says_linkedin = site.lead.as_deref().is_some_and(|l| {
                    crate::extract::context::contains_ignore_ascii_case(l, "linkedin")
                });
                let lead = site
                    .lead
                    .as_deref()
                    .filter(|_| f.li_bases == 0)
                    .filter(|_| says_linkedin || !site.generic && !site.borrowed)
                    .and_then(|l| bound.get(l).copied())
                    .filter(|&k| k != 0 && k & BASE_ELSEWHERE == 0);
                if let Some(lead) = lead {
                    // (Bound to both, it is read as v2's: one finding, not two.)
                    let sent_there = lead & site.kind != 0;
                    let read_as_v2 = site.kind == BASE_REST && lead & BASE_V2 != 0;
                    if sent_there && !read_as_v2 && !(site.generic && f.foreign_base) {
                        f.findings.push(site.finding);
                    }
                    continue;
                }
                if kinds & site.kind == 0 && !(site.unversioned_name && kinds & BASE_REST != 0)
                    // A borrowed path needs one LinkedIn API in reach: a mixin of a client
                    // that holds both `/v2` and `/rest` may send it to either.
                    || site.borrowed
                        && (!lent || kinds & (BASE_V2 | BASE_REST) == BASE_V2 | BASE_REST)
                {
                    continue;
                }
                // A plain v1 path needs the file's own v1 base, or a tree whose only LinkedIn
                // API is v1 and a client asked for it, or a path being built (`path =
                // "/people"`) in a file that reaches the base's helpers (an old v1 gem's
                // modules, whose `get` joins `API_PATH = '/v1'`).
                let v1_tree = (project | libraries) & (BASE_V2 | BASE_REST) == 0;
                if site.kind == BASE_V1
                    && !site.v1_idiom
                    && f.li_bases != BASE_V1
                    && !(v1_tree && (site.asked || linked && site.path_named))
                {
                    continue;
                }
                let linked = linked || site.asked && built_on;
                if site.generic && !(f.li_bases & site.kind != 0 || linked && !f.foreign_base) {
                    continue;
                }
                if site.versioned_name && kinds & BASE_REST != 0 {
                    continue;
                }
                // Where `/v2` is a base too, the path is read as v2's (one finding, not two).
                if site.kind == BASE_REST && kinds & BASE_V2 != 0 && !site.rest_named {
                    continue;
                }
                f.findings.push(site.finding);
            }
        }
    }
}

impl Checker<'_> {
    /// Host-less `/v2/…` paths whose rule needs LinkedIn's host (`'/v2/images'`, a generic
    /// name): LinkedIn's when the tree holds the bare host a client joins them to (corsair's
    /// `baseUrl: 'https://api.linkedin.com'` with `'/v2/videos'` in the endpoint modules), or
    /// a document that names a URL on that host itself, and the file names no other API's URL.
    pub(super) fn resolve_hostless(&self, files: &mut [FileCheck]) {
        let host = files.iter().any(|f| f.li_host);
        for f in files.iter_mut() {
            let found = std::mem::take(&mut f.hostless);
            if (host || f.docs && f.li_url) && !f.foreign_base {
                f.findings.extend(found);
            }
        }
    }
}
