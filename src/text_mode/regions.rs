//! The split of a dump into content and furniture regions: block weights, the two-state
//! Viterbi pass, the place of every block, and the score shift each place gives.
//!
//! Separate because it is the dump's analogue of HTML mode's main container: one global
//! decision that the local passes then refine.

use crate::blocks::lines::DumpBlock;

use super::evidence::{is_furniture, weight_chars};

/// Where a block lies relative to the main text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// In the heaviest content region.
    Main,
    /// In another content region that weighs at least a third of the main one (the second
    /// half of a product page, the replies of a forum thread).
    Side,
    Outside,
}

/// Block weights for the region search: the block's score times the square root of its
/// length, so that one long paragraph outweighs a few short lines but a run of twenty menu
/// items still outweighs one paragraph. A block that is not furniture by its shape (a heading,
/// a short list item, a label) costs at most [`NEUTRAL_CAP`], so that the headings and lists of
/// an article do not split it into pieces.
fn region_weights(blocks: &[DumpBlock], score: &[f32]) -> Vec<f32> {
    blocks
        .iter()
        .zip(score)
        .map(|(b, &s)| {
            let w = s * weight_chars(b).max(MIN_WEIGHT_CHARS).sqrt() * WEIGHT_SCALE;
            if is_furniture(b) {
                w
            } else {
                w.max(-NEUTRAL_CAP)
            }
        })
        .collect()
}

/// Characters a block weighs at least in [`region_weights`]: a short line still counts as a
/// line of a few words, so a run of menu items adds up.
const MIN_WEIGHT_CHARS: f32 = 30.0;
/// Scale of [`region_weights`], the unit of [`NEUTRAL_CAP`] and [`SWITCH_COST`].
const WEIGHT_SCALE: f32 = 10.0;

/// Most that a block which is not furniture by its shape costs a region (see
/// [`region_weights`]): about two short list items' worth.
const NEUTRAL_CAP: f32 = 50.0;

/// What changing between main text and furniture costs in [`content_regions`], in the units of
/// [`region_weights`] (a paragraph of 200 characters with a score of 2 weighs about 280).
const SWITCH_COST: f32 = 150.0;

/// A region weighing less than this share of the heaviest one is not main text.
const SIDE_SHARE: f32 = 0.33;

/// Below this share of the positive weight in the main region the text of the page is spread
/// out (a thread of posts, a list of items with their blurbs): regions down to
/// [`SIDE_SHARE_SPREAD`] of the main one count, and blocks outside them are judged more on
/// their own merits (each place's score shift is a learned weight, see `place_features`).
pub(super) const SPREAD_SHARE: f32 = 0.3;
/// On such a spread page, a region weighing at least this share of the heaviest one is a side
/// region (a reply, an item), half the [`SIDE_SHARE`] of a page with one main text.
const SIDE_SHARE_SPREAD: f32 = 0.15;

/// At or above this share one region holds the text (an article): a lone block kept outside
/// every region is a teaser of another page.
pub(super) const FOCUSED_SHARE: f32 = 0.5;

/// The place of every block, and the main region's share of the dump's positive weight: near
/// 1 when one region holds the text (an article), low when the text is spread over many
/// regions (a forum thread, a listing, a product page).
pub(super) fn places(blocks: &[DumpBlock], score: &[f32]) -> (Vec<Place>, f32) {
    let w = region_weights(blocks, score);
    let inside = content_regions(&w);
    // Regions as (start, end, mass).
    let mut regions: Vec<(usize, usize, f32)> = Vec::new();
    let mut i = 0;
    while i < inside.len() {
        if !inside.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        let start = i;
        let mut mass = 0.0;
        while inside.get(i).copied().unwrap_or(false) {
            mass += w.get(i).copied().unwrap_or(0.0);
            i += 1;
        }
        regions.push((start, i, mass));
    }
    let mut out = vec![Place::Outside; blocks.len()];
    let main_mass = regions.iter().map(|r| r.2).fold(0.0f32, f32::max);
    let main_positive: f32 = regions
        .iter()
        .filter(|r| r.2 >= main_mass)
        .flat_map(|&(a, e, _)| w.get(a..e).unwrap_or(&[]))
        .filter(|&&x| x > 0.0)
        .sum();
    let positive: f32 = w.iter().filter(|&&x| x > 0.0).sum();
    let share = if positive > 0.0 {
        main_positive / positive
    } else {
        0.0
    };
    let side_share = if share < SPREAD_SHARE {
        SIDE_SHARE_SPREAD
    } else {
        SIDE_SHARE
    };
    for &(a, e, mass) in &regions {
        let place = if mass >= main_mass {
            Place::Main
        } else if mass >= main_mass * side_share {
            Place::Side
        } else {
            continue;
        };
        for p in out.iter_mut().take(e).skip(a) {
            *p = place;
        }
    }
    (out, share)
}

/// Content regions: a two-state segmentation of the dump (main text, furniture) that pays
/// `switch` characters for every change of state, found by dynamic programming (Viterbi).
/// One region per page would miss the parts of forum threads and product pages; the cost of a
/// switch keeps a lone teaser among menus, or a lone menu line between paragraphs, from forming
/// a region of its own.
fn content_regions(weights: &[f32]) -> Vec<bool> {
    let n = weights.len();
    let switch = SWITCH_COST;
    // best[state] = best total ending in state; back pointers per block.
    let mut from_c: Vec<bool> = Vec::with_capacity(n); // for state C at i: previous was C?
    let mut from_b: Vec<bool> = Vec::with_capacity(n); // for state B at i: previous was C?
    let (mut c, mut b) = (-switch, 0.0f32);
    for &w in weights {
        let c_prev_c = c >= b - switch;
        let new_c = if c_prev_c { c } else { b - switch } + w;
        let b_prev_c = c - switch > b;
        let new_b = if b_prev_c { c - switch } else { b };
        from_c.push(c_prev_c);
        from_b.push(b_prev_c);
        c = new_c;
        b = new_b;
    }
    let mut out = vec![false; n];
    let mut state_c = c - switch > b;
    for i in (0..n).rev() {
        if let Some(o) = out.get_mut(i) {
            *o = state_c;
        }
        state_c = if state_c {
            from_c.get(i).copied().unwrap_or(false)
        } else {
            from_b.get(i).copied().unwrap_or(false)
        };
    }
    out
}
