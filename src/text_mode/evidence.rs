//! The evidence a block of a dump carries: its own (length, sentences, the shape of its line)
//! and its neighbours' (runs of short lines, repeats, shared openings), and the furniture
//! predicates built on its shape.
//!
//! Separate because every later pass asks the same questions of a block ("is it furniture?",
//! "how long is it?"); the passes hold only the sequence logic.

use std::collections::HashMap;

use crate::block::BlockKind;
use crate::blocks::lines::{DumpBlock, Phrases};
use crate::blocks::repeat::fold;
use crate::explain::Reason;

/// Characters, with CJK counted three times (as in HTML mode).
pub(super) fn weight_chars(b: &DumpBlock) -> f32 {
    let st = &b.stats;
    (if st.cjk { st.chars * 3 } else { st.chars }) as f32
}

/// Characters (CJK counted three times) below which a line that ends no sentence reads as a
/// menu item: two or three words.
const MENU_LINE: f32 = 30.0;
/// Characters below which a title-case line that ends no sentence reads as a menu item or a
/// link label ("Terms Of Use And Privacy Policy"); a title-case line may be longer than a plain
/// one and still be a label.
const TITLE_CASE_MENU_LINE: f32 = 80.0;

/// A short line that reads like a menu item or a link label: a few words, or capitalised words,
/// and no sentence. List items in a text are longer or written in sentence case.
pub(super) fn is_menu_like(b: &DumpBlock) -> bool {
    let st = &b.stats;
    !st.ends_sentence
        && !b.shape.sentence_case
        && (weight_chars(b) < MENU_LINE
            || b.shape.title_case && weight_chars(b) < TITLE_CASE_MENU_LINE)
}

/// Characters from which a title-case line that ends no sentence is run-together labels.
const LONG_TITLE_CASE: f32 = 100.0;

/// A long line of capitalised words that stops without a sentence: a menu, a list of names or
/// other stories' headlines run together by the converter, not a paragraph.
fn is_run_together(b: &DumpBlock) -> bool {
    b.shape.title_case
        && !b.stats.ends_sentence
        && weight_chars(b) >= LONG_TITLE_CASE
        && b.raw.kind == BlockKind::Paragraph
}

/// Short parts of a line split by one separator (`|`, `·`…) from which it is a menu: three,
/// the fewest the segmenter counts (two separators); "Home | News" alone is not counted.
pub(super) const MENU_PARTS: u16 = 3;

/// Lines in a run of short non-sentences from which it is a menu or link list (a context
/// feature), and from which it is a long one (a second feature).
const MENU_RUN: usize = 3;
/// Lines of a long menu run (see [`MENU_RUN`]): five or more, a whole menu rather than a
/// heading over a byline and a date.
const LONG_MENU_RUN: usize = 5;
/// Characters of a line, at most, whose opening before a `:`, `–` or `|` is compared with the
/// other lines' ("Also read – …"): a label over a headline, not a paragraph.
const OPENING_LINE_MAX: u32 = 120;
/// Words of such an opening, at most: a label ("Read more", "Also read").
const OPENING_WORDS: usize = 3;
/// Characters of a line, at most, whose repeats in the dump mark it as furniture ("Share",
/// "Advertisement"); longer repeats are duplicates of the text (a deck), handled later.
const REPEATED_LINE_MAX: u32 = 100;

/// Number of a dump block's features: what it carries on its own, then what its neighbours
/// say ([`CONTEXT_AT`] on).
pub(crate) const N_DUMP: usize = 30;

/// Where the context features start: a run of short lines, a long run, a repeated short line,
/// a shared opening (see [`context_features`]).
pub(super) const CONTEXT_AT: usize = 26;

/// The features of a block on its own: length, sentence punctuation, kind, links, and the
/// shape of its line (menu parts, numbers, copyright, ellipsis, address, glued link texts,
/// counts, letter case, furniture phrases). The context slots are left at zero
/// ([`context_features`] fills them).
pub(super) fn local_features(b: &DumpBlock) -> [f32; N_DUMP] {
    let st = &b.stats;
    let sh = &b.shape;
    let chars = weight_chars(b);
    let f = |v: bool| if v { 1.0 } else { 0.0 };
    let ld = if st.chars > 0 && b.raw.link_chars > 0 {
        (b.raw.link_chars as f32 / st.chars as f32).min(1.0)
    } else {
        0.0
    };
    let mut x = [0.0f32; N_DUMP];
    let own = [
        1.0,
        (chars.max(1.0) / 50.0).ln().clamp(-3.0, 2.5),
        f(st.ends_sentence),
        st.sentence_marks.min(4) as f32,
        st.commas.min(4) as f32,
        f(matches!(b.raw.kind, BlockKind::Heading { .. })),
        f(b.raw.kind == BlockKind::ListItem),
        f(b.raw.kind == BlockKind::Code),
        f(b.raw.kind == BlockKind::Quote),
        ld,
        f(sh.menu_parts >= MENU_PARTS),
        f(sh.numeric),
        f(sh.copyright),
        f(sh.ellipsis),
        f(sh.url),
        // Prose ends its paragraphs with punctuation; a long block that stops without it was
        // cut off (a teaser) or is a run of titles glued together.
        f(!st.ends_sentence && chars >= 100.0),
        f(sh.glued > 0),
        f32::from(sh.glued.min(3)),
        f(sh.count_suffix),
        // A sentence in sentence case reads as prose however short it is.
        f(sh.sentence_case && sh.glued == 0),
        f(sh.title_case && !st.ends_sentence),
        f(is_run_together(b)),
        f(sh.phrases.any()),
        f(sh.phrases.has(Phrases::LEGAL)),
        // A phrase and a shape together: "Also read: <headline>", "Tags: a, b, c" are labels
        // over links, not sentences.
        f(sh.phrases.any() && !st.ends_sentence),
        f(st.cjk),
    ];
    for (d, s) in x.iter_mut().zip(own) {
        *d = s;
    }
    x
}

/// The reason each feature of [`local_features`] is reported under in explanations.
pub(super) fn reason(feature: usize) -> Reason {
    match feature {
        0 | 1 | 15 | 25 => Reason::Length,
        2..=4 | 19 => Reason::Punctuation,
        5..=8 => Reason::Kind,
        9 => Reason::LinkDensity,
        10..=14 | 16..=18 | 20..=24 => Reason::Shape,
        26 | 27 => Reason::Neighbours,
        _ => Reason::Repetition,
    }
}

/// A linear score over a block's features.
pub(super) fn dot(x: &[f32; N_DUMP], w: &[f32]) -> f32 {
    x.iter().zip(w).map(|(a, b)| a * b).sum()
}

/// A block whose shape says it is page furniture wherever it stands: a menu line, a date or
/// count, a copyright line, a teaser cut off, an address, glued link texts, a furniture phrase.
pub(super) fn is_furniture(b: &DumpBlock) -> bool {
    let sh = &b.shape;
    sh.menu_parts >= MENU_PARTS
        || sh.numeric
        || sh.copyright
        || sh.ellipsis
        || sh.url
        || sh.glued > 0
        || sh.count_suffix
        || sh.phrases.any()
        || is_run_together(b)
}

/// Fills the context features of every block: in a run of three or four short
/// non-sentences (a menu, a link list), in a run of five or more, a short line that repeats in
/// the dump (a menu printed twice, "Advertisement" between paragraphs), a short line that
/// shares its opening with others ("Also read – …", "Read more: …").
pub(super) fn context_features(blocks: &[DumpBlock], x: &mut [[f32; N_DUMP]]) {
    let n = blocks.len();
    let mut set = |i: usize, slot: usize| {
        if let Some(v) = x.get_mut(i).and_then(|x| x.get_mut(CONTEXT_AT + slot)) {
            *v = 1.0;
        }
    };
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j < n && blocks.get(j).is_some_and(is_menu_like) {
            j += 1;
        }
        let run = j - i;
        if run >= MENU_RUN {
            for k in i..j {
                set(k, if run >= LONG_MENU_RUN { 1 } else { 0 });
            }
        }
        i = j.max(i + 1);
    }
    // Long repeats (a deck repeated in the body) are handled as duplicates later.
    let folded: Vec<String> = blocks.iter().map(|b| fold(&b.raw.text)).collect();
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for f in &folded {
        if !f.is_empty() {
            *counts.entry(f.as_str()).or_insert(0) += 1;
        }
    }
    let mut openings: HashMap<String, u32> = HashMap::new();
    let opening_of = |b: &DumpBlock| -> Option<String> {
        if b.stats.chars > OPENING_LINE_MAX {
            return None;
        }
        let t = b.raw.text.as_str();
        let cut = t.find([':', '–', '—', '|', '»'])?;
        let head = fold(&t[..cut]);
        let words = head.split(' ').count();
        (!head.is_empty() && words <= OPENING_WORDS).then_some(head)
    };
    let heads: Vec<Option<String>> = blocks.iter().map(opening_of).collect();
    for h in heads.iter().flatten() {
        *openings.entry(h.clone()).or_insert(0) += 1;
    }
    for (i, b) in blocks.iter().enumerate() {
        let f = folded.get(i).map_or("", String::as_str);
        if counts.get(f).copied().unwrap_or(0) >= 2 && b.stats.chars < REPEATED_LINE_MAX {
            set(i, 2);
        }
        if let Some(Some(h)) = heads.get(i)
            && openings.get(h).copied().unwrap_or(0) >= 2
        {
            set(i, 3);
        }
    }
}

/// A block that no gap filling crosses: a menu line, a copyright line, an address, a
/// furniture phrase ("Related", "Tags", "Share", "Sign in", "Advertisement", "Comments").
pub(super) fn is_hard_furniture(b: &DumpBlock) -> bool {
    let sh = &b.shape;
    sh.menu_parts >= MENU_PARTS || sh.copyright || sh.url || sh.phrases.any()
}
