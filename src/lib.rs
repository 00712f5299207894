#![doc = include_str!("../README.md")]
// On docs.rs (which sets `--cfg docsrs`, see Cargo.toml), items behind a Cargo feature are marked
// with the feature they need. `doc_cfg` is a nightly rustdoc feature; stable builds never see it.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
// Library code must not panic: no unwrap/expect, no panic!, no unchecked indexing. Tests may.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

// Layout: one folder per stage of the pipeline. A folder imports only from the folders listed
// before it and from the top-level files; nothing imports upwards (checked over the `use
// crate::` paths when the folders were made; the commit "Break the import cycles" has the graph).
//
//   parse/      bytes to a tree: the encoding (decode), the attribute and depth guards in front
//               of html5ever (attribute_cap, dom), the parse behind one function (dom), control
//               characters that never reach the output (control_chars)
//   features/   per-block measurements (TextStats), markup hints (hints), the cues that a short
//               line is furniture (furniture_cues), the lexicon of word and phrase lists
//   blocks/     DOM to blocks (segment, with what the walk records on the way: the metadata's raw
//               facts, the Markdown structure), dump lines to blocks (lines), text folding and
//               repeats (repeat), the view of a block that the decision stage reads (view)
//   meta/       title, authors, dates, site, language, JSON-LD: the metadata readers
//   model/      the learned scores, the generated weights, the page type; model/training (the
//               `train` example's driver, hidden) runs the whole pipeline, so it sits on top
//   passes/     HTML mode's decision: views, container search, scores, the structural passes, the
//               description fallback
//   render/     content blocks to plain text and to Markdown (href: links made absolute)
//   text_mode/  plain-text mode's decision over a dump's blocks, and its passes
//
// Top-level files: the public types (block, metadata, explain, extracted, error, options), the
// crate's one hash function (hash), and the extractor, which runs the stages in order.
mod block;
mod blocks;
mod error;
mod explain;
mod extracted;
mod extractor;
mod features;
mod hash;
mod meta;
mod metadata;
mod model;
mod options;
mod parse;
mod passes;
mod render;
mod text_mode;

pub use block::{Block, BlockKind, Decision};
pub use error::{Error, ErrorKind};
pub use explain::{BlockExplanation, BlockFeatures, Explanation, Reason};
pub use extracted::Extracted;
pub use extractor::Extractor;
/// The date crate whose types [`PageDate`] returns, re-exported so that callers name the same
/// version.
pub use jiff;
pub use metadata::{Metadata, PageDate, TextDirection};
pub use model::page_type::PageType;
pub use options::{Focus, Model, Options};

/// Not part of the API: the `train` example's access to features and weights.
#[doc(hidden)]
pub use model::training;

/// Extracts the main text of an HTML page with default options.
///
/// Unlike [`Extractor::extract`] this sets no size or node limit; nesting is still flattened
/// beyond 512 levels, which keeps the time linear in the input size, and the default memory
/// budget still holds (see [`Options::with_max_memory`]): a page over it, made of masses of tiny
/// elements, gives an empty result, as nothing else can go wrong.
///
/// A string is taken for HTML as it is: it is not sniffed for binary content as bytes are (see
/// [`Extractor::extract_bytes`]). NUL bytes in it are dropped, as browsers drop them, and no
/// other control character reaches the output, so a string of NULs or of binary garbage gives
/// an empty or a meaningless result, never an error; pass bytes to have them recognised.
///
/// ```
/// let page = "<body><div class='menu'><a href='/'>Home</a></div>
///             <p>Main text of the page, a sentence long enough to be read as content.</p></body>";
/// assert_eq!(
///     unboil::extract(page).text(),
///     "Main text of the page, a sentence long enough to be read as content."
/// );
/// ```
pub fn extract(html: &str) -> Extracted {
    let unlimited = Options::default()
        .with_max_input_bytes(usize::MAX)
        .with_max_nodes(usize::MAX);
    // With no limits there is no error to return; an empty result is the only other outcome.
    Extractor::new(unlimited).extract(html).unwrap_or_default()
}

/// Extracts the main text of an HTML page given as bytes in any encoding, with default options.
///
/// The encoding is chosen as a browser chooses it: a byte order mark, then `charset_hint` (the
/// charset of the HTTP `Content-Type` header, as a label like `"iso-8859-1"` or the whole
/// header value), then a `<meta charset>` in the first 1024 bytes, then a guess from the bytes
/// (chardetng), then windows-1252. Malformed sequences become U+FFFD; [`Extracted::encoding`]
/// tells which encoding was used. Like [`extract`], this returns an empty result where
/// [`Extractor::extract_bytes`] would return an error: for bytes that are not text (an image,
/// an archive, random bytes; [`ErrorKind::NotText`]) and for a page over the memory budget.
///
/// ```
/// // "Café" in windows-1252, declared in the page.
/// let page = b"<meta charset=windows-1252><p>Caf\xE9 owners on the high street said trade \
///              had doubled since the market reopened.</p>";
/// let extracted = unboil::extract_bytes(page, None);
/// assert_eq!(extracted.encoding(), Some("windows-1252"));
/// assert!(extracted.text().starts_with("Café owners"));
///
/// // The server's Content-Type header, when known, beats the page's guesswork.
/// let koi8 = b"<p>\xF0\xD2\xC9\xD7\xC5\xD4, \xCD\xC9\xD2!</p>";
/// let extracted = unboil::extract_bytes(koi8, Some("text/html; charset=KOI8-R"));
/// assert_eq!(extracted.text(), "Привет, мир!");
/// assert_eq!(extracted.encoding(), Some("KOI8-R"));
/// ```
pub fn extract_bytes(html: &[u8], charset_hint: Option<&str>) -> Extracted {
    let unlimited = Options::default()
        .with_max_input_bytes(usize::MAX)
        .with_max_nodes(usize::MAX);
    Extractor::new(unlimited)
        .extract_bytes(html, charset_hint)
        .unwrap_or_default()
}

/// Extracts the main text of a plain-text dump of a page (a crawl archive's text record, a page
/// saved as `.txt`) with default options: the same [`Extracted`] as [`extract`], with the
/// headline as the title and the body paragraphs as the text.
///
/// ```
/// let dump = "Home | News | Sport | Contact\n\n\
///             Rain at last\n\n\
///             After four dry months, the valley had its first real rain on Sunday night.\n\n\
///             Farmers said the storm came just in time for the late planting of maize.\n\n\
///             © 2024 The Valley Courier\n";
/// let extracted = unboil::extract_text(dump);
/// assert_eq!(extracted.title(), Some("Rain at last"));
/// assert!(extracted.text().starts_with("After four dry months"));
/// assert!(!extracted.text().contains("Sport"));
/// assert!(!extracted.text().contains("Courier"));
/// ```
///
/// A line repeated a thousand times or more is furniture and makes no block; a dump over the
/// memory budget (a million distinct short lines) gives an empty result.
pub fn extract_text(dump: &str) -> Extracted {
    let unlimited = Options::default().with_max_input_bytes(usize::MAX);
    Extractor::new(unlimited)
        .extract_text(dump)
        .unwrap_or_default()
}
