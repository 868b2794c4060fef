//! Stories and storylines, in one pass over a stream of articles in date order.
//!
//! Each article becomes a sparse TF-IDF vector of its content words and names (the title
//! counts twice; a capitalised word inside a sentence is a name and weighs more; the
//! document frequencies are those of the stream so far, so nothing is read twice). It
//! joins the story whose centroid it is most similar to, the similarity decayed by the
//! days since the story's last article, when that reaches the threshold; otherwise it
//! starts a story. Candidate stories come from an inverted index of their strongest
//! terms, so an article is compared with a handful of stories, not all of them. A story
//! quiet for longer than the window closes: it leaves the index, keeps a small profile
//! (for storylines and listings), and its articles' placements are settled and handed
//! out ([`StoryClusterer::drain_settled`]), so the clusterer holds the live stories'
//! articles only. A syndicated copy (see [`crate::NearDuplicates`]) joins its original's
//! story directly.
//!
//! Storylines link stories over weeks: two stories are one thread when the names they
//! are about overlap (cosine of their name profiles) within a longer window.
//!
//! Rewrites: articles of one story that retell one report share its quotes, its
//! anonymous-source descriptors and its figures. An article that names no origin gets
//! the origin of the articles it shares the most of them with, marked as inferred.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::NearDuplicates;

/// What the clusterer needs of an article: its text and time, and what attribution
/// found in it (empty when the caller has no annotations).
#[derive(Debug, Clone, Default)]
pub struct StoryInput {
    /// The article's id.
    pub id: String,
    /// Seconds since the epoch; undated articles cluster as if published with the last
    /// dated one before them, on a stricter threshold.
    pub published: Option<i64>,
    /// Headline.
    pub title: Option<String>,
    /// Clean body text.
    pub text: String,
    /// The outlet that published it.
    pub outlet: Option<String>,
    /// The outlet the text names as its origin ("told Reuters"), if any.
    pub origin: Option<String>,
    /// The quotes' texts and the anonymous sources' descriptors: what rewrites of one
    /// report share.
    pub evidence: Vec<String>,
}

impl StoryInput {
    /// The input for a stored article: its text, title and outlet, the origin its
    /// attribution names, and its quotes and anonymous sources as evidence. `published`
    /// is the caller's best date for it (the metadata's, else the inferred one).
    pub fn from_article(
        article: &tri_model::Article,
        attributions: Option<&tri_model::Attributions>,
        published: Option<i64>,
    ) -> StoryInput {
        let (origin, evidence) = match attributions {
            Some(a) => {
                let origin = a
                    .provenance
                    .origin
                    .and_then(|i| a.provenance.cited.get(i))
                    .map(|c| c.name.clone());
                let evidence = a
                    .quotes
                    .iter()
                    .filter(|q| !q.fragment)
                    .map(|q| q.text.clone())
                    .chain(a.sources.iter().filter_map(|s| s.descriptor.clone()))
                    .collect();
                (origin, evidence)
            }
            None => (None, Vec::new()),
        };
        StoryInput {
            id: article.id.clone(),
            published,
            title: article.title.clone(),
            text: article.text.clone(),
            outlet: article.outlet.clone(),
            origin,
            evidence,
        }
    }
}

/// Seconds since the epoch of an ISO 8601 date (`2025-08-05`, taken as its midnight UTC)
/// or date-time (`2025-08-05T14:03:00Z`, `2025-08-05 14:03:00`), or an RFC 2822 one.
pub fn epoch_seconds(value: &str) -> Option<i64> {
    let v = value.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(v) {
        return Some(t.timestamp());
    }
    if let Ok(t) = chrono::DateTime::parse_from_rfc2822(v) {
        return Some(t.timestamp());
    }
    for format in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = chrono::NaiveDateTime::parse_from_str(v, format) {
            return Some(t.and_utc().timestamp());
        }
    }
    let date = chrono::NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()?;
    Some(date.and_hms_opt(0, 0, 0)?.and_utc().timestamp())
}

/// The knobs of the clusterer; the defaults were chosen on the development split named
/// in the README.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StoryConfig {
    /// Least decayed cosine similarity for an article to join a story.
    pub join: f64,
    /// The same for an article with no date.
    pub join_undated: f64,
    /// Days over which a story's pull falls by a factor e.
    pub decay_days: f64,
    /// Days after its last article that a story stops taking new ones.
    pub window_days: f64,
    /// Least cosine of name profiles for two stories to share a storyline.
    pub storyline: f64,
    /// Days between two stories beyond which they are not linked.
    pub storyline_days: f64,
}

impl Default for StoryConfig {
    fn default() -> Self {
        StoryConfig {
            join: 0.15,
            join_undated: 0.35,
            decay_days: 7.0,
            window_days: 21.0,
            storyline: 0.35,
            storyline_days: 120.0,
        }
    }
}

/// Where one article went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Placement {
    /// Index of its story in [`Clustering::stories`].
    pub story: usize,
    /// The article it is a near-duplicate copy of, if any.
    pub copy_of: Option<String>,
    /// Its origin: the outlet it names, else the one inferred from the rewrites it shares
    /// quotes and sources with.
    pub origin: Option<String>,
    /// The articles the origin was inferred from (empty when the article names it).
    pub origin_inferred_from: Vec<String>,
}

/// A story: articles about one happening (or retelling one report).
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// Stable id: `s-` and the first 12 hex digits of its earliest article's id.
    pub id: String,
    /// Article ids in the order they joined (those not drained before the result).
    pub articles: Vec<String>,
    /// How many articles it has, drained or not.
    pub size: usize,
    /// Earliest and latest publication time, seconds since the epoch.
    pub first: Option<i64>,
    /// See `first`.
    pub last: Option<i64>,
    /// Index of its storyline in [`Clustering::storylines`].
    pub storyline: usize,
    /// The terms that weigh most in it, as a label.
    pub keywords: Vec<String>,
}

/// The result of clustering a stream.
#[derive(Debug, Clone, Default)]
pub struct Clustering {
    /// Stories in order of their first article.
    pub stories: Vec<Story>,
    /// Each storyline as the indices of its stories.
    pub storylines: Vec<Vec<usize>>,
    /// Where each article went, by article id.
    pub placements: HashMap<String, Placement>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Seen {
    id: String,
    published: Option<i64>,
    /// The origin the article names, or the one inferred for it.
    origin: Option<String>,
    /// The articles an inferred origin comes from.
    inferred_from: Vec<String>,
    /// Its story.
    story: usize,
    /// The earlier article it copies: its number and id.
    copy_of: Option<(usize, String)>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct LiveStory {
    /// `s-` and the first 12 hex digits of its earliest article's id, once closed.
    id: String,
    /// How many articles joined it.
    size: usize,
    centroid: HashMap<u32, f64>,
    names: HashMap<u32, f64>,
    last: Option<i64>,
    first: Option<i64>,
    articles: Vec<usize>,
    /// Terms under which the inverted index lists it.
    indexed: Vec<u32>,
    open: bool,
}

/// The streaming clusterer. Its state can be saved ([`StoryClusterer::to_json`]) and read
/// back ([`StoryClusterer::from_json`]) between runs, so that new articles join the
/// stories already found without clustering the old ones again.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoryClusterer {
    /// [`FORMAT`] when saved: a state of another format is not read.
    format: u32,
    config: StoryConfig,
    vocabulary: HashMap<String, u32>,
    df: Vec<u32>,
    name_term: Vec<bool>,
    /// Stories still taking articles.
    open: Vec<usize>,
    documents: u32,
    stories: Vec<LiveStory>,
    index: HashMap<u32, Vec<usize>>,
    /// Near-duplicates of the current window and of the one before: copies are
    /// published within days of each other, and older signatures are let go.
    duplicates: NearDuplicates<(usize, String)>,
    previous_duplicates: NearDuplicates<(usize, String)>,
    duplicates_since: Option<i64>,
    /// The articles of open stories, by their number in the stream: what the result
    /// needs of them. Those of a closed story are settled and handed out.
    seen: HashMap<usize, Seen>,
    seen_ids: HashMap<String, usize>,
    /// How many articles have been placed.
    placed: usize,
    /// What rewrites share, kept only while an article's story is open.
    evidence: HashMap<usize, Evidence>,
    /// Placements of the articles of closed stories, until taken
    /// ([`StoryClusterer::drain_settled`]).
    settled: Vec<(String, Placement)>,
    clock: Option<i64>,
}

/// The layout of a saved state; a change to the clusterer's fields or features bumps it.
const FORMAT: u32 = 2;

/// Terms per story kept in the centroid and the inverted index.
const CENTROID_TERMS: usize = 120;
const INDEX_TERMS: usize = 12;
const ARTICLE_TERMS: usize = 60;
/// Names kept per closed story, for storylines.
const NAME_TERMS: usize = 12;
/// How much more a name weighs than a common word.
const NAME_BOOST: f64 = 1.5;

impl StoryClusterer {
    /// A clusterer with these knobs.
    pub fn new(config: StoryConfig) -> Self {
        StoryClusterer {
            format: FORMAT,
            config,
            vocabulary: HashMap::new(),
            df: Vec::new(),
            name_term: Vec::new(),
            open: Vec::new(),
            documents: 0,
            stories: Vec::new(),
            index: HashMap::new(),
            duplicates: NearDuplicates::new(0.8),
            previous_duplicates: NearDuplicates::new(0.8),
            duplicates_since: None,
            seen: HashMap::new(),
            seen_ids: HashMap::new(),
            placed: 0,
            evidence: HashMap::new(),
            settled: Vec::new(),
            clock: None,
        }
    }

    /// Places one article and returns its story's index. The stream should come in date
    /// order; an article older than the window of the stream's clock finds its story
    /// closed and starts one. An article placed before whose story is still open is
    /// not placed again (the caller keeps track of settled ones).
    pub fn add(&mut self, input: StoryInput) -> usize {
        if let Some(&seen) = self.seen_ids.get(&input.id) {
            return self.seen[&seen].story;
        }
        let n = self.placed;
        self.placed += 1;
        self.seen_ids.insert(input.id.clone(), n);
        let time = input.published.or(self.clock);
        if let Some(t) = time {
            self.clock = Some(self.clock.map_or(t, |c| c.max(t)));
        }
        let (terms, figures) = self.terms(&input);
        self.documents += 1;
        for &t in terms.keys() {
            self.df[t as usize] += 1;
        }
        let (vector, names) = self.weigh(&terms);
        self.close_stale();
        // A copy joins its twin's story while that is open.
        let (copy, copy_story) = self.twin(n, &input.id, input.published, &input.text);
        let story = match copy_story {
            Some(s) => s,
            None => match self.best_story(&vector, time, input.published.is_none()) {
                Some(s) => s,
                None => {
                    self.stories.push(LiveStory {
                        id: String::new(),
                        centroid: HashMap::new(),
                        names: HashMap::new(),
                        last: time,
                        first: time,
                        articles: Vec::new(),
                        size: 0,
                        indexed: Vec::new(),
                        open: true,
                    });
                    self.open.push(self.stories.len() - 1);
                    self.stories.len() - 1
                }
            },
        };
        self.join(story, n, &vector, &names, time);
        self.evidence.insert(n, Evidence::of(&input, figures));
        self.seen.insert(
            n,
            Seen {
                id: input.id,
                published: input.published,
                origin: input.origin,
                inferred_from: Vec::new(),
                story,
                copy_of: copy,
            },
        );
        story
    }

    /// The placements of the articles whose stories have closed since the last call:
    /// final, and no longer kept here.
    pub fn drain_settled(&mut self) -> Vec<(String, Placement)> {
        std::mem::take(&mut self.settled)
    }

    /// Whether an article with this id is in an open story.
    pub fn contains(&self, id: &str) -> bool {
        self.seen_ids.contains_key(id)
    }

    /// The stream's clock: the latest publication time placed, seconds since the epoch.
    pub fn clock(&self) -> Option<i64> {
        self.clock
    }

    /// How many articles have been placed.
    pub fn len(&self) -> usize {
        self.placed
    }

    /// Whether no article has been placed.
    pub fn is_empty(&self) -> bool {
        self.placed == 0
    }

    /// The clustering as it stands, leaving the clusterer to take more articles.
    pub fn snapshot(&self) -> Clustering {
        self.clone().finish()
    }

    /// The state as JSON, to be read back by [`StoryClusterer::from_json`].
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("the state is plain data")
    }

    /// A saved state, when it is one this build can go on from (same format and
    /// settings); `None` otherwise, and the caller starts again.
    pub fn from_json(json: &str, config: StoryConfig) -> Option<StoryClusterer> {
        let state: StoryClusterer = serde_json::from_str(json).ok()?;
        (state.format == FORMAT && state.config == config).then_some(state)
    }

    /// Finishes the stream: every story closed and settled, storylines, ids and labels.
    /// The placements are those not taken by [`StoryClusterer::drain_settled`] before,
    /// and so are the stories' article lists.
    pub fn finish(mut self) -> Clustering {
        for s in std::mem::take(&mut self.open) {
            self.close(s);
        }
        // Storylines: union-find over stories whose name profiles meet.
        let mut parent: Vec<usize> = (0..self.stories.len()).collect();
        fn root(p: &mut [usize], mut i: usize) -> usize {
            while p[i] != i {
                p[i] = p[p[i]];
                i = p[i];
            }
            i
        }
        let norms: Vec<f64> = self.stories.iter().map(|s| norm(&s.names)).collect();
        let mut by_name: HashMap<u32, Vec<usize>> = HashMap::new();
        for (si, s) in self.stories.iter().enumerate() {
            for t in top_terms(&s.names, 8) {
                by_name.entry(t).or_default().push(si);
            }
        }
        for (si, s) in self.stories.iter().enumerate() {
            let mut seen = HashSet::new();
            for t in top_terms(&s.names, 8) {
                for &other in by_name.get(&t).into_iter().flatten() {
                    if other >= si || !seen.insert(other) {
                        continue;
                    }
                    let o = &self.stories[other];
                    let gap = days_between(s.first, o.last)
                        .abs()
                        .min(days_between(o.first, s.last).abs());
                    if gap > self.config.storyline_days {
                        continue;
                    }
                    let cos = dot(&s.names, &o.names) / (norms[si] * norms[other]).max(1e-12);
                    if cos >= self.config.storyline {
                        let (a, b) = (root(&mut parent, si), root(&mut parent, other));
                        parent[a.max(b)] = a.min(b);
                    }
                }
            }
        }
        let mut line_of_root: HashMap<usize, usize> = HashMap::new();
        let mut storylines: Vec<Vec<usize>> = Vec::new();
        let words: HashMap<u32, &str> = self
            .vocabulary
            .iter()
            .map(|(w, &i)| (i, w.as_str()))
            .collect();
        let mut members: Vec<Vec<String>> = vec![Vec::new(); self.stories.len()];
        for (id, p) in &self.settled {
            members[p.story].push(id.clone());
        }
        let mut stories = Vec::with_capacity(self.stories.len());
        for (si, s) in self.stories.iter().enumerate() {
            let r = root(&mut parent, si);
            let line = *line_of_root.entry(r).or_insert_with(|| {
                storylines.push(Vec::new());
                storylines.len() - 1
            });
            storylines[line].push(si);
            stories.push(Story {
                id: s.id.clone(),
                articles: std::mem::take(&mut members[si]),
                size: s.size,
                first: s.first,
                last: s.last,
                storyline: line,
                keywords: top_terms(&s.centroid, 6)
                    .into_iter()
                    .filter_map(|t| words.get(&t).map(|w| w.trim_start_matches('@').to_string()))
                    .collect(),
            });
        }
        Clustering {
            stories,
            storylines,
            placements: self.settled.into_iter().collect(),
        }
    }

    /// The near-duplicate of this article among those placed in the last two windows,
    /// if any: the earliest of its group. When this article was published before it (a
    /// copy that arrived first), that one becomes the copy of this, and this none.
    /// Returns what this article copies and the story of its twin, which it joins.
    fn twin(
        &mut self,
        n: usize,
        id: &str,
        published: Option<i64>,
        text: &str,
    ) -> (Option<(usize, String)>, Option<usize>) {
        let time = published.or(self.clock);
        let window = (self.config.window_days * 86_400.0) as i64;
        if let (Some(t), Some(since)) = (time, self.duplicates_since) {
            if t - since > window {
                self.previous_duplicates =
                    std::mem::replace(&mut self.duplicates, NearDuplicates::new(0.8));
                self.duplicates_since = Some(t);
            }
        }
        if self.duplicates_since.is_none() {
            self.duplicates_since = time;
        }
        let Some(signature) = self.duplicates.signature(text) else {
            return (None, None);
        };
        let matched = self
            .duplicates
            .find(&signature)
            .or_else(|| self.previous_duplicates.find(&signature))
            .map(|c| c.original);
        self.duplicates
            .add_signature((n, id.to_string()), time, signature);
        let Some((o, original_id)) = matched else {
            return (None, None);
        };
        let Some(twin) = self.seen.get_mut(&o) else {
            // Its story has closed: a copy all the same, in a story of its own.
            return (Some((o, original_id)), None);
        };
        let story = Some(twin.story);
        match (published, twin.published) {
            (Some(mine), Some(theirs)) if mine < theirs => {
                twin.copy_of = Some((n, id.to_string()));
                (None, story)
            }
            _ => (Some((o, original_id)), story),
        }
    }

    /// Closes a story: the origin of each member that names none, inferred from the
    /// members that do; the members' placements handed out to
    /// [`StoryClusterer::drain_settled`] and forgotten here, with their evidence; the
    /// story's own id fixed (its earliest member's).
    fn settle(&mut self, story: usize) {
        let members = std::mem::take(&mut self.stories[story].articles);
        for &i in &members {
            if self.seen[&i].origin.is_some() {
                continue;
            }
            if let Some((origin, from)) = self.infer_origin(i, &members) {
                let seen = self.seen.get_mut(&i).expect("a member is seen");
                seen.origin = Some(origin);
                seen.inferred_from = from;
            }
        }
        let earliest = members
            .iter()
            .min_by_key(|&&a| (self.seen[&a].published.unwrap_or(i64::MAX), a))
            .map(|a| self.seen[a].id.clone())
            .unwrap_or_default();
        self.stories[story].id = format!("s-{}", &earliest[..earliest.len().min(12)]);
        for i in members {
            self.evidence.remove(&i);
            let seen = self.seen.remove(&i).expect("a member is seen");
            self.seen_ids.remove(&seen.id);
            self.settled.push((
                seen.id,
                Placement {
                    story,
                    copy_of: seen.copy_of.map(|(_, id)| id),
                    origin: seen.origin,
                    origin_inferred_from: seen.inferred_from,
                },
            ));
        }
    }

    /// The origin most of the article's shared evidence points to, among the members of
    /// its story that name theirs. Rewrites paraphrase ("Ukraine's defensive lines could
    /// collapse within months" for "Ukrainian defenses could collapse in two or three
    /// months"), so quotes and descriptors match by their content words; at least two
    /// shared items (quotes, sources, figures), or being a copy, are needed.
    fn infer_origin(&self, i: usize, members: &[usize]) -> Option<(String, Vec<String>)> {
        let mine = self.evidence.get(&i)?;
        let copies =
            |a: usize, b: usize| self.seen[&a].copy_of.as_ref().is_some_and(|(o, _)| *o == b);
        let mut votes: HashMap<&str, (usize, Vec<String>)> = HashMap::new();
        for &j in members {
            let other = &self.seen[&j];
            // Only origins the articles name count as votes, never inferred ones.
            let (Some(origin), true) = (other.origin.as_deref(), other.inferred_from.is_empty())
            else {
                continue;
            };
            let copy = copies(i, j) || copies(j, i);
            let common = self.evidence.get(&j).map_or(0, |e| mine.shared(e));
            let shared = common + if copy { 2 } else { 0 };
            if shared >= 2 {
                let v = votes.entry(origin).or_default();
                v.0 += shared;
                v.1.push(other.id.clone());
            }
        }
        votes
            .into_iter()
            .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.0.cmp(a.0)))
            .map(|(origin, (_, from))| (origin.to_string(), from))
    }

    /// The article's terms with their weighted counts, and the figures of its text (read
    /// in the same pass, for [`Evidence`]).
    fn terms(&mut self, input: &StoryInput) -> (HashMap<u32, f64>, HashSet<String>) {
        let mut counts: HashMap<u32, f64> = HashMap::new();
        let mut figures = HashSet::new();
        let texts = input
            .title
            .iter()
            .map(|t| (t.as_str(), 2.0))
            .chain(std::iter::once((input.text.as_str(), 1.0)));
        for (text, weight) in texts {
            for (word, sentence_start) in words(text) {
                if weight == 1.0 {
                    if let Some(f) = figure(word) {
                        figures.insert(f);
                    }
                }
                let lower = word.to_lowercase();
                let lower = lower
                    .strip_suffix("'s")
                    .or_else(|| lower.strip_suffix("\u{2019}s"))
                    .unwrap_or(&lower);
                if lower.chars().count() < 3 || stopword(lower) {
                    continue;
                }
                // A capitalised word inside a sentence is a name: names say what a
                // story is about better than common words do.
                let name = !sentence_start
                    && word.chars().next().is_some_and(char::is_uppercase)
                    && !lower.chars().all(|c| c.is_ascii_digit());
                let term = if name {
                    format!("@{lower}")
                } else {
                    lower.to_string()
                };
                let next = self.vocabulary.len() as u32;
                let id = *self.vocabulary.entry(term).or_insert(next);
                if id == next {
                    self.df.push(0);
                    self.name_term.push(name);
                }
                *counts.entry(id).or_default() += weight;
            }
        }
        (counts, figures)
    }

    /// TF-IDF (sublinear tf) of the article's terms, the strongest kept, L2-normalised;
    /// and its names alone.
    fn weigh(&self, terms: &HashMap<u32, f64>) -> (HashMap<u32, f64>, HashMap<u32, f64>) {
        let n = f64::from(self.documents);
        let mut weighted: Vec<(u32, f64)> = terms
            .iter()
            .map(|(&t, &c)| {
                let idf = ((n + 1.0) / (f64::from(self.df[t as usize]) + 1.0)).ln() + 1.0;
                let boost = if self.name_term[t as usize] {
                    NAME_BOOST
                } else {
                    1.0
                };
                (t, (1.0 + c.ln()) * idf * boost)
            })
            .collect();
        weighted.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        weighted.truncate(ARTICLE_TERMS);
        let mut v: HashMap<u32, f64> = weighted.into_iter().collect();
        let nv = norm(&v).max(1e-12);
        for w in v.values_mut() {
            *w /= nv;
        }
        let names: HashMap<u32, f64> = v
            .iter()
            .filter(|(&t, _)| self.name_term[t as usize])
            .map(|(&t, &w)| (t, w))
            .collect();
        (v, names)
    }

    /// The story the article joins, if any. An undated article has no time to tell two
    /// stories about the same people apart, so it must resemble its story more closely.
    fn best_story(&self, v: &HashMap<u32, f64>, time: Option<i64>, undated: bool) -> Option<usize> {
        let join = if undated {
            self.config.join_undated
        } else {
            self.config.join
        };
        let mut candidates: HashSet<usize> = HashSet::new();
        for t in top_terms(v, 20) {
            for &s in self.index.get(&t).into_iter().flatten() {
                if self.stories[s].open {
                    candidates.insert(s);
                }
            }
        }
        let mut best: Option<(usize, f64)> = None;
        for s in candidates {
            let story = &self.stories[s];
            let cos = dot(v, &story.centroid) / norm(&story.centroid).max(1e-12);
            // Days from the story's span: an article older than the story (a late
            // arrival) is as far from it as one as much newer.
            let days = days_between(story.last, time)
                .max(days_between(time, story.first))
                .max(0.0);
            if days > self.config.window_days {
                continue;
            }
            let score = cos * (-days / self.config.decay_days).exp();
            let better = best.is_none_or(|(bs, b)| score > b || (score == b && s < bs));
            if score >= join && better {
                best = Some((s, score));
            }
        }
        best.map(|(s, _)| s)
    }

    fn join(
        &mut self,
        s: usize,
        article: usize,
        v: &HashMap<u32, f64>,
        names: &HashMap<u32, f64>,
        time: Option<i64>,
    ) {
        let story = &mut self.stories[s];
        for (&t, &w) in v {
            *story.centroid.entry(t).or_default() += w;
        }
        for (&t, &w) in names {
            *story.names.entry(t).or_default() += w;
        }
        if story.centroid.len() > 2 * CENTROID_TERMS {
            let keep: HashSet<u32> = top_terms(&story.centroid, CENTROID_TERMS)
                .into_iter()
                .collect();
            story.centroid.retain(|t, _| keep.contains(t));
        }
        if let Some(t) = time {
            story.last = Some(story.last.map_or(t, |l| l.max(t)));
            story.first = Some(story.first.map_or(t, |f| f.min(t)));
        }
        story.articles.push(article);
        story.size += 1;
        // Re-index the story under its strongest terms.
        let top = top_terms(&story.centroid, INDEX_TERMS);
        let old = std::mem::replace(&mut story.indexed, top.clone());
        for t in old {
            if let Some(list) = self.index.get_mut(&t) {
                list.retain(|&x| x != s);
            }
        }
        for t in top {
            self.index.entry(t).or_default().push(s);
        }
    }

    /// Stories quiet for longer than the window take no more articles: they close.
    fn close_stale(&mut self) {
        let Some(now) = self.clock else { return };
        let window = self.config.window_days;
        let stories = &self.stories;
        let (stale, open): (Vec<usize>, Vec<usize>) = self
            .open
            .iter()
            .partition(|&&s| days_between(stories[s].last, Some(now)) > window);
        self.open = open;
        for s in stale {
            self.close(s);
        }
    }

    /// Closes a story: out of the index, its centroid cut to a label and its names to a
    /// profile (for storylines), its articles settled and handed out, so that memory
    /// follows the live stories.
    fn close(&mut self, s: usize) {
        let story = &mut self.stories[s];
        story.open = false;
        for t in std::mem::take(&mut story.indexed) {
            if let Some(list) = self.index.get_mut(&t) {
                list.retain(|&x| x != s);
                if list.is_empty() {
                    self.index.remove(&t);
                }
            }
        }
        let label: HashSet<u32> = top_terms(&story.centroid, 6).into_iter().collect();
        story.centroid.retain(|t, _| label.contains(t));
        story.centroid.shrink_to_fit();
        let profile: HashSet<u32> = top_terms(&story.names, NAME_TERMS).into_iter().collect();
        story.names.retain(|t, _| profile.contains(t));
        story.names.shrink_to_fit();
        self.settle(s);
    }
}

/// The words of a text with whether each begins a sentence (first word, or after ".",
/// "!", "?", ":" or a line break, quotation marks aside).
fn words(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut sentence_start = true;
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '-';
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if is_word(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            let w = text[s..i].trim_matches(|c: char| !c.is_alphanumeric());
            if !w.is_empty() {
                out.push((w, sentence_start));
                sentence_start = false;
            }
        }
        if matches!(c, '.' | '!' | '?' | ':' | '\n') {
            sentence_start = true;
        }
    }
    out
}

/// A figure of three or more digits ("1,415", "2025"), as its digits.
fn figure(word: &str) -> Option<String> {
    let numeric = word
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
    let digits: String = word.chars().filter(char::is_ascii_digit).collect();
    (numeric && digits.len() >= 3).then_some(digits)
}

fn dot(a: &HashMap<u32, f64>, b: &HashMap<u32, f64>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small
        .iter()
        .filter_map(|(t, w)| large.get(t).map(|v| w * v))
        .sum()
}

fn norm(v: &HashMap<u32, f64>) -> f64 {
    v.values().map(|w| w * w).sum::<f64>().sqrt()
}

/// The `k` heaviest terms, heaviest first (ties by term id, so runs repeat).
fn top_terms(v: &HashMap<u32, f64>, k: usize) -> Vec<u32> {
    let mut all: Vec<(u32, f64)> = v.iter().map(|(&t, &w)| (t, w)).collect();
    all.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    all.into_iter().take(k).map(|(t, _)| t).collect()
}

/// Days from `a` to `b` (0 when either is unknown).
fn days_between(a: Option<i64>, b: Option<i64>) -> f64 {
    match (a, b) {
        (Some(a), Some(b)) => (b - a) as f64 / 86_400.0,
        _ => 0.0,
    }
}

/// What rewrites of one report share: its quotes and anonymous-source descriptors, as
/// bags of word stems (so that paraphrase still matches), and the figures in the text.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Evidence {
    items: Vec<HashSet<String>>,
    figures: HashSet<String>,
}

impl Evidence {
    fn of(input: &StoryInput, figures: HashSet<String>) -> Evidence {
        let items = input
            .evidence
            .iter()
            .map(|e| {
                words(e)
                    .into_iter()
                    .map(|(w, _)| w.to_lowercase())
                    .filter(|w| w.chars().count() >= 3 && !stopword(w))
                    .map(|w| w.chars().take(5).collect::<String>())
                    .collect::<HashSet<String>>()
            })
            .filter(|bag| bag.len() >= 2)
            .collect();
        Evidence { items, figures }
    }

    /// How many of these items the other has too: a quote or descriptor counts when most
    /// of the smaller one's stems (and at least two) are in the other.
    fn shared(&self, other: &Evidence) -> usize {
        let quotes = self
            .items
            .iter()
            .filter(|a| {
                other.items.iter().any(|b| {
                    let common = a.intersection(b).count();
                    common >= 2 && common * 5 >= a.len().min(b.len()) * 3
                })
            })
            .count();
        quotes + self.figures.intersection(&other.figures).count()
    }
}

/// Words too common to say what a story is about: English, and the commonest function
/// words of German, French, Spanish, Italian, Portuguese and Russian, so that two
/// articles are not alike for sharing a language.
const STOPWORDS: &[&str] = &[
    "der",
    "die",
    "das",
    "und",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
    "einen",
    "ist",
    "sind",
    "mit",
    "von",
    "auf",
    "für",
    "nicht",
    "sich",
    "auch",
    "als",
    "wie",
    "bei",
    "nach",
    "aus",
    "oder",
    "über",
    "wird",
    "werden",
    "hat",
    "haben",
    "noch",
    "zum",
    "zur",
    "einer",
    "les",
    "des",
    "une",
    "est",
    "dans",
    "pour",
    "que",
    "qui",
    "pas",
    "par",
    "sur",
    "avec",
    "son",
    "ses",
    "aux",
    "plus",
    "ont",
    "été",
    "cette",
    "mais",
    "ou",
    "los",
    "las",
    "del",
    "una",
    "por",
    "con",
    "para",
    "como",
    "más",
    "pero",
    "sus",
    "fue",
    "este",
    "esta",
    "entre",
    "degli",
    "della",
    "delle",
    "nel",
    "nella",
    "che",
    "sono",
    "per",
    "non",
    "gli",
    "uma",
    "não",
    "são",
    "foi",
    "pelo",
    "pela",
    "mais",
    "como",
    "и",
    "в",
    "не",
    "на",
    "что",
    "с",
    "по",
    "это",
    "как",
    "для",
    "все",
    "так",
    "его",
    "но",
    "из",
    "за",
    "от",
    "он",
    "она",
    "они",
    "мы",
    "вы",
    "же",
    "бы",
    "был",
    "была",
    "было",
    "были",
    "уже",
    "или",
    "если",
    "только",
    "еще",
    "ещё",
    "при",
    "до",
    "то",
    "их",
    "её",
    "ее",
    "которые",
    "который",
];

/// English words too common to say what a story is about.
const ENGLISH_STOPWORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "that",
    "with",
    "was",
    "were",
    "are",
    "has",
    "have",
    "had",
    "but",
    "not",
    "this",
    "from",
    "his",
    "her",
    "its",
    "their",
    "they",
    "them",
    "there",
    "which",
    "who",
    "whom",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "been",
    "being",
    "said",
    "says",
    "say",
    "also",
    "than",
    "then",
    "into",
    "about",
    "after",
    "before",
    "over",
    "under",
    "more",
    "most",
    "other",
    "some",
    "such",
    "only",
    "very",
    "just",
    "what",
    "when",
    "where",
    "while",
    "how",
    "all",
    "any",
    "each",
    "out",
    "our",
    "your",
    "you",
    "she",
    "him",
    "one",
    "two",
    "new",
    "year",
    "years",
    "last",
    "first",
    "per",
    "cent",
    "percent",
    "mr",
    "mrs",
    "ms",
    "told",
    "according",
    "did",
    "does",
    "its",
    "it's",
    "because",
    "these",
    "those",
    "between",
    "against",
    "during",
    "since",
    "still",
    "now",
    "week",
    "day",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "time",
    "including",
    "made",
    "make",
    "many",
    "much",
    "well",
    "back",
    "like",
    "even",
    "get",
];

fn stopword(w: &str) -> bool {
    ENGLISH_STOPWORDS.contains(&w) || STOPWORDS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, day: i64, text: &str) -> StoryInput {
        StoryInput {
            id: id.into(),
            published: Some(1_700_000_000 + day * 86_400),
            text: text.into(),
            ..StoryInput::default()
        }
    }

    fn stream() -> Vec<StoryInput> {
        let quake = "A magnitude 7.1 earthquake struck Hualien in eastern Taiwan, \
            collapsing buildings and killing nine people, Taiwan's fire agency said.";
        let quake2 = "Rescuers in Hualien searched collapsed buildings after the \
            earthquake in Taiwan; the fire agency said nine people died.";
        let vote = "Voters in Senegal elected Bassirou Diomaye Faye president, the \
            electoral commission in Dakar said, after a delayed election.";
        let vote2 = "Bassirou Diomaye Faye was sworn in as president of Senegal in \
            Dakar, weeks after the delayed election.";
        let quake_later = "Two months on, Hualien families still live in tents while \
            Taiwan rebuilds after the earthquake that killed nine.";
        vec![
            article("q1", 0, quake),
            article("v1", 0, vote),
            article("q2", 1, quake2),
            article("v2", 2, vote2),
            article("q3", 60, quake_later),
        ]
    }

    #[test]
    fn articles_join_by_content_and_time() {
        let mut c = StoryClusterer::new(StoryConfig::default());
        let placed: Vec<usize> = stream().into_iter().map(|a| c.add(a)).collect();
        assert_eq!(placed[0], placed[2], "the two quake reports");
        assert_eq!(placed[1], placed[3], "the two election reports");
        assert_ne!(placed[0], placed[1]);
        // Two months later the quake is a new story, in the quake's storyline.
        assert_ne!(placed[4], placed[0]);
        let done = c.finish();
        assert_eq!(done.stories.len(), 3);
        let line = |i: usize| done.stories[i].storyline;
        assert_eq!(line(placed[4]), line(placed[0]));
        assert_ne!(line(placed[1]), line(placed[0]));
    }

    #[test]
    fn closed_stories_hand_out_their_articles_and_forget_them() {
        let mut c = StoryClusterer::new(StoryConfig::default());
        let mut handed = Vec::new();
        for a in stream() {
            c.add(a);
            handed.extend(c.drain_settled());
        }
        // The quake (q3 at day 60) closed the stories of the first days.
        let ids: Vec<&str> = handed.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids.len(), 4, "{ids:?}");
        assert!(!c.contains("q1") && c.contains("q3"));
        assert_eq!(c.len(), 5);
        let done = c.finish();
        assert_eq!(done.placements.len(), 1, "only q3 was not drained");
        let sizes: Vec<usize> = done.stories.iter().map(|s| s.size).collect();
        assert_eq!(sizes, [2, 2, 1]);
        let ids: Vec<&str> = done.stories.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["s-q1", "s-v1", "s-q3"]);
    }

    #[test]
    fn sharing_a_language_is_not_sharing_a_story() {
        let mut c = StoryClusterer::new(StoryConfig::default());
        let a = c.add(article(
            "de1",
            0,
            "Die Digitalisierung ist für die Unternehmen in der Region ein Treiber, und \
             das wird auch von der Industrie und den Verbänden so gesehen.",
        ));
        let b = c.add(article(
            "de2",
            0,
            "Am Wochenende startet die Messe in Köln, und die Aussteller aus der Branche \
             sind mit den Buchungen für das Jahr nicht zufrieden.",
        ));
        assert_ne!(a, b);
    }

    #[test]
    fn a_late_arrival_is_placed_by_its_own_date() {
        let mut c = StoryClusterer::new(StoryConfig::default());
        let mut items = stream();
        let later = items.pop().unwrap();
        let old = items.remove(0);
        for a in items {
            c.add(a);
        }
        // The first quake report arrives after the election stories of the next days:
        // it joins the quake story by its own date.
        let placed = c.add(old);
        assert_eq!(c.snapshot().placements["q2"].story, placed);
        // A report older than the window of the stream's clock finds its story closed
        // (closed stories keep only a label, so memory stays with the live ones): it
        // starts a story of its own.
        c.add(later);
        let stale = article(
            "q0",
            -1,
            "Hualien in Taiwan was shaken by an earthquake; the fire agency said nine died.",
        );
        let alone = c.add(stale);
        assert_ne!(alone, placed);
    }

    #[test]
    fn a_saved_state_goes_on_as_if_never_stopped() {
        let config = StoryConfig::default();
        let mut whole = StoryClusterer::new(config);
        for a in stream() {
            whole.add(a);
        }
        let mut first = StoryClusterer::new(config);
        let mut rest = stream();
        let later = rest.split_off(2);
        for a in rest {
            first.add(a);
        }
        let saved = first.to_json();
        let mut resumed = StoryClusterer::from_json(&saved, config).unwrap();
        for a in later {
            resumed.add(a);
        }
        // Adding again an article of an open story changes nothing (those of closed
        // stories are settled, handed out and forgotten: the caller keeps them).
        let again = resumed.add(stream().pop().unwrap());
        assert_eq!(resumed.len(), 5);
        let (a, b) = (whole.finish(), resumed.finish());
        assert_eq!(a.stories, b.stories);
        assert_eq!(a.placements, b.placements);
        assert_eq!(again, a.placements["q3"].story);
        // Another configuration does not take the state.
        let other = StoryConfig {
            join: 0.5,
            ..config
        };
        assert!(StoryClusterer::from_json(&saved, other).is_none());
        assert!(StoryClusterer::from_json("{}", config).is_none());
    }
}
