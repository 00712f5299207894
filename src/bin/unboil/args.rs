//! The command line: every flag, its help text, and the library `Options` it builds.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};
use unboil::{Focus, Model, Options};

/// Strips boilerplate (menus, related links, footers, cookie notices) from web pages and prints
/// their main text.
///
/// Reads HTML files, directories of them (walked recursively), standard input (`-`, or a pipe
/// when no INPUT is given), WARC files (`.warc`, `.warc.gz`: HTML response records; the other
/// records are skipped and counted) and JSONL (`--input jsonl`: one object a line with `html`
/// and optional `id` and `url`). With `--text` the inputs are plain-text dumps of pages
/// (`.txt` files, WET conversion records, a JSONL `text` field).
///
/// Writes text, Markdown or JSON for each page (`--format`), one JSON object a page on standard
/// output (`--jsonl`), or one file a page under a directory (`--out`).
///
/// Exit status: 0 when every page was extracted, 1 when some record failed or an input was
/// damaged (each is reported on standard error with its position), 2 for a usage error.
#[derive(Debug, Parser)]
#[command(name = "unboil", version, max_term_width = 100)]
#[command(after_help = "Examples:
  unboil page.html                        main text of a page
  curl -s https://example.org/ | unboil   a page piped on stdin
  unboil --jsonl crawl.warc.gz > out.jsonl
  unboil --out texts/ --format markdown saved-pages/
  unboil --input jsonl --jsonl < pages.jsonl   (a streaming mapper: one line out per line in)")]
pub struct Args {
    /// Files, directories or `-` (standard input). With none, standard input is read when it
    /// is not a terminal.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// What the inputs hold. `auto` decides by file name: `.warc`, `.warc.gz`, `.wet`,
    /// `.wet.gz` are WARC, `.jsonl`, `.ndjson` (and `.gz` of them) are JSONL, anything else is
    /// a page; standard input is WARC when it starts like one, else a page.
    #[arg(short, long = "input", value_enum, default_value_t = InputKind::Auto)]
    pub input: InputKind,

    /// The inputs are plain-text dumps of pages rather than HTML: `.txt` files, WET
    /// conversion records in WARC files (WET files named `.wet` or `.wet.gz` are read so even
    /// without this flag), the `text` field of JSONL records.
    #[arg(long)]
    pub text: bool,

    /// Files to read inside directories, as globs on the path below the directory (`*.html`
    /// matches at any depth); repeat for several. Default: `*.html`, `*.htm`, `*.xhtml` and
    /// their `.gz`, and WARC files (with `--text`: `*.txt` and WET files).
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,

    /// Files to leave out inside directories, as globs like --include; repeat for several.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// How each page is written: its text, Markdown (with the title as a heading), or the
    /// library's JSON (title, metadata, text, blocks). With --jsonl: `markdown` adds a
    /// `markdown` field, `json` a `blocks` field.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// One JSON object a page on standard output, one line each, flushed per page: `id`,
    /// `url`, `title`, `text`, `metadata`, or `id`, `url`, `error` when the page failed.
    #[arg(long, conflicts_with = "out")]
    pub jsonl: bool,

    /// Writes one file a page under DIR (`.txt`, `.md` or `.json` by --format), named after
    /// the input: a directory's files keep their paths below it, a WARC's records are
    /// numbered in a folder named after the WARC, JSONL records are named by `id`.
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Extraction threads. Default: one per core.
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub jobs: Option<u16>,

    /// Writes pages as they finish rather than in input order (less waiting behind a slow
    /// page; the order then varies between runs).
    #[arg(long)]
    pub unordered: bool,

    /// Precision/recall trade-off.
    #[arg(long, value_enum, default_value_t = FocusArg::Balanced)]
    pub focus: FocusArg,

    /// Which fitted numbers decide: `standard` (best on news and blog articles) or `broad`
    /// (fitted on seven page types: best on listings, shop and service pages).
    #[arg(long, value_enum, default_value_t = ModelArg::Standard)]
    pub model: ModelArg,

    /// Also finds the comments below an article (`comments` in JSON; text after the page's
    /// text in the text and Markdown formats). They are never part of the main text.
    #[arg(long)]
    pub comments: bool,

    /// Keeps links in the Markdown as `[text](url)`, made absolute.
    #[arg(long)]
    pub links: bool,

    /// Keeps images in the Markdown as `![alt](src)`, made absolute.
    #[arg(long)]
    pub images: bool,

    /// The address pages were fetched from, for making links and images absolute. A WARC
    /// record's WARC-Target-URI and a JSONL record's `url` take its place for their page.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,

    /// Pages larger than this many bytes fail with "input too large" (not read into memory).
    #[arg(long, value_name = "BYTES", default_value_t = 64 << 20)]
    pub max_bytes: usize,

    /// Pages with more elements and text runs than this fail with "too many nodes".
    #[arg(long, value_name = "N", default_value_t = 4_000_000)]
    pub max_nodes: usize,

    /// Nesting deeper than this is flattened (never an error).
    #[arg(long, value_name = "N", default_value_t = 512)]
    pub max_depth: usize,

    /// Records why each block was kept or dropped: an `explanation` in JSON, one line a block
    /// after the page in the text and Markdown formats.
    #[arg(long)]
    pub explain: bool,

    /// No progress and no summary line on standard error (errors are still reported).
    #[arg(short, long)]
    pub quiet: bool,
}

/// What the inputs hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputKind {
    /// By file name (standard input: WARC when it starts like one, else a page).
    Auto,
    /// HTML pages (or plain-text dumps with --text), one a file.
    Html,
    /// WARC files, plain or gzip.
    Warc,
    /// JSON Lines, one page a line.
    Jsonl,
}

/// How each page is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The main text.
    Text,
    /// The main text as Markdown, under the title.
    #[value(alias = "md")]
    Markdown,
    /// The library's JSON: title, metadata, text, blocks.
    Json,
}

/// The library's `Focus` presets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FocusArg {
    /// Only blocks that are clearly main text.
    Precision,
    /// The best overall trade-off.
    Balanced,
    /// Borderline blocks too.
    Recall,
}

/// The library's `Model`s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModelArg {
    /// The long-shipped scores: best on news and blog articles.
    Standard,
    /// Fitted on seven page types: best on pages unlike news articles.
    Broad,
}

impl Args {
    /// The extraction options the flags ask for (without a base URL: that one is per page).
    pub fn options(&self) -> Options {
        let focus = match self.focus {
            FocusArg::Precision => Focus::Precision,
            FocusArg::Balanced => Focus::Balanced,
            FocusArg::Recall => Focus::Recall,
        };
        let model = match self.model {
            ModelArg::Standard => Model::Standard,
            ModelArg::Broad => Model::Broad,
        };
        Options::default()
            .with_focus(focus)
            .with_model(model)
            .with_comments(self.comments)
            .with_links(self.links)
            .with_images(self.images)
            .with_explain(self.explain)
            .with_max_input_bytes(self.max_bytes)
            .with_max_nodes(self.max_nodes)
            .with_max_depth(self.max_depth)
    }

    /// Extraction threads: `-j`, else one per core.
    pub fn jobs(&self) -> usize {
        match self.jobs {
            Some(n) => usize::from(n),
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        }
    }
}
