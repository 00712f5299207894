//! Plain-text dump mode on any bytes (read as UTF-8 with U+FFFD for broken sequences).
#![no_main]

use libfuzzer_sys::fuzz_target;
use unboil::{Extractor, Focus, Options};

fuzz_target!(|data: &[u8]| {
    let (flags, rest) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    let dump = String::from_utf8_lossy(rest);
    let focus = match flags % 3 {
        0 => Focus::Balanced,
        1 => Focus::Precision,
        _ => Focus::Recall,
    };
    if let Ok(extracted) = Extractor::new(Options::default().with_focus(focus)).extract_text(&dump) {
        let _ = extracted.to_markdown();
        assert!(
            !extracted
                .text()
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "control character in output"
        );
    }
});
