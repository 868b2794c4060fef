//! Features of a token in its sentence, hashed to 64-bit keys.
//!
//! A feature is a short string (`l=putin`, `c6=111010`, `g=country|U`); the model keys
//! its weights by the FNV-1a hash of that string, so the model file can name every
//! feature while inference never allocates one. Strings are built in one reused buffer.

use std::collections::HashMap;

use crate::labels::{self, LABEL_COUNT};

/// FNV-1a, 64-bit: stable across builds and platforms, which the model file relies on.
pub fn hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

pub use tri_model::FnvMap;

/// Word clusters and name lists the features consult.
#[derive(Debug, Default)]
pub struct Lexicon {
    clusters: FnvMap<String, Box<str>>,
    phrases: FnvMap<String, Vec<u16>>,
    pub(crate) list_names: Vec<String>,
    max_phrase_tokens: usize,
    /// Word-vector clusters by FNV hash of the word: row, then k-means ids from fine to
    /// coarse. Keyed by hash because 300,000 strings would triple the tagger's memory.
    embeddings: HashMap<u64, [u16; 4], std::hash::BuildHasherDefault<crate::model::PassThrough>>,
    fingerprint: u64,
}

impl Lexicon {
    /// Builds a lexicon from a cluster file (`word<TAB>bit-path` per line; `#` comment
    /// lines without a tab)
    /// and named phrase lists (each phrase a space-separated token sequence).
    pub fn new(clusters_tsv: &str, lists: &[(String, Vec<String>)]) -> Lexicon {
        let mut fingerprint_input = Vec::new();
        let mut clusters = FnvMap::default();
        for line in clusters_tsv.lines() {
            // Comment lines have no tab; `#<TAB>path` is the cluster of the word `#`.
            if line.starts_with('#') && !line.contains('\t') {
                continue;
            }
            if let Some((word, path)) = line.split_once('\t') {
                let path = path.split('\t').next().unwrap_or(path);
                clusters.insert(word.to_string(), path.into());
            }
        }
        fingerprint_input.extend_from_slice(&hash(clusters_tsv.as_bytes()).to_le_bytes());
        let mut phrases: FnvMap<String, Vec<u16>> = FnvMap::default();
        let mut list_names = Vec::new();
        let mut max_phrase_tokens = 0;
        for (id, (list, entries)) in lists.iter().enumerate() {
            list_names.push(list.clone());
            fingerprint_input.extend_from_slice(list.as_bytes());
            for entry in entries {
                let key = entry.to_lowercase();
                let n = key.split(' ').count();
                if n == 0 || key.is_empty() {
                    continue;
                }
                max_phrase_tokens = max_phrase_tokens.max(n);
                fingerprint_input.extend_from_slice(key.as_bytes());
                fingerprint_input.push(b'\n');
                let ids = phrases.entry(key).or_default();
                if !ids.contains(&(id as u16)) {
                    ids.push(id as u16);
                }
            }
        }
        Lexicon {
            clusters,
            phrases,
            list_names,
            max_phrase_tokens: max_phrase_tokens.min(8),
            embeddings: HashMap::default(),
            fingerprint: hash(&fingerprint_input),
        }
    }

    /// Adds word-vector clusters (`word<TAB>row<TAB>fine<TAB>mid<TAB>coarse` per line,
    /// `# ` header lines without a tab), as `tools/make-embedding-clusters.py` writes them.
    pub fn with_embeddings(mut self, embeddings_tsv: &str) -> Lexicon {
        let mut map =
            HashMap::with_capacity_and_hasher(embeddings_tsv.len() / 24, Default::default());
        for line in embeddings_tsv.lines() {
            if line.starts_with('#') && !line.contains('\t') {
                continue;
            }
            let mut cols = line.split('\t');
            let Some(word) = cols.next() else { continue };
            let mut ids = [0u16; 4];
            let mut complete = true;
            for id in &mut ids {
                match cols.next().and_then(|c| c.parse::<u16>().ok()) {
                    Some(v) => *id = v,
                    None => complete = false,
                }
            }
            if complete {
                map.insert(hash(word.as_bytes()), ids);
            }
        }
        let mut fingerprint_input = self.fingerprint.to_le_bytes().to_vec();
        fingerprint_input.extend_from_slice(&hash(embeddings_tsv.as_bytes()).to_le_bytes());
        self.fingerprint = hash(&fingerprint_input);
        self.embeddings = map;
        self
    }

    /// Number of words with a word-vector cluster.
    pub fn embedding_words(&self) -> usize {
        self.embeddings.len()
    }

    /// A hash of everything the lexicon holds: a model trained with one lexicon refuses
    /// to load with another, because its features would silently mean something else.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// Number of words with a cluster.
    pub fn cluster_words(&self) -> usize {
        self.clusters.len()
    }

    /// Number of distinct phrases in the name lists.
    pub fn phrase_count(&self) -> usize {
        self.phrases.len()
    }

    fn embedding(&self, word: &str, lower: &str) -> Option<[u16; 4]> {
        if self.embeddings.is_empty() {
            return None;
        }
        in_running_text_case(word, lower, |form| {
            self.embeddings.get(&hash(form.as_bytes())).copied()
        })
    }

    fn cluster(&self, word: &str, lower: &str) -> Option<&str> {
        in_running_text_case(word, lower, |form| self.clusters.get(form).map(|p| &**p))
    }
}

/// Looks a word up as written, then (for a word in capitals) in title case, then in lower
/// case: headlines are in capitals, and the lexicons have the word as running text does.
fn in_running_text_case<T>(word: &str, lower: &str, find: impl Fn(&str) -> Option<T>) -> Option<T> {
    if let Some(found) = find(word) {
        return Some(found);
    }
    if word.chars().all(|c| !c.is_lowercase()) && word.len() > 1 {
        if let Some(found) = find(&title_case(lower)) {
            return Some(found);
        }
    }
    find(lower)
}

/// "russia" → "Russia": headlines are in capitals, the lexicons have running-text case.
fn title_case(lower: &str) -> String {
    let mut title = String::with_capacity(lower.len());
    for (i, c) in lower.chars().enumerate() {
        if i == 0 {
            title.extend(c.to_uppercase());
        } else {
            title.push(c);
        }
    }
    title
}

const LABEL_NAMES: [&str; LABEL_COUNT] = [
    "O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG", "B-LOC", "I-LOC",
    "L-LOC", "U-LOC", "B-MISC", "I-MISC", "L-MISC", "U-MISC",
];

/// Receives features: their hashes always, their strings when training asks for them.
pub struct FeatureSink {
    buf: String,
    /// Hashes of the features emitted so far.
    pub hashes: Vec<u64>,
    names: Option<Vec<String>>,
}

impl FeatureSink {
    /// A sink that keeps only hashes (inference).
    pub fn new() -> Self {
        FeatureSink {
            buf: String::with_capacity(64),
            hashes: Vec::with_capacity(128),
            names: None,
        }
    }

    /// A sink that also keeps each feature's string, in step with `hashes` (training).
    pub fn with_names() -> Self {
        FeatureSink {
            names: Some(Vec::new()),
            ..FeatureSink::new()
        }
    }

    /// The strings of the features emitted so far, when kept.
    pub fn names(&self) -> Option<&[String]> {
        self.names.as_deref()
    }

    pub fn clear(&mut self) {
        self.hashes.clear();
        if let Some(n) = &mut self.names {
            n.clear();
        }
    }

    fn emit(&mut self) {
        self.hashes.push(hash(self.buf.as_bytes()));
        if let Some(n) = &mut self.names {
            n.push(self.buf.clone());
        }
    }

    /// Emits a feature given whole.
    pub fn whole(&mut self, feature: &str) {
        self.buf.clear();
        self.buf.push_str(feature);
        self.emit();
    }

    fn one(&mut self, template: &str, a: &str) {
        self.buf.clear();
        self.buf.push_str(template);
        self.buf.push_str(a);
        self.emit();
    }

    fn two(&mut self, template: &str, a: &str, b: &str) {
        self.buf.clear();
        self.buf.push_str(template);
        self.buf.push_str(a);
        self.buf.push('|');
        self.buf.push_str(b);
        self.emit();
    }

    fn three(&mut self, template: &str, a: &str, b: &str, c: &str) {
        self.buf.clear();
        self.buf.push_str(template);
        self.buf.push_str(a);
        self.buf.push('|');
        self.buf.push_str(b);
        self.buf.push('|');
        self.buf.push_str(c);
        self.emit();
    }
}

impl Default for FeatureSink {
    fn default() -> Self {
        Self::new()
    }
}

/// What the whole document says about its words: a capitalised word that also appears in
/// lower case is probably a common word starting a sentence or headline; a sentence-initial
/// word that appears capitalised mid-sentence elsewhere is probably a name.
#[derive(Debug, Default)]
pub struct DocumentContext {
    lowercase: std::collections::HashSet<String>,
    capitalised_inside: std::collections::HashSet<String>,
    /// A sports report: there a city or country name usually stands for its team
    /// ("Seattle beat Texas 5-2"), elsewhere for the place.
    sport: bool,
    /// Per capitalised word met more than once: the words either side of all its
    /// occurrences (`L`/`R` and the lower-cased word), so each mention sees the
    /// contexts of the others ("Wasps" beside "beat" in one sentence and "15-10" in
    /// another: context aggregation, Ratinov and Roth 2009).
    neighbours: FnvMap<String, Vec<String>>,
}

/// Most aggregated context words kept per word: a name repeated through a long report
/// would otherwise bring hundreds.
const MAX_NEIGHBOURS: usize = 16;

/// Words that mark a sports report. A report needs several distinct ones (or a score
/// line), so one "match" or "cup" in a business story does not make it sport.
const SPORT_WORDS: &[&str] = &[
    "soccer",
    "football",
    "cricket",
    "rugby",
    "tennis",
    "golf",
    "baseball",
    "basketball",
    "hockey",
    "boxing",
    "athletics",
    "cycling",
    "racing",
    "motorsport",
    "volleyball",
    "handball",
    "league",
    "season",
    "match",
    "matches",
    "innings",
    "wicket",
    "wickets",
    "goal",
    "goals",
    "scored",
    "scorer",
    "championship",
    "championships",
    "tournament",
    "cup",
    "coach",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "quarterback",
    "pitcher",
    "inning",
    "homer",
    "playoff",
    "playoffs",
    "draw",
    "drew",
    "beat",
    "defeated",
    "points",
    "standings",
    "bout",
    "knockout",
    "seeded",
    "lap",
    "laps",
    "prix",
    "olympic",
    "olympics",
    "medal",
    "stadium",
    "fixture",
    "fixtures",
    "halftime",
    "half-time",
    "penalty",
    "title",
    "champion",
    "champions",
    "semifinal",
    "semi-final",
    "quarterfinal",
    "quarter-final",
    "final",
    "finals",
    "squad",
    "team",
    "teams",
    "player",
    "players",
    "victory",
    "defeat",
    "win",
    "won",
    "races",
    "race",
    "game",
    "games",
    "batting",
    "bowling",
    "overs",
    "runs",
    "rebounds",
    "touchdown",
    "nba",
    "nfl",
    "nhl",
    "fifa",
    "uefa",
    "iaaf",
];

impl DocumentContext {
    /// Whether the document reads as a sports report.
    pub fn is_sport(&self) -> bool {
        self.sport
    }
}

impl DocumentContext {
    /// Reads a document given as sentences of tokens.
    pub fn new<T: AsRef<[S]>, S: AsRef<str>>(sentences: &[T]) -> Self {
        let mut ctx = DocumentContext::default();
        let mut sport_words = std::collections::HashSet::new();
        let mut score_lines = 0usize;
        for sentence in sentences {
            let sentence = sentence.as_ref();
            for w in sentence {
                let w = w.as_ref();
                if w.len() <= 14 && w.chars().any(char::is_alphabetic) {
                    let lower = w.to_lowercase();
                    if let Some(&k) = SPORT_WORDS.iter().find(|k| **k == lower) {
                        sport_words.insert(k);
                    }
                } else if is_score(w) {
                    score_lines += 1;
                }
            }
            let capitals = sentence
                .iter()
                .filter(|w| w.as_ref().chars().any(char::is_alphabetic))
                .all(|w| !w.as_ref().chars().any(char::is_lowercase));
            for (i, w) in sentence.iter().enumerate() {
                let w = w.as_ref();
                let Some(first) = w.chars().next() else {
                    continue;
                };
                if first.is_lowercase() {
                    ctx.lowercase.insert(w.to_string());
                } else if first.is_uppercase() && i > 0 && !capitals {
                    ctx.capitalised_inside.insert(w.to_lowercase());
                }
            }
        }
        ctx.sport = sport_words.len() >= 3 || (sport_words.len() >= 2 && score_lines >= 1);
        ctx.neighbours = aggregated_contexts(sentences);
        ctx
    }
}

/// The neighbours of every capitalised word that occurs more than once, each word's in
/// the order they appear, so the features come out the same on every run.
fn aggregated_contexts<T: AsRef<[S]>, S: AsRef<str>>(
    sentences: &[T],
) -> FnvMap<String, Vec<String>> {
    let mut seen: FnvMap<String, (usize, Vec<String>)> = FnvMap::default();
    for sentence in sentences {
        let sentence = sentence.as_ref();
        let lower = |j: usize| sentence[j].as_ref().to_lowercase();
        for (i, w) in sentence.iter().enumerate() {
            if !w.as_ref().chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let entry = seen.entry(w.as_ref().to_lowercase()).or_default();
            entry.0 += 1;
            let left = if i == 0 {
                "<s>".to_string()
            } else {
                lower(i - 1)
            };
            let right = if i + 1 == sentence.len() {
                "</s>".to_string()
            } else {
                lower(i + 1)
            };
            for word in [format!("L{left}"), format!("R{right}")] {
                if entry.1.len() < MAX_NEIGHBOURS && !entry.1.contains(&word) {
                    entry.1.push(word);
                }
            }
        }
    }
    seen.into_iter()
        .filter(|(_, (count, _))| *count > 1)
        .map(|(word, (_, neighbours))| (word, neighbours))
        .collect()
}

/// "5-2", "2-1", "6-4": a result, as sports reports write it (not a year range).
fn is_score(w: &str) -> bool {
    let Some((a, b)) = w.split_once('-') else {
        return false;
    };
    let small = |x: &str| !x.is_empty() && x.len() <= 3 && x.bytes().all(|c| c.is_ascii_digit());
    small(a) && small(b)
}

/// What the features need to know about each token of a sentence, computed once.
#[derive(Debug, Default)]
pub struct SentenceView<'a> {
    words: Vec<&'a str>,
    lower: Vec<String>,
    shape: Vec<String>,
    clusters: Vec<Option<&'a str>>,
    embeddings: Vec<Option<[u16; 4]>>,
    /// (list id, position letter) per token.
    gazetteer: Vec<Vec<(u16, u8)>>,
    /// Per token: seen in lower case in the document, seen capitalised mid-sentence.
    document: Vec<(bool, bool)>,
    capitals: bool,
    sport: bool,
    /// A row of a results or prices table: names and numbers, hardly any running text.
    table: bool,
    /// Per token: the neighbours of all occurrences of its word in the document.
    aggregated: Vec<Option<Vec<String>>>,
}

impl<'a> SentenceView<'a> {
    /// Prepares a sentence of tokens for feature extraction.
    pub fn new(words: &[&'a str], lexicon: &'a Lexicon, context: &DocumentContext) -> Self {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let document = lower
            .iter()
            .map(|l| {
                (
                    context.lowercase.contains(l),
                    context.capitalised_inside.contains(l),
                )
            })
            .collect();
        let shape = words.iter().map(|w| word_shape(w)).collect();
        let clusters = words
            .iter()
            .zip(&lower)
            .map(|(w, l)| lexicon.cluster(w, l))
            .collect();
        let embeddings = words
            .iter()
            .zip(&lower)
            .map(|(w, l)| lexicon.embedding(w, l))
            .collect();
        let (mut upper_words, mut letter_words) = (0, 0);
        for w in words {
            if w.chars().any(char::is_alphabetic) {
                letter_words += 1;
                if !w.chars().any(char::is_lowercase) {
                    upper_words += 1;
                }
            }
        }
        let capitals = letter_words >= 2 && upper_words * 10 >= letter_words * 8;
        let numbers = words
            .iter()
            .filter(|w| w.bytes().next().is_some_and(|b| b.is_ascii_digit()))
            .count();
        let lowercase_words = words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .count();
        let table = words.len() >= 3 && numbers >= 1 && lowercase_words * 5 < words.len();
        let gazetteer = match_phrases(words, &lower, lexicon, capitals);
        // Only capitalised words use them; "the" may share a key with "The".
        let aggregated = words
            .iter()
            .zip(&lower)
            .map(|(w, l)| {
                w.chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                    .then(|| context.neighbours.get(l).cloned())
                    .flatten()
            })
            .collect();
        SentenceView {
            words: words.to_vec(),
            lower,
            shape,
            clusters,
            embeddings,
            gazetteer,
            document,
            capitals,
            sport: context.sport,
            table,
            aggregated,
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The lowercased token `i`.
    pub fn lower(&self, i: usize) -> &str {
        &self.lower[i]
    }

    /// Whether token `i` starts with an uppercase letter.
    pub fn capitalised(&self, i: usize) -> bool {
        self.words[i].chars().next().is_some_and(char::is_uppercase)
    }

    /// The static features of token `i`: everything that does not depend on the labels
    /// already chosen.
    pub fn static_features(&self, i: usize, lexicon: &Lexicon, sink: &mut FeatureSink) {
        let n = self.words.len();
        let word = self.words[i];
        let lower = self.lower[i].as_str();
        let at = |k: isize| -> Option<usize> {
            let j = i as isize + k;
            (j >= 0 && (j as usize) < n).then_some(j as usize)
        };
        let lower_at =
            |k: isize| at(k).map_or(if k < 0 { "<s>" } else { "</s>" }, |j| &self.lower[j]);
        let shape_at =
            |k: isize| at(k).map_or(if k < 0 { "<s>" } else { "</s>" }, |j| &self.shape[j]);

        sink.one("b", "");
        sink.one("w=", word);
        sink.one("l=", lower);
        sink.one("s=", &self.shape[i]);
        let chars: Vec<(usize, char)> = lower.char_indices().collect();
        for k in 1..=4.min(chars.len()) {
            let end = chars.get(k).map_or(lower.len(), |c| c.0);
            sink.one(["p1=", "p2=", "p3=", "p4="][k - 1], &lower[..end]);
            let start = chars[chars.len() - k].0;
            sink.one(["x1=", "x2=", "x3=", "x4="][k - 1], &lower[start..]);
        }
        sink.one("l-1=", lower_at(-1));
        sink.one("l-2=", lower_at(-2));
        sink.one("l+1=", lower_at(1));
        sink.one("l+2=", lower_at(2));
        sink.one("l-3=", lower_at(-3));
        sink.one("l+3=", lower_at(3));
        sink.two("l-1l=", lower_at(-1), lower);
        sink.two("ll+1=", lower, lower_at(1));
        sink.one("s-1=", shape_at(-1));
        sink.one("s+1=", shape_at(1));
        sink.three("sss=", shape_at(-1), &self.shape[i], shape_at(1));
        sink.two("s-1l=", shape_at(-1), lower);
        sink.two("ls+1=", lower, shape_at(1));
        if i == 0 {
            sink.one("first|s=", &self.shape[i]);
        }
        if self.capitalised(i) {
            if let Some(neighbours) = &self.aggregated[i] {
                for n in neighbours {
                    sink.one("ca=", n);
                }
            }
        }
        if (i == 0 && self.capitalised(i)) || self.capitals {
            let (low, cap) = self.document[i];
            sink.two(
                "doc=",
                if low { "low" } else { "-" },
                if cap { "cap" } else { "-" },
            );
        }
        if self.capitals {
            sink.one("caps|s=", &self.shape[i]);
            sink.one("caps|l=", lower);
        }
        if let Some(path) = self.clusters[i] {
            for (template, len) in [("c4=", 4), ("c6=", 6), ("c10=", 10), ("c20=", 20)] {
                sink.one(template, &path[..len.min(path.len())]);
            }
            sink.two("c6s=", &path[..6.min(path.len())], &self.shape[i]);
        } else {
            sink.one("c=", "none");
        }
        for (k, template) in [(-1isize, "c-1="), (1, "c+1=")] {
            match at(k).and_then(|j| self.clusters[j]) {
                Some(path) => {
                    sink.one(template, &path[..6.min(path.len())]);
                }
                None => sink.one(template, "-"),
            }
        }
        if !lexicon.embeddings.is_empty() {
            let mut num = itoa_buf::Buf::default();
            match self.embeddings[i] {
                Some(e) => {
                    for (template, id) in
                        [("e0=", e[0]), ("e1=", e[1]), ("e2=", e[2]), ("e3=", e[3])]
                    {
                        sink.one(template, num.format(id));
                    }
                    sink.two("e2s=", num.format(e[2]), &self.shape[i]);
                }
                None => sink.one("e=", "none"),
            }
            for (k, template) in [(-1isize, "e-1="), (1, "e+1=")] {
                match at(k).and_then(|j| self.embeddings[j]) {
                    Some(e) => sink.one(template, num.format(e[2])),
                    None => sink.one(template, "-"),
                }
            }
            for (k, template, level) in [
                (-2isize, "e-2=", 3usize),
                (2, "e+2=", 3),
                (-1, "f-1=", 1),
                (1, "f+1=", 1),
            ] {
                if let Some(e) = at(k).and_then(|j| self.embeddings[j]) {
                    sink.one(template, num.format(e[level]));
                }
            }
        }
        for &(list, position) in &self.gazetteer[i] {
            let pos = [position];
            let pos = std::str::from_utf8(&pos).unwrap_or("?");
            sink.two("g=", &lexicon.list_names[list as usize], pos);
        }
        if self.table {
            sink.one("tb|s=", &self.shape[i]);
            sink.two(
                "tb|at=",
                if i == 0 { "first" } else { "in" },
                &self.shape[i],
            );
            if let Some(e) = self.embeddings[i] {
                let mut num = itoa_buf::Buf::default();
                sink.one("tb|e3=", num.format(e[3]));
            }
        }
        if self.sport {
            sink.one("sp|s=", &self.shape[i]);
            if self.capitalised(i) || self.capitals {
                sink.one("sp|l=", lower);
                for &(list, position) in &self.gazetteer[i] {
                    let pos = [position];
                    let pos = std::str::from_utf8(&pos).unwrap_or("?");
                    sink.two("sp|g=", &lexicon.list_names[list as usize], pos);
                }
                if let Some(e) = self.embeddings[i] {
                    let mut num = itoa_buf::Buf::default();
                    sink.one("sp|e3=", num.format(e[3]));
                }
            }
        }
        for (k, template) in [(-1isize, "g-1="), (1, "g+1=")] {
            if let Some(j) = at(k) {
                for &(list, _) in &self.gazetteer[j] {
                    sink.one(template, &lexicon.list_names[list as usize]);
                }
            }
        }
    }
}

mod itoa_buf {
    /// Formats small integers without allocating.
    #[derive(Default)]
    pub struct Buf([u8; 8]);

    impl Buf {
        pub fn format(&mut self, mut v: u16) -> &str {
            let mut i = self.0.len();
            loop {
                i -= 1;
                self.0[i] = b'0' + (v % 10) as u8;
                v /= 10;
                if v == 0 {
                    break;
                }
            }
            std::str::from_utf8(&self.0[i..]).unwrap_or("0")
        }
    }
}

/// Features that depend on the labels already chosen in this sentence and on what the
/// same word was labelled earlier in the document.
pub fn history_features(
    view: &SentenceView,
    i: usize,
    previous: &[u8],
    seen: Option<&[u16; 4]>,
    sink: &mut FeatureSink,
) {
    let before = |k: usize| i.checked_sub(k).map(|j| previous[j]);
    history_features_of_tail(view, i, before(2), before(1), seen, sink);
}

/// [`history_features`] given only the two labels before token `i` (`None` before the
/// sentence start): they are all the features read of the labels chosen so far.
pub(crate) fn history_features_of_tail(
    view: &SentenceView,
    i: usize,
    before2: Option<u8>,
    before1: Option<u8>,
    seen: Option<&[u16; 4]>,
    sink: &mut FeatureSink,
) {
    let name = |l: Option<u8>| l.map_or("<s>", |l| LABEL_NAMES[l as usize]);
    let p1 = name(before1);
    let p2 = name(before2);
    sink.one("t1=", p1);
    sink.two("t2t1=", p2, p1);
    sink.two("t1l=", p1, view.lower(i));
    sink.two("t1s=", p1, &view.shape[i]);
    if let Some(counts) = seen {
        let total: u16 = counts.iter().sum();
        let mut best = 0;
        for (ty, &c) in counts.iter().enumerate() {
            if c > 0 {
                sink.one("h=", labels::TYPES[ty]);
            }
            if c > counts[best] {
                best = ty;
            }
        }
        if total > 0 {
            sink.one("hm=", labels::TYPES[best]);
        }
    }
}

/// A compact word shape: letters become X or x, digits d, runs of one class collapse
/// ("Putin" → "Xx", "U.S." → "X.X.", "1,415" → "d,d").
pub fn word_shape(word: &str) -> String {
    let mut out = String::with_capacity(8);
    let mut last = '\0';
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if class != last || !matches!(class, 'X' | 'x' | 'd' | 'a') {
            out.push(class);
        }
        last = class;
        if out.len() >= 12 {
            break;
        }
    }
    out
}

fn match_phrases(
    words: &[&str],
    lower: &[String],
    lexicon: &Lexicon,
    capitals: bool,
) -> Vec<Vec<(u16, u8)>> {
    let n = words.len();
    let mut out = vec![Vec::new(); n];
    if lexicon.phrases.is_empty() {
        return out;
    }
    let starts_name = |w: &str| {
        capitals
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let mut key = String::with_capacity(64);
    for start in 0..n {
        if !starts_name(words[start]) {
            continue;
        }
        key.clear();
        for end in start + 1..=(start + lexicon.max_phrase_tokens).min(n) {
            if end > start + 1 {
                key.push(' ');
            }
            key.push_str(&lower[end - 1]);
            if !starts_name(words[end - 1]) {
                continue;
            }
            if let Some(lists) = lexicon.phrases.get(key.as_str()) {
                for &list in lists {
                    if end - start == 1 {
                        out[start].push((list, b'U'));
                    } else {
                        out[start].push((list, b'B'));
                        for slot in &mut out[start + 1..end - 1] {
                            slot.push((list, b'I'));
                        }
                        out[end - 1].push((list, b'L'));
                    }
                }
            }
        }
    }
    for slot in &mut out {
        slot.sort_unstable();
        slot.dedup();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_mention_sees_the_contexts_of_the_others() {
        let sentences = vec![
            vec!["Wasps", "beat", "Bath", "."],
            vec!["Bath", "lost", "to", "Wasps", "15-10", "."],
            vec!["Leicester", "won", "."],
        ];
        let context = DocumentContext::new(&sentences);
        let wasps = &context.neighbours["wasps"];
        assert_eq!(wasps, &["L<s>", "Rbeat", "Lto", "R15-10"]);
        // Met once: its only context is already in the window features.
        assert!(!context.neighbours.contains_key("leicester"));
        let lexicon = Lexicon::default();
        let words = ["Wasps", "beat", "Bath", "."];
        let view = SentenceView::new(&words, &lexicon, &context);
        let mut sink = FeatureSink::with_names();
        view.static_features(0, &lexicon, &mut sink);
        let names = sink.names().unwrap_or_default();
        assert!(names.iter().any(|n| n == "ca=R15-10"), "{names:?}");
        sink.clear();
        view.static_features(1, &lexicon, &mut sink);
        let names = sink.names().unwrap_or_default();
        assert!(
            !names.iter().any(|n| n.starts_with("ca=")),
            "lower-case word"
        );
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(word_shape("Putin"), "Xx");
        assert_eq!(word_shape("U.S."), "X.X.");
        assert_eq!(word_shape("1,415"), "d,d");
        assert_eq!(word_shape("McDonald"), "XxXx");
    }

    #[test]
    fn phrases_match_with_positions() {
        let lexicon = Lexicon::new(
            "# test\nPutin\t0110\n#\t0001\n",
            &[(
                "city".to_string(),
                vec!["New York".to_string(), "York".to_string()],
            )],
        );
        let words = ["He", "left", "New", "York", "."];
        let view = SentenceView::new(&words, &lexicon, &DocumentContext::default());
        assert_eq!(view.gazetteer[2], vec![(0, b'B')]);
        assert_eq!(view.gazetteer[3], vec![(0, b'L'), (0, b'U')]);
        assert!(view.gazetteer[1].is_empty());
        // Lowercase words are not names, so "new york" in running text does not match.
        let words = ["a", "new", "york"];
        let view = SentenceView::new(&words, &lexicon, &DocumentContext::default());
        assert!(view.gazetteer.iter().all(Vec::is_empty));
    }

    #[test]
    fn headline_capitals_find_the_running_text_cluster() {
        let lexicon = Lexicon::new("Russia\t01101\n", &[]);
        assert_eq!(lexicon.cluster("RUSSIA", "russia"), Some("01101"));
        assert_eq!(lexicon.cluster("Russia", "russia"), Some("01101"));
        assert_eq!(lexicon.cluster("Moscow", "moscow"), None);
        let lexicon = Lexicon::new("# comment\n#\t0001\n", &[]);
        assert_eq!(lexicon.cluster("#", "#"), Some("0001"));
        assert_eq!(lexicon.cluster_words(), 1);
    }

    #[test]
    fn word_vector_clusters_are_found_in_running_text_case() {
        let plain = Lexicon::new("", &[]);
        let lexicon = Lexicon::new("", &[]).with_embeddings(
            "# header line\nputin\t19856\t1282\t351\t125\nPakistan\t5864\t1206\t326\t125\nbad\tline\n",
        );
        assert_eq!(lexicon.embedding_words(), 2);
        assert_ne!(lexicon.fingerprint(), plain.fingerprint());
        assert_eq!(
            lexicon.embedding("Putin", "putin"),
            Some([19856, 1282, 351, 125])
        );
        assert_eq!(
            lexicon.embedding("PAKISTAN", "pakistan"),
            Some([5864, 1206, 326, 125])
        );
        // "pakistan" in lower case is another word form, with no cluster of its own here.
        assert_eq!(lexicon.embedding("pakistan", "pakistan"), None);
        let words = ["Putin", "visited", "Pakistan"];
        let view = SentenceView::new(&words, &lexicon, &DocumentContext::default());
        let mut sink = FeatureSink::with_names();
        view.static_features(0, &lexicon, &mut sink);
        let names = sink.names().unwrap();
        for f in ["e0=19856", "e3=125", "e2s=351|Xx", "e+1=-"] {
            assert!(names.contains(&f.to_string()), "{f} in {names:?}");
        }
        // Without word vectors the features are not emitted at all, so older models keep
        // their meaning.
        let mut sink = FeatureSink::with_names();
        let view = SentenceView::new(&words, &plain, &DocumentContext::default());
        view.static_features(0, &plain, &mut sink);
        assert!(!sink.names().unwrap().iter().any(|n| n.starts_with('e')));
    }

    #[test]
    fn small_numbers_format_without_allocating() {
        let mut buf = itoa_buf::Buf::default();
        assert_eq!(buf.format(0), "0");
        assert_eq!(buf.format(7), "7");
        assert_eq!(buf.format(65535), "65535");
    }

    #[test]
    fn sports_reports_are_told_from_other_news() {
        let doc = |text: &str| -> Vec<Vec<String>> {
            text.lines()
                .map(|l| l.split_whitespace().map(String::from).collect())
                .collect()
        };
        let sport = doc("SOCCER - LEEDS BEAT DERBY .\nLeeds beat Derby 2-1 on Saturday .");
        assert!(DocumentContext::new(&sport).is_sport());
        let cricket = doc("Yorkshire took four wickets before lunch .\nThe innings ended at 290 .\nDurham are top of the championship .");
        assert!(DocumentContext::new(&cricket).is_sport());
        // One sports word in a business story is not enough, nor is a year range.
        let business =
            doc("Shares in Leeds Permanent rose to match the offer .\nProfits for 1995-96 fell .");
        assert!(!DocumentContext::new(&business).is_sport());
        assert!(is_score("5-2") && is_score("103-98"));
        assert!(!is_score("1995-96") && !is_score("-2") && !is_score("a-b"));
    }

    #[test]
    fn feature_names_and_hashes_stay_in_step() {
        let lexicon = Lexicon::new("", &[]);
        let words = ["Peter", "Blackburn"];
        let view = SentenceView::new(&words, &lexicon, &DocumentContext::default());
        let mut sink = FeatureSink::with_names();
        view.static_features(0, &lexicon, &mut sink);
        let names = sink.names().unwrap();
        assert_eq!(names.len(), sink.hashes.len());
        assert!(names.contains(&"l=peter".to_string()));
        assert!(names.contains(&"l+1=blackburn".to_string()));
        let i = names.iter().position(|n| n == "w=Peter").unwrap();
        assert_eq!(sink.hashes[i], hash(b"w=Peter"));
    }
}
