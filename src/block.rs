//! The public block model: what a page was cut into, and what was decided about each piece.

/// What a block is, from the markup (HTML mode) or from its shape (plain-text mode).
///
/// With the `serde` feature it serialises as an object with a `kind` field in snake case
/// (`{"kind": "paragraph"}`, `{"kind": "heading", "level": 2}`, `{"kind": "list_item"}`).
///
/// ```
/// use unboil::BlockKind;
///
/// let page = "<article><h2>Results</h2>
///   <p>The club announced the results of the spring vote on Monday evening, in the hall.</p>
///   <ul><li>New roof for the boat store</li><li>Longer opening hours in summer</li></ul>
///   <blockquote>We listened to every member, the chair said after the vote.</blockquote>
///   <pre>votes  yes  no\nroof   41   3</pre>
///   <table><tr><th>Item</th><th>Votes</th></tr><tr><td>Roof</td><td>41</td></tr></table>
///   <figure><img src='hall.jpg'><figcaption>The hall on the night of the vote.</figcaption></figure>
///   </article>";
/// let extracted = unboil::extract(page);
/// let kinds: Vec<BlockKind> = extracted.blocks().iter().map(|b| b.kind()).collect();
/// assert_eq!(kinds, [
///     BlockKind::Heading { level: 2 },
///     BlockKind::Paragraph,
///     BlockKind::ListItem,
///     BlockKind::ListItem,
///     BlockKind::Quote,
///     BlockKind::Code,
///     BlockKind::TableRow,
///     BlockKind::TableRow,
///     BlockKind::Caption,
/// ]);
/// assert!(kinds[0].is_heading() && !kinds[1].is_heading());
/// assert_eq!(extracted.blocks()[5].text(), "votes  yes  no\nroof   41   3");
/// assert_eq!(extracted.blocks()[7].text(), "Roof\t41");
/// ```
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
    /// Whether this kind is a heading. See the example on [`BlockKind`].
    pub fn is_heading(self) -> bool {
        matches!(self, BlockKind::Heading { .. })
    }
}

/// What the extractor decided about a block.
///
/// With the `serde` feature it serialises as a snake-case string (`"content"`).
///
/// ```
/// use unboil::Decision;
///
/// let page = "<title>Rain at last | The Valley Courier</title>
///   <nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>
///   <article><h1>Rain at last</h1>
///   <p>After four dry months, the valley had its first real rain on Sunday night.</p>
///   <p>After four dry months, the valley had its first real rain on Sunday night.</p></article>";
/// let extracted = unboil::extract(page);
/// let decisions: Vec<Decision> = extracted.blocks().iter().map(|b| b.decision()).collect();
/// assert_eq!(decisions, [
///     Decision::Boilerplate, // the menu
///     Decision::Title,       // the headline, returned by `title()`
///     Decision::Content,
///     Decision::Duplicate,   // the same paragraph again
/// ]);
/// ```
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
    /// [`Extracted::comments`](crate::Extracted::comments). Comment blocks are marked so in
    /// [`Extracted::blocks`](crate::Extracted::blocks) whether or not
    /// [`Options::with_comments`](crate::Options::with_comments) is on.
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
/// assert_eq!(menu.text(), "Home News");
/// assert!(!menu.is_content());
/// assert!(heading.score() > 0.0 && menu.score() < 0.0);
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
    /// Comparable between blocks of one page; not a probability. See the example on [`Block`].
    pub fn score(&self) -> f32 {
        self.score
    }
}
