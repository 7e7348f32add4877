//! pre-commit passes file names: explicit files, force-exclude semantics, quiet skips.
// linkedin-lint: allow-file(endpoint-deprecated) -- test inputs

use crate::common::{TODAY, bin, tree};

#[test]
fn explicit_binary_and_unknown_files_are_skipped_quietly() {
    let dir = tree(&[
        ("logo.svg", "<svg>https://api.linkedin.com/v2/me</svg>"),
        ("src/a.py", "ME = 'https://api.linkedin.com/v2/me'\n"),
    ]);
    std::fs::write(
        dir.path().join("logo.png"),
        b"\x89PNG\0\0https://api.linkedin.com/v2/me",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("src/blob.py"),
        b"\0\0https://api.linkedin.com/v2/me",
    )
    .unwrap();
    let out = bin()
        .current_dir(dir.path())
        .args([
            "check",
            "logo.png",
            "logo.svg",
            "src/blob.py",
            "src/a.py",
            "--today",
            TODAY,
        ])
        .args(["--format", "short"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "src/a.py:1:31: warning[endpoint-deprecated/v2-me] `/v2/me` belongs to the deprecated Sign In with LinkedIn product and is restricted to approved developers\n"
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    // The human report has no note for them either.
    let out = bin()
        .current_dir(dir.path())
        .args([
            "check",
            "logo.png",
            "logo.svg",
            "src/blob.py",
            "--today",
            TODAY,
        ])
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(!s.contains("note:"), "{s}");
    assert!(s.starts_with("linkedin-lint: 0 files scanned"), "{s}");
}

#[test]
fn excludes_apply_to_explicit_files() {
    let dir = tree(&[
        ("gen/api.py", "ME = 'https://api.linkedin.com/v2/me'\n"),
        ("src/api.py", "ME = 'https://api.linkedin.com/v2/me'\n"),
    ]);
    let out = bin()
        .current_dir(dir.path())
        .args(["check", "gen/api.py", "src/api.py", "--exclude", "/gen/"])
        .args(["--today", TODAY, "--format", "short"])
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        s.lines()
            .map(|l| &l[..l.find(": ").unwrap()])
            .collect::<Vec<_>>(),
        ["src/api.py:1:31"]
    );
}

/// Thousands of names on one command line (what pre-commit does) are read in parallel and
/// give the same findings as the directory walk.
#[test]
fn thousands_of_explicit_files_match_the_directory_walk() {
    let dir = tempfile::tempdir().unwrap();
    let mut names = Vec::new();
    for i in 0..2000 {
        let name = format!("pkg{}/m{i}.py", i % 20);
        let text = if i % 100 == 0 {
            "ME = 'https://api.linkedin.com/v2/me'\n".to_string()
        } else {
            format!("def f{i}(x):\n    return x + {i}\n")
        };
        let p = dir.path().join(&name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        names.push(name);
    }
    let by_name = bin()
        .current_dir(dir.path())
        .args(["check", "--today", TODAY, "--format", "json"])
        .args(&names)
        .output()
        .unwrap();
    let walked = bin()
        .current_dir(dir.path())
        .args(["check", ".", "--today", TODAY, "--format", "json"])
        .output()
        .unwrap();
    let a: serde_json::Value = serde_json::from_slice(&by_name.stdout).unwrap();
    let b: serde_json::Value = serde_json::from_slice(&walked.stdout).unwrap();
    assert_eq!(a["summary"]["files_scanned"], 2000);
    assert_eq!(a["findings"].as_array().unwrap().len(), 20);
    assert_eq!(a["findings"], b["findings"]);
}

/// `.pre-commit-hooks.yaml` describes the hook, and its `files` pattern selects exactly the
/// file names the linter reads.
#[test]
fn pre_commit_hook_definition_matches_the_linter() {
    use linkedin_lint::source::Lang;
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/.pre-commit-hooks.yaml"
    ))
    .unwrap();
    let hooks: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let hook = &hooks[0];
    assert_eq!(hook["id"], "linkedin-lint");
    assert_eq!(hook["entry"], "linkedin-lint");
    assert_eq!(hook["language"], "rust");
    assert_eq!(
        hook["args"],
        serde_yaml::from_str::<serde_yaml::Value>("[check]").unwrap()
    );
    assert_eq!(hook["require_serial"], true);
    // pre-commit matches with Python's re.search; this pattern is in the common subset.
    let files = regex::Regex::new(hook["files"].as_str().unwrap()).unwrap();
    let names = [
        "src/main.rs",
        "web/app.js",
        "a.mjs",
        "a.cjs",
        "a.jsx",
        "a.ts",
        "a.mts",
        "a.cts",
        "ui/A.tsx",
        "a.vue",
        "a.svelte",
        "api.py",
        "api.pyi",
        "main.go",
        "A.java",
        "b.groovy",
        "c.scala",
        "d.dart",
        "e.kt",
        "build.gradle.kts",
        "F.cs",
        "g.rb",
        "h.rake",
        "x.gemspec",
        "i.php",
        "j.pl",
        "k.pm",
        "run.sh",
        "r.bash",
        "r.zsh",
        "r.ksh",
        "r.fish",
        "r.ps1",
        "README.md",
        "a.markdown",
        "a.mdx",
        "ci.yaml",
        "ci.yml",
        "Cargo.toml",
        "package.json",
        "a.jsonc",
        "a.json5",
        "app.properties",
        "a.ini",
        "setup.cfg",
        "nginx.conf",
        ".env",
        "deploy/.env",
        ".env.example",
        "config/.env.production",
        "prod.env",
        "Dockerfile",
        "Makefile",
        "justfile",
        "Gemfile",
        "Rakefile",
        "SRC/MAIN.RS",
        "Code.gs",
        "AccountTrigger.trigger",
        "App.swift",
        "client.R",
        "man/f.Rd",
        "LIAClient.m",
        "a.mm",
        "a.c",
        "a.cc",
        "a.cpp",
        "a.cxx",
        "a.h",
        "a.hpp",
        "Main.hs",
        "lib/linkedin_v2.ml",
        "lib/linkedin_v2.mli",
        "lib/a.ex",
        "test/a.exs",
        "src/mod_linkedin.erl",
        "include/linkedin.hrl",
        "core.clj",
        "app.cljs",
        "deps.edn",
        "index.html",
        "a.htm",
        "view.erb",
        "a.hbs",
        "a.twig",
        "a.ejs",
        "nb.ipynb",
        "Pages/Auth.razor",
        "Views/Index.cshtml",
        "config.ru",
        "api.http",
        "report.Rmd",
        "doc.qmd",
        "docs/index.rst",
        "pom.xml",
        "Info.plist",
        "readme.txt",
        "notes.txt",
        "send_api.lua",
        "LinkedIn/LinkedIn.pq",
        "settings.py.example",
        "config.php.dist",
        // Not read:
        "logo.png",
        "Cargo.lock",
        "a.envrc",
        "x.rsx",
        "environment",
        "a.csv",
        "notes.txt.bak",
        "my.env.bak",
        "dir.env/file.log",
        "src/Makefile.am",
    ];
    for name in names {
        let ours = Lang::detect(std::path::Path::new(name), b"").is_some();
        assert_eq!(
            files.is_match(name),
            ours,
            "{name}: hook pattern and Lang::detect disagree"
        );
    }
    // Decided by the first bytes: passed by the pattern, read when the head says so.
    for (name, head, read) in [
        ("Share.cls", &b"public with sharing class Share {"[..], true),
        ("resume.cls", b"\\NeedsTeXFormat{LaTeX2e}", false),
        ("Web.config", b"<?xml version=\"1.0\"?>", true),
    ] {
        assert!(files.is_match(name), "{name}");
        let ours = Lang::detect(std::path::Path::new(name), head).is_some();
        assert_eq!(ours, read, "{name}");
    }
}

/// A real `git commit` in a temporary repository, through `linkedin-lint install-hook`.
#[cfg(unix)]
#[test]
fn install_hook_blocks_a_commit_with_a_sunset_version() {
    let exe = std::path::PathBuf::from(env!("CARGO_BIN_EXE_linkedin-lint"));
    let path = format!(
        "{}:{}",
        exe.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let dir = tree(&[
        ("linkedin-lint.toml", "exclude = [\"legacy/\"]\n"),
        ("legacy/old.py", "H = {'LinkedIn-Version': '202304'}\n"),
        ("README.md", "# demo\n"),
    ]);
    let git_with = |args: &[&str], lint: Option<&str>| {
        let mut c = std::process::Command::new("git");
        c.current_dir(dir.path())
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .env_remove("SOURCE_DATE_EPOCH")
            .env_remove("LINKEDIN_LINT");
        if let Some(l) = lint {
            c.env("LINKEDIN_LINT", l);
        }
        c.output().unwrap()
    };
    let git = |args: &[&str]| git_with(args, None);
    for args in [
        &["init", "-q", "-b", "main"][..],
        &["config", "user.name", "Test"],
        &["config", "user.email", "test@example.com"],
        &["config", "commit.gpgsign", "false"],
    ] {
        assert!(git(args).status.success());
    }
    let install = |args: &[&str]| {
        bin()
            .current_dir(dir.path())
            .arg("install-hook")
            .args(args)
            .output()
            .unwrap()
    };
    let out = install(&[]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "linkedin-lint: installed .git/hooks/pre-commit\n"
    );
    let hook = dir.path().join(".git/hooks/pre-commit");
    assert_eq!(
        std::fs::read_to_string(&hook).unwrap(),
        linkedin_lint::hook::SCRIPT
    );
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&hook).unwrap().permissions().mode() & 0o777,
            0o755
        );
    }
    // An existing hook is kept unless --force.
    std::fs::write(&hook, "#!/bin/sh\nexit 0\n").unwrap();
    let out = install(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains(".git/hooks/pre-commit already exists; add `--force` to replace it")
    );
    assert_eq!(
        std::fs::read_to_string(&hook).unwrap(),
        "#!/bin/sh\nexit 0\n"
    );
    assert_eq!(install(&["--force"]).status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&hook).unwrap(),
        linkedin_lint::hook::SCRIPT
    );

    // Excluded and binary files pass; the hook only sees staged files.
    std::fs::write(
        dir.path().join("logo.png"),
        b"\x89PNG\0\0\0https://api.linkedin.com/v2/me",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("unstaged.py"),
        "H = {'LinkedIn-Version': '202304'}\n",
    )
    .unwrap();
    assert!(
        git(&[
            "add",
            "linkedin-lint.toml",
            "legacy/old.py",
            "README.md",
            "logo.png"
        ])
        .status
        .success()
    );
    let out = git(&["commit", "-q", "-m", "clean"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // A staged sunset version blocks the commit.
    std::fs::write(
        dir.path().join("client.py"),
        "H = {'LinkedIn-Version': '202304'}\n",
    )
    .unwrap();
    assert!(git(&["add", "client.py"]).status.success());
    let out = git(&["commit", "-q", "-m", "sunset"]);
    assert_eq!(out.status.code(), Some(1));
    // git sends a hook's standard output to standard error.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("version-sunset/version-sunset-dated"),
        "{stderr}"
    );
    assert!(stderr.contains("client.py:1:27"), "{stderr}");
    assert!(
        !stderr.contains("unstaged.py") && !stderr.contains("legacy/"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with(
            "linkedin-lint: commit blocked; fix the findings above, or commit with --no-verify\n"
        ),
        "{stderr}"
    );
    let log = git(&["log", "--format=%s"]);
    assert_eq!(String::from_utf8_lossy(&log.stdout), "clean\n");

    // Fixed: the commit goes through, once the hook finds the linter.
    std::fs::write(
        dir.path().join("client.py"),
        "H = {'LinkedIn-Version': '202610'}\n",
    )
    .unwrap();
    assert!(git(&["add", "client.py"]).status.success());
    let out = git_with(
        &["commit", "-q", "-m", "current version"],
        Some("/nonexistent/linkedin-lint"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "linkedin-lint: '/nonexistent/linkedin-lint' not found; install linkedin-lint, or set LINKEDIN_LINT to its path\n"
    );
    let out = git(&["commit", "-q", "-m", "current version"]);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn install_hook_outside_a_repository_is_a_usage_error() {
    let dir = tree(&[("a.py", "x = 1\n")]);
    let out = bin()
        .current_dir(dir.path())
        .env("GIT_CEILING_DIRECTORIES", dir.path().parent().unwrap())
        .arg("install-hook")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("install-hook needs a git repository"));
}
