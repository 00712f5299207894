//! The result of an extraction.

use crate::block::Block;
use crate::explain::Explanation;

/// What an extraction found: the main text, the title, and every block with its decision.
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
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    pub(crate) title: Option<String>,
    pub(crate) text: String,
    pub(crate) blocks: Vec<Block>,
    pub(crate) explanation: Option<Explanation>,
}

impl Extracted {
    /// The main text: content blocks separated by a blank line, list items on their own lines.
    /// The title is not repeated at its head. Empty only when the page has no text at all.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The page title, if one was found: the best of `<title>`, `og:title` and the first `<h1>`,
    /// with a site-name suffix removed.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// Every block of the page in document order, content and boilerplate alike.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Why each block was kept or dropped, when [`Options::explain`](crate::Options::explain)
    /// was on.
    pub fn explanation(&self) -> Option<&Explanation> {
        self.explanation.as_ref()
    }

    /// Whether no main text was found.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}
