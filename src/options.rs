//! Extraction settings: a [`Focus`] preset plus switches and limits, set by builder methods.

/// How to trade precision against recall.
///
/// `Balanced` is the default and what the measured figures in the README use.
///
/// ```
/// use unboil::{Extractor, Focus, Options};
///
/// let page = "<article><h1>Harbour plan</h1><p>The council met on Tuesday to vote on the new \
///             harbour plan, which sets out moorings and a slipway.</p><p>The vote passed by nine \
///             to two, and work starts in May.</p></article>
///             <p>Share this article</p><p>Photo: J. Smith</p>
///             <ul><li><a href=/a>Ferry fares rise</a></li>
///             <li><a href=/b>New bus timetable</a></li></ul>
///             <footer>Contact us</footer>";
/// let text = |focus| {
///     let extractor = Extractor::new(Options::default().with_focus(focus));
///     extractor.extract(page).map(|e| e.text().to_string())
/// };
/// let (precision, recall) = (text(Focus::Precision)?, text(Focus::Recall)?);
/// // Both keep the article and drop the related links and the footer...
/// for text in [&precision, &recall] {
///     assert!(text.starts_with("The council met on Tuesday"));
///     assert!(text.contains("work starts in May"));
///     assert!(!text.contains("Ferry fares") && !text.contains("Contact us"));
/// }
/// // ...but only `Recall` keeps the borderline lines after it.
/// assert!(precision.ends_with("work starts in May."));
/// assert!(recall.ends_with("Share this article\n\nPhoto: J. Smith"));
/// # Ok::<(), unboil::Error>(())
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

/// Which fitted numbers decide what is main text: the scores and the rules that run with them.
///
/// Both come out of the `train` example (see `examples/train.rs`); they differ in what they
/// were fitted on.
///
/// - [`Model::Standard`], the default: the scores the crate has long shipped, fitted on news
///   articles and benchmark pages of every kind. Best on news and blog articles.
/// - [`Model::Broad`]: every number fitted by `train` on 1,088 pages of seven page types
///   (articles, forums, products, listings, collections, documentation, services), checked
///   out of fold with each site held out whole. On pages no model was fitted on it is the
///   more accurate one on average, most of all on listings, shop and service pages. It keeps
///   more of the furniture the standard model drops on news and blog pages: "Also Read" lines
///   inside a story, a "Don't miss" list of headlines, "More from …" lines, bylines, a shop's
///   policy texts. Of the small pages the crate's tests hold the default to, one in four comes
///   out differently with it.
///
/// ```
/// use unboil::{Extractor, Model, Options};
///
/// let html = "<html><body><nav><a href='/'>Home</a> <a href='/shop'>Shop</a></nav>\
///     <article><h1>Night trains return</h1>\
///     <p>The first night train in twenty years left the capital on Sunday, its operator said, \
///     and three more routes open in the spring if the trial goes well.</p></article></body></html>";
/// let broad = Extractor::new(Options::default().with_model(Model::Broad));
/// assert!(broad.extract(html)?.text().starts_with("The first night train"));
/// assert_eq!(Options::default().model(), Model::Standard);
/// # Ok::<(), unboil::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Model {
    /// The long-shipped scores: best on news and blog articles.
    #[default]
    Standard,
    /// Fitted on seven page types: best on pages unlike news articles.
    Broad,
}

/// Bytes of memory the default budget allows per byte of input (see [`Options::with_max_memory`]).
/// The estimate counts what the whole extraction keeps, not just the tree, so the process's
/// peak stays below this multiple plus the input itself (and a few MB of program): at most 12
/// times the input, however the page is made. A page of long paragraphs costs under half of it.
pub(crate) const MEMORY_PER_INPUT_BYTE: usize = 10;

/// Bytes of memory the default budget allows any input, however small (see
/// [`Options::with_max_memory`]): small pages are the densest in markup. A page would need an
/// element for every 15 bytes to reach the budget, and no page of the project's datasets
/// comes near it.
pub(crate) const MEMORY_FLOOR: usize = 8 << 20;

/// Settings for an [`Extractor`](crate::Extractor).
///
/// Fields are private. Set them with the by-value builder methods `with_*`, starting from
/// `Options::default()`; read them back with the getter of the same name without the prefix
/// ([`Options::focus`], [`Options::comments`], …), as the Rust API guidelines name getters
/// (no `get_`). Options compare equal when every setting is equal.
///
/// ```
/// use unboil::{Focus, Options};
///
/// let options = Options::default()
///     .with_focus(Focus::Recall)
///     .with_max_input_bytes(8 << 20);
/// assert_eq!(options.focus(), Focus::Recall);
/// assert_eq!(options.max_input_bytes(), 8 << 20);
/// assert_ne!(options, Options::default());
/// assert_eq!(options.clone().with_focus(Focus::Balanced).with_max_input_bytes(64 << 20),
///            Options::default());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub(crate) focus: Focus,
    pub(crate) model: Model,
    pub(crate) max_input_bytes: usize,
    pub(crate) max_nodes: usize,
    pub(crate) max_memory: Option<usize>,
    pub(crate) max_depth: usize,
    pub(crate) explain: bool,
    pub(crate) links: bool,
    pub(crate) images: bool,
    pub(crate) base_url: Option<String>,
    pub(crate) comments: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            focus: Focus::Balanced,
            model: Model::Standard,
            // The largest page in the project's datasets is 3.3 MB; real pages above 64 MB are
            // not articles.
            max_input_bytes: 64 << 20,
            // 4 million elements and text runs is far beyond any real page (the largest
            // dataset page has about 60 thousand) yet bounds memory at a few hundred MB.
            max_nodes: 4_000_000,
            max_memory: None,
            max_depth: 512,
            explain: false,
            links: false,
            images: false,
            base_url: None,
            comments: false,
        }
    }
}

impl Options {
    /// Sets which fitted numbers decide what is main text. Default: [`Model::Standard`]. See
    /// the example on [`Model`].
    pub fn with_model(mut self, model: Model) -> Self {
        self.model = model;
        self
    }

    /// Sets the precision/recall trade-off. Default: [`Focus::Balanced`]. See the example on
    /// [`Focus`].
    pub fn with_focus(mut self, focus: Focus) -> Self {
        self.focus = focus;
        self
    }

    /// Inputs longer than this many bytes are refused with
    /// [`ErrorKind::InputTooLarge`](crate::ErrorKind::InputTooLarge). Default: 64 MiB. The
    /// limit is on bytes, not characters, and applies to every input: HTML as text or as bytes
    /// (as given, before decoding) and plain-text dumps.
    ///
    /// ```
    /// use unboil::{ErrorKind, Extractor, Options};
    ///
    /// let extractor = Extractor::new(Options::default().with_max_input_bytes(12));
    /// assert!(extractor.extract("<p>Café</p>").is_ok()); // 12 bytes: `é` takes two.
    /// let err = extractor.extract("<p>Cafés</p>").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::InputTooLarge);
    /// // The same word in windows-1252 is 12 bytes, and the limit counts the bytes as given.
    /// assert!(extractor.extract_bytes(b"<p>Caf\xE9s</p>", None).is_ok());
    /// let err = extractor.extract_text("Fourteen bytes").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::InputTooLarge);
    /// ```
    pub fn with_max_input_bytes(mut self, bytes: usize) -> Self {
        self.max_input_bytes = bytes;
        self
    }

    /// Pages with more elements, text runs and comments than this stop with
    /// [`ErrorKind::TooManyNodes`](crate::ErrorKind::TooManyNodes). Default: 4,000,000. The
    /// parse stops as soon as the count passes the limit, so the limit bounds memory too. It does
    /// not apply to plain-text dumps ([`Extractor::extract_text`](crate::Extractor::extract_text)),
    /// which are not parsed into nodes.
    ///
    /// ```
    /// use unboil::{ErrorKind, Extractor, Options};
    ///
    /// // 200 elements and 200 text runs.
    /// let page = "<p>A short paragraph of the page.</p>".repeat(200);
    /// let small = Extractor::new(Options::default().with_max_nodes(100));
    /// assert_eq!(small.extract(&page).unwrap_err().kind(), ErrorKind::TooManyNodes);
    /// assert!(Extractor::new(Options::default()).extract(&page).is_ok());
    /// ```
    pub fn with_max_nodes(mut self, nodes: usize) -> Self {
        self.max_nodes = nodes;
        self
    }

    /// The memory an extraction may cost, in bytes. Default: 10 bytes per byte of input plus
    /// 8 MiB, so that any page, however made, costs at most a fixed multiple of its size (see
    /// the README's "Limits and guarantees").
    ///
    /// The cost is estimated as the page is parsed (elements, text nodes, attributes kept and
    /// text, each with what the later stages add for it) or as a dump is cut into lines, and the
    /// extraction stops with [`ErrorKind::MemoryBudget`](crate::ErrorKind::MemoryBudget) as
    /// soon as the estimate passes the budget, before the memory is spent. A page of long
    /// paragraphs is estimated at about half of the default budget; only pages made of masses
    /// of tiny elements or lines (a few hundred bytes each, whatever their size) reach it.
    ///
    /// ```
    /// use unboil::{ErrorKind, Extractor, Options};
    ///
    /// let page = "<p>A paragraph of the page, long enough to be read as a paragraph.</p>".repeat(100);
    /// let tight = Extractor::new(Options::default().with_max_memory(10_000));
    /// assert_eq!(tight.extract(&page).unwrap_err().kind(), ErrorKind::MemoryBudget);
    /// assert!(Extractor::new(Options::default()).extract(&page).is_ok());
    /// ```
    pub fn with_max_memory(mut self, bytes: usize) -> Self {
        self.max_memory = Some(bytes);
        self
    }

    /// The memory budget set with [`Options::with_max_memory`], or `None` for the default (which
    /// grows with the input).
    ///
    /// ```
    /// use unboil::Options;
    ///
    /// assert_eq!(Options::default().max_memory(), None);
    /// assert_eq!(Options::default().with_max_memory(1 << 30).max_memory(), Some(1 << 30));
    /// ```
    pub fn max_memory(&self) -> Option<usize> {
        self.max_memory
    }

    /// The memory budget for an input of `len` bytes (see [`Options::with_max_memory`]).
    pub(crate) fn memory_budget(&self, len: usize) -> usize {
        self.max_memory.unwrap_or_else(|| {
            len.saturating_mul(MEMORY_PER_INPUT_BYTE)
                .saturating_add(MEMORY_FLOOR)
        })
    }

    /// Returns the reader comments below an article apart from the main text, one block per
    /// comment, in [`Extracted::comments`](crate::Extracted::comments). Comments are never part
    /// of the main text, whatever this says. Default: off. Which blocks are comments is stated
    /// on [`Options::comments`].
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
    /// let extracted = Extractor::new(Options::default().with_comments(true)).extract(&page)?;
    /// assert_eq!(extracted.comments().len(), 2);
    /// assert!(extracted.comments()[1].text().starts_with("What about parking"));
    /// assert!(!extracted.text().contains("slipway back"));
    ///
    /// // Off (the default): no comments returned, and still none in the text.
    /// let extracted = unboil::extract(&page);
    /// assert!(extracted.comments().is_empty());
    /// assert!(!extracted.text().contains("slipway back"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn with_comments(mut self, on: bool) -> Self {
        self.comments = on;
        self
    }

    /// Records why each block was kept or dropped, for
    /// [`Extracted::explanation`](crate::Extracted::explanation). Default: off. See the example
    /// on [`Explanation`](crate::Explanation) for what is recorded.
    ///
    /// ```
    /// use unboil::{Extractor, Options};
    ///
    /// let page = "<p>The bridge reopened on Monday after two years of repairs, the city said.</p>";
    /// assert!(unboil::extract(page).explanation().is_none());
    /// let extracted = Extractor::new(Options::default().with_explain(true)).extract(page)?;
    /// let explanation = extracted.explanation().expect("explain was on");
    /// assert_eq!(explanation.blocks.len(), extracted.blocks().len());
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn with_explain(mut self, on: bool) -> Self {
        self.explain = on;
        self
    }

    /// Keeps links in [`Extracted::to_markdown`](crate::Extracted::to_markdown) as
    /// `[text](url)`, with the URL made absolute (see [`Options::with_base_url`]). Default: off, the
    /// link text alone. Links to a place in the same page (`#…`) and `javascript:` links stay
    /// plain text. The plain text is the same either way.
    ///
    /// ```
    /// use unboil::{Extractor, Options};
    ///
    /// let page = "<article><p>The <a href='/report.pdf'>full report</a> runs to ninety pages \
    ///             and was published by the council on Monday morning.</p></article>";
    /// let with = Extractor::new(Options::default().with_links(true).with_base_url("https://city.example/news/"));
    /// assert!(with.extract(page)?.to_markdown().contains("[full report](https://city.example/report.pdf)"));
    /// let without = Extractor::new(Options::default());
    /// assert!(without.extract(page)?.to_markdown().starts_with("The full report runs"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn with_links(mut self, on: bool) -> Self {
        self.links = on;
        self
    }

    /// Keeps images in [`Extracted::to_markdown`](crate::Extracted::to_markdown) as
    /// `![alt](src)`, with the source made absolute (see [`Options::with_base_url`]); lazy-loading
    /// pages' `data-src` is used when `src` is missing or an inline `data:` placeholder. An image
    /// with no text of its own around it is written before the next block. Default: off.
    ///
    /// ```
    /// use unboil::{Extractor, Options};
    ///
    /// let page = "<article><p>The river rose two metres overnight and flooded the old town, \
    ///             the council said on Sunday.</p><figure><img src='flood.jpg' alt='The flooded \
    ///             square'><figcaption>The market square on Sunday morning, after a night of heavy \
    ///             rain.</figcaption></figure><p>Volunteers spent the day moving furniture from the \
    ///             ground floors of the houses by the bridge.</p></article>";
    /// let options = Options::default().with_images(true).with_base_url("https://news.example/2024/");
    /// let markdown = Extractor::new(options).extract(page)?.to_markdown();
    /// assert!(markdown.contains(
    ///     "\n\n![The flooded square](https://news.example/2024/flood.jpg)\n\nThe market square"
    /// ));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn with_images(mut self, on: bool) -> Self {
        self.images = on;
        self
    }

    /// The address the page was fetched from, against which relative links and images are made
    /// absolute in Markdown, as a browser would: against the page's `<base href>` (itself
    /// resolved against this address) when the page has one, else against this address. When
    /// it is not given, the page's `<base href>` and then its canonical URL stand in; when none
    /// of them is an absolute URL, relative URLs are left as they are. Default: none.
    ///
    /// ```
    /// use unboil::{Extractor, Options};
    ///
    /// let page = "<p>Read the <a href='../rules.html'>new rules</a> before the season opens \
    ///             on the first Saturday of next month, the club said.</p>";
    /// let options = Options::default().with_links(true).with_base_url("https://club.example/news/2024/item.html");
    /// let markdown = Extractor::new(options).extract(page)?.to_markdown();
    /// assert!(markdown.contains("[new rules](https://club.example/news/rules.html)"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn with_base_url(mut self, url: &str) -> Self {
        self.base_url = Some(url.to_string());
        self
    }

    /// Nesting deeper than this is flattened (its text is kept) so that parsing stays linear;
    /// this is never an error. Default: 512, as in browsers. Values below 32 are raised to 32.
    ///
    /// ```
    /// use unboil::{Extractor, Options};
    ///
    /// let deep = format!(
    ///     "{}<p>The text at the bottom of a page nested two thousand levels deep.</p>{}",
    ///     "<div>".repeat(2000),
    ///     "</div>".repeat(2000)
    /// );
    /// let shallow = Extractor::new(Options::default().with_max_depth(40));
    /// assert_eq!(
    ///     shallow.extract(&deep)?.text(),
    ///     "The text at the bottom of a page nested two thousand levels deep."
    /// );
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn with_max_depth(mut self, depth: usize) -> Self {
        self.max_depth = depth.max(32);
        self
    }
}

/// Getters: each returns the setting its `with_*` builder method sets (or the default).
impl Options {
    /// The precision/recall trade-off in effect (see [`Options::with_focus`]).
    ///
    /// ```
    /// use unboil::{Focus, Options};
    ///
    /// assert_eq!(Options::default().focus(), Focus::Balanced);
    /// assert_eq!(Options::default().with_focus(Focus::Precision).focus(), Focus::Precision);
    /// ```
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// The model in effect ([`Options::with_model`]).
    pub fn model(&self) -> Model {
        self.model
    }

    /// The focus in effect.
    #[deprecated(
        since = "0.1.0",
        note = "use `Options::focus`: getters have no `get_` prefix"
    )]
    pub fn get_focus(&self) -> Focus {
        self.focus
    }

    /// The input size limit in bytes (see [`Options::with_max_input_bytes`]).
    ///
    /// ```
    /// use unboil::Options;
    ///
    /// assert_eq!(Options::default().max_input_bytes(), 64 << 20);
    /// assert_eq!(Options::default().with_max_input_bytes(1000).max_input_bytes(), 1000);
    /// ```
    pub fn max_input_bytes(&self) -> usize {
        self.max_input_bytes
    }

    /// The node count limit (see [`Options::with_max_nodes`]).
    ///
    /// ```
    /// use unboil::Options;
    ///
    /// assert_eq!(Options::default().max_nodes(), 4_000_000);
    /// assert_eq!(Options::default().with_max_nodes(500).max_nodes(), 500);
    /// ```
    pub fn max_nodes(&self) -> usize {
        self.max_nodes
    }

    /// The nesting depth beyond which the tree is flattened (see [`Options::with_max_depth`]),
    /// after raising values below 32 to 32.
    ///
    /// ```
    /// use unboil::Options;
    ///
    /// assert_eq!(Options::default().max_depth(), 512);
    /// assert_eq!(Options::default().with_max_depth(8).max_depth(), 32);
    /// ```
    pub fn max_depth(&self) -> usize {
        self.max_depth
    }

    /// Whether the explanation is recorded (see [`Options::with_explain`]).
    ///
    /// ```
    /// use unboil::Options;
    ///
    /// assert!(!Options::default().explain());
    /// assert!(Options::default().with_explain(true).explain());
    /// ```
    pub fn explain(&self) -> bool {
        self.explain
    }

    /// Whether Markdown keeps links (see [`Options::with_links`]).
    ///
    /// ```
    /// use unboil::Options;
    ///
    /// assert!(!Options::default().links());
    /// assert!(Options::default().with_links(true).links());
    /// ```
    pub fn links(&self) -> bool {
        self.links
    }

    /// Whether Markdown keeps images (see [`Options::with_images`]).
    ///
    /// ```
    /// use unboil::Options;
    ///
    /// assert!(!Options::default().images());
    /// assert!(Options::default().with_images(true).images());
    /// ```
    pub fn images(&self) -> bool {
        self.images
    }

    /// The page's address, if given (see [`Options::with_base_url`]).
    ///
    /// ```
    /// use unboil::Options;
    ///
    /// assert_eq!(Options::default().base_url(), None);
    /// let options = Options::default().with_base_url("https://news.example/a/");
    /// assert_eq!(options.base_url(), Some("https://news.example/a/"));
    /// ```
    pub fn base_url(&self) -> Option<&str> {
        self.base_url.as_deref()
    }

    /// Whether reader comments are returned (see [`Options::with_comments`]).
    ///
    /// # Which blocks are comments
    ///
    /// 1. **Marked sections.** A comment section is an element marked as one: a class or id
    ///    with the word `comment` (`comment-list`, `c-comments__item`), microdata
    ///    `itemprop="comment"` or a schema.org `Comment`; or a customer review: an element
    ///    marked `review` (class, id or microdata) that holds a star rating or a reviewer's
    ///    byline. Nothing else is a comment: unmarked replies are judged as any other block.
    /// 2. **Below an article only.** Comment sections count on a page that is an article with
    ///    comments below it: not a forum thread (JSON-LD `DiscussionForumPosting` or its
    ///    microdata), and either the text outside the sections holds 1000 characters of prose,
    ///    or the page says it is an article (JSON-LD `Article` and its kinds, `og:type`
    ///    `article`, `article:published_time`) and its main text is longer than the sections'
    ///    text, as on a short post with a few comments. On a discussion (an open thread under a
    ///    one-line post) the posts are the text. Customer reviews count on any page.
    /// 3. **Not the article.** An element that holds the page's title, or its main container
    ///    when that holds at least half of the kept text, is not a comment section, whatever
    ///    its class says: an editorial review in markup named `review` is the text.
    /// 4. **Not furniture.** A marked element that starts before the main text (a "3 comments"
    ///    link by the byline) holds no comment, and neither do a section's headings, counts
    ///    ("3 comments", "Comments (12)"), links and buttons ("Reply") and its reply form.
    /// 5. **Never empty.** When nothing the extractor keeps lies outside the comment sections,
    ///    there are no comments and those blocks are judged as text.
    ///
    /// Each comment is one block: a new one starts where the markup of the block that opened
    /// the previous one repeats, so a comment's name, date and text stay together and a reply
    /// stays with the comment it answers.
    ///
    /// ```
    /// use unboil::{Extractor, Options};
    ///
    /// // A short post (og:type article) with two comments and a count link by its byline.
    /// let page = "<meta property='og:type' content='article'>
    ///   <article><h1>New slipway opens</h1>
    ///   <p class='meta'>By Ana Lima, <a class='comments-link' href='#c'>2 comments</a></p>
    ///   <p>The new slipway at the harbour opened on Saturday morning.</p>
    ///   <p>Boats up to eight metres can now be launched at any state of the tide.</p></article>
    ///   <div id='c' class='comments'><h3>2 comments</h3>
    ///   <div class='comment'><p>Finally! We waited ten years for this.</p></div>
    ///   <div class='comment'><p>Is there parking for trailers nearby?</p></div></div>";
    /// let options = Options::default().with_comments(true);
    /// assert!(options.comments());
    /// let extracted = Extractor::new(options).extract(page)?;
    /// let comments: Vec<&str> = extracted.comments().iter().map(|c| c.text()).collect();
    /// assert_eq!(comments, ["Finally! We waited ten years for this.",
    ///                       "Is there parking for trailers nearby?"]);
    /// assert!(extracted.text().starts_with("The new slipway"));
    /// assert!(!extracted.text().contains("Finally"));
    /// # Ok::<(), unboil::Error>(())
    /// ```
    pub fn comments(&self) -> bool {
        self.comments
    }
}
