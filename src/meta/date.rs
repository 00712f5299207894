//! Dates to ISO 8601.
//!
//! Pages write dates in every form: ISO 8601 with or without a time and zone, `2024/03/05`,
//! `March 5, 2024`, `5 Mar 2024`, RFC 2822 (`Tue, 05 Mar 2024 08:00:00 GMT`). An ISO value
//! keeps its time and zone as given (a space before the time becomes `T`, `+0100` becomes
//! `+01:00`); any other form gives the date alone, `YYYY-MM-DD`. A value that cannot be read
//! unambiguously (`03/05/2024` could be March or May) gives nothing: no date beats a wrong one.
//! No time zone database is needed, since nothing is converted between zones.

/// English month names and their common abbreviations, matched on the first three letters.
const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Normalises a date or timestamp to ISO 8601, or `None` if it cannot be read.
pub(crate) fn normalize(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 80 {
        return None;
    }
    iso(s).or_else(|| numeric(s)).or_else(|| textual(s))
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

/// `March 5, 2024`, `5 March 2024`, `Tue, 05 Mar 2024 08:00:00 GMT`, `Mar. 5th 2024`.
fn textual(s: &str) -> Option<String> {
    let (mut year, mut month, mut day) = (None, None, None);
    let words = s
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '/' | '-'))
        .filter(|w| !w.is_empty());
    for w in words.take(8) {
        let lower = w.to_ascii_lowercase();
        if let Some(m) = month_of(&lower) {
            if month.is_none() {
                month = Some(m);
            }
            continue;
        }
        let num = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &lower[num.len()..];
        if num.is_empty() || !num.bytes().all(|c| c.is_ascii_digit()) {
            continue;
        }
        if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
            continue;
        }
        match (num.len(), num.parse::<u32>()) {
            (4, Ok(y)) if year.is_none() => year = Some(y),
            (1 | 2, Ok(d)) if day.is_none() => day = Some(d),
            _ => {}
        }
        if year.is_some() && month.is_some() && day.is_some() {
            break;
        }
    }
    date(year?, month?, day?)
}

fn month_of(word: &str) -> Option<u32> {
    if word.len() < 3 || !word.is_ascii() {
        return None;
    }
    let i = MONTHS.iter().position(|m| word.starts_with(m))?;
    // "marchand" is not March: the word must be the month's name or a prefix of it.
    const FULL: [&str; 12] = [
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
    let full = FULL.get(i)?;
    (full.starts_with(word) || word == "sept").then_some(i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::normalize;

    fn n(s: &str) -> Option<String> {
        normalize(s)
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
    fn unreadable_or_ambiguous_gives_nothing() {
        assert_eq!(n("03/05/2024"), None);
        assert_eq!(n("2024-02-30"), None);
        assert_eq!(n("yesterday"), None);
        assert_eq!(n("Marchand 5 2024"), None);
        assert_eq!(n(""), None);
        assert_eq!(n("9999999999999"), None);
    }
}
