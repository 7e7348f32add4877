//! XML configuration: property lists (`Info.plist`, an OAuth library's `ServicesTest.plist`),
//! Android resources (`strings.xml`), Spring bean files and .NET `web.config`/`app.config`.
//!
//! Each element's text and each attribute's value becomes a literal, named the way the file
//! names it, so the checks read `<key>scope</key><string>r_fullprofile</string>` and
//! `<add key="LinkedInApiVersion" value="202401"/>` as they read a YAML key:
//! - a plist value is named by the `<key>` before it;
//! - an element's text by the element's `name`/`key` attribute
//!   (`<string name="linkedin_scope">`), else by the element's own name (`<apiVersion>`);
//! - a `value` attribute by its element's `name`/`key` attribute, any other attribute by its
//!   own name (`<endpoint address="https://…">`).
//!
//! Comments are kept (marked `in_comment`) so secrets in them are masked, as everywhere. The
//! reader is not a validating parser: markup it cannot read (a `<` in text, an unclosed tag)
//! ends the element or is skipped, never a failure.
// linkedin-lint: allow-file(endpoint-deprecated, scope-deprecated) -- unit-test inputs

use crate::facts::{FileFacts, LitKind, Literal};

/// Read `text[start..end]` as XML.
pub fn extract(text: &str, start: usize, end: usize) -> FileFacts {
    let mut out = FileFacts::default();
    let b = text.as_bytes();
    // The open elements: (tag name, its `name`/`key` attribute).
    let mut open: Vec<(&str, Option<String>)> = Vec::new();
    // A plist `<key>`'s text, naming the next value.
    let mut plist_key: Option<String> = None;
    let mut at = start;
    while at < end {
        let Some(lt) = memchr::memchr(b'<', &b[at..end]).map(|i| at + i) else {
            text_node(text, at, end, &open, &mut plist_key, &mut out);
            break;
        };
        text_node(text, at, lt, &open, &mut plist_key, &mut out);
        let rest = &text[lt..end];
        if rest.starts_with("<!--") {
            let s = lt + 4;
            let e = text[s..end].find("-->").map_or(end, |i| s + i);
            let oe = (e + 3).min(end);
            let mut lit = Literal::new(LitKind::Str, text[s..e].to_string(), s..e, lt..oe, true);
            lit.in_comment = true;
            out.literals.push(lit);
            at = oe;
            continue;
        }
        if rest.starts_with("<![CDATA[") {
            let s = lt + 9;
            let e = text[s..end].find("]]>").map_or(end, |i| s + i);
            push(&mut out, text, s, e, element_name(&open, &mut plist_key));
            at = (e + 3).min(end);
            continue;
        }
        let gt = memchr::memchr(b'>', &b[lt..end]).map_or(end, |i| lt + i);
        let tag = &text[lt + 1..gt];
        at = (gt + 1).min(end);
        if tag.starts_with(['?', '!']) {
            continue; // `<?xml …?>`, `<!DOCTYPE …>`
        }
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim();
            if let Some(p) = open.iter().rposition(|(n, _)| *n == name) {
                open.truncate(p);
            }
            continue;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let name_end = tag
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(tag.len());
        let name = &tag[..name_end];
        if name.is_empty() {
            continue;
        }
        let attrs = attributes(text, lt + 1 + name_end, lt + 1 + tag.len());
        let key = attrs
            .iter()
            .find(|(n, _)| matches!(*n, "name" | "key"))
            .map(|(_, r)| decode(&text[r.clone()]).0);
        for (attr, r) in &attrs {
            if matches!(*attr, "name" | "key") {
                continue;
            }
            let lit_name = match (*attr, &key) {
                ("value", Some(k)) => k.clone(),
                _ => (*attr).to_string(),
            };
            push(&mut out, text, r.start, r.end, Some(lit_name));
        }
        if !self_closing {
            open.push((name, key));
        }
    }
    out.linkedin_context = super::config::mentions_linkedin(&out.literals);
    out
}

/// The text `text[s..e]` between two tags: a value (trimmed), or a plist key.
fn text_node(
    text: &str,
    s: usize,
    e: usize,
    open: &[(&str, Option<String>)],
    plist_key: &mut Option<String>,
    out: &mut FileFacts,
) {
    let raw = &text[s..e];
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return;
    }
    let ts = s + (raw.len() - raw.trim_start().len());
    let te = ts + trimmed.len();
    if open.last().is_some_and(|(n, _)| *n == "key") {
        *plist_key = Some(decode(trimmed).0);
        return;
    }
    let name = element_name(open, plist_key);
    push(out, text, ts, te, name);
}

/// The name of a value inside the innermost open element: the plist key before it, else the
/// element's `name`/`key` attribute, else the element's name.
fn element_name(open: &[(&str, Option<String>)], plist_key: &mut Option<String>) -> Option<String> {
    if let Some(k) = plist_key.take() {
        return Some(k);
    }
    let (tag, key) = open.last()?;
    Some(key.clone().unwrap_or_else(|| (*tag).to_string()))
}

fn push(out: &mut FileFacts, text: &str, s: usize, e: usize, name: Option<String>) {
    if s >= e {
        return;
    }
    let (value, exact) = decode(&text[s..e]);
    let mut lit = Literal::new(LitKind::Str, value, s..e, s..e, exact);
    lit.name = name;
    out.literals.push(lit);
}

/// The attributes of a start tag `text[s..e]` (after its name): (name, value range).
fn attributes(text: &str, s: usize, e: usize) -> Vec<(&str, std::ops::Range<usize>)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = s;
    while i < e {
        while i < e && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let ns = i;
        while i < e && !b[i].is_ascii_whitespace() && b[i] != b'=' {
            i += 1;
        }
        let name = &text[ns..i];
        while i < e && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= e || b[i] != b'=' {
            if i == ns {
                i += 1; // a stray byte: step over it
            }
            continue;
        }
        i += 1;
        while i < e && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let Some(&q) = b.get(i).filter(|&&q| i < e && (q == b'"' || q == b'\'')) else {
            continue;
        };
        let vs = i + 1;
        let ve = memchr::memchr(q, &b[vs..e]).map_or(e, |k| vs + k);
        // `android:value` is read as `value`.
        let local = name.rsplit(':').next().unwrap_or(name);
        out.push((local, vs..ve));
        i = ve + 1;
    }
    out
}

/// The text with XML's predefined entities replaced; `false` when anything was.
fn decode(raw: &str) -> (String, bool) {
    if !raw.contains('&') {
        return (raw.to_string(), true);
    }
    let v = raw
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    let exact = v == raw;
    (v, exact)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(xml: &str) -> Vec<(String, String)> {
        extract(xml, 0, xml.len())
            .literals
            .iter()
            .filter(|l| !l.in_comment)
            .map(|l| {
                if l.exact {
                    assert_eq!(&xml[l.span.clone()], l.value);
                }
                (l.name.clone().unwrap_or_default(), l.value.clone())
            })
            .collect()
    }

    /// Modelled on an OAuth library's test services list (round 26): each service a dict of
    /// `<key>`/`<string>` pairs.
    #[test]
    fn a_plist_value_is_named_by_its_key() {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n<plist version=\"1.0\">\n<dict>\n\t<key>Linkedin2</key>\n\t<dict>\n\t\t<key>authorizeUrl</key>\n\t\t<string>https://www.linkedin.com/uas/oauth2/authorization</string>\n\t\t<key>scope</key>\n\t\t<string>r_fullprofile</string>\n\t\t<key>enabled</key>\n\t\t<true/>\n\t</dict>\n</dict>\n</plist>\n";
        assert_eq!(
            named(xml),
            [
                ("version".into(), "1.0".into()),
                (
                    "authorizeUrl".into(),
                    "https://www.linkedin.com/uas/oauth2/authorization".into()
                ),
                ("scope".into(), "r_fullprofile".into()),
            ]
        );
        assert!(extract(xml, 0, xml.len()).linkedin_context);
    }

    /// Android string resources, a .NET `appSettings` section and a Spring bean: the names
    /// come from the `name`/`key` attributes.
    #[test]
    fn attributes_name_values() {
        let xml = r#"<resources>
    <string name="linkedin_scope">r_liteprofile r_emailaddress</string>
</resources>
<configuration><appSettings>
    <add key="LinkedInApiVersion" value="202401" />
</appSettings></configuration>
<bean id="linkedin" class="com.example.LinkedInClient">
    <property name="apiUrl" value="https://api.linkedin.com/v1/people/~?a=1&amp;b=2"/>
</bean>
<!-- <add key="Token" value="x"/> -->
"#;
        assert_eq!(
            named(xml),
            [
                (
                    "linkedin_scope".into(),
                    "r_liteprofile r_emailaddress".into()
                ),
                ("LinkedInApiVersion".into(), "202401".into()),
                ("id".into(), "linkedin".into()),
                ("class".into(), "com.example.LinkedInClient".into()),
                (
                    "apiUrl".into(),
                    "https://api.linkedin.com/v1/people/~?a=1&b=2".into()
                ),
            ]
        );
    }

    /// Broken markup is read as far as it goes, never a panic.
    #[test]
    fn broken_markup_is_read_as_far_as_it_goes() {
        for xml in [
            "<a",
            "<a b=\"c",
            "</>",
            "<<>>",
            "<a b= c='d'>x</a",
            "<![CDATA[x",
            "<!--",
            "a < b",
        ] {
            let _ = extract(xml, 0, xml.len());
        }
        assert_eq!(
            named("<v><![CDATA[202401]]></v>"),
            [("v".into(), "202401".into())]
        );
    }
}
