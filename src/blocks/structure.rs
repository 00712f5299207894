//! The structure of the page around and inside each block, recorded during segmentation for
//! the Markdown renderer: emphasis, inline code, links and images as spans of a block's text;
//! lists, list items, quotes and tables as the containers a block sits in; the language of a
//! code block.
//!
//! Recording costs almost nothing when a page has none of it. Spans are byte ranges into the
//! block's text, kept for the whole page in one `Vec` (a block owns a range of it) and started
//! lazily, at the first word inside the element, so an element without text leaves no trace.
//! Strings (link targets, image sources, code languages) go into one `String` for the page. No
//! allocation is made per element: every growing buffer here is reused or amortised.

use crate::parse::dom::{Element, Tag};

/// What a span marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpanKind {
    /// `<em>`, `<i>`.
    Emphasis,
    /// `<strong>`, `<b>`.
    Strong,
    /// `<s>`, `<strike>`, `<del>`.
    Strike,
    /// `<code>`, `<kbd>`, `<samp>`, `<tt>` outside `<pre>`.
    Code,
    /// `<a href>`; `a..b` is the target in [`Layout::strings`].
    Link,
    /// `<img>`: zero width; `a` indexes [`Layout::images`]; `b` is [`CARRIED`] when the image
    /// stood in no block of its own and was carried to the start of the next one, else
    /// [`SPACED`] when white space came between it and the text before it, else 0.
    Image,
    /// A table cell's text; `a` is its column, `b` its column span.
    Cell,
}

/// [`SpanKind::Image`] flag: the image starts the block as a paragraph of its own.
pub(crate) const CARRIED: u32 = 1;
/// [`SpanKind::Image`] flag: white space separates the image from the text before it.
pub(crate) const SPACED: u32 = 2;

/// A marked byte range `start..end` of a block's text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Span {
    pub start: u32,
    pub end: u32,
    pub kind: SpanKind,
    pub a: u32,
    pub b: u32,
}

/// An image: source and alternative text, as ranges of [`Layout::strings`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Image {
    pub src: (u32, u32),
    pub alt: (u32, u32),
}

/// What is known about a table once it has closed.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TableInfo {
    /// A grid of inline cells: rendered as a GFM table. Otherwise a layout table, flattened.
    pub data: bool,
    /// Number of columns (when `data`).
    pub columns: u16,
    /// The row (1-based) that heads the table: its first row, when that is in `<thead>` or
    /// made of `<th>` cells only; 0 when the table has no heading row.
    pub header_row: u32,
}

/// Where a block sits, and which spans it has.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct BlockLayout {
    /// The block's spans: `Layout::spans[spans.0..spans.1]`.
    pub spans: (u32, u32),
    /// Innermost list (an id unique in the page, 0 for none) and its nesting depth (1 for a
    /// top-level list).
    pub list: u32,
    pub list_depth: u8,
    pub ordered: bool,
    /// Innermost list item of that list (an id, 0 for none) and its number in the list.
    pub item: u32,
    pub ordinal: u32,
    /// Innermost block quote (an id, 0 for none) and how many quotes enclose the block.
    pub quote: u32,
    pub quote_depth: u8,
    /// Innermost table, as an index into [`Layout::tables`] plus one (0 for none), and the row
    /// (1-based; 0 for a caption or other text outside the rows).
    pub table: u32,
    pub row: u32,
    /// The code block's language, a range of [`Layout::strings`] (empty for none).
    pub lang: (u32, u32),
}

/// Everything recorded for a page, owned by [`Extracted`](crate::Extracted).
#[derive(Debug, Clone, Default)]
pub(crate) struct Layout {
    /// One per block, in block order (empty for plain-text dumps).
    pub blocks: Vec<BlockLayout>,
    pub spans: Vec<Span>,
    pub images: Vec<Image>,
    pub tables: Vec<TableInfo>,
    pub strings: String,
    /// The page's `<base href>`, if it has one.
    pub base_href: Option<String>,
    /// The URL relative links and images resolve against (absolute), set after extraction.
    pub base: Option<String>,
}

impl Layout {
    pub fn string(&self, range: (u32, u32)) -> &str {
        self.strings
            .get(range.0 as usize..range.1 as usize)
            .unwrap_or_default()
    }

    pub fn block(&self, i: usize) -> BlockLayout {
        self.blocks.get(i).copied().unwrap_or_default()
    }

    pub fn spans_of(&self, b: &BlockLayout) -> &[Span] {
        self.spans
            .get(b.spans.0 as usize..b.spans.1 as usize)
            .unwrap_or_default()
    }
}

/// What to record besides the always-recorded structure.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Record {
    pub links: bool,
    pub images: bool,
}

/// No span index: the element's span has not started yet (no text inside it so far).
const UNSTARTED: u32 = u32::MAX;
/// No span index, ever: an outer cell whose table holds another table (a layout table).
const INERT: u32 = u32::MAX - 1;
/// Number of [`SpanKind`]s.
const KINDS: usize = 7;

/// An open element whose span is recorded once text comes.
#[derive(Clone, Copy)]
struct OpenSpan {
    kind: SpanKind,
    a: u32,
    b: u32,
    /// Index of its span in `Layout::spans` for the current block, or `UNSTARTED`.
    span: u32,
    /// A block ended inside it after its text began: its text is in two blocks.
    split: bool,
}

/// What closing a tracked element undoes.
#[derive(Clone, Copy)]
enum Undo {
    Nothing,
    Span,
    List,
    Item,
    Quote { id: u32 },
    Pre { lang: (u32, u32) },
    Lang { lang: (u32, u32) },
    Table,
    Head,
    Row,
    Cell,
}

/// The most columns a data table may have; wider grids are flattened (and bound the output).
const MAX_COLUMNS: usize = 64;

struct ListState {
    id: u32,
    ordered: bool,
    /// Number of the next item.
    next: u32,
}

struct ItemState {
    id: u32,
    /// `lists.len()` when the item opened: it belongs to that list.
    list_depth: usize,
    ordinal: u32,
}

struct TableState {
    index: u32,
    rows: u32,
    row_open: bool,
    /// Cells of this table open now.
    open_cells: u32,
    /// Block elements opened in the current cell. A data table's cell holds inline content,
    /// or one paragraph (`<p>` or `<div>`) of it, as documentation generators write them.
    cell_blocks: u32,
    /// Next column of the current row; the width of the first row with cells.
    col: usize,
    width: usize,
    /// Inside `<thead>`; the current row has only `<th>` cells so far.
    in_head: bool,
    row_th: bool,
    header_row: u32,
    /// Columns of the current row taken by a cell above (`rowspan`), as bits.
    taken: u64,
    /// For each column, how many more rows a cell above still spans.
    carry: [u16; MAX_COLUMNS],
    grid: bool,
}

/// Records the layout while [`crate::blocks::segment`] walks the page. The segmenter calls `open` and
/// `close` for every element it walks into, `word` before appending a word when
/// [`Recorder::waiting`] says a span waits for one, and `flush` when it ends a block.
pub(crate) struct Recorder {
    record: Record,
    out: Layout,
    open: Vec<OpenSpan>,
    /// How many of `open` are `UNSTARTED`.
    unstarted: u32,
    /// How many of `open` are of each kind and not `INERT`. At most one span of a kind is
    /// recorded at a time (`<b><b>x</b></b>` is one bold run), so that a block ending inside
    /// many nested elements restarts a bounded number of spans.
    active: [u32; KINDS],
    /// First span of the block being built.
    block_start: u32,
    undo: Vec<Undo>,
    lists: Vec<ListState>,
    items: Vec<ItemState>,
    quote: u32,
    quote_depth: u8,
    tables: Vec<TableState>,
    pre_depth: u32,
    lang: (u32, u32),
    next_id: u32,
}

impl Recorder {
    pub fn new(record: Record) -> Self {
        Recorder {
            record,
            out: Layout::default(),
            open: Vec::new(),
            unstarted: 0,
            active: [0; KINDS],
            block_start: 0,
            undo: Vec::new(),
            lists: Vec::new(),
            items: Vec::new(),
            quote: 0,
            quote_depth: 0,
            tables: Vec::new(),
            pre_depth: 0,
            lang: (0, 0),
            next_id: 0,
        }
    }

    pub fn finish(self) -> Layout {
        self.out
    }

    /// Whether a span waits for the next word to start.
    #[inline]
    pub fn waiting(&self) -> bool {
        self.unstarted > 0
    }

    fn id(&mut self) -> u32 {
        self.next_id = self.next_id.wrapping_add(1).max(1);
        self.next_id
    }

    /// Appends `s` to the page's strings and returns its range.
    fn intern(&mut self, s: &str) -> (u32, u32) {
        let start = self.out.strings.len() as u32;
        self.out.strings.push_str(s);
        (start, self.out.strings.len() as u32)
    }

    /// The `<base href>` of the page (the first one counts).
    pub fn base_href(&mut self, el: Element<'_>) {
        if self.out.base_href.is_none()
            && let Some(href) = el.attr("href")
        {
            self.out.base_href = Some(href.trim().to_string());
        }
    }

    /// A word is about to be appended to the block at byte `pos`: the waiting spans start there.
    pub fn word(&mut self, pos: usize) {
        let pos = pos as u32;
        for o in self.open.iter_mut().filter(|o| o.span == UNSTARTED) {
            if o.split && o.kind == SpanKind::Cell {
                // A cell whose text is cut into blocks (`<br><br>` in it).
                if let Some(t) = self.tables.last_mut() {
                    t.grid = false;
                }
            }
            o.span = self.out.spans.len() as u32;
            self.out.spans.push(Span {
                start: pos,
                end: pos,
                kind: o.kind,
                a: o.a,
                b: o.b,
            });
        }
        self.unstarted = 0;
    }

    fn open_span(&mut self, kind: SpanKind, a: u32, b: u32) -> Undo {
        match self.active.get_mut(kind as usize) {
            Some(n) if *n == 0 => *n = 1,
            _ => return Undo::Nothing,
        }
        self.open.push(OpenSpan {
            kind,
            a,
            b,
            span: UNSTARTED,
            split: false,
        });
        self.unstarted += 1;
        Undo::Span
    }

    /// An element opens. `class` is its class attribute; `block` whether the segmenter treats it
    /// as block-level; `text_len` the length of the block being built.
    #[inline]
    pub fn open(
        &mut self,
        el: Element<'_>,
        tag: Tag,
        class: Option<&str>,
        block: bool,
        text_len: usize,
    ) {
        // Most elements are neither: skip the call.
        if block || is_tracked(tag) {
            self.open_element(el, tag, class, block, text_len);
        }
    }

    fn open_element(
        &mut self,
        el: Element<'_>,
        tag: Tag,
        class: Option<&str>,
        block: bool,
        text_len: usize,
    ) {
        if block {
            // More than a paragraph in a cell (a nested table, a list, two paragraphs) makes the
            // table a layout table.
            if let Some(t) = self.tables.last_mut()
                && t.open_cells > 0
            {
                t.cell_blocks += 1;
                if t.cell_blocks > 1 || !matches!(tag, Tag::P | Tag::Div) {
                    t.grid = false;
                }
            }
        }
        let undo = match tag {
            Tag::Em | Tag::I if self.pre_depth == 0 => self.open_span(SpanKind::Emphasis, 0, 0),
            Tag::B | Tag::Strong if self.pre_depth == 0 => self.open_span(SpanKind::Strong, 0, 0),
            Tag::S | Tag::Del if self.pre_depth == 0 => self.open_span(SpanKind::Strike, 0, 0),
            Tag::Code | Tag::Tt | Tag::Kbd | Tag::Samp if self.pre_depth == 0 => {
                self.open_span(SpanKind::Code, 0, 0)
            }
            Tag::Code if self.pre_depth > 0 => {
                // Kept until the `<pre>` closes: its block ends only then.
                self.set_lang(class);
                Undo::Nothing
            }
            Tag::A if self.record.links => match el.attr("href") {
                Some(href) if is_link_target(&href) => {
                    let (a, b) = self.intern(&href);
                    self.open_span(SpanKind::Link, a, b)
                }
                _ => Undo::Nothing,
            },
            Tag::Ul | Tag::Ol | Tag::Menu | Tag::Dl => {
                let start = if tag == Tag::Ol {
                    el.attr("start")
                        .and_then(|s| s.trim().parse::<u32>().ok())
                        .unwrap_or(1)
                        .min(999_999_999)
                } else {
                    1
                };
                let id = self.id();
                self.lists.push(ListState {
                    id,
                    ordered: tag == Tag::Ol,
                    next: start,
                });
                Undo::List
            }
            Tag::Li | Tag::Dd | Tag::Dt => {
                let ordinal = match self.lists.last_mut() {
                    Some(l) => {
                        let n = l.next;
                        l.next = l.next.saturating_add(1).min(999_999_999);
                        n
                    }
                    None => 1,
                };
                let id = self.id();
                self.items.push(ItemState {
                    id,
                    list_depth: self.lists.len(),
                    ordinal,
                });
                Undo::Item
            }
            Tag::Blockquote => {
                let saved = self.quote;
                self.quote = self.id();
                self.quote_depth = self.quote_depth.saturating_add(1);
                Undo::Quote { id: saved }
            }
            Tag::Pre => {
                let saved = self.lang;
                self.set_lang(class);
                self.pre_depth += 1;
                Undo::Pre { lang: saved }
            }
            Tag::Div if class.is_some_and(|c| c.contains("highlight-")) => self.set_lang(class),
            Tag::Div => Undo::Nothing,
            Tag::Table => {
                let index = self.out.tables.len() as u32;
                self.out.tables.push(TableInfo::default());
                self.tables.push(TableState {
                    index,
                    rows: 0,
                    row_open: false,
                    open_cells: 0,
                    cell_blocks: 0,
                    col: 0,
                    width: 0,
                    in_head: false,
                    row_th: true,
                    header_row: 0,
                    taken: 0,
                    carry: [0; MAX_COLUMNS],
                    grid: true,
                });
                Undo::Table
            }
            Tag::Tr => match self.tables.last_mut() {
                Some(t) => {
                    t.rows += 1;
                    t.row_open = true;
                    t.col = 0;
                    t.row_th = true;
                    t.taken = 0;
                    for (c, n) in t.carry.iter_mut().enumerate() {
                        if *n > 0 {
                            *n -= 1;
                            t.taken |= 1 << c;
                        }
                    }
                    Undo::Row
                }
                None => Undo::Nothing,
            },
            Tag::Thead => match self.tables.last_mut() {
                Some(t) => {
                    t.in_head = true;
                    Undo::Head
                }
                None => Undo::Nothing,
            },
            Tag::Td | Tag::Th => self.open_cell(el, text_len),
            _ if is_tracked(tag) => Undo::Nothing,
            _ => return,
        };
        self.undo.push(undo);
    }

    fn open_cell(&mut self, el: Element<'_>, text_len: usize) -> Undo {
        // A cell inside a cell: only the innermost one's text is recorded (the outer table holds
        // a table, so it is a layout table).
        if self
            .active
            .get(SpanKind::Cell as usize)
            .is_some_and(|n| *n > 0)
            && let Some(outer) = self
                .open
                .iter_mut()
                .rev()
                .find(|o| o.kind == SpanKind::Cell && o.span != INERT)
        {
            if outer.span == UNSTARTED {
                self.unstarted = self.unstarted.saturating_sub(1);
            } else if let Some(s) = self.out.spans.get_mut(outer.span as usize) {
                s.end = text_len as u32;
            }
            outer.span = INERT;
            if let Some(n) = self.active.get_mut(SpanKind::Cell as usize) {
                *n = n.saturating_sub(1);
            }
        }
        let Some(t) = self.tables.last_mut() else {
            return Undo::Nothing;
        };
        if !t.row_open {
            t.grid = false;
            return Undo::Nothing;
        }
        let span = |name: &str| {
            el.attr(name)
                .and_then(|v| v.trim().parse::<u32>().ok())
                .unwrap_or(1)
        };
        let colspan = span("colspan").clamp(1, MAX_COLUMNS as u32 + 1) as usize;
        let rowspan = span("rowspan");
        if rowspan == 0 {
            // "To the end of the section": rare, and not worth modelling.
            t.grid = false;
        }
        while t.col < MAX_COLUMNS && t.taken & (1 << t.col) != 0 {
            t.col += 1;
        }
        let col = t.col;
        if col + colspan > MAX_COLUMNS {
            t.grid = false;
            t.col = MAX_COLUMNS;
        } else {
            for c in col..col + colspan {
                t.taken |= 1 << c;
                if rowspan > 1
                    && let Some(n) = t.carry.get_mut(c)
                {
                    *n = (*n).max((rowspan - 1).min(u32::from(u16::MAX)) as u16);
                }
            }
            t.col = col + colspan;
        }
        t.open_cells += 1;
        t.cell_blocks = 0;
        t.row_th &= el.tag() == Tag::Th;
        if let Some(n) = self.active.get_mut(SpanKind::Cell as usize) {
            *n += 1;
        }
        self.open.push(OpenSpan {
            kind: SpanKind::Cell,
            a: col as u32,
            b: colspan as u32,
            span: UNSTARTED,
            split: false,
        });
        self.unstarted += 1;
        Undo::Cell
    }

    /// Sets the code language from a class attribute that names one.
    fn set_lang(&mut self, class: Option<&str>) -> Undo {
        let saved = self.lang;
        if let Some(lang) = class.and_then(code_language) {
            self.lang = self.intern(lang);
        }
        Undo::Lang { lang: saved }
    }

    /// An element opened with [`Recorder::open`] closes (after the segmenter ended any block it
    /// ended). `text_len` is the length of the block being built.
    #[inline]
    pub fn close(&mut self, tag: Tag, text_len: usize) {
        if is_tracked(tag) {
            self.close_element(text_len);
        }
    }

    fn close_element(&mut self, text_len: usize) {
        let Some(undo) = self.undo.pop() else { return };
        match undo {
            Undo::Nothing => {}
            Undo::Span | Undo::Cell => {
                if let Some(o) = self.open.pop() {
                    if o.span != INERT
                        && let Some(n) = self.active.get_mut(o.kind as usize)
                    {
                        *n = n.saturating_sub(1);
                    }
                    if o.span == UNSTARTED {
                        self.unstarted = self.unstarted.saturating_sub(1);
                    } else if let Some(s) = self.out.spans.get_mut(o.span as usize) {
                        s.end = text_len as u32;
                    }
                }
                if let (Undo::Cell, Some(t)) = (undo, self.tables.last_mut()) {
                    t.open_cells = t.open_cells.saturating_sub(1);
                }
            }
            Undo::List => {
                self.lists.pop();
            }
            Undo::Item => {
                self.items.pop();
            }
            Undo::Quote { id } => {
                self.quote = id;
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            Undo::Pre { lang } => {
                self.lang = lang;
                self.pre_depth = self.pre_depth.saturating_sub(1);
            }
            Undo::Lang { lang } => self.lang = lang,
            Undo::Row => {
                if let Some(t) = self.tables.last_mut() {
                    t.row_open = false;
                    let taken_width = 64 - t.taken.leading_zeros() as usize;
                    let width = t.col.max(taken_width);
                    // Rows without cells (spacers) do not count.
                    if width > 0 {
                        if t.width == 0 {
                            t.width = width;
                            if t.in_head || t.row_th {
                                t.header_row = t.rows;
                            }
                        } else if width != t.width {
                            t.grid = false;
                        }
                    }
                }
            }
            Undo::Head => {
                if let Some(t) = self.tables.last_mut() {
                    t.in_head = false;
                }
            }
            Undo::Table => {
                if let Some(t) = self.tables.pop()
                    && let Some(info) = self.out.tables.get_mut(t.index as usize)
                {
                    info.data = t.grid && t.rows >= 2 && (2..=MAX_COLUMNS).contains(&t.width);
                    info.columns = t.width as u16;
                    info.header_row = t.header_row;
                }
            }
        }
    }

    /// An image: recorded at `pos` in the block being built (or, if the block ends without text,
    /// carried to the start of the next one); `space` tells whether white space came before it.
    pub fn image(&mut self, el: Element<'_>, pos: usize, space: bool) {
        if !self.record.images || self.pre_depth > 0 {
            return;
        }
        let src = ["src", "data-src", "data-original"]
            .iter()
            .find_map(|name| {
                el.attr(name)
                    .filter(|v| is_image_source(v))
                    .map(|v| v.to_string())
            });
        let Some(src) = src else { return };
        let src = self.intern(&src);
        let alt = match el.attr("alt") {
            Some(alt) => {
                let alt = alt.split_whitespace().collect::<Vec<_>>().join(" ");
                self.intern(&alt)
            }
            None => (src.1, src.1),
        };
        let a = self.out.images.len() as u32;
        self.out.images.push(Image { src, alt });
        self.out.spans.push(Span {
            start: pos as u32,
            end: pos as u32,
            kind: SpanKind::Image,
            a,
            b: if space { SPACED } else { 0 },
        });
    }

    /// The segmenter ends a block: `len` is its text's length after trimming, `pushed` whether
    /// it had text (and so became a block).
    pub fn flush(&mut self, len: usize, pushed: bool) {
        let len32 = len as u32;
        let end = self.out.spans.len() as u32;
        if !pushed {
            // Only images can have been recorded: they move to the start of the next block.
            if let Some(spans) = self.out.spans.get_mut(self.block_start as usize..) {
                for s in spans {
                    s.start = 0;
                    s.end = 0;
                    s.b = CARRIED;
                }
            }
            return;
        }
        // Spans still open end with the block; they start again at the next word.
        for o in self
            .open
            .iter_mut()
            .filter(|o| o.span != UNSTARTED && o.span != INERT)
        {
            if let Some(s) = self.out.spans.get_mut(o.span as usize) {
                s.end = len32;
            }
            o.span = UNSTARTED;
            o.split = true;
            self.unstarted += 1;
        }
        if let Some(spans) = self.out.spans.get_mut(self.block_start as usize..) {
            for s in spans {
                s.end = s.end.min(len32);
                s.start = s.start.min(s.end);
            }
        }
        let (list, list_depth, ordered) = match self.lists.last() {
            Some(l) => (l.id, self.lists.len().min(255) as u8, l.ordered),
            None => (0, 0, false),
        };
        let (item, ordinal) = match self.items.last() {
            Some(i) if i.list_depth == self.lists.len() && list != 0 => (i.id, i.ordinal),
            _ => (0, 0),
        };
        let (table, row) = match self.tables.last() {
            Some(t) => (t.index + 1, if t.row_open { t.rows } else { 0 }),
            None => (0, 0),
        };
        let lang = if self.pre_depth > 0 {
            self.lang
        } else {
            (0, 0)
        };
        self.out.blocks.push(BlockLayout {
            spans: (self.block_start, end),
            list,
            list_depth,
            ordered,
            item,
            ordinal,
            quote: self.quote,
            quote_depth: self.quote_depth,
            table,
            row,
            lang,
        });
        self.block_start = end;
    }
}

/// Tags for which [`Recorder::open`] pushes an undo entry, whatever their attributes.
fn is_tracked(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Em
            | Tag::I
            | Tag::B
            | Tag::Strong
            | Tag::S
            | Tag::Del
            | Tag::Code
            | Tag::Tt
            | Tag::Kbd
            | Tag::Samp
            | Tag::A
            | Tag::Ul
            | Tag::Ol
            | Tag::Menu
            | Tag::Dl
            | Tag::Li
            | Tag::Dd
            | Tag::Dt
            | Tag::Blockquote
            | Tag::Pre
            | Tag::Div
            | Tag::Table
            | Tag::Thead
            | Tag::Tr
            | Tag::Td
            | Tag::Th
    )
}

/// Whether an `href` leads somewhere a reader of the Markdown can follow: not a script, not an
/// empty or in-page (`#…`) reference, whose anchor the Markdown does not keep.
fn is_link_target(href: &str) -> bool {
    let h = href.trim();
    !(h.is_empty()
        || h.starts_with('#')
        || h.get(..11)
            .is_some_and(|s| s.eq_ignore_ascii_case("javascript:")))
}

/// Whether an image source is worth a Markdown image: not empty, not an inline `data:` URI
/// (lazy-loading placeholders, and base64 blobs that would swamp the text).
fn is_image_source(src: &str) -> bool {
    let s = src.trim();
    !(s.is_empty() || s.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("data:")))
}

/// The language a class attribute names for a code block, in the conventions of the common
/// highlighters: `language-rust` (the HTML standard's suggestion; Prism, highlight.js),
/// `lang-py` (Prettify), `highlight-source-python` (Linguist), `highlight-python` (Sphinx),
/// `brush: js` (SyntaxHighlighter), `sourceCode python` (Pandoc).
pub(crate) fn code_language(class: &str) -> Option<&str> {
    let mut tokens = class.split_ascii_whitespace();
    let mut after_marker = false;
    while let Some(t) = tokens.next() {
        let name = if after_marker {
            Some(t.trim_end_matches(';'))
        } else if t == "brush:" {
            after_marker = true;
            continue;
        } else if t == "sourceCode" {
            // Pandoc: the other class is the language (`sourceCode python`).
            tokens.clone().find(|o| *o != "sourceCode")
        } else {
            t.strip_prefix("language-")
                .or_else(|| t.strip_prefix("lang-"))
                .or_else(|| t.strip_prefix("highlight-source-"))
                .or_else(|| t.strip_prefix("highlight-"))
                .or_else(|| t.strip_prefix("brush:"))
        };
        after_marker = false;
        if let Some(n) = name.filter(|n| is_language_name(n)) {
            return Some(n);
        }
    }
    None
}

/// A plausible language name: short, of the characters language names use, and not one of the
/// "no highlighting" markers.
fn is_language_name(n: &str) -> bool {
    !n.is_empty()
        && n.len() <= 24
        && n.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '-' | '_' | '.'))
        && !matches!(
            n.to_ascii_lowercase().as_str(),
            "none" | "nohighlight" | "default" | "source"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_languages_from_class_conventions() {
        assert_eq!(code_language("language-rust"), Some("rust"));
        assert_eq!(code_language("prettyprint lang-py"), Some("py"));
        assert_eq!(
            code_language("highlight highlight-source-python notranslate"),
            Some("python")
        );
        assert_eq!(
            code_language("highlight-python notranslate"),
            Some("python")
        );
        assert_eq!(code_language("brush: js; gutter: false"), Some("js"));
        assert_eq!(code_language("sourceCode haskell"), Some("haskell"));
        assert_eq!(code_language("highlight"), None);
        assert_eq!(code_language("language-none"), None);
        assert_eq!(code_language("chroma"), None);
        assert_eq!(code_language("language-<script>"), None);
    }

    #[test]
    fn link_targets_and_image_sources() {
        assert!(is_link_target("/a"));
        assert!(is_link_target("mailto:x@y.example"));
        assert!(!is_link_target("#top"));
        assert!(!is_link_target(" JavaScript:void(0)"));
        assert!(is_image_source("/img/a.jpg"));
        assert!(!is_image_source("data:image/gif;base64,R0lGOD"));
    }
}
