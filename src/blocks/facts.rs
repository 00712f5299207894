//! Raw facts gathered during the segmenting walk, for the metadata readers.
//!
//! The walk that cuts the page into blocks also records what the metadata needs, so the page is
//! walked once: the head's `<title>`, `<meta>`, `<link>` and JSON-LD scripts (gathered in
//! `segment.rs`), and in the body, through [`BodyFacts`], microdata `itemprop` values, `<time>`
//! elements, bylines (`rel="author"` links, elements whose class or id says author or byline),
//! date stamps and `rel="tag"` links. Each body fact keeps the index of the block where it
//! stood, so that the readers can prefer facts near the main text over those in a sidebar.
//!
//! The body hook costs one attribute lookup (`itemprop`) per element; class and id are only
//! tokenised for elements whose hints already say "metadata" (byline, author, date, …), and
//! text is only copied while a fact is being captured.

use std::sync::LazyLock;

use memchr::memmem;

use crate::features::hints::token_end;
use crate::parse::dom::{Element, Tag};

/// What the page told about itself, before any reading or cleaning.
#[derive(Debug, Default, Clone)]
pub(crate) struct PageFacts {
    /// Text of `<title>`.
    pub title: Option<String>,
    /// `<meta>` pairs: (`property`, `name`, `itemprop` or `http-equiv`, lowercased; `content`).
    pub meta: Vec<(String, String)>,
    /// Contents of `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    /// `<html lang>`.
    pub lang: Option<String>,
    /// `dir` of `<body>`, else of `<html>`, lowercased, when it is `ltr` or `rtl`.
    pub dir: Option<String>,
    /// `<link rel=canonical href>`.
    pub canonical: Option<String>,
    /// Facts found in the body, in document order.
    pub found: Vec<Found>,
}

/// What a body fact states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Prop {
    /// `itemprop="headline"`.
    Headline,
    /// `itemprop="author"` (or its nested `name`).
    Author,
    /// A link to an author: `rel="author"`, or an `href` into an author archive.
    AuthorLink,
    /// An element whose class or id says byline or author.
    Byline,
    /// A publication date: `itemprop="datePublished"`, `<time pubdate>`, a `published` class.
    Published,
    /// A modification date: `itemprop="dateModified"`, an `updated` class.
    Modified,
    /// A `<time>` or a date-classed element that does not say which date it is.
    Date,
    /// A `rel="tag"` link or `itemprop="keywords"`.
    Tag,
    /// A `rel="category"` link or `itemprop="articleSection"`.
    Category,
    /// `itemprop="image"`.
    Image,
    /// `itemprop="description"`.
    Description,
}

/// One fact from the body.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub prop: Prop,
    /// The value as written (attribute) or the element's text, white space collapsed.
    pub value: String,
    /// Index of the block the element started in (blocks come in document order).
    pub block: u32,
}

/// Facts kept per page at most; real pages have a handful.
const MAX_FOUND: usize = 96;
/// Characters of text kept per captured element; bylines and dates are short.
const MAX_CAPTURE: usize = 240;

/// An element whose text is being captured.
struct Capture {
    prop: Prop,
    /// Open-element depth at which the element closes.
    depth: usize,
    block: u32,
    text: String,
    /// An `itemprop="author"` element that held an `itemprop="name"`: the name is the value.
    named: bool,
}

/// Where in the walk an element opens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place {
    /// The element's own class, id or itemprop hints say "metadata".
    pub own_meta: bool,
    /// An ancestor's hints say "metadata".
    pub in_meta: bool,
    /// Inside a comment section, where authors and dates are the commenters'.
    pub in_comment: bool,
    /// The walk's open-element count before this element; the matching
    /// [`BodyFacts::close`] gets the same number.
    pub depth: usize,
    /// Index of the current block.
    pub block: u32,
}

/// Collects facts from the body during the segmenting walk.
#[derive(Default)]
pub(crate) struct BodyFacts {
    open: Vec<Capture>,
}

impl BodyFacts {
    /// Whether text should be passed to [`BodyFacts::text`].
    pub fn capturing(&self) -> bool {
        !self.open.is_empty()
    }

    /// An element opens, at the place in the walk that `at` describes.
    ///
    /// Only elements with a "metadata" hint (their own or an ancestor's: byline, author, date,
    /// tags, an `itemprop` such as `author`), links, `<time>`, `<meta>`, `<html>` and `<body>`
    /// are looked at; the others cost one test. That misses a microdata `headline` outside such
    /// containers, which JSON-LD and OpenGraph state on nearly every page anyway.
    pub fn open(&mut self, facts: &mut PageFacts, el: Element<'_>, at: Place) {
        let tag = el.tag();
        if self.capturing() && !is_inline(tag) {
            self.separate();
        }
        // Links to author pages stand outside bylines often enough to look at every link.
        let always = matches!(tag, Tag::Time | Tag::Meta | Tag::Html | Tag::Body | Tag::A);
        if !(at.own_meta || at.in_meta || always) {
            return;
        }
        let (hinted, depth, block) = (at.own_meta, at.depth, at.block);
        if matches!(tag, Tag::Html | Tag::Body) {
            if let Some(dir) = el.attr("dir") {
                let dir = dir.trim().to_ascii_lowercase();
                if (dir == "rtl" || dir == "ltr") && (tag == Tag::Body || facts.dir.is_none()) {
                    facts.dir = Some(dir);
                }
            }
            return;
        }
        if at.in_comment || facts.found.len() >= MAX_FOUND {
            return;
        }
        let in_author = self.open.iter().any(|c| c.prop == Prop::Author);
        let prop = el.attr("itemprop").and_then(|ip| {
            ip.split_ascii_whitespace()
                .find_map(|p| item_prop(p, in_author))
        });
        if let Some(prop) = prop {
            let value = el
                .attr("content")
                .or_else(|| match tag {
                    Tag::Time => el.attr("datetime"),
                    Tag::A if prop == Prop::Image => el.attr("href"),
                    _ => None,
                })
                .map(|v| v.trim().to_string());
            match value {
                Some(v) if !v.is_empty() => facts.found.push(Found {
                    prop,
                    value: v,
                    block,
                }),
                // A void element has no text to capture.
                _ if tag == Tag::Meta => {}
                _ => self.capture(prop, depth, block),
            }
            return;
        }
        if tag == Tag::Meta {
            return;
        }
        match tag {
            Tag::Time => {
                let prop = if el.attr("pubdate").is_some() {
                    Prop::Published
                } else if hinted {
                    ClassKind::of(el).date.unwrap_or(Prop::Date)
                } else {
                    Prop::Date
                };
                match el.attr("datetime").map(|v| v.trim().to_string()) {
                    Some(v) if !v.is_empty() => facts.found.push(Found {
                        prop,
                        value: v,
                        block,
                    }),
                    _ => self.capture(prop, depth, block),
                }
            }
            Tag::A => {
                // One pass over the attributes: links are the most common element.
                let (mut rel, mut author_href) = (Rel::None, false);
                el.for_each_attr(|name, value| match name {
                    "rel" => rel = Rel::of(value),
                    "href" => author_href = is_author_href(value),
                    _ => {}
                });
                match rel {
                    Rel::Author => self.capture(Prop::AuthorLink, depth, block),
                    Rel::Category => self.capture(Prop::Category, depth, block),
                    Rel::Tag => self.capture(Prop::Tag, depth, block),
                    Rel::None if author_href => self.capture(Prop::AuthorLink, depth, block),
                    Rel::None if hinted => self.hinted(el, depth, block),
                    Rel::None => {}
                }
            }
            _ if hinted => self.hinted(el, depth, block),
            _ => {}
        }
    }

    /// An element whose hints say "metadata": is it a byline or a date stamp?
    fn hinted(&mut self, el: Element<'_>, depth: usize, block: u32) {
        let kind = ClassKind::of(el);
        if let Some(p) = kind.date {
            self.capture(p, depth, block);
        } else if kind.byline && !kind.not_name {
            self.capture(Prop::Byline, depth, block);
        }
    }

    fn capture(&mut self, prop: Prop, depth: usize, block: u32) {
        if self.open.len() < 8 {
            self.open.push(Capture {
                prop,
                depth,
                block,
                text: String::new(),
                named: false,
            });
        }
    }

    /// Text inside the open elements, white space collapsed; text nodes are joined with the
    /// spaces the source had and no others.
    pub fn text(&mut self, s: &str) {
        for c in &mut self.open {
            if c.text.len() >= MAX_CAPTURE {
                continue;
            }
            for (i, w) in s.split(char::is_whitespace).enumerate() {
                if w.is_empty() {
                    continue;
                }
                // The piece before the first white space continues the previous text.
                if i > 0 && !c.text.is_empty() && !c.text.ends_with(' ') {
                    c.text.push(' ');
                }
                c.text.push_str(w);
            }
            if s.ends_with(char::is_whitespace) && !c.text.is_empty() && !c.text.ends_with(' ') {
                c.text.push(' ');
            }
        }
    }

    /// A block-level element inside a captured one separates words.
    fn separate(&mut self) {
        for c in &mut self.open {
            if !c.text.is_empty() && !c.text.ends_with(' ') {
                c.text.push(' ');
            }
        }
    }

    /// An element closes; `depth` is the walk's open-element count after popping it.
    pub fn close(&mut self, facts: &mut PageFacts, depth: usize) {
        while self.open.last().is_some_and(|c| c.depth >= depth) {
            let Some(c) = self.open.pop() else { break };
            if c.prop == Prop::Author {
                if let Some(outer) = self.open.iter_mut().rev().find(|o| o.prop == Prop::Author) {
                    // A nested name: the name is the author, not the whole element's text.
                    outer.named = true;
                } else if c.named {
                    continue;
                }
            }
            let value = c.text.trim().to_string();
            if !value.is_empty() && facts.found.len() < MAX_FOUND {
                facts.found.push(Found {
                    prop: c.prop,
                    value,
                    block: c.block,
                });
            }
        }
    }
}

fn is_inline(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::A
            | Tag::Abbr
            | Tag::B
            | Tag::Em
            | Tag::I
            | Tag::Small
            | Tag::Span
            | Tag::Strong
            | Tag::U
            | Tag::Mark
            | Tag::Cite
    )
}

/// The fact an `itemprop` token names, if it is one the metadata uses. `name` counts only
/// inside an author.
fn item_prop(p: &str, in_author: bool) -> Option<Prop> {
    Some(match p {
        "headline" => Prop::Headline,
        "author" | "creator" => Prop::Author,
        "name" if in_author => Prop::Author,
        "datePublished" | "dateCreated" => Prop::Published,
        "dateModified" => Prop::Modified,
        "keywords" => Prop::Tag,
        "articleSection" => Prop::Category,
        "image" => Prop::Image,
        "description" => Prop::Description,
        _ => return None,
    })
}

/// What a link's `rel` says, of what the metadata uses.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Rel {
    None,
    Author,
    Category,
    Tag,
}

impl Rel {
    fn of(value: &str) -> Rel {
        let mut rel = Rel::None;
        for token in value.split_ascii_whitespace() {
            if token.eq_ignore_ascii_case("author") {
                return Rel::Author;
            } else if token.eq_ignore_ascii_case("category") {
                rel = Rel::Category;
            } else if token.eq_ignore_ascii_case("tag") && rel == Rel::None {
                rel = Rel::Tag;
            }
        }
        rel
    }
}

/// Whether a link points into an author archive (`/author/name`, `/authors/name`).
fn is_author_href(href: &str) -> bool {
    // `/author/` or `/authors/`: one search for their common start (built once; every link
    // of the page comes here), then a look at what follows each match.
    static AUTHOR: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new("/author"));
    let b = href.as_bytes();
    AUTHOR.find_iter(b).any(|i| {
        let rest = b.get(i + "/author".len()..).unwrap_or_default();
        rest.starts_with(b"/") || rest.starts_with(b"s/")
    })
}

/// What the class and id tokens of a metadata element say.
#[derive(Default)]
struct ClassKind {
    /// Which date it holds; a specific kind wins over a plain "date".
    date: Option<Prop>,
    /// A byline or author element.
    byline: bool,
    /// A part of an author box that is not the name (bio, avatar), or a commenter.
    not_name: bool,
}

impl ClassKind {
    fn of(el: Element<'_>) -> ClassKind {
        let mut k = ClassKind::default();
        class_tokens(el, |t| {
            let date = match t {
                "published" | "pubdate" | "posted" | "created" | "publish" | "publishdate" => {
                    Some(Prop::Published)
                }
                "updated" | "modified" | "lastmod" | "update" => Some(Prop::Modified),
                "date" | "dateline" | "timestamp" | "time" => Some(Prop::Date),
                "byline" | "byl" | "author" | "authors" | "writer" | "contributor" => {
                    k.byline = true;
                    None
                }
                "bio" | "avatar" | "image" | "img" | "photo" | "description" | "desc"
                | "comment" | "comments" | "reply" | "box" | "about" => {
                    k.not_name = true;
                    None
                }
                _ => None,
            };
            if date.is_some() && (k.date.is_none() || k.date == Some(Prop::Date)) {
                k.date = date;
            }
            false
        });
        k
    }
}

/// Calls `f` on the lowercased ASCII-letter tokens of the class and id values (split like the
/// classifier's hints: at non-letters and at lower-to-upper case changes) until it returns true.
fn class_tokens(el: Element<'_>, mut f: impl FnMut(&str) -> bool) -> bool {
    let mut found = false;
    el.for_each_attr(|name, value| {
        if found || !(name == "class" || name == "id") {
            return;
        }
        let bytes = value.as_bytes();
        let mut buf = [0u8; 24];
        let mut i = 0;
        while let Some(&c) = bytes.get(i) {
            if !c.is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let start = i;
            i = token_end(bytes, start);
            let len = i - start;
            if (2..=buf.len()).contains(&len)
                && let (Some(tok), Some(src)) = (buf.get_mut(..len), bytes.get(start..i))
            {
                tok.copy_from_slice(src);
                tok.make_ascii_lowercase();
                if std::str::from_utf8(tok).is_ok_and(&mut f) {
                    found = true;
                    return;
                }
            }
        }
    });
    found
}

#[cfg(test)]
mod author_href_tests {
    use super::is_author_href;

    #[test]
    fn author_pages_are_found_by_path() {
        for (href, yes) in [
            ("https://example.org/author/jane-doe/", true),
            ("/authors/jane", true),
            ("/author", false),
            ("/authorship/x", false),
            ("/authors", false),
            ("/about/author-guidelines/", false),
            ("/x/author/author/", true),
            ("/author/authors/", true),
            ("/authorauthors/", false),
            ("", false),
        ] {
            assert_eq!(is_author_href(href), yes, "{href}");
            let old = href.contains("/author/") || href.contains("/authors/");
            assert_eq!(old, yes, "{href}");
        }
    }
}
