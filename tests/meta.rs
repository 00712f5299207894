//! Metadata and title, on small pages written for these tests.

use unboil::{Decision, TextDirection};

/// A paragraph long enough to be kept as main text.
const BODY: &str = "<p>The harbour board met on Tuesday evening and voted to extend the quay by \
                    forty metres, a plan that has been discussed for more than ten years.</p>\
                    <p>Work is due to start in the spring and to last about eighteen months, \
                    the board said in a statement after the meeting.</p>";

fn page(head: &str, body: &str) -> String {
    format!("<!doctype html><html><head>{head}</head><body>{body}</body></html>")
}

// ---------------------------------------------------------------------------------------------
// Title

#[test]
fn title_drops_the_site_name_of_the_document_title() {
    let html = page("<title>Quay to be extended | Harbour Post</title>", BODY);
    assert_eq!(unboil::extract(&html).title(), Some("Quay to be extended"));
}

#[test]
fn title_prefers_the_heading_that_a_stated_title_confirms() {
    // The heading is longer than the shortened social title; the document title confirms it.
    let html = page(
        "<title>Harbour board votes to extend the quay by forty metres - Harbour Post</title>
         <meta property='og:title' content='Quay extension approved'>",
        &format!(
            "<article><h1>Harbour board votes to extend the quay by forty metres</h1>{BODY}</article>"
        ),
    );
    assert_eq!(
        unboil::extract(&html).title(),
        Some("Harbour board votes to extend the quay by forty metres")
    );
}

#[test]
fn a_logo_heading_with_the_site_name_is_not_the_title() {
    let html = page(
        "<title>Quay to be extended — Harbour Post</title>
         <meta property='og:site_name' content='Harbour Post'>",
        &format!("<header><h1><a href='/'>Harbour Post</a></h1></header><main>{BODY}</main>"),
    );
    assert_eq!(unboil::extract(&html).title(), Some("Quay to be extended"));
}

#[test]
fn json_ld_headline_is_a_title_source() {
    let html = page(
        r#"<script type="application/ld+json">{"@type": "NewsArticle",
             "headline": "Quay to be extended by forty metres"}</script>"#,
        BODY,
    );
    assert_eq!(
        unboil::extract(&html).title(),
        Some("Quay to be extended by forty metres")
    );
}

#[test]
fn the_title_heading_is_not_repeated_in_the_text() {
    let html = page(
        "<title>Quay to be extended | Harbour Post</title>",
        &format!("<article><h1>Quay to be extended</h1>{BODY}</article>"),
    );
    let e = unboil::extract(&html);
    assert_eq!(e.title(), Some("Quay to be extended"));
    assert!(
        e.text().starts_with("The harbour board met"),
        "{}",
        e.text()
    );
    let heading = e.blocks().iter().find(|b| b.kind().is_heading()).unwrap();
    assert_eq!(heading.decision(), Decision::Title);
}

#[test]
fn a_home_page_is_titled_by_its_site_name() {
    let html = page(
        "<title>Home - Harbour Post</title><meta property='og:site_name' content='Harbour Post'>",
        BODY,
    );
    assert_eq!(unboil::extract(&html).title(), Some("Harbour Post"));
}

#[test]
fn a_heading_typeset_for_display_takes_the_stated_spelling() {
    // The heading has typographic quotes and a ® the stated title leaves out; its letter case,
    // what readers see, is kept when that is all that differs.
    let html = page(
        "<title>Harbour's new quay opens | Harbour Post</title>",
        &format!("<article><h1>Harbour’s new Quay® opens</h1>{BODY}</article>"),
    );
    assert_eq!(
        unboil::extract(&html).title(),
        Some("Harbour's new quay opens")
    );
    let html = page(
        "<title>Harbour's New Quay Opens | Harbour Post</title>",
        &format!("<article><h1>Harbour's new quay opens</h1>{BODY}</article>"),
    );
    assert_eq!(
        unboil::extract(&html).title(),
        Some("Harbour's new quay opens")
    );
}

#[test]
fn a_heading_with_an_updated_number_is_the_title() {
    let html = page(
        "<title>Seven harbour trends to watch in 2024 | Harbour Post</title>",
        &format!("<h1>Seven harbour trends to watch in 2025</h1>{BODY}"),
    );
    assert_eq!(
        unboil::extract(&html).title(),
        Some("Seven harbour trends to watch in 2025")
    );
}

#[test]
fn a_forum_s_page_kind_is_not_the_title() {
    let html = page(
        "<title>Harbour Forum • Print view - When does the quay reopen?</title>",
        BODY,
    );
    assert_eq!(
        unboil::extract(&html).title(),
        Some("When does the quay reopen?")
    );
}

#[test]
fn a_site_name_before_and_after_the_headline_is_cut() {
    let html = page(
        "<title>Harbour Post: Quay to be extended - Harbour Post</title>
         <meta property='og:site_name' content='Harbour Post'>",
        BODY,
    );
    assert_eq!(unboil::extract(&html).title(), Some("Quay to be extended"));
}

#[test]
fn a_front_page_is_titled_by_the_name_before_its_tagline() {
    // The name is stated, or spelled by the host of the canonical URL.
    for head in [
        "<title>Harbour Post | News from the quay</title>
         <meta property='og:site_name' content='Harbour Post'>
         <link rel='canonical' href='https://example.org/'>",
        "<title>Harbour Post | News from the quay</title>
         <link rel='canonical' href='https://www.harbourpost.example/'>",
    ] {
        let html = page(head, &format!("<h1>All the news from the quay</h1>{BODY}"));
        assert_eq!(
            unboil::extract(&html).title(),
            Some("Harbour Post"),
            "{head}"
        );
    }
    // Deeper in the site, the same title is a page's.
    let html = page(
        "<title>Harbour Post | News from the quay</title>
         <link rel='canonical' href='https://www.harbourpost.example/news'>",
        BODY,
    );
    assert_eq!(unboil::extract(&html).title(), Some("News from the quay"));
}

#[test]
fn social_tags_left_at_the_site_s_defaults_do_not_name_the_page() {
    // og:url is the site's root on a deeper page: the social title is the site's slogan.
    let html = page(
        "<title>Tide tables for this week · Harbour Post</title>
         <meta property='og:title' content='Everything about the harbour'>
         <meta property='og:url' content='https://harbourpost.example/'>
         <link rel='canonical' href='https://harbourpost.example/tides'>",
        BODY,
    );
    assert_eq!(
        unboil::extract(&html).title(),
        Some("Tide tables for this week")
    );
}

#[test]
fn a_wiki_page_name_before_the_bracketed_site_is_confirmed_by_its_heading() {
    let html = page(
        "<title>searching [Harbour Docs]</title>",
        &format!("<h1>Searching</h1>{BODY}"),
    );
    assert_eq!(unboil::extract(&html).title(), Some("Searching"));
}

#[test]
fn permalink_marks_are_not_part_of_a_heading_title() {
    let html = page(
        "<title>Installing the tool — Tool 1.0 documentation</title>",
        &format!("<h1>Installing the tool<a class='headerlink' href='#x'>¶</a></h1>{BODY}"),
    );
    assert_eq!(unboil::extract(&html).title(), Some("Installing the tool"));
}

// ---------------------------------------------------------------------------------------------
// JSON-LD

#[test]
fn json_ld_graph_with_references_gives_authors_dates_and_more() {
    let html = page(
        r##"<title>Quay to be extended | Harbour Post</title>
        <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
          {"@type": "WebSite", "@id": "https://post.example/#site", "name": "Harbour Post",
           "inLanguage": "en-GB"},
          {"@type": "WebPage", "@id": "https://post.example/quay", "url": "https://post.example/quay"},
          {"@type": "Article", "headline": "Quay to be extended",
           "author": [{"@id": "https://post.example/#ana"}, {"@type": "Person", "name": "Bo Chen"}],
           "datePublished": "2024-03-05T08:00:00+00:00", "dateModified": "2024-03-06",
           "image": {"@type": "ImageObject", "url": "https://post.example/quay.jpg"},
           "keywords": ["harbour", "planning"], "articleSection": "Local",
           "description": "The board voted to extend the quay.",
           "mainEntityOfPage": {"@id": "https://post.example/quay"}},
          {"@type": "Person", "@id": "https://post.example/#ana", "name": "Ana Lima"}
        ]}</script>"##,
        BODY,
    );
    let e = unboil::extract(&html);
    let m = e.metadata();
    assert_eq!(m.title(), Some("Quay to be extended"));
    assert_eq!(m.authors(), ["Ana Lima", "Bo Chen"]);
    assert_eq!(
        m.published().map(unboil::PageDate::as_str),
        Some("2024-03-05T08:00:00+00:00")
    );
    assert_eq!(
        m.modified().map(unboil::PageDate::as_str),
        Some("2024-03-06")
    );
    assert_eq!(m.site_name(), Some("Harbour Post"));
    assert_eq!(m.language(), Some("en-GB"));
    assert_eq!(m.image(), Some("https://post.example/quay.jpg"));
    assert_eq!(m.tags(), ["harbour", "planning"]);
    assert_eq!(m.categories(), ["Local"]);
    assert_eq!(m.description(), Some("The board voted to extend the quay."));
    assert_eq!(m.canonical_url(), Some("https://post.example/quay"));
}

#[test]
fn html_entities_in_json_ld_are_decoded() {
    let html = page(
        r#"<script type="application/ld+json">{"@type": "BlogPosting",
           "headline": "Tom &amp; Jerry&#8217;s quay", "author": "Ana &quot;Ann&quot; Lima"}</script>"#,
        BODY,
    );
    let e = unboil::extract(&html);
    assert_eq!(e.title(), Some("Tom & Jerry’s quay"));
    assert_eq!(e.metadata().authors(), ["Ana \"Ann\" Lima"]);
}

#[test]
fn malformed_json_ld_is_skipped_and_other_sources_still_count() {
    let html = page(
        r#"<title>Quay to be extended | Harbour Post</title>
           <meta name="author" content="Ana Lima">
           <script type="application/ld+json">{"@type": "Article", "headline": </script>
           <script type="application/ld+json">[[[[[[[[[[[[</script>"#,
        BODY,
    );
    let e = unboil::extract(&html);
    assert_eq!(e.title(), Some("Quay to be extended"));
    assert_eq!(e.metadata().authors(), ["Ana Lima"]);
    assert!(e.text().contains("harbour board"));
}

#[test]
fn deeply_nested_json_ld_is_harmless() {
    let deep = format!("{}{}", "[".repeat(50_000), "]".repeat(50_000));
    let html = page(
        &format!("<title>Quay</title><script type='application/ld+json'>{deep}</script>"),
        BODY,
    );
    assert_eq!(unboil::extract(&html).title(), Some("Quay"));
}

// ---------------------------------------------------------------------------------------------
// OpenGraph, Twitter cards and <meta> names

#[test]
fn open_graph_and_meta_names() {
    let html = page(
        r#"<meta property="og:site_name" content="Harbour Post">
           <meta property="og:description" content="The quay grows.">
           <meta name="description" content="Not this one.">
           <meta property="og:image" content="https://post.example/a.jpg">
           <meta name="twitter:image" content="https://post.example/b.jpg">
           <meta property="og:url" content="https://post.example/quay">
           <meta property="og:locale" content="en_GB">
           <meta property="article:published_time" content="2024-03-05T08:00:00+0100">
           <meta property="article:modified_time" content="2024-03-06 10:30">
           <meta property="article:tag" content="harbour"><meta property="article:tag" content="Harbour">
           <meta property="article:section" content="Local">
           <meta name="keywords" content="ignored, because, tags, exist">"#,
        BODY,
    );
    let e = unboil::extract(&html);
    let m = e.metadata();
    assert_eq!(m.site_name(), Some("Harbour Post"));
    assert_eq!(m.description(), Some("The quay grows."));
    assert_eq!(m.image(), Some("https://post.example/a.jpg"));
    assert_eq!(m.canonical_url(), Some("https://post.example/quay"));
    assert_eq!(m.language(), Some("en-GB"));
    assert_eq!(
        m.published().map(unboil::PageDate::as_str),
        Some("2024-03-05T08:00:00+01:00")
    );
    assert_eq!(
        m.modified().map(unboil::PageDate::as_str),
        Some("2024-03-06T10:30")
    );
    assert_eq!(m.tags(), ["harbour"]);
    assert_eq!(m.categories(), ["Local"]);
}

#[test]
fn keywords_are_used_when_nothing_better_is_stated() {
    let html = page(
        r#"<meta name="keywords" content="quay, harbour ,, board">"#,
        BODY,
    );
    assert_eq!(
        unboil::extract(&html).metadata().tags(),
        ["quay", "harbour", "board"]
    );
}

#[test]
fn twitter_card_is_a_fallback_for_title_and_image() {
    let html = page(
        r#"<meta name="twitter:title" content="Quay to be extended">
           <meta name="twitter:image:src" content="https://post.example/t.jpg">"#,
        BODY,
    );
    let e = unboil::extract(&html);
    assert_eq!(e.title(), Some("Quay to be extended"));
    assert_eq!(e.metadata().image(), Some("https://post.example/t.jpg"));
}

#[test]
fn a_relative_canonical_url_is_completed_from_og_url() {
    let html = page(
        r#"<link rel="canonical" href="/news/quay">
           <meta property="og:url" content="https://post.example/news/quay?ref=share">"#,
        BODY,
    );
    assert_eq!(
        unboil::extract(&html).metadata().canonical_url(),
        Some("https://post.example/news/quay")
    );
}

#[test]
fn a_site_that_names_itself_author_is_not_an_author() {
    let html = page(
        r#"<meta property="og:site_name" content="Harbour Post">
           <meta name="author" content="Harbour Post">"#,
        BODY,
    );
    assert!(unboil::extract(&html).metadata().authors().is_empty());
}

#[test]
fn author_urls_are_not_names() {
    let html = page(
        r#"<meta property="article:author" content="https://social.example/ana.lima">"#,
        BODY,
    );
    assert!(unboil::extract(&html).metadata().authors().is_empty());
}

// ---------------------------------------------------------------------------------------------
// Microdata, <time>, bylines

#[test]
fn microdata_author_name_and_date() {
    let html = page(
        "<title>Quay</title>",
        &format!(
            "<article itemscope itemtype='https://schema.org/Article'>
               <div class='meta'><span itemprop='author' itemscope itemtype='https://schema.org/Person'>
                 Written by <span itemprop='name'>Ana Lima</span></span>
               <time itemprop='datePublished' datetime='2024-03-05'>5 March</time></div>
               {BODY}</article>"
        ),
    );
    let e = unboil::extract(&html);
    assert_eq!(e.metadata().authors(), ["Ana Lima"]);
    assert_eq!(
        e.metadata().published().map(unboil::PageDate::as_str),
        Some("2024-03-05")
    );
}

#[test]
fn byline_in_the_page_is_split_into_names() {
    let html = page(
        "<title>Quay</title>",
        &format!(
            "<article><h1>Quay</h1><p class='byline'>By Ana Lima and Bo Chen | 5 March 2024</p>{BODY}</article>"
        ),
    );
    assert_eq!(
        unboil::extract(&html).metadata().authors(),
        ["Ana Lima", "Bo Chen"]
    );
}

#[test]
fn author_link_in_the_page() {
    let html = page(
        "<title>Quay</title>",
        &format!(
            "<article><div class='info'>by <a rel='author' href='/people/ana'>Ana Lima</a></div>{BODY}</article>"
        ),
    );
    assert_eq!(unboil::extract(&html).metadata().authors(), ["Ana Lima"]);
}

#[test]
fn comment_authors_and_dates_are_not_the_article_s() {
    let html = page(
        "<title>Quay</title>",
        &format!(
            "<article>{BODY}</article>
             <section class='comments'><div class='comment'><span class='author'>Cy Doe</span>
             <time datetime='2024-04-01'>1 April</time><p>I think the quay is long enough already,
             and the board should have listened to the people who live by the harbour.</p></div></section>"
        ),
    );
    let e = unboil::extract(&html);
    assert!(
        e.metadata().authors().is_empty(),
        "{:?}",
        e.metadata().authors()
    );
    assert_eq!(e.metadata().published().map(unboil::PageDate::as_str), None);
}

#[test]
fn a_time_element_near_the_text_dates_the_page() {
    let html = page(
        "<title>Quay</title>",
        &format!(
            "<article><h1>Quay</h1><p><time datetime='2024-03-05T08:00:00Z'>5 March</time></p>{BODY}</article>"
        ),
    );
    assert_eq!(
        unboil::extract(&html)
            .metadata()
            .published()
            .map(unboil::PageDate::as_str),
        Some("2024-03-05T08:00:00Z")
    );
}

#[test]
fn a_date_stamp_in_words_is_normalised() {
    let html = page(
        "<title>Quay</title>",
        &format!(
            "<article><h1>Quay</h1><div class='post-date'>Posted on March 5th, 2024</div>{BODY}</article>"
        ),
    );
    assert_eq!(
        unboil::extract(&html)
            .metadata()
            .published()
            .map(unboil::PageDate::as_str),
        Some("2024-03-05")
    );
}

#[test]
fn rel_tag_and_category_links() {
    let html = page(
        "<title>Quay</title>",
        &format!(
            "<article>{BODY}<p class='tags'><a rel='category tag' href='/c/local'>Local</a>
             <a rel='tag' href='/t/harbour'>harbour</a> <a rel='tag' href='/t/board'>board</a></p></article>"
        ),
    );
    let e = unboil::extract(&html);
    assert_eq!(e.metadata().tags(), ["harbour", "board"]);
    assert_eq!(e.metadata().categories(), ["Local"]);
}

// ---------------------------------------------------------------------------------------------
// Language and direction

#[test]
fn language_from_html_lang_wins_over_og_locale() {
    let html = format!(
        "<html lang='de-at'><head><meta property='og:locale' content='en_US'></head><body>{BODY}</body></html>"
    );
    assert_eq!(unboil::extract(&html).metadata().language(), Some("de-AT"));
}

#[test]
fn direction_from_dir_attribute_language_and_script() {
    let dir = format!("<html dir='rtl'><body>{BODY}</body></html>");
    assert_eq!(
        unboil::extract(&dir).metadata().direction(),
        TextDirection::Rtl
    );
    let body_dir = format!("<html dir='rtl'><body dir='ltr'>{BODY}</body></html>");
    assert_eq!(
        unboil::extract(&body_dir).metadata().direction(),
        TextDirection::Ltr
    );
    let lang = format!("<html lang='ar-EG'><body>{BODY}</body></html>");
    assert_eq!(
        unboil::extract(&lang).metadata().direction(),
        TextDirection::Rtl
    );
    let arabic = "<p>اجتمع مجلس الميناء مساء الثلاثاء وصوت على تمديد الرصيف أربعين مترا، وهي خطة نوقشت لأكثر من عشر سنوات.</p>";
    assert_eq!(
        unboil::extract(arabic).metadata().direction(),
        TextDirection::Rtl
    );
    assert_eq!(
        unboil::extract(BODY).metadata().direction(),
        TextDirection::Ltr
    );
}

// ---------------------------------------------------------------------------------------------
// Robustness

#[test]
fn pages_without_metadata_give_empty_values() {
    let e = unboil::extract(BODY);
    let m = e.metadata();
    assert_eq!(m.title(), None);
    assert!(m.authors().is_empty() && m.tags().is_empty() && m.categories().is_empty());
    assert_eq!(
        (
            m.published().map(unboil::PageDate::as_str),
            m.modified().map(unboil::PageDate::as_str),
            m.site_name()
        ),
        (None, None, None)
    );
    assert_eq!(
        (m.language(), m.description(), m.canonical_url(), m.image()),
        (None, None, None, None)
    );
}

#[test]
fn many_meta_tags_and_scripts_stay_bounded() {
    let metas = "<meta property='article:tag' content='x'>".repeat(20_000);
    let scripts =
        "<script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"Q\"}</script>"
            .repeat(2_000);
    let html = page(&format!("<title>Quay</title>{metas}{scripts}"), BODY);
    let e = unboil::extract(&html);
    assert_eq!(e.title(), Some("Q"));
    assert_eq!(e.metadata().tags(), ["x"]);
}

#[test]
fn unreadable_dates_are_left_out() {
    let html = page(
        r#"<meta property="article:published_time" content="03/05/2024">
           <meta name="date" content="last Tuesday">"#,
        BODY,
    );
    assert_eq!(
        unboil::extract(&html)
            .metadata()
            .published()
            .map(unboil::PageDate::as_str),
        None
    );
}

#[test]
fn dates_are_typed_and_keep_their_iso_form() {
    use unboil::jiff::civil::{date, time};
    let page = r#"<head><meta property="article:published_time" content="2024-03-05T08:00:00Z">
      <meta property="article:modified_time" content="6 mars 2024"></head>
      <body><p>The road over the pass closed at noon on Friday, the police said.</p></body>"#;
    let e = unboil::extract(page);
    let published = e.metadata().published().unwrap();
    assert_eq!(published.date(), date(2024, 3, 5));
    assert_eq!(published.time(), Some(time(8, 0, 0, 0)));
    assert_eq!(published.offset(), Some(unboil::jiff::tz::Offset::UTC));
    assert_eq!(published.to_string(), "2024-03-05T08:00:00Z");
    let modified = e.metadata().modified().unwrap();
    assert_eq!((modified.date(), modified.time()), (date(2024, 3, 6), None));
    assert_eq!(modified.as_str(), "2024-03-06");
}

#[test]
fn month_names_are_read_in_the_languages_the_crate_knows() {
    for (stated, want) in [
        ("5 mars 2024", "2024-03-05"),
        ("5. März 2024", "2024-03-05"),
        ("5 de marzo de 2024", "2024-03-05"),
        ("5 marzo 2024", "2024-03-05"),
        ("5 de março de 2024", "2024-03-05"),
        ("5 maart 2024", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
    ] {
        let page = format!(
            "<meta name='date' content='{stated}'><p>The road over the pass closed at noon on \
             Friday, the police said.</p>"
        );
        let e = unboil::extract(&page);
        assert_eq!(
            e.metadata().published().map(unboil::PageDate::as_str),
            Some(want),
            "{stated}"
        );
    }
}
