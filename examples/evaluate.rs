//! Runs unboil over a dataset and scores it the way `shared/tools/score.py` does.
//!
//! ```text
//! cargo run --release --example evaluate -- DATASET_DIR [--out DIR] [--by FIELD]
//!     [--mode html|text] [--focus precision|balanced|recall] [--min-f1 X] [--min-bow X]
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

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use unboil::{Extractor, Focus, Options};
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

struct Args {
    dataset: PathBuf,
    out: Option<PathBuf>,
    by: Option<String>,
    text_mode: bool,
    focus: Focus,
    min_f1: Option<f64>,
    min_bow: Option<f64>,
    titles: bool,
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: evaluate DATASET_DIR [--out DIR] [--by FIELD] [--mode html|text] \
         [--focus precision|balanced|recall] [--min-f1 X] [--min-bow X] [--titles]"
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

/// `re.findall(r"\w+", text)`.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

fn shingles<'a>(toks: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut m = HashMap::new();
    if toks.is_empty() {
        return m;
    }
    let n = toks.len().saturating_sub(3).max(1);
    for i in 0..n {
        let end = (i + 4).min(toks.len());
        *m.entry(toks[i..end].to_vec()).or_insert(0) += 1;
    }
    m
}

/// (tp, fp, fn) of the multisets.
fn overlap<K: std::hash::Hash + Eq>(
    g: &HashMap<K, usize>,
    p: &HashMap<K, usize>,
) -> (usize, usize, usize) {
    let mut tp = 0;
    let mut fp = 0;
    for (k, &pc) in p {
        let gc = g.get(k).copied().unwrap_or(0);
        tp += pc.min(gc);
        fp += pc.saturating_sub(gc);
    }
    let fnn = g
        .iter()
        .map(|(k, &gc)| gc.saturating_sub(p.get(k).copied().unwrap_or(0)))
        .sum();
    (tp, fp, fnn)
}

#[derive(Default, Clone)]
struct DocScore {
    /// Shingle precision, when the output has a shingle.
    p: Option<f64>,
    /// Shingle recall, when the gold has a shingle.
    r: Option<f64>,
    exact: bool,
    empty: bool,
    bow_f1: f64,
}

fn score_doc(gold: &str, pred: &str) -> DocScore {
    let gt = tokens(gold);
    let pt = tokens(pred);
    let (tp, fp, fnn) = overlap(&shingles(&gt), &shingles(&pt));
    let (p, r) = if fp == 0 && fnn == 0 {
        (1.0, 1.0)
    } else {
        (
            if tp + fp > 0 {
                tp as f64 / (tp + fp) as f64
            } else {
                0.0
            },
            if tp + fnn > 0 {
                tp as f64 / (tp + fnn) as f64
            } else {
                0.0
            },
        )
    };
    let gold_l = gold.to_lowercase();
    let pred_l = pred.to_lowercase();
    let count = |t: Vec<&str>| {
        let mut m: HashMap<String, usize> = HashMap::new();
        for w in t {
            *m.entry(w.to_string()).or_insert(0) += 1;
        }
        m
    };
    let gb = count(tokens(&gold_l));
    let pb = count(tokens(&pred_l));
    let ng: usize = gb.values().sum();
    let np: usize = pb.values().sum();
    let bow_f1 = if ng == 0 {
        if np == 0 { 1.0 } else { 0.0 }
    } else if np == 0 {
        0.0
    } else {
        let (o, _, _) = overlap(&gb, &pb);
        let (pr, rc) = (o as f64 / np as f64, o as f64 / ng as f64);
        if pr + rc > 0.0 {
            2.0 * pr * rc / (pr + rc)
        } else {
            0.0
        }
    };
    DocScore {
        p: (tp + fp > 0).then_some(p),
        r: (tp + fnn > 0).then_some(r),
        exact: gt == pt,
        empty: pt.is_empty(),
        bow_f1,
    }
}

fn mean(xs: impl Iterator<Item = f64>) -> f64 {
    let (s, n) = xs.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 { 0.0 } else { s / n as f64 }
}

fn print_row(name: &str, docs: &[DocScore]) {
    let p = mean(docs.iter().filter_map(|d| d.p));
    let r = mean(docs.iter().filter_map(|d| d.r));
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let acc = mean(docs.iter().map(|d| f64::from(u8::from(d.exact))));
    let empty = docs.iter().filter(|d| d.empty).count();
    let bow = mean(docs.iter().map(|d| d.bow_f1));
    println!(
        "{name:<28}{:>6}{f1:>8.3}{p:>8.3}{r:>8.3}{acc:>7.3}{empty:>7}{bow:>8.3}",
        docs.len()
    );
}

fn corpus_f1(docs: &[DocScore]) -> f64 {
    let p = mean(docs.iter().filter_map(|d| d.p));
    let r = mean(docs.iter().filter_map(|d| d.r));
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
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
    let extractor = Extractor::new(Options::default().with_focus(a.focus));
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
    println!(
        "{:<28}{:>6}{:>8}{:>8}{:>8}{:>7}{:>7}{:>8}",
        "set", "n", "F1", "P", "R", "acc", "empty", "bowF1"
    );
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
