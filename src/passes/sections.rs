//! Parts of a page that are not its own text though they may read as prose: modal dialogs,
//! long lists of names, comment sections and customer reviews. Each is found as a whole (a
//! marked element, a run of words) before the scores, so the container search can weigh
//! them apart.

use super::{BlockView, MOSTLY_LINKS, TitleSide};
use crate::block::BlockKind;
use crate::blocks::segment::Elem;
use crate::features::hints::Hints;
use crate::hash;

/// Prose the page must hold outside its dialogs for the dialogs to be set aside: a page whose
/// only prose is in a dialog (an article opened over an empty page) keeps it.
const PROSE_OUTSIDE_DIALOGS: f32 = 200.0;

/// For each block, whether it is in a modal dialog that the page's own text does not need: the
/// policies, size charts and sign-up forms that a link opens over the page. Such a dialog can
/// hold most of a product page's characters, and then its own hints (role dialog, `consent`)
/// are set aside as layout; the dialog flag is not, so the test is made here, against the prose
/// outside all dialogs. Measured on wcxb-dev: bowF1 +0.0027 (product +0.037), aeb F1 unchanged.
/// `prose` is each block's [`model::prose_score`](crate::model::prose_score).
pub(super) fn dialog_blocks(blocks: &[BlockView<'_>], prose: &[f32]) -> Vec<bool> {
    let inside: Vec<bool> = blocks.iter().map(|b| b.hints.has(Hints::DIALOG)).collect();
    let outside: f32 = blocks
        .iter()
        .zip(&inside)
        .zip(prose)
        .filter(|((b, d), p)| !**d && **p > 0.0 && b.link_density() < MOSTLY_LINKS)
        .map(|((b, _), _)| b.weighted_chars())
        .sum();
    if outside < PROSE_OUTSIDE_DIALOGS {
        return vec![false; blocks.len()];
    }
    inside
}

/// Words a block must hold to be judged as a list of names.
const NAME_LIST_MIN_WORDS: u32 = 40;
/// Words per sentence or clause mark a list of names has at least: one mark in forty words
/// is a run of names, where prose punctuates each sentence.
const NAME_LIST_WORDS_PER_MARK: u32 = 40;
/// Capitalised words of a list of names, at least this many in five: four in five, leaving
/// room for "and", "of" and "de" between names.
const NAME_LIST_CAPITALIZED_FIFTHS: u32 = 4;
/// Characters in digits of a list of numbers (zip codes, phone numbers), at least one in this
/// many: half.
const NAME_LIST_DIGIT_PARTS: u32 = 2;

/// A long run of names or numbers without sentence or clause punctuation: the places a business
/// serves, a zip code list, a keyword cloud. Its length says nothing about prose. (Scripts without
/// capitals never match: a Thai paragraph has no full stops either.) Measured on wcxb-dev: bowF1
/// +0.0020 (listing +0.024), aeb F1 unchanged; no block of aeb matches.
/// Table rows and code are left alone: a row of figures or a dump of numbers is data.
pub(super) fn is_name_list(b: &BlockView<'_>) -> bool {
    if matches!(
        b.raw.kind,
        BlockKind::TableCell | BlockKind::TableRow | BlockKind::Code
    ) {
        return false;
    }
    let st = &b.stats;
    if st.words < NAME_LIST_MIN_WORDS
        || st.sentence_marks + st.commas > st.words / NAME_LIST_WORDS_PER_MARK
    {
        return false;
    }
    let named = st.capitalized * 5 >= st.words * NAME_LIST_CAPITALIZED_FIFTHS;
    let numbers = st.digits * NAME_LIST_DIGIT_PARTS >= st.chars;
    named || numbers
}

/// For each block, the innermost element marked as a comment (class, id or microdata) that holds
/// it, if any. An element that holds the title block is a page wrapper, not a comment.
pub(super) fn comment_sections(elems: &[Elem], blocks: &[BlockView<'_>]) -> Vec<Option<u32>> {
    let title = blocks.iter().position(|b| b.title_side == TitleSide::Title);
    let mut out = vec![None; blocks.len()];
    // Arena order is document order with parents first, so inner comments overwrite outer ones.
    for (i, e) in elems.iter().enumerate().skip(1) {
        if !e.hints.has(Hints::COMMENT) {
            continue;
        }
        let first = e.first_block as usize;
        let end = (e.end_block as usize).min(blocks.len());
        if first >= end || title.is_some_and(|t| t >= first && t < end) {
            continue;
        }
        for slot in out.get_mut(first..end).into_iter().flatten() {
            *slot = Some(i as u32);
        }
    }
    out
}

/// For each block, the innermost customer-review element holding it: an element marked as a
/// review that holds a star rating or a reviewer's byline and not the title. (An editorial
/// review is the article itself and holds the title.) Measured on wcxb-dev: bowF1 +0.002, aeb
/// unchanged.
pub(super) fn review_sections(elems: &[Elem], blocks: &[BlockView<'_>]) -> Vec<Option<u32>> {
    let title = blocks.iter().position(|b| b.title_side == TitleSide::Title);
    let mut out = vec![None; blocks.len()];
    for (i, e) in elems.iter().enumerate().skip(1) {
        if !e.hints.has(Hints::REVIEW) {
            continue;
        }
        let first = e.first_block as usize;
        let end = (e.end_block as usize).min(blocks.len());
        if first >= end || title.is_some_and(|t| t >= first && t < end) {
            continue;
        }
        let rated = blocks.get(first..end).is_some_and(|bs| {
            bs.iter()
                .any(|b| b.shape.rating || b.hints.has(Hints::BYLINE))
        });
        if rated {
            for slot in out.get_mut(first..end).into_iter().flatten() {
                *slot = Some(i as u32);
            }
        }
    }
    out
}

/// What [`comment_blocks`] weighs besides the blocks.
pub(super) struct CommentEvidence<'a> {
    /// [`comment_sections`] of the page.
    pub sections: Vec<Option<u32>>,
    /// The container holds an article once the comment sections are set aside (see
    /// `ARTICLE_BEFORE_COMMENTS`): they are below an article.
    pub article_mode: bool,
    /// The page is no forum thread and says it is an article (JSON-LD `Article`, `og:type`
    /// article, `article:published_time`): its comment sections are below it when its main
    /// text outweighs them, however short the text.
    pub declared_article: bool,
    /// The main container.
    pub container: usize,
    /// The classifier's keep/drop decisions.
    pub keep: &'a [bool],
}

/// The main container is the article when it holds at least one in this many of the kept
/// characters: half (documented on [`comment_blocks`]); a container chosen inside a rating
/// widget holds less. Measured (0214f36): check-set outputs unchanged, 2 of 1,088 wcxb-train
/// outputs differ, F1 unchanged at three decimals.
const CONTAINER_KEPT_PARTS: u32 = 2;

/// What comment detection made of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CommentMark {
    /// Not part of a comment section.
    None,
    /// Text of the comment with this number (comments are numbered in page order).
    Comment(u32),
    /// Furniture of a comment section: its heading, a count ("3 comments"), a link or button
    /// ("Reply"), or a section that stands before the main text (a comment link by the byline).
    Furniture,
}

/// The reader comments of a page, by the rule documented on
/// [`Options::with_comments`](crate::Options::with_comments):
///
/// 1. candidates are the blocks of an element marked as a comment (below an article only: the
///    article holds 1000 characters of prose without them, or the page says it is an article
///    and its kept text outweighs them) or
///    as a customer review holding a rating or a reviewer's name, unless the element holds the
///    title or the main container, when that holds at least half of the kept characters (then
///    the article is in it: an editorial review);
/// 2. the main text is what the classifier kept outside the candidates; if there is none, no
///    block is a comment and the classifier's decisions stand (the text is never emptied);
/// 3. a candidate element that starts before the first block of the main text is furniture
///    (a "3 comments" link by the byline), and so are a section's headings, link or button
///    lines, forms and counts;
/// 4. the rest are comments, a new comment starting where the block that opened the current
///    one repeats its place in the markup (its tags and hints), so the name, date and text
///    of a comment stay together and a reply stays with the comment it answers.
pub(super) fn comment_blocks(
    elems: &[Elem],
    blocks: &[BlockView<'_>],
    evidence: CommentEvidence<'_>,
) -> Vec<CommentMark> {
    let CommentEvidence {
        sections,
        article_mode,
        declared_article,
        container,
        keep,
    } = evidence;
    // A short article with a short thread below it: the kept text outside the comment sections
    // outweighs the text in them (not counting their headings, counts, links and forms). (A discussion whose posts are marked as comments, an open
    // thread under a one-line post, is the other way round: there the posts are the text.)
    let below_article = article_mode
        || declared_article && {
            let (mut main, mut thread) = (0u32, 0u32);
            for ((b, s), &k) in blocks.iter().zip(&sections).zip(keep) {
                if s.is_some() {
                    if !is_section_furniture(b) {
                        thread += b.stats.chars;
                    }
                } else if k {
                    main += b.stats.chars;
                }
            }
            main > thread
        };
    // The container is the article only when it holds most of what is kept: a container
    // chosen inside a rating widget is not.
    let kept_chars = |range: std::ops::Range<usize>| -> u32 {
        blocks
            .get(range.clone())
            .zip(keep.get(range))
            .map_or(0, |(bs, ks)| {
                bs.iter()
                    .zip(ks)
                    .filter(|(_, k)| **k)
                    .map(|(b, _)| b.stats.chars)
                    .sum()
            })
    };
    let main_container = elems.get(container).filter(|c| {
        let inside = kept_chars(c.first_block as usize..c.end_block as usize);
        container != 0 && inside * CONTAINER_KEPT_PARTS >= kept_chars(0..blocks.len()).max(1)
    });
    let holds_container = |id: u32| {
        let (Some(e), Some(c)) = (elems.get(id as usize), main_container) else {
            return false;
        };
        e.first_block <= c.first_block && c.end_block <= e.end_block
    };
    let marked: Vec<Option<u32>> = sections
        .into_iter()
        .map(|s| s.filter(|_| below_article))
        .zip(review_sections(elems, blocks))
        .map(|(c, r)| c.or(r))
        .collect();
    let candidates: Vec<Option<u32>> = marked
        .into_iter()
        .map(|m| m.filter(|&id| !holds_container(id)))
        .collect();
    let first_main = candidates
        .iter()
        .zip(keep)
        .position(|(c, &k)| k && c.is_none());
    let Some(first_main) = first_main else {
        return vec![CommentMark::None; blocks.len()];
    };
    let mut out = Vec::with_capacity(blocks.len());
    let mut number = 0u32;
    let mut opening: Option<u64> = None;
    for (b, c) in blocks.iter().zip(&candidates) {
        let Some(id) = *c else {
            out.push(CommentMark::None);
            continue;
        };
        let starts_before = elems
            .get(id as usize)
            .is_some_and(|e| (e.first_block as usize) < first_main);
        if starts_before || is_section_furniture(b) {
            out.push(CommentMark::Furniture);
            continue;
        }
        let place = markup_place(elems, b.raw.elem as usize);
        // A comment starts with the first candidate after other blocks, and wherever the
        // block that opened the current comment repeats its place.
        let start = match (opening, out.last()) {
            (Some(p), Some(CommentMark::Comment(_) | CommentMark::Furniture)) => p == place,
            _ => true,
        };
        if start {
            number += 1;
            opening = Some(place);
        }
        out.push(CommentMark::Comment(number));
    }
    out
}

/// Link density from which a line of a comment section is a link ("Reply", "Report", a
/// commenter's linked name alone), not a comment's text.
const SECTION_LINK_LINE: f32 = 0.9;
/// Words of a count line at most: "3 comments", "Comments (12)", "12 replies".
const COUNT_LINE_WORDS: usize = 3;

/// A comment section's heading, a link or button line ("Reply", "Report"), its reply form, or
/// a count ("3 comments", "Comments (12)"): a line of at most three words that opens or ends
/// with a number.
fn is_section_furniture(b: &BlockView<'_>) -> bool {
    if b.raw.kind.is_heading()
        || b.hints.has(Hints::FORM)
        || b.link_density() >= SECTION_LINK_LINE
        || b.raw.button_chars >= b.stats.chars
    {
        return true;
    }
    let words: Vec<&str> = b
        .raw
        .text
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']'))
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: Option<&&str>| w.is_some_and(|w| w.bytes().all(|c| c.is_ascii_digit()));
    words.len() <= COUNT_LINE_WORDS && (number(words.first()) || number(words.last()))
}

/// A hash of the tags and hints of an element and its ancestors: where a block sits in the
/// markup, the same for the name line of every comment of a template.
fn markup_place(elems: &[Elem], mut id: usize) -> u64 {
    let mut h = hash::OFFSET;
    // Parents precede children in the arena, so the walk up ends; the bound guards it anyway.
    for _ in 0..elems.len() {
        let Some(e) = elems.get(id) else { break };
        h = hash::step(h, e.tag as u32 + 1);
        h = hash::step(h, e.hints.0);
        if id == 0 {
            break;
        }
        id = e.parent as usize;
    }
    h
}
