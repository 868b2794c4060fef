//! Transliteration folding: the spelling skeleton under which variant romanisations of one
//! name compare equal ("Zelensky", "Zelenskyy", "Zelenskiy" → `zelenski`; "Dmitry",
//! "Dmitri", "Dmitriy" → `dmitri`; "Hoffmann", "Hofmann" → `hofman`).
//!
//! Used for names the gazetteer does not know, both to merge mentions within an article and
//! to build the cross-article key. The folding is deliberately coarse within a word (`y`,
//! `j` and `i` are one letter; doubled letters are single) and never crosses words.

/// The folded words of `name`: [`tri_gazetteer::normalize`] (case, diacritics,
/// punctuation, a leading "the"), then [`fold_word`] on each word.
pub(crate) fn fold_words(name: &str) -> Vec<String> {
    tri_gazetteer::normalize(name)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(fold_word)
        .collect()
}

/// The folded words joined by `-`: the name part of a cross-article key.
pub(crate) fn fold_name(name: &str) -> String {
    fold_words(name).join("-")
}

/// Folds one normalised (lower-case, ASCII-folded) word.
///
/// Rules, in order: `kh` → `h`, `ph` → `f`, `ck` → `k`, `w` → `v`, `x` → `ks`, and `y`, `j`
/// → `i` (the letters romanisations of Cyrillic disagree on); then every run of one
/// repeated letter or repeated letter pair becomes one (`ii` → `i`, `zhzh` → `zh`,
/// `nn` → `n`).
pub(crate) fn fold_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 2);
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        match (c, next) {
            ('k', Some('h')) | ('p', Some('h')) | ('c', Some('k')) => {
                chars.next();
                push_folded(
                    &mut out,
                    if c == 'p' {
                        'f'
                    } else if c == 'k' {
                        'h'
                    } else {
                        'k'
                    },
                );
            }
            ('w', _) => push_folded(&mut out, 'v'),
            ('x', _) => {
                push_folded(&mut out, 'k');
                push_folded(&mut out, 's');
            }
            ('y' | 'j', _) => push_folded(&mut out, 'i'),
            _ => push_folded(&mut out, c),
        }
    }
    out
}

/// Appends `c` unless it repeats the last letter, then undoes a repeated letter pair.
fn push_folded(out: &mut String, c: char) {
    if out.ends_with(c) {
        return;
    }
    out.push(c);
    let mut last = out.chars().rev();
    if let (Some(d), Some(c2), Some(b), Some(a)) =
        (last.next(), last.next(), last.next(), last.next())
    {
        if a == c2 && b == d && d.is_alphabetic() {
            let cut = out.len() - d.len_utf8() - c2.len_utf8();
            out.truncate(cut);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanisation_variants_fold_together() {
        let same = |a: &str, b: &str| assert_eq!(fold_name(a), fold_name(b), "{a} vs {b}");
        same("Zelensky", "Zelenskyy");
        same("Zelensky", "Zelenskiy");
        same("Zelenskyi", "Zelenskij");
        same("Dmitry", "Dmitriy");
        same("Dmitri", "Dmitry");
        same("Sergei", "Sergey");
        same("Andrii", "Andriy");
        same("Yulia", "Yuliia");
        same("Hoffmann", "Hofmann");
        same("Kharkiv", "Harkiv");
        same("Wladimir", "Vladimir");
        same("Aleksandr", "Alexandr");
        same("Zaporizhzhia", "Zaporizhia");
        same("Orbán", "Orban");
        same("the Kremlin", "Kremlin");
        assert_eq!(fold_name("Volodymyr Zelenskyy"), "volodimir-zelenski");
    }

    #[test]
    fn different_names_stay_apart() {
        let apart = |a: &str, b: &str| assert_ne!(fold_name(a), fold_name(b), "{a} vs {b}");
        apart("Maier", "Meister");
        apart("Peskov", "Petrov");
        apart("Stubb", "Stab");
    }
}
