//! The same input and options give the same output: on every call, and on every thread of a
//! shared extractor (HTML, bytes and plain-text mode).

use std::sync::Arc;
use std::thread;

use unboil::{Extracted, Extractor, Options};

/// Everything an extraction says, as one string to compare.
fn fingerprint(e: &Extracted) -> String {
    let mut out = format!(
        "{:?}\n{:?}\n{}\n{}\n",
        e.title(),
        e.encoding(),
        e.text(),
        e.to_markdown()
    );
    for b in e.blocks() {
        out.push_str(&format!(
            "{:?} {:?} {:.6} {}\n",
            b.kind(),
            b.is_content(),
            b.score(),
            b.text()
        ));
    }
    if let Some(x) = e.explanation() {
        out.push_str(&format!("{x:?}"));
    }
    out
}

/// Every page of the project's corpus, and every dump.
fn inputs() -> (Vec<String>, Vec<String>) {
    let read_all = |dir: &str, file: &str| -> Vec<String> {
        let mut dirs: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        dirs.iter()
            .map(|d| std::fs::read_to_string(d.join(file)).unwrap())
            .collect()
    };
    let pages = read_all("tests/pages", "source.html");
    let dumps = read_all("tests/dumps", "dump.txt");
    assert!(pages.len() >= 10 && dumps.len() >= 3);
    (pages, dumps)
}

/// One run over all inputs: HTML, the same pages as bytes (UTF-8 and windows-1252) and dumps.
fn run(extractor: &Extractor, pages: &[String], dumps: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for page in pages {
        out.push(fingerprint(&extractor.extract(page).unwrap()));
        out.push(fingerprint(
            &extractor.extract_bytes(page.as_bytes(), None).unwrap(),
        ));
        let (legacy, _, _) = encoding_rs::WINDOWS_1252.encode(page);
        out.push(fingerprint(
            &extractor
                .extract_bytes(&legacy, Some("windows-1252"))
                .unwrap(),
        ));
    }
    for dump in dumps {
        out.push(fingerprint(&extractor.extract_text(dump).unwrap()));
    }
    out
}

#[test]
fn same_output_on_every_call() {
    let (pages, dumps) = inputs();
    for options in [
        Options::default(),
        Options::default()
            .with_explain(true)
            .with_links(true)
            .with_images(true)
            .with_comments(true),
    ] {
        let extractor = Extractor::new(options);
        let first = run(&extractor, &pages, &dumps);
        for _ in 0..3 {
            assert!(run(&extractor, &pages, &dumps) == first);
        }
        // A fresh extractor with the same options agrees too.
        assert!(run(&extractor.clone(), &pages, &dumps) == first);
    }
}

#[test]
fn same_output_on_every_thread() {
    let (pages, dumps) = inputs();
    let extractor = Arc::new(Extractor::new(Options::default().with_explain(true)));
    let reference = run(&extractor, &pages, &dumps);
    let (pages, dumps) = (Arc::new(pages), Arc::new(dumps));
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let (extractor, pages, dumps) = (extractor.clone(), pages.clone(), dumps.clone());
            thread::spawn(move || run(&extractor, &pages, &dumps))
        })
        .collect();
    for h in handles {
        assert!(h.join().unwrap() == reference);
    }
    // Scoped threads borrowing one extractor, each page on its own thread.
    let shared = Extractor::new(Options::default());
    let single: Vec<String> = pages
        .iter()
        .map(|p| fingerprint(&shared.extract(p).unwrap()))
        .collect();
    let parallel: Vec<String> = thread::scope(|s| {
        let handles: Vec<_> = pages
            .iter()
            .map(|p| s.spawn(|| fingerprint(&shared.extract(p).unwrap())))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(parallel == single);
}
