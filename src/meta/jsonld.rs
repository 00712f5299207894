//! JSON-LD (`<script type="application/ld+json">`): the schema.org facts a page states.
//!
//! Pages put one object, an array of objects, or a `@graph` in each script, nest the article
//! inside a `WebPage` (or the reverse), and refer to authors and publishers by `@id` instead of
//! repeating them. So the reader walks every object (iteratively: a hostile script may nest
//! deeply), indexes the ones with an `@id`, and then reads the first article-like object, the
//! first page-like object and the first `WebSite`.
//!
//! Values are written by hand or by plugins: `author` may be a string, an object, an `@id`
//! reference or an array of any of those; `image` a URL, an `ImageObject` or an array; strings
//! often carry HTML entities. Scripts that are not valid JSON get one lenient retry (raw line
//! breaks inside strings are the usual fault) and are otherwise skipped.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::text::{clean, looks_like_url};

/// What the JSON-LD of a page says, already cleaned (entities decoded, white space collapsed).
#[derive(Debug, Default, Clone)]
pub(crate) struct LdFacts {
    /// `headline` (or `name`) of the main article-like object.
    pub headline: Option<String>,
    /// `name` of the main page-like object (`WebPage` and its kinds).
    pub page_name: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub description: Option<String>,
    pub image: Option<String>,
    pub keywords: Vec<String>,
    pub sections: Vec<String>,
    pub language: Option<String>,
    pub url: Option<String>,
    /// `name` of the `WebSite`.
    pub site_name: Option<String>,
    /// `name` of the article's (or page's) publisher.
    pub publisher: Option<String>,
    /// An article-like object (`Article`, `BlogPosting`, …) was found.
    pub is_article: bool,
    /// A forum thread (`DiscussionForumPosting`) was found.
    pub is_forum_thread: bool,
    /// A product or an offer (`Product`, `ProductGroup`, `Offer`, `AggregateOffer`).
    pub is_product: bool,
    /// A list of items (`ItemList`, `CollectionPage`, `SearchResultsPage`).
    pub is_list: bool,
    /// Questions with answers (`QAPage`, `Question`).
    pub is_qa: bool,
    /// A page of frequently asked questions (`FAQPage`).
    pub is_faq: bool,
}

/// Objects visited per page at most: real graphs have tens; this bounds hostile input.
const MAX_OBJECTS: usize = 4096;

/// Reads the JSON-LD scripts of a page. Invalid scripts are skipped.
pub(crate) fn read(scripts: &[String]) -> LdFacts {
    let values: Vec<Value> = scripts.iter().filter_map(|s| parse(s)).collect();
    let mut objects: Vec<&Map<String, Value>> = Vec::new();
    let mut by_id: HashMap<&str, &Map<String, Value>> = HashMap::new();
    // Iterative walk in document order (a stack of reversed children).
    let mut stack: Vec<&Value> = values.iter().rev().collect();
    while let Some(v) = stack.pop() {
        if objects.len() >= MAX_OBJECTS {
            break;
        }
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                if map.contains_key("@type") {
                    objects.push(map);
                }
                if let Some(Value::String(id)) = map.get("@id") {
                    // A bare `{"@id": …}` is a reference, not the definition.
                    if map.len() > 1 {
                        by_id.entry(id.as_str()).or_insert(map);
                    }
                }
                stack.extend(map.values().rev());
            }
            _ => {}
        }
    }
    let reader = Reader { by_id };
    let article = objects.iter().copied().find(|o| has_type(o, is_article));
    let page = objects.iter().copied().find(|o| has_type(o, is_page));
    let site = objects
        .iter()
        .copied()
        .find(|o| has_type(o, |t| t == "WebSite"));
    let mut f = LdFacts {
        is_forum_thread: any_type(&objects, crate::features::hints::is_forum_thread_type),
        is_product: any_type(&objects, |t| {
            matches!(t, "Product" | "ProductGroup" | "Offer" | "AggregateOffer")
        }),
        is_list: any_type(&objects, |t| {
            matches!(t, "ItemList" | "CollectionPage" | "SearchResultsPage")
        }),
        is_qa: any_type(&objects, |t| matches!(t, "QAPage" | "Question")),
        is_faq: any_type(&objects, |t| t == "FAQPage"),
        ..LdFacts::default()
    };
    if let Some(a) = article {
        f.is_article = true;
        f.headline = reader
            .string(a, "headline")
            .or_else(|| reader.string(a, "name"));
        f.authors = reader.names(a, "author");
        if f.authors.is_empty() {
            f.authors = reader.names(a, "creator");
        }
        f.keywords = reader.list(a, "keywords");
        f.sections = reader.list(a, "articleSection");
    }
    // The article first, then the page, for everything both may state.
    let main: Vec<&Map<String, Value>> = article.into_iter().chain(page).collect();
    let first = |key: &str| main.iter().find_map(|o| reader.string(o, key));
    f.page_name = page.and_then(|p| reader.string(p, "name"));
    f.published = first("datePublished")
        .or_else(|| first("dateCreated"))
        .or_else(|| first("uploadDate"));
    f.modified = first("dateModified");
    f.description = first("description");
    f.language = first("inLanguage").or_else(|| site.and_then(|s| reader.string(s, "inLanguage")));
    f.image = main.iter().find_map(|o| {
        reader
            .image(o, "image")
            .or_else(|| reader.image(o, "primaryImageOfPage"))
    });
    f.url = main.iter().find_map(|o| {
        reader
            .url(o, "mainEntityOfPage")
            .or_else(|| reader.url(o, "url"))
    });
    if f.authors.is_empty()
        && let Some(p) = page
    {
        f.authors = reader.names(p, "author");
    }
    f.site_name = site.and_then(|s| reader.string(s, "name"));
    f.publisher = main
        .iter()
        .find_map(|o| reader.names(o, "publisher").into_iter().next());
    f
}

/// Parses one script; a second, lenient try replaces raw control characters (line breaks
/// pasted inside strings are the most common fault).
fn parse(script: &str) -> Option<Value> {
    let mut s = script.trim();
    // Old pages wrap scripts in comment or CDATA markers.
    for (open, close) in [
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
    ] {
        if let Some(inner) = s.strip_prefix(open) {
            s = inner.strip_suffix(close).unwrap_or(inner).trim();
        }
    }
    if s.is_empty() {
        return None;
    }
    serde_json::from_str(s).ok().or_else(|| {
        if !s.bytes().any(|b| b < 0x20) {
            return None;
        }
        let fixed: String = s
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&fixed).ok()
    })
}

/// The schema.org type name without a vocabulary prefix (`schema:Article`,
/// `http://schema.org/Article` → `Article`).
fn type_name(t: &str) -> &str {
    t.rsplit(['/', ':', '#']).next().unwrap_or(t).trim()
}

fn has_type(o: &Map<String, Value>, pred: impl Fn(&str) -> bool) -> bool {
    match o.get("@type") {
        Some(Value::String(t)) => pred(type_name(t)),
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| pred(type_name(t)))),
        _ => false,
    }
}

fn any_type(objects: &[&Map<String, Value>], pred: impl Fn(&str) -> bool) -> bool {
    objects.iter().any(|o| has_type(o, &pred))
}

fn is_article(t: &str) -> bool {
    t.ends_with("Article")
        || matches!(
            t,
            "BlogPosting"
                | "LiveBlogPosting"
                | "SocialMediaPosting"
                | "DiscussionForumPosting"
                | "Report"
                | "APIReference"
                | "Recipe"
                | "HowTo"
        )
}

fn is_page(t: &str) -> bool {
    t.ends_with("WebPage")
        || matches!(
            t,
            "ItemPage"
                | "AboutPage"
                | "CollectionPage"
                | "ContactPage"
                | "FAQPage"
                | "ProfilePage"
                | "QAPage"
                | "SearchResultsPage"
                | "CheckoutPage"
        )
}

struct Reader<'a> {
    by_id: HashMap<&'a str, &'a Map<String, Value>>,
}

impl<'a> Reader<'a> {
    /// A text value: a string, the first string of an array, or an object's `name`/`@value`.
    fn string(&self, o: &'a Map<String, Value>, key: &str) -> Option<String> {
        text_of(o.get(key)?, self)
    }

    /// Names of people or organisations: strings, objects with `name` (or given and family
    /// names), `@id` references, or arrays of those.
    fn names(&self, o: &'a Map<String, Value>, key: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let v = match o.get(key) {
            Some(v) => v,
            None => return out,
        };
        let items: Vec<&Value> = match v {
            Value::Array(a) => a.iter().take(32).collect(),
            v => vec![v],
        };
        for item in items {
            let name = match item {
                Value::String(s) => Some(clean(s)),
                Value::Object(m) => self.object_name(m),
                _ => None,
            };
            if let Some(n) = name.filter(|n| !n.is_empty() && !looks_like_url(n))
                && !out.iter().any(|o| o.eq_ignore_ascii_case(&n))
            {
                out.push(n);
            }
        }
        out
    }

    fn object_name(&self, m: &'a Map<String, Value>) -> Option<String> {
        let m = self.definition(m);
        if let Some(Value::String(n)) = m.get("name") {
            let n = clean(n);
            if !n.is_empty() {
                return Some(n);
            }
        }
        let part = |k: &str| m.get(k).and_then(Value::as_str).map(clean);
        match (part("givenName"), part("familyName")) {
            (Some(g), Some(f)) => Some(format!("{g} {f}")),
            (g, f) => g.or(f).filter(|s| !s.is_empty()),
        }
    }

    /// The definition an `{"@id": …}` reference points to, or the object itself.
    fn definition(&self, m: &'a Map<String, Value>) -> &'a Map<String, Value> {
        if m.len() == 1
            && let Some(Value::String(id)) = m.get("@id")
            && let Some(def) = self.by_id.get(id.as_str())
        {
            return def;
        }
        m
    }

    /// A list of short texts: an array of strings, or one comma-separated string.
    fn list(&self, o: &'a Map<String, Value>, key: &str) -> Vec<String> {
        let raw: Vec<String> = match o.get(key) {
            Some(Value::String(s)) => s.split(',').map(clean).collect(),
            Some(Value::Array(a)) => a.iter().take(64).filter_map(|v| text_of(v, self)).collect(),
            _ => Vec::new(),
        };
        let mut out: Vec<String> = Vec::new();
        for s in raw {
            if !s.is_empty()
                && s.chars().count() <= 100
                && !out.iter().any(|o| o.eq_ignore_ascii_case(&s))
            {
                out.push(s);
            }
        }
        out
    }

    /// An image URL: a string, an `ImageObject` (`url` or `contentUrl`), a reference to one,
    /// or the first of an array.
    fn image(&self, o: &'a Map<String, Value>, key: &str) -> Option<String> {
        let mut v = o.get(key)?;
        if let Value::Array(a) = v {
            v = a.first()?;
        }
        match v {
            Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Value::Object(m) => {
                let m = self.definition(m);
                ["url", "contentUrl"]
                    .iter()
                    .find_map(|k| m.get(*k).and_then(Value::as_str))
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
            }
            _ => None,
        }
    }

    /// A URL: a string, or an object's `@id` or `url`.
    fn url(&self, o: &'a Map<String, Value>, key: &str) -> Option<String> {
        let s = match o.get(key)? {
            Value::String(s) => s.as_str(),
            Value::Object(m) => m
                .get("@id")
                .or_else(|| m.get("url"))
                .and_then(Value::as_str)?,
            _ => return None,
        };
        let s = s.trim();
        (s.starts_with("http://") || s.starts_with("https://")).then(|| s.to_string())
    }
}

fn text_of<'a>(v: &'a Value, r: &Reader<'a>) -> Option<String> {
    let s = match v {
        Value::String(s) => clean(s),
        Value::Array(a) => return a.iter().find_map(|v| text_of_flat(v, r)),
        Value::Object(m) => return text_of_object(m, r),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    Some(s).filter(|s| !s.is_empty())
}

fn text_of_flat<'a>(v: &'a Value, r: &Reader<'a>) -> Option<String> {
    match v {
        Value::String(s) => Some(clean(s)).filter(|s| !s.is_empty()),
        Value::Object(m) => text_of_object(m, r),
        _ => None,
    }
}

fn text_of_object<'a>(m: &'a Map<String, Value>, r: &Reader<'a>) -> Option<String> {
    let m = r.definition(m);
    ["@value", "name", "alternateName"]
        .iter()
        .find_map(|k| m.get(*k).and_then(Value::as_str))
        .map(clean)
        .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read1(s: &str) -> LdFacts {
        read(&[s.to_string()])
    }

    #[test]
    fn graph_with_references() {
        let f = read1(
            r##"{"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "@id": "https://x.example/#site", "name": "Ex &amp; Co"},
              {"@type": "WebPage", "@id": "https://x.example/a", "name": "A page | Ex", "inLanguage": "en-GB"},
              {"@type": ["Article"], "headline": "It&#8217;s here", "author": {"@id": "#p1"},
               "datePublished": "2024-01-02T03:04:05+00:00", "publisher": {"@id": "#org"},
               "image": {"@type": "ImageObject", "url": "https://x.example/i.jpg"},
               "keywords": "one, two,one", "articleSection": ["News"],
               "mainEntityOfPage": {"@id": "https://x.example/a"}},
              {"@type": "Person", "@id": "#p1", "name": "Ana Lima"},
              {"@type": "Organization", "@id": "#org", "name": "Ex Media"}
            ]}"##,
        );
        assert_eq!(f.headline.as_deref(), Some("It’s here"));
        assert_eq!(f.page_name.as_deref(), Some("A page | Ex"));
        assert_eq!(f.authors, ["Ana Lima"]);
        assert_eq!(f.published.as_deref(), Some("2024-01-02T03:04:05+00:00"));
        assert_eq!(f.site_name.as_deref(), Some("Ex & Co"));
        assert_eq!(f.publisher.as_deref(), Some("Ex Media"));
        assert_eq!(f.image.as_deref(), Some("https://x.example/i.jpg"));
        assert_eq!(f.keywords, ["one", "two"]);
        assert_eq!(f.sections, ["News"]);
        assert_eq!(f.language.as_deref(), Some("en-GB"));
        assert_eq!(f.url.as_deref(), Some("https://x.example/a"));
    }

    #[test]
    fn declared_page_kinds() {
        let shop = read1(
            r#"{"@type": "schema:Product", "name": "Kettle",
                "offers": {"@type": "Offer", "price": "20"}}"#,
        );
        assert!(shop.is_product && !shop.is_list && !shop.is_article);
        let list = read1(
            r#"{"@type": ["CollectionPage"], "mainEntity": {"@type": "ItemList", "itemListElement": []}}"#,
        );
        assert!(list.is_list && !list.is_product);
        let qa = read1(r#"{"@type": "QAPage", "mainEntity": {"@type": "Question"}}"#);
        assert!(qa.is_qa && !qa.is_faq);
        let faq = read1(r#"{"@type": "http://schema.org/FAQPage"}"#);
        assert!(faq.is_faq && !faq.is_qa);
        let article = read1(r#"{"@type": "NewsArticle", "headline": "Tides"}"#);
        assert!(!article.is_product && !article.is_list && !article.is_qa && !article.is_faq);
    }

    #[test]
    fn author_shapes() {
        let f = read1(r#"{"@type": "BlogPosting", "author": "Bo Chen"}"#);
        assert_eq!(f.authors, ["Bo Chen"]);
        let f = read1(
            r#"[{"@type": "http://schema.org/NewsArticle", "author": [{"@type": "Person",
               "givenName": "Ana", "familyName": "Lima"}, {"name": "Bo Chen"},
               "https://example.com/people/x", {"name": "bo chen"}]}]"#,
        );
        assert_eq!(f.authors, ["Ana Lima", "Bo Chen"]);
    }

    #[test]
    fn malformed_scripts_are_skipped_or_repaired() {
        let f = read(&[
            "{not json".to_string(),
            "<!-- {\"@type\": \"Article\", \"headline\": \"Line\nbreak\"} -->".to_string(),
        ]);
        assert_eq!(f.headline.as_deref(), Some("Line break"));
        assert!(read1("").headline.is_none());
        assert!(read1("[[[[[[[[[[").headline.is_none());
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        // serde_json refuses more than 128 levels; the walk itself never recurses.
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(read1(&deep).headline.is_none());
    }
}
