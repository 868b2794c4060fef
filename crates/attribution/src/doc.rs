//! A read-only view of one article for the attribution rules: each token's text, lower
//! case, sentence and paragraph, which direct quote it lies in, and which entity it names.

use tri_model::{Entity, EntityKind, Span};
use tri_text::{Segmented, TokenKind};

pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub seg: &'a Segmented,
    pub entities: &'a [Entity],
    lower: Vec<String>,
    /// Per token: its sentence.
    pub sentence_of: Vec<usize>,
    /// Per token: its paragraph (lines separated by a blank line or a line break).
    pub paragraph_of: Vec<usize>,
    /// Per token: the direct quote (index into the marks found) it lies inside, if any.
    pub quote_of: Vec<Option<usize>>,
    /// Per token: the entity and mention it belongs to.
    pub entity_of: Vec<Option<(usize, usize)>>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, seg: &'a Segmented, entities: &'a [Entity]) -> Doc<'a> {
        let n = seg.tokens.len();
        let lower = seg
            .tokens
            .iter()
            .map(|t| {
                let w = t.span.of(text);
                let mut s = String::with_capacity(w.len());
                for c in w.chars() {
                    match c {
                        '\u{2018}' | '\u{2019}' => s.push('\''),
                        c if c.is_ascii() => s.push(c.to_ascii_lowercase()),
                        c => s.extend(c.to_lowercase()),
                    }
                }
                s
            })
            .collect();
        let mut sentence_of = vec![0; n];
        for (si, s) in seg.sentences.iter().enumerate() {
            for slot in &mut sentence_of[s.first_token..s.end_token.min(n)] {
                *slot = si;
            }
        }
        let mut paragraph_of = vec![0; n];
        let mut para = 0;
        let mut last_end = 0;
        for (i, t) in seg.tokens.iter().enumerate() {
            if i > 0 && text[last_end..t.span.start].contains('\n') {
                para += 1;
            }
            paragraph_of[i] = para;
            last_end = t.span.end;
        }
        let mut entity_of = vec![None; n];
        for (ei, e) in entities.iter().enumerate() {
            for (mi, m) in e.mentions.iter().enumerate() {
                let first = seg.tokens.partition_point(|t| t.span.end <= m.span.start);
                let mut i = first;
                while i < n && seg.tokens[i].span.start < m.span.end {
                    entity_of[i] = Some((ei, mi));
                    i += 1;
                }
            }
        }
        Doc {
            text,
            seg,
            entities,
            lower,
            sentence_of,
            paragraph_of,
            quote_of: vec![None; n],
            entity_of,
        }
    }

    pub fn len(&self) -> usize {
        self.seg.tokens.len()
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.seg.tokens[i].span.of(self.text)
    }

    pub fn lower(&self, i: usize) -> &str {
        &self.lower[i]
    }

    pub fn span(&self, i: usize) -> Span {
        self.seg.tokens[i].span
    }

    pub fn span_of(&self, first: usize, end: usize) -> Span {
        Span::new(self.span(first).start, self.span(end - 1).end)
    }

    pub fn text_of(&self, first: usize, end: usize) -> &'a str {
        self.span_of(first, end).of(self.text)
    }

    pub fn is_punct(&self, i: usize) -> bool {
        self.seg.tokens[i].kind == TokenKind::Punct
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.seg.tokens[i].kind == TokenKind::Word
    }

    /// Begins with an upper-case letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether token `i` starts its sentence, or follows only punctuation there
    /// (an opening quotation mark or dash).
    pub fn opens_clause(&self, i: usize) -> bool {
        let (first, _) = self.sentence(self.sentence_of[i]);
        (first..i).all(|j| self.is_punct(j))
    }

    /// The half-open token range of sentence `s`.
    pub fn sentence(&self, s: usize) -> (usize, usize) {
        let s = self.seg.sentences[s];
        (s.first_token, s.end_token)
    }

    /// The kind of the entity token `i` names, if any.
    pub fn entity_kind(&self, i: usize) -> Option<EntityKind> {
        self.entity_of[i].map(|(e, _)| self.entities[e].kind)
    }

    /// The first token at or after byte `at`.
    pub fn token_at(&self, at: usize) -> usize {
        self.seg.tokens.partition_point(|t| t.span.end <= at)
    }
}
