//! First pass: one walk over the bytes that cuts the text into tokens and notes, for
//! each, what the sentence splitter needs (a line break before it, whether its period is
//! an abbreviation's).
//!
//! ASCII is handled byte by byte without decoding; other characters are decoded one at
//! a time where they occur. Every position the scanner stops at is a char boundary
//! because it only ever advances by whole ASCII bytes or whole decoded characters.

use tri_model::Span;

use crate::abbrev::{self, Abbrev};
use crate::chars;
use crate::{Token, TokenKind};

/// A token as the first pass sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Raw {
    pub token: Token,
    /// The token is the first of its line (a line break, or the start of the text,
    /// precedes it): a line always ends a sentence, and `1.` only enumerates there.
    pub line_start: bool,
    /// For a word that kept a trailing period: what kind of abbreviation it is.
    pub abbrev: Abbrev,
}

/// Cuts `text` into tokens. Every non-space character ends up in exactly one token.
pub(crate) fn scan(text: &str) -> Vec<Raw> {
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        line_start: true,
        // News prose averages a token per 5-6 bytes; one allocation for most articles.
        out: Vec::with_capacity(text.len() / 5 + 4),
    };
    scanner.run();
    scanner.out
}

struct Scanner<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    line_start: bool,
    out: Vec<Raw>,
}

/// What an apostrophe inside a word turns out to be.
enum Apostrophe {
    /// Part of the word (`O'Brien`, `d'Italia`); scanning goes on from here.
    Join(usize),
    /// A clitic the CoNLL data splits off (`Trump` `'s`, `do` `n't`).
    Clitic { word_end: usize, end: usize },
    /// Not part of the word (a closing quote, `Farmers'`).
    Stop,
}

impl Scanner<'_> {
    fn run(&mut self) {
        while self.pos < self.bytes.len() {
            let start = self.pos;
            let b = self.bytes[start];
            if b < 0x80 {
                self.ascii(b, start);
            } else {
                self.non_ascii(start);
            }
        }
    }

    fn push(&mut self, start: usize, end: usize, kind: TokenKind, abbrev: Abbrev) {
        self.out.push(Raw {
            token: Token {
                span: Span::new(start, end),
                kind,
            },
            line_start: self.line_start,
            abbrev,
        });
        self.line_start = false;
        self.pos = end;
    }

    fn ascii(&mut self, b: u8, start: usize) {
        use TokenKind::{Punct, Symbol};
        match b {
            b' ' | b'\t' => self.pos += 1,
            b'\n' | b'\r' | 0x0B | 0x0C => {
                self.line_start = true;
                self.pos += 1;
            }
            0..=0x1F | 0x7F => self.pos += 1,
            b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' => self.word(start, start),
            b'.' => self.dots(start),
            // `--` is Reuters' dash and stays one token, as in the CoNLL data.
            b'-' => self.push(start, self.run_of(start, b'-'), Punct, Abbrev::None),
            // Signed figures (`+44`, `+0.5`) are one token in the CoNLL data; a leading
            // `-` is not (it is far more often a dash or a range).
            b'+' if self.digit_at(start + 1) && self.space_before(start) => {
                self.word(start, start + 1)
            }
            // Handles and hashtags name accounts and topics as one unit.
            b'@' | b'#' if self.alnum_at(start + 1) => self.word(start, start + 1),
            b'"' | b'\'' | b'`' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' | b';' | b':'
            | b'!' | b'?' => self.push(start, start + 1, Punct, Abbrev::None),
            b'*' | b'=' | b'~' | b'_' | b'#' => {
                self.push(start, self.run_of(start, b), Symbol, Abbrev::None)
            }
            _ => self.push(start, start + 1, Symbol, Abbrev::None),
        }
    }

    fn non_ascii(&mut self, start: usize) {
        let Some(c) = self.char_at(start) else {
            // Unreachable while positions stay on char boundaries; never loop forever.
            self.pos += 1;
            return;
        };
        let len = c.len_utf8();
        if chars::is_space(c) {
            if chars::is_line_break(c) {
                self.line_start = true;
            }
            self.pos += len;
        } else if c.is_alphanumeric() {
            self.word(start, start);
        } else if chars::is_unicode_punct(c) {
            let mut end = start + len;
            if chars::groups_in_runs(c) {
                while self.char_at(end) == Some(c) {
                    end += len;
                }
            }
            self.push(start, end, TokenKind::Punct, Abbrev::None);
        } else {
            let end = self.symbol_end(start, c);
            self.push(start, end, TokenKind::Symbol, Abbrev::None);
        }
    }

    /// `.` opens an ellipsis (`...`, `..`), a decimal without its zero (`.5`), or is a
    /// period on its own.
    fn dots(&mut self, start: usize) {
        let end = self.run_of(start, b'.');
        if end - start >= 2 {
            self.push(start, end, TokenKind::Punct, Abbrev::None);
        } else if self.digit_at(end) && (self.space_before(start) || self.byte_before(start, b'$'))
        {
            self.word(start, end);
        } else {
            self.push(start, end, TokenKind::Punct, Abbrev::None);
        }
    }

    /// A word, number, URL or e-mail address starting at `start`; `body` is where its
    /// letters or digits begin (after a sign, `@` or `#`).
    fn word(&mut self, start: usize, body: usize) {
        if let Some(end) = self.url_end(start) {
            self.push(start, end, TokenKind::Url, Abbrev::None);
            return;
        }
        let len = self.bytes.len();
        let numeric = match self.bytes[start] {
            b'0'..=b'9' | b'+' | b'.' => true,
            b if b >= 0x80 => self.char_at(start).is_some_and(char::is_numeric),
            _ => false,
        };
        let mut q = body;
        // Where the current part of a joined word starts (after the last `.` or `-`),
        // and where the current hyphenated component starts (`U.N` in `Iraq-U.N`).
        let mut part = body;
        let mut component = body;
        let mut email = false;
        // A period joined a lowercase part: `kremlin.ru`, `a.m` (told apart later).
        let mut lower_after_dot = false;
        loop {
            q = self.word_chars(q);
            if q >= len {
                break;
            }
            let next = match self.bytes[q] {
                b'-' => self.alnum_at(q + 1).then_some(q + 1),
                b'.' => self.period_joins(component, part, q, &mut lower_after_dot),
                b',' => {
                    (numeric && self.digit_before(q) && self.thousands_at(q + 1)).then_some(q + 1)
                }
                b':' | b'/' => {
                    (numeric && self.digit_before(q) && self.digit_at(q + 1)).then_some(q + 1)
                }
                b'\'' => match self.apostrophe(start, q, 1) {
                    Apostrophe::Join(next) => Some(next),
                    Apostrophe::Clitic { word_end, end } => {
                        return self.clitic(start, word_end, end)
                    }
                    Apostrophe::Stop => None,
                },
                // Self-censored words (`bullsh*t`, `f***ing`) are one word.
                b'*' => {
                    let end = self.run_of(q, b'*');
                    (self.letter_before(q) && self.letter_at(end)).then_some(end)
                }
                b'&' => (self.bytes[q - 1].is_ascii_uppercase()
                    && self.bytes.get(q + 1).is_some_and(u8::is_ascii_uppercase))
                .then_some(q + 1),
                b'@' => {
                    let joins = self.alnum_at(q + 1);
                    email |= joins;
                    joins.then_some(q + 1)
                }
                b'_' => self.alnum_at(q + 1).then_some(q + 1),
                // `US$`, `HK$`, `C$`: the CoNLL data keeps a currency's country prefix
                // with its dollar sign, and the amount separate.
                b'$' if start == body
                    && q - start <= 3
                    && self.bytes[start..q].iter().all(u8::is_ascii_uppercase) =>
                {
                    self.push(start, q + 1, TokenKind::Symbol, Abbrev::None);
                    return;
                }
                b if b >= 0x80 => match self.char_at(q) {
                    Some('\u{2019}') => match self.apostrophe(start, q, 3) {
                        Apostrophe::Join(next) => Some(next),
                        Apostrophe::Clitic { word_end, end } => {
                            return self.clitic(start, word_end, end)
                        }
                        Apostrophe::Stop => None,
                    },
                    Some(c) if chars::is_unicode_hyphen(c) => {
                        self.alnum_at(q + c.len_utf8()).then_some(q + c.len_utf8())
                    }
                    _ => None,
                },
                _ => None,
            };
            match next {
                Some(next) => {
                    if self.text[..next].ends_with(['-', '\u{2010}', '\u{2011}']) {
                        component = next;
                    }
                    q = next;
                    part = next;
                }
                None => break,
            }
        }
        // `anti- and pro-Russian`, `6- 3`: a hyphen hanging off a word before a space
        // stays with it, as in the CoNLL data.
        if self.bytes.get(q) == Some(&b'-') && (q + 1 == len || self.space_at(q + 1)) {
            let kind = if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            self.push(start, q + 1, kind, Abbrev::None);
            return;
        }

        let is_url = email
            || (lower_after_dot
                && !abbrev::is_initialism(&self.text[start..q])
                && self.text[part..q].chars().count() >= 2);
        let kind = if is_url {
            TokenKind::Url
        } else if numeric {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        let (end, abbrev) = self.trailing_period(start, component, q, numeric, is_url);
        self.push(start, end, kind, abbrev);
        // `U.S.'s`: the apostrophe follows the period, not a letter, so the clitic
        // check inside the word never saw it.
        if abbrev != Abbrev::None {
            let width = match self.char_at(end) {
                Some('\'') => 1,
                Some('\u{2019}') => 3,
                _ => return,
            };
            let s = end + width;
            if matches!(self.bytes.get(s), Some(b's' | b'S')) && !self.word_char_at(s + 1) {
                self.push(end, s + 1, TokenKind::Word, Abbrev::None);
            }
        }
    }

    /// Whether the word ending at `q`, followed by a period, keeps that period; its last
    /// hyphenated component (from `component`) decides (`anti-U.S.`, `Iraq-U.N.`).
    fn trailing_period(
        &self,
        start: usize,
        component: usize,
        q: usize,
        numeric: bool,
        is_url: bool,
    ) -> (usize, Abbrev) {
        let bytes = self.bytes;
        if bytes.get(q) != Some(&b'.') || bytes.get(q + 1) == Some(&b'.') || is_url {
            return (q, Abbrev::None);
        }
        let abbrev = if numeric {
            // `1.` opening a line enumerates a list item (the CoNLL data keeps `1.` whole).
            let enumerator = self.line_start
                && q - start <= 3
                && bytes[start..q].iter().all(u8::is_ascii_digit)
                && (q + 1 == bytes.len() || self.space_at(q + 1));
            if enumerator {
                Abbrev::NeverEnds
            } else {
                Abbrev::None
            }
        } else {
            abbrev::classify(&self.text[component..q], self.number_follows(q + 1))
        };
        match abbrev {
            Abbrev::None => (q, abbrev),
            _ => (q + 1, abbrev),
        }
    }

    /// A period inside a word at `q`: returns where scanning goes on if it joins.
    /// `component` and `part` start the current hyphenated component and the current
    /// period-separated part.
    fn period_joins(
        &self,
        component: usize,
        part: usize,
        q: usize,
        lower_after_dot: &mut bool,
    ) -> Option<usize> {
        let next = q + 1;
        let nb = *self.bytes.get(next)?;
        if nb.is_ascii_digit() {
            // `3.5`, `38:19.313`, `08.08.2025`
            return self.digit_before(q).then_some(next);
        }
        if nb == b'-' {
            // `U.S.-based`, `U.S.-Russia`, `Wash.-based`
            let abbreviation = abbrev::classify(&self.text[component..q], false) != Abbrev::None;
            return (abbreviation && self.alnum_at(next + 1)).then_some(next + 1);
        }
        let c = self.char_at(next)?;
        if c.is_lowercase() {
            // `kremlin.ru`, `a.m`, `e.g`
            *lower_after_dot = true;
            return Some(next);
        }
        // `U.S`, `J.D`, `Ph.D`; but `July.The` (a missing space) is two sentences.
        let part_text = &self.text[part..q];
        let short_part = part_text.len() <= 8
            && (1..=2).contains(&part_text.chars().count())
            && part_text.chars().all(char::is_alphabetic);
        (c.is_uppercase() && short_part).then_some(next)
    }

    /// An apostrophe of `width` bytes at `q` inside the word that began at `start`.
    fn apostrophe(&self, start: usize, q: usize, width: usize) -> Apostrophe {
        let after = q + width;
        let prev_letter = self.letter_before(q);
        if !(prev_letter || self.digit_before(q)) || !self.letter_at(after) {
            return Apostrophe::Stop;
        }
        let mut r = after;
        while r < self.bytes.len() && self.bytes[r].is_ascii_alphabetic() {
            r += 1;
        }
        if r - after <= 2 && !self.word_char_at(r) {
            let suffix = &self.bytes[after..r];
            let clitic = ["s", "m", "d", "re", "ve", "ll"]
                .iter()
                .any(|c| suffix.eq_ignore_ascii_case(c.as_bytes()));
            if clitic {
                return Apostrophe::Clitic {
                    word_end: q,
                    end: r,
                };
            }
            if suffix.eq_ignore_ascii_case(b"t")
                && q - 1 > start
                && matches!(self.bytes[q - 1], b'n' | b'N')
            {
                return Apostrophe::Clitic {
                    word_end: q - 1,
                    end: r,
                };
            }
        }
        if prev_letter {
            Apostrophe::Join(after)
        } else {
            Apostrophe::Stop
        }
    }

    fn clitic(&mut self, start: usize, word_end: usize, end: usize) {
        let kind = if self.bytes[start].is_ascii_digit() {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        self.push(start, word_end, kind, Abbrev::None);
        self.push(word_end, end, TokenKind::Word, Abbrev::None);
    }

    /// The end of a URL starting at `start`, if one does (`http://`, `https://`,
    /// `ftp://`, `www.`). Trailing sentence punctuation is left out.
    fn url_end(&self, start: usize) -> Option<usize> {
        let rest = &self.bytes[start..];
        // Most words are not URLs; two bytes rule them out before any prefix test.
        let plausible = rest.len() > 4
            && matches!(
                (rest[0] | 0x20, rest[1] | 0x20),
                (b'h', b't') | (b'f', b't') | (b'w', b'w')
            );
        let prefix = if !plausible {
            return None;
        } else if starts_with_ignore_case(rest, b"https://") {
            8
        } else if starts_with_ignore_case(rest, b"http://") {
            7
        } else if starts_with_ignore_case(rest, b"ftp://") {
            6
        } else if starts_with_ignore_case(rest, b"www.")
            && rest.get(4).is_some_and(u8::is_ascii_alphanumeric)
        {
            4
        } else {
            return None;
        };
        let body = start + prefix;
        let mut end = body;
        while end < self.bytes.len() {
            let b = self.bytes[end];
            if b < 0x80 {
                if b <= b' ' || matches!(b, b'"' | b'<' | b'>' | b'`' | 0x7F) {
                    break;
                }
                end += 1;
            } else {
                match self.char_at(end) {
                    Some(c) if !chars::is_space(c) && !chars::is_unicode_punct(c) => {
                        end += c.len_utf8()
                    }
                    _ => break,
                }
            }
        }
        let keeps_paren = self.text[body..end].contains('(');
        while end > body {
            match self.bytes[end - 1] {
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b']' | b'}' => end -= 1,
                b')' if !keeps_paren => end -= 1,
                _ => break,
            }
        }
        (end > body).then_some(end)
    }

    /// The end of a symbol, with what an emoji sequence attaches to it (variation
    /// selectors, skin tones, ZWJ-joined parts, the second half of a flag).
    fn symbol_end(&self, start: usize, first: char) -> usize {
        let is_flag_half = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
        let mut end = start + first.len_utf8();
        let mut flag_open = is_flag_half(first);
        while let Some(c) = self.char_at(end) {
            if chars::is_mark(c)
                || ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
                || ('\u{E0020}'..='\u{E007F}').contains(&c)
            {
                end += c.len_utf8();
            } else if c == '\u{200D}' {
                match self.char_at(end + 3) {
                    Some(n) if !chars::is_space(n) && !n.is_alphanumeric() && n.len_utf8() == 4 => {
                        end += 3 + n.len_utf8();
                    }
                    _ => break,
                }
            } else if flag_open && is_flag_half(c) {
                end += c.len_utf8();
                flag_open = false;
            } else {
                break;
            }
        }
        end
    }

    /// Consumes letters, digits and marks from `q`.
    fn word_chars(&self, mut q: usize) -> usize {
        let bytes = self.bytes;
        while q < bytes.len() {
            let b = bytes[q];
            if b < 0x80 {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                q += 1;
            } else {
                match self.char_at(q) {
                    Some(c) if chars::is_word_char(c) => q += c.len_utf8(),
                    _ => break,
                }
            }
        }
        q
    }

    fn run_of(&self, start: usize, b: u8) -> usize {
        let mut end = start;
        while self.bytes.get(end) == Some(&b) {
            end += 1;
        }
        end
    }

    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..)?.chars().next()
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.text.get(..i)?.chars().next_back()
    }

    fn digit_at(&self, i: usize) -> bool {
        self.bytes.get(i).is_some_and(u8::is_ascii_digit)
    }

    fn digit_before(&self, i: usize) -> bool {
        i > 0 && self.bytes[i - 1].is_ascii_digit()
    }

    fn byte_before(&self, i: usize, b: u8) -> bool {
        i > 0 && self.bytes[i - 1] == b
    }

    fn alnum_at(&self, i: usize) -> bool {
        match self.bytes.get(i) {
            Some(b) if *b < 0x80 => b.is_ascii_alphanumeric(),
            Some(_) => self.char_at(i).is_some_and(char::is_alphanumeric),
            None => false,
        }
    }

    fn letter_at(&self, i: usize) -> bool {
        match self.bytes.get(i) {
            Some(b) if *b < 0x80 => b.is_ascii_alphabetic(),
            Some(_) => self.char_at(i).is_some_and(char::is_alphabetic),
            None => false,
        }
    }

    fn letter_before(&self, i: usize) -> bool {
        self.char_before(i).is_some_and(char::is_alphabetic)
    }

    fn word_char_at(&self, i: usize) -> bool {
        match self.bytes.get(i) {
            Some(b) if *b < 0x80 => b.is_ascii_alphanumeric(),
            Some(_) => self.char_at(i).is_some_and(chars::is_word_char),
            None => false,
        }
    }

    fn space_at(&self, i: usize) -> bool {
        self.char_at(i).is_some_and(chars::is_space)
    }

    /// Start of text, or white space or an opening bracket just before `i`.
    fn space_before(&self, i: usize) -> bool {
        match self.char_before(i) {
            None => true,
            Some(c) => chars::is_space(c) || matches!(c, '(' | '['),
        }
    }

    /// Three digits and then no fourth: the group after a thousands separator.
    fn thousands_at(&self, i: usize) -> bool {
        self.bytes.len() >= i + 3
            && self.bytes[i..i + 3].iter().all(u8::is_ascii_digit)
            && !self.digit_at(i + 3)
    }

    /// Whether the next non-space character from `i` on is a digit (`No. 10`).
    fn number_follows(&self, mut i: usize) -> bool {
        while let Some(c) = self.char_at(i) {
            if c.is_ascii_digit() {
                return true;
            }
            if !chars::is_space(c) || chars::is_line_break(c) {
                return false;
            }
            i += c.len_utf8();
        }
        false
    }
}

fn starts_with_ignore_case(haystack: &[u8], prefix: &[u8]) -> bool {
    haystack.len() >= prefix.len() && haystack[..prefix.len()].eq_ignore_ascii_case(prefix)
}
