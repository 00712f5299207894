//! Behaviour tests on the project's own page corpus (`tests/pages/<name>/`, see its README) and
//! on properties every extraction must have.
//!
//! Each corpus page is one test: the extracted text must equal `expected.txt` and the title
//! `title.txt`, after normalising only line endings and trailing white space. A failure prints a
//! line diff (`-` expected, `+` actual, tabs shown as `⇥`) so the cause is visible without
//! running anything else.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use unboil::{BlockKind, Extracted, Extractor, Focus, Model, Options, Reason};

// ---------------------------------------------------------------------------------------------
// Corpus pages
// ---------------------------------------------------------------------------------------------

/// One test per corpus folder; `PAGES` lists the folders so that a forgotten one is noticed.
macro_rules! pages {
    ($($test:ident => $dir:literal,)*) => {
        const PAGES: &[&str] = &[$($dir),*];
        $(
            #[test]
            fn $test() {
                check_page($dir);
            }
        )*
    };
}

pages! {
    page_news_menus => "news-menus",
    page_blog_comments => "blog-comments",
    page_howto_lists => "howto-lists",
    page_data_table => "data-table",
    page_code_blocks => "code-blocks",
    page_article_teaser => "article-teaser",
    page_deck_repeated => "deck-repeated",
    page_japanese_news => "japanese-news",
    page_arabic_rtl => "arabic-rtl",
    page_video_almost_no_text => "video-almost-no-text",
    page_layout_table => "layout-table",
    page_br_paragraphs => "br-paragraphs",
    page_cookie_newsletter => "cookie-newsletter",
    page_recipe => "recipe",
    page_docs_sidebar => "docs-sidebar",
    page_forum_thread => "forum-thread",
    page_script_filled_thread => "script-filled-thread",
    page_forum_long_opening => "forum-long-opening",
    page_brief_latest_list => "brief-latest-list",
    page_product => "product",
    page_share_also_read => "share-also-read",
    page_no_hints_essay => "no-hints-essay",
    page_interview_most_read => "interview-most-read",
    page_opinion_more_stories => "opinion-more-stories",
    page_body_restated => "body-restated",
    page_photo_credits => "photo-credits",
    page_sidebar_in_content => "sidebar-in-content",
    page_dont_miss_links => "dont-miss-links",
    page_shop_grid_specs => "shop-grid-specs",
    page_services_a_z => "services-a-z",
    page_paywall_body => "paywall-body",
    page_after_comments => "after-comments",
    page_shared_feed => "shared-feed",
    page_recipe_category => "recipe-category",
    page_events_listing => "events-listing",
    page_blog_front => "blog-front",
    page_policy_dialogs => "policy-dialogs",
    page_service_areas => "service-areas",
    page_grid_beside_guide => "grid-beside-guide",
    page_shop_promises => "shop-promises",
    page_product_carousel => "product-carousel",
    page_thread_ages => "thread-ages",
    page_comments_short => "comments-short",
    page_comments_long => "comments-long",
    page_comments_count => "comments-count",
    page_review_editorial => "review-editorial",
}

fn pages_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("pages")
}

struct Page {
    source: String,
    expected: String,
    title: String,
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn load(name: &str) -> Page {
    let dir = pages_dir().join(name);
    Page {
        source: read(&dir.join("source.html")),
        expected: read(&dir.join("expected.txt")),
        title: read(&dir.join("title.txt")),
    }
}

/// CRLF and CR become LF, trailing white space goes from every line and from the end. Nothing
/// else is forgiven.
fn normalise(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = unified.split('\n').map(str::trim_end).collect();
    lines.join("\n").trim_end().to_string()
}

fn check_page(name: &str) {
    let page = load(name);
    let got = unboil::extract(&page.source);
    let mut problems = String::new();
    check_comments(name, &page.source, got.text(), &mut problems);
    let (want, have) = (normalise(&page.expected), normalise(got.text()));
    if want != have {
        let _ = writeln!(
            problems,
            "text differs (- expected, + actual):\n{}",
            line_diff(&want, &have)
        );
    }
    let want_title = page.title.trim();
    if got.title() != Some(want_title) {
        let _ = writeln!(
            problems,
            "title differs:\n  expected {want_title:?}\n  actual   {:?}",
            got.title()
        );
    }
    assert!(problems.is_empty(), "page {name}: {problems}");
}

/// Where a page has a `comments.txt` (the expected comments, separated by lines `----`; empty
/// for none), `comments(true)` must return exactly those, and the main text must be the same
/// as without it.
fn check_comments(name: &str, source: &str, text: &str, problems: &mut String) {
    let Ok(want) = std::fs::read_to_string(pages_dir().join(name).join("comments.txt")) else {
        return;
    };
    let want: Vec<String> = normalise(&want)
        .split("\n----\n")
        .map(normalise)
        .filter(|c| !c.is_empty())
        .collect();
    let got = Extractor::new(Options::default().with_comments(true))
        .extract(source)
        .unwrap();
    let have: Vec<String> = got.comments().iter().map(|c| normalise(c.text())).collect();
    if want != have {
        let _ = writeln!(
            problems,
            "comments differ:\n{}",
            line_diff(&want.join("\n----\n"), &have.join("\n----\n"))
        );
    }
    if got.text() != text {
        let _ = writeln!(
            problems,
            "text with comments(true) differs:\n{}",
            line_diff(text, got.text())
        );
    }
}

/// A line diff from the longest common subsequence, with two lines of context around changes.
fn line_diff(want: &str, have: &str) -> String {
    let a: Vec<&str> = want.split('\n').collect();
    let b: Vec<&str> = have.split('\n').collect();
    // lcs[i][j]: length of the LCS of a[i..] and b[j..]. Pages are small, so O(n·m) is fine.
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut ops: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            ops.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] > lcs[i + 1][j]) {
            ops.push(('+', b[j]));
            j += 1;
        } else {
            ops.push(('-', a[i]));
            i += 1;
        }
    }
    const CONTEXT: usize = 2;
    let near_change = |k: usize| {
        let lo = k.saturating_sub(CONTEXT);
        let hi = (k + CONTEXT + 1).min(ops.len());
        ops[lo..hi].iter().any(|(op, _)| *op != ' ')
    };
    let mut out = String::new();
    let mut skipped = false;
    for (k, (op, line)) in ops.iter().enumerate() {
        if near_change(k) {
            if skipped {
                out.push_str("  …\n");
                skipped = false;
            }
            let _ = writeln!(out, "{op} {}", line.replace('\t', "⇥"));
        } else {
            skipped = true;
        }
    }
    if skipped {
        out.push_str("  …\n");
    }
    out
}

#[test]
fn every_page_folder_has_a_test() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(pages_dir())
        .expect("tests/pages exists")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let listed: BTreeSet<String> = PAGES.iter().map(|p| p.to_string()).collect();
    assert_eq!(on_disk, listed, "folders in tests/pages vs the pages! list");
}

#[test]
fn corpus_pages_are_well_formed() {
    for name in PAGES {
        let page = load(name);
        let size = page.source.len();
        assert!(
            (1024..=8192).contains(&size),
            "{name}: source.html is {size} bytes, want 1-8 KB"
        );
        assert!(
            !normalise(&page.expected).is_empty(),
            "{name}: empty expected.txt"
        );
        assert_eq!(
            page.title.trim().lines().count(),
            1,
            "{name}: title.txt must be one line"
        );
        assert!(
            !normalise(&page.expected).starts_with(page.title.trim()),
            "{name}: the title must not head the expected text"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/// A paragraph long and well-formed enough that any extractor keeps it: it anchors the small
/// pages below so that they test segmentation and rendering, not the classifier's thresholds.
const BODY: &str = "<p>The committee met on Thursday to review the plans for the new bridge, \
    and after a long discussion it agreed to publish the full report next month.</p>\
    <p>Residents will be able to comment on the report for six weeks, and the committee will \
    then decide whether the work can begin in the spring.</p>";

fn blocks_of(extracted: &Extracted, kind: BlockKind) -> Vec<&str> {
    extracted
        .blocks()
        .iter()
        .filter(|b| b.kind() == kind)
        .map(|b| b.text())
        .collect()
}

#[test]
fn list_items_are_never_glued() {
    let page = format!(
        "<html><body><article>{BODY}<ul><li>Bring a photo ID</li><li>Arrive ten minutes early</li>\
         <li>Keep your receipt</li></ul>{BODY}</article></body></html>"
    );
    let got = unboil::extract(&page);
    assert_eq!(
        blocks_of(&got, BlockKind::ListItem),
        [
            "Bring a photo ID",
            "Arrive ten minutes early",
            "Keep your receipt"
        ]
    );
    assert!(
        got.text()
            .contains("Bring a photo ID\nArrive ten minutes early\nKeep your receipt"),
        "list items one per line:\n{}",
        got.text()
    );
}

#[test]
fn adjacent_blocks_without_white_space_stay_apart() {
    let page = format!(
        "<body><article>{BODY}<h2>Next steps</h2><p>The council votes in May.</p>\
         <div>Consultation opens</div><div>on the first of March.</div>{BODY}</article></body>"
    );
    let got = unboil::extract(&page);
    let texts: Vec<&str> = got.blocks().iter().map(|b| b.text()).collect();
    for want in [
        "Next steps",
        "The council votes in May.",
        "Consultation opens",
        "on the first of March.",
    ] {
        assert!(texts.contains(&want), "no block {want:?} in {texts:?}");
    }
    assert!(!got.text().contains("stepsThe"), "{}", got.text());
    assert!(!got.text().contains("Mayon"), "{}", got.text());
}

#[test]
fn inline_elements_keep_the_source_spacing() {
    let page = format!(
        "<body><article><p>Tick<b>et</b>s cost <a href='/p'>£4</a>, or <em>£3</em> online, \
         for <span>everyone</span><span>.</span></p>{BODY}</article></body>"
    );
    let got = unboil::extract(&page);
    let first = got.blocks().first().map(|b| b.text());
    assert_eq!(first, Some("Tickets cost £4, or £3 online, for everyone."));
}

#[test]
fn single_br_is_a_line_break_and_double_br_ends_the_block() {
    let page = format!(
        "<body><div class='post'>{BODY}<div>The hall is at:<br>12 Station Road<br>Millbrook\
         <br><br>Doors open at seven in the evening, and the talk starts half an hour later.\
         </div>{BODY}</div></body>"
    );
    let got = unboil::extract(&page);
    let texts: Vec<&str> = got.blocks().iter().map(|b| b.text()).collect();
    assert!(
        texts.contains(&"The hall is at:\n12 Station Road\nMillbrook"),
        "{texts:?}"
    );
    assert!(
        texts.contains(
            &"Doors open at seven in the evening, and the talk starts half an hour later."
        ),
        "{texts:?}"
    );
}

#[test]
fn pre_is_verbatim() {
    // html5ever drops the newline right after <pre>, as browsers do; everything else stays:
    // indentation, runs of spaces, a tab, an empty line, entities decoded, markup inside removed.
    let code = "fn main() {\n    let  x = 1;\t// two spaces\n\n    if x &lt; 2 { println!(\"&amp;\"); }\n}";
    let want =
        "fn main() {\n    let  x = 1;\t// two spaces\n\n    if x < 2 { println!(\"&\"); }\n}";
    let page = format!(
        "<body><article>{BODY}<pre>\n<code><span class='k'>{code}</span></code>\n</pre>{BODY}\
         </article></body>"
    );
    let got = unboil::extract(&page);
    assert_eq!(blocks_of(&got, BlockKind::Code), [want]);
    assert!(got.text().contains(want), "{}", got.text());
}

#[test]
fn table_rows_are_lines_of_tab_separated_cells() {
    let page = format!(
        "<body><article>{BODY}<table><tr><th>City</th><th>Riders</th></tr>\
         <tr><td>Lyon</td><td>5,120</td></tr><tr><td>Nantes</td><td>3,904</td></tr></table>\
         {BODY}</article></body>"
    );
    let got = unboil::extract(&page);
    assert_eq!(
        blocks_of(&got, BlockKind::TableRow),
        ["City\tRiders", "Lyon\t5,120", "Nantes\t3,904"]
    );
    assert!(
        got.text()
            .contains("City\tRiders\nLyon\t5,120\nNantes\t3,904"),
        "rows on consecutive lines:\n{}",
        got.text()
    );
}

#[test]
fn table_cell_padding_is_not_kept() {
    // Pretty-printed tables put white space inside the cells; it is not part of the value.
    let page = format!(
        "<body><article>{BODY}<table>\n <tr>\n  <td> Lyon </td>\n  <td>\n   5,120\n  </td>\n </tr>\
         \n</table>{BODY}</article></body>"
    );
    let got = unboil::extract(&page);
    let texts: Vec<&str> = got.blocks().iter().map(|b| b.text()).collect();
    assert!(texts.contains(&"Lyon\t5,120"), "{texts:?}");
}

// Compile-time: an extractor is shared across threads and cloned freely; results move between
// threads; errors work with `?` into `Box<dyn Error + Send + Sync>`.
const _: fn() = || {
    fn shareable<T: Send + Sync + Clone>() {}
    fn error<T: std::error::Error + Send + Sync + 'static>() {}
    shareable::<Extractor>();
    shareable::<Options>();
    shareable::<Extracted>();
    error::<unboil::Error>();
};

#[test]
fn one_extractor_on_many_threads_gives_the_same_results() {
    let extractor = Extractor::new(Options::default());
    let pages: Vec<Page> = PAGES.iter().map(|p| load(p)).collect();
    let alone: Vec<String> = pages
        .iter()
        .map(|p| extractor.extract(&p.source).unwrap().text().to_string())
        .collect();
    let threaded: Vec<Vec<String>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..3)
            .map(|_| {
                let ex = extractor.clone();
                let pages = &pages;
                s.spawn(move || {
                    pages
                        .iter()
                        .map(|p| ex.extract(&p.source).unwrap().text().to_string())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for run in threaded {
        assert!(
            run == alone,
            "a thread's results differ from the first run's"
        );
    }
}

/// The texts of the blocks in an extraction's output. Texts rather than indices: a block that
/// is content under one focus may be a `Duplicate` under a wider one, because an earlier copy of
/// the same text became content there; the output holds the text either way.
fn output_blocks(extracted: &Extracted) -> BTreeSet<&str> {
    extracted
        .blocks()
        .iter()
        .filter(|b| b.is_content())
        .map(|b| b.text())
        .collect()
}

/// The teaser-list rule drops the summaries of linked headlines after an article, but a run of
/// linked questions each followed by its answer is a FAQ: the answers are text.
#[test]
fn linked_questions_with_answers_are_not_teasers() {
    let page = load("opinion-more-stories");
    let faq = page
        .source
        .replace(
            "Why the new ferry timetable fails the island",
            "Why was the late ferry sailing cut this spring?",
        )
        .replace(
            "Fix the harbour wall before the next winter storm",
            "When will the harbour wall finally be repaired?",
        )
        .replace(
            "Give the market square back to the market traders",
            "Can traders still use the market square on Saturdays?",
        )
        .replace(
            "School buses should not depend on the weather forecast",
            "Who decides whether the school buses run in snow?",
        );
    let teaser_blocks = |html: &str| {
        let extracted = Extractor::new(Options::default().with_explain(true))
            .extract(html)
            .unwrap();
        let explanation = extracted.explanation().unwrap();
        explanation
            .blocks
            .iter()
            .zip(extracted.blocks())
            .filter(|(why, _)| why.reasons.iter().any(|(r, _)| *r == Reason::TeaserList))
            .map(|(_, b)| b.text().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(teaser_blocks(&faq), Vec::<String>::new());
    // The same page with statements for headlines: the summaries the model kept are teasers.
    let teasers = teaser_blocks(&page.source);
    assert!(!teasers.is_empty());
    assert!(
        teasers
            .iter()
            .all(|t| !unboil::extract(&page.source).text().contains(t))
    );
}

/// The broad model is a second set of fitted numbers, not a second pipeline: on every corpus
/// page it scores the same blocks as the default, with its own weights (every page's scores
/// differ), explains them the same way, and finds text wherever the default does.
#[test]
fn the_broad_model_scores_the_same_blocks() {
    let mut problems = Vec::new();
    let mut differ = 0;
    for name in PAGES {
        let html = load(name).source;
        let run = |model: Model| {
            Extractor::new(Options::default().with_model(model).with_explain(true))
                .extract(&html)
                .expect("a corpus page extracts")
        };
        let (standard, broad) = (run(Model::Standard), run(Model::Broad));
        let (s, b) = (
            standard.explanation().expect("explained"),
            broad.explanation().expect("explained"),
        );
        if s.blocks.len() != b.blocks.len() {
            problems.push(format!(
                "{name}: {} blocks, {} with the broad model",
                s.blocks.len(),
                b.blocks.len()
            ));
        }
        // Every piece of evidence has its weight, and a rule that overturns a decision is
        // named with weight 0, so the reasons add up to the score, in either model.
        for block in s.blocks.iter().chain(&b.blocks) {
            let sum: f32 = block.reasons.iter().map(|(_, w)| w).sum();
            if (sum - block.score).abs() > 1e-3 {
                problems.push(format!(
                    "{name}: reasons add up to {sum}, the score is {} ({:?})",
                    block.score, block.reasons
                ));
            }
        }
        if s.blocks
            .iter()
            .zip(&b.blocks)
            .any(|(x, y)| (x.score - y.score).abs() > 1e-4)
        {
            differ += 1;
        }
        if !standard.text().is_empty() && broad.text().is_empty() {
            problems.push(format!("{name}: no text with the broad model"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(
        differ,
        PAGES.len(),
        "the broad model scored some pages exactly as the default"
    );
}

#[test]
fn focus_presets_nest_precision_balanced_recall() {
    let run = |focus: Focus, html: &str| {
        Extractor::new(Options::default().with_focus(focus))
            .extract(html)
            .unwrap()
    };
    let mut problems = Vec::new();
    for name in PAGES {
        let page = load(name);
        let p = run(Focus::Precision, &page.source);
        let b = run(Focus::Balanced, &page.source);
        let r = run(Focus::Recall, &page.source);
        let texts = |e: &Extracted| {
            e.blocks()
                .iter()
                .map(|b| b.text().to_string())
                .collect::<Vec<_>>()
        };
        if texts(&p) != texts(&b) || texts(&b) != texts(&r) {
            problems.push(format!("{name}: the focus changed the blocks themselves"));
            continue;
        }
        let (op, ob, or) = (output_blocks(&p), output_blocks(&b), output_blocks(&r));
        for (small, big, what) in [
            (&op, &ob, "Precision ⊄ Balanced"),
            (&ob, &or, "Balanced ⊄ Recall"),
        ] {
            let extra: Vec<&&str> = small.difference(big).collect();
            if !extra.is_empty() {
                problems.push(format!("{name}: {what}: {extra:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A shell of menus whose text a script fills in: the description stands in for the text only
/// when it is a passage, and only when the body holds next to nothing.
#[test]
fn description_stands_in_only_for_a_page_without_text() {
    let passage = "I built a battery pack for my cargo bike last spring and it has done about \
        nine hundred kilometres since. The garage gets very cold in January, so should I bring \
        the pack inside, and at what charge should I leave it over the winter?";
    let shell = |description: &str, body: &str| {
        format!(
            "<html><head><meta name='description' content='{description}'></head><body>\
             <nav><a href='/'>Home</a> <a href='/latest'>Latest</a></nav>\
             <div id='app'>{body}</div></body></html>"
        )
    };
    let explained = Extractor::new(Options::default().with_explain(true))
        .extract(&shell(passage, ""))
        .expect("small page");
    assert_eq!(explained.text(), passage);
    let last = explained
        .explanation()
        .and_then(|e| e.blocks.last())
        .expect("explained blocks");
    assert!(last.reasons.iter().any(|(r, _)| *r == Reason::Description));
    assert_eq!(
        explained.blocks().len(),
        explained.explanation().map_or(0, |e| e.blocks.len()),
        "one explanation per block"
    );

    // A tagline is not a passage: the page keeps what it had.
    let tagline = "Shop battery packs, chargers and cargo bike parts online.";
    assert!(
        !unboil::extract(&shell(tagline, ""))
            .text()
            .contains("Shop battery")
    );

    // A page with its own text keeps it, without the description.
    let article = unboil::extract(&shell(passage, BODY));
    assert!(article.text().starts_with("The committee met on Thursday"));
    assert!(!article.text().contains("cargo bike"), "{}", article.text());
}

/// The replies of a page that says it is a forum thread are its text; the same replies below a
/// page that says it is a blog post are comments.
#[test]
fn replies_are_text_only_on_a_forum_thread() {
    let page = load("forum-long-opening").source;
    let last_reply = "report back on whether it holds up";
    let ld_type = r#""@type":"DiscussionForumPosting""#;
    assert!(page.contains(ld_type));

    // Stated by microdata instead of JSON-LD.
    let microdata = page.replace(ld_type, r#""@type":"WebPage""#).replace(
        "<main id=\"topic\">",
        "<main id=\"topic\" itemscope itemtype=\"https://schema.org/DiscussionForumPosting\">",
    );
    assert!(unboil::extract(&microdata).text().contains(last_reply));

    // A blog post with the same long opening: the replies are comments, returned apart.
    let blog = page.replace(ld_type, r#""@type":"BlogPosting""#);
    let extractor = Extractor::new(Options::default().with_comments(true));
    let got = extractor.extract(&blog).expect("small page");
    assert!(!got.text().contains(last_reply), "{}", got.text());
    assert!(got.comments().iter().any(|c| c.text().contains(last_reply)));
}

/// A long run of figures is data in a table or a code block, not a list of names to drop.
#[test]
fn rows_of_figures_are_not_name_lists() {
    let figures =
        |from: u32| -> Vec<String> { (0..45).map(|i| (from + i * 37).to_string()).collect() };
    let cells: String = figures(1200)
        .iter()
        .map(|f| format!("<td>{f}</td>"))
        .collect();
    let page = format!(
        "<html><body><article>{BODY}<table><tr>{cells}</tr></table>\
         <pre>{}</pre></article></body></html>",
        figures(5000).join(" ")
    );
    let got = unboil::extract(&page);
    for last in [&figures(1200)[44], &figures(5000)[44]] {
        assert!(got.text().contains(last.as_str()), "{}", got.text());
    }
}

#[test]
fn a_page_that_declares_a_product_is_judged_a_product() {
    // The shop page states `Product` in JSON-LD and `og:type` product; the page-type
    // classifier weighs that declaration with the page's shape.
    let page = load("product");
    let judged = unboil::extract(&page.source).page_type();
    assert_eq!(judged, Some(unboil::PageType::Product));
    // The same blocks without the declarations read as some other kind of page.
    let bare = page
        .source
        .replace(r#"<meta property="og:type" content="product">"#, "")
        .replace(r#""@type":"Product""#, r#""@type":"Thing""#)
        .replace(r#""@type":"Offer""#, r#""@type":"Thing""#);
    assert_ne!(
        unboil::extract(&bare).page_type(),
        Some(unboil::PageType::Product)
    );
}
