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
//!    separated by tabs or pipes) is kept with its heading;
//!    on an article, lone blocks outside every region (teasers) and long runs of
//!    short non-sentences (headline lists) go; a comment thread after the text (a header, then
//!    name and date lines above each post) goes; a share, sign-up or comments line or an
//!    author's box after most of the text ends it.
//! 5. The title is the headline that opens the main text, or the headline-shaped line nearest
//!    before it (a line printed twice there wins; a byline, a line of sentences or a field with
//!    a short value, "Sort by: Newest", never is).
//!    Repeats are kept once, except the fields of cards.

mod article;
mod edges;
mod evidence;
mod fields;
mod gaps;
mod kept;
mod records;
mod regions;
mod specs;
mod tables;
mod teasers;

use std::collections::HashMap;

use crate::block::{Block, BlockKind, Decision};
use crate::classify::{self, Verdict};
use crate::extracted::Extracted;
use crate::lines::{self, DumpBlock, Phrases};
use crate::meta::fold;
use crate::options::Focus;
use crate::render;
use crate::repeat;

use article::{drop_headline_runs, drop_lone_outsiders};
use edges::{headlines_follow_next, trim_furniture_edges};
#[cfg(test)]
use evidence::is_menu_like;
use evidence::{context_scores, is_furniture, local_score, weight_chars};
use fields::label_head;
use gaps::{fill_gaps, keep_announced, rescue_thin_output};
use kept::kept_words_before;
use records::keep_records;
use regions::{
    FOCUSED_SHARE, IN_MAIN, IN_MAIN_NEUTRAL, IN_SIDE, IN_SIDE_SPREAD, OUTSIDE, OUTSIDE_SPREAD,
    Place, SPREAD_SHARE, places,
};
use specs::keep_spec_lists;
use tables::keep_tables;
use teasers::drop_teaser_cards;

/// The decisions about a dump's blocks and the index of its title block.
pub(crate) struct DumpDecisions {
    pub verdicts: Vec<Verdict>,
    pub title: Option<usize>,
    /// Blocks in a listing of cards (see [`records::keep_records`]), whose fields repeat by nature.
    pub cards: Vec<bool>,
}

/// Per-block features for refitting offline (see `train` below for the export): shape and
/// text measurements, the local and context scores, the place, the final score and decision,
/// and the weighted length.
#[cfg(test)]
fn features(blocks: &[DumpBlock]) -> Vec<Vec<f32>> {
    let local: Vec<f32> = blocks.iter().map(local_score).collect();
    let ctx = context_scores(blocks);
    let own: Vec<f32> = local.iter().zip(&ctx).map(|(a, b)| a + b).collect();
    let (place, _) = places(blocks, &own);
    let n = blocks.len().max(1) as f32;
    let f = |b: bool| f32::from(u8::from(b));
    let verdicts = classify(blocks, Focus::Balanced).verdicts;
    blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let st = &b.stats;
            let sh = &b.shape;
            let chars = weight_chars(b);
            let ld = if st.chars > 0 {
                (b.raw.link_chars as f32 / st.chars as f32).min(1.0)
            } else {
                0.0
            };
            let p = place.get(i).copied().unwrap_or(Place::Outside);
            vec![
                (chars.max(1.0) / 50.0).ln().clamp(-3.0, 3.0),
                f(st.ends_sentence),
                st.sentence_marks.min(4) as f32,
                st.commas.min(4) as f32,
                f(b.raw.kind.is_heading()),
                f(b.raw.kind == BlockKind::ListItem),
                ld,
                f(sh.menu_parts >= 3),
                f(sh.numeric),
                f(sh.copyright),
                f(sh.ellipsis),
                f(sh.url),
                f(!st.ends_sentence && chars >= 100.0),
                f(sh.glued > 0),
                f(sh.count_suffix),
                f(sh.sentence_case),
                f(sh.title_case && !st.ends_sentence),
                f(sh.phrases.has(Phrases::RELATED)),
                f(sh.phrases.has(Phrases::TAGS)),
                f(sh.phrases.has(Phrases::SOCIAL)),
                f(sh.phrases.has(Phrases::ACCOUNT)),
                f(sh.phrases.has(Phrases::LEGAL)),
                f(sh.phrases.has(Phrases::AD)),
                f(sh.phrases.has(Phrases::COMMENTS)),
                f(is_menu_like(b)),
                f(is_furniture(b)),
                if st.chars > 0 {
                    st.digits as f32 / st.chars as f32
                } else {
                    0.0
                },
                f(sh.gap_before),
                f(sh.bullet),
                i as f32 / n,
                local.get(i).copied().unwrap_or(0.0),
                ctx.get(i).copied().unwrap_or(0.0),
                f(p == Place::Main),
                f(p == Place::Side),
                st.words as f32,
                f(st.cjk),
                verdicts.get(i).map_or(0.0, |v| v.score),
                f(verdicts
                    .get(i)
                    .is_some_and(|v| v.decision == Decision::Content)),
                chars,
            ]
        })
        .collect()
}

/// Classifies the blocks of a dump and finds its title.
pub(crate) fn classify(blocks: &[DumpBlock], focus: Focus) -> DumpDecisions {
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
    let cards = keep_records(blocks, &mut keep, share >= FOCUSED_SHARE);
    drop_comment_threads(blocks, &mut keep);
    drop_teaser_cards(blocks, &mut keep, &cards);
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

/// Share of the kept words that must come before a furniture line for [`cut_tail`] to end
/// the text there: past the end of the main region, on a page whose text sits in one region,
/// and elsewhere.
const TAIL_SHARE_PAST_MAIN: f32 = 0.3;
const TAIL_SHARE_FOCUSED: f32 = 0.5;
const TAIL_SHARE: f32 = 0.6;

/// The page's tail: a dropped line with a share, account or comments phrase ("Share this",
/// "Subscribe to our newsletter", "Leave a comment"), or the header of an author's box ("About
/// Jane Doe") ends the text once most of the kept words have come (see [`TAIL_SHARE`]; a
/// third of them past the end of the main region, half on an article): what is kept after it
/// is the page's end matter (an "about us" blurb, the author's bio, a sign-up box, teasers of
/// other stories), not the rest of the text. A heading with an account word that has prose
/// under it ([`heads_section`]) is not such a line, nor is a short bar that comes again after
/// more kept text ("Share" under every answer of a thread closes a post, not the page; after
/// one whole post, a shorter one between two copies counts too). The output is never emptied
/// by this. A card's field ("Comments: 12 pages") is no such line.
fn cut_tail(
    blocks: &[DumpBlock],
    keep: &mut [bool],
    cards: &[bool],
    focused: bool,
    main_end: usize,
) {
    let families = Phrases::SOCIAL.0 | Phrases::ACCOUNT.0 | Phrases::COMMENTS.0;
    // Kept words before each block, and where each phrase line comes again.
    let kept_before = kept_words_before(blocks, keep);
    let total = kept_before.last().copied().unwrap_or(0);
    let mut next_same: Vec<Option<usize>> = vec![None; blocks.len()];
    let mut prev_same: Vec<Option<usize>> = vec![None; blocks.len()];
    let mut last_seen: HashMap<(u64, usize), usize> = HashMap::new();
    for (i, b) in blocks.iter().enumerate().rev() {
        if b.shape.phrases.0 & families != 0 && b.stats.words <= REPEATED_BAR_WORDS {
            let f = repeat::fold_key(&b.raw.text);
            if let Some(&j) = last_seen.get(&f) {
                if let Some(slot) = next_same.get_mut(i) {
                    *slot = Some(j);
                }
                if let Some(slot) = prev_same.get_mut(j) {
                    *slot = Some(i);
                }
            }
            last_seen.insert(f, i);
        }
    }
    let mut before = 0u32;
    for (i, b) in blocks.iter().enumerate() {
        let kept = keep.get(i).copied().unwrap_or(false);
        // A bar that comes again after more of the text ("Share" under every answer of a
        // thread) closes a post, not the page.
        // A short post between two copies counts once a whole post came before the first.
        let at = |k: usize| kept_before.get(k).copied().unwrap_or(total);
        let after_post = prev_same
            .get(i)
            .copied()
            .flatten()
            .is_some_and(|p| at(i) - at(p) >= POST_BETWEEN_BARS);
        let repeated = next_same
            .get(i)
            .copied()
            .flatten()
            .is_some_and(|j| at(j) - at(i) >= POST_BETWEEN_BARS || after_post && at(j) > at(i));
        // A field of a card ("Comments: 12 pages") is not furniture.
        let field = cards.get(i).copied().unwrap_or(false) && label_head(b).is_some();
        let furniture = !kept
            && !field
            && !repeated
            && b.shape.phrases.0 & families != 0
            && !heads_section(blocks, keep, i);
        let share = if i >= main_end {
            TAIL_SHARE_PAST_MAIN
        } else if focused {
            TAIL_SHARE_FOCUSED
        } else {
            TAIL_SHARE
        };
        if (furniture || is_author_box(b)) && before > 0 && before as f32 >= share * total as f32 {
            for k in keep.iter_mut().skip(i) {
                *k = false;
            }
            return;
        }
        if kept {
            before += b.stats.words;
        }
    }
}

/// Words from which a phrase line is not taken for a bar repeated under posts ([`cut_tail`]).
const REPEATED_BAR_WORDS: u32 = 4;

/// Kept words between two copies of a bar for [`cut_tail`] to take them as closing posts.
const POST_BETWEEN_BARS: u32 = 30;

/// Words of prose under a heading for [`heads_section`].
const SECTION_PROSE_WORDS: u32 = 30;

/// A short line whose only phrase hint is an account word ("Search engines evolving", "Menu
/// planning for a week") that heads two kept blocks of prose is a section of the text, not a
/// search box or a sign-up line.
fn heads_section(blocks: &[DumpBlock], keep: &[bool], i: usize) -> bool {
    let kept_prose = |j: usize| {
        keep.get(j).copied().unwrap_or(false)
            && blocks
                .get(j)
                .is_some_and(|b| b.stats.ends_sentence && b.stats.words >= SECTION_PROSE_WORDS)
    };
    blocks.get(i).is_some_and(|b| {
        b.shape.phrases == Phrases::ACCOUNT && !b.stats.ends_sentence && b.stats.words <= 8
    }) && kept_prose(i + 1)
        && kept_prose(i + 2)
}

/// Words that open the header of an author's box under an article, lower-case: "About Jane
/// Doe", "Sobre Carlos Nadalim", "Über Moritz Bachmann", "About the author".
const ABOUT_WORDS: &[&str] = &[
    "about",
    "sobre",
    "über",
    "acerca de",
    "à propos de",
    "over",
    "om",
];
const AUTHOR_WORDS: &[&str] = &[
    "the author",
    "o autor",
    "el autor",
    "den autor",
    "l'auteur",
    "l’auteur",
    "de auteur",
];

/// Words that do not open a person's name: articles and determiners.
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "this", "our", "my", "your", "der", "die", "das", "den", "le", "la", "les",
    "el", "los", "las", "o", "os", "as", "il", "lo", "gli", "het", "een", "de", "uns",
];

/// A short line that heads an author's box: an "about" word and a name (two to four
/// capitalised words) or "the author", and nothing else.
fn is_author_box(b: &DumpBlock) -> bool {
    if b.stats.words > 6 || b.stats.ends_sentence || b.stats.chars > 60 {
        return false;
    }
    let text = b.raw.text.trim();
    let lower = text.to_lowercase();
    ABOUT_WORDS.iter().any(|w| {
        let Some(rest) = lower.strip_prefix(w).and_then(|r| r.strip_prefix(' ')) else {
            return false;
        };
        if AUTHOR_WORDS.iter().any(|a| rest.trim() == *a) {
            return true;
        }
        // The name, as written: every word capitalised.
        let name = text
            .get(text.len().saturating_sub(rest.len())..)
            .unwrap_or("");
        let words: Vec<&str> = name.split_whitespace().collect();
        // A name does not start with an article: "About The Red Labyrinth" heads a book.
        let article = words
            .first()
            .is_some_and(|w| NOT_NAMES.contains(&w.to_lowercase().as_str()));
        (2..=4).contains(&words.len())
            && !article
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    })
}

/// Words that head a comment section, lower-case, in several languages: after a count ("109
/// Comments", "34 responses to …", "3 thoughts on …") or alone ("Comments", "Comments (12)").
const COMMENT_WORDS: &[&str] = &[
    "comment",
    "comments",
    "response",
    "responses",
    "replies",
    "thoughts",
    "reacties",
    "kommentar",
    "kommentare",
    "commentaire",
    "commentaires",
    "comentario",
    "comentarios",
    "commenti",
    "комментарий",
    "комментария",
    "комментариев",
    "комментарии",
];

/// Headers that are a phrase of their own.
const COMMENT_PHRASES: &[&str] = &["leave a reply", "leave a comment", "join the discussion"];

/// `word` opens `s` as a whole word: what follows it is `s`'s remainder.
fn strip_word<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let rest = s.strip_prefix(word)?;
    rest.chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
        .then_some(rest)
}

fn only_punctuation(s: &str) -> bool {
    !s.chars().any(char::is_alphanumeric)
}

/// A line that is the header of a comment section, and nothing else: "109 Comments", "Leave
/// a Reply", "Comments (12)", "34 responses to “Title”". A line that goes on ("Comments: 10
/// pages", "Response time: 3 s") is not one.
fn is_comment_header(b: &DumpBlock) -> bool {
    if b.stats.words > 12 {
        return false;
    }
    let lower = b.raw.text.to_lowercase();
    let s = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        let after =
            s[digits..].trim_start_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.');
        let word_start = after.trim_start();
        if word_start.len() == after.len() {
            return false;
        }
        return COMMENT_WORDS.iter().any(|w| {
            strip_word(word_start, w).is_some_and(|rest| {
                let rest = rest.trim_start();
                only_punctuation(rest) || rest.starts_with("to ") || rest.starts_with("on ")
            })
        });
    }
    let counted = |rest: &str| {
        let rest = rest.trim();
        only_punctuation(rest)
            || rest
                .strip_prefix('(')
                .and_then(|r| r.strip_suffix(')'))
                .is_some_and(|n| {
                    !n.is_empty()
                        && n.chars()
                            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
                })
    };
    COMMENT_WORDS
        .iter()
        .filter(|w| !matches!(**w, "response" | "responses" | "replies" | "thoughts"))
        .chain(COMMENT_PHRASES)
        .any(|w| strip_word(s, w).is_some_and(counted))
}

/// Words from which a line is not taken for a post's byline or for a line about comments.
const POST_BYLINE_WORDS: u32 = 16;
const COMMENT_LINE_WORDS: u32 = 25;

/// Posts that must follow a line that only mentions comments ("Load all comments", "The
/// following comments are owned by whoever posted them") for [`drop_comment_threads`].
const LOOSE_HEADER_POSTS: usize = 3;

/// A post's byline in a thread of readers' comments: a byline word, a name and perhaps a date
/// or a score ("by jdoe ( 12345 ) writes:", "von Leser123 am 3. Mai"), no sentence.
fn is_post_byline(b: &DumpBlock) -> bool {
    if b.stats.words > POST_BYLINE_WORDS || b.stats.words < 2 || b.stats.ends_sentence {
        return false;
    }
    let first = b.raw.text.split_whitespace().next().unwrap_or("");
    crate::shape::BYLINE_WORDS
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w))
}

/// A short line that mentions comments as a word of its own ("Load All Comments", "87
/// Comments Log In"): weak evidence of a thread, which [`drop_comment_threads`] only takes with
/// more posts after it than after a header.
fn mentions_comments(b: &DumpBlock) -> bool {
    if b.stats.words > COMMENT_LINE_WORDS {
        return false;
    }
    let lower = b.raw.text.to_lowercase();
    lower.split(|c: char| !c.is_alphanumeric()).any(|w| {
        COMMENT_WORDS
            .iter()
            .filter(|c| !matches!(**c, "response" | "responses" | "replies" | "thoughts"))
            .any(|c| *c == w)
    })
}

/// Kept words before a comment header for [`drop_comment_threads`] to act: the text came first.
const TEXT_BEFORE_COMMENTS: u32 = 100;

/// The first post of a thread must start within this many blocks of its header, and each next
/// one within [`POST_GAP`] blocks of the one before; the thread ends where they stop.
const FIRST_POST_WITHIN: usize = 20;
const POST_GAP: usize = 30;

/// Comment sections after the text: a header ("109 Comments", "Leave a Reply") followed by at
/// least two posts, each a short name line above a date or time line. The header phrase alone
/// decides nothing; with the posts after it and the text before it, the blocks from the header
/// to the end of its run of posts are the readers' thread, not the page's text (a question and
/// answer page goes on with its next answer after the comments under one).
fn drop_comment_threads(blocks: &[DumpBlock], keep: &mut [bool]) {
    let n = blocks.len();
    let post = |i: usize| {
        i > 0
            && blocks.get(i).is_some_and(|d| d.shape.numeric)
            && blocks
                .get(i - 1)
                .is_some_and(|p| p.stats.words <= 6 && !p.stats.ends_sentence)
    };
    // The nearest post byline at or after each block, for the loose headers.
    let mut next_byline = vec![usize::MAX; n + 1];
    for i in (0..n).rev() {
        let here = blocks.get(i).is_some_and(is_post_byline);
        let next = next_byline.get(i + 1).copied().unwrap_or(usize::MAX);
        if let Some(slot) = next_byline.get_mut(i) {
            *slot = if here { i } else { next };
        }
    }
    let orig = keep.to_vec();
    let mut kept_words = 0u32;
    let mut h = 0;
    while h < n {
        let Some(b) = blocks.get(h) else { break };
        let strict = kept_words >= TEXT_BEFORE_COMMENTS && is_comment_header(b);
        let loose = !strict
            && kept_words >= TEXT_BEFORE_COMMENTS
            && next_byline
                .get(h + 1)
                .is_some_and(|&j| j <= h + FIRST_POST_WITHIN)
            && mentions_comments(b);
        if strict || loose {
            let mut last: Option<usize> = None;
            let mut posts = 0;
            let mut i = h + 1;
            while i < n {
                let is_post = if strict {
                    post(i)
                } else {
                    blocks.get(i).is_some_and(is_post_byline)
                };
                if is_post {
                    last = Some(i);
                    posts += 1;
                }
                let limit = last.map_or(h + FIRST_POST_WITHIN, |l| l + POST_GAP);
                if i > limit {
                    break;
                }
                i += 1;
            }
            if posts >= if strict { 2 } else { LOOSE_HEADER_POSTS } {
                for k in keep.iter_mut().take(i).skip(h) {
                    *k = false;
                }
                h = i;
                continue;
            }
        }
        if orig.get(h).copied().unwrap_or(false) {
            kept_words += b.stats.words;
        }
        h += 1;
    }
    if !keep.iter().any(|&k| k) {
        keep.copy_from_slice(&orig);
    }
}

/// Whether a block could be a headline: a few words to a long line, not a sentence ending in a
/// period, not a date, menu, address or furniture phrase.
fn headline_shaped(b: &DumpBlock) -> bool {
    let st = &b.stats;
    let sh = &b.shape;
    let words_ok = if st.cjk {
        (6..=80).contains(&st.chars)
    } else {
        (2..=30).contains(&st.words) && st.chars >= 10
    };
    let ends_period = b.raw.text.trim_end().ends_with(['.', '。']);
    words_ok
        && !ends_period
        && !sh.numeric
        && !sh.copyright
        && !sh.url
        && !sh.ellipsis
        && sh.menu_parts < 3
        && !sh.phrases.any()
        && b.raw.kind != BlockKind::ListItem
        && !is_byline(b)
        && !ends_inner_sentence(&b.raw.text)
        && !is_short_field(&b.raw.text)
}

/// A field and its short value ("Date range: Today", "Spoken language: Any"): a label, not a
/// headline. A title with a colon goes on for longer after it.
fn is_short_field(text: &str) -> bool {
    text.split_once(':').is_some_and(|(head, value)| {
        let h = head.split_whitespace().count();
        let v = value.split_whitespace().count();
        (1..=3).contains(&h) && v <= 2
    })
}

/// Whether the text is sentences: it ends in `.`, `!` or `?` (inside a closing bracket or
/// quote) and a sentence also ends inside it, after a word of three or more lower-case letters
/// and before a capital or an opening bracket ("… new forum member. (I apologize …
/// thorough.)"). A headline is one phrase; "Mr. Smith" and "U.S. Open" are not sentence ends,
/// and a caption with its credit after it ("… was released. (Photo: Agency)") is not sentences.
fn ends_inner_sentence(text: &str) -> bool {
    let t = text.trim_end();
    let closed = t.trim_end_matches([')', '"', '”', '’', '\'', '»']);
    if !closed.ends_with(['.', '!', '?']) {
        return false;
    }
    let chars: Vec<char> = closed.chars().collect();
    chars.windows(6).any(|w| {
        matches!(w, [a, b, c, '.' | '!' | '?', ' ', d]
            if a.is_lowercase() && b.is_lowercase() && c.is_lowercase()
                && (d.is_uppercase() || *d == '(' || *d == '“' || *d == '"'))
    })
}

/// Byline openers a dump shows besides those of [`crate::shape::BYLINE_WORDS`], lower-case:
/// "Przez Jan Nowak", "Written by Jane Doe", "Posted by Ana Ruiz".
const MORE_BYLINE_WORDS: [&str; 3] = ["przez", "written by", "posted by"];

/// A short line that names the author: a byline word, then a few words ("By Jane Doe", "by
/// Jacob Trussell—10 min read"). Not a headline, whatever its shape.
fn is_byline(b: &DumpBlock) -> bool {
    if b.stats.words > 8 {
        return false;
    }
    let lower = b.raw.text.trim_start().to_lowercase();
    let mut words = crate::shape::BYLINE_WORDS.iter().chain(&MORE_BYLINE_WORDS);
    words.any(|w| {
        lower
            .strip_prefix(w)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_whitespace)
    })
}

/// The title: among the headline-shaped lines before the first content block (at most a few
/// dozen blocks back), one that the dump repeats there (title and heading both printed) or else
/// the nearest one with three or more words.
fn find_title(blocks: &[DumpBlock], keep: &[bool]) -> Option<usize> {
    let first = keep.iter().position(|&k| k)?;
    // The main text may open with its own headline (and a deck under it): then the first kept
    // block is the title.
    // (Not when it is all that was kept: the text is never emptied for a title.)
    let more_kept = keep.iter().skip(first + 1).any(|&k| k);
    let opens_with_headline = more_kept
        && blocks.get(first).is_some_and(headline_shaped)
        && blocks
            .get(first + 1)
            .is_some_and(|b| !b.raw.kind.is_heading());
    if opens_with_headline {
        return Some(first);
    }
    let body = first;
    let from = body.saturating_sub(30);
    let candidates: Vec<usize> = (from..body)
        .filter(|&i| blocks.get(i).is_some_and(headline_shaped))
        .collect();
    let folded = |i: usize| blocks.get(i).map(|b| fold(&b.raw.text)).unwrap_or_default();
    // A headline printed twice before the body (page title and heading) is the title.
    for (k, &i) in candidates.iter().enumerate().rev() {
        let f = folded(i);
        if candidates.iter().take(k).any(|&j| folded(j) == f) {
            return Some(i);
        }
    }
    let nearest = |min_words: u32| {
        candidates.iter().rev().copied().find(|&i| {
            blocks
                .get(i)
                .is_some_and(|b| b.stats.cjk || b.stats.words >= min_words)
        })
    };
    nearest(3).or_else(|| nearest(2))
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
pub(crate) fn extract(dump: &str, focus: Focus) -> Extracted {
    let blocks = lines::segment(dump);
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
}

#[cfg(test)]
mod tests {
    use super::testing::{block, para};
    use super::*;

    #[test]
    fn comment_headers() {
        for t in [
            "109 Comments",
            "Comments",
            "Comments (12)",
            "34 responses to “Anthony Lynn”",
            "3 thoughts on “Business Focus”",
            "Leave a Reply",
            "12 Kommentare",
        ] {
            assert!(is_comment_header(&block(t)), "{t}");
        }
        for t in [
            "Comments: 10 pages, 4 figures",
            "Response time: 0.3 seconds",
            "Discussion",
            "Comments are closed for this story because it is old and nobody reads it.",
        ] {
            assert!(!is_comment_header(&block(t)), "{t}");
        }
    }

    #[test]
    fn sentences_are_not_headlines() {
        for t in [
            "Hi all, long time reader, first post here. (Sorry if this is the wrong board.)",
            "It rained all week. Then the river rose!",
        ] {
            assert!(ends_inner_sentence(t), "{t}");
        }
        for t in [
            "Mr. Smith goes to Washington",
            "U.S. Open final delayed by rain",
            "The video was released on Monday. (Photo: Agency)",
            "Why the river rose. And what comes next",
        ] {
            assert!(!ends_inner_sentence(t), "{t}");
        }
    }

    #[test]
    fn short_fields_are_not_headlines() {
        for t in [
            "Sort by: Newest first",
            "Date range: Today",
            "Language: Any",
        ] {
            assert!(is_short_field(t), "{t}");
        }
        for t in [
            "Atomic Habits: An Easy and Proven Way to Build Good Habits",
            "Bridge reopens after two years",
            "Breaking news from the city council: budget approved",
        ] {
            assert!(!is_short_field(t), "{t}");
        }
    }

    #[test]
    fn author_boxes_and_bylines() {
        for t in [
            "About Ruth Okafor",
            "Sobre Carlos Nadal",
            "Über Moritz Bach",
            "About the author",
        ] {
            assert!(is_author_box(&block(t)), "{t}");
        }
        for t in [
            "About Us",
            "About The Red Labyrinth",
            "About 40 people came to the meeting on Monday.",
            "Search engines evolving",
        ] {
            assert!(!is_author_box(&block(t)), "{t}");
        }
        for t in [
            "By Ruth Okafor",
            "by Jacob Trussell—10 min read",
            "Von Max Muster",
        ] {
            assert!(is_byline(&block(t)), "{t}");
        }
        for t in [
            "Byways of the Old North",
            "Bypass opens after two years of work on the ring road",
        ] {
            assert!(!is_byline(&block(t)), "{t}");
        }
    }

    #[test]
    fn a_share_line_after_the_text_ends_it() {
        let mut lines: Vec<String> = (0..4).map(para).collect();
        lines.push("Share this article".into());
        lines.push(para(9));
        let blocks = lines::segment(&lines.join("\n\n"));
        let mut keep: Vec<bool> = blocks.iter().map(|b| b.stats.ends_sentence).collect();
        cut_tail(&blocks, &mut keep, &[], true, blocks.len());
        assert_eq!(keep, [true, true, true, true, false, false]);
    }

    #[test]
    fn a_comment_thread_after_the_text_goes() {
        let mut lines: Vec<String> = (0..6).map(para).collect();
        lines.push("2 Comments".into());
        for name in ["Anna", "Ben"] {
            lines.push(name.into());
            lines.push("March 3, 2021 at 5:20 pm".into());
            lines.push("I liked this story a lot, thanks for writing it down for us.".into());
        }
        let blocks = lines::segment(&lines.join("\n\n"));
        let mut keep = vec![true; blocks.len()];
        drop_comment_threads(&blocks, &mut keep);
        assert_eq!(keep.iter().filter(|&&k| k).count(), 6);
    }
}

/// Dumps per-block features of every dump of a dataset for refitting the weights offline:
/// `UNBOIL_DUMP=DATASET UNBOIL_DUMP_OUT=FILE cargo test --release --lib text_train_dump --
/// --ignored`. One row per block: page id, index, features, text.
#[cfg(test)]
mod train {
    use super::*;
    use std::fmt::Write as _;

    #[test]
    #[ignore]
    fn text_train_dump() {
        let (dataset, out, docs) = crate::train_dump::dataset();
        let mut tsv = String::new();
        for doc in &docs {
            let id = doc["id"].as_str().unwrap();
            let dump =
                std::fs::read_to_string(format!("{dataset}/{}", doc["text"].as_str().unwrap()))
                    .unwrap();
            let blocks = lines::segment(&dump);
            if blocks.is_empty() {
                continue;
            }
            let x = features(&blocks);
            for (i, (b, xi)) in blocks.iter().zip(&x).enumerate() {
                write!(tsv, "{id}\t{i}").unwrap();
                for v in xi {
                    write!(tsv, "\t{v}").unwrap();
                }
                let text = b.raw.text.replace(['\t', '\n', '\r'], " ");
                writeln!(tsv, "\t{text}").unwrap();
            }
        }
        std::fs::write(out, tsv).unwrap();
    }
}
