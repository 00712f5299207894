//! HTML parsing behind one function, and iterative walks over the result.
//!
//! This is the only module that names html5ever or markup5ever_rcdom types; the rest of the
//! crate sees [`Document`], [`Element`], [`Tag`] and the [`Visitor`] trait. Keeping the parser
//! private means a parser upgrade never changes the public API.
//!
//! html5ever's tree builder is quadratic in nesting depth (every start tag scans the stack of
//! open elements), so a [`DepthGuard`] sits between the tokenizer and the tree builder. It keeps
//! a cheap model of the open-element stack and, beyond `max_depth`, drops start tags (and their
//! matching end tags) so that deeper content is kept but flattened into the element at the cap,
//! as browsers do. The same filter counts nodes so that a node limit stops the parse early.

use std::cell::{Cell, Ref, RefCell};
use std::collections::HashMap;

use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind as TokenizerRawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag as TagToken, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer,
    TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{LocalName, local_name, ns};
use markup5ever_rcdom::{Handle, Node, NodeData, RcDom};

use crate::hash::BuildFnv;
use crate::parse::attribute_cap::{RawKind, Scanner};

/// Parse limits; see `Options` for the public knobs.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ParseLimits {
    /// Depth beyond which nesting is flattened (never an error).
    pub max_depth: usize,
    /// Maximum number of nodes (elements and text nodes) before the parse stops.
    pub max_nodes: usize,
    /// Bytes the page may cost, as estimated by [`ELEMENT_COST`] and the like, before the
    /// parse stops.
    pub memory_budget: usize,
}

/// Why a parse stopped early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParseStop {
    TooManyNodes,
    OverBudget,
}

/// A parsed page. Immutable once built.
pub(crate) struct Document {
    dom: RcDom,
    /// Whether the guard had to flatten nesting deeper than the cap. Only the tests read it
    /// today; it is the place to report flattening to callers if they ever ask.
    #[cfg_attr(not(test), expect(dead_code))]
    pub flattened: bool,
}

/// What one element costs from the parse to the end of the extraction, in bytes: rcdom's node
/// (about 150 bytes with its reference count and allocation), its slot in its parent's children
/// and its own children vector, and the segmenter's records of it (a block, when it is one).
/// Measured with the `extract` example's peak memory on pages of nothing but one kind of small
/// element: 160 bytes for an empty `<p>`, 540 for an `<li>` with a 40-character text node
/// (element, text node, text and block), 350 for a `<span>` holding one letter; rounded up
/// so that the estimate stays above what is spent.
pub(crate) const ELEMENT_COST: usize = 250;

/// What one text node costs besides its text, measured in the same way as [`ELEMENT_COST`]
/// (about 190 bytes).
pub(crate) const TEXT_NODE_COST: usize = 200;

/// What one attribute kept in the tree costs besides its value: the name and the value's
/// handle (40 bytes) and their share of the vector.
pub(crate) const ATTRIBUTE_COST: usize = 48;

/// What a byte of text or of an attribute value costs: the tree's copy, the block's copy and
/// the rendered text (2.7 bytes on a page of long paragraphs).
pub(crate) const TEXT_BYTE_COST: usize = 3;

/// Parses `html` into a [`Document`], feeding the tokenizer in chunks so that a node limit or
/// the memory budget can stop the work early instead of after the whole page has been built.
pub(crate) fn parse(html: &str, limits: ParseLimits) -> Result<Document, ParseStop> {
    // Scripting off, as for a browser without JavaScript: `<noscript>` content is then parsed as
    // markup. Forums and lazy-loading sites put their whole text there for crawlers.
    let opts = TreeBuilderOpts {
        scripting_enabled: false,
        ..TreeBuilderOpts::default()
    };
    let builder = TreeBuilder::new(RcDom::default(), opts);
    let guard = DepthGuard::new(builder, limits);
    let tokenizer = Tokenizer::new(guard, TokenizerOpts::default());
    let queue = BufferQueue::default();
    // The attribute cap in front of the tokenizer decides what is fed; see `attribute_cap`.
    let mut scanner = Scanner::new(html);
    while let Some(piece) = scanner.next_piece() {
        tokenizer.sink.raw_started.replace(None);
        let start = ceil_char_boundary(html, piece.range.start);
        let end = ceil_char_boundary(html, piece.range.end);
        feed(&tokenizer, &queue, html.get(start..end).unwrap_or_default())?;
        if let Some(name) = piece.raw_candidate {
            let started = tokenizer.sink.raw_started.take();
            let kind = started
                .filter(|(n, _)| n.as_bytes() == name.as_slice())
                .map(|(_, k)| k);
            scanner.raw_text(&name, kind);
        }
    }
    tokenizer.end();
    if let Some(stop) = tokenizer.sink.stopped.get() {
        return Err(stop);
    }
    let flattened = tokenizer.sink.state.borrow().flattened;
    let guard = tokenizer.sink;
    Ok(Document {
        dom: guard.inner.sink,
        flattened,
    })
}

/// The first char boundary at or after `i`.
fn ceil_char_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

type GuardedTokenizer = Tokenizer<DepthGuard<TreeBuilder<Handle, RcDom>>>;

/// Feeds `text` to the tokenizer in chunks on char boundaries (the tokenizer is incremental,
/// so the boundaries are harmless); stops as soon as the guard stops.
fn feed(tokenizer: &GuardedTokenizer, queue: &BufferQueue, text: &str) -> Result<(), ParseStop> {
    const CHUNK: usize = 1 << 16;
    let mut rest = text;
    while !rest.is_empty() {
        let cut = ceil_char_boundary(rest, rest.len().min(CHUNK));
        let (head, tail) = rest.split_at(cut);
        rest = tail;
        queue.push_back(StrTendril::from_slice(head));
        // A script end or a `<meta charset>` pauses the tokenizer; the charset is settled before
        // parsing (see `decode`), so both just resume.
        while !matches!(tokenizer.feed(queue), TokenizerResult::Done) {}
        // Nothing reads parse errors; the tree builder still reports its own to rcdom, which
        // would keep them all (two for every NUL byte of a binary page).
        let errors = &tokenizer.sink.inner.sink.errors;
        if !errors.borrow().is_empty() {
            errors.replace(Vec::new());
        }
        if let Some(stop) = tokenizer.sink.stopped.get() {
            return Err(stop);
        }
    }
    Ok(())
}

/// Elements that never have children: their start tag opens nothing.
fn is_void(name: &LocalName) -> bool {
    matches!(
        &**name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
            | "param"
            | "keygen"
            | "frame"
            | "basefont"
            | "bgsound"
            | "image"
    )
}

/// Elements whose content the tokenizer reads as raw text. Their start tags must reach the tree
/// builder, which switches the tokenizer's state; they cannot nest, so passing them is safe.
/// Whether a `<script>` start tag holds JSON-LD, which the metadata reader reads.
fn is_json_ld(tag: &TagToken) -> bool {
    tag.attrs.iter().any(|a| {
        a.name.local == local_name!("type")
            && a.value.trim().eq_ignore_ascii_case("application/ld+json")
    })
}

fn is_raw_text(name: &LocalName) -> bool {
    matches!(
        &**name,
        "script"
            | "style"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "plaintext"
    )
}

/// Start tags that close an open `<p>` (the common part of the HTML spec's list).
fn closes_p(name: &LocalName) -> bool {
    matches!(
        &**name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "ul"
    )
}

/// How far down the modelled stack an implied end tag is looked for. The spec's scopes can reach
/// further, but an unbounded search would make hostile pages quadratic again; missing a rare
/// deep implied close only makes the model overestimate depth, which is the safe direction.
const IMPLIED_CLOSE_REACH: usize = 16;

/// Fostered tokens (text and elements inside a `<table>` but outside its cells, which the tree
/// builder moves before the table) allowed in a page before the guard opens a cell for them.
/// Every fostered node costs the tree builder a scan of the table's siblings (rcdom finds a
/// node's index by searching its parent's children), so unbounded fostering is quadratic; real
/// pages foster a handful of stray tags.
const FOSTER_LIMIT: usize = 256;

/// Formatting elements (`<b>`, `<i>`, `<font>`, …) allowed in the active formatting list (after
/// its last marker) at once. The tree builder re-creates every listed element that is no longer
/// open before each run of text ("reconstruct the active formatting elements"), so a page that
/// leaves many of them open could make every later paragraph cost that many new elements.
/// Start tags beyond the cap are dropped (their text is kept), as for the depth cap.
const FORMATTING_CAP: u32 = 12;

/// The HTML spec's formatting elements: the ones the active formatting list holds.
fn is_formatting(name: &str) -> bool {
    matches!(
        name,
        "a" | "b"
            | "big"
            | "code"
            | "em"
            | "font"
            | "i"
            | "nobr"
            | "s"
            | "small"
            | "strike"
            | "strong"
            | "tt"
            | "u"
    )
}

/// Elements inside which white space after a block is kept (see `drops_white_space`).
fn is_verbatim(name: &LocalName) -> bool {
    // Atoms compare as integers: this runs on every push and pop.
    const VERBATIM: &[LocalName] = &[
        local_name!("pre"),
        local_name!("listing"),
        local_name!("select"),
    ];
    VERBATIM.contains(name)
}

/// Elements that put a marker on the active formatting list: formatting elements opened
/// before them are not re-created inside them, and those opened inside end with them.
fn is_marker(name: &LocalName) -> bool {
    // Atoms compare as integers; these run on every push and pop.
    const MARKERS: &[LocalName] = &[
        local_name!("td"),
        local_name!("th"),
        local_name!("caption"),
        local_name!("applet"),
        local_name!("object"),
        local_name!("marquee"),
        local_name!("template"),
    ];
    MARKERS.contains(name)
}

/// Elements whose current-node position makes text and most tags fostered.
fn is_table_context(name: &LocalName) -> bool {
    const TABLE_CONTEXT: &[LocalName] = &[
        local_name!("table"),
        local_name!("tbody"),
        local_name!("thead"),
        local_name!("tfoot"),
        local_name!("tr"),
    ];
    TABLE_CONTEXT.contains(name)
}

/// Start tags that "in table" mode handles itself (everything else is fostered).
fn is_table_tag(name: &str) -> bool {
    matches!(
        name,
        "caption"
            | "colgroup"
            | "col"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "table"
            | "style"
            | "script"
            | "template"
            | "form"
            | "input"
    )
}

/// Start tags before which the tree builder does not re-create formatting elements.
fn keeps_formatting_closed(name: &LocalName) -> bool {
    closes_p(name)
        || is_raw_text(name)
        || is_table_tag(name)
        || matches!(
            &**name,
            "li" | "dd"
                | "dt"
                | "hr"
                | "html"
                | "body"
                | "head"
                | "frameset"
                | "base"
                | "link"
                | "meta"
                | "noscript"
                | "option"
                | "optgroup"
                | "col"
                | "param"
                | "source"
                | "track"
        )
}

/// The default scope's boundaries: an end tag does not close an element beyond one of these.
fn is_scope_boundary(name: &LocalName) -> bool {
    const BOUNDARIES: &[LocalName] = &[
        local_name!("applet"),
        local_name!("caption"),
        local_name!("html"),
        local_name!("table"),
        local_name!("td"),
        local_name!("th"),
        local_name!("marquee"),
        local_name!("object"),
        local_name!("template"),
    ];
    BOUNDARIES.contains(name)
}

/// Elements that stop the adoption agency (a subset of the spec's "special" category): a
/// formatting element closed with one of these open inside it leaves them open.
fn is_special(name: &LocalName) -> bool {
    closes_p(name)
        || matches!(
            &**name,
            "li" | "dd"
                | "dt"
                | "td"
                | "th"
                | "tr"
                | "tbody"
                | "thead"
                | "tfoot"
                | "caption"
                | "button"
                | "object"
                | "applet"
                | "marquee"
                | "select"
                | "iframe"
                | "template"
                | "textarea"
                | "body"
                | "html"
        )
}

/// A map keyed by element name. An atom hashes itself (string_cache keeps a 32-bit hash in
/// or beside it), so the hasher only spreads that value, with the crate's FNV-1a: the guard
/// looks names up on every tag, and SipHash over an already-hashed value was a tenth of the
/// guard's cost.
type NameMap<V> = HashMap<LocalName, V, BuildFnv>;

/// What the guard asks of a tag's name on every start and end tag, worked out once per name
/// and page ([`GuardState::props`]): one map lookup instead of a string match per question.
#[derive(Clone, Copy)]
struct NameProps(u16);

impl NameProps {
    const VOID: u16 = 1;
    const RAW_TEXT: u16 = 1 << 1;
    const TABLE_TAG: u16 = 1 << 2;
    const FORMATTING: u16 = 1 << 3;
    const KEEPS_FORMATTING_CLOSED: u16 = 1 << 4;
    /// `<html>` or `<body>`.
    const ROOT: u16 = 1 << 5;
    /// `Tag::is_block_level`.
    const BLOCK: u16 = 1 << 6;
    /// [`is_special`].
    const SPECIAL: u16 = 1 << 7;
    /// [`closes_p`].
    const CLOSES_P: u16 = 1 << 8;

    fn of(name: &LocalName) -> NameProps {
        let bit = |on: bool, b: u16| if on { b } else { 0 };
        NameProps(
            bit(is_void(name), Self::VOID)
                | bit(is_raw_text(name), Self::RAW_TEXT)
                | bit(is_table_tag(name), Self::TABLE_TAG)
                | bit(is_formatting(name), Self::FORMATTING)
                | bit(keeps_formatting_closed(name), Self::KEEPS_FORMATTING_CLOSED)
                | bit(matches!(&**name, "html" | "body"), Self::ROOT)
                | bit(tag_of(name).is_block_level(), Self::BLOCK)
                | bit(is_special(name), Self::SPECIAL)
                | bit(closes_p(name), Self::CLOSES_P),
        )
    }

    fn has(self, b: u16) -> bool {
        self.0 & b != 0
    }
}

/// Names whose [`NameProps`] a page keeps; a page with more distinct names has the rest
/// worked out on every tag, as before.
const MAX_NAME_PROPS: usize = 512;

struct GuardState {
    /// Modelled stack of open elements (names only), at most `max_depth` (+ raw-text) deep.
    open: Vec<LocalName>,
    /// How many elements of each name are in `open`, so an end tag with no open match is O(1).
    open_count: NameMap<u32>,
    /// How many of `open` are `<pre>`, `<listing>` or `<select>` (see `drops_white_space`).
    verbatim: u32,
    /// Start tags dropped beyond the cap, by name, so their end tags are dropped too.
    suppressed: NameMap<u32>,
    /// The properties of the names met so far (see [`NameProps`]).
    props: NameMap<NameProps>,
    /// Formatting elements popped off the stack while still on the active formatting list
    /// (the tree builder re-creates them before the next text), with the marker level at which
    /// they were listed.
    dangling: Vec<(LocalName, u32)>,
    /// Markers (`td`, `th`, `caption`, …) in `open`.
    markers: u32,
    /// Formatting elements listed after the last marker (open or dangling).
    formatting: u32,
    /// `formatting` of the enclosing marker levels.
    formatting_saved: Vec<u32>,
    /// Fostered tokens so far.
    fostered: usize,
    /// Elements and text nodes handed to the tree builder.
    nodes: usize,
    /// The estimated cost of what was handed on, in bytes (see [`ELEMENT_COST`]).
    cost: usize,
    /// The last token handed on was text: more text joins its node (rcdom merges adjacent
    /// text), so only the first text token after a tag makes a node. Entities and the chunked
    /// input split a paragraph's text into several tokens.
    in_text: bool,
    /// Attributes handed on with `<html>` and `<body>` start tags. The tree builder merges a
    /// repeated tag's attributes into the element, checking each against all it has, so their
    /// number is capped across the page.
    root_attrs: usize,
    flattened: bool,
    /// Inside a `<script>` or `<style>` whose text nothing reads (every script but JSON-LD):
    /// its text is not handed to the tree builder, which would only copy it into the tree.
    unread_text: bool,
    /// The last token handed on was a tag that starts or ends a block (see `Tag::is_block_level`),
    /// so white space that follows it, before any text, separates nothing: the segmenter ends a
    /// block there anyway. Such white space is not handed to the tree builder (a third of all
    /// text nodes on real pages), except where it is kept (`<pre>`).
    after_block: bool,
}

/// A token filter between tokenizer and tree builder that caps nesting depth and counts nodes.
struct DepthGuard<S> {
    inner: S,
    limits: ParseLimits,
    state: RefCell<GuardState>,
    stopped: Cell<Option<ParseStop>>,
    /// The raw text (and the element) the tree builder switched the tokenizer to after the
    /// last start tag, for the attribute cap's scanner.
    raw_started: RefCell<Option<(LocalName, RawKind)>>,
}

impl<S> DepthGuard<S> {
    fn new(inner: S, limits: ParseLimits) -> Self {
        DepthGuard {
            inner,
            limits,
            state: RefCell::new(GuardState {
                open: Vec::new(),
                open_count: NameMap::default(),
                verbatim: 0,
                suppressed: NameMap::default(),
                props: NameMap::default(),
                dangling: Vec::new(),
                markers: 0,
                formatting: 0,
                formatting_saved: Vec::new(),
                fostered: 0,
                nodes: 0,
                cost: 0,
                in_text: false,
                root_attrs: 0,
                flattened: false,
                unread_text: false,
                after_block: false,
            }),
            stopped: Cell::new(None),
            raw_started: RefCell::new(None),
        }
    }
}

impl GuardState {
    /// The properties of a tag's name, from the page's table or worked out.
    fn props(&mut self, name: &LocalName) -> NameProps {
        if let Some(p) = self.props.get(name) {
            return *p;
        }
        let p = NameProps::of(name);
        if self.props.len() < MAX_NAME_PROPS {
            self.props.insert(name.clone(), p);
        }
        p
    }

    /// Counts `n` elements handed on (or re-created by the tree builder).
    fn elements(&mut self, n: usize) {
        self.nodes += n;
        self.cost = self.cost.saturating_add(n.saturating_mul(ELEMENT_COST));
    }

    /// Counts text handed on.
    fn text(&mut self, len: usize) {
        if !self.in_text {
            self.nodes += 1;
            self.cost = self.cost.saturating_add(TEXT_NODE_COST);
        }
        self.in_text = true;
        self.cost = self.cost.saturating_add(len.saturating_mul(TEXT_BYTE_COST));
    }

    fn push(&mut self, name: LocalName) {
        if is_marker(&name) {
            self.markers += 1;
            self.formatting_saved.push(self.formatting);
            self.formatting = 0;
        }
        if is_verbatim(&name) {
            self.verbatim += 1;
        }
        *self.open_count.entry(name.clone()).or_insert(0) += 1;
        self.open.push(name);
    }

    /// Pops the top element. A formatting element popped by something other than its own end
    /// tag stays listed (`dangle`); a marker's end clears what was listed after it.
    fn pop(&mut self, dangle: bool) {
        let Some(name) = self.open.pop() else { return };
        if let Some(n) = self.open_count.get_mut(&name) {
            *n = n.saturating_sub(1);
        }
        if is_verbatim(&name) {
            self.verbatim = self.verbatim.saturating_sub(1);
        }
        if is_marker(&name) {
            self.markers = self.markers.saturating_sub(1);
            let markers = self.markers;
            self.dangling.retain(|(_, level)| *level <= markers);
            self.formatting = self.formatting_saved.pop().unwrap_or(0);
        } else if is_formatting(&name) {
            if dangle {
                self.dangling.push((name, self.markers));
            } else {
                self.formatting = self.formatting.saturating_sub(1);
            }
        }
    }

    fn truncate(&mut self, len: usize) {
        while self.open.len() > len {
            self.pop(true);
        }
    }

    /// Pops back to (and including) the nearest `target` within reach, unless a `barrier` comes
    /// first. Models the implied end tags of `li`, `p`, table cells and the like.
    fn close_implied(&mut self, targets: &[LocalName], barriers: &[LocalName]) {
        let len = self.open.len();
        for i in (len.saturating_sub(IMPLIED_CLOSE_REACH)..len).rev() {
            let Some(name) = self.open.get(i) else { break };
            // Atoms compare as integers: this runs for most start tags.
            if targets.contains(name) {
                self.truncate(i);
                return;
            }
            if barriers.contains(name) {
                return;
            }
        }
    }

    fn model_start(&mut self, name: &LocalName, props: NameProps) {
        const LIST: &[LocalName] = &[
            local_name!("ul"),
            local_name!("ol"),
            local_name!("menu"),
            local_name!("dir"),
            local_name!("table"),
            local_name!("div"),
        ];
        const TABLE: &[LocalName] = &[local_name!("table")];
        const ROW_GROUPS: &[LocalName] = &[
            local_name!("tbody"),
            local_name!("thead"),
            local_name!("tfoot"),
        ];
        match &**name {
            "li" => self.close_implied(&[local_name!("li")], LIST),
            "dt" | "dd" => self.close_implied(
                &[local_name!("dt"), local_name!("dd")],
                &[local_name!("dl"), local_name!("table"), local_name!("div")],
            ),
            "tr" => self.close_implied(
                &[local_name!("tr")],
                &[
                    local_name!("table"),
                    local_name!("tbody"),
                    local_name!("thead"),
                    local_name!("tfoot"),
                ],
            ),
            "td" | "th" => self.close_implied(
                &[local_name!("td"), local_name!("th")],
                &[local_name!("tr"), local_name!("table")],
            ),
            "tbody" | "thead" | "tfoot" => self.close_implied(ROW_GROUPS, TABLE),
            "option" => self.close_implied(
                &[local_name!("option")],
                &[local_name!("select"), local_name!("datalist")],
            ),
            // A new `<a>` (or `<nobr>`) first ends the one still listed.
            "a" | "nobr" => {
                let props = self.props(name);
                self.end_tag(name, props);
            }
            _ => {}
        }
        if props.has(NameProps::CLOSES_P) {
            self.close_implied(
                &[local_name!("p")],
                &[
                    local_name!("table"),
                    local_name!("td"),
                    local_name!("th"),
                    local_name!("button"),
                ],
            );
        }
    }

    /// Models an end tag that reaches the tree builder. The element is looked for down to the
    /// nearest scope boundary (a table, a cell, …), as the tree builder looks: an end tag that
    /// would reach past one is ignored there, and must be here too, or a page could close
    /// elements in the model that stay open in the tree (`<div><table><td></div>`, repeated).
    /// Models an end tag; returns whether it closes an open element.
    fn end_tag(&mut self, name: &LocalName, props: NameProps) -> bool {
        let open = self.open_count.get(name).copied().unwrap_or(0) > 0;
        let found = if open {
            self.find_in_scope(name, props)
        } else {
            None
        };
        let formatting = props.has(NameProps::FORMATTING);
        if let Some(i) = found {
            let blocked = formatting
                && self
                    .open
                    .get(i + 1..)
                    .is_some_and(|above| above.iter().any(is_special));
            if blocked {
                // The adoption agency: the formatting element leaves the stack and the list,
                // the block inside it stays open.
                self.open.remove(i);
                if let Some(n) = self.open_count.get_mut(name) {
                    *n = n.saturating_sub(1);
                }
                self.formatting = self.formatting.saturating_sub(1);
            } else {
                self.truncate(i + 1);
                self.pop(false);
            }
        } else if formatting {
            let level = self.markers;
            if let Some(j) = self
                .dangling
                .iter()
                .rposition(|(n, l)| n == name && *l == level)
            {
                self.dangling.remove(j);
                self.formatting = self.formatting.saturating_sub(1);
            }
        }
        found.is_some()
    }

    /// Whether white space after a block boundary can be left out here: not where it is
    /// text (`<pre>`, `<listing>`), nor inside a `<select>`, whose rules ignore most tags.
    fn drops_white_space(&self) -> bool {
        // Counted on push and pop rather than looked up three times per white space: the
        // elements taken off the stack elsewhere (`end_tag`) and put back (`reconstruct`) are
        // formatting elements, never these.
        self.verbatim == 0
    }

    /// The index of the innermost open `name` above the nearest scope boundary.
    /// Table parts are looked for in table scope (a cell does not hide its table: `</table>`
    /// with a cell open closes both), an element that is neither special nor formatting only
    /// above the nearest special element (as the tree builder looks for it). `</body>` and
    /// `</html>` close nothing.
    fn find_in_scope(&self, name: &LocalName, props: NameProps) -> Option<usize> {
        if props.has(NameProps::ROOT) {
            return None;
        }
        let table_part = matches!(
            &**name,
            "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption"
        );
        // "Any other end tag" (`</span>`, `</x-widget>`) stops at the first special element.
        let plain =
            !props.has(NameProps::SPECIAL) && !props.has(NameProps::FORMATTING) && !table_part;
        for (i, n) in self.open.iter().enumerate().rev() {
            if n == name {
                return Some(i);
            }
            let boundary = if table_part {
                matches!(&**n, "table" | "html" | "template")
            } else if plain {
                is_special(n)
            } else {
                is_scope_boundary(n)
            };
            if boundary {
                return None;
            }
        }
        None
    }

    /// The tree builder re-creates the dangling formatting elements of the current marker
    /// level before text and inline tags: they are open again. Returns how many.
    fn reconstruct(&mut self) -> usize {
        // The common case, before every text token: nothing is dangling.
        if self.dangling.is_empty() {
            return 0;
        }
        let level = self.markers;
        let from = self
            .dangling
            .iter()
            .position(|(_, l)| *l >= level)
            .unwrap_or(self.dangling.len());
        let again: Vec<(LocalName, u32)> = self.dangling.split_off(from);
        let n = again.len();
        for (name, _) in again {
            *self.open_count.entry(name.clone()).or_insert(0) += 1;
            self.open.push(name);
        }
        n
    }

    /// Whether the current node makes text and non-table tags fostered.
    fn in_table_context(&self) -> bool {
        self.open.last().is_some_and(is_table_context)
    }

    /// Counts one fostered token; past the limit, returns `true`: open a cell for it.
    fn foster(&mut self) -> bool {
        if self.fostered >= FOSTER_LIMIT {
            let td = LocalName::from("td");
            let props = self.props(&td);
            self.model_start(&td, props);
            self.push(LocalName::from("td"));
            true
        } else {
            self.fostered += 1;
            false
        }
    }
}

/// Attributes beyond this many on the `<html>` and `<body>` start tags of a page (the first
/// tags and any repeated ones) are dropped; see `GuardState::root_attrs`.
const MAX_ROOT_ATTRIBUTES: usize = 256;

/// Drops the attributes nothing reads, so that they never reach the tree: what the segmenter,
/// the hints, the metadata and the layout read (`grep -rn 'attr(' src` and the
/// `for_each_attr` callers), and what the tree builder itself reads (`type` of `<input>`,
/// `<meta charset>`, `<font color face size>` in SVG, `encoding` of MathML annotations,
/// declarative shadow roots). Event handlers, `data-*` (but the lazy-loading image sources),
/// ARIA labels and inline styles that hide nothing go: on real pages they are most of the
/// attributes' bytes.
fn keep_read_attributes(tag: &mut TagToken, root: bool, root_attrs: &mut usize) {
    tag.attrs
        .retain(|a| is_read_attribute(&a.name.local, &a.value));
    if root {
        let room = MAX_ROOT_ATTRIBUTES.saturating_sub(*root_attrs);
        tag.attrs.truncate(room);
        *root_attrs += tag.attrs.len();
    }
    // An emptied vector gives its room back; a shorter one keeps it (reallocating every tag's
    // vector cost more time than the memory it saves).
    if tag.attrs.is_empty() {
        tag.attrs = Vec::new();
    }
}

/// Whether anything reads an attribute (see [`keep_read_attributes`]).
fn is_read_attribute(name: &str, value: &str) -> bool {
    match name {
        "alt" | "aria-hidden" | "aria-modal" | "charset" | "class" | "color" | "colspan"
        | "content" | "data-original" | "data-src" | "datetime" | "dir" | "encoding" | "face"
        | "hidden" | "href" | "http-equiv" | "id" | "itemprop" | "itemtype" | "lang" | "name"
        | "open" | "property" | "pubdate" | "rel" | "role" | "rowspan" | "size" | "src"
        | "start" | "type" => true,
        // The hints read a style only to see whether it hides the element, and only one that
        // says `none` or `hidden` can (the same first test as `hints::is_hidden_style`).
        "style" => value.contains("none") || value.contains("hidden"),
        _ => name.starts_with("shadowroot"),
    }
}

/// A `<td>` start tag made by the guard.
fn cell_tag() -> Token {
    Token::TagToken(html5ever::tokenizer::Tag {
        kind: TagKind::StartTag,
        name: LocalName::from("td"),
        self_closing: false,
        attrs: Vec::new(),
        had_duplicate_attributes: false,
    })
}

impl<S: TokenSink> TokenSink for DepthGuard<S> {
    type Handle = S::Handle;

    fn process_token(&self, mut token: Token, line_number: u64) -> TokenSinkResult<Self::Handle> {
        if self.stopped.get().is_some() {
            return TokenSinkResult::Continue;
        }
        // Nothing reads parse errors (rcdom would keep every one).
        if matches!(token, Token::ParseError(_)) {
            return TokenSinkResult::Continue;
        }
        let mut st = self.state.borrow_mut();
        let mut open_cell = false;
        // Set again below for a tag that is handed on.
        let after_block = std::mem::replace(&mut st.after_block, false);
        let mut closes = false;
        let props = match &token {
            Token::TagToken(tag) => Some(st.props(&tag.name)),
            _ => None,
        };
        let has = |b: u16| props.is_some_and(|p| p.has(b));
        match &mut token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                let name = &tag.name;
                let fostered = !has(NameProps::TABLE_TAG) && st.in_table_context();
                if has(NameProps::VOID) || (tag.self_closing && !has(NameProps::RAW_TEXT)) {
                    // Opens nothing.
                    if fostered {
                        open_cell = st.foster();
                    }
                    if matches!(
                        &**name,
                        "br" | "img" | "image" | "input" | "embed" | "keygen" | "wbr" | "area"
                    ) {
                        let n = st.reconstruct();
                        st.elements(n);
                    }
                } else if has(NameProps::RAW_TEXT) {
                    if fostered {
                        open_cell = st.foster();
                    }
                    st.unread_text = *name == local_name!("style")
                        || (*name == local_name!("script") && !is_json_ld(tag));
                    st.push(name.clone());
                } else {
                    // At the cap everything is flattened into the element there, siblings that
                    // would replace it too (`<li>` after `<li>`): the tree builder's scope checks
                    // walk the whole stack for each of them.
                    let at_cap = st.open.len() >= self.limits.max_depth;
                    if !at_cap {
                        st.model_start(name, props.unwrap_or_else(|| NameProps::of(name)));
                    }
                    if at_cap
                        || st.open.len() >= self.limits.max_depth
                        || (has(NameProps::FORMATTING) && st.formatting >= FORMATTING_CAP)
                    {
                        st.flattened = true;
                        *st.suppressed.entry(name.clone()).or_insert(0) += 1;
                        return TokenSinkResult::Continue;
                    }
                    // Fostering is decided by the current node after implied closes.
                    if !has(NameProps::TABLE_TAG) && st.in_table_context() {
                        open_cell = st.foster();
                    }
                    if !has(NameProps::KEEPS_FORMATTING_CLOSED) {
                        let n = st.reconstruct();
                        st.elements(n);
                    }
                    if has(NameProps::FORMATTING) {
                        st.formatting += 1;
                    }
                    st.push(name.clone());
                }
                keep_read_attributes(tag, has(NameProps::ROOT), &mut st.root_attrs);
                st.elements(1);
                let attrs = tag.attrs.iter().map(|a| {
                    ATTRIBUTE_COST.saturating_add(a.value.len().saturating_mul(TEXT_BYTE_COST))
                });
                st.cost = st.cost.saturating_add(attrs.sum());
            }
            Token::TagToken(tag) => {
                // Raw text ends only at its own end tag.
                st.unread_text = false;
                if let Some(n) = st.suppressed.get_mut(&tag.name)
                    && *n > 0
                {
                    *n -= 1;
                    return TokenSinkResult::Continue;
                }
                closes = st.end_tag(&tag.name, props.unwrap_or_else(|| NameProps::of(&tag.name)));
                // The tree builder ignores an end tag's attributes.
                tag.attrs = Vec::new();
            }
            Token::CharacterTokens(_) if st.unread_text => return TokenSinkResult::Continue,
            Token::CharacterTokens(text)
                if after_block
                    && text.bytes().all(|b| b.is_ascii_whitespace())
                    && st.drops_white_space() =>
            {
                st.after_block = true;
                return TokenSinkResult::Continue;
            }
            // Nothing reads comments either.
            Token::CommentToken(_) => {
                st.after_block = after_block;
                return TokenSinkResult::Continue;
            }
            Token::CharacterTokens(text) => {
                if st.in_table_context() {
                    // Only here does white space matter (it stays in the table, unfostered).
                    if !text.bytes().all(|b| b.is_ascii_whitespace()) {
                        open_cell = st.foster();
                        let n = st.reconstruct();
                        st.elements(n);
                    }
                } else {
                    let n = st.reconstruct();
                    st.elements(n);
                }
                if open_cell {
                    st.elements(1);
                    st.in_text = false;
                }
                let len = text.len();
                st.text(len);
            }
            _ => {}
        }
        if let Token::TagToken(_) = &token {
            if open_cell {
                st.elements(1);
            }
            st.in_text = false;
        }
        if st.nodes > self.limits.max_nodes {
            self.stopped.set(Some(ParseStop::TooManyNodes));
            return TokenSinkResult::Continue;
        }
        if st.cost > self.limits.memory_budget {
            self.stopped.set(Some(ParseStop::OverBudget));
            return TokenSinkResult::Continue;
        }
        st.after_block = match &token {
            // A start tag always makes its element (`<html>` and `<body>` again only add
            // attributes); an end tag must close one.
            Token::TagToken(tag) => {
                (tag.kind == TagKind::StartTag && !has(NameProps::ROOT) || closes)
                    && has(NameProps::BLOCK)
            }
            _ => false,
        };
        drop(st);
        if open_cell {
            let _ = self.inner.process_token(cell_tag(), line_number);
        }
        let start = match &token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => Some(tag.name.clone()),
            _ => None,
        };
        let result = self.inner.process_token(token, line_number);
        if let Some(name) = start {
            let kind = match &result {
                TokenSinkResult::RawData(TokenizerRawKind::ScriptData) => Some(RawKind::Script),
                TokenSinkResult::RawData(_) => Some(RawKind::Text),
                TokenSinkResult::Plaintext => Some(RawKind::Plaintext),
                _ => None,
            };
            if let Some(kind) = kind {
                self.raw_started.replace(Some((name, kind)));
            }
        }
        result
    }

    fn end(&self) {
        self.inner.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// The element names the rest of the crate cares about; everything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Tag {
    A,
    Address,
    Article,
    Aside,
    Audio,
    B,
    Blockquote,
    Body,
    Br,
    Button,
    Canvas,
    Caption,
    Center,
    Code,
    Dd,
    Del,
    Details,
    Dialog,
    Div,
    Dl,
    Dt,
    Em,
    Embed,
    Fieldset,
    Figcaption,
    Figure,
    Footer,
    Form,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Head,
    Header,
    Hgroup,
    Hr,
    Html,
    I,
    Iframe,
    Img,
    Input,
    Label,
    Legend,
    Li,
    Link,
    Main,
    Map,
    Math,
    Menu,
    Meta,
    Nav,
    Noscript,
    Object,
    Ol,
    Option,
    P,
    Picture,
    Pre,
    S,
    Samp,
    Script,
    Section,
    Select,
    Small,
    Source,
    Span,
    Strong,
    Style,
    Sub,
    Summary,
    Sup,
    Svg,
    Table,
    Tbody,
    Td,
    Template,
    Textarea,
    Tfoot,
    Th,
    Thead,
    Time,
    Title,
    Tr,
    Tt,
    U,
    Ul,
    Var,
    Video,
    Kbd,
    Mark,
    Abbr,
    Cite,
    Q,
    Ins,
    Data,
    Dfn,
    Other,
}

fn tag_of(name: &str) -> Tag {
    match name {
        "a" => Tag::A,
        "abbr" => Tag::Abbr,
        "address" => Tag::Address,
        "article" => Tag::Article,
        "aside" => Tag::Aside,
        "audio" => Tag::Audio,
        "b" => Tag::B,
        "blockquote" => Tag::Blockquote,
        "body" => Tag::Body,
        "br" => Tag::Br,
        "button" => Tag::Button,
        "canvas" => Tag::Canvas,
        "caption" => Tag::Caption,
        "center" => Tag::Center,
        "cite" => Tag::Cite,
        "code" => Tag::Code,
        "data" => Tag::Data,
        "dd" => Tag::Dd,
        "del" => Tag::Del,
        "details" => Tag::Details,
        "dfn" => Tag::Dfn,
        "dialog" => Tag::Dialog,
        "div" => Tag::Div,
        "dl" => Tag::Dl,
        "dt" => Tag::Dt,
        "em" => Tag::Em,
        "embed" => Tag::Embed,
        "fieldset" => Tag::Fieldset,
        "figcaption" => Tag::Figcaption,
        "figure" => Tag::Figure,
        "footer" => Tag::Footer,
        "form" => Tag::Form,
        "h1" => Tag::H1,
        "h2" => Tag::H2,
        "h3" => Tag::H3,
        "h4" => Tag::H4,
        "h5" => Tag::H5,
        "h6" => Tag::H6,
        "head" => Tag::Head,
        "header" => Tag::Header,
        "hgroup" => Tag::Hgroup,
        "hr" => Tag::Hr,
        "html" => Tag::Html,
        "i" => Tag::I,
        "iframe" => Tag::Iframe,
        "img" => Tag::Img,
        "input" => Tag::Input,
        "ins" => Tag::Ins,
        "kbd" => Tag::Kbd,
        "label" => Tag::Label,
        "legend" => Tag::Legend,
        "li" => Tag::Li,
        "link" => Tag::Link,
        "main" => Tag::Main,
        "map" => Tag::Map,
        "mark" => Tag::Mark,
        "menu" => Tag::Menu,
        "meta" => Tag::Meta,
        "nav" => Tag::Nav,
        "noscript" => Tag::Noscript,
        "object" => Tag::Object,
        "ol" => Tag::Ol,
        "option" => Tag::Option,
        "p" => Tag::P,
        "picture" => Tag::Picture,
        "pre" => Tag::Pre,
        "q" => Tag::Q,
        "s" | "strike" => Tag::S,
        "samp" => Tag::Samp,
        "script" => Tag::Script,
        "section" => Tag::Section,
        "select" => Tag::Select,
        "small" => Tag::Small,
        "source" => Tag::Source,
        "span" => Tag::Span,
        "strong" => Tag::Strong,
        "style" => Tag::Style,
        "sub" => Tag::Sub,
        "summary" => Tag::Summary,
        "sup" => Tag::Sup,
        "table" => Tag::Table,
        "tbody" => Tag::Tbody,
        "td" => Tag::Td,
        "template" => Tag::Template,
        "textarea" => Tag::Textarea,
        "tfoot" => Tag::Tfoot,
        "th" => Tag::Th,
        "thead" => Tag::Thead,
        "time" => Tag::Time,
        "title" => Tag::Title,
        "tr" => Tag::Tr,
        "tt" => Tag::Tt,
        "u" => Tag::U,
        "ul" => Tag::Ul,
        "var" => Tag::Var,
        "video" => Tag::Video,
        _ => Tag::Other,
    }
}

/// An element seen during a walk. Borrowed for the duration of one visitor call.
#[derive(Clone, Copy)]
pub(crate) struct Element<'a> {
    node: &'a Node,
    tag: Tag,
}

impl Tag {
    /// Elements whose start and end are block boundaries (for the segmenter, and for the guard,
    /// which drops the white space that follows them).
    pub fn is_block_level(self) -> bool {
        matches!(
            self,
            Tag::Address
                | Tag::Article
                | Tag::Aside
                | Tag::Blockquote
                | Tag::Body
                | Tag::Caption
                | Tag::Center
                | Tag::Dd
                | Tag::Details
                | Tag::Dialog
                | Tag::Div
                | Tag::Dl
                | Tag::Dt
                | Tag::Fieldset
                | Tag::Figcaption
                | Tag::Figure
                | Tag::Footer
                | Tag::Form
                | Tag::H1
                | Tag::H2
                | Tag::H3
                | Tag::H4
                | Tag::H5
                | Tag::H6
                | Tag::Header
                | Tag::Hgroup
                | Tag::Hr
                | Tag::Html
                | Tag::Legend
                | Tag::Li
                | Tag::Main
                | Tag::Menu
                | Tag::Nav
                | Tag::Noscript
                | Tag::Ol
                | Tag::P
                | Tag::Pre
                | Tag::Section
                | Tag::Summary
                | Tag::Table
                | Tag::Tbody
                | Tag::Thead
                | Tag::Tfoot
                | Tag::Tr
                | Tag::Ul
        )
    }

    /// The level of a heading tag (1 to 6), or `None`.
    pub fn heading_level(self) -> Option<u8> {
        match self {
            Tag::H1 => Some(1),
            Tag::H2 => Some(2),
            Tag::H3 => Some(3),
            Tag::H4 => Some(4),
            Tag::H5 => Some(5),
            Tag::H6 => Some(6),
            _ => None,
        }
    }
}

impl<'a> Element<'a> {
    pub fn tag(&self) -> Tag {
        self.tag
    }

    /// The element's local name, lowercase (useful for tags that map to [`Tag::Other`]).
    pub fn name(&self) -> &'a str {
        match &self.node.data {
            NodeData::Element { name, .. } => &name.local,
            _ => "",
        }
    }

    /// The value of attribute `name` (lowercase, no namespace), if present.
    #[inline]
    pub fn attr(&self, name: &str) -> Option<Ref<'a, str>> {
        // The names asked for on most elements compare as atoms (one integer each); callers
        // pass literals, so the match is settled when this is inlined.
        match name {
            "class" => self.attr_atom(&local_name!("class")),
            "itemprop" => self.attr_atom(&local_name!("itemprop")),
            "content" => self.attr_atom(&local_name!("content")),
            "href" => self.attr_atom(&local_name!("href")),
            _ => self.attr_str(name),
        }
    }

    fn attr_atom(&self, name: &LocalName) -> Option<Ref<'a, str>> {
        match &self.node.data {
            NodeData::Element { attrs, .. } => Ref::filter_map(attrs.borrow(), |attrs| {
                attrs
                    .iter()
                    .find(|a| a.name.ns == ns!() && a.name.local == *name)
                    .map(|a| &*a.value)
            })
            .ok(),
            _ => None,
        }
    }

    fn attr_str(&self, name: &str) -> Option<Ref<'a, str>> {
        match &self.node.data {
            NodeData::Element { attrs, .. } => Ref::filter_map(attrs.borrow(), |attrs| {
                attrs
                    .iter()
                    .find(|a| a.name.ns == ns!() && &*a.name.local == name)
                    .map(|a| &*a.value)
            })
            .ok(),
            _ => None,
        }
    }

    /// Calls `f` with every attribute's name and value, in document order.
    pub fn for_each_attr(&self, mut f: impl FnMut(&str, &str)) {
        if let NodeData::Element { attrs, .. } = &self.node.data {
            for a in attrs.borrow().iter() {
                f(&a.name.local, &a.value);
            }
        }
    }
}

/// Receives the events of a depth-first walk.
pub(crate) trait Visitor {
    /// An element starts. Return `false` to skip its subtree (no `close` follows then).
    fn open(&mut self, el: Element<'_>) -> bool;
    /// An element whose `open` returned `true` ends.
    fn close(&mut self, el: Element<'_>);
    /// A text node.
    fn text(&mut self, text: &str);
}

impl Document {
    /// Walks the document depth first without recursion, in document order.
    pub fn walk(&self, visitor: &mut impl Visitor) {
        // Each frame: a node whose children are being visited, the index of the next child,
        // and whether `close` is owed for it.
        let mut stack: Vec<(Handle, usize, Tag)> = vec![(self.dom.document.clone(), 0, Tag::Other)];
        while let Some((node, index, _)) = stack.last_mut() {
            let child = node.children.borrow().get(*index).cloned();
            *index += 1;
            match child {
                None => {
                    if let Some((node, _, tag)) = stack.pop()
                        && matches!(node.data, NodeData::Element { .. })
                    {
                        visitor.close(Element { node: &node, tag });
                    }
                }
                Some(child) => match &child.data {
                    NodeData::Text { contents } => visitor.text(&contents.borrow()),
                    NodeData::Element { name, .. } => {
                        let tag = if name.ns == ns!(html) {
                            tag_of(&name.local)
                        } else if &*name.local == "svg" {
                            Tag::Svg
                        } else if &*name.local == "math" {
                            Tag::Math
                        } else {
                            Tag::Other
                        };
                        if visitor.open(Element { node: &child, tag }) {
                            stack.push((child.clone(), 0, tag));
                        }
                    }
                    _ => {}
                },
            }
        }
    }
}

/// Shares a walk-free handle count for tests of the guard.
#[cfg(test)]
pub(crate) fn max_depth(doc: &Document) -> usize {
    use std::rc::Rc;
    let mut deepest = 0;
    let mut stack: Vec<(Rc<Node>, usize)> = vec![(doc.dom.document.clone(), 0)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        for c in node.children.borrow().iter() {
            stack.push((c.clone(), depth + 1));
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: ParseLimits = ParseLimits {
        max_depth: 512,
        max_nodes: 10_000_000,
        memory_budget: usize::MAX,
    };

    struct Texts(String);
    impl Visitor for Texts {
        fn open(&mut self, _: Element<'_>) -> bool {
            true
        }
        fn close(&mut self, _: Element<'_>) {}
        fn text(&mut self, t: &str) {
            self.0.push_str(t);
        }
    }

    #[test]
    fn deep_nesting_is_flattened_but_text_kept() {
        let n = 5000;
        let html = format!("{}x{}y", "<div>".repeat(n), "</div>".repeat(n));
        let doc = parse(&html, LIMITS).unwrap();
        assert!(doc.flattened);
        assert!(max_depth(&doc) < 600, "depth {}", max_depth(&doc));
        let mut t = Texts(String::new());
        doc.walk(&mut t);
        assert_eq!(t.0, "xy");
    }

    #[test]
    fn unread_script_and_style_text_and_comments_stay_out_of_the_tree() {
        let html = r#"<head><style>p { color: red }</style>
            <script type="application/ld+json">{"@type": "Article"}</script></head>
            <body><script>var s = "<p>not text</p>";</script><!-- a note --><p>After</p>
            <script type="module">import x from "y";</script><p>End</p>"#;
        // The JSON-LD script keeps its text (the metadata reader needs it); the others,
        // the style sheet and the comment leave none.
        let texts: Vec<String> = text_nodes(html)
            .into_iter()
            .filter(|t| !t.trim().is_empty())
            .collect();
        assert_eq!(texts, [r#"{"@type": "Article"}"#, "After", "End"]);
    }

    /// The text nodes of a parsed page, in document order.
    fn text_nodes(html: &str) -> Vec<String> {
        struct Nodes(Vec<String>);
        impl Visitor for Nodes {
            fn open(&mut self, _: Element<'_>) -> bool {
                true
            }
            fn close(&mut self, _: Element<'_>) {}
            fn text(&mut self, t: &str) {
                self.0.push(t.to_string());
            }
        }
        let mut nodes = Nodes(Vec::new());
        parse(html, LIMITS).unwrap().walk(&mut nodes);
        nodes.0
    }

    #[test]
    fn white_space_after_a_block_boundary_stays_out_of_the_tree() {
        // Indentation between blocks separates nothing.
        let html =
            "<div>\n  <p>a</p>\n  <p>b <b>c</b> <i>d</i></p>\n </div>\n<ul> <li>e</li> </ul>";
        assert_eq!(text_nodes(html), ["a", "b ", "c", " ", "d", "e"]);
        // Where it is text or may be: in `<pre>`, after a stray end tag that closes nothing,
        // after an inline element, and after a `<br>`.
        let pre = "<pre><div>a</div>\n    <div>b</div></pre>";
        assert_eq!(text_nodes(pre), ["a", "\n    ", "b"]);
        let stray = "<span>a</span></div> <span>b</span>";
        assert_eq!(text_nodes(stray), ["a", " ", "b"]);
        let br = "<p>a<br> <b>b</b></p>";
        assert_eq!(text_nodes(br), ["a", " ", "b"]);
    }

    #[test]
    fn ordinary_pages_are_not_flattened() {
        let items = "<li>a".repeat(2000);
        let html = format!("<ul>{items}</ul><p>one<p>two<table><tr><td>1<td>2<tr><td>3</table>");
        let doc = parse(&html, LIMITS).unwrap();
        assert!(!doc.flattened);
    }

    fn count_nodes(doc: &Document) -> usize {
        let mut n = 0;
        let mut stack = vec![doc.dom.document.clone()];
        while let Some(node) = stack.pop() {
            n += 1;
            stack.extend(node.children.borrow().iter().cloned());
        }
        n
    }

    #[test]
    fn fostering_is_bounded_and_text_kept() {
        let body: String = (0..2000).map(|i| format!("t{i} <div>d</div>")).collect();
        let doc = parse(&format!("<table>{body}</table><p>end"), LIMITS).unwrap();
        let mut t = Texts(String::new());
        doc.walk(&mut t);
        for i in [0, 255, 256, 1999] {
            assert!(t.0.contains(&format!("t{i} ")), "t{i} lost");
        }
        assert!(t.0.ends_with("end"));
    }

    #[test]
    fn reconstruction_of_formatting_elements_is_bounded() {
        let open: String = (0..1000).map(|i| format!("<b class=c{i}>")).collect();
        let html = format!("<p>{open}</p>{}", "<p>x</p>".repeat(1000));
        let doc = parse(&html, LIMITS).unwrap();
        // Without the cap every paragraph would hold a thousand re-created `<b>`s.
        let n = count_nodes(&doc);
        assert!(n < 1000 * (FORMATTING_CAP as usize + 3), "{n} nodes");
        let mut t = Texts(String::new());
        doc.walk(&mut t);
        assert_eq!(t.0, "x".repeat(1000));
    }

    #[test]
    fn end_tags_beyond_a_cell_do_not_fool_the_model() {
        let html = format!("{}deep", "<div><table><tr><td></div>".repeat(3000));
        let doc = parse(&html, LIMITS).unwrap();
        assert!(max_depth(&doc) < 700, "depth {}", max_depth(&doc));
        let mut t = Texts(String::new());
        doc.walk(&mut t);
        assert_eq!(t.0, "deep");
    }

    #[test]
    fn formatting_blocks_keep_the_block_open_in_the_model() {
        let html = format!("{}deep", "<b><div>x</b>".repeat(3000));
        let doc = parse(&html, LIMITS).unwrap();
        assert!(max_depth(&doc) < 1200, "depth {}", max_depth(&doc));
    }

    #[test]
    fn node_limit_stops_the_parse() {
        let html = "<p>x</p>".repeat(1000);
        let limits = ParseLimits {
            max_nodes: 100,
            ..LIMITS
        };
        assert_eq!(parse(&html, limits).err(), Some(ParseStop::TooManyNodes));
    }

    #[test]
    fn attributes_by_atom_read_as_by_string() {
        let html = r#"<div CLASS="a b" itemprop=p content=c href=h id=i>x</div>
            <svg><a xlink:href=u href=v>y</a></svg><span class=s>z</span>"#;
        struct Seen(Vec<String>);
        impl Visitor for Seen {
            fn open(&mut self, el: Element<'_>) -> bool {
                for name in ["class", "itemprop", "content", "href", "id"] {
                    let fast = el.attr(name).map(|v| v.to_string());
                    assert_eq!(fast, el.attr_str(name).map(|v| v.to_string()), "{name}");
                    if let Some(v) = fast {
                        self.0.push(format!("{name}={v}"));
                    }
                }
                true
            }
            fn close(&mut self, _: Element<'_>) {}
            fn text(&mut self, _: &str) {}
        }
        let mut seen = Seen(Vec::new());
        parse(html, LIMITS).unwrap().walk(&mut seen);
        assert_eq!(
            seen.0,
            [
                "class=a b",
                "itemprop=p",
                "content=c",
                "href=h",
                "id=i",
                "href=v",
                "class=s"
            ]
        );
    }

    #[test]
    fn only_read_attributes_reach_the_tree() {
        let html = r#"<div class=a id=b onclick="f()" data-x=1 style="color: red" aria-label=l
            role=main><img data-src=i.jpg data-id=7 alt=A><p style="display: none">t</p></div>"#;
        struct Names(Vec<String>);
        impl Visitor for Names {
            fn open(&mut self, el: Element<'_>) -> bool {
                el.for_each_attr(|n, _| self.0.push(n.to_string()));
                true
            }
            fn close(&mut self, _: Element<'_>) {}
            fn text(&mut self, _: &str) {}
        }
        let mut names = Names(Vec::new());
        parse(html, LIMITS).unwrap().walk(&mut names);
        assert_eq!(names.0, ["class", "id", "role", "data-src", "alt", "style"]);
    }

    #[test]
    fn nodes_are_counted_once_per_text_node() {
        // Entities split the text into tokens; rcdom joins them into one node.
        let html = "<p>a&nbsp;b&amp;c&lt;d</p>".repeat(100);
        let exact = ParseLimits {
            max_nodes: 200,
            ..LIMITS
        };
        assert!(parse(&html, exact).is_ok());
        let under = ParseLimits {
            max_nodes: 199,
            ..LIMITS
        };
        assert_eq!(parse(&html, under).err(), Some(ParseStop::TooManyNodes));
    }

    #[test]
    fn memory_budget_stops_the_parse() {
        let html = "<a href=#>x</a>".repeat(1000);
        // Each link: an element, an attribute with a one-byte value, a text node of one byte.
        let cost = ELEMENT_COST + ATTRIBUTE_COST + TEXT_BYTE_COST + TEXT_NODE_COST + TEXT_BYTE_COST;
        let enough = ParseLimits {
            memory_budget: 1000 * cost + 10 * ELEMENT_COST,
            ..LIMITS
        };
        assert!(parse(&html, enough).is_ok());
        let short = ParseLimits {
            memory_budget: 900 * cost,
            ..LIMITS
        };
        assert_eq!(parse(&html, short).err(), Some(ParseStop::OverBudget));
    }

    #[test]
    fn attributes_are_readable() {
        let doc = parse(r#"<div class="a b" id=x>t</div>"#, LIMITS).unwrap();
        struct Attrs(Vec<String>);
        impl Visitor for Attrs {
            fn open(&mut self, el: Element<'_>) -> bool {
                if el.tag() == Tag::Div {
                    self.0
                        .push(el.attr("class").map(|c| c.to_string()).unwrap_or_default());
                    self.0
                        .push(el.attr("id").map(|c| c.to_string()).unwrap_or_default());
                }
                true
            }
            fn close(&mut self, _: Element<'_>) {}
            fn text(&mut self, _: &str) {}
        }
        let mut a = Attrs(vec![]);
        doc.walk(&mut a);
        assert_eq!(a.0, vec!["a b", "x"]);
    }
}
