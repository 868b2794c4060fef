//! Numbers and their units: finds each figure's core (hedge, currency sign, number,
//! scale, range, unit) in one sentence's tokens, and rejects what only looks like a
//! figure (years, dates, clock times, identifiers, labelled and bracketed numbers,
//! phone numbers).

use tri_model::{Approximation, FigureKind, Span};

use crate::lexicon::{is_superscript, suffix_start, Lexicon, ScaleWhere, UnitClass};
use crate::scan::{Kind, Tok};

/// A figure's core as found, before its context (what it counts, period, source).
#[derive(Debug, Clone)]
pub(crate) struct Core {
    /// Byte range: hedge to unit (or counted noun, added later).
    pub span: Span,
    /// Token range `first..end` of the number part (hedge and currency included).
    pub first_tok: usize,
    pub end_tok: usize,
    pub value: f64,
    pub upper: Option<f64>,
    pub approx: Option<(Approximation, Span)>,
    pub unit: Option<String>,
    pub unit_text: Option<Span>,
    pub kind: FigureKind,
    /// The number is a fraction word, percent or round plural: "of NP" after it names
    /// what it is a part of.
    pub takes_of: bool,
    /// The number is written in digits.
    pub digits: bool,
    /// A round plural ("hundreds of"): its noun follows without "of".
    pub vague: bool,
}

/// A number as written: value and where it ends.
#[derive(Debug, Clone, Copy)]
struct Num {
    value: f64,
    /// First token (a sign included).
    first: usize,
    /// One past the last token.
    end: usize,
    digits: bool,
    /// Digits without separators, decimals or scale: could be a year.
    plain_int: bool,
    /// The word "one" alone.
    lone_one: bool,
    fraction: bool,
    /// A round plural ("hundreds of"): the least value it implies.
    vague: bool,
    scaled: bool,
}

pub(crate) struct Sentence<'a> {
    pub text: &'a str,
    /// `text` with ASCII letters lower-cased: the same byte offsets.
    pub lower: &'a str,
    pub toks: &'a [Tok],
    pub lex: &'static Lexicon,
    /// URL spans of the text: numbers inside are no figures.
    pub urls: &'a [Span],
}

impl<'a> Sentence<'a> {
    pub fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        t.is_word().then(|| &self.lower[t.start..t.end])
    }

    fn raw(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.text[t.start..t.end]
    }

    pub fn other(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Other).then(|| &self.text[t.start..t.end])
    }

    fn attached(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    pub fn is_capitalised(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.is_word()
                && self.text[t.start..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        })
    }

    /// The number starting at token `i`, if one does.
    fn number(&self, i: usize, money: bool) -> Option<Num> {
        let t = self.toks.get(i)?;
        match t.kind {
            Kind::Digits { grouped, decimal } => {
                let raw = self.raw(i).replace(',', "");
                let raw = if raw.starts_with('.') {
                    format!("0{raw}")
                } else {
                    raw
                };
                let mut value: f64 = raw.parse().ok()?;
                let mut first = i;
                // A sign right before the digits, not joining two numbers ("5-7").
                if i > 0 && !t.space_before {
                    if let Some(sign) = self.other(i - 1) {
                        let joins = i >= 2
                            && !self.toks[i - 1].space_before
                            && (self.toks[i - 2].is_digits()
                                || self.toks[i - 2].is_word()
                                || self.other(i - 2) == Some(")"));
                        if matches!(sign, "−" | "-" | "–" | "+") && !joins {
                            if sign != "+" {
                                value = -value;
                            }
                            first = i - 1;
                        }
                    }
                }
                let mut n = Num {
                    value,
                    first,
                    end: i + 1,
                    digits: true,
                    plain_int: !grouped && !decimal,
                    lone_one: false,
                    fraction: false,
                    vague: false,
                    scaled: false,
                };
                self.scale(&mut n, money);
                Some(n)
            }
            Kind::Word => self.number_words(i, money),
            Kind::Other => None,
        }
    }

    /// Scale words after a number: "million", "bn", "5m" in money.
    fn scale(&self, n: &mut Num, money: bool) {
        while let Some(w) = self.word(n.end) {
            let Some(&(factor, at)) = self.lex.scales.get(w) else {
                break;
            };
            let ok = match at {
                ScaleWhere::Any => true,
                ScaleWhere::AfterDigits => n.digits && !n.scaled,
                ScaleWhere::AfterCurrency => money && n.digits && !n.scaled,
            };
            // "5 m" after a currency is million only when attached or the next word is
            // not a unit ("$5m", "£2 m").
            if !ok || (w == "k" && !self.attached(n.end)) {
                break;
            }
            n.value *= factor;
            n.end += 1;
            n.plain_int = false;
            n.scaled = true;
        }
    }

    /// Number words: "five", "twenty-three", "two hundred and five", "a dozen", "a
    /// fifth", "one-fifth", "two-thirds", "hundreds of", "two and a half".
    fn number_words(&self, i: usize, money: bool) -> Option<Num> {
        let lex = self.lex;
        let w0 = self.word(i)?;
        let mk = |value, end, fraction, vague| Num {
            value,
            first: i,
            end,
            digits: false,
            plain_int: false,
            lone_one: false,
            fraction,
            vague,
            scaled: false,
        };
        // Round plurals and fixed phrases first (longest first).
        for (words, value) in &lex.vague {
            if let Some(end) = self.words_at(i, words) {
                return Some(mk(*value, end, false, true));
            }
        }
        for (words, value) in &lex.number_phrases {
            if let Some(end) = self.words_at(i, words) {
                let mut n = mk(*value, end, false, false);
                self.scale(&mut n, money);
                return Some(n);
            }
        }
        // "a" / "an" + scale or fraction: "a million", "a fifth", "a third".
        if w0 == "a" || w0 == "an" {
            let w1 = self.word(i + 1)?;
            if let Some(&(factor, ScaleWhere::Any)) = lex.scales.get(w1) {
                if w1 != "hundred" || self.word(i + 2).is_some() {
                    let mut n = mk(factor, i + 2, false, false);
                    n.scaled = true;
                    self.scale(&mut n, money);
                    return Some(n);
                }
            }
            if let Some(&f) = lex.fractions.get(w1) {
                if !w1.ends_with('s') {
                    return Some(mk(f, i + 2, true, false));
                }
            }
            return None;
        }
        // "half" alone before "of" ("half of Ukraine"), not "the first half".
        if w0 == "half" {
            let prev = i.checked_sub(1).and_then(|p| self.word(p));
            let blocked = prev.is_some_and(|p| {
                matches!(
                    p,
                    "first"
                        | "second"
                        | "latter"
                        | "former"
                        | "last"
                        | "other"
                        | "the"
                        | "top"
                        | "bottom"
                        | "back"
                        | "front"
                        | "one"
                        | "a"
                )
            });
            if !blocked && self.word(i + 1) == Some("of") {
                return Some(mk(0.5, i + 1, true, false));
            }
            return None;
        }
        // A cardinal built from number words.
        let mut total: f64 = 0.0;
        let mut current: f64 = 0.0;
        let mut end = i;
        let mut any = false;
        let mut j = i;
        while let Some(w) = self.word(j) {
            if let Some(&v) = lex.numbers.get(w) {
                if w == "dozen" {
                    current = current.max(1.0) * 12.0;
                } else {
                    current += v;
                }
                any = true;
                j += 1;
                end = j;
                // "twenty-three": a hyphen then a unit word.
                if self.other(j) == Some("-") && self.attached(j) && self.attached(j + 1) {
                    if let Some(&u) = self.word(j + 1).and_then(|w| lex.numbers.get(w)) {
                        if (1.0..10.0).contains(&u) && v >= 20.0 {
                            current += u;
                            j += 2;
                            end = j;
                        }
                    }
                }
                continue;
            }
            if any && w == "hundred" {
                current = current.max(1.0) * 100.0;
                j += 1;
                end = j;
                continue;
            }
            if any {
                if let Some(&(factor, ScaleWhere::Any)) = lex.scales.get(w) {
                    if factor >= 1000.0 {
                        total += current.max(1.0) * factor;
                        current = 0.0;
                        j += 1;
                        end = j;
                        continue;
                    }
                }
            }
            // "two hundred and five"
            if any
                && w == "and"
                && self
                    .word(j + 1)
                    .is_some_and(|n| lex.numbers.contains_key(n))
                && self
                    .word(j - 1)
                    .is_some_and(|p| p == "hundred" || p == "thousand")
            {
                j += 1;
                continue;
            }
            break;
        }
        if !any {
            return None;
        }
        let value = total + current;
        let mut n = mk(value, end, false, false);
        n.scaled = total > 0.0 || self.word(end - 1).is_some_and(|w| w == "hundred");
        n.lone_one = end == i + 1 && w0 == "one";
        // A numerator and a fraction word: "one-fifth", "two thirds", "three-quarters".
        let (k, hyphen) =
            if self.other(end) == Some("-") && self.attached(end) && self.attached(end + 1) {
                (end + 1, true)
            } else {
                (end, false)
            };
        if let Some(f) = self.word(k).and_then(|w| lex.fractions.get(w)) {
            let plural = self
                .word(k)
                .is_some_and(|w| w.ends_with('s') || w == "half");
            // "one third", "two thirds": the plural after more than one; "one-fifth".
            if (value == 1.0) != plural || hyphen {
                n.value = value * f;
                n.end = k + 1;
                n.fraction = true;
                n.lone_one = false;
                return Some(n);
            }
        }
        // "two and a half"
        if self.word(end) == Some("and")
            && self.word(end + 1) == Some("a")
            && self.word(end + 2) == Some("half")
        {
            n.value += 0.5;
            n.end = end + 3;
            n.lone_one = false;
        }
        self.scale(&mut n, money);
        if n.scaled {
            n.lone_one = false;
        }
        Some(n)
    }

    /// The token index after `words` written from token `i`, if they are.
    fn words_at(&self, i: usize, words: &[String]) -> Option<usize> {
        for (k, w) in words.iter().enumerate() {
            if self.word(i + k)? != w {
                return None;
            }
        }
        Some(i + words.len())
    }

    /// A currency sign or code ending right before token `i` (`$`, `US$`, `€`, `UAH `):
    /// its code and the token where it starts.
    fn currency_before(&self, i: usize) -> Option<(String, usize)> {
        let start = self.toks[i].start;
        let line_start = self.toks[0].start;
        let before = &self.text[line_start..start];
        let trimmed = before.trim_end();
        if before.len() - trimmed.len() > 1 {
            return None;
        }
        for (form, code) in &self.lex.currency_symbols {
            if trimmed.ends_with(form.as_str()) {
                let at = line_start + trimmed.len() - form.len();
                // Codes are words: a boundary before them.
                if form.chars().all(|c| c.is_ascii_alphabetic())
                    && self.text[..at]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
                {
                    continue;
                }
                // Letters right before a sign are part of it (`US$`, `C$`); a longer
                // form would have matched first.
                let first = (0..i).rev().find(|&k| self.toks[k].start == at)?;
                return Some((code.clone(), first));
            }
        }
        None
    }

    /// A hedge ending right before token `i`: the variant, its span, its first token.
    fn approx_before(&self, i: usize) -> Option<(Approximation, Span, usize)> {
        let start = self.toks[i].start;
        let line_start = self.toks[0].start;
        let before = &self.lower[line_start..start];
        let trimmed = before.trim_end();
        let spaced = trimmed.len() < before.len();
        for (form, a) in &self.lex.approx {
            let word_form = form.chars().next().is_some_and(char::is_alphabetic);
            if word_form && !spaced {
                continue;
            }
            if let Some(s) = suffix_start(trimmed, form) {
                let at = line_start + s;
                let Some(first) = (0..i).rev().find(|&k| self.toks[k].start == at) else {
                    continue;
                };
                return Some((*a, Span::new(at, line_start + trimmed.len()), first));
            }
        }
        None
    }

    /// The unit written after byte `pos` (at most two spaces before it): code, span,
    /// class and the token after it.
    fn unit_after(
        &self,
        pos: usize,
        digits: bool,
        end: usize,
    ) -> Option<(String, Span, UnitClass)> {
        let rest = &self.text[pos..end];
        let skipped = rest.len()
            - rest
                .trim_start_matches([' ', '\u{a0}', '\u{202f}', '\u{2009}'])
                .len();
        if skipped > 3 || rest[skipped..].starts_with('\n') {
            return None;
        }
        let at = pos + skipped;
        let (len, u) = self.lex.unit_at(&self.text[at..end], digits)?;
        if u.weak {
            // A one-letter symbol: close to the number and not before a word.
            let next = self.text[at + len..end].trim_start_matches(' ');
            if skipped > 1 || next.chars().next().is_some_and(char::is_alphabetic) {
                return None;
            }
        }
        if u.after_digits_only && skipped == 0 && !digits {
            return None;
        }
        let mut code = u.code.clone();
        let mut stop = at + len;
        let class = u.class;
        if u.case_sensitive && class != UnitClass::Money {
            // Compounds: `m/s`, `mg/L`, `m s−1`, `cm−3`, `mA g− 1`.
            loop {
                let r = &self.text[stop..end];
                if let Some(e) = exponent(r) {
                    code.push_str(&normal_exponent(&r[..e]));
                    stop += e;
                    continue;
                }
                if let Some(r2) = r.strip_prefix('/') {
                    if let Some((l2, u2)) = self.lex.unit_at(r2, true) {
                        code.push('/');
                        code.push_str(&u2.code);
                        stop += 1 + l2;
                        continue;
                    }
                }
                if let Some(r2) = r.strip_prefix(' ') {
                    if let Some((l2, u2)) = self.lex.unit_at(r2, true) {
                        if u2.case_sensitive {
                            if let Some(e) = exponent(&r2[l2..]) {
                                code.push('·');
                                code.push_str(&u2.code);
                                code.push_str(&normal_exponent(&r2[l2..l2 + e]));
                                stop += 1 + l2 + e;
                                continue;
                            }
                        }
                    }
                }
                break;
            }
        }
        Some((code, Span::new(at, stop), class))
    }

    /// Is the number at `n` something other than a figure (year, date, time,
    /// identifier, label, citation, phone number)?
    fn not_a_figure(&self, n: &Num, has_unit: bool) -> bool {
        let first = &self.toks[n.first];
        let last = &self.toks[n.end - 1];
        if self
            .urls
            .iter()
            .any(|u| u.start <= first.start && last.end <= u.end)
        {
            return true;
        }
        if !n.digits {
            return false;
        }
        let d = n.first + usize::from(self.other(n.first).is_some());
        // Letters right before: an identifier (`F-16`, `COVID-19`, `Su-34`, `#5`).
        if !first.space_before && n.first > 0 {
            let prev = &self.toks[n.first - 1];
            if prev.is_word()
                || self
                    .other(n.first - 1)
                    .is_some_and(|o| o == "#" || o == "/" || o == ":" || o == "." || o == "_")
            {
                return true;
            }
            if self
                .other(n.first - 1)
                .is_some_and(|o| o == "-" || o == "–")
                && n.first >= 2
                && self.toks[n.first - 2].is_word()
                && !prev.space_before
            {
                return true;
            }
        }
        // Letters right after that are no unit or scale: `10th`, `1990s`, `209458b`, `3D`.
        if let Some(next) = self.toks.get(d + 1) {
            if !next.space_before && next.is_word() && !has_unit && !n.scaled {
                return true;
            }
            // A clock time, date or version: `10:30`, `08/05/2025`, `2025-08-08`, `3.5.1`.
            if !next.space_before && next.kind == Kind::Other {
                let o = &self.text[next.start..next.end];
                let then_digits = self
                    .toks
                    .get(d + 2)
                    .is_some_and(|t| t.is_digits() && !t.space_before);
                if then_digits && matches!(o, ":" | "/" | ".") {
                    return true;
                }
                if then_digits && matches!(o, "-") {
                    // Three groups (dates, phones) or NNN-NNNN.
                    let third = self
                        .toks
                        .get(d + 3)
                        .is_some_and(|t| !t.space_before && self.text[t.start..t.end] == *"-")
                        && self
                            .toks
                            .get(d + 4)
                            .is_some_and(|t| t.is_digits() && !t.space_before);
                    let a = self.raw(d).len();
                    let b = self.raw(d + 2).len();
                    if third || (a == 3 && b == 4) {
                        return true;
                    }
                }
            }
        }
        // Right after a bracket or another number's hyphen: "(ClO4)2", the "1" of "3-1".
        if !first.space_before && n.first > 0 {
            if self.other(n.first - 1) == Some(")") {
                return true;
            }
            if n.first >= 2
                && self
                    .other(n.first - 1)
                    .is_some_and(|o| o == "-" || o == "–")
                && self.toks[n.first - 2].is_digits()
                && !self.toks[n.first - 1].space_before
            {
                return true;
            }
        }
        // A decade: "1990s", "the 1980's".
        if n.plain_int && self.raw(d).len() == 4 && self.raw(d).ends_with('0') {
            let after = &self.text[self.toks[d].end..];
            if after.starts_with('s') || after.starts_with("'s") || after.starts_with("\u{2019}s") {
                return true;
            }
        }
        // Leading zeros: codes, not amounts ("040301", "007").
        let digits_raw = self.raw(d);
        if digits_raw.len() > 1 && digits_raw.starts_with('0') && !digits_raw.starts_with("0.") {
            return true;
        }
        // After a colon or slash with digits before: the second half of a time or date.
        if n.first >= 2 && !first.space_before {
            if let Some(o) = self.other(n.first - 1) {
                if matches!(o, ":" | "/") && self.toks[n.first - 2].is_digits() {
                    return true;
                }
            }
        }
        // Clock times: "10 a.m.", "10pm", "10 GMT".
        if self.word(n.end).is_some_and(|w| {
            matches!(
                w,
                "a.m"
                    | "p.m"
                    | "am"
                    | "pm"
                    | "gmt"
                    | "utc"
                    | "o'clock"
                    | "cet"
                    | "est"
                    | "edt"
                    | "bst"
                    | "msk"
            )
        }) {
            return true;
        }
        // A phone number or other digit groups: "+7 495 123 45 67".
        let plain = |k: usize| {
            matches!(
                self.toks.get(k).map(|t| t.kind),
                Some(Kind::Digits {
                    grouped: false,
                    decimal: false
                })
            )
        };
        if n.plain_int && !has_unit && (plain(n.end) || (d > 0 && plain(d - 1))) {
            return true;
        }
        // A day of a month: "July 8", "8 July", "8th of July".
        let month = |k: usize| {
            self.word(k)
                .is_some_and(|w| self.lex.months.contains_key(w) && self.is_capitalised(k))
        };
        if n.plain_int
            && (1.0..=31.0).contains(&n.value)
            && (n.first > 0 && month(n.first - 1)
                || month(n.end)
                || self.word(n.end) == Some("of") && month(n.end + 1))
        {
            return true;
        }
        // A year: 1800 to 2100 written plainly, with no unit.
        if n.plain_int
            && !has_unit
            && (1800.0..=2100.0).contains(&n.value)
            && self.raw(d).len() == 4
        {
            return true;
        }
        // A number naming a thing: "Article 5", "No. 10", "Table 2", "Fig. 3", and each
        // number of a list after one ("phases 3, 5, and 7").
        if n.first > 0 {
            let mut p = n.first - 1;
            if n.plain_int {
                let link = |k: usize| {
                    self.other(k).is_some_and(|o| matches!(o, "," | "–" | "-"))
                        || self.word(k).is_some_and(|w| w == "and" || w == "or")
                        || matches!(
                            self.toks[k].kind,
                            Kind::Digits {
                                grouped: false,
                                decimal: false
                            }
                        )
                };
                let mut q = p;
                while q > 0 && link(q) {
                    q -= 1;
                }
                if q < p && self.word(q).is_some() {
                    p = q;
                }
            }
            if self.other(p) == Some(".") && p > 0 {
                p -= 1;
            }
            if let Some(w) = self.word(p) {
                let with_dot = self.other(p + 1) == Some(".") && p + 1 < n.first;
                let key = if with_dot {
                    format!("{w}.")
                } else {
                    w.to_string()
                };
                if self.lex.labels.contains(&key) || (with_dot && self.lex.labels.contains(w)) {
                    return true;
                }
            }
        }
        // A citation list in brackets: "(26,29,49)", "(4,35–38,44)", "[13]".
        if !has_unit && n.plain_int {
            let listy = |k: usize| {
                self.toks[k].is_digits()
                    && !matches!(self.toks[k].kind, Kind::Digits { decimal: true, .. })
                    || self
                        .other(k)
                        .is_some_and(|o| matches!(o, "," | "–" | "-" | ";"))
            };
            let mut a = n.first;
            while a > 0 && listy(a - 1) {
                a -= 1;
            }
            let mut b = n.end;
            while b < self.toks.len() && listy(b) {
                b += 1;
            }
            let opened = a > 0 && matches!(self.other(a - 1), Some("(" | "["));
            let closed = matches!(self.other(b), Some(")" | "]"));
            if opened && closed && (b - a > 1 || self.other(a - 1) == Some("[")) {
                return true;
            }
        }
        // A citation or enumerator in brackets: "[13]", "(11)".
        if !has_unit && n.first > 0 {
            let open = self.other(n.first - 1);
            let close = self.other(n.end);
            if (open == Some("[") && matches!(close, Some("]") | Some(",") | Some("–") | Some("-")))
                || (open == Some("(") && close == Some(")"))
            {
                return true;
            }
        }
        // A list enumerator opening the sentence: "1." "2)".
        if n.first == 0
            && n.plain_int
            && matches!(self.other(n.end), Some(".") | Some(")"))
            && self.toks.get(n.end + 1).is_none_or(|t| t.space_before)
        {
            return true;
        }
        false
    }

    /// The figure whose number starts at token `i`, if any.
    pub fn figure_at(&self, i: usize) -> Option<Core> {
        let t = self.toks.get(i)?;
        if !(t.is_digits() || t.is_word()) {
            return None;
        }
        let currency = if t.is_digits() {
            self.currency_before(i)
        } else {
            None
        };
        let money = currency.is_some();
        let n = self.number(i, money)?;
        let sentence_end = self.toks.last().map_or(t.end, |t| t.end);
        let mut first_tok = currency.as_ref().map_or(n.first, |c| c.1.min(n.first));
        let mut value = n.value;
        let mut upper = None;
        let mut end_tok = n.end;
        let mut end_byte = self.toks[n.end - 1].end;
        let mut unit: Option<(String, Span, UnitClass)> = currency.as_ref().map(|(code, _)| {
            (
                code.clone(),
                Span::new(self.toks[first_tok].start, self.toks[first_tok].end),
                UnitClass::Money,
            )
        });
        // Scientific notation: "1×10−5", "3 x 10^4", "2.5 × 10⁶".
        if let Some((exp, stop)) = self.times_ten(end_byte, sentence_end) {
            value *= 10f64.powi(exp);
            end_byte = stop;
            end_tok = self.tok_after(end_byte);
        }
        if unit.is_none() && !n.fraction && !n.vague {
            unit = self.unit_after(end_byte, n.digits, sentence_end);
            // A unit joined by a hyphen: "5-year", "30-item" is no unit, "10-day".
            if unit.is_none()
                && self.other(end_tok) == Some("-")
                && self.attached(end_tok)
                && self.attached(end_tok + 1)
            {
                unit = self
                    .unit_after(self.toks[end_tok].end, false, sentence_end)
                    .filter(|u| u.1.start == self.toks[end_tok].end);
            }
            if let Some((_, s, _)) = &unit {
                end_byte = s.end;
                end_tok = self.tok_after(end_byte);
            }
        }
        // Tolerance: "300 ± 15 °C", "43.22% ± 7.13%".
        if self.other(end_tok) == Some("±") {
            if let Some(t2) = self.number(end_tok + 1, money) {
                end_tok = t2.end;
                end_byte = self.toks[t2.end - 1].end;
                if let Some(u2) = self.unit_after(end_byte, t2.digits, sentence_end) {
                    end_byte = u2.1.end;
                    end_tok = self.tok_after(end_byte);
                    if unit.is_none() {
                        unit = Some(u2);
                    }
                }
            }
        }
        // A range: "20 to 30", "5–7 days", "two or three", "$5-$10 billion".
        let between = first_tok > 0
            && self
                .word(first_tok - 1)
                .is_some_and(|w| w == "between" || w == "from");
        let unit_yet = unit.is_some() && !money;
        let connector = match (self.other(end_tok), self.word(end_tok)) {
            (Some("-" | "–" | "—" | "‐"), _) => true,
            (_, Some("to" | "through")) => true,
            (_, Some("or")) => !unit_yet,
            (_, Some("and")) => between,
            _ => false,
        };
        // "five or more", "70 or higher": an open range.
        let mut open_range = None;
        if self.word(end_tok) == Some("or") {
            if let Some(w) = self.word(end_tok + 1) {
                let a = match w {
                    "more" | "higher" | "greater" | "above" | "over" => {
                        Some(Approximation::AtLeast)
                    }
                    "less" | "fewer" | "lower" | "below" | "under" => Some(Approximation::UpTo),
                    _ => None,
                };
                if let Some(a) = a {
                    open_range = Some((
                        a,
                        Span::new(self.toks[end_tok].start, self.toks[end_tok + 1].end),
                    ));
                }
            }
        }
        if connector && !n.fraction && !n.vague && open_range.is_none() {
            let mut k = end_tok + 1;
            // The upper end's own sign or bound: "between −2 and −7‰", "200 and >1000 m".
            if self
                .other(k)
                .is_some_and(|o| matches!(o, ">" | "<" | "~" | "∼" | "≥" | "≤"))
                && self.toks.get(k + 1).is_some_and(|t| !t.space_before)
            {
                k += 1;
            }
            if self.other(k).is_some_and(|o| matches!(o, "−" | "-" | "+"))
                && self
                    .toks
                    .get(k + 1)
                    .is_some_and(|t| t.is_digits() && !t.space_before)
            {
                k += 1;
            }
            let cur2 = if self.toks.get(k).is_some_and(|t| t.is_digits()) {
                self.currency_before(k)
            } else if self.other(k).is_some() && self.toks.get(k + 1).is_some_and(|t| t.is_digits())
            {
                let c = self.currency_before(k + 1);
                if c.is_some() {
                    k += 1;
                }
                c
            } else {
                None
            };
            let ok_kind = |n2: &Num| n2.digits == n.digits || self.word(end_tok) == Some("or");
            if let Some(n2) = self.number(k, money || cur2.is_some()).filter(ok_kind) {
                let dash = self.other(end_tok).is_some();
                let rising = n2.value > n.value || (n2.scaled && !n.scaled);
                if !n2.lone_one || n.value < 1.0 {
                    if dash && !rising && !between {
                        // "3-1": a score or an identifier, no figure.
                        return None;
                    }
                    let mut v2 = n2.value;
                    // "$5-10 billion": the scale of the upper end applies to both.
                    if n2.scaled && !n.scaled && n2.value / n.value > 100.0 {
                        let factor = n2.value / self.raw_value(&n2);
                        value *= factor;
                        v2 = n2.value;
                    }
                    upper = Some(v2);
                    end_tok = n2.end;
                    end_byte = self.toks[n2.end - 1].end;
                    if let Some(u2) = self.unit_after(end_byte, n2.digits, sentence_end) {
                        end_byte = u2.1.end;
                        end_tok = self.tok_after(end_byte);
                        if unit.as_ref().is_none_or(|u| u.2 != UnitClass::Money) {
                            unit = Some(u2);
                        }
                    }
                    if between {
                        first_tok -= 1;
                    }
                }
            }
        }
        let has_unit = unit.is_some();
        if self.not_a_figure(&n, has_unit) {
            return None;
        }
        if upper.is_none() && n.lone_one && !has_unit && !n.scaled {
            return None;
        }
        // A range of years is a period, no figure: "2003 to 2004".
        if n.plain_int
            && upper.is_some_and(|u| (1800.0..=2100.0).contains(&u))
            && (1800.0..=2100.0).contains(&n.value)
            && !has_unit
        {
            return None;
        }
        let mut approx = None;
        if !(first_tok > 0 && self.word(first_tok - 1) == Some("between")) || upper.is_none() {
            if let Some((a, s, f)) = self.approx_before(first_tok) {
                approx = Some((a, s));
                first_tok = f;
                // Two hedges: "above ∼500 K", "over <20 ka": the outer one is written first.
                if let Some((a2, s2, f2)) = self.approx_before(first_tok) {
                    approx = Some((a2, Span::new(s2.start, s.end)));
                    first_tok = f2;
                }
            }
        }
        if let Some((a, s)) = open_range {
            approx = Some((a, s));
            end_tok += 2;
            end_byte = s.end;
        }
        let mut kind = match unit.as_ref().map(|u| u.2) {
            Some(UnitClass::Money) => FigureKind::Money,
            Some(UnitClass::Percent) => FigureKind::Percent,
            Some(UnitClass::Time) => FigureKind::Duration,
            Some(UnitClass::Measure) => FigureKind::Measure,
            None if n.fraction => FigureKind::Fraction,
            None => FigureKind::Number,
        };
        // "over 40 months", "over three years": over a time, not more than it.
        if kind == FigureKind::Duration
            && approx.is_some_and(|(_, s)| self.lower[s.start..s.end] == *"over")
        {
            approx = None;
            first_tok = self.tok_after(self.toks[first_tok].end);
        }
        let mut unit_code = unit.as_ref().map(|u| u.0.clone());
        if n.fraction {
            kind = FigureKind::Fraction;
            unit_code = Some("fraction".into());
        }
        if n.vague && approx.is_none() {
            approx = Some((
                Approximation::AtLeast,
                Span::new(self.toks[n.first].start, self.toks[n.end - 1].end),
            ));
        }
        let start = self.toks[first_tok].start;
        Some(Core {
            span: Span::new(start, end_byte),
            first_tok,
            end_tok,
            value,
            upper,
            approx,
            unit: unit_code,
            unit_text: unit
                .filter(|u| u.2 != UnitClass::Money || !money)
                .map(|u| u.1)
                .or_else(|| {
                    currency
                        .as_ref()
                        .map(|c| Span::new(self.toks[c.1].start, self.toks[n.first].start))
                }),
            kind,
            takes_of: n.fraction || kind == FigureKind::Percent,
            digits: n.digits,
            vague: n.vague,
        })
    }

    /// "×10−5" right after byte `pos`: the exponent and where it ends.
    fn times_ten(&self, pos: usize, end: usize) -> Option<(i32, usize)> {
        let r = &self.text[pos..end];
        let r1 = r.trim_start_matches(' ');
        let r2 = r1.strip_prefix('×').or_else(|| r1.strip_prefix("x "))?;
        let r3 = r2.trim_start_matches(' ').strip_prefix("10")?;
        let mut exp = String::new();
        let mut used = 0;
        let r4 = r3.strip_prefix('^').unwrap_or(r3);
        let caret = r3.len() - r4.len();
        for c in r4.chars() {
            let d = match c {
                '−' | '-' | '⁻' if exp.is_empty() => '-',
                '⁰' => '0',
                '¹' => '1',
                '²' => '2',
                '³' => '3',
                '⁴' => '4',
                '⁵' => '5',
                '⁶' => '6',
                '⁷' => '7',
                '⁸' => '8',
                '⁹' => '9',
                c if c.is_ascii_digit() && (caret > 0 || exp.starts_with('-')) => c,
                _ => break,
            };
            exp.push(d);
            used += c.len_utf8();
        }
        let e: i32 = exp.parse().ok()?;
        Some((e, pos + (r.len() - r3.len()) + caret + used))
    }

    fn raw_value(&self, n: &Num) -> f64 {
        if n.digits {
            let k = n.first + usize::from(self.other(n.first).is_some());
            self.raw(k).replace(',', "").parse().unwrap_or(n.value)
        } else {
            n.value
        }
    }

    /// The first token starting at or after byte `pos`.
    pub fn tok_after(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.start < pos)
    }
}

/// An exponent right at the start of `r`: `−1`, `-1`, `− 1`, `⁻¹`, `²`, `3` (one or two
/// characters of sign and one digit, not followed by another digit).
fn exponent(r: &str) -> Option<usize> {
    let mut chars = r.char_indices().peekable();
    let (_, c) = *chars.peek()?;
    if is_superscript(c) {
        let len: usize = r
            .chars()
            .take_while(|&c| is_superscript(c))
            .map(char::len_utf8)
            .sum();
        return Some(len);
    }
    let mut i = 0;
    if matches!(c, '−' | '-') {
        i += c.len_utf8();
        if r[i..].starts_with(' ') {
            i += 1;
        }
    } else {
        return None;
    }
    let d = r[i..].chars().next()?;
    if !d.is_ascii_digit() || !('1'..='4').contains(&d) {
        return None;
    }
    i += 1;
    if r[i..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c.is_alphabetic())
    {
        return None;
    }
    Some(i)
}

/// An exponent in one form: `-1`, `2`.
fn normal_exponent(e: &str) -> String {
    e.chars()
        .filter_map(|c| match c {
            '−' | '-' | '⁻' => Some('-'),
            '²' => Some('2'),
            '³' => Some('3'),
            '¹' => Some('1'),
            '⁴' => Some('4'),
            c if c.is_ascii_digit() => Some(c),
            _ => None,
        })
        .collect()
}

/// The normalised code of a unit written alone, read as the stage reads units after a
/// number; `None` when the lexicon does not know it.
pub(crate) fn unit_code(lex: &'static Lexicon, written: &str) -> Option<String> {
    let w = written.trim();
    if w.is_empty() {
        return None;
    }
    if let Some(c) = lex.unit_code(w) {
        return Some(c.to_string());
    }
    let text = format!("1 {w}");
    let toks = crate::scan::scan(&text, 0, text.len());
    let lower = text.to_ascii_lowercase();
    let s = Sentence {
        text: &text,
        lower: &lower,
        toks: &toks,
        lex,
        urls: &[],
    };
    let (code, span, _) = s.unit_after(1, true, text.len())?;
    (span.end == text.len()).then_some(code)
}
