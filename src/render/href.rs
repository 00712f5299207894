//! Relative URL references made absolute (RFC 3986, section 5), for links and images in
//! Markdown output.
//!
//! Written here rather than taken from the `url` crate: the Markdown renderer only needs to join
//! a reference to a base as strings, never to validate, normalise hosts or percent-decode, and
//! `url` would bring IDNA and its Unicode tables into every user's build for that. Browsers' few
//! departures from the RFC that matter for real pages are followed: ASCII tab and newline
//! characters inside a reference are dropped, leading and trailing white space is trimmed, and in
//! `http(s)` URLs a backslash is a slash.

/// The five parts of a URI reference; `None` where the reference has no such part (an empty
/// query `?` is `Some("")`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Parts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

/// Splits a reference into its parts (RFC 3986, appendix B).
fn split(s: &str) -> Parts<'_> {
    let (rest, fragment) = match s.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (s, None),
    };
    let (rest, query) = match rest.split_once('?') {
        Some((r, q)) => (r, Some(q)),
        None => (rest, None),
    };
    let (scheme, rest) = match scheme_end(rest) {
        Some(i) => (rest.get(..i), rest.get(i + 1..).unwrap_or_default()),
        None => (None, rest),
    };
    let (authority, path) = match rest.strip_prefix("//") {
        Some(r) => {
            let end = r.find('/').unwrap_or(r.len());
            (r.get(..end), r.get(end..).unwrap_or_default())
        }
        None => (None, rest),
    };
    Parts {
        scheme,
        authority,
        path,
        query,
        fragment,
    }
}

/// Where the scheme's `:` is, if `s` starts with a scheme (`ALPHA *( ALPHA / DIGIT / + - . ) :`).
fn scheme_end(s: &str) -> Option<usize> {
    let colon = s.find(':')?;
    let scheme = s.get(..colon)?;
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_ok && rest_ok).then_some(colon)
}

/// Removes `.` and `..` segments (RFC 3986, 5.2.4), in one pass over the segments.
fn remove_dot_segments(path: &str) -> String {
    let absolute = path.starts_with('/');
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    // The first segment of an absolute path is the empty string before its leading slash.
    let skip = usize::from(absolute);
    // Whether the path ends in a directory (`/`, `/.`, `/..`): the output keeps a final slash.
    let mut trailing_slash = false;
    for (i, seg) in segments.iter().enumerate().skip(skip) {
        match *seg {
            "." => trailing_slash = i == last,
            ".." => {
                out.pop();
                trailing_slash = i == last;
            }
            s => {
                out.push(s);
                trailing_slash = false;
            }
        }
    }
    let mut joined = String::with_capacity(path.len());
    if absolute {
        joined.push('/');
    }
    joined.push_str(&out.join("/"));
    if trailing_slash && !joined.ends_with('/') {
        joined.push('/');
    }
    joined
}

/// The reference with tabs and newlines dropped and surrounding white space trimmed, as browsers
/// read an `href`; backslashes become slashes in `http(s)` and scheme-less references.
pub(crate) fn clean(reference: &str) -> String {
    let trimmed = reference.trim_matches(|c: char| c.is_ascii_whitespace() || c.is_control());
    let mut out: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let special = match scheme_end(&out).and_then(|i| out.get(..i)) {
        Some(s) => s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https"),
        None => true,
    };
    if special && out.contains('\\') {
        // Only before the query: a backslash in a query or fragment is data.
        let end = out.find(['?', '#']).unwrap_or(out.len());
        let head = out.get(..end).unwrap_or_default().replace('\\', "/");
        out = head + out.get(end..).unwrap_or_default();
    }
    out
}

/// Whether `url` is absolute: it has a scheme.
pub(crate) fn is_absolute(url: &str) -> bool {
    scheme_end(url).is_some()
}

/// Resolves `reference` against the absolute URL `base` (RFC 3986, 5.2.2). A reference that is
/// already absolute is returned with its dot segments removed; if `base` is not absolute (has no
/// scheme) the reference is returned cleaned but otherwise as it is.
///
/// Both are first [`clean`]ed.
pub(crate) fn resolve(reference: &str, base: &str) -> String {
    let reference = clean(reference);
    let base = clean(base);
    let r = split(&reference);
    let b = split(&base);
    let Some(base_scheme) = b.scheme else {
        return reference;
    };
    let (scheme, authority, path, query);
    if let Some(s) = r.scheme {
        scheme = s;
        authority = r.authority;
        // A path without authority (`mailto:a@b`, `urn:x`) is opaque: leave it alone.
        path = if r.authority.is_some() || r.path.starts_with('/') {
            remove_dot_segments(r.path)
        } else {
            r.path.to_string()
        };
        query = r.query;
    } else if r.authority.is_some() {
        scheme = base_scheme;
        authority = r.authority;
        path = remove_dot_segments(r.path);
        query = r.query;
    } else if r.path.is_empty() {
        scheme = base_scheme;
        authority = b.authority;
        path = b.path.to_string();
        query = r.query.or(b.query);
    } else {
        scheme = base_scheme;
        authority = b.authority;
        path = if r.path.starts_with('/') {
            remove_dot_segments(r.path)
        } else {
            remove_dot_segments(&merge(b.authority.is_some(), b.path, r.path))
        };
        query = r.query;
    }
    let mut out = String::with_capacity(base.len() + reference.len());
    out.push_str(scheme);
    out.push(':');
    if let Some(a) = authority {
        out.push_str("//");
        out.push_str(a);
    }
    out.push_str(&path);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    if let Some(f) = r.fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// Merges a relative path with the base's (RFC 3986, 5.2.3): everything of the base path up to
/// its last slash, then the reference.
fn merge(base_has_authority: bool, base_path: &str, reference: &str) -> String {
    if base_has_authority && base_path.is_empty() {
        return format!("/{reference}");
    }
    match base_path.rfind('/') {
        Some(i) => format!("{}{reference}", base_path.get(..=i).unwrap_or_default()),
        None => reference.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The normal and abnormal examples of RFC 3986, section 5.4.
    #[test]
    fn rfc_3986_examples() {
        let base = "http://a/b/c/d;p?q";
        let cases = [
            ("g:h", "g:h"),
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            ("g?y#s", "http://a/b/c/g?y#s"),
            (";x", "http://a/b/c/;x"),
            ("g;x", "http://a/b/c/g;x"),
            ("g;x?y#s", "http://a/b/c/g;x?y#s"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("../../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            (".g", "http://a/b/c/.g"),
            ("g..", "http://a/b/c/g.."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"),
            ("./g/.", "http://a/b/c/g/"),
            ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"),
            ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
            ("g;x=1/../y", "http://a/b/c/y"),
            ("g?y/./x", "http://a/b/c/g?y/./x"),
            ("g?y/../x", "http://a/b/c/g?y/../x"),
            ("g#s/./x", "http://a/b/c/g#s/./x"),
            ("g#s/../x", "http://a/b/c/g#s/../x"),
        ];
        for (reference, want) in cases {
            assert_eq!(resolve(reference, base), want, "{reference:?}");
        }
    }

    #[test]
    fn browser_leniencies() {
        let base = "https://news.example/world/story.html";
        assert_eq!(
            resolve("  /a\tb\nc.html ", base),
            "https://news.example/abc.html"
        );
        assert_eq!(
            resolve("img\\x.png", base),
            "https://news.example/world/img/x.png"
        );
        assert_eq!(
            resolve("mailto:desk@news.example", base),
            "mailto:desk@news.example"
        );
        assert_eq!(
            resolve("https://other.example", base),
            "https://other.example"
        );
        assert_eq!(
            resolve("//cdn.example/p.jpg", base),
            "https://cdn.example/p.jpg"
        );
        assert_eq!(
            resolve("x", "https://news.example"),
            "https://news.example/x"
        );
    }

    #[test]
    fn no_absolute_base_leaves_the_reference() {
        assert_eq!(resolve("../x.html", "/relative/base"), "../x.html");
        assert_eq!(resolve("../x.html", ""), "../x.html");
        assert!(is_absolute("https://a.example/"));
        assert!(!is_absolute("/a/b"));
        assert!(!is_absolute("1:2"));
    }
}
