//! Context rules over the final scores: short blocks take their neighbours' side, headings
//! take the side of what follows them, and a page with text never comes back empty.
//! Separate because text mode ([`crate::text_mode`]) runs the smoothing and the fallback too.

use super::BlockView;
use crate::block::BlockKind;
use crate::explain::Reason;

/// The score a block moved by context gets: just past the cut (0) on its new side, so the
/// move decides the side and not how sure the model was.
const NUDGE: f32 = 0.1;
/// Points below the best score within which [`never_empty`] keeps blocks: ties and near-ties
/// with the best block, not the whole page.
const NEAR_BEST: f32 = 1.0;
/// Link density below which a heading may take the side of the content after it; a heading that
/// is mostly a link heads a teaser or a menu.
const HEADING_LINKED: f32 = 0.6;

/// Short blocks take their neighbours' side: a short line between two content blocks is content,
/// a lone weak block among boilerplate is boilerplate. `short(i)` tells which blocks are short
/// enough to follow their neighbours; `may_join(i)` which of them may be pulled up to content
/// (a link list between two paragraphs may not). Both modes share this pass; it returns the
/// blocks it moved, with the change, for explanations.
pub(crate) fn smooth(
    short: impl Fn(usize) -> bool,
    may_join: impl Fn(usize) -> bool,
    score: &mut [f32],
) -> Vec<(usize, f32)> {
    let n = score.len();
    let orig = score.to_vec();
    let mut moved = Vec::new();
    for i in 1..n.saturating_sub(1) {
        if !short(i) {
            continue;
        }
        let (Some(&p), Some(&nx)) = (orig.get(i - 1), orig.get(i + 1)) else {
            continue;
        };
        let Some(s) = score.get_mut(i) else { continue };
        let before = *s;
        if p > 0.0 && nx > 0.0 && may_join(i) {
            *s = s.max(NUDGE);
        } else if p <= 0.0 && nx <= 0.0 {
            *s = s.min(-NUDGE);
        }
        if *s != before {
            moved.push((i, *s - before));
        }
    }
    moved
}

/// Never empty when text exists: if no block was kept, keep the best-scoring ones (within one
/// point of the best). Both modes share this fallback; it returns whether it acted.
pub(crate) fn never_empty(score: &[f32], keep: &mut [bool]) -> bool {
    if keep.iter().any(|&k| k) || score.is_empty() {
        return false;
    }
    let best = score.iter().copied().fold(f32::MIN, f32::max);
    for (k, &s) in keep.iter_mut().zip(score) {
        *k = s >= best - NEAR_BEST;
    }
    true
}

/// A heading is kept when the block after it is content and it is not a list of links.
pub(super) fn headings_follow_content(
    blocks: &[BlockView<'_>],
    keep: &mut [bool],
    mut reasons: Option<&mut Vec<Vec<(Reason, f32)>>>,
) {
    for i in 0..blocks.len() {
        let Some(b) = blocks.get(i) else { continue };
        if !matches!(b.raw.kind, BlockKind::Heading { .. }) {
            continue;
        }
        let next_content = keep.get(i + 1).copied().unwrap_or(false);
        let Some(k) = keep.get_mut(i) else { continue };
        let new = next_content && b.link_density() < HEADING_LINKED;
        if new != *k {
            *k = new;
            // The score stays; the reason names the rule that overturned it (weight 0, so the
            // reasons still add up to the score), as every decision rule records itself.
            if let Some(r) = reasons.as_deref_mut().and_then(|r| r.get_mut(i)) {
                r.push((Reason::HeadingContext, 0.0));
            }
        }
    }
}
