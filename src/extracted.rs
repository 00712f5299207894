//! The result of an extraction.

use crate::block::Block;
use crate::blocks::structure::Layout;
use crate::explain::Explanation;
use crate::metadata::Metadata;
use crate::model::page_type::PageType;

/// What an extraction found: the main text, the title and the rest of the [`Metadata`], and
/// every block with its decision.
///
/// ```
/// let page = r#"<html><head><title>Rain at last - The Valley Courier</title></head><body>
///   <nav><a href="/">Home</a> | <a href="/weather">Weather</a></nav>
///   <article><h1>Rain at last</h1>
///   <p>After four dry months, the valley had its first real rain on Sunday night.</p>
///   <p>Farmers said the storm came just in time for the late planting.</p></article>
///   <footer>© The Valley Courier</footer></body></html>"#;
/// let extracted = unboil::extract(page);
/// assert_eq!(extracted.title(), Some("Rain at last"));
/// assert!(extracted.text().starts_with("After four dry months"));
/// assert!(!extracted.text().contains("Home"));
/// ```
///
/// With the `serde` feature, `Extracted` serialises to the JSON object described in the
/// crate's README ("JSON output"): `title`, `metadata`, `text` and `blocks`, and `comments`
/// when [`Options::with_comments`](crate::Options::with_comments) found some.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    pub(crate) metadata: Metadata,
    pub(crate) text: String,
    pub(crate) blocks: Vec<Block>,
    pub(crate) explanation: Option<Explanation>,
    /// Inline markup and containers of the blocks, for [`Extracted::to_markdown`].
    pub(crate) layout: Layout,
    pub(crate) comments: Vec<Block>,
    /// The encoding the bytes were decoded from, for [`Extractor::extract_bytes`](crate::Extractor::extract_bytes).
    pub(crate) encoding: Option<&'static str>,
    /// The page type, in HTML mode.
    pub(crate) page_type: Option<PageType>,
}

impl Extracted {
    /// The main text: content blocks separated by a blank line, list items on their own lines.
    /// The title is not repeated at its head. Empty only when the page has no text besides its
    /// title.
    ///
    /// ```
    /// let page = "<title>Rain at last - The Valley Courier</title><article><h1>Rain at last</h1>
    ///   <p>After four dry months, the valley had its first real rain on Sunday night.</p>
    ///   <ul><li>Farmers were pleased with the rain.</li>
    ///   <li>Rivers rose by half a metre overnight.</li></ul></article>";
    /// assert_eq!(
    ///     unboil::extract(page).text(),
    ///     "After four dry months, the valley had its first real rain on Sunday night.\n\n\
    ///      Farmers were pleased with the rain.\nRivers rose by half a metre overnight."
    /// );
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The page title, if one was found: the best of `<title>`, `og:title`, the JSON-LD
    /// headline and the main `<h1>`, with a site-name suffix removed. The same as
    /// `metadata().title()`; see [`Metadata::title`] and the example on [`Extracted`].
    pub fn title(&self) -> Option<&str> {
        self.metadata.title()
    }

    /// What the page says about itself: title, authors, dates, site name, language, text
    /// direction, description, canonical URL, image, tags and categories.
    ///
    /// ```
    /// let page = r#"<html lang="en"><head><title>Rain at last - The Valley Courier</title>
    ///   <meta name="author" content="Jo Park"></head>
    ///   <body><p>After four dry months, the valley had its first real rain.</p></body></html>"#;
    /// let extracted = unboil::extract(page);
    /// assert_eq!(extracted.metadata().authors(), ["Jo Park"]);
    /// assert_eq!(extracted.metadata().language(), Some("en"));
    /// ```
    pub fn metadata(&self) -> &Metadata {
        &self.metadata
    }

    /// Every block of the page in document order, content and boilerplate alike. See the
    /// examples on [`Block`] and [`Decision`](crate::Decision).
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// The reader comments below the article, one block per comment, in page order, when
    /// [`Options::with_comments`](crate::Options::with_comments) was on; empty otherwise or when the page
    /// has none. A discussion page (a forum thread) has no comments: its posts are its text.
    /// See the example on [`Options::with_comments`](crate::Options::with_comments).
    pub fn comments(&self) -> &[Block] {
        &self.comments
    }

    /// Why each block was kept or dropped, when [`Options::with_explain`](crate::Options::with_explain)
    /// was on; `None` otherwise. See the example on [`Explanation`].
    pub fn explanation(&self) -> Option<&Explanation> {
        self.explanation.as_ref()
    }

    /// The main text as Markdown (CommonMark with GitHub's tables): headings with their level,
    /// paragraphs, nested bulleted and numbered lists, data tables as tables (layout tables
    /// flattened into paragraphs), code blocks fenced with their language when the page names
    /// it, block quotes, emphasis, strong emphasis, strikethrough and inline code; links and
    /// images too when [`Options::with_links`](crate::Options::with_links) and
    /// [`Options::with_images`](crate::Options::with_images) ask for them. Characters that Markdown
    /// would read as syntax are escaped, so the words are those of [`Extracted::text`]. As
    /// there, only content blocks are written and the title is not repeated at the head.
    ///
    /// ```
    /// let page = "<article><h1>Spring fair</h1>
    ///   <p>The fair opens on <em>Saturday</em> at ten, with <strong>free</strong> entry for all.</p>
    ///   <h2>What to bring</h2>
    ///   <ul><li>A strong bag for the plants you buy at the stall</li>
    ///   <li>Some cash for the raffle and the cake stall</li></ul>
    ///   <p>The fair closes at four, when the raffle is drawn.</p></article>";
    /// let markdown = unboil::extract(page).to_markdown();
    /// // `\x23` is `#`: rustdoc reads a line starting with `##` as an escaped `#`.
    /// assert_eq!(markdown, "The fair opens on *Saturday* at ten, with **free** entry for all.\n\n\
    ///                       \x23# What to bring\n\n- A strong bag for the plants you buy at the stall\n\
    ///                       - Some cash for the raffle and the cake stall\n\n\
    ///                       The fair closes at four, when the raffle is drawn.\n");
    /// ```
    pub fn to_markdown(&self) -> String {
        crate::render::markdown::render(&self.blocks, &self.layout)
    }

    /// The encoding the page was decoded from, by its WHATWG name (`"UTF-8"`, `"windows-1252"`,
    /// `"Shift_JIS"`, …), when it was given as bytes to
    /// [`Extractor::extract_bytes`](crate::Extractor::extract_bytes) or
    /// [`extract_bytes`](crate::extract_bytes); `None` for text input, which needs no decoding.
    ///
    /// ```
    /// let page = "<p>Grüße aus Köln, wo es heute den ganzen Tag geregnet hat.</p>";
    /// assert_eq!(unboil::extract_bytes(page.as_bytes(), None).encoding(), Some("UTF-8"));
    /// assert_eq!(unboil::extract(page).encoding(), None);
    /// ```
    pub fn encoding(&self) -> Option<&'static str> {
        self.encoding
    }

    /// The kind of page (article, forum, product, listing…), as the page-type classifier
    /// judges it: from the markup and the blocks in HTML mode, from the shape of the lines and
    /// of the text's regions in plain-text mode (less sure: no markup, no declarations).
    /// `None` only for a dump without text.
    ///
    /// ```
    /// use unboil::PageType;
    ///
    /// let page = "<article><h1>Bridge reopens</h1><p>The bridge reopened on Monday after two \
    ///             years of repairs, the city said in a statement on its website.</p></article>";
    /// let page_type: Option<PageType> = unboil::extract(page).page_type();
    /// assert!(page_type.is_some());
    /// assert!(unboil::extract_text("A line of text.").page_type().is_some());
    /// assert_eq!(unboil::extract_text("").page_type(), None);
    /// ```
    pub fn page_type(&self) -> Option<PageType> {
        self.page_type
    }

    /// Whether no main text was found: [`Extracted::text`] is empty.
    ///
    /// ```
    /// assert!(unboil::extract("<div> </div><!-- nothing here -->").is_empty());
    /// // A page with only its headline has a title but no main text.
    /// let headline = unboil::extract("<h1>Rain at last</h1>");
    /// assert!(headline.is_empty());
    /// assert_eq!(headline.title(), Some("Rain at last"));
    /// assert!(!unboil::extract("<p>It rained.</p>").is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// The JSON shape: `{"title": …, "page_type": "article", "metadata": {…}, "text": "…",
/// "blocks": [{…}, …]}` (`page_type` is `null` for a dump without text), plus
/// `"comments": [{…}, …]` when [`Options::with_comments`](crate::Options::with_comments) found some. The
/// title is repeated at the top (it is also `metadata.title`) because it is what most users want.
///
/// ```
/// let page = "<title>Rain at last | The Courier</title><h1>Rain at last</h1>
///             <p>After four dry months, the valley had its first real rain on Sunday night.</p>";
/// let json = serde_json::to_value(unboil::extract(page))?;
/// assert_eq!(json["title"], "Rain at last");
/// assert_eq!(json["metadata"]["site_name"], "The Courier");
/// assert_eq!(json["blocks"][1]["decision"], "content");
/// assert_eq!(json["text"], "After four dry months, the valley had its first real rain on Sunday night.");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for Extracted {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let fields = if self.comments.is_empty() { 5 } else { 6 };
        let mut s = serializer.serialize_struct("Extracted", fields)?;
        s.serialize_field("title", &self.title())?;
        s.serialize_field("page_type", &self.page_type)?;
        s.serialize_field("metadata", &self.metadata)?;
        s.serialize_field("text", &self.text)?;
        s.serialize_field("blocks", &self.blocks)?;
        if !self.comments.is_empty() {
            s.serialize_field("comments", &self.comments)?;
        }
        s.end()
    }
}
