//! Control characters never reach the output.
//!
//! Broken pages carry NUL bytes, stray escape codes, form feeds and C1 controls (Windows-1252
//! text read as Latin-1, binary pasted into a page). html5ever drops most NULs in body text but
//! passes every other control through, and a plain-text dump passes them all. Tab and line feed
//! are kept (they are layout); controls that are white space (CR, VT, FF, NEL) become a space so
//! that they still separate words; all the others (C0, DEL, C1) are removed.

use std::borrow::Cow;

/// What happens to one character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fate {
    Keep,
    Space,
    Drop,
}

fn fate(c: char) -> Fate {
    match c {
        '\n' | '\t' => Fate::Keep,
        '\r' | '\u{b}' | '\u{c}' | '\u{85}' => Fate::Space,
        c if c.is_control() => Fate::Drop,
        _ => Fate::Keep,
    }
}

/// Whether a UTF-8 string holds a control other than tab and line feed: a C0 byte, DEL, or a
/// C1 control (0xC2 followed by 0x80–0x9F; 0xC2 alone also leads the common no-break space).
fn may_hold_controls(s: &str) -> bool {
    let b = s.as_bytes();
    // A loose test the compiler vectorises, then the exact one on the rare hits.
    // (Whole chunks without early exit: `any` alone is not vectorised.)
    let loose = b.chunks(64).any(|chunk| {
        chunk.iter().fold(false, |hit, &c| {
            hit | ((c < 0x20) & (c != b'\n') & (c != b'\t')) | (c == 0x7f) | (c == 0xc2)
        })
    });
    loose
        && b.iter().enumerate().any(|(i, &c)| {
            (c < 0x20 && c != b'\n' && c != b'\t')
                || c == 0x7f
                || (c == 0xc2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
        })
}

/// `s` with controls removed (or made spaces, for the white-space ones). Borrows when there is
/// nothing to change, which is nearly always.
pub(crate) fn strip(s: &str) -> Cow<'_, str> {
    if !may_hold_controls(s) || s.chars().all(|c| fate(c) == Fate::Keep) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match fate(c) {
            Fate::Keep => out.push(c),
            Fate::Space => out.push(' '),
            Fate::Drop => {}
        }
    }
    Cow::Owned(out)
}

/// Like [`strip`], but keeps carriage returns, for text whose lines are split afterwards
/// (`str::lines` takes `\r\n` as a line end).
pub(crate) fn strip_keep_cr(s: &str) -> Cow<'_, str> {
    if !may_hold_controls(s) || s.chars().all(|c| c == '\r' || fate(c) == Fate::Keep) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match fate(c) {
            _ if c == '\r' => out.push(c),
            Fate::Keep => out.push(c),
            Fate::Space => out.push(' '),
            Fate::Drop => {}
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_go_layout_stays() {
        assert!(matches!(strip("plain text\n\tand é ü"), Cow::Borrowed(_)));
        assert_eq!(strip("a\0b\u{1}c\u{1b}[0m\u{7f}d"), "abc[0md");
        assert_eq!(strip("a\u{c}b\u{b}c\rd\u{85}e"), "a b c d e");
        assert_eq!(strip("x\u{80}\u{9f}y\u{a0}z"), "xy\u{a0}z");
        assert_eq!(strip_keep_cr("a\r\nb\0c"), "a\r\nbc");
    }
}
