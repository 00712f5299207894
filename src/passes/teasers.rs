//! Teasers for other pages: a linked headline with a byline, a date and a one-paragraph
//! summary. The views mark blocks in small teaser cards (a feature the model reads); a later
//! pass drops the summaries of a run of teasers after an article. Separate because both read
//! the same headline shape ([`is_link_title`]), which the item lists reuse.

use super::{BlockView, MOSTLY_LINKS, drop_kept};
use crate::blocks::segment::{Elem, RawBlock};
use crate::explain::Reason;
use crate::features::TextStats;
use crate::features::hints::Hints;

/// How far up from a block's element a teaser card is looked for.
const CARD_LEVELS: usize = 3;
/// A card holds a few blocks (title, byline, date, summary); a bigger element is a section.
const CARD_MAX_BLOCKS: u32 = 8;
/// Characters of a linked headline at least: a few words, not "More" or a section label.
const LINK_TITLE_MIN: u32 = 12;
/// Characters of a linked headline at most: a long headline; a longer link is a linked
/// paragraph.
const LINK_TITLE_MAX: u32 = 160;
/// Fifths of a headline's characters in its link, at least: four in five, leaving room for a
/// label or a count beside the link.
const LINK_TITLE_FIFTHS: u32 = 4;

/// A title made of one link: a teaser's headline.
pub(super) fn is_link_title(b: &RawBlock, st: &TextStats) -> bool {
    st.chars >= LINK_TITLE_MIN
        && st.chars <= LINK_TITLE_MAX
        && b.link_chars * 5 >= st.chars * LINK_TITLE_FIFTHS
}

/// For each block, whether it sits in a teaser card: a small element (at most
/// `CARD_MAX_BLOCKS` blocks, within `CARD_LEVELS` levels up) that also holds a link title.
pub(super) fn teaser_cards(elems: &[Elem], blocks: &[RawBlock], stats: &[TextStats]) -> Vec<bool> {
    let small = |e: &Elem| e.end_block.saturating_sub(e.first_block) <= CARD_MAX_BLOCKS;
    let ancestors = |start: u32| {
        let mut id = start as usize;
        std::iter::from_fn(move || {
            let e = elems.get(id)?;
            if id == 0 || !small(e) {
                return None;
            }
            let cur = id;
            id = e.parent as usize;
            Some(cur)
        })
        .take(CARD_LEVELS)
    };
    let mut card = vec![false; elems.len()];
    for (b, st) in blocks.iter().zip(stats) {
        if is_link_title(b, st) {
            for e in ancestors(b.elem) {
                if let Some(c) = card.get_mut(e) {
                    *c = true;
                }
            }
        }
    }
    blocks
        .iter()
        .zip(stats)
        .map(|(b, st)| {
            !is_link_title(b, st)
                && ancestors(b.elem).any(|e| card.get(e).copied().unwrap_or(false))
        })
        .collect()
}

/// Characters of a teaser's byline, date or label line, below: a name or a date with a word.
const TEASER_FURNITURE_MAX: u32 = 60;

/// Short lines a teaser may hold between its linked headline and its summary: a byline, a
/// date, a section label.
fn teaser_furniture(b: &BlockView<'_>) -> bool {
    b.stats.chars < TEASER_FURNITURE_MAX
        && (b
            .hints
            .has(Hints(Hints::BYLINE.0 | Hints::DATE.0 | Hints::META.0))
            || b.shape.byline
            || b.shape.date
            || b.shape.time)
}

/// Teasers that a run of this many headline + summary pairs shows.
const TEASER_RUN: usize = 3;
/// Characters of kept text that must come before the first teaser: the page is an article
/// followed by teasers, not a listing whose teasers are its text.
const ARTICLE_BEFORE_TEASERS: f32 = 1000.0;
/// Blocks looked back from a summary for its headline: the headline and up to two byline or
/// date lines between them.
const HEADLINE_LOOKBACK: usize = 3;
/// Words of a teaser's headline at least: a headline says something, a linked name does not.
const HEADLINE_WORDS: u32 = 4;
/// Characters of a teaser's summary at least: a sentence, not a label.
const SUMMARY_MIN: u32 = 40;
/// Fifths of a path's blocks that must follow a headline for the path to be a teaser template:
/// four in five, so the path's paragraphs are summaries rather than an article's.
const TEMPLATE_FIFTHS: usize = 4;
/// Summaries after a question, one in this many or more, make a FAQ, not teasers: half.
const FAQ_PARTS: usize = 2;

/// A list of teasers for other pages ("More stories", a "Deals" column, an author's other
/// columns) repeats one template: a linked headline, maybe a byline and a date, then a
/// one-paragraph summary. The headlines go out as links; the summaries read as prose and
/// stay unless the pattern is seen. A summary is a block whose nearest preceding block (past
/// up to two short byline or date lines) is a linked headline of four words or more (not a
/// name) in another element path. When at least `TEASER_RUN` blocks of one path follow a
/// headline, and at least four in five blocks of that path do, the path is a teaser template
/// and its summaries are dropped. Article paragraphs share their path with the paragraphs
/// around them, which a headline does not precede. Two guards: on a listing the teasers are
/// the text, so the rule only acts when `ARTICLE_BEFORE_TEASERS` characters score as content
/// before the first teaser; and questions each followed by an answer are a FAQ, which is text.
/// Measured: aeb F1 0.952 -> 0.958 (precision 0.925 -> 0.936), wcxb-dev bowF1 0.863 -> 0.863.
pub(super) fn drop_teaser_summaries(
    blocks: &[BlockView<'_>],
    score: &[f32],
    bias: f32,
    keep: &mut [bool],
    mut reasons: Option<&mut Vec<Vec<(Reason, f32)>>>,
) {
    // The headline a block follows, if any: whether it asks a question.
    let headline = |i: usize| -> Option<bool> {
        let b = blocks.get(i)?;
        let mut j = i;
        for _ in 0..HEADLINE_LOOKBACK {
            j = j.checked_sub(1)?;
            let p = blocks.get(j)?;
            if teaser_furniture(p) {
                continue;
            }
            let is = is_link_title(p.raw, &p.stats)
                && p.stats.words >= HEADLINE_WORDS
                && p.raw.path_hash != b.raw.path_hash;
            return is.then(|| p.raw.text.trim_end().ends_with('?'));
        }
        None
    };
    // Per path of a block that follows a headline: blocks after a headline, those of them
    // after a question. Few paths qualify, so a short list does; the path's block count is
    // `path_repeats`.
    let mut paths: Vec<(u64, usize, usize)> = Vec::new();
    let mut summary = vec![false; blocks.len()];
    let mut any = false;
    for (i, b) in blocks.iter().enumerate() {
        if b.link_density() >= MOSTLY_LINKS || b.stats.chars < SUMMARY_MIN {
            continue;
        }
        let Some(question) = headline(i) else {
            continue;
        };
        let path = b.raw.path_hash;
        match paths.iter_mut().find(|(p, _, _)| *p == path) {
            Some(e) => {
                e.1 += 1;
                e.2 += usize::from(question);
            }
            None => paths.push((path, 1, usize::from(question))),
        }
        if let Some(s) = summary.get_mut(i) {
            *s = true;
            any |= keep.get(i).copied().unwrap_or(false);
        }
    }
    if !any {
        return;
    }
    // Questions each followed by their answer are a FAQ, which is text.
    let teaser = |i: usize, b: &BlockView<'_>| {
        summary.get(i).copied().unwrap_or(false)
            && paths
                .iter()
                .find(|(p, _, _)| *p == b.raw.path_hash)
                .is_some_and(|&(_, t, q)| {
                    let n = b.path_repeats as usize;
                    t >= TEASER_RUN && t * 5 >= n * TEMPLATE_FIFTHS && q * FAQ_PARTS < t
                })
    };
    let first = blocks
        .iter()
        .enumerate()
        .position(|(i, b)| teaser(i, b))
        .unwrap_or(blocks.len());
    // Counted without the focus's bias, so that the presets still nest.
    let before: f32 = blocks
        .iter()
        .take(first)
        .zip(score)
        .filter(|&(_, s)| s - bias > 0.0)
        .map(|(b, _)| b.weighted_chars())
        .sum();
    if before < ARTICLE_BEFORE_TEASERS {
        return;
    }
    for (i, b) in blocks.iter().enumerate() {
        if !teaser(i, b) {
            continue;
        }
        drop_kept(keep, &mut reasons, i, Reason::TeaserList);
    }
}
