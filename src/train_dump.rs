//! Dumps the model's inputs for every page of a dataset, for refitting the weights offline (the
//! fitting scripts are not in the repository). A test so that it can reach private items;
//! ignored by default. Text mode has its own dump (`dump::train`), sharing [`dataset`].
//!
//! ```text
//! UNBOIL_DUMP=../shared/datasets/aeb UNBOIL_DUMP_OUT=/tmp/aeb \
//!     cargo test --release --lib train_dump -- --ignored
//! ```
//!
//! Writes `OUT.blocks.tsv` (one row per block: page id, index, element, local features, text)
//! and `OUT.elems.tsv` (one row per block-level element: page id, index, parent, block range,
//! hint bits).

use std::fmt::Write as _;

use crate::classify;
use crate::dom::{self, ParseLimits};
use crate::model;
use crate::segment;

/// The dataset folder (`UNBOIL_DUMP`), the output path (`UNBOIL_DUMP_OUT`) and the entries of
/// the dataset's manifest.
pub(crate) fn dataset() -> (String, String, Vec<serde_json::Value>) {
    let (Ok(dataset), Ok(out)) = (
        std::env::var("UNBOIL_DUMP"),
        std::env::var("UNBOIL_DUMP_OUT"),
    ) else {
        panic!("set UNBOIL_DUMP and UNBOIL_DUMP_OUT");
    };
    let manifest = std::fs::read_to_string(format!("{dataset}/manifest.jsonl")).unwrap();
    let docs = manifest
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (dataset, out, docs)
}

#[test]
#[ignore]
fn train_dump() {
    let (dataset, out, docs) = dataset();
    let mut blocks_tsv = String::new();
    let mut elems_tsv = String::new();
    for doc in &docs {
        let id = doc["id"].as_str().unwrap();
        let bytes = std::fs::read(format!("{dataset}/{}", doc["html"].as_str().unwrap())).unwrap();
        let html = String::from_utf8_lossy(&bytes);
        let limits = ParseLimits {
            max_depth: 512,
            max_nodes: usize::MAX,
            memory_budget: usize::MAX,
        };
        let parsed = dom::parse(&html, limits).unwrap();
        let seg = segment::segment(&parsed);
        let heads = crate::meta::heads(&seg.facts, &seg.blocks);
        let title_block = crate::extractor::title_block(&seg.blocks, heads.title());
        let forum_thread = classify::is_forum_thread(&seg.elems, heads.forum_thread());
        let views = classify::views(&seg.elems, &seg.blocks, title_block, forum_thread);
        let title = heads.title().map(crate::meta::fold);
        for (i, v) in views.iter().enumerate() {
            let x = model::text_features(v);
            let is_title = title.as_deref() == Some(crate::meta::fold(&v.raw.text).as_str());
            write!(
                blocks_tsv,
                "{id}\t{i}\t{}\t{:?}\t{}\t{}\t{}",
                v.raw.elem,
                v.raw.kind,
                v.weighted_chars(),
                v.raw.link_chars,
                u8::from(is_title)
            )
            .unwrap();
            for xi in x {
                write!(blocks_tsv, "\t{xi}").unwrap();
            }
            // Hints: all inherited (for blocks outside the container) and the element's own.
            write!(blocks_tsv, "\t{}\t{}", v.hints.0, v.raw.inline_hints.0).unwrap();
            for xi in [
                v.position,
                (v.path_repeats.max(1) as f32).ln(),
                (1.0 + v.text_repeats as f32).ln(),
                (1.0 + v.parent_chars as f32).ln(),
                if v.parent_chars == 0 {
                    0.0
                } else {
                    (v.parent_link_chars as f32 / v.parent_chars as f32).min(1.0)
                },
                (1.0 + v.parent_blocks as f32).ln(),
                f32::from(u8::from(v.title_side == crate::classify::TitleSide::Before)),
                f32::from(u8::from(v.title_side == crate::classify::TitleSide::After)),
                f32::from(u8::from(v.raw.in_table)),
                f32::from(u8::from(v.after_title == 1)),
                f32::from(u8::from(v.after_title == 2)),
                f32::from(u8::from(v.after_title == 3)),
                f32::from(u8::from(v.in_card)),
            ] {
                write!(blocks_tsv, "\t{xi}").unwrap();
            }
            let text = v.raw.text.replace(['\t', '\n', '\r'], " ");
            writeln!(blocks_tsv, "\t{text}").unwrap();
        }
        for (i, e) in seg.elems.iter().enumerate() {
            writeln!(
                elems_tsv,
                "{id}\t{i}\t{}\t{}\t{}\t{}\t{:?}",
                e.parent,
                e.first_block,
                e.end_block.min(seg.blocks.len() as u32),
                e.hints.0,
                e.tag
            )
            .unwrap();
        }
    }
    std::fs::write(format!("{out}.blocks.tsv"), blocks_tsv).unwrap();
    std::fs::write(format!("{out}.elems.tsv"), elems_tsv).unwrap();
}
