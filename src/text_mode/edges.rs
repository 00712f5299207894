//! The edges of the kept runs right after the threshold: a headline stands or falls with the
//! block after it, and furniture at either end of a run goes with the furniture outside it.
//!
//! Separate because these passes only ever drop blocks, and only at the ends of runs.

use crate::block::BlockKind;
use crate::blocks::lines::DumpBlock;

use super::evidence::is_furniture;

/// A short line that is not a sentence (a heading, or a label of what follows) is content only
/// when the block after it is: "Recent Stories" above a list of links goes with the list.
/// List items are left alone (an item list in the body is content).
pub(super) fn headlines_follow_next(blocks: &[DumpBlock], keep: &mut [bool]) {
    for i in (0..blocks.len()).rev() {
        let Some(b) = blocks.get(i) else { continue };
        let headline = b.raw.kind.is_heading()
            || b.raw.kind == BlockKind::Paragraph && !b.stats.ends_sentence && b.stats.words <= 15;
        if !headline {
            continue;
        }
        let next = keep.get(i + 1).copied().unwrap_or(false);
        if let Some(k) = keep.get_mut(i) {
            *k = *k && next;
        }
    }
}

/// Furniture at the edges of a kept run ("Disclaimer: …", "Tags: …" after the last paragraph,
/// a dateline before the first) goes with the furniture outside it, as link-dense blocks at
/// the edges of the container do in HTML mode.
pub(super) fn trim_furniture_edges(blocks: &[DumpBlock], keep: &mut [bool]) {
    let n = keep.len();
    let furniture = |i: usize| blocks.get(i).is_some_and(is_furniture);
    let kept = |keep: &[bool], i: usize| keep.get(i).copied().unwrap_or(false);
    // Run ends: peel backwards.
    for i in (0..n).rev() {
        if kept(keep, i) && !kept(keep, i + 1) {
            let mut j = i;
            while kept(keep, j) && furniture(j) {
                if let Some(k) = keep.get_mut(j) {
                    *k = false;
                }
                if j == 0 {
                    break;
                }
                j -= 1;
            }
        }
    }
    // Run starts: peel forwards.
    for i in 0..n {
        if kept(keep, i) && (i == 0 || !kept(keep, i - 1)) {
            let mut j = i;
            while kept(keep, j) && furniture(j) {
                if let Some(k) = keep.get_mut(j) {
                    *k = false;
                }
                j += 1;
            }
        }
    }
}
