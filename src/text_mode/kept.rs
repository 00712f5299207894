//! Word counts over the kept blocks.
//!
//! Separate because the thin-output rescue, the listings of cards and the tail cut all weigh
//! the text kept before, inside and after a span against each other.

use crate::blocks::lines::DumpBlock;

/// Words in the kept blocks.
pub(super) fn kept_words(blocks: &[DumpBlock], keep: &[bool]) -> u32 {
    blocks
        .iter()
        .zip(keep)
        .filter(|(_, k)| **k)
        .map(|(b, _)| b.stats.words)
        .sum()
}

/// Kept words before each block: entry `i` sums the kept blocks before block `i`, and the last
/// entry all of them.
pub(super) fn kept_words_before(blocks: &[DumpBlock], keep: &[bool]) -> Vec<u32> {
    let mut before = Vec::with_capacity(blocks.len() + 1);
    let mut sum = 0u32;
    before.push(0);
    for (b, &k) in blocks.iter().zip(keep) {
        if k {
            sum += b.stats.words;
        }
        before.push(sum);
    }
    before
}
