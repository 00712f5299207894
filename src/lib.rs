#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod block;
mod classify;
mod dom;
mod error;
mod explain;
mod extracted;
mod extractor;
mod features;
mod hints;
mod meta;
mod metadata;
mod model;
mod options;
mod render;
mod repeat;
mod segment;
mod shape;
#[cfg(test)]
mod train_dump;

pub use block::{Block, BlockKind, Decision};
pub use error::{Error, ErrorKind};
pub use explain::{BlockExplanation, BlockFeatures, Explanation, Reason};
pub use extracted::Extracted;
pub use extractor::Extractor;
pub use metadata::{Metadata, TextDirection};
pub use options::{Focus, Options};

/// Extracts the main text of an HTML page with default options.
///
/// Unlike [`Extractor::extract`] this sets no size or node limit, so it cannot fail; nesting is
/// still flattened beyond 512 levels, which keeps the time linear in the input size.
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
        .max_input_bytes(usize::MAX)
        .max_nodes(usize::MAX);
    // With no limits there is no error to return; an empty result is the only other outcome.
    Extractor::new(unlimited).extract(html).unwrap_or_default()
}
