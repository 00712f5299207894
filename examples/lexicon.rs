//! Counts, for every entry of every word and phrase list of the crate (the lexicon), on how many
//! pages of a dataset it occurs, in the way the code matches it.
//!
//! ```text
//! cargo run --release --example lexicon -- DATASET_DIR [--under N]
//! ```
//!
//! DATASET_DIR holds `manifest.jsonl` (`id`, `html`, `text`) and the files it names; run it on
//! the training set (`wcxb-train`), never to pick entries from a check set. The house rule: an
//! entry stays when it occurs on at least three training pages or is a documented convention of
//! the field (its list names the convention).
//!
//! Prints one line per entry, `list<TAB>entry<TAB>pages<TAB>flag`, where the flag is `UNDER` for
//! an entry on fewer than N pages (3 by default) whose list is no convention, `convention` for
//! an entry of a convention's list under N, and empty otherwise; then a summary per list. Exits 1
//! when an entry is flagged `UNDER`, so that the command can guard the lexicon.
//!
//! How a page is read, per [`LexiconMatch`]:
//! - class and id tokens: every `class` and `id` attribute value of the HTML, cut into tokens
//!   at non-letters and at lower-to-upper case changes, lowered (as `hints` cuts them);
//! - text: the page's text dump (`text`) and the text between the tags of its HTML (scripts and
//!   styles left out), each lowered; lines are the lines of the dump and the text nodes;
//! - title parts: the HTML `<title>`, split at the usual separators, and every text line.
//!
//! The count errs towards keeping: a line-start entry may follow a count ("18 Reviews"), as the
//! review headers allow, and a page counts when either text has the entry.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use unboil::training::{LexiconMatch, lexicon};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut dir: Option<PathBuf> = None;
    let mut under = 3usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--under" => under = args.next().and_then(|n| n.parse().ok()).unwrap_or(3),
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: lexicon DATASET_DIR [--under N]");
        return ExitCode::from(2);
    };
    match run(&dir, under) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// What the counting needs of one page.
struct Page {
    tokens: HashSet<String>,
    /// Dump text and HTML text, lowered, one after the other with a blank line between.
    lower: String,
    /// The same, as written.
    raw: String,
    words: HashSet<String>,
    lines: Vec<String>,
    line_set: HashSet<String>,
    title_parts: HashSet<String>,
}

fn run(dir: &Path, under: usize) -> Result<bool, String> {
    let manifest = read(&dir.join("manifest.jsonl"))?;
    let mut pages = Vec::new();
    let mut ids = Vec::new();
    for line in manifest.lines().filter(|l| !l.trim().is_empty()) {
        let doc: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("manifest: {e}"))?;
        let field = |k: &str| doc.get(k).and_then(|v| v.as_str()).unwrap_or_default();
        ids.push(field("id").to_string());
        let html = read(&dir.join(field("html")))?;
        let dump = if field("text").is_empty() {
            String::new()
        } else {
            read(&dir.join(field("text"))).unwrap_or_default()
        };
        pages.push(page(&html, &dump));
    }
    // Sorted input, fixed order: the output is the same on every run.
    let mut order: Vec<usize> = (0..pages.len()).collect();
    order.sort_by(|&a, &b| ids[a].cmp(&ids[b]));

    let mut clean = true;
    let mut summary: Vec<(String, usize, usize, Vec<String>)> = Vec::new();
    for list in lexicon() {
        let mut flagged = Vec::new();
        for entry in list.entries {
            let n = order
                .iter()
                .filter(|&&i| occurs(&pages[i], list.how, entry))
                .count();
            let flag = if n >= under {
                ""
            } else if list.convention.is_some() {
                "convention"
            } else {
                clean = false;
                flagged.push(format!("{entry} ({n})"));
                "UNDER"
            };
            println!("{}\t{entry}\t{n}\t{flag}", list.name);
        }
        summary.push((
            list.name.to_string(),
            list.entries.len(),
            flagged.len(),
            flagged,
        ));
    }
    let total: usize = summary.iter().map(|s| s.1).sum();
    let flagged: usize = summary.iter().map(|s| s.2).sum();
    println!(
        "# {} lists, {total} entries, {flagged} on fewer than {under} of {} pages",
        summary.len(),
        pages.len()
    );
    for (name, n, f, which) in &summary {
        if *f > 0 {
            println!("# {name}: {f} of {n}: {}", which.join(", "));
        }
    }
    Ok(clean)
}

fn occurs(p: &Page, how: LexiconMatch, entry: &str) -> bool {
    let e = entry.to_lowercase();
    match how {
        LexiconMatch::ClassToken => p.tokens.contains(&e),
        LexiconMatch::ClassStem => p
            .tokens
            .iter()
            .any(|t| t.starts_with(&e) || t.ends_with(&e)),
        LexiconMatch::Word => {
            if is_one_word(&e) {
                p.words.contains(&e)
            } else {
                has_word(&p.lower, &e)
            }
        }
        LexiconMatch::WordCase => has_word(&p.raw, entry),
        LexiconMatch::Substring => p.lower.contains(&e),
        LexiconMatch::Line => p.line_set.contains(&e),
        LexiconMatch::LineStart => p.lines.iter().any(|l| opens(uncounted(l), &e)),
        LexiconMatch::AfterAbout => unboil::training::lexicon()
            .iter()
            .filter(|l| l.name == "ABOUT_WORDS")
            .flat_map(|l| l.entries)
            .any(|a| p.line_set.contains(&format!("{a} {e}"))),
        LexiconMatch::TitlePart => p.title_parts.contains(&e) || p.line_set.contains(&e),
    }
}

fn is_one_word(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char::is_alphanumeric)
}

/// `needle` occurs in `hay` with no letter or digit right before or after it.
fn has_word(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        // An entry that ends in punctuation or a space ("by ", "author:") sets its own edge.
        let open_end = needle.ends_with(|c: char| !c.is_alphanumeric());
        edge(before) && (open_end || edge(after))
    })
}

/// A line without a leading count: "18 reviews" reads as "reviews".
fn uncounted(line: &str) -> &str {
    line.trim_start_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || matches!(c, '.' | ',' | '·' | '|')
    })
}

/// `line` opens with `entry`, ending at a word boundary (or the entry is not ASCII, as the
/// code allows for scripts without spaces).
fn opens(line: &str, entry: &str) -> bool {
    line.strip_prefix(entry).is_some_and(|r| {
        !entry.is_ascii()
            || entry.ends_with(|c: char| !c.is_alphanumeric())
            || r.chars().next().is_none_or(|c| !c.is_alphanumeric())
    })
}

fn page(html: &str, dump: &str) -> Page {
    let html_text = html_text(html);
    let raw = format!("{dump}\n\n{}", html_text.join("\n"));
    let lower = raw.to_lowercase();
    let lines: Vec<String> = lower
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let line_set = lines
        .iter()
        .map(|l| l.trim_end_matches([':', '.']).trim_end().to_string())
        .collect();
    let words = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let mut title_parts = HashSet::new();
    if let Some(t) = title(html) {
        let t = t.to_lowercase();
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut parts = vec![t.clone()];
        for sep in [
            " | ", " - ", " – ", " — ", " : ", ": ", " · ", " :: ", " » ", " / ",
        ] {
            parts = parts
                .iter()
                .flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>())
                .collect();
        }
        title_parts.insert(t);
        title_parts.extend(parts.into_iter().map(|p| p.trim().to_string()));
    }
    Page {
        tokens: class_tokens(html),
        lower,
        raw,
        words,
        lines,
        line_set,
        title_parts,
    }
}

/// The text of `<title>`, entities left as written.
fn title(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let start = lower.find("<title")?;
    let open_end = lower[start..].find('>')? + start + 1;
    let close = lower[open_end..].find("</title")? + open_end;
    Some(decode(&html[open_end..close]))
}

/// The text nodes of an HTML page, outside scripts, styles and comments, with a few common
/// entities decoded. Crude, but it only has to find words.
fn html_text(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut i = 0;
    let n = html.len();
    while i < n {
        let Some(lt) = lower[i..].find('<').map(|k| k + i) else {
            push_text(&mut out, &html[i..]);
            break;
        };
        push_text(&mut out, &html[i..lt]);
        let rest = &lower[lt..];
        let skip_to = if rest.starts_with("<!--") {
            rest.find("-->").map(|k| lt + k + 3)
        } else if rest.starts_with("<script") {
            rest.find("</script").map(|k| lt + k + 8)
        } else if rest.starts_with("<style") {
            rest.find("</style").map(|k| lt + k + 7)
        } else {
            None
        };
        let from = skip_to.unwrap_or(lt);
        i = match lower[from..].find('>') {
            Some(k) => from + k + 1,
            None => n,
        };
        while i < n && !html.is_char_boundary(i) {
            i += 1;
        }
    }
    out
}

fn push_text(out: &mut Vec<String>, s: &str) {
    let t = decode(s);
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if !t.is_empty() {
        out.push(t);
    }
}

fn decode(s: &str) -> String {
    s.replace("&nbsp;", " ")
        .replace("&#39;", "'")
        .replace("&#039;", "'")
        .replace("&rsquo;", "’")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Every token of every `class` and `id` value of the page, lowered.
fn class_tokens(html: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let lower = html.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    for name in ["class", "id"] {
        for (at, _) in lower.match_indices(name) {
            // An attribute: whitespace before the name, `=` after it (spaces allowed).
            if at == 0 || !bytes[at - 1].is_ascii_whitespace() {
                continue;
            }
            let mut k = at + name.len();
            while k < bytes.len() && bytes[k].is_ascii_whitespace() {
                k += 1;
            }
            if bytes.get(k) != Some(&b'=') {
                continue;
            }
            k += 1;
            while k < bytes.len() && bytes[k].is_ascii_whitespace() {
                k += 1;
            }
            let (start, end) = match bytes.get(k) {
                Some(&q @ (b'"' | b'\'')) => {
                    let s = k + 1;
                    let e = lower[s..].find(q as char).map_or(bytes.len(), |e| s + e);
                    (s, e)
                }
                Some(_) => {
                    let e = lower[k..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .map_or(bytes.len(), |e| k + e);
                    (k, e)
                }
                None => continue,
            };
            // Cut the value as written (camelCase needs the case), then lower.
            if let Some(value) = html.get(start..end) {
                for tok in tokens(value) {
                    out.insert(tok.to_ascii_lowercase());
                }
            }
        }
    }
    out
}

/// Runs of ASCII letters, cut again where a capital follows a lower-case letter.
fn tokens(value: &str) -> Vec<&str> {
    let b = value.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..=b.len() {
        let boundary = match b.get(i) {
            None => true,
            Some(c) if !c.is_ascii_alphabetic() => true,
            Some(c) if c.is_ascii_uppercase() && i > start => b[i - 1].is_ascii_lowercase(),
            _ => false,
        };
        if boundary {
            if i > start {
                out.push(&value[start..i]);
            }
            start = if b.get(i).is_some_and(u8::is_ascii_alphabetic) {
                i
            } else {
                i + 1
            };
        }
    }
    out
}
