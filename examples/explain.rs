//! Prints the page's metadata, then one line per block: decision, score, kind and the start of
//! its text.
//!
//! ```text
//! cargo run --release --example explain -- FILE
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: explain FILE");
        return ExitCode::from(2);
    };
    let html = match std::fs::read(&path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("explain: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let extracted = unboil::extract(&html);
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
    for b in extracted.blocks() {
        let start: String = b.text().chars().take(90).collect();
        println!(
            "{:<12} {:>6.2} {:<22} {}",
            format!("{:?}", b.decision()),
            b.score(),
            format!("{:?}", b.kind()),
            start.replace('\n', " ")
        );
    }
    ExitCode::SUCCESS
}
