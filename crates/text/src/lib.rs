//! Tokens and sentences of an article's text, with byte offsets into it.
//!
//! Sits after extraction and before named-entity recognition: `extract` yields an
//! `Article` with clean body text; this crate cuts that text into [`Token`]s and
//! [`Sentence`]s, and every later stage (entities, quotes, attributions, events) works on
//! those spans.
//!
//! Tokens follow the conventions of the CoNLL-2003 English data (Reuters news in Penn
//! Treebank style), because the entity tagger is trained on it: punctuation is split
//! from words, `'s` and `n't` are tokens of their own (`Trump` `'s`, `do` `n't`),
//! figures stay whole (`1,415`, `3.5`, `2025-08-08`, `10:30`), a currency sign is split
//! from its amount (`$` `300`) but keeps its country prefix (`US$`), abbreviations keep
//! their period (`U.S.`, `Gen.`, `a.m.`, `J.`), compounds stay whole (`U.S.-based`,
//! `pro-Russian`), and URLs and e-mail addresses are one token each.
//!
//! Sentences follow news layout: every line is at least one sentence (headlines,
//! captions and list items carry no final punctuation), and within a line `.`, `!`, `?`
//! end a sentence unless an abbreviation, initial or number explains the period; see
//! [`segment`] for the rules.
//!
//! One pass over the bytes cuts the tokens, one pass over the tokens groups them; no
//! regular expressions, and no allocation per token.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod abbrev;
mod chars;
mod scan;
mod split;

pub use tri_model::{Sentence, Span};

/// One token: a byte range of the text and what kind of token it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    /// Byte range into the text that was tokenized; always on char boundaries.
    pub span: Span,
    /// What the token is.
    pub kind: TokenKind,
}

/// The kinds of token; deliberately coarse, for features and filters downstream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with digits, hyphens, apostrophes or an abbreviation's
    /// periods (`Kremlin`, `U.S.`, `pro-Russian`, `O'Brien`, `'s`, `n't`, `bullsh*t`),
    /// including runs of CJK or other unspaced scripts.
    Word,
    /// Begins with a digit (or a sign or decimal point before one): `1,415`, `3.5`,
    /// `2025-08-08`, `10:30`, `+44`, `1990s`, `10th`, and list enumerators like `1.`.
    Number,
    /// Punctuation: `.` `,` `"` `“` `(` `—` `--` `...` `…` and the like.
    Punct,
    /// Everything else that is not space: currency (`$`, `US$`, `€`), `%`, `&`, `/`,
    /// emoji.
    Symbol,
    /// A URL (`https://...`, `www.…`), a bare domain (`kremlin.ru`) or an e-mail address.
    Url,
}

/// A text cut into tokens and sentences.
///
/// Every token belongs to exactly one sentence: the sentences are in text order, each
/// covers the half-open token range `first_token..end_token`, and together they cover
/// `0..tokens.len()` without gaps.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Segmented {
    /// All tokens of the text, in order.
    pub tokens: Vec<Token>,
    /// The sentences, in order.
    pub sentences: Vec<Sentence>,
}

/// Cuts `text` into tokens. The same tokens as [`segment`] returns: where an
/// abbreviation ends a sentence its period is a separate token (`U.S` `.`), which needs
/// the sentence decision.
pub fn tokenize(text: &str) -> Vec<Token> {
    segment(text).tokens
}

/// Cuts `text` into tokens and groups them into sentences.
///
/// The rules, in order:
/// 1. A line break always ends a sentence (paragraphs, headlines, captions, list items).
/// 2. `.` `!` `?` (and the CJK, Arabic and Indic full stops) end a sentence, together
///    with the closing quotes and brackets right after them (`He said "no."`), unless
///    the next token begins with a lowercase letter or is `,` `;` `:` (`"Why?" he
///    asked`). An ellipsis ends one only before a capitalised word. Decimals, thousands
///    separators and times never contain a sentence end because they are one token.
/// 3. An abbreviation that kept its period does not end a sentence if it is a title,
///    rank, month or `No.` (`Gen.`, `Sen.`, `Dr.`, `Jan.`, `No. 10`) or an enumerator
///    opening a line (`1.`). One that is often sentence-final too (`U.S.`, `a.m.`,
///    `Inc.`, `etc.`, `Calif.`, initials like `J.`) ends the sentence when the line or
///    text ends after it, when the next word is a capitalised common sentence opener
///    (`The`, `He`, `It`, `But`, `In`, ...: a fixed list), or when a closing quote and
///    then a capitalised word follow. So `in the U.S. The talks` splits and `the U.S.
///    Senate`, `U.S. President`, `J. D. Vance`, `10 a.m. Friday` do not. Where it does
///    end a sentence its period becomes a token of its own (`U.S` `.`), as the
///    CoNLL-2003 data writes a sentence-final `U.S.`, unless a closing bracket follows
///    the period (`(U.S.)`), which shows the period is the abbreviation's alone.
/// 4. A sentence never ends before it holds a word or number: a leading `...` or `!!!`
///    stays with what follows.
pub fn segment(text: &str) -> Segmented {
    let raw = scan::scan(text);
    split::split(text, &raw)
}

#[cfg(test)]
mod seed_tests;
#[cfg(test)]
mod tests;
