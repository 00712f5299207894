//! HTML in (any bytes, read as UTF-8 with U+FFFD for broken sequences), with the options picked
//! by the first byte, every output rendered. Panics, hangs and blow-ups are the findings; the
//! output must also be free of control characters.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unboil::{Extractor, Focus, Options};

fuzz_target!(|data: &[u8]| {
    let (flags, rest) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    let html = String::from_utf8_lossy(rest);
    let focus = match flags % 3 {
        0 => Focus::Balanced,
        1 => Focus::Precision,
        _ => Focus::Recall,
    };
    let options = Options::default()
        .with_focus(focus)
        .with_explain(flags & 4 != 0)
        .with_links(flags & 8 != 0)
        .with_images(flags & 16 != 0)
        .with_comments(flags & 32 != 0)
        .with_base_url(if flags & 64 != 0 { "https://example.com/a/b.html" } else { "rel/" })
        .with_max_depth(if flags & 128 != 0 { 32 } else { 512 });
    let Ok(extracted) = Extractor::new(options).extract(&html) else {
        return;
    };
    check(extracted.text());
    if let Some(title) = extracted.title() {
        check(title);
    }
    let _ = extracted.to_markdown();
    let _ = extracted.explanation();
    for b in extracted.blocks() {
        check(b.text());
    }
});

fn check(text: &str) {
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
        "control character in output: {text:?}"
    );
}
