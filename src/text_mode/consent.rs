//! A consent dialog printed at the end of a dump: a site's cookie banner and its preference
//! centre ("We and our partners store and/or access information on a device…", one paragraph
//! per purpose) can hold more prose than a listing's or a product's own text and be taken for
//! the main text. It ends the page like a printed policy (see `footer`).
//!
//! Separate from `footer` because the evidence is the vocabulary of the dialog, not a
//! copyright line: many dialogs follow a footer without one.

use crate::blocks::lines::DumpBlock;
use crate::features::lexicon::{CONSENT_TERMS, DIALOG_TERMS};

/// Words of a paragraph that explains consent (a button or a purpose's name is shorter).
const PARAGRAPH_WORDS: u32 = 15;

/// Consent paragraphs a dialog holds at least.
const MIN_PARAGRAPHS: u32 = 2;

/// Share of the words from the dialog's first paragraph to the end of the dump that the
/// dialog's vocabulary must hold: an article about cookies followed by its related links and
/// footer holds less, a dialog printed at the end more.
const MIN_SHARE: f32 = 0.75;

/// Words that must come before the dialog: a dump that opens with its banner has its text
/// after it.
const WORDS_BEFORE: u32 = 100;

/// Where a consent dialog that closes the dump begins: the first paragraph about consent,
/// after at least [`WORDS_BEFORE`] words, such that from there to the end at least
/// [`MIN_PARAGRAPHS`] paragraphs speak of consent and blocks in the dialog's vocabulary hold
/// [`MIN_SHARE`] of the words. The number of blocks when there is none.
pub(super) fn dialog_start(blocks: &[DumpBlock]) -> usize {
    let n = blocks.len();
    let has = |text: &str, terms: &[&str]| {
        let lower = text.to_lowercase();
        terms.iter().any(|t| lower.contains(t))
    };
    // The consent paragraphs after the first WORDS_BEFORE words, in order. Most dumps have
    // fewer than MIN_PARAGRAPHS, and then the dialog's vocabulary is never looked for.
    let mut candidates: Vec<usize> = Vec::new();
    let mut before = 0u32;
    for (i, b) in blocks.iter().enumerate() {
        if before >= WORDS_BEFORE
            && b.stats.words >= PARAGRAPH_WORDS
            && has(&b.raw.text, CONSENT_TERMS)
        {
            candidates.push(i);
        }
        before = before.saturating_add(b.stats.words);
    }
    let Some(&first) = candidates.first() else {
        return n;
    };
    if candidates.len() < MIN_PARAGRAPHS as usize {
        return n;
    }
    // Suffix sums from the first candidate on: words, and words in the dialog's vocabulary.
    let tail = blocks.get(first..).unwrap_or_default();
    let mut total = vec![0u32; tail.len() + 1];
    let mut vocab = vec![0u32; tail.len() + 1];
    for (k, b) in tail.iter().enumerate().rev() {
        let w = b.stats.words;
        let d = has(&b.raw.text, CONSENT_TERMS) || has(&b.raw.text, DIALOG_TERMS);
        let (t, v) = (
            total.get(k + 1).copied().unwrap_or(0),
            vocab.get(k + 1).copied().unwrap_or(0),
        );
        if let (Some(a), Some(c)) = (total.get_mut(k), vocab.get_mut(k)) {
            *a = t.saturating_add(w);
            *c = v.saturating_add(if d { w } else { 0 });
        }
    }
    for (rank, &i) in candidates.iter().enumerate() {
        // Consent paragraphs from here to the end: this one and the candidates after it.
        let paragraphs = candidates.len() - rank;
        let t = total.get(i - first).copied().unwrap_or(0);
        let v = vocab.get(i - first).copied().unwrap_or(0);
        if paragraphs >= MIN_PARAGRAPHS as usize && t > 0 && v as f32 >= MIN_SHARE * t as f32 {
            return i;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::lines;
    use crate::text_mode::testing::{after_text as dump, para};

    const BANNER: &str = "We and our partners use cookies to store and access information on \
                          your device, and process personal data for personalised advertising.";
    const PURPOSE: &str = "These cookies let our advertising partners build a profile of your \
                           interests and show you relevant adverts on other sites you visit.";

    #[test]
    fn a_dialog_at_the_end_starts_at_its_first_paragraph() {
        let blocks = dump(&["Your privacy", BANNER, "Accept all", PURPOSE, "Off"]);
        assert_eq!(dialog_start(&blocks), 7);
    }

    #[test]
    fn other_mentions_of_cookies_do_not() {
        // One paragraph about cookies is not a dialog.
        let one = dump(&[BANNER, "Accept"]);
        assert_eq!(dialog_start(&one), one.len());
        // A dialog followed by more of the page's text does not close it.
        let p7 = para(7);
        let p8 = para(8);
        let p9 = para(9);
        let middle = dump(&[BANNER, PURPOSE, &p7, &p8, &p9]);
        assert_eq!(dialog_start(&middle), middle.len());
        // A banner at the top leaves the text after it.
        let top = lines::segment(&format!("{BANNER}\n\n{PURPOSE}\n\n{}", para(1)));
        assert_eq!(dialog_start(&top), top.len());
    }
}
