//! How resolution consults the gazetteer: which entry a name means given the tagger's kind,
//! what country a word points to, and who holds an office.

use std::cell::RefCell;

use tri_gazetteer::{Entry, Gazetteer, Subtype};
use tri_model::EntityKind;

use crate::lexicon;

/// The gazetteer with the answers of one article's lookups remembered: an article names
/// the same few entities again and again ("Putin" twenty times), and a lookup normalises
/// and compares strings.
pub(crate) struct Gaz<'g> {
    gaz: &'g Gazetteer,
    lookups: RefCell<Memo<Vec<&'g Entry>>>,
    /// Per name, per kind (in `EntityKind` order): the chosen entry once known.
    chosen: RefCell<Memo<[Option<Option<&'g Entry>>; 4]>>,
    demonyms: RefCell<Memo<Option<&'g Entry>>>,
}

type Memo<V> = tri_model::FnvMap<String, V>;

fn kind_slot(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organisation => 1,
        EntityKind::Place => 2,
        EntityKind::Group => 3,
    }
}

impl<'g> Gaz<'g> {
    pub fn new(gaz: &'g Gazetteer) -> Gaz<'g> {
        Gaz {
            gaz,
            lookups: RefCell::default(),
            chosen: RefCell::default(),
            demonyms: RefCell::default(),
        }
    }

    pub fn raw(&self) -> &'g Gazetteer {
        self.gaz
    }

    /// [`Gazetteer::lookup`], remembered.
    pub fn lookup(&self, name: &str) -> Vec<&'g Entry> {
        if let Some(found) = self.lookups.borrow().get(name) {
            return found.clone();
        }
        let found = self.gaz.lookup(name);
        self.lookups
            .borrow_mut()
            .insert(name.to_string(), found.clone());
        found
    }

    /// [`choose`], remembered.
    pub fn choose(&self, name: &str, kind: EntityKind) -> Option<&'g Entry> {
        let slot = kind_slot(kind);
        if let Some(Some(e)) = self.chosen.borrow().get(name).map(|slots| slots[slot]) {
            return e;
        }
        let e = choose_among(name, kind, &self.lookup(name));
        let mut chosen = self.chosen.borrow_mut();
        match chosen.get_mut(name) {
            Some(slots) => slots[slot] = Some(e),
            None => {
                let mut slots = [None; 4];
                slots[slot] = Some(e);
                chosen.insert(name.to_string(), slots);
            }
        }
        e
    }

    /// [`Gazetteer::demonym`], remembered.
    pub fn demonym(&self, word: &str) -> Option<&'g Entry> {
        if let Some(&e) = self.demonyms.borrow().get(word) {
            return e;
        }
        let e = self.gaz.demonym(word);
        self.demonyms.borrow_mut().insert(word.to_string(), e);
        e
    }

    pub fn get(&self, key: &str) -> Option<&'g Entry> {
        self.gaz.get(key)
    }

    /// The country a capitalised word points to: a demonym ("Ukrainian", "U.S.") or the
    /// name of a country, or of a place, body or person with a country ("Kremlin" →
    /// Russia).
    pub fn country_of_word(&self, word: &str) -> Option<&'g Entry> {
        if let Some(c) = self.demonym(word) {
            return Some(c);
        }
        let e = self.choose(word, EntityKind::Place)?;
        if e.subtype == Subtype::Country {
            return Some(e);
        }
        if e.tier < 3 {
            return None;
        }
        let code = e.country.as_deref()?;
        self.get(&format!("country:{code}"))
    }
}

/// The entry `name` most plausibly means when the tagger called it `kind`.
///
/// The gazetteer lists entries most important first; the tagger's kind is a hint that an
/// important entry can overrule (it tags "Trump" Organisation and "Kyiv" Person at times),
/// and a small town cannot ("Graham" the person is not Graham, Texas):
/// 1. the first entry of that kind from tier 2 up (regions, cities of 100,000, capitals,
///    groups, organisations, countries, people);
/// 2. else the first entry from tier 3 up, of any kind;
/// 3. else, for a name tagged person or organisation, the first region (tier 2);
/// 4. else the first entry of that kind at all.
///
/// Compass words alone ("Western", "the West") are never looked up.
pub(crate) fn choose<'g>(gaz: &'g Gazetteer, name: &str, kind: EntityKind) -> Option<&'g Entry> {
    choose_among(name, kind, &gaz.lookup(name))
}

fn choose_among<'g>(name: &str, kind: EntityKind, found: &[&'g Entry]) -> Option<&'g Entry> {
    if !name.contains(' ') && lexicon::is_direction_word(&lexicon::lower(name)) {
        return None;
    }
    if found.is_empty() {
        return None;
    }
    found
        .iter()
        .find(|e| e.kind == kind && e.tier >= 2)
        .or_else(|| found.iter().find(|e| e.tier >= 3))
        .or_else(|| {
            matches!(kind, EntityKind::Person | EntityKind::Organisation)
                .then(|| found.iter().find(|e| e.tier == 2))
                .flatten()
        })
        .or_else(|| found.iter().find(|e| e.kind == kind))
        .copied()
}

/// The office a gazetteer role names when it is an office of a country: "President of the
/// United States" → ("president", "US"); "Press Secretary of the President of Russia" and
/// "President of the World Bank Group" → `None`.
pub(crate) fn office_of_role(gaz: &Gazetteer, entry: &Entry) -> Option<(String, String)> {
    let role = entry.role.as_deref()?;
    if role.starts_with("former") || role.starts_with("Former") {
        return None;
    }
    let (head, rest) = role.split_once(" of ")?;
    let rest = rest.split(" (").next().unwrap_or(rest);
    let code = entry.country.as_deref()?;
    let country = gaz.get(&format!("country:{code}"))?;
    let rest = tri_gazetteer::normalize(rest);
    let names_country = country
        .all_names()
        .any(|n| tri_gazetteer::normalize(n) == rest);
    names_country.then(|| (lexicon::lower(head), code.to_string()))
}

/// Who holds `office` ("president", "prime minister", "leader") of the country with code
/// `country`, by the gazetteer's roles. Built on demand: resolution asks only when no one
/// in the article holds the office.
pub(crate) struct Offices<'g> {
    holders: Vec<(String, String, &'g Entry)>,
}

impl<'g> Offices<'g> {
    pub fn build(gaz: &'g Gazetteer) -> Offices<'g> {
        let holders = gaz
            .entries()
            .filter(|e| e.subtype == Subtype::Person && e.role.is_some())
            .filter_map(|e| office_of_role(gaz, e).map(|(o, c)| (o, c, e)))
            .collect();
        Offices { holders }
    }

    fn holder(&self, office: &str, country: &str) -> Option<&'g Entry> {
        self.holders
            .iter()
            .find(|(o, c, _)| o == office && c == country)
            .map(|h| h.2)
    }

    /// The holder of `office` in `country`; "leader" tries the offices that lead a
    /// country, the head of government first where the president is ceremonial.
    pub fn lookup(&self, office: &str, country: &str) -> Option<&'g Entry> {
        if office != "leader" {
            return self.holder(office, country);
        }
        if lexicon::head_of_government_leads(country) {
            if let Some(e) = ["chancellor", "prime minister"]
                .iter()
                .find_map(|o| self.holder(o, country))
            {
                return Some(e);
            }
        }
        lexicon::LEADER_OFFICES
            .iter()
            .find_map(|o| self.holder(o, country))
    }
}

/// True when an office held (lower case, "president") answers a nominal's office
/// ("leader" is answered by any leading office).
pub(crate) fn office_answers(held: &str, wanted: &str) -> bool {
    held == wanted
        || (wanted == "leader"
            && (lexicon::LEADER_OFFICES.contains(&held) || held == "king" || held == "premier"))
}
