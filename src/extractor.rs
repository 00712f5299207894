//! The configured extractor: options in, one pipeline per call.

use crate::block::{Block, Decision};
use crate::classify::{self, BlockView};
use crate::dom::{self, ParseLimits, ParseStop};
use crate::error::{Error, ErrorKind};
use crate::extracted::Extracted;
use crate::features::TextStats;
use crate::meta;
use crate::options::Options;
use crate::render;
use crate::repeat;
use crate::segment;

/// A reusable extractor with fixed [`Options`]. Cheap to clone, `Send + Sync`: share one across
/// threads.
///
/// ```
/// use unboil::{Extractor, Focus, Options};
///
/// let extractor = Extractor::new(Options::default().focus(Focus::Precision));
/// let page = "<main><p>The bridge reopened on Monday after two years of repairs, \
///             the city said.</p></main><footer><a href='/about'>About us</a></footer>";
/// let extracted = extractor.extract(page)?;
/// assert_eq!(extracted.text(), "The bridge reopened on Monday after two years of repairs, the city said.");
/// # Ok::<(), unboil::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    options: Options,
}

impl Extractor {
    /// An extractor with the given options.
    pub fn new(options: Options) -> Self {
        Extractor { options }
    }

    /// The options in effect.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Extracts the main text of an HTML page.
    ///
    /// # Errors
    ///
    /// Only when a limit of [`Options`] is hit: [`ErrorKind::InputTooLarge`] or
    /// [`ErrorKind::TooManyNodes`]. A page without main text gives an empty
    /// [`Extracted`], not an error.
    pub fn extract(&self, html: &str) -> Result<Extracted, Error> {
        let o = &self.options;
        if html.len() > o.max_input_bytes {
            return Err(Error::new(
                ErrorKind::InputTooLarge,
                format!("{} bytes, limit {}", html.len(), o.max_input_bytes),
            ));
        }
        let limits = ParseLimits {
            max_depth: o.max_depth,
            max_nodes: o.max_nodes,
        };
        let doc = dom::parse(html, limits).map_err(|stop| match stop {
            ParseStop::TooManyNodes => Error::new(
                ErrorKind::TooManyNodes,
                format!("more than {} nodes", o.max_nodes),
            ),
        })?;
        let seg = segment::segment(&doc);
        drop(doc);
        Ok(self.decide(seg))
    }

    /// Extracts the main text of a plain-text dump of a page: one block of the page a line or a
    /// paragraph, as crawl archives and HTML-to-text converters store them.
    ///
    /// ```
    /// use unboil::{Extractor, Options};
    ///
    /// let dump = "Skip to content\nHome\nWorld\nSport\n\n\
    ///     The bridge reopened on Monday after two years of repairs, the city said.\n\n\
    ///     Related Stories\nCity approves budget\n2 hours ago\n";
    /// let extracted = Extractor::new(Options::default()).extract_text(dump)?;
    /// assert_eq!(extracted.text(), "The bridge reopened on Monday after two years of repairs, the city said.");
    /// # Ok::<(), unboil::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Only when the dump is longer than [`Options::max_input_bytes`]
    /// ([`ErrorKind::InputTooLarge`]).
    pub fn extract_text(&self, dump: &str) -> Result<Extracted, Error> {
        let o = &self.options;
        if dump.len() > o.max_input_bytes {
            return Err(Error::new(
                ErrorKind::InputTooLarge,
                format!("{} bytes, limit {}", dump.len(), o.max_input_bytes),
            ));
        }
        Ok(crate::dump::extract(dump, o.focus))
    }

    fn decide(&self, seg: segment::Segmented) -> Extracted {
        let views: Vec<BlockView<'_>> = seg
            .blocks
            .iter()
            .map(|raw| BlockView {
                raw,
                stats: TextStats::of(&raw.text),
            })
            .collect();
        let verdicts = classify::classify(&seg.elems, &views, self.options.focus);
        let h1 = seg
            .blocks
            .iter()
            .find(|b| b.kind == crate::BlockKind::Heading { level: 1 })
            .map(|b| b.text.as_str());
        let title = meta::title(&seg.facts, h1);
        let mut decisions: Vec<Decision> = verdicts.iter().map(|v| v.decision).collect();
        mark_title(&seg.blocks, &mut decisions, title.as_deref());
        let texts: Vec<&str> = seg.blocks.iter().map(|b| b.text.as_str()).collect();
        let keep: Vec<bool> = decisions.iter().map(|d| *d == Decision::Content).collect();
        for (d, dup) in decisions.iter_mut().zip(repeat::duplicates(&texts, &keep)) {
            if dup {
                *d = Decision::Duplicate;
            }
        }
        drop(views);
        let blocks: Vec<Block> = seg
            .blocks
            .into_iter()
            .zip(decisions)
            .zip(verdicts)
            .map(|((raw, decision), v)| Block {
                kind: raw.kind,
                text: raw.text,
                decision,
                score: v.score,
            })
            .collect();
        Extracted {
            text: render::text(&blocks),
            title,
            blocks,
        }
    }
}

/// The heading that states the title is the title, not body text. Only headings before the
/// first kept paragraph qualify, so a repeated headline deep in a page is left alone.
fn mark_title(blocks: &[segment::RawBlock], decisions: &mut [Decision], title: Option<&str>) {
    let Some(title) = title.map(meta::fold).filter(|t| !t.is_empty()) else {
        return;
    };
    for (b, d) in blocks.iter().zip(decisions.iter_mut()) {
        if b.kind.is_heading() || b.kind == crate::BlockKind::Paragraph {
            if meta::fold(&b.text) == title {
                *d = Decision::Title;
                return;
            }
        }
        if *d == Decision::Content && !b.kind.is_heading() {
            return;
        }
    }
}
