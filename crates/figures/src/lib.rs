//! Figures: every number an article states, with its unit, how it is hedged, what it
//! counts or measures, the period it covers and who gives it ("1,415 square kilometers
//! in the past three months, per DeepStateMap data").
//!
//! Sits after attribution in the annotation pipeline and is a pure function of the
//! text, its sentences, entities and quotes. Sentence by sentence:
//! 1. [`parse`] finds each figure's core: hedge ("nearly", "more than", "~"), currency
//!    sign, number in digits or words ("1,415", "five", "twenty-three", "a dozen",
//!    "one-fifth", "hundreds of"), scale ("billion", "bn", "$5m"), range ("20 to 30",
//!    "two or three", "between 5 and 10"), tolerance ("± 2") and unit ("square
//!    kilometres", "km²", "%", "mg/L", "m s−1", "hryvnias"); and leaves out what only
//!    looks like a figure: years (1800 to 2100 written plainly, without unit), days of a
//!    month ("July 8"), clock times ("10:30", "10 a.m."), dates in digits, ordinals
//!    ("10th"), decades ("1990s"), identifiers ("F-16", "COVID-19", "MH17"), numbers
//!    after a label ("Article 5", "No. 10", "Table 2"), citations ("[13]"), enumerators,
//!    phone numbers, and numbers inside URLs. A lone "one" and number words with
//!    nothing counted are no figures ("one of them", "the two met").
//! 2. [`context`] adds what it counts: the noun after a count ("110,000 troops"), "of
//!    NP" after a share ("one-fifth of Ukraine"), and the verb that says what happened
//!    to it ("killed 31 people" → "people killed", "losing 502 square kilometers" →
//!    "square kilometers lost"); the period phrase nearest after it in its clause, else
//!    before it ("in the past three months", "in July", "in 2025", "last year"); and the
//!    source a cue in the sentence names ("per DeepStateMap data", "according to
//!    Finland's Black Bird Group"), else the speaker of the quote or reported speech the
//!    figure stands in.
//!
//! Durations are figures ("over 40 months", "within 24 hours": unit `months`, `h`),
//! except where they are the period of another figure ("in the past three months" of
//! "1,415 square kilometers"): the temporal layer reads both as durations too.
//!
//! The words it knows are in `models/figures/lexicon.tsv`; [`fingerprint`] hashes it.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod context;
mod lexicon;
mod parse;
mod scan;

use tri_model::{Attributions, Entity, FigureKind, Span};
use tri_text::{Segmented, TokenKind};

pub use tri_model::{Approximation, Figure};

use parse::{Core, Sentence};

/// What the figures stage reads: an article's text with the annotations of the stages
/// before it.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The article's body text.
    pub text: &'a str,
    /// Its tokens and sentences.
    pub segmented: &'a Segmented,
    /// Its resolved entities.
    pub entities: &'a [Entity],
    /// Its quotes and sources: a figure inside a quote gets the quote's speaker as its
    /// source.
    pub attributions: &'a Attributions,
}

/// Names this stage's rules and lexicon, so stored figures record what made them: the
/// crate version and a hash of its lexicon.
pub fn fingerprint() -> String {
    let mut h = tri_model::FnvHasher::default();
    std::hash::Hasher::write(&mut h, lexicon::LEXICON_TSV.as_bytes());
    format!(
        "{}-{:016x}",
        env!("CARGO_PKG_VERSION"),
        std::hash::Hasher::finish(&h)
    )
}

/// The normalised code of a unit written on its own, as the stage reads units after a
/// number: `"square kilometres"` → `km2`, `"km²"` → `km2`, `"%"` → `percent`,
/// `"dollars"` → `USD`, `"m s−1"` → `m·s-1`, `"mg/L"` → `mg/L`. `None` when the lexicon
/// does not know it.
pub fn normalize_unit(written: &str) -> Option<String> {
    parse::unit_code(lexicon::lexicon(), written)
}

/// Finds the figures of one article, in text order.
pub fn extract(input: &Input) -> Vec<Figure> {
    let lex = lexicon::lexicon();
    let text = input.text;
    let lower = text.to_ascii_lowercase();
    let urls: Vec<Span> = input
        .segmented
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Url)
        .map(|t| t.span)
        .collect();
    let quotes = QuoteParts::new(input.attributions);
    let mut out = Vec::new();
    for sentence in &input.segmented.sentences {
        let toks = scan::scan(text, sentence.span.start, sentence.span.end);
        // Only sentences with a digit or a word could hold a figure; all of them do
        // have words, so scan them all.
        let s = Sentence {
            text,
            lower: &lower,
            toks: &toks,
            lex,
            urls: &urls,
        };
        let mut cores: Vec<Core> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            match s.figure_at(i) {
                Some(c) if cores.last().is_none_or(|p| p.end_tok <= c.first_tok) => {
                    i = c.end_tok.max(i + 1);
                    cores.push(c);
                }
                _ => i += 1,
            }
        }
        let mut found: Vec<(Figure, usize, usize)> = Vec::new();
        for (n, core) in cores.iter().enumerate() {
            if let Some(f) = figure(&s, core, input, &quotes) {
                let prev_end = n.checked_sub(1).map_or(0, |p| cores[p].end_tok);
                let next_start = cores.get(n + 1).map_or(toks.len(), |c| c.first_tok);
                found.push((f, prev_end, next_start));
            }
        }
        // Periods, then drop the figures that are another figure's period.
        let mut periods: Vec<Span> = Vec::new();
        for (f, prev_end, next_start) in &mut found {
            let first = s.tok_after(f.span.start);
            let end = s.tok_after(f.span.end);
            if let Some((a, b)) = s.period(first, end, *prev_end, *next_start) {
                let span = Span::new(toks[a].start, toks[b - 1].end);
                f.period = Some(span.of(text).to_string());
                f.period_span = Some(span);
                periods.push(span);
            }
        }
        for (f, _, _) in found {
            if periods
                .iter()
                .any(|p| p.contains(f.span) && f.period_span != Some(*p))
            {
                continue;
            }
            out.push(f);
        }
    }
    out
}

/// A figure from its core: what it counts, its source and its quote.
/// Every part of every quote, sorted by start, with the furthest end reached so far, so
/// that the quotes holding a span are found without a scan of them all: a long document
/// has tens of thousands of quotes and figures.
struct QuoteParts {
    parts: Vec<(Span, usize)>,
    reach: Vec<usize>,
}

impl QuoteParts {
    fn new(at: &tri_model::Attributions) -> Self {
        let mut parts: Vec<(Span, usize)> = at
            .quotes
            .iter()
            .enumerate()
            .flat_map(|(i, q)| q.parts.iter().map(move |p| (*p, i)))
            .collect();
        parts.sort_by_key(|(p, _)| (p.start, p.end));
        let mut reach = Vec::with_capacity(parts.len());
        let mut furthest = 0;
        for (p, _) in &parts {
            furthest = furthest.max(p.end);
            reach.push(furthest);
        }
        QuoteParts { parts, reach }
    }

    /// The quotes with a part that contains `span`.
    fn holding(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let last = self.parts.partition_point(|(p, _)| p.start <= span.start);
        (0..last)
            .rev()
            .take_while(move |&j| self.reach[j] >= span.end)
            .filter(move |&j| self.parts[j].0.contains(span))
            .map(move |j| self.parts[j].1)
    }
}

fn figure(s: &Sentence, core: &Core, input: &Input, quotes: &QuoteParts) -> Option<Figure> {
    let text = input.text;
    let mut span = core.span;
    let mut kind = core.kind;
    let mut unit = core.unit.clone();
    let mut unit_text = core.unit_text.map(|u| u.of(text).to_string());
    let mut counted_word = None;
    let mut counted_span = None;
    let mut after = core.end_tok;
    let phrase = if core.vague {
        s.counted_after(core.end_tok, false)
    } else if core.takes_of {
        s.of_phrase(core.end_tok).or_else(|| {
            // "100% tariffs": the noun right after a percentage, outside its span.
            (kind == FigureKind::Percent)
                .then(|| s.counted_after(core.end_tok, false))
                .flatten()
                .map(|mut c| {
                    c.in_figure = false;
                    c
                })
        })
    } else if core.unit.is_none() {
        s.counted_after(core.end_tok, core.value == 1.0)
    } else if kind == FigureKind::Money {
        // "$300 billion in Russian central bank assets".
        ["in", "of"]
            .iter()
            .find(|&&p| s.word(core.end_tok) == Some(p))
            .and_then(|_| {
                let mut c = s.of_phrase_with(core.end_tok)?;
                c.in_figure = false;
                Some(c)
            })
    } else {
        None
    };
    if let Some(c) = &phrase {
        if c.in_figure {
            span = Span::new(span.start, c.span.end);
        }
        counted_word = Some(c.head.clone());
        counted_span = Some(c.span);
        after = c.end_tok;
        if core.unit.is_none() {
            unit = Some(c.head.to_lowercase());
            unit_text = Some(c.span.of(text).to_string());
        }
    }
    kind = context::kind_with_count(core, phrase.is_some());
    if core.vague && phrase.is_none() {
        return None;
    }
    // Number words need something counted or a unit: "the two met" is no figure.
    if !core.digits && kind == FigureKind::Number {
        return None;
    }
    // A bare number after a name is part of it: "Voyager 1", "OAE 2", "Pioneer 11".
    if kind == FigureKind::Number
        && core.approx.is_none()
        && core.first_tok > 1
        && s.is_capitalised(core.first_tok - 1)
        && core.upper.is_none()
    {
        return None;
    }
    let participle = s.participle(core.first_tok, after);
    let counted = match (kind, participle) {
        (FigureKind::Count, Some(p)) => counted_word.map(|w| format!("{w} {p}")),
        (FigureKind::Measure | FigureKind::Duration | FigureKind::Money, Some(p)) => {
            match &counted_word {
                Some(w) => Some(format!("{w} {p}")),
                None => unit_text.as_ref().map(|u| format!("{u} {p}")),
            }
        }
        _ => counted_word,
    };
    let (mut source, mut source_span) = match s.cued_source(core.first_tok) {
        Some((n, sp)) => (Some(n), Some(sp)),
        None => (None, None),
    };
    let at = &input.attributions;
    let quote = quotes
        .holding(core.span)
        .chain(quotes.holding(span))
        .min_by_key(|&i| (at.quotes[i].extent().len(), i));
    if source.is_none() {
        if let Some(q) = quote.map(|i| &at.quotes[i]) {
            if let Some(src) = q.source.and_then(|k| at.sources.get(k)) {
                source = Some(src.name.clone());
                source_span = q.speaker.or_else(|| {
                    src.mentions
                        .iter()
                        .rev()
                        .find(|m| m.start < span.start)
                        .copied()
                });
            }
        }
    }
    Some(Figure {
        span,
        text: span.of(text).to_string(),
        kind,
        value: core.value,
        upper: core.upper,
        approx: core.approx.map(|a| a.0),
        approx_text: core.approx.map(|a| a.1.of(text).to_string()),
        unit,
        unit_text,
        counted,
        counted_span,
        period: None,
        period_span: None,
        period_value: None,
        source,
        source_span,
        quote,
    })
}

#[cfg(test)]
mod tests;
