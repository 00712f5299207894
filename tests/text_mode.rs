//! Plain-text mode on dumps the project wrote itself (`tests/dumps/<name>/`): `dump.txt` is a
//! whole page as an HTML-to-text converter leaves it, `expected.txt` holds the title on its
//! first line, a blank line, then the main text exactly as `Extracted::text` should return it;
//! an optional `meta.txt` holds the published and modified days and the authors the metadata
//! must give (read from the byline and date lines around the headline).
//!
//! Five dumps test that metadata: a name with a social handle, an age and a date under the
//! headline (`handle`); the nearest date above the headline, below a "Today:" line with the
//! day the page was saved (`dated`); an agency byline with "Updated:" and a time (`agency`);
//! a site's "Last update:" stamp at the top, above a byline with the article's date
//! (`siteupdate`); a French byline over "Publié le 5 mars 2024" (`french`).
//!
//! The dumps cover a news article (byline, "Also Read" lines inside the body, tags, disclaimer,
//! "Related Topics", "Recent Stories" with "17 minutes ago" lines, previous/next story), a blog
//! post hard-wrapped at 72 columns with `*` bullets, a forum thread, a product page, a
//! Spanish article, and a music story whose list of tour dates (announced by a line ending in a
//! colon) ends the text, followed by a share line, an author's box, a newsletter box and teasers;
//! each uses different furniture, separators and bullet glyphs. A page of coupons, short lines
//! with hardly a sentence, shows the relaxed pass that keeps a thin output from staying thin. A
//! page of trending projects, with a language picker run together into one long line of
//! capitalised names, shows that such a line is not taken for the text. A thread whose first
//! post opens with two short sentences shows that they stay in the text, not in the title. A
//! shop's listing of cards, each with the same "Label: value" fields, shows that the cards are
//! kept although none of their lines is a sentence. A library's events page shows that a field
//! with a short value ("Sort by: Newest first") right above the text is not its title. A
//! survey story whose list of measures has items opening with "Share of …" shows that a
//! sentence starting with a social word is neither a share bar nor the end of the text. A
//! ranking of software, each card opening with the same "Compare" button over a name, a
//! category, a score and a price, shows that cards without labelled fields are kept too when
//! the page's text is spread out. A history of the card catalogue with a section headed
//! "Search engines and the catalogue" shows that a heading opening with an account word, with
//! prose under it, does not end the text. A product page with a specification table printed
//! row by row, cells separated by tabs (or, from another converter, opened by a pipe), shows
//! that the table is kept with its heading. A shop's new releases, each card a "Add to
//! wishlist" button, a name, a paragraph of blurb and a release date, shows that cards holding
//! prose are kept whole when a repeated button marks them (names and dates included). A
//! magazine's list of award winners, one paragraph of text and then a filter line over cards
//! that each open with the same "Honoree" line, shows that such cards are kept even when the
//! rest of the page's text sits in one region. A tutorial whose code listings the converter
//! printed line by line (one in the text, one in an appendix at its end) shows that each
//! listing is kept as one block of code, indentation and blank lines included. A news story
//! followed by readers' posts, under a line that only mentions comments, each post opening
//! with "by <name> on <date>", shows that the posts are not taken for the text. A question
//! with three answers, a "Share" line under each post, shows that a bar repeated after more of
//! the text closes a post, not the page: the answers after the first ones stay. A camera bag's
//! page whose description is followed by a list of details, most of them "Label: value" items
//! ("Weight: 850 g"), shows that the list is kept with its heading, while a list of headlines
//! of the same shape ("Field Notes: Packing For A Week") below it is not. A how-to article
//! followed by "Explore more" and cards of other articles, each a title, a blurb and the same
//! "Learn more" line, shows that the cards are not taken for the text although they hold prose.
//! A thread whose posts each open with a name over a post count, a score, a date and a post
//! number shows that the name comes back with the posts and the counts and dates do not; one
//! whose posts each open with the same labels ("Member", "Joined", "Posts") over their values
//! shows that the labels stay out too; and the same thread with "Quote" and "Reply" under every
//! post shows that a short last reply between two such bars is still part of the thread. A
//! listing of preprints whose cards each carry "Title:", "Authors:" and "Comments:" fields
//! shows that a field named like furniture ("Comments: 14 pages") is kept with its card and
//! does not end the text, however long its value. A knife's page whose description is
//! followed by "Customer Reviews", a rating, a count and readers' posts (a name, a date, two
//! sentences each) shows that the reviews are not taken for the text. A tea shop's page
//! whose dump prints the shop's refund and privacy policies after the copyright line shows
//! that the policies are not the text, though they hold more prose than the description. A
//! sleeping mat's page followed by "You may also like" and cards of other products, each with
//! a sentence of blurb, shows that the cards are not the text. A lamp's page with "Free
//! standard shipping …" and "Free returns …" sentences above its description shows that the
//! shop's notices are not the text. A gardening site's page of vegetable guides whose dump
//! ends with a cookie banner and its preference centre (a paragraph per purpose, "85 partners
//! can use this purpose") shows that the dialog is not the text, though it holds more prose. A
//! book's page whose short description is followed by "Customer reviews" and long posts, each
//! with a "Reviewed in … on …" line, a "Verified Purchase" badge and a "N people found this
//! helpful" vote, shows that the reviews are not the text though they hold most of its words. A
//! keyboard's review whose test results follow as a table printed one cell per line, a label
//! over its value ("Polling Rate (Wired)" over "1000 Hz", "Debounce Time" over "N/A"), shows
//! that the table is kept with its heading, whether the converter put blank lines between the
//! cells or not.

use std::path::Path;
use unboil::{Extractor, Options, Reason};

fn check(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/dumps")
        .join(name);
    let dump = std::fs::read_to_string(dir.join("dump.txt")).expect("dump.txt");
    let expected = std::fs::read_to_string(dir.join("expected.txt")).expect("expected.txt");
    let (title, text) = expected
        .split_once("\n\n")
        .expect("expected.txt: title, blank line, text");
    let extracted = unboil::extract_text(&dump);
    assert_eq!(extracted.title(), Some(title.trim()), "{name}: title");
    assert_eq!(extracted.text(), text.trim_end(), "{name}: text");
    check_meta(name, &dir, extracted.metadata());
}

/// Where a dump has a `meta.txt` (`published: YYYY-MM-DD`, `modified: …`, `authors: A; B`
/// lines), the metadata must say exactly that; a missing line means the value must be absent.
fn check_meta(name: &str, dir: &Path, meta: &unboil::Metadata) {
    let Ok(want) = std::fs::read_to_string(dir.join("meta.txt")) else {
        return;
    };
    let field = |key: &str| {
        want.lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
            .map(str::trim)
    };
    let day = |d: Option<&unboil::PageDate>| d.map(|d| d.date().to_string());
    assert_eq!(
        day(meta.published()).as_deref(),
        field("published"),
        "{name}: published"
    );
    assert_eq!(
        day(meta.modified()).as_deref(),
        field("modified"),
        "{name}: modified"
    );
    let authors: Vec<&str> = field("authors").map_or(Vec::new(), |a| a.split("; ").collect());
    assert_eq!(meta.authors(), authors, "{name}: authors");
}

#[test]
fn news_article() {
    check("news");
}

#[test]
fn a_name_with_a_handle_and_a_date_under_the_headline() {
    check("handle");
}

#[test]
fn the_date_nearest_above_the_headline_not_the_days_date() {
    check("dated");
}

#[test]
fn an_agency_byline_with_its_update_time() {
    check("agency");
}

#[test]
fn the_sites_update_stamp_is_not_the_articles_date() {
    check("siteupdate");
}

#[test]
fn a_french_byline_and_date() {
    check("french");
}

#[test]
fn wrapped_blog_post_with_a_list() {
    check("blog");
}

#[test]
fn forum_thread() {
    check("forum");
}

#[test]
fn product_page() {
    check("product");
}

#[test]
fn spanish_article() {
    check("spanish");
}

#[test]
fn story_ending_in_an_announced_list_then_share_author_and_newsletter_boxes() {
    check("tour");
}

#[test]
fn page_of_short_lines_is_not_cut_to_one_paragraph() {
    check("coupons");
}

#[test]
fn a_run_together_list_of_names_is_not_the_text() {
    check("trending");
}

#[test]
fn a_first_post_of_two_sentences_is_not_the_title() {
    check("firstpost");
}

#[test]
fn cards_with_the_same_labelled_fields_are_the_text() {
    check("cards");
}

#[test]
fn a_sorting_field_above_the_text_is_not_the_title() {
    check("events");
}

#[test]
fn a_list_item_opening_with_share_of_is_not_a_share_bar() {
    check("survey");
}

#[test]
fn cards_marked_by_the_same_button_are_the_text() {
    check("ranking");
}

#[test]
fn a_section_heading_opening_with_search_does_not_end_the_text() {
    check("catalogue");
}

#[test]
fn a_specification_table_is_kept() {
    check("specs");
}

#[test]
fn the_same_table_with_pipes_between_cells_is_kept_too() {
    // Another converter prints "| Power | 3000 W" where the first printed "Power\t\t3000 W".
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dumps/specs");
    let dump = std::fs::read_to_string(dir.join("dump.txt")).unwrap();
    let piped: String = dump
        .lines()
        .map(|l| match l.split_once("\t\t") {
            Some((a, b)) => format!("| {a} | {b}\n"),
            None => format!("{l}\n"),
        })
        .collect();
    let text = unboil::extract_text(&piped).text().to_string();
    for row in [
        "| Capacity | 1.7 litres",
        "| Power | 3000 W",
        "| Warranty | Two years",
    ] {
        assert!(text.contains(row), "{row} missing from {text}");
    }
    assert!(text.contains("Specifications"));
}

#[test]
fn cards_with_a_blurb_each_are_kept_whole() {
    check("games");
}

#[test]
fn the_same_dump_with_another_bullet_glyph_and_no_blank_lines() {
    // Converters differ in glyphs and blank lines; the decision must not.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dumps/blog");
    let dump = std::fs::read_to_string(dir.join("dump.txt")).unwrap();
    let other = dump.replace("  * ", "  • ");
    assert_eq!(
        unboil::extract_text(&dump).text(),
        unboil::extract_text(&other).text()
    );
}

#[test]
fn empty_and_blank_dumps_give_empty_results() {
    assert!(unboil::extract_text("").is_empty());
    assert!(unboil::extract_text("\n\n   \n").is_empty());
}

#[test]
fn never_empty_when_text_exists() {
    // Nothing here reads as an article, but something must come back.
    let dump = "Opening hours\nMonday to Friday 9 to 5\nSaturday 10 to 1\n";
    assert!(!unboil::extract_text(dump).is_empty());
}

#[test]
fn title_is_not_repeated_in_the_text() {
    let dump = "Dam Opens After Ten Years of Work\n\nDam Opens After Ten Years of Work\n\n\
                The new dam on the river opened on Friday, ten years after work began, and \
                will supply water to three towns.\n\nEngineers said the lake behind it would \
                take two winters to fill.\n";
    let e = unboil::extract_text(dump);
    assert_eq!(e.title(), Some("Dam Opens After Ten Years of Work"));
    assert!(!e.text().contains("Dam Opens"));
    assert!(e.text().starts_with("The new dam"));
}

#[test]
fn hostile_dumps_finish_quickly() {
    // A megabyte of one line, and a hundred thousand one-word lines.
    let long_line = "word ".repeat(200_000);
    let many_lines = "Home\n".repeat(100_000);
    let start = std::time::Instant::now();
    let _ = unboil::extract_text(&long_line);
    let _ = unboil::extract_text(&many_lines);
    assert!(start.elapsed().as_secs() < 10);
}

#[test]
fn limits_apply_to_dumps() {
    let small = unboil::Extractor::new(unboil::Options::default().with_max_input_bytes(10));
    let err = small.extract_text("far more than ten bytes").unwrap_err();
    assert_eq!(err.kind(), unboil::ErrorKind::InputTooLarge);
}

#[test]
fn cards_marked_by_a_button_after_one_region_of_text() {
    check("awards");
}

#[test]
fn code_listing_printed_line_by_line_stays_in_the_text() {
    check("listing");
}

#[test]
fn readers_posts_with_bylines_after_a_story() {
    check("readers");
}

#[test]
fn share_line_under_every_answer_does_not_end_the_thread() {
    check("answers");
}

#[test]
fn a_list_of_product_details_after_the_description_is_kept() {
    check("details");
}

#[test]
fn the_same_details_with_dashes_and_blank_lines_are_kept_too() {
    // Another converter prints "- Weight: 850 g" with a blank line between the items.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dumps/details");
    let dump = std::fs::read_to_string(dir.join("dump.txt")).unwrap();
    let other = dump.replace("\n  • ", "\n\n- ");
    let text = unboil::extract_text(&other).text().to_string();
    for item in [
        "Weight: 850 g",
        "Lining: recycled nylon",
        "Made in Portugal",
    ] {
        assert!(text.contains(item), "{item} missing from {text}");
    }
    assert!(!text.contains("Field Notes"), "headlines kept: {text}");
}

#[test]
fn counts_and_dates_over_each_post_of_a_thread_stay_out() {
    check("stamps");
}

#[test]
fn labels_over_every_post_of_a_thread_stay_out() {
    check("profiles");
}

#[test]
fn a_short_last_reply_between_two_bars_stays() {
    check("bars");
}

#[test]
fn a_field_of_every_card_named_like_furniture_is_kept() {
    check("papers");
}

#[test]
fn customer_reviews_after_a_product_description_are_not_the_text() {
    check("reviews");
}

#[test]
fn policies_printed_after_the_copyright_line_are_not_the_text() {
    check("policies");
}

#[test]
fn other_products_after_a_you_may_also_like_line_are_not_the_text() {
    check("alsolike");
}

#[test]
fn a_shops_delivery_and_returns_notices_are_not_the_text() {
    check("notices");
}

#[test]
fn a_consent_dialog_after_the_footer_is_not_the_text() {
    check("consent");
}

#[test]
fn customer_reviews_that_hold_most_of_the_words_are_not_the_text() {
    check("helpful");
}

#[test]
fn a_table_printed_one_cell_per_line_after_the_text_is_kept() {
    check("cells");
    check("cells-spaced");
}

/// Explanations work in plain-text mode as in HTML mode: one entry per block, each score the
/// sum of its reasons' weights, and the structural rule that changed a decision named.
#[test]
fn explanations_in_text_mode() {
    let dump = std::fs::read_to_string("tests/dumps/news/dump.txt").unwrap();
    let extractor = Extractor::new(Options::default().with_explain(true));
    let extracted = extractor.extract_text(&dump).unwrap();
    let explanation = extracted.explanation().expect("explain was on");
    assert_eq!(explanation.blocks.len(), extracted.blocks().len());
    for (block, why) in extracted.blocks().iter().zip(&explanation.blocks) {
        assert_eq!((why.kind, why.decision), (block.kind(), block.decision()));
        let sum: f32 = why.reasons.iter().map(|(_, w)| w).sum();
        assert!(
            (sum - why.score).abs() < 1e-3,
            "{:?}: {sum} against {}",
            block.text(),
            why.score
        );
    }
    // The main text lies in the main region; some block outside it was judged by its place.
    assert!(explanation.blocks.iter().any(|b| b.features.in_container));
    assert!(explanation.blocks.iter().any(|b| {
        b.reasons
            .iter()
            .any(|(r, w)| *r == Reason::OutsideContainer && *w < 0.0)
    }));
    // Without explanations, none is recorded.
    let plain = Extractor::new(Options::default())
        .extract_text(&dump)
        .unwrap();
    assert!(plain.explanation().is_none());
    assert_eq!(plain.text(), extracted.text());
}

#[test]
fn a_dump_has_a_page_type_judged_from_its_lines() {
    // One region of sentences under a headline reads as an article; a shop's cards, short
    // lines with the same fields over and over, do not.
    let read = |name: &str| {
        std::fs::read_to_string(format!("tests/dumps/{name}/dump.txt")).expect("a test dump")
    };
    assert_eq!(
        unboil::extract_text(&read("news")).page_type(),
        Some(unboil::PageType::Article)
    );
    let cards = unboil::extract_text(&read("cards")).page_type();
    assert!(
        cards.is_some() && cards != Some(unboil::PageType::Article),
        "{cards:?}"
    );
    // Nothing to judge: no type.
    assert_eq!(unboil::extract_text("").page_type(), None);
}
