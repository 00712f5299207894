//! Links to other pages that sit among the text: "Also read" and "Related:" lines, promotions
//! written in capitals, and feeds whose items each carry a share bar. Separate because they
//! share the opening-phrase lookup of text mode ([`crate::blocks::lines::phrase_hints`]).

use super::{BlockView, MOSTLY_LINKS, drop_kept};
use crate::explain::Reason;
use crate::features::hints::Hints;

/// Characters of a related-link line at most (and of the link line under a bare label): a line
/// or two ("Related: <headline>"), not a paragraph that happens to open with "See also".
const RELATED_MAX: u32 = 200;
/// Link density from which a block is all but one link: a promotion written in capitals, a
/// share row, or the link line under a bare "DON'T MISS" label.
const ALL_LINKS: f32 = 0.8;
/// Words a capitalised link needs to be a promotion: "CLICK HERE TO GET THE APP", not an
/// acronym or a "HOME" button.
const SHOUTED_WORDS: u32 = 3;
/// Characters of a bare label over a link line at most: "DON'T MISS", "READ ALSO".
const LABEL_MAX: u32 = 40;
/// Characters of a share row at most: a handful of network names and "Share".
const SHARE_ROW_MAX: u32 = 120;
/// Other copies of a share row (besides itself) for the blocks between them to be a feed's
/// items: three rows on the page, where a text's own share bars are two at most (above and
/// below it).
const SHARE_ROW_REPEATS: u32 = 2;
/// Items between share rows that make a feed: one alone is a text with its share bars.
const FEED_ITEMS: usize = 2;
/// Letters a text needs before its case says anything: a short acronym is not shouting.
const SHOUTED_LETTERS: u32 = 12;
/// Tenths of a text's letters in upper case from which it is written in capitals: nine in ten,
/// leaving room for a "'s" or a unit.
const SHOUTED_TENTHS: u32 = 9;

/// Characters of a block's opening lowered for the phrase lookup: enough for an opening
/// phrase ("Related:", "Leggi anche", "Don't miss"), and no work on a long paragraph's rest.
/// Phrases longer than this are never found in HTML mode.
const OPENING_CHARS: usize = 24;

/// The phrases text mode knows ([`lines::phrase_hints`](crate::blocks::lines::phrase_hints)) that a
/// block's text opens with.
fn opening_phrases(b: &BlockView<'_>) -> crate::blocks::lines::Phrases {
    let lower: String = b
        .raw
        .text
        .trim_start()
        .chars()
        .take(OPENING_CHARS)
        .flat_map(char::to_lowercase)
        .collect();
    crate::blocks::lines::phrase_hints(&lower, b.stats.chars)
}

/// Whether a short block opens with a phrase that announces links to other pages ("Related:",
/// "READ MORE:", "Don't miss", "Leggi anche"), in the languages of
/// [`lines::phrase_hints`](crate::blocks::lines::phrase_hints).
fn opens_related(b: &BlockView<'_>) -> bool {
    if b.stats.chars > RELATED_MAX {
        return false;
    }
    opening_phrases(b).has(crate::blocks::lines::Phrases::RELATED)
}

/// "Also read" and "Read more" links between paragraphs point to other pages
/// (tests/pages/README.md): a kept block that opens with such a phrase and is mostly a link
/// ("Related: Ten years of the harbour festival"), or is a bare label ("DON'T MISS", at most
/// 40 characters, no link) right before a link line, is dropped. A heading such as
/// "Recent results" followed by a paragraph stays: it is neither. Measured: aeb F1
/// 0.9664 -> 0.9672, wcxb-dev bowF1 0.8632 -> 0.8634. A link written in capitals ("CLICK
/// HERE TO GET THE APP", "STAR CLEARED TO PERFORM AT AWARDS") is a promotion too: aeb F1
/// 0.9672 -> 0.9681, wcxb-dev unchanged.
pub(super) fn drop_related_links(
    blocks: &[BlockView<'_>],
    keep: &mut [bool],
    mut reasons: Option<&mut Vec<Vec<(Reason, f32)>>>,
) {
    for i in 0..blocks.len() {
        if !keep.get(i).copied().unwrap_or(false) {
            continue;
        }
        let Some(b) = blocks.get(i) else { continue };
        let linked = b.link_density() >= MOSTLY_LINKS;
        let shouted = b.link_density() >= ALL_LINKS
            && b.stats.words >= SHOUTED_WORDS
            && is_shouted(&b.raw.text);
        let label = b.raw.links == 0
            && b.stats.chars <= LABEL_MAX
            && blocks
                .get(i + 1)
                .is_some_and(|n| n.link_density() >= ALL_LINKS && n.stats.chars <= RELATED_MAX);
        if !shouted && !((linked || label) && opens_related(b)) {
            continue;
        }
        drop_kept(keep, &mut reasons, i, Reason::RelatedLink);
    }
}

/// Whether a block is a row of share links ("Facebook Twitter WhatsApp", "Share"): marked as a
/// share bar, or opening with a social network's name or "share".
fn is_share_row(b: &BlockView<'_>) -> bool {
    if b.link_density() < ALL_LINKS || b.stats.chars > SHARE_ROW_MAX {
        return false;
    }
    if b.hints.has(Hints::SHARE) {
        return true;
    }
    opening_phrases(b).has(crate::blocks::lines::Phrases::SOCIAL)
}

/// A feed of items that each carry their own share bar ("Whatsapp Facebook Pin" under every
/// quote on a page of quotes, every card of a "You may also like" list): a block that sits
/// between two copies of the same share row, repeated at least three times on the page, is one
/// of those items, not the text of the page, whose share bars (if any) frame the whole text.
/// Two such items at least make a feed; its share rows go with it. Measured: aeb F1 0.9698 -> 0.9707 (P 0.9572 ->
/// 0.9590), wcxb-dev bowF1 0.8644 unchanged.
pub(super) fn drop_shared_items(
    blocks: &[BlockView<'_>],
    keep: &mut [bool],
    mut reasons: Option<&mut Vec<Vec<(Reason, f32)>>>,
) {
    let row = |j: usize| {
        blocks
            .get(j)
            .filter(|b| b.text_repeats >= SHARE_ROW_REPEATS && is_share_row(b))
            .map(|b| b.text_key)
    };
    let items: Vec<usize> = (1..blocks.len())
        .filter(|&i| {
            keep.get(i).copied().unwrap_or(false)
                && blocks
                    .get(i)
                    .is_some_and(|b| b.link_density() < MOSTLY_LINKS)
                && row(i - 1).is_some_and(|r| row(i + 1) == Some(r))
        })
        .collect();
    if items.len() < FEED_ITEMS {
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
    letters >= SHOUTED_LETTERS && upper * 10 >= letters * SHOUTED_TENTHS
}
