//! Page title (and, later, the rest of the metadata).
//!
//! The title is the best of `<title>`, `og:title`/`twitter:title` and the first `<h1>`: a
//! heading that agrees with the document title wins (it is what readers see), otherwise the
//! social title (publishers write it for sharing and leave the site name off), otherwise
//! `<title>` with its site-name part removed.

use crate::segment::PageFacts;

/// Separators between a headline and a site name in `<title>`.
const SEPARATORS: [&str; 9] = [
    " | ", " - ", " – ", " — ", " :: ", " · ", " // ", " » ", " • ",
];

/// Folds case and white space for comparisons.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Removes a site-name part from a document title: the longest part between separators, unless
/// a known site name tells which part to drop.
fn strip_site_name(title: &str, site_name: Option<&str>) -> String {
    let title = title.trim();
    let site = site_name.map(fold).filter(|s| !s.is_empty());
    for sep in SEPARATORS {
        if !title.contains(sep) {
            continue;
        }
        let parts: Vec<&str> = title
            .split(sep)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() < 2 {
            continue;
        }
        if let Some(site) = &site {
            let kept: Vec<&str> = parts.iter().copied().filter(|p| fold(p) != *site).collect();
            if kept.len() < parts.len() && !kept.is_empty() {
                return kept.join(sep);
            }
        }
        // The headline is the longest part; a site name is short.
        let longest = parts
            .iter()
            .copied()
            .max_by_key(|p| p.chars().count())
            .unwrap_or(title);
        let rest: usize = parts
            .iter()
            .filter(|p| **p != longest)
            .map(|p| p.chars().count())
            .sum();
        if rest * 2 < longest.chars().count() || parts.len() == 2 {
            return longest.to_string();
        }
        // Several parts of similar length: a headline with a separator inside; drop the last.
        if let Some((_, head)) = parts.split_last() {
            return head.join(sep);
        }
    }
    title.to_string()
}

fn meta<'a>(facts: &'a PageFacts, keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|k| {
        facts
            .meta
            .iter()
            .find(|(key, v)| key == k && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    })
}

/// Chooses the page title. `h1` is the text of the page's first level-1 heading.
pub(crate) fn title(facts: &PageFacts, h1: Option<&str>) -> Option<String> {
    let site = meta(facts, &["og:site_name", "application-name"]);
    let raw_social = meta(facts, &["og:title", "twitter:title"]);
    let raw_doc = facts.title.as_deref();
    let h1 = h1
        .map(str::trim)
        .filter(|h| !h.is_empty() && h.chars().count() < 300);
    if let Some(h) = h1 {
        let fh = fold(h);
        // Compare with the titles before any site name is cut: the heading may be the
        // shorter part of "Headline | Site Name".
        let agrees = |t: Option<&str>| {
            t.is_some_and(|t| {
                let ft = fold(t);
                !fh.is_empty() && !ft.is_empty() && (ft.contains(&fh) || fh.contains(&ft))
            })
        };
        if agrees(raw_doc) || agrees(raw_social) {
            return Some(h.to_string());
        }
    }
    let social = raw_social.map(|t| strip_site_name(t, site));
    let doc = raw_doc.map(|t| strip_site_name(t, site));
    social
        .filter(|t| !t.is_empty())
        .or(doc.filter(|t| !t.is_empty()))
        .or(h1.map(str::to_string))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_name_suffix_is_removed() {
        assert_eq!(
            strip_site_name("Big news today | The Daily", None),
            "Big news today"
        );
        assert_eq!(
            strip_site_name("Daily - Big news about the thing today", None),
            "Big news about the thing today"
        );
        assert_eq!(
            strip_site_name("Rates rise - again | Money Times", Some("Money Times")),
            "Rates rise - again"
        );
        assert_eq!(
            strip_site_name("No separator here", None),
            "No separator here"
        );
    }

    #[test]
    fn heading_that_agrees_with_title_wins() {
        let facts = PageFacts {
            title: Some("Cats Rule the Internet - Pet News".into()),
            ..PageFacts::default()
        };
        assert_eq!(
            title(&facts, Some("Cats rule the internet")).as_deref(),
            Some("Cats rule the internet")
        );
        assert_eq!(
            title(&facts, Some("Menu")).as_deref(),
            Some("Cats Rule the Internet")
        );
    }
}
