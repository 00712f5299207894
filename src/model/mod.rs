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
//! [`Reason`] with a signed weight. The weights are fitted by logistic regression on blocks
//! labelled against human-checked main text, by the `train` example (`examples/train.rs`, with
//! the labelling rule and the fitting in [`training`]); it reports its figures out of fold,
//! with every site in one fold, so no page is scored by weights fitted on its own site.
//!
//! Two generated files hold the numbers, one per [`Model`]: `weights.rs` for the default
//! (`train --keep-scores` refits its page-type classifiers and keeps its scores) and
//! `weights_broad.rs`, which a full `train` fits whole. Each says how it was made.

use std::sync::LazyLock;

use crate::block::BlockKind;
use crate::blocks::view::{BlockView, TitleSide};
use crate::explain::Reason;
use crate::features::hints::Hints;
use crate::options::Model;

pub(crate) mod cut;
pub(crate) mod page_type;
pub mod training;
#[rustfmt::skip]
mod weights;
#[rustfmt::skip]
mod weights_broad;

use page_type::N_TYPES;

/// Every learned number of the decision stage: one weight vector per linear score.
///
/// The crate uses [`Weights::of`] the model the options ask for (the generated `weights.rs` or
/// `weights_broad.rs`); the `train` example fits others fold by fold and scores pages with
/// them, through [`training`].
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    /// The prose score, over `text_features`.
    pub prose: Vec<f32>,
    /// The block score, over `block_features`.
    pub block: Vec<f32>,
    /// The page-type classifier: one score per type over `page_type::page_features`.
    pub page: Vec<f32>,
    /// Text mode's own score of a dump block, over its features alone and its neighbours'.
    pub dump_local: Vec<f32>,
    /// Text mode's block score: the own score and the block's place in the dump's regions.
    pub dump_block: Vec<f32>,
    /// Text mode's page-type classifier: one score per type over the dump's page features.
    pub dump_page: Vec<f32>,
}

/// The weights of one generated file: its module's arrays.
macro_rules! weights_of {
    ($file:ident) => {
        Weights {
            prose: $file::PROSE.to_vec(),
            block: $file::BLOCK.to_vec(),
            page: $file::PAGE.to_vec(),
            dump_local: $file::DUMP_LOCAL.to_vec(),
            dump_block: $file::DUMP_BLOCK.to_vec(),
            dump_page: $file::DUMP_PAGE.to_vec(),
        }
    };
}

impl Weights {
    /// The weights the crate ships with for [`Model::Standard`], the default (`weights.rs`).
    pub fn trained() -> &'static Weights {
        static STANDARD: LazyLock<Weights> = LazyLock::new(|| weights_of!(weights));
        &STANDARD
    }

    /// The weights of `model`: [`Weights::trained`] for the standard model, the full
    /// training's (`weights_broad.rs`) for [`Model::Broad`].
    pub fn of(model: Model) -> &'static Weights {
        static BROAD: LazyLock<Weights> = LazyLock::new(|| weights_of!(weights_broad));
        match model {
            Model::Standard => Weights::trained(),
            Model::Broad => &BROAD,
        }
    }
}

/// The rules that run after the scores, by name: every one runs in the crate; the `train`
/// example switches one off at a time to measure what it earns (see `training`), and may
/// switch a pass off on the pages of one type ([`Passes::off_for_type`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passes {
    /// Bit per pass: HTML mode's from 0, text mode's from 32.
    on: u64,
    /// Per page type (in [`page_type::PageType::ALL`]'s order), the passes off on its pages.
    off_by_type: [u64; N_TYPES],
}

impl Passes {
    /// HTML mode's passes, in the order they run.
    pub const HTML: &'static [&'static str] = &[
        "dialogs-and-name-lists",
        "comment-sections",
        "neighbours",
        "furniture-cap",
        "page-cut",
        "teaser-summaries",
        "trailing-sidebar",
        "related-links",
        "credited-captions",
        "shared-items",
        "after-comments",
        "letter-index",
        "headings-follow-content",
        "item-lists",
        "never-empty",
        "repeats",
        "description-rescue",
    ];

    /// Text mode's passes, in the order they run.
    pub const TEXT: &'static [&'static str] = &[
        "text:page-end",
        "text:neighbours",
        "text:page-cut",
        "text:headlines-follow-next",
        "text:never-empty",
        "text:announced-lists",
        "text:gap-filling",
        "text:thin-output",
        "text:lone-outsiders",
        "text:headline-runs",
        "text:tables",
        "text:spec-lists",
        "text:cell-pairs",
        "text:card-records",
        "text:comment-threads",
        "text:shop-notices",
        "text:tail-cut",
        "text:repeats",
        "text:repeated-leads",
    ];

    /// The passes that run before the page type is known, or that no page type may switch
    /// off: in HTML mode the two that set blocks aside before the container search, in text
    /// mode the page's end, found before anything is weighed, and in both the guarantee that
    /// the output is never empty. Every other pass can go off by type ([`Passes::by_type`]).
    const NOT_BY_TYPE: &'static [&'static str] = &[
        "dialogs-and-name-lists",
        "comment-sections",
        "never-empty",
        "text:page-end",
        "text:never-empty",
    ];

    /// Whether pass `name` can be switched off for one page type ([`Passes::off_for_type`]).
    pub fn by_type(name: &str) -> bool {
        Passes::bit(name).is_some() && !Passes::NOT_BY_TYPE.contains(&name)
    }

    /// Every pass on.
    pub const ALL: Passes = Passes {
        on: u64::MAX,
        off_by_type: [0; N_TYPES],
    };

    /// The passes the crate runs with the default model: all but those its weights file
    /// switches off, on every page or on the pages of one type (the `train` example decides,
    /// from how the weights were fitted).
    pub fn shipped() -> Passes {
        Passes::of(Model::Standard)
    }

    /// The passes the crate runs with `model`, as its weights file lists them.
    pub fn of(model: Model) -> Passes {
        let (off, by_type) = match model {
            Model::Standard => (weights::PASSES_OFF, weights::PASSES_OFF_BY_TYPE),
            Model::Broad => (weights_broad::PASSES_OFF, weights_broad::PASSES_OFF_BY_TYPE),
        };
        let off = off
            .iter()
            .fold(Passes::ALL, |p, name| p.minus(name).unwrap_or(p));
        by_type.iter().fold(off, |p, (page_type, name)| {
            training::page_type_index(page_type)
                .and_then(|t| p.off_for_type(name, t))
                .unwrap_or(p)
        })
    }

    /// These passes with `name` off on the pages whose type is the `page_type`-th of
    /// [`training::PAGE_TYPES`] (see [`training::page_type_index`]); `None` for a pass that
    /// cannot go off by type ([`Passes::by_type`]) or a type out of range.
    pub fn off_for_type(self, name: &str, page_type: usize) -> Option<Passes> {
        if !Passes::by_type(name) {
            return None;
        }
        let b = Passes::bit(name)?;
        let mut p = self;
        *p.off_by_type.get_mut(page_type)? |= 1u64 << b;
        Some(p)
    }

    /// The passes that run on a page judged to be of type `t`.
    pub(crate) fn for_page_type(self, t: page_type::PageType) -> Passes {
        Passes {
            on: self.on & !self.off_by_type.get(t.index()).copied().unwrap_or(0),
            off_by_type: [0; N_TYPES],
        }
    }

    /// The bit of pass `name`: HTML mode's from 0, text mode's from 32.
    fn bit(name: &str) -> Option<u32> {
        let html = Passes::HTML.iter().position(|p| *p == name);
        let text = Passes::TEXT.iter().position(|p| *p == name).map(|i| i + 32);
        html.or(text).and_then(|i| u32::try_from(i).ok())
    }

    /// Every pass on but `name`; `None` for a name no pass has.
    pub fn without(name: &str) -> Option<Passes> {
        Passes::ALL.minus(name)
    }

    /// These passes but `name`; `None` for a name no pass has.
    pub fn minus(self, name: &str) -> Option<Passes> {
        let b = Passes::bit(name)?;
        let mut p = self;
        p.on &= !(1u64 << b);
        Some(p)
    }

    /// Whether the pass `name` runs.
    pub(crate) fn on(self, name: &str) -> bool {
        Passes::bit(name).is_none_or(|b| self.on & (1u64 << b) != 0)
    }
}

/// What the decision stage runs with: the weights and the passes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Stage<'a> {
    pub weights: &'a Weights,
    pub passes: Passes,
}

impl Stage<'static> {
    /// The crate's own for `model`: its weights and the passes its weights file keeps on.
    pub(crate) fn of(model: Model) -> Stage<'static> {
        Stage {
            weights: Weights::of(model),
            passes: Passes::of(model),
        }
    }
}

/// The features of one block, as the decision stage saw them: what the extraction records for
/// the training driver ([`training`], which re-exports it).
#[derive(Debug, Clone)]
pub struct Sample {
    /// The block's text.
    pub text: String,
    /// The prose score's features.
    pub prose: Vec<f32>,
    /// The block score's features (computed with the prose weights in use).
    pub block: Vec<f32>,
}

/// A page's features: the page-type classifier's and every block's.
#[derive(Debug, Clone, Default)]
pub struct PageSamples {
    /// The page-type classifier's features.
    pub page: Vec<f32>,
    /// Every block's, in page order.
    pub blocks: Vec<Sample>,
}

/// Number of text features, shared by both scores.
pub(crate) const N_TEXT: usize = 28;

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
    Reason::LinkDensity,
    Reason::Shape,
    Reason::Shape,
    Reason::Shape,
    Reason::Shape,
    Reason::Shape,
    Reason::Shape,
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
        // 21: text in buttons and labels.
        ratio(b.raw.button_chars, st.chars),
        // 22: furniture shapes.
        flag(b.shape.byline),
        flag(b.shape.date),
        flag(b.shape.time),
        flag(b.shape.copyright),
        flag(b.shape.rating),
        flag(b.shape.field),
    ]
}

/// How much a block reads like running prose, from its text features alone ([`text_features`]).
/// Positive leans to prose.
pub(crate) fn prose_score(text: &[f32; N_TEXT], w: &Weights) -> f32 {
    text.iter().zip(w.prose.iter()).map(|(x, w)| x * w).sum()
}

/// The hint categories the block score reads, in feature order.
const HINT_FEATURES: [(Hints, &str); 23] = [
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
    (Hints::BYLINE, "byline"),
    (Hints::DATE, "date"),
    (Hints::TAGS, "tags"),
    (Hints::REVIEW, "review"),
    (Hints::SHOP, "shop"),
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
    /// Characters of prose-like blocks in the whole page and in the container: pages with
    /// little prose (listings, product grids) keep shorter blocks.
    pub page_prose: f32,
    pub container_prose: f32,
    /// Inside an element marked as a comment, and whether the page is an article with a
    /// comment section (rather than a discussion whose posts are the text).
    pub in_comments: bool,
    pub article_mode: bool,
    /// The probability of each page type ([`page_type::probabilities`]).
    pub page_type: [f32; N_TYPES],
}

/// Number of context features of the block score.
const N_CONTEXT: usize = 24;

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
    Reason::TitleSide,
    Reason::TitleSide,
    Reason::TitleSide,
    Reason::PageProse,
    Reason::PageProse,
    Reason::Hint("comment"),
    Reason::Hint("comment"),
    Reason::Surroundings,
];

/// Number of features of the block score.
/// Block features that each page type's probability multiplies (see [`set_page_type`]).
const N_PER_TYPE: usize = 5;

/// Where the page-type features start.
pub(crate) const PAGE_TYPE_AT: usize = N_TEXT + HINT_FEATURES.len() + N_CONTEXT;

/// Number of features of the block score.
pub(crate) const N_BLOCK: usize = PAGE_TYPE_AT + N_TYPES * N_PER_TYPE;

/// Fills the page-type features of a block's feature vector from its other features: for
/// each type, its probability alone and times the block's length, link density, place in the
/// container and being a list item. So each type sets its own threshold and its own weight on
/// the few measures where page types disagree most (a listing keeps short linked items that an
/// article drops).
pub(crate) fn set_page_type(x: &mut [f32], p: &[f32; N_TYPES]) {
    let base = [
        1.0,
        x.get(1).copied().unwrap_or(0.0),
        x.get(5).copied().unwrap_or(0.0),
        x.get(N_TEXT + HINT_FEATURES.len()).copied().unwrap_or(0.0),
        x.get(14).copied().unwrap_or(0.0),
    ];
    for (t, pt) in p.iter().enumerate() {
        for (j, v) in base.iter().enumerate() {
            if let Some(dst) = x.get_mut(PAGE_TYPE_AT + t * N_PER_TYPE + j) {
                *dst = pt * v;
            }
        }
    }
}

/// The block score's features: text, hints, context.
pub(crate) fn block_features(
    b: &BlockView<'_>,
    text: &[f32; N_TEXT],
    c: &Context,
) -> [f32; N_BLOCK] {
    let mut x = [0.0f32; N_BLOCK];
    let clip = |v: f32| v.clamp(-6.0, 6.0);
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
        // 16: the first three blocks after the title (bylines, decks, dates sit there).
        flag(b.after_title == 1),
        flag(b.after_title == 2),
        flag(b.after_title == 3),
        // 19: how much prose the page and its container hold.
        (1.0 + c.page_prose).ln(),
        (1.0 + c.container_prose).ln(),
        // 21: a comment section, and one below an article.
        flag(c.in_comments),
        flag(c.in_comments && c.article_mode),
        // 23: the summary in a teaser card.
        flag(b.in_card),
    ];
    // Three plain copies: a chained iterator costs a branch per feature.
    let (head, rest) = x.split_at_mut(N_TEXT);
    head.copy_from_slice(text);
    let (mid, rest) = rest.split_at_mut(HINT_FEATURES.len());
    mid.copy_from_slice(&hints);
    for (dst, src) in rest.iter_mut().zip(context) {
        *dst = src;
    }
    set_page_type(&mut x, &c.page_type);
    x
}

fn block_reason(i: usize) -> Reason {
    if i >= PAGE_TYPE_AT {
        return Reason::PageType;
    }
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

/// The block score; with `reasons`, each feature's contribution is recorded by reason.
pub(crate) fn block_score(
    x: &[f32; N_BLOCK],
    w: &Weights,
    reasons: Option<&mut Vec<(Reason, f32)>>,
) -> f32 {
    let s: f32 = x.iter().zip(w.block.iter()).map(|(xi, wi)| xi * wi).sum();
    if let Some(r) = reasons {
        for (i, (xi, wi)) in x.iter().zip(w.block.iter()).enumerate() {
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

#[cfg(test)]
mod tests {
    use super::Passes;
    use super::page_type::PageType;

    #[test]
    fn a_pass_off_for_one_type_runs_on_the_others() {
        let listing = super::training::page_type_index("listing").expect("a type");
        let p = Passes::ALL
            .off_for_type("headings-follow-content", listing)
            .expect("a pass that runs after the page type");
        assert!(
            !p.for_page_type(PageType::Listing)
                .on("headings-follow-content")
        );
        assert!(
            p.for_page_type(PageType::Article)
                .on("headings-follow-content")
        );
        assert!(p.for_page_type(PageType::Listing).on("item-lists"));
    }

    #[test]
    fn passes_before_the_page_type_cannot_be_switched_off_by_type() {
        assert_eq!(Passes::ALL.off_for_type("comment-sections", 0), None);
        assert_eq!(Passes::ALL.off_for_type("no-such-pass", 0), None);
        assert_eq!(
            Passes::ALL.off_for_type("page-cut", super::page_type::N_TYPES),
            None
        );
    }
}
