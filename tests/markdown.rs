//! `Extracted::to_markdown`: block structure, inline markup, links and images, escaping, and
//! two properties over the page corpus (`tests/pages`): the Markdown holds the same words as
//! the text, and every table it writes is a valid GFM table.

use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};
use unboil::{Extractor, Options};

/// Wraps body markup in a page whose article the extractor keeps.
fn page(body: &str) -> String {
    format!(
        "<html><head><title>Notes from the allotment</title></head><body>\
         <nav><a href='/'>Home</a> <a href='/garden'>Garden</a> <a href='/about'>About</a></nav>\
         <article><h1>Notes from the allotment</h1>\
         <p>The spring has been wet and cold, and most of the plots are only now being dug over \
         for the first sowings of the year.</p>{body}\
         <p>The committee meets again on the first Sunday of next month, at the hut by the \
         gate, and every plot holder is welcome to come along.</p></article>\
         <footer><a href='/contact'>Contact</a> · <a href='/privacy'>Privacy</a></footer>\
         </body></html>"
    )
}

fn markdown(body: &str) -> String {
    unboil::extract(&page(body)).to_markdown()
}

fn markdown_with(options: Options, body: &str) -> String {
    Extractor::new(options)
        .extract(&page(body))
        .unwrap()
        .to_markdown()
}

fn md_options() -> MdOptions {
    MdOptions::ENABLE_TABLES | MdOptions::ENABLE_STRIKETHROUGH
}

/// The text a Markdown reader sees: text and code events, a newline at every block boundary,
/// link and image targets and image alternative texts left out.
fn reader_text(md: &str) -> String {
    let mut out = String::new();
    let mut in_image = 0usize;
    for event in Parser::new_ext(md, md_options()) {
        match event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image -= 1,
            Event::Text(t) | Event::Code(t) if in_image == 0 => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::Start(Tag::List(_) | Tag::Item) => out.push('\n'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableCell
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// Lowercased words (runs of letters and digits), sorted: a bag of words.
fn words(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut w: Vec<String> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    w.sort();
    w
}

/// The Markdown's tables as the parser sees them: (header cells, cells per body row).
fn parsed_tables(md: &str) -> Vec<(Vec<String>, Vec<Vec<String>>)> {
    let mut tables = Vec::new();
    let mut header = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(md, md_options()) {
        match event {
            Event::Start(Tag::Table(_)) => {
                header.clear();
                rows.clear();
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::End(TagEnd::TableCell) => row.push(cell.take().unwrap_or_default()),
            Event::End(TagEnd::TableHead) => header = std::mem::take(&mut row),
            Event::End(TagEnd::TableRow) => rows.push(std::mem::take(&mut row)),
            Event::End(TagEnd::Table) => {
                tables.push((std::mem::take(&mut header), std::mem::take(&mut rows)))
            }
            _ => {}
        }
    }
    tables
}

/// Unescaped pipes of a table line, less the outer ones: its cell count.
fn cell_count(line: &str) -> usize {
    let mut pipes = 0;
    let mut backslashes = 0;
    for c in line.chars() {
        if c == '|' && backslashes % 2 == 0 {
            pipes += 1;
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
    }
    pipes - 1
}

/// Checks every table written in `md` line by line (a header row, a delimiter row, rows of the
/// same cell count, all starting and ending with a pipe) and that the parser reads each of them
/// as a table. Returns the number of tables.
fn assert_valid_gfm_tables(md: &str, name: &str) -> usize {
    let lines: Vec<&str> = md.lines().collect();
    let mut written = 0;
    for (i, line) in lines.iter().enumerate() {
        let is_delimiter = line.starts_with("| ---") && line.trim_end().ends_with("--- |");
        if !is_delimiter {
            continue;
        }
        written += 1;
        let columns = cell_count(line);
        assert!(i > 0, "{name}: delimiter row without a header row");
        let header = lines[i - 1];
        assert!(
            header.starts_with('|') && header.ends_with('|'),
            "{name}: header {header:?}"
        );
        assert_eq!(cell_count(header), columns, "{name}: header {header:?}");
        for row in lines[i + 1..].iter().take_while(|l| l.starts_with('|')) {
            assert!(row.ends_with('|'), "{name}: row {row:?}");
            assert_eq!(cell_count(row), columns, "{name}: row {row:?}");
        }
    }
    let parsed = parsed_tables(md);
    assert_eq!(
        parsed.len(),
        written,
        "{name}: tables the parser finds\n{md}"
    );
    for (header, rows) in &parsed {
        for row in rows {
            assert_eq!(row.len(), header.len(), "{name}: {row:?} under {header:?}");
        }
    }
    written
}

// ---------------------------------------------------------------------------------------------
// Blocks

#[test]
fn headings_keep_their_level_and_the_title_is_not_repeated() {
    let md = markdown(
        "<h2>Sowing</h2><p>Broad beans went in on Saturday, two rows of them along the fence.</p>\
         <h3>Under cover</h3><p>Tomatoes and chillies are on the windowsill until the frosts end.</p>\
         <h4>A note on seed</h4><p>Seed saved from last year germinated as well as the bought packets.</p>",
    );
    assert!(md.contains("\n\n## Sowing\n\nBroad beans"), "{md}");
    assert!(md.contains("\n\n### Under cover\n\n"), "{md}");
    assert!(md.contains("\n\n#### A note on seed\n\n"), "{md}");
    assert!(!md.contains("# Notes from the allotment"), "{md}");
    assert!(md.starts_with("The spring has been wet"), "{md}");
    assert!(md.ends_with("welcome to come along.\n"), "{md}");
}

#[test]
fn nested_lists_are_indented_under_their_item() {
    let md = markdown(
        "<p>The jobs for this month, in the order they need doing:</p>\
         <ol><li>Dig over the beds\
           <ul><li>Start with the heavy clay at the bottom</li><li>Leave the top bed for the potatoes</li></ul></li>\
         <li>Spread the compost</li>\
         <li>Put up the bean poles</li></ol>\
         <p>And the things to buy before the shop closes for the season:</p>\
         <ul><li>String</li><li>Canes</li></ul>",
    );
    let want = "1. Dig over the beds\n   \
                - Start with the heavy clay at the bottom\n   \
                - Leave the top bed for the potatoes\n\
                2. Spread the compost\n\
                3. Put up the bean poles\n\n\
                And the things to buy before the shop closes for the season:\n\n\
                - String\n\
                - Canes\n";
    assert!(md.contains(want), "{md}");
}

#[test]
fn an_ordered_list_keeps_its_start_and_an_item_its_second_paragraph() {
    let md = markdown(
        "<ol start='4'><li><p>Water the seedlings every other morning.</p>\
         <p>In hot weather, every morning, before nine.</p></li>\
         <li><p>Thin them out when they have two true leaves.</p></li></ol>",
    );
    let want = "4. Water the seedlings every other morning.\n\n   \
                In hot weather, every morning, before nine.\n\
                5. Thin them out when they have two true leaves.";
    assert!(md.contains(want), "{md}");
}

#[test]
fn a_data_table_becomes_a_gfm_table() {
    let md = markdown(
        "<table><caption>Rainfall by month</caption>\
         <thead><tr><th>Month</th><th>Rain (mm)</th><th>Days</th></tr></thead>\
         <tbody><tr><td>March</td><td>71</td><td>14</td></tr>\
         <tr><td>April</td><td><b>92</b></td><td>17</td></tr>\
         <tr><td>May | June</td><td>40</td><td>9</td></tr></tbody></table>",
    );
    let want = "Rainfall by month\n\n\
                | Month | Rain (mm) | Days |\n\
                | --- | --- | --- |\n\
                | March | 71 | 14 |\n\
                | April | **92** | 17 |\n\
                | May \\| June | 40 | 9 |\n";
    assert!(md.contains(want), "{md}");
    assert_eq!(assert_valid_gfm_tables(&md, "inline"), 1);
}

#[test]
fn a_table_without_a_heading_row_gets_an_empty_one() {
    let md = markdown(
        "<table><tr><th>Plot</th><td>14b</td></tr><tr><th>Size</th><td>125 square metres</td></tr></table>",
    );
    assert!(
        md.contains("|  |  |\n| --- | --- |\n| Plot | 14b |\n| Size | 125 square metres |\n"),
        "{md}"
    );
}

#[test]
fn spans_and_paragraph_cells_still_make_a_grid() {
    // A cell over two columns, one over two rows, and cells that hold one paragraph each (as
    // documentation generators write them).
    let md = markdown(
        "<table><tr><th>Crop</th><th colspan='2'>Sown</th></tr>\
         <tr><td rowspan='2'><p>Beans</p></td><td><p>March</p></td><td><p>outdoors</p></td></tr>\
         <tr><td><p>April</p></td><td><p>under glass</p></td></tr></table>",
    );
    let want = "| Crop | Sown |  |\n\
                | --- | --- | --- |\n\
                | Beans | March | outdoors |\n\
                |  | April | under glass |\n";
    assert!(md.contains(want), "{md}");
}

#[test]
fn a_layout_table_is_flattened() {
    let md = markdown(
        "<table><tr><td><p>The water butts are full again after the storms of last week.</p>\
         <p>Please use them before the mains tap, which is metered.</p></td>\
         <td>Rota: Jo, Sam</td></tr>\
         <tr><td>Keys are at the hut.</td></tr></table>",
    );
    assert!(!md.contains('|'), "{md}");
    assert!(
        md.contains("The water butts are full again after the storms of last week.\n\n"),
        "{md}"
    );
    assert!(
        md.contains("Please use them before the mains tap, which is metered."),
        "{md}"
    );
}

#[test]
fn rows_that_do_not_form_a_grid_are_not_a_table() {
    let md = markdown(
        "<table><tr><td>Jo</td><td>Plot 3</td><td>Since 2019</td></tr>\
         <tr><td>Sam</td><td>Plot 7</td></tr></table>",
    );
    assert!(!md.contains('|'), "{md}");
    assert!(md.contains("Jo · Plot 3 · Since 2019"), "{md}");
}

#[test]
fn code_is_fenced_with_the_language_the_page_names() {
    let md = markdown(
        "<p>The watering timer is a few lines of Rust on a small board in the shed:</p>\
         <pre><code class='language-rust'>fn main() {\n    let minutes = 20;\n}</code></pre>\
         <p>The old version was Python:</p>\
         <pre class='prettyprint lang-py'>print(\"on\")</pre>\
         <div class='highlight highlight-source-shell'><pre>echo ```done```</pre></div>\
         <pre>no language here</pre>",
    );
    assert!(
        md.contains("```rust\nfn main() {\n    let minutes = 20;\n}\n```\n"),
        "{md}"
    );
    assert!(md.contains("```py\nprint(\"on\")\n```"), "{md}");
    // A fence longer than any run of backticks inside.
    assert!(md.contains("````shell\necho ```done```\n````"), "{md}");
    assert!(md.contains("```\nno language here\n```"), "{md}");
}

#[test]
fn quotes_keep_their_paragraphs_together() {
    let md = markdown(
        "<blockquote><p>Never plant the onions next to the beans.</p>\
         <p>They sulk, and so will you.</p></blockquote>\
         <p>So said the old allotment handbook, and it was right about most things.</p>",
    );
    assert!(
        md.contains(
            "> Never plant the onions next to the beans.\n>\n> They sulk, and so will you.\n\n\
             So said the old"
        ),
        "{md}"
    );
}

// ---------------------------------------------------------------------------------------------
// Inline markup

#[test]
fn emphasis_strong_strikethrough_and_inline_code() {
    let md = markdown(
        "<p>Water <em>before</em> nine, <i>never</i> at noon, <strong>always</strong> at the \
         roots, <b>not</b> the leaves; the <s>old</s> new tap is <code>T-2</code>, and \
         <code>a`b</code> is its lock code.</p>",
    );
    assert!(
        md.contains(
            "Water *before* nine, *never* at noon, **always** at the roots, **not** the leaves; \
             the ~~old~~ new tap is `T-2`, and ``a`b`` is its lock code."
        ),
        "{md}"
    );
}

#[test]
fn adjacent_emphasis_is_joined_and_markup_inside_words_kept() {
    let md = markdown(
        "<p>The <b>straw</b><b>berries</b> did well, as did the <em>rasp</em>berries, all \
         summer long on the south side of the plot.</p>",
    );
    assert!(md.contains("The **strawberries** did well"), "{md}");
    assert!(md.contains("the *rasp*berries, all"), "{md}");
}

#[test]
fn text_that_looks_like_markdown_is_escaped() {
    let md = markdown(
        "<p>1. is not a list here, and neither is this line</p>\
         <p># not a heading, just a hash sign starting a line of text</p>\
         <p>A *starred* word, a [bracket], an_underscore, 2 < 3, <b>&lt;b&gt;</b> and &amp;amp; too.</p>",
    );
    assert!(md.contains("\n1\\. is not a list here"), "{md}");
    assert!(md.contains("\n\\# not a heading"), "{md}");
    assert!(
        md.contains(
            "A \\*starred\\* word, a \\[bracket\\], an_underscore, 2 < 3, **\\<b>** and \\&amp; too."
        ),
        "{md}"
    );
    // And a reader gets the original text back.
    let text = reader_text(&md);
    assert!(text.contains("1. is not a list here"), "{text}");
    assert!(
        text.contains("A *starred* word, a [bracket], an_underscore, 2 < 3, <b> and &amp; too.")
    );
}

// ---------------------------------------------------------------------------------------------
// Links and images

const LINKED: &str = "<p>See the <a href='rules.html'>plot rules</a> and the \
    <a href='/map.pdf'>site map</a> before you start, or <a href='#top'>go back up</a>.</p>\
    <figure><img src='img/beans.jpg' alt='Bean rows'><figcaption>The bean rows in June, \
    staked and tied.</figcaption></figure>\
    <p>The water meter <img src='data:image/gif;base64,R0lGOD' data-src='/img/meter.png' alt='meter'> \
    is by the gate.</p>";

#[test]
fn links_and_images_only_when_asked() {
    let md = markdown(LINKED);
    assert!(!md.contains("]("), "{md}");
    assert!(
        md.contains("See the plot rules and the site map before you start"),
        "{md}"
    );
    let md = markdown_with(Options::default().with_links(true), LINKED);
    assert!(md.contains("[plot rules](rules.html)"), "{md}");
    assert!(md.contains("[site map](/map.pdf)"), "{md}");
    assert!(md.contains(", or go back up."), "{md}");
    assert!(!md.contains("!["), "{md}");
    let md = markdown_with(Options::default().with_images(true), LINKED);
    assert!(!md.contains("[plot rules]"), "{md}");
    assert!(
        md.contains("![Bean rows](img/beans.jpg)\n\nThe bean rows in June"),
        "{md}"
    );
    assert!(
        md.contains("The water meter ![meter](/img/meter.png) is by the gate."),
        "{md}"
    );
}

#[test]
fn urls_are_made_absolute_against_the_given_base() {
    let options = Options::default()
        .with_links(true)
        .with_images(true)
        .with_base_url("https://allotments.example/news/2024/notes.html");
    let md = markdown_with(options, LINKED);
    assert!(
        md.contains("[plot rules](https://allotments.example/news/2024/rules.html)"),
        "{md}"
    );
    assert!(
        md.contains("[site map](https://allotments.example/map.pdf)"),
        "{md}"
    );
    assert!(
        md.contains("![Bean rows](https://allotments.example/news/2024/img/beans.jpg)"),
        "{md}"
    );
}

#[test]
fn without_a_base_the_pages_base_href_or_canonical_url_stands_in() {
    let with_base = page(LINKED).replace(
        "<head>",
        "<head><base href='https://static.example/site/'>\
         <link rel='canonical' href='https://allotments.example/notes'>",
    );
    let options = Options::default().with_links(true);
    let md = Extractor::new(options.clone())
        .extract(&with_base)
        .unwrap()
        .to_markdown();
    assert!(
        md.contains("[plot rules](https://static.example/site/rules.html)"),
        "{md}"
    );
    // The caller's address resolves a relative <base href>, as in a browser.
    let relative_base = page(LINKED).replace("<head>", "<head><base href='../files/'>");
    let md = Extractor::new(
        options
            .clone()
            .with_base_url("https://allotments.example/a/b.html"),
    )
    .extract(&relative_base)
    .unwrap()
    .to_markdown();
    assert!(
        md.contains("[plot rules](https://allotments.example/files/rules.html)"),
        "{md}"
    );
    let canonical_only = page(LINKED).replace(
        "<head>",
        "<head><link rel='canonical' href='https://allotments.example/news/notes'>",
    );
    let md = Extractor::new(options)
        .extract(&canonical_only)
        .unwrap()
        .to_markdown();
    assert!(
        md.contains("[plot rules](https://allotments.example/news/rules.html)"),
        "{md}"
    );
}

#[test]
fn link_targets_are_written_so_they_parse() {
    let options = Options::default()
        .with_links(true)
        .with_base_url("https://allotments.example/");
    let md = markdown_with(
        options,
        "<p>The <a href='/wiki/Bean_(plant)'>bean article</a> and the \
         <a href='/files/plot list.pdf'>plot list</a> are both worth a read before the AGM.</p>",
    );
    assert!(
        md.contains("[bean article](https://allotments.example/wiki/Bean_\\(plant\\))"),
        "{md}"
    );
    assert!(md.contains("[plot list](https://allotments.example/files/plot%20list.pdf)"));
    let links: Vec<String> = Parser::new_ext(&md, md_options())
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(
        links,
        [
            "https://allotments.example/wiki/Bean_(plant)",
            "https://allotments.example/files/plot%20list.pdf"
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// The page corpus

fn corpus() -> Vec<(String, String)> {
    let mut pages: Vec<(String, String)> = std::fs::read_dir("tests/pages")
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().join("source.html").exists())
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let html = std::fs::read_to_string(e.path().join("source.html")).unwrap();
            (name, html)
        })
        .collect();
    pages.sort();
    assert!(pages.len() >= 20);
    pages
}

#[test]
fn markdown_holds_the_words_of_the_text_on_every_corpus_page() {
    let all = Options::default().with_links(true).with_images(true);
    for (name, html) in corpus() {
        for options in [Options::default(), all.clone()] {
            let extracted = Extractor::new(options).extract(&html).unwrap();
            let md = extracted.to_markdown();
            assert_eq!(
                words(&reader_text(&md)),
                words(extracted.text()),
                "{name}: words differ\n--- markdown\n{md}\n--- text\n{}",
                extracted.text()
            );
        }
    }
}

#[test]
fn every_table_of_the_corpus_renders_as_a_valid_gfm_table() {
    let mut tables = 0;
    for (name, html) in corpus() {
        let md = unboil::extract(&html).to_markdown();
        let n = assert_valid_gfm_tables(&md, &name);
        // The data tables of the corpus are tables; its layout tables are not.
        match name.as_str() {
            "data-table" | "product" | "shop-promises" | "product-carousel"
            | "review-editorial" => {
                assert_eq!(n, 1, "{name}:\n{md}")
            }
            "layout-table" => assert_eq!(n, 0, "{name}:\n{md}"),
            _ => {}
        }
        tables += n;
    }
    assert_eq!(tables, 5);
}

#[test]
fn plain_text_dumps_render_too() {
    let dump = "Home | News | Sport\n\n\
                Bridge reopens after two years\n\n\
                The bridge reopened on Monday after two years of repairs, the city said.\n\n\
                - Cars may cross again from six in the morning on weekdays.\n\
                - Lorries must still use the ring road until the spring.\n";
    let extracted = unboil::extract_text(dump);
    let md = extracted.to_markdown();
    assert_eq!(words(&reader_text(&md)), words(extracted.text()), "{md}");
    assert_eq!(
        md,
        "The bridge reopened on Monday after two years of repairs, the city said.\n\n\
         - Cars may cross again from six in the morning on weekdays.\n\
         - Lorries must still use the ring road until the spring.\n"
    );
}

// ---------------------------------------------------------------------------------------------
// Hostile input

/// Distinct sentences, so that none is dropped as a repeat.
fn sentences(n: usize) -> impl Iterator<Item = String> {
    (0..n).map(|i| {
        format!(
            "Plot {i} was dug over on day {} and sown with {} rows before the rain came back.",
            i * 7 % 31,
            i % 13
        )
    })
}

/// The Markdown stays within a small factor of the text, however deep the nesting around it.
fn assert_bounded(html: &str, what: &str) {
    let extracted = unboil::extract(html);
    let md = extracted.to_markdown();
    let text = extracted.text();
    assert!(text.len() > 1000, "{what}: the test page lost its text");
    assert!(
        md.len() < 3 * text.len(),
        "{what}: {} bytes of Markdown for {}",
        md.len(),
        text.len()
    );
    assert_eq!(words(&reader_text(&md)), words(text), "{what}");
}

#[test]
fn deep_nesting_does_not_blow_up_the_markdown() {
    let paragraphs: String = sentences(300).map(|s| format!("<p>{s}</p>")).collect();
    // Blocks inside hundreds of open inline elements.
    let inline = format!(
        "<article>{}{paragraphs}</article>",
        "<b><i><a href='/x'>".repeat(150)
    );
    assert_bounded(&inline, "inline");
    let options = Options::default().with_links(true).with_images(true);
    let md = Extractor::new(options)
        .extract(&inline)
        .unwrap()
        .to_markdown();
    assert!(md.len() < 40 * 300 + 100 * 300, "links: {} bytes", md.len());
    // Items of lists nested hundreds deep.
    let items: String = sentences(300).map(|s| format!("<ul><li>{s}")).collect();
    assert_bounded(&format!("<article>{items}</article>"), "lists");
    // Quotes and tables nested deep.
    let quotes: String = sentences(200)
        .map(|s| format!("<blockquote><p>{s}</p>"))
        .collect();
    assert_bounded(&format!("<article>{quotes}</article>"), "quotes");
    let tables: String = sentences(150)
        .map(|s| format!("<table><tr><td>{s}</td><td>"))
        .collect();
    assert_bounded(&format!("<article>{tables}</article>"), "tables");
}
