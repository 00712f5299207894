//! What the `train` example needs from inside the crate: every block's features, the labelling
//! rule, the fitting of a linear score, and extraction with weights other than the shipped ones.
//!
//! Not part of the crate's API (hidden from the docs, exempt from semver): it exists so that
//! every learned number is fitted by a committed command, `cargo run --release --example train`,
//! rather than by a script outside the repository.
//!
//! # The labelling rule
//!
//! A block is labelled main text when the human-checked main text (the gold) contains it:
//!
//! - both texts are cut into tokens the way the scorer does (runs of letters, digits and `_`,
//!   lowercased);
//! - a block of fewer than [`SHORT_BLOCK`] tokens is main text when its whole token sequence
//!   occurs, contiguous, in one line of the gold that is at most [`SHORT_LINE_RATIO`] times as
//!   long plus two tokens (a heading, a list item, a table cell of a row): "Share" is not main
//!   text because the gold's fifth paragraph says "share";
//! - a longer block is main text when at least half of its 4-token shingles occur in the gold
//!   (a paragraph the gold has with a sentence more or less still counts);
//! - a block without tokens is not labelled and not used.
//!
//! Each block weighs its share of the page's tokens (plus a floor), so that every page counts
//! about as much as the next, as in the mean over pages that the quality figures take.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use super::Stage;
use super::page_type::{self, N_PAGE, N_TYPES, PageType};
pub use super::{PageSamples, Passes, Sample, Weights};
/// Every word and phrase list of the crate, by name, with how the code matches its entries:
/// the `lexicon` example counts each entry's training pages with it.
pub use crate::features::lexicon::{List as LexiconList, Match as LexiconMatch, all as lexicon};
use crate::{Error, Extractor, Options};

/// Blocks shorter than this many tokens are matched whole (see the module docs).
pub const SHORT_BLOCK: usize = 8;
/// How much longer than a short block the gold line holding it may be (see the module docs).
pub const SHORT_LINE_RATIO: usize = 3;

/// The page types, in the order of the classifier's weights: `(name, index)` by name.
pub fn page_type_index(name: &str) -> Option<usize> {
    PageType::from_name(name).map(PageType::index)
}

/// The name of the `i`-th page type (as in the datasets' manifests), the inverse of
/// [`page_type_index`].
pub fn page_type_name(i: usize) -> Option<&'static str> {
    PageType::ALL.get(i).map(|t| t.as_str())
}

/// Number of page types and of the page-type classifier's features.
pub const PAGE_TYPES: usize = N_TYPES;
/// Number of the page-type classifier's features.
pub const PAGE_FEATURES: usize = N_PAGE;

/// Rewrites a block's page-type features for a page with features `page`, as the page-type
/// weights `page_weights` judge it: what the block features would have been under them.
pub fn set_page_type(block: &mut [f32], page: &[f32], page_weights: &[f32]) {
    super::set_page_type(
        block,
        &page_type::probabilities(&page_array(page), page_weights),
    );
}

/// A page's features as the classifier takes them (missing ones zero).
fn page_array(page: &[f32]) -> [f32; N_PAGE] {
    let mut x = [0.0f32; N_PAGE];
    for (d, s) in x.iter_mut().zip(page) {
        *d = *s;
    }
    x
}

/// The index of the most probable page type of a page with features `page`.
///
/// HTML mode's page features with its classifier, or text mode's with its own: the weights hold
/// `page.len()` per type.
pub fn predict_page_type(page: &[f32], page_weights: &[f32]) -> usize {
    page_type::most_probable(&page_type::probabilities_of(page, page_weights)).index()
}

/// Extracts a page with `weights` and returns its main text and every block's features.
///
/// # Errors
///
/// Never with the default options (no limits); the `Result` follows [`Extractor::extract`].
pub fn html_samples(html: &str, weights: &Weights) -> Result<(String, PageSamples), Error> {
    html_samples_with(html, weights, Passes::ALL)
}

/// As [`html_samples`], with `passes`.
///
/// # Errors
///
/// As [`html_samples`].
pub fn html_samples_with(
    html: &str,
    weights: &Weights,
    passes: Passes,
) -> Result<(String, PageSamples), Error> {
    let mut samples = PageSamples::default();
    let stage = Stage { weights, passes };
    let extracted =
        Extractor::new(Options::default()).extract_html_with(html, stage, Some(&mut samples))?;
    Ok((extracted.text().to_owned(), samples))
}

/// Extracts a page's main text with `weights` and `passes`.
///
/// # Errors
///
/// As [`html_samples`].
pub fn extract_html(html: &str, weights: &Weights, passes: Passes) -> Result<String, Error> {
    Extractor::new(Options::default())
        .extract_html_with(html, Stage { weights, passes }, None)
        .map(|e| e.text().to_owned())
}

/// Extracts a plain-text dump with `weights` and returns its main text and every block's
/// features (`prose` holds the own score's, `block` the block score's; `page` holds the
/// dump's page features, empty for a dump without blocks).
pub fn dump_samples(dump: &str, weights: &Weights) -> (String, PageSamples) {
    let mut samples = PageSamples::default();
    let stage = Stage {
        weights,
        passes: Passes::ALL,
    };
    let extracted = crate::text_mode::extract(
        crate::blocks::lines::segment_within(dump, usize::MAX).unwrap_or_default(),
        crate::Focus::Balanced,
        stage,
        Some(&mut samples),
        false,
    );
    (extracted.text().to_owned(), samples)
}

/// Extracts a plain-text dump's main text with `weights` and `passes`.
pub fn extract_dump(dump: &str, weights: &Weights, passes: Passes) -> String {
    extract_dump_typed(dump, weights, passes).0
}

/// As [`extract_dump`], with the index of the page type judged (see [`page_type_index`]);
/// `None` for a dump without blocks.
pub fn extract_dump_typed(
    dump: &str,
    weights: &Weights,
    passes: Passes,
) -> (String, Option<usize>) {
    let e = crate::text_mode::extract(
        crate::blocks::lines::segment_within(dump, usize::MAX).unwrap_or_default(),
        crate::Focus::Balanced,
        Stage { weights, passes },
        None,
        false,
    );
    let t = e.page_type().map(PageType::index);
    (e.text().to_owned(), t)
}

/// Number of text mode's page features.
pub const DUMP_PAGE_FEATURES: usize = crate::text_mode::page_type::N_DUMP_PAGE;

/// The scorer's tokens, lowercased, hashed.
fn token_hashes(text: &str) -> Vec<u64> {
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    let mut start = None;
    let word = |c: char| c.is_alphanumeric() || c == '_';
    for (i, c) in lower.char_indices() {
        match (word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(hash(lower.get(s..i).unwrap_or_default()));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(hash(lower.get(s..).unwrap_or_default()));
    }
    out
}

fn hash<T: Hash + ?Sized>(t: &T) -> u64 {
    let mut h = crate::hash::Fnv::default();
    t.hash(&mut h);
    h.finish()
}

/// The gold text, ready for [`Gold::label`].
pub struct Gold {
    /// Hashes of every contiguous token run shorter than [`SHORT_BLOCK`], with the length of
    /// the shortest gold line that holds it.
    runs: HashMap<u64, usize>,
    /// Hashes of every 4-token shingle.
    shingles: HashSet<u64>,
}

impl Gold {
    /// Indexes a gold text.
    pub fn new(gold: &str) -> Gold {
        let mut runs: HashMap<u64, usize> = HashMap::new();
        for line in gold.lines() {
            let t = token_hashes(line);
            for i in 0..t.len() {
                for n in 1..SHORT_BLOCK {
                    if let Some(run) = t.get(i..i + n) {
                        let shortest = runs.entry(hash(run)).or_insert(t.len());
                        *shortest = (*shortest).min(t.len());
                    }
                }
            }
        }
        let t = token_hashes(gold);
        let shingles = t.windows(4).map(hash).collect();
        Gold { runs, shingles }
    }

    /// The block's label and token count, or `None` for a block without tokens.
    pub fn label(&self, text: &str) -> Option<(bool, usize)> {
        let t = token_hashes(text);
        if t.is_empty() {
            return None;
        }
        if t.len() < SHORT_BLOCK {
            let line = self.runs.get(&hash(&t[..]));
            let found = line.is_some_and(|&l| l <= SHORT_LINE_RATIO * t.len() + 2);
            return Some((found, t.len()));
        }
        let windows = t.len() - 3;
        let found = t
            .windows(4)
            .filter(|w| self.shingles.contains(&hash(w)))
            .count();
        Some((2 * found >= windows, t.len()))
    }
}

/// One training example of a linear score.
#[derive(Debug, Clone)]
pub struct Example<'a> {
    /// The features.
    pub x: &'a [f32],
    /// Main text or not.
    pub y: bool,
    /// How much the example counts.
    pub weight: f64,
}

/// Where the block score's page-type features start: from this index on, every feature is a
/// page type's probability, alone or times one of the block's measures.
pub const BLOCK_PAGE_TYPE_FROM: usize = super::PAGE_TYPE_AT;

/// Fits the weights of a linear score by L2-regularised logistic regression (Newton's method).
///
/// Deterministic: the same examples in the same order give the same weights, to the bit. The
/// first feature is the intercept and is not regularised. `l2` is the penalty per unit of
/// example weight.
pub fn fit(examples: &[Example<'_>], dims: usize, l2: f64) -> Vec<f32> {
    fit_scaled(examples, dims, l2, |_| 1.0)
}

/// As [`fit`], with feature `j`'s penalty `l2 * scale(j)`: a group of features that each see
/// few pages (those of one page type) can be held closer to zero than the rest.
pub fn fit_scaled(
    examples: &[Example<'_>],
    dims: usize,
    l2: f64,
    scale: impl Fn(usize) -> f64,
) -> Vec<f32> {
    let mut beta = vec![0.0f64; dims];
    let total: f64 = examples.iter().map(|e| e.weight).sum::<f64>().max(1e-9);
    let lambda = l2 * total;
    for _ in 0..25 {
        let mut grad = vec![0.0f64; dims];
        let mut hess = vec![0.0f64; dims * dims];
        for e in examples {
            let z: f64 = e.x.iter().zip(&beta).map(|(x, b)| f64::from(*x) * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let y = if e.y { 1.0 } else { 0.0 };
            let g = e.weight * (p - y);
            let h = e.weight * (p * (1.0 - p)).max(1e-9);
            for (j, xj) in e.x.iter().enumerate().take(dims) {
                let xj = f64::from(*xj);
                if xj == 0.0 {
                    continue;
                }
                if let Some(gj) = grad.get_mut(j) {
                    *gj += g * xj;
                }
                let hx = h * xj;
                for (k, xk) in e.x.iter().enumerate().take(j + 1) {
                    if let Some(hjk) = hess.get_mut(j * dims + k) {
                        *hjk += hx * f64::from(*xk);
                    }
                }
            }
        }
        for j in 0..dims {
            for k in 0..j {
                let v = hess.get(j * dims + k).copied().unwrap_or(0.0);
                if let Some(h) = hess.get_mut(k * dims + j) {
                    *h = v;
                }
            }
            let reg = if j == 0 {
                1e-6 * lambda
            } else {
                lambda * scale(j)
            };
            if let Some(g) = grad.get_mut(j) {
                *g += reg * beta.get(j).copied().unwrap_or(0.0);
            }
            if let Some(h) = hess.get_mut(j * dims + j) {
                *h += reg.max(1e-9);
            }
        }
        let step = solve(&hess, &grad, dims);
        let mut largest = 0.0f64;
        for (b, s) in beta.iter_mut().zip(&step) {
            *b -= s;
            largest = largest.max(s.abs());
        }
        if largest < 1e-7 {
            break;
        }
    }
    // Rounded as written to the weights file, so that what is measured is what ships.
    beta.iter().map(|b| round(*b)).collect()
}

/// Rounds a weight to the precision of the weights file.
pub fn round(b: f64) -> f32 {
    ((b * 1e4).round() / 1e4) as f32
}

/// Solves `a x = b` for a symmetric positive definite `a` (Cholesky).
fn solve(a: &[f64], b: &[f64], n: usize) -> Vec<f64> {
    let at = |m: &[f64], i: usize, j: usize| m.get(i * n + j).copied().unwrap_or(0.0);
    let mut l = vec![0.0f64; n * n];
    for i in 0..n {
        for j in 0..=i {
            let mut s = at(a, i, j);
            for k in 0..j {
                s -= at(&l, i, k) * at(&l, j, k);
            }
            let v = if i == j {
                s.max(1e-12).sqrt()
            } else {
                s / at(&l, j, j)
            };
            if let Some(c) = l.get_mut(i * n + j) {
                *c = v;
            }
        }
    }
    let mut y = vec![0.0f64; n];
    for i in 0..n {
        let mut s = b.get(i).copied().unwrap_or(0.0);
        for k in 0..i {
            s -= at(&l, i, k) * y.get(k).copied().unwrap_or(0.0);
        }
        if let Some(v) = y.get_mut(i) {
            *v = s / at(&l, i, i);
        }
    }
    let mut x = vec![0.0f64; n];
    for i in (0..n).rev() {
        let mut s = y.get(i).copied().unwrap_or(0.0);
        for k in i + 1..n {
            s -= at(&l, k, i) * x.get(k).copied().unwrap_or(0.0);
        }
        if let Some(v) = x.get_mut(i) {
            *v = s / at(&l, i, i);
        }
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_the_gold() {
        let gold = Gold::new(
            "Ingredients\nThe bridge reopened on Monday after two years of repairs, the city said.",
        );
        assert_eq!(gold.label("Ingredients"), Some((true, 1)));
        assert_eq!(gold.label("Home"), Some((false, 1)));
        // In the gold, but only inside a long line: a word of a paragraph, not a block of it.
        assert_eq!(gold.label("Monday"), Some((false, 1)));
        let para = "The bridge reopened on Monday after two years of repairs, officials said.";
        assert_eq!(gold.label(para).map(|l| l.0), Some(true));
        let other = "Subscribe to our newsletter for the latest stories from the city desk.";
        assert_eq!(gold.label(other).map(|l| l.0), Some(false));
        assert_eq!(gold.label(" … "), None);
    }

    /// Examples of weight 1, main text where the feature after the intercept is positive.
    fn labelled_by_first_feature<const N: usize>(xs: &[[f32; N]]) -> Vec<Example<'_>> {
        xs.iter()
            .map(|x| Example {
                x: x.as_slice(),
                y: x[1] > 0.0,
                weight: 1.0,
            })
            .collect()
    }

    #[test]
    fn fit_separates_separable_data() {
        let xs: Vec<[f32; 2]> = (0..40).map(|i| [1.0, i as f32 / 10.0 - 2.0]).collect();
        let examples = labelled_by_first_feature(&xs);
        let w = fit(&examples, 2, 1e-3);
        assert!(w[1] > 1.0, "{w:?}");
        let again = fit(&examples, 2, 1e-3);
        assert_eq!(w, again);
    }

    #[test]
    fn a_scaled_penalty_holds_its_features_closer_to_zero() {
        // The label follows feature 1; feature 2 agrees with it on most examples.
        let xs: Vec<[f32; 3]> = (0..60)
            .map(|i| {
                let a = i as f32 / 15.0 - 2.0;
                [1.0, a, if i % 4 == 0 { -a } else { a }]
            })
            .collect();
        let examples = labelled_by_first_feature(&xs);
        let plain = fit_scaled(&examples, 3, 1e-2, |_| 1.0);
        let held = fit_scaled(&examples, 3, 1e-2, |j| if j == 2 { 1000.0 } else { 1.0 });
        assert!(held[2].abs() < plain[2].abs() / 10.0, "{plain:?} {held:?}");
        assert!(held[1] > plain[1], "{plain:?} {held:?}");
        assert_eq!(fit(&examples, 3, 1e-2), plain);
    }
}
