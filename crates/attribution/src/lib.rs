//! Attribution: who says so. Finds an article's direct, indirect and mixed quotes with
//! their cues and speakers, its anonymous sources with count, descriptor and
//! affiliation, and the provenance chain from the publishing outlet through the outlet
//! it names as its origin to the source of each quote.
//!
//! Sits after entity resolution in the annotation pipeline and is a pure function of
//! the text, its tokens and its entities:
//! 1. [`marks`] pairs quotation marks into direct quotes (split, multi-paragraph and
//!    headline single-quoted ones included).
//! 2. Each direct quote takes its cue and speaker from the words after it (`," said X`,
//!    `," X said`, `," according to X`) or before it (`X said: "`); a quote with neither
//!    continues the speaker before it, and a short quote inside a sentence (scare
//!    quotes) goes to the sentence's speaker.
//! 3. Every other reporting verb or "according to" with a subject and a clause is an
//!    indirect quote; one holding a quoted phrase is mixed.
//! 4. Speakers resolve to sources: a person entity (pronouns to the last person
//!    speaking), an anonymous source (count, descriptor, affiliation; "one source"
//!    joins "three sources close to the Kremlin"), an outlet ("the publication" is the
//!    outlet the article retells), an organisation, a document or a group.
//! 5. [`provenance`] finds the publishing outlet and the outlets the article cites as
//!    its origin, and every quote gets the outlet it reaches the article through.
//!
//! Every rule reads a few tokens around a quotation mark or cue, so the cost grows with
//! the length of the article.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod cues;
mod doc;
mod marks;
mod provenance;
mod speakers;
mod words;

use tri_gazetteer::Gazetteer;
use tri_model::{Entity, Span};
use tri_text::Segmented;

pub use tri_model::{
    Attributions, CitedOutlet, Outlet, OutletEvidence, Provenance, Quote, QuoteKind, Source,
    SourceKind,
};

use cues::{lexicon, CueClass};
use doc::Doc;

/// What the attribution stage reads: an article's text with the annotations of the
/// stages before it.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The article's body text.
    pub text: &'a str,
    /// Its tokens and sentences.
    pub segmented: &'a Segmented,
    /// Its resolved entities.
    pub entities: &'a [Entity],
    /// The publishing outlet as the article's metadata names it, if it does.
    pub outlet: Option<&'a str>,
    /// The article's title when it is kept apart from the text: an origin may be named
    /// only there ("Putin to Press On in Ukraine, Reuters Report").
    pub title: Option<&'a str>,
}

/// Names this stage's rules and lexicon, so stored attributions record what made them:
/// the crate version and a hash of its lexicons.
pub fn fingerprint() -> String {
    let mut h = tri_model::FnvHasher::default();
    std::hash::Hasher::write(&mut h, cues::CUES_TSV.as_bytes());
    std::hash::Hasher::write(&mut h, speakers::GIVEN_NAME_GENDERS.as_bytes());
    format!(
        "{}-{:016x}",
        env!("CARGO_PKG_VERSION"),
        std::hash::Hasher::finish(&h)
    )
}

/// Finds the quotes, sources and provenance of one article.
pub fn attribute(input: &Input, gazetteer: &Gazetteer) -> Attributions {
    let mut doc = Doc::new(input.text, input.segmented, input.entities);
    let mut marked = marks::find(input.text);
    // A quote must lie on tokens: marks around nothing the tokenizer keeps (control
    // characters, stray symbols) are not a quote.
    marked.retain(|q| {
        let first = doc.token_at(q.outer[0].start);
        let last = doc.token_at(q.outer.last().expect("a part").end.saturating_sub(1));
        first < doc.len() && last < doc.len() && first <= last
    });
    for (qi, q) in marked.iter().enumerate() {
        for outer in &q.outer {
            let mut i = doc.token_at(outer.start);
            while i < doc.len() && doc.span(i).start < outer.end {
                doc.quote_of[i] = Some(qi);
                i += 1;
            }
        }
    }
    let mut finder = Finder {
        doc: &doc,
        used: vec![false; doc.len()],
        found: Vec::new(),
        long_quotes: marked
            .iter()
            .map(|q| {
                let first = doc.token_at(q.parts[0].start);
                let last = doc.token_at(q.parts.last().expect("a part").end - 1);
                first < doc.len()
                    && last < doc.len()
                    && doc.sentence_of[last] > doc.sentence_of[first]
            })
            .collect(),
        by_sentence: vec![Vec::new(); input.segmented.sentences.len()],
    };
    finder.direct(&marked);
    for (i, f) in finder.found.iter().enumerate() {
        if let Some((c, _)) = f.cue {
            finder.by_sentence[doc.sentence_of[c]].push(i);
        }
    }
    finder.indirect();
    let mut found = finder.found;
    found.sort_by_key(|f| f.parts[0].start);
    speakers::resolve(&doc, gazetteer, input.outlet, input.title, found)
}

/// A quote as found, before its speaker is resolved to a source.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub kind: QuoteKind,
    pub fragment: bool,
    pub parts: Vec<Span>,
    /// Token range of the cue.
    pub cue: Option<(usize, usize)>,
    /// Token range naming the speaker.
    pub speaker: Option<(usize, usize)>,
    /// Token range of a second cue relaying the quote ("..., the publication writes").
    pub relay: Option<(usize, usize)>,
    /// The quote's speaker is that of the quote starting at this byte (a continuation,
    /// or a quoted phrase inside that quote's reported speech).
    pub same_speaker_as: Option<usize>,
    /// The quote's speaker is the nearest person named before it in its sentence.
    pub speaker_nearby: bool,
    /// The token where the quote is anchored for resolution (its cue or first token).
    pub anchor: usize,
}

impl Found {
    /// A direct quote with no cue or speaker of its own.
    fn uncued(parts: Vec<Span>, anchor: usize) -> Found {
        Found {
            kind: QuoteKind::Direct,
            fragment: false,
            parts,
            cue: None,
            speaker: None,
            relay: None,
            same_speaker_as: None,
            speaker_nearby: false,
            anchor,
        }
    }
}

/// A cue and the speaker it names.
#[derive(Debug, Clone, Copy)]
struct Cue {
    cue: (usize, usize),
    speaker: Option<(usize, usize)>,
    relay: Option<(usize, usize)>,
}

struct Finder<'d, 'a> {
    doc: &'d Doc<'a>,
    /// Tokens already used as a cue or speaker.
    used: Vec<bool>,
    found: Vec<Found>,
    /// Per direct quote: whether it runs over more than one sentence, so reported speech
    /// may nest in it.
    long_quotes: Vec<bool>,
    /// Per sentence: the found quotes whose cue is in it, so rules that look for the
    /// sentence's other attributions stay linear in a long article.
    by_sentence: Vec<Vec<usize>>,
}

impl Finder<'_, '_> {
    fn direct(&mut self, marked: &[marks::Marked]) {
        let doc = self.doc;
        let mut qi = 0;
        // Index into `found` of the last direct quote with a speaker, and its paragraph.
        let mut last_attributed: Option<(usize, usize)> = None;
        while qi < marked.len() {
            let q = &marked[qi];
            let open_tok = doc.token_at(q.outer[0].start);
            let close_tok = doc.token_at(q.outer.last().expect("a part").end - 1);
            let mut parts = q.parts.clone();
            let mut next = qi + 1;
            let mut sentence_end = doc.sentence(doc.sentence_of[close_tok]).1;
            // `"Who do they think they are?" Trump said`: the splitter ends the sentence
            // at the question mark; the cue is in the next one.
            if sentence_end == close_tok + 1
                && sentence_end < doc.len()
                && doc.paragraph_of[sentence_end] == doc.paragraph_of[close_tok]
            {
                sentence_end = doc.sentence(doc.sentence_of[sentence_end]).1;
            }
            let next_open = marked
                .get(qi + 1)
                .map(|n| doc.token_at(n.outer[0].start))
                .unwrap_or(usize::MAX);
            let frame_end = sentence_end.min(next_open).min(doc.len());
            let mut cue = self.after_frame(close_tok + 1, frame_end);
            if let Some(c) = &cue {
                // "X," he said, "Y.": the second half is the same quote.
                if next_open < doc.len()
                    && doc.paragraph_of[next_open] == doc.paragraph_of[close_tok]
                    && next_open > 0
                    && matches!(doc.lower(next_open - 1), "," | ":" | "\u{2014}" | "-")
                    && next_open - c.cue.1 <= 12
                {
                    parts.extend(marked[qi + 1].parts.iter().copied());
                    next = qi + 2;
                }
            }
            if cue.is_none() {
                let (s_start, _) = doc.sentence(doc.sentence_of[open_tok]);
                let prev_close = (s_start..open_tok)
                    .rev()
                    .find(|&i| doc.quote_of[i].is_some())
                    .map_or(s_start, |i| i + 1);
                cue = self.before_frame(prev_close, open_tok);
                if cue.is_none() && open_tok == s_start && s_start > 0 {
                    // "Caddell continued:" ending the sentence or paragraph before.
                    let (ps, pe) = doc.sentence(doc.sentence_of[s_start - 1]);
                    if doc.lower(pe - 1) == ":" && doc.quote_of[pe - 1].is_none() {
                        cue = self.before_frame(ps, pe);
                    }
                }
            }
            let anchor = open_tok;
            let words_inside = (open_tok..=close_tok).filter(|&i| doc.is_word(i)).count();
            let (s_start, s_end) = doc.sentence(doc.sentence_of[open_tok]);
            let words_outside = (s_start..s_end)
                .filter(|&i| doc.is_word(i) && doc.quote_of[i].is_none())
                .count();
            match cue {
                Some(c) => {
                    self.mark_used(c.cue);
                    if let Some(s) = c.speaker {
                        self.mark_used(s);
                    }
                    if let Some(r) = c.relay {
                        self.mark_used(r);
                    }
                    self.found.push(Found {
                        kind: QuoteKind::Direct,
                        // "urging "maximum pressure" on Russia": a phrase, though cued.
                        fragment: words_inside <= 6
                            && words_outside >= 3
                            && (s_start..open_tok).any(|i| doc.is_word(i)),
                        parts,
                        cue: Some(c.cue),
                        speaker: c.speaker,
                        relay: c.relay,
                        same_speaker_as: None,
                        speaker_nearby: false,
                        anchor: c.cue.0,
                    });
                    last_attributed = Some((self.found.len() - 1, doc.paragraph_of[close_tok]));
                }
                None if words_inside <= 6 && words_outside >= 3 => {
                    let own = self.fragment_cue(open_tok);
                    if let Some(c) = own {
                        self.mark_used(c.cue);
                    }
                    self.found.push(Found {
                        kind: QuoteKind::Direct,
                        fragment: true,
                        parts,
                        cue: own.map(|c| c.cue),
                        speaker: own.and_then(|c| c.speaker),
                        relay: None,
                        same_speaker_as: None,
                        speaker_nearby: own.is_none(),
                        anchor: own.map_or(anchor, |c| c.cue.0),
                    });
                }
                None => {
                    let para = doc.paragraph_of[open_tok];
                    match last_attributed {
                        // Right after an attributed quote in its paragraph: one quote.
                        Some((fi, p)) if p == para && self.follows_directly(fi, open_tok) => {
                            self.found[fi].parts.extend(parts);
                        }
                        Some((fi, p)) if p + 1 >= para => {
                            let start = self.found[fi].parts[0].start;
                            self.found.push(Found {
                                same_speaker_as: Some(start),
                                ..Found::uncued(parts, anchor)
                            });
                            last_attributed = Some((self.found.len() - 1, para));
                        }
                        _ => self.found.push(Found::uncued(parts, anchor)),
                    }
                }
            }
            qi = next;
        }
    }

    /// Whether only punctuation lies between the end of found quote `fi` (with its
    /// cue) and token `open_tok`.
    fn follows_directly(&self, fi: usize, open_tok: usize) -> bool {
        let f = &self.found[fi];
        let last = f.parts.last().expect("a part").end;
        let end = f.cue.map_or(last, |c| self.doc.span(c.1 - 1).end.max(last));
        let end = f
            .speaker
            .map_or(end, |s| self.doc.span(s.1 - 1).end.max(end));
        let from = self.doc.token_at(end);
        (from..open_tok).all(|i| !self.doc.is_word(i) || self.used[i])
    }

    fn mark_used(&mut self, (a, b): (usize, usize)) {
        for u in &mut self.used[a..b] {
            *u = true;
        }
    }

    /// The cue after a closing quotation mark: `," said X`, `," X said`, `," according
    /// to X, the publication writes`.
    fn after_frame(&self, start: usize, end: usize) -> Option<Cue> {
        let doc = self.doc;
        let lex = lexicon();
        let mut i = start;
        while i < end && doc.is_punct(i) {
            i += 1;
        }
        if i >= end {
            return None;
        }
        // Inverted or prepositional: the cue first.
        if let Some((class, len)) = lex.cue_at(doc, i) {
            let speaker = speakers::np_forward(doc, i + len, end, class == CueClass::Prep)
                .filter(|&s| class != CueClass::Prep || speakers::plausible_subject(doc, s));
            if speaker.is_some() || class != CueClass::Prep {
                let relay = speaker.and_then(|s| self.relay_after(s.1, end));
                return Some(Cue {
                    cue: (i, i + len),
                    speaker,
                    relay,
                });
            }
        }
        // Subject first: the first cue within a few tokens, with a subject before it.
        for k in i + 1..end.min(i + 14) {
            if doc.quote_of[k].is_some() {
                break;
            }
            if let Some((class, len)) = lex.cue_at(doc, k) {
                if matches!(class, CueClass::Prep | CueClass::Evidence) {
                    continue;
                }
                let speaker = speakers::np_backward(doc, k, i)?;
                if speaker.0 != i {
                    return None;
                }
                // `"Sunday Morning Futures," Rep. Issa said Clinton's ...`: the cue
                // opens a statement of its own; the quote is a title.
                let mut after = k + len;
                if class == CueClass::Listener {
                    after = speakers::skip_listener(doc, after, end).unwrap_or(end);
                }
                if after < end
                    && doc.is_word(after)
                    && !speakers::starts_phrase(doc, after)
                    && !words::is_month_or_day(doc.lower(after))
                {
                    return None;
                }
                return Some(Cue {
                    cue: (k, k + len),
                    speaker: Some(speaker),
                    relay: None,
                });
            }
        }
        None
    }

    /// `..., the publication writes` after the source of a prepositional cue.
    fn relay_after(&self, from: usize, end: usize) -> Option<(usize, usize)> {
        let doc = self.doc;
        if from >= end || doc.lower(from) != "," {
            return None;
        }
        let lex = lexicon();
        (from + 1..end.min(from + 6)).find_map(|k| {
            let (class, len) = lex.cue_at(doc, k)?;
            (class == CueClass::Speech)
                .then(|| speakers::np_backward(doc, k, from + 1))
                .flatten()
                .map(|s| (s.0, k + len))
        })
    }

    /// The cue before an opening quotation mark: `X said: "`, `X said, "`, `according
    /// to X: "`; `None` when other words come between the cue and the quote (then the
    /// quote is a phrase inside reported speech, found by [`Finder::indirect`]).
    fn before_frame(&self, start: usize, open_tok: usize) -> Option<Cue> {
        let doc = self.doc;
        let lex = lexicon();
        let mut end = open_tok;
        let mut colon = None;
        let mut handover = false;
        while end > start && matches!(doc.lower(end - 1), ":" | "," | "that" | "\u{2014}" | "-") {
            if doc.lower(end - 1) == ":" {
                colon = Some(end - 1);
            }
            handover = true;
            end -= 1;
        }
        if end <= start {
            return None;
        }
        // The last cue in the frame, and what lies between it and the quote.
        for k in (start..end).rev() {
            let Some((class, len)) = lex.cue_at(doc, k) else {
                continue;
            };
            let between = k + len..end;
            let fits = match class {
                CueClass::Prep => true,
                // "told ABC's "Good Morning America"": a title, unless handed over with a
                // colon or comma ("told reporters: "...").
                CueClass::Listener => between.len() <= 6 && handover,
                CueClass::Evidence => false,
                CueClass::Speech | CueClass::Cognition | CueClass::Stance => {
                    between.is_empty() || speakers::is_adjunct(doc, between.start, between.end)
                }
            };
            if !fits {
                return None;
            }
            if class == CueClass::Prep {
                let speaker = speakers::np_forward(doc, k + len, end, true);
                if speaker.is_none_or(|s| s.1 < end) {
                    return None;
                }
                return Some(Cue {
                    cue: (k, k + len),
                    speaker,
                    relay: None,
                });
            }
            let participle = doc.lower(k).ends_with("ing");
            let speaker = speakers::np_backward(doc, k, start)
                .or_else(|| {
                    // "said Sergei Markov:"; never the listener of "telling Reuters:".
                    (class != CueClass::Listener && !participle)
                        .then(|| speakers::np_forward(doc, k + len, end, false))
                        .flatten()
                })
                .or_else(|| {
                    // "Clinton rallied supporters, saying: "...": the clause's subject.
                    let (sa, _) = doc.sentence(doc.sentence_of[k]);
                    participle.then(|| self.clause_subject(sa, k)).flatten()
                });
            return Some(Cue {
                cue: (k, k + len),
                speaker,
                relay: None,
            });
        }
        // "Trump ... swearing in front of the media: "..."": the colon is the cue and the
        // sentence's first named person the speaker.
        let colon = colon?;
        let person =
            (start..end).find(|&i| doc.entity_kind(i) == Some(tri_model::EntityKind::Person))?;
        let (e, m) = doc.entity_of[person].expect("an entity token");
        let span = doc.entities[e].mentions[m].span;
        let last = (person..end)
            .take_while(|&i| doc.span(i).end <= span.end)
            .last()
            .unwrap_or(person);
        Some(Cue {
            cue: (colon, colon + 1),
            speaker: Some((person, last + 1)),
            relay: None,
        })
    }

    /// Reported speech: every cue not used by a direct quote, with a subject and a
    /// clause of content.
    fn indirect(&mut self) {
        let doc = self.doc;
        let lex = lexicon();
        for s in 0..doc.seg.sentences.len() {
            let (sa, se) = doc.sentence(s);
            let mut k = sa;
            while k < se {
                // Reported speech nested in a long quote is still reported speech; inside
                // a short one it is part of the quoted words.
                let nested_ok = doc.quote_of[k].is_none_or(|q| self.long_quotes[q]);
                if self.used[k] || !nested_ok {
                    k += 1;
                    continue;
                }
                let Some((class, len)) = lex.cue_at(doc, k) else {
                    k += 1;
                    continue;
                };
                if let Some(f) = self.reported(sa, se, k, class, len) {
                    self.mark_used(f.cue.expect("a cue"));
                    if let Some(sp) = f.speaker {
                        self.mark_used(sp);
                    }
                    self.by_sentence[s].push(self.found.len());
                    self.found.push(f);
                }
                k += len;
            }
        }
        // Headlines: "John McCain: Republican Anger Appeals to 'Bad Angels'".
        for s in 0..doc.seg.sentences.len() {
            let (sa, se) = doc.sentence(s);
            let Some(colon) = (sa + 1..se.min(sa + 6)).find(|&i| doc.lower(i) == ":") else {
                continue;
            };
            if self.used[colon] || doc.quote_of[colon].is_some() {
                continue;
            }
            let named = (sa..colon)
                .all(|i| doc.is_cap(i) || doc.lower(i) == "'s" || doc.lower(i) == ".")
                && (sa..colon).any(|i| {
                    matches!(
                        doc.entity_kind(i),
                        Some(tri_model::EntityKind::Person | tri_model::EntityKind::Organisation)
                    )
                });
            let mut end = se;
            while end > colon + 1 && doc.is_punct(end - 1) && doc.quote_of[end - 1].is_none() {
                end -= 1;
            }
            if !named || (colon + 1..end).filter(|&i| doc.is_word(i)).count() < 3 {
                continue;
            }
            if let Some(f) = self.content_found(
                (colon + 1, end),
                (colon, colon + 1),
                Some((sa, colon)),
                colon,
            ) {
                self.mark_used((sa, colon + 1));
                self.found.push(f);
            }
        }
        // Quoted phrases inside reported speech are that speech's words: the speech is
        // mixed and the phrase takes its speaker.
        let mut indirect: Vec<(Span, usize)> = self
            .found
            .iter()
            .filter(|f| f.kind != QuoteKind::Direct)
            .map(|f| {
                (
                    Span::new(f.parts[0].start, f.parts.last().expect("a part").end),
                    f.parts[0].start,
                )
            })
            .collect();
        indirect.sort_unstable();
        let mut mixed = std::collections::HashSet::new();
        for f in self.found.iter_mut().filter(|f| f.fragment) {
            // The reported speech holding the phrase starts before it: look at the few
            // that start last before it (sorted, so a long article stays linear).
            let at = f.parts[0];
            let upto = indirect.partition_point(|(e, _)| e.start <= at.start);
            let holder = indirect[..upto]
                .iter()
                .rev()
                .take(8)
                .find(|(e, _)| e.overlaps(at));
            if let Some(&(extent, start)) = holder {
                f.same_speaker_as = Some(start);
                f.speaker_nearby = false;
                mixed.insert(extent);
            }
        }
        for f in &mut self.found {
            if f.kind == QuoteKind::Indirect {
                let extent = Span::new(f.parts[0].start, f.parts.last().expect("a part").end);
                if mixed.contains(&extent) {
                    f.kind = QuoteKind::Mixed;
                }
            }
        }
    }

    /// The indirect quote whose cue is token `k`, if it has a subject and content.
    fn reported(
        &self,
        sa: usize,
        se: usize,
        k: usize,
        class: CueClass,
        len: usize,
    ) -> Option<Found> {
        let doc = self.doc;
        let prev = (k > sa).then(|| doc.lower(k - 1));
        let mut end = se;
        while end > sa && doc.is_punct(end - 1) {
            end -= 1;
        }
        if class == CueClass::Prep {
            if doc.lower(k) == "per" && !(k + 1 < se && doc.is_cap(k + 1)) {
                return None;
            }
            if prev == Some("by") {
                return None; // "by citing his Iowa results"
            }
            let speaker = speakers::np_forward(doc, k + len, end, true)?;
            // "according to their instinctive preference" names no source.
            if !speakers::plausible_subject(doc, speaker) {
                return None;
            }
            // "X, citing analysts and sources, Z": the citation is parenthetical.
            let parenthetical = matches!(doc.lower(k), "citing" | "quoting")
                && speaker.1 < end
                && doc.lower(speaker.1) == ","
                && end - speaker.1 > 4;
            let early = (sa..k).filter(|&i| doc.is_word(i)).count() <= 2 || parenthetical;
            let content = if early {
                let mut c = speaker.1;
                while c < end && (doc.is_punct(c) || self.used[c]) {
                    c += 1;
                }
                // "according to a report by X, citing analysts and sources, Putin ...".
                if c < end
                    && lexicon()
                        .cue_at(doc, c)
                        .is_some_and(|(cl, _)| cl == CueClass::Prep)
                {
                    if let Some(comma) = (c..end).find(|&i| doc.lower(i) == ",") {
                        c = comma + 1;
                    }
                }
                (c, end)
            } else {
                let mut e = k;
                while e > sa && doc.is_punct(e - 1) {
                    e -= 1;
                }
                (sa, e)
            };
            return self.content_found(content, (k, k + len), Some(speaker), k);
        }
        let cue_word = doc.lower(k);
        let participle = cue_word.ends_with("ing");
        if matches!(
            prev,
            Some(
                "to" | "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
                    | "our"
                    | "my"
                    | "this"
                    | "that"
                    | "'s"
                    | "'"
            )
        ) {
            return None;
        }
        if !participle
            && matches!(
                prev,
                Some("is" | "was" | "were" | "are" | "be" | "been" | "being")
            )
        {
            return None; // passive: "was reported", "is expected"
        }
        let next_is_that = k + len < se && doc.lower(k + len) == "that";
        if words::nounish_cue(cue_word) && !next_is_that {
            // "they tweet a picture", "the state's party": base forms are nouns or
            // infinitives; "he notes", "Trump claims" are verbs.
            let inflected =
                cue_word.ends_with('s') || cue_word.ends_with("ed") || cue_word == "thought";
            let pronoun_before = prev.is_some_and(|p| words::pronoun(p).is_some());
            let name_before =
                k > sa && doc.entity_kind(k - 1) == Some(tri_model::EntityKind::Person);
            if !inflected || (!pronoun_before && !name_before) {
                return None;
            }
        }
        if k > 0 && matches!(doc.lower(k - 1), "<" | "/") {
            return None; // markup: "<tweet id=...>"
        }
        if participle && matches!(prev, Some("," | "\u{2013}" | "\u{2014}" | "-")) {
            // "..., one source said, suggesting Putin may ...": the same speaker.
            let earlier = self.by_sentence[doc.sentence_of[k]]
                .iter()
                .map(|&i| &self.found[i])
                .filter(|f| f.cue.is_some_and(|c| c.0 >= sa && c.0 < k))
                .min_by_key(|f| f.cue.map_or(usize::MAX, |c| c.0))
                .into_iter()
                .find(|f| {
                    f.cue.is_some_and(|c| c.0 >= sa && c.0 < k)
                        && (f.speaker.is_some() || f.same_speaker_as.is_some())
                });
            let mut c = k + len;
            if c < end && doc.lower(c) == "that" {
                c += 1;
            }
            if let Some(earlier) = earlier {
                let start = earlier.same_speaker_as.unwrap_or(earlier.parts[0].start);
                let mut f = self.content_found((c, end), (k, k + len), None, k)?;
                f.same_speaker_as = Some(start);
                return Some(f);
            }
            // "Trump endorsed Cruz last week, saying he ...": the sentence's subject.
            let subject = self.clause_subject(sa, k)?;
            return self.content_found((c, end), (k, k + len), Some(subject), k);
        }
        if participle && !matches!(prev, Some("is" | "was" | "were" | "are" | "been" | "be")) {
            return None;
        }
        let subject = speakers::np_backward(doc, k, sa).or_else(|| self.coordinated_subject(sa, k));
        let subject = match subject {
            Some(s) => s,
            None => {
                // "..., said Ben Barry." or "..., adding ..."
                if prev == Some(",") {
                    let sp = speakers::np_forward(doc, k + len, end, false)?;
                    // "..., said Lee Epstein, who teaches constitutional law."
                    if sp.1 < end && doc.lower(sp.1) != "," {
                        return None;
                    }
                    let mut e = k - 1;
                    while e > sa && doc.is_punct(e - 1) {
                        e -= 1;
                    }
                    return self.content_found((sa, e), (k, k + len), Some(sp), k);
                }
                return None;
            }
        };
        if !speakers::plausible_subject(doc, subject) {
            return None;
        }
        if class == CueClass::Evidence
            && !(subject.0..subject.1).any(|i| words::document_noun(doc.lower(i)))
        {
            return None;
        }
        // "Who do you think will win?", "anyone who wants to": questions and relative
        // clauses state no one's position.
        if matches!(class, CueClass::Cognition | CueClass::Stance) {
            let one_word = subject.1 - subject.0 == 1;
            if one_word && matches!(doc.lower(subject.0), "you" | "that" | "which") {
                return None;
            }
            if se > sa && doc.lower(se - 1) == "?" {
                return None;
            }
        }
        // Content after the cue, past its listener and adjuncts.
        let mut c = k + len;
        if class == CueClass::Listener {
            c = speakers::skip_listener(doc, c, end)?;
        }
        c = speakers::skip_adjuncts(doc, c, end);
        let after_is_clause = c < end && !doc.is_punct(c);
        let subject_after_comma = subject.0 > sa && doc.lower(subject.0 - 1) == ",";
        if after_is_clause {
            if doc.lower(c) == "that" {
                c += 1;
            } else if (class != CueClass::Stance || doc.lower(c) == "by")
                && speakers::starts_phrase(doc, c)
            {
                // "continue in parallel", "claims for Russia": not reported speech.
                return None;
            }
            if class == CueClass::Cognition && end - c < 3 {
                return None;
            }
            return self.content_found((c, end), (k, k + len), Some(subject), k);
        }
        // "Content, the sources said." or "In particular, he said, thanks to ...": the
        // longer side of the interjected cue is what was said.
        if subject_after_comma && class != CueClass::Cognition {
            let mut e = subject.0 - 1;
            while e > sa && doc.is_punct(e - 1) {
                e -= 1;
            }
            let mut after = c;
            while after < end && doc.is_punct(after) {
                after += 1;
            }
            let words = |a: usize, b: usize| (a..b).filter(|&i| doc.is_word(i)).count();
            let content = if words(after, end) > words(sa, e) {
                (after, end)
            } else {
                (sa, e)
            };
            return self.content_found(content, (k, k + len), Some(subject), k);
        }
        None
    }

    /// The subject of "X praised Rubio and said ...": the last person named before the
    /// cue in its sentence (or a pronoun), else the sentence's first noun phrase.
    fn coordinated_subject(&self, sa: usize, k: usize) -> Option<(usize, usize)> {
        let doc = self.doc;
        let mut j = k;
        while j > sa
            && (words::VERB_PREFIX.contains(&doc.lower(j - 1)) || doc.lower(j - 1).ends_with("ly"))
        {
            j -= 1;
        }
        if j == sa || !matches!(doc.lower(j - 1), "and" | "but") {
            return None;
        }
        self.clause_subject(sa, j - 1)
    }

    /// Who a sentence is about up to token `j`: the last person named (or a pronoun),
    /// else its first noun phrase past an opening adjunct.
    fn clause_subject(&self, sa: usize, j: usize) -> Option<(usize, usize)> {
        let doc = self.doc;
        let j = j + 1; // the rules below look before `j - 1`
                       // The first clause's subject: the first person named who is not only an owner
                       // ("Putin said he understood Trump's frustration and mentioned ...").
        let person = (sa..j - 1).find(|&i| {
            let owner = i + 1 < doc.len() && matches!(doc.lower(i + 1), "'s" | "'" | "\u{2019}");
            (doc.entity_kind(i) == Some(tri_model::EntityKind::Person) && !owner)
                || matches!(doc.lower(i), "he" | "she" | "they")
        });
        if let Some(i) = person {
            let end = if let Some((e, m)) = doc.entity_of[i] {
                let span = doc.entities[e].mentions[m].span;
                (i..j)
                    .take_while(|&t| doc.span(t).end <= span.end)
                    .last()
                    .map_or(i + 1, |t| t + 1)
            } else {
                i + 1
            };
            let start = if let Some((e, m)) = doc.entity_of[i] {
                let span = doc.entities[e].mentions[m].span;
                (sa..=i)
                    .find(|&t| doc.span(t).start >= span.start)
                    .unwrap_or(i)
            } else {
                i
            };
            return Some((start, end));
        }
        // The sentence's subject, past an opening adjunct ("In an interview Thursday, the
        // Wisconsin Republican criticized ... and said"), up to its verb.
        let mut from = sa;
        if speakers::starts_phrase(doc, sa) || doc.lower(sa) == "in" || doc.lower(sa) == "on" {
            from = (sa..j - 1).find(|&i| doc.lower(i) == ",")? + 1;
        }
        let (a, b) = speakers::np_forward(doc, from, j - 1, false)?;
        let verb = (a + 1..b).find(|&i| {
            let w = doc.lower(i);
            doc.is_word(i) && !doc.is_cap(i) && (w.ends_with("ed") || w.ends_with("ied"))
        });
        Some((a, verb.unwrap_or(b)))
    }

    /// A quoted phrase's own cue: "called both Trump and Clinton "crazy"", "described
    /// the field as "all very good"": the verb and its subject.
    fn fragment_cue(&self, open_tok: usize) -> Option<Cue> {
        let doc = self.doc;
        let (sa, _) = doc.sentence(doc.sentence_of[open_tok]);
        let k = (sa.max(open_tok.saturating_sub(10))..open_tok)
            .rev()
            .take_while(|&i| doc.quote_of[i].is_none())
            .find(|&i| words::naming_verb(doc.lower(i)))?;
        let subject =
            speakers::np_backward(doc, k, sa).or_else(|| self.coordinated_subject(sa, k))?;
        speakers::plausible_subject(doc, subject).then_some(Cue {
            cue: (k, k + 1),
            speaker: Some(subject),
            relay: None,
        })
    }

    fn content_found(
        &self,
        (a, b): (usize, usize),
        cue: (usize, usize),
        speaker: Option<(usize, usize)>,
        anchor: usize,
    ) -> Option<Found> {
        let doc = self.doc;
        if b <= a {
            return None;
        }
        // "called on her to resign and said, ...": the second verb has content of its own.
        let lex = lexicon();
        let b = if a > cue.0 {
            (a..b)
                .find(|&t| {
                    doc.lower(t) == "and"
                        && t + 1 < b
                        && doc.quote_of[t] == doc.quote_of[a]
                        && lex.cue_at(doc, t + 1).is_some_and(|(c, _)| {
                            matches!(c, CueClass::Speech | CueClass::Listener)
                        })
                })
                .map_or(b, |t| {
                    let mut e = t;
                    while e > a && doc.is_punct(e - 1) {
                        e -= 1;
                    }
                    e
                })
        } else {
            b
        };
        if b <= a {
            return None;
        }
        let words = (a..b)
            .filter(|&i| doc.is_word(i) || !doc.is_punct(i))
            .count();
        if words < 2 {
            return None;
        }
        // Content that is one direct quote belongs to that quote's attribution.
        let quoted = (a..b).filter(|&i| doc.quote_of[i].is_some()).count();
        if quoted == b - a {
            return None;
        }
        let mut a = a;
        while a < b && doc.is_punct(a) && doc.quote_of[a].is_none() {
            a += 1;
        }
        Some(Found {
            kind: QuoteKind::Indirect,
            fragment: false,
            parts: vec![doc.span_of(a, b)],
            cue: Some(cue),
            speaker,
            relay: None,
            same_speaker_as: None,
            speaker_nearby: false,
            anchor,
        })
    }
}

#[cfg(test)]
mod tests;
