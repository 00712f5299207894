//! Parts of a page that are not its own text though they may read as prose: modal dialogs,
//! long lists of names, comment sections and customer reviews. Each is found as a whole (a
//! marked element, a run of words) before the scores, so the container search can weigh
//! them apart.

use super::{BlockView, TitleSide};
use crate::block::BlockKind;
use crate::hints::Hints;
use crate::segment::Elem;

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
        .filter(|((b, d), p)| !**d && **p > 0.0 && b.link_density() < 0.5)
        .map(|((b, _), _)| b.weighted_chars())
        .sum();
    if outside < PROSE_OUTSIDE_DIALOGS {
        return vec![false; blocks.len()];
    }
    inside
}

/// Words a block must hold to be judged as a list of names.
const NAME_LIST_MIN_WORDS: u32 = 40;

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
    if st.words < NAME_LIST_MIN_WORDS || st.sentence_marks + st.commas > st.words / 40 {
        return false;
    }
    let named = st.capitalized * 5 >= st.words * 4;
    let numbers = st.digits * 2 >= st.chars;
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
