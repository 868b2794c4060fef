//! Abbreviations that keep their period, and the words that tell a sentence-final
//! abbreviation from one inside a sentence.
//!
//! The lists are English news usage (AP and Reuters style: titles, ranks, months,
//! company suffixes, US state abbreviations), not a list grown from test sentences.
//! Matching is case-sensitive: `Gen.` is a rank, `gen.` is not.

/// What a period directly after a word means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Not an abbreviation: the period is punctuation of its own.
    None,
    /// Keeps its period and never ends a sentence by itself: titles and ranks (`Gen.`,
    /// `Sen.`, `Mr.`), months (`Jan.`), `No. 10`, enumerators at the start of a line
    /// (`1.`). Only a line break ends a sentence after one of these.
    NeverEnds,
    /// Keeps its period but is often the last word of a sentence too (`U.S.`, `a.m.`,
    /// `Inc.`, `etc.`, `Calif.`, initials like `J.`): ends the sentence when a
    /// sentence start follows (see [`is_sentence_starter`]).
    MayEnd,
}

/// Titles, ranks and months: followed by a name or a day, never by a sentence end.
/// Sorted, for binary search.
const NEVER_ENDS: &[&str] = &[
    "Adm", "Amb", "Apr", "Atty", "Aug", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Cpl", "Dec", "Det",
    "Dr", "Drs", "Feb", "Fr", "Ft", "Gen", "Gens", "Gov", "Govs", "Hon", "Insp", "Jan", "Jul",
    "Jun", "Lt", "Maj", "Mar", "Messrs", "Mlle", "Mme", "Mr", "Mrs", "Ms", "Msgr", "Mt", "Nov",
    "Oct", "Pfc", "Pres", "Prof", "Pvt", "Rep", "Reps", "Rev", "Sen", "Sens", "Sep", "Sept", "Sgt",
    "Spc", "Supt", "approx", "cf", "e.g", "i.e", "viz", "vs",
];

/// Abbreviations that only stand before a number (`No. 10`, `Art. 5`, `pp. 12`); before
/// anything else the word is an ordinary word and its period ends the sentence
/// (`He said no.`). Sorted.
const BEFORE_NUMBER: &[&str] = &[
    "Art", "Ch", "Fig", "No", "Nos", "Nr", "Para", "Vol", "art", "fig", "no", "nos", "p", "para",
    "pp", "vol",
];

/// Suffixes and place abbreviations that commonly end a sentence as well as standing
/// inside one. Sorted.
const MAY_END: &[&str] = &[
    "Ala", "Ariz", "Ark", "Assn", "Ave", "Blvd", "Bros", "Calif", "Co", "Colo", "Conn", "Corp",
    "Cos", "Del", "Dept", "Esq", "Fla", "Ga", "Ill", "Inc", "Ind", "Jr", "Kan", "Ky", "La", "Ltd",
    "Mass", "Md", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Rd",
    "Sr", "St", "Tenn", "Va", "Vt", "Wash", "Wis", "Wyo", "al", "etc",
];

/// Capitalised words that open sentences far more often than they follow an
/// abbreviation inside one: `in the U.S. The talks...` ends at `U.S.`, while
/// `the U.S. Senate` and `U.S. President` do not. Sorted.
const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "After",
    "Also",
    "Although",
    "An",
    "And",
    "Another",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Earlier",
    "Even",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Instead",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "My",
    "No",
    "Now",
    "On",
    "One",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Under",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
];

/// The lists as integers: this lookup runs at every sentence end, and comparing
/// integers beats comparing strings (no call to `memcmp` per probe).
const NEVER_ENDS_KEYS: [u128; NEVER_ENDS.len()] = keys(NEVER_ENDS);
const BEFORE_NUMBER_KEYS: [u128; BEFORE_NUMBER.len()] = keys(BEFORE_NUMBER);
const MAY_END_KEYS: [u128; MAY_END.len()] = keys(MAY_END);
const SENTENCE_STARTERS_KEYS: [u128; SENTENCE_STARTERS.len()] = keys(SENTENCE_STARTERS);

/// Up to 16 bytes, big-endian and zero-padded, so that integer order is string order.
const fn key(word: &[u8]) -> u128 {
    let mut k = 0u128;
    let mut i = 0;
    while i < 16 {
        k <<= 8;
        if i < word.len() {
            k |= word[i] as u128;
        }
        i += 1;
    }
    k
}

const fn keys<const N: usize>(list: &[&str]) -> [u128; N] {
    let mut out = [0u128; N];
    let mut i = 0;
    while i < N {
        out[i] = key(list[i].as_bytes());
        i += 1;
    }
    out
}

fn contains(keys: &[u128], word: &str) -> bool {
    word.len() <= 16 && keys.binary_search(&key(word.as_bytes())).is_ok()
}

/// Classifies `word`, which is directly followed by a period. `number_follows`: the next
/// non-space character after that period is a digit.
pub(crate) fn classify(word: &str, number_follows: bool) -> Abbrev {
    if contains(&NEVER_ENDS_KEYS, word) {
        return Abbrev::NeverEnds;
    }
    if contains(&BEFORE_NUMBER_KEYS, word) {
        return if number_follows {
            Abbrev::NeverEnds
        } else {
            Abbrev::None
        };
    }
    if contains(&MAY_END_KEYS, word) || is_initialism(word) || is_initial(word) {
        return Abbrev::MayEnd;
    }
    Abbrev::None
}

/// Whether `word` (a whole token) is a capitalised word that usually opens a sentence.
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    contains(&SENTENCE_STARTERS_KEYS, word)
}

/// `U.S`, `a.m`, `Ph.D`, `D.C` (the final period not yet attached): letters in groups
/// of one or two separated by periods. `kremlin.ru` has a longer group and is a domain.
pub(crate) fn is_initialism(word: &str) -> bool {
    let mut groups = 0;
    for group in word.split('.') {
        let mut letters = 0;
        for c in group.chars() {
            if !c.is_alphabetic() {
                return false;
            }
            letters += 1;
        }
        if !(1..=2).contains(&letters) {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

/// A single capital letter: a name's initial (`J. D. Vance`, `В. Путин`).
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [NEVER_ENDS, BEFORE_NUMBER, MAY_END, SENTENCE_STARTERS] {
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "unsorted or duplicate: {list:?}"
            );
            // Keys hold 16 bytes and no NUL, or string order and key order differ.
            assert!(list.iter().all(|w| w.len() <= 16 && !w.contains('\0')));
        }
    }

    #[test]
    fn classifies_news_abbreviations() {
        assert_eq!(classify("Gen", false), Abbrev::NeverEnds);
        assert_eq!(classify("Sen", false), Abbrev::NeverEnds);
        assert_eq!(classify("Jan", true), Abbrev::NeverEnds);
        assert_eq!(classify("No", true), Abbrev::NeverEnds);
        assert_eq!(classify("No", false), Abbrev::None);
        assert_eq!(classify("U.S", false), Abbrev::MayEnd);
        assert_eq!(classify("a.m", false), Abbrev::MayEnd);
        assert_eq!(classify("Inc", false), Abbrev::MayEnd);
        assert_eq!(classify("J", false), Abbrev::MayEnd);
        assert_eq!(classify("Д", false), Abbrev::MayEnd);
        assert_eq!(classify("e.g", false), Abbrev::NeverEnds);
        assert_eq!(classify("kremlin.ru", false), Abbrev::None);
        assert_eq!(classify("Ukraine", false), Abbrev::None);
        assert_eq!(classify("gen", false), Abbrev::None);
        assert_eq!(classify("x", false), Abbrev::None);
        assert_eq!(classify("Generalissimo", false), Abbrev::None);
        assert_eq!(classify("Messrsx", false), Abbrev::None);
    }

    #[test]
    fn finds_sentence_starters_of_any_length() {
        assert!(is_sentence_starter("The"));
        assert!(is_sentence_starter("Meanwhile"));
        assert!(is_sentence_starter("A"));
        assert!(!is_sentence_starter("Senate"));
        assert!(!is_sentence_starter("the"));
        assert!(!is_sentence_starter("Theater"));
        assert!(!is_sentence_starter("Meanwhile-ish-and-more-than-16"));
    }
}
