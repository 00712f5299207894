//! The configured extractor: options in, one pipeline per call.

use crate::block::{Block, Decision};
use crate::classify;
use crate::dom::{self, ParseLimits, ParseStop};
use crate::error::{Error, ErrorKind};
use crate::explain;
use crate::extracted::Extracted;
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

    fn decide(&self, seg: segment::Segmented) -> Extracted {
        let explain = self.options.explain;
        // The title comes first, since the classifier uses where it stands; the rest of the
        // metadata prefers facts near the main text, so it comes after.
        let heads = meta::heads(&seg.facts, &seg.blocks);
        let title_block = title_block(&seg.blocks, heads.title());
        let views = classify::views(&seg.elems, &seg.blocks, title_block);
        let outcome = classify::classify(&seg.elems, &views, self.options.focus, explain);
        let mut decisions: Vec<Decision> = outcome.verdicts.iter().map(|v| v.decision).collect();
        let metadata = meta::read(&seg.facts, &seg.blocks, &decisions, heads);
        mark_title(&seg.blocks, &mut decisions, metadata.title());
        let texts: Vec<&str> = seg.blocks.iter().map(|b| b.text.as_str()).collect();
        let keep: Vec<bool> = decisions.iter().map(|d| *d == Decision::Content).collect();
        for (d, dup) in decisions.iter_mut().zip(repeat::duplicates(&texts, &keep)) {
            if dup {
                *d = Decision::Duplicate;
            }
        }
        let explanation = outcome.reasons.map(|reasons| {
            explain::build(
                &seg.elems,
                &views,
                &outcome.verdicts,
                &decisions,
                reasons,
                outcome.container,
            )
        });
        drop(views);
        let blocks: Vec<Block> = seg
            .blocks
            .into_iter()
            .zip(decisions)
            .zip(outcome.verdicts)
            .map(|((raw, decision), v)| Block {
                kind: raw.kind,
                text: raw.text,
                decision,
                score: v.score,
            })
            .collect();
        Extracted {
            text: render::text(&blocks),
            metadata,
            blocks,
            explanation,
        }
    }
}

/// The first heading (or, failing that, paragraph) that states the title.
pub(crate) fn title_block(blocks: &[segment::RawBlock], title: Option<&str>) -> Option<usize> {
    let title = meta::fold(title?);
    if title.is_empty() {
        return None;
    }
    let states =
        |b: &segment::RawBlock| b.text.len() < title.len() * 2 + 16 && meta::fold(&b.text) == title;
    blocks
        .iter()
        .position(|b| b.kind.is_heading() && states(b))
        .or_else(|| {
            blocks
                .iter()
                .position(|b| b.kind == crate::BlockKind::Paragraph && states(b))
        })
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
