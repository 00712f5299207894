//! The scoring model and its context pass.
//!
//! 1. Every block gets a local score from its own features: length, sentence punctuation, link
//!    density, kind and the hints of the elements around it.
//! 2. The main container is the element whose blocks have the largest sum of signed weights
//!    (characters of content-like blocks count for it, characters of boilerplate-like blocks
//!    against it). Blocks are contiguous per element, so each sum is a prefix-sum difference.
//! 3. Blocks inside the container get the benefit of the doubt, blocks outside need a strong
//!    score; then short blocks take the decision of their neighbours.
//! 4. Repeated text is kept once; if nothing survives, thresholds relax step by step.

use crate::block::{BlockKind, Decision};
use crate::features::TextStats;
use crate::hints::Hints;
use crate::options::Focus;
use crate::segment::{Elem, RawBlock};

/// Per-block result of classification.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Verdict {
    pub decision: Decision,
    pub score: f32,
}

/// The inputs the classifier needs for one block.
pub(crate) struct BlockView<'a> {
    pub raw: &'a RawBlock,
    pub stats: TextStats,
}

impl BlockView<'_> {
    fn link_density(&self) -> f32 {
        if self.stats.chars == 0 {
            0.0
        } else {
            (self.raw.link_chars as f32 / self.stats.chars as f32).min(1.0)
        }
    }
}

/// Evidence from the text alone: length, sentence punctuation and block kind. HTML and
/// plain-text mode both start from it; each adds what its input has besides.
pub(crate) fn text_evidence(st: &TextStats, kind: BlockKind) -> f32 {
    // CJK text packs about three times the meaning per character.
    let chars = if st.cjk { st.chars * 3 } else { st.chars } as f32;
    let mut s = (chars.max(1.0) / 50.0).ln().clamp(-3.0, 2.5);
    if st.ends_sentence {
        s += 0.8;
    }
    s += (st.sentence_marks.min(4) as f32) * 0.15 + (st.commas.min(4) as f32) * 0.1;
    match kind {
        BlockKind::Heading { .. } => s += 0.6,
        BlockKind::ListItem => s -= 0.2,
        BlockKind::Code => s += 1.5,
        BlockKind::Quote => s += 0.3,
        _ => {}
    }
    s
}

/// The score a block earns on its own. Positive leans to main text.
pub(crate) fn local_score(b: &BlockView<'_>) -> f32 {
    let st = &b.stats;
    let chars = if st.cjk { st.chars * 3 } else { st.chars } as f32;
    let ld = b.link_density();
    let mut s = text_evidence(st, b.raw.kind);
    s -= 4.0 * ld;
    if b.raw.links > 0 && ld > 0.3 && chars < 80.0 {
        s -= 0.5;
    }
    let h = b.raw.hints;
    if h.has(Hints::NEGATIVE) {
        s -= 1.5;
    }
    if h.has(Hints::COMMENT) {
        s -= 1.0;
    }
    if h.has(Hints::HIDDEN) {
        s -= 1.0;
    }
    if h.has(Hints::META) {
        s -= 0.6;
    }
    if h.has(Hints::TEASER) {
        s -= 0.4;
    }
    if h.has(Hints::BODY_PROP) {
        s += 1.0;
    } else if h.has(Hints::POSITIVE) {
        s += 0.4;
    }
    s
}

/// Picks the element whose blocks weigh most: the main container.
fn find_container(elems: &[Elem], blocks: &[BlockView<'_>], local: &[f32]) -> usize {
    let mut prefix = Vec::with_capacity(blocks.len() + 1);
    let mut acc = 0.0f64;
    prefix.push(0.0);
    for (b, &s) in blocks.iter().zip(local) {
        let chars = b.stats.chars as f64 * if b.stats.cjk { 3.0 } else { 1.0 };
        let w = if s > 0.0 { chars } else { -0.7 * chars };
        acc += w;
        prefix.push(acc);
    }
    let mut best = (0usize, f64::MIN);
    for (i, e) in elems.iter().enumerate() {
        let first = e.first_block as usize;
        let end = (e.end_block as usize).min(blocks.len());
        if first >= end {
            continue;
        }
        let sum = prefix.get(end).copied().unwrap_or(0.0) - prefix.get(first).copied().unwrap_or(0.0);
        // Markup that names the body earns a bonus, so ties go to it.
        let bonus = if e.hints.has(Hints::BODY_PROP) {
            1.15
        } else if e.hints.has(Hints::ARTICLE) || e.hints.has(Hints::CONTENT) {
            1.05
        } else {
            1.0
        };
        let v = sum * bonus;
        if v > best.1 {
            best = (i, v);
        }
    }
    best.0
}

/// Classifies all blocks of a page.
pub(crate) fn classify(elems: &[Elem], blocks: &[BlockView<'_>], focus: Focus) -> Vec<Verdict> {
    let local: Vec<f32> = blocks.iter().map(local_score).collect();
    if blocks.is_empty() {
        return Vec::new();
    }
    let container = find_container(elems, blocks, &local);
    let (first, end) = elems
        .get(container)
        .map_or((0, blocks.len()), |e| {
            (e.first_block as usize, (e.end_block as usize).min(blocks.len()))
        });
    let bias = focus.bias();
    let mut score: Vec<f32> = local
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            let inside = i >= first && i < end;
            s + bias + if inside { 1.2 } else { -2.5 }
        })
        .collect();
    smooth(
        |i| blocks.get(i).is_some_and(|b| b.stats.chars < 80),
        |i| blocks.get(i).is_some_and(|b| b.link_density() < 0.5),
        &mut score,
    );
    let mut keep: Vec<bool> = score.iter().map(|&s| s > 0.0).collect();
    keep_headings_before_content(blocks, &mut keep);
    never_empty(&score, &mut keep);
    keep.iter()
        .zip(&score)
        .map(|(&k, &s)| Verdict {
            decision: if k {
                Decision::Content
            } else {
                Decision::Boilerplate
            },
            score: s,
        })
        .collect()
}

/// Short blocks take their neighbours' side: a short line between two content blocks is content,
/// a lone weak block among boilerplate is boilerplate. `short(i)` tells which blocks are short
/// enough to follow their neighbours; `may_join(i)` which of them may be pulled up to content
/// (a link list between two paragraphs may not). Both modes share this pass.
pub(crate) fn smooth(
    short: impl Fn(usize) -> bool,
    may_join: impl Fn(usize) -> bool,
    score: &mut [f32],
) {
    let n = score.len();
    let orig = score.to_vec();
    for i in 1..n.saturating_sub(1) {
        if !short(i) {
            continue;
        }
        let (Some(&p), Some(&nx)) = (orig.get(i - 1), orig.get(i + 1)) else {
            continue;
        };
        if let Some(s) = score.get_mut(i) {
            if p > 0.0 && nx > 0.0 && may_join(i) {
                *s = s.max(0.1);
            } else if p <= 0.0 && nx <= 0.0 {
                *s = s.min(-0.1);
            }
        }
    }
}

/// Never empty when text exists: if no block was kept, keep the best-scoring ones (within one
/// point of the best). Both modes share this fallback.
pub(crate) fn never_empty(score: &[f32], keep: &mut [bool]) {
    if keep.iter().any(|&k| k) {
        return;
    }
    let best = score.iter().copied().fold(f32::MIN, f32::max);
    for (k, &s) in keep.iter_mut().zip(score) {
        *k = s >= best - 1.0;
    }
}

/// A heading is kept when the block after it is content and it is not a list of links.
fn keep_headings_before_content(blocks: &[BlockView<'_>], keep: &mut [bool]) {
    for i in 0..blocks.len() {
        let Some(b) = blocks.get(i) else { continue };
        if !b.raw.kind.is_heading() {
            continue;
        }
        let next_content = keep.get(i + 1).copied().unwrap_or(false);
        if let Some(k) = keep.get_mut(i) {
            *k = next_content && b.link_density() < 0.6;
        }
    }
}
