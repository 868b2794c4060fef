//! Roles and affiliations around a name, from three patterns over the tokens:
//!
//! - a title before the name: `[affiliation] [modifiers] role Name` — "Kremlin spokesman
//!   Dmitry Peskov", "US Secretary of State Marco Rubio", "Trump's special envoy Steve
//!   Witkoff";
//! - an appositive after it: `Name, [a|the] [modifiers] role [prep NP]...` — "Tatyana
//!   Stanovaya, a senior researcher at the Carnegie Endowment for International Peace";
//! - an appositive before it: `the role [prep NP], Name` — "the leader of the Luhansk
//!   region, Pasechik", "Trump's special envoy, Steve Witkoff".
//!
//! An affiliation is the organisation, place or person the role is held at or for; a
//! demonym gives the country instead ("Ukrainian President" → Ukraine). Each pattern
//! looks at a few tokens around the name, within its sentence.

use tri_gazetteer::Subtype;

use crate::doc::Doc;
use crate::gaz::Gaz;
use crate::lexicon;

/// What the patterns found around one name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RoleInfo {
    /// Roles as written: "spokesman", "Secretary of State", "senior researcher".
    pub roles: Vec<String>,
    /// Affiliations as written ("Kremlin", "German Foreign Policy Association"); a
    /// country named by a demonym or its own name is given by its canonical name.
    pub affiliations: Vec<String>,
    /// ISO 3166-1 alpha-2 code of a country the role belongs to.
    pub country: Option<String>,
    /// Token ranges of affiliations after a preposition ("at the X"): organisation names.
    pub org_ranges: Vec<(usize, usize)>,
}

impl RoleInfo {
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.roles.is_empty() && self.affiliations.is_empty() && self.country.is_none()
    }

    fn add_role(&mut self, role: &str) {
        let l = lexicon::lower(role);
        if matches!(
            l.trim_end_matches('.'),
            "mr" | "mrs" | "ms" | "sir" | "dame"
        ) {
            return;
        }
        if !self.roles.iter().any(|r| r.eq_ignore_ascii_case(role)) {
            self.roles.push(role.to_string());
        }
    }

    fn add_affiliation(&mut self, a: &str) {
        if !a.is_empty() && !self.affiliations.iter().any(|x| x == a) {
            self.affiliations.push(a.to_string());
        }
    }

    pub fn merge(&mut self, other: &RoleInfo) {
        for r in &other.roles {
            self.add_role(r);
        }
        for a in &other.affiliations {
            self.add_affiliation(a);
        }
        if self.country.is_none() {
            self.country.clone_from(&other.country);
        }
    }
}

/// Length of the multi-word role phrase ("secretary of state") starting at token `j` and
/// ending before `limit`.
pub(crate) fn role_phrase_at(doc: &Doc, j: usize, limit: usize) -> Option<usize> {
    lexicon::role_phrases()
        .iter()
        .find(|p| j + p.len() <= limit && p.iter().enumerate().all(|(k, w)| doc.lower(j + k) == *w))
        .map(|p| p.len())
}

/// Length of the multi-word role phrase ending just before token `end`, not before `floor`.
fn role_phrase_ending_at(doc: &Doc, end: usize, floor: usize) -> Option<usize> {
    lexicon::role_phrases()
        .iter()
        .find(|p| {
            end >= floor + p.len()
                && p.iter()
                    .enumerate()
                    .all(|(k, w)| doc.lower(end - p.len() + k) == *w)
        })
        .map(|p| p.len())
}

/// All three patterns around the name at tokens `[first, end)`.
pub(crate) fn around(doc: &Doc, gaz: &Gaz, first: usize, end: usize) -> RoleInfo {
    let mut info = RoleInfo::default();
    title_before(doc, gaz, first, &mut info);
    appositive_after(doc, gaz, end, &mut info);
    appositive_before(doc, gaz, first, &mut info);
    country_after(doc, gaz, end, &mut info);
    info
}

/// `[affiliation] [modifiers] role Name`.
fn title_before(doc: &Doc, gaz: &Gaz, first: usize, info: &mut RoleInfo) {
    let floor = doc.sentence_start(first);
    let mut p = first;
    let mut found = false;
    loop {
        if p <= floor {
            break;
        }
        if let Some(n) = role_phrase_ending_at(doc, p, floor) {
            p -= n;
            found = true;
            continue;
        }
        let l = doc.lower(p - 1);
        if lexicon::is_title(l) || lexicon::is_role_noun_singular(l) {
            p -= 1;
            found = true;
            continue;
        }
        if found && lexicon::is_role_modifier(l) {
            p -= 1;
            continue;
        }
        break;
    }
    if !found {
        return;
    }
    info.add_role(doc.text_of(p, first));
    // The affiliation: a possessor ("Trump's") or a capitalised run ("Kremlin", "U.S.").
    if p > floor && doc.is_possessive(p - 1) {
        if let Some((a, b)) = cap_run_ending_at(doc, p - 1, floor) {
            affiliation(doc, gaz, a, b, info, true);
        }
    } else if let Some((a, b)) = cap_run_ending_at(doc, p, floor) {
        affiliation(doc, gaz, a, b, info, true);
    }
}

/// The capitalised run (up to five tokens, connectors allowed inside) that ends just
/// before token `end`, without words that never begin a name.
fn cap_run_ending_at(doc: &Doc, end: usize, floor: usize) -> Option<(usize, usize)> {
    let mut a = end;
    while a > floor && end - a < 5 {
        let i = a - 1;
        if doc.is_cap(i)
            || (a < end
                && lexicon::is_name_connector(doc.lower(i))
                && i > floor
                && doc.is_cap(i - 1))
        {
            a -= 1;
        } else {
            break;
        }
    }
    while a < end && (lexicon::is_leading_stopword(doc.lower(a)) || !doc.is_cap(a)) {
        a += 1;
    }
    (a < end).then_some((a, end))
}

/// The capitalised run starting at token `start`: capitalised words with connectors
/// between them, up to a possessive, punctuation or a lower-case word.
fn cap_run_from(doc: &Doc, start: usize, limit: usize) -> Option<(usize, usize)> {
    if start >= limit || !doc.is_cap(start) {
        return None;
    }
    let mut b = start + 1;
    while b < limit {
        if doc.is_cap(b) {
            b += 1;
        } else if lexicon::is_name_connector(doc.lower(b)) && b + 1 < limit && doc.is_cap(b + 1) {
            b += 2;
        } else {
            break;
        }
    }
    Some((start, b))
}

/// Records the name at `[a, b)` as an affiliation: a demonym or a country by the
/// country's name (and sets the country), anything else as written. Returns the entry
/// the name means, if any. The country of another known name ("Kremlin" → Russia) is
/// taken only with `country_from_name`: a title's affiliation ("Kremlin spokesman")
/// says whom the person serves; an employer after "at" does not.
fn affiliation<'g>(
    doc: &Doc,
    gaz: &Gaz<'g>,
    a: usize,
    b: usize,
    info: &mut RoleInfo,
    country_from_name: bool,
) -> Option<&'g tri_gazetteer::Entry> {
    let text = doc.text_of(a, b);
    if b - a == 1 {
        if let Some(c) = gaz.demonym(text) {
            info.add_affiliation(&c.name);
            if info.country.is_none() {
                info.country.clone_from(&c.country);
            }
            return Some(c);
        }
    }
    let entry = gaz.choose(text, tri_model::EntityKind::Organisation);
    match entry {
        Some(e) if e.subtype == Subtype::Country => {
            info.add_affiliation(&e.name);
            if info.country.is_none() {
                info.country.clone_from(&e.country);
            }
        }
        Some(e) => {
            info.add_affiliation(text.strip_prefix("the ").unwrap_or(text));
            if country_from_name && info.country.is_none() && e.tier >= 3 {
                info.country.clone_from(&e.country);
            }
        }
        None => info.add_affiliation(text),
    }
    entry
}

/// `[a|an|the] [Affiliation] [modifiers] role [role...]` starting at token `i`: the
/// token range of the role words (modifiers included, article and capitalised words
/// not), and the capitalised words before them ("a [Kremlin] adviser", "a [Russian]
/// expert"), if any.
type RoleNp = ((usize, usize), Option<(usize, usize)>);

fn role_np(doc: &Doc, mut i: usize, limit: usize) -> Option<RoleNp> {
    if i < limit && matches!(doc.lower(i), "a" | "an" | "the") {
        i += 1;
    }
    let mut caps = None::<(usize, usize)>;
    let mut role_start = None;
    let mut j = i;
    while j < limit && j - i < 6 {
        if let Some(n) = role_phrase_at(doc, j, limit) {
            let start = role_start.unwrap_or(j);
            return Some(((start, extend_role(doc, j + n, limit)), caps));
        }
        let l = doc.lower(j);
        if lexicon::is_role_noun_singular(l) {
            let start = role_start.unwrap_or(j);
            return Some(((start, extend_role(doc, j + 1, limit)), caps));
        }
        if doc.is_lower_word(j)
            && !lexicon::is_leading_stopword(l)
            && !lexicon::is_auxiliary(l)
            && !lexicon::is_actor_verb(l, false)
            && !matches!(l, "who" | "which" | "whose")
        {
            role_start.get_or_insert(j);
        } else if doc.is_cap(j)
            && role_start.is_none()
            && caps.is_none_or(|(_, b)| b == j)
            && j - i < 4
        {
            caps = Some((caps.map_or(j, |(a, _)| a), j + 1));
        } else {
            return None;
        }
        j += 1;
    }
    None
}

/// Further role nouns right after one ("senior fellow", "political analyst").
fn extend_role(doc: &Doc, mut j: usize, limit: usize) -> usize {
    while j < limit && doc.is_lower_word(j) && lexicon::is_role_noun_singular(doc.lower(j)) {
        j += 1;
    }
    j
}

/// After a role: a chain of prepositional phrases whose first capitalised name is the
/// affiliation ("at the German Foreign Policy Association", "in the land warfare
/// division of the International Institute for Strategic Studies"). The first
/// preposition may be at, of, with, for, in, from or on; later links only of and at.
/// Returns the affiliation's range, if any, and where the chain stopped.
fn pp_chain(doc: &Doc, mut j: usize, limit: usize) -> (Option<(usize, usize)>, usize) {
    let mut first = true;
    while j < limit {
        let l = doc.lower(j);
        let allowed = if first {
            matches!(l, "at" | "of" | "with" | "for" | "in" | "from" | "on")
        } else {
            matches!(l, "of" | "at")
        };
        if !allowed {
            break;
        }
        j += 1;
        if j < limit && matches!(doc.lower(j), "the" | "a" | "an") {
            j += 1;
        }
        if let Some(run) = cap_run_from(doc, j, limit) {
            return (Some(run), run.1);
        }
        let mut words = 0;
        while j < limit && words < 4 && doc.is_lower_word(j) && !matches!(doc.lower(j), "of" | "at")
        {
            j += 1;
            words += 1;
        }
        first = false;
    }
    (None, j)
}

/// `Name, [a|the] role [pp...]`.
fn appositive_after(doc: &Doc, gaz: &Gaz, end: usize, info: &mut RoleInfo) {
    if end >= doc.len()
        || doc.lower(end) != ","
        || doc.sentence(end) != doc.sentence(end.saturating_sub(1))
    {
        return;
    }
    let limit = doc.sentence_end(end);
    let Some(((rs, re), caps)) = role_np(doc, end + 1, limit) else {
        return;
    };
    info.add_role(doc.text_of(rs, re));
    if let Some((a, b)) = caps {
        title_affiliation(doc, gaz, a, b, info);
    }
    if let (Some((a, b)), _) = pp_chain(doc, re, limit) {
        pp_affiliation(doc, gaz, a, b, info);
    }
}

/// Capitalised words before a role in an appositive: a demonym says where the person is
/// from only when it names a government's office ("the Russian president"), so in "a
/// Russian expert" it is dropped; a name ("a Kremlin adviser") is the affiliation.
fn title_affiliation(doc: &Doc, gaz: &Gaz, a: usize, b: usize, info: &mut RoleInfo) {
    if b - a == 1 && gaz.demonym(doc.word(a)).is_some() {
        return;
    }
    affiliation(doc, gaz, a, b, info, true);
}

/// An affiliation after a preposition: a demonym followed by a noun ("for the Russian
/// president") gives the country only; a name the gazetteer does not know, or knows as an
/// organisation, is an organisation mention ("at Prism").
fn pp_affiliation(doc: &Doc, gaz: &Gaz, a: usize, b: usize, info: &mut RoleInfo) {
    if b - a == 1 && b < doc.len() && doc.is_lower_word(b) {
        if let Some(c) = gaz.demonym(doc.word(a)) {
            if info.country.is_none() {
                info.country.clone_from(&c.country);
            }
            return;
        }
    }
    match affiliation(doc, gaz, a, b, info, false) {
        None => info.org_ranges.push((a, b)),
        Some(e) if e.kind == tri_model::EntityKind::Organisation => info.org_ranges.push((a, b)),
        Some(_) => {}
    }
}

/// `the role [pp...], Name` and `X's role, Name`.
fn appositive_before(doc: &Doc, gaz: &Gaz, first: usize, info: &mut RoleInfo) {
    let floor = doc.sentence_start(first);
    if first <= floor || doc.lower(first - 1) != "," {
        return;
    }
    let comma = first - 1;
    let lowest = comma.saturating_sub(12).max(floor);
    for start in (lowest..comma).rev() {
        let l = doc.lower(start);
        let (phrase_start, np_start, possessor) = if matches!(l, "the" | "a" | "an") {
            (start, start, None)
        } else if doc.is_possessive(start) && start > floor {
            match cap_run_ending_at(doc, start, floor) {
                Some(run) => (run.0, start + 1, Some(run)),
                None => continue,
            }
        } else {
            continue;
        };
        // The phrase must open the sentence or a clause: not "meeting [the Chinese
        // leader], Putin said", nor "the spokesperson for [the Russian president], Peskov".
        let opens = phrase_start == floor
            || matches!(
                doc.word(phrase_start - 1),
                "," | "(" | ":" | ";" | "—" | "–" | "\"" | "“"
            );
        if !opens {
            continue;
        }
        let Some(((rs, re), caps)) = role_np(doc, np_start, comma) else {
            continue;
        };
        let (aff, mut stop) = pp_chain(doc, re, comma);
        while stop < comma && doc.is_lower_word(stop) {
            stop += 1;
        }
        if stop != comma {
            continue;
        }
        info.add_role(doc.text_of(rs, re));
        if let Some((a, b)) = possessor {
            affiliation(doc, gaz, a, b, info, true);
        }
        if let Some((a, b)) = caps {
            title_affiliation(doc, gaz, a, b, info);
        }
        if let Some((a, b)) = aff {
            pp_affiliation(doc, gaz, a, b, info);
        }
        return;
    }
}

/// `Name of Country`: "Emmanuel Macron of France".
fn country_after(doc: &Doc, gaz: &Gaz, end: usize, info: &mut RoleInfo) {
    if end + 1 >= doc.len() || doc.lower(end) != "of" || doc.sentence(end) != doc.sentence(end + 1)
    {
        return;
    }
    let limit = doc.sentence_end(end);
    let Some((a, b)) = cap_run_from(doc, end + 1, limit) else {
        return;
    };
    if let Some(e) = gaz.choose(doc.text_of(a, b), tri_model::EntityKind::Place) {
        if e.subtype == Subtype::Country && info.country.is_none() {
            info.country.clone_from(&e.country);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info_for(text: &str, name: &str) -> RoleInfo {
        let seg = tri_text::segment(text);
        let doc = Doc::new(text, &seg);
        let (first, end) = doc.tokens_named(name);
        around(&doc, &crate::gaz::Gaz::new(crate::tests::gaz()), first, end)
    }

    #[test]
    fn titles_before_names() {
        let i = info_for("Kremlin spokesman Dmitry Peskov said no.", "Dmitry Peskov");
        assert_eq!(i.roles, ["spokesman"]);
        assert_eq!(i.affiliations, ["Kremlin"]);
        assert_eq!(i.country.as_deref(), Some("RU"));

        let i = info_for(
            "Ukrainian President Volodymyr Zelenskyy spoke.",
            "Volodymyr Zelenskyy",
        );
        assert_eq!(i.roles, ["President"]);
        assert_eq!(i.affiliations, ["Ukraine"]);
        assert_eq!(i.country.as_deref(), Some("UA"));

        let i = info_for(
            "\"No,\" US Secretary of State Marco Rubio said.",
            "Marco Rubio",
        );
        assert_eq!(i.roles, ["Secretary of State"]);
        assert_eq!(i.affiliations, ["United States"]);

        let i = info_for(
            "It came with Prime Minister Yulia Svyrydenko urging pressure.",
            "Yulia Svyrydenko",
        );
        assert_eq!(i.roles, ["Prime Minister"]);
        assert!(i.affiliations.is_empty());

        let i = info_for(
            "Visits by Trump's special envoy Steve Witkoff failed.",
            "Steve Witkoff",
        );
        assert_eq!(i.roles, ["special envoy"]);
        assert_eq!(i.affiliations, ["Trump"]);

        let i = info_for("Despite President Trump's threats, nothing.", "Trump");
        assert_eq!(i.roles, ["President"]);
        assert!(i.affiliations.is_empty(), "{i:?}");
    }

    #[test]
    fn appositives_after_names() {
        let i = info_for(
            "\"No,\" said Tatyana Stanovaya, a senior researcher at the Carnegie Endowment for International Peace's Russia and Eurasia Center in Germany.",
            "Tatyana Stanovaya",
        );
        assert_eq!(i.roles, ["senior researcher"]);
        assert_eq!(
            i.affiliations,
            ["Carnegie Endowment for International Peace"]
        );

        let i = info_for(
            "said Stefan Maier, a Russian expert at the German Foreign Policy Association, \"why\"",
            "Stefan Maier",
        );
        assert_eq!(i.roles, ["expert"]);
        assert_eq!(i.affiliations, ["German Foreign Policy Association"]);
        assert_eq!(i.country, None);

        let i = info_for(
            "said Ben Barry, a senior fellow in the land warfare division of the International Institute for Strategic Studies.",
            "Ben Barry",
        );
        assert_eq!(i.roles, ["senior fellow"]);
        assert_eq!(
            i.affiliations,
            ["International Institute for Strategic Studies"]
        );

        let i = info_for(
            "said Sergei Markov, a political consultant with close ties to the Kremlin.",
            "Sergei Markov",
        );
        assert_eq!(i.roles, ["political consultant"]);
        assert!(i.affiliations.is_empty());

        let i = info_for("Putin, who said nothing, left.", "Putin");
        assert!(i.is_empty());
    }

    #[test]
    fn appositives_before_names() {
        let i = info_for(
            "On June 30, the leader of the Luhansk region, Pasechik, said so.",
            "Pasechik",
        );
        assert_eq!(i.roles, ["leader"]);
        assert_eq!(i.affiliations, ["Luhansk"]);

        let i = info_for(
            "When asked, the spokesperson for the Russian president, Peskov, said no.",
            "Peskov",
        );
        assert_eq!(i.roles, ["spokesperson"]);
        assert_eq!(i.country.as_deref(), Some("RU"));

        let i = info_for(
            "This week, Trump's special envoy, Steve Witkoff, is due in Moscow.",
            "Steve Witkoff",
        );
        assert_eq!(i.roles, ["special envoy"]);
        assert_eq!(i.affiliations, ["Trump"]);

        let i = info_for(
            "Talks with France, Germany, Olaf Scholz and others.",
            "Olaf Scholz",
        );
        assert!(i.is_empty());

        let i = info_for(
            "After meeting the Chinese leader, Putin flew home.",
            "Putin",
        );
        assert!(i.is_empty(), "{i:?}");

        let i = info_for(
            "The Kremlin spokesman, Dmitry Peskov, said no.",
            "Dmitry Peskov",
        );
        assert_eq!(i.roles, ["spokesman"]);
        assert_eq!(i.affiliations, ["Kremlin"]);

        let i = info_for("said Sergei Markov, a Kremlin adviser.", "Sergei Markov");
        assert_eq!(i.roles, ["adviser"]);
        assert_eq!(i.affiliations, ["Kremlin"]);
    }

    #[test]
    fn country_after_name() {
        let i = info_for("Emmanuel Macron of France called.", "Emmanuel Macron");
        assert_eq!(i.country.as_deref(), Some("FR"));
    }
}
