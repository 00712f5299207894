//! Bytes to text, choosing the encoding as a browser does (the WHATWG HTML standard's encoding
//! sniffing), in this order:
//!
//! 1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE) wins over everything;
//! 2. the caller's charset hint: the `charset` of the HTTP `Content-Type` header, given as a bare
//!    label (`"iso-8859-1"`) or as the whole header value (`"text/html; charset=iso-8859-1"`);
//! 3. a `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the
//!    first 1024 bytes, found by the standard's prescan (which skips comments and other tags
//!    and does not need the page to be well-formed);
//! 4. a guess from the bytes themselves: UTF-16 without a BOM when the first kilobyte is plain
//!    ASCII interleaved with zero bytes (as Firefox sniffs it); UTF-8 when the bytes are UTF-8,
//!    even with a few broken sequences (a truncated download); otherwise chardetng's statistical
//!    guess among the legacy encodings;
//! 5. windows-1252 when there is nothing to go on (pure ASCII, where every choice reads alike).
//!
//! Labels are those of the WHATWG Encoding standard (`latin1` and `ascii` mean windows-1252, as
//! in browsers). A malformed sequence becomes U+FFFD, except in UTF-8 that was guessed (not
//! declared): there a lone stray byte is read as windows-1252, since a quote or a letter pasted
//! from a windows-1252 document into a UTF-8 page is how such bytes usually get there.
//!
//! Bytes that are not text at all (an image or an archive served as `text/html`, random
//! bytes, a file of NULs) are recognised before decoding ([`not_text`]).

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

/// How many bytes the `<meta>` prescan and the BOM-less UTF-16 sniff look at, as in browsers.
const PRESCAN_BYTES: usize = 1024;

/// How many bytes from the first non-ASCII one chardetng sees.
const GUESS_BYTES: usize = 256 << 10;

/// Which step of the order chose the encoding (for tests and diagnostics).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    Bom,
    Hint,
    Meta,
    Guess,
    Default,
}

/// Decodes `bytes` to text. Returns the text (borrowed when the bytes are already valid UTF-8
/// and need no change), the encoding used, and which step chose it; or, for bytes that are not
/// text, what they are (see [`not_text`]).
pub(crate) fn decode_text<'a>(
    bytes: &'a [u8],
    hint: Option<&str>,
) -> Result<(Cow<'a, str>, &'static Encoding, Source), &'static str> {
    if let Some(what) = magic(bytes) {
        return Err(what);
    }
    let (encoding, source, body) = choose(bytes, hint);
    if controls_in_head(encoding, body) {
        return Err(CONTROLS);
    }
    let text = if encoding == UTF_8 && source == Source::Guess {
        decode_utf8_repairing(body)
    } else {
        encoding.decode_without_bom_handling(body).0
    };
    Ok((text, encoding, source))
}

/// [`decode_text`] for the tests of the encoding choice: binary input decoded all the same.
#[cfg(test)]
pub(crate) fn decode<'a>(
    bytes: &'a [u8],
    hint: Option<&str>,
) -> (Cow<'a, str>, &'static Encoding, Source) {
    let (encoding, source, body) = choose(bytes, hint);
    let text = if encoding == UTF_8 && source == Source::Guess {
        decode_utf8_repairing(body)
    } else {
        encoding.decode_without_bom_handling(body).0
    };
    (text, encoding, source)
}

/// UTF-8 in which a lone stray byte (an invalid sequence of one byte) is read as windows-1252
/// (`\x92` as `’`, `\xE9` as `é`), and longer broken sequences (a character cut off) become
/// U+FFFD. The five bytes windows-1252 leaves undefined become U+FFFD too.
fn decode_utf8_repairing(bytes: &[u8]) -> Cow<'_, str> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(bytes.len() + 16);
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        match chunk.invalid() {
            [] => {}
            &[b] => {
                let byte = [b];
                let (c, _) = WINDOWS_1252.decode_without_bom_handling(&byte);
                let c = c.chars().next().filter(|c| !c.is_control());
                out.push(c.unwrap_or('\u{FFFD}'));
            }
            _ => out.push('\u{FFFD}'),
        }
    }
    Cow::Owned(out)
}

/// What [`not_text`] calls bytes with many control characters.
const CONTROLS: &str = "bytes with many control characters (NUL and the like)";

/// How many bytes from the start of the text [`controls_in_head`] reads, as browsers sniff a
/// resource's first bytes to tell text from binary.
const SNIFF_BYTES: usize = 4096;

/// What the bytes are when they are not text: an image, an archive, a PDF (known by their
/// first bytes), or bytes whose head holds many of the control characters that never occur in
/// text (the WHATWG MIME sniffing standard's "binary data bytes": C0 controls but tab, line
/// feed, form feed, carriage return and escape). `None` for text.
#[cfg(test)]
pub(crate) fn not_text(bytes: &[u8], hint: Option<&str>) -> Option<&'static str> {
    decode_text(bytes, hint).err()
}

/// Known file signatures that text never starts with. Each holds a byte no text starts with
/// (but `%PDF-`, which only a PDF starts with followed by a version).
fn magic(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"II*\0", "a TIFF image"),
        (b"MM\0*", "a TIFF image"),
        (b"\0\0\x01\0", "an icon"),
        (b"\x1F\x8B", "gzip-compressed data"),
        (b"\xFD7zXZ\0", "xz-compressed data"),
        (b"\x28\xB5\x2F\xFD", "zstd-compressed data"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"PK\x05\x06", "a ZIP archive"),
        (b"Rar!\x1A\x07", "a RAR archive"),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an Office document"),
        (b"\x7FELF", "an executable"),
        (b"\0asm", "WebAssembly"),
        (b"\x1A\x45\xDF\xA3", "a video"),
        (b"wOFF\0", "a web font"),
        (b"wOF2\0", "a web font"),
    ];
    if let Some((_, what)) = SIGNATURES.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(what);
    }
    // `RIFF` then a size, then the format.
    if bytes.starts_with(b"RIFF") {
        match bytes.get(8..12) {
            Some(b"WEBP") => return Some("a WebP image"),
            Some(b"WAVE") => return Some("audio"),
            Some(b"AVI ") => return Some("a video"),
            _ => {}
        }
    }
    // MP4 and its kin: a box size, then `ftyp`.
    if bytes.get(4..8) == Some(b"ftyp") && bytes.first() == Some(&0) {
        return Some("a video");
    }
    let pdf = bytes.strip_prefix(b"%PDF-");
    if pdf.is_some_and(|v| v.first().is_some_and(u8::is_ascii_digit)) {
        return Some("a PDF document");
    }
    None
}

/// Whether the text's first [`SNIFF_BYTES`] hold many binary control characters: at least 8,
/// and at least one in 50 characters. Text has none (a page may carry a stray NUL or two);
/// compressed or random bytes have one in ten; a file of NULs has nothing else. Read after
/// decoding, so that UTF-16's zero bytes do not count.
fn controls_in_head(encoding: &'static Encoding, body: &[u8]) -> bool {
    let head = body.get(..SNIFF_BYTES).unwrap_or(body);
    let (text, _) = encoding.decode_without_bom_handling(head);
    let (mut chars, mut controls) = (0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        if matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{e}'..='\u{1a}' | '\u{1c}'..='\u{1f}') {
            controls += 1;
        }
    }
    controls >= 8 && controls * 50 >= chars
}

/// Chooses the encoding; returns it, the step that chose it, and the bytes to decode (without
/// the BOM, when there was one).
fn choose<'a>(bytes: &'a [u8], hint: Option<&str>) -> (&'static Encoding, Source, &'a [u8]) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return (
            encoding,
            Source::Bom,
            bytes.get(bom_len..).unwrap_or_default(),
        );
    }
    if let Some(encoding) = hint.and_then(hint_encoding) {
        return (encoding, Source::Hint, bytes);
    }
    let head = bytes.get(..PRESCAN_BYTES).unwrap_or(bytes);
    if let Some(encoding) = prescan(head) {
        return (encoding, Source::Meta, bytes);
    }
    if let Some(encoding) = guess(bytes) {
        return (encoding, Source::Guess, bytes);
    }
    (WINDOWS_1252, Source::Default, bytes)
}

/// The encoding a caller's hint names: a label, or a `Content-Type` value holding
/// `charset=label`. An unknown label is ignored, as browsers ignore it.
fn hint_encoding(hint: &str) -> Option<&'static Encoding> {
    let bytes = hint.as_bytes();
    let label = match find_ascii_ci(bytes, b"charset", 0) {
        Some(at) => charset_after(bytes, at + b"charset".len()).unwrap_or_default(),
        None => bytes,
    };
    Encoding::for_label(label)
}

/// Step 4: UTF-16 without a BOM, UTF-8, or chardetng's guess. `None` for pure ASCII.
fn guess(bytes: &[u8]) -> Option<&'static Encoding> {
    if let Some(encoding) = utf16_basic_latin(bytes.get(..PRESCAN_BYTES).unwrap_or(bytes)) {
        return Some(encoding);
    }
    let ascii = Encoding::ascii_valid_up_to(bytes);
    if ascii == bytes.len() {
        return None;
    }
    if mostly_utf8(bytes.get(ascii..).unwrap_or_default()) {
        return Some(UTF_8);
    }
    // A quarter of a megabyte of text from the first non-ASCII byte on is plenty for the
    // statistics; feeding a whole 20 MB page took as long as extracting it.
    let end = ascii.saturating_add(GUESS_BYTES).min(bytes.len());
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Allow);
    detector.feed(bytes.get(..end).unwrap_or(bytes), end == bytes.len());
    Some(detector.guess(None, Utf8Detection::Allow))
}

/// UTF-16 text of Basic Latin characters only, without a BOM: every other byte is zero. Two
/// characters at least, so that a stray NUL does not decide.
fn utf16_basic_latin(head: &[u8]) -> Option<&'static Encoding> {
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut le, mut be) = (true, true);
    for pair in head.chunks_exact(2) {
        let (a, b) = match pair {
            [a, b] => (*a, *b),
            _ => return None,
        };
        le &= a != 0 && b == 0 && a < 0x80;
        be &= a == 0 && b != 0 && b < 0x80;
        if !le && !be {
            return None;
        }
    }
    if le {
        Some(UTF_16LE)
    } else if be {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Whether `bytes` are UTF-8: valid, or with no more broken sequences than valid multi-byte
/// characters (a cut at the end of a download, a quote pasted from a windows-1252 document).
/// Legacy encodings almost never form valid multi-byte UTF-8 sequences (a windows-1252 page
/// would need an accented capital right before a symbol), while each of their non-ASCII
/// characters is a broken sequence, so the comparison separates them; and a windows-1252 page
/// with one accidental valid pair loses little, since stray bytes of guessed UTF-8 are read as
/// windows-1252 (see [`decode_utf8_repairing`]).
fn mostly_utf8(bytes: &[u8]) -> bool {
    if std::str::from_utf8(bytes).is_ok() {
        return true;
    }
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    valid >= 1 && invalid <= valid
}

/// The WHATWG prescan for a `<meta>` that declares the encoding, over the first bytes of the
/// page. UTF-16 declared in a page that is read as ASCII-compatible means UTF-8, and
/// `x-user-defined` means windows-1252, as the standard says.
fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let mut s = Scanner { b: head, pos: 0 };
    while s.pos < head.len() {
        if s.starts_with(b"<!--") {
            // The `-->` may share its dashes with the `<!--`.
            match find(head, b"-->", s.pos + 2) {
                Some(end) => s.pos = end + 3,
                None => return None,
            }
            continue;
        }
        if s.starts_with_ci(b"<meta") && s.at(5).is_some_and(|c| is_space(c) || c == b'/') {
            s.pos += 5;
            if let Some(encoding) = s.meta() {
                return Some(match encoding {
                    e if e == UTF_16BE || e == UTF_16LE => UTF_8,
                    e if e == X_USER_DEFINED => WINDOWS_1252,
                    e => e,
                });
            }
            continue;
        }
        let next = s.at(1);
        let tag = match next {
            Some(c) if c.is_ascii_alphabetic() => s.at(0) == Some(b'<'),
            Some(b'/') => s.at(0) == Some(b'<') && s.at(2).is_some_and(|c| c.is_ascii_alphabetic()),
            _ => false,
        };
        if tag {
            // Skip the tag name, then its attributes, so that a `<meta` inside an attribute
            // value is not read.
            while s.at(0).is_some_and(|c| !is_space(c) && c != b'>') {
                s.pos += 1;
            }
            while s.attribute().is_some() {}
        } else if s.at(0) == Some(b'<') && matches!(next, Some(b'!' | b'/' | b'?')) {
            match find(head, b">", s.pos + 1) {
                Some(end) => s.pos = end,
                None => return None,
            }
        }
        s.pos += 1;
    }
    None
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// The first occurrence of `needle` in `hay` at or after `from`.
fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// Like [`find`], ignoring ASCII case; `needle` is lowercase.
fn find_ascii_ci(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|i| i + from)
}

/// The standard's "extract a character encoding from a meta element" after the word
/// `charset` (at `pos`): optional spaces, `=`, optional spaces, then a quoted or bare value.
fn charset_after(b: &[u8], mut pos: usize) -> Option<&[u8]> {
    while b.get(pos).is_some_and(|&c| is_space(c)) {
        pos += 1;
    }
    if b.get(pos) != Some(&b'=') {
        return None;
    }
    pos += 1;
    while b.get(pos).is_some_and(|&c| is_space(c)) {
        pos += 1;
    }
    match b.get(pos) {
        Some(&q @ (b'"' | b'\'')) => {
            let start = pos + 1;
            let len = b.get(start..)?.iter().position(|&c| c == q)?;
            b.get(start..start + len)
        }
        Some(_) => {
            let rest = b.get(pos..)?;
            let len = rest
                .iter()
                .position(|&c| is_space(c) || c == b';')
                .unwrap_or(rest.len());
            rest.get(..len)
        }
        None => None,
    }
}

/// The encoding named in a `<meta content="…">` value: the first `charset=` that has a value.
fn charset_in_content(content: &[u8]) -> Option<&'static Encoding> {
    let mut from = 0;
    loop {
        let at = find_ascii_ci(content, b"charset", from)?;
        from = at + b"charset".len();
        let after_spaces = content
            .get(from..)?
            .iter()
            .position(|&c| !is_space(c))
            .map(|i| from + i);
        if after_spaces.and_then(|i| content.get(i)) != Some(&b'=') {
            continue;
        }
        return Encoding::for_label(charset_after(content, from)?);
    }
}

/// A cursor over the prescanned bytes. Every read is checked: running off the end ends the
/// scan, never panics.
struct Scanner<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn at(&self, offset: usize) -> Option<u8> {
        self.b.get(self.pos + offset).copied()
    }

    fn starts_with(&self, s: &[u8]) -> bool {
        self.b.get(self.pos..).is_some_and(|r| r.starts_with(s))
    }

    fn starts_with_ci(&self, s: &[u8]) -> bool {
        self.b
            .get(self.pos..self.pos + s.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(s))
    }

    /// The attributes of a `<meta>` (the cursor is just after its name); the encoding it
    /// declares, if it declares one the standard's way.
    fn meta(&mut self) -> Option<&'static Encoding> {
        let mut seen: Vec<Vec<u8>> = Vec::new();
        let mut got_pragma = false;
        let mut need_pragma: Option<bool> = None;
        let mut charset: Option<&'static Encoding> = None;
        while let Some((name, value)) = self.attribute() {
            if seen.contains(&name) {
                continue;
            }
            match name.as_slice() {
                b"http-equiv" => got_pragma |= value == b"content-type",
                b"content" if charset.is_none() => {
                    if let Some(e) = charset_in_content(&value) {
                        charset = Some(e);
                        need_pragma = Some(true);
                    }
                }
                b"charset" => {
                    charset = Encoding::for_label(&value);
                    need_pragma = Some(false);
                }
                _ => {}
            }
            seen.push(name);
        }
        match need_pragma {
            None => None,
            Some(true) if !got_pragma => None,
            _ => charset,
        }
    }

    /// The standard's "get an attribute": name and value, lowercased (values unquoted), or
    /// `None` at the `>` ending the tag or at the end of the bytes.
    fn attribute(&mut self) -> Option<(Vec<u8>, Vec<u8>)> {
        while self.at(0).is_some_and(|c| is_space(c) || c == b'/') {
            self.pos += 1;
        }
        let mut c = self.at(0)?;
        if c == b'>' {
            return None;
        }
        let mut name = Vec::new();
        let mut value = Vec::new();
        loop {
            if c == b'=' && !name.is_empty() {
                self.pos += 1;
                break;
            }
            if is_space(c) {
                while self.at(0).is_some_and(is_space) {
                    self.pos += 1;
                }
                if self.at(0)? != b'=' {
                    return Some((name, value));
                }
                self.pos += 1;
                break;
            }
            if c == b'/' || c == b'>' {
                return Some((name, value));
            }
            name.push(c.to_ascii_lowercase());
            self.pos += 1;
            c = self.at(0)?;
        }
        while self.at(0).is_some_and(is_space) {
            self.pos += 1;
        }
        let c = self.at(0)?;
        if c == b'"' || c == b'\'' {
            self.pos += 1;
            loop {
                let d = self.at(0)?;
                self.pos += 1;
                if d == c {
                    return Some((name, value));
                }
                value.push(d.to_ascii_lowercase());
            }
        }
        if c == b'>' {
            return Some((name, value));
        }
        loop {
            let d = self.at(0)?;
            if is_space(d) || d == b'>' {
                return Some((name, value));
            }
            value.push(d.to_ascii_lowercase());
            self.pos += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(bytes: &[u8], hint: Option<&str>) -> (&'static str, Source) {
        let (_, e, s) = decode(bytes, hint);
        (e.name(), s)
    }

    #[test]
    fn bom_wins_over_everything() {
        let page = b"\xEF\xBB\xBF<meta charset=iso-8859-2><p>caf\xC3\xA9";
        assert_eq!(name(page, Some("shift_jis")), ("UTF-8", Source::Bom));
        let (text, _, _) = decode(page, None);
        assert!(text.starts_with("<meta") && text.ends_with("café"));
        let le = b"\xFF\xFEh\0i\0";
        assert_eq!(decode(le, Some("utf-8")).0, "hi");
        assert_eq!(name(b"\xFE\xFF\0h\0i", None), ("UTF-16BE", Source::Bom));
    }

    #[test]
    fn hint_beats_meta_and_guess() {
        let page = b"<meta charset=utf-8><p>caf\xE9";
        assert_eq!(
            name(page, Some("ISO-8859-1")),
            ("windows-1252", Source::Hint)
        );
        assert_eq!(
            name(page, Some("text/html; charset=\"koi8-r\"")),
            ("KOI8-R", Source::Hint)
        );
        assert_eq!(
            decode(page, Some("latin1")).0,
            "<meta charset=utf-8><p>café"
        );
        // An unknown label is ignored: the meta decides.
        assert_eq!(name(page, Some("no-such-charset")), ("UTF-8", Source::Meta));
        assert_eq!(name(page, Some("text/html")), ("UTF-8", Source::Meta));
    }

    #[test]
    fn meta_prescan() {
        let cases: &[(&[u8], &str)] = &[
            (
                b"<html><head><meta charset=\"windows-1251\">",
                "windows-1251",
            ),
            (b"<META CHARSET='Shift_JIS'/>", "Shift_JIS"),
            (
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\">",
                "EUC-KR",
            ),
            (
                b"<meta content='text/html;charset = gb2312' http-equiv=content-type>",
                "GBK",
            ),
            // UTF-16 declared in an ASCII-readable page is UTF-8; x-user-defined is 1252.
            (b"<meta charset=utf-16le>", "UTF-8"),
            (b"<meta charset=x-user-defined>", "windows-1252"),
            // Comments and other tags are skipped; the first meta with a charset counts.
            (
                b"<!-- <meta charset=koi8-r> --><title>x</title><meta charset=iso-8859-7>",
                "ISO-8859-7",
            ),
        ];
        for (page, want) in cases {
            assert_eq!(
                name(page, None),
                (*want, Source::Meta),
                "{}",
                String::from_utf8_lossy(page)
            );
        }
        // `content` without `http-equiv` declares nothing; a meta in an attribute is not read.
        assert_ne!(
            name(b"<meta content='charset=koi8-r'><p>x", None).1,
            Source::Meta
        );
        assert_ne!(
            name(b"<div title='<meta charset=koi8-r>'>x", None).1,
            Source::Meta
        );
        // Beyond the first 1024 bytes it is not seen.
        let mut late = vec![b' '; 1100];
        late.extend_from_slice(b"<meta charset=koi8-r>");
        assert_eq!(name(&late, None), ("windows-1252", Source::Default));
        // Truncated declarations end the scan without a panic.
        for cut in [
            &b"<meta charset="[..],
            b"<meta charset='utf-8",
            b"<meta http-equiv=content-type content=\"charset=",
            b"<!-- never closed",
            b"<meta",
            b"</",
            b"<",
        ] {
            let _ = decode(cut, None);
        }
    }

    #[test]
    fn guess_utf8_legacy_and_utf16() {
        let utf8 = "<p>Straße, café, 東京, résumé</p>".as_bytes();
        assert_eq!(name(utf8, None), ("UTF-8", Source::Guess));
        // UTF-8 with one broken sequence among many good ones is still UTF-8.
        let mut broken = "<p>".to_string() + &"naïve café ".repeat(20);
        broken.push_str("end");
        let broken = broken.replacen("naïve", "na\u{1} \u{2}ve", 1);
        // A character cut off becomes U+FFFD; a lone stray byte is read as windows-1252.
        let broken: Vec<u8> = broken
            .bytes()
            .flat_map(|b| match b {
                1 => vec![0xE2, 0x82],
                2 => vec![0x92],
                b => vec![b],
            })
            .collect();
        assert_eq!(name(&broken, None), ("UTF-8", Source::Guess));
        let (text, _, _) = decode(&broken, None);
        assert!(text.starts_with("<p>na\u{FFFD} \u{2019}ve café"), "{text}");
        assert!(text.ends_with("café end"));
        // Declared UTF-8 replaces it, as browsers do.
        let (text, _, _) = decode(&broken, Some("utf-8"));
        assert!(text.starts_with("<p>na\u{FFFD} \u{FFFD}ve café"), "{text}");
        // A few UTF-8 characters outweigh one stray byte, where chardetng alone guessed a
        // legacy encoding.
        let page = "<p>The \u{201c}plan\u{201d} was approved: the council\u{1}s vote.</p>";
        let page: Vec<u8> = page
            .bytes()
            .map(|b| if b == 1 { 0x92 } else { b })
            .collect();
        let (text, e, _) = decode(&page, None);
        assert_eq!(e, UTF_8);
        assert_eq!(
            text,
            "<p>The \u{201c}plan\u{201d} was approved: the council\u{2019}s vote.</p>"
        );
        // A windows-1252 page with no valid UTF-8 is not UTF-8.
        assert_eq!(
            name(b"<p>Les caf\xE9s du port, d\xE8s six heures.</p>", None).0,
            "windows-1252"
        );
        // Russian in windows-1251, no declaration.
        let (cyr, _, _) = encoding_rs::WINDOWS_1251.encode(
            "<p>Москва — столица России, крупнейший по численности населения город страны.</p>",
        );
        assert_eq!(name(&cyr, None), ("windows-1251", Source::Guess));
        assert!(decode(&cyr, None).0.contains("Москва"));
        // Japanese in Shift_JIS.
        let (sjis, _, _) = encoding_rs::SHIFT_JIS
            .encode("<p>東京都は日本の首都であり、人口は約千四百万人である。</p>");
        assert_eq!(name(&sjis, None), ("Shift_JIS", Source::Guess));
        // UTF-16 without a BOM, both byte orders.
        let le: Vec<u8> = "<p>hello</p>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "<p>hello</p>"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(name(&le, None), ("UTF-16LE", Source::Guess));
        assert_eq!(name(&be, None), ("UTF-16BE", Source::Guess));
        assert_eq!(decode(&le, None).0, "<p>hello</p>");
    }

    #[test]
    fn binary_is_not_text() {
        assert_eq!(
            not_text(b"\x89PNG\r\n\x1a\n\0\0", None),
            Some("a PNG image")
        );
        assert_eq!(
            not_text(b"%PDF-1.4\n", Some("utf-8")),
            Some("a PDF document")
        );
        assert_eq!(not_text(&[0u8; 100], None), Some(CONTROLS));
        let mut few = b"<p>text</p>".repeat(100);
        few.extend_from_slice(&[0; 7]);
        assert_eq!(not_text(&few, None), None);
        // UTF-16's zero bytes are not control characters once decoded.
        let le: Vec<u8> = "<p>hello, world</p>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(not_text(&le, None), None);
        assert_eq!(not_text(b"%PDF files", None), None);
        assert_eq!(not_text(b"", None), None);
    }

    #[test]
    fn default_is_windows_1252() {
        assert_eq!(
            name(b"<p>plain ascii</p>", None),
            ("windows-1252", Source::Default)
        );
        assert_eq!(name(b"", None), ("windows-1252", Source::Default));
    }

    #[test]
    fn invalid_sequences_become_replacement_characters() {
        let (text, e, _) = decode(b"<p>ok \xC3\x28 \xF0\x28\x8C\x28</p>", Some("utf-8"));
        assert_eq!(e, UTF_8);
        assert!(text.contains('\u{FFFD}'));
        assert!(text.starts_with("<p>ok ") && text.ends_with("</p>"));
        let (text, _, _) = decode(b"\xFF\xFEa", None);
        assert_eq!(text, "\u{FFFD}");
    }
}
