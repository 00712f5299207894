//! The title finder: the headline that opens the main text, or the headline-shaped line
//! nearest before it.
//!
//! Separate because it runs once on the final decisions and judges lines by their shape as a
//! headline (not a byline, a field or sentences), which no content pass does.

use crate::block::BlockKind;
use crate::blocks::lines::DumpBlock;
use crate::blocks::repeat::fold;
use crate::features::lexicon::MORE_BYLINE_WORDS;

use super::evidence::MENU_PARTS;

/// Fewest characters of a CJK headline.
const CJK_HEADLINE_MIN: u32 = 6;
/// Most characters of a CJK headline.
const CJK_HEADLINE_MAX: u32 = 80;
/// Fewest words of a headline: one word is a label.
const HEADLINE_MIN_WORDS: u32 = 2;
/// Most words of a headline: a long headline; more is a sentence or a deck.
const HEADLINE_MAX_WORDS: u32 = 30;
/// Characters of a headline at least: more than two short words ("Go on").
const HEADLINE_MIN_CHARS: u32 = 10;

/// Whether a block could be a headline: a few words to a long line, not a sentence ending in a
/// period, not a date, menu, address or furniture phrase.
fn headline_shaped(b: &DumpBlock) -> bool {
    let st = &b.stats;
    let sh = &b.shape;
    let words_ok = if st.cjk {
        (CJK_HEADLINE_MIN..=CJK_HEADLINE_MAX).contains(&st.chars)
    } else {
        (HEADLINE_MIN_WORDS..=HEADLINE_MAX_WORDS).contains(&st.words)
            && st.chars >= HEADLINE_MIN_CHARS
    };
    let ends_period = b.raw.text.trim_end().ends_with(['.', '。']);
    words_ok
        && !ends_period
        && !sh.numeric
        && !sh.copyright
        && !sh.url
        && !sh.ellipsis
        && sh.menu_parts < MENU_PARTS
        && !sh.phrases.any()
        && b.raw.kind != BlockKind::ListItem
        && !is_byline(b)
        && !ends_inner_sentence(&b.raw.text)
        && !is_short_field(&b.raw.text)
}

/// Words of a field's label at most, and of its value at most, for a line to be a short field
/// rather than a headline with a colon ("Atomic Habits: An Easy and Proven Way…").
const FIELD_LABEL_WORDS: usize = 3;
/// Words of a short field's value at most (see [`FIELD_LABEL_WORDS`]).
const FIELD_VALUE_WORDS: usize = 2;

/// A field and its short value ("Date range: Today", "Spoken language: Any"): a label, not a
/// headline. A title with a colon goes on for longer after it.
fn is_short_field(text: &str) -> bool {
    text.split_once(':').is_some_and(|(head, value)| {
        let h = head.split_whitespace().count();
        let v = value.split_whitespace().count();
        (1..=FIELD_LABEL_WORDS).contains(&h) && v <= FIELD_VALUE_WORDS
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

/// Words of a byline at most: a byline word, a name and a reading time.
const BYLINE_WORDS_MAX: u32 = 8;
/// Blocks looked back from the first content block for the title: a few dozen (a header of
/// menus may stand between them).
const TITLE_LOOKBACK: usize = 30;
/// Words of the nearest headline-shaped line taken for the title first; failing one, the
/// nearest of [`HEADLINE_MIN_WORDS`].
const TITLE_WORDS: u32 = 3;

/// A short line that names the author: a byline word, then a few words ("By Jane Doe", "by
/// Jacob Trussell—10 min read"). Not a headline, whatever its shape.
fn is_byline(b: &DumpBlock) -> bool {
    if b.stats.words > BYLINE_WORDS_MAX {
        return false;
    }
    let lower = b.raw.text.trim_start().to_lowercase();
    let mut words = crate::features::lexicon::BYLINE_WORDS
        .iter()
        .chain(MORE_BYLINE_WORDS);
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
pub(super) fn find_title(blocks: &[DumpBlock], keep: &[bool]) -> Option<usize> {
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
    let from = body.saturating_sub(TITLE_LOOKBACK);
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
    nearest(TITLE_WORDS).or_else(|| nearest(HEADLINE_MIN_WORDS))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text_mode::testing::block;

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
    fn bylines() {
        for t in [
            "By Ruth Okafor",
            "by Jacob Trussell—10 min read",
            "Par Marie Dupont",
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
}
