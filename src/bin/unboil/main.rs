//! `unboil`: the main text of web pages from the command line, for one page or a crawl.
//!
//! ```text
//! cargo install --path . --features cli
//! unboil --help
//! ```
//!
//! The modules: `args` (the flags), `inputs` (files, directories, stdin, WARC, JSONL),
//! `pool` (the extraction threads), `output` (text, Markdown, JSON, JSONL, files) and
//! `progress` (the progress line, messages and the summary).

mod args;
mod inputs;
mod output;
mod pool;
mod progress;

use std::process::ExitCode;

use clap::Parser;
use unboil::Extractor;

use crate::args::Args;
use crate::output::Target;
use crate::progress::Progress;

fn main() -> ExitCode {
    // clap exits 0 for --help and --version and 2 for a usage error.
    let args = Args::parse();
    let (config, inputs) = match inputs::Config::new(&args) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("unboil: {e}");
            return ExitCode::from(2);
        }
    };
    let target = match (&args.out, args.jsonl) {
        (Some(dir), _) => Target::Dir(dir.clone()),
        (None, true) => Target::Jsonl,
        (None, false) => Target::Stdout,
    };
    let mut options = args.options();
    if let Some(url) = &args.base_url {
        options = options.with_base_url(url);
    }
    let progress = Progress::new(args.quiet);
    let plan = pool::Plan {
        extractor: Extractor::new(options),
        per_page_base: args.links || args.images,
        jobs: args.jobs(),
        max_bytes: args.max_bytes,
        ordered: !args.unordered,
        target,
        format: args.format,
        config: &config,
        progress: &progress,
    };
    pool::run(&plan, &inputs);
    progress.finish();
    if progress.all_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
