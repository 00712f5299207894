//! Prints why each block of a page was kept or dropped: the page's metadata, then one line per
//! block with its decision, score, the strongest reasons, link density, characters, and the
//! start of its text.
//!
//! ```text
//! cargo run --release --example explain -- [--tsv] [--text] [--model standard|broad] FILE|-
//! ```
//!
//! The page is read as bytes and decoded as a browser would (BOM, `<meta charset>`, a guess;
//! see `Extractor::extract_bytes`), exactly as the `extract` example reads it, so the two agree
//! on pages in legacy encodings. With `--text` FILE is a plain-text dump, read as UTF-8. `-`
//! reads standard input. `--tsv` prints decision, score, kind and the whole text of each block,
//! tab-separated, for scripts.
//!
//! Exit status, the same for the `extract` example: 0 on success, also when the reader of the
//! output goes away early (`explain page.html | head`); 1 when the input cannot be read, the
//! extraction stops at a limit or the output cannot be written; 2 for a usage error (an unknown
//! option, no input or more than one) or an input that is not text (an image, an archive:
//! `ErrorKind::NotText`).

use std::io::{BufWriter, Read, Write};
use std::process::ExitCode;

use unboil::{Explanation, Extracted, Extractor, Model, Options};

#[path = "common/model.rs"]
mod model;

const USAGE: &str = "usage: explain [--tsv] [--text] [--model standard|broad] FILE|-";

const HELP: &str = "Prints every block of a page with its decision, score and the evidence for it.

Options:
  --tsv        decision, score, kind and text of each block, tab-separated
  --text       the input is a plain-text dump of a page, not HTML
  --model M    the model that decides: standard (the default) or broad
  -h, --help   print this help

FILE is read as bytes and decoded as a browser would; `-` reads standard input.

Exit status: 0 success, 1 input, extraction or output failure, 2 usage error or an input
that is not text.";

/// Why the example stopped: a usage error or an input that is not text (exit 2), or a failure to
/// read, extract or write (1).
enum Failure {
    Usage(String),
    Failed(String),
    /// The input is not a page: bytes that are not text (an image, an archive).
    NotText(String),
}

impl Failure {
    /// An extraction error: exit 2 when the input is not text, 1 otherwise (a limit).
    fn of(e: unboil::Error, input: &str) -> Failure {
        if e.kind() == unboil::ErrorKind::NotText {
            Failure::NotText(format!("{input}: {e}"))
        } else {
            Failure::Failed(format!("{input}: {e}"))
        }
    }
}

struct Args {
    tsv: bool,
    text_mode: bool,
    model: Model,
    input: String,
}

/// The arguments, or `None` when help was asked for.
fn parse_args() -> Result<Option<Args>, Failure> {
    let (mut tsv, mut text_mode, mut input) = (false, false, None::<String>);
    let mut model = Model::Standard;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--tsv" => tsv = true,
            "--text" => text_mode = true,
            "--model" => {
                let name = args
                    .next()
                    .ok_or_else(|| Failure::Usage("--model needs a value".to_string()))?;
                model = model::parse(&name).map_err(Failure::Usage)?;
            }
            s if s.starts_with('-') && s != "-" => {
                return Err(Failure::Usage(format!("unknown option {s}")));
            }
            s => match &input {
                Some(first) => {
                    return Err(Failure::Usage(format!(
                        "one input at a time ({first:?} and {s:?} given)"
                    )));
                }
                None => input = Some(s.to_string()),
            },
        }
    }
    let input = input.ok_or_else(|| Failure::Usage("no input given".to_string()))?;
    Ok(Some(Args {
        tsv,
        text_mode,
        model,
        input,
    }))
}

fn read_input(input: &str) -> Result<Vec<u8>, Failure> {
    if input == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Failure::Failed(format!("stdin: {e}")))?;
        return Ok(buf);
    }
    std::fs::read(input).map_err(|e| Failure::Failed(format!("{input}: {e}")))
}

fn run() -> Result<(), Failure> {
    let Some(args) = parse_args()? else {
        return finish(writeln!(std::io::stdout(), "{HELP}\n\n{USAGE}"));
    };
    let bytes = read_input(&args.input)?;
    // No size limit, as in the `extract` example, so the two read the same pages.
    let extractor = Extractor::new(
        Options::default()
            .with_explain(true)
            .with_model(args.model)
            .with_max_input_bytes(usize::MAX),
    );
    let extracted = if args.text_mode {
        extractor.extract_text(&String::from_utf8_lossy(&bytes))
    } else {
        extractor.extract_bytes(&bytes, None)
    }
    .map_err(|e| Failure::of(e, &args.input))?;
    // `explain(true)` records one for every extraction; say so rather than print nothing.
    let explanation = extracted
        .explanation()
        .ok_or_else(|| Failure::Failed("no explanation recorded".to_string()))?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    finish(print(&mut out, &extracted, explanation, args.tsv).and_then(|()| out.flush()))
}

/// A reader that closed the pipe early (`explain page.html | head`) is not an error: the
/// example stops quietly, as `cat` does. Any other write error is.
fn finish(written: std::io::Result<()>) -> Result<(), Failure> {
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Failed(format!("stdout: {e}")))
        }
        _ => Ok(()),
    }
}

fn print(
    out: &mut impl Write,
    extracted: &Extracted,
    explanation: &Explanation,
    tsv: bool,
) -> std::io::Result<()> {
    if !tsv {
        writeln!(out, "title: {:?}", extracted.title())?;
        let m = extracted.metadata();
        writeln!(
            out,
            "authors: {:?}  published: {:?}  modified: {:?}  site: {:?}  language: {:?}  direction: {:?}",
            m.authors(),
            m.published(),
            m.modified(),
            m.site_name(),
            m.language(),
            m.direction()
        )?;
        writeln!(
            out,
            "url: {:?}  image: {:?}  tags: {:?}  categories: {:?}",
            m.canonical_url(),
            m.image(),
            m.tags(),
            m.categories()
        )?;
        writeln!(out, "description: {:?}", m.description())?;
        writeln!(out, "encoding: {:?}", extracted.encoding())?;
        writeln!(
            out,
            "container: {}",
            explanation.container.as_deref().unwrap_or("(none)")
        )?;
    }
    for (b, e) in extracted.blocks().iter().zip(&explanation.blocks) {
        if tsv {
            writeln!(
                out,
                "{:?}\t{:.3}\t{:?}\t{}",
                b.decision(),
                b.score(),
                b.kind(),
                b.text().replace(['\n', '\t'], " ")
            )?;
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
        writeln!(
            out,
            "{:<11} {:>6.2} {:<48} ld={:.2} {:>5}c {}{} {}",
            format!("{:?}", b.decision()),
            b.score(),
            top.join(" "),
            e.features.link_density,
            e.features.chars,
            if e.features.in_container { "C " } else { "  " },
            e.features.hints.join(","),
            start.replace('\n', " ")
        )?;
    }
    Ok(())
}

fn main() -> ExitCode {
    // `eprintln!` would panic if standard error were closed too; a lost message is no reason to.
    let report = |message: String| {
        let _ = writeln!(std::io::stderr(), "explain: {message}");
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            report(format!("{message}\n{USAGE}"));
            ExitCode::from(2)
        }
        Err(Failure::Failed(message)) => {
            report(message);
            ExitCode::FAILURE
        }
        Err(Failure::NotText(message)) => {
            report(message);
            ExitCode::from(2)
        }
    }
}
