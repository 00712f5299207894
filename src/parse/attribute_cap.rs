//! The guard in front of html5ever's tokenizer: at most [`MAX_ATTRIBUTES`] attributes per tag.
//!
//! The tokenizer checks every new attribute against all earlier ones of the same tag (to drop
//! duplicates), so a tag with n attributes costs n²/2 comparisons: 200,000 attributes on one
//! element (1.8 MB) took 15 s. That happens inside the tokenizer, before any token reaches the
//! depth guard, so the only place to stop it is the input: this module scans the page as the
//! tokenizer will read it and cuts the attributes of a tag beyond the cap out of what is fed
//! to the tokenizer (the tag itself and its first attributes are kept).
//!
//! The scan follows the tokenizer's states where they decide what is a tag: comments, bogus
//! comments and doctypes, and the raw text of `<script>`, `<style>`, `<textarea>` and the like,
//! including the script escapes (`<!--<script>`). Whether a start tag switches the tokenizer
//! to raw text is the tree builder's decision (`<style>` inside `<svg>` does not), so the scan
//! stops after each such tag and the parse tells it what the tree builder decided (see
//! [`Scanner::raw_text`]). Where the scan is unsure it assumes markup: at worst it cuts
//! attribute-like text of a script or a comment, which nothing reads, never lets a tag through
//! uncounted because it took it for text.

use std::ops::Range;

/// Attributes kept per tag. Real pages stay far below it (the project's datasets have at most
/// a few dozen on a tag); at the cap one tag costs 5,000 comparisons, and since each attribute
/// takes at least two bytes the tokenizer's work per byte of input stays bounded.
pub(crate) const MAX_ATTRIBUTES: usize = 100;

/// Elements whose start tag may switch the tokenizer to raw text (when the tree builder says
/// so): after one of them the scan waits to be told.
fn may_start_raw_text(name: &[u8]) -> bool {
    const NAMES: [&[u8]; 9] = [
        b"script",
        b"style",
        b"textarea",
        b"title",
        b"xmp",
        b"iframe",
        b"noembed",
        b"noframes",
        b"plaintext",
    ];
    NAMES.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// What the tokenizer reads at the scan position.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Mode {
    /// Markup.
    Data,
    /// The raw text of the element named (lowercase), up to its end tag.
    Raw(Vec<u8>),
    /// A script's text: end tags and escapes as in the standard's script data states.
    Script(ScriptState),
    /// `<plaintext>`: text to the end of the input, no more tags.
    Plaintext,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ScriptState {
    Plain,
    /// After `<!--`.
    Escaped,
    /// After `<!--<script>`: a `</script>` only undoes the inner `<script>`.
    DoubleEscaped,
}

/// A piece of the input to feed to the tokenizer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    pub range: Range<usize>,
    /// The piece ends just after the start tag of an element that may begin raw text: its
    /// lowercase name. The caller tells [`Scanner::raw_text`] whether it did.
    pub raw_candidate: Option<Vec<u8>>,
}

/// Cuts the input into the pieces the tokenizer is fed, leaving out attributes beyond the cap.
pub(crate) struct Scanner<'a> {
    b: &'a [u8],
    /// Start of the next piece.
    pos: usize,
    mode: Mode,
    /// A raw-text candidate whose attributes were cut: the rest of its tag (`>` or `/>`, up to
    /// this end) is the next piece.
    pending: Option<(Vec<u8>, usize)>,
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// How a tag ended: the index of its `>`, or `None` at the end of the input (where the
/// tokenizer drops the unfinished tag), and the range of attributes beyond the cap.
struct TagEnd {
    end: Option<usize>,
    cut_from: Option<usize>,
    /// Lowercase name, for start tags that may begin raw text.
    raw_candidate: Option<Vec<u8>>,
}

impl<'a> Scanner<'a> {
    pub fn new(input: &'a str) -> Self {
        Scanner {
            b: input.as_bytes(),
            pos: 0,
            mode: Mode::Data,
            pending: None,
        }
    }

    /// The start tag that ended the last piece switched the tokenizer to raw text (`Some`,
    /// with the tree builder's kind of raw text) or did not (`None`).
    pub fn raw_text(&mut self, name: &[u8], kind: Option<RawKind>) {
        self.mode = match kind {
            None => Mode::Data,
            Some(RawKind::Plaintext) => Mode::Plaintext,
            Some(RawKind::Script) => Mode::Script(ScriptState::Plain),
            Some(RawKind::Text) => Mode::Raw(name.to_ascii_lowercase()),
        };
    }

    /// The next piece to feed, or `None` when the input is used up.
    pub fn next_piece(&mut self) -> Option<Piece> {
        let len = self.b.len();
        if self.pos >= len {
            return None;
        }
        let start = self.pos;
        if let Some((name, end)) = self.pending.take() {
            self.pos = end;
            return Some(Piece {
                range: start..end,
                raw_candidate: Some(name),
            });
        }
        let mut at = start;
        loop {
            // Text of a raw element: skip to its end tag, which is then read as markup.
            match std::mem::replace(&mut self.mode, Mode::Data) {
                Mode::Data => {}
                Mode::Plaintext => {
                    self.mode = Mode::Plaintext;
                    self.pos = len;
                    return Some(Piece {
                        range: start..len,
                        raw_candidate: None,
                    });
                }
                Mode::Raw(name) => match self.raw_end(at, &name) {
                    Some(i) => at = i,
                    None => return self.rest(start),
                },
                Mode::Script(state) => match self.script_end(at, state) {
                    Some(i) => at = i,
                    None => return self.rest(start),
                },
            }
            let Some(lt) = memchr::memchr(b'<', self.b.get(at..)?).map(|i| at + i) else {
                return self.rest(start);
            };
            let next = self.b.get(lt + 1).copied();
            let after = |k: usize| self.b.get(lt + k..).unwrap_or_default();
            let tag = match next {
                Some(c) if c.is_ascii_alphabetic() => self.tag(lt + 1, true),
                Some(b'/') if after(2).first().is_some_and(u8::is_ascii_alphabetic) => {
                    self.tag(lt + 2, false)
                }
                Some(b'!') if after(2).starts_with(b"--") => {
                    match comment_end(self.b, lt + 2) {
                        Some(e) => at = e,
                        None => return self.rest(start),
                    }
                    continue;
                }
                // Bogus comments, doctypes, `</>`, CDATA (read as ending at the first `>`,
                // as outside foreign content): to the next `>`.
                Some(b'!' | b'?' | b'/') => {
                    match memchr::memchr(b'>', after(2)) {
                        Some(i) => at = lt + 2 + i + 1,
                        None => return self.rest(start),
                    }
                    continue;
                }
                _ => {
                    at = lt + 1;
                    continue;
                }
            };
            if let Some(cut) = tag.cut_from {
                // The piece ends before the first attribute beyond the cap; the next starts
                // at the tag's `/>` or `>` (or nowhere, if the tag never ends).
                self.pos = match tag.end {
                    Some(e) if e > cut && self.b.get(e - 1) == Some(&b'/') => e - 1,
                    Some(e) => e,
                    None => len,
                };
                if let (Some(end), Some(name)) = (tag.end, tag.raw_candidate) {
                    // The end of the tag alone is fed next, then the caller reports on raw text.
                    self.pending = Some((name, end + 1));
                }
                return Some(Piece {
                    range: start..cut,
                    raw_candidate: None,
                });
            }
            let Some(end) = tag.end else {
                return self.rest(start);
            };
            at = end + 1;
            if let Some(name) = tag.raw_candidate {
                self.pos = at;
                return Some(Piece {
                    range: start..at,
                    raw_candidate: Some(name),
                });
            }
        }
    }

    fn rest(&mut self, start: usize) -> Option<Piece> {
        self.pos = self.b.len();
        Some(Piece {
            range: start..self.b.len(),
            raw_candidate: None,
        })
    }

    /// Scans a tag from its name at `from`; counts its attributes.
    fn tag(&self, from: usize, start_tag: bool) -> TagEnd {
        let b = self.b;
        let mut i = from;
        while b
            .get(i)
            .is_some_and(|&c| !is_space(c) && c != b'/' && c != b'>')
        {
            i += 1;
        }
        let name = b.get(from..i).unwrap_or_default();
        let raw_candidate =
            (start_tag && may_start_raw_text(name)).then(|| name.to_ascii_lowercase());
        let mut count = 0usize;
        let mut cut_from = None;
        let done = |end: Option<usize>, cut_from: Option<usize>| TagEnd {
            end,
            cut_from,
            raw_candidate: raw_candidate.clone(),
        };
        // Before an attribute's name (the tokenizer's "before attribute name" state, which
        // the self-closing and after-value states fall back to).
        loop {
            let Some(&c) = b.get(i) else {
                return done(None, cut_from);
            };
            if is_space(c) || c == b'/' {
                i += 1;
                continue;
            }
            if c == b'>' {
                return done(Some(i), cut_from);
            }
            // An attribute starts (a `=` here is part of its name).
            count += 1;
            if count == MAX_ATTRIBUTES + 1 {
                cut_from = Some(i);
            }
            i += 1;
            while b
                .get(i)
                .is_some_and(|&c| !is_space(c) && !matches!(c, b'/' | b'>' | b'='))
            {
                i += 1;
            }
            while b.get(i).is_some_and(|&c| is_space(c)) {
                i += 1;
            }
            if b.get(i) != Some(&b'=') {
                // No value: the next character starts over (a `/`, a `>`, another name).
                continue;
            }
            i += 1;
            while b.get(i).is_some_and(|&c| is_space(c)) {
                i += 1;
            }
            match b.get(i) {
                None => return done(None, cut_from),
                Some(&q @ (b'"' | b'\'')) => {
                    match memchr::memchr(q, b.get(i + 1..).unwrap_or_default()) {
                        Some(k) => i += 1 + k + 1,
                        None => return done(None, cut_from),
                    }
                }
                Some(b'>') => return done(Some(i), cut_from),
                Some(_) => {
                    while b.get(i).is_some_and(|&c| !is_space(c) && c != b'>') {
                        i += 1;
                    }
                }
            }
        }
    }

    /// Where the raw text of `name` ends: the `<` of `</name` followed by a space, `/` or `>`.
    fn raw_end(&self, from: usize, name: &[u8]) -> Option<usize> {
        let mut at = from;
        loop {
            // (A one-byte search: `memmem` would build a searcher on every call.)
            let lt = at + memchr::memchr(b'<', self.b.get(at..)?)?;
            if self.end_tag_at(lt, name) {
                return Some(lt);
            }
            at = lt + 1;
        }
    }

    /// Whether `</name` followed by a space, `/` or `>` (or the end) starts at `lt`.
    fn end_tag_at(&self, lt: usize, name: &[u8]) -> bool {
        let b = self.b;
        let n = name.len();
        b.get(lt..lt + 2) == Some(b"</")
            && b.get(lt + 2..lt + 2 + n)
                .is_some_and(|s| s.eq_ignore_ascii_case(name))
            && b.get(lt + 2 + n)
                .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
    }

    /// Whether `<script` followed by a space, `/` or `>` starts at `lt`.
    fn script_start_at(&self, lt: usize) -> bool {
        let b = self.b;
        b.get(lt + 1..lt + 7)
            .is_some_and(|s| s.eq_ignore_ascii_case(b"script"))
            && b.get(lt + 7)
                .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
    }

    /// Where a script's text ends, following the escape states.
    fn script_end(&self, from: usize, mut state: ScriptState) -> Option<usize> {
        let b = self.b;
        let mut at = from;
        loop {
            let i = at + memchr::memchr2(b'<', b'-', b.get(at..)?)?;
            let rest = b.get(i..).unwrap_or_default();
            match state {
                ScriptState::Plain => {
                    if rest.starts_with(b"<!--") {
                        // The dashes may be shared with a `-->` (`<!-->`).
                        state = ScriptState::Escaped;
                        at = i + 2;
                        continue;
                    }
                    if self.end_tag_at(i, b"script") {
                        return Some(i);
                    }
                }
                ScriptState::Escaped => {
                    if rest.starts_with(b"-->") {
                        state = ScriptState::Plain;
                        at = i + 3;
                        continue;
                    }
                    if self.end_tag_at(i, b"script") {
                        return Some(i);
                    }
                    if self.script_start_at(i) {
                        state = ScriptState::DoubleEscaped;
                    }
                }
                ScriptState::DoubleEscaped => {
                    if rest.starts_with(b"-->") {
                        state = ScriptState::Plain;
                        at = i + 3;
                        continue;
                    }
                    if self.end_tag_at(i, b"script") {
                        state = ScriptState::Escaped;
                    }
                }
            }
            at = i + 1;
        }
    }
}

/// The kinds of raw text the tree builder switches the tokenizer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RawKind {
    /// RCDATA or RAWTEXT: up to the element's end tag.
    Text,
    Script,
    Plaintext,
}

/// Where a comment that opens at `from` (just after `<!`) ends: after the first `-->` or
/// `--!>`, searched from its opening dashes so that `<!-->` and `<!--->` end at once, as the
/// tokenizer ends them.
fn comment_end(b: &[u8], from: usize) -> Option<usize> {
    // The first `>` that ends either: a one-byte search, then a look back.
    let mut at = from;
    loop {
        let gt = at + memchr::memchr(b'>', b.get(at..)?)?;
        let ends = |mark: &[u8], earliest: usize| {
            gt >= earliest + mark.len() && b.get(gt - mark.len()..gt) == Some(mark)
        };
        if ends(b"--", from) || ends(b"--!", from + 2) {
            return Some(gt + 1);
        }
        at = gt + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the tokenizer is fed, with raw text as `decide` says for each candidate.
    fn fed(input: &str, decide: impl Fn(&[u8]) -> Option<RawKind>) -> String {
        let mut s = Scanner::new(input);
        let mut out = String::new();
        while let Some(p) = s.next_piece() {
            out.push_str(&input[p.range]);
            if let Some(name) = p.raw_candidate {
                s.raw_text(&name, decide(&name));
            }
        }
        out
    }

    fn as_html(name: &[u8]) -> Option<RawKind> {
        match name {
            b"script" => Some(RawKind::Script),
            b"plaintext" => Some(RawKind::Plaintext),
            _ => Some(RawKind::Text),
        }
    }

    fn attrs(n: usize) -> String {
        (0..n).map(|i| format!(" a{i}=\"{i}\"")).collect()
    }

    #[test]
    fn pages_under_the_cap_are_fed_whole() {
        let page = format!(
            "<!DOCTYPE html><html><head><title>T <b></title><style>p{{}}</style></head>\
             <body><!-- <p{}> --><p class=x{}>text</p><script>if (a<b) {{}}</script></body>",
            attrs(500),
            attrs(MAX_ATTRIBUTES - 1)
        );
        assert_eq!(fed(&page, as_html), page);
    }

    #[test]
    fn attributes_beyond_the_cap_are_cut() {
        let keep = attrs(MAX_ATTRIBUTES);
        for (open, close) in [("<div", ">x</div>"), ("<br", "/>"), ("</p", ">")] {
            let page = format!("{open}{keep}{}{close}", attrs(1000));
            assert_eq!(fed(&page, as_html), format!("{open}{keep} {close}"));
        }
        // A quoted `>` does not end the tag; a tag never ended is cut to the end.
        let page = format!("<div t='>'{}", attrs(300));
        assert_eq!(
            fed(&page, as_html),
            format!("<div t='>'{}", attrs(MAX_ATTRIBUTES - 1)) + " "
        );
    }

    #[test]
    fn raw_text_is_what_the_tree_builder_says() {
        let tag = format!("<div{}>", attrs(300));
        let cut = format!("<div{} >", attrs(MAX_ATTRIBUTES));
        // Raw text: the tag inside is text, fed whole.
        let page = format!("<style>{tag}</style>{tag}");
        assert_eq!(fed(&page, as_html), format!("<style>{tag}</style>{cut}"));
        // Not raw (a `<style>` in SVG): the tag inside is markup and cut.
        assert_eq!(fed(&page, |_| None), format!("<style>{cut}</style>{cut}"));
        // Script escapes: `</script>` inside `<!--<script>` does not end the script.
        let page = format!("<script><!--<script></script>{tag}--></script>{tag}");
        assert_eq!(
            fed(&page, as_html),
            format!("<script><!--<script></script>{tag}--></script>{cut}")
        );
        let page = format!("<script><!--</script>{tag}");
        assert_eq!(fed(&page, as_html), format!("<script><!--</script>{cut}"));
        // `<plaintext>` never ends.
        let page = format!("<plaintext>{tag}");
        assert_eq!(fed(&page, as_html), page);
    }

    #[test]
    fn comments_end_where_the_tokenizer_ends_them() {
        let tag = format!("<p{}>", attrs(300));
        let cut = format!("<p{} >", attrs(MAX_ATTRIBUTES));
        for comment in [
            "<!---->",
            "<!-->",
            "<!--->",
            "<!-- a --!>",
            "<!-- <p --- -->",
        ] {
            let page = format!("{comment}{tag}");
            assert_eq!(fed(&page, as_html), format!("{comment}{cut}"), "{comment}");
        }
        let page = format!("<!-- {tag} -->");
        assert_eq!(fed(&page, as_html), page);
    }
}
