//! PostgreSQL for the server's tests, and the server on a free port in the test's own
//! runtime. Each test binary starts one cluster, migrates a template database once, and
//! gives every test its own copy (`CREATE DATABASE ... TEMPLATE`, the idea of
//! `#[sqlx::test]`): a test sees only its own rows. A watcher stops the cluster and
//! removes its folder when the test binary ends, also when it fails. Tests that stop
//! PostgreSQL under the server start a private cluster ([`Server::start_private`]),
//! which their `Drop` stops.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use ayah_asi_core::sync::wire;
use ayah_asi_server::{db, http};

// Each test file uses some of these.
#[allow(dead_code)]
pub mod web;

const BIN: &str = "/usr/lib/postgresql/15/bin";

pub struct Cluster {
    dir: tempfile::TempDir,
    port: u16,
}

fn as_postgres(program: &str, args: &[&str]) {
    let status = Command::new("runuser")
        // As `postgres`, from a folder it may enter (else "could not change directory").
        .current_dir("/")
        .args(["-u", "postgres", "--", &format!("{BIN}/{program}")])
        .args(args)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap_or_else(|e| {
            panic!("{program}: {e} (is PostgreSQL 15 installed? make test installs it)")
        });
    assert!(status.success(), "{program} {args:?} failed");
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(54329)
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap_or_default()
}

impl Cluster {
    /// initdb runs as `postgres` (it refuses root); the socket is in the cluster's folder.
    pub fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let status = Command::new("chown")
            .arg("postgres:postgres")
            .arg(dir.path())
            .status()
            .unwrap();
        assert!(status.success(), "chown");
        let data = dir.path().join("data");
        let port = free_port();
        as_postgres(
            "initdb",
            &[
                "-D",
                path(&data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
                // As `make server` and the README's install: ids compare as bytes.
                "--lc-collate=C",
            ],
        );
        let cluster = Self { dir, port };
        cluster.run();
        cluster
    }

    /// Starts the (stopped) cluster again on its port.
    pub fn run(&self) {
        let options = format!(
            "-p {} -k {} -c listen_addresses='' -c fsync=off",
            self.port,
            path(self.dir.path())
        );
        let data = self.dir.path().join("data");
        let log = self.dir.path().join("log");
        as_postgres(
            "pg_ctl",
            &[
                "-D",
                path(&data),
                "-o",
                &options,
                "-l",
                path(&log),
                "-w",
                "start",
            ],
        );
    }

    /// Stops it at once, as a crash would (what `Drop` does too).
    pub fn kill(&self) {
        let data: PathBuf = self.dir.path().join("data");
        let _ = Command::new("runuser")
            // As `postgres`, from a folder it may enter (else "could not change directory").
            .current_dir("/")
            .args(["-u", "postgres", "--", &format!("{BIN}/pg_ctl")])
            .args(["-D", path(&data), "-m", "immediate", "-w", "stop"])
            .stdout(std::process::Stdio::null())
            .status();
    }

    pub fn url(&self) -> String {
        self.url_of("postgres")
    }

    pub fn url_of(&self, database: &str) -> String {
        url(self.dir.path(), self.port, database)
    }
}

/// The address of `database` on the cluster whose socket is in `socket_dir`.
fn url(socket_dir: &Path, port: u16, database: &str) -> String {
    format!(
        "host={} port={port} user=postgres dbname={database}",
        path(socket_dir)
    )
}

/// The test binary's shared cluster: its address, and the migrated template.
struct Shared {
    socket_dir: PathBuf,
    port: u16,
}

impl Shared {
    fn url_of(&self, database: &str) -> String {
        url(&self.socket_dir, self.port, database)
    }
}

const TEMPLATE: &str = "migrated";

/// Starts the binary's cluster once, with a watcher that stops it and removes its
/// folder when this process ends (a `static` is never dropped), and migrates the
/// template database.
fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let cluster = Cluster::start();
        let dir = cluster.dir.path().to_owned();
        let watcher = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 0.2; done; \
             runuser -u postgres -- {BIN}/pg_ctl -D '{data}' -m immediate -w stop >/dev/null 2>&1; \
             rm -rf '{dir}'",
            pid = std::process::id(),
            data = path(&dir.join("data")),
            dir = path(&dir),
        );
        // It outlives this process on purpose: nobody waits for it.
        #[allow(clippy::zombie_processes)]
        Command::new("setsid")
            .current_dir("/")
            .args(["sh", "-c", &watcher])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("the cluster's watcher starts");
        let shared = Shared {
            socket_dir: dir,
            port: cluster.port,
        };
        // The watcher owns the cluster now: neither stop it nor remove its folder here.
        std::mem::forget(cluster);
        let (admin_url, template_url) = (shared.url_of("postgres"), shared.url_of(TEMPLATE));
        let migrate = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                let admin = db::pool(&admin_url, 1).unwrap();
                let client = admin.get().await.unwrap();
                client
                    .batch_execute(&format!("CREATE DATABASE {TEMPLATE}"))
                    .await
                    .unwrap();
                drop(client);
                let pool = db::pool(&template_url, 1).unwrap();
                db::migrate(&pool).await.unwrap();
            });
        });
        migrate.join().expect("the template migrates");
        shared
    })
}

/// A new database of the shared cluster, copied from the migrated template: its URL.
async fn fresh_database() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let shared = shared();
    let name = format!("test_{}", NEXT.fetch_add(1, Ordering::Relaxed));
    let admin = db::pool(&shared.url_of("postgres"), 1).unwrap();
    let client = admin.get().await.unwrap();
    // One copy at a time: PostgreSQL refuses a template another session is copying.
    static COPYING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    let _turn = COPYING.lock().await;
    let create = format!("CREATE DATABASE {name} TEMPLATE {TEMPLATE}");
    // The migration's own connection may take a moment to leave the template.
    for attempt in 0.. {
        match client.batch_execute(&create).await {
            Ok(()) => break,
            Err(_) if attempt < 50 => {
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            Err(e) => panic!("{create}: {e}"),
        }
    }
    shared.url_of(&name)
}

impl Drop for Cluster {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A migrated database and the server answering on a free port.
pub struct Server {
    /// A private cluster, which stops when the test ends (its `Drop`); `None` on the
    /// shared one.
    cluster: Option<Cluster>,
    /// The test's database.
    #[allow(dead_code)]
    pub url: String,
    pub pool: deadpool_postgres::Pool,
    #[allow(dead_code)]
    pub base: String,
}

impl Server {
    #[allow(dead_code)]
    pub async fn start() -> Self {
        Self::start_with(http::Settings::default()).await
    }

    pub async fn start_with(settings: http::Settings) -> Self {
        let url = fresh_database().await;
        Self::serve(None, url, settings).await
    }

    /// On a cluster of its own, for a test that stops PostgreSQL under the server.
    #[allow(dead_code)]
    pub async fn start_private() -> Self {
        let cluster = Cluster::start();
        let url = cluster.url();
        let pool = db::pool(&url, 1).unwrap();
        db::migrate(&pool).await.unwrap();
        Self::serve(Some(cluster), url, http::Settings::default()).await
    }

    /// The private cluster (a test started with [`Self::start_private`]).
    #[allow(dead_code)]
    pub fn cluster(&self) -> &Cluster {
        self.cluster
            .as_ref()
            .expect("a private cluster: Server::start_private")
    }

    async fn serve(cluster: Option<Cluster>, url: String, settings: http::Settings) -> Self {
        // `cargo test` over the workspace builds reqwest once with the app's TLS feature
        // (rustls without a provider): the tests' plain-HTTP clients then need one chosen.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let pool = db::pool(&url, 8).unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let state = http::AppState::new(pool.clone(), settings).unwrap();
        tokio::spawn(async move {
            let _ =
                ayah_asi_server::serve::serve(listener, state, None, std::future::pending()).await;
        });
        Self {
            cluster,
            url,
            pool,
            base: format!("http://{address}"),
        }
    }

    /// Every row of the tables a sync writes, to compare before and after a refusal.
    #[allow(dead_code)]
    pub async fn dump(&self) -> Vec<String> {
        let client = self.pool.get().await.unwrap();
        let mut rows = Vec::new();
        for table in [
            "record",
            "record_history",
            "tombstone",
            "conflict",
            "push",
            "family_assignment",
            "device",
        ] {
            for row in client
                .query(
                    &format!("SELECT row_to_json(t)::text FROM {table} t ORDER BY 1"),
                    &[],
                )
                .await
                .unwrap()
            {
                rows.push(format!("{table}: {}", row.get::<_, String>(0)));
            }
        }
        rows
    }
}

/// Cadre `name` of a new posyandu `posyandu` of Puskesmas Rejosari (made the first
/// time): her id.
#[allow(dead_code)]
pub async fn cadre(server: &Server, posyandu: &str, name: &str) -> i64 {
    let client = server.pool.get().await.unwrap();
    client
        .execute(
            "INSERT INTO puskesmas (name) VALUES ('Puskesmas Rejosari') ON CONFLICT DO NOTHING",
            &[],
        )
        .await
        .unwrap();
    let posyandu = ayah_asi_server::org::add_posyandu(&server.pool, "Puskesmas Rejosari", posyandu)
        .await
        .unwrap();
    ayah_asi_server::org::add_cadre(&server.pool, posyandu, name)
        .await
        .unwrap()
}

/// Spends a pairing code over HTTP.
#[allow(dead_code)]
pub async fn pair(server: &Server, code: &str) -> reqwest::Response {
    reqwest::Client::new()
        .post(format!("{}{}", server.base, wire::PAIR_PATH))
        .json(&serde_json::json!({ "code": code, "appVersion": "0.1.0" }))
        .send()
        .await
        .unwrap()
}

/// A phone paired for `cadre` (with `family`, that family's phone): its token.
#[allow(dead_code)]
pub async fn paired(server: &Server, cadre: i64, family: Option<&str>) -> String {
    let code = ayah_asi_server::org::make_pairing_code(&server.pool, cadre, family)
        .await
        .unwrap();
    let answer: serde_json::Value = pair(server, &code).await.json().await.unwrap();
    answer["token"].as_str().unwrap().to_owned()
}

/// A push over HTTP, named `push_id`.
#[allow(dead_code)]
pub async fn push(
    server: &Server,
    token: &str,
    push_id: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    reqwest::Client::new()
        .post(format!("{}{}", server.base, wire::PUSH_PATH))
        .bearer_auth(token)
        .header("content-type", wire::BUNDLE_TYPE)
        .header(wire::PUSH_ID_HEADER, push_id)
        .body(bytes)
        .send()
        .await
        .unwrap()
}

/// A one-time code for `family`'s phone, asked for by the cadre's phone `token`.
#[allow(dead_code)]
pub async fn family_code(server: &Server, token: &str, family: &str) -> String {
    let answer: serde_json::Value = reqwest::Client::new()
        .post(format!("{}{}", server.base, wire::FAMILY_CODE_PATH))
        .bearer_auth(token)
        .json(&serde_json::json!({ "familyId": family }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    answer["code"].as_str().unwrap().to_owned()
}

/// Every row of every table of the public schema, as JSON text, sorted.
#[allow(dead_code)]
pub async fn every_row(pool: &deadpool_postgres::Pool) -> Vec<String> {
    let client = pool.get().await.unwrap();
    let tables: Vec<String> = client
        .query(
            "SELECT table_name FROM information_schema.tables
             WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let mut rows = Vec::new();
    for table in tables {
        let sql = format!("SELECT row_to_json(t)::text FROM {table} t ORDER BY 1");
        for row in client.query(&sql, &[]).await.unwrap() {
            rows.push(format!("{table}: {}", row.get::<_, String>(0)));
        }
    }
    rows
}
