//! The configured extractor: options in, one pipeline per call.

use crate::block::{Block, Decision};
use crate::blocks::repeat;
use crate::blocks::segment;
use crate::blocks::structure::Record;
use crate::blocks::view::BlockView;
use crate::error::{Error, ErrorKind};
use crate::explain;
use crate::extracted::Extracted;
use crate::meta;
use crate::model::{self, PageSamples, Sample, Stage};
use crate::options::Options;
use crate::parse::dom::{self, ParseLimits, ParseStop};
use crate::passes;
use crate::passes::description_fallback;
use crate::render;
use crate::render::href;

/// A reusable extractor with fixed [`Options`]. Cheap to clone, `Send + Sync`: share one across
/// threads.
///
/// ```
/// use unboil::{Extractor, Focus, Options};
///
/// let extractor = Extractor::new(Options::default().with_focus(Focus::Precision));
/// let page = "<main><p>The bridge reopened on Monday after two years of repairs, \
///             the city said.</p></main><footer><a href='/about'>About us</a></footer>";
/// let extracted = extractor.extract(page)?;
/// assert_eq!(extracted.text(), "The bridge reopened on Monday after two years of repairs, the city said.");
/// assert_eq!(extractor.options().focus(), Focus::Precision);
///
/// // One extractor, shared by threads.
/// fn shareable<T: Send + Sync + Clone>(_: &T) {}
/// shareable(&extractor);
/// std::thread::scope(|s| {
///     s.spawn(|| assert!(extractor.extract(page).is_ok()));
/// });
/// # Ok::<(), unboil::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    options: Options,
}

impl Extractor {
    /// An extractor with the given options. See the example on [`Extractor`].
    pub fn new(options: Options) -> Self {
        Extractor { options }
    }

    /// The options in effect. See the example on [`Extractor`].
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Extracts the main text of an HTML page.
    ///
    /// ```
    /// use unboil::{ErrorKind, Extractor, Options};
    ///
    /// let extractor = Extractor::new(Options::default().with_max_input_bytes(100));
    /// let page = "<p>The bridge reopened on Monday after two years of repairs.</p>";
    /// let text = "The bridge reopened on Monday after two years of repairs.";
    /// assert_eq!(extractor.extract(page)?.text(), text);
    /// // No main text is not an error...
    /// assert!(extractor.extract("<div></div>")?.is_empty());
    /// // ...but a limit is.
    /// let err = extractor.extract(&page.repeat(2)).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::InputTooLarge);
    /// # Ok::<(), unboil::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Only when a limit of [`Options`] is hit: [`ErrorKind::InputTooLarge`],
    /// [`ErrorKind::TooManyNodes`] or [`ErrorKind::MemoryBudget`]. A page without main text
    /// gives an empty [`Extracted`], not an error. The string is not sniffed for binary
    /// content (see [`crate::extract`]).
    pub fn extract(&self, html: &str) -> Result<Extracted, Error> {
        self.check_size(html.len())?;
        // A byte order mark left at the head of a string read from a file is not text.
        self.extract_html(html.strip_prefix('\u{feff}').unwrap_or(html))
    }

    /// Extracts the main text of an HTML page given as bytes, decoding them first.
    ///
    /// The encoding is chosen in the order the WHATWG HTML standard gives (browsers follow it):
    ///
    /// 1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE);
    /// 2. `charset_hint`, the charset of the HTTP `Content-Type` header: a label (`"utf-8"`,
    ///    `"latin1"`) or the whole header value (`"text/html; charset=utf-8"`); an unknown label
    ///    is ignored;
    /// 3. `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the
    ///    first 1024 bytes;
    /// 4. a guess from the bytes: UTF-16 without a BOM when the first kilobyte is ASCII with
    ///    zero bytes between, UTF-8 when the bytes are UTF-8 (a few broken sequences allowed),
    ///    otherwise chardetng's statistical guess;
    /// 5. windows-1252.
    ///
    /// Malformed sequences become U+FFFD, but in UTF-8 that was guessed rather than declared, a
    /// lone stray byte (a quote pasted from a windows-1252 document) is read as windows-1252.
    /// [`Extracted::encoding`] reports the encoding used.
    ///
    /// Bytes that are not text are an error, [`ErrorKind::NotText`], whatever the charset
    /// hint says: the signature of an image, an archive, a PDF or an executable at the start,
    /// or many control characters (NUL and the like, which text never holds) in the first
    /// 4 KB, as browsers sniff a resource. A few stray NULs in a page are not enough.
    ///
    /// ```
    /// use unboil::{Extractor, Options};
    ///
    /// let extractor = Extractor::new(Options::default());
    /// // Shift_JIS without any declaration: the statistical guess finds it.
    /// let (page, _, _) = encoding_rs::SHIFT_JIS.encode(
    ///     "<p>東京都は日本の首都であり、人口は約千四百万人である。</p>");
    /// let extracted = extractor.extract_bytes(&page, None)?;
    /// assert_eq!(extracted.encoding(), Some("Shift_JIS"));
    /// assert_eq!(extracted.text(), "東京都は日本の首都であり、人口は約千四百万人である。");
    /// # Ok::<(), unboil::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Extractor::extract`] (the size limit applies to the bytes as given), and
    /// [`ErrorKind::NotText`] for bytes that are not text.
    pub fn extract_bytes(
        &self,
        html: &[u8],
        charset_hint: Option<&str>,
    ) -> Result<Extracted, Error> {
        self.check_size(html.len())?;
        let (text, encoding, _) = crate::parse::decode::decode_text(html, charset_hint)
            .map_err(|what| Error::new(ErrorKind::NotText, what.to_string()))?;
        let mut extracted = self.extract_html(&text)?;
        extracted.encoding = Some(encoding.name());
        Ok(extracted)
    }

    fn check_size(&self, len: usize) -> Result<(), Error> {
        let limit = self.options.max_input_bytes;
        if len > limit {
            return Err(Error::new(
                ErrorKind::InputTooLarge,
                format!("{len} bytes, limit {limit}"),
            ));
        }
        Ok(())
    }

    /// The HTML pipeline, after the size check.
    fn extract_html(&self, html: &str) -> Result<Extracted, Error> {
        self.extract_html_with(html, Stage::of(self.options.model), None)
    }

    /// The HTML pipeline with the given weights and passes; with `samples`, every block's
    /// features are recorded there too (for training, see [`crate::model::training`]).
    pub(crate) fn extract_html_with(
        &self,
        html: &str,
        stage: Stage<'_>,
        samples: Option<&mut PageSamples>,
    ) -> Result<Extracted, Error> {
        let o = &self.options;
        let limits = ParseLimits {
            max_depth: o.max_depth,
            max_nodes: o.max_nodes,
            memory_budget: o.memory_budget(html.len()),
        };
        let doc = dom::parse(html, limits).map_err(|stop| match stop {
            ParseStop::TooManyNodes => Error::new(
                ErrorKind::TooManyNodes,
                format!("more than {} nodes", o.max_nodes),
            ),
            ParseStop::OverBudget => over_budget(limits.memory_budget),
        })?;
        let record = Record {
            links: o.links,
            images: o.images,
        };
        let seg = segment::segment_with(&doc, record);
        drop(doc);
        Ok(self.decide(seg, stage, samples))
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
    /// When the dump is longer than [`Options::with_max_input_bytes`]
    /// ([`ErrorKind::InputTooLarge`]) or would cost more than its memory budget
    /// ([`ErrorKind::MemoryBudget`]: a million distinct short lines). Any line ending counts
    /// (line feed, carriage return, both), and a line repeated a thousand times or more is
    /// furniture: it makes no block.
    pub fn extract_text(&self, dump: &str) -> Result<Extracted, Error> {
        self.check_size(dump.len())?;
        let dump = dump.strip_prefix('\u{feff}').unwrap_or(dump);
        let budget = self.options.memory_budget(dump.len());
        let blocks =
            crate::blocks::lines::segment_within(dump, budget).map_err(|_| over_budget(budget))?;
        Ok(crate::text_mode::extract(
            blocks,
            self.options.focus,
            Stage::of(self.options.model),
            None,
            self.options.explain,
        ))
    }

    fn decide(
        &self,
        seg: segment::Segmented,
        stage: Stage<'_>,
        samples: Option<&mut PageSamples>,
    ) -> Extracted {
        let explain = self.options.explain;
        // The title comes first, since the classifier uses where it stands; the rest of the
        // metadata prefers facts near the main text, so it comes after.
        let heads = meta::heads(&seg.facts, &seg.blocks);
        let early_title = title_block(&seg.blocks, heads.title());
        let forum_thread = passes::is_forum_thread(&seg.elems, heads.forum_thread());
        let views = passes::views(&seg.elems, &seg.blocks, early_title, forum_thread);
        let mut outcome = passes::classify(
            &seg.elems,
            &views,
            self.options.focus,
            forum_thread,
            heads.declared(),
            stage,
            passes::Recording {
                explain,
                features: samples.is_some(),
            },
        );
        let page_type = outcome.page_type;
        if let (Some(samples), Some(features)) = (samples, outcome.features.take()) {
            samples.page = outcome.page_features.to_vec();
            samples
                .blocks
                .extend(views.iter().zip(features).map(|(v, block)| Sample {
                    text: v.raw.text.clone(),
                    prose: model::text_features(v).to_vec(),
                    block: block.to_vec(),
                }));
        }
        let mut decisions: Vec<Decision> = outcome.verdicts.iter().map(|v| v.decision).collect();
        let metadata = meta::read(&seg.facts, &seg.blocks, &decisions, heads);
        // The title block is returned by `title()`, not repeated in the text. The final title
        // may differ from the early one (it prefers facts near the main text).
        let final_title = title_block(&seg.blocks, metadata.title()).or(early_title);
        if let Some(d) = final_title.and_then(|i| decisions.get_mut(i)) {
            *d = Decision::Title;
        }
        let texts: Vec<&str> = seg.blocks.iter().map(|b| b.text.as_str()).collect();
        let keep: Vec<bool> = decisions.iter().map(|d| *d == Decision::Content).collect();
        let keys: Vec<(u64, usize)> = views.iter().map(|v| v.text_key).collect();
        if stage.passes.on("repeats") {
            let mut dups = repeat::duplicates_by_key(&texts, &keys, &keep);
            repeat::merged_copies(&texts, &keys, &keep, &mut dups);
            for (d, dup) in decisions.iter_mut().zip(dups) {
                if dup {
                    *d = Decision::Duplicate;
                }
            }
        }
        let description = if stage.passes.on("description-rescue") {
            description_fallback::description_text(
                &views,
                &mut decisions,
                outcome.reasons.as_mut(),
                metadata.description(),
            )
        } else {
            None
        };
        let mut explanation = outcome.reasons.map(|reasons| {
            explain::build(
                &seg.elems,
                &views,
                &outcome.verdicts,
                &decisions,
                reasons,
                outcome.container,
            )
        });
        let comments = if self.options.comments {
            gather_comments(&views, &outcome.comments)
        } else {
            Vec::new()
        };
        drop(views);
        let mut layout = seg.layout;
        if self.options.links || self.options.images {
            layout.base = base_url(
                self.options.base_url.as_deref(),
                layout.base_href.as_deref(),
                metadata.canonical_url(),
            );
        }
        let mut blocks: Vec<Block> = seg
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
        if let Some(description) = description {
            description_fallback::append(description, &mut blocks, explanation.as_mut());
        }
        Extracted {
            text: render::text(&blocks),
            metadata,
            blocks,
            explanation,
            layout,
            comments,
            encoding: None,
            page_type: Some(page_type),
        }
    }
}

fn over_budget(budget: usize) -> Error {
    Error::new(
        ErrorKind::MemoryBudget,
        format!("would cost more than {budget} bytes (see Options::max_memory)"),
    )
}

/// The absolute URL that relative links resolve against: the page's `<base href>` resolved
/// against the caller's address for the page, as browsers do; without the caller's address,
/// the page's canonical URL stands in for it.
fn base_url(
    given: Option<&str>,
    base_href: Option<&str>,
    canonical: Option<&str>,
) -> Option<String> {
    let document = given
        .map(href::clean)
        .or_else(|| canonical.map(href::clean))
        .filter(|u| href::is_absolute(u));
    let base = match (base_href, &document) {
        (Some(b), Some(d)) => href::resolve(b, d),
        (Some(b), None) => href::clean(b),
        (None, Some(d)) => d.clone(),
        (None, None) => return None,
    };
    href::is_absolute(&base).then_some(base)
}

/// One block per comment: the text of the blocks marked with the same comment number, in page
/// order (a comment section's headings, counts, links and buttons are not marked).
fn gather_comments(views: &[BlockView<'_>], marks: &[passes::CommentMark]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut current: Option<u32> = None;
    for (v, mark) in views.iter().zip(marks) {
        let passes::CommentMark::Comment(n) = *mark else {
            continue;
        };
        match out.last_mut() {
            Some(last) if current == Some(n) => {
                last.text.push_str("\n\n");
                last.text.push_str(&v.raw.text);
            }
            _ => out.push(Block {
                kind: crate::BlockKind::Paragraph,
                text: v.raw.text.clone(),
                decision: Decision::Comment,
                score: 0.0,
            }),
        }
        current = Some(n);
    }
    out
}

/// The block that states the title: the first heading whose text is the title, or failing that
/// the first block of any kind (a bold line, a table cell in an old layout) whose text is.
pub(crate) fn title_block(blocks: &[segment::RawBlock], title: Option<&str>) -> Option<usize> {
    let title = repeat::fold(title?);
    if title.is_empty() {
        return None;
    }
    // The length check skips the fold for blocks that cannot match.
    let states = |b: &segment::RawBlock| {
        b.text.len() < title.len() * 2 + 16 && repeat::fold(&b.text) == title
    };
    blocks
        .iter()
        .position(|b| b.kind.is_heading() && states(b))
        .or_else(|| blocks.iter().position(states))
}
