//! Content blocks to Markdown (CommonMark, with GitHub's tables and strikethrough).
//!
//! Every content block becomes one Markdown block in document order; the words are exactly
//! those of [`crate::render::text`], with Markdown syntax around them and backslash escapes
//! where a character of the text would otherwise be read as syntax. The structure comes from
//! the [`Layout`] recorded while segmenting: containers (lists, quotes, tables) decide the
//! prefixes of each line and the separators between blocks, spans decide the inline markup.

use crate::block::{Block, BlockKind};
use crate::blocks::structure::{BlockLayout, CARRIED, Layout, SPACED, Span, SpanKind, TableInfo};
use crate::render::href;

/// Renders the content blocks as Markdown, ending in one newline (empty when there is no
/// content).
pub(crate) fn render(blocks: &[Block], layout: &Layout) -> String {
    let mut w = Writer::default();
    let content: Vec<(usize, &Block)> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.is_content())
        .collect();
    let mut i = 0;
    while let Some(&(index, block)) = content.get(i) {
        let at = context(block, layout.block(index));
        // A run of rows of one data table becomes one GFM table.
        if let Some(info) = data_table(layout, &at) {
            let mut rows = Vec::new();
            while let Some(&(j, b)) = content.get(i) {
                let l = layout.block(j);
                if l.table != at.table || l.row == 0 {
                    break;
                }
                rows.push((b, l));
                i += 1;
            }
            let lines = table_lines(&rows, info, layout);
            w.unit(&at, lines);
            continue;
        }
        let lines = block_lines(block, &at, layout);
        w.unit(&at, lines);
        i += 1;
    }
    let mut out = w.out;
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// Lists and quotes nested deeper than this are written at this depth, which bounds the
/// indentation of every line (a hostile page may nest hundreds of lists).
const MAX_NESTING: u8 = 16;

/// A block's layout, with defaults for what the markup did not say: a list item outside any
/// list (or from a plain-text dump) is an item of a bulleted list, a quote outside any recorded
/// quote is quoted once.
fn context(block: &Block, mut l: BlockLayout) -> BlockLayout {
    l.list_depth = l.list_depth.min(MAX_NESTING);
    l.quote_depth = l.quote_depth.min(MAX_NESTING);
    if block.kind == BlockKind::ListItem && l.list_depth == 0 {
        l.list = u32::MAX;
        l.list_depth = 1;
        l.item = 0;
        l.ordered = false;
    }
    if block.kind == BlockKind::Quote && l.quote_depth == 0 {
        l.quote = u32::MAX;
        l.quote_depth = 1;
    }
    l
}

/// The table a block is a row of, if it is a data table.
fn data_table(layout: &Layout, at: &BlockLayout) -> Option<TableInfo> {
    if at.row == 0 || at.table == 0 {
        return None;
    }
    let info = layout.tables.get(at.table as usize - 1).copied()?;
    info.data.then_some(info)
}

/// One open list level while rendering.
struct Level {
    /// List nesting depth in the page (levels whose items were all dropped are skipped).
    depth: u8,
    list: u32,
    item: u32,
    /// Width of the current item's marker: its continuation lines are indented by it.
    width: usize,
    bullet: char,
}

/// Where the previous unit stood, for the separator before the next one.
#[derive(Clone, Copy)]
struct Prev {
    in_list: bool,
    quote: u32,
    quote_depth: u8,
}

#[derive(Default)]
struct Writer {
    out: String,
    levels: Vec<Level>,
    prev: Option<Prev>,
}

impl Writer {
    /// Writes one unit (a block, or a whole table) whose own lines are `lines`, inside the
    /// containers `at` says it is in.
    fn unit(&mut self, at: &BlockLayout, lines: Vec<String>) {
        if lines.is_empty() {
            return;
        }
        let (first_indent, rest_indent, new_item) = self.list_prefixes(at);
        let quote = "> ".repeat(usize::from(at.quote_depth));
        if let Some(p) = self.prev {
            let tight = new_item && p.in_list && at.list_depth > 0;
            self.out.push('\n');
            if !tight {
                let shared = if p.quote_depth > 0 && at.quote_depth > 0 {
                    if p.quote == at.quote || p.quote_depth != at.quote_depth {
                        p.quote_depth.min(at.quote_depth)
                    } else {
                        0
                    }
                } else {
                    0
                };
                self.out.push_str(">".repeat(usize::from(shared)).as_str());
                self.out.push('\n');
            }
        }
        for (n, line) in lines.iter().enumerate() {
            if n > 0 {
                self.out.push('\n');
            }
            let indent = if n == 0 { &first_indent } else { &rest_indent };
            if line.is_empty() {
                self.out.push_str(quote.trim_end());
            } else {
                self.out.push_str(&quote);
                self.out.push_str(indent);
                self.out.push_str(line);
            }
        }
        self.prev = Some(Prev {
            in_list: at.list_depth > 0,
            quote: at.quote,
            quote_depth: at.quote_depth,
        });
    }

    /// The prefixes of the first and the other lines of a unit in list context `at`, and
    /// whether it starts a new list item.
    fn list_prefixes(&mut self, at: &BlockLayout) -> (String, String, bool) {
        if at.list_depth == 0 {
            self.levels.clear();
            return (String::new(), String::new(), false);
        }
        // Leave the levels deeper than this block's list, and a different list at its depth.
        let mut replaced: Option<char> = None;
        while let Some(top) = self.levels.last() {
            if top.depth > at.list_depth || (top.depth == at.list_depth && top.list != at.list) {
                if top.depth == at.list_depth {
                    replaced = Some(top.bullet);
                }
                self.levels.pop();
            } else {
                break;
            }
        }
        let same_list = self
            .levels
            .last()
            .is_some_and(|top| top.depth == at.list_depth && top.list == at.list);
        let continuation =
            same_list && at.item != 0 && self.levels.last().is_some_and(|top| top.item == at.item);
        let outer: String = self
            .levels
            .iter()
            .take(self.levels.len() - usize::from(same_list))
            .map(|l| " ".repeat(l.width))
            .collect();
        if continuation {
            let width = self.levels.last().map_or(0, |l| l.width);
            let indent = format!("{outer}{}", " ".repeat(width));
            return (indent.clone(), indent, false);
        }
        // A new item: a marker on the first line, its width on the others.
        let bullet = match (at.ordered, replaced) {
            (false, Some('-')) => '*',
            (false, _) => '-',
            (true, Some('.')) => ')',
            (true, _) => '.',
        };
        let bullet = if same_list {
            self.levels.last().map_or(bullet, |l| l.bullet)
        } else {
            bullet
        };
        let marker = if at.ordered {
            format!("{}{bullet} ", at.ordinal.max(1))
        } else {
            format!("{bullet} ")
        };
        let width = marker.len();
        if same_list {
            if let Some(top) = self.levels.last_mut() {
                top.item = at.item;
                top.width = width;
            }
        } else {
            self.levels.push(Level {
                depth: at.list_depth,
                list: at.list,
                item: at.item,
                width,
                bullet,
            });
        }
        (
            format!("{outer}{marker}"),
            format!("{outer}{}", " ".repeat(width)),
            true,
        )
    }
}

/// The Markdown lines of one block, before container prefixes.
fn block_lines(block: &Block, at: &BlockLayout, layout: &Layout) -> Vec<String> {
    let text = block.text.as_str();
    let spans = sorted_spans(layout.spans_of(at), 0, text.len());
    let mut lines = Vec::new();
    // Images that stood alone before this block: a paragraph of their own.
    let carried: Vec<&Span> = spans
        .iter()
        .filter(|s| s.kind == SpanKind::Image && s.b == CARRIED)
        .collect();
    if !carried.is_empty() {
        let mut out = String::new();
        for s in carried {
            if !out.is_empty() {
                out.push(' ');
            }
            image(&mut out, s, layout, Mode::Paragraph);
        }
        lines.push(out);
        lines.push(String::new());
    }
    let spans: Vec<Span> = spans
        .into_iter()
        .filter(|s| !(s.kind == SpanKind::Image && s.b == CARRIED))
        .collect();
    match block.kind {
        BlockKind::Code => {
            let longest = longest_run(text, '`');
            let fence = "`".repeat((longest + 1).max(3));
            lines.push(format!("{fence}{}", layout.string(at.lang)));
            lines.extend(
                text.split('\n')
                    .map(|l| l.trim_end_matches('\r').to_string()),
            );
            lines.push(fence);
        }
        BlockKind::Heading { level } => {
            let mut out = "#".repeat(usize::from(level.clamp(1, 6)));
            out.push(' ');
            let start = out.len();
            inline(&mut out, text, (0, text.len()), &spans, layout, Mode::Line);
            protect_closing_hashes(&mut out, start);
            lines.push(out);
        }
        _ => {
            let mut out = String::new();
            inline(
                &mut out,
                text,
                (0, text.len()),
                &spans,
                layout,
                Mode::Paragraph,
            );
            lines.extend(out.split('\n').map(str::to_string));
        }
    }
    lines
}

/// A heading's trailing `#`s would be read as its optional closing sequence: escape them.
fn protect_closing_hashes(out: &mut String, start: usize) {
    let body = out.get(start..).unwrap_or_default();
    let trimmed = body.trim_end_matches('#');
    if trimmed.len() == body.len() || trimmed.ends_with('\\') {
        return;
    }
    if trimmed.is_empty() || trimmed.ends_with([' ', '\t']) {
        out.insert(start + trimmed.len(), '\\');
    }
}

/// The lines of a GFM table from the content blocks of its rows (a row is one block, or one
/// block a cell when its cells hold a paragraph each). A table without a heading row gets an
/// empty one, since GFM requires one.
fn table_lines(blocks: &[(&Block, BlockLayout)], info: TableInfo, layout: &Layout) -> Vec<String> {
    let columns = usize::from(info.columns).max(1);
    let delimiter = format!("|{}", " --- |".repeat(columns));
    let mut lines = Vec::new();
    let headed = blocks
        .first()
        .is_some_and(|(_, l)| info.header_row != 0 && l.row == info.header_row);
    if !headed {
        lines.push(format!("|{}", "  |".repeat(columns)));
        lines.push(delimiter.clone());
    }
    let mut cells = vec![String::new(); columns];
    let mut rows = 0;
    for (n, (block, l)) in blocks.iter().enumerate() {
        let text = block.text.as_str();
        let spans = sorted_spans(layout.spans_of(l), 0, text.len());
        for cell in spans.iter().filter(|s| s.kind == SpanKind::Cell) {
            let Some(slot) = cells.get_mut(cell.a as usize) else {
                continue;
            };
            let inner: Vec<Span> = sorted_spans(&spans, cell.start as usize, cell.end as usize)
                .into_iter()
                .filter(|s| s.kind != SpanKind::Cell)
                .collect();
            if !slot.is_empty() {
                slot.push(' ');
            }
            let range = (cell.start as usize, cell.end as usize);
            inline(slot, text, range, &inner, layout, Mode::Cell);
        }
        let row_ends = blocks.get(n + 1).is_none_or(|(_, next)| next.row != l.row);
        if row_ends {
            lines.push(format!("| {} |", cells.join(" | ")));
            if rows == 0 && headed {
                lines.push(delimiter.clone());
            }
            rows += 1;
            cells.iter_mut().for_each(String::clear);
        }
    }
    lines
}

/// The spans overlapping `start..end`, clipped to it, outer before inner: by start, then by
/// longest. Zero-width spans (images) at the ends are kept.
fn sorted_spans(spans: &[Span], start: usize, end: usize) -> Vec<Span> {
    let (start, end) = (start as u32, end as u32);
    let mut out: Vec<Span> = spans
        .iter()
        .filter_map(|s| {
            let clipped = Span {
                start: s.start.max(start),
                end: s.end.min(end),
                ..*s
            };
            let keep = if s.kind == SpanKind::Image {
                (start..=end).contains(&s.start)
            } else {
                clipped.start < clipped.end
            };
            keep.then_some(clipped)
        })
        .collect();
    out.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    out
}

/// How inline text is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A paragraph: line breaks are hard breaks.
    Paragraph,
    /// One line (a heading): line breaks become spaces.
    Line,
    /// A GFM table cell: one line, `|` escaped.
    Cell,
}

/// An open emphasis-like span while writing inline text.
struct OpenMark {
    end: usize,
    /// The closing text, empty when the span's markers were left out (they would not parse).
    close: String,
}

/// Writes `text[range]` with the markup of `spans` (sorted as by [`sorted_spans`], inside
/// `range`), escaping what Markdown would otherwise read as syntax.
fn inline(
    out: &mut String,
    text: &str,
    range: (usize, usize),
    spans: &[Span],
    layout: &Layout,
    mode: Mode,
) {
    let (mut i, end) = range;
    let mut stack: Vec<OpenMark> = Vec::new();
    let mut next = 0;
    // Where the last emphasis-like marker closed, to join `*a**b*` into `*ab*`.
    let mut last_close: Option<(usize, String)> = None;
    let mut line_start = out.is_empty() || out.ends_with('\n');
    loop {
        while stack.last().is_some_and(|m| m.end <= i) {
            if let Some(m) = stack.pop() {
                out.push_str(&m.close);
                if !m.close.is_empty() {
                    last_close = Some((out.len(), m.close));
                }
            }
        }
        let limit = stack.last().map_or(end, |m| m.end);
        let mut jumped = false;
        while let Some(s) = spans.get(next) {
            if s.start as usize > i {
                break;
            }
            next += 1;
            let s_end = (s.end as usize).min(limit).max(i);
            match s.kind {
                SpanKind::Image => {
                    // The source's white space before it (the text has it after the image).
                    if s.b == SPACED && !line_start && !out.ends_with([' ', '\n', '[']) {
                        out.push(' ');
                    }
                    image(out, s, layout, mode);
                    line_start = false;
                }
                SpanKind::Code => {
                    code_span(out, text.get(i..s_end).unwrap_or_default(), mode);
                    line_start = false;
                    // Nothing inside a code span is markup.
                    while spans.get(next).is_some_and(|n| (n.start as usize) < s_end) {
                        next += 1;
                    }
                    i = s_end;
                    jumped = true;
                    break;
                }
                SpanKind::Link => {
                    let target = link_target(layout.string((s.a, s.b)), layout, mode);
                    out.push('[');
                    line_start = false;
                    stack.push(OpenMark {
                        end: s_end,
                        close: format!("]({target})"),
                    });
                }
                SpanKind::Emphasis | SpanKind::Strong | SpanKind::Strike => {
                    let marker = match s.kind {
                        SpanKind::Emphasis => "*",
                        SpanKind::Strong => "**",
                        _ => "~~",
                    };
                    let ok = flanking(text, i, s_end);
                    if ok {
                        match &last_close {
                            // `*a**b*`: continue the span that just closed instead.
                            Some((at, m)) if *at == out.len() && m == marker => {
                                out.truncate(out.len() - marker.len());
                            }
                            _ => out.push_str(marker),
                        }
                        line_start = false;
                    }
                    stack.push(OpenMark {
                        end: s_end,
                        close: if ok {
                            marker.to_string()
                        } else {
                            String::new()
                        },
                    });
                }
                SpanKind::Cell => {}
            }
        }
        if jumped {
            continue;
        }
        if i >= end {
            break;
        }
        let stop = spans
            .get(next)
            .map_or(end, |s| (s.start as usize).min(end))
            .min(stack.last().map_or(end, |m| m.end))
            .max(i + 1);
        let stop = next_boundary(text, stop);
        escape_text(out, text, i, stop, mode, &mut line_start);
        last_close = None;
        i = stop;
    }
    while let Some(m) = stack.pop() {
        out.push_str(&m.close);
    }
}

/// The first char boundary of `text` at or after `i`.
fn next_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// Whether `*`/`**`/`~~` around `text[start..end]` would parse as emphasis (CommonMark's
/// flanking rules): not when the content starts with punctuation right after a letter, or ends
/// with punctuation right before one.
fn flanking(text: &str, start: usize, end: usize) -> bool {
    let inner = text.get(start..end).unwrap_or_default();
    let (Some(first), Some(last)) = (inner.chars().next(), inner.chars().next_back()) else {
        return false;
    };
    let before = text.get(..start).and_then(|t| t.chars().next_back());
    let after = text.get(end..).and_then(|t| t.chars().next());
    let loose = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || is_punctuation(c));
    let opens = !first.is_whitespace() && (!is_punctuation(first) || loose(before));
    let closes = !last.is_whitespace() && (!is_punctuation(last) || loose(after));
    opens && closes
}

/// Punctuation as CommonMark counts it (ASCII punctuation and Unicode P and S categories; the
/// latter approximated by "not alphanumeric, not white space, not a control").
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace())
}

/// Writes a code span: the text verbatim between enough backticks.
fn code_span(out: &mut String, code: &str, mode: Mode) {
    let code = code.replace(['\n', '\t'], " ");
    let code = if mode == Mode::Cell {
        code.replace('|', "\\|")
    } else {
        code
    };
    let fence = "`".repeat(longest_run(&code, '`') + 1);
    let pad = code.starts_with('`')
        || code.ends_with('`')
        || (code.starts_with(' ') && code.ends_with(' ') && !code.trim().is_empty());
    out.push_str(&fence);
    if pad {
        out.push(' ');
    }
    out.push_str(&code);
    if pad {
        out.push(' ');
    }
    out.push_str(&fence);
}

fn longest_run(s: &str, c: char) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for ch in s.chars() {
        if ch == c {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    longest
}

fn image(out: &mut String, s: &Span, layout: &Layout, mode: Mode) {
    let Some(img) = layout.images.get(s.a as usize) else {
        return;
    };
    let alt = layout.string(img.alt);
    out.push_str("![");
    let mut line_start = false;
    let alt_mode = if mode == Mode::Cell {
        Mode::Cell
    } else {
        Mode::Line
    };
    escape_text(out, alt, 0, alt.len(), alt_mode, &mut line_start);
    out.push_str("](");
    out.push_str(&link_target(layout.string(img.src), layout, mode));
    out.push(')');
}

/// A link or image target made absolute against the page's base, written so that it parses
/// as one destination: white space and angle brackets percent-encoded, parentheses escaped.
fn link_target(raw: &str, layout: &Layout, mode: Mode) -> String {
    let url = match &layout.base {
        Some(base) => href::resolve(raw, base),
        None => href::clean(raw),
    };
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '(' | ')' => {
                out.push('\\');
                out.push(c);
            }
            '|' if mode == Mode::Cell => out.push_str("%7C"),
            ' ' | '<' | '>' | '\\' | '`' => out.push_str(&format!("%{:02X}", c as u32)),
            c if c.is_control() || c.is_whitespace() => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Writes `text[start..stop]`, escaping characters that would be read as Markdown syntax.
/// `line_start` tells whether the output is at the start of a line (where `#`, `>`, `-`, `+`,
/// `=` and `1.` start blocks), and is updated.
fn escape_text(
    out: &mut String,
    text: &str,
    start: usize,
    stop: usize,
    mode: Mode,
    line_start: &mut bool,
) {
    let Some(segment) = text.get(start..stop) else {
        return;
    };
    let mut prev = text.get(..start).and_then(|t| t.chars().next_back());
    let mut chars = segment.char_indices().peekable();
    // Byte offset (in `segment`) of a character to escape because of where the line starts.
    let mut escape_at = if *line_start {
        line_start_escape(segment)
    } else {
        None
    };
    while let Some((k, c)) = chars.next() {
        let next = match chars.peek() {
            Some(&(_, n)) => Some(n),
            None => text.get(stop..).and_then(|t| t.chars().next()),
        };
        if c == '\n' {
            match mode {
                Mode::Paragraph => {
                    out.push_str("\\\n");
                    *line_start = true;
                    escape_at = line_start_escape(segment.get(k + 1..).unwrap_or_default())
                        .map(|e| e + k + 1);
                }
                Mode::Line | Mode::Cell => out.push(' '),
            }
            prev = Some(c);
            continue;
        }
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '~' => true,
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            '&' => looks_like_entity(text.get(start + k + 1..).unwrap_or_default()),
            '|' => mode == Mode::Cell,
            _ => escape_at == Some(k),
        };
        if c == '\t' {
            // Cells of a table flattened into a paragraph.
            out.push_str(" · ");
        } else {
            if escape {
                out.push('\\');
            }
            out.push(c);
        }
        *line_start = false;
        prev = Some(c);
    }
}

/// Whether the text after a `&` would be read as a character reference (`&amp;`, `&#38;`,
/// `&#x26;`), which Markdown decodes.
fn looks_like_entity(after: &str) -> bool {
    let body = after.strip_prefix('#').unwrap_or(after);
    let name_len = body
        .bytes()
        .take(32)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    name_len > 0 && body.as_bytes().get(name_len) == Some(&b';')
}

/// At the start of a line, the byte offset of the character that would start a block (a
/// heading `#`, a quote `>`, a bullet `-`/`+`, a setext underline `=`, a table pipe, or the
/// `.`/`)` of an item number) and so needs a backslash.
fn line_start_escape(line: &str) -> Option<usize> {
    let mut chars = line.chars();
    let first = chars.next()?;
    let second = chars.next();
    let ends_marker = |c: Option<char>| c.is_none_or(|c| c.is_whitespace());
    match first {
        '#' | '>' | '|' => Some(0),
        '-' | '+' | '=' if ends_marker(second) || second == Some(first) => Some(0),
        '0'..='9' => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            let after = line.get(digits..)?;
            let mut rest = after.chars();
            let mark = rest.next()?;
            (digits <= 9 && matches!(mark, '.' | ')') && ends_marker(rest.next())).then_some(digits)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esc(s: &str) -> String {
        let mut out = String::new();
        let mut ls = true;
        escape_text(&mut out, s, 0, s.len(), Mode::Paragraph, &mut ls);
        out
    }

    #[test]
    fn block_starts_are_escaped_only_at_line_starts() {
        assert_eq!(esc("# not a heading"), "\\# not a heading");
        assert_eq!(esc("1. not a list"), "1\\. not a list");
        assert_eq!(esc("2024. A year"), "2024\\. A year");
        assert_eq!(esc("3.5 per cent"), "3.5 per cent");
        assert_eq!(esc("- dash"), "\\- dash");
        assert_eq!(esc("-5 degrees"), "-5 degrees");
        assert_eq!(esc("> quoted"), "\\> quoted");
        assert_eq!(esc("a # b > c - d 1. e"), "a # b > c - d 1. e");
        assert_eq!(esc("line\n---"), "line\\\n\\---");
    }

    #[test]
    fn inline_syntax_is_escaped() {
        assert_eq!(esc("a*b*c"), "a\\*b\\*c");
        assert_eq!(esc("snake_case _x_"), "snake_case \\_x\\_");
        assert_eq!(esc("[1] `x` ~y~"), "\\[1\\] \\`x\\` \\~y\\~");
        assert_eq!(
            esc("<div> a < b &amp; c & d"),
            "\\<div> a < b \\&amp; c & d"
        );
        assert_eq!(esc("M&S &#38; &x"), "M&S \\&#38; &x");
        assert_eq!(esc("back\\slash"), "back\\\\slash");
    }

    #[test]
    fn emphasis_only_where_it_parses() {
        assert!(flanking("a *b* c", 3, 4));
        assert!(flanking("foobar", 3, 6));
        assert!(!flanking("x\"q\"y", 1, 4));
        assert!(flanking(" \"q\" ", 1, 4));
    }

    #[test]
    fn code_spans_take_longer_fences() {
        let mut out = String::new();
        code_span(&mut out, "a`b", Mode::Paragraph);
        assert_eq!(out, "``a`b``");
        out.clear();
        code_span(&mut out, "`x", Mode::Paragraph);
        assert_eq!(out, "`` `x ``");
    }

    #[test]
    fn closing_hashes_are_protected() {
        let mut s = String::from("## Item #");
        protect_closing_hashes(&mut s, 3);
        assert_eq!(s, "## Item \\#");
        let mut s = String::from("## C#");
        protect_closing_hashes(&mut s, 3);
        assert_eq!(s, "## C#");
    }
}
