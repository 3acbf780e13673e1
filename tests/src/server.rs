//! The puskesmas server for end-to-end tests: the real `ayah-asi-server` binary on a
//! free port, on a throwaway PostgreSQL cluster of its own. Dropping it stops both and
//! removes the cluster's folder, also when the test fails.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::Result;
use small_disk::SmallDisk;

mod small_disk;

const PG_BIN: &str = "/usr/lib/postgresql/15/bin";

/// The server binary: `AYAH_ASI_SERVER`, or the debug build of this workspace.
pub fn server_binary() -> PathBuf {
    match std::env::var_os("AYAH_ASI_SERVER") {
        Some(path) => PathBuf::from(path),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/debug/ayah-asi-server"),
    }
}

fn free_port() -> Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

/// Runs PostgreSQL 15's `program` (initdb, pg_ctl, pg_basebackup…) as the `postgres`
/// user, which these tools require.
pub fn as_postgres(program: &str, args: &[&str]) -> Result<()> {
    let status = Command::new("runuser")
        // As `postgres`, from a folder it may enter (else "could not change directory").
        .current_dir("/")
        .args(["-u", "postgres", "--", &format!("{PG_BIN}/{program}")])
        .args(args)
        .stdout(Stdio::null())
        .status()
        .map_err(|e| {
            format!("{program}: {e} (is PostgreSQL 15 installed? make test installs it)")
        })?;
    if !status.success() {
        return Err(format!("{program} {args:?} failed").into());
    }
    Ok(())
}

pub struct PuskesmasServer {
    // Unmounted before `dir` is removed (fields drop in this order).
    disk: Option<SmallDisk>,
    dir: tempfile::TempDir,
    pg_port: u16,
    process: ServerProcess,
}

/// The server process, shareable: a test's proxy may kill and restart it mid-request.
#[derive(Clone)]
pub struct ServerProcess {
    command: Arc<dyn Fn() -> Command + Send + Sync>,
    log: PathBuf,
    port: u16,
    child: Arc<Mutex<Option<Child>>>,
}

impl ServerProcess {
    /// Starts (or restarts) the server and waits until it answers.
    pub fn serve(&self) -> Result<()> {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)?;
        let child = (self.command)()
            .arg("serve")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()?;
        *self.child.lock().unwrap_or_else(|p| p.into_inner()) = Some(child);
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            if started.elapsed() > Duration::from_secs(20) {
                return Err("the server did not start listening".into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(())
    }

    /// Stops the server at once (SIGKILL), as a crash or a power cut would.
    pub fn kill(&self) {
        if let Some(mut child) = self.child.lock().unwrap_or_else(|p| p.into_inner()).take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Asks the server to stop (SIGTERM, as systemd does) and waits up to `limit` for
    /// it to exit; its exit status, or an error if it did not stop in time (then it is
    /// killed).
    pub fn terminate(&self, limit: Duration) -> Result<std::process::ExitStatus> {
        let mut guard = self.child.lock().unwrap_or_else(|p| p.into_inner());
        let Some(mut child) = guard.take() else {
            return Err("the server was not running".into());
        };
        Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()?;
        let started = Instant::now();
        loop {
            if let Some(status) = child.try_wait()? {
                return Ok(status);
            }
            if started.elapsed() > limit {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("the server did not stop within {limit:?} of SIGTERM").into());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The running server's process id.
    pub fn pid(&self) -> Option<u32> {
        self.child
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
            .map(Child::id)
    }
}

impl PuskesmasServer {
    /// A fresh cluster, migrated, with one puskesmas, posyandu Melati and cadre Bu Rina
    /// (cadre id 1); the server listening on 127.0.0.1.
    pub fn start() -> Result<Self> {
        Self::start_with(&[])
    }

    /// Like [`PuskesmasServer::start`], with the cluster on a disk of `megabytes` (a
    /// tmpfs, unmounted when the server is dropped) that [`PuskesmasServer::fill_disk`]
    /// fills up.
    pub fn start_on_small_disk(megabytes: u32) -> Result<Self> {
        Self::start_on(&[], Some(megabytes))
    }

    /// Like [`PuskesmasServer::start`], with extra settings for the server.
    pub fn start_with(settings: &[(&str, &str)]) -> Result<Self> {
        Self::start_on(settings, None)
    }

    fn start_on(settings: &[(&str, &str)], disk_megabytes: Option<u32>) -> Result<Self> {
        let settings: Vec<(String, String)> = settings
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let binary = server_binary();
        if !binary.is_file() {
            return Err(format!(
                "no server at {} (cargo build -p ayah-asi-server)",
                binary.display()
            )
            .into());
        }
        let dir = tempfile::Builder::new().prefix("ayah-asi-pg-").tempdir()?;
        let chown = Command::new("chown")
            .arg("postgres:postgres")
            .arg(dir.path())
            .status()?;
        if !chown.success() {
            return Err("chown of the cluster folder failed".into());
        }
        let data = dir.path().join("data");
        let disk = match disk_megabytes {
            Some(megabytes) => Some(SmallDisk::mount(&data, megabytes)?),
            None => None,
        };
        as_postgres(
            "initdb",
            &[
                "-D",
                &text(&data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
                // As `make server` and the README's install: ids compare as bytes.
                "--lc-collate=C",
            ],
        )?;
        let pg_port = free_port()?;
        let port = free_port()?;
        let url = format!(
            "host={} port={pg_port} user=postgres dbname=postgres",
            text(dir.path())
        );
        let log = dir.path().join("server.log");
        let command = move || {
            let mut command = Command::new(server_binary());
            command
                .env("AYAH_ASI_DATABASE_URL", &url)
                .env("AYAH_ASI_LISTEN", format!("127.0.0.1:{port}"))
                .env("RUST_LOG", "warn")
                .envs(settings.iter().map(|(k, v)| (k, v)));
            command
        };
        let server = Self {
            disk,
            dir,
            pg_port,
            process: ServerProcess {
                command: Arc::new(command),
                log,
                port,
                child: Arc::default(),
            },
        };
        server.start_postgres()?;
        server.cli(&["migrate"])?;
        server.cli(&["puskesmas", "add", "Puskesmas Rejosari"])?;
        server.cli(&["posyandu", "add", "Puskesmas Rejosari", "Melati"])?;
        server.cli(&["cadre", "add", "1", "Bu Rina"])?;
        server.serve()?;
        Ok(server)
    }

    /// Stops PostgreSQL at once (`pg_ctl stop -m immediate`: no checkpoint, as a crash).
    pub fn crash_postgres(&self) -> Result<()> {
        let data = self.dir.path().join("data");
        as_postgres(
            "pg_ctl",
            &["-D", &text(&data), "-m", "immediate", "-w", "stop"],
        )
    }

    /// Starts PostgreSQL again (after [`PuskesmasServer::crash_postgres`]).
    pub fn start_postgres(&self) -> Result<()> {
        let options = format!(
            "-p {} -k {} -c listen_addresses='' -c fsync=off",
            self.pg_port,
            text(self.dir.path())
        );
        let data = self.dir.path().join("data");
        let log = self.dir.path().join("postgres.log");
        as_postgres(
            "pg_ctl",
            &[
                "-D",
                &text(&data),
                "-o",
                &options,
                "-l",
                &text(&log),
                "-w",
                "start",
            ],
        )
    }

    /// Runs a command-line subcommand; its standard output.
    pub fn cli(&self, args: &[&str]) -> Result<String> {
        let output = (self.process.command)().args(args).output()?;
        if !output.status.success() {
            return Err(format!(
                "ayah-asi-server {args:?}: {}",
                String::from_utf8_lossy(&output.stderr)
            )
            .into());
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    }

    /// Runs a subcommand that reads a line from standard input (a new account's
    /// password); its standard output.
    pub fn cli_with_input(&self, args: &[&str], input: &str) -> Result<String> {
        use std::io::Write;
        let mut child = (self.process.command)()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        if let Some(mut stdin) = child.stdin.take() {
            writeln!(stdin, "{input}")?;
        }
        let output = child.wait_with_output()?;
        if !output.status.success() {
            return Err(format!(
                "ayah-asi-server {args:?}: {}",
                String::from_utf8_lossy(&output.stderr)
            )
            .into());
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    }

    /// Runs `COPY ... FROM STDIN` (`sql`) with what `write` produces as its input.
    pub fn copy_in(
        &self,
        sql: &str,
        write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<()> {
        let mut child = Command::new("runuser")
            // As `postgres`, from a folder it may enter (else "could not change directory").
            .current_dir("/")
            .args([
                "-u",
                "postgres",
                "--",
                "psql",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
            ])
            .arg(self.dir.path())
            .args(["-p", &self.pg_port.to_string(), "-d", "postgres", "-c", sql])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()?;
        if let Some(stdin) = child.stdin.take() {
            let mut buffered = std::io::BufWriter::with_capacity(1 << 20, stdin);
            write(&mut buffered)?;
            std::io::Write::flush(&mut buffered)?;
        }
        let output = child.wait_with_output()?;
        if !output.status.success() {
            return Err(format!("psql COPY: {}", String::from_utf8_lossy(&output.stderr)).into());
        }
        Ok(())
    }

    /// PostgreSQL's own log (plans, when auto_explain is on).
    pub fn postgres_log(&self) -> Result<String> {
        Ok(std::fs::read_to_string(
            self.dir.path().join("postgres.log"),
        )?)
    }

    /// The folder of the cluster's Unix socket, and its port (for a replica).
    pub fn postgres_socket(&self) -> (&Path, u16) {
        (self.dir.path(), self.pg_port)
    }

    /// What the server has logged so far (standard error of every run).
    pub fn log(&self) -> Result<String> {
        Ok(std::fs::read_to_string(&self.process.log)?)
    }

    /// A dashboard account of the test puskesmas (`role`: admin, puskesmas or midwife; a
    /// midwife's posyandu by id).
    pub fn add_account(
        &self,
        login: &str,
        role: &str,
        name: &str,
        posyandu: Option<&str>,
        password: &str,
    ) -> Result<()> {
        let mut args = vec!["account", "add", "Puskesmas Rejosari", login, role, name];
        args.extend(posyandu);
        self.cli_with_input(&args, password)?;
        Ok(())
    }

    /// A one-time pairing code for cadre 1's phone.
    pub fn cadre_code(&self) -> Result<String> {
        let printed = self.cli(&["pairing-code", "1"])?;
        printed
            .split_whitespace()
            .next()
            .map(str::to_owned)
            .ok_or_else(|| "no code printed".into())
    }

    /// Starts (or restarts) the server and waits until it answers.
    pub fn serve(&self) -> Result<()> {
        self.process.serve()
    }

    /// Stops the server at once (SIGKILL), as a crash or a power cut would.
    pub fn kill(&self) {
        self.process.kill();
    }

    /// The process, for a proxy that kills it mid-request.
    pub fn process(&self) -> ServerProcess {
        self.process.clone()
    }

    /// The address the app types: plain HTTP is allowed to this computer only.
    pub fn address(&self) -> String {
        format!("http://127.0.0.1:{}", self.process.port)
    }

    /// Counts rows on the server with `psql`.
    pub fn count(&self, sql: &str) -> Result<i64> {
        Ok(self.query(sql)?.trim().parse()?)
    }

    /// What `psql` prints for `sql`, unaligned (for counts and for messages on failure).
    pub fn query(&self, sql: &str) -> Result<String> {
        psql(self.dir.path(), self.pg_port, sql)
    }
}

/// What `psql` prints for `sql` on the cluster whose socket is in `socket_dir`.
pub fn psql(socket_dir: &Path, port: u16, sql: &str) -> Result<String> {
    let output = Command::new("runuser")
        // As `postgres`, from a folder it may enter (else "could not change directory").
        .current_dir("/")
        .args(["-u", "postgres", "--", "psql", "-tA", "-h"])
        .arg(socket_dir)
        .args(["-p", &port.to_string(), "-d", "postgres", "-c", sql])
        .output()?;
    if !output.status.success() {
        return Err(format!("psql: {}", String::from_utf8_lossy(&output.stderr)).into());
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

impl Drop for PuskesmasServer {
    fn drop(&mut self) {
        self.kill();
        let data = self.dir.path().join("data");
        let _ = Command::new("runuser")
            // As `postgres`, from a folder it may enter (else "could not change directory").
            .current_dir("/")
            .args(["-u", "postgres", "--", &format!("{PG_BIN}/pg_ctl")])
            .args(["-D", &text(&data), "-m", "immediate", "-w", "stop"])
            .stdout(Stdio::null())
            .status();
    }
}

fn text(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}
