//! What the decision stage reads about a block and what it returns: [`BlockView`] (the block
//! with its measurements, hints and place in the page) and [`Verdict`].
//!
//! Here, below the model, the passes and the explanations, because all three read them.

use crate::block::Decision;
use crate::blocks::segment::RawBlock;
use crate::features::TextStats;
use crate::features::furniture_cues::FurnitureCues;
use crate::features::hints::Hints;

/// Per-block result of classification.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Verdict {
    pub decision: Decision,
    pub score: f32,
}

/// Everything the classifier knows about one block.
pub(crate) struct BlockView<'a> {
    pub raw: &'a RawBlock,
    pub stats: TextStats,
    pub shape: FurnitureCues,
    /// Effective hints: the element's, less those that describe the page's layout (see
    /// [`crate::passes`]).
    pub hints: Hints,
    /// Position in the page, 0 to 1.
    pub position: f32,
    /// Number of blocks in the page with the same element path (template repetition).
    pub path_repeats: u32,
    /// Number of other blocks of the page with the same folded text.
    pub text_repeats: u32,
    /// Hash and length of the folded text ([`super::repeat::fold_key`]).
    pub text_key: (u64, usize),
    /// In a small element (a card, a list item) that also holds a title made of one link: the
    /// summary of a teaser for another page.
    pub in_card: bool,
    /// The subtree of the parent of the block's element: characters, link characters, blocks.
    pub parent_chars: u32,
    pub parent_link_chars: u32,
    pub parent_blocks: u32,
    /// Where the block sits relative to the block stating the page title, if one was found.
    pub title_side: TitleSide,
    /// Blocks after the title block (1 for the block right after it), 0 when not after it.
    pub after_title: u32,
}

/// Where a block sits relative to the title block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TitleSide {
    /// No block states the title.
    Unknown,
    Before,
    Title,
    After,
}

impl BlockView<'_> {
    pub fn link_density(&self) -> f32 {
        if self.stats.chars == 0 {
            0.0
        } else {
            (self.raw.link_chars as f32 / self.stats.chars as f32).min(1.0)
        }
    }

    /// Characters, with text in unspaced scripts weighted up (a CJK character carries about
    /// as much as three Latin ones).
    pub fn weighted_chars(&self) -> f32 {
        self.stats.chars as f32 * if self.stats.cjk { 3.0 } else { 1.0 }
    }
}
