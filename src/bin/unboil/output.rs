//! What is written for a page (rendered by the workers) and where it goes (the writer): standard
//! output as text, Markdown or JSON, one JSONL line a page, or one file a page under `--out`.

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::{Value, json};
use unboil::{Block, Explanation, Extracted, Metadata};

use crate::args::Format;
use crate::inputs::Page;
use crate::progress::Progress;

/// Where pages go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Stdout,
    Jsonl,
    Dir(PathBuf),
}

/// A page ready to be written.
pub struct Rendered {
    pub id: Value,
    pub origin: String,
    pub name: PathBuf,
    pub bytes: u64,
    /// What to write: the page as formatted, or its JSONL line (an error record too).
    pub output: Option<String>,
    pub error: Option<String>,
    pub empty: bool,
}

/// A JSONL line.
#[derive(Serialize)]
struct Line<'a> {
    id: &'a Value,
    url: Option<&'a str>,
    title: Option<&'a str>,
    text: &'a str,
    metadata: &'a Metadata,
    #[serde(skip_serializing_if = "Option::is_none")]
    markdown: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    blocks: Option<&'a [Block]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    comments: Option<&'a [Block]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<Value>,
}

/// A JSONL line of a page that failed.
#[derive(Serialize)]
struct ErrorLine<'a> {
    id: &'a Value,
    url: Option<&'a str>,
    error: &'a str,
}

/// Renders one page's result for `target` in `format`.
pub fn render(
    page: Page,
    result: Result<Extracted, String>,
    target: &Target,
    format: Format,
) -> Rendered {
    let url = page.url.as_deref();
    let (output, error, empty) = match result {
        Err(error) => {
            let output = (*target == Target::Jsonl).then(|| {
                json_line(&ErrorLine {
                    id: &page.id,
                    url,
                    error: &error,
                })
            });
            (output, Some(error), false)
        }
        Ok(x) => {
            let output = match target {
                Target::Jsonl => {
                    let comments = x.comments();
                    json_line(&Line {
                        id: &page.id,
                        url,
                        title: x.title(),
                        text: x.text(),
                        metadata: x.metadata(),
                        markdown: (format == Format::Markdown).then(|| x.to_markdown()),
                        blocks: (format == Format::Json).then(|| x.blocks()),
                        comments: (!comments.is_empty()).then_some(comments),
                        explanation: x.explanation().map(explanation_json),
                    })
                }
                Target::Stdout | Target::Dir(_) => page_output(&x, format),
            };
            (Some(output), None, x.is_empty())
        }
    };
    Rendered {
        id: page.id,
        origin: page.origin,
        name: page.name,
        bytes: page.bytes,
        output,
        error,
        empty,
    }
}

fn json_line<T: Serialize>(value: &T) -> String {
    // Serialising these types cannot fail (string keys, no maps of other keys).
    let mut line =
        serde_json::to_string(value).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    line.push('\n');
    line
}

/// One page as text, Markdown or the library's JSON.
fn page_output(x: &Extracted, format: Format) -> String {
    let mut out = match format {
        Format::Text => format!("{}\n", x.text()),
        Format::Markdown => match x.title() {
            Some(title) => format!("# {title}\n\n{}", x.to_markdown()),
            None => x.to_markdown(),
        },
        Format::Json => {
            // Straight from the library's `Serialize` (scores printed as the f32 they are),
            // with the explanation added when there is one.
            let mut s = match x.explanation() {
                None => serde_json::to_string_pretty(x),
                Some(e) => serde_json::to_value(x).and_then(|mut value| {
                    if let Value::Object(map) = &mut value {
                        map.insert("explanation".into(), explanation_json(e));
                    }
                    serde_json::to_string_pretty(&value)
                }),
            }
            .unwrap_or_default();
            s.push('\n');
            return s;
        }
    };
    if !out.ends_with('\n') {
        out.push('\n');
    }
    if !x.comments().is_empty() {
        out.push_str(if format == Format::Markdown {
            "\n## Comments\n\n"
        } else {
            "\n--- comments\n\n"
        });
        let texts: Vec<&str> = x.comments().iter().map(Block::text).collect();
        out.push_str(&texts.join("\n\n"));
        out.push('\n');
    }
    if let Some(e) = x.explanation() {
        out.push_str("\n--- explanation: decision, score, strongest reasons, start of the block\n");
        out.push_str(&format!(
            "container: {}\n",
            e.container.as_deref().unwrap_or("(none)")
        ));
        for (block, why) in x.blocks().iter().zip(&e.blocks) {
            let mut reasons = why.reasons.clone();
            reasons.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
            let top: Vec<String> = reasons
                .iter()
                .take(3)
                .map(|(r, w)| format!("{}{w:+.1}", reason_name(r)))
                .collect();
            let start: String = block.text().chars().take(60).collect();
            out.push_str(&format!(
                "{:<11} {:>6.2} {:<40} {}\n",
                format!("{:?}", block.decision()),
                block.score(),
                top.join(" "),
                start.replace('\n', " ")
            ));
        }
    }
    out
}

/// `Reason::Hint("nav")` as `hint:nav`, the others by name.
fn reason_name(r: &unboil::Reason) -> String {
    match r {
        unboil::Reason::Hint(h) => format!("hint:{h}"),
        other => format!("{other:?}"),
    }
}

/// The explanation as JSON (the library has no serde for it).
fn explanation_json(e: &Explanation) -> Value {
    let blocks: Vec<Value> = e
        .blocks
        .iter()
        .map(|b| {
            let f = &b.features;
            json!({
                "kind": b.kind,
                "decision": b.decision,
                "score": b.score,
                "reasons": b.reasons.iter().map(|(r, w)| json!([reason_name(r), w])).collect::<Vec<_>>(),
                "features": {
                    "chars": f.chars, "words": f.words, "link_chars": f.link_chars,
                    "link_density": f.link_density, "sentence_marks": f.sentence_marks,
                    "ends_sentence": f.ends_sentence, "position": f.position, "depth": f.depth,
                    "tag_path": f.tag_path, "hints": f.hints, "in_container": f.in_container,
                },
            })
        })
        .collect();
    json!({ "container": e.container, "blocks": blocks })
}

/// Writes rendered pages in turn.
pub struct Writer<'a> {
    target: Target,
    format: Format,
    progress: &'a Progress,
    stdout: io::StdoutLock<'static>,
    /// Text to standard output: the first page waits until a second shows there are several
    /// (then each gets a `==> id <==` line above it, as `head` does).
    first: Option<(String, String)>,
    several: bool,
    /// File names used under `--out`, so that two pages never share one.
    names: HashSet<PathBuf>,
}

impl<'a> Writer<'a> {
    pub fn new(target: Target, format: Format, progress: &'a Progress) -> Self {
        Writer {
            target,
            format,
            progress,
            stdout: io::stdout().lock(),
            first: None,
            several: false,
            names: HashSet::new(),
        }
    }

    /// Writes one page; `Err` when standard output is gone (a closed pipe).
    pub fn write(&mut self, page: Rendered) -> io::Result<()> {
        let mut failed = page.error.is_some();
        if let Some(error) = &page.error {
            self.progress.say(&format!("{}: {error}", page.origin));
        }
        let result = match (&self.target, page.output) {
            (_, None) => Ok(()),
            (Target::Jsonl, Some(line)) => {
                // Flushed per line, for a pipe that waits for each answer (Spark's `pipe`).
                self.stdout
                    .write_all(line.as_bytes())
                    .and_then(|()| self.stdout.flush())
            }
            (Target::Stdout, Some(text)) => {
                let id = match &page.id {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                if self.several {
                    write!(self.stdout, "\n==> {id} <==\n{text}").and_then(|()| self.stdout.flush())
                } else if let Some((first_id, first_text)) = self.first.take() {
                    self.several = true;
                    write!(
                        self.stdout,
                        "==> {first_id} <==\n{first_text}\n==> {id} <==\n{text}"
                    )
                    .and_then(|()| self.stdout.flush())
                } else {
                    self.first = Some((id, text));
                    Ok(())
                }
            }
            (Target::Dir(dir), Some(text)) => {
                let dir = dir.clone();
                let path = self.unique_path(&dir, &page.name);
                if let Err(e) = write_file(&path, &text) {
                    failed = true;
                    self.progress.say(&format!(
                        "{}: cannot write {}: {e}",
                        page.origin,
                        path.display()
                    ));
                }
                Ok(())
            }
        };
        self.progress.page(page.bytes, failed, page.empty);
        result
    }

    /// Writes what is still held back (a single page to standard output).
    pub fn finish(&mut self) -> io::Result<()> {
        if let Some((_, text)) = self.first.take() {
            self.stdout.write_all(text.as_bytes())?;
        }
        self.stdout.flush()
    }

    fn unique_path(&mut self, dir: &Path, name: &Path) -> PathBuf {
        let ext = match self.format {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Json => "json",
        };
        // Keep the name inside DIR whatever the input called itself.
        let clean: PathBuf = name
            .components()
            .filter_map(|c| match c {
                std::path::Component::Normal(s) => Some(s),
                _ => None,
            })
            .collect();
        let clean = if clean.as_os_str().is_empty() {
            PathBuf::from("page")
        } else {
            clean
        };
        let stem = clean.to_string_lossy().into_owned();
        let mut candidate = PathBuf::from(format!("{stem}.{ext}"));
        let mut n = 2;
        while !self.names.insert(candidate.clone()) {
            candidate = PathBuf::from(format!("{stem}-{n}.{ext}"));
            n += 1;
        }
        dir.join(candidate)
    }
}

fn write_file(path: &Path, text: &str) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, text)
}
