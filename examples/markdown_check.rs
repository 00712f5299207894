//! Checks that `to_markdown()` says what `text()` says, over a dataset.
//!
//! ```text
//! cargo run --release --example markdown_check -- DATASET_DIR [--links] [--images] [--min X]
//!     [--diff]
//! ```
//!
//! For every page of the dataset's `manifest.jsonl`, the Markdown is parsed back with
//! pulldown-cmark (CommonMark with GitHub's tables and strikethrough) and its text (link and
//! image targets and image alternative texts left out, as they are not in `text()`) is compared
//! with `text()` by the WCXB bag-of-words F1 (lowercased `\w+` tokens, as `evaluate` and
//! `score.py` count them). Every table the parser finds is also checked to be a valid GFM table
//! as written: a header row, a delimiter row and rows of the same number of cells.
//!
//! Prints the mean and minimum F1, the pages below `--min` (default 0.99) with their figures
//! (and with `--diff`, the words only one side has),
//! the table count, and the time spent in `to_markdown`. Exits with 1 if any page is below
//! `--min` or any table is malformed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};
use unboil::{Extractor, Options};
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

/// Python's `\w`: letters, numbers and the underscore.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    matches!(
        c.general_category_group(),
        GeneralCategoryGroup::Letter | GeneralCategoryGroup::Number
    )
}

/// Lowercased `\w+` tokens with their counts.
fn bag(text: &str) -> HashMap<String, usize> {
    let lower = text.to_lowercase();
    let mut m = HashMap::new();
    for w in lower
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
    {
        *m.entry(w.to_string()).or_insert(0) += 1;
    }
    m
}

/// Bag-of-words F1 between two texts (1 when both are empty).
fn bow_f1(a: &str, b: &str) -> f64 {
    let (ga, gb) = (bag(a), bag(b));
    let (na, nb): (usize, usize) = (ga.values().sum(), gb.values().sum());
    if na == 0 && nb == 0 {
        return 1.0;
    }
    if na == 0 || nb == 0 {
        return 0.0;
    }
    let common: usize = ga
        .iter()
        .map(|(k, &n)| n.min(gb.get(k).copied().unwrap_or(0)))
        .sum();
    let (p, r) = (common as f64 / nb as f64, common as f64 / na as f64);
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// The words whose counts differ: `-word` more often in `text`, `+word` more often in `md`.
fn word_diff(text: &str, md: &str) -> String {
    let (a, b) = (bag(text), bag(md));
    let mut out: Vec<String> = Vec::new();
    for (k, &n) in &a {
        let m = b.get(k).copied().unwrap_or(0);
        if n > m {
            out.push(format!("-{k}x{}", n - m));
        }
    }
    for (k, &m) in &b {
        let n = a.get(k).copied().unwrap_or(0);
        if m > n {
            out.push(format!("+{k}x{}", m - n));
        }
    }
    out.sort();
    out.join(" ")
}

fn md_options() -> MdOptions {
    MdOptions::ENABLE_TABLES | MdOptions::ENABLE_STRIKETHROUGH
}

/// The text a Markdown reader sees: text and code, blocks and line breaks as newlines, link and
/// image targets and image alternative texts left out.
fn markdown_text(md: &str) -> String {
    let mut out = String::new();
    let mut in_image = 0usize;
    for event in Parser::new_ext(md, md_options()) {
        match event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if in_image == 0 => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            // A tight list item's text is followed directly by its nested list.
            Event::Start(Tag::List(_) | Tag::Item) => out.push('\n'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableCell
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// Cells in one table line: unescaped pipes, less the leading and trailing ones.
fn cells(line: &str) -> usize {
    let mut pipes = 0;
    let mut backslashes = 0;
    for c in line.chars() {
        if c == '|' && backslashes % 2 == 0 {
            pipes += 1;
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
    }
    let t = line.trim();
    pipes + 1
        - usize::from(t.starts_with('|'))
        - usize::from(t.ends_with('|') && !t.ends_with("\\|"))
}

/// Checks every table the parser finds in `md`: returns (tables, malformed).
fn check_tables(md: &str) -> (usize, Vec<String>) {
    let mut tables = 0;
    let mut bad = Vec::new();
    for (event, range) in Parser::new_ext(md, md_options()).into_offset_iter() {
        if let Event::Start(Tag::Table(align)) = event {
            tables += 1;
            let source = md.get(range).unwrap_or_default();
            let lines: Vec<&str> = source
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            let delimiter_ok = lines.get(1).is_some_and(|l| {
                l.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) && cells(l) == align.len()
            });
            let rows_ok = lines.iter().all(|l| cells(l) == align.len());
            if !delimiter_ok || !rows_ok {
                bad.push(source.chars().take(300).collect());
            }
        }
    }
    (tables, bad)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn run() -> Result<bool, String> {
    let mut args = std::env::args().skip(1);
    let mut dataset = None;
    let mut options = Options::default();
    let mut min = 0.99;
    let mut show_diff = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--links" => options = options.with_links(true),
            "--images" => options = options.with_images(true),
            "--diff" => show_diff = true,
            "--min" => {
                min = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--min needs a number")?
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s => dataset = Some(PathBuf::from(s)),
        }
    }
    let dataset = dataset
        .ok_or("usage: markdown_check DATASET_DIR [--links] [--images] [--min X] [--diff]")?;
    let extractor = Extractor::new(options);
    let manifest = read(&dataset.join("manifest.jsonl"))?;
    let mut scores = Vec::new();
    let mut low = Vec::new();
    let (mut tables, mut malformed) = (0, 0);
    let mut md_time = 0.0;
    for line in manifest.lines().filter(|l| !l.trim().is_empty()) {
        let doc: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        let field = |k: &str| {
            doc.get(k)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let html = read(&dataset.join(field("html")))?;
        let extracted = extractor.extract(&html).map_err(|e| e.to_string())?;
        let start = Instant::now();
        let md = extracted.to_markdown();
        md_time += start.elapsed().as_secs_f64() * 1000.0;
        let f1 = bow_f1(extracted.text(), &markdown_text(&md));
        let (t, bad) = check_tables(&md);
        tables += t;
        malformed += bad.len();
        for b in bad {
            eprintln!("malformed table in {}:\n{b}\n", field("id"));
        }
        if f1 < min {
            if show_diff {
                eprintln!(
                    "{}: {}",
                    field("id"),
                    word_diff(extracted.text(), &markdown_text(&md))
                );
            }
            low.push((f1, field("id")));
        }
        scores.push(f1);
    }
    let n = scores.len().max(1) as f64;
    let mean = scores.iter().sum::<f64>() / n;
    let worst = scores.iter().copied().fold(1.0, f64::min);
    println!(
        "{} pages: word F1 text() vs to_markdown() mean {mean:.5}, min {worst:.5}; {} below {min}",
        scores.len(),
        low.len()
    );
    low.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (f1, id) in &low {
        println!("  {f1:.4}  {id}");
    }
    println!("{tables} GFM tables, {malformed} malformed");
    println!("to_markdown: {:.3} ms/page on average", md_time / n);
    Ok(low.is_empty() && malformed == 0)
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("markdown_check: {e}");
            ExitCode::from(2)
        }
    }
}
