//! A real PostgreSQL server for tests: Debian's `postgresql` binaries, `initdb` into a
//! temporary directory, started on a free loopback port, one server per test process.
//!
//! Tests ask for [`database`], which creates a fresh database on the process's server
//! and returns its URL, so tests never see each other's rows. The server is watched by
//! a small shell loop that stops it and removes its directory as soon as the test
//! process is gone, however it ended: a killed test run leaves no server behind.
//!
//! The binaries are found in `TRIANGULATE_PG_BIN`, on `PATH`, or under
//! `/usr/lib/postgresql/*/bin` (where Debian puts them). Without them the tests fail
//! with a message saying what to install: a skipped test would pass without proving
//! anything.
#![forbid(unsafe_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// A running throwaway server.
#[derive(Debug)]
pub struct Server {
    /// `postgres://triangulate@127.0.0.1:PORT`, without a database name.
    pub base_url: String,
    /// The port it listens on (loopback only).
    pub port: u16,
    /// The directory holding its data, socket and log.
    pub dir: PathBuf,
}

/// The server of this test process, started on first use.
pub fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| start().unwrap_or_else(|e| panic!("{e}")))
}

/// A fresh, empty database on this process's server; its URL.
pub fn database() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let server = server();
    let name = format!(
        "t{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let mut admin =
        postgres::Client::connect(&format!("{}/postgres", server.base_url), postgres::NoTls)
            .expect("connecting to the test server");
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("creating a test database");
    format!("{}/{name}", server.base_url)
}

/// Where the PostgreSQL server binaries are.
pub fn bin_dir() -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os("TRIANGULATE_PG_BIN") {
        return Ok(PathBuf::from(dir));
    }
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            if dir.join("initdb").is_file() && dir.join("postgres").is_file() {
                return Ok(dir);
            }
        }
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path().join("bin"))
        .filter(|d| d.join("initdb").is_file())
        .collect();
    // The newest major version: directory names are the version numbers.
    found.sort_by_key(|d| {
        d.parent()
            .and_then(|v| v.file_name())
            .and_then(|v| v.to_str())
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(0)
    });
    found.pop().ok_or_else(|| {
        "no PostgreSQL server binaries (initdb, postgres) found: install Debian's \
         `postgresql` package, or set TRIANGULATE_PG_BIN to their directory"
            .to_string()
    })
}

/// `initdb` refuses to run as root; as root the server runs as the `postgres` user the
/// Debian package creates.
fn as_server_user(program: &Path) -> Command {
    if is_root() {
        let mut cmd = Command::new("runuser");
        cmd.args(["-u", "postgres", "--"]).arg(program);
        cmd
    } else {
        Command::new(program)
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

/// Starts a server in a fresh temporary directory.
pub fn start() -> Result<Server, String> {
    let bin = bin_dir()?;
    let dir = tempfile::Builder::new()
        .prefix("triangulate-pg-")
        .tempdir()
        .map_err(|e| format!("no temporary directory: {e}"))?
        .keep();
    if is_root() {
        let status = Command::new("chown")
            .args(["-R", "postgres:postgres"])
            .arg(&dir)
            .status()
            .map_err(|e| format!("chown: {e}"))?;
        if !status.success() {
            return Err(format!(
                "cannot hand {} to the postgres user",
                dir.display()
            ));
        }
    }
    let data = dir.join("data");
    let out = as_server_user(&bin.join("initdb"))
        .arg("-D")
        .arg(&data)
        .args([
            "-A",
            "trust",
            "-U",
            "triangulate",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        ])
        .output()
        .map_err(|e| format!("running initdb from {}: {e}", bin.display()))?;
    if !out.status.success() {
        return Err(format!(
            "initdb failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    // A port can be taken between finding it free and the server binding it; try a few.
    let mut last = String::new();
    for _ in 0..5 {
        let port = free_port()?;
        match launch(&bin, &dir, &data, port) {
            Ok(()) => {
                return Ok(Server {
                    base_url: format!("postgres://triangulate@127.0.0.1:{port}"),
                    port,
                    dir,
                })
            }
            Err(e) => last = e,
        }
    }
    Err(last)
}

fn launch(bin: &Path, dir: &Path, data: &Path, port: u16) -> Result<(), String> {
    let log = dir.join("server.log");
    let postgres = bin.join("postgres");
    let run_as = if is_root() {
        "runuser -u postgres -- "
    } else {
        ""
    };
    // Durability settings off: the tests kill workers, never the server.
    let script = format!(
        "{run_as}'{postgres}' -D '{data}' -p {port} -k '{dir}' -c listen_addresses=127.0.0.1 \
           -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
           -c max_connections=200 >'{log}' 2>&1 &
         pg=$!
         while kill -0 {parent} 2>/dev/null && kill -0 $pg 2>/dev/null; do sleep 0.5; done
         kill -INT $(head -n 1 '{data}/postmaster.pid' 2>/dev/null) 2>/dev/null; wait $pg 2>/dev/null
         rm -rf '{dir}'",
        postgres = postgres.display(),
        data = data.display(),
        dir = dir.display(),
        log = log.display(),
        parent = std::process::id(),
    );
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("starting postgres: {e}"))?;
    let url = format!("postgres://triangulate@127.0.0.1:{port}/postgres");
    let started = Instant::now();
    loop {
        match postgres::Client::connect(&url, postgres::NoTls) {
            Ok(_) => return Ok(()),
            Err(e) if started.elapsed() > Duration::from_secs(30) => {
                let log = std::fs::read_to_string(&log).unwrap_or_default();
                return Err(format!("postgres did not start on port {port}: {e}\n{log}"));
            }
            Err(_) => std::thread::sleep(Duration::from_millis(100)),
        }
        if let Ok(log_text) = std::fs::read_to_string(&log) {
            if log_text.contains("could not bind") || log_text.contains("FATAL") {
                return Err(format!(
                    "postgres did not start on port {port}:\n{log_text}"
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn starts_a_server_and_hands_out_separate_databases() {
        let a = super::database();
        let b = super::database();
        assert_ne!(a, b);
        let mut client = postgres::Client::connect(&a, postgres::NoTls).unwrap();
        client.batch_execute("CREATE TABLE t (x int)").unwrap();
        let mut other = postgres::Client::connect(&b, postgres::NoTls).unwrap();
        let n: i64 = other
            .query_one(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 't'",
                &[],
            )
            .unwrap()
            .get(0);
        assert_eq!(n, 0);
    }
}
