//! The short lines that recur in every card of a listing: a "Label: value" field's label, and
//! a marker line (a button or a badge: "Star", "Compare").
//!
//! Separate because the listings of cards, the spec lists and the tail cut all recognise
//! them.

use crate::blocks::lines::DumpBlock;
use crate::blocks::repeat;
use crate::blocks::repeat::fold;

/// Words of a "Label: value" line at most for [`label_of`]: a field with a short value, not a
/// sentence with a colon in it.
const FIELD_LINE_WORDS: u32 = 12;
/// Bytes of a block that [`label_head`] reads at most: a field's value may run to a paragraph;
/// a longer block is prose, not a card's field.
const FIELD_BLOCK_BYTES: usize = 1000;
/// Words of a label before its colon at most: "Release date", "Screen Size", "Developed by".
const LABEL_WORDS: usize = 3;
/// Words of a marker line at most: a button or a badge ("Star", "Add to cart").
const MARKER_WORDS: u32 = 3;
/// Characters of a marker line at most: a few short words.
const MARKER_CHARS: u32 = 25;

/// The label that opens a short "Label: value" line ("Release date: Mar 4", "Screen Size: Up
/// to 43\""), folded: one to three words before a colon.
pub(super) fn label_of(b: &DumpBlock) -> Option<String> {
    if b.stats.words > FIELD_LINE_WORDS || b.stats.ends_sentence {
        return None;
    }
    label_head(b)
}

/// The label of a "Label: value" line whatever the length of its value (see [`label_of`]).
pub(super) fn label_head(b: &DumpBlock) -> Option<String> {
    let t = b.raw.text.as_str();
    if t.len() > FIELD_BLOCK_BYTES {
        return None;
    }
    let cut = t.find(':')?;
    let head = fold(&t[..cut]);
    let words = head.split(' ').count();
    (!head.is_empty() && words <= LABEL_WORDS && cut + 1 < t.len()).then_some(head)
}

/// A short line that may mark every card of a listing ("Star", "Compare", "Winner"), folded:
/// one to three words, not a sentence, not a date or a count (a date under every teaser marks
/// other stories, and differs from card to card anyway).
pub(super) fn marker_of(b: &DumpBlock) -> Option<(u64, usize)> {
    if b.stats.words == 0
        || b.stats.words > MARKER_WORDS
        || b.stats.chars > MARKER_CHARS
        || b.stats.ends_sentence
        || b.shape.numeric
    {
        return None;
    }
    let key = repeat::fold_key(&b.raw.text);
    (key.1 > 0).then_some(key)
}
