//! The verb patterns (PETRARCH's CAMEO verb dictionary), the nominal triggers and agent
//! nouns of our own, and the CAMEO-to-PLOVER table, read once from `models/events/`.

use std::collections::HashMap;

use std::sync::OnceLock;
use tri_model::FnvMap;

use tri_model::EventType;

pub(crate) const VERBS_TXT: &str = include_str!("../../../models/events/cameo-verbs.txt");
pub(crate) const CAMEO2PLOVER_TXT: &str = include_str!("../../../models/events/cameo2plover.txt");
pub(crate) const NOUNS_TSV: &str = include_str!("../../../models/events/nouns.tsv");
pub(crate) const AGENTS_TSV: &str = include_str!("../../../models/events/agents.tsv");
pub(crate) const SCORES_TSV: &str = include_str!("../../../models/events/scores.tsv");

/// One element of a pattern: a word (matched with its plural), or any member of a
/// synonym set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Elem {
    /// Its words, upper case.
    Word(Vec<String>),
    Synset(String),
}

/// A synonym set's members, indexed by their first word (single words also by their
/// plural forms' stems), so a token is checked against the few members it can start.
#[derive(Debug, Default)]
pub(crate) struct Synset {
    pub members: Vec<Vec<String>>,
    pub by_first: FnvMap<String, Vec<usize>>,
}

/// A pattern element and whether it must follow the previous one directly (inside a
/// `{compound}`).
#[derive(Debug, Clone)]
pub(crate) struct Step {
    pub elem: Elem,
    pub adjacent: bool,
}

/// `- PRE * POST [code]`: words before and after the verb.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    /// Words before the verb, nearest first.
    pub pre: Vec<Step>,
    /// Words after the verb, in order.
    pub post: Vec<Step>,
    pub code: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub default: Option<String>,
    pub patterns: Vec<Pattern>,
}

/// A surface form that triggers an event: its words and where its codes come from.
#[derive(Debug, Clone)]
pub(crate) struct Form {
    /// Upper-case words, the first one the token the form is indexed by.
    pub words: Vec<String>,
    /// The verb block whose patterns apply; `None` for our nominal triggers.
    pub block: Option<usize>,
    /// The form's own code, which overrides the block's default.
    pub code: Option<String>,
    /// A noun (ours), not a verb form.
    pub noun: bool,
    /// Which form of the verb it is: a base or third-person form is also a noun as
    /// often as not ("forces", "control"), so it needs a verb's context.
    pub shape: Shape,
}

/// The shape of a verb form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Base,
    ThirdPerson,
    /// Past, participle, gerund, or one of a multi-word verb.
    Other,
}

/// How a PLOVER category, mode and context follow from a CAMEO code.
#[derive(Debug, Clone)]
pub(crate) struct Plover {
    pub kind: EventType,
    pub mode: Option<String>,
    pub context: Option<String>,
}

/// An agent noun: what kind of participant a word names ("police" → COP).
#[derive(Debug, Clone)]
pub(crate) struct Agent {
    pub sector: String,
}

pub(crate) struct Lexicon {
    pub synsets: FnvMap<String, Synset>,
    pub blocks: Vec<Block>,
    /// First word of a form → the forms that start with it, longest first.
    pub forms: FnvMap<String, Vec<Form>>,
    pub plover: HashMap<String, Plover>,
    pub agents: FnvMap<String, Agent>,
    /// `TYPE` or `TYPE:mode` → PLOVER score.
    pub scores: HashMap<String, f32>,
}

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut lex = Lexicon {
            synsets: FnvMap::default(),
            blocks: Vec::new(),
            forms: FnvMap::default(),
            plover: read_plover(CAMEO2PLOVER_TXT),
            agents: read_agents(AGENTS_TSV),
            scores: read_scores(SCORES_TSV),
        };
        read_verbs(VERBS_TXT, &mut lex);
        read_nouns(NOUNS_TSV, &mut lex);
        for forms in lex.forms.values_mut() {
            // Longest first, and our triggers before the dictionary's form of the same
            // words: "talks" as a noun names a meeting, the verb TALK only a statement.
            forms.sort_by(|a, b| {
                b.words
                    .len()
                    .cmp(&a.words.len())
                    .then(a.block.is_some().cmp(&b.block.is_some()))
            });
        }
        lex
    })
}

fn strip_comment(line: &str) -> &str {
    line.split('#').next().unwrap_or("").trim_end()
}

/// The code in `[...]`: the first of `a:b`, `None` for `---` or nothing.
fn bracket_code(s: &str) -> (String, Option<String>) {
    match (s.find('['), s.find(']')) {
        (Some(a), Some(b)) if b > a => {
            let code = s[a + 1..b]
                .split(':')
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            let rest = format!("{}{}", &s[..a], &s[b + 1..]);
            let code =
                (!code.is_empty() && code.chars().all(|c| c.is_ascii_digit())).then_some(code);
            (rest, code)
        }
        _ => (s.to_string(), None),
    }
}

fn read_verbs(text: &str, lex: &mut Lexicon) {
    enum Section {
        Preamble,
        Synsets,
        Verbs,
        Done,
    }
    let mut section = Section::Preamble;
    let mut synset: Option<String> = None;
    for raw in text.lines() {
        if raw.starts_with("####### SYNONYM SETS") {
            section = Section::Synsets;
            continue;
        }
        if raw.starts_with("####### VERB PATTERNS") {
            section = Section::Verbs;
            continue;
        }
        if raw.starts_with("######## TRANSFORMATIONS") {
            section = Section::Done;
            continue;
        }
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        match section {
            Section::Preamble | Section::Done => {}
            Section::Synsets => {
                if let Some(name) = line.strip_prefix('&') {
                    let name = name.trim().trim_end_matches('_').to_string();
                    lex.synsets.entry(name.clone()).or_default();
                    synset = Some(name);
                } else if let (Some(name), Some(member)) = (&synset, line.strip_prefix('+')) {
                    let words: Vec<String> = member
                        .split('_')
                        .filter(|w| !w.is_empty())
                        .map(str::to_string)
                        .collect();
                    if !words.is_empty() {
                        let set = lex.synsets.get_mut(name).expect("synset opened");
                        set.by_first
                            .entry(words[0].clone())
                            .or_default()
                            .push(set.members.len());
                        set.members.push(words);
                    }
                }
            }
            Section::Verbs => read_verb_line(line, lex),
        }
    }
}

fn read_verb_line(line: &str, lex: &mut Lexicon) {
    if let Some(header) = line.strip_prefix("---") {
        let (_, code) = bracket_code(header);
        lex.blocks.push(Block {
            default: code,
            patterns: Vec::new(),
        });
        return;
    }
    let Some(block) = lex.blocks.len().checked_sub(1) else {
        return;
    };
    if let Some(pattern) = line.strip_prefix("- ") {
        let (words, code) = bracket_code(pattern);
        if let Some(p) = parse_pattern(&words, code) {
            lex.blocks[block].patterns.push(p);
        }
        return;
    }
    // A verb: `WORD [code] {IRREGULAR FORMS}` or `+MULTI_WORD {...}`.
    let (rest, code) = bracket_code(line);
    let (head, irregular) = match (rest.find('{'), rest.find('}')) {
        (Some(a), Some(b)) if b > a => (rest[..a].trim().to_string(), rest[a + 1..b].to_string()),
        _ => (rest.trim().to_string(), String::new()),
    };
    let Some(verb) = head.split_whitespace().next() else {
        return;
    };
    let verb = verb.trim_start_matches('+');
    let words: Vec<&str> = verb.split('_').filter(|w| !w.is_empty()).collect();
    if words.is_empty()
        || !words
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_alphabetic() || c == '-'))
    {
        return;
    }
    let mut seen: Vec<Vec<String>> = Vec::new();
    let multi = words.len() > 1;
    let mut add = |surface: Vec<String>, shape: Shape, lex: &mut Lexicon| {
        if seen.contains(&surface) {
            return;
        }
        seen.push(surface.clone());
        lex.forms.entry(surface[0].clone()).or_default().push(Form {
            words: surface,
            block: Some(block),
            code: code.clone(),
            noun: false,
            shape: if multi { Shape::Other } else { shape },
        });
    };
    for (k, inflected) in inflections(words[0]).into_iter().enumerate() {
        let mut surface = vec![inflected];
        surface.extend(words[1..].iter().map(|w| w.to_string()));
        let shape = match k {
            0 => Shape::Base,
            1 => Shape::ThirdPerson,
            _ => Shape::Other,
        };
        add(surface, shape, lex);
    }
    for form in irregular.split_whitespace() {
        let surface: Vec<String> = form
            .trim_start_matches('+')
            .split('_')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        if !surface.is_empty() {
            let shape =
                if surface.len() == 1 && surface[0].ends_with('S') && !surface[0].ends_with("SS") {
                    Shape::ThirdPerson
                } else {
                    Shape::Other
                };
            add(surface, shape, lex);
        }
    }
}

fn parse_pattern(words: &str, code: Option<String>) -> Option<Pattern> {
    let mut pre = Vec::new();
    let mut post = Vec::new();
    let mut after_verb = false;
    let mut in_compound = false;
    for raw in words.split_whitespace() {
        let opens = raw.starts_with('{');
        let closes = raw.ends_with('}');
        let word = raw.trim_matches(|c| matches!(c, '{' | '}' | '(' | ')'));
        if word == "*" {
            after_verb = true;
            continue;
        }
        let adjacent = in_compound && !opens;
        if opens {
            in_compound = true;
        }
        // `$` `+` `^` `%` mark where the actor and recipient stand; we find those from
        // the entities, so the markers only take their place.
        let elem = match word {
            "" | "$" | "+" | "^" | "%" | "-" => None,
            w if w.starts_with('&') => Some(Elem::Synset(w[1..].trim_end_matches('_').to_string())),
            w if w
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == '_' || c == '-') =>
            {
                Some(Elem::Word(
                    w.trim_end_matches('_')
                        .split('_')
                        .filter(|x| !x.is_empty())
                        .map(str::to_string)
                        .collect(),
                ))
            }
            _ => None,
        };
        if closes {
            in_compound = false;
        }
        let Some(elem) = elem else { continue };
        let step = Step { elem, adjacent };
        if after_verb {
            post.push(step);
        } else {
            pre.push(step);
        }
    }
    if !after_verb {
        return None;
    }
    pre.reverse();
    // In reverse, adjacency belongs to the following element.
    let n = pre.len();
    let flags: Vec<bool> = pre.iter().map(|s| s.adjacent).collect();
    for i in 0..n {
        pre[i].adjacent = i > 0 && flags[i - 1];
    }
    Some(Pattern { pre, post, code })
}

/// The regular forms of an English verb: base, -s, -ed, -ing, with the doubled
/// consonant as well (over-generating a non-word costs nothing: it never occurs).
pub(crate) fn inflections(verb: &str) -> Vec<String> {
    let v = verb.to_ascii_uppercase();
    let mut out = vec![v.clone()];
    let last = v.chars().last().unwrap_or('A');
    let before = v.chars().rev().nth(1).unwrap_or('A');
    let vowel = |c: char| "AEIOU".contains(c);
    if v.ends_with('S')
        || v.ends_with("SH")
        || v.ends_with("CH")
        || v.ends_with('X')
        || v.ends_with('Z')
        || v.ends_with('O')
    {
        out.push(format!("{v}ES"));
    } else if last == 'Y' && !vowel(before) {
        out.push(format!("{}IES", &v[..v.len() - 1]));
    } else {
        out.push(format!("{v}S"));
    }
    if last == 'E' {
        out.push(format!("{v}D"));
        if v.ends_with("IE") {
            out.push(format!("{}YING", &v[..v.len() - 2]));
        } else if v.ends_with("EE") {
            out.push(format!("{v}ING"));
        } else {
            out.push(format!("{}ING", &v[..v.len() - 1]));
        }
    } else if last == 'Y' && !vowel(before) {
        out.push(format!("{}IED", &v[..v.len() - 1]));
        out.push(format!("{v}ING"));
    } else {
        out.push(format!("{v}ED"));
        out.push(format!("{v}ING"));
        if !vowel(last) && !"WXY".contains(last) && vowel(before) {
            let third = v.chars().rev().nth(2).unwrap_or('A');
            if !vowel(third) {
                out.push(format!("{v}{last}ED"));
                out.push(format!("{v}{last}ING"));
            }
        }
    }
    out
}

fn read_nouns(text: &str, lex: &mut Lexicon) {
    for line in text.lines() {
        let line = strip_comment(line);
        let mut cols = line.split('\t');
        let (Some(words), Some(code)) = (cols.next(), cols.next()) else {
            continue;
        };
        let words: Vec<String> = words
            .split_whitespace()
            .map(|w| w.to_ascii_uppercase())
            .collect();
        let code = code.trim();
        if words.is_empty() || code.is_empty() || words[0] == "FORM" {
            continue;
        }
        let verb = cols.next().is_some_and(|pos| pos.trim() == "v");
        lex.forms.entry(words[0].clone()).or_default().push(Form {
            words,
            block: None,
            code: Some(code.to_string()),
            noun: !verb,
            shape: Shape::Other,
        });
    }
}

fn read_agents(text: &str) -> FnvMap<String, Agent> {
    let mut out = FnvMap::default();
    for line in text.lines() {
        let line = strip_comment(line);
        let mut cols = line.split('\t');
        let (Some(word), Some(sector)) = (cols.next(), cols.next()) else {
            continue;
        };
        if word.is_empty() || word == "noun" {
            continue;
        }
        out.insert(
            word.trim().to_ascii_uppercase(),
            Agent {
                sector: sector.trim().to_string(),
            },
        );
    }
    out
}

fn read_scores(text: &str) -> HashMap<String, f32> {
    let mut out = HashMap::new();
    for line in text.lines() {
        let line = strip_comment(line);
        let mut cols = line.split('\t');
        let (Some(key), Some(score)) = (cols.next(), cols.next()) else {
            continue;
        };
        if let Ok(s) = score.trim().parse::<f32>() {
            out.insert(key.trim().to_string(), s);
        }
    }
    out
}

/// `030: AGREE,  , diplomatic # comment` rows; the two-digit headers are skipped, so a
/// code is looked up by its longest listed prefix.
fn read_plover(text: &str) -> HashMap<String, Plover> {
    let mut out = HashMap::new();
    for line in text.lines() {
        let line = strip_comment(line);
        let Some((code, rest)) = line.split_once(':') else {
            continue;
        };
        let code = code.trim();
        if code.len() < 3 || !code.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let mut cols = rest.split(',');
        let Some(kind) = cols.next().and_then(EventType::parse) else {
            continue;
        };
        let nonempty = |s: Option<&str>| {
            s.map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| s.split(';').next().unwrap_or(s).trim().to_string())
        };
        let mode = nonempty(cols.next());
        let context = nonempty(cols.next());
        out.insert(
            code.to_string(),
            Plover {
                kind,
                mode,
                context,
            },
        );
    }
    out
}

impl Lexicon {
    /// The PLOVER coding of a CAMEO code, by its longest listed prefix; `None` for the
    /// categories PLOVER drops (01 statements, 02 appeals).
    pub fn plover(&self, code: &str) -> Option<&Plover> {
        (3..=code.len())
            .rev()
            .find_map(|n| self.plover.get(&code[..n]))
    }

    /// How many tokens from `at` the element covers: the word itself or a member of
    /// the synonym set, the last word allowing a plural.
    pub fn elem_matches(&self, elem: &Elem, tokens: &[&str], at: usize) -> Option<usize> {
        match elem {
            Elem::Word(ws) => phrase_at(ws, tokens, at),
            Elem::Synset(name) => {
                let set = self.synsets.get(name)?;
                let t = *tokens.get(at)?;
                let stems = [Some(t), t.strip_suffix('S'), t.strip_suffix("ES")];
                for stem in stems.into_iter().flatten() {
                    for &m in set.by_first.get(stem).into_iter().flatten() {
                        if let Some(n) = phrase_at(&set.members[m], tokens, at) {
                            return Some(n);
                        }
                    }
                }
                if let Some(stem) = t.strip_suffix("IES") {
                    let y = format!("{stem}Y");
                    for &m in set.by_first.get(&y).into_iter().flatten() {
                        if let Some(n) = phrase_at(&set.members[m], tokens, at) {
                            return Some(n);
                        }
                    }
                }
                None
            }
        }
    }
}

/// The number of tokens the phrase covers at `at`, its last word allowing a plural.
fn phrase_at(words: &[String], tokens: &[&str], at: usize) -> Option<usize> {
    if at + words.len() > tokens.len() {
        return None;
    }
    for (i, w) in words.iter().enumerate() {
        let t = tokens[at + i];
        let last = i + 1 == words.len();
        if !(t == w || (last && is_plural_of(t, w))) {
            return None;
        }
    }
    Some(words.len())
}

pub(crate) fn is_plural_of(token: &str, word: &str) -> bool {
    if let Some(stem) = token.strip_suffix('S') {
        if stem == word {
            return true;
        }
        if let Some(s) = stem.strip_suffix('E') {
            if s == word {
                return true;
            }
        }
        if let Some(s) = stem.strip_suffix("IE") {
            return word.strip_suffix('Y') == Some(s);
        }
    }
    false
}
