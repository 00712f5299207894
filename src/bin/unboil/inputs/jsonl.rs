//! JSON Lines: one page a line, `{"id": …, "url": "…", "html": "…"}` (`text` instead of `html`
//! with `--text`). A line that is not such an object fails alone.

use std::io::{self, BufRead};

use serde::Deserialize;
use serde_json::Value;

/// The fields read from a line; any others are ignored.
#[derive(Deserialize)]
struct Line {
    id: Option<Value>,
    url: Option<Value>,
    html: Option<Value>,
    text: Option<Value>,
}

/// What one line gave.
pub enum Entry {
    /// A page (or dump): id (the line's, else its number), url, and the text.
    Page {
        id: Value,
        url: Option<String>,
        source: String,
    },
    /// A line that is not a page record: the id when it had one, and why.
    Failed {
        id: Value,
        url: Option<String>,
        error: String,
    },
    /// A blank line.
    Blank,
}

/// Reads lines of at most `max_line` bytes; a longer line is skipped as it streams past and
/// reported. `Ok(None)` at the end.
pub fn next_line<R: BufRead>(
    reader: &mut R,
    max_line: usize,
    line: &mut Vec<u8>,
) -> io::Result<Option<Result<(), usize>>> {
    line.clear();
    let mut skipped = 0usize;
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(match (line.is_empty(), skipped) {
                (true, 0) => None,
                (_, 0) => Some(Ok(())),
                (_, n) => Some(Err(n)),
            });
        }
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], i + 1),
            None => (buf, buf.len()),
        };
        let ends = done > chunk.len();
        if skipped > 0 || line.len() + chunk.len() > max_line {
            skipped += line.len() + chunk.len();
            line.clear();
        } else {
            line.extend_from_slice(chunk);
        }
        reader.consume(done);
        if ends {
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            return Ok(Some(if skipped > 0 { Err(skipped) } else { Ok(()) }));
        }
    }
}

/// Reads one line as a page record. `number` is the 1-based line number, the id when the
/// record has none.
pub fn parse(line: &[u8], number: u64, text_mode: bool) -> Entry {
    if line.iter().all(u8::is_ascii_whitespace) {
        return Entry::Blank;
    }
    let fallback = Value::from(number);
    let parsed: Line = match serde_json::from_slice(line) {
        Ok(l) => l,
        Err(e) => {
            let what = if serde_json::from_slice::<Value>(line).is_ok() {
                format!("not a JSON object with string fields ({e})")
            } else {
                format!("not JSON ({e})")
            };
            return Entry::Failed {
                id: fallback,
                url: None,
                error: what,
            };
        }
    };
    let id = match parsed.id {
        Some(Value::Null) | None => fallback,
        Some(id) => id,
    };
    let url = parsed.url.and_then(|u| u.as_str().map(str::to_string));
    let field = if text_mode { "text" } else { "html" };
    let value = if text_mode { parsed.text } else { parsed.html };
    match value {
        Some(Value::String(source)) => Entry::Page { id, url, source },
        _ => Entry::Failed {
            id,
            url,
            error: format!("no \"{field}\" string in the record"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_skipped_alone() {
        let mut input: &[u8] = b"short\nxxxxxxxxxxxxxxxxxxxx\nafter\nlast";
        let mut line = Vec::new();
        let mut got = Vec::new();
        while let Some(r) = next_line(&mut input, 10, &mut line).unwrap() {
            got.push(r.map(|()| String::from_utf8(line.clone()).unwrap()));
        }
        assert_eq!(
            got,
            vec![
                Ok("short".into()),
                Err(20),
                Ok("after".into()),
                Ok("last".into())
            ]
        );
    }

    #[test]
    fn records() {
        assert!(matches!(
            parse(br#"{"id":"a","html":"<p>x</p>"}"#, 1, false),
            Entry::Page {
                id: Value::String(_),
                ..
            }
        ));
        assert!(matches!(parse(b"  ", 2, false), Entry::Blank));
        let Entry::Failed { id, error, .. } = parse(b"{nope", 3, false) else {
            panic!()
        };
        assert_eq!((id, error.starts_with("not JSON")), (Value::from(3), true));
        let Entry::Failed { error, .. } = parse(br#"{"html":"<p>x</p>"}"#, 4, true) else {
            panic!()
        };
        assert!(error.contains("\"text\""));
    }
}
