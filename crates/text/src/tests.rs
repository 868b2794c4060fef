//! Hard cases of news text, each a real-looking sentence, with the exact tokens and
//! sentences expected.

use super::*;

/// The texts of `text`'s tokens, after checking the invariants every caller relies on.
pub(crate) fn token_texts(text: &str) -> Vec<&str> {
    let seg = segment(text);
    check(text, &seg);
    seg.tokens.iter().map(|t| t.span.of(text)).collect()
}

/// The texts of `text`'s sentences, after checking the invariants.
pub(crate) fn sentence_texts(text: &str) -> Vec<&str> {
    let seg = segment(text);
    check(text, &seg);
    seg.sentences.iter().map(|s| s.span.of(text)).collect()
}

/// Invariants of [`segment`]'s output for any input: tokens non-empty, in order, on char
/// boundaries, covering every non-space character exactly once; sentences in order,
/// covering all tokens, each span running from its first token to its last;
/// `tokenize` agreeing with `segment`.
pub(crate) fn check(text: &str, seg: &Segmented) {
    let mut last_end = 0;
    let mut covered = String::with_capacity(text.len());
    for t in &seg.tokens {
        let Span { start, end } = t.span;
        assert!(start < end, "empty token {t:?} in {text:?}");
        assert!(last_end <= start, "overlapping token {t:?} in {text:?}");
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "{t:?} in {text:?}"
        );
        assert!(
            text[last_end..start].chars().all(chars::is_space),
            "skipped non-space {:?} before {t:?} in {text:?}",
            &text[last_end..start]
        );
        covered.push_str(&text[start..end]);
        last_end = end;
    }
    assert!(
        text[last_end..].chars().all(chars::is_space),
        "skipped tail in {text:?}"
    );
    assert!(
        !covered.chars().any(|c| c.is_whitespace()),
        "space inside a token in {text:?}"
    );

    let mut next = 0;
    for s in &seg.sentences {
        assert_eq!(s.first_token, next, "gap or overlap at {s:?} in {text:?}");
        assert!(
            s.first_token < s.end_token,
            "empty sentence {s:?} in {text:?}"
        );
        assert_eq!(s.span.start, seg.tokens[s.first_token].span.start);
        assert_eq!(s.span.end, seg.tokens[s.end_token - 1].span.end);
        next = s.end_token;
    }
    assert_eq!(
        next,
        seg.tokens.len(),
        "tokens outside any sentence in {text:?}"
    );
    assert_eq!(tokenize(text), seg.tokens);
}

fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
    tokenize(text)
        .iter()
        .map(|t| (t.span.of(text), t.kind))
        .collect()
}

// ---- tokens ----

#[test]
fn punctuation_is_split_from_words() {
    assert_eq!(
        token_texts("Peskov said, \"we expect to continue dialogue (with Washington).\""),
        [
            "Peskov",
            "said",
            ",",
            "\"",
            "we",
            "expect",
            "to",
            "continue",
            "dialogue",
            "(",
            "with",
            "Washington",
            ")",
            ".",
            "\""
        ]
    );
}

#[test]
fn possessives_and_negations_are_separate_tokens_as_in_conll() {
    // train.txt: `Germany` `'s`, `Farmers` `'`, `do` `n't`, `ca` `n't`, `wo` `n't`.
    assert_eq!(
        token_texts("Russia's war economy won't break, and Kyiv's allies can't wait."),
        [
            "Russia", "'s", "war", "economy", "wo", "n't", "break", ",", "and", "Kyiv", "'s",
            "allies", "ca", "n't", "wait", "."
        ]
    );
    assert_eq!(
        token_texts(
            "“He knows Trump is serious, and he doesn’t want to anger him,” Trump’s envoy said."
        ),
        [
            "“", "He", "knows", "Trump", "is", "serious", ",", "and", "he", "does", "n’t", "want",
            "to", "anger", "him", ",", "”", "Trump", "’s", "envoy", "said", "."
        ]
    );
    assert_eq!(
        token_texts("The U.S.'s allies and the U.N.’s envoy"),
        ["The", "U.S.", "'s", "allies", "and", "the", "U.N.", "’s", "envoy"]
    );
    assert_eq!(
        token_texts("The farmers' union said they're sure O'Brien'd agree I'm right."),
        [
            "The", "farmers", "'", "union", "said", "they", "'re", "sure", "O'Brien", "'d",
            "agree", "I", "'m", "right", "."
        ]
    );
}

#[test]
fn figures_stay_whole_and_currency_signs_are_split() {
    assert_eq!(
        kinds("Russia gained 1,415 sq km, 3.5% more, by 2025-08-08 at 10:30; $300 billion and US$5 frozen."),
        [
            ("Russia", TokenKind::Word),
            ("gained", TokenKind::Word),
            ("1,415", TokenKind::Number),
            ("sq", TokenKind::Word),
            ("km", TokenKind::Word),
            (",", TokenKind::Punct),
            ("3.5", TokenKind::Number),
            ("%", TokenKind::Symbol),
            ("more", TokenKind::Word),
            (",", TokenKind::Punct),
            ("by", TokenKind::Word),
            ("2025-08-08", TokenKind::Number),
            ("at", TokenKind::Word),
            ("10:30", TokenKind::Number),
            (";", TokenKind::Punct),
            ("$", TokenKind::Symbol),
            ("300", TokenKind::Number),
            ("billion", TokenKind::Word),
            ("and", TokenKind::Word),
            ("US$", TokenKind::Symbol),
            ("5", TokenKind::Number),
            ("frozen", TokenKind::Word),
            (".", TokenKind::Punct),
        ]
    );
    assert_eq!(
        token_texts("Losses of 5,000 troops, 1,000,000 shells and 12,34 rounds, the 1990s, 4-1, +44, .5 and 1/2."),
        [
            "Losses", "of", "5,000", "troops", ",", "1,000,000", "shells", "and", "12", ",", "34",
            "rounds", ",", "the", "1990s", ",", "4-1", ",", "+44", ",", ".5", "and", "1/2", "."
        ]
    );
}

#[test]
fn abbreviations_keep_their_period() {
    assert_eq!(
        token_texts("U.S. Sen. Lindsey Graham met Gen. Valery Gerasimov, Mr. Witkoff and J. D. Vance on Jan. 6 at 10 a.m. in No. 10 Downing St., Acme Inc. and Ph.D. students, e.g. here."),
        [
            "U.S.", "Sen.", "Lindsey", "Graham", "met", "Gen.", "Valery", "Gerasimov", ",", "Mr.",
            "Witkoff", "and", "J.", "D.", "Vance", "on", "Jan.", "6", "at", "10", "a.m.", "in",
            "No.", "10", "Downing", "St.", ",", "Acme", "Inc.", "and", "Ph.D.", "students", ",",
            "e.g.", "here", "."
        ]
    );
}

#[test]
fn no_is_a_word_unless_a_number_follows() {
    assert_eq!(
        sentence_texts(
            "Asked whether he would resign, he said No. The vote is set for No. 3 on the list."
        ),
        [
            "Asked whether he would resign, he said No.",
            "The vote is set for No. 3 on the list."
        ]
    );
    assert_eq!(
        token_texts("he said No. The"),
        ["he", "said", "No", ".", "The"]
    );
}

#[test]
fn compounds_censored_words_urls_and_emails_are_one_token() {
    assert_eq!(
        kinds("U.S.-based and pro-Russian groups called it bullsh*t, see https://www.toutiao.com/article/7525364565807317567/, www.unn.ua or Kremlin.ru and write to news@observer.cn."),
        [
            ("U.S.-based", TokenKind::Word),
            ("and", TokenKind::Word),
            ("pro-Russian", TokenKind::Word),
            ("groups", TokenKind::Word),
            ("called", TokenKind::Word),
            ("it", TokenKind::Word),
            ("bullsh*t", TokenKind::Word),
            (",", TokenKind::Punct),
            ("see", TokenKind::Word),
            ("https://www.toutiao.com/article/7525364565807317567/", TokenKind::Url),
            (",", TokenKind::Punct),
            ("www.unn.ua", TokenKind::Url),
            ("or", TokenKind::Word),
            ("Kremlin.ru", TokenKind::Url),
            ("and", TokenKind::Word),
            ("write", TokenKind::Word),
            ("to", TokenKind::Word),
            ("news@observer.cn", TokenKind::Url),
            (".", TokenKind::Punct),
        ]
    );
    assert_eq!(
        token_texts(
            "The S&P 500 and AT&T fell; Ukraine-Russia talks (see en.wikipedia.org) stalled."
        ),
        [
            "The",
            "S&P",
            "500",
            "and",
            "AT&T",
            "fell",
            ";",
            "Ukraine-Russia",
            "talks",
            "(",
            "see",
            "en.wikipedia.org",
            ")",
            "stalled",
            "."
        ]
    );
}

#[test]
fn hyphenated_abbreviations_and_hanging_hyphens_follow_conll() {
    // train.txt: `Iraq-U.N.` `memorandum`, `Wash.-based`, `anti-` `terrorist`, `6-` `3`.
    assert_eq!(
        token_texts(
            "The Iraq-U.N. memorandum, a Wash.-based firm, anti- and pro-Russian groups won 6- 3."
        ),
        [
            "The",
            "Iraq-U.N.",
            "memorandum",
            ",",
            "a",
            "Wash.-based",
            "firm",
            ",",
            "anti-",
            "and",
            "pro-Russian",
            "groups",
            "won",
            "6-",
            "3",
            "."
        ]
    );
}

#[test]
fn quotes_dashes_and_ellipses_are_tokens_of_their_own() {
    assert_eq!(
        token_texts(
            "“Appetite comes with eating”—one source said—‘maybe’ -- or not... Then… nothing."
        ),
        [
            "“", "Appetite", "comes", "with", "eating", "”", "—", "one", "source", "said", "—",
            "‘", "maybe", "’", "--", "or", "not", "...", "Then", "…", "nothing", "."
        ]
    );
    assert_eq!(
        token_texts("the 'bloodbath' in Ukraine – Rubio"),
        ["the", "'", "bloodbath", "'", "in", "Ukraine", "–", "Rubio"]
    );
}

#[test]
fn any_script_tokenizes_without_panics() {
    assert_eq!(
        token_texts("Путин заявил: «Мы не отступим». В. Зеленский ответил."),
        [
            "Путин",
            "заявил",
            ":",
            "«",
            "Мы",
            "не",
            "отступим",
            "»",
            ".",
            "В.",
            "Зеленский",
            "ответил",
            "."
        ]
    );
    assert_eq!(
        token_texts("【观察者网】普京表示，俄方不会让步。特朗普说：“这是胡扯！”"),
        [
            "【",
            "观察者网",
            "】",
            "普京表示",
            "，",
            "俄方不会让步",
            "。",
            "特朗普说",
            "：",
            "“",
            "这是胡扯",
            "！",
            "”"
        ]
    );
    // Decomposed accent, Arabic with harakat, Devanagari, emoji with modifiers and ZWJ,
    // a flag, invisible characters.
    let text = "Zelenske\u{0301}nskyy كِتَاب हिन्दी 👍🏽 👨‍👩‍👧 🇺🇦 a\u{200B}b\u{FEFF}";
    assert_eq!(
        token_texts(text),
        [
            "Zelenske\u{0301}nskyy",
            "كِتَاب",
            "हिन्दी",
            "👍🏽",
            "👨‍👩‍👧",
            "🇺🇦",
            "a",
            "b"
        ]
    );
}

#[test]
fn arbitrary_unicode_never_panics_and_keeps_the_invariants() {
    // A fixed pseudo-random walk over characters the scanner treats specially, so that
    // every branch meets every neighbour, including at the end of the text.
    let alphabet: Vec<char> =
        "aZ9.,'’-‐$@#+*&_/:\"“”(\n) …—.?!é\u{0301}Ж中。！🇺👍\u{200D}\u{FE0F}\u{00AD}\u{2028}Inc"
            .chars()
            .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..3000 {
        let mut text = String::new();
        let len = (state >> 59) as usize + 1;
        for _ in 0..len {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push(alphabet[(state >> 33) as usize % alphabet.len()]);
        }
        let seg = segment(&text);
        check(&text, &seg);
    }
}

// ---- sentences ----

#[test]
fn lines_always_end_sentences() {
    assert_eq!(
        sentence_texts("Putin to Press On in Ukraine Despite Trump's Threats, Reuters Report\nKremlin sources reveal Putin's resolve\n\n- Get link\n- X\n1. Russia gained ground.\n2. Kyiv held."),
        [
            "Putin to Press On in Ukraine Despite Trump's Threats, Reuters Report",
            "Kremlin sources reveal Putin's resolve",
            "- Get link",
            "- X",
            "1. Russia gained ground.",
            "2. Kyiv held."
        ]
    );
}

#[test]
fn abbreviations_and_initials_do_not_end_sentences() {
    assert_eq!(
        sentence_texts("Gen. Valery Gerasimov briefed U.S. envoy Steve Witkoff and Sen. Lindsey Graham. J. D. Vance arrived at 10:30 p.m. Friday with Dr. Smith of Acme Corp. and Rep. Jones. It was No. 10 on the agenda."),
        [
            "Gen. Valery Gerasimov briefed U.S. envoy Steve Witkoff and Sen. Lindsey Graham.",
            "J. D. Vance arrived at 10:30 p.m. Friday with Dr. Smith of Acme Corp. and Rep. Jones.",
            "It was No. 10 on the agenda."
        ]
    );
}

#[test]
fn sentence_final_abbreviations_end_before_a_sentence_opener() {
    let text = "He has never entertained illusions about the U.S. The Russian leadership is preparing. Talks ended at 2 a.m. But the Kremlin said he left the U.S. Senate alone, the U.S. President too.";
    assert_eq!(
        sentence_texts(text),
        [
            "He has never entertained illusions about the U.S.",
            "The Russian leadership is preparing.",
            "Talks ended at 2 a.m.",
            "But the Kremlin said he left the U.S. Senate alone, the U.S. President too."
        ]
    );
    // The period is then a token of its own, as CoNLL-2003 writes `U.S` `.`.
    let tokens = token_texts(text);
    assert_eq!(&tokens[6..10], ["the", "U.S", ".", "The"]);
    assert!(tokens.contains(&"U.S.") && tokens.contains(&"a.m") && !tokens.contains(&"a.m."));
}

#[test]
fn sentence_final_abbreviation_inside_a_quote_ends_before_a_capital() {
    assert_eq!(
        sentence_texts("\"We will not bow to the U.S.\" Peskov said so on Monday. She moved to Washington, D.C. Her office declined."),
        [
            "\"We will not bow to the U.S.\"",
            "Peskov said so on Monday.",
            "She moved to Washington, D.C.",
            "Her office declined."
        ]
    );
    assert_eq!(token_texts("the U.S.\" Peskov")[1..4], ["U.S", ".", "\""]);
}

#[test]
fn an_abbreviation_closed_by_a_bracket_keeps_its_period() {
    // train.txt: `Michael Joyce ( U.S. )` at the end of a results line.
    let text = "Pete Sampras (U.S.) beat Michael Joyce (U.S.)\nTalks with Acme (Acme Inc.) The firm declined.";
    assert_eq!(
        sentence_texts(text),
        [
            "Pete Sampras (U.S.) beat Michael Joyce (U.S.)",
            "Talks with Acme (Acme Inc.)",
            "The firm declined."
        ]
    );
    let tokens = token_texts(text);
    assert_eq!(tokens.iter().filter(|t| **t == "U.S.").count(), 2);
    assert!(tokens.contains(&"Inc."));
}

#[test]
fn closing_quotes_and_brackets_stay_with_their_sentence() {
    assert_eq!(
        sentence_texts("He said \"no.\" Then he left. (The Kremlin denied it.) Trump called the bombing “disgusting.” Russia’s forces advanced."),
        [
            "He said \"no.\"",
            "Then he left.",
            "(The Kremlin denied it.)",
            "Trump called the bombing “disgusting.”",
            "Russia’s forces advanced."
        ]
    );
}

#[test]
fn quotations_spanning_sentences_split_into_them() {
    assert_eq!(
        sentence_texts("“He knows Trump is serious. He doesn’t want to anger him. But his top priority is the war,” one source said. “Stopping now would be unthinkable.”"),
        [
            "“He knows Trump is serious.",
            "He doesn’t want to anger him.",
            "But his top priority is the war,” one source said.",
            "“Stopping now would be unthinkable.”"
        ]
    );
}

#[test]
fn question_and_exclamation_before_a_lowercase_word_continue() {
    assert_eq!(
        sentence_texts("\"Why should he change his behavior?\" said Stefan Maier. \"Enough!\" he shouted. Is it over? No!"),
        [
            "\"Why should he change his behavior?\" said Stefan Maier.",
            "\"Enough!\" he shouted.",
            "Is it over?",
            "No!"
        ]
    );
}

#[test]
fn ellipsis_ends_a_sentence_only_before_a_capital() {
    assert_eq!(
        sentence_texts("Putin told us a lot of... well, nonsense. He waited… and waited… Then the talks collapsed."),
        [
            "Putin told us a lot of... well, nonsense.",
            "He waited… and waited…",
            "Then the talks collapsed."
        ]
    );
}

#[test]
fn figures_do_not_split_sentences() {
    assert_eq!(
        sentence_texts("Russia gained 1,415 square kilometers, about 3.5 percent, while $300 billion in assets stay frozen at 10:30 a.m. on 2025-08-08. Kyiv lost 502 square kilometers in July."),
        [
            "Russia gained 1,415 square kilometers, about 3.5 percent, while $300 billion in assets stay frozen at 10:30 a.m. on 2025-08-08.",
            "Kyiv lost 502 square kilometers in July."
        ]
    );
}

#[test]
fn sentences_end_in_other_scripts_and_without_space() {
    assert_eq!(
        sentence_texts("普京表示，俄方不会让步。特朗普说：“这是胡扯！”他很失望。"),
        [
            "普京表示，俄方不会让步。",
            "特朗普说：“这是胡扯！”",
            "他很失望。"
        ]
    );
    assert_eq!(
        sentence_texts("Путин заявил, что не отступит. Песков подтвердил это."),
        ["Путин заявил, что не отступит.", "Песков подтвердил это."]
    );
    assert_eq!(
        sentence_texts("The talks ended in July.The envoy left."),
        ["The talks ended in July.", "The envoy left."]
    );
}

#[test]
fn a_dash_after_a_period_opens_the_next_sentence() {
    // Seed 004 marks a change of speaker inside a quote with ` - `.
    assert_eq!(
        sentence_texts("\"Trump wants a ceasefire,\" said Sergei Markov. - But Putin is not interested. He is maneuvering.\""),
        [
            "\"Trump wants a ceasefire,\" said Sergei Markov.",
            "- But Putin is not interested.",
            "He is maneuvering.\""
        ]
    );
}

#[test]
fn leading_punctuation_does_not_make_a_sentence_of_its_own() {
    assert_eq!(
        sentence_texts("... And then the talks ended. !!! Nothing."),
        ["... And then the talks ended.", "!!! Nothing."]
    );
}

#[test]
fn empty_and_blank_texts_have_no_tokens() {
    assert_eq!(segment(""), Segmented::default());
    assert_eq!(segment(" \n\t\u{00A0}\u{3000}\r\n"), Segmented::default());
}
