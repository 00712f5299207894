//! Passes for a page whose text sits in one region (an article): a lone block kept outside
//! every region and a long run of short non-sentences (headlines of other stories) go.
//!
//! Separate because the pipeline runs them only on such pages; on a thread or a listing the
//! same shapes are the text.

use crate::blocks::lines::DumpBlock;

use super::gaps::announces;
use super::regions::Place;

/// On a page whose text sits in one region, a single block kept outside every region after
/// the main one (a teaser paragraph between the headlines and dates of other stories) is
/// dropped, unless it is all that was kept.
pub(super) fn drop_lone_outsiders(place: &[Place], keep: &mut [bool]) {
    let n = keep.len();
    let kept = |keep: &[bool], i: usize| keep.get(i).copied().unwrap_or(false);
    // Before the main region a lone block is more often the lead than a teaser.
    let main_start = place.iter().position(|&p| p == Place::Main).unwrap_or(n);
    let lone: Vec<usize> = (main_start..n)
        .filter(|&i| {
            kept(keep, i)
                && (i == 0 || !kept(keep, i - 1))
                && !kept(keep, i + 1)
                && place.get(i) == Some(&Place::Outside)
        })
        .collect();
    if lone.len() < keep.iter().filter(|&&k| k).count() {
        for i in lone {
            if let Some(k) = keep.get_mut(i) {
                *k = false;
            }
        }
    }
}

/// Fewest lines in a run that [`drop_headline_runs`] takes for a list of headlines or links.
const HEADLINE_RUN: usize = 15;

/// Words of a short line in such a run, at most: a line of up to 15 words is a headline or a
/// link's text, not a sentence.
const HEADLINE_WORDS: u32 = 15;

/// On a page whose text sits in one region, a long run of short lines none of which ends a
/// sentence ("Most read", a column of other stories' headlines, a link list) is not the text,
/// wherever the regions put it. The output is never emptied by this.
pub(super) fn drop_headline_runs(blocks: &[DumpBlock], keep: &mut [bool]) {
    let short_line =
        |b: &DumpBlock| !b.stats.ends_sentence && (1..=HEADLINE_WORDS).contains(&b.stats.words);
    let mut out = keep.to_vec();
    let mut i = 0;
    while i < blocks.len() {
        let start = i;
        while blocks.get(i).is_some_and(short_line) {
            i += 1;
        }
        let announcer = |j: usize| {
            keep.get(j).copied().unwrap_or(false) && blocks.get(j).is_some_and(announces)
        };
        let announced = announcer(start) || start > 0 && announcer(start - 1);
        if i - start >= HEADLINE_RUN && !announced {
            for k in out.iter_mut().take(i).skip(start) {
                *k = false;
            }
        }
        i = i.max(start + 1);
    }
    if out.iter().any(|&k| k) {
        keep.copy_from_slice(&out);
    }
}
