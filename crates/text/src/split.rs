//! Second pass: groups the scanner's tokens into sentences, by the rules documented on
//! [`crate::segment`].

use tri_model::{Sentence, Span};

use crate::abbrev::{self, Abbrev};
use crate::chars::{self, Terminal};
use crate::scan::Raw;
use crate::{Segmented, Token, TokenKind};

pub(crate) fn split(text: &str, raw: &[Raw]) -> Segmented {
    let n = raw.len();
    let mut out = Builder {
        // A handful of abbreviations split in two; rarely more than one per paragraph.
        tokens: Vec::with_capacity(n + n / 32 + 1),
        sentences: Vec::with_capacity(n / 16 + 1),
        first: 0,
    };
    let mut has_content = false;
    let mut i = 0;
    while i < n {
        let r = raw[i];
        if r.line_start {
            out.close();
            has_content = false;
        }
        if r.abbrev == Abbrev::MayEnd {
            let k = closers_end(text, raw, i + 1);
            // `(U.S.)`: a bracket closing after the period shows the period is the
            // abbreviation's alone, so it stays on the token even where a sentence ends.
            let bracketed = raw[i + 1..k].iter().any(|r| !is_quote(text, r.token));
            if bracketed && abbreviation_ends_sentence(text, raw, i, k) {
                out.tokens.extend(raw[i..k].iter().map(|r| r.token));
                out.close();
                has_content = false;
                i = k;
            } else if abbreviation_ends_sentence(text, raw, i, k) {
                let span = r.token.span;
                let dot = span.end - 1;
                out.tokens.push(Token {
                    span: Span::new(span.start, dot),
                    kind: r.token.kind,
                });
                out.tokens.push(Token {
                    span: Span::new(dot, span.end),
                    kind: TokenKind::Punct,
                });
                out.tokens.extend(raw[i + 1..k].iter().map(|r| r.token));
                out.close();
                has_content = false;
                i = k;
            } else {
                out.tokens.push(r.token);
                has_content = true;
                i += 1;
            }
            continue;
        }
        let Some(strength) = terminal_of(text, r.token) else {
            out.tokens.push(r.token);
            has_content |= !matches!(r.token.kind, TokenKind::Punct | TokenKind::Symbol);
            i += 1;
            continue;
        };
        // `?!`, `!!!`, `?...` written together end the sentence as one.
        let mut ellipsis_only = strength == Terminal::Ellipsis;
        let mut j = i;
        while j < n && (j == i || raw[j].token.span.start == raw[j - 1].token.span.end) {
            match terminal_of(text, raw[j].token) {
                Some(s) => {
                    ellipsis_only &= s == Terminal::Ellipsis;
                    out.tokens.push(raw[j].token);
                    j += 1;
                }
                None => break,
            }
        }
        let k = closers_end(text, raw, j);
        out.tokens.extend(raw[j..k].iter().map(|r| r.token));
        if has_content && opens_sentence(text, raw.get(k), ellipsis_only) {
            out.close();
            has_content = false;
        }
        i = k;
    }
    out.close();
    Segmented {
        tokens: out.tokens,
        sentences: out.sentences,
    }
}

struct Builder {
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
    /// First token of the sentence being built.
    first: usize,
}

impl Builder {
    /// Ends the sentence being built, if it has any tokens.
    fn close(&mut self) {
        let end = self.tokens.len();
        if end > self.first {
            self.sentences.push(Sentence {
                span: Span::new(
                    self.tokens[self.first].span.start,
                    self.tokens[end - 1].span.end,
                ),
                first_token: self.first,
                end_token: end,
            });
            self.first = end;
        }
    }
}

/// The first character of a token's text.
fn first_char(text: &str, token: Token) -> char {
    token.span.of(text).chars().next().unwrap_or(' ')
}

fn terminal_of(text: &str, token: Token) -> Option<Terminal> {
    if token.kind != TokenKind::Punct {
        return None;
    }
    let s = token.span.of(text);
    if s.len() >= 2 && s.bytes().all(|b| b == b'.') {
        return Some(Terminal::Ellipsis);
    }
    chars::terminal(first_char(text, token))
}

/// Index of the first token from `j` on that is not a closing quote or bracket on the
/// same line.
fn closers_end(text: &str, raw: &[Raw], mut j: usize) -> usize {
    while j < raw.len() && !raw[j].line_start && is_closer(text, raw[j].token) {
        j += 1;
    }
    j
}

fn is_closer(text: &str, token: Token) -> bool {
    if token.kind != TokenKind::Punct {
        return false;
    }
    let c = first_char(text, token);
    if !chars::is_closer(c) {
        return false;
    }
    // A straight quote right before a letter opens the next quotation instead.
    !matches!(c, '"' | '\'')
        || !text[token.span.end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

fn is_quote(text: &str, token: Token) -> bool {
    matches!(
        first_char(text, token),
        '"' | '\'' | '\u{2019}' | '\u{201D}' | '\u{00BB}' | '\u{203A}' | '\u{300D}' | '\u{300F}'
    )
}

/// After terminal punctuation and its closers: does `next` start a new sentence?
fn opens_sentence(text: &str, next: Option<&Raw>, ellipsis_only: bool) -> bool {
    let Some(next) = next else { return true };
    if next.line_start {
        return true;
    }
    let c = first_char(text, next.token);
    if ellipsis_only {
        c.is_uppercase()
    } else {
        !c.is_lowercase() && !chars::continues_sentence(c)
    }
}

/// Rule 3 for the sentence-capable abbreviation at `i`, whose closers run to `k`.
fn abbreviation_ends_sentence(text: &str, raw: &[Raw], i: usize, k: usize) -> bool {
    let Some(next) = raw.get(k) else { return true };
    if next.line_start {
        return true;
    }
    let quoted = raw[i + 1..k].iter().any(|r| is_quote(text, r.token));
    let word = next.token.span.of(text);
    (quoted && first_char(text, next.token).is_uppercase())
        || (next.token.kind == TokenKind::Word && abbrev::is_sentence_starter(word))
}
