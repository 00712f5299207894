//! Prints the main text of an HTML page, or of a plain-text dump of one with `--text`.
//!
//! ```text
//! cargo run --release --example extract -- [--text] [FILE|-]
//! ```
//!
//! With `-` the page is read from standard input; with no argument the example extracts a
//! sample page that ships with the crate (`examples/sample.html`).

use std::io::Read;
use std::process::ExitCode;

const SAMPLE: &str = include_str!("sample.html");

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let text_mode = args.iter().any(|a| a == "--text");
    args.retain(|a| a != "--text");
    let arg = args.first();
    let html = match arg.map(String::as_str) {
        None => SAMPLE.to_string(),
        Some("-") => {
            let mut buf = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
                eprintln!("extract: stdin: {e}");
                return ExitCode::FAILURE;
            }
            String::from_utf8_lossy(&buf).into_owned()
        }
        Some(path) => match std::fs::read(path) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(e) => {
                eprintln!("extract: {path}: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    let extracted = if text_mode {
        unboil::extract_text(&html)
    } else {
        unboil::extract(&html)
    };
    if let Some(title) = extracted.title() {
        println!("# {title}\n");
    }
    println!("{}", extracted.text());
    ExitCode::SUCCESS
}
