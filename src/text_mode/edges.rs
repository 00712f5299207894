//! The edges of the kept runs right after the threshold: a headline stands or falls with the
//! block after it.
//!
//! Separate because this pass only ever drops blocks, and only at the ends of runs.

use crate::block::BlockKind;
use crate::blocks::lines::DumpBlock;

/// Words of a paragraph that ends no sentence, at most, for it to be a headline or a label: a
/// line of up to 15 words is a headline, not a sentence.
const HEADLINE_WORDS: u32 = 15;

/// A short line that is not a sentence (a heading, or a label of what follows) is content only
/// when the block after it is: "Recent Stories" above a list of links goes with the list.
/// List items are left alone (an item list in the body is content).
pub(super) fn headlines_follow_next(blocks: &[DumpBlock], keep: &mut [bool]) {
    for i in (0..blocks.len()).rev() {
        let Some(b) = blocks.get(i) else { continue };
        let headline = b.raw.kind.is_heading()
            || b.raw.kind == BlockKind::Paragraph
                && !b.stats.ends_sentence
                && b.stats.words <= HEADLINE_WORDS;
        if !headline {
            continue;
        }
        let next = keep.get(i + 1).copied().unwrap_or(false);
        if let Some(k) = keep.get_mut(i) {
            *k = *k && next;
        }
    }
}
