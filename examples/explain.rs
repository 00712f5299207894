//! Prints the page's metadata, then one line per block: decision, score, the strongest reasons,
//! link density, characters, and the start of its text.
//!
//! ```text
//! cargo run --release --example explain -- [--tsv] FILE
//! ```
//!
//! `--tsv` prints decision, score, kind and the whole text, tab-separated, for scripts.

use std::process::ExitCode;

use unboil::{Extractor, Options};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let tsv = args.iter().any(|a| a == "--tsv");
    let Some(path) = args.iter().find(|a| !a.starts_with("--")).cloned() else {
        eprintln!("usage: explain [--tsv] FILE");
        return ExitCode::from(2);
    };
    let html = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("explain: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let extractor = Extractor::new(Options::default().explain(true));
    // Decoded as `extract_bytes` decodes; bytes that are not text (an image, an archive) and
    // the limits are errors.
    let extracted = match extractor.extract_bytes(&html, None) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("explain: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let Some(explanation) = extracted.explanation() else {
        eprintln!("explain: no explanation recorded");
        return ExitCode::FAILURE;
    };
    if !tsv {
        println!("title: {:?}", extracted.title());
        let m = extracted.metadata();
        println!(
            "authors: {:?}  published: {:?}  modified: {:?}  site: {:?}  language: {:?}  direction: {:?}",
            m.authors(),
            m.published(),
            m.modified(),
            m.site_name(),
            m.language(),
            m.direction()
        );
        println!(
            "url: {:?}  image: {:?}  tags: {:?}  categories: {:?}",
            m.canonical_url(),
            m.image(),
            m.tags(),
            m.categories()
        );
        println!("description: {:?}", m.description());
        println!("container: {}", explanation.container);
    }
    for (b, e) in extracted.blocks().iter().zip(&explanation.blocks) {
        if tsv {
            println!(
                "{:?}\t{:.3}\t{:?}\t{}",
                b.decision(),
                b.score(),
                b.kind(),
                b.text().replace(['\n', '\t'], " ")
            );
            continue;
        }
        let mut reasons = e.reasons.clone();
        reasons.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
        let top: Vec<String> = reasons
            .iter()
            .take(3)
            .map(|(r, w)| format!("{r:?}{w:+.1}"))
            .collect();
        let start: String = b.text().chars().take(60).collect();
        println!(
            "{:<11} {:>6.2} {:<48} ld={:.2} {:>5}c {}{} {}",
            format!("{:?}", b.decision()),
            b.score(),
            top.join(" "),
            e.features.link_density,
            e.features.chars,
            if e.features.in_container { "C " } else { "  " },
            e.features.hints.join(","),
            start.replace('\n', " ")
        );
    }
    ExitCode::SUCCESS
}
