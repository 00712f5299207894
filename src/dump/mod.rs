//! Plain-text mode: which blocks of a dump are the main text.
//!
//! A dump has no markup, so the evidence is the text and the layout that the converter kept:
//!
//! 1. Each block starts from the same text evidence as in HTML mode (length, sentence
//!    punctuation, kind), plus its [`Shape`](crate::lines::Shape): menu lines, dates and
//!    counts, copyright lines, teasers cut off with an ellipsis or in mid-sentence, web
//!    addresses, weak phrase hints.
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
//!    and a field repeated from card to card is not a repeat; on a page whose text is spread
//!    out, so is a listing whose cards each carry the same short line (a "Compare" or "Star"
//!    button), unless a longer text comes before them; a table printed row by row (cells
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
//! cards share, `article`, `threads`, `teasers`, `notices` and `tail` (step 4), `title`
//! (step 5), and `kept` (word counts that several passes weigh). `train` exports the features for refitting.

mod article;
mod consent;
mod edges;
mod evidence;
mod fields;
mod footer;
mod gaps;
mod kept;
mod notices;
mod records;
mod regions;
mod specs;
mod tables;
mod tail;
mod teasers;
mod threads;
mod title;
#[cfg(test)]
mod train;

use crate::block::{Block, Decision};
use crate::classify::{self, Verdict};
use crate::extracted::Extracted;
use crate::lines::DumpBlock;
use crate::meta::fold;
use crate::options::Focus;
use crate::render;
use crate::repeat;

use article::{drop_headline_runs, drop_lone_outsiders};
use edges::{headlines_follow_next, trim_furniture_edges};
use evidence::{context_scores, is_furniture, local_score, weight_chars};
use gaps::{fill_gaps, keep_announced, rescue_thin_output};
use records::keep_records;
use regions::{
    FOCUSED_SHARE, IN_MAIN, IN_MAIN_NEUTRAL, IN_SIDE, IN_SIDE_SPREAD, OUTSIDE, OUTSIDE_SPREAD,
    Place, SPREAD_SHARE, places,
};
use specs::{keep_cell_pairs, keep_spec_lists};
use tables::keep_tables;
use tail::cut_tail;
use teasers::drop_teaser_cards;
use threads::drop_comment_threads;
use title::find_title;

/// The decisions about a dump's blocks and the index of its title block.
pub(crate) struct DumpDecisions {
    pub verdicts: Vec<Verdict>,
    pub title: Option<usize>,
    /// Blocks in a listing of cards (see [`records::keep_records`]), whose fields repeat by nature.
    pub cards: Vec<bool>,
}

/// Classifies the blocks of a dump and finds its title. Blocks after the page's end (see
/// [`footer::page_end`]) are boilerplate and are not weighed.
pub(crate) fn classify(blocks: &[DumpBlock], focus: Focus) -> DumpDecisions {
    let end = footer::page_end(blocks).min(consent::dialog_start(blocks));
    let (page, rest) = blocks.split_at(end.min(blocks.len()));
    let mut d = classify_page(page, focus);
    for b in rest {
        d.verdicts.push(Verdict {
            decision: Decision::Boilerplate,
            score: local_score(b),
        });
        d.cards.push(false);
    }
    d
}

/// Classifies the blocks of a dump's page (everything up to its end) and finds its title.
fn classify_page(blocks: &[DumpBlock], focus: Focus) -> DumpDecisions {
    if blocks.is_empty() {
        return DumpDecisions {
            verdicts: Vec::new(),
            title: None,
            cards: Vec::new(),
        };
    }
    let local: Vec<f32> = blocks.iter().map(local_score).collect();
    let ctx = context_scores(blocks);
    let own: Vec<f32> = local.iter().zip(&ctx).map(|(a, b)| a + b).collect();
    let (place, share) = places(blocks, &own);
    let spread = share < SPREAD_SHARE;
    let bias = focus.bias();
    let mut score: Vec<f32> = own
        .iter()
        .zip(&place)
        .zip(blocks)
        .map(|((&s, &p), b)| {
            s + bias
                + match p {
                    Place::Main if !is_furniture(b) => IN_MAIN_NEUTRAL,
                    Place::Main => IN_MAIN,
                    Place::Side if spread => IN_SIDE_SPREAD,
                    Place::Side => IN_SIDE,
                    Place::Outside if spread => OUTSIDE_SPREAD,
                    Place::Outside => OUTSIDE,
                }
        })
        .collect();
    classify::smooth(
        |i| blocks.get(i).is_some_and(|b| weight_chars(b) < 80.0),
        |i| own.get(i).is_some_and(|&s| s > -1.0),
        &mut score,
    );
    let mut keep: Vec<bool> = score.iter().map(|&s| s > 0.0).collect();
    let initial = keep.clone();
    headlines_follow_next(blocks, &mut keep);
    trim_furniture_edges(blocks, &mut keep);
    classify::never_empty(&score, &mut keep);
    keep_announced(blocks, &initial, &mut keep);
    fill_gaps(blocks, &mut keep);
    rescue_thin_output(blocks, &score, &mut keep);
    if share >= FOCUSED_SHARE {
        drop_lone_outsiders(&place, &mut keep);
        drop_headline_runs(blocks, &mut keep);
    }
    keep_tables(blocks, &mut keep);
    keep_spec_lists(blocks, &mut keep);
    keep_cell_pairs(blocks, &mut keep);
    let cards = keep_records(blocks, &mut keep, share >= FOCUSED_SHARE);
    drop_comment_threads(blocks, &mut keep);
    drop_teaser_cards(blocks, &mut keep, &cards);
    notices::drop_shop_notices(blocks, &mut keep, &cards);
    let main_end = place
        .iter()
        .rposition(|&p| p == Place::Main)
        .map_or(0, |e| e + 1);
    cut_tail(blocks, &mut keep, &cards, share >= FOCUSED_SHARE, main_end);
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
    }
}

/// A lead paragraph that a later paragraph repeats and continues ("A said B." above "A said B.
/// It was the third time…") is a standfirst printed twice: the longer copy is kept.
fn drop_repeated_leads(blocks: &[DumpBlock], decisions: &mut [Decision]) {
    let kept: Vec<(usize, String)> = blocks
        .iter()
        .zip(decisions.iter())
        .enumerate()
        .filter(|(_, (b, d))| **d == Decision::Content && b.stats.chars >= 60)
        .map(|(i, (b, _))| (i, fold(&b.raw.text)))
        .collect();
    for (k, (i, lead)) in kept.iter().enumerate() {
        let continued = kept
            .iter()
            .skip(k + 1)
            .take(12)
            .any(|(_, later)| later.len() > lead.len() && later.starts_with(lead.as_str()));
        if continued && let Some(d) = decisions.get_mut(*i) {
            *d = Decision::Duplicate;
        }
    }
}

/// The whole plain-text pipeline: segment, classify, pick the title, drop repeats, render.
pub(crate) fn extract(blocks: Vec<DumpBlock>, focus: Focus) -> Extracted {
    let DumpDecisions {
        verdicts,
        title,
        cards,
    } = classify(&blocks, focus);
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
    let dups = repeat::duplicates(&texts, &keep);
    for ((d, dup), card) in decisions.iter_mut().zip(dups).zip(&cards) {
        // The same field in two cards ("Screen size: 27 in") is not a repeat.
        if dup && !card {
            *d = Decision::Duplicate;
        }
    }
    drop_repeated_leads(&blocks, &mut decisions);
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
    Extracted {
        text: render::text(&out),
        metadata: crate::metadata::Metadata {
            title: title_text,
            ..Default::default()
        },
        blocks: out,
        explanation: None,
        layout: Default::default(),
        comments: Vec::new(),
        encoding: None,
    }
}

/// Blocks and text for the unit tests of the passes.
#[cfg(test)]
mod testing {
    use crate::lines::{self, DumpBlock};

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
