//! Clean text of articles as they are really pasted: a copy from a browser or an export
//! keeps the page's furniture (share buttons, "SCROLL FOR NEXT", comment prompts, photo
//! captions with their credits, reproduction notices, "See also" links) and carries the
//! metadata in the text itself ("【By Observer News, Wang Kaiwen】", "..., writes UNN.",
//! "Original: URL", a byline line above the body).
//!
//! The rules look at the shape and role of each line, never at a list of known strings
//! of particular sites: a line is body text when it reads as prose (several words,
//! sentence punctuation); the lines above the first body paragraph are the header
//! (kicker, title, dek, byline, captions); short non-prose lines below the last one are
//! the page's footer.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

/// What the text of a pasted article says about itself, and its clean body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CleanText {
    /// Body paragraphs separated by one blank line.
    pub text: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub outlet: Option<String>,
    /// A URL the text names as the article's original ("Original: https://...").
    pub url: Option<String>,
    /// Lines that were dropped, so a reader can check them.
    pub removed: Vec<String>,
}

/// Cleans a plain-text article. Whole-line rules only: a paragraph is kept or dropped as
/// a unit, except an in-text byline bracket at its start, which is cut off.
pub fn clean_plain_text(input: &str) -> CleanText {
    let mut out = CleanText::default();
    let mut paragraphs: Vec<String> = input
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();

    // In-text bracket byline at the very start: 【By Outlet, Name】 or [By Name].
    if let Some(first) = paragraphs.first_mut() {
        if let Some((inner, rest)) = leading_bracket(first) {
            if let Some(by) = strip_by(inner) {
                let (outlet, byline) = split_outlet_and_person(by);
                out.outlet = outlet;
                out.byline = byline;
                out.removed
                    .push(first[..first.len() - rest.len()].to_string());
                *first = rest.trim_start().to_string();
            }
        }
    }

    // Furniture that can stand anywhere: drop it, remembering what it told us.
    let kept = drop_furniture(paragraphs, &mut out);

    let prose: Vec<bool> = kept.iter().map(|p| is_prose(p)).collect();
    let first_body = prose.iter().position(|&p| p);
    let last_body = prose.iter().rposition(|&p| p);
    let (Some(first_body), Some(last_body)) = (first_body, last_body) else {
        // No sentence anywhere: a table, a list, a schedule or a one-line brief. What
        // survived the furniture rules is all the article there is.
        out.text = kept.join("\n\n");
        return out;
    };

    // Header: kicker, title, dek and byline above the body.
    let header = &kept[..first_body];
    let byline_at = header.len().checked_sub(1).filter(|&i| {
        let line = strip_by(&header[i]).unwrap_or(&header[i]);
        header[i].starts_with("By ") || looks_like_person_name(line)
    });
    if let Some(i) = byline_at {
        if out.byline.is_none() {
            out.byline = Some(strip_by(&header[i]).unwrap_or(&header[i]).to_string());
        }
    }
    let headlines: Vec<&String> = header
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != byline_at)
        .map(|(_, h)| h)
        .collect();
    out.title = headlines
        .iter()
        .find(|h| word_count(h) >= 5)
        .or_else(|| headlines.iter().max_by_key(|h| h.len()))
        .map(|h| h.to_string());
    out.removed.extend(header.iter().cloned());

    let body = &kept[first_body..=last_body];
    if out.outlet.is_none() {
        out.outlet = body.first().and_then(|p| writes_outlet(p));
    }
    out.text = body.join("\n\n");
    out.removed.extend(kept[last_body + 1..].iter().cloned());
    out
}

/// Drops whole-paragraph furniture (widgets, notices, captions, "See also" links) from
/// text whose header and footer are already gone, such as an HTML extractor's output.
pub(crate) fn clean_paragraphs(text: &str) -> CleanText {
    let mut out = CleanText::default();
    let paragraphs = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    out.text = drop_furniture(paragraphs, &mut out).join("\n\n");
    out
}

/// Keeps the paragraphs that are not furniture; notes the URL and outlet that labelled
/// URL lines and rights notices give away, and what was dropped.
fn drop_furniture(paragraphs: Vec<String>, out: &mut CleanText) -> Vec<String> {
    let mut kept = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        let marks = marks_in(&p);
        if let Some(url) = labelled_url(&p) {
            out.url.get_or_insert(url);
            out.removed.push(p);
        } else if let Some(outlet) = rights_notice(&p, marks) {
            if out.outlet.is_none() {
                out.outlet = outlet;
            }
            out.removed.push(p);
        } else if is_furniture(&p, marks) {
            out.removed.push(p);
        } else {
            kept.push(p);
        }
    }
    kept
}

/// `【...】rest` or `[...]rest` at the start of a line.
fn leading_bracket(line: &str) -> Option<(&str, &str)> {
    let (open, close) = match line.chars().next()? {
        '【' => ('【', '】'),
        '[' => ('[', ']'),
        '(' => ('(', ')'),
        _ => return None,
    };
    let inner_start = open.len_utf8();
    let end = line.find(close)?;
    if end > 120 {
        return None;
    }
    Some((&line[inner_start..end], &line[end + close.len_utf8()..]))
}

fn strip_by(s: &str) -> Option<&str> {
    let s = s.trim();
    ["By ", "by ", "BY "]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .map(str::trim)
        .filter(|rest| !rest.is_empty())
}

/// Words that mark a name as an outlet's rather than a person's.
const OUTLET_WORDS: &[&str] = &[
    "news",
    "times",
    "post",
    "press",
    "agency",
    "observer",
    "daily",
    "journal",
    "herald",
    "tribune",
    "gazette",
    "telegraph",
    "guardian",
    "network",
    "tv",
    "radio",
    "media",
    "review",
    "weekly",
    "online",
    "report",
    "reporter",
    "wire",
    "service",
    "broadcasting",
    "channel",
    "magazine",
    "chronicle",
    "bulletin",
    "express",
    "mail",
    "star",
    "sun",
];

fn is_outletish(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words
        .iter()
        .any(|w| OUTLET_WORDS.contains(&w.to_lowercase().trim_matches('.')))
        || (words.len() == 1 && is_acronym(words[0]))
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && w.chars()
            .all(|c| c.is_uppercase() || c == '-' || c == '.' || c == '&')
}

/// "Observer News, Wang Kaiwen" → (outlet, person). A lone part is the person unless it
/// reads as an outlet.
fn split_outlet_and_person(by: &str) -> (Option<String>, Option<String>) {
    let parts: Vec<&str> = by
        .split([',', '/', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut outlet = None;
    let mut people = Vec::new();
    for p in parts {
        if outlet.is_none() && is_outletish(p) {
            outlet = Some(p.to_string());
        } else {
            people.push(p);
        }
    }
    let byline = (!people.is_empty()).then(|| people.join(", "));
    (outlet, byline)
}

/// A line that is only a label and a URL: "Original: https://...", "Source: http://...".
fn labelled_url(p: &str) -> Option<String> {
    let (label, rest) = p.split_once(':')?;
    let rest = rest.trim();
    let label_ok = word_count(label) <= 3 && !label.contains("http");
    let is_url = (rest.starts_with("http://") || rest.starts_with("https://"))
        && !rest.contains(char::is_whitespace);
    (label_ok && is_url).then(|| rest.to_string())
}

/// Telltale phrases of the short-paragraph rules, any case. One automaton finds them all
/// in one pass over a paragraph, which keeps the rules cheap on long articles.
const MARK_PHRASES: &[(Mark, &str)] = &[
    (Mark::Rights, "reproduction"),
    (Mark::Rights, "reprint"),
    (Mark::Rights, "all rights reserved"),
    (Mark::Rights, "without permission"),
    (Mark::Rights, "without prior written"),
    (Mark::Rights, "exclusive publication of"),
    (Mark::Rights, "may not be published, broadcast"),
    (Mark::Rights, "copyright ©"),
    (Mark::Rights, "© copyright"),
    (Mark::Credit, "photo:"),
    (Mark::Credit, "photo by"),
    (Mark::Credit, "photograph:"),
    (Mark::Credit, "image:"),
    (Mark::Credit, "picture:"),
    (Mark::Credit, "credit:"),
    (Mark::Credit, "courtesy:"),
    (Mark::Credit, "(courtesy"),
    (Mark::Credit, "(photo"),
    (Mark::Credit, "/ source:"),
    (Mark::Credit, "getty images"),
    (Mark::Credit, "/afp"),
    (Mark::Credit, "afp/"),
    (Mark::Credit, "reuters/"),
    (Mark::Credit, "/reuters"),
    (Mark::Credit, "ap photo"),
    (Mark::Credit, "/ap"),
    (Mark::Credit, "epa/"),
    (Mark::Credit, "/epa"),
    (Mark::Credit, "shutterstock"),
    (Mark::Credit, "wikimedia commons"),
    (Mark::Credit, "photo credit"),
    (Mark::Credit, "file photo"),
    (Mark::Prompt, "button below"),
    (Mark::Prompt, "click here"),
    (Mark::Prompt, "tap here"),
];

#[derive(Clone, Copy)]
enum Mark {
    /// Reproduction or rights notices.
    Rights,
    /// Photo credits.
    Credit,
    /// Prompts to the reader: "click here", "the button below".
    Prompt,
}

/// Which kinds of telltale phrase a paragraph holds.
#[derive(Clone, Copy, Default)]
struct Marks {
    rights: bool,
    credit: bool,
    prompt: bool,
}

/// Paragraphs longer than this carry no notice, credit or prompt of their own.
const MARKED_MAX_BYTES: usize = 400;

static MARK_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .build(MARK_PHRASES.iter().map(|(_, phrase)| phrase))
        .expect("static patterns build")
});

fn marks_in(p: &str) -> Marks {
    let mut marks = Marks::default();
    if p.len() > MARKED_MAX_BYTES {
        return marks;
    }
    for hit in MARK_FINDER.find_overlapping_iter(p) {
        match MARK_PHRASES[hit.pattern().as_usize()].0 {
            Mark::Rights => marks.rights = true,
            Mark::Credit => marks.credit = true,
            Mark::Prompt => marks.prompt = true,
        }
    }
    marks
}

/// A reproduction or rights notice; returns the outlet it names, if any.
fn rights_notice(p: &str, marks: Marks) -> Option<Option<String>> {
    if !marks.rights {
        return None;
    }
    // ASCII lowercasing keeps byte offsets, so `lower`'s matches index `p`.
    let lower = p.to_ascii_lowercase();
    let outlet = [
        "exclusive publication of ",
        "exclusive article of ",
        "copyright © ",
    ]
    .iter()
    .find_map(|m| {
        let at = lower.find(m)? + m.len();
        let name: String = p[at..]
            .split(['.', ',', ';', '\n'])
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        (!name.is_empty() && word_count(&name) <= 5).then_some(name)
    });
    Some(outlet)
}

/// Longer than any widget, pointer list, prompt or captioned credit.
const FURNITURE_MAX_BYTES: usize = 600;

/// Page furniture recognised by its shape: share widgets, comment prompts, "read also"
/// links, advertisement markers, UI prompts, disclaimers and captions with a credit.
fn is_furniture(p: &str, marks: Marks) -> bool {
    // Every rule below is about short lines; a long paragraph is body or header text.
    if p.len() > FURNITURE_MAX_BYTES {
        return false;
    }
    if is_note_to_reader(p, marks) || is_captioned_credit(p, marks) {
        return true;
    }
    // The rest are short: buttons, pointers, prompts.
    let words = word_count_upto(p, 26);
    if words > 25 {
        return false;
    }
    // The marks are ASCII, and ASCII lowercasing keeps byte offsets.
    let lower = p.to_ascii_lowercase();
    let bare = lower
        .trim_start_matches(['-', '*', '•', '·', '–', ' '])
        .trim();

    // Bulleted or bare share/action buttons.
    const WIDGETS: &[&str] = &[
        "get link",
        "x",
        "other apps",
        "share",
        "share this",
        "share this article",
        "facebook",
        "twitter",
        "whatsapp",
        "telegram",
        "email",
        "e-mail",
        "print",
        "linkedin",
        "pinterest",
        "reddit",
        "copy link",
        "copy",
        "tweet",
        "save",
        "comments",
        "comment",
        "post a comment",
        "leave a comment",
        "add a comment",
        "view comments",
        "show comments",
        "advertisement",
        "sponsored",
        "subscribe",
        "sign up",
        "listen",
        "listen to this article",
        "follow us",
        "done",
        "close",
    ];
    if words <= 4 && WIDGETS.contains(&bare.trim_end_matches([':', '.'])) {
        return true;
    }
    // Related-article pointers and tag lists.
    const POINTERS: &[&str] = &[
        "see also:",
        "read also:",
        "also read:",
        "read more:",
        "related:",
        "read more about:",
        "more on this:",
        "recommended:",
        "watch:",
        "tags:",
        "topics:",
        "more:",
        "related articles",
        "related stories",
        "you may also like",
        "most read",
        "trending now",
    ];
    if POINTERS.iter().any(|m| bare.starts_with(m)) {
        return true;
    }
    // UI prompts in capitals ("SCROLL FOR NEXT", "CONTINUE READING").
    if (2..=5).contains(&words)
        && p.chars().any(char::is_alphabetic)
        && p.chars().all(|c| !c.is_lowercase())
        && !p.ends_with(['.', '?', '!', '"', '”'])
        && [
            "scroll",
            "continue",
            "read",
            "click",
            "next",
            "more",
            "subscribe",
            "advert",
        ]
        .iter()
        .any(|w| lower.contains(w))
    {
        return true;
    }
    false
}

/// Statements addressed to the reader about the page itself: "Statement: the article
/// represents the views of the author...", "Click here to ...".
fn is_note_to_reader(p: &str, marks: Marks) -> bool {
    if p.len() >= 300 {
        return false;
    }
    if marks.prompt {
        return true;
    }
    let head = p.get(..11).unwrap_or(p).to_ascii_lowercase();
    if head.starts_with("statement:") || head.starts_with("disclaimer:") {
        let lower = p.to_ascii_lowercase();
        return ["view", "opinion", "author", "click", "button", "responsib"]
            .iter()
            .any(|w| lower.contains(w));
    }
    false
}

/// A photo caption: a short paragraph that carries a photo credit, either labelled
/// ("Photo: Kremlin.ru", "(Courtesy: REUTERS/...)", "Getty Images") or as a bare credit
/// after the last sentence ("... wearing a military uniform. Visual China").
fn is_captioned_credit(p: &str, marks: Marks) -> bool {
    if p.len() > MARKED_MAX_BYTES {
        return false;
    }
    if marks.credit {
        return true;
    }
    // Bare trailing credit: prose that ends in a sentence, then a short title-case name
    // with no punctuation of its own.
    let trimmed = p.trim_end();
    if trimmed.ends_with(['.', '!', '?', '"', '”', '\'', '’', ')', ':', ';', ',']) {
        return false;
    }
    let Some(cut) = trimmed.rfind(['.', '!', '?']) else {
        return false;
    };
    let tail = trimmed[cut + 1..].trim();
    let tail_words: Vec<&str> = tail.split_whitespace().collect();
    !tail_words.is_empty()
        && tail_words.len() <= 4
        && tail_words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '.' || c == '&')
        })
        && word_count(&trimmed[..cut]) >= 5
}

/// Body text: several words ending in sentence punctuation (a closing quote counts).
fn is_prose(p: &str) -> bool {
    let end = p.trim_end();
    end.ends_with([
        '.', '!', '?', '"', '”', '\'', '’', '…', ')', ':', '»', '。', '！', '？', '」', '』', '।',
        '؟', '۔',
    ]) && !end.ends_with("...:")
        && word_count_upto(end, 6) >= 6
}

/// One to four capitalised words with no digits or sentence punctuation: a name line.
fn looks_like_person_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'' || c == '’')
        })
        && !is_outletish(line)
        && !words
            .iter()
            .any(|w| COMMON_HEADLINE_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Words of kickers and section labels that never form a person's name.
const COMMON_HEADLINE_WORDS: &[&str] = &[
    "war",
    "news",
    "world",
    "politics",
    "business",
    "live",
    "update",
    "updates",
    "latest",
    "opinion",
    "analysis",
    "story",
    "details",
    "video",
    "photos",
    "breaking",
    "exclusive",
    "the",
    "of",
    "and",
    "in",
    "on",
    "for",
    "to",
    "a",
    "what",
    "how",
    "why",
    "sport",
    "sports",
    "economy",
    "markets",
    "home",
    "europe",
    "asia",
    "africa",
    "americas",
    "us",
    "uk",
];

/// "..., Bloomberg reports, writes UNN." → "UNN": the closing credit of a first paragraph.
fn writes_outlet(p: &str) -> Option<String> {
    let end = p.trim_end().trim_end_matches('.');
    for cue in [", writes ", ", reports ", ", informs ", " — ", " - "] {
        if let Some(at) = end.rfind(cue) {
            let name = end[at + cue.len()..].trim();
            let words = word_count(name);
            if (1..=4).contains(&words)
                && name.chars().next().is_some_and(char::is_uppercase)
                && !name.contains(['"', '“', '”'])
                && (is_outletish(name) || cue == ", writes " || cue == ", informs ")
            {
                return Some(name.to_string());
            }
        }
    }
    None
}

/// Words, counting each ideograph or kana as one: Chinese and Japanese do not space
/// their words, and a sentence of them is as much prose as one in English.
fn word_count(s: &str) -> usize {
    word_count_upto(s, usize::MAX)
}

/// [`word_count`], but stops counting at `cap`: the rules only ask "at least n?".
fn word_count_upto(s: &str, cap: usize) -> usize {
    let mut n = 0;
    for w in s.split_whitespace() {
        n += if w.is_ascii() {
            1
        } else {
            w.chars().filter(|&c| is_unspaced_script(c)).count().max(1)
        };
        if n >= cap {
            return cap;
        }
    }
    n
}

fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF     // hiragana, katakana
        | 0x3400..=0x4DBF   // CJK extension A
        | 0x4E00..=0x9FFF   // CJK unified ideographs
        | 0xAC00..=0xD7AF   // hangul syllables (spaced, but counted alike is harmless)
        | 0x0E00..=0x0E7F   // Thai
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracket_byline_gives_outlet_and_author() {
        let c = clean_plain_text("【By Observer News, Wang Kaiwen】After the war between Russia and Ukraine dragged on, talks stalled.");
        assert_eq!(c.outlet.as_deref(), Some("Observer News"));
        assert_eq!(c.byline.as_deref(), Some("Wang Kaiwen"));
        assert!(c.text.starts_with("After the war"));
    }

    #[test]
    fn header_gives_title_and_byline_and_stays_out_of_the_body() {
        let c = clean_plain_text(
            "World News\n\nMinisters Agree on a New Budget Deal After Long Talks\n\nJane Doe\n\n\
             The finance ministers agreed on Tuesday to a new budget after two days of talks.\n\n\
             Analysts said the deal was a compromise.\n\nSHARE THIS\n",
        );
        assert_eq!(
            c.title.as_deref(),
            Some("Ministers Agree on a New Budget Deal After Long Talks")
        );
        assert_eq!(c.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(
            c.text,
            "The finance ministers agreed on Tuesday to a new budget after two days of talks.\n\n\
             Analysts said the deal was a compromise."
        );
    }

    #[test]
    fn subheadings_inside_the_body_stay() {
        let c = clean_plain_text(
            "The council voted on Monday to close the old bridge to traffic.\n\
             Safety Concerns\n\
             Engineers had warned for years that the bridge was unsafe for trucks.",
        );
        assert!(c.text.contains("\n\nSafety Concerns\n\n"));
    }

    #[test]
    fn captions_with_credits_go() {
        for caption in [
            "The minister arrives at the summit in Brussels on Monday. Getty Images",
            "A view of the port after the storm (Photo: AFP)",
            "Protesters gather outside parliament. Photo: John Smith / Source: Wikimedia Commons.",
        ] {
            assert!(is_captioned_credit(caption, marks_in(caption)), "{caption}");
        }
        let line = "The minister arrived at the summit in Brussels on Monday.";
        assert!(!is_captioned_credit(line, marks_in(line)));
        let line = "He said the talks would resume, according to Reuters.";
        assert!(!is_captioned_credit(line, marks_in(line)));
    }

    #[test]
    fn furniture_goes_and_prose_stays() {
        for junk in [
            "- Share",
            "Post a Comment",
            "Comments",
            "SCROLL FOR NEXT",
            "Read more: The budget explained",
            "See also: Talks collapse in Geneva",
        ] {
            assert!(is_furniture(junk, marks_in(junk)), "{junk}");
        }
        for body in [
            "Comments by the minister angered the opposition, which called for a vote.",
            "Read the full statement, the spokesman told reporters on Friday.",
        ] {
            assert!(!is_furniture(body, marks_in(body)), "{body}");
        }
    }

    #[test]
    fn rights_notice_and_original_url_are_metadata_not_body() {
        let c = clean_plain_text(
            "The ministers met again on Friday and agreed to continue the talks next week.\n\n\
             This article is an exclusive publication of Daily Planet. Unauthorized reproduction is prohibited.\n\n\
             Original: https://example.com/news/123\n",
        );
        assert_eq!(c.outlet.as_deref(), Some("Daily Planet"));
        assert_eq!(c.url.as_deref(), Some("https://example.com/news/123"));
        assert_eq!(
            c.text,
            "The ministers met again on Friday and agreed to continue the talks next week."
        );
    }

    #[test]
    fn writes_outlet_in_a_lead() {
        assert_eq!(
            writes_outlet("Leaders will meet in Geneva next week, Bloomberg reports, writes UNN.")
                .as_deref(),
            Some("UNN")
        );
        assert_eq!(
            writes_outlet("The president said he would sign the bill, which critics oppose."),
            None
        );
    }

    #[test]
    fn text_of_furniture_only_keeps_nothing() {
        let c = clean_plain_text("- Share\n- Comments\n");
        assert!(c.text.is_empty());
        assert_eq!(c.removed.len(), 2);
    }

    #[test]
    fn a_list_without_sentences_is_kept() {
        let text = "Stock Car calendar 2018\n\n1st round: 10 March – Interlagos\n2nd round: 8 April – Curitiba\n3rd round: 22 April – Velopark";
        let c = clean_plain_text(text);
        assert_eq!(c.text.lines().filter(|l| !l.is_empty()).count(), 4, "{c:?}");
    }

    #[test]
    fn chinese_and_japanese_sentences_are_prose() {
        let zh =
            "编者按\n\n俄罗斯总统普京周一表示，和平谈判将于下周在日内瓦继续举行。\n\n分享到微信";
        let c = clean_plain_text(zh);
        assert!(c.text.starts_with("俄罗斯总统普京"), "{c:?}");
        let ja = "プーチン大統領は月曜日、和平交渉が来週ジュネーブで続くと述べた。";
        assert_eq!(clean_plain_text(ja).text, ja);
    }
}
