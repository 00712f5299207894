//! Readers' comment threads after the text: a header ("109 Comments", "Leave a Reply") or a
//! line that mentions comments, then posts (a name line over a date, or a byline).
//!
//! Separate because recognising the header takes word lists in several languages that no
//! other pass needs.

use crate::blocks::lines::DumpBlock;
use crate::features::lexicon::{COMMENT_PHRASES, COMMENT_WORDS, COUNTED_COMMENT_WORDS};

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

/// Words of a comment header at most: "34 responses to “<a headline>”" with a headline of a
/// few words.
const COMMENT_HEADER_WORDS: u32 = 12;

/// A line that is the header of a comment section, and nothing else: "109 Comments", "Leave
/// a Reply", "Comments (12)", "34 responses to “Title”". A line that goes on ("Comments: 10
/// pages", "Response time: 3 s") is not one.
fn is_comment_header(b: &DumpBlock) -> bool {
    if b.stats.words > COMMENT_HEADER_WORDS {
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
        .filter(|w| !COUNTED_COMMENT_WORDS.contains(w))
        .chain(COMMENT_PHRASES)
        .any(|w| strip_word(s, w).is_some_and(counted))
}

/// Words from which a line is not taken for a post's byline.
const POST_BYLINE_WORDS: u32 = 16;
/// Fewest words of a post's byline: a byline word and a name.
const POST_BYLINE_MIN_WORDS: u32 = 2;
/// Words from which a line is not taken for a line about comments.
const COMMENT_LINE_WORDS: u32 = 25;

/// Posts that must follow a line that only mentions comments ("Load all comments", "The
/// following comments are owned by whoever posted them") for [`drop_comment_threads`].
const LOOSE_HEADER_POSTS: usize = 3;

/// A post's byline in a thread of readers' comments: a byline word, a name and perhaps a date
/// or a score ("by jdoe ( 12345 ) writes:", "von Leser123 am 3. Mai"), no sentence.
fn is_post_byline(b: &DumpBlock) -> bool {
    if b.stats.words > POST_BYLINE_WORDS
        || b.stats.words < POST_BYLINE_MIN_WORDS
        || b.stats.ends_sentence
    {
        return false;
    }
    let first = b.raw.text.split_whitespace().next().unwrap_or("");
    crate::features::lexicon::BYLINE_WORDS
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
            .filter(|c| !COUNTED_COMMENT_WORDS.contains(c))
            .any(|c| *c == w)
    })
}

/// Kept words before a comment header for [`drop_comment_threads`] to act: the text came first.
const TEXT_BEFORE_COMMENTS: u32 = 100;

/// The first post of a thread must start within this many blocks of its header, and each next
/// one within [`POST_GAP`] blocks of the one before; the thread ends where they stop.
const FIRST_POST_WITHIN: usize = 20;
/// Most blocks from one post to the next (a long comment is many blocks).
const POST_GAP: usize = 30;

/// Words of a post's name line at most (above its date line): a name, perhaps with a badge.
const POST_NAME_WORDS: u32 = 6;
/// Posts that must follow a comment header: two, since one name over a date may be the
/// article's own byline.
const HEADER_POSTS: usize = 2;

/// Comment sections after the text: a header ("109 Comments", "Leave a Reply") followed by at
/// least two posts, each a short name line above a date or time line. The header phrase alone
/// decides nothing; with the posts after it and the text before it, the blocks from the header
/// to the end of its run of posts are the readers' thread, not the page's text (a question and
/// answer page goes on with its next answer after the comments under one).
pub(super) fn drop_comment_threads(blocks: &[DumpBlock], keep: &mut [bool]) {
    let n = blocks.len();
    let post = |i: usize| {
        i > 0
            && blocks.get(i).is_some_and(|d| d.shape.numeric)
            && blocks
                .get(i - 1)
                .is_some_and(|p| p.stats.words <= POST_NAME_WORDS && !p.stats.ends_sentence)
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
            if posts
                >= if strict {
                    HEADER_POSTS
                } else {
                    LOOSE_HEADER_POSTS
                }
            {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::lines;
    use crate::text_mode::testing::{block, para};

    #[test]
    fn comment_headers() {
        for t in [
            "109 Comments",
            "Comments",
            "Comments (12)",
            "34 responses to “Anthony Lynn”",
            "3 thoughts on “Business Focus”",
            "Leave a Reply",
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
