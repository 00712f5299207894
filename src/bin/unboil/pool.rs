//! The extraction threads: a reader thread hands pages to N workers over a bounded channel;
//! the calling thread writes their results back in input order.
//!
//! At most `4 × N` pages are in flight at once (queued, being extracted, or waiting for an
//! earlier page to be written): the reader takes a ticket before reading a page on, and the
//! writer hands the ticket back once the page is written. Memory is therefore bounded by a few
//! pages per thread whatever the size of the input, and a slow page holds the output back
//! without letting the queue behind it grow. std threads with crossbeam's MPMC channels are
//! enough here; rayon's work stealing would not keep the order and adds nothing for a stream.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

use crossbeam_channel::{Receiver, Sender, bounded, unbounded};
use unboil::{Extracted, Extractor};

use crate::args::Format;
use crate::inputs::{self, Config, Input, Page, Work};
use crate::output::{self, Rendered, Target, Writer};
use crate::progress::Progress;

/// What the pipeline needs besides its inputs.
pub struct Plan<'a> {
    pub extractor: Extractor,
    /// Whether per-page URLs are worth a per-page extractor (links or images in Markdown).
    pub per_page_base: bool,
    pub jobs: usize,
    /// `--max-bytes`: the cap on a decompressed HTTP body.
    pub max_bytes: usize,
    pub ordered: bool,
    pub target: Target,
    pub format: Format,
    pub config: &'a Config,
    pub progress: &'a Progress,
}

/// Runs the whole batch.
pub fn run(plan: &Plan<'_>, inputs: &[Input]) {
    let jobs = plan.jobs.max(1);
    let window = 4 * jobs;
    let (tickets_tx, tickets_rx) = bounded::<()>(window);
    for _ in 0..window {
        let _ = tickets_tx.send(());
    }
    let (work_tx, work_rx) = bounded::<(u64, Page)>(window);
    let (done_tx, done_rx) = unbounded::<(u64, Rendered)>();
    // Set when standard output is gone: the reader stops at its next page.
    let stop = AtomicBool::new(false);
    let stop = &stop;

    thread::scope(|s| {
        // The reader.
        let progress = plan.progress;
        let config = plan.config;
        s.spawn(move || {
            let mut seq = 0u64;
            let mut emit = |page: Page| -> bool {
                if tickets_rx.recv().is_err() || stop.load(Ordering::Relaxed) {
                    return false;
                }
                let sent = work_tx.send((seq, page)).is_ok();
                seq += 1;
                sent
            };
            inputs::Reader {
                config,
                progress,
                emit: &mut emit,
            }
            .run(inputs);
            // Dropping `work_tx` here tells the workers the input is over.
        });
        // The workers.
        for _ in 0..jobs {
            let work_rx: Receiver<(u64, Page)> = work_rx.clone();
            let done_tx: Sender<(u64, Rendered)> = done_tx.clone();
            s.spawn(move || {
                for (seq, page) in work_rx {
                    let rendered = process(plan, page);
                    if done_tx.send((seq, rendered)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        drop(work_rx);

        // The writer, on this thread.
        let mut writer = Writer::new(plan.target.clone(), plan.format, plan.progress);
        let mut waiting: BTreeMap<u64, Rendered> = BTreeMap::new();
        let mut next = 0u64;
        let mut closed = false;
        for (seq, rendered) in &done_rx {
            if closed {
                // Keep tickets flowing so that the reader reaches its stop check.
                let _ = tickets_tx.send(());
                continue;
            }
            if plan.ordered {
                waiting.insert(seq, rendered);
                while let Some(rendered) = waiting.remove(&next) {
                    next += 1;
                    closed = failed_output(plan.progress, writer.write(rendered));
                    let _ = tickets_tx.send(());
                    if closed {
                        break;
                    }
                }
            } else {
                closed = failed_output(plan.progress, writer.write(rendered));
                let _ = tickets_tx.send(());
            }
            if closed {
                stop.store(true, Ordering::Relaxed);
                // Tickets for the pages held back, which will never be written.
                for _ in 0..waiting.len() {
                    let _ = tickets_tx.send(());
                }
                waiting.clear();
            }
        }
        if !closed {
            failed_output(plan.progress, writer.finish());
        }
    });
}

/// Whether writing to standard output failed; a closed pipe (`unboil … | head`) is not an
/// error, anything else is reported.
fn failed_output(progress: &Progress, result: std::io::Result<()>) -> bool {
    match result {
        Ok(()) => false,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => true,
        Err(e) => {
            progress.damaged(&format!("standard output: {e}"));
            true
        }
    }
}

/// Extracts one page and renders the result.
fn process(plan: &Plan<'_>, page: Page) -> Rendered {
    let result = extract(plan, &page);
    output::render(page_without_work(page), result, &plan.target, plan.format)
}

fn page_without_work(mut page: Page) -> Page {
    page.work = Work::Failed(String::new());
    page
}

fn extract(plan: &Plan<'_>, page: &Page) -> Result<Extracted, String> {
    let own;
    let extractor = match &page.url {
        Some(url)
            if plan.per_page_base
                && (url.starts_with("http://") || url.starts_with("https://")) =>
        {
            own = Extractor::new(plan.extractor.options().clone().with_base_url(url));
            &own
        }
        _ => &plan.extractor,
    };
    let result = match &page.work {
        Work::Failed(error) => return Err(error.clone()),
        Work::Bytes { bytes, charset } => extractor.extract_bytes(bytes, charset.as_deref()),
        Work::Http { block, head } => {
            let body = block.get(head.body_start..).unwrap_or_default();
            let bytes = inputs::http::decode_body(body, head, plan.max_bytes)?;
            extractor.extract_bytes(&bytes, head.content_type.as_deref())
        }
        Work::Html(html) => extractor.extract(html),
        Work::Dump(dump) => extractor.extract_text(dump),
    };
    result.map_err(|e| e.to_string())
}
