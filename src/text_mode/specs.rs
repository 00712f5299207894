//! Lists of specifications after a product's or a program's description ("Weight: 297 g",
//! "Memory: 4 GB RAM"), and tables of them printed one cell per line ("Weight" over "297 g").
//!
//! Separate because such a list is short "Label: value" lines that the scores drop as labels,
//! and only its place right after the kept text tells it from a menu.

use crate::block::BlockKind;
use crate::blocks::lines::{self, DumpBlock};

use super::evidence::is_hard_furniture;
use super::fields::label_of;
use crate::features::lexicon::CELL_WORDS;

/// Fewest items in a list of specifications for [`keep_spec_lists`].
const MIN_SPEC_ITEMS: usize = 4;
/// Fewest items of such a list that are "Label: value" lines ([`spec_label`]).
const MIN_SPEC_LABELS: usize = 3;
/// The labelled items must be at least one in this many of the list's items: a third.
const SPEC_LABEL_PARTS: usize = 3;
/// Words of a subheading between groups of specifications at most: "Product Details",
/// "Minimum:".
const SPEC_SUBHEADING_WORDS: u32 = 4;

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
        && (1..=SPEC_SUBHEADING_WORDS).contains(&b.stats.words)
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
        if near
            && items >= MIN_SPEC_ITEMS
            && labels >= MIN_SPEC_LABELS
            && labels * SPEC_LABEL_PARTS >= items
        {
            let heading = start > 0 && blocks.get(start - 1).is_some_and(spec_subheading);
            for k in keep.iter_mut().take(end).skip(start - usize::from(heading)) {
                *k = true;
            }
        }
        i = end.max(i + 1);
    }
}

/// Fewest label and value pairs in a table printed one cell per line for
/// [`keep_cell_pairs`].
const MIN_CELL_PAIRS: usize = 4;
/// Most short lines in a row between two pairs (a group's heading, a pair whose value is a
/// word).
const MAX_CELL_SKIP: usize = 3;

/// Most words in the label of a cell pair ("Polling Rate (Wired)").
const CELL_LABEL_WORDS: u32 = 5;
/// Most words in the value of a cell pair ("1000 Hz", "Up to 8 hours").
const CELL_VALUE_WORDS: u32 = 4;
/// Most characters in the value of a cell pair: a measure, not a phrase.
const CELL_VALUE_CHARS: u32 = 30;

/// A short line that is not a sentence, not a "Label: value" line, and no furniture: a cell
/// of a table printed one cell per line.
fn short_cell(b: &DumpBlock, words: u32) -> bool {
    (1..=words).contains(&b.stats.words)
        && !b.stats.ends_sentence
        && b.raw.kind != BlockKind::ListItem
        && label_of(b).is_none()
        && !is_hard_furniture(b)
}

/// Whether a cell is a value: a short measure ("1000 Hz", "38.53 gf", "75%", "5.1") or a
/// yes, a no or a blank ([`CELL_WORDS`]). A bare count ("3" messages), a price or a date
/// ("12 Apr 2024", "03/12/2024") is a card's or a profile's field, not a measure.
fn value_cell(b: &DumpBlock) -> bool {
    let t = b.raw.text.trim();
    if !short_cell(b, CELL_VALUE_WORDS) || b.stats.chars > CELL_VALUE_CHARS {
        return false;
    }
    if CELL_WORDS.iter().any(|w| t.eq_ignore_ascii_case(w)) {
        return true;
    }
    let groups = t
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect::<Vec<_>>();
    let year = groups.len() >= 2
        && groups
            .iter()
            .any(|g| g.len() == 4 && (g.starts_with("19") || g.starts_with("20")));
    let date = year || t.matches(['/', '.', '-']).count() >= 2 && groups.len() >= 3;
    t.starts_with(|c: char| c.is_ascii_digit())
        && !t.chars().all(|c| c.is_ascii_digit() || c == ',')
        && !t.contains(['$', '€', '£', '¥', '₹'])
        && !date
}

/// Whether blocks `j` and `j + 1` are a label over its value ("Polling Rate" over "1000 Hz").
fn cell_pair(blocks: &[DumpBlock], j: usize) -> bool {
    blocks
        .get(j)
        .is_some_and(|l| short_cell(l, CELL_LABEL_WORDS) && !value_cell(l))
        && blocks.get(j + 1).is_some_and(value_cell)
}

/// A specification table that the converter printed one cell per line, a label over its
/// value ("Polling Rate (Wired)" over "1000 Hz", "Debounce Time" over "N/A"), a few blocks
/// after the kept text ([`SPEC_GAP`]), is part of the text: at least [`MIN_CELL_PAIRS`] pairs
/// whose value is a measure or a yes or no, with at most [`MAX_CELL_SKIP`] short lines in a
/// row before and between them (a group's heading, a pair whose value is a word), is kept
/// from its first line to its last pair. A menu's short lines hold no such values.
pub(super) fn keep_cell_pairs(blocks: &[DumpBlock], keep: &mut [bool]) {
    let n = blocks.len();
    let mut last_kept: Option<usize> = None;
    let mut i = 0;
    while i < n {
        if keep.get(i).copied().unwrap_or(false) {
            last_kept = Some(i);
            i += 1;
            continue;
        }
        let near = last_kept.is_some_and(|k| i - k <= SPEC_GAP);
        if !near
            || !blocks
                .get(i)
                .is_some_and(|b| short_cell(b, CELL_LABEL_WORDS))
        {
            i += 1;
            continue;
        }
        let start = i;
        let (mut pairs, mut end, mut skipped) = (0usize, i, 0usize);
        let mut j = i;
        while j < n {
            if cell_pair(blocks, j) {
                pairs += 1;
                j += 2;
                end = j;
                skipped = 0;
            } else if skipped < MAX_CELL_SKIP
                && blocks
                    .get(j)
                    .is_some_and(|b| short_cell(b, CELL_LABEL_WORDS))
            {
                skipped += 1;
                j += 1;
            } else {
                break;
            }
        }
        if pairs >= MIN_CELL_PAIRS {
            for k in keep.iter_mut().take(end).skip(start) {
                *k = true;
            }
            last_kept = Some(end - 1);
        }
        i = end.max(i + 1);
    }
}
