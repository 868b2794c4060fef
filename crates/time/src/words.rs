//! The closed word classes temporal expressions are made of.

/// January = 1 ... December = 12, full names and news abbreviations.
pub(crate) fn month(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan." | "jan" => 1,
        "february" | "feb." | "feb" => 2,
        "march" | "mar." => 3,
        "april" | "apr." => 4,
        "may" => 5,
        "june" | "jun." => 6,
        "july" | "jul." => 7,
        "august" | "aug." | "aug" => 8,
        "september" | "sept." | "sep." | "sept" => 9,
        "october" | "oct." | "oct" => 10,
        "november" | "nov." | "nov" => 11,
        "december" | "dec." | "dec" => 12,
        _ => return None,
    })
}

/// Monday = 0 ... Sunday = 6.
pub(crate) fn weekday(w: &str) -> Option<u32> {
    Some(match w {
        "monday" => 0,
        "tuesday" => 1,
        "wednesday" => 2,
        "thursday" => 3,
        "friday" => 4,
        "saturday" => 5,
        "sunday" => 6,
        _ => return None,
    })
}

/// A number written as a word or in digits, up to a few thousand.
pub(crate) fn number(w: &str) -> Option<u32> {
    if let Ok(n) = w.replace(',', "").parse::<u32>() {
        return Some(n);
    }
    Some(match w {
        "a" | "an" | "one" | "single" => 1,
        "two" | "couple" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "hundred" => 100,
        _ => return None,
    })
}

/// A unit of time: its TIMEX3 letter and whether it is a time (PT...) unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    pub(crate) fn letter(self) -> &'static str {
        match self {
            Unit::Second => "S",
            Unit::Minute => "M",
            Unit::Hour => "H",
            Unit::Day => "D",
            Unit::Week | Unit::Weekend => "W",
            Unit::Month => "M",
            Unit::Quarter => "Q",
            Unit::Year => "Y",
            Unit::Decade => "DE",
            Unit::Century => "CE",
        }
    }

    pub(crate) fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }
}

/// A unit word, singular or plural (`month`, `months`, `month-long`'s `month`).
pub(crate) fn unit(w: &str) -> Option<Unit> {
    Some(match w {
        "second" | "seconds" => Unit::Second,
        "minute" | "minutes" => Unit::Minute,
        "hour" | "hours" => Unit::Hour,
        "day" | "days" => Unit::Day,
        "week" | "weeks" => Unit::Week,
        "weekend" | "weekends" => Unit::Weekend,
        "month" | "months" => Unit::Month,
        "quarter" | "quarters" => Unit::Quarter,
        "year" | "years" => Unit::Year,
        "decade" | "decades" => Unit::Decade,
        "century" | "centuries" => Unit::Century,
        _ => return None,
    })
}

/// Words that put a weekday or vague expression in the future when they come before it
/// in its sentence ("will meet on Friday", "expires Friday").
/// A verb in the simple present that, right before a day ("the talks begin on Monday",
/// "how the conversation goes on Monday"), puts the day on the calendar ahead: news
/// writes past events in the past tense, and "says" is left out, being reported speech.
pub(crate) fn scheduled_present(w: &str) -> bool {
    matches!(
        w,
        "goes"
            | "go"
            | "meets"
            | "meet"
            | "travels"
            | "begins"
            | "begin"
            | "starts"
            | "start"
            | "opens"
            | "hosts"
            | "arrives"
            | "visits"
            | "resumes"
            | "resume"
            | "convenes"
            | "convene"
            | "flies"
            | "heads"
            | "votes"
            | "vote"
            | "testifies"
            | "takes"
            | "ends"
    )
}

pub(crate) fn future_marker(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "'ll"
            | "shall"
            | "expires"
            | "expire"
            | "due"
            | "ahead"
            | "going"
            | "scheduled"
            | "next"
            | "upcoming"
            | "tomorrow"
            | "deadline"
    )
}

/// Words that set what follows them in a possible or intended future: modals, "payable",
/// "expected", "plans".
pub(crate) fn irrealis(w: &str) -> bool {
    matches!(
        w,
        "would"
            | "could"
            | "should"
            | "might"
            | "must"
            | "payable"
            | "expected"
            | "expects"
            | "expect"
            | "likely"
            | "unlikely"
            | "plans"
            | "intends"
            | "slated"
            | "pending"
            | "effective"
    )
}

/// Words that make "to" and a verb after them point ahead: "is to resume", "supposed to
/// conclude", "plans to visit", "agreed to meet".
pub(crate) fn to_future(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "supposed"
            | "plan"
            | "plans"
            | "planned"
            | "planning"
            | "expected"
            | "scheduled"
            | "due"
            | "likely"
            | "going"
            | "hopes"
            | "hope"
            | "wants"
            | "want"
            | "intends"
            | "aims"
            | "agreed"
            | "decided"
            | "promised"
            | "pledged"
            | "vowed"
            | "threatened"
            | "ready"
            | "prepared"
            | "set"
            | "agreement"
            | "offer"
            | "proposal"
            | "bid"
            | "decision"
    )
}

/// Determiners and possessives: a word in -ed after one is an adjective.
pub(crate) fn determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "your"
            | "my"
            | "this"
            | "that"
            | "these"
            | "those"
    )
}

/// First = 1 ... fourth = 4: the ordinals quarters are named by.
pub(crate) fn ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        _ => return None,
    })
}

/// Whether `w` (after `prev`) is a verb or adverb in the past: an irregular past form, or
/// a word in `-ed` after a word that does not make it an adjective or participle ("the
/// planned talks", "has been delayed" are left out).
pub(crate) fn past_verb(prev: &str, w: &str) -> bool {
    const PAST: &[&str] = &[
        "said",
        "told",
        "was",
        "were",
        "had",
        "did",
        "met",
        "spoke",
        "wrote",
        "went",
        "came",
        "took",
        "made",
        "gave",
        "held",
        "began",
        "sent",
        "struck",
        "hit",
        "fought",
        "won",
        "lost",
        "fell",
        "rose",
        "saw",
        "led",
        "left",
        "ran",
        "shot",
        "broke",
        "threw",
        "knew",
        "thought",
        "brought",
        "bought",
        "sought",
        "got",
        "set",
        "put",
        "cut",
        "paid",
        "heard",
        "became",
        "stood",
        "ago",
        "yesterday",
    ];
    // Words in -ed that are not past forms.
    const NOT_PAST: &[&str] = &[
        "need", "feed", "bleed", "breed", "speed", "heed", "seed", "indeed", "hundred", "sacred",
        "naked", "wicked", "rugged", "hatred", "kindred", "shred", "embed", "ahmed", "mohammed",
        "muhammad", "mahmoud",
    ];
    PAST.contains(&w)
        || w.len() > 4
            && w.ends_with("ed")
            && !w.ends_with("ceed")
            && !NOT_PAST.contains(&w)
            && !matches!(
                prev,
                "the"
                    | "a"
                    | "an"
                    | "be"
                    | "been"
                    | "being"
                    | "to"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
            )
}
