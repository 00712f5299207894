//! Plain-text dump to blocks.
//!
//! A dump is what an HTML-to-text converter left of a whole page: one block of the page a line
//! (or a paragraph, when the converter wraps), menus as bullets or as `A | B | C` lines, the
//! article in between. Converters differ in their bullet glyph, their indentation, whether they
//! leave blank lines between blocks and whether they wrap long lines, so none of that is taken
//! for granted here:
//!
//! - blank lines always end a block;
//! - inside a run of non-blank lines each line is a block of its own, unless the dump is
//!   hard-wrapped (its lines pile up just short of one width) and the line was broken only
//!   because the next word would not have fit: then the lines are one paragraph again;
//! - a line that starts with a bullet glyph or an item number (`3.`, `3)`) is a list item; a
//!   wrapped item continues on lines indented to its text;
//! - Markdown's `#` headings and `[text](url)` links, which some converters write, give the
//!   block kind and the characters inside links.
//!
//! Besides the block, each line gets its [`LineTraits`]: the measurements that a dump still has
//! once the markup is gone (see `text_mode/evidence.rs` for how they are weighed).

use crate::block::BlockKind;
use crate::blocks::segment::RawBlock;
use crate::features::TextStats;
use crate::features::hints::Hints;
use crate::features::lexicon;
use crate::hash;

/// A block of a dump with the shape of its line(s).
#[derive(Debug, Clone)]
pub(crate) struct DumpBlock {
    pub raw: RawBlock,
    pub stats: TextStats,
    pub shape: LineTraits,
}

/// What the layout and the wording of a line tell, without markup.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct LineTraits {
    /// A blank line (or the start of the dump) comes before the block.
    pub gap_before: bool,
    /// Leading white space of the first line, in columns.
    pub indent: u16,
    /// The line started with a bullet glyph or an item number.
    pub bullet: bool,
    /// Source lines joined into this block (more than one only in wrapped dumps).
    pub lines: u16,
    /// Parts of a `Home | News | Sport` menu line (0 when the line is not one).
    pub menu_parts: u16,
    /// A date, a time, a count or a "17 minutes ago": short, with many numbers and no sentence.
    pub numeric: bool,
    /// A copyright line.
    pub copyright: bool,
    /// Cut off with an ellipsis (`…`, `...`, `..`): a teaser of a text elsewhere.
    pub ellipsis: bool,
    /// Mostly a web address.
    pub url: bool,
    /// Most longer words start with a capital: a headline or a menu, rarely a sentence.
    pub title_case: bool,
    /// Five or more words, many of them starting in lower case: a sentence, even without its
    /// final punctuation (menus and headlines capitalise).
    pub sentence_case: bool,
    /// Phrase hints in the wording (weak evidence, see [`phrase_hints`]).
    pub phrases: Phrases,
    /// Places where two blocks were glued without a space ("Student-AthleteA 24-year-old"):
    /// a converter lost a boundary, typically between a teaser's headline and its summary.
    pub glued: u8,
    /// Ends in a count: "Comments (12)", "Tom Brady can play until 46 (129)".
    pub count_suffix: bool,
    /// Cells with text when the line is a table row (tab- or pipe-separated), else 0.
    pub cells: u16,
}

/// Phrases that tend to open page furniture, in several languages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Phrases(pub u8);

impl Phrases {
    /// "Related", "Also read", "Recent stories", "Next story".
    pub const RELATED: Phrases = Phrases(1);
    /// "Tags:", "Topics", "Filed under".
    pub const TAGS: Phrases = Phrases(1 << 1);
    /// "Share", "Follow us", social networks.
    pub const SOCIAL: Phrases = Phrases(1 << 2);
    /// "Sign in", "Subscribe", "Menu", "Open in app".
    pub const ACCOUNT: Phrases = Phrases(1 << 3);
    /// "All rights reserved", "Privacy policy", "Disclaimer".
    pub const LEGAL: Phrases = Phrases(1 << 4);
    /// "Advertisement", "Sponsored".
    pub const AD: Phrases = Phrases(1 << 5);
    /// "Comments", "Leave a reply".
    pub const COMMENTS: Phrases = Phrases(1 << 6);

    pub fn has(self, other: Phrases) -> bool {
        self.0 & other.0 != 0
    }

    pub fn any(self) -> bool {
        self.0 != 0
    }
}

/// Bullet glyphs that converters put before list items.
fn is_bullet_glyph(c: char) -> bool {
    matches!(
        c,
        '•' | '·'
            | '*'
            | '-'
            | '–'
            | '—'
            | '+'
            | '▪'
            | '■'
            | '□'
            | '►'
            | '▸'
            | '▶'
            | '◦'
            | '○'
            | '●'
            | '‣'
            | '⁃'
            | '◆'
            | '◇'
            | '»'
            | '→'
            | '✓'
            | '✔'
            | '☐'
    )
}

/// The length of a bullet or item number at the start of `s` (glyph and the white space after
/// it), or `None`. `ordered` tells an item number.
fn bullet_len(s: &str) -> Option<(usize, bool)> {
    let mut it = s.char_indices();
    let (_, c) = it.next()?;
    if is_bullet_glyph(c) {
        // A glyph needs white space after it: "-5 degrees" and "*emphasis*" are not items.
        let (i, next) = it.next()?;
        if next == ' ' || next == '\t' || next == '\u{a0}' {
            let rest = &s[i..];
            let ws = rest.len() - rest.trim_start().len();
            return Some((i + ws, false));
        }
        return None;
    }
    // "12. ", "3) ", "a) " are item numbers; "2019. " is a year, so at most three digits.
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = s.get(digits..)?;
        let mut r = rest.chars();
        if matches!(r.next(), Some('.' | ')')) && matches!(r.next(), Some(' ' | '\t')) {
            let after = rest.get(2..)?;
            let ws = after.len() - after.trim_start().len();
            return Some((digits + 2 + ws, true));
        }
    }
    None
}

/// Columns of leading white space (a tab counts as four).
fn indent_of(line: &str) -> u16 {
    let mut n = 0u16;
    for c in line.chars() {
        match c {
            ' ' | '\u{a0}' | '\u{3000}' => n = n.saturating_add(1),
            '\t' => n = n.saturating_add(4),
            _ => break,
        }
    }
    n
}

/// The width a hard-wrapped dump was wrapped at, if it was.
///
/// A converter that wraps at `w` leaves no line longer than `w` and many lines a few characters
/// short of it; a dump that does not wrap has lines of every length, some of them very long.
fn wrap_width<'a>(lines: impl Iterator<Item = &'a str>) -> Option<usize> {
    // Try each width: many lines just short of it, few over it (an unbreakable address may
    // stick out). Counting by length keeps this linear, and in constant memory.
    let mut by_len = [0usize; 162];
    let mut over_160 = 0usize;
    let (mut lines_with_text, mut longish) = (0usize, 0usize);
    for n in lines
        .map(|l| l.trim_end().chars().count())
        .filter(|&n| n > 0)
    {
        lines_with_text += 1;
        if n >= 40 {
            longish += 1;
        }
        match by_len.get_mut(n) {
            Some(c) => *c += 1,
            None => over_160 += 1,
        }
    }
    if lines_with_text < 8 || longish < 5 {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    for w in 40..=160usize {
        let near: usize = by_len.get(w - 14..=w).map_or(0, |s| s.iter().sum());
        let over: usize = by_len.get(w + 1..).map_or(0, |s| s.iter().sum::<usize>()) + over_160;
        let ok = near * 10 >= longish * 4 && over * 20 <= longish;
        if ok && best.is_none_or(|(_, b)| near > b) {
            best = Some((w, near));
        }
    }
    best.map(|(w, _)| w)
}

/// First word of a line (to test whether it would have fit on the line before).
fn first_word_len(s: &str) -> usize {
    s.split_whitespace().next().map_or(0, |w| w.chars().count())
}

fn is_unspaced_char(c: char) -> bool {
    crate::features::is_unspaced_script(c)
}

/// One source line, trimmed, with what its start told.
struct Line<'a> {
    text: &'a str,
    indent: u16,
    /// Bullet or item number, and whether ordered.
    bullet: Option<bool>,
    /// `#` heading level.
    heading: Option<u8>,
    gap_before: bool,
    /// Column where the text after a bullet starts (for continuation lines).
    text_col: u16,
    /// Cells of a table row ([`table_cells`]), 0 when the line is not one.
    cells: u16,
}

fn parse_line(raw: &str, gap_before: bool) -> Line<'_> {
    let indent = indent_of(raw);
    let trimmed = raw.trim();
    let mut text = trimmed;
    let mut bullet = None;
    let mut heading = None;
    let mut text_col = indent;
    if let Some((n, ordered)) = bullet_len(trimmed) {
        // Keep an item number as part of the text (it is part of the content); drop a glyph.
        if !ordered {
            text = trimmed.get(n..).unwrap_or("").trim();
        }
        text_col = indent.saturating_add(n as u16);
        bullet = Some(ordered);
    } else if trimmed.starts_with('#') {
        let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
        let rest = trimmed.get(hashes..).unwrap_or("");
        if (1..=6).contains(&hashes) && rest.starts_with(' ') {
            heading = Some(hashes as u8);
            text = rest.trim();
        }
    }
    Line {
        text,
        indent,
        bullet,
        heading,
        gap_before,
        text_col,
        cells: table_cells(trimmed),
    }
}

/// Cells with letters or digits in a line that is a table row as converters print one: cells
/// separated by tabs ("Brand\t\tCORSAIR") or a row opened by a pipe ("| Brand | CORSAIR").
/// Zero when the line is not a row of at least two cells. A cell of symbols alone (a check
/// mark) is not counted.
fn table_cells(trimmed: &str) -> u16 {
    let count = |parts: &mut dyn Iterator<Item = &str>| {
        let mut all = 0u16;
        let mut text = 0u16;
        for p in parts {
            if p.trim().is_empty() {
                continue;
            }
            all = all.saturating_add(1);
            if p.chars().any(char::is_alphanumeric) {
                text = text.saturating_add(1);
            }
        }
        if all >= 2 { text } else { 0 }
    };
    if trimmed.contains('\t') {
        count(&mut trimmed.split('\t'))
    } else if let Some(rest) = trimmed.strip_prefix("| ") {
        count(&mut rest.split(" | "))
    } else {
        0
    }
}

/// Removes Markdown link syntax, `[text](url)` to `text`, and counts the link text.
/// Returns the cleaned text, link characters and number of links.
fn strip_markdown_links(s: &str) -> (String, u32, u16) {
    if !s.contains("](") {
        return (s.to_string(), 0, 0);
    }
    let mut out = String::with_capacity(s.len());
    let mut link_chars = 0u32;
    let mut links = 0u16;
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find("](") else { break };
        let label = &after[..close];
        let target = &after[close + 2..];
        let Some(end) = target.find(')') else { break };
        if label.contains('[') || target[..end].contains(char::is_whitespace) {
            out.push_str(&rest[..open + 1]);
            rest = after;
            continue;
        }
        out.push_str(&rest[..open]);
        out.push_str(label);
        link_chars += label.chars().count() as u32;
        links = links.saturating_add(1);
        rest = &target[end + 1..];
    }
    out.push_str(rest);
    (out, link_chars, links)
}

/// The lines of a dump: a line feed, a carriage return and the pair of them each end a line
/// (Unix, old Mac and Windows dumps). A final line ending does not start an empty line.
pub(crate) fn split_lines(dump: &str) -> impl Iterator<Item = &str> + Clone {
    let mut rest = dump;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let Some(end) = memchr::memchr2(b'\n', b'\r', rest.as_bytes()) else {
            return Some(std::mem::take(&mut rest));
        };
        let line = rest.get(..end).unwrap_or_default();
        let after = if rest.get(end..end + 2) == Some("\r\n") {
            end + 2
        } else {
            end + 1
        };
        rest = rest.get(after..).unwrap_or_default();
        Some(line)
    })
}

/// How many times a line must occur in a dump to be taken for furniture and left out of the
/// blocks. The most repeated line in the 1,088 training dumps occurs 121 times (a closing brace
/// in a listing of code), a "Reply" or a "Book Now" under every item of a long page a few
/// hundred times; a line printed a thousand times is a template's, whatever it says, and
/// leaving it out keeps a dump of one line repeated millions of times from costing a block a
/// line. Lines without a letter or a digit (braces, bullets, rules) are exempt: they are no
/// text to mistake for the main text, and a long listing of code needs its braces.
pub(crate) const FURNITURE_REPEATS: u32 = 1000;

/// What one block of a dump costs from here to the end of the extraction, besides its text:
/// the block and its shape, the classifier's vectors over blocks, the decisions and the result.
/// Measured with the `extract` example's peak memory: about 230 bytes a block on a dump of a
/// million short distinct lines, 360 on a dump of paragraphs; rounded up.
pub(crate) const DUMP_BLOCK_COST: usize = 400;

/// What a byte of a dump costs: the copy without control characters, the blocks' text, the
/// output.
pub(crate) const DUMP_BYTE_COST: usize = 3;

/// A dump would cost more than its memory budget (see [`segment_within`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OverBudget;

/// Hash of a line's text, to count repeats.
fn line_key(line: &str) -> u64 {
    // FNV-1a: lines are short, and this runs over every line of a large dump.
    line.bytes()
        .fold(hash::OFFSET, |h, b| hash::step(h, u32::from(b)))
}

/// Lines (by [`line_key`]) that occur at least [`FURNITURE_REPEATS`] times, and how many
/// lines with text the dump has. In memory bounded by a constant: a first pass keeps the
/// Misra-Gries candidates (every line that makes more than one in `CANDIDATES + 1` of the
/// lines; a line repeated a thousand times among more than a million others may be missed,
/// and then costs only its own blocks), a second counts them exactly, unless no candidate can
/// reach the threshold.
fn furniture_lines<'a>(
    lines: impl Iterator<Item = &'a str> + Clone,
) -> (std::collections::HashSet<u64>, usize) {
    use std::collections::{HashMap, HashSet};
    const CANDIDATES: usize = 1024;
    let texts = lines.map(str::trim).filter(|l| !l.is_empty());
    let counted = |l: &&str| l.chars().any(char::is_alphanumeric);
    let (mut total, mut seen) = (0usize, 0usize);
    let mut candidates: HashMap<u64, u32> = HashMap::new();
    for line in texts.clone() {
        total += 1;
        if !counted(&line) {
            continue;
        }
        seen += 1;
        let key = line_key(line);
        if let Some(n) = candidates.get_mut(&key) {
            *n += 1;
        } else if candidates.len() < CANDIDATES {
            candidates.insert(key, 1);
        } else {
            // Every candidate loses one, the new line too: each such step is paid for by
            // the increments before it, so the pass stays linear.
            candidates.retain(|_, n| {
                *n -= 1;
                *n > 0
            });
        }
    }
    if total < FURNITURE_REPEATS as usize {
        return (HashSet::new(), total);
    }
    // A counter falls short of its line's count by at most one in `CANDIDATES + 1` lines
    // counted: the candidates that cannot reach the threshold need no exact count (on most
    // dumps, none can).
    let slack = seen / (CANDIDATES + 1);
    candidates.retain(|_, n| *n as usize + slack >= FURNITURE_REPEATS as usize);
    if candidates.is_empty() {
        return (HashSet::new(), total);
    }
    for n in candidates.values_mut() {
        *n = 0;
    }
    for line in texts.filter(counted) {
        if let Some(n) = candidates.get_mut(&line_key(line)) {
            *n += 1;
        }
    }
    let repeated = candidates
        .into_iter()
        .filter(|(_, n)| *n >= FURNITURE_REPEATS)
        .map(|(k, _)| k)
        .collect();
    (repeated, total)
}

/// Cuts a dump into blocks, with no memory budget (for the tests of the passes).
#[cfg(test)]
pub(crate) fn segment(dump: &str) -> Vec<DumpBlock> {
    segment_within(dump, usize::MAX).unwrap_or_default()
}

/// Cuts a dump into blocks, unless they would cost more than `budget` bytes (estimated with
/// [`DUMP_BLOCK_COST`] and [`DUMP_BYTE_COST`] before any block is built). Lines repeated
/// [`FURNITURE_REPEATS`] times or more make no block.
pub(crate) fn segment_within(dump: &str, budget: usize) -> Result<Vec<DumpBlock>, OverBudget> {
    // Control characters never reach the output (and `\u{1}` is the join mark below).
    let dump = crate::parse::control_chars::strip_keep_cr(dump);
    let (repeated, lines_with_text) = furniture_lines(split_lines(&dump));
    let kept = if repeated.is_empty() {
        lines_with_text
    } else {
        split_lines(&dump)
            .map(str::trim)
            .filter(|l| !l.is_empty() && !repeated.contains(&line_key(l)))
            .count()
    };
    let cost = kept
        .saturating_mul(DUMP_BLOCK_COST)
        .saturating_add(dump.len().saturating_mul(DUMP_BYTE_COST));
    if cost > budget {
        return Err(OverBudget);
    }
    let width = wrap_width(split_lines(&dump));
    let mut blocks = Vec::new();
    let mut cur: Option<(Line<'_>, String, u16)> = None;
    let mut gap = true;
    for raw in split_lines(&dump) {
        // A line repeated a thousand times ends a block as a blank line does.
        let furniture = !repeated.is_empty() && repeated.contains(&line_key(raw.trim()));
        if furniture || raw.trim().is_empty() {
            if let Some(c) = cur.take() {
                blocks.push(finish(c));
            }
            gap = true;
            continue;
        }
        let line = parse_line(raw, gap);
        gap = false;
        if let Some((first, text, n)) = cur.as_mut()
            && continues(first, text, &line, width)
        {
            join_wrapped(text, line.text);
            *n = n.saturating_add(1);
            continue;
        }
        if let Some(c) = cur.take() {
            blocks.push(finish(c));
        }
        let text = line.text.to_string();
        cur = Some((line, text, 1));
    }
    if let Some(c) = cur.take() {
        blocks.push(finish(c));
    }
    Ok(join_code_runs(blocks))
}

/// Fewest code-shaped lines in a run that [`join_code_runs`] takes for a listing of code.
const MIN_CODE_LINES: usize = 3;

/// Most columns of indentation kept in a line of code.
const MAX_CODE_INDENT: usize = 40;

/// Short lines between code-shaped ones that a run of code may hold ("return null", "for
/// line in lines:").
const CODE_FILLER_WORDS: u32 = 6;

/// A line that reads as source code rather than prose, in any common language: it ends in a
/// brace or a semicolon, opens with a comment mark, holds an operator no sentence uses, or
/// calls a method (`line.indexOf(`). A long sentence is never one.
fn code_shaped(b: &DumpBlock) -> bool {
    if b.raw.kind != BlockKind::Paragraph || b.stats.words > 20 {
        return false;
    }
    let t = b.raw.text.trim();
    // A sentence may mention `unwrap()`; a statement ends in a semicolon, not a full stop.
    if b.stats.ends_sentence && !t.ends_with(';') {
        return false;
    }
    if t.ends_with(['{', '}', ';'])
        || t.ends_with("):")
        || t.starts_with("//")
        || t.starts_with("/*")
    {
        return true;
    }
    // An assignment to a name ("total = 0", "let x: u32 = 2"), or a name against its
    // parenthesis in a line that ends like a statement ("print(total)", "with open(f) as f:"),
    // not "Apple (AAPL)".
    if t.split_once(" = ")
        .is_some_and(|(left, _)| left.split_whitespace().count() <= 2)
    {
        return true;
    }
    if t.ends_with([')', ':', ','])
        && t.as_bytes()
            .windows(2)
            .any(|w| matches!(w, [a, b'('] if a.is_ascii_alphanumeric() || *a == b'_'))
    {
        return true;
    }
    if ["()", "=>", "==", "!=", "&&", "||", "+=", "->", "::"]
        .iter()
        .any(|op| t.contains(op))
    {
        return true;
    }
    // A method call: a word, a dot, a word, an opening parenthesis.
    let bytes = t.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    bytes.windows(3).enumerate().any(|(i, w)| {
        matches!(w, [a, b'.', c] if word(*a) && c.is_ascii_alphabetic())
            && bytes
                .get(i + 2..)
                .unwrap_or(&[])
                .iter()
                .take_while(|&&c| word(c))
                .count()
                .checked_add(i + 2)
                .and_then(|e| bytes.get(e))
                == Some(&b'(')
    })
}

/// Joins runs of code-shaped lines (at least [`MIN_CODE_LINES`], with short lines between
/// them) into one code block, one line per source line: a converter that printed a listing
/// line by line leaves lines too short to read as text, and a listing is read as a whole.
fn join_code_runs(blocks: Vec<DumpBlock>) -> Vec<DumpBlock> {
    let code: Vec<bool> = blocks.iter().map(code_shaped).collect();
    if code.iter().filter(|&&c| c).count() < MIN_CODE_LINES {
        return blocks;
    }
    let filler = |b: &DumpBlock| {
        b.raw.kind == BlockKind::Paragraph
            && b.stats.words <= CODE_FILLER_WORDS
            && !b.stats.ends_sentence
    };
    let mut out = Vec::with_capacity(blocks.len());
    let mut i = 0;
    let n = blocks.len();
    // Each block once, taken out as it goes to the output.
    let mut slots = blocks.into_iter().map(Some).collect::<Vec<_>>();
    while i < n {
        if !code.get(i).copied().unwrap_or(false) {
            if let Some(b) = slots.get_mut(i).and_then(Option::take) {
                out.push(b);
            }
            i += 1;
            continue;
        }
        // Extend the run over code-shaped lines and at most two fillers in a row.
        let mut end = i + 1;
        let mut last_code = i;
        let mut count = 1;
        while end < n {
            if code.get(end).copied().unwrap_or(false) {
                last_code = end;
                count += 1;
            } else if !(end - last_code <= 2
                && slots.get(end).and_then(Option::as_ref).is_some_and(filler))
            {
                break;
            }
            end += 1;
        }
        let end = last_code + 1;
        if count < MIN_CODE_LINES {
            for b in slots.iter_mut().take(end).skip(i) {
                if let Some(b) = b.take() {
                    out.push(b);
                }
            }
            i = end;
            continue;
        }
        // Indentation is kept relative to the least indented line.
        let min_indent = slots
            .iter()
            .take(end)
            .skip(i)
            .flatten()
            .map(|b| b.shape.indent)
            .min()
            .unwrap_or(0);
        let lines: Vec<String> = slots
            .iter_mut()
            .take(end)
            .skip(i)
            .filter_map(Option::take)
            .enumerate()
            .map(|(k, b)| {
                let pad = usize::from(b.shape.indent - min_indent).min(MAX_CODE_INDENT);
                // A blank line inside the listing stays.
                let blank = if k > 0 && b.shape.gap_before {
                    "\n"
                } else {
                    ""
                };
                format!("{blank}{}{}", " ".repeat(pad), b.raw.text)
            })
            .collect();
        let text = lines.join("\n");
        let stats = TextStats::of(&text);
        let shape = LineTraits {
            gap_before: true,
            lines: u16::try_from(lines.len()).unwrap_or(u16::MAX),
            ..LineTraits::default()
        };
        let raw = RawBlock {
            kind: BlockKind::Code,
            elem: 0,
            link_chars: 0,
            button_chars: 0,
            links: 0,
            inline_hints: Hints::default(),
            path_hash: 0,
            depth: 0,
            in_table: false,
            text,
        };
        out.push(DumpBlock { raw, stats, shape });
        i = end;
    }
    out
}

/// Whether `next` is the wrapped continuation of the block begun by `first` with text `text`.
fn continues(first: &Line<'_>, text: &str, next: &Line<'_>, width: Option<usize>) -> bool {
    let Some(width) = width else { return false };
    if next.bullet.is_some() || next.heading.is_some() || first.heading.is_some() {
        return false;
    }
    // The continuation starts where the text of the first line did.
    let col = if first.bullet.is_some() {
        first.text_col
    } else {
        first.indent
    };
    if next.indent.abs_diff(col) > 1 && !(first.bullet.is_none() && next.indent < first.indent) {
        return false;
    }
    // Was the previous source line full, so that the next word had to go to a new line?
    let prev_len = tail_len(text) + col as usize;
    prev_len + 1 + first_word_len(next.text) > width.saturating_sub(2)
}

/// Characters on the last source line of a block being built: [`join_wrapped`] marks each
/// join with a `\u{1}` (removed when the block is finished).
fn tail_len(text: &str) -> usize {
    match text.rfind('\u{1}') {
        Some(i) => text[i + 1..].chars().count(),
        None => text.chars().count(),
    }
}

/// Appends a wrapped line: words split by the wrap get their space back; a word hyphenated at
/// the wrap (`long-` / `term`) and text in scripts without spaces join directly.
fn join_wrapped(text: &mut String, next: &str) {
    let mut tail = text.chars().rev();
    let (last, before) = (tail.next(), tail.next());
    let first = next.chars().next();
    let glue = match (before, last, first) {
        (_, Some(a), Some(b)) if is_unspaced_char(a) && is_unspaced_char(b) => "",
        (Some(a), Some('-'), Some(b)) if a.is_alphabetic() && b.is_alphabetic() => "",
        _ => " ",
    };
    text.push_str(glue);
    // Mark the join so the next test measures only the new source line.
    text.push('\u{1}');
    text.push_str(next);
}

fn finish((line, text, n): (Line<'_>, String, u16)) -> DumpBlock {
    let text: String = if text.contains('\u{1}') {
        text.replace('\u{1}', "")
    } else {
        text
    };
    let (text, link_chars, links) = strip_markdown_links(&text);
    let text = collapse_spaces(&text);
    let kind = match (line.heading, line.bullet) {
        (Some(level), _) => BlockKind::Heading { level },
        (None, Some(_)) => BlockKind::ListItem,
        _ => BlockKind::Paragraph,
    };
    let stats = TextStats::of(&text);
    let cells = if n == 1 { line.cells } else { 0 };
    let mut shape = LineTraits {
        gap_before: line.gap_before,
        indent: line.indent,
        bullet: line.bullet.is_some(),
        lines: n,
        cells,
        ..traits_of(&text, &stats)
    };
    // The pipes between cells do not make a row a menu.
    if cells > 0 {
        shape.menu_parts = 0;
    }
    let raw = RawBlock {
        kind,
        elem: 0,
        link_chars,
        button_chars: 0,
        links,
        inline_hints: Hints::default(),
        path_hash: u64::from(line.indent) << 1 | u64::from(line.bullet.is_some()),
        depth: line.indent,
        in_table: false,
        text,
    };
    DumpBlock { raw, stats, shape }
}

/// Collapses runs of white space to one space (dumps pad columns with spaces).
fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Separators between the items of a one-line menu.
const MENU_SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " · ", " • ", " / ", " :: "];

/// Parts of a `Home | News | Sport` line, or 0.
fn menu_parts(text: &str) -> u16 {
    for sep in MENU_SEPARATORS {
        let n = text.matches(sep).count();
        if n < 2 {
            continue;
        }
        let parts: Vec<&str> = text.split(sep).map(str::trim).collect();
        let short = parts
            .iter()
            .filter(|p| {
                let w = p.split_whitespace().count();
                (1..=4).contains(&w) && !p.ends_with('.')
            })
            .count();
        if short * 4 >= parts.len() * 3 {
            return parts.len().min(u16::MAX as usize) as u16;
        }
    }
    0
}

/// Whether a short text is mostly numbers: dates, times, counts, "17 minutes ago".
fn is_numeric_line(text: &str, st: &TextStats) -> bool {
    if st.words == 0 || st.words > 16 || st.ends_sentence && st.words > 6 {
        return false;
    }
    let mut numeric = 0u32;
    let mut words = 0u32;
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        // "30th", "2021", "11", "5k" count as numbers.
        if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            numeric += 1;
        }
    }
    numeric > 0 && numeric * 4 >= words
}

pub(crate) fn is_title_case(text: &str) -> bool {
    let mut long = 0u32;
    let mut caps = 0u32;
    for w in text.split_whitespace() {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 4 {
            continue;
        }
        long += 1;
        if w.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
        {
            caps += 1;
        }
    }
    long >= 2 && caps * 10 >= long * 8
}

/// Counts places where a word runs into the next block's capitalised start: four or more
/// lower-case letters, a digit or a `?`/`!` directly followed by a capital and a lower-case
/// letter ("HeadlineThe summary", "250,000The", "Rise?Violence"). Brand names with an inner
/// capital have shorter lower-case runs before it (iPhone, YouTube, JavaScript).
fn glued_boundaries(text: &str) -> u8 {
    let mut n = 0u8;
    let mut lower_run = 0u32;
    let mut prev: Option<char> = None;
    let mut it = text.chars().peekable();
    while let Some(c) = it.next() {
        if c.is_uppercase() {
            let next_lower = it.peek().is_some_and(|d| d.is_lowercase());
            let glue = lower_run >= 4
                || matches!(prev, Some('?' | '!'))
                || prev.is_some_and(|p| p.is_ascii_digit());
            if glue && next_lower {
                n = n.saturating_add(1);
            }
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
        prev = Some(c);
    }
    n
}

/// Ends in a number in brackets, as comment and item counts do.
fn count_suffix(text: &str) -> bool {
    let Some(inner) = text.strip_suffix(')') else {
        return false;
    };
    let Some(open) = inner.rfind('(') else {
        return false;
    };
    let n = &inner[open + 1..];
    !n.is_empty()
        && n.len() <= 7
        && n.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

fn is_sentence_case(text: &str) -> bool {
    let mut words = 0u32;
    let mut lower = 0u32;
    for w in text.split_whitespace() {
        let Some(c) = w.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        words += 1;
        if c.is_lowercase() {
            lower += 1;
        }
    }
    words >= 5 && lower * 10 >= words * 4
}

/// The shape of a block's text (layout fields are filled in by the caller).
fn traits_of(text: &str, st: &TextStats) -> LineTraits {
    let trimmed = text.trim_end();
    let glued = glued_boundaries(text);
    // Legal notices (cookies, rights) are looked for in the whole of a short block, the other
    // phrases at its start.
    let lower_start: String = if st.chars <= 400 {
        text.chars()
            .take(400)
            .flat_map(char::to_lowercase)
            .collect()
    } else {
        String::new()
    };
    let url = {
        let t = text.trim();
        (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
            && !t.contains(' ')
    };
    LineTraits {
        menu_parts: menu_parts(text),
        numeric: is_numeric_line(text, st),
        copyright: text.contains('©')
            || lower_start.starts_with("(c) ")
            || lower_start.starts_with("copyright"),
        ellipsis: trimmed.ends_with('…') || trimmed.ends_with(".."),
        url,
        title_case: is_title_case(text),
        sentence_case: is_sentence_case(text),
        phrases: {
            let mut p = phrase_hints(&lower_start, st.chars);
            if st.chars <= 160 && mentions_subscription(&lower_start) {
                p.0 |= Phrases::ACCOUNT.0;
            }
            // A social word that opens a sentence ("Share of homes sold above asking",
            // "Twitter seemed confused by the campaign") is prose, not a share bar.
            if p == Phrases::SOCIAL
                && st.words >= SOCIAL_SENTENCE_WORDS
                && is_sentence_case(text)
                && glued == 0
            {
                p = Phrases::default();
            }
            p
        },
        glued,
        count_suffix: count_suffix(trimmed),
        ..LineTraits::default()
    }
}

/// Words from which a line that opens with a social word and reads as a sentence is prose,
/// not a share bar (see [`traits_of`]).
const SOCIAL_SENTENCE_WORDS: u32 = 6;

/// Words that, anywhere in a short block, ask the reader to subscribe ("Stay up to date.
/// Subscribe to our newsletter."): an account phrase wherever it stands. Whole words only
/// ("subscribers" is not one).
fn mentions_subscription(lower: &str) -> bool {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| lexicon::SUBSCRIPTION_WORDS.contains(&w))
}

/// Phrases at the start of a short line that usually open page furniture, by family.
/// Lower-case, in several languages. They are weak evidence: the scorer never drops a block
/// for a phrase alone, and a long sentence that starts with one is not looked at.
const PHRASES: &[(Phrases, &[&str])] = &[
    (Phrases::RELATED, lexicon::RELATED_PHRASES),
    (Phrases::TAGS, lexicon::TAGS_PHRASES),
    (Phrases::SOCIAL, lexicon::SOCIAL_PHRASES),
    (Phrases::ACCOUNT, lexicon::ACCOUNT_PHRASES),
    (Phrases::LEGAL, lexicon::LEGAL_PHRASES),
    (Phrases::AD, lexicon::AD_PHRASES),
    (Phrases::COMMENTS, lexicon::COMMENTS_PHRASES),
];

/// Phrase families found at the start of `lower` (the lower-cased first characters of a
/// block of `chars` characters). Legal phrases count anywhere in a short block.
pub(crate) fn phrase_hints(lower: &str, chars: u32) -> Phrases {
    let chars = chars as usize;
    if chars > 400 {
        return Phrases::default();
    }
    let mut found = 0u8;
    for (family, phrases) in PHRASES {
        if chars > 160 && *family != Phrases::LEGAL {
            continue;
        }
        let hit = phrases.iter().any(|p| {
            if *family == Phrases::LEGAL {
                lower.contains(p)
            } else {
                lower.starts_with(p)
                    && lower[p.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric() || !p.is_ascii())
            }
        });
        if hit {
            found |= family.0;
        }
    }
    Phrases(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subscription_words_anywhere_in_a_short_block() {
        assert!(mentions_subscription(
            "stay up to date with us. subscribe to our newsletter."
        ));
        assert!(!mentions_subscription(
            "premium subscribers get fifteen hours a month."
        ));
        let b = segment("Stay up to date with us. Subscribe to our newsletter.").remove(0);
        assert!(b.shape.phrases.has(Phrases::ACCOUNT));
    }

    fn texts(dump: &str) -> Vec<String> {
        segment(dump).into_iter().map(|b| b.raw.text).collect()
    }

    #[test]
    fn blank_lines_and_single_lines_both_end_blocks() {
        assert_eq!(texts("One.\nTwo.\n\nThree."), ["One.", "Two.", "Three."]);
    }

    #[test]
    fn bullets_of_any_glyph_are_list_items() {
        for glyph in ["•", "*", "-", "▪"] {
            let dump = format!("  {glyph} Home\n  {glyph} News\n");
            let blocks = segment(&dump);
            assert_eq!(blocks.len(), 2);
            assert_eq!(blocks[0].raw.text, "Home");
            assert_eq!(blocks[0].raw.kind, BlockKind::ListItem);
        }
        // A leading minus sign is not a bullet.
        assert_eq!(
            segment("-5 degrees tonight")[0].raw.kind,
            BlockKind::Paragraph
        );
        let numbered = segment("1. First step\n2) Second step");
        assert_eq!(numbered[1].raw.text, "2) Second step");
        assert_eq!(numbered[1].raw.kind, BlockKind::ListItem);
    }

    #[test]
    fn wrapped_paragraphs_are_joined() {
        let para = "The council met on Tuesday evening to discuss the new budget, which \
                    includes money for roads, schools and a long-awaited library in the \
                    north of the town. Members argued for three hours before a vote was \
                    finally taken, and the budget passed by seven votes to four.";
        let mut dump = String::new();
        for _ in 0..4 {
            dump.push_str(&wrap(para, 72));
            dump.push_str("\n\n");
        }
        dump.push_str("Home\nNews\nSport\n");
        let blocks = texts(&dump);
        assert_eq!(blocks.len(), 7, "{blocks:#?}");
        assert_eq!(blocks[0], para);
        assert_eq!(blocks[4], "Home");
    }

    /// Greedy word wrap, as converters do.
    fn wrap(text: &str, width: usize) -> String {
        let mut out = String::new();
        let mut line = 0;
        for w in text.split(' ') {
            if line > 0 && line + 1 + w.len() > width {
                out.push('\n');
                line = 0;
            } else if line > 0 {
                out.push(' ');
                line += 1;
            }
            out.push_str(w);
            line += w.len();
        }
        out
    }

    #[test]
    fn unwrapped_dump_keeps_lines_apart() {
        // A converter that does not wrap leaves lines of every length, some very long; short
        // lines of a menu after a long line stay blocks of their own.
        let para = |words: usize| "word ".repeat(words).trim_end().to_string() + ".";
        let dump = [
            para(60),
            para(12),
            "Home".into(),
            "News".into(),
            para(25),
            para(9),
            para(40),
            para(18),
            "About".into(),
        ]
        .join("\n");
        assert_eq!(texts(&dump).len(), 9);
    }

    #[test]
    fn markdown_links_and_headings() {
        let b = segment("## Results\n[Home](/) | [News](/news) | [Sport](/sport)");
        assert_eq!(b[0].raw.kind, BlockKind::Heading { level: 2 });
        assert_eq!(b[0].raw.text, "Results");
        assert_eq!(b[1].raw.text, "Home | News | Sport");
        assert_eq!(b[1].raw.links, 3);
        assert_eq!(b[1].raw.link_chars, 13);
        assert_eq!(b[1].shape.menu_parts, 3);
    }

    #[test]
    fn line_shapes() {
        let shape = |t: &str| segment(t)[0].shape;
        assert!(shape("17 minutes ago").numeric);
        assert!(shape("Tue 30th March 2021 | 11:00 AM").numeric);
        assert!(!shape("The vote was held on 3 May and passed easily.").numeric);
        assert!(shape("© 2021 The Daily, all rights reserved").copyright);
        assert!(shape("Latest Gold Rate for Mar 30, 2021 ..").ellipsis);
        assert!(shape("About Us | Contact Us | Advertise").menu_parts == 3);
        assert!(shape("Related Topics").phrases.has(Phrases::RELATED));
        assert!(
            shape("Also Read – Putin invites Biden")
                .phrases
                .has(Phrases::RELATED)
        );
        assert!(!shape("Nextdoor neighbours complained.").phrases.any());
        assert!(shape("Kremlin Notes Need To Prevent Ties From Deteriorating").title_case);
        assert!(!shape("The Kremlin notes the need to prevent a further decline.").title_case);
    }
}
