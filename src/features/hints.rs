//! Markup hints: what an element's tag, `class`, `id`, `role` and `itemprop` suggest about the
//! text inside it. Hints are evidence for the classifier, never a verdict on their own.
//!
//! Class and id values are cut into tokens at every character that is not an ASCII letter
//! (`entry-content`, `article__body`, `post_text2`) and at lower-to-upper case changes
//! (`relatedPosts`); each token is looked up whole, then by a few stems that appear glued to
//! other words (`sharebar`, `sidebarleft`).

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::features::lexicon::{self, STATE_PREFIXES};
use crate::hash::BuildFnv;
use crate::parse::dom::{Element, Tag};

/// A set of hint categories, as bits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub(crate) struct Hints(pub u32);

impl Hints {
    pub const NAV: Hints = Hints(1);
    pub const FOOTER: Hints = Hints(1 << 1);
    pub const HEADER: Hints = Hints(1 << 2);
    pub const SIDEBAR: Hints = Hints(1 << 3);
    pub const RELATED: Hints = Hints(1 << 4);
    pub const SHARE: Hints = Hints(1 << 5);
    pub const COMMENT: Hints = Hints(1 << 6);
    pub const AD: Hints = Hints(1 << 7);
    pub const CONSENT: Hints = Hints(1 << 8);
    pub const META: Hints = Hints(1 << 9);
    pub const HIDDEN: Hints = Hints(1 << 10);
    /// Class or id says article, content, post, entry, body, story, text.
    pub const CONTENT: Hints = Hints(1 << 11);
    /// `<article>` or role/itemtype article.
    pub const ARTICLE: Hints = Hints(1 << 12);
    /// `<main>` or role main.
    pub const MAIN: Hints = Hints(1 << 13);
    /// `itemprop="articleBody"` and the like: the page says this is the body.
    pub const BODY_PROP: Hints = Hints(1 << 14);
    pub const FORM: Hints = Hints(1 << 15);
    /// A list of teasers: class says list, card, teaser, grid, feed, tile.
    pub const TEASER: Hints = Hints(1 << 16);
    pub const CAPTION: Hints = Hints(1 << 17);
    /// Who wrote it: byline, author, credit.
    pub const BYLINE: Hints = Hints(1 << 18);
    /// When: date, time, timestamp.
    pub const DATE: Hints = Hints(1 << 19);
    /// Tags, categories, keywords, topics.
    pub const TAGS: Hints = Hints(1 << 20);
    /// Reviews, ratings, testimonials.
    pub const REVIEW: Hints = Hints(1 << 21);
    /// Shop controls: price, cart, quantity, stock, wishlist.
    pub const SHOP: Hints = Hints(1 << 22);
    /// Microdata says the page is a forum thread (`DiscussionForumPosting`): its replies are its
    /// text, not comments below it.
    pub const FORUM_THREAD: Hints = Hints(1 << 23);
    /// A modal dialog (`<dialog>`, role dialog, `aria-modal`): a pop-up over the page, such as
    /// a policy or a size chart that a link opens, not the page's own text.
    pub const DIALOG: Hints = Hints(1 << 24);

    /// Any of the categories that describe the article rather than tell it: meta, byline, date,
    /// tags. The metadata reader looks inside these.
    pub const METADATA: Hints = Hints(Self::META.0 | Self::BYLINE.0 | Self::DATE.0 | Self::TAGS.0);

    pub fn has(self, other: Hints) -> bool {
        self.0 & other.0 != 0
    }

    pub fn union(self, other: Hints) -> Hints {
        Hints(self.0 | other.0)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Names of the categories present, for explanations.
    pub fn names(self) -> Vec<&'static str> {
        const NAMES: [&str; 25] = [
            "nav",
            "footer",
            "header",
            "sidebar",
            "related",
            "share",
            "comment",
            "ad",
            "consent",
            "meta",
            "hidden",
            "content",
            "article",
            "main",
            "body",
            "form",
            "teaser",
            "caption",
            "byline",
            "date",
            "tags",
            "review",
            "shop",
            "forum_thread",
            "dialog",
        ];
        NAMES
            .iter()
            .enumerate()
            .filter(|(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, n)| *n)
            .collect()
    }
}

/// Hints from a `class` or `id` value: the union of its names' hints.
pub(crate) fn of_tokens(value: &str) -> Hints {
    value
        .split_ascii_whitespace()
        .fold(Hints::default(), |h, name| h.union(of_class_name(name)))
}

/// The hints of the `class` and `id` values already met on a page. Pages repeat the same
/// values many times over (every menu item, every card of a list), and looking a whole value
/// up costs a fraction of cutting it into tokens again.
#[derive(Default)]
pub(crate) struct Memo {
    // Keyed by the page's own strings with a fast unkeyed hash: a page that made its values
    // collide would only slow its own lookups, and the size cap bounds that.
    seen: HashMap<Box<str>, Hints, BuildFnv>,
}

impl Memo {
    /// Values longer than this are looked at every time rather than stored.
    const MAX_VALUE: usize = 200;
    /// At most this many values are stored per page.
    const MAX_VALUES: usize = 4096;

    fn of_tokens(&mut self, value: &str) -> Hints {
        if value.len() > Self::MAX_VALUE {
            return of_tokens(value);
        }
        if let Some(h) = self.seen.get(value) {
            return *h;
        }
        let h = of_tokens(value);
        if self.seen.len() < Self::MAX_VALUES {
            self.seen.insert(value.into(), h);
        }
        h
    }
}

/// The hints an element carries by itself (not inherited).
pub(crate) fn of_element(el: Element<'_>, memo: &mut Memo) -> Hints {
    let mut h = match el.tag() {
        Tag::Nav => Hints::NAV,
        Tag::Footer => Hints::FOOTER,
        Tag::Header => Hints::HEADER,
        Tag::Aside => Hints::SIDEBAR,
        Tag::Article => Hints::ARTICLE,
        Tag::Main => Hints::MAIN,
        Tag::Form => Hints::FORM,
        Tag::Figcaption | Tag::Caption => Hints::CAPTION,
        // Shown only without JavaScript: usually "please enable JavaScript", sometimes the whole
        // page for crawlers (then the hint is dropped as layout, see `classify::views`).
        Tag::Noscript => Hints::HIDDEN,
        // A `<dialog>` without `open` is not shown until a script opens it.
        Tag::Dialog if el.attr("open").is_none() => Hints::DIALOG,
        _ => Hints::default(),
    };
    el.for_each_attr(|name, value| match name {
        "class" | "id" => h = h.union(memo.of_tokens(value)),
        // WAI-ARIA landmark roles: a documented convention, matched here rather than in the lexicon.
        "role" => {
            h = h.union(match value.trim().to_ascii_lowercase().as_str() {
                "navigation" | "menu" | "menubar" | "toolbar" => Hints::NAV,
                "contentinfo" => Hints::FOOTER,
                "banner" => Hints::HEADER,
                "complementary" => Hints::SIDEBAR,
                "main" => Hints::MAIN,
                "article" => Hints::ARTICLE,
                "dialog" | "alertdialog" => Hints(Hints::CONSENT.0 | Hints::DIALOG.0),
                _ => Hints::default(),
            })
        }
        // schema.org property names: a documented convention, as the roles above.
        "itemprop" => {
            for token in value.split_ascii_whitespace() {
                h = h.union(match token {
                    "articleBody" | "reviewBody" | "text" | "mainEntityOfPage" => Hints::BODY_PROP,
                    "comment" => Hints::COMMENT,
                    "author" | "creator" => Hints::BYLINE,
                    "datePublished" | "dateModified" | "dateCreated" => Hints::DATE,
                    "keywords" => Hints::TAGS,
                    "review" | "aggregateRating" | "ratingValue" => Hints::REVIEW,
                    _ => Hints::default(),
                });
            }
        }
        "itemtype" if value.ends_with("/Comment") => h = h.union(Hints::COMMENT),
        "itemtype" if is_forum_thread_type(value) => h = h.union(Hints::FORUM_THREAD),
        "hidden" => h = h.union(Hints::HIDDEN),
        "aria-hidden" if value.eq_ignore_ascii_case("true") => h = h.union(Hints::HIDDEN),
        "aria-modal" if value.eq_ignore_ascii_case("true") => h = h.union(Hints::DIALOG),
        "style" if is_hidden_style(value) => h = h.union(Hints::HIDDEN),
        _ => {}
    });
    h
}

/// Whether a schema.org type names a forum thread, whose replies are its text.
///
/// Not `QAPage`: a question page's answers are its text, but the comments under each post are
/// comments, as on a blog.
pub(crate) fn is_forum_thread_type(itemtype: &str) -> bool {
    itemtype.rsplit('/').next().unwrap_or(itemtype).trim() == "DiscussionForumPosting"
}

fn is_hidden_style(style: &str) -> bool {
    // Cheap check first: most style attributes mention neither.
    if !style.contains("none") && !style.contains("hidden") {
        return false;
    }
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

/// Hints from one class name (or an id): its tokens, unless it is a state modifier.
fn of_class_name(name: &str) -> Hints {
    let mut h = Hints::default();
    let bytes = name.as_bytes();
    let mut start = 0;
    let mut first = true;
    for i in 0..=bytes.len() {
        let b = bytes.get(i).copied();
        let boundary = match b {
            None => true,
            Some(c) if !c.is_ascii_alphabetic() => true,
            // camelCase: a capital after a lowercase letter starts a new token.
            Some(c) if c.is_ascii_uppercase() && i > start => {
                bytes.get(i - 1).is_some_and(|p| p.is_ascii_lowercase())
            }
            _ => false,
        };
        if boundary {
            if i > start
                && let Some(tok) = name.get(start..i)
            {
                // (The longest prefix has seven letters: longer tokens skip the comparisons.)
                if first
                    && tok.len() <= 7
                    && STATE_PREFIXES.iter().any(|p| tok.eq_ignore_ascii_case(p))
                {
                    return Hints::default();
                }
                first = false;
                h = h.union(of_token(tok));
            }
            start = if matches!(b, Some(c) if c.is_ascii_alphabetic()) {
                i
            } else {
                i + 1
            };
        }
    }
    h
}

/// Hints of whole class-name tokens, in lower case. A hash lookup: the table is large and
/// every class and id token of the page goes through it.
static TOKENS: LazyLock<HashMap<&'static [u8], Hints, BuildFnv>> = LazyLock::new(|| {
    let table: &[(&[&str], Hints)] = &[
        (lexicon::NAV_TOKENS, Hints::NAV),
        (lexicon::FOOTER_TOKENS, Hints::FOOTER),
        (lexicon::HEADER_TOKENS, Hints::HEADER),
        (lexicon::SIDEBAR_TOKENS, Hints::SIDEBAR),
        (lexicon::RELATED_TOKENS, Hints::RELATED),
        (lexicon::SHARE_TOKENS, Hints::SHARE),
        (lexicon::COMMENT_TOKENS, Hints::COMMENT),
        (lexicon::AD_TOKENS, Hints::AD),
        (lexicon::CONSENT_TOKENS, Hints::CONSENT),
        (lexicon::META_TOKENS, Hints::META),
        (lexicon::BYLINE_TOKENS, Hints::BYLINE),
        (lexicon::DATE_TOKENS, Hints::DATE),
        (lexicon::TAGS_TOKENS, Hints::TAGS),
        (lexicon::REVIEW_TOKENS, Hints::REVIEW),
        (lexicon::SHOP_TOKENS, Hints::SHOP),
        (lexicon::FORM_TOKENS, Hints::FORM),
        (lexicon::HIDDEN_TOKENS, Hints::HIDDEN),
        (lexicon::CONTENT_TOKENS, Hints::CONTENT),
        (lexicon::TEASER_TOKENS, Hints::TEASER),
        (lexicon::CAPTION_TOKENS, Hints::CAPTION),
    ];
    table
        .iter()
        .flat_map(|(words, h)| words.iter().map(move |w| (w.as_bytes(), *h)))
        .collect()
});

/// The length of the shortest of [`lexicon::CLASS_STEMS`].
const SHORTEST_STEM: usize = 5;

fn of_token(tok: &str) -> Hints {
    if tok.len() < 2 || tok.len() > 32 {
        return Hints::default();
    }
    let mut buf = [0u8; 32];
    for (d, s) in buf.iter_mut().zip(tok.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    // Tokens are runs of ASCII letters: compared as bytes, no UTF-8 check needed.
    let Some(t) = buf.get(..tok.len()) else {
        return Hints::default();
    };
    let whole = TOKENS.get(t).copied().unwrap_or_default();
    // Most tokens are short and in no table ("col", "item", "post"): no stem fits in them.
    if !whole.is_empty() || t.len() < SHORTEST_STEM {
        return whole;
    }
    // Each stem is also a whole token, and takes that token's hint.
    for stem in lexicon::CLASS_STEMS {
        if t.starts_with(stem.as_bytes()) || t.ends_with(stem.as_bytes()) {
            return TOKENS.get(stem.as_bytes()).copied().unwrap_or_default();
        }
    }
    Hints::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_on_punctuation_and_case() {
        assert!(of_tokens("entry-content").has(Hints::CONTENT));
        assert!(of_tokens("article__body main").has(Hints::CONTENT));
        assert!(of_tokens("relatedPosts").has(Hints::RELATED));
        assert!(of_tokens("post-sharebar").has(Hints::SHARE));
        assert!(of_tokens("site-footer2").has(Hints::FOOTER));
        assert!(of_tokens("c-comments__list").has(Hints::COMMENT));
        assert!(of_tokens("").is_empty());
        assert!(of_tokens("shadow padded").is_empty());
        // "ad" only as a whole token: "header" and "shadow" contain it but are not ads.
        assert!(!of_tokens("shadow").has(Hints::AD));
        assert!(of_tokens("ad-slot").has(Hints::AD));
        // State modifiers describe the surroundings, not the element.
        assert!(of_tokens("has-sidebar no-comments").is_empty());
        assert_eq!(of_tokens("post has-sidebar"), Hints::CONTENT);
        assert!(of_tokens("is-hidden").is_empty());
    }

    #[test]
    fn shortest_stem_is_the_shortest() {
        assert_eq!(
            lexicon::CLASS_STEMS.iter().map(|s| s.len()).min(),
            Some(SHORTEST_STEM)
        );
    }

    #[test]
    fn every_stem_is_a_token_with_a_hint() {
        for stem in lexicon::CLASS_STEMS {
            assert!(!of_token(stem).is_empty(), "{stem}");
            assert_eq!(of_token(&format!("x{stem}")), of_token(stem), "{stem}");
        }
    }

    #[test]
    fn memo_answers_as_the_tokens_do() {
        let mut memo = Memo::default();
        let long = "post-body ".repeat(40) + "sidebar";
        for value in [
            "entry-content",
            "menu-item",
            "entry-content",
            "",
            &long,
            &long,
        ] {
            assert_eq!(memo.of_tokens(value), of_tokens(value), "{value}");
        }
        // Past the cap new values are still answered, only not stored.
        for i in 0..Memo::MAX_VALUES + 10 {
            let value = format!("c{i} related");
            assert_eq!(memo.of_tokens(&value), Hints::RELATED);
        }
        assert_eq!(memo.seen.len(), Memo::MAX_VALUES);
    }

    #[test]
    fn modal_dialogs_are_marked_unless_open() {
        use crate::parse::dom::{ParseLimits, Visitor, parse};
        struct Marks(Vec<bool>);
        impl Visitor for Marks {
            fn open(&mut self, el: Element<'_>) -> bool {
                if matches!(el.tag(), Tag::Div | Tag::Dialog) {
                    let h = of_element(el, &mut Memo::default());
                    self.0.push(h.has(Hints::DIALOG));
                }
                true
            }
            fn close(&mut self, _: Element<'_>) {}
            fn text(&mut self, _: &str) {}
        }
        let html = r#"<div role="dialog">a</div><div aria-modal="true">b</div>
            <dialog>c</dialog><dialog open>d</dialog><div role="main">e</div>"#;
        let limits = ParseLimits {
            max_depth: 64,
            max_nodes: 1000,
            memory_budget: usize::MAX,
        };
        let mut marks = Marks(Vec::new());
        parse(html, limits).unwrap().walk(&mut marks);
        assert_eq!(marks.0, vec![true, true, true, false, false]);
    }

    #[test]
    fn non_ascii_values_do_not_panic() {
        assert!(of_tokens("контент ÄÖ 記事").is_empty());
        assert!(of_tokens("éartícle-body").has(Hints::CONTENT));
    }
}
