//! The page type: what kind of page this is, learned from the training set's labels.
//!
//! Articles keep their prose and drop the rest; a listing's or a shop's text is its short items.
//! The block score reads the type's probabilities (see [`super::block_features`]), so one model
//! serves every kind of page without a rule per kind.

use crate::blocks::view::BlockView;
use crate::features::hints::Hints;
use crate::meta::Declared;

use super::flag;

/// The kind of page, as the page-type classifier judges it from the page's blocks.
///
/// ```
/// use unboil::PageType;
///
/// let page = "<article><h1>Bridge reopens</h1><p>The bridge reopened on Monday after two \
///             years of repairs, the city said in a statement on its website.</p>\
///             <p>Traffic was light in the morning, and cyclists returned by noon.</p></article>";
/// let page_type: Option<PageType> = unboil::extract(page).page_type();
/// let page_type = page_type.expect("HTML mode always judges the type");
/// assert_eq!(page_type.as_str(), page_type.to_string());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "lowercase")
)]
#[non_exhaustive]
pub enum PageType {
    /// A news story, a blog post, a recipe: prose under a headline.
    Article,
    /// A collection of other pages: a category, a tag page, a blog's front page.
    Collection,
    /// Documentation: reference pages, guides, API docs.
    Documentation,
    /// A discussion: a forum thread, questions and answers.
    Forum,
    /// A listing of items: search results, a directory, events, jobs.
    Listing,
    /// A product page of a shop.
    Product,
    /// A page about a service or an organisation: a landing page, "about", pricing.
    Service,
}

impl PageType {
    /// Every type, in the order of the classifier's weights.
    pub(crate) const ALL: [PageType; N_TYPES] = [
        PageType::Article,
        PageType::Collection,
        PageType::Documentation,
        PageType::Forum,
        PageType::Listing,
        PageType::Product,
        PageType::Service,
    ];

    /// The type's name in lower case, as in JSON: `"article"`, `"forum"`…
    ///
    /// ```
    /// assert_eq!(unboil::PageType::Product.as_str(), "product");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            PageType::Article => "article",
            PageType::Collection => "collection",
            PageType::Documentation => "documentation",
            PageType::Forum => "forum",
            PageType::Listing => "listing",
            PageType::Product => "product",
            PageType::Service => "service",
        }
    }

    /// Its place in [`PageType::ALL`], the order of the classifiers' weights.
    pub(crate) fn index(self) -> usize {
        PageType::ALL.iter().position(|&u| u == self).unwrap_or(0)
    }

    /// The type named `name` (as [`PageType::as_str`] gives it), for training labels.
    pub(crate) fn from_name(name: &str) -> Option<PageType> {
        PageType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

impl std::fmt::Display for PageType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Number of page types.
pub(crate) const N_TYPES: usize = 7;

/// Number of page features.
pub(crate) const N_PAGE: usize = 23;

/// What the page-type classifier reads: shares and counts over the whole page.
pub(crate) fn page_features(
    blocks: &[BlockView<'_>],
    prose: &[f32],
    container: (usize, usize),
    forum_thread: bool,
    declared: Declared,
) -> [f32; N_PAGE] {
    let n = blocks.len().max(1) as f32;
    let mut chars = 0.0f32;
    let mut link_heavy = 0.0f32;
    let mut prose_chars = 0.0f32;
    let mut long_chars = 0.0f32;
    let mut container_chars = 0.0f32;
    let mut words = 0.0f32;
    let mut counts = [0.0f32; 9];
    for (i, b) in blocks.iter().enumerate() {
        let c = b.weighted_chars();
        chars += c;
        words += b.stats.words as f32;
        if b.link_density() > 0.5 {
            link_heavy += c;
        }
        if prose.get(i).is_some_and(|&p| p > 0.0) {
            prose_chars += c;
        }
        if c >= 200.0 {
            long_chars += c;
        }
        if i >= container.0 && i < container.1 {
            container_chars += c;
        }
        let kind = b.raw.kind;
        let flags = [
            kind == crate::BlockKind::ListItem,
            matches!(
                kind,
                crate::BlockKind::TableCell | crate::BlockKind::TableRow
            ),
            kind.is_heading(),
            kind == crate::BlockKind::Code,
            b.path_repeats >= 5,
            b.hints.has(Hints::COMMENT),
            b.hints.has(Hints::SHOP),
            b.hints.has(Hints::REVIEW),
            b.stats.digits * 4 > b.stats.chars,
        ];
        for (count, f) in counts.iter_mut().zip(flags) {
            if f {
                *count += 1.0;
            }
        }
    }
    let total = chars.max(1.0);
    let [
        lists,
        tables,
        headings,
        code,
        repeated,
        comments,
        shop,
        review,
        digits,
    ] = counts;
    [
        1.0,
        (1.0 + n).ln(),
        (1.0 + chars).ln(),
        link_heavy / total,
        prose_chars / total,
        container_chars / total,
        long_chars / total,
        (1.0 + words / n).ln(),
        lists / n,
        tables / n,
        headings / n,
        code / n,
        repeated / n,
        comments / n,
        shop / n,
        review / n,
        digits / n,
        flag(forum_thread),
        // 18: what the page says it is (schema.org, Open Graph).
        flag(declared.article),
        flag(declared.product),
        flag(declared.list),
        flag(declared.qa),
        flag(declared.faq),
    ]
}

/// The probability of each type (in [`PageType::ALL`]'s order): a softmax over one linear
/// score per type.
pub(crate) fn probabilities(x: &[f32; N_PAGE], weights: &[f32]) -> [f32; N_TYPES] {
    probabilities_of(x, weights)
}

/// As [`probabilities`], over features of any number (text mode's page features): `weights`
/// holds `x.len()` weights per type.
pub(crate) fn probabilities_of(x: &[f32], weights: &[f32]) -> [f32; N_TYPES] {
    let n = x.len();
    let mut z = [0.0f32; N_TYPES];
    for (t, zt) in z.iter_mut().enumerate() {
        *zt = weights
            .get(t * n..(t + 1) * n)
            .map_or(0.0, |w| x.iter().zip(w).map(|(a, b)| a * b).sum());
    }
    let max = z.iter().copied().fold(f32::MIN, f32::max);
    let mut sum = 0.0;
    for zt in &mut z {
        *zt = (*zt - max).exp();
        sum += *zt;
    }
    for zt in &mut z {
        *zt /= sum.max(f32::MIN_POSITIVE);
    }
    z
}

/// The most probable type (the first on a tie).
pub(crate) fn most_probable(p: &[f32; N_TYPES]) -> PageType {
    let mut best = 0;
    for (i, v) in p.iter().enumerate() {
        if *v > p.get(best).copied().unwrap_or(0.0) {
            best = i;
        }
    }
    PageType::ALL
        .get(best)
        .copied()
        .unwrap_or(PageType::Article)
}
