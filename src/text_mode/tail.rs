//! The tail cut: a share, sign-up or comments line, or an author's box, after most of the
//! kept text ends the text; so does a shop's review header with customers' posts under it,
//! however many words those posts hold.
//!
//! Separate because it is the last pass over the decisions and the only one that drops every
//! block after a point; its tests of a line (a bar repeated under posts, a heading with prose
//! under it, an author's box) serve no other pass.

use std::collections::HashMap;

use crate::blocks::lines::{DumpBlock, Phrases};
use crate::blocks::repeat;

use super::fields::label_head;
use super::kept::kept_words_before;
use crate::features::lexicon::{
    ABOUT_WORDS, AUTHOR_WORDS, NOT_NAMES, REVIEW_HEADS, REVIEW_MARKERS, SHOP_TAIL_HEADS,
};

/// Share of the kept words that must come before a furniture line for [`cut_tail`] to end
/// the text there: past the end of the main region, on a page whose text sits in one region,
/// and elsewhere.
const TAIL_SHARE_PAST_MAIN: f32 = 0.3;
/// The share on a page whose text sits in one region (an article): half.
const TAIL_SHARE_FOCUSED: f32 = 0.5;
/// The share elsewhere (a thread, a listing, whose text goes on after such lines): most.
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
pub(super) fn cut_tail(
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
    let mut looked = 0usize;
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
        // Whether at least a share of the kept words came before this block. The line tests
        // below run only where one of the two shares is reached: most blocks come earlier.
        let past = |s: f32| before > 0 && before as f32 >= s * total as f32;
        let (past_share, past_reviews) = (past(share), past(REVIEW_RUN_SHARE));
        let head = if past_share || past_reviews {
            shop_tail_head(blocks, i)
        } else {
            None
        };
        let cut = past_share && (furniture || is_author_box(b) || head.is_some());
        // Reviews that hold most of the words: a header with posts carrying review markers
        // under it ends the text whatever share came before it.
        let mut reviews = false;
        if !cut && looked < MAX_REVIEW_LOOKS && past_reviews && head == Some(TailHead::Reviews) {
            looked += 1;
            reviews = reviews_follow(blocks, i);
        }
        if cut || reviews {
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

/// Words of a heading over such a section at most: a heading, not a sentence.
const SECTION_HEAD_WORDS: u32 = 8;

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
        b.shape.phrases == Phrases::ACCOUNT
            && !b.stats.ends_sentence
            && b.stats.words <= SECTION_HEAD_WORDS
    }) && kept_prose(i + 1)
        && kept_prose(i + 2)
}

/// Share of the kept words that must come before a review header for [`cut_tail`] to end the
/// text there when reviews follow it ([`reviews_follow`]).
const REVIEW_RUN_SHARE: f32 = 0.1;

/// Review headers whose blocks after them [`cut_tail`] reads, at most, per dump.
const MAX_REVIEW_LOOKS: usize = 4;

/// Blocks after a review header that [`reviews_follow`] reads, and fewest review markers
/// among them.
const REVIEW_WINDOW: usize = 120;
/// Fewest review markers among those blocks: a few reviews, not one rating line.
const MIN_REVIEW_MARKERS: usize = 3;

/// Words from which a line is not taken for a review marker.
const REVIEW_MARKER_WORDS: u32 = 16;
/// Characters from which a line is not taken for a review marker: a review's line of
/// furniture, not its text.
const REVIEW_MARKER_CHARS: u32 = 160;

/// Whether a short line carries a review marker ([`REVIEW_MARKERS`]).
fn is_review_marker(b: &DumpBlock) -> bool {
    if b.stats.words > REVIEW_MARKER_WORDS || b.stats.chars > REVIEW_MARKER_CHARS {
        return false;
    }
    let lower = b.raw.text.trim().to_lowercase();
    REVIEW_MARKERS.iter().any(|m| lower.contains(m))
}

/// Whether customers' posts follow a review header: at least [`MIN_REVIEW_MARKERS`] lines
/// with a review marker within [`REVIEW_WINDOW`] blocks after it. Only such posts carry these
/// markers; a listing's cards with star ratings do not.
fn reviews_follow(blocks: &[DumpBlock], i: usize) -> bool {
    blocks
        .iter()
        .skip(i + 1)
        .take(REVIEW_WINDOW)
        .filter(|b| is_review_marker(b))
        .take(MIN_REVIEW_MARKERS)
        .count()
        >= MIN_REVIEW_MARKERS
}

/// Words from which a line is not taken for the header of a review section.
const REVIEW_HEAD_WORDS: u32 = 8;
/// Characters from which a line is not taken for the header of a review section.
const REVIEW_HEAD_CHARS: u32 = 80;

/// Words of a sentence right under a review header that make it the heading of a section.
const REVIEW_PROSE_WORDS: u32 = 12;

/// The header of a shop's customer reviews ("Customer Reviews", "18 Reviews", "Reviews for
/// this item (76)") or of its other products ("You may also like", "Frequently bought
/// together"): a short line, not a sentence, that opens with such words, after a count or
/// not. Under it come the reviews, each a rating, a name and a date over a post, or cards of
/// other products with a blurb each: not the product's description. A header with a paragraph of prose right
/// under it ("Reviews and Q&A" over "Supply aggregated review statistics …") heads a section
/// of the text instead.
fn shop_tail_head(blocks: &[DumpBlock], i: usize) -> Option<TailHead> {
    let b = blocks.get(i)?;
    let prose_under = blocks
        .get(i + 1)
        .is_some_and(|n| n.stats.ends_sentence && n.stats.words >= REVIEW_PROSE_WORDS);
    if prose_under
        || b.stats.words > REVIEW_HEAD_WORDS
        || b.stats.ends_sentence
        || b.stats.chars > REVIEW_HEAD_CHARS
    {
        return None;
    }
    let lower = b.raw.text.trim().to_lowercase();
    // A count before the header: "18 Reviews", "4.0 · 369 reviews".
    let rest = lower.trim_start_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || matches!(c, '.' | ',' | '·' | '|')
    });
    let opens = |heads: &[&str]| {
        heads.iter().any(|h| {
            rest.strip_prefix(h).is_some_and(|r| {
                r.chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric() || !h.is_ascii())
            })
        })
    };
    if opens(REVIEW_HEADS) {
        Some(TailHead::Reviews)
    } else if opens(SHOP_TAIL_HEADS) {
        Some(TailHead::OtherProducts)
    } else {
        None
    }
}

/// What a header that [`shop_tail_head`] takes opens: a shop's reviews or its other products.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TailHead {
    Reviews,
    OtherProducts,
}

/// Words of an author box's header at most: "About the author", "About Jane Doe Smith".
const AUTHOR_BOX_WORDS: u32 = 6;
/// Characters of an author box's header at most.
const AUTHOR_BOX_CHARS: u32 = 60;
/// Fewest words of a name in an author box's header: a first and a last name.
const NAME_MIN_WORDS: usize = 2;
/// Most words of a name in an author box's header: up to two middle names or particles.
const NAME_MAX_WORDS: usize = 4;

/// A short line that heads an author's box: an "about" word and a name (two to four
/// capitalised words) or "the author", and nothing else.
fn is_author_box(b: &DumpBlock) -> bool {
    if b.stats.words > AUTHOR_BOX_WORDS || b.stats.ends_sentence || b.stats.chars > AUTHOR_BOX_CHARS
    {
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
        (NAME_MIN_WORDS..=NAME_MAX_WORDS).contains(&words.len())
            && !article
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::lines;
    use crate::text_mode::testing::{block, para};

    #[test]
    fn author_boxes() {
        for t in ["About Ruth Okafor", "Over Anna Jansen", "About the author"] {
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
    }

    #[test]
    fn review_headers() {
        for t in [
            "Customer Reviews",
            "18 Reviews",
            "Reviews for this item (76)",
            "Top reviews from the United States",
            "Write a review",
            "You may also like",
            "Frequently bought together",
        ] {
            let blocks = lines::segment(t);
            assert!(shop_tail_head(&blocks, 0).is_some(), "{t}");
        }
        for t in [
            "Reviewers agreed that the film was too long.",
            "Reviewed by the editors",
            "Reviews and Q&A\n\nSupply aggregated review statistics and answers to common \
             questions, so that shoppers can judge the product quickly.",
        ] {
            let blocks = lines::segment(t);
            assert!(shop_tail_head(&blocks, 0).is_none(), "{t}");
        }
    }

    #[test]
    fn review_markers() {
        for t in ["Verified Purchase", "Verified Buyer"] {
            assert!(is_review_marker(&block(t)), "{t}");
        }
        for t in [
            "4.7 out of 5 stars 23,733",
            "Reviewed by the editors",
            "Verified",
        ] {
            assert!(!is_review_marker(&block(t)), "{t}");
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
}
