//! Listings of cards (products, games, properties) whose fields or marker lines repeat at a
//! steady interval: kept from the first card to the last.
//!
//! Separate because a listing is the page's text although each card is short lines; which
//! blocks are cards is returned to the pipeline, whose repeat and tail passes spare them.

use std::collections::HashMap;

use crate::blocks::lines::DumpBlock;

use super::evidence::is_hard_furniture;
use super::fields::{label_head, label_of, marker_of};
use super::kept::kept_words_before;

/// Fewest cards for [`keep_records`].
const MIN_RECORDS: usize = 4;

/// Fewest cards for [`keep_records`] when only a marker line recurs in them.
const MIN_MARKED_RECORDS: usize = 8;

/// Words from which a block in a run of cards is prose (see [`keep_records`]).
const RECORD_PROSE_WORDS: u32 = 40;

/// Longest interval between the cards of [`keep_records`], in blocks.
pub(super) const RECORD_SPAN: usize = 15;

/// Shortest median interval between cards, in blocks: fields on consecutive lines are one
/// card's list of labels, not one field of many cards.
const MIN_RECORD_INTERVAL: usize = 2;
/// An interval between cards is steady within this factor of the median: from half to twice.
const STEADY_FACTOR: usize = 2;
/// Quarters of the intervals that must be steady: three in four, leaving room for a card with
/// an extra line or a missing field.
const STEADY_QUARTERS: usize = 3;
/// Labels that must recur in the same cards: two, so the cards are sets of fields rather than
/// one repeated line.
const MIN_FIELDS: usize = 2;
/// Cards per prose block at least: no more than one card in four holds a paragraph, else the
/// run is posts (a thread under "Posts: 12" lines), not cards.
const CARDS_PER_PROSE: usize = 4;
/// Half-words per block below which marked cards are single words (a picker of countries and
/// languages): one and a half words a block.
const THIN_HALF_WORDS: usize = 3;

/// A listing of cards (products, games, properties) repeats the same labelled fields in every
/// card, at a steady interval: "Release date: …", "Developed by: …". Where at least two labels
/// each recur at least [`MIN_RECORDS`] times, a few blocks apart each time, and the cards hold
/// short lines rather than prose (posts of a thread under "Posts: 12" / "Joined: 2019" are
/// judged as prose), the cards are the page's text: the blocks from the first field to the last
/// (and the line before the first, its card's name) are kept, unless hard furniture that is
/// not one of the recurring fields ("Comments: 14 pages" in every card is a field).
///
/// Cards without labels often repeat one short line instead: a button or a badge on every card
/// ("Star", "Compare", "Winner"). On a page whose text is not one region, such a marker that
/// recurs at least [`MIN_MARKED_RECORDS`] times at a steady interval, with no jump longer than
/// [`RECORD_SPAN`] between two cards, marks cards too (a blurb in each card is no objection),
/// unless they come after a longer kept text (teasers of other stories under an article) or,
/// with nothing kept among them, hold fewer words than the kept text around them (a menu whose
/// every group ends in "See all").
pub(super) fn keep_records(blocks: &[DumpBlock], keep: &mut [bool], focused: bool) -> Vec<bool> {
    let mut cards = vec![false; blocks.len()];
    let mut labels: HashMap<String, Vec<usize>> = HashMap::new();
    let mut markers: HashMap<(u64, usize), Vec<usize>> = HashMap::new();
    for (i, b) in blocks.iter().enumerate() {
        if let Some(l) = label_of(b) {
            labels.entry(l).or_default().push(i);
        } else if let Some(m) = marker_of(b) {
            markers.entry(m).or_default().push(i);
        }
    }
    // Runs of positions to test: every position of a label; the runs of a marker, split where
    // the next card is too far away (the same link in the header and in the footer).
    let mut runs: Vec<(&[usize], bool)> = labels.values().map(|p| (p.as_slice(), false)).collect();
    for pos in markers.values() {
        runs.extend(
            pos.chunk_by(|a, b| b - a <= RECORD_SPAN)
                .map(|run| (run, true)),
        );
    }
    let mut spans: Vec<(usize, usize, usize, bool, usize)> = Vec::new();
    for (pos, marker) in runs {
        let min = if marker {
            MIN_MARKED_RECORDS
        } else {
            MIN_RECORDS
        };
        if pos.len() < min {
            continue;
        }
        let mut gaps: Vec<usize> = pos
            .iter()
            .zip(pos.iter().skip(1))
            .map(|(a, b)| b - a)
            .collect();
        gaps.sort_unstable();
        let median = gaps.get(gaps.len() / 2).copied().unwrap_or(0);
        if !(MIN_RECORD_INTERVAL..=RECORD_SPAN).contains(&median) {
            continue;
        }
        let steady = gaps
            .iter()
            .filter(|&&g| g * STEADY_FACTOR >= median && g <= median * STEADY_FACTOR)
            .count();
        if steady * 4 < gaps.len() * STEADY_QUARTERS {
            continue;
        }
        if let (Some(&first), Some(&last)) = (pos.first(), pos.last()) {
            spans.push((first, last, pos.len(), marker, median));
        }
    }
    // The same order on every run, whatever the maps' order.
    spans.sort_unstable();
    // Markers are judged against the text kept before any card was taken (kept words before
    // each block, and the kept blocks).
    let kept_before = kept_words_before(blocks, keep);
    let sum = kept_before.last().copied().unwrap_or(0);
    let anchors: Vec<bool> = keep.to_vec();
    for &(first, last, n_cards, marker, median) in &spans {
        // A second label that recurs in the same cards.
        if !marker {
            let fields = spans
                .iter()
                .filter(|&&(f, l, _, m, _)| !m && f <= last && l >= first)
                .count();
            if fields < MIN_FIELDS {
                continue;
            }
        }
        let from = first.saturating_sub(1);
        // A marker that opens its card leaves the last card after it.
        let to = (last + if marker { median } else { 1 }).min(blocks.len());
        let span = blocks.get(from..to).unwrap_or(&[]);
        let prose = span
            .iter()
            .filter(|b| b.stats.words >= RECORD_PROSE_WORDS)
            .count();
        // (Cards marked by a button may each hold a paragraph: a blurb under a name.)
        if !marker && prose * CARDS_PER_PROSE > n_cards {
            continue;
        }
        if marker {
            let inside: u32 = span.iter().map(|b| b.stats.words).sum();
            let at = |i: usize| kept_before.get(i).copied().unwrap_or(sum);
            let before = at(from);
            let after = sum - at(to);
            let anchored = anchors.get(from..to).unwrap_or(&[]).iter().any(|&k| k);
            // On a page whose text sits in one region, cards stand apart from that text
            // (nothing kept among them) and hold more than single words (not a picker of
            // countries and languages).
            let thin = (inside as usize) < span.len() * THIN_HALF_WORDS / 2;
            if focused && (anchored || thin) {
                continue;
            }
            if before > inside || !anchored && before + after > inside {
                continue;
            }
        }
        for i in from..to {
            // A field of every card is kept whatever its label says ("Comments: 12 pages").
            let field = |b: &DumpBlock| {
                label_head(b)
                    .is_some_and(|l| labels.get(&l).is_some_and(|p| p.len() >= MIN_RECORDS))
            };
            if blocks
                .get(i)
                .is_some_and(|b| !is_hard_furniture(b) || field(b))
                && let Some(k) = keep.get_mut(i)
            {
                *k = true;
            }
        }
        for c in cards.iter_mut().take(to).skip(from) {
            *c = true;
        }
    }
    cards
}
