//! Prints the main text of an HTML page, or of a plain-text dump of one with `--text`, as plain
//! text, Markdown or JSON.
//!
//! ```text
//! cargo run --release --example extract -- [--text] [--format text|markdown|json]
//!     [--links] [--images] [--base-url URL] [FILE|-]
//! ```
//!
//! A page is read as bytes and decoded as a browser would (BOM, `<meta charset>`, a guess; see
//! `Extractor::extract_bytes`); a dump is read as UTF-8. With `-` the input is read from
//! standard input; with no argument the example extracts a
//! sample page that ships with the crate (`examples/sample.html`). `--format json` needs the
//! crate's `serde` feature (`cargo run --features serde --example extract -- --format json`).
//! `--links` and `--images` keep links and images in the Markdown, made absolute against
//! `--base-url` (or the page's own `<base href>` or canonical URL).
//!
//! Errors (bytes that are not text, a page over the memory budget) go to standard error, with
//! exit status 2.

use std::io::{Read, Write};
use std::process::ExitCode;

use unboil::{Extracted, Extractor, Options};

const SAMPLE: &str = include_str!("sample.html");

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Markdown,
    Json,
}

struct Args {
    text_mode: bool,
    format: Format,
    options: Options,
    input: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let mut a = Args {
        text_mode: false,
        format: Format::Text,
        options: Options::default(),
        input: None,
    };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--text" => a.text_mode = true,
            "--format" => {
                a.format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "markdown" | "md" => Format::Markdown,
                    "json" => Format::Json,
                    f => return Err(format!("unknown format {f:?} (text, markdown or json)")),
                }
            }
            "--links" => a.options = a.options.links(true),
            "--images" => a.options = a.options.images(true),
            "--base-url" => a.options = a.options.base_url(&value("--base-url")?),
            "-" => a.input = Some(arg),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s => a.input = Some(s.to_string()),
        }
    }
    Ok(a)
}

/// The input's bytes: HTML is decoded by `extract_bytes` (BOM, `<meta charset>`, guess), a dump
/// is read as UTF-8.
fn read_input(input: Option<&str>) -> Result<Vec<u8>, String> {
    match input {
        None => Ok(SAMPLE.as_bytes().to_vec()),
        Some("-") => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("stdin: {e}"))?;
            Ok(buf)
        }
        Some(path) => std::fs::read(path).map_err(|e| format!("{path}: {e}")),
    }
}

#[cfg(feature = "serde")]
fn json(extracted: &Extracted) -> Result<String, String> {
    serde_json::to_string_pretty(extracted).map_err(|e| e.to_string())
}

#[cfg(not(feature = "serde"))]
fn json(_: &Extracted) -> Result<String, String> {
    Err("JSON output needs the `serde` feature: build with \
         `cargo run --features serde --example extract -- --format json ...`"
        .to_string())
}

fn run() -> Result<(), String> {
    let a = parse_args()?;
    // Fail before reading a large input if the output cannot be produced.
    if a.format == Format::Json && cfg!(not(feature = "serde")) {
        json(&Extracted::default())?;
    }
    let input = read_input(a.input.as_deref())?;
    let extractor = Extractor::new(a.options.max_input_bytes(usize::MAX));
    let extracted = if a.text_mode {
        extractor.extract_text(&String::from_utf8_lossy(&input))
    } else {
        extractor.extract_bytes(&input, None)
    }
    .map_err(|e| e.to_string())?;
    let title = extracted.title().map(|t| format!("# {t}\n\n"));
    let output = match a.format {
        Format::Text => format!("{}{}\n", title.unwrap_or_default(), extracted.text()),
        Format::Markdown => format!("{}{}", title.unwrap_or_default(), extracted.to_markdown()),
        Format::Json => json(&extracted)? + "\n",
    };
    match std::io::stdout().lock().write_all(output.as_bytes()) {
        // `extract page.html | head` is not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("stdout: {e}")),
        _ => Ok(()),
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("extract: {e}");
            ExitCode::from(2)
        }
    }
}
