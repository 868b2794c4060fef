//! Dossiers of stored articles: `report` prints one per storyline of what it ingested,
//! `dossier` one per storyline, story or set of articles asked for. The articles are
//! read back from the store with their annotations and their places in the stories,
//! and `tri_triangulate` does the rest.

use std::collections::HashMap;

use anyhow::{bail, Result};
use tri_model::{Article, Attributions, Chronology, Event, Figure};
use tri_store::Store;
use tri_triangulate::{ArticleInput, Dossier, Options};

use crate::stories::{self, StoryView};

/// One article read back with what the dossier needs.
pub struct Loaded {
    pub article: Article,
    pub attributions: Option<Attributions>,
    pub chronology: Option<Chronology>,
    pub figures: Vec<Figure>,
    pub events: Vec<Event>,
    pub story: Option<String>,
    pub origin: Option<String>,
    pub copy_of: Option<String>,
}

/// A group of articles to make one dossier of: its id and article ids.
pub struct Group {
    pub id: String,
    pub articles: Vec<String>,
}

/// Where the clusterer placed each article, by id.
pub type Places<'a> = HashMap<&'a str, Place<'a>>;

/// Where the clusterer placed an article: story, storyline, origin, copy.
pub struct Place<'a> {
    pub story: &'a str,
    pub storyline: &'a str,
    pub origin: Option<&'a str>,
    pub copy_of: Option<&'a str>,
}

pub fn places(views: &[StoryView]) -> Places<'_> {
    let mut out = HashMap::new();
    for v in views {
        for m in &v.articles {
            out.insert(
                m.id.as_str(),
                Place {
                    story: &v.id,
                    storyline: &v.storyline,
                    origin: m.origin.as_deref(),
                    copy_of: m.copy_of.as_deref(),
                },
            );
        }
    }
    out
}

/// The articles grouped by storyline, in the order their first article comes.
pub fn by_storyline(views: &[StoryView], ids: &[String]) -> Vec<Group> {
    let places = places(views);
    let mut groups: Vec<Group> = Vec::new();
    for id in ids {
        let key = places.get(id.as_str()).map_or_else(
            || format!("article {}", &id[..id.len().min(8)]),
            |p| p.storyline.to_string(),
        );
        match groups.iter_mut().find(|g| g.id == key) {
            Some(g) => {
                if !g.articles.contains(id) {
                    g.articles.push(id.clone());
                }
            }
            None => groups.push(Group {
                id: key,
                articles: vec![id.clone()],
            }),
        }
    }
    groups
}

/// What `dossier ID...` asks for: a storyline (`l-`), a story (`s-`) or articles (all in
/// one dossier); with no ids, every storyline of the store.
pub fn groups_for(views: &[StoryView], ids: &[String], store: &dyn Store) -> Result<Vec<Group>> {
    if ids.is_empty() {
        let all: Vec<String> = views
            .iter()
            .flat_map(|v| v.articles.iter().map(|m| m.id.clone()))
            .collect();
        return Ok(by_storyline(views, &all));
    }
    let mut groups = Vec::new();
    let mut loose = Vec::new();
    for id in ids {
        if id.starts_with("l-") {
            let members: Vec<String> = views
                .iter()
                .filter(|v| v.storyline.starts_with(id.as_str()))
                .flat_map(|v| v.articles.iter().map(|m| m.id.clone()))
                .collect();
            if members.is_empty() {
                bail!("no storyline {id} in the store (see `triangulate stories`)");
            }
            let line = views
                .iter()
                .find(|v| v.storyline.starts_with(id.as_str()))
                .map(|v| v.storyline.clone())
                .unwrap_or_else(|| id.clone());
            groups.push(Group {
                id: line,
                articles: members,
            });
        } else if stories::is_story_id(id) {
            let story = stories::find(views, id)?;
            groups.push(Group {
                id: story.id.clone(),
                articles: story.articles.iter().map(|m| m.id.clone()).collect(),
            });
        } else {
            let article = store
                .article(id)?
                .ok_or_else(|| anyhow::anyhow!("no article {id} in the store"))?;
            loose.push(article.id);
        }
    }
    if !loose.is_empty() {
        groups.push(Group {
            id: "articles".into(),
            articles: loose,
        });
    }
    Ok(groups)
}

/// Reads the group's articles back from the store.
pub fn load(store: &dyn Store, places: &Places<'_>, group: &Group) -> Result<Vec<Loaded>> {
    let mut out = Vec::new();
    for id in &group.articles {
        let Some(article) = store.article(id)? else {
            continue;
        };
        let place = places.get(id.as_str());
        out.push(Loaded {
            attributions: store.article_attributions(id)?,
            chronology: store.article_chronology(id)?,
            figures: store.article_figures(id)?.unwrap_or_default(),
            events: store.article_events(id)?.unwrap_or_default(),
            story: place.map(|p| p.story.to_string()),
            origin: place.and_then(|p| p.origin.map(str::to_string)),
            copy_of: place.and_then(|p| p.copy_of.map(str::to_string)),
            article,
        });
    }
    Ok(out)
}

/// The dossier of loaded articles.
pub fn build(id: &str, loaded: &[Loaded], today: &str) -> Dossier {
    let inputs: Vec<ArticleInput<'_>> = loaded
        .iter()
        .map(|l| ArticleInput {
            article: &l.article,
            attributions: l.attributions.as_ref(),
            chronology: l.chronology.as_ref(),
            figures: &l.figures,
            events: &l.events,
            story: l.story.as_deref(),
            origin: l.origin.as_deref(),
            copy_of: l.copy_of.as_deref(),
        })
        .collect();
    tri_triangulate::dossier(
        &inputs,
        &Options {
            id: id.to_string(),
            today: today.to_string(),
        },
    )
}

/// Every group's dossier, with the texts the HTML page shows.
pub fn dossiers(
    store: &dyn Store,
    views: &[StoryView],
    groups: &[Group],
    today: &str,
) -> Result<(Vec<Dossier>, HashMap<String, String>)> {
    let places = places(views);
    let mut out = Vec::new();
    let mut texts = HashMap::new();
    for g in groups {
        let loaded = load(store, &places, g)?;
        out.push(build(&g.id, &loaded, today));
        for l in loaded {
            texts.insert(l.article.id, l.article.text);
        }
    }
    Ok((out, texts))
}

/// `dossier` and `report` output in one of the formats.
pub fn render(
    dossiers: &[Dossier],
    texts: &HashMap<String, String>,
    format: DossierFormat,
) -> String {
    match format {
        DossierFormat::Text => dossiers
            .iter()
            .map(tri_triangulate::text)
            .collect::<Vec<_>>()
            .join("\n"),
        DossierFormat::Markdown => dossiers
            .iter()
            .map(tri_triangulate::markdown)
            .collect::<Vec<_>>()
            .join("\n"),
        DossierFormat::Html => {
            let texts: HashMap<&str, &str> = texts
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            tri_triangulate::html(dossiers, &texts)
        }
    }
}

/// The formats besides JSON.
#[derive(Debug, Clone, Copy)]
pub enum DossierFormat {
    Text,
    Markdown,
    Html,
}
