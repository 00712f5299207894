//! Where pages come from: files, directories (walked), standard input, WARC and JSONL streams.
//! Everything is turned into [`Page`]s, handed on one at a time as they are read.

pub mod gzip;
pub mod http;
pub mod jsonl;
pub mod warc;

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read};
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde_json::Value;

use crate::args::{Args, InputKind};
use crate::progress::Progress;

/// One page to extract, with what identifies it.
pub struct Page {
    /// `id` in JSONL: the WARC-Record-ID, the JSONL record's id (else its line number), the
    /// file's path below its directory (else as given), `-` for standard input.
    pub id: Value,
    /// `url` in JSONL: the WARC-Target-URI, the JSONL record's url, the file's path.
    pub url: Option<String>,
    /// The file name under `--out`, without extension.
    pub name: PathBuf,
    /// Where the page is, for messages: file, record number and position, id.
    pub origin: String,
    /// Size of the input, for the MB/s of the progress line.
    pub bytes: u64,
    pub work: Work,
}

/// What there is to extract.
pub enum Work {
    /// A page's bytes and the charset hint (an HTTP Content-Type value).
    Bytes {
        bytes: Vec<u8>,
        charset: Option<String>,
    },
    /// An HTTP response block: the body is decoded (chunks, gzip) by the worker.
    Http { block: Vec<u8>, head: http::Head },
    /// A page as text (a JSONL string).
    Html(String),
    /// A plain-text dump.
    Dump(String),
    /// The record could not be read: why.
    Failed(String),
}

/// What the reader needs from the command line.
pub struct Config {
    pub text_mode: bool,
    pub kind: InputKind,
    pub max_bytes: usize,
    include: GlobSet,
    exclude: GlobSet,
}

/// The inputs named on the command line.
pub enum Input {
    Stdin,
    Path(PathBuf),
}

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Page,
    Warc { wet: bool },
    Jsonl,
}

impl Config {
    /// The configuration and the inputs; `Err` is a usage error.
    pub fn new(args: &Args) -> Result<(Config, Vec<Input>), String> {
        let globs = |patterns: &[String]| -> Result<GlobSet, String> {
            let mut set = GlobSetBuilder::new();
            for p in patterns {
                set.add(Glob::new(p).map_err(|e| format!("bad glob {p:?}: {e}"))?);
            }
            set.build().map_err(|e| e.to_string())
        };
        let defaults: &[&str] = if args.text {
            &["*.txt", "*.txt.gz", "*.wet", "*.wet.gz"]
        } else {
            &[
                "*.html",
                "*.htm",
                "*.xhtml",
                "*.html.gz",
                "*.htm.gz",
                "*.warc",
                "*.warc.gz",
            ]
        };
        let default_include: Vec<String> =
            defaults.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let include = if args.include.is_empty() {
            &default_include
        } else {
            &args.include
        };
        let config = Config {
            text_mode: args.text,
            kind: args.input,
            max_bytes: args.max_bytes,
            include: globs(include)?,
            exclude: globs(&args.exclude)?,
        };
        let mut inputs: Vec<Input> = args
            .inputs
            .iter()
            .map(|p| {
                if p.as_os_str() == "-" {
                    Input::Stdin
                } else {
                    Input::Path(p.clone())
                }
            })
            .collect();
        if inputs.is_empty() {
            if io::stdin().is_terminal() {
                return Err(
                    "no input: name files or directories, or pipe a page in (see --help)".into(),
                );
            }
            inputs.push(Input::Stdin);
        }
        if inputs.iter().filter(|i| matches!(i, Input::Stdin)).count() > 1 {
            return Err("standard input (-) can be read only once".into());
        }
        Ok((config, inputs))
    }

    fn file_kind(&self, path: &Path) -> FileKind {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let wet = name.ends_with(".wet");
        match self.kind {
            InputKind::Warc => FileKind::Warc { wet },
            InputKind::Jsonl => FileKind::Jsonl,
            InputKind::Html => FileKind::Page,
            InputKind::Auto if name.ends_with(".warc") || wet => FileKind::Warc { wet },
            InputKind::Auto if name.ends_with(".jsonl") || name.ends_with(".ndjson") => {
                FileKind::Jsonl
            }
            InputKind::Auto => FileKind::Page,
        }
    }
}

/// Hands pages to `emit` in input order; stops early when `emit` returns false (the output
/// went away).
pub struct Reader<'a> {
    pub config: &'a Config,
    pub progress: &'a Progress,
    pub emit: &'a mut dyn FnMut(Page) -> bool,
}

impl Reader<'_> {
    /// Reads every input in turn.
    pub fn run(&mut self, inputs: &[Input]) {
        for input in inputs {
            let go_on = match input {
                Input::Stdin => self.stdin(),
                Input::Path(path) => self.path(path),
            };
            if !go_on {
                return;
            }
        }
    }

    fn stdin(&mut self) -> bool {
        let stdin = io::stdin().lock();
        let mut stdin = BufReader::with_capacity(256 << 10, stdin);
        match self.config.kind {
            InputKind::Jsonl => self.jsonl(stdin, "stdin", Path::new("")),
            InputKind::Warc => self.warc(stdin, "stdin", Path::new("stdin"), false),
            InputKind::Html => self.single(stdin, "-", "stdin", None, Path::new("stdin")),
            InputKind::Auto => {
                // A WARC on a pipe is told by its first bytes (plain, or gzip of a WARC).
                let head = stdin.fill_buf().map(<[u8]>::to_vec).unwrap_or_default();
                let warc = head.starts_with(b"WARC/")
                    || (gzip::is_gzip(&head) && gunzipped_start(&head).starts_with(b"WARC/"));
                if warc {
                    self.warc(stdin, "stdin", Path::new("stdin"), false)
                } else {
                    self.single(stdin, "-", "stdin", None, Path::new("stdin"))
                }
            }
        }
    }

    fn path(&mut self, path: &Path) -> bool {
        let shown = path.display().to_string();
        match std::fs::metadata(path) {
            Err(e) => match self.config.file_kind(path) {
                FileKind::Page => {
                    let name = PathBuf::from(path.file_name().unwrap_or(path.as_os_str()));
                    (self.emit)(failed_page(&shown, &shown, &name, e.to_string()))
                }
                _ => {
                    self.progress.damaged(&format!("{shown}: {e}"));
                    true
                }
            },
            Ok(m) if m.is_dir() => self.directory(path),
            Ok(_) => {
                let name = PathBuf::from(path.file_name().unwrap_or(path.as_os_str()));
                self.file(path, &shown, &name)
            }
        }
    }

    fn directory(&mut self, root: &Path) -> bool {
        let walk = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name();
        for entry in walk {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    self.progress.damaged(&e.to_string());
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
            if !self.config.include.is_match(rel) || self.config.exclude.is_match(rel) {
                continue;
            }
            let id = rel.to_string_lossy().into_owned();
            if !self.file(entry.path(), &id, rel) {
                return false;
            }
        }
        true
    }

    /// A file: `id` names it in the output, `name` is its path under `--out`.
    fn file(&mut self, path: &Path, id: &str, name: &Path) -> bool {
        let shown = path.display().to_string();
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => {
                return match self.config.file_kind(path) {
                    FileKind::Page => (self.emit)(failed_page(id, &shown, name, e.to_string())),
                    _ => {
                        self.progress.damaged(&format!("{shown}: {e}"));
                        true
                    }
                };
            }
        };
        let reader = BufReader::with_capacity(256 << 10, file);
        match self.config.file_kind(path) {
            FileKind::Page => self.single(reader, id, &shown, Some(&shown), name),
            FileKind::Warc { wet } => self.warc(reader, &shown, &strip_extensions(name), wet),
            FileKind::Jsonl => self.jsonl(reader, &shown, &strip_extensions(name)),
        }
    }

    /// One page (or dump) from a stream, gzip or not.
    fn single<R: BufRead>(
        &mut self,
        mut reader: R,
        id: &str,
        shown: &str,
        url: Option<&str>,
        name: &Path,
    ) -> bool {
        let limit = self.config.max_bytes;
        let head = reader.fill_buf().map(<[u8]>::to_vec).unwrap_or_default();
        let mut bytes = Vec::new();
        let read = if gzip::is_gzip(&head) {
            flate2::bufread::MultiGzDecoder::new(reader)
                .take(limit as u64 + 1)
                .read_to_end(&mut bytes)
        } else {
            reader.take(limit as u64 + 1).read_to_end(&mut bytes)
        };
        let work = match read {
            Err(e) => Work::Failed(format!("read error: {e}")),
            Ok(_) if bytes.len() > limit => {
                Work::Failed(format!("input too large: more than {limit} bytes"))
            }
            Ok(_) if self.config.text_mode => {
                Work::Dump(String::from_utf8_lossy(&bytes).into_owned())
            }
            Ok(_) => Work::Bytes {
                bytes,
                charset: None,
            },
        };
        let size = match &work {
            Work::Bytes { bytes, .. } => bytes.len(),
            Work::Dump(s) => s.len(),
            _ => 0,
        };
        (self.emit)(Page {
            id: Value::from(id),
            url: url.map(str::to_string),
            name: strip_extensions(name),
            origin: shown.to_string(),
            bytes: size as u64,
            work,
        })
    }

    fn warc<R: BufRead>(&mut self, mut reader: R, shown: &str, folder: &Path, wet: bool) -> bool {
        let head = reader.fill_buf().map(<[u8]>::to_vec).unwrap_or_default();
        let consumed = head.len();
        reader.consume(consumed);
        let text_mode = self.config.text_mode || wet;
        let mut records = warc::Reader::new(head, reader, text_mode, self.config.max_bytes);
        while let Some(item) = records.next_item() {
            let (record, work) = match item {
                warc::Item::Skipped(reason) => {
                    self.progress.skipped(&reason);
                    continue;
                }
                warc::Item::Damaged(message) => {
                    self.progress.damaged(&format!("{shown}: {message}"));
                    continue;
                }
                warc::Item::Failed { record, error } => (record, Work::Failed(error)),
                warc::Item::Page(mut record) => {
                    let work = match std::mem::take(&mut record.payload) {
                        warc::Payload::Html {
                            block,
                            head: Some(head),
                            ..
                        } => Work::Http { block, head },
                        warc::Payload::Html {
                            block,
                            head: None,
                            content_type,
                        } => Work::Bytes {
                            bytes: block,
                            charset: content_type,
                        },
                        warc::Payload::Text(text) => {
                            Work::Dump(String::from_utf8_lossy(&text).into_owned())
                        }
                        warc::Payload::None => Work::Failed("empty record".into()),
                    };
                    (record, work)
                }
            };
            let bytes = match &work {
                Work::Http { block, .. } => block.len(),
                Work::Bytes { bytes, .. } => bytes.len(),
                Work::Dump(s) => s.len(),
                _ => 0,
            };
            let page = Page {
                id: Value::from(
                    record
                        .id
                        .clone()
                        .unwrap_or_else(|| format!("{shown}#{}", record.number)),
                ),
                url: record.url.clone(),
                name: folder.join(record.number.to_string()),
                origin: format!("{shown}: {}", record.describe()),
                bytes: bytes as u64,
                work,
            };
            if !(self.emit)(page) {
                return false;
            }
        }
        true
    }

    fn jsonl<R: BufRead>(&mut self, mut reader: R, shown: &str, folder: &Path) -> bool {
        let head = reader.fill_buf().map(<[u8]>::to_vec).unwrap_or_default();
        if gzip::is_gzip(&head) {
            let unzipped =
                BufReader::with_capacity(256 << 10, flate2::bufread::MultiGzDecoder::new(reader));
            return self.jsonl_lines(unzipped, shown, folder);
        }
        self.jsonl_lines(reader, shown, folder)
    }

    fn jsonl_lines<R: BufRead>(&mut self, mut reader: R, shown: &str, folder: &Path) -> bool {
        // JSON escapes make a line longer than its page; twice the limit leaves room for them.
        let max_line = self
            .config
            .max_bytes
            .saturating_mul(2)
            .saturating_add(1 << 20);
        let mut line = Vec::new();
        let mut number = 0u64;
        loop {
            let got = match jsonl::next_line(&mut reader, max_line, &mut line) {
                Ok(None) => return true,
                Ok(Some(got)) => got,
                Err(e) => {
                    self.progress
                        .damaged(&format!("{shown}: read error after line {number}: {e}"));
                    return true;
                }
            };
            number += 1;
            let entry = match got {
                Ok(()) => jsonl::parse(&line, number, self.config.text_mode),
                Err(len) => jsonl::Entry::Failed {
                    id: Value::from(number),
                    url: None,
                    error: format!("input too large: a line of {len} bytes"),
                },
            };
            let (id, url, work) = match entry {
                jsonl::Entry::Blank => continue,
                jsonl::Entry::Failed { id, url, error } => (id, url, Work::Failed(error)),
                jsonl::Entry::Page { id, url, source } if self.config.text_mode => {
                    (id, url, Work::Dump(source))
                }
                jsonl::Entry::Page { id, url, source } => (id, url, Work::Html(source)),
            };
            let shown_id = match &id {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let page = Page {
                name: folder.join(file_name_for(&id).unwrap_or_else(|| number.to_string())),
                origin: format!("{shown}: line {number} (id {shown_id})"),
                bytes: line.len() as u64,
                id,
                url,
                work,
            };
            if !(self.emit)(page) {
                return false;
            }
        }
    }
}

fn failed_page(id: &str, shown: &str, name: &Path, error: String) -> Page {
    Page {
        id: Value::from(id),
        url: Some(shown.to_string()),
        name: strip_extensions(name),
        origin: shown.to_string(),
        bytes: 0,
        work: Work::Failed(error),
    }
}

/// The first decompressed bytes of a gzip stream's start (to tell a WARC on a pipe).
fn gunzipped_start(head: &[u8]) -> Vec<u8> {
    let mut out = vec![0; 16];
    let n = flate2::read::GzDecoder::new(head)
        .read(&mut out)
        .unwrap_or(0);
    out.truncate(n);
    out
}

/// `dir/page.html.gz` as `dir/page`, `crawl.warc.gz` as `crawl`.
fn strip_extensions(name: &Path) -> PathBuf {
    let mut name = name.to_path_buf();
    if name
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
    {
        name.set_extension("");
    }
    if name.extension().is_some() {
        name.set_extension("");
    }
    name
}

/// A JSONL id as a file name, when it is a short string or number that is safe as one.
fn file_name_for(id: &Value) -> Option<String> {
    let s = match id {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let safe = !s.is_empty()
        && s.len() <= 200
        && !s.starts_with('.')
        && s.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c));
    safe.then_some(s)
}
