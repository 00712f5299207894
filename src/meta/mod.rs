//! Metadata: title, authors, dates, site, language, direction, description, URL, image, tags.
//!
//! The segmenting walk gathers raw [`PageFacts`] (head elements, JSON-LD scripts, microdata and
//! bylines in the body). Before the classifier runs, [`heads`] reads the JSON-LD and chooses
//! the title (the classifier uses where it stands); once the classifier has decided which
//! blocks are the main text, [`read`] turns the rest of the facts into a [`Metadata`],
//! preferring for each value the most reliable source that states it and, for facts found in
//! the body, those near the main text. Nothing is guessed: a value no source states stays
//! empty.

mod date;
mod dump;
mod jsonld;
mod text;
mod title;

pub(crate) use dump::read_dump;

use crate::block::{BlockKind, Decision};
use crate::blocks::facts::{Found, PageFacts, Prop};
use crate::blocks::repeat::fold;
use crate::blocks::segment::RawBlock;
use crate::features::lexicon::{BYLINE_PREFIXES, LABEL_WORDS, ROLE_WORDS, WEEKDAYS};
use crate::metadata::{Metadata, PageDate, TextDirection};
use text::{clean, looks_like_url};

/// What is read before the classifier runs, because the classifier uses where the title
/// stands: the JSON-LD, the site name and the title.
pub(crate) struct Heads {
    ld: jsonld::LdFacts,
    site_name: Option<String>,
    choice: title::Choice,
    article: bool,
    /// `og:type` is a product type (`product`, `product.item`, `product.group`, or the common
    /// misspelling `og:product`).
    og_product: bool,
}

impl Heads {
    /// The chosen title.
    pub fn title(&self) -> Option<&str> {
        self.choice.title.as_deref()
    }

    /// The JSON-LD says the page is a forum thread (`DiscussionForumPosting`).
    pub fn forum_thread(&self) -> bool {
        self.ld.is_forum_thread
    }

    /// What the page says it is (see [`Declared`]).
    pub fn declared(&self) -> Declared {
        Declared {
            article: self.article,
            product: self.ld.is_product || self.og_product,
            list: self.ld.is_list,
            qa: self.ld.is_qa,
            faq: self.ld.is_faq,
        }
    }
}

/// What a page says it is, in the field's markup conventions (schema.org JSON-LD types, Open
/// Graph `og:type`): evidence for the page-type classifier, which weighs it with the rest (a
/// shop's blog post may still carry its `Product` markup).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Declared {
    /// An article: JSON-LD `Article` (or a kind of it), `og:type` article, a publication time.
    pub article: bool,
    /// A product: JSON-LD `Product` or `Offer` (or their kinds), `og:type` product.
    pub product: bool,
    /// A list of items: JSON-LD `ItemList`, `CollectionPage` or `SearchResultsPage`.
    pub list: bool,
    /// Questions with answers: JSON-LD `QAPage` or `Question`.
    pub qa: bool,
    /// Frequently asked questions: JSON-LD `FAQPage`.
    pub faq: bool,
}

/// Reads the JSON-LD, the site name and the title of a page from its facts and blocks.
pub(crate) fn heads(facts: &PageFacts, blocks: &[RawBlock]) -> Heads {
    let ld = if facts.json_ld.is_empty() {
        jsonld::LdFacts::default()
    } else {
        jsonld::read(&facts.json_ld)
    };
    let page = Page {
        facts,
        span: None,
        blocks,
    };
    let site_name = page
        .meta(&["og:site_name"])
        .filter(|s| !looks_like_url(s))
        .or_else(|| ld.site_name.clone())
        .or_else(|| page.meta(&["application-name", "apple-mobile-web-app-title"]))
        .or_else(|| ld.publisher.clone());
    let og_type = page.meta(&["og:type"]);
    let article = ld.is_article
        || og_type
            .as_deref()
            .is_some_and(|t| t.eq_ignore_ascii_case("article"))
        || page.meta(&["article:published_time"]).is_some();
    let og_product = og_type.is_some_and(|t| {
        let t = t.trim().to_ascii_lowercase();
        t.starts_with("product") || t == "og:product"
    });
    let choice = choose_title(&page, &ld, site_name.as_deref(), article);
    Heads {
        ld,
        site_name,
        choice,
        article,
        og_product,
    }
}

/// Reads the rest of the metadata once the classifier has decided about the blocks.
pub(crate) fn read(
    facts: &PageFacts,
    blocks: &[RawBlock],
    decisions: &[Decision],
    heads: Heads,
) -> Metadata {
    let Heads {
        ld,
        site_name,
        choice: chosen,
        ..
    } = heads;
    let page = Page {
        facts,
        span: content_span(decisions),
        blocks,
    };
    let language = facts
        .lang
        .as_deref()
        .and_then(language_tag)
        .or_else(|| {
            page.meta(&["content-language", "og:locale", "language", "dc.language"])
                .as_deref()
                .and_then(language_tag)
        })
        .or_else(|| ld.language.as_deref().and_then(language_tag));
    let direction = direction(facts.dir.as_deref(), language.as_deref(), blocks, decisions);
    let is_url =
        |u: &String| u.starts_with("http://") || u.starts_with("https://") || u.starts_with('/');
    let og_url = page.meta_raw(&["og:url"]).filter(is_url);
    let mut canonical_url = facts
        .canonical
        .clone()
        .filter(is_url)
        .or_else(|| og_url.clone())
        .or_else(|| page.meta_raw(&["twitter:url"]).filter(is_url))
        .or_else(|| ld.url.clone());
    if let (Some(c), Some(base)) = (&canonical_url, &og_url) {
        canonical_url = Some(absolute(c, base));
    }
    // The part cut off a title names the site only when it is short and not the title.
    let title = chosen.title;
    let site_name = site_name.or(chosen.site_part.filter(|p| {
        p.split_whitespace().count() <= 5 && title.as_deref().is_none_or(|t| fold(t) != fold(p))
    }));
    Metadata {
        title,
        authors: authors(&page, &ld, site_name.as_deref()),
        published: published(&page, &ld),
        modified: modified(&page, &ld),
        site_name,
        language,
        direction,
        description: page
            .meta(&[
                "og:description",
                "description",
                "twitter:description",
                "dc.description",
            ])
            .or_else(|| ld.description.clone())
            .or_else(|| page.found(Prop::Description).map(|f| clean(&f.value)))
            .filter(|d| !d.is_empty()),
        canonical_url,
        image: page
            .meta_raw(&[
                "og:image",
                "og:image:url",
                "og:image:secure_url",
                "twitter:image",
                "twitter:image:src",
            ])
            .or_else(|| ld.image.clone())
            .or_else(|| page.found(Prop::Image).map(|f| f.value.trim().to_string())),
        tags: tags(&page, &ld),
        categories: categories(&page, &ld),
    }
}

/// The facts and where the main text lies.
struct Page<'a> {
    facts: &'a PageFacts,
    /// Blocks `span.0..=span.1` hold the main text (first to last content block).
    span: Option<(usize, usize)>,
    blocks: &'a [RawBlock],
}

impl Page<'_> {
    /// The first non-empty `<meta>` value among `keys` (in order of the keys), cleaned.
    fn meta(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            self.facts
                .meta
                .iter()
                .filter(|(key, _)| key == k)
                .map(|(_, v)| clean(v))
                .find(|v| !v.is_empty())
        })
    }

    /// Like [`Page::meta`] but only trimmed: for URLs.
    fn meta_raw(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            self.facts
                .meta
                .iter()
                .find(|(key, v)| key == k && !v.trim().is_empty())
                .map(|(_, v)| v.trim().to_string())
        })
    }

    /// Every `<meta>` value for `key`, in document order.
    fn meta_all<'s>(&'s self, key: &'s str) -> impl Iterator<Item = &'s str> + 's {
        self.facts
            .meta
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Body facts of a kind, near the main text first, then the rest, in document order.
    fn found_all(&self, prop: Prop) -> Vec<&Found> {
        let (near, far): (Vec<&Found>, Vec<&Found>) = self
            .facts
            .found
            .iter()
            .filter(|f| f.prop == prop)
            .partition(|f| self.near(f.block));
        near.into_iter().chain(far).collect()
    }

    fn found(&self, prop: Prop) -> Option<&Found> {
        self.found_all(prop).into_iter().next()
    }

    /// Whether a block index lies in the main text or just before it (where bylines and dates
    /// sit), rather than in a sidebar, teaser list or footer.
    fn near(&self, block: u32) -> bool {
        self.within(block, 0)
    }

    /// Like [`Page::near`], also allowing `after` blocks after the main text (where tag and
    /// category lists sit).
    fn within(&self, block: u32, after: usize) -> bool {
        let block = block as usize;
        match self.span {
            Some((start, end)) => block + 12 >= start && block <= end + after,
            None => true,
        }
    }
}

fn content_span(decisions: &[Decision]) -> Option<(usize, usize)> {
    let start = decisions.iter().position(|d| *d == Decision::Content)?;
    let end = decisions.iter().rposition(|d| *d == Decision::Content)?;
    Some((start, end))
}

fn choose_title(
    page: &Page<'_>,
    ld: &jsonld::LdFacts,
    site: Option<&str>,
    article: bool,
) -> title::Choice {
    let document = page.facts.title.as_deref().map(clean);
    // Social tags whose URL is the site's root on a deeper page are the site's defaults, left
    // on every page: their titles describe the site, not the page.
    let og_url = page.meta_raw(&["og:url"]);
    let site_defaults = og_url
        .as_deref()
        .is_some_and(|u| site_root_host(u).is_some())
        && page
            .facts
            .canonical
            .as_deref()
            .is_some_and(|c| c.contains("://") && site_root_host(c).is_none());
    let social: Vec<String> = ["og:title", "twitter:title"]
        .iter()
        .filter(|_| !site_defaults)
        .filter_map(|k| page.meta(&[k]))
        .collect();
    let headline = ld.headline.clone().or_else(|| {
        page.found(Prop::Headline)
            .map(|f| clean(&f.value))
            .or_else(|| page.meta(&["headline"]))
    });
    let sites: Vec<&str> = site
        .into_iter()
        .chain(ld.site_name.as_deref())
        .chain(ld.publisher.as_deref())
        .collect();
    let texts: Vec<(usize, String)> = page
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == BlockKind::Heading { level: 1 })
        .take(8)
        .map(|(i, b)| (i, heading_text(&b.text)))
        .collect();
    let headings = texts
        .iter()
        .map(|(i, t)| title::Heading {
            text: t,
            credible: credible_heading(page, *i),
            linked: page
                .blocks
                .get(*i)
                .is_some_and(|b| 10 * b.link_chars as usize >= 9 * b.text.chars().count()),
        })
        .collect();
    let url = page.facts.canonical.as_deref().or(og_url.as_deref());
    title::choose(&title::Sources {
        host: url.and_then(host_of),
        front_page: url.and_then(site_root_host).is_some(),
        document: document.as_deref(),
        social: social.iter().map(String::as_str).collect(),
        headline: headline.as_deref(),
        page_name: ld.page_name.as_deref(),
        sites,
        headings,
        article,
    })
}

/// The host and the rest of an absolute `http(s)` URL.
fn split_url(url: &str) -> Option<(&str, &str)> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let split = rest.split_at(rest.find(['/', '?', '#']).unwrap_or(rest.len()));
    (!split.0.is_empty()).then_some(split)
}

/// The host of an absolute URL.
fn host_of(url: &str) -> Option<&str> {
    split_url(url).map(|(host, _)| host)
}

/// The host of an absolute URL that is the root of a site (`https://example.com/`): the URL
/// of a front page.
fn site_root_host(url: &str) -> Option<&str> {
    split_url(url)
        .filter(|(_, path)| path.is_empty() || *path == "/")
        .map(|(host, _)| host)
}

/// A heading's text without permalink marks that documentation generators append (`¶`, `#`).
fn heading_text(text: &str) -> String {
    let t = text.trim_end_matches(['¶', '§', '🔗']).trim_end();
    let t = t.strip_suffix(" #").unwrap_or(t);
    clean(t)
}

/// Whether a heading can be the page's title: a heading that ends with a colon introduces
/// what follows ("A message from our sponsor:"). (Where it stands is not known yet: the title
/// is chosen before the classifier runs.)
fn credible_heading(page: &Page<'_>, i: usize) -> bool {
    !page
        .blocks
        .get(i)
        .is_some_and(|b| b.text.trim_end().ends_with(':'))
}

/// Splits a byline into names: drops "By", "Written by" and the like, splits at "and", "&",
/// commas and semicolons, and keeps what looks like a name.
fn byline_names(raw: &str) -> Vec<String> {
    let text = clean(raw);
    let mut t = text.as_str();
    // Everything after a separator is usually a date or a role.
    for sep in [" | ", " • ", " · ", " — ", " – ", " - ", "\n"] {
        if let Some((head, _)) = t.split_once(sep) {
            t = head;
        }
    }
    let lower = t.to_lowercase();
    for prefix in BYLINE_PREFIXES {
        if lower.starts_with(prefix) {
            t = t.get(prefix.len()..).unwrap_or("").trim_start();
            break;
        }
    }
    let mut out: Vec<String> = Vec::new();
    // "and" in the languages of the byline words ("Par Ana et Bo", "Von Ana und Bo").
    let and = |p: &str| -> Vec<String> {
        let mut parts = vec![p.to_string()];
        for sep in [" and ", " et ", " und "] {
            parts = parts
                .iter()
                .flat_map(|q| q.split(sep).map(str::to_string).collect::<Vec<_>>())
                .collect();
        }
        parts
    };
    for part in t.split([',', ';', '&']).flat_map(and) {
        // "Text: Name", "Photos: Name": a label in any language.
        let part = part
            .rsplit_once(": ")
            .map_or(part.as_str(), |(_, name)| name);
        let name = part
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        // After a name, a job title ("…, Staff Writer") or a short single word, which is a
        // degree or an agency ("Ana Lima, MD", "…, CNN"), is not another author.
        let suffix = !out.is_empty()
            && (is_role(name) || (!name.contains(' ') && name.chars().count() <= 4));
        if is_name(name)
            && !is_label(name)
            && !suffix
            && !out.iter().any(|o| o.eq_ignore_ascii_case(name))
        {
            out.push(name.to_string());
        }
    }
    out
}

/// Whether a byline part is a job title ("Staff Writer", "AP Auto Writer").
fn is_role(s: &str) -> bool {
    s.split_whitespace()
        .any(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Whether a byline part is a link label ("View all", "Follow the author"), a weekday, or a
/// placeholder, rather than a name.
fn is_label(s: &str) -> bool {
    let lower = s.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or_default();
    let label = LABEL_WORDS.contains(&first);
    let weekday = WEEKDAYS.contains(&first.trim_end_matches('.'));
    label || weekday
}

/// Whether a string can be a person's or organisation's name: short, with letters, no digits
/// (dates, counts), not a URL.
fn is_name(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=6).contains(&words)
        && s.chars().count() <= 60
        && s.chars().any(char::is_alphabetic)
        && !s.chars().any(|c| c.is_ascii_digit())
        && !looks_like_url(s)
        && !text::is_domain(s)
}

fn authors(page: &Page<'_>, ld: &jsonld::LdFacts, site: Option<&str>) -> Vec<String> {
    let tidy = |names: Vec<String>| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for n in names.iter().flat_map(|n| byline_names(n)) {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(&n)) && out.len() < 16 {
                out.push(n);
            }
        }
        out
    };
    let from_ld = tidy(ld.authors.clone());
    if !from_ld.is_empty() {
        return from_ld;
    }
    for prop in [Prop::Author, Prop::AuthorLink] {
        // The first byline's names only (a few blocks apart at most, for one element per
        // author): later ones belong to answers, quotes or teasers.
        let named: Vec<(u32, Vec<String>)> = page
            .found_all(prop)
            .into_iter()
            .filter(|f| page.near(f.block))
            .map(|f| (f.block, byline_names(&f.value)))
            .filter(|(_, names)| !names.is_empty())
            .collect();
        let Some(first) = named.iter().map(|(b, _)| *b).min() else {
            continue;
        };
        let names = tidy(
            named
                .into_iter()
                .filter(|(b, _)| *b <= first + 4)
                .flat_map(|(_, names)| names)
                .collect(),
        );
        if !names.is_empty() {
            return names;
        }
    }
    for key in [
        "article:author",
        "author",
        "dc.creator",
        "parsely-author",
        "sailthru.author",
        "byl",
    ] {
        let values: Vec<String> = page
            .meta_all(key)
            .filter(|v| !looks_like_url(v))
            .map(str::to_string)
            .collect();
        let names = tidy(values);
        // A site that names itself as the author of every page says nothing about this one.
        let only_site = site
            .is_some_and(|s| names.len() == 1 && names.first().is_some_and(|n| fold(n) == fold(s)));
        if !names.is_empty() && !only_site {
            return names;
        }
    }
    let bylines: Vec<String> = page
        .found_all(Prop::Byline)
        .into_iter()
        .filter(|f| page.near(f.block) && page.span.is_some())
        .take(1)
        .map(|f| f.value.clone())
        .collect();
    tidy(bylines)
}

/// The first value among `values` that reads as a date.
fn first_date<'a>(values: impl IntoIterator<Item = &'a str>) -> Option<PageDate> {
    values.into_iter().find_map(date::normalize)
}

fn published(page: &Page<'_>, ld: &jsonld::LdFacts) -> Option<PageDate> {
    const KEYS: [&str; 15] = [
        "article:published_time",
        "article:published",
        "og:published_time",
        "datepublished",
        "article.published",
        "pubdate",
        "publishdate",
        "publish-date",
        "date",
        "dc.date.issued",
        "dc.date",
        "dcterms.date",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
    ];
    let near_found = |prop: Prop| -> Vec<&str> {
        page.found_all(prop)
            .into_iter()
            .filter(|f| page.near(f.block))
            .map(|f| f.value.as_str())
            .collect()
    };
    first_date(ld.published.as_deref())
        .or_else(|| first_date(KEYS.iter().flat_map(|k| page.meta_all(k))))
        .or_else(|| first_date(near_found(Prop::Published)))
        .or_else(|| first_date(near_found(Prop::Date)))
}

fn modified(page: &Page<'_>, ld: &jsonld::LdFacts) -> Option<PageDate> {
    const KEYS: [&str; 7] = [
        "article:modified_time",
        "article:modified",
        "og:updated_time",
        "datemodified",
        "last-modified",
        "dc.date.modified",
        "dcterms.modified",
    ];
    first_date(ld.modified.as_deref())
        .or_else(|| first_date(KEYS.iter().flat_map(|k| page.meta_all(k))))
        .or_else(|| {
            first_date(
                page.found_all(Prop::Modified)
                    .into_iter()
                    .filter(|f| page.near(f.block))
                    .map(|f| f.value.as_str()),
            )
        })
}

/// Adds `items` to `out`, cleaned, without duplicates (case-insensitive), at most 32.
fn add_unique(out: &mut Vec<String>, items: impl IntoIterator<Item = String>) {
    for item in items {
        let item = clean(&item);
        let item = item.trim_start_matches('#').trim();
        if item.is_empty() || item.chars().count() > 100 || out.len() >= 32 {
            continue;
        }
        if !out.iter().any(|o| o.eq_ignore_ascii_case(item)) {
            out.push(item.to_string());
        }
    }
}

fn tags(page: &Page<'_>, ld: &jsonld::LdFacts) -> Vec<String> {
    let mut out = Vec::new();
    add_unique(&mut out, page.meta_all("article:tag").map(str::to_string));
    add_unique(&mut out, ld.keywords.iter().cloned());
    let found = page.found_all(Prop::Tag);
    add_unique(
        &mut out,
        found
            .into_iter()
            .filter(|f| page.within(f.block, 8))
            .flat_map(|f| f.value.split(',').map(str::to_string).collect::<Vec<_>>()),
    );
    if out.is_empty() {
        // Often stuffed for search engines, so only when nothing better is stated.
        add_unique(
            &mut out,
            page.meta_all("keywords")
                .flat_map(|k| k.split([',', ';']).map(str::to_string).collect::<Vec<_>>()),
        );
    }
    out
}

fn categories(page: &Page<'_>, ld: &jsonld::LdFacts) -> Vec<String> {
    let mut out = Vec::new();
    add_unique(
        &mut out,
        page.meta_all("article:section").map(str::to_string),
    );
    add_unique(&mut out, ld.sections.iter().cloned());
    add_unique(
        &mut out,
        page.found_all(Prop::Category)
            .into_iter()
            .filter(|f| page.within(f.block, 8))
            .map(|f| f.value.clone()),
    );
    out
}

/// A BCP 47 tag in its usual case (`en`, `pt-BR`, `zh-Hant-TW`), from forms such as `EN_us`
/// or `en, fr` (the first); `None` when the value is not a language tag.
fn language_tag(raw: &str) -> Option<String> {
    let first = raw.split([',', ';']).next()?.trim();
    let mut out = String::new();
    for (i, part) in first.split(['-', '_']).enumerate() {
        if part.is_empty() || part.len() > 8 || !part.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        if i == 0 {
            if !(2..=3).contains(&part.len()) || !part.chars().all(|c| c.is_ascii_alphabetic()) {
                return None;
            }
            out.push_str(&part.to_ascii_lowercase());
            continue;
        }
        out.push('-');
        match part.len() {
            2 => out.push_str(&part.to_ascii_uppercase()),
            4 => {
                // A script subtag: title case.
                let (h, t) = part.split_at(1);
                out.push_str(&h.to_ascii_uppercase());
                out.push_str(&t.to_ascii_lowercase());
            }
            _ => out.push_str(&part.to_ascii_lowercase()),
        }
    }
    Some(out)
}

/// Languages written right to left by default.
const RTL_LANGUAGES: [&str; 16] = [
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "ps", "sd", "syr", "ug", "ur", "yi",
    "nqo",
];

fn direction(
    dir: Option<&str>,
    lang: Option<&str>,
    blocks: &[RawBlock],
    decisions: &[Decision],
) -> TextDirection {
    match dir {
        Some("rtl") => return TextDirection::Rtl,
        Some("ltr") => return TextDirection::Ltr,
        _ => {}
    }
    if let Some(lang) = lang {
        let mut parts = lang.split('-');
        let primary = parts.next().unwrap_or_default();
        // A script subtag decides over the language (`az-Arab`, `pa-Arab`, `ku-Latn`).
        for p in parts {
            match p {
                "Arab" | "Hebr" | "Syrc" | "Thaa" | "Nkoo" | "Adlm" | "Rohg" => {
                    return TextDirection::Rtl;
                }
                "Latn" | "Cyrl" => return TextDirection::Ltr,
                _ => {}
            }
        }
        if RTL_LANGUAGES.contains(&primary) {
            return TextDirection::Rtl;
        }
        return TextDirection::Ltr;
    }
    // No dir and no language: count strong characters of the main text.
    let (mut rtl, mut ltr) = (0usize, 0usize);
    let content = blocks
        .iter()
        .zip(decisions)
        .filter(|(_, d)| **d == Decision::Content)
        .map(|(b, _)| b.text.as_str());
    for c in content.flat_map(str::chars).take(4000) {
        if is_rtl_char(c) {
            rtl += 1;
        } else if c.is_alphabetic() {
            ltr += 1;
        }
    }
    if rtl > ltr {
        TextDirection::Rtl
    } else {
        TextDirection::Ltr
    }
}

/// Letters of right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, NKo and neighbours, and
/// the Hebrew and Arabic presentation forms.
fn is_rtl_char(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// Completes a host-less path (`/a/b`) with the scheme and host of an absolute `base`.
fn absolute(url: &str, base: &str) -> String {
    if !url.starts_with('/') || url.starts_with("//") {
        return url.to_string();
    }
    let Some(scheme_end) = base.find("://") else {
        return url.to_string();
    };
    let host_end = base[scheme_end + 3..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + 3 + i);
    format!("{}{}", &base[..host_end], url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_become_names() {
        assert_eq!(
            byline_names("By Ana Lima and Bo Chen"),
            ["Ana Lima", "Bo Chen"]
        );
        assert_eq!(
            byline_names("Written by: Ana Lima | March 3, 2024"),
            ["Ana Lima"]
        );
        assert_eq!(
            byline_names("BY ANA LIMA, BO CHEN & CY DOE"),
            ["ANA LIMA", "BO CHEN", "CY DOE"]
        );
        assert!(byline_names("Updated 3 hours ago").is_empty());
        assert_eq!(byline_names("TOM KRISHER, AP Auto Writer"), ["TOM KRISHER"]);
        assert_eq!(byline_names("Text: Ana Lima"), ["Ana Lima"]);
        assert!(byline_names("example.com").is_empty());
        assert_eq!(
            byline_names("Ana Lima, MD, Bo Chen"),
            ["Ana Lima", "Bo Chen"]
        );
        assert_eq!(byline_names("Pet News Staff"), ["Pet News Staff"]);
        assert!(byline_names("Follow the author").is_empty());
        assert!(byline_names("Sat, Mar 2").is_empty());
        assert!(byline_names("https://facebook.com/ana").is_empty());
    }

    #[test]
    fn language_tags_are_normalised() {
        assert_eq!(language_tag("EN_us").as_deref(), Some("en-US"));
        assert_eq!(language_tag("zh-hant-tw").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(language_tag("de, en").as_deref(), Some("de"));
        assert_eq!(language_tag("english"), None);
        assert_eq!(language_tag(""), None);
    }

    #[test]
    fn relative_canonical_is_completed() {
        assert_eq!(
            absolute("/a/b", "https://x.example/c?d"),
            "https://x.example/a/b"
        );
        assert_eq!(
            absolute("https://y.example/", "https://x.example/"),
            "https://y.example/"
        );
        assert_eq!(absolute("/a", "not a url"), "/a");
    }

    #[test]
    fn direction_from_language_and_script() {
        assert_eq!(direction(None, Some("fa-IR"), &[], &[]), TextDirection::Rtl);
        assert_eq!(
            direction(None, Some("az-Arab"), &[], &[]),
            TextDirection::Rtl
        );
        assert_eq!(
            direction(Some("ltr"), Some("ar"), &[], &[]),
            TextDirection::Ltr
        );
        assert_eq!(direction(None, None, &[], &[]), TextDirection::Ltr);
        assert!(is_rtl_char('ש') && is_rtl_char('ب') && !is_rtl_char('a'));
    }
}
