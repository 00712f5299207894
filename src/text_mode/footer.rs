//! The page's end: a copyright line with the names of the site's policies under it closes
//! the page, and what a dump prints after it is not the text.
//!
//! Separate because it runs before every other pass and decides which blocks the others see:
//! a shop can print its whole refund policy, privacy notice and terms of service (pop-up
//! dialogs) after the footer, thousands of words of prose that would otherwise outweigh a
//! product's description and be taken for the main text.

use crate::blocks::lines::DumpBlock;
use crate::features::lexicon::POLICY_TITLES;

/// Words that must come before the copyright line for it to end the page: a dump that opens
/// with its copyright line (a header) has its text after it.
const WORDS_BEFORE_END: u32 = 100;

/// Words of a policy's name at most: "Privacy Policy", "Terms and Conditions
/// of Sale".
const POLICY_TITLE_WORDS: u32 = 5;
/// Characters of a policy's name at most (see [`POLICY_TITLE_WORDS`]).
const POLICY_TITLE_CHARS: u32 = 40;

/// Whether a block is nothing but the name of a policy ("Privacy Policy", "Terms of Use").
fn is_policy_title(b: &DumpBlock) -> bool {
    if b.stats.words > POLICY_TITLE_WORDS || b.stats.chars > POLICY_TITLE_CHARS {
        return false;
    }
    let lower = b
        .raw
        .text
        .trim()
        .trim_end_matches([':', '.'])
        .to_lowercase();
    POLICY_TITLES.contains(&lower.as_str())
}

/// Words of a paragraph that, under a policy's name, show the policy itself is printed
/// rather than linked.
const POLICY_PROSE_WORDS: u32 = 20;

/// Words of a dialog's button ("Close", "×") between a policy's name and its text.
const DIALOG_BUTTON_WORDS: u32 = 2;

/// Blocks read after a policy's name for its text: the name printed again, a dialog's button,
/// then the first paragraph.
const POLICY_LOOKAHEAD: usize = 3;

/// Characters of a copyright line at most: "© 2025 Acme, Inc. All rights reserved" with a
/// line of address or links run into it, not a paragraph that mentions copyright.
const COPYRIGHT_LINE_MAX: u32 = 200;

/// Whether block `j` is a policy's name with the policy printed under it: a paragraph right
/// after the name, or after the name printed twice (a dialog's title and heading) and a
/// dialog's button ("Close").
fn prints_policy(blocks: &[DumpBlock], j: usize) -> bool {
    let Some(title) = blocks
        .get(j)
        .filter(|b| is_policy_title(b))
        .map(|b| &b.raw.text)
    else {
        return false;
    };
    blocks
        .iter()
        .skip(j + 1)
        .take(POLICY_LOOKAHEAD)
        .take_while(|b| {
            b.stats.words >= POLICY_PROSE_WORDS
                || &b.raw.text == title
                || b.stats.words <= DIALOG_BUTTON_WORDS && !b.stats.ends_sentence
        })
        .any(|b| b.stats.words >= POLICY_PROSE_WORDS)
}

/// Where the page ends: the index after the first copyright line ("© 2025 Acme, Inc. All
/// rights reserved") right above a policy's name with the policy printed under it, and at
/// least [`WORDS_BEFORE_END`] words before it; the number of blocks when there is none.
pub(super) fn page_end(blocks: &[DumpBlock]) -> usize {
    let mut words = 0u32;
    for (i, b) in blocks.iter().enumerate() {
        if b.shape.copyright
            && b.stats.chars <= COPYRIGHT_LINE_MAX
            && words >= WORDS_BEFORE_END
            && prints_policy(blocks, i + 1)
        {
            return i + 1;
        }
        words = words.saturating_add(b.stats.words);
    }
    blocks.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::lines;
    use crate::text_mode::testing::{after_text as dump, para};

    #[test]
    fn a_copyright_line_over_policy_links_ends_the_page() {
        let blocks = dump(&[
            "© 2025 Acme Goods, Inc. All rights reserved",
            "Refund policy",
            "Refund policy",
            "We accept returns within thirty days of delivery, in the original packaging, and \
             refund the price to the card that paid for the order within ten working days.",
        ]);
        assert_eq!(page_end(&blocks), 7);
        let dialog = dump(&[
            "© 2025 Acme Goods, Inc. All rights reserved",
            "Privacy policy",
            "Close",
            "Privacy policy",
            para(8).as_str(),
        ]);
        assert_eq!(page_end(&dialog), 7);
    }

    #[test]
    fn other_copyright_lines_do_not() {
        let without_policy = dump(&["© 2025 Acme Goods, Inc.", para(8).as_str()]);
        assert_eq!(page_end(&without_policy), without_policy.len());
        let linked = dump(&[
            "© 2025 Acme Goods, Inc. All rights reserved",
            "Privacy Policy",
            "Terms of Use",
            para(9).as_str(),
        ]);
        assert_eq!(page_end(&linked), linked.len());
        let at_the_top = lines::segment("© Acme 2025\n\nPrivacy Policy\n\nThe text starts here.");
        assert_eq!(page_end(&at_the_top), at_the_top.len());
    }
}
