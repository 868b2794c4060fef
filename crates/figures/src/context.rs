//! A figure's context in its sentence: what it counts or measures (the noun after it,
//! "of" what for a share, the verb that says what happened to it), the period it
//! covers and the source a cue names.

use tri_model::{FigureKind, Span};

use crate::parse::{Core, Sentence};

/// Plurals that do not end in -s, and collective nouns counted as people.
const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "police",
    "personnel",
    "staff",
    "cattle",
    "livestock",
    "data",
    "feet",
    "teeth",
    "geese",
    "mice",
    "criteria",
    "phenomena",
    "militia",
    "crew",
    "infantry",
    "youth",
    "media",
    "sheep",
    "fish",
    "aircraft",
    "military",
];

/// Words that look plural but are not nouns counted by a number.
const NOT_PLURAL: &[&str] = &[
    "its", "this", "was", "has", "is", "us", "as", "his", "thus", "less", "plus",
];

/// What is counted or measured: the head word, its span, and the span of the noun
/// phrase it ends (for "of NP", from "of").
pub(crate) struct Counted {
    pub head: String,
    pub span: Span,
    /// The phrase belongs to the figure's span ("110,000 troops", "one-fifth of Ukraine").
    pub in_figure: bool,
    /// One past its last token.
    pub end_tok: usize,
}

fn plural(w: &str) -> bool {
    IRREGULAR_PLURALS.contains(&w)
        || (w.len() > 2
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !NOT_PLURAL.contains(&w))
}

impl Sentence<'_> {
    /// Can token `k` be part of the noun phrase after a number?
    fn np_word(&self, k: usize) -> bool {
        let Some(w) = self.word(k) else { return false };
        let adverb = w.ends_with("ly") && w.len() > 4;
        let function_word = self.lex.stop.contains(w)
            || self.lex.verbs.contains_key(w)
            || self.lex.months.contains_key(w)
            || self.lex.numbers.contains_key(w);
        !(adverb || function_word)
    }

    /// The noun counted by a number ending before token `k`: the first plural in a run
    /// of up to four words ("four Ukrainian regions", "274 Whitehall II participants"),
    /// or a single word after "1".
    pub fn counted_after(&self, k: usize, one: bool) -> Option<Counted> {
        let mut j = k;
        // Hyphen-joined modifiers stay apart: "30-item" is no count of items.
        if self.toks.get(k).is_some_and(|t| !t.space_before) {
            return None;
        }
        while j < k + 4 && self.np_word(j) {
            let w = self.word(j).expect("a word");
            if plural(w) {
                return Some(Counted {
                    head: w.to_string(),
                    span: Span::new(self.toks[k].start, self.toks[j].end),
                    in_figure: true,
                    end_tok: j + 1,
                });
            }
            j += 1;
            // Words join only through spaces or hyphens.
            if self.toks.get(j).is_some_and(|t| !t.space_before) {
                break;
            }
        }
        if one && j == k + 1 {
            let w = self.word(k)?;
            return Some(Counted {
                head: w.to_string(),
                span: Span::new(self.toks[k].start, self.toks[k].end),
                in_figure: true,
                end_tok: k + 1,
            });
        }
        None
    }

    /// "of NP" at token `k`: the head is the phrase's last word ("of Ukraine", "of its
    /// territory", "of the Donetsk region").
    pub fn of_phrase(&self, k: usize) -> Option<Counted> {
        if self.word(k)? != "of" {
            return None;
        }
        self.of_phrase_with(k)
    }

    /// A phrase after any preposition at token `k` ("in Russian central bank assets"):
    /// as [`Sentence::of_phrase`].
    pub fn of_phrase_with(&self, k: usize) -> Option<Counted> {
        let mut j = k + 1;
        let from = j;
        while self.word(j).is_some_and(|w| {
            matches!(
                w,
                "the"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "all"
                    | "this"
                    | "these"
                    | "those"
                    | "that"
            )
        }) {
            j += 1;
        }
        let start = j;
        while j < start + 4 && self.np_word(j) {
            j += 1;
        }
        if j == start {
            return None;
        }
        // Possessives end the phrase's head ("of Russia's territory": territory).
        let head = self.toks[j - 1];
        Some(Counted {
            head: self.text[head.start..head.end].to_string(),
            span: Span::new(self.toks[from].start, head.end),
            in_figure: true,
            end_tok: j,
        })
    }

    /// The participle a verb around the figure adds to what it counts: the word before
    /// it ("killed 31 people", "having gained 1,415 ...") or after its noun ("31 people
    /// were killed", "500 wounded").
    pub fn participle(&self, first_tok: usize, after: usize) -> Option<String> {
        if first_tok > 0 {
            if let Some(p) = self.word(first_tok - 1).and_then(|w| self.lex.verbs.get(w)) {
                return Some(p.clone());
            }
        }
        let mut j = after;
        let mut aux = 0;
        while aux < 3
            && self.word(j).is_some_and(|w| {
                matches!(
                    w,
                    "were"
                        | "was"
                        | "are"
                        | "is"
                        | "have"
                        | "has"
                        | "had"
                        | "been"
                        | "being"
                        | "reportedly"
                        | "also"
                        | "now"
                        | "remain"
                        | "remained"
                        | "remains"
                )
            })
        {
            j += 1;
            aux += 1;
        }
        let w = self.word(j)?;
        let p = self.lex.verbs.get(w)?;
        // Only the participle itself after the noun ("killed", "frozen"), not "kill".
        (p == w).then(|| p.clone())
    }

    /// The period phrase starting at token `k`, as its one-past-last token.
    fn period_at(&self, k: usize, right_after: bool) -> Option<usize> {
        let w = self.word(k)?;
        let unit_word = |j: usize| {
            self.word(j).is_some_and(|u| {
                matches!(
                    u,
                    "day"
                        | "days"
                        | "week"
                        | "weeks"
                        | "month"
                        | "months"
                        | "year"
                        | "years"
                        | "decade"
                        | "decades"
                        | "quarter"
                        | "quarters"
                        | "hours"
                        | "hour"
                        | "summer"
                        | "winter"
                        | "spring"
                        | "autumn"
                        | "fall"
                )
            })
        };
        let year = |j: usize| {
            self.toks.get(j).is_some_and(|t| {
                t.is_digits()
                    && t.end - t.start == 4
                    && self.text[t.start..t.end]
                        .parse::<u32>()
                        .is_ok_and(|y| (1800..=2100).contains(&y))
            })
        };
        let month = |j: usize| {
            self.word(j)
                .is_some_and(|m| self.lex.months.contains_key(m) && m.len() > 3)
        };
        let number = |j: usize| {
            self.toks.get(j).is_some_and(|t| t.is_digits())
                || self
                    .word(j)
                    .is_some_and(|n| self.lex.numbers.contains_key(n))
        };
        let relative = |j: usize| {
            self.word(j).is_some_and(|r| {
                matches!(
                    r,
                    "past"
                        | "last"
                        | "previous"
                        | "first"
                        | "next"
                        | "coming"
                        | "preceding"
                        | "following"
                        | "latest"
                )
            })
        };
        let of_year = |j: usize| {
            if self.word(j) == Some("of") && year(j + 1) {
                j + 2
            } else {
                j
            }
        };
        match w {
            "in" | "during" | "over" | "within" | "throughout" | "since" | "for" | "through"
            | "by" | "until" | "from" => {
                let j = k + 1;
                if self.word(j) == Some("the") && relative(j + 1) {
                    let mut e = j + 2;
                    if number(e) {
                        e += 1;
                    }
                    if unit_word(e) {
                        return Some(of_year(e + 1));
                    }
                }
                if w == "for" {
                    return None;
                }
                if month(j) {
                    return Some(if year(j + 1) { j + 2 } else { j + 1 });
                }
                if year(j) {
                    if w == "from" && self.word(j + 1) == Some("to") && year(j + 2) {
                        return Some(j + 3);
                    }
                    return Some(j + 1);
                }
                if self.word(j) == Some("the")
                    && self.word(j + 1).is_some_and(|o| {
                        matches!(o, "first" | "second" | "third" | "fourth" | "last")
                    })
                    && self
                        .word(j + 2)
                        .is_some_and(|h| matches!(h, "half" | "quarter"))
                    && self.word(j + 3) == Some("of")
                    && year(j + 4)
                {
                    return Some(j + 5);
                }
                if self
                    .word(j)
                    .is_some_and(|r| matches!(r, "last" | "this" | "next" | "past"))
                    && unit_word(j + 1)
                {
                    return Some(j + 2);
                }
                None
            }
            "last" | "this" | "next" | "past" if unit_word(k + 1) => Some(k + 2),
            "so" if self.word(k + 1) == Some("far")
                && self.word(k + 2) == Some("this")
                && unit_word(k + 3) =>
            {
                Some(k + 4)
            }
            "between" if year(k + 1) && self.word(k + 2) == Some("and") && year(k + 3) => {
                Some(k + 4)
            }
            "per" | "a" | "an" | "each" | "every"
                if right_after
                    && self.word(k + 1).is_some_and(|u| {
                        matches!(u, "day" | "week" | "month" | "year" | "annum" | "hour")
                    }) =>
            {
                Some(k + 2)
            }
            "annually" | "daily" | "weekly" | "monthly" | "yearly" | "annual" if right_after => {
                Some(k + 1)
            }
            _ => None,
        }
    }

    /// The period a figure (tokens `first..end`) covers: the nearest period phrase after
    /// it in its clause, else the nearest before it. `limit` is where the next figure
    /// starts.
    pub fn period(
        &self,
        first: usize,
        end: usize,
        prev_end: usize,
        next_start: usize,
    ) -> Option<(usize, usize)> {
        let mut k = end;
        while k < next_start.min(end + 10) {
            if self
                .other(k)
                .is_some_and(|o| matches!(o, ";" | ":" | "(" | ")" | "—"))
            {
                break;
            }
            if let Some(e) = self.period_at(k, k == end) {
                return Some((k, e));
            }
            k += 1;
        }
        let lo = prev_end.max(first.saturating_sub(12));
        for k in (lo..first).rev() {
            if self.other(k).is_some_and(|o| matches!(o, ";" | ":")) {
                break;
            }
            if let Some(e) = self.period_at(k, false) {
                if e <= first {
                    return Some((k, e));
                }
            }
        }
        None
    }

    /// A source named by a cue in the sentence ("according to X", "per X data", "citing
    /// X", "data from X"), nearest to token `at`: its name and span.
    pub fn cued_source(&self, at: usize) -> Option<(String, Span)> {
        let mut best: Option<(usize, String, Span)> = None;
        for k in 0..self.toks.len() {
            let Some(w) = self.word(k) else { continue };
            let after = match w {
                "according" if self.word(k + 1) == Some("to") => k + 2,
                "per" | "citing" | "cited" => k + 1,
                "data" | "figures" | "estimates" | "statistics"
                    if matches!(self.word(k + 1), Some("from" | "by" | "of")) =>
                {
                    k + 2
                }
                _ => continue,
            };
            let Some((name, span)) = self.source_name(after, w == "per") else {
                continue;
            };
            let dist = k.abs_diff(at);
            if best.as_ref().is_none_or(|b| dist < b.0) {
                best = Some((dist, name, span));
            }
        }
        best.map(|(_, n, s)| (n, s))
    }

    /// The name a cue introduces from token `k`: past "the latest data from", past a
    /// possessive ("Finland's"), the run of capitalised words ("Black Bird Group",
    /// "Institute for the Study of War"). `capital_only`: no lower-case sources ("per
    /// day").
    fn source_name(&self, mut k: usize, capital_only: bool) -> Option<(String, Span)> {
        let mut skipped = 0;
        while skipped < 6
            && self.word(k).is_some_and(|w| {
                matches!(
                    w,
                    "a" | "an"
                        | "the"
                        | "latest"
                        | "new"
                        | "report"
                        | "reports"
                        | "data"
                        | "figures"
                        | "estimates"
                        | "estimate"
                        | "analysis"
                        | "study"
                        | "survey"
                        | "assessment"
                        | "by"
                        | "from"
                        | "of"
                        | "published"
                        | "released"
                        | "recent"
                        | "preliminary"
                        | "official"
                        | "monitoring"
                )
            })
            && !self.is_capitalised(k)
        {
            k += 1;
            skipped += 1;
        }
        // A possessive before the name: "Finland's Black Bird Group".
        let possessive = |j: usize| {
            self.word(j)
                .is_some_and(|w| w.ends_with("'s") || w.ends_with("\u{2019}s"))
        };
        if self.is_capitalised(k) && possessive(k) && self.is_capitalised(k + 1) {
            k += 1;
        }
        if !self.is_capitalised(k) {
            if capital_only {
                return None;
            }
            let w = self.word(k)?;
            if plural(w) && !self.lex.stop.contains(w) {
                let t = self.toks[k];
                return Some((
                    self.text[t.start..t.end].to_string(),
                    Span::new(t.start, t.end),
                ));
            }
            return None;
        }
        let start = k;
        let mut end = k + 1;
        let mut j = k + 1;
        while j < start + 10 {
            if self.is_capitalised(j) && self.toks[j].space_before {
                j += 1;
                end = j;
            } else if self
                .word(j)
                .is_some_and(|w| matches!(w, "of" | "for" | "and" | "the" | "on" | "de"))
            {
                // "Institute for the Study of War": one or two linking words, then a name.
                let link = |k: usize| {
                    self.word(k)
                        .is_some_and(|w| matches!(w, "of" | "for" | "and" | "the" | "on" | "de"))
                };
                let n = if link(j + 1) { 2 } else { 1 };
                if !self.is_capitalised(j + n) {
                    break;
                }
                j += n;
            } else if self.other(j) == Some("&") && self.is_capitalised(j + 1) {
                j += 1;
            } else {
                break;
            }
        }
        let span = Span::new(self.toks[start].start, self.toks[end - 1].end);
        let mut name = self.text[span.start..span.end].to_string();
        for s in ["'s", "\u{2019}s"] {
            if let Some(n) = name.strip_suffix(s) {
                name = n.to_string();
            }
        }
        Some((name, span))
    }
}

/// What the figure's kind becomes once what it counts is known.
pub(crate) fn kind_with_count(core: &Core, counted: bool) -> FigureKind {
    if core.kind == FigureKind::Number && counted {
        FigureKind::Count
    } else {
        core.kind
    }
}
