//! Per-block measurements that the classifier reads.
//!
//! Lengths count characters, not bytes or spaces, so that Chinese and Japanese text (no spaces)
//! measures like any other; words come from Unicode segmentation (UAX #29), which counts each
//! ideograph as a word.

use unicode_segmentation::UnicodeSegmentation;

pub(crate) mod furniture_cues;
pub(crate) mod hints;
pub(crate) mod lexicon;

/// Measurements of one block's text.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct TextStats {
    pub chars: u32,
    pub words: u32,
    /// Sentence-ending punctuation marks (`.`, `!`, `?`, `。`, `！`, `？`, `؟`, `।`).
    pub sentence_marks: u32,
    /// Commas and other clause punctuation (`,`, `;`, `、`, `，`, `،`).
    pub commas: u32,
    /// The text ends with sentence punctuation (allowing closing quotes and brackets).
    pub ends_sentence: bool,
    /// Digits among the characters.
    pub digits: u32,
    /// Words that start with a capital letter (for title-case and menu shapes).
    pub capitalized: u32,
    /// Alphabetic or ideographic characters.
    pub letters: u32,
    /// The text is mostly characters of scripts written without spaces.
    pub cjk: bool,
}

fn is_sentence_mark(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '。' | '！' | '？' | '؟' | '।' | '…' | '‼' | '．'
    )
}

fn is_clause_mark(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '、' | '，' | '،' | '；' | '：')
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '”' | '’' | '»' | '」' | '』' | '）' | '*'
    )
}

/// [`char::is_alphanumeric`], answered without the Unicode tables for the characters most
/// pages are made of: ASCII, Latin-1 and the Latin Extended blocks, the General Punctuation
/// block (curly quotes, dashes, ellipsis, spaces), which holds no letter or digit, and the
/// letters of Cyrillic, Chinese and Korean text. The table
/// search behind the standard method costs some 300 instructions a character, and every
/// block's text goes through here several times. Same answer for every `char` (tested
/// exhaustively).
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        // ª ² ³ µ ¹ º ¼ ½ ¾ and the letters from À, but not × and ÷.
        0x80..=0xBF => matches!(
            c as u32,
            0xAA | 0xB2 | 0xB3 | 0xB5 | 0xB9 | 0xBA | 0xBC..=0xBE
        ),
        0xC0..=0x24F => !matches!(c as u32, 0xD7 | 0xF7),
        0x2000..=0x206F => false,
        // Cyrillic letters (not the signs and combining marks between them), CJK ideographs,
        // Hangul syllables.
        0x400..=0x481 | 0x48A..=0x4FF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 => true,
        _ => c.is_alphanumeric(),
    }
}

/// Scripts written without spaces between words: Han, kana, Thai and a few others.
pub(crate) fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK Extension A
        | 0x4E00..=0x9FFF    // CJK Unified Ideographs
        | 0xF900..=0xFAFF    // CJK Compatibility Ideographs
        | 0x0E00..=0x0E7F    // Thai
        | 0x0E80..=0x0EFF    // Lao
        | 0x1000..=0x109F    // Myanmar
        | 0x1780..=0x17FF    // Khmer
        | 0x20000..=0x2FFFF) // CJK Extensions B and later
}

impl TextStats {
    pub fn of(text: &str) -> TextStats {
        if text.is_ascii() {
            return Self::of_ascii(text);
        }
        let mut st = TextStats::default();
        let mut in_word = false;
        let mut unspaced = 0u32;
        let mut chars = 0u32;
        for c in text.chars() {
            chars += 1;
            if let Some(f) = ascii_class(c) {
                // The common case, classed by the same table as `of_ascii`.
                if f & (DIGIT | LETTER) != 0 {
                    st.digits += f & DIGIT;
                    st.letters += (f & LETTER) >> 1;
                    if !in_word && f & UPPER != 0 {
                        st.capitalized += 1;
                    }
                    in_word = true;
                } else {
                    in_word = in_word && f & (APOSTROPHE | HYPHEN) != 0;
                    st.sentence_marks += (f & SENTENCE) >> 3;
                    st.commas += (f & CLAUSE) >> 4;
                }
                continue;
            }
            if is_alphanumeric(c) {
                if c.is_ascii_digit() {
                    st.digits += 1;
                } else {
                    st.letters += 1;
                    if !c.is_ascii() && is_unspaced_script(c) {
                        unspaced += 1;
                    }
                }
                if !in_word && c.is_uppercase() {
                    st.capitalized += 1;
                }
                in_word = true;
            } else {
                in_word = in_word && (c == '\'' || c == '’' || c == '-');
                if is_sentence_mark(c) {
                    st.sentence_marks += 1;
                } else if is_clause_mark(c) {
                    st.commas += 1;
                }
            }
        }
        st.chars = chars;
        st.cjk = unspaced * 2 > st.letters && unspaced > 0;
        st.words = latin_words(text).unwrap_or_else(|| text.unicode_words().count() as u32);
        st.ends_sentence = text
            .trim_end()
            .chars()
            .rev()
            .find(|c| !is_closing(*c))
            .is_some_and(is_sentence_mark);
        st
    }

    /// [`TextStats::of`] for ASCII text, a byte at a time: the same figures, without decoding
    /// characters or looking up Unicode tables (most blocks of most pages are ASCII).
    fn of_ascii(text: &str) -> TextStats {
        let mut st = TextStats::default();
        // One pass, without branches on the bytes: each byte's classes come from a table.
        // `in_word` carries a word through `'` and `-` (for capitalised words), `in_count`
        // through `'` only (the word count of `ascii_words`).
        let (mut in_word, mut in_count) = (0u32, 0u32);
        let (mut digits, mut letters, mut upper_starts) = (0u32, 0u32, 0u32);
        let (mut marks, mut commas, mut words) = (0u32, 0u32, 0u32);
        for &b in text.as_bytes() {
            let f = ascii_class(char::from(b)).unwrap_or(0);
            let alnum = (f & (DIGIT | LETTER) != 0) as u32;
            digits += f & DIGIT;
            letters += (f & LETTER) >> 1;
            upper_starts += ((f & UPPER) >> 2) & (in_word ^ 1);
            marks += (f & SENTENCE) >> 3;
            commas += (f & CLAUSE) >> 4;
            let counted = alnum | (in_count & ((f & APOSTROPHE) >> 5));
            words += counted & (in_count ^ 1);
            in_count = counted;
            in_word = alnum | (in_word & (((f & APOSTROPHE) >> 5) | ((f & HYPHEN) >> 6)));
        }
        st.digits = digits;
        st.letters = letters;
        st.capitalized = upper_starts;
        st.sentence_marks = marks;
        st.commas = commas;
        st.chars = text.len() as u32;
        st.words = words;
        st.ends_sentence = text
            .trim_end()
            .bytes()
            .rev()
            .find(|b| !matches!(b, b'"' | b'\'' | b')' | b']' | b'*'))
            .is_some_and(|b| matches!(b, b'.' | b'!' | b'?'));
        st
    }
}

/// Word-break classes (UAX #29) of the characters [`latin_words`] knows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum WordClass {
    Letter,
    Numeric,
    /// `:`, `·`: joins letters.
    MidLetter,
    /// `,`, `;`: joins digits.
    MidNum,
    /// `.`, `'`, `’`, `‘`: joins letters and digits.
    MidNumLet,
    /// `_`: joins anything wordy.
    ExtendNumLet,
    /// `½`, `²`: numeric to `char::is_alphanumeric` but joining nothing, so a word alone.
    Lone,
    Other,
}

fn word_class(c: char) -> Option<WordClass> {
    use WordClass::*;
    Some(match c {
        'a'..='z' | 'A'..='Z' => Letter,
        '0'..='9' => Numeric,
        ':' | '\u{b7}' => MidLetter,
        ',' | ';' => MidNum,
        '.' | '\'' | '\u{2018}' | '\u{2019}' => MidNumLet,
        '_' => ExtendNumLet,
        '\u{aa}' | '\u{b5}' | '\u{ba}' => Letter,
        '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{bc}'..='\u{be}' => Lone,
        '\u{c0}'..='\u{24f}' if c.is_alphabetic() => Letter,
        c if c.is_ascii() => Other,
        // No-break space, quotes, dashes, ellipsis, bullets and signs seen in Latin text.
        '\u{a0}'
        | '\u{a1}'..='\u{a9}'
        | '\u{ab}'
        | '\u{ac}'
        | '\u{ae}'..='\u{b4}'
        | '\u{b6}'
        | '\u{b8}'..='\u{b9}'
        | '\u{bb}'..='\u{bf}'
        | '\u{d7}'
        | '\u{f7}'
        | '\u{2010}'..='\u{2017}'
        | '\u{201a}'..='\u{2023}'
        | '\u{2025}'..='\u{2026}'
        | '\u{2030}'..='\u{203a}'
        | '\u{20ac}'
        | '\u{2122}' => Other,
        _ => return None,
    })
}

/// The number of words `unicode_words()` finds, computed without the general segmenter when
/// every character is ASCII, Latin or common punctuation (most blocks of most pages); `None`
/// for any other text. Follows UAX #29 for those classes: letters and digits join, `_` joins
/// both, a mid-letter sign joins two letters, a mid-number sign two digits.
fn latin_words(text: &str) -> Option<u32> {
    use WordClass::*;
    let wordy = |c: WordClass| matches!(c, Letter | Numeric | ExtendNumLet);
    let mut words = 0;
    // The word being read: whether it holds a letter or digit, the class of its last
    // character, and a mid sign just after it that the next character may join through.
    let mut word: Option<(bool, WordClass)> = None;
    let mut mid: Option<WordClass> = None;
    for ch in text.chars() {
        let c = word_class(ch)?;
        if let (Some((alnum, last)), Some(m)) = (word, mid.take()) {
            let joins = (last == Letter && c == Letter && matches!(m, MidLetter | MidNumLet))
                || (last == Numeric && c == Numeric && matches!(m, MidNum | MidNumLet));
            if joins {
                word = Some((true, c));
                continue;
            }
            // The sign did not join: the word ended before it.
            words += u32::from(alnum);
            word = None;
        }
        match word {
            Some((alnum, _)) if wordy(c) => {
                word = Some((alnum || c != ExtendNumLet, c));
                continue;
            }
            Some((_, last))
                if matches!(c, MidLetter | MidNum | MidNumLet)
                    && matches!(last, Letter | Numeric) =>
            {
                mid = Some(c);
                continue;
            }
            Some((alnum, _)) => {
                words += u32::from(alnum);
                word = None;
            }
            None => {}
        }
        if c == Lone {
            words += 1;
        } else if wordy(c) {
            word = Some((c != ExtendNumLet, c));
        }
    }
    if let Some((alnum, _)) = word {
        words += u32::from(alnum);
    }
    Some(words)
}

const DIGIT: u32 = 1;
const LETTER: u32 = 2;
const UPPER: u32 = 4;
const SENTENCE: u32 = 8;
const CLAUSE: u32 = 16;
const APOSTROPHE: u32 = 32;
const HYPHEN: u32 = 64;

/// The classes of an ASCII character (`None` for any other).
fn ascii_class(c: char) -> Option<u32> {
    ASCII_CLASS.get(c as usize).map(|&f| u32::from(f))
}

/// The classes of each ASCII byte, for [`TextStats::of_ascii`] and [`TextStats::of`].
// Indexing is bounded by the loop, and this runs at compile time: a slip would not compile.
#[allow(clippy::indexing_slicing)]
static ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_digit() {
            DIGIT as u8
        } else if b.is_ascii_uppercase() {
            (LETTER | UPPER) as u8
        } else if b.is_ascii_lowercase() {
            LETTER as u8
        } else {
            match b {
                b'.' | b'!' | b'?' => SENTENCE as u8,
                b',' | b';' | b':' => CLAUSE as u8,
                b'\'' => APOSTROPHE as u8,
                b'-' => HYPHEN as u8,
                _ => 0,
            }
        };
        i += 1;
    }
    t
};

/// Word count for ASCII text, kept as the reference the table-driven count is tested against: runs of letters and digits (with inner apostrophes).
#[cfg(test)]
fn ascii_words(text: &str) -> u32 {
    let mut n = 0;
    let mut in_word = false;
    for b in text.bytes() {
        let w = b.is_ascii_alphanumeric() || (in_word && b == b'\'');
        if w && !in_word {
            n += 1;
        }
        in_word = w;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_words_counts_as_unicode_words() {
        for t in [
            "The cat’s 3.5 million “dollars” — don't re:set a_b _ __x 1,000,000.",
            "Café crème, naïve façade… 12:30 e.g. U.S.A. x.1 1.x ‘quoted’",
            "co-operate; 1;2 a;b 3,b a,4 ´´ ¡Hola! ¿Qué? «Très» l’été 50 € 10 × 2",
            "½ cup, ¼ tsp. x² 3½",
            "   ",
            "",
        ] {
            assert_eq!(
                latin_words(t),
                Some(t.unicode_words().count() as u32),
                "{t:?}"
            );
        }
        assert_eq!(latin_words("東京"), None);
    }

    #[test]
    fn ascii_path_counts_as_the_general_one() {
        for t in [
            "The cat sat. Did it? Yes, it did!",
            "  \"Quoted,\" she said (twice).  ",
            "x-ray O'Neil 42 B2B; USA: 3.5*",
            "'quoted' it's -dash- don''t ''",
            "",
        ] {
            let mut general = TextStats::of(&format!("{t}\u{e9}"));
            // The appended letter is one more letter and character, ending no sentence.
            general.letters -= 1;
            general.chars -= 1;
            let ascii = TextStats::of_ascii(t);
            assert_eq!(ascii.words, ascii_words(t), "{t:?}");
            assert_eq!(
                (ascii.chars, ascii.letters, ascii.digits, ascii.capitalized),
                (
                    general.chars,
                    general.letters,
                    general.digits,
                    general.capitalized
                ),
                "{t:?}"
            );
            assert_eq!(
                (ascii.sentence_marks, ascii.commas),
                (general.sentence_marks, general.commas),
                "{t:?}"
            );
        }
    }

    #[test]
    fn counts_words_and_punctuation() {
        let s = TextStats::of("The cat sat. Did it? Yes, it did!");
        assert_eq!(s.words, 8);
        assert_eq!(s.sentence_marks, 3);
        assert_eq!(s.commas, 1);
        assert!(s.ends_sentence);
        assert_eq!(s.capitalized, 3);
        assert!(!s.cjk);
    }

    #[test]
    fn cjk_counts_characters_as_words() {
        let s = TextStats::of("東京都は日本の首都である。");
        assert_eq!(s.chars, 13);
        assert!(s.words >= 10, "{}", s.words);
        assert!(s.cjk);
        assert!(s.ends_sentence);
    }

    #[test]
    fn closing_quotes_do_not_hide_the_period() {
        assert!(TextStats::of("He said “yes.”").ends_sentence);
        assert!(!TextStats::of("Read more").ends_sentence);
    }

    #[test]
    fn arabic_words_and_question_mark() {
        let s = TextStats::of("هل هذا صحيح؟");
        assert_eq!(s.words, 3);
        assert!(s.ends_sentence);
    }

    #[test]
    fn fast_alphanumeric_agrees_with_std_on_every_char() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(
                is_alphanumeric(c),
                c.is_alphanumeric(),
                "U+{:04X}",
                c as u32
            );
        }
    }
}
