//! Operating the server: backup and restore with PostgreSQL's own tools (`pg_dump` in
//! its custom format, `pg_restore` in one transaction), so a puskesmas IT person can
//! keep and bring back the whole database with one command each.

use std::path::Path;
use std::process::Command;

use deadpool_postgres::Pool;

use crate::db::{self, DbError};

#[derive(Debug, thiserror::Error)]
pub enum OpsError {
    #[error("{tool} could not be started: {error} (install postgresql-client-15)")]
    NoTool { tool: &'static str, error: String },
    #[error("{tool} failed: {message}")]
    Failed { tool: &'static str, message: String },
    #[error(
        "the database already holds this programme's tables: restore into a new, empty database \
         (createdb), then point AYAH_ASI_DATABASE_URL at it"
    )]
    NotEmpty,
    #[error("{0} already exists: choose a new file name, nothing was replaced")]
    FileExists(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<tokio_postgres::Error> for OpsError {
    fn from(error: tokio_postgres::Error) -> Self {
        Self::Db(error.into())
    }
}

impl From<deadpool_postgres::PoolError> for OpsError {
    fn from(error: deadpool_postgres::PoolError) -> Self {
        Self::Db(error.into())
    }
}

/// `pg_dump` and `pg_restore`: those of PostgreSQL 15 when installed, else from `PATH`.
fn tool(name: &'static str) -> Command {
    let pinned = Path::new("/usr/lib/postgresql/15/bin").join(name);
    if pinned.is_file() {
        Command::new(pinned)
    } else {
        Command::new(name)
    }
}

fn run(tool_name: &'static str, mut command: Command) -> Result<(), OpsError> {
    let output = command.output().map_err(|e| OpsError::NoTool {
        tool: tool_name,
        error: e.to_string(),
    })?;
    if output.status.success() {
        Ok(())
    } else {
        Err(OpsError::Failed {
            tool: tool_name,
            message: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        })
    }
}

/// Writes the whole database at `url` to a new file `file` (custom format: compressed,
/// restorable table by table). An existing file is never replaced.
pub fn backup(url: &str, file: &Path) -> Result<(), OpsError> {
    if file.exists() {
        return Err(OpsError::FileExists(file.display().to_string()));
    }
    let mut command = tool("pg_dump");
    command
        .arg("--format=custom")
        .arg("--no-owner")
        .arg("--file")
        .arg(file)
        .arg("--dbname")
        .arg(url);
    run("pg_dump", command)
}

/// Restores `file` into the empty database behind `pool` (at `url`), in one
/// transaction, then applies any migrations the backup predates.
pub async fn restore(pool: &Pool, url: &str, file: &Path) -> Result<usize, OpsError> {
    let client = pool.get().await?;
    let taken: bool = client
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM information_schema.tables
                            WHERE table_schema = 'public' AND table_name = 'schema_migration')",
            &[],
        )
        .await?
        .get(0);
    drop(client);
    if taken {
        return Err(OpsError::NotEmpty);
    }
    let mut command = tool("pg_restore");
    command
        .arg("--single-transaction")
        .arg("--exit-on-error")
        .arg("--no-owner")
        .arg("--dbname")
        .arg(url)
        .arg(file);
    run("pg_restore", command)?;
    Ok(db::migrate(pool).await?)
}
