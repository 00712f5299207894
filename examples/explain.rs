//! Prints one line per block of a page: decision, score, kind and the start of its text.
//!
//! ```text
//! cargo run --release --example explain -- FILE
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let tsv = args.iter().any(|a| a == "--tsv");
    let Some(path) = args.iter().find(|a| !a.starts_with("--")).cloned() else {
        eprintln!("usage: explain [--tsv] FILE");
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
    for b in extracted.blocks() {
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
