//! The `unboil` binary on inputs written here: pages, directories, standard input, WARC (plain
//! and gzip, with request, warcinfo and image records), WET, JSONL; and damaged inputs: a cut
//! gzip, a Content-Length that lies either way, lines that are not JSON, binary junk. Each run
//! checks the output against the library's own result for the same bytes, the messages on
//! standard error and the exit status.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use flate2::{Compression, write::GzEncoder};
use serde_json::Value;
use unboil::{Extractor, Options};

const BIN: &str = env!("CARGO_BIN_EXE_unboil");

/// A page with a menu, an article and a footer; `n` makes each one different.
fn page(n: usize) -> String {
    format!(
        "<html><head><title>Story {n} - The Courier</title></head><body>\
         <nav><a href='/'>Home</a> | <a href='/news'>News</a> | <a href='/sport'>Sport</a></nav>\
         <article><h1>Story {n}</h1>\
         <p>The council met on Tuesday to vote on harbour plan number {n}, which sets out new \
         moorings, a slipway and a boat store for the sailing club (<a href='/plans/{n}'>the \
         plans</a> are online).</p>\
         <p>The vote passed by nine to two, and work on part {n} starts in May, the mayor said \
         after the meeting on Tuesday evening in the town hall.</p></article>\
         <footer>© The Courier · <a href='/contact'>Contact us</a></footer></body></html>"
    )
}

/// The library's text for a page's bytes, with default options.
fn library_text(bytes: &[u8], charset: Option<&str>) -> String {
    Extractor::new(Options::default())
        .extract_bytes(bytes, charset)
        .unwrap()
        .text()
        .to_string()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("unboil-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the binary with `args`, `stdin` piped in.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn jsonl(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A WARC record, uncompressed.
fn record(kind: &str, id: &str, uri: Option<&str>, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!("WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n");
    if let Some(uri) = uri {
        r.push_str(&format!("WARC-Target-URI: {uri}\r\n"));
    }
    r.push_str(&format!(
        "Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    ));
    let mut r = r.into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn http(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
    r.extend_from_slice(body);
    r
}

/// A tiny PNG's bytes (as a crawl stores images beside pages).
const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

/// A crawl of `n` pages: warcinfo, then for each page a request and a response, and an image
/// response after the first page. Returns the records (uncompressed) and the pages' bytes.
fn crawl(n: usize) -> (Vec<Vec<u8>>, Vec<Vec<u8>>) {
    let mut records = vec![record(
        "warcinfo",
        "info",
        None,
        "application/warc-fields",
        b"software: tests/cli.rs\r\n",
    )];
    let mut pages = Vec::new();
    for i in 0..n {
        let url = format!("https://courier.example/story/{i}");
        let html = page(i).into_bytes();
        records.push(record(
            "request",
            &format!("req-{i}"),
            Some(&url),
            "application/http; msgtype=request",
            b"GET / HTTP/1.1\r\nHost: courier.example\r\n\r\n",
        ));
        records.push(record(
            "response",
            &format!("page-{i}"),
            Some(&url),
            "application/http; msgtype=response",
            &http("text/html; charset=utf-8", &html),
        ));
        if i == 0 {
            records.push(record(
                "response",
                "logo",
                Some("https://courier.example/logo.png"),
                "application/http; msgtype=response",
                &http("image/png", PNG),
            ));
        }
        pages.push(html);
    }
    (records, pages)
}

/// Checks that `lines` are the pages `wanted` (indices into `pages`) with the library's text.
fn assert_pages(lines: &[Value], pages: &[Vec<u8>], wanted: &[usize]) {
    let got: Vec<&str> = lines
        .iter()
        .filter(|l| l.get("error").is_none())
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    let want: Vec<String> = wanted
        .iter()
        .map(|i| format!("<urn:uuid:page-{i}>"))
        .collect();
    assert_eq!(got, want);
    for line in lines.iter().filter(|l| l.get("error").is_none()) {
        let i: usize = line["url"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let want = library_text(&pages[i], Some("text/html; charset=utf-8"));
        assert!(want.contains(&format!("harbour plan number {i}")));
        assert_eq!(line["text"], want.as_str());
    }
}

#[test]
fn help_names_inputs_and_formats() {
    let out = run(&["--help"], b"");
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    for word in [
        "WARC",
        "JSONL",
        "director",
        "standard input",
        "--text",
        "text",
        "markdown",
        "json",
        "--jsonl",
        "--out",
        "--jobs",
        "--model",
        "broad",
    ] {
        assert!(
            help.contains(word),
            "--help does not mention {word}:\n{help}"
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["--format", "yaml", "x.html"][..],
        &["--jsonl", "--out", "d", "x.html"],
        &["--include", "a[", "x.html"],
        &["--jobs", "0", "x.html"],
        &["--model", "huge", "x.html"],
        &["--no-such-flag"],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).is_empty());
    }
}

#[test]
fn a_page_piped_on_stdin_is_extracted() {
    let html = page(1);
    let want = library_text(html.as_bytes(), None);
    for args in [&[][..], &["-"]] {
        let out = run(args, html.as_bytes());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(stdout(&out), format!("{want}\n"));
    }
}

#[test]
fn one_file_in_each_format() {
    let dir = temp_dir("formats");
    let path = dir.join("story.html");
    // windows-1252, declared in the page: decoded from bytes as the library does.
    let html = page(2)
        .replace("<head>", "<head><meta charset=windows-1252>")
        .replace("©", "\u{e9}");
    let bytes: Vec<u8> = html
        .chars()
        .map(|c| if c == 'é' { 0xE9 } else { c as u8 })
        .collect();
    std::fs::write(&path, &bytes).unwrap();
    let path = path.to_str().unwrap();
    let extracted = Extractor::new(Options::default())
        .extract_bytes(&bytes, None)
        .unwrap();

    let text = run(&[path], b"");
    assert_eq!(stdout(&text), format!("{}\n", extracted.text()));

    let markdown = run(&["--format", "markdown", path], b"");
    assert_eq!(
        stdout(&markdown),
        format!("# Story 2\n\n{}", extracted.to_markdown())
    );

    let json = run(&["--format", "json", path], b"");
    let value: Value = serde_json::from_str(&stdout(&json)).unwrap();
    let want: Value = serde_json::from_str(&serde_json::to_string(&extracted).unwrap()).unwrap();
    assert_eq!(value, want);
    assert_eq!(value["title"], "Story 2");
    for out in [text, markdown, json] {
        assert_eq!(out.status.code(), Some(0));
    }
}

#[test]
fn a_directory_is_walked_with_globs() {
    let dir = temp_dir("walk");
    std::fs::create_dir_all(dir.join("sub/deeper")).unwrap();
    std::fs::create_dir_all(dir.join("drafts")).unwrap();
    let files = ["a.html", "sub/b.htm", "sub/deeper/c.html", "drafts/d.html"];
    for (i, f) in files.iter().enumerate() {
        std::fs::write(dir.join(f), page(i)).unwrap();
    }
    std::fs::write(dir.join("notes.txt"), "not a page").unwrap();
    let root = dir.to_str().unwrap();

    let out = run(&["--jsonl", root], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = jsonl(&out);
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["a.html", "drafts/d.html", "sub/b.htm", "sub/deeper/c.html"]
    );
    for line in &lines {
        let path = line["url"].as_str().unwrap();
        let want = library_text(&std::fs::read(path).unwrap(), None);
        assert_eq!(line["text"], want.as_str());
        assert_eq!(
            line["title"],
            format!(
                "Story {}",
                files.iter().position(|f| path.ends_with(f)).unwrap()
            )
        );
    }

    let out = run(
        &[
            "--jsonl",
            "--exclude",
            "drafts/**",
            "--include",
            "*.html",
            root,
        ],
        b"",
    );
    let ids: Vec<String> = jsonl(&out)
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a.html", "sub/deeper/c.html"]);
    assert!(stderr(&out).contains("2 pages"), "{}", stderr(&out));
}

#[test]
fn out_dir_mirrors_input_names() {
    let dir = temp_dir("out");
    let src = dir.join("site");
    std::fs::create_dir_all(src.join("sub")).unwrap();
    std::fs::write(src.join("index.html"), page(1)).unwrap();
    std::fs::write(src.join("sub/story.html"), page(2)).unwrap();
    let out_dir = dir.join("texts");
    let out = run(
        &[
            "--out",
            out_dir.to_str().unwrap(),
            "--format",
            "markdown",
            src.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    for (name, n) in [("index.md", 1), ("sub/story.md", 2)] {
        let written = std::fs::read_to_string(out_dir.join(name)).unwrap();
        let x = Extractor::new(Options::default())
            .extract(&page(n))
            .unwrap();
        assert_eq!(written, format!("# Story {n}\n\n{}", x.to_markdown()));
    }
}

#[test]
fn several_pages_to_stdout_are_headed() {
    let dir = temp_dir("several");
    std::fs::write(dir.join("one.html"), page(1)).unwrap();
    std::fs::write(dir.join("two.html"), page(2)).unwrap();
    let (one, two) = (dir.join("one.html"), dir.join("two.html"));
    let out = run(&[one.to_str().unwrap(), two.to_str().unwrap()], b"");
    let text = stdout(&out);
    let want = format!(
        "==> {} <==\n{}\n\n==> {} <==\n{}\n",
        one.display(),
        library_text(page(1).as_bytes(), None),
        two.display(),
        library_text(page(2).as_bytes(), None)
    );
    assert_eq!(text, want);
}

#[test]
fn warc_pages_with_their_http_charset() {
    let (mut records, pages) = crawl(3);
    // A page in KOI8-R that only the HTTP header names.
    let russian = "<html><body><article><p>Совет проголосовал во вторник за новый план гавани, \
                   который предусматривает новые причалы и склад для яхт-клуба.</p></article></body></html>";
    let (koi8, _, _) = encoding_rs::KOI8_R.encode(russian);
    records.push(record(
        "response",
        "koi8",
        Some("https://courier.example/ru"),
        "application/http; msgtype=response",
        &http("text/html; charset=KOI8-R", &koi8),
    ));
    let plain: Vec<u8> = records.concat();
    let gz: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    let dir = temp_dir("warc");
    for (name, bytes) in [("crawl.warc", &plain), ("crawl.warc.gz", &gz)] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = run(&["--jsonl", path.to_str().unwrap()], b"");
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let lines = jsonl(&out);
        assert_eq!(lines.len(), 4);
        assert_pages(&lines[..3], &pages, &[0, 1, 2]);
        let want = library_text(&koi8, Some("text/html; charset=KOI8-R"));
        assert!(want.starts_with("Совет проголосовал"));
        assert_eq!(lines[3]["text"], want.as_str());
        assert_eq!(lines[3]["id"], "<urn:uuid:koi8>");
        assert!(
            stderr(&out).contains(
                "4 pages, 5 skipped (3 request, 1 response image/png, 1 warcinfo), 0 failed"
            ),
            "{}",
            stderr(&out)
        );
    }
    // On a pipe, a WARC is told by its first bytes.
    let out = run(&["--jsonl"], &gz);
    assert_eq!(jsonl(&out).len(), 4);
    let out = run(&["--jsonl", "--input", "warc", "-"], &plain);
    assert_eq!(jsonl(&out).len(), 4);
}

#[test]
fn warc_resource_chunked_and_gzip_bodies() {
    let html = page(7).into_bytes();
    let mut chunked =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
            .to_vec();
    for piece in html.chunks(100) {
        chunked.extend_from_slice(format!("{:x}\r\n", piece.len()).as_bytes());
        chunked.extend_from_slice(piece);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let mut encoded =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
    encoded.extend_from_slice(&gzip(&html));
    let warc = [
        record(
            "resource",
            "res",
            Some("file:///page.html"),
            "text/html",
            &html,
        ),
        record(
            "response",
            "chunked",
            Some("https://e.example/c"),
            "application/http; msgtype=response",
            &chunked,
        ),
        record(
            "response",
            "gzip",
            Some("https://e.example/g"),
            "application/http; msgtype=response",
            &encoded,
        ),
    ]
    .concat();
    let out = run(&["--jsonl", "--input", "warc"], &warc);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = jsonl(&out);
    let want = library_text(&html, Some("text/html"));
    assert_eq!(lines.len(), 3);
    for line in &lines {
        assert_eq!(line["text"], want.as_str(), "{}", line["id"]);
    }
}

#[test]
fn wet_records_in_text_mode() {
    let dump = "Home | News | Sport\n\nStory 4\n\nThe council met on Tuesday to vote on the harbour \
                plan, which sets out new moorings and a slipway.\n\nThe vote passed by nine to two, \
                and work starts in May, the mayor said.\n\n© The Courier\n";
    let wet = [
        record(
            "warcinfo",
            "i",
            None,
            "application/warc-fields",
            b"x: y\r\n",
        ),
        record(
            "conversion",
            "c1",
            Some("https://e.example/4"),
            "text/plain",
            dump.as_bytes(),
        ),
    ]
    .concat();
    let want = Extractor::new(Options::default())
        .extract_text(dump)
        .unwrap();
    assert!(want.text().starts_with("The council met"));
    let dir = temp_dir("wet");
    let path = dir.join("crawl.warc.wet.gz");
    std::fs::write(&path, gzip(&wet)).unwrap();
    // Read as text because of its name, or with --text.
    for args in [
        &["--jsonl", path.to_str().unwrap()][..],
        &["--jsonl", "--text", "--input", "warc", "-"],
    ] {
        let out = run(args, &wet);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let lines = jsonl(&out);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0]["text"], want.text());
        assert_eq!(
            lines[0]["title"],
            serde_json::to_value(want.title()).unwrap()
        );
    }
    // Without --text, a WARC's conversion records are skipped and counted.
    let out = run(&["--jsonl", "--input", "warc"], &wet);
    assert_eq!(jsonl(&out).len(), 0);
    assert!(stderr(&out).contains("1 conversion"), "{}", stderr(&out));
}

#[test]
fn jsonl_records_and_bad_lines() {
    let input = [
        serde_json::json!({"id": "first", "url": "https://e.example/1", "html": page(1)})
            .to_string(),
        String::new(),
        "{\"id\": \"broken\", \"html\": \"<p>unterminated".to_string(),
        serde_json::json!({"html": page(2)}).to_string(),
        serde_json::json!({"id": 9, "body": "no html field"}).to_string(),
        String::from_utf8_lossy(b"\x00\x9f\x92\x96junk\xff\xfe").into_owned(),
        serde_json::json!({"id": "last", "html": page(3)}).to_string(),
    ]
    .join("\n");
    let out = run(&["--input", "jsonl", "--jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let lines = jsonl(&out);
    let ids: Vec<&Value> = lines.iter().map(|l| &l["id"]).collect();
    assert_eq!(
        ids,
        [
            &Value::from("first"),
            &Value::from(3),
            &Value::from(4),
            &Value::from(9),
            &Value::from(6),
            &Value::from("last")
        ]
    );
    for (line, n) in [(&lines[0], 1), (&lines[2], 2), (&lines[5], 3)] {
        assert_eq!(
            line["text"],
            Extractor::new(Options::default())
                .extract(&page(n))
                .unwrap()
                .text()
        );
        assert!(line.get("error").is_none());
    }
    assert_eq!(lines[0]["url"], "https://e.example/1");
    for i in [1, 3, 4] {
        assert!(lines[i]["error"].is_string(), "{}", lines[i]);
        assert!(lines[i].get("text").is_none());
    }
    let err = stderr(&out);
    assert!(err.contains("stdin: line 3 (id 3): not JSON"), "{err}");
    assert!(err.contains("line 5 (id 9): no \"html\" string"), "{err}");
    assert!(err.contains("line 6 (id 6): not JSON"), "{err}");
    assert!(
        err.contains("6 pages, 0 skipped, 3 failed, 0 empty"),
        "{err}"
    );
}

#[test]
fn jsonl_text_mode_reads_the_text_field() {
    let dump = "Menu | Home\n\nA headline here\n\nThe council met on Tuesday to vote on the harbour plan, which sets out new moorings.\n";
    let line = serde_json::json!({"id": "d", "text": dump}).to_string();
    let out = run(&["--input", "jsonl", "--jsonl", "--text"], line.as_bytes());
    let lines = jsonl(&out);
    assert_eq!(
        lines[0]["text"],
        Extractor::new(Options::default())
            .extract_text(dump)
            .unwrap()
            .text()
    );
}

#[test]
fn streaming_mapper_answers_each_line_before_the_next() {
    let mut child = Command::new(BIN)
        .args(["--input", "jsonl", "--jsonl", "-j", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let _ = tx.send(line.unwrap());
        }
    });
    for i in 0..3 {
        let line = serde_json::json!({"id": i, "html": page(i)}).to_string();
        writeln!(input, "{line}").unwrap();
        input.flush().unwrap();
        // The answer comes while standard input is still open.
        let answer = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("no answer before the next line");
        let value: Value = serde_json::from_str(&answer).unwrap();
        assert_eq!(value["id"], i);
        assert_eq!(
            value["text"],
            Extractor::new(Options::default())
                .extract(&page(i))
                .unwrap()
                .text()
        );
    }
    drop(input);
    assert!(child.wait().unwrap().success());
}

#[test]
fn parallel_output_keeps_input_order() {
    let input: String = (0..60)
        .map(|i| {
            // Pages of very different sizes, so that they finish out of order.
            let html = if i % 7 == 0 {
                page(i).repeat(40)
            } else {
                page(i)
            };
            serde_json::json!({"id": i, "html": html}).to_string() + "\n"
        })
        .collect();
    let one = run(
        &["--input", "jsonl", "--jsonl", "-j", "1"],
        input.as_bytes(),
    );
    let four = run(
        &["--input", "jsonl", "--jsonl", "-j", "4"],
        input.as_bytes(),
    );
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(stdout(&one), stdout(&four));
    let ids: Vec<u64> = jsonl(&four)
        .iter()
        .map(|l| l["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, (0..60).collect::<Vec<_>>());
    let unordered = run(
        &["--input", "jsonl", "--jsonl", "-j", "4", "--unordered"],
        input.as_bytes(),
    );
    let mut lines: Vec<String> = stdout(&unordered).lines().map(String::from).collect();
    let mut want: Vec<String> = stdout(&one).lines().map(String::from).collect();
    lines.sort();
    want.sort();
    assert_eq!(lines, want);
}

/// Where page `i`'s response is in `crawl()`'s records: warcinfo, request 0, response 0, the
/// image, then a request and a response a page.
fn response_index(i: usize) -> usize {
    if i == 0 { 2 } else { 3 + 2 * i }
}

/// The end offsets of gzip members written one a record.
fn members(records: &[Vec<u8>]) -> (Vec<u8>, Vec<usize>) {
    let mut file = Vec::new();
    let mut ends = Vec::new();
    for r in records {
        file.extend_from_slice(&gzip(r));
        ends.push(file.len());
    }
    (file, ends)
}

#[test]
fn a_cut_gzip_warc_gives_every_record_before_the_cut() {
    let (records, pages) = crawl(20);
    let (file, ends) = members(&records);
    let cut = file.len() * 7 / 10;
    let dir = temp_dir("cut");
    let path = dir.join("cut.warc.gz");
    std::fs::write(&path, &file[..cut]).unwrap();
    let out = run(&["--jsonl", path.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    // The pages whose response record ended before the cut.
    let whole: Vec<usize> = (0..20)
        .filter(|&i| ends[response_index(i)] <= cut)
        .collect();
    assert!(whole.len() >= 10 && whole.len() < 20, "{whole:?}");
    let lines = jsonl(&out);
    assert_pages(&lines, &pages, &whole);
    let err = stderr(&out);
    assert!(err.contains("cut short"), "{err}");
    assert!(err.contains(path.to_str().unwrap()), "{err}");
}

#[test]
fn a_lying_content_length_fails_only_its_record() {
    let (records, pages) = crawl(6);
    let victim = response_index(1);
    assert!(String::from_utf8_lossy(&records[victim]).contains("page-1>"));
    for (lie, how) in [
        (-40i64, "short"),
        (300, "long"),
        (1_000_000, "past the end"),
    ] {
        let mut records = records.clone();
        let text = String::from_utf8_lossy(&records[victim]).into_owned();
        let len: i64 = text
            .split("Content-Length: ")
            .nth(1)
            .unwrap()
            .split('\r')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        records[victim] = text
            .replacen(
                &format!("Content-Length: {len}"),
                &format!("Content-Length: {}", len + lie),
                1,
            )
            .into_bytes();
        for gz in [false, true] {
            let file: Vec<u8> = if gz {
                members(&records).0
            } else {
                records.concat()
            };
            let out = run(&["--jsonl", "--input", "warc", "-"], &file);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{how} gz={gz}: {err}");
            let lines = jsonl(&out);
            assert_pages(&lines, &pages, &[0, 2, 3, 4, 5]);
            let failed: Vec<&Value> = lines.iter().filter(|l| l.get("error").is_some()).collect();
            assert_eq!(failed.len(), 1, "{how} gz={gz}: {lines:?}");
            assert_eq!(failed[0]["id"], "<urn:uuid:page-1>");
            assert!(
                err.contains("record 6 ") && err.contains("<urn:uuid:page-1>"),
                "{how} gz={gz}: {err}"
            );
            assert!(err.contains("Content-Length"), "{how} gz={gz}: {err}");
        }
    }
}

#[test]
fn binary_junk_between_records_is_skipped() {
    let (records, pages) = crawl(3);
    let junk: Vec<u8> = (0..3000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let mut file = records[..5].concat();
    file.extend_from_slice(&junk);
    file.extend_from_slice(&records[5..].concat());
    let out = run(&["--jsonl", "--input", "warc"], &file);
    assert_eq!(out.status.code(), Some(1));
    assert_pages(&jsonl(&out), &pages, &[0, 1, 2]);
    let err = stderr(&out);
    assert!(err.contains("not a WARC record at byte"), "{err}");

    // A damaged gzip member in the middle: the records after it are still read.
    let (mut file, ends) = members(&records);
    // Overwrite the compressed data of page 1's response.
    let (from, to) = (ends[response_index(1) - 1], ends[response_index(1)]);
    for b in &mut file[from + 20..to - 20] {
        *b = 0x55;
    }
    let out = run(&["--jsonl", "--input", "warc"], &file);
    assert_eq!(out.status.code(), Some(1));
    let lines = jsonl(&out);
    assert_pages(&lines, &pages, &[0, 2]);
    assert!(
        stderr(&out).contains(&format!("gzip member at byte {from}")),
        "{}",
        stderr(&out)
    );

    // A "page" that is binary junk: reported if the library refuses it, never a crash, and
    // the other files are read.
    let dir = temp_dir("junk");
    std::fs::write(dir.join("a.html"), page(1)).unwrap();
    std::fs::write(dir.join("b.html"), &junk).unwrap();
    std::fs::write(dir.join("c.html"), page(3)).unwrap();
    let out = run(&["--jsonl", dir.to_str().unwrap()], b"");
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 3);
    let library = Extractor::new(Options::default()).extract_bytes(&junk, None);
    match library {
        Ok(x) => assert_eq!(lines[1]["text"], x.text()),
        Err(e) => {
            assert_eq!(lines[1]["error"], e.to_string());
            assert_eq!(out.status.code(), Some(1));
        }
    }
    assert_eq!(lines[2]["text"], library_text(page(3).as_bytes(), None));
}

#[test]
fn missing_files_and_limits_fail_without_stopping() {
    let dir = temp_dir("limits");
    let big = dir.join("big.html");
    std::fs::write(&big, page(1).repeat(20)).unwrap();
    let small = dir.join("small.html");
    std::fs::write(&small, page(2)).unwrap();
    let out = run(
        &[
            "--jsonl",
            "--max-bytes",
            "4000",
            "/no/such/file.html",
            big.to_str().unwrap(),
            small.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 3);
    assert!(lines[0]["error"].as_str().unwrap().contains("No such file"));
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .contains("input too large")
    );
    assert_eq!(lines[2]["text"], library_text(page(2).as_bytes(), None));
    // A WARC record over the limit is skipped unread and fails alone.
    let (records, pages) = crawl(2);
    let mut huge = page(9).repeat(200).into_bytes();
    huge.truncate(100_000);
    let mut warc = records[..4].concat();
    warc.extend(record(
        "response",
        "huge",
        Some("https://e.example/h"),
        "application/http; msgtype=response",
        &http("text/html", &huge),
    ));
    warc.extend(records[4..].concat());
    let out = run(
        &["--jsonl", "--input", "warc", "--max-bytes", "20000"],
        &warc,
    );
    let lines = jsonl(&out);
    assert_eq!(lines[1]["id"], "<urn:uuid:huge>");
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .contains("input too large")
    );
    assert_pages(&lines, &pages, &[0, 1]);
}

#[test]
fn library_options_reach_the_output() {
    let html = page(5);
    let line =
        serde_json::json!({"id": "p", "url": "https://courier.example/news/5", "html": html})
            .to_string();
    let out = run(
        &[
            "--input",
            "jsonl",
            "--jsonl",
            "--format",
            "markdown",
            "--links",
            "--explain",
        ],
        line.as_bytes(),
    );
    let value = &jsonl(&out)[0];
    let markdown = value["markdown"].as_str().unwrap();
    // The record's url is the base for links.
    assert!(
        markdown.contains("[the plans](https://courier.example/plans/5)"),
        "{markdown}"
    );
    let blocks = value["explanation"]["blocks"].as_array().unwrap();
    assert!(!blocks.is_empty());
    assert!(blocks[0]["reasons"].as_array().is_some());

    let precision = run(
        &["--input", "jsonl", "--jsonl", "--focus", "precision"],
        line.as_bytes(),
    );
    let want = Extractor::new(Options::default().with_focus(unboil::Focus::Precision))
        .extract(&html)
        .unwrap();
    assert_eq!(jsonl(&precision)[0]["text"], want.text());

    // `--model broad` scores with the broad model's weights: the explanation's scores are the
    // library's with `Model::Broad`, not the default's.
    let broad = run(
        &[
            "--input",
            "jsonl",
            "--jsonl",
            "--model",
            "broad",
            "--explain",
        ],
        line.as_bytes(),
    );
    let first_score = |model: unboil::Model| {
        let e = Extractor::new(Options::default().with_model(model).with_explain(true))
            .extract(&html)
            .unwrap();
        e.explanation().unwrap().blocks[0].score
    };
    let got = jsonl(&broad)[0]["explanation"]["blocks"][0]["score"]
        .as_f64()
        .unwrap();
    assert!((got - f64::from(first_score(unboil::Model::Broad))).abs() < 1e-4);
    assert!((got - f64::from(first_score(unboil::Model::Standard))).abs() > 1e-4);

    let json = run(
        &["--input", "jsonl", "--jsonl", "--format", "json"],
        line.as_bytes(),
    );
    assert!(jsonl(&json)[0]["blocks"].as_array().is_some());
}

#[test]
fn stdout_closed_early_is_not_a_hang() {
    let input: String = (0..400)
        .map(|i| serde_json::json!({"id": i, "html": page(i)}).to_string() + "\n")
        .collect();
    let mut child = Command::new(BIN)
        .args(["--input", "jsonl", "--jsonl", "-j", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait());
    });
    assert!(
        rx.recv_timeout(Duration::from_secs(30)).is_ok(),
        "unboil did not stop"
    );
}

#[test]
#[cfg(target_os = "linux")]
fn a_full_disk_on_stdout_is_reported() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let mut child = Command::new(BIN)
        .args(["--input", "jsonl", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(full)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let line = serde_json::json!({"id": 1, "html": page(1)}).to_string();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(line.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("standard output"), "{}", stderr(&out));
}
