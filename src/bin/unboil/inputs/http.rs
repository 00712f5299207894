//! The HTTP response inside a WARC response record: status line, headers, and the body with
//! its transfer and content encodings undone.

use std::io::Read;

use flate2::read::{MultiGzDecoder, ZlibDecoder};

/// What the headers of a response say.
#[derive(Debug, Default)]
pub struct Head {
    /// Where the body starts in the record's block.
    pub body_start: usize,
    /// The `Content-Type` header's value, whole (the library reads its charset).
    pub content_type: Option<String>,
    /// `Transfer-Encoding: chunked` (crawlers that store the raw stream keep it).
    pub chunked: bool,
    /// `Content-Encoding`, lowercased, when not `identity`.
    pub content_encoding: Option<String>,
}

/// A header line's name, lowercased, and its value, both trimmed; `None` without a colon. The
/// WARC record headers have the same form.
pub fn header_field(line: &[u8]) -> Option<(String, String)> {
    let colon = line.iter().position(|&b| b == b':')?;
    let name = String::from_utf8_lossy(&line[..colon])
        .trim()
        .to_ascii_lowercase();
    let value = String::from_utf8_lossy(&line[colon + 1..])
        .trim()
        .to_string();
    Some((name, value))
}

/// Parses the status line and headers at the start of `block`; `None` when they do not end
/// within it (or it does not start like an HTTP response).
pub fn parse_head(block: &[u8]) -> Option<Head> {
    if !block.starts_with(b"HTTP/") {
        return None;
    }
    let mut head = Head::default();
    let mut at = 0;
    let mut first = true;
    loop {
        let rest = block.get(at..)?;
        let nl = rest.iter().position(|&b| b == b'\n')?;
        let line = trim_cr(&rest[..nl]);
        at += nl + 1;
        if line.is_empty() {
            head.body_start = at;
            return Some(head);
        }
        if std::mem::take(&mut first) {
            continue;
        }
        let Some((name, value)) = header_field(line) else {
            continue;
        };
        match name.as_str() {
            "content-type" => head.content_type = Some(value),
            "transfer-encoding" => {
                head.chunked = value.to_ascii_lowercase().contains("chunked");
            }
            "content-encoding" => {
                let v = value.to_ascii_lowercase();
                if !v.is_empty() && v != "identity" {
                    head.content_encoding = Some(v);
                }
            }
            _ => {}
        }
    }
}

fn trim_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The media type of a `Content-Type` value, lowercased, without parameters.
pub fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// Whether a media type is a page.
pub fn is_html(media_type: &str) -> bool {
    matches!(media_type, "text/html" | "application/xhtml+xml")
}

/// Whether a body with no `Content-Type` looks like a page (as browsers sniff).
pub fn sniff_html(body: &[u8]) -> bool {
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    let head = &body[start..body.len().min(start + 512)];
    let lower = head.to_ascii_lowercase();
    lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || lower.starts_with(b"<head")
}

/// The body as the page's bytes: chunked transfer and gzip/deflate content encodings undone,
/// at most `limit` bytes (more fails as too large, like the library's limit).
pub fn decode_body(body: &[u8], head: &Head, limit: usize) -> Result<Vec<u8>, String> {
    let dechunked;
    let body = if head.chunked {
        dechunked = dechunk(body).ok_or("the chunked transfer encoding is broken")?;
        &dechunked[..]
    } else {
        body
    };
    let Some(encoding) = head.content_encoding.as_deref() else {
        return Ok(body.to_vec());
    };
    let mut out = Vec::new();
    let cap = limit as u64 + 1;
    let result = match encoding {
        "gzip" | "x-gzip" => MultiGzDecoder::new(body).take(cap).read_to_end(&mut out),
        "deflate" => ZlibDecoder::new(body).take(cap).read_to_end(&mut out),
        other => return Err(format!("content encoding {other:?} is not supported")),
    };
    match result {
        Ok(_) if out.len() > limit => Err(format!(
            "input too large: the {encoding} body unpacks to more than {limit} bytes"
        )),
        Ok(_) => Ok(out),
        Err(e) => Err(format!("the {encoding} body is damaged: {e}")),
    }
}

/// Undoes `Transfer-Encoding: chunked`; `None` when the chunk sizes do not fit the body.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let nl = body.iter().position(|&b| b == b'\n')?;
        let line = String::from_utf8_lossy(trim_cr(&body[..nl]));
        let size = usize::from_str_radix(line.split(';').next()?.trim(), 16).ok()?;
        body = &body[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = &body[size..];
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
        if body.is_empty() {
            // A stream cut after a whole chunk: keep what came.
            return Some(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_and_charset() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=KOI8-R\r\n\
                      Content-Length: 3\r\n\r\nabc";
        let head = parse_head(block).unwrap();
        assert_eq!(
            head.content_type.as_deref(),
            Some("text/html; charset=KOI8-R")
        );
        assert_eq!(&block[head.body_start..], b"abc");
        assert!(is_html(&media_type(head.content_type.as_deref().unwrap())));
    }

    #[test]
    fn chunked_and_gzip() {
        let block = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n";
        let head = parse_head(block).unwrap();
        assert_eq!(
            decode_body(&block[head.body_start..], &head, 100).unwrap(),
            b"abcde"
        );
        assert!(dechunk(b"5\r\nab").is_none());
    }
}
