//! The page title.
//!
//! A page states its title in several places, each with its own habits: `<title>` usually adds
//! the site name (`"Headline | Site"`), sometimes a section too; the social titles (`og:title`,
//! `twitter:title`) and the JSON-LD `headline` usually leave the site name off but are sometimes
//! rewritten for sharing; the main heading (`<h1>`) is what readers see, but some pages use
//! `<h1>` for the site logo or a slogan. So the title is the main heading when one of the stated
//! titles confirms it, and otherwise the stated title that the most places agree on, with the
//! site name cut off.

use super::text::{collapse, is_domain};
use crate::blocks::repeat::fold;
use crate::features::lexicon::{FORUM_PAGE_KINDS, HOME_TITLES, PAGE_LABELS};

/// Separators between a headline and a site name, most common first.
const SEPARATORS: [&str; 12] = [
    " | ", " – ", " — ", " - ", " :: ", " · ", " // ", " » ", " • ", " ~ ", " › ", " ‹ ",
];

/// A level-1 heading of the page, with what the walk and the classifier said about it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Heading<'a> {
    pub text: &'a str,
    /// Before the end of the main text (or kept as main text).
    pub credible: bool,
    /// The whole heading is a link: a site logo, or a headline linking to itself.
    pub linked: bool,
}

/// Where the title can come from. Texts are cleaned (entities decoded, white space collapsed).
#[derive(Debug, Default)]
pub(crate) struct Sources<'a> {
    /// `<title>`.
    pub document: Option<&'a str>,
    /// `og:title`, `twitter:title` and the like.
    pub social: Vec<&'a str>,
    /// JSON-LD `headline` of the article, or microdata `headline`.
    pub headline: Option<&'a str>,
    /// JSON-LD `name` of the web page.
    pub page_name: Option<&'a str>,
    /// Site names the page states (`og:site_name`, JSON-LD `WebSite`, publisher).
    pub sites: Vec<&'a str>,
    /// Level-1 headings in document order.
    pub headings: Vec<Heading<'a>>,
    /// The page says it is an article (`og:type`, a JSON-LD article type, a publication date).
    pub article: bool,
    /// The host of the page's canonical URL (or `og:url`).
    pub host: Option<&'a str>,
    /// That URL is the root of the site.
    pub front_page: bool,
}

/// The chosen title, and the site-name part cut from a stated title (a fallback site name).
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Choice {
    pub title: Option<String>,
    pub site_part: Option<String>,
}

/// A stated title with its site name cut off.
struct Stated {
    headline: String,
    folded: String,
    folded_raw: String,
    /// Runs of consecutive parts of the raw title, folded.
    runs: Vec<String>,
    /// Index of the first raw string it was made from.
    source: usize,
}

/// The names a site goes by: those the page states, and the one its host spells.
pub(crate) struct SiteNames {
    /// Stated names, folded.
    stated: Vec<String>,
    /// The host's own label, lowercase: `"harbourpost"` for `www.harbourpost.co.uk`.
    host_label: Option<String>,
}

impl SiteNames {
    pub(crate) fn new(stated: &[&str], host: Option<&str>) -> Self {
        SiteNames {
            stated: stated
                .iter()
                .map(|s| fold(s))
                .filter(|s| !s.is_empty())
                .collect(),
            host_label: host.and_then(host_label),
        }
    }

    /// Whether a folded text is a name of the site: a stated one, or the host's label spelled
    /// out in words ("Harbour Post" at harbourpost.example).
    pub(crate) fn matches(&self, folded: &str) -> bool {
        self.stated.iter().any(|s| s == folded)
            || self.host_label.as_deref().is_some_and(|label| {
                folded.len() >= label.len()
                    && folded.len() <= 2 * label.len()
                    && folded.split(' ').collect::<String>() == label
            })
    }
}

/// The label a host registers its name with: the one before the public suffix, skipping a
/// second-level suffix such as `co.uk` (short labels before a country code). Labels under
/// four letters are too ambiguous to name a site by.
fn host_label(host: &str) -> Option<String> {
    let host = host.split(':').next()?.trim_end_matches('.');
    let mut labels = host.rsplit('.');
    let top = labels.next()?;
    let second = labels.next()?;
    let label = match labels.next() {
        Some(third) if top.len() == 2 && second.len() <= 3 => third,
        _ => second,
    };
    (label.len() >= 4 && label.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then(|| label.to_ascii_lowercase())
}

/// Chooses the page title.
pub(crate) fn choose(src: &Sources<'_>) -> Choice {
    let sites = SiteNames::new(&src.sites, src.host);
    let is_site = |f: &str| sites.matches(f);
    let mut site_part = None;
    let mut stated: Vec<Stated> = Vec::new();
    let mut home: Option<String> = None;
    // In order of trust, for ties: publishers write the JSON-LD and social titles for
    // machines and leave the site name off; `<title>` is also written for search engines.
    let raws = src
        .headline
        .into_iter()
        .chain(src.social.iter().copied())
        .chain(src.document)
        .chain(src.page_name);
    let mut seen: Vec<&str> = Vec::new();
    for raw in raws {
        // og:title, twitter:title and <title> are often the same string: one vote each, one
        // piece of work.
        if let Some(same) = stated_same(&seen, raw, &stated) {
            stated.push(same);
            continue;
        }
        seen.push(raw);
        let raw = collapse(raw);
        let (headline, site) = strip_site_name(&raw, &sites);
        if site_part.is_none() {
            site_part = site;
        }
        let folded = fold(&headline);
        if folded.is_empty() {
            continue;
        }
        if is_site(&folded) || is_home(&folded) {
            // A home page; its title, the site's name, is the last resort.
            home = home.or(Some(headline));
            continue;
        }
        stated.push(Stated {
            source: seen.len() - 1,
            runs: part_runs(&raw, &folded),
            folded_raw: fold(&raw),
            headline,
            folded,
        });
    }
    // "Home - Example Blog" is the home page of "Example Blog".
    let home = home.map(|h| {
        let named = src
            .sites
            .first()
            .map(|s| s.to_string())
            .or(site_part.clone());
        if is_home(&fold(&h)) {
            named.unwrap_or(h)
        } else {
            h
        }
    });
    // A front page titled "Site | Tagline" is the site's own page: its title is the name.
    if src.front_page {
        let named = src.document.and_then(|doc| {
            let doc = collapse(doc);
            let p = parts(&doc);
            let first = span(&doc, &p, 0, 1)?.trim();
            (p.len() >= 2 && is_site(&fold(first))).then(|| first.to_string())
        });
        if named.is_some() {
            return Choice {
                title: named,
                site_part,
            };
        }
    }
    let headings: Vec<(Heading<'_>, String)> = src
        .headings
        .iter()
        .map(|h| (*h, fold(h.text)))
        .filter(|(h, f)| !f.is_empty() && !is_site(f) && h.text.chars().count() <= 300)
        .collect();
    let title = confirmed_heading(&headings, &stated, src.article).or_else(|| {
        // Nothing agrees with a heading. On an article the visible headline is the title and
        // the stated ones are often rewritten for search engines; on shop, service and
        // landing pages the main heading is often a slogan or a bare category ("All Sheets")
        // and the stated title names the page.
        let heading = headings
            .iter()
            .find(|(h, _)| h.credible)
            .map(|(h, _)| h.text.to_string());
        let stated = most_stated(&stated);
        if src.article {
            heading.or(stated).or(home)
        } else {
            stated.or(home).or(heading)
        }
    });
    Choice { title, site_part }
}

/// A copy of the stated title already made from the same raw string, if any.
fn stated_same(seen: &[&str], raw: &str, stated: &[Stated]) -> Option<Stated> {
    let i = seen.iter().position(|s| *s == raw)?;
    let s = stated.iter().find(|s| s.source == i)?;
    Some(Stated {
        headline: s.headline.clone(),
        folded: s.folded.clone(),
        folded_raw: s.folded_raw.clone(),
        runs: s.runs.clone(),
        source: i,
    })
}

/// The stated title most sources agree on; the first in order of trust on a tie.
fn most_stated(stated: &[Stated]) -> Option<String> {
    let best = stated.iter().enumerate().max_by_key(|(i, s)| {
        let votes = stated.iter().filter(|o| o.folded == s.folded).count();
        (votes, std::cmp::Reverse(*i))
    });
    best.map(|(_, s)| s.headline.clone())
}

/// The title when a heading and a stated title agree, in decreasing order of certainty.
fn confirmed_heading(
    headings: &[(Heading<'_>, String)],
    stated: &[Stated],
    article: bool,
) -> Option<String> {
    // Word for word: a stated title's headline first, then a run of its parts that holds the
    // headline or the first part ("Headline | Tagline" of "Headline | Tagline | Site"). The
    // last part alone is where site and course names go, and a linked heading that repeats
    // only a part of a title is the site's logo.
    let word_for_word = |exact: bool| {
        headings.iter().find(|(h, fh)| {
            stated.iter().any(|s| {
                if exact {
                    s.folded == *fh
                } else {
                    s.folded_raw == *fh || (!h.linked && s.runs.contains(fh))
                }
            })
        })
    };
    // Said word for word, the stated spelling wins over the heading's where they differ in
    // more than letter case: headings are typeset for display, with typographic quotes, marks
    // such as ® and hyphens turned to spaces ("Machine learning" for "machine-learning"). The
    // heading's letter case is what readers see, so it stays.
    if let Some((h, fh)) = word_for_word(true) {
        let s = stated.iter().find(|s| s.folded == *fh)?;
        let same_but_case = h.text.to_lowercase() == s.headline.to_lowercase();
        return Some(if same_but_case { h.text } else { &s.headline }.to_string());
    }
    if let Some((h, _)) = word_for_word(false) {
        return Some(h.text.to_string());
    }
    for (h, fh) in headings {
        // A heading that is most of a stated title (the title adds a tagline), or that a
        // stated title cut off mid-word for length ("… monitor, laptop, and k").
        let part_of = stated
            .iter()
            .any(|s| contains_words(&s.folded, fh) && 2 * fh.len() >= s.folded.len());
        let truncated = stated.iter().any(|s| {
            s.folded.len() >= 24
                && fh.starts_with(&s.folded)
                && fh
                    .as_bytes()
                    .get(s.folded.len())
                    .is_some_and(|b| *b != b' ')
        });
        if part_of || truncated {
            return Some(h.text.to_string());
        }
        // A heading that holds a stated title. A credible one that starts with it and goes on
        // completes a shortened title, unless what follows is a separator and a brand; other
        // words around it are a kicker or a counter ("(example.com) 87"), so the stated one.
        if let Some(s) = stated.iter().find(|s| contains_words(fh, &s.folded)) {
            let rest = h.text.get(s.headline.len()..).unwrap_or("");
            let branded = SEPARATORS
                .iter()
                .any(|sep| rest.starts_with(sep.trim_end()));
            let completes =
                h.credible && fh.starts_with(&s.folded) && !branded && !is_annotation(rest);
            return Some(if completes { h.text } else { &s.headline }.to_string());
        }
    }
    // On an article, a heading that says nearly the same as a stated title, with other words
    // here and there (an added first name, a changed year), is the visible version of it.
    // (On other pages this lost more than it won: product names vary by design.) On any page,
    // a heading that differs only in its numbers is the page's updated title ("Trends to Watch
    // in 2025" over a stated "… in 2024").
    headings
        .iter()
        .filter(|(h, _)| h.credible)
        .find(|(_, fh)| {
            stated.iter().any(|s| {
                let near = |t: &str| {
                    if article {
                        similar(fh, t)
                    } else {
                        same_but_numbers(fh, t)
                    }
                };
                near(&s.folded) || near(&s.folded_raw)
            })
        })
        .map(|(h, _)| h.text.to_string())
}

/// Whether two folded titles have the same words but for numbers, and differ in one at least.
fn same_but_numbers(a: &str, b: &str) -> bool {
    let numeric = |w: &str| w.bytes().all(|c| c.is_ascii_digit());
    a != b
        && a.split(' ').count() == b.split(' ').count()
        && a.split(' ')
            .zip(b.split(' '))
            .all(|(x, y)| x == y || (numeric(x) && numeric(y)))
}

/// Whether what a heading adds after a stated title is only an aggregator's annotation: the
/// source's domain in brackets and counts of points or comments (`"(example.com) 87"`).
fn is_annotation(rest: &str) -> bool {
    let mut words = rest.split_whitespace().peekable();
    words.peek().is_some()
        && words.all(|w| {
            let bracketed = w.strip_prefix('(').and_then(|w| w.strip_suffix(')'));
            bracketed.is_some_and(is_domain)
                || w.bytes()
                    .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        })
}

/// Whether a folded title part is the name forum software gives a kind of page, not a title.
fn is_page_label(folded: &str) -> bool {
    PAGE_LABELS.contains(&folded) || FORUM_PAGE_KINDS.contains(&folded)
}

/// Whether a folded headline is a generic name for a home page rather than a title.
fn is_home(folded: &str) -> bool {
    HOME_TITLES.contains(&folded)
}

/// Whether two folded titles share at least four fifths of their words (Dice coefficient over
/// the word multisets), and at least three words.
fn similar(a: &str, b: &str) -> bool {
    let wa: Vec<&str> = a.split(' ').collect();
    let mut wb: Vec<&str> = b.split(' ').collect();
    let total = wa.len() + wb.len();
    let mut common = 0;
    for w in &wa {
        if let Some(i) = wb.iter().position(|x| x == w) {
            wb.swap_remove(i);
            common += 1;
        }
    }
    common >= 3 && 5 * 2 * common >= 4 * total
}

/// Whether `hay` contains `needle` as whole words (both folded).
fn contains_words(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    hay.match_indices(needle).any(|(i, _)| {
        let before = i == 0 || hay.as_bytes().get(i - 1) == Some(&b' ');
        let end = i + needle.len();
        let after = end == hay.len() || hay.as_bytes().get(end) == Some(&b' ');
        before && after
    })
}

/// Cuts a title into parts at the separators, as byte ranges of `title`, empty parts left out.
fn parts(title: &str) -> Vec<(usize, usize)> {
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < title.len() {
        match SEPARATORS.iter().find(|s| title[i..].starts_with(**s)) {
            Some(sep) => {
                parts.push((start, i));
                i += sep.len();
                start = i;
            }
            None => i += title[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    parts.push((start, title.len()));
    parts.retain(|&(a, b)| !title[a..b].trim().is_empty());
    parts
}

/// The text of `title` from the start of part `lo` to the end of part `hi - 1`.
fn span<'t>(title: &'t str, parts: &[(usize, usize)], lo: usize, hi: usize) -> Option<&'t str> {
    let start = parts.get(lo)?.0;
    let end = parts.get(hi.checked_sub(1)?)?.1;
    title.get(start..end)
}

/// The runs of consecutive parts of a title that hold its first part or the part `headline`
/// (folded): what a heading may repeat of it.
fn part_runs(title: &str, headline: &str) -> Vec<String> {
    let parts = parts(title);
    let mut runs = Vec::new();
    // Titles have a handful of parts; the cap keeps a hostile title linear.
    let n = parts.len().min(8);
    let key = parts
        .iter()
        .take(n)
        .position(|p| fold(&title[p.0..p.1]) == headline);
    for lo in 0..n {
        for hi in lo + 1..=n {
            if (lo == 0 && hi == parts.len())
                || !(lo == 0 || key.is_some_and(|k| lo <= k && k < hi))
            {
                continue;
            }
            if let Some(run) = span(title, &parts, lo, hi) {
                runs.push(fold(run));
            }
        }
    }
    // A colon separates too, but too often inside a headline to cut at it: only the text
    // before the first and after the last colon count as runs.
    if let (Some((head, _)), Some((_, tail))) = (title.split_once(": "), title.rsplit_once(": ")) {
        runs.push(fold(head));
        runs.push(fold(tail));
    }
    // Wikis put the site name in brackets after the page name ("searching [Project Docs]").
    if let Some((head, _)) = title.strip_suffix(']').and_then(|t| t.rsplit_once(" [")) {
        runs.push(fold(head));
    }
    runs
}

/// Cuts the site-name part off a stated title. Returns the headline and the part cut off.
///
/// The title is cut into parts at the separators. Parts at either end that are a known site
/// name or look like a domain go, and so does a first part of a single word before a much
/// longer rest (a section or a brand: `"Opinion | Headline"`). Of the rest, the headline is the first part:
/// `"Headline - Section - Site"` gives `"Headline"`. (Dropping any short first part as a site
/// name, for `"Site Name | Headline"`, lost more titles than it won on the project's
/// measurements.)
/// A headline with a separator inside is cut too: where the page has a heading, the heading
/// confirms the whole of it (see [`choose`]).
pub(crate) fn strip_site_name(title: &str, sites: &SiteNames) -> (String, Option<String>) {
    let title = collapse(title);
    // Markdown heading marks pasted into a title ("## Headline"); "#1 in sales" stays.
    let unmarked = title.trim_start_matches('#');
    let title = if unmarked.len() < title.len() && unmarked.starts_with(' ') {
        unmarked.trim_start().to_string()
    } else {
        title
    };
    // "Site: Headline", only for a site name the page states (a front page's "Name: tagline"
    // is its title). The rest may still end in the site name ("Site: Headline - Site"), so it
    // goes on below.
    let (title, named_first) = match title.split_once(": ") {
        Some((head, rest)) if !rest.trim().is_empty() && sites.stated.contains(&fold(head)) => {
            (rest.trim().to_string(), Some(head.trim().to_string()))
        }
        _ => (title, None),
    };
    let parts = parts(&title);
    if parts.len() < 2 {
        return (title, named_first);
    }
    // `parts` holds char-boundary spans of `title`; `get` only spares a panic path.
    let text = |i: usize| span(&title, &parts, i, i + 1).unwrap_or_default().trim();
    let known = |i: usize| {
        let t = text(i);
        is_domain(t) || sites.matches(&fold(t))
    };
    let (mut lo, mut hi) = (0, parts.len());
    while hi - lo >= 2 && known(hi - 1) {
        hi -= 1;
    }
    while hi - lo >= 2 && known(lo) {
        lo += 1;
    }
    // A single word before a much longer rest is a section or a brand ("Opinion | Headline",
    // but not "tokio::runtime - Rust").
    let first = text(lo);
    let rest: usize = (lo + 1..hi).map(|i| text(i).chars().count()).sum();
    if hi - lo >= 2 && !first.contains(' ') && 2 * first.chars().count() <= rest {
        lo += 1;
    }
    // Forum software names the kind of page before the topic ("Site • View topic - Topic"):
    // what comes before that is the site.
    if let Some(i) = (lo..hi - 1).rev().find(|&i| is_page_label(&fold(text(i)))) {
        lo = i + 1;
    }
    // The headline comes first; what follows is a tagline, a section or the site.
    hi = lo + 1;
    let headline = text(lo).to_string();
    let before = (lo > 0)
        .then(|| span(&title, &parts, 0, lo))
        .flatten()
        .map(str::trim);
    let after = (hi < parts.len())
        .then(|| span(&title, &parts, hi, parts.len()))
        .flatten()
        .map(str::trim);
    let cut = match (before, after) {
        // The site name is usually at the end; a section may be at the start.
        (_, Some(a)) => Some(a.to_string()),
        (Some(b), None) => Some(b.to_string()),
        (None, None) => named_first,
    };
    (headline, cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(t: &str, sites: &[&str]) -> String {
        strip_site_name(t, &SiteNames::new(sites, None)).0
    }

    fn heading(text: &str) -> Heading<'_> {
        Heading {
            text,
            credible: true,
            linked: false,
        }
    }

    #[test]
    fn site_name_part_is_removed() {
        assert_eq!(strip("Big news today | The Daily", &[]), "Big news today");
        assert_eq!(
            strip("Daily | Big news about the thing today", &[]),
            "Big news about the thing today"
        );
        assert_eq!(
            strip("Rates rise - what it means | Money Times", &["Money Times"]),
            "Rates rise"
        );
        assert_eq!(
            strip("Money Times • Markets - Rates rise again", &["Money Times"]),
            "Rates rise again"
        );
        assert_eq!(strip("Opinion | Rates rise again", &[]), "Rates rise again");
        assert_eq!(
            strip("Money Times: Rates rise again", &["Money Times"]),
            "Rates rise again"
        );
        assert_eq!(
            strip("Rates rise again - money.example", &[]),
            "Rates rise again"
        );
        assert_eq!(
            strip("Rates rise again - Markets - Money Times", &[]),
            "Rates rise again"
        );
        assert_eq!(
            strip("Learn to code\u{a0}|\u{a0}code.dev", &[]),
            "Learn to code"
        );
        assert_eq!(strip("No separator here", &[]), "No separator here");
        assert_eq!(strip("## Marked up", &[]), "Marked up");
        assert_eq!(strip("#1 in sales", &[]), "#1 in sales");
    }

    #[test]
    fn a_host_spells_the_site_name() {
        assert_eq!(
            host_label("www.harbourpost.co.uk").as_deref(),
            Some("harbourpost")
        );
        assert_eq!(host_label("posthog.com").as_deref(), Some("posthog"));
        assert_eq!(
            host_label("blog.example.org:8080").as_deref(),
            Some("example")
        );
        assert_eq!(host_label("dev.to"), None);
        assert_eq!(host_label("localhost"), None);
        let names = SiteNames::new(&[], Some("www.harbourpost.example"));
        assert!(names.matches("harbour post"));
        assert!(names.matches("harbourpost"));
        assert!(!names.matches("harbour"));
        assert!(!names.matches("harbour post news"));
    }

    #[test]
    fn heading_confirmed_by_a_stated_title_wins() {
        let src = Sources {
            document: Some("Cats Rule the Internet - Pet News"),
            headings: vec![heading("Menu"), heading("Cats rule the internet")],
            ..Sources::default()
        };
        assert_eq!(
            choose(&src).title.as_deref(),
            Some("Cats rule the internet")
        );
        let src = Sources {
            document: Some("Cats Rule the Internet - Pet News"),
            headings: vec![heading("Menu")],
            ..Sources::default()
        };
        assert_eq!(
            choose(&src).title.as_deref(),
            Some("Cats Rule the Internet")
        );
    }

    #[test]
    fn aggregator_annotation_is_not_part_of_the_title() {
        let src = Sources {
            document: Some("Grads find their degrees no longer guarantee jobs - Link Digest"),
            headings: vec![heading(
                "Grads find their degrees no longer guarantee jobs (example.com) 87",
            )],
            ..Sources::default()
        };
        assert_eq!(
            choose(&src).title.as_deref(),
            Some("Grads find their degrees no longer guarantee jobs")
        );
        // Words that go on are the rest of a shortened title.
        let src = Sources {
            document: Some("Grads find their degrees - Link Digest"),
            headings: vec![heading("Grads find their degrees no longer guarantee jobs")],
            ..Sources::default()
        };
        assert_eq!(
            choose(&src).title.as_deref(),
            Some("Grads find their degrees no longer guarantee jobs")
        );
    }

    #[test]
    fn site_logo_heading_is_not_the_title() {
        let src = Sources {
            document: Some("Reviews of our classes — Yoga Place"),
            sites: vec!["Yoga Place"],
            headings: vec![heading("Yoga Place"), heading("Reviews")],
            ..Sources::default()
        };
        assert_eq!(
            choose(&src).title.as_deref(),
            Some("Reviews of our classes")
        );
    }

    #[test]
    fn stated_titles_vote_when_no_heading_agrees() {
        let src = Sources {
            document: Some("Ten tips for travel | Hotels"),
            social: vec!["Make the most of your stay"],
            headline: Some("Make the most of your stay"),
            headings: vec![heading("Welcome")],
            ..Sources::default()
        };
        assert_eq!(
            choose(&src).title.as_deref(),
            Some("Make the most of your stay")
        );
        assert_eq!(choose(&src).site_part.as_deref(), Some("Hotels"));
        let none = Sources {
            headings: vec![heading("Only a heading")],
            ..Sources::default()
        };
        assert_eq!(choose(&none).title.as_deref(), Some("Only a heading"));
    }
}
