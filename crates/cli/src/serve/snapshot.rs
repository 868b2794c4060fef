//! What the server knows about the store between writes: the stories and storylines,
//! and, built when first asked for, each article's search facets, the dossiers and
//! every claim. A snapshot is immutable; a write (or another process's ingest, seen by
//! the article count) makes the next request build a new one, and the old one serves
//! the requests already holding it.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use anyhow::Result;
use serde::Serialize;
use tri_store::{ArticleSummary, Store};
use tri_triangulate::Dossier;

use crate::dossier::{self, Group};
use crate::stories::StoryView;

/// A storyline as the API lists it.
#[derive(Debug, Clone, Serialize)]
pub struct StorylineSummary {
    pub id: String,
    /// The headline of its earliest titled article.
    pub title: Option<String>,
    pub articles: usize,
    pub stories: Vec<String>,
    pub first: Option<String>,
    pub last: Option<String>,
    pub outlets: Vec<String>,
    pub keywords: Vec<String>,
}

/// What search filters look at in one article, lower-cased.
#[derive(Debug, Clone)]
pub struct Facets {
    pub summary: ArticleSummary,
    /// Its publication day (metadata's, else inferred), `YYYY-MM-DD`.
    pub day: Option<String>,
    pub outlet: Option<String>,
    pub origin: Option<String>,
    /// PLOVER categories of its events, upper-case.
    pub event_types: BTreeSet<String>,
}

/// Every article's facets, in the store's order, and where each id is.
pub struct FacetIndex {
    pub list: Vec<Facets>,
    by_id: HashMap<String, usize>,
    /// Each entity's canonical key, name and surface forms, lower-cased, with the
    /// articles (indices in `list`) that mention it.
    by_entity: HashMap<String, Vec<usize>>,
}

impl FacetIndex {
    /// The index of an article in `list`.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Which articles mention an entity whose key, name or surface form contains
    /// `needle` (lower-case), as a mask over `list`.
    pub fn mentioning(&self, needle: &str) -> Vec<bool> {
        let mut mask = vec![false; self.list.len()];
        for (name, articles) in &self.by_entity {
            if name.contains(needle) {
                for &i in articles {
                    mask[i] = true;
                }
            }
        }
        mask
    }

    /// The articles that mention the entity with exactly this key (lower-case).
    pub fn with_entity(&self, key: &str) -> impl Iterator<Item = &Facets> {
        self.by_entity
            .get(key)
            .into_iter()
            .flatten()
            .map(|&i| &self.list[i])
    }
}

/// A dossier, built once per snapshot, with its JSON.
pub struct BuiltDossier {
    pub dossier: Dossier,
    /// Shared with every answer that sends it, not copied.
    pub json: axum::body::Bytes,
    pub texts: HashMap<String, String>,
}

/// The server's view of the store at one article count.
pub struct Snapshot {
    /// The article count it was built at.
    pub articles: u64,
    /// The store's change counter it was built at ([`Store::changes`]).
    pub changes: u64,
    pub views: Vec<StoryView>,
    pub storylines: Vec<StorylineSummary>,
    /// Article id → index of its story in `views`.
    pub story_of: HashMap<String, usize>,
    facets: OnceLock<Arc<FacetIndex>>,
    dossiers: Mutex<HashMap<String, Arc<BuiltDossier>>>,
    /// Every storyline's claim statuses per article, for the claim-status filter.
    claim_statuses: OnceLock<Arc<HashMap<String, BTreeSet<&'static str>>>>,
    searches: Mutex<SearchCache>,
    /// The listings' JSON, made once: they are asked for on every visit of the page.
    stories_json: OnceLock<axum::body::Bytes>,
    storylines_json: OnceLock<axum::body::Bytes>,
    entities: OnceLock<Arc<Vec<tri_store::EntitySummary>>>,
}

/// The ranked ids of the latest distinct searches.
#[derive(Default)]
struct SearchCache {
    by_query: HashMap<String, Arc<Vec<String>>>,
    order: std::collections::VecDeque<String>,
}

impl SearchCache {
    /// Queries remembered; the oldest goes first.
    const CAPACITY: usize = 256;

    fn get(&self, key: &str) -> Option<Arc<Vec<String>>> {
        self.by_query.get(key).cloned()
    }

    fn put(&mut self, key: String, ids: Arc<Vec<String>>) {
        if self.by_query.insert(key.clone(), ids).is_none() {
            self.order.push_back(key);
        }
        while self.order.len() > Self::CAPACITY {
            if let Some(old) = self.order.pop_front() {
                self.by_query.remove(&old);
            }
        }
    }
}

impl Snapshot {
    /// Brings the stories up to date (`writer` saves the clusterer's state) and reads
    /// them.
    pub fn build(writer: &mut dyn Store) -> Result<Snapshot> {
        let changes = writer.changes()?;
        let articles = writer.count()?;
        let views = crate::stories::stories(writer)?;
        let mut story_of = HashMap::new();
        for (i, v) in views.iter().enumerate() {
            for m in &v.articles {
                story_of.insert(m.id.clone(), i);
            }
        }
        let storylines = storylines(&views);
        // Index the new articles for search now, with the writer, so that searches
        // (on read connections) never wait on each other to do it.
        writer.update_search_index()?;
        Ok(Snapshot {
            changes,
            articles,
            views,
            storylines,
            story_of,
            facets: OnceLock::new(),
            dossiers: Mutex::new(HashMap::new()),
            claim_statuses: OnceLock::new(),
            searches: Mutex::new(SearchCache::default()),
            stories_json: OnceLock::new(),
            storylines_json: OnceLock::new(),
            entities: OnceLock::new(),
        })
    }

    /// Every entity of the store with its counts (the store adds them up over every
    /// article: seconds for tens of thousands), read once.
    pub fn entities(&self, store: &dyn Store) -> Result<Arc<Vec<tri_store::EntitySummary>>> {
        if let Some(e) = self.entities.get() {
            return Ok(e.clone());
        }
        let all = Arc::new(store.entities()?);
        Ok(self.entities.get_or_init(|| all).clone())
    }

    /// `{"stories": [...]}` as bytes.
    pub fn stories_json(&self) -> axum::body::Bytes {
        self.stories_json
            .get_or_init(|| listing("stories", &self.views))
            .clone()
    }

    /// `{"storylines": [...]}` as bytes.
    pub fn storylines_json(&self) -> axum::body::Bytes {
        self.storylines_json
            .get_or_init(|| listing("storylines", &self.storylines))
            .clone()
    }

    /// The ids of every article matching `words`, best first: from the store the first
    /// time, then from a cache of the latest queries (paging through a search, or
    /// changing its filters, asks the same words again).
    pub fn ranked(&self, store: &dyn Store, words: &str) -> Result<Arc<Vec<String>>> {
        let key = words
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if let Some(hit) = self.lock_searches().get(&key) {
            return Ok(hit);
        }
        let ids: Arc<Vec<String>> =
            Arc::new(store.search(words)?.into_iter().map(|s| s.id).collect());
        self.lock_searches().put(key, ids.clone());
        Ok(ids)
    }

    fn lock_searches(&self) -> std::sync::MutexGuard<'_, SearchCache> {
        self.searches.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The story and storyline of an article, when it has been placed.
    pub fn place(&self, id: &str) -> (Option<&str>, Option<&str>) {
        match self.story_of.get(id) {
            Some(&i) => (
                Some(self.views[i].id.as_str()),
                Some(self.views[i].storyline.as_str()),
            ),
            None => (None, None),
        }
    }

    /// Each article's search facets, read from the store the first time.
    pub fn facets(&self, store: &dyn Store) -> Result<Arc<FacetIndex>> {
        if let Some(f) = self.facets.get() {
            return Ok(f.clone());
        }
        let mut origin_of = HashMap::new();
        for v in &self.views {
            for m in &v.articles {
                if let Some(o) = &m.origin {
                    origin_of.insert(m.id.as_str(), o.to_lowercase());
                }
            }
        }
        let mut out = Vec::new();
        let mut by_entity: HashMap<String, Vec<usize>> = HashMap::new();
        for summary in store.articles()? {
            let mut day = summary
                .published
                .as_ref()
                .map(|p| p.value.chars().take(10).collect::<String>());
            if day.is_none() {
                day = store
                    .article_chronology(&summary.id)?
                    .and_then(|c| c.publication)
                    .map(|p| p.date.chars().take(10).collect());
            }
            let mut names = BTreeSet::new();
            for e in store.article_entities(&summary.id)? {
                names.insert(e.key.to_lowercase());
                names.insert(e.name.to_lowercase());
                for alias in &e.aliases {
                    names.insert(alias.to_lowercase());
                }
            }
            for name in names {
                by_entity.entry(name).or_default().push(out.len());
            }
            let event_types = store
                .article_events(&summary.id)?
                .unwrap_or_default()
                .iter()
                .map(|e| e.kind.as_str().to_string())
                .collect();
            out.push(Facets {
                day,
                outlet: summary.outlet.as_ref().map(|o| o.to_lowercase()),
                origin: origin_of.get(summary.id.as_str()).cloned(),
                event_types,
                summary,
            });
        }
        let by_id = out
            .iter()
            .enumerate()
            .map(|(i, f)| (f.summary.id.clone(), i))
            .collect();
        let index = FacetIndex {
            list: out,
            by_id,
            by_entity,
        };
        Ok(self.facets.get_or_init(|| Arc::new(index)).clone())
    }

    /// The dossier of a storyline (`l-…`) or story (`s-…`), or of its unique id
    /// prefix; `Ok(None)` when there is none.
    pub fn dossier(
        &self,
        store: &dyn Store,
        id: &str,
        today: &str,
    ) -> Result<Option<Arc<BuiltDossier>>> {
        let Some(group) = self.group(id) else {
            return Ok(None);
        };
        let key = format!("{}@{today}", group.id);
        if let Some(d) = self.cached(&key) {
            return Ok(Some(d));
        }
        // The places of this group's articles only: a store has thousands of
        // storylines, and the claim-status filter builds every one's dossier.
        let mut places = dossier::Places::new();
        for id in &group.articles {
            let Some(&i) = self.story_of.get(id) else {
                continue;
            };
            let view = &self.views[i];
            if let Some(m) = view.articles.iter().find(|m| &m.id == id) {
                places.insert(
                    m.id.as_str(),
                    dossier::Place {
                        story: &view.id,
                        storyline: &view.storyline,
                        origin: m.origin.as_deref(),
                        copy_of: m.copy_of.as_deref(),
                    },
                );
            }
        }
        let loaded = dossier::load(store, &places, &group)?;
        let dossier = dossier::build(&group.id, &loaded, today);
        let texts = loaded
            .into_iter()
            .map(|l| (l.article.id, l.article.text))
            .collect();
        let json = axum::body::Bytes::from(serde_json::to_vec(&dossier)?);
        let built = Arc::new(BuiltDossier {
            dossier,
            json,
            texts,
        });
        let mut cache = self.dossiers.lock().unwrap_or_else(|e| e.into_inner());
        Ok(Some(cache.entry(key).or_insert(built).clone()))
    }

    fn cached(&self, key: &str) -> Option<Arc<BuiltDossier>> {
        let cache = self.dossiers.lock().unwrap_or_else(|e| e.into_inner());
        cache.get(key).cloned()
    }

    /// The articles of a storyline or story id (or unique prefix).
    fn group(&self, id: &str) -> Option<Group> {
        if id.starts_with("l-") {
            let lines: BTreeSet<&str> = self
                .views
                .iter()
                .map(|v| v.storyline.as_str())
                .filter(|l| l.starts_with(id))
                .collect();
            let [line] = lines.into_iter().collect::<Vec<_>>()[..] else {
                return None;
            };
            let articles = self
                .views
                .iter()
                .filter(|v| v.storyline == line)
                .flat_map(|v| v.articles.iter().map(|m| m.id.clone()))
                .collect();
            Some(Group {
                id: line.to_string(),
                articles,
            })
        } else if id.starts_with("s-") {
            let story = crate::stories::find(&self.views, id).ok()?;
            Some(Group {
                id: story.id.clone(),
                articles: story.articles.iter().map(|m| m.id.clone()).collect(),
            })
        } else {
            None
        }
    }

    /// For each article, the statuses of the claims it supports, over every
    /// storyline's dossier (built now when not yet built).
    pub fn claim_statuses(
        &self,
        store: &dyn Store,
        today: &str,
    ) -> Result<Arc<HashMap<String, BTreeSet<&'static str>>>> {
        if let Some(s) = self.claim_statuses.get() {
            return Ok(s.clone());
        }
        let mut out: HashMap<String, BTreeSet<&'static str>> = HashMap::new();
        for line in &self.storylines {
            let Some(built) = self.dossier(store, &line.id, today)? else {
                continue;
            };
            for claim in &built.dossier.claims {
                for a in &claim.articles {
                    out.entry(a.clone())
                        .or_default()
                        .insert(status_key(claim.status));
                }
            }
        }
        Ok(self.claim_statuses.get_or_init(|| Arc::new(out)).clone())
    }
}

fn listing<T: Serialize>(name: &str, items: &[T]) -> axum::body::Bytes {
    let mut map = serde_json::Map::new();
    map.insert(
        name.to_string(),
        serde_json::to_value(items).expect("plain data"),
    );
    serde_json::to_vec(&map).expect("plain data").into()
}

/// A claim status as the API names it (`corroborated`, `single_origin`, `contested`,
/// `internally_inconsistent`): its JSON spelling.
pub fn status_key(status: tri_triangulate::Status) -> &'static str {
    use tri_triangulate::Status;
    match status {
        Status::Corroborated => "corroborated",
        Status::SingleOrigin => "single_origin",
        Status::Contested => "contested",
        Status::InternallyInconsistent => "internally_inconsistent",
    }
}

/// The storylines of the stories, in the order their first story comes.
fn storylines(views: &[StoryView]) -> Vec<StorylineSummary> {
    let mut out: Vec<StorylineSummary> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for v in views {
        let i = *index.entry(v.storyline.as_str()).or_insert_with(|| {
            out.push(StorylineSummary {
                id: v.storyline.clone(),
                title: None,
                articles: 0,
                stories: Vec::new(),
                first: None,
                last: None,
                outlets: Vec::new(),
                keywords: v.keywords.clone(),
            });
            out.len() - 1
        });
        let line = &mut out[i];
        line.articles += v.articles.len();
        line.stories.push(v.id.clone());
        if line.title.is_none() {
            line.title = v.articles.iter().find_map(|m| m.title.clone());
        }
        if let Some(f) = &v.first {
            if line.first.as_ref().is_none_or(|x| f < x) {
                line.first = Some(f.clone());
            }
        }
        if let Some(l) = &v.last {
            if line.last.as_ref().is_none_or(|x| l > x) {
                line.last = Some(l.clone());
            }
        }
        for o in &v.outlets {
            if !line.outlets.contains(o) {
                line.outlets.push(o.clone());
            }
        }
    }
    out
}
