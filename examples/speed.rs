//! Extraction time against parsing alone, page by page, in the same run.
//!
//! ```text
//! cargo run --release --example speed -- [DIR] [--passes N] [--text]
//! cargo run --release --example speed -- [DIR] --once parse|extract|text
//! ```
//!
//! For every `.html` file in DIR (default `../shared/datasets/aeb/html`), each pass parses the
//! page with html5ever into an rcdom tree and drops it (the floor: unboil uses the same parser),
//! then runs `unboil::extract` on it; the two are timed back to back, so a load on the machine
//! weighs on both alike. Prints the mean milliseconds per page of each and their ratio.
//!
//! Times are the thread's CPU time where Linux reports it (`/proc/thread-self/schedstat`, in
//! nanoseconds), so that waiting for a core on a busy machine does not count; elsewhere they
//! are wall-clock times. That CPU time is only brought up to date at scheduler ticks, so it is
//! exact over a run but coarse for one page, and a shared machine still slows some passes down.
//! The last line therefore gives the ratio of the per-page best times: for each page the fastest
//! of its passes by the wall clock (nanoseconds), parse and extraction apart, summed over the
//! pages. Interference only ever adds time, so the fastest pass is the closest to the cost of
//! the code itself.
//!
//! With `--text`, DIR holds `.txt` dumps (default `../shared/datasets/aeb/text`) and only
//! `unboil::extract_text` is timed: mean and median milliseconds per dump.
//!
//! With `--once MODE`, nothing is timed: every page of DIR goes through one thing exactly once,
//! inside a function of its own, for counting instructions with callgrind (`benches/callgrind.sh`
//! runs all three and prints the figures; BENCHMARKS.md says how to read them). The modes:
//! `parse` parses each `.html` page into an rcdom tree and drops it (the floor), `extract` runs
//! `unboil::extract` on each and drops the result, `text` runs `unboil::extract_text` on each
//! `.txt` dump (DIR defaults to `aeb/text` then). The functions are `speed::once_parse`,
//! `speed::once_extract` and `speed::once_text`, never inlined, so that
//! `valgrind --tool=callgrind --collect-atstart=no --toggle-collect='speed::once_*'` counts the
//! work on the pages and nothing else: not start-up, not reading the files.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use html5ever::ParseOpts;
use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::RcDom;

fn main() -> ExitCode {
    let mut dir: Option<PathBuf> = None;
    let mut passes = 5usize;
    let mut text = false;
    let mut once: Option<Once> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--passes" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) if n > 0 => passes = n,
                _ => return usage("--passes takes a positive number"),
            },
            "--text" => text = true,
            "--once" => match args.next().as_deref() {
                Some("parse") => once = Some(Once::Parse),
                Some("extract") => once = Some(Once::Extract),
                Some("text") => once = Some(Once::Text),
                _ => return usage("--once takes parse, extract or text"),
            },
            "-h" | "--help" => return usage(""),
            _ if dir.is_none() => dir = Some(PathBuf::from(a)),
            _ => return usage(&format!("unexpected argument {a}")),
        }
    }
    match once {
        Some(Once::Text) => text = true,
        Some(_) if text => return usage("--once parse and --once extract read HTML, not --text"),
        _ => {}
    }
    let default = if text { "aeb/text" } else { "aeb/html" };
    let dir = dir.unwrap_or_else(|| Path::new("../shared/datasets").join(default));
    let suffix = if text { ".txt" } else { ".html" };
    let pages = match read_pages(&dir, suffix) {
        Ok(p) if !p.is_empty() => p,
        Ok(_) => return usage(&format!("no {suffix} files in {}", dir.display())),
        Err(e) => return usage(&format!("cannot read {}: {e}", dir.display())),
    };
    let bytes: usize = pages.iter().map(String::len).sum();
    if let Some(mode) = once {
        match mode {
            Once::Parse => once_parse(&pages),
            Once::Extract => once_extract(&pages),
            Once::Text => once_text(&pages),
        }
        println!(
            "{} {}, {:.1} MB, each once ({mode:?})",
            pages.len(),
            if text { "dumps" } else { "pages" },
            bytes as f64 / 1e6
        );
        return ExitCode::SUCCESS;
    }
    println!(
        "{} pages, {:.1} MB, {passes} passes",
        pages.len(),
        bytes as f64 / 1e6
    );
    if text {
        let mut times = Vec::with_capacity(pages.len() * passes);
        for _ in 0..passes {
            for p in &pages {
                let t = Instant::now();
                black_box(unboil::extract_text(black_box(p)));
                times.push(t.elapsed());
            }
        }
        times.sort();
        let total: Duration = times.iter().sum();
        let median = times.get(times.len() / 2).copied().unwrap_or_default();
        println!(
            "extract_text: mean {:.3} ms, median {:.3} ms per dump",
            ms(total) / times.len() as f64,
            ms(median)
        );
        return ExitCode::SUCCESS;
    }
    let clock = Clock::new();
    println!("clock: {}", clock.name());
    let (mut parse, mut extract) = (Duration::ZERO, Duration::ZERO);
    let mut ratios = Vec::with_capacity(passes);
    let mut best = vec![(Duration::MAX, Duration::MAX); pages.len()];
    for _ in 0..passes {
        let (parse_before, extract_before) = (parse, extract);
        for (p, best) in pages.iter().zip(best.iter_mut()) {
            let (t, wall) = (clock.now(), Instant::now());
            let dom = html5ever::parse_document(RcDom::default(), ParseOpts::default())
                .one(black_box(p.as_str()));
            drop(black_box(dom));
            best.0 = best.0.min(wall.elapsed());
            parse += clock.since(t);
            let (t, wall) = (clock.now(), Instant::now());
            black_box(unboil::extract(black_box(p)));
            best.1 = best.1.min(wall.elapsed());
            extract += clock.since(t);
        }
        ratios.push(ms(extract - extract_before) / ms(parse - parse_before).max(1e-9));
    }
    ratios.sort_by(f64::total_cmp);
    let n = (pages.len() * passes) as f64;
    println!(
        "parse alone (html5ever + rcdom): {:.3} ms per page",
        ms(parse) / n
    );
    println!(
        "unboil::extract:                 {:.3} ms per page",
        ms(extract) / n
    );
    println!(
        "ratio extract / parse:           {:.3}",
        ms(extract) / ms(parse)
    );
    println!(
        "ratio by pass:                   median {:.3}, range {:.3} to {:.3}",
        ratios.get(ratios.len() / 2).copied().unwrap_or(0.0),
        ratios.first().copied().unwrap_or(0.0),
        ratios.last().copied().unwrap_or(0.0)
    );
    let best_parse: Duration = best.iter().map(|b| b.0).sum();
    let best_extract: Duration = best.iter().map(|b| b.1).sum();
    println!(
        "ratio of per-page best times:    {:.3} ({:.3} / {:.3} ms per page)",
        ms(best_extract) / ms(best_parse).max(1e-9),
        ms(best_extract) / pages.len() as f64,
        ms(best_parse) / pages.len() as f64
    );
    ExitCode::SUCCESS
}

/// What `--once` runs on each page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Once {
    Parse,
    Extract,
    Text,
}

// The three `--once` loops. Each is a function of its own that is never inlined, so that
// callgrind can be told to count inside it only (`--toggle-collect`); dropping the tree or the
// result is part of the work in each.

#[inline(never)]
fn once_parse(pages: &[String]) {
    for p in pages {
        let dom = html5ever::parse_document(RcDom::default(), ParseOpts::default())
            .one(black_box(p.as_str()));
        drop(black_box(dom));
    }
}

#[inline(never)]
fn once_extract(pages: &[String]) {
    for p in pages {
        drop(black_box(unboil::extract(black_box(p))));
    }
}

#[inline(never)]
fn once_text(dumps: &[String]) {
    for d in dumps {
        drop(black_box(unboil::extract_text(black_box(d))));
    }
}

/// The thread's CPU time where Linux gives it in nanoseconds, else the wall clock.
enum Clock {
    Cpu,
    Wall(Instant),
}

impl Clock {
    fn new() -> Clock {
        if cpu_ns().is_some() {
            Clock::Cpu
        } else {
            Clock::Wall(Instant::now())
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Clock::Cpu => "thread CPU time",
            Clock::Wall(_) => "wall clock",
        }
    }

    fn now(&self) -> Duration {
        match self {
            Clock::Cpu => Duration::from_nanos(cpu_ns().unwrap_or(0)),
            Clock::Wall(start) => start.elapsed(),
        }
    }

    fn since(&self, then: Duration) -> Duration {
        self.now().saturating_sub(then)
    }
}

/// Nanoseconds this thread has run on a CPU: the first field of its schedstat.
fn cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn read_pages(dir: &Path, suffix: &str) -> std::io::Result<Vec<String>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    paths.sort();
    Ok(paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect())
}

fn usage(problem: &str) -> ExitCode {
    if !problem.is_empty() {
        eprintln!("speed: {problem}");
    }
    eprintln!("usage: speed [DIR] [--passes N] [--text] | speed [DIR] --once parse|extract|text");
    if problem.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
