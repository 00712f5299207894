//! Lists of specifications after a product's or a program's description ("Weight: 297 g",
//! "Memory: 4 GB RAM").
//!
//! Separate because such a list is short "Label: value" lines that the scores drop as labels,
//! and only its place right after the kept text tells it from a menu.

use crate::block::BlockKind;
use crate::lines::{self, DumpBlock};

use super::evidence::is_hard_furniture;
use super::fields::label_of;

/// Fewest items in a list of specifications for [`keep_spec_lists`], and fewest of them that
/// are "Label: value" lines.
const MIN_SPEC_ITEMS: usize = 4;
const MIN_SPEC_LABELS: usize = 3;

/// Most blocks between the kept text and a list of specifications after it.
const SPEC_GAP: usize = 12;

/// Most words in the value of a specification ("Memory: 4 GB RAM"); a headline under a name
/// ("Acme: shares fall after the results") says more.
const SPEC_VALUE_WORDS: usize = 6;

/// Whether a block is a specification: a short "Label: value" line with a short value that is
/// a measure (a number in it) or not in title case ("Acme: The Full Story" is a headline), under a label without a number
/// ("Step 2: …" is an entry of a table of contents).
fn spec_label(b: &DumpBlock) -> bool {
    let Some(label) = label_of(b) else {
        return false;
    };
    !label.chars().any(|c| c.is_ascii_digit())
        && b.raw.text.split_once(':').is_some_and(|(_, v)| {
            v.split_whitespace().count() <= SPEC_VALUE_WORDS
                && (v.chars().any(|c| c.is_ascii_digit()) || !lines::is_title_case(v))
        })
}

/// Whether a block may stand inside a list of specifications between its items: a short
/// heading of the next group ("Product Details", "Minimum:").
fn spec_subheading(b: &DumpBlock) -> bool {
    b.raw.kind != BlockKind::ListItem
        && label_of(b).is_none()
        && !b.stats.ends_sentence
        && (1..=4).contains(&b.stats.words)
        && !is_hard_furniture(b)
}

/// A product's details or a program's requirements come after its description as a list whose
/// items are mostly short "Label: value" lines ([`spec_label`]) ("Weight: 297 g", "Memory: 4 GB RAM"), in one
/// or more groups under short headings. Such a list a few blocks after the kept text
/// ([`SPEC_GAP`]), with at least [`MIN_SPEC_ITEMS`] items of which [`MIN_SPEC_LABELS`] (and a
/// third) are labelled, is part of the text, with the heading right above it. A menu holds no
/// labels; a line that is hard furniture is never taken.
pub(super) fn keep_spec_lists(blocks: &[DumpBlock], keep: &mut [bool]) {
    let n = blocks.len();
    let mut last_kept: Option<usize> = None;
    let mut i = 0;
    while i < n {
        if keep.get(i).copied().unwrap_or(false) {
            last_kept = Some(i);
            i += 1;
            continue;
        }
        let is_item = |b: &DumpBlock| {
            (b.raw.kind == BlockKind::ListItem || label_of(b).is_some()) && !is_hard_furniture(b)
        };
        if !blocks.get(i).is_some_and(is_item) {
            i += 1;
            continue;
        }
        // The run: items, with single short subheadings between groups.
        let start = i;
        let (mut items, mut labels, mut end) = (0usize, 0usize, i);
        let mut j = i;
        while let Some(b) = blocks.get(j) {
            if is_item(b) {
                items += 1;
                labels += usize::from(spec_label(b));
                j += 1;
                end = j;
            } else if spec_subheading(b) && blocks.get(j + 1).is_some_and(is_item) {
                j += 1;
            } else {
                break;
            }
        }
        let near = last_kept.is_some_and(|k| start - k <= SPEC_GAP);
        if near && items >= MIN_SPEC_ITEMS && labels >= MIN_SPEC_LABELS && labels * 3 >= items {
            let heading = start > 0 && blocks.get(start - 1).is_some_and(spec_subheading);
            for k in keep.iter_mut().take(end).skip(start - usize::from(heading)) {
                *k = true;
            }
        }
        i = end.max(i + 1);
    }
}
