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
use crate::hash::{BuildFnv, BuildWords};
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

/// Hints from a `class` or `id` value: the union of its names' hints (names are separated by
/// ASCII white space).
///
/// One pass over the bytes cuts both names and tokens: values run long (a utility class per
/// style), and every distinct value of a page comes through here once.
pub(crate) fn of_tokens(value: &str) -> Hints {
    let bytes = value.as_bytes();
    let mut h = Hints::default();
    // No token of the current name yet; the current name is a state modifier.
    let mut first = true;
    let mut modifier = false;
    let mut i = 0;
    while let Some(&c) = bytes.get(i) {
        if c.is_ascii_alphabetic() {
            let start = i;
            i = token_end(bytes, i);
            let Some(tok) = bytes.get(start..i) else {
                break;
            };
            if modifier {
                continue;
            }
            if first && is_state_prefix(tok) {
                modifier = true;
            } else {
                h = h.union(of_token(tok));
            }
            first = false;
            continue;
        }
        if c.is_ascii_whitespace() {
            first = true;
            modifier = false;
        }
        i += 1;
    }
    h
}

/// The end of the token that starts with the letter at `start`: letters up to a non-letter or a
/// camelCase capital (one after a lowercase letter), which starts the next token.
pub(crate) fn token_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    let mut prev = bytes.get(start).copied().unwrap_or(0);
    while let Some(&c) = bytes.get(i) {
        if !c.is_ascii_alphabetic() || (c.is_ascii_uppercase() && prev.is_ascii_lowercase()) {
            break;
        }
        prev = c;
        i += 1;
    }
    i
}

/// Whether a name's first token opens a state modifier (`has-sidebar`, `isHidden`): then the
/// name carries no hint.
fn is_state_prefix(tok: &[u8]) -> bool {
    // (The longest prefix has seven letters: longer tokens skip the comparisons.)
    tok.len() <= 7
        && STATE_PREFIXES
            .iter()
            .any(|p| tok.eq_ignore_ascii_case(p.as_bytes()))
}

/// The hints of the `class` and `id` values already met on a page. Pages repeat the same
/// values many times over (every menu item, every card of a list), and looking a whole value
/// up costs a fraction of cutting it into tokens again.
#[derive(Default)]
pub(crate) struct Memo {
    // Keyed by the page's own strings with a fast unkeyed hash: a page that made its values
    // collide would only slow its own lookups, and the size cap bounds that. (Eight bytes a
    // step: the values run long.)
    seen: HashMap<Box<str>, Hints, BuildWords>,
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

/// Hints of whole class-name tokens, in lower case, with what rules most tokens out before
/// they are hashed.
struct Table {
    /// A hash lookup: the table is large and every class and id token of the page goes
    /// through it.
    tokens: HashMap<&'static [u8], Hints, BuildFnv>,
    /// Per lowercase first letter, a bit for each length of the tokens that start with it:
    /// most tokens of a page are in no table, and this turns nearly all of them away.
    lengths: [u64; 26],
    /// Bits of the lowercase letters that [`lexicon::CLASS_STEMS`] begin with, and end with.
    stem_firsts: u32,
    stem_lasts: u32,
}

/// The bit of a lowercase ASCII letter, or none.
fn letter_bit(c: u8) -> u32 {
    if c.is_ascii_lowercase() {
        1 << (c - b'a')
    } else {
        0
    }
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
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
    let tokens: HashMap<&'static [u8], Hints, BuildFnv> = table
        .iter()
        .flat_map(|(words, h)| words.iter().map(move |w| (w.as_bytes(), *h)))
        .collect();
    // Only tokens of lowercase letters, 2 to 32 long, are looked up (see `of_token`); other
    // entries can never match and need no bit.
    let mut lengths = [0u64; 26];
    for w in tokens.keys() {
        if let Some(&c) = w.first()
            && c.is_ascii_lowercase()
            && w.len() < 64
            && let Some(m) = lengths.get_mut(usize::from(c - b'a'))
        {
            *m |= 1 << w.len();
        }
    }
    let bits = |pick: fn(&[u8]) -> Option<&u8>| {
        lexicon::CLASS_STEMS
            .iter()
            .filter_map(|s| pick(s.as_bytes()))
            .fold(0, |m, &c| m | letter_bit(c))
    };
    Table {
        tokens,
        lengths,
        stem_firsts: bits(<[u8]>::first),
        stem_lasts: bits(<[u8]>::last),
    }
});

/// The length of the shortest of [`lexicon::CLASS_STEMS`].
const SHORTEST_STEM: usize = 5;

/// Hints of one token of ASCII letters.
fn of_token(tok: &[u8]) -> Hints {
    if tok.len() < 2 || tok.len() > 32 {
        return Hints::default();
    }
    let mut buf = [0u8; 32];
    for (d, s) in buf.iter_mut().zip(tok) {
        *d = s.to_ascii_lowercase();
    }
    let Some(t) = buf.get(..tok.len()) else {
        return Hints::default();
    };
    let (Some(&first), Some(&last)) = (t.first(), t.last()) else {
        return Hints::default();
    };
    let table = &*TABLE;
    let listed = first.is_ascii_lowercase()
        && table
            .lengths
            .get(usize::from(first.wrapping_sub(b'a')))
            .is_some_and(|m| m & (1 << t.len()) != 0);
    let whole = if listed {
        table.tokens.get(t).copied().unwrap_or_default()
    } else {
        Hints::default()
    };
    // Most tokens are short and in no table ("col", "item", "post"): no stem fits in them.
    if !whole.is_empty() || t.len() < SHORTEST_STEM {
        return whole;
    }
    // A stem at the start shares the token's first letter, one at the end its last.
    if (table.stem_firsts & letter_bit(first)) | (table.stem_lasts & letter_bit(last)) == 0 {
        return Hints::default();
    }
    // Each stem is also a whole token, and takes that token's hint.
    for stem in lexicon::CLASS_STEMS {
        if t.starts_with(stem.as_bytes()) || t.ends_with(stem.as_bytes()) {
            return table
                .tokens
                .get(stem.as_bytes())
                .copied()
                .unwrap_or_default();
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

    /// The hints of a value as first written: split into names, each name into tokens.
    fn reference(value: &str) -> Hints {
        let mut h = Hints::default();
        for name in value.split_ascii_whitespace() {
            let bytes = name.as_bytes();
            let (mut start, mut first, mut own) = (0, true, Hints::default());
            for i in 0..=bytes.len() {
                let b = bytes.get(i).copied();
                let boundary = match b {
                    None => true,
                    Some(c) if !c.is_ascii_alphabetic() => true,
                    Some(c) if c.is_ascii_uppercase() && i > start => {
                        bytes[i - 1].is_ascii_lowercase()
                    }
                    _ => false,
                };
                if boundary {
                    if i > start {
                        let tok = &bytes[start..i];
                        if first
                            && STATE_PREFIXES
                                .iter()
                                .any(|p| tok.eq_ignore_ascii_case(p.as_bytes()))
                        {
                            own = Hints::default();
                            break;
                        }
                        first = false;
                        own = own.union(of_token(tok));
                    }
                    start = if matches!(b, Some(c) if c.is_ascii_alphabetic()) {
                        i
                    } else {
                        i + 1
                    };
                }
            }
            h = h.union(own);
        }
        h
    }

    #[test]
    fn one_pass_cuts_as_names_then_tokens() {
        // Values built from pieces that exercise every boundary: case changes, digits,
        // punctuation, white space of each kind, non-ASCII letters, state prefixes, stems.
        let pieces = [
            "entry", "-", "Content", "_", "post", "sidebar", "Left", " ", "\t", "2", "has", "no",
            "is", "Hidden", "\n", "related", "Posts", "ÄÖ", "x", "  ", "share", "BAR", "footer",
            "\u{c}", "navbar", "with", "card", "\r", "é",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut checked = 0;
        for _ in 0..20_000 {
            let mut value = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let mut r = seed;
            for _ in 0..(r % 9) {
                r /= 9;
                value.push_str(pieces[(r % pieces.len() as u64) as usize]);
                r /= pieces.len() as u64;
                if r == 0 {
                    r = seed.rotate_left(31);
                }
            }
            assert_eq!(of_tokens(&value), reference(&value), "{value:?}");
            checked += u32::from(!of_tokens(&value).is_empty());
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn every_listed_token_is_looked_up() {
        // The length and letter filters in front of the hash lookup turn no listed token away.
        let mut checked = 0;
        for (&word, &h) in &TABLE.tokens {
            if (2..=32).contains(&word.len()) && word.iter().all(u8::is_ascii_lowercase) {
                assert_eq!(of_token(word), h, "{}", String::from_utf8_lossy(word));
                let upper = word.to_ascii_uppercase();
                assert_eq!(of_token(&upper), h, "{}", String::from_utf8_lossy(word));
                checked += 1;
            }
        }
        assert!(checked > 100, "{checked}");
        assert!(of_token(b"zzzzzz").is_empty());
        // camelCase splits the state prefix off as the first token too.
        assert!(of_tokens("hasSidebar").is_empty());
        assert_eq!(
            of_tokens("postSidebar"),
            Hints::CONTENT.union(Hints::SIDEBAR)
        );
    }

    #[test]
    fn every_stem_is_a_token_with_a_hint() {
        for stem in lexicon::CLASS_STEMS {
            assert!(!of_token(stem.as_bytes()).is_empty(), "{stem}");
            assert_eq!(
                of_token(format!("x{stem}").as_bytes()),
                of_token(stem.as_bytes()),
                "{stem}"
            );
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
