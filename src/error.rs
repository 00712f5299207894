//! The crate's error type. Finding no main text is not an error; only a hard limit is.

use std::fmt;

/// What went wrong, for callers that branch on it.
///
/// ```
/// use unboil::{ErrorKind, Extractor, Options};
///
/// let small = Extractor::new(Options::default().with_max_input_bytes(10));
/// let err = small.extract("<p>far more than ten bytes of text</p>").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::InputTooLarge);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is longer than [`Options::with_max_input_bytes`](crate::Options::with_max_input_bytes).
    InputTooLarge,
    /// The page has more nodes than [`Options::with_max_nodes`](crate::Options::with_max_nodes).
    TooManyNodes,
    /// The page would cost more memory than its budget (see
    /// [`Options::with_max_memory`](crate::Options::with_max_memory)): far more elements, text nodes or
    /// dump lines for its size than any real page has. The extraction stops as soon as the
    /// estimate passes the budget, before the memory is spent.
    ///
    /// ```
    /// use unboil::{ErrorKind, Extractor, Options};
    ///
    /// let links = "<a href=#>x</a>".repeat(10_000);
    /// let tight = Extractor::new(Options::default().with_max_memory(1 << 20));
    /// assert_eq!(tight.extract(&links).unwrap_err().kind(), ErrorKind::MemoryBudget);
    /// assert!(Extractor::default().extract(&links).is_ok());
    /// ```
    MemoryBudget,
    /// The bytes given to [`Extractor::extract_bytes`](crate::Extractor::extract_bytes) are not
    /// text: an image, an archive, a PDF (known by their first bytes), or bytes with many
    /// control characters (NUL and the like) in their first kilobytes.
    ///
    /// ```
    /// use unboil::{ErrorKind, Extractor};
    ///
    /// let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02";
    /// let err = Extractor::default().extract_bytes(png, None).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::NotText);
    /// assert_eq!(err.to_string(), "not text: a PNG image");
    /// ```
    NotText,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ErrorKind::InputTooLarge => "input too large",
            ErrorKind::TooManyNodes => "too many nodes",
            ErrorKind::MemoryBudget => "over the memory budget",
            ErrorKind::NotText => "not text",
        })
    }
}

/// An extraction that stopped at a limit set in [`Options`](crate::Options), or bytes that are
/// not text.
///
/// The type is opaque: match on [`Error::kind`]; the message is for people.
///
/// ```
/// use unboil::{ErrorKind, Extractor, Options};
///
/// let extractor = Extractor::new(Options::default().with_max_nodes(50));
/// let page = "<li>An item of a very long list</li>".repeat(100);
/// let err = extractor.extract(&page).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::TooManyNodes);
/// assert_eq!(err.to_string(), "too many nodes: more than 50 nodes");
/// ```
#[derive(Debug, Clone, thiserror::Error)]
#[error("{kind}: {detail}")]
pub struct Error {
    kind: ErrorKind,
    detail: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, detail: String) -> Self {
        Error { kind, detail }
    }

    /// The kind of limit that was hit. See the example on [`Error`].
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}
