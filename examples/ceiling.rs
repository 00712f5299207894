//! Ceiling of block selection: scores each page's blocks labelled main text by the labelling
//! rule (the best any decision over these blocks could do under that rule), every block, and
//! the shipped output, per page type.
//!
//! ```text
//! cargo run --release --example ceiling -- DATASET_DIR
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use unboil::training::{self, Gold, Weights};

#[path = "common/score.rs"]
mod score;
use score::{DocScore, print_header, print_row, score_doc};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/wcxb-train".into());
    let dir = Path::new(&dir);
    let manifest = std::fs::read_to_string(dir.join("manifest.jsonl")).unwrap_or_default();
    let mut rows: BTreeMap<String, [Vec<DocScore>; 3]> = BTreeMap::new();
    for line in manifest.lines().filter(|l| !l.trim().is_empty()) {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
        let field = |k: &str| {
            doc.get(k)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned()
        };
        let read = |k: &str| {
            std::fs::read(dir.join(field(k)))
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default()
        };
        let (html, gold_text) = (read("html"), read("gold"));
        let gold = Gold::new(&gold_text);
        let (shipped, samples) =
            training::html_samples(&html, Weights::trained()).unwrap_or_default();
        let mut best = String::new();
        let mut all = String::new();
        for b in &samples.blocks {
            all.push_str(&b.text);
            all.push('\n');
            if matches!(gold.label(&b.text), Some((true, _))) {
                best.push_str(&b.text);
                best.push('\n');
            }
        }
        let scores = [
            score_doc(&gold_text, &best),
            score_doc(&gold_text, &all),
            score_doc(&gold_text, &shipped),
        ];
        for key in [
            "all".to_owned(),
            format!("page_type={}", field("page_type")),
        ] {
            let e = rows.entry(key).or_default();
            for (v, s) in e.iter_mut().zip(&scores) {
                v.push(s.clone());
            }
        }
    }
    for (i, name) in ["labelled blocks", "every block", "shipped"]
        .iter()
        .enumerate()
    {
        println!("\n{name}");
        print_header();
        for (k, v) in &rows {
            print_row(k, &v[i]);
        }
    }
}
