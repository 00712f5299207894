//! Teaser cards of other pages under the text (a title, a blurb and the same "Learn more"
//! line each), dropped.
//!
//! Separate because it is the opposite of a listing ([`super::records`]): the same recurring
//! line, but after more text than the cards hold.

use std::collections::HashMap;

use crate::blocks::lines::DumpBlock;

use super::fields::marker_of;
use super::kept::kept_words_before;
use super::records::RECORD_SPAN;

/// Fewest teasers for [`drop_teaser_cards`], most blocks in each, most words in its title.
const MIN_TEASERS: usize = 3;
const TEASER_BLOCKS: usize = 4;
const TEASER_TITLE_WORDS: u32 = 15;

/// Teasers of other pages under the text ("Explore more", then cards of a title, a blurb and
/// the same "Learn more" line each) are kept by their prose. A short line (see [`marker_of`])
/// kept at least [`MIN_TEASERS`] times at a steady interval (no more than [`RECORD_SPAN`]
/// blocks) closes such cards: when the cards come after more kept words than they hold, and
/// less is kept after them than in them, they and the short heading right above them go.
/// Cards that [`keep_records`](super::records::keep_records) took as the page's listing are
/// left alone.
pub(super) fn drop_teaser_cards(blocks: &[DumpBlock], keep: &mut [bool], cards: &[bool]) {
    let mut markers: HashMap<(u64, usize), Vec<usize>> = HashMap::new();
    for (i, b) in blocks.iter().enumerate() {
        if keep.get(i).copied().unwrap_or(false)
            && !b.raw.text.trim_end().ends_with([':', '：'])
            && let Some(m) = marker_of(b)
        {
            markers.entry(m).or_default().push(i);
        }
    }
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (&key, pos) in &markers {
        // Runs split where the next card is too far away, as in [`keep_records`].
        for run in pos.chunk_by(|a, b| b - a <= RECORD_SPAN) {
            if run.len() < MIN_TEASERS {
                continue;
            }
            let mut gaps: Vec<usize> = run
                .iter()
                .zip(run.iter().skip(1))
                .map(|(a, b)| b - a)
                .collect();
            gaps.sort_unstable();
            let (Some(&lo), Some(&hi)) = (gaps.first(), gaps.last()) else {
                continue;
            };
            // Every card the same few blocks, each opening with a title.
            let titled = run.iter().all(|&m| {
                blocks.get((m + 1).saturating_sub(lo)).is_some_and(|t| {
                    t.stats.sentence_marks <= 1 && t.stats.words <= TEASER_TITLE_WORDS
                })
            });
            if (2..=TEASER_BLOCKS).contains(&lo)
                && hi == lo
                && titled
                && let (Some(&first), Some(&last)) = (run.first(), run.last())
            {
                // A last card whose closing line was already dropped goes with the rest.
                let mut last = last;
                while blocks
                    .get(last + lo)
                    .is_some_and(|b| marker_of(b) == Some(key))
                {
                    last += lo;
                }
                runs.push(((first + 1).saturating_sub(lo), last));
            }
        }
    }
    runs.sort_unstable();
    let kept_before = kept_words_before(blocks, keep);
    let total = kept_before.last().copied().unwrap_or(0);
    let at = |i: usize| kept_before.get(i).copied().unwrap_or(total);
    for (from, last) in runs {
        let before = at(from);
        let inside = at(last + 1) - before;
        let after = total - at(last + 1);
        if before <= inside
            || after >= inside
            || cards.get(from..=last).is_some_and(|c| c.contains(&true))
        {
            continue;
        }
        let heading = from > 0
            && blocks
                .get(from - 1)
                .is_some_and(|h| !h.stats.ends_sentence && h.stats.words <= 4);
        for k in keep
            .iter_mut()
            .take(last + 1)
            .skip(from - usize::from(heading))
        {
            *k = false;
        }
    }
}
