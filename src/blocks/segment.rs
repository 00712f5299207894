//! DOM to blocks, in one walk.
//!
//! A block is the text between two block-level boundaries: `<p>`, `<div>`, `<li>`, headings,
//! table rows and the like each start and end one. Inline elements (`<a>`, `<b>`, `<span>`) join
//! their text into the current block with the spaces the source had, and no others, so
//! `<b>foo</b>bar` stays `foobar` while `<li>A</li><li>B</li>` gives two blocks. Table cells are
//! soft boundaries: cells of a row whose cells hold only inline content become one row block.
//!
//! Besides the blocks, the walk records every block-level element in an arena with its parent,
//! tag, hints and the range of blocks inside it. Because blocks come in document order, the
//! blocks under an element are always one contiguous range, so the classifier can sum anything
//! over any element's subtree in O(1) with prefix sums.

use crate::block::BlockKind;
use crate::blocks::facts::{BodyFacts, PageFacts, Place};
use crate::blocks::structure::{Layout, Record, Recorder};
use crate::features::hints::{self, Hints};
use crate::features::is_alphanumeric;
use crate::hash;
use crate::parse::dom::{Document, Element, Tag, Visitor};

/// A block-level element of the page.
#[derive(Debug, Clone)]
pub(crate) struct Elem {
    /// Index of the parent element in the arena; the root points at itself.
    pub parent: u32,
    pub tag: Tag,
    pub depth: u16,
    /// Hints of this element alone.
    pub hints: Hints,
    /// Blocks `first_block..end_block` lie inside this element.
    pub first_block: u32,
    pub end_block: u32,
}

/// A block as cut from the page, before any decision.
#[derive(Debug, Clone)]
pub(crate) struct RawBlock {
    pub text: String,
    pub kind: BlockKind,
    /// The innermost block-level element holding the block.
    pub elem: u32,
    /// Characters of text inside links.
    pub link_chars: u32,
    /// Characters of text inside buttons.
    pub button_chars: u32,
    /// Number of separate links in the block.
    pub links: u16,
    /// Hints of inline elements (`<span class=byline>`, `<a class=share>`) around any of the
    /// block's text; block-level hints come from the element arena.
    pub inline_hints: Hints,
    /// Hash of the enclosing element path (tags and classes), for template repetition.
    pub path_hash: u64,
    /// Depth of the innermost element.
    pub depth: u16,
    /// Inside a `<table>` (any depth).
    pub in_table: bool,
}

/// The result of segmenting a page.
pub(crate) struct Segmented {
    pub blocks: Vec<RawBlock>,
    pub elems: Vec<Elem>,
    pub facts: PageFacts,
    /// Inline spans and containers of every block, for Markdown.
    pub layout: Layout,
}

/// Segments a parsed page into blocks, also recording the links and images `record` asks for.
pub(crate) fn segment_with(doc: &Document, record: Record) -> Segmented {
    let mut s = Segmenter::new(record);
    doc.walk(&mut s);
    s.flush();
    // Close anything the walk left open (it closes everything, but be safe).
    let end = s.blocks.len() as u32;
    for e in &mut s.elems {
        if e.end_block < e.first_block {
            e.end_block = end;
        }
    }
    Segmented {
        blocks: s.blocks,
        elems: s.elems,
        facts: s.facts,
        layout: s.layout.finish(),
    }
}

/// What an open element changed, so `close` can undo it.
struct Frame {
    tag: Tag,
    /// Arena index if this element is block-level.
    elem: Option<u32>,
    saved_hints: Hints,
    saved_inline: Hints,
    saved_path: u64,
    saved_kind: Option<BlockKind>,
}

/// Where text goes while the walk is inside `<head>` special elements.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Capture {
    None,
    Title,
    JsonLd,
}

struct Segmenter {
    blocks: Vec<RawBlock>,
    elems: Vec<Elem>,
    facts: PageFacts,
    /// Metadata facts in the body (microdata, bylines, dates).
    body_facts: BodyFacts,
    frames: Vec<Frame>,
    /// Innermost open block-level element.
    elem: u32,
    hints: Hints,
    /// Hints of the inline elements open since the innermost block-level element.
    inline: Hints,
    /// Inline hints seen while the current block received text.
    block_inline: Hints,
    path_hash: u64,
    /// Kind given by the innermost kind-bearing element.
    kind: Option<BlockKind>,
    link_depth: u32,
    button_depth: u32,
    pre_depth: u32,
    table_depth: u32,
    list_stack: Vec<bool>,
    capture: Capture,
    captured: String,
    in_head: bool,
    // The block being built.
    text: String,
    link_chars: u32,
    button_chars: u32,
    links: u16,
    cells: u16,
    /// White space seen since the last text: the next text gets one space (or a newline).
    pending_space: bool,
    pending_newline: bool,
    /// A `<br>` came and no text after it yet: a second one ends the block.
    after_br: bool,
    /// Where the current line of the block began (after its last `<br>`): byte offset into
    /// `text` and link characters before it.
    line_start: (usize, u32),
    /// Inline structure and containers, for Markdown (see [`super::structure`]).
    layout: Recorder,
    /// Hints of the class and id values met so far.
    hint_memo: hints::Memo,
}

impl Segmenter {
    fn new(record: Record) -> Self {
        Segmenter {
            blocks: Vec::new(),
            elems: vec![Elem {
                parent: 0,
                tag: Tag::Other,
                depth: 0,
                hints: Hints::default(),
                first_block: 0,
                end_block: u32::MAX,
            }],
            facts: PageFacts::default(),
            body_facts: BodyFacts::default(),
            frames: Vec::new(),
            elem: 0,
            hints: Hints::default(),
            inline: Hints::default(),
            block_inline: Hints::default(),
            path_hash: hash::OFFSET,
            kind: None,
            link_depth: 0,
            button_depth: 0,
            pre_depth: 0,
            table_depth: 0,
            list_stack: Vec::new(),
            capture: Capture::None,
            captured: String::new(),
            in_head: false,
            text: String::new(),
            link_chars: 0,
            button_chars: 0,
            links: 0,
            cells: 0,
            pending_space: false,
            pending_newline: false,
            after_br: false,
            line_start: (0, 0),
            layout: Recorder::new(record),
            hint_memo: hints::Memo::default(),
        }
    }

    /// Ends the current block, if it holds any text.
    fn flush(&mut self) {
        self.pending_space = false;
        self.pending_newline = false;
        self.after_br = false;
        self.line_start = (0, 0);
        let cells = std::mem::take(&mut self.cells);
        if self.text.is_empty() {
            self.link_chars = 0;
            self.button_chars = 0;
            self.links = 0;
            self.block_inline = Hints::default();
            self.layout.flush(0, false);
            return;
        }
        let trimmed_len = self.text.trim_end().len();
        self.text.truncate(trimmed_len);
        self.layout.flush(trimmed_len, true);
        let mut kind = self.kind.unwrap_or(BlockKind::Paragraph);
        if kind == BlockKind::TableCell && cells > 1 {
            kind = BlockKind::TableRow;
        }
        let depth = self.elems.get(self.elem as usize).map_or(0, |e| e.depth);
        // The block gets an exact-size copy and the buffer is kept for the next block, so a
        // block's text is allocated once instead of growing from empty each time.
        let text = self.text.as_str().to_owned();
        self.text.clear();
        self.blocks.push(RawBlock {
            text,
            kind,
            elem: self.elem,
            link_chars: std::mem::take(&mut self.link_chars),
            button_chars: std::mem::take(&mut self.button_chars),
            links: std::mem::take(&mut self.links),
            inline_hints: std::mem::take(&mut self.block_inline),
            path_hash: self.path_hash,
            depth,
            in_table: self.table_depth > 0,
        });
    }

    /// Whether the block's current line holds text and all of it is in links.
    fn line_is_links(&self) -> bool {
        let (start, links_before) = self.line_start;
        let line_links = self.link_chars.saturating_sub(links_before);
        if line_links == 0 || self.pre_depth > 0 {
            return false;
        }
        let line = self.text.get(start..).unwrap_or("");
        let letters = line.chars().filter(|c| is_alphanumeric(*c)).count() as u32;
        // Separators ("|", "·") are not links; letters outside links are.
        letters > 0 && letters <= line_links
    }

    /// Appends text with white space collapsed, counting link characters.
    fn push_text(&mut self, s: &str) {
        let s = &*crate::parse::control_chars::strip(s);
        if !self.inline.is_empty() && s.chars().any(|c| !c.is_whitespace()) {
            self.block_inline = self.block_inline.union(self.inline);
        }
        if self.pre_depth > 0 {
            if !s.is_empty() {
                self.after_br = false;
                if self.link_depth > 0 || self.button_depth > 0 {
                    let n = s.chars().count() as u32;
                    if self.link_depth > 0 {
                        self.link_chars += n;
                    } else {
                        self.button_chars += n;
                    }
                }
                self.text.push_str(s);
            }
            return;
        }
        let mut appended = 0u32;
        let counted = self.link_depth > 0 || self.button_depth > 0;
        for (i, word) in s.split(char::is_whitespace).enumerate() {
            if i > 0 {
                self.pending_space = true;
            }
            if word.is_empty() {
                continue;
            }
            appended += self.push_word(word);
            if counted {
                appended += word.chars().count() as u32;
            }
        }
        if self.link_depth > 0 {
            self.link_chars += appended;
        } else if self.button_depth > 0 {
            self.button_chars += appended;
        }
    }

    /// Appends one word, after the space or line break pending before it; returns the
    /// characters of separator appended.
    fn push_word(&mut self, word: &str) -> u32 {
        let mut appended = 0;
        // No space after a cell separator or a line break the block already ends with.
        let ends_with_break = self.text.ends_with(['\t', '\n']);
        if !self.text.is_empty() && !ends_with_break {
            if self.pending_newline {
                self.text.push('\n');
                appended += 1;
            } else if self.pending_space {
                self.text.push(' ');
                appended += 1;
            }
        }
        self.pending_space = false;
        self.pending_newline = false;
        self.after_br = false;
        if self.layout.waiting() {
            self.layout.word(self.text.len());
        }
        self.text.push_str(word);
        appended
    }

    /// Opens a block-level element: ends the current block and records the element.
    fn open_elem(&mut self, el: Element<'_>, own: Hints) -> u32 {
        self.flush();
        self.open_elem_soft(el, own)
    }

    fn head_element(&mut self, el: Element<'_>) -> bool {
        match el.tag() {
            Tag::Title if self.facts.title.is_none() => {
                self.capture = Capture::Title;
                true
            }
            Tag::Meta => {
                self.meta(el);
                false
            }
            Tag::Link => {
                self.link(el);
                false
            }
            Tag::Script => self.script(el),
            Tag::Other if el.name() == "base" => {
                self.layout.base_href(el);
                false
            }
            _ => false,
        }
    }

    fn meta(&mut self, el: Element<'_>) {
        let Some(content) = el.attr("content") else {
            return;
        };
        let content = content.trim();
        if content.is_empty() {
            return;
        }
        // One tag may name its value several ways (`property="article:published"` with
        // `itemprop="datePublished dateCreated"`): record it under each name.
        for attr in ["property", "name", "itemprop", "http-equiv"] {
            let Some(keys) = el.attr(attr) else { continue };
            for key in keys.split_ascii_whitespace() {
                if self.facts.meta.len() < 512 {
                    self.facts
                        .meta
                        .push((key.to_ascii_lowercase(), content.to_string()));
                }
            }
        }
    }

    /// Where an element with hints `own` opens, for the metadata facts.
    fn place(&self, own: Hints) -> Place {
        Place {
            own_meta: own.has(Hints::METADATA),
            in_meta: self.hints.has(Hints::METADATA),
            in_comment: self.hints.union(own).has(Hints::COMMENT),
            depth: self.frames.len(),
            block: self.blocks.len() as u32,
        }
    }

    fn link(&mut self, el: Element<'_>) {
        let canonical = el.attr("rel").is_some_and(|r| {
            r.split_ascii_whitespace()
                .any(|t| t.eq_ignore_ascii_case("canonical"))
        });
        if canonical && self.facts.canonical.is_none() {
            self.facts.canonical = el.attr("href").map(|h| h.trim().to_string());
        }
    }

    fn script(&mut self, el: Element<'_>) -> bool {
        let ld = el
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if ld && self.facts.json_ld.len() < 32 {
            self.capture = Capture::JsonLd;
            return true;
        }
        false
    }
}

/// Hash step for the element path: FNV-1a over the tag and the class attribute.
fn path_step(hash: u64, tag: Tag, class: Option<&str>) -> u64 {
    let mut h = hash::step(hash, tag as u32 + 1);
    if let Some(c) = class {
        for b in c.bytes() {
            // Digits vary between repeated items (`item-1`, `item-2`); leave them out.
            if !b.is_ascii_digit() {
                h = hash::step(h, u32::from(b));
            }
        }
    }
    h
}

fn kind_of(tag: Tag) -> Option<BlockKind> {
    Some(match tag {
        Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => BlockKind::Heading {
            level: tag.heading_level().unwrap_or(1),
        },
        Tag::Li | Tag::Dd | Tag::Dt => BlockKind::ListItem,
        // A row starts as a cell; a second cell in the same block makes it a row (`flush`).
        Tag::Tr | Tag::Td | Tag::Th => BlockKind::TableCell,
        Tag::Pre => BlockKind::Code,
        Tag::Blockquote => BlockKind::Quote,
        Tag::Figcaption | Tag::Caption => BlockKind::Caption,
        _ => return None,
    })
}

/// Elements whose subtree holds no readable text of the page.
fn is_skipped(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Script
            | Tag::Style
            | Tag::Template
            | Tag::Svg
            | Tag::Iframe
            | Tag::Object
            | Tag::Embed
            | Tag::Canvas
            | Tag::Select
            | Tag::Textarea
            | Tag::Input
            | Tag::Audio
            | Tag::Video
            | Tag::Map
            | Tag::Option
    )
}

impl Visitor for Segmenter {
    fn open(&mut self, el: Element<'_>) -> bool {
        let tag = el.tag();
        if tag == Tag::Head {
            self.in_head = true;
            return true;
        }
        if self.in_head {
            return self.head_element(el);
        }
        match tag {
            Tag::Title => return false,
            Tag::Script => return self.script(el),
            Tag::Meta => {
                self.meta(el);
                let place = self.place(Hints::default());
                self.body_facts.open(&mut self.facts, el, place);
                return false;
            }
            Tag::Link => {
                self.link(el);
                return false;
            }
            Tag::Br => {
                if self.pre_depth > 0 {
                    self.text.push('\n');
                } else if self.after_br || self.line_is_links() {
                    // Two breaks end the block; so does one after a line made only of links
                    // ("Home | Privacy"), which is a menu whatever follows it.
                    self.flush();
                } else if !self.text.is_empty() {
                    self.pending_newline = true;
                    self.after_br = true;
                    self.line_start = (self.text.len(), self.link_chars);
                }
                return false;
            }
            Tag::Img | Tag::Hr => {
                if tag == Tag::Hr {
                    self.flush();
                } else {
                    let space = self.pending_space || self.pending_newline;
                    self.layout.image(el, self.text.len(), space);
                }
                return false;
            }
            _ => {}
        }
        if is_skipped(tag) {
            return false;
        }
        if tag == Tag::Html
            && let Some(lang) = el.attr("lang")
        {
            self.facts.lang = Some(lang.trim().to_string());
        }
        let own = hints::of_element(el, &mut self.hint_memo);
        let place = self.place(own);
        self.body_facts.open(&mut self.facts, el, place);
        let class = el.attr("class");
        let frame = Frame {
            tag,
            elem: None,
            saved_hints: self.hints,
            saved_inline: self.inline,
            saved_path: self.path_hash,
            saved_kind: self.kind,
        };
        self.hints = self.hints.union(own);
        if tag.is_block_level() || tag == Tag::Td || tag == Tag::Th {
            self.inline = Hints::default();
        } else {
            self.inline = self.inline.union(own);
        }
        let mut frame = frame;
        if tag == Tag::Td || tag == Tag::Th {
            // Soft boundary: cells join the row's block unless they hold blocks themselves.
            if !self.text.is_empty() {
                self.text.push('\t');
            }
            self.pending_space = false;
            self.cells = self.cells.saturating_add(1);
            let id = self.open_elem_soft(el, own);
            frame.elem = Some(id);
        } else if tag.is_block_level() {
            let id = self.open_elem(el, own);
            frame.elem = Some(id);
        }
        if tag.is_block_level() || tag == Tag::Td || tag == Tag::Th {
            self.path_hash = path_step(self.path_hash, tag, class.as_deref());
        }
        let block = tag.is_block_level();
        self.layout
            .open(el, tag, class.as_deref(), block, self.text.len());
        drop(class);
        if let Some(kind) = kind_of(tag) {
            self.kind = Some(kind);
        } else if matches!(tag, Tag::P | Tag::Div)
            && matches!(self.kind, Some(BlockKind::TableCell))
        {
            // Paragraphs inside a layout table's cell are paragraphs, not cells.
            self.kind = Some(BlockKind::Paragraph);
        }
        match tag {
            Tag::A => {
                self.link_depth += 1;
                self.links = self.links.saturating_add(1);
            }
            Tag::Button => self.button_depth += 1,
            Tag::Pre => self.pre_depth += 1,
            Tag::Table => self.table_depth += 1,
            Tag::Ul | Tag::Menu | Tag::Dl => self.list_stack.push(false),
            Tag::Ol => self.list_stack.push(true),
            _ => {}
        }
        self.frames.push(frame);
        true
    }

    fn close(&mut self, el: Element<'_>) {
        let tag = el.tag();
        if tag == Tag::Head {
            self.in_head = false;
            return;
        }
        if self.capture != Capture::None {
            let text = std::mem::take(&mut self.captured);
            match self.capture {
                Capture::Title => {
                    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !t.is_empty() {
                        self.facts.title = Some(t);
                    }
                }
                Capture::JsonLd => self.facts.json_ld.push(text),
                Capture::None => {}
            }
            self.capture = Capture::None;
            return;
        }
        let Some(frame) = self.frames.pop() else {
            return;
        };
        if self.body_facts.capturing() {
            self.body_facts.close(&mut self.facts, self.frames.len());
        }
        if frame.elem.is_some() && frame.tag != Tag::Td && frame.tag != Tag::Th {
            self.flush();
        }
        if let Some(id) = frame.elem {
            let end = self.blocks.len() as u32;
            if let Some(e) = self.elems.get_mut(id as usize) {
                // A soft cell's block may still be open; it ends inside the row, so count it.
                e.end_block = if frame.tag == Tag::Td || frame.tag == Tag::Th {
                    end + u32::from(!self.text.is_empty())
                } else {
                    end
                };
                self.elem = e.parent;
            }
        }
        self.layout.close(frame.tag, self.text.len());
        match frame.tag {
            Tag::A => self.link_depth = self.link_depth.saturating_sub(1),
            Tag::Button => self.button_depth = self.button_depth.saturating_sub(1),
            Tag::Pre => self.pre_depth = self.pre_depth.saturating_sub(1),
            Tag::Table => self.table_depth = self.table_depth.saturating_sub(1),
            Tag::Ul | Tag::Menu | Tag::Dl | Tag::Ol => {
                self.list_stack.pop();
            }
            _ => {}
        }
        self.hints = frame.saved_hints;
        self.inline = frame.saved_inline;
        self.path_hash = frame.saved_path;
        self.kind = frame.saved_kind;
    }

    fn text(&mut self, text: &str) {
        match self.capture {
            Capture::None => {
                if self.body_facts.capturing() {
                    self.body_facts.text(text);
                }
                self.push_text(text)
            }
            _ => {
                if self.captured.len() < 1 << 20 {
                    self.captured
                        .push_str(&crate::parse::control_chars::strip(text));
                }
            }
        }
    }
}

impl Segmenter {
    /// A table cell: recorded in the arena without ending the row's block.
    fn open_elem_soft(&mut self, el: Element<'_>, own: Hints) -> u32 {
        let parent = self.elem;
        let depth = self
            .elems
            .get(parent as usize)
            .map_or(0, |p| p.depth.saturating_add(1));
        let id = self.elems.len() as u32;
        self.elems.push(Elem {
            parent,
            tag: el.tag(),
            depth,
            hints: own,
            first_block: self.blocks.len() as u32,
            end_block: u32::MAX,
        });
        self.elem = id;
        id
    }
}
