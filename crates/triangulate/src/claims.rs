//! Statements, their alignment into claims, the claims' status; and the dossier's other
//! sections (timeline, positions, quotes, figures, flags), each read off the articles.

use std::collections::{BTreeMap, HashMap};

use tri_model::{Event, EventType, Figure, SourceKind, Span};

use crate::words::{figure_term, stems};
use crate::{
    short, ActorPositions, ArticleInput, Claim, ClaimKind, FigureRef, FlagRef, Position, QuoteRef,
    SpeakerQuotes, Status, Support, TimelineEntry,
};

/// A statement joins a claim when it is this close (cosine of TF-IDF vectors) to one of
/// the claim's statements...
const LINK: f64 = 0.30;
/// ...and this close to the claim's centroid, so that a chain of near neighbours cannot
/// drift from what the claim says.
const CENTROID: f64 = 0.20;
/// Or, for statements of many clauses: this much of the rarer-weighted content of the
/// shorter one is in the other (idf-weighted overlap over the smaller mass), with at
/// least [`CONTAINED_TERMS`] terms shared and cosine [`CONTAINED_COSINE`]: "Ukraine's
/// defense may collapse in the coming months" inside a sentence that first says who is
/// confident of what.
const CONTAINED: f64 = 0.55;
/// Two statements that share fewer content terms than this are not compared: a short
/// clause can be close to another by two common words.
const SHARED_TERMS: usize = 4;
/// Two claims a statement bridges are merged when their centroids are this close.
const MERGE: f64 = 0.30;
const CONTAINED_TERMS: usize = 4;
const CONTAINED_COSINE: f64 = 0.15;
/// Units that say how long, not how much: "two months" in two sentences is no evidence
/// that they say the same thing.
const DURATIONS: &[&str] = &["s", "min", "h", "days", "weeks", "months", "years"];
/// Two values of one measure differ when they are further apart than this, relatively
/// (and an approximation, "nearly", "about", is not read as a conflict within it).
const VALUES_DIFFER: f64 = 0.10;

/// An origin: a key that counts it once and the name it is shown by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Origin {
    pub key: String,
    pub display: String,
}

impl Origin {
    fn named(name: &str) -> Origin {
        Origin {
            key: origin_key(name),
            display: name.trim().to_string(),
        }
    }
}

/// "The New York Times", "New York Times" and "the NYT" are one outlet, and "Bloomberg"
/// and "Bloomberg News" too: the key drops an article and the words outlets add to
/// their name.
fn origin_key(name: &str) -> String {
    let mut words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.first().is_some_and(|w| w == "the") {
        words.remove(0);
    }
    while words.len() > 1
        && matches!(
            words.last().map(String::as_str),
            Some("news" | "agency" | "newspaper" | "service" | "wire" | "com")
        )
    {
        words.pop();
    }
    words.join(" ")
}

/// Each article's origin: the report its provenance names as its origin, else the one the
/// clusterer gave it, else (for a copy) its original's, else its own outlet, else the
/// article itself.
pub(crate) fn article_origins(inputs: &[ArticleInput<'_>]) -> Vec<Origin> {
    let own: Vec<Option<Origin>> = inputs
        .iter()
        .map(|i| {
            let named = i.attributions.and_then(|a| {
                a.provenance
                    .origin
                    .and_then(|o| a.provenance.cited.get(o))
                    .map(|c| c.name.as_str())
            });
            named.or(i.origin).map(Origin::named)
        })
        .collect();
    inputs
        .iter()
        .enumerate()
        .map(|(k, i)| {
            if let Some(o) = &own[k] {
                return o.clone();
            }
            if let Some(original) = i.copy_of {
                if let Some(j) = inputs.iter().position(|x| x.article.id == original) {
                    if let Some(o) = &own[j] {
                        return o.clone();
                    }
                }
            }
            match &i.article.outlet {
                Some(outlet) => Origin::named(outlet),
                None => Origin {
                    key: format!("article:{}", i.article.id),
                    display: format!("article {}", short(&i.article.id)),
                },
            }
        })
        .collect()
}

/// One sentence that states something.
struct Statement<'a> {
    article: usize,
    span: Span,
    sentence: &'a str,
    /// The sentence with who says it and how blanked out ("According to two people
    /// close to the Kremlin, ..."): claims are compared by what they say.
    content: String,
    kind: ClaimKind,
    main: Option<&'a Event>,
    figures: Vec<&'a Figure>,
    negated: bool,
    origin: Origin,
    source: Option<String>,
    due: Option<String>,
    vector: Vec<(u32, f64)>,
    /// The same terms' raw weights (idf), for containment.
    raw: Vec<(u32, f64)>,
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// The sentence's text with the given spans replaced by spaces.
fn blank_out(text: &str, sentence: Span, blank: &[Span]) -> String {
    let mut out = String::with_capacity(sentence.end - sentence.start);
    for (i, c) in text[sentence.start..sentence.end].char_indices() {
        let at = sentence.start + i;
        if blank.iter().any(|b| b.start <= at && at < b.end) {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// Where a sentence divides into clauses that can state different things: "Russian
/// forces have made modest gains in 2025, capturing around 5,000 square kilometers, |
/// and believe Ukraine's defensive lines could collapse within months." Byte offsets
/// into the sentence; a side with fewer than three content words stays joined.
fn clauses(content: &str) -> Vec<(usize, usize)> {
    const BREAKS: &[&str] = &[", and ", "; ", ", but ", ", while ", ", whereas ", " but "];
    let mut cuts: Vec<usize> = Vec::new();
    // A bare "and" joins names as often as clauses: it divides only where both sides
    // have four content words or more.
    let mut from = 0;
    while let Some(i) = content[from..].find(" and ") {
        let at = from + i + 1;
        if stems(&content[..at]).len() >= 4 && stems(&content[at..]).len() >= 4 {
            cuts.push(at);
        }
        from = at + 4;
    }
    for b in BREAKS {
        let mut from = 0;
        while let Some(i) = content[from..].find(b) {
            cuts.push(from + i + 1);
            from += i + b.len();
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for cut in cuts.into_iter().chain(std::iter::once(content.len())) {
        let piece = &content[start..cut];
        if (stems(piece).len() >= 3 || out.is_empty())
            && (cut == content.len() || stems(&content[cut..]).len() >= 3)
        {
            out.push((start, cut));
            start = cut;
        }
    }
    if start < content.len() {
        match out.last_mut() {
            Some(last) => last.1 = content.len(),
            None => out.push((0, content.len())),
        }
    }
    out
}

fn statements<'a>(inputs: &[ArticleInput<'a>], origins: &[Origin]) -> Vec<Statement<'a>> {
    let mut out = Vec::new();
    // The outlets the dossier knows (its articles' own and the ones they cite): a
    // speaker by one of these names is that outlet, even where the attribution layer
    // did not know the name for an outlet's.
    let outlets: std::collections::HashSet<String> = inputs
        .iter()
        .flat_map(|i| {
            i.article.outlet.iter().map(|o| origin_key(o)).chain(
                i.attributions
                    .into_iter()
                    .flat_map(|a| a.provenance.cited.iter().map(|c| origin_key(&c.name))),
            )
        })
        .collect();
    for (k, input) in inputs.iter().enumerate() {
        let text = input.article.text.as_str();
        let segmented = tri_text::segment(text);
        let events: Vec<&Event> = input
            .events
            .iter()
            .filter(|e| e.removed_line.is_none())
            .collect();
        for sentence in &segmented.sentences {
            let span = sentence.span;
            let quote = input.attributions.and_then(|a| {
                a.quotes
                    .iter()
                    .find(|q| q.parts.iter().any(|p| overlaps(*p, span)))
                    .map(|q| (a, q))
            });
            // A quote's origin is the outlet it reaches the article through: the one it
            // is told via, or the outlet that is itself its speaker ("according to
            // Alpha Wire").
            let (origin, source) = match quote {
                Some((a, q)) => {
                    let speaker = q.source.and_then(|s| a.sources.get(s));
                    let outlet = q
                        .via
                        .and_then(|v| a.provenance.cited.get(v))
                        .map(|c| c.name.as_str())
                        .or_else(|| {
                            speaker
                                .filter(|s| {
                                    s.kind == SourceKind::Outlet
                                        || outlets.contains(&origin_key(&s.name))
                                })
                                .map(|s| {
                                    s.outlet
                                        .and_then(|o| a.provenance.cited.get(o))
                                        .map_or(s.name.as_str(), |c| c.name.as_str())
                                })
                        });
                    (
                        outlet.map_or_else(|| origins[k].clone(), Origin::named),
                        speaker.map(|s| s.name.clone()),
                    )
                }
                None => (origins[k].clone(), None),
            };
            let mut blank: Vec<Span> = Vec::new();
            if let Some(a) = input.attributions {
                for q in a
                    .quotes
                    .iter()
                    .filter(|q| q.parts.iter().any(|p| overlaps(*p, span)))
                {
                    blank.extend(q.cue);
                    blank.extend(q.speaker);
                }
                for src in &a.sources {
                    blank.extend(src.mentions.iter().copied().filter(|m| overlaps(*m, span)));
                }
            }
            let content = blank_out(text, span, &blank);
            for (from, to) in clauses(&content) {
                let clause = Span::new(span.start + from, span.start + to);
                let inside = |x: Span| x.start >= clause.start && x.start < clause.end;
                let in_clause: Vec<&Event> = events
                    .iter()
                    .copied()
                    .filter(|e| overlaps(e.sentence, span) && inside(e.trigger))
                    .collect();
                let main = in_clause
                    .iter()
                    .copied()
                    .find(|e| e.main)
                    .or_else(|| in_clause.first().copied());
                let figures: Vec<&Figure> = input
                    .figures
                    .iter()
                    .filter(|f| inside(f.span) && f.span.end <= span.end)
                    .collect();
                let due = input.chronology.and_then(|c| {
                    c.predictions
                        .iter()
                        .filter(|p| {
                            overlaps(p.sentence, span)
                                && c.timexes.get(p.timex).is_none_or(|t| inside(t.span))
                        })
                        .map(|p| p.due.clone())
                        .min()
                });
                let kind = if due.is_some() {
                    ClaimKind::Prediction
                } else if main.is_some() {
                    ClaimKind::Event
                } else if quote.is_some() {
                    ClaimKind::Quote
                } else if !figures.is_empty() {
                    ClaimKind::Figure
                } else {
                    continue;
                };
                out.push(Statement {
                    article: k,
                    span,
                    sentence: span.of(text),
                    content: content[from..to].to_string(),
                    kind,
                    main,
                    negated: main.is_some_and(|e| e.negated),
                    figures,
                    origin: origin.clone(),
                    source: source.clone(),
                    due,
                    vector: Vec::new(),
                    raw: Vec::new(),
                });
            }
        }
    }
    out
}

/// TF-IDF vectors of the statements, L2-normalised, over one vocabulary.
fn vectorize(statements: &mut [Statement<'_>]) {
    let mut vocabulary: HashMap<String, u32> = HashMap::new();
    let mut df: Vec<u32> = Vec::new();
    let mut counts: Vec<HashMap<u32, f64>> = Vec::with_capacity(statements.len());
    for s in statements.iter() {
        let mut c: HashMap<u32, f64> = HashMap::new();
        let terms = stems(&s.content).into_iter().map(|t| (t, 1.0)).chain(
            s.figures
                .iter()
                .filter(|f| f.unit.as_deref().is_some_and(|u| !DURATIONS.contains(&u)))
                .map(|f| (figure_term(f.value, f.unit.as_deref()), 1.0)),
        );
        for (t, w) in terms {
            let next = vocabulary.len() as u32;
            let id = *vocabulary.entry(t).or_insert(next);
            if id == next {
                df.push(0);
            }
            *c.entry(id).or_default() += w;
        }
        for id in c.keys() {
            df[*id as usize] += 1;
        }
        counts.push(c);
    }
    let n = statements.len() as f64;
    for (s, c) in statements.iter_mut().zip(counts) {
        let mut v: Vec<(u32, f64)> = c
            .into_iter()
            .map(|(t, tf)| {
                let idf = ((n + 1.0) / (f64::from(df[t as usize]) + 1.0)).ln() + 1.0;
                (t, (1.0 + tf.ln()) * idf)
            })
            .collect();
        v.sort_unstable_by_key(|(t, _)| *t);
        s.raw = v.clone();
        let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt().max(1e-12);
        for (_, w) in &mut v {
            *w /= norm;
        }
        v.sort_unstable_by_key(|(t, _)| *t);
        s.vector = v;
    }
}

fn cosine(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// How much of the smaller statement's weight the two share, and how many terms.
fn containment(a: &[(u32, f64)], b: &[(u32, f64)]) -> (f64, usize) {
    let (mut i, mut j, mut shared, mut n) = (0, 0, 0.0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += a[i].1.min(b[j].1);
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let mass = |v: &[(u32, f64)]| v.iter().map(|(_, w)| w).sum::<f64>();
    (shared / mass(a).min(mass(b)).max(1e-12), n)
}

/// How strongly two statements say the same: their cosine, or a high score when the
/// shorter is contained in the longer.
fn link(a: &Statement<'_>, b: &Statement<'_>) -> f64 {
    let cos = cosine(&a.vector, &b.vector);
    let (share, n) = containment(&a.raw, &b.raw);
    if n < SHARED_TERMS {
        return 0.0;
    }
    if cos >= LINK {
        return cos;
    }
    if cos >= CONTAINED_COSINE && share >= CONTAINED && n >= CONTAINED_TERMS {
        return LINK;
    }
    cos
}

/// A claim's centroid: the sum of its statements' vectors, with its squared norm kept
/// as it grows, so that checking a statement against a claim of thousands of terms
/// reads only the statement's terms.
#[derive(Default)]
struct Centroid {
    weights: HashMap<u32, f64>,
    norm2: f64,
}

impl Centroid {
    fn add(&mut self, t: u32, w: f64) {
        let old = self.weights.entry(t).or_default();
        self.norm2 += (*old + w) * (*old + w) - *old * *old;
        *old += w;
    }

    /// Cosine with another centroid, reading the smaller.
    fn cosine(&self, other: &Centroid) -> f64 {
        let (small, large) = if self.weights.len() <= other.weights.len() {
            (self, other)
        } else {
            (other, self)
        };
        let dot: f64 = small
            .weights
            .iter()
            .map(|(t, w)| large.weights.get(t).copied().unwrap_or(0.0) * w)
            .sum();
        dot / (self.norm2.sqrt() * other.norm2.sqrt()).max(1e-12)
    }
}

fn centroid_cosine(centroid: &Centroid, v: &[(u32, f64)]) -> f64 {
    let norm = centroid.norm2.sqrt().max(1e-12);
    v.iter()
        .map(|(t, w)| centroid.weights.get(t).copied().unwrap_or(0.0) * w)
        .sum::<f64>()
        / norm
}

/// Statement groups: each a claim. Statements are taken in article order; each joins the
/// closest group it links to (see [`LINK`], [`CENTROID`]) or starts one. Candidate
/// groups come from an index of each group's strongest terms, so a thousand articles
/// are not compared pair by pair.
fn group(statements: &[Statement<'_>]) -> Vec<Vec<usize>> {
    // Terms in more than this many statements find too many candidates to be worth
    // looking up; the rarer ones a statement shares with a claim find it.
    let mut df: HashMap<u32, usize> = HashMap::new();
    for s in statements {
        for (t, _) in &s.vector {
            *df.entry(*t).or_default() += 1;
        }
    }
    let common = (statements.len() / 50).max(20);
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut centroids: Vec<Centroid> = Vec::new();
    let mut index: HashMap<u32, Vec<usize>> = HashMap::new();
    // Which group each group was merged into.
    let mut merged: Vec<usize> = Vec::new();
    let find = |merged: &Vec<usize>, mut g: usize| {
        while merged[g] != g {
            g = merged[g];
        }
        g
    };
    for (si, s) in statements.iter().enumerate() {
        let lookup: Vec<u32> = s
            .vector
            .iter()
            .map(|(t, _)| *t)
            .filter(|t| df[t] <= common)
            .collect();
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for t in &lookup {
            for &g in index.get(t).into_iter().flatten() {
                *shared.entry(find(&merged, g)).or_default() += 1;
            }
        }
        let mut candidates: Vec<(usize, usize)> = shared.into_iter().collect();
        candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates.truncate(64);
        let mut linked: Vec<(usize, f64)> = Vec::new();
        for (g, _) in candidates {
            let best = groups[g]
                .iter()
                .rev()
                .take(32)
                .map(|&m| link(s, &statements[m]))
                .fold(0.0, f64::max);
            if best >= LINK && centroid_cosine(&centroids[g], &s.vector) >= CENTROID {
                linked.push((g, best));
            }
        }
        linked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let g = match linked.first() {
            Some(&(g, _)) => {
                groups[g].push(si);
                // A statement that says the same as two claims joins them when they are
                // about the same thing as a whole (their centroids agree): one bridging
                // sentence that says two things must not chain two claims into one.
                for &(other, _) in &linked[1..] {
                    if centroids[other].cosine(&centroids[g]) >= MERGE {
                        let members = std::mem::take(&mut groups[other]);
                        groups[g].extend(members);
                        let c = std::mem::take(&mut centroids[other]);
                        for (t, w) in c.weights {
                            centroids[g].add(t, w);
                        }
                        merged[other] = g;
                    }
                }
                g
            }
            None => {
                groups.push(vec![si]);
                centroids.push(Centroid::default());
                merged.push(groups.len() - 1);
                groups.len() - 1
            }
        };
        for (t, w) in &s.vector {
            centroids[g].add(*t, *w);
        }
        for t in lookup {
            let list = index.entry(t).or_default();
            if list.last() != Some(&g) {
                list.push(g);
            }
        }
    }
    let mut out: Vec<Vec<usize>> = groups.into_iter().filter(|g| !g.is_empty()).collect();
    for g in &mut out {
        g.sort_unstable();
    }
    out.sort_by_key(|g| g[0]);
    out
}

/// Claims made by the same sentences are one claim, whichever clauses of them made
/// each: the sentences are what a reader checks, and two rows for them say nothing more.
fn merge_same_sentence(groups: Vec<Vec<usize>>, statements: &[Statement<'_>]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::with_capacity(groups.len());
    let mut by_sentences: HashMap<Vec<(usize, usize)>, usize> = HashMap::new();
    for g in groups {
        let mut key: Vec<(usize, usize)> = g
            .iter()
            .map(|&m| (statements[m].article, statements[m].span.start))
            .collect();
        key.sort_unstable();
        key.dedup();
        match by_sentences.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => out[*e.get()].extend(g),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(out.len());
                out.push(g);
            }
        }
    }
    out
}

/// Whether two values of one unit disagree, given how each is hedged.
fn values_differ(a: &Figure, b: &Figure) -> bool {
    let hi = a.value.abs().max(b.value.abs());
    if hi == 0.0 {
        return false;
    }
    let range_a = a.upper.map_or(a.value..=a.value, |u| a.value..=u);
    let range_b = b.upper.map_or(b.value..=b.value, |u| b.value..=u);
    if range_a.contains(&b.value) || range_b.contains(&a.value) {
        return false;
    }
    let slack = if a.approx.is_some() || b.approx.is_some() {
        2.0 * VALUES_DIFFER
    } else {
        VALUES_DIFFER
    };
    (a.value - b.value).abs() / hi > slack
}

fn period(f: &Figure) -> Option<&str> {
    f.period_value.as_deref().or(f.period.as_deref())
}

/// The figure of a unit a statement gives, when it gives just one of that unit.
fn only_of_unit<'a>(s: &Statement<'a>, unit: &str) -> Option<&'a Figure> {
    let mut of: Vec<&Figure> = s
        .figures
        .iter()
        .copied()
        .filter(|f| f.unit.as_deref() == Some(unit))
        .collect();
    (of.len() == 1).then(|| of.remove(0))
}

/// Conflicts between two statements of one claim: values of one measure, or an event
/// asserted in one and negated in the other.
fn conflict(a: &Statement<'_>, b: &Statement<'_>, inputs: &[ArticleInput<'_>]) -> Option<String> {
    for fa in &a.figures {
        let Some(unit) = fa.unit.as_deref() else {
            continue;
        };
        let (Some(x), Some(y)) = (only_of_unit(a, unit), only_of_unit(b, unit)) else {
            continue;
        };
        if period(x) == period(y) && values_differ(x, y) {
            return Some(format!(
                "\"{}\" ({}) against \"{}\" ({})",
                x.text,
                short(&inputs[a.article].article.id),
                y.text,
                short(&inputs[b.article].article.id)
            ));
        }
    }
    if let (Some(ea), Some(eb)) = (a.main, b.main) {
        if ea.kind == eb.kind && ea.negated != eb.negated {
            let (yes, no) = if ea.negated { (b, a) } else { (a, b) };
            return Some(format!(
                "{} asserted in {}, negated in {}",
                ea.kind,
                short(&inputs[yes.article].article.id),
                short(&inputs[no.article].article.id)
            ));
        }
    }
    None
}

fn participant_names(ps: &[tri_model::Participant]) -> String {
    ps.iter()
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn event_label(e: &Event) -> String {
    let actor = participant_names(&e.actor);
    let recipient = participant_names(&e.recipient);
    let mut out = if actor.is_empty() {
        e.kind.to_string()
    } else {
        format!("{actor} {}", e.kind)
    };
    if !recipient.is_empty() {
        out.push_str(" → ");
        out.push_str(&recipient);
    }
    if e.negated {
        out.push_str(" (negated)");
    }
    out
}

fn figure_label(f: &Figure) -> String {
    let approx = if f.approx.is_some() { "≈" } else { "" };
    format!(
        "{approx}{}",
        crate::value_with_unit(f.value, f.unit.as_deref())
    )
}

/// The label its statements share: the figure all of them give (then `true`), else the
/// event most of them code.
fn label(members: &[&Statement<'_>]) -> (Option<String>, bool) {
    let terms = |s: &Statement<'_>| -> Vec<(String, String)> {
        s.figures
            .iter()
            .map(|f| (figure_term(f.value, f.unit.as_deref()), figure_label(f)))
            .collect()
    };
    if let Some(first) = members.first() {
        for (term, shown) in terms(first) {
            if members[1..]
                .iter()
                .all(|m| terms(m).iter().any(|(t, _)| *t == term))
            {
                return (Some(shown), true);
            }
        }
    }
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for m in members {
        if let Some(e) = m.main {
            *counts.entry(event_label(e)).or_default() += 1;
        }
    }
    let best = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(l, _)| l);
    (best, false)
}

/// Open until the due date, due on it, past due after it.
pub(crate) fn due_status(due: &str, today: &str) -> &'static str {
    match today.cmp(due) {
        std::cmp::Ordering::Less => "open",
        std::cmp::Ordering::Equal => "due",
        std::cmp::Ordering::Greater => "past due",
    }
}

/// The claims of the articles, most supported first.
pub(crate) fn claims(inputs: &[ArticleInput<'_>], origins: &[Origin], today: &str) -> Vec<Claim> {
    let mut statements = statements(inputs, origins);
    vectorize(&mut statements);
    let groups = merge_same_sentence(group(&statements), &statements);
    let mut claims: Vec<(usize, Claim)> = Vec::new();
    for (order, members) in groups.iter().enumerate() {
        let ms: Vec<&Statement<'_>> = members.iter().map(|&i| &statements[i]).collect();
        let mut origin_keys: Vec<&str> = Vec::new();
        let mut origin_names: Vec<String> = Vec::new();
        let mut articles: Vec<String> = Vec::new();
        for m in &ms {
            if !origin_keys.contains(&m.origin.key.as_str()) {
                origin_keys.push(&m.origin.key);
                origin_names.push(m.origin.display.clone());
            }
            let id = &inputs[m.article].article.id;
            if !articles.contains(id) {
                articles.push(id.clone());
            }
        }
        let mut conflicts: Vec<String> = Vec::new();
        let mut internal = false;
        for (x, a) in ms.iter().enumerate() {
            for b in &ms[x + 1..] {
                if let Some(c) = conflict(a, b, inputs) {
                    internal |= a.article == b.article;
                    if !conflicts.contains(&c) {
                        conflicts.push(c);
                    }
                }
            }
        }
        let status = if internal {
            Status::InternallyInconsistent
        } else if !conflicts.is_empty() {
            Status::Contested
        } else if origin_keys.len() >= 2 {
            Status::Corroborated
        } else {
            Status::SingleOrigin
        };
        let due = ms.iter().filter_map(|m| m.due.clone()).min();
        let (label, by_figure) = label(&ms);
        let kind = if due.is_some() {
            ClaimKind::Prediction
        } else if by_figure {
            ClaimKind::Figure
        } else {
            let mut kinds: Vec<(ClaimKind, usize)> = Vec::new();
            for m in &ms {
                match kinds.iter_mut().find(|(k, _)| *k == m.kind) {
                    Some((_, n)) => *n += 1,
                    None => kinds.push((m.kind, 1)),
                }
            }
            kinds
                .into_iter()
                .max_by_key(|(_, n)| *n)
                .map_or(ClaimKind::Statement, |(k, _)| k)
        };
        // The statement closest to the others stands for the claim.
        let representative = (0..ms.len())
            .max_by(|&a, &b| {
                let score = |i: usize| -> f64 {
                    ms.iter()
                        .map(|m| cosine(&ms[i].vector, &m.vector))
                        .sum::<f64>()
                };
                score(a).total_cmp(&score(b)).then(b.cmp(&a))
            })
            .unwrap_or(0);
        // One statement per sentence: two clauses of one sentence are one place to check.
        let mut seen_sentences: Vec<(usize, usize)> = Vec::new();
        let support = ms
            .iter()
            .filter(|m| {
                let key = (m.article, m.span.start);
                let new = !seen_sentences.contains(&key);
                seen_sentences.push(key);
                new
            })
            .map(|m| Support {
                article: inputs[m.article].article.id.clone(),
                origin: m.origin.display.clone(),
                source: m.source.clone(),
                span: m.span,
                sentence: m.sentence.to_string(),
                negated: m.negated,
            })
            .collect();
        claims.push((
            order,
            Claim {
                id: String::new(),
                text: ms[representative].sentence.trim().to_string(),
                label,
                kind,
                status,
                origins: origin_names,
                articles,
                support,
                conflicts,
                due_status: due.as_deref().map(|d| due_status(d, today).to_string()),
                due,
            },
        ));
    }
    for input in inputs {
        let Some(c) = input.chronology else { continue };
        for flag in &c.flags {
            let sentence = flag.sentence.of(&input.article.text).trim().to_string();
            claims.push((
                usize::MAX,
                Claim {
                    id: String::new(),
                    text: sentence.clone(),
                    label: c.timexes.get(flag.timex).map(|t| format!("\"{}\"", t.text)),
                    kind: ClaimKind::Flag,
                    status: Status::InternallyInconsistent,
                    origins: Vec::new(),
                    articles: vec![input.article.id.clone()],
                    support: vec![Support {
                        article: input.article.id.clone(),
                        origin: String::new(),
                        source: None,
                        span: flag.sentence,
                        sentence,
                        negated: false,
                    }],
                    conflicts: vec![flag.explanation.clone()],
                    due: None,
                    due_status: None,
                },
            ));
        }
    }
    let rank = |c: &Claim| match c.status {
        Status::Corroborated => 0,
        Status::Contested => 1,
        Status::InternallyInconsistent => 2,
        Status::SingleOrigin => 3,
    };
    claims.sort_by(|(oa, a), (ob, b)| {
        rank(a)
            .cmp(&rank(b))
            .then(b.origins.len().cmp(&a.origins.len()))
            .then(b.articles.len().cmp(&a.articles.len()))
            .then(oa.cmp(ob))
    });
    claims
        .into_iter()
        .enumerate()
        .map(|(i, (_, mut c))| {
            c.id = format!("c{}", i + 1);
            c
        })
        .collect()
}

/// Dated events, predictions by their due date, and flagged dates, in date order; one
/// entry for the same dated event told by several articles.
pub(crate) fn timeline(inputs: &[ArticleInput<'_>]) -> Vec<TimelineEntry> {
    let mut entries: Vec<TimelineEntry> = Vec::new();
    let mut seen: HashMap<(String, String, String), usize> = HashMap::new();
    let mut push = |date: String, kind: &str, text: String, article: &str, span: Span| match seen
        .entry((date.clone(), kind.to_string(), text.clone()))
    {
        std::collections::hash_map::Entry::Occupied(e) => {
            let entry = &mut entries[*e.get()];
            if !entry.articles.iter().any(|a| a == article) {
                entry.articles.push(article.to_string());
            }
        }
        std::collections::hash_map::Entry::Vacant(e) => {
            e.insert(entries.len());
            entries.push(TimelineEntry {
                date,
                kind: kind.to_string(),
                text,
                articles: vec![article.to_string()],
                span,
            });
        }
    };
    for input in inputs {
        let id = &input.article.id;
        for e in input.events {
            let Some(d) = &e.date else { continue };
            if e.removed_line.is_some() || !is_calendar(&d.value) {
                continue;
            }
            push(d.value.clone(), "event", event_label(e), id, e.span);
        }
        if let Some(c) = input.chronology {
            for p in &c.predictions {
                let sentence = p.sentence.of(&input.article.text).trim().to_string();
                push(p.due.clone(), p.kind.as_str(), sentence, id, p.sentence);
            }
        }
    }
    entries.sort_by(|a, b| a.date.cmp(&b.date).then(a.kind.cmp(&b.kind)));
    entries
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn is_calendar(value: &str) -> bool {
    let b = value.as_bytes();
    matches!(b.len(), 4 | 7 | 10)
        && b[..4].iter().all(u8::is_ascii_digit)
        && (b.len() == 4 || b[4] == b'-')
        && value
            .chars()
            .filter(|c| *c != '-')
            .all(|c| c.is_ascii_digit())
}

/// The categories that state a position: what an actor wants, refuses, threatens,
/// offers, blames or backs.
const POSITIONS: &[EventType] = &[
    EventType::Request,
    EventType::Reject,
    EventType::Threaten,
    EventType::Agree,
    EventType::Accuse,
    EventType::Support,
    EventType::Concede,
];

pub(crate) fn actors(inputs: &[ArticleInput<'_>]) -> Vec<ActorPositions> {
    let mut out: Vec<ActorPositions> = Vec::new();
    let mut by_actor: HashMap<String, usize> = HashMap::new();
    let mut by_position: HashMap<(usize, String, Vec<String>, bool), usize> = HashMap::new();
    for input in inputs {
        for e in input.events {
            if !POSITIONS.contains(&e.kind) || e.removed_line.is_some() {
                continue;
            }
            let Some(actor) = e.actor.first() else {
                continue;
            };
            let recipient: Vec<String> = e.recipient.iter().map(|p| p.name.clone()).collect();
            let a = *by_actor.entry(actor.name.clone()).or_insert_with(|| {
                out.push(ActorPositions {
                    actor: actor.name.clone(),
                    code: actor.code.clone(),
                    positions: Vec::new(),
                });
                out.len() - 1
            });
            let category = e.kind.as_str().to_string();
            let id = &input.article.id;
            let key = (a, category.clone(), recipient.clone(), e.negated);
            match by_position.get(&key) {
                Some(&p) => {
                    let p = &mut out[a].positions[p];
                    if !p.articles.contains(id) {
                        p.articles.push(id.clone());
                    }
                }
                None => {
                    by_position.insert(key, out[a].positions.len());
                    out[a].positions.push(Position {
                        category,
                        text: e.text.clone(),
                        recipient,
                        modality: e.modality.as_str().to_string(),
                        negated: e.negated,
                        articles: vec![id.clone()],
                        span: e.span,
                    });
                }
            }
        }
    }
    out.sort_by(|a, b| {
        b.positions
            .len()
            .cmp(&a.positions.len())
            .then(a.actor.cmp(&b.actor))
    });
    out
}

pub(crate) fn quotes(inputs: &[ArticleInput<'_>]) -> Vec<SpeakerQuotes> {
    let mut out: Vec<SpeakerQuotes> = Vec::new();
    let mut by_speaker: HashMap<String, usize> = HashMap::new();
    for input in inputs {
        let Some(a) = input.attributions else {
            continue;
        };
        for q in &a.quotes {
            let source = q.source.and_then(|s| a.sources.get(s));
            let speaker = source.map_or("unattributed", |s| s.name.as_str());
            let kind = source.map_or("unknown", |s| s.kind.as_str());
            let i = *by_speaker.entry(speaker.to_lowercase()).or_insert_with(|| {
                out.push(SpeakerQuotes {
                    speaker: speaker.to_string(),
                    kind: kind.to_string(),
                    quotes: Vec::new(),
                });
                out.len() - 1
            });
            let entry = &mut out[i];
            entry.quotes.push(QuoteRef {
                text: q.text.clone(),
                kind: q.kind.as_str().to_string(),
                article: input.article.id.clone(),
                span: q.extent(),
                via: q
                    .via
                    .and_then(|v| a.provenance.cited.get(v))
                    .map(|c| c.name.clone()),
            });
        }
    }
    out.sort_by(|a, b| {
        b.quotes
            .len()
            .cmp(&a.quotes.len())
            .then(a.speaker.cmp(&b.speaker))
    });
    out
}

pub(crate) fn figures(inputs: &[ArticleInput<'_>]) -> Vec<FigureRef> {
    inputs
        .iter()
        .flat_map(|i| {
            i.figures.iter().map(|f| FigureRef {
                text: f.text.clone(),
                value: f.value,
                unit: f.unit.clone(),
                period: f.period.clone(),
                source: f.source.clone(),
                article: i.article.id.clone(),
                span: f.span,
            })
        })
        .collect()
}

pub(crate) fn flags(inputs: &[ArticleInput<'_>]) -> Vec<FlagRef> {
    let mut out = Vec::new();
    for input in inputs {
        let Some(c) = input.chronology else { continue };
        for f in &c.flags {
            out.push(FlagRef {
                article: input.article.id.clone(),
                text: c
                    .timexes
                    .get(f.timex)
                    .map_or_else(String::new, |t| t.text.clone()),
                explanation: f.explanation.clone(),
                span: f.sentence,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_names_count_once() {
        assert_eq!(origin_key("Bloomberg News"), origin_key("Bloomberg"));
        assert_eq!(
            origin_key("The New York Times"),
            origin_key("New York Times")
        );
        assert_ne!(origin_key("Reuters"), origin_key("Bloomberg"));
    }

    #[test]
    fn predictions_fall_due() {
        assert_eq!(due_status("2025-10-05", "2025-08-01"), "open");
        assert_eq!(due_status("2025-10-05", "2025-10-05"), "due");
        assert_eq!(due_status("2025-10-05", "2026-12-07"), "past due");
    }

    #[test]
    fn clauses_divide_where_a_sentence_says_two_things() {
        let s = "Russian forces have made modest gains in 2025, capturing around 5,000 square \
                 kilometers, and believe Ukraine's defensive lines could collapse within months.";
        let parts: Vec<&str> = clauses(s).into_iter().map(|(a, b)| &s[a..b]).collect();
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert!(parts[1].contains("collapse"));
        let short = "Russia and Ukraine met, and talked.";
        assert_eq!(clauses(short).len(), 1);
    }

    #[test]
    fn calendar_values() {
        assert!(is_calendar("2025-07-09"));
        assert!(is_calendar("2025-07"));
        assert!(is_calendar("2025"));
        assert!(!is_calendar("PRESENT_REF"));
        assert!(!is_calendar("2025-W32"));
    }
}
