//! Prints the main text of an HTML page, or of a plain-text dump of one with `--text`, as plain
//! text, Markdown or JSON.
//!
//! ```text
//! cargo run --release --example extract -- [--text] [--format text|markdown|json]
//!     [--model standard|broad] [--links] [--images] [--base-url URL] [FILE|-]
//! ```
//!
//! A page is read as bytes and decoded as a browser would (BOM, `<meta charset>`, a guess; see
//! `Extractor::extract_bytes`); a dump is read as UTF-8. The input is FILE, or standard input
//! with `-`. With no FILE, standard input is read when it is a pipe or a redirected file
//! (`curl -s URL | extract`, `extract < page.html`; Unix only), and otherwise the example
//! extracts a sample page that ships with the crate (`examples/sample.html`). `--format json`
//! needs the crate's `serde` feature (`cargo run --features serde --example extract -- --format
//! json`). `--links` and `--images` keep links and images in the Markdown, made absolute against
//! `--base-url` (or the page's own `<base href>` or canonical URL).
//!
//! Exit status, the same for the `explain` example: 0 on success, also when the reader of the
//! output goes away early (`extract page.html | head`); 1 when the input cannot be read, the
//! extraction stops at a limit or the output cannot be written; 2 for a usage error (an unknown
//! option, a missing value, more than one input) or an input that is not text (an image, an
//! archive: `ErrorKind::NotText`).

use std::io::{Read, Write};
use std::process::ExitCode;

use unboil::{Extracted, Extractor, Options};

#[path = "common/model.rs"]
mod model;

const SAMPLE: &str = include_str!("sample.html");

const USAGE: &str = "usage: extract [--text] [--format text|markdown|json] \
                     [--model standard|broad] [--links] [--images] [--base-url URL] [FILE|-]";

const HELP: &str = "Prints the main text of an HTML page (or, with --text, of a plain-text dump).

Options:
  --text              the input is a plain-text dump of a page, not HTML
  --format FORMAT     text (default), markdown, or json (needs the `serde` feature)
  --model MODEL       standard (default: best on news articles) or broad (fitted on seven
                      page types: best on listings, shop and service pages)
  --links             keep links in the Markdown
  --images            keep images in the Markdown
  --base-url URL      the page's address, to make links and images absolute
  -h, --help          print this help

FILE is read as bytes and decoded as a browser would; `-` reads standard input. With no FILE,
standard input is read when it is a pipe or a file, else a sample page is extracted.

Exit status: 0 success, 1 input, extraction or output failure, 2 usage error.";

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
    help: bool,
}

fn parse_args() -> Result<Args, Failure> {
    let mut args = std::env::args().skip(1);
    let mut a = Args {
        text_mode: false,
        format: Format::Text,
        options: Options::default(),
        input: None,
        help: false,
    };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| Failure::Usage(format!("{name} needs a value")))
        };
        match arg.as_str() {
            "-h" | "--help" => a.help = true,
            "--text" => a.text_mode = true,
            "--format" => {
                a.format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "markdown" | "md" => Format::Markdown,
                    "json" => Format::Json,
                    f => {
                        return Err(Failure::Usage(format!(
                            "unknown format {f:?} (text, markdown or json)"
                        )));
                    }
                }
            }
            "--model" => {
                let model = model::parse(&value("--model")?).map_err(Failure::Usage)?;
                a.options = a.options.with_model(model);
            }
            "--links" => a.options = a.options.with_links(true),
            "--images" => a.options = a.options.with_images(true),
            "--base-url" => a.options = a.options.with_base_url(&value("--base-url")?),
            s if s.starts_with('-') && s != "-" => {
                return Err(Failure::Usage(format!("unknown option {s}")));
            }
            // A second input would silently replace the first; say so instead.
            s => match &a.input {
                Some(first) => {
                    return Err(Failure::Usage(format!(
                        "one input at a time ({first:?} and {s:?} given)"
                    )));
                }
                None => a.input = Some(s.to_string()),
            },
        }
    }
    Ok(a)
}

/// Whether standard input was redirected from a pipe or a file. A terminal, `/dev/null` (what
/// scripts and CI often leave on stdin) and sockets are not read, so `extract` alone shows the
/// sample instead of waiting for input.
#[cfg(unix)]
fn stdin_is_redirected() -> bool {
    use std::io::IsTerminal;
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileTypeExt;

    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return false;
    }
    let Ok(fd) = stdin.as_fd().try_clone_to_owned() else {
        return false;
    };
    std::fs::File::from(fd)
        .metadata()
        .is_ok_and(|m| m.file_type().is_fifo() || m.file_type().is_file())
}

/// Elsewhere standard input is read only when asked for with `-`.
#[cfg(not(unix))]
fn stdin_is_redirected() -> bool {
    false
}

/// The input's bytes: HTML is decoded by `extract_bytes` (BOM, `<meta charset>`, guess), a dump
/// is read as UTF-8.
fn read_input(input: Option<&str>) -> Result<Vec<u8>, Failure> {
    let read_stdin = || {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Failure::Failed(format!("stdin: {e}")))?;
        Ok(buf)
    };
    match input {
        Some("-") => read_stdin(),
        Some(path) => std::fs::read(path).map_err(|e| Failure::Failed(format!("{path}: {e}"))),
        None if stdin_is_redirected() => read_stdin(),
        None => Ok(SAMPLE.as_bytes().to_vec()),
    }
}

#[cfg(feature = "serde")]
fn json(extracted: &Extracted) -> Result<String, Failure> {
    serde_json::to_string_pretty(extracted).map_err(|e| Failure::Failed(e.to_string()))
}

#[cfg(not(feature = "serde"))]
fn json(_: &Extracted) -> Result<String, Failure> {
    Err(Failure::Usage(
        "JSON output needs the `serde` feature: build with \
         `cargo run --features serde --example extract -- --format json ...`"
            .to_string(),
    ))
}

fn run() -> Result<(), Failure> {
    let a = parse_args()?;
    if a.help {
        return write_stdout(&format!("{HELP}\n\n{USAGE}\n"));
    }
    // Fail before reading a large input if the output cannot be produced.
    if a.format == Format::Json && cfg!(not(feature = "serde")) {
        json(&Extracted::default())?;
    }
    let input = read_input(a.input.as_deref())?;
    let extractor = Extractor::new(a.options.with_max_input_bytes(usize::MAX));
    let extracted = if a.text_mode {
        extractor.extract_text(&String::from_utf8_lossy(&input))
    } else {
        extractor.extract_bytes(&input, None)
    }
    .map_err(|e| Failure::of(e, a.input.as_deref().unwrap_or("input")))?;
    let title = extracted.title().map(|t| format!("# {t}\n\n"));
    let output = match a.format {
        Format::Text => format!("{}{}\n", title.unwrap_or_default(), extracted.text()),
        Format::Markdown => format!("{}{}", title.unwrap_or_default(), extracted.to_markdown()),
        Format::Json => json(&extracted)? + "\n",
    };
    write_stdout(&output)
}

/// Writes to standard output. A reader that closed the pipe early (`extract page.html | head`)
/// is not an error: the example stops quietly, as `cat` does.
fn write_stdout(output: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(output.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Failed(format!("stdout: {e}")))
        }
        _ => Ok(()),
    }
}

fn main() -> ExitCode {
    // `eprintln!` would panic if standard error were closed too; a lost message is no reason to.
    let report = |message: String| {
        let _ = writeln!(std::io::stderr(), "extract: {message}");
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
