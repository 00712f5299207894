//! The cues that a short line of text is page furniture: does it look like a byline, a date, a
//! copyright line, a rating or a `Label: value` field ([`FurnitureCues`]), a picture credit, an
//! ad label, a reading time, a relative age? Page furniture has these shapes in every language;
//! the few words used here (a byline's "by", month names) are weak evidence that the classifier
//! weighs with everything else, never a verdict.

use std::sync::LazyLock;

use memchr::memmem;

use crate::features::is_alphanumeric;
use crate::features::lexicon::{
    AD_LABELS, AGENCIES, BYLINE_WORDS, CREDIT_LABELS, MINUTE_WORDS, MONTHS, READING_WORDS,
    SCRIPT_NOTICE_WORDS, STAMP_WORDS,
};

/// The furniture cues of a block's text, as flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct FurnitureCues {
    /// Starts with "By", "Von", "Par", "Por", "Di", "Door", "Av" followed by a capitalised word.
    pub byline: bool,
    /// Holds a date: a month name next to a number, a numeric date, or a CJK date.
    pub date: bool,
    /// Holds a clock time such as `11:00` or `9.30 pm`.
    pub time: bool,
    /// A copyright sign or the word copyright (in lower, title or upper case).
    pub copyright: bool,
    /// Rating stars.
    pub rating: bool,
    /// A short `Label: value` line ("Posts: 212", "Joined: Mar 2019").
    pub field: bool,
}

/// Texts longer than this are prose, not furniture lines; only the copyright check runs on them.
const SHORT: usize = 200;

/// The month names and abbreviations the shape check knows, for the date reader's tests.
#[cfg(test)]
pub(crate) fn month_words() -> &'static [&'static str] {
    MONTHS
}

impl FurnitureCues {
    pub fn of(text: &str) -> FurnitureCues {
        let mut s = FurnitureCues {
            copyright: text.contains('©') || has_copyright_word(text),
            ..FurnitureCues::default()
        };
        if text.len() > SHORT {
            return s;
        }
        // The stars are encoded from byte 0xE2, which most short lines lack altogether.
        s.rating = text.as_bytes().contains(&0xE2) && text.contains(['★', '☆', '⭐']);
        let mut words = text
            .split(|c: char| !is_alphanumeric(c))
            .filter(|w| !w.is_empty());
        if let (Some(first), Some(second)) = (words.next(), words.next()) {
            s.byline = BYLINE_WORDS.iter().any(|b| first.eq_ignore_ascii_case(b))
                && second.chars().next().is_some_and(char::is_uppercase);
        }
        let has_number = text.bytes().any(|b| b.is_ascii_digit());
        if has_number {
            s.date = numeric_date(text)
                || text.contains('年') && text.contains('月')
                || text
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| w.len() >= 3 && is_month(w));
            s.time = clock_time(text);
        }
        s.field = field(text);
        s
    }
}

/// Searchers for the middle of the word "copyright" in its two cases, built once: the
/// standard library's `contains` sets its searcher up again on every call.
static OPYRIGHT: LazyLock<[memmem::Finder<'static>; 2]> = LazyLock::new(|| {
    [
        memmem::Finder::new("opyright"),
        memmem::Finder::new("OPYRIGHT"),
    ]
});

/// Whether the text holds the word "copyright", "Copyright" or "COPYRIGHT".
fn has_copyright_word(text: &str) -> bool {
    // Every block goes through here, long paragraphs too: a substring search (vectorised)
    // rules out almost all of them before any word is split off.
    OPYRIGHT.iter().any(|f| f.find(text.as_bytes()).is_some())
        && text
            .split(|c: char| !is_alphanumeric(c))
            .any(|w| matches!(w, "copyright" | "Copyright" | "COPYRIGHT"))
}

/// [`MONTHS`] as bytes, sorted for binary search.
static SORTED_MONTHS: LazyLock<Vec<&'static [u8]>> = LazyLock::new(|| {
    let mut v: Vec<&[u8]> = MONTHS.iter().map(|m| m.as_bytes()).collect();
    v.sort_unstable();
    v
});

fn is_month(w: &str) -> bool {
    if w.len() > 10 {
        return false;
    }
    if w.is_ascii() {
        // Lower-cased on the stack and looked up in the sorted names: every word of every
        // short line with a digit comes here.
        let w = w.trim_end_matches('.').as_bytes();
        let mut buf = [0u8; 10];
        for (d, b) in buf.iter_mut().zip(w) {
            *d = b.to_ascii_lowercase();
        }
        let lower = buf.get(..w.len()).unwrap_or_default();
        return SORTED_MONTHS.binary_search(&lower).is_ok();
    }
    let lower = w.to_lowercase();
    let lower = lower.trim_end_matches('.');
    MONTHS.contains(&lower)
}

/// `12/03/2021`, `2021-03-12`, `12.3.21`: digit groups joined by `/`, `-` or `.`, three groups.
fn numeric_date(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
            continue;
        }
        let mut groups = 0;
        let mut j = i;
        let mut sep = 0u8;
        loop {
            let start = j;
            while b.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
            let len = j - start;
            if len == 0 || len > 4 {
                break;
            }
            groups += 1;
            match b.get(j) {
                Some(&c @ (b'/' | b'-' | b'.')) if groups < 3 && (sep == 0 || sep == c) => {
                    sep = c;
                    j += 1;
                }
                _ => break,
            }
        }
        if groups == 3 {
            return true;
        }
        i = j.max(i + 1);
    }
    false
}

/// `11:00`, `9:30`.
fn clock_time(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(4).any(|w| {
        matches!(w, [h, b':', m1, m2] if h.is_ascii_digit() && m1.is_ascii_digit() && m2.is_ascii_digit())
    })
}

/// A short `Label: value` line: one or two words, a colon, then something.
fn field(text: &str) -> bool {
    if text.chars().count() > 40 {
        return false;
    }
    let Some((label, value)) = text.split_once(':') else {
        return false;
    };
    let label_words = label.split_whitespace().count();
    (1..=2).contains(&label_words)
        && label
            .chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace())
        && !value.trim().is_empty()
}

#[cfg(test)]
mod ad_label_tests {
    use super::is_ad_label;

    #[test]
    fn ad_labels_are_recognised() {
        assert!(is_ad_label("Advertisement"));
        assert!(is_ad_label("ADVERTISEMENT – Star Tours"));
        assert!(is_ad_label("Sponsored"));
        assert!(is_ad_label("Advertising"));
        // A sentence about advertising, or a longer line, is not a label.
        assert!(!is_ad_label("Advertisers say the market is recovering."));
        assert!(!is_ad_label(
            "Advertising revenue fell by a third last year, the company said on Monday"
        ));
        assert!(!is_ad_label("The advertisement ran for a week"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_and_dates() {
        let s = FurnitureCues::of("By Ana Ferreira · 12 March 2026");
        assert!(s.byline && s.date && !s.time);
        assert!(FurnitureCues::of("Tue 30th March 2021 | 11:00 AM").time);
        assert!(FurnitureCues::of("Updated 2021-03-12").date);
        assert!(FurnitureCues::of("12/03/21").date);
        assert!(!FurnitureCues::of("by the river we walked").byline);
        assert!(!FurnitureCues::of("Version 1.2 of the tool").date);
        assert!(FurnitureCues::of("2024年3月12日").date);
    }

    #[test]
    fn month_names_in_any_case() {
        for m in [
            "March", "MAR", "sept", "december", "März", "Février", "juillet",
        ] {
            assert!(is_month(m), "{m}");
        }
        for w in ["Marching", "ma", "", "Monday", "septembers"] {
            assert!(!is_month(w), "{w}");
        }
    }

    #[test]
    fn furniture_lines() {
        assert!(FurnitureCues::of("© 2026 The Coastline Gazette").copyright);
        assert!(FurnitureCues::of("Copyright 2026 The Coastline Gazette").copyright);
        assert!(FurnitureCues::of("COPYRIGHT (C) 2026. ALL RIGHTS RESERVED.").copyright);
        assert!(FurnitureCues::of("Text and photos copyright: the author").copyright);
        assert!(!FurnitureCues::of("Copyrighted material is reused with permission.").copyright);
        assert!(!FurnitureCues::of("All rights reserved.").copyright);
        assert!(FurnitureCues::of("★★★★☆").rating);
        assert!(FurnitureCues::of("Posts: 212").field);
        assert!(FurnitureCues::of("Joined: Mar 2019").field);
        assert!(!FurnitureCues::of("Note: this is a longer sentence that goes on and on.").field);
    }
}

/// Characters of a line, at most, for it to state a price ([`is_price_line`]): a price with a
/// word or two ("+ $23.12 delivery", "previous price $212.01 9% off"), not a sentence.
const PRICE_LINE_MAX: u32 = 40;

/// Whether a short line (`chars` long) states a price: a number next to a currency sign or
/// code. Shared by the item passes (carousels of other products) and text mode's page type.
pub(crate) fn is_price_line(text: &str, chars: u32) -> bool {
    const SIGNS: &[char] = &['$', '€', '£', '¥', '₹', '₩', '₽'];
    chars <= PRICE_LINE_MAX
        && text.bytes().any(|c| c.is_ascii_digit())
        && (text.contains(SIGNS)
            || text
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| crate::features::lexicon::CURRENCY_CODES.contains(&w)))
}

/// A short line that labels an advertisement ("Advertisement", "ADVERTISEMENT – Star Tours",
/// "Sponsored", "Anzeige"): its first word is such a label. Never main text.
pub(crate) fn is_ad_label(text: &str) -> bool {
    if text.len() > 240 || text.chars().count() > 60 {
        return false;
    }
    let first = text
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | '|' | '·'))
        .find(|w| !w.is_empty())
        .unwrap_or("");
    // Every label is 6 to 16 bytes long: other first words are not lowered and compared.
    if !(6..=16).contains(&first.len()) {
        return false;
    }
    if first.is_ascii() {
        return AD_LABELS.iter().any(|l| l.eq_ignore_ascii_case(first));
    }
    let first = first.to_lowercase();
    AD_LABELS.contains(&first.as_str())
}

/// Whether `hay` contains `needle` (ASCII, lower-case), ignoring ASCII case: a cheap test
/// before any Unicode lowering.
fn contains_ascii_ci(hay: &str, needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let h = hay.as_bytes();
    h.iter().enumerate().any(|(i, &c)| {
        c | 0x20 == first
            && h.get(i + 1..i + needle.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(rest))
    })
}

/// Whether `label` (a run of words before a colon) names a picture credit: "Photo",
/// "Image credit", "Foto".
fn credit_label(label: &str) -> bool {
    let mut words = label.split_whitespace();
    let first = words.next().unwrap_or("");
    let rest = words.next();
    words.next().is_none()
        && CREDIT_LABELS.contains(&first.to_lowercase().as_str())
        && rest
            .is_none_or(|w| w.eq_ignore_ascii_case("credit") || w.eq_ignore_ascii_case("credits"))
}

/// A picture's caption or credit line that states its credit: a caption ending in
/// "(Image: Agency)" or "(Photo: Name)", or a short slash-separated credit ending in a picture
/// agency ("Jane Roe/City Times/Getty
/// Images"). Captions and credits describe a picture, not the text (tests/pages/README.md).
pub(crate) fn is_picture_credit(text: &str) -> bool {
    let t = text.trim();
    // Only a line ending in ')' or holding a separator can be a credit: most are neither.
    if t.len() > 400 || !(t.ends_with(')') || t.bytes().any(|c| c == b'/' || c == b'|')) {
        return false;
    }
    if t.chars().count() > 200 {
        return false;
    }
    // "… (Image: GETTY)"
    if let Some(inner) = t
        .strip_suffix(')')
        .and_then(|s| s.rfind('(').map(|i| s.get(i + 1..).unwrap_or("")))
        && let Some((label, who)) = inner.split_once(':')
        && !who.trim().is_empty()
        && credit_label(label)
    {
        return true;
    }
    // A bare "Photo: Jane Roe" line is left to the classifier: `Focus::Recall` keeps such
    // borderline lines (see the example on `Focus`).
    let short = t.chars().count() <= 80;
    // "Jane Roe/City Times/Getty Images", "Streetcats Studio / Shutterstock", "Jane Roe |
    // Getty Images"
    short && t.contains(['/', '|']) && {
        let lower = t
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        AGENCIES.iter().any(|a| lower.ends_with(a))
    }
}

#[cfg(test)]
mod credit_tests {
    use super::is_picture_credit;

    #[test]
    fn picture_credits() {
        assert!(is_picture_credit(
            "Fishing boats wait out the storm in the harbour (Image: GETTY )"
        ));
        assert!(is_picture_credit(
            "The old mill before the fire (Photo: Ana Ruiz)"
        ));
        assert!(is_picture_credit("Jane Roe/City Times/Getty Images"));
        assert!(is_picture_credit("Streetcats Studio / Shutterstock"));
        assert!(is_picture_credit("Jane Roe | City Times | Getty Images"));
        // Prose that mentions pictures, agencies or parentheses is not a credit.
        assert!(!is_picture_credit(
            "The agency sold the rights to Getty Images in 2019, the report said."
        ));
        assert!(!is_picture_credit(
            "The council published the plans (see page 4)."
        ));
        assert!(!is_picture_credit(
            "Photo competitions: how to enter and what to send us"
        ));
        assert!(!is_picture_credit(
            "Image: the first picture of a black hole, explained in ten minutes"
        ));
    }
}

/// A publication stamp: a short line that opens with "Published", "Last updated",
/// "Updated", "Posted" (with "on", "at" or a colon) and holds a date or a time, or nothing else
/// ("Published:" above a date element). It dates the page; it does not tell the text.
pub(crate) fn is_date_stamp(text: &str, shape: &FurnitureCues) -> bool {
    let t = text.trim();
    // Every stamp word starts with one of these letters; most lines do not, and need no more.
    let first = t.bytes().next().unwrap_or(0).to_ascii_lowercase();
    if !matches!(first, b'f' | b'p' | b'l' | b'u' | b'm' | b'v' | b'a') || t.len() > 320 {
        return false;
    }
    if t.chars().count() > 80 {
        return false;
    }
    let head: String = t.chars().take(20).flat_map(char::to_lowercase).collect();
    let Some(word) = STAMP_WORDS.iter().find(|w| head.starts_with(*w)) else {
        return false;
    };
    let rest = head.get(word.len()..).unwrap_or("");
    let joined = rest.starts_with(':')
        || rest.starts_with(" on ")
        || rest.starts_with(" at ")
        || rest.starts_with(" le ")
        || rest.starts_with(" am ")
        || rest.starts_with(" el ")
        || rest.starts_with(" il ");
    let bare = t.chars().count() <= word.chars().count() + 1;
    (joined && (shape.date || shape.time)) || (bare && t.ends_with(':'))
}

#[cfg(test)]
mod stamp_tests {
    use super::{FurnitureCues, is_date_stamp};

    fn stamp(t: &str) -> bool {
        is_date_stamp(t, &FurnitureCues::of(t))
    }

    #[test]
    fn publication_stamps() {
        assert!(stamp("Published: Tuesday, March 4, 2025 08:38 AM"));
        assert!(stamp("Published on Mar 4, 2025 01:38 pm"));
        assert!(stamp("Updated at 1:23 p.m."));
        assert!(stamp("Last Updated on December 30, 2025"));
        assert!(stamp("Published:"));
        // Sentences that open with the same words are text.
        assert!(!stamp(
            "Posted on social media by the analysts, the video shows the port."
        ));
        assert!(!stamp(
            "Published in 1934, the novel was banned within a year."
        ));
        assert!(!stamp("Updated guidance for schools"));
    }
}

/// A reading time: "6 min read", "Reading: 4 minutes", "6 min de lecture", with or
/// without a date before it ("23.07.2025 · 6 min read"). It measures the text; it is not text.
pub(crate) fn is_reading_time(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 200 || !t.bytes().any(|c| c.is_ascii_digit()) || !contains_ascii_ci(t, b"min") {
        return false;
    }
    if t.chars().count() > 50 {
        return false;
    }
    let lower = t.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let is_minutes = |w: &str| MINUTE_WORDS.contains(&w);
    let reading = |k: usize| words.get(k).is_some_and(|w| READING_WORDS.contains(w));
    // A number and a minute word, with the reading word right before the number ("Reading:
    // 4 minutes") or right after the minutes ("6 min read", "6 min de lecture").
    (0..words.len().saturating_sub(1)).any(|k| {
        let number = words
            .get(k)
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
        number
            && words.get(k + 1).is_some_and(|w| is_minutes(w))
            && (k.checked_sub(1).is_some_and(reading)
                || reading(k + 2)
                || (words
                    .get(k + 2)
                    .is_some_and(|w| matches!(*w, "de" | "di" | "of"))
                    && reading(k + 3)))
    })
}

#[cfg(test)]
mod reading_time_tests {
    use super::is_reading_time;

    #[test]
    fn reading_times() {
        assert!(is_reading_time("6 min read"));
        assert!(is_reading_time("23.07.2025 · 6 min read"));
        assert!(is_reading_time("Reading: 4 minutes"));
        // Durations of other things are text.
        assert!(!is_reading_time(
            "Brew time: approx 12-15 minutes for a full pot"
        ));
        assert!(!is_reading_time("Eat 60-90 minutes before your workout"));
        assert!(!is_reading_time("Read for 10 minutes a day"));
        assert!(is_reading_time("6 min de lecture"));
    }
}

/// A notice about the page's machinery rather than its text: "This slideshow requires
/// JavaScript.", "JavaScript is disabled. Please enable it…", or a bare "Loading…"
/// placeholder that a script replaces.
pub(crate) fn is_script_notice(text: &str) -> bool {
    let t = text.trim();
    let java = contains_ascii_ci(t, b"javascript");
    if t.len() > 400 || !(java || contains_ascii_ci(t, b"loading")) {
        return false;
    }
    if t.chars().count() > 200 {
        return false;
    }
    let lower = t.to_lowercase();
    let bare = lower.trim_end_matches(['.', '…', ' ']);
    if bare == "loading" || bare == "loading, please wait" {
        return true;
    }
    lower.contains("javascript") && SCRIPT_NOTICE_WORDS.iter().any(|w| lower.contains(w))
}

#[cfg(test)]
mod notice_tests {
    use super::is_script_notice;

    #[test]
    fn script_notices() {
        assert!(is_script_notice("This slideshow requires JavaScript."));
        assert!(is_script_notice(
            "JavaScript is disabled. For a better experience, please enable JavaScript."
        ));
        assert!(is_script_notice("Loading ..."));
        assert!(is_script_notice("Loading…"));
        assert!(!is_script_notice("JavaScript Programming for Beginners"));
        assert!(!is_script_notice("Loading the van took the whole morning."));
    }
}

/// A time unit as relative ages spell it ("3 d", "2 hrs", "a year"), lower-case.
fn is_age_unit(w: &str) -> bool {
    matches!(
        w,
        "s" | "sec"
            | "secs"
            | "second"
            | "seconds"
            | "m"
            | "min"
            | "mins"
            | "minute"
            | "minutes"
            | "h"
            | "hr"
            | "hrs"
            | "hour"
            | "hours"
            | "d"
            | "day"
            | "days"
            | "w"
            | "wk"
            | "wks"
            | "week"
            | "weeks"
            | "mo"
            | "mos"
            | "month"
            | "months"
            | "y"
            | "yr"
            | "yrs"
            | "year"
            | "years"
    )
}

/// A relative age stamp: "3 days ago", "1 year ago", "10H ago", "Asked 6 years, 9 months ago",
/// "Jane Roe · 2 weeks ago". Forums and feeds print one by every post; it dates the text and
/// is not part of it (no gold text of either dataset has a line ending in "ago"). The line
/// ends with the age, without a full stop (a sentence that ends "two years ago." is prose),
/// and what precedes the age is at most two words, a byline, or a name cut off by a
/// separator; a longer line ("What I learned 10 years ago") is a heading or a sentence.
pub(crate) fn is_relative_age(text: &str, shape: &FurnitureCues) -> bool {
    let t = text.trim();
    if t.len() > 120 || t.chars().count() > 60 {
        return false;
    }
    let Some(head) = t
        .len()
        .checked_sub(3)
        .and_then(|i| t.get(i..))
        .filter(|end| end.eq_ignore_ascii_case("ago"))
        .and_then(|_| t.get(..t.len() - 3))
    else {
        return false;
    };
    // "ago" must be a word of its own ("Chicago" is not an age).
    if head.chars().next_back().is_some_and(char::is_alphanumeric) {
        return false;
    }
    let lower = head.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let n = words.len();
    // The age itself: "<number> <unit>", "a|an <unit>", or a number glued to its unit ("10h").
    let number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let glued = |w: &str| {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && w.get(digits..).is_some_and(is_age_unit)
    };
    let age_start = match (n.checked_sub(2).and_then(|k| words.get(k)), words.last()) {
        (Some(q), Some(u)) if is_age_unit(u) && (number(q) || matches!(*q, "a" | "an")) => n - 2,
        (_, Some(u)) if glued(u) => n - 1,
        _ => return false,
    };
    // "6 years, 9 months ago": an earlier "<number> <unit>," belongs to the age.
    let mut start = age_start;
    while start >= 2
        && words.get(start - 1).is_some_and(|u| is_age_unit(u))
        && words.get(start - 2).is_some_and(|q| number(q))
    {
        start -= 2;
    }
    let before = start;
    before <= 2 || shape.byline || head.contains(['|', '·', '•', '–', '—'])
}

#[cfg(test)]
mod age_tests {
    use super::{FurnitureCues, is_relative_age};

    fn age(t: &str) -> bool {
        is_relative_age(t, &FurnitureCues::of(t))
    }

    #[test]
    fn relative_ages() {
        assert!(age("1 year ago"));
        assert!(age("  3 days ago "));
        assert!(age("10H ago"));
        assert!(age("NEW 14 HRS AGO"));
        assert!(age("Asked 6 years, 9 months ago"));
        assert!(age("Timo Over a year ago"));
        assert!(age("Jane Roe | 2 weeks ago"));
        assert!(age("By Jane Roe 2 days ago"));
        assert!(!age("I moved here two years ago."));
        assert!(!age("What I learned 10 years ago"));
        assert!(!age("Chicago"));
        assert!(!age("Flights to Chicago"));
        assert!(!age("ago"));
        assert!(!age("Long ago"));
        assert!(!age("A long time ago"));
    }
}
