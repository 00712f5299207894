//! Gzip read one member at a time, as WARC writers compress (one member a record), so that a
//! damaged member is reported at its offset in the file and reading goes on at the next member.
//!
//! flate2's `MultiGzDecoder` would stop at the first bad member and cannot say where it was;
//! its single-member `bufread::GzDecoder` leaves the reader just past the member it read, which
//! is what this needs.

use std::io::{self, BufRead, Read};

use flate2::bufread::GzDecoder;

/// The first bytes of every gzip member: magic number and the deflate method.
const MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// Whether bytes start like a gzip stream.
pub fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&MAGIC[..2])
}

/// A buffered reader that knows its offset in the underlying stream and can be asked to hold a
/// few bytes at once (to look for the gzip magic across buffer refills).
pub struct Counted<R> {
    inner: R,
    buf: Vec<u8>,
    pos: usize,
    end: usize,
    /// Bytes read from `inner` so far.
    read: u64,
}

impl<R: Read> Counted<R> {
    pub fn new(inner: R) -> Self {
        Counted {
            inner,
            buf: vec![0; 64 << 10],
            pos: 0,
            end: 0,
            read: 0,
        }
    }

    /// Offset in the underlying stream of the next byte to be consumed.
    pub fn offset(&self) -> u64 {
        self.read - (self.end - self.pos) as u64
    }

    /// Makes at least `n` bytes available unless the stream ends first; returns what is.
    fn ensure(&mut self, n: usize) -> io::Result<&[u8]> {
        if self.end - self.pos < n {
            self.buf.copy_within(self.pos..self.end, 0);
            self.end -= self.pos;
            self.pos = 0;
            while self.end < n {
                let got = read_retrying(&mut self.inner, &mut self.buf[self.end..])?;
                if got == 0 {
                    break;
                }
                self.end += got;
                self.read += got as u64;
            }
        }
        Ok(&self.buf[self.pos..self.end])
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = {
            let available = self.fill_buf()?;
            let n = available.len().min(out.len());
            out[..n].copy_from_slice(&available[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos == self.end {
            self.pos = 0;
            self.end = read_retrying(&mut self.inner, &mut self.buf)?;
            self.read += self.end as u64;
        }
        Ok(&self.buf[self.pos..self.end])
    }

    fn consume(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.end);
    }
}

fn read_retrying<R: Read>(r: &mut R, out: &mut [u8]) -> io::Result<usize> {
    loop {
        match r.read(out) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

/// What went wrong in the compressed stream.
#[derive(Debug)]
pub struct Damage {
    /// For people: which member, at which offset, what happened.
    pub message: String,
    /// Whether reading goes on at a later member (false: the stream ended).
    pub resumed: bool,
}

/// The decompressed bytes of a stream of gzip members.
pub struct Members<R: Read> {
    decoder: Option<GzDecoder<Counted<R>>>,
    /// Offset in the file of the member being read.
    member_start: u64,
}

impl<R: Read> Members<R> {
    pub fn new(inner: R) -> Self {
        Members {
            decoder: Some(GzDecoder::new(Counted::new(inner))),
            member_start: 0,
        }
    }

    /// Offset in the compressed file where the member being read starts.
    pub fn member_start(&self) -> u64 {
        self.member_start
    }

    /// Reads decompressed bytes of the current member (never of two members at once). `Ok(0)`
    /// is the end of the stream; `Err(Ok(damage))` a damaged member, after which (when
    /// `damage.resumed`) reading goes on at the next member found; `Err(Err(io))` a read error.
    pub fn read(&mut self, out: &mut [u8]) -> Result<usize, Result<Damage, io::Error>> {
        loop {
            let Some(decoder) = self.decoder.as_mut() else {
                return Ok(0);
            };
            match decoder.read(out) {
                Ok(0) if !out.is_empty() => {
                    // The member ended; another may follow.
                    let Some(decoder) = self.decoder.take() else {
                        return Ok(0);
                    };
                    let mut inner = decoder.into_inner();
                    if inner.fill_buf().map_err(Err)?.is_empty() {
                        return Ok(0);
                    }
                    self.member_start = inner.offset();
                    self.decoder = Some(GzDecoder::new(inner));
                }
                Ok(n) => return Ok(n),
                Err(e) => return Err(self.damaged(&e)),
            }
        }
    }

    /// After a decoding error: looks for the next member and says what was lost.
    fn damaged(&mut self, error: &io::Error) -> Result<Damage, io::Error> {
        let start = self.member_start;
        let Some(decoder) = self.decoder.take() else {
            return Err(io::Error::other("gzip stream read after its end"));
        };
        let mut inner = decoder.into_inner();
        if inner.fill_buf()?.is_empty() {
            return Ok(Damage {
                message: format!(
                    "the gzip member at byte {start} is cut short ({error}): the file ends inside it"
                ),
                resumed: false,
            });
        }
        // Skip at least one byte so that a bad header is not read again.
        if inner.offset() <= start {
            inner.consume(1);
        }
        loop {
            let window = inner.ensure(MAGIC.len())?;
            let len = window.len();
            if len < MAGIC.len() {
                let skipped = inner.offset() + len as u64 - start;
                return Ok(Damage {
                    message: format!(
                        "the gzip member at byte {start} is damaged ({error}); no member follows \
                         in the {skipped} bytes after it"
                    ),
                    resumed: false,
                });
            }
            let found = window.windows(MAGIC.len()).position(|w| w == MAGIC);
            match found {
                Some(i) => {
                    inner.consume(i);
                    let next = inner.offset();
                    self.member_start = next;
                    self.decoder = Some(GzDecoder::new(inner));
                    return Ok(Damage {
                        message: format!(
                            "the gzip member at byte {start} is damaged ({error}); reading goes \
                             on at the next member, at byte {next}"
                        ),
                        resumed: true,
                    });
                }
                // Keep the last bytes: the magic may straddle the refill.
                None => inner.consume(len + 1 - MAGIC.len()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{Compression, write::GzEncoder};
    use std::io::Write;

    fn member(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn read_all(bytes: &[u8]) -> (Vec<u8>, Vec<Damage>) {
        let mut m = Members::new(bytes);
        let (mut out, mut damages) = (Vec::new(), Vec::new());
        let mut buf = [0u8; 7];
        loop {
            match m.read(&mut buf) {
                Ok(0) => return (out, damages),
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(Ok(d)) => {
                    let resumed = d.resumed;
                    damages.push(d);
                    if !resumed {
                        return (out, damages);
                    }
                }
                Err(Err(e)) => panic!("{e}"),
            }
        }
    }

    #[test]
    fn members_in_a_row() {
        let bytes = [member(b"first "), member(b"second")].concat();
        let (out, damages) = read_all(&bytes);
        assert_eq!(out, b"first second");
        assert!(damages.is_empty());
    }

    #[test]
    fn a_damaged_member_is_skipped() {
        let (a, mut b, c) = (member(b"first "), member(&[b'x'; 500]), member(b"third"));
        let len = b.len();
        for byte in &mut b[12..len - 8] {
            *byte = 0xff;
        }
        let bytes = [a.clone(), b, c].concat();
        let (out, damages) = read_all(&bytes);
        assert!(
            out.starts_with(b"first ") && out.ends_with(b"third"),
            "{out:?}"
        );
        assert_eq!(damages.len(), 1);
        assert!(damages[0].resumed);
        assert!(damages[0].message.contains(&format!("byte {}", a.len())));
    }

    #[test]
    fn a_cut_member_ends_the_stream() {
        let bytes = [member(b"first "), member(&[b'y'; 5000])].concat();
        let (out, damages) = read_all(&bytes[..bytes.len() - 10]);
        assert!(out.starts_with(b"first "));
        assert_eq!(damages.len(), 1);
        assert!(!damages[0].resumed);
        assert!(
            damages[0].message.contains("cut short"),
            "{}",
            damages[0].message
        );
    }
}
