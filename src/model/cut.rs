//! The page's cut: which blocks to keep, given every block's score.
//!
//! A fixed threshold (keep a block whose probability is over one half) is right for each block
//! alone, but the quality of a page's text is an F1 over its words: a page whose blocks are all
//! middling (a listing, a product grid) loses most of its text to a fixed threshold, and a
//! page with a few sure paragraphs and many doubtful lines gains by dropping the lines. So the
//! cut keeps, of the page's blocks ranked by score, the first `k` that maximise the expected F1
//!
//! ```text
//! E[F1](k) ≈ 2 Σᵢ≤ₖ pᵢ·nᵢ / (Σᵢ≤ₖ nᵢ + Σ_all pᵢ·nᵢ)
//! ```
//!
//! where `pᵢ` is block `i`'s probability (the logistic of its score) and `nᵢ` its words: the
//! numerator is the expected words kept that are main text, the denominator the words kept plus
//! the expected words of main text. The approximation (expectations taken apart) is the usual
//! one for choosing a set by expected F1; it needs no number of its own. A block is worth
//! keeping when its probability exceeds half the F1 reached, so the cut never asks more than
//! the fixed threshold does, and asks less on a page whose text is uncertain throughout.

use crate::explain::Reason;

/// Moves every score by the page's cut ([`page_cut`], taken without the focus shift `bias`, so
/// that the presets still move the decision) and records the move as each block's
/// [`Reason::PageCut`].
pub(crate) fn apply(
    score: &mut [f32],
    words: &[u32],
    bias: f32,
    reasons: Option<&mut Vec<Vec<(Reason, f32)>>>,
) {
    let unbiased: Vec<f32> = score.iter().map(|s| s - bias).collect();
    let cut = page_cut(&unbiased, words);
    if cut == 0.0 {
        return;
    }
    for s in score.iter_mut() {
        *s -= cut;
    }
    for r in reasons.into_iter().flatten() {
        r.push((Reason::PageCut, -cut));
    }
}

/// The shift to subtract from every score so that exactly the blocks of the best expected F1
/// have a score above zero. `scores` are the blocks' scores (log-odds), `words` their sizes.
///
/// Returns 0 for a page without blocks.
pub(crate) fn page_cut(scores: &[f32], words: &[u32]) -> f32 {
    let mut ranked: Vec<(f32, f64)> = scores
        .iter()
        .zip(words)
        .map(|(&s, &n)| (s, f64::from(n.max(1))))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    let p = |s: f32| 1.0 / (1.0 + (-f64::from(s)).exp());
    let expected_gold: f64 = ranked.iter().map(|&(s, n)| p(s) * n).sum();
    let (mut hits, mut kept) = (0.0f64, 0.0f64);
    let (mut best, mut best_k) = (f64::NEG_INFINITY, 0usize);
    for (k, &(s, n)) in ranked.iter().enumerate() {
        hits += p(s) * n;
        kept += n;
        let f1 = 2.0 * hits / (kept + expected_gold);
        if f1 > best {
            best = f1;
            best_k = k + 1;
        }
    }
    // The cut sits halfway between the last block kept and the first dropped, so a block
    // scored alike on both sides of it is not left to rounding.
    match (ranked.get(best_k.wrapping_sub(1)), ranked.get(best_k)) {
        (Some(last), Some(next)) => (last.0 + next.0) / 2.0,
        (Some(last), None) => last.0.min(0.0) - 1.0,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::page_cut;

    fn kept(scores: &[f32], words: &[u32]) -> Vec<bool> {
        let cut = page_cut(scores, words);
        scores.iter().map(|s| s - cut > 0.0).collect()
    }

    #[test]
    fn sure_blocks_keep_the_usual_threshold() {
        // Probabilities near 1 and 0: the cut falls between them, as the fixed threshold would.
        assert_eq!(
            kept(&[4.0, 5.0, -4.0, -6.0], &[50, 40, 5, 5]),
            [true, true, false, false]
        );
    }

    #[test]
    fn a_page_of_middling_blocks_keeps_them() {
        // Every block a little under one half: a fixed threshold would keep nothing, while
        // keeping them all has the best expected F1.
        assert_eq!(kept(&[-0.2, -0.3, -0.1], &[10, 10, 10]), [true, true, true]);
    }

    #[test]
    fn doubtful_lines_beside_sure_paragraphs_go() {
        // A block at 0.3 among long sure paragraphs costs more precision than it adds.
        assert_eq!(
            kept(&[5.0, -0.85, 5.0], &[200, 60, 200]),
            [true, false, true]
        );
    }

    #[test]
    fn no_blocks_no_shift() {
        assert_eq!(page_cut(&[], &[]), 0.0);
    }
}
