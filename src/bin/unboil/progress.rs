//! Counting and telling: a progress line on standard error when it is a terminal (pages,
//! pages/s, MB/s, errors), messages about failed records and damaged inputs, and the summary.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Shared by the reader (skips, damage) and the writer (pages).
pub struct Progress {
    bar: Option<ProgressBar>,
    quiet: bool,
    start: Instant,
    pages: AtomicU64,
    failed: AtomicU64,
    empty: AtomicU64,
    bytes: AtomicU64,
    damaged: AtomicU64,
    skipped: Mutex<BTreeMap<String, u64>>,
}

impl Progress {
    /// A progress line only when standard error is a terminal and not `quiet`.
    pub fn new(quiet: bool) -> Progress {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(4));
            bar.set_style(
                ProgressStyle::with_template("{spinner} {elapsed} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(250));
            bar
        });
        Progress {
            bar,
            quiet,
            start: Instant::now(),
            pages: AtomicU64::new(0),
            failed: AtomicU64::new(0),
            empty: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
            damaged: AtomicU64::new(0),
            skipped: Mutex::new(BTreeMap::new()),
        }
    }

    /// A line on standard error that the progress line does not garble.
    pub fn say(&self, message: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("unboil: {message}")),
            None => eprintln!("unboil: {message}"),
        }
    }

    /// An input that is damaged outside any record, or cannot be read.
    pub fn damaged(&self, message: &str) {
        self.damaged.fetch_add(1, Relaxed);
        self.say(message);
    }

    /// A record that is not a page.
    pub fn skipped(&self, reason: &str) {
        if let Ok(mut skipped) = self.skipped.lock() {
            *skipped.entry(reason.to_string()).or_default() += 1;
        }
    }

    /// A page written (or failed).
    pub fn page(&self, bytes: u64, failed: bool, empty: bool) {
        self.pages.fetch_add(1, Relaxed);
        self.bytes.fetch_add(bytes, Relaxed);
        if failed {
            self.failed.fetch_add(1, Relaxed);
        }
        if empty {
            self.empty.fetch_add(1, Relaxed);
        }
        if let Some(bar) = &self.bar {
            let secs = self.start.elapsed().as_secs_f64().max(1e-3);
            let pages = self.pages.load(Relaxed);
            bar.set_message(format!(
                "{pages} pages, {:.0} pages/s, {:.1} MB/s, {} failed",
                pages as f64 / secs,
                self.bytes.load(Relaxed) as f64 / 1e6 / secs,
                self.failed.load(Relaxed)
            ));
        }
    }

    /// Whether every record succeeded and no input was damaged.
    pub fn all_ok(&self) -> bool {
        self.failed.load(Relaxed) == 0 && self.damaged.load(Relaxed) == 0
    }

    /// Clears the progress line and prints the summary (unless quiet).
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        if self.quiet {
            return;
        }
        let secs = self.start.elapsed().as_secs_f64();
        let skipped = self.skipped.lock().map(|s| s.clone()).unwrap_or_default();
        let total_skipped: u64 = skipped.values().sum();
        let pages = self.pages.load(Relaxed);
        let mut line = format!(
            "{pages} {}, {total_skipped} skipped",
            if pages == 1 { "page" } else { "pages" }
        );
        if !skipped.is_empty() {
            let parts: Vec<String> = skipped.iter().map(|(k, n)| format!("{n} {k}")).collect();
            line.push_str(&format!(" ({})", parts.join(", ")));
        }
        line.push_str(&format!(
            ", {} failed, {} empty",
            self.failed.load(Relaxed),
            self.empty.load(Relaxed)
        ));
        let damaged = self.damaged.load(Relaxed);
        if damaged > 0 {
            line.push_str(&format!(", {damaged} damaged inputs"));
        }
        line.push_str(&format!(
            ", {:.2} s ({:.1} MB/s)",
            secs,
            self.bytes.load(Relaxed) as f64 / 1e6 / secs.max(1e-3)
        ));
        eprintln!("unboil: {line}");
    }
}
