//! Prints the main text of an HTML page.
//!
//! ```text
//! cargo run --release --example extract -- [FILE|-]
//! ```
//!
//! With `-` the page is read from standard input; with no argument the example extracts a
//! sample page that ships with the crate (`examples/sample.html`).

use std::io::Read;
use std::process::ExitCode;

const SAMPLE: &str = include_str!("sample.html");

fn main() -> ExitCode {
    let arg = std::env::args().nth(1);
    let html = match arg.as_deref() {
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
    let extracted = unboil::extract(&html);
    if let Some(title) = extracted.title() {
        println!("# {title}\n");
    }
    println!("{}", extracted.text());
    ExitCode::SUCCESS
}
