//! The PostgreSQL pool and the numbered migrations (`migrations/NNN-name.sql`), each
//! applied once, in order, in its own transaction.

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::NoTls;

/// The migrations, embedded in order.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "001-organisation",
        include_str!("../migrations/001-organisation.sql"),
    ),
    ("002-records", include_str!("../migrations/002-records.sql")),
    (
        "003-natural-keys",
        include_str!("../migrations/003-natural-keys.sql"),
    ),
    ("004-posko", include_str!("../migrations/004-posko.sql")),
    (
        "005-dashboard",
        include_str!("../migrations/005-dashboard.sql"),
    ),
    (
        "006-dashboard-indexes",
        include_str!("../migrations/006-dashboard-indexes.sql"),
    ),
    (
        "007-report-columns",
        include_str!("../migrations/007-report-columns.sql"),
    ),
    (
        "008-lighter-push",
        include_str!("../migrations/008-lighter-push.sql"),
    ),
    (
        "009-cadre-counselling",
        include_str!("../migrations/009-cadre-counselling.sql"),
    ),
    (
        "010-later-ratings",
        include_str!("../migrations/010-later-ratings.sql"),
    ),
    ("011-owners", include_str!("../migrations/011-owners.sql")),
    ("012-erasure", include_str!("../migrations/012-erasure.sql")),
    (
        "013-district",
        include_str!("../migrations/013-district.sql"),
    ),
];

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("the database URL is not valid: {0}")]
    BadUrl(String),
    #[error("the database pool: {0}")]
    Pool(String),
    #[error(transparent)]
    Postgres(#[from] tokio_postgres::Error),
    #[error("the database has migration {found} this server does not know: install a newer server")]
    NewerDatabase { found: String },
}

impl DbError {
    /// PostgreSQL could not write for want of disk space (SQLSTATE 53100): its
    /// transaction was rolled back, and writing works again once there is room.
    pub fn is_disk_full(&self) -> bool {
        match self {
            Self::Postgres(error) => {
                error.code() == Some(&tokio_postgres::error::SqlState::DISK_FULL)
            }
            _ => false,
        }
    }
}

impl From<deadpool_postgres::PoolError> for DbError {
    fn from(error: deadpool_postgres::PoolError) -> Self {
        Self::Pool(error.to_string())
    }
}

/// The longest one statement runs (a district's report takes about a second).
pub const STATEMENT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);
/// The longest a statement waits for a lock (a push waits for another of its cadre's).
pub const LOCK_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15);
/// A transaction left open this long without a statement is ended by PostgreSQL.
pub const IDLE_IN_TRANSACTION_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);
/// The longest a request waits for a free connection (or a new one): then 503.
pub const POOL_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// A pool on `url` (`postgres://user@host:port/db` or key=value form).
pub fn pool(url: &str, size: usize) -> Result<Pool, DbError> {
    let mut config: tokio_postgres::Config = url
        .parse()
        .map_err(|e: tokio_postgres::Error| DbError::BadUrl(e.to_string()))?;
    // No JIT compilation: the report's larger queries spent 350 ms compiling to save a
    // few (make bench-district); every page here wants an answer in milliseconds. And
    // every wait has an end: a statement, a lock, a transaction left open.
    let options = config.get_options().unwrap_or_default().to_owned();
    config.options(
        format!(
            "{options} -c jit=off -c statement_timeout={}s -c lock_timeout={}s \
             -c idle_in_transaction_session_timeout={}s",
            STATEMENT_TIMEOUT.as_secs(),
            LOCK_TIMEOUT.as_secs(),
            IDLE_IN_TRANSACTION_TIMEOUT.as_secs()
        )
        .trim(),
    );
    let manager = Manager::from_config(
        config,
        NoTls,
        ManagerConfig {
            recycling_method: RecyclingMethod::Fast,
        },
    );
    Pool::builder(manager)
        .max_size(size)
        .wait_timeout(Some(POOL_WAIT))
        .create_timeout(Some(POOL_WAIT))
        .runtime(deadpool_postgres::Runtime::Tokio1)
        .build()
        .map_err(|e| DbError::Pool(e.to_string()))
}

/// Applies the migrations not yet applied; returns how many it applied.
pub async fn migrate(pool: &Pool) -> Result<usize, DbError> {
    let mut client = pool.get().await?;
    client
        .batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_migration (
                 name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
        )
        .await?;
    let applied: Vec<String> = client
        .query("SELECT name FROM schema_migration ORDER BY name", &[])
        .await?
        .iter()
        .map(|r| r.get(0))
        .collect();
    if let Some(unknown) = applied
        .iter()
        .find(|a| !MIGRATIONS.iter().any(|(n, _)| n == *a))
    {
        return Err(DbError::NewerDatabase {
            found: unknown.clone(),
        });
    }
    let mut count = 0;
    for (name, sql) in MIGRATIONS {
        if applied.iter().any(|a| a == name) {
            continue;
        }
        let tx = client.transaction().await?;
        // A migration may rebuild an index of a district's records: no time limit.
        tx.batch_execute("SET LOCAL statement_timeout = 0; SET LOCAL lock_timeout = 0")
            .await?;
        tx.batch_execute(sql).await?;
        tx.execute("INSERT INTO schema_migration (name) VALUES ($1)", &[name])
            .await?;
        tx.commit().await?;
        count += 1;
    }
    Ok(count)
}

/// Whether every migration this server knows is applied (for health checks).
pub async fn is_current(pool: &Pool) -> Result<bool, DbError> {
    let client = pool.get().await?;
    let row = client
        .query_one("SELECT count(*) FROM schema_migration", &[])
        .await?;
    let applied: i64 = row.get(0);
    Ok(usize::try_from(applied).unwrap_or(0) == MIGRATIONS.len())
}
