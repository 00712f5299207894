//! The page cut into blocks, one block record for both inputs: the DOM walk ([`segment`]) with
//! what it records on the way (the metadata's raw [`facts`], the Markdown [`structure`]), the
//! plain-text dump's lines ([`lines`]), the blocks a page repeats ([`repeat`]), and the view of
//! a block that the model and the passes read ([`view`]).

pub(crate) mod facts;
pub(crate) mod lines;
pub(crate) mod repeat;
pub(crate) mod segment;
pub(crate) mod structure;
pub(crate) mod view;
