//! The figures lexicon (`models/figures/lexicon.tsv`): number words, scales, fractions,
//! currencies, units, hedges, verbs, labels, months and stop words, read once.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use tri_model::Approximation;

/// The lexicon file, compiled in.
pub(crate) const LEXICON_TSV: &str = include_str!("../../../models/figures/lexicon.tsv");

/// Where a scale word may follow a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ScaleWhere {
    /// After any number (`million`).
    Any,
    /// Only right after digits (`5bn`, `15k`).
    AfterDigits,
    /// Only in an amount of money (`$5m`).
    AfterCurrency,
}

/// What a unit entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitClass {
    /// A currency: the code is ISO 4217.
    Money,
    /// Percent or a share of a whole (`%`, `percentage points`, `‰`).
    Percent,
    /// An amount of time.
    Time,
    /// Any other measure.
    Measure,
}

/// One unit or currency as written after a number.
#[derive(Debug, Clone)]
pub(crate) struct UnitEntry {
    /// The form as written in the lexicon.
    pub form: String,
    /// The normalised code.
    pub code: String,
    /// Matched only with this exact case.
    pub case_sensitive: bool,
    /// Matched only right after digits.
    pub after_digits_only: bool,
    /// A one-letter or ambiguous symbol: only right after digits, at most one space.
    pub weak: bool,
    /// What kind of unit it is.
    pub class: UnitClass,
}

/// The whole lexicon.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    /// Single number words (`five`, `twenty`, `dozen`).
    pub numbers: HashMap<String, f64>,
    /// Multi-word number phrases (`a dozen`, `a couple of`), as lower-case words.
    pub number_phrases: Vec<(Vec<String>, f64)>,
    /// Scale words and where they apply.
    pub scales: HashMap<String, (f64, ScaleWhere)>,
    /// Round plurals (`hundreds of`) and the least value they imply.
    pub vague: Vec<(Vec<String>, f64)>,
    /// Denominator words (`fifth`, `thirds`, `half`).
    pub fractions: HashMap<String, f64>,
    /// Currency signs and codes before an amount, longest first.
    pub currency_symbols: Vec<(String, String)>,
    /// Units and currencies after a number, longest first.
    pub units: Vec<UnitEntry>,
    /// Indices into `units` by the lower-case first character of the form.
    pub units_by_first: HashMap<char, Vec<usize>>,
    /// Hedges, lower case, longest first.
    pub approx: Vec<(String, Approximation)>,
    /// Verb forms and the participle they add to what is counted.
    pub verbs: HashMap<String, String>,
    /// Words after which a number is an identifier.
    pub labels: HashSet<String>,
    /// Month names and abbreviations.
    pub months: HashMap<String, u32>,
    /// Function words that end a noun phrase.
    pub stop: HashSet<String>,
}

/// The lexicon, parsed on first use.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| parse(LEXICON_TSV))
}

fn words(form: &str) -> Vec<String> {
    form.split_whitespace().map(|w| w.to_lowercase()).collect()
}

/// Parses the lexicon. The file is ours and compiled in, so a malformed line is a bug
/// caught by the tests: it panics naming the line.
pub(crate) fn parse(tsv: &str) -> Lexicon {
    let mut lex = Lexicon::default();
    for (n, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (kind, form, value) = match cols.as_slice() {
            [k, f, v, ..] => (*k, *f, *v),
            _ => panic!("lexicon.tsv line {}: fewer than 3 columns", n + 1),
        };
        let flags: Vec<&str> = cols.get(3).map_or(Vec::new(), |f| f.split(',').collect());
        let num = || -> f64 {
            value
                .parse()
                .unwrap_or_else(|_| panic!("lexicon.tsv line {}: bad number {value:?}", n + 1))
        };
        match kind {
            "number" => {
                let w = words(form);
                if w.len() == 1 {
                    lex.numbers.insert(w[0].clone(), num());
                } else {
                    lex.number_phrases.push((w, num()));
                }
            }
            "scale" => {
                let at = if flags.contains(&"after_digits") {
                    ScaleWhere::AfterDigits
                } else if flags.contains(&"after_currency") {
                    ScaleWhere::AfterCurrency
                } else {
                    ScaleWhere::Any
                };
                lex.scales.insert(form.to_lowercase(), (num(), at));
            }
            "vague" => lex.vague.push((words(form), num())),
            "fraction" => {
                lex.fractions.insert(form.to_lowercase(), num());
            }
            "currency_symbol" => lex
                .currency_symbols
                .push((form.to_string(), value.to_string())),
            "currency" => {
                let code_like = form.chars().all(|c| c.is_ascii_uppercase());
                lex.units.push(UnitEntry {
                    form: form.to_string(),
                    code: value.to_string(),
                    case_sensitive: code_like,
                    after_digits_only: false,
                    weak: false,
                    class: UnitClass::Money,
                });
            }
            "unit" => {
                let symbol = flags.contains(&"symbol");
                let class = if flags.contains(&"time") {
                    UnitClass::Time
                } else if matches!(value, "percent" | "percentage_points" | "permille") {
                    UnitClass::Percent
                } else if matches!(
                    value,
                    "s" | "ms" | "μs" | "ns" | "ps" | "fs" | "min" | "h" | "days" | "years"
                ) {
                    UnitClass::Time
                } else {
                    UnitClass::Measure
                };
                lex.units.push(UnitEntry {
                    form: form.to_string(),
                    code: value.to_string(),
                    case_sensitive: symbol,
                    after_digits_only: symbol,
                    weak: flags.contains(&"weak"),
                    class,
                });
            }
            "approx" => {
                let a = Approximation::from_name(value).unwrap_or_else(|| {
                    panic!("lexicon.tsv line {}: unknown approximation {value}", n + 1)
                });
                lex.approx.push((form.to_lowercase(), a));
            }
            "verb" => {
                lex.verbs.insert(form.to_lowercase(), value.to_string());
            }
            "label" => {
                lex.labels.insert(form.to_lowercase());
            }
            "month" => {
                lex.months.insert(form.to_lowercase(), num() as u32);
            }
            "stop" => {
                lex.stop.insert(form.to_lowercase());
            }
            other => panic!("lexicon.tsv line {}: unknown kind {other:?}", n + 1),
        }
    }
    lex.currency_symbols
        .sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    lex.units.sort_by_key(|u| std::cmp::Reverse(u.form.len()));
    lex.approx.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    lex.number_phrases
        .sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    lex.vague.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    for (i, u) in lex.units.iter().enumerate() {
        let first = u.form.chars().next().expect("a unit form is not empty");
        for c in first.to_lowercase().chain(first.to_uppercase()) {
            let list = lex.units_by_first.entry(c).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        }
    }
    lex
}

impl Lexicon {
    /// The longest unit written at the start of `rest` (no leading space), with its
    /// length in bytes. `after_digits`: the number before it was written in digits.
    pub fn unit_at(&self, rest: &str, after_digits: bool) -> Option<(usize, &UnitEntry)> {
        let first = rest.chars().next()?;
        let candidates = self.units_by_first.get(&first)?;
        for &i in candidates {
            let u = &self.units[i];
            if u.after_digits_only && !after_digits {
                continue;
            }
            let Some(len) = prefix_len(rest, &u.form, u.case_sensitive) else {
                continue;
            };
            // A unit ends at a word boundary; a symbol may end in a non-letter
            // (`%`, `°`), after which anything may follow.
            let last = u.form.chars().next_back().expect("not empty");
            let next = rest[len..].chars().next();
            let bounded = !last.is_alphanumeric()
                || next.is_none_or(|c| !c.is_alphanumeric() && !is_superscript(c));
            if bounded {
                return Some((len, u));
            }
        }
        None
    }

    /// The normalised code of a unit written alone (`"km²"`, `"square kilometres"`,
    /// `"dollars"`), trying an exact-case match first.
    pub fn unit_code(&self, written: &str) -> Option<&str> {
        let w = written.trim();
        if let Some(u) = self.units.iter().find(|u| u.form == w) {
            return Some(&u.code);
        }
        if let Some(u) = self
            .units
            .iter()
            .find(|u| !u.case_sensitive && u.form.eq_ignore_ascii_case(w))
        {
            return Some(&u.code);
        }
        self.currency_symbols
            .iter()
            .find(|(f, _)| f == w)
            .map(|(_, c)| c.as_str())
    }
}

/// Superscript digits and signs, which continue a unit (`km²`, `s⁻¹`).
pub(crate) fn is_superscript(c: char) -> bool {
    matches!(
        c,
        '²' | '³' | '¹' | '⁰' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹' | '⁻'
    )
}

/// The byte length of `form` at the start of `text`, matching words separated by one
/// or more spaces; `None` if it is not there.
pub(crate) fn prefix_len(text: &str, form: &str, case_sensitive: bool) -> Option<usize> {
    let t = text.as_bytes();
    let f = form.as_bytes();
    let (mut i, mut j) = (0, 0);
    while j < f.len() {
        if f[j] == b' ' {
            // One or more spaces (or no-break spaces) in the text.
            let start = i;
            while i < t.len() && t[i] == b' ' {
                i += 1;
            }
            if i == start {
                if text[i..].starts_with('\u{a0}') {
                    i += 2;
                } else {
                    return None;
                }
            }
            j += 1;
            continue;
        }
        if i >= t.len() {
            return None;
        }
        let same = if case_sensitive {
            t[i] == f[j]
        } else {
            t[i].eq_ignore_ascii_case(&f[j])
        };
        if !same {
            return None;
        }
        i += 1;
        j += 1;
    }
    text.is_char_boundary(i).then_some(i)
}

/// Whether `text` ends with `form` (case-insensitive), at a word boundary when the
/// form starts with a letter; returns where the form starts.
pub(crate) fn suffix_start(text: &str, form: &str) -> Option<usize> {
    if form.len() > text.len() {
        return None;
    }
    let start = text.len() - form.len();
    if !text.is_char_boundary(start) || !text[start..].eq_ignore_ascii_case(form) {
        return None;
    }
    let first = form.chars().next()?;
    if first.is_alphanumeric()
        && text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    Some(start)
}
