//! The shipped gazetteer: the places, people, organisations and groups of international news,
//! with their spelling variants ("Kyiv"/"Kiev", "Zelenskyy"/"Zelensky"), demonyms ("Russian" →
//! Russia) and metonyms ("the Kremlin" → the Russian government).
//!
//! The data is `models/gazetteer/gazetteer.tsv`, built at development time by
//! `tools/make-gazetteer.py` from GeoNames, the Countries States Cities Database and hand-curated
//! lists (sources and licences in `models/gazetteer/README.md`), and compiled into this crate:
//! nothing is fetched at run time. [`Gazetteer::embedded`] parses it once, on first use.
//!
//! ```
//! use tri_gazetteer::{Gazetteer, Subtype};
//! let g = Gazetteer::embedded();
//! let kyiv = g.lookup("Kiev")[0];
//! assert_eq!(kyiv.name, "Kyiv");
//! assert_eq!(g.demonym("Russian").unwrap().name, "Russia");
//! let kremlin = g.lookup("the Kremlin")[0];
//! assert_eq!(kremlin.subtype, Subtype::Metonym);
//! assert_eq!(g.stands_for(kremlin).unwrap().name, "Government of Russia");
//! ```
#![forbid(unsafe_code)]

use std::fmt;
use std::sync::OnceLock;

use tri_model::EntityKind;

mod fold_table;
mod normalize;

pub use normalize::normalize;
use normalize::normalize_into;

/// The shipped gazetteer file, compiled in.
const EMBEDDED_TSV: &str = include_str!("../../../models/gazetteer/gazetteer.tsv");

/// The columns of the gazetteer file, in order; its header line must list exactly these.
pub const COLUMNS: [&str; 17] = [
    "key",
    "kind",
    "subtype",
    "name",
    "aliases",
    "demonyms",
    "country",
    "code",
    "parent",
    "lat",
    "lon",
    "population",
    "wikidata",
    "role",
    "stands_for",
    "capital",
    "tier",
];

/// What kind of thing an entry is, finer than its [`EntityKind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Subtype {
    /// A sovereign state or territory with an ISO 3166-1 code (kind place).
    Country,
    /// A continent (kind place).
    Continent,
    /// A first-level subdivision (oblast, state, province) or a named geopolitical region
    /// ("Donbas", "Middle East") (kind place).
    Region,
    /// A city or town (kind place).
    City,
    /// A section of a larger city (kind place; its `parent` is the city).
    District,
    /// A sea, river, strait, island, power plant or bridge (kind place).
    Feature,
    /// A person (kind person).
    Person,
    /// The government of a country: "Government of Russia" (kind organisation).
    Government,
    /// A ministry, agency, parliament or other body of a state (kind organisation).
    GovernmentBody,
    /// Armed forces, their staffs and military intelligence (kind organisation).
    Military,
    /// An international or supranational organisation: UN, NATO, EU (kind organisation).
    International,
    /// A political party (kind organisation).
    Party,
    /// A think tank or research centre (kind organisation).
    ThinkTank,
    /// A company (kind organisation).
    Company,
    /// A non-state armed group: Hamas, Houthis, Wagner (kind organisation).
    ArmedGroup,
    /// A non-governmental organisation (kind organisation).
    Ngo,
    /// A news agency whose reports other outlets rewrite: Reuters, AP, TASS (kind organisation).
    Agency,
    /// A newspaper, broadcaster, site or open-source intelligence project (kind organisation).
    Outlet,
    /// A building or street that stands for a government: "the Kremlin" (kind organisation;
    /// see [`Entry::stands_for`]).
    Metonym,
    /// The people of a country: "Russians", "Russian" (kind group).
    Nationality,
    /// An ethnic group: "Kurds" (kind group).
    Ethnic,
    /// A religious group: "Sunnis" (kind group).
    Religious,
}

impl Subtype {
    const ALL: [Subtype; 22] = [
        Subtype::Country,
        Subtype::Continent,
        Subtype::Region,
        Subtype::City,
        Subtype::District,
        Subtype::Feature,
        Subtype::Person,
        Subtype::Government,
        Subtype::GovernmentBody,
        Subtype::Military,
        Subtype::International,
        Subtype::Party,
        Subtype::ThinkTank,
        Subtype::Company,
        Subtype::ArmedGroup,
        Subtype::Ngo,
        Subtype::Agency,
        Subtype::Outlet,
        Subtype::Metonym,
        Subtype::Nationality,
        Subtype::Ethnic,
        Subtype::Religious,
    ];

    /// The name used in the gazetteer file ("government_body").
    pub fn as_str(self) -> &'static str {
        match self {
            Subtype::Country => "country",
            Subtype::Continent => "continent",
            Subtype::Region => "region",
            Subtype::City => "city",
            Subtype::District => "district",
            Subtype::Feature => "feature",
            Subtype::Person => "person",
            Subtype::Government => "government",
            Subtype::GovernmentBody => "government_body",
            Subtype::Military => "military",
            Subtype::International => "international",
            Subtype::Party => "party",
            Subtype::ThinkTank => "think_tank",
            Subtype::Company => "company",
            Subtype::ArmedGroup => "armed_group",
            Subtype::Ngo => "ngo",
            Subtype::Agency => "agency",
            Subtype::Outlet => "outlet",
            Subtype::Metonym => "metonym",
            Subtype::Nationality => "nationality",
            Subtype::Ethnic => "ethnic",
            Subtype::Religious => "religious",
        }
    }

    /// Inverse of [`Subtype::as_str`].
    pub fn parse(s: &str) -> Option<Subtype> {
        Subtype::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// True for news agencies and outlets: the subtypes that can be the source of a report.
    pub fn is_news_source(self) -> bool {
        matches!(self, Subtype::Agency | Subtype::Outlet)
    }
}

impl fmt::Display for Subtype {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

fn parse_kind(s: &str) -> Option<EntityKind> {
    match s {
        "person" => Some(EntityKind::Person),
        "organisation" => Some(EntityKind::Organisation),
        "place" => Some(EntityKind::Place),
        "group" => Some(EntityKind::Group),
        _ => None,
    }
}

/// One gazetteer entry: a place, person, organisation or group.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Stable id: `country:UA`, `gn:703448` (GeoNames id), `gov:RU`, `person:vladimir-putin`,
    /// `org:reuters`, `nationality:RU`, `group:kurds`, `place:donbas`.
    pub key: String,
    /// The design's entity kind.
    pub kind: EntityKind,
    /// The finer type.
    pub subtype: Subtype,
    /// Canonical name ("Kyiv", "Volodymyr Zelenskyy", "Government of Russia").
    pub name: String,
    /// Other names and spellings ("Kiev", "Zelensky", "Zelenskiy").
    pub aliases: Vec<String>,
    /// Countries only: adjectives and plural nouns for the people ("Russian", "Russians").
    pub demonyms: Vec<String>,
    /// ISO 3166-1 alpha-2 code: where a place lies, whom a person or body serves.
    pub country: Option<String>,
    /// ISO 3166-1 alpha-3 code for countries, ISO 3166-2 code for regions.
    pub code: Option<String>,
    /// Key of the containing or owning entry: a city's region, a district's city, a person's
    /// office or organisation, a body's parent body.
    pub parent: Option<String>,
    /// Latitude and longitude in degrees (WGS84); regions: population-weighted centre.
    pub coords: Option<(f64, f64)>,
    /// Population, where the source gives one (places; nationalities: the country's).
    pub population: Option<u64>,
    /// Wikidata item id ("Q7747").
    pub wikidata: Option<String>,
    /// People: the office held ("President of Russia"), as of mid-2025.
    pub role: Option<String>,
    /// Metonyms and capital cities: key of the government or body the name stands for when it
    /// is the subject of a political verb ("Moscow said" → `gov:RU`).
    pub stands_for: Option<String>,
    /// Countries: key of the capital city.
    pub capital: Option<String>,
    /// Lookup order: higher tiers come first (person 9, country 8, organisation 7, group 6,
    /// capital 5, feature 4, city ≥ 100,000 3, region 2, smaller city 1, district 0).
    pub tier: u8,
}

impl Entry {
    /// The canonical name followed by every alias.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// Why a gazetteer file could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum GazetteerError {
    /// The file has no header line (the first line that is not a `#` comment).
    #[error("gazetteer has no header line")]
    MissingHeader,
    /// The header line does not list the expected columns.
    #[error("gazetteer header does not match the expected columns: {0:?}")]
    Header(String),
    /// A line has the wrong number of tab-separated cells.
    #[error("gazetteer line {line}: {found} columns, expected {expected}")]
    Columns {
        line: usize,
        found: usize,
        expected: usize,
    },
    /// A cell holds a value outside its column's vocabulary or format.
    #[error("gazetteer line {line}: bad {column} {value:?}")]
    Value {
        line: usize,
        column: &'static str,
        value: String,
    },
    /// Two lines have the same key.
    #[error("gazetteer line {line}: duplicate key {key:?}")]
    DuplicateKey { line: usize, key: String },
}

/// A loaded gazetteer: its entries and indexes of their keys, normalised names and demonyms.
///
/// The indexes are sorted tables of (64-bit hash, entry) pairs rather than hash maps of owned
/// strings: building them allocates almost nothing, which keeps loading fast. A lookup hashes
/// the normalised query, takes the run of equal hashes and keeps the entries whose names really
/// normalise to the query.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    /// (hash of key, entry), sorted by hash
    keys: Vec<(u64, u32)>,
    /// (hash of normalised name or alias, entry), sorted by hash, then best entry first
    names: Vec<(u64, u32)>,
    /// (hash of normalised demonym, country entry), sorted by hash, then best country first
    demonyms: Vec<(u64, u32)>,
}

impl Gazetteer {
    /// The gazetteer shipped with the project, parsed on first use and shared afterwards.
    ///
    /// Panics only if the shipped file is malformed, which the crate's tests rule out.
    pub fn embedded() -> &'static Gazetteer {
        static EMBEDDED: OnceLock<Gazetteer> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            Gazetteer::from_tsv(EMBEDDED_TSV).expect("the shipped gazetteer file is well-formed")
        })
    }

    /// Parses a gazetteer in the shipped file's format: `#` comment lines, a header line with
    /// the [`COLUMNS`], then one tab-separated entry per line (lists separated by `|`).
    pub fn from_tsv(text: &str) -> Result<Gazetteer, GazetteerError> {
        let mut lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
        let (_, header) = lines.next().ok_or(GazetteerError::MissingHeader)?;
        if !header.split('\t').eq(COLUMNS.iter().copied()) {
            return Err(GazetteerError::Header(header.to_string()));
        }
        let mut entries = Vec::with_capacity(text.len() / 80);
        let mut line_of = Vec::with_capacity(text.len() / 80);
        for (i, line) in lines {
            entries.push(parse_line(i + 1, line)?);
            line_of.push(i + 1);
        }

        let mut keys: Vec<(u64, u32)> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (hash(&e.key), i as u32))
            .collect();
        keys.sort_unstable();
        for w in keys.windows(2) {
            let (a, b) = (w[0].1 as usize, w[1].1 as usize);
            if w[0].0 == w[1].0 && entries[a].key == entries[b].key {
                return Err(GazetteerError::DuplicateKey {
                    line: line_of[a.max(b)],
                    key: entries[b].key.clone(),
                });
            }
        }

        let mut buf = String::new();
        let mut names = Vec::with_capacity(entries.len() * 2);
        let mut demonyms = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for name in e.all_names() {
                normalize_into(name, &mut buf);
                if !buf.is_empty() {
                    names.push((hash(&buf), i as u32));
                }
            }
            if e.subtype == Subtype::Country {
                for d in &e.demonyms {
                    normalize_into(d, &mut buf);
                    if !buf.is_empty() {
                        demonyms.push((hash(&buf), i as u32));
                    }
                }
            }
        }
        for table in [&mut names, &mut demonyms] {
            table.sort_unstable_by(|a, b| {
                a.0.cmp(&b.0)
                    .then_with(|| order(&entries[a.1 as usize], &entries[b.1 as usize]))
            });
            table.dedup();
        }
        Ok(Gazetteer {
            entries,
            keys,
            names,
            demonyms,
        })
    }

    /// Every entry whose name or alias matches `name` after [`normalize`] (case, diacritics,
    /// apostrophes, hyphens and a leading "the" do not matter), most important first: higher
    /// [`Entry::tier`] (person before country before organisation before capital before other
    /// places), then larger population.
    pub fn lookup(&self, name: &str) -> Vec<&Entry> {
        let query = normalize(name);
        if query.is_empty() {
            return Vec::new();
        }
        let mut buf = String::new();
        let mut found: Vec<&Entry> = Vec::new();
        for &(_, i) in run(&self.names, hash(&query)) {
            let e = &self.entries[i as usize];
            let matches = e.all_names().any(|n| {
                normalize_into(n, &mut buf);
                buf == query
            });
            if matches && !found.iter().any(|f| std::ptr::eq(*f, e)) {
                found.push(e);
            }
        }
        found
    }

    /// The entry with this key.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        run(&self.keys, hash(key))
            .iter()
            .map(|&(_, i)| &self.entries[i as usize])
            .find(|e| e.key == key)
    }

    /// The country a demonym names: "Russian", "Russians" → Russia; "American" → United States.
    /// Where several countries share a demonym ("Congolese"), the more populous one.
    pub fn demonym(&self, word: &str) -> Option<&Entry> {
        let query = normalize(word);
        if query.is_empty() {
            return None;
        }
        let mut buf = String::new();
        run(&self.demonyms, hash(&query))
            .iter()
            .map(|&(_, i)| &self.entries[i as usize])
            .find(|e| {
                e.demonyms.iter().any(|d| {
                    normalize_into(d, &mut buf);
                    buf == query
                })
            })
    }

    /// What `entry` stands for when used as a metonym ("the Kremlin", a capital city as the
    /// subject of a political verb): the government or body entry, if any.
    pub fn stands_for(&self, entry: &Entry) -> Option<&Entry> {
        entry.stands_for.as_deref().and_then(|k| self.get(k))
    }

    /// Every name and alias with its entry's kind, for gazetteer features in NER. A name
    /// carried by several entries appears once per entry.
    pub fn names(&self) -> impl Iterator<Item = (&str, EntityKind)> {
        self.entries
            .iter()
            .flat_map(|e| e.all_names().map(move |n| (n, e.kind)))
    }

    /// All entries, in file order.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the gazetteer has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The run of `table` (sorted by hash) whose hash is `h`.
fn run(table: &[(u64, u32)], h: u64) -> &[(u64, u32)] {
    let start = table.partition_point(|&(x, _)| x < h);
    let len = table[start..].partition_point(|&(x, _)| x == h);
    &table[start..start + len]
}

/// FNV-1a, 64 bits: fast on short strings and good enough with the equality check behind it.
fn hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Lookup order: tier, then population, then key (for a stable order).
fn order(a: &Entry, b: &Entry) -> std::cmp::Ordering {
    b.tier
        .cmp(&a.tier)
        .then(b.population.unwrap_or(0).cmp(&a.population.unwrap_or(0)))
        .then_with(|| a.key.cmp(&b.key))
}

fn parse_line(line: usize, text: &str) -> Result<Entry, GazetteerError> {
    let mut cells = [""; COLUMNS.len()];
    let mut found = 0;
    for cell in text.split('\t') {
        if found < cells.len() {
            cells[found] = cell;
        }
        found += 1;
    }
    if found != COLUMNS.len() {
        return Err(GazetteerError::Columns {
            line,
            found,
            expected: COLUMNS.len(),
        });
    }
    let bad = |column: &'static str, value: &str| GazetteerError::Value {
        line,
        column,
        value: value.to_string(),
    };
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let list = |s: &str| -> Vec<String> {
        if s.is_empty() {
            Vec::new()
        } else {
            s.split('|').map(str::to_string).collect()
        }
    };
    let float = |column: &'static str, s: &str| -> Result<Option<f64>, GazetteerError> {
        if s.is_empty() {
            return Ok(None);
        }
        s.parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .map(Some)
            .ok_or_else(|| bad(column, s))
    };
    if cells[0].is_empty() {
        return Err(bad("key", cells[0]));
    }
    if cells[3].is_empty() {
        return Err(bad("name", cells[3]));
    }
    let kind = parse_kind(cells[1]).ok_or_else(|| bad("kind", cells[1]))?;
    let subtype = Subtype::parse(cells[2]).ok_or_else(|| bad("subtype", cells[2]))?;
    let lat = float("lat", cells[9])?;
    let lon = float("lon", cells[10])?;
    let coords = match (lat, lon) {
        (Some(lat), Some(lon)) if lat.abs() <= 90.0 && lon.abs() <= 180.0 => Some((lat, lon)),
        (None, None) => None,
        _ => return Err(bad("coordinates", &format!("{},{}", cells[9], cells[10]))),
    };
    let population = if cells[11].is_empty() {
        None
    } else {
        Some(
            cells[11]
                .parse::<u64>()
                .map_err(|_| bad("population", cells[11]))?,
        )
    };
    let tier = cells[16]
        .parse::<u8>()
        .map_err(|_| bad("tier", cells[16]))?;
    Ok(Entry {
        key: cells[0].to_string(),
        kind,
        subtype,
        name: cells[3].to_string(),
        aliases: list(cells[4]),
        demonyms: list(cells[5]),
        country: opt(cells[6]),
        code: opt(cells[7]),
        parent: opt(cells[8]),
        coords,
        population,
        wikidata: opt(cells[12]),
        role: opt(cells[13]),
        stands_for: opt(cells[14]),
        capital: opt(cells[15]),
        tier,
    })
}

#[cfg(test)]
mod tests;
