//! Plain-text mode: which blocks of a dump are the main text.
//!
//! A dump has no markup, so the evidence is the text and the layout that the converter kept:
//!
//! 1. Each block starts from the same text evidence as in HTML mode (length, sentence
//!    punctuation, kind), plus its [`LineTraits`](crate::blocks::lines::LineTraits): menu
//!    lines, dates and counts, copyright lines, teasers cut off with an ellipsis or in
//!    mid-sentence, web addresses, weak phrase hints.
//! 2. Context that only the sequence shows: runs of short lines (menus, link lists), lines that
//!    repeat in the dump (a menu printed twice), lines that share an opening ("Also read – …"),
//!    headline + teaser pairs.
//! 3. The dump is split into content and furniture regions by a two-state Viterbi pass over
//!    signed block weights, with a cost for every change of state; the heaviest region is the
//!    main text (the dump's analogue of HTML mode's main container) and gets the benefit of the
//!    doubt, regions a third as heavy are kept on their merits, the rest needs a strong score.
//!    How much of the positive weight the main region holds tells an article (one region) from
//!    a page whose text is spread out (a thread, a listing): on the latter, smaller regions
//!    count and blocks outside them are judged more on their own.
//! 4. The context pass shared with HTML mode: short blocks follow their neighbours, a heading
//!    stands or falls with the block after it, and the output is never empty when text exists.
//!    Then the sequence again: a line ending in a colon brings the list after it; dropped lines
//!    between kept blocks (a list, code, a table) come back unless furniture or a byline is
//!    among them; an output of fewer than 50 words (under a fifth of the dump's) takes back
//!    every block that nearly made it and is not furniture; a listing of cards that repeat the
//!    same "Label: value" fields at a steady interval is kept from the first field to the last,
//!    and a field repeated from card to card is not a repeat; a table printed row by row (cells
//!    separated by tabs or pipes) is kept with its heading, and so is one printed a cell per
//!    line, a label over a value that is a measure or a yes or no ("Debounce Time" / "N/A");
//!    a shop's delivery or returns notice ("Free standard shipping on orders over $29") goes
//!    unless every card carries it;
//!    on an article, lone blocks outside every region (teasers) and long runs of
//!    short non-sentences (headline lists) go; a comment thread after the text (a header, then
//!    name and date lines above each post) goes; a share, sign-up or comments line or an
//!    author's box after most of the text ends it, and so does the header of a shop's
//!    reviews or of its other products ("Customer Reviews", "You may also like"); a review
//!    header with posts under it that carry review markers ("Verified Purchase", "12 people
//!    found this helpful") ends it after a tenth of the text.
//! 5. The title is the headline that opens the main text, or the headline-shaped line nearest
//!    before it (a line printed twice there wins; a byline, a line of sentences or a field with
//!    a short value, "Sort by: Newest", never is).
//!    Repeats are kept once, except the fields of cards.
//!
//! Before all of it, `footer` finds where the page ends: a copyright line right above a
//! policy printed in full ("Refund policy" and its text, a shop's dialogs) closes the page, and
//! nothing after it is weighed; so does a consent dialog printed at the end (`consent`: a
//! cookie banner and its preference centre, a paragraph per purpose).
//!
//! The pipeline ([`classify()`], [`extract()`]) lives here; the passes live in submodules
//! named by what they hold: `evidence` (what a block and its neighbours say, steps 1 and 2),
//! `regions` (step 3), `edges`, `gaps`, `tables`, `specs`, `records` with the `fields` its
//! cards share, `article`, `threads`, `notices` and `tail` (step 4), `title`
//! (step 5), and `kept` (word counts that several passes weigh).

mod article;
mod consent;
mod edges;
mod evidence;
mod fields;
mod footer;
mod gaps;
mod kept;
mod notices;
pub(crate) mod page_type;
mod records;
mod regions;
mod specs;
mod tables;
mod tail;
mod threads;
mod title;

use crate::block::{Block, Decision};
use crate::blocks::lines::DumpBlock;
use crate::blocks::repeat;
use crate::blocks::repeat::fold;
use crate::blocks::view::Verdict;
use crate::explain::Reason;
use crate::extracted::Extracted;
use crate::model::PageSamples;
use crate::model::Sample;
use crate::model::Stage;
use crate::model::page_type::PageType;
use crate::options::Focus;
use crate::passes;
use crate::render;

use article::{drop_headline_runs, drop_lone_outsiders};
use edges::headlines_follow_next;
use evidence::{N_DUMP, context_features, dot, is_furniture, local_features, weight_chars};
use gaps::{fill_gaps, keep_announced, rescue_thin_output};
use records::keep_records;
use regions::{FOCUSED_SHARE, Place, SPREAD_SHARE, places};
use specs::{keep_cell_pairs, keep_spec_lists};
use tables::keep_tables;
use tail::cut_tail;
use threads::drop_comment_threads;
use title::find_title;

/// The decisions about a dump's blocks and the index of its title block.
pub(crate) struct DumpDecisions {
    pub verdicts: Vec<Verdict>,
    pub title: Option<usize>,
    /// Blocks in a listing of cards (see [`records::keep_records`]), whose fields repeat by nature.
    pub cards: Vec<bool>,
    /// Per block, the evidence and its weights, when explaining.
    pub reasons: Option<Vec<Vec<(Reason, f32)>>>,
    /// Per block, whether it lies in the main region (the dump's main container).
    pub in_main: Vec<bool>,
    /// The page type judged from the dump's lines and regions; `None` for a dump without
    /// blocks.
    pub page_type: Option<PageType>,
}

/// Records, when explaining, which blocks the pass `name` changed: `before` is the decisions
/// before it ran.
fn note_pass(
    name: &'static str,
    before: Option<Vec<bool>>,
    keep: &[bool],
    reasons: &mut Option<Vec<Vec<(Reason, f32)>>>,
) {
    let (Some(before), Some(reasons)) = (before, reasons.as_mut()) else {
        return;
    };
    for ((b, k), r) in before.iter().zip(keep).zip(reasons.iter_mut()) {
        if b != k {
            r.push((Reason::Rule(name), 0.0));
        }
    }
}

/// Number of the block score's features in text mode: the block's own score, then where it
/// lies (see [`place_features`]).
pub(crate) const N_DUMP_BLOCK: usize = 7;

/// Characters (CJK counted three times) below which a block is short enough to take its
/// neighbours' side in the smoothing: a line, not a paragraph (as in HTML mode). Set by hand in
/// the first cut of text mode (b4222b6).
const SHORT_BLOCK: f32 = 80.0;
/// A short block's own score (before its place) above which it may be pulled up to content
/// between two content blocks: not clearly furniture on its own. Set by hand (b4222b6).
const MAY_JOIN_SCORE: f32 = -1.0;

/// The block score's features in text mode: the block's own score and a flag for its place:
/// in the main region (not furniture by its shape / furniture), in a side region (of a page
/// whose text is spread out / not), outside every region (spread / not). Each place's weight
/// is its score shift, the dump's analogue of HTML mode's container features.
fn place_features(own: f32, place: Place, furniture: bool, spread: bool) -> [f32; N_DUMP_BLOCK] {
    let slot = match place {
        Place::Main if !furniture => 1,
        Place::Main => 2,
        Place::Side if spread => 3,
        Place::Side => 4,
        Place::Outside if spread => 5,
        Place::Outside => 6,
    };
    let mut x = [0.0f32; N_DUMP_BLOCK];
    x[0] = own;
    if let Some(v) = x.get_mut(slot) {
        *v = 1.0;
    }
    x
}

/// Classifies the blocks of a dump and finds its title. Blocks after the page's end (see
/// [`footer::page_end`]) are boilerplate and are not weighed. With `samples`, every block's
/// features are recorded (for training).
pub(crate) fn classify(
    blocks: &[DumpBlock],
    focus: Focus,
    stage: Stage<'_>,
    samples: Option<&mut PageSamples>,
    explain: bool,
) -> DumpDecisions {
    let end = if stage.passes.on("text:page-end") {
        footer::page_end(blocks).min(consent::dialog_start(blocks))
    } else {
        blocks.len()
    };
    let (page, rest) = blocks.split_at(end.min(blocks.len()));
    let mut d = classify_page(page, focus, stage, samples, explain);
    for b in rest {
        let x = local_features(b);
        d.verdicts.push(Verdict {
            decision: Decision::Boilerplate,
            score: dot(&x, &stage.weights.dump_local),
        });
        d.cards.push(false);
        d.in_main.push(false);
        if let Some(r) = d.reasons.as_mut() {
            // The score is the own score alone: its reasons add up to it, as everywhere.
            let mut why = Vec::new();
            for (j, (v, w)) in x.iter().zip(&stage.weights.dump_local).enumerate() {
                add_reason(&mut why, evidence::reason(j), v * w);
            }
            why.push((Reason::Rule("text:page-end"), 0.0));
            r.push(why);
        }
    }
    d
}

/// Classifies the blocks of a dump's page (everything up to its end) and finds its title.
fn classify_page(
    blocks: &[DumpBlock],
    focus: Focus,
    stage: Stage<'_>,
    samples: Option<&mut PageSamples>,
    explain: bool,
) -> DumpDecisions {
    let mut reasons: Option<Vec<Vec<(Reason, f32)>>> =
        explain.then(|| vec![Vec::new(); blocks.len()]);
    if blocks.is_empty() {
        return DumpDecisions {
            verdicts: Vec::new(),
            title: None,
            cards: Vec::new(),
            reasons,
            in_main: Vec::new(),
            page_type: None,
        };
    }
    let (weights, passes) = (stage.weights, stage.passes);
    let mut local: Vec<[f32; N_DUMP]> = blocks.iter().map(local_features).collect();
    context_features(blocks, &mut local);
    let own: Vec<f32> = local.iter().map(|x| dot(x, &weights.dump_local)).collect();
    let (place, share) = places(blocks, &own);
    let page_features = page_type::page_features(blocks, &local, &own, &place, share);
    let judged = page_type::judge(&page_features, &weights.dump_page);
    // From here on the page type is known: the passes switched off for it stay off.
    let passes = passes.for_page_type(judged);
    let spread = share < SPREAD_SHARE;
    let bias = focus.bias();
    let block_x: Vec<[f32; N_DUMP_BLOCK]> = own
        .iter()
        .zip(&place)
        .zip(blocks)
        .map(|((&s, &p), b)| place_features(s, p, is_furniture(b), spread))
        .collect();
    let mut score: Vec<f32> = block_x
        .iter()
        .map(|x| {
            x.iter()
                .zip(&weights.dump_block)
                .map(|(a, b)| a * b)
                .sum::<f32>()
                + bias
        })
        .collect();
    if let Some(samples) = samples {
        samples.page = page_features.to_vec();
        samples.blocks.extend(
            blocks
                .iter()
                .zip(&local)
                .zip(&block_x)
                .map(|((b, l), x)| Sample {
                    text: b.raw.text.clone(),
                    prose: l.to_vec(),
                    block: x.to_vec(),
                }),
        );
    }
    if let Some(r) = reasons.as_mut() {
        let own_weight = weights.dump_block.first().copied().unwrap_or(0.0);
        for (r, (l, x)) in r.iter_mut().zip(local.iter().zip(&block_x)) {
            for (j, (v, w)) in l.iter().zip(&weights.dump_local).enumerate() {
                add_reason(r, evidence::reason(j), v * w * own_weight);
            }
            let place_weight: f32 = x
                .iter()
                .zip(&weights.dump_block)
                .skip(1)
                .map(|(a, w)| a * w)
                .sum();
            // Slots 1 and 2 are the main region's (see `place_features`).
            let in_main = x.iter().skip(1).take(2).any(|v| *v > 0.0);
            add_reason(
                r,
                if in_main {
                    Reason::InContainer
                } else {
                    Reason::OutsideContainer
                },
                place_weight,
            );
            if bias != 0.0 {
                r.push((Reason::Focus, bias));
            }
        }
    }
    if passes.on("text:neighbours") {
        let moved = passes::smooth(
            |i| blocks.get(i).is_some_and(|b| weight_chars(b) < SHORT_BLOCK),
            |i| own.get(i).is_some_and(|&s| s > MAY_JOIN_SCORE),
            &mut score,
        );
        if let Some(r) = reasons.as_mut() {
            for (i, change) in moved {
                if let Some(r) = r.get_mut(i) {
                    r.push((Reason::Neighbours, change));
                }
            }
        }
    }
    if passes.on("text:page-cut") {
        let words: Vec<u32> = blocks.iter().map(|b| b.stats.words).collect();
        crate::model::cut::apply(&mut score, &words, bias, reasons.as_mut());
    }
    let mut keep: Vec<bool> = score.iter().map(|&s| s > 0.0).collect();
    // Each pass below runs when switched on and, when explaining, leaves its name on the
    // blocks whose decision it changed.
    macro_rules! pass {
        ($name:literal, $body:expr) => {
            if passes.on($name) {
                let before = reasons.as_ref().map(|_| keep.clone());
                let out = $body;
                note_pass($name, before, &keep, &mut reasons);
                Some(out)
            } else {
                None
            }
        };
    }
    let initial = keep.clone();
    pass!(
        "text:headlines-follow-next",
        headlines_follow_next(blocks, &mut keep)
    );
    pass!("text:never-empty", passes::never_empty(&score, &mut keep));
    pass!(
        "text:announced-lists",
        keep_announced(blocks, &initial, &mut keep)
    );
    pass!("text:gap-filling", fill_gaps(blocks, &mut keep));
    pass!(
        "text:thin-output",
        rescue_thin_output(blocks, &score, &mut keep)
    );
    let focused = share >= FOCUSED_SHARE;
    if focused {
        pass!(
            "text:lone-outsiders",
            drop_lone_outsiders(&place, &mut keep)
        );
        pass!("text:headline-runs", drop_headline_runs(blocks, &mut keep));
    }
    pass!("text:tables", keep_tables(blocks, &mut keep));
    pass!("text:spec-lists", keep_spec_lists(blocks, &mut keep));
    pass!("text:cell-pairs", keep_cell_pairs(blocks, &mut keep));
    let cards = pass!(
        "text:card-records",
        keep_records(blocks, &mut keep, focused)
    )
    .unwrap_or_else(|| vec![false; blocks.len()]);
    pass!(
        "text:comment-threads",
        drop_comment_threads(blocks, &mut keep)
    );
    pass!(
        "text:shop-notices",
        notices::drop_shop_notices(blocks, &mut keep, &cards)
    );
    let main_end = place
        .iter()
        .rposition(|&p| p == Place::Main)
        .map_or(0, |e| e + 1);
    pass!(
        "text:tail-cut",
        cut_tail(blocks, &mut keep, &cards, focused, main_end)
    );
    let title = find_title(blocks, &keep);
    let verdicts = keep
        .iter()
        .zip(&score)
        .map(|(&k, &s)| Verdict {
            decision: if k {
                Decision::Content
            } else {
                Decision::Boilerplate
            },
            score: s,
        })
        .collect();
    DumpDecisions {
        verdicts,
        title,
        cards,
        reasons,
        in_main: place.iter().map(|p| *p == Place::Main).collect(),
        page_type: Some(judged),
    }
}

/// Adds `weight` to the entry of `reason`, or a new entry; zero weights are left out.
fn add_reason(r: &mut Vec<(Reason, f32)>, reason: Reason, weight: f32) {
    if weight == 0.0 {
        return;
    }
    match r.iter_mut().find(|(k, _)| *k == reason) {
        Some((_, v)) => *v += weight,
        None => r.push((reason, weight)),
    }
}

/// Characters of a kept block at least for it to be compared as a lead: a sentence, not a
/// label that a paragraph may happen to open with.
const LEAD_MIN_CHARS: u32 = 60;
/// Kept blocks after a lead among which its longer copy is looked for: the opening of the
/// text, where a standfirst is printed again.
const LEAD_LOOKAHEAD: usize = 12;

/// A lead paragraph that a later paragraph repeats and continues ("A said B." above "A said B.
/// It was the third time…") is a standfirst printed twice: the longer copy is kept.
fn drop_repeated_leads(blocks: &[DumpBlock], decisions: &mut [Decision]) {
    let kept: Vec<(usize, String)> = blocks
        .iter()
        .zip(decisions.iter())
        .enumerate()
        .filter(|(_, (b, d))| **d == Decision::Content && b.stats.chars >= LEAD_MIN_CHARS)
        .map(|(i, (b, _))| (i, fold(&b.raw.text)))
        .collect();
    for (k, (i, lead)) in kept.iter().enumerate() {
        let continued = kept
            .iter()
            .skip(k + 1)
            .take(LEAD_LOOKAHEAD)
            .any(|(_, later)| later.len() > lead.len() && later.starts_with(lead.as_str()));
        if continued && let Some(d) = decisions.get_mut(*i) {
            *d = Decision::Duplicate;
        }
    }
}

/// The whole plain-text pipeline: segment, classify, pick the title, drop repeats, render.
pub(crate) fn extract(
    blocks: Vec<DumpBlock>,
    focus: Focus,
    stage: Stage<'_>,
    samples: Option<&mut PageSamples>,
    explain: bool,
) -> Extracted {
    let DumpDecisions {
        verdicts,
        title,
        cards,
        reasons,
        in_main,
        page_type,
    } = classify(&blocks, focus, stage, samples, explain);
    let passes = page_type.map_or(stage.passes, |t| stage.passes.for_page_type(t));
    let mut decisions: Vec<Decision> = verdicts.iter().map(|v| v.decision).collect();
    let title_text = title
        .and_then(|i| blocks.get(i))
        .map(|b| b.raw.text.clone());
    if let (Some(i), Some(t)) = (title, &title_text) {
        if let Some(d) = decisions.get_mut(i) {
            *d = Decision::Title;
        }
        // The headline is not repeated in the body.
        let ft = fold(t);
        for (b, d) in blocks.iter().zip(decisions.iter_mut()) {
            if *d == Decision::Content && fold(&b.raw.text) == ft {
                *d = Decision::Duplicate;
            }
        }
    }
    let texts: Vec<&str> = blocks.iter().map(|b| b.raw.text.as_str()).collect();
    let keep: Vec<bool> = decisions.iter().map(|d| *d == Decision::Content).collect();
    if passes.on("text:repeats") {
        let dups = repeat::duplicates(&texts, &keep);
        for ((d, dup), card) in decisions.iter_mut().zip(dups).zip(&cards) {
            // The same field in two cards ("Screen size: 27 in") is not a repeat.
            if dup && !card {
                *d = Decision::Duplicate;
            }
        }
    }
    if passes.on("text:repeated-leads") {
        drop_repeated_leads(&blocks, &mut decisions);
    }
    let explanation = reasons.map(|reasons| {
        crate::explain::build_text(&blocks, &verdicts, &decisions, reasons, &in_main)
    });
    let out: Vec<Block> = blocks
        .into_iter()
        .zip(decisions)
        .zip(verdicts)
        .map(|((b, decision), v)| Block {
            kind: b.raw.kind,
            text: b.raw.text,
            decision,
            score: v.score,
        })
        .collect();
    // The byline and dates printed around the headline.
    let texts: Vec<&str> = out.iter().map(|b| b.text.as_str()).collect();
    let first_kept = out.iter().position(|b| b.decision == Decision::Content);
    let meta = crate::meta::read_dump(&texts, title, first_kept);
    Extracted {
        text: render::text(&out),
        metadata: crate::metadata::Metadata {
            title: title_text,
            authors: meta.authors,
            published: meta.published,
            modified: meta.modified,
            ..Default::default()
        },
        blocks: out,
        explanation,
        layout: Default::default(),
        comments: Vec::new(),
        encoding: None,
        page_type,
    }
}

/// Blocks and text for the unit tests of the passes.
#[cfg(test)]
mod testing {
    use crate::blocks::lines::{self, DumpBlock};

    /// The first block of `text`.
    pub(super) fn block(text: &str) -> DumpBlock {
        lines::segment(text).remove(0)
    }

    /// A paragraph of prose: a sentence long enough to be kept on its own.
    pub(super) fn para(i: usize) -> String {
        format!(
            "Paragraph {i} of the story goes on for a while, with commas, clauses and a full \
             stop at the end, as the body of an article does."
        )
    }

    /// The blocks of a dump of six paragraphs of prose followed by `tail`, one block a line.
    pub(super) fn after_text(tail: &[&str]) -> Vec<DumpBlock> {
        let mut parts: Vec<String> = (0..6).map(para).collect();
        parts.extend(tail.iter().map(|s| s.to_string()));
        lines::segment(&parts.join("\n\n"))
    }
}
