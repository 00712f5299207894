//! WARC files, plain or gzip (a member a record, or one for the whole file), read one record at a
//! time: only the records that hold a page are kept in memory, one at a time; the others are
//! skipped as they stream past.
//!
//! Written here rather than taken from the `warc` crate, which stops at the first record whose
//! Content-Length is wrong and cannot say where a record is: a crawl's files are long and
//! sometimes damaged, so each damaged record is reported with its position and reading goes on
//! at the next `WARC/1.x` line.

use std::io::{self, Read};

use super::gzip::{self, Members};
use super::http;

/// Header lines longer than this are not a WARC header.
const MAX_LINE: usize = 64 << 10;
/// Nor are more lines than this.
const MAX_HEADER_LINES: usize = 512;
/// How much of a response record is read to find its HTTP headers before deciding to keep it.
const HTTP_HEAD: usize = 64 << 10;

/// One thing found in a WARC file.
#[derive(Debug)]
pub enum Item {
    /// A record that holds a page (or a text dump, in text mode).
    Page(Record),
    /// A record that holds a page but is damaged or too large.
    Failed { record: Record, error: String },
    /// A record that is not a page: why (`"request"`, `"response image/png"`, …).
    Skipped(String),
    /// Damage that belongs to no record (bytes between records that are not a record).
    Damaged(String),
}

/// A page record: where it is, what it is, and its payload.
#[derive(Debug, Default)]
pub struct Record {
    /// 1-based number of the record in the file, counting every record.
    pub number: u64,
    /// Where it starts: the offset of its gzip member, or of its first byte in a plain file.
    pub position: String,
    /// `WARC-Record-ID`.
    pub id: Option<String>,
    /// `WARC-Target-URI`.
    pub url: Option<String>,
    pub payload: Payload,
}

/// What a page record holds.
#[derive(Debug, Default)]
pub enum Payload {
    /// Nothing (a failed record).
    #[default]
    None,
    /// An HTTP response or resource: the block, the HTTP head (for responses), and the
    /// charset hint (the Content-Type value).
    Html {
        block: Vec<u8>,
        head: Option<http::Head>,
        content_type: Option<String>,
    },
    /// A WET conversion record's text.
    Text(Vec<u8>),
}

impl Record {
    /// How messages name the record: number, position, id and URL.
    pub fn describe(&self) -> String {
        let mut s = format!("record {} {}", self.number, self.position);
        if let Some(id) = &self.id {
            s.push_str(&format!(" ({id}"));
            if let Some(url) = &self.url {
                s.push_str(&format!(" {url}"));
            }
            s.push(')');
        }
        s
    }
}

/// Why reading stopped inside a record.
enum Stop {
    /// The stream ended.
    Eof,
    /// The gzip stream is damaged; reading goes on at the next member when `resumed`.
    Broken { message: String, resumed: bool },
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Self {
        Stop::Broken {
            message: format!("read error: {e}"),
            resumed: false,
        }
    }
}

/// Decompressed bytes.
enum Raw<R: Read> {
    Plain(R),
    // Boxed: the decoder state is large and there is one `Raw` per file.
    Gzip(Box<Members<R>>),
}

/// Decompressed bytes with a buffer that can be looked into, and given back to, so that the
/// reader can look for the next record inside a block whose length was wrong.
struct Source<R: Read> {
    raw: Raw<R>,
    buf: Vec<u8>,
    pos: usize,
    /// Decompressed bytes consumed before `buf[pos]`.
    consumed: u64,
    ended: bool,
}

impl<R: Read> Source<R> {
    /// Appends more bytes to the buffer; false at the end of the stream.
    fn more(&mut self) -> Result<bool, Stop> {
        if self.ended {
            return Ok(false);
        }
        if self.pos > 0 && self.pos == self.buf.len() {
            self.buf.clear();
            self.pos = 0;
        } else if self.pos > (1 << 20) {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        let start = self.buf.len();
        self.buf.resize(start + (64 << 10), 0);
        let got = match &mut self.raw {
            Raw::Plain(r) => loop {
                match r.read(&mut self.buf[start..]) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        self.buf.truncate(start);
                        self.ended = true;
                        return Err(e.into());
                    }
                    Ok(n) => break n,
                }
            },
            Raw::Gzip(m) => match m.read(&mut self.buf[start..]) {
                Ok(n) => n,
                Err(damage) => {
                    self.buf.truncate(start);
                    let damage = damage?;
                    self.ended = !damage.resumed;
                    return Err(Stop::Broken {
                        message: damage.message,
                        resumed: damage.resumed,
                    });
                }
            },
        };
        self.buf.truncate(start + got);
        if got == 0 {
            self.ended = true;
        }
        Ok(got > 0)
    }

    /// The unread bytes, at least `n` of them unless the stream ends first.
    fn peek(&mut self, n: usize) -> Result<&[u8], Stop> {
        while self.buf.len() - self.pos < n && self.more()? {}
        Ok(&self.buf[self.pos..])
    }

    fn consume(&mut self, n: usize) {
        let n = n.min(self.buf.len() - self.pos);
        self.pos += n;
        self.consumed += n as u64;
    }

    /// Puts bytes back in front of the unread ones.
    fn unread(&mut self, bytes: &[u8]) {
        let rest = self.buf.split_off(self.pos);
        self.buf.clear();
        self.buf.extend_from_slice(bytes);
        self.buf.extend_from_slice(&rest);
        self.pos = 0;
        self.consumed -= bytes.len() as u64;
    }

    /// A line without its line ending; `None` at the end of the stream; an error past `MAX_LINE`.
    fn line(&mut self) -> Result<Option<Vec<u8>>, Stop> {
        let mut scanned = 0;
        loop {
            let unread = &self.buf[self.pos..];
            if let Some(nl) = unread[scanned..].iter().position(|&b| b == b'\n') {
                let end = scanned + nl;
                let line = unread[..end]
                    .strip_suffix(b"\r")
                    .unwrap_or(&unread[..end])
                    .to_vec();
                self.consume(end + 1);
                return Ok(Some(line));
            }
            scanned = unread.len();
            if scanned > MAX_LINE {
                return Err(Stop::Broken {
                    message: format!("a header line longer than {MAX_LINE} bytes"),
                    resumed: true,
                });
            }
            if !self.more()? {
                let rest = self.buf[self.pos..].to_vec();
                self.consume(rest.len());
                return Ok((!rest.is_empty()).then_some(rest));
            }
        }
    }

    /// Exactly `n` bytes; `Err(Eof)` with the bytes read kept in `got` when the stream ends.
    fn take(&mut self, n: usize, got: &mut Vec<u8>) -> Result<(), Stop> {
        while got.len() < n {
            if self.pos == self.buf.len() && !self.more()? {
                return Err(Stop::Eof);
            }
            let k = (n - got.len()).min(self.buf.len() - self.pos);
            got.extend_from_slice(&self.buf[self.pos..self.pos + k]);
            self.consume(k);
        }
        Ok(())
    }

    /// Skips `n` bytes without keeping them.
    fn skip(&mut self, mut n: u64) -> Result<(), Stop> {
        while n > 0 {
            if self.pos == self.buf.len() && !self.more()? {
                return Err(Stop::Eof);
            }
            let k = (self.buf.len() - self.pos).min(usize::try_from(n).unwrap_or(usize::MAX));
            self.consume(k);
            n -= k as u64;
        }
        Ok(())
    }

    /// Skips to the next `WARC/1.` (the start of a record); false when there is none. Not only
    /// at a line start: junk before a record need not end with a line break.
    fn resync(&mut self) -> Result<bool, Stop> {
        const START: &[u8] = b"WARC/1.";
        loop {
            let unread = &self.buf[self.pos..];
            let mut i = 0;
            while i < unread.len() {
                if unread[i] == b'W' {
                    if unread.len() - i < START.len() {
                        break; // need more bytes to tell
                    }
                    if unread[i..].starts_with(START) {
                        self.consume(i);
                        return Ok(true);
                    }
                }
                i += 1;
            }
            self.consume(i);
            if !self.more()? {
                let rest = self.buf.len() - self.pos;
                self.consume(rest);
                return Ok(false);
            }
        }
    }
}

/// Reads the records of one WARC file.
pub struct Reader<R: Read> {
    src: Source<R>,
    /// Records started so far.
    number: u64,
    text_mode: bool,
    max_bytes: usize,
    /// The record being read (without payload), for messages about damage found inside it.
    current: Option<Record>,
    /// Whether `current` is a page (damage to it fails a page rather than only the input).
    current_is_page: bool,
    /// Damage met while looking past a complete record: reported before the next record.
    pending: Option<Stop>,
    /// Look for the next `WARC/1.` line before reading a record.
    resync: bool,
    finished: bool,
}

impl<R: Read> Reader<io::Chain<io::Cursor<Vec<u8>>, R>> {
    /// `head` holds the stream's first bytes (already read, to tell gzip), `rest` the others.
    pub fn new(head: Vec<u8>, rest: R, text_mode: bool, max_bytes: usize) -> Self {
        let gzip = gzip::is_gzip(&head);
        let stream = io::Cursor::new(head).chain(rest);
        let raw = if gzip {
            Raw::Gzip(Box::new(Members::new(stream)))
        } else {
            Raw::Plain(stream)
        };
        Reader {
            src: Source {
                raw,
                buf: Vec::new(),
                pos: 0,
                consumed: 0,
                ended: false,
            },
            number: 0,
            text_mode,
            max_bytes,
            current: None,
            current_is_page: false,
            pending: None,
            resync: false,
            finished: false,
        }
    }
}

impl<R: Read> Reader<R> {
    fn position(&self) -> String {
        match &self.src.raw {
            Raw::Gzip(m) => format!("in the gzip member at byte {}", m.member_start()),
            Raw::Plain(_) => format!("at byte {}", self.src.consumed),
        }
    }

    /// The next item, `None` at the end of the file.
    pub fn next_item(&mut self) -> Option<Item> {
        while !self.finished {
            let result = match self.pending.take() {
                Some(stop) => Err(stop),
                None if std::mem::take(&mut self.resync) => match self.src.resync() {
                    Ok(true) => self.record(),
                    Ok(false) => Ok(None),
                    Err(stop) => Err(stop),
                },
                None => self.record(),
            };
            match result {
                Ok(Some(item)) => return Some(item),
                Ok(None) => self.finished = true,
                Err(stop) => {
                    let (message, resumed) = match stop {
                        Stop::Eof => ("the file ends inside the record".to_string(), false),
                        Stop::Broken { message, resumed } => (message, resumed),
                    };
                    self.finished = !resumed;
                    self.resync = resumed;
                    return Some(match self.current.take() {
                        Some(record) if self.current_is_page => Item::Failed {
                            record,
                            error: message,
                        },
                        Some(record) => Item::Damaged(format!("{}: {message}", record.describe())),
                        None => Item::Damaged(message),
                    });
                }
            }
        }
        None
    }

    /// Reads one record; `Ok(None)` at a clean end of the stream.
    fn record(&mut self) -> Result<Option<Item>, Stop> {
        self.current = None;
        self.current_is_page = false;
        // Blank lines between records are tolerated.
        loop {
            let unread = self.src.peek(1)?;
            let blank = unread
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
            if unread.is_empty() {
                return Ok(None);
            }
            if blank == 0 {
                break;
            }
            self.src.consume(blank);
        }
        let position = self.position();
        let start = self.src.peek(5)?;
        if !start.starts_with(b"WARC/") {
            let shown: String = String::from_utf8_lossy(&start[..start.len().min(24)])
                .chars()
                .map(|c| if c.is_control() { '.' } else { c })
                .collect();
            self.src.consume(1);
            self.resync = true;
            return Ok(Some(Item::Damaged(format!(
                "bytes that are not a WARC record {position} (\"{shown}\"); skipped to the next record"
            ))));
        }
        self.number += 1;
        self.current = Some(Record {
            number: self.number,
            position,
            ..Record::default()
        });
        let mut fields = Fields::default();
        let mut lines = 0;
        loop {
            let Some(line) = self.src.line()? else {
                return Err(Stop::Eof);
            };
            if line.is_empty() {
                break;
            }
            lines += 1;
            if lines > MAX_HEADER_LINES {
                return Err(Stop::Broken {
                    message: format!("more than {MAX_HEADER_LINES} header lines"),
                    resumed: true,
                });
            }
            fields.add(&line);
        }
        if let Some(record) = &mut self.current {
            record.id = fields.record_id.clone();
            record.url = fields.target_uri.clone();
        }
        let Some(length) = fields.content_length else {
            return Err(Stop::Broken {
                message: "no valid Content-Length".to_string(),
                resumed: true,
            });
        };
        let kind = fields
            .warc_type
            .as_deref()
            .unwrap_or("")
            .to_ascii_lowercase();
        let media = fields
            .content_type
            .as_deref()
            .map(http::media_type)
            .unwrap_or_default();
        let item = match kind.as_str() {
            "response" if media.is_empty() || media.starts_with("application/http") => {
                self.response(length)?
            }
            "resource" if http::is_html(&media) && !self.text_mode => {
                self.current_is_page = true;
                let content_type = fields.content_type.clone();
                self.page(length, Vec::new(), |block| Payload::Html {
                    block,
                    head: None,
                    content_type,
                })?
            }
            "conversion" if self.text_mode => {
                self.current_is_page = true;
                self.page(length, Vec::new(), Payload::Text)?
            }
            _ => {
                self.src.skip(length)?;
                Item::Skipped(match kind.as_str() {
                    "" => "record without WARC-Type".to_string(),
                    "conversion" => "conversion (WET text: pass --text)".to_string(),
                    "response" | "resource" if !media.is_empty() => format!("{kind} {media}"),
                    _ => kind,
                })
            }
        };
        match self.end_of_record(&item)? {
            None => {
                self.current = None;
                Ok(Some(item))
            }
            Some(error) if !self.current_is_page => {
                self.resync = true;
                let record = self.current.take().unwrap_or_default();
                Ok(Some(Item::Damaged(format!(
                    "{}: {error}",
                    record.describe()
                ))))
            }
            Some(error) => {
                self.resync = true;
                let record = match item {
                    Item::Page(page) | Item::Failed { record: page, .. } => page,
                    _ => self.current.take().unwrap_or_default(),
                };
                self.current = None;
                Ok(Some(Item::Failed {
                    record: Record {
                        payload: Payload::None,
                        ..record
                    },
                    error,
                }))
            }
        }
    }

    /// The current record's description with a payload.
    fn with_payload(&self, payload: Payload) -> Record {
        let current = self.current.as_ref();
        Record {
            number: current.map_or(0, |r| r.number),
            position: current.map(|r| r.position.clone()).unwrap_or_default(),
            id: current.and_then(|r| r.id.clone()),
            url: current.and_then(|r| r.url.clone()),
            payload,
        }
    }

    /// Reads the rest of a block of `length` bytes after `got` as a page, unless it is over
    /// the size limit (plus room for HTTP headers): then it is skipped unread and fails.
    fn page(
        &mut self,
        length: u64,
        mut got: Vec<u8>,
        payload: impl FnOnce(Vec<u8>) -> Payload,
    ) -> Result<Item, Stop> {
        let limit = self.max_bytes.saturating_add(HTTP_HEAD) as u64;
        if length > limit {
            self.src.skip(length - got.len() as u64)?;
            return Ok(Item::Failed {
                record: self.with_payload(Payload::None),
                error: format!(
                    "input too large: a record of {length} bytes (the limit is {} bytes)",
                    self.max_bytes
                ),
            });
        }
        let n = usize::try_from(length).unwrap_or(usize::MAX);
        got.reserve(n.saturating_sub(got.len()));
        self.take_or_put_back(n, &mut got)?;
        Ok(Item::Page(self.with_payload(payload(got))))
    }

    /// A response record: reads its HTTP head, then the rest if it is a page.
    fn response(&mut self, length: u64) -> Result<Item, Stop> {
        // Damage before its HTTP head is read fails it as a page: most responses are.
        self.current_is_page = true;
        let head_len = usize::try_from(length).unwrap_or(usize::MAX).min(HTTP_HEAD);
        let mut start = Vec::new();
        self.take_or_put_back(head_len, &mut start)?;
        let rest = length - head_len as u64;
        let head = http::parse_head(&start);
        let media = head
            .as_ref()
            .and_then(|h| h.content_type.as_deref())
            .map(http::media_type);
        let html = match (&head, &media) {
            (Some(_), Some(media)) => http::is_html(media),
            (Some(h), None) => http::sniff_html(start.get(h.body_start..).unwrap_or_default()),
            (None, _) => false,
        };
        if !html || self.text_mode {
            self.current_is_page = false;
            self.src.skip(rest)?;
            let reason = match (&head, &media) {
                (None, _) => "response that is not HTTP".to_string(),
                (Some(_), _) if html => "response text/html (in text mode)".to_string(),
                (Some(_), Some(m)) if !m.is_empty() => format!("response {m}"),
                (Some(_), _) => "response without a media type".to_string(),
            };
            return Ok(Item::Skipped(reason));
        }
        let content_type = head.as_ref().and_then(|h| h.content_type.clone());
        self.page(length, start, |block| Payload::Html {
            block,
            head,
            content_type,
        })
    }

    /// `Source::take`, except that when the stream ends inside the block the bytes read are
    /// put back, so that the records they may hold (after a Content-Length that lies) are found.
    fn take_or_put_back(&mut self, n: usize, got: &mut Vec<u8>) -> Result<(), Stop> {
        let before = got.len();
        match self.src.take(n, got) {
            Err(Stop::Eof) => {
                let found = got.len();
                let back = got.split_off(before.min(got.len()));
                // All but the first byte, so that the search makes progress.
                if back.len() > 1 {
                    self.src.unread(&back[1..]);
                }
                Err(Stop::Broken {
                    message: format!(
                        "the file ends inside the record: its Content-Length says {n} bytes, \
                         {found} are left"
                    ),
                    resumed: back.len() > 1,
                })
            }
            other => other,
        }
    }

    /// Checks what follows a block: the record's closing blank lines, then the next record or
    /// the end. `Some(error)` when they are not there (the Content-Length is wrong); the block
    /// is then put back so that a record inside it is found.
    fn end_of_record(&mut self, item: &Item) -> Result<Option<String>, Stop> {
        // Damage past the record's end belongs to what follows: keep it for the next call.
        while self.src.buf.len() - self.src.pos < 4 + 5 {
            match self.src.more() {
                Ok(true) => {}
                Ok(false) => break,
                Err(stop) => {
                    self.pending = Some(stop);
                    break;
                }
            }
        }
        let after = &self.src.buf[self.src.pos..];
        let run = after
            .iter()
            .take(4)
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        // Closed by its blank line (CRLF CRLF; LF LF tolerated), or by the end of the stream,
        // or by damage right after what there is of the blank line. Bytes after a closed
        // record that are not a record are the next call's business, not this record's.
        let newlines = after[..run].iter().filter(|&&b| b == b'\n').count();
        let closed =
            newlines >= 2 || after.is_empty() || (self.pending.is_some() && run == after.len());
        if closed {
            self.src.consume(run);
            return Ok(None);
        }
        if let Some(stop) = self.pending.take() {
            return Err(stop);
        }
        let what = match item {
            Item::Page(Record {
                payload: Payload::Html { block, .. } | Payload::Text(block),
                ..
            }) => {
                // The next record may be inside the block (a length that says too much).
                if block.len() > 1 {
                    self.src.unread(&block[1..]);
                }
                format!(" ({} bytes)", block.len())
            }
            _ => String::new(),
        };
        Ok(Some(format!(
            "the record does not end where its Content-Length{what} says; skipped to the next record"
        )))
    }
}

/// The WARC header fields the reader uses.
#[derive(Default)]
struct Fields {
    warc_type: Option<String>,
    content_length: Option<u64>,
    content_type: Option<String>,
    record_id: Option<String>,
    target_uri: Option<String>,
}

impl Fields {
    fn add(&mut self, line: &[u8]) {
        let Some((name, value)) = http::header_field(line) else {
            return;
        };
        match name.as_str() {
            "warc-type" => self.warc_type = Some(value),
            "content-length" => self.content_length = value.parse().ok(),
            "content-type" => self.content_type = Some(value),
            "warc-record-id" => self.record_id = Some(value),
            // WARC 1.0 allows the URI in angle brackets.
            "warc-target-uri" => {
                self.target_uri = Some(
                    value
                        .trim_start_matches('<')
                        .trim_end_matches('>')
                        .to_string(),
                );
            }
            _ => {}
        }
    }
}
