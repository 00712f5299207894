//! Runs unboil over a dataset and scores it the way `shared/tools/score.py` does.
//!
//! ```text
//! cargo run --release --example evaluate -- DATASET_DIR [--out DIR] [--by FIELD]
//!     [--mode html|text] [--focus precision|balanced|recall] [--model standard|broad]
//!     [--min-f1 X] [--min-bow X]
//! ```
//!
//! DATASET_DIR holds `manifest.jsonl` (one JSON object a line with `id`, `html`, `gold`, `text`
//! and optional fields such as `page_type`), the pages and the gold texts. The figures printed
//! are the shingle F1/P/R of the article-extraction-benchmark, exact-token accuracy, the number
//! of empty outputs and the WCXB bag-of-words F1, defined exactly as in score.py, plus the mean
//! and median milliseconds per page spent inside unboil (reading files is not counted).
//! `--min-f1` / `--min-bow` make the run fail (exit code 1) below a floor: the CI quality gate.
//! `--titles` also compares `title()` with the manifest's `title` field, where there is one,
//! case and white space folded, prints the match rate, and lists the mismatches on stderr. A
//! second, looser figure also folds typographic quotes and drops ®/™ (the WCXB titles are
//! written with plain quotes and without those marks even where every source on the page has
//! them); the first figure is the one to quote.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use unboil::{Extractor, Focus, Model, Options};

#[path = "common/model.rs"]
mod model;
#[path = "common/score.rs"]
mod score;
use score::{DocScore, corpus_f1, mean, print_header, print_row, score_doc};

struct Args {
    dataset: PathBuf,
    out: Option<PathBuf>,
    by: Option<String>,
    text_mode: bool,
    focus: Focus,
    model: Model,
    min_f1: Option<f64>,
    min_bow: Option<f64>,
    titles: bool,
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: evaluate DATASET_DIR [--out DIR] [--by FIELD] [--mode html|text] \
         [--focus precision|balanced|recall] [--model standard|broad] [--min-f1 X] [--min-bow X] \
         [--titles]"
    );
    ExitCode::from(2)
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let mut a = Args {
        dataset: PathBuf::new(),
        out: None,
        by: None,
        text_mode: false,
        focus: Focus::Balanced,
        model: Model::Standard,
        min_f1: None,
        min_bow: None,
        titles: false,
    };
    let mut dataset = None;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--out" => a.out = Some(PathBuf::from(value("--out")?)),
            "--by" => a.by = Some(value("--by")?),
            "--mode" => {
                a.text_mode = match value("--mode")?.as_str() {
                    "html" => false,
                    "text" => true,
                    m => return Err(format!("unknown mode {m:?}")),
                }
            }
            "--focus" => {
                a.focus = match value("--focus")?.as_str() {
                    "precision" => Focus::Precision,
                    "balanced" => Focus::Balanced,
                    "recall" => Focus::Recall,
                    f => return Err(format!("unknown focus {f:?}")),
                }
            }
            "--model" => {
                a.model = model::parse(&value("--model")?)?;
            }
            "--min-f1" => a.min_f1 = Some(value("--min-f1")?.parse().map_err(|e| format!("{e}"))?),
            "--min-bow" => {
                a.min_bow = Some(value("--min-bow")?.parse().map_err(|e| format!("{e}"))?)
            }
            "--titles" => a.titles = true,
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s => dataset = Some(PathBuf::from(s)),
        }
    }
    a.dataset = dataset.ok_or("no DATASET_DIR")?;
    Ok(a)
}

/// Lowercases and collapses white space: the comparison the title figure uses.
fn fold_title(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// [`fold_title`], also with typographic quotes as plain ones and without ® and ™.
fn fold_title_loosely(s: &str) -> String {
    let plain: String = s
        .chars()
        .filter(|c| !matches!(c, '®' | '™'))
        .map(|c| match c {
            '‘' | '’' | '′' => '\'',
            '“' | '”' | '″' => '"',
            c => c,
        })
        .collect();
    fold_title(&plain)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn run(a: &Args) -> Result<bool, String> {
    let manifest = read(&a.dataset.join("manifest.jsonl"))?;
    if let Some(out) = &a.out {
        std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    let extractor = Extractor::new(Options::default().with_focus(a.focus).with_model(a.model));
    let mut groups: BTreeMap<String, Vec<DocScore>> = BTreeMap::new();
    let mut times = Vec::new();
    // Pages with a manifest title; of which matched; of which matched loosely.
    let mut titles = (0usize, 0usize, 0usize);
    for line in manifest.lines().filter(|l| !l.trim().is_empty()) {
        let doc: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("manifest: {e}"))?;
        let field = |k: &str| {
            doc.get(k)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let id = field("id");
        let input = read(
            &a.dataset
                .join(field(if a.text_mode { "text" } else { "html" })),
        )?;
        let gold = read(&a.dataset.join(field("gold")))?;
        let start = Instant::now();
        let extracted = if a.text_mode {
            extractor.extract_text(&input)
        } else {
            extractor.extract(&input)
        }
        .map_err(|e| format!("{id}: {e}"))?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        let pred = extracted.text();
        if let (true, Some(want)) = (a.titles, doc.get("title").and_then(|v| v.as_str())) {
            let got = extracted.title().unwrap_or_default();
            titles.0 += 1;
            titles.2 += usize::from(fold_title_loosely(got) == fold_title_loosely(want));
            if fold_title(got) == fold_title(want) {
                titles.1 += 1;
            } else {
                eprintln!("title {id}\twant {want:?}\tgot {got:?}");
            }
        }
        if let Some(out) = &a.out {
            let path = out.join(format!("{id}.txt"));
            std::fs::write(&path, pred).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        let s = score_doc(&gold, pred);
        groups.entry("all".into()).or_default().push(s.clone());
        if let Some(by) = &a.by {
            let v = match doc.get(by) {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Null) | None => "None".into(),
                Some(v) => v.to_string(),
            };
            groups.entry(format!("{by}={v}")).or_default().push(s);
        }
    }
    print_header();
    let all = groups.remove("all").unwrap_or_default();
    print_row("all", &all);
    for (k, v) in &groups {
        print_row(k, v);
    }
    if a.titles {
        let pct = |n: usize| 100.0 * n as f64 / titles.0.max(1) as f64;
        println!(
            "titles: {} of {} match ({:.1}%); with typographic quotes and ®/™ folded too: {} ({:.1}%)",
            titles.1,
            titles.0,
            pct(titles.1),
            titles.2,
            pct(titles.2)
        );
    }
    times.sort_by(f64::total_cmp);
    let median = times.get(times.len() / 2).copied().unwrap_or(0.0);
    println!(
        "extraction time: mean {:.3} ms/page, median {:.3} ms/page over {} pages",
        mean(times.iter().copied()),
        median,
        times.len()
    );
    let f1 = corpus_f1(&all);
    let bow = mean(all.iter().map(|d| d.bow_f1));
    let mut ok = true;
    if let Some(min) = a.min_f1
        && f1 < min
    {
        eprintln!("quality gate: F1 {f1:.4} is below {min}");
        ok = false;
    }
    if let Some(min) = a.min_bow
        && bow < min
    {
        eprintln!("quality gate: bowF1 {bow:.4} is below {min}");
        ok = false;
    }
    Ok(ok)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("evaluate: {e}");
            return usage();
        }
    };
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("evaluate: {e}");
            ExitCode::FAILURE
        }
    }
}
