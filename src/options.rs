//! Extraction settings: a [`Focus`] preset plus switches and limits, set by builder methods.

/// How to trade precision against recall.
///
/// `Balanced` is the default and what the measured figures in the README use.
///
/// ```
/// use unboil::{Extractor, Focus, Options};
///
/// let strict = Extractor::new(Options::default().focus(Focus::Precision));
/// let page = "<article><p>The main text of the page, long enough to count as a paragraph.</p></article>";
/// assert!(strict.extract(page).unwrap().text().contains("main text"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Focus {
    /// Keep only blocks that are clearly main text; drop borderline ones.
    Precision,
    /// The best overall trade-off.
    #[default]
    Balanced,
    /// Keep borderline blocks too; lose as little of the main text as possible.
    Recall,
}

impl Focus {
    /// Added to every block's score before the keep/drop cut: a negative shift is stricter.
    pub(crate) fn bias(self) -> f32 {
        match self {
            Focus::Precision => -0.8,
            Focus::Balanced => 0.0,
            Focus::Recall => 0.8,
        }
    }
}

/// Settings for an [`Extractor`](crate::Extractor).
///
/// Fields are private; set them with the by-value builder methods, starting from
/// `Options::default()`.
///
/// ```
/// use unboil::{Focus, Options};
///
/// let options = Options::default()
///     .focus(Focus::Recall)
///     .max_input_bytes(8 << 20);
/// assert_eq!(options.get_focus(), Focus::Recall);
/// ```
#[derive(Debug, Clone)]
pub struct Options {
    pub(crate) focus: Focus,
    pub(crate) max_input_bytes: usize,
    pub(crate) max_nodes: usize,
    pub(crate) max_depth: usize,
    pub(crate) explain: bool,
    pub(crate) comments: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            focus: Focus::Balanced,
            // The largest page in the project's datasets is 3.3 MB; real pages above 64 MB are
            // not articles.
            max_input_bytes: 64 << 20,
            // 4 million elements and text runs is far beyond any real page (the largest
            // dataset page has about 60 thousand) yet bounds memory at a few hundred MB.
            max_nodes: 4_000_000,
            max_depth: 512,
            explain: false,
            comments: false,
        }
    }
}

impl Options {
    /// Sets the precision/recall trade-off. Default: [`Focus::Balanced`].
    pub fn focus(mut self, focus: Focus) -> Self {
        self.focus = focus;
        self
    }

    /// The focus in effect.
    pub fn get_focus(&self) -> Focus {
        self.focus
    }

    /// Inputs longer than this many bytes are refused with
    /// [`ErrorKind::InputTooLarge`](crate::ErrorKind::InputTooLarge). Default: 64 MiB.
    pub fn max_input_bytes(mut self, bytes: usize) -> Self {
        self.max_input_bytes = bytes;
        self
    }

    /// Pages with more elements and text runs than this stop with
    /// [`ErrorKind::TooManyNodes`](crate::ErrorKind::TooManyNodes). Default: 4,000,000.
    pub fn max_nodes(mut self, nodes: usize) -> Self {
        self.max_nodes = nodes;
        self
    }

    /// Returns the reader comments below an article apart from the main text, one block per
    /// comment, in [`Extracted::comments`](crate::Extracted::comments). Comments are never part
    /// of the main text, whatever this says. Default: off.
    ///
    /// ```
    /// use unboil::{Extractor, Options};
    ///
    /// let body = "<p>The council met on Tuesday to vote on the new harbour plan, which sets out \
    ///             moorings, a slipway and a boat store for the sailing club.</p>".repeat(8);
    /// let page = format!("<article><h1>Harbour plan</h1>{body}</article>
    ///     <ol class='comment-list'>
    ///       <li class='comment'><p>Good to see the slipway back in the plan at last.</p></li>
    ///       <li class='comment'><p>What about parking for the boat trailers, though?</p></li>
    ///     </ol>");
    /// let extracted = Extractor::new(Options::default().comments(true)).extract(&page)?;
    /// assert_eq!(extracted.comments().len(), 2);
    /// assert!(!extracted.text().contains("slipway back"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn comments(mut self, on: bool) -> Self {
        self.comments = on;
        self
    }

    /// Records why each block was kept or dropped, for
    /// [`Extracted::explanation`](crate::Extracted::explanation). Default: off.
    pub fn explain(mut self, on: bool) -> Self {
        self.explain = on;
        self
    }

    /// Nesting deeper than this is flattened (its text is kept) so that parsing stays linear;
    /// this is never an error. Default: 512, as in browsers. Values below 32 are raised to 32.
    pub fn max_depth(mut self, depth: usize) -> Self {
        self.max_depth = depth.max(32);
        self
    }
}
