//! The short lines that recur in every card of a listing: a "Label: value" field's label, and
//! a marker line (a button or a badge: "Star", "Compare").
//!
//! Separate because the listings of cards, the spec lists and the tail cut all recognise
//! them.

use crate::blocks::lines::DumpBlock;
use crate::blocks::repeat;
use crate::blocks::repeat::fold;

/// The label that opens a short "Label: value" line ("Release date: Mar 4", "Screen Size: Up
/// to 43\""), folded: one to three words before a colon.
pub(super) fn label_of(b: &DumpBlock) -> Option<String> {
    if b.stats.words > 12 || b.stats.ends_sentence {
        return None;
    }
    label_head(b)
}

/// The label of a "Label: value" line whatever the length of its value (see [`label_of`]).
pub(super) fn label_head(b: &DumpBlock) -> Option<String> {
    let t = b.raw.text.as_str();
    if t.len() > 1000 {
        return None;
    }
    let cut = t.find(':')?;
    let head = fold(&t[..cut]);
    let words = head.split(' ').count();
    (!head.is_empty() && words <= 3 && cut + 1 < t.len()).then_some(head)
}

/// A short line that may mark every card of a listing ("Star", "Compare", "Winner"), folded:
/// one to three words, not a sentence, not a date or a count (a date under every teaser marks
/// other stories, and differs from card to card anyway).
pub(super) fn marker_of(b: &DumpBlock) -> Option<(u64, usize)> {
    if b.stats.words == 0
        || b.stats.words > 3
        || b.stats.chars > 25
        || b.stats.ends_sentence
        || b.shape.numeric
    {
        return None;
    }
    let key = repeat::fold_key(&b.raw.text);
    (key.1 > 0).then_some(key)
}
