//! Bytes in with a charset hint picked by the first byte: every step of the encoding choice
//! (BOM, hint, `<meta>` prescan, guess, default) and every decoder.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unboil::{Extractor, Options};

const HINTS: [Option<&str>; 8] = [
    None,
    Some("utf-8"),
    Some("text/html; charset=windows-1251"),
    Some("shift_jis"),
    Some("utf-16le"),
    Some("iso-2022-jp"),
    Some("gb18030"),
    Some("no-such-label"),
];

fuzz_target!(|data: &[u8]| {
    let (first, rest) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    let hint = HINTS.get(usize::from(first) % HINTS.len()).copied().flatten();
    if let Ok(extracted) = Extractor::new(Options::default()).extract_bytes(rest, hint) {
        assert!(extracted.encoding().is_some());
        assert!(
            !extracted
                .text()
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "control character in output"
        );
    }
});
