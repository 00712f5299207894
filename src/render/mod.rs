//! Content blocks to output: plain text here, Markdown in [`markdown`] (which makes links
//! absolute with [`href`]).

pub(crate) mod href;
pub(crate) mod markdown;

use crate::block::{Block, BlockKind};

/// Joins the content blocks: a blank line between blocks, a single newline between consecutive
/// items of one list, code verbatim.
pub(crate) fn text(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut prev: Option<BlockKind> = None;
    for b in blocks.iter().filter(|b| b.is_content()) {
        if let Some(p) = prev {
            let tight = p == BlockKind::ListItem && b.kind == BlockKind::ListItem
                || p == BlockKind::TableRow && b.kind == BlockKind::TableRow;
            out.push_str(if tight { "\n" } else { "\n\n" });
        }
        out.push_str(&b.text);
        prev = Some(b.kind);
    }
    out
}
