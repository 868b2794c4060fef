//! From the tagger's mentions to clean name candidates: edges trimmed ("Putin," →
//! "Putin", "Trump's" → "Trump", "Despite Trump" → "Trump"), titles split off ("US
//! President Donald Trump" → "Donald Trump"), role words dropped ("US Secretary" → "US"),
//! split names rejoined where the gazetteer knows the whole ("International Institute" +
//! "for" + "Strategic Studies"), hyphenated pairs split ("Ukraine-Russia"), and headline
//! fragments without support in the body dropped ("Ceasefire Ultimatum").

use std::collections::HashSet;

use tri_gazetteer::Entry;
use tri_model::{EntityKind, Mention, Span};

use crate::doc::Doc;
use crate::fold;
use crate::gaz::Gaz;
use crate::lexicon;
use crate::roles::RoleInfo;

/// One cleaned name in the text, before merging.
#[derive(Debug, Clone)]
pub(crate) struct Candidate<'g> {
    /// Token range `[first, end)`; a part of a hyphenated token keeps that token's range.
    pub first: usize,
    pub end: usize,
    pub span: Span,
    pub text: String,
    /// The folded words of the text (see [`fold::fold_words`]).
    pub words: Vec<String>,
    /// The tagger's kind.
    pub kind: EntityKind,
    /// The gazetteer entry the name means, if any.
    pub entry: Option<&'g Entry>,
    /// A title or role was attached to the name: evidence for a person.
    pub person_hint: bool,
    /// The name is the object of "at"/"of" after a role ("researcher at X"): evidence for
    /// an organisation.
    pub org_hint: bool,
    /// Roles and affiliations found around the name.
    pub info: RoleInfo,
    /// Used as an actor standing for a government ("the Kremlin said").
    pub metonym: bool,
}

impl<'g> Candidate<'g> {
    pub fn new(doc: &Doc, gaz: &Gaz<'g>, first: usize, end: usize, kind: EntityKind) -> Self {
        let span = doc.span_of(first, end);
        Self::with_span(doc, gaz, first, end, span, kind)
    }

    fn with_span(
        doc: &Doc,
        gaz: &Gaz<'g>,
        first: usize,
        end: usize,
        span: Span,
        kind: EntityKind,
    ) -> Self {
        let text = span.of(doc.text).to_string();
        let entry = gaz.choose(&text, kind);
        Candidate {
            first,
            end,
            span,
            words: fold::fold_words(&text),
            text,
            kind,
            entry,
            person_hint: false,
            org_hint: false,
            info: RoleInfo::default(),
            metonym: false,
        }
    }

    /// Known to the gazetteer as something other than a person.
    pub fn known_non_person(&self) -> bool {
        self.entry.is_some_and(|e| e.kind != EntityKind::Person)
    }
}

/// The cleaned candidates of an article's mentions, in text order, without overlaps.
pub(crate) fn candidates<'g>(doc: &Doc, gaz: &Gaz<'g>, mentions: &[Mention]) -> Vec<Candidate<'g>> {
    let mut out: Vec<Candidate<'g>> = Vec::with_capacity(mentions.len());
    for m in mentions {
        let Some((first, end)) = doc.tokens_of(m.span) else {
            continue;
        };
        for (first, end) in split_at_punctuation(doc, gaz, first, end, m.kind) {
            if let Some(c) = clean(doc, gaz, first, end, m.kind) {
                split_hyphenated(doc, gaz, c, &mut out);
            }
        }
    }
    out.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    // Overlaps: the tagger's chunks do not overlap, but cleaning and splitting could make
    // equal spans; keep the first (longest) of any overlapping run.
    out.dedup_by(|later, earlier| later.span.overlaps(earlier.span));
    let out = join_fragments(doc, gaz, out);
    drop_unsupported_headline_words(doc, gaz, out)
}

/// Cuts a mention at commas, semicolons, brackets and quotes inside it ("Kyiv, Ukraine"
/// → "Kyiv", "Ukraine"), unless the gazetteer knows the whole ("Washington, D.C.").
fn split_at_punctuation(
    doc: &Doc,
    gaz: &Gaz,
    first: usize,
    end: usize,
    kind: EntityKind,
) -> Vec<(usize, usize)> {
    let cuts = |i: usize| {
        !doc.is_word(i)
            && matches!(
                doc.word(i),
                "," | ";" | "(" | ")" | "\"" | "“" | "”" | "|" | "/" | "—" | "–"
            )
    };
    if end - first < 3
        || !(first + 1..end - 1).any(cuts)
        || gaz.choose(doc.text_of(first, end), kind).is_some()
    {
        return vec![(first, end)];
    }
    let mut parts = Vec::new();
    let mut start = first;
    for i in first..end {
        if cuts(i) {
            if start < i {
                parts.push((start, i));
            }
            start = i + 1;
        }
    }
    if start < end {
        parts.push((start, end));
    }
    parts
}

/// Trims one mention's token range `[first, end)`; `None` when nothing name-like is left.
fn clean<'g>(
    doc: &Doc,
    gaz: &Gaz<'g>,
    mut first: usize,
    mut end: usize,
    kind: EntityKind,
) -> Option<Candidate<'g>> {
    // Leading punctuation, numbers, and words that never begin a name.
    while first < end && (!doc.is_word(first) || lexicon::is_leading_stopword(doc.lower(first))) {
        first += 1;
    }
    trim_end(doc, first, &mut end);
    if first >= end {
        return None;
    }
    // Given names the tagger left out: "Friedrich [Merz]" where the gazetteer knows
    // "Friedrich Merz" as the same person.
    if let Some(person) = gaz
        .choose(doc.text_of(first, end), kind)
        .filter(|e| e.kind == EntityKind::Person)
    {
        let floor = doc.sentence_start(first);
        for k in 1..=2 {
            if first < floor + k
                || !(first - k..first).all(|i| doc.is_cap(i) && !is_role_word(doc, i))
            {
                break;
            }
            if gaz
                .choose(doc.text_of(first - k, end), EntityKind::Person)
                .is_some_and(|e| e.key == person.key)
            {
                first -= k;
                break;
            }
        }
    }
    let mut person_hint = false;
    // Title and role words before the name: "US President Donald Trump", "General X".
    if let Some(name_start) = title_end(doc, gaz, first, end) {
        let rest = doc.text_of(name_start, end);
        let whole = doc.text_of(first, end);
        let whole_known = gaz
            .choose(whole, kind)
            .is_some_and(|e| e.kind != EntityKind::Person);
        let rest_person = gaz
            .choose(rest, EntityKind::Person)
            .is_some_and(|e| e.kind == EntityKind::Person);
        // "General Motors" is a company: a lone word after "General" is a name only if
        // the tagger or the gazetteer says person.
        let org_like = doc.lower(name_start - 1) == "general";
        if !whole_known
            && (kind == EntityKind::Person || end - name_start >= 2 || rest_person || !org_like)
        {
            first = name_start;
            person_hint = true;
        }
    }
    // Role words after a country or body: "US Secretary" (of State Marco Rubio) → "US",
    // "Kremlin spokesman" → "Kremlin"; but "Stephen King" stays.
    if end - first >= 2 && gaz.choose(doc.text_of(first, end), kind).is_none() {
        let mut e = end;
        while e > first + 1 && is_role_word(doc, e - 1) {
            e -= 1;
        }
        while e > first + 1
            && lexicon::is_role_modifier(doc.lower(e - 1))
            && doc.is_lower_word(e - 1)
        {
            e -= 1;
        }
        if e < end {
            let rest = doc.text_of(first, e);
            let affiliation = gaz.country_of_word(rest).is_some()
                || gaz
                    .choose(rest, EntityKind::Organisation)
                    .is_some_and(|x| x.kind != EntityKind::Person && x.tier >= 3);
            if affiliation {
                end = e;
            }
        }
    }
    if !(first..end).any(|i| doc.has_upper(i)) {
        return None;
    }
    if end - first == 1 {
        let l = doc.lower(first);
        if lexicon::is_title(l) || lexicon::is_role_noun(l) || lexicon::is_leading_stopword(l) {
            return None;
        }
    }
    // A lower-case noun the gazetteer knows with the name: "Trump administration".
    if end < doc.len() && doc.sentence(end) == doc.sentence(first) {
        let next = doc.lower(end);
        if lexicon::is_extender(next) && doc.is_lower_word(end) {
            let extended = format!("{} {}", doc.text_of(first, end), doc.word(end));
            if gaz.lookup(&extended).iter().any(|e| e.tier >= 2) {
                end += 1;
            }
        }
    }
    let mut c = Candidate::new(doc, gaz, first, end, kind);
    c.person_hint = person_hint;
    Some(c)
}

/// Drops trailing punctuation, possessives, lower-case words and connectors.
fn trim_end(doc: &Doc, first: usize, end: &mut usize) {
    while *end > first {
        let i = *end - 1;
        let drop = !doc.is_word(i) && !doc.word(i).chars().next().is_some_and(char::is_numeric)
            || doc.is_possessive(i)
            || !doc.has_upper(i) && doc.is_word(i)
            || lexicon::is_name_connector(doc.lower(i));
        if !drop {
            break;
        }
        *end -= 1;
    }
}

fn is_role_word(doc: &Doc, i: usize) -> bool {
    let l = doc.lower(i);
    lexicon::is_title(l) || lexicon::is_role_noun_singular(l)
}

/// Where the name begins after a leading run of titles, roles, their modifiers and an
/// affiliation word before them ("US President", "Gen.", "Prime Minister"); `None` when
/// the mention does not begin with one or nothing capitalised follows it.
fn title_end(doc: &Doc, gaz: &Gaz, first: usize, end: usize) -> Option<usize> {
    let any_role = (first..end.min(first + 4)).any(|j| {
        let l = doc.lower(j);
        lexicon::is_title(l) || lexicon::is_role_noun_singular(l)
    });
    if !any_role {
        return None;
    }
    let mut j = first;
    let mut after_role = None;
    while j < end {
        if let Some(n) = crate::roles::role_phrase_at(doc, j, end) {
            j += n;
            after_role = Some(j);
            continue;
        }
        let l = doc.lower(j);
        if lexicon::is_title(l) || lexicon::is_role_noun_singular(l) {
            j += 1;
            after_role = Some(j);
            continue;
        }
        if lexicon::is_role_modifier(l) {
            j += 1;
            continue;
        }
        if after_role.is_none()
            && j < first + 3
            && doc.is_cap(j)
            && gaz.country_of_word(doc.word(j)).is_some()
        {
            j += 1;
            continue;
        }
        break;
    }
    let name_start = after_role?;
    (name_start < end && doc.is_cap(name_start)).then_some(name_start)
}

/// Splits "Ukraine-Russia" and "U.S.-Russia" into their places when the gazetteer knows
/// each part but not the whole; otherwise keeps the candidate.
fn split_hyphenated<'g>(doc: &Doc, gaz: &Gaz<'g>, c: Candidate<'g>, out: &mut Vec<Candidate<'g>>) {
    if c.end - c.first != 1 || c.entry.is_some() || !c.text.contains('-') {
        out.push(c);
        return;
    }
    let parts: Vec<(usize, &str)> = c
        .text
        .split('-')
        .scan(0usize, |at, p| {
            let start = *at;
            *at += p.len() + 1;
            Some((start, p))
        })
        .collect();
    let known: Vec<Option<&'g Entry>> = parts
        .iter()
        .map(|(_, p)| gaz.choose(p, EntityKind::Place).filter(|e| e.tier >= 3))
        .collect();
    if parts.len() < 2 || known.iter().any(Option::is_none) {
        out.push(c);
        return;
    }
    for ((offset, part), entry) in parts.iter().zip(known) {
        let start = c.span.start + offset;
        let span = Span::new(start, start + part.len());
        let mut p = Candidate::with_span(
            doc,
            gaz,
            c.first,
            c.end,
            span,
            entry.map_or(c.kind, |e| e.kind),
        );
        p.entry = entry;
        out.push(p);
    }
}

/// Rejoins names the tagger cut in two ("Carnegie Endowment" "for" "International
/// Peace") when the gazetteer knows the joined name. Up to three tokens between, all
/// connectors or capitalised words, within a sentence.
fn join_fragments<'g>(doc: &Doc, gaz: &Gaz<'g>, cands: Vec<Candidate<'g>>) -> Vec<Candidate<'g>> {
    let mut out: Vec<Candidate<'g>> = Vec::with_capacity(cands.len());
    for c in cands {
        if let Some(prev) = out.last() {
            let gap = prev.end..c.first;
            let joinable = prev.end <= c.first
                && c.first - prev.end <= 3
                && doc.sentence(prev.first) == doc.sentence(c.first)
                && prev.span.end <= c.span.start
                && gap
                    .clone()
                    .all(|i| doc.is_cap(i) || lexicon::is_name_connector(doc.lower(i)));
            if joinable {
                let text = doc.text_of(prev.first, c.end);
                if let Some(e) = gaz
                    .choose(text, EntityKind::Organisation)
                    .filter(|e| e.tier >= 2)
                {
                    let prev = out.pop().expect("checked above");
                    let mut j = Candidate::new(doc, gaz, prev.first, c.end, e.kind);
                    j.entry = Some(e);
                    j.person_hint = prev.person_hint || c.person_hint;
                    out.push(j);
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// Headlines capitalise every word, so the tagger takes "Ceasefire Ultimatum" for a name.
/// A candidate in a headline stays when the gazetteer knows it or the body names it; else
/// only its words that the body or the gazetteer supports stay, each run as a candidate of
/// its own ("Putin Rejects Trump" → "Putin", "Trump").
fn drop_unsupported_headline_words<'g>(
    doc: &Doc,
    gaz: &Gaz<'g>,
    cands: Vec<Candidate<'g>>,
) -> Vec<Candidate<'g>> {
    if !cands.iter().any(|c| doc.in_headline(c.first)) {
        return cands;
    }
    let mut body_names: HashSet<String> = HashSet::new();
    let mut body_words: HashSet<String> = HashSet::new();
    for c in cands.iter().filter(|c| !doc.in_headline(c.first)) {
        body_names.insert(c.words.join("-"));
        for w in &c.words {
            body_words.insert(w.clone());
        }
    }
    let mut out = Vec::with_capacity(cands.len());
    for c in cands {
        if !doc.in_headline(c.first)
            || c.entry.is_some_and(|e| e.tier >= 2)
            || body_names.contains(&c.words.join("-"))
        {
            out.push(c);
            continue;
        }
        let supported = |i: usize| {
            let w = doc.word(i);
            fold::fold_words(w).iter().all(|f| body_words.contains(f))
                || gaz.choose(w, c.kind).is_some_and(|e| e.tier >= 3)
        };
        let mut i = c.first;
        while i < c.end {
            if !(doc.has_upper(i) && supported(i)) {
                i += 1;
                continue;
            }
            let start = i;
            while i < c.end && doc.has_upper(i) && supported(i) {
                i += 1;
            }
            let mut part = Candidate::new(doc, gaz, start, i, c.kind);
            part.person_hint = c.person_hint;
            out.push(part);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cands(text: &str, mentions: &[(&str, EntityKind)]) -> Vec<(String, EntityKind)> {
        let seg = tri_text::segment(text);
        let doc = Doc::new(text, &seg);
        let ms = crate::tests::mentions(text, mentions);
        candidates(&doc, &crate::gaz::Gaz::new(crate::tests::gaz()), &ms)
            .into_iter()
            .map(|c| (c.text, c.entry.map_or(c.kind, |e| e.kind)))
            .collect()
    }

    #[test]
    fn edges_possessives_and_leading_function_words_are_trimmed() {
        let got = cands(
            "Despite Trump's threats, Putin, the Kremlin chief, met Zelenskyy. By Observer News.",
            &[
                ("Despite Trump", EntityKind::Person),
                ("Putin,", EntityKind::Person),
                ("Zelenskyy.", EntityKind::Person),
                ("By Observer News", EntityKind::Place),
            ],
        );
        let names: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(names, ["Trump", "Putin", "Zelenskyy", "Observer News"]);
    }

    #[test]
    fn titles_are_split_off_and_trailing_roles_dropped() {
        let got = cands(
            "US President Donald Trump spoke. US Secretary of State Marco Rubio agreed. General Serebnyak said so.",
            &[("US President Donald Trump", EntityKind::Organisation), ("US Secretary", EntityKind::Organisation), ("Marco Rubio", EntityKind::Person), ("General Serebnyak", EntityKind::Person)],
        );
        let names: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(names, ["Donald Trump", "US", "Marco Rubio", "Serebnyak"]);
        assert_eq!(got[0].1, EntityKind::Person);
        assert_eq!(got[1].1, EntityKind::Place);
        let got = cands(
            "Stephen King and Kremlin spokesman Peskov spoke.",
            &[
                ("Stephen King", EntityKind::Person),
                ("Kremlin spokesman", EntityKind::Organisation),
                ("Peskov", EntityKind::Person),
            ],
        );
        let names: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(names, ["Stephen King", "Kremlin", "Peskov"]);
    }

    #[test]
    fn given_names_the_tagger_missed_are_added_when_the_gazetteer_knows_them() {
        let got = cands(
            "German Chancellor Friedrich Merz and Kremlin spokesman Dmitry Peskov met Ivan Merz.",
            &[
                ("German", EntityKind::Group),
                ("Merz", EntityKind::Person),
                ("Peskov", EntityKind::Person),
                ("Merz", EntityKind::Person),
            ],
        );
        let names: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(names, ["German", "Friedrich Merz", "Dmitry Peskov", "Merz"]);
    }

    #[test]
    fn mentions_are_cut_at_inner_punctuation() {
        let got = cands(
            "On July 4, Kyiv, Ukraine, was attacked; Washington, D.C. responded.",
            &[
                ("Kyiv, Ukraine", EntityKind::Place),
                ("Washington, D.C.", EntityKind::Place),
            ],
        );
        let names: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(names, ["Kyiv", "Ukraine", "Washington, D.C."]);
    }

    #[test]
    fn lower_case_junk_is_dropped_and_trailing_lower_case_trimmed() {
        let got = cands(
            "He said bullsh*t about the Kursk region that fell.",
            &[
                ("bullsh*t", EntityKind::Person),
                ("Kursk region that", EntityKind::Organisation),
            ],
        );
        assert_eq!(got, [("Kursk region".to_string(), EntityKind::Place)]);
    }

    #[test]
    fn split_names_are_rejoined_and_hyphenated_pairs_split() {
        let got = cands(
            "Ben Barry of the International Institute for Strategic Studies spoke on the Ukraine-Russia war.",
            &[("Ben Barry", EntityKind::Person), ("International Institute", EntityKind::Organisation), ("Strategic Studies", EntityKind::Place), ("Ukraine-Russia", EntityKind::Place)],
        );
        let names: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            names,
            [
                "Ben Barry",
                "International Institute for Strategic Studies",
                "Ukraine",
                "Russia"
            ]
        );
    }

    #[test]
    fn headline_fragments_need_support_from_the_body() {
        let text = "Putin Rejects Trump Ceasefire Deadline, Eyes Full Control\nVladimir Putin spoke to Donald Trump on Friday.";
        let got = cands(
            text,
            &[
                ("Putin Rejects Trump", EntityKind::Person),
                ("Deadline", EntityKind::Person),
                ("Eyes Full Control", EntityKind::Person),
                ("Vladimir Putin", EntityKind::Person),
                ("Donald Trump", EntityKind::Person),
            ],
        );
        let names: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(names, ["Putin", "Trump", "Vladimir Putin", "Donald Trump"]);
    }
}
