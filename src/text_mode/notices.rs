//! A shop's delivery and returns notices ("Free standard shipping on orders over $29", "Free
//! returns within 30 days"), dropped.
//!
//! Separate because it is a test of single lines that no other pass makes: such a notice is
//! often a sentence, so the scorer keeps it, yet it is the shop's, printed on every product.

use std::collections::HashMap;

use crate::blocks::lines::DumpBlock;
use crate::blocks::repeat;
use crate::features::lexicon::NOTICE_OPENINGS;

/// Most words of a notice.
const NOTICE_WORDS: u32 = 30;

/// Copies from which a notice is a field of every card in a listing ("FREE Delivery"), which
/// the page's text can hold.
const CARD_COPIES: usize = 3;

/// Drops kept blocks of at most [`NOTICE_WORDS`] words that open with a delivery or returns
/// notice (see [`NOTICE_OPENINGS`]), unless they are the fields of cards or come
/// [`CARD_COPIES`] times or more. When nothing else is kept, nothing is dropped.
pub(super) fn drop_shop_notices(blocks: &[DumpBlock], keep: &mut [bool], cards: &[bool]) {
    let notice: Vec<bool> = blocks
        .iter()
        .map(|b| {
            b.stats.words <= NOTICE_WORDS && {
                let lower = b.raw.text.trim_start().to_lowercase();
                NOTICE_OPENINGS.iter().any(|o| {
                    lower
                        .strip_prefix(o)
                        .is_some_and(|r| r.chars().next().is_none_or(|c| !c.is_alphanumeric()))
                })
            }
        })
        .collect();
    // The output is never emptied by this.
    let other_kept = keep.iter().zip(&notice).any(|(&k, &n)| k && !n);
    if !other_kept {
        return;
    }
    let mut copies: HashMap<(u64, usize), usize> = HashMap::new();
    for (b, _) in blocks.iter().zip(&notice).filter(|(_, n)| **n) {
        *copies.entry(repeat::fold_key(&b.raw.text)).or_default() += 1;
    }
    for (i, b) in blocks.iter().enumerate() {
        let card = cards.get(i).copied().unwrap_or(false);
        if !notice.get(i).copied().unwrap_or(false) || card {
            continue;
        }
        let n = copies
            .get(&repeat::fold_key(&b.raw.text))
            .copied()
            .unwrap_or(0);
        if n < CARD_COPIES
            && let Some(k) = keep.get_mut(i)
        {
            *k = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::lines;

    #[test]
    fn notices_go_and_card_badges_stay() {
        let blocks = lines::segment(
            "Free standard shipping (3-5 business days) on orders of $29 and above.\n\n\
             Free-range eggs from hens that roam the orchard all day.\n\n\
             FREE Delivery\n\nFREE Delivery\n\nFREE Delivery",
        );
        let mut keep = vec![true; blocks.len()];
        drop_shop_notices(&blocks, &mut keep, &[]);
        assert_eq!(keep, [false, true, true, true, true]);
        let alone = lines::segment("Free delivery on orders over 40 euros.");
        let mut keep = vec![true];
        drop_shop_notices(&alone, &mut keep, &[]);
        assert_eq!(keep, [true]);
    }
}
