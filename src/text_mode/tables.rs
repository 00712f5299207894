//! Tables printed row by row (cells separated by tabs or pipes).
//!
//! Separate because a table's rows are data, not prose: the scores judge them badly, so the
//! run is kept by its cells.

use crate::blocks::lines::DumpBlock;

use super::evidence::is_hard_furniture;

/// Fewest rows for [`keep_tables`].
const MIN_TABLE_ROWS: usize = 3;

/// Cells with text from which a row is full (a label and its value).
const FULL_ROW_CELLS: u16 = 2;
/// Full rows must be more than one in this many of the run's rows: most of them.
const FULL_ROW_PARTS: usize = 2;
/// Words of a table's heading line at most: "Specifications", "Opening hours".
const TABLE_HEADING_WORDS: u32 = 6;

/// A table printed row by row (cells separated by tabs or pipes) is data the page shows, a
/// specification or a schedule: a run of at least [`MIN_TABLE_ROWS`] rows, most of them with
/// text in two cells or more (not a matrix of check marks beside one name), is kept, unless a
/// row is hard furniture.
pub(super) fn keep_tables(blocks: &[DumpBlock], keep: &mut [bool]) {
    let mut i = 0;
    while i < blocks.len() {
        let start = i;
        let mut full = 0;
        while let Some(b) = blocks.get(i).filter(|b| b.shape.cells > 0) {
            if b.shape.cells >= FULL_ROW_CELLS {
                full += 1;
            }
            i += 1;
        }
        let rows = i - start;
        if rows >= MIN_TABLE_ROWS && full * FULL_ROW_PARTS > rows {
            // The table's heading ("Specifications") goes with it.
            let heading = start > 0
                && blocks.get(start - 1).is_some_and(|b| {
                    b.shape.cells == 0
                        && !b.stats.ends_sentence
                        && b.stats.words <= TABLE_HEADING_WORDS
                });
            for j in start - usize::from(heading)..i {
                if blocks.get(j).is_some_and(|b| !is_hard_furniture(b))
                    && let Some(k) = keep.get_mut(j)
                {
                    *k = true;
                }
            }
        }
        i = i.max(start + 1);
    }
}
