//! A fast first opinion on an article's language: the out-of-place distance between the
//! text's trigram ranking and each language's (Cavnar and Trenkle, 1994), computed from
//! an inverted index so that one pass over the text's trigrams scores every language of
//! its script at once.
//!
//! whatlang computes the same kind of distance by looking every profile trigram of every
//! language up in the text, about 12,000 lookups per call whatever the text's length;
//! that made it half the cost of plain-text ingest. Here a text costs one lookup per
//! distinct trigram. The profiles (`models/trigrams.tsv`) are whatlang's published data,
//! so when the ranking is clear the two agree; when it is not, the caller asks whatlang.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// Trigrams per language profile.
const PROFILE_LEN: i64 = 300;
/// Text trigrams compared: beyond twice the profile length a rank cannot match.
const TEXT_LEN: usize = 600;

/// The language a text is closest to and how clearly.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Guess {
    /// ISO 639-3 code.
    pub lang: &'static str,
    /// How much closer the best language is than the runner-up, per trigram compared and
    /// as a share of the largest distance one trigram can add: 0 for a tie.
    pub margin: f64,
    /// Distinct trigrams the text had.
    pub trigrams: usize,
}

/// Scores `text` against the languages of `script` (whatlang's name for it: `Latin`,
/// `Cyrillic`, ...); `None` when the model has no languages of that script.
pub(crate) fn guess(text: &str, script: &str) -> Option<Guess> {
    let model = MODEL.get(script)?;
    let ranked = ranked_trigrams(text);
    if ranked.is_empty() {
        return None;
    }
    let mut distance = vec![PROFILE_LEN * PROFILE_LEN; model.langs.len()];
    for (position, key) in ranked.iter().enumerate() {
        if let Some(postings) = model.postings.get(key) {
            for &(lang, rank) in postings {
                // Found: its rank difference instead of the full penalty for a miss.
                distance[usize::from(lang)] +=
                    (position as i64 - i64::from(rank)).abs() - PROFILE_LEN;
            }
        }
    }
    let mut order: Vec<usize> = (0..distance.len()).collect();
    order.sort_unstable_by_key(|&i| (distance[i], i));
    let best = order[0];
    let margin = match order.get(1) {
        Some(&second) => {
            // Per trigram compared, so short and long texts' margins read alike.
            let compared = (ranked.len() as i64).min(PROFILE_LEN);
            (distance[second] - distance[best]) as f64 / (compared * PROFILE_LEN) as f64
        }
        None => 1.0,
    };
    Some(Guess {
        lang: model.langs[best],
        margin,
        trigrams: ranked.len(),
    })
}

/// The text's trigrams, most frequent first (ties in key order, so the ranking is
/// deterministic), at most [`TEXT_LEN`]. Letters are lowercased; every run of other
/// characters is one space, and the text is padded with one, so word starts and ends
/// count.
fn ranked_trigrams(text: &str) -> Vec<u64> {
    let mut keys = Vec::with_capacity(text.len() + 2);
    let (mut a, mut b) = (' ', ' ');
    let mut started = false;
    for c in text.chars().chain(std::iter::once(' ')) {
        let c = if c.is_ascii_alphabetic() {
            c.to_ascii_lowercase()
        } else if !c.is_ascii() && c.is_alphabetic() {
            c.to_lowercase().next().unwrap_or(c)
        } else {
            ' '
        };
        if c == ' ' && b == ' ' {
            continue;
        }
        if started {
            keys.push(key(a, b, c));
        }
        started = true;
        (a, b) = (b, c);
    }
    keys.sort_unstable();
    let mut counted: Vec<(u32, u64)> = Vec::with_capacity(keys.len() / 2);
    for &k in &keys {
        match counted.last_mut() {
            Some((n, last)) if *last == k => *n += 1,
            _ => counted.push((1, k)),
        }
    }
    counted.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    counted.truncate(TEXT_LEN);
    counted.into_iter().map(|(_, k)| k).collect()
}

fn key(a: char, b: char, c: char) -> u64 {
    (u64::from(a) << 42) | (u64::from(b) << 21) | u64::from(c)
}

struct ScriptModel {
    langs: Vec<&'static str>,
    /// Trigram key → (language index, rank in that language's profile).
    postings: HashMap<u64, Vec<(u8, u16)>, BuildHasherDefault<KeyHasher>>,
}

static MODEL: LazyLock<HashMap<&'static str, ScriptModel>> =
    LazyLock::new(|| parse_model(include_str!("../models/trigrams.tsv")));

fn parse_model(tsv: &'static str) -> HashMap<&'static str, ScriptModel> {
    let mut scripts: HashMap<&'static str, ScriptModel> = HashMap::new();
    for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let mut fields = line.split('\t');
        let (Some(script), Some(lang), Some(trigrams)) =
            (fields.next(), fields.next(), fields.next())
        else {
            panic!("models/trigrams.tsv: malformed line {line:?}");
        };
        let model = scripts.entry(script).or_insert_with(|| ScriptModel {
            langs: Vec::new(),
            postings: HashMap::default(),
        });
        let index = u8::try_from(model.langs.len()).expect("under 256 languages per script");
        model.langs.push(lang);
        for (rank, trigram) in trigrams.split('|').enumerate() {
            let mut chars = trigram.chars();
            let (Some(a), Some(b), Some(c), None) =
                (chars.next(), chars.next(), chars.next(), chars.next())
            else {
                panic!("models/trigrams.tsv: {lang}: {trigram:?} is not a trigram");
            };
            let rank = u16::try_from(rank).expect("profiles are short");
            model
                .postings
                .entry(key(a, b, c))
                .or_default()
                .push((index, rank));
        }
    }
    scripts
}

/// Multiplicative hashing of the packed trigram keys: they are already well spread, and
/// the default SipHash would cost more than the scoring.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, key: u64) {
        self.0 = (key ^ (key >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_has_the_news_languages_of_each_script() {
        let latin = &MODEL["Latin"].langs;
        for lang in [
            "eng", "fra", "deu", "spa", "por", "ita", "nld", "pol", "tur",
        ] {
            assert!(latin.contains(&lang), "{lang}");
        }
        assert!(MODEL["Cyrillic"].langs.contains(&"ukr"));
        assert!(MODEL["Cyrillic"].langs.contains(&"rus"));
    }

    #[test]
    fn trigrams_are_padded_lowercased_and_ranked_by_frequency() {
        let ranked = ranked_trigrams("The the, THE!");
        assert_eq!(ranked[0], key(' ', 't', 'h'));
        assert_eq!(ranked.len(), 4, "' th', 'the', 'he ', 'e t'");
    }

    #[test]
    fn tells_close_languages_apart_on_a_sentence() {
        let cases = [
            ("eng", "Latin", "The government said on Monday that the talks would continue next week."),
            ("spa", "Latin", "El gobierno dijo el lunes que las conversaciones continuarán la próxima semana."),
            ("por", "Latin", "O governo disse na segunda-feira que as conversas continuarão na próxima semana."),
            ("rus", "Cyrillic", "Правительство заявило в понедельник, что переговоры продолжатся на следующей неделе."),
            ("ukr", "Cyrillic", "Уряд заявив у понеділок, що переговори продовжаться наступного тижня."),
        ];
        for (want, script, text) in cases {
            let got = guess(text, script).unwrap();
            assert_eq!(got.lang, want, "{text}: {got:?}");
            assert!(got.margin > 0.0);
        }
        assert_eq!(guess("text", "Klingon"), None);
    }
}
