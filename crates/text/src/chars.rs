//! Character classes the scanner and the sentence splitter share.
//!
//! The standard library knows alphanumerics and white space but not Unicode's
//! punctuation/symbol categories or combining marks, and the workspace carries no
//! Unicode-tables crate, so the few classes that matter for news text are listed here
//! by range. ASCII never reaches these functions on the hot path.

/// A character that continues a word once one has started: letters, digits, combining
/// marks, and the invisible joiners some scripts need inside words (ZWJ/ZWNJ in Persian
/// and Indic text, soft hyphens left in by CMSs).
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c) || matches!(c, '\u{200C}' | '\u{200D}' | '\u{00AD}')
}

/// Combining marks and variation selectors, approximated by the blocks where they live.
/// `char::is_alphabetic` already covers most Indic and Arabic vowel signs
/// (Other_Alphabetic); these ranges catch the rest so that decomposed accents and
/// diacritics never split a word.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{05BF}'
        | '\u{05C1}'..='\u{05C2}'
        | '\u{05C4}'..='\u{05C5}'
        | '\u{05C7}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{0900}'..='\u{0963}'
        | '\u{0966}'..='\u{0DFF}'
        | '\u{0E31}'
        | '\u{0E34}'..='\u{0E3A}'
        | '\u{0E47}'..='\u{0E4E}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{302A}'..='\u{302F}'
        | '\u{3099}'..='\u{309A}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{E0100}'..='\u{E01EF}'
    )
}

/// White space, line breaks, control characters and invisible format characters: all
/// of them separate tokens and none of them becomes one.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c,
            '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
        )
}

/// Characters that end a line, and with it a paragraph, headline or list item.
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Non-ASCII punctuation (Unicode P* categories, as far as news text meets them):
/// quotes, dashes, brackets, CJK and fullwidth punctuation. Anything else that is not a
/// word character or space is a symbol.
pub(crate) fn is_unicode_punct(c: char) -> bool {
    matches!(c,
        '\u{00A1}' | '\u{00A7}' | '\u{00AB}' | '\u{00B6}' | '\u{00B7}' | '\u{00BB}' | '\u{00BF}'
        | '\u{037E}' | '\u{0387}'
        | '\u{055A}'..='\u{055F}' | '\u{0589}' | '\u{058A}'
        | '\u{05BE}' | '\u{05C0}' | '\u{05C3}' | '\u{05C6}' | '\u{05F3}' | '\u{05F4}'
        | '\u{060C}' | '\u{060D}' | '\u{061B}' | '\u{061E}' | '\u{061F}'
        | '\u{066A}'..='\u{066D}' | '\u{06D4}'
        | '\u{0964}' | '\u{0965}' | '\u{0970}'
        | '\u{0E4F}' | '\u{0E5A}' | '\u{0E5B}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{2E00}'..='\u{2E4F}'
        | '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301F}'
        | '\u{3030}' | '\u{303D}' | '\u{30FB}'
        | '\u{FE10}'..='\u{FE19}'
        | '\u{FE30}'..='\u{FE52}'
        | '\u{FE54}'..='\u{FE61}'
        | '\u{FF01}'..='\u{FF03}'
        | '\u{FF05}'..='\u{FF0A}'
        | '\u{FF0C}'..='\u{FF0F}'
        | '\u{FF1A}' | '\u{FF1B}' | '\u{FF1F}' | '\u{FF20}'
        | '\u{FF3B}'..='\u{FF3D}' | '\u{FF3F}'
        | '\u{FF5B}' | '\u{FF5D}'
        | '\u{FF5F}'..='\u{FF65}'
    )
}

/// Hyphens that join the parts of a compound word, as `-` does (`pro‑Russian` with a
/// non-breaking hyphen is still one word).
pub(crate) fn is_unicode_hyphen(c: char) -> bool {
    matches!(c, '\u{2010}' | '\u{2011}')
}

/// Punctuation that, repeated, forms one token (`……`, `——`): Chinese text doubles its
/// ellipsis and dash.
pub(crate) fn groups_in_runs(c: char) -> bool {
    matches!(
        c,
        '\u{2026}' | '\u{2014}' | '\u{2015}' | '\u{2E3A}' | '\u{2E3B}'
    )
}

/// Characters that end a sentence. `strong` ones always may (`.` `!` `?` and their CJK,
/// Arabic and Indic forms); an ellipsis only does before a capitalised word.
pub(crate) fn terminal(c: char) -> Option<Terminal> {
    match c {
        '.'
        | '!'
        | '?'
        | '\u{203C}'
        | '\u{2047}'..='\u{2049}'
        | '\u{3002}'
        | '\u{FF01}'
        | '\u{FF0E}'
        | '\u{FF1F}'
        | '\u{FF61}'
        | '\u{061F}'
        | '\u{06D4}'
        | '\u{0964}'
        | '\u{0965}'
        | '\u{037E}' => Some(Terminal::Strong),
        '\u{2026}' | '\u{2025}' => Some(Terminal::Ellipsis),
        _ => None,
    }
}

/// How firmly a terminal punctuation mark ends a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Terminal {
    Strong,
    Ellipsis,
}

/// Closing quotes and brackets: after a sentence's terminal punctuation they still
/// belong to that sentence (`He said "no." Then...`). Straight quotes are ambiguous and
/// are decided by the caller from what follows them.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | '"'
            | '\''
            | '\u{2019}'
            | '\u{201D}'
            | '\u{00BB}'
            | '\u{203A}'
            | '\u{300D}'
            | '\u{300F}'
            | '\u{3011}'
            | '\u{3015}'
            | '\u{3017}'
            | '\u{3019}'
            | '\u{300B}'
            | '\u{3009}'
            | '\u{301E}'
            | '\u{301F}'
            | '\u{FF09}'
            | '\u{FF3D}'
            | '\u{FF5D}'
            | '\u{FF02}'
            | '\u{FF07}'
    )
}

/// Punctuation after which a `.`, `!` or `?` cannot have ended a sentence: the sentence
/// goes on (`"Why?", she asked`; `Yahoo!, the portal`).
pub(crate) fn continues_sentence(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '%' | '\u{FF0C}' | '\u{FF1B}' | '\u{FF1A}' | '\u{3001}' | '\u{060C}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_do_not_overlap_where_the_scanner_relies_on_order() {
        // The scanner tests space first, then word characters, then punctuation; a
        // character in two classes would silently change meaning if that order changed.
        for c in [
            '\u{2014}', '\u{201C}', '\u{3002}', '\u{FF0C}', '\u{300C}', '\u{2026}',
        ] {
            assert!(is_unicode_punct(c), "{c:?}");
            assert!(!is_word_char(c) && !is_space(c), "{c:?}");
        }
        for c in ['é', 'Ж', '中', '\u{0301}', '\u{0915}', '\u{093F}'] {
            assert!(is_word_char(c), "{c:?}");
            assert!(!is_unicode_punct(c) && !is_space(c), "{c:?}");
        }
        for c in [
            '\u{00A0}', '\u{2009}', '\u{3000}', '\u{200B}', '\u{FEFF}', '\u{2028}',
        ] {
            assert!(is_space(c), "{c:?}");
        }
        assert!(!is_unicode_punct('€') && !is_word_char('€'));
    }
}
