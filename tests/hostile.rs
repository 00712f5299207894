//! Hostile input: pathological nesting, huge pages, huge nodes, broken bytes, random binary,
//! unclosed raw-text elements, and the same for plain-text mode. Every input is generated here.
//!
//! Each test checks that the extraction completes, that the text that should survive does (in
//! order), and that no control character reaches the output. The time ceilings are generous
//! (the suite runs unoptimised): they only catch a quadratic blow-up, which takes minutes on
//! these sizes; `examples/extract` under `/usr/bin/time` gives the real figures (see the README).

use std::time::{Duration, Instant};

use unboil::{ErrorKind, Extracted, Extractor, Options};

/// A sentence long and plain enough to be kept as content wherever it lands.
const MARKER: &str = "The deep marker sentence survives the flattening of the nesting, as a \
                      paragraph of the main text should.";

/// Runs `f`, fails if it takes longer than `secs`.
fn timed<T>(what: &str, secs: u64, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(
        took < Duration::from_secs(secs),
        "{what} took {took:?}, ceiling {secs} s"
    );
    out
}

/// No control character but tab and line feed, anywhere in the result.
fn assert_clean(e: &Extracted) {
    let bad = |s: &str| s.chars().any(|c| c.is_control() && c != '\n' && c != '\t');
    assert!(!bad(e.text()), "control character in the text");
    assert!(
        !e.title().is_some_and(bad),
        "control character in the title"
    );
    assert!(!e.blocks().iter().any(|b| bad(b.text())));
}

/// `parts` appear in `text` in this order.
fn assert_in_order(text: &str, parts: &[&str]) {
    let mut from = 0;
    for p in parts {
        match text.get(from..).and_then(|rest| rest.find(p)) {
            Some(i) => from += i + p.len(),
            None => panic!(
                "{p:?} missing or out of order in {:?}…",
                text.chars().take(300).collect::<String>()
            ),
        }
    }
}

/// Extracts `page` with no limit but the depth cap: these tests are about time and about what
/// text survives; the memory budget, which stops the densest of these pages, has its own
/// tests below.
fn html(page: &str, secs: u64) -> Extracted {
    let unlimited = Extractor::new(
        Options::default()
            .with_max_nodes(usize::MAX)
            .with_max_memory(usize::MAX),
    );
    let e = timed("extract", secs, || unlimited.extract(page)).unwrap();
    assert_clean(&e);
    e
}

/// Deterministic pseudo-random bytes (xorshift64*), no dependency needed.
fn random_bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.max(1);
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        out.extend_from_slice(&x.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes());
    }
    out.truncate(len);
    out
}

#[test]
fn nested_div_100k() {
    let n = 100_000;
    let page = format!(
        "<p>Opening words of the page before the nesting begins, a sentence.</p>{}<p>{MARKER}</p>{}",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let e = html(&page, 30);
    assert_in_order(e.text(), &["Opening words", MARKER]);
}

#[test]
fn nested_ul_li_30k() {
    let n = 30_000;
    let page = format!("{}{MARKER}{}", "<ul><li>".repeat(n), "</li></ul>".repeat(n));
    assert!(html(&page, 30).text().contains(MARKER));
}

#[test]
fn nested_a_50k() {
    let n = 50_000;
    let page = format!(
        "<p>{}{MARKER}{}</p>",
        "<a href=x>".repeat(n),
        "</a>".repeat(n)
    );
    let e = html(&page, 30);
    assert!(e.blocks().iter().any(|b| b.text().contains(MARKER)));
}

#[test]
fn nested_b_i_50k() {
    let n = 50_000;
    let page = format!(
        "<p>{}{MARKER}{}</p>",
        "<b><i>".repeat(n),
        "</i></b>".repeat(n)
    );
    assert!(html(&page, 30).text().contains(MARKER));
    // Mis-nested: every `</b>` runs the adoption agency and `<i>` is re-created.
    let page = format!("<p>{}</p><p>{MARKER}</p>", "<b><i>x</b>y</i>".repeat(n));
    assert!(html(&page, 30).text().contains(MARKER));
}

#[test]
fn nested_table_50k() {
    let n = 50_000;
    let page = format!(
        "{}{MARKER}{}",
        "<table><tr><td>".repeat(n),
        "</td></tr></table>".repeat(n)
    );
    assert!(html(&page, 30).text().contains(MARKER));
}

#[test]
fn foster_parenting_40k() {
    // Text and elements inside a table but outside its cells are moved before the table.
    let body: String = (0..40_000)
        .map(|i| format!("fostered {i} <div>d</div>"))
        .collect();
    let page = format!("<table>{body}</table><p>{MARKER}</p>");
    let e = html(&page, 30);
    let all: Vec<&str> = e.blocks().iter().map(|b| b.text()).collect();
    let all = all.join("\n");
    for i in [0, 255, 256, 39_999] {
        assert!(
            all.contains(&format!("fostered {i}\n")),
            "fostered {i} lost"
        );
    }
    assert!(e.text().contains(MARKER));
}

#[test]
fn many_tables_with_fostered_text() {
    let page = format!("{}<p>{MARKER}</p>", "<table>x</table>".repeat(40_000));
    assert!(html(&page, 30).text().contains(MARKER));
}

#[test]
fn dangling_formatting_elements() {
    // Formatting elements left open are re-created before every later paragraph.
    let open: String = (0..5000).map(|i| format!("<b class=c{i}>")).collect();
    let page = format!(
        "<p>{open}</p>{}<p>{MARKER}</p>",
        "<p>a short paragraph</p>".repeat(20_000)
    );
    assert!(html(&page, 30).text().contains(MARKER));
}

#[test]
fn end_tags_beyond_scope() {
    for unit in [
        "<div><table><tr><td></div>",
        "<b><div>x</b>",
        "<p><table><td></p>",
    ] {
        let page = format!("{}{MARKER}", unit.repeat(30_000));
        let e = html(&page, 30);
        assert!(
            e.blocks().iter().any(|b| b.text().contains(MARKER)),
            "{unit}"
        );
    }
    // End tags that match nothing reachable: each must cost O(1), not a walk of the stack.
    let page = format!(
        "<span><table><tr><td>{}{}<p>{MARKER}</p>",
        "<div>".repeat(500),
        "</span>".repeat(200_000)
    );
    assert!(html(&page, 30).text().contains(MARKER));
}

/// `n` paragraphs of about 200 bytes, each numbered.
/// Numbered paragraphs of about 200 bytes, up to `bytes` in all.
fn paragraphs(bytes: usize) -> (String, usize) {
    let mut page = String::with_capacity(bytes + 1024);
    page.push_str("<html><head><title>A long page</title></head><body><article>");
    let mut i = 0;
    while page.len() < bytes {
        page.push_str(&format!(
            "<p>Paragraph {i}: the council met on Tuesday evening to discuss the new harbour plan, \
             which sets out moorings, a slipway and a boat store for the sailing club.</p>\n"
        ));
        i += 1;
    }
    page.push_str("</article></body></html>");
    (page, i)
}

#[test]
fn page_of_20_mb() {
    let (page, n) = paragraphs(20 << 20);
    let e = html(&page, 120);
    let last = format!("Paragraph {}:", n - 1);
    assert_in_order(e.text(), &["Paragraph 0:", "Paragraph 50000:", &last]);
    assert_eq!(e.text().matches("Paragraph ").count(), n);
}

#[test]
fn single_text_node_of_5_mb() {
    let words = "lorem ipsum dolor sit amet, ".repeat(5 << 20 >> 5);
    let page = format!("<p>Start of it all. {words}End of it all.</p>");
    let e = html(&page, 60);
    assert!(e.text().starts_with("Start of it all."));
    assert!(e.text().ends_with("End of it all."));
}

#[test]
fn attribute_value_of_1_mb() {
    let value = "x".repeat(1 << 20);
    let page = format!("<div title=\"{value}\" class=\"{value}\"><p>{MARKER}</p></div>");
    let e = html(&page, 30);
    assert_eq!(e.text(), MARKER);
}

#[test]
fn siblings_200k() {
    let page = format!(
        "<div>{}</div><p>{MARKER}</p>",
        "<span>w</span>".repeat(200_000)
    );
    let e = html(&page, 60);
    assert!(e.blocks().iter().any(|b| b.text().contains(MARKER)));
}

#[test]
fn entities_100k() {
    let page = format!(
        "<p>{}</p><p>{MARKER}</p><p>{}</p>",
        "&amp;&lt;&#x41;&eacute;&#0;&#128;&bogus; ".repeat(100_000 / 6),
        "&".repeat(100_000)
    );
    let e = html(&page, 30);
    assert!(
        e.blocks()
            .iter()
            .any(|b| b.text().starts_with("&<Aé\u{FFFD}€&bogus; &<Aé"))
    );
    assert!(e.text().contains(MARKER));
}

#[test]
fn invalid_utf8_bytes() {
    let text = "<p>Naïve café, Straße, 東京.</p>".repeat(10);
    let mut page = format!("<p>{MARKER}</p>{text}").into_bytes();
    // Broken sequences: a lone continuation byte, a truncated 3-byte sequence, an overlong.
    page.extend_from_slice(b"<p>bad \x80 \xE2\x82 \xC0\xAF end</p>");
    let e = timed("extract_bytes", 10, || {
        unboil::extract_bytes(&page, Some("utf-8"))
    });
    assert_clean(&e);
    assert_eq!(e.encoding(), Some("UTF-8"));
    assert!(e.text().contains(MARKER));
    assert!(e.text().contains("Naïve café, Straße, 東京."));
    // Without a hint the UTF-8 is still recognised despite the broken bytes.
    let e = unboil::extract_bytes(&page, None);
    assert_eq!(e.encoding(), Some("UTF-8"));
    assert!(e.text().contains("Naïve café"));
}

#[test]
fn utf16_without_bom() {
    let page = format!("<html><body><p>{MARKER}</p></body></html>");
    for (bytes, name) in [
        (
            page.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
            "UTF-16LE",
        ),
        (
            page.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            "UTF-16BE",
        ),
    ] {
        let e = unboil::extract_bytes(&bytes, None);
        assert_clean(&e);
        assert_eq!(e.encoding(), Some(name));
        assert_eq!(e.text(), MARKER);
    }
}

#[test]
fn nul_and_control_characters() {
    let page = format!(
        "<title>Ti\0tle\u{1}</title><p>{MARKER}\0</p><pre>a\u{b}b\u{c}c\u{1b}[0m\u{85}d</pre><p>x\u{9f}y</p>"
    );
    let e = html(&page, 10);
    assert!(e.text().contains(MARKER));
    let dump = format!("Home\0\n\n{MARKER}\u{1}\u{7f}\r\n\nmore\u{80} text\u{0}\n");
    let e = unboil::extract_text(&dump);
    assert_clean(&e);
    assert!(e.text().contains(MARKER));
}

#[test]
fn random_binary() {
    let extractor = Extractor::new(Options::default());
    for seed in 1..=8u64 {
        let bytes = random_bytes(seed, 256 << 10);
        // As bytes, it is not text; as a string (the caller's decision), it is parsed.
        let err = timed("random bytes", 30, || extractor.extract_bytes(&bytes, None)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotText);
        let lossy = String::from_utf8_lossy(&bytes);
        let e = timed("random html", 30, || extractor.extract(&lossy)).unwrap();
        assert_clean(&e);
        let e = timed("random dump", 30, || extractor.extract_text(&lossy)).unwrap();
        assert_clean(&e);
    }
    // Random bytes mixed into markup reach more of the tree builder.
    let tags = b"<div><p><table><tr><td><b><i><a href=x><ul><li></p></div></td></b>";
    let noise = random_bytes(99, 1 << 20);
    let mixed: Vec<u8> = noise
        .chunks(16)
        .zip(tags.iter().cycle())
        .flat_map(|(c, t)| c.iter().copied().chain([b'<', *t, b'>']))
        .collect();
    let lossy = String::from_utf8_lossy(&mixed);
    let e = timed("mixed", 60, || extractor.extract(&lossy)).unwrap();
    assert_clean(&e);
    let err = extractor.extract_bytes(&mixed, None).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotText);
}

#[test]
fn empty_and_blank_input() {
    for input in [
        "",
        " ",
        "\n\n\t \r\n",
        "\u{feff}",
        "<html></html>",
        "<!---->",
    ] {
        let e = html(input, 5);
        assert!(e.is_empty(), "{input:?}");
        if !input.contains('<') {
            assert!(unboil::extract_text(input).is_empty(), "{input:?}");
        }
        assert!(unboil::extract_bytes(input.as_bytes(), None).is_empty());
    }
    assert!(unboil::extract_bytes(b"", Some("utf-16le")).is_empty());
}

#[test]
fn unclosed_raw_text_elements() {
    let before = format!("<p>{MARKER}</p>");
    let tail = "x = 1; </p> <div> text that is not markup ".repeat(10_000);
    for open in [
        "<script>",
        "<style>",
        "<!--",
        "<textarea>",
        "<title>",
        "<xmp>",
    ] {
        let page = format!("{before}{open}{tail}");
        let e = html(&page, 30);
        assert!(e.text().starts_with(MARKER), "{open}: {:?}", e.text());
        if open != "<textarea>" && open != "<xmp>" {
            assert!(!e.text().contains("x = 1;"), "{open}");
        }
    }
}

#[test]
fn limits_are_typed_errors() {
    let small = Extractor::new(Options::default().with_max_input_bytes(1000));
    let big = "<p>x</p>".repeat(1000);
    assert_eq!(
        small.extract(&big).unwrap_err().kind(),
        ErrorKind::InputTooLarge
    );
    assert_eq!(
        small
            .extract_bytes(big.as_bytes(), None)
            .unwrap_err()
            .kind(),
        ErrorKind::InputTooLarge
    );
    assert_eq!(
        small.extract_text(&big).unwrap_err().kind(),
        ErrorKind::InputTooLarge
    );
    let few = Extractor::new(Options::default().with_max_nodes(500));
    assert_eq!(
        few.extract(&big).unwrap_err().kind(),
        ErrorKind::TooManyNodes
    );
}

// Plain-text mode.

#[test]
fn dump_of_20_mb() {
    let mut dump = String::with_capacity(21 << 20);
    dump.push_str("Home | News | Sport\n\nA long dump\n\n");
    let mut i = 0;
    while dump.len() < 20 << 20 {
        dump.push_str(&format!(
            "Paragraph {i}: the council met on Tuesday evening to discuss the new harbour plan, \
             which sets out moorings and a slipway for the sailing club.\n\n"
        ));
        i += 1;
    }
    let e = timed("extract_text 20 MB", 120, || unboil::extract_text(&dump));
    assert_clean(&e);
    let last = format!("Paragraph {}:", i - 1);
    assert_in_order(e.text(), &["Paragraph 1:", "Paragraph 50000:", &last]);
}

#[test]
fn dump_single_line_of_5_mb() {
    let line = format!(
        "Start of the line. {}End of the line.",
        "lorem ipsum dolor sit amet, ".repeat(5 << 20 >> 5)
    );
    let e = timed("extract_text 5 MB line", 60, || unboil::extract_text(&line));
    assert_clean(&e);
    assert!(e.text().starts_with("Start of the line."));
    assert!(e.text().ends_with("End of the line."));
}

#[test]
fn dump_of_a_million_empty_lines() {
    let dump = format!(
        "{}{MARKER}\n{}",
        "\n".repeat(1_000_000),
        "\r\n".repeat(1_000_000)
    );
    let e = timed("extract_text empty lines", 60, || {
        unboil::extract_text(&dump)
    });
    assert_eq!(e.text(), MARKER);
}

// The rows of issue 13: each input that broke a promise, at a size that keeps `cargo test`
// quick (the README's "Limits and guarantees" gives the full-size figures).

#[test]
fn attributes_200k_on_one_element() {
    // The tokenizer checks each attribute against all earlier ones: 15 s when uncapped.
    let attrs: String = (0..200_000).map(|i| format!(" a{i}=x")).collect();
    let page = format!("<div class=story{attrs}><p>{MARKER}</p></div>");
    assert_eq!(html(&page, 5).text(), MARKER);
    // A `>` in a quoted value does not end the tag; end tags are tokenized the same way.
    let page = format!("<div title='>'{attrs}><p>{MARKER}</p></div{attrs}>");
    assert_eq!(html(&page, 5).text(), MARKER);
    // Hidden where a scan that skipped raw text blindly would not look: a `<style>` inside
    // `<svg>` is markup, and a script's `</script>` inside `<!--<script>` ends nothing.
    for (open, close) in [
        ("<svg><style>", ""),
        ("<script><!--<script></script>'<b x='", "</script>"),
        ("<!--->", ""),
    ] {
        let page = format!("<p>{MARKER}</p>{open}{close}<div{attrs}>x</div>");
        let e = html(&page, 5);
        assert!(e.text().starts_with(MARKER), "{open}");
    }
    // Attributes repeated on `<body>` tags are merged into one element, each checked against
    // the ones it has.
    let bodies: String = (0..100_000).map(|i| format!("<body b{i}=x>")).collect();
    let page = format!("<p>{MARKER}</p>{bodies}");
    assert_eq!(html(&page, 5).text(), MARKER);
}

#[test]
fn attributes_below_the_cap_and_read_ones_are_kept() {
    // The attributes the hints read still reach them after many that nothing reads.
    let noise: String = (0..45)
        .map(|i| format!(" data-x{i}='{i}' onclick='f()'"))
        .collect();
    let page = format!(
        "<div{noise} class='nav'><p><a href=/a>Home</a> <a href=/b>News</a></p></div>\
         <article><p>{MARKER}</p></article>"
    );
    let e = html(&page, 5);
    assert_eq!(e.text(), MARKER);
}

#[test]
fn nul_bytes() {
    // As bytes: not text, at once.
    let nuls = vec![0u8; 20 << 20];
    let extractor = Extractor::default();
    let err = timed("20 MB of NULs", 5, || extractor.extract_bytes(&nuls, None)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotText);
    assert!(unboil::extract_bytes(&nuls, None).is_empty());
    // As a string: parsed, and the parse errors of every NUL are not kept.
    let text = "\0".repeat(4 << 20);
    assert!(html(&text, 20).is_empty());
    // A page with a few stray NULs is still text.
    let page = format!("<p>{MARKER}</p>\0\0\0<p>\0{MARKER}</p>");
    let e = extractor.extract_bytes(page.as_bytes(), None).unwrap();
    assert!(e.text().contains(MARKER));
}

#[test]
fn dense_small_elements_hit_the_memory_budget() {
    // A million tiny links cost 560 bytes each (35 times the page) before the budget.
    let links = "<a href=#>x</a>\n".repeat(1 << 20);
    let extractor = Extractor::default();
    let err = timed("1M links", 20, || extractor.extract(&links)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::MemoryBudget);
    let err = extractor.extract(&"<p></p>".repeat(100_000)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::MemoryBudget);
    // The same links among enough text are a page: the budget grows with the input.
    let text = format!("<p>{MARKER}</p>\n").repeat(20_000);
    let page = format!("{text}{}", "<a href=#>x</a>\n".repeat(20_000));
    let e = extractor.extract(&page).unwrap();
    assert!(e.text().starts_with(MARKER));
    // A larger budget lets the dense page through.
    let roomy = Extractor::new(Options::default().with_max_memory(1 << 30));
    assert!(roomy.extract(&"<p></p>".repeat(100_000)).is_ok());
}

#[test]
fn paragraphs_with_entities_count_nodes_not_tokens() {
    // Every `&nbsp;` splits the text into another token; rcdom joins them into one node.
    let words = "the council met on Tuesday evening to discuss the new harbour plan, which sets \
                 out moorings, a slipway and a boat store for the sailing club."
        .replace(' ', "&nbsp;");
    let n = 20_000;
    let page: String = (0..n)
        .map(|i| format!("<p>Paragraph {i}: {words}</p>\n"))
        .collect();
    // Two nodes a paragraph (and a few for the page); 24 tokens a paragraph.
    let extractor = Extractor::new(Options::default().with_max_nodes(2 * n + 10));
    let e = timed("entities", 30, || extractor.extract(&page)).unwrap();
    assert_eq!(e.text().matches("Paragraph ").count(), n);
    assert!(e.text().contains(&format!("Paragraph {}: the", n - 1)));
    let err = Extractor::new(Options::default().with_max_nodes(2 * n - 10))
        .extract(&page)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TooManyNodes);
}

#[test]
fn dump_of_a_line_repeated_millions_of_times() {
    let dump = "Home\n".repeat(2_000_000);
    let e = timed("2M Home lines", 30, || unboil::extract_text(&dump));
    assert!(e.is_empty(), "{:?}", e.text().get(..100));
    // Around an article, the repeated line goes and the article stays.
    let article = format!("Harbour plan approved\n\n{MARKER}\n\n{MARKER} Again.\n\n");
    let dump = format!(
        "{}{article}{}",
        "Home\n".repeat(5000),
        "Home\n".repeat(5000)
    );
    let e = unboil::extract_text(&dump);
    assert!(e.text().contains(MARKER));
    assert!(!e.text().contains("Home"));
    assert!(!e.blocks().iter().any(|b| b.text() == "Home"));
    // Below the threshold a line makes its blocks as before; braces are never furniture.
    let dump = format!("{article}{}", "Home\n\n".repeat(999));
    assert_eq!(
        unboil::extract_text(&dump)
            .blocks()
            .iter()
            .filter(|b| b.text() == "Home")
            .count(),
        999
    );
    let dump = format!("{article}{}", "}\n\n".repeat(1500));
    let e = unboil::extract_text(&dump);
    let braces: usize = e
        .blocks()
        .iter()
        .map(|b| b.text().matches('}').count())
        .sum();
    assert_eq!(braces, 1500);
}

#[test]
fn dump_of_distinct_short_lines_hits_the_memory_budget() {
    // A block costs a few hundred bytes whatever its line's length.
    let dump: String = (0..1_000_000).map(|i| format!("L{i}\n")).collect();
    let err = timed("1M short lines", 20, || {
        Extractor::default().extract_text(&dump)
    })
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::MemoryBudget);
}

#[test]
fn dump_line_endings() {
    let lines = [
        "Home",
        "News",
        "",
        "Harbour plan approved",
        "",
        MARKER,
        "",
        "The vote passed by nine to two, and work on the slipway starts in May next year.",
        "",
        "(c) 2024 The Courier",
    ];
    let lf = unboil::extract_text(&lines.join("\n"));
    assert_eq!(lf.title(), Some("Harbour plan approved"));
    assert!(lf.text().starts_with(MARKER));
    for ending in ["\r", "\r\n"] {
        let e = unboil::extract_text(&lines.join(ending));
        assert_eq!(e.text(), lf.text(), "{ending:?}");
        assert_eq!(e.title(), lf.title(), "{ending:?}");
        assert_eq!(e.blocks().len(), lf.blocks().len(), "{ending:?}");
    }
}

#[test]
fn utf8_page_with_a_stray_windows_1252_byte() {
    // Few non-ASCII characters, one of them pasted from windows-1252: no declaration.
    let mut page = Vec::new();
    page.extend_from_slice("<h1>The cafés of the harbour</h1>".as_bytes());
    for i in 0..8 {
        page.extend_from_slice(
            format!(
                "<p>Paragraph {i}: the owners who met on Tuesday said the plan was good news \
                 for the sailors and the town.</p>"
            )
            .as_bytes(),
        );
    }
    page.extend_from_slice(b"<p>The harbour plan\x92s moorings open in May, the council said.</p>");
    let e = Extractor::default().extract_bytes(&page, None).unwrap();
    assert_eq!(e.encoding(), Some("UTF-8"));
    assert_clean(&e);
    assert!(
        e.text().contains("The harbour plan\u{2019}s moorings"),
        "{}",
        e.text()
    );
    assert!(
        e.blocks()
            .iter()
            .any(|b| b.text() == "The cafés of the harbour")
    );
    // A declared charset still wins, as in a browser.
    let e = Extractor::default()
        .extract_bytes(&page, Some("windows-1252"))
        .unwrap();
    assert!(e.text().contains("plan\u{2019}s"));
    assert!(
        e.blocks()
            .iter()
            .any(|b| b.text() == "The cafÃ©s of the harbour")
    );
}

#[test]
fn binary_files_are_not_text() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x02\0\0\0".to_vec();
    let gzip = b"\x1f\x8b\x08\0\0\0\0\0\0\x03\xcb\x48\xcd\xc9\xc9\x07\0".to_vec();
    let pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj".to_vec();
    let zip = b"PK\x03\x04\x14\0\0\0\x08\0".to_vec();
    let random = random_bytes(5, 1 << 20);
    let extractor = Extractor::default();
    for (bytes, what) in [
        (png, "a PNG image"),
        (gzip, "gzip-compressed data"),
        (pdf, "a PDF document"),
        (zip, "a ZIP archive"),
        (random, "bytes with many control characters"),
    ] {
        // Even when the server calls it HTML in UTF-8.
        for hint in [None, Some("text/html; charset=utf-8")] {
            let err = extractor.extract_bytes(&bytes, hint).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::NotText, "{what}");
            assert!(
                err.to_string().starts_with(&format!("not text: {what}")),
                "{err}"
            );
        }
        assert!(unboil::extract_bytes(&bytes, None).is_empty());
    }
    // Text that starts like one of them is text.
    for page in [
        "%PDF files are documents, the page says.",
        "PK and GIF are letters",
    ] {
        let page = format!("<p>{page} {MARKER}</p>");
        assert!(extractor.extract_bytes(page.as_bytes(), None).is_ok());
    }
}
