//! Clojure's pairs: a map `{"LinkedIn-Version" "202511" :scope "…"}` and a binding vector
//! `(let [linkedin-version "202511" …])` pair their elements by position, with no `:` or `=`
//! between key and value. This pass writes the separators the context analyzer reads
//! (`{"LinkedIn-Version": "202511", scope: "…"}`, `[linkedin-version = "202511", …]`), so a
//! Clojure map is read like any other language's.

use super::lexer::{Lexed, Tok};

/// Forms whose first vector binds names to values.
const BINDERS: &[&str] = &[
    "let",
    "loop",
    "binding",
    "with-open",
    "with-redefs",
    "when-let",
    "if-let",
    "when-some",
    "if-some",
    "when-first",
];

#[derive(Clone, Copy, PartialEq)]
enum Frame {
    /// `{…}`: keys and values.
    Map,
    /// A binder's `[…]`: names and values.
    Bindings,
    /// Anything else: a list, a plain vector, a set.
    Other,
}

/// Insert `:` (maps) or `=` (binding vectors) after each key and `,` after each value.
pub fn pair_forms(lexed: &mut Lexed<'_>) {
    let toks = std::mem::take(&mut lexed.toks);
    let mut out = Vec::with_capacity(toks.len() + toks.len() / 4);
    // Each open bracket's frame and the number of its elements completed so far.
    let mut stack: Vec<(Frame, usize)> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let prev = |n: usize| i.checked_sub(n).map(|k| &toks[k]);
        let completes = match t {
            Tok::Punct('{') => {
                let set = matches!(prev(1), Some(Tok::Punct('#')));
                stack.push((if set { Frame::Other } else { Frame::Map }, 0));
                false
            }
            Tok::Punct('[') => {
                let binder = matches!(
                    (prev(1), prev(2)),
                    (Some(Tok::Ident(f)), Some(Tok::Punct('('))) if BINDERS.contains(&f.as_ref())
                );
                stack.push((
                    if binder {
                        Frame::Bindings
                    } else {
                        Frame::Other
                    },
                    0,
                ));
                false
            }
            Tok::Punct('(') => {
                stack.push((Frame::Other, 0));
                false
            }
            Tok::Punct(')' | ']' | '}') => {
                stack.pop();
                true
            }
            // A name continued by `/` or `.` (`json/generate-string`, `clojure.string/join`)
            // is one element.
            Tok::Ident(_) | Tok::Lit(_) => !matches!(
                (toks.get(i + 1), toks.get(i + 2)),
                (Some(Tok::Punct('/' | '.')), Some(Tok::Ident(_)))
            ),
            // Prefixes (`:kw`, `#{`, `'x`, `@x`, `^meta`) and the joints of a name.
            _ => false,
        };
        out.push(t.clone());
        if !completes {
            continue;
        }
        if let Some((frame, n)) = stack.last_mut() {
            if *frame == Frame::Other {
                continue;
            }
            *n += 1;
            let sep = match (*frame, *n % 2) {
                (_, 0) => ',',
                (Frame::Map, _) => ':',
                _ => '=',
            };
            out.push(Tok::Punct(sep));
        }
    }
    lexed.toks = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{context, lexer};
    use crate::source::Lang;

    fn facts(src: &str) -> Vec<(String, Option<String>)> {
        let mut lexed = lexer::lex(src, 0, src.len(), Lang::Clojure);
        pair_forms(&mut lexed);
        context::analyze(lexed)
            .literals
            .into_iter()
            .filter(|l| !l.in_comment)
            .map(|l| (l.value, l.name))
            .collect()
    }

    /// A Babashka syndication script's shape: the version bound in a `let` and sent from a
    /// header map; a literal header pair; namespaced calls between them.
    #[test]
    fn map_keys_and_let_names_bind_their_values() {
        let src = "(let [member-id (:member-id cfg)\n      linkedin-version \"202511\"\n      resp (http/post \"https://api.linkedin.com/rest/posts\"\n                      {:headers {\"LinkedIn-Version\" linkedin-version\n                                 \"X-Restli-Protocol-Version\" \"2.0.0\"}\n                       :body (json/generate-string {:author urn})})])\n";
        let got = facts(src);
        let named = |v: &str| got.iter().find(|(x, _)| x == v).unwrap().1.clone();
        assert_eq!(named("202511").as_deref(), Some("linkedin-version"));
        assert_eq!(named("2.0.0").as_deref(), Some("X-Restli-Protocol-Version"));
    }

    /// Vectors that are not bindings, lists and sets stay as they were: a scope list is one
    /// list of values, not pairs.
    #[test]
    fn plain_vectors_lists_and_sets_are_not_paired() {
        let src = "(def scopes [\"r_liteprofile\" \"w_member_social\"])\n(def s #{\"a\" \"b\"})\n(str \"x\" \"y\")\n";
        let got = facts(src);
        assert!(
            got.iter()
                .all(|(v, n)| n.is_none() || v.starts_with("r_") || v == "w_member_social"),
            "{got:?}"
        );
        let mut lexed = lexer::lex(src, 0, src.len(), Lang::Clojure);
        let before = lexed.toks.clone();
        pair_forms(&mut lexed);
        assert_eq!(lexed.toks, before);
    }
}
