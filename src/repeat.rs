//! Repeated blocks inside a page: a deck repeated as the first paragraph, a headline shown twice,
//! a teaser that is the start of a paragraph below it. The first full occurrence is kept.

use std::collections::HashSet;

use crate::features::is_alphanumeric;
use crate::meta::fold;

/// FNV-1a: the offset basis, and one step over a character or byte.
pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

pub(crate) fn fnv_step(h: u64, c: u32) -> u64 {
    (h ^ u64::from(c)).wrapping_mul(0x100_0000_01b3)
}

/// The hash and length in characters of [`fold`]`(text)`, without building the string: two
/// texts with the same key fold to the same string (up to a 64-bit hash collision). Computed
/// once per block, for counting repeats (a classifier feature) and for [`duplicates_by_key`].
pub(crate) fn fold_key(text: &str) -> (u64, usize) {
    let mut h = FNV_OFFSET;
    let mut len = 0;
    let mut gap = false;
    for c in text.chars() {
        if !is_alphanumeric(c) {
            gap = true;
            continue;
        }
        if gap && len > 0 {
            h = fnv_step(h, u32::from(' '));
            len += 1;
        }
        gap = false;
        if c.is_ascii() {
            h = fnv_step(h, u32::from(c.to_ascii_lowercase()));
            len += 1;
        } else {
            for l in c.to_lowercase() {
                h = fnv_step(h, u32::from(l));
                len += 1;
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_key_is_the_key_of_the_folded_string() {
        for t in [
            "The Minister said: “No.”",
            "  Ünïcode  TEXT, with   gaps… ",
            "İstanbul'da 3 gün",
            "",
            "!!!",
        ] {
            let f = fold(t);
            let mut h = FNV_OFFSET;
            for c in f.chars() {
                h = fnv_step(h, u32::from(c));
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
    fn truncated_teaser_before_full_paragraph() {
        let texts = [
            "Moscow, July 22 The relations have approached a dangerous point and ...",
            "Moscow, July 22 The relations have approached a dangerous point and are marked by pressure.",
        ];
        assert_eq!(duplicates(&texts, &[true, true]), vec![true, false]);
    }
}
