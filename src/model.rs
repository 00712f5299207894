//! The block scoring model: two linear scores over fixed feature vectors.
//!
//! * The **prose score** reads only a block's text and kind (length, punctuation, links, shape).
//!   It finds the main container without being misled by markup hints: a page whose article
//!   sits in `<div class="modal-enabled">` still has its prose in the right place.
//! * The **block score** decides each block: its text features again, the hints of the elements
//!   around it (inside the container, only the hints below the container count), whether it is
//!   inside the container, its surroundings, the side of the title, repetition, and the prose
//!   scores of its neighbours.
//!
//! A linear model keeps every decision explainable: each feature's weight times its value is one
//! [`Reason`] with a signed weight. The weights were fitted by logistic regression on blocks
//! labelled against human-checked main text; `tools/train.py` holds the procedure and the
//! cross-validation that guards against fitting the pages it was trained on.

use crate::block::BlockKind;
use crate::classify::{BlockView, TitleSide};
use crate::explain::Reason;
use crate::hints::Hints;

/// Number of text features, shared by both scores.
pub(crate) const N_TEXT: usize = 21;

const TEXT_REASONS: [Reason; N_TEXT] = [
    Reason::Length, // the intercept, reported with length
    Reason::Length,
    Reason::Punctuation,
    Reason::Punctuation,
    Reason::Punctuation,
    Reason::LinkDensity,
    Reason::LinkDensity,
    Reason::LinkDensity,
    Reason::LinkDensity,
    Reason::Shape,
    Reason::Shape,
    Reason::Shape,
    Reason::Kind,
    Reason::Kind,
    Reason::Kind,
    Reason::Kind,
    Reason::Kind,
    Reason::Kind,
    Reason::Kind,
    Reason::Length,
    Reason::Length,
];

fn flag(b: bool) -> f32 {
    if b { 1.0 } else { 0.0 }
}

fn ratio(a: u32, b: u32) -> f32 {
    if b == 0 {
        0.0
    } else {
        (a as f32 / b as f32).min(1.0)
    }
}

/// Features of a block's text and kind alone.
pub(crate) fn text_features(b: &BlockView<'_>) -> [f32; N_TEXT] {
    let st = &b.stats;
    let chars = b.weighted_chars();
    let ld = b.link_density();
    let kind = b.raw.kind;
    [
        1.0,
        (chars.max(1.0) / 50.0).ln().clamp(-3.0, 2.5),
        flag(st.ends_sentence),
        st.sentence_marks.min(4) as f32,
        st.commas.min(4) as f32,
        ld,
        flag(b.raw.links > 0 && ld > 0.3 && chars < 80.0),
        (1.0 + f32::from(b.raw.links)).ln(),
        (ld - 0.5).max(0.0),
        ratio(st.digits, st.chars),
        ratio(st.capitalized, st.words),
        flag(b.raw.text.trim_end().ends_with(':')),
        flag(matches!(kind, BlockKind::Heading { .. })),
        flag(kind == BlockKind::Heading { level: 1 }),
        flag(kind == BlockKind::ListItem),
        flag(kind == BlockKind::Code),
        flag(kind == BlockKind::Quote),
        flag(matches!(kind, BlockKind::TableCell | BlockKind::TableRow)),
        flag(kind == BlockKind::Caption),
        flag(st.cjk),
        (1.0 + st.words as f32).ln(),
    ]
}

const PROSE_WEIGHTS: [f32; N_TEXT] = [
    0.8338, 0.4842, 1.0502, -0.1123, 0.1599, -1.7605, 0.0057, -0.1770, -0.2795, -0.3544, -0.2467,
    0.9848, 0.2301, -1.6763, -0.3773, 0.3985, 1.1703, 1.0234, -2.8117, -0.8539, -0.2446,
];

/// How much a block reads like running prose, from its text alone. Positive leans to prose.
pub(crate) fn prose_score(b: &BlockView<'_>) -> f32 {
    text_features(b)
        .iter()
        .zip(PROSE_WEIGHTS)
        .map(|(x, w)| x * w)
        .sum()
}

/// The hint categories the block score reads, in feature order.
const HINT_FEATURES: [(Hints, &str); 18] = [
    (Hints::NAV, "nav"),
    (Hints::FOOTER, "footer"),
    (Hints::HEADER, "header"),
    (Hints::SIDEBAR, "sidebar"),
    (Hints::RELATED, "related"),
    (Hints::SHARE, "share"),
    (Hints::COMMENT, "comment"),
    (Hints::AD, "ad"),
    (Hints::CONSENT, "consent"),
    (Hints::META, "meta"),
    (Hints::HIDDEN, "hidden"),
    (Hints::CONTENT, "content"),
    (Hints::ARTICLE, "article"),
    (Hints::MAIN, "main"),
    (Hints::BODY_PROP, "body"),
    (Hints::FORM, "form"),
    (Hints::TEASER, "teaser"),
    (Hints::CAPTION, "caption"),
];

/// What the block score knows beyond the block itself.
pub(crate) struct Context {
    /// Hints around the block; inside the container only those below it.
    pub hints: Hints,
    pub inside: bool,
    /// Share of the page's characters in the container.
    pub container_share: f32,
    /// Prose scores of the neighbours: previous, next, mean of the three before and after.
    pub prev: f32,
    pub next: f32,
    pub prev3: f32,
    pub next3: f32,
    /// Blocks between this block and the container, 0 inside.
    pub distance: u32,
}

/// Number of context features of the block score.
const N_CONTEXT: usize = 16;

const CONTEXT_REASONS: [Reason; N_CONTEXT] = [
    Reason::InContainer,
    Reason::Position,
    Reason::Repetition,
    Reason::Repetition,
    Reason::Surroundings,
    Reason::Surroundings,
    Reason::Surroundings,
    Reason::TitleSide,
    Reason::TitleSide,
    Reason::Kind,
    Reason::Neighbours,
    Reason::Neighbours,
    Reason::Neighbours,
    Reason::Neighbours,
    Reason::OutsideContainer,
    Reason::InContainer,
];

/// Number of features of the block score.
pub(crate) const N_BLOCK: usize = N_TEXT + 18 + N_CONTEXT;

/// The block score's features: text, hints, context.
pub(crate) fn block_features(b: &BlockView<'_>, c: &Context) -> [f32; N_BLOCK] {
    let mut x = [0.0f32; N_BLOCK];
    let clip = |v: f32| v.clamp(-6.0, 6.0);
    let text = text_features(b);
    let hints = HINT_FEATURES.map(|(h, _)| flag(c.hints.has(h)));
    let context: [f32; N_CONTEXT] = [
        flag(c.inside),
        b.position,
        (b.path_repeats.max(1) as f32).ln(),
        (1.0 + b.text_repeats as f32).ln(),
        (1.0 + b.parent_chars as f32).ln(),
        ratio(b.parent_link_chars, b.parent_chars),
        (1.0 + b.parent_blocks as f32).ln(),
        flag(b.title_side == TitleSide::Before),
        flag(b.title_side == TitleSide::After),
        flag(b.raw.in_table),
        clip(c.prev),
        clip(c.next),
        clip(c.prev3),
        clip(c.next3),
        (1.0 + c.distance as f32).ln(),
        if c.inside { c.container_share } else { 0.0 },
    ];
    for (dst, src) in x
        .iter_mut()
        .zip(text.iter().chain(hints.iter()).chain(context.iter()))
    {
        *dst = *src;
    }
    x
}

fn block_reason(i: usize) -> Reason {
    if let Some(r) = TEXT_REASONS.get(i) {
        return *r;
    }
    if let Some((_, name)) = HINT_FEATURES.get(i - N_TEXT) {
        return Reason::Hint(name);
    }
    CONTEXT_REASONS
        .get(i - N_TEXT - HINT_FEATURES.len())
        .copied()
        .unwrap_or(Reason::Length)
}

const BLOCK_WEIGHTS: [f32; N_BLOCK] = [
    0.9182, 0.3993, 0.9476, 0.0125, 0.0711, -1.4279, -0.2663, -0.1781, 0.9720, -0.1183, 0.4791,
    0.5596, 0.4091, -1.3033, 0.0944, 0.3072, 1.2455, 0.7263, -1.1099, -0.9727, -0.3423, -0.7934,
    -2.7806, -0.6484, -0.9452, -1.8930, -0.5291, -2.0551, -0.6185, -2.5246, -0.4756, -0.4885,
    -0.3018, 0.3628, 0.2516, 1.6961, -0.9785, 0.1579, -1.6458, 1.8080, -1.3163, 0.4783, -0.1559,
    -0.1029, 0.1618, 0.2571, -1.6596, -0.1619, 0.2717, 0.0662, 0.0628, 0.1840, 0.2685, 0.0723,
    -1.1683,
];

/// The block score; with `reasons`, each feature's contribution is recorded by reason.
pub(crate) fn block_score(
    b: &BlockView<'_>,
    c: &Context,
    reasons: Option<&mut Vec<(Reason, f32)>>,
) -> f32 {
    let x = block_features(b, c);
    let s: f32 = x.iter().zip(BLOCK_WEIGHTS).map(|(xi, wi)| xi * wi).sum();
    if let Some(r) = reasons {
        for (i, (xi, wi)) in x.iter().zip(BLOCK_WEIGHTS).enumerate() {
            let contribution = xi * wi;
            if contribution == 0.0 {
                continue;
            }
            let reason = block_reason(i);
            match r.iter_mut().find(|(k, _)| *k == reason) {
                Some((_, v)) => *v += contribution,
                None => r.push((reason, contribution)),
            }
        }
    }
    s
}
