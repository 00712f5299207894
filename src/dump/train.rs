//! The export of per-block features for refitting text mode's weights offline:
//! `UNBOIL_DUMP=DATASET UNBOIL_DUMP_OUT=FILE cargo test --release --lib text_train_dump --
//! --ignored` dumps the features of every dump of a dataset, one row per block: page id, index,
//! features, text.
//!
//! Separate because it is test-only tooling (compiled only under `cfg(test)`) that reads a
//! dataset from disk; the pipeline does not depend on it.

use std::fmt::Write as _;

use crate::block::{BlockKind, Decision};
use crate::lines::{self, DumpBlock, Phrases};
use crate::options::Focus;

use super::classify;
use super::evidence::{context_scores, is_furniture, is_menu_like, local_score, weight_chars};
use super::regions::{Place, places};

/// Per-block features for refitting offline (see [`text_train_dump`] for the export): shape and
/// text measurements, the local and context scores, the place, the final score and decision,
/// and the weighted length.
fn features(blocks: &[DumpBlock]) -> Vec<Vec<f32>> {
    let local: Vec<f32> = blocks.iter().map(local_score).collect();
    let ctx = context_scores(blocks);
    let own: Vec<f32> = local.iter().zip(&ctx).map(|(a, b)| a + b).collect();
    let (place, _) = places(blocks, &own);
    let n = blocks.len().max(1) as f32;
    let f = |b: bool| f32::from(u8::from(b));
    let verdicts = classify(blocks, Focus::Balanced).verdicts;
    blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let st = &b.stats;
            let sh = &b.shape;
            let chars = weight_chars(b);
            let ld = if st.chars > 0 {
                (b.raw.link_chars as f32 / st.chars as f32).min(1.0)
            } else {
                0.0
            };
            let p = place.get(i).copied().unwrap_or(Place::Outside);
            vec![
                (chars.max(1.0) / 50.0).ln().clamp(-3.0, 3.0),
                f(st.ends_sentence),
                st.sentence_marks.min(4) as f32,
                st.commas.min(4) as f32,
                f(b.raw.kind.is_heading()),
                f(b.raw.kind == BlockKind::ListItem),
                ld,
                f(sh.menu_parts >= 3),
                f(sh.numeric),
                f(sh.copyright),
                f(sh.ellipsis),
                f(sh.url),
                f(!st.ends_sentence && chars >= 100.0),
                f(sh.glued > 0),
                f(sh.count_suffix),
                f(sh.sentence_case),
                f(sh.title_case && !st.ends_sentence),
                f(sh.phrases.has(Phrases::RELATED)),
                f(sh.phrases.has(Phrases::TAGS)),
                f(sh.phrases.has(Phrases::SOCIAL)),
                f(sh.phrases.has(Phrases::ACCOUNT)),
                f(sh.phrases.has(Phrases::LEGAL)),
                f(sh.phrases.has(Phrases::AD)),
                f(sh.phrases.has(Phrases::COMMENTS)),
                f(is_menu_like(b)),
                f(is_furniture(b)),
                if st.chars > 0 {
                    st.digits as f32 / st.chars as f32
                } else {
                    0.0
                },
                f(sh.gap_before),
                f(sh.bullet),
                i as f32 / n,
                local.get(i).copied().unwrap_or(0.0),
                ctx.get(i).copied().unwrap_or(0.0),
                f(p == Place::Main),
                f(p == Place::Side),
                st.words as f32,
                f(st.cjk),
                verdicts.get(i).map_or(0.0, |v| v.score),
                f(verdicts
                    .get(i)
                    .is_some_and(|v| v.decision == Decision::Content)),
                chars,
            ]
        })
        .collect()
}

/// Writes the features of every dump of the dataset (see the module's documentation).
#[test]
#[ignore]
fn text_train_dump() {
    let (dataset, out, docs) = crate::train_dump::dataset();
    let mut tsv = String::new();
    for doc in &docs {
        let id = doc["id"].as_str().unwrap();
        let dump = std::fs::read_to_string(format!("{dataset}/{}", doc["text"].as_str().unwrap()))
            .unwrap();
        let blocks = lines::segment(&dump);
        if blocks.is_empty() {
            continue;
        }
        let x = features(&blocks);
        for (i, (b, xi)) in blocks.iter().zip(&x).enumerate() {
            write!(tsv, "{id}\t{i}").unwrap();
            for v in xi {
                write!(tsv, "\t{v}").unwrap();
            }
            let text = b.raw.text.replace(['\t', '\n', '\r'], " ");
            writeln!(tsv, "\t{text}").unwrap();
        }
    }
    std::fs::write(out, tsv).unwrap();
}
