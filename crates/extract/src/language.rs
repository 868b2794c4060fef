//! Language of an article's text, as an ISO 639-1 code.
//!
//! Two opinions, the cheap one first: our trigram scorer (`trigrams.rs`) answers when its
//! best language is clearly ahead; otherwise whatlang, whose models ship inside the crate
//! and cover the 69 languages of most news, decides. ISO 639-3 codes are mapped to the
//! two-letter codes news metadata (`<html lang>`, feeds) uses, so both sources compare.

use std::borrow::Cow;

/// whatlang's samples: half a kilobyte of prose usually settles it; when whatlang is not
/// sure of that, two kilobytes. On the extraction benchmark's 121 article bodies this
/// agrees with an 8 KiB sample on 120; on the other, a table of Portuguese racing
/// results, it says `pt` where the larger sample gives no answer.
const QUICK_SAMPLE_BYTES: usize = 512;
/// The trigram scorer's sample. On the 121 benchmark bodies and the five seeds, scorer
/// with whatlang behind it gives the same language as whatlang alone on every article.
const SCORER_SAMPLE_BYTES: usize = 512;
/// How far ahead the scorer's best language must be for its answer to stand, for texts
/// of at least [`SHORT_TEXT_BYTES`] and for shorter ones. Chosen on 3,431 windows of 120
/// bytes to 4 KB cut from the extraction benchmark's 121 article bodies: with these the
/// scorer answered 90% of the windows and agreed with whatlang on every one (a margin
/// of 0.02 on the 120-byte windows disagreed on 4 of 766).
const CLEAR_MARGIN: f64 = 0.02;
const CLEAR_MARGIN_SHORT: f64 = 0.05;
const SHORT_TEXT_BYTES: usize = 200;
const SAMPLE_BYTES: usize = 2048;
const MIN_LETTERS: usize = 40;
const MIN_CONFIDENCE: f64 = 0.1;

/// Detects the language of `text`; `None` when the text is too short or too mixed to tell.
pub fn detect_language(text: &str) -> Option<String> {
    let sample = prose_sample(text, SCORER_SAMPLE_BYTES);
    // Trigram statistics on a handful of letters are noise ("ok yes" scores as
    // Hungarian). The larger samples below hold this one, so the check covers them too.
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    if let Some(script) = whatlang::detect_script(&sample) {
        if let Some(guess) = crate::trigrams::guess(&sample, script.name()) {
            let needed = if sample.len() < SHORT_TEXT_BYTES {
                CLEAR_MARGIN_SHORT
            } else {
                CLEAR_MARGIN
            };
            if guess.margin >= needed {
                return Some(iso639_1(guess.lang).to_string());
            }
        }
    }
    if text.len() > QUICK_SAMPLE_BYTES {
        if let Some(info) = whatlang::detect(&prose_sample(text, QUICK_SAMPLE_BYTES)) {
            if info.is_reliable() {
                return Some(iso639_1(info.lang().code()).to_string());
            }
        }
    }
    detect_language_sample(text, SAMPLE_BYTES)
}

fn detect_language_sample(text: &str, sample_bytes: usize) -> Option<String> {
    let info = whatlang::detect(&prose_sample(text, sample_bytes))?;
    // whatlang's confidence is a margin over the runner-up, so close relatives (English
    // and Scots, say) score low on a short sentence even when the first guess is right.
    if !info.is_reliable() && info.confidence() < MIN_CONFIDENCE {
        return None;
    }
    Some(iso639_1(info.lang().code()).to_string())
}

/// Normalises a declared language tag (`en-US`, `EN`, `eng`) to ISO 639-1 where known.
pub fn normalize_language_tag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    match primary.len() {
        2 if primary.chars().all(|c| c.is_ascii_alphabetic()) => Some(primary),
        3 => {
            let two = iso639_1(&primary);
            (two.len() == 2).then(|| two.to_string())
        }
        _ => None,
    }
}

/// The longest lines first, up to `max` bytes: tables, lists and datelines at the top of
/// an article say little of its language, its prose paragraphs say it best.
fn prose_sample(text: &str, max: usize) -> Cow<'_, str> {
    if text.len() <= max {
        return Cow::Borrowed(text);
    }
    // Most articles have a paragraph longer than the sample: take it without sorting.
    if let Some(longest) = text.lines().map(str::trim).max_by_key(|l| l.len()) {
        if longest.len() >= max {
            return Cow::Borrowed(prefix_at_char_boundary(longest, max));
        }
    }
    let mut lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.sort_by_key(|l| std::cmp::Reverse(l.len()));
    let mut sample = String::with_capacity(max + 1);
    for line in lines {
        if !sample.is_empty() {
            sample.push('\n');
        }
        sample.push_str(prefix_at_char_boundary(line, max - sample.len().min(max)));
        if sample.len() >= max {
            break;
        }
    }
    Cow::Owned(sample)
}

fn prefix_at_char_boundary(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn iso639_1(code3: &str) -> &str {
    match code3 {
        "epo" => "eo",
        "eng" => "en",
        "rus" => "ru",
        "cmn" | "zho" => "zh",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "ben" => "bn",
        "fra" => "fr",
        "deu" => "de",
        "ukr" => "uk",
        "kat" => "ka",
        "ara" => "ar",
        "hin" => "hi",
        "jpn" => "ja",
        "heb" => "he",
        "yid" => "yi",
        "pol" => "pl",
        "amh" => "am",
        "jav" => "jv",
        "kor" => "ko",
        "nob" => "nb",
        "dan" => "da",
        "swe" => "sv",
        "fin" => "fi",
        "tur" => "tr",
        "nld" => "nl",
        "hun" => "hu",
        "ces" => "cs",
        "ell" => "el",
        "bul" => "bg",
        "bel" => "be",
        "mar" => "mr",
        "kan" => "kn",
        "ron" => "ro",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "mkd" => "mk",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "tam" => "ta",
        "vie" => "vi",
        "urd" => "ur",
        "tha" => "th",
        "guj" => "gu",
        "uzb" => "uz",
        "pan" => "pa",
        "aze" => "az",
        "ind" => "id",
        "tel" => "te",
        "pes" | "fas" => "fa",
        "mal" => "ml",
        "ori" => "or",
        "mya" => "my",
        "nep" => "ne",
        "sin" => "si",
        "khm" => "km",
        "tuk" => "tk",
        "aka" => "ak",
        "zul" => "zu",
        "sna" => "sn",
        "afr" => "af",
        "lat" => "la",
        "slk" => "sk",
        "cat" => "ca",
        "tgl" => "tl",
        "hye" => "hy",
        "cym" => "cy",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_common_news_languages() {
        let cases = [
            ("en", "The president said on Monday that the talks would continue next week in Geneva despite the attacks."),
            ("de", "Der Präsident sagte am Montag, dass die Gespräche trotz der Angriffe nächste Woche in Genf fortgesetzt werden."),
            ("ru", "Президент заявил в понедельник, что переговоры продолжатся на следующей неделе в Женеве, несмотря на атаки."),
            ("uk", "Президент заявив у понеділок, що переговори триватимуть наступного тижня в Женеві, попри атаки та обстріли."),
            ("fr", "Le président a déclaré lundi que les pourparlers se poursuivraient la semaine prochaine à Genève malgré les attaques."),
        ];
        for (want, text) in cases {
            assert_eq!(detect_language(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn a_table_on_top_does_not_decide() {
        let table = "Pos Piloto Pontos\n1 Kyle Busch 5040\n2 Martin Truex Jr. 5035\n".repeat(60);
        let prose = "Nesta página você terá sempre a classificação atualizada do campeonato até a última corrida, com todos os pilotos e as suas vitórias.";
        let text = format!("{table}\n{prose}");
        assert!(text.len() > SAMPLE_BYTES);
        assert_eq!(detect_language(&text).as_deref(), Some("pt"));
    }

    #[test]
    fn the_fast_scorer_decides_ordinary_news_prose() {
        let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds");
        for entry in std::fs::read_dir(seeds).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let sample = prose_sample(&text, SCORER_SAMPLE_BYTES);
            let guess = crate::trigrams::guess(&sample, "Latin").unwrap();
            assert_eq!(guess.lang, "eng");
            assert!(guess.margin >= CLEAR_MARGIN, "{guess:?}");
            assert_eq!(detect_language(&text).as_deref(), Some("en"));
        }
    }

    #[test]
    fn refuses_to_guess_on_a_few_words() {
        assert_eq!(detect_language("ok yes"), None);
        assert_eq!(detect_language("12 345 678 -- 99"), None);
    }

    #[test]
    fn normalizes_declared_tags() {
        assert_eq!(normalize_language_tag("en-US").as_deref(), Some("en"));
        assert_eq!(normalize_language_tag("EN").as_deref(), Some("en"));
        assert_eq!(normalize_language_tag("deu").as_deref(), Some("de"));
        assert_eq!(normalize_language_tag("x"), None);
    }
}
