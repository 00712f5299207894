//! The evidence a block of a dump carries: its own (length, sentences, the shape of its line)
//! and its neighbours' (runs of short lines, repeats, shared openings), and the furniture
//! predicates built on its shape.
//!
//! Separate because every later pass asks the same questions of a block ("is it furniture?",
//! "how long is it?"); the passes hold only the sequence logic.

use std::collections::HashMap;

use crate::block::BlockKind;
use crate::features::TextStats;
use crate::lines::{DumpBlock, Phrases};
use crate::meta::fold;

/// Characters, with CJK counted three times (as in HTML mode).
pub(super) fn weight_chars(b: &DumpBlock) -> f32 {
    let st = &b.stats;
    (if st.cjk { st.chars * 3 } else { st.chars }) as f32
}

/// Evidence from the text alone: length, sentence punctuation and block kind.
fn text_evidence(st: &TextStats, kind: BlockKind) -> f32 {
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

/// A short line that reads like a menu item or a link label: a few words, or capitalised words,
/// and no sentence. List items in a text are longer or written in sentence case.
pub(super) fn is_menu_like(b: &DumpBlock) -> bool {
    let st = &b.stats;
    !st.ends_sentence
        && !b.shape.sentence_case
        && (weight_chars(b) < 30.0 || b.shape.title_case && weight_chars(b) < 80.0)
}

/// Characters from which a title-case line that ends no sentence is run-together labels.
const LONG_TITLE_CASE: f32 = 100.0;
const LONG_TITLE_CASE_PENALTY: f32 = 3.0;

/// A long line of capitalised words that stops without a sentence: a menu, a list of names or
/// other stories' headlines run together by the converter, not a paragraph.
fn is_run_together(b: &DumpBlock) -> bool {
    b.shape.title_case
        && !b.stats.ends_sentence
        && weight_chars(b) >= LONG_TITLE_CASE
        && b.raw.kind == BlockKind::Paragraph
}

/// The evidence a block carries on its own.
pub(super) fn local_score(b: &DumpBlock) -> f32 {
    let st = &b.stats;
    let sh = &b.shape;
    let chars = weight_chars(b);
    let mut s = text_evidence(st, b.raw.kind);
    if st.chars > 0 && b.raw.link_chars > 0 {
        let ld = (b.raw.link_chars as f32 / st.chars as f32).min(1.0);
        s -= 4.0 * ld;
    }
    if sh.menu_parts >= 3 {
        s -= 2.5;
    }
    if sh.numeric {
        s -= 1.5;
    }
    if sh.copyright {
        s -= 3.0;
    }
    if sh.ellipsis {
        s -= 1.5;
    }
    if sh.url {
        s -= 2.0;
    }
    // Prose ends its paragraphs with punctuation; a long block that stops without it was cut
    // off (a teaser) or is a run of titles glued together.
    if !st.ends_sentence && chars >= 100.0 {
        s -= 1.2;
    }
    if sh.glued > 0 {
        s -= 1.0 + 0.5 * f32::from(sh.glued.min(3));
    }
    if sh.count_suffix {
        s -= 1.0;
    }
    // A sentence in sentence case reads as prose however short it is.
    if sh.sentence_case && sh.glued == 0 {
        s += 0.5;
    }
    if sh.title_case && !st.ends_sentence {
        s -= 0.5;
        if is_run_together(b) {
            s -= LONG_TITLE_CASE_PENALTY;
        }
    }
    if sh.phrases.any() {
        s -= if sh.phrases.has(Phrases::LEGAL) {
            1.2
        } else {
            0.8
        };
        // A phrase and a shape together: "Also read: <headline>", "Tags: a, b, c" are labels
        // over links, not sentences.
        if !st.ends_sentence {
            s -= 1.0;
        }
    }
    s
}

/// A block whose shape says it is page furniture wherever it stands: a menu line, a date or
/// count, a copyright line, a teaser cut off, an address, glued link texts, a furniture phrase.
pub(super) fn is_furniture(b: &DumpBlock) -> bool {
    let sh = &b.shape;
    sh.menu_parts >= 3
        || sh.numeric
        || sh.copyright
        || sh.ellipsis
        || sh.url
        || sh.glued > 0
        || sh.count_suffix
        || sh.phrases.any()
        || is_run_together(b)
}

/// Evidence from the blocks around: runs of short lines, repeats, shared openings.
pub(super) fn context_scores(blocks: &[DumpBlock]) -> Vec<f32> {
    let n = blocks.len();
    let mut ctx = vec![0.0f32; n];
    // Runs of short non-sentences: menus and link lists.
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j < n && blocks.get(j).is_some_and(is_menu_like) {
            j += 1;
        }
        let run = j - i;
        if run >= 3 {
            let pen = if run >= 5 { 1.0 } else { 0.5 };
            for c in ctx.iter_mut().take(j).skip(i) {
                *c -= pen;
            }
        }
        i = j.max(i + 1);
    }
    // Lines that repeat inside the dump: menus printed twice, "Advertisement" between
    // paragraphs. Long repeats (a deck repeated in the body) are handled as duplicates later.
    let folded: Vec<String> = blocks.iter().map(|b| fold(&b.raw.text)).collect();
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for f in &folded {
        if !f.is_empty() {
            *counts.entry(f.as_str()).or_insert(0) += 1;
        }
    }
    // Openings shared by several short lines: "Also read – …", "Read more: …".
    let mut openings: HashMap<String, u32> = HashMap::new();
    let opening_of = |b: &DumpBlock| -> Option<String> {
        if b.stats.chars > 120 {
            return None;
        }
        let t = b.raw.text.as_str();
        let cut = t.find([':', '–', '—', '|', '»'])?;
        let head = fold(&t[..cut]);
        let words = head.split(' ').count();
        (!head.is_empty() && words <= 3).then_some(head)
    };
    let heads: Vec<Option<String>> = blocks.iter().map(opening_of).collect();
    for h in heads.iter().flatten() {
        *openings.entry(h.clone()).or_insert(0) += 1;
    }
    for (i, b) in blocks.iter().enumerate() {
        let Some(c) = ctx.get_mut(i) else { continue };
        let f = folded.get(i).map_or("", String::as_str);
        if counts.get(f).copied().unwrap_or(0) >= 2 && b.stats.chars < 100 {
            *c -= 1.0;
        }
        if let Some(Some(h)) = heads.get(i)
            && openings.get(h).copied().unwrap_or(0) >= 2
        {
            *c -= 1.0;
        }
    }
    ctx
}

/// A block that no gap filling crosses: a menu line, a copyright line, an address, a
/// furniture phrase ("Related", "Tags", "Share", "Sign in", "Advertisement", "Comments").
pub(super) fn is_hard_furniture(b: &DumpBlock) -> bool {
    let sh = &b.shape;
    sh.menu_parts >= 3 || sh.copyright || sh.url || sh.phrases.any()
}
