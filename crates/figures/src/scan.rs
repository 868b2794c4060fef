//! The figures stage's own tokens: digit runs with their separators, words, and single
//! other characters, each with its byte range and whether space precedes it. Finer than
//! the shared tokenizer where numbers need it (`5bn` is `5` + `bn`, `km²` is `km` +
//! `²`, `one-fifth` is `one` `-` `fifth`).

/// What a [`Tok`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (with internal apostrophes and abbreviation periods: `Finland’s`, `U.S`),
    /// or letters followed by digits (`MH17`, `km2`).
    Word,
    /// Digits, with thousands separators (`1,415`) or one decimal point (`3.5`).
    Digits {
        /// Written with thousands separators.
        grouped: bool,
        /// Written with a decimal point.
        decimal: bool,
    },
    /// Any other single character that is not space.
    Other,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Space (or nothing: start of the range) before it.
    pub space_before: bool,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn is_digits(&self) -> bool {
        matches!(self.kind, Kind::Digits { .. })
    }
}

/// Cuts `text[from..to]` into tokens with offsets into `text`.
pub(crate) fn scan(text: &str, from: usize, to: usize) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut toks = Vec::new();
    let mut i = from;
    let mut space = true;
    while i < to {
        let b = bytes[i];
        if b == b' ' || b == b'\t' || b == b'\n' || b == b'\r' {
            space = true;
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("on a char boundary");
        if c.is_whitespace() {
            space = true;
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let kind;
        // ".05" in "p < .05": a decimal without its leading zero.
        let bare_decimal = b == b'.'
            && i + 1 < to
            && bytes[i + 1].is_ascii_digit()
            && (space
                || toks.last().is_some_and(|t: &Tok| {
                    matches!(
                        &text[t.start..t.end],
                        "<" | ">" | "=" | "(" | "~" | "∼" | "≈" | "±"
                    )
                }));
        if bare_decimal {
            i += 1;
            while i < to && bytes[i].is_ascii_digit() {
                i += 1;
            }
            toks.push(Tok {
                start,
                end: i,
                kind: Kind::Digits {
                    grouped: false,
                    decimal: true,
                },
                space_before: space,
            });
            space = false;
            continue;
        }
        if b.is_ascii_digit() {
            let mut grouped = false;
            let mut decimal = false;
            while i < to && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let int_len = i - start;
            // Thousands separators: 1,415 and 110,000 and 1,000,000 (groups of three).
            if int_len <= 3 {
                while i + 4 <= to
                    && bytes[i] == b','
                    && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit)
                    && (i + 4 == to || !bytes[i + 4].is_ascii_digit())
                {
                    grouped = true;
                    i += 4;
                }
            }
            if i + 1 < to && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
                decimal = true;
                i += 1;
                while i < to && bytes[i].is_ascii_digit() {
                    i += 1;
                }
            }
            kind = Kind::Digits { grouped, decimal };
        } else if c.is_alphabetic() {
            i += c.len_utf8();
            while i < to {
                let d = text[i..].chars().next().expect("boundary");
                let joins = matches!(d, '\'' | '\u{2019}' | '.')
                    && text[i + d.len_utf8()..to]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic);
                if !(d.is_alphabetic() || d.is_ascii_digit() || joins) {
                    break;
                }
                i += d.len_utf8();
            }
            // Letters then digits are one word (`MH17`); digits then letters are two
            // tokens, read by the figure rules (`5bn`, `10th`).
            kind = Kind::Word;
        } else {
            i += c.len_utf8();
            kind = Kind::Other;
        }
        toks.push(Tok {
            start,
            end: i,
            kind,
            space_before: space,
        });
        space = false;
    }
    toks
}
