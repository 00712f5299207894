//! What follows the text: a sidebar inside the container after the article, and what comes
//! after an article's comments. Separate because each finds the
//! end of the text first and drops the site's blocks past it.

use super::{BlockView, drop_kept};
use crate::explain::Reason;

/// Characters of text a page must have before a trailing sidebar for it to be dropped: a
/// short post of a few sentences. The listings of wcxb-dev that have such a sidebar hold less
/// than 400 (167, 366), the short articles of aeb more (429, 538).
const TEXT_BEFORE_SIDEBAR: f32 = 400.0;

/// Characters of the kept block that marks the end of the text before a trailing sidebar: a
/// paragraph, not a caption or a "Share" line left after it.
const TEXT_END_MIN: u32 = 100;

/// A sidebar inside the main container, after the text: templates that put the sidebar in
/// the same element as the article (a poll, "Columns", an author box, the site's staff list)
/// place it after the article and its comments. Blocks marked as a sidebar both below the
/// container and effectively (a `with-sidebar` layout class on the page wrapper is not) that
/// follow the last kept block of 100 characters or more outside the sidebar are dropped. On
/// listings the container holds little text and the sidebar may hold the categories the gold
/// text keeps, so the rule acts only when `TEXT_BEFORE_SIDEBAR` characters score as content
/// (without the focus's bias) before the sidebar. Measured: aeb F1 0.961 -> 0.966
/// (P 0.942 -> 0.952), wcxb-dev bowF1 0.863 -> 0.863 (articles +0.001).
pub(super) fn drop_trailing_sidebar(
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
            && blocks.get(i).is_some_and(|b| b.stats.chars >= TEXT_END_MIN)
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

/// On an article with a comment section below it, what comes after the comments and outside
/// the main container belongs to the site (its blurb, a last teaser, a sign-up line), not to
/// the article: it is dropped. Table rows are left alone (a shop's specification table may
/// follow its questions and answers). Measured: aeb F1 0.9689 -> 0.9691, wcxb-dev bowF1
/// 0.8636 -> 0.8636 (one product page loses the warranty text the convention leaves out anyway).
pub(super) fn drop_after_comments(
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
