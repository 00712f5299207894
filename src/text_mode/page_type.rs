//! The page type of a dump: what kind of page it prints, from the shape of its lines and of its
//! regions (HTML mode reads the markup instead, see `model::page_type`).
//!
//! An article prints one long region of sentences; a listing or a shop prints many short lines,
//! counts and prices spread over many regions; a forum thread prints posts under name and date
//! lines. The classifier is one linear score per type over [`page_features`], fitted by the
//! `train` example on the training set's labels.

use crate::blocks::lines::DumpBlock;
use crate::features::furniture_cues::is_price_line;
use crate::model::page_type::{self, PageType};

use super::evidence::{CONTEXT_AT, N_DUMP, is_furniture, is_menu_like, weight_chars};
use super::regions::{Place, SPREAD_SHARE};

/// Number of a dump's page features.
pub(crate) const N_DUMP_PAGE: usize = 26;

/// Where the context features mark a line in a run of short lines (a menu) or a long run.
const MENU_RUN_SLOTS: [usize; 2] = [CONTEXT_AT, CONTEXT_AT + 1];
/// Where they mark a short line that repeats in the dump.
const REPEATED_SLOT: usize = CONTEXT_AT + 2;

/// The page features of a dump: its size, how its text sits in regions (`own`: each block's own
/// score, `place` and `share` from [`super::regions::places`]; how many regions), and the share
/// of its lines of each shape (prices, teasers, table rows and code among them).
pub(super) fn page_features(
    blocks: &[DumpBlock],
    local: &[[f32; N_DUMP]],
    own: &[f32],
    place: &[Place],
    share: f32,
) -> [f32; N_DUMP_PAGE] {
    let n = blocks.len().max(1) as f32;
    let frac = |f: &dyn Fn(usize, &DumpBlock) -> bool| -> f32 {
        blocks.iter().enumerate().filter(|(i, b)| f(*i, b)).count() as f32 / n
    };
    let chars: f32 = blocks.iter().map(weight_chars).sum::<f32>().max(1.0);
    let main_chars: f32 = blocks
        .iter()
        .zip(place)
        .filter(|(_, p)| **p == Place::Main)
        .map(|(b, _)| weight_chars(b))
        .sum();
    let words: u32 = blocks.iter().map(|b| b.stats.words).sum();
    let mean_len = blocks
        .iter()
        .map(|b| (weight_chars(b).max(1.0) / 50.0).ln().clamp(-3.0, 2.5))
        .sum::<f32>()
        / n;
    let slot =
        |i: usize, s: usize| local.get(i).and_then(|x| x.get(s)).copied().unwrap_or(0.0) > 0.0;
    let f = |v: bool| if v { 1.0 } else { 0.0 };
    // Regions of text: runs of blocks in the main or a side region.
    let regions = place
        .iter()
        .zip(std::iter::once(&Place::Outside).chain(place.iter()))
        .filter(|(p, before)| **p != Place::Outside && **before == Place::Outside)
        .count();
    [
        1.0,
        (1.0 + blocks.len() as f32).ln(),
        (1.0 + words as f32).ln(),
        mean_len,
        share,
        f(share < SPREAD_SHARE),
        main_chars / chars,
        frac(&|i, _| place.get(i) == Some(&Place::Main)),
        frac(&|i, _| place.get(i) == Some(&Place::Side)),
        frac(&|i, _| own.get(i).is_some_and(|&s| s > 0.0)),
        frac(&|_, b| b.stats.ends_sentence),
        frac(&|_, b| is_menu_like(b)),
        frac(&|_, b| is_furniture(b)),
        frac(&|_, b| b.shape.numeric),
        frac(&|_, b| b.shape.count_suffix),
        frac(&|_, b| b.shape.title_case && !b.stats.ends_sentence),
        frac(&|_, b| b.raw.kind == crate::block::BlockKind::ListItem || b.shape.bullet),
        frac(&|_, b| matches!(b.raw.kind, crate::block::BlockKind::Heading { .. })),
        frac(&|i, _| MENU_RUN_SLOTS.iter().any(|&s| slot(i, s))),
        frac(&|i, _| slot(i, REPEATED_SLOT)),
        (1.0 + regions as f32).ln(),
        frac(&|_, b| is_price_line(&b.raw.text, b.stats.chars)),
        frac(&|_, b| b.shape.ellipsis),
        frac(&|_, b| b.shape.cells > 0),
        frac(&|_, b| b.raw.kind == crate::block::BlockKind::Code),
        frac(&|_, b| b.shape.phrases.has(crate::blocks::lines::Phrases::COMMENTS)),
    ]
}

/// The most probable type of a dump with features `x`, under the weights `w`.
pub(super) fn judge(x: &[f32; N_DUMP_PAGE], w: &[f32]) -> PageType {
    page_type::most_probable(&page_type::probabilities_of(x, w))
}
