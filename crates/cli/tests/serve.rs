//! `triangulate serve` end to end: the binary on a real SQLite file, spoken to over
//! loopback HTTP. Every documented route's answers are checked against the OpenAPI file
//! the server ships; the safety limits (token, body size, rate) are checked by hitting
//! them.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{json, Value};

const TOKEN: &str = "test-token-7f3a";

/// The analyst's publication dates of the seeds (as in `tests/cli.rs`).
const SEEDS: [(&str, &str); 5] = [
    ("000", "2025-07-10"),
    ("001", "2025-08-05"),
    ("002", "2025-08-05"),
    ("003", "2025-08-05"),
    ("004", "2025-05-18"),
];

/// A running server, killed when dropped.
struct Server {
    child: Child,
    base: String,
    /// The first lines it printed, up to the address.
    banner: String,
    _dir: tempfile::TempDir,
}

impl Server {
    /// A server on a fresh SQLite file.
    fn start(extra: &[&str]) -> Server {
        Server::start_on(None, extra)
    }

    /// A server on `db` (a PostgreSQL URL), or on a fresh SQLite file.
    fn start_on(db: Option<&str>, extra: &[&str]) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let db = match db {
            Some(url) => url.to_string(),
            None => dir.path().join("store.db").to_str().unwrap().to_string(),
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_triangulate"))
            .arg("--db")
            .arg(&db)
            .args(["serve", "--port", "0", "--token", TOKEN])
            .args(extra)
            .env("TRIANGULATE_TODAY", "2026-12-07")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut banner = String::new();
        let base = loop {
            let line = rx
                .recv_timeout(Duration::from_secs(60))
                .unwrap_or_else(|_| panic!("the server never said where it listens: {banner}"));
            banner.push_str(&line);
            banner.push('\n');
            if let Some(url) = line.strip_prefix("listening on ") {
                break url.trim().to_string();
            }
        };
        Server {
            child,
            base,
            banner,
            _dir: dir,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    fn get(&self, path: &str) -> (u16, Value) {
        let (status, _, body) = self.get_raw(path);
        let value = serde_json::from_str(&body)
            .unwrap_or_else(|e| panic!("GET {path} gave no JSON ({e}): {body}"));
        (status, value)
    }

    fn get_raw(&self, path: &str) -> (u16, ureq::http::HeaderMap, String) {
        let response = agent().get(&self.url(path)).call().unwrap();
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.into_body().read_to_string().unwrap();
        (status, headers, body)
    }

    fn post(
        &self,
        path: &str,
        content_type: &str,
        body: &[u8],
        token: Option<&str>,
    ) -> (u16, Value) {
        let mut request = agent()
            .post(&self.url(path))
            .header("Content-Type", content_type);
        if let Some(t) = token {
            request = request.header("Authorization", &format!("Bearer {t}"));
        }
        let response = request.send(body).unwrap();
        let status = response.status().as_u16();
        let body = response.into_body().read_to_string().unwrap();
        (
            status,
            serde_json::from_str(&body).unwrap_or(json!({ "raw": body })),
        )
    }

    /// Uploads the five seeds as raw text with their dates.
    fn ingest_seeds(&self) -> Vec<String> {
        let mut ids = Vec::new();
        for (prefix, date) in SEEDS {
            let file = seed(prefix);
            let text = std::fs::read(&file).unwrap();
            let (status, body) = self.post(
                &format!("/api/articles?published={date}&name={prefix}"),
                "text/plain",
                &text,
                Some(TOKEN),
            );
            assert_eq!(status, 201, "{prefix}: {body}");
            ids.push(body["inserted"][0].as_str().unwrap().to_string());
        }
        ids
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A client that hands back 4xx and 5xx answers instead of failing on them.
fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into()
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seed(prefix: &str) -> PathBuf {
    std::fs::read_dir(repo().join("examples/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{prefix}_"))
        })
        .unwrap()
}

fn spec() -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("openapi.json"))
            .unwrap(),
    )
    .unwrap()
}

/// Checks `body` against the schema the spec gives `path`'s `method` for `status`.
fn conforms(spec: &Value, template: &str, method: &str, status: u16, body: &Value) {
    let responses = &spec["paths"][template][method]["responses"];
    let response = &responses[status.to_string()];
    assert!(
        response.is_object(),
        "{method} {template} answered {status}, which the spec does not document: {body}"
    );
    let schema = &response["content"]["application/json"]["schema"];
    assert!(
        schema.is_object(),
        "{method} {template} {status}: no JSON schema"
    );
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": spec["components"],
        "allOf": [schema],
    });
    let validator = jsonschema::validator_for(&root).expect("the spec's schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(body)
        .take(5)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{method} {template} {status} does not match the spec: {errors:?}"
    );
}

#[test]
fn every_documented_route_answers_as_the_openapi_file_says() {
    documented_routes(Server::start(&[]));
}

/// The same requests and the same answers on the shared store.
#[test]
fn every_documented_route_answers_the_same_on_postgresql() {
    documented_routes(Server::start_on(Some(&tri_pgtest::database()), &[]));
}

fn documented_routes(server: Server) {
    assert!(
        server.base.starts_with("http://127.0.0.1:"),
        "loopback unless told otherwise: {}",
        server.banner
    );
    let spec = spec();
    let ids = server.ingest_seeds();

    // The file served is the file checked.
    let (status, served) = server.get("/api/openapi.json");
    assert_eq!(status, 200);
    assert_eq!(served, spec);

    let (_, lines) = server.get("/api/storylines");
    let line = lines["storylines"][0]["id"].as_str().unwrap().to_string();
    let (_, stories) = server.get("/api/stories");
    let story = stories["stories"][0]["id"].as_str().unwrap().to_string();
    let requests: Vec<(&str, String, u16)> = vec![
        ("/api/health", "/api/health".into(), 200),
        ("/api/articles", "/api/articles?limit=3&offset=1".into(), 200),
        ("/api/articles", "/api/articles?limit=0".into(), 400),
        ("/api/articles/{id}", format!("/api/articles/{}", &ids[0][..8]), 200),
        ("/api/articles/{id}", "/api/articles/ffffffffffff".into(), 404),
        ("/api/articles/{id}", "/api/articles/ab".into(), 400),
        ("/api/stories", "/api/stories".into(), 200),
        ("/api/stories/{id}", format!("/api/stories/{story}"), 200),
        ("/api/stories/{id}", "/api/stories/s-000000".into(), 404),
        ("/api/storylines", "/api/storylines".into(), 200),
        ("/api/dossiers/{id}", format!("/api/dossiers/{line}"), 200),
        ("/api/dossiers/{id}", format!("/api/dossiers/{story}"), 200),
        ("/api/dossiers/{id}", "/api/dossiers/l-000000".into(), 404),
        ("/api/dossiers/{id}", format!("/api/dossiers/{line}?format=pdf"), 400),
        ("/api/entities", "/api/entities?kind=person&limit=5".into(), 200),
        ("/api/entities/{key}", "/api/entities/person:vladimir-putin".into(), 200),
        ("/api/entities/{key}", "/api/entities/person:nobody".into(), 404),
        ("/api/claims", "/api/claims".into(), 200),
        ("/api/claims", format!("/api/claims?status=corroborated&storyline={line}"), 200),
        ("/api/claims", "/api/claims?status=true".into(), 400),
        ("/api/events", "/api/events?type=ASSAULT,THREATEN&factual=true".into(), 200),
        ("/api/events", format!("/api/events?story={story}&actor=putin&from=2025-01"), 200),
        ("/api/events", "/api/events?type=DANCE".into(), 400),
        ("/api/timeline", "/api/timeline?from=2025-07-01&to=2025-08-31".into(), 200),
        ("/api/timeline", "/api/timeline?from=July".into(), 400),
        ("/api/search", "/api/search?q=Putin+regions".into(), 200),
        (
            "/api/search",
            "/api/search?q=Putin&origin=reuters&from=2025-08-01&to=2025-08-31&event_type=ASSAULT&entity=putin"
                .into(),
            200,
        ),
        ("/api/search", "/api/search?claim_status=internally_inconsistent".into(), 200),
        ("/api/search", "/api/search".into(), 400),
    ];
    let mut covered = std::collections::BTreeSet::new();
    for (template, path, expected) in &requests {
        let (status, body) = server.get(path);
        assert_eq!(status, *expected, "GET {path}: {body}");
        conforms(&spec, template, "get", status, &body);
        covered.insert(*template);
    }
    let documented: std::collections::BTreeSet<&str> = spec["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(covered, documented, "every documented route is exercised");

    // What the answers say, beyond their shape.
    let (_, dossier) = server.get(&format!("/api/dossiers/{line}"));
    assert_eq!(dossier["summary"]["articles"], 5);
    let regions = dossier["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["text"].as_str().unwrap().contains("four regions"))
        .expect("the four regions claim");
    assert_eq!(regions["status"], "corroborated");
    // Each supporting sentence is the article's text at its byte span.
    for support in regions["support"].as_array().unwrap() {
        let (_, article) = server.get(&format!(
            "/api/articles/{}",
            support["article"].as_str().unwrap()
        ));
        let text = article["text"].as_str().unwrap();
        let (s, e) = (
            support["span"]["start"].as_u64().unwrap() as usize,
            support["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], support["sentence"].as_str().unwrap());
    }
    let (_, found) = server.get("/api/search?q=Putin+regions&outlet=unn");
    assert_eq!(found["total"], 1);
    assert_eq!(found["results"][0]["outlet"], "UNN");
    let (_, flagged) = server.get("/api/search?claim_status=internally_inconsistent");
    let flagged: Vec<&str> = flagged["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        flagged,
        vec![ids[0].as_str()],
        "the August 8 slip is article 000's"
    );
    let (_, bloomberg) = server.get("/api/search?origin=bloomberg");
    assert_eq!(bloomberg["total"], 1);
    assert_eq!(bloomberg["results"][0]["id"], ids[4]);

    // The other formats of a dossier, and the page.
    let (status, headers, markdown) =
        server.get_raw(&format!("/api/dossiers/{line}?format=markdown"));
    assert_eq!(status, 200);
    assert!(markdown.starts_with(&format!("# Dossier {line}")));
    assert!(headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/markdown"));
    let (status, headers, page) = server.get_raw("/");
    assert_eq!(status, 200);
    assert!(page.contains("/static/app.js"));
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("script-src 'self';") && !csp.contains("unsafe"),
        "{csp}"
    );
    for asset in ["/static/app.js", "/static/app.css"] {
        let (status, _, body) = server.get_raw(asset);
        assert_eq!(status, 200);
        assert!(
            body.len() > 1000,
            "{asset} is the page's, not a placeholder"
        );
    }
    let (status, body) = server.get("/api/nothing-here");
    assert_eq!((status, body["error"].is_string()), (404, true));
}

#[test]
fn writes_need_the_token_and_uploading_again_changes_nothing() {
    let server = Server::start(&[]);
    let spec = spec();
    let article = br#"{"title": "Overnight strike", "outlet": "Wire One", "published": "2025-08-06",
        "text": "Russian forces struck Kharkiv overnight, killing three people, the regional governor said on Wednesday. The attack came hours after Moscow rejected a ceasefire proposal."}"#;
    let (status, body) = server.post("/api/articles", "application/json", article, None);
    assert_eq!(status, 401, "{body}");
    conforms(&spec, "/api/articles", "post", status, &body);
    let (status, body) = server.post("/api/articles", "application/json", article, Some("nope"));
    assert_eq!(status, 403, "{body}");
    assert_eq!(
        server.get("/api/health").1["articles"],
        0,
        "nothing stored without the token"
    );

    let (status, first) = server.post("/api/articles", "application/json", article, Some(TOKEN));
    assert_eq!(status, 201, "{first}");
    conforms(&spec, "/api/articles", "post", status, &first);
    let id = first["inserted"][0].as_str().unwrap().to_string();
    let (status, again) = server.post("/api/articles", "application/json", article, Some(TOKEN));
    assert_eq!(status, 200, "{again}");
    conforms(&spec, "/api/articles", "post", status, &again);
    assert_eq!(again["existing"], json!([id]));
    assert_eq!(again["inserted"], json!([]));
    assert_eq!(server.get("/api/health").1["articles"], 1);
    let (_, stored) = server.get(&format!("/api/articles/{id}"));
    assert_eq!(stored["outlet"], "Wire One");
    assert!(
        stored["story"].as_str().unwrap().starts_with("s-"),
        "placed in a story"
    );
    assert!(
        !stored["entities"].as_array().unwrap().is_empty(),
        "annotated"
    );

    // A batch with a bad document stores the good one and names the bad one.
    let batch = br#"[{"text": "Ukraine said its air defences shot down 40 drones over Kyiv overnight, the air force said on Thursday."},
                    {"title": "no body at all"}]"#;
    let (status, mixed) = server.post(
        "/api/articles?name=batch7",
        "application/json",
        batch,
        Some(TOKEN),
    );
    assert_eq!(status, 201, "{mixed}");
    conforms(&spec, "/api/articles", "post", status, &mixed);
    assert_eq!(mixed["inserted"].as_array().unwrap().len(), 1);
    assert!(
        mixed["failed"][0]["error"]
            .as_str()
            .unwrap()
            .starts_with("batch7"),
        "{mixed}"
    );

    // Binary, empty: nothing stored, and the answer says why.
    let elf = [
        0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0,
    ];
    let (status, body) = server.post(
        "/api/articles",
        "application/octet-stream",
        &elf.repeat(50),
        Some(TOKEN),
    );
    assert_eq!(status, 422, "{body}");
    conforms(&spec, "/api/articles", "post", status, &body);
    assert!(body["error"].as_str().unwrap().contains("binary"), "{body}");
    let (status, _) = server.post("/api/articles", "text/plain", b"", Some(TOKEN));
    assert_eq!(status, 422);
    // Raw HTML with its metadata in the query.
    let html = b"<html><head><title>Kyiv blackout</title></head><body><article><p>Power was cut across Kyiv on Friday after Russian missiles hit two substations, the energy ministry said.</p><p>Repairs would take days, officials said, as the city braced for colder weather.</p></article></body></html>";
    let (status, body) = server.post(
        "/api/articles?outlet=Energy%20Wire&published=2025-08-08",
        "text/html",
        html,
        Some(TOKEN),
    );
    assert_eq!(status, 201, "{body}");
    let (_, stored) = server.get(&format!(
        "/api/articles/{}",
        body["inserted"][0].as_str().unwrap()
    ));
    assert_eq!(stored["outlet"], "Energy Wire");
    assert_eq!(stored["published"]["value"], "2025-08-08");
    assert!(!stored["text"].as_str().unwrap().contains("<p>"));
    assert_eq!(server.get("/api/health").1["articles"], 3);
    let (status, body) = server.post(
        "/api/articles?published=soon",
        "text/plain",
        b"x",
        Some(TOKEN),
    );
    assert_eq!(status, 400, "{body}");
}

#[test]
fn bodies_over_the_limit_and_clients_over_the_rate_are_turned_away() {
    let server = Server::start(&["--max-body-mib", "1", "--rate-limit", "5", "--burst", "20"]);
    let spec = spec();
    // The server answers as soon as it reads the length, without taking the body (a
    // client that writes the whole body before reading may then see its pipe closed):
    // so the request goes over a bare socket, headers first.
    let (status, body) = announce_body(&server, 2 * 1024 * 1024);
    assert_eq!(status, 413, "{body}");
    conforms(&spec, "/api/articles", "post", status, &body);
    assert_eq!(server.get("/api/health").1["articles"], 0);

    let mut limited = None;
    for _ in 0..40 {
        let (status, headers, body) = server.get_raw("/api/health");
        if status == 429 {
            limited = Some((headers, body));
            break;
        }
        assert_eq!(status, 200);
    }
    let (headers, body) = limited.expect("40 requests at once exceed a burst of 20");
    let retry: u64 = headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=2).contains(&retry), "{retry}");
    conforms(
        &spec,
        "/api/health",
        "get",
        429,
        &serde_json::from_str(&body).unwrap(),
    );
    std::thread::sleep(Duration::from_millis(1200));
    assert_eq!(server.get("/api/health").0, 200, "the budget refills");
}

/// Sends the head of an upload of `length` bytes and reads the answer.
fn announce_body(server: &Server, length: usize) -> (u16, Value) {
    use std::io::{Read, Write};
    let addr = server.base.trim_start_matches("http://");
    let mut socket = std::net::TcpStream::connect(addr).unwrap();
    socket
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        socket,
        "POST /api/articles HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {TOKEN}\r\n\
         Content-Type: text/plain\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    // Read the head, then as many bytes as it says the body has.
    let mut bytes = Vec::new();
    let mut chunk = [0u8; 4096];
    let answer = loop {
        let n = socket.read(&mut chunk).unwrap();
        assert!(
            n > 0,
            "closed before answering: {:?}",
            String::from_utf8_lossy(&bytes)
        );
        bytes.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&bytes).to_string();
        let Some(head_end) = text.find("\r\n\r\n") else {
            continue;
        };
        let length: usize = text[..head_end]
            .lines()
            .find_map(|l| {
                l.to_ascii_lowercase()
                    .strip_prefix("content-length:")
                    .map(|v| v.trim().parse().unwrap())
            })
            .unwrap_or(0);
        if bytes.len() >= head_end + 4 + length {
            break text;
        }
    };
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line: {answer}"));
    let body = answer.split("\r\n\r\n").nth(1).unwrap_or("");
    (
        status,
        serde_json::from_str(body).unwrap_or(json!({ "raw": body })),
    )
}

#[test]
fn reads_go_on_while_an_upload_is_annotated() {
    let server = Server::start(&[]);
    server.ingest_seeds();
    let base = server.base.clone();
    let readers: Vec<_> = (0..4)
        .map(|i| {
            let base = base.clone();
            std::thread::spawn(move || {
                let mut statuses = Vec::new();
                for _ in 0..25 {
                    let path = if i % 2 == 0 {
                        "/api/search?q=Putin"
                    } else {
                        "/api/storylines"
                    };
                    let r = agent().get(&format!("{base}{path}")).call().unwrap();
                    statuses.push(r.status().as_u16());
                }
                statuses
            })
        })
        .collect();
    let article = br#"{"text": "Moscow said on Saturday its forces had taken the village of Novoselivka in the Donetsk region, a claim Kyiv denied, saying fighting continued."}"#;
    let (status, body) = server.post("/api/articles", "application/json", article, Some(TOKEN));
    assert_eq!(status, 201, "{body}");
    for r in readers {
        assert!(r.join().unwrap().iter().all(|&s| s == 200));
    }
    assert_eq!(server.get("/api/health").1["articles"], 6);
}

/// `serve` on a shared PostgreSQL store while `ingest --defer` and a worker fill it
/// from other processes: every read answers meanwhile, uploads through the server mix
/// with the workers' articles, and once the worker is done the server shows the stories
/// the command line shows.
#[test]
fn serves_a_shared_store_while_workers_ingest() {
    let db = tri_pgtest::database();
    let server = Server::start_on(Some(&db), &[]);
    let dir = tempfile::tempdir().unwrap();
    let stream = dir.path().join("stream.jsonl");
    let made = Command::new("python3")
        .arg(repo().join("bench/make-story-stream.py"))
        .arg("60")
        .arg(&stream)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(made.success());
    let bin = env!("CARGO_BIN_EXE_triangulate");
    let run = |args: &[&str]| {
        Command::new(bin)
            .args(args)
            .env("TRIANGULATE_DB", &db)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let ingest = run(&["ingest", "--defer", stream.to_str().unwrap()]);
    let mut worker = run(&["worker", "--until-idle", "--poll-ms", "100"]);
    // Uploads through the server while the worker annotates the queue.
    let seeds = server.ingest_seeds();
    let mut reads = 0;
    while worker.try_wait().unwrap().is_none() {
        for path in [
            "/api/health",
            "/api/stories",
            "/api/storylines",
            "/api/search?q=the",
        ] {
            let (status, body) = server.get(path);
            assert_eq!(status, 200, "GET {path} while workers ingest: {body}");
            reads += 1;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(reads > 0);
    let out = worker.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(ingest.wait_with_output().unwrap().status.success());

    // The command line's view of the store, then the server's, once it has noticed.
    let cli = Command::new(bin)
        .args(["stories", "--json"])
        .env("TRIANGULATE_DB", &db)
        .output()
        .unwrap();
    assert!(cli.status.success());
    let cli: Value = serde_json::from_slice(&cli.stdout).unwrap();
    let members = |stories: &Value| {
        let mut ids: Vec<String> = stories
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["articles"].as_array().unwrap())
            .map(|m| m["id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    };
    let want = members(&cli);
    for id in &seeds {
        assert!(want.contains(id), "an uploaded seed is in a story");
    }
    let started = std::time::Instant::now();
    loop {
        let (_, stories) = server.get("/api/stories");
        let (_, health) = server.get("/api/health");
        if stories["stories"] == cli && health["articles"].as_u64() == Some(want.len() as u64) {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the server never caught up with the workers: {} of {} articles in stories",
            members(&stories["stories"]).len(),
            want.len()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}
