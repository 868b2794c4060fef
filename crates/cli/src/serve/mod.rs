//! `triangulate serve`: the store behind an HTTP JSON API and a web page, in this one
//! process, on the same embedded store the other commands use.
//!
//! Requests are answered on tokio; store work runs on the blocking pool with a read
//! connection from a small pool (SQLite in WAL mode lets readers run beside the one
//! writer). Ingest goes through one writer connection, one upload at a time. The
//! stories, dossiers and search facets are kept in a [`Snapshot`] that the next request
//! rebuilds after a write, or after another process changes the article count.
//!
//! Safety: the server binds to loopback unless `--bind` says otherwise; writes need the
//! bearer token; bodies over `--max-body-mib` get 413; each client address has a token
//! bucket (`--rate-limit`); every response carries a strict Content-Security-Policy,
//! and the page writes text from the store with `textContent` only.

mod api;
mod limit;
mod snapshot;

use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use axum::extract::{ConnectInfo, DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tri_store::Store;

use crate::db::{AnyStore, Db};

pub use limit::RateLimiter;
use snapshot::Snapshot;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub db: Db,
    pub bind: IpAddr,
    pub port: u16,
    /// The bearer token writes need.
    pub token: String,
    /// Requests per second per client address (0: no limit), and the burst.
    pub rate: f64,
    pub burst: f64,
    /// Largest request body, in bytes.
    pub max_body: usize,
    /// Read connections to the store.
    pub readers: usize,
}

/// The page and its assets, compiled in: nothing to build or install beside the binary.
const INDEX_HTML: &str = include_str!("../../web/index.html");
const APP_JS: &str = include_str!("../../web/app.js");
const APP_CSS: &str = include_str!("../../web/app.css");
/// The API's description, served at `/api/openapi.json` and checked by the tests.
pub const OPENAPI: &str = include_str!("../../openapi.json");

/// No script but the page's own file, no inline script or style, no framing, no
/// plugins, no requests elsewhere: article text that slips into markup still cannot run.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
                   img-src 'self' data:; connect-src 'self'; base-uri 'none'; \
                   form-action 'self'; frame-ancestors 'none'";

/// The self-contained HTML dossier has its own inline styles and no script.
const CSP_DOSSIER_HTML: &str = "default-src 'none'; style-src 'unsafe-inline'; \
                                base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// How often a request checks whether another process changed the store.
const RECHECK: Duration = Duration::from_millis(500);

pub(crate) struct App {
    db: Db,
    /// Largest request body, in bytes.
    max_body: usize,
    token: String,
    limiter: RateLimiter,
    readers: Mutex<Vec<AnyStore>>,
    writer: Mutex<AnyStore>,
    snapshot: RwLock<Arc<Snapshot>>,
    /// Milliseconds since `started` of the last check of the article count.
    checked_at: AtomicU64,
    started: Instant,
    /// Whether a snapshot is being rebuilt in the background.
    refreshing: std::sync::atomic::AtomicBool,
    /// Milliseconds since `started` when the last background rebuild ended, and how
    /// long it took: rebuilds are spaced by twice their cost, so workers writing all the
    /// time do not keep the server rebuilding.
    rebuilt_at: AtomicU64,
    rebuild_ms: AtomicU64,
}

impl App {
    /// A read connection, returned to the pool when the guard drops.
    fn reader(&self) -> Result<Reader<'_>> {
        let pooled = self.readers.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let store = match pooled {
            Some(s) => s,
            None => self.db.open()?,
        };
        Ok(Reader {
            app: self,
            store: Some(store),
        })
    }

    /// The current snapshot. When another process has changed the store (ingest,
    /// workers), a new one is built in the background and this request gets the
    /// current one: reads never wait for a rebuild, and see the change a rebuild later.
    /// The server's own uploads rebuild before they answer ([`App::refresh`]).
    fn snapshot(self: &Arc<Self>, store: &dyn Store) -> Result<Arc<Snapshot>> {
        let current = self
            .snapshot
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let now = self.started.elapsed().as_millis() as u64;
        let last = self.checked_at.load(Ordering::Relaxed);
        if now.saturating_sub(last) < RECHECK.as_millis() as u64 {
            return Ok(current);
        }
        self.checked_at.store(now, Ordering::Relaxed);
        if self.refreshing.load(Ordering::Acquire) {
            return Ok(current);
        }
        let spacing = (2 * self.rebuild_ms.load(Ordering::Relaxed)).max(RECHECK.as_millis() as u64);
        if now.saturating_sub(self.rebuilt_at.load(Ordering::Relaxed)) < spacing {
            return Ok(current);
        }
        if store.changes()? == current.changes {
            return Ok(current);
        }
        if self
            .refreshing
            .compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
        {
            let app = Arc::clone(self);
            std::thread::spawn(move || {
                let started = Instant::now();
                if let Err(e) = app.refresh() {
                    eprintln!("triangulate serve: rebuilding the views failed: {e:#}");
                }
                app.rebuild_ms
                    .store(started.elapsed().as_millis() as u64, Ordering::Relaxed);
                app.rebuilt_at
                    .store(app.started.elapsed().as_millis() as u64, Ordering::Relaxed);
                app.refreshing.store(false, Ordering::Release);
            });
        }
        Ok(current)
    }

    /// Brings the stories up to date with the store and starts a new snapshot.
    fn refresh(&self) -> Result<Arc<Snapshot>> {
        let mut writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        {
            // Another request may have refreshed while this one waited for the writer.
            let current = self
                .snapshot
                .read()
                .unwrap_or_else(|e| e.into_inner())
                .clone();
            if writer.changes()? == current.changes {
                return Ok(current);
            }
        }
        let fresh = Arc::new(Snapshot::build(&mut **writer)?);
        *self.snapshot.write().unwrap_or_else(|e| e.into_inner()) = fresh.clone();
        prepare_facets(&self.db, fresh.clone());
        Ok(fresh)
    }
}

/// Reads the search facets of a new snapshot, then builds every storyline's dossier for
/// the claim-status filter, on a thread of their own (seconds for tens of thousands of
/// articles), so that the first filtered search need not wait.
fn prepare_facets(db: &Db, snapshot: Arc<Snapshot>) {
    let db = db.clone();
    std::thread::spawn(move || {
        if let Ok(store) = db.open() {
            let _ = snapshot.facets(&*store);
            let _ = snapshot.entities(&*store);
            let _ = snapshot.claim_statuses(&*store, &crate::today());
        }
    });
}

/// A pooled read connection.
pub(crate) struct Reader<'a> {
    app: &'a App,
    store: Option<AnyStore>,
}

impl std::ops::Deref for Reader<'_> {
    type Target = dyn Store + Send;
    fn deref(&self) -> &(dyn Store + Send + 'static) {
        self.store.as_deref().expect("held until drop")
    }
}

impl Drop for Reader<'_> {
    fn drop(&mut self) {
        if let Some(store) = self.store.take() {
            self.app
                .readers
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(store);
        }
    }
}

/// A random token for writes, when none is given.
pub fn random_token() -> Result<String> {
    let mut bytes = [0u8; 24];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness for a token: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Opens the store, builds the first snapshot and serves until Ctrl-C or SIGTERM.
pub fn run(opts: ServeOptions, announce: impl FnOnce(SocketAddr)) -> Result<()> {
    let mut writer = crate::open_store(&opts.db)?;
    let first = Snapshot::build(&mut *writer).context("reading the stories of the store")?;
    let readers = (0..opts.readers.max(1))
        .map(|_| opts.db.open())
        .collect::<Result<Vec<_>>>()?;
    let first = Arc::new(first);
    prepare_facets(&opts.db, first.clone());
    let app = Arc::new(App {
        db: opts.db.clone(),
        max_body: opts.max_body,
        token: opts.token.clone(),
        limiter: RateLimiter::new(opts.rate, opts.burst),
        readers: Mutex::new(readers),
        writer: Mutex::new(writer),
        snapshot: RwLock::new(first),
        checked_at: AtomicU64::new(0),
        refreshing: std::sync::atomic::AtomicBool::new(false),
        rebuilt_at: AtomicU64::new(0),
        rebuild_ms: AtomicU64::new(0),
        started: Instant::now(),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the server's runtime")?;
    runtime.block_on(async move {
        let addr = SocketAddr::new(opts.bind, opts.port);
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("binding {addr}"))?;
        announce(listener.local_addr()?);
        let router = router(app, opts.max_body);
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown())
        .await
        .context("serving")
    })
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

fn router(app: Arc<App>, max_body: usize) -> Router {
    Router::new()
        .route(
            "/",
            get(|| async { page(INDEX_HTML, "text/html; charset=utf-8") }),
        )
        .route(
            "/static/app.js",
            get(|| async { page(APP_JS, "text/javascript; charset=utf-8") }),
        )
        .route(
            "/static/app.css",
            get(|| async { page(APP_CSS, "text/css; charset=utf-8") }),
        )
        .route(
            "/api/openapi.json",
            get(|| async { page(OPENAPI, "application/json") }),
        )
        .merge(api::routes())
        .fallback(api::not_found)
        .layer(DefaultBodyLimit::max(max_body))
        .layer(middleware::from_fn_with_state(app.clone(), guard))
        .with_state(app)
}

fn page(body: &'static str, content_type: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

/// Every request: the client's rate budget, then the safety headers on the response.
async fn guard(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
    next: Next,
) -> Response {
    let cost = if request.method() == Method::GET || request.method() == Method::HEAD {
        1.0
    } else {
        limit::WRITE_COST
    };
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let mut response = match app.limiter.take(peer.ip(), cost, Instant::now()) {
        // A body announced over the limit is turned away before a byte of it is read.
        Ok(()) if announced.is_some_and(|n| n > app.max_body as u64) => {
            api::error(StatusCode::PAYLOAD_TOO_LARGE, api::TOO_LARGE)
        }
        Ok(()) => next.run(request).await,
        Err(wait) => {
            let mut r = api::error(
                StatusCode::TOO_MANY_REQUESTS,
                format!(
                    "too many requests from {}: try again in {:.1} s",
                    peer.ip(),
                    wait.as_secs_f64()
                ),
            );
            let secs = wait.as_secs_f64().ceil().max(1.0) as u64;
            if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                r.headers_mut().insert(header::RETRY_AFTER, v);
            }
            r
        }
    };
    let headers = response.headers_mut();
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        );
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}
