//! The JSON API's routes. Every error is `{"error": "..."}` with a status that says
//! whose fault it is: 400 a bad parameter, 401/403 a missing or wrong token, 404 nothing
//! by that id, 413 a body over the limit, 422 an upload with no article in it, 429 over
//! the rate, 500 the server's.

use std::collections::HashSet;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use tri_ingest::{IngestOptions, Quiet};
use tri_reader::Input;
use tri_store::{ArticleSummary, StoreError};

use super::snapshot::{status_key, Snapshot};
use super::App;
use crate::events::{self, Filter};
use crate::timeline;

/// What a body over the limit is told.
pub const TOO_LARGE: &str = "the body is larger than the server's limit (serve --max-body-mib)";

/// An error answer.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
        }
    }
    fn bad(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }
    fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(e: anyhow::Error) -> Self {
        // An id that is ambiguous or too short is the client's to fix.
        if let Some(store) = e.downcast_ref::<StoreError>() {
            if matches!(
                store,
                StoreError::Ambiguous { .. } | StoreError::PrefixTooShort { .. }
            ) {
                return ApiError::bad(store.to_string());
            }
        }
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, crate::error_chain(&e))
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        anyhow::Error::from(e).into()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        error(self.status, self.message)
    }
}

/// `{"error": message}` with this status.
pub fn error(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(json!({ "error": message.into() }))).into_response()
}

type ApiResult<T> = Result<T, ApiError>;

/// Query parameters, with a JSON 400 naming the bad one instead of axum's plain text.
pub struct Q<T>(T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Q<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        axum::extract::Query::<T>::try_from_uri(&parts.uri)
            .map(|q| Q(q.0))
            .map_err(|e| ApiError::bad(format!("bad query parameters: {}", e.body_text())))
    }
}

/// Runs store work on the blocking pool with a read connection and the snapshot.
async fn with_store<T: Send + 'static>(
    app: Arc<App>,
    work: impl FnOnce(&App, &dyn tri_store::Store, &Snapshot) -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    tokio::task::spawn_blocking(move || {
        let reader = app.reader()?;
        let snapshot = app.snapshot(&*reader)?;
        work(&app, &*reader, &snapshot)
    })
    .await
    .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
}

pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/api/health", get(health))
        .route("/api/articles", get(articles).post(ingest))
        .route("/api/articles/{id}", get(article))
        .route("/api/stories", get(stories))
        .route("/api/stories/{id}", get(story))
        .route("/api/storylines", get(storylines))
        .route("/api/dossiers/{id}", get(dossier))
        .route("/api/entities", get(entities))
        .route("/api/entities/{key}", get(entity))
        .route("/api/claims", get(claims))
        .route("/api/events", get(events_list))
        .route("/api/timeline", get(timeline_list))
        .route("/api/search", get(search))
        .method_not_allowed_fallback(method_not_allowed)
}

pub async fn not_found(method: Method, uri: Uri) -> ApiError {
    ApiError::not_found(format!("nothing at {method} {}", uri.path()))
}

async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("{method} is not allowed on {}", uri.path()),
    )
}

/// `limit` and `offset`: 50 by default, at most 1,000 a page.
#[derive(Debug, Deserialize)]
struct Page {
    #[serde(default, deserialize_with = "count")]
    limit: Option<usize>,
    #[serde(default, deserialize_with = "count")]
    offset: Option<usize>,
}

/// A yes/no query parameter: `true`, `1` or empty for yes.
fn flag<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    let text = String::deserialize(d)?;
    match text.as_str() {
        "" | "1" | "true" | "yes" => Ok(true),
        "0" | "false" | "no" => Ok(false),
        _ => Err(serde::de::Error::custom(format!(
            "{text:?} is not true or false"
        ))),
    }
}

/// A count in a query string. Flattened query structs hand serde every value as a
/// string, so both forms are read.
fn count<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<usize>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Count {
        Number(usize),
        Text(String),
    }
    match Option::<Count>::deserialize(d)? {
        None => Ok(None),
        Some(Count::Number(n)) => Ok(Some(n)),
        Some(Count::Text(t)) => t
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| serde::de::Error::custom(format!("{t:?} is not a count"))),
    }
}

const MAX_PAGE: usize = 1000;

impl Page {
    fn check(&self) -> ApiResult<(usize, usize)> {
        let limit = self.limit.unwrap_or(50);
        if limit == 0 || limit > MAX_PAGE {
            return Err(ApiError::bad(format!(
                "limit must be between 1 and {MAX_PAGE}"
            )));
        }
        Ok((limit, self.offset.unwrap_or(0)))
    }

    fn slice<T>(&self, all: Vec<T>) -> ApiResult<Vec<T>> {
        let (limit, offset) = self.check()?;
        Ok(all.into_iter().skip(offset).take(limit).collect())
    }
}

/// An article in a listing, with its place in the stories.
#[derive(Debug, Serialize)]
struct ArticleItem<'a> {
    #[serde(flatten)]
    summary: &'a ArticleSummary,
    story: Option<&'a str>,
    storyline: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<String>,
}

fn item<'a>(snapshot: &'a Snapshot, summary: &'a ArticleSummary) -> ArticleItem<'a> {
    let (story, storyline) = snapshot.place(&summary.id);
    ArticleItem {
        summary,
        story,
        storyline,
        snippet: None,
    }
}

async fn health(State(app): State<Arc<App>>) -> ApiResult<Json<Value>> {
    with_store(app, |_, _, snap| {
        Ok(Json(json!({
            "status": "ok",
            "version": env!("CARGO_PKG_VERSION"),
            "articles": snap.articles,
            "stories": snap.views.len(),
            "storylines": snap.storylines.len(),
        })))
    })
    .await
}

#[derive(Debug, Deserialize)]
struct ListQuery {
    #[serde(flatten)]
    page: Page,
}

async fn articles(State(app): State<Arc<App>>, Q(q): Q<ListQuery>) -> ApiResult<Json<Value>> {
    q.page.check()?;
    with_store(app, move |_, store, snap| {
        let all = store.articles()?;
        let total = all.len();
        let page: Vec<ArticleItem> = q.page.slice(all.iter().map(|s| item(snap, s)).collect())?;
        Ok(Json(json!({ "total": total, "articles": page })))
    })
    .await
}

async fn article(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult<Json<Value>> {
    with_store(app, move |_, store, snap| {
        let Some(article) = store.article(&id)? else {
            return Err(ApiError::not_found(format!("no article {id}")));
        };
        let (story, storyline) = snap.place(&article.id);
        let mut value = serde_json::to_value(&article).map_err(anyhow::Error::from)?;
        value["entities"] = json!(store.article_entities(&article.id)?);
        value["attributions"] = json!(store.article_attributions(&article.id)?);
        value["chronology"] = json!(store.article_chronology(&article.id)?);
        value["figures"] = json!(store.article_figures(&article.id)?);
        value["events"] = json!(store.article_events(&article.id)?);
        value["story"] = json!(story);
        value["storyline"] = json!(storyline);
        Ok(Json(value))
    })
    .await
}

async fn stories(State(app): State<Arc<App>>) -> ApiResult<Response> {
    with_store(app, |_, _, snap| Ok(json_bytes(snap.stories_json()))).await
}

async fn story(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult<Response> {
    with_store(app, move |_, _, snap| {
        let found = crate::stories::find(&snap.views, &id)
            .map_err(|e| ApiError::not_found(e.to_string()))?;
        Ok(json_body(
            serde_json::to_string(found).map_err(anyhow::Error::from)?,
        ))
    })
    .await
}

async fn storylines(State(app): State<Arc<App>>) -> ApiResult<Response> {
    with_store(app, |_, _, snap| Ok(json_bytes(snap.storylines_json()))).await
}

fn json_body(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

fn json_bytes(body: Bytes) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

#[derive(Debug, Deserialize)]
struct DossierQuery {
    format: Option<String>,
}

async fn dossier(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    Q(q): Q<DossierQuery>,
) -> ApiResult<Response> {
    let format = q.format.unwrap_or_else(|| "json".into());
    if !["json", "html", "markdown", "text"].contains(&format.as_str()) {
        return Err(ApiError::bad(format!(
            "format {format:?} is not one of json, html, markdown, text"
        )));
    }
    with_store(app, move |_, store, snap| {
        let today = crate::today();
        let Some(built) = snap.dossier(store, &id, &today)? else {
            return Err(ApiError::not_found(format!(
                "no storyline or story {id} (ids start with l- or s-; see /api/storylines)"
            )));
        };
        Ok(match format.as_str() {
            "html" => {
                let texts = built
                    .texts
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                let page = tri_triangulate::html(std::slice::from_ref(&built.dossier), &texts);
                (
                    [
                        (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                        (header::CONTENT_SECURITY_POLICY, super::CSP_DOSSIER_HTML),
                    ],
                    page,
                )
                    .into_response()
            }
            "markdown" => (
                [(header::CONTENT_TYPE, "text/markdown; charset=utf-8")],
                tri_triangulate::markdown(&built.dossier),
            )
                .into_response(),
            "text" => (
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                tri_triangulate::text(&built.dossier),
            )
                .into_response(),
            _ => json_bytes(built.json.clone()),
        })
    })
    .await
}

#[derive(Debug, Deserialize)]
struct EntitiesQuery {
    kind: Option<String>,
    #[serde(flatten)]
    page: Page,
}

async fn entities(State(app): State<Arc<App>>, Q(q): Q<EntitiesQuery>) -> ApiResult<Json<Value>> {
    q.page.check()?;
    with_store(app, move |_, store, snap| {
        let all = snap.entities(store)?;
        let all: Vec<&tri_store::EntitySummary> = all
            .iter()
            .filter(|e| {
                q.kind
                    .as_ref()
                    .is_none_or(|k| e.kind.as_str().eq_ignore_ascii_case(k))
            })
            .collect();
        let total = all.len();
        Ok(Json(
            json!({ "total": total, "entities": q.page.slice(all)? }),
        ))
    })
    .await
}

async fn entity(State(app): State<Arc<App>>, Path(key): Path<String>) -> ApiResult<Json<Value>> {
    with_store(app, move |_, store, snap| {
        let all = snap.entities(store)?;
        let Some(found) = all.iter().find(|e| e.key.eq_ignore_ascii_case(&key)) else {
            return Err(ApiError::not_found(format!(
                "no entity {key} (see /api/entities)"
            )));
        };
        let needle = found.key.to_lowercase();
        let facets = snap.facets(store)?;
        let mut mentioning: Vec<&super::snapshot::Facets> = facets.with_entity(&needle).collect();
        mentioning.sort_by_key(|f| facets.position(&f.summary.id));
        let articles: Vec<ArticleItem> = mentioning
            .into_iter()
            .map(|f| item(snap, &f.summary))
            .collect();
        Ok(Json(json!({ "entity": found, "articles": articles })))
    })
    .await
}

#[derive(Debug, Deserialize)]
struct ClaimsQuery {
    status: Option<String>,
    storyline: Option<String>,
    kind: Option<String>,
    #[serde(flatten)]
    page: Page,
}

const STATUSES: [&str; 4] = [
    "corroborated",
    "single_origin",
    "contested",
    "internally_inconsistent",
];

fn check_status(status: &Option<String>) -> ApiResult<()> {
    match status {
        Some(s) if !STATUSES.contains(&s.as_str()) => Err(ApiError::bad(format!(
            "claim status {s:?} is not one of {}",
            STATUSES.join(", ")
        ))),
        _ => Ok(()),
    }
}

async fn claims(State(app): State<Arc<App>>, Q(q): Q<ClaimsQuery>) -> ApiResult<Json<Value>> {
    q.page.check()?;
    check_status(&q.status)?;
    with_store(app, move |_, store, snap| {
        let today = crate::today();
        let lines: Vec<&str> = match &q.storyline {
            Some(id) => {
                let found: Vec<&str> = snap
                    .storylines
                    .iter()
                    .map(|l| l.id.as_str())
                    .filter(|l| l.starts_with(id.as_str()))
                    .collect();
                if found.len() != 1 {
                    return Err(ApiError::not_found(format!(
                        "no single storyline {id} (see /api/storylines)"
                    )));
                }
                found
            }
            None => snap.storylines.iter().map(|l| l.id.as_str()).collect(),
        };
        let mut out = Vec::new();
        for line in lines {
            let Some(built) = snap.dossier(store, line, &today)? else {
                continue;
            };
            for claim in &built.dossier.claims {
                if q.status
                    .as_deref()
                    .is_some_and(|s| s != status_key(claim.status))
                {
                    continue;
                }
                let mut value = serde_json::to_value(claim).map_err(anyhow::Error::from)?;
                if q.kind.as_deref().is_some_and(|k| value["kind"] != k) {
                    continue;
                }
                value["dossier"] = json!(line);
                out.push(value);
            }
        }
        let total = out.len();
        Ok(Json(
            json!({ "total": total, "claims": q.page.slice(out)? }),
        ))
    })
    .await
}

/// The articles a `story` parameter names, or every article.
fn articles_of(
    snap: &Snapshot,
    store: &dyn tri_store::Store,
    story: Option<&str>,
) -> ApiResult<Vec<String>> {
    Ok(match story {
        Some(id) => crate::stories::find(&snap.views, id)
            .map_err(|e| ApiError::not_found(e.to_string()))?
            .articles
            .iter()
            .map(|m| m.id.clone())
            .collect(),
        None => store.articles()?.into_iter().map(|a| a.id).collect(),
    })
}

#[derive(Debug, Deserialize)]
struct EventsQuery {
    /// PLOVER categories, comma-separated.
    #[serde(rename = "type")]
    types: Option<String>,
    actor: Option<String>,
    from: Option<String>,
    to: Option<String>,
    #[serde(default, deserialize_with = "flag")]
    factual: bool,
    story: Option<String>,
    #[serde(flatten)]
    page: Page,
}

async fn events_list(State(app): State<Arc<App>>, Q(q): Q<EventsQuery>) -> ApiResult<Json<Value>> {
    q.page.check()?;
    let mut filter = Filter {
        actor: q.actor.clone(),
        factual: q.factual,
        ..Filter::default()
    };
    for t in q
        .types
        .iter()
        .flat_map(|t| t.split(','))
        .filter(|t| !t.is_empty())
    {
        filter
            .types
            .push(events::parse_type(t).map_err(ApiError::bad)?);
    }
    filter.from = q
        .from
        .as_deref()
        .map(events::parse_date_bound)
        .transpose()
        .map_err(ApiError::bad)?;
    filter.to =
        q.to.as_deref()
            .map(events::parse_date_bound)
            .transpose()
            .map_err(ApiError::bad)?;
    with_store(app, move |_, store, snap| {
        let mut out = Vec::new();
        for id in articles_of(snap, store, q.story.as_deref())? {
            let Some(list) = store.article_events(&id)? else {
                continue;
            };
            let Some(article) = store.article(&id)? else {
                continue;
            };
            for (index, e) in list.iter().enumerate().filter(|(_, e)| filter.keeps(e)) {
                let mut value = serde_json::to_value(e).map_err(anyhow::Error::from)?;
                value["article"] = json!(id);
                value["index"] = json!(index);
                value["outlet"] = json!(article.outlet);
                value["sentence"] = json!(article.text.get(e.sentence.start..e.sentence.end));
                out.push(value);
            }
        }
        let total = out.len();
        Ok(Json(
            json!({ "total": total, "events": q.page.slice(out)? }),
        ))
    })
    .await
}

#[derive(Debug, Deserialize)]
struct TimelineQuery {
    from: Option<String>,
    to: Option<String>,
    story: Option<String>,
    #[serde(flatten)]
    page: Page,
}

fn parse_day(name: &str, value: &Option<String>) -> ApiResult<Option<String>> {
    match value {
        None => Ok(None),
        Some(v) => chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .map(|d| Some(d.format("%Y-%m-%d").to_string()))
            .map_err(|_| ApiError::bad(format!("{name} {v:?} is not a date (YYYY-MM-DD)"))),
    }
}

async fn timeline_list(
    State(app): State<Arc<App>>,
    Q(q): Q<TimelineQuery>,
) -> ApiResult<Json<Value>> {
    q.page.check()?;
    let from = parse_day("from", &q.from)?;
    let to = parse_day("to", &q.to)?;
    with_store(app, move |_, store, snap| {
        let mut pairs = Vec::new();
        for id in articles_of(snap, store, q.story.as_deref())? {
            if let (Some(a), Some(c)) = (store.article(&id)?, store.article_chronology(&id)?) {
                pairs.push((a, c));
            }
        }
        let today = chrono::NaiveDate::parse_from_str(&crate::today(), "%Y-%m-%d")
            .unwrap_or_else(|_| chrono::Local::now().date_naive());
        let mut entries = timeline::entries(&pairs, today);
        entries.retain(|e| {
            from.as_ref().is_none_or(|f| &e.to >= f) && to.as_ref().is_none_or(|t| &e.from <= t)
        });
        let total = entries.len();
        let page = q.page.slice(entries)?;
        Ok(Json(json!({ "total": total, "entries": page })))
    })
    .await
}

#[derive(Debug, Deserialize)]
struct SearchQuery {
    q: Option<String>,
    entity: Option<String>,
    outlet: Option<String>,
    origin: Option<String>,
    from: Option<String>,
    to: Option<String>,
    event_type: Option<String>,
    claim_status: Option<String>,
    #[serde(flatten)]
    page: Page,
}

async fn search(State(app): State<Arc<App>>, Q(q): Q<SearchQuery>) -> ApiResult<Json<Value>> {
    q.page.check()?;
    check_status(&q.claim_status)?;
    let from = parse_day("from", &q.from)?;
    let to = parse_day("to", &q.to)?;
    let event_type = q
        .event_type
        .as_deref()
        .map(events::parse_type)
        .transpose()
        .map_err(ApiError::bad)?
        .map(|t| t.as_str().to_string());
    let words = q.q.clone().unwrap_or_default();
    let lower = |s: &Option<String>| {
        s.as_ref()
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty())
    };
    let (entity, outlet, origin) = (lower(&q.entity), lower(&q.outlet), lower(&q.origin));
    let filtered = entity.is_some()
        || outlet.is_some()
        || origin.is_some()
        || from.is_some()
        || to.is_some()
        || event_type.is_some()
        || q.claim_status.is_some();
    if words.trim().is_empty() && !filtered {
        return Err(ApiError::bad(
            "give words to search for (q) or at least one filter",
        ));
    }
    with_store(app, move |_, store, snap| {
        if !filtered {
            // Words alone: the store ranks and cuts the page itself.
            let (offset, limit) = (q.page.offset.unwrap_or(0), q.page.check()?.0);
            let (total, page) = store.search_page(&words, offset, limit)?;
            let results = with_snippets(store, snap, page.iter(), &words)?;
            return Ok(Json(json!({ "total": total, "results": results })));
        }
        let today = crate::today();
        let facets = snap.facets(store)?;
        let ranked: Arc<Vec<String>> = if words.trim().is_empty() {
            Arc::new(facets.list.iter().map(|f| f.summary.id.clone()).collect())
        } else {
            snap.ranked(store, &words)?
        };
        let statuses = match &q.claim_status {
            Some(_) => Some(snap.claim_statuses(store, &today)?),
            None => None,
        };
        let mentioning = entity.as_ref().map(|e| facets.mentioning(e));
        let keep = |i: usize, f: &super::snapshot::Facets| {
            mentioning.as_ref().is_none_or(|m| m[i])
                && outlet
                    .as_ref()
                    .is_none_or(|o| f.outlet.as_ref().is_some_and(|x| x.contains(o.as_str())))
                && origin
                    .as_ref()
                    .is_none_or(|o| f.origin.as_ref().is_some_and(|x| x.contains(o.as_str())))
                && from
                    .as_ref()
                    .is_none_or(|d| f.day.as_ref().is_some_and(|x| x >= d))
                && to
                    .as_ref()
                    .is_none_or(|d| f.day.as_ref().is_some_and(|x| x <= d))
                && event_type
                    .as_ref()
                    .is_none_or(|t| f.event_types.contains(t))
                && q.claim_status.as_ref().is_none_or(|s| {
                    statuses
                        .as_ref()
                        .and_then(|m| m.get(&f.summary.id))
                        .is_some_and(|set| set.contains(s.as_str()))
                })
        };
        let hits: Vec<&super::snapshot::Facets> = ranked
            .iter()
            .filter_map(|id| facets.position(id))
            .map(|i| (i, &facets.list[i]))
            .filter(|&(i, f)| keep(i, f))
            .map(|(_, f)| f)
            .collect();
        let total = hits.len();
        let page = q.page.slice(hits)?;
        let results = with_snippets(store, snap, page.iter().map(|f| &f.summary), &words)?;
        Ok(Json(json!({ "total": total, "results": results })))
    })
    .await
}

/// Search results: each article's listing with a snippet of its text.
fn with_snippets<'a>(
    store: &dyn tri_store::Store,
    snap: &Snapshot,
    summaries: impl Iterator<Item = &'a ArticleSummary>,
    words: &str,
) -> ApiResult<Vec<Value>> {
    let mut results = Vec::new();
    for summary in summaries {
        let mut found = item(snap, summary);
        if let Some(article) = store.article(&summary.id)? {
            found.snippet = Some(snippet(&article.text, words));
        }
        results.push(serde_json::to_value(found).map_err(anyhow::Error::from)?);
    }
    Ok(results)
}

/// About 200 characters of `text` around the first of the query's words it contains,
/// else its beginning.
fn snippet(text: &str, query: &str) -> String {
    const AROUND: usize = 100;
    let lower = text.to_lowercase();
    let at = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1)
        .filter_map(|w| lower.find(&w.to_lowercase()))
        .min()
        .filter(|_| lower.len() == text.len())
        .unwrap_or(0);
    let mut start = at.saturating_sub(AROUND);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (at + AROUND).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(text[start..end].trim());
    if end < text.len() {
        out.push('…');
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Query parameters of an upload: metadata for a raw body, and a publication date the
/// uploader vouches for.
#[derive(Debug, Deserialize)]
struct IngestQuery {
    published: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    /// The name errors give the upload.
    name: Option<String>,
}

/// Whether the request carries the write token, compared in constant time.
fn authorised(headers: &HeaderMap, token: &str) -> ApiResult<()> {
    let Some(given) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    else {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "writes need the server's token: Authorization: Bearer TOKEN",
        ));
    };
    let (a, b) = (given.trim().as_bytes(), token.as_bytes());
    let differ = a.len() != b.len() || a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) != 0;
    if differ {
        return Err(ApiError::new(StatusCode::FORBIDDEN, "wrong token"));
    }
    Ok(())
}

#[derive(Debug, Serialize)]
struct Failed {
    input: String,
    kind: String,
    error: String,
}

async fn ingest(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Q(q): Q<IngestQuery>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Response> {
    authorised(&headers, &app.token)?;
    let body = body.map_err(|e| {
        let status = e.status();
        let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
            TOO_LARGE.to_string()
        } else {
            e.body_text()
        };
        ApiError::new(status, message)
    })?;
    if body.is_empty() {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "the body is empty: send JSON articles, or an article's HTML or text",
        ));
    }
    let published = q
        .published
        .as_deref()
        .map(crate::parse_published)
        .transpose()
        .map_err(|e| ApiError::bad(format!("published: {e}")))?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let is_json = content_type.starts_with("application/json")
        || content_type.starts_with("application/x-ndjson");
    let has_metadata = q.title.is_some() || q.outlet.is_some() || q.url.is_some();
    let bytes: Arc<[u8]> = if is_json {
        // One JSON value (an object pretty-printed over lines, say) is made an array, so
        // the reader takes it whole rather than as JSON lines; anything else is read as
        // it came.
        match serde_json::from_slice::<Value>(&body) {
            Ok(Value::Object(doc)) => serde_json::to_vec(&[doc])
                .map_err(anyhow::Error::from)?
                .into(),
            _ => body.to_vec().into(),
        }
    } else if has_metadata {
        // Metadata for a raw body travels in the reader's JSON document form.
        let text = std::str::from_utf8(&body)
            .map_err(|_| ApiError::bad("with title, outlet or url, a raw body must be UTF-8"))?;
        let field = if content_type.starts_with("text/html") {
            "html"
        } else {
            "text"
        };
        let mut doc = json!({ field: text });
        for (key, value) in [("title", &q.title), ("outlet", &q.outlet), ("url", &q.url)] {
            if let Some(v) = value {
                doc[key] = json!(v);
            }
        }
        serde_json::to_vec(&doc)
            .map_err(anyhow::Error::from)?
            .into()
    } else {
        body.to_vec().into()
    };
    let name = q
        .name
        .as_deref()
        .map(|n| {
            n.chars()
                .filter(|c| !c.is_control())
                .take(200)
                .collect::<String>()
        })
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "upload".to_string());
    tokio::task::spawn_blocking(move || -> ApiResult<Response> {
        let annotator = tri_annotate::Annotator::bundled().map_err(anyhow::Error::from)?;
        let opts = IngestOptions {
            annotator: Some(annotator),
            published,
            ..IngestOptions::default()
        };
        let input = Input::Memory { name, bytes };
        let summary = {
            let mut writer = app.writer.lock().unwrap_or_else(|e| e.into_inner());
            let summary = tri_ingest::ingest(&[input], &mut **writer, &opts, &Quiet)
                .map_err(anyhow::Error::from)?;
            if summary.new > 0 {
                crate::stories::update(&mut **writer)?;
            }
            summary
        };
        app.refresh()?;
        let inserted: HashSet<&str> = summary.inserted.iter().map(String::as_str).collect();
        let mut existing: Vec<&str> = Vec::new();
        for id in &summary.articles {
            if !inserted.contains(id.as_str()) && !existing.contains(&id.as_str()) {
                existing.push(id);
            }
        }
        let failed: Vec<Failed> = summary
            .failures
            .iter()
            .map(|f| Failed {
                input: f.input.clone(),
                kind: f.kind.clone(),
                error: f.message.clone(),
            })
            .collect();
        let status = if !summary.inserted.is_empty() {
            StatusCode::CREATED
        } else if summary.articles.is_empty() {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::OK
        };
        let mut response = (
            status,
            Json(json!({
                "inserted": summary.inserted,
                "existing": existing,
                "failed": failed,
            })),
        )
            .into_response();
        if status == StatusCode::UNPROCESSABLE_ENTITY {
            let why = failed
                .first()
                .map_or("no article in the upload".to_string(), |f| f.error.clone());
            response = (
                status,
                Json(json!({
                    "error": why,
                    "inserted": [],
                    "existing": [],
                    "failed": failed,
                })),
            )
                .into_response();
        }
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        Ok(response)
    })
    .await
    .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
}
