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
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ErrorKind::InputTooLarge => "input too large",
            ErrorKind::TooManyNodes => "too many nodes",
        })
    }
}

/// An extraction that stopped at a limit set in [`Options`](crate::Options).
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
