//! Pages whose text is a list: repeated item cards (search results, product tiles, a blog's
//! front page) and A-Z indexes. Their blocks read as links and teasers, so the scores drop
//! them; these passes recognise the page kind and keep them back. Separate because they run
//! last and overrule the drop passes for the page's own items.

use super::furniture::is_furniture;
use super::teasers::is_link_title;
use super::{BlockView, MOSTLY_LINKS, TitleSide, drop_kept};
use crate::blocks::segment::Elem;
use crate::explain::Reason;
use crate::features::furniture_cues;
use crate::features::hints::Hints;
use std::collections::HashMap;

/// Hints that mark a run of links as the site's own furniture rather than the page's items.
/// A header is not among them: a card's title often sits in its own `<header>`.
const NOT_ITEMS: Hints = Hints(
    Hints::NAV.0
        | Hints::FOOTER.0
        | Hints::SIDEBAR.0
        | Hints::HIDDEN.0
        | Hints::CONSENT.0
        | Hints::AD.0,
);
/// Items a run needs to count as the page's list (search results, product tiles, posts).
const ITEM_RUN: usize = 4;

/// The innermost element holding both `a` and `b`.
fn common_ancestor(elems: &[Elem], mut a: u32, mut b: u32) -> u32 {
    let depth = |i: u32| elems.get(i as usize).map_or(0, |e| e.depth);
    let up = |i: u32| elems.get(i as usize).map_or(0, |e| e.parent);
    while a != b {
        let (da, db) = (depth(a), depth(b));
        if da >= db {
            let p = up(a);
            if p == a {
                return p;
            }
            a = p;
        }
        if db >= da {
            let p = up(b);
            if p == b {
                return p;
            }
            b = p;
        }
    }
    a
}

/// For each block, whether it lies in an item of a repeated list: linked titles of one element
/// path (at least `ITEM_RUN`, outside navigation and footers, not dates or bylines), each in its
/// own child of their common ancestor. The items are those children: a card, a tile, a result, a row.
fn item_cards(elems: &[Elem], blocks: &[BlockView<'_>]) -> Vec<Option<u32>> {
    cards_of(elems, blocks, |b| {
        // A permalink that reads as a date ("Posted August 26") heads a post, not an item.
        let stamp = b.shape.date || b.shape.time || b.shape.byline;
        is_link_title(b.raw, &b.stats) && !stamp && !b.hints.has(NOT_ITEMS)
    })
}

/// For each block, the card it lies in: blocks that pass `marks` and share one element path
/// (at least `ITEM_RUN`) each in its own child of their common ancestor; the cards are those
/// children.
fn cards_of(
    elems: &[Elem],
    blocks: &[BlockView<'_>],
    marks: impl Fn(&BlockView<'_>) -> bool,
) -> Vec<Option<u32>> {
    let mut out = vec![None; blocks.len()];
    let mut groups: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, b) in blocks.iter().enumerate() {
        if marks(b) {
            groups.entry(b.raw.path_hash).or_default().push(i);
        }
    }
    for titles in groups.values().filter(|t| t.len() >= ITEM_RUN) {
        let elem_of = |i: usize| blocks.get(i).map_or(0, |b| b.raw.elem);
        let Some(&first) = titles.first() else {
            continue;
        };
        let lca = titles.iter().skip(1).fold(elem_of(first), |acc, &i| {
            common_ancestor(elems, acc, elem_of(i))
        });
        // The child of the common ancestor holding each title.
        let mut cards: Vec<u32> = Vec::new();
        for &i in titles {
            let mut e = elem_of(i);
            while let Some(el) = elems.get(e as usize) {
                if el.parent == lca || el.parent == e {
                    break;
                }
                e = el.parent;
            }
            if e != lca && cards.last() != Some(&e) {
                cards.push(e);
            }
        }
        if cards.len() < ITEM_RUN {
            continue;
        }
        for &c in &cards {
            if let Some(e) = elems.get(c as usize) {
                let end = (e.end_block as usize).min(blocks.len());
                for k in out
                    .get_mut(e.first_block as usize..end)
                    .into_iter()
                    .flatten()
                {
                    *k = Some(c);
                }
            }
        }
    }
    out
}

/// A page's block scores, the prose scores, and the focus's bias in the block scores.
#[derive(Clone, Copy)]
pub(super) struct Scored<'a> {
    pub(super) score: &'a [f32],
    pub(super) prose: &'a [f32],
    pub(super) bias: f32,
}

/// Characters an item list must hold to be taken as the page's text.
const ITEM_LIST_MIN: f32 = 1000.0;
/// Characters kept outside the item lists from which the page is an article, whatever lists
/// it shows beside it (as `ARTICLE_BEFORE_TEASERS`).
const ITEM_LIST_OTHER_MAX: f32 = 1000.0;

/// On a page whose text is a list of items (search results, product tiles, a blog's front
/// page, a recipe category), the items' titles and summaries are the text, though they read
/// as links and teasers. The page is taken as such a page when its repeated lists
/// ([`item_cards`]) hold at least `ITEM_LIST_MIN` characters while prose-like blocks outside
/// them that score as content hold less than `ITEM_LIST_OTHER_MAX` and none of those is in a
/// marked article body (`itemprop="articleBody"`): a short news story with a "Latest" list
/// beside it stays an article. More prose than that still leaves the items the page's text
/// when their linked titles alone outweigh it and the items hold more than bare titles
/// (names with their lines, under a shop's category text or buying guide; a list of bare links
/// beside a text is its index). Both sums are taken without the focus's bias, so the presets
/// still nest. Then the items' blocks are kept, except link rows inside an item (tags, "Code",
/// "Issues": several links, or one that is not the title), hidden text and reviews (a
/// screen-reader "Add to compare", a rating count) and furniture (dates, bylines). A form
/// around the whole list (a shop's filters) does not make the items' short lines controls;
/// a form inside an item does ([`form_in_card`]).
/// On a page whose story is as short, the same kind of list under the story's byline or date
/// stamp, made of bare linked headlines, is the site's list of its other stories: it leaves,
/// with the heading that names it (`Reason::OtherStories`).
/// This runs after the passes that drop teasers, related links and headings without content
/// after them: the page kind overrides them for its own items (an item's `<h3>` name is
/// followed by a line those passes had dropped).
/// Measured: wcxb-dev bowF1 0.864 -> 0.877 (listing 0.614 -> 0.719, collection
/// 0.706 -> 0.737), aeb F1 0.971 -> 0.971. The titles-outweigh-prose gate, hidden text and
/// reviews, and the form around the list: wcxb-dev bowF1 0.8895 -> 0.8924 (collection
/// 0.739 -> 0.768, listing 0.779 -> 0.785), aeb unchanged page by page.
pub(super) fn keep_item_lists(
    elems: &[Elem],
    blocks: &[BlockView<'_>],
    scored: Scored<'_>,
    ctx_hints: &[Hints],
    keep: &mut [bool],
    mut reasons: Option<&mut Vec<Vec<(Reason, f32)>>>,
) {
    let Scored { score, prose, bias } = scored;
    let cards = item_cards(elems, blocks);
    let items: Vec<bool> = cards.iter().map(Option::is_some).collect();
    // Counted without the focus's bias, so that the presets still nest.
    let mut in_items = 0.0f32;
    let mut in_titles = 0.0f32;
    let mut other = 0.0f32;
    for (((b, &it), &s), &p) in blocks.iter().zip(&items).zip(score).zip(prose) {
        if it {
            in_items += b.weighted_chars();
            if is_link_title(b.raw, &b.stats) {
                in_titles += b.weighted_chars();
            }
        } else if s - bias > 0.0 && p > 0.0 {
            if b.hints.has(Hints::BODY_PROP) {
                drop_other_products(elems, blocks, prose, keep, &mut reasons);
                return;
            }
            other += b.weighted_chars();
        }
    }
    // Bare linked headlines under a short story's byline or date stamp are the site's list of
    // other stories ("Latest news" under a brief): on a page with so little prose, repeated
    // items would otherwise score up. Items with more than their titles (summaries, names,
    // prices) are the page's own, even under a byline: a list article. (Under a long story the
    // other passes already judge such lists; doing it there too lost on aeb.)
    let first_item = items.iter().position(|&it| it).unwrap_or(0);
    let story = blocks
        .iter()
        .zip(ctx_hints)
        .take(first_item)
        .any(|(b, h)| b.title_side == TitleSide::After && is_story_stamp(b, *h));
    if story && in_titles >= BARE_TITLES * in_items && other < ITEM_LIST_OTHER_MAX {
        // Those headlines, and the heading that names them, leave.
        let heading = first_item
            .checked_sub(1)
            .filter(|&h| blocks.get(h).is_some_and(|b| b.raw.kind.is_heading()));
        for i in (0..blocks.len()).filter(|&i| items.get(i).copied().unwrap_or(false)) {
            drop_kept(keep, &mut reasons, i, Reason::OtherStories);
        }
        if let Some(h) = heading {
            drop_kept(keep, &mut reasons, h, Reason::OtherStories);
        }
        return;
    }
    let grid = in_titles >= other && in_titles < BARE_TITLES * in_items;
    if in_items < ITEM_LIST_MIN || (other >= ITEM_LIST_OTHER_MAX && !grid) {
        drop_other_products(elems, blocks, prose, keep, &mut reasons);
        return;
    }
    for (i, (b, &it)) in blocks.iter().zip(&items).enumerate() {
        if !it || keep.get(i).copied().unwrap_or(true) {
            continue;
        }
        let link_row = b.link_density() >= MOSTLY_LINKS && !is_link_title(b.raw, &b.stats);
        let mut hints = ctx_hints.get(i).copied().unwrap_or_default();
        // A form around the whole list (the filters and sort of a shop's grid) does not make
        // the items' lines controls; a form inside the item (a size picker) does.
        if let Some(&Some(card)) = cards.get(i)
            && !form_in_card(elems, b, card)
        {
            hints = Hints(hints.0 & !Hints::FORM.0);
        }
        let unseen = hints
            .union(b.hints)
            .has(Hints(Hints::HIDDEN.0 | Hints::REVIEW.0));
        if link_row || unseen || is_furniture(b, hints) {
            continue;
        }
        keep_as_item(keep, &mut reasons, i);
    }
}

/// Characters of a prose block from which a card holds a description, not just a name.
const DESCRIPTION_MIN: u32 = 80;

/// A carousel is thin when at most one card in this many describes its item in a sentence: a
/// quarter, since a carousel's cards may carry a one-line blurb now and then.
const DESCRIBED_PARTS: usize = 4;

/// Whether a short line states a price (see [`furniture_cues::is_price_line`]).
fn is_price_line(b: &BlockView<'_>) -> bool {
    furniture_cues::is_price_line(&b.raw.text, b.stats.chars)
}

/// On a page that is not a list of products (its own product, an article), repeated cards
/// that each state a price ([`is_price_line`], at least `ITEM_RUN` of one element path) after
/// the title are a carousel of other products: "Customers also bought", sponsored tiles. Their
/// blocks and the heading above them leave (`Reason::OtherProducts`), when the page states its
/// own price before the element holding the cards, the cards are thin (no more than a quarter
/// describe their item in a sentence) and the prices are not table cells. The gold texts of the
/// dev pages leave such carousels out. Measured: wcxb-dev bowF1 0.89265 -> 0.89303 (product
/// 0.788 -> 0.792, one page better, none worse), aeb unchanged page by page.
fn drop_other_products(
    elems: &[Elem],
    blocks: &[BlockView<'_>],
    prose: &[f32],
    keep: &mut [bool],
    reasons: &mut Option<&mut Vec<Vec<(Reason, f32)>>>,
) {
    let after_title = |b: &BlockView<'_>| b.title_side != TitleSide::Before;
    // A table of prices (rates, a price list) is data the page presents, not cards.
    let cards = cards_of(elems, blocks, |b| {
        after_title(b) && !b.raw.in_table && is_price_line(b)
    });
    let Some(&Some(first_card)) = cards.iter().find(|c| c.is_some()) else {
        return;
    };
    // The page's own product states its price before the carousel, outside the element that
    // holds the cards: on a list of products (a shop's grid, a buying guide) every price is
    // an item's, a featured first item's too.
    let carousel_start = elems
        .get(first_card as usize)
        .and_then(|c| elems.get(c.parent as usize))
        .map_or(0, |e| e.first_block as usize);
    let own_price = blocks.get(..carousel_start).is_some_and(|bs| {
        bs.iter()
            .any(|b| after_title(b) && !b.raw.kind.is_heading() && is_price_line(b))
    });
    if !own_price {
        return;
    }
    // A carousel's cards are thin (a name, a price, a rating); items that each hold a
    // sentence or more of description are a list the page presents (homes for sale, a buying
    // guide's picks).
    let mut all: Vec<u32> = Vec::new();
    let mut described: Vec<u32> = Vec::new();
    for ((b, c), &p) in blocks.iter().zip(&cards).zip(prose) {
        let Some(c) = *c else { continue };
        if all.last() != Some(&c) {
            all.push(c);
        }
        if p > 0.0
            && b.stats.chars >= DESCRIPTION_MIN
            && b.link_density() < MOSTLY_LINKS
            && described.last() != Some(&c)
        {
            described.push(c);
        }
    }
    if described.len() * DESCRIBED_PARTS > all.len() {
        return;
    }
    for (i, c) in cards.iter().enumerate() {
        if c.is_some() && blocks.get(i).is_some_and(after_title) {
            drop_kept(keep, reasons, i, Reason::OtherProducts);
        }
    }
    // The heading right above the carousel names it ("Customers also bought").
    if let Some(h) = carousel_start.checked_sub(1)
        && blocks
            .get(h)
            .is_some_and(|b| after_title(b) && b.raw.kind.is_heading())
    {
        drop_kept(keep, reasons, h, Reason::OtherProducts);
    }
}

/// Levels looked up from a block for a form inside its item card.
const FORM_LEVELS: usize = 16;

/// Whether a form element lies between block `b` and its item card `card` (the card included).
fn form_in_card(elems: &[Elem], b: &BlockView<'_>, card: u32) -> bool {
    if b.raw.inline_hints.has(Hints::FORM) {
        return true;
    }
    let mut id = b.raw.elem;
    for _ in 0..FORM_LEVELS {
        let Some(e) = elems.get(id as usize) else {
            return false;
        };
        if e.hints.has(Hints::FORM) {
            return true;
        }
        if id == card || e.parent == id {
            return false;
        }
        id = e.parent;
    }
    false
}

/// Keeps block `i`, dropped so far, as an item of the page's list ([`Reason::ItemList`], with
/// weight 0: the score stays, so the reasons still add up to it); the counterpart of
/// [`drop_kept`].
fn keep_as_item(keep: &mut [bool], reasons: &mut Option<&mut Vec<Vec<(Reason, f32)>>>, i: usize) {
    if let Some(k) = keep.get_mut(i).filter(|k| !**k) {
        *k = true;
        if let Some(r) = reasons.as_mut().and_then(|r| r.get_mut(i)) {
            r.push((Reason::ItemList, 0.0));
        }
    }
}

/// The letter a block of an A-Z index stands under: one capital letter, not a link (a row of
/// linked letters is the index's jump bar).
fn index_letter(b: &BlockView<'_>) -> Option<char> {
    let mut chars = b.raw.text.trim().chars();
    let c = chars.next()?;
    (chars.next().is_none() && c.is_uppercase() && b.raw.link_chars == 0).then_some(c)
}

/// An entry line of an A-Z index: links to the pages under a letter.
fn is_index_entry(b: &BlockView<'_>) -> bool {
    b.link_density() >= MOSTLY_LINKS && b.stats.chars <= INDEX_ENTRY_MAX && !b.hints.has(NOT_ITEMS)
}

/// Characters of one block of links under an index letter (several links a line).
const INDEX_ENTRY_MAX: u32 = 600;

/// On a page whose text is an A-Z index (a catalogue's categories, a glossary's terms, a
/// directory), single capital letters in alphabetical order each head a run of link lines;
/// the letters and their links are the text, though they read as a menu. The run needs
/// `ITEM_RUN` letters, each followed by at least one entry ([`is_index_entry`]), outside
/// navigation and footers, and the page must hold less than `ITEM_LIST_OTHER_MAX`
/// characters of kept prose outside it (an article with a site index below keeps only the
/// article). Letters may skip (no "D", no "J") but never go back. One pass over the blocks.
pub(super) fn keep_letter_index(
    blocks: &[BlockView<'_>],
    scored: Scored<'_>,
    keep: &mut [bool],
    mut reasons: Option<&mut Vec<Vec<(Reason, f32)>>>,
) {
    let Scored { score, prose, bias } = scored;
    // Runs as (first block, end block, letters).
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    // The run being read: its first block, the last letter, the letters, and whether the
    // last letter has an entry yet.
    let mut cur: Option<(usize, char, usize, bool)> = None;
    let close = |cur: &mut Option<(usize, char, usize, bool)>, end: usize, runs: &mut Vec<_>| {
        if let Some((first, _, letters, entry)) = cur.take() {
            // A last letter without entries is not part of the run.
            let (end, letters) = if entry {
                (end, letters)
            } else {
                (end - 1, letters - 1)
            };
            if letters >= ITEM_RUN {
                runs.push((first, end, letters));
            }
        }
    };
    for (i, b) in blocks.iter().enumerate() {
        let letter = index_letter(b).filter(|_| !b.hints.has(NOT_ITEMS));
        match (letter, cur.as_mut()) {
            (Some(c), Some((_, last, letters, entry))) if *entry && c > *last => {
                *last = c;
                *letters += 1;
                *entry = false;
            }
            (Some(c), _) => {
                close(&mut cur, i, &mut runs);
                cur = Some((i, c, 1, false));
            }
            (None, Some((_, _, _, entry))) if is_index_entry(b) => *entry = true,
            (None, Some(_)) => close(&mut cur, i, &mut runs),
            (None, None) => {}
        }
    }
    close(&mut cur, blocks.len(), &mut runs);
    if runs.is_empty() {
        return;
    }
    // Kept prose outside the runs, without the focus's bias (the presets still nest).
    let mut other = 0.0f32;
    let mut next_run = runs.iter().peekable();
    for (i, ((b, &s), &p)) in blocks.iter().zip(score).zip(prose).enumerate() {
        while next_run.peek().is_some_and(|r| r.1 <= i) {
            next_run.next();
        }
        let inside = next_run.peek().is_some_and(|r| r.0 <= i);
        if !inside && s - bias > 0.0 && p > 0.0 {
            other += b.weighted_chars();
        }
    }
    if other >= ITEM_LIST_OTHER_MAX {
        return;
    }
    for &(first, end, _) in &runs {
        for i in first..end {
            keep_as_item(keep, &mut reasons, i);
        }
    }
}

/// Share of an item list's characters in its linked titles from which it is a list of bare
/// headlines.
const BARE_TITLES: f32 = 0.9;

/// Characters of a byline or date stamp at most: a name or a date with a word or two.
const STAMP_MAX: u32 = 100;

/// A story's byline or publication stamp: "By Ana Ruiz", "March 3, 2025 10:02".
fn is_story_stamp(b: &BlockView<'_>, hints: Hints) -> bool {
    b.stats.chars < STAMP_MAX
        && (hints.has(Hints::BYLINE)
            || b.shape.byline
            || crate::features::furniture_cues::is_date_stamp(&b.raw.text, &b.shape))
}
