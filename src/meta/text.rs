//! Small text helpers shared by the metadata readers: white space, HTML entities, addresses.
//! (Folding for comparisons is [`crate::blocks::repeat::fold`].)
//!
//! Attribute values and `<title>` reach us already decoded by the HTML parser, but JSON-LD is
//! raw script text, and many CMSs write HTML-escaped strings into it (`"Tom &amp; Jerry"`,
//! `"It&#8217;s"`); some escape twice. So every value goes through [`clean`].

use std::borrow::Cow;

/// Decodes HTML entities, collapses white space (no-break spaces included) and trims.
pub(crate) fn clean(s: &str) -> String {
    let decoded = decode_entities(s);
    // Values escaped twice (`&amp;#8217;`) need a second pass; more than two is not seen.
    let decoded = match decoded {
        Cow::Owned(once) if once.contains('&') => Cow::Owned(decode_entities(&once).into_owned()),
        d => d,
    };
    collapse(&decoded)
}

/// Collapses runs of white space (including no-break and other Unicode spaces) to one space,
/// and drops invisible characters: soft hyphens, zero-width spaces and byte order marks.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(
            w.chars()
                .filter(|c| !matches!(c, '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}'))
                .filter(|c| !c.is_control()),
        );
    }
    out
}

/// Named entities that appear in metadata in practice; anything else is left as written.
const NAMED: [(&str, char); 26] = [
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("hellip", '…'),
    ("bull", '•'),
    ("middot", '·'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("pipe", '|'),
    ("verbar", '|'),
];

/// Decodes `&name;`, `&#NNN;` and `&#xHH;`. Unknown or malformed references stay as written.
pub(crate) fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 1..];
        // A reference is short; a `;` further away belongs to something else.
        let end = tail.bytes().take(12).position(|b| b == b';');
        let decoded = end.and_then(|end| {
            let name = &tail[..end];
            let c = if let Some(num) = name.strip_prefix('#') {
                let code = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse::<u32>().ok(),
                };
                code.and_then(char::from_u32).filter(|c| *c != '\0')
            } else {
                NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Whether a value is a URL or e-mail address rather than a name.
pub(crate) fn looks_like_url(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("http://")
        || s.starts_with("https://")
        || s.starts_with("//")
        || s.starts_with("www.")
        || (s.contains('@') && !s.contains(' '))
        || (s.contains('/') && !s.contains(' '))
}

/// Whether a string looks like a bare domain name (`example.com`, `www.example.co.uk`).
pub(crate) fn is_domain(s: &str) -> bool {
    !s.contains(' ')
        && s.rsplit_once('.').is_some_and(|(host, tld)| {
            !host.is_empty()
                && (2..=6).contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_alphabetic())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_are_decoded_once_or_twice() {
        assert_eq!(clean("Tom &amp; Jerry"), "Tom & Jerry");
        assert_eq!(clean("It&#8217;s &#x2014; here"), "It’s — here");
        assert_eq!(clean("It&amp;#8217;s"), "It’s");
        assert_eq!(
            clean("AT&T; R&D &unknown; &#xZZ; &"),
            "AT&T; R&D &unknown; &#xZZ; &"
        );
        assert_eq!(clean("a\u{a0}\u{a0}b \n c"), "a b c");
        assert_eq!(clean("Assis\u{ad}tance\u{200b}"), "Assistance");
    }

    #[test]
    fn urls_are_told_from_names() {
        assert!(looks_like_url("https://facebook.com/someone"));
        assert!(looks_like_url("someone@example.com"));
        assert!(!looks_like_url("Ana Lima"));
        assert!(is_domain("example.com") && is_domain("www.example.co.uk"));
        assert!(!is_domain("Ana Lima") && !is_domain("v1.2"));
    }
}
