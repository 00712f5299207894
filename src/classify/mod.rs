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

use crate::block::{BlockKind, Decision};
use crate::explain::Reason;
use crate::features::TextStats;
use crate::hints::Hints;
use crate::model;
use crate::options::Focus;
use crate::repeat;
use crate::segment::{Elem, RawBlock};
use crate::shape::Shape;
use std::collections::HashMap;

mod items;
mod sections;
mod shop;
mod teasers;

use items::{Scored, keep_item_lists, keep_letter_index};
use sections::{comment_sections, dialog_blocks, is_name_list, review_sections};
use shop::drop_shop_policy;
use teasers::{drop_teaser_summaries, teaser_cards};

/// Per-block result of classification.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Verdict {
    pub decision: Decision,
    pub score: f32,
}

/// Everything the classifier knows about one block.
pub(crate) struct BlockView<'a> {
    pub raw: &'a RawBlock,
    pub stats: TextStats,
    pub shape: Shape,
    /// Effective hints (see the module docs).
    pub hints: Hints,
    /// Position in the page, 0 to 1.
    pub position: f32,
    /// Number of blocks in the page with the same element path (template repetition).
    pub path_repeats: u32,
    /// Number of other blocks of the page with the same folded text.
    pub text_repeats: u32,
    /// Hash and length of the folded text ([`repeat::fold_key`]).
    pub text_key: (u64, usize),
    /// In a small element (a card, a list item) that also holds a title made of one link: the
    /// summary of a teaser for another page.
    pub in_card: bool,
    /// The subtree of the parent of the block's element: characters, link characters, blocks.
    pub parent_chars: u32,
    pub parent_link_chars: u32,
    pub parent_blocks: u32,
    /// Where the block sits relative to the block stating the page title, if one was found.
    pub title_side: TitleSide,
    /// Blocks after the title block (1 for the block right after it), 0 when not after it.
    pub after_title: u32,
}

/// Where a block sits relative to the title block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TitleSide {
    /// No block states the title.
    Unknown,
    Before,
    Title,
    After,
}

impl BlockView<'_> {
    pub fn link_density(&self) -> f32 {
        if self.stats.chars == 0 {
            0.0
        } else {
            (self.raw.link_chars as f32 / self.stats.chars as f32).min(1.0)
        }
    }

    /// Characters, with text in unspaced scripts weighted up (a CJK character carries about
    /// as much as three Latin ones).
    pub fn weighted_chars(&self) -> f32 {
        self.stats.chars as f32 * if self.stats.cjk { 3.0 } else { 1.0 }
    }
}

/// The classifier's output for a page.
pub(crate) struct Outcome {
    pub verdicts: Vec<Verdict>,
    /// Per block, the arena index of the innermost comment element holding it, for blocks of a
    /// comment section below an article (empty when the page has none).
    pub comments: Vec<Option<u32>>,
    /// Arena index of the main container.
    pub container: usize,
    /// Per block, the evidence and its weights, when explaining.
    pub reasons: Option<Vec<Vec<(Reason, f32)>>>,
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
        if range_sum(&chars_prefix, first, end) as f64 / total > 0.5 {
            own = Hints(own.0 & !LAYOUT_HINTS.0);
        }
        let parent = inherited
            .get(e.parent as usize)
            .copied()
            .unwrap_or_default();
        inherited.push(parent.union(own));
    }
    let mut path_counts: HashMap<u64, u32> = HashMap::new();
    let mut text_counts: HashMap<u64, u32> = HashMap::new();
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
                shape: Shape::of(&raw.text),
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
        acc += if s > 0.0 { chars } else { -0.7 * chars };
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
/// On a forum thread ([`is_forum_thread`]) no block is a comment.
pub(crate) fn classify(
    elems: &[Elem],
    blocks: &[BlockView<'_>],
    focus: Focus,
    explain: bool,
    forum_thread: bool,
) -> Outcome {
    let mut reasons: Option<Vec<Vec<(Reason, f32)>>> =
        explain.then(|| blocks.iter().map(|_| Vec::new()).collect());
    if blocks.is_empty() {
        return Outcome {
            verdicts: Vec::new(),
            comments: Vec::new(),
            container: 0,
            reasons,
        };
    }
    let mut prose: Vec<f32> = blocks.iter().map(model::prose_score).collect();
    // Dialog text and name lists weigh against every container, so the page's own text is
    // found, and are capped below the cut (after the scores, below).
    let set_aside: Vec<Option<Reason>> = dialog_blocks(blocks, &prose)
        .into_iter()
        .zip(blocks)
        .map(|(d, b)| {
            if d {
                Some(Reason::Dialog)
            } else {
                is_name_list(b).then_some(Reason::NameList)
            }
        })
        .collect();
    for (p, aside) in prose.iter_mut().zip(&set_aside) {
        if aside.is_some() {
            *p = -1.0;
        }
    }
    let sections = comment_sections(elems, blocks);
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
        };
        let r = reasons.as_mut().and_then(|r| r.get_mut(i));
        let s = model::block_score(b, &ctx, r) + bias;
        if bias != 0.0
            && let Some(r) = reasons.as_mut().and_then(|r| r.get_mut(i))
        {
            r.push((Reason::Focus, bias));
        }
        ctx_hints.push(ctx.hints);
        score.push(s);
    }
    let moved = smooth(
        |i| blocks.get(i).is_some_and(|b| b.stats.chars < 80),
        |i| blocks.get(i).is_some_and(|b| b.link_density() < 0.5),
        &mut score,
    );
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
        .filter(|(_, ((s, b), h))| **s > FURNITURE_CAP && is_furniture(b, **h))
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
    let mut keep: Vec<bool> = score.iter().map(|&s| s > 0.0).collect();
    // Only on article pages, where the container holds nearly all the prose: on listings
    // and shops the items can follow a menu.
    if container_prose >= 0.8 * page_prose {
        footer_follows_menu(blocks, end, &mut keep, reasons.as_mut(), &score);
    }
    drop_shop_policy(elems, blocks, &mut keep, reasons.as_mut());
    drop_teaser_summaries(blocks, &score, bias, &mut keep, reasons.as_mut());
    drop_trailing_sidebar(blocks, &sidebar, &score, bias, &mut keep, reasons.as_mut());
    drop_related_links(blocks, &mut keep, reasons.as_mut());
    drop_credited_captions(blocks, &caption, &mut keep, reasons.as_mut());
    drop_shared_items(blocks, &mut keep, reasons.as_mut());
    if article_mode {
        drop_after_comments(blocks, &sections, end, &mut keep, reasons.as_mut());
    }
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
    headings_follow_content(blocks, &mut keep, reasons.as_mut(), &score);
    let scored = Scored {
        score: &score,
        prose: &prose,
        bias,
    };
    keep_item_lists(
        elems,
        blocks,
        scored,
        &ctx_hints,
        &mut keep,
        reasons.as_mut(),
    );
    if never_empty(&score, &mut keep)
        && let Some(r) = reasons.as_mut()
    {
        for (r, _) in r.iter_mut().zip(&keep).filter(|(_, k)| **k) {
            r.push((Reason::Fallback, 0.0));
        }
    }
    let mut comments: Vec<Option<u32>> = if article_mode {
        sections
    } else {
        vec![None; blocks.len()]
    };
    for (c, r) in comments.iter_mut().zip(review_sections(elems, blocks)) {
        if c.is_none() {
            *c = r;
        }
    }
    let verdicts = keep
        .iter()
        .zip(&score)
        .enumerate()
        .map(|(i, (&k, &s))| Verdict {
            decision: if comments.get(i).copied().flatten().is_some() {
                Decision::Comment
            } else if k {
                Decision::Content
            } else {
                Decision::Boilerplate
            },
            score: s,
        })
        .collect();
    Outcome {
        verdicts,
        comments,
        container,
        reasons,
    }
}

/// Past the main container, a dropped link menu ("Home | Privacy | Contact") marks the
/// start of the page's footer: what follows it outside the container (an address, a
/// registration line) belongs to the site, not to the text, whatever its punctuation.
fn footer_follows_menu(
    blocks: &[BlockView<'_>],
    end: usize,
    keep: &mut [bool],
    mut reasons: Option<&mut Vec<Vec<(Reason, f32)>>>,
    score: &[f32],
) {
    let kept = |i: usize| keep.get(i).copied().unwrap_or(false);
    let kept_prose = |i: usize| kept(i) && blocks.get(i).is_some_and(|b| b.stats.chars >= 150);
    // The footer starts after the container, or after the last kept paragraph when the
    // container reaches the end of the page (a body holding both text and footer).
    let last_prose = (0..blocks.len()).rev().find(|&i| kept_prose(i));
    let from = last_prose.map_or(end, |p| end.min(p + 1));
    let menu = (from..blocks.len()).find(|&i| {
        !kept(i)
            // A link row the template repeats ("Reply | Quote" under every post) belongs
            // to each item; the footer menu is the page's own.
            && blocks
                .get(i)
                .is_some_and(|b| b.link_density() >= 0.5 && b.path_repeats <= 2)
    });
    let Some(menu) = menu else { return };
    // A footer holds no prose: a long kept paragraph after the menu means the menu was a
    // link list inside the page's content (tags, a table of contents) and not its footer.
    // And a footer is short: many kept blocks after the menu are a list of items or posts.
    let after = menu + 1..blocks.len();
    if after.clone().any(kept_prose) || after.clone().filter(|&i| kept(i)).count() > 2 {
        return;
    }
    // What is kept after the menu is short, then: the footer's lines.
    for i in after {
        if let Some(k) = keep.get_mut(i).filter(|k| **k) {
            *k = false;
            if let Some(r) = reasons.as_mut().and_then(|r| r.get_mut(i)) {
                r.push((Reason::PageFooter, -score.get(i).copied().unwrap_or(0.0)));
            }
        }
    }
}

/// Drops block `i` if it is kept, with `reason` in its explanation.
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

/// The phrases text mode knows ([`lines::phrase_hints`]) that a block's text opens with.
fn opening_phrases(b: &BlockView<'_>) -> crate::lines::Phrases {
    let lower: String = b
        .raw
        .text
        .trim_start()
        .chars()
        .take(24)
        .flat_map(char::to_lowercase)
        .collect();
    crate::lines::phrase_hints(&lower, b.stats.chars)
}

/// Whether a short block opens with a phrase that announces links to other pages ("Related:",
/// "READ MORE:", "Don't miss", "Leggi anche"), in the languages of [`lines::phrase_hints`].
fn opens_related(b: &BlockView<'_>) -> bool {
    if b.stats.chars > 200 {
        return false;
    }
    opening_phrases(b).has(crate::lines::Phrases::RELATED)
}

/// "Also read" and "Read more" links between paragraphs point to other pages
/// (tests/pages/README.md): a kept block that opens with such a phrase and is mostly a link
/// ("Related: Ten years of the harbour festival"), or is a bare label ("DON'T MISS", at most
/// 40 characters, no link) right before a link line, is dropped. A heading such as
/// "Recent results" followed by a paragraph stays: it is neither. Measured: aeb F1
/// 0.9664 -> 0.9672, wcxb-dev bowF1 0.8632 -> 0.8634. A link written in capitals ("CLICK
/// HERE TO GET THE APP", "STAR CLEARED TO PERFORM AT AWARDS") is a promotion too: aeb F1
/// 0.9672 -> 0.9681, wcxb-dev unchanged.
fn drop_related_links(
    blocks: &[BlockView<'_>],
    keep: &mut [bool],
    mut reasons: Option<&mut Vec<Vec<(Reason, f32)>>>,
) {
    for i in 0..blocks.len() {
        if !keep.get(i).copied().unwrap_or(false) {
            continue;
        }
        let Some(b) = blocks.get(i) else { continue };
        let linked = b.link_density() >= 0.5;
        let shouted = b.link_density() >= 0.8 && b.stats.words >= 3 && is_shouted(&b.raw.text);
        let label = b.raw.links == 0
            && b.stats.chars <= 40
            && blocks
                .get(i + 1)
                .is_some_and(|n| n.link_density() >= 0.8 && n.stats.chars <= 200);
        if !shouted && !((linked || label) && opens_related(b)) {
            continue;
        }
        drop_kept(keep, &mut reasons, i, Reason::RelatedLink);
    }
}

/// On an article with a comment section below it, what comes after the comments and outside
/// the main container belongs to the site (its blurb, a last teaser, a sign-up line), not to
/// the article: it is dropped. Table rows are left alone (a shop's specification table may
/// follow its questions and answers). Measured: aeb F1 0.9689 -> 0.9691, wcxb-dev bowF1
/// 0.8636 -> 0.8636 (one product page loses the warranty text the convention leaves out anyway).
fn drop_after_comments(
    blocks: &[BlockView<'_>],
    sections: &[Option<u32>],
    end: usize,
    keep: &mut [bool],
    mut reasons: Option<&mut Vec<Vec<(Reason, f32)>>>,
) {
    let Some(last) = sections.iter().rposition(Option::is_some) else {
        return;
    };
    // The comments must close the container or come after it.
    if last + 1 < end {
        return;
    }
    for i in last + 1..blocks.len() {
        if blocks.get(i).is_some_and(|b| b.raw.in_table) {
            continue;
        }
        drop_kept(keep, &mut reasons, i, Reason::AfterComments);
    }
}

/// A block marked as a caption next to a picture credit ("Jane Roe | Agency", a byline-marked
/// credit) is the picture's caption, however well it reads: it is dropped. A caption alone is
/// not enough, since sites mark whole article bodies with caption-like classes. Measured: aeb
/// F1 0.9691 -> 0.9697 (P 0.9559 -> 0.9570), wcxb-dev bowF1 0.8636 unchanged.
fn drop_credited_captions(
    blocks: &[BlockView<'_>],
    caption: &[bool],
    keep: &mut [bool],
    mut reasons: Option<&mut Vec<Vec<(Reason, f32)>>>,
) {
    let credit = |j: usize| {
        blocks.get(j).is_some_and(|n| {
            n.stats.chars < 100
                && (n.hints.has(Hints::BYLINE) || crate::shape::is_picture_credit(&n.raw.text))
        })
    };
    for i in 0..blocks.len() {
        if !caption.get(i).copied().unwrap_or(false) {
            continue;
        }
        if !(credit(i + 1) || i.checked_sub(1).is_some_and(credit)) {
            continue;
        }
        drop_kept(keep, &mut reasons, i, Reason::Caption);
    }
}

/// Whether a block is a row of share links ("Facebook Twitter WhatsApp", "Share"): marked as a
/// share bar, or opening with a social network's name or "share".
fn is_share_row(b: &BlockView<'_>) -> bool {
    if b.link_density() < 0.8 || b.stats.chars > 120 {
        return false;
    }
    if b.hints.has(Hints::SHARE) {
        return true;
    }
    opening_phrases(b).has(crate::lines::Phrases::SOCIAL)
}

/// A feed of items that each carry their own share bar ("Whatsapp Facebook Pin" under every
/// quote on a page of quotes, every card of a "You may also like" list): a block that sits
/// between two copies of the same share row, repeated at least three times on the page, is one
/// of those items, not the text of the page, whose share bars (if any) frame the whole text.
/// Two such items at least make a feed; its share rows go with it. Measured: aeb F1 0.9698 -> 0.9707 (P 0.9572 ->
/// 0.9590), wcxb-dev bowF1 0.8644 unchanged.
fn drop_shared_items(
    blocks: &[BlockView<'_>],
    keep: &mut [bool],
    mut reasons: Option<&mut Vec<Vec<(Reason, f32)>>>,
) {
    let row = |j: usize| {
        blocks
            .get(j)
            .filter(|b| b.text_repeats >= 2 && is_share_row(b))
            .map(|b| b.text_key)
    };
    let items: Vec<usize> = (1..blocks.len())
        .filter(|&i| {
            keep.get(i).copied().unwrap_or(false)
                && blocks.get(i).is_some_and(|b| b.link_density() < 0.5)
                && row(i - 1).is_some_and(|r| row(i + 1) == Some(r))
        })
        .collect();
    if items.len() < 2 {
        return;
    }
    // The share rows around the items go with them.
    let rows: Vec<(u64, usize)> = items.iter().filter_map(|&i| row(i - 1)).collect();
    let framing = (0..blocks.len()).filter(|&j| row(j).is_some_and(|r| rows.contains(&r)));
    let mut drop: Vec<usize> = framing.chain(items).collect();
    drop.sort_unstable();
    for i in drop {
        drop_kept(keep, &mut reasons, i, Reason::SharedItem);
    }
}

/// Whether a text is written in capitals: nine in ten of its letters (at least 12) are upper
/// case. Scripts without case never are.
fn is_shouted(text: &str) -> bool {
    let (mut letters, mut upper) = (0u32, 0u32);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper += u32::from(c.is_uppercase());
    }
    letters >= 12 && upper * 10 >= letters * 9
}

/// Characters of text a page must have before a trailing sidebar for it to be dropped: a
/// short post of a few sentences. The listings of wcxb-dev that have such a sidebar hold less
/// than 400 (167, 366), the short articles of aeb more (429, 538).
const TEXT_BEFORE_SIDEBAR: f32 = 400.0;

/// A sidebar inside the main container, after the text: templates that put the sidebar in
/// the same element as the article (a poll, "Columns", an author box, the site's staff list)
/// place it after the article and its comments. Blocks marked as a sidebar both below the
/// container and effectively (a `with-sidebar` layout class on the page wrapper is not) that
/// follow the last kept block of 100 characters or more outside the sidebar are dropped. On
/// listings the container holds little text and the sidebar may hold the categories the gold
/// text keeps, so the rule acts only when `TEXT_BEFORE_SIDEBAR` characters score as content
/// (without the focus's bias) before the sidebar. Measured: aeb F1 0.961 -> 0.966
/// (P 0.942 -> 0.952), wcxb-dev bowF1 0.863 -> 0.863 (articles +0.001).
fn drop_trailing_sidebar(
    blocks: &[BlockView<'_>],
    sidebar: &[bool],
    score: &[f32],
    bias: f32,
    keep: &mut [bool],
    mut reasons: Option<&mut Vec<Vec<(Reason, f32)>>>,
) {
    let in_sidebar = |i: usize| sidebar.get(i).copied().unwrap_or(false);
    let Some(last) = (0..blocks.len()).rev().find(|&i| {
        keep.get(i).copied().unwrap_or(false)
            && !in_sidebar(i)
            && blocks.get(i).is_some_and(|b| b.stats.chars >= 100)
    }) else {
        return;
    };
    let text: f32 = blocks
        .iter()
        .zip(score)
        .take(last + 1)
        .enumerate()
        .filter(|&(i, (_, s))| !in_sidebar(i) && s - bias > 0.0)
        .map(|(_, (b, _))| b.weighted_chars())
        .sum();
    if text < TEXT_BEFORE_SIDEBAR {
        return;
    }
    for i in last + 1..blocks.len() {
        if !in_sidebar(i) {
            continue;
        }
        drop_kept(keep, &mut reasons, i, Reason::TrailingSidebar);
    }
}

/// The score a furniture line is capped at: below the cut in every focus, so that even
/// `Focus::Recall` leaves it out.
const FURNITURE_CAP: f32 = -1.0;

/// A byline, a date stamp, a `Label: value` profile line, a star rating or a lone button
/// ("Copy", "Share"): short lines that describe or operate the text rather than tell it. The datasets' gold texts are indifferent to this rule
/// (measured: aeb F1 +0.0003, wcxb-dev bowF1 -0.0007), so it encodes the project's convention
/// (tests/pages/README.md) where the data does not decide.
fn is_furniture(b: &BlockView<'_>, hints: Hints) -> bool {
    // A picture's credit line, or a caption ending in one (measured: aeb F1 +0.001, wcxb-dev
    // bowF1 +0.000; no gold text of either holds such a line).
    if b.stats.chars <= 200 && crate::shape::is_picture_credit(&b.raw.text) {
        return true;
    }
    if b.stats.chars >= 100 {
        return false;
    }
    let described = hints.has(Hints(Hints::META.0 | Hints::BYLINE.0 | Hints::DATE.0));
    let shaped = b.shape.byline || b.shape.date || b.shape.time || b.shape.field;
    let button = b.raw.button_chars * 10 >= b.stats.chars * 9 && b.stats.chars < 30;
    let control = b.stats.chars < 40
        && (hints.has(Hints::FORM) || hints.has(Hints::SHOP) && !is_spec_line(&b.raw.text));
    hints.has(Hints::BYLINE)
        || crate::shape::is_ad_label(&b.raw.text)
        || crate::shape::is_date_stamp(&b.raw.text, &b.shape)
        || crate::shape::is_reading_time(&b.raw.text)
        || crate::shape::is_script_notice(&b.raw.text)
        || control
        || described && shaped
        || b.shape.rating && b.stats.chars < 60
        || button
}

/// A product tile's labelled specification line ("Weight: 1.2 kg", "Screen: up to 27 in"): a
/// colon, a number and a word of four letters or more, and no currency sign (a price stays
/// furniture). Shops style such lines with the price (`class="price-text"`), so their shop
/// hint does not make them a control. Unlabelled plan lines ("Up to 3 sites") stay controls:
/// the datasets' gold texts split on them. Measured: wcxb-dev bowF1 0.88628 -> 0.88666
/// (collection 0.735 -> 0.739; no page worse), aeb unchanged.
fn is_spec_line(text: &str) -> bool {
    text.contains(':')
        && text.chars().any(|c| c.is_ascii_digit())
        && !text
            .chars()
            .any(|c| matches!(c, '$' | '€' | '£' | '¥' | '₹'))
        && text
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= 4)
}

/// Short blocks take their neighbours' side: a short line between two content blocks is content,
/// a lone weak block among boilerplate is boilerplate. `short(i)` tells which blocks are short
/// enough to follow their neighbours; `may_join(i)` which of them may be pulled up to content
/// (a link list between two paragraphs may not). Both modes share this pass; it returns the
/// blocks it moved, with the change, for explanations.
pub(crate) fn smooth(
    short: impl Fn(usize) -> bool,
    may_join: impl Fn(usize) -> bool,
    score: &mut [f32],
) -> Vec<(usize, f32)> {
    let n = score.len();
    let orig = score.to_vec();
    let mut moved = Vec::new();
    for i in 1..n.saturating_sub(1) {
        if !short(i) {
            continue;
        }
        let (Some(&p), Some(&nx)) = (orig.get(i - 1), orig.get(i + 1)) else {
            continue;
        };
        let Some(s) = score.get_mut(i) else { continue };
        let before = *s;
        if p > 0.0 && nx > 0.0 && may_join(i) {
            *s = s.max(0.1);
        } else if p <= 0.0 && nx <= 0.0 {
            *s = s.min(-0.1);
        }
        if *s != before {
            moved.push((i, *s - before));
        }
    }
    moved
}

/// Never empty when text exists: if no block was kept, keep the best-scoring ones (within one
/// point of the best). Both modes share this fallback; it returns whether it acted.
pub(crate) fn never_empty(score: &[f32], keep: &mut [bool]) -> bool {
    if keep.iter().any(|&k| k) || score.is_empty() {
        return false;
    }
    let best = score.iter().copied().fold(f32::MIN, f32::max);
    for (k, &s) in keep.iter_mut().zip(score) {
        *k = s >= best - 1.0;
    }
    true
}

/// A heading is kept when the block after it is content and it is not a list of links.
fn headings_follow_content(
    blocks: &[BlockView<'_>],
    keep: &mut [bool],
    mut reasons: Option<&mut Vec<Vec<(Reason, f32)>>>,
    score: &[f32],
) {
    for i in 0..blocks.len() {
        let Some(b) = blocks.get(i) else { continue };
        if !matches!(b.raw.kind, BlockKind::Heading { .. }) {
            continue;
        }
        let next_content = keep.get(i + 1).copied().unwrap_or(false);
        let Some(k) = keep.get_mut(i) else { continue };
        let new = next_content && b.link_density() < 0.6;
        if new != *k {
            *k = new;
            if let Some(r) = reasons.as_deref_mut().and_then(|r| r.get_mut(i)) {
                let s = score.get(i).copied().unwrap_or(0.0);
                r.push((Reason::HeadingContext, if new { 0.1 - s } else { -0.1 - s }));
            }
        }
    }
}
