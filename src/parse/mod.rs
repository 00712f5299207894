//! Bytes to a tree: the encoding chosen ([`decode`]), the attribute and nesting guards in front
//! of html5ever ([`attribute_cap`], [`dom`]), the parse behind one function, and the control
//! characters that never reach the output ([`control_chars`]).

pub(crate) mod attribute_cap;
pub(crate) mod control_chars;
pub(crate) mod decode;
pub(crate) mod dom;
