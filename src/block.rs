//! The public block model: what a page was cut into, and what was decided about each piece.

/// What a block is, from the markup (HTML mode) or from its shape (plain-text mode).
///
/// With the `serde` feature it serialises as an object with a `kind` field in snake case
/// (`{"kind": "paragraph"}`, `{"kind": "heading", "level": 2}`, `{"kind": "list_item"}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum BlockKind {
    /// Running text: `<p>`, text directly in a `<div>`, a line or paragraph of a dump.
    Paragraph,
    /// A heading, with its level from 1 (`<h1>`) to 6.
    Heading {
        /// 1 to 6.
        level: u8,
    },
    /// An item of a list (`<li>`, `<dt>`, `<dd>`, or a bulleted line of a dump).
    ListItem,
    /// The text of one table cell.
    TableCell,
    /// The cells of one table row, separated by tabs.
    TableRow,
    /// Preformatted text (`<pre>`), kept verbatim.
    Code,
    /// A block quotation.
    Quote,
    /// A caption of a figure or table.
    Caption,
}

impl BlockKind {
    /// Whether this kind is a heading.
    pub fn is_heading(self) -> bool {
        matches!(self, BlockKind::Heading { .. })
    }
}

/// What the extractor decided about a block.
///
/// With the `serde` feature it serialises as a snake-case string (`"content"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Decision {
    /// Part of the main text.
    Content,
    /// Navigation, lists of links, share bars, footers and other page furniture.
    Boilerplate,
    /// The same text appeared earlier in the page and was kept there.
    Duplicate,
    /// The page title, returned by [`Extracted::title`](crate::Extracted::title) rather than in
    /// the text.
    Title,
    /// Part of a reader comment below an article; see
    /// [`Extracted::comments`](crate::Extracted::comments).
    Comment,
}

/// One piece of the page, in document order, with the decision taken about it.
///
/// ```
/// use unboil::{BlockKind, Decision};
///
/// let page = "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>
///   <article><h2>Findings</h2><p>The committee published its findings on Tuesday, after
///   a year of hearings, and recommended three changes to the rules.</p></article>";
/// let extracted = unboil::extract(page);
/// let heading = extracted.blocks().iter().find(|b| b.kind().is_heading()).unwrap();
/// assert_eq!(heading.kind(), BlockKind::Heading { level: 2 });
/// assert_eq!(heading.decision(), Decision::Content);
/// let menu = extracted.blocks().iter().find(|b| b.text().contains("Home")).unwrap();
/// assert!(!menu.is_content());
/// ```
///
/// With the `serde` feature a block serialises as
/// `{"kind": "heading", "level": 2, "text": "…", "decision": "content", "score": 1.5}`
/// (`level` only for headings).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Block {
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub(crate) kind: BlockKind,
    pub(crate) text: String,
    pub(crate) decision: Decision,
    pub(crate) score: f32,
}

impl Block {
    /// The block's kind.
    pub fn kind(&self) -> BlockKind {
        self.kind
    }

    /// The block's text, white space collapsed (verbatim for [`BlockKind::Code`]).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The decision taken about the block.
    pub fn decision(&self) -> Decision {
        self.decision
    }

    /// Whether the block is part of the main text.
    pub fn is_content(&self) -> bool {
        self.decision == Decision::Content
    }

    /// The classifier's score: above zero leans to main text, below zero to boilerplate.
    /// Comparable between blocks of one page; not a probability.
    pub fn score(&self) -> f32 {
        self.score
    }
}
