//! Throughput of parsing alone and of the whole extraction, on the same pages.
//!
//! ```text
//! cargo bench --bench extract
//! ```
//!
//! Two groups, each one benchmark over the whole page set, in bytes per second:
//!
//! - `parse`: html5ever building an rcdom tree, nothing else. This is the floor: unboil parses
//!   with the same parser, so it cannot be faster than this.
//! - `extract`: `unboil::extract`, everything from the string to the text.
//!
//! - `extract_text`: `unboil::extract_text` on plain-text dumps of whole pages, timed per dump
//!   (`Throughput::Elements(1)`): a typical dump should cost well under a millisecond.
//!
//! The ratio of the two times (extract / parse) is the figure to watch: everything unboil adds
//! after parsing should cost a fraction of the parse.
//!
//! Pages: all 181 pages of the article-extraction-benchmark set when
//! `../shared/datasets/aeb/html` exists next to the crate (31 MB, real news and blog pages),
//! else the pages the crate ships in `tests/pages`. Under `cargo test --all-targets` (criterion's
//! test mode, which runs each benchmark once in a debug build) the shipped pages are used either
//! way, so the test suite stays fast. Dumps: `../shared/datasets/aeb/text` likewise, else
//! `tests/dumps`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use html5ever::ParseOpts;
use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::RcDom;

struct PageSet {
    name: String,
    pages: Vec<String>,
}

impl PageSet {
    fn bytes(&self) -> u64 {
        self.pages.iter().map(|p| p.len() as u64).sum()
    }
}

/// Whether criterion will only run each benchmark once, as `cargo test` does (it passes no
/// `--bench`); mirrors criterion's own rule.
fn test_mode() -> bool {
    let args: Vec<String> = std::env::args().collect();
    let has = |flag: &str| args.iter().any(|a| a == flag);
    !has("--bench") || has("--test")
}

/// Files in `dir` ending in `suffix`, sorted by name so the set is the same on every machine.
fn files(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    out.sort();
    out
}

fn read_all(paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect()
}

/// The aeb files of `suffix` in `sub` (`html`, `text`) outside test mode when they exist, else
/// the file `shipped_file` of each directory under `tests/<shipped_dir>`.
fn set_of(sub: &str, suffix: &str, shipped_dir: &str, shipped_file: &str) -> PageSet {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !test_mode() {
        let aeb = files(&root.join("../shared/datasets/aeb").join(sub), suffix);
        if !aeb.is_empty() {
            return PageSet {
                name: format!("aeb-{}", aeb.len()),
                pages: read_all(&aeb),
            };
        }
    }
    let shipped: Vec<PathBuf> = files(&root.join("tests").join(shipped_dir), "")
        .into_iter()
        .map(|d| d.join(shipped_file))
        .filter(|p| p.is_file())
        .collect();
    PageSet {
        name: format!("shipped-{}", shipped.len()),
        pages: read_all(&shipped),
    }
}

fn page_set() -> PageSet {
    set_of("html", ".html", "pages", "source.html")
}

fn dump_set() -> PageSet {
    set_of("text", ".txt", "dumps", "dump.txt")
}

fn parse_only(html: &str) -> RcDom {
    html5ever::parse_document(RcDom::default(), ParseOpts::default()).one(html)
}

fn benches(c: &mut Criterion) {
    let set = page_set();
    assert!(!set.pages.is_empty(), "no pages to benchmark");
    eprintln!(
        "bench pages: {} ({} pages, {:.1} MB)",
        set.name,
        set.pages.len(),
        set.bytes() as f64 / 1e6
    );
    let run_parse: fn(&str) = |html| drop(black_box(parse_only(html)));
    let run_extract: fn(&str) = |html| drop(black_box(unboil::extract(html)));
    for (group_name, run) in [("parse", run_parse), ("extract", run_extract)] {
        let mut group = c.benchmark_group(group_name);
        // One iteration runs the whole page set (about 0.3 s for parse, 1-2 s for extract on
        // aeb), so flat sampling with the minimum of 10 samples keeps `cargo bench` under a
        // minute or two while each sample still averages over 181 pages.
        group
            .throughput(Throughput::Bytes(set.bytes()))
            .sampling_mode(SamplingMode::Flat)
            .sample_size(10)
            .warm_up_time(Duration::from_secs(2))
            .measurement_time(Duration::from_secs(10));
        group.bench_function(set.name.as_str(), |b| {
            b.iter(|| {
                for page in &set.pages {
                    run(black_box(page));
                }
            })
        });
        group.finish();
    }
    // Plain-text mode, per dump: its cost is judged per document, not against a parse.
    let dumps = dump_set();
    assert!(!dumps.pages.is_empty(), "no dumps to benchmark");
    let mut group = c.benchmark_group("extract_text");
    group
        .throughput(Throughput::Elements(1))
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.bench_function(format!("{}-per-dump", dumps.name), |b| {
        // Each iteration takes the next dump, so the mean is over the whole set.
        let mut next = dumps.pages.iter().cycle();
        b.iter(|| {
            let dump = next.next().map_or("", String::as_str);
            drop(black_box(unboil::extract_text(black_box(dump))))
        })
    });
    group.finish();
}

criterion_group!(extract, benches);
criterion_main!(extract);
