//! Metadata of a plain-text dump: the byline and the date printed around the headline.
//!
//! A dump has no `<meta>` tags or JSON-LD, but converters keep the lines a page prints with its
//! headline: a byline ("By Ana Lima", "Ana Lima (@alima) 2 hours ago Tue 5th March 2024") and a
//! date ("March 19, 2021", "By Agency | Updated: July 22, 2021 10:15 IST"). They are read from
//! the short lines next to the headline: up to [`BEFORE`] blocks above it and [`AFTER`] below,
//! stopping at the first line of prose (over [`LINE`] characters, or a sentence of ten words).
//! The lines below the headline are read first, nearest first; dates above it count only when
//! none is printed below (a site's own date, "Last update: …", sits at the top of the page),
//! and among them the nearest wins. A date labelled as an update ("Updated:", "Aktualisiert", "Mis à jour")
//! is the modified date, and the published date too when it is printed in the byline and no
//! other date is; a line labelled "Today" is the day the page was saved, not a date of the
//! article.

use super::date;
use super::text::collapse;
use super::{byline_names, is_label, is_name};
use crate::features::lexicon::BYLINE_WORDS;
use crate::metadata::PageDate;

/// Blocks above the headline that are read.
const BEFORE: usize = 4;
/// Blocks below the headline that are read.
const AFTER: usize = 3;
/// Lines longer than this are prose, not a byline or a date line.
const LINE: usize = 160;

/// What a dump states about itself around its headline.
#[derive(Debug, Default)]
pub(crate) struct DumpMeta {
    pub authors: Vec<String>,
    pub published: Option<PageDate>,
    pub modified: Option<PageDate>,
}

/// Reads the byline and the dates around the headline (block `title`; without one, around the
/// first kept block, `first_kept`).
pub(crate) fn read_dump(
    texts: &[&str],
    title: Option<usize>,
    first_kept: Option<usize>,
) -> DumpMeta {
    let Some(anchor) = title.or(first_kept) else {
        return DumpMeta::default();
    };
    // Below the headline first, nearest first; then above it, nearest first. Reading stops at
    // the first line of prose on either side.
    let line = |i: usize| texts.get(i).copied().filter(is_short);
    // Without a headline the anchor is itself text: only what is above it is read.
    let below: Vec<&str> = match title {
        Some(_) => (anchor + 1..anchor + 1 + AFTER).map_while(line).collect(),
        None => Vec::new(),
    };
    let above: Vec<&str> = (anchor.saturating_sub(BEFORE)..anchor)
        .rev()
        .map_while(line)
        .collect();
    let mut out = DumpMeta::default();
    // The update date, and whether it is printed in the byline itself.
    let mut update: Option<(PageDate, bool)> = None;
    // Dates above the headline count only when none is printed below it.
    for (side, lines) in [below, above].into_iter().enumerate() {
        let dated_below = out.published.is_some() || update.is_some();
        for line in lines {
            let line = collapse(line);
            let names = byline(&line);
            if side == 0 || !dated_below {
                match date::find_in_line(&line) {
                    _ if labelled(&line, TODAY) => {}
                    Some(d) if line_mentions(&line, UPDATED) => {
                        update = update.or(Some((d, !names.is_empty())));
                    }
                    Some(d) if out.published.is_none() => out.published = Some(d),
                    _ => {}
                }
            }
            if out.authors.is_empty() {
                out.authors = names;
            }
        }
    }
    // An update printed in the byline ("By Agency | Updated: …") is the story's only
    // dateline; one on a line of its own ("Updated August 14, 2025") is a refreshed page's,
    // whose first publication the dump does not print.
    if let Some((d, in_byline)) = update {
        if out.published.is_none() && in_byline {
            out.published = Some(d.clone());
        }
        out.modified = Some(d);
    }
    out
}

fn is_short(t: &&str) -> bool {
    let t = t.trim();
    let sentence = t.ends_with(['.', '!', '?']) && t.split_whitespace().count() >= 10;
    t.len() <= LINE * 4 && t.chars().count() <= LINE && !t.is_empty() && !sentence
}

/// Words that open the line a page prints with the day it was viewed.
const TODAY: &[&str] = &[
    "today",
    "heute",
    "aujourd'hui",
    "hoy",
    "oggi",
    "hoje",
    "vandaag",
];

/// Words that label a date as the last update, in the languages of the month names.
const UPDATED: &[&str] = &[
    "updated",
    "update",
    "modified",
    "aktualisiert",
    "jour",
    "actualizado",
    "actualizada",
    "aggiornato",
    "atualizado",
    "bijgewerkt",
];

/// Whether the line opens with one of `words` (case-insensitive).
fn labelled(line: &str, words: &[&str]) -> bool {
    let lower = line.to_lowercase();
    words.iter().any(|w| {
        lower
            .strip_prefix(w)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    })
}

/// Whether the line holds one of `words` as a word (the lines read are short: a label, not a
/// sentence).
fn line_mentions(line: &str, words: &[&str]) -> bool {
    line.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .any(|w| words.iter().any(|u| w.eq_ignore_ascii_case(u)))
}

/// The authors a byline line names: a line opening with a byline word ("By", "Von", "Par"…)
/// and a capitalised name, or a line that opens with a name of two to four capitalised words
/// followed by a social handle ("Jo Park (@jopark) 3 hours ago"). The name ends where a date,
/// a handle, a bracket, a separator or a label ("on", "Published", "Updated") starts.
fn byline(line: &str) -> Vec<String> {
    let names_part = cut_at_date(line);
    let mut words = line.split_whitespace();
    let opens_by = words.next().is_some_and(|w| {
        let w = w.trim_end_matches(':');
        BYLINE_WORDS.iter().any(|b| w.eq_ignore_ascii_case(b))
    }) && words
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    if opens_by {
        return byline_names(names_part);
    }
    let handle = line
        .get(names_part.len()..)
        .is_some_and(|rest| rest.trim_start().starts_with(['@', '(']) && rest.contains('@'));
    let name = names_part.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = words.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
    });
    if handle && (2..=4).contains(&words.len()) && capitalised && is_name(name) && !is_label(name) {
        vec![name.to_string()]
    } else {
        Vec::new()
    }
}

/// Words after a name in a byline that start what follows it: a date's preposition or a label,
/// in the languages of the month names.
const AFTER_NAME: &[&str] = &[
    "on",
    "at",
    "in",
    "published",
    "updated",
    "posted",
    "last",
    "le",
    "am",
    "el",
    "il",
    "em",
    "op",
    "publié",
    "veröffentlicht",
    "publicado",
    "pubblicato",
    "gepubliceerd",
];

/// Labels that a converter glues to the name before them ("Ana LimaPublished").
const GLUED: &[&str] = &["Published", "Updated", "Posted", "Last"];

/// The part of a byline line before its date, handle, bracket, separator or label.
fn cut_at_date(line: &str) -> &str {
    let mut end = line.len();
    for (n, (i, w)) in word_starts(line).enumerate() {
        let bare = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let stop = w.starts_with(['(', '@', '[', '|', '·', '•', '—', '–'])
            || w == "-"
            || w.chars().next().is_some_and(|c| c.is_ascii_digit())
            || date::is_month_word(&bare)
            || date::is_weekday_word(&bare)
            || (n > 1 && AFTER_NAME.contains(&bare.as_str()));
        if stop && i > 0 {
            end = i;
            break;
        }
        if let Some(at) = GLUED
            .iter()
            .filter_map(|g| w.find(g).filter(|&at| at > 0))
            .min()
        {
            end = i + at;
            break;
        }
    }
    line.get(..end)
        .unwrap_or(line)
        .trim_end_matches([' ', ',', ';', ':'])
}

/// The byte offsets and words of `line`.
fn word_starts(line: &str) -> impl Iterator<Item = (usize, &str)> {
    line.split_whitespace().map(move |w| {
        let offset = w.as_ptr() as usize - line.as_ptr() as usize;
        (offset, w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(lines: &[&str], title: usize) -> DumpMeta {
        read_dump(lines, Some(title), None)
    }

    #[test]
    fn a_byline_with_a_date_under_the_headline() {
        let m = read(
            &[
                "Home | World | Sport",
                "Harbour plan approved",
                "By Ana Lima and Bo Chen | 5 mars 2024",
                "The council met on Tuesday to vote on the new harbour plan, which sets out moorings, a slipway and a boat store for the sailing club, and the vote passed by nine to two.",
            ],
            1,
        );
        assert_eq!(m.authors, ["Ana Lima", "Bo Chen"]);
        assert_eq!(
            m.published.map(|d| d.to_string()).as_deref(),
            Some("2024-03-05")
        );
        assert!(m.modified.is_none());
    }

    #[test]
    fn a_name_then_a_handle_and_an_age() {
        let m = read(
            &[
                "Tide tables revised",
                "Jo Park (@jopark) 3 hours ago Mon 4th March 2024 | 9:00 AM",
            ],
            0,
        );
        assert_eq!(m.authors, ["Jo Park"]);
        assert_eq!(
            m.published.map(|d| d.to_string()).as_deref(),
            Some("2024-03-04")
        );
    }

    #[test]
    fn the_nearest_date_above_and_not_today() {
        let m = read(
            &[
                "Today: 9 June 2025",
                "4 March 2024",
                "2 min read",
                "Tide tables revised",
            ],
            3,
        );
        assert_eq!(
            m.published.map(|d| d.to_string()).as_deref(),
            Some("2024-03-04")
        );
        let m = read(&["Today: 9 June 2025", "Tide tables revised"], 1);
        assert!(m.published.is_none());
    }

    #[test]
    fn below_beats_above_and_updates_are_modified() {
        let m = read(
            &[
                "Last update: 9 June 2025 10:04",
                "Tide tables revised",
                "By Jo Park 4 March 2024",
            ],
            1,
        );
        assert_eq!(m.authors, ["Jo Park"]);
        assert_eq!(
            m.published.map(|d| d.to_string()).as_deref(),
            Some("2024-03-04")
        );
        // The site's own update stamp above the headline is not the article's.
        assert!(m.modified.is_none());
        let m = read(
            &[
                "Tide tables revised",
                "By Agency | Updated: July 22, 2021 10:15 IST",
            ],
            0,
        );
        assert_eq!(m.authors, ["Agency"]);
        assert_eq!(
            m.published.map(|d| d.to_string()).as_deref(),
            Some("2021-07-22")
        );
        assert_eq!(
            m.modified.map(|d| d.to_string()).as_deref(),
            Some("2021-07-22")
        );
    }

    #[test]
    fn prose_stops_the_reading_and_plain_lines_name_nobody() {
        let m = read(
            &[
                "Tide tables revised",
                "The harbour master said on Monday, 4 March 2024, that the tables printed in the almanac were wrong by up to twenty minutes for the whole of the spring.",
                "By Jo Park 4 March 2024",
            ],
            0,
        );
        assert!(m.authors.is_empty() && m.published.is_none());
        let m = read(&["Tide tables revised", "Updated 9 June 2025"], 0);
        assert!(m.published.is_none());
        assert_eq!(
            m.modified.map(|d| d.to_string()).as_deref(),
            Some("2025-06-09")
        );
        for line in [
            "Breaking News 4 March 2024",
            "Last Updated: 4 March 2024",
            "Key Takeaways",
        ] {
            assert!(
                read(&["Tide tables revised", line], 0).authors.is_empty(),
                "{line}"
            );
        }
    }

    #[test]
    fn a_byline_ends_before_its_label() {
        for line in [
            "By Jo Park on 4 March 2024",
            "By Jo ParkPublished 4 March 2024",
            "By Jo Park Last Updated: 4 March 2024",
            "By Jo Park in Weather",
        ] {
            assert_eq!(
                read(&["Tide tables revised", line], 0).authors,
                ["Jo Park"],
                "{line}"
            );
        }
    }
}
