//! Dates to ISO 8601 and typed [`PageDate`]s.
//!
//! Pages write dates in every form: ISO 8601 with or without a time and zone, `2024/03/05`,
//! `March 5, 2024`, `5 Mar 2024`, `5 mars 2024`, `5. März 2024`, RFC 2822
//! (`Tue, 05 Mar 2024 08:00:00 GMT`). An ISO value keeps its time and zone as given (a space
//! before the time becomes `T`, `+0100` becomes `+01:00`); any other form gives the date alone,
//! `YYYY-MM-DD`. A value that cannot be read unambiguously (`03/05/2024` could be March or May)
//! gives nothing: no date beats a wrong one. No time zone database is needed, since nothing is
//! converted between zones.
//!
//! Month names are read in the languages whose names [`crate::features::furniture_cues`] knows for dates in
//! furniture lines: English, French, German, Spanish, Italian, Portuguese and Dutch.

use jiff::civil;
use jiff::tz::Offset;

use crate::metadata::PageDate;

/// Normalises a date or timestamp to a [`PageDate`], or `None` if it cannot be read.
pub(crate) fn normalize(raw: &str) -> Option<PageDate> {
    typed(normalize_iso(raw)?)
}

/// Normalises a date or timestamp to ISO 8601, or `None` if it cannot be read.
fn normalize_iso(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 80 {
        return None;
    }
    iso(s).or_else(|| numeric(s)).or_else(|| textual(s))
}

/// The first date written anywhere in a short line of text ("By Ana Lima | March 5, 2024",
/// "Jo Park (@jopark) 3 hours ago Tue 5th March 2024 | 9:00 AM"): the words around the first
/// month name, or else the first word that is an ISO or unambiguous numeric date.
pub(crate) fn find_in_line(line: &str) -> Option<PageDate> {
    let words: Vec<&str> = line.split_whitespace().take(40).collect();
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    for (i, w) in words.iter().enumerate() {
        if month_of(&bare(w)).is_some() {
            let window = words
                .get(i.saturating_sub(3)..(i + 4).min(words.len()))?
                .join(" ");
            if let Some(d) = textual(&window) {
                return typed(d);
            }
        }
    }
    words.iter().find_map(|w| {
        let w = w.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        if !w.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        typed(iso(w).or_else(|| numeric(w))?)
    })
}

/// Whether a lowercase word is a month name or abbreviation of the known languages.
pub(crate) fn is_month_word(word: &str) -> bool {
    lookup(MONTH_NAMES, word).is_some()
}

/// Weekday names and abbreviations in the languages of the month names, lowercase.
const WEEKDAYS: &[&str] = &[
    "mon",
    "monday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "segunda",
    "terça",
    "quarta",
    "quinta",
    "sexta",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];

/// Whether a lowercase word is a weekday name or abbreviation of the known languages.
pub(crate) fn is_weekday_word(word: &str) -> bool {
    WEEKDAYS.contains(&word)
}

/// Reads back the ISO 8601 string this module writes (`YYYY-MM-DD`, then optionally
/// `THH:MM[:SS[.fff…]]` and `Z` or `±HH:MM`) into its typed parts.
fn typed(iso: String) -> Option<PageDate> {
    let b = iso.as_bytes();
    let (y, m, d) = (
        digits(b, 4)?,
        digits(b.get(5..)?, 2)?,
        digits(b.get(8..)?, 2)?,
    );
    let date = civil::Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()?;
    let mut time = None;
    let mut offset = None;
    if let Some(t) = b.get(11..).filter(|_| b.get(10) == Some(&b'T')) {
        let (h, mi) = (digits(t, 2)?, digits(t.get(3..)?, 2)?);
        let mut i = 5;
        let mut sec = 0;
        let mut nanos = 0u32;
        if t.get(5) == Some(&b':') {
            // A leap second (`:60`) is read as the last second of its minute.
            sec = digits(t.get(6..)?, 2)?.min(59);
            i = 8;
            if t.get(8) == Some(&b'.') {
                let frac: Vec<u8> = t
                    .get(9..)
                    .unwrap_or_default()
                    .iter()
                    .copied()
                    .take_while(u8::is_ascii_digit)
                    .collect();
                i = 9 + frac.len();
                // Nanoseconds: the first nine digits, padded.
                nanos = frac
                    .iter()
                    .chain(std::iter::repeat(&b'0'))
                    .take(9)
                    .fold(0u32, |acc, c| acc * 10 + u32::from(c - b'0'));
            }
        }
        time = Some(civil::Time::new(h as i8, mi as i8, sec as i8, nanos as i32).ok()?);
        let zone = t.get(i..).unwrap_or_default();
        offset = match zone.first() {
            Some(b'Z') => Some(Offset::UTC),
            Some(sign @ (b'+' | b'-')) => {
                let secs = (digits(zone.get(1..)?, 2)? * 60 + digits(zone.get(4..)?, 2)?) * 60;
                let secs = i32::try_from(secs).ok()?;
                Offset::from_seconds(if *sign == b'-' { -secs } else { secs }).ok()
            }
            _ => None,
        };
    }
    Some(PageDate {
        date,
        time,
        offset,
        iso,
    })
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400)) => 29,
        2 => 28,
        _ => return false,
    };
    (1000..=2999).contains(&y) && (1..=days).contains(&d)
}

fn date(y: u32, m: u32, d: u32) -> Option<String> {
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Reads exactly `n` ASCII digits at the start of `s`.
fn digits(s: &[u8], n: usize) -> Option<u32> {
    let part = s.get(..n)?;
    if !part.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(part.iter().fold(0, |acc, b| acc * 10 + u32::from(b - b'0')))
}

/// `YYYY-MM-DD`, optionally followed by `T` or a space and `HH:MM[:SS[.fff]]` and a zone.
fn iso(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let (y, m, d) = (
        digits(b, 4)?,
        digits(b.get(5..)?, 2)?,
        digits(b.get(8..)?, 2)?,
    );
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let day = date(y, m, d)?;
    let rest = b.get(10..).unwrap_or_default();
    if !matches!(rest.first(), Some(b'T' | b't' | b' ')) {
        // A date alone, or followed by something that is not a time.
        return Some(day);
    }
    let t = rest.get(1..).unwrap_or_default();
    let (h, mi) = (digits(t, 2), t.get(3..).and_then(|t| digits(t, 2)));
    let (Some(h), Some(mi)) = (h, mi) else {
        return Some(day);
    };
    if t.get(2) != Some(&b':') || h > 23 || mi > 59 {
        return Some(day);
    }
    let mut out = format!("{day}T{h:02}:{mi:02}");
    let mut i = 5;
    if t.get(5) == Some(&b':') {
        match t.get(6..).and_then(|t| digits(t, 2)) {
            Some(sec) if sec <= 60 => {
                out.push_str(&format!(":{sec:02}"));
                i = 8;
                if t.get(8) == Some(&b'.') {
                    let digits = t.get(9..).unwrap_or_default();
                    let frac = digits.iter().take_while(|c| c.is_ascii_digit()).count();
                    if frac > 0 {
                        out.push('.');
                        out.push_str(std::str::from_utf8(digits.get(..frac)?).ok()?);
                        i = 9 + frac;
                    }
                }
            }
            _ => return Some(out),
        }
    }
    let zone = t.get(i..).unwrap_or_default();
    match zone.first() {
        Some(b'Z' | b'z') => out.push('Z'),
        Some(sign @ (b'+' | b'-')) => {
            let z = zone.get(1..).unwrap_or_default();
            let zh = digits(z, 2);
            let zm = if z.get(2) == Some(&b':') {
                z.get(3..).and_then(|z| digits(z, 2))
            } else {
                digits(z.get(2..).unwrap_or_default(), 2)
            };
            if let (Some(zh), Some(zm)) = (zh, zm)
                && zh <= 14
                && zm <= 59
            {
                out.push(char::from(*sign));
                out.push_str(&format!("{zh:02}:{zm:02}"));
            }
        }
        _ => {}
    }
    Some(out)
}

/// `YYYY/MM/DD`, `YYYY.MM.DD`, `YYYYMMDD`, and `DD/MM/YYYY` or `MM/DD/YYYY` when only one
/// reading is a valid date.
fn numeric(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() >= 8 && digits(b, 8).is_some() && b.get(8).is_none_or(|c| !c.is_ascii_digit()) {
        return date(
            digits(b, 4)?,
            digits(b.get(4..)?, 2)?,
            digits(b.get(6..)?, 2)?,
        );
    }
    let head = s.split(|c: char| c.is_whitespace() || c == 'T').next()?;
    let parts: Vec<&str> = head.split(['/', '.', '-']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let num = |p: &str| {
        let ok = !p.is_empty() && p.len() <= 4 && p.bytes().all(|c| c.is_ascii_digit());
        if ok { p.parse::<u32>().ok() } else { None }
    };
    let (a, b, c) = (num(a)?, num(b)?, num(c)?);
    if a >= 1000 {
        return date(a, b, c);
    }
    if c < 1000 {
        return None;
    }
    match (valid(c, b, a), valid(c, a, b)) {
        (true, false) => date(c, b, a),
        (false, true) => date(c, a, b),
        // Both readings valid: only a date with equal day and month is unambiguous.
        (true, true) if a == b => date(c, a, b),
        _ => None,
    }
}

/// `March 5, 2024`, `5 March 2024`, `Tue, 05 Mar 2024 08:00:00 GMT`, `Mar. 5th 2024`,
/// `5 mars 2024`, `1er mars 2024`, `5. März 2024`, `5 de marzo de 2024`, `1º de maio de 2024`.
///
/// The day is the number next to the month name (before it, or after it; `de`, `of` and the
/// like may stand between), so `2 days ago, 5 March 2024` is the 5th; the year is the first
/// four-digit number.
fn textual(s: &str) -> Option<String> {
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '/' | '-'))
        .filter(|w| !w.is_empty())
        .take(12)
        .map(str::to_lowercase)
        .collect();
    let strong = words.iter().position(|w| month_of(w).is_some());
    let (at, month) = match strong {
        Some(i) => (i, month_of(words.get(i)?)?),
        None => {
            let i = words
                .iter()
                .position(|w| lookup(AMBIGUOUS_MONTHS, w).is_some())?;
            (i, lookup(AMBIGUOUS_MONTHS, words.get(i)?)?)
        }
    };
    let year = words
        .iter()
        .find_map(|w| number(w).filter(|(n, len)| *len == 4 && *n >= 1000))
        .map(|(n, _)| n)?;
    let day_at = |i: usize| {
        words
            .get(i)
            .and_then(|w| number(w))
            .filter(|(_, len)| *len <= 2)
            .map(|(n, _)| n)
    };
    let linked = |i: usize| {
        words
            .get(i)
            .is_some_and(|w| matches!(w.as_str(), "de" | "of" | "the" | "del"))
    };
    let day = at
        .checked_sub(1)
        .and_then(day_at)
        .or_else(|| day_at(at + 1))
        .or_else(|| {
            at.checked_sub(2)
                .filter(|&i| linked(i + 1))
                .and_then(day_at)
        })
        .or_else(|| day_at(at + 2).filter(|_| linked(at + 1)))?;
    date(year, month, day)
}

/// A number with an optional ordinal suffix (`5`, `5th`, `1er`, `1º`), and its digit count.
fn number(w: &str) -> Option<(u32, usize)> {
    let num = w.trim_end_matches(|c: char| c.is_alphabetic() || c == 'º' || c == '°');
    let suffix = w.get(num.len()..)?;
    if num.is_empty() || num.len() > 4 || !num.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if !matches!(
        suffix,
        "" | "st" | "nd" | "rd" | "th" | "er" | "º" | "°" | "o"
    ) {
        return None;
    }
    Some((num.parse().ok()?, num.len()))
}

/// Month names in the languages of [`crate::features::furniture_cues`]'s month list, lowercase, with their
/// number: full names, and the abbreviations the languages write (`janv`, `févr`, `mrt`,
/// `okt`, `dez`). A word is a month when it is one of these, with or without a full stop.
const MONTH_NAMES: &[(&str, u32)] = &[
    // English.
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // French.
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("janv", 1),
    ("févr", 2),
    ("fevr", 2),
    ("avr", 4),
    ("juil", 7),
    ("déc", 12),
    // German.
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("jän", 1),
    ("mär", 3),
    ("okt", 10),
    ("dez", 12),
    // Spanish.
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("ene", 1),
    ("abr", 4),
    ("dic", 12),
    // Italian.
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    ("gen", 1),
    ("giu", 6),
    ("lug", 7),
    ("ott", 10),
    // Portuguese.
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("dezembro", 12),
    ("fev", 2),
    // Dutch.
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    ("mrt", 3),
];

/// Abbreviations that are also everyday words ("ago", "set", "out", "mag"): read as a month
/// only when no other month name is in the text, so `2 days ago, 5 March 2024` is March.
const AMBIGUOUS_MONTHS: &[(&str, u32)] = &[("ago", 8), ("set", 9), ("out", 10), ("mag", 5)];

/// English full names, of which any prefix of three letters or more is read (`Sept`, `Febr`).
const ENGLISH: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_of(word: &str) -> Option<u32> {
    lookup(MONTH_NAMES, word).or_else(|| {
        // "marchand" is not March: the word must be a prefix of the month's name.
        let w = word.trim_end_matches('.');
        if w.len() < 3 {
            return None;
        }
        ENGLISH
            .iter()
            .position(|m| m.starts_with(w))
            .map(|i| i as u32 + 1)
    })
}

fn lookup(table: &[(&str, u32)], word: &str) -> Option<u32> {
    if word.chars().count() < 3 || word.len() > 12 {
        return None;
    }
    let word = word.trim_end_matches('.');
    table.iter().find(|(n, _)| *n == word).map(|(_, m)| *m)
}

#[cfg(test)]
mod tests {
    use super::normalize;

    fn n(s: &str) -> Option<String> {
        normalize(s).map(|d| d.as_str().to_string())
    }

    #[test]
    fn iso_keeps_time_and_zone() {
        assert_eq!(n("2024-03-05").as_deref(), Some("2024-03-05"));
        assert_eq!(
            n("2024-03-05T08:00:00Z").as_deref(),
            Some("2024-03-05T08:00:00Z")
        );
        assert_eq!(n(" 2024-03-05 08:00 ").as_deref(), Some("2024-03-05T08:00"));
        assert_eq!(
            n("2024-03-05T08:00:00.123+0100").as_deref(),
            Some("2024-03-05T08:00:00.123+01:00")
        );
        assert_eq!(
            n("2024-03-05T08:00:00-05:00").as_deref(),
            Some("2024-03-05T08:00:00-05:00")
        );
        assert_eq!(n("2024-03-05Tnonsense").as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn other_forms_give_the_day() {
        assert_eq!(n("2024/03/05").as_deref(), Some("2024-03-05"));
        assert_eq!(n("20240305").as_deref(), Some("2024-03-05"));
        assert_eq!(n("March 5, 2024").as_deref(), Some("2024-03-05"));
        assert_eq!(n("5th Mar. 2024").as_deref(), Some("2024-03-05"));
        assert_eq!(
            n("Tue, 05 Mar 2024 08:00:00 GMT").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(n("Published: Sept 30 2023").as_deref(), Some("2023-09-30"));
        assert_eq!(n("25/12/2023").as_deref(), Some("2023-12-25"));
        assert_eq!(n("12/25/2023").as_deref(), Some("2023-12-25"));
    }

    #[test]
    fn month_names_in_the_known_languages() {
        for (text, want) in [
            ("5 mars 2024", "2024-03-05"),
            ("1er mars 2024", "2024-03-01"),
            ("5 févr. 2024", "2024-02-05"),
            ("5. März 2024", "2024-03-05"),
            ("5. Dez. 2023", "2023-12-05"),
            ("5 de marzo de 2024", "2024-03-05"),
            ("martes, 5 de noviembre de 2024", "2024-11-05"),
            ("5 dicembre 2023", "2023-12-05"),
            ("1º de maio de 2024", "2024-05-01"),
            ("5 outubro 2024", "2024-10-05"),
            ("5 maart 2024", "2024-03-05"),
            ("5 mrt 2024", "2024-03-05"),
            ("Tue 30th March 2021", "2021-03-30"),
        ] {
            assert_eq!(n(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn everyday_words_give_way_to_month_names() {
        assert_eq!(n("2 days ago, 5 March 2024").as_deref(), Some("2024-03-05"));
        // Alone, the abbreviation is the month (Portuguese "out", October).
        assert_eq!(n("5 out 2024").as_deref(), Some("2024-10-05"));
    }

    #[test]
    fn every_month_word_of_the_shape_list_is_read() {
        // The furniture check and the date reader know the same languages.
        for w in crate::features::furniture_cues::month_words() {
            assert!(
                super::month_of(w).is_some(),
                "{w} is a month name the date reader does not read"
            );
        }
    }

    #[test]
    fn typed_parts_follow_the_iso_string() {
        use jiff::civil::{date, time};
        let d = normalize("2024-03-05T08:00:00.5-05:30").unwrap();
        assert_eq!(d.date(), date(2024, 3, 5));
        assert_eq!(d.time(), Some(time(8, 0, 0, 500_000_000)));
        assert_eq!(d.offset().map(|o| o.seconds()), Some(-(5 * 3600 + 30 * 60)));
        let d = normalize("2024-03-05T23:59:60Z").unwrap();
        assert_eq!(d.time(), Some(time(23, 59, 59, 0)));
        assert_eq!(d.offset().map(|o| o.seconds()), Some(0));
        let d = normalize("March 5, 2024").unwrap();
        assert_eq!(
            (d.date(), d.time(), d.offset()),
            (date(2024, 3, 5), None, None)
        );
    }

    #[test]
    fn dates_found_in_lines() {
        let f = |s: &str| super::find_in_line(s).map(|d| d.as_str().to_string());
        assert_eq!(
            f("Fahad Khan (@fkhan) 2 minutes ago Tue 30th March 2021 | 11:00 AM").as_deref(),
            Some("2021-03-30")
        );
        assert_eq!(
            f("By Agency | Updated: July 22, 2021 10:15 IST").as_deref(),
            Some("2021-07-22")
        );
        assert_eq!(
            f("Posted 2024-03-05T08:00 by Jo").as_deref(),
            Some("2024-03-05T08:00")
        );
        assert_eq!(f("Posted on 25/12/2023").as_deref(), Some("2023-12-25"));
        assert_eq!(f("Posted on 03/05/2024"), None);
        assert_eq!(f("1 min read"), None);
        assert_eq!(f("A 1.8-litre engine"), None);
    }

    #[test]
    fn unreadable_or_ambiguous_gives_nothing() {
        assert_eq!(n("03/05/2024"), None);
        assert_eq!(n("2024-02-30"), None);
        assert_eq!(n("yesterday"), None);
        assert_eq!(n("Marchand 5 2024"), None);
        assert_eq!(n(""), None);
        assert_eq!(n("9999999999999"), None);
    }
}
