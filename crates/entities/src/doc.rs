//! A read-only view of one article for the resolution rules: each token's text and lower
//! case, its sentence, and which sentences are headlines.

use tri_model::Span;
use tri_text::{Segmented, TokenKind};

use crate::lexicon;

pub(crate) struct Doc<'a> {
    pub text: &'a str,
    seg: &'a Segmented,
    /// Every token in lower case, one after the other; `lower_at[i]..lower_at[i + 1]` is
    /// token `i`'s.
    lower: String,
    lower_at: Vec<u32>,
    /// Per token: index of its sentence.
    sentence_of: Vec<u32>,
    /// Per sentence: true when it reads as a headline (title case, no final stop).
    headline: Vec<bool>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, seg: &'a Segmented) -> Doc<'a> {
        let mut lower = String::with_capacity(text.len());
        let mut lower_at = Vec::with_capacity(seg.tokens.len() + 1);
        lower_at.push(0);
        for t in &seg.tokens {
            let w = t.span.of(text);
            if w.is_ascii() {
                lower.extend(w.bytes().map(|b| b.to_ascii_lowercase() as char));
            } else {
                lower.extend(w.chars().flat_map(char::to_lowercase));
            }
            lower_at.push(lower.len() as u32);
        }
        let mut sentence_of = vec![0u32; seg.tokens.len()];
        for (si, s) in seg.sentences.iter().enumerate() {
            for slot in sentence_of
                .iter_mut()
                .take(s.end_token.min(seg.tokens.len()))
                .skip(s.first_token)
            {
                *slot = si as u32;
            }
        }
        let mut doc = Doc {
            text,
            seg,
            lower,
            lower_at,
            sentence_of,
            headline: Vec::new(),
        };
        doc.headline = (0..seg.sentences.len())
            .map(|s| doc.reads_as_headline(s))
            .collect();
        doc
    }

    pub fn len(&self) -> usize {
        self.seg.tokens.len()
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.seg.tokens[i].span.of(self.text)
    }

    pub fn lower(&self, i: usize) -> &str {
        &self.lower[self.lower_at[i] as usize..self.lower_at[i + 1] as usize]
    }

    pub fn span(&self, i: usize) -> Span {
        self.seg.tokens[i].span
    }

    /// The span from the start of token `first` to the end of token `end - 1`.
    pub fn span_of(&self, first: usize, end: usize) -> Span {
        Span::new(self.span(first).start, self.span(end - 1).end)
    }

    pub fn text_of(&self, first: usize, end: usize) -> &'a str {
        self.span_of(first, end).of(self.text)
    }

    /// A word token (letters), as opposed to punctuation, numbers and symbols.
    pub fn is_word(&self, i: usize) -> bool {
        self.seg.tokens[i].kind == TokenKind::Word
    }

    /// A word whose first letter is upper case ("Kremlin", "U.S.", "al-Sharaa" is not).
    pub fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// A word with an upper-case letter anywhere ("el-Sisi", "iPhone", "Kyiv").
    pub fn has_upper(&self, i: usize) -> bool {
        self.is_word(i) && self.word(i).chars().any(char::is_uppercase)
    }

    /// A word of lower-case letters only ("region", "senior"; not "Kyiv", "'s", "1990s").
    pub fn is_lower_word(&self, i: usize) -> bool {
        self.is_word(i)
            && self.word(i).chars().next().is_some_and(char::is_lowercase)
            && !self.word(i).chars().any(char::is_uppercase)
    }

    /// The possessive clitic: `'s`, `’s`, or a bare apostrophe after a plural.
    pub fn is_possessive(&self, i: usize) -> bool {
        matches!(self.lower(i), "'s" | "’s" | "'" | "’")
    }

    pub fn sentence(&self, i: usize) -> usize {
        self.sentence_of[i] as usize
    }

    /// First token of the sentence holding token `i`.
    pub fn sentence_start(&self, i: usize) -> usize {
        self.seg.sentences[self.sentence(i)].first_token
    }

    /// End (exclusive) of the sentence holding token `i`.
    pub fn sentence_end(&self, i: usize) -> usize {
        self.seg.sentences[self.sentence(i)].end_token
    }

    pub fn in_headline(&self, i: usize) -> bool {
        self.headline[self.sentence(i)]
    }

    /// The tokens of the first occurrence of `name` in the text (tests name spans by text).
    #[cfg(test)]
    pub fn tokens_named(&self, name: &str) -> (usize, usize) {
        let start = self.text.find(name).expect("the name is in the text");
        self.tokens_of(Span::new(start, start + name.len()))
            .expect("the name covers tokens")
    }

    /// The tokens `[first, end)` that a byte span covers (touching counts), if any.
    pub fn tokens_of(&self, span: Span) -> Option<(usize, usize)> {
        let tokens = &self.seg.tokens;
        let first = tokens.partition_point(|t| t.span.end <= span.start);
        let end = tokens.partition_point(|t| t.span.start < span.end);
        (first < end).then_some((first, end))
    }

    /// Title case without a final full stop: "Kremlin Weighs Strategy", "Putin to Press
    /// On in Ukraine Despite Trump's Threats, Reuters Report". Function words are not
    /// counted; at least two counted words, at least three in four capitalised.
    fn reads_as_headline(&self, s: usize) -> bool {
        let sent = self.seg.sentences[s];
        let (first, end) = (sent.first_token, sent.end_token.min(self.len()));
        if first >= end {
            return false;
        }
        if matches!(self.lower(end - 1), "." | "!" | "?" | ":" | "…") {
            return false;
        }
        let (mut caps, mut counted) = (0usize, 0usize);
        for i in first..end {
            if !self.is_word(i) || !self.word(i).chars().next().is_some_and(char::is_alphabetic) {
                continue;
            }
            if lexicon::is_headline_skip(self.lower(i)) {
                continue;
            }
            counted += 1;
            if self.is_cap(i) {
                caps += 1;
            }
        }
        counted >= 2 && caps * 4 >= counted * 3
    }
}
