//! Repeated blocks inside a page: a deck repeated as the first paragraph, a headline shown twice,
//! a teaser that is the start of a paragraph below it. The first full occurrence is kept.

use std::collections::HashMap;

use crate::meta::fold;

/// A hash of the text with case, punctuation and white space folded away: two blocks with the
/// same hash read the same. Allocation-free, for counting repeats on every block.
pub(crate) fn fold_hash(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
    {
        h = (h ^ u64::from(u32::from(c))).wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// Marks as duplicates the `keep`-ed blocks whose folded text already appeared in an earlier
/// kept block, or that are a cut-off start ("…", "...") of a later kept block.
/// Returns, per block, whether it is a duplicate.
pub(crate) fn duplicates(texts: &[&str], keep: &[bool]) -> Vec<bool> {
    let mut dup = vec![false; texts.len()];
    let mut seen: HashMap<String, usize> = HashMap::new();
    let folded: Vec<Option<String>> = texts
        .iter()
        .zip(keep)
        .map(|(t, &k)| if k { Some(fold(t)) } else { None })
        .collect();
    for (i, f) in folded.iter().enumerate() {
        let Some(f) = f else { continue };
        // Very short texts ("Photo", "1") repeat legitimately.
        if f.chars().count() < 12 {
            continue;
        }
        if seen.contains_key(f) {
            if let Some(d) = dup.get_mut(i) {
                *d = true;
            }
        } else {
            seen.insert(f.clone(), i);
        }
    }
    // Truncated teasers: "The minister said on Tuesday that…" before the full paragraph.
    for (i, t) in texts.iter().enumerate() {
        let trimmed = t.trim_end();
        let cut = trimmed.ends_with('…') || trimmed.ends_with("...");
        if !cut || dup.get(i).copied().unwrap_or(true) {
            continue;
        }
        let Some(Some(f)) = folded.get(i) else {
            continue;
        };
        if f.chars().count() < 30 {
            continue;
        }
        let later = folded.iter().skip(i + 1).take(8).flatten();
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
