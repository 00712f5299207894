//! The scoring model and its context pass.
//!
//! 1. Hints are made effective: a boilerplate hint on an element that holds most of the page's
//!    text (a `<body class="has-sidebar">`, a `<div id="content" class="with-nav">`) describes
//!    the layout, not the text, and is ignored.
//! 2. Every block gets a local score from its own features (see [`model`]).
//! 3. The main container is the element whose blocks have the largest sum of signed weights:
//!    characters of content-like blocks count for it, those of boilerplate-like blocks against
//!    it. Blocks are contiguous per element, so each sum is a prefix-sum difference.
//! 4. A context score adds the container and the neighbours' local scores.
//! 5. Headings take the side of what follows them; if nothing survives, the best blocks are
//!    kept (the page never comes back empty when it has text).
//!
//! This file keeps that pipeline: the views ([`views`]), the container search, the scoring
//! loop and the order of the passes ([`classify`]); the types they read are in
//! [`crate::blocks::view`].
//! Each pass that judges one kind of block lives in its own submodule, so it can be read,
//! measured and changed alone:
//!
//! - [`sections`]: dialogs, name lists, comment and review sections, set apart before the
//!   container search;
//! - [`furniture`]: the cap on bylines, stamps, credits and controls, and credited captions;
//! - [`shop`]: a shop's delivery and returns section;
//! - [`teasers`]: teaser cards (a view feature) and the summaries of a run of teasers;
//! - [`trailing`]: the footer, a trailing sidebar, and what follows an article's comments;
//! - [`links`]: "Related:" links, shouted promotions, feeds framed by share rows;
//! - [`items`]: pages whose text is a list of items or an A-Z index, kept back last;
//! - [`context`]: neighbour smoothing, headings, never empty (shared with text mode);
//! - [`description_fallback`]: the page's own description when next to nothing is kept (run
//!   by the extractor, after the metadata).
//!
//! The drop passes share [`drop_kept`], which records the reason with the drop; it lives here
//! so that every submodule reaches it.

use crate::block::Decision;
use crate::blocks::repeat;
use crate::blocks::segment::{Elem, RawBlock};
use crate::blocks::view::{BlockView, TitleSide, Verdict};
use crate::explain::Reason;
use crate::features::TextStats;
use crate::features::furniture_cues::FurnitureCues;
use crate::features::hints::Hints;
use crate::hash::BuildFnv;
use crate::meta::Declared;
use crate::model;
use crate::model::page_type::{self, N_PAGE, PageType};
use crate::options::Focus;
use std::collections::HashMap;

mod context;
pub(crate) mod description_fallback;
mod furniture;
mod items;
mod links;
mod sections;
mod teasers;
mod trailing;

pub(crate) use context::{never_empty, smooth};

use context::headings_follow_content;
use furniture::{FURNITURE_CAP, drop_credited_captions, is_furniture};
use items::{Scored, keep_item_lists, keep_letter_index};
use links::{drop_related_links, drop_shared_items};
pub(crate) use sections::CommentMark;
use sections::{CommentEvidence, comment_blocks, comment_sections, dialog_blocks, is_name_list};
use teasers::{drop_teaser_summaries, teaser_cards};
use trailing::{drop_after_comments, drop_trailing_sidebar};

/// What a classification records besides its verdicts.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Recording {
    /// Every block's evidence and weights (`Options::with_explain`).
    pub explain: bool,
    /// Every block's block-score features (for training).
    pub features: bool,
}

/// The classifier's output for a page.
pub(crate) struct Outcome {
    pub verdicts: Vec<Verdict>,
    /// Per block, whether it is a reader comment (and which), a comment section's furniture,
    /// or neither (see [`sections::comment_blocks`]).
    pub comments: Vec<CommentMark>,
    /// Arena index of the main container.
    pub container: usize,
    /// Per block, the evidence and its weights, when explaining.
    pub reasons: Option<Vec<Vec<(Reason, f32)>>>,
    /// Per block, the block score's features, when recording them for training.
    pub features: Option<Vec<[f32; model::N_BLOCK]>>,
    /// The page-type classifier's features and its verdict.
    pub page_features: [f32; N_PAGE],
    pub page_type: PageType,
}

/// Categories whose hint on an element that holds most of the page is layout, not evidence.
const LAYOUT_HINTS: Hints = Hints(
    Hints::NAV.0
        | Hints::FOOTER.0
        | Hints::HEADER.0
        | Hints::SIDEBAR.0
        | Hints::AD.0
        | Hints::CONSENT.0
        | Hints::HIDDEN.0
        | Hints::TEASER.0
        | Hints::META.0
        | Hints::RELATED.0
        | Hints::SHARE.0
        | Hints::FORM.0,
);

/// Share of the page's characters above which an element holds most of the page: its layout
/// hints (nav, sidebar, teaser…) then describe a wrapper, not the blocks inside. Set by hand
/// in the first classifier (eacc7b1), not measured.
const MOST_OF_PAGE: f64 = 0.5;

/// Link density from which a block is mostly links (a menu, a link row, a related-link line)
/// rather than text; the passes that look for lists of links ask it.
pub(super) const MOSTLY_LINKS: f32 = 0.5;

/// Characters below which a block is short enough to take its neighbours' side in the
/// smoothing ([`smooth`]): a line, not a paragraph. Set by hand in the skeleton (78fac46).
const SHORT_BLOCK: u32 = 80;

/// Weight of a block that does not read as prose against a container, per character: a little
/// less than a prose character for it, so a container may hold some furniture around its text.
/// Set by hand in the skeleton (78fac46), not measured.
const NON_PROSE_WEIGHT: f64 = 0.7;
/// Bonus on a container's weight for markup that names the body (`itemprop="articleBody"`):
/// near-ties go to it. Set by hand (a94549e), not measured.
const BODY_PROP_BONUS: f64 = 1.15;
/// Bonus for markup that names an article or the content (`<article>`, `class="content"`): less
/// sure than the body's own property, so smaller.
const ARTICLE_BONUS: f64 = 1.05;

/// Sums over a block range, from prefix sums.
fn range_sum(prefix: &[u64], first: usize, end: usize) -> u64 {
    if first >= end {
        return 0;
    }
    prefix.get(end).copied().unwrap_or(0) - prefix.get(first).copied().unwrap_or(0)
}

/// Whether the page is a forum thread, as its JSON-LD (`stated`) or its microdata says: the
/// replies in a thread are its text, not comments below an article, however long the opening
/// post.
pub(crate) fn is_forum_thread(elems: &[Elem], stated: bool) -> bool {
    stated || elems.iter().any(|e| e.hints.has(Hints::FORUM_THREAD))
}

/// Builds the views: text statistics, effective hints, position, repetition, the surrounding
/// subtree's totals and the side of the title. `title_block` is the index of the block that
/// states the page title, if any. On a forum thread ([`is_forum_thread`]) the replies' comment
/// markup is not a hint.
pub(crate) fn views<'a>(
    elems: &[Elem],
    blocks: &'a [RawBlock],
    title_block: Option<usize>,
    forum_thread: bool,
) -> Vec<BlockView<'a>> {
    let stats: Vec<TextStats> = blocks.iter().map(|b| TextStats::of(&b.text)).collect();
    let mut chars_prefix = Vec::with_capacity(blocks.len() + 1);
    let mut link_prefix = Vec::with_capacity(blocks.len() + 1);
    let (mut c, mut l) = (0u64, 0u64);
    chars_prefix.push(0u64);
    link_prefix.push(0u64);
    for (s, b) in stats.iter().zip(blocks) {
        c += u64::from(s.chars);
        l += u64::from(b.link_chars.min(s.chars));
        chars_prefix.push(c);
        link_prefix.push(l);
    }
    let total = c.max(1) as f64;
    let range = |e: &Elem| {
        (
            e.first_block as usize,
            (e.end_block as usize).min(blocks.len()),
        )
    };
    // Effective hints, inherited in arena order (a parent always precedes its children).
    let mut inherited: Vec<Hints> = Vec::with_capacity(elems.len());
    for e in elems {
        let (first, end) = range(e);
        let mut own = e.hints;
        if forum_thread {
            own = Hints(own.0 & !Hints::COMMENT.0);
        }
        if range_sum(&chars_prefix, first, end) as f64 / total > MOST_OF_PAGE {
            own = Hints(own.0 & !LAYOUT_HINTS.0);
        }
        let parent = inherited
            .get(e.parent as usize)
            .copied()
            .unwrap_or_default();
        inherited.push(parent.union(own));
    }
    // Keyed by hashes already: one FNV step each, not SipHash (a fifth of a percent of the
    // extraction's instructions went to hashing these keys).
    let mut path_counts: HashMap<u64, u32, BuildFnv> =
        HashMap::with_capacity_and_hasher(blocks.len(), BuildFnv::default());
    let mut text_counts: HashMap<u64, u32, BuildFnv> =
        HashMap::with_capacity_and_hasher(blocks.len(), BuildFnv::default());
    let text_keys: Vec<(u64, usize)> = blocks.iter().map(|b| repeat::fold_key(&b.text)).collect();
    for (b, (h, _)) in blocks.iter().zip(&text_keys) {
        *path_counts.entry(b.path_hash).or_insert(0) += 1;
        *text_counts.entry(*h).or_insert(0) += 1;
    }
    let cards = teaser_cards(elems, blocks, &stats);
    let n = blocks.len().max(2) as f32 - 1.0;
    blocks
        .iter()
        .zip(stats)
        .zip(text_keys)
        .enumerate()
        .map(|(i, ((raw, stats), text_key))| {
            let parent = elems
                .get(raw.elem as usize)
                .and_then(|e| elems.get(e.parent as usize));
            let (pf, pe) = parent.map_or((i, i + 1), range);
            let parent_chars = range_sum(&chars_prefix, pf, pe);
            BlockView {
                shape: FurnitureCues::of(&raw.text),
                raw,
                stats,
                hints: inherited
                    .get(raw.elem as usize)
                    .copied()
                    .unwrap_or_default()
                    .union(raw.inline_hints),
                position: i as f32 / n,
                path_repeats: path_counts.get(&raw.path_hash).copied().unwrap_or(1),
                text_repeats: text_counts.get(&text_key.0).copied().unwrap_or(1) - 1,
                text_key,
                in_card: cards.get(i).copied().unwrap_or(false),
                parent_chars: parent_chars.min(u64::from(u32::MAX)) as u32,
                parent_link_chars: range_sum(&link_prefix, pf, pe).min(u64::from(u32::MAX)) as u32,
                parent_blocks: (pe.saturating_sub(pf)) as u32,
                title_side: match title_block {
                    None => TitleSide::Unknown,
                    Some(t) if i < t => TitleSide::Before,
                    Some(t) if i == t => TitleSide::Title,
                    Some(_) => TitleSide::After,
                },
                after_title: title_block.map_or(0, |t| i.saturating_sub(t) as u32),
            }
        })
        .collect()
}

/// Picks the element whose blocks weigh most: the main container. A block weighs its
/// characters, for the container when it reads as prose and against it otherwise.
fn find_container(elems: &[Elem], blocks: &[BlockView<'_>], prose: &[f32]) -> usize {
    let mut prefix = Vec::with_capacity(blocks.len() + 1);
    let mut acc = 0.0f64;
    prefix.push(0.0);
    for (b, &s) in blocks.iter().zip(prose) {
        let chars = f64::from(b.weighted_chars());
        acc += if s > 0.0 {
            chars
        } else {
            -NON_PROSE_WEIGHT * chars
        };
        prefix.push(acc);
    }
    let mut best = (0usize, f64::MIN);
    for (i, e) in elems.iter().enumerate() {
        let first = e.first_block as usize;
        let end = (e.end_block as usize).min(blocks.len());
        if first >= end {
            continue;
        }
        let sum =
            prefix.get(end).copied().unwrap_or(0.0) - prefix.get(first).copied().unwrap_or(0.0);
        // Markup that names the body earns a bonus, so near-ties go to it.
        let bonus = if e.hints.has(Hints::BODY_PROP) {
            BODY_PROP_BONUS
        } else if e.hints.has(Hints::ARTICLE) || e.hints.has(Hints::CONTENT) {
            ARTICLE_BONUS
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

/// Prose characters the container must hold, once the comments are set aside, for the page to
/// count as an article with comments below it rather than a discussion whose posts are its
/// text. Measured: 1000 separates the articles and forum threads of the datasets best.
const ARTICLE_BEFORE_COMMENTS: f32 = 1000.0;

/// Hints of each element counted from just below `container`: empty for the container and
/// everything outside it.
fn hints_below(elems: &[Elem], container: usize) -> Vec<Hints> {
    let mut below: Vec<Option<Hints>> = Vec::with_capacity(elems.len());
    for (i, e) in elems.iter().enumerate() {
        let h = if i == container {
            Some(Hints::default())
        } else if i == 0 {
            None
        } else {
            below
                .get(e.parent as usize)
                .copied()
                .flatten()
                .map(|p| p.union(e.hints))
        };
        below.push(h);
    }
    below.into_iter().map(Option::unwrap_or_default).collect()
}

/// Classifies all blocks of a page.
///
/// On a forum thread ([`is_forum_thread`]) no block is a comment. `declared`: what the page
/// says it is (JSON-LD, Open Graph); a declared article's comment sections below its text are
/// comments however short the text, and the page-type classifier weighs every declaration.
///
/// `recording` says what is kept besides the verdicts: the explanation, the block score's
/// features (for training).
pub(crate) fn classify(
    elems: &[Elem],
    blocks: &[BlockView<'_>],
    focus: Focus,
    forum_thread: bool,
    declared: Declared,
    stage: model::Stage<'_>,
    recording: Recording,
) -> Outcome {
    let (weights, passes) = (stage.weights, stage.passes);
    let Recording {
        explain,
        features: record,
    } = recording;
    let mut reasons: Option<Vec<Vec<(Reason, f32)>>> =
        explain.then(|| blocks.iter().map(|_| Vec::new()).collect());
    let mut features: Option<Vec<[f32; model::N_BLOCK]>> =
        record.then(|| Vec::with_capacity(blocks.len()));
    if blocks.is_empty() {
        return Outcome {
            verdicts: Vec::new(),
            comments: Vec::new(),
            container: 0,
            reasons,
            features,
            page_features: [0.0; N_PAGE],
            page_type: PageType::Article,
        };
    }
    // Both scores read a block's text features: computed once.
    let text: Vec<[f32; model::N_TEXT]> = blocks.iter().map(model::text_features).collect();
    let mut prose: Vec<f32> = text
        .iter()
        .map(|t| model::prose_score(t, weights))
        .collect();
    // Dialog text and name lists weigh against every container, so the page's own text is
    // found, and are capped below the cut (after the scores, below).
    let set_aside: Vec<Option<Reason>> = dialog_blocks(blocks, &prose)
        .into_iter()
        .map(|d| d && passes.on("dialogs-and-name-lists"))
        .zip(blocks)
        .map(|(d, b)| {
            if d {
                Some(Reason::Dialog)
            } else {
                (passes.on("dialogs-and-name-lists") && is_name_list(b)).then_some(Reason::NameList)
            }
        })
        .collect();
    for (p, aside) in prose.iter_mut().zip(&set_aside) {
        if aside.is_some() {
            *p = -1.0;
        }
    }
    let sections = if passes.on("comment-sections") {
        comment_sections(elems, blocks)
    } else {
        vec![None; blocks.len()]
    };
    let (container, article_mode) = if !forum_thread && sections.iter().any(Option::is_some) {
        // Find the container without the comments: if it still holds an article, the
        // comments are below an article; if not, the page is a discussion and the comments
        // are its text.
        let without: Vec<f32> = prose
            .iter()
            .zip(&sections)
            .map(|(&p, c)| if c.is_some() { -1.0 } else { p })
            .collect();
        let c = find_container(elems, blocks, &without);
        let article: f32 = elems
            .get(c)
            .map(|e| {
                (
                    e.first_block as usize,
                    (e.end_block as usize).min(blocks.len()),
                )
            })
            .and_then(|(f, e)| blocks.get(f..e).zip(without.get(f..e)))
            .map_or(0.0, |(bs, ps)| {
                bs.iter()
                    .zip(ps)
                    .filter(|(_, p)| **p > 0.0)
                    .map(|(b, _)| b.stats.chars as f32)
                    .sum()
            });
        if article >= ARTICLE_BEFORE_COMMENTS {
            (c, true)
        } else {
            (find_container(elems, blocks, &prose), false)
        }
    } else {
        (find_container(elems, blocks, &prose), false)
    };
    let (first, end) = elems.get(container).map_or((0, blocks.len()), |e| {
        (
            e.first_block as usize,
            (e.end_block as usize).min(blocks.len()),
        )
    });
    let below = hints_below(elems, container);
    let total: f32 = blocks
        .iter()
        .map(|b| b.stats.chars as f32)
        .sum::<f32>()
        .max(1.0);
    let container_chars: f32 = blocks
        .get(first..end)
        .map_or(0.0, |bs| bs.iter().map(|b| b.stats.chars as f32).sum());
    let prose_chars = |range: std::ops::Range<usize>| -> f32 {
        blocks
            .get(range.clone())
            .zip(prose.get(range))
            .map_or(0.0, |(bs, ps)| {
                bs.iter()
                    .zip(ps)
                    .filter(|(_, p)| **p > 0.0)
                    .map(|(b, _)| b.weighted_chars())
                    .sum()
            })
    };
    let page_prose = prose_chars(0..blocks.len());
    let container_prose = prose_chars(first..end);
    let page_features =
        page_type::page_features(blocks, &prose, (first, end), forum_thread, declared);
    let type_probabilities = page_type::probabilities(&page_features, &weights.page);
    // From here on the page type is known: the passes switched off for it stay off.
    let passes = passes.for_page_type(page_type::most_probable(&type_probabilities));
    let bias = focus.bias();
    let mean = |s: &[f32]| {
        if s.is_empty() {
            0.0
        } else {
            s.iter().sum::<f32>() / s.len() as f32
        }
    };
    let mut score: Vec<f32> = Vec::with_capacity(blocks.len());
    // The hints each block was scored with, for the furniture cap and the passes after it.
    let mut ctx_hints: Vec<Hints> = Vec::with_capacity(blocks.len());
    for (i, b) in blocks.iter().enumerate() {
        let inside = i >= first && i < end;
        let ctx = model::Context {
            hints: if inside {
                below
                    .get(b.raw.elem as usize)
                    .copied()
                    .unwrap_or_default()
                    .union(b.raw.inline_hints)
            } else {
                b.hints
            },
            inside,
            container_share: container_chars / total,
            prev: if i > 0 {
                prose.get(i - 1).copied().unwrap_or(0.0)
            } else {
                0.0
            },
            next: prose.get(i + 1).copied().unwrap_or(0.0),
            prev3: mean(prose.get(i.saturating_sub(3)..i).unwrap_or(&[])),
            next3: mean(prose.get(i + 1..(i + 4).min(prose.len())).unwrap_or(&[])),
            distance: if inside {
                0
            } else if i < first {
                (first - i) as u32
            } else {
                (i + 1 - end) as u32
            },
            page_prose,
            container_prose,
            in_comments: sections.get(i).copied().flatten().is_some(),
            article_mode,
            page_type: type_probabilities,
        };
        let r = reasons.as_mut().and_then(|r| r.get_mut(i));
        let x = model::block_features(b, text.get(i).unwrap_or(&[0.0; model::N_TEXT]), &ctx);
        let s = model::block_score(&x, weights, r) + bias;
        if let Some(f) = features.as_mut() {
            f.push(x);
        }
        if bias != 0.0
            && let Some(r) = reasons.as_mut().and_then(|r| r.get_mut(i))
        {
            r.push((Reason::Focus, bias));
        }
        ctx_hints.push(ctx.hints);
        score.push(s);
    }
    let moved = if passes.on("neighbours") {
        smooth(
            |i| blocks.get(i).is_some_and(|b| b.stats.chars < SHORT_BLOCK),
            |i| {
                blocks
                    .get(i)
                    .is_some_and(|b| b.link_density() < MOSTLY_LINKS)
            },
            &mut score,
        )
    } else {
        Vec::new()
    };
    if let Some(r) = reasons.as_mut() {
        for (i, change) in moved {
            if let Some(r) = r.get_mut(i) {
                r.push((Reason::Neighbours, change));
            }
        }
    }
    // Furniture is capped after the neighbours had their say, so a byline between two
    // paragraphs is not pulled back in.
    // Only blocks above the cap are tested: most blocks of a page (menus, footers) are far
    // below it, and the tests read the text.
    for (i, ((s, _), _)) in score
        .iter_mut()
        .zip(blocks)
        .zip(&ctx_hints)
        .enumerate()
        .filter(|(_, ((s, b), h))| {
            **s > FURNITURE_CAP && passes.on("furniture-cap") && is_furniture(b, **h)
        })
    {
        if let Some(r) = reasons.as_mut().and_then(|r| r.get_mut(i)) {
            r.push((Reason::Furniture, FURNITURE_CAP - *s));
        }
        *s = FURNITURE_CAP;
    }
    for (i, (s, aside)) in score.iter_mut().zip(&set_aside).enumerate() {
        let Some(reason) = *aside else { continue };
        if *s <= FURNITURE_CAP {
            continue;
        }
        if let Some(r) = reasons.as_mut().and_then(|r| r.get_mut(i)) {
            r.push((reason, FURNITURE_CAP - *s));
        }
        *s = FURNITURE_CAP;
    }
    let sidebar: Vec<bool> = blocks
        .iter()
        .zip(&ctx_hints)
        .map(|(b, h)| h.has(Hints::SIDEBAR) && b.hints.has(Hints::SIDEBAR))
        .collect();
    let caption: Vec<bool> = ctx_hints.iter().map(|h| h.has(Hints::CAPTION)).collect();
    if passes.on("page-cut") {
        let words: Vec<u32> = blocks.iter().map(|b| b.stats.words).collect();
        model::cut::apply(&mut score, &words, bias, reasons.as_mut());
    }
    let mut keep: Vec<bool> = score.iter().map(|&s| s > 0.0).collect();
    if passes.on("teaser-summaries") {
        drop_teaser_summaries(blocks, &score, bias, &mut keep, reasons.as_mut());
    }
    if passes.on("trailing-sidebar") {
        drop_trailing_sidebar(blocks, &sidebar, &score, bias, &mut keep, reasons.as_mut());
    }
    if passes.on("related-links") {
        drop_related_links(blocks, &mut keep, reasons.as_mut());
    }
    if passes.on("credited-captions") {
        drop_credited_captions(blocks, &caption, &mut keep, reasons.as_mut());
    }
    if passes.on("shared-items") {
        drop_shared_items(blocks, &mut keep, reasons.as_mut());
    }
    if article_mode && passes.on("after-comments") {
        drop_after_comments(blocks, &sections, end, &mut keep, reasons.as_mut());
    }
    if passes.on("letter-index") {
        keep_letter_index(
            blocks,
            Scored {
                score: &score,
                prose: &prose,
                bias,
            },
            &mut keep,
            reasons.as_mut(),
        );
    }
    if passes.on("headings-follow-content") {
        headings_follow_content(blocks, &mut keep, reasons.as_mut());
    }
    let scored = Scored {
        score: &score,
        prose: &prose,
        bias,
    };
    if passes.on("item-lists") {
        keep_item_lists(
            elems,
            blocks,
            scored,
            &ctx_hints,
            &mut keep,
            reasons.as_mut(),
        );
    }
    if passes.on("never-empty")
        && never_empty(&score, &mut keep)
        && let Some(r) = reasons.as_mut()
    {
        for (r, _) in r.iter_mut().zip(&keep).filter(|(_, k)| **k) {
            r.push((Reason::Fallback, 0.0));
        }
    }
    let comments = comment_blocks(
        elems,
        blocks,
        CommentEvidence {
            sections,
            article_mode,
            declared_article: declared.article && !forum_thread,
            container,
            keep: &keep,
        },
    );
    let verdicts = keep
        .iter()
        .zip(&score)
        .enumerate()
        .map(|(i, (&k, &s))| Verdict {
            decision: match comments.get(i) {
                Some(CommentMark::Comment(_)) => Decision::Comment,
                Some(CommentMark::Furniture) => Decision::Boilerplate,
                _ if k => Decision::Content,
                _ => Decision::Boilerplate,
            },
            score: s,
        })
        .collect();
    Outcome {
        verdicts,
        comments,
        container,
        reasons,
        features,
        page_features,
        page_type: page_type::most_probable(&type_probabilities),
    }
}

/// Drops block `i` if it is kept, with `reason` in its explanation. Shared by the drop passes
/// of the submodules.
fn drop_kept(
    keep: &mut [bool],
    reasons: &mut Option<&mut Vec<Vec<(Reason, f32)>>>,
    i: usize,
    reason: Reason,
) {
    if let Some(k) = keep.get_mut(i).filter(|k| **k) {
        *k = false;
        if let Some(r) = reasons.as_mut().and_then(|r| r.get_mut(i)) {
            r.push((reason, 0.0));
        }
    }
}
