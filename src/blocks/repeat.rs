//! Repeated blocks inside a page: a deck repeated as the first paragraph, a headline shown twice,
//! a teaser that is the start of a paragraph below it. The first full occurrence is kept.
//!
//! Texts are compared folded ([`fold`]: case, punctuation and spacing ignored), here and
//! wherever else the crate asks whether two texts say the same (titles, dump lines).

use std::collections::HashSet;

use crate::features::is_alphanumeric;
use crate::hash;

/// Folds case, punctuation and white space for comparisons: lowercase alphanumeric words
/// joined by single spaces. `"It's  Here!"` and `"it s here"` fold alike.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s
        .split(|c: char| !is_alphanumeric(c))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        push_lowercase(&mut out, w);
    }
    out
}

/// Appends `w` in lower case. ASCII characters are lowered in place; only the others go through
/// `char::to_lowercase`'s tables (whose iterator the compiler no longer inlines into a loop).
fn push_lowercase(out: &mut String, w: &str) {
    if w.is_ascii() {
        let start = out.len();
        out.push_str(w);
        if let Some(tail) = out.get_mut(start..) {
            tail.make_ascii_lowercase();
        }
        return;
    }
    for c in w.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// The hash and length in characters of [`fold`]`(text)`, without building the string: two
/// texts with the same key fold to the same string (up to a 64-bit hash collision). Computed
/// once per block, for counting repeats (a classifier feature) and for [`duplicates_by_key`].
pub(crate) fn fold_key(text: &str) -> (u64, usize) {
    fold_hash(text, usize::MAX)
}

/// The hash of the first `limit` characters of [`fold`]`(text)` (all of it when shorter).
fn fold_prefix_key(text: &str, limit: usize) -> u64 {
    fold_hash(text, limit).0
}

/// The hash and length of [`fold`]`(text)`, stopped after `limit` folded characters.
#[inline(always)]
fn fold_hash(text: &str, limit: usize) -> (u64, usize) {
    if text.is_ascii() {
        return fold_hash_ascii(text.as_bytes(), limit);
    }
    let mut h = hash::OFFSET;
    let mut len = 0;
    let mut gap = false;
    for c in text.chars() {
        if !is_alphanumeric(c) {
            gap = true;
            continue;
        }
        if len >= limit {
            break;
        }
        if gap && len > 0 {
            h = hash::step(h, u32::from(' '));
            len += 1;
        }
        gap = false;
        if c.is_ascii() {
            h = hash::step(h, u32::from(c.to_ascii_lowercase()));
            len += 1;
        } else {
            for l in c.to_lowercase() {
                h = hash::step(h, u32::from(l));
                len += 1;
            }
        }
    }
    (h, len)
}

/// [`fold_hash`] of ASCII text, a byte at a time: the same steps without decoding characters
/// (most blocks are ASCII, and every block is hashed).
#[inline(always)]
fn fold_hash_ascii(text: &[u8], limit: usize) -> (u64, usize) {
    let mut h = hash::OFFSET;
    let mut len = 0;
    let mut gap = false;
    for &b in text {
        if !b.is_ascii_alphanumeric() {
            gap = true;
            continue;
        }
        if len >= limit {
            break;
        }
        if gap && len > 0 {
            h = hash::step(h, u32::from(b' '));
            len += 1;
        }
        gap = false;
        h = hash::step(h, u32::from(b.to_ascii_lowercase()));
        len += 1;
    }
    (h, len)
}

/// Marks as duplicates the `keep`-ed blocks whose folded text already appeared in an earlier
/// kept block, or that are a cut-off start ("…", "...") of a later kept block.
/// Returns, per block, whether it is a duplicate.
pub(crate) fn duplicates(texts: &[&str], keep: &[bool]) -> Vec<bool> {
    let keys: Vec<(u64, usize)> = texts
        .iter()
        .zip(keep)
        .map(|(t, &k)| if k { fold_key(t) } else { (0, 0) })
        .collect();
    duplicates_by_key(texts, &keys, keep)
}

/// [`duplicates`] with each text's [`fold_key`] already computed.
pub(crate) fn duplicates_by_key(texts: &[&str], keys: &[(u64, usize)], keep: &[bool]) -> Vec<bool> {
    let mut dup = vec![false; texts.len()];
    let mut seen: HashSet<u64> = HashSet::new();
    for (i, (&(key, len), _)) in keys.iter().zip(keep).enumerate().filter(|(_, (_, k))| **k) {
        // Very short texts ("Photo", "1") repeat legitimately.
        if len < 12 {
            continue;
        }
        if !seen.insert(key)
            && let Some(d) = dup.get_mut(i)
        {
            *d = true;
        }
    }
    // Truncated teasers: "The minister said on Tuesday that…" before the full paragraph. Few
    // blocks end so, so only they and the blocks after them are folded.
    for (i, t) in texts.iter().enumerate() {
        let trimmed = t.trim_end();
        let cut = trimmed.ends_with('…') || trimmed.ends_with("...");
        if !cut || !keep.get(i).copied().unwrap_or(false) || dup.get(i).copied().unwrap_or(true) {
            continue;
        }
        let f = fold(t);
        if f.chars().count() < 30 {
            continue;
        }
        let later = texts
            .iter()
            .zip(keep)
            .skip(i + 1)
            .take(8)
            .filter(|(_, k)| **k)
            .map(|(g, _)| fold(g));
        for g in later {
            if g.len() > f.len() && g.starts_with(f.as_str()) {
                if let Some(d) = dup.get_mut(i) {
                    *d = true;
                }
                break;
            }
        }
    }
    dup
}

/// Folded characters compared at the start of a block to find the run it may repeat.
const MERGED_PREFIX: usize = 40;
/// Folded characters a block must have to be checked as a merged copy of a run of blocks.
const MERGED_MIN: usize = 200;

/// Marks kept blocks that repeat, as one block, a run of earlier kept blocks: a page that
/// states its body twice, once in paragraphs and once flattened into a single element
/// (microdata `articleBody`, a print or AMP copy), would otherwise give the text twice. A
/// long block is such a copy when its folded text starts with the folded texts of two
/// consecutive earlier kept blocks (the shorter copy of a longer text, by itself, is not: a
/// deck may start the first paragraph). Only blocks whose first `MERGED_PREFIX` folded
/// characters match are folded whole, so the check costs a short hash per kept block.
/// Measured: aeb F1 +0.005 (two pages that state the body twice), wcxb-dev unchanged.
pub(crate) fn merged_copies(
    texts: &[&str],
    keys: &[(u64, usize)],
    keep: &[bool],
    dup: &mut [bool],
) {
    let live =
        |i: usize| keep.get(i).copied().unwrap_or(false) && !dup.get(i).copied().unwrap_or(true);
    if !keys
        .iter()
        .enumerate()
        .any(|(i, &(_, len))| len >= MERGED_MIN && live(i))
    {
        return;
    }
    // Prefix key -> earlier kept blocks with that start.
    let mut starts: std::collections::HashMap<u64, Vec<usize>> = std::collections::HashMap::new();
    let mut found = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        if !live(i) {
            continue;
        }
        let len = keys.get(i).map_or(0, |k| k.1);
        if len < MERGED_PREFIX {
            continue;
        }
        let p = fold_prefix_key(t, MERGED_PREFIX);
        if len >= MERGED_MIN
            && let Some(earlier) = starts.get(&p)
        {
            let whole = fold(t);
            let copies_run = earlier.iter().any(|&a| {
                let Some(fa) = texts.get(a).map(|x| fold(x)) else {
                    return false;
                };
                let Some(rest) = whole.strip_prefix(fa.as_str()) else {
                    return false;
                };
                let Some(rest) = rest.strip_prefix(' ') else {
                    return false;
                };
                // The next kept block after the first must go on where it stopped.
                let Some(next) = (a + 1..i).find(|&j| live(j)) else {
                    return false;
                };
                let fb = texts.get(next).map(|x| fold(x)).unwrap_or_default();
                !fb.is_empty() && rest.starts_with(fb.as_str())
            });
            if copies_run {
                found.push(i);
                continue;
            }
        }
        starts.entry(p).or_default().push(i);
    }
    for i in found {
        if let Some(d) = dup.get_mut(i) {
            *d = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_punctuation() {
        assert_eq!(fold("It’s  Here!"), "it s here");
        assert_eq!(fold("¿Qué?"), "qué");
    }

    #[test]
    fn fold_key_is_the_key_of_the_folded_string() {
        for t in [
            "The Minister said: “No.”",
            "  Ünïcode  TEXT, with   gaps… ",
            "İstanbul'da 3 gün",
            "",
            "!!!",
            // ASCII text takes a byte-wise path of its own.
            "  It's  HERE, 42 times_over! ",
            "x",
        ] {
            let f = fold(t);
            let mut h = hash::OFFSET;
            for c in f.chars() {
                h = hash::step(h, u32::from(c));
            }
            assert_eq!(fold_key(t), (h, f.chars().count()), "{t:?}");
        }
    }

    #[test]
    fn second_copy_is_a_duplicate() {
        let texts = [
            "A deck that says what happened today.",
            "Body.",
            "A deck that says what happened today!",
        ];
        assert_eq!(
            duplicates(&texts, &[true, true, true]),
            vec![false, false, true]
        );
        // Blocks not kept are not compared.
        assert_eq!(
            duplicates(&texts, &[false, true, true]),
            vec![false, false, false]
        );
    }

    #[test]
    fn a_run_of_paragraphs_repeated_as_one_block_is_a_duplicate() {
        let first = "The council met on Tuesday evening to discuss the harbour budget.";
        let second = "Members agreed to delay the vote until the engineers report in spring.";
        let merged = format!(
            "{first} {second} A third sentence that only the merged copy has, to make it long enough."
        );
        let deck = format!(
            "{first} And then a different second sentence that goes on for a long while, far enough."
        );
        let texts = [first, second, merged.as_str(), deck.as_str()];
        let keys: Vec<(u64, usize)> = texts.iter().map(|t| fold_key(t)).collect();
        let mut dup = vec![false; 4];
        merged_copies(&texts, &keys, &[true; 4], &mut dup);
        // The merged copy goes; a block that starts with the first paragraph only stays.
        assert_eq!(dup, vec![false, false, true, false]);
    }

    #[test]
    fn truncated_teaser_before_full_paragraph() {
        let texts = [
            "Moscow, July 22 The relations have approached a dangerous point and ...",
            "Moscow, July 22 The relations have approached a dangerous point and are marked by pressure.",
        ];
        assert_eq!(duplicates(&texts, &[true, true]), vec![true, false]);
    }
}
