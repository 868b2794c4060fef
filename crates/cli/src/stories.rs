//! Stories and storylines of the stored articles: `stories` lists them, `story ID` shows
//! one, and `timeline STORY` / `events STORY` take a story's articles. The stored
//! articles are streamed through the clusterer (`tri_stories`) in date order, with the
//! origins their attribution found; an article's date is its metadata's, else the one
//! the chronology inferred, else it falls where the stream stands.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use anyhow::{Context, Result};
use serde::Serialize;
use tri_store::Store;
use tri_stories::{epoch_seconds, Clustering, Placement, StoryClusterer, StoryConfig, StoryInput};

/// One article as a story shows it.
#[derive(Debug, Serialize)]
pub struct Member {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The report it retells: named in its text, or inferred from the rewrites it shares
    /// quotes, sources and figures with (then `origin_inferred_from` lists them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub origin_inferred_from: Vec<String>,
    /// The earlier article it is a near-duplicate copy of.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
}

/// A story as `stories` and `story` show it.
#[derive(Debug, Serialize)]
pub struct StoryView {
    pub id: String,
    pub storyline: String,
    pub size: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
    pub outlets: Vec<String>,
    /// Origin reports and how many of the story's articles retell each.
    pub origins: BTreeMap<String, usize>,
    pub keywords: Vec<String>,
    pub articles: Vec<Member>,
}

/// The name the clusterer's state is saved under in the store.
const STATE: &str = "stories";

/// Brings the stories up to date with the store: reads the saved clusterer state, places
/// the stored articles that are neither settled in the store nor in an open story (in
/// date order), writes the placements of the stories that closed, and saves the state.
/// Only the new articles are read and clustered; a store written before stories existed,
/// or by a clusterer of another format or settings, is clustered from the start once.
/// So is a store given a backfill: [`BACKFILL`] or more new articles older than the
/// window of the stream's clock, which the stream would place each in a story of its own.
///
/// Processes sharing a PostgreSQL store (workers, servers) take turns: the whole update
/// runs under the store's stage lock, so two never place the same articles from the
/// same saved state.
pub fn update(store: &mut dyn Store) -> Result<StoryClusterer> {
    locked(store, |store| update_from(store, false))
}

/// Runs `work` holding the store's lock on placement, and gives it up however `work`
/// ended.
fn locked<T>(store: &mut dyn Store, work: impl FnOnce(&mut dyn Store) -> Result<T>) -> Result<T> {
    store.lock_stage(STATE)?;
    let result = work(&mut *store);
    let unlocked = store.unlock_stage(STATE);
    let value = result?;
    unlocked?;
    Ok(value)
}

/// [`update`], when the stories are behind the store: some article ready to be placed
/// is not in the saved state. Whether it placed anything. Cheap when they are not (two
/// counts, no state read: the state is tens of megabytes at 100,000 articles), so
/// workers can call it often.
pub fn update_if_behind(store: &mut dyn Store) -> Result<bool> {
    locked(store, place_if_behind)
}

/// [`update_if_behind`] unless another process is placing now; `None` then (that pass,
/// or the next, places the same articles).
pub fn update_if_free(store: &mut dyn Store) -> Result<Option<bool>> {
    if !store.try_lock_stage(STATE)? {
        return Ok(None);
    }
    let result = place_if_behind(&mut *store);
    let unlocked = store.unlock_stage(STATE);
    let placed = result?;
    unlocked?;
    Ok(Some(placed))
}

fn place_if_behind(store: &mut dyn Store) -> Result<bool> {
    let covered = store.state_articles(STATE)?;
    if covered.is_some() && covered == Some(store.articles_ready()?) {
        return Ok(false);
    }
    update_from(store, false).map(|_| true)
}

/// New articles dated before the window of the stream's clock that make `update`
/// cluster the store again in date order. A few late reports join live stories or
/// stand alone, as a stream places them; an archive ingested after newer articles must
/// be clustered among itself, and the stream has closed the stories of its time.
pub const BACKFILL: usize = 10;

fn update_from(store: &mut dyn Store, again: bool) -> Result<StoryClusterer> {
    let config = StoryConfig::default();
    let saved = if again {
        None
    } else {
        store
            .state(STATE)?
            .and_then(|json| StoryClusterer::from_json(&json, config))
    };
    let restart = saved.is_none();
    let mut clusterer = saved.unwrap_or_else(|| StoryClusterer::new(config));
    // Without a state, every article is new; with one, those with no settled placement
    // that are not in an open story.
    let candidates = if restart {
        store.articles_to_cluster()?
    } else {
        store.articles_without_story()?
    };
    let candidates: Vec<String> = candidates
        .into_iter()
        .filter(|id| !clusterer.contains(id))
        .collect();
    let mut new = Vec::with_capacity(candidates.len());
    for read in store.story_inputs(&candidates)? {
        let date = match &read.article.published {
            Some(p) => Some(p.value.clone()),
            None => read.inferred_date.clone(),
        };
        let published = date.as_deref().and_then(epoch_seconds);
        new.push(StoryInput::from_article(
            &read.article,
            read.attributions.as_ref(),
            published,
        ));
    }
    if new.is_empty() && !restart {
        return Ok(clusterer);
    }
    if !restart {
        if let Some(clock) = clusterer.clock() {
            let horizon = clock - (config.window_days * 86_400.0) as i64;
            let late = new
                .iter()
                .filter(|i| i.published.is_some_and(|t| t < horizon))
                .count();
            if late >= BACKFILL {
                return update_from(store, true);
            }
        }
    }
    // Date order, undated articles at the end, ties by id: not the order they were
    // stored in, which parallel annotation and concurrent workers do not fix, so the
    // same articles make the same stories however they were ingested.
    new.sort_by(|a, b| {
        (a.published.unwrap_or(i64::MAX), &a.id).cmp(&(b.published.unwrap_or(i64::MAX), &b.id))
    });
    for input in new {
        clusterer.add(input);
    }
    let rows: Vec<(String, u64, String)> = clusterer
        .drain_settled()
        .into_iter()
        .map(|(id, p)| {
            let story = p.story as u64;
            (id, story, serde_json::to_string(&p).expect("plain data"))
        })
        .collect();
    store.put_state(
        STATE,
        clusterer.len() as u64,
        &clusterer.to_json(),
        &rows,
        restart,
    )?;
    Ok(clusterer)
}

/// The stories of the store, brought up to date, earliest first: the settled placements
/// from the store, the open stories' from the clusterer.
pub fn stories(store: &mut dyn Store) -> Result<Vec<StoryView>> {
    let mut clustering = update(store)?.snapshot();
    for (id, story, detail) in store.story_placements()? {
        let placement: Placement = serde_json::from_str(&detail)
            .with_context(|| format!("reading the story placement of {id}"))?;
        if let Some(s) = clustering.stories.get_mut(story as usize) {
            s.articles.push(id.clone());
        }
        clustering.placements.insert(id, placement);
    }
    let mut by_id = HashMap::new();
    let mut dates = HashMap::new();
    for summary in store.articles()? {
        // The listing has the metadata's date; only undated articles need their
        // chronology.
        let date = match &summary.published {
            Some(p) => Some(p.value.clone()),
            None => store
                .article_chronology(&summary.id)?
                .and_then(|c| c.publication)
                .map(|p| p.date),
        };
        if let Some(d) = date {
            dates.insert(summary.id.clone(), d);
        }
        by_id.insert(summary.id, (summary.outlet, summary.title));
    }
    Ok(views(&clustering, &by_id, &dates))
}

fn views(
    clustering: &Clustering,
    by_id: &HashMap<String, (Option<String>, Option<String>)>,
    dates: &HashMap<String, String>,
) -> Vec<StoryView> {
    let day = |t: Option<i64>| {
        t.and_then(|t| chrono::DateTime::from_timestamp(t, 0))
            .map(|d| d.format("%Y-%m-%d").to_string())
    };
    // A storyline is named after its earliest story.
    let line_id = |line: usize| {
        let first = clustering.storylines[line]
            .iter()
            .min_by_key(|&&s| (clustering.stories[s].first.unwrap_or(i64::MAX), s))
            .copied()
            .unwrap_or(0);
        format!("l-{}", &clustering.stories[first].id[2..])
    };
    let mut order: Vec<usize> = (0..clustering.stories.len()).collect();
    order.sort_by_key(|&s| (clustering.stories[s].first.unwrap_or(i64::MAX), s));
    order
        .into_iter()
        .map(|s| &clustering.stories[s])
        .map(|story| {
            let mut outlets: Vec<String> = Vec::new();
            let mut origins = BTreeMap::new();
            // Date order, ties by id: the same listing whichever order the articles
            // were stored in, and whether the story is settled or still open.
            let mut members: Vec<&String> = story.articles.iter().collect();
            members.sort_by_cached_key(|id| {
                let t = dates.get(*id).and_then(|d| epoch_seconds(d));
                (t.is_none(), t, (*id).clone())
            });
            let articles: Vec<Member> = members
                .into_iter()
                .map(|id| {
                    let placement = &clustering.placements[id];
                    let (outlet, title) = by_id.get(id).cloned().unwrap_or_default();
                    if let Some(o) = &outlet {
                        if !outlets.contains(o) {
                            outlets.push(o.clone());
                        }
                    }
                    if let Some(o) = &placement.origin {
                        *origins.entry(o.clone()).or_insert(0) += 1;
                    }
                    Member {
                        id: id.clone(),
                        published: dates.get(id).cloned(),
                        outlet,
                        title,
                        origin: placement.origin.clone(),
                        origin_inferred_from: placement.origin_inferred_from.clone(),
                        copy_of: placement.copy_of.clone(),
                    }
                })
                .collect();
            StoryView {
                id: story.id.clone(),
                storyline: line_id(story.storyline),
                size: articles.len(),
                first: day(story.first),
                last: day(story.last),
                outlets,
                origins,
                keywords: story.keywords.clone(),
                articles,
            }
        })
        .collect()
}

/// The story with this id (or unique prefix of it, `s-` included).
pub fn find<'a>(stories: &'a [StoryView], id: &str) -> Result<&'a StoryView> {
    let matching: Vec<&StoryView> = stories.iter().filter(|s| s.id.starts_with(id)).collect();
    match matching.as_slice() {
        [one] => Ok(one),
        [] => anyhow::bail!("no story with id {id:?} (`triangulate stories` lists them)"),
        _ => anyhow::bail!(
            "{id:?} names {} stories: give more of the id",
            matching.len()
        ),
    }
}

/// Whether an argument names a story rather than an article.
pub fn is_story_id(id: &str) -> bool {
    id.starts_with("s-")
}

fn span(s: &StoryView) -> String {
    match (&s.first, &s.last) {
        (Some(a), Some(b)) if a == b => a.clone(),
        (Some(a), Some(b)) => format!("{a} … {b}"),
        _ => "undated".into(),
    }
}

fn outlets(s: &StoryView) -> String {
    if s.outlets.is_empty() {
        "unknown".into()
    } else {
        s.outlets.join(", ")
    }
}

fn origins(s: &StoryView) -> String {
    if s.origins.is_empty() {
        return "no origin named".into();
    }
    s.origins
        .iter()
        .map(|(o, n)| format!("{o} ({n})"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The list of `stories`, grouped by storyline.
pub fn list_text(stories: &[StoryView]) -> String {
    let mut out = String::new();
    let mut lines: Vec<&str> = Vec::new();
    for s in stories {
        if !lines.contains(&s.storyline.as_str()) {
            lines.push(&s.storyline);
        }
    }
    for line in lines {
        let members: Vec<&StoryView> = stories.iter().filter(|s| s.storyline == line).collect();
        let articles: usize = members.iter().map(|s| s.size).sum();
        let _ = writeln!(
            out,
            "storyline {line}: {} stories, {articles} articles",
            members.len()
        );
        for s in members {
            let _ = writeln!(
                out,
                "  {}  {} article{}  {}  outlets: {}  origins: {}  [{}]",
                s.id,
                s.size,
                if s.size == 1 { "" } else { "s" },
                span(s),
                outlets(s),
                origins(s),
                s.keywords.join(" "),
            );
        }
    }
    let _ = writeln!(
        out,
        "{} stories in {} storylines",
        stories.len(),
        stories
            .iter()
            .map(|s| &s.storyline)
            .collect::<std::collections::HashSet<_>>()
            .len()
    );
    out
}

/// One story for `story ID`.
pub fn story_text(s: &StoryView) -> String {
    let mut out = format!(
        "story {} (storyline {}): {} articles, {}\noutlets: {}\norigins: {}\nkeywords: {}\n\n",
        s.id,
        s.storyline,
        s.size,
        span(s),
        outlets(s),
        origins(s),
        s.keywords.join(" ")
    );
    for m in &s.articles {
        let _ = writeln!(
            out,
            "{}  {}  {}  {}",
            &m.id[..m.id.len().min(8)],
            m.published
                .as_deref()
                .map_or("undated", |d| d.get(..10).unwrap_or(d)),
            m.outlet.as_deref().unwrap_or("-"),
            m.title.as_deref().unwrap_or("(untitled)")
        );
        match (&m.origin, m.origin_inferred_from.is_empty()) {
            (Some(o), true) => {
                let _ = writeln!(out, "          origin: {o} (named in the text)");
            }
            (Some(o), false) => {
                let from: Vec<&str> = m
                    .origin_inferred_from
                    .iter()
                    .map(|id| &id[..id.len().min(8)])
                    .collect();
                let _ = writeln!(
                    out,
                    "          origin: {o} (inferred: shares quotes, sources and figures with {})",
                    from.join(", ")
                );
            }
            (None, _) => {}
        }
        if let Some(c) = &m.copy_of {
            let _ = writeln!(out, "          copy of {}", &c[..c.len().min(8)]);
        }
    }
    out
}
