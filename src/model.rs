//! The block scoring model: a fixed feature vector per block and a linear score over it.
//!
//! A linear model keeps every decision explainable: each feature's weight times its value is one
//! [`Reason`] with a signed weight. The weights were fitted by logistic regression on blocks
//! labelled against human-checked main text (see `tools/train.py` for the procedure and the
//! cross-dataset validation that guards against fitting one set of pages).

use crate::block::BlockKind;
use crate::classify::BlockView;
use crate::explain::Reason;
use crate::hints::Hints;

/// Number of local features.
pub(crate) const N_LOCAL: usize = 33;

/// The reason each local feature reports under, by index.
const LOCAL_REASONS: [Reason; N_LOCAL] = [
    Reason::Length, // bias, folded into length
    Reason::Length,
    Reason::Punctuation,
    Reason::Punctuation,
    Reason::Punctuation,
    Reason::LinkDensity,
    Reason::LinkDensity,
    Reason::Kind,
    Reason::Kind,
    Reason::Kind,
    Reason::Kind,
    Reason::Kind,
    Reason::Kind,
    Reason::Hint("nav"),
    Reason::Hint("footer"),
    Reason::Hint("header"),
    Reason::Hint("sidebar"),
    Reason::Hint("related"),
    Reason::Hint("share"),
    Reason::Hint("comment"),
    Reason::Hint("ad"),
    Reason::Hint("consent"),
    Reason::Hint("meta"),
    Reason::Hint("hidden"),
    Reason::Hint("content"),
    Reason::Hint("article"),
    Reason::Hint("main"),
    Reason::Hint("body"),
    Reason::Hint("form"),
    Reason::Hint("teaser"),
    Reason::Hint("caption"),
    Reason::Position,
    Reason::Repetition,
];

/// Weights of the local features.
const LOCAL_WEIGHTS: [f32; N_LOCAL] = [
    0.0, 1.0, 0.8, 0.15, 0.1, -4.0, -0.5, 0.6, -0.2, 1.5, 0.3, 0.0, 0.0, -1.5, -1.5, 0.0, -1.5,
    -1.5, -1.5, -2.5, -1.5, -1.5, -0.6, -1.0, 0.4, 0.4, 0.4, 1.0, 0.0, -0.4, 0.0, 0.0, 0.0,
];

fn flag(b: bool) -> f32 {
    if b { 1.0 } else { 0.0 }
}

/// The local feature vector of a block.
pub(crate) fn local_features(b: &BlockView<'_>) -> [f32; N_LOCAL] {
    let st = &b.stats;
    let chars = b.weighted_chars();
    let ld = b.link_density();
    let h = b.hints;
    let kind = b.raw.kind;
    [
        1.0,
        (chars.max(1.0) / 50.0).ln().clamp(-3.0, 2.5),
        flag(st.ends_sentence),
        st.sentence_marks.min(4) as f32,
        st.commas.min(4) as f32,
        ld,
        flag(b.raw.links > 0 && ld > 0.3 && chars < 80.0),
        flag(matches!(kind, BlockKind::Heading { .. })),
        flag(kind == BlockKind::ListItem),
        flag(kind == BlockKind::Code),
        flag(kind == BlockKind::Quote),
        flag(matches!(kind, BlockKind::TableCell | BlockKind::TableRow)),
        flag(kind == BlockKind::Caption),
        flag(h.has(Hints::NAV)),
        flag(h.has(Hints::FOOTER)),
        flag(h.has(Hints::HEADER)),
        flag(h.has(Hints::SIDEBAR)),
        flag(h.has(Hints::RELATED)),
        flag(h.has(Hints::SHARE)),
        flag(h.has(Hints::COMMENT)),
        flag(h.has(Hints::AD)),
        flag(h.has(Hints::CONSENT)),
        flag(h.has(Hints::META)),
        flag(h.has(Hints::HIDDEN)),
        flag(h.has(Hints::CONTENT)),
        flag(h.has(Hints::ARTICLE)),
        flag(h.has(Hints::MAIN)),
        flag(h.has(Hints::BODY_PROP)),
        flag(h.has(Hints::FORM)),
        flag(h.has(Hints::TEASER)),
        flag(h.has(Hints::CAPTION)),
        b.position,
        (b.path_repeats.max(1) as f32).ln(),
    ]
}

/// The local score of a block; with `reasons`, each feature's contribution is recorded.
pub(crate) fn local_score(b: &BlockView<'_>, reasons: Option<&mut Vec<(Reason, f32)>>) -> f32 {
    let x = local_features(b);
    let mut s = 0.0;
    for (xi, wi) in x.iter().zip(LOCAL_WEIGHTS) {
        s += xi * wi;
    }
    if let Some(r) = reasons {
        for ((xi, wi), reason) in x.iter().zip(LOCAL_WEIGHTS).zip(LOCAL_REASONS) {
            let c = xi * wi;
            if c == 0.0 {
                continue;
            }
            match r.iter_mut().find(|(k, _)| *k == reason) {
                Some((_, v)) => *v += c,
                None => r.push((reason, c)),
            }
        }
    }
    s
}
